//! Section 1, the summary: findings and key indicators per survey.

use crate::build::document::{change_cells, est_cells, value_cell, Doc, Sec};
use crate::build::lookups::{change, find, key_indicators};
use crate::build::runs::{audience_label, Run};
use crate::findings;
use crate::i18n::{tr, tr_args};
use crate::model::*;

pub(crate) fn summary(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let lang = run.lang;
    sec.sub(audience_label(run));
    let findings = findings::findings(run);
    sec.blocks.push(Block::List(findings));
    let year = find(&run.main, run.year, &[]);
    let prev = run.prev.map(|p| find(&run.main, p, &[]));
    let rows = key_indicators(run.survey)
        .iter()
        .map(|ind| {
            let mut row = vec![Cell::Text(ind.label(run))];
            row.extend(est_cells(ind.get(year), 1));
            row.push(prev.map_or(Cell::Empty, |g| value_cell(ind.get(g), 1)));
            let c = run
                .prev
                .and_then(|p| change(&run.main, p, run.year, &[], &ind.figure()));
            row.extend(change_cells(ind, c, lang));
            row
        })
        .collect();
    let (y, p) = (
        run.year.to_string(),
        run.prev.map_or("—".to_owned(), |p| p.to_string()),
    );
    let caption = tr_args(lang, "summary-caption", &[("year", run.year.into())]);
    doc.table(
        sec,
        caption,
        vec![
            tr(lang, "col-indicator"),
            y,
            tr(lang, "col-ci"),
            tr(lang, "col-n"),
            p,
            tr(lang, "col-change"),
            tr(lang, "col-p"),
            tr(lang, "col-significance"),
        ],
        rows,
        run.k,
    );
}

/// The summary of every survey.
pub(crate) fn section(doc: &mut Doc, runs: &[Run<'_>], number: String) -> Section {
    let title = tr(doc.lang, "section-summary");
    let mut sec = Sec::new(number.clone());
    for run in runs {
        summary(doc, &mut sec, run);
    }
    doc.section("summary", number, &title, &title, sec)
}
