//! Operator entry of paper forms: one screen per form with every visible question
//! numbered as on the printed questionnaire, typed with the keyboard alone
//! (`otklik_survey::entry` says what each key does and which question comes next).
//! Each form is validated as a response file is and stored on the device as the
//! runner stores a response, with the channel `paper` and the period of the session:
//! nothing else (no form number, no operator, no time). The last form saved here can
//! be deleted again at the operator's request (a form typed wrongly); nothing else is.

use std::rc::Rc;

use otklik_survey::device::Record;
use otklik_survey::entry::{self, EntryError, Field, Key};
use otklik_survey::{runner, Question, QuestionKind, ResponseChannel, Survey};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::ctx::Ctx;
use crate::i18n::{t, ta, Lang};
use crate::services::{self, RESPONSES, SETTINGS};
use crate::state::{Action, View};

#[derive(Properties, PartialEq)]
pub struct EntryProps {
    pub ctx: Ctx,
}

/// The form on the screen and what this session has saved.
#[derive(Default)]
struct Form {
    /// What was typed for each question (index of the definition).
    raws: Vec<String>,
    /// Fields whose text is not an answer.
    errors: Vec<(usize, EntryError)>,
    /// The question to focus after the next render.
    focus: Option<usize>,
    /// Forms saved in this session.
    saved: u64,
    /// The response id of the last form saved, for undo.
    last: Option<String>,
    /// A save or an undo under way.
    busy: bool,
    /// What the last action did, for the status line.
    note: Option<Note>,
}

enum Note {
    Saved(u64),
    Undone,
    Fix,
    Empty,
    Failed(String),
}

fn field_id(i: usize) -> String {
    format!("eq-{}", i + 1)
}

fn first(survey: &Survey, raws: &[String]) -> Option<usize> {
    entry::visible(survey, raws).iter().position(|&v| v)
}

/// What the operator reads beside a field: the numbers it takes.
fn choices(lang: Lang, q: &Question) -> String {
    let listed = |labels: Vec<String>| {
        labels
            .iter()
            .enumerate()
            .map(|(k, l)| format!("{} {l}", k + 1))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    match &q.kind {
        QuestionKind::Scale { points, labels, .. } => {
            let ends = labels
                .as_ref()
                .map(|l| format!(" ({} … {})", l.min.get(lang.code()), l.max.get(lang.code())))
                .unwrap_or_default();
            format!("1–{points}{ends}")
        }
        QuestionKind::Nps { .. } => t(lang, "entry-nps"),
        QuestionKind::Choice { options, .. } | QuestionKind::Multi { options } => listed(
            options
                .iter()
                .map(|o| o.label.get(lang.code()).to_owned())
                .collect(),
        ),
        QuestionKind::YesNo => listed(vec![t(lang, "yes"), t(lang, "no")]),
        QuestionKind::Number { min, max, unit, .. } => {
            let unit = unit
                .as_ref()
                .map(|u| format!(" {}", u.get(lang.code())))
                .unwrap_or_default();
            ta(
                lang,
                "entry-number",
                &[
                    ("min", number(lang, *min).into()),
                    ("max", number(lang, *max).into()),
                    ("unit", unit.into()),
                ],
            )
        }
        QuestionKind::Text { .. } => t(lang, "entry-text"),
    }
}

fn number(lang: Lang, x: f64) -> String {
    otklik_survey::fmt::num(x, if x.fract() == 0.0 { 0 } else { 2 }, lang)
}

/// The answer a field gives, in words (an option's label, yes or no).
fn read_back(lang: Lang, q: &Question, raw: &str) -> Option<String> {
    let v = entry::answer(q, raw).ok()??;
    let label = |id: &str| match &q.kind {
        QuestionKind::Choice { options, .. } | QuestionKind::Multi { options } => options
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.label.get(lang.code()).to_owned()),
        _ => None,
    };
    match (&q.kind, &v) {
        (QuestionKind::Choice { .. }, serde_json::Value::String(s)) => label(s),
        (QuestionKind::Multi { .. }, serde_json::Value::Array(a)) => Some(
            a.iter()
                .filter_map(|x| x.as_str().and_then(label))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        (QuestionKind::YesNo, serde_json::Value::Bool(b)) => {
            Some(t(lang, if *b { "yes" } else { "no" }))
        }
        (QuestionKind::Text { .. }, _) => None,
        _ => Some(v.to_string()),
    }
}

fn error_text(lang: Lang, e: &EntryError) -> String {
    match e {
        EntryError::Range { lo, hi } => ta(
            lang,
            "entry-bad-code",
            &[("lo", (*lo).into()), ("hi", (*hi).into())],
        ),
        EntryError::Invalid(m) => m.render(lang),
    }
}

#[component]
pub fn Entry(props: &EntryProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang();
    let session = ctx.state.session.clone();
    let survey = session.as_ref().map(|s| s.survey.clone());
    let form = {
        let survey = survey.clone();
        use_mut_ref(move || {
            let raws = vec![String::new(); survey.as_ref().map_or(0, |s| s.questions.len())];
            Form {
                focus: survey.as_ref().and_then(|s| first(s, &raws)),
                raws,
                ..Form::default()
            }
        })
    };
    let update = use_force_update();
    {
        let form = form.clone();
        use_effect(move || {
            let focus = form.borrow_mut().focus.take();
            if let Some(i) = focus {
                services::focus(&field_id(i));
            }
        });
    }
    let (Some(session), Some(survey)) = (session, survey) else {
        return html! {};
    };

    // Saves the form on the screen, or shows what keeps it from being saved.
    let save: Rc<dyn Fn()> = {
        let (form, update, survey, d) = (
            form.clone(),
            update.clone(),
            survey.clone(),
            ctx.dispatch.clone(),
        );
        let period = session.period.clone();
        Rc::new(move || {
            let mut f = form.borrow_mut();
            if f.busy {
                return;
            }
            let (answers, problems) = entry::answers(&survey, &f.raws);
            if let Some((i, _)) = problems.first() {
                f.focus = Some(*i);
                f.errors = problems;
                f.note = Some(Note::Fix);
                drop(f);
                update.force_update();
                return;
            }
            // A form with no answer at all is no form: nothing is stored.
            if answers.is_empty() {
                f.note = Some(Note::Empty);
                f.focus = first(&survey, &f.raws);
                drop(f);
                update.force_update();
                return;
            }
            let finished = runner::Draft {
                id: services::new_response_id(),
                period: period.clone(),
                channel: Some(ResponseChannel::Paper),
                answers: runner::clean(&survey, &answers),
            };
            // Held to exactly the rules of a response file before it is stored.
            if let Err(e) = runner::to_responses(&survey, std::slice::from_ref(&finished)) {
                f.note = Some(Note::Failed(e.to_string()));
                drop(f);
                update.force_update();
                return;
            }
            let rec = Record {
                survey: survey.id.clone(),
                version: survey.version,
                id: finished.id.clone(),
                period: finished.period.clone(),
                channel: finished.channel,
                answers: finished.answers.clone(),
            }
            .to_json();
            // A fresh form at once; the typed one comes back if it cannot be stored.
            let typed = std::mem::replace(&mut f.raws, vec![String::new(); survey.questions.len()]);
            f.errors.clear();
            f.focus = first(&survey, &f.raws);
            f.busy = true;
            drop(f);
            update.force_update();
            let (form, update, d) = (form.clone(), update.clone(), d.clone());
            spawn_local(async move {
                let done = services::put(RESPONSES, &finished.id, &rec).await;
                let count = services::count(RESPONSES).await.ok();
                {
                    let mut f = form.borrow_mut();
                    f.busy = false;
                    match done {
                        Ok(()) => {
                            f.saved += 1;
                            f.last = Some(finished.id);
                            f.note = Some(Note::Saved(f.saved));
                        }
                        Err(e) => {
                            if f.raws.iter().all(|r| r.is_empty()) {
                                f.raws = typed;
                            }
                            f.note = Some(Note::Failed(e));
                        }
                    }
                }
                if let Some(c) = count {
                    d.dispatch(Action::Stored(c));
                }
                update.force_update();
            });
        })
    };

    // Moves on from question `i` when its field holds an answer or nothing.
    let advance: Rc<dyn Fn(usize)> = {
        let (form, update, survey, save) =
            (form.clone(), update.clone(), survey.clone(), save.clone());
        Rc::new(move |i: usize| {
            let mut f = form.borrow_mut();
            f.errors.retain(|(k, _)| *k != i);
            match entry::answer(&survey.questions[i], &f.raws[i]) {
                Err(e) => {
                    f.errors.push((i, e));
                    f.focus = Some(i);
                }
                Ok(_) => match entry::next(&survey, &f.raws, i) {
                    Some(j) => f.focus = Some(j),
                    None => {
                        drop(f);
                        save();
                        return;
                    }
                },
            }
            drop(f);
            update.force_update();
        })
    };

    let on_undo = {
        let (form, update, d) = (form.clone(), update.clone(), ctx.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(id) = form.borrow().last.clone() else {
                return;
            };
            if form.borrow().busy {
                return;
            }
            form.borrow_mut().busy = true;
            let (form, update, d) = (form.clone(), update.clone(), d.clone());
            spawn_local(async move {
                // Exactly the record saved last here, nothing else.
                let done = services::delete(RESPONSES, &id).await;
                let count = services::count(RESPONSES).await.ok();
                {
                    let mut f = form.borrow_mut();
                    f.busy = false;
                    match done {
                        Ok(()) => {
                            f.last = None;
                            f.saved = f.saved.saturating_sub(1);
                            f.note = Some(Note::Undone);
                        }
                        Err(e) => f.note = Some(Note::Failed(e)),
                    }
                }
                if let Some(c) = count {
                    d.dispatch(Action::Stored(c));
                }
                update.force_update();
            });
        })
    };
    let on_submit = {
        let save = save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            save();
        })
    };
    let on_export = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Go(View::Admin)))
    };
    let on_end = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let d = d.clone();
            spawn_local(async move {
                services::delete(SETTINGS, "session").await.ok();
                d.dispatch(Action::EndSession);
                d.dispatch(Action::Go(View::Home));
            });
        })
    };

    let f = form.borrow();
    let shown = entry::visible(&survey, &f.raws);
    let rows = survey.questions.iter().enumerate().map(|(i, q)| {
        let number = i + 1;
        let text = q.text.get(lang.code()).to_owned();
        let required = q.required.then(|| {
            html! { <>
                <span class="req" aria-hidden="true">{ "\u{a0}*" }</span>
                <span class="visually-hidden">{ format!(" ({})", t(lang, "entry-required")) }</span>
            </> }
        });
        if !shown[i] {
            return html! {
                <li class="entry-q skipped" data-q={q.id.clone()} data-n={number.to_string()}>
                    <span class="qn">{ format!("{number}.") }</span>
                    <span class="entry-text">{ text }</span>
                    { " " }
                    <span class="entry-skip">{ t(lang, "entry-skipped") }</span>
                </li>
            };
        }
        let field = Field::of(q);
        let id = field_id(i);
        let raw = f.raws[i].clone();
        let error = f.errors.iter().find(|(k, _)| *k == i).map(|(_, e)| error_text(lang, e));
        let opts_id = format!("{id}-opts");
        let err_id = format!("{id}-error");
        let got = read_back(lang, q, &raw);
        let described = if error.is_some() { format!("{opts_id} {err_id}") } else { opts_id.clone() };
        let onkeydown = {
            let (form, update, survey, save, advance) = (
                form.clone(),
                update.clone(),
                survey.clone(),
                save.clone(),
                advance.clone(),
            );
            Callback::from(move |e: KeyboardEvent| {
                let key = e.key();
                let plain = !(e.ctrl_key() || e.alt_key() || e.meta_key());
                if key == "Enter" && (e.ctrl_key() || e.meta_key()) {
                    e.prevent_default();
                    save();
                    return;
                }
                if key == "Enter" || (key == " " && field.takes_digits()) {
                    e.prevent_default();
                    advance(i);
                    return;
                }
                if !field.takes_digits() || !plain {
                    return;
                }
                if key == "Backspace" || key == "Delete" {
                    e.prevent_default();
                    let mut f = form.borrow_mut();
                    f.raws[i].clear();
                    f.errors.retain(|(k, _)| *k != i);
                    drop(f);
                    update.force_update();
                    return;
                }
                let mut chars = key.chars();
                let (Some(c), None) = (chars.next(), chars.next()) else {
                    return;
                };
                // Every other character is kept out of a field that takes numbers.
                e.prevent_default();
                let q = &survey.questions[i];
                let mut f = form.borrow_mut();
                f.errors.retain(|(k, _)| *k != i);
                match entry::digit(q, &f.raws[i], c) {
                    Key::Set { raw, done } => {
                        f.raws[i] = raw;
                        drop(f);
                        if done {
                            advance(i);
                        } else {
                            update.force_update();
                        }
                    }
                    Key::Reject | Key::Type => {
                        let (lo, hi) = match field {
                            Field::Code { lo, hi } => (lo, hi),
                            Field::Multi { options } => (1, options),
                            Field::Number | Field::Text => (0, 0),
                        };
                        f.errors.push((i, EntryError::Range { lo, hi }));
                        drop(f);
                        update.force_update();
                    }
                }
            })
        };
        let oninput = {
            let (form, update) = (form.clone(), update.clone());
            Callback::from(move |e: InputEvent| {
                let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                form.borrow_mut().raws[i] = v;
                update.force_update();
            })
        };
        let mode = match field {
            Field::Text => "text",
            Field::Number => "decimal",
            _ => "numeric",
        };
        let maxlength = match &q.kind {
            QuestionKind::Text { max_length } => Some(max_length.to_string()),
            _ => None,
        };
        let kind = match field {
            Field::Code { .. } => "code",
            Field::Multi { .. } => "multi",
            Field::Number => "number",
            Field::Text => "text",
        };
        html! {
            <li class="entry-q" data-q={q.id.clone()} data-n={number.to_string()} data-kind={kind}>
                <label for={id.clone()}>
                    <span class="qn">{ format!("{number}.") }</span>
                    <span class="entry-text">{ text }</span>
                    { for required }
                </label>
                <div class="entry-field">
                    <input type="text" id={id.clone()} value={raw} inputmode={mode} autocomplete="off" spellcheck="false"
                        maxlength={maxlength} aria-describedby={described}
                        aria-invalid={error.is_some().then_some("true")} {onkeydown} {oninput} />
                    if let Some(g) = got { <span class="entry-got" data-answer={g.clone()}>{ format!("→ {g}") }</span> }
                </div>
                <p class="hint entry-opts" id={opts_id}>{ choices(lang, q) }</p>
                if let Some(e) = error { <p class="error" id={err_id}>{ e }</p> }
            </li>
        }
    }).collect::<Vec<Html>>();
    let stored = ctx.state.stored.unwrap_or(0);
    let note = f.note.as_ref().map(|n| match n {
        Note::Saved(k) => ta(lang, "entry-saved", &[("count", (*k).into())]),
        Note::Undone => t(lang, "entry-undone"),
        Note::Fix => t(lang, "entry-fix"),
        Note::Empty => t(lang, "entry-empty"),
        Note::Failed(e) => ta(lang, "entry-failed", &[("detail", e.clone().into())]),
    });
    let (saved, last, busy) = (f.saved, f.last.is_some(), f.busy);
    drop(f);
    html! {
        <section class="card entry" aria-labelledby="entry-title">
            <h1 id="entry-title">{ t(lang, "entry-title") }</h1>
            <p class="lead">{ format!("{} · {}", survey.title.get(lang.code()), session.period) }</p>
            <p class="count" id="entry-count" data-session={saved.to_string()} data-device={stored.to_string()} data-busy={busy.to_string()}>
                { ta(lang, "entry-count", &[("count", saved.into())]) }
                { " · " }
                { ta(lang, "entry-device", &[("count", stored.into())]) }
            </p>
            <details class="entry-help" open=true>
                <summary>{ t(lang, "entry-keys-title") }</summary>
                <ul id="entry-keys">
                    <li>{ t(lang, "entry-keys-code") }</li>
                    <li>{ t(lang, "entry-keys-two") }</li>
                    <li>{ t(lang, "entry-keys-multi") }</li>
                    <li>{ t(lang, "entry-keys-typed") }</li>
                    <li>{ t(lang, "entry-keys-blank") }</li>
                    <li>{ t(lang, "entry-keys-save") }</li>
                </ul>
            </details>
            <p class="hint">{ t(lang, "entry-stored-note") }</p>
            <form id="entry-form" onsubmit={on_submit} novalidate=true aria-label={t(lang, "entry-form")}>
                <ol class="entry-list">{ for rows }</ol>
                <div class="actions">
                    <button type="submit" class="primary" id="entry-save" disabled={busy}>{ t(lang, "entry-save") }</button>
                </div>
            </form>
            <p role="status" id="entry-note">{ note.unwrap_or_default() }</p>
            <div class="actions">
                <button type="button" id="entry-undo" class="danger" disabled={!last || busy} onclick={on_undo} aria-describedby="entry-undo-hint">
                    { t(lang, "entry-undo") }
                </button>
                <button type="button" id="entry-export" onclick={on_export}>{ t(lang, "entry-export") }</button>
                <button type="button" id="entry-end" onclick={on_end}>{ t(lang, "entry-end") }</button>
            </div>
            <p class="hint" id="entry-undo-hint">{ t(lang, "entry-undo-hint") }</p>
        </section>
    }
}
