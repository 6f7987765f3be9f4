//! A collection of response files for one survey: each file validated whole, then
//! all merged by response id, with a report per file.

use crate::import::{self, ImportError, Limits};
use crate::{Responses, Survey};

/// What one file contributed to a collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    /// The file's name.
    pub name: String,
    /// Responses in the file.
    pub responses: usize,
    /// Responses that were new.
    pub added: usize,
    /// Responses already present with the same answers (skipped).
    pub duplicates: usize,
    /// Ids already present with different answers (the earlier response is kept).
    pub conflicts: Vec<String>,
}

/// Reads every file (CSV or JSON) and merges them in order. A file with any
/// problem contributes nothing and its [`ImportError`] is returned beside the others'
/// reports, so one bad file never hides the good ones.
pub fn merge_files(
    survey: &Survey,
    files: &[(String, Vec<u8>)],
    limits: &Limits,
) -> (Responses, Vec<Result<FileReport, ImportError>>) {
    merge_read(
        survey,
        files
            .iter()
            .map(|(name, bytes)| (name.clone(), import::read_any(survey, name, bytes, limits))),
    )
}

/// [`merge_files`] for files already read: each its name and what reading it gave
/// (owned or shared).
pub fn merge_read<R: std::borrow::Borrow<Responses>>(
    survey: &Survey,
    files: impl IntoIterator<Item = (String, Result<R, ImportError>)>,
) -> (Responses, Vec<Result<FileReport, ImportError>>) {
    let mut all = Responses::empty(survey);
    let mut reports = Vec::new();
    for (name, read) in files {
        match read {
            Ok(data) => {
                let data = data.borrow();
                let (merged, report) = all.merge(data);
                all = merged;
                reports.push(Ok(FileReport {
                    name,
                    responses: data.len(),
                    added: report.added,
                    duplicates: report.duplicates,
                    conflicts: report.conflicts.into_iter().map(|c| c.id).collect(),
                }));
            }
            Err(e) => reports.push(Err(e)),
        }
    }
    (all, reports)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_files_merge_a_bad_one_is_reported_and_repeats_change_nothing() {
        let survey = Survey::from_json(
            r#"{"id":"s","version":1,"audience":"internal","title":"T","questions":[{"id":"q","type":"scale","text":"Q"}]}"#,
        )
        .unwrap();
        let a = (
            "a.csv".to_owned(),
            b"response_id,period,q\nr1,2026,4\nr2,2026,5\n".to_vec(),
        );
        let bad = (
            "bad.csv".to_owned(),
            b"response_id,period,q\nr3,2026,9\n".to_vec(),
        );
        let conflict = (
            "c.csv".to_owned(),
            b"response_id,period,q\nr1,2026,1\nr4,2026,2\n".to_vec(),
        );
        let (all, reports) = merge_files(
            &survey,
            &[a.clone(), bad, a.clone(), conflict],
            &Limits::default(),
        );
        assert_eq!(all.len(), 3);
        assert_eq!(reports[0].as_ref().unwrap().added, 2);
        assert!(reports[1]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("bad.csv:2: column q:"));
        assert_eq!(reports[2].as_ref().unwrap().duplicates, 2);
        assert_eq!(
            reports[3].as_ref().unwrap().conflicts,
            vec!["r1".to_owned()]
        );
    }
}
