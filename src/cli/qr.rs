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
        Diagnostics::from(Diagnostic::error(e.to_string()).with_hint(crate::t!("qr-cmd-long-hint")))
    };
    // The format is checked before the (slower) encoding.
    if !matches!(ext.as_deref(), Some("svg" | "png" | "pdf")) {
        return Err(
            Diagnostic::error(crate::t!("qr-cmd-format", path = out.display()))
                .with_hint(crate::t!("qr-cmd-format-hint"))
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
            crate::t!("qr-what-svg", modules = modules),
        ),
        Some("png") => {
            let png = render::qr_image::png(&m, px)
                .map_err(|e| Diagnostic::error(e).with_hint(crate::t!("qr-cmd-px-hint")))?;
            (
                png,
                crate::t!("qr-what-png", px = px, per = px / modules as u32),
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
                crate::t!(
                    "qr-what-pdf",
                    mm = mm,
                    module = crate::i18n::decimal((mm / modules as f32) as f64, 2)
                ),
            )
        }
    };
    crate::atomic::Pending::create_output(out)?.commit(&bytes)?;
    let what = format!("{what}, {}", kb(bytes.len()));
    println!("{}", crate::t!("wrote", path = out.display(), what = what));
    Ok(Diagnostics::new())
}
