//! A QR code on its own, as SVG or PNG (`toroi qr`).

use std::fmt::Write;

use crate::qr::{QrMatrix, QUIET_ZONE};

/// An SVG in module units with a white quiet zone; scales to any size.
pub fn svg(matrix: &QrMatrix, url: &str) -> String {
    let n = matrix.total();
    let q = QUIET_ZONE;
    let mut path = String::new();
    for r in matrix.runs() {
        let _ = write!(path, "M{} {}h{}v1h-{}z", r.col + q, r.row + q, r.len, r.len);
    }
    let title = url
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {n} {n}\" width=\"{n}mm\" height=\"{n}mm\" shape-rendering=\"crispEdges\">\
<title>{title}</title><rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>\n"
    )
}

/// A `px`-wide square PNG whose modules are whole pixels, so it stays crisp
/// when shared; any leftover pixels widen the white border.
pub fn png(matrix: &QrMatrix, px: u32) -> Result<Vec<u8>, String> {
    let n = matrix.total() as u32;
    let module = px / n;
    if module == 0 {
        return Err(crate::t!("qr-png-small", px = px, n = n));
    }
    let offset = (px - module * n) / 2 + QUIET_ZONE as u32 * module;
    let img = ::image::GrayImage::from_fn(px, px, |x, y| {
        let (mx, my) = (
            x.wrapping_sub(offset) / module,
            y.wrapping_sub(offset) / module,
        );
        let inside = x >= offset
            && y >= offset
            && (mx as usize) < matrix.width
            && (my as usize) < matrix.width;
        ::image::Luma([if inside && matrix.is_dark(mx as usize, my as usize) {
            0
        } else {
            255
        }])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, ::image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrcode::EcLevel;

    #[test]
    fn png_modules_are_whole_pixels_and_decode() {
        let url = "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193";
        let m = QrMatrix::encode(url, EcLevel::M).unwrap();
        let bytes = png(&m, 300).unwrap();
        let img = ::image::load_from_memory(&bytes).unwrap().into_luma8();
        assert_eq!(img.dimensions(), (300, 300));
        let values: std::collections::BTreeSet<u8> = img.pixels().map(|p| p.0[0]).collect();
        assert_eq!(
            values.into_iter().collect::<Vec<_>>(),
            vec![0, 255],
            "no grey, anti-aliased pixels"
        );
        assert!(png(&m, 40).is_err());
    }

    #[test]
    fn svg_escapes_the_url_in_its_title() {
        let m = QrMatrix::encode("https://a.vn/?a=1&b=2", EcLevel::M).unwrap();
        let s = svg(&m, "https://a.vn/?a=1&b=2");
        assert!(s.contains("<title>https://a.vn/?a=1&amp;b=2</title>"));
        assert!(s.contains(&format!("viewBox=\"0 0 {n} {n}\"", n = m.total())));
    }
}
