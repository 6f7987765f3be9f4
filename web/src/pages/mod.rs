//! The screens, one module each: the start page, a survey being answered, the kiosk's
//! organiser screens, the dashboard, the yearly report, the survey editor and the
//! glossary. Each takes the app's [`Ctx`](crate::ctx::Ctx) and dispatches actions.

#[cfg(feature = "manager")]
pub mod dashboard;
#[cfg(feature = "manager")]
pub mod editor;
#[cfg(feature = "manager")]
pub mod entry;
#[cfg(feature = "manager")]
pub mod glossary;
#[cfg(feature = "manager")]
pub mod home;
#[cfg(feature = "manager")]
pub mod kiosk;
#[cfg(feature = "manager")]
pub mod report;
#[cfg(not(feature = "manager"))]
pub mod respondent;
pub mod survey;
