//! The analytics benchmark: 1,000,000 responses × 20 scale items + an NPS + a
//! service standard, ingested from CSV and grouped overall, by period and by
//! period × department.
//!
//! `OTKLIK_BENCH_RESPONSES` changes the size. The generated CSV is written to
//! `target/bench/responses.csv`, so that `scripts/bench-native.sh` can time a peer
//! (polars) on the very same file in the same run.

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use otklik_analytics::{analyze, analyze_many, Key, Params};
use otklik_survey::import;

fn responses() -> usize {
    std::env::var("OTKLIK_BENCH_RESPONSES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000)
}

fn bench(c: &mut Criterion) {
    let survey = otklik_demo::bench_survey();
    let spec = otklik_demo::Spec {
        responses: Some(responses()),
        ..otklik_demo::Spec::default()
    };
    let csv = otklik_demo::generate_csv(&survey, &spec, 42);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("responses.csv"), &csv).unwrap();
    std::fs::write(dir.join("survey.json"), survey.to_json()).unwrap();
    eprintln!(
        "bench data: {} responses, {:.1} MB of CSV",
        responses(),
        csv.len() as f64 / 1e6
    );

    let limits = import::Limits::default();
    let mut g = c.benchmark_group("otklik");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .warm_up_time(Duration::from_secs(2));
    g.bench_function("ingest_csv", |b| {
        b.iter(|| import::read_csv(&survey, "bench.csv", &csv, &limits).unwrap())
    });
    // On one thread, as in the browser's worker.
    g.bench_function("ingest_csv_one_thread", |b| {
        b.iter(|| {
            import::read_csv_in_parts(&survey, "bench.csv", &csv, &limits, &mut |_| {}, 1).unwrap()
        })
    });
    let data = import::read_csv(&survey, "bench.csv", &csv, &limits).unwrap();
    let by = |keys: &[Key]| Params {
        by: keys.to_vec(),
        min_group: None,
        texts: false,
    };
    let groupings = [
        by(&[]),
        by(&[Key::Period]),
        by(&[Key::Period, Key::Question("dept".into())]),
    ];
    g.bench_function("indicators_overall", |b| {
        b.iter(|| analyze(&survey, &data, &groupings[0]).unwrap())
    });
    g.bench_function("indicators_by_period", |b| {
        b.iter(|| analyze(&survey, &data, &groupings[1]).unwrap())
    });
    g.bench_function("indicators_by_period_dept", |b| {
        b.iter(|| analyze(&survey, &data, &groupings[2]).unwrap())
    });
    g.bench_function("indicators_all_three", |b| {
        b.iter(|| {
            analyze_many(&survey, &data, &groupings)
                .unwrap()
                .iter()
                .map(|a| a.groups.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
