use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// The granularity of a period label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// `YYYY`
    Year,
    /// `YYYY-Hn`
    Half,
    /// `YYYY-Qn`
    Quarter,
    /// `YYYY-MM`
    Month,
}

/// A reporting period: `2026`, `2026-H1`, `2026-Q3` or `2026-07`.
///
/// Periods of one granularity order chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    year: u16,
    granularity: Granularity,
    /// Half 1..=2, quarter 1..=4 or month 1..=12; 0 for a year.
    part: u8,
}

/// Why a period label was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a period (expected YYYY, YYYY-H1..H2, YYYY-Q1..Q4 or YYYY-MM)")]
pub struct PeriodError(pub String);

impl PeriodError {
    /// What was wrong, in words.
    pub fn message(&self) -> crate::Message {
        crate::Message::new("period-invalid").with("value", format!("{:?}", self.0))
    }
}

impl Period {
    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }
    /// The granularity.
    pub fn granularity(&self) -> Granularity {
        self.granularity
    }
    /// The half, quarter or month number (0 for a year).
    pub fn part(&self) -> u8 {
        self.part
    }
    /// The whole year this period falls in.
    pub fn to_year(&self) -> Period {
        Period {
            year: self.year,
            granularity: Granularity::Year,
            part: 0,
        }
    }
}

impl FromStr for Period {
    type Err = PeriodError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || PeriodError(s.to_owned());
        let b = s.as_bytes();
        if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
            return Err(err());
        }
        let year: u16 = s[..4].parse().map_err(|_| err())?;
        if !(1900..=2999).contains(&year) {
            return Err(err());
        }
        let rest = &s[4..];
        let (granularity, part) = match rest.as_bytes() {
            [] => (Granularity::Year, 0),
            [b'-', b'H', d @ b'1'..=b'2'] => (Granularity::Half, d - b'0'),
            [b'-', b'Q', d @ b'1'..=b'4'] => (Granularity::Quarter, d - b'0'),
            [b'-', a @ b'0'..=b'1', c @ b'0'..=b'9'] => {
                let m = (a - b'0') * 10 + (c - b'0');
                if !(1..=12).contains(&m) {
                    return Err(err());
                }
                (Granularity::Month, m)
            }
            _ => return Err(err()),
        };
        Ok(Period {
            year,
            granularity,
            part,
        })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.granularity {
            Granularity::Year => write!(f, "{}", self.year),
            Granularity::Half => write!(f, "{}-H{}", self.year, self.part),
            Granularity::Quarter => write!(f, "{}-Q{}", self.year, self.part),
            Granularity::Month => write!(f, "{}-{:02}", self.year, self.part),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_granularity() {
        for s in [
            "2026", "2026-H1", "2026-H2", "2026-Q3", "2026-07", "2026-12",
        ] {
            assert_eq!(s.parse::<Period>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn rejects_malformed_labels() {
        for s in [
            "", "26", "2026-H3", "2026-Q0", "2026-Q5", "2026-00", "2026-13", "2026-1", "1899",
            "2026 ", "2026-q1",
        ] {
            assert!(s.parse::<Period>().is_err(), "{s}");
        }
    }

    #[test]
    fn orders_chronologically() {
        let mut v: Vec<Period> = ["2026-Q1", "2025-Q4", "2026-Q3", "2025-Q1"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        v.sort();
        let s: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(s, ["2025-Q1", "2025-Q4", "2026-Q1", "2026-Q3"]);
        let m: Vec<Period> = ["2025-10", "2025-09"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        assert!(m[1] < m[0]);
    }
}
