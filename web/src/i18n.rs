//! Translations (Fluent): Russian by default, English available for the whole app,
//! and Uzbek and Chinese for what respondents see (the runner, the kiosk's survey,
//! the thanks screen); a message those two lack is shown in their fallback
//! ([`Lang::fallback`]).

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
    )])
    .add(Lang::Uz, UZ_FTL)
    .add(Lang::Zh, ZH_FTL);
}

/// The respondents' screens in Uzbek (Latin script).
const UZ_FTL: &str = include_str!("../locales/uz.ftl");
/// The respondents' screens in Chinese (simplified characters).
const ZH_FTL: &str = include_str!("../locales/zh.ftl");

/// A language's name in itself, for a language chooser: the interface's languages
/// and others a survey may have; the code itself for one not listed.
pub fn language_name(code: &str) -> String {
    if let Some(l) = Lang::known(code) {
        return l.native_name().to_owned();
    }
    const NAMES: [(&str, &str); 16] = [
        ("tg", "Тоҷикӣ"),
        ("ky", "Кыргызча"),
        ("kk", "Қазақша"),
        ("tk", "Türkmençe"),
        ("az", "Azərbaycanca"),
        ("hy", "Հայերեն"),
        ("ka", "ქართული"),
        ("be", "Беларуская"),
        ("uk", "Українська"),
        ("ro", "Română"),
        ("de", "Deutsch"),
        ("fr", "Français"),
        ("es", "Español"),
        ("tr", "Türkçe"),
        ("ar", "العربية"),
        ("fa", "فارسی"),
    ];
    NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| code.to_owned(), |(_, n)| (*n).to_owned())
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
        match (self, lang.fallback()) {
            (Both::Two { ru, .. }, Lang::Ru) => ru.clone(),
            (Both::Two { en, .. }, _) => en.clone(),
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

    /// The files of the screens respondents see: the runner, its questions, the
    /// language chooser, the light build's landing page; and the root's (the header,
    /// the thanks screen), less what only the manager's screens show there.
    const RESPONDENT_FILES: [&str; 5] = [
        "pages/survey.rs",
        "pages/respondent.rs",
        "components/question.rs",
        "components/lang_choice.rs",
        "app.rs",
    ];
    const MANAGER_ONLY: [&str; 7] = [
        "nav-dashboard",
        "nav-report",
        "nav-survey",
        "nav-editor",
        "nav-glossary",
        "lang-switch",
        "lang-switch-label",
    ];

    /// The keys the respondents' screens use.
    fn respondent_keys() -> std::collections::BTreeSet<String> {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut keys = std::collections::BTreeSet::new();
        for f in RESPONDENT_FILES {
            let code = std::fs::read_to_string(src.join(f)).unwrap();
            keys.extend(
                ftl::keys_given(&code, &["t(", "ta("], 1)
                    .into_iter()
                    .filter(|k| !MANAGER_ONLY.contains(&k.as_str())),
            );
        }
        // What a link that cannot be opened says (the key is chosen in a `match`).
        keys.extend(["embed-damaged", "embed-invalid", "embed-period"].map(String::from));
        keys
    }

    #[test]
    fn every_key_of_the_respondents_screens_is_in_uzbek_and_chinese() {
        let keys = respondent_keys();
        assert!(keys.len() > 50, "{} keys", keys.len());
        for lang in [Lang::Uz, Lang::Zh] {
            let missing: Vec<&String> = keys
                .iter()
                .filter(|k| !CATALOG.with(|c| c.has_in(lang, k)))
                .collect();
            assert!(missing.is_empty(), "{lang:?}: {missing:#?}");
        }
    }

    #[test]
    fn uzbek_and_chinese_messages_are_russians_with_its_arguments() {
        let ru = include_str!("../locales/ru.ftl");
        assert!(ftl::assert_part_of(ru, UZ_FTL) > 50);
        assert!(ftl::assert_part_of(ru, ZH_FTL) > 50);
        // Both translate the same messages.
        let ids =
            |s: &str| -> Vec<String> { ftl::messages(s).into_iter().map(|(id, _)| id).collect() };
        assert_eq!(ids(UZ_FTL), ids(ZH_FTL));
    }

    #[test]
    fn uzbek_and_chinese_plurals_and_fallbacks() {
        let n = |lang, key, n: usize| ta(lang, key, &[("n", n.into())]);
        assert_eq!(n(Lang::Uz, "remaining", 0), "Bu oxirgi qadam");
        assert_eq!(n(Lang::Uz, "remaining", 1), "1 ta savol qoldi");
        assert_eq!(n(Lang::Uz, "remaining", 5), "5 ta savol qoldi");
        assert_eq!(n(Lang::Zh, "remaining", 0), "这是最后一步");
        assert_eq!(n(Lang::Zh, "remaining", 1), "还剩 1 个问题");
        assert_eq!(n(Lang::Zh, "thanks-next", 8), "8 秒后轮到下一位受访者");
        assert_eq!(
            n(Lang::Uz, "thanks-next", 1),
            "Keyingi respondent 1 soniyadan keyin"
        );
        assert_eq!(
            ta(
                Lang::Uz,
                "progress",
                &[("step", 2usize.into()), ("total", 9usize.into())]
            ),
            "2-qadam, jami 9 ta"
        );
        // The manager's screens: Uzbek falls back to Russian, Chinese to English.
        assert_eq!(t(Lang::Uz, "nav-dashboard"), t(Lang::Ru, "nav-dashboard"));
        assert_eq!(t(Lang::Zh, "nav-dashboard"), t(Lang::En, "nav-dashboard"));
        assert_eq!(language_name("uz"), "O\u{2bb}zbekcha");
        assert_eq!(language_name("zh"), "中文");
        assert_eq!(language_name("tg"), "Тоҷикӣ");
        assert_eq!(language_name("xx"), "xx");
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
