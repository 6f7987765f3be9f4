//! Rendering to an SVG string and making the document accessible.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::style::clean;
use crate::{ChartError, ChartText};

/// What every chart is: its input checks itself, draws itself with its labels and
/// sums itself up in a sentence for the SVG `<desc>`.
pub(crate) trait Chart {
    /// The chart's texts.
    type Labels;

    /// The texts every chart has, in `labels`.
    fn text(labels: &Self::Labels) -> &ChartText;

    /// Checks that the input (with its labels) can be drawn.
    fn validate(&self, labels: &Self::Labels) -> Result<(), ChartError>;

    /// Draws the chart on `area`.
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        labels: &Self::Labels,
    ) -> Result<(), ChartError>;

    /// A one-sentence summary of the data, for the SVG `<desc>`.
    fn summary(&self, labels: &Self::Labels) -> String;
}

/// Renders a chart into an accessible SVG document of `width` × `height`.
pub(crate) fn chart_svg<C: Chart>(
    input: &C,
    labels: &C::Labels,
    width: u32,
    height: u32,
    id_prefix: &str,
) -> Result<String, ChartError> {
    input.validate(labels)?;
    render(
        width,
        height,
        id_prefix,
        C::text(labels),
        || input.summary(labels),
        |area| input.draw(area, labels),
    )
}

/// Renders `draw` into an SVG document of `width` × `height` with a title and a
/// description referenced by `aria-labelledby`.
fn render<F>(
    width: u32,
    height: u32,
    id_prefix: &str,
    text: &ChartText,
    generated_desc: impl FnOnce() -> String,
    draw: F,
) -> Result<String, ChartError>
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), ChartError>,
{
    let mut buf = String::new();
    {
        let area = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        draw(&area)?;
        area.present()?;
    }
    let desc = match &text.desc {
        Some(d) if !clean(d).is_empty() => clean(d),
        _ => clean(&generated_desc()),
    };
    // A summary of no data is no summary.
    let desc = if desc.trim_matches(['.', ' ']).is_empty() {
        String::new()
    } else {
        desc
    };
    Ok(accessible(&buf, id_prefix, &clean(&text.title), &desc))
}

/// An id prefix reduced to the characters an XML id may hold, starting with a letter.
fn sanitize_id(prefix: &str) -> String {
    let mut id: String = prefix
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if !id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        id.insert_str(0, "chart-");
    }
    id
}

/// XML-escapes text content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Adds `role="img"`, `aria-labelledby` and the `<title>` and `<desc>` it points at to
/// the document plotters wrote (no `<desc>` when `desc` is empty).
fn accessible(svg: &str, id_prefix: &str, title: &str, desc: &str) -> String {
    let id = sanitize_id(id_prefix);
    let open_end = svg.find('>').map_or(svg.len(), |i| i + 1);
    let (open, rest) = svg.split_at(open_end);
    let open = open.trim_end_matches('>');
    let rest = rest.trim_start_matches('\n');
    if desc.is_empty() {
        return format!(
            "{open} role=\"img\" aria-labelledby=\"{id}-title\">\n\
             <title id=\"{id}-title\">{}</title>\n{rest}",
            escape(title),
        );
    }
    format!(
        "{open} role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n{rest}",
        escape(title),
        escape(desc),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_sanitized() {
        assert_eq!(sanitize_id("trend-1"), "trend-1");
        assert_eq!(sanitize_id("1 a\"b"), "chart-1-a-b");
        assert_eq!(sanitize_id(""), "chart-");
    }

    #[test]
    fn title_and_desc_are_inserted() {
        let svg = "<svg width=\"1\" height=\"1\" xmlns=\"http://www.w3.org/2000/svg\">\n</svg>\n";
        let out = accessible(svg, "x", "A & B", "<b>");
        assert!(out.starts_with("<svg width=\"1\" height=\"1\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"x-title x-desc\">\n<title id=\"x-title\">A &amp; B</title>\n<desc id=\"x-desc\">&lt;b&gt;</desc>\n</svg>"));
    }
}
