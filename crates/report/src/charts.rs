//! The report's charts: `otklik-charts` inputs with translated labels, drawn to SVG.
//! A chart that cannot be drawn is left out; its data table is in the report anyway.

use otklik_charts::*;

use crate::i18n::{tr, tr_args, Lang};
use crate::model::Chart;

/// The width of every chart, in pixels (it fits an A4 column and a DOCX page).
pub(crate) const WIDTH: u32 = 720;

fn text(lang: Lang, title: &str, k: u32) -> ChartText {
    ChartText {
        suppressed_note: Some(tr_args(lang, "chart-suppressed-note", &[("k", k.into())])),
        decimal_comma: lang == Lang::Ru,
        ..ChartText::new(title, format!("<{k}"))
    }
}

/// How a chart kind draws its input with its labels: `(input, labels, width, height,
/// id prefix)`.
type Svg<I, L> = fn(&I, &L, u32, u32, &str) -> Result<String, ChartError>;

/// The one body of every chart: `svg` draws `input` with `labels`, [`WIDTH`] wide and
/// `height` high, its ids prefixed by `id`; a chart that cannot be drawn is `None`.
fn draw<I, L>(
    id: &str,
    title: &str,
    input: &I,
    labels: &L,
    height: u32,
    svg: Svg<I, L>,
) -> Option<Chart> {
    svg(input, labels, WIDTH, height, id).ok().map(|svg| Chart {
        id: id.to_owned(),
        title: title.to_owned(),
        svg,
        width: WIDTH,
        height,
    })
}

/// The height of a chart of `rows` rows or bars: `base` and `per_row` for each, at
/// least 240 pixels.
fn rows_height(base: u32, per_row: u32, rows: usize) -> u32 {
    (base + per_row * rows as u32).max(240)
}

/// Values over years with their intervals.
pub(crate) fn trend(id: &str, title: &str, input: TrendInput, lang: Lang, k: u32) -> Option<Chart> {
    let labels = TrendLabels {
        text: text(lang, title, k),
        x_axis: tr(lang, "chart-period"),
        y_axis: if input.y_range == TrendInput::NPS_RANGE {
            "NPS".to_owned()
        } else {
            tr(lang, "chart-index")
        },
        band: tr(lang, "chart-band"),
    };
    let input = input.fit_y();
    let height = if input.series.len() > 2 { 440 } else { 380 };
    draw(id, title, &input, &labels, height, trend_svg)
}

/// Groups × dimensions.
pub(crate) fn heatmap(
    id: &str,
    title: &str,
    input: HeatmapInput,
    lang: Lang,
    k: u32,
) -> Option<Chart> {
    let height = rows_height(150, 34, input.rows.len());
    let labels = HeatmapLabels {
        text: text(lang, title, k),
        scale: tr(lang, "chart-index"),
    };
    draw(id, title, &input, &labels, height, heatmap_svg)
}

/// Answer distributions of items.
pub(crate) fn likert(
    id: &str,
    title: &str,
    input: LikertInput,
    lang: Lang,
    k: u32,
) -> Option<Chart> {
    let height = rows_height(90, 34, input.items.len());
    let labels = LikertLabels {
        text: text(lang, title, k),
        x_axis: tr(lang, "chart-answers"),
        values: Vec::new(),
    };
    draw(id, title, &input, &labels, height, likert_svg)
}

/// NPS composition per group.
pub(crate) fn nps(
    id: &str,
    title: &str,
    score: &str,
    input: NpsInput,
    lang: Lang,
    k: u32,
) -> Option<Chart> {
    let height = rows_height(110, 34, input.groups.len());
    let labels = NpsLabels {
        text: text(lang, title, k),
        x_axis: tr(lang, "chart-answers"),
        detractors: tr(lang, "chart-detractors"),
        passives: tr(lang, "chart-passives"),
        promoters: tr(lang, "chart-promoters"),
        score: score.to_owned(),
    };
    draw(id, title, &input, &labels, height, nps_svg)
}

/// Importance against performance of the drivers.
pub(crate) fn quadrant(
    id: &str,
    title: &str,
    input: QuadrantInput,
    lang: Lang,
    k: u32,
) -> Option<Chart> {
    let labels = QuadrantLabels {
        text: text(lang, title, k),
        x_axis: tr(lang, "chart-importance"),
        y_axis: tr(lang, "chart-performance"),
        priority: tr(lang, "chart-priority"),
        other: tr(lang, "chart-other"),
        median: tr(lang, "chart-medians"),
    };
    let height = quadrant_height(&input, WIDTH, 440);
    draw(id, title, &input, &labels, height, quadrant_svg)
}

/// Compliance with service standards.
pub(crate) fn standards(
    id: &str,
    title: &str,
    input: StandardsInput,
    lang: Lang,
    k: u32,
) -> Option<Chart> {
    let height = rows_height(90, 36, input.touchpoints.len());
    let labels = StandardsLabels {
        text: text(lang, title, k),
        x_axis: tr(lang, "chart-within"),
    };
    draw(id, title, &input, &labels, height, standards_svg)
}

/// Shares of touchpoints.
pub(crate) fn channels(
    id: &str,
    title: &str,
    input: ChannelsInput,
    lang: Lang,
    k: u32,
) -> Option<Chart> {
    let height = rows_height(90, 36, input.channels.len());
    let labels = ChannelsLabels {
        text: text(lang, title, k),
        x_axis: tr(lang, "chart-responses"),
        digital: tr(lang, "channel-digital"),
        offline: tr(lang, "channel-offline"),
    };
    draw(id, title, &input, &labels, height, channels_svg)
}
