//! Malformed-input fixtures, one per error kind.
//!
//! Every fixture under `fixtures/malformed/` is listed in one of the tables below with
//! the full rendered message it must produce, so that a change of wording, path or
//! line number is a visible test failure. Response files are read against the small
//! base survey `fixtures/malformed/survey.json`; malformed survey definitions live in
//! `fixtures/malformed/surveys/`.

use std::collections::BTreeSet;
use std::path::PathBuf;

use otklik_survey::import::{self, ImportError, Limits, Location, MAX_PROBLEMS};
use otklik_survey::{Answer, Lang, Responses, Survey, SurveyError};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/malformed")
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn base_survey() -> Survey {
    let json = String::from_utf8(bytes("survey.json")).unwrap();
    Survey::from_json(&json).expect("the base survey is valid")
}

/// Reads a response fixture with the reader its extension names.
fn read(survey: &Survey, name: &str, limits: &Limits) -> Result<Responses, ImportError> {
    let b = bytes(name);
    if name.ends_with(".json") {
        import::read_json(survey, name, &b, limits)
    } else {
        import::read_csv(survey, name, &b, limits)
    }
}

/// Rejected response files and every line of their error, in file order.
const REJECTED: &[(&str, &[&str])] = &[
    // CSV: the header.
    (
        "empty.csv",
        &["empty.csv: the file is empty (expected a header row with response_id and period)"],
    ),
    (
        "unknown-column.csv",
        &[r#"unknown-column.csv:1: column q_wait: unknown column (expected response_id, period, survey, version, channel or a question id of survey "malformed-demo")"#],
    ),
    (
        "missing-period-column.csv",
        &["missing-period-column.csv:1: the required column period is missing"],
    ),
    (
        "duplicate-column.csv",
        &["duplicate-column.csv:1: column q1: the column appears twice (also column #3)"],
    ),
    (
        "invalid-utf8-header.csv",
        &["invalid-utf8-header.csv:1: column #3: the header is not valid UTF-8"],
    ),
    // Not a response file at all: said first, then the details.
    (
        "image-renamed.csv",
        &[
            "image-renamed.csv: this is not a CSV or JSON response file: its content is binary (it looks like an image). Choose a file exported from Otklik, or a CSV file in UTF-8",
            "image-renamed.csv:1: column #1: the header is not valid UTF-8",
            "image-renamed.csv:1: the required column response_id is missing",
            "image-renamed.csv:1: the required column period is missing",
        ],
    ),
    (
        "pdf-renamed.json",
        &[
            "pdf-renamed.json: this is not a CSV or JSON response file: its content is binary (it looks like a PDF document). Choose a file exported from Otklik, or a CSV file in UTF-8",
            "pdf-renamed.json:1:1: not valid JSON: expected value",
        ],
    ),
    // CSV: the file's structure.
    (
        "wrong-field-count.csv",
        &["wrong-field-count.csv:3: expected 4 fields as in the header, found 3"],
    ),
    (
        "bad-quote.csv",
        &[r#"bad-quote.csv:2: not valid CSV: the quote opened on this line is never closed (expected a closing '"')"#],
    ),
    (
        "invalid-utf8.csv",
        &["invalid-utf8.csv:2: column comment: the cell is not valid UTF-8"],
    ),
    // CSV: the fixed columns.
    (
        "missing-id.csv",
        &["missing-id.csv:3: column response_id: a response id is required"],
    ),
    (
        "bad-response-id.csv",
        &[r#"bad-response-id.csv:2: column response_id: "r;1": an id cannot contain ';'"#],
    ),
    (
        "duplicate-id.csv",
        &[r#"duplicate-id.csv:4: column response_id: duplicate response id "r1" (first on line 2)"#],
    ),
    (
        "bad-period.csv",
        &[r#"bad-period.csv:3: column period: "2026-Q5" is not a period (expected YYYY, YYYY-H1..H2, YYYY-Q1..Q4 or YYYY-MM)"#],
    ),
    (
        "missing-period-cell.csv",
        &[r#"missing-period-cell.csv:2: column period: "" is not a period (expected YYYY, YYYY-H1..H2, YYYY-Q1..Q4 or YYYY-MM)"#],
    ),
    (
        "wrong-survey.csv",
        &[r#"wrong-survey.csv:3: column survey: "external-client" is not this survey (expected "malformed-demo")"#],
    ),
    (
        "bad-version.csv",
        &[r#"bad-version.csv:3: column version: "3" is not a survey version (1..2)"#],
    ),
    // CSV: answers, one per question type.
    (
        "bad-option.csv",
        &[r#"bad-option.csv:2: column dept: "lgl" is not an option (legal, it, hr)"#],
    ),
    (
        "scale-out-of-range.csv",
        &[r#"scale-out-of-range.csv:2: column q1: "6" is not a whole number 1..5"#],
    ),
    (
        "nps-out-of-range.csv",
        &[r#"nps-out-of-range.csv:2: column nps: "11" is not a whole number 0..10"#],
    ),
    (
        "bad-yesno.csv",
        &[r#"bad-yesno.csv:2: column resolved: "да" is not yes or no"#],
    ),
    (
        "bad-multi.csv",
        &[r#"bad-multi.csv:2: column topics: "printer" is not an option (access, hardware, other)"#],
    ),
    (
        "multi-twice.csv",
        &[r#"multi-twice.csv:2: column topics: option "access" is listed twice"#],
    ),
    (
        "bad-number.csv",
        &[r#"bad-number.csv:3: column wait: "abc" is not a number (0..600)"#],
    ),
    (
        "not-integer.csv",
        &[r#"not-integer.csv:2: column transfers: "2.5" is not a whole number (0..10)"#],
    ),
    (
        "text-too-long.csv",
        &["text-too-long.csv:2: column comment: the text is longer than 20 characters"],
    ),
    (
        "control-char.csv",
        &["control-char.csv:2: column comment: the text contains control characters"],
    ),
    // CSV: line numbers count physical lines, also after quoted multi-line cells.
    (
        "line-after-multiline.csv",
        &[r#"line-after-multiline.csv:7: column q1: "0" is not a whole number 1..5"#],
    ),
    // CSV: Windows line ends (`\r\n`) and blank lines, without and with quotes.
    (
        "crlf-blank-line.csv",
        &[r#"crlf-blank-line.csv:4: column wait: "abc" is not a number (0..600)"#],
    ),
    (
        "crlf-quoted.csv",
        &[r#"crlf-quoted.csv:4: column wait: "abc" is not a number (0..600)"#],
    ),
    // CSV: problems in several rows are all listed.
    (
        "three-bad-rows.csv",
        &[
            r#"three-bad-rows.csv:3: column q1: "7" is not a whole number 1..5"#,
            r#"three-bad-rows.csv:5: column wait: "-1" is not a number (0..600)"#,
            r#"three-bad-rows.csv:6: column period: "2026-Q9" is not a period (expected YYYY, YYYY-H1..H2, YYYY-Q1..Q4 or YYYY-MM)"#,
        ],
    ),
    // JSON: the document.
    ("syntax.json", &["syntax.json:5:59: not valid JSON: trailing comma"]),
    (
        "not-an-object.json",
        &["not-an-object.json: expected a JSON object with format, survey and responses"],
    ),
    (
        "wrong-format.json",
        &[r#"wrong-format.json: format: expected "otklik-responses", found "otklik-answers""#],
    ),
    (
        "wrong-survey.json",
        &[r#"wrong-survey.json: survey: expected "malformed-demo", found "external-client""#],
    ),
    (
        "responses-not-array.json",
        &[r#"responses-not-array.json: responses: expected an array, found {"r1":{"period":"2026-Q1"}}"#],
    ),
    (
        "bad-structure.json",
        &[
            "bad-structure.json: created: unknown field (expected format, survey, version, responses)",
            "bad-structure.json: responses[0]: expected an object with id, period and answers",
            "bad-structure.json: responses[1].time: unknown field (expected id, period, version, channel, answers)",
            "bad-structure.json: responses[2].id: a response id string is required",
            "bad-structure.json: responses[3].answers: expected an object of answers, found [4]",
        ],
    ),
    // JSON: responses.
    (
        "missing-period.json",
        &[r#"missing-period.json: responses[1].period: a period string is required (e.g. "2026-Q3")"#],
    ),
    (
        "duplicate-id.json",
        &[r#"duplicate-id.json: responses[2].id: duplicate response id "r1" (first at responses[0])"#],
    ),
    (
        "empty-id.json",
        &["empty-id.json: responses[1].id: a response id is required"],
    ),
    (
        "bad-version.json",
        &[
            "bad-version.json: responses[0].version: 3 is not a survey version (1..2)",
            r#"bad-version.json: responses[1].version: expected a version number (1..2), found "1""#,
        ],
    ),
    (
        "unknown-question.json",
        &[r#"unknown-question.json: responses[0].answers.q_wait: no question "q_wait" in survey "malformed-demo""#],
    ),
    (
        "bad-answer.json",
        &[r#"bad-answer.json: responses[1].answers.dept: "lgl" is not an option (legal, it, hr)"#],
    ),
    (
        "bad-answer-types.json",
        &[
            "bad-answer-types.json: responses[0].answers.dept: 1 is not an option (legal, it, hr)",
            r#"bad-answer-types.json: responses[0].answers.q1: "4" is not a whole number 1..5"#,
            "bad-answer-types.json: responses[0].answers.nps: 10.5 is not a whole number 0..10",
            r#"bad-answer-types.json: responses[0].answers.resolved: "maybe" is not yes or no"#,
            r#"bad-answer-types.json: responses[0].answers.topics: "access" is not an array of option ids (access, hardware, other)"#,
            r#"bad-answer-types.json: responses[0].answers.wait: "12" is not a number (0..600)"#,
            "bad-answer-types.json: responses[0].answers.transfers: 1.5 is not a whole number (0..10)",
            "bad-answer-types.json: responses[0].answers.comment: 42 is not a text of at most 20 characters",
            r#"bad-answer-types.json: responses[1].answers.topics: ["access",2] is not an array of option ids (access, hardware, other)"#,
        ],
    ),
];

/// Response files that must import, and how many responses they hold.
const ACCEPTED: &[(&str, usize)] = &[
    ("valid.csv", 2),
    ("valid.json", 2),
    ("with-bom.csv", 2),
    ("stray-quote.csv", 2),
];

/// Rejected survey definitions and every problem, in the order reported.
const BAD_SURVEYS: &[(&str, &[&str])] = &[
    ("not-an-object.json", &["expected an object, found an array"]),
    (
        "missing-fields.json",
        &[
            "version: is required",
            "title: is required",
            "questions: a survey needs at least one question",
        ],
    ),
    (
        "unknown-field.json",
        &["questions[0].requird: unknown field (expected one of id, type, text, short, hint, required, visible_if, role, points, dimension, labels)"],
    ),
    (
        "version-too-large.json",
        &["version: must be at most 65535, found 70000"],
    ),
    (
        "min-group-too-small.json",
        &["min_group: expected a whole number 3..=1000, found 2"],
    ),
    (
        "min-group-text-below.json",
        &["min_group_text: must be at least min_group (8), found 5"],
    ),
    (
        "text-without-ru.json",
        &[r#"questions[0].text: a translated text needs "ru""#],
    ),
    (
        "bad-id.json",
        &[
            r#"questions[0].id: an id cannot contain ';' (found "q;1")"#,
            r#"questions[1].id: an id cannot be empty (found "")"#,
        ],
    ),
    (
        "short-too-long.json",
        &["questions[0].short: a short label has at most 40 characters (the full text is the question itself)"],
    ),
    (
        "reserved-id.json",
        &[r#"questions[0].id: "period" is reserved for a response-file column"#],
    ),
    (
        "unknown-type.json",
        &[r#"questions[1].type: unknown type "slider" (expected scale, nps, choice, multi, yesno, number, text)"#],
    ),
    (
        "duplicate-question-id.json",
        &[r#"questions[2].id: duplicate id "q1""#],
    ),
    (
        "duplicate-option-id.json",
        &[r#"questions[3].options[1].id: duplicate id "legal""#],
    ),
    (
        "unknown-dimension.json",
        &[r#"questions[1].dimension: no dimension "acess" (known: access, speed)"#],
    ),
    (
        "points-out-of-range.json",
        &["questions[0].points: expected a whole number 3..=11, found 12"],
    ),
    (
        "standard-max-out-of-range.json",
        &["questions[0].standard_max: must lie in 0..=600, found 700"],
    ),
    (
        "headcount-not-group.json",
        &["questions[0].options[0].headcount: a headcount is allowed only on options of a group question"],
    ),
    (
        "channel-not-touchpoint.json",
        &["questions[0].options[0].channel: a channel is allowed only on options of a touchpoint question"],
    ),
    (
        "role-wrong-type.json",
        &["questions[1].role: this role needs a yesno question, not scale"],
    ),
    (
        "duplicate-role.json",
        &[r#"questions[1].role: role "resolution" is already given to questions[0]"#],
    ),
    (
        "visible-if-unknown.json",
        &[r#"questions[1].visible_if.question: names no question: "visted""#],
    ),
    (
        "visible-if-later.json",
        &[r#"questions[0].visible_if.question: must name an earlier question: "visited""#],
    ),
    (
        "visible-if-value.json",
        &[
            r#"questions[3].visible_if.in[1]: "email" is not an answer of "contact" (expected one of office, phone)"#,
            r#"questions[4].visible_if.in[0]: "true" is not an answer of "visited" (expected yes or no)"#,
            r#"questions[5].visible_if.in[2]: "6" is not an answer of "q1" (expected a whole number 1..=5)"#,
            r#"questions[6].visible_if.question: "wait" is a number question (expected a choice, multi, yesno, scale or nps question)"#,
        ],
    ),
    // Several problems at once: all are reported, and a question with problems of its
    // own (questions[1], questions[4]) does not make the questions or dimensions that
    // refer to it fail as well.
    (
        "several.json",
        &[
            "version: expected a whole number >= 1, found 0",
            r#"audience: expected "internal" or "external", found "citizens""#,
            "title: a text cannot be empty",
            r#"questions[1].type: unknown type "slider" (expected scale, nps, choice, multi, yesno, number, text)"#,
            r#"questions[3].options[1].id: duplicate id "legal""#,
            "questions[3].colour: unknown field (expected one of id, type, text, short, hint, required, visible_if, role, options, group)",
            "questions[4].points: expected a whole number 3..=11, found 20",
            r#"questions[0].dimension: no dimension "acess" (known: access, speed)"#,
            r#"questions[2].id: duplicate id "q1""#,
            r#"questions[6].visible_if.question: names no question: "q9""#,
            r#"dimensions[0]: dimension "access" has no scale item"#,
        ],
    ),
];

#[test]
fn the_base_survey_is_valid() {
    let s = base_survey();
    assert_eq!(s.id, "malformed-demo");
    assert_eq!(s.questions.len(), 8);
}

#[test]
fn rejected_response_files_report_every_problem_exactly() {
    let survey = base_survey();
    let mut failures = Vec::new();
    for (name, expected) in REJECTED {
        match read(&survey, name, &Limits::default()) {
            Ok(r) => failures.push(format!("{name}: accepted with {} responses", r.len())),
            Err(e) => {
                let got: Vec<String> = e.problems.iter().map(ToString::to_string).collect();
                if got != *expected {
                    failures.push(format!("{name}:\n  expected {expected:#?}\n  got {got:#?}"));
                }
                assert!(!e.truncated, "{name}");
                assert_eq!(e.to_string(), expected.join("\n"), "{name}");
                assert!(e.problems.iter().all(|p| p.file == *name), "{name}");
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Some rejections in Russian, word for word: the rest are checked for a complete
/// translation by `every_rejection_reads_in_russian`.
const REJECTED_RU: &[(&str, &str)] = &[
    (
        "image-renamed.csv",
        "image-renamed.csv: это не файл ответов CSV или JSON: содержимое двоичное (похоже на изображение). Выберите файл, выгруженный из Отклика, или CSV в кодировке UTF-8\nimage-renamed.csv:1: столбец #1: заголовок не в кодировке UTF-8\nimage-renamed.csv:1: нет обязательного столбца response_id\nimage-renamed.csv:1: нет обязательного столбца period",
    ),
    (
        "empty.csv",
        "empty.csv: файл пуст (ожидается строка заголовков со столбцами response_id и period)",
    ),
    (
        "duplicate-column.csv",
        "duplicate-column.csv:1: столбец q1: столбец повторяется (он же — столбец №3)",
    ),
    (
        "wrong-field-count.csv",
        "wrong-field-count.csv:3: ожидается полей, как в заголовке: 4; найдено: 3",
    ),
    (
        "bad-period.csv",
        r#"bad-period.csv:3: столбец period: "2026-Q5" — не период (ожидается YYYY, YYYY-H1..H2, YYYY-Q1..Q4 или YYYY-MM, например 2026-Q3)"#,
    ),
    (
        "text-too-long.csv",
        "text-too-long.csv:2: столбец comment: текст длиннее 20 символов",
    ),
];

#[test]
fn every_rejection_reads_in_russian() {
    let survey = base_survey();
    for (name, _) in REJECTED {
        let e = read(&survey, name, &Limits::default()).unwrap_err();
        for (p, (ru, en)) in e
            .problems
            .iter()
            .zip(e.render(Lang::Ru).iter().zip(e.render(Lang::En)))
        {
            let message = p
                .message
                .try_render(Lang::Ru)
                .unwrap_or_else(|(text, why)| panic!("{name}: {text}: {why:?}"));
            assert!(ru.ends_with(&message), "{name}: {ru}");
            assert_eq!(*en, p.to_string(), "{name}");
            assert_ne!(*ru, en, "{name}: not translated");
            assert!(
                message
                    .chars()
                    .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())),
                "{name}: no Russian word in {message:?}"
            );
            // The place is the same in both languages.
            let place = |s: &str| s.split(": ").next().unwrap_or_default().to_owned();
            assert_eq!(place(ru), place(&en), "{name}");
        }
    }
    for (name, expected) in REJECTED_RU {
        let e = read(&survey, name, &Limits::default()).unwrap_err();
        assert_eq!(e.render(Lang::Ru).join("\n"), *expected, "{name}");
    }
}

#[test]
fn a_file_with_any_error_is_rejected_whole() {
    // Each of these files has valid rows before (and after) the bad one.
    let survey = base_survey();
    for name in [
        "bad-number.csv",
        "bad-period.csv",
        "wrong-field-count.csv",
        "duplicate-id.csv",
        "three-bad-rows.csv",
        "bad-answer.json",
        "missing-period.json",
        "duplicate-id.json",
    ] {
        assert!(read(&survey, name, &Limits::default()).is_err(), "{name}");
    }
}

#[test]
fn problems_in_several_rows_are_all_listed() {
    let e = read(&base_survey(), "three-bad-rows.csv", &Limits::default()).unwrap_err();
    let lines: Vec<(u64, Option<&str>)> = e
        .problems
        .iter()
        .map(|p| match &p.location {
            Location::Line { line, column } => (*line, column.as_deref()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        lines,
        [(3, Some("q1")), (5, Some("wait")), (6, Some("period"))]
    );
}

#[test]
fn an_unclosed_quote_does_not_swallow_the_following_rows() {
    // With a long enough text column the swallowed rows would fit in one cell: the
    // file must still be rejected, not read as one response.
    let json = String::from_utf8(bytes("survey.json")).unwrap();
    let roomy = json.replace(r#""max_length": 20"#, r#""max_length": 2000"#);
    assert_ne!(json, roomy);
    let survey = Survey::from_json(&roomy).unwrap();
    let e = read(&survey, "bad-quote.csv", &Limits::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        r#"bad-quote.csv:2: not valid CSV: the quote opened on this line is never closed (expected a closing '"')"#
    );
}

#[test]
fn valid_response_files_import() {
    let survey = base_survey();
    for (name, rows) in ACCEPTED {
        let r = read(&survey, name, &Limits::default())
            .unwrap_or_else(|e| panic!("{name} was rejected:\n{e}"));
        assert_eq!(r.len(), *rows, "{name}");
    }
    // The BOM is not part of the first column's name, and CRLF line ends are read.
    let r = read(&survey, "with-bom.csv", &Limits::default()).unwrap();
    assert_eq!((r.id(0), r.id(1)), ("r1", "r2"));
    let q1 = survey.question_index("q1").unwrap();
    assert_eq!(r.column(q1).answer(1), Answer::Code(5));
    // A quote inside an unquoted cell is a literal character; "" inside quotes is one quote.
    let r = read(&survey, "stray-quote.csv", &Limits::default()).unwrap();
    let comment = survey.question_index("comment").unwrap();
    assert_eq!(r.column(comment).answer(0), Answer::Text(r#"5" screen"#));
    assert_eq!(r.column(comment).answer(1), Answer::Text(r#"say "hi""#));
}

#[test]
fn import_limits_have_clear_messages() {
    let survey = base_survey();
    let csv_len = bytes("valid.csv").len();
    let json_len = bytes("valid.json").len();
    let small = Limits {
        max_bytes: 100,
        max_rows: 10,
    };
    let one_row = Limits {
        max_bytes: 1 << 20,
        max_rows: 1,
    };
    let cases = [
        (
            "valid.csv",
            small,
            format!("valid.csv: the file is {csv_len} bytes; at most 100 are accepted"),
        ),
        (
            "valid.json",
            small,
            format!("valid.json: the file is {json_len} bytes; at most 100 are accepted"),
        ),
        (
            "valid.csv",
            one_row,
            "valid.csv: the file has more than 1 responses; split it into smaller files".to_owned(),
        ),
        (
            "valid.json",
            one_row,
            "valid.json: the file has 2 responses; at most 1 are accepted".to_owned(),
        ),
    ];
    for (name, limits, message) in cases {
        let e = read(&survey, name, &limits).unwrap_err();
        assert_eq!(e.to_string(), message, "{name} {limits:?}");
        assert_eq!(e.problems[0].location, Location::File);
    }
    // Russian chooses the word's form by the number.
    let e = read(&survey, "valid.csv", &one_row).unwrap_err();
    assert_eq!(
        e.render(Lang::Ru),
        ["valid.csv: в файле больше 1 ответа; разделите его на файлы поменьше"]
    );
    let few = Limits {
        max_rows: 3,
        ..small
    };
    let e = import::read_csv(&survey, "f.csv", &[b'x'; 102], &few).unwrap_err();
    assert_eq!(
        e.render(Lang::Ru),
        ["f.csv: размер файла — 102 байта; принимается не больше 100"]
    );
    // Exactly at the caps is accepted.
    let exact = Limits {
        max_bytes: csv_len.max(json_len),
        max_rows: 2,
    };
    assert_eq!(read(&survey, "valid.csv", &exact).unwrap().len(), 2);
    assert_eq!(read(&survey, "valid.json", &exact).unwrap().len(), 2);
}

#[test]
fn the_problem_list_is_capped() {
    let survey = base_survey();
    let mut csv = String::from("response_id,period,q1\n");
    for i in 0..MAX_PROBLEMS + 50 {
        csv.push_str(&format!("r{i},2026-Q1,9\n"));
    }
    let e = import::read_csv(&survey, "many.csv", csv.as_bytes(), &Limits::default()).unwrap_err();
    assert_eq!(e.problems.len(), MAX_PROBLEMS);
    assert!(e.truncated);
    let text = e.to_string();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(r#"many.csv:2: column q1: "9" is not a whole number 1..5"#)
    );
    assert_eq!(
        lines.last(),
        Some("(more problems not listed; the first 200 are shown)")
    );
    let ru = e.render(Lang::Ru);
    assert_eq!(
        ru[0],
        r#"many.csv:2: столбец q1: "9": ожидается целое число от 1 до 5"#
    );
    assert_eq!(
        ru.last().map(String::as_str),
        Some("(остальные ошибки не показаны; показаны первые 200)")
    );
}

#[test]
fn bad_survey_definitions_report_every_problem_exactly() {
    let mut failures = Vec::new();
    for (name, expected) in BAD_SURVEYS {
        let path = format!("surveys/{name}");
        let json = String::from_utf8(bytes(&path)).unwrap();
        match Survey::from_json(&json) {
            Ok(_) => failures.push(format!("{path}: accepted")),
            Err(SurveyError::Syntax { .. }) => failures.push(format!("{path}: syntax error")),
            Err(e @ SurveyError::Invalid(_)) => {
                let SurveyError::Invalid(problems) = &e else {
                    unreachable!()
                };
                let got: Vec<String> = problems.iter().map(ToString::to_string).collect();
                if got != *expected {
                    failures.push(format!("{path}:\n  expected {expected:#?}\n  got {got:#?}"));
                }
                assert_eq!(
                    e.to_string(),
                    format!("{} problem(s): {}", expected.len(), expected.join("; ")),
                    "{path}"
                );
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn survey_definition_problems_read_in_russian() {
    let mut all = Vec::new();
    for (name, _) in BAD_SURVEYS {
        let path = format!("surveys/{name}");
        let json = String::from_utf8(bytes(&path)).unwrap();
        let Err(e @ SurveyError::Invalid(_)) = Survey::from_json(&json) else {
            panic!("{path}: not rejected as invalid")
        };
        let SurveyError::Invalid(problems) = &e else {
            unreachable!()
        };
        for p in problems {
            let ru = p
                .message
                .try_render(Lang::Ru)
                .unwrap_or_else(|(text, why)| panic!("{path}: {text}: {why:?}"));
            assert_ne!(ru, p.message.to_string(), "{path}: not translated");
            assert!(
                ru.chars()
                    .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())),
                "{path}: no Russian word in {ru:?}"
            );
            let place = if p.path.is_empty() {
                String::new()
            } else {
                format!("{}: ", p.path)
            };
            assert_eq!(p.render(Lang::Ru), format!("{place}{ru}"), "{path}");
            all.push(p.render(Lang::Ru));
        }
        assert!(e
            .render(Lang::Ru)
            .starts_with(&format!("ошибок: {}: ", problems.len())));
    }
    for line in [
        r#"questions[1].dimension: нет направления оценки "acess" (известны: access, speed)"#,
        r#"questions[5].visible_if.in[2]: "6" — не ответ на вопрос "q1" (ожидается целое число от 1 до 5)"#,
        "min_group_text: должно быть не меньше min_group (8), а найдено 5",
    ] {
        assert!(all.iter().any(|l| l == line), "{line}");
    }
    let e =
        Survey::from_json(&String::from_utf8(bytes("surveys/syntax.json")).unwrap()).unwrap_err();
    assert_eq!(
        e.render(Lang::Ru),
        "строка 4, столбец 34: expected `,` or `}`"
    );
}

#[test]
fn a_survey_syntax_error_has_its_line_and_column() {
    let json = String::from_utf8(bytes("surveys/syntax.json")).unwrap();
    let e = Survey::from_json(&json).unwrap_err();
    assert_eq!(
        e,
        SurveyError::Syntax {
            line: 4,
            column: 34,
            message: "expected `,` or `}`".to_owned()
        }
    );
    assert_eq!(e.to_string(), "line 4, column 34: expected `,` or `}`");
}

#[test]
fn every_fixture_is_in_a_table() {
    let listed = |d: &str| -> BTreeSet<String> {
        std::fs::read_dir(dir().join(d))
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().unwrap().is_file())
            .map(|e| e.file_name().into_string().unwrap())
            .collect()
    };
    let mut known: BTreeSet<String> = REJECTED.iter().map(|(n, _)| n.to_string()).collect();
    known.extend(ACCEPTED.iter().map(|(n, _)| n.to_string()));
    known.insert("survey.json".to_owned());
    assert_eq!(listed("."), known);
    let mut surveys: BTreeSet<String> = BAD_SURVEYS.iter().map(|(n, _)| n.to_string()).collect();
    surveys.insert("syntax.json".to_owned());
    assert_eq!(listed("surveys"), surveys);
}
