//! Plain-language findings from the figures, and recommendations from the drivers.

use otklik_analytics::{Change, DriverStats, FigureId};
use otklik_survey::Audience;

use crate::build::{change, find, question_text, scale_items, Ind, Run, F};
use crate::i18n::{delta, num, tr, tr_args, Arg};

/// A value as it reads in a sentence: `63,4`, `+12,0` (NPS), `82,0 %`.
fn value(ind: &Ind, v: f64, run: &Run<'_>) -> String {
    let lang = run.lang;
    match ind {
        Ind::Nps(_) => delta(v, 1, lang),
        i if i.is_share() => tr_args(
            lang,
            "finding-percent",
            &[("value", num(v, 1, lang).into())],
        ),
        _ => num(v, 1, lang),
    }
}

/// The subject of a sentence and its grammatical gender (for the Russian verb).
fn subject(ind: &Ind, run: &Run<'_>) -> (String, &'static str) {
    let lang = run.lang;
    let question = |id: &str| -> Arg { question_text(run.survey, id, lang).into() };
    match ind {
        Ind::Ccl => (tr(lang, "finding-subject-ccl"), "masculine"),
        Ind::Dim(_) => (
            tr_args(
                lang,
                "finding-subject-area",
                &[("area", ind.label(run).into())],
            ),
            "masculine",
        ),
        Ind::Item(id, _) => (
            tr_args(lang, "finding-subject-item", &[("question", question(id))]),
            "feminine",
        ),
        Ind::Nps(_) => (ind.label(run), "masculine"),
        Ind::Ces(_) => (tr(lang, "finding-subject-ces"), "feminine"),
        Ind::Resolution(_) => (tr(lang, "finding-subject-resolution"), "feminine"),
        Ind::Standard(id) => (
            tr_args(
                lang,
                "finding-subject-standard",
                &[
                    ("norm", crate::build::norm(run.survey, id, lang).into()),
                    ("question", question(id)),
                ],
            ),
            "feminine",
        ),
    }
}

/// `up` or `down`, for the messages' selectors.
fn direction(up: bool) -> Arg {
    if up { "up" } else { "down" }.into()
}

/// `yes` or `no`, for the messages' selectors.
fn yes_no(b: bool) -> Arg {
    if b { "yes" } else { "no" }.into()
}

fn change_sentence(ind: &Ind, c: &Change, run: &Run<'_>) -> String {
    let (subject, gender) = subject(ind, run);
    let scale = if matches!(ind, Ind::Dim(_) | Ind::Item(..) | Ind::Ccl) {
        "index"
    } else {
        "other"
    };
    tr_args(
        run.lang,
        "finding-change",
        &[
            ("subject", subject.into()),
            ("gender", gender.into()),
            ("direction", direction(c.delta > 0.0)),
            ("from", value(ind, ind.display(c.from), run).into()),
            ("to", value(ind, ind.display(c.to), run).into()),
            ("scale", scale.into()),
            ("significant", yes_no(c.significant)),
        ],
    )
}

/// Three or four sentences: the level, the largest significant changes from the
/// previous year, and the strongest and weakest areas when there is room.
pub(crate) fn findings(run: &Run<'_>) -> Vec<String> {
    let lang = run.lang;
    let year = find(&run.main, run.year, &[]);
    let mut out = Vec::new();
    let audience = match run.survey.audience {
        Audience::Internal => "internal",
        Audience::External => "external",
    };
    match Ind::Ccl.get(year) {
        F::Shown(e) => {
            let ci =
                e.ci.map(|c| crate::i18n::interval(c, 1, lang))
                    .unwrap_or_default();
            let mut s = tr_args(
                lang,
                "finding-level",
                &[
                    ("audience", audience.into()),
                    ("year", run.year.into()),
                    ("value", num(e.value, 1, lang).into()),
                    ("ci", ci.into()),
                    ("n", crate::i18n::int(e.n, lang).into()),
                ],
            );
            if let Some(p) = run.prev {
                if let Some(c) = change(&run.main, p, run.year, &[], &FigureId::Ccl) {
                    let d = num(c.delta.abs(), 1, lang);
                    s.push(' ');
                    s.push_str(&if d == num(0.0, 1, lang) {
                        tr_args(lang, "finding-level-unchanged", &[("year", p.into())])
                    } else {
                        tr_args(
                            lang,
                            "finding-level-change",
                            &[
                                ("year", p.into()),
                                ("direction", direction(c.delta > 0.0)),
                                ("delta", d.into()),
                                ("significant", yes_no(c.significant)),
                            ],
                        )
                    });
                }
            }
            out.push(s);
        }
        F::Suppressed => out.push(tr_args(
            lang,
            "finding-level-suppressed",
            &[("year", run.year.into()), ("k", run.k.into())],
        )),
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
                out.push(tr_args(
                    lang,
                    "finding-areas",
                    &[
                        ("high", hi.0.as_str().into()),
                        ("high-value", num(hi.1, 1, lang).into()),
                        ("low", lo.0.as_str().into()),
                        ("low-value", num(lo.1, 1, lang).into()),
                    ],
                ));
            }
        }
    }
    if out.len() < 4 {
        if let Some(p) = run.prev {
            out.push(tr_args(
                lang,
                if n_sig == 0 {
                    "finding-no-other-changes"
                } else {
                    "finding-other-changes-not-significant"
                },
                &[("year", p.into())],
            ));
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
            tr_args(
                lang,
                "recommendation-priority",
                &[
                    ("question", question_text(run.survey, id, lang).into()),
                    ("performance", num(d.performance, 1, lang).into()),
                ],
            )
        })
        .collect();
    if lines.is_empty() {
        vec![tr_args(
            lang,
            "recommendation-none",
            &[("year", run.year.into())],
        )]
    } else {
        lines
    }
}
