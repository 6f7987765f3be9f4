//! SurveyJS definitions as `survey-core` writes them, imported.

use super::*;
use crate::{Audience, QuestionKind};

#[test]
fn the_common_subset_comes_across() {
    let src = r#"{
      "title": {"default": "Customer survey", "ru": "Опрос клиентов"},
      "pages": [{"name": "p1", "elements": [
        {"type": "radiogroup", "name": "contact", "title": "Channel", "isRequired": true,
         "choices": [{"value": "web", "text": {"default": "Website", "ru": "Сайт"}}, "office", 3]},
        {"type": "rating", "name": "sat", "title": "Satisfaction", "rateMax": 7,
         "minRateDescription": "Bad", "maxRateDescription": "Good", "visibleIf": "{contact} = 'web' or {contact} == 'office'"},
        {"type": "rating", "name": "nps", "rateMin": 0, "rateMax": 10},
        {"type": "boolean", "name": "solved", "title": "Solved?"},
        {"type": "text", "name": "wait", "inputType": "number", "min": 0, "max": 120, "visibleIf": "{solved} = true"},
        {"type": "panel", "name": "more", "elements": [
          {"type": "checkbox", "name": "topics", "choices": ["a", "b"], "hasOther": true},
          {"type": "comment", "name": "note", "maxLength": 500}
        ]},
        {"type": "matrix", "name": "m", "title": "Rate", "columns": [1, 2, 3, 4, 5], "rows": [{"value": "speed", "text": "Speed"}, "clarity"]},
        {"type": "html", "name": "info", "html": "<b>hi</b>"},
        {"type": "file", "name": "upload"},
        {"type": "dropdown", "name": "d", "choices": ["x"], "visibleIf": "{nps} > 8 and {solved} = true"}
      ]}]
    }"#;
    let imp = import(src, Audience::External).unwrap();
    let s = &imp.survey;
    let ids: Vec<&str> = s.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "contact",
            "sat",
            "nps",
            "solved",
            "wait",
            "topics",
            "note",
            "m.speed",
            "m.clarity",
            "d"
        ]
    );
    assert_eq!(s.title.get("ru"), "Опрос клиентов");
    assert_eq!(s.title.get("en"), "Customer survey");
    assert!(matches!(s.questions[0].kind, QuestionKind::Choice { .. }));
    assert!(s.questions[0].required);
    assert!(matches!(
        s.questions[1].kind,
        QuestionKind::Scale { points: 7, .. }
    ));
    assert!(matches!(s.questions[2].kind, QuestionKind::Nps { .. }));
    assert!(matches!(s.questions[3].kind, QuestionKind::YesNo));
    assert!(matches!(s.questions[4].kind, QuestionKind::Number { .. }));
    assert!(matches!(s.questions[5].kind, QuestionKind::Multi { .. }));
    assert!(matches!(
        s.questions[6].kind,
        QuestionKind::Text { max_length: 500 }
    ));
    assert!(matches!(
        s.questions[7].kind,
        QuestionKind::Scale { points: 5, .. }
    ));
    assert_eq!(s.dimensions.len(), 1);
    let v: Value = serde_json::from_str(&imp.json).unwrap();
    assert_eq!(
        v["questions"][1]["visible_if"],
        json!({"question": "contact", "in": ["web", "office"]})
    );
    assert_eq!(
        v["questions"][4]["visible_if"],
        json!({"question": "solved", "in": ["yes"]})
    );
    assert_eq!(
        v["questions"][0]["options"][2],
        json!({"id": "3", "label": "3"})
    );
    let reasons: Vec<String> = imp.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(reasons.len(), 4, "{reasons:#?}");
    assert!(reasons[0].contains("(topics)") && reasons[0].contains("other"));
    assert!(reasons[1].contains("(info)"));
    assert!(reasons[2].contains("(upload)") && reasons[2].contains("\"file\""));
    assert!(reasons[3].contains("(d)") && reasons[3].contains("always shown"));
}

#[test]
fn rating_comparisons_become_lists_of_answers() {
    let src = r#"{"elements": [
        {"type": "rating", "name": "nps-score", "rateMin": 0, "rateMax": 10},
        {"type": "comment", "name": "low", "visibleIf": "{nps-score} <= 5"},
        {"type": "comment", "name": "high", "visible": false, "visibleIf": "{nps-score} >= 9 or {nps-score} = 0"},
        {"type": "rating", "name": "r", "rateCount": 4},
        {"type": "comment", "name": "not3", "visibleIf": "{r} != 3"},
        {"type": "comment", "name": "never", "visibleIf": "{r} > 4"},
        {"type": "comment", "name": "gone", "visible": false}
    ], "completedHtml": "<h3>Thanks</h3>"}"#;
    let imp = import(src, Audience::External).unwrap();
    let v: Value = serde_json::from_str(&imp.json).unwrap();
    assert_eq!(
        v["questions"][1]["visible_if"]["in"],
        json!([0, 1, 2, 3, 4, 5])
    );
    assert_eq!(v["questions"][2]["visible_if"]["in"], json!([9, 10, 0]));
    assert_eq!(v["questions"][3]["points"], json!(4));
    assert_eq!(v["questions"][4]["visible_if"]["in"], json!([1, 2, 4]));
    let reasons: Vec<String> = imp.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(reasons.len(), 3, "{reasons:#?}");
    assert!(reasons[0].contains("(never)") && reasons[0].contains("no answer satisfies it"));
    assert!(reasons[1].contains("(gone)"));
    assert!(reasons[2].starts_with("completedHtml"));
    // The same, in Russian: nested reasons translated too.
    let ru: Vec<String> = imp.skipped.iter().map(|s| s.render(Lang::Ru)).collect();
    assert_eq!(
        ru[0],
        r#"elements[5] (never): условие visibleIf "{r} > 4" не перенесено (ни один ответ ему не удовлетворяет): вопрос показывается всегда"#
    );
    assert_eq!(
        ru[2],
        "completedHtml: текст страницы завершения: в анкете Отклика этого нет"
    );
    for s in &imp.skipped {
        s.reason.try_render(Lang::Ru).expect("translated");
    }
}

#[test]
fn what_is_not_a_surveyjs_survey_is_refused() {
    assert!(matches!(
        import("{", Audience::External),
        Err(SurveyJsError::Syntax { line: 1, .. })
    ));
    assert!(matches!(
        import("{\"x\": 1}", Audience::External),
        Err(SurveyJsError::NotSurveyJs)
    ));
    assert!(matches!(
        import(r#"{"elements": [{"type": "file", "name": "f"}]}"#, Audience::External),
        Err(SurveyJsError::Empty(s)) if s.len() == 1
    ));
    assert!(matches!(
        import(
            r#"{"elements": [{"type": "boolean", "name": "a"}, {"type": "boolean", "name": "a"}]}"#,
            Audience::External
        ),
        Err(SurveyJsError::Invalid(_))
    ));
    assert!(looks_like_surveyjs(&json!({"pages": []})));
    assert!(!looks_like_surveyjs(
        &json!({"id": "s", "version": 1, "questions": []})
    ));
}

#[test]
fn a_name_kept_for_a_response_column_becomes_an_id_with_a_suffix() {
    let src = r#"{
      "elements": [
        {"type": "radiogroup", "name": "channel", "choices": ["web", "office"]},
        {"type": "rating", "name": "period", "visibleIf": "{channel} = 'office'"},
        {"type": "rating", "name": "wait", "visibleIf": "{period} >= 4"}
      ]
    }"#;
    let imp = import(src, Audience::External).unwrap();
    let s = &imp.survey;
    let ids: Vec<&str> = s.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["channel_q", "period_q", "wait"]);
    let json: serde_json::Value = serde_json::from_str(&imp.json).unwrap();
    assert_eq!(
        json["questions"][1]["visible_if"],
        json!({"question": "channel_q", "in": ["office"]})
    );
    assert_eq!(json["questions"][2]["visible_if"]["question"], "period_q");
    assert!(imp.skipped.is_empty(), "{:?}", imp.skipped.len());
}

#[test]
fn every_locale_of_a_localised_string_comes_across() {
    let src = r#"{
      "title": {"default": "Survey", "ru": "Опрос", "uz": "Soʻrovnoma", "zh-cn": "调查"},
      "pages": [{"name": "p1", "elements": [
        {"type": "boolean", "name": "ok", "title": {"ru": "Всё понятно?", "uz": "Hammasi tushunarlimi?", "bad code": "x"}}
      ]}]
    }"#;
    let imp = import(src, Audience::External).unwrap();
    let s = &imp.survey;
    assert_eq!(s.title.get("uz"), "Soʻrovnoma");
    assert_eq!(s.title.get("zh-cn"), "调查");
    assert_eq!(s.title.get("en"), "Survey");
    assert_eq!(s.questions[0].text.get("uz"), "Hammasi tushunarlimi?");
    assert_eq!(s.languages(), ["ru", "en", "uz", "zh-cn"]);
}
