//! Values over periods with their 95% bands.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use serde::{Deserialize, Serialize};

use crate::layout::{marker, mesh_style, xy_chart, Canvas, LegendEntry, Opened, Swatch};
use crate::style::{
    clean, number, text_width, truncate, AXIS, LABEL_PX, MUTED, PAD, SERIES, SMALL_PX,
};
use crate::{
    check_count, check_finite, check_finite_ci, svg, ChartError, ChartText, Datum, Estimate,
};

/// One line of a trend: a value per period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendSeries {
    /// The series' name (say "Whole organisation" or a unit's name).
    pub name: String,
    /// One value per period, in the order of [`TrendInput::periods`].
    pub values: Vec<Datum<Estimate>>,
}

/// The data of a trend chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendInput {
    /// Period labels, oldest first.
    pub periods: Vec<String>,
    /// The series (at most six are told apart by colour and marker).
    pub series: Vec<TrendSeries>,
    /// The y axis: [`TrendInput::INDEX_RANGE`] or [`TrendInput::NPS_RANGE`].
    pub y_range: [f64; 2],
}

impl TrendInput {
    /// The range of indices and levels.
    pub const INDEX_RANGE: [f64; 2] = [0.0, 100.0];
    /// The range of NPS and eNPS.
    pub const NPS_RANGE: [f64; 2] = [-100.0, 100.0];

    /// Narrows the y axis from the scale's whole range to the data (values and
    /// intervals) with some air, on multiples of 10 and at least 20 wide, so that a
    /// change of a few points shows. Where the axis no longer starts at the scale's
    /// floor, the chart marks the cut at its foot.
    pub fn fit_y(mut self) -> Self {
        let [floor, top] = self.y_range;
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for e in self
            .series
            .iter()
            .flat_map(|s| s.values.iter().filter_map(Datum::shown))
        {
            let [a, b] = e.ci95.unwrap_or([e.value, e.value]);
            lo = lo.min(e.value.min(a));
            hi = hi.max(e.value.max(b));
        }
        if !lo.is_finite() {
            return self;
        }
        let mut lo = (((lo - 5.0) / 10.0).floor() * 10.0).max(floor);
        let mut hi = (((hi + 5.0) / 10.0).ceil() * 10.0).min(top);
        if hi - lo < 20.0 {
            hi = (lo + 20.0).min(top);
            lo = (hi - 20.0).max(floor);
        }
        self.y_range = [lo, hi];
        self
    }
}

/// The floor of the scale a y range belongs to: 0 for indices, −100 for NPS.
fn scale_floor(lo: f64) -> f64 {
    if lo < 0.0 {
        TrendInput::NPS_RANGE[0]
    } else {
        TrendInput::INDEX_RANGE[0]
    }
}

/// The texts of a trend chart.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TrendLabels {
    /// Title, description, suppression mark.
    pub text: ChartText,
    /// Name of the x axis (say "Period"); empty for none.
    pub x_axis: String,
    /// Name of the y axis (say "Index, 0–100").
    pub y_axis: String,
    /// Legend entry of the shaded band (say "95% interval"); empty for none.
    pub band: String,
}

/// Draws a trend: per series a line through the shown values, its 95% band, error bars
/// and markers; a suppressed value leaves a gap marked with the suppression mark.
pub fn draw_trend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &TrendInput,
    labels: &TrendLabels,
) -> Result<(), ChartError> {
    svg::Chart::validate(input, labels)?;
    let text = &labels.text;
    let n = input.periods.len();
    let [lo, hi] = input.y_range;

    let has_band = input.series.iter().any(|s| {
        s.values
            .iter()
            .filter_map(Datum::shown)
            .any(|e| e.ci95.is_some())
    });
    let mut legend: Vec<LegendEntry> = input
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| LegendEntry {
            swatch: Swatch::Marker(i, SERIES[i % SERIES.len()]),
            label: clean(&s.name),
        })
        .collect();
    let band = clean(&labels.band);
    if has_band && !band.is_empty() {
        legend.push(LegendEntry {
            swatch: Swatch::Band(AXIS),
            label: band,
        });
    }
    if legend.len() < 2 {
        legend.clear();
    }
    let any_suppressed = input
        .series
        .iter()
        .any(|s| s.values.iter().any(Datum::is_suppressed));
    let Opened {
        c,
        top,
        bottom,
        mark,
    } = Canvas::open(area, text, &legend, any_suppressed)?;

    let x_axis = clean(&labels.x_axis);
    let y_axis = clean(&labels.y_axis);
    let mut chart = xy_chart(
        &c,
        top,
        bottom,
        (&x_axis, &y_axis),
        (26, 40),
        -0.5..(n.max(1) as f64 - 0.5),
        lo..hi,
    )?;
    let span = hi - lo;
    let decimals = if span < 10.0 { 1 } else { 0 };
    let fmt_y = |v: &f64| number(*v, decimals, text.decimal_comma);
    let plot_h = {
        let (_, y0) = chart.backend_coord(&(0.0, hi));
        let (_, y1) = chart.backend_coord(&(0.0, lo));
        y1 - y0
    };
    {
        let mut mesh = mesh_style(&mut chart);
        mesh.disable_x_mesh()
            .x_labels(0)
            .y_labels(6)
            .y_label_formatter(&fmt_y);
        let x_desc = truncate(&x_axis, f64::from(c.width - 2 * PAD), LABEL_PX);
        let y_desc = truncate(&y_axis, f64::from(plot_h), LABEL_PX);
        if !x_desc.is_empty() {
            mesh.x_desc(x_desc);
        }
        if !y_desc.is_empty() {
            mesh.y_desc(y_desc);
        }
        mesh.draw()?;
    }

    // A cut axis is marked at its foot: two slanted strokes across the y axis.
    if lo > scale_floor(lo) {
        let (x, y) = c.rel(chart.backend_coord(&(-0.5, lo)));
        c.area.draw(&Rectangle::new(
            [(x - 6, y - 9), (x + 6, y - 3)],
            WHITE.filled(),
        ))?;
        for dy in [-9, -4] {
            c.line(vec![(x - 6, y + dy + 2), (x + 6, y + dy - 2)], AXIS, 1)?;
        }
    }

    // Zero, when the range straddles it (NPS).
    if lo < 0.0 && hi > 0.0 {
        let a = c.rel(chart.backend_coord(&(-0.5, 0.0)));
        let b = c.rel(chart.backend_coord(&(n.max(1) as f64 - 0.5, 0.0)));
        c.line(vec![a, b], AXIS, 1)?;
    }

    // Period labels, thinned when they would overlap.
    let slot = if n > 0 {
        let (x0, _) = chart.backend_coord(&(0.0, lo));
        let (x1, _) = chart.backend_coord(&(1.0, lo));
        f64::from((x1 - x0).max(1))
    } else {
        1.0
    };
    let labels_clean: Vec<String> = input.periods.iter().map(|p| clean(p)).collect();
    let widest = labels_clean
        .iter()
        .map(|p| text_width(p, SMALL_PX))
        .fold(0.0, f64::max);
    let step = ((widest + 8.0) / slot).ceil().max(1.0) as usize;
    for (i, p) in labels_clean.iter().enumerate() {
        let (x, y) = c.rel(chart.backend_coord(&(i as f64, lo)));
        c.line(vec![(x, y), (x, y + 4)], AXIS, 1)?;
        if i % step == 0 {
            let p = truncate(p, slot * step as f64 - 4.0, SMALL_PX);
            c.text(
                &p,
                (x, y + 7),
                SMALL_PX,
                false,
                MUTED,
                HPos::Center,
                VPos::Top,
            )?;
        }
    }

    let count = input.series.len();
    let spread = if count > 1 {
        (0.1 * (count - 1) as f64).min(0.3)
    } else {
        0.0
    };
    let dodge = |s: usize| {
        if count > 1 {
            -spread / 2.0 + spread * s as f64 / (count - 1) as f64
        } else {
            0.0
        }
    };
    let clamp = |v: f64| v.clamp(lo, hi);

    // Runs of consecutive shown values.
    let runs = |s: &TrendSeries| -> Vec<Vec<(usize, Estimate)>> {
        let mut out: Vec<Vec<(usize, Estimate)>> = Vec::new();
        let mut run = Vec::new();
        for (i, v) in s.values.iter().enumerate() {
            match v {
                Datum::Shown(e) => run.push((i, *e)),
                _ => {
                    if !run.is_empty() {
                        out.push(std::mem::take(&mut run));
                    }
                }
            }
        }
        if !run.is_empty() {
            out.push(run);
        }
        out
    };

    // Bands first, then lines, error bars and markers, so markers stay on top.
    for (si, s) in input.series.iter().enumerate() {
        let color = SERIES[si % SERIES.len()];
        for run in runs(s) {
            let with_ci: Vec<(f64, [f64; 2])> = run
                .iter()
                .filter_map(|(i, e)| e.ci95.map(|ci| (*i as f64 + dodge(si), ci)))
                .collect();
            if with_ci.len() >= 2 && with_ci.len() == run.len() {
                let mut pts: Vec<(f64, f64)> =
                    with_ci.iter().map(|(x, ci)| (*x, clamp(ci[1]))).collect();
                pts.extend(with_ci.iter().rev().map(|(x, ci)| (*x, clamp(ci[0]))));
                chart.draw_series(std::iter::once(Polygon::new(pts, color.mix(0.14).filled())))?;
            }
        }
    }
    for (si, s) in input.series.iter().enumerate() {
        let color = SERIES[si % SERIES.len()];
        for run in runs(s) {
            if run.len() >= 2 {
                let pts: Vec<(f64, f64)> = run
                    .iter()
                    .map(|(i, e)| (*i as f64 + dodge(si), clamp(e.value)))
                    .collect();
                chart.draw_series(std::iter::once(PathElement::new(
                    pts,
                    color.stroke_width(2),
                )))?;
            }
            for (i, e) in &run {
                if let Some([l, h]) = e.ci95 {
                    let x = *i as f64 + dodge(si);
                    chart.draw_series(std::iter::once(ErrorBar::new_vertical(
                        x,
                        clamp(l),
                        clamp(e.value),
                        clamp(h),
                        color.stroke_width(1),
                        8,
                    )))?;
                }
            }
        }
    }
    for (si, s) in input.series.iter().enumerate() {
        let color = SERIES[si % SERIES.len()];
        for (i, v) in s.values.iter().enumerate() {
            let x = i as f64 + dodge(si);
            match v {
                Datum::Shown(e) => {
                    let p = c.rel(chart.backend_coord(&(x, clamp(e.value))));
                    marker(&c, si, p, 4, color)?;
                }
                Datum::Suppressed => {
                    // Just above the x axis, in the series' colour, stacked when several
                    // series are suppressed in the same period.
                    let k = input.series[..si]
                        .iter()
                        .filter(|o| o.values[i].is_suppressed())
                        .count() as i32;
                    let (px, py) = c.rel(chart.backend_coord(&(x, lo)));
                    c.plate(&mark, (px, py - 10 - 15 * k), SMALL_PX, true, color)?;
                }
                Datum::Missing => {}
            }
        }
    }
    Ok(())
}

impl svg::Chart for TrendInput {
    type Labels = TrendLabels;

    fn text(labels: &TrendLabels) -> &ChartText {
        &labels.text
    }

    fn validate(&self, _labels: &TrendLabels) -> Result<(), ChartError> {
        let [lo, hi] = self.y_range;
        check_finite("the y range", &[lo, hi])?;
        if lo >= hi {
            return Err(ChartError::Input(format!("empty y range {lo}..{hi}")));
        }
        for s in &self.series {
            check_count(
                format_args!("series {:?}", s.name),
                s.values.len(),
                "values",
                self.periods.len(),
                "periods",
            )?;
            for e in s.values.iter().filter_map(Datum::shown) {
                check_finite_ci("a trend value", "a trend interval", e.value, e.ci95)?;
            }
        }
        Ok(())
    }

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        labels: &TrendLabels,
    ) -> Result<(), ChartError> {
        draw_trend(area, self, labels)
    }

    /// A one-sentence summary: each series' values by period.
    fn summary(&self, labels: &TrendLabels) -> String {
        let mark = clean(&labels.text.suppressed);
        let parts: Vec<String> = self
            .series
            .iter()
            .map(|s| {
                let values: Vec<String> = self
                    .periods
                    .iter()
                    .zip(&s.values)
                    .filter_map(|(p, v)| match v {
                        Datum::Shown(e) => Some(format!(
                            "{} {}",
                            clean(p),
                            number(e.value, 1, labels.text.decimal_comma)
                        )),
                        Datum::Suppressed => Some(format!("{} {mark}", clean(p))),
                        Datum::Missing => None,
                    })
                    .collect();
                format!("{}: {}", clean(&s.name), values.join(", "))
            })
            .collect();
        format!("{}.", parts.join("; "))
    }
}

/// Renders [`draw_trend`] to an accessible SVG document.
pub fn trend_svg(
    input: &TrendInput,
    labels: &TrendLabels,
    width: u32,
    height: u32,
    id_prefix: &str,
) -> Result<String, ChartError> {
    svg::chart_svg(input, labels, width, height, id_prefix)
}
