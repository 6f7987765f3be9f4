//! The organiser's start page: choose or load a survey, set the period, then run it
//! here (self-completion), start the kiosk or the operator entry of paper forms, hand
//! it out, or print its questionnaire (`paper`).

use std::rc::Rc;

use otklik_survey::{surveyjs, Audience, Period, Survey, SurveyError};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::ctx::Ctx;
use crate::i18n::{t, ta, Both};
use crate::pages::kiosk::KioskSetup;
use crate::services;
use crate::services::embed::{self, Mode, Payload};
use crate::services::library::Choice;
use crate::state::Session;

mod paper;
use paper::PaperForm;

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub ctx: Ctx,
}

fn templates() -> Vec<Choice> {
    crate::services::library::templates()
        .into_iter()
        .map(|(survey, source)| Choice { survey, source })
        .collect()
}

#[component]
pub fn Home(props: &HomeProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang();
    // A survey handed out with the app comes first, chosen, with its period.
    let embedded = ctx.state.embedded.clone();
    let choices = {
        let embedded = embedded.clone();
        use_state(move || {
            let mut list = templates();
            if let Some(e) = embedded {
                list.push(Choice {
                    survey: Rc::new(e.survey.clone()),
                    source: e.source.as_str().into(),
                });
            }
            list
        })
    };
    let selected = use_state(|| if embedded.is_some() { 2usize } else { 0 });
    let import_errors = use_state(Vec::<Both>::new);
    let period = {
        let embedded = embedded.clone();
        use_state(move || embedded.map_or_else(services::current_quarter, |e| e.period.clone()))
    };
    let hand_mode = use_state(|| Mode::SelfCompletion);
    let link = use_state(|| None::<String>);
    let copied = use_state(|| None::<bool>);
    let period_error = use_state(|| false);
    let kiosk_form = use_state(|| false);
    let entry_form = use_state(|| false);

    let import_notes = use_state(Vec::<Both>::new);
    let on_import = {
        let (choices, selected, import_errors, import_notes) = (
            choices.clone(),
            selected.clone(),
            import_errors.clone(),
            import_notes.clone(),
        );
        Callback::from(move |e: Event| {
            let Some(file) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            else {
                return;
            };
            let (choices, selected, import_errors, import_notes) = (
                choices.clone(),
                selected.clone(),
                import_errors.clone(),
                import_notes.clone(),
            );
            spawn_local(async move {
                let (name, text) = services::read_file(&file).await;
                let surveyjs = serde_json::from_str::<serde_json::Value>(&text)
                    .is_ok_and(|v| surveyjs::looks_like_surveyjs(&v));
                if surveyjs {
                    match surveyjs::import(&text, Audience::External) {
                        Ok(imp) => {
                            let mut list = (*choices).clone();
                            list.push(Choice {
                                survey: Rc::new(imp.survey),
                                source: imp.json.into(),
                            });
                            selected.set(list.len() - 1);
                            choices.set(list);
                            import_errors.set(Vec::new());
                            import_notes.set(
                                imp.skipped
                                    .iter()
                                    .map(|s| Both::of(|l| s.render(l)))
                                    .collect(),
                            );
                        }
                        Err(e) => import_errors
                            .set(vec![Both::of(|l| format!("{name}: {}", e.render(l)))]),
                    }
                    return;
                }
                import_notes.set(Vec::new());
                match Survey::from_json(&text) {
                    Ok(s) => {
                        let mut list = (*choices).clone();
                        list.push(Choice {
                            survey: Rc::new(s),
                            source: text.into(),
                        });
                        selected.set(list.len() - 1);
                        choices.set(list);
                        import_errors.set(Vec::new());
                    }
                    Err(SurveyError::Syntax {
                        line,
                        column,
                        message,
                    }) => {
                        let e = format!("{name}:{line}:{column}: {message}");
                        import_errors.set(vec![Both::One(e)])
                    }
                    Err(SurveyError::Invalid(problems)) => import_errors.set(
                        problems
                            .iter()
                            .map(|p| Both::of(|l| format!("{name}: {}", p.render(l))))
                            .collect(),
                    ),
                }
            });
        })
    };
    let on_period = {
        let (period, period_error) = (period.clone(), period_error.clone());
        Callback::from(move |e: InputEvent| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            period_error.set(false);
            period.set(v.trim().to_owned());
        })
    };
    let valid_period = {
        let (period, period_error) = (period.clone(), period_error.clone());
        move || {
            let ok = period.parse::<Period>().is_ok();
            period_error.set(!ok);
            if !ok {
                services::focus("period");
            }
            ok
        }
    };
    let chosen = choices[*selected].clone();
    let on_self = {
        let ctx = ctx.clone();
        let chosen = chosen.clone();
        let period = period.clone();
        let valid_period = valid_period.clone();
        Callback::from(move |_| {
            if valid_period() {
                let session = Session {
                    survey: chosen.survey.clone(),
                    source: chosen.source.clone(),
                    period: (*period).clone(),
                    kiosk: false,
                    entry: false,
                    pin: None,
                };
                ctx.start(session);
            }
        })
    };
    let on_kiosk = {
        let kiosk_form = kiosk_form.clone();
        let valid_period = valid_period.clone();
        Callback::from(move |_| {
            if valid_period() {
                kiosk_form.set(true);
            }
        })
    };
    let on_entry = {
        let entry_form = entry_form.clone();
        let valid_period = valid_period.clone();
        Callback::from(move |_| {
            if valid_period() {
                entry_form.set(true);
            }
        })
    };
    let payload = {
        let (chosen, period, hand_mode) = (chosen.clone(), period.clone(), hand_mode.clone());
        move || Payload {
            survey: chosen.source.to_string(),
            period: (*period).clone(),
            mode: *hand_mode,
        }
    };
    let on_link = {
        let (link, copied, payload, valid_period) = (
            link.clone(),
            copied.clone(),
            payload.clone(),
            valid_period.clone(),
        );
        Callback::from(move |_| {
            if valid_period() {
                let url = embed::link(&services::location().1, &payload());
                let (copied, url2) = (copied.clone(), url.clone());
                spawn_local(async move { copied.set(Some(services::copy(&url2).await)) });
                link.set(Some(url));
            }
        })
    };
    let source = services::page_source();
    let on_file = source.clone().map(|page| {
        let (chosen, payload, valid_period) =
            (chosen.clone(), payload.clone(), valid_period.clone());
        Callback::from(move |_| {
            if valid_period() {
                let p = payload();
                let kind = if p.mode == Mode::Kiosk {
                    "kiosk"
                } else {
                    "survey"
                };
                let name = format!("otklik-{}-{kind}.html", chosen.survey.id);
                services::download(&name, "text/html", embed::embed_in(&page, &p).as_bytes()).ok();
            }
        })
    });
    let on_hand_mode = {
        let (hand_mode, link) = (hand_mode.clone(), link.clone());
        Callback::from(move |m: Mode| {
            hand_mode.set(m);
            link.set(None);
        })
    };
    // The printed form may leave the period blank; a period given must be valid.
    let check_period = {
        let valid_period = valid_period.clone();
        Callback::from(move |()| valid_period())
    };
    let on_cancel_kiosk = {
        let (kiosk_form, entry_form) = (kiosk_form.clone(), entry_form.clone());
        Callback::from(move |_| {
            kiosk_form.set(false);
            entry_form.set(false);
        })
    };

    if *kiosk_form {
        return html! { <KioskSetup ctx={ctx.clone()} choice={chosen} period={(*period).clone()} on_cancel={on_cancel_kiosk} /> };
    }
    if *entry_form {
        return html! { <KioskSetup ctx={ctx.clone()} choice={chosen} period={(*period).clone()} on_cancel={on_cancel_kiosk} entry=true /> };
    }

    html! {
        <section class="card home" aria-labelledby="home-title">
            <h1 id="home-title">{ t(lang, "home-title") }</h1>
            <p class="lead">{ t(lang, "home-intro") }</p>
            <fieldset class="question">
                <legend>{ t(lang, "home-survey") }</legend>
                <div class="options list">
                    { for choices.iter().enumerate().map(|(k, c)| {
                        let id = format!("survey-{k}");
                        let label = match k {
                            0 => t(lang, "home-template-internal"),
                            1 => t(lang, "home-template-external"),
                            _ => ta(lang, "home-template-imported", &[("title", c.survey.title.get(lang.code()).into())]),
                        };
                        let selected = selected.clone();
                        html! {
                            <label class="option" for={id.clone()}>
                                <input type="radio" name="survey" {id} checked={*selected == k} onchange={Callback::from(move |_| selected.set(k))} />
                                <span class="option-label">{ label }</span>
                            </label>
                        }
                    }) }
                </div>
                <label class="file-label" for="import-survey">{ t(lang, "home-import") }</label>
                <input type="file" id="import-survey" accept=".json,application/json" onchange={on_import} />
                if !import_notes.is_empty() {
                    <div class="note" role="status" id="import-notes">
                        <p>{ t(lang, "home-import-surveyjs") }</p>
                        <ul>{ for import_notes.iter().map(|e| html! { <li>{ e.get(lang) }</li> }) }</ul>
                    </div>
                }
                if !import_errors.is_empty() {
                    <div class="error-summary" role="alert">
                        <p>{ t(lang, "home-import-error") }</p>
                        <ul>{ for import_errors.iter().map(|e| html! { <li>{ e.get(lang) }</li> }) }</ul>
                    </div>
                }
            </fieldset>
            <div class="field">
                <label for="period">{ t(lang, "home-period") }</label>
                <input type="text" id="period" value={(*period).clone()} oninput={on_period} autocomplete="off"
                    aria-describedby={if *period_error { "period-hint period-error" } else { "period-hint" }}
                    aria-invalid={period_error.then_some("true")} />
                <p id="period-hint" class="hint">{ t(lang, "home-period-hint") }</p>
                if *period_error { <p id="period-error" class="error">{ t(lang, "home-period-invalid") }</p> }
            </div>
            <div class="mode-choice">
                <div>
                    <button type="button" class="primary" id="start-self" onclick={on_self}>{ t(lang, "home-self") }</button>
                    <p class="hint">{ t(lang, "home-self-hint") }</p>
                </div>
                <div>
                    <button type="button" id="start-kiosk" onclick={on_kiosk}>{ t(lang, "home-kiosk") }</button>
                    <p class="hint">{ t(lang, "home-kiosk-hint") }</p>
                </div>
                <div>
                    <button type="button" id="start-entry" onclick={on_entry}>{ t(lang, "home-entry") }</button>
                    <p class="hint">{ t(lang, "home-entry-hint") }</p>
                </div>
            </div>
            if let Some(n) = ctx.state.stored {
                <p class="hint">{ ta(lang, "home-stored", &[("count", n.into())]) }</p>
            }
            <section class="distribute" aria-labelledby="hand-title">
                <h2 id="hand-title">{ t(lang, "hand-title") }</h2>
                <p class="hint">{ t(lang, "hand-intro") }</p>
                <fieldset class="question">
                    <legend>{ t(lang, "hand-mode") }</legend>
                    <div class="options list">
                        { for [(Mode::SelfCompletion, "hand-mode-self"), (Mode::Kiosk, "hand-mode-kiosk")].into_iter().map(|(m, key)| {
                            let on = on_hand_mode.clone();
                            let id = key.to_owned();
                            html! {
                                <label class="option" for={id.clone()}>
                                    <input type="radio" name="hand-mode" {id} checked={*hand_mode == m} onchange={Callback::from(move |_| on.emit(m))} />
                                    <span class="option-label">{ t(lang, key) }</span>
                                </label>
                            }
                        }) }
                    </div>
                </fieldset>
                <div class="actions">
                    <button type="button" id="hand-link" onclick={on_link}>{ t(lang, "hand-link") }</button>
                    if let Some(on_file) = on_file {
                        <button type="button" id="hand-file" onclick={on_file}>{ t(lang, "hand-file") }</button>
                    }
                </div>
                if let Some(url) = &*link {
                    <div class="field">
                        <label for="hand-link-text">{ t(lang, "hand-link-label") }</label>
                        <input type="text" id="hand-link-text" readonly=true value={url.clone()} aria-describedby="hand-link-status" />
                        <p class="hint" id="hand-link-status" role="status">{
                            match *copied {
                                Some(true) => t(lang, "hand-link-copied"),
                                _ => t(lang, "hand-link-copy-yourself"),
                            }
                        }</p>
                        if url.len() > embed::LINK_MAX {
                            <p class="notice" id="hand-link-long" role="alert">
                                { ta(lang, "hand-link-long", &[("n", url.len().into())]) }
                                { " " }
                                { t(lang, if source.is_some() { "hand-link-long-file" } else { "hand-file-single" }) }
                            </p>
                        }
                    </div>
                }
                if source.is_none() {
                    <p class="hint">{ t(lang, "hand-file-single") }</p>
                }
            </section>
            <PaperForm {lang} survey={chosen.survey.clone()} period={(*period).clone()} {check_period} />
        </section>
    }
}
