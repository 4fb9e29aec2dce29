//! `toroi qr`: the QR code alone, as SVG, PNG or PDF.

use std::path::Path;

use qrcode::EcLevel;

use super::kb;
use crate::diag::{Diagnostic, Diagnostics};
use crate::layout;
use crate::model::address;
use crate::qr::QrMatrix;
use crate::render;
use crate::scene::{Color, Document, Page, Rect, MM};

pub fn qr(target: &str, out: &Path, px: u32, mm: f32) -> Result<Diagnostics, Diagnostics> {
    // The code carries the ASCII form of the address (punycode host,
    // percent-encoded letters), which every phone opens.
    let normalised = address::normalise(target).map_err(|(msg, hint)| {
        Diagnostics::from(Diagnostic::error(format!("{msg}: `{target}`")).with_hint(hint))
    })?;
    let target = normalised.as_str();
    let ext = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let qr_error = |e: crate::qr::QrError| {
        Diagnostics::from(
            Diagnostic::error(e.to_string()).with_hint("use a shorter URL, or a larger --mm"),
        )
    };
    // The format is checked before the (slower) encoding.
    if !matches!(ext.as_deref(), Some("svg" | "png" | "pdf")) {
        return Err(
            Diagnostic::error(format!("cannot tell the format of {}", out.display()))
                .with_hint("end the output name with .svg, .png or .pdf")
                .into(),
        );
    }
    let m = match ext.as_deref() {
        Some("pdf") => QrMatrix::for_print(target, EcLevel::M, mm),
        _ => QrMatrix::encode(target, EcLevel::M),
    }
    .map_err(qr_error)?;
    let modules = m.total();
    let (bytes, what) = match ext.as_deref() {
        Some("svg") => (
            render::qr_image::svg(&m, target).into_bytes(),
            format!("{modules} modules, vector"),
        ),
        Some("png") => {
            let png = render::qr_image::png(&m, px)
                .map_err(|e| Diagnostic::error(e).with_hint("give a larger --px"))?;
            (
                png,
                format!("{px} × {px} px, {} px per module", px / modules as u32),
            )
        }
        _ => {
            let side = mm * MM;
            let page = Page::new(
                side,
                side,
                layout::qr_item(Rect::new(0.0, 0.0, side, side), &m, Color::BLACK, target),
            );
            let doc = Document {
                title: target.to_owned(),
                author: "toroi".to_owned(),
                pages: vec![page],
                outline: Vec::new(),
                date: crate::clock::now(),
            };
            (
                render::pdf::render(&doc),
                format!("{mm} mm, {:.2} mm per module", mm / modules as f32),
            )
        }
    };
    crate::atomic::write_atomic(out, &bytes)?;
    println!("wrote {} ({what}, {})", out.display(), kb(bytes.len()));
    Ok(Diagnostics::new())
}
