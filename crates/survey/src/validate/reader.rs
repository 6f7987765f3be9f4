//! The reader's primitives: problems, fields, ids, texts and numbers.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::Problem;
use crate::definition::*;
use crate::{check_id, Message, Text};

pub(crate) const RESERVED: [&str; 5] = ["response_id", "period", "survey", "version", "channel"];
pub(super) const TYPES: &str = "scale, nps, choice, multi, yesno, number, text";
#[derive(Default)]
pub(super) struct Reader {
    pub(super) problems: Vec<Problem>,
}

pub(super) fn kind_of(v: &Value) -> Message {
    match v {
        Value::Null => Message::new("def-kind-null"),
        Value::Bool(_) => Message::new("def-kind-bool"),
        Value::Number(_) => Message::new("def-kind-number"),
        Value::String(_) => Message::new("def-kind-string"),
        Value::Array(_) => Message::new("def-kind-array"),
        Value::Object(_) => Message::new("def-kind-object"),
    }
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

impl Reader {
    pub(super) fn problem(&mut self, path: impl Into<String>, message: Message) {
        self.problems.push(Problem {
            path: path.into(),
            message,
        });
    }

    /// A value of the wrong kind: `key` says what was expected.
    pub(super) fn found(&mut self, path: impl Into<String>, key: &'static str, v: &Value) {
        self.problem(path, Message::new(key).with("found", kind_of(v)));
    }

    pub(super) fn object<'a>(
        &mut self,
        v: &'a Value,
        path: &str,
    ) -> Option<&'a Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.found(path, "def-expected-object", other);
                None
            }
        }
    }

    pub(super) fn unknown_fields(&mut self, m: &Map<String, Value>, path: &str, known: &[&str]) {
        for key in m.keys() {
            if !known.contains(&key.as_str()) {
                self.problem(
                    join(path, key),
                    Message::new("def-unknown-field").with("known", known.join(", ")),
                );
            }
        }
    }

    pub(super) fn required<'a>(
        &mut self,
        m: &'a Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'a Value> {
        let v = m.get(key);
        if v.is_none() {
            self.problem(join(path, key), Message::new("def-required"));
        }
        v
    }

    pub(super) fn id(&mut self, v: &Value, path: &str) -> Option<String> {
        match v {
            Value::String(s) => match check_id(s) {
                Ok(()) => Some(s.clone()),
                Err(e) => {
                    self.problem(
                        path,
                        Message::new("def-bad-id")
                            .with("reason", e)
                            .with("value", format!("{s:?}")),
                    );
                    None
                }
            },
            other => {
                self.found(path, "def-expected-id", other);
                None
            }
        }
    }

    pub(super) fn text(&mut self, v: &Value, path: &str) -> Option<Text> {
        match v {
            Value::String(s) if s.trim().is_empty() => {
                self.problem(path, Message::new("def-text-empty"));
                None
            }
            Value::String(s) => Some(Text::Plain(s.clone())),
            Value::Object(m) => {
                let mut out = BTreeMap::new();
                let mut ok = true;
                for (lang, t) in m {
                    let p = join(path, lang);
                    if !lang_code(lang) {
                        self.problem(&p, Message::new("def-lang-code"));
                        ok = false;
                    }
                    match t {
                        Value::String(s) if !s.trim().is_empty() => {
                            out.insert(lang.clone(), s.clone());
                        }
                        Value::String(_) => {
                            self.problem(&p, Message::new("def-text-empty"));
                            ok = false;
                        }
                        other => {
                            self.found(&p, "def-expected-string", other);
                            ok = false;
                        }
                    }
                }
                if !m.contains_key("ru") {
                    self.problem(path, Message::new("def-text-needs-ru"));
                    ok = false;
                }
                ok.then_some(Text::Translated(out))
            }
            other => {
                self.found(path, "def-expected-text", other);
                None
            }
        }
    }

    pub(super) fn opt_text(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<Option<Text>> {
        match m.get(key) {
            None => Some(None),
            Some(v) => self.text(v, &join(path, key)).map(Some),
        }
    }

    pub(super) fn bool_field(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> bool {
        match m.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.found(join(path, key), "def-expected-bool", other);
                false
            }
        }
    }

    pub(super) fn integer(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
        key: &str,
        default: u64,
        lo: u64,
        hi: u64,
    ) -> Option<u64> {
        match m.get(key) {
            None => Some(default),
            Some(v) => match v.as_u64() {
                Some(n) if (lo..=hi).contains(&n) => Some(n),
                _ => {
                    self.problem(
                        join(path, key),
                        Message::new("def-expected-whole")
                            .with("lo", lo)
                            .with("hi", hi)
                            .with("found", v.to_string()),
                    );
                    None
                }
            },
        }
    }

    pub(super) fn number(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<Option<f64>> {
        match m.get(key) {
            None => Some(None),
            Some(v) => match v.as_f64() {
                Some(x) if x.is_finite() => Some(Some(x)),
                _ => {
                    self.found(join(path, key), "def-expected-number", v);
                    None
                }
            },
        }
    }
}

/// A string field of a question that was not accepted.
pub(super) fn raw_str<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

pub(super) fn condition_value_fits(kind: &QuestionKind, val: &str) -> Result<(), Message> {
    match kind {
        QuestionKind::Choice { options, .. } | QuestionKind::Multi { options } => {
            if options.iter().any(|o| o.id == val) {
                Ok(())
            } else {
                Err(Message::new("def-value-option").with(
                    "options",
                    options
                        .iter()
                        .map(|o| o.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ))
            }
        }
        QuestionKind::YesNo => matches!(val, "yes" | "no")
            .then_some(())
            .ok_or_else(|| Message::new("expected-yesno")),
        QuestionKind::Scale { points, .. } => match val.parse::<u8>() {
            Ok(v) if (1..=*points).contains(&v) => Ok(()),
            _ => Err(Message::new("def-value-scale").with("points", *points)),
        },
        QuestionKind::Nps { .. } => match val.parse::<u8>() {
            Ok(v) if v <= 10 => Ok(()),
            _ => Err(Message::new("def-value-nps")),
        },
        QuestionKind::Number { .. } | QuestionKind::Text { .. } => {
            Err(Message::new("def-value-type"))
        }
    }
}

/// Whether `s` reads as a language code: 1 to 16 ASCII letters, digits and hyphens
/// (`ru`, `uz`, `zh-Hans`).
pub(super) fn lang_code(s: &str) -> bool {
    !s.is_empty() && s.len() <= 16 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

pub(super) fn duplicate(id: &str) -> Message {
    Message::new("def-duplicate-id").with("id", format!("{id:?}"))
}

/// A whole number at least `min` was expected; `v` was found.
pub(super) fn at_least(min: u64, v: &Value) -> Message {
    Message::new("def-at-least")
        .with("min", min)
        .with("found", v.to_string())
}
