//! Changes between consecutive periods and trends over all of them.

use indexmap::IndexMap;
use otklik_survey::Responses;

use super::plan::{cell_key, Plan};
use crate::output::*;
use crate::stats;

/// The value behind a figure that can change between periods.
#[derive(Clone, Copy)]
pub(super) enum Basis {
    Mean { mean: f64, var: Option<f64>, n: u64 },
    Share { k: u64, n: u64 },
    Nps { value: f64, se: f64 },
}

impl Basis {
    pub(super) fn value(&self) -> f64 {
        match *self {
            Basis::Mean { mean, .. } => mean,
            Basis::Share { k, n } => k as f64 / n as f64,
            Basis::Nps { value, .. } => value,
        }
    }
}

pub(super) fn change(a: Basis, b: Basis) -> Option<Change> {
    let (test, stat, df, p) = match (a, b) {
        (
            Basis::Mean {
                mean: m1,
                var: Some(v1),
                n: n1,
            },
            Basis::Mean {
                mean: m2,
                var: Some(v2),
                n: n2,
            },
        ) => {
            let (t, df, p) = stats::welch(m1, v1, n1, m2, v2, n2)?;
            (Test::Welch, t, Some(df), p)
        }
        (Basis::Share { k: k1, n: n1 }, Basis::Share { k: k2, n: n2 }) => {
            let (z, p) = stats::two_proportion_z(k1, n1, k2, n2)?;
            (Test::TwoProportionZ, z, None, p)
        }
        (Basis::Nps { value: v1, se: s1 }, Basis::Nps { value: v2, se: s2 }) => {
            let se = (s1 * s1 + s2 * s2).sqrt();
            if se <= 0.0 {
                return None;
            }
            let z = (v2 - v1) / se;
            (Test::NpsZ, z, None, stats::z_two_sided_p(z))
        }
        _ => return None,
    };
    let (from, to) = (a.value(), b.value());
    Some(Change {
        from,
        to,
        delta: to - from,
        test,
        stat,
        df,
        p,
        significant: p < 0.05,
    })
}

pub(super) fn changes_and_trends(
    plan: &Plan<'_>,
    data: &Responses,
    live: &[usize],
    bases: &IndexMap<String, Vec<Option<Basis>>>,
) -> (Vec<PeriodChange>, Vec<Trend>) {
    let pk = &plan.keys[0];
    let periods = data.periods();
    let mut rests: Vec<usize> = live.iter().map(|&c| c % pk.stride).collect();
    rests.sort_unstable();
    rests.dedup();
    let mut changes = Vec::new();
    let mut trends = Vec::new();
    for rest in rests {
        let mut key = cell_key(plan, data, rest);
        key.shift_remove("period");
        for p in 1..periods.len() {
            let (a, b) = ((p - 1) * pk.stride + rest, p * pk.stride + rest);
            let figures: IndexMap<String, Change> = bases
                .iter()
                .filter_map(|(path, v)| Some((path.clone(), change(v[a]?, v[b]?)?)))
                .collect();
            if !figures.is_empty() {
                changes.push(PeriodChange {
                    key: key.clone(),
                    from: periods[p - 1].to_string(),
                    to: periods[p].to_string(),
                    figures,
                });
            }
        }
        let figures: IndexMap<String, TrendStats> = bases
            .iter()
            .filter_map(|(path, v)| {
                let points: Vec<(f64, f64)> = (0..periods.len())
                    .filter_map(|p| v[p * pk.stride + rest].map(|b| (p as f64, b.value())))
                    .collect();
                let (slope, p) = stats::ols_slope(&points)?;
                Some((
                    path.clone(),
                    TrendStats {
                        periods: points.len(),
                        slope,
                        p,
                        significant: p.is_some_and(|p| p < 0.05),
                    },
                ))
            })
            .collect();
        if !figures.is_empty() {
            trends.push(Trend { key, figures });
        }
    }
    (changes, trends)
}
