//! The JSON reader: a response file in the format of `docs/survey-format.md`, checked
//! whole before anything is returned, and one answer checked on its own.

use serde_json::Value;

use super::builder::{push, Builder};
use super::cell::{
    bad_version, not_option, not_value, option_code, option_twice, options_of, parse_cell,
    version_of,
};
use super::ids::{bad_id, check_response_id, duplicate_ids};
use super::problems::{ImportError, Location, Problems};
use super::sniff::opened;
use super::Limits;
use crate::responses::Answer;
use crate::{Arg, Message, Question, QuestionKind, ResponseChannel, Responses, Survey};

/// A `version` in a JSON file: a number, rendered as JSON in the message.
fn json_version(survey: &Survey, v: &Value) -> Result<u16, Message> {
    match v {
        Value::Number(n) => {
            version_of(survey, &n.to_string()).map_err(|_| bad_version(survey, v.to_string()))
        }
        _ => Err(Message::new("version-expected")
            .with("max", survey.version)
            .with("found", v.to_string())),
    }
}

/// Checks one answer in the response JSON format against its question; the error
/// says what was expected.
pub fn check_json_answer(q: &Question, v: &Value) -> Result<(), Message> {
    json_answer(q, v).map(|_| ())
}

fn json_answer<'a>(q: &Question, v: &'a Value) -> Result<Answer<'a>, Message> {
    let bad = || match &q.kind {
        // In JSON a multi answer is an array, not ids joined with ';' as in CSV.
        QuestionKind::Multi { .. } => Message::new("cell-not-option-array")
            .with("value", v.to_string())
            .with("options", options_of(q)),
        _ => not_value(q, v.to_string()),
    };
    match (&q.kind, v) {
        (_, Value::Null) => Ok(Answer::Missing),
        (QuestionKind::Scale { .. } | QuestionKind::Nps { .. }, Value::Number(n)) => {
            match n.as_u64() {
                Some(x) => match (&q.kind, x) {
                    (QuestionKind::Scale { points, .. }, 1..=11) if x <= u64::from(*points) => {
                        Ok(Answer::Code(x as u8))
                    }
                    (QuestionKind::Nps { .. }, 0..=10) => Ok(Answer::Code(x as u8 + 1)),
                    _ => Err(bad()),
                },
                _ => Err(bad()),
            }
        }
        (
            QuestionKind::Number {
                min, max, integer, ..
            },
            Value::Number(n),
        ) => match n.as_f64() {
            Some(x)
                if x.is_finite()
                    && (*min..=*max).contains(&x)
                    && (!integer || x.fract() == 0.0) =>
            {
                Ok(Answer::Number(x))
            }
            _ => Err(bad()),
        },
        (QuestionKind::Choice { .. } | QuestionKind::Text { .. }, Value::String(s)) => {
            parse_cell(q, s)
        }
        (QuestionKind::YesNo, Value::Bool(b)) => Ok(Answer::Code(if *b { 1 } else { 2 })),
        (QuestionKind::YesNo, Value::String(s)) => parse_cell(q, s),
        (QuestionKind::Multi { .. }, Value::Array(items)) => {
            if items.is_empty() {
                return Ok(Answer::Missing);
            }
            let mut set = 0u64;
            for it in items {
                let Value::String(s) = it else {
                    return Err(bad());
                };
                match option_code(q, s) {
                    Some(c) if set & (1 << (c - 1)) == 0 => set |= 1 << (c - 1),
                    Some(_) => return Err(option_twice(s)),
                    None => return Err(not_option(q, s)),
                }
            }
            Ok(Answer::Multi(set))
        }
        _ => Err(bad()),
    }
}

/// Reads a JSON response file (see `docs/survey-format.md`) for `survey`.
pub fn read_json(
    survey: &Survey,
    file: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Responses, ImportError> {
    let mut problems = Problems::new(file);
    let Some(bytes) = opened(bytes, limits, &mut problems) else {
        return problems.finish(Responses::empty(survey));
    };
    let doc: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or_default().to_owned();
            problems.add(
                Location::Position {
                    line: e.line(),
                    column: e.column(),
                },
                Message::new("json-invalid").with("detail", msg),
            );
            return problems.finish(Responses::empty(survey));
        }
    };
    let path = |p: &str| Location::Path(p.to_owned());
    let Value::Object(top) = &doc else {
        problems.add(Location::File, Message::new("json-not-document"));
        return problems.finish(Responses::empty(survey));
    };
    for key in top.keys() {
        if !["format", "survey", "version", "responses"].contains(&key.as_str()) {
            problems.add(
                path(key),
                Message::new("json-unknown-field")
                    .with("expected", "format, survey, version, responses"),
            );
        }
    }
    match top.get("format") {
        Some(Value::String(s)) if s == "otklik-responses" => {}
        other => problems.add(
            path("format"),
            Message::new("json-expected-found")
                .with("expected", "\"otklik-responses\"")
                .with("found", found(other)),
        ),
    }
    match top.get("survey") {
        Some(Value::String(s)) if *s == survey.id => {}
        other => problems.add(
            path("survey"),
            Message::new("json-expected-found")
                .with("expected", format!("{:?}", survey.id))
                .with("found", found(other)),
        ),
    }
    let doc_version = match top.get("version") {
        None => 1,
        Some(v) => match json_version(survey, v) {
            Ok(v) => v,
            Err(e) => {
                problems.add(path("version"), e);
                1
            }
        },
    };
    let items = match top.get("responses") {
        Some(Value::Array(items)) => items.as_slice(),
        other => {
            problems.add(
                path("responses"),
                Message::new("json-expected-array").with("found", found(other)),
            );
            &[]
        }
    };
    if items.len() > limits.max_rows {
        problems.add(
            Location::File,
            Message::new("json-too-many-rows")
                .with("count", items.len())
                .with("max", limits.max_rows),
        );
        return problems.finish(Responses::empty(survey));
    }
    let mut b = Builder::new(survey, items.len());
    let mut row_answers: Vec<Answer<'_>> = vec![Answer::Missing; survey.questions.len()];
    let mut indices = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if problems.full() {
            break;
        }
        let p = format!("responses[{i}]");
        let Value::Object(r) = item else {
            problems.add(path(&p), Message::new("json-not-response"));
            continue;
        };
        let mut ok = true;
        for key in r.keys() {
            if !["id", "period", "version", "channel", "answers"].contains(&key.as_str()) {
                problems.add(
                    path(&format!("{p}.{key}")),
                    Message::new("json-unknown-field")
                        .with("expected", "id, period, version, channel, answers"),
                );
                ok = false;
            }
        }
        let id = match r.get("id") {
            Some(Value::String(s)) if s.is_empty() => {
                problems.add(
                    path(&format!("{p}.id")),
                    Message::new("response-id-required"),
                );
                ok = false;
                ""
            }
            Some(Value::String(s)) => match check_response_id(s) {
                Ok(()) => s.as_str(),
                Err(e) => {
                    problems.add(path(&format!("{p}.id")), bad_id(s, e));
                    ok = false;
                    ""
                }
            },
            _ => {
                problems.add(path(&format!("{p}.id")), Message::new("json-id-required"));
                ok = false;
                ""
            }
        };
        let period = match r.get("period") {
            Some(Value::String(s)) => match b.period_code(s) {
                Ok(c) => Some(c),
                Err(e) => {
                    problems.add(path(&format!("{p}.period")), e);
                    None
                }
            },
            _ => {
                problems.add(
                    path(&format!("{p}.period")),
                    Message::new("json-period-required"),
                );
                None
            }
        };
        let version = match r.get("version") {
            None => doc_version,
            Some(v) => match json_version(survey, v) {
                Ok(v) => v,
                Err(e) => {
                    problems.add(path(&format!("{p}.version")), e);
                    ok = false;
                    doc_version
                }
            },
        };
        let channel = match r.get("channel") {
            None | Some(Value::Null) => 0,
            Some(v) => match v.as_str().map(str::parse::<ResponseChannel>) {
                Some(Ok(c)) => c.code(),
                _ => {
                    problems.add(
                        path(&format!("{p}.channel")),
                        ResponseChannel::invalid(v.to_string()),
                    );
                    ok = false;
                    0
                }
            },
        };
        row_answers.iter_mut().for_each(|a| *a = Answer::Missing);
        match r.get("answers") {
            Some(Value::Object(answers)) => {
                for (qid, v) in answers {
                    let ap = format!("{p}.answers.{qid}");
                    match survey.question_index(qid) {
                        None => {
                            problems.add(
                                path(&ap),
                                Message::new("json-no-question")
                                    .with("question", format!("{qid:?}"))
                                    .with("survey", format!("{:?}", survey.id)),
                            );
                            ok = false;
                        }
                        Some(q) => match json_answer(&survey.questions[q], v) {
                            Ok(a) => row_answers[q] = a,
                            Err(e) => {
                                problems.add(path(&ap), e);
                                ok = false;
                            }
                        },
                    }
                }
            }
            None => {}
            Some(other) => {
                problems.add(
                    path(&format!("{p}.answers")),
                    Message::new("json-expected-answers").with("found", other.to_string()),
                );
                ok = false;
            }
        }
        if !ok || period.is_none() || !problems.list.is_empty() {
            continue;
        }
        b.ids.push(id);
        b.period.push(period.unwrap_or_default());
        b.version.push(version);
        b.channel.push(channel);
        for (col, a) in b.columns.iter_mut().zip(&row_answers) {
            push(col, *a);
        }
        indices.push(i);
    }
    if problems.list.is_empty() {
        duplicate_ids(&b, |row, first| {
            problems.add(
                path(&format!("responses[{}].id", indices[row])),
                Message::new("response-id-duplicate-path")
                    .with("id", format!("{:?}", b.ids.get(row)))
                    .with("first", format!("responses[{}]", indices[first])),
            )
        });
    }
    problems.finish(()).map(|()| b.finish(survey))
}

/// A JSON value found where something else was expected, or "nothing".
fn found(v: Option<&Value>) -> Arg {
    match v {
        Some(v) => Arg::from(v.to_string()),
        None => Arg::from(Message::new("json-nothing")),
    }
}
