//! The root component: loads what the device holds, keeps the draft saved, and
//! shows the screen the state names.

use std::rc::Rc;

use gloo::timers::callback::Interval;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::components::lang_choice::LangChoice;
use crate::ctx::Ctx;
use crate::i18n::{t, ta, Lang};
#[cfg(feature = "manager")]
use crate::pages::dashboard::Dashboard;
#[cfg(feature = "manager")]
use crate::pages::editor::Editor;
#[cfg(feature = "manager")]
use crate::pages::entry::Entry;
#[cfg(feature = "manager")]
use crate::pages::glossary::Glossary;
#[cfg(feature = "manager")]
use crate::pages::home::Home;
#[cfg(feature = "manager")]
use crate::pages::kiosk::{Admin, AdminPin};
#[cfg(feature = "manager")]
use crate::pages::report::ReportPage;
#[cfg(not(feature = "manager"))]
use crate::pages::respondent::Landing;
use crate::pages::survey::Runner;
use crate::services::embed::{self, EmbedError};
use crate::services::{self, DRAFTS, RESPONSES, SETTINGS};
use crate::state::{Action, Draft, Session, State, View};

#[component]
pub fn App() -> Html {
    let lang = services::pref("otklik.lang").map_or(Lang::Ru, |c| Lang::from_code(&c));
    let text_lang = services::pref("otklik.text-lang").filter(|c| !c.is_empty());
    let large = services::pref("otklik.large").as_deref() == Some("1");
    let state = use_reducer(move || {
        let mut s = State::new(lang, large);
        s.text_lang = text_lang;
        s
    });

    // Load what the device holds: the session, a draft to resume, the response count.
    {
        let dispatch = state.dispatcher();
        let lang = state.lang;
        use_effect_with((), move |_| {
            spawn_local(async move {
                let session = services::get(SETTINGS, "session")
                    .await
                    .ok()
                    .flatten()
                    .and_then(|s| Session::from_json(&s));
                let draft = if session.is_some() {
                    services::get(DRAFTS, "current")
                        .await
                        .ok()
                        .flatten()
                        .and_then(|s| serde_json::from_str::<Draft>(&s).ok())
                } else {
                    None
                };
                let counted = services::count(RESPONSES).await;
                let storage_error = counted.as_ref().err().cloned();
                let stored = counted.unwrap_or(0);
                // A survey handed out with the app: embedded in the file, or in the link.
                let handed = services::data_block(embed::BLOCK_ID)
                    .map(|json| embed::check(&json))
                    .or_else(|| embed::from_fragment(&services::location().0));
                let (embedded, notice) = match handed {
                    None => (None, None),
                    Some(Ok(e)) => (Some(Box::new(e)), None),
                    Some(Err(e)) => (None, Some(embed_notice(lang, &e))),
                };
                // Where the browser keeps nothing (storage blocked or absent), say so first.
                let notice = match storage_error {
                    Some(e) => Some(ta(lang, "storage-unavailable", &[("detail", e.into())])),
                    None => notice,
                };
                // Self-completion starts at once, unless this very survey is under way.
                let start_now = embedded.as_ref().filter(|e| {
                    e.mode == embed::Mode::SelfCompletion
                        && !session.as_ref().is_some_and(|s| {
                            s.survey.id == e.survey.id
                                && s.survey.version == e.survey.version
                                && s.period == e.period
                        })
                });
                let new_session = start_now.map(|e| Session {
                    survey: Rc::new(e.survey.clone()),
                    source: e.source.as_str().into(),
                    period: e.period.clone(),
                    kiosk: false,
                    entry: false,
                    pin: None,
                });
                dispatch.dispatch(Action::Loaded {
                    session,
                    draft,
                    stored,
                    embedded,
                    notice,
                });
                if let Some(session) = new_session {
                    match services::put(SETTINGS, "session", &session.to_json()).await {
                        Ok(()) => dispatch.dispatch(Action::Start(
                            session,
                            Draft::new(services::new_response_id()),
                        )),
                        Err(e) => dispatch.dispatch(Action::SaveFailed(e)),
                    }
                }
            });
        });
    }

    // Every change of the draft is written to disk as it happens.
    {
        let dispatch = state.dispatcher();
        let draft = state.draft.clone();
        let has_session = state.session.is_some();
        use_effect_with(state.draft_rev, move |rev| {
            let rev = *rev;
            if let (Some(draft), true, true) = (draft, has_session, rev > 0) {
                let json = serde_json::to_string(&draft).expect("serialises");
                spawn_local(async move {
                    match services::put(DRAFTS, "current", &json).await {
                        Ok(()) => dispatch.dispatch(Action::Saved(rev)),
                        Err(e) => dispatch.dispatch(Action::SaveFailed(e)),
                    }
                });
            }
        });
    }

    // Language and text size apply to the whole document.
    use_effect_with(state.text_lang.clone(), |text_lang| {
        services::set_pref("otklik.text-lang", text_lang.as_deref().unwrap_or(""));
    });
    use_effect_with((state.lang, state.large), |(lang, large)| {
        let root = gloo::utils::document_element();
        root.set_attribute("lang", lang.code()).ok();
        let classes = root.class_list();
        if *large {
            classes.add_1("large-text").ok();
        } else {
            classes.remove_1("large-text").ok();
        }
        services::set_pref("otklik.lang", lang.code());
        services::set_pref("otklik.large", if *large { "1" } else { "0" });
    });

    let ctx = Ctx {
        state: Rc::new((*state).clone()),
        dispatch: state.dispatcher(),
    };
    let lang = state.lang;
    let on_lang = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::SetLang(lang.other())))
    };
    let on_large = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::ToggleLarge))
    };
    let kiosk = state.session.as_ref().is_some_and(|s| s.kiosk);
    let on_organiser = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::Go(View::AdminPin)))
    };
    let in_admin = matches!(state.view, View::AdminPin | View::Admin);
    // The respondent's screens offer every language of the survey; the organiser's
    // and the manager's, Russian and English.
    let respondent = !cfg!(feature = "manager")
        || (kiosk && !in_admin)
        || matches!(state.view, View::Survey | View::Thanks { .. });
    let lang_tool = if respondent {
        let mut codes: Vec<String> = match &state.session {
            Some(s) => s.survey.languages(),
            None => Lang::ALL.iter().map(|l| l.code().to_owned()).collect(),
        };
        if !codes.iter().any(|c| c == "en") {
            codes.push("en".to_owned());
        }
        let d = state.dispatcher();
        let on_choose = Callback::from(move |code: String| d.dispatch(Action::ChooseLang(code)));
        html! { <LangChoice {codes} current={state.text_lang().to_owned()} {lang} {on_choose} /> }
    } else {
        html! {
            <button type="button" class="tool" lang={lang.other().code()} aria-label={t(lang, "lang-switch-label")} onclick={on_lang}>
                { t(lang, "lang-switch") }
            </button>
        }
    };
    // Outside kiosk mode and outside a survey in progress: the two halves of the app.
    let nav = (cfg!(feature = "manager") && !kiosk && matches!(state.view, View::Home | View::Dashboard | View::Report | View::Editor | View::Glossary)).then(|| {
        let go = |v: View| {
            let d = state.dispatcher();
            Callback::from(move |_| d.dispatch(Action::Go(v.clone())))
        };
        let current = |v: &View| (state.view == *v).then_some("page");
        html! {
            <nav class="app-nav" aria-label={t(lang, "app-name")}>
                <button type="button" id="nav-dashboard" aria-current={current(&View::Dashboard)} onclick={go(View::Dashboard)}>{ t(lang, "nav-dashboard") }</button>
                <button type="button" id="nav-report" aria-current={current(&View::Report)} onclick={go(View::Report)}>{ t(lang, "nav-report") }</button>
                <button type="button" id="nav-survey" aria-current={current(&View::Home)} onclick={go(View::Home)}>{ t(lang, "nav-survey") }</button>
                <button type="button" id="nav-editor" aria-current={current(&View::Editor)} onclick={go(View::Editor)}>{ t(lang, "nav-editor") }</button>
                <button type="button" id="nav-glossary" aria-current={current(&View::Glossary)} onclick={go(View::Glossary)}>{ t(lang, "nav-glossary") }</button>
            </nav>
        }
    });

    let body = match &state.view {
        View::Loading => html! { <p class="loading" role="status">{ "…" }</p> },
        View::Survey => html! { <Runner ctx={ctx.clone()} /> },
        View::Thanks { receipt, document } => {
            html! { <Thanks ctx={ctx.clone()} receipt={receipt.clone()} document={document.clone()} /> }
        }
        #[cfg(feature = "manager")]
        View::Home => html! { <Home ctx={ctx.clone()} /> },
        #[cfg(feature = "manager")]
        View::Dashboard => html! { <Dashboard ctx={ctx.clone()} /> },
        #[cfg(feature = "manager")]
        View::Report => html! { <ReportPage ctx={ctx.clone()} /> },
        #[cfg(feature = "manager")]
        View::Editor => html! { <Editor ctx={ctx.clone()} /> },
        #[cfg(feature = "manager")]
        View::Glossary => html! { <Glossary ctx={ctx.clone()} /> },
        #[cfg(feature = "manager")]
        View::AdminPin => html! { <AdminPin ctx={ctx.clone()} /> },
        #[cfg(feature = "manager")]
        View::Admin => html! { <Admin ctx={ctx.clone()} /> },
        #[cfg(feature = "manager")]
        View::Entry => html! { <Entry ctx={ctx.clone()} /> },
        // The light respondent build has no organiser's or manager's screens: between
        // surveys it says where they are.
        #[cfg(not(feature = "manager"))]
        _ => html! { <Landing ctx={ctx.clone()} /> },
    };

    html! {
        <>
            <a class="skip-link" href="#main">{ t(lang, "skip-to-content") }</a>
            <header class="app-header">
                <div class="brand">
                    <span class="brand-name">{ t(lang, "app-name") }</span>
                    <span class="brand-tagline">{ t(lang, "app-tagline") }</span>
                </div>
                <div class="header-tools">
                    { lang_tool }
                    <button type="button" class="tool" aria-pressed={state.large.to_string()} onclick={on_large}>
                        { if state.large { t(lang, "large-text-off") } else { t(lang, "large-text") } }
                    </button>
                    if kiosk && !in_admin {
                        <button type="button" class="tool organiser" onclick={on_organiser}>{ t(lang, "organiser") }</button>
                    }
                </div>
            </header>
            { for nav }
            <main id="main" tabindex="-1">
                if let Some(n) = &state.notice {
                    <div class="error-summary" role="alert" id="app-notice"><p>{ n.clone() }</p></div>
                }
                { body }
            </main>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ThanksProps {
    pub ctx: Ctx,
    pub receipt: String,
    pub document: Option<Rc<str>>,
}

const KIOSK_RESET_SECONDS: u32 = 8;

/// The acknowledgement: a receipt code; in kiosk mode, a countdown to the next respondent.
#[component]
pub fn Thanks(props: &ThanksProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang();
    let kiosk = ctx.state.session.as_ref().is_some_and(|s| s.kiosk);
    let left = use_state(|| KIOSK_RESET_SECONDS);
    // The kiosk's next respondent: a new form, in Russian again, whatever language the
    // one before chose.
    let next = {
        let ctx = ctx.clone();
        Callback::from(move |_: ()| {
            ctx.dispatch.dispatch(Action::SetLang(Lang::default()));
            ctx.dispatch
                .dispatch(Action::NewDraft(Draft::new(services::new_response_id())))
        })
    };
    {
        let left = left.clone();
        let next = next.clone();
        use_effect_with(kiosk, move |kiosk| {
            let timer = kiosk.then(|| {
                let mut remaining = KIOSK_RESET_SECONDS;
                Interval::new(1000, move || {
                    remaining = remaining.saturating_sub(1);
                    left.set(remaining);
                    if remaining == 0 {
                        next.emit(());
                    }
                })
            });
            move || drop(timer)
        });
    }
    use_effect_with((), |_| services::focus("thanks-title"));
    let download = props.document.clone().map(|doc| {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            let name = format!(
                "otklik-response-{}.json",
                ctx.state
                    .session
                    .as_ref()
                    .map_or("survey", |s| s.survey.id.as_str())
            );
            services::download(&name, "application/json", doc.as_bytes()).ok();
        })
    });
    let home = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch.dispatch(Action::EndSession))
    };
    let again = next.reform(|_: MouseEvent| ());
    html! {
        <section class="card thanks" aria-labelledby="thanks-title">
            <h1 id="thanks-title" tabindex="-1">{ t(lang, "thanks-title") }</h1>
            <p class="receipt">{ ta(lang, "thanks-receipt", &[("code", props.receipt.clone().into())]) }</p>
            <p class="hint">{ t(lang, "thanks-receipt-hint") }</p>
            if let Some(on_download) = download {
                <p><button type="button" class="primary" onclick={on_download}>{ t(lang, "thanks-download") }</button></p>
                <p class="hint">{ t(lang, "thanks-download-hint") }</p>
            }
            if kiosk {
                <p class="countdown" role="status">{ ta(lang, "thanks-next", &[("n", (*left).into())]) }</p>
                <button type="button" onclick={again}>{ t(lang, "thanks-again") }</button>
            } else {
                <p>{ t(lang, "stored-on-device") }</p>
                <div class="actions">
                    <button type="button" id="thanks-again" onclick={again}>{ t(lang, "thanks-again") }</button>
                    <button type="button" id="thanks-home" onclick={home}>{ t(lang, "thanks-home") }</button>
                </div>
            }
        </section>
    }
}

/// What the user reads when a handed-out survey cannot be opened.
fn embed_notice(lang: Lang, e: &EmbedError) -> String {
    let (key, detail) = match e {
        EmbedError::Damaged(d) => ("embed-damaged", d.clone()),
        EmbedError::Invalid(e) => ("embed-invalid", e.render(lang)),
        EmbedError::Period(d) => ("embed-period", d.clone()),
    };
    ta(lang, key, &[("detail", detail.into())])
}
