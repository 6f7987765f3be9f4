//! Compliance with service standards, overall and per touchpoint.

use otklik_analytics::Fig;
use otklik_charts::{Datum, StandardBar, StandardsInput};
use otklik_survey::Role;

use crate::build::document::{change_cells, est_cells, Doc, Sec, TableData};
use crate::build::lookups::{
    applies, breakdown, change, find, norm, question_text, standard_questions, Ind, F,
};
use crate::build::runs::Run;
use crate::charts;
use crate::i18n::{tr, tr_args};
use crate::model::*;

pub(crate) fn standards_table(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let lang = run.lang;
    let s = run.survey;
    let qs = standard_questions(s);
    if qs.is_empty() {
        return;
    }
    let year = find(&run.main, run.year, &[]);
    let rows = qs
        .iter()
        .map(|&q| {
            let id = &s.questions[q].id;
            let ind = Ind::Standard(id.clone());
            let mut row = vec![
                Cell::Text(question_text(s, id, run.lang)),
                Cell::Text(norm(s, id, run.lang)),
            ];
            row.extend(est_cells(ind.get(year), 1));
            match year.shown().and_then(|g| g.standards.get(id)) {
                Some(Fig::Shown(st)) => {
                    row.push(Cell::Num {
                        value: st.median,
                        decimals: 1,
                    });
                    row.push(Cell::Num {
                        value: st.p90,
                        decimals: 1,
                    });
                }
                Some(Fig::Suppressed) => row.extend([Cell::Suppressed, Cell::Suppressed]),
                None => row.extend([Cell::Empty, Cell::Empty]),
            }
            let c = run
                .prev
                .and_then(|p| change(&run.main, p, run.year, &[], &ind.figure()));
            let [d, _, sig] = change_cells(&ind, c, lang);
            row.push(d);
            row.push(sig);
            row
        })
        .collect();
    let caption = tr_args(lang, "standards-caption", &[("year", run.year.into())]);
    doc.table(
        sec,
        caption,
        vec![
            tr(lang, "col-standard"),
            tr(lang, "col-norm"),
            tr(lang, "col-within"),
            tr(lang, "col-ci"),
            tr(lang, "col-n"),
            tr(lang, "col-median"),
            tr(lang, "col-p90"),
            tr(lang, "col-change-pp"),
            tr(lang, "col-significance"),
        ],
        rows,
        run.k,
    );
}

pub(crate) fn standards_by_touchpoint(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let lang = run.lang;
    let s = run.survey;
    let Some(tq) = s.with_role(Role::Touchpoint) else {
        return;
    };
    let tp = breakdown(run, tq);
    let mut rows = Vec::new();
    let mut bars = Vec::new();
    for sq in standard_questions(s) {
        let id = &s.questions[sq].id;
        for (label, opt, g) in &tp {
            let Some(opt) = opt else { continue };
            if !applies(s, sq, tq, opt) {
                continue;
            }
            let f = Ind::Standard(id.clone()).get(*g);
            let mut row = vec![
                Cell::Text(label.clone()),
                Cell::Text(question_text(s, id, run.lang)),
                Cell::Text(norm(s, id, run.lang)),
            ];
            row.extend(est_cells(f, 1));
            rows.push(row);
            bars.push(StandardBar {
                label: label.clone(),
                standard: norm(s, id, run.lang),
                value: match f {
                    F::Shown(e) => Datum::Shown(otklik_charts::Share {
                        share: e.value / 100.0,
                        ci95: e.ci.map(|c| [c[0] / 100.0, c[1] / 100.0]),
                    }),
                    F::Suppressed => Datum::Suppressed,
                    F::Absent => Datum::Missing,
                },
            });
        }
    }
    if rows.is_empty() {
        return;
    }
    let caption = tr_args(
        lang,
        "standards-touchpoints-caption",
        &[("year", run.year.into())],
    );
    doc.figure(
        sec,
        &caption,
        |id, title| {
            charts::standards(
                id,
                title,
                StandardsInput { touchpoints: bars },
                run.lang,
                run.k,
            )
        },
        Some(TableData {
            columns: vec![
                tr(lang, "col-touchpoint"),
                tr(lang, "col-standard"),
                tr(lang, "col-norm"),
                tr(lang, "col-within"),
                tr(lang, "col-ci"),
                tr(lang, "col-n"),
            ],
            rows,
            k: run.k,
        }),
    );
}
