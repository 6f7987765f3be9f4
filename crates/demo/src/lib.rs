//! Deterministic, realistic synthetic responses for Otklik's demo, tests and benchmarks.
//!
//! [`generate_csv`] writes a response file (the documented CSV) for any survey
//! definition from a seed: the same seed gives the same bytes. The data follow a
//! latent satisfaction per respondent with effects that make the charts tell a
//! story: unit sizes follow the headcounts (so small units fall below K), one large
//! unit improves over time and another worsens, one touchpoint has long waits that
//! grow, and every `visible_if` is respected.
//!
//! [`templates`] are the two built-in survey templates; [`bench_survey`] is the
//! benchmark's survey (20 scale items, an NPS and a service standard).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use otklik_survey::{Period, Question, QuestionKind, Role, Survey};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, LogNormal, StandardNormal};

/// The internal-client template (employees).
pub const INTERNAL_TEMPLATE: &str = include_str!("../../../fixtures/surveys/internal-client.json");
/// The external-client template (citizens and businesses).
pub const EXTERNAL_TEMPLATE: &str = include_str!("../../../fixtures/surveys/external-client.json");

/// The built-in templates, parsed: internal, then external.
pub fn templates() -> [Survey; 2] {
    [
        Survey::from_json(INTERNAL_TEMPLATE).expect("the internal template is valid"),
        Survey::from_json(EXTERNAL_TEMPLATE).expect("the external template is valid"),
    ]
}

/// The benchmark survey: a department key, 20 five-point items in four dimensions,
/// an NPS and a waiting time with a 15-minute standard.
pub fn bench_survey() -> Survey {
    let mut q = vec![serde_like_choice()];
    for i in 0..20 {
        q.push(format!(
            r#"{{"id":"q{i:02}","type":"scale","dimension":"d{}","text":"Item {i}"}}"#,
            i / 5
        ));
    }
    q.push(r#"{"id":"rec","type":"nps","text":"Recommend?"}"#.to_owned());
    q.push(r#"{"id":"wait","type":"number","min":0,"max":600,"standard_max":15,"text":"Waiting, minutes"}"#.to_owned());
    let dims: Vec<String> = (0..4)
        .map(|d| format!(r#"{{"id":"d{d}","title":"Dimension {d}"}}"#))
        .collect();
    let json = format!(
        r#"{{"id":"bench","version":1,"audience":"external","title":"Benchmark","dimensions":[{}],"questions":[{}]}}"#,
        dims.join(","),
        q.join(",")
    );
    Survey::from_json(&json).expect("the benchmark survey is valid")
}

fn serde_like_choice() -> String {
    let opts: Vec<String> = (0..12)
        .map(|i| format!(r#"{{"id":"u{i:02}","label":"Unit {i}"}}"#))
        .collect();
    format!(
        r#"{{"id":"dept","type":"choice","group":true,"role":"segment","text":"Unit","options":[{}]}}"#,
        opts.join(",")
    )
}

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// The first year (its first period is the first one generated).
    pub first_year: u16,
    /// The last period, inclusive; its granularity is used for all periods.
    pub last: Period,
    /// Total responses; `None` derives it from the headcounts (internal) or uses 6,000.
    pub responses: Option<usize>,
}

impl Default for Spec {
    fn default() -> Self {
        Spec {
            first_year: 2022,
            last: "2026-Q3".parse().expect("a period"),
            responses: None,
        }
    }
}

/// The periods from `first_year` to `last`, of `last`'s granularity.
pub fn periods(spec: &Spec) -> Vec<Period> {
    let per_year: u8 = match spec.last.granularity() {
        otklik_survey::Granularity::Year => 1,
        otklik_survey::Granularity::Half => 2,
        otklik_survey::Granularity::Quarter => 4,
        otklik_survey::Granularity::Month => 12,
    };
    let mut out = Vec::new();
    for year in spec.first_year..=spec.last.year() {
        for part in 1..=per_year {
            let label = match spec.last.granularity() {
                otklik_survey::Granularity::Year => format!("{year}"),
                otklik_survey::Granularity::Half => format!("{year}-H{part}"),
                otklik_survey::Granularity::Quarter => format!("{year}-Q{part}"),
                otklik_survey::Granularity::Month => format!("{year}-{part:02}"),
            };
            let p: Period = label.parse().expect("a generated period");
            if p <= spec.last {
                out.push(p);
            }
        }
    }
    out
}

/// Comments of employees (internal surveys) and of citizens and businesses
/// (external ones), each survey in its own voice.
const TEXTS_INTERNAL: [&str; 12] = [
    "Больше обучения для новых сотрудников.",
    "Согласования занимают слишком много времени.",
    "Хорошая команда, приятно работать.",
    "База знаний устарела, приходится спрашивать коллег.",
    "Задачи ставятся нечетко, сроки меняются.",
    "Предлагаю проводить короткие планерки раз в неделю.",
    "СЭД часто зависает, особенно в конце месяца.",
    "Ответы на служебные записки из других отделов приходится ждать неделями.",
    "Не хватает обратной связи от руководителя по итогам работы.",
    "Хотелось бы больше возможностей работать удаленно.",
    "Нужны понятные критерии премирования.",
    "Спасибо коллегам из соседнего отдела за помощь с отчетом.",
];
const TEXTS_EXTERNAL: [&str; 12] = [
    "Спасибо за вежливое и внимательное отношение.",
    "Хотелось бы сократить время ожидания.",
    "Сложно найти нужную информацию на сайте.",
    "Ответ пришел быстро, все понятно.",
    "Прошу продлить часы приема по вторникам.",
    "Не хватает обратной связи о ходе рассмотрения обращения.",
    "Формы документов стоит упростить.",
    "Сотрудник подробно проконсультировал, благодарю!",
    "По телефону несколько раз переключали на других специалистов.",
    "Нужна возможность записаться на прием онлайн.",
    "В зоне ожидания не хватает мест.",
    "Электронная форма не сохранила введенные данные, пришлось заполнять заново.",
];

struct Story {
    /// The grouping question that carries unit effects.
    unit_q: Option<usize>,
    unit_weights: Vec<f64>,
    unit_effect: Vec<f64>,
    improving: Option<usize>,
    worsening: Option<usize>,
    touchpoint_q: Option<usize>,
    slow_touchpoint: Option<usize>,
    item_mean: Vec<f64>,
    item_loading: Vec<f64>,
}

fn story(survey: &Survey, rng: &mut ChaCha8Rng) -> Story {
    let unit_q = survey
        .with_role(Role::Segment)
        .or_else(|| survey.group_questions().next());
    let (mut unit_weights, mut unit_effect) = (Vec::new(), Vec::new());
    let (mut improving, mut worsening) = (None, None);
    if let Some(q) = unit_q {
        let options = survey.questions[q].kind.options();
        unit_weights = options
            .iter()
            .enumerate()
            .map(|(i, o)| o.headcount.map_or(1.0 / (1.0 + i as f64 * 0.6), f64::from))
            .collect();
        unit_effect = options.iter().map(|_| rng.gen_range(-0.35..0.35)).collect();
        let mut by_size: Vec<usize> = (0..options.len()).collect();
        by_size.sort_by(|&a, &b| unit_weights[b].total_cmp(&unit_weights[a]));
        improving = by_size.first().copied();
        worsening = by_size.get(1).copied();
    }
    let touchpoint_q = survey.with_role(Role::Touchpoint);
    let slow_touchpoint = touchpoint_q.and_then(|tq| {
        let tp = &survey.questions[tq];
        // The touchpoint named by the first standard's visibility, else the first offline one.
        survey
            .questions
            .iter()
            .find_map(|q| match (&q.kind, &q.visible_if) {
                (
                    QuestionKind::Number {
                        standard_max: Some(_),
                        ..
                    },
                    Some(c),
                ) if c.question == tp.id => tp
                    .kind
                    .options()
                    .iter()
                    .position(|o| c.values.contains(&o.id)),
                _ => None,
            })
            .or_else(|| {
                tp.kind
                    .options()
                    .iter()
                    .position(|o| o.channel == Some(otklik_survey::Channel::Offline))
            })
    });
    let item_mean = survey
        .questions
        .iter()
        .map(|_| rng.gen_range(-0.6..0.5))
        .collect();
    let item_loading = survey
        .questions
        .iter()
        .map(|_| rng.gen_range(0.45..1.25))
        .collect();
    Story {
        unit_q,
        unit_weights,
        unit_effect,
        improving,
        worsening,
        touchpoint_q,
        slow_touchpoint,
        item_mean,
        item_loading,
    }
}

fn pick(rng: &mut ChaCha8Rng, weights: &[f64]) -> usize {
    let total: f64 = weights.iter().sum();
    let mut x = rng.gen_range(0.0..total);
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.len() - 1
}

fn visible(q: &Question, survey: &Survey, cells: &[String]) -> bool {
    let Some(c) = &q.visible_if else { return true };
    let Some(i) = survey.question_index(&c.question) else {
        return true;
    };
    let answer = &cells[i];
    if answer.is_empty() {
        return false;
    }
    answer.split(';').any(|a| c.values.iter().any(|v| v == a))
}

/// Generates a response file (CSV, as documented) for `survey`.
pub fn generate_csv(survey: &Survey, spec: &Spec, seed: u64) -> Vec<u8> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let st = story(survey, &mut rng);
    let periods = periods(spec);
    let total = spec.responses.unwrap_or_else(|| {
        if st.unit_weights.iter().all(|&w| w >= 1.0) && st.unit_q.is_some() {
            // A wave per period, answered by about 70% of the staff.
            (st.unit_weights.iter().sum::<f64>() * 0.7 * periods.len() as f64) as usize
        } else {
            6000
        }
    });
    let mut w = csv::WriterBuilder::new().from_writer(Vec::with_capacity(total * 64));
    let mut header = vec!["response_id".to_owned(), "period".to_owned()];
    header.extend(survey.questions.iter().map(|q| q.id.clone()));
    w.write_record(&header).expect("writing to memory");
    let nq = survey.questions.len();
    let mut cells = vec![String::new(); nq];
    let span = (periods.len().max(2) - 1) as f64;
    for r in 0..total {
        let pi = r * periods.len() / total.max(1);
        let t = pi as f64 / span; // 0..=1 over the whole range
        cells.iter_mut().for_each(String::clear);
        let latent: f64 = StandardNormal.sample(&mut rng);
        let mut effect = 0.0;
        if let Some(uq) = st.unit_q {
            let u = pick(&mut rng, &st.unit_weights);
            cells[uq] = survey.questions[uq].kind.options()[u].id.clone();
            effect += st.unit_effect[u];
            if Some(u) == st.improving {
                effect += -0.5 + 1.1 * t;
            }
            if Some(u) == st.worsening {
                effect += 0.4 - 1.0 * t;
            }
        }
        for (qi, q) in survey.questions.iter().enumerate() {
            if Some(qi) == st.unit_q || !visible(q, survey, &cells) {
                continue;
            }
            let answers = q.required || rng.gen_bool(0.88);
            if !answers {
                continue;
            }
            let noise: f64 = StandardNormal.sample(&mut rng);
            let z = st.item_loading[qi] * (latent + effect) + 0.7 * noise;
            cells[qi] = match &q.kind {
                QuestionKind::Scale { points, .. } => {
                    let m = f64::from(*points);
                    let x = (m + 1.0) / 2.0 + 0.55 + st.item_mean[qi] + z * (m - 1.0) / 4.5;
                    (x.round().clamp(1.0, m) as u8).to_string()
                }
                QuestionKind::Nps { .. } => ((7.4 + 2.1 * (latent + effect) + 1.2 * noise)
                    .round()
                    .clamp(0.0, 10.0) as u8)
                    .to_string(),
                QuestionKind::Choice { options, .. } => {
                    let weights: Vec<f64> = (0..options.len())
                        .map(|i| 1.0 / (1.0 + i as f64 * 0.35))
                        .collect();
                    options[pick(&mut rng, &weights)].id.clone()
                }
                QuestionKind::Multi { options } => {
                    let chosen: Vec<&str> = options
                        .iter()
                        .filter(|_| rng.gen_bool(0.3))
                        .map(|o| o.id.as_str())
                        .collect();
                    if chosen.is_empty() {
                        options[0].id.clone()
                    } else {
                        chosen.join(";")
                    }
                }
                QuestionKind::YesNo => {
                    let p = 1.0 / (1.0 + (-(1.1 + 1.3 * (latent + effect))).exp());
                    if rng.gen_bool(p) { "yes" } else { "no" }.to_owned()
                }
                QuestionKind::Number {
                    min,
                    max,
                    integer,
                    standard_max,
                    ..
                } => {
                    let scale = standard_max.unwrap_or((max - min) / 10.0).max(1.0);
                    let slow = st.touchpoint_q.is_some_and(|tq| {
                        st.slow_touchpoint
                            .is_some_and(|s| cells[tq] == survey.questions[tq].kind.options()[s].id)
                    });
                    // The slow touchpoint drifts from most answers within the standard
                    // (about 80%) to about 60% in the last period: a decline worth a
                    // recommendation, at a plausible level.
                    let median = if slow {
                        scale * (0.6 + 0.25 * t)
                    } else {
                        scale * 0.55
                    };
                    let v = LogNormal::new(median.ln(), 0.55)
                        .expect("valid")
                        .sample(&mut rng);
                    let v = if *integer {
                        v.round()
                    } else {
                        (v * 2.0).round() / 2.0
                    };
                    otklik_survey::export::format_number(v.clamp(*min, *max))
                }
                QuestionKind::Text { .. } => {
                    if rng.gen_bool(0.18) {
                        let texts = if survey.audience == otklik_survey::Audience::Internal {
                            &TEXTS_INTERNAL
                        } else {
                            &TEXTS_EXTERNAL
                        };
                        (*texts.choose(&mut rng).expect("non-empty")).to_owned()
                    } else {
                        String::new()
                    }
                }
            };
        }
        let id = format!("r-{:012x}", rng.gen::<u64>() & 0xffff_ffff_ffff);
        let mut record = Vec::with_capacity(nq + 2);
        record.push(id);
        record.push(periods[pi].to_string());
        record.extend(cells.iter().cloned());
        w.write_record(&record).expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

#[cfg(test)]
mod tests {
    use super::*;
    use otklik_survey::import;
    use std::collections::BTreeMap;

    #[test]
    fn the_same_seed_gives_the_same_bytes_and_the_data_import_cleanly() {
        for survey in templates() {
            let spec = Spec {
                responses: Some(400),
                ..Spec::default()
            };
            let a = generate_csv(&survey, &spec, 7);
            assert_eq!(a, generate_csv(&survey, &spec, 7));
            assert_ne!(a, generate_csv(&survey, &spec, 8));
            let data =
                import::read_csv(&survey, "demo.csv", &a, &import::Limits::default()).unwrap();
            assert_eq!(data.len(), 400);
            assert_eq!(data.periods().len(), 19);
        }
    }

    #[test]
    fn the_benchmark_survey_generates() {
        let s = bench_survey();
        let csv = generate_csv(
            &s,
            &Spec {
                responses: Some(50),
                ..Spec::default()
            },
            1,
        );
        assert_eq!(
            import::read_csv(&s, "b.csv", &csv, &import::Limits::default())
                .unwrap()
                .len(),
            50
        );
    }

    /// Each survey's comments are in its own voice: an employee's in the internal
    /// survey, a citizen's or a business's in the external one.
    #[test]
    fn comments_are_in_the_voice_of_their_survey() {
        for survey in templates() {
            let csv = generate_csv(&survey, &Spec::default(), 5);
            let own: &[&str] = if survey.audience == otklik_survey::Audience::Internal {
                &TEXTS_INTERNAL
            } else {
                &TEXTS_EXTERNAL
            };
            let text_cols: Vec<usize> = survey
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| matches!(q.kind, QuestionKind::Text { .. }))
                .map(|(i, _)| i + 2)
                .collect();
            let mut rdr = csv::Reader::from_reader(&csv[..]);
            let mut seen = 0;
            for rec in rdr.records() {
                let rec = rec.unwrap();
                for &c in &text_cols {
                    let t = &rec[c];
                    if !t.is_empty() {
                        assert!(own.contains(&t), "{}: {t:?}", survey.id);
                        seen += 1;
                    }
                }
            }
            assert!(seen > 0, "{}", survey.id);
        }
    }

    /// The waiting-time story stays plausible: the slow touchpoint's share within
    /// the standard falls over the periods, but not below half.
    #[test]
    fn the_standard_declines_but_stays_plausible() {
        let survey = templates()
            .into_iter()
            .find(|s| s.id == "external-client")
            .unwrap();
        let csv = generate_csv(&survey, &Spec::default(), 5);
        let q = survey.question_index("wait_minutes").unwrap() + 2;
        let mut rdr = csv::Reader::from_reader(&csv[..]);
        let mut by_period: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        for rec in rdr.records() {
            let rec = rec.unwrap();
            if let Ok(v) = rec[q].parse::<f64>() {
                let e = by_period.entry(rec[1].to_owned()).or_default();
                e.0 += u32::from(v <= 15.0);
                e.1 += 1;
            }
        }
        let share = |(within, n): (u32, u32)| f64::from(within) / f64::from(n);
        let first = share(*by_period.values().next().unwrap());
        let last = share(*by_period.values().last().unwrap());
        assert!(first > last, "{first} -> {last}");
        assert!((0.5..0.85).contains(&last), "{last}");
    }
}
