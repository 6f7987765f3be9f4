//! Horizontal bars of shares: compliance with service standards and the channel mix.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use serde::{Deserialize, Serialize};

use crate::layout::{
    bar_mesh, bar_thickness, cartesian, label_area, label_column, line_height, row_height, Canvas,
    Frame, LegendEntry, Opened, Swatch,
};
use crate::style::{
    clean, percent, text_width, truncate, wrap, BAR, DIGITAL, LABEL_PX, MUTED, OFFLINE, PAD,
    SMALL_PX, TEXT,
};
use crate::{check_finite_ci, svg, ChartError, ChartText, Datum, Share};

/// Compliance with the service standard at one touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StandardBar {
    /// The touchpoint (say "Office on Lenina St.").
    pub label: String,
    /// The standard, written out (say "≤ 15 min"); drawn under the touchpoint.
    pub standard: String,
    /// The share of answers within the standard.
    pub value: Datum<Share>,
}

/// The data of a standards chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StandardsInput {
    /// The touchpoints, top to bottom.
    pub touchpoints: Vec<StandardBar>,
}

/// The texts of a standards chart.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StandardsLabels {
    /// Title, description, suppression mark.
    pub text: ChartText,
    /// Name of the x axis (say "Within the standard, % of answers"); empty for none.
    pub x_axis: String,
}

/// Whether a channel is digital or offline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// Website, app, e-mail, chat…
    Digital,
    /// Office, phone, post…
    Offline,
}

/// One touchpoint of the channel mix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelBar {
    /// The touchpoint.
    pub label: String,
    /// Digital or offline.
    pub kind: ChannelKind,
    /// Its share of the responses.
    pub value: Datum<Share>,
}

/// The data of a channels chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelsInput {
    /// The touchpoints, top to bottom.
    pub channels: Vec<ChannelBar>,
}

/// The texts of a channels chart.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChannelsLabels {
    /// Title, description, suppression mark.
    pub text: ChartText,
    /// Name of the x axis (say "Share of responses"); empty for none.
    pub x_axis: String,
    /// Legend entry of digital touchpoints.
    pub digital: String,
    /// Legend entry of offline touchpoints.
    pub offline: String,
}

/// One bar: its label lines, value and colour.
struct HBar {
    name: String,
    sub: Option<String>,
    value: Datum<Share>,
    color: RGBColor,
}

fn validate_share(value: &Datum<Share>) -> Result<(), ChartError> {
    if let Datum::Shown(s) = value {
        check_finite_ci("a share", "a share's interval", s.share, s.ci95)?;
    }
    Ok(())
}

/// Horizontal bars 0–100% with interval whiskers and the value printed at the end.
fn draw_hbars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &ChartText,
    legend: &[LegendEntry],
    bars: &[HBar],
    x_axis: &str,
    full_scale: bool,
) -> Result<(), ChartError> {
    let any_suppressed = bars.iter().any(|b| b.value.is_suppressed());
    let Opened {
        c,
        top,
        bottom,
        mark,
    } = Canvas::open(area, text, legend, any_suppressed)?;

    let mut widths: Vec<&str> = bars.iter().map(|b| b.name.as_str()).collect();
    widths.extend(bars.iter().filter_map(|b| b.sub.as_deref()));
    let col = label_column(&widths, c.width, 0.36);
    let x_axis = clean(x_axis);
    let x_label_area = label_area(&x_axis, 24);
    let value_w = (text_width("100%", SMALL_PX) + 12.0).ceil() as i32;
    let frame = Frame {
        top: top + 2,
        bottom: c.height - bottom + x_label_area,
        left: PAD + col + 10,
        right: PAD + value_w,
    };
    let n = bars.len().max(1);
    // Standards are read against 100%; a mix of small shares gets a scale that fits.
    let x_max = if full_scale {
        1.0
    } else {
        let top = bars
            .iter()
            .filter_map(|b| b.value.shown())
            .map(|s| s.ci95.map_or(s.share, |[_, hi]| hi.max(s.share)))
            .fold(0.0, f64::max);
        (((top + 0.04) * 10.0).ceil() / 10.0).clamp(0.1, 1.0)
    };
    let mut chart = cartesian(&c, &frame, 0.0..x_max, 0.0..n as f64, x_label_area, 0)?;
    let fmt_x = |v: &f64| percent(*v);
    bar_mesh(&mut chart, 6, &fmt_x, &x_axis, true)?;
    let row_px = row_height(&chart);
    let thickness = bar_thickness(row_px, 0.6, 24.0);
    for (idx, bar) in bars.iter().enumerate() {
        let yc = n as f64 - idx as f64 - 0.5;
        let (_, py) = c.rel(chart.backend_coord(&(0.0, yc)));
        // The name, wrapped to the lines the row has room for, and the standard below.
        let sub_lines = usize::from(bar.sub.is_some());
        let room = ((row_px + 2) / line_height(LABEL_PX)).clamp(1, 3) as usize;
        let name_lines = room.saturating_sub(sub_lines).max(1);
        let mut lines: Vec<(String, f64, RGBColor)> =
            wrap(&bar.name, f64::from(col), LABEL_PX, name_lines)
                .into_iter()
                .map(|l| (l, LABEL_PX, TEXT))
                .collect();
        if let Some(sub) = &bar.sub {
            lines.push((truncate(sub, f64::from(col), SMALL_PX), SMALL_PX, MUTED));
        }
        c.lines(&lines, frame.left - 10, py, HPos::Right)?;
        match &bar.value {
            Datum::Shown(s) => {
                let share = s.share.clamp(0.0, x_max);
                let a = c.rel(chart.backend_coord(&(0.0, yc + thickness / 2.0)));
                let b = c.rel(chart.backend_coord(&(share, yc - thickness / 2.0)));
                if b.0 > a.0 {
                    c.fill(a, b, bar.color)?;
                }
                let mut end = b.0;
                if let Some([lo, hi]) = s.ci95 {
                    let l = c.rel(chart.backend_coord(&(lo.clamp(0.0, x_max), yc)));
                    let h = c.rel(chart.backend_coord(&(hi.clamp(0.0, x_max), yc)));
                    let cap = ((b.1 - a.1) / 3).clamp(3, 6);
                    c.line(vec![l, h], TEXT, 1)?;
                    c.line(vec![(l.0, l.1 - cap), (l.0, l.1 + cap)], TEXT, 1)?;
                    c.line(vec![(h.0, h.1 - cap), (h.0, h.1 + cap)], TEXT, 1)?;
                    end = end.max(h.0);
                }
                c.text(
                    &percent(s.share),
                    (end + 5, py),
                    SMALL_PX,
                    true,
                    TEXT,
                    HPos::Left,
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

fn summary_of(bars: &[HBar], mark: &str) -> String {
    let parts: Vec<String> = bars
        .iter()
        .map(|b| {
            let name = match &b.sub {
                Some(sub) => format!("{} ({sub})", b.name),
                None => b.name.clone(),
            };
            match &b.value {
                Datum::Shown(s) => match s.ci95 {
                    Some([lo, hi]) => format!(
                        "{name}: {} [{}–{}]",
                        percent(s.share),
                        percent(lo),
                        percent(hi)
                    ),
                    None => format!("{name}: {}", percent(s.share)),
                },
                Datum::Suppressed => format!("{name}: {}", clean(mark)),
                Datum::Missing => format!("{name}: —"),
            }
        })
        .collect();
    format!("{}.", parts.join("; "))
}

fn standard_bars(input: &StandardsInput) -> Vec<HBar> {
    input
        .touchpoints
        .iter()
        .map(|t| {
            let sub = clean(&t.standard);
            HBar {
                name: clean(&t.label),
                sub: (!sub.is_empty()).then_some(sub),
                value: t.value.clone(),
                color: BAR,
            }
        })
        .collect()
}

/// Draws the share of answers within the standard per touchpoint, with Wilson
/// whiskers; the standard is written under each touchpoint.
pub fn draw_standards<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &StandardsInput,
    labels: &StandardsLabels,
) -> Result<(), ChartError> {
    svg::Chart::validate(input, labels)?;
    let bars = standard_bars(input);
    draw_hbars(area, &labels.text, &[], &bars, &labels.x_axis, true)
}

impl svg::Chart for StandardsInput {
    type Labels = StandardsLabels;

    fn text(labels: &StandardsLabels) -> &ChartText {
        &labels.text
    }

    fn validate(&self, _labels: &StandardsLabels) -> Result<(), ChartError> {
        self.touchpoints
            .iter()
            .try_for_each(|t| validate_share(&t.value))
    }

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        labels: &StandardsLabels,
    ) -> Result<(), ChartError> {
        draw_standards(area, self, labels)
    }

    fn summary(&self, labels: &StandardsLabels) -> String {
        summary_of(&standard_bars(self), &labels.text.suppressed)
    }
}

/// Renders [`draw_standards`] to an accessible SVG document.
pub fn standards_svg(
    input: &StandardsInput,
    labels: &StandardsLabels,
    width: u32,
    height: u32,
    id_prefix: &str,
) -> Result<String, ChartError> {
    svg::chart_svg(input, labels, width, height, id_prefix)
}

fn channel_bars(input: &ChannelsInput) -> Vec<HBar> {
    input
        .channels
        .iter()
        .map(|ch| HBar {
            name: clean(&ch.label),
            sub: None,
            value: ch.value.clone(),
            color: match ch.kind {
                ChannelKind::Digital => DIGITAL,
                ChannelKind::Offline => OFFLINE,
            },
        })
        .collect()
}

/// Draws the share of responses per touchpoint, coloured by digital or offline.
pub fn draw_channels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChannelsInput,
    labels: &ChannelsLabels,
) -> Result<(), ChartError> {
    svg::Chart::validate(input, labels)?;
    let bars = channel_bars(input);
    let mut legend = Vec::new();
    for (kind, color, label) in [
        (ChannelKind::Digital, DIGITAL, &labels.digital),
        (ChannelKind::Offline, OFFLINE, &labels.offline),
    ] {
        if input.channels.iter().any(|ch| ch.kind == kind) {
            legend.push(LegendEntry {
                swatch: Swatch::Fill(color),
                label: clean(label),
            });
        }
    }
    draw_hbars(area, &labels.text, &legend, &bars, &labels.x_axis, false)
}

impl svg::Chart for ChannelsInput {
    type Labels = ChannelsLabels;

    fn text(labels: &ChannelsLabels) -> &ChartText {
        &labels.text
    }

    fn validate(&self, _labels: &ChannelsLabels) -> Result<(), ChartError> {
        self.channels
            .iter()
            .try_for_each(|ch| validate_share(&ch.value))
    }

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        labels: &ChannelsLabels,
    ) -> Result<(), ChartError> {
        draw_channels(area, self, labels)
    }

    /// The summary names the kind of each touchpoint, which the chart shows by colour.
    fn summary(&self, labels: &ChannelsLabels) -> String {
        let mut bars = channel_bars(self);
        for (bar, ch) in bars.iter_mut().zip(&self.channels) {
            let kind = clean(match ch.kind {
                ChannelKind::Digital => &labels.digital,
                ChannelKind::Offline => &labels.offline,
            });
            bar.sub = (!kind.is_empty()).then_some(kind);
        }
        summary_of(&bars, &labels.text.suppressed)
    }
}

/// Renders [`draw_channels`] to an accessible SVG document.
pub fn channels_svg(
    input: &ChannelsInput,
    labels: &ChannelsLabels,
    width: u32,
    height: u32,
    id_prefix: &str,
) -> Result<String, ChartError> {
    svg::chart_svg(input, labels, width, height, id_prefix)
}
