//! What the screens use of the browser and of the analytics: the device's storage,
//! the page (downloads, preferences, focus, printing), the analytics engine in its
//! worker, the survey library and surveys handed out with the app.
//!
//! `services::x` names a call of `storage` or `page` directly.

pub mod embed;
pub mod engine;
pub mod library;
mod page;
mod storage;

pub use page::*;
pub use storage::*;
