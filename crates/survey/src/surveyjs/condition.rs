//! `visibleIf` expressions as an Otklik `visible_if`.

use serde_json::{json, Value};

use super::elements::{clean_id, question_id, Cx};
use crate::Message;

impl Cx {
    /// `{q} = 'v'`, `{q} == v`, `{q} anyof ['a', 'b']`, for ratings also `<`, `<=`, `>`,
    /// `>=` and `!=` a number, and `or` of those on one question.
    pub(super) fn condition(&self, expr: &str) -> Result<Value, Message> {
        let mut question: Option<String> = None;
        let mut values: Vec<Value> = Vec::new();
        for part in split_or(expr) {
            let part = part.trim();
            let rest = part
                .strip_prefix('{')
                .ok_or(Message::new("sjs-cond-not-comparison"))?;
            let close = rest.find('}').ok_or(Message::new("sjs-cond-no-brace"))?;
            let written = rest[..close].trim();
            let name = question_id(written);
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
                    Message::new("sjs-cond-not-earlier").with("name", format!("{{{written}}}"))
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

#[derive(Debug)]
pub(super) enum Lit {
    Str(String),
    Num(i64),
    Bool(bool),
}

pub(super) fn not_rating(s: &str) -> Message {
    Message::new("sjs-cond-not-rating").with("value", format!("{s:?}"))
}

pub(super) fn literal(s: &str) -> Result<Lit, Message> {
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
pub(super) fn split_or(expr: &str) -> Vec<String> {
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
