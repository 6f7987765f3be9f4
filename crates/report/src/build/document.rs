//! The document being built: sections with numbered subheadings, tables and charts
//! with running numbers, and the cells of figures.

use otklik_analytics::Change;

use crate::build::lookups::{change, find, Ind, F};
use crate::build::runs::Run;
use crate::i18n::{tr, tr_args, Lang};
use crate::model::*;

/// Builds the sections with running numbers for tables and charts.
pub(crate) struct Doc {
    pub(crate) lang: Lang,
    tables: usize,
    charts: usize,
}

pub(crate) struct Sec {
    number: String,
    subs: usize,
    pub(crate) blocks: Vec<Block>,
}

/// The data of a figure's table: the columns, the rows and the threshold K of its
/// hidden cells.
pub(crate) struct TableData {
    pub(crate) columns: Vec<String>,
    pub(crate) rows: Vec<Vec<Cell>>,
    pub(crate) k: u32,
}

impl Sec {
    pub(crate) fn new(number: String) -> Sec {
        Sec {
            number,
            subs: 0,
            blocks: Vec::new(),
        }
    }
    pub(crate) fn sub(&mut self, title: impl Into<String>) {
        self.subs += 1;
        self.blocks.push(Block::Subheading {
            number: format!("{}.{}", self.number, self.subs),
            title: title.into(),
        });
    }
    pub(crate) fn para(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(text.into()));
    }
    fn chart(&mut self, c: Option<Chart>) {
        if let Some(c) = c {
            self.blocks.push(Block::Chart(c));
        }
    }
}

impl Doc {
    pub(crate) fn new(lang: Lang) -> Doc {
        Doc {
            lang,
            tables: 0,
            charts: 0,
        }
    }
    /// Adds a table with the next running number to `sec`; returns it for a note.
    pub(crate) fn table<'s>(
        &mut self,
        sec: &'s mut Sec,
        caption: impl Into<String>,
        columns: Vec<String>,
        rows: Vec<Vec<Cell>>,
        k: u32,
    ) -> &'s mut Table {
        self.tables += 1;
        sec.blocks.push(Block::Table(Table {
            id: format!("t{}", self.tables),
            caption: caption.into(),
            columns,
            rows,
            note: None,
            k,
        }));
        match sec.blocks.last_mut() {
            Some(Block::Table(t)) => t,
            _ => unreachable!("a table was just added"),
        }
    }
    /// Adds a figure to `sec`: the chart `draw` makes from the next running chart
    /// number and `caption` as its title (left out when it cannot be drawn), then, if
    /// given, the chart's data as a numbered table under the same caption.
    pub(crate) fn figure(
        &mut self,
        sec: &mut Sec,
        caption: &str,
        draw: impl FnOnce(&str, &str) -> Option<Chart>,
        data: Option<TableData>,
    ) {
        let id = self.chart_id();
        sec.chart(draw(&id, caption));
        if let Some(d) = data {
            self.table(sec, caption, d.columns, d.rows, d.k);
        }
    }
    fn chart_id(&mut self) -> String {
        self.charts += 1;
        format!("c{}", self.charts)
    }
    pub(crate) fn section(
        &self,
        id: &str,
        number: String,
        title: &str,
        sheet: &str,
        sec: Sec,
    ) -> Section {
        let full_title = if number.chars().all(|c| c.is_ascii_digit()) {
            format!("{number}. {title}")
        } else {
            tr_args(
                self.lang,
                "doc-appendix-title",
                &[("number", number.as_str().into()), ("title", title.into())],
            )
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

pub(crate) fn est_cells(f: F, decimals: u8) -> [Cell; 3] {
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

pub(crate) fn value_cell(f: F, decimals: u8) -> Cell {
    match f {
        F::Shown(e) => Cell::Num {
            value: e.value,
            decimals,
        },
        F::Suppressed => Cell::Suppressed,
        F::Absent => Cell::Empty,
    }
}

pub(crate) fn change_cells(ind: &Ind, c: Option<&Change>, lang: Lang) -> [Cell; 3] {
    match c {
        Some(c) => [
            Cell::Delta {
                value: ind.display_delta(c.delta),
                decimals: 1,
            },
            Cell::P(c.p),
            Cell::Text(significance(c.significant, lang)),
        ],
        None => [Cell::Empty, Cell::Empty, Cell::Empty],
    }
}

/// "significant" or "not significant".
pub(crate) fn significance(significant: bool, lang: Lang) -> String {
    tr(
        lang,
        if significant {
            "value-significant"
        } else {
            "value-not-significant"
        },
    )
}

/// Rows of indicators for the year with the change from the previous year.
pub(crate) fn indicator_rows(
    run: &Run<'_>,
    inds: &[Ind],
    extra: impl Fn(&Ind) -> Vec<Cell>,
) -> Vec<Vec<Cell>> {
    let year = find(&run.main, run.year, &[]);
    inds.iter()
        .map(|ind| {
            let mut row = vec![Cell::Text(ind.label(run))];
            row.extend(est_cells(ind.get(year), 1));
            row.extend(extra(ind));
            let c = run
                .prev
                .and_then(|p| change(&run.main, p, run.year, &[], &ind.figure()));
            row.extend(change_cells(ind, c, run.lang).into_iter().take(1));
            let sig = change_cells(ind, c, run.lang)
                .into_iter()
                .nth(2)
                .unwrap_or(Cell::Empty);
            row.push(sig);
            row
        })
        .collect()
}
