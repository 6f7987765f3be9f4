//! Writing response files: CSV and JSON, in an order the caller chooses
//! (use [`shuffled_order`] so that the order says nothing about who answered when).

use rand::seq::SliceRandom;
use rand::SeedableRng;
use serde_json::{json, Map, Value};

use crate::responses::Answer;
use crate::{QuestionKind, Responses, Survey};

/// A random permutation of `0..n`, from `seed`. The caller supplies the seed
/// (from the operating system or the browser's crypto), keeping this crate pure.
pub fn shuffled_order(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut rand_chacha::ChaCha8Rng::seed_from_u64(seed));
    order
}

fn cell(survey: &Survey, q: usize, a: Answer<'_>) -> String {
    let question = &survey.questions[q];
    match (a, &question.kind) {
        (Answer::Missing, _) => String::new(),
        (Answer::Code(c), QuestionKind::Scale { .. }) => c.to_string(),
        (Answer::Code(c), QuestionKind::Nps { .. }) => (c - 1).to_string(),
        (Answer::Code(c), QuestionKind::Choice { options, .. }) => {
            options[c as usize - 1].id.clone()
        }
        (Answer::Code(1), QuestionKind::YesNo) => "yes".to_owned(),
        (Answer::Code(_), QuestionKind::YesNo) => "no".to_owned(),
        (Answer::Multi(set), QuestionKind::Multi { options }) => options
            .iter()
            .enumerate()
            .filter(|(i, _)| set & (1 << i) != 0)
            .map(|(_, o)| o.id.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        (Answer::Number(x), _) => format_number(x),
        (Answer::Text(s), _) => s.to_owned(),
        _ => unreachable!("answers match their question"),
    }
}

/// Shortest decimal that reads back as the same `f64`, without exponent.
pub fn format_number(x: f64) -> String {
    let s = format!("{x}");
    if s.contains('e') {
        format!("{x:.}")
    } else {
        s
    }
}

/// A number answer as JSON: a whole number without a fraction (`2`, not `2.0`), so
/// that it reads as it was typed. Negative zero keeps its sign (as `-0.0`).
pub fn number_json(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 && !(x == 0.0 && x.is_sign_negative()) {
        json!(x as i64)
    } else {
        json!(x)
    }
}

/// The responses as CSV (UTF-8, RFC 4180, with the documented header), rows in `order`.
/// The `channel` column is written when any response says its channel.
pub fn to_csv(survey: &Survey, data: &Responses, order: &[usize]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let with_channel = data.has_channels();
    let mut header = vec!["response_id", "period", "survey", "version"];
    if with_channel {
        header.push("channel");
    }
    header.extend(survey.questions.iter().map(|q| q.id.as_str()));
    w.write_record(&header).expect("writing to memory");
    let mut row = Vec::with_capacity(header.len());
    for &r in order {
        row.clear();
        row.push(data.id(r).to_owned());
        row.push(data.period(r).to_string());
        row.push(survey.id.clone());
        row.push(data.versions()[r].to_string());
        if with_channel {
            row.push(data.channel(r).map_or("", |c| c.as_str()).to_owned());
        }
        for q in 0..survey.questions.len() {
            row.push(cell(survey, q, data.column(q).answer(r)));
        }
        w.write_record(&row).expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

fn json_answer(survey: &Survey, q: usize, a: Answer<'_>) -> Value {
    match (a, &survey.questions[q].kind) {
        (Answer::Missing, _) => Value::Null,
        (Answer::Code(c), QuestionKind::Scale { .. }) => json!(c),
        (Answer::Code(c), QuestionKind::Nps { .. }) => json!(c - 1),
        (Answer::Code(c), QuestionKind::YesNo) => json!(c == 1),
        (Answer::Multi(set), QuestionKind::Multi { options }) => Value::Array(
            options
                .iter()
                .enumerate()
                .filter(|(i, _)| set & (1 << i) != 0)
                .map(|(_, o)| json!(o.id))
                .collect(),
        ),
        (Answer::Number(x), _) => number_json(x),
        (a, _) => Value::String(cell(survey, q, a)),
    }
}

/// The responses as the documented JSON document, rows in `order`.
pub fn to_json(survey: &Survey, data: &Responses, order: &[usize]) -> String {
    let responses: Vec<Value> = order
        .iter()
        .map(|&r| {
            let mut answers = Map::new();
            for (q, question) in survey.questions.iter().enumerate() {
                let a = data.column(q).answer(r);
                if a != Answer::Missing {
                    answers.insert(question.id.clone(), json_answer(survey, q, a));
                }
            }
            let mut o = Map::new();
            o.insert("id".into(), json!(data.id(r)));
            o.insert("period".into(), json!(data.period(r).to_string()));
            if u32::from(data.versions()[r]) != survey.version {
                o.insert("version".into(), json!(data.versions()[r]));
            }
            if let Some(c) = data.channel(r) {
                o.insert("channel".into(), json!(c.as_str()));
            }
            o.insert("answers".into(), Value::Object(answers));
            Value::Object(o)
        })
        .collect();
    let doc = json!({
        "format": "otklik-responses",
        "survey": survey.id,
        "version": survey.version,
        "responses": responses,
    });
    serde_json::to_string_pretty(&doc).expect("JSON always serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_written_without_a_fraction() {
        let survey = Survey::from_json(
            r#"{"id":"s","version":1,"audience":"external","title":"T",
            "questions":[{"id":"n","type":"number","text":"How many?"}]}"#,
        )
        .unwrap();
        let csv = "response_id,period,n\nr1,2026,2\nr2,2026,2.5\nr3,2026,40\n";
        let data = crate::import::read_csv(
            &survey,
            "a.csv",
            csv.as_bytes(),
            &crate::import::Limits::default(),
        )
        .unwrap();
        let json = to_json(&survey, &data, &[0, 1, 2]);
        assert!(json.contains("\"n\": 2\n"), "{json}");
        assert!(json.contains("\"n\": 2.5\n"), "{json}");
        assert!(json.contains("\"n\": 40\n"), "{json}");
        let csv = String::from_utf8(to_csv(&survey, &data, &[0, 1, 2])).unwrap();
        assert!(csv.contains(",2\r\n") && csv.contains(",2.5\r\n"), "{csv}");
        assert_eq!(number_json(2.0).to_string(), "2");
        assert!(number_json(1e20).is_f64());
        assert_eq!(number_json(-0.0).to_string(), "-0.0");
    }
}
