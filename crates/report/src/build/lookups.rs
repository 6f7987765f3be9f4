//! Looking figures up in the analyses: a year's group, a change between years, an
//! indicator's value, and the labels of questions, options and standards.

use otklik_analytics::{Analysis, Change, Fig, FigureId};
use otklik_survey::{Audience, QuestionKind, Role, Survey};

use crate::build::runs::Run;
use crate::i18n::{tr, tr_args, Lang};

/// A group as the report sees it: shown, hidden, or absent.
pub(crate) use otklik_analytics::Found as G;

/// The group of `year` with the other keys `rest` (`None` for "no answer").
pub(crate) fn find<'a>(a: &'a Analysis, year: u16, rest: &[(&str, Option<&str>)]) -> G<'a> {
    let y = year.to_string();
    let mut key = vec![("period", Some(y.as_str()))];
    key.extend_from_slice(rest);
    a.group(&key)
}

/// The change of `figure` from `from` to `to` in the group with keys `rest`.
pub(crate) fn change<'a>(
    a: &'a Analysis,
    from: u16,
    to: u16,
    rest: &[(&str, Option<&str>)],
    figure: &FigureId,
) -> Option<&'a Change> {
    a.change(&from.to_string(), &to.to_string(), rest, figure)
}

/// An indicator of a group.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ind {
    Ccl,
    Dim(String),
    /// A scale item and its number of points.
    Item(String, u8),
    Nps(String),
    /// The share of easy answers of the effort item.
    Ces(String),
    Resolution(String),
    Standard(String),
}

/// A figure in display units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Est {
    pub value: f64,
    pub ci: Option<[f64; 2]>,
    pub n: u64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum F {
    Shown(Est),
    Suppressed,
    Absent,
}

pub(crate) fn fig<T>(f: Option<&Fig<T>>, get: impl Fn(&T) -> Est) -> F {
    match f {
        None => F::Absent,
        Some(Fig::Suppressed) => F::Suppressed,
        Some(Fig::Shown(t)) => F::Shown(get(t)),
    }
}

pub(crate) fn pct(b: [f64; 2]) -> [f64; 2] {
    [b[0] * 100.0, b[1] * 100.0]
}

impl Ind {
    /// The figure whose changes and trend the indicator shows.
    pub fn figure(&self) -> FigureId {
        match self {
            Ind::Ccl => FigureId::Ccl,
            Ind::Dim(id) => FigureId::Dimension(id.clone()),
            Ind::Item(id, _) => FigureId::ItemMean(id.clone()),
            Ind::Nps(id) => FigureId::Nps(id.clone()),
            Ind::Ces(id) => FigureId::ItemTop2(id.clone()),
            Ind::Resolution(id) => FigureId::Resolution(id.clone()),
            Ind::Standard(id) => FigureId::Standard(id.clone()),
        }
    }

    /// A value of the change's scale in display units.
    pub fn display(&self, raw: f64) -> f64 {
        match self {
            Ind::Item(_, m) => (raw - 1.0) / f64::from(m - 1) * 100.0,
            Ind::Ces(_) | Ind::Resolution(_) | Ind::Standard(_) => raw * 100.0,
            _ => raw,
        }
    }

    /// A difference of the change's scale in display units.
    pub fn display_delta(&self, raw: f64) -> f64 {
        match self {
            Ind::Item(_, m) => raw / f64::from(m - 1) * 100.0,
            Ind::Ces(_) | Ind::Resolution(_) | Ind::Standard(_) => raw * 100.0,
            _ => raw,
        }
    }

    pub fn is_share(&self) -> bool {
        matches!(self, Ind::Ces(_) | Ind::Resolution(_) | Ind::Standard(_))
    }

    pub fn get(&self, g: G<'_>) -> F {
        let g = match g {
            G::Shown(g) => g,
            G::Hidden => return F::Suppressed,
            G::Absent => return F::Absent,
        };
        match self {
            Ind::Ccl => fig(g.ccl.as_ref(), |l| Est {
                value: l.value,
                ci: l.ci95,
                n: l.n,
            }),
            Ind::Dim(id) => fig(g.dimensions.get(id), |d| Est {
                value: d.index,
                ci: d.ci95,
                n: d.n,
            }),
            Ind::Item(id, m) => fig(g.items.get(id), |s| Est {
                value: s.index,
                ci: s
                    .ci95
                    .map(|c| c.map(|x| (x - 1.0) / f64::from(m - 1) * 100.0)),
                n: s.n,
            }),
            Ind::Nps(id) => fig(g.nps.get(id), |s| Est {
                value: s.value,
                ci: Some(s.ci95),
                n: s.n,
            }),
            Ind::Ces(id) => fig(g.ces.get(id), |s| Est {
                value: s.easy * 100.0,
                ci: Some(pct(s.easy_ci95)),
                n: s.n,
            }),
            Ind::Resolution(id) => fig(g.resolution.get(id), |s| Est {
                value: s.share * 100.0,
                ci: Some(pct(s.ci95)),
                n: s.n,
            }),
            Ind::Standard(id) => fig(g.standards.get(id), |s| Est {
                value: s.share * 100.0,
                ci: Some(pct(s.ci95)),
                n: s.n,
            }),
        }
    }

    pub fn label(&self, run: &Run<'_>) -> String {
        let s = run.survey;
        match self {
            Ind::Ccl => tr(run.lang, "indicator-ccl"),
            Ind::Dim(id) => s
                .dimensions
                .iter()
                .find(|d| d.id == *id)
                .map_or(id.clone(), |d| d.title.get(run.lang.code()).to_owned()),
            Ind::Item(id, _) => question_text(s, id, run.lang),
            Ind::Nps(id) => nps_name(run, id),
            Ind::Ces(_) => tr(run.lang, "indicator-ces-easy"),
            Ind::Resolution(_) => tr(run.lang, "indicator-resolution"),
            Ind::Standard(id) => tr_args(
                run.lang,
                "indicator-standard",
                &[
                    ("norm", norm(s, id, run.lang).into()),
                    ("question", question_text(s, id, run.lang).into()),
                ],
            ),
        }
    }
}

pub(crate) fn question_text(s: &Survey, id: &str, lang: Lang) -> String {
    s.question(id)
        .map_or(id.to_owned(), |q| q.text.get(lang.code()).to_owned())
}

/// A question's label on a chart's axis: its short label, or else its text.
pub(crate) fn question_label(s: &Survey, id: &str, lang: Lang) -> String {
    s.question(id)
        .map_or(id.to_owned(), |q| q.label(lang.code()).to_owned())
}

pub(crate) fn nps_name(run: &Run<'_>, id: &str) -> String {
    let name = if run.survey.audience == Audience::Internal {
        "eNPS"
    } else {
        "NPS"
    };
    let many = run
        .survey
        .questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::Nps { .. }))
        .count()
        > 1;
    if many {
        format!("{name} ({id})")
    } else {
        name.to_owned()
    }
}

/// A standard written out: `≤ 15 мин`.
pub(crate) fn norm(s: &Survey, id: &str, lang: Lang) -> String {
    s.question(id)
        .and_then(|q| q.standard_words(lang))
        .unwrap_or_default()
}

pub(crate) fn option_label(s: &Survey, q: usize, id: Option<&str>, lang: Lang) -> String {
    match id {
        None => tr(lang, "option-no-answer"),
        Some(id) => s.questions[q]
            .kind
            .options()
            .iter()
            .find(|o| o.id == id)
            .map_or(id.to_owned(), |o| o.label.get(lang.code()).to_owned()),
    }
}

/// The indicators of the summary, in order.
pub(crate) fn key_indicators(s: &Survey) -> Vec<Ind> {
    let mut out = Vec::new();
    if !s.dimensions.is_empty() {
        out.push(Ind::Ccl);
    }
    out.extend(s.dimensions.iter().map(|d| Ind::Dim(d.id.clone())));
    for q in &s.questions {
        match (&q.kind, q.role) {
            (QuestionKind::Nps { .. }, _) => out.push(Ind::Nps(q.id.clone())),
            (QuestionKind::Scale { .. }, Some(Role::Effort)) => out.push(Ind::Ces(q.id.clone())),
            (QuestionKind::YesNo, Some(Role::Resolution)) => {
                out.push(Ind::Resolution(q.id.clone()))
            }
            (
                QuestionKind::Number {
                    standard_max: Some(_),
                    ..
                },
                _,
            ) => out.push(Ind::Standard(q.id.clone())),
            _ => {}
        }
    }
    out
}

pub(crate) fn scale_items(s: &Survey) -> Vec<Ind> {
    s.questions
        .iter()
        .filter_map(|q| match q.kind {
            QuestionKind::Scale { points, .. } => Some(Ind::Item(q.id.clone(), points)),
            _ => None,
        })
        .collect()
}

pub(crate) fn standard_questions(s: &Survey) -> Vec<usize> {
    s.questions
        .iter()
        .enumerate()
        .filter(|(_, q)| {
            matches!(
                q.kind,
                QuestionKind::Number {
                    standard_max: Some(_),
                    ..
                }
            )
        })
        .map(|(i, _)| i)
        .collect()
}

/// The rows of one grouping question's options for the year: (label, option id, group).
pub(crate) fn breakdown<'a>(run: &'a Run<'_>, q: usize) -> Vec<(String, Option<String>, G<'a>)> {
    let Some((_, a)) = run.by.iter().find(|(x, _)| *x == q) else {
        return Vec::new();
    };
    let name = &run.survey.questions[q].id;
    let mut ids: Vec<Option<String>> = run.survey.questions[q]
        .kind
        .options()
        .iter()
        .map(|o| Some(o.id.clone()))
        .collect();
    ids.push(None);
    ids.into_iter()
        .filter_map(|id| {
            let g = find(a, run.year, &[(name, id.as_deref())]);
            if matches!(g, G::Absent) {
                return None;
            }
            Some((option_label(run.survey, q, id.as_deref(), run.lang), id, g))
        })
        .collect()
}

pub(crate) fn analysis_by<'a>(run: &'a Run<'_>, q: usize) -> Option<&'a Analysis> {
    run.by.iter().find(|(x, _)| *x == q).map(|(_, a)| a)
}

/// Whether standard question `sq` applies to touchpoint option `opt`.
pub(crate) fn applies(s: &Survey, sq: usize, tq: usize, opt: &str) -> bool {
    match &s.questions[sq].visible_if {
        Some(c) if c.question == s.questions[tq].id => c.values.iter().any(|v| v == opt),
        _ => true,
    }
}
