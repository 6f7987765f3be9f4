//! Section «External clients».

use otklik_analytics::Fig;
use otklik_survey::{QuestionKind, Role};

use crate::build::document::{indicator_rows, Doc, Sec};
use crate::build::lookups::{find, key_indicators, standard_questions, Ind};
use crate::build::runs::Run;
use crate::i18n::{tr, tr_args};
use crate::model::*;
use crate::sections::channels::channel_mix;
use crate::sections::common::{
    breakdown_table, dimension_breakdown, dimensions_table, items_table, nps_chart, nps_table,
};
use crate::sections::standards::{standards_by_touchpoint, standards_table};

pub(crate) fn external(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let lang = run.lang;
    let s = run.survey;
    sec.sub(tr(lang, "external-areas-heading"));
    dimensions_table(
        doc,
        sec,
        run,
        tr_args(lang, "external-areas-caption", &[("year", run.year.into())]),
    );
    items_table(doc, sec, run);

    if let Some(tq) = s.with_role(Role::Touchpoint) {
        sec.sub(tr(lang, "external-touchpoints-heading"));
        channel_mix(doc, sec, run, tq);
        breakdown_table(
            doc,
            sec,
            run,
            tq,
            tr_args(
                lang,
                "external-touchpoints-caption",
                &[("year", run.year.into())],
            ),
            &tr(lang, "col-touchpoint"),
        );
    }
    if let Some(q) = s.with_role(Role::Segment) {
        let by = tr(lang, "external-segments-by");
        sec.sub(tr(lang, "external-segments-heading"));
        breakdown_table(
            doc,
            sec,
            run,
            q,
            tr_args(
                lang,
                "external-segments-caption",
                &[("year", run.year.into())],
            ),
            &tr(lang, "col-segment"),
        );
        dimension_breakdown(doc, sec, run, q, &tr(lang, "col-segment"), &by);
        nps_chart(doc, sec, run, q, &by);
    }
    if let Some(q) = s.with_role(Role::Need) {
        sec.sub(tr(lang, "external-needs-heading"));
        breakdown_table(
            doc,
            sec,
            run,
            q,
            tr_args(lang, "external-needs-caption", &[("year", run.year.into())]),
            &tr(lang, "col-need"),
        );
    }
    if !standard_questions(s).is_empty() {
        sec.sub(tr(lang, "external-standards-heading"));
        sec.para(tr(lang, "external-standards-norms"));
        standards_table(doc, sec, run);
        standards_by_touchpoint(doc, sec, run);
    }
    let has_nps = s
        .questions
        .iter()
        .any(|q| matches!(q.kind, QuestionKind::Nps { .. }));
    let ces = s.with_role(Role::Effort);
    let res = s.with_role(Role::Resolution);
    if has_nps || ces.is_some() || res.is_some() {
        sec.sub(tr(lang, "external-resolution-heading"));
        let inds: Vec<Ind> = key_indicators(s)
            .into_iter()
            .filter(|i| matches!(i, Ind::Resolution(_) | Ind::Ces(_)))
            .collect();
        if !inds.is_empty() {
            let year = find(&run.main, run.year, &[]);
            let rows = indicator_rows(run, &inds, |ind| match ind {
                Ind::Ces(id) => vec![match year.shown().and_then(|g| g.ces.get(id)) {
                    Some(Fig::Shown(c)) => Cell::Num {
                        value: c.mean,
                        decimals: 2,
                    },
                    Some(Fig::Suppressed) => Cell::Suppressed,
                    None => Cell::Empty,
                }],
                _ => vec![Cell::Empty],
            });
            doc.table(
                sec,
                tr_args(
                    lang,
                    "external-resolution-caption",
                    &[("year", run.year.into())],
                ),
                vec![
                    tr(lang, "col-indicator"),
                    tr(lang, "col-share"),
                    tr(lang, "col-ci"),
                    tr(lang, "col-n"),
                    tr(lang, "col-ces-mean"),
                    tr(lang, "col-change-pp"),
                    tr(lang, "col-significance"),
                ],
                rows,
                run.k,
            );
        }
        nps_table(doc, sec, run);
    }
}
