//! Browser access: IndexedDB (durable storage), downloads, randomness, preferences.
//! Every fallible call returns `Result<_, String>` with a message for the screen.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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
export async function storage_persist() {
  if (!(navigator.storage && navigator.storage.persist)) return false;
  if (await navigator.storage.persisted()) return true;
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
    fn storage_persist() -> js_sys::Promise;
    fn svg_png(svg: &str, scale: f32) -> js_sys::Promise;
}

/// Draws an SVG image as PNG with the browser's own renderer, `scale` pixels per
/// unit, on white; returns the PNG in base64.
pub async fn draw_svg(svg: &str, scale: f32) -> Result<String, String> {
    JsFuture::from(svg_png(svg, scale))
        .await
        .map_err(message)?
        .as_string()
        .ok_or_else(|| "no image".to_owned())
}

fn message(e: JsValue) -> String {
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
/// Asks the browser to keep this site's data (persistent storage); whether granted.
pub async fn persist() -> bool {
    JsFuture::from(storage_persist())
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Random bytes from the browser's cryptographic generator.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .expect("crypto is available");
    crypto
        .get_random_values_with_u8_array(&mut out)
        .expect("random values");
    out
}

/// A fresh random response id (`r-` and 20 hex digits): no order, no meaning.
pub fn new_response_id() -> String {
    let b: [u8; 10] = random_bytes();
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("r-{hex}")
}

/// A random 64-bit seed (for shuffling exports).
pub fn random_seed() -> u64 {
    u64::from_le_bytes(random_bytes())
}

/// Offers `bytes` as a file download.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = Uint8Array::from(bytes);
    let parts = Array::of1(&array.buffer());
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &props)
        .map_err(message)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(message)?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(message)?
        .dyn_into()
        .map_err(|_| "not an anchor".to_owned())?;
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("hidden", "").ok();
    document
        .body()
        .ok_or("no body")?
        .append_child(&a)
        .map_err(message)?;
    a.click();
    a.remove();
    // Revoke later: the download has to start first.
    gloo::timers::callback::Timeout::new(10_000, move || {
        web_sys::Url::revoke_object_url(&url).ok();
    })
    .forget();
    Ok(())
}

/// A preference (language, text size): not personal, kept in localStorage.
pub fn pref(key: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(key)
        .ok()?
}
pub fn set_pref(key: &str, value: &str) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        s.set_item(key, value).ok();
    }
}

/// Whether the screen is narrow (phones): one question per screen.
pub fn narrow() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .is_some_and(|w| w < 720.0)
}

/// The current quarter as a period label, to suggest a default (only the quarter is used).
pub fn current_quarter() -> String {
    let d = js_sys::Date::new_0();
    format!("{}-Q{}", d.get_full_year(), d.get_month() / 3 + 1)
}

/// Moves keyboard focus to the element with this id, if present.
pub fn focus(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            el.focus().ok();
        }
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    use super::*;
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

/// Today's date as `YYYY-MM-DD` (the report's date of preparation, which the user may change).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Milliseconds since the page started (for timings shown to the user).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Opens the browser's print dialogue for this page (a PDF is one of its printers).
pub fn print_page() {
    gloo::utils::window().print().ok();
}

/// Opens the browser's print dialogue for the document in the iframe `id`.
pub fn print_frame(id: &str) {
    let frame = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlIFrameElement>().ok());
    if let Some(w) = frame.and_then(|f| f.content_window()) {
        w.print().ok();
    }
}

/// The text of the data block with this id (a survey embedded in the page), if any.
pub fn data_block(id: &str) -> Option<String> {
    gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.text_content())
}

/// The page's pristine source, kept by the single-file build's boot script.
pub fn page_source() -> Option<String> {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("otklikSource"))
        .ok()
        .and_then(|v| v.as_string())
}

/// The location's fragment (`#…`) and the whole address.
pub fn location() -> (String, String) {
    let l = gloo::utils::window().location();
    (l.hash().unwrap_or_default(), l.href().unwrap_or_default())
}

/// Copies text to the clipboard where the browser allows it; false otherwise.
pub async fn copy(text: &str) -> bool {
    let clipboard = gloo::utils::window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// The text of a `Blob` (empty if it cannot be read).
pub async fn blob_text(blob: &web_sys::Blob) -> String {
    JsFuture::from(blob.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A `Blob` of `text`.
pub fn text_blob(text: &str) -> web_sys::Blob {
    web_sys::Blob::new_with_str_sequence(&Array::of1(&JsValue::from_str(text)))
        .expect("a Blob of a string")
}

/// A file the user chose: its name and its text (empty if it cannot be read).
pub async fn read_file(file: &web_sys::File) -> (String, String) {
    let text = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    (file.name(), text)
}
