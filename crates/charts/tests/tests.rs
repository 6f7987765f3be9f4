//! Integration tests of the charts: well-formed, accessible SVG with every label, gaps
//! for suppressed figures, escaped user text, and snapshots of two small charts.

use otklik_charts::plotters::prelude::*;
use otklik_charts::*;

const W: u32 = 640;
const H: u32 = 360;

fn texts(k: &str) -> ChartText {
    ChartText {
        title: format!("{k} title"),
        desc: None,
        suppressed: "<5".into(),
        suppressed_note: Some("<5: fewer than 5 answers".into()),
        decimal_comma: false,
    }
}

fn est(value: f64) -> Datum<Estimate> {
    Datum::Shown(Estimate {
        value,
        ci95: Some([value - 4.0, value + 4.0]),
    })
}

fn share(s: f64) -> Datum<Share> {
    Datum::Shown(Share {
        share: s,
        ci95: Some([s - 0.05, s + 0.05]),
    })
}

/// The parsed document (panics when it is not well-formed XML).
fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed: {e}\n{svg}"))
}

/// The trimmed contents of every `<text>` element.
fn text_nodes(svg: &str) -> Vec<String> {
    parse(svg)
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect()
}

/// Elements `tag` whose `fill` is `color`.
fn count_filled(svg: &str, tag: &str, color: &str) -> usize {
    parse(svg)
        .descendants()
        .filter(|n| n.has_tag_name(tag) && n.attribute("fill") == Some(color))
        .count()
}

/// Checks the accessible wrapper and that every label is drawn as a whole text.
fn check(svg: &str, prefix: &str, title: &str, labels: &[&str]) {
    let doc = parse(svg);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(
        root.attribute("aria-labelledby"),
        Some(format!("{prefix}-title {prefix}-desc").as_str())
    );
    let title_el = root
        .children()
        .find(|n| n.has_tag_name("title"))
        .expect("a <title>");
    assert_eq!(
        title_el.attribute("id"),
        Some(format!("{prefix}-title").as_str())
    );
    assert_eq!(title_el.text(), Some(title));
    let desc = root
        .children()
        .find(|n| n.has_tag_name("desc"))
        .expect("a <desc>");
    assert_eq!(
        desc.attribute("id"),
        Some(format!("{prefix}-desc").as_str())
    );
    assert!(desc.text().is_some_and(|t| t.len() > 10));
    let drawn = text_nodes(svg);
    assert!(
        drawn.iter().any(|t| t == title),
        "title not drawn: {drawn:?}"
    );
    for l in labels {
        assert!(drawn.iter().any(|t| t == l), "{l:?} not among {drawn:?}");
    }
}

fn trend_input() -> TrendInput {
    TrendInput {
        periods: vec!["2023".into(), "2024".into(), "2025".into(), "2026".into()],
        series: vec![
            TrendSeries {
                name: "Overall".into(),
                values: vec![est(60.0), est(63.0), Datum::Suppressed, est(66.0)],
            },
            TrendSeries {
                name: "Unit A".into(),
                values: vec![Datum::Missing, est(55.0), est(58.0), est(61.0)],
            },
        ],
        y_range: TrendInput::INDEX_RANGE,
    }
}

fn trend_labels() -> TrendLabels {
    TrendLabels {
        text: texts("Trend"),
        x_axis: "Period".into(),
        y_axis: "Index".into(),
        band: "95% interval".into(),
    }
}

fn likert_input() -> LikertInput {
    LikertInput {
        points: 5,
        items: vec![
            LikertItem {
                label: "Tasks are clear".into(),
                shares: Datum::Shown(vec![0.05, 0.1, 0.2, 0.4, 0.25]),
            },
            LikertItem {
                label: "Remote work".into(),
                shares: Datum::Suppressed,
            },
            LikertItem {
                label: "Workload".into(),
                shares: Datum::Shown(vec![0.1, 0.2, 0.3, 0.3, 0.1]),
            },
        ],
    }
}

fn likert_labels() -> LikertLabels {
    LikertLabels {
        text: texts("Likert"),
        x_axis: "Share of answers".into(),
        values: ["Disagree", "Rather not", "Neutral", "Rather yes", "Agree"]
            .map(String::from)
            .to_vec(),
    }
}

fn heatmap_input() -> HeatmapInput {
    HeatmapInput {
        rows: vec!["Legal".into(), "Finance".into(), "Press".into()],
        columns: vec!["Climate".into(), "Manager".into()],
        values: vec![
            vec![Datum::Shown(71.0), Datum::Shown(64.0)],
            vec![Datum::Shown(58.4), Datum::Suppressed],
            vec![Datum::Suppressed, Datum::Suppressed],
        ],
    }
}

fn heatmap_labels() -> HeatmapLabels {
    HeatmapLabels {
        text: texts("Heatmap"),
        scale: "Index, 0–100".into(),
    }
}

fn nps_input() -> NpsInput {
    NpsInput {
        groups: vec![
            NpsGroup {
                label: "All".into(),
                value: Datum::Shown(NpsParts::from_counts(20, 30, 50)),
            },
            NpsGroup {
                label: "Press".into(),
                value: Datum::Suppressed,
            },
            NpsGroup {
                label: "IT".into(),
                value: Datum::Shown(NpsParts::from_counts(6, 3, 1)),
            },
        ],
    }
}

fn nps_labels() -> NpsLabels {
    NpsLabels {
        text: texts("NPS"),
        x_axis: "Share of answers".into(),
        detractors: "Detractors".into(),
        passives: "Passives".into(),
        promoters: "Promoters".into(),
        score: "eNPS".into(),
    }
}

fn quadrant_input() -> QuadrantInput {
    let p = |label: &str, importance: f64, performance: f64, priority: bool| QuadrantPoint {
        label: label.into(),
        value: Datum::Shown(DriverPoint {
            importance,
            performance,
            priority,
        }),
    };
    QuadrantInput {
        points: vec![
            p("Safety", 0.2, 85.0, false),
            p("Motivation", 0.62, 44.0, true),
            p("Feedback", 0.4, 70.0, false),
            p("Systems", 0.55, 50.0, true),
            QuadrantPoint {
                label: "Remote".into(),
                value: Datum::Suppressed,
            },
        ],
        median_importance: None,
        median_performance: None,
    }
}

fn quadrant_labels() -> QuadrantLabels {
    QuadrantLabels {
        text: texts("Quadrant"),
        x_axis: "Importance".into(),
        y_axis: "Performance".into(),
        priority: "Priority".into(),
        other: "Other".into(),
        median: "Medians".into(),
    }
}

fn standards_input() -> StandardsInput {
    StandardsInput {
        touchpoints: vec![
            StandardBar {
                label: "Reception".into(),
                standard: "≤ 15 min".into(),
                value: share(0.72),
            },
            StandardBar {
                label: "Post".into(),
                standard: "≤ 30 days".into(),
                value: Datum::Suppressed,
            },
            StandardBar {
                label: "Phone".into(),
                standard: "≤ 1 transfer".into(),
                value: share(0.9),
            },
        ],
    }
}

fn standards_labels() -> StandardsLabels {
    StandardsLabels {
        text: texts("Standards"),
        x_axis: "Within the standard".into(),
    }
}

fn channels_input() -> ChannelsInput {
    ChannelsInput {
        channels: vec![
            ChannelBar {
                label: "Website".into(),
                kind: ChannelKind::Digital,
                value: share(0.4),
            },
            ChannelBar {
                label: "Post".into(),
                kind: ChannelKind::Offline,
                value: Datum::Suppressed,
            },
            ChannelBar {
                label: "Reception".into(),
                kind: ChannelKind::Offline,
                value: share(0.35),
            },
            ChannelBar {
                label: "E-mail".into(),
                kind: ChannelKind::Digital,
                value: share(0.2),
            },
        ],
    }
}

fn channels_labels() -> ChannelsLabels {
    ChannelsLabels {
        text: texts("Channels"),
        x_axis: "Share of responses".into(),
        digital: "Digital".into(),
        offline: "Offline".into(),
    }
}

/// Every chart at both sizes, with its prefix, title and labels that must be drawn.
fn all_charts(w: u32, h: u32) -> Vec<(String, &'static str, &'static str, Vec<&'static str>)> {
    vec![
        (
            trend_svg(&trend_input(), &trend_labels(), w, h, "t").unwrap(),
            "t",
            "Trend title",
            vec![
                "Overall",
                "Unit A",
                "95% interval",
                "2023",
                "2026",
                "Period",
                "Index",
                "<5",
                "<5: fewer than 5 answers",
            ],
        ),
        (
            likert_svg(&likert_input(), &likert_labels(), w, h, "l").unwrap(),
            "l",
            "Likert title",
            vec![
                "Tasks are clear",
                "Remote work",
                "Workload",
                "Disagree",
                "Neutral",
                "Agree",
                "Share of answers",
                "<5",
                "40%",
            ],
        ),
        (
            heatmap_svg(&heatmap_input(), &heatmap_labels(), w, h, "h").unwrap(),
            "h",
            "Heatmap title",
            vec![
                "Legal",
                "Finance",
                "Press",
                "Climate",
                "Manager",
                "71",
                "58",
                "<5",
                "Index, 0–100",
            ],
        ),
        (
            nps_svg(&nps_input(), &nps_labels(), w, h, "n").unwrap(),
            "n",
            "NPS title",
            vec![
                "All",
                "Press",
                "IT",
                "Detractors",
                "Passives",
                "Promoters",
                "eNPS",
                "+30",
                "−50",
                "<5",
            ],
        ),
        (
            quadrant_svg(&quadrant_input(), &quadrant_labels(), w, h, "q").unwrap(),
            "q",
            "Quadrant title",
            vec![
                "2 Motivation",
                "4 Systems",
                "Priority",
                "Other",
                "Medians",
                "Importance",
                "Performance",
                "<5: fewer than 5 answers: Remote",
            ],
        ),
        (
            standards_svg(&standards_input(), &standards_labels(), w, h, "s").unwrap(),
            "s",
            "Standards title",
            vec![
                "Reception",
                "≤ 15 min",
                "Post",
                "≤ 30 days",
                "Phone",
                "72%",
                "90%",
                "<5",
                "Within the standard",
            ],
        ),
        (
            channels_svg(&channels_input(), &channels_labels(), w, h, "c").unwrap(),
            "c",
            "Channels title",
            vec![
                "Website",
                "Post",
                "Reception",
                "E-mail",
                "Digital",
                "Offline",
                "40%",
                "<5",
                "Share of responses",
            ],
        ),
    ]
}

#[test]
fn every_chart_is_well_formed_accessible_svg_with_its_labels() {
    for (w, h) in [(640, 360), (960, 480)] {
        for (svg, prefix, title, labels) in all_charts(w, h) {
            check(&svg, prefix, title, &labels);
            assert!(svg.starts_with(&format!(
                "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\""
            )));
        }
    }
}

#[test]
fn charts_are_deterministic() {
    let a: Vec<String> = all_charts(W, H).into_iter().map(|c| c.0).collect();
    let b: Vec<String> = all_charts(W, H).into_iter().map(|c| c.0).collect();
    assert_eq!(a, b);
}

#[test]
fn every_text_lies_inside_the_chart() {
    for (svg, ..) in all_charts(W, H) {
        let doc = parse(&svg);
        for n in doc.descendants().filter(|n| n.has_tag_name("text")) {
            let x: f64 = n.attribute("x").unwrap().parse().unwrap();
            let y: f64 = n.attribute("y").unwrap().parse().unwrap();
            assert!(
                (0.0..=f64::from(W)).contains(&x) && (0.0..=f64::from(H)).contains(&y),
                "{:?} at {x},{y}",
                n.text()
            );
        }
    }
}

#[test]
fn generated_descriptions_summarise_the_data() {
    let svg = nps_svg(&nps_input(), &nps_labels(), W, H, "n").unwrap();
    let doc = parse(&svg);
    let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap();
    assert_eq!(
        desc.text(),
        Some("All: eNPS +30 (Detractors 20%, Passives 30%, Promoters 50%); Press: <5; IT: eNPS −50 (Detractors 60%, Passives 30%, Promoters 10%).")
    );
    let svg = trend_svg(&trend_input(), &trend_labels(), W, H, "t").unwrap();
    assert!(svg.contains("<desc id=\"t-desc\">Overall: 2023 60.0, 2024 63.0, 2025 &lt;5, 2026 66.0; Unit A: 2024 55.0, 2025 58.0, 2026 61.0.</desc>"));

    // A caller's description wins, and Russian decimals use a comma.
    let mut labels = trend_labels();
    labels.text.desc = Some("Рост на 6 пунктов.".into());
    let svg = trend_svg(&trend_input(), &labels, W, H, "t").unwrap();
    assert!(svg.contains("<desc id=\"t-desc\">Рост на 6 пунктов.</desc>"));
    let mut labels = quadrant_labels();
    labels.text.decimal_comma = true;
    let svg = quadrant_svg(&quadrant_input(), &labels, W, H, "q").unwrap();
    assert!(svg.contains("Motivation: r 0,62, 44 (Priority)"));
    assert!(text_nodes(&svg).iter().any(|t| t == "0,4"));
}

#[test]
fn ids_are_unique_per_prefix_and_safe() {
    let a = standards_svg(&standards_input(), &standards_labels(), W, H, "report-3").unwrap();
    let b = standards_svg(&standards_input(), &standards_labels(), W, H, "report-4").unwrap();
    assert!(a.contains("id=\"report-3-title\"") && b.contains("id=\"report-4-title\""));
    let odd = standards_svg(&standards_input(), &standards_labels(), W, H, "9 \"><x").unwrap();
    assert!(odd.contains("aria-labelledby=\"chart-9----x-title chart-9----x-desc\""));
    parse(&odd);
}

#[test]
fn suppressed_trend_values_are_gaps_not_zeros() {
    let input = TrendInput {
        periods: vec!["Q1".into(), "Q2".into(), "Q3".into()],
        series: vec![TrendSeries {
            name: "Overall".into(),
            values: vec![est(50.0), Datum::Suppressed, est(60.0)],
        }],
        y_range: TrendInput::INDEX_RANGE,
    };
    let mut labels = trend_labels();
    labels.band = String::new(); // one series and no band entry: no legend
    let svg = trend_svg(&input, &labels, W, H, "t").unwrap();
    // Two markers (blue circles), not three; the gap carries the mark.
    assert_eq!(count_filled(&svg, "circle", "#0072B2"), 2);
    let drawn = text_nodes(&svg);
    assert_eq!(drawn.iter().filter(|t| *t == "<5").count(), 1);
    assert!(drawn.iter().any(|t| t == "<5: fewer than 5 answers"));
    // No line passes through the gap: two runs of one point each draw no polyline.
    assert_eq!(count_lines_with_stroke(&svg, "#0072B2"), 0);

    let all_shown = TrendInput {
        series: vec![TrendSeries {
            name: "Overall".into(),
            values: vec![est(50.0), est(55.0), est(60.0)],
        }],
        ..input
    };
    let svg = trend_svg(&all_shown, &labels, W, H, "t").unwrap();
    assert_eq!(count_filled(&svg, "circle", "#0072B2"), 3);
    assert_eq!(count_lines_with_stroke(&svg, "#0072B2"), 1);
    assert!(
        !text_nodes(&svg).iter().any(|t| t.starts_with("<5")),
        "no note without suppression"
    );
}

/// Polylines of `color` with two or more points and width 2 (the series' lines).
fn count_lines_with_stroke(svg: &str, color: &str) -> usize {
    parse(svg)
        .descendants()
        .filter(|n| {
            n.has_tag_name("polyline")
                && n.attribute("stroke") == Some(color)
                && n.attribute("stroke-width") == Some("2")
                && n.attribute("points")
                    .is_some_and(|p| p.split_whitespace().count() >= 2)
        })
        .count()
}

#[test]
fn suppressed_bars_and_cells_are_marked_not_drawn() {
    // Standards: two bars for two shown touchpoints.
    let svg = standards_svg(&standards_input(), &standards_labels(), W, H, "s").unwrap();
    assert_eq!(count_filled(&svg, "rect", "#4A8FC4"), 2);
    // Channels: one digital bar per shown digital touchpoint, plus the legend swatch.
    let svg = channels_svg(&channels_input(), &channels_labels(), W, H, "c").unwrap();
    assert_eq!(count_filled(&svg, "rect", "#0072B2"), 2 + 1);
    assert_eq!(count_filled(&svg, "rect", "#B35806"), 1 + 1);
    // NPS: a detractor segment per shown group, plus the legend swatch.
    let svg = nps_svg(&nps_input(), &nps_labels(), W, H, "n").unwrap();
    assert_eq!(count_filled(&svg, "rect", "#B35806"), 2 + 1);
    // Likert: the top value's segment per shown item, plus the legend swatch.
    let svg = likert_svg(&likert_input(), &likert_labels(), W, H, "l").unwrap();
    assert_eq!(count_filled(&svg, "rect", "#1F5FA6"), 2 + 1);
    // Heat map: three shown numbers, three marks.
    let svg = heatmap_svg(&heatmap_input(), &heatmap_labels(), W, H, "h").unwrap();
    let drawn = text_nodes(&svg);
    assert_eq!(drawn.iter().filter(|t| *t == "<5").count(), 3);
    for v in ["71", "64", "58"] {
        assert_eq!(drawn.iter().filter(|t| *t == v).count(), 1, "{v}");
    }
    // Quadrant: two blue points (and the legend's), the suppressed one only named.
    let svg = quadrant_svg(&quadrant_input(), &quadrant_labels(), W, H, "q").unwrap();
    assert_eq!(count_filled(&svg, "circle", "#0072B2"), 2 + 1);
    assert!(!text_nodes(&svg).iter().any(|t| t == "Remote"));
}

const HOSTILE: &str = "<script>alert(1)</script> & \"x\" '\u{1}";

#[test]
fn text_from_the_data_is_inert() {
    let h = || HOSTILE.to_string();
    let mut outputs = Vec::new();
    let mut t = trend_input();
    t.periods[0] = h();
    t.series[0].name = h();
    let mut tl = trend_labels();
    tl.text.title = h();
    tl.x_axis = h();
    outputs.push(trend_svg(&t, &tl, W, H, "a").unwrap());
    let mut l = likert_input();
    l.items[0].label = h();
    let mut ll = likert_labels();
    ll.values[0] = h();
    ll.text.title = h();
    outputs.push(likert_svg(&l, &ll, W, H, "a").unwrap());
    let mut hm = heatmap_input();
    hm.rows[0] = h();
    hm.columns[0] = h();
    let mut hl = heatmap_labels();
    hl.text.title = h();
    outputs.push(heatmap_svg(&hm, &hl, W, H, "a").unwrap());
    let mut n = nps_input();
    n.groups[0].label = h();
    let mut nl = nps_labels();
    nl.score = h();
    nl.text.title = h();
    outputs.push(nps_svg(&n, &nl, W, H, "a").unwrap());
    let mut q = quadrant_input();
    q.points[1].label = h();
    q.points[4].label = h();
    let mut ql = quadrant_labels();
    ql.text.title = h();
    ql.text.desc = Some(h());
    outputs.push(quadrant_svg(&q, &ql, W, H, "a").unwrap());
    let mut s = standards_input();
    s.touchpoints[0].label = h();
    s.touchpoints[0].standard = h();
    let mut sl = standards_labels();
    sl.text.title = h();
    sl.text.suppressed = h();
    outputs.push(standards_svg(&s, &sl, W, H, "a").unwrap());
    let mut c = channels_input();
    c.channels[0].label = h();
    let mut cl = channels_labels();
    cl.digital = h();
    cl.text.title = h();
    outputs.push(channels_svg(&c, &cl, W, H, "a").unwrap());

    for svg in outputs {
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains('\u{1}'));
        let doc = parse(&svg);
        assert_eq!(
            doc.descendants()
                .filter(|n| n.is_element() && n.tag_name().name() == "script")
                .count(),
            0
        );
        // The text survives as text: the title reads back exactly (control character
        // dropped), and the visible labels hold the escaped markup.
        let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
        assert_eq!(title.text(), Some("<script>alert(1)</script> & \"x\" '"));
        assert!(text_nodes(&svg).iter().any(|t| t.contains("<script>")));
    }
}

#[test]
fn inconsistent_input_is_an_error() {
    let mut t = trend_input();
    t.series[0].values.pop();
    assert!(matches!(
        trend_svg(&t, &trend_labels(), W, H, "t"),
        Err(ChartError::Input(_))
    ));
    let mut t = trend_input();
    t.series[0].values[0] = est(f64::NAN);
    assert!(matches!(
        trend_svg(&t, &trend_labels(), W, H, "t"),
        Err(ChartError::Input(_))
    ));
    let mut l = likert_input();
    l.points = 12;
    assert!(matches!(
        likert_svg(&l, &likert_labels(), W, H, "l"),
        Err(ChartError::Input(_))
    ));
    let mut l = likert_input();
    l.items[0].shares = Datum::Shown(vec![0.5, 0.5]);
    assert!(matches!(
        likert_svg(&l, &likert_labels(), W, H, "l"),
        Err(ChartError::Input(_))
    ));
    let mut hm = heatmap_input();
    hm.values[0].pop();
    assert!(matches!(
        heatmap_svg(&hm, &heatmap_labels(), W, H, "h"),
        Err(ChartError::Input(_))
    ));
    assert_eq!(
        nps_svg(&nps_input(), &nps_labels(), 200, 100, "n"),
        Err(ChartError::TooSmall {
            width: 200,
            height: 100
        })
    );
}

#[test]
fn scales_of_three_to_eleven_points_render() {
    for points in 3..=11 {
        let shares = vec![1.0 / points as f64; points];
        let input = LikertInput {
            points,
            items: vec![LikertItem {
                label: "Item".into(),
                shares: Datum::Shown(shares),
            }],
        };
        let labels = LikertLabels {
            text: texts("Likert"),
            x_axis: String::new(),
            values: Vec::new(),
        };
        let svg = likert_svg(&input, &labels, W, H, "l").unwrap();
        let drawn = text_nodes(&svg);
        for v in 1..=points {
            assert!(drawn.contains(&v.to_string()), "{points}: {v}");
        }
    }
}

#[test]
fn empty_inputs_draw_an_empty_frame() {
    // With nothing to summarise there is no <desc>: the title alone labels the image.
    let only_title = |svg: String, prefix: &str, title: &str| {
        let doc = parse(&svg);
        let root = doc.root_element();
        assert_eq!(
            root.attribute("aria-labelledby"),
            Some(format!("{prefix}-title").as_str())
        );
        assert!(!root.children().any(|n| n.has_tag_name("desc")));
        assert!(text_nodes(&svg).iter().any(|t| t == title));
    };
    let t = TrendInput {
        periods: Vec::new(),
        series: Vec::new(),
        y_range: TrendInput::NPS_RANGE,
    };
    only_title(
        trend_svg(&t, &trend_labels(), W, H, "t").unwrap(),
        "t",
        "Trend title",
    );
    let n = NpsInput { groups: Vec::new() };
    only_title(
        nps_svg(&n, &nps_labels(), W, H, "n").unwrap(),
        "n",
        "NPS title",
    );
    let q = QuadrantInput {
        points: Vec::new(),
        median_importance: None,
        median_performance: None,
    };
    only_title(
        quadrant_svg(&q, &quadrant_labels(), W, H, "q").unwrap(),
        "q",
        "Quadrant title",
    );
    let h = HeatmapInput {
        rows: Vec::new(),
        columns: Vec::new(),
        values: Vec::new(),
    };
    only_title(
        heatmap_svg(&h, &heatmap_labels(), W, H, "h").unwrap(),
        "h",
        "Heatmap title",
    );
    let s = StandardsInput {
        touchpoints: Vec::new(),
    };
    only_title(
        standards_svg(&s, &standards_labels(), W, H, "s").unwrap(),
        "s",
        "Standards title",
    );
}

#[test]
fn draw_functions_work_on_part_of_a_larger_area() {
    // The report puts two charts side by side on one page: the right one must stay in
    // its half.
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (1280, 360)).into_drawing_area();
        let (left, right) = root.split_horizontally(640);
        draw_nps(&left, &nps_input(), &nps_labels()).unwrap();
        draw_standards(&right, &standards_input(), &standards_labels()).unwrap();
        root.present().unwrap();
    }
    let doc = parse(&buf);
    for n in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let x: f64 = n.attribute("x").unwrap().parse().unwrap();
        let t = n.text().unwrap_or("").trim();
        if ["Reception", "≤ 15 min", "Standards title", "72%"].contains(&t) {
            assert!(x >= 640.0, "{t} at {x}");
        }
        if ["All", "NPS title", "eNPS"].contains(&t) {
            assert!(x < 640.0, "{t} at {x}");
        }
    }
}

#[test]
fn analysis_figures_convert() {
    use otklik_analytics::{DimensionStats, Fig, NpsStats, StandardStats};
    let dim: Fig<DimensionStats> = Fig::Shown(DimensionStats {
        n: 40,
        index: 71.5,
        sd: Some(12.0),
        ci95: Some([67.6, 75.4]),
        alpha: None,
        alpha_n: 30,
    });
    assert_eq!(
        Datum::<Estimate>::from(&dim),
        Datum::Shown(Estimate {
            value: 71.5,
            ci95: Some([67.6, 75.4])
        })
    );
    assert_eq!(
        Datum::<Estimate>::from(&Fig::<DimensionStats>::Suppressed),
        Datum::Suppressed
    );
    let nps = NpsStats {
        n: 10,
        value: -50.0,
        se: 20.0,
        ci95: [-90.0, -10.0],
        promoters: 1,
        passives: 3,
        detractors: 6,
    };
    let parts = NpsParts::from(&nps);
    assert_eq!(
        (parts.detractors, parts.passives, parts.promoters, parts.nps),
        (0.6, 0.3, 0.1, -50.0)
    );
    let st = StandardStats {
        n: 50,
        max: 15.0,
        share: 0.7,
        ci95: [0.56, 0.81],
        median: 10.0,
        p90: 22.0,
    };
    assert_eq!(
        Share::from(&st),
        Share {
            share: 0.7,
            ci95: Some([0.56, 0.81])
        }
    );
    let item: Fig<otklik_analytics::ItemStats> = Fig::Shown(otklik_analytics::ItemStats {
        n: 10,
        mean: 3.5,
        sd: None,
        ci95: None,
        top2: 0.5,
        top2_ci95: [0.2, 0.8],
        bottom2: 0.2,
        index: 62.5,
        dist: vec![1, 1, 3, 4, 1],
    });
    assert_eq!(
        LikertItem::from_item("Q", &item).shares,
        Datum::Shown(vec![0.1, 0.1, 0.3, 0.4, 0.1])
    );
}

#[test]
fn snapshot_standards() {
    let input = StandardsInput {
        touchpoints: vec![
            StandardBar {
                label: "Reception".into(),
                standard: "≤ 15 min".into(),
                value: share(0.72),
            },
            StandardBar {
                label: "Post".into(),
                standard: "≤ 30 days".into(),
                value: Datum::Suppressed,
            },
        ],
    };
    let svg = standards_svg(&input, &standards_labels(), 480, 240, "snap-standards").unwrap();
    insta::assert_snapshot!("standards_small", svg);
}

#[test]
fn snapshot_nps() {
    let input = NpsInput {
        groups: vec![
            NpsGroup {
                label: "Всего".into(),
                value: Datum::Shown(NpsParts::from_counts(20, 30, 50)),
            },
            NpsGroup {
                label: "Пресс-служба".into(),
                value: Datum::Suppressed,
            },
        ],
    };
    let labels = NpsLabels {
        text: ChartText {
            title: "Готовность рекомендовать".into(),
            desc: None,
            suppressed: "<5".into(),
            suppressed_note: Some("<5 — меньше 5 ответов".into()),
            decimal_comma: true,
        },
        x_axis: "Доля ответов".into(),
        detractors: "Критики".into(),
        passives: "Нейтральные".into(),
        promoters: "Сторонники".into(),
        score: "eNPS".into(),
    };
    let svg = nps_svg(&input, &labels, 480, 240, "snap-nps").unwrap();
    insta::assert_snapshot!("nps_small", svg);
}

#[test]
fn crowded_small_charts_do_not_panic() {
    // The smallest size, long legends and many rows: whatever fits, but no panic and
    // well-formed output.
    let (w, h) = MIN_SIZE;
    let long = "Отдел регионального государственного контроля (надзора) и лицензирования";
    let mut t = trend_input();
    for i in 0..6 {
        t.series.push(TrendSeries {
            name: format!("{long} {i}"),
            values: vec![est(50.0), est(52.0), est(54.0), est(56.0)],
        });
    }
    parse(&trend_svg(&t, &trend_labels(), w, h, "t").unwrap());
    let likert = LikertInput {
        points: 11,
        items: (0..12)
            .map(|i| LikertItem {
                label: format!("{long} {i}"),
                shares: Datum::Shown(vec![1.0 / 11.0; 11]),
            })
            .collect(),
    };
    let labels = LikertLabels {
        text: texts("Likert"),
        x_axis: long.into(),
        values: (0..11).map(|v| format!("{v} — {long}")).collect(),
    };
    parse(&likert_svg(&likert, &labels, w, h, "l").unwrap());
    let hm = HeatmapInput {
        rows: (0..20).map(|i| format!("{long} {i}")).collect(),
        columns: (0..12).map(|i| format!("{long} {i}")).collect(),
        values: vec![vec![Datum::Shown(50.0); 12]; 20],
    };
    parse(&heatmap_svg(&hm, &heatmap_labels(), w, h, "h").unwrap());
    let n = NpsInput {
        groups: (0..20)
            .map(|i| NpsGroup {
                label: format!("{long} {i}"),
                value: Datum::Shown(NpsParts::from_counts(1, 2, 3)),
            })
            .collect(),
    };
    parse(&nps_svg(&n, &nps_labels(), w, h, "n").unwrap());
    let mut q = quadrant_input();
    for p in &mut q.points {
        p.label = long.into();
    }
    parse(&quadrant_svg(&q, &quadrant_labels(), w, h, "q").unwrap());
    let mut s = standards_input();
    for tp in &mut s.touchpoints {
        tp.label = long.into();
        tp.standard = long.into();
    }
    parse(&standards_svg(&s, &standards_labels(), w, h, "s").unwrap());
    let mut c = channels_input();
    for ch in &mut c.channels {
        ch.label = long.into();
    }
    let mut cl = channels_labels();
    cl.digital = long.into();
    cl.offline = long.into();
    parse(&channels_svg(&c, &cl, w, h, "c").unwrap());
}

/// However crowded the drivers, every point gets its number once, and the key names
/// every item in full (long texts never sit on the plot, so they cannot overlap).
#[test]
fn every_driver_is_numbered_and_named_in_the_key() {
    let points: Vec<QuadrantPoint> = (0..25)
        .map(|i| QuadrantPoint {
            label: format!("Item number {i} with a long text"),
            value: Datum::Shown(DriverPoint {
                importance: 0.5 + f64::from(i % 3) * 0.002,
                performance: 60.0 + f64::from(i % 4) * 0.1,
                priority: i % 5 == 0,
            }),
        })
        .collect();
    let input = QuadrantInput {
        points,
        median_importance: None,
        median_performance: None,
    };
    let h = quadrant_height(&input, W, 400);
    assert!(h > 400, "the key adds height");
    let svg = quadrant_svg(&input, &quadrant_labels(), W, h, "q").unwrap();
    let drawn = text_nodes(&svg);
    for i in 0..25 {
        let n = (i + 1).to_string();
        assert_eq!(drawn.iter().filter(|t| **t == n).count(), 1, "number {n}");
        let entry = format!("{n} Item number {i} with a long text");
        assert!(drawn.contains(&entry), "{entry:?} not in the key");
    }
}

/// A trend fitted to its data: the axis narrows to the values and intervals (on
/// multiples of 10, at least 20 wide, never past the scale), and a cut axis is marked.
#[test]
fn a_fitted_trend_shows_small_changes_and_marks_the_cut() {
    let fitted = trend_input().fit_y();
    let [lo, hi] = fitted.y_range;
    assert!(lo > 0.0 && hi < 100.0, "{lo}..{hi}");
    assert_eq!((lo % 10.0, hi % 10.0), (0.0, 0.0));
    assert!(hi - lo >= 20.0);
    for e in fitted
        .series
        .iter()
        .flat_map(|s| s.values.iter().filter_map(Datum::shown))
    {
        let [a, b] = e.ci95.unwrap_or([e.value, e.value]);
        assert!(lo <= a && b <= hi, "{a}..{b} outside {lo}..{hi}");
    }
    let cut = trend_svg(&fitted, &trend_labels(), W, H, "t").unwrap();
    let whole = trend_svg(&trend_input(), &trend_labels(), W, H, "t").unwrap();
    // The cut mark: a white patch across the y axis, absent from the whole axis.
    let white = |svg: &str| svg.matches(r##"fill="#FFFFFF""##).count();
    assert_eq!(white(&cut), white(&whole) + 1, "{cut}");
    // Nothing to fit: the range stays.
    let empty = TrendInput {
        series: vec![],
        ..trend_input()
    }
    .fit_y();
    assert_eq!(empty.y_range, TrendInput::INDEX_RANGE);
}
