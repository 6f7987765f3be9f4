//! The definition's problems as the editor shows them: in plain words, placed by the
//! field they concern, with a link that reveals and focuses that field.

use otklik_survey::advice::{Warning, WarningKind};
use otklik_survey::Message;
use serde_json::Value;

use crate::i18n::{t, ta, Lang};
use crate::services;

/// Whether problem `path` belongs to field `field` (itself or something inside it).
pub(super) fn under(path: &str, field: &str) -> bool {
    path == field
        || path
            .strip_prefix(field)
            .is_some_and(|r| r.starts_with('.') || r.starts_with('['))
}

/// What kind of thing the field at `path` is: the question, an option, a dimension or
/// the survey itself, for messages that name it.
pub(super) fn owner(path: &str) -> &'static str {
    if path.contains(".options[") {
        "option"
    } else if path.starts_with("questions[") {
        "question"
    } else if path.starts_with("dimensions[") {
        "dimension"
    } else {
        "survey"
    }
}

/// A validator's problem said as the editor's user would say it: «Укажите
/// идентификатор вопроса», not the file-checker's «идентификатор не может быть
/// пустым (найдено "")». Problems without a plainer phrasing keep the validator's.
pub(super) fn natural(lang: Lang, path: &str, m: &Message) -> String {
    let field = path
        .rsplit('.')
        .next()
        .unwrap_or(path)
        .trim_end_matches(|c: char| c == ']' || c.is_ascii_digit() || c == '[');
    let reason = |name: &str| match m.arg(name) {
        Some(otklik_survey::Arg::Msg(r)) => Some(r.key()),
        _ => None,
    };
    let key = match (m.key(), field) {
        ("def-bad-id", _) if reason("reason") == Some("id-empty") => {
            Some(format!("ed-msg-id-empty-{}", owner(path)))
        }
        ("def-required", "id") => Some(format!("ed-msg-id-empty-{}", owner(path))),
        (
            "def-text-empty" | "def-required" | "def-text-needs-ru",
            "text" | "title" | "label" | "ru",
        ) => Some(format!("ed-msg-text-empty-{}", owner(path))),
        ("def-no-questions", _) => Some("ed-msg-no-questions".to_owned()),
        ("def-option-count", _)
            if matches!(
                m.arg("found"),
                Some(otklik_survey::Arg::Int(0)) | Some(otklik_survey::Arg::Str(_))
            ) =>
        {
            Some("ed-msg-no-options".to_owned())
        }
        ("def-no-values", _) => Some("ed-msg-no-values".to_owned()),
        // Shown under the field of the missing language; named as its tick box is.
        ("def-text-missing-lang", code) if translation(code).is_some() => {
            return ta(
                lang,
                "ed-msg-translation-missing",
                &[("language", crate::i18n::language_name(code).into())],
            );
        }
        _ => None,
    };
    match key {
        Some(k) => t(lang, &k),
        None => {
            let text = m.render(lang);
            let mut c = text.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        }
    }
}

/// The id of the form field that edits `path` (or of its card): where a problem's
/// link takes the user.
pub(super) fn field_id(path: &str) -> String {
    let mut id = String::from("ed");
    let mut parts = path.split('.').peekable();
    let mut in_question = false;
    while let Some(part) = parts.next() {
        let (name, index) = match part.split_once('[') {
            Some((n, rest)) => (n, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        match (name, index) {
            ("questions", Some(i)) => {
                id = format!("ed-q-{i}");
                in_question = true;
            }
            ("dimensions", Some(i)) => id = format!("ed-dim-{i}"),
            ("options", Some(j)) if in_question => id = format!("{id}-o-{j}"),
            ("options", None) if in_question => return format!("{id}-add-option"),
            ("text" | "title" | "label" | "hint" | "short" | "unit", _) => {
                let base = if id == "ed" {
                    if name == "title" {
                        "ed-title-text".to_owned()
                    } else {
                        format!("ed-{name}")
                    }
                } else {
                    format!("{id}-{name}")
                };
                return format!("{base}-{}", text_lang(parts.next()));
            }
            ("intro", _) => return format!("ed-intro-{}", text_lang(parts.next())),
            ("id", _) => return format!("{id}-id"),
            ("standard_max", _) => return format!("{id}-standard"),
            ("max_length", _) => return format!("{id}-max-length"),
            ("visible_if", _) => return format!("{id}-cond-question"),
            ("labels", _) => {
                let key = parts.next().unwrap_or("min");
                return format!("{id}-label-{key}-{}", text_lang(parts.next()));
            }
            ("min_group", _) => return "ed-min-group".to_owned(),
            ("min_group_text", _) => return "ed-min-group-text".to_owned(),
            (other, _) if id != "ed" && !other.is_empty() => {
                return format!("{id}-{}", other.replace('_', "-"))
            }
            _ => {}
        }
    }
    if id == "ed" {
        "ed-general-title".to_owned()
    } else {
        id
    }
}

/// The language other than Russian that a text's member names (`title.en`): one the
/// editor can have a field for.
pub(super) fn translation(code: &str) -> Option<Lang> {
    Lang::ALL
        .into_iter()
        .find(|l| *l != Lang::Ru && l.code() == code)
}

/// The code of the field of a text's member (`title.en`): a translation's, or the
/// Russian field's for any other member, or none.
fn text_lang(part: Option<&str>) -> &'static str {
    part.and_then(translation).map_or("ru", Lang::code)
}

/// Opens every collapsed section around `id` and moves the focus there.
pub(super) fn reveal(id: &str) {
    let Some(el) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    let mut at = el.closest("details").ok().flatten();
    while let Some(d) = at {
        d.set_attribute("open", "").ok();
        at = d
            .parent_element()
            .and_then(|p| p.closest("details").ok().flatten());
    }
    services::focus(id);
}

pub(super) fn warning_text(lang: Lang, w: &Warning) -> String {
    match &w.kind {
        WarningKind::AsksForIdentity { word } => {
            ta(lang, "ed-warn-identity", &[("word", word.clone().into())])
        }
        WarningKind::SmallGroup {
            option,
            headcount,
            min_group,
        } => ta(
            lang,
            "ed-warn-small-group",
            &[
                ("option", option.clone().into()),
                ("n", (*headcount).into()),
                ("k", (*min_group).into()),
            ],
        ),
        WarningKind::TooManyGroupings {
            count,
            cells,
            expected,
        } => ta(
            lang,
            "ed-warn-groupings",
            &[
                ("count", (*count).into()),
                ("cells", (*cells).into()),
                (
                    "expected",
                    expected
                        .map_or_else(|| "none".to_owned(), |e| e.to_string())
                        .into(),
                ),
            ],
        ),
        _ => String::new(),
    }
}

/// Where a problem is, in words: «Вопрос 3 (wait_minutes)», «Направление 2», «Общие сведения».
pub(super) fn problem_place(lang: Lang, path: &str, doc: &Value) -> String {
    let index = |prefix: &str| {
        path.strip_prefix(prefix)
            .and_then(|r| r.split(']').next())
            .and_then(|n| n.parse::<usize>().ok())
    };
    if let Some(i) = index("questions[") {
        match doc["questions"][i]["id"].as_str().unwrap_or("").trim() {
            "" => ta(lang, "ed-question-n", &[("n", (i + 1).into())]),
            id => ta(
                lang,
                "ed-question-heading",
                &[("n", (i + 1).into()), ("id", id.into())],
            ),
        }
    } else if let Some(i) = index("dimensions[") {
        ta(lang, "ed-dimension-n", &[("n", (i + 1).into())])
    } else {
        t(lang, "ed-general")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_leads_to_the_field_of_its_language() {
        let cases = [
            ("title", "ed-title-text-ru"),
            ("title.uz", "ed-title-text-uz"),
            ("intro.en", "ed-intro-en"),
            ("intro", "ed-intro-ru"),
            ("questions[2].text", "ed-q-2-text-ru"),
            ("questions[2].text.en", "ed-q-2-text-en"),
            ("questions[0].labels.max.zh", "ed-q-0-label-max-zh"),
            ("questions[1].options[3].label.uz", "ed-q-1-o-3-label-uz"),
            ("dimensions[1].title.en", "ed-dim-1-title-en"),
            // A language the editor has no field for: the Russian field.
            ("questions[2].unit.kk", "ed-q-2-unit-ru"),
            ("questions[2].id", "ed-q-2-id"),
        ];
        for (path, id) in cases {
            assert_eq!(field_id(path), id, "{path}");
        }
    }

    #[test]
    fn a_missing_translation_is_asked_for_in_plain_words() {
        let m = Message::new("def-text-missing-lang").with("lang", "\"en\"");
        assert_eq!(
            natural(Lang::En, "questions[0].text.en", &m),
            "Type the translation (English): the survey lists this language"
        );
        // Under the Russian field, where a language has no field, it names the language.
        let m = Message::new("def-text-missing-lang").with("lang", "\"uz\"");
        assert_eq!(
            natural(Lang::Ru, "title.uz", &m),
            "Введите перевод (Oʻzbekcha): этот язык отмечен в языках опроса"
        );
        assert!(natural(Lang::En, "questions[0].text.kk", &m).contains("\"uz\""));
    }
}
