//! Warnings that protect anonymity, for the survey editor: a valid survey can still
//! ask for what identifies a person, or cut the respondents into groups so small
//! that every figure of them would be suppressed (or, worse, guessable).

use crate::{QuestionKind, Survey, Text};

/// One warning, at a JSON path of the definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where: `questions[3]`, `questions[3].options[1]`, or empty for the survey.
    pub path: String,
    /// What.
    pub kind: WarningKind,
}

/// What a warning is about.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WarningKind {
    /// A free-text question (or its hint) asks for a name, an e-mail or a phone number.
    AsksForIdentity {
        /// The word that gave it away, as written.
        word: String,
    },
    /// A grouping option's headcount is below K: its group will always be hidden,
    /// and the remainder rule will hide a neighbour too.
    SmallGroup {
        /// The option's id.
        option: String,
        /// Its headcount.
        headcount: u32,
        /// K.
        min_group: u32,
    },
    /// So many grouping questions that their combinations leave fewer than K
    /// respondents per group on average.
    TooManyGroupings {
        /// Grouping questions.
        count: usize,
        /// Combinations of their options.
        cells: u64,
        /// Expected respondents (the headcounts of the first grouping question), if known.
        expected: Option<u64>,
    },
}

/// Words that ask for a person's identity, lower case, as substrings.
const IDENTITY: &[&str] = &[
    "фио",
    "фамили",
    "отчеств",
    "ваше имя",
    "ваши имя",
    "имя и",
    "e-mail",
    "email",
    "эл. почт",
    "электронн",
    "почтов",
    "телефон",
    "your name",
    "full name",
    "first name",
    "last name",
    "surname",
    "phone",
    "mobile",
    "e mail",
];

fn texts(t: &Text) -> Vec<&str> {
    match t {
        Text::Plain(s) => vec![s.as_str()],
        Text::Translated(m) => m.values().map(String::as_str).collect(),
    }
}

/// Every anonymity warning of a (valid) survey.
pub fn anonymity_warnings(s: &Survey) -> Vec<Warning> {
    let mut out = Vec::new();
    let k = s.min_group;
    for (i, q) in s.questions.iter().enumerate() {
        if let QuestionKind::Text { .. } = q.kind {
            let mut all = texts(&q.text);
            if let Some(h) = &q.hint {
                all.extend(texts(h));
            }
            let found = all.iter().find_map(|t| {
                let lower = t.to_lowercase();
                IDENTITY
                    .iter()
                    .find(|w| lower.contains(*w))
                    .map(|w| w.to_string())
            });
            if let Some(word) = found {
                out.push(Warning {
                    path: format!("questions[{i}]"),
                    kind: WarningKind::AsksForIdentity { word },
                });
            }
        }
    }
    let groups: Vec<usize> = s.group_questions().collect();
    for &g in &groups {
        if let QuestionKind::Choice { options, .. } = &s.questions[g].kind {
            for (j, o) in options.iter().enumerate() {
                if let Some(h) = o.headcount.filter(|h| *h < k) {
                    out.push(Warning {
                        path: format!("questions[{g}].options[{j}]"),
                        kind: WarningKind::SmallGroup {
                            option: o.id.clone(),
                            headcount: h,
                            min_group: k,
                        },
                    });
                }
            }
        }
    }
    let sizes: Vec<u64> = groups
        .iter()
        .map(|&g| match &s.questions[g].kind {
            QuestionKind::Choice { options, .. } => options.len() as u64,
            _ => 1,
        })
        .collect();
    let cells = sizes.iter().product::<u64>();
    let expected = groups.first().and_then(|&g| match &s.questions[g].kind {
        QuestionKind::Choice { options, .. } if options.iter().all(|o| o.headcount.is_some()) => {
            Some(
                options
                    .iter()
                    .map(|o| u64::from(o.headcount.unwrap_or(0)))
                    .sum(),
            )
        }
        _ => None,
    });
    // With headcounts, the average combination must hold K people; without them,
    // four or more grouping questions are too many for any but the largest bodies.
    let too_many = match expected {
        Some(n) => groups.len() >= 2 && n < cells * u64::from(k),
        None => groups.len() >= 4,
    };
    if too_many {
        out.push(Warning {
            path: String::new(),
            kind: WarningKind::TooManyGroupings {
                count: groups.len(),
                cells,
                expected,
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn survey(questions: &str) -> Survey {
        Survey::from_json(&format!(
            r#"{{"id":"s","version":1,"audience":"internal","title":"T","min_group":5,"questions":[{questions}]}}"#
        ))
        .unwrap()
    }

    #[test]
    fn asking_for_a_name_or_a_phone_is_flagged() {
        let s = survey(
            r#"{"id":"a","type":"text","text":{"ru":"Укажите ФИО","en":"Your comments"}},
               {"id":"b","type":"text","text":"Comments","hint":"Leave your phone if you want a call back"},
               {"id":"c","type":"text","text":"Что улучшить в работе отдела?"},
               {"id":"d","type":"choice","text":"Ваш телефон?","options":[{"id":"x","label":"x"}]}"#,
        );
        let w = anonymity_warnings(&s);
        assert_eq!(
            w.iter().map(|w| w.path.as_str()).collect::<Vec<_>>(),
            ["questions[0]", "questions[1]"]
        );
        assert_eq!(
            w[0].kind,
            WarningKind::AsksForIdentity {
                word: "фио".into()
            }
        );
    }

    #[test]
    fn small_units_and_too_many_groupings_are_flagged() {
        let s = survey(
            r#"{"id":"dept","type":"choice","group":true,"text":"Unit","options":[
                 {"id":"a","label":"A","headcount":40},{"id":"b","label":"B","headcount":3}]},
               {"id":"age","type":"choice","group":true,"text":"Age","options":[
                 {"id":"y","label":"<30"},{"id":"m","label":"30-50"},{"id":"o","label":">50"}]},
               {"id":"sex","type":"choice","group":true,"text":"Sex","options":[
                 {"id":"f","label":"F"},{"id":"m","label":"M"}]}"#,
        );
        let w = anonymity_warnings(&s);
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(w[0].path, "questions[0].options[1]");
        assert_eq!(
            w[1].kind,
            WarningKind::TooManyGroupings {
                count: 3,
                cells: 12,
                expected: Some(43)
            }
        );
        // One grouping question with large units: nothing to say.
        let ok = survey(
            r#"{"id":"dept","type":"choice","group":true,"text":"Unit","options":[
                 {"id":"a","label":"A","headcount":40},{"id":"b","label":"B","headcount":30}]}"#,
        );
        assert_eq!(anonymity_warnings(&ok), []);
        // Without headcounts: three grouping questions pass, four do not.
        let g = |id: &str| {
            format!(
                r#"{{"id":"{id}","type":"choice","group":true,"text":"T","options":[{{"id":"a","label":"A"}},{{"id":"b","label":"B"}}]}}"#
            )
        };
        let three = survey(&[g("a"), g("b"), g("c")].join(","));
        assert_eq!(anonymity_warnings(&three), []);
        let four = survey(&[g("a"), g("b"), g("c"), g("d")].join(","));
        assert_eq!(
            anonymity_warnings(&four)[0].kind,
            WarningKind::TooManyGroupings {
                count: 4,
                cells: 16,
                expected: None
            }
        );
    }
}
