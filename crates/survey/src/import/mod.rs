//! Reading response files (CSV and JSON), validated whole before anything is accepted.
//!
//! An import runs in four steps, and returns nothing until the whole file is checked:
//!
//! 1. **Sniff** (`sniff`): [`read_any`] tells JSON from CSV by the first byte that is
//!    not blank ([`is_json`]); a binary file is named as such first ([`binary_kind`]).
//!    Before that, a caller with several surveys can tell which one a file is for
//!    ([`survey_of`], [`guess_survey`]).
//! 2. **Header**: which CSV column holds what (`csv::header`); in JSON, the document's
//!    own fields (`json`).
//! 3. **Records**: each record split into fields (`csv::split`, `csv::quotes`), each
//!    row read (`csv::records`, `json`), each cell as an answer (`cell`) and each id
//!    checked (`ids`). A large CSV file is read in parts at once (`csv::parts`), or
//!    chunk by chunk as it arrives ([`CsvStream`], `csv::stream`).
//! 4. **Build**: the answers go into columns (`builder`); ids that repeat are found
//!    (`ids`). Any problem (`problems`) rejects the whole file with an
//!    [`ImportError`] listing every problem, up to [`MAX_PROBLEMS`].

mod builder;
mod cell;
mod csv;
mod ids;
mod json;
mod many;
mod problems;
mod sniff;
#[cfg(test)]
mod tests;

pub use self::csv::{read_csv, read_csv_in_parts, read_csv_progress, CsvStream, PROGRESS_STEP};
pub use cell::{expected, parse_cell};
pub use ids::id_hash;
pub use json::{check_json_answer, read_json};
pub use many::{merge_set, read_set, Rejection, SetError};
pub use problems::{ImportError, ImportProblem, Location, MAX_PROBLEMS};
pub use sniff::{binary_kind, csv_head, guess_survey, is_json, survey_of};

use crate::{Responses, Survey};

/// Caps on what one import may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted file, in bytes.
    pub max_bytes: usize,
    /// Most responses in one file.
    pub max_rows: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 512 * 1024 * 1024,
            max_rows: 5_000_000,
        }
    }
}

/// Reads a response file, choosing CSV or JSON by its first non-blank byte
/// (`{` means JSON).
pub fn read_any(
    survey: &Survey,
    file: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Responses, ImportError> {
    read_any_progress(survey, file, bytes, limits, &mut |_| {})
}

/// [`read_any`] with a progress callback as [`read_csv_progress`]'s (a JSON file is
/// read in one go and reports nothing).
pub fn read_any_progress(
    survey: &Survey,
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    progress: &mut dyn FnMut(usize),
) -> Result<Responses, ImportError> {
    if is_json(bytes) == Some(true) {
        read_json(survey, file, bytes, limits)
    } else {
        read_csv_progress(survey, file, bytes, limits, progress)
    }
}
