//! Quick timing of ingest and the three groupings on the benchmark data:
//! `cargo run --release -p otklik-analytics --example timing -- 1000000`.
use std::time::Instant;

use otklik_analytics::{analyze, analyze_many, Key, Params};
use otklik_survey::import;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let survey = otklik_demo::bench_survey();
    let csv = otklik_demo::generate_csv(
        &survey,
        &otklik_demo::Spec {
            responses: Some(n),
            ..Default::default()
        },
        42,
    );
    // The machine's timing varies from run to run: the fastest of five is reported.
    let mut best = std::time::Duration::MAX;
    let mut data = None;
    for _ in 0..5 {
        let t = Instant::now();
        data =
            Some(import::read_csv(&survey, "bench.csv", &csv, &import::Limits::default()).unwrap());
        best = best.min(t.elapsed());
    }
    let data = data.expect("read five times");
    println!(
        "ingest {:.1} MB: {best:?} (fastest of 5)",
        csv.len() as f64 / 1e6
    );
    for by in [
        vec![],
        vec![Key::Period],
        vec![Key::Period, Key::Question("dept".into())],
    ] {
        let p = Params {
            by: by.clone(),
            ..Params::default()
        };
        let t = Instant::now();
        let a = analyze(&survey, &data, &p).unwrap();
        println!("{:?}: {} groups in {:?}", by, a.groups.len(), t.elapsed());
    }
    let list: Vec<Params> = [
        vec![],
        vec![Key::Period],
        vec![Key::Period, Key::Question("dept".into())],
    ]
    .into_iter()
    .map(|by| Params {
        by,
        ..Params::default()
    })
    .collect();
    let mut best = std::time::Duration::MAX;
    let mut groups = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let all = analyze_many(&survey, &data, &list).unwrap();
        best = best.min(t.elapsed());
        groups = all.iter().map(|a| a.groups.len()).sum::<usize>();
    }
    println!("all three in one pass: {groups} groups in {best:?} (fastest of 5)");
}
