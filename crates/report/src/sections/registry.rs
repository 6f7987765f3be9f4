//! Appendix «Touchpoint registry».

use otklik_survey::{Channel, Role};

use crate::build::document::{est_cells, value_cell, Doc, Sec};
use crate::build::lookups::{applies, breakdown, find, norm, standard_questions, Ind, G};
use crate::build::runs::Run;
use crate::i18n::{tr, tr_args};
use crate::model::*;

pub(crate) fn registry(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let lang = run.lang;
    let s = run.survey;
    let (Some(tq), Some(nq), Some(reg)) = (
        s.with_role(Role::Touchpoint),
        s.with_role(Role::Need),
        run.registry.as_ref(),
    ) else {
        return;
    };
    sec.para(tr_args(
        lang,
        "registry-intro",
        &[("year", run.year.into()), ("k", run.k.into())],
    ));
    let (tid, nid) = (&s.questions[tq].id, &s.questions[nq].id);
    let stds = standard_questions(s);
    let tp_groups = breakdown(run, tq);
    let mut rows = Vec::new();
    for o in s.questions[tq].kind.options() {
        let needs: Vec<String> = s.questions[nq]
            .kind
            .options()
            .iter()
            .filter(|n| {
                matches!(
                    find(reg, run.year, &[(tid, Some(&o.id)), (nid, Some(&n.id))]),
                    G::Shown(_)
                )
            })
            .map(|n| n.label.get(run.lang.code()).to_owned())
            .collect();
        let g = tp_groups
            .iter()
            .find(|(_, id, _)| id.as_deref() == Some(o.id.as_str()))
            .map_or(G::Absent, |x| x.2);
        let mut row = vec![
            Cell::Text(o.label.get(run.lang.code()).to_owned()),
            Cell::Text(match o.channel {
                Some(Channel::Digital) => tr(lang, "channel-digital"),
                Some(Channel::Offline) => tr(lang, "channel-offline"),
                None => String::new(),
            }),
            Cell::Text(needs.join("; ")),
        ];
        let [v, ci, n] = est_cells(Ind::Ccl.get(g), 1);
        row.extend([v, ci, n]);
        for &sq in &stds {
            row.push(if applies(s, sq, tq, &o.id) {
                value_cell(Ind::Standard(s.questions[sq].id.clone()).get(g), 1)
            } else {
                Cell::Empty
            });
        }
        rows.push(row);
    }
    let mut cols = vec![
        tr(lang, "col-touchpoint"),
        tr(lang, "col-type"),
        tr(lang, "col-needs"),
        tr(lang, "col-ccl"),
        tr(lang, "col-ci"),
        tr(lang, "col-n"),
    ];
    cols.extend(
        stds.iter()
            .map(|&sq| format!("{}, %", norm(s, &s.questions[sq].id, run.lang))),
    );
    doc.table(
        sec,
        tr_args(lang, "registry-caption", &[("year", run.year.into())]),
        cols,
        rows,
        run.k,
    );
}

/// The registry of every survey with touchpoints and needs; none without one.
pub(crate) fn section(doc: &mut Doc, runs: &[Run<'_>], letter: &str) -> Option<Section> {
    let with_registry: Vec<&Run<'_>> = runs.iter().filter(|r| r.registry.is_some()).collect();
    if with_registry.is_empty() {
        return None;
    }
    let mut sec = Sec::new(letter.to_owned());
    for run in with_registry {
        registry(doc, &mut sec, run);
    }
    let title = tr(doc.lang, "section-registry");
    Some(doc.section("registry", letter.to_owned(), &title, &title, sec))
}
