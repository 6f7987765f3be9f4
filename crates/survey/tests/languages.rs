//! The languages a survey declares: every text must have each of them.

use otklik_survey::{Lang, Survey, SurveyError};
use proptest::prelude::*;
use serde_json::{json, Value};

/// A small survey with one text of each kind, each in the languages `langs`.
fn survey(langs: &[&str], declared: Option<&[&str]>) -> Value {
    let text = |what: &str| {
        let m: serde_json::Map<String, Value> = langs
            .iter()
            .map(|l| ((*l).to_owned(), json!(format!("{what} ({l})"))))
            .collect();
        Value::Object(m)
    };
    let mut s = json!({
        "id": "lang", "version": 1, "audience": "external",
        "title": text("title"), "intro": text("intro"),
        "dimensions": [{"id": "d", "title": text("dimension")}],
        "questions": [
            {"id": "q1", "type": "scale", "points": 5, "dimension": "d", "text": text("q1"),
             "short": text("short"), "hint": text("hint"),
             "labels": {"min": text("min"), "max": text("max")}},
            {"id": "q2", "type": "choice", "text": text("q2"),
             "options": [{"id": "a", "label": text("a")}, {"id": "b", "label": text("b")}]},
            {"id": "q3", "type": "number", "min": 0, "max": 60, "integer": true,
             "text": text("q3"), "unit": text("unit")}
        ]
    });
    if let Some(d) = declared {
        s["languages"] = json!(d);
    }
    s
}

fn problems(v: &Value) -> Vec<(String, String)> {
    match Survey::from_json(&v.to_string()) {
        Ok(_) => Vec::new(),
        Err(SurveyError::Invalid(p)) => p
            .iter()
            .map(|p| (p.path.clone(), p.message.to_string()))
            .collect(),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn a_survey_without_languages_is_read_as_before() {
    let s = Survey::from_json(&survey(&["ru", "en"], None).to_string()).unwrap();
    assert!(s.languages.is_empty());
    assert_eq!(s.languages(), ["ru", "en"]);
    assert!(!s.to_json().contains("languages"), "absent stays absent");
    let s = Survey::from_json(&survey(&["ru", "zh", "uz"], None).to_string()).unwrap();
    assert_eq!(s.languages(), ["ru", "uz", "zh"], "ru first, then by code");
}

#[test]
fn declared_languages_are_kept_in_their_order_and_written_back() {
    let v = survey(&["ru", "en", "uz", "zh"], Some(&["ru", "zh", "en", "uz"]));
    let s = Survey::from_json(&v.to_string()).unwrap();
    assert_eq!(s.languages(), ["ru", "zh", "en", "uz"]);
    let again = Survey::from_json(&s.to_json()).unwrap();
    assert_eq!(again, s);
}

#[test]
fn every_text_needs_every_declared_language() {
    let v = survey(&["ru", "en"], Some(&["ru", "en", "uz"]));
    let p = problems(&v);
    let paths: Vec<&str> = p.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "title.uz",
            "intro.uz",
            "dimensions[0].title.uz",
            "questions[0].text.uz",
            "questions[0].short.uz",
            "questions[0].hint.uz",
            "questions[0].labels.min.uz",
            "questions[0].labels.max.uz",
            "questions[1].text.uz",
            "questions[1].options[0].label.uz",
            "questions[1].options[1].label.uz",
            "questions[2].text.uz",
            "questions[2].unit.uz",
        ]
    );
    assert_eq!(
        p[0].1,
        "no translation into \"uz\", which the survey lists in \"languages\""
    );
    let e = Survey::from_json(&v.to_string()).unwrap_err();
    let ru = e.render(Lang::Ru);
    assert!(
        ru.contains("questions[1].options[0].label.uz: нет перевода на язык \"uz\", указанный в \"languages\" опроса"),
        "{ru}"
    );
}

#[test]
fn a_plain_text_lacks_the_other_declared_languages() {
    let mut v = survey(&["ru", "en"], Some(&["ru", "en"]));
    v["questions"][2]["unit"] = json!("мин");
    assert_eq!(
        problems(&v),
        [(
            "questions[2].unit.en".to_owned(),
            "no translation into \"en\", which the survey lists in \"languages\"".to_owned()
        )]
    );
    // Russian alone: a plain text is its Russian.
    let mut v = survey(&["ru"], Some(&["ru"]));
    v["questions"][2]["unit"] = json!("мин");
    assert!(problems(&v).is_empty());
}

#[test]
fn the_language_list_itself_is_checked() {
    let v = survey(&["ru", "en"], Some(&["en"]));
    assert_eq!(
        problems(&v)[0],
        (
            "languages".to_owned(),
            "\"languages\" must include \"ru\"".to_owned()
        )
    );
    let mut v = survey(&["ru", "en"], None);
    v["languages"] = json!(["ru", "en", "en", "e n", 3]);
    let paths: Vec<String> = problems(&v).into_iter().map(|(p, _)| p).collect();
    assert_eq!(paths, ["languages[2]", "languages[3]", "languages[4]"]);
    v["languages"] = json!("ru");
    assert_eq!(problems(&v)[0].0, "languages");
}

#[test]
fn the_templates_declare_their_languages_and_have_them_all() {
    for json in [
        include_str!("../../../fixtures/surveys/internal-client.json"),
        include_str!("../../../fixtures/surveys/external-client.json"),
    ] {
        let s = Survey::from_json(json).unwrap();
        assert_eq!(s.languages, ["ru", "en", "uz", "zh"]);
        for (path, text) in s.texts() {
            for l in &s.languages {
                let t = text.get(l);
                assert!(!t.trim().is_empty(), "{path} {l}");
                if l != "ru" {
                    assert_ne!(t, text.get("ru"), "{path} {l}: the same as Russian");
                }
            }
        }
    }
}

proptest! {
    /// Whatever languages the texts have and the survey declares, the survey is
    /// valid exactly when every text has every declared language, and each missing
    /// one is reported once per text.
    #[test]
    fn validity_is_exactly_every_text_in_every_declared_language(
        has in proptest::sample::subsequence(vec!["en", "uz", "zh", "tg"], 0..=4),
        declared in proptest::sample::subsequence(vec!["en", "uz", "zh", "tg"], 0..=4),
    ) {
        let langs: Vec<&str> = std::iter::once("ru").chain(has.iter().copied()).collect();
        let decl: Vec<&str> = std::iter::once("ru").chain(declared.iter().copied()).collect();
        let p = problems(&survey(&langs, Some(&decl)));
        let missing: Vec<&&str> = declared.iter().filter(|l| !has.contains(l)).collect();
        // 13 texts in the survey.
        prop_assert_eq!(p.len(), 13 * missing.len());
        for (_, m) in &p {
            prop_assert!(missing.iter().any(|l| m.contains(&format!("\"{l}\""))), "{}", m);
        }
        if missing.is_empty() {
            let s = Survey::from_json(&survey(&langs, Some(&decl)).to_string()).unwrap();
            prop_assert_eq!(s.languages(), decl.iter().map(|l| l.to_string()).collect::<Vec<_>>());
        }
    }
}
