//! Any response file the importer accepts can be analysed without a panic,
//! overall, by period, and by period and department.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use otklik_analytics::{analyze, Key, Params};
use otklik_survey::{import, Survey};

const SURVEY: &str = include_str!("../../fixtures/malformed/survey.json");

fn survey() -> &'static Survey {
    static CELL: OnceLock<Survey> = OnceLock::new();
    CELL.get_or_init(|| Survey::from_json(SURVEY).expect("the fixture survey is valid"))
}

fuzz_target!(|data: &[u8]| {
    let survey = survey();
    let Ok(responses) = import::read_any(survey, "fuzz", data, &import::Limits::default()) else {
        return;
    };
    let mut groupings = vec![vec![], vec![Key::Period]];
    if survey.question("dept").is_some() {
        groupings.push(vec![Key::Question("dept".to_owned())]);
        groupings.push(vec![Key::Period, Key::Question("dept".to_owned())]);
    }
    for by in groupings {
        for texts in [false, true] {
            let params = Params {
                by: by.clone(),
                texts,
                ..Params::default()
            };
            // Errors (mixed granularity, …) are fine; a panic is not.
            let _ = analyze(survey, &responses, &params);
        }
    }
});
