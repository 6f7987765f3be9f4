//! The records after a CSV header read into responses, row by row and cell by cell.

use super::header::{Col, Header};
use super::split::{is_plain, CsvRecords, PlainRecords, Records};
use crate::import::builder::{push, Builder};
use crate::import::cell::{parse_cell, version_of};
use crate::import::ids::{bad_id, check_response_id};
use crate::import::problems::{Location, Problems};
use crate::import::Limits;
use crate::responses::Answer;
use crate::{Message, ResponseChannel, Survey};

/// Reads the records of `body` (which starts at a record, on line `line0 + 1` of the
/// file) into a builder, adding the problems found; also returns each response's line.
/// Calls `tick` with the bytes of `body` read so far every 1,024 records.
pub(crate) fn read_rows(
    survey: &Survey,
    h: &Header,
    body: &[u8],
    line0: u64,
    limits: &Limits,
    problems: &mut Problems<'_>,
    tick: &mut dyn FnMut(usize),
) -> (Builder, Vec<u64>) {
    // One monomorphic reader per kind of records.
    macro_rules! read {
        ($records:expr) => {
            read_records(
                survey,
                h,
                $records,
                body.len(),
                line0,
                limits,
                problems,
                tick,
            )
        };
    }
    if is_plain(body) {
        read!(PlainRecords::new(body))
    } else {
        read!(CsvRecords::new(body))
    }
}

/// [`read_rows`] from `record`, the records of a body of `len` bytes.
#[allow(clippy::too_many_arguments)]
fn read_records(
    survey: &Survey,
    h: &Header,
    mut record: impl Records,
    len: usize,
    line0: u64,
    limits: &Limits,
    problems: &mut Problems<'_>,
    tick: &mut dyn FnMut(usize),
) -> (Builder, Vec<u64>) {
    let estimate = len / (h.width * 2 + 16).max(1);
    let mut b = Builder::new(survey, estimate.min(limits.max_rows));
    let mut lines: Vec<u64> = Vec::new();
    let mut records = 0u64;
    loop {
        let (line, byte) = match record.next() {
            Ok(Some((line, byte))) => (line + line0, byte),
            Ok(None) => break,
            Err((line, detail)) => {
                problems.add(
                    Location::Line {
                        line: line + line0,
                        column: None,
                    },
                    Message::new("csv-invalid").with("detail", detail),
                );
                break;
            }
        };
        records += 1;
        if records % 1024 == 0 {
            tick(byte);
        }
        if record.len() == 1 && record.get(0).is_empty() {
            continue; // a blank line
        }
        if b.ids.len() >= limits.max_rows {
            problems.add(
                Location::File,
                Message::new("csv-too-many-rows").with("max", limits.max_rows),
            );
            break;
        }
        if record.len() != h.width {
            problems.add(
                Location::Line { line, column: None },
                Message::new("field-count")
                    .with("expected", h.width)
                    .with("found", record.len()),
            );
            continue;
        }
        // Answers go straight into their columns: once anything is wrong the file is
        // rejected whole, so a row with a problem needs no undoing.
        let mut id = "";
        let mut period = None;
        let mut version = survey.version as u16;
        let mut channel = 0;
        let mut ok = true;
        for ((i, col), fast) in h.cols.iter().zip(&h.fast) {
            let bytes = record.get(*i);
            match (col, fast.read(bytes)) {
                (Col::Question(q), Some(a)) => {
                    push(&mut b.columns[*q], a);
                    continue;
                }
                (Col::Period, _) => {
                    if let Some(last) = b.same_period(bytes) {
                        period = Some(last);
                        continue;
                    }
                }
                _ => {}
            }
            let Ok(cell) = std::str::from_utf8(bytes) else {
                problems.add(
                    Location::Line {
                        line,
                        column: Some(h.names[*i].clone()),
                    },
                    Message::new("cell-not-utf8"),
                );
                ok = false;
                continue;
            };
            let at = |p: &mut Problems<'_>, msg: Message| {
                p.add(
                    Location::Line {
                        line,
                        column: Some(h.names[*i].clone()),
                    },
                    msg,
                )
            };
            match col {
                Col::Id => {
                    if cell.is_empty() {
                        at(problems, Message::new("response-id-required"));
                        ok = false;
                    } else if let Err(e) = check_response_id(cell) {
                        at(problems, bad_id(cell, e));
                        ok = false;
                    }
                    id = cell;
                }
                Col::Period => match b.period_code(cell) {
                    Ok(c) => period = Some(c),
                    Err(e) => {
                        at(problems, e);
                        ok = false;
                    }
                },
                Col::Survey => {
                    if !cell.is_empty() && cell != survey.id {
                        at(
                            problems,
                            Message::new("survey-other")
                                .with("value", format!("{cell:?}"))
                                .with("survey", format!("{:?}", survey.id)),
                        );
                        ok = false;
                    }
                }
                Col::Version => {
                    if !cell.is_empty() {
                        match version_of(survey, cell) {
                            Ok(v) => version = v,
                            Err(e) => {
                                at(problems, e);
                                ok = false;
                            }
                        }
                    }
                }
                Col::Channel => {
                    if !cell.is_empty() {
                        match cell.parse::<ResponseChannel>() {
                            Ok(c) => channel = c.code(),
                            Err(e) => {
                                at(problems, e);
                                ok = false;
                            }
                        }
                    }
                }
                Col::Question(q) => match parse_cell(&survey.questions[*q], cell) {
                    Ok(a) => push(&mut b.columns[*q], a),
                    Err(e) => {
                        at(problems, e);
                        ok = false;
                    }
                },
            }
        }
        if problems.full() {
            break;
        }
        if !ok || !problems.list.is_empty() {
            // Keep checking the rest of the file; what is stored no longer matters.
            continue;
        }
        for &q in &h.absent {
            push(&mut b.columns[q], Answer::Missing);
        }
        b.ids.push(id);
        b.period.push(period.expect("period column present"));
        b.version.push(version);
        b.channel.push(channel);
        lines.push(line);
    }
    (b, lines)
}
