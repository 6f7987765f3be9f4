//! What the page and the analytics worker say to each other: one set of types that
//! both sides use, so that a request or a reply field the other side does not know
//! fails to compile instead of reading as nothing.
//!
//! On the wire a request is JSON text tagged by `cmd`, and a reply is JSON text with
//! `"ok": true` beside the reply's fields, or `"ok": false` beside a [`Failure`]'s.
//! Files go beside the request as `Blob`s (named by their place, `blob: i`); progress
//! is [`Progress`]. JSON text is what crosses: measured in the browser benchmark
//! (`scripts/bench-browser.sh`), the analyses of three groupings (4.4 MB as JSON)
//! cross from Rust to Rust in 70 ms as JSON text and in 267 ms as a structured value
//! made and read by serde-wasm-bindgen (3.8× slower), each cloned as `postMessage`
//! clones it.

use otklik_analytics::Analysis;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::i18n::Both;

/// A request to the worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "cmd", rename_all = "lowercase")]
pub enum Request {
    /// Puts a survey's files (and with `demo`, the built-in demo data) under `token`.
    /// Reply: [`Loaded`]; a file given by its key alone that the worker no longer
    /// holds fails with [`Failure::missing`], and nothing changes.
    Load {
        token: String,
        survey: String,
        files: Vec<FileIn>,
        #[serde(default)]
        demo: bool,
    },
    /// Validates one file whole and keeps what it read under its key. Reply: [`Checked`].
    Check {
        survey: String,
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        blob: Option<usize>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        key: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sha256: Option<String>,
    },
    /// One analysis of a data set. Reply: [`Analyzed`].
    Analyze {
        token: String,
        by: Vec<String>,
        #[serde(default)]
        texts: bool,
    },
    /// Nested groupings in one pass, without free texts. Reply: [`AnalyzedMany`].
    #[serde(rename = "analyze_many")]
    AnalyzeMany {
        token: String,
        groupings: Vec<Vec<String>>,
    },
    /// A data set's responses in random order, as CSV or JSON. Reply: [`Exported`].
    Export {
        token: String,
        format: String,
        seed: u64,
    },
    /// The yearly report of the loaded data sets in `format` (`html`, `docx`, `xlsx`,
    /// `csv`) — reply [`ReportFile`] — or its charts as SVG (`charts`) — reply
    /// [`ReportCharts`]. The last report model is kept, so that the other formats of
    /// the same report are only rendered.
    Report {
        tokens: Vec<String>,
        params: ReportParams,
        format: String,
        /// For `docx`: the charts drawn by the page, PNG in base64, in report order.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        images: Option<Vec<String>>,
    },
}

/// A file named in a [`Request::Load`] or read for it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileIn {
    pub name: String,
    /// The file's content as text (tests); see `blob`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The file's content: the request's `blob`-th file (a `Blob` the page sent
    /// beside the request, read there). Neither `blob` nor `text`: a file the worker
    /// has read under `key`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blob: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// The report's parameters as the page sends them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportParams {
    pub year: u16,
    #[serde(default)]
    pub compare: Vec<u16>,
    pub organisation: String,
    pub lang: String,
    pub prepared: String,
    #[serde(default)]
    pub recommendations: Option<String>,
}

/// Why a request gave nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    /// What went wrong, in both languages unless only a bug could cause it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Both>,
    /// The keys of files a load named by key alone that the worker no longer holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// A file streamed with a problem: the worker script sends it again, whole.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub again: bool,
    /// Whether more problems were found than are listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<bool>,
}

impl Failure {
    pub fn of(error: Both) -> Failure {
        Failure {
            errors: vec![error],
            ..Failure::default()
        }
    }
}

/// A reply: what the request gave, or why not.
pub type Reply<T> = Result<T, Failure>;

/// A [`Reply`] as it crosses: `{"ok": true, …T}` or `{"ok": false, …Failure}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<T>(pub Reply<T>);

impl<T: Serialize> Serialize for Outcome<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (ok, body) = match &self.0 {
            Ok(t) => (true, serde_json::to_value(t)),
            Err(f) => (false, serde_json::to_value(f)),
        };
        let mut body = body.map_err(serde::ser::Error::custom)?;
        match &mut body {
            Value::Object(m) => {
                m.insert("ok".to_owned(), Value::Bool(ok));
            }
            _ => return Err(serde::ser::Error::custom("a reply is an object")),
        }
        body.serialize(s)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Outcome<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut v = Value::deserialize(d)?;
        let ok = v.as_object_mut().and_then(|m| m.remove("ok")) == Some(Value::Bool(true));
        let r = if ok {
            Ok(serde_json::from_value(v).map_err(serde::de::Error::custom)?)
        } else {
            Err(serde_json::from_value(v).map_err(serde::de::Error::custom)?)
        };
        Ok(Outcome(r))
    }
}

/// A reply as JSON text.
pub fn encode<T: Serialize>(reply: Reply<T>) -> String {
    serde_json::to_string(&Outcome(reply)).expect("a reply serialises")
}

/// A reply from JSON text; text that is not one is a failure that says so.
pub fn decode<T: DeserializeOwned>(text: &str) -> Reply<T> {
    match serde_json::from_str::<Outcome<T>>(text) {
        Ok(Outcome(r)) => r,
        Err(e) => Err(Failure::of(Both::One(format!("bad reply: {e}")))),
    }
}

/// The reply to [`Request::Load`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Loaded {
    /// One per file, in the order given (the demo data first when asked for).
    pub reports: Vec<FileReport>,
    /// The responses in the data set.
    pub total: u64,
    /// Its periods.
    pub periods: Vec<String>,
    /// Whether some response says its channel (then it can be broken down by channel).
    #[serde(default)]
    pub channels: bool,
}

/// How one file of a load was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub name: String,
    #[serde(flatten)]
    pub outcome: Outcome<FileRead>,
}

/// A file read without a problem, and what it added.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileRead {
    pub responses: u64,
    pub added: u64,
    pub duplicates: u64,
    pub conflicts: Vec<String>,
}

/// The reply to [`Request::Check`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checked {
    pub responses: u64,
    /// The file's key on the device: the first 32 hex digits of its SHA-256 unless the
    /// request named one.
    pub key: String,
    pub sha256: String,
}

/// The reply to [`Request::Analyze`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Analyzed {
    pub analysis: Analysis,
}

/// The reply to [`Request::AnalyzeMany`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AnalyzedMany {
    pub analyses: Vec<Analysis>,
}

/// The reply to [`Request::Export`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exported {
    pub text: String,
}

/// The reply to [`Request::Report`] for a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportFile {
    /// The recommendations the report wrote itself (none were given).
    pub generated: String,
    /// The document, for HTML.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The document in base64, for the other formats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base64: Option<String>,
}

/// The reply to [`Request::Report`] with `format: "charts"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportCharts {
    pub charts: Vec<String>,
}

/// How far a long request has come: `done` of `total` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_reply_carries_ok_beside_its_fields() {
        let text = encode::<Exported>(Ok(Exported { text: "a".into() }));
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap(),
            json!({"ok": true, "text": "a"})
        );
        assert_eq!(decode::<Exported>(&text), Ok(Exported { text: "a".into() }));
        let missing = Failure {
            missing: vec!["k".into()],
            ..Failure::default()
        };
        let text = encode::<Loaded>(Err(missing.clone()));
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap(),
            json!({"ok": false, "missing": ["k"]})
        );
        assert_eq!(decode::<Loaded>(&text), Err(missing));
        // A reply that is not one fails, saying so, rather than reading as nothing.
        let bad = decode::<Checked>(r#"{"ok":true,"responses":3}"#).unwrap_err();
        assert!(matches!(&bad.errors[0], Both::One(m) if m.starts_with("bad reply")));
    }

    #[test]
    fn a_file_report_is_flat() {
        let r = FileReport {
            name: "a.csv".into(),
            outcome: Outcome(Err(Failure::of(Both::One("x".into())))),
        };
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v, json!({"ok": false, "name": "a.csv", "errors": ["x"]}));
        assert_eq!(serde_json::from_value::<FileReport>(v).unwrap(), r);
    }

    #[test]
    fn requests_are_tagged_by_cmd_first() {
        let r = Request::Load {
            token: "t".into(),
            survey: "{}".into(),
            files: vec![],
            demo: true,
        };
        // The worker script routes a load by the start of its text.
        assert!(serde_json::to_string(&r)
            .unwrap()
            .starts_with(r#"{"cmd":"load""#));
    }
}
