//! The screens, one module each: the start page, a survey being answered, the kiosk's
//! organiser screens, the dashboard, the yearly report, the survey editor and the
//! glossary. Each takes the app's [`Ctx`](crate::ctx::Ctx) and dispatches actions.

pub mod dashboard;
pub mod editor;
pub mod glossary;
pub mod home;
pub mod kiosk;
pub mod report;
pub mod survey;
