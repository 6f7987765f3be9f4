//! One question's card: folded to one line (its type, its short text, its problem
//! count), or open with its tools and fields.

use std::rc::Rc;

use serde_json::Value;
use yew::prelude::*;

use super::edit::{Edit, QuestionEdit, TextAt};
use super::fields::{field_value, Check, Form, Input, Text};
use super::kinds::KindFields;
use super::model::text_pair;
use super::TYPES;
use crate::components::bilingual::{invalid, FieldErrors};
use crate::i18n::{t, ta, Lang};
use crate::services;

const ROLES: [&str; 5] = ["effort", "resolution", "touchpoint", "need", "segment"];

#[derive(Properties, PartialEq)]
pub(super) struct CardProps {
    pub(super) form: Form,
    /// The question's position.
    pub(super) index: usize,
    pub(super) doc: Rc<Value>,
    pub(super) open: bool,
    /// The anonymity warnings about the question, in words.
    pub(super) warnings: Vec<String>,
    pub(super) on_toggle: Callback<bool>,
}

/// Focuses `target` once the page has redrawn.
fn focus_later(target: String) {
    gloo::timers::callback::Timeout::new(0, move || services::focus(&target)).forget();
}

#[component]
pub(super) fn QuestionCard(props: &CardProps) -> Html {
    let (form, i, doc) = (&props.form, props.index, &props.doc);
    let lang = form.lang;
    let questions = doc["questions"].as_array().map_or(&[][..], Vec::as_slice);
    let n_questions = questions.len();
    let q = &questions[i];
    let base = format!("questions[{i}]");
    let p = |s: &str| format!("ed-q-{i}-{s}");
    let edit = move |e: QuestionEdit| Edit::Question(i, e);
    let kind = q["type"].as_str().unwrap_or("").to_owned();
    let qid = q["id"].as_str().unwrap_or("").to_owned();

    // Up and down keep the focus on the button, which moved with its question.
    let mv = |j: Option<usize>, focus: String| {
        let on_edit = form.on_edit.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(j) = j.filter(|&j| j < n_questions) {
                on_edit.emit(Edit::SwapQuestions(i, j));
            }
            focus_later(focus.clone());
        })
    };
    let on_up = mv(i.checked_sub(1), format!("ed-q-{}-up", i.saturating_sub(1)));
    let on_down = mv(Some(i + 1), format!("ed-q-{}-down", i + 1));

    let earlier: Vec<(String, String)> = questions[..i]
        .iter()
        .filter(|e| {
            matches!(
                e["type"].as_str(),
                Some("choice" | "multi" | "yesno" | "scale" | "nps")
            )
        })
        .map(|e| {
            (
                e["id"].as_str().unwrap_or("").to_owned(),
                text_pair(&e["text"]).0,
            )
        })
        .collect();
    let cond_q = q["visible_if"]["question"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    let cond_values = q["visible_if"]["in"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    let card_errors = form.errors(&base);
    // The folded card's line: its type and its (short) text.
    let summary_text = {
        let (ru, en) = text_pair(q.get("short").unwrap_or(&q["text"]));
        let text = if lang == Lang::En && !en.is_empty() {
            en
        } else {
            ru
        };
        let text = if text.is_empty() {
            text_pair(&q["text"]).0
        } else {
            text
        };
        let kind_name = t(lang, &format!("ed-type-{kind}"));
        if text.is_empty() {
            kind_name
        } else {
            format!("{kind_name} · {text}")
        }
    };
    let role_field = format!("{base}.role");
    let ontoggle = props.on_toggle.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::Element>()
            .has_attribute("open")
    });
    let dimensions = doc["dimensions"].as_array().cloned().unwrap_or_default();
    html! {
        <li class="card ed-question" id={format!("ed-q-{i}")} aria-labelledby={p("heading")}>
          <details open={props.open} id={p("details")} {ontoggle}>
            <summary>
                <h3 id={p("heading")}>{ ta(lang, "ed-question-heading", &[("n", (i + 1).into()), ("id", qid.clone().into())]) }</h3>
                <span class="ed-q-summary">{ summary_text }</span>
                if !card_errors.is_empty() {
                    <span class="error">{ ta(lang, "ed-question-problems", &[("n", card_errors.len().into())]) }</span>
                }
            </summary>
            { for props.warnings.iter().map(|w| html! { <p class="warning">{ w.clone() }</p> }) }
            <div class="ed-tools" role="group" aria-label={ta(lang, "ed-question-tools", &[("n", (i + 1).into())])}>
                <button type="button" class="small" id={p("up")} disabled={i == 0} onclick={on_up}>{ t(lang, "ed-up") }</button>
                <button type="button" class="small" id={p("down")} disabled={i + 1 == n_questions} onclick={on_down}>{ t(lang, "ed-down") }</button>
                <button type="button" class="small" id={p("duplicate")} onclick={form.does(Edit::DuplicateQuestion(i))}>{ t(lang, "ed-duplicate") }</button>
                <button type="button" class="small" id={p("remove")} onclick={form.does(Edit::RemoveQuestion(i))}>{ t(lang, "ed-remove") }</button>
            </div>
            <Input form={form.clone()} id={p("id")} label={t(lang, "ed-question-id")} field={format!("{base}.id")}
                value={qid.clone()} on_change={form.on(move |v| edit(QuestionEdit::Id(v)))} />
            <div class="field">
                <label for={p("type")}>{ t(lang, "ed-question-type") }</label>
                <select id={p("type")} onchange={form.on(move |e: Event| edit(QuestionEdit::Kind(field_value(&e))))}>
                    { for TYPES.iter().map(|k| html! { <option value={*k} selected={kind == *k}>{ t(lang, &format!("ed-type-{k}")) }</option> }) }
                </select>
            </div>
            <Text form={form.clone()} id={p("text")} label={t(lang, "ed-question-text")} field={format!("{base}.text")}
                value={q["text"].clone()} at={TextAt::Text(i)} rows={3} />
            <Text form={form.clone()} id={p("short")} label={t(lang, "ed-question-short")} field={format!("{base}.short")}
                value={q.get("short").cloned().unwrap_or(Value::Null)} at={TextAt::Short(i)} />
            <p class="hint">{ t(lang, "ed-question-short-hint") }</p>
            <Text form={form.clone()} id={p("hint")} label={t(lang, "ed-question-hint")} field={format!("{base}.hint")}
                value={q.get("hint").cloned().unwrap_or(Value::Null)} at={TextAt::Hint(i)} />
            <Check id={p("required")} label={t(lang, "ed-required")} checked={q["required"] == true}
                on_change={form.on(move |on| edit(QuestionEdit::Required(on)))} />
            <div class="field">
                <label for={p("role")}>{ t(lang, "ed-role") }</label>
                <select id={p("role")} aria-invalid={invalid(&form.errors(&role_field))}
                    onchange={form.on(move |e: Event| edit(QuestionEdit::Role(field_value(&e))))}>
                    <option value="" selected={q.get("role").is_none()}>{ t(lang, "ed-role-none") }</option>
                    { for ROLES.iter().map(|r| html! { <option value={*r} selected={q["role"] == *r}>{ t(lang, &format!("ed-role-{r}")) }</option> }) }
                </select>
                <FieldErrors id={p("role")} errors={form.errors(&role_field)} />
            </div>
            <KindFields form={form.clone()} index={i} question={q.clone()} {dimensions} />
            <fieldset class="ed-condition">
                <legend>{ t(lang, "ed-visible-if") }</legend>
                <div class="field">
                    <label for={p("cond-question")}>{ t(lang, "ed-visible-if-question") }</label>
                    <select id={p("cond-question")} onchange={form.on(move |e: Event| edit(QuestionEdit::VisibleIf(field_value(&e))))}>
                        <option value="" selected={cond_q.is_empty()}>{ t(lang, "ed-visible-always") }</option>
                        { for earlier.iter().map(|(id, text)| html! { <option value={id.clone()} selected={*id == cond_q}>{ format!("{id} — {text}") }</option> }) }
                    </select>
                </div>
                if !cond_q.is_empty() {
                    <Input form={form.clone()} id={p("cond-values")} label={t(lang, "ed-visible-if-values")}
                        field={format!("{base}.visible_if")} value={cond_values}
                        on_change={form.on(move |v| edit(QuestionEdit::VisibleValues(v)))} />
                }
            </fieldset>
          </details>
        </li>
    }
}
