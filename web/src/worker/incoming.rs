//! The files that come with a request, read from their `Blob`s chunk by chunk by the
//! worker script. A CSV response file being checked is read as it arrives
//! (`import::CsvStream`): only complete records are kept, never the whole file, and
//! its SHA-256 is computed on the way. Any other file (JSON, a file that comes with a
//! `load`, or one read again whole because it has a problem to report) is kept whole.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use otklik_survey::import::{is_json, CsvStream, Limits, PROGRESS_STEP};
use otklik_survey::{Responses, Survey};
use sha2::{Digest, Sha256};
use wasm_bindgen::prelude::*;

use super::protocol::Request;
use super::{report_progress, PROGRESS};

/// A file read as it arrived: its responses (`None`: it must be read again whole, for
/// the report of its problems) and the SHA-256 of its bytes.
pub(super) struct Streamed {
    pub data: Option<Responses>,
    pub sha256: String,
}

enum Kind {
    /// Nothing but blanks (and a byte-order mark) so far: CSV or JSON is not known yet.
    Undecided(Vec<u8>),
    Whole(Vec<u8>),
    Csv(Box<CsvStream<Rc<Survey>>>),
}

struct File {
    size: usize,
    seen: usize,
    sha: Sha256,
    kind: Kind,
    next_progress: usize,
}

thread_local! {
    /// The survey of the `check` whose file is streaming (none: files are kept whole).
    static SURVEY: RefCell<Option<Rc<Survey>>> = const { RefCell::new(None) };
    static FILES: RefCell<Vec<File>> = const { RefCell::new(Vec::new()) };
    static READING: Cell<usize> = const { Cell::new(0) };
    /// The last request's file must be sent again, whole.
    static AGAIN: Cell<bool> = const { Cell::new(false) };
    /// The files of the request being handled that were read as they arrived.
    static STREAMED: RefCell<Vec<Option<Streamed>>> = const { RefCell::new(Vec::new()) };
}

/// The worker script announces the request whose files follow (`whole`: read them
/// whole, as a file that had a problem is sent again), and where progress goes.
#[wasm_bindgen]
pub fn worker_files_for(request: &str, whole: bool, progress: js_sys::Function) {
    let survey = match serde_json::from_str(request) {
        Ok(Request::Check {
            survey,
            blob: Some(_),
            ..
        }) if !whole => Survey::from_json(&survey).ok().map(Rc::new),
        _ => None,
    };
    SURVEY.with(|s| *s.borrow_mut() = survey);
    PROGRESS.with(|p| *p.borrow_mut() = Some(progress));
}

/// The worker script announces a file of `size` bytes that comes with the next
/// request (`first`: the request's first, so that nothing left of an earlier, failed
/// one mixes in); the files' bytes follow in order.
#[wasm_bindgen]
pub fn worker_file_begin(size: f64, first: bool) {
    let size = if size.is_finite() && size > 0.0 {
        size as usize
    } else {
        0
    };
    let streams = SURVEY.with(|s| s.borrow().is_some());
    FILES.with(|f| {
        let mut f = f.borrow_mut();
        if first {
            f.clear();
            READING.with(|r| r.set(0));
        }
        f.push(File {
            size,
            seen: 0,
            sha: Sha256::new(),
            kind: if streams {
                Kind::Undecided(Vec::new())
            } else {
                Kind::Whole(Vec::with_capacity(size))
            },
            next_progress: PROGRESS_STEP,
        });
    });
}

/// The next bytes of the file being read.
#[wasm_bindgen]
pub fn worker_file_chunk(chunk: &[u8]) {
    let i = READING.with(Cell::get);
    FILES.with(|f| {
        let mut f = f.borrow_mut();
        let Some(file) = f.get_mut(i) else { return };
        file.sha.update(chunk);
        file.seen += chunk.len();
        if let Kind::Undecided(start) = &mut file.kind {
            start.extend_from_slice(chunk);
            let Some(json) = is_json(start) else { return };
            let start = std::mem::take(start);
            file.kind = if json {
                Kind::Whole(start)
            } else {
                let survey = SURVEY.with(|s| s.borrow().clone()).expect("a survey");
                let mut csv = CsvStream::new(survey, &Limits::default());
                csv.push(&start);
                Kind::Csv(Box::new(csv))
            };
            return;
        }
        match &mut file.kind {
            Kind::Whole(bytes) => bytes.extend_from_slice(chunk),
            Kind::Csv(csv) => {
                csv.push(chunk);
                if file.seen >= file.next_progress {
                    report_progress(file.seen.min(file.size), file.size);
                    file.next_progress = file.seen + PROGRESS_STEP;
                }
            }
            Kind::Undecided(_) => unreachable!("handled above"),
        }
    });
}

/// The file being read is complete; the next bytes belong to the next one.
#[wasm_bindgen]
pub fn worker_file_end() {
    READING.with(|r| r.set(r.get() + 1));
}

/// Whether the last request's file must be sent again, whole: it has a problem, and
/// only a whole reading reports it exactly (line, column, every problem).
#[wasm_bindgen]
pub fn worker_read_again() -> bool {
    AGAIN.with(|a| a.replace(false))
}

/// The files announced since the last request: the bytes of those kept whole (empty
/// for the others); those read as they arrived wait for [`streamed`].
pub(super) fn take() -> Vec<Vec<u8>> {
    READING.with(|r| r.set(0));
    SURVEY.with(|s| s.borrow_mut().take());
    let files = FILES.with(|f| std::mem::take(&mut *f.borrow_mut()));
    let mut contents = Vec::with_capacity(files.len());
    let mut streamed = Vec::with_capacity(files.len());
    for file in files {
        match file.kind {
            Kind::Whole(bytes) | Kind::Undecided(bytes) => {
                contents.push(bytes);
                streamed.push(None);
            }
            Kind::Csv(csv) => {
                contents.push(Vec::new());
                streamed.push(Some(Streamed {
                    data: csv.finish(),
                    sha256: format!("{:x}", file.sha.finalize()),
                }));
            }
        }
    }
    STREAMED.with(|s| *s.borrow_mut() = streamed);
    contents
}

/// The `i`-th file of the request being handled, if it was read as it arrived; when it
/// must be read again whole, the worker script is told so ([`worker_read_again`]).
pub(super) fn streamed(i: usize) -> Option<Streamed> {
    let s = STREAMED.with(|s| s.borrow_mut().get_mut(i).and_then(Option::take))?;
    if s.data.is_none() {
        AGAIN.with(|a| a.set(true));
    }
    Some(s)
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::worker::{handle, worker_request_progress};
    use serde_json::{json, Value};
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// `request` with `file` beside it, sent as the worker script sends it, in chunks
    /// of `chunk` bytes (`whole`: as a file sent again); the reply, and whether the file
    /// is asked for again.
    fn send(request: &Value, file: &[u8], chunk: usize, whole: bool) -> (Value, bool) {
        let noop = js_sys::Function::new_no_args("");
        worker_files_for(&request.to_string(), whole, noop.clone());
        worker_file_begin(file.len() as f64, true);
        for c in file.chunks(chunk) {
            worker_file_chunk(c);
        }
        worker_file_end();
        let reply = worker_request_progress(&request.to_string(), noop);
        (serde_json::from_str(&reply).unwrap(), worker_read_again())
    }

    /// A response file checked as it arrives gives the reply its text gives (the same
    /// count, key and SHA-256 of its bytes, a byte-order mark included), however it is
    /// cut; a file with a problem is asked for again and, sent again, gets the report
    /// its text gets; a JSON file is read whole.
    #[wasm_bindgen_test]
    fn a_file_checked_as_it_arrives_replies_what_its_text_replies() {
        let survey = otklik_demo::EXTERNAL_TEMPLATE;
        let def = Survey::from_json(survey).unwrap();
        let spec = otklik_demo::Spec {
            responses: Some(2000),
            ..otklik_demo::Spec::default()
        };
        let csv = [
            b"\xEF\xBB\xBF".as_slice(),
            &otklik_demo::generate_csv(&def, &spec, 4),
        ]
        .concat();
        let check = |name: &str| json!({"cmd": "check", "survey": survey, "name": name, "blob": 0});
        let by_text = |name: &str, bytes: &[u8]| -> Value {
            let text = String::from_utf8(bytes.to_vec()).unwrap();
            let r = handle(
                &json!({"cmd": "check", "survey": survey, "name": name, "text": text}).to_string(),
            );
            serde_json::from_str(&r).unwrap()
        };
        let good = by_text("a.csv", &csv);
        assert_eq!(good["ok"], true, "{good}");
        assert_eq!(
            good["sha256"],
            otklik_report::sha256_hex(&csv),
            "the text path hashes the bytes"
        );
        for chunk in [1, 7, 4096, 1 << 20] {
            assert_eq!(
                send(&check("a.csv"), &csv, chunk, false),
                (good.clone(), false)
            );
        }
        // A bad cell in the middle.
        let text = String::from_utf8(csv.clone()).unwrap();
        let at = text.match_indices('\n').nth(1000).unwrap().0 + 1;
        let bad = [&csv[..at], b"broken,", &csv[at..]].concat();
        let report = by_text("bad.csv", &bad);
        assert_eq!(report["ok"], false);
        assert!(
            report["errors"][0]["en"]
                .as_str()
                .unwrap()
                .contains("bad.csv:1002"),
            "{report}"
        );
        let (first, again) = send(&check("bad.csv"), &bad, 4096, false);
        assert!(again, "{first}");
        assert_eq!(send(&check("bad.csv"), &bad, 4096, true), (report, false));
        // A JSON file.
        let json_file = otklik_survey::export::to_json(
            &def,
            &otklik_survey::import::read_csv(&def, "a.csv", &csv, &Default::default()).unwrap(),
            &[0, 1, 2],
        );
        let by_json = by_text("a.json", json_file.as_bytes());
        assert_eq!(by_json["ok"], true, "{by_json}");
        assert_eq!(
            send(&check("a.json"), json_file.as_bytes(), 100, false),
            (by_json, false)
        );
    }
}
