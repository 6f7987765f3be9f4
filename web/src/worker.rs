//! The analytics engine behind a message interface, run in a Web Worker so that the
//! page stays responsive (and on the page itself where workers are unavailable).
//!
//! Requests and replies are JSON text. Data sets are kept between requests under a
//! token chosen by the page, so that requests about different data never mix:
//! - `{"cmd":"load","token":T,"survey":DEF,"files":[{"name","text"}],"demo":B}` →
//!   `{"ok":true,"reports":[…],"total":N,"periods":[…]}` (the built-in demo data
//!   when `demo` is true)
//! - `{"cmd":"check","survey":DEF,"name":N,"text":T}` → `{"ok":true,"responses":N}`
//!   or `{"ok":false,"errors":[…]}`: validates a file whole, stores nothing
//! - `{"cmd":"analyze","token":T,"by":[…],"texts":B}` → `{"ok":true,"analysis":{…}}`
//! - `{"cmd":"export","token":T,"format":"csv"|"json","seed":S}` → `{"ok":true,"text":…}`

use std::cell::RefCell;
use std::collections::VecDeque;

use otklik_analytics::{analyze, Key, Params};
use otklik_survey::collection::merge_files;
use otklik_survey::import::{self, Limits};
use otklik_survey::{export, Responses, Survey};
use serde::Deserialize;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

struct Loaded {
    token: String,
    survey: Survey,
    data: Responses,
}

/// The most recent data sets (a few, to bound memory).
const KEEP: usize = 3;

thread_local! {
    static SETS: RefCell<VecDeque<Loaded>> = const { RefCell::new(VecDeque::new()) };
}

#[derive(Deserialize)]
struct FileIn {
    name: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(tag = "cmd", rename_all = "lowercase")]
enum Request {
    Load {
        token: String,
        survey: String,
        files: Vec<FileIn>,
        #[serde(default)]
        demo: bool,
    },
    Check {
        survey: String,
        name: String,
        text: String,
    },
    Analyze {
        token: String,
        by: Vec<String>,
        #[serde(default)]
        texts: bool,
    },
    Export {
        token: String,
        format: String,
        seed: u64,
    },
}

fn fail(msg: impl Into<String>) -> Value {
    json!({"ok": false, "errors": [msg.into()]})
}

fn with_set(token: &str, f: impl FnOnce(&Loaded) -> Value) -> Value {
    SETS.with(|s| match s.borrow().iter().find(|l| l.token == token) {
        Some(l) => f(l),
        None => fail("the data set is not loaded"),
    })
}

fn load(token: String, survey: &str, files: Vec<FileIn>, demo: bool) -> Value {
    let survey = match Survey::from_json(survey) {
        Ok(s) => s,
        Err(e) => return fail(e.to_string()),
    };
    let mut inputs: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|f| (f.name, f.text.into_bytes()))
        .collect();
    if demo {
        let seed = if survey.id == "internal-client" {
            2026
        } else {
            2027
        };
        inputs.insert(
            0,
            (
                "demo".to_owned(),
                otklik_demo::generate_csv(&survey, &otklik_demo::Spec::default(), seed),
            ),
        );
    }
    let (data, reports) = merge_files(&survey, &inputs, &Limits::default());
    let reports: Vec<Value> = reports
        .into_iter()
        .zip(&inputs)
        .map(|(r, (name, _))| match r {
            Ok(r) => json!({"ok": true, "name": r.name, "responses": r.responses, "added": r.added, "duplicates": r.duplicates, "conflicts": r.conflicts}),
            Err(e) => json!({"ok": false, "name": name, "errors": e.problems.iter().map(ToString::to_string).collect::<Vec<_>>()}),
        })
        .collect();
    let reply = json!({"ok": true, "reports": reports, "total": data.len(), "periods": data.periods().iter().map(ToString::to_string).collect::<Vec<_>>()});
    SETS.with(|s| {
        let mut s = s.borrow_mut();
        s.retain(|l| l.token != token);
        s.push_back(Loaded {
            token,
            survey,
            data,
        });
        while s.len() > KEEP {
            s.pop_front();
        }
    });
    reply
}

/// Handles one request (JSON text) and returns the reply (JSON text).
pub fn handle(request: &str) -> String {
    let reply = match serde_json::from_str::<Request>(request) {
        Err(e) => fail(format!("bad request: {e}")),
        Ok(Request::Load {
            token,
            survey,
            files,
            demo,
        }) => load(token, &survey, files, demo),
        Ok(Request::Check { survey, name, text }) => match Survey::from_json(&survey) {
            Err(e) => fail(e.to_string()),
            Ok(survey) => {
                match import::read_any(&survey, &name, text.as_bytes(), &Limits::default()) {
                    Ok(data) => json!({"ok": true, "responses": data.len()}),
                    Err(e) => {
                        json!({"ok": false, "errors": e.problems.iter().map(ToString::to_string).collect::<Vec<_>>(), "truncated": e.truncated})
                    }
                }
            }
        },
        Ok(Request::Analyze { token, by, texts }) => with_set(&token, |l| {
            let params = Params {
                by: by.iter().flat_map(|k| Key::parse_list(k)).collect(),
                min_group: None,
                texts,
            };
            match analyze(&l.survey, &l.data, &params) {
                Ok(a) => json!({"ok": true, "analysis": a}),
                Err(e) => fail(e.to_string()),
            }
        }),
        Ok(Request::Export {
            token,
            format,
            seed,
        }) => with_set(&token, |l| {
            let order = export::shuffled_order(l.data.len(), seed);
            let text = if format == "json" {
                export::to_json(&l.survey, &l.data, &order)
            } else {
                String::from_utf8(export::to_csv(&l.survey, &l.data, &order)).expect("CSV is UTF-8")
            };
            json!({"ok": true, "text": text})
        }),
    };
    reply.to_string()
}

/// The worker's entry point (called from the worker script).
#[wasm_bindgen]
pub fn worker_request(request: &str) -> String {
    handle(request)
}
