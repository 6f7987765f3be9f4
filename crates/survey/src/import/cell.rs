//! One cell read as an answer: [`parse_cell`] for any text, [`Fast`] for the usual
//! values straight from a CSV cell's bytes, a `version` cell, and the messages that
//! say what a cell should hold.

use crate::responses::Answer;
use crate::{Message, Question, QuestionKind, Survey};

/// What a cell of this question should hold, in words.
pub fn expected(q: &Question) -> Message {
    match &q.kind {
        QuestionKind::Scale { points, .. } => {
            Message::new("expected-scale").with("points", *points)
        }
        QuestionKind::Nps { .. } => Message::new("expected-nps"),
        QuestionKind::Choice { .. } => {
            Message::new("expected-option").with("options", options_of(q))
        }
        QuestionKind::Multi { .. } => {
            Message::new("expected-options").with("options", options_of(q))
        }
        QuestionKind::YesNo => Message::new("expected-yesno"),
        QuestionKind::Number {
            min, max, integer, ..
        } => if *integer {
            Message::new("expected-whole")
        } else {
            Message::new("expected-number")
        }
        .with("min", min.to_string())
        .with("max", max.to_string()),
        QuestionKind::Text { max_length } => Message::new("expected-text").with("max", *max_length),
    }
}

/// The option ids of `q`, listed (the first eight).
pub(crate) fn options_of(q: &Question) -> String {
    list_ids(q.kind.options().iter().map(|o| o.id.as_str()))
}

fn list_ids<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let v: Vec<&str> = ids.collect();
    if v.len() > 8 {
        format!("{}, …", v[..8].join(", "))
    } else {
        v.join(", ")
    }
}

fn small_int(s: &str) -> Option<u8> {
    small_int_bytes(s.as_bytes())
}

#[inline(always)]
fn small_int_bytes(b: &[u8]) -> Option<u8> {
    match b {
        [d @ b'0'..=b'9'] => Some(d - b'0'),
        [a @ b'1'..=b'9', c @ b'0'..=b'9'] => Some((a - b'0') * 10 + (c - b'0')),
        _ => None,
    }
}

pub(crate) fn option_code(q: &Question, id: &str) -> Option<u8> {
    q.kind
        .options()
        .iter()
        .position(|o| o.id == id)
        .map(|i| i as u8 + 1)
}

/// Parses a CSV cell (or a JSON string) as an answer to `q`. An empty string is missing.
pub fn parse_cell<'a>(q: &Question, cell: &'a str) -> Result<Answer<'a>, Message> {
    if cell.is_empty() {
        return Ok(Answer::Missing);
    }
    let bad = || not_value(q, format!("{cell:?}"));
    match &q.kind {
        QuestionKind::Scale { points, .. } => match small_int(cell) {
            Some(v) if (1..=*points).contains(&v) => Ok(Answer::Code(v)),
            _ => Err(bad()),
        },
        QuestionKind::Nps { .. } => match small_int(cell) {
            Some(v) if v <= 10 => Ok(Answer::Code(v + 1)),
            _ => Err(bad()),
        },
        QuestionKind::Choice { .. } => option_code(q, cell)
            .map(Answer::Code)
            .ok_or_else(|| not_option(q, cell)),
        QuestionKind::Multi { .. } => {
            let mut set = 0u64;
            for part in cell.split(';') {
                match option_code(q, part) {
                    Some(c) => {
                        let bit = 1u64 << (c - 1);
                        if set & bit != 0 {
                            return Err(option_twice(part));
                        }
                        set |= bit;
                    }
                    None => return Err(not_option(q, part)),
                }
            }
            Ok(Answer::Multi(set))
        }
        QuestionKind::YesNo => match cell {
            "yes" => Ok(Answer::Code(1)),
            "no" => Ok(Answer::Code(2)),
            _ => Err(bad()),
        },
        QuestionKind::Number {
            min, max, integer, ..
        } => match cell.parse::<f64>() {
            Ok(x)
                if x.is_finite()
                    && (*min..=*max).contains(&x)
                    && (!integer || x.fract() == 0.0)
                    && looks_numeric(cell) =>
            {
                Ok(Answer::Number(x))
            }
            _ => Err(bad()),
        },
        QuestionKind::Text { max_length } => {
            if cell.chars().count() > *max_length as usize {
                Err(Message::new("cell-text-too-long").with("max", *max_length))
            } else if cell
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            {
                Err(Message::new("cell-text-control"))
            } else {
                Ok(Answer::Text(cell))
            }
        }
    }
}

/// `value` (quoted) is not what `q` expects.
pub(crate) fn not_value(q: &Question, value: String) -> Message {
    Message::new("cell-not-value")
        .with("value", value)
        .with("expected", expected(q))
}

/// `value` is not one of `q`'s options.
pub(crate) fn not_option(q: &Question, value: &str) -> Message {
    Message::new("cell-not-option")
        .with("value", format!("{value:?}"))
        .with("options", options_of(q))
}

pub(crate) fn option_twice(value: &str) -> Message {
    Message::new("cell-option-twice").with("value", format!("{value:?}"))
}

/// Plain decimal notation only: no "inf", "nan", or exponents.
fn looks_numeric(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && s.bytes().filter(|&b| b == b'.').count() <= 1
}

pub(crate) fn version_of(survey: &Survey, s: &str) -> Result<u16, Message> {
    match s.parse::<u16>() {
        Ok(v) if v >= 1 && u32::from(v) <= survey.version => Ok(v),
        _ => Err(bad_version(survey, format!("{s:?}"))),
    }
}

pub(crate) fn bad_version(survey: &Survey, value: String) -> Message {
    Message::new("version-invalid")
        .with("value", value)
        .with("max", survey.version)
}

/// How a column's usual values are read straight from a cell's bytes; anything else
/// (and every value out of range) takes the way of [`parse_cell`], which also says
/// what is wrong. Both ways give the same answer for every value the fast way takes.
pub(crate) enum Fast {
    None,
    /// Scale and NPS: a whole number of one or two digits up to `max`, stored as
    /// `value + zero`.
    Small {
        max: u8,
        zero: u8,
    },
    /// A choice: the option ids' bytes, in order (code = index + 1).
    Option(Vec<Vec<u8>>),
    /// A number within `min..=max`: up to 15 decimal digits, with a point and digits
    /// after it unless the question takes whole numbers only. The value is the digits
    /// as a whole number (exact in an `f64`) divided by a power of ten (exact too), so
    /// it is the `f64` nearest the decimal, as the general parser reads it.
    Decimal {
        min: f64,
        max: f64,
        integer: bool,
    },
}

/// 10⁰ … 10¹⁵, each exact in an `f64`.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

impl Fast {
    pub(crate) fn for_kind(kind: &QuestionKind) -> Fast {
        match kind {
            QuestionKind::Scale { points, .. } => Fast::Small {
                max: *points,
                zero: 0,
            },
            QuestionKind::Nps { .. } => Fast::Small { max: 10, zero: 1 },
            QuestionKind::Choice { options, .. } => {
                Fast::Option(options.iter().map(|o| o.id.as_bytes().to_vec()).collect())
            }
            QuestionKind::Number {
                min, max, integer, ..
            } => Fast::Decimal {
                min: *min,
                max: *max,
                integer: *integer,
            },
            _ => Fast::None,
        }
    }

    /// The answer read from `bytes` the fast way, if it can be. Scale answers, the
    /// most frequent, are read where this is called.
    #[inline(always)]
    pub(crate) fn read(&self, bytes: &[u8]) -> Option<Answer<'static>> {
        match self {
            Fast::Small { max, zero } => small_int_bytes(bytes)
                .filter(|v| (1 - zero..=*max).contains(v))
                .map(|v| Answer::Code(v + zero)),
            _ => self.read_other(bytes),
        }
    }

    #[inline(never)]
    fn read_other(&self, bytes: &[u8]) -> Option<Answer<'static>> {
        match self {
            Fast::None | Fast::Small { .. } => None,
            Fast::Option(ids) => ids
                .iter()
                .position(|id| id.as_slice() == bytes)
                .map(|i| Answer::Code(i as u8 + 1)),
            Fast::Decimal { min, max, integer } => {
                let (whole, fraction) = match bytes.iter().position(|&b| b == b'.') {
                    Some(_) if *integer => return None,
                    Some(i) => (&bytes[..i], &bytes[i + 1..]),
                    None => (bytes, &[][..]),
                };
                let digits = whole.len() + fraction.len();
                let all_digits = |part: &[u8]| part.iter().all(u8::is_ascii_digit);
                if whole.is_empty()
                    || (fraction.is_empty() && whole.len() < bytes.len())
                    || digits > 15
                    || !all_digits(whole)
                    || !all_digits(fraction)
                {
                    return None;
                }
                let n = whole
                    .iter()
                    .chain(fraction)
                    .fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
                let x = n as f64 / POW10[fraction.len()];
                (*min..=*max).contains(&x).then_some(Answer::Number(x))
            }
        }
    }
}
