//! Importance against performance of the drivers of the level.

use otklik_analytics::DriverStats;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use serde::{Deserialize, Serialize};

use crate::layout::{
    line_height, marker, mesh_style, xy_chart, Canvas, LegendEntry, Opened, Swatch,
};
use crate::style::{
    clean, number, text_width, truncate, AXIS, BOLD, LABEL_PX, MUTED, PAD, PRIORITY, PRIORITY_ZONE,
    SERIES, SMALL_PX, TEXT,
};
use crate::{check_finite, svg, ChartError, ChartText, Datum};

/// A driver's position.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DriverPoint {
    /// Importance: Pearson's r with the level.
    pub importance: f64,
    /// Performance: the item's index, 0–100.
    pub performance: f64,
    /// High importance and low performance: highlighted and always labelled.
    pub priority: bool,
}

impl From<&DriverStats> for DriverPoint {
    fn from(d: &DriverStats) -> Self {
        DriverPoint {
            importance: d.importance,
            performance: d.performance,
            priority: d.priority,
        }
    }
}

/// One item of the quadrant chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuadrantPoint {
    /// The item's (short) text.
    pub label: String,
    /// Its position; suppressed items are named in the footnote.
    pub value: Datum<DriverPoint>,
}

impl QuadrantInput {
    /// A group's drivers, named by `label(question id)`, divided at the medians the
    /// analysis gives.
    pub fn of_drivers(g: &otklik_analytics::GroupStats, label: impl Fn(&str) -> String) -> Self {
        QuadrantInput {
            points: g
                .drivers
                .iter()
                .map(|(id, f)| QuadrantPoint {
                    label: label(id),
                    value: Datum::from(f),
                })
                .collect(),
            median_importance: g.driver_medians.map(|m| m.importance),
            median_performance: g.driver_medians.map(|m| m.performance),
        }
    }
}

/// The data of a quadrant chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuadrantInput {
    /// The items.
    pub points: Vec<QuadrantPoint>,
    /// Where to draw the vertical median line; the median of the shown points when
    /// `None`.
    #[serde(default)]
    pub median_importance: Option<f64>,
    /// Where to draw the horizontal median line; the median of the shown points when
    /// `None`.
    #[serde(default)]
    pub median_performance: Option<f64>,
}

/// The texts of a quadrant chart.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuadrantLabels {
    /// Title, description, suppression mark and note.
    pub text: ChartText,
    /// Name of the x axis (say "Importance, r").
    pub x_axis: String,
    /// Name of the y axis (say "Performance, index 0–100").
    pub y_axis: String,
    /// Legend entry of priority items (say "Priority: important, performing below the median").
    pub priority: String,
    /// Legend entry of the other items.
    pub other: String,
    /// Legend entry of the median lines; empty for none.
    pub median: String,
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    })
}

/// Columns of the key under the plot for a chart `width` pixels wide.
fn key_columns(width: i32) -> i32 {
    if width >= 1000 {
        3
    } else if width >= 520 {
        2
    } else {
        1
    }
}

/// The height of the key that names the numbered points.
fn key_height(shown: usize, width: i32) -> i32 {
    if shown == 0 {
        return 0;
    }
    let rows = (shown as i32 + key_columns(width) - 1) / key_columns(width);
    rows * line_height(SMALL_PX) + 10
}

/// A height for a quadrant chart `width` pixels wide that leaves its plot about
/// `plot` pixels high whatever the number of points in its key.
pub fn quadrant_height(input: &QuadrantInput, width: u32, plot: u32) -> u32 {
    let shown = input
        .points
        .iter()
        .filter(|p| p.value.shown().is_some())
        .count();
    plot + key_height(shown, width as i32).max(0) as u32
}

/// A rectangle in pixels.
#[derive(Clone, Copy)]
struct BoxPx {
    x0: i32,
    y0: i32,
    x1: i32,
    y1: i32,
}

impl BoxPx {
    fn overlaps(&self, o: &BoxPx) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
    fn inside(&self, o: &BoxPx) -> bool {
        self.x0 >= o.x0 && self.x1 <= o.x1 && self.y0 >= o.y0 && self.y1 <= o.y1
    }
}

/// Draws importance (x) against performance (y) with median lines; the priority
/// quadrant (important, performing below the median) is shaded, its items highlighted
/// and labelled; other items are labelled where there is room.
pub fn draw_quadrant<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &QuadrantInput,
    labels: &QuadrantLabels,
) -> Result<(), ChartError> {
    svg::Chart::validate(input, labels)?;
    let text = &labels.text;
    let shown: Vec<(String, DriverPoint)> = input
        .points
        .iter()
        .filter_map(|p| p.value.shown().map(|d| (clean(&p.label), *d)))
        .collect();
    let suppressed: Vec<String> = input
        .points
        .iter()
        .filter(|p| p.value.is_suppressed())
        .map(|p| clean(&p.label))
        .collect();
    let med_x = input
        .median_importance
        .or_else(|| median(shown.iter().map(|(_, d)| d.importance).collect()));
    let med_y = input
        .median_performance
        .or_else(|| median(shown.iter().map(|(_, d)| d.performance).collect()));

    let mut legend = vec![
        LegendEntry {
            swatch: Swatch::Marker(3, PRIORITY),
            label: clean(&labels.priority),
        },
        LegendEntry {
            swatch: Swatch::Marker(0, SERIES[0]),
            label: clean(&labels.other),
        },
    ];
    let median_label = clean(&labels.median);
    if !median_label.is_empty() {
        legend.push(LegendEntry {
            swatch: Swatch::Dashed(AXIS),
            label: median_label,
        });
    }
    let note = if suppressed.is_empty() {
        None
    } else {
        let head = text
            .suppressed_note
            .as_deref()
            .map(clean)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| clean(&text.suppressed));
        Some(format!("{head}: {}", suppressed.join(", ")))
    };
    let Opened { c, top, bottom, .. } =
        Canvas::open_with_note(area, text, &legend, note.as_deref(), true)?;
    // The key under the plot: each point's number and its item.
    let key_h = key_height(shown.len(), c.width);
    let bottom = bottom - key_h;
    // The key's first line, below the x axis's labels.
    let key_top = bottom + 8;

    // Ranges: the data with some air, on round numbers.
    let xs = shown.iter().map(|(_, d)| d.importance).chain(med_x);
    let (x_min, x_max) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
        (a.min(x), b.max(x))
    });
    let (mut x_lo, mut x_hi) = if x_min.is_finite() {
        (
            ((x_min - 0.05) * 10.0).floor() / 10.0,
            ((x_max + 0.05) * 10.0).ceil() / 10.0,
        )
    } else {
        (0.0, 1.0)
    };
    x_lo = x_lo.max(-1.0);
    x_hi = x_hi.min(1.0);
    if x_hi - x_lo < 0.2 {
        x_hi = (x_lo + 0.2).min(1.0);
        x_lo = x_hi - 0.2;
    }
    let ys = shown.iter().map(|(_, d)| d.performance).chain(med_y);
    let (y_min, y_max) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
        (a.min(y), b.max(y))
    });
    let (mut y_lo, mut y_hi) = if y_min.is_finite() {
        (
            ((y_min - 5.0) / 10.0).floor() * 10.0,
            ((y_max + 5.0) / 10.0).ceil() * 10.0,
        )
    } else {
        (0.0, 100.0)
    };
    y_lo = y_lo.max(0.0);
    y_hi = y_hi.min(100.0);
    if y_hi - y_lo < 20.0 {
        y_hi = (y_lo + 20.0).min(100.0);
        y_lo = y_hi - 20.0;
    }

    let x_axis = clean(&labels.x_axis);
    let y_axis = clean(&labels.y_axis);
    let mut chart = xy_chart(
        &c,
        top,
        bottom,
        (&x_axis, &y_axis),
        (24, 36),
        x_lo..x_hi,
        y_lo..y_hi,
    )?;
    let fmt_x = |v: &f64| number(*v, 1, text.decimal_comma);
    let fmt_y = |v: &f64| number(*v, 0, text.decimal_comma);
    let plot = {
        let (x0, y0) = c.rel(chart.backend_coord(&(x_lo, y_hi)));
        let (x1, y1) = c.rel(chart.backend_coord(&(x_hi, y_lo)));
        BoxPx { x0, y0, x1, y1 }
    };
    // The priority quadrant, under the grid.
    if let (Some(mx), Some(my)) = (med_x, med_y) {
        let a = c.rel(chart.backend_coord(&(mx.clamp(x_lo, x_hi), my.clamp(y_lo, y_hi))));
        let b = c.rel(chart.backend_coord(&(x_hi, y_lo)));
        c.fill(a, b, PRIORITY_ZONE)?;
    }
    {
        let mut mesh = mesh_style(&mut chart);
        mesh.x_labels(8)
            .y_labels(6)
            .x_label_formatter(&fmt_x)
            .y_label_formatter(&fmt_y);
        if !x_axis.is_empty() {
            mesh.x_desc(truncate(&x_axis, f64::from(plot.x1 - plot.x0), LABEL_PX));
        }
        if !y_axis.is_empty() {
            mesh.y_desc(truncate(&y_axis, f64::from(plot.y1 - plot.y0), LABEL_PX));
        }
        mesh.draw()?;
    }
    if let Some(mx) = med_x {
        let a = c.rel(chart.backend_coord(&(mx, y_hi)));
        let b = c.rel(chart.backend_coord(&(mx, y_lo)));
        c.area.draw(&plotters::element::DashedPathElement::new(
            vec![a, b],
            5,
            4,
            AXIS.stroke_width(1),
        ))?;
    }
    if let Some(my) = med_y {
        let a = c.rel(chart.backend_coord(&(x_lo, my)));
        let b = c.rel(chart.backend_coord(&(x_hi, my)));
        c.area.draw(&plotters::element::DashedPathElement::new(
            vec![a, b],
            5,
            4,
            AXIS.stroke_width(1),
        ))?;
    }

    // Points: others first, priority on top.
    let pixel: Vec<(i32, i32)> = shown
        .iter()
        .map(|(_, d)| {
            c.rel(chart.backend_coord(&(
                d.importance.clamp(x_lo, x_hi),
                d.performance.clamp(y_lo, y_hi),
            )))
        })
        .collect();
    let mut taken: Vec<BoxPx> = pixel
        .iter()
        .map(|&(x, y)| BoxPx {
            x0: x - 6,
            y0: y - 6,
            x1: x + 6,
            y1: y + 6,
        })
        .collect();
    for pass in [false, true] {
        for ((_, d), &p) in shown.iter().zip(&pixel) {
            if d.priority == pass {
                if pass {
                    marker(&c, 3, p, 5, PRIORITY)?;
                } else {
                    marker(&c, 0, p, 4, SERIES[0])?;
                }
            }
        }
    }

    // Numbers beside the points (priority items first), each where it covers no
    // other mark or number, or else where it covers the fewest; the key below names
    // them. Numbers never collide with long labels, whatever the items' texts.
    let mut order: Vec<usize> = (0..shown.len()).collect();
    order.sort_by_key(|&i| !shown[i].1.priority);
    for i in order {
        let d = &shown[i].1;
        let s = (i + 1).to_string();
        let (color, bold) = if d.priority {
            (TEXT, true)
        } else {
            (MUTED, false)
        };
        let factor = if bold { BOLD } else { 1.0 };
        let w = (text_width(&s, SMALL_PX) * factor).ceil() as i32;
        let h = line_height(SMALL_PX);
        let (x, y) = pixel[i];
        let candidates = [
            (
                BoxPx {
                    x0: x + 7,
                    y0: y - h / 2,
                    x1: x + 7 + w,
                    y1: y + h / 2,
                },
                (x + 7, y),
                HPos::Left,
            ),
            (
                BoxPx {
                    x0: x - 7 - w,
                    y0: y - h / 2,
                    x1: x - 7,
                    y1: y + h / 2,
                },
                (x - 7, y),
                HPos::Right,
            ),
            (
                BoxPx {
                    x0: x - w / 2,
                    y0: y - 6 - h,
                    x1: x + w / 2 + 1,
                    y1: y - 6,
                },
                (x, y - 6 - h / 2),
                HPos::Center,
            ),
            (
                BoxPx {
                    x0: x - w / 2,
                    y0: y + 6,
                    x1: x + w / 2 + 1,
                    y1: y + 6 + h,
                },
                (x, y + 6 + h / 2),
                HPos::Center,
            ),
            (
                BoxPx {
                    x0: x + 5,
                    y0: y - 5 - h,
                    x1: x + 5 + w,
                    y1: y - 5,
                },
                (x + 5, y - 5 - h / 2),
                HPos::Left,
            ),
            (
                BoxPx {
                    x0: x + 5,
                    y0: y + 5,
                    x1: x + 5 + w,
                    y1: y + 5 + h,
                },
                (x + 5, y + 5 + h / 2),
                HPos::Left,
            ),
            (
                BoxPx {
                    x0: x - 5 - w,
                    y0: y - 5 - h,
                    x1: x - 5,
                    y1: y - 5,
                },
                (x - 5, y - 5 - h / 2),
                HPos::Right,
            ),
            (
                BoxPx {
                    x0: x - 5 - w,
                    y0: y + 5,
                    x1: x - 5,
                    y1: y + 5 + h,
                },
                (x - 5, y + 5 + h / 2),
                HPos::Right,
            ),
        ];
        // The point's own marker does not count against its number.
        let others: Vec<BoxPx> = taken
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, b)| *b)
            .collect();
        let crowding = |b: &BoxPx| others.iter().filter(|o| o.overlaps(b)).count();
        let chosen = candidates
            .iter()
            .filter(|(b, _, _)| b.inside(&plot))
            .min_by_key(|(b, _, _)| crowding(b))
            .unwrap_or(&candidates[0]);
        let (b, anchor, hpos) = chosen;
        c.text(&s, *anchor, SMALL_PX, bold, color, *hpos, VPos::Center)?;
        taken.push(*b);
    }

    // The key.
    if key_h > 0 {
        let cols = key_columns(c.width);
        let col_w = (c.width - 2 * PAD) / cols;
        let rows = (shown.len() as i32 + cols - 1) / cols;
        let lh = line_height(SMALL_PX);
        let top = key_top;
        for (i, (label, d)) in shown.iter().enumerate() {
            let (col, row) = (i as i32 / rows, i as i32 % rows);
            let x = PAD + col * col_w;
            let y = top + row * lh + lh / 2;
            let (color, bold) = if d.priority {
                (TEXT, true)
            } else {
                (MUTED, false)
            };
            let factor = if bold { BOLD } else { 1.0 };
            let entry = format!("{} {}", i + 1, label);
            let entry = truncate(&entry, f64::from(col_w - 8) / factor, SMALL_PX);
            c.text(
                &entry,
                (x, y),
                SMALL_PX,
                bold,
                color,
                HPos::Left,
                VPos::Center,
            )?;
        }
    }
    Ok(())
}

impl svg::Chart for QuadrantInput {
    type Labels = QuadrantLabels;

    fn text(labels: &QuadrantLabels) -> &ChartText {
        &labels.text
    }

    fn validate(&self, _labels: &QuadrantLabels) -> Result<(), ChartError> {
        for p in self.points.iter().filter_map(|p| p.value.shown()) {
            check_finite("a driver", &[p.importance, p.performance])?;
        }
        let medians: Vec<f64> = [self.median_importance, self.median_performance]
            .into_iter()
            .flatten()
            .collect();
        check_finite("a median", &medians)
    }

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        labels: &QuadrantLabels,
    ) -> Result<(), ChartError> {
        draw_quadrant(area, self, labels)
    }

    fn summary(&self, labels: &QuadrantLabels) -> String {
        let comma = labels.text.decimal_comma;
        let mark = clean(&labels.text.suppressed);
        let parts: Vec<String> = self
            .points
            .iter()
            .map(|p| {
                p.value.entry(&p.label, &mark, |d| {
                    format!(
                        "r {}, {}{}",
                        number(d.importance, 2, comma),
                        number(d.performance, 0, comma),
                        if d.priority {
                            format!(" ({})", clean(&labels.priority))
                        } else {
                            String::new()
                        }
                    )
                })
            })
            .collect();
        format!("{}.", parts.join("; "))
    }
}

/// Renders [`draw_quadrant`] to an accessible SVG document.
pub fn quadrant_svg(
    input: &QuadrantInput,
    labels: &QuadrantLabels,
    width: u32,
    height: u32,
    id_prefix: &str,
) -> Result<String, ChartError> {
    svg::chart_svg(input, labels, width, height, id_prefix)
}

#[cfg(test)]
mod tests {
    #[test]
    fn median_of_even_and_odd() {
        assert_eq!(super::median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(super::median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(super::median(vec![]), None);
    }
}
