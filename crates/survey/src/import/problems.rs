//! What is wrong with an imported file: each problem with its place (the file, a line
//! and column, or a JSON path) and its message, and the list of them that rejects an
//! import.

use std::fmt;

use crate::{Lang, Message};

/// How many problems one import lists before it stops looking.
pub const MAX_PROBLEMS: usize = 200;

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The whole file.
    File,
    /// A CSV line (1-based) and, when known, a column name.
    Line {
        /// 1-based line number.
        line: u64,
        /// The column's name.
        column: Option<String>,
    },
    /// A place in a JSON document, as a path such as `responses[17].answers.dept`.
    Path(String),
    /// A JSON syntax error.
    Position {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
}

/// One problem found in an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// The file's name as given by the caller.
    pub file: String,
    /// Where.
    pub location: Location,
    /// What was wrong and what was expected.
    pub message: Message,
}

impl ImportProblem {
    /// The problem in `lang`: `file:line: column c: message` (the column's word
    /// translated; the message too).
    pub fn render(&self, lang: Lang) -> String {
        let (file, message) = (&self.file, self.message.render(lang));
        match &self.location {
            Location::File => format!("{file}: {message}"),
            Location::Line {
                line,
                column: Some(c),
            } => {
                let column = Message::new("location-column").with("column", c.as_str());
                format!("{file}:{line}: {}: {message}", column.render(lang))
            }
            Location::Line { line, column: None } => format!("{file}:{line}: {message}"),
            Location::Path(p) => format!("{file}: {p}: {message}"),
            Location::Position { line, column } => format!("{file}:{line}:{column}: {message}"),
        }
    }
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// A rejected import: nothing from the file was accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The problems, in file order; at most [`MAX_PROBLEMS`].
    pub problems: Vec<ImportProblem>,
    /// More problems were found than are listed.
    pub truncated: bool,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En).join("\n"))
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    /// Every problem in `lang`, one per entry, and a last entry when more were found
    /// than are listed.
    pub fn render(&self, lang: Lang) -> Vec<String> {
        let mut s: Vec<String> = self.problems.iter().map(|p| p.render(lang)).collect();
        if self.truncated {
            s.push(
                Message::new("problems-truncated")
                    .with("max", MAX_PROBLEMS)
                    .render(lang),
            );
        }
        s
    }
}

pub(crate) struct Problems<'f> {
    file: &'f str,
    pub(crate) list: Vec<ImportProblem>,
    truncated: bool,
}

impl<'f> Problems<'f> {
    pub(crate) fn new(file: &'f str) -> Self {
        Problems {
            file,
            list: Vec::new(),
            truncated: false,
        }
    }
    pub(crate) fn add(&mut self, location: Location, message: Message) {
        if self.list.len() >= MAX_PROBLEMS {
            self.truncated = true;
            return;
        }
        self.list.push(ImportProblem {
            file: self.file.to_owned(),
            location,
            message,
        });
    }
    pub(crate) fn full(&self) -> bool {
        self.truncated
    }
    pub(crate) fn finish<T>(self, value: T) -> Result<T, ImportError> {
        if self.list.is_empty() {
            Ok(value)
        } else {
            Err(ImportError {
                problems: self.list,
                truncated: self.truncated,
            })
        }
    }
}
