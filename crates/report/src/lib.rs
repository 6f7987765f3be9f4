//! Otklik's yearly client-centricity report for the General Meeting (Standard §8):
//! one report model, rendered to HTML, DOCX, XLSX and CSV.
//!
//! [`build`] analyses one or two surveys (say, internal and external clients) for a
//! chosen year against earlier years with [`otklik_analytics::analyze`], on data whose
//! periods are mapped to their years, and assembles a [`Report`]: the title page,
//! the summary with generated findings, internal and external clients, dynamics,
//! priorities and recommendations, methodology and anonymity, the touchpoint registry
//! and the reproducibility stamp. Every figure in it is final: shown with its display
//! precision, or [`Cell::Suppressed`] — the engine hides small groups and figures, and
//! the report never sees them. [`render`] lays the same model out as [`Format::Html`]
//! (one self-contained file with inline SVG charts and a print stylesheet for A4),
//! [`Format::Docx`] (headings, tables, charts as PNG images), [`Format::Xlsx`] (a sheet
//! per section, figures as numbers) or [`Format::Csv`] (the tables, UTF-8 with a BOM,
//! formula injection neutralised). Renderers compute nothing.
//!
//! The crate is pure: no I/O, no clock. The date of preparation, the organisation,
//! the language, the years and the user's edited recommendations are [`Params`]; the
//! hashes of the input files come from [`FileHash::of`] over bytes the caller read.
//!
//! ```
//! use otklik_report::{build, render, FileHash, Format, Input, Params};
//! use otklik_survey::import;
//!
//! let [survey, _] = otklik_demo::templates();
//! let spec = otklik_demo::Spec { responses: Some(400), ..Default::default() };
//! let csv = otklik_demo::generate_csv(&survey, &spec, 7);
//! let data = import::read_csv(&survey, "answers.csv", &csv, &Default::default()).unwrap();
//! let input = Input {
//!     survey: &survey,
//!     responses: &data,
//!     definition: FileHash::of("internal-client.json", otklik_demo::INTERNAL_TEMPLATE.as_bytes()),
//!     files: vec![FileHash::of("answers.csv", &csv)],
//! };
//! let params = Params {
//!     year: 2025,
//!     organisation: "АО «Пример»".into(),
//!     prepared: "2026-01-20".parse().unwrap(),
//!     ..Params::default()
//! };
//! let report = build(&[input], &params).unwrap();
//! let html = String::from_utf8(render(&report, Format::Html).unwrap()).unwrap();
//! assert!(html.contains("2025"));
//! assert!(html.contains("АО «Пример»"));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod build;
mod charts;
mod csv_out;
mod docx_out;
mod findings;
mod html;
mod i18n;
mod model;
pub mod paper;
#[cfg(feature = "docx-images")]
mod raster;
mod sections;
mod xlsx_out;

use otklik_survey::{Responses, Survey};
use sha2::{Digest, Sha256};

pub use build::build;
pub use i18n::{Date, Lang};
pub use model::*;

/// What the report is about and how it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Params {
    /// The year reported on.
    pub year: u16,
    /// The years to compare with; empty: every earlier year in the data.
    pub compare: Vec<u16>,
    /// The organisation's name, as it appears on the title page.
    pub organisation: String,
    /// The language.
    pub lang: Lang,
    /// The date of preparation (the only date in the report).
    pub prepared: Date,
    /// The user's recommendations, replacing the generated ones (one per line).
    pub recommendations: Option<String>,
    /// K for figures instead of the surveys' own (at least 3).
    pub min_group: Option<u32>,
    /// The application and its version, for the stamp.
    pub app_version: String,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            year: 2026,
            compare: Vec::new(),
            organisation: "Организация".to_owned(),
            lang: Lang::Ru,
            prepared: Date {
                year: 2026,
                month: 1,
                day: 1,
            },
            recommendations: None,
            min_group: None,
            app_version: concat!("otklik ", env!("CARGO_PKG_VERSION")).to_owned(),
        }
    }
}

/// A file's name and the SHA-256 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileHash {
    /// The name as the user gave it.
    pub name: String,
    /// Lower-case hex SHA-256.
    pub sha256: String,
}

impl FileHash {
    /// The hash of `bytes`, under `name`.
    pub fn of(name: impl Into<String>, bytes: &[u8]) -> FileHash {
        FileHash {
            name: name.into(),
            sha256: sha256_hex(bytes),
        }
    }
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One survey of the report with its merged responses and the files they came from.
#[derive(Debug, Clone)]
pub struct Input<'a> {
    /// The definition.
    pub survey: &'a Survey,
    /// The responses, in any periods (they are mapped to years).
    pub responses: &'a Responses,
    /// The definition file.
    pub definition: FileHash,
    /// The response files.
    pub files: Vec<FileHash>,
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One self-contained HTML file with inline SVG and a print stylesheet.
    Html,
    /// Word (Office Open XML).
    Docx,
    /// Excel (Office Open XML).
    Xlsx,
    /// The tables as CSV, UTF-8 with a BOM.
    Csv,
}

impl Format {
    /// The format of a file name's extension (`report.docx`), if known.
    pub fn from_extension(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "xlsx" => Some(Format::Xlsx),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// Every format.
    pub const ALL: [Format; 4] = [Format::Html, Format::Docx, Format::Xlsx, Format::Csv];

    /// The usual extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
        }
    }
}

/// Renders the report in `format`.
pub fn render(report: &Report, format: Format) -> Result<Vec<u8>> {
    match format {
        Format::Html => Ok(html::render(report).into_bytes()),
        Format::Docx => docx_out::render(report, &mut default_draw()),
        Format::Xlsx => xlsx_out::render(report),
        Format::Csv => Ok(csv_out::render(report)),
    }
}

/// How the DOCX draws its charts by default: with `resvg` and the DejaVu fonts
/// (feature `docx-images`), or not at all.
#[cfg(feature = "docx-images")]
fn default_draw() -> impl FnMut(&str) -> Result<Option<Png>> {
    let raster = raster::Rasteriser::new();
    move |svg| raster.png(svg, CHART_SCALE).map(Some)
}
#[cfg(not(feature = "docx-images"))]
fn default_draw() -> impl FnMut(&str) -> Result<Option<Png>> {
    |_| Ok(None)
}

/// Pixels per SVG unit of the charts drawn into the DOCX.
pub const CHART_SCALE: f32 = 2.0;

/// A chart drawn as a PNG image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Png {
    /// The PNG file.
    pub bytes: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl Png {
    /// A PNG file, its size read from its header; `None` if it is not a PNG.
    pub fn from_bytes(bytes: Vec<u8>) -> Option<Png> {
        const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR";
        if bytes.len() < 24 || !bytes.starts_with(SIGNATURE) {
            return None;
        }
        let be =
            |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        let (width, height) = (be(16), be(20));
        Some(Png {
            bytes,
            width,
            height,
        })
    }
}

/// Renders the report as DOCX with charts the caller drew (a browser draws them
/// with its own SVG renderer): `pngs[i]` is the chart `report.charts().nth(i)`, drawn
/// at [`CHART_SCALE`] pixels per unit.
pub fn render_docx_with(report: &Report, pngs: Vec<Png>) -> Result<Vec<u8>> {
    let expected = report.charts().count();
    if pngs.len() != expected {
        return Err(Error::Chart(format!(
            "{} images for {expected} charts",
            pngs.len()
        )));
    }
    let mut pngs = pngs.into_iter();
    docx_out::render(report, &mut |_| Ok(pngs.next()))
}

/// Why a report could not be built or rendered.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// No survey was given.
    #[error("a report needs at least one survey")]
    NoSurvey,
    /// The responses do not belong to the definition.
    #[error("the responses are for survey {found:?}, not {expected:?}")]
    WrongSurvey {
        /// The definition's id.
        expected: String,
        /// The responses' survey id.
        found: String,
    },
    /// The chosen year has no responses.
    #[error("survey {survey:?} has no responses in {year} (years in the data: {years})")]
    NoData {
        /// The survey.
        survey: String,
        /// The year.
        year: u16,
        /// The years present.
        years: String,
    },
    /// A year to compare with is not earlier than the chosen year, or has no data.
    #[error("cannot compare with {year}: {reason}")]
    Compare {
        /// The year.
        year: u16,
        /// Why.
        reason: otklik_survey::Message,
    },
    /// The analysis failed.
    #[error(transparent)]
    Analysis(#[from] otklik_analytics::Error),
    /// Not a language this report is written in.
    #[error(transparent)]
    Lang(#[from] otklik_survey::UnknownLang),
    /// Not a date.
    #[error("{0:?} is not a date (expected YYYY-MM-DD)")]
    Date(String),
    /// The XLSX writer failed.
    #[error("cannot write the XLSX: {0}")]
    Xlsx(String),
    /// The DOCX writer failed.
    #[error("cannot write the DOCX: {0}")]
    Docx(String),
    /// A chart could not be drawn as an image.
    #[error("cannot draw chart {0}")]
    Chart(String),
}

impl Error {
    /// The error in words, in Russian or English (`Display` is the English).
    pub fn message(&self) -> otklik_survey::Message {
        use otklik_survey::Message;
        match self {
            Error::NoSurvey => Message::new("report-no-survey"),
            Error::WrongSurvey { expected, found } => Message::new("report-wrong-survey")
                .with("found", format!("{found:?}"))
                .with("expected", format!("{expected:?}")),
            Error::NoData {
                survey,
                year,
                years,
            } => Message::new("report-no-data")
                .with("survey", format!("{survey:?}"))
                .with("year", year.to_string())
                .with("years", years.as_str()),
            Error::Compare { year, reason } => Message::new("report-compare")
                .with("year", year.to_string())
                .with("reason", reason.clone()),
            Error::Analysis(e) => e.message(),
            Error::Lang(e) => Message::new("lang-unknown").with("value", format!("{:?}", e.0)),
            Error::Date(d) => Message::new("report-date").with("value", format!("{d:?}")),
            Error::Xlsx(d) => Message::new("report-xlsx").with("detail", d.as_str()),
            Error::Docx(d) => Message::new("report-docx").with("detail", d.as_str()),
            Error::Chart(id) => Message::new("report-chart").with("id", id.as_str()),
        }
    }
}

/// Result alias.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod error_tests {
    use super::Error;
    use otklik_survey::{Lang, Message};

    #[test]
    fn every_error_reads_the_same_in_english_and_is_translated() {
        let all = [
            Error::NoSurvey,
            Error::WrongSurvey {
                expected: "a".into(),
                found: "b".into(),
            },
            Error::NoData {
                survey: "external-client".into(),
                year: 2026,
                years: "2023, 2024, 2025".into(),
            },
            Error::Compare {
                year: 2027,
                reason: Message::new("report-compare-not-earlier").with("year", "2026"),
            },
            Error::Compare {
                year: 2020,
                reason: Message::new("report-compare-no-data").with("survey", "\"s\""),
            },
            Error::Analysis(otklik_analytics::Error::MinGroup(2)),
            Error::Lang(otklik_survey::UnknownLang("de".into())),
            Error::Date("2026-02-30".into()),
            Error::Xlsx("disk full".into()),
            Error::Docx("disk full".into()),
            Error::Chart("trend".into()),
        ];
        for e in all {
            let m = e.message();
            assert_eq!(m.to_string(), e.to_string());
            let ru = m.try_render(Lang::Ru).expect("translated");
            assert_ne!(ru, e.to_string());
        }
        let e = Error::NoData {
            survey: "external-client".into(),
            year: 2026,
            years: "2023, 2024, 2025".into(),
        };
        assert_eq!(
            e.message().render(Lang::Ru),
            "по анкете \"external-client\" нет ответов за 2026 год (годы в данных: 2023, 2024, 2025)"
        );
    }
}
