//! What the screens use of the browser and of the analytics: the device's storage,
//! the page (downloads, preferences, focus, printing), the analytics engine in its
//! worker, the survey library and surveys handed out with the app.
//!
//! `services::x` names a call of `storage` or `page` directly.

pub mod embed;
#[cfg(feature = "manager")]
pub mod engine;
#[cfg(feature = "manager")]
pub mod library;
mod page;
mod storage;

pub use page::*;
pub use storage::*;
