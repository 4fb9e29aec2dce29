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

/// The largest code a sparse image grows to, quiet zone included, in px,
/// and the step it grows by.
const MAX_QR_PX: f32 = 560.0;
const QR_STEP_PX: f32 = 40.0;
/// How much larger than the template's sizes a sparse image's title and
/// facts grow.
const MAX_GROWTH: f32 = 1.35;
/// The most each gap widens to spread a sparse image's parts, in mm.
const MAX_SPREAD: f32 = 6.0;

/// How large one try at the image draws its parts.
#[derive(Debug, Clone, Copy)]
struct Look {
    /// The code's least side, quiet zone included, in px.
    qr_px: f32,
    /// Of the template's title, label and body sizes.
    growth: f32,
    /// Added under the title and after each fact.
    spread: f32,
}

/// The image of one procedure. A short procedure (a list row: a title and
/// a fact or two) does not leave the upper half blank: its code grows to
/// 560 px, its title and facts by up to a third, and its parts spread.
pub fn phone(job: &Job, entry: &Coded) -> Result<Page, Diagnostics> {
    check_glyphs(&entry.procedure)?;
    let mut look = Look {
        qr_px: MIN_QR_PX,
        growth: 1.0,
        spread: 0.0,
    };
    let (mut page, mut spare) = compose(job, entry, look)?;
    let h = page.height;
    // Each step kept only while everything still shows: the code up to
    // 560 px while a fifth of the image is empty, then the type while a
    // twelfth is, then the gaps once.
    let step = |next: Look, page: &mut Page, spare: &mut f32, look: &mut Look| -> bool {
        match compose(job, entry, next) {
            Ok((p, s)) if s >= 0.0 && shows_as_much(&p, page) => {
                (*page, *spare, *look) = (p, s, next);
                true
            }
            _ => false,
        }
    };
    while spare > h * 0.2 && look.qr_px + QR_STEP_PX <= MAX_QR_PX {
        let next = Look {
            qr_px: look.qr_px + QR_STEP_PX,
            ..look
        };
        if !step(next, &mut page, &mut spare, &mut look) {
            break;
        }
    }
    while spare > h * 0.08 && look.growth + 0.05 <= MAX_GROWTH + 1e-4 {
        let next = Look {
            growth: look.growth + 0.05,
            ..look
        };
        if !step(next, &mut page, &mut spare, &mut look) {
            break;
        }
    }
    if spare > 2.0 * MM {
        let next = Look {
            spread: (spare / 4.0).min(MAX_SPREAD * MM),
            ..look
        };
        step(next, &mut page, &mut spare, &mut look);
    }
    Ok(page)
}

/// Whether `bigger` shows every text `smaller` shows (growing must never
/// drop a document or a fact).
fn shows_as_much(bigger: &Page, smaller: &Page) -> bool {
    let words = |p: &Page| -> usize {
        p.items
            .iter()
            .map(|i| match i {
                Item::Text(run) => run.text.split_whitespace().count(),
                _ => 0,
            })
            .sum()
    };
    words(bigger) >= words(smaller)
}

/// The image drawn at `look`, and the height left empty above the code.
fn compose(job: &Job, entry: &Coded, look: Look) -> Result<(Page, f32), Diagnostics> {
    let (t, labels) = (&job.template, &job.labels);
    let p = &entry.procedure;
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
    let module_px = (look.qr_px.max(t.qr.size * MM * PX_PER_PT) / total).ceil();
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
    // A long title steps down to the template's least title size at three
    // lines, then on down to 40 px at five (the long official titles of
    // common procedures), before it is refused.
    let mut size = s.title * look.growth;
    let mut title = Lines::balanced(&p.title.value, Style::new(Bold, size, 1.1, c.ink), frame.w);
    while title.lines.len() > 3 && size > s.min_title {
        size = (size - 0.5).max(s.min_title);
        title = Lines::balanced(&p.title.value, Style::new(Bold, size, 1.1, c.ink), frame.w);
    }
    while title.lines.len() > 5 - usize::from(size > MIN_TITLE_PT + 2.0) && size > MIN_TITLE_PT {
        size = (size - 0.5).max(MIN_TITLE_PT);
        title = Lines::balanced(&p.title.value, Style::new(Bold, size, 1.1, c.ink), frame.w);
    }
    if title.lines.len() > 5 {
        return Err(p
            .error_at(p.title.offset, crate::t!("phone-title-long"))
            .with_hint(crate::t!("phone-title-long-hint"))
            .into());
    }
    y += title.place(&mut items, frame.x, y, frame.w, Align::Left) + gap + look.spread;

    // What is left above the band holds the facts and the documents. The
    // documents come first: the first two at least (wrapped) when there
    // are two, the type stepping down to the legible least before any is
    // left out; each fact gets one line, cut at the end of a phrase.
    let facts: Vec<(&String, &str)> = [
        (&labels.processing_time, p.processing_time.as_ref()),
        (&labels.fee, p.fee.as_ref()),
        (&labels.agency, p.agency.as_ref()),
    ]
    .into_iter()
    .filter_map(|(l, v)| v.map(|v| (l, v.value.as_str())))
    .collect();
    let docs: Vec<&str> = p.documents.iter().map(|d| d.value.as_str()).collect();
    let grown = s.grown(look.growth);
    let plan = plan(&facts, &docs, &grown, frame.w, bottom - y, gap, look.spread);
    let label_style = Style::new(Bold, grown.label, 1.2, c.muted);
    let value_style = Style::new(Regular, plan.size, 1.25, c.ink);
    for (label, value) in facts.iter().take(plan.facts) {
        y += column::paragraph(
            &mut items,
            &label.to_uppercase(),
            label_style,
            frame.x,
            y,
            frame.w,
            Align::Left,
        ) + 0.6 * MM;
        let v = one_line(value, value_style, frame.w, plan.fact_lines);
        y += v.place(&mut items, frame.x, y, frame.w, Align::Left) + 1.8 * MM + look.spread;
    }
    if !docs.is_empty() && plan.heading {
        let heading = Style::new(Bold, grown.heading, 1.2, c.accent);
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
        y += column::list(
            &mut items,
            &docs[..plan.docs],
            value_style,
            Marker::Bullet(c.accent),
            frame.x,
            y,
            frame.w,
        );
        if plan.docs < docs.len() {
            let at = y + 1.5 * MM;
            y = at + Style::new(Bold, plan.size, 1.25, c.accent).block_height(2);
            let n = (docs.len() - plan.docs).to_string();
            // "và 3 giấy tờ khác" only after one is listed.
            let text = match plan.docs {
                0 => labels.documents_count.replace("{n}", &n),
                _ => labels.more_documents.replace("{n}", &n),
            };
            column::paragraph(
                &mut items,
                &text,
                Style::new(Bold, plan.size, 1.25, c.accent),
                frame.x,
                at,
                frame.w,
                Align::Left,
            );
        }
    }
    check_drawn_glyphs(&items)?;
    Ok((Page::new(w, h, items), bottom - y))
}

/// The least title size: 40 px.
const MIN_TITLE_PT: f32 = 10.0;

/// How the facts and documents share the room above the band.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Plan {
    /// The body size of facts and documents.
    size: f32,
    /// Facts shown, and the lines each may take.
    facts: usize,
    fact_lines: usize,
    /// Whether the documents' heading is shown, and how many documents.
    heading: bool,
    docs: usize,
}

/// The plan that shows the most: every fact, then as many documents as
/// fit (at least two when there are two), at the largest body size from
/// the template's down to its least; failing that, at the least size,
/// the most documents that fit, then fewer facts.
fn plan(
    facts: &[(&String, &str)],
    docs: &[&str],
    s: &crate::style::template::TypeSizes,
    width: f32,
    room: f32,
    gap: f32,
    spread: f32,
) -> Plan {
    let label = Style::new(Bold, s.label, 1.2, crate::scene::Color::BLACK);
    let heading = Style::new(Bold, s.heading, 1.2, crate::scene::Color::BLACK);
    let fact_lines = if docs.is_empty() { 2 } else { 1 };
    let height = |plan: &Plan| {
        let value = Style::new(Regular, plan.size, 1.25, crate::scene::Color::BLACK);
        let mut h = 0.0;
        for (_, v) in facts.iter().take(plan.facts) {
            h += label.block_height(1) + 0.6 * MM;
            h += one_line(v, value, width, plan.fact_lines).height() + 1.8 * MM + spread;
        }
        if plan.heading {
            h += gap * 0.5 + heading.block_height(1) + 1.5 * MM;
            let mut probe = Vec::new();
            h += column::list(
                &mut probe,
                &docs[..plan.docs],
                value,
                Marker::Bullet(crate::scene::Color::BLACK),
                0.0,
                0.0,
                width,
            );
            if plan.docs < docs.len() {
                h += 1.5 * MM + value.block_height(2);
            }
        }
        h
    };
    let sizes = [s.body, (s.body + s.min_body) / 2.0, s.min_body];
    let wanted = docs.len().min(2);
    let mut best: Option<Plan> = None;
    for &size in &sizes {
        for shown in (0..=docs.len()).rev() {
            let p = Plan {
                size,
                facts: facts.len(),
                fact_lines,
                heading: !docs.is_empty(),
                docs: shown,
            };
            if height(&p) <= room {
                if shown >= wanted {
                    return p;
                }
                if best.is_none_or(|b| shown > b.docs) {
                    best = Some(p);
                }
                break;
            }
        }
    }
    // The documents before the facts: fewer facts for the first two.
    for n in (0..facts.len()).rev() {
        let p = Plan {
            size: s.min_body,
            facts: n,
            fact_lines: 1,
            heading: true,
            docs: wanted,
        };
        if wanted > best.map_or(0, |b| b.docs) && height(&p) <= room {
            return p;
        }
    }
    if let Some(b) = best {
        return b;
    }
    // Not even the heading fits with every fact: fewer facts.
    for n in (0..facts.len()).rev() {
        let p = Plan {
            size: s.min_body,
            facts: n,
            fact_lines: 1,
            heading: false,
            docs: 0,
        };
        if height(&p) <= room {
            return p;
        }
    }
    Plan {
        size: s.min_body,
        facts: 0,
        fact_lines: 1,
        heading: false,
        docs: 0,
    }
}

/// A fact's value in at most `max` lines: whole when it fits, else cut
/// after the last phrase (at `;` or `,`) that fits, else shortened with
/// "…" — never mid-phrase when a phrase fits.
fn one_line(value: &str, style: Style, width: f32, max: usize) -> Lines {
    let whole = Lines::wrap(value, style, width);
    if whole.lines.len() <= max {
        return whole;
    }
    let ends: Vec<usize> = value
        .char_indices()
        .filter(|(_, c)| matches!(c, ';' | ','))
        .map(|(i, _)| i)
        .collect();
    for &end in ends.iter().rev() {
        let phrase = format!("{} …", value[..end].trim_end());
        let lines = Lines::wrap(&phrase, style, width);
        if lines.lines.len() <= max {
            return lines;
        }
    }
    whole.shortened(max, width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::testing::shipped;
    use crate::model::{Lang, OutputKind, Size};
    use crate::scene::Item;
    use crate::style::template_for;

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

    #[test]
    fn the_first_two_documents_show_before_any_count_and_a_code_keeps_its_word() {
        let (t, labels) = template_for(OutputKind::Png, Size::A4, Lang::Vi, None).unwrap();
        let job = Job::with_template(OutputKind::Png, t, labels, None, shipped()).unwrap();
        for e in &job.entries {
            let page = phone(&job, e).unwrap();
            let texts: Vec<&str> = page
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text(run) => Some(run.text.as_str()),
                    _ => None,
                })
                .collect();
            let docs = &e.procedure.documents;
            for d in docs.iter().take(2) {
                let first_word = d.value.split_whitespace().next().unwrap();
                assert!(
                    texts.iter().any(|t| t.starts_with(first_word)),
                    "{}: {:?} not shown: {texts:?}",
                    e.procedure.title.value,
                    d.value
                );
            }
            // "và N giấy tờ khác" only after a document is listed.
            assert!(!texts.iter().any(|t| t.ends_with("mã")), "{texts:?}");
            if docs.len() > 2 {
                assert!(texts
                    .iter()
                    .any(|t| t.contains("khác") || t.contains("quét mã")));
            }
        }
    }
}
