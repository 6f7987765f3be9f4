//! The cost of the joint suppression pattern: for the two templates' demo data sets
//! (and larger ones), how many cells of the publication set are hidden, how many of
//! them are under K themselves, and how long the pattern takes.
//!
//! ```text
//! cargo run --release -p otklik-analytics --example protection [RESPONSES...]
//! ```

use std::time::Instant;

use otklik_analytics::Protection;
use otklik_survey::import;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number of responses"))
        .collect();
    println!(
        "| survey | responses | cells | under K | hidden groups | hidden figures (all) | time |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for survey in otklik_demo::templates() {
        let runs: Vec<Option<usize>> = std::iter::once(None)
            .chain(sizes.iter().map(|&n| Some(n)))
            .collect();
        for responses in runs {
            let spec = otklik_demo::Spec {
                responses,
                ..otklik_demo::Spec::default()
            };
            let csv = otklik_demo::generate_csv(&survey, &spec, 42);
            let data = import::read_csv(&survey, "demo.csv", &csv, &Default::default()).unwrap();
            let t = Instant::now();
            let p = Protection::new(&survey, &data, None).unwrap();
            let took = t.elapsed();
            let (cells, primary, hidden, figures) = p.hidden_cells();
            println!(
                "| {} | {} | {cells} | {primary} | {hidden} | {figures} | {:.0} ms |",
                survey.id,
                data.len(),
                took.as_secs_f64() * 1e3
            );
        }
    }
}
