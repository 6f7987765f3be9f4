//! The bar that stays in view: undo and redo, export, start and close; the count of
//! problems with links to their fields; links to the form's sections.

use std::rc::Rc;

use otklik_survey::{Message, Survey};
use serde_json::{json, Value};
use yew::prelude::*;

use super::model::{Ed, EdAction};
use super::problems::{field_id, natural, problem_place, reveal};
use crate::ctx::Ctx;
use crate::i18n::{t, ta};
use crate::services;
use crate::services::embed::{Embedded, Mode};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub(super) struct ToolbarProps {
    pub(super) ctx: Ctx,
    pub(super) ed: UseReducerHandle<Ed>,
    pub(super) doc: Rc<Value>,
    pub(super) problems: Rc<Vec<(String, Message)>>,
    /// Where a bumped version is announced.
    pub(super) note: UseStateHandle<Option<String>>,
}

#[component]
pub(super) fn Toolbar(props: &ToolbarProps) -> Html {
    let ToolbarProps {
        ctx,
        ed,
        doc,
        problems,
        note,
    } = props;
    let lang = ctx.lang();
    let valid = problems.is_empty();
    let n_questions = doc["questions"].as_array().map_or(0, Vec::len);
    let on_export = {
        let (ed, note, doc) = (ed.clone(), note.clone(), doc.clone());
        Callback::from(move |_| {
            let mut out = (*doc).clone();
            // A published survey that changed gets the next version.
            if let Some(origin) = &ed.origin {
                if *origin != *doc && origin["version"] == doc["version"] {
                    let v = doc["version"].as_u64().unwrap_or(1) + 1;
                    out["version"] = json!(v);
                    note.set(Some(ta(lang, "ed-version-bumped", &[("v", v.into())])));
                    ed.dispatch(EdAction::Load {
                        doc: out.clone(),
                        published: true,
                    });
                }
            }
            let name = format!("{}.json", out["id"].as_str().unwrap_or("survey"));
            let text = serde_json::to_string_pretty(&out).expect("serialises") + "\n";
            services::download(&name, "application/json", text.as_bytes()).ok();
        })
    };
    let on_run = {
        let (ctx, doc) = (ctx.clone(), doc.clone());
        Callback::from(move |_| {
            let source = serde_json::to_string_pretty(&*doc).expect("serialises");
            if let Ok(survey) = Survey::from_json(&source) {
                ctx.dispatch.dispatch(Action::Offer(Box::new(Embedded {
                    survey,
                    source,
                    period: services::current_quarter(),
                    mode: Mode::Kiosk,
                })));
            }
        })
    };
    let act = |a: fn() -> EdAction| {
        let ed = ed.dispatcher();
        Callback::from(move |_: MouseEvent| ed.dispatch(a()))
    };
    html! {
        <div class="ed-sticky">
        <div class="ed-toolbar card" role="toolbar" aria-label={t(lang, "ed-toolbar")}>
            <button type="button" id="ed-undo" disabled={ed.undo.is_empty()} onclick={act(|| EdAction::Undo)} aria-keyshortcuts="Control+Z">{ t(lang, "ed-undo") }</button>
            <button type="button" id="ed-redo" disabled={ed.redo.is_empty()} onclick={act(|| EdAction::Redo)} aria-keyshortcuts="Control+Y">{ t(lang, "ed-redo") }</button>
            <button type="button" id="ed-export" class="primary" disabled={!valid} onclick={on_export}>{ t(lang, "ed-export") }</button>
            <button type="button" id="ed-run" disabled={!valid} onclick={on_run}>{ t(lang, "ed-run") }</button>
            <button type="button" id="ed-close" onclick={act(|| EdAction::Close)}>{ t(lang, "ed-close") }</button>
        </div>
        <div class="ed-status-bar">
            <p id="ed-status" role="status" class={if valid { "ok" } else { "error" }} data-problems={problems.len().to_string()}>
                { if valid { t(lang, "ed-valid") } else { ta(lang, "ed-invalid", &[("n", problems.len().into())]) } }
            </p>
            if !valid {
                <details class="ed-problems" id="ed-problems">
                    <summary>{ t(lang, "ed-problems-list") }</summary>
                    <ol>
                        { for problems.iter().map(|(path, m)| {
                            let target = field_id(path);
                            let href = format!("#{target}");
                            let place = problem_place(lang, path, doc);
                            let onclick = Callback::from(move |e: MouseEvent| { e.prevent_default(); reveal(&target); });
                            html! { <li><a {href} {onclick}>{ format!("{place}: {}", natural(lang, path, m)) }</a></li> }
                        }) }
                    </ol>
                </details>
            }
            <nav class="ed-sections" aria-label={t(lang, "ed-sections")}>
                <a href="#ed-general-title">{ t(lang, "ed-general") }</a>
                <a href="#ed-dims-title">{ t(lang, "ed-dimensions") }</a>
                <a href="#ed-questions-title">{ ta(lang, "ed-questions", &[("n", n_questions.into())]) }</a>
                <button type="button" class="link" id="ed-expand-all" onclick={act(|| EdAction::OpenAll(true))}>{ t(lang, "ed-expand-all") }</button>
                <button type="button" class="link" id="ed-collapse-all" onclick={act(|| EdAction::OpenAll(false))}>{ t(lang, "ed-collapse-all") }</button>
            </nav>
        </div>
        </div>
    }
}
