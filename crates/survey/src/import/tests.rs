use super::cell::{parse_cell, Fast};
use super::csv::split::{is_plain, CsvRecords, PlainRecords, Records};
use super::ids::any_repeat;
use proptest::prelude::*;

/// A record as its line, its first byte and its fields.
type Record = (u64, usize, Vec<Vec<u8>>);

/// Every record of `body`, and the line of the complaint that ended them, if any.
fn all(mut r: impl Records) -> (Vec<Record>, Option<u64>) {
    let mut out = Vec::new();
    loop {
        match r.next() {
            Ok(Some((line, byte))) => out.push((
                line,
                byte,
                (0..r.len()).map(|i| r.get(i).to_vec()).collect(),
            )),
            Ok(None) => return (out, None),
            Err((line, _)) => return (out, Some(line)),
        }
    }
}

/// A million spread values (sixteen bits of buckets) without a repeat, then with
/// one: the first, a middle and the last value, again at the end.
#[test]
fn any_repeat_finds_one_repeat_among_a_million() {
    let mut many: Vec<u64> = (0..1_000_000u64)
        .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .collect();
    assert!(!any_repeat(&many));
    for at in [0, 500_000, 999_999] {
        many.push(many[at]);
        assert!(any_repeat(&many), "the value at {at}");
        many.pop();
    }
}

#[test]
fn lone_carriage_returns_go_through_the_csv_crate() {
    for body in [&b"a\rb\n"[..], b"a,b\r", b"\"a\rb\"\n"] {
        assert!(!is_plain(body));
    }
    for body in [&b"a,b\r\nc\n"[..], b"", b"\n\n", b"a;b\n\r\n", b"a,\"b\"\n"] {
        assert!(is_plain(body));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// The bucketed check finds a repeat exactly when sorting shows one, on values
    /// drawn from a few (so that they repeat, in the same or in different buckets).
    #[test]
    fn any_repeat_finds_what_sorting_finds(
        few in proptest::collection::vec(0u64..8, 0..64),
        shift in 0u32..64,
        spread in any::<bool>(),
    ) {
        let mix = |v: u64| if spread { v.wrapping_mul(0x9e37_79b9_7f4a_7c15) } else { 0 };
        let values: Vec<u64> = few.iter().map(|&v| (v << shift) ^ mix(v)).collect();
        let mut sorted = values.clone();
        sorted.sort_unstable();
        prop_assert_eq!(any_repeat(&values), sorted.windows(2).any(|w| w[0] == w[1]));
    }

    /// Whatever the fast way reads from a cell, `parse_cell` reads the same.
    #[test]
    fn fast_cells_read_what_parse_cell_reads(
        cell in "(|-|\\.|0|00|1|5|7|9|10|11|12|600|601|1e2|1.5|0.05|6.50|0.1|3.3333333|a|b|ab| |;|ж){0,4}",
    ) {
        let survey = crate::Survey::from_json(
            r#"{"id":"s","version":1,"audience":"external","title":"S","questions":[
                {"id":"sc","type":"scale","points":7,"text":"t"},
                {"id":"np","type":"nps","text":"t"},
                {"id":"ch","type":"choice","text":"t","options":[{"id":"a","label":"A"},{"id":"ab","label":"AB"},{"id":"10","label":"10"}]},
                {"id":"nu","type":"number","min":5,"max":600,"text":"t"},
                {"id":"wh","type":"number","min":0,"max":1000000,"integer":true,"text":"t"},
                {"id":"de","type":"number","min":0,"max":1000000,"text":"t"}]}"#,
        ).unwrap();
        for q in &survey.questions {
            let fast = Fast::for_kind(&q.kind);
            if let Some(a) = fast.read(cell.as_bytes()) {
                prop_assert_eq!(Ok(a), parse_cell(q, &cell), "{}", q.id);
            }
        }
    }

    /// On a body without quotes and lone carriage returns, the split by hand reads
    /// the very records, lines and offsets that the csv crate reads: blank lines,
    /// `\r\n`, empty fields, a last line without a break, ragged rows.
    #[test]
    fn plain_split_reads_what_the_csv_crate_reads(
        body in proptest::collection::vec(
            prop_oneof![
                4 => Just(b"a".to_vec()),
                2 => Just(b"12".to_vec()),
                1 => Just("ж".as_bytes().to_vec()),
                1 => Just(b" ".to_vec()),
                1 => Just(b";".to_vec()),
                1 => Just(b"abcdefghijk".to_vec()),
                4 => Just(b",".to_vec()),
                3 => Just(b"\n".to_vec()),
                2 => Just(b"\r\n".to_vec()),
                // Quoted fields (closed, as the importer requires before reading):
                // with a comma, a doubled quote, line breaks; empty; and a quote in
                // the middle of a field, which is a plain character.
                1 => Just(b"\"a,b\"".to_vec()),
                1 => Just(b"\"x\"\"y\"".to_vec()),
                1 => Just(b"\"l1\nl2\r\nl3\"".to_vec()),
                1 => Just(b"\"\"".to_vec()),
                1 => Just(b"ab\"c".to_vec()),
            ],
            0..60,
        ).prop_map(|parts| parts.concat())
    ) {
        prop_assume!(super::csv::quotes::unclosed_quote(&body).is_none());
        prop_assert!(is_plain(&body));
        prop_assert_eq!(all(PlainRecords::new(&body)), all(CsvRecords::new(&body)));
    }
}
