//! Section 1, the summary: findings and key indicators per survey.

use crate::build::document::{change_cells, est_cells, value_cell, Doc, Sec};
use crate::build::lookups::{change, find, key_indicators};
use crate::build::runs::{audience_label, Run};
use crate::findings;
use crate::i18n::{words, Lang};
use crate::model::*;

pub(crate) fn summary(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let w = words(run.lang);
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
            row.extend(change_cells(ind, c, w));
            row
        })
        .collect();
    let (y, p) = (
        run.year.to_string(),
        run.prev.map_or("—".to_owned(), |p| p.to_string()),
    );
    let caption = match run.lang {
        Lang::Ru => format!("Ключевые показатели за {y} год"),
        Lang::En => format!("Key indicators for {y}"),
    };
    doc.table(
        sec,
        caption,
        vec![
            w.c_indicator,
            &y,
            w.c_ci,
            w.c_n,
            &p,
            w.c_change,
            w.c_p,
            w.c_significance,
        ],
        rows,
        run.k,
    );
}

/// The summary of every survey.
pub(crate) fn section(doc: &mut Doc, runs: &[Run<'_>], number: String) -> Section {
    let w = words(doc.lang);
    let mut sec = Sec::new(number.clone());
    for run in runs {
        summary(doc, &mut sec, run);
    }
    doc.section("summary", number, w.s_summary, w.s_summary, sec)
}
