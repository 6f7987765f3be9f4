//! Any bytes given to the CSV importer yield responses or a list of problems,
//! never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use otklik_survey::{import, Survey};

const TEMPLATE: &str = include_str!("../../fixtures/surveys/external-client.json");

fn survey() -> &'static Survey {
    static SURVEY: OnceLock<Survey> = OnceLock::new();
    SURVEY.get_or_init(|| Survey::from_json(TEMPLATE).expect("the template is valid"))
}

fuzz_target!(|data: &[u8]| {
    let _ = import::read_csv(survey(), "fuzz.csv", data, &import::Limits::default());
});
