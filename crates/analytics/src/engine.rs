//! The single columnar pass and the assembly of the result.

mod publication;
mod split;

pub use publication::{text_grouping, Protection};
pub use split::{Part, Split};

use publication::{CellCode, Dim, Family, Mix};

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;

use indexmap::IndexMap;
use otklik_survey::{Channel, Column, QuestionKind, Responses, Role, Survey};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::output::*;
use crate::stats::{self, Moments, Z95};
use crate::suppress::remainder_rule;
use crate::{Error, Key, Params, Result};

/// A grouping key resolved against the survey.
struct KeySpec {
    name: String,
    /// `None` for the period.
    question: Option<usize>,
    card: usize,
    stride: usize,
}

/// A coded item: a scale or NPS question and its slot range in the per-cell histogram.
struct CodedItem {
    q: usize,
    offset: usize,
    /// Number of slots (codes 0..width, 0 = missing).
    width: usize,
}

struct ScaleItem {
    q: usize,
    points: u8,
    hist: usize,
    dimension: Option<usize>,
}

struct Plan<'a> {
    survey: &'a Survey,
    keys: Vec<KeySpec>,
    cells: usize,
    scale: Vec<ScaleItem>,
    nps: Vec<CodedItem>,
    /// The NPS items' indices in `hist_items`.
    nps_hist: Vec<usize>,
    hist_width: usize,
    hist_items: Vec<CodedItem>,
    /// Per dimension: indices into `scale`.
    dims: Vec<Vec<usize>>,
    standards: Vec<(usize, f64)>,
    resolution: Vec<usize>,
    touchpoint: Option<usize>,
    texts: Vec<usize>,
}

/// Sufficient statistics per cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Acc {
    n: Vec<u64>,
    hist: Vec<u32>,
    dim: Vec<Moments>,
    ccl: Vec<Moments>,
    /// Per cell, per dimension: [count, Σtotal, Σtotal², then Σx, Σx² per item].
    alpha: Vec<u64>,
    alpha_width: Vec<(usize, usize)>,
    alpha_stride: usize,
    /// Drivers: per cell, per scale item, per answer value (0..12): respondents with a
    /// level who gave that answer.
    drv_n: Vec<u32>,
    /// Per cell, per scale item: Σ answer · level (fixed point).
    drv_sxy: Vec<u128>,
    /// Per cell, per scale item: Σ level and Σ level² of the respondents with a level
    /// who left the item unanswered (the item's own sums are the cell's level sums
    /// minus these, so an answered item costs no 128-bit addition).
    drv_miss: Vec<(u128, u128)>,
    /// Per standard.
    standards: Vec<StdAcc>,
    resolution: Vec<[u64; 2]>,
    channels: Vec<u64>,
    texts: Vec<Vec<u32>>,
}

/// The answers to one service-standard question, per cell: counts per value when
/// every answer is a multiple of a common step (whole minutes, half minutes, tenths of
/// a day) in a narrow range, otherwise the values themselves. Either way the median
/// and p90 are exact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum StdAcc {
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
enum StdForm {
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
    fn of(values: &[f64], cells: usize) -> StdForm {
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
    fn collect(values: &[f64], cell_of: &[u32], cells: usize) -> StdAcc {
        let mut acc = StdAcc::new(StdForm::of(values, cells), cells);
        acc.count(values, cell_of);
        acc
    }

    /// No answers yet, in `cells` cells, in the form `form`.
    fn new(form: StdForm, cells: usize) -> StdAcc {
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
    fn form(&self) -> StdForm {
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
    fn count(&mut self, values: &[f64], cell_of: &[u32]) {
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
    fn add_cell(&mut self, c: usize, from: &StdAcc, fc: usize) {
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
    fn n(&self, c: usize) -> u64 {
        match self {
            StdAcc::Counts { width, counts, .. } => counts[c * width..(c + 1) * width]
                .iter()
                .map(|&x| u64::from(x))
                .sum(),
            StdAcc::Values(lists) => lists[c].len() as u64,
        }
    }

    /// Count, count within `max`, median and p90 of cell `c` (which has answers).
    fn summary(&self, c: usize, max: f64) -> (u64, u64, f64, f64) {
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
fn sorted_summary(values: &[f64], max: f64) -> (u64, u64, f64, f64) {
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

fn column_codes(data: &Responses, q: usize) -> &[u8] {
    match data.column(q) {
        Column::Code(v) => v,
        _ => unreachable!("coded question"),
    }
}

fn plan<'a>(survey: &'a Survey, data: &Responses, params: &Params) -> Result<Plan<'a>> {
    let mut keys = Vec::new();
    for key in &params.by {
        if keys.iter().any(|k: &KeySpec| k.name == key.name()) {
            return Err(Error::DuplicateKey(key.name().to_owned()));
        }
        match key {
            Key::Period => keys.push(KeySpec {
                name: "period".into(),
                question: None,
                card: data.periods().len().max(1),
                stride: 0,
            }),
            Key::Question(id) => {
                let q = survey.question_index(id).ok_or_else(|| Error::UnknownKey {
                    key: id.clone(),
                    known: std::iter::once("period".to_owned())
                        .chain(
                            survey
                                .group_questions()
                                .map(|i| survey.questions[i].id.clone()),
                        )
                        .collect::<Vec<_>>()
                        .join(", "),
                })?;
                match &survey.questions[q].kind {
                    QuestionKind::Choice {
                        options,
                        group: true,
                    } => keys.push(KeySpec {
                        name: id.clone(),
                        question: Some(q),
                        card: options.len() + 1,
                        stride: 0,
                    }),
                    _ => return Err(Error::NotAGroup(id.clone())),
                }
            }
        }
    }
    let mut cells = 1usize;
    for k in keys.iter_mut().rev() {
        k.stride = cells;
        cells = cells
            .checked_mul(k.card)
            .filter(|&c| c <= 1_000_000)
            .ok_or(Error::TooManyGroups(usize::MAX))?;
    }

    let mut hist_width = 0;
    let mut scale = Vec::new();
    let mut nps = Vec::new();
    let mut hist_items = Vec::new();
    let mut standards = Vec::new();
    let mut resolution = Vec::new();
    let mut touchpoint = None;
    let mut texts = Vec::new();
    for (q, question) in survey.questions.iter().enumerate() {
        match &question.kind {
            QuestionKind::Scale {
                points, dimension, ..
            } => {
                let width = *points as usize + 1;
                scale.push(ScaleItem {
                    q,
                    points: *points,
                    hist: hist_items.len(),
                    dimension: dimension.as_deref().and_then(|d| survey.dimension_index(d)),
                });
                hist_items.push(CodedItem {
                    q,
                    offset: hist_width,
                    width,
                });
                hist_width += width;
            }
            QuestionKind::Nps { .. } => {
                nps.push(hist_items.len());
                hist_items.push(CodedItem {
                    q,
                    offset: hist_width,
                    width: 12,
                });
                hist_width += 12;
            }
            QuestionKind::Number {
                standard_max: Some(max),
                ..
            } => standards.push((q, *max)),
            QuestionKind::YesNo if question.role == Some(Role::Resolution) => resolution.push(q),
            QuestionKind::Choice { .. } if question.role == Some(Role::Touchpoint) => {
                touchpoint = Some(q)
            }
            QuestionKind::Text { .. } if params.texts => texts.push(q),
            _ => {}
        }
    }
    let nps_hist = nps.clone();
    let nps = nps
        .into_iter()
        .map(|i| CodedItem {
            q: hist_items[i].q,
            offset: hist_items[i].offset,
            width: 12,
        })
        .collect();
    let mut dims = vec![Vec::new(); survey.dimensions.len()];
    for (i, s) in scale.iter().enumerate() {
        if let Some(d) = s.dimension {
            dims[d].push(i);
        }
    }
    Ok(Plan {
        survey,
        keys,
        cells,
        scale,
        nps,
        nps_hist,
        hist_width,
        hist_items,
        dims,
        standards,
        resolution,
        touchpoint,
        texts,
    })
}

/// The cell of each of the rows `rows`.
fn cell_of_rows(plan: &Plan<'_>, data: &Responses, rows: Range<usize>) -> Vec<u32> {
    let mut cells = vec![0u32; rows.len()];
    for k in &plan.keys {
        let stride = k.stride as u32;
        match k.question {
            None => {
                for (c, &p) in cells.iter_mut().zip(&data.period_codes()[rows.clone()]) {
                    *c += u32::from(p) * stride;
                }
            }
            Some(q) => {
                for (c, &code) in cells.iter_mut().zip(&column_codes(data, q)[rows.clone()]) {
                    *c += u32::from(code) * stride;
                }
            }
        }
    }
    cells
}

impl Acc {
    /// Empty accumulators for the cells of `plan`.
    fn new(plan: &Plan<'_>) -> Acc {
        let cells = plan.cells;
        let ndim = plan.dims.len();
        let nscale = plan.scale.len();
        let mut alpha_width = Vec::with_capacity(ndim);
        let mut alpha_stride = 0;
        for d in &plan.dims {
            let w = 3 + 2 * d.len();
            alpha_width.push((alpha_stride, w));
            alpha_stride += w;
        }
        Acc {
            n: vec![0; cells],
            hist: vec![0; cells * plan.hist_width],
            dim: vec![Moments::default(); cells * ndim],
            ccl: vec![Moments::default(); cells],
            alpha: vec![0; cells * alpha_stride],
            alpha_width,
            alpha_stride,
            drv_n: vec![0; cells * nscale * 12],
            drv_sxy: vec![0; cells * nscale],
            drv_miss: vec![(0, 0); cells * nscale],
            standards: Vec::new(),
            resolution: vec![[0; 2]; cells * plan.resolution.len()],
            channels: vec![
                0;
                plan.touchpoint.map_or(0, |q| cells
                    * (plan.survey.questions[q].kind.options().len() + 1))
            ],
            texts: vec![Vec::new(); cells * plan.texts.len()],
        }
    }
}

/// How a pass is run. Every choice gives the very same accumulators (a test compares
/// them); only the speed differs.
#[derive(Debug, Clone, Copy)]
struct Pass {
    /// Slots up to which dimension scores are counted rather than summed.
    slot_budget: usize,
    /// Contiguous parts of the rows, accumulated apart and added up.
    shards: usize,
    /// Whether a dimension whose slots fit in a byte is scored eight rows at a time.
    bytewise: bool,
    /// Rows between flushes of the 64-bit driver sums (at most [`FLUSH`]).
    flush: usize,
    /// Whether two items of the same dimension and points are counted together.
    paired: bool,
}

impl Pass {
    fn new(shards: usize) -> Pass {
        Pass {
            slot_budget: MAX_SCORE_SLOTS,
            shards,
            bytewise: true,
            flush: FLUSH,
            paired: true,
        }
    }
}

/// Rows per shard below which a pass is not split.
const SHARD_ROWS: usize = 1 << 16;
/// Cells above which a pass is not split (each shard holds its own accumulators).
const SHARD_MAX_CELLS: usize = 1 << 16;

/// How many parts a pass over `rows` rows in `cells` cells is split into: one per
/// available thread, natively; one in WebAssembly, which has no threads.
fn shards(rows: usize, cells: usize) -> usize {
    if cfg!(target_arch = "wasm32") || cells > SHARD_MAX_CELLS {
        return 1;
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    threads.min(rows / SHARD_ROWS).max(1)
}

/// The forms of `plan`'s standards that suit all of `data`'s answers.
fn std_forms(plan: &Plan<'_>, data: &Responses) -> Vec<StdForm> {
    plan.standards
        .iter()
        .map(|&(q, _)| StdForm::of(number_column(data, q), plan.cells))
        .collect()
}

/// The accumulators of the rows `rows`, computed in `pass.shards` contiguous parts (on
/// as many threads, natively) and added up, with the standards in the forms `forms`.
/// Every accumulator is an exact integer sum or a list in row order, so the parts add
/// up to the very same result.
fn accumulate_with(
    plan: &Plan<'_>,
    data: &Responses,
    rows: Range<usize>,
    pass: Pass,
    forms: &[StdForm],
) -> Acc {
    let standards: Vec<StdAcc> = forms.iter().map(|&f| StdAcc::new(f, plan.cells)).collect();
    let cell_of = cell_of_rows(plan, data, rows.clone());
    let n = rows.len();
    let shards = pass.shards.clamp(1, n.max(1));
    let ranges: Vec<Range<usize>> = (0..shards)
        .map(|s| rows.start + s * n / shards..rows.start + (s + 1) * n / shards)
        .collect();
    let run = |part: &Range<usize>| {
        let cells = &cell_of[part.start - rows.start..part.end - rows.start];
        accumulate_rows(plan, data, cells, part.clone(), pass, &standards)
    };
    #[cfg(not(target_arch = "wasm32"))]
    let mut parts: Vec<Acc> = std::thread::scope(|scope| {
        let others: Vec<_> = ranges[1..]
            .iter()
            .map(|rows| scope.spawn(move || run(rows)))
            .collect();
        let mut all = vec![run(&ranges[0])];
        all.extend(
            others
                .into_iter()
                .map(|h| h.join().expect("a shard panicked")),
        );
        all
    });
    #[cfg(target_arch = "wasm32")]
    let mut parts: Vec<Acc> = ranges.iter().map(run).collect();
    let mut acc = parts.remove(0);
    for part in &parts {
        acc.add(part, plan);
    }
    acc
}

fn number_column(data: &Responses, q: usize) -> &[f64] {
    match data.column(q) {
        Column::Number(values) => values,
        _ => unreachable!("number question"),
    }
}

/// The accumulators of the rows `rows` (in the cells `cell_of`), with `standards` in
/// their common form.
fn accumulate_rows(
    plan: &Plan<'_>,
    data: &Responses,
    cell_of: &[u32],
    rows: Range<usize>,
    pass: Pass,
    standards: &[StdAcc],
) -> Acc {
    let mut acc = Acc::new(plan);
    let first = rows.start;
    let codes = |q: usize| &column_codes(data, q)[rows.clone()];

    for &c in cell_of {
        acc.n[c as usize] += 1;
    }
    // Value counts of the NPS items (the scale items are counted in the score pass).
    for &i in &plan.nps_hist {
        let it = &plan.hist_items[i];
        let w = plan.hist_width;
        for (&c, &code) in cell_of.iter().zip(codes(it.q)) {
            acc.hist[c as usize * w + it.offset + code as usize] += 1;
        }
    }
    score_pass(plan, data, cell_of, rows.clone(), &mut acc, pass);

    for (&(q, _), form) in plan.standards.iter().zip(standards) {
        let mut s = form.clone();
        s.count(&number_column(data, q)[rows.clone()], cell_of);
        acc.standards.push(s);
    }
    for (s, &q) in plan.resolution.iter().enumerate() {
        for (&c, &code) in cell_of.iter().zip(codes(q)) {
            if code > 0 {
                acc.resolution[c as usize * plan.resolution.len() + s][code as usize - 1] += 1;
            }
        }
    }
    if let Some(q) = plan.touchpoint {
        let w = plan.survey.questions[q].kind.options().len() + 1;
        for (&c, &code) in cell_of.iter().zip(codes(q)) {
            acc.channels[c as usize * w + code as usize] += 1;
        }
    }
    for (t, &q) in plan.texts.iter().enumerate() {
        let Column::Text(col) = data.column(q) else {
            unreachable!("text question")
        };
        for (row, &c) in cell_of.iter().enumerate() {
            let row = first + row;
            if !col.get(row).is_empty() {
                acc.texts[c as usize * plan.texts.len() + t].push(row as u32);
            }
        }
    }
    acc
}

/// Rows per block of the score pass: a block's cells, answers and levels stay in
/// the first-level cache while each column is read.
const ROWS: usize = 512;
/// Rows between flushes of the 64-bit sums into 128 bits: a level below 2^39 in fixed
/// point, summed over 2^23 rows, stays below 2^62 (the drivers' sums), and the pieces
/// of the level's squares below 2^63 (`stats::PartSums`).
const FLUSH: usize = stats::PartSums::MAX;
/// Slots (cells × dimensions × (count, worth) pairs) up to which respondent scores are
/// counted rather than summed.
const MAX_SCORE_SLOTS: usize = 1 << 22;

/// A dimension's respondent scores in whole numbers. With `unit` the least common
/// multiple of its items' steps (points − 1), an answer v to an item of m points is
/// worth (v − 1) · unit / (m − 1), and a respondent who answered `k` of the items,
/// worth `s` in all, scores 100 · s / (k · unit): the mean of the answers on 0–100.
struct DimScore {
    /// Indices into `plan.scale`.
    items: Vec<usize>,
    unit: u32,
    /// Per item: unit / (points − 1).
    worth: Vec<u32>,
    /// Slots per answer count: (items · unit + 1).
    per: usize,
    /// The score of every (k, s) slot, when scores are counted per slot (few slots);
    /// empty when they are summed one by one.
    table: Vec<f64>,
    /// When the slots are counted and every slot and raw total fits in a byte, eight
    /// rows are scored at once (`bytewise`). Per slot: the dimension's weight times its
    /// score, and its weight (zero when no item was answered), the very terms the
    /// level's sums add.
    bytewise: Option<Vec<[f64; 2]>>,
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

impl DimScore {
    fn new(
        plan: &Plan<'_>,
        items: &[usize],
        weight: f64,
        slots_left: &mut usize,
        bytewise: bool,
    ) -> DimScore {
        let step = |i: usize| u32::from(plan.scale[i].points) - 1;
        let unit = items.iter().fold(1, |l, &i| l / gcd(l, step(i)) * step(i));
        let per = items.len() * unit as usize + 1;
        let mut d = DimScore {
            items: items.to_vec(),
            unit,
            worth: items.iter().map(|&i| unit / step(i)).collect(),
            per,
            table: Vec::new(),
            bytewise: None,
        };
        let slots = (items.len() + 1) * per;
        if slots.saturating_mul(plan.cells) <= *slots_left {
            *slots_left -= slots * plan.cells;
            d.table = (0..slots)
                .map(|slot| d.score(slot / per, slot % per))
                .collect();
            let most_total: u32 = items.iter().map(|&i| u32::from(plan.scale[i].points)).sum();
            if bytewise && slots <= 256 && most_total < 256 {
                d.bytewise = Some(
                    d.table
                        .iter()
                        .enumerate()
                        .map(|(slot, &x)| [weight * x, if slot < per { 0.0 } else { weight }])
                        .collect(),
                );
            }
        }
        d
    }

    /// Whether the slots also give Cronbach's totals: counted, and every item worth
    /// one (all items of the same points), so that a raw total is worth + count.
    fn totals_from_slots(&self) -> bool {
        !self.table.is_empty() && self.worth.iter().all(|&w| w == 1)
    }

    fn score(&self, k: usize, s: usize) -> f64 {
        if k == 0 {
            return 0.0;
        }
        100.0 * s as f64 / (k as f64 * f64::from(self.unit))
    }
}

/// What a bytewise dimension's slot gives a row.
struct ByteDim<'a> {
    /// Per slot: the dimension's weight times the score, and its weight (zero when
    /// no item was answered).
    terms: &'a [[f64; 2]],
    /// The first slot of the rows that answered every item.
    full_from: usize,
    /// Slots per cell.
    per_cell: usize,
    /// Whether Cronbach's totals are summed per row (not read from the slots).
    totals: bool,
}

/// The first eight bytes of `col` as one number (the first in the lowest byte);
/// bytes past its end read as `fill`.
fn eight_bytes(col: &[u8], fill: u8) -> u64 {
    match col.first_chunk::<8>() {
        Some(b) => u64::from_le_bytes(*b),
        None => {
            let mut b = [fill; 8];
            b[..col.len()].copy_from_slice(col);
            u64::from_le_bytes(b)
        }
    }
}

/// Two scale items of the same dimension (or none) and the same points, whose
/// answers are counted together: one count and one level sum per pair of answers
/// instead of one per answer.
struct Pair {
    /// Indices into `plan.scale`.
    a: usize,
    b: usize,
    /// Points + 1.
    w: usize,
    /// Their dimension's row in the block's `base` (`ndim` for none).
    d: usize,
}

/// Joint slots (cells × 2 × w² per pair) up to which items are paired.
const MAX_PAIR_SLOTS: usize = 1 << 20;

/// The items paired (in order, within each dimension and points) while their joint
/// tables fit in [`MAX_PAIR_SLOTS`], and the items left single.
fn pair_items(plan: &Plan<'_>, paired: bool) -> (Vec<Pair>, Vec<usize>) {
    let ndim = plan.dims.len();
    let mut pairs = Vec::new();
    let mut single = Vec::new();
    let mut open: Vec<Option<usize>> = vec![None; (ndim + 1) * 256];
    let mut slots = 0usize;
    for (i, s) in plan.scale.iter().enumerate() {
        let d = s.dimension.unwrap_or(ndim);
        let w = usize::from(s.points) + 1;
        let key = d * 256 + usize::from(s.points);
        let size = plan.cells.saturating_mul(2 * w * w);
        match open[key].take() {
            Some(a) if paired && slots.saturating_add(size) <= MAX_PAIR_SLOTS => {
                slots += size;
                pairs.push(Pair { a, b: i, w, d });
            }
            Some(a) => {
                single.push(a);
                open[key] = Some(i);
            }
            None => open[key] = Some(i),
        }
    }
    single.extend(open.into_iter().flatten());
    single.sort_unstable();
    (pairs, single)
}

/// Adds a pair's joint counts (`n`, per (2 · cell + full, a's answer, b's answer)) to
/// each item's counts, and empties them.
fn spill_pair<T: Copy + Default + std::ops::AddAssign>(
    p: &Pair,
    joint: &mut [T],
    a: &mut [T],
    b: &mut [T],
) {
    let w = p.w;
    for (row, joint) in joint.chunks_exact_mut(w * w).enumerate() {
        for (va, joint) in joint.chunks_exact_mut(w).enumerate() {
            for (vb, n) in joint.iter_mut().enumerate() {
                let n = std::mem::take(n);
                a[row * w + va] += n;
                b[row * w + vb] += n;
            }
        }
    }
}

/// Moves the 64-bit level sums of `parts` (each slot's count and Σ level) into the
/// 128-bit sums `all`; the counts stay.
fn flush_sums(parts: &mut [Vec<[u64; 2]>], all: &mut [Vec<u128>]) {
    for (part, all) in parts.iter_mut().zip(all) {
        for (t, p) in all.iter_mut().zip(part.iter_mut()) {
            *t += u128::from(std::mem::take(&mut p[1]));
        }
    }
}

/// Moves the blank answers' Σ level² kept per (cell, blank mask) into each item's
/// 128-bit sums per cell: an item's blanks are the rows whose mask has its bit.
fn flush_masks(dims: &[DimScore], mask_part: &mut [Vec<[u64; 3]>], blank_yy: &mut [Vec<u128>]) {
    for (ds, part) in dims.iter().zip(mask_part) {
        if part.is_empty() {
            continue;
        }
        let masks = 1usize << ds.items.len();
        for (c, part) in part.chunks_exact_mut(masks).enumerate() {
            for (m, e) in part.iter_mut().enumerate().skip(1) {
                let sum = stats::square_of(std::mem::take(e));
                if sum == 0 {
                    continue;
                }
                for (j, &i) in ds.items.iter().enumerate() {
                    if m >> j & 1 == 1 {
                        blank_yy[i][c] += sum;
                    }
                }
            }
            part[0] = [0; 3];
        }
    }
}

/// Two distinct elements of `v`, both mutable.
fn two_mut<T>(v: &mut [T], a: usize, b: usize) -> (&mut T, &mut T) {
    assert_ne!(a, b);
    if a < b {
        let (x, y) = v.split_at_mut(b);
        (&mut x[a], &mut y[0])
    } else {
        let (x, y) = v.split_at_mut(a);
        (&mut y[0], &mut x[b])
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// For every byte: the positions of its set bits, lowest first (the rest zero).
const SET_BITS: [[u8; 8]; 256] = {
    let mut t = [[0u8; 8]; 256];
    let mut m = 0;
    while m < 256 {
        let (mut bit, mut k) = (0, 0);
        while bit < 8 {
            if m >> bit & 1 == 1 {
                t[m][k] = bit as u8;
                k += 1;
            }
            bit += 1;
        }
        m += 1;
    }
    t
};

/// One in each byte of `x` that is not zero, zero in the others (every byte of `x`
/// is below 128).
const fn nonzero_bytes(x: u64) -> u64 {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    ((x + LOW) >> 7) & ONES
}

/// The slots (answers `k` · `per` + worth `s`) and raw totals of the eight rows from
/// `row` (fewer before `end`: the missing rows read as unanswered), one per byte. The
/// caller has checked that every slot and total fits in a byte, so no byte carries
/// into the next.
///
/// Also the rows' blank masks, one per byte: bit `j` set when the dimension's `j`-th
/// item is blank (meaningful for up to [`MASK_ITEMS`] items).
fn eight_slots(ds: &DimScore, codes: &[&[u8]], row: usize, end: usize) -> [u64; 3] {
    let per = ds.per as u64;
    let (mut slot, mut total, mut blank) = (0u64, 0u64, 0u64);
    for (j, (&i, &wo)) in ds.items.iter().zip(&ds.worth).enumerate() {
        let x = eight_bytes(&codes[i][row..end], 0);
        let answered = nonzero_bytes(x);
        slot += answered * per + (x - answered) * u64::from(wo);
        total += x;
        blank |= (ONES - answered) << (j & 7);
    }
    [slot, total, blank]
}

/// Items per dimension up to which blank answers are summed per (cell, blank mask)
/// rather than item by item.
const MASK_ITEMS: usize = 6;

/// The respondent-level figures in one blocked pass: dimension scores, the
/// client-centricity level, Cronbach's sums, the driver sums, and the value counts of
/// the scale items. While the pass runs, the sums live item by item (dimension by
/// dimension), so that each inner loop works within a few kilobytes and stores as
/// little as it can; they are settled into the per-cell layout at the end.
///
/// Dimensions are counted per slot while `slot_budget` slots suffice, then summed.
fn score_pass(
    plan: &Plan<'_>,
    data: &Responses,
    cell_of: &[u32],
    rows: Range<usize>,
    acc: &mut Acc,
    pass: Pass,
) {
    let ndim = plan.dims.len();
    let cells = plan.cells;
    let mut slots_left = pass.slot_budget;
    let weights: Vec<f64> = plan.survey.dimensions.iter().map(|d| d.weight).collect();
    let dims: Vec<DimScore> = plan
        .dims
        .iter()
        .zip(&weights)
        .map(|(items, &w)| DimScore::new(plan, items, w, &mut slots_left, pass.bytewise))
        .collect();
    let codes: Vec<&[u8]> = plan
        .scale
        .iter()
        .map(|s| &column_codes(data, s.q)[rows.clone()])
        .collect();

    // Per dimension and cell: respondents per (count, worth) slot; and, where the
    // slots cannot give them, complete answers, Σ raw total and Σ raw total²
    // (Cronbach).
    let mut slots: Vec<Vec<u32>> = dims
        .iter()
        .map(|d| vec![0; cells * d.table.len()])
        .collect();
    let mut alpha = vec![[0u64; 3]; ndim * cells];
    // Per item and cell, for answers v = 0 (blank) ..= points, apart for those who
    // answered every item of the item's dimension (Cronbach's item sums): respondents
    // and Σ level (in 64 bits, flushed into 128). Per item, cell and answer:
    // respondents without a level.
    // Per item and cell: Σ level² of the blank answers.
    let width: Vec<usize> = plan
        .scale
        .iter()
        .map(|s| usize::from(s.points) + 1)
        .collect();
    let mut counts: Vec<Vec<u32>> = width.iter().map(|w| vec![0; cells * 2 * w]).collect();
    let mut no_level: Vec<Vec<u32>> = width.iter().map(|w| vec![0; cells * w]).collect();
    // Per single item (not paired): respondents and Σ level (since the last flush) per
    // (2 · cell + full, answer), side by side.
    let mut own: Vec<Vec<[u64; 2]>> = width.iter().map(|w| vec![[0; 2]; cells * 2 * w]).collect();
    let mut sy_all: Vec<Vec<u128>> = width.iter().map(|w| vec![0; cells * 2 * w]).collect();
    let mut blank_yy: Vec<Vec<u128>> = width.iter().map(|_| vec![0; cells]).collect();
    // Per pair: respondents and Σ level per (2 · cell + full, answer, answer).
    let (pairs, single) = pair_items(plan, pass.paired);
    let mut joint: Vec<Vec<[u64; 2]>> = pairs
        .iter()
        .map(|p| vec![[0; 2]; cells * 2 * p.w * p.w])
        .collect();
    let mut joint_sum: Vec<Vec<u128>> = joint.iter().map(|j| vec![0; j.len()]).collect();

    // Per block: per dimension and row, the answers' worth, their count and raw total,
    // and 2 · cell + whether every item was answered (the row's place in the item
    // tables below; the last row, for items outside every dimension, is 2 · cell);
    // per row, the level.
    let mut worth = vec![0u32; ndim * ROWS];
    let mut count = vec![0u32; ndim * ROWS];
    let mut total = vec![0u32; ndim * ROWS];
    let mut base = vec![0u32; (ndim + 1) * ROWS];
    let mut wsum = [0.0f64; ROWS];
    let mut wtot = [0.0f64; ROWS];
    let mut y = vec![0u64; ROWS];
    // Per row: the level's square, in pieces (`stats::square_pieces`).
    let mut yy = vec![[0u64; 3]; ROWS];
    let mut blank_rows = vec![0u16; ROWS + 8];
    // Per cell: the level's sums since the last flush.
    let mut level = vec![stats::PartSums::default(); cells];
    let mut has_level = vec![false; ROWS];
    let mut since_flush = 0;
    // When every dimension is scored bytewise: per dimension, what a row's slot gives.
    let bytewise = dims.iter().all(|d| d.bytewise.is_some());
    let by_byte: Vec<ByteDim<'_>> = dims
        .iter()
        .filter_map(|ds| {
            Some(ByteDim {
                terms: ds.bytewise.as_ref()?,
                full_from: ds.items.len() * ds.per,
                per_cell: ds.table.len(),
                totals: !ds.totals_from_slots(),
            })
        })
        .collect();
    let by_byte = if bytewise { &by_byte[..] } else { &[] };
    // Per dimension scored bytewise with at most `MASK_ITEMS` items: per eight rows, the
    // rows' blank masks; per cell and mask, Σ level² (in pieces) since the last flush.
    let masked: Vec<bool> = dims
        .iter()
        .map(|ds| bytewise && ds.items.len() <= MASK_ITEMS)
        .collect();
    let mut blank_masks = vec![0u64; ndim * (ROWS / 8)];
    let mut mask_part: Vec<Vec<[u64; 3]>> = dims
        .iter()
        .zip(&masked)
        .map(|(ds, &m)| {
            if m {
                vec![[0; 3]; cells << ds.items.len()]
            } else {
                Vec::new()
            }
        })
        .collect();
    // Per scale item: whether its blanks are summed through its dimension's masks.
    let by_mask: Vec<bool> = plan
        .scale
        .iter()
        .map(|s| s.dimension.is_some_and(|d| masked[d]))
        .collect();

    for start in (0..cell_of.len()).step_by(ROWS) {
        let end = (start + ROWS).min(cell_of.len());
        let len = end - start;
        let block = &cell_of[start..end];
        if since_flush + len > pass.flush {
            flush_sums(&mut joint, &mut joint_sum);
            flush_sums(&mut own, &mut sy_all);
            flush_masks(&dims, &mut mask_part, &mut blank_yy);
            for (part, all) in level.iter_mut().zip(&mut acc.ccl) {
                part.move_into(all);
            }
            since_flush = 0;
        }
        since_flush += len;

        wsum[..len].fill(0.0);
        wtot[..len].fill(0.0);
        for (d, (b, slots)) in by_byte.iter().zip(slots.iter_mut()).enumerate() {
            let ds = &dims[d];
            let alpha = &mut alpha[d * cells..(d + 1) * cells];
            let base = &mut base[d * ROWS..d * ROWS + len];
            let rows = block
                .chunks(8)
                .zip(base.chunks_mut(8))
                .zip(wsum.chunks_mut(8).zip(wtot.chunks_mut(8)));
            for (g, ((cells8, base), (wsum, wtot))) in rows.enumerate() {
                let [mut slot8, mut total8, blank8] = eight_slots(ds, &codes, start + 8 * g, end);
                blank_masks[d * (ROWS / 8) + g] = blank8;
                let rows = cells8.iter().zip(base).zip(wsum.iter_mut().zip(wtot));
                for ((&c, base), (wsum, wtot)) in rows {
                    let c = c as usize;
                    let slot = usize::from(slot8 as u8);
                    slot8 >>= 8;
                    slots[c * b.per_cell + slot] += 1;
                    let [weighted, weight] = b.terms[slot];
                    *wsum += weighted;
                    *wtot += weight;
                    let full = slot >= b.full_from;
                    *base = 2 * c as u32 + u32::from(full);
                    if b.totals {
                        let f = u64::from(full);
                        let t = total8 & 0xFF;
                        total8 >>= 8;
                        let a = &mut alpha[c];
                        a[0] += f;
                        a[1] += t * f;
                        a[2] += t * t * f;
                    }
                }
            }
        }
        for (d, ds) in dims.iter().enumerate().filter(|_| !bytewise) {
            let at = d * ROWS..d * ROWS + len;
            let (s, k, t) = (
                &mut worth[at.clone()],
                &mut count[at.clone()],
                &mut total[at.clone()],
            );
            s.fill(0);
            k.fill(0);
            t.fill(0);
            for (&i, &wo) in ds.items.iter().zip(&ds.worth) {
                for (((s, k), t), &v) in s
                    .iter_mut()
                    .zip(k.iter_mut())
                    .zip(t.iter_mut())
                    .zip(&codes[i][start..end])
                {
                    let v = u32::from(v);
                    *s += v.saturating_sub(1) * wo;
                    *k += u32::from(v != 0);
                    *t += v;
                }
            }
            let n_items = ds.items.len() as u32;
            for ((f, &k), &c) in base[at.clone()].iter_mut().zip(k.iter()).zip(block) {
                *f = 2 * c + u32::from(k == n_items);
            }
            let (s, k, t) = (&worth[at.clone()], &count[at.clone()], &total[at]);
            let alpha = &mut alpha[d * cells..(d + 1) * cells];
            let slots = &mut slots[d][..];
            let per_cell = ds.table.len();
            let totals_from_slots = ds.totals_from_slots();
            for (r, &c) in block.iter().enumerate() {
                let c = c as usize;
                let k = k[r] as usize;
                if k == 0 {
                    continue;
                }
                let score = if per_cell == 0 {
                    let x = ds.score(k, s[r] as usize);
                    acc.dim[c * ndim + d].push(x);
                    x
                } else {
                    let slot = k * ds.per + s[r] as usize;
                    slots[c * per_cell + slot] += 1;
                    ds.table[slot]
                };
                wsum[r] += weights[d] * score;
                wtot[r] += weights[d];
                if !totals_from_slots {
                    let full_row = u64::from(k == ds.items.len());
                    let t = u64::from(t[r]);
                    let a = &mut alpha[c];
                    a[0] += full_row;
                    a[1] += t * full_row;
                    a[2] += t * t * full_row;
                }
            }
        }

        for (f, &c) in base[ndim * ROWS..ndim * ROWS + len].iter_mut().zip(block) {
            *f = 2 * c;
        }
        let mut all_level = true;
        for (r, &c) in block.iter().enumerate() {
            has_level[r] = wtot[r] > 0.0;
            y[r] = if has_level[r] {
                stats::fixed(wsum[r] / wtot[r])
            } else {
                all_level = false;
                0
            };
            yy[r] = stats::square_pieces(y[r]);
            level[c as usize].push(y[r], yy[r], has_level[r]);
        }

        for (d, (ds, part)) in dims.iter().zip(&mut mask_part).enumerate() {
            if !masked[d] {
                continue;
            }
            let shift = ds.items.len();
            let masks = &blank_masks[d * (ROWS / 8)..(d + 1) * (ROWS / 8)];
            let rows = block.chunks(8).zip(yy.chunks(8)).zip(masks);
            for ((cells8, yy8), &m8) in rows {
                let mut m8 = m8;
                for (&c, &[hh, hl, ll]) in cells8.iter().zip(yy8) {
                    let e = &mut part[((c as usize) << shift) + (m8 & 0xFF) as usize];
                    m8 >>= 8;
                    e[0] += hh;
                    e[1] += hl;
                    e[2] += ll;
                }
            }
        }
        let y = &y[..len];
        for (p, jt) in pairs.iter().zip(joint.iter_mut()) {
            let (ca, cb) = (&codes[p.a][start..end], &codes[p.b][start..end]);
            let base = &base[p.d * ROWS..p.d * ROWS + len];
            // A slice, not a vector: its length stays in a register while it is written.
            let (jt, w) = (&mut jt[..], p.w);
            for (((&b, &va), &vb), &y) in base.iter().zip(ca).zip(cb).zip(y) {
                // One slot holds the count and the level sum: one cache line per row.
                let e = &mut jt[(b as usize * w + usize::from(va)) * w + usize::from(vb)];
                e[0] += 1;
                e[1] += y;
            }
        }
        for &i in &single {
            let col = &codes[i][start..end];
            let w = width[i];
            let d = plan.scale[i].dimension.unwrap_or(ndim);
            let base = &base[d * ROWS..d * ROWS + len];
            let own = &mut own[i][..];
            for ((&b, &v), &y) in base.iter().zip(col).zip(y) {
                let e = &mut own[b as usize * w + usize::from(v)];
                e[0] += 1;
                e[1] += y;
            }
        }
        for i in 0..plan.scale.len() {
            let col = &codes[i][start..end];
            let w = width[i];
            if !by_mask[i] {
                // The blank answers' rows, listed eight rows at a time without a branch.
                let mut blanks = 0;
                for r0 in (0..len).step_by(8) {
                    let blank = !nonzero_bytes(eight_bytes(&col[r0..], 1)) & ONES;
                    let mask = blank.wrapping_mul(0x0102_0408_1020_4080) >> 56;
                    let at = &mut blank_rows[blanks..blanks + 8];
                    for (to, &j) in at.iter_mut().zip(&SET_BITS[mask as usize]) {
                        *to = r0 as u16 + u16::from(j);
                    }
                    blanks += mask.count_ones() as usize;
                }
                let blank_yy = &mut blank_yy[i][..];
                for &r in &blank_rows[..blanks] {
                    let r = usize::from(r);
                    blank_yy[block[r] as usize] += stats::square_of(yy[r]);
                }
            }
            if !all_level {
                let no_level = &mut no_level[i][..];
                for (r, (&c, &v)) in block.iter().zip(col).enumerate() {
                    if !has_level[r] && v > 0 {
                        no_level[c as usize * w + usize::from(v)] += 1;
                    }
                }
            }
        }
    }
    flush_sums(&mut joint, &mut joint_sum);
    flush_sums(&mut own, &mut sy_all);
    flush_masks(&dims, &mut mask_part, &mut blank_yy);
    for (part, all) in level.iter_mut().zip(&mut acc.ccl) {
        part.move_into(all);
    }
    for &i in &single {
        for (n, e) in counts[i].iter_mut().zip(&own[i]) {
            *n += e[0] as u32;
        }
    }
    for ((p, jt), js) in pairs.iter().zip(&joint).zip(&mut joint_sum) {
        let mut jn: Vec<u32> = jt.iter().map(|e| e[0] as u32).collect();
        let (a, b) = two_mut(&mut counts, p.a, p.b);
        spill_pair(p, &mut jn, a, b);
        let (a, b) = two_mut(&mut sy_all, p.a, p.b);
        spill_pair(p, js, a, b);
    }

    // Settle into the per-cell layout.
    let nscale = plan.scale.len();
    for c in 0..cells {
        for (d, ds) in dims.iter().enumerate() {
            let per_cell = ds.table.len();
            let a = &mut acc.alpha[c * acc.alpha_stride + acc.alpha_width[d].0..];
            a[..3].copy_from_slice(&alpha[d * cells + c]);
            let k = ds.items.len();
            for (slot, &n) in slots[d][c * per_cell..(c + 1) * per_cell]
                .iter()
                .enumerate()
            {
                // Slots below `per` have no answer (only the bytewise pass counts them).
                if n > 0 && slot >= ds.per {
                    let (n, s) = (u64::from(n), slot % ds.per);
                    acc.dim[c * ndim + d].push_fixed_n(stats::fixed(ds.table[slot]), n);
                    if ds.totals_from_slots() && slot / ds.per == k {
                        // Every worth is one: the raw total is the worth plus the count.
                        let t = (s + k) as u64;
                        a[0] += n;
                        a[1] += n * t;
                        a[2] += n * t * t;
                    }
                }
            }
            for (j, &i) in ds.items.iter().enumerate() {
                let w = width[i];
                let full = &counts[i][(c * 2 + 1) * w..(c * 2 + 2) * w];
                let (mut s1, mut s2) = (0u64, 0u64);
                for (v, &n) in full.iter().enumerate() {
                    s1 += v as u64 * u64::from(n);
                    s2 += (v * v) as u64 * u64::from(n);
                }
                a[3 + 2 * j] = s1;
                a[4 + 2 * j] = s2;
            }
        }
        for (i, s) in plan.scale.iter().enumerate() {
            let w = width[i];
            let off = c * plan.hist_width + plan.hist_items[s.hist].offset;
            let to = c * nscale + i;
            let mut sxy = 0u128;
            for v in 0..w {
                let n = counts[i][c * 2 * w + v] + counts[i][(c * 2 + 1) * w + v];
                acc.hist[off + v] = n;
                if v > 0 {
                    acc.drv_n[to * 12 + v] = n - no_level[i][c * w + v];
                    sxy += v as u128 * (sy_all[i][c * 2 * w + v] + sy_all[i][(c * 2 + 1) * w + v]);
                }
            }
            acc.drv_sxy[to] = sxy;
            acc.drv_miss[to] = (
                sy_all[i][c * 2 * w] + sy_all[i][(c * 2 + 1) * w],
                blank_yy[i][c],
            );
        }
    }
}

/// Sibling partitions: for every key, the live cells that share all other keys.
fn parent_partitions(plan: &Plan<'_>, live: &[usize]) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    for k in &plan.keys {
        let mut parents: HashMap<usize, Vec<usize>> = HashMap::new();
        for &c in live {
            let code = (c / k.stride) % k.card;
            parents.entry(c - code * k.stride).or_default().push(c);
        }
        let mut v: Vec<Vec<usize>> = parents.into_values().collect();
        v.sort();
        out.extend(v);
    }
    out
}

/// The value behind a figure that can change between periods.
#[derive(Clone, Copy)]
enum Basis {
    Mean { mean: f64, var: Option<f64>, n: u64 },
    Share { k: u64, n: u64 },
    Nps { value: f64, se: f64 },
}

impl Basis {
    fn value(&self) -> f64 {
        match *self {
            Basis::Mean { mean, .. } => mean,
            Basis::Share { k, n } => k as f64 / n as f64,
            Basis::Nps { value, .. } => value,
        }
    }
}

fn change(a: Basis, b: Basis) -> Option<Change> {
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

fn share(k: u64, n: u64) -> ShareStats {
    ShareStats {
        n,
        share: k as f64 / n as f64,
        ci95: stats::wilson(k, n),
    }
}

fn item_stats(counts: &[u32], points: u8, first: i64) -> ItemStats {
    let (n, mean, var) = stats::moments_from_counts(counts, first);
    let sd = var.map(f64::sqrt);
    let m = counts.len();
    let top: u64 = counts[m - 2..].iter().map(|&c| u64::from(c)).sum();
    let bottom: u64 = counts[..2].iter().map(|&c| u64::from(c)).sum();
    ItemStats {
        n,
        mean,
        sd,
        ci95: sd.and_then(|sd| stats::t_interval(mean, sd, n)),
        top2: top as f64 / n as f64,
        top2_ci95: stats::wilson(top, n),
        bottom2: bottom as f64 / n as f64,
        index: (mean - 1.0) / (f64::from(points) - 1.0) * 100.0,
        dist: counts.to_vec(),
    }
}

fn moments_interval(m: &Moments) -> (Option<f64>, Option<[f64; 2]>) {
    let sd = m.variance().map(f64::sqrt);
    (sd, sd.and_then(|sd| stats::t_interval(m.mean(), sd, m.n)))
}

fn cronbach(a: &[u64], k: usize) -> Option<f64> {
    let n = a[0];
    if k < 2 || n < 3 {
        return None;
    }
    let var = |s1: u64, s2: u64| -> f64 {
        let (s1, s2, n) = (i128::from(s1), i128::from(s2), i128::from(n));
        (n * s2 - s1 * s1) as f64 / (n * (n - 1)) as f64
    };
    let total = var(a[1], a[2]);
    if total <= 0.0 {
        return None;
    }
    let items: f64 = (0..k).map(|j| var(a[3 + 2 * j], a[4 + 2 * j])).sum();
    let kf = k as f64;
    Some(kf / (kf - 1.0) * (1.0 - items / total))
}

/// Orders texts by a keyed hash of their content: an order that is stable for the
/// same data yet unrelated to the order of the responses.
fn shuffle_texts(mut texts: Vec<String>) -> Vec<String> {
    texts.sort_by_cached_key(|t| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        "otklik-texts".hash(&mut h);
        t.hash(&mut h);
        (h.finish(), t.clone())
    });
    texts
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    stats::quantile_sorted(v, 0.5)
}

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

/// The accumulators of `fine` summed into the cells of `coarse`, whose keys are a
/// subsequence of `fine`'s.
fn rollup(f: &Acc, fine: &Plan<'_>, coarse: &Plan<'_>) -> Acc {
    let mut a = Acc::new(coarse);
    a.standards = f
        .standards
        .iter()
        .map(|s| StdAcc::new(s.form(), coarse.cells))
        .collect();
    let texts_of_fine: Vec<usize> = coarse
        .texts
        .iter()
        .map(|q| {
            fine.texts
                .iter()
                .position(|x| x == q)
                .expect("fine has the texts")
        })
        .collect();
    for fc in (0..fine.cells).filter(|&c| f.n[c] > 0) {
        let cc: usize = coarse
            .keys
            .iter()
            .map(|ck| {
                let fk = fine
                    .keys
                    .iter()
                    .find(|k| k.name == ck.name)
                    .expect("nested keys");
                (fc / fk.stride) % fk.card * ck.stride
            })
            .sum();
        a.add_cell(cc, f, fc, fine, &texts_of_fine);
    }
    a
}

impl Acc {
    /// Adds `part`, of the same plan.
    fn add(&mut self, part: &Acc, plan: &Plan<'_>) {
        let identity: Vec<usize> = (0..plan.texts.len()).collect();
        for c in (0..plan.cells).filter(|&c| part.n[c] > 0) {
            self.add_cell(c, part, c, plan, &identity);
        }
    }

    /// Adds `f`'s cell `fc` (of the plan `fine`) to cell `cc`; `texts_of_fine[t]` is
    /// `fine`'s index of this accumulator's free-text question `t`.
    fn add_cell(
        &mut self,
        cc: usize,
        f: &Acc,
        fc: usize,
        fine: &Plan<'_>,
        texts_of_fine: &[usize],
    ) {
        let (nd, nr, nt) = (fine.dims.len(), fine.resolution.len(), texts_of_fine.len());
        let nscale = fine.scale.len() * 12;
        let w = fine.hist_width;
        let cw = fine
            .touchpoint
            .map_or(0, |q| fine.survey.questions[q].kind.options().len() + 1);
        self.n[cc] += f.n[fc];
        for (x, y) in self.hist[cc * w..(cc + 1) * w]
            .iter_mut()
            .zip(&f.hist[fc * w..(fc + 1) * w])
        {
            *x += *y;
        }
        for d in 0..nd {
            self.dim[cc * nd + d].merge(&f.dim[fc * nd + d]);
        }
        self.ccl[cc].merge(&f.ccl[fc]);
        let st = f.alpha_stride;
        for (x, y) in self.alpha[cc * st..(cc + 1) * st]
            .iter_mut()
            .zip(&f.alpha[fc * st..(fc + 1) * st])
        {
            *x += *y;
        }
        for (x, y) in self.drv_n[cc * nscale..(cc + 1) * nscale]
            .iter_mut()
            .zip(&f.drv_n[fc * nscale..(fc + 1) * nscale])
        {
            *x += *y;
        }
        let ni = fine.scale.len();
        for i in 0..ni {
            self.drv_sxy[cc * ni + i] += f.drv_sxy[fc * ni + i];
            let (m0, m1) = f.drv_miss[fc * ni + i];
            self.drv_miss[cc * ni + i].0 += m0;
            self.drv_miss[cc * ni + i].1 += m1;
        }
        for (to, from) in self.standards.iter_mut().zip(&f.standards) {
            to.add_cell(cc, from, fc);
        }
        for r in 0..nr {
            let [yes, no] = f.resolution[fc * nr + r];
            self.resolution[cc * nr + r][0] += yes;
            self.resolution[cc * nr + r][1] += no;
        }
        for (x, y) in self.channels[cc * cw..(cc + 1) * cw]
            .iter_mut()
            .zip(&f.channels[fc * cw..(fc + 1) * cw])
        {
            *x += *y;
        }
        for (t, &ft) in texts_of_fine.iter().enumerate() {
            let rows = f.texts[fc * fine.texts.len() + ft].clone();
            self.texts[cc * nt + t].extend(rows);
        }
    }
}

/// Suppression and assembly: from the accumulators of `plan`'s cells to the result.
fn finish(
    survey: &Survey,
    data: &Responses,
    plan: &Plan<'_>,
    acc: &Acc,
    protection: &Protection,
    dims: &[Dim],
) -> Analysis {
    let k = protection.k_for(dims);
    let k_text = protection.k_text();
    let k64 = u64::from(k);

    let cells = plan.cells;
    // The cell of the publication set behind each cell of this grouping.
    let key_of_dim: Vec<usize> = dims
        .iter()
        .map(|d| {
            plan.keys
                .iter()
                .position(|k| match (d, k.question) {
                    (Dim::Period | Dim::Year, None) => true,
                    (Dim::Group(q), Some(kq)) => *q == kq,
                    _ => false,
                })
                .expect("every dimension is a key")
        })
        .collect();
    let labels: Vec<String> = data.periods().iter().map(ToString::to_string).collect();
    // A cell's code in each dimension of the table, in the table's order.
    let codes_of = |c: usize| -> Vec<CellCode<'_>> {
        dims.iter()
            .zip(&key_of_dim)
            .map(|(d, &ki)| {
                let key = &plan.keys[ki];
                let code = (c / key.stride) % key.card;
                match d {
                    Dim::Period => CellCode::Period(labels.get(code).map_or("", String::as_str)),
                    Dim::Year => CellCode::Year(data.periods().get(code).map_or(0, |p| p.year())),
                    Dim::Group(_) => CellCode::Option(code),
                }
            })
            .collect()
    };
    // The cell, or (`extra`: a question and an option) its part in the table with
    // that question too.
    let model_cell = |c: usize, extra: Option<(usize, usize)>| -> Option<usize> {
        let mut codes: Vec<(Dim, CellCode<'_>)> = dims.iter().copied().zip(codes_of(c)).collect();
        if let Some((q, option)) = extra {
            codes.push((Dim::Group(q), CellCode::Option(option)));
            codes.sort_by_key(|(d, _)| *d);
        }
        let (ds, cs): (Vec<Dim>, Vec<CellCode<'_>>) = codes.into_iter().unzip();
        protection.cell(&ds, &cs)
    };
    let at: Vec<Option<usize>> = (0..cells).map(|c| model_cell(c, None)).collect();
    // The parts of a channel mix that are cells of the publication set (responses
    // naming a touchpoint, digital, offline), when the touchpoint is a grouping question.
    let mix_at: Option<Vec<[Option<usize>; 3]>> = protection
        .touchpoint()
        .filter(|t| !dims.contains(&Dim::Group(*t)))
        .map(|_| {
            (0..cells)
                .map(|c| {
                    let codes = codes_of(c);
                    [Mix::Named, Mix::Type(0), Mix::Type(1)]
                        .map(|part| protection.mix_cell(dims, &codes, part))
                })
                .collect()
        });
    let hidden_of =
        |f: Family| -> Vec<bool> { at.iter().map(|&m| protection.hidden(f, m)).collect() };
    // Every group of the table is listed, empty or not (but no answer to a required
    // question), so that the list itself tells nothing of the groups' sizes.
    let listed: Vec<usize> = (0..cells)
        .filter(|_| !data.is_empty())
        .filter(|&c| {
            acc.n[c] > 0
                || plan.keys.iter().all(|k| match k.question {
                    Some(q) => (c / k.stride) % k.card != 0 || !survey.questions[q].required,
                    None => true,
                })
        })
        .collect();
    let live: Vec<usize> = (0..cells).filter(|&c| acc.n[c] > 0).collect();
    let partitions = parent_partitions(plan, &live);
    let group_sup: Vec<bool> = hidden_of(Family::N);

    let w = plan.hist_width;
    let item_sup: Vec<Vec<bool>> = plan
        .hist_items
        .iter()
        .map(|it| hidden_of(Family::Item(it.q)))
        .collect();
    let nd = plan.dims.len();
    let dim_sup: Vec<Vec<bool>> = (0..nd).map(|d| hidden_of(Family::Dimension(d))).collect();
    let ccl_sup = hidden_of(Family::Level);
    let std_sup: Vec<Vec<bool>> = plan
        .standards
        .iter()
        .map(|&(q, _)| hidden_of(Family::Standard(q)))
        .collect();
    let nr = plan.resolution.len();
    let res_sup: Vec<Vec<bool>> = plan
        .resolution
        .iter()
        .map(|&q| hidden_of(Family::Resolution(q)))
        .collect();
    let nt = plan.texts.len();
    let texts_here = protection.is_text_table(dims);
    let text_sup: Vec<Vec<bool>> = plan
        .texts
        .iter()
        .map(|&q| hidden_of(Family::Text(q)))
        .collect();
    let driver_sup: Vec<Vec<bool>> = plan
        .scale
        .iter()
        .map(|s| match s.dimension {
            Some(_) => hidden_of(Family::Item(s.q)),
            None => hidden_of(Family::Driver(s.q)),
        })
        .collect();
    // With the touchpoint a grouping question, a channel mix lists the cells of this
    // table by touchpoint: shown only when that table is published, and each part
    // hidden where that cell is.
    let channel_cells: Option<Vec<Option<usize>>> = protection.touchpoint().map(|t| {
        let no = survey.questions[t].kind.options().len();
        match plan.keys.iter().find(|k| k.question == Some(t)) {
            // one touchpoint per group: its cell is the group's own
            Some(key) => (0..cells * no)
                .map(|s| {
                    let c = s / no;
                    ((c / key.stride) % key.card == s % no + 1)
                        .then_some(at[c])
                        .flatten()
                })
                .collect(),
            None => (0..cells * no)
                .map(|s| model_cell(s / no, Some((t, s % no + 1))))
                .collect(),
        }
    });
    let channels_shown = |c: usize| -> bool {
        match (&channel_cells, protection.touchpoint()) {
            (Some(cc), Some(t)) => {
                let no = survey.questions[t].kind.options().len();
                dims.contains(&Dim::Group(t)) || (0..no).all(|o| cc[c * no + o].is_some())
            }
            _ => true,
        }
    };

    // Channel mix: options and types, hidden across sibling groups and within each group.
    let channel = plan.touchpoint.map(|q| {
        let options = survey.questions[q].kind.options();
        let no = options.len();
        let w = no + 1;
        let opt_counts: Vec<u64> = (0..cells * no)
            .map(|s| acc.channels[(s / no) * w + 1 + s % no])
            .collect();
        let type_of = |o: usize| usize::from(options[o].channel == Some(Channel::Offline));
        let mut type_counts = vec![0u64; cells * 2];
        for c in 0..cells {
            for o in 0..no {
                if options[o].channel.is_some() {
                    type_counts[c * 2 + type_of(o)] += opt_counts[c * no + o];
                }
            }
        }
        let spread = |width: usize| -> Vec<Vec<usize>> {
            let mut parts = Vec::new();
            for j in 0..width {
                for p in &partitions {
                    parts.push(p.iter().map(|&c| c * width + j).collect());
                }
            }
            for &c in &live {
                parts.push((0..width).map(|j| c * width + j).collect());
            }
            parts
        };
        // The mix itself is a figure of the responses that name a touchpoint: with
        // the touchpoint a grouping question, a cell of the publication set (or, in a
        // table by touchpoint, the group itself).
        let mix_sup = match (&mix_at, protection.touchpoint()) {
            (Some(m), _) => m
                .iter()
                .map(|x| protection.hidden(Family::N, x[0]))
                .collect(),
            (None, Some(_)) => group_sup.clone(),
            (None, None) => hidden_of(Family::Channels),
        };
        let mut opt_sup: Vec<bool> = (0..cells * no)
            .map(|s| {
                mix_sup[s / no]
                    || opt_counts[s] < k64
                    || channel_cells
                        .as_ref()
                        .is_some_and(|cc| protection.hidden(Family::N, cc[s]))
            })
            .collect();
        // A shown channel type minus its shown touchpoints would reveal the hidden
        // ones: within each group, the touchpoints of one type are siblings too.
        let mut opt_parts = spread(no);
        for &c in &live {
            for t in 0..2 {
                let part: Vec<usize> = (0..no)
                    .filter(|&o| options[o].channel.is_some() && type_of(o) == t)
                    .map(|o| c * no + o)
                    .collect();
                if part.len() > 1 {
                    opt_parts.push(part);
                }
            }
        }
        remainder_rule(&opt_counts, &mut opt_sup, &opt_parts, k64);
        let mut type_sup: Vec<bool> = (0..cells * 2)
            .map(|s| {
                mix_sup[s / 2]
                    || type_counts[s] < k64
                    || mix_at
                        .as_ref()
                        .is_some_and(|m| protection.hidden(Family::N, m[s / 2][1 + s % 2]))
            })
            .collect();
        remainder_rule(&type_counts, &mut type_sup, &spread(2), k64);
        (q, mix_sup, opt_counts, opt_sup, type_counts, type_sup)
    });

    // Figures that change between periods, per cell (None when hidden).
    let mut bases: IndexMap<String, Vec<Option<Basis>>> = IndexMap::new();
    let mut groups = Vec::with_capacity(live.len());
    for &c in &listed {
        let key = cell_key(plan, data, c);
        if group_sup[c] {
            groups.push(Group::Suppressed {
                key,
                suppressed: true,
            });
            continue;
        }
        let mut g = GroupStats {
            key,
            suppressed: false,
            n: acc.n[c],
            response_rate: response_rate(plan, c, acc.n[c]),
            items: IndexMap::new(),
            dimensions: IndexMap::new(),
            ccl: None,
            nps: IndexMap::new(),
            ces: IndexMap::new(),
            standards: IndexMap::new(),
            resolution: IndexMap::new(),
            channels: IndexMap::new(),
            drivers: IndexMap::new(),
            texts: IndexMap::new(),
        };
        let mut basis = |path: String, b: Option<Basis>| {
            bases.entry(path).or_insert_with(|| vec![None; cells])[c] = b
        };

        for s in &plan.scale {
            let it = &plan.hist_items[s.hist];
            let id = survey.questions[s.q].id.clone();
            if item_sup[s.hist][c] {
                g.items.insert(id.clone(), Fig::Suppressed);
                basis(format!("items.{id}.mean"), None);
                basis(format!("items.{id}.top2"), None);
                if survey.questions[s.q].role == Some(Role::Effort) {
                    g.ces.insert(id, Fig::Suppressed);
                }
                continue;
            }
            let counts = &acc.hist[c * w + it.offset + 1..c * w + it.offset + it.width];
            let st = item_stats(counts, s.points, 1);
            let top: u64 = counts[counts.len() - 2..]
                .iter()
                .map(|&x| u64::from(x))
                .sum();
            basis(
                format!("items.{id}.mean"),
                Some(Basis::Mean {
                    mean: st.mean,
                    var: st.sd.map(|s| s * s),
                    n: st.n,
                }),
            );
            basis(
                format!("items.{id}.top2"),
                Some(Basis::Share { k: top, n: st.n }),
            );
            if survey.questions[s.q].role == Some(Role::Effort) {
                g.ces.insert(
                    id.clone(),
                    Fig::Shown(CesStats {
                        n: st.n,
                        mean: st.mean,
                        ci95: st.ci95,
                        easy: st.top2,
                        easy_ci95: st.top2_ci95,
                    }),
                );
            }
            g.items.insert(id, Fig::Shown(st));
        }
        for (d, items) in plan.dims.iter().enumerate() {
            let id = survey.dimensions[d].id.clone();
            if dim_sup[d][c] {
                g.dimensions.insert(id.clone(), Fig::Suppressed);
                basis(format!("dimensions.{id}.index"), None);
                continue;
            }
            let m = &acc.dim[c * nd + d];
            let (sd, ci95) = moments_interval(m);
            let (off, width) = acc.alpha_width[d];
            let a = &acc.alpha[c * acc.alpha_stride + off..c * acc.alpha_stride + off + width];
            basis(
                format!("dimensions.{id}.index"),
                Some(Basis::Mean {
                    mean: m.mean(),
                    var: m.variance(),
                    n: m.n,
                }),
            );
            g.dimensions.insert(
                id,
                Fig::Shown(DimensionStats {
                    n: m.n,
                    index: m.mean(),
                    sd,
                    ci95,
                    alpha: cronbach(a, items.len()),
                    alpha_n: a[0],
                }),
            );
        }
        if nd > 0 {
            if ccl_sup[c] {
                g.ccl = Some(Fig::Suppressed);
                basis("ccl.value".into(), None);
            } else {
                let m = &acc.ccl[c];
                let (sd, ci95) = moments_interval(m);
                basis(
                    "ccl.value".into(),
                    Some(Basis::Mean {
                        mean: m.mean(),
                        var: m.variance(),
                        n: m.n,
                    }),
                );
                g.ccl = Some(Fig::Shown(LevelStats {
                    n: m.n,
                    value: m.mean(),
                    sd,
                    ci95,
                }));
            }
        }
        for it in &plan.nps {
            let id = survey.questions[it.q].id.clone();
            let hist_index = plan
                .hist_items
                .iter()
                .position(|h| h.q == it.q)
                .expect("nps item");
            if item_sup[hist_index][c] {
                g.nps.insert(id.clone(), Fig::Suppressed);
                basis(format!("nps.{id}.value"), None);
                continue;
            }
            let counts = &acc.hist[c * w + it.offset + 1..c * w + it.offset + 12];
            let n: u64 = counts.iter().map(|&x| u64::from(x)).sum();
            let promoters: u64 = counts[9..].iter().map(|&x| u64::from(x)).sum();
            let detractors: u64 = counts[..7].iter().map(|&x| u64::from(x)).sum();
            let (nf, p, d) = (n as f64, promoters as f64, detractors as f64);
            let value = 100.0 * (p - d) / nf;
            let se = 100.0 * ((p / nf + d / nf - ((p - d) / nf).powi(2)) / nf).sqrt();
            let ci95 = [
                (value - Z95 * se).max(-100.0),
                (value + Z95 * se).min(100.0),
            ];
            basis(format!("nps.{id}.value"), Some(Basis::Nps { value, se }));
            g.nps.insert(
                id,
                Fig::Shown(NpsStats {
                    n,
                    value,
                    se,
                    ci95,
                    promoters,
                    passives: n - promoters - detractors,
                    detractors,
                }),
            );
        }
        for (s, &(q, max)) in plan.standards.iter().enumerate() {
            let id = survey.questions[q].id.clone();
            if std_sup[s][c] {
                g.standards.insert(id.clone(), Fig::Suppressed);
                basis(format!("standards.{id}.share"), None);
                continue;
            }
            let (n, ok, median, p90) = acc.standards[s].summary(c, max);
            basis(
                format!("standards.{id}.share"),
                Some(Basis::Share { k: ok, n }),
            );
            g.standards.insert(
                id,
                Fig::Shown(StandardStats {
                    n,
                    max,
                    share: ok as f64 / n as f64,
                    ci95: stats::wilson(ok, n),
                    median,
                    p90,
                }),
            );
        }
        for (s, &q) in plan.resolution.iter().enumerate() {
            let id = survey.questions[q].id.clone();
            if res_sup[s][c] {
                g.resolution.insert(id.clone(), Fig::Suppressed);
                basis(format!("resolution.{id}.share"), None);
                continue;
            }
            let [yes, no] = acc.resolution[c * nr + s];
            basis(
                format!("resolution.{id}.share"),
                Some(Basis::Share {
                    k: yes,
                    n: yes + no,
                }),
            );
            g.resolution.insert(id, Fig::Shown(share(yes, yes + no)));
        }
        if let Some((q, mix_sup, opt_counts, opt_sup, type_counts, type_sup)) = &channel {
            let options = survey.questions[*q].kind.options();
            let no = options.len();
            let n: u64 = opt_counts[c * no..(c + 1) * no].iter().sum();
            if !channels_shown(c) {
                // not published for this table
            } else if n > 0 && mix_sup[c] {
                g.channels
                    .insert(survey.questions[*q].id.clone(), Fig::Suppressed);
            } else if n > 0 {
                let fig = |k: u64, hidden: bool| {
                    if hidden {
                        Fig::Suppressed
                    } else {
                        Fig::Shown(PartStats {
                            n: k,
                            share: k as f64 / n as f64,
                            ci95: stats::wilson(k, n),
                        })
                    }
                };
                let opts = options
                    .iter()
                    .enumerate()
                    .map(|(o, opt)| {
                        (
                            opt.id.clone(),
                            fig(opt_counts[c * no + o], opt_sup[c * no + o]),
                        )
                    })
                    .collect();
                let has_types = options.iter().any(|o| o.channel.is_some());
                let types = if has_types {
                    ["digital", "offline"]
                        .iter()
                        .enumerate()
                        .map(|(t, name)| {
                            (
                                name.to_string(),
                                fig(type_counts[c * 2 + t], type_sup[c * 2 + t]),
                            )
                        })
                        .collect()
                } else {
                    IndexMap::new()
                };
                g.channels.insert(
                    survey.questions[*q].id.clone(),
                    Fig::Shown(ChannelStats {
                        n,
                        options: opts,
                        types,
                    }),
                );
            }
        }
        // Drivers: importance (r with the level) against performance (the item index).
        if nd > 0 {
            let mut found = Vec::new();
            for (i, s) in plan.scale.iter().enumerate() {
                let id = survey.questions[s.q].id.clone();
                let at = c * plan.scale.len() + i;
                let (sy, syy) = acc.ccl[c].sums();
                let (my, myy) = acc.drv_miss[at];
                let co = stats::co_moments(
                    &acc.drv_n[at * 12 + 1..at * 12 + 12],
                    1,
                    sy - my,
                    syy - myy,
                    acc.drv_sxy[at],
                );
                let perf = g.items.get(&id).and_then(Fig::shown).map(|st| st.index);
                match (perf, co.pearson()) {
                    (Some(performance), Some(r)) if co.n >= k64 && !driver_sup[i][c] => {
                        found.push((id, co.n, r, performance))
                    }
                    _ => {
                        g.drivers.insert(id, Fig::Suppressed);
                    }
                }
            }
            let mut imp: Vec<f64> = found.iter().map(|f| f.2).collect();
            let mut perf: Vec<f64> = found.iter().map(|f| f.3).collect();
            let (mi, mp) = if found.is_empty() {
                (0.0, 0.0)
            } else {
                (median(&mut imp), median(&mut perf))
            };
            for (id, n, r, performance) in found {
                g.drivers.insert(
                    id,
                    Fig::Shown(DriverStats {
                        n,
                        importance: r,
                        performance,
                        priority: r > mi && performance < mp,
                    }),
                );
            }
        }
        for (t, &q) in plan.texts.iter().enumerate() {
            if !texts_here {
                break;
            }
            let id = survey.questions[q].id.clone();
            if text_sup[t][c] {
                g.texts.insert(id, Fig::Suppressed);
                continue;
            }
            let Column::Text(col) = data.column(q) else {
                unreachable!("text question")
            };
            let answers = shuffle_texts(
                acc.texts[c * nt + t]
                    .iter()
                    .map(|&r| col.get(r as usize).to_owned())
                    .collect(),
            );
            g.texts.insert(
                id,
                Fig::Shown(TextAnswers {
                    n: answers.len() as u64,
                    answers,
                }),
            );
        }
        groups.push(Group::Shown(Box::new(g)));
    }

    let (changes, trends) = if plan.keys.first().is_some_and(|k| k.question.is_none()) {
        changes_and_trends(plan, data, &listed, &bases)
    } else {
        (Vec::new(), Vec::new())
    };

    Analysis {
        survey: survey.id.clone(),
        min_group: k,
        min_group_text: k_text,
        by: plan.keys.iter().map(|k| k.name.clone()).collect(),
        periods: data.periods().iter().map(ToString::to_string).collect(),
        responses: data.len() as u64,
        groups,
        changes,
        trends,
    }
}

fn cell_key(plan: &Plan<'_>, data: &Responses, c: usize) -> IndexMap<String, Value> {
    plan.keys
        .iter()
        .map(|k| {
            let code = (c / k.stride) % k.card;
            let v = match k.question {
                None => data
                    .periods()
                    .get(code)
                    .map_or(Value::Null, |p| Value::String(p.to_string())),
                Some(_) if code == 0 => Value::Null,
                Some(q) => {
                    Value::String(plan.survey.questions[q].kind.options()[code - 1].id.clone())
                }
            };
            (k.name.clone(), v)
        })
        .collect()
}

fn response_rate(plan: &Plan<'_>, c: usize, n: u64) -> Option<f64> {
    plan.keys.iter().find_map(|k| {
        let q = k.question?;
        let code = (c / k.stride) % k.card;
        let h = plan.survey.questions[q]
            .kind
            .options()
            .get(code.checked_sub(1)?)?
            .headcount?;
        (h > 0).then(|| n as f64 / f64::from(h))
    })
}

fn changes_and_trends(
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Scores counted per slot and scores summed one by one give the same analysis,
    /// whatever the budget lets count (none, some dimensions, all), and so does a pass
    /// split into parts (on as many threads) and added up, one that scores eight rows
    /// at a time, one that flushes its 64-bit sums after every block, and one that
    /// counts items in pairs.
    #[test]
    fn counted_and_summed_scores_agree() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/reference/");
        let survey =
            Survey::from_json(&std::fs::read_to_string(format!("{dir}survey.json")).unwrap())
                .unwrap();
        let csv = std::fs::read(format!("{dir}responses.csv")).unwrap();
        // Split into parts of every size down to a single row.
        every_way_of_running_the_pass_agrees(&survey, &csv, 52, &[1, 2, 3, 7, usize::MAX]);
    }

    /// Four dimensions of five items, all scored bytewise, two pairs and a single item
    /// each: every way of running the pass agrees there too.
    #[test]
    fn four_dimensions_of_paired_items_count_as_single_ones() {
        let survey = otklik_demo::bench_survey();
        let spec = otklik_demo::Spec {
            responses: Some(400),
            ..otklik_demo::Spec::default()
        };
        let csv = otklik_demo::generate_csv(&survey, &spec, 5);
        let data = otklik_survey::import::read_csv(
            &survey,
            "bench.csv",
            &csv,
            &otklik_survey::import::Limits::default(),
        )
        .unwrap();
        let plan = plan(&survey, &data, &Params::default()).unwrap();
        let (pairs, single) = pair_items(&plan, true);
        assert_eq!((pairs.len(), single.len()), (8, 4));
        // A dimension of five items of 5 points: 5 × 21 slots.
        every_way_of_running_the_pass_agrees(&survey, &csv, 105, &[1, 3]);
    }

    /// Every way of running the pass gives the very same analysis, for three groupings;
    /// `first_dim_slots`: the first dimension's slots per cell; `parts`: the numbers of
    /// parts to split the pass into (`usize::MAX`: one per row).
    fn every_way_of_running_the_pass_agrees(
        survey: &Survey,
        csv: &[u8],
        first_dim_slots: usize,
        parts: &[usize],
    ) {
        let data = otklik_survey::import::read_csv(
            survey,
            "responses.csv",
            csv,
            &otklik_survey::import::Limits::default(),
        )
        .unwrap();
        for by in [
            vec![],
            vec![Key::Period],
            vec![Key::Period, Key::Question("dept".into())],
        ] {
            let params = Params {
                by,
                texts: true,
                ..Params::default()
            };
            let plan = plan(survey, &data, &params).unwrap();
            let forms = std_forms(&plan, &data);
            let protection = Protection::new(survey, &data, None).unwrap();
            let dims = published(survey, &data, &params, &protection).unwrap();
            let run = |slot_budget, shards, bytewise, flush, paired| {
                let pass = Pass {
                    slot_budget,
                    shards,
                    bytewise,
                    flush,
                    paired,
                };
                let acc = accumulate_with(&plan, &data, 0..data.len(), pass, &forms);
                serde_json::to_string(&finish(survey, &data, &plan, &acc, &protection, &dims))
                    .unwrap()
            };
            let counted = run(MAX_SCORE_SLOTS, 1, false, FLUSH, false);
            // Only the first dimension fits, or every one.
            for budget in [0, first_dim_slots * plan.cells, MAX_SCORE_SLOTS] {
                for &shards in parts {
                    let shards = shards.min(data.len());
                    for bytewise in [false, true] {
                        // The driver sums flushed after every block, or never.
                        for flush in [1, FLUSH] {
                            for paired in [false, true] {
                                assert_eq!(
                                    run(budget, shards, bytewise, flush, paired),
                                    counted,
                                    "budget {budget}, {shards} shards, bytewise {bytewise}, \
                                     flush {flush}, paired {paired}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// Standards counted per value give the figures of the sorted values, per cell
        /// and rolled up, for whole, half, tenth and hundredth steps, and fall back to
        /// the values themselves for anything else.
        #[test]
        fn standard_summaries_equal_sorting(
            raw in prop::collection::vec((0u32..3, -50i64..3000, 0u8..10), 1..400),
            step in 0usize..6,
            max in -5.0f64..40.0,
        ) {
            let per_unit = [1.0, 2.0, 4.0, 10.0, 100.0, 0.0][step];
            let value = |k: i64| if per_unit > 0.0 { k as f64 / per_unit } else { k as f64 * 0.0137 + 0.001 };
            let cell_of: Vec<u32> = raw.iter().map(|r| r.0).collect();
            // One answer in ten is missing.
            let values: Vec<f64> = raw.iter().map(|r| if r.2 == 0 { f64::NAN } else { value(r.1) }).collect();
            let acc = StdAcc::collect(&values, &cell_of, 3);
            let counted = matches!(acc, StdAcc::Counts { .. });
            let present: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
            let any_fraction = present.iter().any(|x| (x * 100.0).round() / 100.0 != *x);
            prop_assert_eq!(counted, !any_fraction || per_unit > 0.0);
            let mut all = StdAcc::new(acc.form(), 1);
            for c in 0..3 {
                let mine: Vec<f64> = values
                    .iter()
                    .zip(&cell_of)
                    .filter(|(x, &cc)| cc as usize == c && !x.is_nan())
                    .map(|(x, _)| *x)
                    .collect();
                prop_assert_eq!(acc.n(c), mine.len() as u64);
                if !mine.is_empty() {
                    prop_assert_eq!(acc.summary(c, max), sorted_summary(&mine, max));
                }
                all.add_cell(0, &acc, c);
            }
            if !present.is_empty() {
                prop_assert_eq!(all.summary(0, max), sorted_summary(&present, max));
            }
        }
    }
}
