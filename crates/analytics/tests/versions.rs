//! A survey that changed between periods: responses keep the version they were given
//! under, a question added in version 2 has no answers from version 1's periods, and
//! nothing of one question is counted for another.

use otklik_analytics::{analyze, Group, Key, Params};
use otklik_survey::{import, Survey};

const V1: &str = r#"{"id":"s","version":1,"audience":"external","title":"T","min_group":3,
  "questions":[{"id":"speed","type":"scale","text":"Speed"},{"id":"nps","type":"nps","text":"NPS"}]}"#;
/// Version 2 adds a question between the two (so column positions shift).
const V2: &str = r#"{"id":"s","version":2,"audience":"external","title":"T","min_group":3,
  "questions":[{"id":"speed","type":"scale","text":"Speed"},{"id":"courtesy","type":"scale","text":"Courtesy"},
               {"id":"nps","type":"nps","text":"NPS"}]}"#;

#[test]
fn a_question_added_later_has_no_answers_from_earlier_periods() {
    let v1 = Survey::from_json(V1).unwrap();
    let v2 = Survey::from_json(V2).unwrap();
    // Version 1's file, as it was exported then (no courtesy column, version 1).
    let old_csv = "response_id,period,version,speed,nps\na1,2025,1,5,10\na2,2025,1,4,9\na3,2025,1,3,0\na4,2025,1,5,10\n";
    assert_eq!(
        import::read_csv(&v1, "old.csv", old_csv.as_bytes(), &Default::default())
            .unwrap()
            .len(),
        4
    );
    // Read against version 2, it keeps version 1 and has no courtesy answers.
    let old = import::read_csv(&v2, "old.csv", old_csv.as_bytes(), &Default::default()).unwrap();
    assert!(old.versions().iter().all(|v| *v == 1));
    let new_csv = "response_id,period,version,speed,courtesy,nps\nb1,2026,2,2,5,3\nb2,2026,2,1,5,2\nb3,2026,2,2,4,1\n";
    let new = import::read_csv(&v2, "new.csv", new_csv.as_bytes(), &Default::default()).unwrap();
    let (all, report) = old.merge(&new);
    assert!(report.conflicts.is_empty());
    let a = analyze(
        &v2,
        &all,
        &Params {
            by: vec![Key::Period],
            min_group: None,
            texts: false,
        },
    )
    .unwrap();
    let group = |p: &str| {
        a.groups
            .iter()
            .find_map(|g| match g {
                Group::Shown(s) if s.key["period"] == p => Some(s.clone()),
                _ => None,
            })
            .unwrap()
    };
    let (y25, y26) = (group("2025"), group("2026"));
    // 2025: courtesy was never asked: no figure at all (not a zero).
    assert!(y25
        .items
        .get("courtesy")
        .and_then(|f| f.shown())
        .is_none_or(|s| s.n == 0));
    // 2026: courtesy from the three version-2 answers only: (5+5+4)/3 on 1..5.
    let c = y26.items["courtesy"].shown().unwrap();
    assert_eq!(c.n, 3);
    assert!((c.mean - 14.0 / 3.0).abs() < 1e-12);
    // Nothing shifted between columns: speed and NPS keep their own answers.
    let s25 = y25.items["speed"].shown().unwrap();
    assert_eq!((s25.n, s25.mean), (4, 4.25));
    let s26 = y26.items["speed"].shown().unwrap();
    assert!((s26.mean - 5.0 / 3.0).abs() < 1e-12);
    let nps25 = y25.nps["nps"].shown().unwrap();
    assert_eq!(nps25.n, 4);
    let nps26 = y26.nps["nps"].shown().unwrap();
    assert_eq!(nps26.n, 3);
}

/// Over 40,000 responses (many blocks of the score pass) the figures, drivers
/// included, do not depend on the order of the rows.
#[test]
fn figures_do_not_depend_on_the_order_of_rows_across_flushes() {
    let [_, survey] = otklik_demo::templates();
    let spec = otklik_demo::Spec {
        responses: Some(40_000),
        ..Default::default()
    };
    let csv = otklik_demo::generate_csv(&survey, &spec, 3);
    let data = import::read_csv(&survey, "d.csv", &csv, &Default::default()).unwrap();
    let reversed: Vec<usize> = (0..data.len()).rev().collect();
    let rotated: Vec<usize> = (0..data.len()).map(|r| (r + 12_345) % data.len()).collect();
    let params = Params {
        by: vec![Key::Period],
        min_group: None,
        texts: false,
    };
    let a = serde_json::to_string(&analyze(&survey, &data, &params).unwrap()).unwrap();
    assert!(a.contains("\"drivers\":{\""), "the drivers are computed");
    for order in [reversed, rotated] {
        let b = serde_json::to_string(&analyze(&survey, &data.select(&order), &params).unwrap())
            .unwrap();
        assert!(a == b, "the analysis changed with the order of the rows");
    }
}
