//! The report model: what every format renders, and nothing else.
//!
//! Every figure is already final here: a shown value with its displayed precision, or
//! [`Cell::Suppressed`]. Renderers only lay out; they compute nothing.

use crate::{Date, Lang};

/// The whole report: a title page, numbered sections and the reproducibility stamp.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The language of every text.
    pub lang: Lang,
    /// The title page.
    pub title: TitlePage,
    /// The sections in order (appendices last).
    pub sections: Vec<Section>,
    /// The generated recommendations, one line each, as offered for editing; the
    /// report shows the caller's text instead when one was given.
    pub generated_recommendations: String,
    /// What the figures were computed from, to re-derive them.
    pub stamp: Stamp,
}

/// The title page: the one place a date appears.
#[derive(Debug, Clone, PartialEq)]
pub struct TitlePage {
    /// The organisation's name.
    pub organisation: String,
    /// The report's title ("Client-centricity report for 2026").
    pub heading: String,
    /// The line under the title (for the annual General Meeting).
    pub subtitle: String,
    /// The year reported on.
    pub year: u16,
    /// The years compared with, oldest first.
    pub compare: Vec<u16>,
    /// Label-value lines: surveys, comparison, date of preparation.
    pub lines: Vec<(String, String)>,
    /// The date of preparation.
    pub prepared: Date,
}

/// A numbered section ("1", "2", …) or an appendix ("А", "B").
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// A short ASCII id: the HTML anchor and the base of the XLSX sheet name.
    pub id: String,
    /// The number as printed ("3", or the appendix letter).
    pub number: String,
    /// The title, without the number.
    pub title: String,
    /// The title with its number ("3. External clients", "Appendix A. …").
    pub full_title: String,
    /// The short name of the XLSX sheet (at most 31 characters).
    pub sheet: String,
    /// The content.
    pub blocks: Vec<Block>,
}

/// A piece of a section's content.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A numbered subsection heading ("2.1", title).
    Subheading {
        /// The number ("2.1").
        number: String,
        /// The title.
        title: String,
    },
    /// A paragraph.
    Paragraph(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A table of figures.
    Table(Table),
    /// A chart, drawn by `otklik-charts`; its data are in a table of the same section.
    Chart(Chart),
}

/// A table of figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// A short ASCII id, unique in the report.
    pub id: String,
    /// The caption ("Table 3. …" is added by the renderers that number tables).
    pub caption: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows of cells, one per column.
    pub rows: Vec<Vec<Cell>>,
    /// A note under the table.
    pub note: Option<String>,
    /// K of the figures: a [`Cell::Suppressed`] reads "fewer than K".
    pub k: u32,
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text (a label).
    Text(String),
    /// Text that is code: a hash, a command (monospace where the format has fonts).
    Code(String),
    /// A count.
    Int(u64),
    /// A number in display units (an index 0–100, a share in %, an NPS), shown with
    /// `decimals` digits.
    Num {
        /// The value.
        value: f64,
        /// Digits after the decimal sign when displayed.
        decimals: u8,
    },
    /// A change, shown with its sign.
    Delta {
        /// The change in display units.
        value: f64,
        /// Digits after the decimal sign when displayed.
        decimals: u8,
    },
    /// A 95% interval in display units.
    Interval {
        /// Lower and upper ends.
        bounds: [f64; 2],
        /// Digits after the decimal sign when displayed.
        decimals: u8,
    },
    /// A value with its 95% interval under it, in display units (one cell in HTML and
    /// DOCX, three columns in XLSX and CSV).
    Estimate {
        /// The value.
        value: f64,
        /// Lower and upper ends of the interval, when known.
        ci: Option<[f64; 2]>,
        /// Digits after the decimal sign when displayed.
        decimals: u8,
    },
    /// A p-value.
    P(f64),
    /// Hidden: fewer than K answers (or hidden by the remainder rule).
    Suppressed,
    /// Nothing (not applicable, or no data for that year).
    Empty,
}

/// A chart as an SVG document.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// A short ASCII id, unique in the report.
    pub id: String,
    /// The chart's title.
    pub title: String,
    /// The SVG drawn by `otklik-charts` (every label escaped).
    pub svg: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// The reproducibility stamp.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamp {
    /// The application and its version.
    pub app_version: String,
    /// Every input file with its SHA-256.
    pub files: Vec<StampFile>,
    /// The parameters, as label-value pairs.
    pub parameters: Vec<(String, String)>,
    /// The command that re-derives the figures.
    pub command: String,
}

/// An input file in the stamp.
#[derive(Debug, Clone, PartialEq)]
pub struct StampFile {
    /// "definition" or "responses" (translated).
    pub role: String,
    /// The file's name as given.
    pub name: String,
    /// Lower-case hex SHA-256 of its bytes.
    pub sha256: String,
}

impl Report {
    /// Every table of the report, in order.
    pub fn tables(&self) -> impl Iterator<Item = (&Section, &Table)> {
        self.sections.iter().flat_map(|s| {
            s.blocks.iter().filter_map(move |b| match b {
                Block::Table(t) => Some((s, t)),
                _ => None,
            })
        })
    }

    /// Every chart of the report, in order.
    pub fn charts(&self) -> impl Iterator<Item = &Chart> {
        self.sections.iter().flat_map(|s| {
            s.blocks.iter().filter_map(|b| match b {
                Block::Chart(c) => Some(c),
                _ => None,
            })
        })
    }
}

impl Table {
    /// How many columns column `c` takes in XLSX and CSV: 2 for intervals (lower,
    /// upper), 3 for estimates (value, lower, upper), else 1.
    pub fn span(&self, c: usize) -> usize {
        self.rows
            .iter()
            .map(|r| match r.get(c) {
                Some(Cell::Interval { .. }) => 2,
                Some(Cell::Estimate { .. }) => 3,
                _ => 1,
            })
            .max()
            .unwrap_or(1)
    }
}
