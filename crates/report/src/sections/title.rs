//! The title page.

use crate::build::runs::{audience_label, Run};
use crate::i18n::{words, Lang};
use crate::model::*;
use crate::Params;

/// The title page: the organisation, the surveys, the years and the date.
pub(crate) fn title_page(params: &Params, runs: &[Run<'_>]) -> TitlePage {
    let lang = params.lang;
    let w = words(lang);
    let mut lines = vec![(w.organisation.to_owned(), params.organisation.clone())];
    for run in runs {
        lines.push((w.surveys.to_owned(), audience_label(run)));
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
        w.compared_with.to_owned(),
        if compare.is_empty() {
            w.no_comparison.to_owned()
        } else {
            compare
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        },
    ));
    lines.push((w.prepared.to_owned(), params.prepared.long(lang)));
    TitlePage {
        organisation: params.organisation.clone(),
        heading: match lang {
            Lang::Ru => format!("{} {} год", w.heading, params.year),
            Lang::En => format!("{} {}", w.heading, params.year),
        },
        subtitle: w.subtitle.to_owned(),
        year: params.year,
        compare,
        lines,
        prepared: params.prepared,
    }
}
