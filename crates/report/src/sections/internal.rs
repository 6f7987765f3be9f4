//! Section «Internal clients».

use otklik_survey::{QuestionKind, Role};

use crate::build::document::{Doc, Sec};
use crate::build::lookups::standard_questions;
use crate::build::runs::Run;
use crate::i18n::{tr, tr_args};
use crate::sections::common::{
    breakdown_table, dimension_breakdown, dimensions_table, items_table, likert_chart, nps_chart,
    nps_table,
};
use crate::sections::standards::standards_table;

pub(crate) fn internal(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let lang = run.lang;
    let s = run.survey;
    sec.sub(tr(lang, "internal-areas-heading"));
    let ids: Vec<&str> = s.dimensions.iter().map(|d| d.id.as_str()).collect();
    if ["conditions", "discipline", "manager", "climate"]
        .iter()
        .all(|d| ids.contains(d))
    {
        sec.para(tr(lang, "internal-areas-standard"));
    }
    dimensions_table(
        doc,
        sec,
        run,
        tr_args(lang, "internal-areas-caption", &[("year", run.year.into())]),
    );
    sec.sub(tr(lang, "internal-items-heading"));
    likert_chart(doc, sec, run);
    items_table(doc, sec, run);

    if let Some(q) = s
        .with_role(Role::Segment)
        .or_else(|| s.group_questions().next())
    {
        let by = tr(lang, "internal-units-by");
        sec.sub(tr(lang, "internal-units-heading"));
        sec.para(tr_args(lang, "internal-units-note", &[("k", run.k.into())]));
        breakdown_table(
            doc,
            sec,
            run,
            q,
            tr_args(lang, "internal-units-caption", &[("year", run.year.into())]),
            &tr(lang, "col-unit"),
        );
        dimension_breakdown(doc, sec, run, q, &tr(lang, "col-unit"), &by);
        nps_chart(doc, sec, run, q, &by);
    }
    if !standard_questions(s).is_empty() {
        sec.sub(tr(lang, "internal-standards-heading"));
        standards_table(doc, sec, run);
    }
    if s.questions
        .iter()
        .any(|q| matches!(q.kind, QuestionKind::Nps { .. }))
    {
        sec.sub(tr(lang, "internal-enps-heading"));
        nps_table(doc, sec, run);
    }
}
