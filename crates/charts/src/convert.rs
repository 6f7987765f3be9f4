//! Conversions from the analysis figures of `otklik-analytics`.

use otklik_analytics::{
    CesStats, DimensionStats, Fig, LevelStats, NpsStats, PartStats, ShareStats, StandardStats,
};

use crate::{Datum, Estimate, NpsParts, Share};

impl<'a, S, T: From<&'a S>> From<&'a Fig<S>> for Datum<T> {
    /// A shown figure converted; a suppressed one stays suppressed.
    fn from(fig: &'a Fig<S>) -> Self {
        match fig {
            Fig::Shown(s) => Datum::Shown(T::from(s)),
            Fig::Suppressed => Datum::Suppressed,
        }
    }
}

impl From<&DimensionStats> for Estimate {
    /// The dimension's index and its interval.
    fn from(d: &DimensionStats) -> Self {
        Estimate {
            value: d.index,
            ci95: d.ci95,
        }
    }
}

impl From<&LevelStats> for Estimate {
    /// The level and its interval.
    fn from(l: &LevelStats) -> Self {
        Estimate {
            value: l.value,
            ci95: l.ci95,
        }
    }
}

impl From<&NpsStats> for Estimate {
    /// The NPS and its interval.
    fn from(n: &NpsStats) -> Self {
        Estimate {
            value: n.value,
            ci95: Some(n.ci95),
        }
    }
}

impl From<&NpsStats> for NpsParts {
    /// The shares of the three parts; the NPS as the engine computed it.
    fn from(n: &NpsStats) -> Self {
        NpsParts {
            nps: n.value,
            ..NpsParts::from_counts(n.detractors, n.passives, n.promoters)
        }
    }
}

impl From<&ShareStats> for Share {
    /// The share (need resolution) and its Wilson interval.
    fn from(s: &ShareStats) -> Self {
        Share {
            share: s.share,
            ci95: Some(s.ci95),
        }
    }
}

impl From<&PartStats> for Share {
    /// A part of the channel mix and its Wilson interval.
    fn from(p: &PartStats) -> Self {
        Share {
            share: p.share,
            ci95: Some(p.ci95),
        }
    }
}

impl From<&StandardStats> for Share {
    /// The share within the standard and its Wilson interval.
    fn from(s: &StandardStats) -> Self {
        Share {
            share: s.share,
            ci95: Some(s.ci95),
        }
    }
}

impl From<&CesStats> for Share {
    /// The share of easy answers and its Wilson interval.
    fn from(c: &CesStats) -> Self {
        Share {
            share: c.easy,
            ci95: Some(c.easy_ci95),
        }
    }
}
