//! The service standards' answers per cell, counted per value or kept as values.

use otklik_survey::Responses;
use serde::{Deserialize, Serialize};

use super::plan::{number_column, Plan};
use crate::stats;

/// The answers to one service-standard question, per cell: counts per value when
/// every answer is a multiple of a common step (whole minutes, half minutes, tenths of
/// a day) in a narrow range, otherwise the values themselves. Either way the median
/// and p90 are exact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) enum StdAcc {
    Counts {
        /// Slot `j` counts the value `(lo + j) / per_unit`.
        lo: i64,
        per_unit: f64,
        width: usize,
        /// `cells × width` counts.
        counts: Vec<u32>,
        /// Answers outside the slots (only when the form was not chosen from these
        /// answers: a part of a split pass given a damaged form).
        outside: u64,
    },
    Values(Vec<Vec<f64>>),
}

/// How the answers to a service-standard question are accumulated ([`StdAcc`]): the
/// same for every part of a pass, so that the parts add up.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub(super) enum StdForm {
    /// Counts per value `(lo + j) / per_unit`, `j < width`.
    Counts {
        lo: i64,
        per_unit: f64,
        width: usize,
    },
    /// The values themselves.
    Values,
}

impl StdForm {
    /// The form that suits all of `values` (NaN = no answer), in `cells` cells.
    pub(super) fn of(values: &[f64], cells: usize) -> StdForm {
        // The coarsest step that holds every answer exactly: `k / per_unit` is the
        // correctly rounded quotient, as the parsed decimal is, so it gives back the
        // very same number.
        let fits = |per_unit: f64| -> Option<(i64, i64)> {
            let (mut lo, mut hi) = (i64::MAX, i64::MIN);
            for &x in values.iter().filter(|x| !x.is_nan()) {
                // Ties go to even (one WebAssembly instruction, where `round` is a call):
                // a tie is never a whole number of steps, so it fails the check either way.
                let k = (x * per_unit).round_ties_even();
                if k.abs() >= 1e12 || k / per_unit != x {
                    return None;
                }
                lo = lo.min(k as i64);
                hi = hi.max(k as i64);
            }
            Some((lo, hi))
        };
        [1.0, 2.0, 4.0, 10.0, 100.0]
            .into_iter()
            .find_map(|per_unit| {
                let (lo, hi) = fits(per_unit)?;
                let width = if lo <= hi { (hi - lo) as usize + 1 } else { 1 };
                (width <= STD_MAX_WIDTH && width.saturating_mul(cells) <= STD_MAX_SLOTS).then_some(
                    StdForm::Counts {
                        lo: lo.min(hi),
                        per_unit,
                        width,
                    },
                )
            })
            .unwrap_or(StdForm::Values)
    }
}

/// Slots per cell (and in all) up to which answers are counted per value.
const STD_MAX_WIDTH: usize = 1 << 16;
const STD_MAX_SLOTS: usize = 1 << 22;

impl StdAcc {
    #[cfg(test)]
    /// Accumulates `values` (NaN = no answer) into `cells` cells.
    pub(super) fn collect(values: &[f64], cell_of: &[u32], cells: usize) -> StdAcc {
        let mut acc = StdAcc::new(StdForm::of(values, cells), cells);
        acc.count(values, cell_of);
        acc
    }

    /// No answers yet, in `cells` cells, in the form `form`.
    pub(super) fn new(form: StdForm, cells: usize) -> StdAcc {
        match form {
            StdForm::Counts {
                lo,
                per_unit,
                width,
            } => StdAcc::Counts {
                lo,
                per_unit,
                width,
                counts: vec![0; cells * width],
                outside: 0,
            },
            StdForm::Values => StdAcc::Values(vec![Vec::new(); cells]),
        }
    }

    /// The form of these accumulators.
    pub(super) fn form(&self) -> StdForm {
        match *self {
            StdAcc::Counts {
                lo,
                per_unit,
                width,
                ..
            } => StdForm::Counts {
                lo,
                per_unit,
                width,
            },
            StdAcc::Values(_) => StdForm::Values,
        }
    }

    /// Adds `values` (NaN = no answer; each held by the form) of rows in cells `cell_of`.
    pub(super) fn count(&mut self, values: &[f64], cell_of: &[u32]) {
        match self {
            StdAcc::Counts {
                lo,
                per_unit,
                width,
                counts,
                outside,
            } => {
                for (&c, &x) in cell_of.iter().zip(values) {
                    if !x.is_nan() {
                        // A whole number of steps, up to the product's rounding.
                        // (A damaged form from another worker may hold any `lo`: the
                        // difference wraps, and lands outside the slots.)
                        let j =
                            ((x * *per_unit).round_ties_even() as i64).wrapping_sub(*lo) as usize;
                        if j < *width {
                            counts[c as usize * *width + j] += 1;
                        } else {
                            *outside += 1;
                        }
                    }
                }
            }
            StdAcc::Values(lists) => {
                for (&c, &x) in cell_of.iter().zip(values) {
                    if !x.is_nan() {
                        lists[c as usize].push(x);
                    }
                }
            }
        }
    }

    /// Adds the answers of `from`'s cell `fc` to cell `c`.
    pub(super) fn add_cell(&mut self, c: usize, from: &StdAcc, fc: usize) {
        match (self, from) {
            (
                StdAcc::Counts {
                    width,
                    counts,
                    outside,
                    ..
                },
                StdAcc::Counts {
                    counts: src,
                    outside: out,
                    ..
                },
            ) => {
                *outside += out;
                let w = *width;
                for (x, y) in counts[c * w..(c + 1) * w]
                    .iter_mut()
                    .zip(&src[fc * w..(fc + 1) * w])
                {
                    *x += *y;
                }
            }
            (StdAcc::Values(lists), StdAcc::Values(src)) => {
                let v = src[fc].clone();
                lists[c].extend(v);
            }
            _ => unreachable!("a roll-up keeps the form"),
        }
    }

    /// Answers in cell `c`.
    #[cfg(test)]
    pub(super) fn n(&self, c: usize) -> u64 {
        match self {
            StdAcc::Counts { width, counts, .. } => counts[c * width..(c + 1) * width]
                .iter()
                .map(|&x| u64::from(x))
                .sum(),
            StdAcc::Values(lists) => lists[c].len() as u64,
        }
    }

    /// Count, count within `max`, median and p90 of cell `c` (which has answers).
    pub(super) fn summary(&self, c: usize, max: f64) -> (u64, u64, f64, f64) {
        match self {
            StdAcc::Counts {
                lo,
                per_unit,
                width,
                counts,
                ..
            } => {
                let cell = &counts[c * width..(c + 1) * width];
                let value = |j: usize| (*lo + j as i64) as f64 / per_unit;
                let n: u64 = cell.iter().map(|&x| u64::from(x)).sum();
                let ok: u64 = cell
                    .iter()
                    .enumerate()
                    .take_while(|&(j, _)| value(j) <= max)
                    .map(|(_, &x)| u64::from(x))
                    .sum();
                // The value at a rank of the sorted answers.
                let nth = |rank: u64| -> f64 {
                    let mut seen = 0u64;
                    for (j, &x) in cell.iter().enumerate() {
                        seen += u64::from(x);
                        if seen > rank {
                            return value(j);
                        }
                    }
                    unreachable!("rank below the count")
                };
                let q = |p: f64| stats::quantile_by_rank(n as usize, p, |r| nth(r as u64));
                (n, ok, q(0.5), q(0.9))
            }
            StdAcc::Values(lists) => sorted_summary(&lists[c], max),
        }
    }
}

/// Count, count within `max`, median and p90 of `values`, by sorting a copy.
pub(super) fn sorted_summary(values: &[f64], max: f64) -> (u64, u64, f64, f64) {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let ok = v.iter().filter(|&&x| x <= max).count() as u64;
    (
        v.len() as u64,
        ok,
        stats::quantile_sorted(&v, 0.5),
        stats::quantile_sorted(&v, 0.9),
    )
}

/// The forms of `plan`'s standards that suit all of `data`'s answers.
pub(super) fn std_forms(plan: &Plan<'_>, data: &Responses) -> Vec<StdForm> {
    plan.standards
        .iter()
        .map(|&(q, _)| StdForm::of(number_column(data, q), plan.cells))
        .collect()
}
