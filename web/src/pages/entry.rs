//! Operator entry of paper forms: one screen per form with every visible question
//! numbered as on the printed questionnaire, typed with the keyboard alone
//! (`otklik_survey::entry` says what each key does and which question comes next).
//! Each form is validated as a response file is and stored on the device as the
//! runner stores a response, with the channel `paper` and the period of the session:
//! nothing else (no form number, no operator, no time). The last form saved here can
//! be deleted again at the operator's request (a form typed wrongly); nothing else is.
//! What is being typed (the form on the screen and a double-entry batch) is kept on
//! the device as it is typed, so that a reload or a crash loses nothing; it is
//! deleted when the session ends.

use std::rc::Rc;

use otklik_survey::device::Record;
use otklik_survey::entry::{self, EntryError, Field, Key, Keyed, Mismatch};
use otklik_survey::runner::Answers;
use otklik_survey::{runner, Question, QuestionKind, ResponseChannel, Survey};
use serde::{Deserialize, Serialize};
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
    /// The element to focus after the next render.
    focus: Option<String>,
    /// Forms saved in this session.
    saved: u64,
    /// The response id and answers of the last form saved, for undo.
    last: Option<(String, Answers)>,
    /// A save or an undo under way.
    busy: bool,
    /// What the last action did, for the status line.
    note: Option<Note>,
    /// The batch of double entry, when it is on.
    double: Option<Batch>,
    /// The form's number on paper (double entry only; never stored with a response).
    number: String,
    /// The work kept on the device has been read (nothing is written before).
    loaded: bool,
    /// The work as last written to the device.
    kept: Option<String>,
    /// Writes of the work under way.
    pending: u32,
    /// The last write of the work failed (the next change tries again).
    unkept: bool,
    /// Ending the session would drop unsaved work: the operator is asked first.
    ending: bool,
}

/// The settings key of the work in progress of one survey and period: work left by
/// another entry session stays on the device until that session ends.
fn work_key(survey: &Survey, period: &str) -> String {
    format!("entry-work:{}:{period}", survey.id)
}

/// The work in progress as kept on the device: the form on the screen and the
/// double-entry batch (with the forms' numbers, until the batch is saved).
#[derive(Serialize, Deserialize, PartialEq)]
struct Work {
    survey: String,
    version: u32,
    period: String,
    raws: Vec<String>,
    number: String,
    double: Option<KeptBatch>,
}

#[derive(Serialize, Deserialize, PartialEq)]
struct KeptBatch {
    second: bool,
    first: Vec<Keyed>,
    again: Vec<Keyed>,
}

impl Work {
    fn of(f: &Form, survey: &Survey, period: &str) -> Work {
        Work {
            survey: survey.id.clone(),
            version: survey.version,
            period: period.to_owned(),
            raws: f.raws.clone(),
            number: f.number.clone(),
            double: f.double.as_ref().map(|b| KeptBatch {
                second: b.second,
                first: b.first.clone(),
                again: b.again.clone(),
            }),
        }
    }

    /// Nothing typed and no batch held: nothing to lose.
    fn is_empty(&self) -> bool {
        self.raws.iter().all(|r| r.is_empty())
            && self.number.is_empty()
            && self
                .double
                .as_ref()
                .is_none_or(|b| b.first.is_empty() && b.again.is_empty())
    }

    /// Puts kept work back on the screen, when it is this session's survey and period.
    fn restore(self, f: &mut Form, survey: &Survey, period: &str) -> Option<Note> {
        if self.survey != survey.id
            || self.version != survey.version
            || self.period != period
            || self.raws.len() != survey.questions.len()
            || self.is_empty()
        {
            return None;
        }
        f.raws = self.raws;
        f.number = self.number;
        let counts = self.double.as_ref().map(|b| (b.first.len(), b.again.len()));
        f.double = self.double.map(|b| Batch {
            second: b.second,
            first: b.first,
            again: b.again,
            mismatches: None,
        });
        Some(Note::Restored(counts))
    }
}

/// A batch typed twice: each entry's forms by number, held here until they agree.
#[derive(Default)]
struct Batch {
    /// The second operator's entry is under way.
    second: bool,
    first: Vec<Keyed>,
    again: Vec<Keyed>,
    /// The last comparison's result, until the batch changes.
    mismatches: Option<Vec<Mismatch>>,
}

/// The form-number field of double entry.
const NUMBER_ID: &str = "entry-no";

enum Note {
    Saved(u64),
    Undone,
    /// Undone, and its answers are on the screen again.
    UndoneBack,
    Fix,
    Empty,
    Failed(String),
    NoNumber,
    Held(String),
    Second,
    BatchSaved(usize),
    /// Work kept on the device was put back (with the batch's two counts).
    Restored(Option<(usize, usize)>),
}

fn field_id(i: usize) -> String {
    format!("eq-{}", i + 1)
}

fn first(survey: &Survey, raws: &[String]) -> Option<usize> {
    entry::visible(survey, raws).iter().position(|&v| v)
}

/// Where a fresh form starts: its number in double entry, else its first question.
fn start_of(f: &Form, survey: &Survey) -> Option<String> {
    if f.double.is_some() {
        Some(NUMBER_ID.to_owned())
    } else {
        first(survey, &f.raws).map(field_id)
    }
}

/// Where typing resumes on restored work: the form's number in double entry when it
/// is blank, else the first visible question left blank after the last one typed.
fn resume_at(f: &Form, survey: &Survey) -> Option<String> {
    if f.double.is_some() && f.number.trim().is_empty() {
        return Some(NUMBER_ID.to_owned());
    }
    let shown = entry::visible(survey, &f.raws);
    let last = (0..f.raws.len())
        .rev()
        .find(|&i| shown[i] && !f.raws[i].is_empty());
    let from = last.map_or(0, |i| i + 1);
    (from..f.raws.len())
        .find(|&i| shown[i])
        .or_else(|| first(survey, &f.raws))
        .map(field_id)
}

/// A finished form as the device stores a response.
fn record(survey: &Survey, d: &runner::Draft) -> String {
    Record {
        survey: survey.id.clone(),
        version: survey.version,
        id: d.id.clone(),
        period: d.period.clone(),
        channel: d.channel,
        answers: d.answers.clone(),
    }
    .to_json()
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
                focus: survey.as_ref().and_then(|s| first(s, &raws)).map(field_id),
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
            if let Some(id) = focus {
                services::focus(&id);
            }
        });
    }
    // The work kept on the device comes back after a reload; from then on every
    // change is written as it is made.
    {
        let (form, update, session) = (form.clone(), update.clone(), session.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                let key = session.as_ref().map(|s| work_key(&s.survey, &s.period));
                let kept = match &key {
                    Some(key) => services::get(SETTINGS, key).await,
                    None => Ok(None),
                };
                {
                    let mut f = form.borrow_mut();
                    if let (Ok(Some(json)), Some(session)) = (kept, session.as_ref()) {
                        let back = serde_json::from_str::<Work>(&json)
                            .ok()
                            .and_then(|w| w.restore(&mut f, &session.survey, &session.period));
                        if let Some(note) = back {
                            f.note = Some(note);
                            f.focus = resume_at(&f, &session.survey);
                            f.kept = Some(json);
                        }
                    }
                    f.loaded = true;
                }
                update.force_update();
            });
        });
    }
    {
        let (form, update, session) = (form.clone(), update.clone(), session.clone());
        use_effect(move || {
            let Some(session) = session else { return };
            let mut f = form.borrow_mut();
            if !f.loaded {
                return;
            }
            let json = serde_json::to_string(&Work::of(&f, &session.survey, &session.period))
                .expect("serialises");
            if f.kept.as_deref() == Some(json.as_str()) {
                return;
            }
            f.kept = Some(json.clone());
            f.pending += 1;
            drop(f);
            let key = work_key(&session.survey, &session.period);
            spawn_local(async move {
                let done = services::put(SETTINGS, &key, &json).await;
                {
                    let mut f = form.borrow_mut();
                    f.pending -= 1;
                    f.unkept = done.is_err();
                    if let Err(e) = done {
                        f.note = Some(Note::Failed(e));
                    }
                }
                update.force_update();
            });
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
                f.focus = Some(field_id(*i));
                f.errors = problems;
                f.note = Some(Note::Fix);
                drop(f);
                update.force_update();
                return;
            }
            // A form with no answer at all is no form: nothing is stored.
            if answers.is_empty() {
                f.note = Some(Note::Empty);
                f.focus = start_of(&f, &survey);
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
            let fresh = vec![String::new(); survey.questions.len()];
            // Double entry holds the form in its batch, under its number, until the
            // two entries agree; a form typed again under a number replaces it.
            let number = f.number.trim().to_owned();
            if let Some(b) = f.double.as_mut() {
                if number.is_empty() {
                    f.note = Some(Note::NoNumber);
                    f.focus = Some(NUMBER_ID.to_owned());
                    drop(f);
                    update.force_update();
                    return;
                }
                let list = if b.second { &mut b.again } else { &mut b.first };
                list.retain(|k| k.number != number);
                list.push(Keyed {
                    number: number.clone(),
                    answers: finished.answers,
                });
                b.mismatches = None;
                f.raws = fresh;
                f.number.clear();
                f.errors.clear();
                f.focus = Some(NUMBER_ID.to_owned());
                f.note = Some(Note::Held(number));
                drop(f);
                update.force_update();
                return;
            }
            let rec = record(&survey, &finished);
            // A fresh form at once; the typed one comes back if it cannot be stored.
            let typed = std::mem::replace(&mut f.raws, fresh);
            f.errors.clear();
            f.focus = start_of(&f, &survey);
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
                            f.last = Some((finished.id, finished.answers));
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
                    f.focus = Some(field_id(i));
                }
                Ok(_) => match entry::next(&survey, &f.raws, i) {
                    Some(j) => {
                        // At once when the field is on the screen already; else
                        // after the screen is drawn again.
                        services::focus(&field_id(j));
                        f.focus = Some(field_id(j));
                    }
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

    let on_double = {
        let (form, update, survey) = (form.clone(), update.clone(), survey.clone());
        Callback::from(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            let mut f = form.borrow_mut();
            f.double = on.then(Batch::default);
            f.number.clear();
            f.focus = start_of(&f, &survey);
            drop(f);
            update.force_update();
        })
    };
    let on_second = {
        let (form, update) = (form.clone(), update.clone());
        Callback::from(move |_: MouseEvent| {
            let mut f = form.borrow_mut();
            if let Some(b) = f.double.as_mut() {
                b.second = true;
            }
            f.raws.iter_mut().for_each(String::clear);
            f.number.clear();
            f.errors.clear();
            f.note = Some(Note::Second);
            f.focus = Some(NUMBER_ID.to_owned());
            drop(f);
            update.force_update();
        })
    };
    // Compares the two entries; when they agree, stores every form of the batch.
    let on_compare = {
        let (form, update, survey, d) = (
            form.clone(),
            update.clone(),
            survey.clone(),
            ctx.dispatch.clone(),
        );
        let period = session.period.clone();
        Callback::from(move |_: MouseEvent| {
            let mut f = form.borrow_mut();
            if f.busy {
                return;
            }
            let Some(b) = f.double.as_mut() else {
                return;
            };
            let found = entry::compare(&survey, &b.first, &b.again);
            if !found.is_empty() || b.first.is_empty() {
                b.mismatches = Some(found);
                f.focus = Some("double-result".to_owned());
                drop(f);
                update.force_update();
                return;
            }
            // Agreed: the forms become responses; their numbers stay behind.
            let records: Vec<(String, String)> = b
                .first
                .iter()
                .map(|k| {
                    let draft = runner::Draft {
                        id: services::new_response_id(),
                        period: period.clone(),
                        channel: Some(ResponseChannel::Paper),
                        answers: k.answers.clone(),
                    };
                    (draft.id.clone(), record(&survey, &draft))
                })
                .collect();
            f.busy = true;
            drop(f);
            update.force_update();
            let (form, update, d) = (form.clone(), update.clone(), d.clone());
            spawn_local(async move {
                let mut stored = 0;
                let mut failed = None;
                for (id, rec) in &records {
                    match services::put(RESPONSES, id, rec).await {
                        Ok(()) => stored += 1,
                        Err(e) => {
                            failed = Some(e);
                            break;
                        }
                    }
                }
                let count = services::count(RESPONSES).await.ok();
                {
                    let mut f = form.borrow_mut();
                    f.busy = false;
                    f.last = None;
                    f.saved += stored as u64;
                    match failed {
                        None => {
                            f.double = Some(Batch::default());
                            f.note = Some(Note::BatchSaved(stored));
                            f.focus = Some(NUMBER_ID.to_owned());
                        }
                        Some(e) => {
                            // What was stored leaves the batch; the rest stays to be saved.
                            if let Some(b) = f.double.as_mut() {
                                b.first.drain(..stored);
                                b.again
                                    .retain(|k| b.first.iter().any(|a| a.number == k.number));
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
    let number_keys = {
        let (form, survey, save, update) =
            (form.clone(), survey.clone(), save.clone(), update.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Enter" {
                return;
            }
            e.prevent_default();
            if e.ctrl_key() || e.meta_key() {
                save();
                return;
            }
            let mut f = form.borrow_mut();
            f.focus = first(&survey, &f.raws).map(field_id);
            drop(f);
            update.force_update();
        })
    };
    let number_input = {
        let (form, update) = (form.clone(), update.clone());
        Callback::from(move |e: InputEvent| {
            form.borrow_mut().number = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            update.force_update();
        })
    };
    let on_undo = {
        let (form, update, d, survey) = (
            form.clone(),
            update.clone(),
            ctx.dispatch.clone(),
            survey.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some((id, answers)) = form.borrow().last.clone() else {
                return;
            };
            if form.borrow().busy {
                return;
            }
            form.borrow_mut().busy = true;
            let (form, update, d, survey) =
                (form.clone(), update.clone(), d.clone(), survey.clone());
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
                            // Its answers come back on an empty screen, to be corrected.
                            let empty = f.raws.iter().all(|r| r.is_empty());
                            if empty {
                                f.raws = survey
                                    .questions
                                    .iter()
                                    .map(|q| {
                                        answers
                                            .get(&q.id)
                                            .map(|v| entry::raw(q, v))
                                            .unwrap_or_default()
                                    })
                                    .collect();
                                f.errors.clear();
                                f.focus = first(&survey, &f.raws).map(field_id);
                            }
                            f.note = Some(if empty {
                                Note::UndoneBack
                            } else {
                                Note::Undone
                            });
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
    let on_clear = {
        let (form, update, survey) = (form.clone(), update.clone(), survey.clone());
        Callback::from(move |_: MouseEvent| {
            let mut f = form.borrow_mut();
            f.raws.iter_mut().for_each(String::clear);
            f.number.clear();
            f.errors.clear();
            f.note = None;
            f.focus = start_of(&f, &survey);
            drop(f);
            update.force_update();
        })
    };
    let on_export = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Go(View::Admin)))
    };
    // Ending the session deletes the work in progress: when there is some, the
    // operator confirms first.
    let end = {
        let d = ctx.dispatch.clone();
        let key = work_key(&survey, &session.period);
        Callback::from(move |_: MouseEvent| {
            let (d, key) = (d.clone(), key.clone());
            spawn_local(async move {
                services::delete_keys(SETTINGS, &[key.as_str(), "session"])
                    .await
                    .ok();
                d.dispatch(Action::EndSession);
                d.dispatch(Action::Go(View::Home));
            });
        })
    };
    let on_end = {
        let (form, update, end, survey) =
            (form.clone(), update.clone(), end.clone(), survey.clone());
        let period = session.period.clone();
        Callback::from(move |e: MouseEvent| {
            let unsaved = !Work::of(&form.borrow(), &survey, &period).is_empty();
            if unsaved {
                form.borrow_mut().ending = true;
                form.borrow_mut().focus = Some("entry-end-question".to_owned());
                update.force_update();
            } else {
                end.emit(e);
            }
        })
    };
    let on_end_no = {
        let (form, update) = (form.clone(), update.clone());
        Callback::from(move |_: MouseEvent| {
            let mut f = form.borrow_mut();
            f.ending = false;
            f.focus = Some("entry-end".to_owned());
            drop(f);
            update.force_update();
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
                // A key pressed before the cursor has reached the next question (the
                // screen not yet drawn again) belongs to that question.
                let moving = form
                    .borrow()
                    .focus
                    .as_deref()
                    .and_then(|id| id.strip_prefix("eq-"))
                    .and_then(|n| n.parse::<usize>().ok())
                    .and_then(|n| n.checked_sub(1))
                    .filter(|&j| j != i && j < survey.questions.len());
                let i = moving.unwrap_or(i);
                let field = Field::of(&survey.questions[i]);
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
                if !field.takes_digits() && plain && moving.is_some() {
                    // Typed into the field the cursor is going to.
                    let mut chars = key.chars();
                    let edit = match (chars.next(), chars.next()) {
                        (Some(c), None) => Some(Some(c)),
                        _ if key == "Backspace" => Some(None),
                        _ => None,
                    };
                    if let Some(c) = edit {
                        e.prevent_default();
                        let mut f = form.borrow_mut();
                        match c {
                            Some(c) => f.raws[i].push(c),
                            None => {
                                f.raws[i].pop();
                            }
                        }
                        drop(f);
                        update.force_update();
                    }
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
        Note::UndoneBack => t(lang, "entry-undone-back"),
        Note::Fix => t(lang, "entry-fix"),
        Note::Empty => t(lang, "entry-empty"),
        Note::NoNumber => t(lang, "double-no-number"),
        Note::Held(n) => ta(lang, "double-held", &[("number", n.clone().into())]),
        Note::Second => t(lang, "double-second-started"),
        Note::BatchSaved(k) => ta(lang, "double-saved", &[("count", (*k).into())]),
        Note::Failed(e) => ta(lang, "entry-failed", &[("detail", e.clone().into())]),
        Note::Restored(None) => t(lang, "entry-restored"),
        Note::Restored(Some((first, second))) => format!(
            "{} {}",
            t(lang, "entry-restored"),
            ta(
                lang,
                "entry-restored-batch",
                &[("first", (*first).into()), ("second", (*second).into())]
            )
        ),
    });
    let work = Work::of(&f, &survey, &session.period);
    let kept = f.loaded
        && f.pending == 0
        && !f.unkept
        && f.kept.as_deref() == Some(serde_json::to_string(&work).expect("serialises").as_str());
    let ending = f.ending;
    let (saved, last, busy) = (f.saved, f.last.is_some(), f.busy);
    let number = f.number.clone();
    let double = f.double.as_ref().map(|b| {
        let result = b.mismatches.as_ref().map(|m| {
            let items = m.iter().map(|x| {
                let (form, text) = match x {
                    Mismatch::OnlyFirst(n) => (n, t(lang, "double-only-first")),
                    Mismatch::OnlySecond(n) => (n, t(lang, "double-only-second")),
                    Mismatch::Differs(n, qs) => (n, ta(lang, "double-differs", &[("questions", qs.iter().map(|i| (i + 1).to_string()).collect::<Vec<_>>().join(", ").into())])),
                };
                html! { <li data-form={form.clone()}>{ ta(lang, "double-form", &[("number", form.clone().into()), ("what", text.into())]) }</li> }
            }).collect::<Vec<Html>>();
            html! {
                <div id="double-result" tabindex="-1" class={if m.is_empty() && b.first.is_empty() { "notice" } else { "error-summary" }} role="alert" data-count={m.len().to_string()}>
                    if b.first.is_empty() { <p>{ t(lang, "double-empty") }</p> } else {
                        <p>{ ta(lang, "double-mismatches", &[("count", m.len().into())]) }</p>
                        <ul id="double-mismatches">{ for items }</ul>
                        <p>{ t(lang, "double-fix") }</p>
                    }
                </div>
            }
        });
        html! {
            <div class="double" id="double-status" data-pass={if b.second { "2" } else { "1" }} data-first={b.first.len().to_string()} data-second={b.again.len().to_string()}>
                <p><strong>{ if b.second { t(lang, "double-pass-2") } else { t(lang, "double-pass-1") } }</strong>
                    { " " }{ ta(lang, "double-counts", &[("first", b.first.len().into()), ("second", b.again.len().into())]) }</p>
                { for result }
                <div class="actions">
                    if b.second {
                        <button type="button" class="primary" id="double-compare" disabled={busy} onclick={on_compare.clone()}>{ t(lang, "double-compare") }</button>
                    } else {
                        <button type="button" id="double-second" disabled={b.first.is_empty()} onclick={on_second.clone()}>{ t(lang, "double-second") }</button>
                    }
                </div>
            </div>
        }
    });
    let double_on = f.double.is_some();
    let batch_held = f
        .double
        .as_ref()
        .is_some_and(|b| !b.first.is_empty() || !b.again.is_empty());
    drop(f);
    html! {
        <section class="card entry" aria-labelledby="entry-title">
            <h1 id="entry-title">{ t(lang, "entry-title") }</h1>
            <p class="lead">{ format!("{} · {}", survey.title.get(lang.code()), session.period) }</p>
            <p class="count" id="entry-count" data-session={saved.to_string()} data-device={stored.to_string()} data-busy={busy.to_string()} data-kept={kept.to_string()}>
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
            <div class="entry-double">
                <label class="option" for="entry-double">
                    <input type="checkbox" id="entry-double" checked={double_on} disabled={batch_held} onchange={on_double} aria-describedby="entry-double-hint" />
                    <span class="option-label">{ t(lang, "double-toggle") }</span>
                </label>
                <p class="hint" id="entry-double-hint">{ t(lang, "double-hint") }</p>
            </div>
            { for double }
            <form id="entry-form" onsubmit={on_submit} novalidate=true aria-label={t(lang, "entry-form")}>
                if double_on {
                    <div class="field entry-number">
                        <label for={NUMBER_ID}>{ t(lang, "double-number") }</label>
                        <input type="text" id={NUMBER_ID} value={number} inputmode="numeric" autocomplete="off" aria-describedby="entry-no-hint"
                            onkeydown={number_keys} oninput={number_input} />
                        <p class="hint" id="entry-no-hint">{ t(lang, "double-number-hint") }</p>
                    </div>
                }
                <ol class="entry-list">{ for rows }</ol>
                <div class="actions">
                    <button type="submit" class="primary" id="entry-save" disabled={busy}>{ t(lang, "entry-save") }</button>
                    <button type="button" id="entry-clear" onclick={on_clear}>{ t(lang, "entry-clear") }</button>
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
            if ending {
                <div class="error-summary" role="alertdialog" aria-labelledby="entry-end-question">
                    <p id="entry-end-question" tabindex="-1">{ t(lang, "entry-end-unsaved") }</p>
                    <div class="actions">
                        <button type="button" id="entry-end-no" class="primary" onclick={on_end_no}>{ t(lang, "entry-end-no") }</button>
                        <button type="button" id="entry-end-yes" class="danger" onclick={end}>{ t(lang, "entry-end-yes") }</button>
                    </div>
                </div>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn survey() -> Survey {
        Survey::from_json(include_str!(
            "../../../fixtures/surveys/external-client.json"
        ))
        .unwrap()
    }

    fn typed(survey: &Survey) -> Form {
        let mut raws = vec![String::new(); survey.questions.len()];
        raws[0] = "2".into();
        let mut answers = Answers::new();
        answers.insert(survey.questions[0].id.clone(), serde_json::json!(2));
        Form {
            raws,
            number: "104".into(),
            double: Some(Batch {
                second: true,
                first: vec![Keyed {
                    number: "101".into(),
                    answers,
                }],
                ..Batch::default()
            }),
            ..Form::default()
        }
    }

    #[test]
    fn kept_work_comes_back_as_it_was_typed() {
        let survey = survey();
        let json = serde_json::to_string(&Work::of(&typed(&survey), &survey, "2026-Q3")).unwrap();
        let mut back = Form::default();
        let work: Work = serde_json::from_str(&json).unwrap();
        let note = work.restore(&mut back, &survey, "2026-Q3");
        assert!(matches!(note, Some(Note::Restored(Some((1, 0))))));
        assert_eq!(back.raws, typed(&survey).raws);
        assert_eq!(back.number, "104");
        let b = back.double.unwrap();
        assert!(b.second);
        assert_eq!(b.first, typed(&survey).double.unwrap().first);
    }

    #[test]
    fn restored_typing_resumes_after_the_last_answer_typed() {
        let survey = survey();
        let mut f = typed(&survey);
        assert_eq!(resume_at(&f, &survey), Some(field_id(1)));
        f.number.clear();
        assert_eq!(resume_at(&f, &survey), Some(NUMBER_ID.to_owned()));
        f.double = None;
        f.raws[0].clear();
        assert_eq!(resume_at(&f, &survey), Some(field_id(0)));
    }

    #[test]
    fn each_survey_and_period_keeps_its_own_work() {
        let survey = survey();
        let q3 = work_key(&survey, "2026-Q3");
        assert_ne!(q3, work_key(&survey, "2026-Q4"));
        let mut other = survey.clone();
        other.id = "another".into();
        assert_ne!(q3, work_key(&other, "2026-Q3"));
    }

    #[test]
    fn kept_work_of_another_period_or_survey_or_nothing_is_not_restored() {
        let survey = survey();
        let work = || Work::of(&typed(&survey), &survey, "2026-Q3");
        assert!(work()
            .restore(&mut Form::default(), &survey, "2026-Q4")
            .is_none());
        let mut other = work();
        other.survey = "another".into();
        assert!(other
            .restore(&mut Form::default(), &survey, "2026-Q3")
            .is_none());
        let empty = Form {
            raws: vec![String::new(); survey.questions.len()],
            ..Form::default()
        };
        assert!(Work::of(&empty, &survey, "2026-Q3").is_empty());
        assert!(Work::of(&empty, &survey, "2026-Q3")
            .restore(&mut Form::default(), &survey, "2026-Q3")
            .is_none());
    }
}
