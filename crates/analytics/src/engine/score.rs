//! The score pass: the respondent-level figures, read block by block.

use std::ops::Range;

use otklik_survey::Responses;

use super::acc::{Acc, Pass};
use super::plan::{column_codes, Plan};
pub(super) use super::score_fast::pair_items;
use super::score_fast::{
    eight_bytes, eight_slots, nonzero_bytes, ByteDim, Pair, MASK_ITEMS, ONES, SET_BITS,
};
use super::score_sums::{Block, Sums};
use crate::stats::{self, Moments};

/// Rows per block of the score pass: a block's cells, answers and levels stay in
/// the first-level cache while each column is read.
pub(super) const ROWS: usize = 512;
/// Rows between flushes of the 64-bit sums into 128 bits: a level below 2^39 in fixed
/// point, summed over 2^23 rows, stays below 2^62 (the drivers' sums), and the pieces
/// of the level's squares below 2^63 (`stats::PartSums`).
pub(super) const FLUSH: usize = stats::PartSums::MAX;
/// Slots (cells × dimensions × (count, worth) pairs) up to which respondent scores are
/// counted rather than summed.
pub(super) const MAX_SCORE_SLOTS: usize = 1 << 22;

/// A dimension's respondent scores in whole numbers. With `unit` the least common
/// multiple of its items' steps (points − 1), an answer v to an item of m points is
/// worth (v − 1) · unit / (m − 1), and a respondent who answered `k` of the items,
/// worth `s` in all, scores 100 · s / (k · unit): the mean of the answers on 0–100.
pub(super) struct DimScore {
    /// Indices into `plan.scale`.
    pub(super) items: Vec<usize>,
    pub(super) unit: u32,
    /// Per item: unit / (points − 1).
    pub(super) worth: Vec<u32>,
    /// Slots per answer count: (items · unit + 1).
    pub(super) per: usize,
    /// The score of every (k, s) slot, when scores are counted per slot (few slots);
    /// empty when they are summed one by one.
    pub(super) table: Vec<f64>,
    /// When the slots are counted and every slot and raw total fits in a byte, eight
    /// rows are scored at once (`bytewise`). Per slot: the dimension's weight times its
    /// score, and its weight (zero when no item was answered), the very terms the
    /// level's sums add.
    pub(super) bytewise: Option<Vec<[f64; 2]>>,
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
    pub(super) fn totals_from_slots(&self) -> bool {
        !self.table.is_empty() && self.worth.iter().all(|&w| w == 1)
    }

    fn score(&self, k: usize, s: usize) -> f64 {
        if k == 0 {
            return 0.0;
        }
        100.0 * s as f64 / (k as f64 * f64::from(self.unit))
    }
}

/// What the score pass reads besides the rows' cells: how each dimension is scored,
/// the scale items' answers, and how each item is counted.
pub(super) struct Scoring<'a> {
    pub(super) plan: &'a Plan<'a>,
    pub(super) cells: usize,
    pub(super) ndim: usize,
    pub(super) weights: Vec<f64>,
    pub(super) dims: Vec<DimScore>,
    /// Per scale item: its answers in the pass's rows.
    pub(super) codes: Vec<&'a [u8]>,
    /// Per scale item: points + 1.
    pub(super) width: Vec<usize>,
    /// The items counted in pairs, and those counted alone.
    pub(super) pairs: Vec<Pair>,
    pub(super) single: Vec<usize>,
    /// Whether every dimension is scored bytewise.
    pub(super) bytewise: bool,
    /// Per dimension: whether it is scored bytewise with at most `MASK_ITEMS` items,
    /// and its blank answers summed per (cell, blank mask).
    pub(super) masked: Vec<bool>,
    /// Per scale item: whether its blanks are summed through its dimension's masks.
    pub(super) by_mask: Vec<bool>,
}

impl<'a> Scoring<'a> {
    fn new(plan: &'a Plan<'a>, data: &'a Responses, rows: Range<usize>, pass: Pass) -> Self {
        let ndim = plan.dims.len();
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
        let width: Vec<usize> = plan
            .scale
            .iter()
            .map(|s| usize::from(s.points) + 1)
            .collect();
        let (pairs, single) = pair_items(plan, pass.paired);
        let bytewise = dims.iter().all(|d| d.bytewise.is_some());
        let masked: Vec<bool> = dims
            .iter()
            .map(|ds| bytewise && ds.items.len() <= MASK_ITEMS)
            .collect();
        let by_mask: Vec<bool> = plan
            .scale
            .iter()
            .map(|s| s.dimension.is_some_and(|d| masked[d]))
            .collect();
        Scoring {
            plan,
            cells: plan.cells,
            ndim,
            weights,
            dims,
            codes,
            width,
            pairs,
            single,
            bytewise,
            masked,
            by_mask,
        }
    }

    /// When every dimension is scored bytewise: per dimension, what a row's slot gives
    /// (otherwise none).
    fn by_byte(&self) -> Vec<ByteDim<'_>> {
        if !self.bytewise {
            return Vec::new();
        }
        self.dims
            .iter()
            .filter_map(|ds| {
                Some(ByteDim {
                    terms: ds.bytewise.as_ref()?,
                    full_from: ds.items.len() * ds.per,
                    per_cell: ds.table.len(),
                    totals: !ds.totals_from_slots(),
                })
            })
            .collect()
    }
}

/// The respondent-level figures in one blocked pass: dimension scores, the
/// client-centricity level, Cronbach's sums, the driver sums, and the value counts of
/// the scale items. While the pass runs, the sums live item by item (dimension by
/// dimension), so that each inner loop works within a few kilobytes and stores as
/// little as it can; they are settled into the per-cell layout at the end.
///
/// Dimensions are counted per slot while `slot_budget` slots suffice, then summed.
pub(super) fn score_pass(
    plan: &Plan<'_>,
    data: &Responses,
    cell_of: &[u32],
    rows: Range<usize>,
    acc: &mut Acc,
    pass: Pass,
) {
    let sc = Scoring::new(plan, data, rows, pass);
    let by_byte = sc.by_byte();
    let mut sums = Sums::new(&sc);
    let mut blk = Block::new(sc.ndim);
    let mut since_flush = 0;
    for start in (0..cell_of.len()).step_by(ROWS) {
        let end = (start + ROWS).min(cell_of.len());
        let len = end - start;
        let block = &cell_of[start..end];
        if since_flush + len > pass.flush {
            sums.flush(&sc.dims, &mut acc.ccl);
            since_flush = 0;
        }
        since_flush += len;

        blk.wsum[..len].fill(0.0);
        blk.wtot[..len].fill(0.0);
        score_bytewise(&sc, &by_byte, start, block, &mut sums, &mut blk);
        if !sc.bytewise {
            score_summed(&sc, start, block, &mut sums, &mut blk, &mut acc.dim);
        }
        let ndim = sc.ndim;
        for (f, &c) in blk.base[ndim * ROWS..ndim * ROWS + len]
            .iter_mut()
            .zip(block)
        {
            *f = 2 * c;
        }
        let all_level = level(block, &mut sums.level, &mut blk);
        sum_masks(&sc, block, &mut sums, &blk);
        count_pairs(&sc, start, len, &mut sums, &blk);
        count_singles(&sc, start, len, &mut sums, &blk);
        count_blanks(&sc, start, block, all_level, &mut sums, &mut blk);
    }
    sums.flush(&sc.dims, &mut acc.ccl);
    sums.spill(&sc);
    sums.settle(&sc, acc);
}

/// Scores the block's rows of every dimension eight rows at a time (when every
/// dimension is scored bytewise: `by_byte` is not empty): counts their slots, adds
/// their terms of the level, places them in the item tables, keeps their blank masks
/// and, where the slots cannot give them, sums Cronbach's totals.
#[inline]
fn score_bytewise(
    sc: &Scoring<'_>,
    by_byte: &[ByteDim<'_>],
    start: usize,
    block: &[u32],
    sums: &mut Sums,
    blk: &mut Block,
) {
    let (cells, dims, codes) = (sc.cells, &sc.dims, &sc.codes);
    let end = start + block.len();
    let len = block.len();
    let Block {
        base,
        wsum,
        wtot,
        blank_masks,
        ..
    } = blk;
    for (d, (b, slots)) in by_byte.iter().zip(sums.slots.iter_mut()).enumerate() {
        let ds = &dims[d];
        let alpha = &mut sums.alpha[d * cells..(d + 1) * cells];
        let base = &mut base[d * ROWS..d * ROWS + len];
        let rows = block
            .chunks(8)
            .zip(base.chunks_mut(8))
            .zip(wsum.chunks_mut(8).zip(wtot.chunks_mut(8)));
        for (g, ((cells8, base), (wsum, wtot))) in rows.enumerate() {
            let [mut slot8, mut total8, blank8] = eight_slots(ds, codes, start + 8 * g, end);
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
}

/// Scores the block's rows of every dimension row by row (when not every dimension
/// is scored bytewise): counts their slots or adds their scores to `dim`, adds their
/// terms of the level, places them in the item tables and sums Cronbach's totals
/// where the slots cannot give them.
#[inline]
fn score_summed(
    sc: &Scoring<'_>,
    start: usize,
    block: &[u32],
    sums: &mut Sums,
    blk: &mut Block,
    dim: &mut [Moments],
) {
    let (cells, ndim, codes, weights) = (sc.cells, sc.ndim, &sc.codes, &sc.weights);
    let end = start + block.len();
    let len = block.len();
    let Block {
        worth,
        count,
        total,
        base,
        wsum,
        wtot,
        ..
    } = blk;
    for (d, ds) in sc.dims.iter().enumerate() {
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
        let alpha = &mut sums.alpha[d * cells..(d + 1) * cells];
        let slots = &mut sums.slots[d][..];
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
                dim[c * ndim + d].push(x);
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
}

/// The level of each of the block's rows (and its square), added to its cell's sums;
/// whether every row has one.
#[inline]
fn level(block: &[u32], level: &mut [stats::PartSums], blk: &mut Block) -> bool {
    let Block {
        wsum,
        wtot,
        has_level,
        y,
        yy,
        ..
    } = blk;
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
    all_level
}

/// Adds the square of each row's level to its cell's sum for its blank mask, per
/// masked dimension.
#[inline]
fn sum_masks(sc: &Scoring<'_>, block: &[u32], sums: &mut Sums, blk: &Block) {
    let (yy, blank_masks) = (&blk.yy, &blk.blank_masks);
    for (d, (ds, part)) in sc.dims.iter().zip(&mut sums.mask_part).enumerate() {
        if !sc.masked[d] {
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
}

/// Counts the paired items' answers of the block's `len` rows from `start`, one count
/// and one level sum per pair of answers.
#[inline]
fn count_pairs(sc: &Scoring<'_>, start: usize, len: usize, sums: &mut Sums, blk: &Block) {
    let (codes, end) = (&sc.codes, start + len);
    let y = &blk.y[..len];
    for (p, jt) in sc.pairs.iter().zip(sums.joint.iter_mut()) {
        let (ca, cb) = (&codes[p.a][start..end], &codes[p.b][start..end]);
        let base = &blk.base[p.d * ROWS..p.d * ROWS + len];
        // A slice, not a vector: its length stays in a register while it is written.
        let (jt, w) = (&mut jt[..], p.w);
        for (((&b, &va), &vb), &y) in base.iter().zip(ca).zip(cb).zip(y) {
            // One slot holds the count and the level sum: one cache line per row.
            let e = &mut jt[(b as usize * w + usize::from(va)) * w + usize::from(vb)];
            e[0] += 1;
            e[1] += y;
        }
    }
}

/// Counts the single items' answers of the block's `len` rows from `start`, with
/// their level sums.
#[inline]
fn count_singles(sc: &Scoring<'_>, start: usize, len: usize, sums: &mut Sums, blk: &Block) {
    let (codes, end, ndim) = (&sc.codes, start + len, sc.ndim);
    let y = &blk.y[..len];
    for &i in &sc.single {
        let col = &codes[i][start..end];
        let w = sc.width[i];
        let d = sc.plan.scale[i].dimension.unwrap_or(ndim);
        let base = &blk.base[d * ROWS..d * ROWS + len];
        let own = &mut sums.own[i][..];
        for ((&b, &v), &y) in base.iter().zip(col).zip(y) {
            let e = &mut own[b as usize * w + usize::from(v)];
            e[0] += 1;
            e[1] += y;
        }
    }
}

/// Per scale item: the square of the level of the rows that left it blank (unless
/// its dimension's masks sum them), and the answers of the rows without a level
/// (unless `all_level`).
#[inline]
fn count_blanks(
    sc: &Scoring<'_>,
    start: usize,
    block: &[u32],
    all_level: bool,
    sums: &mut Sums,
    blk: &mut Block,
) {
    let (len, end) = (block.len(), start + block.len());
    let Block {
        has_level,
        yy,
        blank_rows,
        ..
    } = blk;
    for i in 0..sc.plan.scale.len() {
        let col = &sc.codes[i][start..end];
        let w = sc.width[i];
        if !sc.by_mask[i] {
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
            let blank_yy = &mut sums.blank_yy[i][..];
            for &r in &blank_rows[..blanks] {
                let r = usize::from(r);
                blank_yy[block[r] as usize] += stats::square_of(yy[r]);
            }
        }
        if !all_level {
            let no_level = &mut sums.no_level[i][..];
            for (r, (&c, &v)) in block.iter().zip(col).enumerate() {
                if !has_level[r] && v > 0 {
                    no_level[c as usize * w + usize::from(v)] += 1;
                }
            }
        }
    }
}
