//! Where an edit starts: a blank survey, a template, or a file (Otklik's own or a
//! SurveyJS survey, converted).

use otklik_survey::{surveyjs, Audience};
use serde_json::Value;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::model::{blank, Ed, EdAction};
use crate::i18n::{t, Both, Lang};
use crate::services;

#[derive(Properties, PartialEq)]
pub(super) struct StartProps {
    pub(super) lang: Lang,
    pub(super) ed: UseReducerDispatcher<Ed>,
    /// What a file's import could not keep, or why it failed.
    pub(super) import_notes: UseStateHandle<Vec<Both>>,
}

/// Reads the chosen file into the editor; `notes` gets what could not be kept.
fn open_file(file: web_sys::File, ed: UseReducerDispatcher<Ed>, notes: UseStateHandle<Vec<Both>>) {
    spawn_local(async move {
        let (name, text) = services::read_file(&file).await;
        match serde_json::from_str::<Value>(&text) {
            Err(e) => notes.set(vec![Both::One(format!("{name}: {e}"))]),
            Ok(v) if surveyjs::looks_like_surveyjs(&v) => {
                match surveyjs::import(&text, Audience::External) {
                    Ok(imp) => {
                        notes.set(
                            imp.skipped
                                .iter()
                                .map(|s| Both::of(|l| s.render(l)))
                                .collect(),
                        );
                        ed.dispatch(EdAction::Load {
                            doc: serde_json::from_str(&imp.json).expect("json"),
                            published: false,
                        });
                    }
                    Err(e) => notes.set(vec![Both::of(|l| format!("{name}: {}", e.render(l)))]),
                }
            }
            Ok(v) => {
                notes.set(Vec::new());
                ed.dispatch(EdAction::Load {
                    doc: v,
                    published: true,
                })
            }
        }
    });
}

fn template(src: &str) -> Value {
    serde_json::from_str(src).expect("template")
}

#[component]
pub(super) fn Start(props: &StartProps) -> Html {
    let StartProps {
        lang,
        ed,
        import_notes,
    } = props;
    let lang = *lang;
    let load = |doc: fn() -> Value, published: bool| {
        let ed = ed.clone();
        Callback::from(move |_: MouseEvent| {
            ed.dispatch(EdAction::Load {
                doc: doc(),
                published,
            })
        })
    };
    let on_file = {
        let (ed, import_notes) = (ed.clone(), import_notes.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                open_file(file, ed.clone(), import_notes.clone());
            }
        })
    };
    html! {
        <section class="card editor-start" aria-labelledby="ed-title">
            <h1 id="ed-title">{ t(lang, "ed-title") }</h1>
            <p class="lead">{ t(lang, "ed-start-lead") }</p>
            <div class="actions start-actions">
                <button type="button" id="ed-blank" class="primary" onclick={load(blank, false)}>{ t(lang, "ed-start-blank") }</button>
                <button type="button" id="ed-internal" onclick={load(|| template(otklik_demo::INTERNAL_TEMPLATE), true)}>{ t(lang, "ed-start-internal") }</button>
                <button type="button" id="ed-external" onclick={load(|| template(otklik_demo::EXTERNAL_TEMPLATE), true)}>{ t(lang, "ed-start-external") }</button>
            </div>
            <div class="field">
                <label for="ed-file" class="file-label">{ t(lang, "ed-start-file") }</label>
                <input type="file" id="ed-file" accept=".json,application/json" onchange={on_file} />
            </div>
            if !import_notes.is_empty() {
                <div class="note" role="status"><ul>{ for import_notes.iter().map(|n| html! { <li>{ n.get(lang) }</li> }) }</ul></div>
            }
        </section>
    }
}
