//! A plain-text rendering of an analysis for the terminal, in the messages' language
//! (Russian: decimal commas, and `;` between an interval's ends).

use std::fmt::Write;

use otklik_analytics::{Analysis, Fig, Group};
use otklik_survey::{Lang, Message, Survey};
use serde_json::Value;

use crate::group_counts;

/// `x` with `decimals` digits after the point, right-aligned in `width` characters;
/// the point is a comma in Russian.
fn num(lang: Lang, x: f64, width: usize, decimals: usize) -> String {
    format!(
        "{:>width$}",
        otklik_survey::fmt::plain(x, Some(decimals), lang)
    )
}

fn key_str(lang: Lang, key: &indexmap::IndexMap<String, Value>) -> String {
    if key.is_empty() {
        return Message::new("cli-table-all").render(lang);
    }
    key.iter()
        .map(|(k, v)| match v.as_str() {
            Some(v) => format!("{k}={v}"),
            // A response that does not say its channel answered no question.
            None if k == "channel" => {
                format!(
                    "{k}={}",
                    Message::new("cli-table-channel-unknown").render(lang)
                )
            }
            None => format!("{k}={}", Message::new("cli-table-no-answer").render(lang)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn ci(lang: Lang, c: Option<[f64; 2]>, decimals: usize) -> String {
    let sep = if lang.decimal_comma() { "; " } else { ", " };
    c.map_or(String::new(), |[lo, hi]| {
        format!(
            "[{}{sep}{}]",
            num(lang, lo, 0, decimals),
            num(lang, hi, 0, decimals)
        )
    })
}

fn fig_str<T>(lang: Lang, f: &Fig<T>, show: impl Fn(&T) -> String) -> String {
    match f {
        Fig::Suppressed => Message::new("cli-table-figure-suppressed").render(lang),
        Fig::Shown(t) => show(t),
    }
}

/// One figure's line: its label, padded, then its value.
fn line(out: &mut String, label: Message, lang: Lang, value: String) {
    let _ = writeln!(out, "  {:<34} {value}", label.render(lang));
}

/// Renders the groups, one block each, then the significant changes.
pub fn render(survey: &Survey, a: &Analysis, lang: Lang) -> String {
    let mut out = String::new();
    let head = Message::new("cli-table-head")
        .with("survey", a.survey.as_str())
        .with("responses", a.responses)
        .with("k", a.min_group)
        .with("by", a.by.join(", "));
    let _ = writeln!(out, "{}", head.render(lang));
    for g in &a.groups {
        match g {
            Group::Suppressed { key, .. } => {
                let m = Message::new("cli-table-group-suppressed")
                    .with("group", key_str(lang, key))
                    .with("k", a.min_group);
                let _ = writeln!(out, "\n{}", m.render(lang));
            }
            Group::Shown(g) => {
                let m = Message::new("cli-table-group")
                    .with("group", key_str(lang, &g.key))
                    .with("n", g.n);
                let _ = writeln!(out, "\n{}", m.render(lang));
                if let Some(ccl) = &g.ccl {
                    let value = fig_str(lang, ccl, |l| {
                        let (v, c) = (num(lang, l.value, 6, 1), ci(lang, l.ci95, 1));
                        format!("{v} {c}  n={}", l.n)
                    });
                    line(&mut out, Message::new("cli-table-ccl"), lang, value);
                }
                for (id, d) in &g.dimensions {
                    let value = fig_str(lang, d, |d| {
                        let (v, c) = (num(lang, d.index, 6, 1), ci(lang, d.ci95, 1));
                        format!("{v} {c}  n={}", d.n)
                    });
                    let label = Message::new("cli-table-dimension").with("id", id.as_str());
                    line(&mut out, label, lang, value);
                }
                for (id, n) in &g.nps {
                    let value = fig_str(lang, n, |n| {
                        let (v, c) = (num(lang, n.value, 6, 1), ci(lang, Some(n.ci95), 1));
                        format!("{v} {c}  n={}", n.n)
                    });
                    let label = Message::new("cli-table-nps").with("id", id.as_str());
                    line(&mut out, label, lang, value);
                }
                for (id, s) in &g.standards {
                    let value = fig_str(lang, s, |s| {
                        // As written in the definition (15, 0.5): the shortest form.
                        let max = otklik_survey::fmt::plain(s.max, None, lang);
                        let share = num(lang, s.share * 100.0, 5, 1);
                        format!("{share}% ≤ {max}  n={}", s.n)
                    });
                    let label = Message::new("cli-table-standard").with("id", id.as_str());
                    line(&mut out, label, lang, value);
                }
                for (id, r) in &g.resolution {
                    let value = fig_str(lang, r, |r| {
                        format!("{}%  n={}", num(lang, r.share * 100.0, 5, 1), r.n)
                    });
                    let label = Message::new("cli-table-resolution").with("id", id.as_str());
                    line(&mut out, label, lang, value);
                }
                let top2 = Message::new("cli-table-top2").render(lang);
                for (id, it) in &g.items {
                    let title = survey.question(id).map_or(id.as_str(), |q| q.id.as_str());
                    let value = fig_str(lang, it, |s| {
                        let (v, c) = (num(lang, s.mean, 6, 2), ci(lang, s.ci95, 2));
                        let t = num(lang, s.top2 * 100.0, 4, 1);
                        format!("{v} {c}  {top2} {t}%  n={}", s.n)
                    });
                    let label = Message::new("cli-table-item").with("id", title);
                    line(&mut out, label, lang, value);
                }
            }
        }
    }
    let significant: Vec<String> = a
        .changes
        .iter()
        .flat_map(|c| {
            c.figures
                .iter()
                .filter(|(_, f)| f.significant)
                .map(move |(path, f)| {
                    format!(
                        "  {} {} → {}: {path} {} → {} (p = {})",
                        key_str(lang, &c.key),
                        c.from,
                        c.to,
                        num(lang, f.from, 0, 2),
                        num(lang, f.to, 0, 2),
                        num(lang, f.p, 0, 3)
                    )
                })
        })
        .collect();
    if !significant.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            Message::new("cli-table-significant").render(lang)
        );
        for s in significant {
            let _ = writeln!(out, "{s}");
        }
    }
    let (shown, hidden) = group_counts(a);
    let m = Message::new("cli-table-summary")
        .with("shown", shown)
        .with("hidden", hidden);
    let _ = writeln!(out, "\n{}", m.render(lang));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_the_language_s_decimal_mark() {
        assert_eq!(num(Lang::Ru, 3.456, 6, 2), "  3,46");
        assert_eq!(num(Lang::En, 3.456, 6, 2), "  3.46");
        assert_eq!(ci(Lang::Ru, Some([1.25, 2.5]), 1), "[1,2; 2,5]");
        assert_eq!(ci(Lang::En, Some([1.25, 2.5]), 1), "[1.2, 2.5]");
    }
}
