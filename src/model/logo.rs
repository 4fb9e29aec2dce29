//! Reading a logo: PNG, JPEG or SVG (how official emblems are published),
//! at the size print needs and no larger. A logo prints at most about 5 cm
//! wide, so 600 pixels on its longer side is 300 dpi there; a 12000-pixel
//! scan is read row by row and shrunk as it is read, never held whole.

use std::path::Path;

use image::RgbaImage;

/// The longest side a logo is kept at: 300 dpi at 5 cm.
pub const MAX_LOGO_PX: u32 = 600;
/// The largest JPEG toroi decodes whole (a PNG of any size is read row by
/// row): 8000 × 8000 pixels of RGB are 192 MB.
const MAX_JPEG_PX: u32 = 8000;

/// The logo in `bytes` (from `path`, whose extension names SVG files), at
/// most [`MAX_LOGO_PX`] on its longer side. Err: what is wrong, for the
/// message.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<RgbaImage, String> {
    decode_with_warnings(path, bytes).map(|(image, _)| image)
}

/// Whether `path` names an SVG logo (drawn, not decoded), by its name.
pub fn is_svg(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg") || e.eq_ignore_ascii_case("svgz"))
}

/// As [`decode`], with what deserves a warning: an SVG's references to
/// other files, which are never opened.
pub fn decode_with_warnings(path: &Path, bytes: &[u8]) -> Result<(RgbaImage, Vec<String>), String> {
    let svg = is_svg(path);
    let mut warnings = Vec::new();
    let image = if svg {
        svg_image(bytes, &mut warnings)?
    } else if bytes.starts_with(b"\x89PNG") {
        png_image(bytes)?
    } else {
        other_image(bytes)?
    };
    Ok((fit(image), warnings))
}

/// An SVG's text, inflated when it is compressed (`.svgz`), within the
/// limit, and checked for how many elements it has and how deep they nest
/// (a 20,000-deep nesting overflows any recursive reader's stack).
fn svg_text(bytes: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let limit = crate::model::input::limits::SVG_BYTES;
    let text = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| crate::t!("logo-svg-bad", reason = crate::model::input::reason_of(&e)))?;
        out
    } else {
        bytes.to_vec()
    };
    if text.len() as u64 > limit {
        return Err(crate::t!("logo-svg-inflates", limit = limit / 1_000_000));
    }
    let (mut depth, mut deepest, mut nodes) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(at) = text[i..].iter().position(|&b| b == b'<') {
        let start = i + at;
        let next = text.get(start + 1).copied().unwrap_or(b' ');
        let end = text[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(text.len(), |e| start + e);
        match next {
            b'/' => depth = depth.saturating_sub(1),
            b'?' | b'!' => {}
            _ => {
                nodes += 1;
                if text.get(end.saturating_sub(1)) != Some(&b'/') {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
        }
        i = end.max(start + 1);
    }
    let limits = crate::model::input::limits::SVG_NODES;
    if nodes > limits || deepest > crate::model::input::limits::SVG_DEPTH {
        return Err(crate::t!(
            "logo-svg-too-complex",
            nodes = nodes,
            depth = deepest,
            max_nodes = limits,
            max_depth = crate::model::input::limits::SVG_DEPTH
        ));
    }
    Ok(text)
}

/// `image` shrunk to [`MAX_LOGO_PX`] on its longer side, keeping its shape.
fn fit(image: RgbaImage) -> RgbaImage {
    let (w, h) = image.dimensions();
    if w.max(h) <= MAX_LOGO_PX {
        return image;
    }
    let scale = MAX_LOGO_PX as f32 / w.max(h) as f32;
    let (nw, nh) = (
        ((w as f32 * scale).round() as u32).max(1),
        ((h as f32 * scale).round() as u32).max(1),
    );
    image::imageops::resize(&image, nw, nh, image::imageops::FilterType::Triangle)
}

/// An SVG drawn by resvg at [`MAX_LOGO_PX`] on its longer side, on a
/// transparent ground.
fn svg_image(bytes: &[u8], warnings: &mut Vec<String>) -> Result<RgbaImage, String> {
    use resvg::usvg;
    use std::sync::{Arc, Mutex};
    let text = svg_text(bytes)?;
    // Nothing from outside: an `<image href>` is drawn only when the image
    // is inside the SVG (a data: URI); any other file or address is named
    // in a warning and never opened.
    let refused: Arc<Mutex<Vec<String>>> = Arc::default();
    let seen = refused.clone();
    let mut options = usvg::Options {
        resources_dir: None,
        ..usvg::Options::default()
    };
    options.image_href_resolver = usvg::ImageHrefResolver {
        resolve_data: Box::new(|mime, data, opts| match mime {
            // An SVG inside the SVG is checked as the outer one is.
            "image/svg+xml" => match svg_text(&data) {
                Ok(_) => (usvg::ImageHrefResolver::default_data_resolver())(mime, data, opts),
                Err(_) => None,
            },
            _ => (usvg::ImageHrefResolver::default_data_resolver())(mime, data, opts),
        }),
        resolve_string: Box::new(move |href, _| {
            if let Ok(mut v) = seen.lock() {
                v.push(crate::text::shortened(href, 100));
            }
            None
        }),
    };
    let tree = usvg::Tree::from_data(&text, &options)
        .map_err(|e| crate::t!("logo-svg-bad", reason = crate::model::input::reason_of(&e)))?;
    if let Ok(v) = refused.lock() {
        for href in v.iter() {
            warnings.push(crate::t!("logo-svg-href", href = href));
        }
    }
    let size = tree.size();
    let scale = MAX_LOGO_PX as f32 / size.width().max(size.height());
    let (w, h) = (
        ((size.width() * scale).round() as u32).max(1),
        ((size.height() * scale).round() as u32).max(1),
    );
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(w, h).ok_or_else(|| crate::t!("logo-no-size"))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // tiny-skia keeps colours premultiplied by their alpha; images are not.
    let pixels = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    RgbaImage::from_raw(w, h, pixels).ok_or_else(|| crate::t!("logo-not-drawn"))
}

/// A PNG read row by row, each block of `f × f` pixels averaged into one
/// as it is read, so that memory stays a few rows whatever its size.
fn png_image(bytes: &[u8]) -> Result<RgbaImage, String> {
    let bad = |e: png::DecodingError| {
        crate::t!("logo-png-bad", reason = crate::model::input::reason_of(&e))
    };
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    // The header says how large it is; its pixels are not held whole.
    decoder.set_limits(png::Limits { bytes: 64 << 20 });
    let mut reader = decoder.read_info().map_err(bad)?;
    let (w, h) = reader.info().size();
    let interlaced = reader.info().interlaced;
    use crate::model::input::limits;
    too_many_pixels(
        w,
        h,
        if interlaced {
            limits::PIXELS
        } else {
            limits::PNG_ROW_PIXELS
        },
    )?;
    if interlaced {
        // An interlaced image is decoded whole (not row by row): its
        // buffer is bounded like every other.
        if reader.output_buffer_size().is_none_or(|n| n > 64 << 20) {
            return Err(crate::t!("logo-interlaced-too-large", w = w, h = h));
        }
        // Interlaced rows come in seven passes: read whole, which the
        // limit above keeps to small images.
        let mut buf = vec![
            0;
            reader
                .output_buffer_size()
                .ok_or_else(|| crate::t!("logo-too-large"))?
        ];
        let frame = reader.next_frame(&mut buf).map_err(bad)?;
        return rgba_of(&buf[..frame.buffer_size()], w, h, frame.color_type);
    }
    let (color, _) = reader.output_color_type();
    // Shrunk by a whole factor to at least the size kept, then to it.
    let f = (w.max(h) / MAX_LOGO_PX).max(1);
    let (ow, oh) = (w.div_ceil(f), h.div_ceil(f));
    let mut out = RgbaImage::new(ow, oh);
    if f == 1 {
        // Kept at its size (most logos): each row copied as it is read,
        // without the averaging's divisions (1.5 ms for a 240-pixel logo,
        // paid by every command).
        let mut rows = out.chunks_exact_mut(4 * w as usize);
        while let Some(row) = reader.next_row().map_err(bad)? {
            let Some(to) = rows.next() else { break };
            let row = row.data();
            // A clear pixel is clear black, as the averaging makes it.
            if matches!(color, png::ColorType::Rgba | png::ColorType::Indexed) {
                // Most logos: RGBA rows copied as they are, four bytes at
                // a time, without a look at the colour type for each pixel.
                for (px, from) in to.chunks_exact_mut(4).zip(row.chunks_exact(4)) {
                    if from[3] == 0 {
                        px.fill(0);
                    } else {
                        px.copy_from_slice(from);
                    }
                }
                continue;
            }
            for (x, px) in to.chunks_exact_mut(4).enumerate() {
                let p = pixel(row, x, color);
                px.copy_from_slice(if p[3] == 0 { &[0; 4] } else { &p });
            }
        }
        return Ok(fit(out));
    }
    // Premultiplied sums of the output row being gathered, and counts.
    let mut sums = vec![[0u64; 4]; ow as usize];
    let mut counts = vec![0u64; ow as usize];
    let mut y = 0u32;
    while let Some(row) = reader.next_row().map_err(bad)? {
        let row = row.data();
        for x in 0..w {
            let [r, g, b, a] = pixel(row, x as usize, color);
            let s = &mut sums[(x / f) as usize];
            let a = u64::from(a);
            s[0] += u64::from(r) * a;
            s[1] += u64::from(g) * a;
            s[2] += u64::from(b) * a;
            s[3] += a;
            counts[(x / f) as usize] += 1;
        }
        y += 1;
        if y.is_multiple_of(f) || y == h {
            let oy = (y - 1) / f;
            for (ox, (s, n)) in sums.iter_mut().zip(&mut counts).enumerate() {
                // Colours weighted by their alpha; a clear block stays clear.
                let a = s[3];
                let px = match (
                    s[0].checked_div(a),
                    s[1].checked_div(a),
                    s[2].checked_div(a),
                ) {
                    (Some(r), Some(g), Some(b)) => {
                        [r as u8, g as u8, b as u8, (a / (*n).max(1)) as u8]
                    }
                    _ => [0, 0, 0, 0],
                };
                out.put_pixel(ox as u32, oy, image::Rgba(px));
                *s = [0; 4];
                *n = 0;
            }
        }
    }
    Ok(fit(out))
}

/// Pixel `x` of a decoded row (8 bits a channel) as RGBA.
fn pixel(row: &[u8], x: usize, color: png::ColorType) -> [u8; 4] {
    match color {
        png::ColorType::Grayscale => {
            let v = row[x];
            [v, v, v, 255]
        }
        png::ColorType::GrayscaleAlpha => {
            let (v, a) = (row[2 * x], row[2 * x + 1]);
            [v, v, v, a]
        }
        png::ColorType::Rgb => [row[3 * x], row[3 * x + 1], row[3 * x + 2], 255],
        // Indexed colours are expanded to RGB(A) by the decoder.
        png::ColorType::Rgba | png::ColorType::Indexed => {
            [row[4 * x], row[4 * x + 1], row[4 * x + 2], row[4 * x + 3]]
        }
    }
}

/// A whole decoded frame as RGBA.
fn rgba_of(buf: &[u8], w: u32, h: u32, color: png::ColorType) -> Result<RgbaImage, String> {
    let row_len = buf.len() / h.max(1) as usize;
    let mut out = RgbaImage::new(w, h);
    for y in 0..h {
        let row = &buf[y as usize * row_len..(y as usize + 1) * row_len];
        for x in 0..w {
            out.put_pixel(x, y, image::Rgba(pixel(row, x as usize, color)));
        }
    }
    Ok(fit(out))
}

/// An image over the pixel limit is refused from its header, before its
/// pixels are decoded.
fn too_many_pixels(w: u32, h: u32, limit: u64) -> Result<(), String> {
    if u64::from(w) * u64::from(h) > limit {
        return Err(crate::t!(
            "logo-too-many-pixels",
            w = w,
            h = h,
            mp = limit / 1_000_000
        ));
    }
    Ok(())
}

/// A JPEG (or another format the image crate reads), refused before
/// decoding when it is too large to hold.
fn other_image(bytes: &[u8]) -> Result<RgbaImage, String> {
    let reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| {
            crate::t!(
                "logo-not-image",
                reason = crate::model::input::reason_of(&e)
            )
        })?;
    let (w, h) = reader.into_dimensions().map_err(|e| {
        let reason = match e {
            // The common case, a file that is no image at all, said plainly.
            image::ImageError::Unsupported(_) => crate::t!("logo-format-unknown"),
            other => other.to_string(),
        };
        crate::t!("logo-not-image", reason = reason)
    })?;
    too_many_pixels(w, h, crate::model::input::limits::PIXELS)?;
    // A JPEG ends with its end marker: one cut off in a download or a
    // chat decodes half grey without a word from the decoder.
    let is_jpeg = bytes.starts_with(&[0xFF, 0xD8]);
    let tail = &bytes[bytes.len().saturating_sub(4096)..];
    if is_jpeg && !tail.windows(2).any(|w| w == [0xFF, 0xD9]) {
        return Err(crate::t!("logo-jpeg-cut"));
    }
    if w.max(h) > MAX_JPEG_PX {
        return Err(crate::t!(
            "logo-jpeg-too-large",
            w = w,
            h = h,
            max = MAX_JPEG_PX
        ));
    }
    let image = image::load_from_memory(bytes).map_err(|e| {
        crate::t!(
            "logo-not-image",
            reason = crate::model::input::reason_of(&e)
        )
    })?;
    Ok(image.into_rgba8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_bytes(img: &RgbaImage) -> Vec<u8> {
        let mut out = Vec::new();
        img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn a_large_png_is_shrunk_as_it_is_read_keeping_its_shape_and_colour() {
        // 3000 × 1500: red on the left half, transparent on the right.
        let img = RgbaImage::from_fn(3000, 1500, |x, _| {
            if x < 1500 {
                image::Rgba([200, 0, 0, 255])
            } else {
                image::Rgba([0, 0, 0, 0])
            }
        });
        let logo = decode(Path::new("big.png"), &png_bytes(&img)).unwrap();
        assert_eq!(logo.dimensions(), (600, 300));
        assert_eq!(logo.get_pixel(10, 10).0, [200, 0, 0, 255]);
        assert_eq!(logo.get_pixel(590, 10).0[3], 0);
    }

    #[test]
    fn an_svg_emblem_is_drawn_at_print_size() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">
            <rect width="100" height="50" fill="#ffffff"/><circle cx="25" cy="25" r="20" fill="#c00000"/></svg>"##;
        let logo = decode(Path::new("quoc-huy.svg"), svg).unwrap();
        assert_eq!(logo.dimensions(), (600, 300));
        assert_eq!(logo.get_pixel(150, 150).0, [0xc0, 0, 0, 255]);
        assert_eq!(logo.get_pixel(450, 150).0, [255, 255, 255, 255]);
        assert!(decode(Path::new("x.svg"), b"<svg").is_err());
    }
}
