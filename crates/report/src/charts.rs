//! The report's charts: `otklik-charts` inputs with translated labels, drawn to SVG.
//! A chart that cannot be drawn is left out; its data table is in the report anyway.

use otklik_charts::*;

use crate::i18n::{words, Lang};
use crate::model::Chart;

/// The width of every chart, in pixels (it fits an A4 column and a DOCX page).
pub(crate) const WIDTH: u32 = 720;

fn text(lang: Lang, title: &str, k: u32) -> ChartText {
    ChartText {
        suppressed_note: Some(format!(
            "<{k}: {}",
            words(lang)
                .ch_suppressed_note
                .replace("{k}", &k.to_string())
        )),
        decimal_comma: lang == Lang::Ru,
        ..ChartText::new(title, format!("<{k}"))
    }
}

fn chart(id: &str, title: &str, height: u32, svg: Result<String, ChartError>) -> Option<Chart> {
    svg.ok().map(|svg| Chart {
        id: id.to_owned(),
        title: title.to_owned(),
        svg,
        width: WIDTH,
        height,
    })
}

/// Values over years with their intervals.
pub(crate) fn trend(id: &str, title: &str, input: TrendInput, lang: Lang, k: u32) -> Option<Chart> {
    let w = words(lang);
    let labels = TrendLabels {
        text: text(lang, title, k),
        x_axis: w.ch_period.to_owned(),
        y_axis: if input.y_range == TrendInput::NPS_RANGE {
            "NPS".to_owned()
        } else {
            w.ch_index.to_owned()
        },
        band: w.ch_band.to_owned(),
    };
    let input = input.fit_y();
    let height = if input.series.len() > 2 { 440 } else { 380 };
    chart(
        id,
        title,
        height,
        trend_svg(&input, &labels, WIDTH, height, id),
    )
}

/// Groups × dimensions.
pub(crate) fn heatmap(
    id: &str,
    title: &str,
    input: HeatmapInput,
    lang: Lang,
    k: u32,
) -> Option<Chart> {
    let height = (150 + 34 * input.rows.len() as u32).max(240);
    let labels = HeatmapLabels {
        text: text(lang, title, k),
        scale: words(lang).ch_index.to_owned(),
    };
    chart(
        id,
        title,
        height,
        heatmap_svg(&input, &labels, WIDTH, height, id),
    )
}

/// Answer distributions of items.
pub(crate) fn likert(
    id: &str,
    title: &str,
    input: LikertInput,
    lang: Lang,
    k: u32,
) -> Option<Chart> {
    let height = (90 + 34 * input.items.len() as u32).max(240);
    let labels = LikertLabels {
        text: text(lang, title, k),
        x_axis: words(lang).ch_answers.to_owned(),
        values: Vec::new(),
    };
    chart(
        id,
        title,
        height,
        likert_svg(&input, &labels, WIDTH, height, id),
    )
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
    let w = words(lang);
    let height = (110 + 34 * input.groups.len() as u32).max(240);
    let labels = NpsLabels {
        text: text(lang, title, k),
        x_axis: w.ch_answers.to_owned(),
        detractors: w.ch_detractors.to_owned(),
        passives: w.ch_passives.to_owned(),
        promoters: w.ch_promoters.to_owned(),
        score: score.to_owned(),
    };
    chart(
        id,
        title,
        height,
        nps_svg(&input, &labels, WIDTH, height, id),
    )
}

/// Importance against performance of the drivers.
pub(crate) fn quadrant(
    id: &str,
    title: &str,
    input: QuadrantInput,
    lang: Lang,
    k: u32,
) -> Option<Chart> {
    let w = words(lang);
    let labels = QuadrantLabels {
        text: text(lang, title, k),
        x_axis: w.ch_importance.to_owned(),
        y_axis: w.ch_performance.to_owned(),
        priority: w.ch_priority.to_owned(),
        other: w.ch_other.to_owned(),
        median: w.ch_medians.to_owned(),
    };
    let height = quadrant_height(&input, WIDTH, 440);
    chart(
        id,
        title,
        height,
        quadrant_svg(&input, &labels, WIDTH, height, id),
    )
}

/// Compliance with service standards.
pub(crate) fn standards(
    id: &str,
    title: &str,
    input: StandardsInput,
    lang: Lang,
    k: u32,
) -> Option<Chart> {
    let height = (90 + 36 * input.touchpoints.len() as u32).max(240);
    let labels = StandardsLabels {
        text: text(lang, title, k),
        x_axis: words(lang).ch_within.to_owned(),
    };
    chart(
        id,
        title,
        height,
        standards_svg(&input, &labels, WIDTH, height, id),
    )
}

/// Shares of touchpoints.
pub(crate) fn channels(
    id: &str,
    title: &str,
    input: ChannelsInput,
    lang: Lang,
    k: u32,
) -> Option<Chart> {
    let w = words(lang);
    let height = (90 + 36 * input.channels.len() as u32).max(240);
    let labels = ChannelsLabels {
        text: text(lang, title, k),
        x_axis: w.ch_responses.to_owned(),
        digital: w.digital.to_owned(),
        offline: w.offline.to_owned(),
    };
    chart(
        id,
        title,
        height,
        channels_svg(&input, &labels, WIDTH, height, id),
    )
}
