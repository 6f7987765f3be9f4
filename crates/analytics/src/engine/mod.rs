//! The single columnar pass and the assembly of the result.
//!
//! One analysis runs in four steps:
//!
//! 1. **Plan** ([`plan`](plan::plan)): the grouping keys are resolved against the
//!    survey, every row is given its cell (one per combination of the keys' codes),
//!    and each question is given its place in the accumulators.
//! 2. **Passes** ([`acc`]): one pass over the columns adds every row into its cell's
//!    accumulators ([`Acc`](acc::Acc)), exact integer sums and counts, in shards (on as
//!    many threads, natively) that add up to the very same result. The respondent
//!    level figures (dimension scores, the level, Cronbach's sums, drivers) come from
//!    the blocked [`score`] pass; the service standards from [`standards`].
//!    [`analyze_many`] accumulates the finest grouping once and rolls it up into the
//!    others; [`Split`] runs the pass in parts of the responses.
//! 3. **Assembly** ([`assemble`]): the figures of every group are computed from the
//!    accumulators, family by family, and those that would disclose a group too small
//!    to publish are hidden ([`hidden`]: each cell's place in the [`Protection`] of the
//!    publication set, [`publication`]).
//! 4. **Changes** ([`changes`]): with the period the first key, the shown figures of
//!    consecutive periods are compared, and their trends fitted.

mod acc;
mod assemble;
mod changes;
mod hidden;
mod plan;
mod publication;
mod score;
mod score_fast;
mod score_sums;
mod split;
mod standards;
#[cfg(test)]
mod tests;

pub use publication::{text_grouping, Protection};
pub use split::{Part, Split};

use otklik_survey::{Responses, Survey};

use crate::output::*;
use crate::{Error, Key, Params, Result};
use acc::{accumulate_with, rollup, shards, Acc, Pass};
use assemble::finish;
use plan::{plan, Plan};
use publication::Dim;
use standards::{std_forms, StdAcc, StdForm};

/// Computes the indicator catalogue for `data`, grouped as `params` asks.
pub fn analyze(survey: &Survey, data: &Responses, params: &Params) -> Result<Analysis> {
    analyze_with(survey, data, params, None)
}

/// [`analyze`] with the pass split into `parts` parts of the responses (on as many
/// threads, natively), whatever their number. The result does not depend on `parts`.
#[doc(hidden)]
pub fn analyze_in_parts(
    survey: &Survey,
    data: &Responses,
    params: &Params,
    parts: usize,
) -> Result<Analysis> {
    analyze_with(survey, data, params, Some(parts))
}

/// The pass in `parts` parts, or in as many as [`shards`] chooses.
fn analyze_with(
    survey: &Survey,
    data: &Responses,
    params: &Params,
    parts: Option<usize>,
) -> Result<Analysis> {
    thresholds(survey, data, params)?;
    let protection = Protection::new(survey, data, params.min_group)?;
    protected_with(survey, data, params, &protection, parts)
}

/// [`analyze`] with the hidden cells of `protection`: the pattern of the data set that
/// `data` is (or is a selection of whole periods of, possibly as years; see
/// [`Responses::with_periods_as_years`]). A report made of several analyses of
/// one data set uses one protection for all, so that combining them discloses nothing.
/// K is the protection's: `params.min_group` is only checked (never below the survey's).
pub fn analyze_protected(
    survey: &Survey,
    data: &Responses,
    params: &Params,
    protection: &Protection,
) -> Result<Analysis> {
    protected_with(survey, data, params, protection, None)
}

fn protected_with(
    survey: &Survey,
    data: &Responses,
    params: &Params,
    protection: &Protection,
    parts: Option<usize>,
) -> Result<Analysis> {
    thresholds(survey, data, params)?;
    let plan = plan(survey, data, params)?;
    let dims = published(survey, data, params, protection)?;
    let parts = parts.unwrap_or_else(|| shards(data.len(), plan.cells));
    let forms = std_forms(&plan, data);
    let acc = accumulate_with(&plan, data, 0..data.len(), Pass::new(parts), &forms);
    Ok(finish(survey, data, &plan, &acc, protection, &dims))
}

/// The table of `params.by` in the publication set, or the error that names the tables.
fn published(
    survey: &Survey,
    data: &Responses,
    params: &Params,
    protection: &Protection,
) -> Result<Vec<Dim>> {
    protection
        .dims_of(survey, data, &params.by)
        .ok_or_else(|| Error::NotPublished {
            by: if params.by.is_empty() {
                "(overall)".to_owned()
            } else {
                params
                    .by
                    .iter()
                    .map(Key::name)
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            tables: protection
                .tables(survey)
                .iter()
                .map(|t| {
                    if t.is_empty() {
                        "(overall)".to_owned()
                    } else {
                        t.join(", ")
                    }
                })
                .collect::<Vec<_>>()
                .join("; "),
        })
}

/// K for figures and K for free text, after the checks every analysis makes.
fn thresholds(survey: &Survey, data: &Responses, params: &Params) -> Result<(u32, u32)> {
    let k = params.min_group.unwrap_or(survey.min_group);
    if k < 3 {
        return Err(Error::MinGroup(k));
    }
    if k < survey.min_group {
        return Err(Error::MinGroupBelowSurvey {
            found: k,
            survey: survey.min_group,
        });
    }
    if let Some(first) = data.periods().first() {
        if let Some(other) = data
            .periods()
            .iter()
            .find(|p| p.granularity() != first.granularity())
        {
            return Err(Error::MixedGranularity(
                first.to_string(),
                other.to_string(),
            ));
        }
    }
    Ok((k, survey.min_group_text.max(k)))
}

/// Computes several groupings in one pass over the responses: the finest grouping
/// is accumulated once and rolled up into the others (every accumulator adds up).
/// The results equal those of [`analyze`] called for each `Params` in turn.
///
/// The groupings must nest: each one's keys must appear, in the same order, in the
/// longest one (as `[]`, `[period]`, `[period, dept]` do); otherwise, and when the
/// `Params` differ in anything but their keys and `texts`, each is analysed alone.
pub fn analyze_many(survey: &Survey, data: &Responses, list: &[Params]) -> Result<Vec<Analysis>> {
    let k = list.first().and_then(|p| p.min_group);
    if list.iter().any(|p| p.min_group != k) {
        return list.iter().map(|p| analyze(survey, data, p)).collect();
    }
    if let Some(p) = list.first() {
        thresholds(survey, data, p)?;
    }
    let protection = Protection::new(survey, data, k)?;
    analyze_many_protected(survey, data, list, &protection)
}

/// [`analyze_many`] with the hidden cells of `protection` (made once per data set by
/// [`Protection::new`]; its K applies).
pub fn analyze_many_protected(
    survey: &Survey,
    data: &Responses,
    list: &[Params],
    protection: &Protection,
) -> Result<Vec<Analysis>> {
    let split = match list.len() {
        0 | 1 => None,
        _ => Split::new(survey, data, list)?,
    };
    match split {
        Some(split) => {
            let part = split.run(survey, data, 0..data.len(), 0)?;
            split.finish_protected(survey, data, list, vec![part], protection)
        }
        None => list
            .iter()
            .map(|p| analyze_protected(survey, data, p, protection))
            .collect(),
    }
}
