//! Writes the benchmark's CSV natively:
//! `cargo run --release --example gen -- N OUT` (seed 42, as in the criterion bench),
//! and its survey definition beside it (`OUT.survey.json`).

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .and_then(|s| s.replace(['_', ','], "").parse().ok())
        .expect("usage: gen N OUT");
    let out = args.next().expect("usage: gen N OUT");
    let survey = otklik_demo::bench_survey();
    let spec = otklik_demo::Spec {
        responses: Some(n),
        ..otklik_demo::Spec::default()
    };
    let csv = otklik_demo::generate_csv(&survey, &spec, 42);
    std::fs::write(&out, &csv).expect("writing the CSV");
    let definition = out.trim_end_matches(".tmp").to_owned() + ".survey.json";
    std::fs::write(&definition, survey.to_json()).expect("writing the survey");
    // A sanity check that the file is what the page will load.
    let data = otklik_survey::import::read_csv(&survey, "gen.csv", &csv, &Default::default())
        .expect("the generated CSV imports");
    assert_eq!(data.len(), n);
    eprintln!("{out}: {n} responses, {:.1} MB", csv.len() as f64 / 1e6);
}
