//! Several response files of one survey read as one data set, as `otklik merge`,
//! `otklik indicators` and the analytics module read them: every file validated
//! whole, then merged by response id. A file with problems, or a response id whose
//! answers differ between files (a conflict), rejects the whole set.

use crate::{Message, Responses, Survey};

use super::{read_any, ImportError, ImportProblem, Limits, Location};

/// What was wrong with one file of a set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// The file itself has problems; nothing of it was read.
    Problems(ImportError),
    /// The file is well formed, but responses in it have the id of a response with
    /// other answers in an earlier file: one problem per such id.
    Conflicts(Vec<ImportProblem>),
}

/// A set of files that was not read, with what was wrong, file by file in the
/// order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetError {
    /// The files' rejections, in file order (files without problems are not listed).
    pub files: Vec<Rejection>,
}

impl SetError {
    /// Whether every rejection is a conflict (no file has problems of its own).
    pub fn only_conflicts(&self) -> bool {
        self.files
            .iter()
            .all(|r| matches!(r, Rejection::Conflicts(_)))
    }

    /// How many conflicting ids were found.
    pub fn conflicts(&self) -> usize {
        self.files
            .iter()
            .map(|r| match r {
                Rejection::Conflicts(c) => c.len(),
                Rejection::Problems(_) => 0,
            })
            .sum()
    }

    /// Every problem, conflicts included, in file order.
    pub fn problems(&self) -> impl Iterator<Item = &ImportProblem> {
        self.files.iter().flat_map(|r| match r {
            Rejection::Problems(e) => e.problems.iter(),
            Rejection::Conflicts(c) => c.iter(),
        })
    }

    /// Every problem in `lang`, one per line, as [`ImportError::render`] writes them.
    pub fn render(&self, lang: crate::Lang) -> Vec<String> {
        self.files
            .iter()
            .flat_map(|r| match r {
                Rejection::Problems(e) => e.render(lang),
                Rejection::Conflicts(c) => c.iter().map(|p| p.render(lang)).collect(),
            })
            .collect()
    }
}

impl std::fmt::Display for SetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(crate::Lang::En).join("\n"))
    }
}

impl std::error::Error for SetError {}

/// Reads `files` (each a name and its bytes) for `survey` and merges them by response
/// id. A response given twice with the same answers counts once.
pub fn read_set<'a>(
    survey: &Survey,
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    limits: &Limits,
) -> Result<Responses, SetError> {
    merge_set(
        survey,
        files
            .into_iter()
            .map(|(name, bytes)| (name.to_owned(), read_any(survey, name, bytes, limits))),
    )
}

/// Merges files already read (each its name and what reading it gave) as [`read_set`]
/// does: any file with problems, or any conflict, rejects the set.
pub fn merge_set(
    survey: &Survey,
    files: impl IntoIterator<Item = (String, Result<Responses, ImportError>)>,
) -> Result<Responses, SetError> {
    let mut all = Responses::empty(survey);
    let mut rejected = Vec::new();
    for (name, read) in files {
        match read {
            Ok(data) => {
                let (merged, report) = all.merge(&data);
                if !report.conflicts.is_empty() {
                    let conflicts = report
                        .conflicts
                        .iter()
                        .map(|c| ImportProblem {
                            file: name.clone(),
                            location: Location::File,
                            message: Message::new("cli-conflict").with("id", format!("{:?}", c.id)),
                        })
                        .collect();
                    rejected.push(Rejection::Conflicts(conflicts));
                }
                all = merged;
            }
            Err(e) => rejected.push(Rejection::Problems(e)),
        }
    }
    if rejected.is_empty() {
        Ok(all)
    } else {
        Err(SetError { files: rejected })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    const SURVEY: &str = r#"{"id":"s","version":1,"audience":"external",
        "title":{"ru":"Опрос","en":"Survey"},
        "questions":[{"id":"q","type":"yesno","text":{"ru":"Да?","en":"Yes?"}}]}"#;

    fn survey() -> Survey {
        Survey::from_json(SURVEY).expect("valid")
    }

    #[test]
    fn files_merge_by_id_and_a_repeated_file_changes_nothing() {
        let s = survey();
        let a = b"response_id,period,q\nr1,2026-Q1,yes\nr2,2026-Q1,no\n".as_slice();
        let b = b"response_id,period,q\nr2,2026-Q1,no\nr3,2026-Q2,yes\n".as_slice();
        let one = read_set(&s, [("a.csv", a), ("b.csv", b)], &Limits::default()).unwrap();
        assert_eq!(one.len(), 3);
        let twice = read_set(
            &s,
            [("a.csv", a), ("b.csv", b), ("a.csv", a)],
            &Limits::default(),
        )
        .unwrap();
        assert_eq!(twice.len(), 3);
    }

    #[test]
    fn a_bad_file_and_a_conflict_are_both_told_in_file_order() {
        let s = survey();
        let a = b"response_id,period,q\nr1,2026-Q1,yes\n".as_slice();
        let bad = b"response_id,period,q\nr9,2026-Q1,perhaps\n".as_slice();
        let other = b"response_id,period,q\nr1,2026-Q1,no\n".as_slice();
        let e = read_set(
            &s,
            [("a.csv", a), ("bad.csv", bad), ("other.csv", other)],
            &Limits::default(),
        )
        .unwrap_err();
        assert_eq!(e.files.len(), 2);
        assert!(matches!(&e.files[0], Rejection::Problems(p) if p.problems[0].file == "bad.csv"));
        assert!(!e.only_conflicts());
        assert_eq!(e.conflicts(), 1);
        let lines = e.render(Lang::En);
        assert!(lines[0].starts_with("bad.csv:2:"), "{lines:?}");
        assert!(
            lines.last().unwrap().starts_with("other.csv: "),
            "{lines:?}"
        );
        assert!(lines.last().unwrap().contains("\"r1\""), "{lines:?}");
    }
}
