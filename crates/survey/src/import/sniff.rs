//! What a file is, from its first bytes or its beginning: binary or text, JSON or CSV,
//! and which survey its responses are for.

use super::problems::{Location, Problems};
use crate::Message;

/// What a file with binary content seems to be, from its first bytes: an image, a
/// PDF, an archive or office document, or `other` for any file with a NUL byte near
/// its start (no CSV or JSON response file has one). `None` for text.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "image"),
        (b"\xFF\xD8\xFF", "image"),
        (b"GIF8", "image"),
        (b"%PDF", "pdf"),
        (b"PK\x03\x04", "archive"),
        (b"\xD0\xCF\x11\xE0", "archive"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|(_, k)| *k)
        .or_else(|| {
            bytes[..bytes.len().min(4096)]
                .contains(&0)
                .then_some("other")
        })
}

/// Says first that a binary file is not a response file; the details follow.
pub(crate) fn binary_first(bytes: &[u8], problems: &mut Problems) {
    if let Some(kind) = binary_kind(bytes) {
        problems.add(
            Location::File,
            Message::new("file-binary").with("kind", kind),
        );
    }
}

/// Whether a response file that starts with `start` is JSON (`{` first, after blanks
/// and a byte-order mark) rather than CSV, as [`read_any`] tells them apart; `None`
/// while `start` holds nothing else yet.
///
/// [`read_any`]: super::read_any
pub fn is_json(start: &[u8]) -> Option<bool> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    if start.len() < BOM.len() && BOM.starts_with(start) {
        return None;
    }
    let body = start.strip_prefix(BOM).unwrap_or(start);
    body.iter()
        .find(|b| !b.is_ascii_whitespace())
        .map(|&b| b == b'{')
}
