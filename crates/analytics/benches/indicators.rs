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
    // The same responses with longer rows: 36-character UUID-style ids and the
    // optional `survey` and `version` columns.
    let long = long_rows(&csv);
    eprintln!("long rows: {:.1} MB of CSV", long.len() as f64 / 1e6);
    g.bench_function("ingest_csv_long_rows", |b| {
        b.iter(|| import::read_csv(&survey, "long.csv", &long, &limits).unwrap())
    });
    drop(long);
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

/// `csv` with each response id replaced by a UUID-style id made from it, and the
/// `survey` and `version` columns added in front.
fn long_rows(csv: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(csv).expect("the generated CSV is UTF-8");
    let mut out = String::with_capacity(csv.len() * 3 / 2);
    for (i, line) in text.lines().enumerate() {
        let (id, rest) = line.split_once(',').expect("a row has several fields");
        if i == 0 {
            out.push_str("survey,version,");
            out.push_str(line);
        } else {
            // 32 hex digits from the id's 12 and the row number, grouped 8-4-4-4-12.
            let hex = format!("{:0>12}{:020x}", id.trim_start_matches("r-"), i);
            out.push_str(&format!(
                "bench,1,{}-{}-{}-{}-{},{rest}",
                &hex[..8],
                &hex[8..12],
                &hex[12..16],
                &hex[16..20],
                &hex[20..]
            ));
        }
        out.push('\n');
    }
    out.into_bytes()
}
