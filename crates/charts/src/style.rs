//! Colours, fonts, and the text measure that lays out every label.
//!
//! plotters 0.3.7 without its `ttf` feature measures text in two different ways: natively
//! by a crude guess from the *byte* length (`0.455 · size` per byte, so Cyrillic comes out
//! twice too wide), and on `wasm32-unknown-unknown` by inserting a `<span>` into the
//! page's DOM (`window().unwrap()`: it panics in a Web Worker). Both are used only by the
//! chart caption, the series legend, right-hand axis labels and multi-line text. The
//! charts here use none of them: they draw titles, legends and category labels
//! themselves and measure text with [`text_width`], a per-character estimate of a
//! sans-serif font. So the same input gives the same SVG everywhere.

use otklik_survey::{fmt, Lang};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle};

/// The chart background.
pub(crate) const BACKGROUND: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
/// Main text (14.8:1 on white).
pub(crate) const TEXT: RGBColor = RGBColor(0x1F, 0x29, 0x33);
/// Secondary text: ticks, notes, the standard (6.5:1 on white).
pub(crate) const MUTED: RGBColor = RGBColor(0x52, 0x60, 0x6D);
/// Axis lines and median lines (3.7:1).
pub(crate) const AXIS: RGBColor = RGBColor(0x7B, 0x87, 0x94);
/// Grid lines.
pub(crate) const GRID: RGBColor = RGBColor(0xE4, 0xE7, 0xEB);
/// Fill of a suppressed cell.
pub(crate) const SUPPRESSED_FILL: RGBColor = RGBColor(0xF0, 0xF2, 0xF4);
/// Hatching of a suppressed cell.
pub(crate) const HATCH: RGBColor = RGBColor(0xB8, 0xBE, 0xC6);

/// Line and marker colours of series, after Okabe and Ito, darkened where needed so that
/// each reaches 4.5:1 on white (text may be drawn in them).
pub(crate) const SERIES: [RGBColor; 6] = [
    RGBColor(0x00, 0x72, 0xB2), // blue 5.2:1
    RGBColor(0xC2, 0x56, 0x0A), // vermilion 4.5:1
    RGBColor(0x11, 0x77, 0x33), // green 5.7:1
    RGBColor(0xAA, 0x33, 0x77), // purple 6.1:1
    RGBColor(0x8C, 0x51, 0x0A), // brown 6.4:1
    RGBColor(0x33, 0x22, 0x88), // indigo 12:1
];

/// Negative side of a diverging scale: the strongest and the lightest shade.
pub(crate) const NEG_STRONG: RGBColor = RGBColor(0xB3, 0x58, 0x06);
pub(crate) const NEG_LIGHT: RGBColor = RGBColor(0xF5, 0xB8, 0x6E);
/// Neutral middle of a diverging scale.
pub(crate) const NEUTRAL: RGBColor = RGBColor(0xCF, 0xD3, 0xD8);
/// Positive side of a diverging scale.
pub(crate) const POS_LIGHT: RGBColor = RGBColor(0x9E, 0xC9, 0xE2);
pub(crate) const POS_STRONG: RGBColor = RGBColor(0x1F, 0x5F, 0xA6);

/// Bars of a single measure (standards).
pub(crate) const BAR: RGBColor = RGBColor(0x4A, 0x8F, 0xC4);
/// Digital channels.
pub(crate) const DIGITAL: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Offline channels.
pub(crate) const OFFLINE: RGBColor = RGBColor(0xB3, 0x58, 0x06);
/// Priority drivers.
pub(crate) const PRIORITY: RGBColor = RGBColor(0xC2, 0x56, 0x0A);
/// The shading of the priority quadrant.
pub(crate) const PRIORITY_ZONE: RGBColor = RGBColor(0xFC, 0xEE, 0xE2);

/// Title size in pixels.
pub(crate) const TITLE_PX: f64 = 16.0;
/// Labels: categories, legend, axis names.
pub(crate) const LABEL_PX: f64 = 12.0;
/// Ticks, values inside bars, notes.
pub(crate) const SMALL_PX: f64 = 11.0;
/// Outer padding.
pub(crate) const PAD: i32 = 12;

/// The sequential blues of the heat map, from 0 to 100.
const BLUES: [RGBColor; 9] = [
    RGBColor(0xEF, 0xF3, 0xFF),
    RGBColor(0xDE, 0xEB, 0xF7),
    RGBColor(0xC6, 0xDB, 0xEF),
    RGBColor(0x9E, 0xCA, 0xE1),
    RGBColor(0x6B, 0xAE, 0xD6),
    RGBColor(0x42, 0x92, 0xC6),
    RGBColor(0x21, 0x71, 0xB5),
    RGBColor(0x08, 0x51, 0x9C),
    RGBColor(0x08, 0x30, 0x6B),
];

/// Linear interpolation between two colours, `t` in 0..=1.
pub(crate) fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let f = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(f(a.0, b.0), f(a.1, b.1), f(a.2, b.2))
}

/// The heat-map colour of a 0–100 value.
pub(crate) fn sequential(value: f64) -> RGBColor {
    let x = (value / 100.0).clamp(0.0, 1.0) * (BLUES.len() - 1) as f64;
    let i = (x.floor() as usize).min(BLUES.len() - 2);
    mix(BLUES[i], BLUES[i + 1], x - i as f64)
}

/// Colours of an `m`-point diverging scale, lowest value first.
pub(crate) fn diverging(m: usize) -> Vec<RGBColor> {
    let k = m / 2;
    let side = |strong: RGBColor, light: RGBColor, j: usize| {
        if k == 1 {
            mix(strong, light, 0.35)
        } else {
            mix(strong, light, j as f64 / (k - 1) as f64)
        }
    };
    let mut out: Vec<RGBColor> = (0..k).map(|j| side(NEG_STRONG, NEG_LIGHT, j)).collect();
    if m % 2 == 1 {
        out.push(NEUTRAL);
    }
    out.extend((0..k).rev().map(|j| side(POS_STRONG, POS_LIGHT, j)));
    out
}

fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.039_28 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// WCAG relative luminance.
pub(crate) fn luminance(c: RGBColor) -> f64 {
    0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
}

/// WCAG contrast ratio of two colours.
pub(crate) fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Black or white text, whichever contrasts more with `fill`: one of them always
/// reaches 4.5:1 (a softer dark grey would leave a band of mid-tones where neither does).
pub(crate) fn text_on(fill: RGBColor) -> RGBColor {
    if contrast(BLACK, fill) >= contrast(BACKGROUND, fill) {
        BLACK
    } else {
        BACKGROUND
    }
}

/// The font size to give plotters so that the SVG says exactly `px` (plotters writes
/// `size / 1.24`).
fn plotters_size(px: f64) -> f64 {
    let start = px * 1.24;
    (0..64_u64)
        .flat_map(|d| [start.to_bits() + d, start.to_bits().saturating_sub(d)])
        .map(f64::from_bits)
        .find(|s| s / 1.24 == px)
        .unwrap_or(start)
}

/// A text style: sans-serif, `px` pixels, anchored at (`h`, `v`).
pub(crate) fn font(px: f64, bold: bool, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    let weight = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    FontDesc::new(FontFamily::SansSerif, plotters_size(px), weight)
        .color(&color)
        .pos(Pos::new(h, v))
}

/// The advance of one character in ems, for a sans-serif font (DejaVu Sans, which is
/// wider than Arial or Helvetica, so the estimate errs on the wide side).
fn char_em(c: char) -> f64 {
    match c {
        ' ' => 0.32,
        'i' | 'l' | 'j' | '!' | '|' | '.' | ',' | ':' | ';' | '\'' | 'I' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '{' | '}' | '/' | '\\' | '"' | '-' => 0.42,
        '0'..='9' => 0.64,
        'm' | 'w' | 'M' | 'W' | '%' | '@' | '—' | 'ж' | 'ш' | 'щ' | 'ю' | 'ы' | 'м' | 'ф' | 'Ж'
        | 'Ш' | 'Щ' | 'Ю' | 'Ы' | 'М' | 'Ф' => 0.94,
        'A'..='Z' | 'А'..='Я' | 'Ё' => 0.74,
        '<' | '>' | '+' | '=' | '−' | '±' | '≤' | '≥' | '~' | '×' => 0.84,
        '…' | '–' => 0.5,
        _ => 0.62,
    }
}

/// Estimated width in pixels of `text` at `px`.
pub(crate) fn text_width(text: &str, px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * px
}

/// `text` cut to fit `width`, ending with an ellipsis when cut.
pub(crate) fn truncate(text: &str, width: f64, px: f64) -> String {
    if text_width(text, px) <= width {
        return text.to_string();
    }
    let budget = width - text_width("…", px);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = char_em(c) * px;
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}

/// Bold text is about this much wider than regular text.
pub(crate) const BOLD: f64 = 1.12;

fn is_vowel(c: char) -> bool {
    "аеёиоуыэюяaeiouyАЕЁИОУЫЭЮЯAEIOUY".contains(c)
}

/// Splits a word too wide for a line into the longest head that fits with a hyphen
/// and the rest. A break follows the rough rules of Russian (and English) hyphenation:
/// between a vowel and a consonant followed by a vowel (`ко-мандa`), or between two
/// consonants (`руко-водитель`, `исполнитель-ская`), with a vowel on both sides and at
/// least two letters before and three after; ь, ъ and й never start the rest.
fn hyphenate(word: &str, width: f64, px: f64) -> Option<(String, String)> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n < 5 {
        return None;
    }
    let soft = |c: char| "ьъйЬЪЙ".contains(c);
    let fits = |k: usize| {
        text_width(&chars[..k].iter().collect::<String>(), px) + char_em('-') * px <= width
    };
    let ok = |k: usize| {
        k >= 2
            && n - k >= 3
            && !soft(chars[k])
            && chars[k - 1].is_alphabetic()
            && chars[k].is_alphabetic()
    };
    // Breaks after a vowel (before a consonant and a vowel) or after ь/й score 3 more
    // than a break between consonants; otherwise the longer head wins.
    let score = |k: usize| -> Option<usize> {
        let (a, b) = (chars[k - 1], chars[k]);
        let vowels =
            chars[..k].iter().any(|&c| is_vowel(c)) && chars[k..].iter().any(|&c| is_vowel(c));
        if !ok(k) || !vowels || is_vowel(b) {
            return None;
        }
        let next_vowel = chars.get(k + 1).is_some_and(|&c| is_vowel(c));
        if is_vowel(a) && next_vowel || soft(a) {
            Some(k + 3)
        } else if !is_vowel(a) && chars[k..].iter().take(3).any(|&c| is_vowel(c)) {
            Some(k)
        } else {
            None
        }
    };
    let max = (2..n - 2).rev().find(|&k| fits(k) && ok(k))?;
    let k = ((max / 2).max(2)..=max)
        .filter_map(|k| score(k).map(|s| (s, k)))
        .max()
        .map_or(max, |(_, k)| k);
    Some((
        chars[..k].iter().collect::<String>() + "-",
        chars[k..].iter().collect(),
    ))
}

/// `text` wrapped at spaces into at most `max_lines` lines of at most `width` pixels; a
/// word wider than a line is hyphenated, and the last line ends with an ellipsis when
/// text is left over.
pub(crate) fn wrap(text: &str, width: f64, px: f64, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut words: std::collections::VecDeque<String> =
        text.split_whitespace().map(str::to_string).collect();
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    while let Some(word) = words.pop_front() {
        if lines.len() == max_lines {
            words.push_front(word);
            break;
        }
        let candidate = if current.is_empty() {
            word.clone()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, px) <= width {
            current = candidate;
            continue;
        }
        // The word does not fit on this line: hyphenate it into the rest of the line
        // when it is too wide for any line, or move it to the next line.
        if text_width(&word, px) > width {
            let room = if current.is_empty() {
                width
            } else {
                width - text_width(&format!("{current} "), px)
            };
            if let Some((head, tail)) = hyphenate(&word, room, px) {
                current = if current.is_empty() {
                    head
                } else {
                    format!("{current} {head}")
                };
                lines.push(std::mem::take(&mut current));
                words.push_front(tail);
                continue;
            }
            if current.is_empty() {
                // Not even a hyphenated head fits: cut it.
                lines.push(truncate(&word, width, px));
                continue;
            }
        }
        lines.push(std::mem::take(&mut current));
        words.push_front(word);
    }
    if !current.is_empty() {
        if lines.len() < max_lines {
            lines.push(current);
        } else {
            words.push_front(current);
        }
    }
    if !words.is_empty() {
        // Text is left over: end the last line with an ellipsis.
        if let Some(last) = lines.last_mut() {
            if !last.ends_with('…') {
                let joined = match last.strip_suffix('-') {
                    Some(head) => format!("{head}{}", words[0]),
                    None => format!("{last} {}", words[0]),
                };
                let mut cut = truncate(&joined, width, px);
                if !cut.ends_with('…') {
                    // It all fits, yet more text follows: mark the continuation.
                    while !cut.is_empty() && text_width(&format!("{cut}…"), px) > width {
                        cut.pop();
                    }
                    cut = format!("{}…", cut.trim_end());
                }
                *last = cut;
            }
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// User text made safe for XML: control characters (which XML 1.0 forbids even when
/// escaped) become spaces, runs of white space collapse and the ends are trimmed. The
/// SVG backend escapes `<`, `>`, `&` and quotes itself.
pub(crate) fn clean(text: &str) -> String {
    let replaced: String = text
        .chars()
        .map(|c| {
            if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' {
                ' '
            } else {
                c
            }
        })
        .collect();
    replaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn lang(decimal_comma: bool) -> Lang {
    if decimal_comma {
        Lang::Ru
    } else {
        Lang::En
    }
}

/// A number for display (`otklik_survey::fmt::num`): rounded to `decimals`, with a
/// proper minus sign and the decimal separator of the language.
pub(crate) fn number(x: f64, decimals: usize, decimal_comma: bool) -> String {
    fmt::num(x, decimals, lang(decimal_comma))
}

/// A signed number (`+12`, `−3`, `0`).
pub(crate) fn signed(x: f64, decimals: usize, decimal_comma: bool) -> String {
    fmt::signed(x, decimals, lang(decimal_comma))
}

/// A share (0–1) as a whole percentage.
pub(crate) fn percent(share: f64) -> String {
    format!("{}%", number(share * 100.0, 0, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palettes_meet_contrast() {
        for c in SERIES {
            assert!(contrast(c, BACKGROUND) >= 4.5, "{c:?}");
        }
        assert!(contrast(MUTED, BACKGROUND) >= 4.5);
        assert!(contrast(AXIS, BACKGROUND) >= 3.0);
        for v in (0..=100).map(f64::from) {
            let fill = sequential(v);
            assert!(contrast(text_on(fill), fill) >= 4.5, "{v}");
        }
        for m in 3..=11 {
            let p = diverging(m);
            assert_eq!(p.len(), m);
            for fill in p {
                assert!(contrast(text_on(fill), fill) >= 4.5, "{m} {fill:?}");
            }
        }
    }

    #[test]
    fn font_sizes_are_exact() {
        for px in [10.0, 11.0, 12.0, 14.0, 16.0] {
            assert_eq!(plotters_size(px) / 1.24, px);
        }
    }

    #[test]
    fn wrapping_and_truncation() {
        let lines = wrap(
            "Вежливость и доброжелательность сотрудников",
            150.0,
            12.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        for l in &lines {
            assert!(text_width(l, 12.0) <= 150.0, "{l}");
        }
        let lines = wrap(
            "Сотрудники объясняют решения понятно и без лишних формальностей",
            150.0,
            12.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert_eq!(truncate("short", 100.0, 12.0), "short");
        assert!(truncate("a very long label indeed", 60.0, 12.0).ends_with('…'));
        let lines = wrap(
            "Взаимодействие с непосредственным руководителем",
            70.0,
            11.0,
            4,
        );
        assert!(lines.len() <= 4);
        for l in &lines {
            assert!(text_width(l, 11.0) <= 70.0, "{l}");
        }
        assert!(lines[0].ends_with('-'), "{lines:?}");
        let split = |w: &str, width: f64| hyphenate(w, width, 11.0).map(|(a, b)| format!("{a}{b}"));
        assert_eq!(
            split("Взаимодействие", 70.0).as_deref(),
            Some("Взаимо-действие")
        );
        assert_eq!(
            split("Исполнительская", 90.0).as_deref(),
            Some("Исполнитель-ская")
        );
        assert_eq!(
            split("Исполнительская", 80.0).as_deref(),
            Some("Исполни-тельская")
        );
        assert_eq!(split("Внутреннее", 60.0).as_deref(), Some("Внутрен-нее"));
        assert_eq!(split("Внутреннее", 50.0).as_deref(), Some("Внут-реннее"));
        assert_eq!(wrap("", 100.0, 12.0, 2), vec![String::new()]);
    }

    #[test]
    fn numbers() {
        assert_eq!(number(-3.0, 0, false), "−3");
        assert_eq!(number(-0.2, 0, false), "0");
        assert_eq!(number(0.25, 2, true), "0,25");
        assert_eq!(signed(12.4, 0, false), "+12");
        assert_eq!(signed(0.0, 0, false), "0");
        assert_eq!(signed(-7.0, 0, false), "−7");
        assert_eq!(percent(0.347), "35%");
    }

    #[test]
    fn clean_removes_controls() {
        assert_eq!(clean(" a\u{0}b\n\tc  "), "a b c");
    }
}
