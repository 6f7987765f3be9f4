//! What the device holds for analysis: the survey definitions (the built-in templates
//! and imported ones) and the validated response files, and how a survey's files are
//! put into the analytics engine. Shared by the dashboard and the report page.

use std::rc::Rc;

use otklik_survey::Survey;
use serde::{Deserialize, Serialize};

use yew::prelude::*;

use crate::services::engine;
use crate::services::{self, FILES, SURVEYS};
use crate::worker::protocol::{self, FileIn, Reply};

/// How many changes to the stored files and surveys this page has been told of since
/// it mounted: those made by other tabs only when `others_only`, else by any page,
/// this one included. A page that shows the data reads it again when this changes.
#[hook]
pub fn use_data_changes(others_only: bool) -> u64 {
    let changes = use_state(|| 0u64);
    {
        let changes = changes.clone();
        use_effect_with((), move |_| {
            let mut count = 0;
            let watch = services::watch_data(move |here| {
                if !(others_only && here) {
                    count += 1;
                    changes.set(count);
                }
            });
            move || drop(watch)
        });
    }
    *changes
}

/// A survey definition and its source text.
pub type Known = (Rc<Survey>, Rc<str>);

/// A response file kept on the device (already validated). Stored as its
/// description (this, as JSON) beside its content (a `Blob`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredFile {
    /// The order of import: files merge in the order they came.
    #[serde(default)]
    pub seq: u64,
    pub key: String,
    pub name: String,
    pub survey: String,
    /// The content of a file stored by an earlier version, inside its description;
    /// moved into `blob` when read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The content.
    #[serde(skip)]
    pub blob: Option<web_sys::Blob>,
}

impl StoredFile {
    /// Stores the file: its description and its content.
    pub async fn store(&self, blob: &web_sys::Blob, announce: bool) -> Result<(), String> {
        let meta = StoredFile {
            text: None,
            blob: None,
            ..self.clone()
        };
        let meta = serde_json::to_string(&meta).expect("serialises");
        services::put_file(FILES, &self.key, &meta, blob, announce).await
    }
}

/// The built-in templates.
pub fn templates() -> Vec<Known> {
    [
        otklik_demo::INTERNAL_TEMPLATE,
        otklik_demo::EXTERNAL_TEMPLATE,
    ]
    .into_iter()
    .map(|src| {
        (
            Rc::new(Survey::from_json(src).expect("valid template")),
            src.into(),
        )
    })
    .collect()
}

/// The surveys (templates, replaced by imported definitions of the same id) and the
/// stored response files in their order of import.
pub async fn read() -> (Vec<Known>, Vec<StoredFile>) {
    let mut list = templates();
    for src in services::all(SURVEYS).await.unwrap_or_default() {
        if let Ok(s) = Survey::from_json(&src) {
            list.retain(|(x, _)| x.id != s.id);
            list.push((Rc::new(s), src.into()));
        }
    }
    let mut stored = Vec::new();
    for (meta, blob) in services::all_files(FILES).await.unwrap_or_default() {
        let Ok(mut f) = serde_json::from_str::<StoredFile>(&meta) else {
            continue;
        };
        f.blob = match (blob, f.text.take()) {
            (Some(blob), _) => Some(blob),
            (None, Some(text)) => {
                // Stored by an earlier version: from now on, content apart.
                let blob = services::text_blob(&text);
                f.store(&blob, false).await.ok();
                Some(blob)
            }
            (None, None) => None,
        };
        stored.push(f);
    }
    stored.sort_by_key(|f| f.seq);
    (list, stored)
}

/// A survey's data as loaded into the engine.
pub struct Loaded {
    /// The engine's name for this data set.
    pub token: String,
    /// No files: the built-in demo data.
    pub demo: bool,
    /// The files that were put in (in order).
    pub files: Vec<StoredFile>,
    /// The engine's reply to `load`.
    pub reply: Reply<protocol::Loaded>,
}

thread_local! {
    /// The files (by key) the engine has read on this page: sent again by key alone.
    static HELD: std::cell::RefCell<std::collections::HashSet<String>> = Default::default();
}

/// Notes that the engine has read the file with this key (a `check` did).
pub fn engine_holds(key: &str) {
    HELD.with(|h| h.borrow_mut().insert(key.to_owned()));
}

/// Puts `survey`'s files (or, with none, the demo data) into the engine. A file the
/// engine has read goes by its key alone; if the engine no longer holds one, every
/// text is sent.
pub async fn load(survey: &Survey, source: &str, files: &[StoredFile]) -> Loaded {
    let mine: Vec<StoredFile> = files
        .iter()
        .filter(|f| f.survey == survey.id)
        .cloned()
        .collect();
    let demo = mine.is_empty();
    let token = format!(
        "{}|{}",
        survey.id,
        mine.iter()
            .map(|f| f.key.as_str())
            .collect::<Vec<_>>()
            .join(",")
    );
    // The files the engine has not read go as their `Blob`s (the worker reads them).
    let request = |by_key: bool| {
        let mut blobs = Vec::new();
        let files: Vec<FileIn> = mine
            .iter()
            .map(|f| {
                let blob = match &f.blob {
                    Some(blob) if !(by_key && HELD.with(|h| h.borrow().contains(&f.key))) => {
                        blobs.push(blob.clone());
                        Some(blobs.len() - 1)
                    }
                    _ => None,
                };
                FileIn {
                    name: f.name.clone(),
                    text: None,
                    blob,
                    key: Some(f.key.clone()),
                }
            })
            .collect();
        (files, blobs)
    };
    let (files, blobs) = request(true);
    let mut reply = engine::load(&token, source, files, demo, &blobs).await;
    if reply.as_ref().is_err_and(|f| !f.missing.is_empty()) {
        let (files, blobs) = request(false);
        reply = engine::load(&token, source, files, demo, &blobs).await;
    }
    if reply.is_ok() {
        HELD.with(|h| h.borrow_mut().extend(mine.iter().map(|f| f.key.clone())));
    }
    Loaded {
        token,
        demo,
        files: mine,
        reply,
    }
}

/// A survey the organiser can run.
#[derive(Clone, PartialEq)]
pub struct Choice {
    pub survey: Rc<Survey>,
    pub source: Rc<str>,
}
