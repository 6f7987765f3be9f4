//! Section «Methodology and anonymity».

use indexmap::IndexMap;
use otklik_analytics::{Analysis, Fig, Group, GroupStats};
use otklik_survey::{Audience, Role, Survey};

use crate::build::document::{Doc, Sec};
use crate::build::lookups::{find, G};
use crate::build::runs::{audience_label, Run};
use crate::i18n::{words, Lang};
use crate::model::*;

pub(crate) fn methodology(doc: &mut Doc, sec: &mut Sec, runs: &[Run<'_>]) {
    let lang = runs[0].lang;
    let w = words(lang);
    let ru = lang == Lang::Ru;
    sec.sub(if ru { "Выборка" } else { "Samples" });
    let mut rows = Vec::new();
    for run in runs {
        for p in &run.hist.periods {
            let y: u16 = p.parse().unwrap_or(0);
            let g = find(&run.hist, y, &[]);
            rows.push(vec![
                Cell::Text(audience_label(run)),
                Cell::Text(y.to_string()),
                Cell::Text(run.waves.get(&y).map_or(String::new(), |v| v.join(", "))),
                match g {
                    G::Shown(st) => Cell::Int(st.n),
                    G::Hidden => Cell::Suppressed,
                    G::Absent => Cell::Empty,
                },
            ]);
        }
    }
    let k = runs.iter().map(|r| r.k).max().unwrap_or(5);
    doc.table(
        sec,
        if ru {
            "Число ответов по годам".to_owned()
        } else {
            "Responses per year".to_owned()
        },
        vec![w.surveys, w.c_year, w.c_periods, w.c_n],
        rows,
        k,
    );
    sec.para(if ru {
        "Ответы собираются по периодам (году, полугодию, кварталу или месяцу); для отчета период каждого ответа заменяется его годом, и все показатели считаются за год."
    } else {
        "Responses are collected per period (year, half, quarter or month); for this report each response's period is replaced by its year, and every figure is computed per year."
    });

    sec.sub(if ru {
        "Как рассчитаны показатели"
    } else {
        "How the indicators are computed"
    });
    sec.blocks.push(Block::List(
        if ru {
            vec![
                "Индекс вопроса: (среднее − 1) / (m − 1) · 100, где m — число баллов шкалы; 0 — худшая оценка, 100 — лучшая.",
                "Доля 4–5 (CSAT): доля ответов в двух верхних баллах шкалы.",
                "Индекс направления: среднее по респондентам их средней оценки вопросов направления (0–100).",
                "Уровень клиентоцентричности: взвешенное среднее индексов направлений респондента (веса из определения опроса), затем среднее по респондентам.",
                "NPS и eNPS: доля сторонников (9–10) минус доля критиков (0–6), в пунктах от −100 до 100.",
                "CES: легкость решения вопроса; доля ответов 4–5 и средний балл.",
                "Стандарты обслуживания: доля ответов в пределах норматива, медиана и 90-й процентиль.",
                "Доля решенных вопросов: доля ответов «да» на вопрос о решении.",
                "Факторы: важность — коэффициент корреляции Пирсона оценки вопроса с уровнем клиентоцентричности респондента; приоритет — важность выше медианы при оценке ниже медианы.",
                "Интервалы: 95% доверительные интервалы — Стьюдента для средних, Уилсона для долей, нормальное приближение для NPS.",
                "Изменения между годами: критерий Уэлча для средних, z-критерий для долей, z-критерий для NPS; изменение значимо при p < 0,05.",
                "Тренды: наклон прямой наименьших квадратов по годам и его p-значение (не менее 3 лет).",
            ]
        } else {
            vec![
                "Question index: (mean − 1) / (m − 1) · 100, m being the scale's number of points; 0 is the worst score, 100 the best.",
                "Share 4–5 (CSAT): the share of answers in the top two points of the scale.",
                "Area index: the mean over respondents of their mean score on the area's questions (0–100).",
                "Client-centricity level: the respondent's weighted mean of area indices (weights from the survey definition), then the mean over respondents.",
                "NPS and eNPS: the share of promoters (9–10) minus the share of detractors (0–6), in points from −100 to 100.",
                "CES: ease of getting the issue resolved; the share of answers 4–5 and the mean.",
                "Service standards: the share of answers within the norm, the median and the 90th percentile.",
                "Resolution: the share of “yes” answers to the resolution question.",
                "Drivers: importance is Pearson's correlation of the question's score with the respondent's level; a priority has above-median importance and below-median performance.",
                "Intervals: 95% confidence intervals — Student's t for means, Wilson for shares, the normal approximation for NPS.",
                "Changes between years: Welch's t-test for means, the two-proportion z-test for shares, a z-test for NPS; a change is significant at p < 0.05.",
                "Trends: the slope of the least-squares line over the years and its p-value (at least 3 years).",
            ]
        }
        .into_iter()
        .map(str::to_owned)
        .collect(),
    ));

    sec.sub(if ru {
        "Анонимность"
    } else {
        "Anonymity"
    });
    for run in runs {
        sec.para(if ru {
            format!(
                "{}: порог K = {}. Группа, в которой меньше K ответов, не показывается — ни ее показатели, ни число ответов («меньше {}»); так же скрывается любой показатель, рассчитанный менее чем по K ответам. Все таблицы отчета, панели руководителя и выгрузок защищены вместе: скрываются и другие группы (с той же пометкой), так что ни одно скрытое число — ни размер группы, ни число ответов на вопрос, ни число ответов каждого варианта — нельзя ни вычислить, ни ограничить значением меньше K никаким сочетанием опубликованных таблиц (метод исключения Гаусса, как в GaussSuppression Статистического управления Норвегии, с правилом остатка для всех связанных таблиц); это проверяется точным аудитом методом линейного программирования. Пометка «меньше {}» означает «скрыто». Свободные ответы в отчет не включаются (порог для них — {} ответов). Уровень доверия — 95%.",
                audience_label(run), run.k, run.k, run.k, run.main.min_group_text
            )
        } else {
            format!(
                "{}: threshold K = {}. A group with fewer than K responses is not shown — neither its figures nor its count (“fewer than {}”); likewise any figure computed from fewer than K answers. All tables of the report, the dashboard and the exports are protected together: further groups are hidden (marked the same way), so that no hidden number — a group's size, a question's count of answers, the count of each answer — can be derived or bounded below K from any combination of published tables (Gaussian elimination, as in Statistics Norway's GaussSuppression, with the remainder rule over all linked tables); an exact audit by linear programming checks it. The mark “fewer than {}” means “hidden”. Free-text answers are not part of this report (their threshold is {} responses). The confidence level is 95%.",
                audience_label(run), run.k, run.k, run.k, run.main.min_group_text
            )
        });
    }
    for run in runs.iter().filter(|r| r.waves_pooled > 1) {
        sec.para(if ru {
            format!(
                "{}: в году до {} волн опроса, и сотрудник может ответить в каждой. Чтобы годовая группа включала не менее {} человек, порог для годового отчета умножен на число волн: K = {} × {} = {} ответов.",
                audience_label(run), run.waves_pooled, run.base_k, run.base_k, run.waves_pooled, run.k
            )
        } else {
            format!(
                "{}: a year holds up to {} survey waves and an employee may answer in each. So that a yearly group holds at least {} people, the threshold of the yearly report is multiplied by the number of waves: K = {} × {} = {} responses.",
                audience_label(run), run.waves_pooled, run.base_k, run.base_k, run.waves_pooled, run.k
            )
        });
    }
    let mut rows = Vec::new();
    for run in runs {
        let mut analyses: Vec<(String, &Analysis)> = vec![(w.c_year.to_owned(), &run.main)];
        if run.hist.periods != run.main.periods {
            analyses.push((
                if ru {
                    format!("{} (динамика)", w.c_year)
                } else {
                    format!("{} (dynamics)", w.c_year)
                },
                &run.hist,
            ));
        }
        for (q, a) in &run.by {
            analyses.push((
                format!(
                    "{} × {}",
                    w.c_year,
                    breakdown_name(run.survey, *q, run.lang)
                ),
                a,
            ));
        }
        if let Some(a) = &run.registry {
            analyses.push((
                format!("{} × {} × {}", w.c_year, w.c_touchpoint, w.c_need),
                a,
            ));
        }
        for (name, a) in analyses {
            let hidden = a
                .groups
                .iter()
                .filter(|g| matches!(g, Group::Suppressed { .. }))
                .count();
            let figs: usize = a
                .groups
                .iter()
                .filter_map(|g| match g {
                    Group::Shown(s) => Some(hidden_figures(s)),
                    _ => None,
                })
                .sum();
            rows.push(vec![
                Cell::Text(audience_label(run)),
                Cell::Text(name),
                Cell::Int((a.groups.len() - hidden) as u64),
                Cell::Int(hidden as u64),
                Cell::Int(figs as u64),
            ]);
        }
    }
    doc.table(
        sec,
        if ru {
            "Что скрыто (только количества)".to_owned()
        } else {
            "What was suppressed (counts only)".to_owned()
        },
        vec![
            w.surveys,
            w.c_breakdown,
            w.c_groups_shown,
            w.c_groups_hidden,
            w.c_figures_hidden,
        ],
        rows,
        k,
    );
}

pub(crate) fn breakdown_name(s: &Survey, q: usize, lang: Lang) -> String {
    let w = words(lang);
    match s.questions[q].role {
        Some(Role::Touchpoint) => w.c_touchpoint.to_owned(),
        Some(Role::Need) => w.c_need.to_owned(),
        Some(Role::Segment) if s.audience == Audience::Internal => w.c_unit.to_owned(),
        Some(Role::Segment) => w.c_segment.to_owned(),
        _ => s.questions[q].id.clone(),
    }
}

pub(crate) fn hidden_figures(g: &GroupStats) -> usize {
    fn count<T>(m: &IndexMap<String, Fig<T>>) -> usize {
        m.values().filter(|f| matches!(f, Fig::Suppressed)).count()
    }
    let channels: usize = g
        .channels
        .values()
        .map(|f| match f {
            Fig::Suppressed => 1,
            Fig::Shown(c) => count(&c.options) + count(&c.types),
        })
        .sum();
    count(&g.items)
        + count(&g.dimensions)
        + usize::from(matches!(g.ccl, Some(Fig::Suppressed)))
        + count(&g.nps)
        + count(&g.ces)
        + count(&g.standards)
        + count(&g.resolution)
        + count(&g.drivers)
        + channels
}

/// The methodology and anonymity of all the surveys.
pub(crate) fn section(doc: &mut Doc, runs: &[Run<'_>], number: String) -> Section {
    let w = words(doc.lang);
    let mut sec = Sec::new(number.clone());
    methodology(doc, &mut sec, runs);
    doc.section("method", number, w.s_method, w.s_method, sec)
}
