//! A CSV response file read as it arrives, chunk by chunk.

use std::borrow::Borrow;

use super::header::{read_header, Header};
use super::quotes::{records_end, unclosed_quote};
use super::records::read_rows;
use crate::import::builder::Builder;
use crate::import::ids::{any_repeat, id_hash_list};
use crate::import::problems::Problems;
use crate::import::Limits;
use crate::{Responses, Survey};

/// A CSV response file read as it arrives, chunk by chunk ([`CsvStream::push`]), so
/// that the whole file never needs to be in memory at once: complete records are read
/// as soon as a chunk ends them. A file with any problem (or one that [`read_csv`]
/// would not read the same way part by part) gives `None` at [`CsvStream::finish`]:
/// the caller then reads the whole file with [`read_csv`], for the exact report.
/// A file that gives responses gives the very ones [`read_csv`] gives (a test
/// compares them for every way of cutting it).
///
/// [`read_csv`]: super::read_csv
pub struct CsvStream<S: Borrow<Survey>> {
    survey: S,
    limits: Limits,
    /// Bytes not read yet: the start of the file, then an incomplete record.
    pending: Vec<u8>,
    header: Option<Header>,
    /// Bytes pushed so far.
    size: usize,
    read: Option<Builder>,
    /// A problem was found: the rest is not read.
    whole: bool,
    /// Bytes gathered before complete records are read.
    part: usize,
    /// The file starts with a byte-order mark (dropped).
    bom: bool,
}

/// Bytes of complete records gathered before they are read.
const STREAM_PART: usize = 1 << 20;

impl<S: Borrow<Survey>> CsvStream<S> {
    /// A stream of a CSV response file for `survey`.
    pub fn new(survey: S, limits: &Limits) -> Self {
        Self::with_part_bytes(survey, limits, STREAM_PART)
    }

    /// [`CsvStream::new`] reading complete records once `part` bytes are pending
    /// (for tests: every cut of a file).
    #[doc(hidden)]
    pub fn with_part_bytes(survey: S, limits: &Limits, part: usize) -> Self {
        CsvStream {
            survey,
            limits: Limits { ..*limits },
            pending: Vec::new(),
            header: None,
            size: 0,
            read: None,
            whole: false,
            part,
            bom: false,
        }
    }

    /// The next bytes of the file.
    pub fn push(&mut self, chunk: &[u8]) {
        self.size += chunk.len();
        if self.size > self.limits.max_bytes {
            self.whole = true;
        }
        if self.whole {
            self.pending = Vec::new();
            return;
        }
        self.pending.extend_from_slice(chunk);
        if self.pending.len() >= self.part {
            self.read_records(false);
        }
    }

    /// The responses, or `None` when the file must be read whole (see [`CsvStream`]).
    pub fn finish(mut self) -> Option<Responses> {
        self.read_records(true);
        if self.whole || self.header.is_none() {
            return None;
        }
        let b = self.read?;
        if b.ids.len() > self.limits.max_rows || any_repeat(&id_hash_list(&b)) {
            return None;
        }
        Some(b.finish(self.survey.borrow()))
    }

    /// Reads the complete records pending (at the end, all of them).
    fn read_records(&mut self, end: bool) {
        if self.whole {
            return;
        }
        if self.header.is_none() {
            if self.size < 3 && !end {
                return;
            }
            if self.size == self.pending.len() && self.pending.starts_with(b"\xEF\xBB\xBF") {
                self.pending.drain(..3);
                self.bom = true;
            }
            // Blank lines before the header, which the CSV reader skips.
            let blank = self
                .pending
                .iter()
                .take_while(|&&c| matches!(c, b'\r' | b'\n'));
            let blank = blank.count();
            self.pending.drain(..blank);
            // After a blank line, a byte-order mark is part of the header for the CSV
            // reader of a whole file, not for one that starts at the header.
            if self.size > self.pending.len() + 3 * usize::from(self.bom)
                && self.pending.first() == Some(&0xEF)
            {
                self.whole = true;
                return;
            }
            let Some(cut) = records_end(&self.pending, true).or(end.then_some(self.pending.len()))
            else {
                return;
            };
            // A header that ends the file inside quotes (the rest is checked below).
            if unclosed_quote(&self.pending[..cut]).is_some() {
                self.whole = true;
                return;
            }
            let mut problems = Problems::new("");
            match read_header(self.survey.borrow(), &self.pending[..cut], &mut problems) {
                Some(h) if problems.list.is_empty() => {
                    self.pending.drain(..h.body);
                    self.header = Some(h);
                }
                _ => {
                    self.whole = true;
                    return;
                }
            }
        }
        let h = self.header.as_ref().expect("the header is read");
        let cut = if end {
            if unclosed_quote(&self.pending).is_some() {
                self.whole = true;
                return;
            }
            self.pending.len()
        } else {
            match records_end(&self.pending, false) {
                Some(cut) => cut,
                None => return,
            }
        };
        let mut problems = Problems::new("");
        let body = &self.pending[..cut];
        let (part, _) = read_rows(
            self.survey.borrow(),
            h,
            body,
            0,
            &self.limits,
            &mut problems,
            &mut |_| {},
        );
        if !problems.list.is_empty() {
            self.whole = true;
            return;
        }
        self.pending.drain(..cut);
        self.read = match self.read.take() {
            None => Some(part),
            Some(all) => Builder::join(vec![all, part]),
        };
        if self.read.is_none() {
            self.whole = true;
        }
    }
}
