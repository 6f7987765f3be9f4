//! Section «Methodology and anonymity».

use indexmap::IndexMap;
use otklik_analytics::{Analysis, Fig, Group, GroupStats};
use otklik_survey::{Audience, Role, Survey};

use crate::build::document::{Doc, Sec};
use crate::build::lookups::{find, G};
use crate::build::runs::{audience_label, Run};
use crate::i18n::{tr, tr_args, Lang};
use crate::model::*;

pub(crate) fn methodology(doc: &mut Doc, sec: &mut Sec, runs: &[Run<'_>]) {
    let lang = runs[0].lang;
    sec.sub(tr(lang, "method-samples-heading"));
    let mut rows = Vec::new();
    for run in runs {
        for p in &run.hist.periods {
            let y: u16 = p.parse().unwrap_or(0);
            let g = find(&run.hist, y, &[]);
            rows.push(vec![
                Cell::Text(audience_label(run)),
                Cell::Text(y.to_string()),
                Cell::Text(run.waves.get(&y).map_or(String::new(), |v| v.join(", "))),
                match g {
                    G::Shown(st) => Cell::Int(st.n),
                    G::Hidden => Cell::Suppressed,
                    G::Absent => Cell::Empty,
                },
            ]);
        }
    }
    let k = runs.iter().map(|r| r.k).max().unwrap_or(5);
    doc.table(
        sec,
        tr(lang, "method-samples-caption"),
        vec![
            tr(lang, "label-surveys"),
            tr(lang, "col-year"),
            tr(lang, "col-periods"),
            tr(lang, "col-n"),
        ],
        rows,
        k,
    );
    sec.para(tr(lang, "method-periods"));

    sec.sub(tr(lang, "method-indicators-heading"));
    sec.blocks.push(Block::List(vec![
        tr(lang, "method-question-index"),
        tr(lang, "method-top2"),
        tr(lang, "method-area-index"),
        tr(lang, "method-ccl"),
        tr(lang, "method-nps"),
        tr(lang, "method-ces"),
        tr(lang, "method-standards"),
        tr(lang, "method-resolution"),
        tr(lang, "method-drivers"),
        tr(lang, "method-intervals"),
        tr(lang, "method-changes"),
        tr(lang, "method-trends"),
    ]));

    sec.sub(tr(lang, "method-anonymity-heading"));
    for run in runs {
        sec.para(tr_args(
            lang,
            "method-anonymity",
            &[
                ("survey", audience_label(run).into()),
                ("k", run.k.into()),
                ("k-text", run.main.min_group_text.into()),
            ],
        ));
    }
    for run in runs.iter().filter(|r| r.waves_pooled > 1) {
        sec.para(tr_args(
            lang,
            "method-waves",
            &[
                ("survey", audience_label(run).into()),
                ("waves", run.waves_pooled.into()),
                ("base-k", run.base_k.into()),
                ("k", run.k.into()),
            ],
        ));
    }
    let mut rows = Vec::new();
    for run in runs {
        let mut analyses: Vec<(String, &Analysis)> = vec![(tr(lang, "col-year"), &run.main)];
        if run.hist.periods != run.main.periods {
            analyses.push((tr(lang, "method-breakdown-history"), &run.hist));
        }
        for (q, a) in &run.by {
            analyses.push((
                tr_args(
                    lang,
                    "method-breakdown-by",
                    &[("question", breakdown_name(run.survey, *q, lang).into())],
                ),
                a,
            ));
        }
        if let Some(a) = &run.registry {
            analyses.push((tr(lang, "method-breakdown-registry"), a));
        }
        for (name, a) in analyses {
            let hidden = a
                .groups
                .iter()
                .filter(|g| matches!(g, Group::Suppressed { .. }))
                .count();
            let figs: usize = a
                .groups
                .iter()
                .filter_map(|g| match g {
                    Group::Shown(s) => Some(hidden_figures(s)),
                    _ => None,
                })
                .sum();
            rows.push(vec![
                Cell::Text(audience_label(run)),
                Cell::Text(name),
                Cell::Int((a.groups.len() - hidden) as u64),
                Cell::Int(hidden as u64),
                Cell::Int(figs as u64),
            ]);
        }
    }
    doc.table(
        sec,
        tr(lang, "method-suppressed-caption"),
        vec![
            tr(lang, "label-surveys"),
            tr(lang, "col-breakdown"),
            tr(lang, "col-groups-shown"),
            tr(lang, "col-groups-hidden"),
            tr(lang, "col-figures-hidden"),
        ],
        rows,
        k,
    );
}

pub(crate) fn breakdown_name(s: &Survey, q: usize, lang: Lang) -> String {
    match s.questions[q].role {
        Some(Role::Touchpoint) => tr(lang, "col-touchpoint"),
        Some(Role::Need) => tr(lang, "col-need"),
        Some(Role::Segment) if s.audience == Audience::Internal => tr(lang, "col-unit"),
        Some(Role::Segment) => tr(lang, "col-segment"),
        _ => s.questions[q].id.clone(),
    }
}

pub(crate) fn hidden_figures(g: &GroupStats) -> usize {
    fn count<T>(m: &IndexMap<String, Fig<T>>) -> usize {
        m.values().filter(|f| matches!(f, Fig::Suppressed)).count()
    }
    let channels: usize = g
        .channels
        .values()
        .map(|f| match f {
            Fig::Suppressed => 1,
            Fig::Shown(c) => count(&c.options) + count(&c.types),
        })
        .sum();
    count(&g.items)
        + count(&g.dimensions)
        + usize::from(matches!(g.ccl, Some(Fig::Suppressed)))
        + count(&g.nps)
        + count(&g.ces)
        + count(&g.standards)
        + count(&g.resolution)
        + count(&g.drivers)
        + channels
}

/// The methodology and anonymity of all the surveys.
pub(crate) fn section(doc: &mut Doc, runs: &[Run<'_>], number: String) -> Section {
    let title = tr(doc.lang, "section-method");
    let mut sec = Sec::new(number.clone());
    methodology(doc, &mut sec, runs);
    doc.section("method", number, &title, &title, sec)
}
