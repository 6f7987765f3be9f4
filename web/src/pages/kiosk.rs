//! Kiosk mode: starting it with a PIN, and the organiser's PIN-protected screen
//! (count, export, clear, leave). Operator entry of paper forms starts with the same
//! PIN form and asks the same PIN again after a reload.

use std::collections::BTreeSet;
use std::rc::Rc;

use otklik_survey::device::{self, Inventory};
use otklik_survey::{export, runner, Survey};
use sha2::{Digest, Sha256};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::ctx::Ctx;
use crate::i18n::{t, ta};
use crate::services::library::Choice;
use crate::services::library::{self, Known};
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
    /// Starts operator entry of paper forms instead of the kiosk.
    #[prop_or_default]
    pub entry: bool,
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
    let entry = props.entry;
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
                kiosk: !entry,
                entry,
                pin: Some(format!("{salt}:{}", hash_pin(&salt, &pin))),
            };
            let d = ctx.dispatch.clone();
            spawn_local(async move {
                services::persistence(|p| d.dispatch(Action::Persisted(p))).await
            });
            ctx.start(session);
        })
    };
    let described = if error.is_some() {
        "kiosk-pin-hint kiosk-error"
    } else {
        "kiosk-pin-hint"
    };
    html! {
        <section class="card" aria-labelledby="kiosk-title">
            <h1 id="kiosk-title">{ if entry { t(lang, "entry-setup-title") } else { t(lang, "kiosk-setup-title") } }</h1>
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
                    <button type="submit" class="primary" id="kiosk-start">{ if entry { t(lang, "entry-start") } else { t(lang, "kiosk-start") } }</button>
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
            let entry = ctx.state.session.as_ref().is_some_and(|s| s.entry);
            if ok {
                ctx.dispatch
                    .dispatch(Action::Go(if entry { View::Entry } else { View::Admin }));
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
    // Operator entry has no respondent's screen to go back to: only the PIN opens it.
    let entry = ctx.state.session.as_ref().is_some_and(|s| s.entry);
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
                    if !entry { <button type="button" onclick={on_back}>{ t(lang, "admin-back") }</button> }
                    <button type="submit" class="primary" id="admin-open">{ t(lang, "admin-open") }</button>
                </div>
            </form>
        </section>
    }
}

/// What the organiser's screen shows: every entry stored on the device, which of
/// them were exported, and the survey definitions known here.
#[derive(Clone, Default)]
struct Shelf {
    inv: Rc<Inventory>,
    exported: Rc<BTreeSet<String>>,
    known: Rc<Vec<Known>>,
}

impl PartialEq for Shelf {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inv, &other.inv) && Rc::ptr_eq(&self.exported, &other.exported)
    }
}

/// The settings key of the set of exported response keys.
const EXPORTED: &str = "exported";

impl Shelf {
    async fn load() -> Result<Shelf, String> {
        let inv = Inventory::read(services::entries(RESPONSES).await?);
        let stored = inv.keys();
        // Only keys still stored: a cleared key is forgotten.
        let exported: BTreeSet<String> = services::get(SETTINGS, EXPORTED)
            .await?
            .and_then(|s| serde_json::from_str::<BTreeSet<String>>(&s).ok())
            .unwrap_or_default()
            .into_iter()
            .filter(|k| stored.contains(k.as_str()))
            .collect();
        let (known, _) = library::read().await;
        Ok(Shelf {
            inv: Rc::new(inv),
            exported: Rc::new(exported),
            known: Rc::new(known),
        })
    }

    /// The definition of survey `id` in the version of its newest stored response.
    fn definition(&self, session: &Session, id: &str) -> Option<Rc<Survey>> {
        let version = self.inv.group(id).map(|g| {
            g.keys
                .iter()
                .map(|k| self.inv.records[k].version)
                .max()
                .unwrap_or(0)
        });
        std::iter::once(&session.survey)
            .chain(self.known.iter().map(|(s, _)| s))
            .find(|s| s.id == id && version.is_none_or(|v| v == s.version))
            .cloned()
    }

    fn unexported<'a>(&self, keys: impl IntoIterator<Item = &'a String>) -> usize {
        keys.into_iter()
            .filter(|k| !self.exported.contains(*k))
            .count()
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Csv,
    Json,
    /// JSON written as stored, without the definition.
    AsStored,
}

/// Downloads the responses of survey `id`, shuffled; returns the keys exported.
fn export_group(
    shelf: &Shelf,
    session: &Session,
    id: &str,
    format: Format,
) -> Result<Vec<String>, String> {
    let Some(group) = shelf.inv.group(id) else {
        return Ok(Vec::new());
    };
    let order = export::shuffled_order(group.keys.len(), services::random_seed());
    let periods = match (group.periods.first(), group.periods.last()) {
        (Some((a, _)), Some((b, _))) if a != b => format!("{a}_{b}"),
        (Some((a, _)), _) => a.clone(),
        _ => String::new(),
    };
    let name = format!("otklik-{id}-{periods}");
    let definition = shelf.definition(session, id);
    match (format, definition) {
        (Format::AsStored, _) | (_, None) => services::download(
            &format!("{name}.json"),
            "application/json",
            shelf
                .inv
                .document(id, &order)
                .unwrap_or_default()
                .as_bytes(),
        )?,
        (format, Some(survey)) => {
            let data =
                runner::to_responses(&survey, &shelf.inv.drafts(id)).map_err(|e| e.to_string())?;
            if format == Format::Json {
                services::download(
                    &format!("{name}.json"),
                    "application/json",
                    export::to_json(&survey, &data, &order).as_bytes(),
                )?
            } else {
                services::download(
                    &format!("{name}.csv"),
                    "text/csv",
                    &export::to_csv(&survey, &data, &order),
                )?
            }
        }
    }
    Ok(group.keys.clone())
}

/// Remembers `keys` as exported, on the device, before saying so.
async fn mark_exported(shelf: &Shelf, keys: Vec<String>) -> Result<(), String> {
    let mut set = (*shelf.exported).clone();
    set.extend(keys);
    services::put(
        SETTINGS,
        EXPORTED,
        &serde_json::to_string(&set).expect("serialises"),
    )
    .await
}

#[component]
pub fn Admin(props: &AdminProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang();
    let confirm = use_state(|| false);
    let note = use_state(|| None::<String>);
    let shelf = use_state(|| None::<Shelf>);
    let reload = {
        let (shelf, note, d) = (shelf.clone(), note.clone(), ctx.dispatch.clone());
        Rc::new(move || {
            let (shelf, note, d) = (shelf.clone(), note.clone(), d.clone());
            spawn_local(async move {
                match Shelf::load().await {
                    Ok(s) => {
                        d.dispatch(Action::Stored(s.inv.total() as u64));
                        shelf.set(Some(s));
                    }
                    Err(e) => note.set(Some(e)),
                }
            });
        })
    };
    {
        let (d, reload) = (ctx.dispatch.clone(), reload.clone());
        use_effect_with((), move |_| {
            services::focus("admin-title");
            reload();
            spawn_local(async move {
                services::persistence(|p| d.dispatch(Action::Persisted(p))).await
            });
        });
    }
    let Some(session) = ctx.state.session.clone() else {
        return html! {};
    };
    let Some(sh) = (*shelf).clone() else {
        return html! {
            <section class="card admin" aria-labelledby="admin-title" aria-busy="true">
                <h1 id="admin-title" tabindex="-1">{ t(lang, "admin-title") }</h1>
                if let Some(n) = &*note { <p role="alert" class="error">{ n.clone() }</p> }
            </section>
        };
    };
    let inv = &sh.inv;
    let total = inv.total();
    let unexported =
        sh.unexported(inv.records.keys()) + sh.unexported(inv.unreadable.iter().map(|u| &u.key));
    let (to_clear, to_keep) = device::clearable(&inv.keys(), &sh.exported);
    let (to_clear, to_keep) = (to_clear.len(), to_keep.len());

    // One export: download, remember the keys, then show the new state.
    let run_export = {
        let (sh, session, note, reload) =
            (sh.clone(), session.clone(), note.clone(), reload.clone());
        move |which: Vec<(Option<String>, Format)>| {
            let (sh, session, note, reload) =
                (sh.clone(), session.clone(), note.clone(), reload.clone());
            spawn_local(async move {
                let mut keys = Vec::new();
                for (id, format) in which {
                    let done = match id {
                        Some(id) => export_group(&sh, &session, &id, format),
                        None => services::download(
                            "otklik-unreadable-records.json",
                            "application/json",
                            sh.inv.unreadable_document().as_bytes(),
                        )
                        .map(|()| sh.inv.unreadable.iter().map(|u| u.key.clone()).collect()),
                    };
                    match done {
                        Ok(k) => keys.extend(k),
                        Err(e) => {
                            note.set(Some(e));
                            break;
                        }
                    }
                }
                if let Err(e) = mark_exported(&sh, keys).await {
                    note.set(Some(e));
                }
                reload();
            });
        }
    };
    let export_button = |id: &str, format: Format, dom_id: String, title: &str| {
        let run_export = run_export.clone();
        let id = id.to_owned();
        let (label, key) = match format {
            Format::Csv => ("CSV", "admin-export-csv"),
            Format::Json => ("JSON", "admin-export-json"),
            Format::AsStored => ("JSON", "admin-export-json"),
        };
        let visible = t(lang, key);
        let onclick = Callback::from(move |_| run_export(vec![(Some(id.clone()), format)]));
        html! {
            <button type="button" id={dom_id} class={(format == Format::Csv).then_some("primary")} data-format={label}
                aria-label={format!("{visible}: {title}")} {onclick}>{ visible }</button>
        }
    };
    // The session's own survey first (even with nothing stored yet), then the others;
    // the session is a kiosk or an operator's entry of paper forms.
    let own_hint = if session.entry {
        "admin-this-entry"
    } else {
        "admin-this-kiosk"
    };
    let mut ids: Vec<String> = vec![session.survey.id.clone()];
    ids.extend(
        inv.groups
            .iter()
            .map(|g| g.survey.clone())
            .filter(|id| *id != session.survey.id),
    );
    let rows = ids.iter().enumerate().map(|(i, id)| {
        let group = inv.group(id);
        let n = group.map_or(0, |g| g.keys.len());
        let left = group.map_or(0, |g| sh.unexported(&g.keys));
        let definition = sh.definition(&session, id);
        let title = definition
            .as_ref()
            .map(|s| s.title.get(lang.code()).to_owned())
            .unwrap_or_else(|| id.clone());
        let periods = group
            .map(|g| {
                g.periods
                    .iter()
                    .map(|(p, n)| format!("{p}: {n}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        let own = i == 0;
        let (csv_id, json_id) = if own {
            ("export-csv".to_owned(), "export-json".to_owned())
        } else {
            (format!("export-{i}-csv"), format!("export-{i}-json"))
        };
        html! {
            <li data-survey={id.clone()} data-count={n.to_string()} data-unexported={left.to_string()}>
                <h3>{ title.clone() }
                    if own { <span class="hint">{ format!(" {}", t(lang, own_hint)) }</span> }
                </h3>
                <p>{ ta(lang, "admin-group", &[("count", n.into()), ("exported", (n - left).into())]) }
                    if !periods.is_empty() { { format!(" · {periods}") } }
                </p>
                if definition.is_none() { <p class="hint">{ t(lang, "admin-as-stored-note") }</p> }
                if n > 0 {
                    <div class="actions">
                        if definition.is_some() {
                            { export_button(id, Format::Csv, csv_id, &title) }
                            { export_button(id, Format::Json, json_id, &title) }
                        } else {
                            { export_button(id, Format::AsStored, json_id, &title) }
                        }
                    </div>
                }
            </li>
        }
    });
    let unreadable_left = sh.unexported(inv.unreadable.iter().map(|u| &u.key));
    let on_unreadable = {
        let run_export = run_export.clone();
        Callback::from(move |_| run_export(vec![(None, Format::AsStored)]))
    };
    let on_export_rest = {
        let (run_export, sh, session) = (run_export.clone(), sh.clone(), session.clone());
        Callback::from(move |_| {
            let mut which: Vec<(Option<String>, Format)> = sh
                .inv
                .groups
                .iter()
                .filter(|g| sh.unexported(&g.keys) > 0)
                .map(|g| {
                    let f = if sh.definition(&session, &g.survey).is_some() {
                        Format::Csv
                    } else {
                        Format::AsStored
                    };
                    (Some(g.survey.clone()), f)
                })
                .collect();
            if sh.unexported(sh.inv.unreadable.iter().map(|u| &u.key)) > 0 {
                which.push((None, Format::AsStored));
            }
            run_export(which);
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
        let (confirm, note, reload) = (confirm.clone(), note.clone(), reload.clone());
        Callback::from(move |_| {
            let (confirm, note, reload) = (confirm.clone(), note.clone(), reload.clone());
            spawn_local(async move {
                // Read again: only what is stored and exported now is deleted.
                let fresh = match Shelf::load().await {
                    Ok(s) => s,
                    Err(e) => {
                        note.set(Some(e));
                        return;
                    }
                };
                let stored = fresh.inv.keys();
                let (gone, _) = device::clearable(&stored, &fresh.exported);
                match services::delete_keys(RESPONSES, &gone).await {
                    Ok(()) => note.set(Some(ta(
                        lang,
                        "admin-cleared",
                        &[("count", gone.len().into())],
                    ))),
                    Err(e) => note.set(Some(e)),
                }
                confirm.set(false);
                reload();
            });
        })
    };
    let on_clear_no = {
        let confirm = confirm.clone();
        Callback::from(move |_| confirm.set(false))
    };
    let on_back = {
        let d = ctx.dispatch.clone();
        let back = if session.entry {
            View::Entry
        } else {
            View::Survey
        };
        Callback::from(move |_| d.dispatch(Action::Go(back.clone())))
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
            <p class="count" id="stored-count" data-count={total.to_string()} data-unexported={unexported.to_string()}>
                { ta(lang, "admin-count", &[("count", total.into())]) }
                if total > 0 { { " " } { ta(lang, "admin-unexported", &[("count", unexported.into())]) } }
            </p>
            <p class="hint" id="storage-status">{ storage }</p>
            <h2 id="stored-title">{ t(lang, "admin-table-caption") }</h2>
            <ul class="stored-list" id="stored-list" aria-labelledby="stored-title">{ for rows }</ul>
            if !inv.unreadable.is_empty() {
                <div class="notice" id="unreadable" data-count={inv.unreadable.len().to_string()}>
                    <p>{ ta(lang, "admin-unreadable", &[("count", inv.unreadable.len().into())]) }</p>
                    <button type="button" id="export-unreadable" onclick={on_unreadable}>
                        { t(lang, "admin-unreadable-export") }
                    </button>
                    if unreadable_left == 0 { <span class="hint">{ format!(" {}", t(lang, "admin-unreadable-exported")) }</span> }
                </div>
            }
            <p class="hint">{ t(lang, "admin-export-note") }</p>
            <p class="hint" id="admin-confidential">{ t(lang, "files-confidential") }</p>
            if *confirm {
                <div class="confirm" role="alertdialog" aria-labelledby="clear-question" aria-describedby="clear-left">
                    <p id="clear-question">{ ta(lang, "admin-clear-confirm", &[("count", to_clear.into())]) }</p>
                    <p id="clear-left">{ ta(lang, "admin-clear-left", &[("count", to_keep.into())]) }</p>
                    <div class="actions">
                        <button type="button" onclick={on_clear_no}>{ t(lang, "kiosk-cancel") }</button>
                        if to_keep > 0 {
                            <button type="button" id="export-rest" onclick={on_export_rest.clone()}>{ t(lang, "admin-export-rest") }</button>
                        }
                        <button type="button" class="danger" id="clear-yes" disabled={to_clear == 0} onclick={on_clear_yes}>{ t(lang, "admin-clear-yes") }</button>
                    </div>
                </div>
            } else {
                <p>
                    <button type="button" class="danger" id="clear" disabled={total == 0} aria-describedby="clear-hint" onclick={on_clear}>
                        { ta(lang, "admin-clear", &[("count", to_clear.into())]) }
                    </button>
                    <span class="hint" id="clear-hint">{ t(lang, "admin-clear-hint") }</span>
                </p>
            }
            if let Some(n) = &*note { <p role="status" id="admin-note">{ n.clone() }</p> }
            <div class="actions">
                <button type="button" id="admin-back" onclick={on_back}>{ t(lang, "admin-back") }</button>
                <button type="button" id="kiosk-exit" onclick={on_exit}>{ t(lang, "admin-exit") }</button>
            </div>
        </section>
    }
}
