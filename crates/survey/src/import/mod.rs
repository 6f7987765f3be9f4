//! Reading response files (CSV and JSON), validated whole before anything is accepted.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::ops::Range;

use serde_json::Value;

use crate::responses::Answer;
use crate::{Arg, Message, Question, QuestionKind, Responses, Survey};

mod builder;
mod cell;
mod ids;
mod problems;

use builder::{push, Builder};
use cell::{
    bad_version, not_option, not_value, option_code, option_twice, options_of, version_of, Fast,
};
pub use cell::{expected, parse_cell};
pub use ids::id_hash;
use ids::{
    any_repeat, bad_id, check_response_id, duplicate_ids, hashes_meet, id_hash_list, id_hashes,
};
use problems::Problems;
pub use problems::{ImportError, ImportProblem, Location, MAX_PROBLEMS};

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

/// The 1-based line of a quote that opens a field and is never closed, if any.
///
/// Follows the csv crate's (RFC 4180) quoting: a `"` opens a quoted field only at the
/// start of a field; inside, `""` is a literal quote and a lone `"` closes the field.
fn unclosed_quote(bytes: &[u8]) -> Option<u64> {
    if !bytes.contains(&b'"') {
        return None;
    }
    let (mut line, mut opened_on) = (1u64, 1u64);
    let (mut quoted, mut field_start) = (false, true);
    let mut it = bytes.iter().peekable();
    while let Some(&c) = it.next() {
        if c == b'\n' {
            line += 1;
        }
        if quoted {
            if c == b'"' {
                if it.peek() == Some(&&b'"') {
                    it.next();
                } else {
                    quoted = false;
                }
            }
        } else if c == b'"' && field_start {
            quoted = true;
            opened_on = line;
        }
        field_start = !quoted && matches!(c, b',' | b'\n' | b'\r');
    }
    quoted.then_some(opened_on)
}

/// A `version` in a JSON file: a number, rendered as JSON in the message.
fn json_version(survey: &Survey, v: &Value) -> Result<u16, Message> {
    match v {
        Value::Number(n) => {
            version_of(survey, &n.to_string()).map_err(|_| bad_version(survey, v.to_string()))
        }
        _ => Err(Message::new("version-expected")
            .with("max", survey.version)
            .with("found", v.to_string())),
    }
}

enum Col {
    Id,
    Period,
    Survey,
    Version,
    Question(usize),
}

/// Reads a CSV response file for `survey`. `file` names the file in messages.
///
/// The whole file is checked before anything is returned; on any problem the
/// result is an [`ImportError`] listing every problem (up to [`MAX_PROBLEMS`]).
pub fn read_csv(
    survey: &Survey,
    file: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Responses, ImportError> {
    read_csv_progress(survey, file, bytes, limits, &mut |_| {})
}

/// What a file with binary content seems to be, from its first bytes: an image, a
/// PDF, an archive or office document, or `other` for any file with a NUL byte near
/// its start (no CSV or JSON response file has one). `None` for text.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "image"),
        (b"\xFF\xD8\xFF", "image"),
        (b"GIF8", "image"),
        (b"%PDF", "pdf"),
        (b"PK\x03\x04", "archive"),
        (b"\xD0\xCF\x11\xE0", "archive"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|(_, k)| *k)
        .or_else(|| {
            bytes[..bytes.len().min(4096)]
                .contains(&0)
                .then_some("other")
        })
}

/// Says first that a binary file is not a response file; the details follow.
fn binary_first(bytes: &[u8], problems: &mut Problems) {
    if let Some(kind) = binary_kind(bytes) {
        problems.add(
            Location::File,
            Message::new("file-binary").with("kind", kind),
        );
    }
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

/// Bytes per part below which a file is not split.
const PART_BYTES: usize = 1 << 22;

/// How many parts a CSV file of `len` bytes is read in: one per available thread,
/// natively; one in WebAssembly, which has no threads.
fn csv_parts(len: usize) -> usize {
    if cfg!(target_arch = "wasm32") {
        return 1;
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    threads.min(len / PART_BYTES).max(1)
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
    if bytes.len() > limits.max_bytes {
        problems.add(
            Location::File,
            Message::new("file-too-large")
                .with("size", bytes.len())
                .with("max", limits.max_bytes),
        );
        return problems.finish(Responses::empty(survey));
    }
    binary_first(bytes, &mut problems);
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
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

/// A CSV response file read as it arrives, chunk by chunk ([`CsvStream::push`]), so
/// that the whole file never needs to be in memory at once: complete records are read
/// as soon as a chunk ends them. A file with any problem (or one that [`read_csv`]
/// would not read the same way part by part) gives `None` at [`CsvStream::finish`]:
/// the caller then reads the whole file with [`read_csv`], for the exact report.
/// A file that gives responses gives the very ones [`read_csv`] gives (a test
/// compares them for every way of cutting it).
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

/// The end of the first (`first`) or the last complete record of `bytes`, which start
/// at a record.
fn records_end(bytes: &[u8], first: bool) -> Option<usize> {
    if !bytes.contains(&b'"') {
        let at = if first {
            memchr::memchr(b'\n', bytes)
        } else {
            memchr::memrchr(b'\n', bytes)
        };
        return at.map(|i| i + 1);
    }
    let mut ends = RecordEnds::new(bytes);
    if first {
        ends.next()
    } else {
        ends.last()
    }
}

/// The ends of the records of `bytes`, which start at a record: the byte after each
/// line break outside quotes (the quoting of [`unclosed_quote`]). A quote that ends
/// `bytes` inside a quoted field ends the search: a `"` may yet follow it.
struct RecordEnds<'b> {
    bytes: &'b [u8],
    i: usize,
    quoted: bool,
    field_start: bool,
}

impl<'b> RecordEnds<'b> {
    fn new(bytes: &'b [u8]) -> Self {
        RecordEnds {
            bytes,
            i: 0,
            quoted: false,
            field_start: true,
        }
    }
}

impl Iterator for RecordEnds<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let bytes = self.bytes;
        while self.i < bytes.len() {
            let c = bytes[self.i];
            let mut end = None;
            if self.quoted {
                if c == b'"' {
                    if bytes.get(self.i + 1) == Some(&b'"') {
                        self.i += 1;
                    } else if self.i + 1 == bytes.len() {
                        self.i = bytes.len();
                        return None;
                    } else {
                        self.quoted = false;
                    }
                }
            } else if c == b'"' && self.field_start {
                self.quoted = true;
            } else if c == b'\n' {
                end = Some(self.i + 1);
            }
            self.field_start = !self.quoted && matches!(c, b',' | b'\n' | b'\r');
            self.i += 1;
            if end.is_some() {
                return end;
            }
        }
        None
    }
}

/// A part of a file read without a problem, and its ids' sorted hashes.
type Part = (Builder, Vec<u64>);

/// Reads `body` in `parts` parts at once and joins them, or `None` when any part finds
/// a problem, the parts hold too many responses together, or an id repeats: the
/// caller then reads the file in one go for the exact report.
fn read_parts(
    survey: &Survey,
    h: &Header,
    body: &[u8],
    limits: &Limits,
    progress: &mut dyn FnMut(usize),
    parts: usize,
) -> Option<Responses> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let bounds = record_bounds(body, parts);
    // Bytes read by all parts together.
    let read = AtomicUsize::new(0);
    let run = |part: &[usize], tick: &mut dyn FnMut(usize)| {
        let mut problems = Problems::new("");
        let mut last = 0;
        let rows = &body[part[0]..part[1]];
        let (b, _) = read_rows(survey, h, rows, 0, limits, &mut problems, &mut |at| {
            tick(read.fetch_add(at - last, Ordering::Relaxed) + at - last);
            last = at;
        });
        // Ids that repeat within the part, or ids the parts share, send the file the
        // slow way.
        let hashes = id_hashes(&b);
        let unique = hashes.windows(2).all(|w| w[0] != w[1]);
        (problems.list.is_empty() && unique).then_some((b, hashes))
    };
    let mut next_progress = PROGRESS_STEP;
    let mut main_tick = |total: usize| {
        let at = h.body + total;
        if at >= next_progress {
            progress(at);
            next_progress = at + PROGRESS_STEP;
        }
    };
    #[cfg(not(target_arch = "wasm32"))]
    let done: Vec<Option<Part>> = std::thread::scope(|scope| {
        let run = &run;
        let others: Vec<_> = bounds[1..]
            .windows(2)
            .map(|part| scope.spawn(move || run(part, &mut |_| {})))
            .collect();
        let mut all = vec![run(&bounds[..2], &mut main_tick)];
        all.extend(
            others
                .into_iter()
                .map(|t| t.join().expect("a part panicked")),
        );
        all
    });
    #[cfg(target_arch = "wasm32")]
    let done: Vec<Option<Part>> = bounds
        .windows(2)
        .map(|part| run(part, &mut main_tick))
        .collect();
    let (builders, hashes): (Vec<_>, Vec<_>) = done
        .into_iter()
        .collect::<Option<Vec<_>>>()?
        .into_iter()
        .unzip();
    if hashes_meet(&hashes) {
        return None;
    }
    let b = Builder::join(builders)?;
    (b.ids.len() <= limits.max_rows).then(|| b.finish(survey))
}

/// `parts + 1` offsets into `body`, which starts at a record: 0, then for each
/// `k · len / parts` the start of the first record at or after it, then `len`.
fn record_bounds(body: &[u8], parts: usize) -> Vec<usize> {
    let len = body.len();
    let targets = (1..parts).map(|k| k * len / parts);
    let mut out = vec![0];
    if !body.contains(&b'"') {
        // Every line break ends a record.
        for t in targets {
            let next = body[t..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(len, |i| t + i + 1);
            out.push(next);
        }
    } else {
        // A line break ends a record outside quotes only.
        let mut ends = RecordEnds::new(body).peekable();
        for t in targets {
            while ends.next_if(|&e| e <= t).is_some() {}
            out.push(ends.peek().copied().unwrap_or(len));
        }
    }
    out.push(len);
    out
}

/// What a CSV file's header says: which field holds what.
struct Header {
    cols: Vec<(usize, Col)>,
    names: Vec<String>,
    width: usize,
    /// Per entry of `cols`: how its usual values are read straight from the bytes.
    fast: Vec<Fast>,
    /// The questions without a column: missing in every row.
    absent: Vec<usize>,
    /// The byte at which the records after the header start.
    body: usize,
}

/// Reads the header row of `bytes`; `None` (with the problems added) when it does not
/// fit `survey`.
fn read_header(survey: &Survey, bytes: &[u8], problems: &mut Problems<'_>) -> Option<Header> {
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

/// Where [`read_rows`] takes its records from. A body without quotes, in which every
/// carriage return ends a line (`\r\n`), is split at line breaks and commas by hand
/// ([`PlainRecords`]): the same records the csv crate reads (a test compares the two on
/// random bodies), at less cost. Any other body goes through the csv crate
/// ([`CsvRecords`]).
trait Records {
    /// Moves to the next record: the 1-based line and the byte it starts at, `None`
    /// at the end, or the csv crate's complaint and its line.
    fn next(&mut self) -> Result<Option<(u64, usize)>, (u64, String)>;
    /// The number of fields of the current record.
    fn len(&self) -> usize;
    /// Field `i` of the current record.
    fn get(&self, i: usize) -> &[u8];
}

struct CsvRecords<'b> {
    body: &'b [u8],
    reader: csv::Reader<&'b [u8]>,
    record: csv::ByteRecord,
    /// Bytes of `body` whose line breaks are counted in `line`.
    counted: usize,
    /// The 1-based line of byte `counted`.
    line: u64,
}

impl<'b> CsvRecords<'b> {
    fn new(body: &'b [u8]) -> Self {
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
struct PlainRecords<'b> {
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
    fn new(body: &'b [u8]) -> Self {
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
fn is_plain(body: &[u8]) -> bool {
    memchr::memchr_iter(b'\r', body).all(|i| body.get(i + 1) == Some(&b'\n'))
}

/// Reads the records of `body` (which starts at a record, on line `line0 + 1` of the
/// file) into a builder, adding the problems found; also returns each response's line.
/// Calls `tick` with the bytes of `body` read so far every 1,024 records.
fn read_rows(
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
        lines.push(line);
    }
    (b, lines)
}

/// Checks one answer in the response JSON format against its question; the error
/// says what was expected.
pub fn check_json_answer(q: &Question, v: &Value) -> Result<(), Message> {
    json_answer(q, v).map(|_| ())
}

fn json_answer<'a>(q: &Question, v: &'a Value) -> Result<Answer<'a>, Message> {
    let bad = || match &q.kind {
        // In JSON a multi answer is an array, not ids joined with ';' as in CSV.
        QuestionKind::Multi { .. } => Message::new("cell-not-option-array")
            .with("value", v.to_string())
            .with("options", options_of(q)),
        _ => not_value(q, v.to_string()),
    };
    match (&q.kind, v) {
        (_, Value::Null) => Ok(Answer::Missing),
        (QuestionKind::Scale { .. } | QuestionKind::Nps { .. }, Value::Number(n)) => {
            match n.as_u64() {
                Some(x) => match (&q.kind, x) {
                    (QuestionKind::Scale { points, .. }, 1..=11) if x <= u64::from(*points) => {
                        Ok(Answer::Code(x as u8))
                    }
                    (QuestionKind::Nps { .. }, 0..=10) => Ok(Answer::Code(x as u8 + 1)),
                    _ => Err(bad()),
                },
                _ => Err(bad()),
            }
        }
        (
            QuestionKind::Number {
                min, max, integer, ..
            },
            Value::Number(n),
        ) => match n.as_f64() {
            Some(x)
                if x.is_finite()
                    && (*min..=*max).contains(&x)
                    && (!integer || x.fract() == 0.0) =>
            {
                Ok(Answer::Number(x))
            }
            _ => Err(bad()),
        },
        (QuestionKind::Choice { .. } | QuestionKind::Text { .. }, Value::String(s)) => {
            parse_cell(q, s)
        }
        (QuestionKind::YesNo, Value::Bool(b)) => Ok(Answer::Code(if *b { 1 } else { 2 })),
        (QuestionKind::YesNo, Value::String(s)) => parse_cell(q, s),
        (QuestionKind::Multi { .. }, Value::Array(items)) => {
            if items.is_empty() {
                return Ok(Answer::Missing);
            }
            let mut set = 0u64;
            for it in items {
                let Value::String(s) = it else {
                    return Err(bad());
                };
                match option_code(q, s) {
                    Some(c) if set & (1 << (c - 1)) == 0 => set |= 1 << (c - 1),
                    Some(_) => return Err(option_twice(s)),
                    None => return Err(not_option(q, s)),
                }
            }
            Ok(Answer::Multi(set))
        }
        _ => Err(bad()),
    }
}

/// Reads a JSON response file (see `docs/survey-format.md`) for `survey`.
pub fn read_json(
    survey: &Survey,
    file: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Responses, ImportError> {
    let mut problems = Problems::new(file);
    if bytes.len() > limits.max_bytes {
        problems.add(
            Location::File,
            Message::new("file-too-large")
                .with("size", bytes.len())
                .with("max", limits.max_bytes),
        );
        return problems.finish(Responses::empty(survey));
    }
    binary_first(bytes, &mut problems);
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let doc: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or_default().to_owned();
            problems.add(
                Location::Position {
                    line: e.line(),
                    column: e.column(),
                },
                Message::new("json-invalid").with("detail", msg),
            );
            return problems.finish(Responses::empty(survey));
        }
    };
    let path = |p: &str| Location::Path(p.to_owned());
    let Value::Object(top) = &doc else {
        problems.add(Location::File, Message::new("json-not-document"));
        return problems.finish(Responses::empty(survey));
    };
    for key in top.keys() {
        if !["format", "survey", "version", "responses"].contains(&key.as_str()) {
            problems.add(
                path(key),
                Message::new("json-unknown-field")
                    .with("expected", "format, survey, version, responses"),
            );
        }
    }
    match top.get("format") {
        Some(Value::String(s)) if s == "otklik-responses" => {}
        other => problems.add(
            path("format"),
            Message::new("json-expected-found")
                .with("expected", "\"otklik-responses\"")
                .with("found", found(other)),
        ),
    }
    match top.get("survey") {
        Some(Value::String(s)) if *s == survey.id => {}
        other => problems.add(
            path("survey"),
            Message::new("json-expected-found")
                .with("expected", format!("{:?}", survey.id))
                .with("found", found(other)),
        ),
    }
    let doc_version = match top.get("version") {
        None => 1,
        Some(v) => match json_version(survey, v) {
            Ok(v) => v,
            Err(e) => {
                problems.add(path("version"), e);
                1
            }
        },
    };
    let items = match top.get("responses") {
        Some(Value::Array(items)) => items.as_slice(),
        other => {
            problems.add(
                path("responses"),
                Message::new("json-expected-array").with("found", found(other)),
            );
            &[]
        }
    };
    if items.len() > limits.max_rows {
        problems.add(
            Location::File,
            Message::new("json-too-many-rows")
                .with("count", items.len())
                .with("max", limits.max_rows),
        );
        return problems.finish(Responses::empty(survey));
    }
    let mut b = Builder::new(survey, items.len());
    let mut row_answers: Vec<Answer<'_>> = vec![Answer::Missing; survey.questions.len()];
    let mut indices = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if problems.full() {
            break;
        }
        let p = format!("responses[{i}]");
        let Value::Object(r) = item else {
            problems.add(path(&p), Message::new("json-not-response"));
            continue;
        };
        let mut ok = true;
        for key in r.keys() {
            if !["id", "period", "version", "answers"].contains(&key.as_str()) {
                problems.add(
                    path(&format!("{p}.{key}")),
                    Message::new("json-unknown-field")
                        .with("expected", "id, period, version, answers"),
                );
                ok = false;
            }
        }
        let id = match r.get("id") {
            Some(Value::String(s)) if s.is_empty() => {
                problems.add(
                    path(&format!("{p}.id")),
                    Message::new("response-id-required"),
                );
                ok = false;
                ""
            }
            Some(Value::String(s)) => match check_response_id(s) {
                Ok(()) => s.as_str(),
                Err(e) => {
                    problems.add(path(&format!("{p}.id")), bad_id(s, e));
                    ok = false;
                    ""
                }
            },
            _ => {
                problems.add(path(&format!("{p}.id")), Message::new("json-id-required"));
                ok = false;
                ""
            }
        };
        let period = match r.get("period") {
            Some(Value::String(s)) => match b.period_code(s) {
                Ok(c) => Some(c),
                Err(e) => {
                    problems.add(path(&format!("{p}.period")), e);
                    None
                }
            },
            _ => {
                problems.add(
                    path(&format!("{p}.period")),
                    Message::new("json-period-required"),
                );
                None
            }
        };
        let version = match r.get("version") {
            None => doc_version,
            Some(v) => match json_version(survey, v) {
                Ok(v) => v,
                Err(e) => {
                    problems.add(path(&format!("{p}.version")), e);
                    ok = false;
                    doc_version
                }
            },
        };
        row_answers.iter_mut().for_each(|a| *a = Answer::Missing);
        match r.get("answers") {
            Some(Value::Object(answers)) => {
                for (qid, v) in answers {
                    let ap = format!("{p}.answers.{qid}");
                    match survey.question_index(qid) {
                        None => {
                            problems.add(
                                path(&ap),
                                Message::new("json-no-question")
                                    .with("question", format!("{qid:?}"))
                                    .with("survey", format!("{:?}", survey.id)),
                            );
                            ok = false;
                        }
                        Some(q) => match json_answer(&survey.questions[q], v) {
                            Ok(a) => row_answers[q] = a,
                            Err(e) => {
                                problems.add(path(&ap), e);
                                ok = false;
                            }
                        },
                    }
                }
            }
            None => {}
            Some(other) => {
                problems.add(
                    path(&format!("{p}.answers")),
                    Message::new("json-expected-answers").with("found", other.to_string()),
                );
                ok = false;
            }
        }
        if !ok || period.is_none() || !problems.list.is_empty() {
            continue;
        }
        b.ids.push(id);
        b.period.push(period.unwrap_or_default());
        b.version.push(version);
        for (col, a) in b.columns.iter_mut().zip(&row_answers) {
            push(col, *a);
        }
        indices.push(i);
    }
    if problems.list.is_empty() {
        duplicate_ids(&b, |row, first| {
            problems.add(
                path(&format!("responses[{}].id", indices[row])),
                Message::new("response-id-duplicate-path")
                    .with("id", format!("{:?}", b.ids.get(row)))
                    .with("first", format!("responses[{}]", indices[first])),
            )
        });
    }
    problems.finish(()).map(|()| b.finish(survey))
}

/// A JSON value found where something else was expected, or "nothing".
fn found(v: Option<&Value>) -> Arg {
    match v {
        Some(v) => Arg::from(v.to_string()),
        None => Arg::from(Message::new("json-nothing")),
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

/// Whether a response file that starts with `start` is JSON (`{` first, after blanks
/// and a byte-order mark) rather than CSV, as [`read_any`] tells them apart; `None`
/// while `start` holds nothing else yet.
pub fn is_json(start: &[u8]) -> Option<bool> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    if start.len() < BOM.len() && BOM.starts_with(start) {
        return None;
    }
    let body = start.strip_prefix(BOM).unwrap_or(start);
    body.iter()
        .find(|b| !b.is_ascii_whitespace())
        .map(|&b| b == b'{')
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

#[cfg(test)]
mod tests {
    use super::{any_repeat, is_plain, parse_cell, CsvRecords, Fast, PlainRecords, Records};
    use proptest::prelude::*;

    /// A record as its line, its first byte and its fields.
    type Record = (u64, usize, Vec<Vec<u8>>);

    /// Every record of `body`, and the line of the complaint that ended them, if any.
    fn all(mut r: impl Records) -> (Vec<Record>, Option<u64>) {
        let mut out = Vec::new();
        loop {
            match r.next() {
                Ok(Some((line, byte))) => out.push((
                    line,
                    byte,
                    (0..r.len()).map(|i| r.get(i).to_vec()).collect(),
                )),
                Ok(None) => return (out, None),
                Err((line, _)) => return (out, Some(line)),
            }
        }
    }

    /// A million spread values (sixteen bits of buckets) without a repeat, then with
    /// one: the first, a middle and the last value, again at the end.
    #[test]
    fn any_repeat_finds_one_repeat_among_a_million() {
        let mut many: Vec<u64> = (0..1_000_000u64)
            .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .collect();
        assert!(!any_repeat(&many));
        for at in [0, 500_000, 999_999] {
            many.push(many[at]);
            assert!(any_repeat(&many), "the value at {at}");
            many.pop();
        }
    }

    #[test]
    fn lone_carriage_returns_go_through_the_csv_crate() {
        for body in [&b"a\rb\n"[..], b"a,b\r", b"\"a\rb\"\n"] {
            assert!(!is_plain(body));
        }
        for body in [&b"a,b\r\nc\n"[..], b"", b"\n\n", b"a;b\n\r\n", b"a,\"b\"\n"] {
            assert!(is_plain(body));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        /// The bucketed check finds a repeat exactly when sorting shows one, on values
        /// drawn from a few (so that they repeat, in the same or in different buckets).
        #[test]
        fn any_repeat_finds_what_sorting_finds(
            few in proptest::collection::vec(0u64..8, 0..64),
            shift in 0u32..64,
            spread in any::<bool>(),
        ) {
            let mix = |v: u64| if spread { v.wrapping_mul(0x9e37_79b9_7f4a_7c15) } else { 0 };
            let values: Vec<u64> = few.iter().map(|&v| (v << shift) ^ mix(v)).collect();
            let mut sorted = values.clone();
            sorted.sort_unstable();
            prop_assert_eq!(any_repeat(&values), sorted.windows(2).any(|w| w[0] == w[1]));
        }

        /// Whatever the fast way reads from a cell, `parse_cell` reads the same.
        #[test]
        fn fast_cells_read_what_parse_cell_reads(
            cell in "(|-|\\.|0|00|1|5|7|9|10|11|12|600|601|1e2|1.5|0.05|6.50|0.1|3.3333333|a|b|ab| |;|ж){0,4}",
        ) {
            let survey = crate::Survey::from_json(
                r#"{"id":"s","version":1,"audience":"external","title":"S","questions":[
                {"id":"sc","type":"scale","points":7,"text":"t"},
                {"id":"np","type":"nps","text":"t"},
                {"id":"ch","type":"choice","text":"t","options":[{"id":"a","label":"A"},{"id":"ab","label":"AB"},{"id":"10","label":"10"}]},
                {"id":"nu","type":"number","min":5,"max":600,"text":"t"},
                {"id":"wh","type":"number","min":0,"max":1000000,"integer":true,"text":"t"},
                {"id":"de","type":"number","min":0,"max":1000000,"text":"t"}]}"#,
            ).unwrap();
            for q in &survey.questions {
                let fast = Fast::for_kind(&q.kind);
                if let Some(a) = fast.read(cell.as_bytes()) {
                    prop_assert_eq!(Ok(a), parse_cell(q, &cell), "{}", q.id);
                }
            }
        }

        /// On a body without quotes and lone carriage returns, the split by hand reads
        /// the very records, lines and offsets that the csv crate reads: blank lines,
        /// `\r\n`, empty fields, a last line without a break, ragged rows.
        #[test]
        fn plain_split_reads_what_the_csv_crate_reads(
            body in proptest::collection::vec(
                prop_oneof![
                    4 => Just(b"a".to_vec()),
                    2 => Just(b"12".to_vec()),
                    1 => Just("ж".as_bytes().to_vec()),
                    1 => Just(b" ".to_vec()),
                    1 => Just(b";".to_vec()),
                    1 => Just(b"abcdefghijk".to_vec()),
                    4 => Just(b",".to_vec()),
                    3 => Just(b"\n".to_vec()),
                    2 => Just(b"\r\n".to_vec()),
                    // Quoted fields (closed, as the importer requires before reading):
                    // with a comma, a doubled quote, line breaks; empty; and a quote in
                    // the middle of a field, which is a plain character.
                    1 => Just(b"\"a,b\"".to_vec()),
                    1 => Just(b"\"x\"\"y\"".to_vec()),
                    1 => Just(b"\"l1\nl2\r\nl3\"".to_vec()),
                    1 => Just(b"\"\"".to_vec()),
                    1 => Just(b"ab\"c".to_vec()),
                ],
                0..60,
            ).prop_map(|parts| parts.concat())
        ) {
            prop_assume!(super::unclosed_quote(&body).is_none());
            prop_assert!(is_plain(&body));
            prop_assert_eq!(all(PlainRecords::new(&body)), all(CsvRecords::new(&body)));
        }
    }
}
