//! The module's calls natively: what they accept, what they refuse and how they say
//! so. That they give what the `otklik` commands give is tested on the packed npm
//! package against the CLI (`packages/otklik-analytics/test`).

use serde_bytes::ByteBuf;

use crate::api::*;

const SURVEY: &str = r#"{"id":"s","version":1,"audience":"external",
    "title":{"ru":"Опрос","en":"Survey"},
    "questions":[{"id":"q","type":"yesno","text":{"ru":"Да?","en":"Yes?"}}]}"#;

/// The demo's definition of survey `id` and its response file (`seed`, `responses`).
fn demo_file(id: &str, seed: u64, responses: usize) -> (String, NamedFile) {
    let mut d = demo(&DemoOptions {
        seed,
        responses: Some(responses),
    });
    let name = format!("{id}.csv");
    let file = d.files.into_iter().find(|f| f.name == name).unwrap();
    (d.surveys.remove(id).unwrap(), file)
}

fn file(name: &str, text: &str) -> NamedFile {
    NamedFile {
        name: name.to_owned(),
        bytes: ByteBuf::from(text.as_bytes().to_vec()),
    }
}

#[test]
fn a_valid_survey_has_no_problems_and_an_invalid_one_names_each_path_in_both_languages() {
    assert_eq!(
        validate_survey(SURVEY),
        Validation {
            ok: true,
            problems: vec![]
        }
    );
    let bad = SURVEY.replace(r#""type":"yesno""#, r#""type":"slider""#);
    let v = validate_survey(&bad);
    assert!(!v.ok);
    assert_eq!(v.problems.len(), 1);
    assert_eq!(v.problems[0].path, "questions[0].type");
    assert_ne!(v.problems[0].message.ru, v.problems[0].message.en);
    let syntax = validate_survey("{\n  \"id\": }");
    assert_eq!(
        (syntax.problems[0].line, syntax.problems[0].column),
        (Some(2), Some(9))
    );
}

#[test]
fn a_bad_file_is_refused_with_its_line_and_column_and_nothing_is_read() {
    let good = file("a.csv", "response_id,period,q\nr1,2026-Q1,yes\n");
    let bad = file(
        "b.csv",
        "response_id,period,q\nr2,2026-Q1,yes\nr3,2026-Q1,perhaps\n",
    );
    let e = read_responses(SURVEY, &[good.clone(), bad]).unwrap_err();
    assert_eq!(e.code, Code::BadFiles);
    assert_eq!(e.problems.len(), 1);
    let p = &e.problems[0];
    assert_eq!((p.file.as_str(), p.line), ("b.csv", Some(3)));
    assert_eq!(p.column, Some(Column::Name("q".to_owned())));
    assert!(
        e.message.ru.contains("1 файл не прочитан"),
        "{}",
        e.message.ru
    );
    assert_eq!(e.message.en, "One file was not read; nothing was read.");
    assert_eq!(read_responses(SURVEY, &[good]).unwrap().responses.len(), 1);
}

#[test]
fn a_response_id_with_other_answers_in_another_file_is_a_conflict() {
    let a = file("a.csv", "response_id,period,q\nr1,2026-Q1,yes\n");
    let b = file("b.csv", "response_id,period,q\nr1,2026-Q1,no\n");
    let e = read_responses(SURVEY, &[a.clone(), b]).unwrap_err();
    assert_eq!(e.code, Code::Conflict);
    assert_eq!(e.problems[0].file, "b.csv");
    // The same file twice is not a conflict, and counts once.
    assert_eq!(
        read_responses(SURVEY, &[a.clone(), a])
            .unwrap()
            .responses
            .len(),
        1
    );
}

#[test]
fn an_invalid_survey_is_refused_before_any_file_is_read() {
    let e = read_responses("{}", &[]).unwrap_err();
    assert_eq!(e.code, Code::BadSurvey);
    assert!(!e.definition.is_empty());
    assert!(e.message.ru.starts_with("Описание опроса не принято: "));
}

#[test]
fn data_read_for_one_survey_is_not_analysed_or_merged_as_another() {
    let data = read_responses(
        SURVEY,
        &[file("a.csv", "response_id,period,q\nr1,2026-Q1,yes\n")],
    )
    .unwrap();
    let other = SURVEY.replace(r#""version":1"#, r#""version":2"#);
    let e = analyze(&other, &data, &AnalyzeOptions::default()).unwrap_err();
    assert_eq!(e.code, Code::BadOptions);
    assert!(e.message.en.contains("\"s\" v1"), "{}", e.message.en);
    assert!(merge(&other, &data, &MergeOptions::default()).is_err());
}

#[test]
fn options_with_an_unknown_field_are_refused() {
    let e = serde_json::from_str::<AnalyzeOptions>(r#"{"by":["period"],"minGrop":5}"#);
    assert!(e.is_err());
    let o: AnalyzeOptions =
        serde_json::from_str(r#"{"by":["period,dept"],"minGroup":7,"texts":true}"#).unwrap();
    assert_eq!(o.min_group, Some(7));
}

#[test]
fn merged_responses_are_the_same_set_in_another_order_for_another_seed() {
    let rows: String = (0..40)
        .map(|i| format!("r{i},2026-Q1,{}\n", if i % 3 == 0 { "yes" } else { "no" }))
        .collect();
    let data = read_responses(
        SURVEY,
        &[file("a.csv", &format!("response_id,period,q\n{rows}"))],
    )
    .unwrap();
    let one = merge(
        SURVEY,
        &data,
        &MergeOptions {
            seed: 1,
            ..Default::default()
        },
    )
    .unwrap();
    let two = merge(
        SURVEY,
        &data,
        &MergeOptions {
            seed: 2,
            ..Default::default()
        },
    )
    .unwrap();
    assert_ne!(one, two);
    let lines = |b: &[u8]| {
        let mut l: Vec<String> = String::from_utf8(b.to_vec())
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect();
        l.sort();
        l
    };
    assert_eq!(lines(&one), lines(&two));
    assert_eq!(lines(&one).len(), 41);
}

#[test]
fn the_demo_has_both_templates_and_a_file_each_that_reads_back() {
    let d = demo(&DemoOptions {
        seed: 7,
        responses: Some(120),
    });
    assert_eq!(d.surveys.len(), 2);
    for f in &d.files {
        let id = f.name.trim_end_matches(".csv");
        let data = read_responses(&d.surveys[id], std::slice::from_ref(f)).unwrap();
        assert!(!data.responses.is_empty());
    }
}

#[test]
fn a_report_needs_a_survey_and_a_valid_date() {
    let options = ReportOptions {
        year: 2026,
        compare: vec![],
        org: "Org".into(),
        lang: None,
        format: ReportFormat::Csv,
        date: "2026-02-30".into(),
        recommendations: None,
        min_group: None,
        images: None,
    };
    assert_eq!(report(&[], &options).unwrap_err().code, Code::BadOptions);
    let input = ReportInput {
        survey: SURVEY.into(),
        name: "s.json".into(),
        files: vec![file("a.csv", "response_id,period,q\nr1,2026-Q1,yes\n")],
    };
    assert_eq!(
        report(std::slice::from_ref(&input), &options)
            .unwrap_err()
            .code,
        Code::Report
    );
    let ok = ReportOptions {
        date: "2026-12-01".into(),
        ..options
    };
    let csv = report(&[input], &ok).unwrap();
    assert!(!csv.is_empty());
}

#[test]
fn analyses_of_one_data_set_equal_the_library_call_whatever_was_asked_before() {
    let (text, f) = demo_file("internal-client", 11, 600);
    let text = &text;
    let f = &f;
    let data = read_responses(text, std::slice::from_ref(f)).unwrap();
    let survey = otklik_survey::Survey::from_json(text).unwrap();
    for (by, min_group) in [
        (vec!["period"], None),
        (vec!["period,dept"], None),
        (vec!["dept"], Some(12)),
        (vec!["period"], Some(12)),
        (vec![], None),
    ] {
        let options = AnalyzeOptions {
            by: by.iter().map(|s| s.to_string()).collect(),
            min_group,
            texts: false,
        };
        let ours = analyze(text, &data, &options).unwrap();
        let params = otklik_analytics::Params {
            by: by
                .iter()
                .flat_map(|k| otklik_analytics::Key::parse_list(k))
                .collect(),
            min_group,
            texts: false,
        };
        let theirs = otklik_analytics::analyze(&survey, &data.responses, &params).unwrap();
        assert_eq!(
            serde_json::to_value(&ours).unwrap(),
            serde_json::to_value(&theirs).unwrap(),
            "{by:?} {min_group:?}"
        );
    }
}

#[path = "../../../tests/support/ftl.rs"]
mod ftl;

#[test]
fn the_module_s_own_messages_exist_in_both_languages_and_are_each_used() {
    let ru = ftl::messages(include_str!("../locales/ru.ftl"));
    let en = ftl::messages(include_str!("../locales/en.ftl"));
    let ids = |m: &[(String, _)]| m.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&ru), ids(&en));
    for ((id, ru_vars), (_, en_vars)) in ru.iter().zip(&en) {
        assert_eq!(ru_vars, en_vars, "{id}");
    }
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut used = std::collections::BTreeSet::new();
    // Every key is a literal `"js-…"` in the code (some are chosen in a tuple first).
    for (path, code) in ftl::sources(&src) {
        if !path.ends_with("tests.rs") {
            let literals = code.split('"').skip(1).step_by(2);
            used.extend(literals.filter(|l| l.starts_with("js-")).map(str::to_owned));
        }
    }
    assert_eq!(used, ids(&en).into_iter().collect());
}

/// The responses of `data` as CSV, in their stored order.
fn stored(data: &Data) -> Vec<u8> {
    let order: Vec<usize> = (0..data.responses.len()).collect();
    otklik_survey::export::to_csv(&data.survey, &data.responses, &order)
}

#[test]
fn files_read_chunk_by_chunk_give_what_whole_files_give() {
    use crate::reader::ResponseReader;
    let (text, csv) = demo_file("external-client", 3, 700);
    let text = &text;
    let csv = &csv;
    let whole = read_responses(text, std::slice::from_ref(csv)).unwrap();
    let json = file(
        "more.json",
        &String::from_utf8(whole.merged(MergeFormat::Json, 5)).unwrap(),
    );
    for chunk in [1, 7, 4096, csv.bytes.len()] {
        let mut r = ResponseReader::new(text).unwrap();
        for f in [csv, &json] {
            r.begin(&f.name);
            for part in f.bytes.chunks(chunk) {
                r.push(part);
            }
            assert!(r.end(), "{} in chunks of {chunk}", f.name);
        }
        let data = r.finish().unwrap();
        assert_eq!(stored(&data), stored(&whole), "chunks of {chunk}");
        assert_eq!(data.files[0], whole.files[0], "the file's hash");
        assert_eq!(data.definition, whole.definition);
    }
}

#[test]
fn a_file_with_a_problem_is_asked_for_whole_and_then_reported_exactly() {
    use crate::reader::ResponseReader;
    let bad = file(
        "b.csv",
        "response_id,period,q\nr2,2026-Q1,yes\nr3,2026-Q1,perhaps\n",
    );
    let mut r = ResponseReader::new(SURVEY).unwrap();
    r.begin(&bad.name);
    r.push(&bad.bytes);
    assert!(!r.end());
    r.whole(&bad.name, &bad.bytes);
    let streamed = r.finish().unwrap_err();
    let whole = read_responses(SURVEY, &[bad]).unwrap_err();
    assert_eq!(streamed, whole);
    assert_eq!(streamed.problems[0].line, Some(3));
}

#[test]
fn several_groupings_in_one_pass_equal_each_alone() {
    let (text, f) = demo_file("internal-client", 5, 800);
    let text = &text;
    let f = &f;
    let data = read_responses(text, std::slice::from_ref(f)).unwrap();
    let groupings = vec![
        vec![],
        vec!["period".to_owned()],
        vec!["period".to_owned(), "dept".to_owned()],
    ];
    let many = analyze_many(text, &data, &groupings).unwrap();
    for (by, one) in groupings.iter().zip(&many) {
        let alone = analyze(
            text,
            &data,
            &AnalyzeOptions {
                by: by.clone(),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(
            serde_json::to_value(one).unwrap(),
            serde_json::to_value(&alone).unwrap(),
            "{by:?}"
        );
    }
}
