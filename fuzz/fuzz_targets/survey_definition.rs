//! Any text given as a survey definition is accepted or rejected with problems,
//! never a panic; an accepted definition survives a round trip through JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use otklik_survey::Survey;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(survey) = Survey::from_json(text) {
        let _ = Survey::from_json(&survey.to_json());
    }
});
