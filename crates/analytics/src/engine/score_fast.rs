//! The score pass's fast paths: eight rows scored at once in the bytes of a word,
//! two items counted together, and the 64-bit sums moved into 128 bits.

use super::plan::Plan;
use super::score::DimScore;
use crate::stats;

/// What a bytewise dimension's slot gives a row.
pub(super) struct ByteDim<'a> {
    /// Per slot: the dimension's weight times the score, and its weight (zero when
    /// no item was answered).
    pub(super) terms: &'a [[f64; 2]],
    /// The first slot of the rows that answered every item.
    pub(super) full_from: usize,
    /// Slots per cell.
    pub(super) per_cell: usize,
    /// Whether Cronbach's totals are summed per row (not read from the slots).
    pub(super) totals: bool,
}

/// The first eight bytes of `col` as one number (the first in the lowest byte);
/// bytes past its end read as `fill`.
pub(super) fn eight_bytes(col: &[u8], fill: u8) -> u64 {
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
pub(in crate::engine) struct Pair {
    /// Indices into `plan.scale`.
    pub(super) a: usize,
    pub(super) b: usize,
    /// Points + 1.
    pub(super) w: usize,
    /// Their dimension's row in the block's `base` (`ndim` for none).
    pub(super) d: usize,
}

/// Joint slots (cells × 2 × w² per pair) up to which items are paired.
const MAX_PAIR_SLOTS: usize = 1 << 20;

/// The items paired (in order, within each dimension and points) while their joint
/// tables fit in [`MAX_PAIR_SLOTS`], and the items left single.
pub(in crate::engine) fn pair_items(plan: &Plan<'_>, paired: bool) -> (Vec<Pair>, Vec<usize>) {
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
pub(super) fn spill_pair<T: Copy + Default + std::ops::AddAssign>(
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
pub(super) fn flush_sums(parts: &mut [Vec<[u64; 2]>], all: &mut [Vec<u128>]) {
    for (part, all) in parts.iter_mut().zip(all) {
        for (t, p) in all.iter_mut().zip(part.iter_mut()) {
            *t += u128::from(std::mem::take(&mut p[1]));
        }
    }
}

/// Moves the blank answers' Σ level² kept per (cell, blank mask) into each item's
/// 128-bit sums per cell: an item's blanks are the rows whose mask has its bit.
pub(super) fn flush_masks(
    dims: &[DimScore],
    mask_part: &mut [Vec<[u64; 3]>],
    blank_yy: &mut [Vec<u128>],
) {
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
pub(super) fn two_mut<T>(v: &mut [T], a: usize, b: usize) -> (&mut T, &mut T) {
    assert_ne!(a, b);
    if a < b {
        let (x, y) = v.split_at_mut(b);
        (&mut x[a], &mut y[0])
    } else {
        let (x, y) = v.split_at_mut(a);
        (&mut y[0], &mut x[b])
    }
}

pub(super) const ONES: u64 = 0x0101_0101_0101_0101;

/// For every byte: the positions of its set bits, lowest first (the rest zero).
pub(super) const SET_BITS: [[u8; 8]; 256] = {
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
pub(super) const fn nonzero_bytes(x: u64) -> u64 {
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
pub(super) fn eight_slots(ds: &DimScore, codes: &[&[u8]], row: usize, end: usize) -> [u64; 3] {
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
pub(super) const MASK_ITEMS: usize = 6;
