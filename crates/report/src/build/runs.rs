//! The analyses of each survey: the year, the years compared with, the history and
//! the breakdowns, all under one pattern of hidden cells.

use std::collections::BTreeMap;

use otklik_analytics::{analyze_protected, Analysis, Key, Protection};
use otklik_survey::{Audience, Role, Survey};

use crate::i18n::{tr_args, Lang};
use crate::{Error, Input, Params, Result};

/// One survey, analysed.
pub(crate) struct Run<'a> {
    pub survey: &'a Survey,
    pub lang: Lang,
    pub k: u32,
    /// K before multiplying by the waves.
    pub base_k: u32,
    /// The waves per year K was multiplied by (1: none).
    pub waves_pooled: u32,
    pub year: u16,
    /// The latest year compared with.
    pub prev: Option<u16>,
    /// Original period labels per year (the survey waves).
    pub waves: BTreeMap<u16, Vec<String>>,
    /// By year, over the chosen years.
    pub main: Analysis,
    /// By year, over every year up to the chosen one.
    pub hist: Analysis,
    /// By year × grouping question, over the chosen years.
    pub by: Vec<(usize, Analysis)>,
    /// By year × touchpoint × need, over the chosen years.
    pub registry: Option<Analysis>,
}

pub(crate) fn audience_label(run: &Run<'_>) -> String {
    let audience = match run.survey.audience {
        Audience::Internal => "internal",
        Audience::External => "external",
    };
    tr_args(
        run.lang,
        "audience-label",
        &[
            ("audience", audience.into()),
            ("title", run.survey.title.get(run.lang.code()).into()),
        ],
    )
}

pub(crate) fn analyse_runs<'a>(inputs: &'a [Input<'a>], params: &Params) -> Result<Vec<Run<'a>>> {
    let mut runs = Vec::new();
    for input in inputs {
        let survey = input.survey;
        if input.responses.survey_id() != survey.id {
            return Err(Error::WrongSurvey {
                expected: survey.id.clone(),
                found: input.responses.survey_id().to_owned(),
            });
        }
        let mut waves: BTreeMap<u16, Vec<String>> = BTreeMap::new();
        for p in input.responses.periods() {
            waves.entry(p.year()).or_default().push(p.to_string());
        }
        let yearly = input.responses.with_periods_as_years();
        let present: Vec<u16> = yearly.periods().iter().map(|p| p.year()).collect();
        let list = |v: &[u16]| {
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !present.contains(&params.year) {
            return Err(Error::NoData {
                survey: survey.id.clone(),
                year: params.year,
                years: list(&present),
            });
        }
        let mut compare: Vec<u16> = if params.compare.is_empty() {
            present
                .iter()
                .copied()
                .filter(|&y| y < params.year)
                .collect()
        } else {
            params.compare.clone()
        };
        compare.sort_unstable();
        compare.dedup();
        for &y in &compare {
            if y >= params.year {
                return Err(Error::Compare {
                    year: y,
                    reason: otklik_survey::Message::new("report-compare-not-earlier")
                        .with("year", params.year.to_string()),
                });
            }
            if !present.contains(&y) {
                return Err(Error::Compare {
                    year: y,
                    reason: otklik_survey::Message::new("report-compare-no-data")
                        .with("survey", format!("{:?}", survey.id)),
                });
            }
        }
        let prev = compare.last().copied();
        let chosen: Vec<usize> = (0..yearly.len())
            .filter(|&r| {
                let y = yearly.period(r).year();
                y == params.year || compare.contains(&y)
            })
            .collect();
        let history: Vec<usize> = (0..yearly.len())
            .filter(|&r| yearly.period(r).year() <= params.year)
            .collect();
        let sub = yearly.select(&chosen);
        // Every table of the report takes its hidden cells from the one pattern of the
        // whole data set, the pattern the dashboard and the CLI show too, so that no
        // combination of them discloses a hidden count. Employees answer every wave: a
        // year of w waves pools up to w answers of each person, so K responses could
        // come from fewer than K people; for internal surveys the pattern's K of the
        // tables by year is K times the most waves in a year.
        let protection = Protection::new(survey, input.responses, params.min_group)?;
        let max_waves = waves.values().map(|w| w.len() as u32).max().unwrap_or(1);
        let base_k = params.min_group.unwrap_or(survey.min_group);
        let pooled = survey.audience == Audience::Internal && max_waves > 1;
        let run_params = |by: Vec<Key>| otklik_analytics::Params {
            by,
            min_group: params.min_group,
            texts: false,
        };
        let main = analyze_protected(survey, &sub, &run_params(vec![Key::Period]), &protection)?;
        let hist = if history.len() == chosen.len() {
            main.clone()
        } else {
            analyze_protected(
                survey,
                &yearly.select(&history),
                &run_params(vec![Key::Period]),
                &protection,
            )?
        };
        let mut by = Vec::new();
        for q in survey.group_questions() {
            let key = Key::Question(survey.questions[q].id.clone());
            by.push((
                q,
                analyze_protected(
                    survey,
                    &sub,
                    &run_params(vec![Key::Period, key]),
                    &protection,
                )?,
            ));
        }
        let registry = match (
            survey.with_role(Role::Touchpoint),
            survey.with_role(Role::Need),
        ) {
            (Some(t), Some(n))
                if survey.group_questions().any(|q| q == t)
                    && survey.group_questions().any(|q| q == n) =>
            {
                Some(analyze_protected(
                    survey,
                    &sub,
                    &run_params(vec![
                        Key::Period,
                        Key::Question(survey.questions[t].id.clone()),
                        Key::Question(survey.questions[n].id.clone()),
                    ]),
                    &protection,
                )?)
            }
            _ => None,
        };
        runs.push(Run {
            base_k,
            waves_pooled: if pooled { max_waves } else { 1 },
            survey,
            lang: params.lang,
            k: main.min_group,
            year: params.year,
            prev,
            waves,
            main,
            hist,
            by,
            registry,
        });
    }
    Ok(runs)
}
