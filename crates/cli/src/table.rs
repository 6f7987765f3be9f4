//! A plain-text rendering of an analysis for the terminal.

use std::fmt::Write;

use otklik_analytics::{Analysis, Group};
use otklik_survey::Survey;
use serde_json::Value;

use crate::{fig_str, group_counts};

fn key_str(key: &indexmap::IndexMap<String, Value>) -> String {
    if key.is_empty() {
        return "all responses".to_owned();
    }
    key.iter()
        .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("(no answer)")))
        .collect::<Vec<_>>()
        .join(" ")
}

fn ci(c: Option<[f64; 2]>) -> String {
    c.map_or(String::new(), |[lo, hi]| format!("[{lo:.1}, {hi:.1}]"))
}

/// Renders the groups, one block each, then the significant changes.
pub fn render(survey: &Survey, a: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "survey {}: {} responses, K = {}, by [{}]",
        a.survey,
        a.responses,
        a.min_group,
        a.by.join(", ")
    );
    for g in &a.groups {
        match g {
            Group::Suppressed { key, .. } => {
                let _ = writeln!(
                    out,
                    "\n{}: fewer than {} responses (suppressed)",
                    key_str(key),
                    a.min_group
                );
            }
            Group::Shown(g) => {
                let _ = writeln!(out, "\n{}: n = {}", key_str(&g.key), g.n);
                if let Some(ccl) = &g.ccl {
                    let _ = writeln!(
                        out,
                        "  {:<34} {}",
                        "client-centricity level",
                        fig_str(Some(ccl), |l| format!(
                            "{:6.1} {}  n={}",
                            l.value,
                            ci(l.ci95),
                            l.n
                        ))
                    );
                }
                for (id, d) in &g.dimensions {
                    let _ = writeln!(
                        out,
                        "  {:<34} {}",
                        format!("dimension {id}"),
                        fig_str(Some(d), |d| format!(
                            "{:6.1} {}  n={}",
                            d.index,
                            ci(d.ci95),
                            d.n
                        ))
                    );
                }
                for (id, n) in &g.nps {
                    let _ = writeln!(
                        out,
                        "  {:<34} {}",
                        format!("NPS {id}"),
                        fig_str(Some(n), |n| format!(
                            "{:6.1} {}  n={}",
                            n.value,
                            ci(Some(n.ci95)),
                            n.n
                        ))
                    );
                }
                for (id, s) in &g.standards {
                    let _ = writeln!(
                        out,
                        "  {:<34} {}",
                        format!("standard {id}"),
                        fig_str(Some(s), |s| format!(
                            "{:5.1}% ≤ {}  n={}",
                            s.share * 100.0,
                            s.max,
                            s.n
                        ))
                    );
                }
                for (id, r) in &g.resolution {
                    let _ = writeln!(
                        out,
                        "  {:<34} {}",
                        format!("resolved {id}"),
                        fig_str(Some(r), |r| format!("{:5.1}%  n={}", r.share * 100.0, r.n))
                    );
                }
                for (id, it) in &g.items {
                    let title = survey.question(id).map_or(id.as_str(), |q| q.id.as_str());
                    let _ = writeln!(
                        out,
                        "  {:<34} {}",
                        format!("item {title}"),
                        fig_str(Some(it), |s| format!(
                            "{:6.2} {}  top2 {:4.1}%  n={}",
                            s.mean,
                            ci(s.ci95),
                            s.top2 * 100.0,
                            s.n
                        ))
                    );
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
                        "  {} {} → {}: {path} {:.2} → {:.2} (p = {:.3})",
                        key_str(&c.key),
                        c.from,
                        c.to,
                        f.from,
                        f.to,
                        f.p
                    )
                })
        })
        .collect();
    if !significant.is_empty() {
        let _ = writeln!(out, "\nsignificant changes (p < 0.05):");
        for s in significant {
            let _ = writeln!(out, "{s}");
        }
    }
    let (shown, hidden) = group_counts(a);
    let _ = writeln!(out, "\n{shown} group(s) shown, {hidden} suppressed");
    out
}
