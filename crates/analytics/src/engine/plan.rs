//! The plan of a pass: which columns feed which figure, and the cell of every row.

use std::ops::Range;

use indexmap::IndexMap;
use otklik_survey::{Column, QuestionKind, ResponseChannel, Responses, Role, Survey};
use serde_json::Value;

use crate::{Error, Key, Params, Result};

/// What a grouping key reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    Period,
    Question(usize),
    Channel,
}

/// A grouping key resolved against the survey.
pub(super) struct KeySpec {
    pub(super) name: String,
    pub(super) source: Source,
    pub(super) card: usize,
    pub(super) stride: usize,
}

impl KeySpec {
    /// The grouping question the key reads, if it reads one.
    pub(super) fn question(&self) -> Option<usize> {
        match self.source {
            Source::Question(q) => Some(q),
            _ => None,
        }
    }
}

/// A coded item: a scale or NPS question and its slot range in the per-cell histogram.
pub(super) struct CodedItem {
    pub(super) q: usize,
    pub(super) offset: usize,
    /// Number of slots (codes 0..width, 0 = missing).
    pub(super) width: usize,
}

pub(super) struct ScaleItem {
    pub(super) q: usize,
    pub(super) points: u8,
    pub(super) hist: usize,
    pub(super) dimension: Option<usize>,
}

pub(super) struct Plan<'a> {
    pub(super) survey: &'a Survey,
    pub(super) keys: Vec<KeySpec>,
    pub(super) cells: usize,
    pub(super) scale: Vec<ScaleItem>,
    pub(super) nps: Vec<CodedItem>,
    /// The NPS items' indices in `hist_items`.
    pub(super) nps_hist: Vec<usize>,
    pub(super) hist_width: usize,
    pub(super) hist_items: Vec<CodedItem>,
    /// Per dimension: indices into `scale`.
    pub(super) dims: Vec<Vec<usize>>,
    pub(super) standards: Vec<(usize, f64)>,
    pub(super) resolution: Vec<usize>,
    pub(super) touchpoint: Option<usize>,
    pub(super) texts: Vec<usize>,
}

pub(super) fn column_codes(data: &Responses, q: usize) -> &[u8] {
    match data.column(q) {
        Column::Code(v) => v,
        _ => unreachable!("coded question"),
    }
}

pub(super) fn plan<'a>(survey: &'a Survey, data: &Responses, params: &Params) -> Result<Plan<'a>> {
    let mut keys = Vec::new();
    for key in &params.by {
        if keys.iter().any(|k: &KeySpec| k.name == key.name()) {
            return Err(Error::DuplicateKey(key.name().to_owned()));
        }
        match key {
            Key::Period => keys.push(KeySpec {
                name: "period".into(),
                source: Source::Period,
                card: data.periods().len().max(1),
                stride: 0,
            }),
            Key::Question(id) => {
                let q = survey.question_index(id).ok_or_else(|| Error::UnknownKey {
                    key: id.clone(),
                    known: std::iter::once("period".to_owned())
                        .chain(
                            survey
                                .group_questions()
                                .map(|i| survey.questions[i].id.clone()),
                        )
                        .collect::<Vec<_>>()
                        .join(", "),
                })?;
                match &survey.questions[q].kind {
                    QuestionKind::Choice {
                        options,
                        group: true,
                    } => keys.push(KeySpec {
                        name: id.clone(),
                        source: Source::Question(q),
                        card: options.len() + 1,
                        stride: 0,
                    }),
                    _ => return Err(Error::NotAGroup(id.clone())),
                }
            }
            Key::Channel => keys.push(KeySpec {
                name: "channel".into(),
                source: Source::Channel,
                card: ResponseChannel::ALL.len() + 1,
                stride: 0,
            }),
        }
    }
    let mut cells = 1usize;
    for k in keys.iter_mut().rev() {
        k.stride = cells;
        cells = cells
            .checked_mul(k.card)
            .filter(|&c| c <= 1_000_000)
            .ok_or(Error::TooManyGroups(usize::MAX))?;
    }

    let mut hist_width = 0;
    let mut scale = Vec::new();
    let mut nps = Vec::new();
    let mut hist_items = Vec::new();
    let mut standards = Vec::new();
    let mut resolution = Vec::new();
    let mut touchpoint = None;
    let mut texts = Vec::new();
    for (q, question) in survey.questions.iter().enumerate() {
        match &question.kind {
            QuestionKind::Scale {
                points, dimension, ..
            } => {
                let width = *points as usize + 1;
                scale.push(ScaleItem {
                    q,
                    points: *points,
                    hist: hist_items.len(),
                    dimension: dimension.as_deref().and_then(|d| survey.dimension_index(d)),
                });
                hist_items.push(CodedItem {
                    q,
                    offset: hist_width,
                    width,
                });
                hist_width += width;
            }
            QuestionKind::Nps { .. } => {
                nps.push(hist_items.len());
                hist_items.push(CodedItem {
                    q,
                    offset: hist_width,
                    width: 12,
                });
                hist_width += 12;
            }
            QuestionKind::Number {
                standard_max: Some(max),
                ..
            } => standards.push((q, *max)),
            QuestionKind::YesNo if question.role == Some(Role::Resolution) => resolution.push(q),
            QuestionKind::Choice { .. } if question.role == Some(Role::Touchpoint) => {
                touchpoint = Some(q)
            }
            QuestionKind::Text { .. } if params.texts => texts.push(q),
            _ => {}
        }
    }
    let nps_hist = nps.clone();
    let nps = nps
        .into_iter()
        .map(|i| CodedItem {
            q: hist_items[i].q,
            offset: hist_items[i].offset,
            width: 12,
        })
        .collect();
    let mut dims = vec![Vec::new(); survey.dimensions.len()];
    for (i, s) in scale.iter().enumerate() {
        if let Some(d) = s.dimension {
            dims[d].push(i);
        }
    }
    Ok(Plan {
        survey,
        keys,
        cells,
        scale,
        nps,
        nps_hist,
        hist_width,
        hist_items,
        dims,
        standards,
        resolution,
        touchpoint,
        texts,
    })
}

/// The cell of each of the rows `rows`.
pub(super) fn cell_of_rows(plan: &Plan<'_>, data: &Responses, rows: Range<usize>) -> Vec<u32> {
    let mut cells = vec![0u32; rows.len()];
    for k in &plan.keys {
        let stride = k.stride as u32;
        match k.source {
            Source::Period => {
                for (c, &p) in cells.iter_mut().zip(&data.period_codes()[rows.clone()]) {
                    *c += u32::from(p) * stride;
                }
            }
            Source::Channel => {
                for (c, &code) in cells.iter_mut().zip(&data.channel_codes()[rows.clone()]) {
                    *c += u32::from(code) * stride;
                }
            }
            Source::Question(q) => {
                for (c, &code) in cells.iter_mut().zip(&column_codes(data, q)[rows.clone()]) {
                    *c += u32::from(code) * stride;
                }
            }
        }
    }
    cells
}

pub(super) fn number_column(data: &Responses, q: usize) -> &[f64] {
    match data.column(q) {
        Column::Number(values) => values,
        _ => unreachable!("number question"),
    }
}

pub(super) fn cell_key(plan: &Plan<'_>, data: &Responses, c: usize) -> IndexMap<String, Value> {
    plan.keys
        .iter()
        .map(|k| {
            let code = (c / k.stride) % k.card;
            let v = match k.source {
                Source::Period => data
                    .periods()
                    .get(code)
                    .map_or(Value::Null, |p| Value::String(p.to_string())),
                Source::Channel => ResponseChannel::from_code(code as u8)
                    .map_or(Value::Null, |c| Value::String(c.as_str().to_owned())),
                Source::Question(_) if code == 0 => Value::Null,
                Source::Question(q) => {
                    Value::String(plan.survey.questions[q].kind.options()[code - 1].id.clone())
                }
            };
            (k.name.clone(), v)
        })
        .collect()
}
