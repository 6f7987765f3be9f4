//! From analysis results to `otklik-charts` inputs, with translated labels. A chart
//! that cannot be drawn is left out; its data table is still there.

use otklik_analytics::{Analysis, ChannelStats, Found, GroupStats};
use otklik_charts::*;
use otklik_survey::Survey;

use crate::i18n::{t, ta, Lang};

const WIDTH: u32 = 720;

fn text(lang: Lang, title: String, k: u32) -> ChartText {
    ChartText {
        suppressed_note: Some(ta(lang, "chart-suppressed-note", &[("k", k.into())])),
        decimal_comma: lang == Lang::Ru,
        ..ChartText::new(title, format!("<{k}"))
    }
}

/// A question's label on a chart: its short label, or else its text.
fn question_text(s: &Survey, id: &str, lang: Lang) -> String {
    s.question(id)
        .map_or(id.to_owned(), |q| q.label(lang.code()).to_owned())
}

pub fn trend(_s: &Survey, a: &Analysis, lang: Lang) -> Option<String> {
    let values = a
        .periods
        .iter()
        .map(|p| match a.group(&[("period", Some(p))]) {
            Found::Shown(st) => st.ccl.as_ref().map_or(Datum::Missing, Datum::from),
            Found::Hidden => Datum::Suppressed,
            Found::Absent => Datum::Missing,
        })
        .collect();
    let input = TrendInput {
        periods: a.periods.clone(),
        series: vec![TrendSeries {
            name: t(lang, "dash-ccl"),
            values,
        }],
        y_range: TrendInput::INDEX_RANGE,
    }
    .fit_y();
    let labels = TrendLabels {
        text: text(lang, t(lang, "chart-trend"), a.min_group),
        x_axis: t(lang, "chart-axis-period"),
        y_axis: t(lang, "chart-axis-index"),
        band: t(lang, "chart-band"),
    };
    trend_svg(&input, &labels, WIDTH, 400, "trend").ok()
}

pub fn likert(s: &Survey, g: &GroupStats, lang: Lang, k: u32) -> Option<String> {
    let input = LikertInput::of_items(s, g, |id| question_text(s, id, lang))?;
    let height = (90 + 34 * input.items.len() as u32).max(240);
    let labels = LikertLabels {
        text: text(lang, t(lang, "chart-likert"), k),
        x_axis: t(lang, "chart-axis-answers"),
        values: Vec::new(),
    };
    likert_svg(&input, &labels, WIDTH, height, "likert").ok()
}

pub fn quadrant(s: &Survey, g: &GroupStats, lang: Lang) -> Option<String> {
    let input = QuadrantInput::of_drivers(g, |id| question_text(s, id, lang));
    let labels = QuadrantLabels {
        text: text(lang, t(lang, "chart-drivers"), s.min_group),
        x_axis: t(lang, "chart-axis-importance"),
        y_axis: t(lang, "chart-performance"),
        priority: t(lang, "chart-priority-legend"),
        other: t(lang, "chart-other-items"),
        median: t(lang, "chart-median-lines"),
    };
    let height = quadrant_height(&input, WIDTH, 420);
    quadrant_svg(&input, &labels, WIDTH, height, "drivers").ok()
}

pub fn channels(s: &Survey, q: &str, mix: &ChannelStats, lang: Lang, k: u32) -> Option<String> {
    let options = s.question(q)?.kind.options();
    let channels: Vec<ChannelBar> = mix
        .options
        .iter()
        .map(|(id, f)| match options.iter().find(|o| o.id == *id) {
            Some(o) => ChannelBar::of_option(o, lang, Datum::from(f)),
            // An option the survey no longer has: its id, as an offline channel.
            None => ChannelBar {
                label: id.clone(),
                kind: ChannelKind::Offline,
                value: Datum::from(f),
            },
        })
        .collect();
    let height = (90 + 36 * channels.len() as u32).max(240);
    let input = ChannelsInput { channels };
    let labels = ChannelsLabels {
        text: text(lang, t(lang, "chart-channels"), k),
        x_axis: t(lang, "chart-axis-responses"),
        digital: t(lang, "chart-digital"),
        offline: t(lang, "chart-offline"),
    };
    channels_svg(&input, &labels, WIDTH, height, "channels").ok()
}

/// The dashboard's groups (none: hidden) as a reader finds them.
fn found<'a>(groups: &[(String, Option<&'a GroupStats>)]) -> Vec<(String, Found<'a>)> {
    groups
        .iter()
        .map(|(l, g)| (l.clone(), g.map_or(Found::Hidden, Found::Shown)))
        .collect()
}

pub fn heatmap(
    s: &Survey,
    groups: &[(String, Option<&GroupStats>)],
    lang: Lang,
    k: u32,
    title: String,
) -> Option<String> {
    let input = HeatmapInput::of_dimensions(s, &found(groups), lang);
    let height = (150 + 34 * groups.len() as u32).max(240);
    let labels = HeatmapLabels {
        text: text(lang, title, k),
        scale: t(lang, "chart-scale-index"),
    };
    heatmap_svg(&input, &labels, WIDTH, height, "heatmap").ok()
}

pub fn nps(
    q: &str,
    groups: &[(String, Option<&GroupStats>)],
    lang: Lang,
    k: u32,
    title: String,
) -> Option<String> {
    let input = NpsInput::of_groups(q, &found(groups));
    let height = (110 + 34 * input.groups.len() as u32).max(240);
    let labels = NpsLabels {
        text: text(lang, title, k),
        x_axis: t(lang, "chart-axis-answers"),
        detractors: t(lang, "chart-detractors"),
        passives: t(lang, "chart-passives"),
        promoters: t(lang, "chart-promoters"),
        score: "NPS".to_owned(),
    };
    nps_svg(&input, &labels, WIDTH, height, &format!("nps-{q}")).ok()
}

pub fn standards(
    s: &Survey,
    bars: &[(String, String, Option<&GroupStats>)],
    lang: Lang,
    k: u32,
) -> Option<String> {
    let bars: Vec<StandardBar> = bars
        .iter()
        .map(|(label, q, st)| {
            let value = match st.and_then(|st| st.standards.get(q)) {
                Some(f) => Datum::from(f),
                None => Datum::Suppressed,
            };
            let standard = s
                .question(q)
                .and_then(|x| x.standard_words(lang))
                .unwrap_or_default();
            StandardBar {
                label: label.clone(),
                standard,
                value,
            }
        })
        .collect();
    if bars.is_empty() {
        return None;
    }
    let height = (90 + 36 * bars.len() as u32).max(240);
    let labels = StandardsLabels {
        text: text(lang, t(lang, "chart-standards"), k),
        x_axis: t(lang, "chart-axis-within"),
    };
    standards_svg(
        &StandardsInput { touchpoints: bars },
        &labels,
        WIDTH,
        height,
        "standards",
    )
    .ok()
}
