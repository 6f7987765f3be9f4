//! Response files read as they arrive, chunk by chunk, so that a large file is never
//! whole in memory: a CSV file's complete records are read as each chunk ends them
//! (`import::CsvStream`); a JSON file is gathered and read at its end. A CSV file with a
//! problem is read again whole, for the exact report of every problem.

use std::rc::Rc;

use otklik_report::FileHash;
use otklik_survey::import::{self, is_json, CsvStream, ImportError, Limits};
use otklik_survey::{Responses, Survey};
use sha2::{Digest, Sha256};

use crate::api::{Data, OtklikError};

/// The file being read.
struct Current {
    name: String,
    sha: Sha256,
    kind: Kind,
}

enum Kind {
    /// Not known yet whether CSV or JSON: the bytes so far (blank ones, at most).
    Undecided(Vec<u8>),
    /// JSON, gathered whole.
    Whole(Vec<u8>),
    /// CSV, read as it comes.
    Csv(Box<CsvStream<Rc<Survey>>>),
}

/// Files of one survey read chunk by chunk, then merged by response id as
/// [`crate::api::read_responses`] merges them.
pub struct ResponseReader {
    text: String,
    survey: Rc<Survey>,
    read: Vec<(String, Result<Responses, ImportError>)>,
    hashes: Vec<FileHash>,
    current: Option<Current>,
}

impl ResponseReader {
    /// A reader of response files of the survey `survey_text`.
    pub fn new(survey_text: &str) -> Result<ResponseReader, OtklikError> {
        let survey = Survey::from_json(survey_text).map_err(|e| OtklikError::survey(&e))?;
        Ok(ResponseReader {
            text: survey_text.to_owned(),
            survey: Rc::new(survey),
            read: Vec::new(),
            hashes: Vec::new(),
            current: None,
        })
    }

    /// A new file, named `name`, whose bytes follow.
    pub fn begin(&mut self, name: &str) {
        self.current = Some(Current {
            name: name.to_owned(),
            sha: Sha256::new(),
            kind: Kind::Undecided(Vec::new()),
        });
    }

    /// The next bytes of the file begun last.
    pub fn push(&mut self, chunk: &[u8]) {
        let Some(file) = &mut self.current else {
            return;
        };
        file.sha.update(chunk);
        match &mut file.kind {
            Kind::Undecided(start) => {
                start.extend_from_slice(chunk);
                if let Some(json) = is_json(start) {
                    let start = std::mem::take(start);
                    file.kind = if json {
                        Kind::Whole(start)
                    } else {
                        let mut csv = CsvStream::new(self.survey.clone(), &Limits::default());
                        csv.push(&start);
                        Kind::Csv(Box::new(csv))
                    };
                }
            }
            Kind::Whole(bytes) => bytes.extend_from_slice(chunk),
            Kind::Csv(csv) => csv.push(chunk),
        }
    }

    /// The end of the file begun last. `false`: it has a problem, and must be given
    /// again whole ([`ResponseReader::whole`]) for the exact report of its problems.
    pub fn end(&mut self) -> bool {
        let Some(file) = self.current.take() else {
            return true;
        };
        let read = match file.kind {
            Kind::Csv(csv) => match csv.finish() {
                Some(data) => Ok(data),
                None => return false,
            },
            Kind::Whole(bytes) | Kind::Undecided(bytes) => {
                import::read_any(&self.survey, &file.name, &bytes, &Limits::default())
            }
        };
        let sha256 = file
            .sha
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        self.hashes.push(FileHash {
            name: file.name.clone(),
            sha256,
        });
        self.read.push((file.name, read));
        true
    }

    /// A whole file (one that [`ResponseReader::end`] asked for again, or any other).
    pub fn whole(&mut self, name: &str, bytes: &[u8]) {
        self.current = None;
        let read = import::read_any(&self.survey, name, bytes, &Limits::default());
        self.hashes.push(FileHash::of(name, bytes));
        self.read.push((name.to_owned(), read));
    }

    /// Every file read, merged by response id; any file with problems, or any response
    /// id with different answers in two files, rejects them all.
    pub fn finish(self) -> Result<Data, OtklikError> {
        let survey = Rc::try_unwrap(self.survey).unwrap_or_else(|s| (*s).clone());
        let responses =
            import::merge_set(&survey, self.read).map_err(|e| OtklikError::files(&e))?;
        let definition = FileHash::of(format!("{}.json", survey.id), self.text.as_bytes());
        Ok(Data::new(survey, responses, definition, self.hashes))
    }
}
