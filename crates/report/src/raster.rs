//! Charts as PNG for the DOCX: the very SVG of the HTML, rasterised by resvg with
//! DejaVu Sans (the font whose widths `otklik-charts` lays its labels out with), so
//! the picture matches the HTML. No font is read from disk.

use std::sync::Arc;

use resvg::{tiny_skia, usvg};

use crate::{Error, Png, Result};

/// Fonts and options, made once per DOCX.
pub(crate) struct Rasteriser {
    options: usvg::Options<'static>,
}

impl Rasteriser {
    pub(crate) fn new() -> Rasteriser {
        let mut options = usvg::Options::default();
        let db = options.fontdb_mut();
        for font in [dejavu::sans::regular(), dejavu::sans::bold()] {
            db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(font)));
        }
        db.set_sans_serif_family("DejaVu Sans");
        options.font_family = "DejaVu Sans".to_owned();
        Rasteriser { options }
    }

    /// The SVG as an opaque RGB PNG, `scale` times its size in pixels.
    pub(crate) fn png(&self, svg: &str, scale: f32) -> Result<Png> {
        let fail = |e: &dyn std::fmt::Display| Error::Chart(e.to_string());
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| fail(&e))?;
        let size = tree.size();
        let (w, h) = (
            (size.width() * scale).ceil() as u32,
            (size.height() * scale).ceil() as u32,
        );
        let mut pixmap =
            tiny_skia::Pixmap::new(w, h).ok_or_else(|| Error::Chart(format!("size {w}×{h}")))?;
        pixmap.fill(tiny_skia::Color::WHITE);
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        // Opaque: drop the alpha channel (premultiplied by 1, so the colours are exact).
        let rgb: Vec<u8> = pixmap
            .data()
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        let mut out = Vec::with_capacity(rgb.len() / 8);
        {
            let mut enc = png::Encoder::new(&mut out, w, h);
            enc.set_color(png::ColorType::Rgb);
            enc.set_depth(png::BitDepth::Eight);
            enc.set_compression(png::Compression::Balanced);
            enc.set_pixel_dims(Some(png::PixelDimensions {
                xppu: (96.0 * scale / 0.0254).round() as u32,
                yppu: (96.0 * scale / 0.0254).round() as u32,
                unit: png::Unit::Meter,
            }));
            let mut writer = enc.write_header().map_err(|e| fail(&e))?;
            writer.write_image_data(&rgb).map_err(|e| fail(&e))?;
        }
        Ok(Png {
            bytes: out,
            width: w,
            height: h,
        })
    }
}
