//! The title page.

use crate::build::runs::{audience_label, Run};
use crate::i18n::{tr, tr_args};
use crate::model::*;
use crate::Params;

/// The title page: the organisation, the surveys, the years and the date.
pub(crate) fn title_page(params: &Params, runs: &[Run<'_>]) -> TitlePage {
    let lang = params.lang;
    let mut lines = vec![(tr(lang, "label-organisation"), params.organisation.clone())];
    for run in runs {
        lines.push((tr(lang, "label-surveys"), audience_label(run)));
    }
    let compare: Vec<u16> = {
        let mut c: Vec<u16> = runs
            .iter()
            .flat_map(|r| r.main.periods.iter().filter_map(|p| p.parse().ok()))
            .filter(|&y| y != params.year)
            .collect();
        c.sort_unstable();
        c.dedup();
        c
    };
    lines.push((
        tr(lang, "label-compared-with"),
        if compare.is_empty() {
            tr(lang, "label-no-comparison")
        } else {
            compare
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        },
    ));
    lines.push((tr(lang, "label-prepared"), params.prepared.long(lang)));
    TitlePage {
        organisation: params.organisation.clone(),
        heading: tr_args(lang, "title-heading", &[("year", params.year.into())]),
        subtitle: tr(lang, "title-subtitle"),
        year: params.year,
        compare,
        lines,
        prepared: params.prepared,
    }
}
