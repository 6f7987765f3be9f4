//! The device's durable storage (IndexedDB) and the announcement of its changes.
//! Every fallible call returns `Result<_, String>` with a message for the screen.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::page::random_seed;

#[wasm_bindgen(inline_js = r#"
const NAME = 'otklik';
const STORES = ['drafts', 'responses', 'settings', 'files', 'surveys'];
let opening = null;
function db() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const req = indexedDB.open(NAME, 2);
      req.onupgradeneeded = () => {
        for (const s of STORES) if (!req.result.objectStoreNames.contains(s)) req.result.createObjectStore(s);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => { opening = null; reject(req.error ? req.error.message : 'IndexedDB is not available'); };
      req.onblocked = () => reject('IndexedDB is blocked by another tab');
    });
  }
  return opening;
}
function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ? tx.error.message : 'write failed');
    tx.onabort = () => reject(tx.error ? tx.error.message : 'write aborted');
  });
}
function asPromise(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ? req.error.message : 'read failed');
  });
}
// Writes: one transaction each, with strict durability: the promise resolves only
// once the data is on disk.
export async function idb_put(store, key, value) {
  const d = await db();
  const tx = d.transaction(store, 'readwrite', { durability: 'strict' });
  tx.objectStore(store).put(value, key);
  return done(tx);
}
export async function idb_delete(store, key) {
  const d = await db();
  const tx = d.transaction(store, 'readwrite', { durability: 'strict' });
  tx.objectStore(store).delete(key);
  return done(tx);
}
// Stores a submitted response and removes the draft in one atomic transaction.
export async function idb_submit(key, value, draftKey) {
  const d = await db();
  const tx = d.transaction(['responses', 'drafts'], 'readwrite', { durability: 'strict' });
  tx.objectStore('responses').put(value, key);
  tx.objectStore('drafts').delete(draftKey);
  return done(tx);
}
export async function idb_get(store, key) {
  const d = await db();
  const v = await asPromise(d.transaction(store, 'readonly').objectStore(store).get(key));
  return v === undefined ? null : v;
}
// Every entry of a store as [key, value] pairs.
export async function idb_entries(store) {
  const d = await db();
  const os = d.transaction(store, 'readonly').objectStore(store);
  const [keys, values] = await Promise.all([asPromise(os.getAllKeys()), asPromise(os.getAll())]);
  return keys.map((k, i) => [String(k), typeof values[i] === 'string' ? values[i] : JSON.stringify(values[i])]);
}
// Deletes `keys` from a store in one transaction: all or none.
export async function idb_delete_keys(store, keys) {
  const d = await db();
  const tx = d.transaction(store, 'readwrite', { durability: 'strict' });
  const os = tx.objectStore(store);
  for (const k of keys) os.delete(k);
  return done(tx);
}
export async function idb_all(store) {
  const d = await db();
  return asPromise(d.transaction(store, 'readonly').objectStore(store).getAll());
}
// A stored file: its description (JSON) and its content, a Blob the browser keeps on
// disk. Older records are the description with the text inside, as a string.
export async function idb_put_file(store, key, meta, blob) {
  const d = await db();
  const tx = d.transaction(store, 'readwrite', { durability: 'strict' });
  tx.objectStore(store).put({ meta, blob }, key);
  return done(tx);
}
export async function idb_all_files(store) {
  const d = await db();
  const all = await asPromise(d.transaction(store, 'readonly').objectStore(store).getAll());
  return all.map((v) => (typeof v === 'string' ? [v, null] : [v.meta, v.blob]));
}
export async function idb_has(store, key) {
  const d = await db();
  return (await asPromise(d.transaction(store, 'readonly').objectStore(store).count(key))) > 0;
}
export async function idb_count(store) {
  const d = await db();
  return asPromise(d.transaction(store, 'readonly').objectStore(store).count());
}
export async function storage_persisted() {
  if (!(navigator.storage && navigator.storage.persisted)) return false;
  try { return await navigator.storage.persisted(); } catch (e) { return false; }
}
export async function storage_persist() {
  if (!(navigator.storage && navigator.storage.persist)) return false;
  if (await storage_persisted()) return true;
  try { return await navigator.storage.persist(); } catch (e) { return false; }
}
export async function svg_png(svg, scale) {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = Math.ceil(img.naturalWidth * scale);
    c.height = Math.ceil(img.naturalHeight * scale);
    const g = c.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.width, c.height);
    g.drawImage(img, 0, 0, c.width, c.height);
    return c.toDataURL('image/png').split(',')[1];
  } finally {
    URL.revokeObjectURL(url);
  }
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn idb_put(store: &str, key: &str, value: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_delete(store: &str, key: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_submit(key: &str, value: &str, draft_key: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_get(store: &str, key: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_all(store: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_entries(store: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_delete_keys(store: &str, keys: Array) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_count(store: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_put_file(
        store: &str,
        key: &str,
        meta: &str,
        blob: &web_sys::Blob,
    ) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_all_files(store: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_has(store: &str, key: &str) -> Result<js_sys::Promise, JsValue>;
    fn storage_persisted() -> js_sys::Promise;
    fn storage_persist() -> js_sys::Promise;
    pub(super) fn svg_png(svg: &str, scale: f32) -> js_sys::Promise;
}

pub(super) fn message(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

async fn run(p: Result<js_sys::Promise, JsValue>) -> Result<JsValue, String> {
    JsFuture::from(p.map_err(message)?).await.map_err(message)
}

/// Object stores.
pub const DRAFTS: &str = "drafts";
pub const RESPONSES: &str = "responses";
pub const SETTINGS: &str = "settings";
pub const FILES: &str = "files";
pub const SURVEYS: &str = "surveys";

/// The channel on which a change to the stored response files or surveys is announced,
/// to this page and to the app's other tabs, so that a page showing them (the report)
/// reads them again: an import started on the dashboard may finish after the manager
/// has moved on, or happen in another tab.
pub const DATA_CHANNEL: &str = "otklik-data";

thread_local! {
    static CHANNEL: Option<web_sys::BroadcastChannel> = web_sys::BroadcastChannel::new(DATA_CHANNEL).ok();
    /// This page's mark on its announcements, so that a watcher can tell its own.
    static PAGE: String = format!("{:016x}", random_seed());
}

/// Watches the stored files and surveys: `f` is called after each change, with `true`
/// when this page made it and `false` when another tab did, until the watch is dropped.
pub struct DataWatch {
    channel: web_sys::BroadcastChannel,
    _listener: gloo::events::EventListener,
}

impl Drop for DataWatch {
    fn drop(&mut self) {
        self.channel.close();
    }
}

pub fn watch_data(mut f: impl FnMut(bool) + 'static) -> Option<DataWatch> {
    let channel = web_sys::BroadcastChannel::new(DATA_CHANNEL).ok()?;
    let listener = gloo::events::EventListener::new(&channel, "message", move |e| {
        let from = e
            .dyn_ref::<web_sys::MessageEvent>()
            .and_then(|m| m.data().as_string())
            .unwrap_or_default();
        f(PAGE.with(|p| from == *p))
    });
    Some(DataWatch {
        channel,
        _listener: listener,
    })
}

fn changed(store: &str) {
    if store == FILES || store == SURVEYS {
        CHANNEL.with(|c| {
            if let Some(c) = c {
                let _ = c.post_message(&JsValue::from_str(&PAGE.with(Clone::clone)));
            }
        });
    }
}

pub async fn put(store: &str, key: &str, value: &str) -> Result<(), String> {
    run(idb_put(store, key, value)).await?;
    changed(store);
    Ok(())
}
pub async fn delete(store: &str, key: &str) -> Result<(), String> {
    run(idb_delete(store, key)).await?;
    changed(store);
    Ok(())
}
pub async fn submit(key: &str, value: &str, draft_key: &str) -> Result<(), String> {
    run(idb_submit(key, value, draft_key)).await.map(|_| ())
}
pub async fn get(store: &str, key: &str) -> Result<Option<String>, String> {
    run(idb_get(store, key)).await.map(|v| v.as_string())
}
pub async fn all(store: &str) -> Result<Vec<String>, String> {
    let v = run(idb_all(store)).await?;
    Ok(Array::from(&v)
        .iter()
        .filter_map(|x| x.as_string())
        .collect())
}
/// Every entry of `store` as `(key, text)`; a value that is not text comes as JSON.
pub async fn entries(store: &str) -> Result<Vec<(String, String)>, String> {
    let v = run(idb_entries(store)).await?;
    Ok(Array::from(&v)
        .iter()
        .filter_map(|pair| {
            let pair = Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect())
}
/// Deletes `keys` from `store` in one transaction: all of them or, on failure, none.
pub async fn delete_keys(store: &str, keys: &[&str]) -> Result<(), String> {
    let arr: Array = keys.iter().map(|k| JsValue::from_str(k)).collect();
    run(idb_delete_keys(store, arr)).await?;
    changed(store);
    Ok(())
}
/// Stores a file: its description (JSON) and its content, kept by the browser as it
/// is (no copy passes through this page). `announce`: tell the other pages.
pub async fn put_file(
    store: &str,
    key: &str,
    meta: &str,
    blob: &web_sys::Blob,
    announce: bool,
) -> Result<(), String> {
    run(idb_put_file(store, key, meta, blob)).await?;
    if announce {
        changed(store);
    }
    Ok(())
}
/// Every stored file: its description and, but for an older record (whose text is
/// inside its description), its content.
pub async fn all_files(store: &str) -> Result<Vec<(String, Option<web_sys::Blob>)>, String> {
    let v = run(idb_all_files(store)).await?;
    Ok(Array::from(&v)
        .iter()
        .filter_map(|pair| {
            let pair = Array::from(&pair);
            let meta = pair.get(0).as_string()?;
            let blob = pair.get(1).dyn_into::<web_sys::Blob>().ok();
            Some((meta, blob))
        })
        .collect())
}
/// Whether `store` holds `key`.
pub async fn has(store: &str, key: &str) -> bool {
    run(idb_has(store, key))
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
pub async fn count(store: &str) -> Result<u64, String> {
    run(idb_count(store))
        .await
        .map(|v| v.as_f64().unwrap_or(0.0) as u64)
}
/// Whether the browser keeps this site's data already (persistent storage), without
/// asking for it.
pub async fn persisted() -> bool {
    JsFuture::from(storage_persisted())
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Asks the browser to keep this site's data (persistent storage); whether granted.
/// Firefox asks the user first, and the answer comes only once they have given it (never
/// where nobody answers): start with [`persisted`] for the state as it is now.
pub async fn persist() -> bool {
    JsFuture::from(storage_persist())
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Reports the persistent-storage state at once, then again when the browser has
/// answered the request for it (Chromium at once; Firefox once the user has answered
/// its question, if ever).
pub async fn persistence(report: impl Fn(bool)) {
    report(persisted().await);
    report(persist().await);
}

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    use super::*;
    use crate::services::page::{blob_text, new_response_id, text_blob};
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// Empties a store through the app's own calls (the app itself never clears one).
    async fn clear(store: &str) -> Result<(), String> {
        let keys: Vec<String> = entries(store).await?.into_iter().map(|(k, _)| k).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        delete_keys(store, &keys).await
    }

    #[wasm_bindgen_test]
    async fn entries_come_with_their_keys_and_chosen_keys_are_deleted_together() {
        clear(RESPONSES).await.unwrap();
        for (k, v) in [("a", "1"), ("b", "2"), ("c", "3")] {
            put(RESPONSES, k, v).await.unwrap();
        }
        let mut e = entries(RESPONSES).await.unwrap();
        e.sort();
        assert_eq!(
            e,
            [("a", "1"), ("b", "2"), ("c", "3")].map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
        delete_keys(RESPONSES, &["a", "c", "missing"])
            .await
            .unwrap();
        assert_eq!(
            entries(RESPONSES).await.unwrap(),
            vec![("b".to_owned(), "2".to_owned())]
        );
        clear(RESPONSES).await.unwrap();
    }

    #[wasm_bindgen_test]
    async fn a_value_written_is_read_back() {
        put(SETTINGS, "t-key", "t-value").await.unwrap();
        assert_eq!(
            get(SETTINGS, "t-key").await.unwrap().as_deref(),
            Some("t-value")
        );
        delete(SETTINGS, "t-key").await.unwrap();
        assert_eq!(get(SETTINGS, "t-key").await.unwrap(), None);
    }

    #[wasm_bindgen_test]
    async fn submitting_stores_the_response_and_removes_the_draft_together() {
        clear(RESPONSES).await.unwrap();
        put(DRAFTS, "current", "{}").await.unwrap();
        submit("r-1", "{\"id\":\"r-1\"}", "current").await.unwrap();
        assert_eq!(count(RESPONSES).await.unwrap(), 1);
        assert_eq!(
            all(RESPONSES).await.unwrap(),
            vec!["{\"id\":\"r-1\"}".to_owned()]
        );
        assert_eq!(get(DRAFTS, "current").await.unwrap(), None);
        clear(RESPONSES).await.unwrap();
    }

    #[wasm_bindgen_test]
    async fn a_file_is_stored_as_its_description_beside_its_content() {
        clear(FILES).await.unwrap();
        let text = "response_id,period\nr-1,2026\n";
        put_file(FILES, "k1", r#"{"key":"k1"}"#, &text_blob(text), false)
            .await
            .unwrap();
        // An older record: the description alone, a string.
        put(FILES, "k0", r#"{"key":"k0","text":"x"}"#)
            .await
            .unwrap();
        assert!(has(FILES, "k1").await);
        assert!(!has(FILES, "k2").await);
        let mut all = all_files(FILES).await.unwrap();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].0, r#"{"key":"k0","text":"x"}"#);
        assert!(all[0].1.is_none());
        assert_eq!(all[1].0, r#"{"key":"k1"}"#);
        let blob = all[1].1.as_ref().expect("the content");
        assert_eq!(blob_text(blob).await, text);
        clear(FILES).await.unwrap();
    }

    #[wasm_bindgen_test]
    fn response_ids_and_seeds_are_random() {
        let (a, b) = (new_response_id(), new_response_id());
        assert_ne!(a, b);
        assert_eq!(a.len(), 22);
        assert_ne!(random_seed(), random_seed());
    }
}
