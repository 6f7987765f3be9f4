//! From surveys and responses to the report model: the analyses and the sections.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use otklik_analytics::{
    analyze_protected, Analysis, Change, Fig, Group, GroupStats, Key, Protection,
};
use otklik_charts::{
    ChannelBar, ChannelKind, ChannelsInput, Datum, DriverPoint, Estimate, HeatmapInput,
    LikertInput, LikertItem, NpsGroup, NpsInput, NpsParts, QuadrantInput, QuadrantPoint,
    StandardBar, StandardsInput, TrendInput, TrendSeries,
};
use otklik_survey::{Audience, Channel, QuestionKind, Role, Survey};
use serde_json::Value;

use crate::findings;
use crate::i18n::{self, fewer_than, words, Lang, Words};
use crate::model::*;
use crate::{charts, sha256_hex, Error, Input, Params, Result};

/// One survey, analysed.
pub(crate) struct Run<'a> {
    pub survey: &'a Survey,
    pub lang: Lang,
    pub k: u32,
    /// K before multiplying by the waves.
    pub base_k: u32,
    /// The waves per year K was multiplied by (1: none).
    pub waves_pooled: u32,
    pub year: u16,
    /// The latest year compared with.
    pub prev: Option<u16>,
    /// Original period labels per year (the survey waves).
    pub waves: BTreeMap<u16, Vec<String>>,
    /// By year, over the chosen years.
    pub main: Analysis,
    /// By year, over every year up to the chosen one.
    pub hist: Analysis,
    /// By year × grouping question, over the chosen years.
    pub by: Vec<(usize, Analysis)>,
    /// By year × touchpoint × need, over the chosen years.
    pub registry: Option<Analysis>,
}

/// A group as the report sees it.
#[derive(Clone, Copy)]
pub(crate) enum G<'a> {
    Shown(&'a GroupStats),
    Suppressed,
    Absent,
}

impl<'a> G<'a> {
    pub fn stats(self) -> Option<&'a GroupStats> {
        match self {
            G::Shown(g) => Some(g),
            _ => None,
        }
    }
}

fn key_of(g: &Group) -> &IndexMap<String, Value> {
    match g {
        Group::Shown(s) => &s.key,
        Group::Suppressed { key, .. } => key,
    }
}

fn key_matches(key: &IndexMap<String, Value>, rest: &[(&str, Option<&str>)]) -> bool {
    rest.iter()
        .all(|(k, v)| key.get(*k).map(Value::as_str) == Some(*v))
}

/// The group of `year` with the other keys `rest` (`None` for "no answer").
pub(crate) fn find<'a>(a: &'a Analysis, year: u16, rest: &[(&str, Option<&str>)]) -> G<'a> {
    let y = year.to_string();
    for g in &a.groups {
        let key = key_of(g);
        if key.get("period").and_then(Value::as_str) == Some(y.as_str())
            && key.len() == rest.len() + 1
            && key_matches(key, rest)
        {
            return match g {
                Group::Shown(s) => G::Shown(s),
                Group::Suppressed { .. } => G::Suppressed,
            };
        }
    }
    G::Absent
}

/// The change of `path` from `from` to `to` in the group with keys `rest`.
pub(crate) fn change<'a>(
    a: &'a Analysis,
    from: u16,
    to: u16,
    rest: &[(&str, Option<&str>)],
    path: &str,
) -> Option<&'a Change> {
    let (f, t) = (from.to_string(), to.to_string());
    a.changes
        .iter()
        .find(|c| {
            c.from == f && c.to == t && c.key.len() == rest.len() && key_matches(&c.key, rest)
        })
        .and_then(|c| c.figures.get(path))
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

fn fig<T>(f: Option<&Fig<T>>, get: impl Fn(&T) -> Est) -> F {
    match f {
        None => F::Absent,
        Some(Fig::Suppressed) => F::Suppressed,
        Some(Fig::Shown(t)) => F::Shown(get(t)),
    }
}

fn pct(b: [f64; 2]) -> [f64; 2] {
    [b[0] * 100.0, b[1] * 100.0]
}

impl Ind {
    /// The path of the figure in [`Change`]s.
    pub fn path(&self) -> String {
        match self {
            Ind::Ccl => "ccl.value".to_owned(),
            Ind::Dim(id) => format!("dimensions.{id}.index"),
            Ind::Item(id, _) => format!("items.{id}.mean"),
            Ind::Nps(id) => format!("nps.{id}.value"),
            Ind::Ces(id) => format!("items.{id}.top2"),
            Ind::Resolution(id) => format!("resolution.{id}.share"),
            Ind::Standard(id) => format!("standards.{id}.share"),
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
            G::Suppressed => return F::Suppressed,
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
        let w = words(run.lang);
        let s = run.survey;
        match self {
            Ind::Ccl => w.ccl.to_owned(),
            Ind::Dim(id) => s
                .dimensions
                .iter()
                .find(|d| d.id == *id)
                .map_or(id.clone(), |d| d.title.get(run.lang.code()).to_owned()),
            Ind::Item(id, _) => question_text(s, id, run.lang),
            Ind::Nps(id) => nps_name(run, id),
            Ind::Ces(_) => w.ces_easy.to_owned(),
            Ind::Resolution(_) => w.resolution.to_owned(),
            Ind::Standard(id) => format!(
                "{} {}: {}",
                w.c_standard,
                norm(s, id, run.lang),
                question_text(s, id, run.lang)
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
    let Some(q) = s.question(id) else {
        return String::new();
    };
    match &q.kind {
        QuestionKind::Number {
            standard_max: Some(m),
            ..
        } => {
            let decimals = if m.fract() == 0.0 { 0 } else { 1 };
            q.standard_words(lang, &i18n::num(*m, decimals, lang))
                .unwrap_or_default()
        }
        _ => String::new(),
    }
}

fn option_label(s: &Survey, q: usize, id: Option<&str>, lang: Lang) -> String {
    match id {
        None => words(lang).no_answer.to_owned(),
        Some(id) => s.questions[q]
            .kind
            .options()
            .iter()
            .find(|o| o.id == id)
            .map_or(id.to_owned(), |o| o.label.get(lang.code()).to_owned()),
    }
}

/// The indicators of the summary, in order.
fn key_indicators(s: &Survey) -> Vec<Ind> {
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

fn standard_questions(s: &Survey) -> Vec<usize> {
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

fn est_cells(f: F, decimals: u8) -> [Cell; 3] {
    match f {
        F::Shown(e) => [
            Cell::Num {
                value: e.value,
                decimals,
            },
            e.ci.map_or(Cell::Empty, |b| Cell::Interval {
                bounds: b,
                decimals,
            }),
            Cell::Int(e.n),
        ],
        F::Suppressed => [Cell::Suppressed, Cell::Suppressed, Cell::Suppressed],
        F::Absent => [Cell::Empty, Cell::Empty, Cell::Empty],
    }
}

fn value_cell(f: F, decimals: u8) -> Cell {
    match f {
        F::Shown(e) => Cell::Num {
            value: e.value,
            decimals,
        },
        F::Suppressed => Cell::Suppressed,
        F::Absent => Cell::Empty,
    }
}

fn change_cells(ind: &Ind, c: Option<&Change>, w: &Words) -> [Cell; 3] {
    match c {
        Some(c) => [
            Cell::Delta {
                value: ind.display_delta(c.delta),
                decimals: 1,
            },
            Cell::P(c.p),
            Cell::Text(
                if c.significant {
                    w.significant
                } else {
                    w.not_significant
                }
                .to_owned(),
            ),
        ],
        None => [Cell::Empty, Cell::Empty, Cell::Empty],
    }
}

/// Builds the sections with running numbers for tables and charts.
struct Doc {
    lang: Lang,
    tables: usize,
    charts: usize,
}

struct Sec {
    number: String,
    subs: usize,
    blocks: Vec<Block>,
}

impl Sec {
    fn new(number: String) -> Sec {
        Sec {
            number,
            subs: 0,
            blocks: Vec::new(),
        }
    }
    fn sub(&mut self, title: impl Into<String>) {
        self.subs += 1;
        self.blocks.push(Block::Subheading {
            number: format!("{}.{}", self.number, self.subs),
            title: title.into(),
        });
    }
    fn para(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(text.into()));
    }
    fn chart(&mut self, c: Option<Chart>) {
        if let Some(c) = c {
            self.blocks.push(Block::Chart(c));
        }
    }
}

impl Doc {
    fn table(
        &mut self,
        caption: impl Into<String>,
        columns: Vec<&str>,
        rows: Vec<Vec<Cell>>,
        k: u32,
    ) -> Block {
        self.tables += 1;
        Block::Table(Table {
            id: format!("t{}", self.tables),
            caption: caption.into(),
            columns: columns.into_iter().map(str::to_owned).collect(),
            rows,
            note: None,
            k,
        })
    }
    fn chart_id(&mut self) -> String {
        self.charts += 1;
        format!("c{}", self.charts)
    }
    fn section(&self, id: &str, number: String, title: &str, sheet: &str, sec: Sec) -> Section {
        let w = words(self.lang);
        let full_title = if number.chars().all(|c| c.is_ascii_digit()) {
            format!("{number}. {title}")
        } else {
            format!("{} {number}. {title}", w.appendix)
        };
        Section {
            id: id.to_owned(),
            number,
            title: title.to_owned(),
            full_title,
            sheet: sheet.chars().take(31).collect(),
            blocks: sec.blocks,
        }
    }
}

fn audience_label(run: &Run<'_>) -> String {
    let w = words(run.lang);
    let who = match run.survey.audience {
        Audience::Internal => w.internal,
        Audience::External => w.external,
    };
    let mut who = who.to_owned();
    if let Some(first) = who.get(..who.chars().next().map_or(0, char::len_utf8)) {
        who = first.to_uppercase() + &who[first.len()..];
    }
    format!("{who}: {}", run.survey.title.get(run.lang.code()))
}

fn analyse_runs<'a>(inputs: &'a [Input<'a>], params: &Params) -> Result<Vec<Run<'a>>> {
    let mut runs = Vec::new();
    for input in inputs {
        let survey = input.survey;
        if input.responses.survey_id() != survey.id {
            return Err(Error::WrongSurvey {
                expected: survey.id.clone(),
                found: input.responses.survey_id().to_owned(),
            });
        }
        let mut waves: BTreeMap<u16, Vec<String>> = BTreeMap::new();
        for p in input.responses.periods() {
            waves.entry(p.year()).or_default().push(p.to_string());
        }
        let yearly = input.responses.with_periods_as_years();
        let present: Vec<u16> = yearly.periods().iter().map(|p| p.year()).collect();
        let list = |v: &[u16]| {
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !present.contains(&params.year) {
            return Err(Error::NoData {
                survey: survey.id.clone(),
                year: params.year,
                years: list(&present),
            });
        }
        let mut compare: Vec<u16> = if params.compare.is_empty() {
            present
                .iter()
                .copied()
                .filter(|&y| y < params.year)
                .collect()
        } else {
            params.compare.clone()
        };
        compare.sort_unstable();
        compare.dedup();
        for &y in &compare {
            if y >= params.year {
                return Err(Error::Compare {
                    year: y,
                    reason: otklik_survey::Message::new("report-compare-not-earlier")
                        .with("year", params.year.to_string()),
                });
            }
            if !present.contains(&y) {
                return Err(Error::Compare {
                    year: y,
                    reason: otklik_survey::Message::new("report-compare-no-data")
                        .with("survey", format!("{:?}", survey.id)),
                });
            }
        }
        let prev = compare.last().copied();
        let chosen: Vec<usize> = (0..yearly.len())
            .filter(|&r| {
                let y = yearly.period(r).year();
                y == params.year || compare.contains(&y)
            })
            .collect();
        let history: Vec<usize> = (0..yearly.len())
            .filter(|&r| yearly.period(r).year() <= params.year)
            .collect();
        let sub = yearly.select(&chosen);
        // Every table of the report takes its hidden cells from the one pattern of the
        // whole data set, the pattern the dashboard and the CLI show too, so that no
        // combination of them discloses a hidden count. Employees answer every wave: a
        // year of w waves pools up to w answers of each person, so K responses could
        // come from fewer than K people; for internal surveys the pattern's K of the
        // tables by year is K times the most waves in a year.
        let protection = Protection::new(survey, input.responses, params.min_group)?;
        let max_waves = waves.values().map(|w| w.len() as u32).max().unwrap_or(1);
        let base_k = params.min_group.unwrap_or(survey.min_group);
        let pooled = survey.audience == Audience::Internal && max_waves > 1;
        let run_params = |by: Vec<Key>| otklik_analytics::Params {
            by,
            min_group: params.min_group,
            texts: false,
        };
        let main = analyze_protected(survey, &sub, &run_params(vec![Key::Period]), &protection)?;
        let hist = if history.len() == chosen.len() {
            main.clone()
        } else {
            analyze_protected(
                survey,
                &yearly.select(&history),
                &run_params(vec![Key::Period]),
                &protection,
            )?
        };
        let mut by = Vec::new();
        for q in survey.group_questions() {
            let key = Key::Question(survey.questions[q].id.clone());
            by.push((
                q,
                analyze_protected(
                    survey,
                    &sub,
                    &run_params(vec![Key::Period, key]),
                    &protection,
                )?,
            ));
        }
        let registry = match (
            survey.with_role(Role::Touchpoint),
            survey.with_role(Role::Need),
        ) {
            (Some(t), Some(n))
                if survey.group_questions().any(|q| q == t)
                    && survey.group_questions().any(|q| q == n) =>
            {
                Some(analyze_protected(
                    survey,
                    &sub,
                    &run_params(vec![
                        Key::Period,
                        Key::Question(survey.questions[t].id.clone()),
                        Key::Question(survey.questions[n].id.clone()),
                    ]),
                    &protection,
                )?)
            }
            _ => None,
        };
        runs.push(Run {
            base_k,
            waves_pooled: if pooled { max_waves } else { 1 },
            survey,
            lang: params.lang,
            k: main.min_group,
            year: params.year,
            prev,
            waves,
            main,
            hist,
            by,
            registry,
        });
    }
    Ok(runs)
}

/// Builds the report of `inputs` (one survey each; at most one internal and one
/// external survey make the usual report) for `params.year`.
pub fn build(inputs: &[Input<'_>], params: &Params) -> Result<Report> {
    if inputs.is_empty() {
        return Err(Error::NoSurvey);
    }
    let lang = params.lang;
    let w = words(lang);
    let runs = analyse_runs(inputs, params)?;
    let mut doc = Doc {
        lang,
        tables: 0,
        charts: 0,
    };
    let mut sections = Vec::new();
    let mut number = 0;
    let mut next = || {
        number += 1;
        number.to_string()
    };

    // 1. Summary.
    let n = next();
    let mut sec = Sec::new(n.clone());
    for run in &runs {
        summary(&mut doc, &mut sec, run);
    }
    sections.push(doc.section("summary", n, w.s_summary, w.s_summary, sec));

    // 2. Internal clients, 3. External clients.
    for (audience, id, title) in [
        (Audience::Internal, "internal", w.s_internal),
        (Audience::External, "external", w.s_external),
    ] {
        let these: Vec<&Run<'_>> = runs
            .iter()
            .filter(|r| r.survey.audience == audience)
            .collect();
        if these.is_empty() {
            continue;
        }
        let n = next();
        let mut sec = Sec::new(n.clone());
        for run in these {
            if runs.len() > 1 {
                sec.para(audience_label(run));
            }
            match audience {
                Audience::Internal => internal(&mut doc, &mut sec, run),
                Audience::External => external(&mut doc, &mut sec, run),
            }
        }
        sections.push(doc.section(id, n, title, title, sec));
    }

    // 4. Dynamics.
    let n = next();
    let mut sec = Sec::new(n.clone());
    for run in &runs {
        dynamics(&mut doc, &mut sec, run);
    }
    sections.push(doc.section("dynamics", n, w.s_dynamics, w.s_dynamics, sec));

    // 5. Priorities and recommendations.
    let n = next();
    let mut sec = Sec::new(n.clone());
    let mut generated = Vec::new();
    for run in &runs {
        let lines = priorities(&mut doc, &mut sec, run);
        if runs.len() > 1 {
            generated.push(audience_label(run));
        }
        generated.extend(lines);
    }
    sec.sub(match lang {
        Lang::Ru => "Рекомендации",
        Lang::En => "Recommendations",
    });
    let shown: Vec<String> = match &params.recommendations {
        Some(text) => text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        None => generated.clone(),
    };
    sec.para(match (lang, params.recommendations.is_some()) {
        (Lang::Ru, false) => "Сформированы автоматически по анализу факторов (п. 8.7 Стандарта): вопросы с высокой важностью и оценкой ниже медианы.",
        (Lang::En, false) => "Generated from the driver analysis (Standard §8.7): questions of high importance and below-median performance.",
        (Lang::Ru, true) => "Текст рекомендаций подготовлен пользователем на основе анализа факторов (п. 8.7 Стандарта).",
        (Lang::En, true) => "The recommendations were written by the user from the driver analysis (Standard §8.7).",
    });
    sec.blocks.push(Block::List(shown));
    sections.push(doc.section("priorities", n, w.s_priorities, w.s_priorities, sec));

    // 6. Methodology and anonymity.
    let n = next();
    let mut sec = Sec::new(n.clone());
    methodology(&mut doc, &mut sec, &runs);
    sections.push(doc.section("method", n, w.s_method, w.s_method, sec));

    // Appendices.
    let letters: &[&str] = match lang {
        Lang::Ru => &["А", "Б"],
        Lang::En => &["A", "B"],
    };
    let mut appendix = 0;
    let with_registry: Vec<&Run<'_>> = runs.iter().filter(|r| r.registry.is_some()).collect();
    if !with_registry.is_empty() {
        let mut sec = Sec::new(letters[appendix].to_owned());
        for run in with_registry {
            registry(&mut doc, &mut sec, run);
        }
        sections.push(doc.section(
            "registry",
            letters[appendix].to_owned(),
            w.s_registry,
            w.s_registry,
            sec,
        ));
        appendix += 1;
    }
    let stamp = stamp(inputs, params, &runs);
    let mut sec = Sec::new(letters[appendix].to_owned());
    stamp_blocks(&mut doc, &mut sec, &stamp, lang);
    sections.push(doc.section(
        "stamp",
        letters[appendix].to_owned(),
        w.s_stamp,
        w.s_stamp,
        sec,
    ));

    let mut lines = vec![(w.organisation.to_owned(), params.organisation.clone())];
    for run in &runs {
        lines.push((w.surveys.to_owned(), audience_label(run)));
    }
    let compare: Vec<u16> = {
        let mut c: Vec<u16> = runs
            .iter()
            .flat_map(|r| r.main.periods.iter().filter_map(|p| p.parse().ok()))
            .filter(|&y| y != params.year)
            .collect();
        c.sort_unstable();
        c.dedup();
        c
    };
    lines.push((
        w.compared_with.to_owned(),
        if compare.is_empty() {
            w.no_comparison.to_owned()
        } else {
            compare
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        },
    ));
    lines.push((w.prepared.to_owned(), params.prepared.long(lang)));
    Ok(Report {
        lang,
        title: TitlePage {
            organisation: params.organisation.clone(),
            heading: match lang {
                Lang::Ru => format!("{} {} год", w.heading, params.year),
                Lang::En => format!("{} {}", w.heading, params.year),
            },
            subtitle: w.subtitle.to_owned(),
            year: params.year,
            compare,
            lines,
            prepared: params.prepared,
        },
        sections,
        generated_recommendations: generated.join("\n"),
        stamp,
    })
}

fn summary(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let w = words(run.lang);
    sec.sub(audience_label(run));
    let findings = findings::findings(run);
    sec.blocks.push(Block::List(findings));
    let year = find(&run.main, run.year, &[]);
    let prev = run.prev.map(|p| find(&run.main, p, &[]));
    let rows = key_indicators(run.survey)
        .iter()
        .map(|ind| {
            let mut row = vec![Cell::Text(ind.label(run))];
            row.extend(est_cells(ind.get(year), 1));
            row.push(prev.map_or(Cell::Empty, |g| value_cell(ind.get(g), 1)));
            let c = run
                .prev
                .and_then(|p| change(&run.main, p, run.year, &[], &ind.path()));
            row.extend(change_cells(ind, c, w));
            row
        })
        .collect();
    let (y, p) = (
        run.year.to_string(),
        run.prev.map_or("—".to_owned(), |p| p.to_string()),
    );
    let caption = match run.lang {
        Lang::Ru => format!("Ключевые показатели за {y} год"),
        Lang::En => format!("Key indicators for {y}"),
    };
    let t = doc.table(
        caption,
        vec![
            w.c_indicator,
            &y,
            w.c_ci,
            w.c_n,
            &p,
            w.c_change,
            w.c_p,
            w.c_significance,
        ],
        rows,
        run.k,
    );
    sec.blocks.push(t);
}

/// Rows of indicators for the year with the change from the previous year.
fn indicator_rows(
    run: &Run<'_>,
    inds: &[Ind],
    extra: impl Fn(&Ind) -> Vec<Cell>,
) -> Vec<Vec<Cell>> {
    let w = words(run.lang);
    let year = find(&run.main, run.year, &[]);
    inds.iter()
        .map(|ind| {
            let mut row = vec![Cell::Text(ind.label(run))];
            row.extend(est_cells(ind.get(year), 1));
            row.extend(extra(ind));
            let c = run
                .prev
                .and_then(|p| change(&run.main, p, run.year, &[], &ind.path()));
            row.extend(change_cells(ind, c, w).into_iter().take(1));
            let sig = change_cells(ind, c, w)
                .into_iter()
                .nth(2)
                .unwrap_or(Cell::Empty);
            row.push(sig);
            row
        })
        .collect()
}

fn dimensions_table(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>, caption: String) {
    let w = words(run.lang);
    let year = find(&run.main, run.year, &[]);
    let mut inds: Vec<Ind> = run
        .survey
        .dimensions
        .iter()
        .map(|d| Ind::Dim(d.id.clone()))
        .collect();
    inds.push(Ind::Ccl);
    let rows = indicator_rows(run, &inds, |ind| match ind {
        Ind::Dim(id) => vec![match year.stats().and_then(|g| g.dimensions.get(id)) {
            Some(Fig::Shown(d)) => d.alpha.map_or(Cell::Empty, |a| Cell::Num {
                value: a,
                decimals: 2,
            }),
            Some(Fig::Suppressed) => Cell::Suppressed,
            None => Cell::Empty,
        }],
        _ => vec![Cell::Empty],
    });
    let t = doc.table(
        caption,
        vec![
            w.c_dimension,
            w.c_index,
            w.c_ci,
            w.c_n,
            w.c_alpha,
            w.c_change,
            w.c_significance,
        ],
        rows,
        run.k,
    );
    sec.blocks.push(t);
}

fn items_table(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let w = words(run.lang);
    let year = find(&run.main, run.year, &[]);
    let items = scale_items(run.survey);
    let rows = indicator_rows(run, &items, |ind| {
        let Ind::Item(id, _) = ind else {
            return vec![Cell::Empty];
        };
        vec![match year.stats().and_then(|g| g.items.get(id)) {
            Some(Fig::Shown(s)) => Cell::Num {
                value: s.top2 * 100.0,
                decimals: 1,
            },
            Some(Fig::Suppressed) => Cell::Suppressed,
            None => Cell::Empty,
        }]
    });
    let caption = match run.lang {
        Lang::Ru => format!("Оценки по вопросам за {} год", run.year),
        Lang::En => format!("Scores per question, {}", run.year),
    };
    let t = doc.table(
        caption,
        vec![
            w.c_item,
            w.c_index,
            w.c_ci,
            w.c_n,
            w.c_top2,
            w.c_change,
            w.c_significance,
        ],
        rows,
        run.k,
    );
    sec.blocks.push(t);
}

fn likert_chart(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let Some(g) = find(&run.main, run.year, &[]).stats() else {
        return;
    };
    let points = run
        .survey
        .questions
        .iter()
        .filter_map(|q| match q.kind {
            QuestionKind::Scale { points, .. } => Some(usize::from(points)),
            _ => None,
        })
        .max();
    let Some(points) = points else { return };
    let items: Vec<LikertItem> = g
        .items
        .iter()
        .map(|(id, f)| LikertItem::from_item(question_label(run.survey, id, run.lang), f))
        .filter(|i| i.shares.shown().is_none_or(|v| v.len() == points))
        .collect();
    let title = match run.lang {
        Lang::Ru => format!("Распределение оценок по вопросам, {} год", run.year),
        Lang::En => format!("Distribution of answers per question, {}", run.year),
    };
    let id = doc.chart_id();
    sec.chart(charts::likert(
        &id,
        &title,
        LikertInput { points, items },
        run.lang,
        run.k,
    ));
}

/// The rows of one grouping question's options for the year: (label, option id, group).
fn breakdown<'a>(run: &'a Run<'_>, q: usize) -> Vec<(String, Option<String>, G<'a>)> {
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

fn analysis_by<'a>(run: &'a Run<'_>, q: usize) -> Option<&'a Analysis> {
    run.by.iter().find(|(x, _)| *x == q).map(|(_, a)| a)
}

/// A table per option of a grouping question: n, response rate, the level and its
/// change, and the other key figures.
fn breakdown_table(
    doc: &mut Doc,
    sec: &mut Sec,
    run: &Run<'_>,
    q: usize,
    caption: String,
    first: &str,
) {
    let w = words(run.lang);
    let s = run.survey;
    let has_rate = s.questions[q]
        .kind
        .options()
        .iter()
        .any(|o| o.headcount.is_some());
    let waves = run.waves.get(&run.year).map_or(1, Vec::len).max(1) as f64;
    let extra: Vec<Ind> = key_indicators(s)
        .into_iter()
        .filter(|i| matches!(i, Ind::Nps(_) | Ind::Resolution(_) | Ind::Ces(_)))
        .collect();
    let name = s.questions[q].id.clone();
    let a = analysis_by(run, q);
    let rows = breakdown(run, q)
        .into_iter()
        .map(|(label, id, g)| {
            let mut row = vec![Cell::Text(label)];
            row.push(match g {
                G::Shown(st) => Cell::Int(st.n),
                _ => Cell::Suppressed,
            });
            if has_rate {
                row.push(match g {
                    G::Shown(st) => st.response_rate.map_or(Cell::Empty, |r| Cell::Num {
                        value: r / waves * 100.0,
                        decimals: 1,
                    }),
                    _ => Cell::Suppressed,
                });
            }
            let [v, ci, _] = est_cells(Ind::Ccl.get(g), 1);
            row.push(v);
            row.push(ci);
            let c = match (run.prev, a) {
                (Some(p), Some(a)) => change(
                    a,
                    p,
                    run.year,
                    &[(name.as_str(), id.as_deref())],
                    "ccl.value",
                ),
                _ => None,
            };
            let [d, _, sig] = match g {
                G::Shown(_) => change_cells(&Ind::Ccl, c, w),
                _ => [Cell::Suppressed, Cell::Suppressed, Cell::Suppressed],
            };
            row.push(d);
            row.push(sig);
            for ind in &extra {
                row.push(value_cell(ind.get(g), 1));
            }
            row
        })
        .collect();
    let mut cols = vec![first, w.c_n];
    if has_rate {
        cols.push(w.c_response_rate);
    }
    cols.extend([w.c_ccl, w.c_ci, w.c_change, w.c_significance]);
    let extra_labels: Vec<String> = extra
        .iter()
        .map(|i| match i {
            Ind::Nps(id) => nps_name(run, id),
            Ind::Resolution(_) => w.c_resolved.to_owned(),
            Ind::Ces(_) => w.c_easy.to_owned(),
            _ => String::new(),
        })
        .collect();
    cols.extend(extra_labels.iter().map(String::as_str));
    let mut t = doc.table(caption, cols, rows, run.k);
    if has_rate {
        if let Block::Table(t) = &mut t {
            t.note = Some(match run.lang {
                Lang::Ru => format!(
                    "Отклик — ответы за год, деленные на численность подразделения и на число волн опроса в году ({}).",
                    waves as usize
                ),
                Lang::En => format!(
                    "Response rate: the year's responses divided by the unit's headcount and by the number of survey waves in the year ({}).",
                    waves as usize
                ),
            });
        }
    }
    sec.blocks.push(t);
}

/// Options × dimensions: a table and a heat map.
fn dimension_breakdown(
    doc: &mut Doc,
    sec: &mut Sec,
    run: &Run<'_>,
    q: usize,
    first: &str,
    by: &str,
) {
    let s = run.survey;
    if s.dimensions.is_empty() {
        return;
    }
    let rows_g = breakdown(run, q);
    let dims: Vec<Ind> = s
        .dimensions
        .iter()
        .map(|d| Ind::Dim(d.id.clone()))
        .collect();
    let rows = rows_g
        .iter()
        .map(|(label, _, g)| {
            let mut row = vec![Cell::Text(label.clone())];
            row.extend(dims.iter().map(|d| value_cell(d.get(*g), 1)));
            row
        })
        .collect();
    let titles: Vec<String> = s
        .dimensions
        .iter()
        .map(|d| d.title.get(run.lang.code()).to_owned())
        .collect();
    let mut cols = vec![first];
    cols.extend(titles.iter().map(String::as_str));
    let caption = match run.lang {
        Lang::Ru => format!(
            "Индексы направлений (0–100) в разрезе: {by}, {} год",
            run.year
        ),
        Lang::En => format!("Area indices (0–100) by {by}, {}", run.year),
    };
    let t = doc.table(caption.clone(), cols, rows, run.k);
    let input = HeatmapInput {
        rows: rows_g.iter().map(|(l, _, _)| l.clone()).collect(),
        columns: titles,
        values: rows_g
            .iter()
            .map(|(_, _, g)| {
                dims.iter()
                    .map(|d| match d.get(*g) {
                        F::Shown(e) => Datum::Shown(e.value),
                        F::Suppressed => Datum::Suppressed,
                        F::Absent => Datum::Missing,
                    })
                    .collect()
            })
            .collect(),
    };
    let id = doc.chart_id();
    sec.chart(charts::heatmap(&id, &caption, input, run.lang, run.k));
    sec.blocks.push(t);
}

fn standards_table(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let w = words(run.lang);
    let s = run.survey;
    let qs = standard_questions(s);
    if qs.is_empty() {
        return;
    }
    let year = find(&run.main, run.year, &[]);
    let rows = qs
        .iter()
        .map(|&q| {
            let id = &s.questions[q].id;
            let ind = Ind::Standard(id.clone());
            let mut row = vec![
                Cell::Text(question_text(s, id, run.lang)),
                Cell::Text(norm(s, id, run.lang)),
            ];
            row.extend(est_cells(ind.get(year), 1));
            match year.stats().and_then(|g| g.standards.get(id)) {
                Some(Fig::Shown(st)) => {
                    row.push(Cell::Num {
                        value: st.median,
                        decimals: 1,
                    });
                    row.push(Cell::Num {
                        value: st.p90,
                        decimals: 1,
                    });
                }
                Some(Fig::Suppressed) => row.extend([Cell::Suppressed, Cell::Suppressed]),
                None => row.extend([Cell::Empty, Cell::Empty]),
            }
            let c = run
                .prev
                .and_then(|p| change(&run.main, p, run.year, &[], &ind.path()));
            let [d, _, sig] = change_cells(&ind, c, w);
            row.push(d);
            row.push(sig);
            row
        })
        .collect();
    let caption = match run.lang {
        Lang::Ru => format!("Соблюдение стандартов обслуживания, {} год", run.year),
        Lang::En => format!("Compliance with service standards, {}", run.year),
    };
    let t = doc.table(
        caption,
        vec![
            w.c_standard,
            w.c_norm,
            w.c_within,
            w.c_ci,
            w.c_n,
            w.c_median,
            w.c_p90,
            match run.lang {
                Lang::Ru => "Изменение, п.п.",
                Lang::En => "Change, pp",
            },
            w.c_significance,
        ],
        rows,
        run.k,
    );
    sec.blocks.push(t);
}

fn nps_table(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let w = words(run.lang);
    let year = find(&run.main, run.year, &[]);
    let inds: Vec<Ind> = key_indicators(run.survey)
        .into_iter()
        .filter(|i| matches!(i, Ind::Nps(_)))
        .collect();
    if inds.is_empty() {
        return;
    }
    let rows = indicator_rows(run, &inds, |ind| {
        let Ind::Nps(id) = ind else { return vec![] };
        match year.stats().and_then(|g| g.nps.get(id)) {
            Some(Fig::Shown(s)) => {
                let n = s.n as f64;
                [s.promoters, s.passives, s.detractors]
                    .iter()
                    .map(|&x| Cell::Num {
                        value: x as f64 / n * 100.0,
                        decimals: 1,
                    })
                    .collect()
            }
            Some(Fig::Suppressed) => vec![Cell::Suppressed; 3],
            None => vec![Cell::Empty; 3],
        }
    });
    let caption = match run.lang {
        Lang::Ru => format!("Готовность рекомендовать (NPS), {} год", run.year),
        Lang::En => format!("Likelihood to recommend (NPS), {}", run.year),
    };
    let t = doc.table(
        caption,
        vec![
            w.c_indicator,
            w.c_value,
            w.c_ci,
            w.c_n,
            w.c_promoters,
            w.c_passives,
            w.c_detractors,
            w.c_change,
            w.c_significance,
        ],
        rows,
        run.k,
    );
    sec.blocks.push(t);
}

fn nps_chart(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>, q: usize, by: &str) {
    let Some(nq) = run
        .survey
        .questions
        .iter()
        .find(|x| matches!(x.kind, QuestionKind::Nps { .. }))
    else {
        return;
    };
    let groups: Vec<NpsGroup> = breakdown(run, q)
        .into_iter()
        .map(|(label, _, g)| NpsGroup {
            label,
            value: match g {
                G::Shown(st) => match st.nps.get(&nq.id) {
                    Some(Fig::Shown(n)) => Datum::Shown(NpsParts::from(n)),
                    Some(Fig::Suppressed) => Datum::Suppressed,
                    None => Datum::Missing,
                },
                G::Suppressed => Datum::Suppressed,
                G::Absent => Datum::Missing,
            },
        })
        .collect();
    let name = nps_name(run, &nq.id);
    let title = match run.lang {
        Lang::Ru => format!("Состав {name} в разрезе: {by}, {} год", run.year),
        Lang::En => format!("{name} composition by {by}, {}", run.year),
    };
    let id = doc.chart_id();
    sec.chart(charts::nps(
        &id,
        &title,
        &name,
        NpsInput { groups },
        run.lang,
        run.k,
    ));
}

fn internal(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
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

fn external(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
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
                Ind::Ces(id) => vec![match year.stats().and_then(|g| g.ces.get(id)) {
                    Some(Fig::Shown(c)) => Cell::Num {
                        value: c.mean,
                        decimals: 2,
                    },
                    Some(Fig::Suppressed) => Cell::Suppressed,
                    None => Cell::Empty,
                }],
                _ => vec![Cell::Empty],
            });
            let t = doc.table(
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
            sec.blocks.push(t);
        }
        nps_table(doc, sec, run);
    }
}

fn channel_mix(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>, tq: usize) {
    let w = words(run.lang);
    let s = run.survey;
    let q = &s.questions[tq];
    let year = find(&run.main, run.year, &[]);
    let mix = year.stats().and_then(|g| g.channels.get(&q.id));
    let options = q.kind.options();
    let kind = |c: Option<Channel>| match c {
        Some(Channel::Digital) => w.digital,
        Some(Channel::Offline) => w.offline,
        None => "",
    };
    let part = |f: Option<&Fig<otklik_analytics::PartStats>>| -> [Cell; 3] {
        match f {
            Some(Fig::Shown(p)) => [
                Cell::Num {
                    value: p.share * 100.0,
                    decimals: 1,
                },
                Cell::Interval {
                    bounds: pct(p.ci95),
                    decimals: 1,
                },
                Cell::Int(p.n),
            ],
            Some(Fig::Suppressed) => [Cell::Suppressed, Cell::Suppressed, Cell::Suppressed],
            None => [Cell::Empty, Cell::Empty, Cell::Empty],
        }
    };
    let mut rows = Vec::new();
    let mut bars = Vec::new();
    for o in options {
        let f = match mix {
            Some(Fig::Shown(m)) => m.options.get(&o.id),
            Some(Fig::Suppressed) => Some(&Fig::Suppressed),
            None => None,
        };
        let mut row = vec![
            Cell::Text(o.label.get(run.lang.code()).to_owned()),
            Cell::Text(kind(o.channel).to_owned()),
        ];
        row.extend(part(f));
        rows.push(row);
        bars.push(ChannelBar {
            label: o.label.get(run.lang.code()).to_owned(),
            kind: if o.channel == Some(Channel::Digital) {
                ChannelKind::Digital
            } else {
                ChannelKind::Offline
            },
            value: f.map_or(Datum::Missing, Datum::from),
        });
    }
    if let Some(Fig::Shown(m)) = mix {
        for (t, name) in [("digital", w.digital), ("offline", w.offline)] {
            if let Some(f) = m.types.get(t) {
                let label = if run.lang == Lang::Ru {
                    format!("Все каналы типа «{name}»")
                } else {
                    format!("All {name} channels")
                };
                let mut row = vec![Cell::Text(label), Cell::Text(name.to_owned())];
                row.extend(part(Some(f)));
                rows.push(row);
            }
        }
    }
    let caption = match run.lang {
        Lang::Ru => format!(
            "Каналы обращения: доли точек взаимодействия, {} год",
            run.year
        ),
        Lang::En => format!("Channels: shares of touchpoints, {}", run.year),
    };
    let id = doc.chart_id();
    sec.chart(charts::channels(
        &id,
        &caption,
        ChannelsInput { channels: bars },
        run.lang,
        run.k,
    ));
    let t = doc.table(
        caption,
        vec![w.c_touchpoint, w.c_type, w.c_share, w.c_ci, w.c_n],
        rows,
        run.k,
    );
    sec.blocks.push(t);
}

/// Whether standard question `sq` applies to touchpoint option `opt`.
fn applies(s: &Survey, sq: usize, tq: usize, opt: &str) -> bool {
    match &s.questions[sq].visible_if {
        Some(c) if c.question == s.questions[tq].id => c.values.iter().any(|v| v == opt),
        _ => true,
    }
}

fn standards_by_touchpoint(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let w = words(run.lang);
    let s = run.survey;
    let Some(tq) = s.with_role(Role::Touchpoint) else {
        return;
    };
    let tp = breakdown(run, tq);
    let mut rows = Vec::new();
    let mut bars = Vec::new();
    for sq in standard_questions(s) {
        let id = &s.questions[sq].id;
        for (label, opt, g) in &tp {
            let Some(opt) = opt else { continue };
            if !applies(s, sq, tq, opt) {
                continue;
            }
            let f = Ind::Standard(id.clone()).get(*g);
            let mut row = vec![
                Cell::Text(label.clone()),
                Cell::Text(question_text(s, id, run.lang)),
                Cell::Text(norm(s, id, run.lang)),
            ];
            row.extend(est_cells(f, 1));
            rows.push(row);
            bars.push(StandardBar {
                label: label.clone(),
                standard: norm(s, id, run.lang),
                value: match f {
                    F::Shown(e) => Datum::Shown(otklik_charts::Share {
                        share: e.value / 100.0,
                        ci95: e.ci.map(|c| [c[0] / 100.0, c[1] / 100.0]),
                    }),
                    F::Suppressed => Datum::Suppressed,
                    F::Absent => Datum::Missing,
                },
            });
        }
    }
    if rows.is_empty() {
        return;
    }
    let caption = match run.lang {
        Lang::Ru => format!(
            "Соблюдение стандартов по точкам взаимодействия, {} год",
            run.year
        ),
        Lang::En => format!("Compliance with the standards per touchpoint, {}", run.year),
    };
    let id = doc.chart_id();
    sec.chart(charts::standards(
        &id,
        &caption,
        StandardsInput { touchpoints: bars },
        run.lang,
        run.k,
    ));
    let t = doc.table(
        caption,
        vec![
            w.c_touchpoint,
            w.c_standard,
            w.c_norm,
            w.c_within,
            w.c_ci,
            w.c_n,
        ],
        rows,
        run.k,
    );
    sec.blocks.push(t);
}

fn estimate(f: F) -> Datum<Estimate> {
    match f {
        F::Shown(e) => Datum::Shown(Estimate {
            value: e.value,
            ci95: e.ci,
        }),
        F::Suppressed => Datum::Suppressed,
        F::Absent => Datum::Missing,
    }
}

fn dynamics(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let w = words(run.lang);
    let s = run.survey;
    let ru = run.lang == Lang::Ru;
    sec.sub(audience_label(run));
    let years: Vec<u16> = run
        .hist
        .periods
        .iter()
        .filter_map(|p| p.parse().ok())
        .collect();
    let groups: Vec<G<'_>> = years.iter().map(|&y| find(&run.hist, y, &[])).collect();
    let periods: Vec<String> = years.iter().map(ToString::to_string).collect();

    if !s.dimensions.is_empty() {
        let title = if ru {
            "Уровень клиентоцентричности по годам (95% доверительный интервал)"
        } else {
            "Client-centricity level per year (95% confidence interval)"
        };
        let id = doc.chart_id();
        sec.chart(charts::trend(
            &id,
            title,
            TrendInput {
                periods: periods.clone(),
                series: vec![TrendSeries {
                    name: w.ccl.to_owned(),
                    values: groups.iter().map(|g| estimate(Ind::Ccl.get(*g))).collect(),
                }],
                y_range: TrendInput::INDEX_RANGE,
            },
            run.lang,
            run.k,
        ));
        let dims: Vec<Ind> = s
            .dimensions
            .iter()
            .map(|d| Ind::Dim(d.id.clone()))
            .collect();
        if dims.len() <= 6 {
            let title = if ru {
                "Индексы направлений по годам"
            } else {
                "Area indices per year"
            };
            let id = doc.chart_id();
            sec.chart(charts::trend(
                &id,
                title,
                TrendInput {
                    periods: periods.clone(),
                    series: dims
                        .iter()
                        .map(|d| TrendSeries {
                            name: d.label(run),
                            values: groups.iter().map(|g| estimate(d.get(*g))).collect(),
                        })
                        .collect(),
                    y_range: TrendInput::INDEX_RANGE,
                },
                run.lang,
                run.k,
            ));
        }
    }
    for q in &s.questions {
        if matches!(q.kind, QuestionKind::Nps { .. }) {
            let ind = Ind::Nps(q.id.clone());
            let name = nps_name(run, &q.id);
            let title = if ru {
                format!("{name} по годам (95% доверительный интервал)")
            } else {
                format!("{name} per year (95% confidence interval)")
            };
            let id = doc.chart_id();
            sec.chart(charts::trend(
                &id,
                &title,
                TrendInput {
                    periods: periods.clone(),
                    series: vec![TrendSeries {
                        name,
                        values: groups.iter().map(|g| estimate(ind.get(*g))).collect(),
                    }],
                    y_range: TrendInput::NPS_RANGE,
                },
                run.lang,
                run.k,
            ));
        }
    }

    // The values per year with their intervals: indicators × years.
    let inds = key_indicators(s);
    let rows = inds
        .iter()
        .map(|ind| {
            let mut row = vec![Cell::Text(ind.label(run))];
            row.extend(groups.iter().map(|g| match ind.get(*g) {
                F::Shown(e) => Cell::Estimate {
                    value: e.value,
                    ci: e.ci,
                    decimals: 1,
                },
                F::Suppressed => Cell::Suppressed,
                F::Absent => Cell::Empty,
            }));
            row
        })
        .collect();
    let mut cols = vec![w.c_indicator];
    cols.extend(periods.iter().map(String::as_str));
    let t = doc.table(
        if ru {
            "Показатели по годам (под значением — 95% доверительный интервал)".to_owned()
        } else {
            "Indicators per year (under each value, its 95% confidence interval)".to_owned()
        },
        cols,
        rows,
        run.k,
    );
    sec.blocks.push(t);

    // Trends (OLS over the years with a shown value).
    if let Some(tr) = run.hist.trends.iter().find(|t| t.key.is_empty()) {
        let rows: Vec<Vec<Cell>> = inds
            .iter()
            .filter_map(|ind| {
                let t = tr.figures.get(&ind.path())?;
                Some(vec![
                    Cell::Text(ind.label(run)),
                    Cell::Int(t.periods as u64),
                    Cell::Delta {
                        value: ind.display_delta(t.slope),
                        decimals: 2,
                    },
                    t.p.map_or(Cell::Empty, Cell::P),
                    Cell::Text(
                        if t.significant {
                            w.significant
                        } else {
                            w.not_significant
                        }
                        .to_owned(),
                    ),
                ])
            })
            .collect();
        if !rows.is_empty() {
            let t = doc.table(
                if ru {
                    "Тренды: наклон прямой по годам (метод наименьших квадратов)".to_owned()
                } else {
                    "Trends: slope of the least-squares line over the years".to_owned()
                },
                vec![
                    w.c_indicator,
                    if ru { "Лет" } else { "Years" },
                    w.c_slope,
                    w.c_p,
                    w.c_significance,
                ],
                rows,
                run.k,
            );
            sec.blocks.push(t);
        }
    }
}

/// The driver analysis of the year; returns the generated recommendations.
fn priorities(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) -> Vec<String> {
    let w = words(run.lang);
    let ru = run.lang == Lang::Ru;
    sec.sub(audience_label(run));
    let Some(g) = find(&run.main, run.year, &[]).stats() else {
        sec.para(fewer_than(run.lang, run.k));
        return Vec::new();
    };
    let mut shown: Vec<(&String, &otklik_analytics::DriverStats)> = g
        .drivers
        .iter()
        .filter_map(|(id, f)| f.shown().map(|d| (id, d)))
        .collect();
    let median = |mut v: Vec<f64>| -> Option<f64> {
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        let m = v.len() / 2;
        Some(if v.len().is_multiple_of(2) {
            (v[m - 1] + v[m]) / 2.0
        } else {
            v[m]
        })
    };
    let input = QuadrantInput {
        median_importance: median(shown.iter().map(|d| d.1.importance).collect()),
        median_performance: median(shown.iter().map(|d| d.1.performance).collect()),
        points: g
            .drivers
            .iter()
            .map(|(id, f)| QuadrantPoint {
                label: question_label(run.survey, id, run.lang),
                value: match f {
                    Fig::Shown(d) => Datum::Shown(DriverPoint::from(d)),
                    Fig::Suppressed => Datum::Suppressed,
                },
            })
            .collect(),
    };
    let title = if ru {
        format!(
            "Факторы уровня клиентоцентричности: важность и оценка, {} год",
            run.year
        )
    } else {
        format!(
            "Drivers of the client-centricity level: importance and performance, {}",
            run.year
        )
    };
    let id = doc.chart_id();
    sec.chart(charts::quadrant(&id, &title, input, run.lang, run.k));
    shown.sort_by(|a, b| {
        b.1.priority
            .cmp(&a.1.priority)
            .then(b.1.importance.total_cmp(&a.1.importance))
    });
    let rows = shown
        .iter()
        .map(|(id, d)| {
            vec![
                Cell::Text(question_text(run.survey, id, run.lang)),
                Cell::Num {
                    value: d.importance,
                    decimals: 2,
                },
                Cell::Num {
                    value: d.performance,
                    decimals: 1,
                },
                Cell::Int(d.n),
                Cell::Text(if d.priority { w.yes } else { w.no }.to_owned()),
            ]
        })
        .collect();
    let t = doc.table(
        title,
        vec![
            w.c_item,
            w.c_importance,
            w.c_performance,
            w.c_n,
            w.c_priority,
        ],
        rows,
        run.k,
    );
    sec.blocks.push(t);
    findings::recommendations(run, &shown)
}

fn methodology(doc: &mut Doc, sec: &mut Sec, runs: &[Run<'_>]) {
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
                    G::Suppressed => Cell::Suppressed,
                    G::Absent => Cell::Empty,
                },
            ]);
        }
    }
    let k = runs.iter().map(|r| r.k).max().unwrap_or(5);
    let t = doc.table(
        if ru {
            "Число ответов по годам".to_owned()
        } else {
            "Responses per year".to_owned()
        },
        vec![w.surveys, w.c_year, w.c_periods, w.c_n],
        rows,
        k,
    );
    sec.blocks.push(t);
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
    let t = doc.table(
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
    sec.blocks.push(t);
}

fn breakdown_name(s: &Survey, q: usize, lang: Lang) -> String {
    let w = words(lang);
    match s.questions[q].role {
        Some(Role::Touchpoint) => w.c_touchpoint.to_owned(),
        Some(Role::Need) => w.c_need.to_owned(),
        Some(Role::Segment) if s.audience == Audience::Internal => w.c_unit.to_owned(),
        Some(Role::Segment) => w.c_segment.to_owned(),
        _ => s.questions[q].id.clone(),
    }
}

fn hidden_figures(g: &GroupStats) -> usize {
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

fn registry(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>) {
    let w = words(run.lang);
    let s = run.survey;
    let ru = run.lang == Lang::Ru;
    let (Some(tq), Some(nq), Some(reg)) = (
        s.with_role(Role::Touchpoint),
        s.with_role(Role::Need),
        run.registry.as_ref(),
    ) else {
        return;
    };
    sec.para(if ru {
        format!("Перечень точек взаимодействия (приложение к приказу о перечне): тип канала, потребности, которые удовлетворяет точка (по ответам {} года; показаны сочетания не менее чем из {} ответов), удовлетворенность и соблюдение стандартов обслуживания.", run.year, run.k)
    } else {
        format!("The touchpoint registry: the channel type, the needs each touchpoint serves (from the answers of {}; combinations of at least {} responses), satisfaction and compliance with the service standards.", run.year, run.k)
    });
    let (tid, nid) = (&s.questions[tq].id, &s.questions[nq].id);
    let stds = standard_questions(s);
    let tp_groups = breakdown(run, tq);
    let mut rows = Vec::new();
    for o in s.questions[tq].kind.options() {
        let needs: Vec<String> = s.questions[nq]
            .kind
            .options()
            .iter()
            .filter(|n| {
                matches!(
                    find(reg, run.year, &[(tid, Some(&o.id)), (nid, Some(&n.id))]),
                    G::Shown(_)
                )
            })
            .map(|n| n.label.get(run.lang.code()).to_owned())
            .collect();
        let g = tp_groups
            .iter()
            .find(|(_, id, _)| id.as_deref() == Some(o.id.as_str()))
            .map_or(G::Absent, |x| x.2);
        let mut row = vec![
            Cell::Text(o.label.get(run.lang.code()).to_owned()),
            Cell::Text(
                match o.channel {
                    Some(Channel::Digital) => w.digital,
                    Some(Channel::Offline) => w.offline,
                    None => "",
                }
                .to_owned(),
            ),
            Cell::Text(needs.join("; ")),
        ];
        let [v, ci, n] = est_cells(Ind::Ccl.get(g), 1);
        row.extend([v, ci, n]);
        for &sq in &stds {
            row.push(if applies(s, sq, tq, &o.id) {
                value_cell(Ind::Standard(s.questions[sq].id.clone()).get(g), 1)
            } else {
                Cell::Empty
            });
        }
        rows.push(row);
    }
    let std_labels: Vec<String> = stds
        .iter()
        .map(|&sq| format!("{}, %", norm(s, &s.questions[sq].id, run.lang)))
        .collect();
    let mut cols = vec![w.c_touchpoint, w.c_type, w.c_needs, w.c_ccl, w.c_ci, w.c_n];
    cols.extend(std_labels.iter().map(String::as_str));
    let t = doc.table(
        if ru {
            format!("Перечень точек взаимодействия, {} год", run.year)
        } else {
            format!("Touchpoint registry, {}", run.year)
        },
        cols,
        rows,
        run.k,
    );
    sec.blocks.push(t);
}

fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,".contains(c))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

fn stamp(inputs: &[Input<'_>], params: &Params, runs: &[Run<'_>]) -> Stamp {
    let lang = params.lang;
    let w = words(lang);
    let ru = lang == Lang::Ru;
    let mut files = Vec::new();
    let mut command = vec!["otklik".to_owned(), "report".to_owned()];
    for (i, input) in inputs.iter().enumerate() {
        files.push(StampFile {
            role: w.definition.to_owned(),
            name: input.definition.name.clone(),
            sha256: input.definition.sha256.clone(),
        });
        if i > 0 {
            command.push("--also".to_owned());
        }
        command.push(shell_quote(&input.definition.name));
        for f in &input.files {
            files.push(StampFile {
                role: w.responses.to_owned(),
                name: f.name.clone(),
                sha256: f.sha256.clone(),
            });
            command.push(shell_quote(&f.name));
        }
    }
    command.push(format!("--year {}", params.year));
    let compare: Vec<String> = {
        let mut c: Vec<u16> = runs
            .iter()
            .flat_map(|r| r.main.periods.iter().filter_map(|p| p.parse().ok()))
            .filter(|&y| y != params.year)
            .collect();
        c.sort_unstable();
        c.dedup();
        c.iter().map(ToString::to_string).collect()
    };
    for c in &compare {
        command.push(format!("--compare {c}"));
    }
    command.push(format!("--lang {}", lang.code()));
    command.push(format!("--org {}", shell_quote(&params.organisation)));
    if let Some(k) = params.min_group {
        command.push(format!("--min-group {k}"));
    }
    let mut parameters = vec![
        (w.c_year.to_owned(), params.year.to_string()),
        (w.compared_with.to_owned(), compare.join(", ")),
        (
            if ru { "Язык" } else { "Language" }.to_owned(),
            lang.code().to_owned(),
        ),
        (w.organisation.to_owned(), params.organisation.clone()),
    ];
    for run in runs {
        parameters.push((
            if ru {
                format!("K / порог свободных ответов ({})", run.survey.id)
            } else {
                format!("K / free-text threshold ({})", run.survey.id)
            },
            format!("{} / {}", run.k, run.main.min_group_text),
        ));
    }
    parameters.push((
        if ru {
            "Уровень доверия"
        } else {
            "Confidence level"
        }
        .to_owned(),
        "95%".to_owned(),
    ));
    if let Some(text) = &params.recommendations {
        command.push("--recommendations FILE".to_owned());
        parameters.push((
            if ru {
                "Рекомендации изменены пользователем (SHA-256 текста)"
            } else {
                "Recommendations edited by the user (SHA-256 of the text)"
            }
            .to_owned(),
            sha256_hex(text.as_bytes()),
        ));
    }
    Stamp {
        app_version: params.app_version.clone(),
        files,
        parameters,
        command: command.join(" "),
    }
}

fn stamp_blocks(doc: &mut Doc, sec: &mut Sec, stamp: &Stamp, lang: Lang) {
    let w = words(lang);
    let ru = lang == Lang::Ru;
    sec.para(if ru {
        "Показатели отчета можно получить заново командой ниже на тех же файлах: совпадение хешей SHA-256 подтверждает, что файлы те же."
    } else {
        "The report's figures can be re-derived with the command below on the same files; equal SHA-256 hashes confirm the files are the same."
    });
    let rows = stamp
        .files
        .iter()
        .map(|f| {
            vec![
                Cell::Text(f.name.clone()),
                Cell::Text(f.role.clone()),
                Cell::Code(f.sha256.clone()),
            ]
        })
        .collect();
    let t = doc.table(
        if ru {
            "Входные файлы"
        } else {
            "Input files"
        },
        vec![w.c_file, w.c_role, w.c_sha],
        rows,
        5,
    );
    sec.blocks.push(t);
    let mut rows = vec![vec![
        Cell::Text(
            if ru {
                "Версия программы"
            } else {
                "Application version"
            }
            .to_owned(),
        ),
        Cell::Text(stamp.app_version.clone()),
    ]];
    rows.extend(
        stamp
            .parameters
            .iter()
            .map(|(k, v)| vec![Cell::Text(k.clone()), Cell::Text(v.clone())]),
    );
    rows.push(vec![
        Cell::Text(if ru { "Команда" } else { "Command" }.to_owned()),
        Cell::Code(stamp.command.clone()),
    ]);
    let t = doc.table(
        if ru {
            "Параметры"
        } else {
            "Parameters"
        },
        vec![w.c_parameter, w.c_value],
        rows,
        5,
    );
    sec.blocks.push(t);
}
