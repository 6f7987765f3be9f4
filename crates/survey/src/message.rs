//! Messages for people, in Russian or English: what an import or an answer check
//! found wrong, and what was expected.
//!
//! A [`Message`] is a key of the translations in `locales/{ru,en}.ftl` (Fluent) and
//! its arguments; it is rendered when it is shown, in the reader's [`Lang`]. Its
//! `Display` is the English text (the CLI's, and the tests').

use std::fmt;
use std::str::FromStr;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

/// A language of the interface and of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Russian, the default.
    #[default]
    Ru,
    /// English.
    En,
}

impl Lang {
    /// The code used in survey texts (`ru`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::Ru => Lang::En,
            Lang::En => Lang::Ru,
        }
    }

    /// The language of `code`; Russian for anything but `en`.
    pub fn from_code(code: &str) -> Lang {
        if code == "en" {
            Lang::En
        } else {
            Lang::Ru
        }
    }
}

/// A language code that is neither `ru` nor `en`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?} (expected ru or en)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "ru" => Ok(Lang::Ru),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_owned())),
        }
    }
}

/// A value in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text shown as it is (a quoted cell, an id, a list of options, a range end).
    Str(String),
    /// A count: Russian chooses the word's form by it.
    Int(i64),
    /// Another message, rendered in the same language.
    Msg(Box<Message>),
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
impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Msg(Box::new(m))
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(u8, u16, u32, u64, usize, i64);

/// A message: a translation key and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// The message `key` without arguments.
    pub fn new(key: &'static str) -> Message {
        Message {
            key,
            args: Vec::new(),
        }
    }

    /// The message with the argument `name` set to `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The translation key.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The argument `name`, if the message has it.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        self.try_render(lang).unwrap_or_else(|(text, _)| text)
    }

    /// The message in `lang`, or the best text that could be made and what was wrong
    /// (a missing translation or argument).
    pub fn try_render(&self, lang: Lang) -> Result<String, (String, Vec<String>)> {
        let mut args = FluentArgs::new();
        let mut problems = Vec::new();
        for (name, value) in &self.args {
            let value = match value {
                Arg::Str(s) => FluentValue::from(s.as_str()),
                Arg::Int(n) => FluentValue::from(*n),
                Arg::Msg(m) => match m.try_render(lang) {
                    Ok(s) => FluentValue::from(s),
                    Err((s, more)) => {
                        problems.extend(more);
                        FluentValue::from(s)
                    }
                },
            };
            args.set(*name, value);
        }
        let text = with_bundle(lang, |b| format_in(b, lang, self.key, &args, &mut problems));
        if problems.is_empty() {
            Ok(text)
        } else {
            Err((text, problems))
        }
    }
}

/// The message `key` of `b` (in `lang`) with `args`; what went wrong goes to
/// `problems`, and a missing message reads as its key.
fn format_in(
    b: &FluentBundle<FluentResource>,
    lang: Lang,
    key: &str,
    args: &FluentArgs<'_>,
    problems: &mut Vec<String>,
) -> String {
    let Some(pattern) = b.get_message(key).and_then(|m| m.value()) else {
        problems.push(format!("no message {key:?} in {}", lang.code()));
        return key.to_owned();
    };
    let mut errors = Vec::new();
    let s = b.format_pattern(pattern, Some(args), &mut errors);
    problems.extend(errors.iter().map(|e| format!("{key}: {e}")));
    s.into_owned()
}

/// One set of translations for a program, in both languages: this crate's (which its
/// [`Message`]s render from) and those of the crates above it that have their own
/// `locales/{ru,en}.ftl`, in one Fluent bundle per language. A message id appears in
/// one file only.
pub struct Catalog {
    ru: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

impl Catalog {
    /// This crate's translations and then `more`, each `(ru, en)`. Panics when a source
    /// does not parse or repeats an id (translations are compiled in, and tests build
    /// every catalog).
    pub fn new(more: &[(&str, &str)]) -> Catalog {
        let (mut ru, mut en) = (bundle(Lang::Ru, RU_FTL), bundle(Lang::En, EN_FTL));
        for (r, e) in more {
            for (b, src) in [(&mut ru, r), (&mut en, e)] {
                b.add_resource(
                    FluentResource::try_new((*src).to_owned()).expect("the translations parse"),
                )
                .expect("no message id in two files");
            }
        }
        Catalog { ru, en }
    }

    /// The message `key` in `lang` with `args` (numbers choose plural forms); a
    /// missing message reads as its key.
    pub fn text(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
        let b = match lang {
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        };
        let mut problems = Vec::new();
        let mut a = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Str(s) => FluentValue::from(s.as_str()),
                Arg::Int(n) => FluentValue::from(*n),
                Arg::Msg(m) => FluentValue::from(self.message(lang, m)),
            };
            a.set(*name, value);
        }
        format_in(b, lang, key, &a, &mut problems)
    }

    /// `m` in `lang`, from this catalog.
    pub fn message(&self, lang: Lang, m: &Message) -> String {
        let args: Vec<(&str, Arg)> = m.args.iter().map(|(n, a)| (*n, a.clone())).collect();
        self.text(lang, m.key, &args)
    }

    /// Whether the catalog has the message `key` in both languages.
    pub fn has(&self, key: &str) -> bool {
        self.ru.has_message(key) && self.en.has_message(key)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// The Russian translations.
const RU_FTL: &str = include_str!("../locales/ru.ftl");
/// The English translations.
const EN_FTL: &str = include_str!("../locales/en.ftl");

/// A Fluent bundle of `source` (translations in `lang`) as Otklik uses them: without
/// Unicode isolation marks around arguments. Panics when `source` does not parse
/// (translations are compiled in, and tests load every one).
pub fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    let id = match lang {
        Lang::Ru => unic_langid::langid!("ru"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut b = FluentBundle::new(vec![id]);
    b.set_use_isolating(false);
    b.add_resource(FluentResource::try_new(source.to_owned()).expect("the translations parse"))
        .expect("no duplicate messages");
    b
}

thread_local! {
    static RU: FluentBundle<FluentResource> = bundle(Lang::Ru, RU_FTL);
    static EN: FluentBundle<FluentResource> = bundle(Lang::En, EN_FTL);
}

fn with_bundle<T>(lang: Lang, f: impl FnOnce(&FluentBundle<FluentResource>) -> T) -> T {
    match lang {
        Lang::Ru => RU.with(f),
        Lang::En => EN.with(f),
    }
}

#[cfg(test)]
#[path = "../../../tests/support/ftl.rs"]
mod ftl;

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    /// Message ids of an FTL file, each with the variables it uses.
    fn messages(ftl: &str) -> BTreeMap<String, BTreeSet<String>> {
        super::ftl::messages(ftl).into_iter().collect()
    }

    #[test]
    fn both_languages_have_the_same_messages_with_the_same_arguments() {
        let (ru, en) = (messages(RU_FTL), messages(EN_FTL));
        assert!(ru.len() > 40, "{} messages", ru.len());
        assert_eq!(ru.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>());
        for (id, vars) in &ru {
            assert_eq!(vars, &en[id], "{id}");
        }
    }

    #[test]
    fn every_key_used_in_the_code_is_translated() {
        let en = messages(EN_FTL);
        let root = env!("CARGO_MANIFEST_DIR");
        let mut used = 0;
        // The analytics and report crates' errors render from these translations too,
        // and so do the command line's words.
        let dirs = [
            format!("{root}/src"),
            format!("{root}/../analytics/src"),
            format!("{root}/../report/src"),
            format!("{root}/../cli/src"),
        ];
        let files = dirs
            .iter()
            .flat_map(|d| super::ftl::sources(std::path::Path::new(d)));
        for (path, code) in files {
            if path.ends_with("message.rs") {
                continue; // its tests name keys that do not exist on purpose
            }
            for part in code.split("Message::new(\"").skip(1) {
                let key = part.split('"').next().unwrap();
                assert!(en.contains_key(key), "{}: {key}", path.display());
                used += 1;
            }
        }
        assert!(used > 40, "{used} uses");
    }

    #[test]
    fn arguments_nest_and_counts_choose_russian_forms() {
        let m = Message::new("cell-not-value")
            .with("value", "\"abc\"")
            .with("expected", Message::new("expected-text").with("max", 21u32));
        assert_eq!(
            m.to_string(),
            "\"abc\" is not a text of at most 21 characters"
        );
        assert_eq!(
            m.render(Lang::Ru),
            "\"abc\": ожидается текст не длиннее 21 символа"
        );
        let m = Message::new("expected-text").with("max", 500u32);
        assert_eq!(m.render(Lang::Ru), "текст не длиннее 500 символов");
    }

    #[test]
    fn a_missing_key_or_argument_is_reported() {
        assert!(Message::new("no-such-message")
            .try_render(Lang::Ru)
            .is_err());
        assert!(Message::new("expected-text").try_render(Lang::En).is_err());
    }

    #[test]
    fn languages_parse_from_their_codes() {
        assert_eq!("ru".parse(), Ok(Lang::Ru));
        assert_eq!("en".parse(), Ok(Lang::En));
        assert_eq!(
            "de".parse::<Lang>().unwrap_err().to_string(),
            "unknown language \"de\" (expected ru or en)"
        );
        assert_eq!(Lang::from_code("xx"), Lang::Ru);
        assert_eq!(Lang::Ru.other(), Lang::En);
    }
}
