//! Importing files dropped on the dashboard: a survey definition is stored as it is;
//! a response file's survey is told from its content, the file is validated whole by
//! the engine, and only then stored, once.

use otklik_survey::import;

use super::*;

/// Where the import shows how far it has come.
pub(super) struct Shown {
    pub progress: UseStateHandle<Option<Progress>>,
    /// Bytes checked of the file being checked: (done, total).
    pub checked: UseStateHandle<Option<(u64, u64)>>,
}

/// Imports `list`: what each file gave (a row for each file not stored) and the
/// survey the last stored file or definition belongs to.
pub(super) async fn import(
    list: Vec<web_sys::File>,
    surveys: &[(Rc<Survey>, Rc<str>)],
    selected: Option<String>,
    lang: Lang,
    shown: Shown,
) -> (Vec<FileRow>, Option<String>) {
    let Shown { progress, checked } = shown;
    let total = list.len();
    let mut out = Vec::new();
    let mut wanted = None;
    // The order of import continues after the files stored (their
    // descriptions only: no content is read here).
    let mut seq = services::all_files(FILES)
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|(meta, _)| serde_json::from_str::<StoredFile>(meta).ok())
        .map(|f| f.seq)
        .max()
        .unwrap_or(0);
    for (k, file) in list.into_iter().enumerate() {
        let name = file.name();
        progress.set(Some(Progress::Checking {
            file: k + 1,
            files: total,
            name: name.clone(),
            bytes: file.size() as u64,
        }));
        let whole = file.size() <= WHOLE_BYTES;
        let text = if whole {
            services::blob_text(&file).await
        } else {
            match file.slice_with_f64_and_f64(0.0, HEAD_BYTES) {
                Ok(head) => services::blob_text(&head).await,
                Err(_) => String::new(),
            }
        };
        // A survey definition.
        if whole {
            if let Ok(def) = Survey::from_json(&text) {
                if services::put(SURVEYS, &def.id, &text).await.is_ok() {
                    wanted = Some(def.id.clone());
                }
                continue;
            }
        }
        let sid = import::survey_of(&text, whole)
            .or_else(|| import::guess_survey(&text, surveys.iter().map(|(s, _)| &**s)))
            .or_else(|| selected.clone())
            .unwrap_or_default();
        drop(text);
        let Some((survey, source)) = surveys.iter().find(|(s, _)| s.id == sid).cloned() else {
            out.push(FileRow::Note(ta(
                lang,
                "dash-file-unknown-survey",
                &[("name", name.clone().into()), ("survey", sid.into())],
            )));
            continue;
        };
        // Validate the whole file before anything is stored: the engine
        // reads it from the file itself and names it by its SHA-256.
        checked.set(None);
        let on_progress = {
            let checked = checked.clone();
            move |done, total| checked.set(Some((done, total)))
        };
        let reply = engine::check(&source, &name, file.clone().into(), on_progress).await;
        checked.set(None);
        let key = match reply {
            Ok(c) if !c.key.is_empty() => c.key,
            other => {
                let errors = other.err().map(|f| f.errors).unwrap_or_default();
                out.push(FileRow::Rejected { name, errors });
                continue;
            }
        };
        library::engine_holds(&key);
        if services::has(FILES, &key).await {
            out.push(FileRow::Note(ta(
                lang,
                "dash-file-same",
                &[("name", name.clone().into())],
            )));
            continue;
        }
        seq += 1;
        let stored = StoredFile {
            seq,
            key: key.clone(),
            name,
            survey: survey.id.clone(),
            text: None,
            blob: None,
        };
        if stored.store(&file, true).await.is_ok() {
            wanted = Some(survey.id.clone());
        }
    }
    (out, wanted)
}
