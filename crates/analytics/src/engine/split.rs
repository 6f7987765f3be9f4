//! The pass of [`analyze_many`](super::analyze_many) split into parts of the
//! responses that are accumulated apart, possibly elsewhere (another Web Worker holding
//! only those rows), and then added up. The parts travel as bytes.
//!
//! ```text
//! let split = Split::new(survey, data, list)?;          // here: the forms, K, keys
//! let theirs = split.run(survey, rows_b, 0..nb, first)?;  // there: on rows first..first+nb
//! let mine = split.run(survey, data, 0..first, 0)?;       // here, meanwhile
//! split.finish(survey, data, list, vec![mine, theirs])   // the same as analyze_many
//! ```
//!
//! Every accumulator is an exact integer sum or a list in row order, so the result does
//! not depend on how the rows were cut.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::{
    accumulate_with, finish, plan, published, rollup, shards, std_forms, thresholds, Acc, Dim,
    Pass, Protection, StdAcc, StdForm,
};
use crate::{Analysis, Error, Key, Params, Result};
use otklik_survey::{Responses, Survey};

/// What every part of a split pass shares: the finest grouping, the periods, and the
/// forms in which the service standards are counted (chosen from all the responses).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Split {
    by: Vec<String>,
    min_group: Option<u32>,
    texts: bool,
    periods: Vec<String>,
    forms: Vec<StdForm>,
    rows: usize,
}

/// The accumulators of some of the rows, from [`Split::run`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// The rows, counted in the whole data.
    rows: Range<usize>,
    acc: Acc,
}

impl Split {
    /// The split pass of `list` over `data`, when the groupings nest (each one's keys
    /// appear, in the same order, in the longest one) and differ in nothing but their
    /// keys and `texts`; `None` otherwise (each must then be analysed alone).
    pub fn new(survey: &Survey, data: &Responses, list: &[Params]) -> Result<Option<Split>> {
        let finest = list
            .iter()
            .max_by_key(|p| p.by.len())
            .cloned()
            .unwrap_or_default();
        let nested = list.iter().all(|p| {
            let mut rest = finest.by.iter();
            p.by.iter().all(|k| rest.any(|f| f == k)) && p.min_group == finest.min_group
        });
        if !nested {
            return Ok(None);
        }
        let params = Params {
            texts: list.iter().any(|p| p.texts),
            ..finest
        };
        thresholds(survey, data, &params)?;
        let fine = plan(survey, data, &params)?;
        Ok(Some(Split {
            by: params.by.iter().map(|k| k.name().to_owned()).collect(),
            min_group: params.min_group,
            texts: params.texts,
            periods: data.periods().iter().map(|p| p.to_string()).collect(),
            forms: std_forms(&fine, data),
            rows: data.len(),
        }))
    }

    /// The finest grouping.
    fn params(&self) -> Params {
        Params {
            by: self.by.iter().flat_map(|k| Key::parse_list(k)).collect(),
            min_group: self.min_group,
            texts: self.texts,
        }
    }

    /// Accumulates the rows `rows` of `data`, which holds the whole data's rows from
    /// `first` on (`data` itself: `first` = 0) with the same periods.
    pub fn run(
        &self,
        survey: &Survey,
        data: &Responses,
        rows: Range<usize>,
        first: usize,
    ) -> Result<Part> {
        let same_periods = data.periods().len() == self.periods.len()
            && data
                .periods()
                .iter()
                .zip(&self.periods)
                .all(|(p, q)| p.to_string() == *q);
        let whole = first.checked_add(rows.end);
        if !same_periods
            || rows.start > rows.end
            || rows.end > data.len()
            || whole > Some(self.rows)
        {
            return Err(Error::Parts);
        }
        let plan = plan(survey, data, &self.params())?;
        let pass = Pass::new(shards(rows.len(), plan.cells));
        let mut acc = accumulate_with(&plan, data, rows.clone(), pass, &self.forms);
        let outside = |s: &StdAcc| matches!(s, StdAcc::Counts { outside, .. } if *outside > 0);
        if acc.standards.iter().any(outside) {
            return Err(Error::Parts);
        }
        let shift = u32::try_from(first).map_err(|_| Error::Parts)?;
        for list in &mut acc.texts {
            for row in list {
                *row += shift;
            }
        }
        Ok(Part {
            rows: first + rows.start..first + rows.end,
            acc,
        })
    }

    /// Adds up `parts`, which must cover every row of `data` once, and assembles the
    /// analyses of `list` (the list this split was made for): the very result of
    /// [`analyze_many`](super::analyze_many).
    pub fn finish(
        &self,
        survey: &Survey,
        data: &Responses,
        list: &[Params],
        parts: Vec<Part>,
    ) -> Result<Vec<Analysis>> {
        let protection = Protection::new(survey, data, self.min_group)?;
        self.finish_protected(survey, data, list, parts, &protection)
    }

    /// [`Split::finish`] with the hidden cells of `protection`, the pattern of `data`
    /// (made once per data set by [`Protection::new`]).
    pub fn finish_protected(
        &self,
        survey: &Survey,
        data: &Responses,
        list: &[Params],
        mut parts: Vec<Part>,
        protection: &Protection,
    ) -> Result<Vec<Analysis>> {
        let params = self.params();
        thresholds(survey, data, &params)?;
        let fine = plan(survey, data, &params)?;
        let dims: Vec<Vec<Dim>> = list
            .iter()
            .map(|p| published(survey, data, p, protection))
            .collect::<Result<_>>()?;
        parts.sort_by_key(|p| (p.rows.start, p.rows.end));
        let mut next = 0;
        for part in &parts {
            if part.rows.start != next || !part.fits(&fine, &self.forms, data.len()) {
                return Err(Error::Parts);
            }
            next = part.rows.end;
        }
        if next != data.len() || data.len() != self.rows || parts.is_empty() {
            return Err(Error::Parts);
        }
        let mut parts = parts.into_iter();
        let mut acc = parts.next().expect("a part").acc;
        for part in parts {
            acc.add(&part.acc, &fine);
        }
        list.iter()
            .zip(&dims)
            .map(|(p, dims)| {
                let coarse = plan(survey, data, p)?;
                let rolled = rollup(&acc, &fine, &coarse);
                Ok(finish(survey, data, &coarse, &rolled, protection, dims))
            })
            .collect()
    }

    /// The split as bytes, for [`Split::from_bytes`].
    pub fn to_bytes(&self) -> Vec<u8> {
        sealed(self)
    }

    /// A split from [`Split::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Split> {
        unsealed(bytes)
    }
}

impl Part {
    /// The part as bytes, for [`Part::from_bytes`].
    pub fn to_bytes(&self) -> Vec<u8> {
        sealed(self)
    }

    /// A part from [`Part::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Part> {
        unsealed(bytes)
    }

    /// Whether the accumulators have the shape of `plan`'s, with the standards in
    /// `forms`, count the part's rows, and name only rows below `rows` (so that adding
    /// them up cannot go out of bounds).
    fn fits(&self, plan: &super::Plan<'_>, forms: &[StdForm], rows: usize) -> bool {
        let (a, t) = (&self.acc, Acc::new(plan));
        let cells = plan.cells;
        let standards_fit = a.standards.len() == forms.len()
            && a.standards.iter().zip(forms).all(|(s, &f)| {
                s.form() == f
                    && match s {
                        StdAcc::Counts {
                            width,
                            counts,
                            outside,
                            ..
                        } => counts.len() == cells * width && *outside == 0,
                        StdAcc::Values(lists) => lists.len() == cells,
                    }
            });
        a.n.len() == t.n.len()
            && a.hist.len() == t.hist.len()
            && a.dim.len() == t.dim.len()
            && a.ccl.len() == t.ccl.len()
            && a.alpha.len() == t.alpha.len()
            && a.alpha_width == t.alpha_width
            && a.alpha_stride == t.alpha_stride
            && a.drv_n.len() == t.drv_n.len()
            && a.drv_sxy.len() == t.drv_sxy.len()
            && a.drv_miss.len() == t.drv_miss.len()
            && a.resolution.len() == t.resolution.len()
            && a.channels.len() == t.channels.len()
            && a.texts.len() == t.texts.len()
            && standards_fit
            && a.n.iter().sum::<u64>() == self.rows.len() as u64
            && a.texts.iter().flatten().all(|&r| (r as usize) < rows)
    }
}

/// `value` in postcard, then its CRC-32: a damaged copy is refused rather than added up.
fn sealed<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = postcard::to_stdvec(value).expect("plain data serialises");
    let crc = crc32fast::hash(&bytes);
    bytes.extend_from_slice(&crc.to_le_bytes());
    bytes
}

/// The value of [`sealed`] bytes whose CRC-32 matches.
fn unsealed<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T> {
    let (body, crc) = bytes.split_last_chunk::<4>().ok_or(Error::Parts)?;
    if crc32fast::hash(body) != u32::from_le_bytes(*crc) {
        return Err(Error::Parts);
    }
    postcard::from_bytes(body).map_err(|_| Error::Parts)
}
