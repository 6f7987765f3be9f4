//! The manager's dashboard: response files in, indicators and charts out. Every
//! figure comes from the analytics engine (in the worker), already suppressed where
//! a group or an answer count is below K; this screen only shows it.

use std::rc::Rc;

use indexmap::IndexMap;
use otklik_analytics::{Analysis, Fig, FigureId, Group, GroupStats};
use otklik_survey::{fmt, QuestionKind, Survey};
use serde_json::Value;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::ctx::Ctx;
use charts::Charts;

mod chart_svg;
mod charts;

use crate::i18n::{t, ta, Both, Lang};
use crate::pages::glossary::Explain;
use crate::services::engine;
use crate::services::library::{self, templates, StoredFile};
use crate::services::{self, FILES, SURVEYS};
use crate::state::{Action, View};
use crate::worker::protocol::FileReport;

/// What a file contributed, or why it was rejected.
#[derive(Debug, Clone, PartialEq)]
pub enum FileRow {
    Loaded {
        name: String,
        key: Option<String>,
        responses: u64,
        added: u64,
        duplicates: u64,
        conflicts: Vec<String>,
    },
    Rejected {
        name: String,
        errors: Vec<Both>,
    },
    Note(String),
}

/// Files up to this size are read whole on the page before they are checked (a
/// survey definition is one); of a larger one only its first [`HEAD_BYTES`], to
/// tell its survey. Its content goes to the engine as it is.
const WHOLE_BYTES: f64 = 4.0 * 1024.0 * 1024.0;
const HEAD_BYTES: f64 = 1024.0 * 1024.0;

/// The survey a response file names: JSON `"survey"`, or a CSV `survey` column.
/// `text` is the file's beginning unless `whole`.
fn survey_of(text: &str, whole: bool) -> Option<String> {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('{') {
        if !whole {
            return json_head_survey(body);
        }
        let v: Value = serde_json::from_str(body).ok()?;
        return v.get("survey").and_then(Value::as_str).map(str::to_owned);
    }
    let mut rdr = csv_lite(body);
    let header = rdr.next()?;
    let col = header.iter().position(|h| h == "survey")?;
    rdr.next()
        .and_then(|row| row.get(col).cloned())
        .filter(|s| !s.is_empty())
}

/// The `"survey"` member of a JSON response file, from the file's beginning (the
/// exported files name it before their responses): the first `"survey": "…"`.
fn json_head_survey(head: &str) -> Option<String> {
    let at = head.find("\"survey\"")? + "\"survey\"".len();
    let rest = head[at..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    let id = &rest[..end];
    (!id.is_empty() && !id.contains('\\')).then(|| id.to_owned())
}

/// For a CSV without a `survey` column: the survey whose question ids cover every
/// column of the header.
fn guess_survey(text: &str, surveys: &[(Rc<Survey>, Rc<str>)]) -> Option<String> {
    let body = text.trim_start_matches('\u{feff}');
    if body.trim_start().starts_with('{') {
        return None;
    }
    let header = csv_lite(body).next()?;
    surveys
        .iter()
        .find(|(s, _)| {
            header.iter().all(|h| {
                matches!(h.as_str(), "response_id" | "period" | "survey" | "version")
                    || s.question(h).is_some()
            })
        })
        .map(|(s, _)| s.id.clone())
}

/// Splits the first lines of a CSV well enough to find the `survey` column.
fn csv_lite(text: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    text.lines().take(2).map(|l| {
        l.split(',')
            .map(|c| c.trim_matches('"').to_owned())
            .collect()
    })
}

fn row_of(r: FileReport, key: Option<String>) -> FileRow {
    match r.outcome.0 {
        Err(f) => FileRow::Rejected {
            name: r.name,
            errors: f.errors,
        },
        Ok(read) => FileRow::Loaded {
            name: r.name,
            key,
            responses: read.responses,
            added: read.added,
            duplicates: read.duplicates,
            conflicts: read.conflicts,
        },
    }
}

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

/// Everything the dashboard shows, computed for one survey.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Computed {
    pub rows: Vec<FileRow>,
    pub demo: bool,
    pub total: u64,
    pub by_period: Option<Rc<Analysis>>,
    pub by_group: Option<Rc<Analysis>>,
    /// Free-text answers: given under one grouping only (`text_grouping`).
    pub texts: Option<Rc<Analysis>>,
    pub by_touchpoint: Option<Rc<Analysis>>,
    /// Why the indicators could not be computed (the worker's messages), if so.
    pub errors: Vec<Both>,
    /// The engine's name for this data set.
    pub token: String,
}

/// The analysis `by` these keys, or the worker's messages saying why there is none.
async fn analysis(token: &str, by: &[&str], texts: bool) -> Result<Rc<Analysis>, Vec<Both>> {
    engine::analyze(token, by, texts)
        .await
        .map(Rc::new)
        .map_err(|f| f.errors)
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
                    let library::Loaded {
                        token,
                        demo,
                        files: mine,
                        reply,
                    } = library::load(&survey, &source, &files).await;
                    let mut c = Computed {
                        demo,
                        token: token.clone(),
                        total: reply.as_ref().map_or(0, |l| l.total),
                        ..Computed::default()
                    };
                    let keys: Vec<Option<String>> = if demo {
                        vec![None]
                    } else {
                        mine.iter().map(|f| Some(f.key.clone())).collect()
                    };
                    let reports = reply.map(|l| l.reports).unwrap_or_default();
                    for (r, key) in reports.into_iter().zip(keys) {
                        c.rows.push(row_of(r, key));
                    }
                    let tp = survey
                        .with_role(otklik_survey::Role::Touchpoint)
                        .map(|q| survey.questions[q].id.clone());
                    if let Some(tp) = tp {
                        // By period and by period × touchpoint: one pass over the data.
                        let reply =
                            engine::analyze_many(&token, &[&["period"], &["period", &tp]]).await;
                        let (analyses, errors) = match reply {
                            Ok(a) => (a, Vec::new()),
                            Err(f) => (Vec::new(), f.errors),
                        };
                        c.errors = errors;
                        let mut analyses = analyses.into_iter().map(Rc::new);
                        c.by_period = analyses.next();
                        c.by_touchpoint = analyses.next();
                    } else {
                        let by_period = analysis(&token, &["period"], false).await;
                        c.errors = by_period.clone().err().unwrap_or_default();
                        c.by_period = by_period.ok();
                    }
                    if let (Some(b), true) = (
                        chosen_breakdown(&breakdown_now, &survey),
                        c.errors.is_empty(),
                    ) {
                        c.by_group = analysis(&token, &["period", &b], false).await.ok();
                    }
                    if c.errors.is_empty() {
                        let keys: Vec<String> = otklik_analytics::text_grouping(&survey)
                            .iter()
                            .map(|k| k.name().to_owned())
                            .collect();
                        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
                        c.texts = analysis(&token, &keys, true).await.ok();
                    }
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
                let total = list.len();
                let mut out = Vec::new();
                let mut changed = false;
                // The order of import continues after the files stored (their
                // descriptions only: no content is read here).
                let mut seq = services::all_files(FILES)
                    .await
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|(meta, _)| serde_json::from_str::<StoredFile>(meta).ok())
                    .map(|f| f.seq)
                    .max()
                    .unwrap_or(0);
                for (k, file) in list.into_iter().enumerate() {
                    let name = file.name();
                    progress.set(Some(Progress::Checking {
                        file: k + 1,
                        files: total,
                        name: name.clone(),
                        bytes: file.size() as u64,
                    }));
                    let whole = file.size() <= WHOLE_BYTES;
                    let text = if whole {
                        services::blob_text(&file).await
                    } else {
                        match file.slice_with_f64_and_f64(0.0, HEAD_BYTES) {
                            Ok(head) => services::blob_text(&head).await,
                            Err(_) => String::new(),
                        }
                    };
                    // A survey definition.
                    if whole {
                        if let Ok(def) = Survey::from_json(&text) {
                            if services::put(SURVEYS, &def.id, &text).await.is_ok() {
                                *want.borrow_mut() = Some(def.id.clone());
                                changed = true;
                            }
                            continue;
                        }
                    }
                    let sid = survey_of(&text, whole)
                        .or_else(|| guess_survey(&text, &surveys))
                        .or_else(|| (*selected).clone())
                        .unwrap_or_default();
                    drop(text);
                    let Some((survey, source)) = surveys.iter().find(|(s, _)| s.id == sid).cloned()
                    else {
                        out.push(FileRow::Note(ta(
                            lang,
                            "dash-file-unknown-survey",
                            &[("name", name.clone().into()), ("survey", sid.into())],
                        )));
                        continue;
                    };
                    // Validate the whole file before anything is stored: the engine
                    // reads it from the file itself and names it by its SHA-256.
                    checked.set(None);
                    let on_progress = {
                        let checked = checked.clone();
                        move |done, total| checked.set(Some((done, total)))
                    };
                    let reply =
                        engine::check(&source, &name, file.clone().into(), on_progress).await;
                    checked.set(None);
                    let key = match reply {
                        Ok(c) if !c.key.is_empty() => c.key,
                        other => {
                            let errors = other.err().map(|f| f.errors).unwrap_or_default();
                            out.push(FileRow::Rejected { name, errors });
                            continue;
                        }
                    };
                    library::engine_holds(&key);
                    if services::has(FILES, &key).await {
                        out.push(FileRow::Note(ta(
                            lang,
                            "dash-file-same",
                            &[("name", name.clone().into())],
                        )));
                        continue;
                    }
                    seq += 1;
                    let stored = StoredFile {
                        seq,
                        key: key.clone(),
                        name,
                        survey: survey.id.clone(),
                        text: None,
                        blob: None,
                    };
                    if stored.store(&file, true).await.is_ok() {
                        *want.borrow_mut() = Some(survey.id.clone());
                        changed = true;
                    }
                }
                progress.set(None);
                notes.set(out);
                if changed {
                    revision.set(*revision + 1);
                } else {
                    // Put the selected survey's data back into the engine.
                    revision.set(*revision + 1);
                }
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

    let Some((survey, _)) = survey else {
        return html! { <p class="loading" role="status">{ "…" }</p> };
    };
    let c = &*computed;
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
    let current_breakdown = chosen_breakdown(&breakdown, &survey);
    let periods = c
        .by_period
        .as_ref()
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
            if let (Some(a), Some(p)) = (c.by_period.clone(), selected_period.clone()) {
                <Cards survey={survey.clone()} analysis={a} period={p.clone()} {lang} on_glossary={go(View::Glossary)} />
                <Charts survey={survey.clone()} by_period={c.by_period.clone()} by_group={c.by_group.clone()}
                    by_touchpoint={c.by_touchpoint.clone()} period={p.clone()} breakdown={current_breakdown.clone()} {lang} />
                <Texts survey={survey.clone()} analysis={c.texts.clone()} period={p} merged={current_breakdown.is_none()} {lang} />
            }
            <section class="card data" aria-labelledby="dash-data-title">
                <h2 id="dash-data-title">{ t(lang, "dash-data") }</h2>
                <p id="dash-summary" data-total={c.total.to_string()}>
                    { ta(lang, "dash-data-summary", &[("responses", c.total.into()), ("files", file_count.into())]) }
                </p>
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

fn file_message(lang: Lang, r: &FileRow) -> Html {
    match r {
        FileRow::Rejected { name, errors } => html! {
            <div class="error-summary file-error" role="alert">
                <p>{ ta(lang, "dash-file-rejected", &[("name", name.clone().into())]) }</p>
                <ul>{ for errors.iter().map(|e| html! { <li>{ e.get(lang) }</li> }) }</ul>
            </div>
        },
        FileRow::Note(text) => html! { <p role="status" class="note">{ text.clone() }</p> },
        FileRow::Loaded { .. } => html! {},
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

#[derive(Properties, PartialEq)]
struct CardsProps {
    survey: Rc<Survey>,
    analysis: Rc<Analysis>,
    period: String,
    lang: Lang,
    on_glossary: Callback<MouseEvent>,
}

struct Card {
    id: String,
    title: String,
    /// The full question, when the card is about one question.
    desc: Option<String>,
    /// The glossary term that explains the figure.
    term: &'static str,
    value: Option<(f64, Option<[f64; 2]>, u64)>,
    percent: bool,
    figure: FigureId,
}

#[component]
fn Cards(props: &CardsProps) -> Html {
    let lang = props.lang;
    let s = &props.survey;
    let k = props.analysis.min_group;
    let Some(g) = group_for(&props.analysis, &props.period) else {
        return html! {
            <section class="cards" aria-labelledby="cards-title">
                <h2 id="cards-title">{ ta(lang, "dash-cards", &[("period", props.period.clone().into())]) }</h2>
                <p class="suppressed">{ ta(lang, "dash-suppressed", &[("k", k.into())]) }</p>
            </section>
        };
    };
    let qtext = |id: &str| {
        s.question(id)
            .map_or(id.to_owned(), |q| q.text.get(lang.code()).to_owned())
    };
    let qlabel = |id: &str| {
        s.question(id)
            .map_or(id.to_owned(), |q| q.label(lang.code()).to_owned())
    };
    let mut cards = Vec::new();
    if let Some(ccl) = &g.ccl {
        cards.push(Card {
            id: "ccl".into(),
            title: t(lang, "dash-ccl"),
            desc: None,
            term: "ccl",
            value: ccl.shown().map(|l| (l.value, l.ci95, l.n)),
            percent: false,
            figure: FigureId::Ccl,
        });
    }
    for (id, d) in &g.dimensions {
        let title = s
            .dimensions
            .iter()
            .find(|x| x.id == *id)
            .map_or(id.clone(), |x| x.title.get(lang.code()).to_owned());
        cards.push(Card {
            id: format!("dim-{id}"),
            title,
            desc: None,
            term: "dimension",
            value: d.shown().map(|d| (d.index, d.ci95, d.n)),
            percent: false,
            figure: FigureId::Dimension(id.clone()),
        });
    }
    for (id, n) in &g.nps {
        let internal = s.audience == otklik_survey::Audience::Internal;
        let title = if internal {
            t(lang, "dash-enps")
        } else {
            ta(lang, "dash-nps", &[("q", qlabel(id).into())])
        };
        cards.push(Card {
            id: format!("nps-{id}"),
            title,
            desc: Some(qtext(id)),
            term: if internal { "enps" } else { "nps" },
            value: n.shown().map(|n| (n.value, Some(n.ci95), n.n)),
            percent: false,
            figure: FigureId::Nps(id.clone()),
        });
    }
    for (id, c) in &g.ces {
        cards.push(Card {
            id: format!("ces-{id}"),
            title: t(lang, "dash-ces"),
            desc: Some(qtext(id)),
            term: "ces",
            value: c.shown().map(|c| (c.mean, c.ci95, c.n)),
            percent: false,
            figure: FigureId::ItemMean(id.clone()),
        });
    }
    for (id, r) in &g.resolution {
        cards.push(Card {
            id: format!("res-{id}"),
            title: t(lang, "dash-resolution"),
            desc: Some(qtext(id)),
            term: "resolution",
            value: r.shown().map(|r| (r.share, Some(r.ci95), r.n)),
            percent: true,
            figure: FigureId::Resolution(id.clone()),
        });
    }
    for (id, st) in &g.standards {
        let max = s.question(id).and_then(|q| match &q.kind {
            QuestionKind::Number {
                standard_max: Some(m),
                ..
            } => q.standard_words(
                lang,
                &fmt::num(*m, if m.fract() == 0.0 { 0 } else { 1 }, lang),
            ),
            _ => None,
        });
        cards.push(Card {
            id: format!("std-{id}"),
            title: ta(
                lang,
                "dash-standard",
                &[(
                    "q",
                    format!("{} {}", qlabel(id), max.unwrap_or_default()).into(),
                )],
            ),
            desc: Some(qtext(id)),
            term: "standard",
            value: st.shown().map(|x| (x.share, Some(x.ci95), x.n)),
            percent: true,
            figure: FigureId::Standard(id.clone()),
        });
    }
    html! {
        <section class="cards-section" aria-labelledby="cards-title">
            <h2 id="cards-title">{ ta(lang, "dash-cards", &[("period", props.period.clone().into())]) }</h2>
            <details class="explain how-to-read" id="how-to-read">
                <summary>{ t(lang, "explain-how") }</summary>
                <dl>
                    { for ["ci", "p", "significant", "n", "hidden"].iter().map(|id| html! {
                        <>
                            <dt>{ t(lang, &format!("gl-{id}-term")) }</dt>
                            <dd>{ t(lang, &format!("gl-{id}")) }</dd>
                        </>
                    }) }
                </dl>
                <p><button type="button" class="link" id="how-to-read-glossary" onclick={props.on_glossary.clone()}>{ t(lang, "explain-more") }</button></p>
            </details>
            <ul class="cards">
                { for cards.into_iter().map(|c| {
                    let scale = if c.percent { 100.0 } else { 1.0 };
                    let unit = if c.percent { " %" } else { "" };
                    let change = props.analysis.change_into(&props.period, &[], &c.figure);
                    html! {
                        <li class="kpi card" id={format!("card-{}", c.id)}>
                            <h3>{ c.title }</h3>
                            if let Some(d) = &c.desc { <p class="kpi-desc">{ d.clone() }</p> }
                            { match c.value {
                                None => html! { <p class="suppressed" data-suppressed="true">{ ta(lang, "dash-suppressed", &[("k", k.into())]) }</p> },
                                Some((v, ci, n)) => html! {
                                    <>
                                        <p class="kpi-value" data-value={v.to_string()}>{ format!("{}{unit}", fmt::num(v * scale, 1, lang)) }</p>
                                        if let Some([lo, hi]) = ci {
                                            <p class="kpi-ci">{ ta(lang, "dash-ci", &[("lo", fmt::num(lo * scale, 1, lang).into()), ("hi", fmt::num(hi * scale, 1, lang).into())]) }</p>
                                        }
                                        <p class="kpi-n" data-n={n.to_string()}>{ ta(lang, "dash-n", &[("n", n.into())]) }</p>
                                        { match change {
                                            Some((from, ch)) => html! {
                                                <p class={classes!("kpi-change", if ch.significant { "significant" } else { "" })}>
                                                    { if ch.delta > 0.0 { "▲ " } else if ch.delta < 0.0 { "▼ " } else { "" } }
                                                    { ta(lang, "dash-change", &[("delta", fmt::signed(ch.delta * scale, 1, lang).into()), ("period", from.into())]) }
                                                    { format!(" ({}, p = {})", t(lang, if ch.significant { "dash-significant" } else { "dash-not-significant" }), fmt::num(ch.p, 3, lang)) }
                                                </p>
                                            },
                                            None => html! { <p class="kpi-change">{ t(lang, "dash-no-change") }</p> },
                                        } }
                                    </>
                                },
                            } }
                            <Explain term={c.term} {lang} />
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TextsProps {
    survey: Rc<Survey>,
    analysis: Option<Rc<Analysis>>,
    period: String,
    /// «Без разбивки»: the shown groups' answers together, in one list per question.
    merged: bool,
    lang: Lang,
}

#[component]
fn Texts(props: &TextsProps) -> Html {
    let lang = props.lang;
    let Some(a) = &props.analysis else {
        return html! {};
    };
    let groups: Vec<(
        String,
        &IndexMap<String, Fig<otklik_analytics::TextAnswers>>,
    )> = a
        .groups
        .iter()
        .filter_map(|g| match g {
            Group::Shown(s)
                if s.key.get("period").and_then(Value::as_str) == Some(props.period.as_str()) =>
            {
                let label = s
                    .key
                    .iter()
                    .filter(|(k, _)| *k != "period")
                    .map(|(k, v)| option_label(&props.survey, k, v, lang))
                    .collect::<Vec<_>>()
                    .join(", ");
                Some((label, &s.texts))
            }
            _ => None,
        })
        .collect();
    let text_by: String =
        a.by.iter()
            .rfind(|k| *k != "period")
            .and_then(|k| props.survey.question(k))
            .map_or_else(
                || t(lang, "dash-period"),
                |q| q.label(lang.code()).to_owned(),
            );
    let qtext = |q: &str| {
        props
            .survey
            .question(q)
            .map_or(q.to_owned(), |x| x.label(lang.code()).to_owned())
    };
    let shown: Vec<Html> = if props.merged {
        // Only what the lists by group publish anyway, put together and shuffled (a
        // fixed order per period, so that it does not change on every render).
        let mut by_question: IndexMap<&str, Vec<String>> = IndexMap::new();
        for (_, texts) in &groups {
            for (q, f) in texts.iter() {
                if let Some(t) = f.shown() {
                    by_question
                        .entry(q.as_str())
                        .or_default()
                        .extend(t.answers.iter().cloned());
                }
            }
        }
        by_question
            .into_iter()
            .map(|(q, answers)| {
                let seed = props
                    .period
                    .bytes()
                    .fold(17u64, |h, b| h.wrapping_mul(31) ^ u64::from(b));
                let order = otklik_survey::export::shuffled_order(answers.len(), seed);
                let answers: Vec<String> = order.iter().map(|&i| answers[i].clone()).collect();
                let title = format!("{} ({})", qtext(q), answers.len());
                html! {
                    <TextGroup key={format!("{}|all|{q}", props.period)} {title}
                        answers={Rc::new(answers)} {lang} />
                }
            })
            .collect()
    } else {
        groups
            .iter()
            .flat_map(|(label, texts)| {
                texts.iter().filter_map(move |(q, f)| {
                    f.shown().map(|t| {
                        let title = format!("{label} — {} ({})", qtext(q), t.n);
                        html! {
                            <TextGroup key={format!("{}|{label}|{q}", props.period)} {title}
                                answers={Rc::new(t.answers.clone())} {lang} />
                        }
                    })
                })
            })
            .collect()
    };
    let hint = if props.merged {
        "dash-texts-all-hint"
    } else {
        "dash-texts-hint"
    };
    html! {
        <section class="card texts" aria-labelledby="texts-title">
            <h2 id="texts-title">{ t(lang, "dash-texts") }</h2>
            <p class="hint" id="texts-hint">{ ta(lang, hint, &[("k", a.min_group_text.into()), ("by", text_by.into())]) }</p>
            if shown.is_empty() { <p>{ t(lang, "dash-texts-none") }</p> } else { { for shown } }
        </section>
    }
}

/// Free-text answers of a group shown at first, and added by each "show more".
const TEXTS_FIRST: usize = 10;
const TEXTS_MORE: usize = 50;

#[derive(Properties, PartialEq)]
struct TextGroupProps {
    title: String,
    answers: Rc<Vec<String>>,
    lang: Lang,
}

/// One group's answers to one free-text question: the first few, and a button that
/// shows more (a large data set has thousands).
#[component]
fn TextGroup(props: &TextGroupProps) -> Html {
    let lang = props.lang;
    let limit = use_state(|| TEXTS_FIRST);
    let total = props.answers.len();
    let n = (*limit).min(total);
    let more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + TEXTS_MORE))
    };
    html! {
        <div class="texts-group">
            <h3>{ &props.title }</h3>
            <ul>{ for props.answers[..n].iter().map(|a| html! { <li>{ a.clone() }</li> }) }</ul>
            if n < total {
                <p class="texts-more">
                    <span aria-live="polite">{ ta(lang, "dash-texts-shown", &[("shown", n.into()), ("total", total.into())]) }</span>
                    { " " }
                    <button type="button" class="small" onclick={more}>
                        { ta(lang, "dash-texts-more", &[("n", TEXTS_MORE.min(total - n).into())]) }
                    </button>
                </p>
            }
        </div>
    }
}

/// The label of a key value: the option's label, or "(no answer)".
pub fn option_label(survey: &Survey, key: &str, value: &Value, lang: Lang) -> String {
    match value.as_str() {
        None => t(lang, "dash-no-answer"),
        Some(v) if key == "period" => v.to_owned(),
        Some(v) => survey
            .question(key)
            .and_then(|q| q.kind.options().iter().find(|o| o.id == v))
            .map_or(v.to_owned(), |o| o.label.get(lang.code()).to_owned()),
    }
}
