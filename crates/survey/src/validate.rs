//! Reading a survey definition from JSON, reporting every problem at once.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use serde_json::{Map, Value};

use crate::definition::*;
use crate::{check_id, Arg, Lang, Message, Text};

/// One problem in a survey definition, at a JSON path such as `questions[3].options[1].id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: a JSON path.
    pub path: String,
    /// What is wrong, and what was expected.
    pub message: Message,
}

impl Problem {
    /// The problem in `lang`: `path: message`.
    pub fn render(&self, lang: Lang) -> String {
        let message = self.message.render(lang);
        if self.path.is_empty() {
            message
        } else {
            format!("{}: {message}", self.path)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Why a survey definition was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SurveyError {
    /// The file is not well-formed JSON.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the JSON parser expected.
        message: String,
    },
    /// The JSON is well-formed but the definition has problems, all listed.
    #[error("{}", invalid(.0, Lang::En))]
    Invalid(Vec<Problem>),
}

impl SurveyError {
    /// The error in `lang`, on one line.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            SurveyError::Syntax {
                line,
                column,
                message,
            } => syntax_message(*line, *column, message).render(lang),
            SurveyError::Invalid(problems) => invalid(problems, lang),
        }
    }
}

impl SurveyError {
    /// Every problem with its JSON path (empty for a syntax error).
    pub fn problems(&self) -> Vec<(String, Message)> {
        match self {
            SurveyError::Syntax {
                line,
                column,
                message,
            } => vec![(String::new(), syntax_message(*line, *column, message))],
            SurveyError::Invalid(problems) => problems
                .iter()
                .map(|p| (p.path.clone(), p.message.clone()))
                .collect(),
        }
    }
}

/// A JSON syntax error at `line` and `column`; `detail` is the parser's (English) words.
pub(crate) fn syntax_message(line: usize, column: usize, detail: &str) -> Message {
    Message::new("def-syntax")
        .with("line", line)
        .with("column", column)
        .with("detail", detail)
}

/// Every problem in `lang` on one line, after their count.
fn invalid(problems: &[Problem], lang: Lang) -> String {
    let list: Vec<String> = problems.iter().map(|p| p.render(lang)).collect();
    Message::new("def-problems")
        .with("count", problems.len())
        .with("list", list.join("; "))
        .render(lang)
}

const RESERVED: [&str; 4] = ["response_id", "period", "survey", "version"];
const TYPES: &str = "scale, nps, choice, multi, yesno, number, text";

/// Parses a JSON file (a leading BOM allowed); on error, its line, column and what
/// the parser expected.
pub(crate) fn parse_json(json: &str) -> Result<Value, (usize, usize, String)> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    serde_json::from_str(json).map_err(|e| {
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or_default();
        (e.line(), e.column(), message.to_owned())
    })
}

impl Survey {
    /// Reads and validates a survey definition. Every problem is reported at once.
    pub fn from_json(json: &str) -> Result<Survey, SurveyError> {
        let value = parse_json(json).map_err(|(line, column, message)| SurveyError::Syntax {
            line,
            column,
            message,
        })?;
        let mut r = Reader::default();
        let survey = r.survey(&value);
        match survey {
            Some(s) if r.problems.is_empty() => Ok(s),
            _ => Err(SurveyError::Invalid(r.problems)),
        }
    }
}

#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
}

fn kind_of(v: &Value) -> Message {
    match v {
        Value::Null => Message::new("def-kind-null"),
        Value::Bool(_) => Message::new("def-kind-bool"),
        Value::Number(_) => Message::new("def-kind-number"),
        Value::String(_) => Message::new("def-kind-string"),
        Value::Array(_) => Message::new("def-kind-array"),
        Value::Object(_) => Message::new("def-kind-object"),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

impl Reader {
    fn problem(&mut self, path: impl Into<String>, message: Message) {
        self.problems.push(Problem {
            path: path.into(),
            message,
        });
    }

    /// A value of the wrong kind: `key` says what was expected.
    fn found(&mut self, path: impl Into<String>, key: &'static str, v: &Value) {
        self.problem(path, Message::new(key).with("found", kind_of(v)));
    }

    fn object<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.found(path, "def-expected-object", other);
                None
            }
        }
    }

    fn unknown_fields(&mut self, m: &Map<String, Value>, path: &str, known: &[&str]) {
        for key in m.keys() {
            if !known.contains(&key.as_str()) {
                self.problem(
                    join(path, key),
                    Message::new("def-unknown-field").with("known", known.join(", ")),
                );
            }
        }
    }

    fn required<'a>(
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

    fn id(&mut self, v: &Value, path: &str) -> Option<String> {
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

    fn text(&mut self, v: &Value, path: &str) -> Option<Text> {
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
                    let valid_lang = !lang.is_empty()
                        && lang.len() <= 16
                        && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
                    if !valid_lang {
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

    fn opt_text(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<Option<Text>> {
        match m.get(key) {
            None => Some(None),
            Some(v) => self.text(v, &join(path, key)).map(Some),
        }
    }

    fn bool_field(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> bool {
        match m.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.found(join(path, key), "def-expected-bool", other);
                false
            }
        }
    }

    fn integer(
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

    fn number(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<Option<f64>> {
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

    fn survey(&mut self, v: &Value) -> Option<Survey> {
        let m = self.object(v, "")?;
        self.unknown_fields(
            m,
            "",
            &[
                "id",
                "version",
                "audience",
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

        Some(Survey {
            id: id?,
            version: version?,
            audience: audience?,
            title: title?,
            intro: intro?,
            min_group: min_group? as u32,
            min_group_text: min_group_text? as u32,
            dimensions,
            questions: questions.into_iter().map(|(_, q)| q).collect(),
        })
    }

    fn dimension(&mut self, v: &Value, path: &str) -> Option<Dimension> {
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

    fn options(
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

    fn labels(&mut self, m: &Map<String, Value>, path: &str) -> Option<Option<ScaleLabels>> {
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

    fn question(&mut self, v: &Value, path: &str) -> Option<Question> {
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

    fn condition(&mut self, v: &Value, path: &str) -> Option<Condition> {
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

    fn cross_checks(
        &mut self,
        dimensions: &[Dimension],
        questions: &[(usize, Question)],
        broken: &[(usize, &Value)],
    ) {
        let dim_ids: Vec<&str> = dimensions.iter().map(|d| d.id.as_str()).collect();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut roles: HashMap<&'static str, usize> = HashMap::new();
        for (pos, (i, q)) in questions.iter().enumerate() {
            let path = format!("questions[{i}]");
            if seen.insert(q.id.as_str(), pos).is_some() {
                self.problem(format!("{path}.id"), duplicate(&q.id));
            }
            if let QuestionKind::Scale {
                dimension: Some(d), ..
            } = &q.kind
            {
                if !dim_ids.contains(&d.as_str()) {
                    self.problem(
                        format!("{path}.dimension"),
                        Message::new("def-no-dimension")
                            .with("id", format!("{d:?}"))
                            .with(
                                "known",
                                if dim_ids.is_empty() {
                                    Message::new("def-none").into()
                                } else {
                                    Arg::from(dim_ids.join(", "))
                                },
                            ),
                    );
                }
            }
            if let Some(role) = q.role {
                let name = match role {
                    Role::Effort => "effort",
                    Role::Resolution => "resolution",
                    Role::Touchpoint => "touchpoint",
                    Role::Need => "need",
                    Role::Segment => "segment",
                };
                if role != Role::Segment {
                    if let Some(first) = roles.insert(name, *i) {
                        self.problem(
                            format!("{path}.role"),
                            Message::new("def-role-taken")
                                .with("role", format!("{name:?}"))
                                .with("first", format!("questions[{first}]")),
                        );
                    }
                }
            }
            if let Some(c) = &q.visible_if {
                let cp = format!("{path}.visible_if");
                match questions[..pos].iter().find(|(_, e)| e.id == c.question) {
                    None => {
                        let named = |b: &Value| raw_str(b, "id") == Some(c.question.as_str());
                        // A named earlier question with problems of its own is reported already.
                        let earlier_broken = broken.iter().any(|(j, b)| j < i && named(b));
                        let later = questions[pos..].iter().any(|(_, e)| e.id == c.question)
                            || broken.iter().any(|(j, b)| j > i && named(b));
                        if !earlier_broken {
                            let why = if later {
                                Message::new("def-condition-later")
                            } else {
                                Message::new("def-condition-none")
                            };
                            self.problem(
                                format!("{cp}.question"),
                                why.with("id", format!("{:?}", c.question)),
                            );
                        }
                    }
                    Some((_, target))
                        if matches!(
                            target.kind,
                            QuestionKind::Number { .. } | QuestionKind::Text { .. }
                        ) =>
                    {
                        self.problem(
                            format!("{cp}.question"),
                            Message::new("def-condition-type")
                                .with("id", format!("{:?}", target.id))
                                .with("type", target.kind.type_name()),
                        );
                    }
                    Some((_, target)) => {
                        for (k, val) in c.values.iter().enumerate() {
                            if let Err(expected) = condition_value_fits(&target.kind, val) {
                                self.problem(
                                    format!("{cp}.in[{k}]"),
                                    Message::new("def-condition-value")
                                        .with("value", format!("{val:?}"))
                                        .with("id", format!("{:?}", target.id))
                                        .with("expected", expected),
                                );
                            }
                        }
                    }
                }
            }
        }
        for (d, dim) in dimensions.iter().enumerate() {
            let used = questions.iter().any(|(_, q)| matches!(&q.kind, QuestionKind::Scale { dimension: Some(x), .. } if *x == dim.id))
                || broken.iter().any(|(_, b)| raw_str(b, "dimension") == Some(dim.id.as_str()));
            if !used {
                self.problem(
                    format!("dimensions[{d}]"),
                    Message::new("def-unused-dimension").with("id", format!("{:?}", dim.id)),
                );
            }
        }
    }
}

/// A string field of a question that was not accepted.
fn raw_str<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn condition_value_fits(kind: &QuestionKind, val: &str) -> Result<(), Message> {
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

fn duplicate(id: &str) -> Message {
    Message::new("def-duplicate-id").with("id", format!("{id:?}"))
}

/// A whole number at least `min` was expected; `v` was found.
fn at_least(min: u64, v: &Value) -> Message {
    Message::new("def-at-least")
        .with("min", min)
        .with("found", v.to_string())
}
