//! The page's own services: downloads, randomness, preferences, focus, printing, the
//! clock and the address, files and pictures. Every fallible call returns
//! `Result<_, String>` with a message for the screen.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::storage::{message, svg_png};

/// Draws an SVG image as PNG with the browser's own renderer, `scale` pixels per
/// unit, on white; returns the PNG in base64.
pub async fn draw_svg(svg: &str, scale: f32) -> Result<String, String> {
    JsFuture::from(svg_png(svg, scale))
        .await
        .map_err(message)?
        .as_string()
        .ok_or_else(|| "no image".to_owned())
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

/// Selects the option `value` of the `<select>` `id`, where it has one. Firefox keeps
/// the option selected when its `selected` attribute moves to an option added in the
/// same render (an imported survey): the choice is set on the element too.
pub fn select_value(id: &str, value: &str) {
    let Some(select) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
    else {
        return;
    };
    let before = select.value();
    if before == value {
        return;
    }
    select.set_value(value);
    if select.value() != value {
        select.set_value(&before);
    }
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
