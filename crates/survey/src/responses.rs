//! Responses stored column by column in compact codes.

use std::collections::{HashMap, HashSet};

use crate::{Period, QuestionKind, ResponseChannel, Survey};

mod wire;
pub use wire::BadRows;

/// Strings packed into one buffer: no allocation per value. An empty string is a
/// missing value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StrColumn {
    buf: String,
    ends: Vec<u32>,
}

impl StrColumn {
    /// The value at `row` ("" when missing).
    pub fn get(&self, row: usize) -> &str {
        let start = if row == 0 {
            0
        } else {
            self.ends[row - 1] as usize
        };
        &self.buf[start..self.ends[row] as usize]
    }
    /// Appends a value.
    #[inline]
    pub fn push(&mut self, s: &str) {
        self.buf.push_str(s);
        self.ends
            .push(u32::try_from(self.buf.len()).expect("string column under 4 GiB"));
    }
    /// Number of values.
    pub fn len(&self) -> usize {
        self.ends.len()
    }
    /// No values.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
    /// Appends the values of `other`.
    pub(crate) fn append(&mut self, other: &StrColumn) {
        let base = u32::try_from(self.buf.len()).expect("string column under 4 GiB");
        self.buf.push_str(&other.buf);
        u32::try_from(self.buf.len()).expect("string column under 4 GiB");
        self.ends.extend(other.ends.iter().map(|&e| base + e));
    }
    fn with_capacity(rows: usize, bytes: usize) -> Self {
        StrColumn {
            buf: String::with_capacity(bytes),
            ends: Vec::with_capacity(rows),
        }
    }
}

/// The answers to one question, one entry per response.
///
/// Codes: `0` is always "missing". A scale answer `v` is stored as `v`; an NPS answer
/// `v` (0..=10) as `v + 1`; a choice as the option's index + 1; yes as 1 and no as 2.
/// A multi answer is a bit set of option indices (0 = missing). A number is an `f64`
/// (NaN = missing). A text is a string (empty = missing).
///
/// Columns compare numbers by their bits, as [`Responses::merge`] does, so that a
/// missing number (NaN) equals itself and equal sets of responses compare equal.
#[derive(Debug, Clone)]
pub enum Column {
    /// Scale, NPS, choice and yes/no answers.
    Code(Vec<u8>),
    /// Multi answers as bit sets.
    Multi(Vec<u64>),
    /// Numbers.
    Number(Vec<f64>),
    /// Free text.
    Text(StrColumn),
}

impl PartialEq for Column {
    fn eq(&self, other: &Column) -> bool {
        match (self, other) {
            (Column::Number(a), Column::Number(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits())
            }
            (Column::Code(a), Column::Code(b)) => a == b,
            (Column::Multi(a), Column::Multi(b)) => a == b,
            (Column::Text(a), Column::Text(b)) => a == b,
            _ => false,
        }
    }
}

impl Column {
    /// An empty column for a question of this kind.
    pub fn for_kind(kind: &QuestionKind, rows: usize) -> Column {
        match kind {
            QuestionKind::Scale { .. }
            | QuestionKind::Nps { .. }
            | QuestionKind::Choice { .. }
            | QuestionKind::YesNo => Column::Code(Vec::with_capacity(rows)),
            QuestionKind::Multi { .. } => Column::Multi(Vec::with_capacity(rows)),
            QuestionKind::Number { .. } => Column::Number(Vec::with_capacity(rows)),
            QuestionKind::Text { .. } => Column::Text(StrColumn::with_capacity(rows, 0)),
        }
    }

    /// Appends the answers of `other`, a column of the same kind.
    pub(crate) fn append(&mut self, other: Column) {
        match (self, other) {
            (Column::Code(a), Column::Code(b)) => a.extend(b),
            (Column::Multi(a), Column::Multi(b)) => a.extend(b),
            (Column::Number(a), Column::Number(b)) => a.extend(b),
            (Column::Text(a), Column::Text(b)) => a.append(&b),
            _ => unreachable!("columns of the same question"),
        }
    }

    fn push_missing(&mut self) {
        match self {
            Column::Code(v) => v.push(0),
            Column::Multi(v) => v.push(0),
            Column::Number(v) => v.push(f64::NAN),
            Column::Text(v) => v.push(""),
        }
    }

    /// The answer at `row`.
    pub fn answer(&self, row: usize) -> Answer<'_> {
        match self {
            Column::Code(v) if v[row] == 0 => Answer::Missing,
            Column::Code(v) => Answer::Code(v[row]),
            Column::Multi(v) if v[row] == 0 => Answer::Missing,
            Column::Multi(v) => Answer::Multi(v[row]),
            Column::Number(v) if v[row].is_nan() => Answer::Missing,
            Column::Number(v) => Answer::Number(v[row]),
            Column::Text(v) if v.get(row).is_empty() => Answer::Missing,
            Column::Text(v) => Answer::Text(v.get(row)),
        }
    }

    fn push_answer(&mut self, a: Answer<'_>) {
        match (self, a) {
            (c, Answer::Missing) => c.push_missing(),
            (Column::Code(v), Answer::Code(x)) => v.push(x),
            (Column::Multi(v), Answer::Multi(x)) => v.push(x),
            (Column::Number(v), Answer::Number(x)) => v.push(x),
            (Column::Text(v), Answer::Text(x)) => v.push(x),
            _ => unreachable!("answer kind matches its column"),
        }
    }

    fn len(&self) -> usize {
        match self {
            Column::Code(v) => v.len(),
            Column::Multi(v) => v.len(),
            Column::Number(v) => v.len(),
            Column::Text(v) => v.len(),
        }
    }
}

/// One answer, borrowed from its column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answer<'a> {
    /// No answer.
    Missing,
    /// A coded answer (see [`Column`]).
    Code(u8),
    /// A multi answer's bit set.
    Multi(u64),
    /// A number.
    Number(f64),
    /// A text.
    Text(&'a str),
}

impl Answer<'_> {
    fn same(&self, other: &Answer<'_>) -> bool {
        match (self, other) {
            // Numbers compare by bits so that the comparison is exact and total.
            (Answer::Number(a), Answer::Number(b)) => a.to_bits() == b.to_bits(),
            _ => self == other,
        }
    }
}

/// Responses to one survey, stored column by column.
///
/// Built by the importers in [`crate::import`]; every row has already been
/// validated against the survey definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Responses {
    survey_id: String,
    ids: StrColumn,
    /// Distinct periods, sorted chronologically.
    periods: Vec<Period>,
    period: Vec<u16>,
    version: Vec<u16>,
    /// Each response's channel code ([`ResponseChannel::code`], 0 = unknown).
    channel: Vec<u8>,
    columns: Vec<Column>,
}

/// A response id present on both sides of a merge with different content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The response id.
    pub id: String,
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Responses that were new.
    pub added: usize,
    /// Responses already present with the same content (skipped).
    pub duplicates: usize,
    /// Responses already present with different content (the existing one is kept).
    pub conflicts: Vec<Conflict>,
}

impl Responses {
    /// No responses, for `survey`.
    pub fn empty(survey: &Survey) -> Responses {
        Responses {
            survey_id: survey.id.clone(),
            ids: StrColumn::default(),
            periods: Vec::new(),
            period: Vec::new(),
            version: Vec::new(),
            channel: Vec::new(),
            columns: survey
                .questions
                .iter()
                .map(|q| Column::for_kind(&q.kind, 0))
                .collect(),
        }
    }

    pub(crate) fn from_parts(
        survey: &Survey,
        ids: StrColumn,
        periods: Vec<Period>,
        period: Vec<u16>,
        version: Vec<u16>,
        channel: Vec<u8>,
        columns: Vec<Column>,
    ) -> Responses {
        debug_assert_eq!(columns.len(), survey.questions.len());
        debug_assert!(columns.iter().all(|c| c.len() == ids.len()));
        debug_assert_eq!(channel.len(), ids.len());
        let mut r = Responses {
            survey_id: survey.id.clone(),
            ids,
            periods,
            period,
            version,
            channel,
            columns,
        };
        r.normalise_periods();
        r
    }

    /// Sorts the period table and drops periods no response uses.
    fn normalise_periods(&mut self) {
        let mut used = vec![false; self.periods.len()];
        for &p in &self.period {
            used[p as usize] = true;
        }
        let mut order: Vec<usize> = (0..self.periods.len()).filter(|&i| used[i]).collect();
        order.sort_by_key(|&i| self.periods[i]);
        let mut remap = vec![u16::MAX; self.periods.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old] = new as u16;
        }
        self.periods = order.iter().map(|&i| self.periods[i]).collect();
        for p in &mut self.period {
            *p = remap[*p as usize];
        }
    }

    /// Number of responses.
    pub fn len(&self) -> usize {
        self.ids.len()
    }
    /// No responses.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
    /// The survey's id.
    pub fn survey_id(&self) -> &str {
        &self.survey_id
    }
    /// The response id at `row`.
    pub fn id(&self, row: usize) -> &str {
        self.ids.get(row)
    }
    /// Distinct periods, sorted chronologically.
    pub fn periods(&self) -> &[Period] {
        &self.periods
    }
    /// Index into [`Responses::periods`] of each response.
    pub fn period_codes(&self) -> &[u16] {
        &self.period
    }
    /// The period of the response at `row`.
    pub fn period(&self, row: usize) -> Period {
        self.periods[self.period[row] as usize]
    }
    /// The survey version each response was given under.
    pub fn versions(&self) -> &[u16] {
        &self.version
    }
    /// Each response's channel code: [`ResponseChannel::code`], or 0 when unknown.
    pub fn channel_codes(&self) -> &[u8] {
        &self.channel
    }
    /// The channel of the response at `row`, when known.
    pub fn channel(&self, row: usize) -> Option<ResponseChannel> {
        ResponseChannel::from_code(self.channel[row])
    }
    /// Whether any response says its channel.
    pub fn has_channels(&self) -> bool {
        self.channel.iter().any(|&c| c != 0)
    }
    /// The column of question `q` (in the survey's question order).
    pub fn column(&self, q: usize) -> &Column {
        &self.columns[q]
    }
    /// All columns, in the survey's question order.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    fn same_row(&self, a: usize, other: &Responses, b: usize) -> bool {
        self.period(a) == other.period(b)
            && self.version[a] == other.version[b]
            && self.channel[a] == other.channel[b]
            && self
                .columns
                .iter()
                .zip(&other.columns)
                .all(|(x, y)| x.answer(a).same(&y.answer(b)))
    }

    fn push_row_from(&mut self, other: &Responses, row: usize) {
        self.ids.push(other.id(row));
        let p = other.period(row);
        let code = match self.periods.iter().position(|&x| x == p) {
            Some(i) => i,
            None => {
                self.periods.push(p);
                self.periods.len() - 1
            }
        };
        self.period.push(code as u16);
        self.version.push(other.version[row]);
        self.channel.push(other.channel[row]);
        for (c, oc) in self.columns.iter_mut().zip(&other.columns) {
            c.push_answer(oc.answer(row));
        }
    }

    /// Merges `other` into a copy of `self`: the union by response id.
    ///
    /// A response already present with the same content is skipped, so merging is
    /// idempotent; one with the same id and different content is a [`Conflict`]
    /// and the existing response is kept. Both sides must be for the same survey.
    pub fn merge(&self, other: &Responses) -> (Responses, MergeReport) {
        assert_eq!(
            self.columns.len(),
            other.columns.len(),
            "responses of the same survey"
        );
        match self.append_if_new(other) {
            Some(out) => (
                out,
                MergeReport {
                    added: other.len(),
                    ..MergeReport::default()
                },
            ),
            None => self.merge_rows(other),
        }
    }

    /// `self` followed by `other`, column by column, when every id of `other` is new
    /// to `self` and appears in `other` once (as in every imported file merged into
    /// responses it does not repeat); `None` otherwise. The same as
    /// [`Responses::merge_rows`] then, without visiting each answer.
    fn append_if_new(&self, other: &Responses) -> Option<Responses> {
        let mut seen: HashSet<&str, foldhash::fast::FixedState> =
            HashSet::with_capacity_and_hasher(self.len() + other.len(), Default::default());
        seen.extend((0..self.len()).map(|row| self.id(row)));
        if !(0..other.len()).all(|row| seen.insert(other.id(row))) {
            return None;
        }
        let mut out = self.clone();
        let remap: Vec<u16> = other
            .periods
            .iter()
            .map(|p| match out.periods.iter().position(|x| x == p) {
                Some(i) => i as u16,
                None => {
                    out.periods.push(*p);
                    (out.periods.len() - 1) as u16
                }
            })
            .collect();
        out.ids.append(&other.ids);
        out.period
            .extend(other.period.iter().map(|&p| remap[usize::from(p)]));
        out.version.extend_from_slice(&other.version);
        out.channel.extend_from_slice(&other.channel);
        for (c, oc) in out.columns.iter_mut().zip(&other.columns) {
            c.append(oc.clone());
        }
        out.normalise_periods();
        Some(out)
    }

    /// [`Responses::merge`] response by response.
    fn merge_rows(&self, other: &Responses) -> (Responses, MergeReport) {
        let mut index: HashMap<&str, usize> = HashMap::with_capacity(self.len());
        for row in 0..self.len() {
            index.insert(self.id(row), row);
        }
        let mut out = self.clone();
        let mut report = MergeReport::default();
        let mut seen_in_other: HashMap<&str, usize> = HashMap::new();
        for row in 0..other.len() {
            let id = other.id(row);
            if let Some(&mine) = index.get(id) {
                if self.same_row(mine, other, row) {
                    report.duplicates += 1;
                } else {
                    report.conflicts.push(Conflict { id: id.to_owned() });
                }
            } else if let Some(&prev) = seen_in_other.get(id) {
                if other.same_row(prev, other, row) {
                    report.duplicates += 1;
                } else {
                    report.conflicts.push(Conflict { id: id.to_owned() });
                }
            } else {
                seen_in_other.insert(id, row);
                out.push_row_from(other, row);
                report.added += 1;
            }
        }
        out.normalise_periods();
        (out, report)
    }

    /// The same responses with each period replaced by its year (`2026-Q3` becomes
    /// `2026`): for yearly figures from data collected by quarter, half or month.
    /// Ids, versions and answers are unchanged; the period table is the sorted years.
    pub fn with_periods_as_years(&self) -> Responses {
        let mut years: Vec<Period> = self.periods.iter().map(Period::to_year).collect();
        years.sort();
        years.dedup();
        let remap: Vec<u16> = self
            .periods
            .iter()
            .map(|p| {
                let i = years
                    .binary_search(&p.to_year())
                    .expect("every year is in the table");
                u16::try_from(i).expect("fewer years than periods")
            })
            .collect();
        Responses {
            survey_id: self.survey_id.clone(),
            ids: self.ids.clone(),
            periods: years,
            period: self.period.iter().map(|&p| remap[p as usize]).collect(),
            version: self.version.clone(),
            channel: self.channel.clone(),
            columns: self.columns.clone(),
        }
    }

    /// The rows sorted by response id: a canonical form, for comparing sets of responses.
    pub fn canonical(&self) -> Responses {
        let mut order: Vec<usize> = (0..self.len()).collect();
        order.sort_by(|&a, &b| self.id(a).cmp(self.id(b)));
        self.select(&order)
    }

    /// A new set holding the given rows, in the given order.
    pub fn select(&self, rows: &[usize]) -> Responses {
        let mut out = Responses {
            survey_id: self.survey_id.clone(),
            ids: StrColumn::default(),
            periods: self.periods.clone(),
            period: Vec::with_capacity(rows.len()),
            version: Vec::with_capacity(rows.len()),
            channel: Vec::with_capacity(rows.len()),
            columns: self
                .columns
                .iter()
                .map(|c| match c {
                    Column::Code(_) => Column::Code(Vec::with_capacity(rows.len())),
                    Column::Multi(_) => Column::Multi(Vec::with_capacity(rows.len())),
                    Column::Number(_) => Column::Number(Vec::with_capacity(rows.len())),
                    Column::Text(_) => Column::Text(StrColumn::default()),
                })
                .collect(),
        };
        for &row in rows {
            out.ids.push(self.id(row));
            out.period.push(self.period[row]);
            out.version.push(self.version[row]);
            out.channel.push(self.channel[row]);
            for (c, oc) in out.columns.iter_mut().zip(&self.columns) {
                c.push_answer(oc.answer(row));
            }
        }
        out.normalise_periods();
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::{import, Responses, Survey};
    use proptest::prelude::*;

    /// (id, period, version, scale, multi, number, text).
    type Row = (u8, usize, u8, Option<u8>, u8, Option<u32>, &'static str);

    /// Responses to a survey of every kind of question, one per row of `rows`.
    fn responses(rows: &[Row]) -> Responses {
        let survey = Survey::from_json(
            r#"{"id":"s","version":2,"audience":"external","title":"S","questions":[
            {"id":"sc","type":"scale","points":5,"text":"t"},
            {"id":"mu","type":"multi","text":"t","options":[{"id":"a","label":"A"},{"id":"b","label":"B"}]},
            {"id":"nu","type":"number","min":0,"max":100,"text":"t"},
            {"id":"tx","type":"text","text":"t"}]}"#,
        )
        .unwrap();
        let periods = ["2025-Q4", "2026-Q1", "2026-Q2", "2025-Q2"];
        let mut csv = String::from("response_id,period,version,sc,mu,nu,tx\n");
        for (id, p, v, sc, mu, nu, tx) in rows {
            csv += &format!(
                "r{id},{},{v},{},{},{},{tx}\n",
                periods[*p],
                sc.map(|x| x.to_string()).unwrap_or_default(),
                ["", "a", "b", "a;b"][usize::from(*mu)],
                nu.map(|x| (f64::from(x) / 4.0).to_string())
                    .unwrap_or_default(),
            );
        }
        import::read_csv(&survey, "a.csv", csv.as_bytes(), &import::Limits::default()).unwrap()
    }

    fn rows() -> impl Strategy<Value = Vec<Row>> {
        proptest::collection::vec(
            (
                0u8..40,
                0usize..4,
                1u8..=2,
                proptest::option::of(1u8..=5),
                0u8..4,
                proptest::option::of(0u32..=400),
                prop_oneof![Just(""), Just("x"), Just("yz")],
            ),
            0..30,
        )
        .prop_map(|mut v| {
            // An imported file has no id twice.
            v.sort_by_key(|r| r.0);
            v.dedup_by_key(|r| r.0);
            v
        })
    }

    proptest! {
        /// Responses with only new ids are appended column by column, with the same
        /// result as merging response by response; with an id in common they are not.
        #[test]
        fn appending_new_responses_equals_merging_them_one_by_one(
            a in rows(),
            mut b in rows(),
            shift in 0u8..50,
        ) {
            // Shifted ids: often none in common.
            b.iter_mut().for_each(|r| r.0 += shift);
            let (a, b) = (responses(&a), responses(&b));
            let shared = (0..b.len()).any(|r| (0..a.len()).any(|s| a.id(s) == b.id(r)));
            match a.append_if_new(&b) {
                Some(appended) => {
                    prop_assert!(!shared);
                    let (merged, report) = a.merge_rows(&b);
                    prop_assert_eq!(report.added, b.len());
                    prop_assert_eq!(appended, merged);
                }
                None => prop_assert!(shared),
            }
        }
    }

    #[test]
    fn periods_as_years_merges_the_quarters_of_a_year() {
        let survey = Survey::from_json(
            r#"{"id":"s","version":1,"audience":"internal","title":"T",
              "questions":[{"id":"q1","type":"scale","text":"Q"}]}"#,
        )
        .unwrap();
        let csv = "response_id,period,q1\na,2026-Q2,4\nb,2025-Q4,5\nc,2026-Q1,3\nd,2025-Q1,\n";
        let data = import::read_csv(&survey, "x.csv", csv.as_bytes(), &Default::default()).unwrap();
        let years = data.with_periods_as_years();
        let labels: Vec<String> = years.periods().iter().map(ToString::to_string).collect();
        assert_eq!(labels, ["2025", "2026"]);
        assert_eq!(years.len(), 4);
        for row in 0..data.len() {
            assert_eq!(years.id(row), data.id(row));
            assert_eq!(years.period(row), data.period(row).to_year());
            assert_eq!(years.column(0).answer(row), data.column(0).answer(row));
        }
        // Already yearly: unchanged.
        assert_eq!(years.with_periods_as_years(), years);
    }
}
