//! The survey and its dimensions.

use std::collections::HashSet;

use serde_json::Value;

use super::reader::*;
use crate::definition::*;
use crate::{Message, Text};

impl Reader {
    pub(super) fn survey(&mut self, v: &Value) -> Option<Survey> {
        let m = self.object(v, "")?;
        self.unknown_fields(
            m,
            "",
            &[
                "id",
                "version",
                "audience",
                "languages",
                "title",
                "intro",
                "min_group",
                "min_group_text",
                "dimensions",
                "questions",
            ],
        );
        let id = self.required(m, "", "id").and_then(|v| self.id(v, "id"));
        let version = match self.required(m, "", "version") {
            Some(v) => match v.as_u64() {
                Some(n) if (1..=u64::from(u16::MAX)).contains(&n) => Some(n as u32),
                Some(n) if n > 0 => {
                    let max = u16::MAX;
                    self.problem(
                        "version",
                        Message::new("def-at-most")
                            .with("max", max)
                            .with("found", n.to_string()),
                    );
                    None
                }
                _ => {
                    self.problem("version", at_least(1, v));
                    None
                }
            },
            None => None,
        };
        let audience = match self.required(m, "", "audience") {
            Some(Value::String(s)) if s == "internal" => Some(Audience::Internal),
            Some(Value::String(s)) if s == "external" => Some(Audience::External),
            Some(other) => {
                self.problem(
                    "audience",
                    Message::new("def-expected-audience").with("found", other.to_string()),
                );
                None
            }
            None => None,
        };
        let languages = self.languages(m.get("languages"));
        let title = self
            .required(m, "", "title")
            .and_then(|v| self.text(v, "title"));
        let intro = self.opt_text(m, "", "intro");
        let min_group = self.integer(m, "", "min_group", 5, 3, 1000);
        let min_group_text = self.integer(
            m,
            "",
            "min_group_text",
            10.max(min_group.unwrap_or(5)),
            3,
            1000,
        );
        if let (Some(k), Some(kt)) = (min_group, min_group_text) {
            if kt < k {
                self.problem(
                    "min_group_text",
                    Message::new("def-min-group-text")
                        .with("k", k)
                        .with("found", kt.to_string()),
                );
            }
        }

        let mut dimensions = Vec::new();
        match m.get("dimensions") {
            None => {}
            Some(Value::Array(items)) => {
                let mut seen = HashSet::new();
                for (i, d) in items.iter().enumerate() {
                    let path = format!("dimensions[{i}]");
                    if let Some(dim) = self.dimension(d, &path) {
                        if !seen.insert(dim.id.clone()) {
                            self.problem(format!("{path}.id"), duplicate(&dim.id));
                        }
                        dimensions.push(dim);
                    }
                }
            }
            Some(other) => self.found("dimensions", "def-expected-array", other),
        }

        let mut questions = Vec::new();
        // Questions with problems of their own, kept so that other questions naming
        // them are not reported again.
        let mut broken = Vec::new();
        match self.required(m, "", "questions") {
            Some(Value::Array(items)) if items.is_empty() => {
                self.problem("questions", Message::new("def-no-questions"))
            }
            Some(Value::Array(items)) => {
                for (i, v) in items.iter().enumerate() {
                    match self.question(v, &format!("questions[{i}]")) {
                        Some(q) => questions.push((i, q)),
                        None => broken.push((i, v)),
                    }
                }
            }
            Some(other) => self.found("questions", "def-expected-array", other),
            None => {}
        }
        self.cross_checks(&dimensions, &questions, &broken);

        // Every text in every declared language.
        if let Some(langs) = languages.as_ref().filter(|l| !l.is_empty()) {
            let mut texts: Vec<(String, &Text)> = Vec::new();
            if let Some(t) = &title {
                texts.push(("title".to_owned(), t));
            }
            if let Some(Some(t)) = &intro {
                texts.push(("intro".to_owned(), t));
            }
            for (i, d) in dimensions.iter().enumerate() {
                texts.push((format!("dimensions[{i}].title"), &d.title));
            }
            for (i, q) in &questions {
                q.texts(&format!("questions[{i}]"), &mut texts);
            }
            let mut missing = Vec::new();
            for (path, text) in texts {
                for lang in langs.iter().filter(|l| *l != "ru") {
                    let has = matches!(text, Text::Translated(m) if m.contains_key(lang));
                    if !has {
                        // Where the translation belongs: the text's member in that language.
                        missing.push((format!("{path}.{lang}"), lang.clone()));
                    }
                }
            }
            for (path, lang) in missing {
                self.problem(
                    path,
                    Message::new("def-text-missing-lang").with("lang", format!("{lang:?}")),
                );
            }
        }

        Some(Survey {
            id: id?,
            version: version?,
            audience: audience?,
            languages: languages?,
            title: title?,
            intro: intro?,
            min_group: min_group? as u32,
            min_group_text: min_group_text? as u32,
            dimensions,
            questions: questions.into_iter().map(|(_, q)| q).collect(),
        })
    }

    /// The declared languages: a list of distinct language codes with `ru` among
    /// them; empty when absent.
    fn languages(&mut self, v: Option<&Value>) -> Option<Vec<String>> {
        let items = match v {
            None => return Some(Vec::new()),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.found("languages", "def-expected-array", other);
                return None;
            }
        };
        let mut out: Vec<String> = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let path = format!("languages[{i}]");
            match item {
                Value::String(s) if lang_code(s) => {
                    if out.contains(s) {
                        self.problem(path, duplicate(s));
                        ok = false;
                    } else {
                        out.push(s.clone());
                    }
                }
                Value::String(_) => {
                    self.problem(path, Message::new("def-lang-code"));
                    ok = false;
                }
                other => {
                    self.found(path, "def-expected-string", other);
                    ok = false;
                }
            }
        }
        if ok && !out.iter().any(|l| l == "ru") {
            self.problem("languages", Message::new("def-languages-need-ru"));
            ok = false;
        }
        ok.then_some(out)
    }

    pub(super) fn dimension(&mut self, v: &Value, path: &str) -> Option<Dimension> {
        let m = self.object(v, path)?;
        self.unknown_fields(m, path, &["id", "title", "weight"]);
        let id = self
            .required(m, path, "id")
            .and_then(|v| self.id(v, &join(path, "id")));
        let title = self
            .required(m, path, "title")
            .and_then(|v| self.text(v, &join(path, "title")));
        let weight = match self.number(m, path, "weight")? {
            None => 1.0,
            Some(w) if w > 0.0 => w,
            Some(w) => {
                self.problem(
                    join(path, "weight"),
                    Message::new("def-positive").with("found", w.to_string()),
                );
                return None;
            }
        };
        Some(Dimension {
            id: id?,
            title: title?,
            weight,
        })
    }
}
