//! Diverging stacked bars of answer distributions.

use otklik_analytics::{Fig, ItemStats};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use serde::{Deserialize, Serialize};

use crate::layout::{
    bar_mesh, bar_thickness, cartesian, label_area, label_column, row_height, Canvas, Frame,
    LegendEntry, Opened, Swatch,
};
use crate::style::{
    clean, diverging, percent, text_on, text_width, AXIS, BACKGROUND, MUTED, PAD, SMALL_PX,
};
use crate::{check_count, check_finite, svg, ChartError, ChartText, Datum};

/// One item (statement) of a scale with the shares of its answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LikertItem {
    /// The item's text.
    pub label: String,
    /// The share (0–1) of each value, lowest first; `points` of them.
    pub shares: Datum<Vec<f64>>,
}

impl LikertItem {
    /// The item from its analysis figure: shares from the counts `dist`.
    pub fn from_item(label: impl Into<String>, fig: &Fig<ItemStats>) -> Self {
        LikertItem {
            label: label.into(),
            shares: match fig {
                Fig::Shown(s) => Datum::Shown(shares(&s.dist)),
                Fig::Suppressed => Datum::Suppressed,
            },
        }
    }
}

/// Counts to shares (all zero when there are no answers).
pub(crate) fn shares(counts: &[u32]) -> Vec<f64> {
    let total: f64 = counts.iter().map(|&c| f64::from(c)).sum();
    counts
        .iter()
        .map(|&c| {
            if total > 0.0 {
                f64::from(c) / total
            } else {
                0.0
            }
        })
        .collect()
}

/// The data of a Likert chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LikertInput {
    /// Points of the scale, 2 to 11.
    pub points: usize,
    /// The items, drawn top to bottom.
    pub items: Vec<LikertItem>,
}

/// The texts of a Likert chart.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LikertLabels {
    /// Title, description, suppression mark.
    pub text: ChartText,
    /// Name of the x axis (say "Share of answers"); empty for none.
    pub x_axis: String,
    /// The legend's name of each value, lowest first (say "1 — disagree"); empty for
    /// the numbers 1…m.
    pub values: Vec<String>,
}

/// Shares normalised to sum to 1 (a zero total stays zero).
fn normalised(s: &[f64]) -> Vec<f64> {
    let total: f64 = s.iter().sum();
    s.iter()
        .map(|&x| if total > 0.0 { x / total } else { 0.0 })
        .collect()
}

/// Where the bar of `shares` starts: left of zero by the bottom values and half the
/// neutral one.
fn start(shares: &[f64]) -> f64 {
    let m = shares.len();
    let k = m / 2;
    let neutral = if m % 2 == 1 { shares[k] / 2.0 } else { 0.0 };
    -(shares[..k].iter().sum::<f64>() + neutral)
}

fn value_names(input: &LikertInput, labels: &LikertLabels) -> Vec<String> {
    if labels.values.is_empty() {
        (1..=input.points).map(|v| v.to_string()).collect()
    } else {
        labels.values.iter().map(|v| clean(v)).collect()
    }
}

/// Draws diverging stacked bars: per item, the bottom values to the left of zero, the
/// top values to the right and a neutral middle value centred on zero.
pub fn draw_likert<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &LikertInput,
    labels: &LikertLabels,
) -> Result<(), ChartError> {
    svg::Chart::validate(input, labels)?;
    let colors = diverging(input.points);
    let names = value_names(input, labels);
    let legend: Vec<LegendEntry> = names
        .iter()
        .zip(&colors)
        .map(|(name, &color)| LegendEntry {
            swatch: Swatch::Fill(color),
            label: name.clone(),
        })
        .collect();
    let any_suppressed = input.items.iter().any(|i| i.shares.is_suppressed());
    let Opened {
        c,
        top,
        bottom,
        mark,
    } = Canvas::open(area, &labels.text, &legend, any_suppressed)?;

    let items: Vec<String> = input.items.iter().map(|i| clean(&i.label)).collect();
    let item_refs: Vec<&str> = items.iter().map(String::as_str).collect();
    let col = label_column(&item_refs, c.width, 0.4);
    let x_axis = clean(&labels.x_axis);
    let x_label_area = label_area(&x_axis, 24);
    let frame = Frame {
        top: top + 2,
        bottom: c.height - bottom + x_label_area,
        left: PAD + col + 10,
        right: PAD + 10,
    };
    let shares: Vec<Option<Vec<f64>>> = input
        .items
        .iter()
        .map(|i| i.shares.shown().map(|s| normalised(s)))
        .collect();
    let reach = shares
        .iter()
        .flatten()
        .map(|s| {
            let left = -start(s);
            left.max(1.0 - left)
        })
        .fold(0.5_f64, f64::max);
    let reach = ((reach * 5.0 - 1e-9).ceil() / 5.0).clamp(0.2, 1.0);
    let n = input.items.len().max(1);
    let mut chart = cartesian(&c, &frame, -reach..reach, 0.0..n as f64, x_label_area, 0)?;
    let fmt_x = |v: &f64| percent(v.abs());
    let plot_w = {
        let (x0, _) = chart.backend_coord(&(-reach, 0.0));
        let (x1, _) = chart.backend_coord(&(reach, 0.0));
        x1 - x0
    };
    let ticks = (plot_w / 50).clamp(3, 11) as usize;
    bar_mesh(&mut chart, ticks, &fmt_x, &x_axis, false)?;

    let row_px = row_height(&chart);
    let thickness = bar_thickness(row_px, 0.62, 26.0);
    for (idx, (item, share)) in items.iter().zip(&shares).enumerate() {
        let yc = n as f64 - idx as f64 - 0.5;
        let (y_top, y_bottom) = (yc + thickness / 2.0, yc - thickness / 2.0);
        // The item's label, right-aligned in the label column.
        let (_, py) = c.rel(chart.backend_coord(&(0.0, yc)));
        c.category_label(item, f64::from(col), row_px, frame.left - 10, py)?;
        match (share, &input.items[idx].shares) {
            (Some(s), _) => {
                let mut x = start(s);
                for (v, &part) in s.iter().enumerate() {
                    if part <= 0.0 {
                        continue;
                    }
                    let a = c.rel(chart.backend_coord(&(x, y_top)));
                    let b = c.rel(chart.backend_coord(&(x + part, y_bottom)));
                    c.fill(a, b, colors[v])?;
                    // A white seam between segments.
                    c.line(vec![(b.0, a.1), (b.0, b.1)], BACKGROUND, 1)?;
                    let label = percent(part);
                    if f64::from(b.0 - a.0) >= text_width(&label, SMALL_PX) + 6.0 && row_px >= 14 {
                        c.text(
                            &label,
                            ((a.0 + b.0) / 2, (a.1 + b.1) / 2),
                            SMALL_PX,
                            false,
                            text_on(colors[v]),
                            HPos::Center,
                            VPos::Center,
                        )?;
                    }
                    x += part;
                }
            }
            (None, Datum::Suppressed) => {
                let p = c.rel(chart.backend_coord(&(0.0, yc)));
                c.plate(&mark, p, SMALL_PX, false, MUTED)?;
            }
            (None, _) => {}
        }
    }
    // Zero, over the bars.
    let a = c.rel(chart.backend_coord(&(0.0, n as f64)));
    let b = c.rel(chart.backend_coord(&(0.0, 0.0)));
    c.line(vec![a, b], AXIS, 1)?;
    Ok(())
}

impl svg::Chart for LikertInput {
    type Labels = LikertLabels;

    fn text(labels: &LikertLabels) -> &ChartText {
        &labels.text
    }

    fn validate(&self, labels: &LikertLabels) -> Result<(), ChartError> {
        if !(2..=11).contains(&self.points) {
            return Err(ChartError::Input(format!(
                "a scale of {} points (2 to 11 are drawn)",
                self.points
            )));
        }
        if !labels.values.is_empty() && labels.values.len() != self.points {
            return Err(ChartError::Input(format!(
                "{} value labels for {} points",
                labels.values.len(),
                self.points
            )));
        }
        for item in &self.items {
            if let Datum::Shown(s) = &item.shares {
                check_count(
                    format_args!("item {:?}", item.label),
                    s.len(),
                    "shares",
                    self.points,
                    "points",
                )?;
                check_finite("a share", s)?;
                if s.iter().any(|&x| x < 0.0) {
                    return Err(ChartError::Input("a negative share".into()));
                }
            }
        }
        Ok(())
    }

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        labels: &LikertLabels,
    ) -> Result<(), ChartError> {
        draw_likert(area, self, labels)
    }

    fn summary(&self, labels: &LikertLabels) -> String {
        let names = value_names(self, labels);
        let mark = clean(&labels.text.suppressed);
        let parts: Vec<String> = self
            .items
            .iter()
            .map(|i| {
                i.shares.entry(&i.label, &mark, |s| {
                    let s = normalised(s);
                    let values: Vec<String> = names
                        .iter()
                        .zip(&s)
                        .map(|(n, &x)| format!("{n} {}", percent(x)))
                        .collect();
                    values.join(", ")
                })
            })
            .collect();
        format!("{}.", parts.join("; "))
    }
}

/// Renders [`draw_likert`] to an accessible SVG document.
pub fn likert_svg(
    input: &LikertInput,
    labels: &LikertLabels,
    width: u32,
    height: u32,
    id_prefix: &str,
) -> Result<String, ChartError> {
    svg::chart_svg(input, labels, width, height, id_prefix)
}
