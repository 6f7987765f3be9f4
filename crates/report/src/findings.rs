//! Plain-language findings from the figures, and recommendations from the drivers.

use otklik_analytics::{Change, DriverStats, FigureId};
use otklik_survey::Audience;

use crate::build::{change, find, question_text, scale_items, Ind, Run, F};
use crate::i18n::{delta, num, Lang};

fn quoted(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Ru => format!("«{s}»"),
        Lang::En => format!("“{s}”"),
    }
}

/// A value as it reads in a sentence: `63,4`, `+12,0` (NPS), `82,0 %`.
fn value(ind: &Ind, v: f64, lang: Lang) -> String {
    match ind {
        Ind::Nps(_) => delta(v, 1, lang),
        i if i.is_share() => match lang {
            Lang::Ru => format!("{}\u{a0}%", num(v, 1, lang)),
            Lang::En => format!("{}%", num(v, 1, lang)),
        },
        _ => num(v, 1, lang),
    }
}

/// The subject of a sentence and whether it is feminine (for the Russian verb).
fn subject(ind: &Ind, run: &Run<'_>) -> (String, bool) {
    let lang = run.lang;
    let ru = lang == Lang::Ru;
    match ind {
        Ind::Ccl => (
            if ru {
                "Уровень клиентоцентричности".into()
            } else {
                "The client-centricity level".into()
            },
            false,
        ),
        Ind::Dim(_) => (
            if ru {
                format!("Индекс направления {}", quoted(&ind.label(run), lang))
            } else {
                format!("The index of {}", quoted(&ind.label(run), lang))
            },
            false,
        ),
        Ind::Item(id, _) => (
            if ru {
                format!(
                    "Оценка {}",
                    quoted(&question_text(run.survey, id, lang), lang)
                )
            } else {
                format!(
                    "The score of {}",
                    quoted(&question_text(run.survey, id, lang), lang)
                )
            },
            true,
        ),
        Ind::Nps(_) => (ind.label(run), false),
        Ind::Ces(_) => (
            if ru {
                "Доля клиентов, которым было легко решить вопрос,".into()
            } else {
                "The share of clients who found it easy".into()
            },
            true,
        ),
        Ind::Resolution(_) => (
            if ru {
                "Доля решенных вопросов".into()
            } else {
                "The share of resolved issues".into()
            },
            true,
        ),
        Ind::Standard(id) => (
            if ru {
                format!(
                    "Доля ответов в пределах стандарта {} ({})",
                    crate::build::norm(run.survey, id, lang),
                    question_text(run.survey, id, lang)
                )
            } else {
                format!(
                    "The share of answers within the standard {} ({})",
                    crate::build::norm(run.survey, id, lang),
                    question_text(run.survey, id, lang)
                )
            },
            true,
        ),
    }
}

fn change_sentence(ind: &Ind, c: &Change, run: &Run<'_>) -> String {
    let lang = run.lang;
    let (subj, fem) = subject(ind, run);
    let up = c.delta > 0.0;
    let from = value(ind, ind.display(c.from), lang);
    let to = value(ind, ind.display(c.to), lang);
    let out_of = if matches!(ind, Ind::Dim(_) | Ind::Item(..) | Ind::Ccl) {
        match lang {
            Lang::Ru => " из 100",
            Lang::En => " out of 100",
        }
    } else {
        ""
    };
    let sig = match (lang, c.significant) {
        (Lang::Ru, true) => "значимо",
        (Lang::Ru, false) => "незначимо",
        (Lang::En, true) => "significant",
        (Lang::En, false) => "not significant",
    };
    match lang {
        Lang::Ru => {
            let verb = match (up, fem) {
                (true, false) => "вырос",
                (false, false) => "снизился",
                (true, true) => "выросла",
                (false, true) => "снизилась",
            };
            format!("{subj} {verb} с {from} до {to}{out_of} ({sig}).")
        }
        Lang::En => {
            let verb = if up { "rose" } else { "fell" };
            format!("{subj} {verb} from {from} to {to}{out_of} ({sig}).")
        }
    }
}

/// Three or four sentences: the level, the largest significant changes from the
/// previous year, and the strongest and weakest areas when there is room.
pub(crate) fn findings(run: &Run<'_>) -> Vec<String> {
    let lang = run.lang;
    let ru = lang == Lang::Ru;
    let year = find(&run.main, run.year, &[]);
    let mut out = Vec::new();
    let audience = match (run.survey.audience, ru) {
        (Audience::Internal, true) => "внутренних клиентов",
        (Audience::External, true) => "внешних клиентов",
        (Audience::Internal, false) => "internal clients",
        (Audience::External, false) => "external clients",
    };
    match Ind::Ccl.get(year) {
        F::Shown(e) => {
            let ci =
                e.ci.map(|c| crate::i18n::interval(c, 1, lang))
                    .unwrap_or_default();
            let mut s = if ru {
                format!(
                    "Уровень клиентоцентричности по оценкам {audience} в {} году — {} из 100 (95% ДИ {ci}; n = {}).",
                    run.year,
                    num(e.value, 1, lang),
                    crate::i18n::int(e.n, lang)
                )
            } else {
                format!(
                    "The client-centricity level as rated by {audience} in {} is {} out of 100 (95% CI {ci}; n = {}).",
                    run.year,
                    num(e.value, 1, lang),
                    crate::i18n::int(e.n, lang)
                )
            };
            if let Some(p) = run.prev {
                if let Some(c) = change(&run.main, p, run.year, &[], &FigureId::Ccl) {
                    let d = num(c.delta.abs(), 1, lang);
                    s.push(' ');
                    s.push_str(&match (ru, c.delta > 0.0, c.significant) {
                        _ if d == num(0.0, 1, lang) => {
                            if ru {
                                format!("По сравнению с {p} годом он практически не изменился.")
                            } else {
                                format!("It is practically unchanged from {p}.")
                            }
                        }
                        (true, true, true) => format!("По сравнению с {p} годом он вырос на {d} п.; изменение значимо."),
                        (true, false, true) => format!("По сравнению с {p} годом он снизился на {d} п.; изменение значимо."),
                        (true, true, false) => format!("По сравнению с {p} годом он вырос на {d} п., но изменение незначимо."),
                        (true, false, false) => format!("По сравнению с {p} годом он снизился на {d} п., но изменение незначимо."),
                        (false, true, true) => format!("Compared with {p} it rose by {d} points, a significant change."),
                        (false, false, true) => format!("Compared with {p} it fell by {d} points, a significant change."),
                        (false, true, false) => format!("Compared with {p} it rose by {d} points; the change is not significant."),
                        (false, false, false) => format!("Compared with {p} it fell by {d} points; the change is not significant."),
                    });
                }
            }
            out.push(s);
        }
        F::Suppressed => out.push(if ru {
            format!(
                "Уровень клиентоцентричности за {} год не показывается: меньше {} ответов.",
                run.year, run.k
            )
        } else {
            format!(
                "The client-centricity level for {} is not shown: fewer than {} responses.",
                run.year, run.k
            )
        }),
        F::Absent => {}
    }

    // The largest significant changes, in display units.
    let mut candidates: Vec<Ind> = run
        .survey
        .dimensions
        .iter()
        .map(|d| Ind::Dim(d.id.clone()))
        .collect();
    candidates.extend(scale_items(run.survey));
    for q in &run.survey.questions {
        match (&q.kind, q.role) {
            (otklik_survey::QuestionKind::Nps { .. }, _) => candidates.push(Ind::Nps(q.id.clone())),
            (otklik_survey::QuestionKind::YesNo, Some(otklik_survey::Role::Resolution)) => {
                candidates.push(Ind::Resolution(q.id.clone()))
            }
            (
                otklik_survey::QuestionKind::Number {
                    standard_max: Some(_),
                    ..
                },
                _,
            ) => candidates.push(Ind::Standard(q.id.clone())),
            _ => {}
        }
    }
    let mut significant: Vec<(f64, String)> = Vec::new();
    if let Some(p) = run.prev {
        for ind in &candidates {
            if let Some(c) = change(&run.main, p, run.year, &[], &ind.figure()) {
                if c.significant {
                    significant.push((
                        ind.display_delta(c.delta).abs(),
                        change_sentence(ind, c, run),
                    ));
                }
            }
        }
    }
    significant.sort_by(|a, b| b.0.total_cmp(&a.0));
    let room = 4 - out.len().min(4);
    let take = room.min(3);
    let n_sig = significant.len();
    out.extend(significant.into_iter().take(take).map(|x| x.1));

    // The strongest and weakest areas, when fewer than three sentences so far.
    if out.len() < 3 {
        let dims: Vec<(String, f64)> = run
            .survey
            .dimensions
            .iter()
            .filter_map(|d| {
                let ind = Ind::Dim(d.id.clone());
                match ind.get(year) {
                    F::Shown(e) => Some((ind.label(run), e.value)),
                    _ => None,
                }
            })
            .collect();
        let hi = dims.iter().max_by(|a, b| a.1.total_cmp(&b.1));
        let lo = dims.iter().min_by(|a, b| a.1.total_cmp(&b.1));
        if let (Some(hi), Some(lo)) = (hi, lo) {
            if hi.0 != lo.0 {
                out.push(if ru {
                    format!(
                        "Выше всего оценено направление {} ({} из 100), ниже всего — {} ({} из 100).",
                        quoted(&hi.0, lang),
                        num(hi.1, 1, lang),
                        quoted(&lo.0, lang),
                        num(lo.1, 1, lang)
                    )
                } else {
                    format!(
                        "The highest-rated area is {} ({} out of 100), the lowest {} ({} out of 100).",
                        quoted(&hi.0, lang),
                        num(hi.1, 1, lang),
                        quoted(&lo.0, lang),
                        num(lo.1, 1, lang)
                    )
                });
            }
        }
    }
    if out.len() < 4 {
        if let Some(p) = run.prev {
            out.push(match (ru, n_sig) {
                (true, 0) => {
                    format!("Других статистически значимых изменений по сравнению с {p} годом нет.")
                }
                (true, _) => {
                    format!("Остальные изменения по сравнению с {p} годом статистически незначимы.")
                }
                (false, 0) => {
                    format!("There are no other statistically significant changes from {p}.")
                }
                (false, _) => {
                    format!("The other changes from {p} are not statistically significant.")
                }
            });
        }
    }
    out.truncate(4);
    out
}

/// One sentence per priority driver, most important first.
pub(crate) fn recommendations(run: &Run<'_>, drivers: &[(&String, &DriverStats)]) -> Vec<String> {
    let lang = run.lang;
    let lines: Vec<String> = drivers
        .iter()
        .filter(|(_, d)| d.priority)
        .map(|(id, d)| {
            let text = quoted(&question_text(run.survey, id, lang), lang);
            let perf = num(d.performance, 1, lang);
            match lang {
                Lang::Ru => {
                    format!("Уделить внимание: {text} — важность высокая, оценка {perf} из 100.")
                }
                Lang::En => format!(
                    "Pay attention to: {text} — high importance, performance {perf} out of 100."
                ),
            }
        })
        .collect();
    if lines.is_empty() {
        vec![match lang {
            Lang::Ru => format!(
                "По данным {} года приоритетных областей для корректировки не выявлено.",
                run.year
            ),
            Lang::En => format!("The data of {} show no priority area to correct.", run.year),
        }]
    } else {
        lines
    }
}
