//! The Otklik browser app: anonymous surveys answered in the browser, with kiosk
//! mode, autosave and nothing sent over any network.
//!
//! The app is a thin shell: what is visible, what is missing, how a draft becomes a
//! validated response and how responses are exported all come from
//! `otklik-survey`. This crate holds the screens, the translations and the
//! browser services (IndexedDB, downloads, randomness).
#![forbid(unsafe_code)]
// The light respondent build (no `manager` feature) uses only part of the shared
// services.
#![cfg_attr(not(feature = "manager"), allow(dead_code))]

mod app;
mod components;
mod ctx;
mod i18n;
mod pages;
mod services;
mod state;
#[cfg(feature = "manager")]
mod worker;

fn main() {
    // In the analytics worker there is no window: only `worker_request_progress` is used.
    if web_sys::window().is_none() {
        return;
    }
    yew::Renderer::<app::App>::new().render();
}
