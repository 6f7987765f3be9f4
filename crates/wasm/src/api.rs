//! The module's functions in plain Rust: the same calls, options and results as the
//! JavaScript API, so that they are tested natively and the wasm-bindgen layer
//! (`lib.rs`) only converts values. Each does what the `otklik` command of the same
//! name does, through the same library functions.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use otklik_analytics::{
    analyze_many_protected, analyze_protected, Analysis, Key, Params, Protection,
};
use otklik_survey::import::{ImportProblem, Location, SetError};
use otklik_survey::message::Catalog;
use otklik_survey::{export, Arg, Lang, Message, Responses, Survey, SurveyError};
use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

/// A text in both languages of the interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// Russian.
    pub ru: String,
    /// English.
    pub en: String,
}

thread_local! {
    static CATALOG: Catalog = Catalog::new(&[(
        include_str!("../locales/ru.ftl"),
        include_str!("../locales/en.ftl"),
    )]);
}

impl Text {
    /// A library message in both languages.
    pub fn of(m: &Message) -> Text {
        Text {
            ru: m.render(Lang::Ru),
            en: m.render(Lang::En),
        }
    }

    /// One of this module's own messages, `key` with `args`.
    fn own(key: &str, args: &[(&str, Arg)]) -> Text {
        CATALOG.with(|c| Text {
            ru: c.text(Lang::Ru, key, args),
            en: c.text(Lang::En, key, args),
        })
    }

    /// Each language's own text made by `f`.
    fn each(f: impl Fn(Lang) -> String) -> Text {
        Text {
            ru: f(Lang::Ru),
            en: f(Lang::En),
        }
    }
}

/// A file: its name and its bytes (a `Uint8Array` in JavaScript).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedFile {
    /// The file's name, as problems and the report's registry of files name it.
    pub name: String,
    /// Its content.
    pub bytes: ByteBuf,
}

/// A problem in a survey definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DefinitionProblem {
    /// A JSON path such as `questions[3].options[1].id`; empty for the whole file.
    pub path: String,
    /// For a JSON syntax error: the 1-based line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// For a JSON syntax error: the 1-based column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong, and what was expected.
    pub message: Text,
}

/// A column: by name in a CSV file, by position in a JSON file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Column {
    /// A CSV column's name.
    Name(String),
    /// A 1-based character position on a line of a JSON file.
    Number(usize),
}

/// A problem in a response file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileProblem {
    /// The file, as the caller named it.
    pub file: String,
    /// The 1-based line, when the problem is on one.
    pub line: Option<u64>,
    /// The column, when known.
    pub column: Option<Column>,
    /// A place in a JSON document (`responses[17].answers.dept`), when that is where.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// What was wrong and what was expected.
    pub message: Text,
}

impl FileProblem {
    fn of(p: &ImportProblem) -> FileProblem {
        let (line, column, path) = match &p.location {
            Location::File => (None, None, None),
            Location::Line { line, column } => {
                (Some(*line), column.clone().map(Column::Name), None)
            }
            Location::Path(path) => (None, None, Some(path.clone())),
            Location::Position { line, column } => {
                (Some(*line as u64), Some(Column::Number(*column)), None)
            }
        };
        FileProblem {
            file: p.file.clone(),
            line,
            column,
            path,
            message: Text::of(&p.message),
        }
    }
}

/// What kind of error an [`OtklikError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// The survey definition is not valid (see `definition`).
    BadSurvey,
    /// Response files have problems (see `problems`); nothing was read.
    BadFiles,
    /// A response id has different answers in different files (see `problems`).
    Conflict,
    /// An option is missing, of the wrong type or unknown.
    BadOptions,
    /// The analysis cannot be made as asked (say, a grouping that is not published).
    Analysis,
    /// The report cannot be built or written.
    Report,
}

/// Why a call failed, in both languages, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{}", message.en)]
pub struct OtklikError {
    /// The kind of error.
    pub code: Code,
    /// What happened, in one sentence.
    pub message: Text,
    /// The problems of response files, file by file.
    pub problems: Vec<FileProblem>,
    /// The problems of a survey definition.
    pub definition: Vec<DefinitionProblem>,
}

impl OtklikError {
    fn new(code: Code, message: Text) -> OtklikError {
        OtklikError {
            code,
            message,
            problems: Vec::new(),
            definition: Vec::new(),
        }
    }

    /// Options that could not be read; `detail` says why (in English, as serde says it).
    pub fn options(detail: impl std::fmt::Display) -> OtklikError {
        let detail = detail.to_string();
        OtklikError::new(
            Code::BadOptions,
            Text::own("js-bad-options", &[("detail", Arg::Str(detail))]),
        )
    }

    pub(crate) fn survey(e: &SurveyError) -> OtklikError {
        let message = Text::each(|lang| {
            let detail = Arg::Str(e.render(lang));
            CATALOG.with(|c| c.text(lang, "js-bad-survey", &[("detail", detail)]))
        });
        let mut err = OtklikError::new(Code::BadSurvey, message);
        err.definition = definition_problems(e);
        err
    }

    pub(crate) fn files(e: &SetError) -> OtklikError {
        let (code, key, count) = if e.only_conflicts() {
            (Code::Conflict, "js-conflicts", e.conflicts())
        } else {
            (Code::BadFiles, "js-bad-files", e.files.len())
        };
        let mut err = OtklikError::new(code, Text::own(key, &[("count", Arg::Int(count as i64))]));
        err.problems = e.problems().map(FileProblem::of).collect();
        err
    }
}

fn definition_problems(e: &SurveyError) -> Vec<DefinitionProblem> {
    match e {
        SurveyError::Syntax { line, column, .. } => vec![DefinitionProblem {
            path: String::new(),
            line: Some(*line),
            column: Some(*column),
            message: Text::each(|lang| e.render(lang)),
        }],
        SurveyError::Invalid(problems) => problems
            .iter()
            .map(|p| DefinitionProblem {
                path: p.path.clone(),
                line: None,
                column: None,
                message: Text::of(&p.message),
            })
            .collect(),
    }
}

/// The result of [`validate_survey`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Validation {
    /// Whether the definition is valid.
    pub ok: bool,
    /// Its problems; empty when it is valid.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<DefinitionProblem>,
}

/// Checks a survey definition (JSON text), as `otklik validate` does.
pub fn validate_survey(text: &str) -> Validation {
    match Survey::from_json(text) {
        Ok(_) => Validation {
            ok: true,
            problems: Vec::new(),
        },
        Err(e) => Validation {
            ok: false,
            problems: definition_problems(&e),
        },
    }
}

/// A survey's responses read from files: what [`read_responses`] returns and the
/// other calls take, and what the app's analytics worker keeps of each data set.
#[derive(Debug)]
pub struct Data {
    /// The survey they were read for.
    pub survey: Survey,
    /// The responses of every file, merged by response id.
    pub responses: Responses,
    /// The definition's name and hash, for the report's registry of files.
    pub definition: otklik_report::FileHash,
    /// The files' names and hashes, for the report's registry of files.
    pub files: Vec<otklik_report::FileHash>,
    /// The data set's suppression patterns made so far, by the K asked for: made on
    /// the first analysis with that K, and used by every later one, so that combining
    /// any of its analyses discloses nothing.
    protections: RefCell<Vec<(Option<u32>, Rc<Protection>)>>,
}

impl Data {
    /// A data set: `responses` of `survey` (whose definition is `definition`), read
    /// from `files`.
    pub fn new(
        survey: Survey,
        responses: Responses,
        definition: otklik_report::FileHash,
        files: Vec<otklik_report::FileHash>,
    ) -> Data {
        Data {
            survey,
            responses,
            definition,
            files,
            protections: RefCell::default(),
        }
    }

    /// The suppression pattern of the data set for `min_group` (the survey's K when
    /// `None`).
    pub fn protection(
        &self,
        min_group: Option<u32>,
    ) -> Result<Rc<Protection>, otklik_analytics::Error> {
        if let Some((_, p)) = self
            .protections
            .borrow()
            .iter()
            .find(|(k, _)| *k == min_group)
        {
            return Ok(p.clone());
        }
        let p = Rc::new(Protection::new(&self.survey, &self.responses, min_group)?);
        self.protections.borrow_mut().push((min_group, p.clone()));
        Ok(p)
    }

    /// The indicators grouped as `params` asks, under the data set's protection.
    pub fn analyze(&self, params: &Params) -> Result<Analysis, otklik_analytics::Error> {
        let p = self.protection(params.min_group)?;
        analyze_protected(&self.survey, &self.responses, params, &p)
    }

    /// Several groupings (without free texts) in one pass, under the data set's
    /// protection for the survey's K.
    pub fn analyze_many(&self, list: &[Params]) -> Result<Vec<Analysis>, otklik_analytics::Error> {
        let p = self.protection(None)?;
        analyze_many_protected(&self.survey, &self.responses, list, &p)
    }

    /// The responses in one file in the order `seed` draws.
    pub fn merged(&self, format: MergeFormat, seed: u64) -> Vec<u8> {
        let order = export::shuffled_order(self.responses.len(), seed);
        match format {
            MergeFormat::Csv => export::to_csv(&self.survey, &self.responses, &order),
            MergeFormat::Json => {
                export::to_json(&self.survey, &self.responses, &order).into_bytes()
            }
        }
    }
}

fn survey(text: &str) -> Result<Survey, OtklikError> {
    Survey::from_json(text).map_err(|e| OtklikError::survey(&e))
}

/// Reads response files (CSV or JSON) for the survey `survey_text` and merges them by
/// response id, as `otklik merge` reads them. Every file is validated whole; any
/// problem, or a response id with different answers in two files, rejects them all.
pub fn read_responses(survey_text: &str, files: &[NamedFile]) -> Result<Data, OtklikError> {
    let mut reader = crate::reader::ResponseReader::new(survey_text)?;
    for f in files {
        reader.whole(&f.name, &f.bytes);
    }
    reader.finish()
}

/// The options of [`analyze`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnalyzeOptions {
    /// Grouping keys, outermost first (each may be a comma-separated list, as
    /// `--by` takes them).
    #[serde(default)]
    pub by: Vec<String>,
    /// Smallest group shown, raised above the survey's own.
    #[serde(default)]
    pub min_group: Option<u32>,
    /// Include free-text answers.
    #[serde(default)]
    pub texts: bool,
}

/// The survey of `survey_text`, which must be the one `data` was read for.
fn same_survey(survey_text: &str, data: &Data) -> Result<(), OtklikError> {
    let survey = survey(survey_text)?;
    let (read, given) = (&data.survey, &survey);
    if (&read.id, read.version) != (&given.id, given.version) {
        let name = |s: &Survey| format!("{:?} v{}", s.id, s.version);
        return Err(OtklikError::new(
            Code::BadOptions,
            Text::own(
                "js-other-survey",
                &[
                    ("read", Arg::Str(name(read))),
                    ("given", Arg::Str(name(given))),
                ],
            ),
        ));
    }
    Ok(())
}

/// The indicators of `data`, as `otklik indicators --format json` computes them.
pub fn analyze(
    survey_text: &str,
    data: &Data,
    options: &AnalyzeOptions,
) -> Result<Analysis, OtklikError> {
    same_survey(survey_text, data)?;
    let params = Params {
        by: options.by.iter().flat_map(|k| Key::parse_list(k)).collect(),
        min_group: options.min_group,
        texts: options.texts,
    };
    data.analyze(&params)
        .map_err(|e| OtklikError::new(Code::Analysis, Text::of(&e.message())))
}

/// The indicators of several groupings (each a list of keys, as `by` takes them) in one
/// pass over the data, without free texts, under the survey's K: each analysis equal
/// to [`analyze`]'s for that grouping.
pub fn analyze_many(
    survey_text: &str,
    data: &Data,
    groupings: &[Vec<String>],
) -> Result<Vec<Analysis>, OtklikError> {
    same_survey(survey_text, data)?;
    let list: Vec<Params> = groupings
        .iter()
        .map(|by| Params {
            by: by.iter().flat_map(|k| Key::parse_list(k)).collect(),
            min_group: None,
            texts: false,
        })
        .collect();
    data.analyze_many(&list)
        .map_err(|e| OtklikError::new(Code::Analysis, Text::of(&e.message())))
}

/// The format of merged responses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MergeFormat {
    /// CSV, as the kiosk exports it.
    #[default]
    Csv,
    /// JSON.
    Json,
}

/// The options of [`merge`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MergeOptions {
    /// CSV (the default) or JSON.
    #[serde(default)]
    pub format: MergeFormat,
    /// The seed of the random order (the JavaScript side draws one from
    /// `crypto.getRandomValues` when none is given).
    pub seed: u64,
}

/// `data`'s responses in one file, in random order, as `otklik merge` writes them.
pub fn merge(
    survey_text: &str,
    data: &Data,
    options: &MergeOptions,
) -> Result<Vec<u8>, OtklikError> {
    same_survey(survey_text, data)?;
    Ok(data.merged(options.format, options.seed))
}

/// One survey of a report: its definition and its response files.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportInput {
    /// The definition (JSON text).
    pub survey: String,
    /// The name the definition is given in the report's registry of files.
    #[serde(default = "default_survey_name")]
    pub name: String,
    /// Its response files.
    pub files: Vec<NamedFile>,
}

fn default_survey_name() -> String {
    "survey.json".to_owned()
}

/// The format of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportFormat {
    /// One self-contained HTML file.
    Html,
    /// Word.
    Docx,
    /// Excel.
    Xlsx,
    /// The report's tables as CSV.
    Csv,
}

/// The options of [`report`], as `otklik report` takes them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReportOptions {
    /// The year reported on.
    pub year: u16,
    /// Years to compare with (default: every earlier year in the data).
    #[serde(default)]
    pub compare: Vec<u16>,
    /// The organisation's name for the title page.
    #[serde(default = "default_org")]
    pub org: String,
    /// `ru` (the default) or `en`.
    #[serde(default)]
    pub lang: Option<String>,
    /// The format.
    pub format: ReportFormat,
    /// The date of preparation, `YYYY-MM-DD` (the JavaScript side gives today's when
    /// none is given: the module reads no clock).
    pub date: String,
    /// Recommendations replacing the generated ones, one per line.
    #[serde(default)]
    pub recommendations: Option<String>,
    /// Smallest group shown (at least 3; default: the surveys').
    #[serde(default)]
    pub min_group: Option<u32>,
    /// For `docx`: the charts as PNG images, in report order, drawn by the caller at
    /// two pixels per unit; without them the DOCX has tables only where charts were.
    #[serde(default)]
    pub images: Option<Vec<ByteBuf>>,
}

fn default_org() -> String {
    "Организация".to_owned()
}

/// The report's parameters from `options`.
pub fn report_params(options: &ReportOptions) -> Result<otklik_report::Params, OtklikError> {
    let lang = match options.lang.as_deref() {
        None => Lang::Ru,
        Some(code) => code.parse().map_err(OtklikError::options)?,
    };
    Ok(otklik_report::Params {
        year: options.year,
        compare: options.compare.clone(),
        organisation: options.org.clone(),
        lang,
        prepared: options.date.parse().map_err(report_error)?,
        recommendations: options.recommendations.clone(),
        min_group: options.min_group,
        app_version: concat!("otklik ", env!("CARGO_PKG_VERSION")).to_owned(),
    })
}

fn no_inputs() -> OtklikError {
    OtklikError::new(Code::BadOptions, Text::own("js-no-inputs", &[]))
}

fn report_error(e: otklik_report::Error) -> OtklikError {
    OtklikError::new(Code::Report, Text::of(&e.message()))
}

/// The report's model of the data sets `sets` (one survey, or internal then external).
pub fn build_report(
    sets: &[&Data],
    params: &otklik_report::Params,
) -> Result<otklik_report::Report, OtklikError> {
    if sets.is_empty() {
        return Err(OtklikError::new(
            Code::BadOptions,
            Text::own("js-no-inputs", &[]),
        ));
    }
    let inputs: Vec<otklik_report::Input<'_>> = sets
        .iter()
        .map(|d| otklik_report::Input {
            survey: &d.survey,
            responses: &d.responses,
            definition: d.definition.clone(),
            files: d.files.clone(),
        })
        .collect();
    otklik_report::build(&inputs, params).map_err(report_error)
}

/// The report written in `format`; a DOCX with `images` (PNG files, in report order)
/// has them as its charts.
pub fn render_report(
    report: &otklik_report::Report,
    format: ReportFormat,
    images: Option<Vec<Vec<u8>>>,
) -> Result<Vec<u8>, OtklikError> {
    match (format, images) {
        (ReportFormat::Docx, Some(images)) => {
            let pngs = images
                .into_iter()
                .map(otklik_report::Png::from_bytes)
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| OtklikError::options("images: every image must be a PNG file"))?;
            otklik_report::render_docx_with(report, pngs).map_err(report_error)
        }
        (format, _) => {
            let format = match format {
                ReportFormat::Html => otklik_report::Format::Html,
                ReportFormat::Docx => otklik_report::Format::Docx,
                ReportFormat::Xlsx => otklik_report::Format::Xlsx,
                ReportFormat::Csv => otklik_report::Format::Csv,
            };
            otklik_report::render(report, format).map_err(report_error)
        }
    }
}

/// The yearly report of `inputs` (one survey, or internal then external), as
/// `otklik report` writes it.
pub fn report(inputs: &[ReportInput], options: &ReportOptions) -> Result<Vec<u8>, OtklikError> {
    if inputs.is_empty() {
        return Err(no_inputs());
    }
    let params = report_params(options)?;
    let mut sets = Vec::with_capacity(inputs.len());
    for input in inputs {
        let mut data = read_responses(&input.survey, &input.files)?;
        data.definition = otklik_report::FileHash::of(input.name.clone(), input.survey.as_bytes());
        sets.push(data);
    }
    let built = build_report(&sets.iter().collect::<Vec<_>>(), &params)?;
    let images = options
        .images
        .as_ref()
        .map(|i| i.iter().map(|b| b.to_vec()).collect());
    render_report(&built, options.format, images)
}

/// The options of [`demo`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DemoOptions {
    /// The generator's seed (default 2026, as `otklik demo`).
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// Responses per survey (default: about 2,600 internal and 6,000 external).
    #[serde(default)]
    pub responses: Option<usize>,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            seed: default_seed(),
            responses: None,
        }
    }
}

fn default_seed() -> u64 {
    2026
}

/// The demo data: both templates and a response file for each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Demo {
    /// Each template's definition (JSON text) by survey id.
    pub surveys: BTreeMap<String, String>,
    /// `<survey id>.csv` for each template, as `otklik demo` writes them.
    pub files: Vec<NamedFile>,
}

/// The demo data, as `otklik demo` writes it.
pub fn demo(options: &DemoOptions) -> Demo {
    let spec = otklik_demo::Spec {
        responses: options.responses,
        ..otklik_demo::Spec::default()
    };
    let texts = [
        otklik_demo::INTERNAL_TEMPLATE,
        otklik_demo::EXTERNAL_TEMPLATE,
    ];
    let mut surveys = BTreeMap::new();
    let mut files = Vec::new();
    for (i, (survey, text)) in otklik_demo::templates().iter().zip(texts).enumerate() {
        surveys.insert(survey.id.clone(), text.to_owned());
        let csv = otklik_demo::generate_csv(survey, &spec, options.seed.wrapping_add(i as u64));
        files.push(NamedFile {
            name: format!("{}.csv", survey.id),
            bytes: ByteBuf::from(csv),
        });
    }
    Demo { surveys, files }
}
