//! The report's tables as CSV: UTF-8 with a BOM (so Excel reads it as UTF-8), RFC 4180
//! quoting with CRLF line ends, and every text cell that a spreadsheet could take for
//! a formula neutralised with a leading apostrophe.
//!
//! Russian reports use `;` between fields and a decimal comma, as Excel expects in a
//! Russian locale; English ones use `,` and a decimal point. Figures are written at full
//! precision (shares and indices in the units of their column), intervals as two columns.

use crate::i18n::{fewer_than, tr, tr_args, Lang};
use crate::model::*;

/// A text cell made inert for spreadsheets: a leading `=`, `+`, `-`, `@`, tab or CR
/// gets an apostrophe before it (OWASP's advice for CSV injection).
pub(crate) fn neutralise(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

fn number(x: f64, lang: Lang) -> String {
    otklik_survey::fmt::plain(x, None, lang)
}

/// The fields of one cell: as many as its column spans.
fn fields(c: &Cell, span: usize, lang: Lang, k: u32) -> Vec<String> {
    let one = match c {
        Cell::Text(s) | Cell::Code(s) => neutralise(s),
        Cell::Int(n) => n.to_string(),
        Cell::Num { value, .. } | Cell::Delta { value, .. } => number(*value, lang),
        Cell::P(p) => number(*p, lang),
        Cell::Interval { bounds, .. } => {
            return vec![number(bounds[0], lang), number(bounds[1], lang)];
        }
        Cell::Estimate { value, ci, .. } => {
            return match ci {
                Some(b) => vec![number(*value, lang), number(b[0], lang), number(b[1], lang)],
                None => vec![number(*value, lang), String::new(), String::new()],
            };
        }
        Cell::Suppressed => fewer_than(lang, k),
        Cell::Empty => String::new(),
    };
    // Suppressed or empty: the same mark in every part.
    vec![one; span]
}

/// The header of a table, intervals spread over two columns.
pub(crate) fn header(t: &Table, lang: Lang) -> Vec<String> {
    let (lo, hi, ci) = (
        tr(lang, "col-ci-lower"),
        tr(lang, "col-ci-upper"),
        tr(lang, "col-ci"),
    );
    let mut out = Vec::new();
    for (i, c) in t.columns.iter().enumerate() {
        match t.span(i) {
            2 => {
                out.push(format!("{c} ({lo})"));
                out.push(format!("{c} ({hi})"));
            }
            3 => {
                out.push(c.clone());
                out.push(format!("{c}: {ci} ({lo})"));
                out.push(format!("{c}: {ci} ({hi})"));
            }
            _ => out.push(c.clone()),
        }
    }
    out
}

/// Renders the report.
pub(crate) fn render(r: &Report) -> Vec<u8> {
    let lang = r.lang;
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut wr = csv::WriterBuilder::new()
            .delimiter(if lang == Lang::Ru { b';' } else { b',' })
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .flexible(true)
            .from_writer(&mut out);
        let mut row = |fields: Vec<String>| {
            // Writing to a Vec cannot fail.
            let _ = wr.write_record(&fields);
        };
        row(vec![neutralise(&r.title.heading)]);
        for (k, v) in &r.title.lines {
            row(vec![neutralise(k), neutralise(v)]);
        }
        let mut tables = 0usize;
        for s in &r.sections {
            row(vec![String::new()]);
            row(vec![neutralise(&s.full_title)]);
            for b in &s.blocks {
                match b {
                    Block::Table(t) => {
                        tables += 1;
                        row(vec![String::new()]);
                        row(vec![neutralise(&tr_args(
                            lang,
                            "doc-table-caption",
                            &[
                                ("number", tables.into()),
                                ("caption", t.caption.as_str().into()),
                            ],
                        ))]);
                        row(header(t, lang).iter().map(|h| neutralise(h)).collect());
                        for cells in &t.rows {
                            let mut f = Vec::new();
                            for (i, c) in cells.iter().enumerate() {
                                f.extend(fields(c, t.span(i), lang, t.k));
                            }
                            row(f);
                        }
                    }
                    Block::List(items) => {
                        row(vec![String::new()]);
                        for i in items {
                            row(vec![neutralise(i)]);
                        }
                    }
                    Block::Subheading { number, title } => {
                        row(vec![String::new()]);
                        row(vec![neutralise(&format!("{number} {title}"))]);
                    }
                    Block::Paragraph(_) | Block::Chart(_) => {}
                }
            }
        }
        let _ = wr.flush();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        for s in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralise(s).starts_with('\''), "{s:?}");
        }
        assert_eq!(neutralise("a=1"), "a=1");
        assert_eq!(number(71.25, Lang::Ru), "71,25");
    }
}
