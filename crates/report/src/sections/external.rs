//! Section «External clients».

use otklik_analytics::Fig;
use otklik_survey::{QuestionKind, Role};

use crate::build::document::{indicator_rows, Doc, Sec};
use crate::build::lookups::{find, key_indicators, standard_questions, Ind};
use crate::build::runs::Run;
use crate::i18n::{words, Lang};
use crate::model::*;
use crate::sections::channels::channel_mix;
use crate::sections::common::{
    breakdown_table, dimension_breakdown, dimensions_table, items_table, nps_chart, nps_table,
};
use crate::sections::standards::{standards_by_touchpoint, standards_table};

pub(crate) fn external(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let w = words(run.lang);
    let s = run.survey;
    let ru = run.lang == Lang::Ru;
    sec.sub(if ru {
        "Удовлетворенность по направлениям"
    } else {
        "Satisfaction per area"
    });
    dimensions_table(
        doc,
        sec,
        run,
        if ru {
            format!(
                "Индексы удовлетворенности по направлениям, {} год",
                run.year
            )
        } else {
            format!("Satisfaction indices per area, {}", run.year)
        },
    );
    items_table(doc, sec, run);

    if let Some(tq) = s.with_role(Role::Touchpoint) {
        sec.sub(if ru {
            "Точки взаимодействия и каналы"
        } else {
            "Touchpoints and channels"
        });
        channel_mix(doc, sec, run, tq);
        breakdown_table(
            doc,
            sec,
            run,
            tq,
            if ru {
                format!("Показатели по точкам взаимодействия, {} год", run.year)
            } else {
                format!("Figures per touchpoint, {}", run.year)
            },
            w.c_touchpoint,
        );
    }
    if let Some(q) = s.with_role(Role::Segment) {
        let by = if ru {
            "категории клиентов"
        } else {
            "client segment"
        };
        sec.sub(if ru {
            "Категории клиентов"
        } else {
            "Client segments"
        });
        breakdown_table(
            doc,
            sec,
            run,
            q,
            if ru {
                format!("Показатели по категориям клиентов, {} год", run.year)
            } else {
                format!("Figures per client segment, {}", run.year)
            },
            w.c_segment,
        );
        dimension_breakdown(doc, sec, run, q, w.c_segment, by);
        nps_chart(doc, sec, run, q, by);
    }
    if let Some(q) = s.with_role(Role::Need) {
        sec.sub(if ru {
            "Потребности клиентов"
        } else {
            "Client needs"
        });
        breakdown_table(
            doc,
            sec,
            run,
            q,
            if ru {
                format!("Показатели по потребностям клиентов, {} год", run.year)
            } else {
                format!("Figures per client need, {}", run.year)
            },
            w.c_need,
        );
    }
    if !standard_questions(s).is_empty() {
        sec.sub(if ru {
            "Стандарты обслуживания"
        } else {
            "Service standards"
        });
        sec.para(if ru {
            "Нормативы перечня точек взаимодействия: ожидание приема не более 15 минут, не более 2 переключений по телефону, письменный ответ не позднее 30 дней."
        } else {
            "The norms of the touchpoint registry: waiting at reception at most 15 minutes, at most 2 transfers on the phone, a written answer within 30 days."
        });
        standards_table(doc, sec, run);
        standards_by_touchpoint(doc, sec, run);
    }
    let has_nps = s
        .questions
        .iter()
        .any(|q| matches!(q.kind, QuestionKind::Nps { .. }));
    let ces = s.with_role(Role::Effort);
    let res = s.with_role(Role::Resolution);
    if has_nps || ces.is_some() || res.is_some() {
        sec.sub(if ru {
            "Решение вопросов, NPS и легкость (CES)"
        } else {
            "Resolution, NPS and effort (CES)"
        });
        let inds: Vec<Ind> = key_indicators(s)
            .into_iter()
            .filter(|i| matches!(i, Ind::Resolution(_) | Ind::Ces(_)))
            .collect();
        if !inds.is_empty() {
            let year = find(&run.main, run.year, &[]);
            let rows = indicator_rows(run, &inds, |ind| match ind {
                Ind::Ces(id) => vec![match year.shown().and_then(|g| g.ces.get(id)) {
                    Some(Fig::Shown(c)) => Cell::Num {
                        value: c.mean,
                        decimals: 2,
                    },
                    Some(Fig::Suppressed) => Cell::Suppressed,
                    None => Cell::Empty,
                }],
                _ => vec![Cell::Empty],
            });
            doc.table(
                sec,
                if ru {
                    format!(
                        "Доля решенных вопросов и легкость решения, {} год",
                        run.year
                    )
                } else {
                    format!("Resolved issues and customer effort, {}", run.year)
                },
                vec![
                    w.c_indicator,
                    if ru { "Доля, %" } else { "Share, %" },
                    w.c_ci,
                    w.c_n,
                    w.c_ces_mean,
                    if ru {
                        "Изменение, п.п."
                    } else {
                        "Change, pp"
                    },
                    w.c_significance,
                ],
                rows,
                run.k,
            );
        }
        nps_table(doc, sec, run);
    }
}
