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
        match lang {
            Lang::Ru => format!("{} {} {} г.", self.day, RU[m], self.year),
            Lang::En => format!("{} {} {}", self.day, EN[m], self.year),
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

thread_local! {
    /// The survey model's translations and the report's own, in one catalog.
    static CATALOG: Catalog = Catalog::new(&[(RU_FTL, EN_FTL)]);
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
mod tests {
    use super::*;

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
