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
///
/// Russian and English cover the whole interface (the manager's screens, the
/// report, the command line and every message). The other languages are the
/// respondents' ([`Lang::RESPONDENT`]): they translate what a respondent sees, and
/// anything else is shown in their [`Lang::fallback`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    /// Russian, the default.
    #[default]
    Ru,
    /// English.
    En,
    /// Uzbek, in the Latin script (the official script of Uzbekistan).
    Uz,
    /// Chinese, in simplified characters.
    Zh,
}

impl Lang {
    /// Every language of the interface, in the order a chooser lists them.
    pub const ALL: [Lang; 4] = [Lang::Ru, Lang::En, Lang::Uz, Lang::Zh];

    /// The languages of the whole interface: the manager's screens, the report, the
    /// command line and every message.
    pub const FULL: [Lang; 2] = [Lang::Ru, Lang::En];

    /// The code used in survey texts (`ru`, `en`, `uz`, `zh`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
            Lang::Uz => "uz",
            Lang::Zh => "zh",
        }
    }

    /// The language's name in itself, as a language chooser shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ru => "Русский",
            Lang::En => "English",
            Lang::Uz => "O\u{2bb}zbekcha",
            Lang::Zh => "中文",
        }
    }

    /// The language whose text is shown where this one has none: a message that
    /// only the manager's screens, the report or the command line use. Uzbek falls
    /// back to Russian (read by most people from Uzbekistan who live or work in
    /// Russia, and the language of the service itself); Chinese to English (more
    /// often read by visitors and investors from China than Russian). Russian and
    /// English have every message.
    pub fn fallback(self) -> Lang {
        match self {
            Lang::Ru | Lang::Uz => Lang::Ru,
            Lang::En | Lang::Zh => Lang::En,
        }
    }

    /// Whether the whole interface is in this language (Russian, English).
    pub fn is_full(self) -> bool {
        self.fallback() == self
    }

    /// Whether numbers are written with a decimal comma (and a space between
    /// thousands): Russian and Uzbek; English and Chinese use a point (and a comma).
    pub fn decimal_comma(self) -> bool {
        matches!(self, Lang::Ru | Lang::Uz)
    }

    /// The other language of the whole interface (the manager's two-way switch):
    /// the one that is not this language's fallback (Uzbek, shown in Russian on the
    /// manager's screens, switches to English; Chinese to Russian).
    pub fn other(self) -> Lang {
        match self.fallback() {
            Lang::Ru => Lang::En,
            _ => Lang::Ru,
        }
    }

    /// The language of `code` (`ru`, `en`, `uz`, `zh`); Russian for anything else.
    pub fn from_code(code: &str) -> Lang {
        Lang::known(code).unwrap_or(Lang::Ru)
    }

    /// The interface language of `code`, if the app has it. A regional or script
    /// variant is read as its language (`zh-Hans`, `uz-Latn` → `zh`, `uz`).
    pub fn known(code: &str) -> Option<Lang> {
        let base = code.split(['-', '_']).next().unwrap_or(code);
        let base = base.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == base)
    }

    /// The interface language for a survey shown in the language `code`: the same
    /// language when the app has it; otherwise Russian for the languages of
    /// countries where Russian is widely read (the CIS and the Baltic states, say
    /// `tg`, `ky`, `kk`), and English for any other.
    pub fn for_text(code: &str) -> Lang {
        const RUSSIAN_READ: [&str; 14] = [
            "tg", "ky", "kk", "tk", "az", "hy", "ka", "be", "uk", "ro", "mo", "lv", "lt", "et",
        ];
        if let Some(l) = Lang::known(code) {
            return l;
        }
        let base = code.split(['-', '_']).next().unwrap_or(code);
        if RUSSIAN_READ.contains(&base.to_ascii_lowercase().as_str()) {
            Lang::Ru
        } else {
            Lang::En
        }
    }
}

/// A language code that is neither `ru` nor `en` (the languages of the whole
/// interface, which reports and the command line take).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?} (expected ru or en)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;
    /// `ru` or `en`: the languages of the whole interface.
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
        let from = lang.fallback();
        let text = with_bundle(lang, |b| format_in(b, from, self.key, &args, &mut problems));
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

/// One set of translations for a program: this crate's (which its [`Message`]s
/// render from) and those of the crates above it that have their own `locales/*.ftl`,
/// in one Fluent bundle per language. A message id appears in one file only.
///
/// Russian and English have every message ([`Lang::FULL`]). Another language has the
/// messages it was given ([`Catalog::add`]): a message it lacks is taken from its
/// [`Lang::fallback`], so a new language can start with the respondents' screens.
pub struct Catalog {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

impl Catalog {
    /// This crate's translations and then `more`, each `(ru, en)`. Panics when a source
    /// does not parse or repeats an id (translations are compiled in, and tests build
    /// every catalog).
    pub fn new(more: &[(&str, &str)]) -> Catalog {
        let mut c = Catalog {
            bundles: vec![
                (Lang::Ru, bundle(Lang::Ru, RU_FTL)),
                (Lang::En, bundle(Lang::En, EN_FTL)),
            ],
        };
        for (r, e) in more {
            c = c.add(Lang::Ru, r).add(Lang::En, e);
        }
        c
    }

    /// The catalog with the translations `source` in `lang` added (a bundle for
    /// `lang` is made on its first source). Panics as [`Catalog::new`] does.
    pub fn add(mut self, lang: Lang, source: &str) -> Catalog {
        let resource = FluentResource::try_new(source.to_owned()).expect("the translations parse");
        match self.bundles.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, b)) => b
                .add_resource(resource)
                .expect("no message id in two files"),
            None => {
                let mut b = FluentBundle::new(vec![langid(lang)]);
                b.set_use_isolating(false);
                b.add_resource(resource)
                    .expect("no message id in two files");
                self.bundles.push((lang, b));
            }
        }
        self
    }

    fn bundle(&self, lang: Lang) -> Option<&FluentBundle<FluentResource>> {
        self.bundles
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, b)| b)
    }

    /// The language whose bundle gives `key` for `lang`: `lang` itself when it has
    /// the message, else its fallback.
    fn source(&self, lang: Lang, key: &str) -> Lang {
        match self.bundle(lang) {
            Some(b) if b.has_message(key) => lang,
            _ => lang.fallback(),
        }
    }

    /// The message `key` in `lang` with `args` (numbers choose plural forms); a
    /// message `lang` lacks is taken from its fallback, and a missing message reads as
    /// its key.
    pub fn text(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
        let from = self.source(lang, key);
        let b = self
            .bundle(from)
            .expect("Russian and English are always there");
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
        format_in(b, from, key, &a, &mut problems)
    }

    /// `m` in `lang`, from this catalog.
    pub fn message(&self, lang: Lang, m: &Message) -> String {
        let args: Vec<(&str, Arg)> = m.args.iter().map(|(n, a)| (*n, a.clone())).collect();
        self.text(lang, m.key, &args)
    }

    /// Whether the catalog has the message `key` in both languages of the whole
    /// interface.
    pub fn has(&self, key: &str) -> bool {
        Lang::FULL.iter().all(|l| self.has_in(*l, key))
    }

    /// Whether the catalog has the message `key` in `lang` itself (not through its
    /// fallback).
    pub fn has_in(&self, lang: Lang, key: &str) -> bool {
        self.bundle(lang).is_some_and(|b| b.has_message(key))
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
    let mut b = FluentBundle::new(vec![langid(lang)]);
    b.set_use_isolating(false);
    b.add_resource(FluentResource::try_new(source.to_owned()).expect("the translations parse"))
        .expect("no duplicate messages");
    b
}

/// The Fluent language identifier of `lang` (its plural rules).
fn langid(lang: Lang) -> unic_langid::LanguageIdentifier {
    match lang {
        Lang::Ru => unic_langid::langid!("ru"),
        Lang::En => unic_langid::langid!("en"),
        Lang::Uz => unic_langid::langid!("uz"),
        Lang::Zh => unic_langid::langid!("zh"),
    }
}

thread_local! {
    static RU: FluentBundle<FluentResource> = bundle(Lang::Ru, RU_FTL);
    static EN: FluentBundle<FluentResource> = bundle(Lang::En, EN_FTL);
}

/// `f` on the bundle of `lang`'s messages: this crate's messages are translated
/// into the languages of the whole interface, and another language reads them in its
/// fallback.
fn with_bundle<T>(lang: Lang, f: impl FnOnce(&FluentBundle<FluentResource>) -> T) -> T {
    match lang.fallback() {
        Lang::En => EN.with(f),
        _ => RU.with(f),
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
        assert!("uz".parse::<Lang>().is_err(), "reports are in ru or en");
        assert_eq!(Lang::from_code("xx"), Lang::Ru);
        assert_eq!(Lang::from_code("zh"), Lang::Zh);
        assert_eq!(Lang::known("zh-Hans"), Some(Lang::Zh));
        assert_eq!(Lang::known("uz_Latn"), Some(Lang::Uz));
        assert_eq!(Lang::known("tg"), None);
        assert_eq!(Lang::Ru.other(), Lang::En);
        assert_eq!(Lang::Uz.other(), Lang::En);
        assert_eq!(Lang::Zh.other(), Lang::Ru);
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), l);
            assert!(Lang::FULL.contains(&l.fallback()));
        }
    }

    #[test]
    fn a_survey_language_without_an_interface_falls_back_sensibly() {
        assert_eq!(Lang::for_text("uz"), Lang::Uz);
        assert_eq!(Lang::for_text("tg"), Lang::Ru);
        assert_eq!(Lang::for_text("ky-KG"), Lang::Ru);
        assert_eq!(Lang::for_text("de"), Lang::En);
    }

    #[test]
    fn another_language_takes_what_it_lacks_from_its_fallback() {
        let c = Catalog::new(&[])
            .add(Lang::Uz, "hello = Salom\nitems = { $n ->\n    [one] { $n } ta savol\n   *[other] { $n } ta savol\n}\n")
            .add(Lang::Zh, "hello = 你好\n");
        assert_eq!(c.text(Lang::Uz, "hello", &[]), "Salom");
        assert_eq!(
            c.text(Lang::Uz, "items", &[("n", Arg::Int(2))]),
            "2 ta savol"
        );
        assert_eq!(c.text(Lang::Zh, "hello", &[]), "你好");
        assert!(c.has_in(Lang::Zh, "hello") && !c.has("hello"));
        // A message only Russian and English have: Uzbek reads it in Russian,
        // Chinese in English.
        assert_eq!(
            c.text(Lang::Uz, "expected-text", &[("max", Arg::Int(5))]),
            c.text(Lang::Ru, "expected-text", &[("max", Arg::Int(5))])
        );
        assert_eq!(
            c.text(Lang::Zh, "expected-text", &[("max", Arg::Int(5))]),
            "a text of at most 5 characters"
        );
        let m = Message::new("expected-text").with("max", 5u32);
        assert_eq!(m.render(Lang::Zh), m.render(Lang::En));
        assert_eq!(m.render(Lang::Uz), m.render(Lang::Ru));
    }
}
