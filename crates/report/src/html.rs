//! One self-contained HTML file: inline SVG charts, no external resources, a CSP that
//! forbids every script, and a print stylesheet for A4.

use std::fmt::Write;

use crate::i18n::{self, fewer_than, words, Lang};
use crate::model::*;

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A cell's text as displayed (HTML, DOCX).
pub(crate) fn cell_text(c: &Cell, lang: Lang, k: u32) -> String {
    match c {
        Cell::Text(s) | Cell::Code(s) => s.clone(),
        Cell::Int(n) => i18n::int(*n, lang),
        Cell::Num { value, decimals } => i18n::num(*value, *decimals, lang),
        Cell::Delta { value, decimals } => i18n::delta(*value, *decimals, lang),
        Cell::Interval { bounds, decimals } => i18n::interval(*bounds, *decimals, lang),
        Cell::Estimate {
            value,
            ci,
            decimals,
        } => match ci {
            Some(b) => format!(
                "{}\n{}",
                i18n::num(*value, *decimals, lang),
                i18n::interval(*b, *decimals, lang)
            ),
            None => i18n::num(*value, *decimals, lang),
        },
        Cell::P(p) => i18n::p_value(*p, lang),
        Cell::Suppressed => fewer_than(lang, k),
        Cell::Empty => "—".to_owned(),
    }
}

const CSS: &str = r#"
:root { --text: #1f2933; --muted: #52606d; --rule: #cbd2d9; --head: #eef2f6; --accent: #1f5fa6; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, "Helvetica Neue", sans-serif; font-size: 10.5pt; color: var(--text); line-height: 1.45; }
body { margin: 0 auto; max-width: 190mm; padding: 12mm 10mm; }
h1, h2, h3 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 16pt; color: var(--accent); border-bottom: 1.5pt solid var(--accent); padding-bottom: 2pt; margin: 0 0 10pt; }
h3 { font-size: 12pt; margin: 16pt 0 6pt; }
p { margin: 0 0 6pt; }
ul { margin: 0 0 8pt; padding-left: 18pt; }
li { margin-bottom: 3pt; }
.title-page { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; page-break-after: always; }
.title-page .org { font-size: 15pt; font-weight: bold; margin-bottom: 28pt; }
.title-page h1 { font-size: 26pt; color: var(--accent); margin: 0 0 8pt; }
.title-page .subtitle { font-size: 13pt; color: var(--muted); margin-bottom: 36pt; }
.title-page dl { display: grid; grid-template-columns: max-content 1fr; gap: 4pt 14pt; margin: 0; }
.title-page dt { color: var(--muted); }
.title-page dd { margin: 0; }
nav.toc { break-after: page; page-break-after: always; }
nav.toc ol { list-style: none; padding: 0; }
nav.toc li { margin: 3pt 0; }
nav.toc a { color: var(--text); text-decoration: none; }
section.report { break-before: page; page-break-before: always; }
table { border-collapse: collapse; width: 99.6%; margin: 4pt 0 12pt; font-size: 8.5pt; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; font-weight: bold; font-size: 9.5pt; padding: 0 0 4pt; }
thead { display: table-header-group; }
th { background: var(--head); text-align: left; font-weight: bold; }
tbody th { background: none; font-weight: normal; min-width: 30mm; }
table.keep { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid var(--rule); padding: 2.5pt 4pt; }
td.num { text-align: right; white-space: nowrap; }
td .ci { font-size: 7.5pt; color: var(--muted); }
td.sup { color: var(--muted); font-style: italic; white-space: nowrap; }
td.code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 7.5pt; overflow-wrap: anywhere; }
th, td { vertical-align: top; }
thead th { vertical-align: bottom; }
tr { break-inside: avoid; page-break-inside: avoid; }
.note { font-size: 8.5pt; color: var(--muted); margin-top: -8pt; margin-bottom: 12pt; }
figure { margin: 6pt 0 12pt; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; max-width: 720px; }
figcaption { font-size: 8.5pt; color: var(--muted); margin-top: 3pt; }
.findings li { margin-bottom: 5pt; }
@page { size: A4; margin: 16mm 14mm 18mm 16mm; @bottom-right { content: counter(page); font-size: 8pt; color: #52606d; } }
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .title-page { min-height: 250mm; }
}
"#;

/// Renders the report.
pub(crate) fn render(r: &Report) -> String {
    let lang = r.lang;
    let w = words(lang);
    let mut h = String::with_capacity(256 * 1024);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"{}\">\n<title>{} — {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        lang.code(),
        escape(&r.stamp.app_version),
        escape(&r.title.heading),
        escape(&r.title.organisation),
    );

    // Title page.
    let t = &r.title;
    let _ = write!(
        h,
        "<header class=\"title-page\">\n<p class=\"org\">{}</p>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n<dl>\n",
        escape(&t.organisation),
        escape(&t.heading),
        escape(&t.subtitle)
    );
    for (k, v) in t.lines.iter().skip(1) {
        let _ = writeln!(h, "<dt>{}</dt><dd>{}</dd>", escape(k), escape(v));
    }
    h.push_str("</dl>\n</header>\n");

    // Contents.
    let _ = write!(h, "<nav class=\"toc\">\n<h2>{}</h2>\n<ol>\n", w.contents);
    for s in &r.sections {
        let _ = writeln!(
            h,
            "<li><a href=\"#{}\">{}</a></li>",
            escape(&s.id),
            escape(&s.full_title)
        );
    }
    h.push_str("</ol>\n</nav>\n<main>\n");

    let (mut tables, mut figures) = (0, 0);
    for s in &r.sections {
        let _ = write!(
            h,
            "<section class=\"report\" id=\"{}\">\n<h2>{}</h2>\n",
            escape(&s.id),
            escape(&s.full_title)
        );
        for b in &s.blocks {
            match b {
                Block::Subheading { number, title } => {
                    let _ = writeln!(h, "<h3>{} {}</h3>", escape(number), escape(title));
                }
                Block::Paragraph(p) => {
                    let _ = writeln!(h, "<p>{}</p>", escape(p));
                }
                Block::List(items) => {
                    h.push_str("<ul class=\"findings\">\n");
                    for i in items {
                        let _ = writeln!(h, "<li>{}</li>", escape(i));
                    }
                    h.push_str("</ul>\n");
                }
                Block::Table(t) => {
                    tables += 1;
                    table(&mut h, t, tables, lang);
                }
                Block::Chart(c) => {
                    figures += 1;
                    // The SVG comes from otklik-charts, which escapes every label.
                    let _ = write!(
                        h,
                        "<figure id=\"{}\">\n{}\n<figcaption>{} {figures}. {}</figcaption>\n</figure>\n",
                        escape(&c.id),
                        c.svg.trim(),
                        w.figure,
                        escape(&c.title)
                    );
                }
            }
        }
        h.push_str("</section>\n");
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// Tables of at most this many rows are kept on one page.
pub(crate) const KEEP_ROWS: usize = 16;

fn table(h: &mut String, t: &Table, number: usize, lang: Lang) {
    let w = words(lang);
    let _ = write!(
        h,
        "<table id=\"{}\"{}>\n<caption>{} {number}. {}</caption>\n<thead><tr>",
        escape(&t.id),
        if t.rows.len() <= KEEP_ROWS {
            " class=\"keep\""
        } else {
            ""
        },
        w.table,
        escape(&t.caption)
    );
    for c in &t.columns {
        let _ = write!(h, "<th scope=\"col\">{}</th>", escape(c));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        h.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let class = match c {
                Cell::Suppressed => " class=\"sup\"",
                Cell::Code(_) => " class=\"code\"",
                Cell::Text(_) | Cell::Empty => "",
                _ => " class=\"num\"",
            };
            // An estimate's interval goes on a second, smaller line.
            let text =
                escape(&cell_text(c, lang, t.k)).replacen('\n', "<br><span class=\"ci\">", 1)
                    + if matches!(c, Cell::Estimate { ci: Some(_), .. }) {
                        "</span>"
                    } else {
                        ""
                    };
            if i == 0 {
                let _ = write!(h, "<th scope=\"row\"{class}>{text}</th>");
            } else {
                let _ = write!(h, "<td{class}>{text}</td>");
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
    if let Some(n) = &t.note {
        let _ = writeln!(h, "<p class=\"note\">{}</p>", escape(n));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\"\u{7}"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
