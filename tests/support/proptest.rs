//! The settings of the crates' property tests, included by each of them with
//! `#[path = "../../../tests/support/proptest.rs"] mod settings;`.

use proptest::test_runner::{Config, FileFailurePersistence};

/// `cases` random cases. A failing case is kept in the crate's
/// `proptest-regressions/properties.txt` and tried first next time: integration tests
/// have no lib.rs beside them, so proptest's default (a file parallel to the source)
/// cannot be used; the path is relative to the crate, where `cargo test` runs.
pub fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/properties.txt",
        ))),
        ..Config::default()
    }
}
