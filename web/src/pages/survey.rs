//! The respondent's screens: the anonymity statement, the questions screen by
//! screen with a progress indicator, and submission.

use gloo::events::EventListener;
use otklik_survey::device::Record;
use otklik_survey::runner::{self, Issue, Layout};
use otklik_survey::ResponseChannel;
use serde_json::Value;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::components::question::{first_control_id, QuestionView};
use crate::ctx::Ctx;
use crate::i18n::{t, ta};
use crate::services::{self, DRAFTS, SETTINGS};
use crate::state::{Action, Draft, View};

#[derive(Properties, PartialEq)]
pub struct RunnerProps {
    pub ctx: Ctx,
}

#[component]
pub fn Runner(props: &RunnerProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang();
    let code = ctx.text_lang();
    let narrow = use_state(services::narrow);
    {
        let narrow = narrow.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| {
                narrow.set(services::narrow())
            });
            move || drop(listener)
        });
    }
    let issues = use_state(Vec::<(usize, Issue)>::new);
    let submitting = use_state(|| false);
    let position = ctx.state.draft.as_ref().and_then(|d| d.position.clone());
    // Focus the new screen's heading (or the error summary) after a move.
    {
        let has_issues = !issues.is_empty();
        use_effect_with((position.clone(), has_issues), move |(_, has_issues)| {
            services::focus(if *has_issues {
                "error-summary"
            } else {
                "screen-title"
            });
        });
    }

    // A session without a draft: start one for the next respondent.
    {
        let dispatch = ctx.dispatch.clone();
        let needs_draft = ctx.state.session.is_some() && ctx.state.draft.is_none();
        use_effect_with(needs_draft, move |needs| {
            if *needs {
                dispatch.dispatch(Action::NewDraft(Draft::new(services::new_response_id())));
            }
        });
    }
    let (Some(session), Some(draft)) = (ctx.state.session.clone(), ctx.state.draft.clone()) else {
        return html! {};
    };
    let survey = session.survey.clone();
    let layout = if *narrow {
        Layout::OnePerScreen
    } else {
        Layout::Blocks
    };
    let screens = runner::screens(&survey, &draft.answers, layout);

    let save_status = {
        let (cls, text) = if let Some(e) = &ctx.state.save_error {
            (
                "save-status failed",
                format!("{} ({e})", t(lang, "save-failed")),
            )
        } else if ctx.state.saved() {
            ("save-status", t(lang, "saved"))
        } else {
            ("save-status pending", t(lang, "saving"))
        };
        html! { <p class={cls} role="status" data-saved={ctx.state.saved().to_string()}>{ text }</p> }
    };

    let Some(pos) = position else {
        // The anonymity statement comes before the first question.
        let start = {
            let d = ctx.dispatch.clone();
            let first = screens.first().map(|s| survey.questions[s[0]].id.clone());
            Callback::from(move |_| d.dispatch(Action::Move(first.clone())))
        };
        return html! {
            <section class="card intro" aria-labelledby="screen-title">
                <h1 id="screen-title" tabindex="-1">{ survey.title.get(&code).to_owned() }</h1>
                if let Some(intro) = &survey.intro { <p class="lead">{ intro.get(&code).to_owned() }</p> }
                <div class="anonymity" role="note" aria-labelledby="anonymity-title">
                    <h2 id="anonymity-title">{ t(lang, "anonymity-title") }</h2>
                    <ul>
                        <li>{ ta(lang, "anonymity-stored", &[("period", session.period.clone().into())]) }</li>
                        <li>{ t(lang, "anonymity-not-stored") }</li>
                        <li>{ ta(lang, "anonymity-threshold", &[("k", survey.min_group.into())]) }</li>
                        <li>{ t(lang, "anonymity-local") }</li>
                    </ul>
                </div>
                <p class="hint">{ t(lang, "required-legend") }</p>
                <div class="actions">
                    <button type="button" class="primary" id="start" onclick={start}>{ t(lang, "start") }</button>
                </div>
                <AbortSurvey ctx={ctx.clone()} />
            </section>
        };
    };

    let qpos = survey.question_index(&pos).unwrap_or(0);
    let idx = screens
        .iter()
        .position(|s| s.contains(&qpos))
        .or_else(|| screens.iter().position(|s| s[0] > qpos))
        .unwrap_or(screens.len().saturating_sub(1));
    let screen = screens.get(idx).cloned().unwrap_or_default();
    let last = idx + 1 >= screens.len();
    let remaining: usize = screens.iter().skip(idx + 1).map(Vec::len).sum();

    let on_answer = {
        let d = ctx.dispatch.clone();
        let issues = issues.clone();
        let survey = survey.clone();
        Callback::from(move |(q, v): (String, Value)| {
            // An answered question drops its "required" mark at once; other errors
            // are checked again on the next step.
            let index = survey.question_index(&q);
            if issues
                .iter()
                .any(|(i, e)| Some(*i) == index && *e == Issue::Required)
            {
                issues.set(
                    issues
                        .iter()
                        .filter(|(i, _)| Some(*i) != index)
                        .cloned()
                        .collect(),
                );
            }
            d.dispatch(Action::Answer(q, v));
        })
    };

    let go = |target: Option<usize>| -> Option<String> {
        target
            .and_then(|t| screens.get(t))
            .map(|s| survey.questions[s[0]].id.clone())
    };
    let on_back = {
        let d = ctx.dispatch.clone();
        let issues = issues.clone();
        let target = if idx == 0 { None } else { go(Some(idx - 1)) };
        Callback::from(move |_| {
            issues.set(Vec::new());
            d.dispatch(Action::Move(target.clone()))
        })
    };
    let on_next = {
        let ctx = ctx.clone();
        let issues = issues.clone();
        let survey = survey.clone();
        let screen = screen.clone();
        let next = go(Some(idx + 1));
        let all: Vec<usize> = screens.iter().flatten().copied().collect();
        let submitting = submitting.clone();
        let session = session.clone();
        let draft = draft.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let found = runner::issues(&survey, &draft.answers, &screen);
            if !found.is_empty() {
                issues.set(found);
                return;
            }
            issues.set(Vec::new());
            if !last {
                ctx.dispatch.dispatch(Action::Move(next.clone()));
                return;
            }
            let found = runner::issues(&survey, &draft.answers, &all);
            if let Some((q, _)) = found.first() {
                ctx.dispatch
                    .dispatch(Action::Move(Some(survey.questions[*q].id.clone())));
                issues.set(found);
                return;
            }
            if *submitting {
                return;
            }
            submitting.set(true);
            let (ctx, survey, session, draft, submitting) = (
                ctx.clone(),
                survey.clone(),
                session.clone(),
                draft.clone(),
                submitting.clone(),
            );
            spawn_local(async move {
                let answers = runner::clean(&survey, &draft.answers);
                // The kiosk's responses are the kiosk's; any other is self-completed.
                let channel = if session.kiosk {
                    ResponseChannel::Kiosk
                } else {
                    ResponseChannel::SelfCompletion
                };
                let finished = runner::Draft {
                    id: draft.id.clone(),
                    period: session.period.clone(),
                    channel: Some(channel),
                    answers: answers.clone(),
                };
                // Held to exactly the rules of a response file before it is stored.
                if let Err(e) = runner::to_responses(&survey, std::slice::from_ref(&finished)) {
                    ctx.dispatch.dispatch(Action::SaveFailed(e.to_string()));
                    submitting.set(false);
                    return;
                }
                let rec = Record {
                    survey: survey.id.clone(),
                    version: survey.version,
                    id: draft.id.clone(),
                    period: session.period.clone(),
                    channel: Some(channel),
                    answers: answers.clone(),
                }
                .to_json();
                match services::submit(&draft.id, &rec, "current").await {
                    Ok(()) => {
                        let receipt = runner::receipt_code(services::random_bytes());
                        let document = (!session.kiosk).then(|| {
                            serde_json::to_string_pretty(&runner::response_document(
                                &survey, &finished,
                            ))
                            .expect("serialises")
                            .into()
                        });
                        ctx.dispatch
                            .dispatch(Action::Submitted { receipt, document });
                    }
                    Err(e) => ctx.dispatch.dispatch(Action::SaveFailed(e)),
                }
                submitting.set(false);
            });
        })
    };

    let summary = (!issues.is_empty()).then(|| {
        html! {
            <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">{ t(lang, "errors-title") }</h2>
                <ul>
                    { for issues.iter().map(|(q, issue)| {
                        let text = survey.questions[*q].text.get(&code).to_owned();
                        let why = match issue { Issue::Required => t(lang, "error-required"), Issue::Invalid(_) => t(lang, "errors-title") };
                        html! { <li><a href={format!("#{}", first_control_id(*q))}>{ format!("{text} — {why}") }</a></li> }
                    }) }
                </ul>
            </div>
        }
    });

    let total = screens.len();
    let percent = (idx * 100).checked_div(total).unwrap_or(0);
    html! {
        <section class="card runner" aria-labelledby="screen-title">
            <div class="progress-block">
                <h1 id="screen-title" class="step" tabindex="-1">{ ta(lang, "progress", &[("step", (idx + 1).into()), ("total", total.into())]) }</h1>
                <progress max="100" value={percent.to_string()} aria-labelledby="screen-title"></progress>
                <p class="remaining">{ ta(lang, "remaining", &[("n", remaining.into())]) }</p>
            </div>
            { for summary }
            <form novalidate=true onsubmit={on_next}>
                { for screen.iter().map(|&q| html! {
                    <QuestionView key={q} survey={survey.clone()} index={q} answer={draft.answers.get(&survey.questions[q].id).cloned()}
                        issue={issues.iter().find(|(i, _)| *i == q).map(|(_, e)| e.clone())} {lang} text_lang={(code != lang.code()).then(|| AttrValue::from(code.clone()))} on_answer={on_answer.clone()} />
                }) }
                <div class="actions">
                    <button type="button" onclick={on_back}>{ t(lang, "back") }</button>
                    <button type="submit" class="primary" disabled={*submitting}>{ if last { t(lang, "submit") } else { t(lang, "next") } }</button>
                </div>
            </form>
            { save_status }
            <AbortSurvey ctx={ctx.clone()} />
        </section>
    }
}

/// «Прервать опрос»: after a confirmation, the draft is discarded and no response is
/// created. The kiosk returns to its start screen for the next respondent;
/// self-completion returns to the start page.
#[component]
fn AbortSurvey(props: &RunnerProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang();
    let asking = use_state(|| false);
    let kiosk = ctx.state.session.as_ref().is_some_and(|s| s.kiosk);
    let on_ask = {
        let asking = asking.clone();
        Callback::from(move |_| {
            asking.set(true);
            services::focus("abort-no");
        })
    };
    let on_no = {
        let asking = asking.clone();
        Callback::from(move |_| {
            asking.set(false);
            services::focus("abort");
        })
    };
    let on_yes = {
        let (d, asking) = (ctx.dispatch.clone(), asking.clone());
        Callback::from(move |_| {
            let (d, asking) = (d.clone(), asking.clone());
            spawn_local(async move {
                // The draft goes first: a reload now shows no trace of it.
                services::delete(DRAFTS, "current").await.ok();
                if kiosk {
                    d.dispatch(Action::NewDraft(Draft::new(services::new_response_id())));
                } else {
                    services::delete(SETTINGS, "session").await.ok();
                    d.dispatch(Action::EndSession);
                    d.dispatch(Action::Go(View::Home));
                }
                asking.set(false);
            });
        })
    };
    if *asking {
        html! {
            <div class="confirm abort" role="alertdialog" aria-labelledby="abort-question" aria-describedby="abort-detail">
                <p id="abort-question"><strong>{ t(lang, "abort-question") }</strong></p>
                <p id="abort-detail">{ t(lang, if kiosk { "abort-detail-kiosk" } else { "abort-detail" }) }</p>
                <div class="actions">
                    <button type="button" id="abort-no" onclick={on_no}>{ t(lang, "abort-no") }</button>
                    <button type="button" class="danger" id="abort-yes" onclick={on_yes}>{ t(lang, "abort-yes") }</button>
                </div>
            </div>
        }
    } else {
        html! {
            <p class="abort-line">
                <button type="button" class="link" id="abort" onclick={on_ask}>{ t(lang, "abort") }</button>
            </p>
        }
    }
}
