//! Detractors, passives and promoters per group, with the NPS.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use serde::{Deserialize, Serialize};

use crate::layout::{
    bar_mesh, bar_thickness, cartesian, label_area, label_column, row_height, Canvas, Frame,
    LegendEntry, Opened, Swatch,
};
use crate::style::{
    clean, percent, signed, text_on, text_width, truncate, BACKGROUND, LABEL_PX, NEG_STRONG,
    NEUTRAL, PAD, POS_STRONG, SMALL_PX, TEXT,
};
use crate::{check_finite, svg, ChartError, ChartText, Datum};

/// The composition of one group's answers and its NPS.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NpsParts {
    /// Share (0–1) answering 0–6.
    pub detractors: f64,
    /// Share answering 7–8.
    pub passives: f64,
    /// Share answering 9–10.
    pub promoters: f64,
    /// The NPS, −100 to 100.
    pub nps: f64,
}

impl NpsParts {
    /// Shares and the NPS from the three counts (all zero when there are none).
    pub fn from_counts(detractors: u64, passives: u64, promoters: u64) -> Self {
        let n = (detractors + passives + promoters) as f64;
        let share = |x: u64| if n > 0.0 { x as f64 / n } else { 0.0 };
        NpsParts {
            detractors: share(detractors),
            passives: share(passives),
            promoters: share(promoters),
            nps: 100.0 * (share(promoters) - share(detractors)),
        }
    }
}

/// One bar of the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NpsGroup {
    /// The group's name.
    pub label: String,
    /// Its composition.
    pub value: Datum<NpsParts>,
}

/// The data of an NPS chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NpsInput {
    /// The groups, top to bottom.
    pub groups: Vec<NpsGroup>,
}

/// The texts of an NPS chart.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NpsLabels {
    /// Title, description, suppression mark.
    pub text: ChartText,
    /// Name of the x axis (say "Share of answers"); empty for none.
    pub x_axis: String,
    /// Legend entry of 0–6.
    pub detractors: String,
    /// Legend entry of 7–8.
    pub passives: String,
    /// Legend entry of 9–10.
    pub promoters: String,
    /// The heading of the printed scores (say "NPS" or "eNPS").
    pub score: String,
}

const DETRACTORS: RGBColor = NEG_STRONG;
const PASSIVES: RGBColor = NEUTRAL;
const PROMOTERS: RGBColor = POS_STRONG;

/// Draws a 100% bar per group (detractors, passives, promoters, left to right) with
/// the group's NPS printed beside it.
pub fn draw_nps<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &NpsInput,
    labels: &NpsLabels,
) -> Result<(), ChartError> {
    svg::Chart::validate(input, labels)?;
    let text = &labels.text;
    let legend = vec![
        LegendEntry {
            swatch: Swatch::Fill(DETRACTORS),
            label: clean(&labels.detractors),
        },
        LegendEntry {
            swatch: Swatch::Fill(PASSIVES),
            label: clean(&labels.passives),
        },
        LegendEntry {
            swatch: Swatch::Fill(PROMOTERS),
            label: clean(&labels.promoters),
        },
    ];
    let any_suppressed = input.groups.iter().any(|g| g.value.is_suppressed());
    let Opened {
        c,
        top,
        bottom,
        mark,
    } = Canvas::open(area, text, &legend, any_suppressed)?;

    let names: Vec<String> = input.groups.iter().map(|g| clean(&g.label)).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let col = label_column(&refs, c.width, 0.3);
    let score = truncate(&clean(&labels.score), 90.0, LABEL_PX);
    let score_w =
        (text_width(&score, LABEL_PX).max(text_width("+100", LABEL_PX)) + 16.0).ceil() as i32;
    let x_axis = clean(&labels.x_axis);
    let x_label_area = label_area(&x_axis, 24);
    let frame = Frame {
        top: top + line_height_px() + 4,
        bottom: c.height - bottom + x_label_area,
        left: PAD + col + 10,
        right: PAD + score_w,
    };
    let n = input.groups.len().max(1);
    let mut chart = cartesian(&c, &frame, 0.0..1.0, 0.0..n as f64, x_label_area, 0)?;
    let fmt_x = |v: &f64| percent(*v);
    bar_mesh(&mut chart, 6, &fmt_x, &x_axis, true)?;
    let score_x = c.width - PAD - score_w / 2;
    c.text(
        &score,
        (score_x, frame.top - 4),
        LABEL_PX,
        true,
        TEXT,
        HPos::Center,
        VPos::Bottom,
    )?;

    let row_px = row_height(&chart);
    let thickness = bar_thickness(row_px, 0.62, 26.0);
    for (idx, (name, g)) in names.iter().zip(&input.groups).enumerate() {
        let yc = n as f64 - idx as f64 - 0.5;
        let (_, py) = c.rel(chart.backend_coord(&(0.0, yc)));
        c.category_label(name, f64::from(col), row_px, frame.left - 10, py)?;
        match &g.value {
            Datum::Shown(p) => {
                let total = p.detractors + p.passives + p.promoters;
                let mut x = 0.0;
                for (part, color) in [
                    (p.detractors, DETRACTORS),
                    (p.passives, PASSIVES),
                    (p.promoters, PROMOTERS),
                ] {
                    let part = if total > 0.0 { part / total } else { 0.0 };
                    if part <= 0.0 {
                        continue;
                    }
                    let a = c.rel(chart.backend_coord(&(x, yc + thickness / 2.0)));
                    let b = c.rel(chart.backend_coord(&(x + part, yc - thickness / 2.0)));
                    c.fill(a, b, color)?;
                    c.line(vec![(b.0, a.1), (b.0, b.1)], BACKGROUND, 1)?;
                    let label = percent(part);
                    if f64::from(b.0 - a.0) >= text_width(&label, SMALL_PX) + 6.0 && row_px >= 14 {
                        c.text(
                            &label,
                            ((a.0 + b.0) / 2, (a.1 + b.1) / 2),
                            SMALL_PX,
                            false,
                            text_on(color),
                            HPos::Center,
                            VPos::Center,
                        )?;
                    }
                    x += part;
                }
                let s = signed(p.nps, 0, text.decimal_comma);
                c.text(
                    &s,
                    (score_x, py),
                    LABEL_PX,
                    true,
                    TEXT,
                    HPos::Center,
                    VPos::Center,
                )?;
            }
            Datum::Suppressed => {
                c.suppressed_mark(&mark, c.rel(chart.backend_coord(&(0.0, yc))))?;
            }
            Datum::Missing => {}
        }
    }
    Ok(())
}

fn line_height_px() -> i32 {
    crate::layout::line_height(LABEL_PX)
}

impl svg::Chart for NpsInput {
    type Labels = NpsLabels;

    fn text(labels: &NpsLabels) -> &ChartText {
        &labels.text
    }

    fn validate(&self, _labels: &NpsLabels) -> Result<(), ChartError> {
        for g in &self.groups {
            if let Datum::Shown(p) = &g.value {
                check_finite(
                    "an NPS part",
                    &[p.detractors, p.passives, p.promoters, p.nps],
                )?;
                if p.detractors < 0.0 || p.passives < 0.0 || p.promoters < 0.0 {
                    return Err(ChartError::Input("a negative NPS share".into()));
                }
            }
        }
        Ok(())
    }

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        labels: &NpsLabels,
    ) -> Result<(), ChartError> {
        draw_nps(area, self, labels)
    }

    fn summary(&self, labels: &NpsLabels) -> String {
        let mark = clean(&labels.text.suppressed);
        let score = clean(&labels.score);
        let parts: Vec<String> = self
            .groups
            .iter()
            .map(|g| {
                g.value.entry(&g.label, &mark, |p| {
                    format!(
                        "{score} {} ({} {}, {} {}, {} {})",
                        signed(p.nps, 0, labels.text.decimal_comma),
                        clean(&labels.detractors),
                        percent(p.detractors),
                        clean(&labels.passives),
                        percent(p.passives),
                        clean(&labels.promoters),
                        percent(p.promoters),
                    )
                })
            })
            .collect();
        format!("{}.", parts.join("; "))
    }
}

/// Renders [`draw_nps`] to an accessible SVG document.
pub fn nps_svg(
    input: &NpsInput,
    labels: &NpsLabels,
    width: u32,
    height: u32,
    id_prefix: &str,
) -> Result<String, ChartError> {
    svg::chart_svg(input, labels, width, height, id_prefix)
}
