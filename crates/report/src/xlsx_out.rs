//! The report as an Excel workbook: a title sheet and one sheet per section, each
//! table with its figures as numbers (display precision is a number format, the value
//! is exact), intervals as two columns and `n` beside them. Every text is written as
//! a string cell, never as a formula.

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use crate::csv_out::header;
use crate::i18n::{fewer_than, tr, tr_args, Lang};
use crate::model::*;
use crate::{Error, Result};

fn err(e: XlsxError) -> Error {
    Error::Xlsx(e.to_string())
}

struct Formats {
    title: Format,
    heading: Format,
    caption: Format,
    head: Format,
    text: Format,
    label: Format,
    suppressed: Format,
    int: Format,
    nums: [Format; 4],
    deltas: [Format; 4],
    p: Format,
    note: Format,
}

fn formats() -> Formats {
    let border = |f: Format| {
        f.set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0xCBD2D9))
    };
    let num = |d: usize| {
        let pattern = if d == 0 {
            "0".to_owned()
        } else {
            format!("0.{}", "0".repeat(d))
        };
        border(Format::new().set_num_format(pattern))
    };
    let delta = |d: usize| {
        let z = if d == 0 {
            "0".to_owned()
        } else {
            format!("0.{}", "0".repeat(d))
        };
        border(Format::new().set_num_format(format!("+{z};-{z};{z}")))
    };
    Formats {
        title: Format::new().set_bold().set_font_size(16),
        heading: Format::new()
            .set_bold()
            .set_font_size(14)
            .set_font_color(Color::RGB(0x1F5FA6)),
        caption: Format::new().set_bold(),
        head: border(
            Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xEEF2F6)),
        ),
        text: Format::new(),
        label: border(Format::new().set_text_wrap().set_align(FormatAlign::Top)),
        suppressed: border(
            Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x52606D))
                .set_align(FormatAlign::Right),
        ),
        int: num(0),
        nums: [num(0), num(1), num(2), num(3)],
        deltas: [delta(0), delta(1), delta(2), delta(3)],
        p: num(3),
        note: Format::new()
            .set_italic()
            .set_font_color(Color::RGB(0x52606D)),
    }
}

fn sheet_name(s: &str, used: &mut Vec<String>) -> String {
    let clean: String = s
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let mut name: String = clean.trim_matches('\'').chars().take(31).collect();
    let mut i = 2;
    while used.iter().any(|u| u.to_lowercase() == name.to_lowercase()) {
        let suffix = format!(" {i}");
        name = clean
            .chars()
            .take(31 - suffix.chars().count())
            .collect::<String>()
            + &suffix;
        i += 1;
    }
    used.push(name.clone());
    name
}

fn cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    c: &Cell,
    lang: Lang,
    k: u32,
    f: &Formats,
) -> Result<(), XlsxError> {
    match c {
        Cell::Text(s) | Cell::Code(s) => ws
            .write_string_with_format(row, col, s, &f.label)
            .map(|_| ()),
        Cell::Int(n) => ws
            .write_number_with_format(row, col, *n as f64, &f.int)
            .map(|_| ()),
        Cell::Num { value, decimals } => ws
            .write_number_with_format(row, col, *value, &f.nums[usize::from(*decimals).min(3)])
            .map(|_| ()),
        Cell::Delta { value, decimals } => ws
            .write_number_with_format(row, col, *value, &f.deltas[usize::from(*decimals).min(3)])
            .map(|_| ()),
        Cell::P(p) => ws.write_number_with_format(row, col, *p, &f.p).map(|_| ()),
        Cell::Interval { bounds, decimals } => {
            let fmt = &f.nums[usize::from(*decimals).min(3)];
            ws.write_number_with_format(row, col, bounds[0], fmt)?;
            ws.write_number_with_format(row, col + 1, bounds[1], fmt)
                .map(|_| ())
        }
        Cell::Estimate {
            value,
            ci,
            decimals,
        } => {
            let fmt = &f.nums[usize::from(*decimals).min(3)];
            ws.write_number_with_format(row, col, *value, fmt)?;
            match ci {
                Some(b) => {
                    ws.write_number_with_format(row, col + 1, b[0], fmt)?;
                    ws.write_number_with_format(row, col + 2, b[1], fmt)
                        .map(|_| ())
                }
                None => Ok(()),
            }
        }
        Cell::Suppressed => ws
            .write_string_with_format(row, col, fewer_than(lang, k), &f.suppressed)
            .map(|_| ()),
        Cell::Empty => ws.write_blank(row, col, &f.label).map(|_| ()),
    }
}

/// Renders the report.
pub(crate) fn render(r: &Report) -> Result<Vec<u8>> {
    let lang = r.lang;
    let f = formats();
    let mut wb = Workbook::new();
    let date = ExcelDateTime::from_ymd(
        r.title.prepared.year,
        r.title.prepared.month,
        r.title.prepared.day,
    )
    .map_err(err)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{} — {}", r.title.heading, r.title.organisation))
            .set_company(r.title.organisation.clone())
            .set_creation_datetime(&date),
    );
    let mut used = Vec::new();

    // The title sheet.
    {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&tr(lang, "doc-xlsx-title-sheet"), &mut used))
            .map_err(err)?;
        ws.set_column_width(0, 28).map_err(err)?;
        ws.set_column_width(1, 70).map_err(err)?;
        ws.write_string_with_format(0, 0, &r.title.organisation, &f.title)
            .map_err(err)?;
        ws.write_string_with_format(1, 0, &r.title.heading, &f.heading)
            .map_err(err)?;
        ws.write_string_with_format(2, 0, &r.title.subtitle, &f.text)
            .map_err(err)?;
        for (i, (k, v)) in r.title.lines.iter().enumerate() {
            let row = 4 + i as u32;
            ws.write_string_with_format(row, 0, k, &f.caption)
                .map_err(err)?;
            ws.write_string_with_format(row, 1, v, &f.text)
                .map_err(err)?;
        }
    }

    let mut tables = 0usize;
    for s in &r.sections {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&format!("{} {}", s.number, s.sheet), &mut used))
            .map_err(err)?;
        ws.set_paper_size(9)
            .set_portrait()
            .set_print_fit_to_pages(1, 0);
        ws.set_column_width(0, 46).map_err(err)?;
        for c in 1..16u16 {
            ws.set_column_width(c, 14).map_err(err)?;
        }
        ws.write_string_with_format(0, 0, &s.full_title, &f.heading)
            .map_err(err)?;
        let mut row: u32 = 2;
        for b in &s.blocks {
            match b {
                Block::Subheading { number, title } => {
                    row += 1;
                    ws.write_string_with_format(row, 0, format!("{number} {title}"), &f.caption)
                        .map_err(err)?;
                    row += 1;
                }
                Block::Paragraph(p) => {
                    ws.write_string_with_format(row, 0, p, &f.text)
                        .map_err(err)?;
                    row += 1;
                }
                Block::List(items) => {
                    for i in items {
                        ws.write_string_with_format(row, 0, i, &f.text)
                            .map_err(err)?;
                        row += 1;
                    }
                    row += 1;
                }
                Block::Table(t) => {
                    tables += 1;
                    ws.write_string_with_format(
                        row,
                        0,
                        tr_args(
                            lang,
                            "doc-table-caption",
                            &[
                                ("number", tables.into()),
                                ("caption", t.caption.as_str().into()),
                            ],
                        ),
                        &f.caption,
                    )
                    .map_err(err)?;
                    row += 1;
                    for (i, h) in header(t, lang).iter().enumerate() {
                        ws.write_string_with_format(row, i as u16, h, &f.head)
                            .map_err(err)?;
                    }
                    row += 1;
                    for cells in &t.rows {
                        let mut col: u16 = 0;
                        for (i, c) in cells.iter().enumerate() {
                            let span = t.span(i) as u16;
                            if matches!(c, Cell::Interval { .. } | Cell::Estimate { .. }) {
                                cell(ws, row, col, c, lang, t.k, &f).map_err(err)?;
                            } else {
                                // Suppressed or empty: the same mark in every part.
                                for j in 0..span {
                                    cell(ws, row, col + j, c, lang, t.k, &f).map_err(err)?;
                                }
                            }
                            col += span;
                        }
                        row += 1;
                    }
                    if let Some(n) = &t.note {
                        ws.write_string_with_format(row, 0, n, &f.note)
                            .map_err(err)?;
                        row += 1;
                    }
                    row += 1;
                }
                // The chart's figures are in the table beside it.
                Block::Chart(_) => {}
            }
        }
    }
    wb.save_to_buffer().map_err(err)
}
