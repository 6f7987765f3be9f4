//! The columnar responses, built row by row while a file is read.

use crate::responses::{Answer, Column, StrColumn};
use crate::{Message, Period, Responses, Survey};

#[inline(always)]
pub(crate) fn push(col: &mut Column, a: Answer<'_>) {
    match (col, a) {
        (Column::Code(v), Answer::Code(x)) => v.push(x),
        (Column::Code(v), _) => v.push(0),
        (Column::Multi(v), Answer::Multi(x)) => v.push(x),
        (Column::Multi(v), _) => v.push(0),
        (Column::Number(v), Answer::Number(x)) => v.push(x),
        (Column::Number(v), _) => v.push(f64::NAN),
        (Column::Text(v), Answer::Text(x)) => v.push(x),
        (Column::Text(v), _) => v.push(""),
    }
}

/// Builds the columnar set while reading rows.
pub(crate) struct Builder {
    pub(crate) ids: StrColumn,
    periods: Vec<Period>,
    period_labels: Vec<String>,
    pub(crate) period: Vec<u16>,
    pub(crate) version: Vec<u16>,
    /// Channel codes (0 = unknown).
    pub(crate) channel: Vec<u8>,
    pub(crate) columns: Vec<Column>,
}

impl Builder {
    pub(crate) fn new(survey: &Survey, rows: usize) -> Self {
        Builder {
            ids: StrColumn::default(),
            periods: Vec::new(),
            period_labels: Vec::new(),
            period: Vec::with_capacity(rows),
            version: Vec::with_capacity(rows),
            channel: Vec::with_capacity(rows),
            columns: survey
                .questions
                .iter()
                .map(|q| Column::for_kind(&q.kind, rows))
                .collect(),
        }
    }

    /// The previous row's period code, when `label` is its label: files are mostly
    /// sorted by period, so it is looked at first.
    pub(crate) fn same_period(&self, label: &[u8]) -> Option<u16> {
        let &last = self.period.last()?;
        (self.period_labels[usize::from(last)].as_bytes() == label).then_some(last)
    }

    pub(crate) fn period_code(&mut self, label: &str) -> Result<u16, Message> {
        if let Some(last) = self.same_period(label.as_bytes()) {
            return Ok(last);
        }
        if let Some(i) = self.period_labels.iter().position(|l| l == label) {
            return Ok(i as u16);
        }
        let p: Period = label.parse().map_err(|e: crate::PeriodError| e.message())?;
        if self.periods.len() >= usize::from(u16::MAX) {
            return Err(Message::new("period-too-many"));
        }
        self.periods.push(p);
        self.period_labels.push(label.to_owned());
        Ok((self.periods.len() - 1) as u16)
    }

    /// The builders of consecutive parts of a file as one, or `None` when they hold
    /// too many periods together.
    pub(crate) fn join(parts: Vec<Builder>) -> Option<Builder> {
        let mut parts = parts.into_iter();
        let mut all = parts.next()?;
        for part in parts {
            let mut codes = Vec::with_capacity(part.periods.len());
            for (label, period) in part.period_labels.into_iter().zip(part.periods) {
                let code = match all.period_labels.iter().position(|l| *l == label) {
                    Some(i) => i,
                    None => {
                        all.periods.push(period);
                        all.period_labels.push(label);
                        all.periods.len() - 1
                    }
                };
                codes.push(u16::try_from(code).ok().filter(|&c| c < u16::MAX)?);
            }
            all.period
                .extend(part.period.iter().map(|&c| codes[usize::from(c)]));
            all.ids.append(&part.ids);
            all.version.extend(part.version);
            all.channel.extend(part.channel);
            for (column, more) in all.columns.iter_mut().zip(part.columns) {
                column.append(more);
            }
        }
        Some(all)
    }

    pub(crate) fn finish(self, survey: &Survey) -> Responses {
        Responses::from_parts(
            survey,
            self.ids,
            self.periods,
            self.period,
            self.version,
            self.channel,
            self.columns,
        )
    }
}
