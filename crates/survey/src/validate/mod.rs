//! Reading a survey definition from JSON, reporting every problem at once.
//!
//! A `Reader` walks the JSON and collects every problem with its path: its
//! primitives (fields, ids, texts, numbers) are in `reader`, the survey and its
//! dimensions in `survey`, a question with its options, labels and condition in
//! `question`, and the checks across questions (roles, conditions, groupings) in
//! `cross`.

use std::fmt;

use serde_json::Value;

use crate::definition::*;
use crate::{Lang, Message};

mod cross;
mod question;
mod reader;
pub(crate) use reader::RESERVED;
mod survey;

use reader::Reader;

/// One problem in a survey definition, at a JSON path such as `questions[3].options[1].id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: a JSON path.
    pub path: String,
    /// What is wrong, and what was expected.
    pub message: Message,
}

impl Problem {
    /// The problem in `lang`: `path: message`.
    pub fn render(&self, lang: Lang) -> String {
        let message = self.message.render(lang);
        if self.path.is_empty() {
            message
        } else {
            format!("{}: {message}", self.path)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Why a survey definition was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SurveyError {
    /// The file is not well-formed JSON.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the JSON parser expected.
        message: String,
    },
    /// The JSON is well-formed but the definition has problems, all listed.
    #[error("{}", invalid(.0, Lang::En))]
    Invalid(Vec<Problem>),
}

impl SurveyError {
    /// The error in `lang`, on one line.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            SurveyError::Syntax {
                line,
                column,
                message,
            } => syntax_message(*line, *column, message).render(lang),
            SurveyError::Invalid(problems) => invalid(problems, lang),
        }
    }
}

impl SurveyError {
    /// Every problem with its JSON path (empty for a syntax error).
    pub fn problems(&self) -> Vec<(String, Message)> {
        match self {
            SurveyError::Syntax {
                line,
                column,
                message,
            } => vec![(String::new(), syntax_message(*line, *column, message))],
            SurveyError::Invalid(problems) => problems
                .iter()
                .map(|p| (p.path.clone(), p.message.clone()))
                .collect(),
        }
    }
}

/// A JSON syntax error at `line` and `column`; `detail` is the parser's (English) words.
pub(crate) fn syntax_message(line: usize, column: usize, detail: &str) -> Message {
    Message::new("def-syntax")
        .with("line", line)
        .with("column", column)
        .with("detail", detail)
}

/// Every problem in `lang` on one line, after their count.
fn invalid(problems: &[Problem], lang: Lang) -> String {
    let list: Vec<String> = problems.iter().map(|p| p.render(lang)).collect();
    Message::new("def-problems")
        .with("count", problems.len())
        .with("list", list.join("; "))
        .render(lang)
}

/// Parses a JSON file (a leading BOM allowed); on error, its line, column and what
/// the parser expected.
pub(crate) fn parse_json(json: &str) -> Result<Value, (usize, usize, String)> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    serde_json::from_str(json).map_err(|e| {
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or_default();
        (e.line(), e.column(), message.to_owned())
    })
}

impl Survey {
    /// Reads and validates a survey definition. Every problem is reported at once.
    pub fn from_json(json: &str) -> Result<Survey, SurveyError> {
        let value = parse_json(json).map_err(|(line, column, message)| SurveyError::Syntax {
            line,
            column,
            message,
        })?;
        let mut r = Reader::default();
        let survey = r.survey(&value);
        match survey {
            Some(s) if r.problems.is_empty() => Ok(s),
            _ => Err(SurveyError::Invalid(r.problems)),
        }
    }
}
