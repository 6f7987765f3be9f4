//! Translations (Fluent): Russian by default, English available.

use otklik_survey::message::Catalog;
use serde::{Deserialize, Serialize};

/// A message argument: text, a count (which chooses plural forms), or a message.
pub use otklik_survey::Arg;
/// The interface language (the survey model's, so that its messages render in it).
pub use otklik_survey::Lang;

thread_local! {
    /// The survey model's translations and the app's own, in one catalog.
    static CATALOG: Catalog = Catalog::new(&[(
        include_str!("../locales/ru.ftl"),
        include_str!("../locales/en.ftl"),
    )]);
}

/// The message `key` in `lang`.
pub fn t(lang: Lang, key: &str) -> String {
    CATALOG.with(|c| c.text(lang, key, &[]))
}

/// The message `key` in `lang` with arguments (numbers select plural forms).
pub fn ta(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    CATALOG.with(|c| c.text(lang, key, args))
}

/// A text in both languages, made when it arises and shown in the language of the
/// moment (switching languages re-renders it). The worker sends its messages in this
/// form: `{"ru": …, "en": …}`, or one text for a failure only a bug could cause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Both {
    Two { ru: String, en: String },
    One(String),
}

impl Both {
    /// `f`'s text in each language.
    pub fn of(f: impl Fn(Lang) -> String) -> Both {
        Both::Two {
            ru: f(Lang::Ru),
            en: f(Lang::En),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> String {
        match (self, lang) {
            (Both::Two { ru, .. }, Lang::Ru) => ru.clone(),
            (Both::Two { en, .. }, Lang::En) => en.clone(),
            (Both::One(s), _) => s.clone(),
        }
    }
}

#[cfg(test)]
#[path = "../../tests/support/ftl.rs"]
mod ftl;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_arguments() {
        let n = ftl::assert_same_messages(
            include_str!("../locales/ru.ftl"),
            include_str!("../locales/en.ftl"),
        );
        assert!(n > 300, "{n} messages");
    }

    /// Every key the app's code gives `t` or `ta` (as their second argument: a
    /// literal, or the literals of an `if … else …` there) is in the catalog in both
    /// languages.
    #[test]
    fn every_key_used_in_the_code_is_translated() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let has = |key: &str| CATALOG.with(|c| c.has(key));
        let (used, missing) = ftl::untranslated(&src, &["t(", "ta("], 1, has);
        assert!(used > 300, "{used} keys found");
        assert!(missing.is_empty(), "{missing:#?}");
    }

    #[test]
    fn russian_plurals_follow_the_number() {
        assert_eq!(
            ta(Lang::Ru, "remaining", &[("n", 1usize.into())]),
            "Остался 1 вопрос"
        );
        assert_eq!(
            ta(Lang::Ru, "remaining", &[("n", 3usize.into())]),
            "Осталось 3 вопроса"
        );
        assert_eq!(
            ta(Lang::Ru, "remaining", &[("n", 11usize.into())]),
            "Осталось 11 вопросов"
        );
        assert_eq!(
            ta(Lang::Ru, "remaining", &[("n", 21usize.into())]),
            "Остался 21 вопрос"
        );
        assert_eq!(
            ta(Lang::En, "remaining", &[("n", 2usize.into())]),
            "2 questions left"
        );
        let option = |n: u64| {
            ta(
                Lang::Ru,
                "report-survey-option",
                &[("title", "Опрос".into()), ("n", n.into())],
            )
        };
        assert_eq!(option(3152), "Опрос (3152 ответа)");
        // Counts on the kiosk's organiser screen, in both languages.
        let count = |lang, key, n: usize| ta(lang, key, &[("count", n.into())]);
        assert_eq!(
            count(Lang::Ru, "admin-clear-confirm", 2),
            "Удалить с устройства 2 выгруженных ответа? Отменить удаление нельзя."
        );
        assert_eq!(
            count(Lang::Ru, "admin-clear-confirm", 21),
            "Удалить с устройства 21 выгруженный ответ? Отменить удаление нельзя."
        );
        assert_eq!(
            count(Lang::Ru, "admin-clear-confirm", 5),
            "Удалить с устройства 5 выгруженных ответов? Отменить удаление нельзя."
        );
        assert_eq!(
            count(Lang::Ru, "admin-count", 0),
            "На этом устройстве нет сохранённых ответов."
        );
        assert_eq!(
            count(Lang::Ru, "admin-count", 1),
            "На этом устройстве сохранён 1 ответ."
        );
        assert_eq!(
            count(Lang::En, "admin-clear-left", 1),
            "1 response has not been exported and will stay on the device."
        );
        assert_eq!(
            count(Lang::En, "admin-clear-left", 3),
            "3 responses have not been exported and will stay on the device."
        );
        assert_eq!(option(6000), "Опрос (6000 ответов)");
        assert_eq!(option(101), "Опрос (101 ответ)");
    }
}
