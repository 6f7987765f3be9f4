//! Renders every chart with demo-like data and Russian labels into
//! `target/charts-gallery/*.svg`, at 640×360 and 960×480.
//!
//! ```sh
//! cargo run -p otklik-charts --example gallery
//! ```

use std::path::Path;

use otklik_charts::*;

fn est(value: f64, half: f64) -> Datum<Estimate> {
    Datum::Shown(Estimate {
        value,
        ci95: Some([value - half, value + half]),
    })
}

fn share(share: f64, lo: f64, hi: f64) -> Datum<Share> {
    Datum::Shown(Share {
        share,
        ci95: Some([lo, hi]),
    })
}

fn text(title: &str) -> ChartText {
    ChartText {
        title: title.into(),
        desc: None,
        suppressed: "<5".into(),
        suppressed_note: Some("<5 — меньше 5 ответов: значение не показывается".into()),
        decimal_comma: true,
    }
}

fn trend() -> (TrendInput, TrendLabels) {
    let periods = [
        "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2",
    ];
    let input = TrendInput {
        periods: periods.iter().map(|p| p.to_string()).collect(),
        series: vec![
            TrendSeries {
                name: "Вся организация".into(),
                values: vec![
                    est(61.2, 2.1),
                    est(62.0, 2.0),
                    est(63.5, 2.2),
                    est(64.1, 1.9),
                    est(65.8, 2.0),
                    est(66.3, 2.1),
                ],
            },
            TrendSeries {
                name: "Отдел регионального государственного контроля (надзора)".into(),
                values: vec![
                    est(54.0, 5.5),
                    est(57.2, 5.1),
                    Datum::Suppressed,
                    est(62.5, 4.8),
                    est(66.0, 4.5),
                    est(69.1, 4.2),
                ],
            },
            TrendSeries {
                name: "Юридический отдел".into(),
                values: vec![
                    est(70.0, 7.5),
                    est(68.2, 7.1),
                    est(65.0, 7.0),
                    Datum::Suppressed,
                    est(60.1, 7.4),
                    est(58.3, 7.7),
                ],
            },
        ],
        y_range: TrendInput::INDEX_RANGE,
    };
    let labels = TrendLabels {
        text: text("Уровень клиентоцентричности по кварталам"),
        x_axis: "Период".into(),
        y_axis: "Индекс, 0–100".into(),
        band: "95% доверительный интервал".into(),
    };
    (input, labels)
}

fn trend_nps() -> (TrendInput, TrendLabels) {
    let periods = ["2022", "2023", "2024"];
    let input = TrendInput {
        periods: periods.iter().map(|p| p.to_string()).collect(),
        series: vec![TrendSeries {
            name: "Вся организация".into(),
            values: vec![est(-12.0, 9.0), est(4.0, 8.5), est(17.0, 8.0)],
        }],
        y_range: TrendInput::NPS_RANGE,
    };
    let labels = TrendLabels {
        text: text("eNPS: готовность рекомендовать организацию как место работы"),
        x_axis: "Год".into(),
        y_axis: "eNPS, −100…100".into(),
        band: "95% доверительный интервал".into(),
    };
    (input, labels)
}

fn likert() -> (LikertInput, LikertLabels) {
    let item = |label: &str, shares: [f64; 5]| LikertItem {
        label: label.into(),
        shares: Datum::Shown(shares.to_vec()),
    };
    let input = LikertInput {
        points: 5,
        items: vec![
            item("Поручения в нашем подразделении выполняются качественно и в установленные сроки.", [0.04, 0.09, 0.19, 0.43, 0.25]),
            item("Объем поручений позволяет мне выполнять их качественно и в срок.", [0.08, 0.17, 0.27, 0.33, 0.15]),
            item("Контроль исполнения поручений организован понятно и справедливо.", [0.05, 0.12, 0.24, 0.38, 0.21]),
            item("Непосредственный руководитель ставит задачи понятно: ясны ожидаемый результат, сроки и приоритеты.", [0.03, 0.07, 0.15, 0.41, 0.34]),
            LikertItem {
                label: "При необходимости мне обеспечивается возможность работать в удаленном формате.".into(),
                shares: Datum::Suppressed,
            },
            item("Я могу открыто высказать свое мнение или несогласие, не опасаясь негативных последствий.", [0.11, 0.16, 0.25, 0.30, 0.18]),
        ],
    };
    let labels = LikertLabels {
        text: text("Исполнительская дисциплина и руководство: распределение ответов"),
        x_axis: "Доля ответов".into(),
        values: vec![
            "Полностью не согласен".into(),
            "Скорее не согласен".into(),
            "Затрудняюсь ответить".into(),
            "Скорее согласен".into(),
            "Полностью согласен".into(),
        ],
    };
    (input, labels)
}

fn heatmap() -> (HeatmapInput, HeatmapLabels) {
    let rows = [
        "Отдел регионального государственного контроля (надзора)",
        "Отдел лицензирования и лицензионного контроля",
        "Отдел по работе с обращениями граждан",
        "Отдел документационного обеспечения",
        "Отдел бухгалтерского учета и финансового обеспечения",
        "Отдел информационных технологий",
        "Юридический отдел",
        "Пресс-служба",
    ];
    let columns = [
        "Условия труда",
        "Исполнительская дисциплина",
        "Взаимодействие с непосредственным руководителем",
        "Социальная среда (климат в коллективе)",
        "Внутреннее взаимодействие между подразделениями",
        "Развитие и мотивация",
    ];
    let base = [66.0, 58.0, 71.0, 62.0, 74.0, 69.0, 77.0, 0.0];
    let offsets = [4.0, -3.0, 6.0, 2.0, -9.0, -6.0];
    let values = base
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            offsets
                .iter()
                .enumerate()
                .map(|(j, &o)| {
                    if i == 7 || (i == 6 && j == 4) {
                        Datum::Suppressed
                    } else {
                        Datum::Shown(f64::min(100.0, b + o + ((i * 7 + j * 3) % 9) as f64 - 4.0))
                    }
                })
                .collect()
        })
        .collect();
    let input = HeatmapInput {
        rows: rows.iter().map(|s| s.to_string()).collect(),
        columns: columns.iter().map(|s| s.to_string()).collect(),
        values,
    };
    let labels = HeatmapLabels {
        text: text("Индексы направлений по подразделениям"),
        scale: "Индекс, 0–100".into(),
    };
    (input, labels)
}

fn nps() -> (NpsInput, NpsLabels) {
    let group = |label: &str, d: u64, p: u64, pr: u64| NpsGroup {
        label: label.into(),
        value: Datum::Shown(NpsParts::from_counts(d, p, pr)),
    };
    let input = NpsInput {
        groups: vec![
            group("Вся организация", 61, 88, 92),
            group(
                "Отдел регионального государственного контроля (надзора)",
                22,
                30,
                21,
            ),
            group("Отдел лицензирования и лицензионного контроля", 8, 14, 15),
            group("Отдел по работе с обращениями граждан", 5, 7, 11),
            group("Отдел информационных технологий", 1, 4, 6),
            NpsGroup {
                label: "Пресс-служба".into(),
                value: Datum::Suppressed,
            },
        ],
    };
    let labels = NpsLabels {
        text: text("Готовность рекомендовать организацию как место работы (eNPS)"),
        x_axis: "Доля ответов".into(),
        detractors: "Критики (0–6)".into(),
        passives: "Нейтральные (7–8)".into(),
        promoters: "Сторонники (9–10)".into(),
        score: "eNPS".into(),
    };
    (input, labels)
}

fn quadrant() -> (QuadrantInput, QuadrantLabels) {
    let point = |label: &str, importance: f64, performance: f64, priority: bool| QuadrantPoint {
        label: label.into(),
        value: Datum::Shown(DriverPoint {
            importance,
            performance,
            priority,
        }),
    };
    let input = QuadrantInput {
        points: vec![
            point("Условия на рабочем месте", 0.41, 71.0, false),
            point("Работа АРМ и СЭД", 0.52, 54.0, true),
            point("Охрана труда", 0.28, 82.0, false),
            point("Качество и сроки поручений", 0.49, 66.0, false),
            point("Объем поручений", 0.58, 51.0, true),
            point("Понятная постановка задач", 0.61, 72.0, false),
            point("Обратная связь от руководителя", 0.55, 59.0, true),
            point("Отношения в коллективе", 0.37, 76.0, false),
            point("Открыто высказывать мнение", 0.47, 57.0, false),
            point("Ответы других подразделений в срок", 0.44, 49.0, false),
            point("Система мотивации и поощрения", 0.63, 45.0, true),
            point("Профессиональное развитие", 0.51, 60.0, false),
            QuadrantPoint {
                label: "Удаленный формат работы".into(),
                value: Datum::Suppressed,
            },
        ],
        median_importance: None,
        median_performance: None,
    };
    let labels = QuadrantLabels {
        text: text("Факторы уровня клиентоцентричности: важность и исполнение"),
        x_axis: "Важность (корреляция с уровнем, r)".into(),
        y_axis: "Исполнение, индекс 0–100".into(),
        priority: "Приоритет: важно, но ниже медианы".into(),
        other: "Остальные".into(),
        median: "Медианы".into(),
    };
    (input, labels)
}

fn standards() -> (StandardsInput, StandardsLabels) {
    let bar = |label: &str, standard: &str, value: Datum<Share>| StandardBar {
        label: label.into(),
        standard: standard.into(),
        value,
    };
    let input = StandardsInput {
        touchpoints: vec![
            bar("Личный прием", "ожидание ≤ 15 мин", share(0.72, 0.66, 0.77)),
            bar(
                "Телефон (кол-центр)",
                "переключений ≤ 1",
                share(0.81, 0.75, 0.86),
            ),
            bar(
                "«Горячая линия»",
                "переключений ≤ 1",
                share(0.64, 0.53, 0.74),
            ),
            bar(
                "Электронная почта, электронное обращение",
                "ответ ≤ 30 дн.",
                share(0.93, 0.88, 0.96),
            ),
            bar("Письмо по почте", "ответ ≤ 30 дн.", Datum::Suppressed),
        ],
    };
    let labels = StandardsLabels {
        text: text("Соблюдение стандартов обслуживания"),
        x_axis: "Доля ответов в пределах стандарта".into(),
    };
    (input, labels)
}

fn channels() -> (ChannelsInput, ChannelsLabels) {
    let ch = |label: &str, kind: ChannelKind, value: Datum<Share>| ChannelBar {
        label: label.into(),
        kind,
        value,
    };
    let input = ChannelsInput {
        channels: vec![
            ch(
                "Официальный сайт, государственные информационные системы, портал госуслуг",
                ChannelKind::Digital,
                share(0.31, 0.28, 0.34),
            ),
            ch(
                "Социальные сети, публичные каналы и чаты в мессенджерах",
                ChannelKind::Digital,
                share(0.07, 0.05, 0.09),
            ),
            ch(
                "Электронная почта, электронное обращение",
                ChannelKind::Digital,
                share(0.12, 0.10, 0.14),
            ),
            ch(
                "Телефон (кол-центр)",
                ChannelKind::Offline,
                share(0.22, 0.19, 0.25),
            ),
            ch(
                "«Горячая линия»",
                ChannelKind::Offline,
                share(0.06, 0.05, 0.08),
            ),
            ch("Письмо по почте", ChannelKind::Offline, Datum::Suppressed),
            ch(
                "Личный прием",
                ChannelKind::Offline,
                share(0.19, 0.16, 0.22),
            ),
        ],
    };
    let labels = ChannelsLabels {
        text: text("Каналы обращения"),
        x_axis: "Доля обращений".into(),
        digital: "Цифровые".into(),
        offline: "Традиционные".into(),
    };
    (input, labels)
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/charts-gallery");
    std::fs::create_dir_all(&dir).expect("create target/charts-gallery");
    let mut out: Vec<(String, String)> = Vec::new();
    for (w, h) in [(640, 360), (960, 480)] {
        let (i, l) = trend();
        out.push((
            format!("trend-{w}"),
            trend_svg(&i, &l, w, h, "trend").unwrap(),
        ));
        let (i, l) = trend_nps();
        out.push((
            format!("trend-nps-{w}"),
            trend_svg(&i, &l, w, h, "trend-nps").unwrap(),
        ));
        let (i, l) = likert();
        out.push((
            format!("likert-{w}"),
            likert_svg(&i, &l, w, h, "likert").unwrap(),
        ));
        let (i, l) = heatmap();
        out.push((
            format!("heatmap-{w}"),
            heatmap_svg(&i, &l, w, h, "heatmap").unwrap(),
        ));
        let (i, l) = nps();
        out.push((format!("nps-{w}"), nps_svg(&i, &l, w, h, "nps").unwrap()));
        let (i, l) = quadrant();
        out.push((
            format!("quadrant-{w}"),
            quadrant_svg(&i, &l, w, quadrant_height(&i, w, h), "quadrant").unwrap(),
        ));
        let (i, l) = standards();
        out.push((
            format!("standards-{w}"),
            standards_svg(&i, &l, w, h, "standards").unwrap(),
        ));
        let (i, l) = channels();
        out.push((
            format!("channels-{w}"),
            channels_svg(&i, &l, w, h, "channels").unwrap(),
        ));
    }
    for (name, svg) in out {
        let path = dir.join(format!("{name}.svg"));
        println!("{:>6} bytes  {}", svg.len(), path.display());
        std::fs::write(path, svg).expect("write an SVG");
    }
}
