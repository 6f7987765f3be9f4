//! Section «Internal clients».

use otklik_survey::{QuestionKind, Role};

use crate::build::document::{Doc, Sec};
use crate::build::lookups::standard_questions;
use crate::build::runs::Run;
use crate::i18n::{words, Lang};
use crate::sections::common::{
    breakdown_table, dimension_breakdown, dimensions_table, items_table, likert_chart, nps_chart,
    nps_table,
};
use crate::sections::standards::standards_table;

pub(crate) fn internal(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let w = words(run.lang);
    let s = run.survey;
    let ru = run.lang == Lang::Ru;
    sec.sub(if ru {
        "Направления мониторинга"
    } else {
        "Monitoring areas"
    });
    let ids: Vec<&str> = s.dimensions.iter().map(|d| d.id.as_str()).collect();
    if ["conditions", "discipline", "manager", "climate"]
        .iter()
        .all(|d| ids.contains(d))
    {
        sec.para(if ru {
            "Направления соответствуют п. 8.6 Стандарта: удовлетворенность условиями труда, исполнительская дисциплина, взаимодействие с непосредственным руководителем (достаточность взаимодействия и понятность постановки задач), социальная среда; дополнительно — внутреннее взаимодействие между подразделениями и развитие."
        } else {
            "The areas follow Standard §8.6: satisfaction with working conditions, discipline of task execution, interaction with the direct manager (sufficiency of interaction and clarity of task setting) and the social environment; in addition, internal interaction between units and development."
        });
    }
    dimensions_table(
        doc,
        sec,
        run,
        if ru {
            format!("Индексы направлений мониторинга, {} год", run.year)
        } else {
            format!("Indices of the monitoring areas, {}", run.year)
        },
    );
    sec.sub(if ru {
        "Оценки по вопросам"
    } else {
        "Scores per question"
    });
    likert_chart(doc, sec, run);
    items_table(doc, sec, run);

    if let Some(q) = s
        .with_role(Role::Segment)
        .or_else(|| s.group_questions().next())
    {
        let by = if ru {
            "подразделения"
        } else {
            "unit"
        };
        sec.sub(if ru {
            "Результаты по подразделениям (п. 8.2 Стандарта)"
        } else {
            "Results per unit (Standard §8.2)"
        });
        sec.para(if ru {
            format!("Результаты подразделения, от которого получено меньше {} ответов, не показываются; скрыты и другие подразделения, если скрытые значения можно было бы вычислить по этой или другим таблицам (они помечены так же).", run.k)
        } else {
            format!("Nothing is shown for a unit with fewer than {} responses; further units are hidden where the hidden figures could otherwise be derived from this or other tables (marked the same way).", run.k)
        });
        breakdown_table(
            doc,
            sec,
            run,
            q,
            if ru {
                format!(
                    "Уровень клиентоцентричности по подразделениям, {} год",
                    run.year
                )
            } else {
                format!("Client-centricity level per unit, {}", run.year)
            },
            w.c_unit,
        );
        dimension_breakdown(doc, sec, run, q, w.c_unit, by);
        nps_chart(doc, sec, run, q, by);
    }
    if !standard_questions(s).is_empty() {
        sec.sub(if ru {
            "Сроки ответа на внутренние обращения"
        } else {
            "Response times to internal requests"
        });
        standards_table(doc, sec, run);
    }
    if s.questions
        .iter()
        .any(|q| matches!(q.kind, QuestionKind::Nps { .. }))
    {
        sec.sub(if ru {
            "Готовность рекомендовать организацию как место работы (eNPS)"
        } else {
            "Recommending the organisation as an employer (eNPS)"
        });
        nps_table(doc, sec, run);
    }
}
