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
