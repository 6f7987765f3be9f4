//! The accumulators of a pass: what every cell adds up, how a pass is split into
//! shards and added up, and how a fine grouping rolls up into a coarser one.

use std::ops::Range;

use otklik_survey::{Column, Responses};
use serde::{Deserialize, Serialize};

use super::plan::{cell_of_rows, column_codes, number_column, Plan};
use super::score::{score_pass, FLUSH, MAX_SCORE_SLOTS};
use super::standards::{StdAcc, StdForm};
use crate::stats::Moments;

/// Sufficient statistics per cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Acc {
    pub(super) n: Vec<u64>,
    pub(super) hist: Vec<u32>,
    pub(super) dim: Vec<Moments>,
    pub(super) ccl: Vec<Moments>,
    /// Per cell, per dimension: [count, Σtotal, Σtotal², then Σx, Σx² per item].
    pub(super) alpha: Vec<u64>,
    pub(super) alpha_width: Vec<(usize, usize)>,
    pub(super) alpha_stride: usize,
    /// Drivers: per cell, per scale item, per answer value (0..12): respondents with a
    /// level who gave that answer.
    pub(super) drv_n: Vec<u32>,
    /// Per cell, per scale item: Σ answer · level (fixed point).
    pub(super) drv_sxy: Vec<u128>,
    /// Per cell, per scale item: Σ level and Σ level² of the respondents with a level
    /// who left the item unanswered (the item's own sums are the cell's level sums
    /// minus these, so an answered item costs no 128-bit addition).
    pub(super) drv_miss: Vec<(u128, u128)>,
    /// Per standard.
    pub(super) standards: Vec<StdAcc>,
    pub(super) resolution: Vec<[u64; 2]>,
    pub(super) channels: Vec<u64>,
    pub(super) texts: Vec<Vec<u32>>,
}

impl Acc {
    /// Empty accumulators for the cells of `plan`.
    pub(super) fn new(plan: &Plan<'_>) -> Acc {
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
pub(super) struct Pass {
    /// Slots up to which dimension scores are counted rather than summed.
    pub(super) slot_budget: usize,
    /// Contiguous parts of the rows, accumulated apart and added up.
    pub(super) shards: usize,
    /// Whether a dimension whose slots fit in a byte is scored eight rows at a time.
    pub(super) bytewise: bool,
    /// Rows between flushes of the 64-bit driver sums (at most [`FLUSH`]).
    pub(super) flush: usize,
    /// Whether two items of the same dimension and points are counted together.
    pub(super) paired: bool,
}

impl Pass {
    pub(super) fn new(shards: usize) -> Pass {
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
pub(super) fn shards(rows: usize, cells: usize) -> usize {
    if cfg!(target_arch = "wasm32") || cells > SHARD_MAX_CELLS {
        return 1;
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    threads.min(rows / SHARD_ROWS).max(1)
}

/// The accumulators of the rows `rows`, computed in `pass.shards` contiguous parts (on
/// as many threads, natively) and added up, with the standards in the forms `forms`.
/// Every accumulator is an exact integer sum or a list in row order, so the parts add
/// up to the very same result.
pub(super) fn accumulate_with(
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

/// The accumulators of `fine` summed into the cells of `coarse`, whose keys are a
/// subsequence of `fine`'s.
pub(super) fn rollup(f: &Acc, fine: &Plan<'_>, coarse: &Plan<'_>) -> Acc {
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
    pub(super) fn add(&mut self, part: &Acc, plan: &Plan<'_>) {
        let identity: Vec<usize> = (0..plan.texts.len()).collect();
        for c in (0..plan.cells).filter(|&c| part.n[c] > 0) {
            self.add_cell(c, part, c, plan, &identity);
        }
    }

    /// Adds `f`'s cell `fc` (of the plan `fine`) to cell `cc`; `texts_of_fine[t]` is
    /// `fine`'s index of this accumulator's free-text question `t`.
    pub(super) fn add_cell(
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
