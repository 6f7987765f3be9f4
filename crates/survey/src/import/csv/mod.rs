//! The CSV reader: a response file in the format of `docs/survey-format.md`, checked
//! whole before anything is returned.
//!
//! [`read_csv_in_parts`] drops a byte-order mark, rejects an unclosed quote
//! (`quotes`), maps the header's columns to the survey (`header`), then reads the
//! records (`records`, with the fields split by `split`) into columns and checks the
//! ids; a large file is read natively in parts on several threads (`parts`).
//! [`CsvStream`] reads a file as it arrives, chunk by chunk (`stream`).

mod header;
mod parts;
pub(super) mod quotes;
mod records;
pub(super) mod split;
mod stream;

pub use stream::CsvStream;

use header::read_header;
use parts::{csv_parts, read_parts};
use quotes::unclosed_quote;
use records::read_rows;

use super::ids::duplicate_ids;
use super::problems::{ImportError, Location, Problems};
use super::sniff::opened;
use super::Limits;
use crate::{Message, Responses, Survey};

/// Reads a CSV response file for `survey`. `file` names the file in messages.
///
/// The whole file is checked before anything is returned; on any problem the
/// result is an [`ImportError`] listing every problem (up to [`MAX_PROBLEMS`]).
///
/// [`MAX_PROBLEMS`]: super::MAX_PROBLEMS
pub fn read_csv(
    survey: &Survey,
    file: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Responses, ImportError> {
    read_csv_progress(survey, file, bytes, limits, &mut |_| {})
}

/// Bytes read between two calls of an import's progress callback.
pub const PROGRESS_STEP: usize = 1 << 20;

/// [`read_csv`], calling `progress` with the number of bytes read so far about every
/// [`PROGRESS_STEP`] bytes (and never with more than the file's size).
///
/// Natively a large file is read in parts, one per available thread; a file in which
/// any part finds a problem is read again in one go, so that the report is the same.
pub fn read_csv_progress(
    survey: &Survey,
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    progress: &mut dyn FnMut(usize),
) -> Result<Responses, ImportError> {
    read_csv_in_parts(
        survey,
        file,
        bytes,
        limits,
        progress,
        csv_parts(bytes.len()),
    )
}

/// [`read_csv_progress`] with the records read in `parts` parts (on as many threads,
/// natively). The result does not depend on `parts`.
#[doc(hidden)]
pub fn read_csv_in_parts(
    survey: &Survey,
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    progress: &mut dyn FnMut(usize),
    parts: usize,
) -> Result<Responses, ImportError> {
    let mut problems = Problems::new(file);
    let Some(bytes) = opened(bytes, limits, &mut problems) else {
        return problems.finish(Responses::empty(survey));
    };
    if let Some(line) = unclosed_quote(bytes) {
        // The csv crate silently reads an unclosed quote to the end of the file,
        // which would turn the rest of the file into one cell.
        problems.add(
            Location::Line { line, column: None },
            Message::new("csv-unclosed-quote"),
        );
        return problems.finish(Responses::empty(survey));
    }
    let Some(h) = read_header(survey, bytes, &mut problems) else {
        return problems.finish(Responses::empty(survey));
    };
    let body = &bytes[h.body..];
    if parts > 1 {
        if let Some(data) = read_parts(survey, &h, body, limits, progress, parts) {
            return Ok(data);
        }
    }
    let line0 = bytes[..h.body].iter().filter(|&&b| b == b'\n').count() as u64;
    let mut next_progress = PROGRESS_STEP;
    let (b, lines) = read_rows(survey, &h, body, line0, limits, &mut problems, &mut |at| {
        let at = h.body + at;
        if at >= next_progress {
            progress(at.min(bytes.len()));
            next_progress = at + PROGRESS_STEP;
        }
    });
    if problems.list.is_empty() {
        duplicate_ids(&b, |row, first| {
            problems.add(
                Location::Line {
                    line: lines[row],
                    column: Some("response_id".to_owned()),
                },
                Message::new("response-id-duplicate-line")
                    .with("id", format!("{:?}", b.ids.get(row)))
                    .with("first", lines[first]),
            )
        });
    }
    problems.finish(()).map(|()| b.finish(survey))
}
