//! How numbers are written for people, in one place for the web app, the report, the
//! charts and the CLI: a decimal comma in Russian and a point in English, a true minus
//! sign (−) and never a "−0", counts with their thousands grouped, intervals with an
//! en dash. Plural forms of counted words are the translations' (Fluent selectors);
//! these functions give the number itself.

use crate::Lang;

/// `x` with `decimals` digits after the separator: `71,2`, `−3.0`; `−0,0` is `0,0`.
pub fn num(x: f64, decimals: usize, lang: Lang) -> String {
    let mut s = format!("{x:.decimals$}");
    // "−0.0" reads as a change where there is none.
    if s.starts_with('-') && s[1..].bytes().all(|c| c == b'0' || c == b'.') {
        s.remove(0);
    }
    let s = separator(s, lang);
    s.replacen('-', "\u{2212}", 1)
}

/// A change with its sign: `+2,1`, `−3,0`, and `0,0` with none.
pub fn signed(x: f64, decimals: usize, lang: Lang) -> String {
    let s = num(x, decimals, lang);
    let nonzero = s.bytes().any(|c| c.is_ascii_digit() && c != b'0');
    if x.is_finite() && nonzero && !s.starts_with('\u{2212}') {
        format!("+{s}")
    } else {
        s
    }
}

/// A count with its thousands grouped: `2 614` (a no-break space) or `2,614`.
pub fn int(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = if lang.decimal_comma() { "\u{a0}" } else { "," };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// An interval: `67,1–69,7`.
pub fn interval(b: [f64; 2], decimals: usize, lang: Lang) -> String {
    format!(
        "{}\u{2013}{}",
        num(b[0], decimals, lang),
        num(b[1], decimals, lang)
    )
}

/// A p-value: `0,003`, `<0,001`.
pub fn p_value(p: f64, lang: Lang) -> String {
    if p < 0.001 {
        format!("<{}", num(0.001, 3, lang))
    } else {
        num(p, 3, lang)
    }
}

/// `x` for tables meant for other programs as much as for people (CSV cells, the
/// CLI's columns): the ASCII minus, the language's decimal separator, and `decimals`
/// digits, or the shortest form that reads back as `x` when `None`.
pub fn plain(x: f64, decimals: Option<usize>, lang: Lang) -> String {
    let s = match decimals {
        Some(d) => format!("{x:.d$}"),
        None => format!("{x}"),
    };
    separator(s, lang)
}

fn separator(s: String, lang: Lang) -> String {
    if lang.decimal_comma() {
        s.replace('.', ",")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(num(71.25, 1, Lang::Ru), "71,2");
        assert_eq!(num(-3.04, 1, Lang::En), "\u{2212}3.0");
        assert_eq!(num(-0.01, 1, Lang::Ru), "0,0");
        assert_eq!(num(-0.2, 0, Lang::En), "0");
        assert_eq!(num(0.25, 2, Lang::Ru), "0,25");
        assert_eq!(num(-f64::INFINITY, 1, Lang::En), "\u{2212}inf");
        assert_eq!(int(2614, Lang::Ru), "2\u{a0}614");
        assert_eq!(int(1234567, Lang::En), "1,234,567");
        assert_eq!(int(999, Lang::En), "999");
        assert_eq!(int(0, Lang::Ru), "0");
        assert_eq!(p_value(0.0004, Lang::Ru), "<0,001");
        assert_eq!(p_value(0.0312, Lang::En), "0.031");
        assert_eq!(interval([67.14, 69.66], 1, Lang::Ru), "67,1\u{2013}69,7");
        assert_eq!(plain(-2.5, None, Lang::Ru), "-2,5");
        assert_eq!(plain(0.1 + 0.2, None, Lang::En), "0.30000000000000004");
        assert_eq!(plain(-1.23456, Some(2), Lang::En), "-1.23");
    }

    #[test]
    fn a_change_carries_its_sign_unless_it_rounds_to_nothing() {
        assert_eq!(signed(2.06, 1, Lang::Ru), "+2,1");
        assert_eq!(signed(-2.06, 1, Lang::En), "\u{2212}2.1");
        assert_eq!(signed(0.0, 1, Lang::En), "0.0");
        assert_eq!(signed(0.04, 1, Lang::Ru), "0,0");
        assert_eq!(signed(-0.04, 1, Lang::Ru), "0,0");
        assert_eq!(signed(12.4, 0, Lang::En), "+12");
        assert_eq!(signed(f64::INFINITY, 0, Lang::En), "inf");
    }

    proptest::proptest! {
        /// What is written reads back as `x` rounded, whatever the language.
        #[test]
        fn a_number_reads_back(x in -1e6f64..1e6, d in 0usize..4) {
            for lang in [Lang::Ru, Lang::En] {
                let s = num(x, d, lang).replace('\u{2212}', "-").replace(',', ".");
                let back: f64 = s.parse().unwrap();
                let rounded: f64 = format!("{x:.d$}").parse().unwrap();
                proptest::prop_assert_eq!(back, rounded + 0.0);
            }
        }
    }
}
