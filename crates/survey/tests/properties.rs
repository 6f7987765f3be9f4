//! Property tests: merge laws and import/export round trips.
//!
//! Response sets are generated as plain rows (a model), written to CSV by hand (an
//! independent writer: random column order, quoting, line ends, BOM) and read with
//! `import::read_csv`. Ids come from a small pool so that sets overlap; the periods
//! of one case share one granularity. Every question type is present, numbers
//! include fractions, negative zero and extremes, and texts mix commas, quotes,
//! newlines, tabs, semicolons, Cyrillic and emoji.

use std::collections::{BTreeMap, BTreeSet};

use otklik_survey::{export, import, Answer, ResponseChannel, Responses, Survey};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Map, Value};

#[path = "../../../tests/support/proptest.rs"]
mod settings;
use settings::config;

const SURVEY: &str = r#"{
  "id": "props", "version": 2, "audience": "internal", "title": "Свойства",
  "dimensions": [{"id": "d", "title": "D"}],
  "questions": [
    {"id": "sat", "type": "scale", "dimension": "d", "text": "Q"},
    {"id": "wide", "type": "scale", "points": 11, "text": "Q"},
    {"id": "rec", "type": "nps", "text": "Q"},
    {"id": "dept", "type": "choice", "group": true, "text": "Q",
     "options": [{"id": "legal", "label": "L"}, {"id": "it", "label": "I"},
                 {"id": "отдел-кадров", "label": "О"}]},
    {"id": "topics", "type": "multi", "text": "Q",
     "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"},
                 {"id": "в", "label": "В"}, {"id": "d d", "label": "D"}]},
    {"id": "resolved", "type": "yesno", "text": "Q"},
    {"id": "wait", "type": "number", "min": -50, "max": 600, "text": "Q"},
    {"id": "transfers", "type": "number", "integer": true, "max": 100, "text": "Q"},
    {"id": "comment", "type": "text", "max_length": 300, "text": "Q"}
  ]
}"#;

const DEPTS: [&str; 3] = ["legal", "it", "отдел-кадров"];
const TOPICS: [&str; 4] = ["a", "b", "в", "d d"];
/// Response ids: a small pool, with characters that need CSV quoting.
const IDS: [&str; 14] = [
    "r1",
    "r2",
    "r3",
    "r4",
    "r5",
    "r6",
    "r7",
    "r8",
    "ответ-9",
    "id,with,commas",
    "id \"quoted\"",
    " spaced id ",
    "Ёж",
    "😀",
];
const CHANNELS: [&str; 3] = ["paper", "kiosk", "self"];
const COLUMNS: [&str; 14] = [
    "response_id",
    "period",
    "survey",
    "version",
    "sat",
    "wide",
    "rec",
    "dept",
    "topics",
    "resolved",
    "wait",
    "transfers",
    "comment",
    "channel",
];

fn survey() -> Survey {
    Survey::from_json(SURVEY).expect("the test survey is valid")
}

/// One response's content (everything but its id).
#[derive(Debug, Clone)]
struct Row {
    period: usize,
    version: u16,
    sat: Option<u8>,
    wide: Option<u8>,
    rec: Option<u8>,
    dept: Option<usize>,
    /// Bit set of topics; 0 is missing.
    topics: u8,
    resolved: Option<bool>,
    wait: Option<f64>,
    transfers: Option<u32>,
    comment: Option<String>,
    /// Index into [`CHANNELS`].
    channel: Option<usize>,
}

impl Row {
    /// Same content, numbers compared exactly (by bits, so that -0 and 0 differ).
    fn same(&self, other: &Row) -> bool {
        format!("{self:?}") == format!("{other:?}")
    }

    /// The answers in the library's codes, in the survey's question order.
    fn answers(&self) -> Vec<Answer<'_>> {
        let code = |v: Option<u8>| v.map_or(Answer::Missing, Answer::Code);
        vec![
            code(self.sat),
            code(self.wide),
            code(self.rec.map(|v| v + 1)),
            code(self.dept.map(|d| d as u8 + 1)),
            if self.topics == 0 {
                Answer::Missing
            } else {
                Answer::Multi(u64::from(self.topics))
            },
            code(self.resolved.map(|y| if y { 1 } else { 2 })),
            self.wait.map_or(Answer::Missing, Answer::Number),
            self.transfers
                .map_or(Answer::Missing, |t| Answer::Number(f64::from(t))),
            self.comment
                .as_deref()
                .map_or(Answer::Missing, Answer::Text),
        ]
    }
}

/// Period labels of one granularity, in chronological order.
fn period_labels(granularity: usize) -> [&'static str; 4] {
    match granularity {
        0 => ["2024", "2025", "2026", "2027"],
        1 => ["2025-H1", "2025-H2", "2026-H1", "2026-H2"],
        2 => ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"],
        _ => ["2025-11", "2025-12", "2026-01", "2026-10"],
    }
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => (-500i32..=6000).prop_map(|x| f64::from(x) / 10.0),
        4 => -50.0f64..=600.0,
        1 => (0u32..=1_000_000).prop_map(|x| f64::from(x) / 1e6),
        1 => select(vec![
            0.0,
            -0.0,
            600.0,
            -50.0,
            1e-7,
            f64::MIN_POSITIVE,
            0.1 + 0.2,
            599.999_999_999_999_9,
        ]),
    ]
}

fn text() -> impl Strategy<Value = String> {
    let pieces = vec![
        "a",
        "text",
        " ",
        ",",
        "\"",
        "\"\"",
        "\n",
        "\r\n",
        "\t",
        ";",
        "Привет, мир",
        "ёЁ",
        "«кавычки»",
        "😀",
        "0",
        "yes",
        "'",
        "\\",
    ];
    prop::collection::vec(select(pieces), 1..6).prop_map(|v| v.concat())
}

fn row() -> impl Strategy<Value = Row> {
    (
        (
            0usize..4,
            1u16..=2,
            prop::option::of(1u8..=5),
            prop::option::of(1u8..=11),
            prop::option::of(0u8..=10),
            prop::option::of(0usize..3),
        ),
        (
            0u8..16,
            prop::option::of(any::<bool>()),
            prop::option::weighted(0.7, number()),
            prop::option::of(0u32..=100),
            prop::option::weighted(0.6, text()),
            prop::option::of(0usize..3),
        ),
    )
        .prop_map(
            |(
                (period, version, sat, wide, rec, dept),
                (topics, resolved, wait, transfers, comment, channel),
            )| {
                Row {
                    period,
                    version,
                    sat,
                    wide,
                    rec,
                    dept,
                    topics,
                    resolved,
                    wait,
                    transfers,
                    comment,
                    channel,
                }
            },
        )
}

/// Content for every id of the pool.
fn universe() -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec(row(), IDS.len())
}

/// A subset of the pool.
fn mask() -> impl Strategy<Value = u32> {
    0u32..(1 << IDS.len())
}

/// A response set: (id index, content) with distinct ids.
type Set = Vec<(usize, Row)>;

fn subset(universe: &[Row], mask: u32) -> Set {
    (0..IDS.len())
        .filter(|i| mask & (1 << i) != 0)
        .map(|i| (i, universe[i].clone()))
        .collect()
}

/// A response set with distinct ids in a random order.
fn set() -> impl Strategy<Value = Set> {
    prop::collection::btree_map(0..IDS.len(), row(), 0..=IDS.len())
        .prop_map(|m| m.into_iter().collect::<Vec<_>>())
        .prop_shuffle()
}

/// How the hand-written CSV looks.
#[derive(Debug, Clone)]
struct Style {
    /// Column order: a permutation of [`COLUMNS`].
    order: Vec<usize>,
    crlf: bool,
    bom: bool,
    quote_all: bool,
    with_survey: bool,
    with_version: bool,
    with_channel: bool,
}

fn style() -> impl Strategy<Value = Style> {
    (
        Just((0..COLUMNS.len()).collect::<Vec<_>>()).prop_shuffle(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(order, crlf, bom, quote_all, with_survey, with_version, with_channel)| Style {
                order,
                crlf,
                bom,
                quote_all,
                with_survey,
                with_version,
                with_channel,
            },
        )
}

fn plain_style() -> Style {
    Style {
        order: (0..COLUMNS.len()).collect(),
        crlf: false,
        bom: false,
        quote_all: false,
        with_survey: true,
        with_version: true,
        with_channel: true,
    }
}

fn quote(field: &str, all: bool) -> String {
    if all || field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

fn cells(id: usize, r: &Row, granularity: usize) -> [String; 14] {
    let opt = |v: Option<String>| v.unwrap_or_default();
    [
        IDS[id].to_owned(),
        period_labels(granularity)[r.period].to_owned(),
        "props".to_owned(),
        r.version.to_string(),
        opt(r.sat.map(|v| v.to_string())),
        opt(r.wide.map(|v| v.to_string())),
        opt(r.rec.map(|v| v.to_string())),
        opt(r.dept.map(|d| DEPTS[d].to_owned())),
        (0..TOPICS.len())
            .filter(|t| r.topics & (1 << t) != 0)
            .map(|t| TOPICS[t])
            .collect::<Vec<_>>()
            .join(";"),
        opt(r.resolved.map(|y| if y { "yes" } else { "no" }.to_owned())),
        // Rust's `Display` for f64: the shortest decimal that reads back exactly,
        // never with an exponent.
        opt(r.wait.map(|x| x.to_string())),
        opt(r.transfers.map(|t| t.to_string())),
        opt(r.comment.clone()),
        opt(r.channel.map(|c| CHANNELS[c].to_owned())),
    ]
}

/// Writes `rows` as CSV (independently of `export::to_csv`).
fn write_csv(rows: &Set, granularity: usize, style: &Style) -> Vec<u8> {
    let keep = |c: usize| {
        (c != 2 || style.with_survey)
            && (c != 3 || style.with_version)
            && (c != 13 || style.with_channel)
    };
    let order: Vec<usize> = style.order.iter().copied().filter(|&c| keep(c)).collect();
    let end = if style.crlf { "\r\n" } else { "\n" };
    let mut out = String::new();
    if style.bom {
        out.push('\u{feff}');
    }
    let header: Vec<String> = order
        .iter()
        .map(|&c| quote(COLUMNS[c], style.quote_all))
        .collect();
    out.push_str(&header.join(","));
    out.push_str(end);
    for (id, r) in rows {
        let cells = cells(*id, r, granularity);
        let line: Vec<String> = order
            .iter()
            .map(|&c| quote(&cells[c], style.quote_all))
            .collect();
        out.push_str(&line.join(","));
        out.push_str(end);
    }
    out.into_bytes()
}

fn build(survey: &Survey, rows: &Set, granularity: usize) -> Responses {
    build_styled(survey, rows, granularity, &plain_style())
}

fn build_styled(survey: &Survey, rows: &Set, granularity: usize, style: &Style) -> Responses {
    let bytes = write_csv(rows, granularity, style);
    match import::read_csv(survey, "prop.csv", &bytes, &import::Limits::default()) {
        Ok(r) => r,
        Err(e) => panic!(
            "a valid file was rejected:\n{e:?}\n---\n{}",
            String::from_utf8_lossy(&bytes)
        ),
    }
}

/// Asserts that `data` holds exactly `rows`, in this order.
fn assert_holds(data: &Responses, rows: &Set, granularity: usize) {
    assert_eq!(data.len(), rows.len());
    for (i, (id, r)) in rows.iter().enumerate() {
        assert_eq!(data.id(i), IDS[*id], "row {i}");
        assert_eq!(
            data.period(i).to_string(),
            period_labels(granularity)[r.period],
            "row {i}"
        );
        assert_eq!(data.versions()[i], r.version, "row {i}");
        assert_eq!(
            data.channel(i).map(ResponseChannel::as_str),
            r.channel.map(|c| CHANNELS[c]),
            "row {i}"
        );
        for (q, want) in r.answers().into_iter().enumerate() {
            let got = data.column(q).answer(i);
            let same = match (got, want) {
                (Answer::Number(a), Answer::Number(b)) => a.to_bits() == b.to_bits(),
                (a, b) => a == b,
            };
            assert!(
                same,
                "row {i} ({}), question {q}: {got:?} != {want:?}",
                IDS[*id]
            );
        }
    }
}

fn ids(rows: &Set) -> BTreeSet<usize> {
    rows.iter().map(|(i, _)| *i).collect()
}

/// The union by id, the left side winning: the model of `merge`.
fn model_union(a: &Set, b: &Set) -> Set {
    let mut out = a.clone();
    let have = ids(a);
    out.extend(b.iter().filter(|(i, _)| !have.contains(i)).cloned());
    out
}

fn by_id(rows: &Set) -> Set {
    let m: BTreeMap<&str, (usize, Row)> = rows
        .iter()
        .map(|(i, r)| (IDS[*i], (*i, r.clone())))
        .collect();
    m.into_values().collect()
}

proptest! {
    #![proptest_config(config(512))]

    /// The hand-written CSV, in any column order and quoting, reads back as the model.
    #[test]
    fn csv_import_reads_the_model(rows in set(), g in 0usize..4, style in style()) {
        let s = survey();
        let mut rows = rows;
        if !style.with_version {
            // Without a version column every response is of the current version.
            for (_, r) in &mut rows {
                r.version = 2;
            }
        }
        if !style.with_channel {
            // Without a channel column no response says its channel.
            for (_, r) in &mut rows {
                r.channel = None;
            }
        }
        let data = build_styled(&s, &rows, g, &style);
        assert_holds(&data, &rows, g);
    }

    /// Merging a set with itself changes nothing.
    #[test]
    fn merge_is_idempotent(rows in set(), g in 0usize..4) {
        let s = survey();
        let a = build(&s, &rows, g);
        let (m, report) = a.merge(&a);
        prop_assert_eq!(report.duplicates, a.len());
        prop_assert_eq!(report.added, 0);
        prop_assert!(report.conflicts.is_empty());
        prop_assert_eq!(m.canonical(), a.canonical());
        prop_assert_eq!(&m, &a, "the merged set keeps the left side's order");
    }

    /// Without conflicts, the order of a merge does not matter.
    #[test]
    fn merge_is_commutative(u in universe(), ma in mask(), mb in mask(), g in 0usize..4) {
        let s = survey();
        let (ra, rb) = (subset(&u, ma), subset(&u, mb));
        let (a, b) = (build(&s, &ra, g), build(&s, &rb, g));
        let (ab, rep_ab) = a.merge(&b);
        let (ba, rep_ba) = b.merge(&a);
        prop_assert!(rep_ab.conflicts.is_empty() && rep_ba.conflicts.is_empty());
        let overlap = (ma & mb).count_ones() as usize;
        prop_assert_eq!(rep_ab.duplicates, overlap);
        prop_assert_eq!(rep_ab.added, b.len() - overlap);
        prop_assert_eq!(rep_ba.added, a.len() - overlap);
        prop_assert_eq!(ab.canonical(), ba.canonical());
        let model = build(&s, &by_id(&subset(&u, ma | mb)), g);
        prop_assert_eq!(ab.canonical(), model.canonical());
    }

    /// Without conflicts, merging three sets in either grouping gives the same set.
    #[test]
    fn merge_is_associative(
        u in universe(), ma in mask(), mb in mask(), mc in mask(), g in 0usize..4,
    ) {
        let s = survey();
        let a = build(&s, &subset(&u, ma), g);
        let b = build(&s, &subset(&u, mb), g);
        let c = build(&s, &subset(&u, mc), g);
        let (ab, r1) = a.merge(&b);
        let (ab_c, r2) = ab.merge(&c);
        let (bc, r3) = b.merge(&c);
        let (a_bc, r4) = a.merge(&bc);
        for r in [&r1, &r2, &r3, &r4] {
            prop_assert!(r.conflicts.is_empty());
        }
        prop_assert_eq!(ab_c.canonical(), a_bc.canonical());
        prop_assert_eq!(ab_c.len(), (ma | mb | mc).count_ones() as usize);
    }

    /// The same id with different content is a conflict: reported, and the existing
    /// response is kept. Nothing is lost: the union has one response per id.
    #[test]
    fn merge_reports_conflicts_and_keeps_the_existing(
        u1 in universe(), u2 in universe(), ma in mask(), mb in mask(),
        // Ids where b carries other content than a (for ids in both).
        changed in mask(), g in 0usize..4,
    ) {
        let s = survey();
        let ra = subset(&u1, ma);
        let rb: Set = (0..IDS.len())
            .filter(|i| mb & (1 << i) != 0)
            .map(|i| (i, if changed & (1 << i) != 0 { u2[i].clone() } else { u1[i].clone() }))
            .collect();
        let (a, b) = (build(&s, &ra, g), build(&s, &rb, g));
        let (m, report) = a.merge(&b);

        let mut want_conflicts = Vec::new();
        let mut want_dups = 0;
        for (i, r) in &rb {
            if let Some((_, mine)) = ra.iter().find(|(j, _)| j == i) {
                if mine.same(r) {
                    want_dups += 1;
                } else {
                    want_conflicts.push(IDS[*i].to_owned());
                }
            }
        }
        let got: Vec<String> = report.conflicts.iter().map(|c| c.id.clone()).collect();
        prop_assert_eq!(got, want_conflicts);
        prop_assert_eq!(report.duplicates, want_dups);
        prop_assert_eq!(report.added, (mb & !ma).count_ones() as usize);
        // Never loses a response: one per id of either side.
        prop_assert_eq!(m.len(), ids(&ra).union(&ids(&rb)).count());
        // The existing responses are kept as they were, new ones appended in order.
        assert_holds(&m, &model_union(&ra, &rb), g);
    }

    /// CSV export then import is lossless, in any shuffled order, and keeps that order.
    #[test]
    fn csv_round_trip_is_lossless(rows in set(), g in 0usize..4, seed in any::<u64>()) {
        let s = survey();
        let data = build(&s, &rows, g);
        let order = export::shuffled_order(data.len(), seed);
        let bytes = export::to_csv(&s, &data, &order);
        let back = import::read_csv(&s, "export.csv", &bytes, &import::Limits::default())
            .unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(back.canonical(), data.canonical());
        prop_assert_eq!(&back, &data.select(&order));
        let ordered: Set = order.iter().map(|&i| rows[i].clone()).collect();
        assert_holds(&back, &ordered, g);
    }

    /// A set without channels exports with the very columns it had before channels
    /// existed, and export → import → export gives the same bytes, merged or not;
    /// with channels, the column is written and read back the same way.
    #[test]
    fn export_without_channels_is_unchanged_and_stable(
        rows in set(), g in 0usize..4, seed in any::<u64>(), keep_channels in any::<bool>(),
    ) {
        let s = survey();
        let mut rows = rows;
        if !keep_channels {
            for (_, r) in &mut rows {
                r.channel = None;
            }
        }
        let data = build(&s, &rows, g);
        let order = export::shuffled_order(data.len(), seed);
        let bytes = export::to_csv(&s, &data, &order);
        let header = String::from_utf8_lossy(&bytes[..bytes.iter().position(|&b| b == b'\r').unwrap()]).into_owned();
        let with = rows.iter().any(|(_, r)| r.channel.is_some());
        let columns = COLUMNS.iter().copied().filter(|&c| c != "channel" || with);
        // `export` writes the response columns first, then the questions.
        let mut want: Vec<&str> = columns.clone().take(4).collect();
        if with {
            want.push("channel");
        }
        want.extend(columns.skip(4).filter(|&c| c != "channel"));
        prop_assert_eq!(header, want.join(","));
        let back = import::read_csv(&s, "export.csv", &bytes, &import::Limits::default())
            .unwrap_or_else(|e| panic!("{e}"));
        let identity: Vec<usize> = (0..back.len()).collect();
        prop_assert_eq!(&export::to_csv(&s, &back, &identity), &bytes);
        let (merged, _) = Responses::empty(&s).merge(&back);
        prop_assert_eq!(&export::to_csv(&s, &merged, &identity), &bytes);
        let text = export::to_json(&s, &back, &identity);
        prop_assert_eq!(text.contains("\"channel\""), with);
        let again = import::read_json(&s, "export.json", text.as_bytes(), &import::Limits::default())
            .unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(export::to_json(&s, &again, &identity), text);
    }

    /// A channel that is not `paper`, `kiosk` or `self` is rejected with its line and
    /// column (CSV) or its path (JSON), in both languages.
    #[test]
    fn a_bad_channel_is_rejected_where_it_is(
        rows in set(), bad in "[a-zA-Z ]{1,8}", at in any::<prop::sample::Index>(),
    ) {
        prop_assume!(!CHANNELS.contains(&bad.as_str()) && !rows.is_empty());
        let s = survey();
        let i = at.index(rows.len());
        let mut csv = String::from("response_id,period,channel\n");
        let mut responses = Vec::new();
        for (j, (id, r)) in rows.iter().enumerate() {
            let channel = if j == i { bad.clone() } else { r.channel.map(|c| CHANNELS[c]).unwrap_or("").to_owned() };
            csv += &format!("{},2026,{}\n", quote(IDS[*id], false), quote(&channel, false));
            responses.push(json!({"id": IDS[*id], "period": "2026", "channel": channel}));
        }
        let e = import::read_csv(&s, "c.csv", csv.as_bytes(), &import::Limits::default())
            .expect_err("a bad channel");
        prop_assert_eq!(e.problems.len(), 1);
        let want = format!("c.csv:{}: column channel: {:?} is not a channel (expected paper, kiosk or self)", i + 2, bad);
        prop_assert_eq!(e.problems[0].render(otklik_survey::Lang::En), want);
        let ru = e.problems[0].render(otklik_survey::Lang::Ru);
        prop_assert!(ru.starts_with(&format!("c.csv:{}: ", i + 2)) && ru.contains("не канал"), "{}", ru);
        // In JSON an empty string is not a channel either (null or no field is unknown).
        let doc = json!({"format": "otklik-responses", "survey": "props", "responses": responses});
        let e = import::read_json(&s, "c.json", doc.to_string().as_bytes(), &import::Limits::default())
            .expect_err("a bad channel");
        let paths: Vec<String> = e.problems.iter().map(|p| p.render(otklik_survey::Lang::En)).collect();
        let want = format!("c.json: responses[{i}].channel: {} is not a channel (expected paper, kiosk or self)", json!(bad));
        prop_assert!(paths.contains(&want), "{:?}", paths);
    }

    /// JSON export then import is lossless, in any shuffled order, and keeps that order.
    #[test]
    fn json_round_trip_is_lossless(rows in set(), g in 0usize..4, seed in any::<u64>()) {
        let s = survey();
        let data = build(&s, &rows, g);
        let order = export::shuffled_order(data.len(), seed);
        let text = export::to_json(&s, &data, &order);
        let back = import::read_json(&s, "export.json", text.as_bytes(), &import::Limits::default())
            .unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(back.canonical(), data.canonical());
        let ordered: Set = order.iter().map(|&i| rows[i].clone()).collect();
        assert_holds(&back, &ordered, g);
    }

    /// A hand-written JSON file in any of the accepted answer spellings reads as the model.
    #[test]
    fn json_import_reads_the_model(
        rows in set(), g in 0usize..4, spellings in prop::collection::vec(any::<(bool, bool)>(), IDS.len()),
    ) {
        let s = survey();
        let responses: Vec<Value> = rows
            .iter()
            .zip(&spellings)
            .map(|((id, r), &(yes_as_string, null_for_missing))| {
                let mut answers = Map::new();
                let mut put = |k: &str, v: Option<Value>| match v {
                    Some(v) => {
                        answers.insert(k.to_owned(), v);
                    }
                    None if null_for_missing => {
                        answers.insert(k.to_owned(), Value::Null);
                    }
                    None => {}
                };
                put("sat", r.sat.map(|v| json!(v)));
                put("wide", r.wide.map(|v| json!(v)));
                put("rec", r.rec.map(|v| json!(v)));
                put("dept", r.dept.map(|d| json!(DEPTS[d])));
                let topics: Vec<&str> = (0..TOPICS.len())
                    .filter(|t| r.topics & (1 << t) != 0)
                    .map(|t| TOPICS[t])
                    .collect();
                put("topics", (!topics.is_empty()).then(|| json!(topics)));
                put(
                    "resolved",
                    r.resolved.map(|y| {
                        if yes_as_string {
                            json!(if y { "yes" } else { "no" })
                        } else {
                            json!(y)
                        }
                    }),
                );
                put("wait", r.wait.map(|x| json!(x)));
                put("transfers", r.transfers.map(|t| json!(t)));
                put("comment", r.comment.as_ref().map(|t| json!(t)));
                let mut o = json!({
                    "id": IDS[*id],
                    "period": period_labels(g)[r.period],
                    "version": r.version,
                    "answers": answers,
                });
                match r.channel {
                    Some(c) => o["channel"] = json!(CHANNELS[c]),
                    None if null_for_missing => o["channel"] = Value::Null,
                    None => {}
                }
                o
            })
            .collect();
        let doc = json!({"format": "otklik-responses", "survey": "props", "responses": responses});
        let text = serde_json::to_string(&doc).unwrap();
        let data = import::read_json(&s, "hand.json", text.as_bytes(), &import::Limits::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_holds(&data, &rows, g);
    }

    /// A shuffled order is a permutation of 0..n.
    #[test]
    fn shuffled_order_is_a_permutation(n in 0usize..300, seed in any::<u64>()) {
        let mut order = export::shuffled_order(n, seed);
        order.sort_unstable();
        prop_assert_eq!(order, (0..n).collect::<Vec<_>>());
    }
}

/// Two fixed seeds give different orders for every n from 10 to 2000 (checked
/// exhaustively; the chance that two random permutations of 10 agree is 1/10!).
#[test]
fn shuffled_orders_differ_between_seeds() {
    for n in 10..=2000 {
        assert_ne!(
            export::shuffled_order(n, 1),
            export::shuffled_order(n, 2),
            "n = {n}"
        );
        assert_ne!(
            export::shuffled_order(n, 0x5eed),
            export::shuffled_order(n, 0x5eed + 1),
            "n = {n}"
        );
    }
    // The same seed gives the same order.
    assert_eq!(export::shuffled_order(50, 7), export::shuffled_order(50, 7));
}

/// The canonical form of a set is the same whatever the order it was read in.
#[test]
fn canonical_form_ignores_the_file_order() {
    let s = survey();
    let u: Vec<Row> = (0..IDS.len())
        .map(|i| Row {
            period: i % 4,
            version: 1 + (i % 2) as u16,
            sat: Some(1 + (i % 5) as u8),
            wide: None,
            rec: Some((i % 11) as u8),
            dept: Some(i % 3),
            topics: (i % 16) as u8,
            resolved: Some(i % 3 == 0),
            wait: (i % 3 != 0).then_some(i as f64 / 4.0),
            transfers: None,
            comment: Some(format!("ответ, \"{i}\"\n")),
            channel: (i % 4 != 3).then_some(i % 4),
        })
        .collect();
    let rows = subset(&u, u32::MAX >> (32 - IDS.len()));
    let mut reversed = rows.clone();
    reversed.reverse();
    let (a, b) = (build(&s, &rows, 2), build(&s, &reversed, 2));
    assert_ne!(a.id(0), b.id(0));
    assert_eq!(a.canonical(), b.canonical());
}

/// Found by the merge and round-trip properties: a missing number is stored as NaN,
/// and a set with one compared unequal to itself.
#[test]
fn a_set_with_a_missing_number_equals_itself() {
    let s = survey();
    let csv = "response_id,period,wait\nr1,2026,\nr2,2026,1.5\n";
    let a = import::read_csv(&s, "a.csv", csv.as_bytes(), &import::Limits::default()).unwrap();
    assert_eq!(a, a.clone());
    assert_eq!(a.merge(&a).0.canonical(), a.canonical());
}

/// Found by `json_round_trip_is_lossless`: JSON numbers must read back to the same
/// `f64` (serde_json's default float parser may be off by one unit in the last place).
#[test]
fn json_numbers_read_back_exactly() {
    let s = survey();
    for x in [-13.944_828_066_199_111, -13.449_440_112_344_567, 0.1 + 0.2] {
        let doc = format!(
            r#"{{"format":"otklik-responses","survey":"props","responses":[{{"id":"r1","period":"2026","answers":{{"wait":{}}}}}]}}"#,
            serde_json::to_string(&x).unwrap()
        );
        let data =
            import::read_json(&s, "x.json", doc.as_bytes(), &import::Limits::default()).unwrap();
        assert_eq!(
            data.column(6).answer(0),
            Answer::Number(x),
            "{x:?} read back differently"
        );
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Every repeated response id is reported, in file order, with the line of its
    /// first appearance; nothing else is.
    #[test]
    fn duplicate_ids_are_reported_against_their_first_line(picks in prop::collection::vec(0usize..IDS.len(), 1..60)) {
        let s = survey();
        let mut csv = String::from("response_id,period\n");
        for &p in &picks {
            csv.push_str(&format!("{},2026\n", quote(IDS[p], false)));
        }
        let mut expected = Vec::new();
        for (row, &p) in picks.iter().enumerate() {
            if let Some(first) = picks[..row].iter().position(|&q| q == p) {
                expected.push(format!(
                    "ids.csv:{}: column response_id: duplicate response id {:?} (first on line {})",
                    row + 2,
                    IDS[p],
                    first + 2
                ));
            }
        }
        match import::read_csv(&s, "ids.csv", csv.as_bytes(), &import::Limits::default()) {
            Ok(data) => prop_assert!(expected.is_empty() && data.len() == picks.len()),
            Err(e) => {
                let got: Vec<String> = e.problems.iter().map(ToString::to_string).collect();
                prop_assert_eq!(got, expected);
            }
        }
    }
}

/// A large file reports its progress in rising byte counts within the file, about
/// every megabyte; the import's result is the same as without a callback.
#[test]
fn csv_import_reports_progress() {
    let s = survey();
    let mut csv = String::from("response_id,period,sat,comment\n");
    for i in 0..120_000 {
        csv.push_str(&format!(
            "r{i},2026,{},\"a comment, with a comma\"\n",
            i % 5 + 1
        ));
    }
    // The progress reported with the file read in one go (None) or in parts.
    let read = |parts: Option<usize>| {
        let mut seen = Vec::new();
        let limits = import::Limits::default();
        let mut progress = |at| seen.push(at);
        let data = match parts {
            None => {
                import::read_csv_progress(&s, "big.csv", csv.as_bytes(), &limits, &mut progress)
            }
            Some(n) => {
                import::read_csv_in_parts(&s, "big.csv", csv.as_bytes(), &limits, &mut progress, n)
            }
        }
        .unwrap();
        assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
        assert!(seen.iter().all(|&at| at <= csv.len()));
        (data, seen)
    };
    let (data, seen) = read(None);
    assert_eq!(data.len(), 120_000);
    let expected = csv.len() / import::PROGRESS_STEP;
    assert!(
        seen.len() + 1 >= expected && seen.len() <= expected,
        "{} calls for {} bytes",
        seen.len(),
        csv.len()
    );
    let plain =
        import::read_csv(&s, "big.csv", csv.as_bytes(), &import::Limits::default()).unwrap();
    assert_eq!(plain, data);
    // Read in parts, the bytes read by all parts together still rise within the file.
    let (parts, seen) = read(Some(3));
    assert_eq!(parts, data);
    assert!(!seen.is_empty());
}

/// `bytes` with one kind of damage at a place: a field too many, a value that may not
/// parse, a stray quote, the first response again (a repeated id), a blank line, a lone
/// carriage return, or the file cut short.
fn damaged(mut bytes: Vec<u8>, damage: Option<(prop::sample::Index, usize)>) -> Vec<u8> {
    let Some((at, kind)) = damage else {
        return bytes;
    };
    let i = at.index(bytes.len());
    match kind {
        0 => bytes.insert(i, b','),
        1 => bytes.insert(i, b'x'),
        2 => bytes.insert(i, b'"'),
        3 => {
            let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
            if lines.len() > 2 {
                let again = [lines[1], b"\n"].concat();
                bytes.extend(again);
            }
        }
        4 => bytes.insert(i, b'\n'),
        5 => bytes.insert(i, b'\r'),
        _ => bytes.truncate(i),
    }
    bytes
}

/// The default limits, with at most `max_rows` responses when given.
fn limits(max_rows: Option<usize>) -> import::Limits {
    let mut limits = import::Limits::default();
    if let Some(m) = max_rows {
        limits.max_rows = m;
    }
    limits
}

proptest! {
    #![proptest_config(config(512))]

    /// Reading a file in parts (as a large file is read natively, one part per thread)
    /// gives what reading it in one go gives: the same responses, or the same report,
    /// whatever is wrong with the file.
    #[test]
    fn csv_read_in_parts_equals_one_go(
        rows in set(),
        g in 0usize..4,
        style in style(),
        parts in 2usize..7,
        damage in prop::option::of((any::<prop::sample::Index>(), 0usize..7)),
        max_rows in prop::option::of(1usize..40),
    ) {
        let s = survey();
        let mut rows = rows;
        if !style.with_version {
            for (_, r) in &mut rows {
                r.version = 2;
            }
        }
        if !style.with_channel {
            // Without a channel column no response says its channel.
            for (_, r) in &mut rows {
                r.channel = None;
            }
        }
        let bytes = damaged(write_csv(&rows, g, &style), damage);
        let limits = limits(max_rows);
        let read = |parts| {
            import::read_csv_in_parts(&s, "parts.csv", &bytes, &limits, &mut |_| {}, parts)
        };
        prop_assert_eq!(read(parts), read(1));
    }

    /// A file read as it arrives, in chunks of any size (records read as soon as a few
    /// bytes are pending), gives the responses reading it in one go gives; a file with
    /// any problem gives `None`, for the caller to read it whole for the report.
    #[test]
    fn csv_read_as_it_arrives_equals_one_go(
        rows in set(),
        g in 0usize..4,
        style in style(),
        chunk in 1usize..64,
        part in 1usize..200,
        damage in prop::option::of((any::<prop::sample::Index>(), 0usize..7)),
        max_rows in prop::option::of(1usize..40),
    ) {
        let s = survey();
        let bytes = damaged(write_csv(&rows, g, &style), damage);
        let limits = limits(max_rows);
        let mut stream = import::CsvStream::with_part_bytes(&s, &limits, part);
        for c in bytes.chunks(chunk) {
            stream.push(c);
        }
        let whole = import::read_csv(&s, "whole.csv", &bytes, &limits);
        prop_assert_eq!(stream.finish(), whole.ok());
    }
}
