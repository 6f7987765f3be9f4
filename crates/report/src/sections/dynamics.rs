//! Section «Dynamics»: the indicators over the years and their trends.

use otklik_charts::{Datum, Estimate, TrendInput, TrendSeries};
use otklik_survey::QuestionKind;

use crate::build::document::{significance, Doc, Sec};
use crate::build::lookups::{find, key_indicators, nps_name, Ind, F, G};
use crate::build::runs::{audience_label, Run};
use crate::charts;
use crate::i18n::{tr, tr_args};
use crate::model::*;

pub(crate) fn estimate(f: F) -> Datum<Estimate> {
    match f {
        F::Shown(e) => Datum::Shown(Estimate {
            value: e.value,
            ci95: e.ci,
        }),
        F::Suppressed => Datum::Suppressed,
        F::Absent => Datum::Missing,
    }
}

pub(crate) fn dynamics(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let lang = run.lang;
    let s = run.survey;
    sec.sub(audience_label(run));
    let years: Vec<u16> = run
        .hist
        .periods
        .iter()
        .filter_map(|p| p.parse().ok())
        .collect();
    let groups: Vec<G<'_>> = years.iter().map(|&y| find(&run.hist, y, &[])).collect();
    let periods: Vec<String> = years.iter().map(ToString::to_string).collect();

    if !s.dimensions.is_empty() {
        let title = tr(lang, "dynamics-ccl-caption");
        doc.figure(
            sec,
            &title,
            |id, title| {
                charts::trend(
                    id,
                    title,
                    TrendInput {
                        periods: periods.clone(),
                        series: vec![TrendSeries {
                            name: tr(lang, "indicator-ccl"),
                            values: groups.iter().map(|g| estimate(Ind::Ccl.get(*g))).collect(),
                        }],
                        y_range: TrendInput::INDEX_RANGE,
                    },
                    run.lang,
                    run.k,
                )
            },
            None,
        );
        let dims: Vec<Ind> = s
            .dimensions
            .iter()
            .map(|d| Ind::Dim(d.id.clone()))
            .collect();
        if dims.len() <= 6 {
            let title = tr(lang, "dynamics-areas-caption");
            doc.figure(
                sec,
                &title,
                |id, title| {
                    charts::trend(
                        id,
                        title,
                        TrendInput {
                            periods: periods.clone(),
                            series: dims
                                .iter()
                                .map(|d| TrendSeries {
                                    name: d.label(run),
                                    values: groups.iter().map(|g| estimate(d.get(*g))).collect(),
                                })
                                .collect(),
                            y_range: TrendInput::INDEX_RANGE,
                        },
                        run.lang,
                        run.k,
                    )
                },
                None,
            );
        }
    }
    for q in &s.questions {
        if matches!(q.kind, QuestionKind::Nps { .. }) {
            let ind = Ind::Nps(q.id.clone());
            let name = nps_name(run, &q.id);
            let title = tr_args(
                lang,
                "dynamics-nps-caption",
                &[("name", name.as_str().into())],
            );
            doc.figure(
                sec,
                &title,
                |id, title| {
                    charts::trend(
                        id,
                        title,
                        TrendInput {
                            periods: periods.clone(),
                            series: vec![TrendSeries {
                                name,
                                values: groups.iter().map(|g| estimate(ind.get(*g))).collect(),
                            }],
                            y_range: TrendInput::NPS_RANGE,
                        },
                        run.lang,
                        run.k,
                    )
                },
                None,
            );
        }
    }

    // The values per year with their intervals: indicators × years.
    let inds = key_indicators(s);
    let rows = inds
        .iter()
        .map(|ind| {
            let mut row = vec![Cell::Text(ind.label(run))];
            row.extend(groups.iter().map(|g| match ind.get(*g) {
                F::Shown(e) => Cell::Estimate {
                    value: e.value,
                    ci: e.ci,
                    decimals: 1,
                },
                F::Suppressed => Cell::Suppressed,
                F::Absent => Cell::Empty,
            }));
            row
        })
        .collect();
    let mut cols = vec![tr(lang, "col-indicator")];
    cols.extend(periods.iter().cloned());
    doc.table(sec, tr(lang, "dynamics-table-caption"), cols, rows, run.k);

    // Trends (OLS over the years with a shown value).
    if let Some(trend) = run.hist.trends.iter().find(|t| t.key.is_empty()) {
        let rows: Vec<Vec<Cell>> = inds
            .iter()
            .filter_map(|ind| {
                let t = trend.figures.get(&ind.figure().path())?;
                Some(vec![
                    Cell::Text(ind.label(run)),
                    Cell::Int(t.periods as u64),
                    Cell::Delta {
                        value: ind.display_delta(t.slope),
                        decimals: 2,
                    },
                    t.p.map_or(Cell::Empty, Cell::P),
                    Cell::Text(significance(t.significant, lang)),
                ])
            })
            .collect();
        if !rows.is_empty() {
            doc.table(
                sec,
                tr(lang, "dynamics-trends-caption"),
                vec![
                    tr(lang, "col-indicator"),
                    tr(lang, "col-years"),
                    tr(lang, "col-slope"),
                    tr(lang, "col-p"),
                    tr(lang, "col-significance"),
                ],
                rows,
                run.k,
            );
        }
    }
}

/// The dynamics of every survey.
pub(crate) fn section(doc: &mut Doc, runs: &[Run<'_>], number: String) -> Section {
    let title = tr(doc.lang, "section-dynamics");
    let mut sec = Sec::new(number.clone());
    for run in runs {
        dynamics(doc, &mut sec, run);
    }
    doc.section("dynamics", number, &title, &title, sec)
}
