use otklik_survey::Survey;

use super::*;

/// Every question type, required questions, and each form of condition: a choice, a
/// multi, a yes/no (two consecutive questions), scores as a range and as a list, and a
/// condition on the last question.
const SURVEY: &str = r#"{
  "id": "paper-test", "version": 1, "audience": "external",
  "title": {"ru": "Опрос о приёме", "en": "Reception survey"},
  "intro": {"ru": "Ответьте, пожалуйста.", "en": "Please answer."},
  "min_group": 7,
  "questions": [
    {"id": "dept", "type": "choice", "required": true, "text": {"ru": "Отдел", "en": "Department"},
     "options": [{"id": "a", "label": {"ru": "Канцелярия", "en": "Registry"}},
                 {"id": "b", "label": {"ru": "Архив", "en": "Archive"}}]},
    {"id": "sc", "type": "scale", "points": 4, "text": {"ru": "Вежливость", "en": "Courtesy"},
     "labels": {"min": {"ru": "Грубо", "en": "Rude"}, "max": {"ru": "Вежливо", "en": "Polite"}}},
    {"id": "ok", "type": "yesno", "required": true, "text": {"ru": "Решён ли вопрос?", "en": "Was it resolved?"}},
    {"id": "why", "type": "text", "max_length": 130, "visible_if": {"question": "ok", "in": ["yes"]},
     "text": {"ru": "Что помогло?", "en": "What helped?"}},
    {"id": "wait", "type": "number", "integer": true, "unit": {"ru": "мин", "en": "min"},
     "visible_if": {"question": "ok", "in": ["yes"]}, "text": {"ru": "Сколько ждали?", "en": "How long did you wait?"}},
    {"id": "nps", "type": "nps", "text": {"ru": "Порекомендуете?", "en": "Would you recommend?"}},
    {"id": "ch", "type": "multi", "text": {"ru": "Каналы", "en": "Channels"},
     "options": [{"id": "x", "label": {"ru": "Сайт", "en": "Website"}},
                 {"id": "y", "label": {"ru": "Телефон", "en": "Phone"}},
                 {"id": "z", "label": {"ru": "Почта", "en": "Post"}}]},
    {"id": "low", "type": "text", "max_length": 5000, "visible_if": {"question": "nps", "in": ["0", "1", "2", "3", "4", "5", "6"]},
     "text": {"ru": "Что не так?", "en": "What went wrong?"}},
    {"id": "again", "type": "choice", "visible_if": {"question": "ch", "in": ["x", "z"]},
     "text": {"ru": "Снова?", "en": "Again?"},
     "options": [{"id": "s", "label": {"ru": "Да, снова", "en": "Yes, again"}}]},
    {"id": "bad", "type": "scale", "points": 5, "visible_if": {"question": "sc", "in": ["1", 2]},
     "text": {"ru": "Насколько плохо?", "en": "How bad?"}},
    {"id": "last", "type": "number", "visible_if": {"question": "dept", "in": ["a"]},
     "text": {"ru": "Последний", "en": "Last"}}
  ]
}"#;

fn survey() -> Survey {
    Survey::from_json(SURVEY).unwrap()
}

fn form(lang: &str) -> String {
    let options = Options {
        lang: lang.to_owned(),
        period: Some("2026-Q1".to_owned()),
        large: false,
    };
    render(&survey(), &options)
}

/// The HTML of question `n` (from its `<section>` to the end of it).
fn section(html: &str, n: usize) -> &str {
    let id = html
        .find(&format!("id=\"q{n}\""))
        .unwrap_or_else(|| panic!("no question {n}"));
    let start = html[..id].rfind("<section").unwrap();
    let len = html[start..].find("</section>").unwrap();
    &html[start..start + len]
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn every_question_is_numbered_once_in_order() {
    let html = form("ru");
    let mut at = 0;
    for n in 1..=11 {
        let mark = format!("<span class=\"qn\">{n}.</span>");
        assert_eq!(count(&html, &mark), 1, "{n}");
        let here = html.find(&mark).unwrap();
        assert!(here > at, "{n} out of order");
        at = here;
    }
    assert_eq!(count(&html, "class=\"qn\""), 11);
    assert_eq!(count(&html, "<section"), count(&html, "</section>"));
}

#[test]
fn choice_and_multi_give_one_box_per_option() {
    let html = form("ru");
    let q1 = section(&html, 1);
    assert_eq!(count(q1, "class=\"box\""), 2);
    assert!(q1.contains("Канцелярия") && q1.contains("Архив"));
    assert!(q1.contains("Отметьте один вариант."));
    let q7 = section(&html, 7);
    assert_eq!(count(q7, "class=\"box\""), 3);
    assert!(q7.contains("Отметьте все подходящие варианты."));
}

#[test]
fn scales_give_a_box_per_point_with_their_end_labels() {
    let html = form("ru");
    let q2 = section(&html, 2);
    assert_eq!(count(q2, "class=\"box\""), 4);
    for v in 1..=4 {
        assert!(q2.contains(&format!("<span class=\"v\">{v}</span>")), "{v}");
    }
    assert!(
        q2.contains("1 — Грубо") && q2.contains("4 — Вежливо"),
        "{q2}"
    );
    // The NPS: 0 to 10, eleven boxes, the form's own end labels when it has none.
    let q6 = section(&html, 6);
    assert_eq!(count(q6, "class=\"box\""), 11);
    for v in 0..=10 {
        assert!(q6.contains(&format!("<span class=\"v\">{v}</span>")), "{v}");
    }
    assert!(q6.contains("0 — точно нет") && q6.contains("10 — обязательно"));
    // A scale without labels: the form's own, for its own end points.
    let q10 = section(&html, 10);
    assert_eq!(count(q10, "class=\"box\""), 5);
    assert!(q10.contains("1 — наихудшая оценка") && q10.contains("5 — наилучшая оценка"));
}

#[test]
fn yes_no_number_and_text_fields() {
    let html = form("ru");
    let q3 = section(&html, 3);
    assert_eq!(count(q3, "class=\"box\""), 2);
    assert!(q3.contains(">Да<") && q3.contains(">Нет<"));
    let q5 = section(&html, 5);
    assert_eq!(count(q5, "class=\"field\""), 1);
    assert!(q5.contains("<span class=\"unit\">мин</span>"));
    assert!(q5.contains("Впишите целое число."));
    assert!(section(&html, 11).contains("Впишите число."));
    // 130 characters: three lines of 60; 5,000: capped.
    assert_eq!(count(section(&html, 4), "class=\"line\""), 3);
    assert_eq!(
        count(section(&html, 8), "class=\"line\""),
        MAX_LINES as usize
    );
}

#[test]
fn text_lines_grow_with_the_length_and_are_capped() {
    assert_eq!(text_lines(1), 1);
    assert_eq!(text_lines(60), 1);
    assert_eq!(text_lines(61), 2);
    assert_eq!(text_lines(2000), MAX_LINES);
    assert_eq!(text_lines(10_000), MAX_LINES);
}

#[test]
fn required_questions_are_marked_and_the_mark_explained() {
    let html = form("ru");
    let mark = "<span class=\"req\"";
    assert!(section(&html, 1).contains(mark));
    assert!(section(&html, 3).contains(mark));
    for n in [2, 4, 5, 6, 7, 8, 9, 10, 11] {
        assert!(!section(&html, n).contains(mark), "{n}");
    }
    assert!(
        html.contains("<p class=\"legend\"><span class=\"req\">*</span> — обязательный вопрос</p>")
    );
    // The mark follows the text with a no-break space, never alone on a line.
    assert!(section(&html, 3).contains("Решён ли вопрос?\u{a0}<span class=\"req\""));
    // No legend when nothing is required.
    let mut s = survey();
    for q in &mut s.questions {
        q.required = false;
    }
    let plain = render(&s, &Options::default());
    assert!(!plain.contains("class=\"legend\"") && !plain.contains("class=\"req\""));
}

#[test]
fn conditions_become_instructions_grouped_over_consecutive_questions() {
    let html = form("ru");
    let instructions = count(&html, "<p class=\"if\">");
    // Questions 4–5 share one; 8, 9, 10 and 11 have one each.
    assert_eq!(instructions, 5);
    assert!(section(&html, 4).contains(
        "<p class=\"if\">Если в вопросе 3 вы ответили «Да», ответьте на вопросы 4–5. Иначе переходите к вопросу 6.</p>"
    ));
    assert!(!section(&html, 5).contains("class=\"if\""));
    assert!(section(&html, 5).contains("class=\"q cond\""));
    assert!(section(&html, 8).contains(
        "Если в вопросе 6 вы поставили оценку от 0 до 6, ответьте на вопрос 8. Иначе переходите к вопросу 9."
    ));
    assert!(section(&html, 9).contains(
        "Если в вопросе 7 вы отметили «Сайт» или «Почта», ответьте на вопрос 9. Иначе переходите к вопросу 10."
    ));
    assert!(section(&html, 10).contains(
        "Если в вопросе 2 вы поставили оценку 1 или 2, ответьте на вопрос 10. Иначе переходите к вопросу 11."
    ));
    assert!(section(&html, 11).contains(
        "Если в вопросе 1 вы выбрали «Канцелярия», ответьте на вопрос 11. Иначе анкета заполнена."
    ));
    assert!(!section(&html, 6).contains("cond"));
}

#[test]
fn the_same_condition_apart_gives_two_instructions() {
    let mut s = survey();
    // 4 and 5 depend on question 3, 6 does not, 7 again does: two instructions.
    let c = s.questions[3].visible_if.clone();
    s.questions[6].visible_if = c;
    let html = render(&s, &Options::default());
    assert!(section(&html, 4).contains("ответьте на вопросы 4–5."));
    assert!(section(&html, 7).contains(
        "Если в вопросе 3 вы ответили «Да», ответьте на вопрос 7. Иначе переходите к вопросу 8."
    ));
}

#[test]
fn english_form_uses_english_texts_and_words() {
    let html = form("en");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<h1>Reception survey</h1>"));
    assert!(html.contains("Form No."));
    assert!(html.contains("This survey is anonymous."));
    assert!(html.contains("fewer than 7 responses"));
    assert!(section(&html, 4).contains(
        "If you answered “Yes” to question 3, answer questions 4–5. Otherwise go to question 6."
    ));
    assert!(section(&html, 9).contains("If you ticked “Website” or “Post” in question 7"));
    assert!(section(&html, 8).contains(
        "If your score in question 6 was from 0 to 6, answer question 8. Otherwise go to question 9."
    ));
    assert!(section(&html, 11).contains(
        "If you chose “Registry” in question 1, answer question 11. Otherwise you have finished."
    ));
    assert!(!html.contains("Канцелярия"));
}

#[test]
fn russian_form_has_its_header() {
    let html = form("ru");
    assert!(html.contains("<html lang=\"ru\">"));
    assert!(html.contains("№ анкеты"));
    assert!(html.contains("Отчетный период: 2026-Q1"));
    assert!(html.contains("Опрос анонимный."));
    assert!(html.contains("меньше 7 ответов"));
    assert!(html.contains("<p class=\"intro\">Ответьте, пожалуйста.</p>"));
}

#[test]
fn another_language_takes_its_texts_and_english_words() {
    let mut s = survey();
    if let Text::Translated(map) = &mut s.title {
        map.insert("kk".into(), "Қабылдау туралы сауалнама".into());
    }
    let options = Options {
        lang: "kk".into(),
        ..Options::default()
    };
    let html = render(&s, &options);
    assert!(html.contains("<html lang=\"kk\">"));
    assert!(html.contains("<h1>Қабылдау туралы сауалнама</h1>"));
    // Texts without Kazakh fall back to Russian; the form's words are English.
    assert!(html.contains("Канцелярия"));
    assert!(html.contains("Form No."));
    assert_eq!(wording("kk"), Lang::En);
    assert_eq!(wording("ru"), Lang::Ru);
}

#[test]
fn without_a_period_a_blank_line_is_left() {
    let html = render(&survey(), &Options::default());
    assert!(html.contains("Отчетный период: <span class=\"blank\"></span>"));
    let blank = Options {
        period: Some("  ".into()),
        ..Options::default()
    };
    assert!(render(&survey(), &blank).contains("<span class=\"blank\"></span>"));
}

#[test]
fn large_text_is_a_class_of_the_document() {
    let large = Options {
        large: true,
        ..Options::default()
    };
    assert!(render(&survey(), &large).contains("<html lang=\"ru\" class=\"large\">"));
    assert!(!render(&survey(), &Options::default()).contains("class=\"large\""));
    assert!(CSS.contains("html.large"));
}

#[test]
fn the_document_is_self_contained_and_prints_questions_whole() {
    let html = form("ru");
    assert!(!html.contains("<script") && !html.contains("src=") && !html.contains("href="));
    assert!(html.contains("default-src 'none'"));
    assert!(CSS.contains(".q { break-inside: avoid;"));
    assert!(CSS.contains("size: A4"));
    // Black on white: no colour but black and white in the stylesheet.
    for (i, _) in CSS.match_indices('#') {
        let colour = &CSS[i..i + 4];
        assert!(colour == "#000" || colour == "#fff", "{colour}");
    }
}

#[test]
fn survey_text_is_escaped() {
    const XSS: &str = "<script>alert(\"x\")</script> & 'q'";
    let mut s = survey();
    s.title = Text::Plain(XSS.into());
    s.questions[0].text = Text::Plain(XSS.into());
    if let QuestionKind::Choice { options, .. } = &mut s.questions[0].kind {
        options[0].label = Text::Plain(XSS.into());
    }
    s.questions[2].hint = Some(Text::Plain(XSS.into()));
    let html = render(
        &s,
        &Options {
            lang: "<en>".into(),
            period: Some("<b>".into()),
            large: false,
        },
    );
    assert!(!html.contains("<script>") && !html.contains("<b>") && !html.contains("<en>"));
    let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;";
    // The title twice (<title> and <h1>), question 1, its option, the hint, and the
    // instruction of question 11, which names the option.
    assert_eq!(count(&html, escaped), 6);
    assert!(section(&html, 11).contains(&format!("“{escaped}”")));
}

#[test]
fn a_label_in_quotes_is_not_quoted_again() {
    let mut s = survey();
    if let QuestionKind::Choice { options, .. } = &mut s.questions[0].kind {
        options[0].label = Text::Plain("«Горячая линия»".into());
    }
    let html = render(&s, &Options::default());
    assert!(section(&html, 11).contains("вы выбрали «Горячая линия», ответьте"));
}

#[test]
fn join_or_lists() {
    let w = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(join_or(&w(&[]), "or"), "");
    assert_eq!(join_or(&w(&["a"]), "or"), "a");
    assert_eq!(join_or(&w(&["a", "b"]), "or"), "a or b");
    assert_eq!(join_or(&w(&["a", "b", "c"]), "или"), "a, b или c");
}

#[test]
fn the_templates_print_in_uzbek_and_chinese_with_their_own_words() {
    let s = Survey::from_json(otklik_demo::EXTERNAL_TEMPLATE).unwrap();
    for (lang, title, question, words) in [
        (
            "uz",
            "Xizmat koʻrsatish sifatidan qoniqish boʻyicha soʻrovnoma",
            "Bizga kim sifatida murojaat qildingiz?",
            "Anketa №",
        ),
        (
            "zh",
            "服务质量满意度调查",
            "您以什么身份与我们联系？",
            "问卷编号",
        ),
    ] {
        let options = Options {
            lang: lang.into(),
            ..Options::default()
        };
        let html = render(&s, &options);
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        assert!(html.contains(&format!("<h1>{title}</h1>")), "{lang}");
        assert!(html.contains(question), "{lang}");
        // Every text of the survey and the form's own words are in the language.
        assert!(!html.contains("Опрос"), "{lang}");
        assert!(html.contains(words), "{lang}");
        assert!(!html.contains("Form No."), "{lang}");
        assert_eq!(wording(lang).code(), lang);
    }
}
