//! The Otklik survey model: definitions, response files, import, export and merge.
//!
//! Everything here is pure: no I/O, no clock, no randomness that is not seeded by
//! the caller. The same code serves the `otklik` CLI, the web app and the tests.
//!
//! - [`Survey`] is a validated survey definition, read with [`Survey::from_json`],
//!   which reports every problem at once with its JSON path.
//! - [`Responses`] holds answers column by column in compact codes (one byte per
//!   scale, NPS, choice and yes/no answer). It is read from CSV with
//!   [`import::read_csv`] or from JSON with [`import::read_json`], merged with
//!   [`Responses::merge`] and written with [`export`].
//! - [`Period`] is a reporting period label (`2026`, `2026-H1`, `2026-Q3`, `2026-07`).
//!
//! ```
//! use otklik_survey::{Survey, import};
//! let survey = Survey::from_json(r#"{"id":"s","version":1,"audience":"internal","title":"T",
//!   "questions":[{"id":"q1","type":"scale","text":"How satisfied are you?"}]}"#).unwrap();
//! let csv = "response_id,period,q1\nr1,2026,4\nr2,2026,5\n";
//! let data = import::read_csv(&survey, "answers.csv", csv.as_bytes(), &import::Limits::default()).unwrap();
//! assert_eq!(data.len(), 2);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod advice;
pub mod collection;
mod definition;
pub mod device;
pub mod entry;
pub mod export;
pub mod fmt;
pub mod import;
pub mod message;
mod origin;
mod period;
mod responses;
pub mod runner;
pub mod surveyjs;
mod text;
mod validate;

pub use definition::{
    Audience, Channel, Condition, Dimension, Question, QuestionKind, Role, ScaleLabels,
    SelectOption, Survey, SHORT_MAX,
};
pub use message::{Arg, Lang, Message, UnknownLang};
pub use origin::ResponseChannel;
pub use period::{Granularity, Period, PeriodError};
pub use responses::{Answer, BadRows, Column, Conflict, MergeReport, Responses, StrColumn};
pub use text::Text;
pub use validate::{Problem, SurveyError};

/// Checks that `id` is a valid identifier: non-empty, at most 64 characters,
/// without `;` and without control characters.
pub fn check_id(id: &str) -> Result<(), Message> {
    if id.is_empty() {
        return Err(Message::new("id-empty"));
    }
    if id.chars().count() > 64 {
        return Err(Message::new("id-too-long"));
    }
    if id.contains(';') {
        return Err(Message::new("id-semicolon"));
    }
    if id.chars().any(char::is_control) {
        return Err(Message::new("id-control"));
    }
    Ok(())
}
