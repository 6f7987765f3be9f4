//! The fields of a question that depend on its type: a scale's points, dimension and
//! end labels; a choice's grouping and options; a number's bounds and unit; a text's
//! length.

use serde_json::Value;
use yew::prelude::*;

use super::edit::{Edit, Num, QuestionEdit, TextAt};
use super::fields::{field_value, Check, Form, Input, Text};
use super::model::text_pair;
use super::options::Options;
use crate::components::bilingual::{invalid, FieldErrors};
use crate::i18n::t;

#[derive(Properties, PartialEq)]
pub(super) struct KindProps {
    pub(super) form: Form,
    /// The question's position.
    pub(super) index: usize,
    pub(super) question: Value,
    /// The survey's dimensions, for a scale's.
    pub(super) dimensions: Vec<Value>,
}

#[component]
pub(super) fn KindFields(props: &KindProps) -> Html {
    let (form, i, q) = (&props.form, props.index, &props.question);
    let lang = form.lang;
    let base = format!("questions[{i}]");
    let p = |s: &str| format!("ed-q-{i}-{s}");
    let edit = move |e: QuestionEdit| Edit::Question(i, e);
    // A number field of the question: empty when it has none.
    let number = |id: &str, label: &str, field: Num, key: &str| {
        html! {
            <Input form={form.clone()} id={p(id)} label={t(lang, label)} field={format!("{base}.{key}")} kind="number"
                value={q.get(key).map(|v| v.to_string()).unwrap_or_default()}
                on_change={form.on(move |v| edit(QuestionEdit::Number(field, v)))} />
        }
    };
    let label = |high: bool| {
        let key = if high { "max" } else { "min" };
        html! {
            <Text form={form.clone()} id={p(&format!("label-{key}"))} label={t(lang, &format!("ed-label-{key}"))}
                field={format!("{base}.labels.{key}")} value={q["labels"][key].clone()} at={TextAt::Label(i, high)} />
        }
    };
    let options = html! { <Options form={form.clone()} index={i} question={q.clone()} /> };
    match q["type"].as_str().unwrap_or("") {
        "scale" => {
            let field = format!("{base}.dimension");
            html! {
                <>
                    <Input form={form.clone()} id={p("points")} label={t(lang, "ed-points")} field={format!("{base}.points")} kind="number"
                        value={q["points"].as_u64().unwrap_or(5).to_string()}
                        on_change={form.on(move |v| edit(QuestionEdit::Number(Num::Points, v)))} />
                    <div class="field">
                        <label for={p("dimension")}>{ t(lang, "ed-dimension") }</label>
                        <select id={p("dimension")} aria-invalid={invalid(&form.errors(&field))}
                            onchange={form.on(move |e: Event| edit(QuestionEdit::Dimension(field_value(&e))))}>
                            <option value="" selected={q.get("dimension").is_none()}>{ t(lang, "ed-dimension-none") }</option>
                            { for props.dimensions.iter().map(|dim| {
                                let id = dim["id"].as_str().unwrap_or("").to_owned();
                                html! { <option value={id.clone()} selected={q["dimension"] == id.as_str()}>{ format!("{id} — {}", text_pair(&dim["title"]).0) }</option> }
                            }) }
                        </select>
                        <FieldErrors id={p("dimension")} errors={form.errors(&field)} />
                    </div>
                    { label(false) }
                    { label(true) }
                </>
            }
        }
        "nps" => html! { <>{ label(false) }{ label(true) }</> },
        "choice" => html! {
            <>
                <Check id={p("group")} label={t(lang, "ed-group")} checked={q["group"] == true}
                    on_change={form.on(move |on| edit(QuestionEdit::Group(on)))} />
                { options }
            </>
        },
        "multi" => options,
        "number" => html! {
            <>
                { number("min", "ed-min", Num::Min, "min") }
                { number("max", "ed-max", Num::Max, "max") }
                <Check id={p("integer")} label={t(lang, "ed-integer")} checked={q["integer"] == true}
                    on_change={form.on(move |on| edit(QuestionEdit::Integer(on)))} />
                <Text form={form.clone()} id={p("unit")} label={t(lang, "ed-unit")} field={format!("{base}.unit")}
                    value={q.get("unit").cloned().unwrap_or(Value::Null)} at={TextAt::Unit(i)} />
                { number("standard", "ed-standard", Num::StandardMax, "standard_max") }
                <p class="hint">{ t(lang, "ed-standard-hint") }</p>
            </>
        },
        "text" => number("max-length", "ed-max-length", Num::MaxLength, "max_length"),
        _ => html! {},
    }
}
