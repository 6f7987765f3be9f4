//! Otklik's side of the browser benchmark (`bench/browser`): the page calls
//! [`load_csv`] (ingest) and then [`indicators`] (the three groupings).
//!
//! The responses live in a `thread_local` between the two calls, as they would in
//! the app's analytics worker, with their suppression pattern ([`Protection`]), which
//! the app makes once per data set: here at the end of the ingest.

use std::cell::RefCell;

use otklik_analytics::{analyze, analyze_many_protected, Key, Params, Part, Protection, Split};
use otklik_survey::{import, Responses, Survey};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    static STATE: RefCell<Option<(Survey, Responses)>> = const { RefCell::new(None) };
    /// The loaded responses' suppression pattern.
    static PROTECTION: RefCell<Option<Protection>> = const { RefCell::new(None) };
    /// On the page, with a helper worker: the split pass under way and its own part.
    static SPLIT: RefCell<Option<(Split, Option<Part>)>> = const { RefCell::new(None) };
    /// In the helper worker: its rows and the index of the first in the whole.
    static ROWS: RefCell<Option<(Survey, Responses, usize)>> = const { RefCell::new(None) };
    /// The CSV file arriving chunk by chunk (`csv_chunk`).
    static STREAM: RefCell<Option<import::CsvStream<&'static Survey>>> = const { RefCell::new(None) };
}

/// The benchmark's survey, made once.
fn survey() -> &'static Survey {
    static SURVEY: std::sync::OnceLock<Survey> = std::sync::OnceLock::new();
    SURVEY.get_or_init(otklik_demo::bench_survey)
}

/// Starts reading a CSV file that arrives in chunks (the ingest of the benchmark's
/// page): only complete records are kept, never the whole file.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn csv_begin() {
    STATE.with(|s| s.borrow_mut().take());
    STREAM.with(|s| {
        *s.borrow_mut() = Some(import::CsvStream::new(survey(), &import::Limits::default()))
    });
}

/// The next chunk of the file.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn csv_chunk(chunk: &[u8]) {
    STREAM.with(|s| {
        s.borrow_mut()
            .as_mut()
            .expect("csv_begin first")
            .push(chunk)
    });
}

/// Ends the file: keeps the responses and returns their count, or 0 when the file
/// must be read whole ([`load_csv`]) to be reported.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn csv_end() -> u32 {
    let stream = STREAM
        .with(|s| s.borrow_mut().take())
        .expect("csv_begin first");
    match stream.finish() {
        Some(data) => {
            let n = data.len() as u32;
            protect(&data);
            STATE.with(|s| *s.borrow_mut() = Some((survey().clone(), data)));
            n
        }
        None => 0,
    }
}

/// The three groupings of the benchmark.
fn groupings() -> Vec<Params> {
    [
        vec![],
        vec![Key::Period],
        vec![Key::Period, Key::Question("dept".into())],
    ]
    .into_iter()
    .map(|by| Params {
        by,
        ..Params::default()
    })
    .collect()
}

/// Parses `csv` (the benchmark survey's response file), keeps the responses and
/// returns their count. Panics (a JS exception) on an invalid file.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn load_csv(csv: &[u8]) -> u32 {
    let survey = otklik_demo::bench_survey();
    // Drop the previous run's responses first, so that two copies never coexist.
    STATE.with(|s| s.borrow_mut().take());
    let data = import::read_csv(&survey, "bench.csv", csv, &import::Limits::default())
        .unwrap_or_else(|e| panic!("the benchmark CSV does not import: {e}"));
    let n = data.len() as u32;
    protect(&data);
    STATE.with(|s| *s.borrow_mut() = Some((survey, data)));
    n
}

/// Runs the analysis overall, by period and by period × dept on the loaded responses
/// (`analyze_many`: one pass over the data, the finest grouping rolled up into the
/// others) and returns the total number of groups (so that nothing is optimised away).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn indicators() -> u32 {
    analyses().iter().map(|a| a.groups.len() as u32).sum()
}

/// The analyses of the three groupings of the loaded responses.
fn analyses() -> Vec<otklik_analytics::Analysis> {
    STATE.with(|s| {
        let state = s.borrow();
        let (survey, data) = state.as_ref().expect("load_csv first");
        PROTECTION
            .with(|p| {
                let p = p.borrow();
                analyze_many_protected(survey, data, &groupings(), p.as_ref().expect("loaded"))
            })
            .expect("the benchmark groupings are valid")
    })
}

/// The overall group of the loaded responses as JSON (the analysis's own format),
/// for the runner's cross-check of a few figures against the peers. Not timed.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn overall_json() -> String {
    STATE.with(|s| {
        let state = s.borrow();
        let (survey, data) = state.as_ref().expect("load_csv first");
        let a = analyze(survey, data, &Params::default()).expect("the overall grouping is valid");
        serde_json::to_string(&a.groups[0]).expect("an analysis serialises")
    })
}

thread_local! {
    /// The analyses of the three groupings, kept for [`to_json`] and [`to_value`].
    static ANALYSES: RefCell<Vec<otklik_analytics::Analysis>> = const { RefCell::new(Vec::new()) };
}

/// How analyses cross between the app's worker and its page: computes the analyses
/// of the three groupings (not timed) and keeps them; returns their size as JSON text
/// in bytes.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn transfer_prepare() -> u32 {
    let all = analyses();
    let size = serde_json::to_string(&all)
        .expect("analyses serialise")
        .len();
    ANALYSES.with(|a| *a.borrow_mut() = all);
    size as u32
}

/// The kept analyses as JSON text (what the app's worker sends).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn to_json() -> String {
    ANALYSES.with(|a| serde_json::to_string(&*a.borrow()).expect("analyses serialise"))
}

/// Analyses read back from JSON text (what the app's page does); their groups.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn from_json(text: &str) -> u32 {
    let all: Vec<otklik_analytics::Analysis> = serde_json::from_str(text).expect("analyses");
    all.iter().map(|a| a.groups.len() as u32).sum()
}

/// The kept analyses as a structured JavaScript value (serde-wasm-bindgen, maps as
/// plain objects), the other way they could cross.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn to_value() -> wasm_bindgen::JsValue {
    use serde::Serialize;
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    ANALYSES.with(|a| a.borrow().serialize(&ser).expect("analyses serialise"))
}

/// Analyses read back from a structured value; their groups.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn from_value(value: wasm_bindgen::JsValue) -> u32 {
    let all: Vec<otklik_analytics::Analysis> =
        serde_wasm_bindgen::from_value(value).expect("analyses");
    all.iter().map(|a| a.groups.len() as u32).sum()
}

/// Makes the suppression pattern of the responses being loaded.
fn protect(data: &Responses) {
    let p = Protection::new(survey(), data, None).expect("the benchmark data are valid");
    PROTECTION.with(|s| *s.borrow_mut() = Some(p));
}

/// Frees the loaded responses (between runs).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn clear() {
    STATE.with(|s| s.borrow_mut().take());
    PROTECTION.with(|s| s.borrow_mut().take());
    SPLIT.with(|s| s.borrow_mut().take());
    ROWS.with(|s| s.borrow_mut().take());
}

// The same work on two cores: the page keeps every response and sends the rows from
// `first` on to a helper worker once (`rows_for_helper` → `load_rows`); each time,
// `split_begin` gives the helper its task (`helper_part`), the page accumulates its own
// rows (`own_part`) meanwhile, and `split_finish` adds the helper's part.

/// The rows `start..end`, as bytes for the helper's [`load_rows`] (the page sends the
/// rows from the middle on in pieces, as the app does).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn rows_for_helper(start: usize, end: usize) -> Vec<u8> {
    STATE.with(|s| {
        let state = s.borrow();
        let (_, data) = state.as_ref().expect("load_csv first");
        data.rows_to_bytes(start..end.min(data.len()))
    })
}

/// In the helper: keeps a piece of the rows sent by the page (`first`: the first row
/// of the first piece, in the whole; a piece starting there replaces what was kept);
/// returns the rows kept.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn load_rows(bytes: &[u8], first: usize, start: usize) -> u32 {
    ROWS.with(|s| {
        let mut s = s.borrow_mut();
        if start == first {
            s.take();
            let rows = Responses::rows_from_bytes(survey(), bytes).expect("rows from the page");
            *s = Some((survey().clone(), rows, first));
        } else {
            let (survey, rows, _) = s.as_mut().expect("the first piece first");
            rows.append_rows_from_bytes(survey, bytes)
                .expect("rows from the page");
        }
        s.as_ref().map_or(0, |(_, rows, _)| rows.len() as u32)
    })
}

/// On the page: starts the split pass; the bytes are the helper's task.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn split_begin() -> Vec<u8> {
    STATE.with(|s| {
        let state = s.borrow();
        let (survey, data) = state.as_ref().expect("load_csv first");
        let split = Split::new(survey, data, &groupings())
            .expect("the benchmark groupings are valid")
            .expect("they nest");
        let bytes = split.to_bytes();
        SPLIT.with(|s| *s.borrow_mut() = Some((split, None)));
        bytes
    })
}

/// In the helper: its part of the pass `task`, as bytes for [`split_finish`].
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn helper_part(task: &[u8]) -> Vec<u8> {
    ROWS.with(|s| {
        let state = s.borrow();
        let (survey, rows, first) = state.as_ref().expect("load_rows first");
        let split = Split::from_bytes(task).expect("a task from the page");
        split
            .run(survey, rows, 0..rows.len(), *first)
            .expect("the helper's rows fit")
            .to_bytes()
    })
}

/// On the page: accumulates the rows before `first` (those the helper does not have).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn own_part(first: usize) {
    STATE.with(|s| {
        let state = s.borrow();
        let (survey, data) = state.as_ref().expect("load_csv first");
        SPLIT.with(|s| {
            let mut s = s.borrow_mut();
            let (split, part) = s.as_mut().expect("split_begin first");
            *part = Some(split.run(survey, data, 0..first, 0).expect("own rows fit"));
        })
    })
}

/// On the page: adds the helper's part and assembles the three groupings; returns the
/// number of groups, as [`indicators`] does.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn split_finish(helper: &[u8]) -> u32 {
    STATE.with(|s| {
        let state = s.borrow();
        let (survey, data) = state.as_ref().expect("load_csv first");
        let (split, own) = SPLIT
            .with(|s| s.borrow_mut().take())
            .expect("split_begin first");
        let theirs = Part::from_bytes(helper).expect("a part from the helper");
        PROTECTION
            .with(|p| {
                split.finish_protected(
                    survey,
                    data,
                    &groupings(),
                    vec![own.expect("own_part first"), theirs],
                    p.borrow().as_ref().expect("loaded"),
                )
            })
            .expect("the parts fit")
            .iter()
            .map(|a| a.groups.len() as u32)
            .sum()
    })
}
