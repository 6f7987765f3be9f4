//! The analytics worker's helper: a second worker running the same module, on the
//! second core, which holds the second half of the rows of a large data set and
//! accumulates its part of each pass (`otklik_analytics::Split`) while this worker
//! accumulates the first half.
//!
//! The worker script carries the messages. After a `load` of at least [`SPLIT_MIN`]
//! responses, [`worker_helper_rows`] gives the rows to send to the helper, which keeps
//! them ([`helper_rows`]). For an `analyze` or `analyze_many` of that data set,
//! [`worker_split_begin`] gives the helper's task (answered by [`helper_part`]); this
//! worker accumulates its own rows meanwhile ([`worker_split_own`]), and
//! [`worker_split_finish`] adds the helper's part and gives the very reply `handle`
//! gives. When the helper has no part to give (it stopped, holds other rows, or its
//! part does not fit), its rows are accumulated here instead: the reply is the same.

use std::cell::{Cell, RefCell};

use otklik_analytics::{Error, Params, Part, Split};
use otklik_survey::{Responses, Survey};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::protocol::{encode, Analyzed, AnalyzedMany, Request};
use super::{both, fail, params_of, SETS};

/// Data sets below this many responses are analysed by this worker alone: there one
/// pass takes under ~40 ms on one core, and the helper's memory (a third of the data
/// set's, and a second instance of the module) is not worth the milliseconds saved.
const SPLIT_MIN: usize = 500_000;

/// Rows sent to the helper in one piece.
const PIECE_ROWS: usize = 1 << 16;

/// Which rows the helper holds: those of the data set `token` (as loaded the
/// `generation`-th time) from `first` on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Head {
    token: String,
    generation: u64,
    first: usize,
    /// The definition (with the rows only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    survey: Option<String>,
}

/// A split pass under way: its groupings, whether the request was `analyze` (one
/// analysis) or `analyze_many`, and this worker's part once accumulated.
struct UnderWay {
    head: Head,
    list: Vec<Params>,
    single: bool,
    split: Split,
    own: Option<Part>,
}

thread_local! {
    static MIN_ROWS: Cell<usize> = const { Cell::new(SPLIT_MIN) };
    static PIECE: Cell<usize> = const { Cell::new(PIECE_ROWS) };
    /// The rows last sent to the helper.
    static SENT: RefCell<Option<Head>> = const { RefCell::new(None) };
    static UNDER_WAY: RefCell<Option<UnderWay>> = const { RefCell::new(None) };
    /// In the helper: the rows it holds.
    static HELD: RefCell<Option<(Head, Survey, Responses)>> = const { RefCell::new(None) };
}

/// Splits passes over data sets of at least `rows` responses, sending the helper
/// `piece` rows at a time (tests split small data sets, in many pieces).
#[cfg(all(test, target_arch = "wasm32"))]
pub(super) fn split_from(rows: usize, piece: usize) {
    MIN_ROWS.with(|m| m.set(rows));
    PIECE.with(|p| p.set(piece));
}

fn bytes_to_js(bytes: &[u8]) -> JsValue {
    js_sys::Uint8Array::from(bytes).into()
}

/// After `request` (a `load`): `[head, piece…]`, the rows to send to the helper (as
/// bytes, in pieces), when the data set is large enough; `undefined` otherwise.
#[wasm_bindgen]
pub fn worker_helper_rows(request: &str) -> Option<js_sys::Array> {
    let Ok(Request::Load { token, .. }) = serde_json::from_str(request) else {
        return None;
    };
    SETS.with(|s| {
        let sets = s.borrow();
        let l = sets.iter().find(|l| l.token == token)?;
        if l.responses.len() < MIN_ROWS.with(Cell::get) {
            return None;
        }
        let first = l.responses.len() / 2;
        let head = Head {
            token: token.clone(),
            generation: l.generation,
            first,
            survey: None,
        };
        SENT.with(|s| *s.borrow_mut() = Some(head.clone()));
        let with_survey = Head {
            survey: Some(l.survey.to_json()),
            ..head
        };
        let head = serde_json::to_string(&with_survey).expect("a head serialises");
        let out = js_sys::Array::of1(&JsValue::from_str(&head));
        // In pieces, so that neither side ever holds a second copy of all the rows.
        let piece = PIECE.with(Cell::get);
        for start in (first..l.responses.len()).step_by(piece) {
            let end = (start + piece).min(l.responses.len());
            out.push(&bytes_to_js(&l.responses.rows_to_bytes(start..end)));
        }
        Some(out)
    })
}

/// `request` (an `analyze` or `analyze_many`) as a split pass, when the helper holds
/// the second half of its data set: `[head, task]` for the helper; `undefined` when
/// the request is to be handled alone.
#[wasm_bindgen]
pub fn worker_split_begin(request: &str) -> Option<js_sys::Array> {
    let (token, list, single) = match serde_json::from_str(request).ok()? {
        Request::Analyze { token, by, texts } => (token, vec![params_of(&by, texts)], true),
        Request::AnalyzeMany { token, groupings } => (
            token,
            groupings.iter().map(|by| params_of(by, false)).collect(),
            false,
        ),
        _ => return None,
    };
    let head = SENT
        .with(|s| s.borrow().clone())
        .filter(|h| h.token == token)?;
    SETS.with(|s| {
        let sets = s.borrow();
        let l = sets
            .iter()
            .find(|l| l.token == token && l.generation == head.generation)?;
        let split = Split::new(&l.survey, &l.responses, &list).ok()??;
        let task = split.to_bytes();
        let text = serde_json::to_string(&head).expect("a head serialises");
        UNDER_WAY.with(|u| {
            *u.borrow_mut() = Some(UnderWay {
                head,
                list,
                single,
                split,
                own: None,
            })
        });
        Some(js_sys::Array::of2(
            &JsValue::from_str(&text),
            &bytes_to_js(&task),
        ))
    })
}

/// Accumulates this worker's rows of the split pass under way.
#[wasm_bindgen]
pub fn worker_split_own() {
    UNDER_WAY.with(|u| {
        let mut u = u.borrow_mut();
        let Some(u) = u.as_mut() else { return };
        SETS.with(|s| {
            if let Some(l) = s.borrow().iter().find(|l| l.token == u.head.token) {
                u.own = u
                    .split
                    .run(&l.survey, &l.responses, 0..u.head.first, 0)
                    .ok();
            }
        });
    });
}

/// Adds `theirs` (the helper's part; empty when it had none) to this worker's part of
/// the split pass under way, and gives the reply to its request.
#[wasm_bindgen]
pub fn worker_split_finish(theirs: &[u8]) -> String {
    let Some(mut u) = UNDER_WAY.with(|u| u.borrow_mut().take()) else {
        return encode::<()>(fail(super::Both::One("no split pass under way".to_owned())));
    };
    SETS.with(|s| {
        let sets = s.borrow();
        let Some(l) = sets.iter().find(|l| l.token == u.head.token) else {
            return encode::<()>(fail(super::not_loaded()));
        };
        let (survey, data) = (&l.survey, &l.responses);
        let own = u.own.take();
        let here = |rows: std::ops::Range<usize>| u.split.run(survey, data, rows, 0);
        let with_theirs = || -> Result<_, Error> {
            let own = match own {
                Some(own) => own,
                None => here(0..u.head.first)?,
            };
            u.split.finish_protected(
                survey,
                data,
                &u.list,
                vec![own, Part::from_bytes(theirs)?],
                &*l.protection(None)?,
            )
        };
        // Without the helper's part (or with one that does not fit): every row here.
        let result = with_theirs().or_else(|_| {
            u.split.finish_protected(
                survey,
                data,
                &u.list,
                vec![here(0..data.len())?],
                &*l.protection(None)?,
            )
        });
        match result {
            Ok(mut a) if u.single => encode(Ok(Analyzed {
                analysis: a.remove(0),
            })),
            Ok(analyses) => encode(Ok(AnalyzedMany { analyses })),
            Err(e) => encode::<()>(fail(both(&e.message()))),
        }
    })
}

/// In the helper: keeps the rows sent with `head`, in `pieces` (replacing any held
/// before).
#[wasm_bindgen]
pub fn helper_rows(head: &str, pieces: js_sys::Array) -> bool {
    HELD.with(|h| h.borrow_mut().take());
    let Ok(mut head) = serde_json::from_str::<Head>(head) else {
        return false;
    };
    let Some(Ok(survey)) = head.survey.take().map(|s| Survey::from_json(&s)) else {
        return false;
    };
    let mut rows: Option<Responses> = None;
    for piece in pieces.iter() {
        let Ok(piece) = piece.dyn_into::<js_sys::Uint8Array>() else {
            return false;
        };
        let bytes = piece.to_vec();
        let read = match &mut rows {
            None => Responses::rows_from_bytes(&survey, &bytes).map(|r| rows = Some(r)),
            Some(rows) => rows.append_rows_from_bytes(&survey, &bytes),
        };
        if read.is_err() {
            return false;
        }
    }
    let Some(rows) = rows else { return false };
    HELD.with(|h| *h.borrow_mut() = Some((head, survey, rows)));
    true
}

/// In the helper: its part of the split pass `task` over the rows `head` names, as
/// bytes; `undefined` when it does not hold those rows or the task does not fit them.
#[wasm_bindgen]
pub fn helper_part(head: &str, task: &[u8]) -> Option<Vec<u8>> {
    let head: Head = serde_json::from_str(head).ok()?;
    HELD.with(|h| {
        let held = h.borrow();
        let (mine, survey, rows) = held.as_ref().filter(|(mine, ..)| *mine == head)?;
        let split = Split::from_bytes(task).ok()?;
        let part = split.run(survey, rows, 0..rows.len(), mine.first).ok()?;
        Some(part.to_bytes())
    })
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::worker::handle;
    use serde_json::{json, Value};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn reply(request: &Value) -> Value {
        serde_json::from_str(&handle(&request.to_string())).expect("the reply is JSON")
    }

    fn parts(a: js_sys::Array) -> (String, Vec<u8>) {
        let head = a.get(0).as_string().expect("a head");
        let bytes = a.get(1).dyn_into::<js_sys::Uint8Array>().expect("bytes");
        (head, bytes.to_vec())
    }

    /// The head and the pieces of the rows for the helper.
    fn pieces(a: js_sys::Array) -> (String, js_sys::Array) {
        let head = a.get(0).as_string().expect("a head");
        (head, a.slice(1, a.length()))
    }

    /// Both halves of the work in this one module, as the worker and its helper do it:
    /// what `handle` replies is what the split pass replies, for `analyze` with free
    /// texts and for `analyze_many`; without the helper's part (none, damaged, or of
    /// other rows) the reply is the same too.
    #[wasm_bindgen_test]
    fn a_pass_split_with_the_helper_replies_what_one_pass_replies() {
        split_from(1, 97);
        let survey = otklik_demo::EXTERNAL_TEMPLATE;
        let load =
            json!({"cmd": "load", "token": "big", "survey": survey, "files": [], "demo": true});
        assert_eq!(reply(&load)["ok"], true);
        let (head, rows) = pieces(worker_helper_rows(&load.to_string()).expect("rows to send"));
        assert!(helper_rows(&head, rows));
        let requests = [
            json!({"cmd": "analyze", "token": "big", "by": ["period", "touchpoint"], "texts": true}),
            json!({"cmd": "analyze_many", "token": "big", "groupings": [[], ["period"], ["period", "touchpoint"]]}),
        ];
        for request in &requests {
            let alone = handle(&request.to_string());
            let split = |theirs: &dyn Fn(&str, &[u8]) -> Vec<u8>| {
                let (head, task) =
                    parts(worker_split_begin(&request.to_string()).expect("a split pass"));
                let part = theirs(&head, &task);
                worker_split_own();
                worker_split_finish(&part)
            };
            let with_helper = split(&|head, task| helper_part(head, task).expect("a part"));
            assert_eq!(with_helper, alone);
            assert!(with_helper.contains("\"ok\":true"), "{with_helper}");
            assert_eq!(split(&|_, _| Vec::new()), alone);
            assert_eq!(
                split(&|head, task| {
                    let mut part = helper_part(head, task).unwrap();
                    part[3] ^= 1;
                    part
                }),
                alone
            );
        }
        // The data set loaded again (the helper not told): the helper holds rows of the
        // earlier loading and gives no part; the reply is still the same.
        assert_eq!(reply(&load)["ok"], true);
        assert!(worker_helper_rows(&load.to_string()).is_some());
        let (head, task) = parts(worker_split_begin(&requests[1].to_string()).unwrap());
        assert_eq!(helper_part(&head, &task), None);
        worker_split_own();
        assert_eq!(worker_split_finish(&[]), handle(&requests[1].to_string()));
        // Small data sets are not split.
        split_from(SPLIT_MIN, PIECE_ROWS);
        assert_eq!(reply(&load)["ok"], true);
        assert!(worker_helper_rows(&load.to_string()).is_none());
        assert!(worker_split_begin(&requests[1].to_string()).is_none());
    }
}
