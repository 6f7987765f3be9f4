//! The score pass's sums while it runs, and the rows of one block as each step
//! leaves them for the next.

use super::acc::Acc;
use super::score::{DimScore, Scoring, ROWS};
use super::score_fast::{flush_masks, flush_sums, spill_pair, two_mut};
use crate::stats::{self, Moments};

/// The sums of the pass while it runs, item by item (dimension by dimension).
pub(super) struct Sums {
    /// Per dimension and cell: respondents per (count, worth) slot; and, where the
    /// slots cannot give them, complete answers, Σ raw total and Σ raw total²
    /// (Cronbach).
    pub(super) slots: Vec<Vec<u32>>,
    pub(super) alpha: Vec<[u64; 3]>,
    /// Per item and cell, for answers v = 0 (blank) ..= points, apart for those who
    /// answered every item of the item's dimension (Cronbach's item sums): respondents
    /// and Σ level (in 64 bits, flushed into 128).
    pub(super) counts: Vec<Vec<u32>>,
    pub(super) sy_all: Vec<Vec<u128>>,
    /// Per item, cell and answer: respondents without a level.
    pub(super) no_level: Vec<Vec<u32>>,
    /// Per single item (not paired): respondents and Σ level (since the last flush) per
    /// (2 · cell + full, answer), side by side.
    pub(super) own: Vec<Vec<[u64; 2]>>,
    /// Per item and cell: Σ level² of the blank answers.
    pub(super) blank_yy: Vec<Vec<u128>>,
    /// Per pair: respondents and Σ level per (2 · cell + full, answer, answer).
    pub(super) joint: Vec<Vec<[u64; 2]>>,
    pub(super) joint_sum: Vec<Vec<u128>>,
    /// Per masked dimension: per cell and blank mask, Σ level² (in pieces) since the
    /// last flush.
    pub(super) mask_part: Vec<Vec<[u64; 3]>>,
    /// Per cell: the level's sums since the last flush.
    pub(super) level: Vec<stats::PartSums>,
}

impl Sums {
    pub(super) fn new(sc: &Scoring<'_>) -> Sums {
        let cells = sc.cells;
        let width = &sc.width;
        let joint: Vec<Vec<[u64; 2]>> = sc
            .pairs
            .iter()
            .map(|p| vec![[0; 2]; cells * 2 * p.w * p.w])
            .collect();
        Sums {
            slots: sc
                .dims
                .iter()
                .map(|d| vec![0; cells * d.table.len()])
                .collect(),
            alpha: vec![[0u64; 3]; sc.ndim * cells],
            counts: width.iter().map(|w| vec![0; cells * 2 * w]).collect(),
            sy_all: width.iter().map(|w| vec![0; cells * 2 * w]).collect(),
            no_level: width.iter().map(|w| vec![0; cells * w]).collect(),
            own: width.iter().map(|w| vec![[0; 2]; cells * 2 * w]).collect(),
            blank_yy: width.iter().map(|_| vec![0; cells]).collect(),
            joint_sum: joint.iter().map(|j| vec![0; j.len()]).collect(),
            joint,
            mask_part: sc
                .dims
                .iter()
                .zip(&sc.masked)
                .map(|(ds, &m)| {
                    if m {
                        vec![[0; 3]; cells << ds.items.len()]
                    } else {
                        Vec::new()
                    }
                })
                .collect(),
            level: vec![stats::PartSums::default(); cells],
        }
    }

    /// Moves the 64-bit sums into 128 bits (and the level's into `ccl`).
    pub(super) fn flush(&mut self, dims: &[DimScore], ccl: &mut [Moments]) {
        flush_sums(&mut self.joint, &mut self.joint_sum);
        flush_sums(&mut self.own, &mut self.sy_all);
        flush_masks(dims, &mut self.mask_part, &mut self.blank_yy);
        for (part, all) in self.level.iter_mut().zip(ccl) {
            part.move_into(all);
        }
    }

    /// Adds the single items' and the pairs' counts (and the pairs' level sums) to
    /// each item's, once the pass is flushed.
    pub(super) fn spill(&mut self, sc: &Scoring<'_>) {
        for &i in &sc.single {
            for (n, e) in self.counts[i].iter_mut().zip(&self.own[i]) {
                *n += e[0] as u32;
            }
        }
        for ((p, jt), js) in sc.pairs.iter().zip(&self.joint).zip(&mut self.joint_sum) {
            let mut jn: Vec<u32> = jt.iter().map(|e| e[0] as u32).collect();
            let (a, b) = two_mut(&mut self.counts, p.a, p.b);
            spill_pair(p, &mut jn, a, b);
            let (a, b) = two_mut(&mut self.sy_all, p.a, p.b);
            spill_pair(p, js, a, b);
        }
    }

    /// Settles the sums into the per-cell layout of `acc`.
    pub(super) fn settle(&self, sc: &Scoring<'_>, acc: &mut Acc) {
        let Sums {
            slots,
            alpha,
            counts,
            sy_all,
            no_level,
            blank_yy,
            ..
        } = self;
        let (plan, cells, ndim, dims, width) = (sc.plan, sc.cells, sc.ndim, &sc.dims, &sc.width);
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
                        sxy +=
                            v as u128 * (sy_all[i][c * 2 * w + v] + sy_all[i][(c * 2 + 1) * w + v]);
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
}

/// One block of rows, as each step of the pass leaves it for the next.
pub(super) struct Block {
    /// Per dimension and row: the answers' worth, their count and raw total.
    pub(super) worth: Vec<u32>,
    pub(super) count: Vec<u32>,
    pub(super) total: Vec<u32>,
    /// Per dimension and row: 2 · cell + whether every item was answered (the row's
    /// place in the item tables; the last row, for items outside every dimension, is
    /// 2 · cell).
    pub(super) base: Vec<u32>,
    /// Per row: the level's weighted sum and weight, whether it has a level, the level,
    /// and its square, in pieces (`stats::square_pieces`).
    pub(super) wsum: [f64; ROWS],
    pub(super) wtot: [f64; ROWS],
    pub(super) has_level: Vec<bool>,
    pub(super) y: Vec<u64>,
    pub(super) yy: Vec<[u64; 3]>,
    /// The rows of one item's blank answers.
    pub(super) blank_rows: Vec<u16>,
    /// Per masked dimension, per eight rows: the rows' blank masks.
    pub(super) blank_masks: Vec<u64>,
}

impl Block {
    pub(super) fn new(ndim: usize) -> Block {
        Block {
            worth: vec![0u32; ndim * ROWS],
            count: vec![0u32; ndim * ROWS],
            total: vec![0u32; ndim * ROWS],
            base: vec![0u32; (ndim + 1) * ROWS],
            wsum: [0.0f64; ROWS],
            wtot: [0.0f64; ROWS],
            has_level: vec![false; ROWS],
            y: vec![0u64; ROWS],
            yy: vec![[0u64; 3]; ROWS],
            blank_rows: vec![0u16; ROWS + 8],
            blank_masks: vec![0u64; ndim * (ROWS / 8)],
        }
    }
}
