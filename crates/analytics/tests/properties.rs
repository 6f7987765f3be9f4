//! Property tests: suppression laws over random data sets and groupings.
//!
//! Thousands of random data sets for a small survey whose grouping questions have
//! very uneven option probabilities (so that small groups are common) are analysed
//! under every grouping with a random K. The anonymity rules of
//! `shared/indicators.md` are checked on the typed result and on its JSON; the
//! true size of every cell and every figure's answer count are computed here from
//! the generated rows, never taken from the library.

use std::collections::{BTreeMap, BTreeSet};

use otklik_analytics::suppress::remainder_rule;
use otklik_analytics::{
    analyze, analyze_in_parts, analyze_many, Analysis, Fig, Group, GroupStats, Key, Params, Part,
    Split,
};
use otklik_survey::{import, Responses, Survey};
use proptest::prelude::*;
use serde_json::{Map, Value};

#[path = "../../../tests/support/proptest.rs"]
mod settings;
use settings::config;

const SURVEY: &str = r#"{
  "id": "anon", "version": 1, "audience": "external", "title": "Анонимность",
  "min_group": 3, "min_group_text": 6,
  "dimensions": [
    {"id": "access", "title": "Доступность", "weight": 2},
    {"id": "speed", "title": "Скорость"}
  ],
  "questions": [
    {"id": "dept", "type": "choice", "group": true, "text": "Отдел",
     "options": [{"id": "a", "label": "A", "headcount": 40}, {"id": "b", "label": "B"},
                 {"id": "c", "label": "C", "headcount": 9}, {"id": "d", "label": "D"},
                 {"id": "e", "label": "E"}, {"id": "f", "label": "F"}]},
    {"id": "seg", "type": "choice", "group": true, "role": "segment", "text": "Сегмент",
     "options": [{"id": "x", "label": "X"}, {"id": "y", "label": "Y"}, {"id": "z", "label": "Z"}]},
    {"id": "tp", "type": "choice", "role": "touchpoint", "text": "Канал",
     "options": [{"id": "web", "label": "Web", "channel": "digital"},
                 {"id": "portal", "label": "Portal", "channel": "digital"},
                 {"id": "phone", "label": "Phone", "channel": "offline"},
                 {"id": "office", "label": "Office", "channel": "offline"},
                 {"id": "other", "label": "Other"}]},
    {"id": "q1", "type": "scale", "dimension": "access", "text": "Q1"},
    {"id": "q2", "type": "scale", "points": 7, "dimension": "access", "text": "Q2"},
    {"id": "q3", "type": "scale", "dimension": "speed", "text": "Q3"},
    {"id": "ces", "type": "scale", "role": "effort", "text": "CES"},
    {"id": "rec", "type": "nps", "text": "NPS"},
    {"id": "resolved", "type": "yesno", "role": "resolution", "text": "Resolved?"},
    {"id": "wait", "type": "number", "max": 600, "standard_max": 15, "text": "Wait"},
    {"id": "note", "type": "text", "text": "Comment"}
  ]
}"#;

const DEPTS: [&str; 6] = ["a", "b", "c", "d", "e", "f"];
/// Chance (in %) of no answer, then of each department: very uneven.
const DEPT_WEIGHTS: [u8; 7] = [4, 50, 25, 11, 5, 3, 2];
const SEGS: [&str; 3] = ["x", "y", "z"];
const SEG_WEIGHTS: [u8; 4] = [3, 72, 20, 5];
const TPS: [&str; 5] = ["web", "portal", "phone", "office", "other"];
const TP_WEIGHTS: [u8; 6] = [10, 35, 4, 33, 9, 9];
/// Channel type of each touchpoint: 0 digital, 1 offline.
const TP_TYPE: [Option<usize>; 5] = [Some(0), Some(0), Some(1), Some(1), None];
const TYPES: [&str; 2] = ["digital", "offline"];
/// Scale items: id, points, dimension (0 access, 1 speed).
const SCALES: [(&str, u8, Option<usize>); 4] = [
    ("q1", 5, Some(0)),
    ("q2", 7, Some(0)),
    ("q3", 5, Some(1)),
    ("ces", 5, None),
];
const DIMS: [(&str, f64); 2] = [("access", 2.0), ("speed", 1.0)];
const STANDARD_MAX: f64 = 15.0;

fn survey() -> Survey {
    Survey::from_json(SURVEY).expect("the test survey is valid")
}

/// Picks an index by percentage weights from a draw in 0..100; index 0 is "missing".
fn pick(draw: u8, weights: &[u8]) -> Option<usize> {
    let mut acc = 0u32;
    for (i, &w) in weights.iter().enumerate() {
        acc += u32::from(w);
        if u32::from(draw) < acc {
            return i.checked_sub(1);
        }
    }
    Some(weights.len() - 2)
}

#[derive(Debug, Clone)]
struct Row {
    /// A draw in 0..100, mapped to a period skewed towards the early ones.
    period: u8,
    dept: u8,
    seg: u8,
    tp: u8,
    /// q1, q2, q3, ces.
    scales: [Option<u8>; 4],
    rec: Option<u8>,
    resolved: Option<bool>,
    wait: Option<f64>,
    note: Option<u8>,
    /// Computed from the answers when the row is made: the 0–100 score of each
    /// dimension and the client-centricity level.
    dims: [Option<f64>; 2],
    level: Option<f64>,
}

impl Row {
    fn period(&self, periods: usize) -> usize {
        (usize::from(self.period) * usize::from(self.period) * periods) / 10_000
    }
    fn dept(&self) -> Option<usize> {
        pick(self.dept, &DEPT_WEIGHTS)
    }
    fn seg(&self) -> Option<usize> {
        pick(self.seg, &SEG_WEIGHTS)
    }
    fn tp(&self) -> Option<usize> {
        pick(self.tp, &TP_WEIGHTS)
    }
    fn note(&self) -> Option<String> {
        self.note.map(|t| format!("комментарий {t}, \"ok\""))
    }
    /// The 0–100 score of each dimension, if the respondent answered an item of it.
    fn dim_scores(&self) -> [Option<f64>; 2] {
        self.dims
    }
    fn level(&self) -> Option<f64> {
        self.level
    }
    fn compute_dim_scores(&self) -> [Option<f64>; 2] {
        let mut out = [None; 2];
        for (d, slot) in out.iter_mut().enumerate() {
            let scores: Vec<f64> = SCALES
                .iter()
                .zip(&self.scales)
                .filter(|((_, _, dim), v)| *dim == Some(d) && v.is_some())
                .map(|((_, points, _), v)| {
                    (f64::from(v.unwrap()) - 1.0) / (f64::from(*points) - 1.0) * 100.0
                })
                .collect();
            if !scores.is_empty() {
                *slot = Some(scores.iter().sum::<f64>() / scores.len() as f64);
            }
        }
        out
    }
    /// The client-centricity level: weighted mean of the available dimension scores.
    fn compute_level(&self) -> Option<f64> {
        let s = self.dims;
        let (mut sum, mut w) = (0.0, 0.0);
        for (d, score) in s.iter().enumerate() {
            if let Some(x) = score {
                sum += DIMS[d].1 * x;
                w += DIMS[d].1;
            }
        }
        (w > 0.0).then(|| sum / w)
    }
}

/// A row from 128 random bits: one leaf per row keeps generation fast in debug
/// builds, and shrinking the bits towards 0 still simplifies the row.
fn decode(bits: u128) -> Row {
    let b: [u8; 16] = bits.to_le_bytes();
    // A byte below `missing` is no answer; otherwise a value from `values`.
    let opt = |byte: u8, missing: u8, values: u8| (byte >= missing).then_some(byte % values);
    let mut r = Row {
        period: b[0] % 100,
        dept: b[1] % 100,
        seg: b[2] % 100,
        tp: b[3] % 100,
        scales: [
            opt(b[4], 38, 5).map(|v| v + 1),
            opt(b[5], 51, 7).map(|v| v + 1),
            opt(b[6], 64, 5).map(|v| v + 1),
            opt(b[7], 102, 5).map(|v| v + 1),
        ],
        rec: opt(b[8], 38, 11),
        resolved: opt(b[9], 51, 2).map(|v| v == 0),
        wait: (b[10] >= 77).then(|| f64::from(u16::from_le_bytes([b[11], b[12]]) % 121) / 4.0),
        note: opt(b[13], 179, 20),
        dims: [None; 2],
        level: None,
    };
    r.dims = r.compute_dim_scores();
    r.level = r.compute_level();
    r
}

fn row() -> impl Strategy<Value = Row> {
    any::<u128>().prop_map(decode)
}

/// One random data set: its rows, the number of periods and their granularity, K,
/// and whether free-text answers are asked for.
#[derive(Debug, Clone)]
struct Case {
    rows: Vec<Row>,
    periods: usize,
    granularity: usize,
    k: u32,
    texts: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::collection::vec(row(), 0..=120),
        2usize..=4,
        0usize..4,
        3u32..=7,
        any::<bool>(),
    )
        .prop_map(|(rows, periods, granularity, k, texts)| Case {
            rows,
            periods,
            granularity,
            k,
            texts,
        })
}

fn period_labels(granularity: usize) -> [&'static str; 4] {
    match granularity {
        0 => ["2023", "2024", "2025", "2026"],
        1 => ["2025-H1", "2025-H2", "2026-H1", "2026-H2"],
        2 => ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"],
        _ => ["2025-12", "2026-01", "2026-02", "2026-07"],
    }
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn write_csv(case: &Case) -> String {
    let labels = period_labels(case.granularity);
    let mut out =
        String::from("response_id,period,dept,seg,tp,q1,q2,q3,ces,rec,resolved,wait,note\n");
    let opt = |v: Option<String>| v.unwrap_or_default();
    for (i, r) in case.rows.iter().enumerate() {
        let mut cells = vec![
            format!("r{i:04}"),
            labels[r.period(case.periods)].to_owned(),
            opt(r.dept().map(|d| DEPTS[d].to_owned())),
            opt(r.seg().map(|s| SEGS[s].to_owned())),
            opt(r.tp().map(|t| TPS[t].to_owned())),
        ];
        cells.extend(r.scales.iter().map(|v| opt(v.map(|v| v.to_string()))));
        cells.push(opt(r.rec.map(|v| v.to_string())));
        cells.push(opt(r
            .resolved
            .map(|y| if y { "yes" } else { "no" }.to_owned())));
        cells.push(opt(r.wait.map(|x| x.to_string())));
        cells.push(opt(r.note().map(|t| quote(&t))));
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// A grouping key of the test: the period or a grouping question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    Period,
    Dept,
    Seg,
}

/// The groupings of the publication set (by period, by each grouping question,
/// and both), in one key order each.
const GROUPINGS: [&[K]; 6] = [
    &[],
    &[K::Period],
    &[K::Dept],
    &[K::Period, K::Dept],
    &[K::Seg],
    &[K::Period, K::Seg],
];

/// Groupings outside the publication set: refused.
const UNPUBLISHED: [&[K]; 2] = [&[K::Dept, K::Seg], &[K::Period, K::Dept, K::Seg]];

/// A cell: the code of each grouping key (`None` for no answer).
type Cell = Vec<Option<usize>>;

fn cell_of(r: &Row, by: &[K], periods: usize) -> Cell {
    by.iter()
        .map(|k| match k {
            K::Period => Some(r.period(periods)),
            K::Dept => r.dept(),
            K::Seg => r.seg(),
        })
        .collect()
}

/// The cell's key as the analysis writes it.
fn key_json(cell: &Cell, by: &[K], granularity: usize) -> String {
    let mut m = Map::new();
    for (k, code) in by.iter().zip(cell) {
        let (name, v) = match k {
            K::Period => ("period", code.map(|p| period_labels(granularity)[p])),
            K::Dept => ("dept", code.map(|d| DEPTS[d])),
            K::Seg => ("seg", code.map(|s| SEGS[s])),
        };
        m.insert(
            name.to_owned(),
            v.map_or(Value::Null, |s| Value::String(s.to_owned())),
        );
    }
    Value::Object(m).to_string()
}

/// Every figure with an `n`, by its path in a group.
const FIGURES: [&str; 25] = [
    "items.q1",
    "items.q2",
    "items.q3",
    "items.ces",
    "drivers.q1",
    "drivers.q2",
    "drivers.q3",
    "drivers.ces",
    "ces.ces",
    "dimensions.access",
    "dimensions.speed",
    "ccl",
    "nps.rec",
    "standards.wait",
    "resolution.resolved",
    "channels.tp",
    "channels.tp.options.web",
    "channels.tp.options.portal",
    "channels.tp.options.phone",
    "channels.tp.options.office",
    "channels.tp.options.other",
    "channels.tp.types.digital",
    "channels.tp.types.offline",
    "texts.note",
    // Not a figure: the group's size.
    "n",
];
const OPTIONS_AT: usize = 16;
const TYPES_AT: usize = 21;

fn figure_index(path: &str) -> usize {
    FIGURES
        .iter()
        .position(|f| *f == path)
        .unwrap_or_else(|| panic!("unexpected figure {path}"))
}

/// Every figure's answer count, computed from the rows of one cell (by [`FIGURES`]).
fn true_counts(rows: &[&Row]) -> [u64; 25] {
    let mut c = [0u64; 25];
    for r in rows {
        let level = r.level().is_some();
        let dims = r.dim_scores();
        let tp = r.tp();
        let yes = [
            r.scales[0].is_some(),
            r.scales[1].is_some(),
            r.scales[2].is_some(),
            r.scales[3].is_some(),
            r.scales[0].is_some() && level,
            r.scales[1].is_some() && level,
            r.scales[2].is_some() && level,
            r.scales[3].is_some() && level,
            r.scales[3].is_some(),
            dims[0].is_some(),
            dims[1].is_some(),
            level,
            r.rec.is_some(),
            r.wait.is_some(),
            r.resolved.is_some(),
            tp.is_some(),
            tp == Some(0),
            tp == Some(1),
            tp == Some(2),
            tp == Some(3),
            tp == Some(4),
            tp.is_some_and(|o| TP_TYPE[o] == Some(0)),
            tp.is_some_and(|o| TP_TYPE[o] == Some(1)),
            r.note.is_some(),
            true,
        ];
        for (c, y) in c.iter_mut().zip(yes) {
            *c += u64::from(y);
        }
    }
    c
}

/// Every figure of a shown group with an `n`, from the typed result:
/// path → `Some(n)` when shown, `None` when suppressed.
fn typed_figures(g: &GroupStats) -> BTreeMap<String, Option<u64>> {
    fn put<T>(
        out: &mut BTreeMap<String, Option<u64>>,
        path: String,
        f: &Fig<T>,
        n: impl Fn(&T) -> u64,
    ) {
        out.insert(path, f.shown().map(n));
    }
    let mut out = BTreeMap::new();
    for (id, f) in &g.items {
        put(&mut out, format!("items.{id}"), f, |s| s.n);
    }
    for (id, f) in &g.dimensions {
        put(&mut out, format!("dimensions.{id}"), f, |s| s.n);
    }
    if let Some(f) = &g.ccl {
        put(&mut out, "ccl".into(), f, |s| s.n);
    }
    for (id, f) in &g.nps {
        put(&mut out, format!("nps.{id}"), f, |s| s.n);
    }
    for (id, f) in &g.ces {
        put(&mut out, format!("ces.{id}"), f, |s| s.n);
    }
    for (id, f) in &g.standards {
        put(&mut out, format!("standards.{id}"), f, |s| s.n);
    }
    for (id, f) in &g.resolution {
        put(&mut out, format!("resolution.{id}"), f, |s| s.n);
    }
    for (id, f) in &g.channels {
        put(&mut out, format!("channels.{id}"), f, |s| s.n);
        let Fig::Shown(ch) = f else { continue };
        for (o, f) in &ch.options {
            put(&mut out, format!("channels.{id}.options.{o}"), f, |s| s.n);
        }
        for (t, f) in &ch.types {
            put(&mut out, format!("channels.{id}.types.{t}"), f, |s| s.n);
        }
    }
    for (id, f) in &g.drivers {
        put(&mut out, format!("drivers.{id}"), f, |s| s.n);
    }
    for (id, f) in &g.texts {
        put(&mut out, format!("texts.{id}"), f, |s| s.n);
    }
    out
}

/// The same, read from a shown group's JSON: every object with an `n` is a shown
/// figure; `{"suppressed": true}` (and nothing else) is a suppressed one.
fn json_figures(path: &str, v: &Value, out: &mut BTreeMap<String, Option<u64>>) {
    let Value::Object(m) = v else { return };
    if m.contains_key("suppressed") {
        assert_eq!(
            m.len(),
            1,
            "{path}: a suppressed figure shows nothing else: {v}"
        );
        assert_eq!(m["suppressed"], Value::Bool(true), "{path}: {v}");
        out.insert(path.to_owned(), None);
        return;
    }
    if let Some(n) = m.get("n") {
        out.insert(path.to_owned(), Some(n.as_u64().expect("n is a count")));
    }
    for (k, child) in m {
        json_figures(&format!("{path}.{k}"), child, out);
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

/// Whether hiding `hidden` of a parent holding `total` protects every hidden sibling:
/// nothing is hidden, or at least K is, or the whole parent is hidden and holds
/// fewer than K (so the parent itself is below K and suppressed wherever shown).
fn protected(hidden: u64, total: u64, k: u64) -> bool {
    hidden == 0 || hidden >= k || (hidden == total && total < k)
}

/// Sibling partitions of the live cells: for each key, the cells that share all
/// the other keys (for a single key: all cells, the overall parent).
fn partitions(cells: &BTreeSet<Cell>, nkeys: usize) -> Vec<Vec<Cell>> {
    let mut out = Vec::new();
    for j in 0..nkeys {
        let mut parents: BTreeMap<Cell, Vec<Cell>> = BTreeMap::new();
        for c in cells {
            let mut p = c.clone();
            p.remove(j);
            parents.entry(p).or_default().push(c.clone());
        }
        out.extend(parents.into_values());
    }
    out
}

/// The group with this key in the result, with its JSON.
struct Found<'a> {
    group: &'a Group,
    json: &'a Value,
}

/// The engine's keys for a grouping.
fn keys(by: &[K]) -> Vec<Key> {
    by.iter()
        .map(|k| match k {
            K::Period => Key::Period,
            K::Dept => Key::Question("dept".into()),
            K::Seg => Key::Question("seg".into()),
        })
        .collect()
}

fn check_grouping(case: &Case, data: &otklik_survey::Responses, survey: &Survey, by: &[K]) {
    let k = u64::from(case.k);
    let params = Params {
        by: keys(by),
        min_group: Some(case.k),
        texts: case.texts,
    };
    let result: Analysis = analyze(survey, data, &params).expect("the analysis runs");
    let json = serde_json::to_value(&result).expect("the result serialises");
    let k_text = u64::from(result.min_group_text);
    assert_eq!(result.min_group, case.k);
    assert_eq!(k_text, k.max(6));
    assert_eq!(result.responses, case.rows.len() as u64);
    let min_of = |f: usize| {
        if FIGURES[f] == "texts.note" {
            k_text
        } else {
            k
        }
    };

    // The truth, from the generated rows.
    let mut truth: BTreeMap<Cell, Vec<&Row>> = BTreeMap::new();
    for r in &case.rows {
        truth
            .entry(cell_of(r, by, case.periods))
            .or_default()
            .push(r);
    }
    let keys: BTreeMap<&Cell, String> = truth
        .keys()
        .map(|c| (c, key_json(c, by, case.granularity)))
        .collect();
    let groups_json = json["groups"].as_array().expect("groups");
    assert_eq!(groups_json.len(), result.groups.len());
    let mut found: BTreeMap<String, Found<'_>> = BTreeMap::new();
    for (g, gj) in result.groups.iter().zip(groups_json) {
        let key = gj["key"].to_string();
        let prev = found.insert(key.clone(), Found { group: g, json: gj });
        assert!(prev.is_none(), "group {key} listed twice");
    }
    // Every option of every key is listed, empty or not: the list tells no sizes.
    let mut all: Vec<Cell> = vec![vec![]];
    for k in by {
        let codes: Vec<Option<usize>> = match k {
            K::Period => {
                let mut p: Vec<usize> = case.rows.iter().map(|r| r.period(case.periods)).collect();
                p.sort_unstable();
                p.dedup();
                p.into_iter().map(Some).collect()
            }
            K::Dept => std::iter::once(None)
                .chain((0..DEPTS.len()).map(Some))
                .collect(),
            K::Seg => std::iter::once(None)
                .chain((0..SEGS.len()).map(Some))
                .collect(),
        };
        all = all
            .into_iter()
            .flat_map(|c| {
                codes.iter().map(move |&x| {
                    let mut c = c.clone();
                    c.push(x);
                    c
                })
            })
            .collect();
    }
    if case.rows.is_empty() {
        all.clear();
    }
    let listed: BTreeSet<String> = all
        .iter()
        .map(|c| key_json(c, by, case.granularity))
        .collect();
    assert!(
        found.keys().eq(listed.iter()),
        "one entry per group of the table: {:?} != {:?}",
        found.keys().collect::<Vec<_>>(),
        listed
    );
    for key in listed.iter().filter(|k| !keys.values().any(|v| v == *k)) {
        assert!(
            matches!(found[key].group, Group::Suppressed { .. }),
            "{key}: an empty group is listed as hidden"
        );
    }
    let text_table = by == [K::Period, K::Dept];

    // Per cell: the true count behind every figure, and whether the figure is shown.
    let mut counts: BTreeMap<&Cell, [u64; 25]> = BTreeMap::new();
    let mut shown: BTreeMap<&Cell, [bool; 25]> = BTreeMap::new();
    for (cell, rows) in &truth {
        let key = &keys[cell];
        let f = &found[key];
        let n = rows.len() as u64;
        let tc = true_counts(rows);
        let mut visible = [false; 25];
        match f.group {
            Group::Suppressed {
                key: gk,
                suppressed,
            } => {
                assert!(*suppressed);
                assert_eq!(&serde_json::to_string(gk).unwrap(), key);
                let obj = f.json.as_object().unwrap();
                assert!(
                    obj.keys().eq(["key", "suppressed"]),
                    "a suppressed group shows only its key: {}",
                    f.json
                );
                assert_eq!(obj["suppressed"], Value::Bool(true));
            }
            Group::Shown(g) => {
                assert!(!g.suppressed);
                assert_eq!(f.json["suppressed"], Value::Bool(false));
                assert_eq!(g.n, n, "{key}: the group's n is its true size");
                assert_eq!(f.json["n"].as_u64(), Some(n));
                assert!(n >= k, "{key}: a shown group has n = {n} < K = {k}");
                visible[figure_index("n")] = true;
                let typed = typed_figures(g);
                let mut from_json = BTreeMap::new();
                for (field, v) in f.json.as_object().unwrap() {
                    if !["key", "suppressed", "n", "response_rate"].contains(&field.as_str()) {
                        json_figures(field, v, &mut from_json);
                    }
                }
                assert_eq!(typed, from_json, "{key}: typed and JSON figures agree");
                for (path, figure_n) in &typed {
                    let i = figure_index(path);
                    let Some(figure_n) = *figure_n else { continue };
                    visible[i] = true;
                    assert!(
                        figure_n >= min_of(i),
                        "{key}: {path} is shown with n = {figure_n} < {}\n{}",
                        min_of(i),
                        f.json
                    );
                    assert_eq!(figure_n, tc[i], "{key}: {path}: the true count");
                }
                // Every figure is listed (shown or suppressed), except a channel mix
                // nobody answered, the parts of a suppressed mix, and free texts that
                // were not asked for.
                let mix_shown = typed.get("channels.tp").is_some_and(Option::is_some);
                for (i, path) in FIGURES.iter().enumerate() {
                    let optional = (*path == "channels.tp" && tc[i] == 0)
                        || (path.starts_with("channels.tp.") && !mix_shown)
                        || (*path == "texts.note" && !(case.texts && text_table))
                        || *path == "n";
                    assert!(
                        optional || typed.contains_key(*path),
                        "{key}: {path} is missing"
                    );
                }
                if case.texts && text_table && n < k_text {
                    assert_eq!(typed["texts.note"], None, "{key}: texts below K_text");
                }
                check_values(g, rows, key);
            }
        }
        counts.insert(cell, tc);
        shown.insert(cell, visible);
    }

    // No differencing: within every parent, the suppressed siblings hold 0 or ≥ K,
    // so that "parent − visible siblings" never isolates a suppressed one under K.
    // `n` is the groups themselves; the other figures are their answer counts.
    let cells: BTreeSet<Cell> = truth.keys().cloned().collect();
    let parts = if by.is_empty() {
        vec![cells.iter().cloned().collect()]
    } else {
        partitions(&cells, by.len())
    };
    for (i, what) in FIGURES.iter().enumerate() {
        if what.starts_with("drivers.") || *what == "texts.note" {
            // A driver's n is its item's n (shown beside it) or hidden with the item;
            // free texts are given in one table only, with no total to subtract from.
            continue;
        }
        let min = min_of(i);
        for p in &parts {
            let total: u64 = p.iter().map(|c| counts[c][i]).sum();
            let hidden: u64 = p
                .iter()
                .filter(|c| !shown[c][i])
                .map(|c| counts[c][i])
                .sum();
            assert!(
                protected(hidden, total, min),
                "{what}: by {by:?}, K = {min}: the suppressed siblings hold {hidden} \
                 (parent {total} − visible {}): recoverable by subtraction; siblings: {:?}",
                total - hidden,
                p.iter()
                    .map(|c| (&keys[c], counts[c][i], shown[c][i]))
                    .collect::<Vec<_>>()
            );
        }
    }

    // Within a shown group, the touchpoints split the channel mix's n, the channel
    // types split its typed part, and each type's touchpoints split that type: the
    // hidden parts of each hold 0 or ≥ K as well.
    for (cell, visible) in &shown {
        if !visible[OPTIONS_AT - 1] {
            continue;
        }
        let tc = &counts[cell];
        let key = &keys[cell];
        let check = |what: &str, slots: &[usize]| {
            let total: u64 = slots.iter().map(|&i| tc[i]).sum();
            let hidden: u64 = slots.iter().filter(|&&i| !visible[i]).map(|&i| tc[i]).sum();
            assert!(
                protected(hidden, total, k),
                "{key}: {what}: {hidden} of {total} hidden: recoverable by subtraction\n{}",
                found[key].json["channels"]
            );
        };
        let options: Vec<usize> = (0..TPS.len()).map(|o| OPTIONS_AT + o).collect();
        check("touchpoints", &options);
        check("channel types", &[TYPES_AT, TYPES_AT + 1]);
        for (t, ty) in TYPES.iter().enumerate() {
            if visible[TYPES_AT + t] {
                let of_type: Vec<usize> = (0..TPS.len())
                    .filter(|&o| TP_TYPE[o] == Some(t))
                    .map(|o| OPTIONS_AT + o)
                    .collect();
                check(&format!("the {ty} touchpoints"), &of_type);
            }
        }
    }

    check_changes(&result, &json, &found, by);
}

/// Figures checked against a naive recomputation from the rows, to 1e-9.
fn check_values(g: &GroupStats, rows: &[&Row], key: &str) {
    for (i, (id, points, _)) in SCALES.iter().enumerate() {
        let Some(Fig::Shown(st)) = g.items.get(*id) else {
            continue;
        };
        let x: Vec<f64> = rows
            .iter()
            .filter_map(|r| r.scales[i].map(f64::from))
            .collect();
        assert!(close(st.mean, mean(&x)), "{key}: items.{id}.mean");
        let dist: Vec<u32> = (1..=*points)
            .map(|v| rows.iter().filter(|r| r.scales[i] == Some(v)).count() as u32)
            .collect();
        assert_eq!(st.dist, dist, "{key}: items.{id}.dist");
        let top = x.iter().filter(|&&v| v >= f64::from(*points) - 1.0).count();
        assert!(
            close(st.top2, top as f64 / x.len() as f64),
            "{key}: items.{id}.top2"
        );
    }
    if let Some(Fig::Shown(nps)) = g.nps.get("rec") {
        let x: Vec<u8> = rows.iter().filter_map(|r| r.rec).collect();
        let p = x.iter().filter(|&&v| v >= 9).count() as f64;
        let d = x.iter().filter(|&&v| v <= 6).count() as f64;
        let want = 100.0 * (p - d) / x.len() as f64;
        assert!(
            close(nps.value, want),
            "{key}: nps.rec.value {} != {want}",
            nps.value
        );
    }
    for (d, (id, _)) in DIMS.iter().enumerate() {
        if let Some(Fig::Shown(st)) = g.dimensions.get(*id) {
            let x: Vec<f64> = rows.iter().filter_map(|r| r.dim_scores()[d]).collect();
            assert!(close(st.index, mean(&x)), "{key}: dimensions.{id}.index");
        }
    }
    if let Some(Fig::Shown(st)) = &g.ccl {
        let x: Vec<f64> = rows.iter().filter_map(|r| r.level()).collect();
        assert!(close(st.value, mean(&x)), "{key}: ccl.value");
    }
    if let Some(Fig::Shown(st)) = g.resolution.get("resolved") {
        let x: Vec<bool> = rows.iter().filter_map(|r| r.resolved).collect();
        let yes = x.iter().filter(|&&y| y).count() as f64;
        assert!(
            close(st.share, yes / x.len() as f64),
            "{key}: resolution share"
        );
    }
    if let Some(Fig::Shown(st)) = g.standards.get("wait") {
        let x: Vec<f64> = rows.iter().filter_map(|r| r.wait).collect();
        let ok = x.iter().filter(|&&v| v <= STANDARD_MAX).count() as f64;
        assert!(
            close(st.share, ok / x.len() as f64),
            "{key}: standard share"
        );
    }
    if let Some(Fig::Shown(t)) = g.texts.get("note") {
        let mut want: Vec<String> = rows.iter().filter_map(|r| r.note()).collect();
        let mut got = t.answers.clone();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{key}: the group's texts");
    }
}

/// Changes and trends use only figures that are shown, with the shown values.
fn check_changes(result: &Analysis, json: &Value, found: &BTreeMap<String, Found<'_>>, by: &[K]) {
    if by.first() != Some(&K::Period) {
        assert!(result.changes.is_empty() && result.trends.is_empty());
        return;
    }
    let shown_value = |rest: &Map<String, Value>, period: &str, path: &str| -> Option<f64> {
        let mut key = Map::new();
        key.insert("period".into(), Value::String(period.to_owned()));
        key.extend(rest.clone());
        let f = found.get(&Value::Object(key).to_string())?;
        let pointer = format!("/{}", path.replace('.', "/"));
        f.json.pointer(&pointer)?.as_f64()
    };
    for ch in json["changes"].as_array().into_iter().flatten() {
        let rest = ch["key"].as_object().unwrap();
        for (path, c) in ch["figures"].as_object().unwrap() {
            let from = shown_value(rest, ch["from"].as_str().unwrap(), path);
            let to = shown_value(rest, ch["to"].as_str().unwrap(), path);
            assert_eq!(from, c["from"].as_f64(), "change of a hidden figure: {ch}");
            assert_eq!(to, c["to"].as_f64(), "change of a hidden figure: {ch}");
        }
    }
    for tr in json["trends"].as_array().into_iter().flatten() {
        let rest = tr["key"].as_object().unwrap();
        for (path, t) in tr["figures"].as_object().unwrap() {
            let shown = result
                .periods
                .iter()
                .filter(|p| shown_value(rest, p, path).is_some())
                .count();
            assert_eq!(
                t["periods"].as_u64(),
                Some(shown as u64),
                "a trend over hidden values: {tr}"
            );
        }
    }
}

proptest! {
    #![proptest_config(config(2000))]

    /// Every anonymity law, for one random data set under all six groupings.
    #[test]
    fn suppression_laws_hold(case in case()) {
        let survey = survey();
        let csv = write_csv(&case);
        let data = import::read_csv(&survey, "case.csv", csv.as_bytes(), &Default::default())
            .unwrap_or_else(|e| panic!("{e}\n{csv}"));
        for by in GROUPINGS {
            check_grouping(&case, &data, &survey, by);
        }
        for by in UNPUBLISHED {
            let params = Params { by: keys(by), min_group: Some(case.k), texts: false };
            let refused = matches!(
                analyze(&survey, &data, &params),
                Err(otklik_analytics::Error::NotPublished { .. })
            );
            prop_assert!(refused, "by {:?} is not published", by);
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// A pass split into parts (as a large one is, natively, one part per thread)
    /// gives the very same analysis, free texts included, for every grouping.
    #[test]
    fn a_pass_in_parts_equals_one_pass(case in case(), parts in 2usize..9) {
        let survey = survey();
        let csv = write_csv(&case);
        let data = import::read_csv(&survey, "case.csv", csv.as_bytes(), &Default::default())
            .unwrap_or_else(|e| panic!("{e}\n{csv}"));
        for by in GROUPINGS {
            let params = Params {
                by: keys(by),
                min_group: Some(case.k),
                texts: true,
            };
            let one = serde_json::to_string(&analyze(&survey, &data, &params).unwrap()).unwrap();
            let split = analyze_in_parts(&survey, &data, &params, parts).unwrap();
            prop_assert_eq!(serde_json::to_string(&split).unwrap(), one);
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// A pass split between "workers" gives the very same analyses as `analyze_many`:
    /// the first part is run on the whole data, every other on its rows alone, sent
    /// as bytes in pieces, and every part comes back as bytes; free texts included, whatever the
    /// cuts (empty parts too) and in whatever order the parts arrive.
    #[test]
    fn a_pass_split_between_workers_equals_one_pass(
        case in case(),
        cuts in prop::collection::vec(0usize..=120, 0..4),
        reverse in any::<bool>(),
        piece in 1usize..50,
    ) {
        let survey = survey();
        let csv = write_csv(&case);
        let data = import::read_csv(&survey, "case.csv", csv.as_bytes(), &Default::default())
            .unwrap_or_else(|e| panic!("{e}\n{csv}"));
        let list: Vec<Params> = [&GROUPINGS[0], &GROUPINGS[1], &GROUPINGS[5]]
            .iter()
            .enumerate()
            .map(|(i, by)| Params { by: keys(by), min_group: Some(case.k), texts: i != 1 })
            .collect();
        let whole = analyze_many(&survey, &data, &list).unwrap();
        let split = Split::new(&survey, &data, &list).unwrap().expect("the groupings nest");
        let split = Split::from_bytes(&split.to_bytes()).unwrap();
        let mut bounds: Vec<usize> = cuts.iter().map(|&c| c.min(data.len())).collect();
        bounds.push(0);
        bounds.push(data.len());
        bounds.sort_unstable();
        let mut parts: Vec<Part> = bounds
            .windows(2)
            .enumerate()
            .map(|(i, w)| {
                if i == 0 {
                    return Ok(split.run(&survey, &data, w[0]..w[1], 0).unwrap());
                }
                // Sent in pieces of `piece` rows (the first may be empty).
                let mut starts: Vec<usize> = (w[0]..w[1]).step_by(piece).collect();
                if starts.is_empty() {
                    starts.push(w[0]);
                }
                let mut rows: Option<Responses> = None;
                for &start in &starts {
                    let sent = data.rows_to_bytes(start..(start + piece).min(w[1]));
                    match &mut rows {
                        None => rows = Some(Responses::rows_from_bytes(&survey, &sent).unwrap()),
                        Some(rows) => rows.append_rows_from_bytes(&survey, &sent).unwrap(),
                    }
                }
                let rows = rows.unwrap();
                prop_assert_eq!(rows.len(), w[1] - w[0]);
                prop_assert_eq!(rows.periods(), data.periods());
                let part = split.run(&survey, &rows, 0..rows.len(), w[0]).unwrap();
                Ok(Part::from_bytes(&part.to_bytes()).unwrap())
            })
            .collect::<Result<_, TestCaseError>>()?;
        if reverse {
            parts.reverse();
        }
        let joined = split.finish(&survey, &data, &list, parts).unwrap();
        prop_assert_eq!(
            serde_json::to_string(&joined).unwrap(),
            serde_json::to_string(&whole).unwrap()
        );
    }
}

/// Random counts, initial suppression and (possibly overlapping) partitions.
fn remainder_case() -> impl Strategy<Value = (Vec<u64>, Vec<bool>, Vec<Vec<usize>>, u64)> {
    (1usize..=24).prop_flat_map(|slots| {
        (
            prop::collection::vec(prop_oneof![3 => 0u64..8, 1 => 0u64..40], slots),
            prop::collection::vec(any::<bool>(), slots),
            prop::collection::vec(
                prop::collection::btree_set(0..slots, 1..=slots)
                    .prop_map(|s| s.into_iter().collect::<Vec<_>>()),
                0..6,
            ),
            1u64..=10,
        )
    })
}

proptest! {
    #![proptest_config(config(5000))]

    /// After the remainder rule, every partition hides 0, at least k, or everything
    /// it holds; the rule only adds suppression, and only of non-empty slots.
    #[test]
    fn remainder_rule_protects_every_partition((counts, start, parts, k) in remainder_case()) {
        let mut sup = start.clone();
        remainder_rule(&counts, &mut sup, &parts, k);
        for (s, (&before, &after)) in start.iter().zip(&sup).enumerate() {
            prop_assert!(!before || after, "slot {} was un-hidden", s);
            prop_assert!(before == after || counts[s] > 0, "empty slot {} hidden", s);
        }
        for p in &parts {
            let total: u64 = p.iter().map(|&s| counts[s]).sum();
            let hidden: u64 = p.iter().filter(|&&s| sup[s]).map(|&s| counts[s]).sum();
            prop_assert!(
                hidden == 0 || hidden >= k || hidden == total,
                "partition {:?}: hidden {} of {} with k = {}", p, hidden, total, k
            );
        }
    }

    /// Applied as the engine applies it (slots under k hidden first, disjoint
    /// partitions), a partition holding at least k never hides fewer than k.
    #[test]
    fn remainder_rule_on_disjoint_partitions(
        counts in prop::collection::vec(prop_oneof![3 => 0u64..8, 1 => 0u64..40], 1..30),
        cuts in prop::collection::vec(any::<bool>(), 30),
        k in 3u64..=7,
    ) {
        let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
        for (s, &cut) in cuts.iter().enumerate().take(counts.len()) {
            if cut && !parts.last().unwrap().is_empty() {
                parts.push(Vec::new());
            }
            parts.last_mut().unwrap().push(s);
        }
        let mut sup: Vec<bool> = counts.iter().map(|&n| n < k).collect();
        let start = sup.clone();
        remainder_rule(&counts, &mut sup, &parts, k);
        for p in &parts {
            let total: u64 = p.iter().map(|&s| counts[s]).sum();
            let hidden: u64 = p.iter().filter(|&&s| sup[s]).map(|&s| counts[s]).sum();
            prop_assert!(hidden == 0 || hidden >= k || (hidden == total && total < k));
            // Each partition hides at most one slot beyond those under k.
            let added = p.iter().filter(|&&s| sup[s] && !start[s]).count();
            prop_assert!(added <= 1, "partition {:?} hid {} more", p, added);
        }
    }
}

/// A row with no answers but a touchpoint (a draw in 0..100, see [`TP_WEIGHTS`]).
fn with_touchpoint(draw: Option<u8>) -> Row {
    let mut r = decode(0);
    if let Some(d) = draw {
        r.tp = d;
    }
    r
}

fn analyze_rows(rows: Vec<Row>, k: u32) -> (Case, Value) {
    let case = Case {
        rows,
        periods: 2,
        granularity: 0,
        k,
        texts: false,
    };
    let survey = survey();
    let csv = write_csv(&case);
    let data = import::read_csv(&survey, "case.csv", csv.as_bytes(), &Default::default()).unwrap();
    for by in GROUPINGS {
        check_grouping(&case, &data, &survey, by);
    }
    let params = Params {
        min_group: Some(k),
        ..Params::default()
    };
    let json = serde_json::to_value(analyze(&survey, &data, &params).unwrap()).unwrap();
    (case, json)
}

/// Found by `suppression_laws_hold`: 4 web, 1 portal, 3 phone, 1 office with K = 3
/// hid portal, office and phone but showed web (4) and digital (5): portal = 5 − 4.
#[test]
fn a_channel_type_cannot_reveal_its_hidden_touchpoints() {
    let (web, portal, phone, office) = (Some(10), Some(45), Some(49), Some(82));
    let rows = [web, web, web, web, portal, phone, phone, phone, office]
        .map(with_touchpoint)
        .to_vec();
    let (_, json) = analyze_rows(rows, 3);
    let mix = &json["groups"][0]["channels"]["tp"];
    assert_eq!(mix["n"], 9);
    let shown = |v: &Value| v.get("n").is_some();
    assert!(
        !(shown(&mix["types"]["digital"])
            && shown(&mix["options"]["web"])
            && !shown(&mix["options"]["portal"])),
        "portal is digital − web: {mix}"
    );
}

/// Found by `suppression_laws_hold`: a shown group of 5 in which one respondent
/// named a touchpoint showed the channel mix with n = 1.
#[test]
fn a_channel_mix_of_fewer_than_k_answers_is_suppressed() {
    let mut rows = vec![with_touchpoint(Some(10))];
    rows.extend((0..4).map(|_| with_touchpoint(None)));
    let (_, json) = analyze_rows(rows, 5);
    assert_eq!(json["groups"][0]["n"], 5);
    assert_eq!(
        json["groups"][0]["channels"]["tp"],
        serde_json::json!({"suppressed": true})
    );
}
