//! Secondary suppression across linked tables.
//!
//! Every table that can be published for one data set (the publication set) is a set
//! of cells, and every cell adds up some **inner cells**: the finest combinations of
//! period and grouping answers that hold at least one response. A reader who combines
//! the published tables knows the shown cells' counts: linear equations over the
//! inner cells. [`Model::protect`] chooses which cells to hide so that
//!
//! - every cell under its threshold `k` is hidden (primary suppression);
//! - no hidden cell with a count is a linear combination of shown cells, so that no
//!   combination of published tables gives its count exactly. This is Statistics
//!   Norway's Gaussian-elimination method (`GaussSuppression`, Langsrud 2024): the
//!   shown cells are taken in order of preference (the largest first); each is used
//!   to eliminate one inner cell from every hidden cell, and a cell that would
//!   eliminate a hidden cell completely is hidden instead (secondary suppression).
//!   Unlike the R package's default, secondary cells are protected in the same way
//!   as primary ones: no hidden count is derivable, whatever its size;
//! - within every **partition** (a cell and the cells of a finer table that add up to
//!   it), the hidden cells hold together either nothing or at least `k`, so
//!   that subtraction cannot bound a small hidden cell below `k` (the remainder
//!   rule, applied to every pair of linked tables at once);
//! - with per-answer counts, the hidden cells of a partition never all gave the same
//!   answer while a shown sibling gave another: otherwise a reader would learn every
//!   hidden member's answer;
//! - with per-answer counts, what a reader can bound of a hidden cell under `k`,
//!   answer by answer through the partitions, adds up to at least `k`; where not, the
//!   bound is traced back through the partitions that made it to a shown cell to
//!   hide.
//!
//! The elimination is exact: arithmetic modulo the prime 2^61 − 1, on sparse vectors
//! over the inner cells. (A combination over the rationals is one modulo the prime
//! unless the prime divides one of its denominators; a spurious dependency modulo the
//! prime can only hide more.)
//!
//! The whole is checked from outside by the audit in `tests/audit.rs`, which bounds
//! every hidden count of every published table by linear programming.

use std::cmp::Reverse;

/// A published cell: the inner cells it adds up and the count it must reach to be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Inner cells, each at most once.
    pub rows: Vec<u32>,
    /// The threshold: the cell is hidden when its count is below it.
    pub k: u64,
}

/// A cell and the cells of a finer table that add up to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partition {
    /// The coarser cell.
    pub parent: usize,
    /// The finer cells: disjoint, together the parent.
    pub children: Vec<usize>,
}

/// The cells of a publication set over its inner cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Model {
    /// Number of inner cells.
    pub rows: usize,
    /// The published cells.
    pub cells: Vec<Cell>,
    /// The partitions of shown cells into finer cells.
    pub partitions: Vec<Partition>,
}

impl Model {
    /// The count of every cell, from the count of every inner cell.
    pub fn totals(&self, values: &[u64]) -> Vec<u64> {
        self.cells
            .iter()
            .map(|c| c.rows.iter().map(|&r| values[r as usize]).sum())
            .collect()
    }

    /// Which cells to hide, for counts `values` per inner cell. `forced` cells are
    /// hidden whatever their count (a figure of a hidden group). `answers`, when given,
    /// holds per inner cell the counts of each answer (`answers[r][a]`), whose sum is
    /// `values[r]`.
    ///
    /// When `forced` is itself the result of an elimination over the same cells (a
    /// figure's pattern starting from its groups' pattern), and nothing needs hiding
    /// beyond it, `forced_checked` skips the elimination: its hidden cells are then
    /// protected already, counts of a figure being at most those of its groups.
    pub fn protect(
        &self,
        values: &[u64],
        forced: &[bool],
        forced_checked: bool,
        answers: Option<&dyn Fn(usize) -> Vec<u64>>,
    ) -> Vec<bool> {
        let totals = self.totals(values);
        let mut hidden: Vec<bool> = self
            .cells
            .iter()
            .zip(&totals)
            .zip(forced)
            .map(|((c, &n), &f)| f || n < c.k)
            .collect();
        let per_answer: Option<Vec<Vec<u64>>> = answers.map(|f| {
            self.cells
                .iter()
                .map(|c| {
                    let mut sum: Vec<u64> = Vec::new();
                    for &r in &c.rows {
                        let a = f(r as usize);
                        if sum.len() < a.len() {
                            sum.resize(a.len(), 0);
                        }
                        for (s, x) in sum.iter_mut().zip(a) {
                            *s += x;
                        }
                    }
                    sum
                })
                .collect()
        });
        let mut checked = forced_checked && hidden.as_slice() == forced;
        loop {
            let mut changed = self.remainder(&totals, &mut hidden);
            if let Some(pa) = &per_answer {
                changed |= self.diversity(&totals, pa, &mut hidden);
                changed |= self.answer_bounds(&totals, pa, &mut hidden);
            }
            if changed || !checked {
                changed |= self.eliminate(&totals, &mut hidden);
                checked = true;
            }
            if !changed {
                return hidden;
            }
        }
    }

    /// The remainder rule over every partition (whether its parent is shown or not: a
    /// hidden parent may be the sum of other shown cells): hidden children that hold
    /// between 1 and k − 1 take the smallest shown non-empty child with them.
    fn remainder(&self, totals: &[u64], hidden: &mut [bool]) -> bool {
        let mut changed = false;
        loop {
            let mut again = false;
            for p in &self.partitions {
                let k = p
                    .children
                    .iter()
                    .map(|&c| self.cells[c].k)
                    .max()
                    .unwrap_or(0);
                let held: u64 = p
                    .children
                    .iter()
                    .filter(|&&c| hidden[c])
                    .map(|&c| totals[c])
                    .sum();
                if held == 0 || held >= k {
                    continue;
                }
                let smallest = p
                    .children
                    .iter()
                    .copied()
                    .filter(|&c| !hidden[c] && totals[c] > 0)
                    .min_by_key(|&c| (totals[c], c));
                if let Some(c) = smallest {
                    hidden[c] = true;
                    again = true;
                }
            }
            if !again {
                return changed;
            }
            changed = true;
        }
    }

    /// The hidden children of a shown parent must not all have given one answer while
    /// a shown child gave another: then the smallest such child is hidden too.
    fn diversity(&self, totals: &[u64], answers: &[Vec<u64>], hidden: &mut [bool]) -> bool {
        let mut changed = false;
        loop {
            let mut again = false;
            for p in &self.partitions {
                if hidden[p.parent] {
                    continue;
                }
                let mut residual: Vec<u64> = Vec::new();
                for &c in p.children.iter().filter(|&&c| hidden[c]) {
                    if residual.len() < answers[c].len() {
                        residual.resize(answers[c].len(), 0);
                    }
                    for (s, &x) in residual.iter_mut().zip(&answers[c]) {
                        *s += x;
                    }
                }
                let mut given = residual.iter().enumerate().filter(|(_, &x)| x > 0);
                let only = match (given.next(), given.next()) {
                    (Some((a, _)), None) => a,
                    _ => continue,
                };
                let other = p
                    .children
                    .iter()
                    .copied()
                    .filter(|&c| {
                        !hidden[c] && totals[c] > answers[c].get(only).copied().unwrap_or(0)
                    })
                    .min_by_key(|&c| (totals[c], c));
                if let Some(c) = other {
                    hidden[c] = true;
                    again = true;
                }
            }
            if !again {
                return changed;
            }
            changed = true;
        }
    }

    /// What a reader can bound of each hidden cell's answers, answer by answer, by
    /// propagating the shown cells through the partitions (a parent holds what its
    /// parts can hold; a part what its parent can hold less what its siblings must):
    /// the upper bounds of a cell under k must add up to k, and a cell whose members
    /// all gave one answer must be able to hold another. Where a cell is bounded below
    /// k, the bound is traced back through the partitions that made it to a shown cell
    /// whose hiding loosens it (a sibling, or a cell further off that pins a hidden
    /// parent or sibling); failing that, the partition that bounds the cell most
    /// tightly takes its smallest shown non-empty part (one with another answer, for
    /// the second rule). The propagation is weaker than linear programming; the audit
    /// checks the rest.
    fn answer_bounds(&self, totals: &[u64], answers: &[Vec<u64>], hidden: &mut [bool]) -> bool {
        let w = answers.iter().map(Vec::len).max().unwrap_or(0);
        let ans = |c: usize, a: usize| answers[c].get(a).copied().unwrap_or(0);
        let mut of_child: Vec<Vec<usize>> = vec![Vec::new(); self.cells.len()];
        for (i, p) in self.partitions.iter().enumerate() {
            for &c in &p.children {
                of_child[c].push(i);
            }
        }
        let mut changed = false;
        loop {
            let b = Bounds::propagate(self, w, &ans, hidden);
            let room = |p: &Partition, hidden: &[bool]| -> u64 {
                (0..w)
                    .map(|a| {
                        let shown: u64 = p
                            .children
                            .iter()
                            .filter(|&&c| !hidden[c])
                            .map(|&c| ans(c, a))
                            .sum();
                        b.ub[p.parent * w + a].saturating_sub(shown)
                    })
                    .fold(0u64, |x, y| x.saturating_add(y))
            };
            let mut hide = Vec::new();
            for c in 0..self.cells.len() {
                if !hidden[c] || totals[c] == 0 {
                    continue;
                }
                let k = self.cells[c].k;
                let bound = (0..w).fold(0u64, |x, a| x.saturating_add(b.ub[c * w + a]));
                let given: Vec<usize> = (0..w).filter(|&a| ans(c, a) > 0).collect();
                let alike =
                    given.len() == 1 && (0..w).all(|a| a == given[0] || b.ub[c * w + a] == 0);
                let parts = || of_child[c].iter().map(|&i| &self.partitions[i]);
                let pick = if totals[c] < k && bound < k {
                    let traced = (0..w).find_map(|a| {
                        let mut seen = Vec::new();
                        b.loosen(self, totals, hidden, c, a, true, 0, &mut seen)
                    });
                    traced.or_else(|| {
                        parts()
                            .filter(|p| p.children.iter().any(|&x| !hidden[x] && totals[x] > 0))
                            .min_by_key(|p| (room(p, hidden), p.parent))
                            .and_then(|p| {
                                p.children
                                    .iter()
                                    .copied()
                                    .filter(|&x| !hidden[x] && totals[x] > 0)
                                    .min_by_key(|&x| (totals[x], x))
                            })
                    })
                } else if alike {
                    // a shown sibling that gave another answer
                    let only = given[0];
                    parts()
                        .flat_map(|p| p.children.iter().copied())
                        .filter(|&x| !hidden[x] && totals[x] > ans(x, only))
                        .min_by_key(|&x| (totals[x], x))
                } else {
                    None
                };
                if let Some(x) = pick {
                    hide.push(x);
                }
            }
            if hide.is_empty() {
                return changed;
            }
            for x in hide {
                hidden[x] = true;
            }
            changed = true;
        }
    }

    /// Gaussian elimination: shown cells, the largest first, eliminate inner cells
    /// from the hidden ones; a shown cell that would eliminate a hidden cell with a
    /// count completely is hidden instead. Returns whether anything was hidden.
    fn eliminate(&self, totals: &[u64], hidden: &mut [bool]) -> bool {
        let mut basis = Basis::new(self.rows);
        let mut protected: Vec<Vec<(u32, u64)>> = Vec::new();
        for (c, cell) in self.cells.iter().enumerate() {
            if hidden[c] && totals[c] > 0 {
                protected.push(ones(&cell.rows));
            }
        }
        let mut order: Vec<usize> = (0..self.cells.len())
            .filter(|&c| !hidden[c] && !self.cells[c].rows.is_empty())
            .collect();
        order.sort_by_key(|&c| (Reverse(totals[c]), c));
        let mut changed = false;
        for c in order {
            let r = basis.reduce(&ones(&self.cells[c].rows));
            if r.is_empty() {
                continue; // already given by the shown cells: showing it tells nothing new
            }
            let r = normalised(r);
            let p = r[0].0;
            let discloses = protected.iter().any(|h| match entry(h, p) {
                0 => false,
                f => {
                    h.len() == r.len()
                        && h.iter()
                            .zip(&r)
                            .all(|(a, b)| a.0 == b.0 && a.1 == mul(f, b.1))
                }
            });
            if discloses {
                hidden[c] = true;
                changed = true;
                protected.push(r);
                continue;
            }
            for h in &mut protected {
                let f = entry(h, p);
                if f != 0 {
                    *h = axpy(h, f, &r);
                }
            }
            basis.push(r);
        }
        changed
    }
}

/// No bound: a hidden cell before any partition bounds it.
const OPEN: u64 = u64::MAX / 4;

/// How a bound was made: by a partition, from its parent and the other parts (the
/// cell a part), or from its parts (the cell the parent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Made {
    Exact,
    AsPart(usize),
    AsParent(usize),
}

/// Per cell and answer, flat (`cell * w + answer`): what a reader can bound the count
/// to, and how each bound was made.
struct Bounds {
    w: usize,
    ub: Vec<u64>,
    lb: Vec<u64>,
    ub_made: Vec<Made>,
    lb_made: Vec<Made>,
}

impl Bounds {
    /// Interval propagation through the partitions that hold a hidden cell.
    fn propagate(
        m: &Model,
        w: usize,
        ans: &dyn Fn(usize, usize) -> u64,
        hidden: &[bool],
    ) -> Bounds {
        let n = m.cells.len() * w;
        let mut b = Bounds {
            w,
            ub: vec![0; n],
            lb: vec![0; n],
            ub_made: vec![Made::Exact; n],
            lb_made: vec![Made::Exact; n],
        };
        for (c, &h) in hidden.iter().enumerate().take(m.cells.len()) {
            for a in 0..w {
                let v = if h { OPEN } else { ans(c, a) };
                b.ub[c * w + a] = v;
                b.lb[c * w + a] = if h { 0 } else { v };
            }
        }
        // Only partitions with a hidden cell bound anything.
        let active: Vec<usize> = (0..m.partitions.len())
            .filter(|&i| {
                let p = &m.partitions[i];
                hidden[p.parent] || p.children.iter().any(|&c| hidden[c])
            })
            .collect();
        let (ub, lb) = (&mut b.ub, &mut b.lb);
        for _ in 0..16 {
            let mut moved = false;
            for &i in &active {
                let p = &m.partitions[i];
                let pc = p.parent * w;
                for a in 0..w {
                    let mut sum_ub = 0u64;
                    let mut sum_lb = 0u64;
                    for &c in &p.children {
                        sum_ub = sum_ub.saturating_add(ub[c * w + a]).min(OPEN);
                        sum_lb += lb[c * w + a];
                    }
                    if sum_ub < ub[pc + a] {
                        ub[pc + a] = sum_ub;
                        b.ub_made[pc + a] = Made::AsParent(i);
                        moved = true;
                    }
                    if sum_lb > lb[pc + a] {
                        lb[pc + a] = sum_lb;
                        b.lb_made[pc + a] = Made::AsParent(i);
                        moved = true;
                    }
                    for &c in p.children.iter().filter(|&&c| hidden[c]) {
                        let (cu, cl) = (ub[c * w + a], lb[c * w + a]);
                        let hi = ub[pc + a].saturating_sub(sum_lb - cl);
                        let lo = if cu >= OPEN || sum_ub >= OPEN {
                            0
                        } else {
                            lb[pc + a].saturating_sub(sum_ub - cu)
                        };
                        if hi < cu {
                            ub[c * w + a] = hi;
                            b.ub_made[c * w + a] = Made::AsPart(i);
                            moved = true;
                        }
                        if lo > cl && lo <= ub[c * w + a] {
                            lb[c * w + a] = lo;
                            b.lb_made[c * w + a] = Made::AsPart(i);
                            moved = true;
                        }
                    }
                }
            }
            if !moved {
                break;
            }
        }
        b
    }

    /// A shown cell whose hiding loosens the bound of hidden cell `c` on answer `a`:
    /// its upper bound when `up`, else its lower bound. The bound is followed back
    /// through the partitions that made it, a few steps deep.
    #[allow(clippy::too_many_arguments)]
    fn loosen(
        &self,
        m: &Model,
        totals: &[u64],
        hidden: &[bool],
        c: usize,
        a: usize,
        up: bool,
        depth: usize,
        seen: &mut Vec<(usize, bool)>,
    ) -> Option<usize> {
        if depth > 6 || seen.contains(&(c, up)) {
            return None;
        }
        seen.push((c, up));
        let at = c * self.w + a;
        let made = if up {
            self.ub_made[at]
        } else {
            self.lb_made[at]
        };
        // The smallest shown non-empty cell among `cells`; with `of_a`, one that holds
        // answer `a` (a shown cell's bounds are its counts).
        let smallest = |cells: &mut dyn Iterator<Item = usize>, of_a: bool| {
            cells
                .filter(|&x| !hidden[x] && totals[x] > 0 && (!of_a || self.lb[x * self.w + a] > 0))
                .min_by_key(|&x| (totals[x], x))
        };
        match made {
            Made::Exact => None,
            // ub(c) = ub(parent) − Σ lb(siblings); lb(c) = lb(parent) − Σ ub(siblings)
            Made::AsPart(i) => {
                let p = &m.partitions[i];
                let siblings = || p.children.iter().copied().filter(move |&x| x != c);
                smallest(&mut siblings(), up).or_else(|| {
                    let parent = p.parent;
                    let from_parent = if hidden[parent] {
                        self.loosen(m, totals, hidden, parent, a, up, depth + 1, seen)
                    } else {
                        None
                    };
                    from_parent.or_else(|| {
                        siblings()
                            .filter(|&x| hidden[x])
                            .filter(|&x| !up || self.lb[x * self.w + a] > 0)
                            .find_map(|x| {
                                self.loosen(m, totals, hidden, x, a, !up, depth + 1, seen)
                            })
                    })
                })
            }
            // ub(c) = Σ ub(parts); lb(c) = Σ lb(parts)
            Made::AsParent(i) => {
                let p = &m.partitions[i];
                smallest(&mut p.children.iter().copied(), !up).or_else(|| {
                    p.children
                        .iter()
                        .copied()
                        .filter(|&x| hidden[x])
                        .find_map(|x| self.loosen(m, totals, hidden, x, a, up, depth + 1, seen))
                })
            }
        }
    }
}

/// The prime modulus.
const P: u64 = (1 << 61) - 1;

fn mul(a: u64, b: u64) -> u64 {
    let x = u128::from(a) * u128::from(b);
    let s = (x as u64 & P) + (x >> 61) as u64;
    if s >= P {
        s - P
    } else {
        s
    }
}

fn sub(a: u64, b: u64) -> u64 {
    if a >= b {
        a - b
    } else {
        a + P - b
    }
}

fn inverse(a: u64) -> u64 {
    let (mut base, mut exp, mut out) = (a, P - 2, 1);
    while exp > 0 {
        if exp & 1 == 1 {
            out = mul(out, base);
        }
        base = mul(base, base);
        exp >>= 1;
    }
    out
}

fn ones(rows: &[u32]) -> Vec<(u32, u64)> {
    let mut v: Vec<(u32, u64)> = rows.iter().map(|&r| (r, 1)).collect();
    v.sort_unstable();
    v
}

/// `v` scaled so that its first entry is 1.
fn normalised(mut v: Vec<(u32, u64)>) -> Vec<(u32, u64)> {
    let f = inverse(v[0].1);
    for e in &mut v {
        e.1 = mul(e.1, f);
    }
    v
}

fn entry(v: &[(u32, u64)], row: u32) -> u64 {
    v.binary_search_by_key(&row, |e| e.0).map_or(0, |i| v[i].1)
}

/// `h − f·r`, both sorted.
fn axpy(h: &[(u32, u64)], f: u64, r: &[(u32, u64)]) -> Vec<(u32, u64)> {
    let mut out = Vec::with_capacity(h.len() + r.len());
    let (mut i, mut j) = (0, 0);
    while i < h.len() || j < r.len() {
        let next = match (h.get(i), r.get(j)) {
            (Some(a), Some(b)) if a.0 == b.0 => {
                i += 1;
                j += 1;
                (a.0, sub(a.1, mul(f, b.1)))
            }
            (Some(a), Some(b)) if a.0 < b.0 => {
                i += 1;
                *a
            }
            (Some(a), None) => {
                i += 1;
                *a
            }
            (_, Some(b)) => {
                j += 1;
                (b.0, sub(0, mul(f, b.1)))
            }
            (None, None) => unreachable!(),
        };
        if next.1 != 0 {
            out.push(next);
        }
    }
    out
}

const NONE: u32 = u32::MAX;

/// Sparse vectors, each with its first inner cell as pivot (where it is 1) and zero at
/// the pivots of the vectors before it.
struct Basis {
    vectors: Vec<Vec<(u32, u64)>>,
    pivot_of: Vec<u32>,
    acc: Vec<u64>,
}

impl Basis {
    fn new(rows: usize) -> Basis {
        Basis {
            vectors: Vec::new(),
            pivot_of: vec![NONE; rows],
            acc: vec![0; rows],
        }
    }

    /// `v` less the combination of the basis that clears every pivot: zero exactly
    /// when `v` is in the span. The rows are visited in ascending order: a basis
    /// vector only has entries at and after its pivot.
    fn reduce(&mut self, v: &[(u32, u64)]) -> Vec<(u32, u64)> {
        let Some(&(first, _)) = v.first() else {
            return Vec::new();
        };
        let mut last = first as usize;
        for &(r, x) in v {
            self.acc[r as usize] = x;
            last = last.max(r as usize);
        }
        let mut out = Vec::new();
        let mut r = first as usize;
        while r <= last {
            let x = self.acc[r];
            if x != 0 {
                match self.pivot_of[r] {
                    NONE => out.push((r as u32, x)),
                    b => {
                        for &(i, y) in &self.vectors[b as usize] {
                            let ii = i as usize;
                            self.acc[ii] = sub(self.acc[ii], mul(x, y));
                            last = last.max(ii);
                        }
                    }
                }
                self.acc[r] = 0;
            }
            r += 1;
        }
        out
    }

    fn push(&mut self, v: Vec<(u32, u64)>) {
        self.pivot_of[v[0].0 as usize] = self.vectors.len() as u32;
        self.vectors.push(v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A two-way table a × b with both margins and the total: inner cells (i, j).
    fn two_way(a: usize, b: usize, k: u64) -> Model {
        let mut cells = Vec::new();
        let mut partitions = Vec::new();
        let row = |i: usize, j: usize| (i * b + j) as u32;
        // inner cells as published cells: 0..a*b
        for i in 0..a {
            for j in 0..b {
                cells.push(Cell {
                    rows: vec![row(i, j)],
                    k,
                });
            }
        }
        let rows_of = a * b;
        for i in 0..a {
            cells.push(Cell {
                rows: (0..b).map(|j| row(i, j)).collect(),
                k,
            });
            partitions.push(Partition {
                parent: rows_of + i,
                children: (0..b).map(|j| i * b + j).collect(),
            });
        }
        for j in 0..b {
            cells.push(Cell {
                rows: (0..a).map(|i| row(i, j)).collect(),
                k,
            });
            partitions.push(Partition {
                parent: rows_of + a + j,
                children: (0..a).map(|i| i * b + j).collect(),
            });
        }
        cells.push(Cell {
            rows: (0..rows_of as u32).collect(),
            k,
        });
        let total = cells.len() - 1;
        partitions.push(Partition {
            parent: total,
            children: (0..a).map(|i| rows_of + i).collect(),
        });
        partitions.push(Partition {
            parent: total,
            children: (0..b).map(|j| rows_of + a + j).collect(),
        });
        Model {
            rows: rows_of,
            cells,
            partitions,
        }
    }

    /// Three inner cells, each a published cell, and their total (declared as a
    /// partition or not).
    fn one_table(partition: bool) -> Model {
        let mut cells: Vec<Cell> = (0..3)
            .map(|r| Cell {
                rows: vec![r],
                k: 5,
            })
            .collect();
        cells.push(Cell {
            rows: vec![0, 1, 2],
            k: 5,
        });
        let partitions = if partition {
            vec![Partition {
                parent: 3,
                children: vec![0, 1, 2],
            }]
        } else {
            vec![]
        };
        Model {
            rows: 3,
            cells,
            partitions,
        }
    }

    #[test]
    fn a_lone_small_cell_takes_a_rectangle_with_it() {
        let m = two_way(3, 3, 5);
        let values = [2, 20, 30, 25, 40, 35, 30, 50, 45];
        let hidden = m.protect(&values, &[false; 16], false, None);
        // The small cell, one more in its row, one more in its column, and the fourth
        // corner: a row or column with one hidden cell would give it away.
        let inner: Vec<usize> = (0..9).filter(|&c| hidden[c]).collect();
        assert!(inner.contains(&0));
        assert!(inner.len() >= 4, "{inner:?}");
        for i in 0..3 {
            let in_row = (0..3).filter(|&j| hidden[i * 3 + j]).count();
            let in_col = (0..3).filter(|&j| hidden[j * 3 + i]).count();
            assert_ne!(in_row, 1);
            assert_ne!(in_col, 1);
        }
        assert!(!hidden[9..].iter().any(|&h| h), "the margins stay shown");
    }

    #[test]
    fn a_cell_given_by_other_shown_cells_is_never_the_only_one_hidden() {
        // One table (no partitions declared): the elimination alone must find that the
        // total minus the shown cells gives the hidden one.
        let m = one_table(false);
        let hidden = m.protect(&[3, 40, 9], &[false; 4], false, None);
        assert_eq!(hidden, [true, false, true, false]);
    }

    #[test]
    fn hidden_children_of_one_answer_take_a_sibling_of_another() {
        let m = one_table(true);
        // Cells 0 and 1 hidden (3 and 4 answers, all "first"); cell 2 gave both, so it
        // is hidden too, and the total stays shown.
        let answers = |r: usize| match r {
            0 => vec![3, 0],
            1 => vec![4, 0],
            _ => vec![20, 10],
        };
        let hidden = m.protect(&[3, 4, 30], &[false; 4], false, Some(&answers));
        assert_eq!(hidden, [true, true, true, false]);
    }

    #[test]
    fn modular_arithmetic_inverts() {
        for a in [1, 2, 3, 12345, P - 1] {
            assert_eq!(mul(a, inverse(a)), 1);
        }
    }
}
