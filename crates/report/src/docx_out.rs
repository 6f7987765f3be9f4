//! The report as a Word document: real heading styles (`heading 1`, `heading 2`, so
//! Word's navigation pane and table of contents see them), tables with a shaded
//! header row, the charts as PNG images (feature `docx-images`; without it, their
//! data tables only), A4 pages with page numbers.

use docx_rs::{
    AlignmentType, Docx, Footer, HeightRule, LineSpacing, LineSpacingType, PageMargin, PageNum,
    Paragraph, Run, RunFonts, Shading, ShdType, Style, StyleType, Table as DTable, TableCell,
    TableLayoutType, TableRow, WidthType,
};

use crate::html::cell_text;
use crate::i18n::{tr, tr_args};
use crate::model::*;
use crate::{Error, Png, Result};

/// A4 in twentieths of a point, and the margins (30 mm left, 15 mm right, 20 mm top
/// and bottom, as in Russian office documents).
const PAGE: (u32, u32) = (11906, 16838);
const LEFT: i32 = 1701;
const RIGHT: i32 = 850;
const TEXT_WIDTH: usize = (PAGE.0 as i32 - LEFT - RIGHT) as usize;
const ACCENT: &str = "1F5FA6";
const MUTED: &str = "52606D";
const FONT: &str = "Arial";

/// Text that XML 1.0 can hold: control characters (but tab) are dropped.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|&c| (!c.is_control() || c == '\t') && c != '\u{FFFE}' && c != '\u{FFFF}')
        .collect()
}

fn run(s: &str) -> Run {
    Run::new().add_text(clean(s))
}

fn styles(d: Docx) -> Docx {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let heading = |id: &str, name: &str, size: usize, level: usize, before: u32| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(size)
            .bold()
            .color(ACCENT)
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(before).after(120))
    };
    d.default_fonts(fonts)
        .default_size(20)
        .default_line_spacing(
            LineSpacing::new()
                .after(100)
                .line(264)
                .line_rule(LineSpacingType::Auto),
        )
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .q_format(true)
                .size(52)
                .bold()
                .color(ACCENT)
                .line_spacing(LineSpacing::new().after(240)),
        )
        .add_style(heading("Heading1", "heading 1", 32, 0, 0))
        .add_style(heading("Heading2", "heading 2", 24, 1, 240))
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("caption")
                .based_on("Normal")
                .q_format(true)
                .size(18)
                .bold()
                .line_spacing(LineSpacing::new().before(160).after(80)),
        )
}

/// How a table cell looks.
#[derive(Clone, Copy, Default)]
struct Look {
    header: bool,
    numeric: bool,
    muted: bool,
    mono: bool,
    keep: bool,
}

fn cell(text: &str, width: usize, look: Look) -> TableCell {
    let Look {
        header,
        numeric,
        muted,
        mono,
        keep,
    } = look;
    // A second line (an estimate's interval) is smaller and muted.
    let (first, second) = match text.split_once('\n') {
        Some((a, b)) => (a, Some(b)),
        None => (text, None),
    };
    let mut r = run(first).size(16);
    if header {
        r = r.bold();
    }
    if muted {
        r = r.italic().color(MUTED);
    }
    if mono {
        let f = "Courier New";
        r = r.fonts(RunFonts::new().ascii(f).hi_ansi(f).cs(f)).size(14);
    }
    let mut p = Paragraph::new().add_run(r);
    if let Some(b) = second {
        p = p.add_run(
            Run::new()
                .add_break(docx_rs::BreakType::TextWrapping)
                .add_text(clean(b))
                .size(14)
                .color(MUTED),
        );
    }
    let mut p = p.line_spacing(
        LineSpacing::new()
            .before(0)
            .after(0)
            .line(240)
            .line_rule(LineSpacingType::Auto),
    );
    if numeric {
        p = p.align(AlignmentType::Right);
    }
    if keep {
        p = p.keep_next(true);
    }
    let c = TableCell::new()
        .add_paragraph(p)
        .width(width, WidthType::Dxa);
    if header {
        c.shading(Shading::new().shd_type(ShdType::Clear).fill("EEF2F6"))
    } else {
        c
    }
}

/// The height given to header rows, to find them in the XML (docx-rs cannot write
/// `w:tblHeader` itself).
const HEADER_MARK: f32 = 1.0;
const HEADER_MARK_XML: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

/// Column widths from the length of what they hold at 8 pt: every figure column gets
/// room for its longest value first, then for its longest header word as far as the
/// page allows; the first (label) column at least a quarter, and the rest.
fn column_widths(t: &Table, lang: crate::Lang) -> Vec<usize> {
    const PAD: usize = 240;
    let cols = t.columns.len().max(1);
    if cols == 1 {
        return vec![TEXT_WIDTH];
    }
    let head: Vec<usize> = t
        .columns
        .iter()
        .map(|h| {
            h.split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0)
                * 115
                + PAD
        })
        .collect();
    let mut value = vec![PAD; cols];
    for r in &t.rows {
        for (i, c) in r.iter().enumerate().take(cols) {
            let len = cell_text(c, lang, t.k)
                .split('\n')
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0);
            let per = if matches!(c, Cell::Text(_) | Cell::Code(_)) {
                105
            } else {
                95
            };
            value[i] = value[i].max(len * per + PAD);
        }
    }
    // Long texts outside the first column (hashes, commands) wrap: cap them.
    let cap = TEXT_WIDTH * 3 / 4;
    let mut widths: Vec<usize> = value.iter().map(|&v| v.min(cap)).collect();
    let first_min = (TEXT_WIDTH / 4).min(value[0].max(head[0]));
    let others: usize = widths[1..].iter().sum();
    if others + first_min > TEXT_WIDTH {
        let room = TEXT_WIDTH - first_min;
        for w in widths.iter_mut().skip(1) {
            *w = *w * room / others;
        }
    } else {
        let mut room = TEXT_WIDTH - first_min - others;
        let deficit: usize = (1..cols).map(|i| head[i].saturating_sub(widths[i])).sum();
        if deficit > 0 {
            let give = room.min(deficit);
            for i in 1..cols {
                let d = head[i].saturating_sub(widths[i]);
                widths[i] += d * give / deficit;
            }
            room -= give;
        }
        let _ = room;
    }
    let used: usize = widths[1..].iter().sum();
    widths[0] = TEXT_WIDTH - used;
    widths
}

fn table(t: &Table, number: usize, lang: crate::Lang) -> (Paragraph, DTable, Option<Paragraph>) {
    let caption = Paragraph::new()
        .style("Caption")
        .keep_next(true)
        .add_run(run(&tr_args(
            lang,
            "doc-table-caption",
            &[
                ("number", number.into()),
                ("caption", t.caption.as_str().into()),
            ],
        )));
    let widths = column_widths(t, lang);
    let mut rows = vec![TableRow::new(
        t.columns
            .iter()
            .zip(&widths)
            .map(|(c, &wd)| {
                cell(
                    c,
                    wd,
                    Look {
                        header: true,
                        keep: true,
                        ..Look::default()
                    },
                )
            })
            .collect(),
    )
    .cant_split()
    // A marker turned into <w:tblHeader/> (repeat on every page) after building.
    .row_height(HEADER_MARK)
    .height_rule(HeightRule::AtLeast)];
    // A short table stays on one page with its caption.
    let keep = t.rows.len() <= crate::html::KEEP_ROWS;
    for (i, r) in t.rows.iter().enumerate() {
        let keep = keep && i + 1 < t.rows.len();
        rows.push(
            TableRow::new(
                r.iter()
                    .zip(&widths)
                    .map(|(c, &wd)| {
                        cell(
                            &cell_text(c, lang, t.k),
                            wd,
                            Look {
                                numeric: !matches!(c, Cell::Text(_) | Cell::Code(_) | Cell::Empty),
                                muted: matches!(c, Cell::Suppressed),
                                mono: matches!(c, Cell::Code(_)),
                                keep,
                                ..Look::default()
                            },
                        )
                    })
                    .collect(),
            )
            .cant_split(),
        );
    }
    let table = DTable::new(rows)
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed);
    let note = t
        .note
        .as_ref()
        .map(|n| Paragraph::new().add_run(run(n).size(16).italic().color(MUTED)));
    (caption, table, note)
}

/// Draws a chart's SVG as a PNG image (bytes, width and height in pixels), or `None`
/// to leave the chart out (its data table, beside it, stands for it).
pub(crate) type Draw<'a> = dyn FnMut(&str) -> Result<Option<Png>> + 'a;

/// Renders the report, the charts drawn by `draw`.
pub(crate) fn render(r: &Report, draw: &mut Draw) -> Result<Vec<u8>> {
    let lang = r.lang;
    let p = &r.title.prepared;
    let stamp = format!("{p}T00:00:00Z");
    let mut d = styles(Docx::new())
        .page_size(PAGE.0, PAGE.1)
        .page_margin(PageMargin {
            top: 1134,
            left: LEFT,
            bottom: 1134,
            right: RIGHT,
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .created_at(&stamp)
        .updated_at(&stamp)
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Right)
                    .add_page_num(PageNum::new()),
            ),
        );

    // Title page.
    let t = &r.title;
    d = d
        .add_paragraph(
            Paragraph::new()
                .line_spacing(LineSpacing::new().before(2400).after(600))
                .add_run(run(&t.organisation).size(30).bold()),
        )
        .add_paragraph(Paragraph::new().style("Title").add_run(run(&t.heading)))
        .add_paragraph(
            Paragraph::new()
                .line_spacing(LineSpacing::new().after(1200))
                .add_run(run(&t.subtitle).size(26).color(MUTED)),
        );
    for (k, v) in t.lines.iter().skip(1) {
        d = d.add_paragraph(
            Paragraph::new()
                .add_run(run(&format!("{k}: ")).color(MUTED))
                .add_run(run(v)),
        );
    }
    // Contents (static: the headings are real, so Word can also insert a live one).
    d = d.add_paragraph(
        Paragraph::new()
            .style("Heading1")
            .page_break_before(true)
            .add_run(run(&tr(lang, "doc-contents"))),
    );
    for s in &r.sections {
        d = d.add_paragraph(Paragraph::new().add_run(run(&s.full_title)));
    }

    let mut tables = 0usize;
    let mut figures = 0usize;
    for s in &r.sections {
        d = d.add_paragraph(
            Paragraph::new()
                .style("Heading1")
                .page_break_before(true)
                .add_run(run(&s.full_title)),
        );
        for b in &s.blocks {
            match b {
                Block::Subheading { number, title } => {
                    d = d.add_paragraph(
                        Paragraph::new()
                            .style("Heading2")
                            .keep_next(true)
                            .add_run(run(&format!("{number} {title}"))),
                    );
                }
                Block::Paragraph(text) => {
                    d = d.add_paragraph(Paragraph::new().add_run(run(text)));
                }
                Block::List(items) => {
                    for i in items {
                        d = d.add_paragraph(
                            Paragraph::new()
                                .indent(
                                    Some(360),
                                    Some(docx_rs::SpecialIndentType::Hanging(240)),
                                    None,
                                    None,
                                )
                                .add_run(run(&format!("•\t{i}"))),
                        );
                    }
                }
                Block::Table(t) => {
                    tables += 1;
                    let (caption, table, note) = table(t, tables, lang);
                    d = d.add_paragraph(caption).add_table(table);
                    if let Some(n) = note {
                        d = d.add_paragraph(n);
                    }
                    d = d
                        .add_paragraph(Paragraph::new().line_spacing(LineSpacing::new().after(60)));
                }
                Block::Chart(c) => {
                    let Some(Png {
                        bytes: png,
                        width: pw,
                        height: ph,
                    }) = draw(&c.svg)?
                    else {
                        continue;
                    };
                    figures += 1;
                    // Full text width; height in proportion. 1 twip = 635 EMU.
                    let w_emu = TEXT_WIDTH as u32 * 635;
                    let h_emu = (f64::from(w_emu) * f64::from(ph) / f64::from(pw)) as u32;
                    let pic = docx_rs::Pic::new_with_dimensions(png, pw, ph)
                        .id(format!("rIdImage{figures}"))
                        .size(w_emu, h_emu);
                    d = d.add_paragraph(
                        Paragraph::new()
                            .keep_next(true)
                            .add_run(Run::new().add_image(pic)),
                    );
                    d = d.add_paragraph(
                        Paragraph::new().add_run(
                            run(&tr_args(
                                lang,
                                "doc-figure-caption",
                                &[
                                    ("number", figures.into()),
                                    ("caption", c.title.as_str().into()),
                                ],
                            ))
                            .size(17)
                            .color(MUTED),
                        ),
                    );
                }
            }
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    let mut xml = d.build();
    xml.document = String::from_utf8(xml.document)
        .map_err(|e| Error::Docx(e.to_string()))?
        .replace(HEADER_MARK_XML, "<w:tblHeader />")
        .into_bytes();
    xml.pack(&mut out).map_err(|e| Error::Docx(e.to_string()))?;
    Ok(out.into_inner())
}
