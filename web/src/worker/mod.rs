//! The analytics engine behind a message interface, run in a Web Worker so that the
//! page stays responsive (and on the page itself where workers are unavailable).
//!
//! Requests and replies are JSON text; a request may come with files (`Blob`s, which
//! the worker script streams into [`INCOMING`]), each named in the request by its
//! place, `"blob": i`. Data sets are kept between requests under a token chosen by
//! the page, so that requests about different data never mix:
//! - `{"cmd":"load","token":T,"survey":DEF,"files":[{"name","key","blob"}],"demo":B}` →
//!   `{"ok":true,"reports":[…],"total":N,"periods":[…]}` (the built-in demo data
//!   when `demo` is true). A file given by its `key` alone is one this worker read
//!   (checked or loaded) under that key, name and definition; when it no longer holds
//!   one: `{"ok":false,"missing":[key…]}`, and nothing changes
//! - `{"cmd":"check","survey":DEF,"name":N,"blob":0}` →
//!   `{"ok":true,"responses":N,"key":K,"sha256":H}` or `{"ok":false,"errors":[…]}`:
//!   validates a file whole, stores nothing but keeps what it read under its key
//!   (the first 32 hex digits of its SHA-256) for a `load`; through
//!   [`worker_request_progress`], reports `{"done":D,"total":T}` bytes on the way.
//!   (`"text"` instead of `"blob"` gives the content inline, for tests.)
//! - `{"cmd":"analyze","token":T,"by":[…],"texts":B}` → `{"ok":true,"analysis":{…}}`
//! - `{"cmd":"analyze_many","token":T,"groupings":[[…],…]}` → `{"ok":true,"analyses":[…]}`:
//!   nested groupings in one pass (no free texts)
//! - `{"cmd":"export","token":T,"format":"csv"|"json","seed":S}` → `{"ok":true,"text":…}`
//! - `{"cmd":"report","tokens":[T…],"params":{…},"format":"html"|"docx"|"xlsx"|"csv"}` →
//!   `{"ok":true,"generated":…,"text":…}` (HTML) or `{"ok":true,"generated":…,"base64":…}`:
//!   the yearly report of the loaded data sets; the last report model is kept, so that
//!   the other formats of the same report are only rendered. `"format":"charts"` →
//!   `{"ok":true,"charts":[SVG…]}`: the charts, for the page to draw as PNG and send
//!   back as `"images":[base64…]` with `"format":"docx"`

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use base64::prelude::*;

use otklik_analytics::{Key, Params};
use otklik_report::{FileHash, Report};
use otklik_survey::collection::merge_read;
use otklik_survey::import::{self, ImportError, Limits};
use otklik_survey::{Lang, Message, Responses, Survey};
use otklik_wasm::api::{self, Data, MergeFormat, ReportFormat};

use crate::i18n::{t, Both};
use wasm_bindgen::prelude::*;

mod helper;
mod incoming;
pub mod protocol;

use protocol::{
    encode, Analyzed, AnalyzedMany, Checked, Exported, Failure, FileIn, FileRead, FileReport,
    Loaded, Outcome, Reply, ReportCharts, ReportFile, ReportParams, Request,
};

struct DataSet {
    token: String,
    /// Which loading of `token` this is (the helper's rows name it).
    generation: u64,
    /// The survey, its responses, the files' hashes, and the data set's suppression
    /// pattern, made on its first analysis: kept as the analytics module keeps them.
    set: Data,
}

impl std::ops::Deref for DataSet {
    type Target = Data;
    fn deref(&self) -> &Data {
        &self.set
    }
}

/// The most recent data sets (a few, to bound memory).
const KEEP: usize = 3;

thread_local! {
    static SETS: RefCell<VecDeque<DataSet>> = const { RefCell::new(VecDeque::new()) };
    static GENERATION: Cell<u64> = const { Cell::new(0) };
    /// The last report built: its request (tokens and parameters) and the model.
    static LAST_REPORT: RefCell<Option<(String, Rc<Report>)>> = const { RefCell::new(None) };
}

/// The content a request gives a file: its `blob`-th file (taken, so that it is freed
/// once read), else its `text`.
fn content(text: Option<String>, blob: Option<usize>, files: &mut [Vec<u8>]) -> Option<Vec<u8>> {
    match blob {
        Some(i) => files.get_mut(i).map(std::mem::take),
        None => text.map(String::into_bytes),
    }
}

/// A file read without a problem, kept so that loading it needs neither its text
/// again nor a second reading.
struct Read {
    key: String,
    /// SHA-256 of the definition it was read against.
    definition: String,
    name: String,
    data: Rc<Responses>,
    hash: FileHash,
}

/// Responses in the files kept (the oldest go first).
const READ_ROWS: usize = 2_000_000;

thread_local! {
    static READ: RefCell<VecDeque<Read>> = const { RefCell::new(VecDeque::new()) };
}

/// Keeps `data`, read from the file `hash` names against the definition whose
/// SHA-256 is `definition`, under `key`.
fn remember(key: &str, definition: &str, data: Rc<Responses>, hash: FileHash) {
    READ.with(|r| {
        let mut r = r.borrow_mut();
        r.retain(|f| !(f.key == key && f.definition == definition && f.name == hash.name));
        r.push_back(Read {
            key: key.to_owned(),
            definition: definition.to_owned(),
            name: hash.name.clone(),
            data,
            hash,
        });
        while r.iter().map(|f| f.data.len()).sum::<usize>() > READ_ROWS && r.len() > 1 {
            r.pop_front();
        }
    });
}

/// `f` of what [`remember`] kept under `key`, `name` and `definition`, if it did.
fn kept<T>(key: &str, definition: &str, name: &str, f: impl FnOnce(&Read) -> T) -> Option<T> {
    READ.with(|r| {
        r.borrow()
            .iter()
            .find(|r| r.key == key && r.definition == definition && r.name == name)
            .map(f)
    })
}

/// Every problem of a rejected file (and, when more were found, the line that says
/// so) in both languages, `{"ru": …, "en": …}`: the page shows the reader's.
fn problems(e: &ImportError) -> Vec<Both> {
    let (ru, en) = (e.render(Lang::Ru), e.render(Lang::En));
    ru.into_iter()
        .zip(en)
        .map(|(ru, en)| Both::Two { ru, en })
        .collect()
}

/// A message in both languages, as [`problems`] sends each problem.
fn both(m: &Message) -> Both {
    Both::of(|l| m.render(l))
}

/// A failed request's reply: its error, in both languages unless only a bug could
/// cause it.
fn fail<T>(error: Both) -> Reply<T> {
    Err(Failure::of(error))
}

/// The reply to a request for a data set this worker no longer holds (it keeps the
/// last [`KEEP`]): reloading the page loads it again.
fn not_loaded() -> Both {
    Both::of(|l| t(l, "worker-not-loaded"))
}

fn with_set<T>(token: &str, f: impl FnOnce(&DataSet) -> Reply<T>) -> Reply<T> {
    SETS.with(|s| match s.borrow().iter().find(|l| l.token == token) {
        Some(l) => f(l),
        None => fail(not_loaded()),
    })
}

/// A file's responses and hash, or why it cannot be read.
type Reading = Result<(Rc<Responses>, FileHash), ImportError>;

fn load(
    token: String,
    source: &str,
    files: Vec<FileIn>,
    demo: bool,
    contents: &mut [Vec<u8>],
) -> Reply<Loaded> {
    let survey = match Survey::from_json(source) {
        Ok(s) => s,
        Err(e) => return fail(Both::of(|l| e.render(l))),
    };
    let definition = FileHash::of(format!("{}.json", survey.id), source.as_bytes());
    let missing: Vec<&str> = files
        .iter()
        .filter(|f| f.text.is_none() && f.blob.is_none())
        .map(|f| (f.key.as_deref().unwrap_or_default(), f.name.as_str()))
        .filter(|&(key, name)| kept(key, &definition.sha256, name, |_| ()).is_none())
        .map(|(key, _)| key)
        .collect();
    if !missing.is_empty() {
        return Err(Failure {
            missing: missing.into_iter().map(str::to_owned).collect(),
            ..Failure::default()
        });
    }
    let read_one = |name: &str, bytes: &[u8]| {
        import::read_any(&survey, name, bytes, &Limits::default())
            .map(|data| (Rc::new(data), FileHash::of(name, bytes)))
    };
    let mut read: Vec<(String, Reading)> = Vec::new();
    if demo {
        let seed = if survey.id == "internal-client" {
            2026
        } else {
            2027
        };
        let bytes = otklik_demo::generate_csv(&survey, &otklik_demo::Spec::default(), seed);
        read.push(("demo".to_owned(), read_one("demo", &bytes)));
    }
    for f in files {
        let key = f.key.clone().unwrap_or_default();
        let one = match content(f.text, f.blob, contents) {
            Some(bytes) => {
                let one = read_one(&f.name, &bytes);
                if let (Ok((data, hash)), Some(key)) = (&one, &f.key) {
                    remember(key, &definition.sha256, data.clone(), hash.clone());
                }
                one
            }
            None => Ok(kept(&key, &definition.sha256, &f.name, |r| {
                (r.data.clone(), r.hash.clone())
            })
            .expect("checked above")),
        };
        read.push((f.name, one));
    }
    let names: Vec<String> = read.iter().map(|(n, _)| n.clone()).collect();
    let hashes: Vec<FileHash> = read
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok().map(|(_, h)| h.clone()))
        .collect();
    let (data, reports) = merge_read(
        &survey,
        read.into_iter().map(|(n, r)| (n, r.map(|(d, _)| d))),
    );
    let reports: Vec<FileReport> = reports
        .into_iter()
        .zip(names)
        .map(|(r, name)| match r {
            Ok(r) => FileReport {
                name: r.name,
                outcome: Outcome(Ok(FileRead {
                    responses: r.responses as u64,
                    added: r.added as u64,
                    duplicates: r.duplicates as u64,
                    conflicts: r.conflicts,
                })),
            },
            Err(e) => FileReport {
                name,
                outcome: Outcome(Err(Failure {
                    errors: problems(&e),
                    ..Failure::default()
                })),
            },
        })
        .collect();
    let reply = Loaded {
        reports,
        total: data.len() as u64,
        periods: data.periods().iter().map(ToString::to_string).collect(),
        channels: data.has_channels(),
    };
    SETS.with(|s| {
        let mut s = s.borrow_mut();
        s.retain(|l| l.token != token);
        s.push_back(DataSet {
            token,
            generation: GENERATION.with(|g| {
                g.set(g.get() + 1);
                g.get()
            }),
            set: Data::new(survey, data, definition, hashes),
        });
        while s.len() > KEEP {
            s.pop_front();
        }
    });
    Ok(reply)
}

/// The parameters of a grouping the page names by its keys (`"period"`, a question id,
/// or several, comma-separated).
fn params_of(by: &[String], texts: bool) -> Params {
    Params {
        by: by.iter().flat_map(|k| Key::parse_list(k)).collect(),
        min_group: None,
        texts,
    }
}

/// Handles one request (JSON text) and returns the reply (JSON text).
#[cfg(all(test, target_arch = "wasm32"))]
pub fn handle(request: &str) -> String {
    handle_with(request, &mut [])
}

/// [`handle`] for a request that came with files (their bytes, in order): a file
/// names its content by its place (`"blob": i`).
pub fn handle_with(request: &str, contents: &mut [Vec<u8>]) -> String {
    match serde_json::from_str::<Request>(request) {
        Err(e) => encode::<()>(fail(Both::One(format!("bad request: {e}")))),
        Ok(Request::Load {
            token,
            survey,
            files,
            demo,
        }) => encode(load(token, &survey, files, demo, contents)),
        Ok(Request::Check {
            survey: source,
            name,
            text,
            blob,
            key,
            sha256,
        }) => encode(match Survey::from_json(&source) {
            Err(e) => fail(Both::of(|l| e.render(l))),
            Ok(survey) => {
                // Read as it arrived, or read now; and the SHA-256 of its bytes (as
                // `sha256sum` gives it), when none came with the request.
                let streamed = blob.and_then(incoming::streamed);
                let again = streamed.as_ref().is_some_and(|s| s.data.is_none());
                let read = match streamed {
                    Some(s) => s.data.map(|data| (Ok(data), Some(s.sha256))),
                    None => content(text, blob, contents).map(|bytes| {
                        let total = bytes.len();
                        let mut progress = |done: usize| report_progress(done, total);
                        let read = import::read_any_progress(
                            &survey,
                            &name,
                            &bytes,
                            &Limits::default(),
                            &mut progress,
                        );
                        let digest = (read.is_ok() && sha256.is_none())
                            .then(|| otklik_report::sha256_hex(&bytes));
                        (read, digest)
                    }),
                };
                match read {
                    // Streamed with a problem: the worker script sends the file again.
                    None if again => Err(Failure {
                        again: true,
                        ..Failure::default()
                    }),
                    None => fail(Both::One("no file content in the request".to_owned())),
                    Some((Ok(data), digest)) => {
                        // Its first 32 digits are the file's key on the device.
                        let hash = FileHash {
                            name,
                            sha256: sha256.or(digest).expect("a digest"),
                        };
                        let key = key.unwrap_or_else(|| hash.sha256[..32].to_owned());
                        let reply = Checked {
                            responses: data.len() as u64,
                            key: key.clone(),
                            sha256: hash.sha256.clone(),
                        };
                        let definition = otklik_report::sha256_hex(source.as_bytes());
                        remember(&key, &definition, Rc::new(data), hash);
                        Ok(reply)
                    }
                    Some((Err(e), _)) => Err(Failure {
                        errors: problems(&e),
                        truncated: Some(e.truncated),
                        ..Failure::default()
                    }),
                }
            }
        }),
        Ok(Request::AnalyzeMany { token, groupings }) => encode(with_set(&token, |l| {
            let list: Vec<Params> = groupings.iter().map(|by| params_of(by, false)).collect();
            match l.analyze_many(&list) {
                Ok(analyses) => Ok(AnalyzedMany { analyses }),
                Err(e) => fail(both(&e.message())),
            }
        })),
        Ok(Request::Analyze { token, by, texts }) => encode(with_set(&token, |l| {
            match l.analyze(&params_of(&by, texts)) {
                Ok(analysis) => Ok(Analyzed { analysis }),
                Err(e) => fail(both(&e.message())),
            }
        })),
        Ok(Request::Export {
            token,
            format,
            seed,
        }) => encode(with_set(&token, |l| {
            let format = if format == "json" {
                MergeFormat::Json
            } else {
                MergeFormat::Csv
            };
            let text = String::from_utf8(l.merged(format, seed)).expect("CSV and JSON are UTF-8");
            Ok(Exported { text })
        })),
        Ok(Request::Report {
            tokens,
            params,
            format,
            images,
        }) => report(&tokens, params, &format, images),
    }
}

/// The report of the data sets `tokens` in `format`.
fn report(
    tokens: &[String],
    params: ReportParams,
    format: &str,
    images: Option<Vec<String>>,
) -> String {
    let charts = format == "charts";
    let format = match format {
        "html" | "charts" => ReportFormat::Html,
        "docx" => ReportFormat::Docx,
        "xlsx" => ReportFormat::Xlsx,
        "csv" => ReportFormat::Csv,
        _ => return encode::<()>(fail(Both::One(format!("unknown format {format:?}")))),
    };
    let key = serde_json::to_string(&(tokens, &params)).expect("serialises");
    let cached = LAST_REPORT.with(|r| {
        r.borrow()
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, m)| m.clone())
    });
    let model = match cached {
        Some(m) => m,
        None => match build_report(tokens, params) {
            Ok(m) => {
                let m = Rc::new(m);
                LAST_REPORT.with(|r| *r.borrow_mut() = Some((key, m.clone())));
                m
            }
            Err(e) => return encode::<()>(fail(e)),
        },
    };
    if charts {
        let charts = model.charts().map(|c| c.svg.clone()).collect();
        return encode(Ok(ReportCharts { charts }));
    }
    let images = match images {
        Some(images) => match images.iter().map(|b| BASE64_STANDARD.decode(b)).collect() {
            Ok(images) => Some(images),
            Err(_) => return encode::<()>(fail(Both::One("a chart image is not base64".into()))),
        },
        None => None,
    };
    let generated = model.generated_recommendations.clone();
    encode(match api::render_report(&model, format, images) {
        Err(e) => fail(from_module(e)),
        Ok(bytes) if format == ReportFormat::Html => Ok(ReportFile {
            generated,
            text: Some(String::from_utf8(bytes).expect("HTML is UTF-8")),
            base64: None,
        }),
        Ok(bytes) => Ok(ReportFile {
            generated,
            text: None,
            base64: Some(BASE64_STANDARD.encode(bytes)),
        }),
    })
}

/// An error of the analytics module, in both languages.
fn from_module(e: api::OtklikError) -> Both {
    Both::Two {
        ru: e.message.ru,
        en: e.message.en,
    }
}

/// The report's model, or why not.
fn build_report(tokens: &[String], p: ReportParams) -> Result<Report, Both> {
    let options = api::ReportOptions {
        year: p.year,
        compare: p.compare,
        org: p.organisation,
        lang: Some(p.lang),
        format: ReportFormat::Html,
        date: p.prepared,
        recommendations: p.recommendations,
        min_group: None,
        images: None,
    };
    let params = api::report_params(&options).map_err(from_module)?;
    SETS.with(|s| {
        let sets = s.borrow();
        let chosen = tokens
            .iter()
            .map(|token| sets.iter().find(|l| l.token == *token).map(|l| &l.set))
            .collect::<Option<Vec<&Data>>>()
            .ok_or_else(not_loaded)?;
        api::build_report(&chosen, &params).map_err(from_module)
    })
}

thread_local! {
    /// Where the request being handled reports its progress (the worker script's
    /// callback; none on the page, which cannot repaint before the reply anyway).
    static PROGRESS: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Reports `done` of `total` bytes checked as `{"done":D,"total":T}`.
fn report_progress(done: usize, total: usize) {
    PROGRESS.with(|p| {
        if let Some(f) = &*p.borrow() {
            let p = protocol::Progress {
                done: done as u64,
                total: total as u64,
            };
            let msg = serde_json::to_string(&p).expect("progress serialises");
            f.call1(&JsValue::NULL, &JsValue::from_str(&msg)).ok();
        }
    });
}

/// The worker's entry point (called from the worker script): [`handle_with`] the
/// files announced since the last request, with a progress callback called with
/// JSON text (`{"done":D,"total":T}`) while a long request runs.
#[wasm_bindgen]
pub fn worker_request_progress(request: &str, progress: js_sys::Function) -> String {
    let mut contents = incoming::take();
    PROGRESS.with(|p| *p.borrow_mut() = Some(progress));
    let reply = handle_with(request, &mut contents);
    PROGRESS.with(|p| *p.borrow_mut() = None);
    reply
}

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    use super::handle;
    use serde_json::Value;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn reply(request: &str) -> Value {
        serde_json::from_str(&handle(request)).expect("the reply is JSON")
    }

    #[wasm_bindgen_test]
    fn failures_a_reader_can_meet_are_told_in_both_languages() {
        // A data set the worker does not hold (it keeps the last few).
        let r = reply(r#"{"cmd":"analyze","token":"gone","by":[]}"#);
        assert_eq!(r["ok"], false);
        let e = &r["errors"][0];
        assert!(
            e["ru"].as_str().unwrap().contains("Обновите страницу"),
            "{r}"
        );
        assert!(e["en"].as_str().unwrap().contains("Reload the page"), "{r}");
        // A definition with a problem.
        let r = reply(
            r#"{"cmd":"check","survey":"{\"id\":\"s\",\"version\":0}","name":"a.csv","text":""}"#,
        );
        assert_eq!(r["ok"], false);
        let e = &r["errors"][0];
        assert!(e["ru"].as_str().unwrap().contains("version"), "{r}");
        assert_ne!(e["ru"], e["en"], "{r}");
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod load_by_key_tests {
    use super::{handle, handle_with};
    use serde_json::{json, Value};
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn reply(request: &Value) -> Value {
        serde_json::from_str(&handle(&request.to_string())).expect("the reply is JSON")
    }

    /// A file the worker has checked loads by its key alone, as it loads by its text;
    /// one it does not hold is named as missing, and the data set loaded before stays.
    #[wasm_bindgen_test]
    fn a_checked_file_loads_by_its_key_and_a_missing_one_changes_nothing() {
        let survey = otklik_demo::INTERNAL_TEMPLATE;
        let def = otklik_survey::Survey::from_json(survey).unwrap();
        let spec = otklik_demo::Spec {
            responses: Some(300),
            ..otklik_demo::Spec::default()
        };
        let text = String::from_utf8(otklik_demo::generate_csv(&def, &spec, 7)).unwrap();
        let by_text = reply(&json!({"cmd": "load", "token": "t1", "survey": survey,
            "files": [{"name": "a.csv", "text": text}]}));
        assert_eq!(by_text["total"], 300, "{by_text}");
        let checked = reply(
            &json!({"cmd": "check", "survey": survey, "name": "a.csv", "text": text, "key": "k-a"}),
        );
        assert_eq!(checked["ok"], true, "{checked}");
        let by_key = reply(&json!({"cmd": "load", "token": "t2", "survey": survey,
            "files": [{"name": "a.csv", "key": "k-a"}]}));
        assert_eq!(by_key, by_text);
        let analyze =
            |token: &str| reply(&json!({"cmd": "analyze", "token": token, "by": ["period"]}));
        assert_eq!(analyze("t2"), analyze("t1"));
        // Under another name, or another definition, the key is not enough.
        let other_name = reply(&json!({"cmd": "load", "token": "t2", "survey": survey,
            "files": [{"name": "b.csv", "key": "k-a"}]}));
        assert_eq!(other_name, json!({"ok": false, "missing": ["k-a"]}));
        let other_def = reply(
            &json!({"cmd": "load", "token": "t2", "survey": otklik_demo::EXTERNAL_TEMPLATE,
            "files": [{"name": "a.csv", "key": "k-a"}]}),
        );
        assert_eq!(other_def, json!({"ok": false, "missing": ["k-a"]}));
        // Nothing changed: t2 still holds the 300 responses.
        assert_eq!(analyze("t2"), analyze("t1"));
    }

    /// A file that comes beside the request (as the page sends a `Blob`) is checked
    /// from its bytes and named by their SHA-256; loaded the same way, it gives what its
    /// text gives.
    #[wasm_bindgen_test]
    fn a_file_beside_the_request_is_named_by_the_sha_256_of_its_bytes() {
        let survey = otklik_demo::EXTERNAL_TEMPLATE;
        let def = otklik_survey::Survey::from_json(survey).unwrap();
        let spec = otklik_demo::Spec {
            responses: Some(200),
            ..otklik_demo::Spec::default()
        };
        // With a byte-order mark, as Excel writes CSV: it is part of the file's hash.
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(otklik_demo::generate_csv(&def, &spec, 9));
        let sha = otklik_report::sha256_hex(&bytes);
        let with = |request: Value, files: Vec<Vec<u8>>| -> Value {
            let mut files = files;
            serde_json::from_str(&handle_with(&request.to_string(), &mut files)).unwrap()
        };
        let checked = with(
            json!({"cmd": "check", "survey": survey, "name": "x.csv", "blob": 0}),
            vec![bytes.clone()],
        );
        assert_eq!(checked["ok"], true, "{checked}");
        assert_eq!(checked["responses"], 200);
        assert_eq!(checked["sha256"], sha.as_str());
        assert_eq!(checked["key"], &sha[..32]);
        // No content: a clear refusal, not a panic.
        let empty = with(
            json!({"cmd": "check", "survey": survey, "name": "x.csv", "blob": 1}),
            vec![bytes.clone()],
        );
        assert_eq!(empty["ok"], false, "{empty}");
        let by_blob = with(
            json!({"cmd": "load", "token": "b1", "survey": survey,
                "files": [{"name": "x.csv", "key": "other", "blob": 0}]}),
            vec![bytes.clone()],
        );
        let by_text = reply(&json!({"cmd": "load", "token": "b2", "survey": survey,
            "files": [{"name": "x.csv", "text": String::from_utf8(bytes).unwrap()}]}));
        assert_eq!(by_blob["total"], 200, "{by_blob}");
        assert_eq!(by_blob, by_text);
        // What the check kept loads by the key it gave.
        let by_key = reply(&json!({"cmd": "load", "token": "b3", "survey": survey,
            "files": [{"name": "x.csv", "key": &sha[..32]}]}));
        assert_eq!(by_key, by_text);
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod id_hash_tests {
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// The import's duplicate-id check takes its fast path only when no two ids share a
    /// hash: a 32-bit hash, as some are in WebAssembly, would give a million ids about
    /// a hundred shared hashes.
    #[wasm_bindgen_test]
    fn a_million_response_ids_have_a_million_hashes_in_webassembly() {
        let mut hashes: Vec<u64> = (0..1_000_000u32)
            .map(|i| otklik_survey::import::id_hash(&format!("r-{i:012x}")))
            .collect();
        hashes.sort_unstable();
        let shared = hashes.windows(2).filter(|w| w[0] == w[1]).count();
        assert_eq!(shared, 0);
    }
}
