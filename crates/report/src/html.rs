//! One self-contained HTML file: inline SVG charts, no external resources, a CSP that
//! forbids every script, and a print stylesheet for A4.

use std::fmt::Write;

use crate::i18n::{self, fewer_than, tr, tr_args, Lang};
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

/// The report's stylesheet. Its exact text is also hashed into the web app's
/// Content-Security-Policy (`style-src 'sha256-…'`), so that the report's preview in
/// the app is styled while every other inline style stays forbidden.
pub(crate) const CSS: &str = include_str!("report.css");

/// Renders the report.
pub(crate) fn render(r: &Report) -> String {
    let lang = r.lang;
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
    let _ = write!(
        h,
        "<nav class=\"toc\">\n<h2>{}</h2>\n<ol>\n",
        tr(lang, "doc-contents")
    );
    for s in &r.sections {
        let _ = writeln!(
            h,
            "<li><a href=\"#{}\">{}</a></li>",
            escape(&s.id),
            escape(&s.full_title)
        );
    }
    h.push_str("</ol>\n</nav>\n<main>\n");

    let (mut tables, mut figures) = (0usize, 0usize);
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
                        "<figure id=\"{}\">\n{}\n<figcaption>{}</figcaption>\n</figure>\n",
                        escape(&c.id),
                        c.svg.trim(),
                        tr_args(
                            lang,
                            "doc-figure-caption",
                            &[
                                ("number", figures.into()),
                                ("caption", escape(&c.title).into())
                            ]
                        )
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
    let _ = write!(
        h,
        "<table id=\"{}\"{}>\n<caption>{}</caption>\n<thead><tr>",
        escape(&t.id),
        if t.rows.len() <= KEEP_ROWS {
            " class=\"keep\""
        } else {
            ""
        },
        tr_args(
            lang,
            "doc-table-caption",
            &[
                ("number", number.into()),
                ("caption", escape(&t.caption).into())
            ]
        )
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
