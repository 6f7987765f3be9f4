//! Kiosk mode: starting it with a PIN, and the organiser's PIN-protected screen
//! (count, export, clear, leave).

use otklik_survey::{export, runner};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::app::Ctx;
use crate::home::{start, Choice};
use crate::i18n::{t, ta};
use crate::services::{self, DRAFTS, RESPONSES, SETTINGS};
use crate::state::{Action, Session, View};

fn hash_pin(salt: &str, pin: &str) -> String {
    let digest = Sha256::digest(format!("{salt}:{pin}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn pin_ok(stored: &str, pin: &str) -> bool {
    stored
        .split_once(':')
        .is_some_and(|(salt, hash)| hash_pin(salt, pin) == hash)
}

fn input_text(e: &InputEvent) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

#[derive(Properties, PartialEq)]
pub struct KioskSetupProps {
    pub ctx: Ctx,
    pub choice: Choice,
    pub period: String,
    pub on_cancel: Callback<MouseEvent>,
}

#[component]
pub fn KioskSetup(props: &KioskSetupProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang();
    let pin = use_state(String::new);
    let repeat = use_state(String::new);
    let error = use_state(|| None::<String>);
    use_effect_with((), |_| services::focus("kiosk-pin"));
    let on_pin = {
        let pin = pin.clone();
        Callback::from(move |e: InputEvent| pin.set(input_text(&e)))
    };
    let on_repeat = {
        let repeat = repeat.clone();
        Callback::from(move |e: InputEvent| repeat.set(input_text(&e)))
    };
    let on_start = {
        let (ctx, choice, period) = (ctx.clone(), props.choice.clone(), props.period.clone());
        let (pin, repeat, error) = (pin.clone(), repeat.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if pin.len() < 4 || !pin.chars().all(|c| c.is_ascii_digit()) {
                error.set(Some(t(lang, "kiosk-pin-invalid")));
                services::focus("kiosk-pin");
                return;
            }
            if *pin != *repeat {
                error.set(Some(t(lang, "kiosk-pin-mismatch")));
                services::focus("kiosk-pin-repeat");
                return;
            }
            let salt: String = services::random_bytes::<8>()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            let session = Session {
                survey: choice.survey.clone(),
                source: choice.source.clone(),
                period: period.clone(),
                kiosk: true,
                pin: Some(format!("{salt}:{}", hash_pin(&salt, &pin))),
            };
            let d = ctx.dispatch.clone();
            spawn_local(async move { d.dispatch(Action::Persisted(services::persist().await)) });
            start(&ctx, session);
        })
    };
    let described = if error.is_some() {
        "kiosk-pin-hint kiosk-error"
    } else {
        "kiosk-pin-hint"
    };
    html! {
        <section class="card" aria-labelledby="kiosk-title">
            <h1 id="kiosk-title">{ t(lang, "kiosk-setup-title") }</h1>
            <p class="lead">{ format!("{} · {}", props.choice.survey.title.get(lang.code()), props.period) }</p>
            <form onsubmit={on_start} novalidate=true>
                <div class="field">
                    <label for="kiosk-pin">{ t(lang, "kiosk-pin") }</label>
                    <input type="password" id="kiosk-pin" inputmode="numeric" autocomplete="new-password" value={(*pin).clone()} oninput={on_pin} aria-describedby={described} />
                    <p id="kiosk-pin-hint" class="hint">{ t(lang, "kiosk-pin-hint") }</p>
                </div>
                <div class="field">
                    <label for="kiosk-pin-repeat">{ t(lang, "kiosk-pin-repeat") }</label>
                    <input type="password" id="kiosk-pin-repeat" inputmode="numeric" autocomplete="new-password" value={(*repeat).clone()} oninput={on_repeat} />
                </div>
                if let Some(e) = &*error { <p id="kiosk-error" class="error" role="alert">{ e.clone() }</p> }
                <div class="actions">
                    <button type="button" onclick={props.on_cancel.clone()}>{ t(lang, "kiosk-cancel") }</button>
                    <button type="submit" class="primary" id="kiosk-start">{ t(lang, "kiosk-start") }</button>
                </div>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct AdminProps {
    pub ctx: Ctx,
}

#[component]
pub fn AdminPin(props: &AdminProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang();
    let pin = use_state(String::new);
    let wrong = use_state(|| false);
    use_effect_with((), |_| services::focus("admin-pin"));
    let on_pin = {
        let pin = pin.clone();
        Callback::from(move |e: InputEvent| pin.set(input_text(&e)))
    };
    let on_open = {
        let (ctx, pin, wrong) = (ctx.clone(), pin.clone(), wrong.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ok = ctx
                .state
                .session
                .as_ref()
                .and_then(|s| s.pin.as_deref())
                .is_some_and(|h| pin_ok(h, &pin));
            if ok {
                ctx.dispatch.dispatch(Action::Go(View::Admin));
            } else {
                wrong.set(true);
                pin.set(String::new());
                services::focus("admin-pin");
            }
        })
    };
    let on_back = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::Go(View::Survey)))
    };
    html! {
        <section class="card" aria-labelledby="admin-title">
            <h1 id="admin-title">{ t(lang, "admin-title") }</h1>
            <form onsubmit={on_open} novalidate=true>
                <div class="field">
                    <label for="admin-pin">{ t(lang, "admin-pin-prompt") }</label>
                    <input type="password" id="admin-pin" inputmode="numeric" autocomplete="off" value={(*pin).clone()} oninput={on_pin}
                        aria-describedby={wrong.then_some("admin-pin-error")} aria-invalid={wrong.then_some("true")} />
                    if *wrong { <p id="admin-pin-error" class="error" role="alert">{ t(lang, "admin-pin-wrong") }</p> }
                </div>
                <div class="actions">
                    <button type="button" onclick={on_back}>{ t(lang, "admin-back") }</button>
                    <button type="submit" class="primary" id="admin-open">{ t(lang, "admin-open") }</button>
                </div>
            </form>
        </section>
    }
}

#[derive(Deserialize)]
struct Record {
    survey: String,
    id: String,
    period: String,
    answers: runner::Answers,
}

/// Exports the stored responses of the session's survey, shuffled, as CSV or JSON.
async fn export_all(session: &Session, json: bool) -> Result<(), String> {
    let records = services::all(RESPONSES).await?;
    let drafts: Vec<(String, String, runner::Answers)> = records
        .iter()
        .filter_map(|r| serde_json::from_str::<Record>(r).ok())
        .filter(|r| r.survey == session.survey.id)
        .map(|r| (r.id, r.period, r.answers))
        .collect();
    let data = runner::to_responses(&session.survey, &drafts).map_err(|e| e.to_string())?;
    let order = export::shuffled_order(data.len(), services::random_seed());
    let name = format!("otklik-{}-{}", session.survey.id, session.period);
    if json {
        services::download(
            &format!("{name}.json"),
            "application/json",
            export::to_json(&session.survey, &data, &order).as_bytes(),
        )
    } else {
        services::download(
            &format!("{name}.csv"),
            "text/csv",
            &export::to_csv(&session.survey, &data, &order),
        )
    }
}

#[component]
pub fn Admin(props: &AdminProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang();
    let confirm = use_state(|| false);
    let note = use_state(|| None::<String>);
    {
        let d = ctx.dispatch.clone();
        use_effect_with((), move |_| {
            services::focus("admin-title");
            spawn_local(async move {
                d.dispatch(Action::Stored(
                    services::count(RESPONSES).await.unwrap_or(0),
                ));
                d.dispatch(Action::Persisted(services::persist().await));
            });
        });
    }
    let Some(session) = ctx.state.session.clone() else {
        return html! {};
    };
    let count = ctx.state.stored.unwrap_or(0);
    let export = |json: bool| {
        let (session, note) = (session.clone(), note.clone());
        Callback::from(move |_| {
            let (session, note) = (session.clone(), note.clone());
            spawn_local(async move {
                if let Err(e) = export_all(&session, json).await {
                    note.set(Some(e));
                }
            });
        })
    };
    let on_clear = {
        let confirm = confirm.clone();
        Callback::from(move |_| {
            confirm.set(true);
            services::focus("clear-yes");
        })
    };
    let on_clear_yes = {
        let (d, confirm, note) = (ctx.dispatch.clone(), confirm.clone(), note.clone());
        Callback::from(move |_| {
            let (d, confirm, note) = (d.clone(), confirm.clone(), note.clone());
            spawn_local(async move {
                match services::clear(RESPONSES).await {
                    Ok(()) => {
                        d.dispatch(Action::Stored(0));
                        note.set(Some(t(lang, "admin-cleared")));
                    }
                    Err(e) => note.set(Some(e)),
                }
                confirm.set(false);
            });
        })
    };
    let on_clear_no = {
        let confirm = confirm.clone();
        Callback::from(move |_| confirm.set(false))
    };
    let on_back = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::Go(View::Survey)))
    };
    let on_exit = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_| {
            let d = d.clone();
            spawn_local(async move {
                services::delete(SETTINGS, "session").await.ok();
                services::delete(DRAFTS, "current").await.ok();
                d.dispatch(Action::EndSession);
            });
        })
    };
    let storage = match ctx.state.persisted {
        Some(true) => t(lang, "storage-persistent"),
        Some(false) => t(lang, "storage-not-persistent"),
        None => t(lang, "storage-unknown"),
    };
    html! {
        <section class="card admin" aria-labelledby="admin-title">
            <h1 id="admin-title" tabindex="-1">{ t(lang, "admin-title") }</h1>
            <p class="lead">{ format!("{} · {}", session.survey.title.get(lang.code()), session.period) }</p>
            <p class="count" id="stored-count" data-count={count.to_string()}>{ ta(lang, "admin-count", &[("count", count.into())]) }</p>
            <p class="hint" id="storage-status">{ storage }</p>
            <div class="actions">
                <button type="button" class="primary" id="export-csv" onclick={export(false)}>{ t(lang, "admin-export-csv") }</button>
                <button type="button" id="export-json" onclick={export(true)}>{ t(lang, "admin-export-json") }</button>
            </div>
            <p class="hint">{ t(lang, "admin-export-note") }</p>
            <p class="hint" id="admin-confidential">{ t(lang, "files-confidential") }</p>
            if *confirm {
                <div class="confirm" role="alertdialog" aria-labelledby="clear-question">
                    <p id="clear-question">{ ta(lang, "admin-clear-confirm", &[("count", count.into())]) }</p>
                    <div class="actions">
                        <button type="button" onclick={on_clear_no}>{ t(lang, "kiosk-cancel") }</button>
                        <button type="button" class="danger" id="clear-yes" onclick={on_clear_yes}>{ t(lang, "admin-clear-yes") }</button>
                    </div>
                </div>
            } else {
                <p><button type="button" class="danger" id="clear" onclick={on_clear}>{ t(lang, "admin-clear") }</button></p>
            }
            if let Some(n) = &*note { <p role="status">{ n.clone() }</p> }
            <div class="actions">
                <button type="button" id="admin-back" onclick={on_back}>{ t(lang, "admin-back") }</button>
                <button type="button" id="kiosk-exit" onclick={on_exit}>{ t(lang, "admin-exit") }</button>
            </div>
        </section>
    }
}
