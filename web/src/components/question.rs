//! One question, rendered accessibly: native radio groups and checkboxes inside a
//! fieldset with a legend, labelled fields, hints and errors tied by
//! `aria-describedby`. Free text is always rendered as text.

use std::rc::Rc;

use otklik_survey::export::{format_number, number_json};
use otklik_survey::runner::Issue;
use otklik_survey::{QuestionKind, ScaleLabels, Survey, Text};
use serde_json::{json, Value};
use yew::prelude::*;

use crate::i18n::{t, ta, Lang};

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub survey: Rc<Survey>,
    pub index: usize,
    pub answer: Option<Value>,
    pub issue: Option<Issue>,
    pub lang: Lang,
    /// The language of the survey's texts (a code), when it is not the interface's:
    /// a survey in a language the interface lacks.
    #[prop_or_default]
    pub text_lang: Option<AttrValue>,
    pub on_answer: Callback<(String, Value)>,
}

/// The id of a question's first focusable control (error links point here).
pub fn first_control_id(index: usize) -> String {
    format!("q-{index}-first")
}

fn input_value(e: &Event) -> String {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| {
            t.clone()
                .dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .ok()
                .or_else(|| {
                    t.dyn_into::<web_sys::HtmlTextAreaElement>()
                        .map(|a| a.value())
                        .ok()
                })
        })
        .unwrap_or_default()
}

fn text_of(t: &Text, lang: &str) -> String {
    t.get(lang).to_owned()
}

/// Reads a typed number: a clean number is stored as a number, anything else as the
/// raw text (which validation then rejects with a clear message).
fn number_answer(raw: &str) -> Value {
    let raw = raw.trim();
    if raw.is_empty() {
        return Value::Null;
    }
    let normalised = raw.replace(',', ".");
    match normalised.parse::<f64>() {
        Ok(x) if x.is_finite() && format_number(x) == normalised => number_json(x),
        _ => Value::String(raw.to_owned()),
    }
}

#[component]
pub fn QuestionView(props: &QuestionProps) -> Html {
    let q = &props.survey.questions[props.index];
    let lang = props.lang;
    let code: &str = props.text_lang.as_deref().unwrap_or(lang.code());
    let i = props.index;
    let base = format!("q-{i}");
    let hint_id = format!("{base}-hint");
    let error_id = format!("{base}-error");
    let ends_id = format!("{base}-ends");
    let has_ends = matches!(
        &q.kind,
        QuestionKind::Scale {
            labels: Some(_),
            ..
        } | QuestionKind::Nps { .. }
    );
    let describedby = [
        q.hint.as_ref().map(|_| hint_id.clone()),
        has_ends.then(|| ends_id.clone()),
        props.issue.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let describedby = (!describedby.is_empty()).then_some(describedby);
    let invalid = props.issue.is_some().then_some("true");
    let qid = q.id.clone();
    let emit = {
        let on = props.on_answer.clone();
        let qid = qid.clone();
        move |v: Value| on.emit((qid.clone(), v))
    };

    let required = q.required.then(|| {
        html! { <><span class="req" aria-hidden="true">{ " *" }</span><span class="visually-hidden">{ format!(" ({})", t(lang, "required-mark")) }</span></> }
    });
    let hint = q
        .hint
        .as_ref()
        .map(|h| html! { <p id={hint_id.clone()} class="hint">{ text_of(h, code) }</p> });
    let error = props.issue.as_ref().map(|issue| {
        let msg = match (issue, &q.kind) {
            (Issue::Required, _) => t(lang, "error-required"),
            (Issue::Invalid(_), QuestionKind::Number { min, max, .. }) => ta(
                lang,
                "number-range",
                &[
                    ("min", format_number(*min).into()),
                    ("max", format_number(*max).into()),
                ],
            ),
            (Issue::Invalid(m), _) => m.render(lang),
        };
        html! { <p id={error_id.clone()} class="error">{ msg }</p> }
    });

    let radios = |values: Vec<(String, String, Value, Option<String>)>,
                  class: &'static str|
     -> Html {
        // (input value, visible label, answer, screen-reader-only suffix)
        let current = props.answer.clone();
        // A scale lays its points out in one row of equal columns (a class per count:
        // the page's policy allows no inline style).
        let points = format!("points-{}", values.len());
        html! {
            <div class={classes!("options", class, points)}>
                { for values.into_iter().enumerate().map(|(k, (value, label, answer, sr))| {
                    let id = if k == 0 { first_control_id(i) } else { format!("{base}-{k}") };
                    let checked = current.as_ref() == Some(&answer);
                    let emit = emit.clone();
                    let onchange = Callback::from(move |_: Event| emit(answer.clone()));
                    html! {
                        <label class="option" for={id.clone()}>
                            <input type="radio" id={id} name={base.clone()} value={value} {checked} {onchange}
                                aria-describedby={describedby.clone()} aria-invalid={invalid} />
                            <span class="option-label">{ label }{ for sr.map(|s| html! { <span class="visually-hidden">{ s }</span> }) }</span>
                        </label>
                    }
                }) }
            </div>
        }
    };
    let ends = |labels: Option<&ScaleLabels>, lo: u8, hi: u8| -> Html {
        match labels {
            Some(l) => html! {
                <div id={ends_id.clone()} class="scale-ends">
                    <span>{ format!("{lo} — {}", text_of(&l.min, code)) }</span>
                    <span>{ format!("{hi} — {}", text_of(&l.max, code)) }</span>
                </div>
            },
            None => {
                html! { <div id={ends_id.clone()} class="scale-ends"><span>{ t(lang, "nps-scale") }</span></div> }
            }
        }
    };
    let end_sr = |labels: Option<&ScaleLabels>, v: u8, lo: u8, hi: u8| -> Option<String> {
        let l = labels?;
        (v == lo)
            .then(|| format!(" — {}", text_of(&l.min, code)))
            .or_else(|| (v == hi).then(|| format!(" — {}", text_of(&l.max, code))))
    };

    let body = match &q.kind {
        QuestionKind::Scale { points, labels, .. } => html! {
            <>
                { radios((1..=*points).map(|v| (v.to_string(), v.to_string(), json!(v), end_sr(labels.as_ref(), v, 1, *points))).collect(), "scale") }
                if labels.is_some() { { ends(labels.as_ref(), 1, *points) } }
            </>
        },
        QuestionKind::Nps { labels } => html! {
            <>
                { radios((0..=10u8).map(|v| (v.to_string(), v.to_string(), json!(v), end_sr(labels.as_ref(), v, 0, 10))).collect(), "scale nps") }
                { ends(labels.as_ref(), 0, 10) }
            </>
        },
        QuestionKind::Choice { options, .. } => radios(
            options
                .iter()
                .map(|o| (o.id.clone(), text_of(&o.label, code), json!(o.id), None))
                .collect(),
            "list",
        ),
        QuestionKind::YesNo => radios(
            vec![
                ("yes".into(), t(lang, "yes"), json!(true), None),
                ("no".into(), t(lang, "no"), json!(false), None),
            ],
            "yesno",
        ),
        QuestionKind::Multi { options } => {
            let selected: Vec<String> = props
                .answer
                .as_ref()
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            html! {
                <div class="options list">
                    { for options.iter().enumerate().map(|(k, o)| {
                        let id = if k == 0 { first_control_id(i) } else { format!("{base}-{k}") };
                        let checked = selected.contains(&o.id);
                        let all: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
                        let (emit, selected, this) = (emit.clone(), selected.clone(), o.id.clone());
                        let onchange = Callback::from(move |_: Event| {
                            let next: Vec<Value> = all.iter()
                                .filter(|id| if **id == this { !selected.contains(id) } else { selected.contains(id) })
                                .map(|id| json!(id))
                                .collect();
                            emit(if next.is_empty() { Value::Null } else { Value::Array(next) });
                        });
                        html! {
                            <label class="option" for={id.clone()}>
                                <input type="checkbox" {id} value={o.id.clone()} {checked} {onchange}
                                    aria-describedby={describedby.clone()} aria-invalid={invalid} />
                                <span class="option-label">{ text_of(&o.label, code) }</span>
                            </label>
                        }
                    }) }
                </div>
            }
        }
        QuestionKind::Number {
            min,
            max,
            integer,
            unit,
            ..
        } => {
            let value = match &props.answer {
                Some(Value::Number(n)) => n.as_f64().map(format_number).unwrap_or_default(),
                Some(Value::String(s)) => s.clone(),
                _ => String::new(),
            };
            let emit = emit.clone();
            let oninput =
                Callback::from(move |e: InputEvent| emit(number_answer(&input_value(&e))));
            let range_id = format!("{base}-range");
            let described = Some(
                describedby
                    .clone()
                    .map_or(range_id.clone(), |d| format!("{d} {range_id}")),
            );
            html! {
                <div class="number-field">
                    <input type="text" id={first_control_id(i)} inputmode={if *integer { "numeric" } else { "decimal" }}
                        autocomplete="off" {value} {oninput} aria-describedby={described} aria-invalid={invalid}
                        aria-required={q.required.then_some("true")} aria-labelledby={format!("{base}-legend")} />
                    if let Some(u) = unit { <span class="unit">{ text_of(u, code) }</span> }
                    <p id={range_id} class="hint">{ ta(lang, "number-range", &[("min", format_number(*min).into()), ("max", format_number(*max).into())]) }</p>
                </div>
            }
        }
        QuestionKind::Text { max_length } => {
            let value = props
                .answer
                .as_ref()
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let used = value.chars().count();
            let emit = emit.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let v = input_value(&e);
                emit(if v.is_empty() {
                    Value::Null
                } else {
                    Value::String(v)
                })
            });
            let counter_id = format!("{base}-counter");
            let described = Some(
                describedby
                    .clone()
                    .map_or(counter_id.clone(), |d| format!("{d} {counter_id}")),
            );
            html! {
                <div class="text-field">
                    <textarea id={first_control_id(i)} rows="4" maxlength={max_length.to_string()} {value} {oninput}
                        aria-describedby={described} aria-invalid={invalid} aria-labelledby={format!("{base}-legend")}
                        aria-required={q.required.then_some("true")} />
                    <p id={counter_id} class="counter">{ ta(lang, "text-counter", &[("used", used.into()), ("max", (*max_length).into())]) }</p>
                </div>
            }
        }
    };

    html! {
        <fieldset class={classes!("question", props.issue.as_ref().map(|_| "has-error"))} id={base.clone()}
            data-qid={q.id.clone()} aria-describedby={describedby.clone()}>
            <legend id={format!("{base}-legend")}><span class="qtext">{ text_of(&q.text, code) }</span>{ for required }</legend>
            { for hint }
            { for error }
            { body }
        </fieldset>
    }
}
