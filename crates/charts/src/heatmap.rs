//! Groups × dimensions of 0–100 values.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use serde::{Deserialize, Serialize};

use crate::layout::{label_column, line_height, Canvas, Opened};
use crate::style::{
    clean, number, sequential, text_on, text_width, truncate, wrap, GRID, LABEL_PX, MUTED, PAD,
    SMALL_PX, TEXT,
};
use crate::{check_count, check_finite, svg, ChartError, ChartText, Datum};

/// The data of a heat map: `values[row][column]`, each 0–100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeatmapInput {
    /// Row labels (say departments), top to bottom.
    pub rows: Vec<String>,
    /// Column labels (say dimensions), left to right.
    pub columns: Vec<String>,
    /// One row of values per row label, one value per column.
    pub values: Vec<Vec<Datum<f64>>>,
}

/// The texts of a heat map.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HeatmapLabels {
    /// Title, description, suppression mark.
    pub text: ChartText,
    /// The caption of the colour scale (say "Index, 0–100"); empty for none.
    pub scale: String,
}

/// Draws a heat map: a cell per row and column coloured by its value, with the value
/// printed in it; a suppressed cell is grey and hatched with the suppression mark.
pub fn draw_heatmap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &HeatmapInput,
    labels: &HeatmapLabels,
) -> Result<(), ChartError> {
    svg::Chart::validate(input, labels)?;
    let any_suppressed = input.values.iter().flatten().any(Datum::is_suppressed);
    let Opened {
        c,
        top,
        mut bottom,
        mark,
    } = Canvas::open(area, &labels.text, &[], any_suppressed)?;

    let rows: Vec<String> = input.rows.iter().map(|r| clean(r)).collect();
    let row_refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    let col = label_column(&row_refs, c.width, 0.3);
    let left = PAD + col + 8;
    let grid_w = c.width - PAD - left;
    let ncols = input.columns.len().max(1) as i32;
    let cell_w = grid_w / ncols;

    // The colour scale: a strip from 0 to 100 with its caption.
    let scale_h = 30;
    {
        let y = bottom - scale_h + 4;
        let strip_w = (cell_w * ncols).min(200);
        let steps = 20;
        for i in 0..steps {
            let x0 = left + strip_w * i / steps;
            let x1 = left + strip_w * (i + 1) / steps;
            let v = 100.0 * (f64::from(i) + 0.5) / f64::from(steps);
            c.fill((x0, y), (x1, y + 10), sequential(v))?;
        }
        for v in [0, 50, 100] {
            let x = left + strip_w * v / 100;
            c.text(
                &v.to_string(),
                (x, y + 12),
                SMALL_PX,
                false,
                MUTED,
                HPos::Center,
                VPos::Top,
            )?;
        }
        let caption = clean(&labels.scale);
        let room = f64::from(c.width - PAD - (left + strip_w + 12));
        if !caption.is_empty() && room > 40.0 {
            c.text(
                &truncate(&caption, room, SMALL_PX),
                (left + strip_w + 12, y + 5),
                SMALL_PX,
                false,
                MUTED,
                HPos::Left,
                VPos::Center,
            )?;
        }
        bottom -= scale_h + 6;
    }

    // Column headers, wrapped to the cell width.
    let headers: Vec<Vec<String>> = input
        .columns
        .iter()
        .map(|h| wrap(&clean(h), f64::from(cell_w - 6), SMALL_PX, 4))
        .collect();
    let header_lines = headers.iter().map(Vec::len).max().unwrap_or(1) as i32;
    let header_h = header_lines * line_height(SMALL_PX) + 6;
    let grid_top = top + header_h;
    for (j, lines) in headers.iter().enumerate() {
        let x = left + cell_w * j as i32 + cell_w / 2;
        // Bottom-aligned, so short headers sit on the grid.
        let mut y = grid_top - 4 - line_height(SMALL_PX) * lines.len() as i32;
        for line in lines {
            c.text(line, (x, y), SMALL_PX, false, TEXT, HPos::Center, VPos::Top)?;
            y += line_height(SMALL_PX);
        }
    }

    let nrows = input.rows.len().max(1) as i32;
    let cell_h = ((bottom - grid_top) / nrows).clamp(12, 40);
    let value_px = if cell_h >= 20 && cell_w >= 36 {
        LABEL_PX
    } else {
        SMALL_PX
    };
    for (i, (label, row)) in rows.iter().zip(&input.values).enumerate() {
        let y0 = grid_top + cell_h * i as i32;
        c.category_label(label, f64::from(col), cell_h, left - 8, y0 + cell_h / 2)?;
        for (j, v) in row.iter().enumerate() {
            let x0 = left + cell_w * j as i32;
            let (a, b) = ((x0 + 1, y0 + 1), (x0 + cell_w - 1, y0 + cell_h - 1));
            let centre = ((a.0 + b.0) / 2, (a.1 + b.1) / 2);
            match v {
                Datum::Shown(v) => {
                    let fill = sequential(*v);
                    c.fill(a, b, fill)?;
                    let s = number(*v, 0, false);
                    if text_width(&s, value_px) + 4.0 <= f64::from(cell_w) {
                        c.text(
                            &s,
                            centre,
                            value_px,
                            false,
                            text_on(fill),
                            HPos::Center,
                            VPos::Center,
                        )?;
                    }
                }
                Datum::Suppressed => c.hatched(a, b, &mark)?,
                Datum::Missing => {
                    c.line(vec![a, (b.0, a.1), b, (a.0, b.1), a], GRID, 1)?;
                    c.text(
                        "—",
                        centre,
                        SMALL_PX,
                        false,
                        MUTED,
                        HPos::Center,
                        VPos::Center,
                    )?;
                }
            }
        }
    }
    Ok(())
}

impl svg::Chart for HeatmapInput {
    type Labels = HeatmapLabels;

    fn text(labels: &HeatmapLabels) -> &ChartText {
        &labels.text
    }

    fn validate(&self, _labels: &HeatmapLabels) -> Result<(), ChartError> {
        if self.values.len() != self.rows.len() {
            return Err(ChartError::Input(format!(
                "{} rows of values for {} row labels",
                self.values.len(),
                self.rows.len()
            )));
        }
        for (label, row) in self.rows.iter().zip(&self.values) {
            check_count(
                format_args!("row {label:?}"),
                row.len(),
                "values",
                self.columns.len(),
                "columns",
            )?;
            let shown: Vec<f64> = row.iter().filter_map(Datum::shown).copied().collect();
            check_finite("a heat-map value", &shown)?;
        }
        Ok(())
    }

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        labels: &HeatmapLabels,
    ) -> Result<(), ChartError> {
        draw_heatmap(area, self, labels)
    }

    fn summary(&self, labels: &HeatmapLabels) -> String {
        let mark = clean(&labels.text.suppressed);
        let parts: Vec<String> = self
            .rows
            .iter()
            .zip(&self.values)
            .map(|(r, row)| {
                let cells: Vec<String> = self
                    .columns
                    .iter()
                    .zip(row)
                    .filter_map(|(col, v)| match v {
                        Datum::Shown(v) => Some(format!("{} {}", clean(col), number(*v, 0, false))),
                        Datum::Suppressed => Some(format!("{} {mark}", clean(col))),
                        Datum::Missing => None,
                    })
                    .collect();
                format!("{}: {}", clean(r), cells.join(", "))
            })
            .collect();
        format!("{}.", parts.join("; "))
    }
}

/// Renders [`draw_heatmap`] to an accessible SVG document.
pub fn heatmap_svg(
    input: &HeatmapInput,
    labels: &HeatmapLabels,
    width: u32,
    height: u32,
    id_prefix: &str,
) -> Result<String, ChartError> {
    svg::chart_svg(input, labels, width, height, id_prefix)
}
