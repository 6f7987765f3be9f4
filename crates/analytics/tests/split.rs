//! A pass split between workers: parts that do not belong together are refused, and
//! damaged bytes give an error, never a panic.

use otklik_analytics::{analyze_many, Error, Key, Params, Part, Split};
use otklik_survey::{import, BadRows, Responses, Survey};
use proptest::prelude::*;

fn demo(seed: u64) -> (Survey, Responses) {
    let [_, survey] = otklik_demo::templates();
    let csv = otklik_demo::generate_csv(&survey, &otklik_demo::Spec::default(), seed);
    let data = import::read_csv(&survey, "demo.csv", &csv, &Default::default()).unwrap();
    (survey, data)
}

fn list() -> Vec<Params> {
    [
        vec![],
        vec![Key::Period],
        vec![Key::Period, Key::Question("touchpoint".into())],
    ]
    .into_iter()
    .map(|by| Params {
        by,
        min_group: None,
        texts: true,
    })
    .collect()
}

/// The data cut in two at `cut`: this side's part and the other side's, which ran on
/// the rows sent as bytes.
fn halves(survey: &Survey, data: &Responses, split: &Split, cut: usize) -> (Part, Part) {
    let rows = Responses::rows_from_bytes(survey, &data.rows_to_bytes(cut..data.len())).unwrap();
    (
        split.run(survey, data, 0..cut, 0).unwrap(),
        split.run(survey, &rows, 0..rows.len(), cut).unwrap(),
    )
}

#[test]
fn two_halves_give_the_analyses_of_one_pass() {
    let (survey, data) = demo(3);
    let list = list();
    let split = Split::new(&survey, &data, &list).unwrap().unwrap();
    let (mine, theirs) = halves(&survey, &data, &split, data.len() / 2);
    assert_eq!(
        split
            .finish(&survey, &data, &list, vec![theirs, mine])
            .unwrap(),
        analyze_many(&survey, &data, &list).unwrap()
    );
}

#[test]
fn groupings_that_do_not_nest_are_not_split() {
    let (survey, data) = demo(3);
    let list = [
        Params {
            by: vec![Key::Question("touchpoint".into())],
            ..Params::default()
        },
        Params {
            by: vec![Key::Period],
            ..Params::default()
        },
    ];
    assert_eq!(Split::new(&survey, &data, &list).unwrap(), None);
}

#[test]
fn parts_that_do_not_cover_the_data_once_are_refused() {
    let (survey, data) = demo(3);
    let list = list();
    let split = Split::new(&survey, &data, &list).unwrap().unwrap();
    let cut = data.len() / 3;
    let (mine, theirs) = halves(&survey, &data, &split, cut);
    let finish = |parts: Vec<Part>| split.finish(&survey, &data, &list, parts);
    // One missing, one twice, and one overlapping the other.
    assert_eq!(finish(vec![mine.clone()]), Err(Error::Parts));
    assert_eq!(finish(vec![theirs.clone()]), Err(Error::Parts));
    assert_eq!(finish(vec![]), Err(Error::Parts));
    assert_eq!(
        finish(vec![mine.clone(), theirs.clone(), theirs.clone()]),
        Err(Error::Parts)
    );
    let wider = split.run(&survey, &data, 0..cut + 1, 0).unwrap();
    assert_eq!(finish(vec![wider, theirs]), Err(Error::Parts));
    // Rows beyond the data the split was made for.
    assert_eq!(
        split.run(&survey, &data, 0..data.len(), 1).map(|_| ()),
        Err(Error::Parts)
    );
}

#[test]
fn parts_of_other_data_are_refused() {
    let (survey, data) = demo(3);
    let list = list();
    let split = Split::new(&survey, &data, &list).unwrap().unwrap();
    // The same survey's responses of the first two periods only: other period codes.
    let first: Vec<usize> = (0..data.len())
        .filter(|&r| data.period_codes()[r] < 2)
        .collect();
    let fewer = data.select(&first);
    assert_eq!(
        split.run(&survey, &fewer, 0..fewer.len(), 0).map(|_| ()),
        Err(Error::Parts)
    );
    // A part of a split made for fewer groupings (no free texts: other accumulators).
    let other = Split::new(
        &survey,
        &data,
        &list[..2]
            .iter()
            .cloned()
            .map(|p| Params { texts: false, ..p })
            .collect::<Vec<_>>(),
    )
    .unwrap()
    .unwrap();
    let part = other.run(&survey, &data, 0..data.len(), 0).unwrap();
    assert_eq!(
        split.finish(&survey, &data, &list, vec![part]),
        Err(Error::Parts)
    );
    // Rows of other periods cannot be appended to rows sent before.
    let mut sent = Responses::rows_from_bytes(&survey, &data.rows_to_bytes(0..10)).unwrap();
    assert_eq!(
        sent.append_rows_from_bytes(&survey, &fewer.rows_to_bytes(0..10)),
        Err(BadRows)
    );
    // Rows of another survey.
    let [internal, _] = otklik_demo::templates();
    assert_eq!(
        Responses::rows_from_bytes(&internal, &data.rows_to_bytes(0..10)).map(|_| ()),
        Err(BadRows)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Damaged bytes (cut short, or one byte changed) of a split or a part are refused;
    /// damaged rows give an error or well-formed rows, never a panic.
    #[test]
    fn damaged_bytes_never_panic(at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<bool>()) {
        let (survey, data) = demo(11);
        let list = list();
        let split = Split::new(&survey, &data, &list).unwrap().unwrap();
        let half = data.len() / 2;
        let damage = |mut b: Vec<u8>| {
            let i = at.index(b.len());
            if cut { b.truncate(i) } else { b[i] = byte }
            b
        };
        let sent = data.rows_to_bytes(half..data.len());
        if let Ok(rows) = Responses::rows_from_bytes(&survey, &damage(sent.clone())) {
            if rows.len() <= data.len() - half {
                let _ = split.run(&survey, &rows, 0..rows.len(), half);
            }
        }
        let changed = |b: &Vec<u8>| cut || b[at.index(b.len())] != byte;
        let bytes = split.to_bytes();
        if changed(&bytes) {
            prop_assert_eq!(Split::from_bytes(&damage(bytes)), Err(Error::Parts));
        }
        let (_, theirs) = halves(&survey, &data, &split, half);
        let bytes = theirs.to_bytes();
        if changed(&bytes) {
            prop_assert_eq!(Part::from_bytes(&damage(bytes)).map(|_| ()), Err(Error::Parts));
        }
    }
}
