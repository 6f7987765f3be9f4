//! Questions a reader asks of an [`Analysis`]: the group with this key, the change of
//! this figure between these periods, its trend. The dashboard, the report and the
//! CLI ask through these, so that a group key or a figure is never spelled out twice.

use std::fmt;

use indexmap::IndexMap;
use serde_json::Value;

use crate::output::{Analysis, Change, Group, GroupStats, Trend, TrendStats};

/// A figure that changes are tested for and trends fitted to. It is named in an
/// analysis's `changes` and `trends` by its [`path`](FigureId::path), as in
/// `dimensions.{id}.index`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FigureId {
    /// The client-centricity level (`ccl.value`).
    Ccl,
    /// A dimension's index (`dimensions.{id}.index`).
    Dimension(String),
    /// A scale item's mean (`items.{id}.mean`).
    ItemMean(String),
    /// A scale item's share of the top two points (`items.{id}.top2`).
    ItemTop2(String),
    /// An NPS or eNPS (`nps.{id}.value`).
    Nps(String),
    /// A resolution share (`resolution.{id}.share`).
    Resolution(String),
    /// The share within a standard (`standards.{id}.share`).
    Standard(String),
}

impl FigureId {
    /// The figure's name in an analysis's `changes` and `trends`.
    pub fn path(&self) -> String {
        self.to_string()
    }

    /// The figure a path names, if any.
    pub fn parse(path: &str) -> Option<FigureId> {
        if path == "ccl.value" {
            return Some(FigureId::Ccl);
        }
        let (family, rest) = path.split_once('.')?;
        let (id, figure) = rest.rsplit_once('.')?;
        let id = id.to_owned();
        Some(match (family, figure) {
            ("dimensions", "index") => FigureId::Dimension(id),
            ("items", "mean") => FigureId::ItemMean(id),
            ("items", "top2") => FigureId::ItemTop2(id),
            ("nps", "value") => FigureId::Nps(id),
            ("resolution", "share") => FigureId::Resolution(id),
            ("standards", "share") => FigureId::Standard(id),
            _ => return None,
        })
    }
}

impl fmt::Display for FigureId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FigureId::Ccl => f.write_str("ccl.value"),
            FigureId::Dimension(id) => write!(f, "dimensions.{id}.index"),
            FigureId::ItemMean(id) => write!(f, "items.{id}.mean"),
            FigureId::ItemTop2(id) => write!(f, "items.{id}.top2"),
            FigureId::Nps(id) => write!(f, "nps.{id}.value"),
            FigureId::Resolution(id) => write!(f, "resolution.{id}.share"),
            FigureId::Standard(id) => write!(f, "standards.{id}.share"),
        }
    }
}

/// A group as a reader finds it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Found<'a> {
    /// Shown, with its figures.
    Shown(&'a GroupStats),
    /// Present but hidden (fewer than K responses, or hidden with another group).
    Hidden,
    /// No response has this key.
    Absent,
}

impl<'a> Found<'a> {
    /// The group's figures when it is shown.
    pub fn shown(self) -> Option<&'a GroupStats> {
        match self {
            Found::Shown(g) => Some(g),
            _ => None,
        }
    }
}

/// A group key as a reader names it: `(grouping, value)` pairs, `None` for no answer.
pub type KeyRef<'k> = [(&'k str, Option<&'k str>)];

/// Whether `key` is exactly `want` (the same groupings, the same values).
fn is(key: &IndexMap<String, Value>, want: &KeyRef<'_>) -> bool {
    key.len() == want.len()
        && want
            .iter()
            .all(|(k, v)| key.get(*k).map(Value::as_str) == Some(*v))
}

impl Group {
    /// The group's key: grouping name → value (`null` for no answer).
    pub fn key(&self) -> &IndexMap<String, Value> {
        match self {
            Group::Shown(s) => &s.key,
            Group::Suppressed { key, .. } => key,
        }
    }
}

impl Analysis {
    /// The group whose key is exactly `key`.
    pub fn group(&self, key: &KeyRef<'_>) -> Found<'_> {
        match self.groups.iter().find(|g| is(g.key(), key)) {
            Some(Group::Shown(s)) => Found::Shown(s),
            Some(Group::Suppressed { .. }) => Found::Hidden,
            None => Found::Absent,
        }
    }

    /// The change of `figure` from period `from` to period `to` in the group with the
    /// other keys `rest` (the period is the first grouping of an analysis with changes).
    pub fn change(
        &self,
        from: &str,
        to: &str,
        rest: &KeyRef<'_>,
        figure: &FigureId,
    ) -> Option<&Change> {
        let path = figure.path();
        self.changes
            .iter()
            .find(|c| c.from == from && c.to == to && is(&c.key, rest))
            .and_then(|c| c.figures.get(&path))
    }

    /// The change of `figure` into period `to` from the period before it, with that
    /// period, in the group with the other keys `rest`.
    pub fn change_into(
        &self,
        to: &str,
        rest: &KeyRef<'_>,
        figure: &FigureId,
    ) -> Option<(&str, &Change)> {
        let path = figure.path();
        self.changes
            .iter()
            .find(|c| c.to == to && is(&c.key, rest))
            .and_then(|c| c.figures.get(&path).map(|f| (c.from.as_str(), f)))
    }

    /// The trend of `figure` over the periods in the group with the other keys `rest`.
    pub fn trend(&self, rest: &KeyRef<'_>, figure: &FigureId) -> Option<&TrendStats> {
        let path = figure.path();
        self.trends
            .iter()
            .find(|t: &&Trend| is(&t.key, rest))
            .and_then(|t| t.figures.get(&path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_reads_back_from_its_path() {
        for f in [
            FigureId::Ccl,
            FigureId::Dimension("d.1".into()),
            FigureId::ItemMean("q1".into()),
            FigureId::ItemTop2("q1".into()),
            FigureId::Nps("rec".into()),
            FigureId::Resolution("res".into()),
            FigureId::Standard("wait".into()),
        ] {
            assert_eq!(FigureId::parse(&f.path()), Some(f.clone()), "{f}");
        }
        assert_eq!(FigureId::parse("items.q1.sd"), None);
        assert_eq!(FigureId::parse("ccl"), None);
        assert_eq!(
            FigureId::Dimension("access".into()).path(),
            "dimensions.access.index"
        );
    }
}
