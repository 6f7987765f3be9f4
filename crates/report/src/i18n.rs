//! The report's language: words (Fluent, `locales/{ru,en}.ftl`), numbers and dates
//! in Russian or English.

use std::fmt;
use std::str::FromStr;

use otklik_survey::fmt as numbers;
use otklik_survey::message::Catalog;

/// A message argument: text, or a count (which chooses plural forms).
pub(crate) use otklik_survey::Arg;

/// The language of the report: Russian (the default; decimal comma, `15 мая 2026 г.`)
/// or English (decimal point, `15 May 2026`).
pub use otklik_survey::Lang;

/// A calendar date (the date of preparation), `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month 1..=12.
    pub month: u8,
    /// Day 1..=31 (checked against the month).
    pub day: u8,
}

impl Date {
    /// A date, if it exists.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1900..=2999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// The date written out: `15 мая 2026 г.` or `15 May 2026`.
    pub fn long(&self, lang: Lang) -> String {
        const RU: [&str; 12] = [
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let m = usize::from(self.month - 1);
        match lang.fallback() {
            Lang::Ru => format!("{} {} {} г.", self.day, RU[m], self.year),
            _ => format!("{} {} {}", self.day, EN[m], self.year),
        }
    }
}

impl FromStr for Date {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || crate::Error::Date(s.to_owned());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(err());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u16, crate::Error> {
            let part = &s[r];
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(err());
            }
            part.parse().map_err(|_| err())
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y, m as u8, d as u8).ok_or_else(err)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

// The report's number formats are the shared ones (`otklik_survey::fmt`).

pub(crate) fn num(x: f64, decimals: u8, lang: Lang) -> String {
    numbers::num(x, usize::from(decimals), lang)
}

pub(crate) fn delta(x: f64, decimals: u8, lang: Lang) -> String {
    numbers::signed(x, usize::from(decimals), lang)
}

pub(crate) use numbers::{int, p_value};

pub(crate) fn interval(b: [f64; 2], decimals: u8, lang: Lang) -> String {
    numbers::interval(b, usize::from(decimals), lang)
}

/// The report's own translations, in Russian and English.
pub(crate) const RU_FTL: &str = include_str!("../locales/ru.ftl");
pub(crate) const EN_FTL: &str = include_str!("../locales/en.ftl");

/// The paper questionnaire's own words in Uzbek and Chinese (the form is the
/// respondent's; the report stays in Russian and English).
pub(crate) const UZ_FTL: &str = include_str!("../locales/uz.ftl");
pub(crate) const ZH_FTL: &str = include_str!("../locales/zh.ftl");

thread_local! {
    /// The survey model's translations and the report's own, in one catalog.
    static CATALOG: Catalog = Catalog::new(&[(RU_FTL, EN_FTL)])
        .add(Lang::Uz, UZ_FTL)
        .add(Lang::Zh, ZH_FTL);
}

/// The message `key` in `lang`.
pub(crate) fn tr(lang: Lang, key: &str) -> String {
    CATALOG.with(|c| c.text(lang, key, &[]))
}

/// The message `key` in `lang` with arguments (numbers select plural forms).
pub(crate) fn tr_args(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    CATALOG.with(|c| c.text(lang, key, args))
}

/// "fewer than 5" / "меньше 5": a hidden cell.
pub(crate) fn fewer_than(lang: Lang, k: u32) -> String {
    tr_args(lang, "suppressed-fewer-than", &[("k", k.into())])
}

#[cfg(test)]
#[path = "../../../tests/support/ftl.rs"]
mod ftl;

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use ftl::messages;

    /// The crate's source files, at any depth.
    fn sources() -> Vec<(PathBuf, String)> {
        ftl::sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
    }

    /// The paper form prints in Uzbek and Chinese: every key its code uses is there,
    /// each with Russian's arguments.
    #[test]
    fn the_paper_form_is_in_uzbek_and_chinese() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/paper");
        let mut keys = Vec::new();
        for (path, code) in ftl::sources(&dir) {
            if !path.ends_with("tests.rs") {
                keys.extend(ftl::keys_given(&code, &["tr(", "tr_args("], 1));
            }
        }
        // Made by the code from a condition's kind.
        keys.extend(
            [
                "paper-if-choice",
                "paper-if-multi",
                "paper-if-yesno",
                "paper-if-score",
            ]
            .map(String::from),
        );
        assert!(keys.len() > 20, "{} keys", keys.len());
        for lang in [Lang::Uz, Lang::Zh] {
            for k in &keys {
                assert!(CATALOG.with(|c| c.has_in(lang, k)), "{lang:?}: {k}");
            }
        }
        assert_eq!(
            ftl::assert_part_of(RU_FTL, UZ_FTL),
            ftl::assert_part_of(RU_FTL, ZH_FTL)
        );
        assert_eq!(
            tr_args(Lang::Uz, "paper-anonymity-threshold", &[("k", 5u32.into())]),
            "Javoblari 5 tadan kam boʻlgan guruh natijalari hech kimga koʻrsatilmaydi."
        );
    }

    #[test]
    fn both_languages_have_the_same_messages() {
        let n = ftl::assert_same_messages(RU_FTL, EN_FTL);
        assert!(n > 150, "{n} messages");
    }

    /// Every key the code gives `tr` or `tr_args` (as their second argument: a literal,
    /// or the literals of an `if … else …` there) is in the catalog in both languages.
    #[test]
    fn every_key_used_in_the_code_is_translated() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let has = |key: &str| CATALOG.with(|c| c.has(key));
        let (used, missing) = ftl::untranslated(&src, &["tr(", "tr_args("], 1, has);
        assert!(used > 150, "{used} keys found");
        assert!(missing.is_empty(), "{missing:#?}");
    }

    /// Every message is used: by the code, or by another message.
    #[test]
    fn every_message_is_used() {
        let code: String = sources().into_iter().map(|(_, c)| c).collect();
        let unused: Vec<String> = messages(EN_FTL)
            .into_iter()
            .map(|(id, _)| id)
            .filter(|id| {
                !code.contains(&format!("\"{id}\"")) && !EN_FTL.contains(&format!("{{ {id} }}"))
            })
            .collect();
        assert!(unused.is_empty(), "{unused:#?}");
    }

    /// Arguments go in as they are (no isolation marks), and the spaces, quotes and
    /// selectors of the messages come out exactly.
    #[test]
    fn messages_render_exactly() {
        let year: Arg = 2026u16.into();
        assert_eq!(
            tr_args(Lang::Ru, "title-heading", &[("year", year.clone())]),
            "Отчет о клиентоцентричности за 2026 год"
        );
        assert_eq!(
            tr_args(Lang::Ru, "finding-percent", &[("value", "82,0".into())]),
            "82,0\u{a0}%"
        );
        assert_eq!(
            tr_args(Lang::En, "finding-percent", &[("value", "82.0".into())]),
            "82.0%"
        );
        let change = |lang, gender: &str, up: &str, scale: &str, sig: &str| {
            tr_args(
                lang,
                "finding-change",
                &[
                    ("subject", "S".into()),
                    ("gender", gender.into()),
                    ("direction", up.into()),
                    ("from", "1".into()),
                    ("to", "2".into()),
                    ("scale", scale.into()),
                    ("significant", sig.into()),
                ],
            )
        };
        assert_eq!(
            change(Lang::Ru, "feminine", "up", "index", "yes"),
            "S выросла с 1 до 2 из 100 (значимо)."
        );
        assert_eq!(
            change(Lang::Ru, "masculine", "down", "other", "no"),
            "S снизился с 1 до 2 (незначимо)."
        );
        assert_eq!(
            change(Lang::En, "feminine", "down", "index", "no"),
            "S fell from 1 to 2 out of 100 (not significant)."
        );
        let level = |lang, up: &str, sig: &str| {
            tr_args(
                lang,
                "finding-level-change",
                &[
                    ("year", 2025u16.into()),
                    ("direction", up.into()),
                    ("delta", "1,5".into()),
                    ("significant", sig.into()),
                ],
            )
        };
        assert_eq!(
            level(Lang::Ru, "up", "yes"),
            "По сравнению с 2025 годом он вырос на 1,5 п.; изменение значимо."
        );
        assert_eq!(
            level(Lang::Ru, "down", "no"),
            "По сравнению с 2025 годом он снизился на 1,5 п., но изменение незначимо."
        );
        assert_eq!(
            level(Lang::En, "up", "yes"),
            "Compared with 2025 it rose by 1,5 points, a significant change."
        );
        assert_eq!(
            tr(Lang::Ru, "method-breakdown-registry"),
            "Год × Точка взаимодействия × Потребность"
        );
        assert_eq!(fewer_than(Lang::En, 5), "fewer than 5");
        for lang in [Lang::Ru, Lang::En] {
            let s = tr_args(
                lang,
                "audience-label",
                &[("audience", "internal".into()), ("title", "T".into())],
            );
            assert!(s.ends_with(": T") && !s.contains('\u{2068}'), "{s}");
        }
    }

    #[test]
    fn dates_parse_and_print() {
        let d: Date = "2026-05-15".parse().unwrap();
        assert_eq!(d.to_string(), "2026-05-15");
        assert_eq!(d.long(Lang::Ru), "15 мая 2026 г.");
        assert_eq!(d.long(Lang::En), "15 May 2026");
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "26-01-01",
            "2026-1-01",
            "2026-01-0x",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert!("2024-02-29".parse::<Date>().is_ok());
    }
}
