//! A copy of some rows' answers as bytes, for a second worker to count: the periods'
//! table (whole, so that period codes mean the same on both sides), then the rows'
//! period and version codes and every column but the free texts (and no ids).

use std::ops::Range;

use crate::responses::{Column, StrColumn};
use crate::{Period, Responses, Survey};

const MAGIC: &[u8; 8] = b"OTKMIR1\0";

/// Why bytes are not a mirror of responses to this survey.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a mirror of responses to this survey: {0}")]
pub struct MirrorError(&'static str);

impl Responses {
    /// The answers of `rows` as bytes for [`Responses::from_mirror`]: what an analysis
    /// of those rows reads (no ids, no free texts), with the whole period table.
    pub fn mirror(&self, rows: Range<usize>) -> Vec<u8> {
        let n = rows.len();
        let mut out = Vec::with_capacity(64 + n * (4 + self.columns().len()));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(n as u32).to_le_bytes());
        out.extend_from_slice(&(self.columns().len() as u32).to_le_bytes());
        out.extend_from_slice(&(self.periods().len() as u32).to_le_bytes());
        for p in self.periods() {
            let label = p.to_string();
            out.push(label.len() as u8);
            out.extend_from_slice(label.as_bytes());
        }
        for &p in &self.period_codes()[rows.clone()] {
            out.extend_from_slice(&p.to_le_bytes());
        }
        for &v in &self.versions()[rows.clone()] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for c in self.columns() {
            match c {
                Column::Code(v) => {
                    out.push(0);
                    out.extend_from_slice(&v[rows.clone()]);
                }
                Column::Multi(v) => {
                    out.push(1);
                    v[rows.clone()]
                        .iter()
                        .for_each(|x| out.extend_from_slice(&x.to_le_bytes()));
                }
                Column::Number(v) => {
                    out.push(2);
                    v[rows.clone()]
                        .iter()
                        .for_each(|x| out.extend_from_slice(&x.to_le_bytes()));
                }
                Column::Text(_) => out.push(3),
            }
        }
        out
    }

    /// The rows of a [`Responses::mirror`]: their answers and periods as they were
    /// (the period table is kept whole, even periods no row uses), every id and free
    /// text empty.
    pub fn from_mirror(survey: &Survey, bytes: &[u8]) -> Result<Responses, MirrorError> {
        let mut r = Reader(bytes);
        if r.take(MAGIC.len())? != MAGIC {
            return Err(MirrorError("unknown format"));
        }
        let n = r.u32()? as usize;
        if r.u32()? as usize != survey.questions.len() {
            return Err(MirrorError("another number of questions"));
        }
        let periods = (0..r.u32()?)
            .map(|_| {
                let len = usize::from(r.take(1)?[0]);
                std::str::from_utf8(r.take(len)?)
                    .ok()
                    .and_then(|s| s.parse::<Period>().ok())
                    .ok_or(MirrorError("a period label"))
            })
            .collect::<Result<Vec<Period>, _>>()?;
        let period: Vec<u16> = r.words(n, u16::from_le_bytes)?;
        if period.iter().any(|&p| usize::from(p) >= periods.len()) {
            return Err(MirrorError("a period code outside the table"));
        }
        let version: Vec<u16> = r.words(n, u16::from_le_bytes)?;
        let columns = survey
            .questions
            .iter()
            .map(|q| {
                let column = match (r.take(1)?[0], Column::for_kind(&q.kind, 0)) {
                    (0, Column::Code(_)) => Column::Code(r.take(n)?.to_vec()),
                    (1, Column::Multi(_)) => Column::Multi(r.words(n, u64::from_le_bytes)?),
                    (2, Column::Number(_)) => Column::Number(r.words(n, f64::from_le_bytes)?),
                    (3, Column::Text(_)) => {
                        let mut t = StrColumn::default();
                        (0..n).for_each(|_| t.push(""));
                        Column::Text(t)
                    }
                    _ => return Err(MirrorError("a column of another kind")),
                };
                Ok(column)
            })
            .collect::<Result<Vec<Column>, _>>()?;
        if !r.0.is_empty() {
            return Err(MirrorError("bytes after the last column"));
        }
        let mut ids = StrColumn::default();
        (0..n).for_each(|_| ids.push(""));
        Ok(Responses::from_mirror_parts(
            survey, ids, periods, period, version, columns,
        ))
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], MirrorError> {
        if self.0.len() < n {
            return Err(MirrorError("cut short"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn u32(&mut self) -> Result<u32, MirrorError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("four bytes"),
        ))
    }

    /// `n` values of `N` bytes each.
    fn words<T, const N: usize>(
        &mut self,
        n: usize,
        from: fn([u8; N]) -> T,
    ) -> Result<Vec<T>, MirrorError> {
        let bytes = self.take(n.checked_mul(N).ok_or(MirrorError("too many rows"))?)?;
        Ok(bytes
            .chunks_exact(N)
            .map(|w| from(w.try_into().expect("N bytes")))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::MirrorError;
    use crate::{import, Responses, Survey};
    use proptest::prelude::*;

    fn survey() -> Survey {
        Survey::from_json(
            r#"{"id":"s","version":2,"audience":"external","title":"S","questions":[
            {"id":"sc","type":"scale","points":5,"text":"t"},
            {"id":"mu","type":"multi","text":"t","options":[{"id":"a","label":"A"},{"id":"b","label":"B"}]},
            {"id":"nu","type":"number","min":0,"max":100,"text":"t"},
            {"id":"tx","type":"text","text":"t"}]}"#,
        )
        .unwrap()
    }

    proptest! {
        /// A mirror of any rows reads back as those rows, with the whole period table
        /// and without ids and texts; cut short or with a byte more, it is refused.
        #[test]
        fn a_mirror_reads_back_as_its_rows(
            rows in proptest::collection::vec(
                (0usize..3, 1u8..=2, proptest::option::of(1u8..=5), proptest::option::of(0u8..=3),
                 proptest::option::of(0u32..=100), "[a-z]{0,3}"),
                0..40,
            ),
            cut in any::<prop::sample::Index>(),
            from in any::<prop::sample::Index>(),
        ) {
            let periods = ["2025-Q4", "2026-Q1", "2026-Q2"];
            let mut csv = String::from("response_id,period,version,sc,mu,nu,tx\n");
            for (i, (p, v, sc, mu, nu, tx)) in rows.iter().enumerate() {
                let mu = mu.map(|m| ["", "a", "b", "a;b"][usize::from(m)]).unwrap_or("");
                csv += &format!(
                    "r{i},{},{v},{},{mu},{},{tx}\n",
                    periods[*p],
                    sc.map(|x| x.to_string()).unwrap_or_default(),
                    nu.map(|x| (f64::from(x) / 4.0).to_string()).unwrap_or_default(),
                );
            }
            let s = survey();
            let data = import::read_csv(&s, "a.csv", csv.as_bytes(), &import::Limits::default()).unwrap();
            let from = if data.is_empty() { 0 } else { from.index(data.len() + 1) };
            let bytes = data.mirror(from..data.len());
            let back = Responses::from_mirror(&s, &bytes).unwrap();
            prop_assert_eq!(back.len(), data.len() - from);
            prop_assert_eq!(back.periods(), data.periods());
            prop_assert_eq!(back.period_codes(), &data.period_codes()[from..]);
            prop_assert_eq!(back.versions(), &data.versions()[from..]);
            for (q, (a, b)) in back.columns().iter().zip(data.columns()).enumerate() {
                for row in 0..back.len() {
                    let want = if q == 3 { crate::Answer::Missing } else { b.answer(from + row) };
                    prop_assert_eq!(a.answer(row), want);
                }
            }
            prop_assert!((0..back.len()).all(|row| back.id(row).is_empty()));
            let cut = cut.index(bytes.len());
            prop_assert!(Responses::from_mirror(&s, &bytes[..cut]).is_err());
            let mut more = bytes.clone();
            more.push(0);
            prop_assert_eq!(Responses::from_mirror(&s, &more), Err(MirrorError("bytes after the last column")));
        }
    }
}
