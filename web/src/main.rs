//! The Otklik browser app: anonymous surveys answered in the browser, with kiosk
//! mode, autosave and nothing sent over any network.
//!
//! The app is a thin shell: what is visible, what is missing, how a draft becomes a
//! validated response and how responses are exported all come from
//! `otklik-survey`. This crate holds the screens, the translations and the
//! browser services (IndexedDB, downloads, randomness).
#![forbid(unsafe_code)]

mod app;
mod chart_svg;
mod charts;
mod dashboard;
mod editor;
mod embed;
mod engine;
mod glossary;
mod home;
mod i18n;
mod kiosk;
mod library;
mod question;
mod report;
mod runner;
mod services;
mod state;
mod worker;

fn main() {
    // In the analytics worker there is no window: only `worker_request_progress` is used.
    if web_sys::window().is_none() {
        return;
    }
    yew::Renderer::<app::App>::new().render();
}
