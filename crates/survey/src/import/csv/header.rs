//! The header row of a CSV file: which field holds what.

use std::collections::HashMap;

use crate::import::cell::Fast;
use crate::import::problems::{Location, Problems};
use crate::{Message, Survey};

pub(crate) enum Col {
    Id,
    Period,
    Survey,
    Version,
    Channel,
    Question(usize),
}

/// What a CSV file's header says: which field holds what.
pub(crate) struct Header {
    pub(crate) cols: Vec<(usize, Col)>,
    pub(crate) names: Vec<String>,
    pub(crate) width: usize,
    /// Per entry of `cols`: how its usual values are read straight from the bytes.
    pub(crate) fast: Vec<Fast>,
    /// The questions without a column: missing in every row.
    pub(crate) absent: Vec<usize>,
    /// The byte at which the records after the header start.
    pub(crate) body: usize,
}

/// Reads the header row of `bytes`; `None` (with the problems added) when it does not
/// fit `survey`.
pub(crate) fn read_header(
    survey: &Survey,
    bytes: &[u8],
    problems: &mut Problems<'_>,
) -> Option<Header> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();

    // Header.
    match reader.read_byte_record(&mut record) {
        Ok(true) => {}
        Ok(false) => {
            problems.add(Location::File, Message::new("csv-empty"));
            return None;
        }
        Err(e) => {
            problems.add(
                Location::Line {
                    line: 1,
                    column: None,
                },
                Message::new("csv-invalid").with("detail", e.to_string()),
            );
            return None;
        }
    }
    let mut cols = Vec::with_capacity(record.len());
    let mut seen_cols: HashMap<String, usize> = HashMap::new();
    for (i, field) in record.iter().enumerate() {
        let Ok(name) = std::str::from_utf8(field) else {
            problems.add(
                Location::Line {
                    line: 1,
                    column: Some(format!("#{}", i + 1)),
                },
                Message::new("header-not-utf8"),
            );
            continue;
        };
        if let Some(first) = seen_cols.insert(name.to_owned(), i) {
            problems.add(
                Location::Line {
                    line: 1,
                    column: Some(name.to_owned()),
                },
                Message::new("column-twice").with("first", first + 1),
            );
        }
        let col = match name {
            "response_id" => Col::Id,
            "period" => Col::Period,
            "survey" => Col::Survey,
            "version" => Col::Version,
            "channel" => Col::Channel,
            _ => match survey.question_index(name) {
                Some(q) => Col::Question(q),
                None => {
                    problems.add(
                        Location::Line {
                            line: 1,
                            column: Some(name.to_owned()),
                        },
                        Message::new("column-unknown").with("survey", format!("{:?}", survey.id)),
                    );
                    continue;
                }
            },
        };
        cols.push((i, col));
    }
    for required in ["response_id", "period"] {
        if !seen_cols.contains_key(required) {
            problems.add(
                Location::Line {
                    line: 1,
                    column: None,
                },
                Message::new("column-missing").with("column", required),
            );
        }
    }
    if !problems.list.is_empty() {
        return None;
    }

    let width = record.len();
    let names: Vec<String> = record
        .iter()
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect();
    let fast: Vec<Fast> = cols
        .iter()
        .map(|(_, col)| match col {
            Col::Question(q) => Fast::for_kind(&survey.questions[*q].kind),
            _ => Fast::None,
        })
        .collect();
    // The questions without a column: missing in every row.
    let absent: Vec<usize> = (0..survey.questions.len())
        .filter(|q| {
            !cols
                .iter()
                .any(|(_, c)| matches!(c, Col::Question(x) if x == q))
        })
        .collect();
    Some(Header {
        cols,
        names,
        width,
        fast,
        absent,
        body: reader.position().byte() as usize,
    })
}
