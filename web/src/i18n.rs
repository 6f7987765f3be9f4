//! Translations (Fluent): Russian by default, English available.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use otklik_survey::message::bundle;
use serde::{Deserialize, Serialize};

/// The interface language (the survey model's, so that its messages render in it).
pub use otklik_survey::Lang;

thread_local! {
    static RU: FluentBundle<FluentResource> = bundle(Lang::Ru, include_str!("../locales/ru.ftl"));
    static EN: FluentBundle<FluentResource> = bundle(Lang::En, include_str!("../locales/en.ftl"));
}

fn format(lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> String {
    let run = |b: &FluentBundle<FluentResource>| {
        let Some(pattern) = b.get_message(key).and_then(|m| m.value()) else {
            return key.to_owned();
        };
        let mut errors = Vec::new();
        b.format_pattern(pattern, args, &mut errors).into_owned()
    };
    match lang {
        Lang::Ru => RU.with(run),
        Lang::En => EN.with(run),
    }
}

/// The message `key` in `lang`.
pub fn t(lang: Lang, key: &str) -> String {
    format(lang, key, None)
}

/// The message `key` in `lang` with arguments (numbers select plural forms).
pub fn ta(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let mut a = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Num(n) => a.set(*name, FluentValue::from(*n)),
            Arg::Str(s) => a.set(*name, FluentValue::from(s.clone())),
        }
    }
    format(lang, key, Some(&a))
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

/// A message argument.
pub enum Arg {
    Num(f64),
    Str(String),
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(n as f64)
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Num(n as f64)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Num(f64::from(n))
    }
}
impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg::Num(n)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_both_languages() {
        let keys = |src: &str| -> Vec<String> {
            src.lines()
                .filter(|l| !l.starts_with(' ') && l.contains(" = ") || l.ends_with(" ="))
                .map(|l| l.split(" =").next().unwrap().trim().to_owned())
                .collect()
        };
        let ru = keys(include_str!("../locales/ru.ftl"));
        let en = keys(include_str!("../locales/en.ftl"));
        assert_eq!(ru, en);
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
