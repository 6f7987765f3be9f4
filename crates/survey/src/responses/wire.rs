//! Some rows of a set of responses as bytes, for an analysis run elsewhere (another
//! Web Worker that holds only these rows): the columns as they are, little-endian,
//! without the response ids, which an analysis does not read. The periods are the whole
//! set's, used by these rows or not, so that the period codes mean the same on both
//! sides.

use std::ops::Range;

use super::{Column, Responses, StrColumn};
use crate::{Period, QuestionKind, ResponseChannel, Survey};

const MAGIC: &[u8; 8] = b"OTKROWS2";

/// Bytes that are not rows of this survey from [`Responses::rows_to_bytes`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the rows sent for analysis are damaged or belong to another survey")]
pub struct BadRows;

impl Responses {
    /// The rows `rows` as bytes, for [`Responses::rows_from_bytes`].
    pub fn rows_to_bytes(&self, rows: Range<usize>) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        put_str(&mut out, &self.survey_id);
        put_len(&mut out, self.periods.len());
        for p in &self.periods {
            put_str(&mut out, &p.to_string());
        }
        put_len(&mut out, rows.len());
        for v in [&self.period, &self.version] {
            out.extend(v[rows.clone()].iter().flat_map(|x| x.to_le_bytes()));
        }
        out.extend_from_slice(&self.channel[rows.clone()]);
        for c in &self.columns {
            match c {
                Column::Code(v) => out.extend_from_slice(&v[rows.clone()]),
                Column::Multi(v) => {
                    out.extend(v[rows.clone()].iter().flat_map(|x| x.to_le_bytes()))
                }
                Column::Number(v) => {
                    out.extend(v[rows.clone()].iter().flat_map(|x| x.to_le_bytes()))
                }
                Column::Text(s) => {
                    let start = if rows.start == 0 {
                        0
                    } else {
                        s.ends[rows.start - 1]
                    };
                    let end = if rows.is_empty() {
                        start
                    } else {
                        s.ends[rows.end - 1]
                    };
                    put_str(&mut out, &s.buf[start as usize..end as usize]);
                    out.extend(
                        s.ends[rows.clone()]
                            .iter()
                            .flat_map(|e| (e - start).to_le_bytes()),
                    );
                }
            }
        }
        out
    }

    /// Rows of `survey` from [`Responses::rows_to_bytes`], checked whole: every code
    /// within its question's answers and every period code within the periods. Their
    /// response ids are all empty.
    pub fn rows_from_bytes(survey: &Survey, bytes: &[u8]) -> Result<Responses, BadRows> {
        let mut r = Reader(bytes);
        if r.take(MAGIC.len())? != MAGIC || r.str()? != survey.id {
            return Err(BadRows);
        }
        let periods = (0..r.len()?)
            .map(|_| r.str()?.parse::<Period>().map_err(|_| BadRows))
            .collect::<Result<Vec<_>, _>>()?;
        let n = r.len()?;
        let period: Vec<u16> = r.words(n, u16::from_le_bytes)?;
        let version: Vec<u16> = r.words(n, u16::from_le_bytes)?;
        if period.iter().any(|&p| usize::from(p) >= periods.len()) {
            return Err(BadRows);
        }
        let channel = r.take(n)?.to_vec();
        if channel
            .iter()
            .any(|&c| c != 0 && ResponseChannel::from_code(c).is_none())
        {
            return Err(BadRows);
        }
        let mut columns = Vec::with_capacity(survey.questions.len());
        for q in &survey.questions {
            let column = match &q.kind {
                QuestionKind::Multi { options } => {
                    let sets: Vec<u64> = r.words(n, u64::from_le_bytes)?;
                    let beyond = u64::MAX.checked_shl(options.len() as u32).unwrap_or(0);
                    if sets.iter().any(|&s| s & beyond != 0) {
                        return Err(BadRows);
                    }
                    Column::Multi(sets)
                }
                QuestionKind::Number { .. } => Column::Number(r.words(n, f64::from_le_bytes)?),
                QuestionKind::Text { .. } => {
                    let buf = r.str()?.to_owned();
                    let ends: Vec<u32> = r.words(n, u32::from_le_bytes)?;
                    let mut last = 0;
                    for &e in &ends {
                        if e < last || !buf.is_char_boundary(e as usize) {
                            return Err(BadRows);
                        }
                        last = e;
                    }
                    if last as usize != buf.len() {
                        return Err(BadRows);
                    }
                    Column::Text(StrColumn { buf, ends })
                }
                kind => {
                    let max = match kind {
                        QuestionKind::Scale { points, .. } => *points as usize,
                        QuestionKind::Nps { .. } => 11,
                        QuestionKind::Choice { options, .. } => options.len(),
                        _ => 2,
                    };
                    let codes = r.take(n)?;
                    if codes.iter().any(|&c| c as usize > max) {
                        return Err(BadRows);
                    }
                    Column::Code(codes.to_vec())
                }
            };
            columns.push(column);
        }
        if !r.0.is_empty() {
            return Err(BadRows);
        }
        Ok(Responses {
            survey_id: survey.id.clone(),
            ids: StrColumn {
                buf: String::new(),
                ends: vec![0; n],
            },
            periods,
            period,
            version,
            channel,
            columns,
        })
    }
}

impl Responses {
    /// Appends rows from [`Responses::rows_to_bytes`] of the same set (the same survey
    /// and periods) to rows read so, as rows sent in pieces arrive.
    pub fn append_rows_from_bytes(&mut self, survey: &Survey, bytes: &[u8]) -> Result<(), BadRows> {
        let more = Responses::rows_from_bytes(survey, bytes)?;
        if more.survey_id != self.survey_id || more.periods != self.periods {
            return Err(BadRows);
        }
        self.ids.append(&more.ids);
        self.period.extend(more.period);
        self.version.extend(more.version);
        self.channel.extend(more.channel);
        for (column, more) in self.columns.iter_mut().zip(more.columns) {
            column.append(more);
        }
        Ok(())
    }
}

fn put_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u64::try_from(n).expect("a length").to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// The bytes not read yet.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], BadRows> {
        if n > self.0.len() {
            return Err(BadRows);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn len(&mut self) -> Result<usize, BadRows> {
        let b = self.take(8)?;
        usize::try_from(u64::from_le_bytes(b.try_into().expect("8 bytes"))).map_err(|_| BadRows)
    }

    fn str(&mut self) -> Result<&'a str, BadRows> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).map_err(|_| BadRows)
    }

    /// `n` little-endian words of `W` bytes.
    fn words<const W: usize, T>(
        &mut self,
        n: usize,
        from: fn([u8; W]) -> T,
    ) -> Result<Vec<T>, BadRows> {
        let bytes = self.take(n.checked_mul(W).ok_or(BadRows)?)?;
        Ok(bytes
            .chunks_exact(W)
            .map(|c| from(c.try_into().expect("W bytes")))
            .collect())
    }
}
