//! Drawing helpers shared by the charts: the title, the legend, the footnote, markers,
//! category labels and a Cartesian chart with the house style.

use std::ops::Range;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::style::{
    clean, font, text_width, truncate, wrap, AXIS, BACKGROUND, BOLD, GRID, HATCH, LABEL_PX, MUTED,
    PAD, SMALL_PX, SUPPRESSED_FILL, TEXT, TITLE_PX,
};
use crate::{check_size, ChartError, ChartText};

/// A Cartesian chart over two `f64` axes.
pub(crate) type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// A chart's canvas with its title, legend and footnote drawn.
pub(crate) struct Opened<'a, DB: DrawingBackend> {
    /// The canvas.
    pub c: Canvas<'a, DB>,
    /// The y where the chart starts, below the title and the legend.
    pub top: i32,
    /// The y where the chart ends, above the footnote.
    pub bottom: i32,
    /// The mark of a suppressed figure, cleaned.
    pub mark: String,
}

/// The area a chart draws on, with pixel helpers in the area's own coordinates.
pub(crate) struct Canvas<'a, DB: DrawingBackend> {
    /// The area.
    pub area: &'a DrawingArea<DB, Shift>,
    /// Width in pixels.
    pub width: i32,
    /// Height in pixels.
    pub height: i32,
}

impl<'a, DB: DrawingBackend> Canvas<'a, DB> {
    /// Checks the size and paints the background.
    pub fn new(area: &'a DrawingArea<DB, Shift>) -> Result<Self, ChartError> {
        let (w, h) = check_size(area)?;
        area.fill(&BACKGROUND)?;
        Ok(Canvas {
            area,
            width: w as i32,
            height: h as i32,
        })
    }

    /// Opens a chart on `area`: checks the size, paints the background, draws the
    /// title and `legend` and, when `any_suppressed`, the note on suppressed figures.
    pub fn open(
        area: &'a DrawingArea<DB, Shift>,
        text: &ChartText,
        legend: &[LegendEntry],
        any_suppressed: bool,
    ) -> Result<Opened<'a, DB>, ChartError> {
        let note = text.suppressed_note.as_deref().map(clean);
        Self::open_with_note(area, text, legend, note.as_deref(), any_suppressed)
    }

    /// [`Canvas::open`] with a footnote of the chart's own, drawn when `show`.
    pub fn open_with_note(
        area: &'a DrawingArea<DB, Shift>,
        text: &ChartText,
        legend: &[LegendEntry],
        note: Option<&str>,
        show: bool,
    ) -> Result<Opened<'a, DB>, ChartError> {
        let c = Canvas::new(area)?;
        let top = header(&c, &clean(&text.title), legend)?;
        let bottom = footnote(&c, note, show)?;
        Ok(Opened {
            c,
            top,
            bottom,
            mark: clean(&text.suppressed),
        })
    }

    /// Draws a category's label in its row: [`category_lines`] of `label` in a
    /// column `width` wide, right-aligned at `x` and centred on `y`.
    pub fn category_label(
        &self,
        label: &str,
        width: f64,
        row_height: i32,
        x: i32,
        y: i32,
    ) -> Result<(), ChartError> {
        let styled: Vec<(String, f64, RGBColor)> = category_lines(label, width, row_height)
            .into_iter()
            .map(|l| (l, LABEL_PX, TEXT))
            .collect();
        self.lines(&styled, x, y, HPos::Right)
    }

    /// Backend (absolute) coordinates, as a chart returns them, to the area's own.
    pub fn rel(&self, p: (i32, i32)) -> (i32, i32) {
        let (x0, y0) = self.area.get_base_pixel();
        (p.0 - x0, p.1 - y0)
    }

    /// Draws one line of text.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &self,
        s: &str,
        pos: (i32, i32),
        px: f64,
        bold: bool,
        color: RGBColor,
        h: HPos,
        v: VPos,
    ) -> Result<(), ChartError> {
        if s.is_empty() {
            return Ok(());
        }
        self.area
            .draw(&Text::new(s, pos, font(px, bold, color, h, v)))?;
        Ok(())
    }

    /// The suppression mark of a bar, just right of the bar's origin `at` (canvas
    /// coordinates), in small muted type.
    pub fn suppressed_mark(&self, mark: &str, at: (i32, i32)) -> Result<(), ChartError> {
        self.text(
            mark,
            (at.0 + 6, at.1),
            SMALL_PX,
            false,
            MUTED,
            HPos::Left,
            VPos::Center,
        )
    }

    /// Text centred on `pos` over a white plate, readable above lines and bands.
    pub fn plate(
        &self,
        s: &str,
        pos: (i32, i32),
        px: f64,
        bold: bool,
        color: RGBColor,
    ) -> Result<(), ChartError> {
        let half = (text_width(s, px) / 2.0).ceil() as i32 + 3;
        let h = line_height(px) / 2 + 1;
        self.fill(
            (pos.0 - half, pos.1 - h),
            (pos.0 + half, pos.1 + h),
            BACKGROUND.mix(0.9),
        )?;
        self.text(s, pos, px, bold, color, HPos::Center, VPos::Center)
    }

    /// Fills a rectangle.
    pub fn fill<S: Into<ShapeStyle>>(
        &self,
        a: (i32, i32),
        b: (i32, i32),
        style: S,
    ) -> Result<(), ChartError> {
        let mut style: ShapeStyle = style.into();
        style.filled = true;
        self.area.draw(&Rectangle::new([a, b], style))?;
        Ok(())
    }

    /// Draws a polyline.
    pub fn line(
        &self,
        points: Vec<(i32, i32)>,
        color: RGBColor,
        width: u32,
    ) -> Result<(), ChartError> {
        self.area
            .draw(&PathElement::new(points, color.stroke_width(width)))?;
        Ok(())
    }

    /// Fills a polygon.
    pub fn polygon<S: Into<ShapeStyle>>(
        &self,
        points: Vec<(i32, i32)>,
        style: S,
    ) -> Result<(), ChartError> {
        let mut style: ShapeStyle = style.into();
        style.filled = true;
        self.area.draw(&Polygon::new(points, style))?;
        Ok(())
    }

    /// A suppressed cell: grey, hatched, with its mark in the middle when it fits.
    pub fn hatched(&self, a: (i32, i32), b: (i32, i32), mark: &str) -> Result<(), ChartError> {
        let (x0, y0, x1, y1) = (a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1));
        self.fill((x0, y0), (x1, y1), SUPPRESSED_FILL)?;
        // Diagonals every 6 px, clipped to the cell.
        let (w, h) = (x1 - x0, y1 - y0);
        let mut k = 6;
        while k < w + h {
            let (sx, sy) = if k <= h {
                (x0, y0 + k)
            } else {
                (x0 + k - h, y1)
            };
            let (ex, ey) = if k <= w {
                (x0 + k, y0)
            } else {
                (x1, y0 + k - w)
            };
            self.line(vec![(sx, sy), (ex, ey)], HATCH, 1)?;
            k += 6;
        }
        if !mark.is_empty() && text_width(mark, SMALL_PX) + 6.0 <= f64::from(w) {
            // A white plate keeps the mark readable over the hatching.
            let tw = text_width(mark, SMALL_PX) as i32;
            let (cx, cy) = ((x0 + x1) / 2, (y0 + y1) / 2);
            self.fill(
                (cx - tw / 2 - 3, cy - 8),
                (cx + tw / 2 + 3, cy + 8),
                SUPPRESSED_FILL,
            )?;
            self.text(
                mark,
                (cx, cy),
                SMALL_PX,
                false,
                TEXT,
                HPos::Center,
                VPos::Center,
            )?;
        }
        Ok(())
    }

    /// Right-aligned (or left-aligned) lines centred vertically on `y`.
    #[allow(clippy::too_many_arguments)]
    pub fn lines(
        &self,
        lines: &[(String, f64, RGBColor)],
        x: i32,
        y: i32,
        h: HPos,
    ) -> Result<(), ChartError> {
        let heights: Vec<i32> = lines.iter().map(|(_, px, _)| line_height(*px)).collect();
        let total: i32 = heights.iter().sum();
        let mut top = y - total / 2;
        for ((s, px, color), lh) in lines.iter().zip(heights) {
            self.text(s, (x, top + lh / 2), *px, false, *color, h, VPos::Center)?;
            top += lh;
        }
        Ok(())
    }
}

/// The height of a line of text.
pub(crate) fn line_height(px: f64) -> i32 {
    (px * 1.25).round() as i32
}

/// What a legend entry shows beside its label.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Swatch {
    /// A filled square.
    Fill(RGBColor),
    /// A series marker on a short line.
    Marker(usize, RGBColor),
    /// A translucent band.
    Band(RGBColor),
    /// A dashed line.
    Dashed(RGBColor),
}

/// One entry of a legend.
pub(crate) struct LegendEntry {
    pub swatch: Swatch,
    pub label: String,
}

const SWATCH_W: i32 = 18;
const LEGEND_ROW: i32 = 18;

/// Draws a series marker of `kind` (circle, square, triangle, diamond, inverted
/// triangle) centred on `p`, with a white outline.
pub(crate) fn marker<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    kind: usize,
    p: (i32, i32),
    r: i32,
    color: RGBColor,
) -> Result<(), ChartError> {
    let (x, y) = p;
    let points: Vec<(i32, i32)> = match kind % 5 {
        0 => {
            c.area.draw(&Circle::new(p, r + 1, BACKGROUND.filled()))?;
            c.area.draw(&Circle::new(p, r, color.filled()))?;
            return Ok(());
        }
        1 => {
            let s = r * 9 / 10;
            vec![
                (x - s, y - s),
                (x + s, y - s),
                (x + s, y + s),
                (x - s, y + s),
            ]
        }
        2 => vec![(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)],
        3 => vec![
            (x, y - r - 1),
            (x + r + 1, y),
            (x, y + r + 1),
            (x - r - 1, y),
        ],
        _ => vec![(x, y + r + 1), (x + r + 1, y - r), (x - r - 1, y - r)],
    };
    c.polygon(points.clone(), color)?;
    let mut outline = points;
    outline.push(outline[0]);
    c.line(outline, BACKGROUND, 1)?;
    Ok(())
}

fn draw_swatch<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    s: Swatch,
    x: i32,
    y: i32,
) -> Result<(), ChartError> {
    match s {
        Swatch::Fill(color) => c.fill((x + 3, y - 6), (x + 15, y + 6), color),
        Swatch::Marker(kind, color) => {
            c.line(vec![(x, y), (x + SWATCH_W, y)], color, 2)?;
            marker(c, kind, (x + SWATCH_W / 2, y), 4, color)
        }
        Swatch::Band(color) => c.fill((x, y - 6), (x + SWATCH_W, y + 6), color.mix(0.2)),
        Swatch::Dashed(color) => {
            c.line(vec![(x, y), (x + 5, y)], color, 1)?;
            c.line(vec![(x + 8, y), (x + 13, y)], color, 1)?;
            c.line(vec![(x + 16, y), (x + SWATCH_W, y)], color, 1)
        }
    }
}

/// Draws the title and the legend below it; returns the y where the chart starts.
pub(crate) fn header<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    title: &str,
    legend: &[LegendEntry],
) -> Result<i32, ChartError> {
    let width = f64::from(c.width - 2 * PAD);
    let mut y = PAD;
    if !title.is_empty() {
        for line in wrap(title, width / BOLD, TITLE_PX, 2) {
            c.text(&line, (PAD, y), TITLE_PX, true, TEXT, HPos::Left, VPos::Top)?;
            y += line_height(TITLE_PX) + 1;
        }
        y += 6;
    }
    if !legend.is_empty() {
        // Entries flow left to right and wrap into rows.
        let max_label = width - f64::from(SWATCH_W + 6);
        let mut x = PAD;
        let mut row_y = y + LEGEND_ROW / 2;
        for entry in legend {
            let label = truncate(&entry.label, max_label, LABEL_PX);
            let w = SWATCH_W + 6 + text_width(&label, LABEL_PX).ceil() as i32;
            if x > PAD && x + w > c.width - PAD {
                x = PAD;
                row_y += LEGEND_ROW;
            }
            draw_swatch(c, entry.swatch, x, row_y)?;
            c.text(
                &label,
                (x + SWATCH_W + 6, row_y),
                LABEL_PX,
                false,
                TEXT,
                HPos::Left,
                VPos::Center,
            )?;
            x += w + 16;
        }
        y = row_y + LEGEND_ROW / 2 + 6;
    }
    Ok(y)
}

/// Draws the footnote (when `show` and there is one); returns the y where the chart
/// ends.
pub(crate) fn footnote<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    note: Option<&str>,
    show: bool,
) -> Result<i32, ChartError> {
    match note {
        Some(note) if show && !note.is_empty() => {
            let note = truncate(note, f64::from(c.width - 2 * PAD), SMALL_PX);
            c.text(
                &note,
                (PAD, c.height - PAD + 2),
                SMALL_PX,
                false,
                MUTED,
                HPos::Left,
                VPos::Bottom,
            )?;
            Ok(c.height - PAD - line_height(SMALL_PX) - 4)
        }
        _ => Ok(c.height - PAD),
    }
}

/// Margins of the plotting area within the canvas, in pixels.
pub(crate) struct Frame {
    pub top: i32,
    pub bottom: i32,
    pub left: i32,
    pub right: i32,
}

/// A Cartesian chart in `frame` with room for the x labels below (`x_label_area`) and
/// the y labels to the left (`y_label_area`, inside `frame.left`).
pub(crate) fn cartesian<'a, DB: DrawingBackend>(
    c: &Canvas<'a, DB>,
    frame: &Frame,
    x: Range<f64>,
    y: Range<f64>,
    x_label_area: i32,
    y_label_area: i32,
) -> Result<Chart<'a, DB>, ChartError> {
    let chart = ChartBuilder::on(c.area)
        .margin_top(frame.top.max(0))
        .margin_bottom((frame.bottom - x_label_area).max(0))
        .margin_left((frame.left - y_label_area).max(0))
        .margin_right(frame.right.max(0))
        .x_label_area_size(x_label_area.max(0))
        .y_label_area_size(y_label_area.max(0))
        .build_cartesian_2d(x, y)?;
    Ok(chart)
}

/// The room an axis title takes beside its tick labels, in pixels.
const AXIS_TITLE: i32 = 18;

/// The room for an axis's labels: `bare` pixels for the tick labels, and its title's
/// room more when `title` is not empty.
pub(crate) fn label_area(title: &str, bare: i32) -> i32 {
    if title.is_empty() {
        bare
    } else {
        bare + AXIS_TITLE
    }
}

/// A Cartesian chart between `top` and `bottom` with an x and a y axis: room for
/// each axis's tick labels (`bare`: x, y) and its title (`titles`: x, y) when it has
/// one, and a little air above and to the right.
pub(crate) fn xy_chart<'a, DB: DrawingBackend>(
    c: &Canvas<'a, DB>,
    top: i32,
    bottom: i32,
    (x_axis, y_axis): (&str, &str),
    bare: (i32, i32),
    x: Range<f64>,
    y: Range<f64>,
) -> Result<Chart<'a, DB>, ChartError> {
    let x_label_area = label_area(x_axis, bare.0);
    let y_label_area = label_area(y_axis, bare.1);
    let frame = Frame {
        top: top + 6,
        bottom: c.height - bottom + x_label_area,
        left: PAD + y_label_area,
        right: PAD + 8,
    };
    cartesian(c, &frame, x, y, x_label_area, y_label_area)
}

/// Draws the mesh of horizontal bars: `ticks` labels on the x axis written by
/// `fmt_x` and its title when there is one; no y grid or labels, and no y axis line
/// unless `y_axis_line`.
pub(crate) fn bar_mesh<'a, 'b, DB: DrawingBackend>(
    chart: &'b mut Chart<'a, DB>,
    ticks: usize,
    fmt_x: &'b dyn Fn(&f64) -> String,
    x_axis: &str,
    y_axis_line: bool,
) -> Result<(), ChartError> {
    let mut mesh = mesh_style(chart);
    mesh.disable_y_mesh()
        .y_labels(0)
        .x_labels(ticks)
        .x_label_formatter(fmt_x);
    if !y_axis_line {
        mesh.disable_y_axis();
    }
    if !x_axis.is_empty() {
        mesh.x_desc(x_axis);
    }
    mesh.draw()?;
    Ok(())
}

/// The house style of a mesh: light grid, grey axes, muted tick labels.
pub(crate) fn mesh_style<'a, 'b, DB: DrawingBackend>(
    chart: &'b mut Chart<'a, DB>,
) -> plotters::chart::MeshStyle<'a, 'b, RangedCoordf64, RangedCoordf64, DB> {
    let mut mesh = chart.configure_mesh();
    mesh.bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS)
        .label_style(font(SMALL_PX, false, MUTED, HPos::Center, VPos::Center))
        .axis_desc_style(font(LABEL_PX, false, TEXT, HPos::Center, VPos::Center));
    mesh
}

/// The height in pixels of one row of a chart whose y axis counts rows.
pub(crate) fn row_height<DB: DrawingBackend>(chart: &Chart<'_, DB>) -> i32 {
    let (_, y0) = chart.backend_coord(&(0.0, 1.0));
    let (_, y1) = chart.backend_coord(&(0.0, 0.0));
    y1 - y0
}

/// The thickness of a bar, in rows: `share` of a row `row_px` pixels high, at most
/// `max` pixels.
pub(crate) fn bar_thickness(row_px: i32, share: f64, max: f64) -> f64 {
    (f64::from(row_px) * share).min(max) / f64::from(row_px.max(1))
}

/// Category labels for horizontal bars: wrapped to `width`, as many lines as the row
/// height allows (at most 3), the last one cut with an ellipsis.
fn category_lines(label: &str, width: f64, row_height: i32) -> Vec<String> {
    let max_lines = ((row_height + 2) / line_height(LABEL_PX)).clamp(1, 3) as usize;
    wrap(label, width, LABEL_PX, max_lines)
}

/// The width of the label column of a horizontal bar chart: the widest label, but at
/// most `share` of the canvas and at least 80 px.
pub(crate) fn label_column(labels: &[&str], canvas_width: i32, share: f64) -> i32 {
    let widest = labels
        .iter()
        .map(|l| text_width(l, LABEL_PX))
        .fold(0.0, f64::max);
    let max = (f64::from(canvas_width) * share).max(80.0);
    (widest.min(max).max(60.0)).ceil() as i32
}
