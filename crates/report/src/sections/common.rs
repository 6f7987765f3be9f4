//! The tables and charts both client sections write: indices, scores, breakdowns by
//! a grouping question and NPS.

use otklik_analytics::{Fig, FigureId};
use otklik_charts::{HeatmapInput, LikertInput, NpsInput};
use otklik_survey::QuestionKind;

use crate::build::document::{
    change_cells, est_cells, indicator_rows, value_cell, Doc, Sec, TableData,
};
use crate::build::lookups::{
    analysis_by, breakdown, change, find, key_indicators, nps_name, question_label, scale_items,
    Ind, G,
};
use crate::build::runs::Run;
use crate::charts;
use crate::i18n::{tr, tr_args};
use crate::model::*;

pub(crate) fn dimensions_table(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>, caption: String) {
    let lang = run.lang;
    let year = find(&run.main, run.year, &[]);
    let mut inds: Vec<Ind> = run
        .survey
        .dimensions
        .iter()
        .map(|d| Ind::Dim(d.id.clone()))
        .collect();
    inds.push(Ind::Ccl);
    let rows = indicator_rows(run, &inds, |ind| match ind {
        Ind::Dim(id) => vec![match year.shown().and_then(|g| g.dimensions.get(id)) {
            Some(Fig::Shown(d)) => d.alpha.map_or(Cell::Empty, |a| Cell::Num {
                value: a,
                decimals: 2,
            }),
            Some(Fig::Suppressed) => Cell::Suppressed,
            None => Cell::Empty,
        }],
        _ => vec![Cell::Empty],
    });
    doc.table(
        sec,
        caption,
        vec![
            tr(lang, "col-dimension"),
            tr(lang, "col-index"),
            tr(lang, "col-ci"),
            tr(lang, "col-n"),
            tr(lang, "col-alpha"),
            tr(lang, "col-change"),
            tr(lang, "col-significance"),
        ],
        rows,
        run.k,
    );
}

pub(crate) fn items_table(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let lang = run.lang;
    let year = find(&run.main, run.year, &[]);
    let items = scale_items(run.survey);
    let rows = indicator_rows(run, &items, |ind| {
        let Ind::Item(id, _) = ind else {
            return vec![Cell::Empty];
        };
        vec![match year.shown().and_then(|g| g.items.get(id)) {
            Some(Fig::Shown(s)) => Cell::Num {
                value: s.top2 * 100.0,
                decimals: 1,
            },
            Some(Fig::Suppressed) => Cell::Suppressed,
            None => Cell::Empty,
        }]
    });
    let caption = tr_args(lang, "items-caption", &[("year", run.year.into())]);
    doc.table(
        sec,
        caption,
        vec![
            tr(lang, "col-item"),
            tr(lang, "col-index"),
            tr(lang, "col-ci"),
            tr(lang, "col-n"),
            tr(lang, "col-top2"),
            tr(lang, "col-change"),
            tr(lang, "col-significance"),
        ],
        rows,
        run.k,
    );
}

pub(crate) fn likert_chart(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let Some(g) = find(&run.main, run.year, &[]).shown() else {
        return;
    };
    let input = LikertInput::of_items(run.survey, g, |id| question_label(run.survey, id, run.lang));
    let Some(input) = input else { return };
    let title = tr_args(run.lang, "likert-caption", &[("year", run.year.into())]);
    doc.figure(
        sec,
        &title,
        |id, title| charts::likert(id, title, input, run.lang, run.k),
        None,
    );
}

/// A table per option of a grouping question: n, response rate, the level and its
/// change, and the other key figures.
pub(crate) fn breakdown_table(
    doc: &mut Doc,
    sec: &mut Sec,
    run: &Run<'_>,
    q: usize,
    caption: String,
    first: &str,
) {
    let lang = run.lang;
    let s = run.survey;
    let has_rate = s.questions[q]
        .kind
        .options()
        .iter()
        .any(|o| o.headcount.is_some());
    let waves = run.waves.get(&run.year).map_or(1, Vec::len).max(1) as f64;
    let extra: Vec<Ind> = key_indicators(s)
        .into_iter()
        .filter(|i| matches!(i, Ind::Nps(_) | Ind::Resolution(_) | Ind::Ces(_)))
        .collect();
    let name = s.questions[q].id.clone();
    let a = analysis_by(run, q);
    let rows = breakdown(run, q)
        .into_iter()
        .map(|(label, id, g)| {
            let mut row = vec![Cell::Text(label)];
            row.push(match g {
                G::Shown(st) => Cell::Int(st.n),
                _ => Cell::Suppressed,
            });
            if has_rate {
                row.push(match g {
                    G::Shown(st) => st.response_rate.map_or(Cell::Empty, |r| Cell::Num {
                        value: r / waves * 100.0,
                        decimals: 1,
                    }),
                    _ => Cell::Suppressed,
                });
            }
            let [v, ci, _] = est_cells(Ind::Ccl.get(g), 1);
            row.push(v);
            row.push(ci);
            let c = match (run.prev, a) {
                (Some(p), Some(a)) => change(
                    a,
                    p,
                    run.year,
                    &[(name.as_str(), id.as_deref())],
                    &FigureId::Ccl,
                ),
                _ => None,
            };
            let [d, _, sig] = match g {
                G::Shown(_) => change_cells(&Ind::Ccl, c, lang),
                _ => [Cell::Suppressed, Cell::Suppressed, Cell::Suppressed],
            };
            row.push(d);
            row.push(sig);
            for ind in &extra {
                row.push(value_cell(ind.get(g), 1));
            }
            row
        })
        .collect();
    let mut cols = vec![first.to_owned(), tr(lang, "col-n")];
    if has_rate {
        cols.push(tr(lang, "col-response-rate"));
    }
    cols.extend([
        tr(lang, "col-ccl"),
        tr(lang, "col-ci"),
        tr(lang, "col-change"),
        tr(lang, "col-significance"),
    ]);
    cols.extend(extra.iter().map(|i| match i {
        Ind::Nps(id) => nps_name(run, id),
        Ind::Resolution(_) => tr(lang, "col-resolved"),
        Ind::Ces(_) => tr(lang, "col-easy"),
        _ => String::new(),
    }));
    let t = doc.table(sec, caption, cols, rows, run.k);
    if has_rate {
        t.note = Some(tr_args(
            lang,
            "breakdown-rate-note",
            &[("waves", (waves as usize).into())],
        ));
    }
}

/// Options × dimensions: a table and a heat map.
pub(crate) fn dimension_breakdown(
    doc: &mut Doc,
    sec: &mut Sec,
    run: &Run<'_>,
    q: usize,
    first: &str,
    by: &str,
) {
    let s = run.survey;
    if s.dimensions.is_empty() {
        return;
    }
    let rows_g = breakdown(run, q);
    let dims: Vec<Ind> = s
        .dimensions
        .iter()
        .map(|d| Ind::Dim(d.id.clone()))
        .collect();
    let rows = rows_g
        .iter()
        .map(|(label, _, g)| {
            let mut row = vec![Cell::Text(label.clone())];
            row.extend(dims.iter().map(|d| value_cell(d.get(*g), 1)));
            row
        })
        .collect();
    let mut cols = vec![first.to_owned()];
    cols.extend(
        s.dimensions
            .iter()
            .map(|d| d.title.get(run.lang.code()).to_owned()),
    );
    let caption = tr_args(
        run.lang,
        "dimension-breakdown-caption",
        &[("by", by.into()), ("year", run.year.into())],
    );
    let groups: Vec<(String, G<'_>)> = rows_g.iter().map(|(l, _, g)| (l.clone(), *g)).collect();
    let input = HeatmapInput::of_dimensions(s, &groups, run.lang);
    doc.figure(
        sec,
        &caption,
        |id, title| charts::heatmap(id, title, input, run.lang, run.k),
        Some(TableData {
            columns: cols,
            rows,
            k: run.k,
        }),
    );
}

pub(crate) fn nps_table(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let lang = run.lang;
    let year = find(&run.main, run.year, &[]);
    let inds: Vec<Ind> = key_indicators(run.survey)
        .into_iter()
        .filter(|i| matches!(i, Ind::Nps(_)))
        .collect();
    if inds.is_empty() {
        return;
    }
    let rows = indicator_rows(run, &inds, |ind| {
        let Ind::Nps(id) = ind else { return vec![] };
        match year.shown().and_then(|g| g.nps.get(id)) {
            Some(Fig::Shown(s)) => {
                let n = s.n as f64;
                [s.promoters, s.passives, s.detractors]
                    .iter()
                    .map(|&x| Cell::Num {
                        value: x as f64 / n * 100.0,
                        decimals: 1,
                    })
                    .collect()
            }
            Some(Fig::Suppressed) => vec![Cell::Suppressed; 3],
            None => vec![Cell::Empty; 3],
        }
    });
    let caption = tr_args(lang, "nps-caption", &[("year", run.year.into())]);
    doc.table(
        sec,
        caption,
        vec![
            tr(lang, "col-indicator"),
            tr(lang, "col-value"),
            tr(lang, "col-ci"),
            tr(lang, "col-n"),
            tr(lang, "col-promoters"),
            tr(lang, "col-passives"),
            tr(lang, "col-detractors"),
            tr(lang, "col-change"),
            tr(lang, "col-significance"),
        ],
        rows,
        run.k,
    );
}

pub(crate) fn nps_chart(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>, q: usize, by: &str) {
    let Some(nq) = run
        .survey
        .questions
        .iter()
        .find(|x| matches!(x.kind, QuestionKind::Nps { .. }))
    else {
        return;
    };
    let groups: Vec<(String, G<'_>)> = breakdown(run, q)
        .into_iter()
        .map(|(label, _, g)| (label, g))
        .collect();
    let input = NpsInput::of_groups(&nq.id, &groups);
    let name = nps_name(run, &nq.id);
    let title = tr_args(
        run.lang,
        "nps-breakdown-caption",
        &[
            ("name", name.as_str().into()),
            ("by", by.into()),
            ("year", run.year.into()),
        ],
    );
    doc.figure(
        sec,
        &title,
        |id, title| charts::nps(id, title, &name, input, run.lang, run.k),
        None,
    );
}
