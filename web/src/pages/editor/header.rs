//! The survey's own fields and its dimensions.

use std::rc::Rc;

use serde_json::Value;
use yew::prelude::*;

use super::edit::{languages, Edit, TextAt};
use super::fields::{field_value, Form, Input, Text};
use crate::components::bilingual::FieldErrors;
use crate::i18n::{t, ta, Lang};

#[derive(Properties, PartialEq)]
pub(super) struct SurveyProps {
    pub(super) form: Form,
    pub(super) doc: Rc<Value>,
}

/// Id, audience, title, introduction and the smallest groups shown.
#[component]
pub(super) fn General(props: &SurveyProps) -> Html {
    let (form, doc) = (&props.form, &props.doc);
    let lang = form.lang;
    html! {
        <section class="card ed-general" aria-labelledby="ed-general-title">
            <h2 id="ed-general-title">{ t(lang, "ed-general") }</h2>
            <Input form={form.clone()} id="ed-id" label={t(lang, "ed-survey-id")} field="id"
                value={doc["id"].as_str().unwrap_or("").to_owned()} on_change={form.on(Edit::SurveyId)} />
            <div class="field">
                <label for="ed-audience">{ t(lang, "ed-audience") }</label>
                <select id="ed-audience" onchange={form.on(|e: Event| Edit::Audience(field_value(&e)))}>
                    <option value="internal" selected={doc["audience"] == "internal"}>{ t(lang, "ed-audience-internal") }</option>
                    <option value="external" selected={doc["audience"] == "external"}>{ t(lang, "ed-audience-external") }</option>
                </select>
            </div>
            <Languages form={form.clone()} doc={doc.clone()} />
            <Text form={form.clone()} id="ed-title-text" label={t(lang, "ed-survey-title")} field="title"
                value={doc["title"].clone()} at={TextAt::Title} />
            <Text form={form.clone()} id="ed-intro" label={t(lang, "ed-intro")} field="intro"
                value={doc.get("intro").cloned().unwrap_or(Value::Null)} at={TextAt::Intro} rows={6} />
            <Input form={form.clone()} id="ed-min-group" label={t(lang, "ed-min-group")} field="min_group" kind="number"
                value={doc["min_group"].as_u64().unwrap_or(5).to_string()} on_change={form.on(Edit::MinGroup)} />
            <Input form={form.clone()} id="ed-min-group-text" label={t(lang, "ed-min-group-text")} field="min_group_text" kind="number"
                value={doc["min_group_text"].as_u64().unwrap_or(10).to_string()} on_change={form.on(Edit::MinGroupText)} />
            <p class="hint">{ t(lang, "ed-min-group-hint") }</p>
        </section>
    }
}

/// The languages every text is given in: the app's four, Russian always; declaring
/// one asks for it in every text (the validator lists each missing one).
#[component]
fn Languages(props: &SurveyProps) -> Html {
    let (form, doc) = (&props.form, &props.doc);
    let lang = form.lang;
    let declared = languages(doc);
    let errors = form.errors("languages");
    let described = if errors.is_empty() {
        "ed-languages-hint"
    } else {
        "ed-languages-hint ed-languages-error"
    };
    let boxes = Lang::ALL.into_iter().map(|l| {
        let id = format!("ed-lang-{}", l.code());
        let onchange = form.on(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            Edit::Language(l, on)
        });
        html! {
            <label class="check" for={id.clone()}>
                <input type="checkbox" {id} checked={declared.iter().any(|c| c == l.code())}
                    disabled={l == Lang::Ru} {onchange} />
                <span lang={l.code()}>{ l.native_name() }</span>
            </label>
        }
    });
    html! {
        <fieldset class="field ed-languages" aria-describedby={described}>
            <legend>{ t(lang, "ed-languages") }</legend>
            { for boxes }
            <p class="hint" id="ed-languages-hint">{ t(lang, "ed-languages-hint") }</p>
            <FieldErrors id="ed-languages" {errors} />
        </fieldset>
    }
}

/// The dimensions: id, title and weight of each.
#[component]
pub(super) fn Dimensions(props: &SurveyProps) -> Html {
    let (form, doc) = (&props.form, &props.doc);
    let lang = form.lang;
    let dimensions = doc["dimensions"].as_array().cloned().unwrap_or_default();
    html! {
        <section class="card ed-dimensions" aria-labelledby="ed-dims-title">
            <h2 id="ed-dims-title">{ t(lang, "ed-dimensions") }</h2>
            <p class="hint">{ t(lang, "ed-dimensions-hint") }</p>
            { for dimensions.iter().enumerate().map(|(i, dim)| html! {
                <div class="ed-dimension" id={format!("ed-dim-{i}")}>
                    <Input form={form.clone()} id={format!("ed-dim-{i}-id")} label={t(lang, "ed-dimension-id")}
                        field={format!("dimensions[{i}].id")} value={dim["id"].as_str().unwrap_or("").to_owned()}
                        on_change={form.on(move |v| Edit::DimensionId(i, v))} />
                    <Text form={form.clone()} id={format!("ed-dim-{i}-title")} label={t(lang, "ed-dimension-title")}
                        field={format!("dimensions[{i}].title")} value={dim["title"].clone()} at={TextAt::Dimension(i)} />
                    <Input form={form.clone()} id={format!("ed-dim-{i}-weight")} label={t(lang, "ed-dimension-weight")}
                        field={format!("dimensions[{i}].weight")} kind="number"
                        value={dim.get("weight").map_or("1".to_owned(), |w| w.to_string())}
                        on_change={form.on(move |v| Edit::DimensionWeight(i, v))} />
                    <button type="button" class="small" onclick={form.does(Edit::RemoveDimension(i))}
                        aria-label={ta(lang, "ed-dimension-remove", &[("n", (i + 1).into())])}>{ t(lang, "ed-remove") }</button>
                </div>
            }) }
            <button type="button" id="ed-add-dimension" onclick={form.does(Edit::AddDimension)}>{ t(lang, "ed-add-dimension") }</button>
        </section>
    }
}
