//! Conversions from the analysis figures of `otklik-analytics`.

use otklik_analytics::{
    CesStats, DimensionStats, Fig, Found, GroupStats, LevelStats, NpsStats, PartStats, ShareStats,
    StandardStats,
};
use otklik_survey::{Channel, Lang, QuestionKind, SelectOption, Survey};

use crate::{
    ChannelBar, ChannelKind, Datum, Estimate, HeatmapInput, LikertInput, LikertItem, NpsGroup,
    NpsInput, NpsParts, Share,
};

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

/// A figure of a group as a reader finds the group: hidden with a hidden group,
/// missing where the group or the figure is absent.
fn of_group<'a, S: 'a, T>(
    group: Found<'a>,
    figure: impl FnOnce(&'a GroupStats) -> Option<&'a Fig<S>>,
    value: impl FnOnce(&'a S) -> T,
) -> Datum<T> {
    match group.shown().map(figure) {
        Some(Some(Fig::Shown(s))) => Datum::Shown(value(s)),
        Some(Some(Fig::Suppressed)) => Datum::Suppressed,
        Some(None) => Datum::Missing,
        None if matches!(group, Found::Hidden) => Datum::Suppressed,
        None => Datum::Missing,
    }
}

impl HeatmapInput {
    /// The dimension indices of `rows` (a label and a group each), one column per
    /// dimension of `survey`, titled in `lang`.
    pub fn of_dimensions(survey: &Survey, rows: &[(String, Found<'_>)], lang: Lang) -> Self {
        HeatmapInput {
            rows: rows.iter().map(|(l, _)| l.clone()).collect(),
            columns: survey
                .dimensions
                .iter()
                .map(|d| d.title.get(lang.code()).to_owned())
                .collect(),
            values: rows
                .iter()
                .map(|&(_, g)| {
                    survey
                        .dimensions
                        .iter()
                        .map(|d| of_group(g, |s| s.dimensions.get(&d.id), |x| x.index))
                        .collect()
                })
                .collect(),
        }
    }
}

impl NpsInput {
    /// The composition of the NPS question `q` in each of `rows` (a label and a group).
    pub fn of_groups(q: &str, rows: &[(String, Found<'_>)]) -> Self {
        NpsInput {
            groups: rows
                .iter()
                .map(|(label, g)| NpsGroup {
                    label: label.clone(),
                    value: of_group(*g, |s| s.nps.get(q), NpsParts::from),
                })
                .collect(),
        }
    }
}

impl LikertInput {
    /// The answers to a group's scale items, named by `label(question id)`, on the
    /// survey's longest scale (items of another length are left to the tables); none
    /// for a survey without a scale question.
    pub fn of_items(
        survey: &Survey,
        g: &GroupStats,
        label: impl Fn(&str) -> String,
    ) -> Option<Self> {
        let points = survey
            .questions
            .iter()
            .filter_map(|q| match q.kind {
                QuestionKind::Scale { points, .. } => Some(usize::from(points)),
                _ => None,
            })
            .max()?;
        let items = g
            .items
            .iter()
            .map(|(id, f)| LikertItem::from_item(label(id), f))
            .filter(|i| i.shares.shown().is_none_or(|v| v.len() == points))
            .collect();
        Some(LikertInput { points, items })
    }
}

impl ChannelBar {
    /// The bar of a touchpoint option: its label in `lang`, digital or offline as the
    /// survey marks it (offline when unmarked), and `value`.
    pub fn of_option(option: &SelectOption, lang: Lang, value: Datum<Share>) -> ChannelBar {
        ChannelBar {
            label: option.label.get(lang.code()).to_owned(),
            kind: if option.channel == Some(Channel::Digital) {
                ChannelKind::Digital
            } else {
                ChannelKind::Offline
            },
            value,
        }
    }
}
