//! Otklik's side of the browser benchmark (`bench/browser`): the page calls
//! [`load_csv`] (ingest) and then [`indicators`] (the three groupings).
//!
//! The responses live in a `thread_local` between the two calls, as they would in
//! the app's analytics worker.

use std::cell::RefCell;

use otklik_analytics::{analyze, analyze_many, Key, Params};
use otklik_survey::{import, Responses, Survey};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    static STATE: RefCell<Option<(Survey, Responses)>> = const { RefCell::new(None) };
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
    STATE.with(|s| *s.borrow_mut() = Some((survey, data)));
    n
}

/// Runs the analysis overall, by period and by period × dept on the loaded responses
/// (`analyze_many`: one pass over the data, the finest grouping rolled up into the
/// others) and returns the total number of groups (so that nothing is optimised away).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn indicators() -> u32 {
    STATE.with(|s| {
        let state = s.borrow();
        let (survey, data) = state.as_ref().expect("load_csv first");
        let groupings = [
            vec![],
            vec![Key::Period],
            vec![Key::Period, Key::Question("dept".into())],
        ];
        let params: Vec<Params> = groupings
            .into_iter()
            .map(|by| Params {
                by,
                ..Params::default()
            })
            .collect();
        analyze_many(survey, data, &params)
            .expect("the benchmark groupings are valid")
            .iter()
            .map(|a| a.groups.len() as u32)
            .sum()
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

/// Frees the loaded responses (between runs).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn clear() {
    STATE.with(|s| s.borrow_mut().take());
}
