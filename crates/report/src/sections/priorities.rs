//! Section «Priorities and recommendations»: the driver analysis.

use otklik_charts::QuadrantInput;

use crate::build::document::{Doc, Sec, TableData};
use crate::build::lookups::{find, question_label, question_text};
use crate::build::runs::{audience_label, Run};
use crate::findings;
use crate::i18n::{fewer_than, tr, tr_args};
use crate::model::*;
use crate::{charts, Params};

/// The driver analysis of the year; returns the generated recommendations.
pub(crate) fn priorities(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) -> Vec<String> {
    let lang = run.lang;
    sec.sub(audience_label(run));
    let Some(g) = find(&run.main, run.year, &[]).shown() else {
        sec.para(fewer_than(run.lang, run.k));
        return Vec::new();
    };
    let mut shown: Vec<(&String, &otklik_analytics::DriverStats)> = g
        .drivers
        .iter()
        .filter_map(|(id, f)| f.shown().map(|d| (id, d)))
        .collect();
    let input = QuadrantInput::of_drivers(g, |id| question_label(run.survey, id, run.lang));
    let title = tr_args(lang, "priorities-caption", &[("year", run.year.into())]);
    shown.sort_by(|a, b| {
        b.1.priority
            .cmp(&a.1.priority)
            .then(b.1.importance.total_cmp(&a.1.importance))
    });
    let rows = shown
        .iter()
        .map(|(id, d)| {
            vec![
                Cell::Text(question_text(run.survey, id, run.lang)),
                Cell::Num {
                    value: d.importance,
                    decimals: 2,
                },
                Cell::Num {
                    value: d.performance,
                    decimals: 1,
                },
                Cell::Int(d.n),
                Cell::Text(tr(lang, if d.priority { "value-yes" } else { "value-no" })),
            ]
        })
        .collect();
    doc.figure(
        sec,
        &title,
        |id, title| charts::quadrant(id, title, input, run.lang, run.k),
        Some(TableData {
            columns: vec![
                tr(lang, "col-item"),
                tr(lang, "col-importance"),
                tr(lang, "col-performance"),
                tr(lang, "col-n"),
                tr(lang, "col-priority"),
            ],
            rows,
            k: run.k,
        }),
    );
    findings::recommendations(run, &shown)
}

/// The driver analyses of every survey and the recommendations: the user's, if given,
/// or else the generated ones. Returns the section and the generated recommendations.
pub(crate) fn section(
    doc: &mut Doc,
    runs: &[Run<'_>],
    params: &Params,
    number: String,
) -> (Section, Vec<String>) {
    let lang = doc.lang;
    let mut sec = Sec::new(number.clone());
    let mut generated = Vec::new();
    for run in runs {
        let lines = priorities(doc, &mut sec, run);
        if runs.len() > 1 {
            generated.push(audience_label(run));
        }
        generated.extend(lines);
    }
    sec.sub(tr(lang, "priorities-recommendations-heading"));
    let shown: Vec<String> = match &params.recommendations {
        Some(text) => text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        None => generated.clone(),
    };
    sec.para(tr(
        lang,
        if params.recommendations.is_some() {
            "priorities-by-user"
        } else {
            "priorities-generated"
        },
    ));
    sec.blocks.push(Block::List(shown));
    let title = tr(lang, "section-priorities");
    (
        doc.section("priorities", number, &title, &title, sec),
        generated,
    )
}
