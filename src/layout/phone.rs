//! The image for chat apps: 1080 × 1350 px (4:5 portrait, which Zalo and
//! other apps show whole), laid out for a phone held in the hand, not a
//! page shrunk: the title large, the key facts, the documents to bring (as
//! many as fit, then how many more), the QR code at least 400 px with its
//! call to action, and the issuer at the foot.
//!
//! The page is 270 × 337.5 pt, drawn at 4 px per point.

use crate::diag::{Diagnostic, Diagnostics};
use crate::job::{Coded, Job};
use crate::layout::column::{self, Align, Lines, Marker, Style};
use crate::layout::{check_drawn_glyphs, check_glyphs, qr_item};
use crate::model::Online;
use crate::scene::{Item, Page, Rect, MM};
use crate::text::FontKind::{Bold, Regular};

/// The pixels a point becomes at the default width (1080 px).
pub const PX_PER_PT: f32 = 4.0;
/// The least side of the code, quiet zone included, in pixels.
const MIN_QR_PX: f32 = 400.0;

pub fn phone(job: &Job, entry: &Coded) -> Result<Page, Diagnostics> {
    let (t, labels) = (&job.template, &job.labels);
    let p = &entry.procedure;
    check_glyphs(p)?;
    let (c, s) = (&t.colors, &t.sizes);
    let (w, h) = (t.page_width(), t.page_height());
    let m = t.margin * MM;
    let frame = Rect::new(m, m, w - 2.0 * m, h - 2.0 * m);
    let gap = t.gap * MM;
    let mut items = Vec::new();

    // The foot first: the issuer and its hotline.
    let mut foot = vec![job.issuer.clone()];
    if let Some(hotline) = job
        .campaign
        .as_ref()
        .and_then(|c| c.issuer.hotline.as_ref())
    {
        foot.push(format!("{}: {}", labels.hotline, hotline.value));
    }
    let foot_style = Style::new(Regular, s.footer(), 1.25, c.muted);
    let foot_lines = Lines::wrap(&foot.join(" · "), foot_style, frame.w);
    let foot_h = foot_lines.height();
    let foot_top = frame.bottom() - foot_h;
    foot_lines.place(&mut items, frame.x, foot_top, frame.w, Align::Center);

    // Above it, the code: whole pixels per module, 400 px at least.
    let total = entry.code.matrix.total() as f32;
    let module_px = (MIN_QR_PX.max(t.qr.size * MM * PX_PER_PT) / total).ceil();
    let side = module_px * total / PX_PER_PT;
    let band_h = side + 2.0 * 3.0 * MM;
    let band = Rect::new(0.0, foot_top - gap - band_h, w, band_h);
    items.push(Item::Rect {
        rect: band,
        fill: c.accent,
        radius: 0.0,
    });
    let qr = Rect::new(frame.right() - side, band.y + 3.0 * MM, side, side);
    items.extend(qr_item(qr, &entry.code.matrix, c.ink, &entry.code.href));
    let cta_w = qr.x - frame.x - 3.0 * MM;
    if cta_w < 20.0 * MM {
        return Err(Diagnostic::error(crate::t!("phone-cta-room"))
            .with_hint(crate::t!("phone-cta-room-hint"))
            .into());
    }
    let cta = Lines::wrap(
        &labels.cta,
        Style::new(Bold, s.cta, 1.2, c.on_accent),
        cta_w,
    );
    let shown = Lines::wrap(
        &entry.code.shown,
        Style::new(Regular, s.url, 1.25, c.on_accent),
        cta_w,
    );
    let text_h = cta.height() + 2.0 * MM + shown.height();
    let mut ty = band.y + (band.h - text_h) / 2.0;
    ty += cta.place(&mut items, frame.x, ty, cta_w, Align::Left) + 2.0 * MM;
    shown.place(&mut items, frame.x, ty, cta_w, Align::Left);
    let bottom = band.y - gap;

    // From the top: kicker, title, key facts, then the documents that fit.
    let mut y = frame.y;
    // The online level, short, beside the kicker ("Toàn trình").
    let mut kicker = labels.kicker.to_uppercase();
    if let Some(o) = &p.online {
        let text = match o.value {
            Online::Full => &labels.online_full,
            Online::Partial => &labels.online_partial,
            Online::None => &labels.online_none,
        };
        let short = text.split(':').next().unwrap_or(text).trim();
        kicker = format!("{kicker} · {}", short.to_uppercase());
    }
    y += column::paragraph(
        &mut items,
        &kicker,
        Style::new(Bold, s.kicker, 1.2, c.accent),
        frame.x,
        y,
        frame.w,
        Align::Left,
    ) + 1.2 * MM;
    let mut size = s.title;
    let mut title = Lines::balanced(&p.title.value, Style::new(Bold, size, 1.1, c.ink), frame.w);
    while title.lines.len() > 3 && size > s.min_title {
        size = (size - 0.5).max(s.min_title);
        title = Lines::balanced(&p.title.value, Style::new(Bold, size, 1.1, c.ink), frame.w);
    }
    if title.lines.len() > 4 {
        return Err(p
            .error_at(p.title.offset, crate::t!("phone-title-long"))
            .with_hint(crate::t!("phone-title-long-hint"))
            .into());
    }
    y += title.place(&mut items, frame.x, y, frame.w, Align::Left) + gap;

    let label_style = Style::new(Bold, s.label, 1.2, c.muted);
    let value_style = Style::new(Regular, s.body, 1.25, c.ink);
    let mut facts = Vec::new();
    if let Some(v) = &p.processing_time {
        facts.push((&labels.processing_time, v.value.clone()));
    }
    if let Some(v) = &p.fee {
        facts.push((&labels.fee, v.value.clone()));
    }
    // The documents matter more than the facts' details: with documents,
    // each fact gets one line (shortened visibly), else two.
    let max_lines = if p.documents.is_empty() { 2 } else { 1 };
    for (label, value) in facts {
        let l = Lines::wrap(&label.to_uppercase(), label_style, frame.w);
        let v = Lines::wrap(&value, value_style, frame.w);
        let need = l.height()
            + 0.6 * MM
            + v.lines.len().min(max_lines) as f32 * value_style.size * value_style.leading;
        if y + need > bottom {
            break;
        }
        y += l.place(&mut items, frame.x, y, frame.w, Align::Left) + 0.6 * MM;
        let shown = v.shortened(max_lines, frame.w);
        y += shown.place(&mut items, frame.x, y, frame.w, Align::Left) + 1.8 * MM;
    }

    if !p.documents.is_empty() {
        let heading = Style::new(Bold, s.heading, 1.2, c.accent);
        let heading_h = heading.block_height(1) + 1.5 * MM;
        let more_style = Style::new(Bold, s.body, 1.25, c.accent);
        let more_h = more_style.block_height(2) + 1.5 * MM;
        if y + heading_h + value_style.block_height(1) <= bottom {
            y += gap * 0.5;
            y += column::paragraph(
                &mut items,
                &labels.documents.to_uppercase(),
                heading,
                frame.x,
                y,
                frame.w,
                Align::Left,
            ) + 1.5 * MM;
            let docs: Vec<&str> = p.documents.iter().map(|d| d.value.as_str()).collect();
            // As many as fit, leaving room to say how many more there are.
            let mut shown = docs.len();
            loop {
                let mut probe = Vec::new();
                let list_h = column::list(
                    &mut probe,
                    &docs[..shown],
                    value_style,
                    Marker::Bullet(c.accent),
                    frame.x,
                    y,
                    frame.w,
                );
                let more = if shown < docs.len() { more_h } else { 0.0 };
                if y + list_h + more <= bottom || shown == 0 {
                    break;
                }
                shown -= 1;
            }
            y += column::list(
                &mut items,
                &docs[..shown],
                value_style,
                Marker::Bullet(c.accent),
                frame.x,
                y,
                frame.w,
            );
            if shown < docs.len() {
                let text = labels
                    .more_documents
                    .replace("{n}", &(docs.len() - shown).to_string());
                column::paragraph(
                    &mut items,
                    &text,
                    more_style,
                    frame.x,
                    y + 1.5 * MM,
                    frame.w,
                    Align::Left,
                );
            }
        }
    }
    check_drawn_glyphs(&items)?;
    Ok(Page::new(w, h, items))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::template_for;
    use crate::layout::testing::shipped;
    use crate::model::{Lang, OutputKind, Size};
    use crate::scene::Item;

    #[test]
    fn every_text_is_read_without_zooming_and_the_code_is_400_px() {
        let (t, labels) = template_for(OutputKind::Png, Size::A4, Lang::Vi, None).unwrap();
        // 1080 px wide.
        assert!((t.page_width() * PX_PER_PT - 1080.0).abs() < 0.5);
        assert!((t.page_height() * PX_PER_PT - 1350.0).abs() < 0.5);
        let job = Job::with_template(OutputKind::Png, t, labels, None, shipped()).unwrap();
        for e in &job.entries {
            let page = phone(&job, e).unwrap();
            for item in &page.items {
                match item {
                    // Noto Sans capitals are 0.714 of the size.
                    Item::Text(run) => assert!(
                        run.size * 0.714 * PX_PER_PT >= 22.0,
                        "{:?} at {} pt",
                        run.text,
                        run.size
                    ),
                    Item::Modules { module, width, .. } => {
                        let px = module * PX_PER_PT;
                        assert!((px - px.round()).abs() < 1e-3, "whole pixels: {px}");
                        let side = (*width + 8) as f32 * px;
                        assert!(side >= 400.0, "{side} px");
                    }
                    _ => {}
                }
                assert!(item.bounds().bottom() <= page.height + 0.01);
            }
        }
    }
}
