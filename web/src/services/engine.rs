//! The page's handle on the analytics worker: one typed call per request of the
//! [protocol](crate::worker::protocol), whose reply comes back as a future. Where a
//! worker cannot start (some `file://` pages), the same handler runs on the page.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use futures_channel::oneshot;
use otklik_analytics::Analysis;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::i18n::Both;
use crate::worker;
use crate::worker::protocol::{
    decode, Analyzed, AnalyzedMany, Checked, Exported, Failure, FileIn, Loaded, Progress, Reply,
    ReportCharts, ReportFile, ReportParams, Request,
};

/// What the page does with a request's progress: `(done, total)`.
type OnProgress = Box<dyn Fn(u64, u64)>;

struct Engine {
    worker: Option<Worker>,
    pending: Rc<RefCell<HashMap<u32, oneshot::Sender<String>>>>,
    progress: Rc<RefCell<HashMap<u32, OnProgress>>>,
    next: Cell<u32>,
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
}

fn worker_url() -> Option<String> {
    gloo::utils::document()
        .query_selector("meta[name=otklik-worker]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
}

fn start() -> Engine {
    let pending: Rc<RefCell<HashMap<u32, oneshot::Sender<String>>>> = Rc::default();
    let progress: Rc<RefCell<HashMap<u32, OnProgress>>> = Rc::default();
    let worker = worker_url().and_then(|url| {
        let opts = WorkerOptions::new();
        opts.set_type(WorkerType::Module);
        Worker::new_with_options(&url, &opts).ok()
    });
    let on_message = worker.as_ref().map(|w| {
        let (pending, progress) = (pending.clone(), progress.clone());
        let cb = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let Some(text) = e.data().as_string() else {
                return;
            };
            let Some((head, body)) = text.split_once('\n') else {
                return;
            };
            // "progress ID\n{"done":D,"total":T}" while request ID runs.
            if let Some(id) = head.strip_prefix("progress ") {
                let Ok(Progress { done, total }) = serde_json::from_str(body) else {
                    return;
                };
                if let Ok(id) = id.parse::<u32>() {
                    if let Some(f) = progress.borrow().get(&id) {
                        f(done, total);
                    }
                }
                return;
            }
            if let Ok(id) = head.parse::<u32>() {
                progress.borrow_mut().remove(&id);
                if let Some(tx) = pending.borrow_mut().remove(&id) {
                    tx.send(body.to_owned()).ok();
                }
            }
        });
        w.set_onmessage(Some(cb.as_ref().unchecked_ref()));
        cb
    });
    Engine {
        worker,
        pending,
        progress,
        next: Cell::new(1),
        _on_message: on_message,
    }
}

thread_local! {
    static ENGINE: Engine = start();
}

/// Whether the analytics run in a worker (false: on the page).
pub fn in_worker() -> bool {
    ENGINE.with(|e| e.worker.is_some())
}

/// Sends one request with `files` (named in it by their place, `"blob": i`) and
/// waits for its reply. The files go as `Blob`s: the worker reads them itself, so no
/// copy of their content is made on the page.
async fn ask<T: DeserializeOwned>(
    req: &Request,
    files: &[web_sys::Blob],
    on_progress: impl Fn(u64, u64) + 'static,
) -> Reply<T> {
    let body = serde_json::to_string(req).expect("a request serialises");
    let rx = ENGINE.with(|e| {
        let w = e.worker.as_ref()?;
        let id = e.next.get();
        e.next.set(id + 1);
        let (tx, rx) = oneshot::channel();
        e.pending.borrow_mut().insert(id, tx);
        e.progress.borrow_mut().insert(id, Box::new(on_progress));
        let head = JsValue::from_str(&format!("{id}\n{body}"));
        let message = if files.is_empty() {
            head
        } else {
            let all = js_sys::Array::of1(&head);
            for f in files {
                all.push(f);
            }
            all.into()
        };
        w.post_message(&message).ok()?;
        Some(rx)
    });
    let reply = match rx {
        Some(rx) => match rx.await {
            Ok(reply) => reply,
            Err(_) => {
                return Err(Failure::of(Both::Two {
                    ru: "модуль расчётов остановился; обновите страницу".to_owned(),
                    en: "the analytics worker stopped; reload the page".to_owned(),
                }))
            }
        },
        None => {
            // No worker: read the files here, then handle the request on the page.
            let mut contents = Vec::with_capacity(files.len());
            for f in files {
                let bytes = match wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await {
                    Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                    Err(_) => Vec::new(),
                };
                contents.push(bytes);
            }
            worker::handle_with(&body, &mut contents)
        }
    };
    decode(&reply)
}

/// Puts a survey's `files` (with `demo`, the demo data too) into the engine under
/// `token`; `blobs` are the files that go by their content (`blob: i`).
pub async fn load(
    token: &str,
    survey: &str,
    files: Vec<FileIn>,
    demo: bool,
    blobs: &[web_sys::Blob],
) -> Reply<Loaded> {
    let req = Request::Load {
        token: token.to_owned(),
        survey: survey.to_owned(),
        files,
        demo,
    };
    ask(&req, blobs, |_, _| {}).await
}

/// Validates the file `blob` named `name` whole against `survey`, storing nothing;
/// `on_progress(done, total)` is told how many bytes are read.
pub async fn check(
    survey: &str,
    name: &str,
    blob: web_sys::Blob,
    on_progress: impl Fn(u64, u64) + 'static,
) -> Reply<Checked> {
    let req = Request::Check {
        survey: survey.to_owned(),
        name: name.to_owned(),
        text: None,
        blob: Some(0),
        key: None,
        sha256: None,
    };
    ask(&req, &[blob], on_progress).await
}

/// The analysis of the data set `token` `by` these keys.
pub async fn analyze(token: &str, by: &[&str], texts: bool) -> Reply<Analysis> {
    let req = Request::Analyze {
        token: token.to_owned(),
        by: by.iter().map(|&k| k.to_owned()).collect(),
        texts,
    };
    ask::<Analyzed>(&req, &[], |_, _| {})
        .await
        .map(|r| r.analysis)
}

/// Nested groupings of the data set `token` in one pass, without free texts.
pub async fn analyze_many(token: &str, groupings: &[&[&str]]) -> Reply<Vec<Analysis>> {
    let req = Request::AnalyzeMany {
        token: token.to_owned(),
        groupings: groupings
            .iter()
            .map(|g| g.iter().map(|&k| k.to_owned()).collect())
            .collect(),
    };
    ask::<AnalyzedMany>(&req, &[], |_, _| {})
        .await
        .map(|r| r.analyses)
}

/// The data set `token`'s responses in an order drawn from `seed`, as `format`
/// (`csv` or `json`).
pub async fn export(token: &str, format: &str, seed: u64) -> Reply<String> {
    let req = Request::Export {
        token: token.to_owned(),
        format: format.to_owned(),
        seed,
    };
    ask::<Exported>(&req, &[], |_, _| {}).await.map(|r| r.text)
}

/// The yearly report of the data sets `tokens` as `format` (`html`, `docx`, `xlsx`,
/// `csv`); for DOCX, `images` are its charts as PNG in base64.
pub async fn report(
    tokens: Vec<String>,
    params: ReportParams,
    format: &str,
    images: Option<Vec<String>>,
) -> Reply<ReportFile> {
    let req = Request::Report {
        tokens,
        params,
        format: format.to_owned(),
        images,
    };
    ask(&req, &[], |_, _| {}).await
}

/// The yearly report's charts, as SVG in report order.
pub async fn report_charts(tokens: Vec<String>, params: ReportParams) -> Reply<Vec<String>> {
    let req = Request::Report {
        tokens,
        params,
        format: "charts".to_owned(),
        images: None,
    };
    ask::<ReportCharts>(&req, &[], |_, _| {})
        .await
        .map(|r| r.charts)
}
