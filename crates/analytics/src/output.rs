//! The analysis result, serialised as the documented JSON.

use indexmap::IndexMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// A figure, or the mark that it is suppressed (`{"suppressed": true}`).
#[derive(Debug, Clone, PartialEq)]
pub enum Fig<T> {
    /// Shown.
    Shown(T),
    /// Computed from too few respondents: nothing is shown, not even its `n`.
    Suppressed,
}

impl<T> Fig<T> {
    /// The figure, if shown.
    pub fn shown(&self) -> Option<&T> {
        match self {
            Fig::Shown(t) => Some(t),
            Fig::Suppressed => None,
        }
    }
}

#[derive(Serialize)]
struct SuppressedMark {
    suppressed: bool,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Fig<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr<T> {
            Mark {
                #[allow(dead_code)]
                suppressed: bool,
            },
            Shown(T),
        }
        Ok(match Repr::deserialize(d)? {
            Repr::Mark { .. } => Fig::Suppressed,
            Repr::Shown(t) => Fig::Shown(t),
        })
    }
}

impl<T: Serialize> Serialize for Fig<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Fig::Shown(t) => t.serialize(s),
            Fig::Suppressed => SuppressedMark { suppressed: true }.serialize(s),
        }
    }
}

/// A scale item (and the CES) in one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemStats {
    /// Answers.
    pub n: u64,
    /// Mean of the answers.
    pub mean: f64,
    /// Sample standard deviation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sd: Option<f64>,
    /// Student-t 95% interval of the mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci95: Option<[f64; 2]>,
    /// Share of the top two values.
    pub top2: f64,
    /// Wilson 95% interval of `top2`.
    pub top2_ci95: [f64; 2],
    /// Share of the bottom two values.
    pub bottom2: f64,
    /// `(mean − 1) / (m − 1) · 100`.
    pub index: f64,
    /// Counts of each value 1..=m.
    pub dist: Vec<u32>,
}

/// A dimension index in one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionStats {
    /// Respondents with a score in the dimension.
    pub n: u64,
    /// Mean respondent score, 0–100.
    pub index: f64,
    /// Sample standard deviation of the scores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sd: Option<f64>,
    /// Student-t 95% interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci95: Option<[f64; 2]>,
    /// Cronbach's α (listwise); absent for one item or fewer than 3 complete respondents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alpha: Option<f64>,
    /// Respondents who answered every item (α's sample).
    pub alpha_n: u64,
}

/// The client-centricity level in one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelStats {
    /// Respondents with a level.
    pub n: u64,
    /// Mean respondent level, 0–100.
    pub value: f64,
    /// Sample standard deviation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sd: Option<f64>,
    /// Student-t 95% interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci95: Option<[f64; 2]>,
}

/// NPS or eNPS in one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NpsStats {
    /// Answers.
    pub n: u64,
    /// `100 · (P − D) / n`.
    pub value: f64,
    /// Standard error.
    pub se: f64,
    /// 95% interval, clamped to [−100, 100].
    pub ci95: [f64; 2],
    /// 9–10.
    pub promoters: u64,
    /// 7–8.
    pub passives: u64,
    /// 0–6.
    pub detractors: u64,
}

/// A share with its Wilson interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareStats {
    /// Answers (the denominator).
    pub n: u64,
    /// The share.
    pub share: f64,
    /// Wilson 95% interval.
    pub ci95: [f64; 2],
}

/// The customer effort score in one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CesStats {
    /// Answers.
    pub n: u64,
    /// Mean effort (higher is easier).
    pub mean: f64,
    /// Student-t 95% interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci95: Option<[f64; 2]>,
    /// Share of the two easiest values.
    pub easy: f64,
    /// Wilson 95% interval of `easy`.
    pub easy_ci95: [f64; 2],
}

/// Compliance with a service standard in one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StandardStats {
    /// Answers.
    pub n: u64,
    /// The standard (answers `<= max` comply).
    pub max: f64,
    /// Share complying.
    pub share: f64,
    /// Wilson 95% interval.
    pub ci95: [f64; 2],
    /// Median answer.
    pub median: f64,
    /// 90th percentile (type 7).
    pub p90: f64,
}

/// One part of a mix: its count and its share of the whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartStats {
    /// Responses in this part.
    pub n: u64,
    /// `n` divided by the whole.
    pub share: f64,
    /// Wilson 95% interval of the share.
    pub ci95: [f64; 2],
}

/// Channel mix: shares of responses per touchpoint and per channel type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelStats {
    /// Responses naming a touchpoint.
    pub n: u64,
    /// Per touchpoint option.
    pub options: IndexMap<String, Fig<PartStats>>,
    /// Per channel type (`digital`, `offline`).
    pub types: IndexMap<String, Fig<PartStats>>,
}

/// A scale item as a driver of the client-centricity level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DriverStats {
    /// Respondents with both the item and a level.
    pub n: u64,
    /// Pearson correlation of the item with the respondent's level.
    pub importance: f64,
    /// The item's 0–100 index.
    pub performance: f64,
    /// High importance and low performance: an area to correct.
    pub priority: bool,
}

/// Where the drivers of a group are divided into more and less important, better and
/// worse performing: the medians of the shown drivers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DriverMedians {
    /// The median importance.
    pub importance: f64,
    /// The median performance.
    pub performance: f64,
}

/// Free-text answers of a group, shuffled and detached from the other answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextAnswers {
    /// Number of answers.
    pub n: u64,
    /// The answers, in an order unrelated to the responses.
    pub answers: Vec<String>,
}

/// One group of responses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Group {
    /// Shown.
    Shown(Box<GroupStats>),
    /// Fewer than K responses (or hidden by the remainder rule): only the key.
    Suppressed {
        /// The group's key.
        key: IndexMap<String, Value>,
        /// Always true.
        suppressed: bool,
    },
}

/// The figures of a shown group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupStats {
    /// The group's key: grouping name → value (`null` for no answer).
    pub key: IndexMap<String, Value>,
    /// Always false.
    pub suppressed: bool,
    /// Responses in the group.
    pub n: u64,
    /// `n / headcount`, when the group's unit has a headcount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_rate: Option<f64>,
    /// Scale items.
    pub items: IndexMap<String, Fig<ItemStats>>,
    /// Dimensions.
    pub dimensions: IndexMap<String, Fig<DimensionStats>>,
    /// The client-centricity level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ccl: Option<Fig<LevelStats>>,
    /// NPS / eNPS questions.
    pub nps: IndexMap<String, Fig<NpsStats>>,
    /// Effort questions.
    pub ces: IndexMap<String, Fig<CesStats>>,
    /// Service standards.
    pub standards: IndexMap<String, Fig<StandardStats>>,
    /// Need resolution.
    pub resolution: IndexMap<String, Fig<ShareStats>>,
    /// Channel mix (suppressed when fewer than K responses name a touchpoint).
    pub channels: IndexMap<String, Fig<ChannelStats>>,
    /// Drivers of the level.
    pub drivers: IndexMap<String, Fig<DriverStats>>,
    /// The medians of the shown drivers' importance and performance, which divide the
    /// priority quadrant (none without a shown driver).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub driver_medians: Option<DriverMedians>,
    /// Free-text answers (only when asked for).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub texts: IndexMap<String, Fig<TextAnswers>>,
}

/// The test behind a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Test {
    /// Welch's t-test (means).
    Welch,
    /// Two-proportion z-test with pooled variance (shares).
    TwoProportionZ,
    /// `z = (v2 − v1) / √(se1² + se2²)` (NPS).
    NpsZ,
}

/// The change of one figure between two consecutive periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Value in the earlier period.
    pub from: f64,
    /// Value in the later period.
    pub to: f64,
    /// `to − from`.
    pub delta: f64,
    /// The test.
    pub test: Test,
    /// Its statistic (positive for an increase).
    pub stat: f64,
    /// Degrees of freedom (Welch only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub df: Option<f64>,
    /// Two-sided p.
    pub p: f64,
    /// `p < 0.05`.
    pub significant: bool,
}

/// Changes between two consecutive periods for one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodChange {
    /// The group's key without the period.
    pub key: IndexMap<String, Value>,
    /// Earlier period.
    pub from: String,
    /// Later period.
    pub to: String,
    /// Figure path (`items.q1.mean`, `nps.enps.value`, …) → change.
    pub figures: IndexMap<String, Change>,
}

/// The OLS trend of one figure over the periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendStats {
    /// Periods with a shown value.
    pub periods: usize,
    /// Change per period.
    pub slope: f64,
    /// Two-sided p of the slope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p: Option<f64>,
    /// `p < 0.05`.
    pub significant: bool,
}

/// Trends for one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    /// The group's key without the period.
    pub key: IndexMap<String, Value>,
    /// Figure path → trend.
    pub figures: IndexMap<String, TrendStats>,
}

/// The result of [`crate::analyze`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The survey's id.
    pub survey: String,
    /// K for figures.
    pub min_group: u32,
    /// K for free text.
    pub min_group_text: u32,
    /// The grouping keys.
    pub by: Vec<String>,
    /// The periods present, in order.
    pub periods: Vec<String>,
    /// Responses analysed.
    pub responses: u64,
    /// One entry per non-empty group.
    pub groups: Vec<Group>,
    /// Changes between consecutive periods (when grouped by period first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<PeriodChange>,
    /// Trends over the periods (when grouped by period first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trends: Vec<Trend>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suppressed_and_shown_figures_read_back() {
        let shown: Fig<ShareStats> = Fig::Shown(ShareStats {
            n: 9,
            share: 0.5,
            ci95: [0.2, 0.8],
        });
        for f in [shown, Fig::Suppressed] {
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(serde_json::from_str::<Fig<ShareStats>>(&json).unwrap(), f);
        }
    }
}
