use serde_json::{json, Value};

use super::*;
use crate::pages::editor::model::blank;

fn survey() -> Value {
    let mut d = blank();
    d["dimensions"] = json!([{"id": "speed", "title": {"ru": "Скорость"}, "weight": 1}]);
    d["questions"] = json!([
        {"id": "a", "type": "scale", "points": 5, "text": {"ru": "А", "en": "A"}},
        {"id": "b", "type": "choice", "text": {"ru": "Б"}, "group": true,
         "options": [{"id": "x", "label": {"ru": "Икс"}, "headcount": 12}, {"id": "y", "label": {"ru": "Игрек"}}]},
        {"id": "c", "type": "number", "text": {"ru": "В"}, "min": 0, "max": 100},
    ]);
    d
}

fn after(edits: &[Edit]) -> Value {
    let mut d = survey();
    for e in edits {
        e.apply(&mut d);
    }
    d
}

fn q(i: usize, e: QuestionEdit) -> Edit {
    Edit::Question(i, e)
}

fn text(at: TextAt, lang: Lang, value: &str) -> Edit {
    Edit::Text {
        at,
        lang,
        value: value.into(),
    }
}

#[test]
fn survey_fields_are_set_and_numbers_that_do_not_parse_are_kept_as_typed() {
    let d = after(&[
        Edit::SurveyId("  my-id ".into()),
        Edit::Audience("internal".into()),
        Edit::MinGroup(" 7 ".into()),
        Edit::MinGroupText("many".into()),
    ]);
    assert_eq!(d["id"], "my-id");
    assert_eq!(d["audience"], "internal");
    assert_eq!(d["min_group"], 7);
    assert_eq!(d["min_group_text"], "many", "the validator names it");
}

#[test]
fn one_language_of_a_text_changes_and_the_other_stays() {
    let d = after(&[
        text(TextAt::Title, Lang::Ru, "Опрос"),
        text(TextAt::Title, Lang::En, "Survey"),
        text(TextAt::Text(0), Lang::Ru, "Новый"),
        text(TextAt::Dimension(0), Lang::En, "Speed"),
        text(TextAt::Option(1, 0), Lang::Ru, "Икс-2"),
    ]);
    assert_eq!(d["title"], json!({"ru": "Опрос", "en": "Survey"}));
    assert_eq!(d["questions"][0]["text"], json!({"ru": "Новый", "en": "A"}));
    assert_eq!(
        d["dimensions"][0]["title"],
        json!({"ru": "Скорость", "en": "Speed"})
    );
    assert_eq!(
        d["questions"][1]["options"][0]["label"],
        json!({"ru": "Икс-2"})
    );
    // A blank English text is dropped; a required Russian one is kept empty.
    let d = after(&[
        text(TextAt::Text(0), Lang::En, "  "),
        text(TextAt::Text(1), Lang::Ru, ""),
    ]);
    assert_eq!(d["questions"][0]["text"], json!({"ru": "А"}));
    assert_eq!(d["questions"][1]["text"], json!({"ru": ""}));
}

#[test]
fn an_optional_text_without_its_russian_is_removed() {
    for (at, key) in [
        (TextAt::Short(0), "short"),
        (TextAt::Hint(0), "hint"),
        (TextAt::Unit(2), "unit"),
    ] {
        let i = if key == "unit" { 2 } else { 0 };
        let d = after(&[text(at, Lang::Ru, "Есть")]);
        assert_eq!(d["questions"][i][key], json!({"ru": "Есть"}), "{key}");
        let d = after(&[text(at, Lang::Ru, "Есть"), text(at, Lang::Ru, "")]);
        assert!(d["questions"][i].get(key).is_none(), "{key}");
    }
    let d = after(&[text(TextAt::Intro, Lang::Ru, "Здравствуйте")]);
    assert_eq!(d["intro"], json!({"ru": "Здравствуйте"}));
    let d = after(&[
        text(TextAt::Intro, Lang::Ru, "Здравствуйте"),
        text(TextAt::Intro, Lang::En, "Hello"),
        text(TextAt::Intro, Lang::Ru, ""),
    ]);
    assert!(d.get("intro").is_none(), "an English text alone goes too");
}

#[test]
fn scale_labels_come_and_go_with_their_russian() {
    let d = after(&[
        text(TextAt::Label(0, false), Lang::Ru, "Плохо"),
        text(TextAt::Label(0, true), Lang::Ru, "Хорошо"),
        text(TextAt::Label(0, true), Lang::En, "Good"),
    ]);
    assert_eq!(
        d["questions"][0]["labels"],
        json!({"min": {"ru": "Плохо"}, "max": {"ru": "Хорошо", "en": "Good"}})
    );
    let d = after(&[
        text(TextAt::Label(0, false), Lang::Ru, "Плохо"),
        text(TextAt::Label(0, false), Lang::Ru, ""),
    ]);
    assert!(d["questions"][0].get("labels").is_none(), "no empty labels");
}

#[test]
fn dimensions_are_added_edited_and_removed() {
    let d = after(&[
        Edit::AddDimension,
        Edit::DimensionId(1, " care ".into()),
        Edit::DimensionWeight(1, "0.5".into()),
        Edit::DimensionWeight(0, "heavy".into()),
    ]);
    assert_eq!(
        d["dimensions"][1],
        json!({"id": "care", "title": {"ru": ""}, "weight": 0.5})
    );
    assert_eq!(d["dimensions"][0]["weight"], "heavy");
    let d = after(&[Edit::AddDimension, Edit::RemoveDimension(0)]);
    assert_eq!(
        d["dimensions"],
        json!([{"id": "dim2", "title": {"ru": ""}, "weight": 1}])
    );
    // A definition without dimensions gets its first.
    let mut d = json!({"id": "s"});
    Edit::AddDimension.apply(&mut d);
    assert_eq!(d["dimensions"][0]["id"], "dim1");
}

#[test]
fn questions_are_added_removed_swapped_and_duplicated() {
    let d = after(&[Edit::AddQuestion("choice".into())]);
    assert_eq!(
        d["questions"][3],
        json!({"id": "q1", "type": "choice", "text": {"ru": ""}, "options": []})
    );
    let ids = |d: &Value| -> Vec<String> {
        d["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids(&after(&[Edit::RemoveQuestion(1)])), ["a", "c"]);
    assert_eq!(ids(&after(&[Edit::SwapQuestions(0, 1)])), ["b", "a", "c"]);
    assert_eq!(
        ids(&after(&[Edit::SwapQuestions(2, 3)])),
        ["a", "b", "c"],
        "past the end"
    );
    let d = after(&[Edit::DuplicateQuestion(0), Edit::DuplicateQuestion(0)]);
    assert_eq!(ids(&d), ["a", "a-3", "a-2", "b", "c"]);
    assert_eq!(d["questions"][1]["text"], d["questions"][0]["text"]);
    // Edits of what is not there change nothing.
    for e in [
        Edit::RemoveQuestion(9),
        Edit::DuplicateQuestion(9),
        Edit::RemoveDimension(9),
        Edit::DimensionId(9, "x".into()),
        q(9, QuestionEdit::Id("x".into())),
        q(1, QuestionEdit::OptionId(9, "x".into())),
        text(TextAt::Option(1, 9), Lang::Ru, "x"),
        text(TextAt::Label(9, true), Lang::Ru, "x"),
    ] {
        assert_eq!(after(std::slice::from_ref(&e)), survey(), "{e:?}");
    }
}

#[test]
fn a_question_s_own_fields() {
    let d = after(&[
        q(0, QuestionEdit::Id(" speed ".into())),
        q(0, QuestionEdit::Required(true)),
        q(0, QuestionEdit::Role("effort".into())),
        q(0, QuestionEdit::Dimension("speed".into())),
        q(2, QuestionEdit::Integer(true)),
    ]);
    let a = &d["questions"][0];
    assert_eq!(
        (&a["id"], &a["required"], &a["role"], &a["dimension"]),
        (
            &json!("speed"),
            &json!(true),
            &json!("effort"),
            &json!("speed")
        )
    );
    assert_eq!(d["questions"][2]["integer"], true);
    let d = after(&[
        q(0, QuestionEdit::Required(true)),
        q(0, QuestionEdit::Required(false)),
        q(0, QuestionEdit::Role("need".into())),
        q(0, QuestionEdit::Role(String::new())),
        q(0, QuestionEdit::Dimension("speed".into())),
        q(0, QuestionEdit::Dimension(String::new())),
        q(2, QuestionEdit::Integer(true)),
        q(2, QuestionEdit::Integer(false)),
    ]);
    assert_eq!(d, survey(), "off and none remove the fields");
}

#[test]
fn a_new_type_keeps_what_both_types_have() {
    let d = after(&[
        q(0, QuestionEdit::Required(true)),
        q(0, QuestionEdit::Dimension("speed".into())),
        q(0, QuestionEdit::Kind("multi".into())),
    ]);
    let a = &d["questions"][0];
    assert_eq!(a["type"], "multi");
    assert_eq!(a["required"], true);
    assert!(a.get("dimension").is_none() && a.get("points").is_none());
    assert_eq!(a["options"].as_array().map(Vec::len), Some(1));
    let d = after(&[q(1, QuestionEdit::Kind("multi".into()))]);
    assert_eq!(
        d["questions"][1]["options"],
        survey()["questions"][1]["options"]
    );
}

#[test]
fn numbers_are_whole_when_they_can_be_and_empty_removes_them() {
    let d = after(&[
        q(0, QuestionEdit::Number(Num::Points, "7".into())),
        q(2, QuestionEdit::Number(Num::Min, " -2.0 ".into())),
        q(2, QuestionEdit::Number(Num::Max, "2.5".into())),
        q(2, QuestionEdit::Number(Num::StandardMax, "ten".into())),
        q(1, QuestionEdit::Number(Num::MaxLength, "300".into())),
    ]);
    assert_eq!(d["questions"][0]["points"], json!(7));
    assert_eq!(d["questions"][2]["min"], json!(-2));
    assert_eq!(d["questions"][2]["max"], json!(2.5));
    assert_eq!(d["questions"][2]["standard_max"], "ten");
    assert_eq!(d["questions"][1]["max_length"], json!(300));
    let d = after(&[q(2, QuestionEdit::Number(Num::Min, " ".into()))]);
    assert!(d["questions"][2].get("min").is_none());
}

#[test]
fn a_condition_names_an_earlier_question_and_its_answers() {
    let d = after(&[
        q(2, QuestionEdit::VisibleIf("b".into())),
        q(2, QuestionEdit::VisibleValues(" x, 3 ,, y ".into())),
    ]);
    assert_eq!(
        d["questions"][2]["visible_if"],
        json!({"question": "b", "in": ["x", 3, "y"]})
    );
    let d = after(&[
        q(2, QuestionEdit::VisibleIf("b".into())),
        q(2, QuestionEdit::VisibleValues("x".into())),
        q(2, QuestionEdit::VisibleIf("a".into())),
    ]);
    assert_eq!(
        d["questions"][2]["visible_if"],
        json!({"question": "a", "in": []}),
        "another question's answers start empty"
    );
    let d = after(&[
        q(2, QuestionEdit::VisibleIf("b".into())),
        q(2, QuestionEdit::VisibleIf(String::new())),
    ]);
    assert_eq!(d, survey());
    let d = after(&[q(2, QuestionEdit::VisibleValues("x".into()))]);
    assert_eq!(d, survey(), "no answers without a question");
}

#[test]
fn options_are_added_edited_and_removed() {
    let d = after(&[
        q(1, QuestionEdit::AddOption),
        q(1, QuestionEdit::OptionId(2, " z ".into())),
        q(1, QuestionEdit::Headcount(1, " 4 ".into())),
        q(1, QuestionEdit::Channel(0, "digital".into())),
    ]);
    let o = &d["questions"][1]["options"];
    assert_eq!(o[2], json!({"id": "z", "label": {"ru": ""}}));
    assert_eq!(o[1]["headcount"], 4);
    assert_eq!(o[0]["channel"], "digital");
    let d = after(&[
        q(1, QuestionEdit::Headcount(0, "dozen".into())),
        q(1, QuestionEdit::Channel(1, "offline".into())),
        q(1, QuestionEdit::Channel(1, String::new())),
    ]);
    let o = &d["questions"][1]["options"];
    assert_eq!(o[0]["headcount"], "dozen");
    assert!(o[1].get("channel").is_none());
    let d = after(&[
        q(1, QuestionEdit::Headcount(0, "".into())),
        q(1, QuestionEdit::RemoveOption(1)),
    ]);
    assert_eq!(
        d["questions"][1]["options"],
        json!([{"id": "x", "label": {"ru": "Икс"}}])
    );
    // The first option of a question without any.
    let d = after(&[q(0, QuestionEdit::AddOption)]);
    assert_eq!(d["questions"][0]["options"][0]["id"], "option-1");
}

#[test]
fn a_choice_that_stops_grouping_forgets_its_headcounts() {
    let d = after(&[q(1, QuestionEdit::Group(false))]);
    let b = &d["questions"][1];
    assert!(b.get("group").is_none());
    assert!(b["options"][0].get("headcount").is_none());
    let d = after(&[
        q(1, QuestionEdit::Group(false)),
        q(1, QuestionEdit::Group(true)),
    ]);
    assert_eq!(d["questions"][1]["group"], true);
}

#[test]
fn languages_are_declared_and_withdrawn_with_russian_first_and_others_kept() {
    // Without a list: Russian and the title's languages; the first change writes it.
    let mut d = survey();
    d["title"] = json!({"ru": "Опрос", "en": "Survey"});
    assert_eq!(languages(&d), ["ru", "en"]);
    Edit::Language(Lang::Zh, true).apply(&mut d);
    assert_eq!(d["languages"], json!(["ru", "en", "zh"]));
    Edit::Language(Lang::Uz, true).apply(&mut d);
    assert_eq!(d["languages"], json!(["ru", "en", "uz", "zh"]));
    Edit::Language(Lang::En, false).apply(&mut d);
    assert_eq!(d["languages"], json!(["ru", "uz", "zh"]));
    // Russian stays; a code the app does not know is kept, after the app's own.
    Edit::Language(Lang::Ru, false).apply(&mut d);
    assert_eq!(d["languages"], json!(["ru", "uz", "zh"]));
    d["languages"] = json!(["tg", "ru"]);
    Edit::Language(Lang::En, true).apply(&mut d);
    assert_eq!(d["languages"], json!(["ru", "en", "tg"]));
    // Declaring a language twice declares it once.
    Edit::Language(Lang::En, true).apply(&mut d);
    assert_eq!(d["languages"], json!(["ru", "en", "tg"]));
}
