//! Import of SurveyJS survey definitions (the JSON of `survey-core`): the common
//! subset becomes an Otklik definition, and everything else is listed, so that the
//! organiser knows exactly what did not come across.
//!
//! | SurveyJS | Otklik |
//! |---|---|
//! | `rating` 1..n (n = 3..11) | `scale` with `points: n` (end labels from `minRateDescription`/`maxRateDescription`) |
//! | `rating` 0..10 | `nps` |
//! | `radiogroup`, `dropdown` | `choice` |
//! | `checkbox` | `multi` |
//! | `boolean` | `yesno` |
//! | `text` with `inputType: "number"` | `number` (`min`, `max`) |
//! | `text` (other input types), `comment` | `text` (`maxLength`) |
//! | `matrix` | one `scale` per row (points = columns), grouped into a dimension |
//! | `panel` | its questions, in order |
//! | `visibleIf: "{q} = 'v'"` (also `==`, `anyof [...]`; for ratings `<`, `<=`, `>`, `>=`, `!=`; `or` of those on one question) | `visible_if` |
//! | localised strings `{"default": …, "ru": …, "en": …}` | texts `{"ru": …, "en": …}` |
//!
//! Answers keep SurveyJS's values: a choice's option id is its `value`, a rating's
//! answer its number, a matrix row's answer the position of the column (1..n).

use serde_json::{json, Map, Value};

use crate::{Lang, Message, Survey, SurveyError};

/// Something of the SurveyJS definition that was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Where it is: the JSON path in the SurveyJS file.
    pub path: String,
    /// The element's name, if it has one.
    pub name: Option<String>,
    /// What was left out and why.
    pub reason: Message,
}

impl Skipped {
    /// `path (name): reason` in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let reason = self.reason.render(lang);
        match &self.name {
            Some(n) => format!("{} ({n}): {reason}", self.path),
            None => format!("{}: {reason}", self.path),
        }
    }
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// An imported definition and what was left out.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The Otklik definition (validated).
    pub survey: Survey,
    /// Its JSON text (pretty), ready to save or edit.
    pub json: String,
    /// What was not imported.
    pub skipped: Vec<Skipped>,
}

/// Why a SurveyJS file could not be imported at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SurveyJsError {
    /// Not JSON.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// JSON, but not a SurveyJS survey (no `pages`, `elements` or `questions`).
    #[error(
        "not a SurveyJS survey: expected an object with \"pages\", \"elements\" or \"questions\""
    )]
    NotSurveyJs,
    /// Nothing could be imported.
    #[error("no question could be imported ({} left out)", .0.len())]
    Empty(Vec<Skipped>),
    /// The imported definition is not valid (e.g. duplicate names).
    #[error("the imported survey is not valid: {0}")]
    Invalid(#[from] SurveyError),
}

impl SurveyJsError {
    /// The error in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            SurveyJsError::Syntax {
                line,
                column,
                message,
            } => crate::validate::syntax_message(*line, *column, message).render(lang),
            SurveyJsError::NotSurveyJs => Message::new("sjs-not-surveyjs").render(lang),
            SurveyJsError::Empty(left) => Message::new("sjs-empty")
                .with("count", left.len())
                .render(lang),
            SurveyJsError::Invalid(e) => Message::new("sjs-invalid")
                .with("detail", e.render(lang))
                .render(lang),
        }
    }
}

/// Whether a JSON value looks like a SurveyJS survey rather than an Otklik one.
pub fn looks_like_surveyjs(v: &Value) -> bool {
    v.get("pages").is_some_and(Value::is_array)
        || (v.get("elements").is_some_and(Value::is_array) && v.get("id").is_none())
}

/// Imports a SurveyJS definition. `audience` is what SurveyJS does not say.
pub fn import(json: &str, audience: crate::Audience) -> Result<Imported, SurveyJsError> {
    let v = crate::validate::parse_json(json).map_err(|(line, column, message)| {
        SurveyJsError::Syntax {
            line,
            column,
            message,
        }
    })?;
    let mut cx = Cx::default();
    let mut elements = Vec::new();
    if let Some(pages) = v.get("pages").and_then(Value::as_array) {
        for (p, page) in pages.iter().enumerate() {
            for key in ["elements", "questions"] {
                if let Some(list) = page.get(key).and_then(Value::as_array) {
                    for (i, e) in list.iter().enumerate() {
                        elements.push((format!("pages[{p}].{key}[{i}]"), e));
                    }
                }
            }
        }
    } else {
        let mut found = false;
        for key in ["elements", "questions"] {
            if let Some(list) = v.get(key).and_then(Value::as_array) {
                found = true;
                for (i, e) in list.iter().enumerate() {
                    elements.push((format!("{key}[{i}]"), e));
                }
            }
        }
        if !found {
            return Err(SurveyJsError::NotSurveyJs);
        }
    }
    for (path, e) in elements {
        cx.element(&path, e);
    }
    for (key, what) in [
        ("triggers", Message::new("sjs-what-triggers")),
        ("calculatedValues", Message::new("sjs-what-calculated")),
        ("completedHtml", Message::new("sjs-what-completed")),
        ("navigateToUrl", Message::new("sjs-what-navigate")),
    ] {
        if v.get(key).is_some() {
            cx.skip(key, None, Message::new("sjs-not-part").with("what", what));
        }
    }
    if cx.questions.is_empty() {
        return Err(SurveyJsError::Empty(cx.skipped));
    }
    let title = v
        .get("title")
        .and_then(text)
        .unwrap_or_else(|| json!("SurveyJS"));
    let id = v
        .get("surveyId")
        .and_then(Value::as_str)
        .map(clean_id)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "surveyjs".to_owned());
    let mut def = Map::new();
    def.insert("id".into(), json!(id));
    def.insert("version".into(), json!(1));
    def.insert(
        "audience".into(),
        json!(match audience {
            crate::Audience::Internal => "internal",
            crate::Audience::External => "external",
        }),
    );
    def.insert("title".into(), title);
    if let Some(d) = v.get("description").and_then(text) {
        def.insert("intro".into(), d);
    }
    if !cx.dimensions.is_empty() {
        def.insert("dimensions".into(), Value::Array(cx.dimensions));
    }
    def.insert("questions".into(), Value::Array(cx.questions));
    let text = serde_json::to_string_pretty(&Value::Object(def)).expect("serialises");
    let survey = Survey::from_json(&text)?;
    Ok(Imported {
        survey,
        json: text,
        skipped: cx.skipped,
    })
}

#[derive(Default)]
struct Cx {
    questions: Vec<Value>,
    dimensions: Vec<Value>,
    skipped: Vec<Skipped>,
    /// Question ids, types and (for ratings) the answer range imported so far (for `visibleIf`).
    kinds: Vec<(String, &'static str, (i64, i64))>,
}

/// A SurveyJS localisable string as an Otklik text.
fn text(v: &Value) -> Option<Value> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(json!(s)),
        Value::Object(m) => {
            let get = |k: &str| {
                m.get(k)
                    .and_then(Value::as_str)
                    .filter(|s| !s.trim().is_empty())
            };
            let ru = get("ru").or_else(|| get("default"))?;
            let mut out = Map::new();
            out.insert("ru".into(), json!(ru));
            let en = get("en").or_else(|| get("default").filter(|d| *d != ru));
            if let Some(en) = en {
                out.insert("en".into(), json!(en));
            }
            Some(Value::Object(out))
        }
        _ => None,
    }
}

/// An id Otklik accepts: no `;`, no control characters, at most 64 characters.
fn clean_id(s: &str) -> String {
    s.chars()
        .filter(|c| *c != ';' && !c.is_control())
        .take(64)
        .collect()
}

/// A choice value as an option id.
fn value_id(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean_id(s)),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `choices` (strings, numbers or `{value, text}`) as options.
fn options(list: &[Value]) -> Option<Vec<Value>> {
    list.iter()
        .map(|c| {
            let (value, label) = match c {
                Value::Object(m) => (m.get("value")?, m.get("text").and_then(text)),
                other => (other, None),
            };
            let id = value_id(value)?;
            let label = label.unwrap_or_else(|| json!(id));
            Some(json!({"id": id, "label": label}))
        })
        .collect()
}

impl Cx {
    fn skip(&mut self, path: &str, name: Option<&str>, reason: Message) {
        self.skipped.push(Skipped {
            path: path.to_owned(),
            name: name.map(str::to_owned),
            reason,
        });
    }

    fn element(&mut self, path: &str, e: &Value) {
        let kind = e.get("type").and_then(Value::as_str).unwrap_or("");
        let name = e.get("name").and_then(value_id);
        let name_ref = name.as_deref();
        if kind == "panel" {
            if e.get("visibleIf").is_some() {
                self.skip(path, name_ref, Message::new("sjs-panel-visible-if"));
            }
            if let Some(list) = e.get("elements").and_then(Value::as_array) {
                for (i, child) in list.iter().enumerate() {
                    self.element(&format!("{path}.elements[{i}]"), child);
                }
            }
            return;
        }
        if e.get("visible").and_then(Value::as_bool) == Some(false) && e.get("visibleIf").is_none()
        {
            self.skip(path, name_ref, Message::new("sjs-hidden"));
            return;
        }
        let Some(id) = name.clone().filter(|n| !n.is_empty()) else {
            self.skip(path, None, Message::new("sjs-no-name").with("kind", kind));
            return;
        };
        let mut q = Map::new();
        q.insert("id".into(), json!(id));
        let title = e
            .get("title")
            .and_then(text)
            .unwrap_or_else(|| json!(id.clone()));
        q.insert("text".into(), title.clone());
        if let Some(h) = e.get("description").and_then(text) {
            q.insert("hint".into(), h);
        }
        if e.get("isRequired").and_then(Value::as_bool) == Some(true) {
            q.insert("required".into(), json!(true));
        }
        let otklik_kind: &'static str = match kind {
            "rating" => {
                if e.get("rateValues")
                    .and_then(Value::as_array)
                    .is_some_and(|v| !v.is_empty())
                {
                    self.skip(path, name_ref, Message::new("sjs-rate-values"));
                    return;
                }
                let step = e.get("rateStep").and_then(Value::as_i64).unwrap_or(1);
                let (min, max) = match e.get("rateCount").and_then(Value::as_i64) {
                    Some(count) if e.get("rateMax").is_none() => {
                        let min = e.get("rateMin").and_then(Value::as_i64).unwrap_or(1);
                        (min, min + count - 1)
                    }
                    _ => (
                        e.get("rateMin").and_then(Value::as_i64).unwrap_or(1),
                        e.get("rateMax").and_then(Value::as_i64).unwrap_or(5),
                    ),
                };
                if step != 1 {
                    self.skip(
                        path,
                        name_ref,
                        Message::new("sjs-rate-step").with("step", step.to_string()),
                    );
                    return;
                }
                let labels = {
                    let lo = e.get("minRateDescription").and_then(text);
                    let hi = e.get("maxRateDescription").and_then(text);
                    match (lo, hi) {
                        (Some(lo), Some(hi)) => Some(json!({"min": lo, "max": hi})),
                        _ => None,
                    }
                };
                if let Some(l) = labels {
                    q.insert("labels".into(), l);
                }
                if (min, max) == (0, 10) {
                    "nps"
                } else if min == 1 && (3..=11).contains(&max) {
                    q.insert("points".into(), json!(max));
                    "scale"
                } else {
                    self.skip(
                        path,
                        name_ref,
                        Message::new("sjs-rate-range")
                            .with("min", min.to_string())
                            .with("max", max.to_string()),
                    );
                    return;
                }
            }
            "radiogroup" | "dropdown" | "checkbox" => {
                let Some(opts) = e
                    .get("choices")
                    .and_then(Value::as_array)
                    .and_then(|c| options(c))
                else {
                    self.skip(path, name_ref, Message::new("sjs-choices-not-plain"));
                    return;
                };
                if opts.is_empty() {
                    self.skip(path, name_ref, Message::new("sjs-no-choices"));
                    return;
                }
                for (flag, what) in [
                    ("hasOther", "sjs-what-other"),
                    ("showOtherItem", "sjs-what-other"),
                    ("hasNone", "sjs-what-none"),
                    ("showNoneItem", "sjs-what-none"),
                    ("hasSelectAll", "sjs-what-select-all"),
                    ("showSelectAllItem", "sjs-what-select-all"),
                ] {
                    if e.get(flag).and_then(Value::as_bool) == Some(true) {
                        self.skip(
                            path,
                            name_ref,
                            Message::new("sjs-option-left-out").with("what", Message::new(what)),
                        );
                    }
                }
                if e.get("choicesByUrl").is_some() {
                    self.skip(path, name_ref, Message::new("sjs-choices-by-url"));
                }
                q.insert("options".into(), Value::Array(opts));
                if kind == "checkbox" {
                    "multi"
                } else {
                    "choice"
                }
            }
            "boolean" => "yesno",
            "text" => match e.get("inputType").and_then(Value::as_str).unwrap_or("text") {
                "number" | "range" => {
                    if let Some(m) = e.get("min").and_then(Value::as_f64) {
                        q.insert("min".into(), json!(m));
                    }
                    if let Some(m) = e.get("max").and_then(Value::as_f64) {
                        q.insert("max".into(), json!(m));
                    }
                    "number"
                }
                "text" | "email" | "tel" | "url" => {
                    max_length(e, &mut q);
                    "text"
                }
                other => {
                    self.skip(
                        path,
                        name_ref,
                        Message::new("sjs-input-type").with("type", format!("{other:?}")),
                    );
                    return;
                }
            },
            "comment" => {
                max_length(e, &mut q);
                "text"
            }
            "matrix" => {
                self.matrix(path, &id, title, e);
                return;
            }
            "html" | "image" | "expression" => {
                self.skip(
                    path,
                    name_ref,
                    Message::new("sjs-no-question").with("kind", kind),
                );
                return;
            }
            "" => {
                self.skip(path, name_ref, Message::new("sjs-no-type"));
                return;
            }
            other => {
                self.skip(
                    path,
                    name_ref,
                    Message::new("sjs-unknown-type").with("type", format!("{other:?}")),
                );
                return;
            }
        };
        q.insert("type".into(), json!(otklik_kind));
        // Keys must come in the documented order only for reading; order the type first.
        let mut ordered = Map::new();
        ordered.insert("id".into(), q.remove("id").expect("set"));
        ordered.insert("type".into(), q.remove("type").expect("set"));
        ordered.extend(q);
        if let Some(cond) = e.get("visibleIf").and_then(Value::as_str) {
            match self.condition(cond) {
                Ok(c) => {
                    ordered.insert("visible_if".into(), c);
                }
                Err(why) => self.skip(
                    path,
                    name_ref,
                    Message::new("sjs-visible-if")
                        .with("condition", format!("{cond:?}"))
                        .with("why", why),
                ),
            }
        }
        let range = match otklik_kind {
            "nps" => (0, 10),
            "scale" => (
                1,
                ordered.get("points").and_then(Value::as_i64).unwrap_or(5),
            ),
            _ => (0, 0),
        };
        self.kinds.push((id, otklik_kind, range));
        self.questions.push(Value::Object(ordered));
    }

    fn matrix(&mut self, path: &str, id: &str, title: Value, e: &Value) {
        let columns = e
            .get("columns")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let rows = e
            .get("rows")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        if !(3..=11).contains(&columns.len()) || rows.is_empty() {
            self.skip(
                path,
                Some(id),
                Message::new("sjs-matrix-size")
                    .with("columns", columns.len())
                    .with("rows", rows.len()),
            );
            return;
        }
        if e.get("visibleIf").is_some() {
            self.skip(path, Some(id), Message::new("sjs-matrix-visible-if"));
        }
        let labels = (|| {
            let label = |c: &Value| match c {
                Value::Object(m) => m
                    .get("text")
                    .and_then(text)
                    .or_else(|| m.get("value").and_then(value_id).map(|s| json!(s))),
                other => value_id(other).map(|s| json!(s)),
            };
            Some(json!({"min": label(columns.first()?)?, "max": label(columns.last()?)?}))
        })();
        self.dimensions.push(json!({"id": id, "title": title}));
        for (i, r) in rows.iter().enumerate() {
            let (value, rtext) = match r {
                Value::Object(m) => (
                    m.get("value").and_then(value_id),
                    m.get("text").and_then(text),
                ),
                other => (value_id(other), None),
            };
            let Some(value) = value else {
                self.skip(
                    &format!("{path}.rows[{i}]"),
                    Some(id),
                    Message::new("sjs-row-no-value"),
                );
                continue;
            };
            let qid = clean_id(&format!("{id}.{value}"));
            let mut q = json!({
                "id": qid,
                "type": "scale",
                "text": rtext.unwrap_or_else(|| json!(value)),
                "points": columns.len(),
                "dimension": id,
            });
            if let Some(l) = &labels {
                q["labels"] = l.clone();
            }
            if e.get("isAllRowRequired").and_then(Value::as_bool) == Some(true) {
                q["required"] = json!(true);
            }
            self.kinds.push((qid, "scale", (1, columns.len() as i64)));
            self.questions.push(q);
        }
    }

    /// `{q} = 'v'`, `{q} == v`, `{q} anyof ['a', 'b']`, for ratings also `<`, `<=`, `>`,
    /// `>=` and `!=` a number, and `or` of those on one question.
    fn condition(&self, expr: &str) -> Result<Value, Message> {
        let mut question: Option<String> = None;
        let mut values: Vec<Value> = Vec::new();
        for part in split_or(expr) {
            let part = part.trim();
            let rest = part
                .strip_prefix('{')
                .ok_or(Message::new("sjs-cond-not-comparison"))?;
            let close = rest.find('}').ok_or(Message::new("sjs-cond-no-brace"))?;
            let name = rest[..close].trim().to_owned();
            let tail = rest[close + 1..].trim();
            let (op, operand) = if let Some(t) = tail.strip_prefix("==") {
                ("=", t)
            } else if let Some(t) = tail.strip_prefix("<=") {
                ("<=", t)
            } else if let Some(t) = tail.strip_prefix(">=") {
                (">=", t)
            } else if let Some(t) = tail.strip_prefix("!=").or_else(|| tail.strip_prefix("<>")) {
                ("!=", t)
            } else if let Some(t) = tail.strip_prefix('<') {
                ("<", t)
            } else if let Some(t) = tail.strip_prefix('>') {
                (">", t)
            } else if let Some(t) = tail.strip_prefix('=') {
                ("=", t)
            } else if tail.len() >= 5 && tail[..5].eq_ignore_ascii_case("anyof") {
                ("anyof", &tail[5..])
            } else {
                return Err(Message::new("sjs-cond-operator").with("part", format!("{part:?}")));
            };
            if question.as_ref().is_some_and(|q| *q != name) {
                return Err(Message::new("sjs-cond-several"));
            }
            let (kind, (lo, hi)) = self
                .kinds
                .iter()
                .find(|(id, _, _)| *id == name)
                .map(|(_, k, r)| (*k, *r))
                .ok_or_else(|| {
                    Message::new("sjs-cond-not-earlier").with("name", format!("{{{name}}}"))
                })?;
            if matches!(op, "<" | "<=" | ">" | ">=" | "!=") {
                if !matches!(kind, "scale" | "nps") {
                    return Err(Message::new("sjs-cond-op-kind")
                        .with("op", op)
                        .with("kind", kind));
                }
                let n = match literal(operand.trim())? {
                    Lit::Num(n) => n,
                    Lit::Str(s) => s.parse().map_err(|_| not_rating(&s))?,
                    Lit::Bool(_) => return Err(Message::new("sjs-cond-rating-bool")),
                };
                values.extend(
                    (lo..=hi)
                        .filter(|v| match op {
                            "<" => *v < n,
                            "<=" => *v <= n,
                            ">" => *v > n,
                            ">=" => *v >= n,
                            _ => *v != n,
                        })
                        .map(|v| json!(v)),
                );
                question = Some(name);
                continue;
            }
            let literals = match op {
                "=" => vec![literal(operand.trim())?],
                _ => {
                    let list = operand
                        .trim()
                        .strip_prefix('[')
                        .and_then(|s| s.strip_suffix(']'))
                        .ok_or(Message::new("sjs-cond-anyof-list"))?;
                    list.split(',')
                        .map(|s| literal(s.trim()))
                        .collect::<Result<_, _>>()?
                }
            };
            for l in literals {
                values.push(match (kind, l) {
                    ("yesno", Lit::Bool(b)) => json!(if b { "yes" } else { "no" }),
                    ("scale" | "nps", Lit::Num(n)) => json!(n),
                    ("scale" | "nps", Lit::Str(s)) => {
                        json!(s.parse::<i64>().map_err(|_| not_rating(&s))?)
                    }
                    ("choice" | "multi", Lit::Str(s)) => json!(clean_id(&s)),
                    ("choice" | "multi", Lit::Num(n)) => json!(n.to_string()),
                    (k, l) => {
                        return Err(Message::new("sjs-cond-not-answer")
                            .with("value", format!("{l:?}"))
                            .with("kind", k))
                    }
                });
            }
            question = Some(name);
        }
        let question = question.ok_or(Message::new("sjs-cond-empty"))?;
        let mut unique: Vec<Value> = Vec::new();
        for v in values {
            if !unique.contains(&v) {
                unique.push(v);
            }
        }
        if unique.is_empty() {
            return Err(Message::new("sjs-cond-none"));
        }
        Ok(json!({"question": question, "in": unique}))
    }
}

/// SurveyJS's `maxLength` as the text's `max_length`, when Otklik allows it.
fn max_length(e: &Value, q: &mut Map<String, Value>) {
    if let Some(n) = e
        .get("maxLength")
        .and_then(Value::as_u64)
        .filter(|n| (1..=10_000).contains(n))
    {
        q.insert("max_length".into(), json!(n));
    }
}

#[derive(Debug)]
enum Lit {
    Str(String),
    Num(i64),
    Bool(bool),
}

fn not_rating(s: &str) -> Message {
    Message::new("sjs-cond-not-rating").with("value", format!("{s:?}"))
}

fn literal(s: &str) -> Result<Lit, Message> {
    if let Some(inner) = s
        .strip_prefix('\'')
        .and_then(|t| t.strip_suffix('\''))
        .or_else(|| s.strip_prefix('"').and_then(|t| t.strip_suffix('"')))
    {
        return Ok(Lit::Str(inner.to_owned()));
    }
    match s {
        "true" => return Ok(Lit::Bool(true)),
        "false" => return Ok(Lit::Bool(false)),
        _ => {}
    }
    s.parse::<i64>()
        .map(Lit::Num)
        .map_err(|_| Message::new("sjs-cond-not-value").with("value", format!("{s:?}")))
}

/// Splits on the word `or` outside quotes; refuses `and`, `not` and brackets that group.
fn split_or(expr: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut quote: Option<char> = None;
    let chars: Vec<char> = expr.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None => {
                let rest: String = chars[i..]
                    .iter()
                    .take(4)
                    .collect::<String>()
                    .to_ascii_lowercase();
                let before = i == 0 || chars[i - 1].is_whitespace();
                if before && (rest.starts_with("or ") || rest == "or") {
                    parts.push(String::new());
                    i += 2;
                    continue;
                }
            }
        }
        parts.last_mut().expect("non-empty").push(c);
        i += 1;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Audience, QuestionKind};

    #[test]
    fn the_common_subset_comes_across() {
        let src = r#"{
          "title": {"default": "Customer survey", "ru": "Опрос клиентов"},
          "pages": [{"name": "p1", "elements": [
            {"type": "radiogroup", "name": "channel", "title": "Channel", "isRequired": true,
             "choices": [{"value": "web", "text": {"default": "Website", "ru": "Сайт"}}, "office", 3]},
            {"type": "rating", "name": "sat", "title": "Satisfaction", "rateMax": 7,
             "minRateDescription": "Bad", "maxRateDescription": "Good", "visibleIf": "{channel} = 'web' or {channel} == 'office'"},
            {"type": "rating", "name": "nps", "rateMin": 0, "rateMax": 10},
            {"type": "boolean", "name": "solved", "title": "Solved?"},
            {"type": "text", "name": "wait", "inputType": "number", "min": 0, "max": 120, "visibleIf": "{solved} = true"},
            {"type": "panel", "name": "more", "elements": [
              {"type": "checkbox", "name": "topics", "choices": ["a", "b"], "hasOther": true},
              {"type": "comment", "name": "note", "maxLength": 500}
            ]},
            {"type": "matrix", "name": "m", "title": "Rate", "columns": [1, 2, 3, 4, 5], "rows": [{"value": "speed", "text": "Speed"}, "clarity"]},
            {"type": "html", "name": "info", "html": "<b>hi</b>"},
            {"type": "file", "name": "upload"},
            {"type": "dropdown", "name": "d", "choices": ["x"], "visibleIf": "{nps} > 8 and {solved} = true"}
          ]}]
        }"#;
        let imp = import(src, Audience::External).unwrap();
        let s = &imp.survey;
        let ids: Vec<&str> = s.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "channel",
                "sat",
                "nps",
                "solved",
                "wait",
                "topics",
                "note",
                "m.speed",
                "m.clarity",
                "d"
            ]
        );
        assert_eq!(s.title.get("ru"), "Опрос клиентов");
        assert_eq!(s.title.get("en"), "Customer survey");
        assert!(matches!(s.questions[0].kind, QuestionKind::Choice { .. }));
        assert!(s.questions[0].required);
        assert!(matches!(
            s.questions[1].kind,
            QuestionKind::Scale { points: 7, .. }
        ));
        assert!(matches!(s.questions[2].kind, QuestionKind::Nps { .. }));
        assert!(matches!(s.questions[3].kind, QuestionKind::YesNo));
        assert!(matches!(s.questions[4].kind, QuestionKind::Number { .. }));
        assert!(matches!(s.questions[5].kind, QuestionKind::Multi { .. }));
        assert!(matches!(
            s.questions[6].kind,
            QuestionKind::Text { max_length: 500 }
        ));
        assert!(matches!(
            s.questions[7].kind,
            QuestionKind::Scale { points: 5, .. }
        ));
        assert_eq!(s.dimensions.len(), 1);
        let v: Value = serde_json::from_str(&imp.json).unwrap();
        assert_eq!(
            v["questions"][1]["visible_if"],
            json!({"question": "channel", "in": ["web", "office"]})
        );
        assert_eq!(
            v["questions"][4]["visible_if"],
            json!({"question": "solved", "in": ["yes"]})
        );
        assert_eq!(
            v["questions"][0]["options"][2],
            json!({"id": "3", "label": "3"})
        );
        let reasons: Vec<String> = imp.skipped.iter().map(ToString::to_string).collect();
        assert_eq!(reasons.len(), 4, "{reasons:#?}");
        assert!(reasons[0].contains("(topics)") && reasons[0].contains("other"));
        assert!(reasons[1].contains("(info)"));
        assert!(reasons[2].contains("(upload)") && reasons[2].contains("\"file\""));
        assert!(reasons[3].contains("(d)") && reasons[3].contains("always shown"));
    }

    #[test]
    fn rating_comparisons_become_lists_of_answers() {
        let src = r#"{"elements": [
            {"type": "rating", "name": "nps-score", "rateMin": 0, "rateMax": 10},
            {"type": "comment", "name": "low", "visibleIf": "{nps-score} <= 5"},
            {"type": "comment", "name": "high", "visible": false, "visibleIf": "{nps-score} >= 9 or {nps-score} = 0"},
            {"type": "rating", "name": "r", "rateCount": 4},
            {"type": "comment", "name": "not3", "visibleIf": "{r} != 3"},
            {"type": "comment", "name": "never", "visibleIf": "{r} > 4"},
            {"type": "comment", "name": "gone", "visible": false}
        ], "completedHtml": "<h3>Thanks</h3>"}"#;
        let imp = import(src, Audience::External).unwrap();
        let v: Value = serde_json::from_str(&imp.json).unwrap();
        assert_eq!(
            v["questions"][1]["visible_if"]["in"],
            json!([0, 1, 2, 3, 4, 5])
        );
        assert_eq!(v["questions"][2]["visible_if"]["in"], json!([9, 10, 0]));
        assert_eq!(v["questions"][3]["points"], json!(4));
        assert_eq!(v["questions"][4]["visible_if"]["in"], json!([1, 2, 4]));
        let reasons: Vec<String> = imp.skipped.iter().map(ToString::to_string).collect();
        assert_eq!(reasons.len(), 3, "{reasons:#?}");
        assert!(reasons[0].contains("(never)") && reasons[0].contains("no answer satisfies it"));
        assert!(reasons[1].contains("(gone)"));
        assert!(reasons[2].starts_with("completedHtml"));
        // The same, in Russian: nested reasons translated too.
        let ru: Vec<String> = imp.skipped.iter().map(|s| s.render(Lang::Ru)).collect();
        assert_eq!(
            ru[0],
            r#"elements[5] (never): условие visibleIf "{r} > 4" не перенесено (ни один ответ ему не удовлетворяет): вопрос показывается всегда"#
        );
        assert_eq!(
            ru[2],
            "completedHtml: текст страницы завершения: в анкете Отклика этого нет"
        );
        for s in &imp.skipped {
            s.reason.try_render(Lang::Ru).expect("translated");
        }
    }

    #[test]
    fn what_is_not_a_surveyjs_survey_is_refused() {
        assert!(matches!(
            import("{", Audience::External),
            Err(SurveyJsError::Syntax { line: 1, .. })
        ));
        assert!(matches!(
            import("{\"x\": 1}", Audience::External),
            Err(SurveyJsError::NotSurveyJs)
        ));
        assert!(matches!(
            import(r#"{"elements": [{"type": "file", "name": "f"}]}"#, Audience::External),
            Err(SurveyJsError::Empty(s)) if s.len() == 1
        ));
        assert!(matches!(
            import(
                r#"{"elements": [{"type": "boolean", "name": "a"}, {"type": "boolean", "name": "a"}]}"#,
                Audience::External
            ),
            Err(SurveyJsError::Invalid(_))
        ));
        assert!(looks_like_surveyjs(&json!({"pages": []})));
        assert!(!looks_like_surveyjs(
            &json!({"id": "s", "version": 1, "questions": []})
        ));
    }
}
