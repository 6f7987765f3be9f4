//! SurveyJS elements, one by one, as Otklik questions (or as what was skipped).

use serde_json::{json, Map, Value};

use super::*;
use crate::Message;

#[derive(Default)]
pub(super) struct Cx {
    pub(super) questions: Vec<Value>,
    pub(super) dimensions: Vec<Value>,
    pub(super) skipped: Vec<Skipped>,
    /// Question ids, types and (for ratings) the answer range imported so far (for `visibleIf`).
    pub(super) kinds: Vec<(String, &'static str, (i64, i64))>,
}

/// A SurveyJS localisable string as an Otklik text.
pub(super) fn text(v: &Value) -> Option<Value> {
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
            // Every other locale SurveyJS gives (`uz`, `zh-cn`…), under its code.
            for (k, v) in m {
                let t = v.as_str().filter(|s| !s.trim().is_empty());
                let code = !k.is_empty()
                    && k.len() <= 16
                    && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
                if let (Some(t), true) = (t, code && !matches!(k.as_str(), "default" | "ru" | "en"))
                {
                    out.insert(k.clone(), json!(t));
                }
            }
            Some(Value::Object(out))
        }
        _ => None,
    }
}

/// An id Otklik accepts: no `;`, no control characters, at most 64 characters.
pub(super) fn clean_id(s: &str) -> String {
    s.chars()
        .filter(|c| *c != ';' && !c.is_control())
        .take(64)
        .collect()
}

/// A SurveyJS name as an Otklik question id: a name Otklik keeps for a column of
/// its response files (`period`, `channel`, …) gets the suffix `_q`.
pub(super) fn question_id(name: &str) -> String {
    if crate::validate::RESERVED.contains(&name) {
        format!("{name}_q")
    } else {
        name.to_owned()
    }
}

/// A choice value as an option id.
pub(super) fn value_id(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean_id(s)),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `choices` (strings, numbers or `{value, text}`) as options.
pub(super) fn options(list: &[Value]) -> Option<Vec<Value>> {
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
    pub(super) fn skip(&mut self, path: &str, name: Option<&str>, reason: Message) {
        self.skipped.push(Skipped {
            path: path.to_owned(),
            name: name.map(str::to_owned),
            reason,
        });
    }

    pub(super) fn element(&mut self, path: &str, e: &Value) {
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
        let Some(id) = name.as_deref().filter(|n| !n.is_empty()).map(question_id) else {
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

    pub(super) fn matrix(&mut self, path: &str, id: &str, title: Value, e: &Value) {
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
}

/// SurveyJS's `maxLength` as the text's `max_length`, when Otklik allows it.
pub(super) fn max_length(e: &Value, q: &mut Map<String, Value>) {
    if let Some(n) = e
        .get("maxLength")
        .and_then(Value::as_u64)
        .filter(|n| (1..=10_000).contains(n))
    {
        q.insert("max_length".into(), json!(n));
    }
}
