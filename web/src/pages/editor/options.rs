//! The options of a choice: id, label, and for groups their size, for touchpoints
//! their channel.

use serde_json::Value;
use yew::prelude::*;

use super::edit::{Edit, QuestionEdit, TextAt};
use super::fields::{field_value, Form, Input, Text};
use crate::components::bilingual::FieldErrors;
use crate::i18n::{t, ta};
use crate::services;

#[derive(Properties, PartialEq)]
pub(super) struct OptionsProps {
    pub(super) form: Form,
    /// The question's position.
    pub(super) index: usize,
    pub(super) question: Value,
}

#[component]
pub(super) fn Options(props: &OptionsProps) -> Html {
    let (form, i, q) = (&props.form, props.index, &props.question);
    let lang = form.lang;
    let base = format!("questions[{i}]");
    let edit = move |e: QuestionEdit| Edit::Question(i, e);
    let group = q["group"] == true;
    let touchpoint = q["role"] == "touchpoint";
    let options: Vec<Value> = q["options"].as_array().cloned().unwrap_or_default();
    let errors = form.errors(&format!("{base}.options"));
    let on_add = {
        let add = form.does::<()>(edit(QuestionEdit::AddOption));
        let target = format!("ed-q-{i}-o-{}-id", options.len());
        Callback::from(move |_: MouseEvent| {
            add.emit(());
            let target = target.clone();
            gloo::timers::callback::Timeout::new(0, move || services::focus(&target)).forget();
        })
    };
    html! {
        <fieldset class="ed-options">
            <legend>{ t(lang, "ed-options") }</legend>
            if !errors.is_empty() && options.is_empty() {
                <FieldErrors id={format!("ed-q-{i}-options")} {errors} />
            }
            <ol>
            { for options.iter().enumerate().map(|(j, o)| {
                let ob = format!("{base}.options[{j}]");
                let op = |s: &str| format!("ed-q-{i}-o-{j}-{s}");
                html! {
                    <li class="ed-option">
                        <Input form={form.clone()} id={op("id")} label={t(lang, "ed-option-id")} field={format!("{ob}.id")}
                            value={o["id"].as_str().unwrap_or("").to_owned()}
                            on_change={form.on(move |v| edit(QuestionEdit::OptionId(j, v)))} />
                        <Text form={form.clone()} id={op("label")} label={t(lang, "ed-option-label")} field={format!("{ob}.label")}
                            value={o["label"].clone()} at={TextAt::Option(i, j)} />
                        if group {
                            <Input form={form.clone()} id={op("headcount")} label={t(lang, "ed-option-headcount")}
                                field={format!("{ob}.headcount")} kind="number"
                                value={o.get("headcount").map(|h| h.to_string()).unwrap_or_default()}
                                on_change={form.on(move |v| edit(QuestionEdit::Headcount(j, v)))} />
                        }
                        if touchpoint {
                            <div class="field">
                                <label for={op("channel")}>{ t(lang, "ed-option-channel") }</label>
                                <select id={op("channel")} onchange={form.on(move |e: Event| edit(QuestionEdit::Channel(j, field_value(&e))))}>
                                    <option value="" selected={o.get("channel").is_none()}>{ t(lang, "ed-channel-none") }</option>
                                    <option value="digital" selected={o["channel"] == "digital"}>{ t(lang, "ed-channel-digital") }</option>
                                    <option value="offline" selected={o["channel"] == "offline"}>{ t(lang, "ed-channel-offline") }</option>
                                </select>
                            </div>
                        }
                        <button type="button" class="small" onclick={form.does(edit(QuestionEdit::RemoveOption(j)))}
                            aria-label={ta(lang, "ed-option-remove", &[("n", (j + 1).into()), ("q", (i + 1).into())])}>{ t(lang, "ed-remove") }</button>
                    </li>
                }
            }) }
            </ol>
            <button type="button" id={format!("ed-q-{i}-add-option")} onclick={on_add}>{ t(lang, "ed-add-option") }</button>
        </fieldset>
    }
}
