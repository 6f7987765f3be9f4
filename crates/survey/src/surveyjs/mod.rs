//! Import of SurveyJS survey definitions (the JSON of `survey-core`): the common
//! subset becomes an Otklik definition, and everything else is listed, so that the
//! organiser knows exactly what did not come across.
//!
//! | SurveyJS | Otklik |
//! |---|---|
//! | `rating` 1..n (n = 3..11) | `scale` with `points: n` (end labels from `minRateDescription`/`maxRateDescription`) |
//! | `rating` 0..10 | `nps` |
//! | `radiogroup`, `dropdown` | `choice` |
//! | `checkbox` | `multi` |
//! | `boolean` | `yesno` |
//! | `text` with `inputType: "number"` | `number` (`min`, `max`) |
//! | `text` (other input types), `comment` | `text` (`maxLength`) |
//! | `matrix` | one `scale` per row (points = columns), grouped into a dimension |
//! | `panel` | its questions, in order |
//! | `visibleIf: "{q} = 'v'"` (also `==`, `anyof [...]`; for ratings `<`, `<=`, `>`, `>=`, `!=`; `or` of those on one question) | `visible_if` |
//! | localised strings `{"default": …, "ru": …, "en": …, "uz": …}` | texts `{"ru": …, "en": …, "uz": …}` (every locale kept) |
//!
//! Answers keep SurveyJS's values: a choice's option id is its `value`, a rating's
//! answer its number, a matrix row's answer the position of the column (1..n).

use serde_json::{json, Map, Value};

use crate::{Lang, Message, Survey, SurveyError};

/// Something of the SurveyJS definition that was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Where it is: the JSON path in the SurveyJS file.
    pub path: String,
    /// The element's name, if it has one.
    pub name: Option<String>,
    /// What was left out and why.
    pub reason: Message,
}

impl Skipped {
    /// `path (name): reason` in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let reason = self.reason.render(lang);
        match &self.name {
            Some(n) => format!("{} ({n}): {reason}", self.path),
            None => format!("{}: {reason}", self.path),
        }
    }
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// An imported definition and what was left out.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The Otklik definition (validated).
    pub survey: Survey,
    /// Its JSON text (pretty), ready to save or edit.
    pub json: String,
    /// What was not imported.
    pub skipped: Vec<Skipped>,
}

/// Why a SurveyJS file could not be imported at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SurveyJsError {
    /// Not JSON.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// JSON, but not a SurveyJS survey (no `pages`, `elements` or `questions`).
    #[error(
        "not a SurveyJS survey: expected an object with \"pages\", \"elements\" or \"questions\""
    )]
    NotSurveyJs,
    /// Nothing could be imported.
    #[error("no question could be imported ({} left out)", .0.len())]
    Empty(Vec<Skipped>),
    /// The imported definition is not valid (e.g. duplicate names).
    #[error("the imported survey is not valid: {0}")]
    Invalid(#[from] SurveyError),
}

impl SurveyJsError {
    /// The error in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            SurveyJsError::Syntax {
                line,
                column,
                message,
            } => crate::validate::syntax_message(*line, *column, message).render(lang),
            SurveyJsError::NotSurveyJs => Message::new("sjs-not-surveyjs").render(lang),
            SurveyJsError::Empty(left) => Message::new("sjs-empty")
                .with("count", left.len())
                .render(lang),
            SurveyJsError::Invalid(e) => Message::new("sjs-invalid")
                .with("detail", e.render(lang))
                .render(lang),
        }
    }
}

/// Whether a JSON value looks like a SurveyJS survey rather than an Otklik one.
pub fn looks_like_surveyjs(v: &Value) -> bool {
    v.get("pages").is_some_and(Value::is_array)
        || (v.get("elements").is_some_and(Value::is_array) && v.get("id").is_none())
}

/// Imports a SurveyJS definition. `audience` is what SurveyJS does not say.
pub fn import(json: &str, audience: crate::Audience) -> Result<Imported, SurveyJsError> {
    let v = crate::validate::parse_json(json).map_err(|(line, column, message)| {
        SurveyJsError::Syntax {
            line,
            column,
            message,
        }
    })?;
    let mut cx = Cx::default();
    let mut elements = Vec::new();
    if let Some(pages) = v.get("pages").and_then(Value::as_array) {
        for (p, page) in pages.iter().enumerate() {
            for key in ["elements", "questions"] {
                if let Some(list) = page.get(key).and_then(Value::as_array) {
                    for (i, e) in list.iter().enumerate() {
                        elements.push((format!("pages[{p}].{key}[{i}]"), e));
                    }
                }
            }
        }
    } else {
        let mut found = false;
        for key in ["elements", "questions"] {
            if let Some(list) = v.get(key).and_then(Value::as_array) {
                found = true;
                for (i, e) in list.iter().enumerate() {
                    elements.push((format!("{key}[{i}]"), e));
                }
            }
        }
        if !found {
            return Err(SurveyJsError::NotSurveyJs);
        }
    }
    for (path, e) in elements {
        cx.element(&path, e);
    }
    for (key, what) in [
        ("triggers", Message::new("sjs-what-triggers")),
        ("calculatedValues", Message::new("sjs-what-calculated")),
        ("completedHtml", Message::new("sjs-what-completed")),
        ("navigateToUrl", Message::new("sjs-what-navigate")),
    ] {
        if v.get(key).is_some() {
            cx.skip(key, None, Message::new("sjs-not-part").with("what", what));
        }
    }
    if cx.questions.is_empty() {
        return Err(SurveyJsError::Empty(cx.skipped));
    }
    let title = v
        .get("title")
        .and_then(text)
        .unwrap_or_else(|| json!("SurveyJS"));
    let id = v
        .get("surveyId")
        .and_then(Value::as_str)
        .map(clean_id)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "surveyjs".to_owned());
    let mut def = Map::new();
    def.insert("id".into(), json!(id));
    def.insert("version".into(), json!(1));
    def.insert(
        "audience".into(),
        json!(match audience {
            crate::Audience::Internal => "internal",
            crate::Audience::External => "external",
        }),
    );
    def.insert("title".into(), title);
    if let Some(d) = v.get("description").and_then(text) {
        def.insert("intro".into(), d);
    }
    if !cx.dimensions.is_empty() {
        def.insert("dimensions".into(), Value::Array(cx.dimensions));
    }
    def.insert("questions".into(), Value::Array(cx.questions));
    let text = serde_json::to_string_pretty(&Value::Object(def)).expect("serialises");
    let survey = Survey::from_json(&text)?;
    Ok(Imported {
        survey,
        json: text,
        skipped: cx.skipped,
    })
}

mod condition;
mod elements;
#[cfg(test)]
mod tests;

use elements::{clean_id, text, Cx};
