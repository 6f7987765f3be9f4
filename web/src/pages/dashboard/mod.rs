//! The manager's dashboard: response files in, indicators and charts out. Every
//! figure comes from the analytics engine (in the worker), already suppressed where
//! a group or an answer count is below K; this screen only shows it.

use std::rc::Rc;

use indexmap::IndexMap;
use otklik_analytics::{Analysis, Fig, FigureId, Group, GroupStats};
use otklik_survey::{fmt, Survey};
use serde_json::Value;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::ctx::Ctx;
use charts::Charts;

mod cards;
mod chart_svg;
mod charts;
mod compute;
mod files;
mod import;
mod texts;

use cards::Cards;
use compute::{analysis, compute, Computed};
use files::{file_message, row_of, FileRow, HEAD_BYTES, WHOLE_BYTES};
use import::{import, Shown};
use texts::Texts;

use crate::i18n::{t, ta, Both, Lang};
use crate::pages::glossary::Explain;
use crate::services::engine;
use crate::services::library::{self, templates, StoredFile};
use crate::services::{self, FILES, SURVEYS};
use crate::state::{Action, View};
use crate::worker::protocol::FileReport;

/// What the dashboard is busy with.
#[derive(Debug, Clone, PartialEq)]
enum Progress {
    /// Validating file `file` of `files` before anything is stored.
    Checking {
        file: usize,
        files: usize,
        name: String,
        bytes: u64,
    },
    /// Loading the data into the engine and computing.
    Computing,
}

#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    pub ctx: Ctx,
}

#[component]
pub fn Dashboard(props: &DashboardProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang();
    let surveys = use_state(templates);
    let files = use_state(|| None::<Vec<StoredFile>>);
    let selected = use_state(|| None::<String>);
    let computed = use_state(Computed::default);
    let progress = use_state(|| None::<Progress>);
    // Bytes checked of the file being checked: (done, total).
    let checked = use_state(|| None::<(u64, u64)>);
    let notes = use_state(Vec::<FileRow>::new);
    let period = use_state(|| None::<String>);
    let breakdown = use_state(|| None::<String>);
    let revision = use_state(|| 0u32);
    // The survey an import brought data (or a definition) for: chosen when the device
    // is read again, together with its files, so that no analysis runs in between on
    // the survey without them.
    let want = use_mut_ref(|| None::<String>);

    // Read the device again when another tab changes what it holds (this page's own
    // imports read it when they end).
    let elsewhere = library::use_data_changes(true);

    // Load what the device holds.
    {
        let (surveys, files, selected) = (surveys.clone(), files.clone(), selected.clone());
        let want = want.clone();
        use_effect_with((*revision, elsewhere), move |_| {
            spawn_local(async move {
                let (list, stored) = library::read().await;
                let wanted = want.borrow_mut().take();
                if let Some(id) = wanted.filter(|id| list.iter().any(|(s, _)| s.id == *id)) {
                    selected.set(Some(id));
                    surveys.set(list);
                    files.set(Some(stored));
                    return;
                }
                // The first survey with data, unless the chosen one has data (or
                // nothing is stored, and the demo shows).
                let chosen_has_data = selected
                    .as_ref()
                    .is_some_and(|id| stored.iter().any(|f| f.survey == *id));
                if selected.is_none() || (!chosen_has_data && !stored.is_empty()) {
                    let first = stored
                        .first()
                        .map(|f| f.survey.clone())
                        .unwrap_or_else(|| list[0].0.id.clone());
                    selected.set(Some(first));
                }
                surveys.set(list);
                files.set(Some(stored));
            });
        });
    }

    // Load the selected survey's files into the engine (or the demo), then analyse.
    // Each run has its own token and generation, so that runs never mix.
    let survey = selected
        .as_ref()
        .and_then(|id| surveys.iter().find(|(s, _)| s.id == *id).cloned());
    let generation = use_mut_ref(|| 0u64);
    {
        let (computed, progress, period) = (computed.clone(), progress.clone(), period.clone());
        let survey = survey.clone();
        let files = (*files).clone();
        let breakdown_now = (*breakdown).clone();
        let generation = generation.clone();
        let deps = (
            survey.as_ref().map(|(s, _)| s.id.clone()),
            files
                .as_ref()
                .map(|f| f.iter().map(|x| x.key.clone()).collect::<Vec<_>>()),
        );
        use_effect_with(deps, move |_| {
            if let (Some((survey, source)), Some(files)) = (survey, files) {
                *generation.borrow_mut() += 1;
                let mine_gen = *generation.borrow();
                spawn_local(async move {
                    progress.set(Some(Progress::Computing));
                    let c = compute(&survey, &source, &files, &breakdown_now).await;
                    if *generation.borrow() != mine_gen {
                        return; // a newer run has started
                    }
                    period.set(c.by_period.as_ref().and_then(|a| a.periods.last().cloned()));
                    progress.set(None);
                    computed.set(c);
                });
            }
        });
    }

    let on_import = {
        let (surveys, selected, notes, revision) = (
            surveys.clone(),
            selected.clone(),
            notes.clone(),
            revision.clone(),
        );
        let (progress, checked, want) = (progress.clone(), checked.clone(), want.clone());
        Callback::from(move |list: Vec<web_sys::File>| {
            let (surveys, selected, notes, revision, progress, checked) = (
                surveys.clone(),
                selected.clone(),
                notes.clone(),
                revision.clone(),
                progress.clone(),
                checked.clone(),
            );
            let want = want.clone();
            spawn_local(async move {
                let shown = Shown {
                    progress: progress.clone(),
                    checked,
                };
                let (out, wanted) = import(list, &surveys, (*selected).clone(), lang, shown).await;
                if wanted.is_some() {
                    *want.borrow_mut() = wanted;
                }
                progress.set(None);
                notes.set(out);
                // Read the device again (and put the selected survey's data back into
                // the engine).
                revision.set(*revision + 1);
            });
        })
    };
    let on_pick = {
        let on_import = on_import.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                on_import.emit((0..list.length()).filter_map(|i| list.get(i)).collect());
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let on_import = on_import.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                on_import.emit((0..list.length()).filter_map(|i| list.get(i)).collect());
            }
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_remove = {
        let (revision, notes) = (revision.clone(), notes.clone());
        Callback::from(move |key: String| {
            let (revision, notes) = (revision.clone(), notes.clone());
            spawn_local(async move {
                services::delete(FILES, &key).await.ok();
                notes.set(Vec::new());
                revision.set(*revision + 1);
            });
        })
    };
    let on_export = {
        let survey = survey.clone();
        let token = computed.token.clone();
        Callback::from(move |_| {
            let (survey, token) = (survey.clone(), token.clone());
            spawn_local(async move {
                let reply = engine::export(&token, "csv", services::random_seed()).await;
                if let (Ok(text), Some((s, _))) = (reply, survey) {
                    services::download(
                        &format!("otklik-{}-all.csv", s.id),
                        "text/csv",
                        text.as_bytes(),
                    )
                    .ok();
                }
            });
        })
    };
    let on_survey = {
        let (selected, breakdown) = (selected.clone(), breakdown.clone());
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            breakdown.set(None);
            selected.set(Some(v));
        })
    };
    let on_period = {
        let period = period.clone();
        Callback::from(move |e: Event| {
            period.set(Some(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            ))
        })
    };
    let on_breakdown = {
        let (breakdown, computed, survey) = (breakdown.clone(), computed.clone(), survey.clone());
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            // "" is «Без разбивки»: no breakdown at all.
            let b = Some(v);
            breakdown.set(b.clone());
            let (computed, survey) = (computed.clone(), survey.clone());
            spawn_local(async move {
                let mut c = (*computed).clone();
                let key = survey.as_ref().and_then(|(s, _)| chosen_breakdown(&b, s));
                c.by_group = match key {
                    Some(k) => analysis(&c.token, &["period", &k], false).await.ok(),
                    None => None,
                };
                computed.set(c);
            });
        })
    };

    // The selects show the choice made, in every browser (see services::select_value).
    {
        let chosen = survey.as_ref().map(|(s, _)| {
            let periods = computed
                .by_period
                .as_ref()
                .map(|a| a.periods.clone())
                .unwrap_or_default();
            let period = (*period).clone().or_else(|| periods.last().cloned());
            [
                ("dash-survey", s.id.clone()),
                ("dash-period", period.unwrap_or_default()),
                (
                    "dash-breakdown",
                    chosen_breakdown(&breakdown, s).unwrap_or_default(),
                ),
            ]
        });
        use_effect(move || {
            for (id, value) in chosen.iter().flatten() {
                services::select_value(id, value);
            }
        });
    }

    let Some((survey, _)) = survey else {
        return html! { <p class="loading" role="status">{ "…" }</p> };
    };
    let c = &*computed;
    // Just after another survey is chosen, the figures are still the previous
    // survey's: none are shown under this one's headings until its own arrive.
    let fresh = c.survey == survey.id;
    let k = survey.min_group;
    let file_count = c
        .rows
        .iter()
        .filter(|r| matches!(r, FileRow::Loaded { .. }))
        .count();
    let group_questions: Vec<(String, String)> = survey
        .group_questions()
        .map(|q| {
            (
                survey.questions[q].id.clone(),
                survey.questions[q].label(lang.code()).to_owned(),
            )
        })
        .collect();
    let mut group_questions = group_questions;
    if c.channels && fresh {
        group_questions.push((CHANNEL.to_owned(), t(lang, "dash-by-channel")));
    }
    let current_breakdown =
        chosen_breakdown(&breakdown, &survey).filter(|b| b != CHANNEL || (c.channels && fresh));
    let periods = c
        .by_period
        .as_ref()
        .filter(|_| fresh)
        .map(|a| a.periods.clone())
        .unwrap_or_default();
    let selected_period = (*period).clone().or_else(|| periods.last().cloned());

    let go = |v: View| {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Go(v.clone())))
    };
    // Every file on the device, each with its survey; the selected survey's with what
    // it brought (the others are loaded when their survey is chosen).
    let titles = |id: &str| {
        surveys
            .iter()
            .find(|(s, _)| s.id == id)
            .map_or(id.to_owned(), |(s, _)| s.title.get(lang.code()).to_owned())
    };
    let stored_files = (*files).clone().unwrap_or_default();
    let file_rows = stored_files.iter().map(|f| {
        let loaded = c.rows.iter().find_map(|r| match r {
            FileRow::Loaded { key: Some(k), responses, added, duplicates, conflicts, .. } if *k == f.key => {
                Some((*responses, *added, *duplicates, conflicts.clone()))
            }
            _ => None,
        });
        let on_remove = on_remove.clone();
        let key = f.key.clone();
        let cells = match loaded {
            Some((responses, added, duplicates, conflicts)) => html! {
                <>
                    <td>{ responses }</td><td>{ added }</td><td>{ duplicates }</td>
                    <td title={conflicts.join(", ")}>{ conflicts.len() }</td>
                </>
            },
            // The selected survey's file whose figures are on their way.
            None if f.survey == survey.id => html! { <td colspan="4" class="hint">{ t(lang, "dash-computing") }</td> },
            None => html! { <td colspan="4" class="hint">{ t(lang, "dash-file-other") }</td> },
        };
        html! {
            <tr data-survey={f.survey.clone()}>
                <th scope="row">{ f.name.clone() }</th>
                <td>{ titles(&f.survey) }</td>
                { cells }
                <td><button type="button" class="small" aria-label={ta(lang, "dash-file-remove-label", &[("name", f.name.clone().into())])}
                    onclick={Callback::from(move |_| on_remove.emit(key.clone()))}>{ t(lang, "dash-file-remove") }</button></td>
            </tr>
        }
    });
    let demo_row = c.demo.then(|| {
        let responses = c.rows.iter().find_map(|r| match r {
            FileRow::Loaded {
                key: None,
                responses,
                ..
            } => Some(*responses),
            _ => None,
        });
        html! {
            <tr data-survey={survey.id.clone()} class="demo-row">
                <th scope="row">{ t(lang, "dash-file-demo") }</th>
                <td>{ survey.title.get(lang.code()).to_owned() }</td>
                <td>{ responses.unwrap_or(0) }</td><td></td><td></td><td></td><td></td>
            </tr>
        }
    });

    html! {
        <section class="dashboard" aria-labelledby="dash-title">
            <h1 id="dash-title">{ t(lang, "dash-title") }</h1>
            <section class="card start" aria-labelledby="dash-start-title" id="dash-start">
                <h2 id="dash-start-title">{ t(lang, "dash-start-title") }</h2>
                <p>{ t(lang, "dash-start-lead") }</p>
                <div class="dropzone" ondrop={on_drop} ondragover={on_dragover}>
                    <label for="dash-import" class="file-label">{ t(lang, "dash-import") }</label>
                    <input type="file" id="dash-import" multiple=true accept=".csv,.json,text/csv,application/json" onchange={on_pick} aria-describedby="dash-confidential" />
                    <p class="hint">{ t(lang, "dash-drop") }</p>
                </div>
                if c.demo { <p class="demo-banner" role="note" id="demo-banner">{ t(lang, "dash-demo") }</p> }
                <p class="hint" id="dash-confidential">{ t(lang, "files-confidential") }</p>
                { for notes.iter().map(|r| file_message(lang, r)) }
                { for c.rows.iter().filter(|r| matches!(r, FileRow::Rejected { .. })).map(|r| file_message(lang, r)) }
                <div class="actions start-links">
                    <button type="button" id="dash-go-survey" onclick={go(View::Home)}>{ t(lang, "dash-start-survey") }</button>
                    <button type="button" id="dash-go-report" onclick={go(View::Report)}>{ t(lang, "dash-start-report") }</button>
                    <button type="button" id="dash-go-glossary" onclick={go(View::Glossary)}>{ t(lang, "gl-title") }</button>
                </div>
            </section>
            <p role="status" class="working" id="dash-progress">{
                match &*progress {
                    None => String::new(),
                    Some(Progress::Computing) => t(lang, "dash-computing"),
                    Some(Progress::Checking { file, files, name, bytes }) => ta(lang, "dash-checking", &[
                        ("file", (*file).into()), ("files", (*files).into()), ("name", name.clone().into()),
                        ("size", fmt::num(*bytes as f64 / 1_048_576.0, 1, lang).into()),
                    ]),
                }
            }</p>
            if let (Some(Progress::Checking { .. }), Some((done, total))) = (&*progress, *checked) {
                <progress id="dash-file-progress" max={total.to_string()} value={done.to_string()}
                    aria-label={t(lang, "dash-checked")}></progress>
            }
            // In print, the choices are said in one line instead of the controls.
            <p class="print-only" id="dash-print-title">{ ta(lang, "dash-print-title", &[
                ("survey", survey.title.get(lang.code()).to_owned().into()),
                ("period", selected_period.clone().unwrap_or_default().into()),
                ("breakdown", current_breakdown.as_ref()
                    .and_then(|b| group_questions.iter().find(|(id, _)| id == b))
                    .map_or_else(|| t(lang, "dash-breakdown-none"), |(_, text)| text.clone()).into()),
            ]) }</p>
            <div class="controls card">
                <div class="field">
                    <label for="dash-survey">{ t(lang, "dash-survey") }</label>
                    <select id="dash-survey" onchange={on_survey}>
                        { for surveys.iter().map(|(s, _)| html! {
                            <option value={s.id.clone()} selected={s.id == survey.id}>{ s.title.get(lang.code()).to_owned() }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="dash-period">{ t(lang, "dash-period") }</label>
                    <select id="dash-period" onchange={on_period}>
                        { for periods.iter().rev().map(|p| html! { <option value={p.clone()} selected={Some(p) == selected_period.as_ref()}>{ p.clone() }</option> }) }
                    </select>
                </div>
                <div class="field">
                    <label for="dash-breakdown">{ t(lang, "dash-breakdown") }</label>
                    <select id="dash-breakdown" onchange={on_breakdown}>
                        <option value="" selected={current_breakdown.is_none()}>{ t(lang, "dash-breakdown-none") }</option>
                        { for group_questions.iter().map(|(id, text)| html! {
                            <option value={id.clone()} selected={current_breakdown.as_ref() == Some(id)}>{ text.clone() }</option>
                        }) }
                    </select>
                </div>
                <div class="field print-field">
                    <button type="button" id="dash-print" onclick={Callback::from(|_: MouseEvent| services::print_page())}>
                        { t(lang, "dash-print") }
                    </button>
                </div>
            </div>
            if !c.errors.is_empty() {
                <div class="error-summary" role="alert" id="dash-analysis-error">
                    <p>{ t(lang, "dash-analysis-error") }</p>
                    <ul>{ for c.errors.iter().map(|e| html! { <li>{ e.get(lang) }</li> }) }</ul>
                    <p>{ t(lang, "dash-analysis-error-hint") }</p>
                </div>
            }
            if let (Some(a), Some(p), true) = (c.by_period.clone(), selected_period.clone(), fresh) {
                <Cards survey={survey.clone()} analysis={a} period={p.clone()} {lang} on_glossary={go(View::Glossary)} />
                <Charts survey={survey.clone()} by_period={c.by_period.clone()} by_group={c.by_group.clone()}
                    by_touchpoint={c.by_touchpoint.clone()} period={p.clone()} breakdown={current_breakdown.clone()} {lang} />
                <Texts survey={survey.clone()} analysis={c.texts.clone()} period={p} merged={current_breakdown.is_none()} {lang} />
            }
            <section class="card data" aria-labelledby="dash-data-title">
                <h2 id="dash-data-title">{ t(lang, "dash-data") }</h2>
                if fresh {
                    <p id="dash-summary" data-total={c.total.to_string()}>
                        { ta(lang, "dash-data-summary", &[("responses", c.total.into()), ("files", file_count.into())]) }
                    </p>
                } else {
                    <p class="hint" role="status">{ t(lang, "dash-computing") }</p>
                }
                if engine::in_worker() { <p class="hint" id="dash-worker">{ t(lang, "dash-worker") }</p> }
                <p><label for="dash-import" class="file-label secondary">{ t(lang, "dash-import") }</label></p>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="dash-files-caption">
                <table class="files" id="dash-files">
                    <caption id="dash-files-caption">{ t(lang, "dash-files-all") }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, "dash-file") }</th>
                        <th scope="col">{ t(lang, "dash-file-survey") }</th>
                        <th scope="col">{ t(lang, "dash-file-responses") }</th>
                        <th scope="col">{ t(lang, "dash-file-added") }</th>
                        <th scope="col">{ t(lang, "dash-file-duplicates") }</th>
                        <th scope="col">{ t(lang, "dash-file-conflicts") }</th>
                        <td></td>
                    </tr></thead>
                    <tbody>
                        { for demo_row }
                        { for file_rows }
                    </tbody>
                </table>
                </div>
                if c.rows.iter().any(|r| matches!(r, FileRow::Loaded { conflicts, .. } if !conflicts.is_empty())) {
                    <p class="hint">{ t(lang, "dash-conflict-note") }</p>
                }
                <p><button type="button" id="dash-export" onclick={on_export}>{ t(lang, "dash-export") }</button></p>
                <p class="hint">{ ta(lang, "anonymity-threshold", &[("k", k.into())]) }</p>
            </section>
        </section>
    }
}

/// The breakdown to show: `None` in the state is the default one, `Some("")` no
/// breakdown («Без разбивки»), `Some(id)` the chosen question.
pub fn chosen_breakdown(state: &Option<String>, survey: &Survey) -> Option<String> {
    match state.as_deref() {
        None => default_breakdown(survey).map(str::to_owned),
        Some("") => None,
        Some(id) => Some(id.to_owned()),
    }
}

/// The breakdown shown when none is chosen: the unit (internal) or the touchpoint.
pub fn default_breakdown(survey: &Survey) -> Option<&str> {
    survey
        .group_questions()
        .next()
        .map(|q| survey.questions[q].id.as_str())
}

/// The shown group of `analysis` for a period (and, optionally, other key values).
pub fn group_for<'a>(analysis: &'a Analysis, period: &str) -> Option<&'a GroupStats> {
    analysis.group(&[("period", Some(period))]).shown()
}

/// The breakdown by the channel of the responses (paper, kiosk, self), offered when
/// some response says it.
pub const CHANNEL: &str = "channel";

/// The label of a key value: the option's label, or "(no answer)".
pub fn option_label(survey: &Survey, key: &str, value: &Value, lang: Lang) -> String {
    match value.as_str() {
        None if key == CHANNEL => t(lang, "dash-channel-unknown"),
        None => t(lang, "dash-no-answer"),
        Some(v) if key == "period" => v.to_owned(),
        Some("paper") if key == CHANNEL => t(lang, "dash-channel-paper"),
        Some("kiosk") if key == CHANNEL => t(lang, "dash-channel-kiosk"),
        Some("self") if key == CHANNEL => t(lang, "dash-channel-self"),
        Some(v) => survey
            .question(key)
            .and_then(|q| q.kind.options().iter().find(|o| o.id == v))
            .map_or(v.to_owned(), |o| o.label.get(lang.code()).to_owned()),
    }
}
