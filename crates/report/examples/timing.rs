//! Times building the yearly report from the demo data (both templates, the default
//! sizes: about 2,600 internal and 6,000 external responses) and rendering it in every
//! format. Run with `cargo run --release -p otklik-report --example timing [OUT_DIR]`;
//! with OUT_DIR, the four files are written there too.

use std::time::Instant;

use otklik_report::{build, render, FileHash, Format, Input, Params};
use otklik_survey::import;

fn main() {
    let out = std::env::args().nth(1);
    let templates = otklik_demo::templates();
    let spec = otklik_demo::Spec::default();
    let csvs: Vec<Vec<u8>> = templates
        .iter()
        .enumerate()
        .map(|(i, s)| otklik_demo::generate_csv(s, &spec, 2026 + i as u64))
        .collect();
    let data: Vec<_> = templates
        .iter()
        .zip(&csvs)
        .map(|(s, csv)| import::read_csv(s, "demo.csv", csv, &Default::default()).unwrap())
        .collect();
    let texts = [
        otklik_demo::INTERNAL_TEMPLATE,
        otklik_demo::EXTERNAL_TEMPLATE,
    ];
    let inputs: Vec<Input<'_>> = templates
        .iter()
        .zip(&data)
        .zip(&csvs)
        .zip(texts)
        .map(|(((s, d), csv), text)| Input {
            survey: s,
            responses: d,
            definition: FileHash::of(format!("surveys/{}.json", s.id), text.as_bytes()),
            files: vec![FileHash::of(format!("{}.csv", s.id), csv)],
        })
        .collect();
    let params = Params {
        year: 2026,
        organisation: "Министерство цифрового развития (демо)".into(),
        prepared: "2026-10-15".parse().unwrap(),
        ..Params::default()
    };
    println!(
        "responses: {} internal, {} external",
        data[0].len(),
        data[1].len()
    );
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let start = Instant::now();
        let report = build(&inputs, &params).unwrap();
        let built = start.elapsed().as_secs_f64();
        let mut line = format!("build {:>6.0} ms", built * 1000.0);
        for f in Format::ALL {
            let t = Instant::now();
            let bytes = render(&report, f).unwrap();
            line += &format!(
                " | {} {:>5.0} ms {:>7} KB",
                f.extension(),
                t.elapsed().as_secs_f64() * 1000.0,
                bytes.len() / 1024
            );
            if let Some(dir) = &out {
                std::fs::create_dir_all(dir).unwrap();
                std::fs::write(format!("{dir}/report.{}", f.extension()), &bytes).unwrap();
            }
        }
        let total = start.elapsed().as_secs_f64();
        best = best.min(total);
        println!("{line} | total {:>5.0} ms", total * 1000.0);
    }
    println!("best total: {:.0} ms", best * 1000.0);
}
