//! The page's handle on the analytics worker: requests go out as JSON text and the
//! replies come back as futures. Where a worker cannot start (some `file://` pages),
//! the same handler runs on the page.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use futures_channel::oneshot;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::i18n::Both;
use crate::worker;

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
                let value: Value = serde_json::from_str(body).unwrap_or(Value::Null);
                let (Some(done), Some(total)) = (value["done"].as_u64(), value["total"].as_u64())
                else {
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

/// Sends one request and waits for its reply.
pub async fn request(req: &Value) -> Value {
    request_with_progress(req, |_, _| {}).await
}

/// Sends one request and waits for its reply; `on_progress(done, total)` is called
/// whenever the worker reports progress on it.
pub async fn request_with_progress(req: &Value, on_progress: impl Fn(u64, u64) + 'static) -> Value {
    request_with_files(req, &[], on_progress).await
}

/// Sends one request with `files` (named in it by their place, `"blob": i`) and
/// waits for its reply. The files go as `Blob`s: the worker reads them itself, so no
/// copy of their content is made on the page.
pub async fn request_with_files(
    req: &Value,
    files: &[web_sys::Blob],
    on_progress: impl Fn(u64, u64) + 'static,
) -> Value {
    let body = req.to_string();
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
        Some(rx) => rx.await.unwrap_or_else(|_| {
            r#"{"ok":false,"errors":[{"ru":"модуль расчётов остановился; обновите страницу","en":"the analytics worker stopped; reload the page"}]}"#.to_owned()
        }),
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
    serde_json::from_str(&reply).unwrap_or(Value::Null)
}

/// The worker's messages in a reply.
pub fn errors_of(reply: &Value) -> Vec<Both> {
    serde_json::from_value(reply["errors"].clone()).unwrap_or_default()
}
