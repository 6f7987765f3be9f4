//! A question: its type, options, scale labels and display condition.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::reader::*;
use crate::definition::*;
use crate::{Message, Text};

impl Reader {
    pub(super) fn options(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
        max: usize,
    ) -> Option<Vec<SelectOption>> {
        let p = join(path, "options");
        let items = match self.required(m, path, "options")? {
            Value::Array(items) => items,
            other => {
                self.found(&p, "def-expected-array", other);
                return None;
            }
        };
        if items.is_empty() || items.len() > max {
            self.problem(
                &p,
                Message::new("def-option-count")
                    .with("max", max)
                    .with("found", items.len()),
            );
        }
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        let mut ok = true;
        for (i, o) in items.iter().enumerate() {
            let op = format!("{p}[{i}]");
            let Some(om) = self.object(o, &op) else {
                ok = false;
                continue;
            };
            self.unknown_fields(om, &op, &["id", "label", "headcount", "channel"]);
            let id = self
                .required(om, &op, "id")
                .and_then(|v| self.id(v, &join(&op, "id")));
            if let Some(id) = &id {
                if !seen.insert(id.clone()) {
                    self.problem(join(&op, "id"), duplicate(id));
                }
            }
            let label = self
                .required(om, &op, "label")
                .and_then(|v| self.text(v, &join(&op, "label")));
            let headcount = match om.get("headcount") {
                None => Some(None),
                Some(v) => match v.as_u64() {
                    Some(n) if n <= u64::from(u32::MAX) => Some(Some(n as u32)),
                    _ => {
                        self.problem(join(&op, "headcount"), at_least(0, v));
                        None
                    }
                },
            };
            let channel = match om.get("channel") {
                None => Some(None),
                Some(Value::String(s)) if s == "digital" => Some(Some(Channel::Digital)),
                Some(Value::String(s)) if s == "offline" => Some(Some(Channel::Offline)),
                Some(v) => {
                    self.problem(
                        join(&op, "channel"),
                        Message::new("def-expected-channel").with("found", v.to_string()),
                    );
                    None
                }
            };
            match (id, label, headcount, channel) {
                (Some(id), Some(label), Some(headcount), Some(channel)) => out.push(SelectOption {
                    id,
                    label,
                    headcount,
                    channel,
                }),
                _ => ok = false,
            }
        }
        ok.then_some(out)
    }

    pub(super) fn labels(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
    ) -> Option<Option<ScaleLabels>> {
        let Some(v) = m.get("labels") else {
            return Some(None);
        };
        let p = join(path, "labels");
        let lm = self.object(v, &p)?;
        self.unknown_fields(lm, &p, &["min", "max"]);
        let min = self
            .required(lm, &p, "min")
            .and_then(|v| self.text(v, &join(&p, "min")));
        let max = self
            .required(lm, &p, "max")
            .and_then(|v| self.text(v, &join(&p, "max")));
        Some(Some(ScaleLabels {
            min: min?,
            max: max?,
        }))
    }

    pub(super) fn question(&mut self, v: &Value, path: &str) -> Option<Question> {
        let m = self.object(v, path)?;
        let common = [
            "id",
            "type",
            "text",
            "short",
            "hint",
            "required",
            "visible_if",
            "role",
        ];
        let id = self
            .required(m, path, "id")
            .and_then(|v| self.id(v, &join(path, "id")));
        if let Some(id) = &id {
            if RESERVED.contains(&id.as_str()) {
                self.problem(
                    join(path, "id"),
                    Message::new("def-reserved-id").with("id", format!("{id:?}")),
                );
            }
        }
        let text = self
            .required(m, path, "text")
            .and_then(|v| self.text(v, &join(path, "text")));
        let short = self.opt_text(m, path, "short");
        if let Some(Some(short)) = &short {
            let long = match short {
                Text::Plain(s) => s.chars().count() > SHORT_MAX,
                Text::Translated(map) => map.values().any(|s| s.chars().count() > SHORT_MAX),
            };
            if long {
                self.problem(
                    join(path, "short"),
                    Message::new("def-short-too-long").with("max", SHORT_MAX),
                );
            }
        }
        let hint = self.opt_text(m, path, "hint");
        let required = self.bool_field(m, path, "required");
        let visible_if = match m.get("visible_if") {
            None => Some(None),
            Some(v) => self.condition(v, &join(path, "visible_if")).map(Some),
        };
        let role = match m.get("role") {
            None => Some(None),
            Some(Value::String(s)) => match s.as_str() {
                "effort" => Some(Some(Role::Effort)),
                "resolution" => Some(Some(Role::Resolution)),
                "touchpoint" => Some(Some(Role::Touchpoint)),
                "need" => Some(Some(Role::Need)),
                "segment" => Some(Some(Role::Segment)),
                _ => {
                    self.problem(
                        join(path, "role"),
                        Message::new("def-unknown-role").with("role", format!("{s:?}")),
                    );
                    None
                }
            },
            Some(v) => {
                self.found(join(path, "role"), "def-expected-role", v);
                None
            }
        };
        let tp = join(path, "type");
        let type_name = match self.required(m, path, "type") {
            Some(Value::String(s)) => s.as_str(),
            Some(other) => {
                self.problem(
                    &tp,
                    Message::new("def-expected-type")
                        .with("types", TYPES)
                        .with("found", kind_of(other)),
                );
                return None;
            }
            None => return None,
        };
        let (own, kind): (&[&str], Option<QuestionKind>) = match type_name {
            "scale" => {
                let points = self.integer(m, path, "points", 5, 3, 11);
                let dimension = match m.get("dimension") {
                    None => Some(None),
                    Some(v) => self.id(v, &join(path, "dimension")).map(Some),
                };
                let labels = self.labels(m, path);
                (
                    &["points", "dimension", "labels"],
                    (|| {
                        Some(QuestionKind::Scale {
                            points: points? as u8,
                            dimension: dimension?,
                            labels: labels?,
                        })
                    })(),
                )
            }
            "nps" => (
                &["labels"],
                self.labels(m, path)
                    .map(|labels| QuestionKind::Nps { labels }),
            ),
            "choice" => {
                let options = self.options(m, path, 255);
                let group = self.bool_field(m, path, "group");
                (
                    &["options", "group"],
                    options.map(|options| QuestionKind::Choice { options, group }),
                )
            }
            "multi" => (
                &["options"],
                self.options(m, path, 64)
                    .map(|options| QuestionKind::Multi { options }),
            ),
            "yesno" => (&[], Some(QuestionKind::YesNo)),
            "number" => {
                let min = self.number(m, path, "min");
                let max = self.number(m, path, "max");
                let integer = self.bool_field(m, path, "integer");
                let unit = self.opt_text(m, path, "unit");
                let standard_max = self.number(m, path, "standard_max");
                let kind = (|| {
                    let min = min?.unwrap_or(0.0);
                    let max = max?.unwrap_or(1_000_000.0);
                    Some(QuestionKind::Number {
                        min,
                        max,
                        integer,
                        unit: unit?,
                        standard_max: standard_max?,
                    })
                })();
                if let Some(QuestionKind::Number {
                    min,
                    max,
                    standard_max,
                    ..
                }) = &kind
                {
                    if min > max {
                        self.problem(
                            join(path, "max"),
                            Message::new("def-max-below-min")
                                .with("min", min.to_string())
                                .with("found", max.to_string()),
                        );
                    }
                    if let Some(s) = standard_max {
                        if !(*min..=*max).contains(s) {
                            self.problem(
                                join(path, "standard_max"),
                                Message::new("def-standard-outside")
                                    .with("min", min.to_string())
                                    .with("max", max.to_string())
                                    .with("found", s.to_string()),
                            );
                        }
                    }
                }
                (&["min", "max", "integer", "unit", "standard_max"], kind)
            }
            "text" => (
                &["max_length"],
                self.integer(m, path, "max_length", 2000, 1, 10_000)
                    .map(|n| QuestionKind::Text {
                        max_length: n as u32,
                    }),
            ),
            other => {
                self.problem(
                    &tp,
                    Message::new("def-unknown-type")
                        .with("type", format!("{other:?}"))
                        .with("types", TYPES),
                );
                return None;
            }
        };
        let known: Vec<&str> = common.iter().chain(own.iter()).copied().collect();
        self.unknown_fields(m, path, &known);
        let kind = kind?;
        if let Some(role) = role.flatten() {
            let fits = match role {
                Role::Effort => matches!(kind, QuestionKind::Scale { .. }),
                Role::Resolution => matches!(kind, QuestionKind::YesNo),
                Role::Touchpoint | Role::Need | Role::Segment => {
                    matches!(kind, QuestionKind::Choice { .. })
                }
            };
            if !fits {
                let want = match role {
                    Role::Effort => "scale",
                    Role::Resolution => "yesno",
                    _ => "choice",
                };
                self.problem(
                    join(path, "role"),
                    Message::new("def-role-type")
                        .with("want", want)
                        .with("have", kind.type_name()),
                );
            }
        }
        let is_group = matches!(kind, QuestionKind::Choice { group: true, .. });
        for (i, o) in kind.options().iter().enumerate() {
            if o.headcount.is_some() && !is_group {
                self.problem(
                    format!("{path}.options[{i}].headcount"),
                    Message::new("def-headcount-group"),
                );
            }
            if o.channel.is_some() && role.flatten() != Some(Role::Touchpoint) {
                self.problem(
                    format!("{path}.options[{i}].channel"),
                    Message::new("def-channel-touchpoint"),
                );
            }
        }
        Some(Question {
            id: id?,
            text: text?,
            short: short?,
            hint: hint?,
            required,
            visible_if: visible_if?,
            role: role?,
            kind,
        })
    }

    pub(super) fn condition(&mut self, v: &Value, path: &str) -> Option<Condition> {
        let m = self.object(v, path)?;
        self.unknown_fields(m, path, &["question", "in"]);
        let question = self
            .required(m, path, "question")
            .and_then(|v| self.id(v, &join(path, "question")));
        let values = match self.required(m, path, "in")? {
            Value::Array(items) if !items.is_empty() => {
                let mut out = Vec::new();
                for (i, it) in items.iter().enumerate() {
                    match it {
                        Value::String(s) => out.push(s.clone()),
                        Value::Number(n) if n.is_u64() => out.push(n.to_string()),
                        other => self.found(format!("{path}.in[{i}]"), "def-expected-value", other),
                    }
                }
                Some(out)
            }
            Value::Array(_) => {
                self.problem(join(path, "in"), Message::new("def-no-values"));
                None
            }
            other => {
                self.found(join(path, "in"), "def-expected-values", other);
                None
            }
        };
        Some(Condition {
            question: question?,
            values: values?,
        })
    }
}
