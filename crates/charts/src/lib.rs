//! The charts of Otklik's dashboard and yearly report, drawn with
//! [plotters](https://docs.rs/plotters/0.3.7) to accessible SVG.
//!
//! Every chart is a pure function of a small input struct and a labels struct that
//! carries every visible string, already translated by the caller. Each chart comes
//! twice:
//!
//! - `draw_xxx(area, input, labels)` draws on any plotters [`DrawingArea`] (an SVG
//!   string in the report, a canvas in the browser);
//! - `xxx_svg(input, labels, width, height, id_prefix)` returns a whole SVG document
//!   with `role="img"`, a `<title>` and a `<desc>` (one sentence summarising the data,
//!   given by the caller or generated) referenced by `aria-labelledby`.
//!
//! | chart | input | what it shows |
//! |---|---|---|
//! | [`trend_svg`] | [`TrendInput`] | values over periods with 95% bands and error bars |
//! | [`likert_svg`] | [`LikertInput`] | diverging stacked bars of answer distributions |
//! | [`heatmap_svg`] | [`HeatmapInput`] | groups × dimensions of 0–100 values |
//! | [`nps_svg`] | [`NpsInput`] | detractors / passives / promoters and the NPS |
//! | [`quadrant_svg`] | [`QuadrantInput`] | importance vs performance of drivers |
//! | [`standards_svg`] | [`StandardsInput`] | compliance with service standards |
//! | [`channels_svg`] | [`ChannelsInput`] | shares of touchpoints, digital or offline |
//!
//! A figure hidden because too few people answered is [`Datum::Suppressed`]: it is
//! drawn as a gap marked with [`ChartText::suppressed`] (say `<5`), never as zero.
//! Text from the data (group names, item texts) is escaped; control characters are
//! dropped. The crate reads no fonts and does no I/O, and builds for
//! `wasm32-unknown-unknown`; text is laid out with its own width estimate, so the same
//! input gives the same SVG on every platform and nothing touches the DOM.
//!
//! ```
//! use otklik_charts::{nps_svg, ChartText, Datum, NpsGroup, NpsInput, NpsLabels, NpsParts};
//!
//! let input = NpsInput {
//!     groups: vec![
//!         NpsGroup {
//!             label: "Operations".into(),
//!             value: Datum::Shown(NpsParts::from_counts(12, 30, 58)),
//!         },
//!         NpsGroup { label: "Legal".into(), value: Datum::Suppressed },
//!     ],
//! };
//! let labels = NpsLabels {
//!     text: ChartText::new("Would recommend us as an employer", "<5"),
//!     x_axis: "Share of answers".into(),
//!     detractors: "Detractors (0–6)".into(),
//!     passives: "Passives (7–8)".into(),
//!     promoters: "Promoters (9–10)".into(),
//!     score: "eNPS".into(),
//! };
//! let svg = nps_svg(&input, &labels, 640, 360, "enps").unwrap();
//! assert!(svg.contains(r#"role="img""#));
//! assert!(svg.contains("Operations"));
//! assert!(svg.contains("+46")); // 58% promoters − 12% detractors
//! assert!(svg.contains("&lt;5")); // Legal: suppressed, not zero
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod bars;
mod convert;
mod heatmap;
mod layout;
mod likert;
mod nps;
mod quadrant;
mod style;
mod svg;
mod trend;

use plotters::coord::Shift;
use plotters::drawing::DrawingAreaErrorKind;
use serde::{Deserialize, Serialize};

pub use bars::{
    channels_svg, draw_channels, draw_standards, standards_svg, ChannelBar, ChannelKind,
    ChannelsInput, ChannelsLabels, StandardBar, StandardsInput, StandardsLabels,
};
pub use heatmap::{draw_heatmap, heatmap_svg, HeatmapInput, HeatmapLabels};
pub use likert::{draw_likert, likert_svg, LikertInput, LikertItem, LikertLabels};
pub use nps::{draw_nps, nps_svg, NpsGroup, NpsInput, NpsLabels, NpsParts};
pub use quadrant::{
    draw_quadrant, quadrant_height, quadrant_svg, DriverPoint, QuadrantInput, QuadrantLabels,
    QuadrantPoint,
};
pub use trend::{draw_trend, trend_svg, TrendInput, TrendLabels, TrendSeries};

/// The plotters version the charts are drawn with, for callers that bring their own
/// backend (a canvas in the browser).
pub use plotters;
pub use plotters::drawing::DrawingArea;
pub use plotters::prelude::DrawingBackend;

/// The smallest chart drawn, in pixels.
pub const MIN_SIZE: (u32, u32) = (240, 160);

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ChartError {
    /// The input is inconsistent (lengths that do not match, a value that is not finite).
    #[error("invalid chart input: {0}")]
    Input(String),
    /// The area is smaller than [`MIN_SIZE`].
    #[error("the chart area {width}×{height} is smaller than {}×{}", MIN_SIZE.0, MIN_SIZE.1)]
    TooSmall {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// The backend failed.
    #[error("drawing failed: {0}")]
    Drawing(String),
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError::Drawing(e.to_string())
    }
}

/// One figure of a chart: shown, hidden because too few answered, or absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Datum<T> {
    /// Shown.
    Shown(T),
    /// Suppressed (fewer than K answers): drawn as a gap marked [`ChartText::suppressed`].
    Suppressed,
    /// No data at all (say, a unit that did not exist in a period): a plain gap.
    Missing,
}

impl<T> Datum<T> {
    /// A text summary's entry for this datum: `label: what it shows`, the
    /// suppression mark, or a dash for no data.
    pub(crate) fn entry(
        &self,
        label: &str,
        mark: &str,
        shown: impl FnOnce(&T) -> String,
    ) -> String {
        let what = match self {
            Datum::Shown(x) => shown(x),
            Datum::Suppressed => mark.to_owned(),
            Datum::Missing => "—".to_owned(),
        };
        format!("{}: {what}", style::clean(label))
    }
}

impl<T> Datum<T> {
    /// The figure, if shown.
    pub fn shown(&self) -> Option<&T> {
        match self {
            Datum::Shown(t) => Some(t),
            _ => None,
        }
    }

    /// Whether the figure is suppressed.
    pub fn is_suppressed(&self) -> bool {
        matches!(self, Datum::Suppressed)
    }
}

/// A value with its 95% interval (an index 0–100, a level, an NPS).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    /// The value.
    pub value: f64,
    /// Lower and upper end of its 95% interval, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci95: Option<[f64; 2]>,
}

/// A share (0–1) with its 95% (Wilson) interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Share {
    /// The share, 0–1.
    pub share: f64,
    /// Lower and upper end of its 95% interval, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci95: Option<[f64; 2]>,
}

/// The texts every chart has, already translated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChartText {
    /// The title, drawn at the top and used as the SVG `<title>`.
    pub title: String,
    /// One sentence describing what the chart shows, for the SVG `<desc>`; generated
    /// from the data and the labels when `None`.
    #[serde(default)]
    pub desc: Option<String>,
    /// The mark of a suppressed figure, such as `<5`.
    pub suppressed: String,
    /// A footnote drawn when some figure is suppressed, such as
    /// `<5: fewer than 5 answers, not shown`.
    #[serde(default)]
    pub suppressed_note: Option<String>,
    /// Write decimals with a comma (`0,25`), as in Russian.
    #[serde(default)]
    pub decimal_comma: bool,
}

impl ChartText {
    /// A title and the mark of suppressed figures; no desc (it is generated), no note.
    pub fn new(title: impl Into<String>, suppressed: impl Into<String>) -> Self {
        ChartText {
            title: title.into(),
            suppressed: suppressed.into(),
            ..ChartText::default()
        }
    }
}

/// Checks that every number is finite.
pub(crate) fn check_finite(what: &str, values: &[f64]) -> Result<(), ChartError> {
    match values.iter().find(|v| !v.is_finite()) {
        Some(v) => Err(ChartError::Input(format!("{what} is not finite: {v}"))),
        None => Ok(()),
    }
}

/// Checks that a figure and its interval, when it has one, are finite.
pub(crate) fn check_finite_ci(
    what: &str,
    interval: &str,
    value: f64,
    ci95: Option<[f64; 2]>,
) -> Result<(), ChartError> {
    check_finite(what, &[value])?;
    match ci95 {
        Some(ci) => check_finite(interval, &ci),
        None => Ok(()),
    }
}

/// Checks that `owner` has as many figures as it should: `got` `unit` for `want`
/// `of` (say 3 values for 4 periods).
pub(crate) fn check_count(
    owner: std::fmt::Arguments<'_>,
    got: usize,
    unit: &str,
    want: usize,
    of: &str,
) -> Result<(), ChartError> {
    if got == want {
        return Ok(());
    }
    Err(ChartError::Input(format!(
        "{owner} has {got} {unit} for {want} {of}"
    )))
}

/// Checks the size of an area.
pub(crate) fn check_size<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
) -> Result<(u32, u32), ChartError> {
    let (width, height) = area.dim_in_pixel();
    if width < MIN_SIZE.0 || height < MIN_SIZE.1 {
        return Err(ChartError::TooSmall { width, height });
    }
    Ok((width, height))
}
