//! From surveys and responses to the report model: the analyses and the sections.
//!
//! How a report is built:
//! 1. [`runs`]: each survey is analysed for the year and the years compared with,
//!    by year, by each grouping question and for the registry (one [`Run`] each);
//! 2. [`lookups`]: the section writers find a year's group, a change or an
//!    indicator's value in those analyses;
//! 3. [`crate::sections`]: the writers add the sections in the order of [`build`]
//!    below, each through [`document`], which numbers the subheadings, tables and
//!    charts;
//! 4. the title page, the sections, the generated recommendations and the
//!    reproducibility stamp make the [`Report`].

pub(crate) mod document;
pub(crate) mod lookups;
pub(crate) mod runs;

use otklik_survey::Audience;

use crate::i18n::tr;
use crate::model::*;
use crate::sections::{
    dynamics, external, internal, methodology, priorities, registry, stamp, summary, title,
};
use crate::{Error, Input, Params, Result};
use document::{Doc, Sec};
pub(crate) use lookups::{change, find, norm, question_text, scale_items, Ind, F};
pub(crate) use runs::Run;
use runs::{analyse_runs, audience_label};

/// Builds the report of `inputs` (one survey each; at most one internal and one
/// external survey make the usual report) for `params.year`.
pub fn build(inputs: &[Input<'_>], params: &Params) -> Result<Report> {
    if inputs.is_empty() {
        return Err(Error::NoSurvey);
    }
    let lang = params.lang;
    let runs = analyse_runs(inputs, params)?;
    let mut doc = Doc::new(lang);
    let mut number = 0;
    let mut next = || {
        number += 1;
        number.to_string()
    };

    // The sections, in order: numbered ones (a client section only where there are
    // surveys of its audience), then the appendices, lettered (the registry only
    // where a survey has touchpoints and needs).

    // 1. Summary.
    let mut sections = vec![summary::section(&mut doc, &runs, next())];
    // 2. Internal clients, 3. External clients.
    sections.extend(clients(&mut doc, &runs, Audience::Internal, &mut next));
    sections.extend(clients(&mut doc, &runs, Audience::External, &mut next));
    // 4. Dynamics.
    sections.push(dynamics::section(&mut doc, &runs, next()));
    // 5. Priorities and recommendations.
    let (priorities, generated) = priorities::section(&mut doc, &runs, params, next());
    sections.push(priorities);
    // 6. Methodology and anonymity.
    sections.push(methodology::section(&mut doc, &runs, next()));
    // Appendices.
    let registry = registry::section(&mut doc, &runs, &tr(lang, "doc-appendix-first"));
    let stamp_letter = tr(
        lang,
        if registry.is_some() {
            "doc-appendix-second"
        } else {
            "doc-appendix-first"
        },
    );
    sections.extend(registry);
    let stamp = stamp::stamp(inputs, params, &runs);
    sections.push(stamp::section(&mut doc, &stamp, &stamp_letter));

    Ok(Report {
        lang,
        title: title::title_page(params, &runs),
        sections,
        generated_recommendations: generated.join("\n"),
        stamp,
    })
}

/// The section of one audience's surveys (internal or external clients); none
/// without a survey of the audience.
fn clients(
    doc: &mut Doc,
    runs: &[Run<'_>],
    audience: Audience,
    next: &mut impl FnMut() -> String,
) -> Option<Section> {
    let (id, title) = match audience {
        Audience::Internal => ("internal", tr(doc.lang, "section-internal")),
        Audience::External => ("external", tr(doc.lang, "section-external")),
    };
    let these: Vec<&Run<'_>> = runs
        .iter()
        .filter(|r| r.survey.audience == audience)
        .collect();
    if these.is_empty() {
        return None;
    }
    let n = next();
    let mut sec = Sec::new(n.clone());
    for run in these {
        if runs.len() > 1 {
            sec.para(audience_label(run));
        }
        match audience {
            Audience::Internal => internal::internal(doc, &mut sec, run),
            Audience::External => external::external(doc, &mut sec, run),
        }
    }
    Some(doc.section(id, n, &title, &title, sec))
}
