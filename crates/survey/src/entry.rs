//! Typing paper forms in, pure: how the keys an operator presses become answers, and
//! which question comes next. The browser's entry screen asks this module everything;
//! visibility is the runner's ([`runner::is_visible`]), and the numbers are those of
//! the printed form (question `i` of the definition is number `i + 1`).
//!
//! Every question has one field holding what was typed (`raw`):
//! - a scale, NPS, choice or yes/no takes the number of its box: the scale point
//!   (1..points), the NPS score (0..10), the option's position (1, 2, …), 1 for yes
//!   and 2 for no. A digit that can only mean one answer is that answer at once;
//!   where a longer number could follow (1 of an NPS, which may become 10) the field
//!   waits for the next digit or Enter;
//! - a multiple choice takes option numbers: with up to nine options each digit
//!   toggles its option; with more, numbers are typed separated by spaces;
//! - a number or a text is typed, then confirmed by Enter.
//!
//! An empty field is no answer: the respondent left it blank on paper, whether or not
//! the question is required.
//!
//! Double entry: two operators type the same batch, each form with its number from
//! the paper; [`compare`] pairs the two entries by that number (which is never stored)
//! and lists every form where they differ.

use serde_json::{json, Value};

use crate::runner::{self, Answers};
use crate::{import, Message, Question, QuestionKind, Survey};

/// How a question is typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// One number from `lo..=hi`: a scale point, an NPS score, an option (from 1), or
    /// yes (1) / no (2).
    Code {
        /// The smallest number (0 for NPS, else 1).
        lo: u32,
        /// The largest number.
        hi: u32,
    },
    /// Option numbers `1..=options`.
    Multi {
        /// How many options there are.
        options: u32,
    },
    /// A typed number.
    Number,
    /// A typed text.
    Text,
}

impl Field {
    /// How question `q` is typed in.
    pub fn of(q: &Question) -> Field {
        let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        match &q.kind {
            QuestionKind::Scale { points, .. } => Field::Code {
                lo: 1,
                hi: u32::from(*points),
            },
            QuestionKind::Nps { .. } => Field::Code { lo: 0, hi: 10 },
            QuestionKind::Choice { options, .. } => Field::Code {
                lo: 1,
                hi: n(options.len()),
            },
            QuestionKind::YesNo => Field::Code { lo: 1, hi: 2 },
            QuestionKind::Multi { options } => Field::Multi {
                options: n(options.len()),
            },
            QuestionKind::Number { .. } => Field::Number,
            QuestionKind::Text { .. } => Field::Text,
        }
    }

    /// Whether a number key is taken by the field itself (answers or toggles), rather
    /// than typed as a character.
    pub fn takes_digits(self) -> bool {
        match self {
            Field::Code { .. } => true,
            Field::Multi { options } => options <= 9,
            Field::Number | Field::Text => false,
        }
    }

    /// Whether a code needs more than one digit for some answer (NPS, a scale of 10 or
    /// more points, ten or more options): then a 1 waits for Enter or a next digit.
    pub fn two_digits(self) -> bool {
        matches!(self, Field::Code { hi, .. } if hi >= 10)
    }
}

/// What a number key does to a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// The field now holds `raw`; `done` when it is a complete answer and the
    /// operator moves on to the next question.
    Set {
        /// The field's new text.
        raw: String,
        /// The answer is complete: move on.
        done: bool,
    },
    /// The digit means nothing here (a 7 for a five-point scale): ignored.
    Reject,
    /// The field takes the digit as a typed character (numbers, texts, long lists).
    Type,
}

/// What digit `d` (`'0'..='9'`) does to a field of question `q` holding `raw`.
pub fn digit(q: &Question, raw: &str, d: char) -> Key {
    if !d.is_ascii_digit() {
        return Key::Reject;
    }
    match Field::of(q) {
        Field::Code { lo, hi } => {
            let valid = |s: &str| {
                s.parse::<u32>()
                    .is_ok_and(|n| (lo..=hi).contains(&n) && n.to_string() == s)
            };
            let longer = |s: &str| {
                (lo..=hi).any(|n| {
                    let t = n.to_string();
                    t.len() > s.len() && t.starts_with(s)
                })
            };
            let attempt = |s: String| {
                if valid(&s) {
                    Some(Key::Set {
                        done: !longer(&s),
                        raw: s,
                    })
                } else if longer(&s) {
                    Some(Key::Set {
                        raw: s,
                        done: false,
                    })
                } else {
                    None
                }
            };
            // The digit continues what was typed when it can, else starts afresh.
            let continued = (!raw.is_empty() && longer(raw))
                .then(|| attempt(format!("{raw}{d}")))
                .flatten();
            continued
                .or_else(|| attempt(d.to_string()))
                .unwrap_or(Key::Reject)
        }
        Field::Multi { options } if options <= 9 => {
            let n = d.to_digit(10).expect("a digit");
            if n == 0 || n > options {
                return Key::Reject;
            }
            let mut set: Vec<u32> = multi_numbers(raw, options).unwrap_or_default();
            if let Some(at) = set.iter().position(|&x| x == n) {
                set.remove(at);
            } else {
                set.push(n);
                set.sort_unstable();
            }
            Key::Set {
                raw: join(&set),
                done: false,
            }
        }
        Field::Multi { .. } | Field::Number | Field::Text => Key::Type,
    }
}

fn join(set: &[u32]) -> String {
    set.iter().map(u32::to_string).collect::<Vec<_>>().join(" ")
}

/// Option numbers separated by spaces or commas, each in `1..=options`, without
/// repeats, sorted; `None` when one is not such a number.
fn multi_numbers(raw: &str, options: u32) -> Option<Vec<u32>> {
    let mut set = Vec::new();
    for part in raw
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|p| !p.is_empty())
    {
        let n: u32 = part.parse().ok().filter(|n| (1..=options).contains(n))?;
        if !set.contains(&n) {
            set.push(n);
        }
    }
    set.sort_unstable();
    Some(set)
}

/// Why a field's text is not an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryError {
    /// Not a number of a box: expected one from `lo..=hi`.
    Range {
        /// The smallest number.
        lo: u32,
        /// The largest number.
        hi: u32,
    },
    /// Not a valid answer for the question (a number out of range, a text too long);
    /// the message is the response files' own.
    Invalid(Message),
}

/// The answer a field's text gives (in the response JSON format): `None` for an
/// empty field (no answer).
pub fn answer(q: &Question, raw: &str) -> Result<Option<Value>, EntryError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let value = match (Field::of(q), &q.kind) {
        (Field::Code { lo, hi }, kind) => {
            let n: u32 = raw
                .parse()
                .ok()
                .filter(|n| (lo..=hi).contains(n))
                .ok_or(EntryError::Range { lo, hi })?;
            match kind {
                QuestionKind::Choice { options, .. } => json!(options[n as usize - 1].id),
                QuestionKind::YesNo => json!(n == 1),
                _ => json!(n),
            }
        }
        (Field::Multi { options }, QuestionKind::Multi { options: list }) => {
            let set =
                multi_numbers(raw, options).ok_or(EntryError::Range { lo: 1, hi: options })?;
            json!(set
                .iter()
                .map(|&n| list[n as usize - 1].id.clone())
                .collect::<Vec<_>>())
        }
        (Field::Number, _) => {
            let text = raw.replace(',', ".").replace('\u{2212}', "-");
            match text.parse::<f64>() {
                Ok(x) if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 => {
                    json!(x as i64)
                }
                Ok(x) if x.is_finite() => json!(x),
                _ => json!(raw),
            }
        }
        _ => json!(raw),
    };
    import::check_json_answer(q, &value).map_err(EntryError::Invalid)?;
    Ok(Some(value))
}

/// The answers of a form from its fields' texts (`raws[i]` for question `i`): only
/// the questions visible given the answers before them, as the runner and the
/// printed form decide; with every field whose text is not an answer.
pub fn answers(survey: &Survey, raws: &[String]) -> (Answers, Vec<(usize, EntryError)>) {
    let mut out = Answers::new();
    let mut problems = Vec::new();
    for (i, q) in survey.questions.iter().enumerate() {
        // Conditions name earlier questions only: their answers are already in `out`.
        if !runner::is_visible(survey, &out, q) {
            continue;
        }
        match answer(q, raws.get(i).map_or("", String::as_str)) {
            Ok(Some(v)) => {
                out.insert(q.id.clone(), v);
            }
            Ok(None) => {}
            Err(e) => problems.push((i, e)),
        }
    }
    (out, problems)
}

/// Which questions are shown on the entry screen, given the fields' texts.
pub fn visible(survey: &Survey, raws: &[String]) -> Vec<bool> {
    let (answers, _) = answers(survey, raws);
    survey
        .questions
        .iter()
        .map(|q| runner::is_visible(survey, &answers, q))
        .collect()
}

/// The next visible question after question `from`, given the fields' texts; `None`
/// at the end of the form.
pub fn next(survey: &Survey, raws: &[String], from: usize) -> Option<usize> {
    let shown = visible(survey, raws);
    (from + 1..survey.questions.len()).find(|&i| shown[i])
}

/// The text a field shows for an answer (the inverse of [`answer`]), for putting a
/// stored response back on the screen.
pub fn raw(q: &Question, v: &Value) -> String {
    let position = |options: &[crate::SelectOption], id: &str| {
        options
            .iter()
            .position(|o| o.id == id)
            .map_or(String::new(), |p| (p + 1).to_string())
    };
    match (&q.kind, v) {
        (_, Value::Null) => String::new(),
        (QuestionKind::Choice { options, .. }, Value::String(s)) => position(options, s),
        (QuestionKind::YesNo, Value::Bool(b)) => if *b { "1" } else { "2" }.to_owned(),
        (QuestionKind::Multi { options }, Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(|s| position(options, s))
            .collect::<Vec<_>>()
            .join(" "),
        (_, Value::String(s)) => s.clone(),
        (_, other) => other.to_string(),
    }
}

/// One form of a batch typed for double entry: its number on paper and its answers
/// (serialisable, so that a batch in progress can be kept on the device).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Keyed {
    /// The form's number, as written on the paper (used only to pair the entries).
    pub number: String,
    /// The answers typed.
    pub answers: Answers,
}

/// Where the two entries of a batch disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// A form typed in the first entry only.
    OnlyFirst(String),
    /// A form typed in the second entry only.
    OnlySecond(String),
    /// A form typed in both, with different answers to these questions (indices of
    /// the definition; the printed number is one more).
    Differs(String, Vec<usize>),
}

/// Every disagreement between the two entries of a batch, form by form: the first
/// entry's forms in their order, then those typed in the second entry only. Empty
/// when the two agree on every form, and only then may the batch be saved.
pub fn compare(survey: &Survey, first: &[Keyed], second: &[Keyed]) -> Vec<Mismatch> {
    let mut out = Vec::new();
    for a in first {
        match second.iter().find(|b| b.number == a.number) {
            None => out.push(Mismatch::OnlyFirst(a.number.clone())),
            Some(b) => {
                let differ: Vec<usize> = survey
                    .questions
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| a.answers.get(&q.id) != b.answers.get(&q.id))
                    .map(|(i, _)| i)
                    .collect();
                if !differ.is_empty() {
                    out.push(Mismatch::Differs(a.number.clone(), differ));
                }
            }
        }
    }
    for b in second {
        if !first.iter().any(|a| a.number == b.number) {
            out.push(Mismatch::OnlySecond(b.number.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn survey() -> Survey {
        Survey::from_json(
            r#"{"id":"s","version":1,"audience":"external","title":"T",
            "questions":[
              {"id":"tp","type":"choice","required":true,"text":"Where?","options":[
                {"id":"a","label":"A"},{"id":"b","label":"B"},{"id":"c","label":"C"},{"id":"d","label":"D"},{"id":"e","label":"E"},
                {"id":"f","label":"F"},{"id":"g","label":"G"},{"id":"h","label":"H"},{"id":"i","label":"I"},{"id":"j","label":"J"}]},
              {"id":"wait","type":"number","visible_if":{"question":"tp","in":["a"]},"max":600,"text":"Wait"},
              {"id":"q1","type":"scale","required":true,"text":"Q1"},
              {"id":"more","type":"yesno","text":"More?"},
              {"id":"why","type":"multi","visible_if":{"question":"more","in":["yes"]},"text":"Why?","options":[{"id":"x","label":"X"},{"id":"y","label":"Y"},{"id":"z","label":"Z"}]},
              {"id":"how","type":"text","visible_if":{"question":"why","in":["x"]},"max_length":10,"text":"How?"},
              {"id":"nps","type":"nps","text":"NPS"},
              {"id":"s11","type":"scale","points":11,"text":"Eleven"}
            ]}"#,
        )
        .unwrap()
    }

    fn q(s: &Survey, id: &str) -> Question {
        s.question(id).unwrap().clone()
    }

    fn set(raw: &str, done: bool) -> Key {
        Key::Set {
            raw: raw.into(),
            done,
        }
    }

    #[test]
    fn a_digit_that_can_mean_one_answer_only_answers_at_once() {
        let s = survey();
        let scale = q(&s, "q1");
        assert_eq!(digit(&scale, "", '4'), set("4", true));
        assert_eq!(
            digit(&scale, "4", '2'),
            set("2", true),
            "a new digit replaces"
        );
        assert_eq!(digit(&scale, "", '6'), Key::Reject);
        assert_eq!(digit(&scale, "", '0'), Key::Reject);
        let yn = q(&s, "more");
        assert_eq!(digit(&yn, "", '1'), set("1", true));
        assert_eq!(digit(&yn, "", '2'), set("2", true));
        assert_eq!(digit(&yn, "", '3'), Key::Reject);
    }

    #[test]
    fn nps_and_long_lists_wait_after_a_one() {
        let s = survey();
        let nps = q(&s, "nps");
        assert!(Field::of(&nps).two_digits());
        assert_eq!(digit(&nps, "", '0'), set("0", true));
        assert_eq!(digit(&nps, "", '1'), set("1", false));
        assert_eq!(digit(&nps, "1", '0'), set("10", true));
        assert_eq!(digit(&nps, "1", '7'), set("7", true), "17 is no score: 7");
        assert_eq!(digit(&nps, "", '9'), set("9", true));
        let tp = q(&s, "tp");
        assert_eq!(digit(&tp, "", '1'), set("1", false));
        assert_eq!(digit(&tp, "1", '0'), set("10", true));
        assert_eq!(digit(&tp, "1", '1'), set("1", false), "11 is no option");
        assert_eq!(digit(&tp, "", '0'), Key::Reject);
        let s11 = q(&s, "s11");
        assert_eq!(digit(&s11, "1", '1'), set("11", true));
        assert_eq!(digit(&s11, "", '0'), Key::Reject);
        assert_eq!(answer(&nps, "1"), Ok(Some(json!(1))));
        assert_eq!(answer(&nps, "0"), Ok(Some(json!(0))));
        assert_eq!(answer(&nps, "11"), Err(EntryError::Range { lo: 0, hi: 10 }));
    }

    #[test]
    fn multiple_choice_digits_toggle_options() {
        let s = survey();
        let why = q(&s, "why");
        assert!(Field::of(&why).takes_digits());
        assert_eq!(digit(&why, "", '3'), set("3", false));
        assert_eq!(digit(&why, "3", '1'), set("1 3", false));
        assert_eq!(digit(&why, "1 3", '3'), set("1", false));
        assert_eq!(digit(&why, "1", '4'), Key::Reject);
        assert_eq!(answer(&why, "3 1"), Ok(Some(json!(["x", "z"]))));
        assert_eq!(answer(&why, "1,9"), Err(EntryError::Range { lo: 1, hi: 3 }));
    }

    #[test]
    fn fields_give_answers_in_the_response_format() {
        let s = survey();
        assert_eq!(answer(&q(&s, "tp"), "10"), Ok(Some(json!("j"))));
        assert_eq!(answer(&q(&s, "tp"), " "), Ok(None));
        assert_eq!(answer(&q(&s, "more"), "2"), Ok(Some(json!(false))));
        assert_eq!(answer(&q(&s, "wait"), "15"), Ok(Some(json!(15))));
        assert!(matches!(
            answer(&q(&s, "wait"), "700"),
            Err(EntryError::Invalid(_))
        ));
        assert!(matches!(
            answer(&q(&s, "wait"), "abc"),
            Err(EntryError::Invalid(_))
        ));
        assert_eq!(answer(&q(&s, "how"), "ok"), Ok(Some(json!("ok"))));
        assert!(matches!(
            answer(&q(&s, "how"), "far too long here"),
            Err(EntryError::Invalid(_))
        ));
        assert_eq!(digit(&q(&s, "how"), "", '1'), Key::Type);
        for (id, text) in [("tp", "10"), ("more", "2"), ("why", "1 3"), ("wait", "15")] {
            let question = q(&s, id);
            let v = answer(&question, text).unwrap().unwrap();
            assert_eq!(raw(&question, &v), text);
        }
    }

    #[test]
    fn visibility_and_the_next_question_follow_the_runner() {
        let s = survey();
        let mut raws = vec![String::new(); s.questions.len()];
        assert_eq!(next(&s, &raws, 0), Some(2), "wait is hidden until tp is a");
        raws[0] = "1".into();
        assert_eq!(next(&s, &raws, 0), Some(1));
        raws[3] = "2".into();
        assert_eq!(next(&s, &raws, 3), Some(6), "no: why and how are skipped");
        raws[3] = "1".into();
        raws[4] = "2".into();
        assert_eq!(next(&s, &raws, 4), Some(6), "how only for x");
        raws[4] = "1".into();
        assert_eq!(next(&s, &raws, 4), Some(5));
        assert_eq!(next(&s, &raws, 7), None);
        // Answers in hidden fields never reach the response.
        raws[0] = "2".into();
        raws[1] = "30".into();
        raws[5] = "text".into();
        let (a, problems) = answers(&s, &raws);
        assert!(problems.is_empty());
        assert!(!a.contains_key("wait"));
        assert_eq!(a["how"], json!("text"));
        let d = runner::Draft {
            id: "r1".into(),
            period: "2026-Q3".into(),
            channel: Some(crate::ResponseChannel::Paper),
            answers: a,
        };
        assert!(
            runner::to_responses(&s, &[d]).is_ok(),
            "q1 left blank is allowed"
        );
        raws[1] = String::new();
        raws[0] = "1".into();
        raws[1] = "x".into();
        assert_eq!(answers(&s, &raws).1.len(), 1);
    }

    #[test]
    fn double_entry_pairs_forms_by_number_and_lists_every_difference() {
        let s = survey();
        let form = |n: &str, raws: &[(usize, &str)]| {
            let mut all = vec![String::new(); s.questions.len()];
            for (i, r) in raws {
                all[*i] = (*r).into();
            }
            Keyed {
                number: n.into(),
                answers: answers(&s, &all).0,
            }
        };
        let first = vec![
            form("7", &[(0, "2"), (2, "4")]),
            form("8", &[(0, "1"), (1, "15"), (2, "3")]),
            form("9", &[(2, "5")]),
        ];
        let second = vec![
            form("8", &[(0, "1"), (1, "15"), (2, "3")]),
            form("7", &[(0, "2"), (2, "4")]),
            form("9", &[(2, "5")]),
        ];
        assert!(
            compare(&s, &first, &second).is_empty(),
            "order does not matter"
        );
        let second = vec![
            form("8", &[(0, "1"), (1, "51"), (2, "3"), (3, "1")]),
            form("7", &[(0, "2"), (2, "4")]),
            form("10", &[(2, "5")]),
        ];
        assert_eq!(
            compare(&s, &first, &second),
            vec![
                Mismatch::Differs("8".into(), vec![1, 3]),
                Mismatch::OnlyFirst("9".into()),
                Mismatch::OnlySecond("10".into()),
            ]
        );
    }
}
