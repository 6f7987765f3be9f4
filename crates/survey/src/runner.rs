//! The respondent's side, pure: which questions are visible, what is missing or
//! invalid, how a survey splits into screens, and how a finished draft becomes a
//! response. The browser app keeps a draft as [`Answers`] (answers in the response
//! JSON format) and asks this module everything else.

use serde_json::{json, Map, Value};

use crate::import::{self, ImportError, Limits};
use crate::{Message, Question, ResponseChannel, Responses, Survey};

/// A draft's answers: question id → answer as in the response JSON format
/// (numbers, option ids, arrays of option ids, booleans, strings).
pub type Answers = Map<String, Value>;

fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(_) => false,
    }
}

fn matches(v: &Value, wanted: &[String]) -> bool {
    let one = |s: String| wanted.contains(&s);
    match v {
        Value::String(s) => one(s.clone()),
        Value::Number(n) => one(n.to_string()),
        Value::Bool(b) => one(if *b { "yes" } else { "no" }.to_owned()),
        Value::Array(items) => items
            .iter()
            .any(|i| i.as_str().is_some_and(|s| one(s.to_owned()))),
        _ => false,
    }
}

/// Whether question `q` is shown, given the answers so far. A question whose
/// condition names a hidden question is hidden too.
pub fn is_visible(survey: &Survey, answers: &Answers, q: &Question) -> bool {
    let mut current = q;
    // Conditions only name earlier questions, so this walk ends.
    while let Some(c) = &current.visible_if {
        let Some(target) = survey.question(&c.question) else {
            return false;
        };
        match answers.get(&c.question) {
            Some(v) if !is_empty(Some(v)) && matches(v, &c.values) => current = target,
            _ => return false,
        }
    }
    true
}

/// What is wrong with one question's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// A required question without an answer.
    Required,
    /// An answer that is not valid; the message says what was expected.
    Invalid(Message),
}

/// The issue of question `q`, if any (hidden questions have none).
pub fn check(survey: &Survey, answers: &Answers, q: &Question) -> Option<Issue> {
    if !is_visible(survey, answers, q) {
        return None;
    }
    let v = answers.get(&q.id);
    if is_empty(v) {
        return q.required.then_some(Issue::Required);
    }
    import::check_json_answer(q, v.expect("not empty"))
        .err()
        .map(Issue::Invalid)
}

/// Every issue among `questions` (indices into the survey), in order.
pub fn issues(survey: &Survey, answers: &Answers, questions: &[usize]) -> Vec<(usize, Issue)> {
    questions
        .iter()
        .filter_map(|&i| check(survey, answers, &survey.questions[i]).map(|e| (i, e)))
        .collect()
}

/// The answers to keep: visible, non-empty, in question order. Answers given to a
/// question that a later change hid are dropped, so they never reach the response.
pub fn clean(survey: &Survey, answers: &Answers) -> Answers {
    survey
        .questions
        .iter()
        .filter(|q| !is_empty(answers.get(&q.id)) && is_visible(survey, answers, q))
        .map(|q| (q.id.clone(), answers[&q.id].clone()))
        .collect()
}

/// How many questions a screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One question per screen (phones).
    OnePerScreen,
    /// Consecutive scale items of one dimension share a screen (wide screens).
    Blocks,
}

/// The visible questions split into screens.
pub fn screens(survey: &Survey, answers: &Answers, layout: Layout) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut last_dim: Option<&str> = None;
    for (i, q) in survey.questions.iter().enumerate() {
        if !is_visible(survey, answers, q) {
            continue;
        }
        let dim = match &q.kind {
            crate::QuestionKind::Scale {
                dimension: Some(d), ..
            } => Some(d.as_str()),
            _ => None,
        };
        match (layout, dim, out.last_mut()) {
            (Layout::Blocks, Some(d), Some(screen)) if last_dim == Some(d) => screen.push(i),
            _ => out.push(vec![i]),
        }
        last_dim = dim;
    }
    out
}

/// A finished response before it is validated: its id, period, channel and answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The response id.
    pub id: String,
    /// The reporting period.
    pub period: String,
    /// How it was collected, when known.
    pub channel: Option<ResponseChannel>,
    /// The answers.
    pub answers: Answers,
}

impl Draft {
    /// The response as in a response document, its answers cleaned.
    fn to_json(&self, survey: &Survey) -> Value {
        let mut o = serde_json::Map::new();
        o.insert("id".into(), json!(self.id));
        o.insert("period".into(), json!(self.period));
        if let Some(c) = self.channel {
            o.insert("channel".into(), json!(c.as_str()));
        }
        o.insert(
            "answers".into(),
            Value::Object(clean(survey, &self.answers)),
        );
        Value::Object(o)
    }
}

/// One response as the documented JSON document (what a respondent downloads).
pub fn response_document(survey: &Survey, draft: &Draft) -> Value {
    json!({
        "format": "otklik-responses",
        "survey": survey.id,
        "version": survey.version,
        "responses": [draft.to_json(survey)],
    })
}

/// Turns finished drafts into validated responses, through the JSON importer: a
/// draft is held to exactly the rules a response file is.
pub fn to_responses(survey: &Survey, drafts: &[Draft]) -> Result<Responses, ImportError> {
    let responses: Vec<Value> = drafts.iter().map(|d| d.to_json(survey)).collect();
    let doc = json!({"format": "otklik-responses", "survey": survey.id, "version": survey.version, "responses": responses});
    let bytes = serde_json::to_vec(&doc).expect("JSON always serialises");
    import::read_json(survey, "draft", &bytes, &Limits::default())
}

const RECEIPT_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A short receipt code from 5 random bytes, as `XXXX-XXXX` (Crockford base32). It
/// is drawn afresh and identifies nothing: it is stored nowhere with the response.
pub fn receipt_code(random: [u8; 5]) -> String {
    let mut bits = random
        .iter()
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    let mut chars = [0u8; 8];
    for c in chars.iter_mut().rev() {
        *c = RECEIPT_ALPHABET[(bits & 31) as usize];
        bits >>= 5;
    }
    format!(
        "{}-{}",
        std::str::from_utf8(&chars[..4]).expect("ascii"),
        std::str::from_utf8(&chars[4..]).expect("ascii")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn survey() -> Survey {
        Survey::from_json(
            r#"{"id":"s","version":1,"audience":"external","title":"T",
            "dimensions":[{"id":"d","title":"D"}],
            "questions":[
              {"id":"tp","type":"choice","required":true,"text":"Where?","options":[{"id":"office","label":"Office"},{"id":"web","label":"Web"}]},
              {"id":"wait","type":"number","visible_if":{"question":"tp","in":["office"]},"required":true,"max":600,"text":"Wait"},
              {"id":"q1","type":"scale","dimension":"d","required":true,"text":"A"},
              {"id":"q2","type":"scale","dimension":"d","text":"B"},
              {"id":"more","type":"yesno","text":"More?"},
              {"id":"why","type":"choice","visible_if":{"question":"more","in":["yes"]},"text":"Why?","options":[{"id":"x","label":"X"},{"id":"y","label":"Y"}]},
              {"id":"how","type":"text","visible_if":{"question":"why","in":["x"]},"text":"How?"}
            ]}"#,
        )
        .unwrap()
    }

    fn answers(v: Value) -> Answers {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn visibility_follows_conditions_and_chains() {
        let s = survey();
        let a = answers(json!({"tp": "web", "more": true, "why": "x"}));
        assert!(!is_visible(&s, &a, s.question("wait").unwrap()));
        assert!(is_visible(&s, &a, s.question("why").unwrap()));
        assert!(is_visible(&s, &a, s.question("how").unwrap()));
        let b = answers(json!({"tp": "office", "more": false, "why": "x"}));
        assert!(is_visible(&s, &b, s.question("wait").unwrap()));
        assert!(
            !is_visible(&s, &b, s.question("how").unwrap()),
            "hidden because its condition's question is hidden"
        );
    }

    #[test]
    fn required_and_invalid_answers_are_reported_only_when_visible() {
        let s = survey();
        let a = answers(json!({"tp": "office", "wait": 900}));
        let all: Vec<usize> = (0..s.questions.len()).collect();
        let found = issues(&s, &a, &all);
        assert_eq!(found[0].0, 1);
        assert!(matches!(&found[0].1, Issue::Invalid(m) if m.to_string().contains("0..600")));
        assert_eq!(found[1], (2, Issue::Required));
        assert_eq!(found.len(), 2);
        let web = answers(json!({"tp": "web", "q1": 4}));
        assert!(issues(&s, &web, &all).is_empty());
    }

    #[test]
    fn screens_group_a_dimension_on_wide_screens_only() {
        let s = survey();
        let a = answers(json!({"tp": "web"}));
        assert_eq!(
            screens(&s, &a, Layout::Blocks),
            vec![vec![0], vec![2, 3], vec![4]]
        );
        assert_eq!(
            screens(&s, &a, Layout::OnePerScreen),
            vec![vec![0], vec![2], vec![3], vec![4]]
        );
    }

    #[test]
    fn a_finished_draft_becomes_a_validated_response_without_hidden_answers() {
        let s = survey();
        let a = answers(json!({"tp": "web", "wait": 10, "q1": 5, "more": false, "why": "x"}));
        let draft = |id: &str, channel, answers| Draft {
            id: id.into(),
            period: "2026-Q3".into(),
            channel,
            answers,
        };
        let r = to_responses(&s, &[draft("r1", Some(ResponseChannel::Kiosk), a.clone())]).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r.channel(0), Some(ResponseChannel::Kiosk));
        let doc = response_document(&s, &draft("r1", Some(ResponseChannel::SelfCompletion), a));
        assert_eq!(doc["responses"][0]["channel"], "self");
        assert_eq!(
            r.column(1).answer(0),
            crate::Answer::Missing,
            "the hidden wait answer is dropped"
        );
        assert_eq!(
            r.column(5).answer(0),
            crate::Answer::Missing,
            "the hidden choice is dropped"
        );
        let bad = answers(json!({"tp": "nowhere"}));
        assert!(to_responses(&s, &[draft("r2", None, bad)]).is_err());
    }

    #[test]
    fn receipt_codes_look_like_receipts() {
        assert_eq!(receipt_code([0; 5]), "0000-0000");
        assert_eq!(receipt_code([255; 5]), "ZZZZ-ZZZZ");
        assert_ne!(receipt_code([1, 2, 3, 4, 5]), receipt_code([1, 2, 3, 4, 6]));
    }
}
