//! The leaflet's fixed panels: the front cover, the back with the
//! contacts and the campaign's code, and the guide and list that fill
//! panels the procedures leave free.

use crate::diag::{Diagnostic, Diagnostics};
use crate::job::Code;
use crate::layout::column::{self, Align, Lines, Marker, Style};
use crate::layout::{masthead, qr_item};
use crate::model::{Campaign, Located, Procedure};
use crate::qr::QrPolicy;
use crate::scene::{Item, Rect, MM};
use crate::style::template::{Labels, Template};
use crate::text::FontKind::{Bold, Regular};

const FRONT: masthead::Scale = masthead::Scale {
    logo: 18.0,
    issuer: 1.0,
    slogan: 1.0,
    slogan_width: 0.9,
    rule: 14.0,
};

/// The campaign's code on the back panel, quiet zone included.
const CAMPAIGN_QR_MM: f32 = 34.0;

/// A panel's heading in accent capitals over a short rule; returns its height.
fn heading(items: &mut Vec<Item>, text: &str, area: Rect, top: f32, t: &Template) -> f32 {
    let style = Style::new(Bold, t.sizes.heading, 1.2, t.colors.accent);
    column::ruled_heading(items, text, style, area.x, top, area.w, 12.0 * MM)
}

/// A thin rule between two procedures on one panel.
pub fn separator(items: &mut Vec<Item>, area: Rect, y: f32, t: &Template) {
    items.push(Item::Rect {
        rect: Rect::new(area.x, y - 0.2 * MM, area.w, 0.4 * MM),
        fill: t.colors.tint,
        radius: 0.0,
    });
}

/// Short hairlines on the folds in the top and bottom margins, so that a
/// hand fold lands where the panels meet.
pub fn fold_marks(sides: &mut [Vec<Item>; 2], t: &Template) {
    let h = t.page_height();
    for (side, widths) in [super::OUTSIDE_MM, super::INSIDE_MM].iter().enumerate() {
        for k in 1..3 {
            let x = widths[..k].iter().sum::<f32>() * MM;
            for y in [2.5 * MM, h - 5.0 * MM] {
                sides[side].push(Item::Rect {
                    rect: Rect::new(x - 0.15, y, 0.3, 2.5 * MM),
                    fill: t.colors.muted,
                    radius: 0.0,
                });
            }
        }
    }
}

fn issuer_name<'a>(campaign: Option<&'a Campaign>, labels: &'a Labels) -> &'a str {
    campaign
        .and_then(|c| c.issuer.name.as_ref())
        .map_or(labels.default_issuer.as_str(), |n| n.value.as_str())
}

fn campaign_error(
    campaign: Option<&Campaign>,
    at: Option<&Located<String>>,
    msg: String,
) -> Diagnostic {
    match (campaign, at) {
        (Some(c), Some(l)) => c.src.error_at(l.offset, msg),
        (Some(c), None) => Diagnostic::error(msg).in_file(c.path()),
        _ => Diagnostic::error(msg),
    }
}

/// The cover: logo and issuer, the campaign's title and slogan, and a band
/// that says what to do with the leaflet.
pub fn front(
    items: &mut Vec<Item>,
    area: Rect,
    campaign: Option<&Campaign>,
    count: usize,
    t: &Template,
    labels: &Labels,
) -> Result<(), Diagnostics> {
    let c = &t.colors;
    let s = &t.sizes;
    let issuer_bottom =
        masthead::issuer(items, area, area.y + 3.0 * MM, campaign, t, labels, &FRONT);

    // The band at the foot: what to do, and how many procedures inside.
    let pad = 5.0 * MM;
    let inner = area.w - 2.0 * pad;
    // The cover has no code: it sends the reader inside, where they are.
    let cta = Lines::balanced(
        &labels.leaflet_cta,
        Style::new(Bold, s.cta, 1.2, c.on_accent),
        inner,
    );
    let year = masthead::year_and_count(labels, count);
    let year = Lines::wrap(&year, Style::new(Regular, s.meta, 1.3, c.on_accent), inner);
    let band_h = pad + cta.height() + 3.0 * MM + year.height() + pad;
    let band = Rect::new(area.x, area.bottom() - band_h, area.w, band_h);
    items.push(Item::Rect {
        rect: band,
        fill: c.accent,
        radius: 3.0 * MM,
    });
    let by = band.y + pad;
    let by = by + cta.place(items, band.x + pad, by, inner, Align::Center) + 3.0 * MM;
    year.place(items, band.x + pad, by, inner, Align::Center);

    masthead::title(
        items,
        Rect::new(area.x, issuer_bottom, area.w, band.y - issuer_bottom),
        campaign,
        t,
        labels,
        &FRONT,
        &crate::t!("where-leaflet-front"),
    )?;
    Ok(())
}

/// The back: the office's contacts, and the campaign's code (the portal by
/// default) for everything the leaflet does not list.
pub fn back(
    items: &mut Vec<Item>,
    area: Rect,
    campaign: Option<&Campaign>,
    code: &Code,
    t: &Template,
    labels: &Labels,
) -> Result<(), Diagnostics> {
    let c = &t.colors;
    let s = &t.sizes;
    let (url, matrix) = (&code.href, &code.matrix);
    matrix.side(QrPolicy::FIXED, CAMPAIGN_QR_MM).map_err(|e| {
        campaign_error(campaign, None, e.to_string())
            .with_hint(crate::t!("hint-shorter-campaign-url"))
    })?;

    let mut y = area.y + 2.0 * MM;
    y += heading(items, &labels.contact, area, y, t) + 4.0 * MM;
    y += column::paragraph(
        items,
        &issuer_name(campaign, labels).to_uppercase(),
        Style::new(Bold, s.issuer, 1.25, c.ink),
        area.x,
        y,
        area.w,
        Align::Left,
    ) + 3.0 * MM;
    let issuer = campaign.map(|c| &c.issuer);
    let label = Style::new(Bold, s.label, 1.2, c.muted);
    let value = Style::new(Regular, s.body, 1.3, c.ink);
    let big = Style::new(Bold, s.heading * 1.3, 1.2, c.accent);
    let fields = [
        (
            &labels.hotline,
            issuer.and_then(|i| i.hotline.as_ref()),
            big,
        ),
        (
            &labels.address,
            issuer.and_then(|i| i.address.as_ref()),
            value,
        ),
        (
            &labels.office_hours,
            issuer.and_then(|i| i.office_hours.as_ref()),
            value,
        ),
        (&labels.email, issuer.and_then(|i| i.email.as_ref()), value),
        (
            &labels.website,
            issuer.and_then(|i| i.website.as_ref()),
            value,
        ),
    ];
    let mut last = None;
    for (name, v, style) in fields {
        let Some(v) = v else { continue };
        y += column::paragraph(
            items,
            &name.to_uppercase(),
            label,
            area.x,
            y,
            area.w,
            Align::Left,
        ) + 0.8 * MM;
        y += column::paragraph(items, &v.value, style, area.x, y, area.w, Align::Left) + 3.0 * MM;
        last = Some(v);
    }

    // The campaign's code at the foot, its call to action above it.
    let side = CAMPAIGN_QR_MM * MM;
    let cta = Lines::balanced(
        &labels.cover_cta,
        Style::new(Bold, s.meta * 1.1, 1.25, c.accent),
        area.w,
    );
    let link = column::url_lines(
        &code.shown,
        Style::new(Regular, s.url, 1.3, c.muted),
        area.w,
        s.url * 4.0,
    );
    let foot_h = cta.height() + 2.0 * MM + side + 1.5 * MM + link.height();
    let top = area.bottom() - foot_h;
    if y > top - 2.0 * MM {
        let msg = crate::t!(
            "leaflet-contacts-long",
            mm = format!("{:.0}", (y - top + 2.0 * MM) / MM)
        );
        return Err(campaign_error(campaign, last, msg)
            .with_hint(crate::t!("issuer-shorten-hint"))
            .into());
    }
    let mut fy = top;
    fy += cta.place(items, area.x, fy, area.w, Align::Center) + 2.0 * MM;
    items.extend(qr_item(
        Rect::new(area.x + (area.w - side) / 2.0, fy, side, side),
        matrix,
        c.ink,
        url,
    ));
    fy += side + 1.5 * MM;
    link.place(items, area.x, fy, area.w, Align::Center);
    Ok(())
}

/// How to scan a code, in three numbered steps, and where to ask for help.
/// Returns where it ends.
pub fn guide(items: &mut Vec<Item>, area: Rect, t: &Template, labels: &Labels) -> f32 {
    let c = &t.colors;
    let s = &t.sizes;
    let mut y = area.y + 2.0 * MM;
    y += heading(items, &labels.guide_title, area, y, t) + 5.0 * MM;
    let steps = [&labels.guide_1, &labels.guide_2, &labels.guide_3];
    let style = Style::new(Regular, s.body * 1.15, 1.35, c.ink);
    let marker = Marker::Number {
        fill: c.accent,
        text: c.on_accent,
    };
    for (i, step) in steps.iter().enumerate() {
        marker.place(items, i, style, area.x, y);
        let indent = marker.indent(style) + 1.0 * MM;
        y += column::paragraph(
            items,
            step,
            style,
            area.x + indent,
            y,
            area.w - indent,
            Align::Left,
        ) + 4.0 * MM;
    }
    let note = Lines::wrap(
        &labels.guide_note,
        Style::new(Bold, s.body, 1.3, c.accent),
        area.w - 8.0 * MM,
    );
    let box_h = note.height() + 8.0 * MM;
    items.push(Item::Rect {
        rect: Rect::new(area.x, y + 2.0 * MM, area.w, box_h),
        fill: c.tint,
        radius: 2.5 * MM,
    });
    note.place(
        items,
        area.x + 4.0 * MM,
        y + 6.0 * MM,
        area.w - 8.0 * MM,
        Align::Left,
    );
    y + 2.0 * MM + box_h
}

/// The procedures inside, numbered as their blocks are, each with its
/// summary when all of them fit `area`, else titles only; nothing when even
/// those do not fit (a list with procedures missing would mislead).
pub fn contents(
    items: &mut Vec<Item>,
    area: Rect,
    procedures: &[&Procedure],
    t: &Template,
    labels: &Labels,
) {
    let c = &t.colors;
    let s = &t.sizes;
    let title = Style::new(Bold, s.title, 1.2, c.ink);
    let summary = Style::new(Regular, s.body, 1.3, c.muted);
    let marker = Marker::Number {
        fill: c.accent,
        text: c.on_accent,
    };
    let indent = marker.indent(title);
    let w = area.w - indent;
    let entries = |with_summary: bool| -> Vec<(Lines, Option<Lines>)> {
        procedures
            .iter()
            .map(|p| {
                let text = p
                    .summary
                    .as_ref()
                    .filter(|_| with_summary)
                    .map(|s| Lines::wrap(&s.value, summary, w));
                (Lines::wrap(&p.title.value, title, w), text)
            })
            .collect()
    };
    let gap = 4.0 * MM;
    let height = |list: &[(Lines, Option<Lines>)]| -> f32 {
        list.iter()
            .map(|(head, text)| {
                head.height() + text.as_ref().map_or(0.0, |l| 1.5 * MM + l.height())
            })
            .sum::<f32>()
            + gap * list.len() as f32
    };
    let head_h =
        2.0 * MM + Style::new(Bold, s.heading, 1.2, c.accent).block_height(1) + 1.7 * MM + 5.0 * MM;
    let Some(list) = [true, false]
        .into_iter()
        .map(entries)
        .find(|l| head_h + height(l) <= area.h)
    else {
        return;
    };
    let mut y = area.y + 2.0 * MM;
    y += heading(items, &labels.in_this_leaflet, area, y, t) + 5.0 * MM;
    for (i, (head, text)) in list.into_iter().enumerate() {
        marker.place(items, i, title, area.x, y);
        y += head.place(items, area.x + indent, y, w, Align::Left);
        if let Some(text) = text {
            y += 1.5 * MM + text.place(items, area.x + indent, y + 1.5 * MM, w, Align::Left);
        }
        y += gap;
    }
}
