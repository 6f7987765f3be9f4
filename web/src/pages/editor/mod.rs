//! The survey editor: organisers build a survey with forms, not JSON. The definition
//! being edited is a JSON value, changed only by [`edit::Edit`]s: each makes a new
//! value (undo and redo keep the last 100), is saved on the device at once, and is
//! checked by the foundation's validator, whose problems appear next to their fields.
//! A survey with problems can be neither exported nor started.
//!
//! This module wires the page: the model, the draft on the device, the keys; the
//! parts of the form are components of their own modules.

use std::rc::Rc;

use otklik_survey::advice::anonymity_warnings;
use otklik_survey::runner::Answers;
use otklik_survey::Survey;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::ctx::Ctx;
use crate::i18n::{t, ta, Both, Lang};
use crate::services::{self, SETTINGS};

mod edit;
mod fields;
mod header;
mod kinds;
mod model;
mod options;
mod preview;
mod problems;
mod question_card;
mod start;
mod toolbar;

use edit::Edit;
use fields::{field_value, Form};
use model::{validate, Ed, EdAction, DRAFT_KEY};
use problems::{under, warning_text};

/// The question types, in the order the type menus offer them.
const TYPES: [&str; 7] = ["scale", "nps", "choice", "multi", "yesno", "number", "text"];

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub ctx: Ctx,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang();
    let ed = use_reducer(Ed::default);
    let loaded = use_state(|| false);
    let import_notes = use_state(Vec::<Both>::new);
    let note = use_state(|| None::<String>);
    let wide = use_state(|| true);
    let preview_answers = use_state(Answers::new);
    // The last version of the survey without problems, for the preview.
    let last_valid = use_mut_ref(|| None::<Rc<Survey>>);
    // The type of the next question: read when «Add» is pressed, not when the page was
    // drawn (a keyboard user may choose a type and press «Add» before it redraws). The
    // select shows the choice itself; nothing else needs a redraw for it.
    let add_kind = use_mut_ref(|| "scale".to_owned());
    // The validator runs once per edit, not on every render (preview answers, width).
    let checked = use_memo(ed.doc.clone(), |doc| doc.as_ref().map(validate));

    // The draft on the device, once.
    {
        let (ed, loaded) = (ed.dispatcher(), loaded.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                if let Some(saved) = services::get(SETTINGS, DRAFT_KEY)
                    .await
                    .ok()
                    .flatten()
                    .and_then(|s| serde_json::from_str::<Value>(&s).ok())
                {
                    if saved["doc"].is_object() {
                        ed.dispatch(EdAction::Restore {
                            doc: saved["doc"].clone(),
                            origin: saved["origin"].is_object().then(|| saved["origin"].clone()),
                        });
                    }
                }
                loaded.set(true);
            });
        });
    }
    // Every edit is saved as it is made.
    {
        let state = (ed.doc.clone(), ed.origin.clone());
        use_effect_with(state, move |(doc, origin)| {
            let value = json!({"doc": doc, "origin": origin}).to_string();
            let clear = doc.is_none();
            spawn_local(async move {
                if clear {
                    services::delete(SETTINGS, DRAFT_KEY).await.ok();
                } else {
                    services::put(SETTINGS, DRAFT_KEY, &value).await.ok();
                }
            });
        });
    }
    // Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) anywhere in the editor but in a text field.
    let on_key = {
        let ed = ed.dispatcher();
        Callback::from(move |e: KeyboardEvent| {
            if !(e.ctrl_key() || e.meta_key()) {
                return;
            }
            let in_field = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA"));
            if in_field {
                return;
            }
            match (e.key().to_lowercase().as_str(), e.shift_key()) {
                ("z", false) => {
                    e.prevent_default();
                    ed.dispatch(EdAction::Undo)
                }
                ("y", _) | ("z", true) => {
                    e.prevent_default();
                    ed.dispatch(EdAction::Redo)
                }
                _ => {}
            }
        })
    };

    if !*loaded {
        return html! { <p class="loading" role="status">{ "…" }</p> };
    }
    let Some(doc) = ed.doc.clone() else {
        return html! { <start::Start {lang} ed={ed.dispatcher()} import_notes={import_notes.clone()} /> };
    };
    let doc = Rc::new(doc);

    let (problems, survey) = (*checked).clone().unwrap_or_else(|| validate(&doc));
    let problems = Rc::new(problems);
    let warnings = survey.as_ref().map(anonymity_warnings).unwrap_or_default();
    let more: Vec<Lang> = doc["languages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c.as_str())
        .filter_map(|c| Lang::known(c).filter(|l| l.code() == c && !l.is_full()))
        .collect();
    let form = Form {
        lang,
        more: Rc::new(more),
        en_required: doc["languages"]
            .as_array()
            .is_some_and(|a| a.iter().any(|c| c == "en")),
        problems: problems.clone(),
        on_edit: {
            let ed = ed.dispatcher();
            Callback::from(move |e: Edit| ed.dispatch(EdAction::Apply(e)))
        },
    };
    let n_questions = doc["questions"].as_array().map_or(0, Vec::len);

    let on_add_kind = {
        let add_kind = add_kind.clone();
        Callback::from(move |e: Event| *add_kind.borrow_mut() = field_value(&e))
    };
    let on_add = {
        let (on_edit, kind) = (form.on_edit.clone(), add_kind.clone());
        let target = format!("ed-q-{n_questions}-id");
        Callback::from(move |_| {
            on_edit.emit(Edit::AddQuestion(kind.borrow().clone()));
            let target = target.clone();
            gloo::timers::callback::Timeout::new(0, move || services::focus(&target)).forget();
        })
    };
    let card = |i: usize| {
        let base = format!("questions[{i}]");
        let warnings: Vec<String> = warnings
            .iter()
            .filter(|w| under(&w.path, &base))
            .map(|w| warning_text(lang, w))
            .collect();
        let on_toggle = {
            let ed = ed.dispatcher();
            Callback::from(move |open| ed.dispatch(EdAction::Toggle(i, open)))
        };
        html! {
            <question_card::QuestionCard form={form.clone()} index={i} doc={doc.clone()}
                open={ed.open.contains(&i)} {warnings} {on_toggle} />
        }
    };

    // The preview: the survey, or while it has problems its last version without any
    // (the user keeps seeing what respondents would see).
    if let Some(s) = &survey {
        *last_valid.borrow_mut() = Some(Rc::new(s.clone()));
    }
    let stale = survey.is_none() && last_valid.borrow().is_some();
    let shown = survey
        .as_ref()
        .map(|s| Rc::new(s.clone()))
        .or_else(|| last_valid.borrow().clone());

    html! {
        <section class="editor" aria-labelledby="ed-title" onkeydown={on_key}>
            <h1 id="ed-title">{ t(lang, "ed-title") }</h1>
            <toolbar::Toolbar ctx={ctx.clone()} ed={ed.clone()} doc={doc.clone()} problems={problems.clone()} note={note.clone()} />
            if let Some(n) = &*note { <p class="note" role="status">{ n.clone() }</p> }
            { for warnings.iter().filter(|w| w.path.is_empty()).map(|w| html! { <p class="warning">{ warning_text(lang, w) }</p> }) }
            { for problems.iter().filter(|(p, _)| p.is_empty() || p == "questions" || p == "dimensions").map(|(_, m)| html! { <p class="error">{ m.render(lang) }</p> }) }
            <div class="ed-layout">
                <div class="ed-form">
                    <header::General form={form.clone()} doc={doc.clone()} />
                    <header::Dimensions form={form.clone()} doc={doc.clone()} />
                    <section aria-labelledby="ed-questions-title">
                        <h2 id="ed-questions-title">{ ta(lang, "ed-questions", &[("n", n_questions.into())]) }</h2>
                        <ol class="ed-questions">{ for (0..n_questions).map(card) }</ol>
                        <div class="card ed-add">
                            <div class="field">
                                <label for="ed-add-type">{ t(lang, "ed-add-type") }</label>
                                <select id="ed-add-type" onchange={on_add_kind}>
                                    { for TYPES.iter().map(|k| html! { <option value={*k} selected={*add_kind.borrow() == *k}>{ t(lang, &format!("ed-type-{k}")) }</option> }) }
                                </select>
                            </div>
                            <button type="button" id="ed-add-question" onclick={on_add}>{ t(lang, "ed-add-question") }</button>
                        </div>
                    </section>
                </div>
                <preview::Preview {lang} {shown} {stale} wide={wide.clone()} answers={preview_answers.clone()} />
            </div>
        </section>
    }
}
