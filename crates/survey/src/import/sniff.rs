//! What a file is, from its first bytes or its beginning: binary or text, JSON or CSV,
//! and which survey its responses are for.

use serde_json::Value;

use super::problems::{Location, Problems};
use super::Limits;
use crate::{Message, Survey};

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

/// How every reader opens a file: one over the size limit is refused (`None`), a
/// binary one is said first not to be a response file, and a byte-order mark is
/// skipped.
pub(crate) fn opened<'b>(
    bytes: &'b [u8],
    limits: &Limits,
    problems: &mut Problems,
) -> Option<&'b [u8]> {
    if bytes.len() > limits.max_bytes {
        problems.add(
            Location::File,
            Message::new("file-too-large")
                .with("size", bytes.len())
                .with("max", limits.max_bytes),
        );
        return None;
    }
    binary_first(bytes, problems);
    Some(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
}

/// Says first that a binary file is not a response file; the details follow.
fn binary_first(bytes: &[u8], problems: &mut Problems) {
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

/// The survey a response file names: the `"survey"` of a JSON file, or the first
/// row's cell in the `survey` column of a CSV file (`None` when it is empty). `text`
/// is the whole file when `whole`, else its beginning: of a JSON file, then, the first
/// `"survey": "…"` in it.
///
/// Leading blanks and a byte-order mark are skipped; `{` first means JSON. The CSV
/// is split as [`csv_head`] splits it.
pub fn survey_of(text: &str, whole: bool) -> Option<String> {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('{') {
        if !whole {
            return json_head_survey(body);
        }
        let v: Value = serde_json::from_str(body).ok()?;
        return v.get("survey").and_then(Value::as_str).map(str::to_owned);
    }
    let mut rdr = csv_head(body);
    let header = rdr.next()?;
    let col = header.iter().position(|h| h == "survey")?;
    rdr.next()
        .and_then(|row| row.get(col).cloned())
        .filter(|s| !s.is_empty())
}

/// The `"survey"` member of a JSON response file, from the file's beginning (the
/// exported files name it before their responses): the first `"survey": "…"`.
fn json_head_survey(head: &str) -> Option<String> {
    let at = head.find("\"survey\"")? + "\"survey\"".len();
    let rest = head[at..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    let id = &rest[..end];
    (!id.is_empty() && !id.contains('\\')).then(|| id.to_owned())
}

/// For a CSV file without a `survey` column: the id of the first of `surveys` whose
/// question ids cover every column of the header (besides `response_id`, `period`,
/// `survey` and `version`). `None` for a JSON file (`{` first, after a byte-order mark
/// and blanks). The header is split as [`csv_head`] splits it.
pub fn guess_survey<'a>(
    text: &str,
    surveys: impl IntoIterator<Item = &'a Survey>,
) -> Option<String> {
    let body = text.trim_start_matches('\u{feff}');
    if body.trim_start().starts_with('{') {
        return None;
    }
    let header = csv_head(body).next()?;
    surveys
        .into_iter()
        .find(|s| {
            header.iter().all(|h| {
                matches!(h.as_str(), "response_id" | "period" | "survey" | "version")
                    || s.question(h).is_some()
            })
        })
        .map(|s| s.id.clone())
}

/// The first two lines of a CSV text, each split at every comma, with the quotes
/// around each cell trimmed: well enough to find a column, not a CSV reader (a comma
/// inside quotes splits the cell; a quoted line break ends the line).
pub fn csv_head(text: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    text.lines().take(2).map(|l| {
        l.split(',')
            .map(|c| c.trim_matches('"').to_owned())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::{csv_head, guess_survey, survey_of};
    use crate::Survey;

    fn survey(id: &str, questions: &[&str]) -> Survey {
        let questions: Vec<String> = questions
            .iter()
            .map(|q| format!(r#"{{"id":"{q}","type":"scale","text":"t"}}"#))
            .collect();
        Survey::from_json(&format!(
            r#"{{"id":"{id}","version":1,"audience":"internal","title":"T","questions":[{}]}}"#,
            questions.join(",")
        ))
        .unwrap()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn a_csv_names_its_survey_in_the_first_row() {
        let csv = "response_id,period,survey,q1\nr1,2026,s1,4\nr2,2026,s2,5\n";
        assert_eq!(survey_of(csv, true), some("s1"));
        assert_eq!(survey_of(csv, false), some("s1"));
        // A byte-order mark, blank lines before the header, `\r\n`, quotes.
        assert_eq!(
            survey_of(
                "\u{feff}\n \r\n\"response_id\",\"survey\"\r\n\"r1\",\"s1\"\r\n",
                true
            ),
            some("s1")
        );
        // No survey column, an empty cell, no row, no header.
        assert_eq!(survey_of("response_id,period\nr1,2026\n", true), None);
        assert_eq!(survey_of("response_id,survey\nr1,\n", true), None);
        assert_eq!(survey_of("response_id,survey,q1\nr1\n", true), None);
        assert_eq!(survey_of("response_id,survey\n", true), None);
        assert_eq!(survey_of("", true), None);
        // Semicolons do not separate cells, and a name is not trimmed of blanks.
        assert_eq!(survey_of("response_id;survey\nr1;s1\n", true), None);
        assert_eq!(survey_of("response_id, survey\nr1, s1\n", true), None);
    }

    #[test]
    fn a_json_file_names_its_survey_whole_or_at_its_beginning() {
        let json = r#"{"format":"otklik-responses","survey":"s1","responses":[]}"#;
        assert_eq!(survey_of(json, true), some("s1"));
        assert_eq!(survey_of(json, false), some("s1"));
        assert_eq!(survey_of(&format!("\u{feff} \n{json}"), true), some("s1"));
        // The beginning of a larger file: read up to the first `"survey": "…"`.
        let head = "{\n  \"format\": \"otklik-responses\",\n  \"survey\" : \"s2\",\n  \"responses\": [{\"id\": \"r";
        assert_eq!(survey_of(head, false), some("s2"));
        assert_eq!(survey_of(head, true), None); // not a whole document
                                                 // An escape, an empty id, no survey, a survey that is not a string.
        assert_eq!(survey_of(r#"{"survey":"a\"b"}"#, false), None);
        assert_eq!(survey_of(r#"{"survey":"a\\b"}"#, false), None);
        assert_eq!(survey_of(r#"{"survey":"a\\b"}"#, true), some("a\\b"));
        assert_eq!(survey_of(r#"{"survey":""}"#, false), None);
        assert_eq!(survey_of(r#"{"survey":""}"#, true), some(""));
        assert_eq!(survey_of(r#"{"format":"otklik-responses"}"#, true), None);
        assert_eq!(survey_of(r#"{"format":"otklik-responses"}"#, false), None);
        assert_eq!(survey_of(r#"{"survey":7}"#, true), None);
        assert_eq!(survey_of(r#"{"survey":7}"#, false), None);
    }

    #[test]
    fn other_text_names_no_survey() {
        assert_eq!(survey_of("hello", true), None);
        assert_eq!(survey_of("\u{feff}", false), None);
        assert_eq!(survey_of("%PDF-1.7\n%\u{fffd}\n", true), None);
        assert_eq!(survey_of("[1, 2]", true), None);
    }

    #[test]
    fn a_header_covered_by_a_survey_s_questions_tells_the_survey() {
        let (a, b) = (survey("a", &["q1", "q2"]), survey("b", &["q3"]));
        let both = [&a, &b];
        assert_eq!(
            guess_survey("response_id,period,q1\nr1,2026,4\n", both),
            some("a")
        );
        assert_eq!(guess_survey("survey,version,q2,q1", both), some("a"));
        assert_eq!(
            guess_survey("\u{feff}\"response_id\",\"period\",\"q3\"\r\n", both),
            some("b")
        );
        // The first that covers the header.
        assert_eq!(guess_survey("response_id,period\n", both), some("a"));
        assert_eq!(guess_survey("response_id,period\n", [&b, &a]), some("b"));
        // A column no survey has, columns of two surveys, nothing to go by.
        assert_eq!(guess_survey("response_id,period,q9\n", both), None);
        assert_eq!(guess_survey("response_id,q1,q3\n", both), None);
        assert_eq!(guess_survey("response_id;period;q1\n", both), None);
        assert_eq!(guess_survey("", both), None);
        assert_eq!(guess_survey("\n", both), None);
        assert_eq!(guess_survey("q1", []), None);
        // Blank lines before the header are not skipped.
        assert_eq!(guess_survey("\nresponse_id,q1\n", both), None);
        // A JSON file is not guessed.
        assert_eq!(guess_survey("\u{feff} {\"q1\":1}", both), None);
    }

    #[test]
    fn csv_head_splits_two_lines_at_commas_and_trims_quotes() {
        let rows: Vec<Vec<String>> =
            csv_head("a,\"b\",,c\r\n1,\"x,y\",\"\"\"z\"\"\"\nnot read\n").collect();
        assert_eq!(rows, [vec!["a", "b", "", "c"], vec!["1", "x", "y", "z"]]);
        assert_eq!(csv_head("").count(), 0);
        assert_eq!(csv_head("one").collect::<Vec<_>>(), [vec!["one"]]);
    }
}
