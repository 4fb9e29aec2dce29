//! Scene → PNG, for sharing in chat apps (Zalo) and on screens.
//!
//! Like the PDF writer, this only translates items: text is drawn from the
//! same font files with the same advances, at the positions layout chose, so
//! the two agree letter for letter. The one thing decided here is pixel
//! fitting, as a font hinter would: a QR code's modules become whole pixels
//! (and its origin a whole pixel), so that a chat app's rescaling and JPEG
//! recompression cannot smear them. The code shrinks by less than a pixel
//! per module and keeps its centre; its quiet zone absorbs the difference.

use tiny_skia::{
    FillRule, FilterQuality, IntSize, Paint, PathBuilder, Pixmap, PixmapPaint, Transform,
};

use crate::scene::{Color, Item, Page, Rect, TextRun};

/// The default width: what chat apps show without scaling down.
pub const DEFAULT_PX: u32 = 1080;
/// Wider images are refused: 10,000 px is a 100 × 40 cm poster at 250 dpi.
pub const MAX_PX: u32 = 10_000;

/// Draws `page` `width_px` pixels wide (height in proportion) and encodes it.
pub fn render(page: &Page, width_px: u32) -> Vec<u8> {
    encode(&raster(page, width_px))
}

/// Draws `page` `width_px` pixels wide on white.
pub fn raster(page: &Page, width_px: u32) -> Pixmap {
    let scale = width_px as f32 / page.width;
    let height_px = (page.height * scale).round().max(1.0) as u32;
    let mut pixmap = Pixmap::new(width_px.max(1), height_px).expect("non-zero size");
    pixmap.fill(tiny_skia::Color::WHITE);
    let to_px = Transform::from_scale(scale, scale);
    for item in &page.items {
        match item {
            Item::Rect { rect, fill, radius } => {
                if let Some(path) = rect_path(*rect, *radius) {
                    pixmap.fill_path(&path, &paint(*fill), FillRule::Winding, to_px, None);
                }
            }
            Item::Text(run) => text(&mut pixmap, run, scale),
            Item::Modules {
                origin,
                module,
                width,
                runs,
                color,
                ..
            } => {
                // Whole pixels per module, centred where layout put the code.
                let m = (module * scale).floor().max(1.0);
                let side = m * *width as f32;
                let centre_x = (origin.0 + module * *width as f32 / 2.0) * scale;
                let centre_y = (origin.1 + module * *width as f32 / 2.0) * scale;
                let (x0, y0) = (
                    (centre_x - side / 2.0).round(),
                    (centre_y - side / 2.0).round(),
                );
                let mut pb = PathBuilder::new();
                for r in runs.iter() {
                    if let Some(rect) = tiny_skia::Rect::from_xywh(
                        x0 + r.col as f32 * m,
                        y0 + r.row as f32 * m,
                        r.len as f32 * m,
                        m,
                    ) {
                        pb.push_rect(rect);
                    }
                }
                if let Some(path) = pb.finish() {
                    let mut p = paint(*color);
                    p.anti_alias = false;
                    pixmap.fill_path(&path, &p, FillRule::Winding, Transform::identity(), None);
                }
            }
            Item::Image { rect, image, .. } => {
                let (w, h) = image.dimensions();
                let mut data = image.as_raw().clone();
                // tiny-skia works in premultiplied alpha.
                for px in data.chunks_exact_mut(4) {
                    let a = px[3] as u16;
                    for c in &mut px[..3] {
                        *c = ((*c as u16 * a + 127) / 255) as u8;
                    }
                }
                let Some(src) = IntSize::from_wh(w, h).and_then(|s| Pixmap::from_vec(data, s))
                else {
                    continue;
                };
                let t = Transform::from_row(
                    rect.w * scale / w as f32,
                    0.0,
                    0.0,
                    rect.h * scale / h as f32,
                    rect.x * scale,
                    rect.y * scale,
                );
                let p = PixmapPaint {
                    quality: FilterQuality::Bicubic,
                    ..PixmapPaint::default()
                };
                pixmap.draw_pixmap(0, 0, src.as_ref(), &p, t, None);
            }
            Item::Link { .. } => {}
        }
    }
    pixmap
}

fn paint(c: Color) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color_rgba8(c.r, c.g, c.b, 255);
    p.anti_alias = true;
    p
}

/// A rectangle, its corners rounded as the PDF writer rounds them.
fn rect_path(r: Rect, radius: f32) -> Option<tiny_skia::Path> {
    let rect = tiny_skia::Rect::from_xywh(r.x, r.y, r.w, r.h)?;
    let rad = radius.min(r.w / 2.0).min(r.h / 2.0);
    if rad <= 0.0 {
        return Some(PathBuilder::from_rect(rect));
    }
    // Control points at 0.5523 × radius approximate a quarter circle.
    let k = rad * (1.0 - 0.552_284_8);
    let (x0, y0, x1, y1) = (r.x, r.y, r.right(), r.bottom());
    let mut pb = PathBuilder::new();
    pb.move_to(x0 + rad, y0);
    pb.line_to(x1 - rad, y0);
    pb.cubic_to(x1 - k, y0, x1, y0 + k, x1, y0 + rad);
    pb.line_to(x1, y1 - rad);
    pb.cubic_to(x1, y1 - k, x1 - k, y1, x1 - rad, y1);
    pb.line_to(x0 + rad, y1);
    pb.cubic_to(x0 + k, y1, x0, y1 - k, x0, y1 - rad);
    pb.line_to(x0, y0 + rad);
    pb.cubic_to(x0, y0 + k, x0 + k, y0, x0 + rad, y0);
    pb.close();
    pb.finish()
}

/// Glyph outlines into one path, in pixels: font units scaled, y flipped,
/// moved to the pen position on the run's baseline.
struct Outline {
    pb: PathBuilder,
    x: f32,
    y: f32,
    /// Pixels per font unit.
    k: f32,
}

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.pb.move_to(self.x + x * self.k, self.y - y * self.k);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.pb.line_to(self.x + x * self.k, self.y - y * self.k);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.pb.quad_to(
            self.x + x1 * self.k,
            self.y - y1 * self.k,
            self.x + x * self.k,
            self.y - y * self.k,
        );
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.pb.cubic_to(
            self.x + x1 * self.k,
            self.y - y1 * self.k,
            self.x + x2 * self.k,
            self.y - y2 * self.k,
            self.x + x * self.k,
            self.y - y * self.k,
        );
    }
    fn close(&mut self) {
        self.pb.close();
    }
}

fn text(pixmap: &mut Pixmap, run: &TextRun, scale: f32) {
    let font = run.font.font();
    let k = run.size * scale / font.units_per_em();
    let mut o = Outline {
        pb: PathBuilder::new(),
        x: run.x * scale,
        y: run.y * scale,
        k,
    };
    for c in run.text.chars() {
        let advance = font.outline(c, &mut o);
        o.x += advance * k;
    }
    if let Some(path) = o.pb.finish() {
        pixmap.fill_path(
            &path,
            &paint(run.color),
            FillRule::Winding,
            Transform::identity(),
            None,
        );
    }
}

/// PNG bytes of an opaque page: RGB, fast compression (text and flat
/// colour compress well either way; the time goes to the page, not zlib).
fn encode(pixmap: &Pixmap) -> Vec<u8> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::new();
    let encoder = ::image::codecs::png::PngEncoder::new_with_quality(
        &mut out,
        ::image::codecs::png::CompressionType::Fast,
        ::image::codecs::png::FilterType::Adaptive,
    );
    ::image::ImageEncoder::write_image(
        encoder,
        &rgb,
        pixmap.width(),
        pixmap.height(),
        ::image::ExtendedColorType::Rgb8,
    )
    .expect("encoding to memory does not fail");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::testing::{poster, shipped};
    use crate::style::{Labels, PosterSize, Template};

    #[test]
    fn the_poster_png_is_1080_wide_and_its_code_decodes() {
        let p = &shipped()[0];
        let t = Template::poster(PosterSize::A4);
        let poster = poster(p, None, &t, &Labels::vietnamese()).unwrap();
        let pixmap = raster(&poster.page, DEFAULT_PX);
        assert_eq!(pixmap.width(), 1080);
        assert_eq!(pixmap.height(), 1527); // 297/210 × 1080
        let bytes = encode(&pixmap);
        let img = ::image::load_from_memory(&bytes).unwrap().into_luma8();
        let mut prepared = rqrr::PreparedImage::prepare(img);
        let urls: Vec<String> = prepared
            .detect_grids()
            .iter()
            .filter_map(|g| g.decode().ok().map(|d| d.1))
            .collect();
        assert_eq!(urls, vec![poster.qr_url.clone()]);
    }

    #[test]
    fn qr_modules_are_whole_pixels() {
        let p = &shipped()[0];
        let t = Template::poster(PosterSize::A4);
        let poster = poster(p, None, &t, &Labels::vietnamese()).unwrap();
        // An odd width, so that module × scale is nowhere near whole.
        let pixmap = raster(&poster.page, 1013);
        let (origin, module, width) = poster
            .page
            .items
            .iter()
            .find_map(|i| match i {
                Item::Modules {
                    origin,
                    module,
                    width,
                    ..
                } => Some((*origin, *module, *width)),
                _ => None,
            })
            .unwrap();
        let scale = 1013.0 / poster.page.width;
        let (cx, cy) = (
            ((origin.0 + module * width as f32 / 2.0) * scale) as u32,
            ((origin.1 + module * width as f32 / 2.0) * scale) as u32,
        );
        // Inside the code every pixel is black or white, none grey.
        let half = (module * scale * width as f32 / 2.0) as u32 - 2;
        for y in cy - half..cy + half {
            for x in cx - half..cx + half {
                let px = pixmap.pixel(x, y).unwrap();
                assert!(
                    px.red() < 40 || px.red() == 255,
                    "grey pixel {} at {x},{y}",
                    px.red()
                );
            }
        }
    }
}
