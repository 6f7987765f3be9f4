//! The client-centricity indicators of Otklik (`shared/indicators.md`), computed in
//! one columnar pass over [`otklik_survey::Responses`].
//!
//! [`analyze`] groups the responses by the chosen [`Key`]s (the period and any
//! grouping question), computes every figure of the catalogue per group from
//! sufficient statistics (value counts, running moments), applies the anonymity
//! rules (one suppression pattern over every table that can be published for the
//! data set, [`Protection`]: groups and figures under K are hidden, and so is whatever
//! would let a combination of tables give them away), and, when grouped by period
//! first, the changes between
//! consecutive periods and the trends. The result is an [`Analysis`], which
//! serialises to the JSON that `otklik indicators` prints.
//!
//! ```
//! use otklik_survey::{Survey, import};
//! use otklik_analytics::{analyze, Params, Key};
//! let survey = Survey::from_json(r#"{"id":"s","version":1,"audience":"internal","title":"T",
//!   "questions":[{"id":"q1","type":"scale","text":"Satisfied?"}]}"#).unwrap();
//! let csv = "response_id,period,q1\na,2026,4\nb,2026,5\nc,2026,3\nd,2026,4\ne,2026,5\n";
//! let data = import::read_csv(&survey, "x.csv", csv.as_bytes(), &Default::default()).unwrap();
//! let result = analyze(&survey, &data, &Params { by: vec![Key::Period], ..Params::default() }).unwrap();
//! assert_eq!(result.groups.len(), 1);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod engine;
mod output;
pub mod protect;
mod query;
pub mod stats;
pub mod suppress;

pub use engine::{
    analyze, analyze_in_parts, analyze_many, analyze_many_protected, analyze_protected,
    text_grouping, Part, Protection, Split,
};
pub use output::*;
pub use query::{FigureId, Found, KeyRef};

/// A grouping key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// The response's period.
    Period,
    /// A grouping question (a `choice` with `group: true`), by id.
    Question(String),
    /// The response's channel (paper, kiosk, self; or unknown): a grouping of data
    /// in which some response says its channel.
    Channel,
}

impl Key {
    /// Parses a comma-separated list such as `period,dept`.
    pub fn parse_list(s: &str) -> Vec<Key> {
        s.split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(|k| {
                if k == "period" {
                    Key::Period
                } else if k == "channel" {
                    Key::Channel
                } else {
                    Key::Question(k.to_owned())
                }
            })
            .collect()
    }

    /// The key's name in the output.
    pub fn name(&self) -> &str {
        match self {
            Key::Period => "period",
            Key::Question(q) => q,
            Key::Channel => "channel",
        }
    }
}

/// What to compute.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    /// Grouping keys, outermost first. Empty: one overall group. They must make a
    /// table of the publication set (in any order), else [`Error::NotPublished`].
    pub by: Vec<Key>,
    /// K for figures, raised above the survey's own (never lower:
    /// [`Error::MinGroupBelowSurvey`]).
    pub min_group: Option<u32>,
    /// Include free-text answers (for groups that reach the free-text threshold, and
    /// only in the table of [`text_grouping`]).
    pub texts: bool,
}

/// Why an analysis could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A grouping key names no question.
    #[error("cannot group by {key:?}: no such question (grouping keys: {known})")]
    UnknownKey {
        /// The key.
        key: String,
        /// The keys that exist.
        known: String,
    },
    /// A grouping key names a question that is not a grouping question.
    #[error("cannot group by {0:?}: only period and choice questions marked \"group\": true are grouping keys")]
    NotAGroup(String),
    /// The same key twice.
    #[error("the grouping key {0:?} is given twice")]
    DuplicateKey(String),
    /// Periods of different granularity.
    #[error("periods of different granularity cannot be analysed together: {0} and {1}")]
    MixedGranularity(String, String),
    /// K below 3.
    #[error("the minimum group size must be at least 3, found {0}")]
    MinGroup(u32),
    /// Too many groups.
    #[error("the grouping makes {0} possible groups; at most 1,000,000 are supported")]
    TooManyGroups(usize),
    /// Parts of a split pass that do not belong to it or do not cover the data.
    #[error("the parts of the analysis do not fit together (other data, or another version of the program)")]
    Parts,
    /// K below the survey's own: respondents were promised groups of at least that size.
    #[error("the minimum group size can be raised, not lowered: the survey promises its respondents {survey}, found {found}")]
    MinGroupBelowSurvey {
        /// The K asked for.
        found: u32,
        /// The survey's K.
        survey: u32,
    },
    /// A grouping outside the publication set: its hidden cells would not be protected
    /// together with the other tables.
    #[error("the table by {by} is not one that is published, so its small groups could not be protected together with the others; tables: {tables}")]
    NotPublished {
        /// The grouping asked for.
        by: String,
        /// The tables that can be asked for.
        tables: String,
    },
}

impl Error {
    /// The error in words, in Russian or English (`Display` is the English).
    pub fn message(&self) -> otklik_survey::Message {
        use otklik_survey::Message;
        match self {
            Error::UnknownKey { key, known } => Message::new("analysis-unknown-key")
                .with("key", format!("{key:?}"))
                .with("known", known.as_str()),
            Error::NotAGroup(key) => {
                Message::new("analysis-not-a-group").with("key", format!("{key:?}"))
            }
            Error::DuplicateKey(key) => {
                Message::new("analysis-duplicate-key").with("key", format!("{key:?}"))
            }
            Error::MixedGranularity(a, b) => Message::new("analysis-mixed-granularity")
                .with("first", a.as_str())
                .with("second", b.as_str()),
            Error::MinGroup(k) => Message::new("analysis-min-group").with("found", *k),
            Error::TooManyGroups(n) => Message::new("analysis-too-many-groups").with("count", *n),
            Error::Parts => Message::new("analysis-parts"),
            Error::MinGroupBelowSurvey { found, survey } => {
                Message::new("analysis-min-group-below-survey")
                    .with("found", *found)
                    .with("survey", *survey)
            }
            Error::NotPublished { by, tables } => Message::new("analysis-not-published")
                .with("by", by.as_str())
                .with("tables", tables.as_str()),
        }
    }
}

/// Result alias.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod error_tests {
    use super::Error;
    use otklik_survey::Lang;

    #[test]
    fn every_error_reads_the_same_in_english_and_is_translated() {
        let all = [
            Error::UnknownKey {
                key: "x".into(),
                known: "period, dept".into(),
            },
            Error::NotAGroup("q1".into()),
            Error::DuplicateKey("period".into()),
            Error::MixedGranularity("2026-Q1".into(), "2026-03".into()),
            Error::MinGroup(2),
            Error::TooManyGroups(2_000_000),
            Error::Parts,
            Error::MinGroupBelowSurvey {
                found: 3,
                survey: 5,
            },
            Error::NotPublished {
                by: "dept, segment".into(),
                tables: "period; period, dept".into(),
            },
        ];
        for e in all {
            let m = e.message();
            assert_eq!(m.to_string(), e.to_string());
            let ru = m.try_render(Lang::Ru).expect("translated");
            assert_ne!(ru, e.to_string());
        }
        assert_eq!(
            Error::MixedGranularity("2026-Q1".into(), "2026-03".into())
                .message()
                .render(Lang::Ru),
            "периоды разной длительности нельзя анализировать вместе: 2026-Q1 и 2026-03"
        );
    }
}
