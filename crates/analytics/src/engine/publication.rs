//! The publication set of a data set and its one suppression pattern.
//!
//! Every table that the app, the report or the CLI can show for a survey is listed
//! here ([`tables`]); [`Protection::new`] counts the responses of every finest cell
//! (period × every grouping question) once, and decides with [`Model::protect`] which
//! cells of which tables are hidden, for the group sizes and for every figure's answer
//! count. Every analysis then takes its hidden cells from this one pattern, so what is
//! hidden depends on the data, K and the publication set alone: never on key order or
//! on which table was asked for.

use std::collections::HashMap;

use otklik_survey::{
    Audience, Channel, Column, Granularity, QuestionKind, ResponseChannel, Responses, Role, Survey,
};

use crate::protect::{Cell, Model, Partition};
use crate::{Error, Key, Result};

/// A dimension of a published table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Dim {
    /// The data's periods.
    Period,
    /// Their years (only when the periods are finer than years).
    Year,
    /// A grouping question, by its index in the survey.
    Group(usize),
    /// The responses' channel (only when some response has one).
    Channel,
}

/// A published table: its dimensions in canonical order, their sizes and where its
/// cells start in the model.
#[derive(Debug, Clone)]
struct Table {
    dims: Vec<Dim>,
    cards: Vec<usize>,
    offset: usize,
}

impl Table {
    fn cells(&self) -> usize {
        self.cards.iter().product()
    }
}

/// A family of counts with its own hidden cells: the group sizes, or one figure's
/// answer count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    /// Responses.
    N,
    /// Answers to a scale or NPS question (by question index).
    Item(usize),
    /// Respondents with a score in a dimension (by dimension index).
    Dimension(usize),
    /// Respondents with a level.
    Level,
    /// Respondents with a level who answered a scale question outside every dimension.
    Driver(usize),
    /// Answers to a service-standard question.
    Standard(usize),
    /// Answers to a resolution question.
    Resolution(usize),
    /// Responses naming a touchpoint.
    Channels,
    /// Free-text answers to a question (only in the text table).
    Text(usize),
}

/// The suppression pattern of one data set over its whole publication set.
#[derive(Debug, Clone)]
pub struct Protection {
    k: u32,
    k_text: u32,
    k_year: u32,
    granularity: Option<Granularity>,
    periods: HashMap<String, usize>,
    years: HashMap<u16, usize>,
    tables: Vec<Table>,
    text_table: Option<usize>,
    touchpoint: Option<usize>,
    hidden: HashMap<Family, Vec<bool>>,
    /// Cells of the tables (the channel cells follow them).
    cells: usize,
    /// Cells of the tables with between 1 and K − 1 responses.
    primary: usize,
    /// With the touchpoint a grouping question, the channel mix of a group of a table
    /// without it: per table, where its cells' mix cells start (each cell has three:
    /// responses naming a touchpoint, digital ones, offline ones).
    channel_offset: Vec<Option<usize>>,
}

/// A part of a group's channel mix that is not a cell of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mix {
    /// Responses naming a touchpoint.
    Named,
    /// Responses naming a touchpoint of a channel type (0 digital, 1 offline).
    Type(usize),
}

/// The finest cells that hold responses: their codes and per-family counts.
struct Inner {
    /// Per inner cell: period code, then one code per grouping question (0 = none),
    /// then (when some response says its channel) the channel code (0 = unknown).
    codes: Vec<Vec<u32>>,
    counts: HashMap<Family, Vec<u64>>,
    /// Per family with per-answer counts: per inner cell, the counts of each answer.
    answers: HashMap<Family, Vec<Vec<u64>>>,
}

fn codes(data: &Responses, q: usize) -> &[u8] {
    match data.column(q) {
        Column::Code(v) => v,
        _ => unreachable!("a coded question"),
    }
}

impl Protection {
    /// The pattern of `data` for `survey`, with K raised to `min_group` if given.
    /// K can be raised, never lowered: a `min_group` below the survey's is an error.
    pub fn new(survey: &Survey, data: &Responses, min_group: Option<u32>) -> Result<Protection> {
        let k = min_group.unwrap_or(survey.min_group);
        if k < survey.min_group {
            return Err(Error::MinGroupBelowSurvey {
                found: k,
                survey: survey.min_group,
            });
        }
        if k < 3 {
            return Err(Error::MinGroup(k));
        }
        let k_text = survey.min_group_text.max(k);
        let granularity = data.periods().first().map(|p| p.granularity());
        let mut years: Vec<u16> = data.periods().iter().map(|p| p.year()).collect();
        years.dedup();
        let waves = years
            .iter()
            .map(|&y| data.periods().iter().filter(|p| p.year() == y).count())
            .max()
            .unwrap_or(1) as u32;
        let with_years = granularity.is_some_and(|g| g != Granularity::Year);
        // Employees answer every wave: a year pools up to `waves` answers of each person.
        let k_year = if survey.audience == Audience::Internal && with_years {
            k * waves
        } else {
            k
        };
        let groups: Vec<usize> = survey.group_questions().collect();
        let with_channel = data.has_channels();
        let touchpoint = survey
            .with_role(Role::Touchpoint)
            .filter(|t| groups.contains(t));
        let mut p = Protection {
            k,
            k_text,
            k_year,
            granularity,
            periods: data
                .periods()
                .iter()
                .enumerate()
                .map(|(i, p)| (p.to_string(), i))
                .collect(),
            years: years.iter().enumerate().map(|(i, &y)| (y, i)).collect(),
            tables: Vec::new(),
            text_table: None,
            touchpoint,
            hidden: HashMap::new(),
            cells: 0,
            primary: 0,
            channel_offset: Vec::new(),
        };
        let mut text_dims: Vec<Dim> = text_grouping(survey)
            .iter()
            .map(|k| match k {
                Key::Period => Dim::Period,
                Key::Question(id) => Dim::Group(survey.question_index(id).expect("a group")),
                Key::Channel => Dim::Channel,
            })
            .collect();
        text_dims.sort();
        let mut offset = 0;
        for dims in tables(survey, with_years, with_channel) {
            let cards = dims
                .iter()
                .map(|d| match d {
                    Dim::Period => data.periods().len().max(1),
                    Dim::Year => years.len().max(1),
                    Dim::Group(q) => survey.questions[*q].kind.options().len() + 1,
                    Dim::Channel => CHANNEL_CODES,
                })
                .collect();
            if dims == text_dims {
                p.text_table = Some(p.tables.len());
            }
            let t = Table {
                dims,
                cards,
                offset,
            };
            offset += t.cells();
            p.tables.push(t);
        }
        p.cells = offset;
        for t in &p.tables {
            let with_touchpoint = touchpoint.and_then(|tp| {
                if t.dims.contains(&Dim::Group(tp)) {
                    return None;
                }
                let mut d = t.dims.clone();
                d.push(Dim::Group(tp));
                d.sort();
                p.tables.iter().any(|x| x.dims == d).then_some(())
            });
            p.channel_offset.push(with_touchpoint.map(|()| {
                let at = offset;
                offset += 3 * t.cells();
                at
            }));
        }
        let inner = inner_cells(survey, data, &groups, touchpoint.is_some(), with_channel);
        let year_of: Vec<usize> = data
            .periods()
            .iter()
            .map(|x| years.iter().position(|&y| y == x.year()).unwrap_or(0))
            .collect();
        let model = p.model(survey, &groups, &inner, &year_of);
        // Group sizes first; every figure's cells are hidden where its group is.
        let n_hidden = model.protect(&inner.counts[&Family::N], &vec![false; offset], false, None);
        let n_totals = model.totals(&inner.counts[&Family::N]);
        p.primary = (0..p.cells)
            .filter(|&c| n_totals[c] > 0 && n_totals[c] < model.cells[c].k)
            .count();
        let mut families: Vec<&Family> = inner.counts.keys().filter(|f| **f != Family::N).collect();
        families.sort_by_key(|f| format!("{f:?}"));
        for f in families {
            let values = &inner.counts[f];
            let hidden = if let Family::Text(_) = f {
                p.text_hidden(&model, values, &inner.counts[&Family::N], &n_hidden)
            } else {
                let answers = inner.answers.get(f);
                let per_answer = |r: usize| answers.map_or_else(Vec::new, |a| a[r].clone());
                let by_answer: Option<&dyn Fn(usize) -> Vec<u64>> = match answers {
                    Some(_) => Some(&per_answer),
                    None => None,
                };
                model.protect(values, &n_hidden, true, by_answer)
            };
            p.hidden.insert(*f, hidden);
        }
        p.hidden.insert(Family::N, n_hidden);
        Ok(p)
    }

    /// The cells of every table over the inner cells, with their thresholds, and the
    /// partitions of every cell into the cells of each finer table.
    fn model(&self, survey: &Survey, groups: &[usize], inner: &Inner, year_of: &[usize]) -> Model {
        let mut cells: Vec<Cell> = Vec::with_capacity(self.cells * 2);
        for t in &self.tables {
            let k = if t.dims.contains(&Dim::Year) {
                self.k_year
            } else {
                self.k
            };
            cells.extend((0..t.cells()).map(|_| Cell {
                rows: Vec::new(),
                k: u64::from(k),
            }));
        }
        for (t, at) in self.tables.iter().zip(&self.channel_offset) {
            if at.is_some() {
                let k = cells[t.offset].k;
                cells.extend((0..3 * t.cells()).map(|_| Cell {
                    rows: Vec::new(),
                    k,
                }));
            }
        }
        let tp_of = |code: &[u32]| -> Option<usize> {
            let tp = self.touchpoint?;
            let c = code[1 + groups.iter().position(|&g| g == tp)?] as usize;
            c.checked_sub(1)
        };
        let type_of = |o: usize| -> Option<usize> {
            let tp = self.touchpoint?;
            survey.questions[tp].kind.options()[o]
                .channel
                .map(|c| usize::from(c == Channel::Offline))
        };
        for (r, code) in inner.codes.iter().enumerate() {
            for (t, at) in self.tables.iter().zip(&self.channel_offset) {
                let c = self.cell_of_inner(t, groups, code, year_of);
                cells[c].rows.push(r as u32);
                if let (Some(at), Some(o)) = (at, tp_of(code)) {
                    let m = at + 3 * (c - t.offset);
                    cells[m].rows.push(r as u32);
                    if let Some(ty) = type_of(o) {
                        cells[m + 1 + ty].rows.push(r as u32);
                    }
                }
            }
        }
        let mut partitions = Vec::new();
        for coarse in &self.tables {
            for fine in &self.tables {
                if std::ptr::eq(coarse, fine) || !refines(&fine.dims, &coarse.dims) {
                    continue;
                }
                let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
                for i in 0..fine.cells() {
                    let fc = decode(fine, i);
                    let parent: usize =
                        coarse
                            .dims
                            .iter()
                            .zip(&coarse.cards)
                            .fold(0, |acc, (d, &card)| {
                                let code = match fine.dims.iter().position(|x| x == d) {
                                    Some(j) => fc[j],
                                    None => {
                                        // a year, from the finer table's period
                                        let j = fine
                                            .dims
                                            .iter()
                                            .position(|x| *x == Dim::Period)
                                            .expect("a year is refined by periods");
                                        year_of.get(fc[j]).copied().unwrap_or(0)
                                    }
                                };
                                acc * card + code
                            });
                    children
                        .entry(coarse.offset + parent)
                        .or_default()
                        .push(fine.offset + i);
                }
                let mut list: Vec<(usize, Vec<usize>)> = children.into_iter().collect();
                list.sort();
                partitions.extend(
                    list.into_iter()
                        .map(|(parent, children)| Partition { parent, children }),
                );
            }
        }
        // A group = its mix + its responses naming no touchpoint; its mix = its
        // touchpoints; each type = its touchpoints.
        if let Some(tp) = self.touchpoint {
            let options = survey.questions[tp].kind.options();
            for (t, at) in self.tables.iter().zip(&self.channel_offset) {
                let Some(at) = at else { continue };
                let mut dims = t.dims.clone();
                dims.push(Dim::Group(tp));
                dims.sort();
                let fine = self.table(&dims).expect("the table with the touchpoint");
                let j = fine
                    .dims
                    .iter()
                    .position(|d| *d == Dim::Group(tp))
                    .expect("tp");
                let mut by_parent: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
                for i in 0..fine.cells() {
                    let fc = decode(fine, i);
                    let parent = t.dims.iter().zip(&t.cards).fold(0, |acc, (d, &card)| {
                        let k = fine.dims.iter().position(|x| x == d).expect("a dimension");
                        acc * card + fc[k]
                    });
                    by_parent
                        .entry(parent)
                        .or_default()
                        .push((fc[j], fine.offset + i));
                }
                let mut list: Vec<_> = by_parent.into_iter().collect();
                list.sort();
                for (parent, children) in list {
                    let m = at + 3 * parent;
                    let none = children.iter().find(|c| c.0 == 0).map(|c| c.1);
                    let named: Vec<usize> =
                        children.iter().filter(|c| c.0 > 0).map(|c| c.1).collect();
                    partitions.push(Partition {
                        parent: m,
                        children: named,
                    });
                    if let Some(none) = none {
                        partitions.push(Partition {
                            parent: t.offset + parent,
                            children: vec![m, none],
                        });
                    }
                    for ty in 0..2 {
                        let of_type: Vec<usize> = children
                            .iter()
                            .filter(|c| {
                                c.0 > 0
                                    && options[c.0 - 1]
                                        .channel
                                        .map(|x| usize::from(x == Channel::Offline))
                                        == Some(ty)
                            })
                            .map(|c| c.1)
                            .collect();
                        if !of_type.is_empty() {
                            partitions.push(Partition {
                                parent: m + 1 + ty,
                                children: of_type,
                            });
                        }
                    }
                }
            }
        }
        Model {
            rows: inner.codes.len(),
            cells,
            partitions,
        }
    }

    /// The model cell of a part of a group's channel mix (the group given as for
    /// [`Protection::cell`]); `None` when the table has no mix.
    pub(crate) fn mix_cell(
        &self,
        dims: &[Dim],
        codes: &[CellCode<'_>],
        part: Mix,
    ) -> Option<usize> {
        let c = self.cell(dims, codes)?;
        let t = self.tables.iter().position(|t| t.dims == dims)?;
        let at = self.channel_offset[t]?;
        let i = c - self.tables[t].offset;
        Some(
            at + 3 * i
                + match part {
                    Mix::Named => 0,
                    Mix::Type(t) => 1 + t,
                },
        )
    }

    fn cell_of_inner(&self, t: &Table, groups: &[usize], code: &[u32], year_of: &[usize]) -> usize {
        t.offset
            + t.dims.iter().zip(&t.cards).fold(0, |acc, (d, &card)| {
                let x = match d {
                    Dim::Period => code[0] as usize,
                    Dim::Year => year_of.get(code[0] as usize).copied().unwrap_or(0),
                    Dim::Group(q) => {
                        code[1 + groups.iter().position(|g| g == q).expect("a group")] as usize
                    }
                    Dim::Channel => code[1 + groups.len()] as usize,
                };
                acc * card + x
            })
    }

    /// Free texts are shown in one table only, for groups shown with at least K_text
    /// responses and K_text texts.
    fn text_hidden(&self, model: &Model, texts: &[u64], n: &[u64], n_hidden: &[bool]) -> Vec<bool> {
        let t_total = model.totals(texts);
        let n_total = model.totals(n);
        let kt = u64::from(self.k_text);
        let mut hidden = vec![true; model.cells.len()];
        if let Some(t) = self.text_table {
            let t = &self.tables[t];
            for c in t.offset..t.offset + t.cells() {
                hidden[c] = n_hidden[c] || n_total[c] < kt || t_total[c] < kt;
            }
        }
        hidden
    }

    /// K for the figures of a table with these keys.
    pub(crate) fn k_for(&self, dims: &[Dim]) -> u32 {
        if dims.contains(&Dim::Year) {
            self.k_year
        } else {
            self.k
        }
    }

    /// K for free texts.
    pub(crate) fn k_text(&self) -> u32 {
        self.k_text
    }

    /// The dimensions of a grouping of `data` (whose periods may be years of the
    /// protected data's periods), or `None` when the grouping is not in the publication set.
    pub(crate) fn dims_of(
        &self,
        survey: &Survey,
        data: &Responses,
        by: &[Key],
    ) -> Option<Vec<Dim>> {
        let yearly = data.periods().first().map(|p| p.granularity()) == Some(Granularity::Year)
            && self.granularity.is_some_and(|g| g != Granularity::Year);
        let mut dims: Vec<Dim> = by
            .iter()
            .map(|k| match k {
                Key::Period if yearly => Some(Dim::Year),
                Key::Period => Some(Dim::Period),
                Key::Question(id) => survey.question_index(id).map(Dim::Group),
                Key::Channel => Some(Dim::Channel),
            })
            .collect::<Option<_>>()?;
        dims.sort();
        self.tables.iter().any(|t| t.dims == dims).then_some(dims)
    }

    /// Every table of the publication set, as grouping keys (periods first).
    pub fn tables(&self, survey: &Survey) -> Vec<Vec<String>> {
        self.tables
            .iter()
            .map(|t| {
                t.dims
                    .iter()
                    .map(|d| match d {
                        Dim::Period => "period".to_owned(),
                        Dim::Year => "year".to_owned(),
                        Dim::Group(q) => survey.questions[*q].id.clone(),
                        Dim::Channel => "channel".to_owned(),
                    })
                    .collect()
            })
            .collect()
    }

    /// The table with these (sorted) dimensions.
    fn table(&self, dims: &[Dim]) -> Option<&Table> {
        self.tables.iter().find(|t| t.dims == dims)
    }

    /// The model cell of a group given by its codes: per dimension of `dims`, the
    /// period's label or the option's code (0 = no answer). `None` when the table or
    /// the period is not in the publication set.
    pub(crate) fn cell(&self, dims: &[Dim], codes: &[CellCode<'_>]) -> Option<usize> {
        let t = self.table(dims)?;
        let mut at = 0;
        for ((d, &card), code) in t.dims.iter().zip(&t.cards).zip(codes) {
            let x = match (d, code) {
                (Dim::Period, CellCode::Period(label)) => *self.periods.get(*label)?,
                (Dim::Year, CellCode::Year(y)) => *self.years.get(y)?,
                (Dim::Group(_) | Dim::Channel, CellCode::Option(o)) => *o,
                _ => return None,
            };
            at = at * card + x;
        }
        Some(t.offset + at)
    }

    /// Whether a cell is hidden for a family (hidden when unknown).
    pub(crate) fn hidden(&self, family: Family, cell: Option<usize>) -> bool {
        match (cell, self.hidden.get(&family)) {
            (Some(c), Some(h)) => h[c],
            (Some(c), None) => self.hidden[&Family::N][c],
            (None, _) => true,
        }
    }

    /// Whether free texts are given for a table.
    pub(crate) fn is_text_table(&self, dims: &[Dim]) -> bool {
        self.text_table.is_some_and(|t| self.tables[t].dims == dims)
    }

    /// The touchpoint question when it is a grouping question.
    pub(crate) fn touchpoint(&self) -> Option<usize> {
        self.touchpoint
    }

    /// The cost of the pattern: the cells of the publication set's tables, those
    /// holding between 1 and K − 1 responses, those hidden (empty ones included), and
    /// the hidden figure cells of all families together.
    pub fn hidden_cells(&self) -> (usize, usize, usize, usize) {
        let n = &self.hidden[&Family::N][..self.cells];
        let hidden = n.iter().filter(|&&h| h).count();
        let figures: usize = self
            .hidden
            .iter()
            .filter(|(f, _)| !matches!(f, Family::Text(_)))
            .map(|(_, h)| h[..self.cells].iter().filter(|&&x| x).count())
            .sum();
        (self.cells, self.primary, hidden, figures)
    }
}

/// The one grouping under which free-text answers are given: by period and the
/// survey's first grouping question (or by period alone), so that lists of different
/// breakdowns can never be intersected.
pub fn text_grouping(survey: &Survey) -> Vec<Key> {
    std::iter::once(Key::Period)
        .chain(
            survey
                .group_questions()
                .next()
                .map(|q| Key::Question(survey.questions[q].id.clone())),
        )
        .collect()
}

/// A group's code in one dimension.
#[derive(Debug, Clone, Copy)]
pub(crate) enum CellCode<'a> {
    Period(&'a str),
    Year(u16),
    Option(usize),
}

fn decode(t: &Table, mut i: usize) -> Vec<usize> {
    let mut out = vec![0; t.dims.len()];
    for j in (0..t.dims.len()).rev() {
        out[j] = i % t.cards[j];
        i /= t.cards[j];
    }
    out
}

/// Whether a table with `fine` dimensions refines one with `coarse` dimensions: each
/// coarse dimension is a fine one, or a year whose periods are.
fn refines(fine: &[Dim], coarse: &[Dim]) -> bool {
    coarse
        .iter()
        .all(|d| fine.contains(d) || (*d == Dim::Year && fine.contains(&Dim::Period)))
        && fine != coarse
}

/// Codes of the channel dimension: unknown, then each channel.
const CHANNEL_CODES: usize = ResponseChannel::ALL.len() + 1;

/// The publication set: overall; by period (and year); by each grouping question;
/// period and year × each grouping question; year × touchpoint × need; and, when
/// some response says its channel, by channel and period and year × channel.
fn tables(survey: &Survey, with_years: bool, with_channel: bool) -> Vec<Vec<Dim>> {
    let groups: Vec<usize> = survey.group_questions().collect();
    let mut times = vec![Dim::Period];
    if with_years {
        times.push(Dim::Year);
    }
    let mut out: Vec<Vec<Dim>> = vec![vec![]];
    for &t in &times {
        out.push(vec![t]);
    }
    for &g in &groups {
        out.push(vec![Dim::Group(g)]);
        for &t in &times {
            out.push(vec![t, Dim::Group(g)]);
        }
    }
    if let (Some(t), Some(n)) = (
        survey.with_role(Role::Touchpoint),
        survey.with_role(Role::Need),
    ) {
        if groups.contains(&t) && groups.contains(&n) {
            let year = if with_years { Dim::Year } else { Dim::Period };
            let mut dims = vec![year, Dim::Group(t), Dim::Group(n)];
            dims.sort();
            out.push(dims);
        }
    }
    if with_channel {
        out.push(vec![Dim::Channel]);
        for &t in &times {
            out.push(vec![t, Dim::Channel]);
        }
    }
    for d in &mut out {
        d.sort();
    }
    out
}

/// The inner cells (period × every grouping question, × the channel `with_channel`)
/// that hold responses, and the counts of every family in each.
/// With `mix_in_groups` (the touchpoint a grouping question), the channel mix is
/// counted among the group sizes and has no family of its own.
fn inner_cells(
    survey: &Survey,
    data: &Responses,
    groups: &[usize],
    mix_in_groups: bool,
    with_channel: bool,
) -> Inner {
    let rows = data.len();
    let mut fine = vec![0u64; rows];
    let mut stride = 1u64;
    let period_codes = data.period_codes();
    if with_channel {
        for (f, &c) in fine.iter_mut().zip(data.channel_codes()) {
            *f += u64::from(c);
        }
        stride = CHANNEL_CODES as u64;
    }
    for &g in groups.iter().rev() {
        let card = survey.questions[g].kind.options().len() as u64 + 1;
        for (f, &c) in fine.iter_mut().zip(codes(data, g)) {
            *f += u64::from(c) * stride;
        }
        stride *= card;
    }
    for (f, &p) in fine.iter_mut().zip(period_codes) {
        *f += u64::from(p) * stride;
    }
    let mut keys: Vec<u64> = fine.clone();
    keys.sort_unstable();
    keys.dedup();
    let index: HashMap<u64, u32> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();
    let row_of: Vec<u32> = fine.iter().map(|f| index[f]).collect();
    let nr = keys.len();
    let code_list: Vec<Vec<u32>> = keys
        .iter()
        .map(|&k| {
            let mut rest = k;
            let mut out = vec![0u32; groups.len() + 1 + usize::from(with_channel)];
            if with_channel {
                out[groups.len() + 1] = (rest % CHANNEL_CODES as u64) as u32;
                rest /= CHANNEL_CODES as u64;
            }
            for (j, &g) in groups.iter().enumerate().rev() {
                let card = survey.questions[g].kind.options().len() as u64 + 1;
                out[j + 1] = (rest % card) as u32;
                rest /= card;
            }
            out[0] = rest as u32;
            out
        })
        .collect();

    let mut counts: HashMap<Family, Vec<u64>> = HashMap::new();
    let mut answers: HashMap<Family, Vec<Vec<u64>>> = HashMap::new();
    let count = |pred: &dyn Fn(usize) -> bool| -> Vec<u64> {
        let mut v = vec![0u64; nr];
        for (row, &r) in row_of.iter().enumerate() {
            if pred(row) {
                v[r as usize] += 1;
            }
        }
        v
    };
    let by_answer = |width: usize, answer: &dyn Fn(usize) -> Option<usize>| -> Vec<Vec<u64>> {
        let mut v = vec![vec![0u64; width]; nr];
        for (row, &r) in row_of.iter().enumerate() {
            if let Some(a) = answer(row) {
                v[r as usize][a] += 1;
            }
        }
        v
    };
    counts.insert(Family::N, count(&|_| true));

    // Which respondents have a score in each dimension, and a level.
    let mut in_dim = vec![vec![false; rows]; survey.dimensions.len()];
    for (q, question) in survey.questions.iter().enumerate() {
        let QuestionKind::Scale {
            dimension, points, ..
        } = &question.kind
        else {
            if let QuestionKind::Nps { .. } = question.kind {
                let col = codes(data, q);
                counts.insert(Family::Item(q), count(&|r| col[r] > 0));
                // detractors 0–6, passives 7–8, promoters 9–10 (codes are value + 1)
                answers.insert(
                    Family::Item(q),
                    by_answer(3, &|r| match col[r] {
                        0 => None,
                        1..=7 => Some(0),
                        8..=9 => Some(1),
                        _ => Some(2),
                    }),
                );
            }
            continue;
        };
        let col = codes(data, q);
        counts.insert(Family::Item(q), count(&|r| col[r] > 0));
        answers.insert(
            Family::Item(q),
            by_answer(usize::from(*points), &|r| {
                (col[r] > 0).then(|| usize::from(col[r]) - 1)
            }),
        );
        if let Some(d) = dimension.as_deref().and_then(|d| survey.dimension_index(d)) {
            for (x, &c) in in_dim[d].iter_mut().zip(col) {
                *x |= c > 0;
            }
        }
    }
    let level: Vec<bool> = (0..rows).map(|r| in_dim.iter().any(|d| d[r])).collect();
    if !survey.dimensions.is_empty() {
        for (d, has) in in_dim.iter().enumerate() {
            counts.insert(Family::Dimension(d), count(&|r| has[r]));
        }
        counts.insert(Family::Level, count(&|r| level[r]));
        for (q, question) in survey.questions.iter().enumerate() {
            if let QuestionKind::Scale {
                dimension: None, ..
            } = question.kind
            {
                let col = codes(data, q);
                counts.insert(Family::Driver(q), count(&|r| col[r] > 0 && level[r]));
            }
        }
    }
    for (q, question) in survey.questions.iter().enumerate() {
        match &question.kind {
            QuestionKind::Number {
                standard_max: Some(max),
                ..
            } => {
                let Column::Number(col) = data.column(q) else {
                    unreachable!("a number question")
                };
                counts.insert(Family::Standard(q), count(&|r| !col[r].is_nan()));
                answers.insert(
                    Family::Standard(q),
                    by_answer(2, &|r| {
                        (!col[r].is_nan()).then_some(usize::from(col[r] > *max))
                    }),
                );
            }
            QuestionKind::YesNo if question.role == Some(Role::Resolution) => {
                let col = codes(data, q);
                counts.insert(Family::Resolution(q), count(&|r| col[r] > 0));
                answers.insert(
                    Family::Resolution(q),
                    by_answer(2, &|r| (col[r] > 0).then(|| usize::from(col[r]) - 1)),
                );
            }
            QuestionKind::Choice { options, .. }
                if question.role == Some(Role::Touchpoint) && !mix_in_groups =>
            {
                let col = codes(data, q);
                counts.insert(Family::Channels, count(&|r| col[r] > 0));
                answers.insert(
                    Family::Channels,
                    by_answer(options.len(), &|r| {
                        (col[r] > 0).then(|| usize::from(col[r]) - 1)
                    }),
                );
            }
            QuestionKind::Text { .. } => {
                let Column::Text(col) = data.column(q) else {
                    unreachable!("a text question")
                };
                counts.insert(Family::Text(q), count(&|r| !col.get(r).is_empty()));
            }
            _ => {}
        }
    }
    Inner {
        codes: code_list,
        counts,
        answers,
    }
}
