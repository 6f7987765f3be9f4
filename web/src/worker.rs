//! The analytics engine behind a message interface, run in a Web Worker so that the
//! page stays responsive (and on the page itself where workers are unavailable).
//!
//! Requests and replies are JSON text. The worker holds one survey's merged
//! responses between requests:
//! - `{"cmd":"reset","survey":DEFINITION}` → `{"ok":true}`
//! - `{"cmd":"add","name":N,"text":T}` → `{"ok":true,"report":{…}}` or `{"ok":false,"errors":[…]}`
//! - `{"cmd":"demo"}` → adds the built-in demo data for the survey, like `add`
//! - `{"cmd":"analyze","by":[…],"texts":B}` → `{"ok":true,"analysis":{…}}`
//! - `{"cmd":"export","format":"csv"|"json","seed":S}` → `{"ok":true,"text":…}`

use std::cell::RefCell;

use otklik_analytics::{analyze, Key, Params};
use otklik_survey::collection::merge_files;
use otklik_survey::import::Limits;
use otklik_survey::{export, Responses, Survey};
use serde::Deserialize;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

struct Loaded {
    survey: Survey,
    data: Responses,
}

thread_local! {
    static STATE: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

#[derive(Deserialize)]
#[serde(tag = "cmd", rename_all = "lowercase")]
enum Request {
    Reset {
        survey: String,
    },
    Add {
        name: String,
        text: String,
    },
    Demo,
    Analyze {
        by: Vec<String>,
        #[serde(default)]
        texts: bool,
    },
    Export {
        format: String,
        seed: u64,
    },
}

fn add(name: &str, bytes: Vec<u8>) -> Value {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let Some(loaded) = s.as_mut() else { return json!({"ok": false, "errors": ["no survey loaded"]}) };
        let (more, reports) = merge_files(&loaded.survey, &[(name.to_owned(), bytes)], &Limits::default());
        match reports.into_iter().next().expect("one report per file") {
            Err(e) => json!({"ok": false, "errors": e.problems.iter().map(ToString::to_string).collect::<Vec<_>>(), "truncated": e.truncated}),
            Ok(_) => {
                let (merged, report) = loaded.data.merge(&more);
                loaded.data = merged;
                json!({"ok": true, "report": {
                    "name": name, "responses": more.len(), "added": report.added, "duplicates": report.duplicates,
                    "conflicts": report.conflicts.iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
                }, "total": loaded.data.len(), "periods": loaded.data.periods().iter().map(ToString::to_string).collect::<Vec<_>>()})
            }
        }
    })
}

/// Handles one request (JSON text) and returns the reply (JSON text).
pub fn handle(request: &str) -> String {
    let reply = match serde_json::from_str::<Request>(request) {
        Err(e) => json!({"ok": false, "errors": [format!("bad request: {e}")]}),
        Ok(Request::Reset { survey }) => match Survey::from_json(&survey) {
            Ok(survey) => {
                let data = Responses::empty(&survey);
                STATE.with(|s| *s.borrow_mut() = Some(Loaded { survey, data }));
                json!({"ok": true})
            }
            Err(e) => json!({"ok": false, "errors": [e.to_string()]}),
        },
        Ok(Request::Add { name, text }) => add(&name, text.into_bytes()),
        Ok(Request::Demo) => {
            let csv = STATE.with(|s| {
                s.borrow().as_ref().map(|l| {
                    let seed = if l.survey.id == "internal-client" {
                        2026
                    } else {
                        2027
                    };
                    otklik_demo::generate_csv(&l.survey, &otklik_demo::Spec::default(), seed)
                })
            });
            match csv {
                Some(csv) => add("demo", csv),
                None => json!({"ok": false, "errors": ["no survey loaded"]}),
            }
        }
        Ok(Request::Analyze { by, texts }) => STATE.with(|s| match s.borrow().as_ref() {
            None => json!({"ok": false, "errors": ["no survey loaded"]}),
            Some(l) => {
                let params = Params {
                    by: by.iter().flat_map(|k| Key::parse_list(k)).collect(),
                    min_group: None,
                    texts,
                };
                match analyze(&l.survey, &l.data, &params) {
                    Ok(a) => json!({"ok": true, "analysis": a}),
                    Err(e) => json!({"ok": false, "errors": [e.to_string()]}),
                }
            }
        }),
        Ok(Request::Export { format, seed }) => STATE.with(|s| match s.borrow().as_ref() {
            None => json!({"ok": false, "errors": ["no survey loaded"]}),
            Some(l) => {
                let order = export::shuffled_order(l.data.len(), seed);
                let text = if format == "json" {
                    export::to_json(&l.survey, &l.data, &order)
                } else {
                    String::from_utf8(export::to_csv(&l.survey, &l.data, &order))
                        .expect("CSV is UTF-8")
                };
                json!({"ok": true, "text": text})
            }
        }),
    };
    reply.to_string()
}

/// The worker's entry point (called from the worker script).
#[wasm_bindgen]
pub fn worker_request(request: &str) -> String {
    handle(request)
}
