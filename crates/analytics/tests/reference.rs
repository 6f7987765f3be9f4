//! Every figure of the catalogue against values computed independently with
//! scipy and statsmodels (`fixtures/reference/reference.py`), to 1e-9 relative.

use std::collections::BTreeMap;
use std::path::PathBuf;

use otklik_analytics::{analyze, Key, Params};
use otklik_survey::{import, Survey};
use serde_json::Value;

type Flat = BTreeMap<String, f64>;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/reference")
        .join(name)
}

fn flatten(prefix: &str, v: &Value, out: &mut Flat) {
    match v {
        Value::Number(n) => {
            out.insert(prefix.to_owned(), n.as_f64().unwrap());
        }
        Value::Object(m) => {
            for (k, v) in m {
                flatten(
                    &if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    },
                    v,
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                flatten(&format!("{prefix}.{i}"), v, out);
            }
        }
        _ => {}
    }
}

fn key_string(key: &Value, skip_period: bool) -> String {
    key.as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| !(skip_period && *k == "period"))
        .map(|(_, v)| v.as_str().unwrap_or("").to_owned())
        .collect::<Vec<_>>()
        .join("|")
}

/// 1e-9 relative; values that are exactly zero in the reference (a change of
/// exactly nothing) are compared with an absolute floor of 1e-12.
fn close(expected: f64, actual: f64) -> bool {
    let scale = expected.abs().max(actual.abs());
    (expected - actual).abs() <= 1e-9 * scale || (expected - actual).abs() <= 1e-12
}

/// Flattens the entries of an output section (`groups`, `changes`, `trends`) keyed like the reference.
fn section(
    result: &Value,
    name: &str,
    key_of: impl Fn(&Value) -> String,
    body: &str,
) -> BTreeMap<String, Flat> {
    result[name]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|entry| {
            let mut flat = Flat::new();
            flatten(
                "",
                if body.is_empty() { entry } else { &entry[body] },
                &mut flat,
            );
            (key_of(entry), flat)
        })
        .collect()
}

#[test]
fn every_figure_matches_scipy_and_statsmodels() {
    let survey =
        Survey::from_json(&std::fs::read_to_string(fixture("survey.json")).unwrap()).unwrap();
    let csv = std::fs::read(fixture("responses.csv")).unwrap();
    let data =
        import::read_csv(&survey, "responses.csv", &csv, &import::Limits::default()).unwrap();
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("expected.json")).unwrap()).unwrap();

    let mut checked = 0;
    let mut failures = Vec::new();
    let empty = Flat::new();
    for (by, _) in expected["groups"].as_object().unwrap() {
        // The survey's K (5): every reference group is large, so nothing may be suppressed.
        let params = Params {
            by: Key::parse_list(by),
            min_group: None,
            texts: false,
        };
        let analysis = analyze(&survey, &data, &params).unwrap();
        // The result reads back exactly (the web app moves it between threads as JSON).
        let json = serde_json::to_string(&analysis).unwrap();
        assert_eq!(
            serde_json::from_str::<otklik_analytics::Analysis>(&json).unwrap(),
            analysis
        );
        let result = serde_json::to_value(&analysis).unwrap();
        let mine = [
            (
                "groups",
                section(&result, "groups", |g| key_string(&g["key"], false), ""),
            ),
            (
                "changes",
                section(
                    &result,
                    "changes",
                    |c| {
                        format!(
                            "{}|{}>{}",
                            key_string(&c["key"], true),
                            c["from"].as_str().unwrap(),
                            c["to"].as_str().unwrap()
                        )
                    },
                    "figures",
                ),
            ),
            (
                "trends",
                section(
                    &result,
                    "trends",
                    |t| key_string(&t["key"], true),
                    "figures",
                ),
            ),
        ];
        for (name, flat) in &mine {
            let Some(exp) = expected[*name].get(by) else {
                continue;
            };
            for (key, figures) in exp.as_object().unwrap() {
                let got = flat.get(key).unwrap_or(&empty);
                for (path, e) in figures.as_object().unwrap() {
                    let e = e.as_f64().unwrap();
                    // The touchpoint is a grouping question: a channel mix by department
                    // would publish the cells of period × department × touchpoint, a
                    // table outside the publication set, so it is not given.
                    if *by == "period,dept" && path.starts_with("channels.") {
                        continue;
                    }
                    match got.get(path) {
                        None => failures
                            .push(format!("{name}/{by}/{key}/{path}: missing (expected {e})")),
                        Some(&a) if !close(e, a) => failures
                            .push(format!("{name}/{by}/{key}/{path}: expected {e}, found {a}")),
                        Some(_) => {}
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} figures differ:\n{}",
        failures.len(),
        failures
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(checked > 3000, "only {checked} figures were checked");
}

#[test]
fn one_pass_for_several_groupings_equals_one_analysis_each() {
    let check = |survey: &Survey, data: &otklik_survey::Responses, key: &str| {
        let list: Vec<Params> = [
            vec![],
            vec![Key::Period],
            vec![Key::Period, Key::Question(key.into())],
            vec![Key::Question(key.into())],
        ]
        .into_iter()
        .enumerate()
        .map(|(i, by)| Params {
            by,
            min_group: None,
            texts: i % 2 == 0,
        })
        .collect();
        let many = otklik_analytics::analyze_many(survey, data, &list).unwrap();
        for (p, a) in list.iter().zip(&many) {
            assert_eq!(*a, analyze(survey, data, p).unwrap(), "{:?}", p.by);
        }
    };
    let survey =
        Survey::from_json(&std::fs::read_to_string(fixture("survey.json")).unwrap()).unwrap();
    let csv = std::fs::read(fixture("responses.csv")).unwrap();
    let data =
        import::read_csv(&survey, "responses.csv", &csv, &import::Limits::default()).unwrap();
    check(&survey, &data, "dept");
    // The demo: quarters, small units (suppression and the remainder rule), free texts.
    let demo = otklik_demo::templates();
    for (survey, key) in demo.iter().zip(["dept", "touchpoint"]) {
        let csv = otklik_demo::generate_csv(survey, &otklik_demo::Spec::default(), 5);
        let data = import::read_csv(survey, "demo.csv", &csv, &import::Limits::default()).unwrap();
        check(survey, &data, key);
    }
}
