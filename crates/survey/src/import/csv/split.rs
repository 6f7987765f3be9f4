//! A CSV body split into records and fields: by hand where it holds no lone carriage
//! return, by the csv crate otherwise.

use std::ops::Range;

/// Where [`read_rows`] takes its records from. A body without quotes, in which every
/// carriage return ends a line (`\r\n`), is split at line breaks and commas by hand
/// ([`PlainRecords`]): the same records the csv crate reads (a test compares the two on
/// random bodies), at less cost. Any other body goes through the csv crate
/// ([`CsvRecords`]).
///
/// [`read_rows`]: super::records::read_rows
pub(crate) trait Records {
    /// Moves to the next record: the 1-based line and the byte it starts at, `None`
    /// at the end, or the csv crate's complaint and its line.
    fn next(&mut self) -> Result<Option<(u64, usize)>, (u64, String)>;
    /// The number of fields of the current record.
    fn len(&self) -> usize;
    /// Field `i` of the current record.
    fn get(&self, i: usize) -> &[u8];
}

pub(crate) struct CsvRecords<'b> {
    body: &'b [u8],
    reader: csv::Reader<&'b [u8]>,
    record: csv::ByteRecord,
    /// Bytes of `body` whose line breaks are counted in `line`.
    counted: usize,
    /// The 1-based line of byte `counted`.
    line: u64,
}

impl<'b> CsvRecords<'b> {
    pub(crate) fn new(body: &'b [u8]) -> Self {
        CsvRecords {
            body,
            reader: csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(body),
            record: csv::ByteRecord::new(),
            counted: 0,
            line: 1,
        }
    }
}

impl Records for CsvRecords<'_> {
    fn next(&mut self) -> Result<Option<(u64, usize)>, (u64, String)> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => {
                // The csv crate places a record where its reading began: before the
                // blank lines it skipped, and after a `\r\n` on the `\n`, a line too
                // early. The record starts after those line breaks.
                let mut start = self.record.position().map_or(0, |p| p.byte() as usize);
                while matches!(self.body.get(start), Some(b'\r' | b'\n')) {
                    start += 1;
                }
                let breaks = memchr::memchr_iter(b'\n', &self.body[self.counted..start]).count();
                self.line += breaks as u64;
                self.counted = start;
                Ok(Some((self.line, start)))
            }
            Ok(false) => Ok(None),
            Err(e) => Err((e.position().map_or(0, |p| p.line()), e.to_string())),
        }
    }

    fn len(&self) -> usize {
        self.record.len()
    }

    fn get(&self, i: usize) -> &[u8] {
        &self.record[i]
    }
}

/// The records of a body without a lone `\r`, split by hand at commas and line
/// breaks; a record with a quote is read by `csv_core`, as the csv crate would.
pub(crate) struct PlainRecords<'b> {
    body: &'b [u8],
    /// The byte at which the next line starts.
    at: usize,
    /// The 1-based number of that line.
    line: u64,
    /// The current record's fields, as byte ranges of `body`.
    fields: Vec<Range<usize>>,
    /// Whether the current record had a quote: then its `quoted_fields` fields are
    /// in `out`, each ending where `ends` says.
    quoted: bool,
    quoted_fields: usize,
    reader: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
}

impl<'b> PlainRecords<'b> {
    pub(crate) fn new(body: &'b [u8]) -> Self {
        PlainRecords {
            body,
            at: 0,
            line: 1,
            fields: Vec::new(),
            quoted: false,
            quoted_fields: 0,
            reader: csv_core::Reader::new(),
            out: vec![0; 1024],
            ends: vec![0; 64],
        }
    }

    /// Reads the record at `start` (on line `line`), which has a quote, with
    /// `csv_core`: its fields go to `out` and `ends`.
    fn read_quoted(&mut self, start: usize, line: u64) {
        use csv_core::ReadRecordResult as R;
        let body = self.body;
        self.reader.reset();
        let (mut at, mut nout, mut nend) = (start, 0, 0);
        loop {
            let (res, nin, o, e) =
                self.reader
                    .read_record(&body[at..], &mut self.out[nout..], &mut self.ends[nend..]);
            at += nin;
            nout += o;
            nend += e;
            match res {
                R::OutputFull => self.out.resize(self.out.len() * 2, 0),
                R::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                R::InputEmpty => {} // the body ends: reading on with none ends the record
                R::Record | R::End => break,
            }
        }
        self.quoted_fields = nend;
        // A `\r\n` ends the record as one line break.
        if at > start && body[at - 1] == b'\r' && body.get(at) == Some(&b'\n') {
            at += 1;
        }
        let breaks = memchr::memchr_iter(b'\n', &body[start..at]).count() as u64;
        self.line = line + breaks.max(1);
        self.at = at;
        self.quoted = true;
    }
}

impl Records for PlainRecords<'_> {
    fn next(&mut self) -> Result<Option<(u64, usize)>, (u64, String)> {
        let body = self.body;
        self.quoted = false;
        loop {
            let start = self.at;
            if start >= body.len() {
                return Ok(None);
            }
            let line = self.line;
            self.line += 1;
            self.fields.clear();
            // Fields are short: one loop finds the commas and the line's end, eight
            // bytes at a time, visiting only the bytes that are one of the two (or a
            // quote, which sends the record to `csv_core`).
            let mut from = start;
            let mut end = body.len();
            let mut i = start;
            'line: {
                while let Some(word) = body.get(i..i + 8) {
                    let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
                    let commas = zero_bytes(w ^ (BYTES * u64::from(b',')));
                    let quotes = zero_bytes(w ^ (BYTES * u64::from(b'"')));
                    let mut hits = commas | quotes | zero_bytes(w ^ (BYTES * u64::from(b'\n')));
                    while hits != 0 {
                        let at = i + (hits.trailing_zeros() / 8) as usize;
                        let first = hits & hits.wrapping_neg();
                        if quotes & first != 0 {
                            self.read_quoted(start, line);
                            return Ok(Some((line, start)));
                        }
                        if commas & first == 0 {
                            end = at;
                            break 'line;
                        }
                        self.fields.push(from..at);
                        from = at + 1;
                        hits &= hits - 1;
                    }
                    i += 8;
                }
                for (k, &c) in body[i..].iter().enumerate() {
                    if c == b',' {
                        self.fields.push(from..i + k);
                        from = i + k + 1;
                    } else if c == b'\n' {
                        end = i + k;
                        break;
                    } else if c == b'"' {
                        self.read_quoted(start, line);
                        return Ok(Some((line, start)));
                    }
                }
            }
            self.at = end + 1;
            // The last field ends before the line's `\r`, if any.
            let last_end = if end > from && body[end - 1] == b'\r' {
                end - 1
            } else {
                end
            };
            if self.fields.is_empty() && last_end == start {
                continue; // the csv crate skips blank lines
            }
            self.fields.push(from..last_end);
            return Ok(Some((line, start)));
        }
    }

    #[inline]
    fn len(&self) -> usize {
        if self.quoted {
            self.quoted_fields
        } else {
            self.fields.len()
        }
    }

    #[inline]
    fn get(&self, i: usize) -> &[u8] {
        if self.quoted {
            let from = if i == 0 { 0 } else { self.ends[i - 1] };
            &self.out[from..self.ends[i]]
        } else {
            &self.body[self.fields[i].clone()]
        }
    }
}

/// The byte 1 in each of a word's eight bytes.
const BYTES: u64 = 0x0101_0101_0101_0101;

/// The top bit of each byte of `x` that is zero, and no other bit (exact: no carry
/// crosses a byte).
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// Whether `body` holds no carriage return but before a line feed, so that
/// [`PlainRecords`] reads it.
pub(crate) fn is_plain(body: &[u8]) -> bool {
    memchr::memchr_iter(b'\r', body).all(|i| body.get(i + 1) == Some(&b'\n'))
}
