//! Statistical building blocks. Each function names the reference it matches.

use statrs::distribution::{ContinuousCDF, Normal, StudentsT};
use statrs::function::gamma::ln_gamma;

/// The 0.975 quantile of the standard normal distribution, as the catalogue fixes it.
pub const Z95: f64 = 1.959963984540054;

/// `t(0.975, df)`, the quantile of every 95% interval of a mean: [`t_quantile`], except
/// that from [`EXPANSION_DF`] degrees of freedom on the Cornish–Fisher expansion around
/// [`Z95`] alone is returned: there its next term is below 1e-13 of the value, and it
/// agrees with scipy to 1e-13 (tested), better than Newton steps on statrs' CDF. This
/// saves those steps for every large group.
pub fn t975(df: f64) -> f64 {
    if df >= EXPANSION_DF {
        cornish_fisher(Z95, df)
    } else {
        t_quantile(0.975, df)
    }
}

const EXPANSION_DF: f64 = 400.0;

/// Student's t quantile `t(p, df)`, as `scipy.stats.t.ppf(p, df)`.
///
/// The start is the Cornish–Fisher expansion around the normal quantile (statrs'
/// inversion of the regularised incomplete beta function for df < 4, where the
/// expansion is poor); Newton steps on the CDF then polish it to full double
/// precision, usually in one or two steps.
pub fn t_quantile(p: f64, df: f64) -> f64 {
    let t = StudentsT::new(0.0, 1.0, df).expect("df > 0");
    let mut x = if df >= 4.0 {
        cornish_fisher(Normal::standard().inverse_cdf(p), df)
    } else {
        t.inverse_cdf(p)
    };
    // The density through log-gamma: statrs' `pdf` overflows for large df.
    let log_c =
        ln_gamma((df + 1.0) / 2.0) - ln_gamma(df / 2.0) - 0.5 * (df * std::f64::consts::PI).ln();
    for _ in 0..8 {
        // F(x) − p, the upper tail through the survival function for accuracy.
        let f = if x > 0.0 {
            (1.0 - p) - t.sf(x)
        } else {
            t.cdf(x) - p
        };
        let d = (log_c - (df + 1.0) / 2.0 * (x * x / df).ln_1p()).exp();
        if !(d > 0.0 && f.is_finite()) {
            break;
        }
        let step = f / d;
        x -= step;
        // Newton's error after a step is of the order of the step squared.
        if step.abs() <= 1e-12 * x.abs().max(1e-300) {
            break;
        }
    }
    x
}

/// The Cornish–Fisher expansion of Student's t quantile in powers of 1/df, from the
/// standard normal quantile `z` (Abramowitz & Stegun 26.7.5).
fn cornish_fisher(z: f64, df: f64) -> f64 {
    let z2 = z * z;
    let g1 = (z2 + 1.0) * z / 4.0;
    let g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
    let g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
    let g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0;
    z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df
}

/// Two-sided p-value of a Student t statistic: `2 · sf(|t|)`.
pub fn t_two_sided_p(t: f64, df: f64) -> f64 {
    let dist = StudentsT::new(0.0, 1.0, df).expect("df > 0");
    (2.0 * dist.sf(t.abs())).min(1.0)
}

/// Two-sided p-value of a standard normal statistic: `2 · sf(|z|)`.
pub fn z_two_sided_p(z: f64) -> f64 {
    let n = Normal::standard();
    (2.0 * n.sf(z.abs())).min(1.0)
}

/// Wilson score interval for `k` successes in `n` trials, z = [`Z95`], as
/// `statsmodels.stats.proportion.proportion_confint(k, n, method="wilson")`.
pub fn wilson(k: u64, n: u64) -> [f64; 2] {
    let n = n as f64;
    let p = k as f64 / n;
    let z2 = Z95 * Z95;
    let denom = 1.0 + z2 / n;
    let center = (p + z2 / (2.0 * n)) / denom;
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    [center - half, center + half]
}

/// Student-t interval of a mean: `mean ± t(0.975, n−1) · sd / √n`.
pub fn t_interval(mean: f64, sd: f64, n: u64) -> Option<[f64; 2]> {
    if n < 2 {
        return None;
    }
    let half = t975((n - 1) as f64) * sd / (n as f64).sqrt();
    Some([mean - half, mean + half])
}

/// Fixed-point resolution of [`Moments`] and [`CoMoments`]: values are rounded to
/// multiples of 2⁻³² (about 2.3e-10) and summed exactly in 128-bit integers, so the
/// result is exact for the rounded values and does not depend on the order of the
/// responses (merging files in any order gives the very same figures).
const FIXED: f64 = 4_294_967_296.0;

/// `v²` for `v` below 2⁴⁰ (every fixed-point score), from 64-bit products: a
/// 128-bit multiplication is a library call in WebAssembly.
#[inline]
pub fn square(v: u64) -> u128 {
    square_of(square_pieces(v))
}

/// `v²` (for `v` below 2⁴⁰) in three pieces below 2⁴⁰, `[h², 2hl, l²]` for
/// `v = h · 2²⁰ + l`: sums of up to 2²³ of them stay below 2⁶³, so a pass can add
/// squares with no 128-bit arithmetic per value ([`square_of`] adds the pieces up).
#[inline]
pub fn square_pieces(v: u64) -> [u64; 3] {
    debug_assert!(v < 1 << 40);
    let (h, l) = (v >> 20, v & 0xF_FFFF);
    [h * h, 2 * h * l, l * l]
}

/// The square, or sum of squares, that pieces from [`square_pieces`] (or their sums)
/// stand for.
#[inline]
pub fn square_of([hh, hl, ll]: [u64; 3]) -> u128 {
    (u128::from(hh) << 40) + (u128::from(hl) << 20) + u128::from(ll)
}

/// A score (0..=100) in fixed point.
#[inline]
pub fn fixed(x: f64) -> u64 {
    // x ≥ 0: adding one half and truncating rounds half away from zero, like
    // `f64::round`, without its library call.
    (x * FIXED + 0.5) as u64
}

/// Count, sum and sum of squares of values in 0..=100 (respondent scores), exact and
/// order-independent; mergeable by adding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Moments {
    /// Count.
    pub n: u64,
    s1: u128,
    s2: u128,
}

impl Moments {
    /// Adds one value in 0..=100.
    #[inline]
    pub fn push(&mut self, x: f64) {
        self.push_fixed(fixed(x));
    }
    /// Adds one value already in fixed point ([`fixed`]).
    #[inline]
    pub fn push_fixed(&mut self, v: u64) {
        self.n += 1;
        self.s1 += u128::from(v);
        self.s2 += square(v);
    }
    /// Adds `count` times the value `v`, already in fixed point ([`fixed`]).
    pub fn push_fixed_n(&mut self, v: u64, count: u64) {
        self.n += count;
        self.s1 += u128::from(v) * u128::from(count);
        self.s2 += square(v) * u128::from(count);
    }
    /// Adds the values counted by `other`.
    pub fn merge(&mut self, other: &Moments) {
        self.n += other.n;
        self.s1 += other.s1;
        self.s2 += other.s2;
    }
    /// Mean.
    pub fn mean(&self) -> f64 {
        self.s1 as f64 / self.n as f64 / FIXED
    }
    /// The exact sums: Σ value and Σ value², in fixed point.
    pub fn sums(&self) -> (u128, u128) {
        (self.s1, self.s2)
    }
    /// Sample variance (denominator n − 1); `None` for n < 2.
    pub fn variance(&self) -> Option<f64> {
        let n = self.n as i128;
        let (s1, s2) = (self.s1 as i128, self.s2 as i128);
        (self.n >= 2).then(|| (n * s2 - s1 * s1) as f64 / (n * (n - 1)) as f64 / (FIXED * FIXED))
    }
}

/// [`Moments`] being summed in 64-bit pieces (squares as [`square_pieces`]), for a
/// pass that adds one value per response: to be moved into a [`Moments`]
/// ([`PartSums::move_into`]) at least every [`PartSums::MAX`] values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PartSums {
    n: u64,
    s1: u64,
    s2: [u64; 3],
}

impl PartSums {
    /// Values that can be added before a move: each piece is below 2⁴⁰.
    pub const MAX: usize = 1 << 23;
    /// Adds `v` (in fixed point, below 2⁴⁰), whose square's pieces are `sq`, if
    /// `counted`; else only zeros.
    #[inline]
    pub fn push(&mut self, v: u64, sq: [u64; 3], counted: bool) {
        debug_assert!(sq == square_pieces(v) && (counted || v == 0));
        self.n += u64::from(counted);
        self.s1 += v;
        for (s, p) in self.s2.iter_mut().zip(sq) {
            *s += p;
        }
    }
    /// Adds the sums to `m` and empties them.
    pub fn move_into(&mut self, m: &mut Moments) {
        let p = std::mem::take(self);
        m.n += p.n;
        m.s1 += u128::from(p.s1);
        m.s2 += square_of(p.s2);
    }
}

/// The co-moments of an item (whole numbers `first..`, counted in `counts`) with the
/// level, from the sums of the fixed-point levels `sy`, their squares `syy` and the
/// products `sxy` over the respondents who gave the item an answer.
pub fn co_moments(counts: &[u32], first: u8, sy: u128, syy: u128, sxy: u128) -> CoMoments {
    let mut c = CoMoments::default();
    for (k, &n) in counts.iter().enumerate() {
        let x = i128::from(first) + k as i128;
        let n = i128::from(n);
        c.n += n as u64;
        c.sx += x * n;
        c.sxx += x * x * n;
    }
    c.sy = sy as i128;
    c.syy = syy as i128;
    c.sxy = sxy as i128;
    c
}

/// Sums of pairs (a small whole number `x`, a score `y`), exact and order-independent,
/// for the Pearson correlation (`scipy.stats.pearsonr`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CoMoments {
    /// Pairs.
    pub n: u64,
    sx: i128,
    sxx: i128,
    sy: i128,
    syy: i128,
    sxy: i128,
}

impl CoMoments {
    /// Pearson's r; `None` with fewer than 3 pairs or no variance on either side.
    pub fn pearson(&self) -> Option<f64> {
        let n = i128::from(self.n);
        let dx = n * self.sxx - self.sx * self.sx;
        let dy = n * self.syy - self.sy * self.sy;
        if self.n < 3 || dx <= 0 || dy <= 0 {
            return None;
        }
        let num = n * self.sxy - self.sx * self.sy;
        Some((num as f64 / ((dx as f64).sqrt() * (dy as f64).sqrt())).clamp(-1.0, 1.0))
    }
}

/// Exact moments of small whole numbers from their counts: mean and sample
/// variance computed from integer sums, so no rounding accumulates.
pub fn moments_from_counts(counts: &[u32], first_value: i64) -> (u64, f64, Option<f64>) {
    let mut n: u64 = 0;
    let mut s1: i128 = 0;
    let mut s2: i128 = 0;
    for (i, &c) in counts.iter().enumerate() {
        let v = first_value + i as i64;
        n += u64::from(c);
        s1 += i128::from(c) * i128::from(v);
        s2 += i128::from(c) * i128::from(v) * i128::from(v);
    }
    if n == 0 {
        return (0, f64::NAN, None);
    }
    let mean = s1 as f64 / n as f64;
    let var = (n >= 2).then(|| {
        let num = i128::from(n) * s2 - s1 * s1; // n² · population variance, exact
        num as f64 / (n as f64 * (n - 1) as f64)
    });
    (n, mean, var)
}

/// Welch's t-test for `later − earlier`, as `scipy.stats.ttest_ind(equal_var=False)`:
/// `(t, df, p)`. `None` when either side has fewer than 2 values or both have no variance.
pub fn welch(m1: f64, v1: f64, n1: u64, m2: f64, v2: f64, n2: u64) -> Option<(f64, f64, f64)> {
    if n1 < 2 || n2 < 2 {
        return None;
    }
    let a = v1 / n1 as f64;
    let b = v2 / n2 as f64;
    if a + b <= 0.0 {
        return None;
    }
    let t = (m2 - m1) / (a + b).sqrt();
    let df = (a + b) * (a + b) / (a * a / (n1 - 1) as f64 + b * b / (n2 - 1) as f64);
    Some((t, df, t_two_sided_p(t, df)))
}

/// Two-proportion z-test with pooled variance for `later − earlier`, as
/// `statsmodels.stats.proportion.proportions_ztest([k2, k1], [n2, n1])`: `(z, p)`.
pub fn two_proportion_z(k1: u64, n1: u64, k2: u64, n2: u64) -> Option<(f64, f64)> {
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let (n1f, n2f) = (n1 as f64, n2 as f64);
    let pooled = (k1 + k2) as f64 / (n1f + n2f);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1f + 1.0 / n2f)).sqrt();
    if se <= 0.0 {
        return None;
    }
    let z = (k2 as f64 / n2f - k1 as f64 / n1f) / se;
    Some((z, z_two_sided_p(z)))
}

/// Ordinary least squares of `y` on `x`: `(slope, p)` with the two-sided p of the
/// slope from Student t with k − 2 degrees of freedom, as statsmodels `OLS`.
pub fn ols_slope(points: &[(f64, f64)]) -> Option<(f64, Option<f64>)> {
    let k = points.len();
    if k < 3 {
        return None;
    }
    let kf = k as f64;
    let mx = points.iter().map(|p| p.0).sum::<f64>() / kf;
    let my = points.iter().map(|p| p.1).sum::<f64>() / kf;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    let intercept = my - slope * mx;
    let rss: f64 = points
        .iter()
        .map(|p| (p.1 - intercept - slope * p.0).powi(2))
        .sum();
    let se = (rss / (kf - 2.0) / sxx).sqrt();
    let p = (se > 0.0).then(|| t_two_sided_p(slope / se, kf - 2.0));
    Some((slope, p))
}

/// The type-7 quantile of sorted values (linear interpolation, numpy's default).
pub fn quantile_sorted(sorted: &[f64], q: f64) -> f64 {
    quantile_by_rank(sorted.len(), q, |r| sorted[r])
}

/// The `q` quantile of `n` sorted values, read through `at(rank)` (the same linear
/// interpolation as [`quantile_sorted`]).
pub fn quantile_by_rank(n: usize, q: f64, at: impl Fn(usize) -> f64) -> f64 {
    let h = (n - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(n - 1);
    let frac = h - lo as f64;
    let (a, b) = (at(lo), at(hi));
    a + (b - a) * frac
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_quantile_matches_known_values() {
        // scipy.stats.t.ppf(p, df), scipy 1.x
        let cases = [
            (0.975, 1.0, 12.706204736174694),
            (0.975, 2.0, 4.302652729749462),
            (0.975, 2.5, 3.5746548420036817),
            (0.975, 3.0, 3.1824463052837078),
            (0.975, 4.0, 2.7764451051977934),
            (0.975, 5.0, 2.5705818356363146),
            (0.975, 6.0, 2.4469118511449786),
            (0.975, 7.0, 2.364624251592784),
            (0.975, 9.0, 2.262157162798205),
            (0.975, 10.0, 2.228138851986274),
            (0.975, 15.0, 2.131449545559776),
            (0.975, 29.0, 2.045229642132703),
            (0.975, 33.7, 2.032911091207303),
            (0.975, 57.0, 2.002465459291007),
            (0.975, 100.0, 1.9839715185235518),
            (0.975, 250.0, 1.9694983934211532),
            (0.975, 1000.0, 1.9623390808264083),
            (0.975, 4999.0, 1.9604386466615247),
            (0.975, 100000.0, 1.9599877075346095),
            (0.975, 123456.5, 1.9599832001673618),
            (0.9, 4.0, 1.533206274058944),
            (0.9, 12.0, 1.356217334023205),
            (0.9, 300.0, 1.284379867579013),
        ];
        for (p, df, expected) in cases {
            let x = t_quantile(p, df);
            assert!(
                (x - expected).abs() <= 1e-10 * expected,
                "p {p} df {df}: {x} vs {expected}"
            );
        }
    }

    #[test]
    fn t975_matches_scipy_where_the_expansion_is_used() {
        // scipy.stats.t.ppf(0.975, df), scipy 1.17.1. Here the expansion alone is
        // closer to scipy than Newton steps on statrs' CDF, whose own error grows
        // with df (about 1e-11 at 1e5).
        let cases = [
            (400.0, 1.9659123432294627),
            (401.5, 1.9658900542642979),
            (450.0, 1.9652496647364672),
            (599.0, 1.9639322489452784),
            (839.6982955720406, 1.9627931390054667),
            (1000.0, 1.9623390808264083),
            (1999.0, 1.9611514201705613),
            (4999.0, 1.9604386466615247),
            (12345.6, 1.9601561582595104),
            (30000.0, 1.9600430633839347),
            (99999.0, 1.9599877077718442),
            (1000000.0, 1.959966356814107),
            (10000000.0, 1.959964221767205),
            (100000000.0, 1.9599640082627663),
            (1000000000.0, 1.959963986912325),
        ];
        for (df, expected) in cases {
            assert!(df >= EXPANSION_DF);
            let x = t975(df);
            assert!(
                (x - expected).abs() <= 1e-13 * expected,
                "df {df}: {x} vs {expected}"
            );
        }
        // Below it, the polished quantile.
        assert_eq!(t975(399.0), t_quantile(0.975, 399.0));
    }

    #[test]
    fn square_is_exact() {
        for v in [0u64, 1, 0xF_FFFF, 0x10_0000, 123_456_789_012, (1 << 40) - 1] {
            assert_eq!(square(v), u128::from(v) * u128::from(v), "{v}");
        }
        assert_eq!(square(fixed(100.0)), u128::from(fixed(100.0)).pow(2));
    }

    #[test]
    fn moments_from_counts_are_exact() {
        // values 1,1,2,5: mean 2.25, sample variance 3.5833…
        let (n, mean, var) = moments_from_counts(&[2, 1, 0, 0, 1], 1);
        assert_eq!(n, 4);
        assert_eq!(mean, 2.25);
        assert!((var.unwrap() - 43.0 / 12.0).abs() < 1e-15);
    }

    #[test]
    fn quantile_type_7() {
        let v = [1.0, 2.0, 3.0, 4.0, 10.0];
        assert_eq!(quantile_sorted(&v, 0.5), 3.0);
        assert!((quantile_sorted(&v, 0.9) - 7.6).abs() < 1e-12);
    }
}
