//! The printed questionnaire: any survey definition as one self-contained HTML file
//! for A4 paper (a print stylesheet, no scripts, no external resources).
//!
//! The form has the title, the period (or a blank line to fill in), a box for the
//! form's number, the anonymity statement, and the questions numbered from 1, each
//! with empty boxes for its options or scale points, a field for a number or ruled
//! lines for a text. A `visible_if` condition becomes an instruction before the first
//! of the consecutive questions it applies to ("If you answered “Yes” to question 3,
//! answer questions 4–5"). A page break never splits a question.
//!
//! The survey's texts are taken in the requested language (falling back to Russian,
//! as everywhere); the form's own words are Russian for `ru` and English for any other
//! language.

use std::fmt::Write;

use otklik_survey::{Condition, Question, QuestionKind, ScaleLabels, Survey, Text};

use crate::html::escape;
use crate::i18n::{tr, tr_args, Arg, Lang};

#[cfg(test)]
mod tests;

/// The form's stylesheet.
const CSS: &str = include_str!("paper.css");

/// The mark of a question that needs an answer (explained by the legend).
pub const REQUIRED_MARK: &str = "*";

/// The most ruled lines given to a free-text answer.
pub const MAX_LINES: u32 = 8;

/// Characters a ruled line holds, roughly, at the larger text size.
const CHARS_PER_LINE: u32 = 60;

/// How the form is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The language of the survey's texts (`ru`, `en`, or any code the survey has).
    pub lang: String,
    /// The period the form is for (`2026-Q1`); `None` leaves a line to fill in.
    pub period: Option<String>,
    /// Larger text (125 %).
    pub large: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: "ru".to_owned(),
            period: None,
            large: false,
        }
    }
}

/// The language of the form's own words: the survey texts' language when the form
/// has it (Russian, English, Uzbek, Chinese), English otherwise.
pub fn wording(lang: &str) -> Lang {
    Lang::known(lang).unwrap_or(Lang::En)
}

/// The ruled lines given to a free-text answer of at most `max_length` characters:
/// one per 60 characters, at least 1 and at most [`MAX_LINES`].
pub fn text_lines(max_length: u32) -> u32 {
    max_length.div_ceil(CHARS_PER_LINE).clamp(1, MAX_LINES)
}

/// The printed questionnaire of `survey` as one HTML document.
pub fn render(survey: &Survey, options: &Options) -> String {
    Form {
        survey,
        code: &options.lang,
        lang: wording(&options.lang),
    }
    .render(options)
}

struct Form<'a> {
    survey: &'a Survey,
    /// The survey texts' language.
    code: &'a str,
    /// The form's own words.
    lang: Lang,
}

impl Form<'_> {
    fn text(&self, t: &Text) -> String {
        escape(t.get(self.code))
    }

    fn render(&self, options: &Options) -> String {
        let (s, lang) = (self.survey, self.lang);
        let mut h = String::with_capacity(16 * 1024);
        let title = self.text(&s.title);
        let _ = write!(
            h,
            "<!DOCTYPE html>\n<html lang=\"{code}\"{large}>\n<head>\n<meta charset=\"utf-8\" />\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\" />\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
             <title>{title} — {doc}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
            code = escape(self.code),
            large = if options.large { " class=\"large\"" } else { "" },
            doc = escape(&tr(lang, "paper-document")),
        );
        let _ = write!(
            h,
            "<header class=\"form\">\n<h1>{title}</h1>\n\
             <div class=\"form-no\"><span class=\"label\">{no}</span><span class=\"field\"></span></div>\n</header>\n",
            no = escape(&tr(lang, "paper-form-no")),
        );
        let period = match &options.period {
            Some(p) if !p.trim().is_empty() => escape(p.trim()),
            _ => "<span class=\"blank\"></span>".to_owned(),
        };
        let _ = writeln!(
            h,
            "<p class=\"period\">{}: {period}</p>",
            escape(&tr(lang, "paper-period"))
        );
        if let Some(intro) = &s.intro {
            let _ = writeln!(h, "<p class=\"intro\">{}</p>", self.text(intro));
        }
        let _ = writeln!(
            h,
            "<div class=\"anonymity\">\n<p><strong>{}</strong></p>\n<p>{}</p>\n<p>{}</p>\n</div>",
            escape(&tr(lang, "paper-anonymity-title")),
            escape(&tr(lang, "paper-anonymity-name")),
            escape(&tr_args(
                lang,
                "paper-anonymity-threshold",
                &[("k", s.min_group.into())]
            )),
        );
        let _ = write!(
            h,
            "<div class=\"how\">\n<p>{}</p>\n",
            escape(&tr(lang, "paper-how"))
        );
        if s.questions.iter().any(|q| q.required) {
            let _ = writeln!(
                h,
                "<p class=\"legend\"><span class=\"req\">{REQUIRED_MARK}</span> {}</p>",
                escape(&tr(lang, "paper-required-legend"))
            );
        }
        h.push_str("</div>\n<main>\n");
        for (i, q) in s.questions.iter().enumerate() {
            self.question(&mut h, i, q);
        }
        let _ = write!(
            h,
            "</main>\n<footer class=\"form\"><p>{}</p></footer>\n</body>\n</html>\n",
            escape(&tr(lang, "paper-thanks"))
        );
        h
    }

    /// The question `i` (number `i + 1`), with the instruction of its condition when it
    /// is the first of the consecutive questions under that condition.
    fn question(&self, h: &mut String, i: usize, q: &Question) {
        let lang = self.lang;
        let n = i + 1;
        let class = if q.visible_if.is_some() {
            "q cond"
        } else {
            "q"
        };
        let _ = writeln!(h, "<section class=\"{class}\" id=\"q{n}\">");
        if let Some(c) = &q.visible_if {
            let first = i == 0 || self.survey.questions[i - 1].visible_if.as_ref() != Some(c);
            if first {
                let _ = writeln!(h, "<p class=\"if\">{}</p>", escape(&self.instruction(i, c)));
            }
        }
        let req = if q.required {
            format!(
                // A no-break space: the mark never stands alone on a line.
                "\u{a0}<span class=\"req\" title=\"{}\">{REQUIRED_MARK}</span>",
                escape(&tr(lang, "paper-required-legend"))
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            h,
            "<h2><span class=\"qn\">{n}.</span> {}{req}</h2>",
            self.text(&q.text)
        );
        if let Some(hint) = &q.hint {
            let _ = writeln!(h, "<p class=\"hint\">{}</p>", self.text(hint));
        }
        match &q.kind {
            QuestionKind::Scale { points, labels, .. } => {
                self.what(h, tr(lang, "paper-do-score"));
                self.points(
                    h,
                    1,
                    *points,
                    labels.as_ref(),
                    ("paper-scale-min", "paper-scale-max"),
                );
            }
            QuestionKind::Nps { labels } => {
                self.what(h, tr(lang, "paper-do-score"));
                self.points(
                    h,
                    0,
                    10,
                    labels.as_ref(),
                    ("paper-nps-min", "paper-nps-max"),
                );
            }
            QuestionKind::Choice { options, .. } | QuestionKind::Multi { options } => {
                let one = matches!(q.kind, QuestionKind::Choice { .. });
                self.what(
                    h,
                    if one {
                        tr(lang, "paper-do-one")
                    } else {
                        tr(lang, "paper-do-many")
                    },
                );
                let two = if options.len() > 6 { " two" } else { "" };
                let _ = writeln!(h, "<ul class=\"options{two}\">");
                for o in options {
                    let _ = writeln!(
                        h,
                        "<li><span class=\"box\"></span><span>{}</span></li>",
                        self.text(&o.label)
                    );
                }
                h.push_str("</ul>\n");
            }
            QuestionKind::YesNo => {
                self.what(h, tr(lang, "paper-do-one"));
                let _ = writeln!(
                    h,
                    "<ul class=\"options yesno\"><li><span class=\"box\"></span><span>{}</span></li>\
                     <li><span class=\"box\"></span><span>{}</span></li></ul>",
                    escape(&tr(lang, "paper-yes")),
                    escape(&tr(lang, "paper-no")),
                );
            }
            QuestionKind::Number { integer, unit, .. } => {
                self.what(
                    h,
                    if *integer {
                        tr(lang, "paper-do-integer")
                    } else {
                        tr(lang, "paper-do-number")
                    },
                );
                let unit = unit
                    .as_ref()
                    .map(|u| format!("<span class=\"unit\">{}</span>", self.text(u)))
                    .unwrap_or_default();
                let _ = writeln!(
                    h,
                    "<div class=\"number\"><span class=\"field\"></span>{unit}</div>"
                );
            }
            QuestionKind::Text { max_length } => {
                self.what(h, tr(lang, "paper-do-text"));
                h.push_str("<div class=\"lines\">");
                for _ in 0..text_lines(*max_length) {
                    h.push_str("<div class=\"line\"></div>");
                }
                h.push_str("</div>\n");
            }
        }
        h.push_str("</section>\n");
    }

    /// What to do, under the question.
    fn what(&self, h: &mut String, words: String) {
        let _ = writeln!(h, "<p class=\"do\">{}</p>", escape(&words));
    }

    /// A row of boxes `lo..=hi` with the end labels (the survey's, or the form's own).
    fn points(
        &self,
        h: &mut String,
        lo: u8,
        hi: u8,
        labels: Option<&ScaleLabels>,
        own: (&str, &str),
    ) {
        h.push_str("<div class=\"scale-block\">\n<div class=\"points\">");
        for v in lo..=hi {
            let _ = write!(
                h,
                "<span class=\"point\"><span class=\"v\">{v}</span><span class=\"box\"></span></span>"
            );
        }
        let (min, max) = match labels {
            Some(l) => (self.text(&l.min), self.text(&l.max)),
            None => (escape(&self.own_end(own.0)), escape(&self.own_end(own.1))),
        };
        let _ = writeln!(
            h,
            "</div>\n<div class=\"ends\"><span>{lo} — {min}</span><span>{hi} — {max}</span></div>\n</div>"
        );
    }

    fn own_end(&self, key: &str) -> String {
        let lang = self.lang;
        match key {
            "paper-scale-min" => tr(lang, "paper-scale-min"),
            "paper-scale-max" => tr(lang, "paper-scale-max"),
            "paper-nps-min" => tr(lang, "paper-nps-min"),
            _ => tr(lang, "paper-nps-max"),
        }
    }

    /// The instruction for the questions from `first` on that share its condition `c`.
    fn instruction(&self, first: usize, c: &Condition) -> String {
        let lang = self.lang;
        let qs = &self.survey.questions;
        let last = first
            + qs[first..]
                .iter()
                .take_while(|q| q.visible_if.as_ref() == Some(c))
                .count()
            - 1;
        let range = if last == first {
            (first + 1).to_string()
        } else {
            format!("{}–{}", first + 1, last + 1)
        };
        let Some(k) = self.survey.question_index(&c.question) else {
            return String::new();
        };
        let asked = &qs[k];
        let values = self.values(asked, &c.values);
        let args: [(&str, Arg); 4] = [
            ("q", (k + 1).to_string().into()),
            ("values", values.into()),
            ("several", if last > first { "yes" } else { "no" }.into()),
            ("range", range.into()),
        ];
        let mut out = match asked.kind {
            QuestionKind::Choice { .. } => tr_args(lang, "paper-if-choice", &args),
            QuestionKind::Multi { .. } => tr_args(lang, "paper-if-multi", &args),
            QuestionKind::YesNo => tr_args(lang, "paper-if-yesno", &args),
            _ => tr_args(lang, "paper-if-score", &args),
        };
        out.push(' ');
        if last + 1 < qs.len() {
            out.push_str(&tr_args(
                lang,
                "paper-otherwise",
                &[("next", (last + 2).to_string().into())],
            ));
        } else {
            out.push_str(&tr(lang, "paper-otherwise-end"));
        }
        out
    }

    /// The answers of a condition in words: option labels or «Да» in quotes, scores
    /// as numbers (a run of three or more as a range), joined by "or".
    fn values(&self, asked: &Question, values: &[String]) -> String {
        let lang = self.lang;
        // A label in quotes of its own («Горячая линия») is not quoted again.
        let quoted = |s: &str| {
            let own = ['«', '“', '"', '„'].iter().any(|q| s.starts_with(*q))
                && ['»', '”', '"', '“'].iter().any(|q| s.ends_with(*q));
            if own && s.chars().count() > 1 {
                s.to_owned()
            } else {
                tr_args(lang, "paper-quoted", &[("text", s.into())])
            }
        };
        let words: Vec<String> = match &asked.kind {
            QuestionKind::Choice { options, .. } | QuestionKind::Multi { options } => values
                .iter()
                .map(|v| {
                    let label = options
                        .iter()
                        .find(|o| &o.id == v)
                        .map_or(v.as_str(), |o| o.label.get(self.code));
                    quoted(label)
                })
                .collect(),
            QuestionKind::YesNo => values
                .iter()
                .map(|v| {
                    if v == "yes" {
                        quoted(&tr(lang, "paper-yes"))
                    } else {
                        quoted(&tr(lang, "paper-no"))
                    }
                })
                .collect(),
            _ => {
                let mut nums: Vec<i64> = values.iter().filter_map(|v| v.parse().ok()).collect();
                nums.sort_unstable();
                nums.dedup();
                let contiguous = nums.windows(2).all(|w| w[1] == w[0] + 1);
                if nums.len() >= 3 && contiguous {
                    vec![tr_args(
                        lang,
                        "paper-values-range",
                        &[
                            ("from", nums[0].to_string().into()),
                            ("to", nums[nums.len() - 1].to_string().into()),
                        ],
                    )]
                } else {
                    nums.iter().map(i64::to_string).collect()
                }
            }
        };
        join_or(&words, &tr(lang, "paper-or"))
    }
}

/// `a`, `a or b`, `a, b or c`.
fn join_or(words: &[String], or: &str) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {or} {last}", init.join(", ")),
    }
}
