//! The dashboard's files: what each contributed or why it was rejected, and telling
//! a dropped file's survey before it is checked.

use super::*;

/// What a file contributed, or why it was rejected.
#[derive(Debug, Clone, PartialEq)]
pub enum FileRow {
    Loaded {
        name: String,
        key: Option<String>,
        responses: u64,
        added: u64,
        duplicates: u64,
        conflicts: Vec<String>,
    },
    Rejected {
        name: String,
        errors: Vec<Both>,
    },
    Note(String),
}

/// Files up to this size are read whole on the page before they are checked (a
/// survey definition is one); of a larger one only its first [`HEAD_BYTES`], to
/// tell its survey. Its content goes to the engine as it is.
pub(super) const WHOLE_BYTES: f64 = 4.0 * 1024.0 * 1024.0;
pub(super) const HEAD_BYTES: f64 = 1024.0 * 1024.0;

/// The survey a response file names: JSON `"survey"`, or a CSV `survey` column.
/// `text` is the file's beginning unless `whole`.
pub(super) fn survey_of(text: &str, whole: bool) -> Option<String> {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('{') {
        if !whole {
            return json_head_survey(body);
        }
        let v: Value = serde_json::from_str(body).ok()?;
        return v.get("survey").and_then(Value::as_str).map(str::to_owned);
    }
    let mut rdr = csv_lite(body);
    let header = rdr.next()?;
    let col = header.iter().position(|h| h == "survey")?;
    rdr.next()
        .and_then(|row| row.get(col).cloned())
        .filter(|s| !s.is_empty())
}

/// The `"survey"` member of a JSON response file, from the file's beginning (the
/// exported files name it before their responses): the first `"survey": "…"`.
fn json_head_survey(head: &str) -> Option<String> {
    let at = head.find("\"survey\"")? + "\"survey\"".len();
    let rest = head[at..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    let id = &rest[..end];
    (!id.is_empty() && !id.contains('\\')).then(|| id.to_owned())
}

/// For a CSV without a `survey` column: the survey whose question ids cover every
/// column of the header.
pub(super) fn guess_survey(text: &str, surveys: &[(Rc<Survey>, Rc<str>)]) -> Option<String> {
    let body = text.trim_start_matches('\u{feff}');
    if body.trim_start().starts_with('{') {
        return None;
    }
    let header = csv_lite(body).next()?;
    surveys
        .iter()
        .find(|(s, _)| {
            header.iter().all(|h| {
                matches!(h.as_str(), "response_id" | "period" | "survey" | "version")
                    || s.question(h).is_some()
            })
        })
        .map(|(s, _)| s.id.clone())
}

/// Splits the first lines of a CSV well enough to find the `survey` column.
fn csv_lite(text: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    text.lines().take(2).map(|l| {
        l.split(',')
            .map(|c| c.trim_matches('"').to_owned())
            .collect()
    })
}

pub(super) fn row_of(r: FileReport, key: Option<String>) -> FileRow {
    match r.outcome.0 {
        Err(f) => FileRow::Rejected {
            name: r.name,
            errors: f.errors,
        },
        Ok(read) => FileRow::Loaded {
            name: r.name,
            key,
            responses: read.responses,
            added: read.added,
            duplicates: read.duplicates,
            conflicts: read.conflicts,
        },
    }
}

pub(super) fn file_message(lang: Lang, r: &FileRow) -> Html {
    match r {
        FileRow::Rejected { name, errors } => html! {
            <div class="error-summary file-error" role="alert">
                <p>{ ta(lang, "dash-file-rejected", &[("name", name.clone().into())]) }</p>
                <ul>{ for errors.iter().map(|e| html! { <li>{ e.get(lang) }</li> }) }</ul>
            </div>
        },
        FileRow::Note(text) => html! { <p role="status" class="note">{ text.clone() }</p> },
        FileRow::Loaded { .. } => html! {},
    }
}
