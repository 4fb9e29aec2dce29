//! The front cover (issuer, title, slogan, the campaign's QR code, the year)
//! and the back cover (the issuer's contacts).

use crate::diag::{Diagnostic, Diagnostics};
use crate::job::Code;
use crate::layout::column::{self, Align, Lines, Style};
use crate::layout::{masthead, qr_item};
use crate::model::NATIONAL_PORTAL;
use crate::model::{Campaign, Located};
use crate::qr::QrPolicy;
use crate::scene::{Color, ImageId, Item, Rect, MM};
use crate::style::template::{Labels, Template};
use crate::text::FontKind::{Bold, Regular};

/// The cover's QR code is larger than a section's: it is the first thing
/// a household sees.
const COVER_QR_SCALE: f32 = 1.25;

const COVER: masthead::Scale = masthead::Scale {
    logo: 20.0,
    issuer: 1.1,
    slogan: 1.05,
    slogan_width: 0.85,
    rule: 16.0,
};

pub fn front(
    campaign: Option<&Campaign>,
    code: &Code,
    t: &Template,
    labels: &Labels,
    count: usize,
) -> Result<Vec<Item>, Diagnostics> {
    let c = &t.colors;
    let s = &t.sizes;
    let m = t.margin * MM;
    let frame = Rect::new(m, m, t.page_width() - 2.0 * m, t.page_height() - 2.0 * m);
    let mut items = Vec::new();

    // The campaign's main link (the national portal by default), tracked.
    let (url, matrix) = (&code.href, &code.matrix);
    let side = t.qr.size * COVER_QR_SCALE * MM;
    matrix
        .side(QrPolicy::FIXED, t.qr.size * COVER_QR_SCALE)
        .map_err(|e| {
            let d =
                Diagnostic::error(e.to_string()).with_hint(crate::t!("hint-shorter-campaign-url"));
            match campaign {
                Some(c) => d.in_file(c.path()),
                None => d,
            }
        })?;

    // Top: the issuer, centred under its logo.
    let issuer_bottom = masthead::issuer(
        &mut items,
        frame,
        frame.y + 2.0 * MM,
        campaign,
        t,
        labels,
        &COVER,
    );

    // Bottom: an accent panel with the QR code, the call to action and the year.
    let pad = 6.0 * MM;
    let inner = frame.w - 2.0 * pad;
    let cta = Lines::wrap(
        &labels.cover_cta,
        Style::new(Bold, s.cta, 1.2, c.on_accent),
        inner,
    );
    let link = column::url_lines(
        &code.shown,
        Style::new(Regular, s.url, 1.3, c.on_accent),
        inner,
        s.url * 4.0,
    );
    let footer = masthead::year_and_count(labels, count);
    let footer = Lines::wrap(&footer, Style::new(Bold, s.meta, 1.3, c.on_accent), inner);
    let gap = 3.0 * MM;
    let panel_h = pad
        + side
        + gap
        + cta.height()
        + gap * 0.6
        + link.height()
        + gap * 1.5
        + footer.height()
        + pad;
    let panel = Rect::new(frame.x, frame.bottom() - panel_h, frame.w, panel_h);
    items.push(Item::Rect {
        rect: panel,
        fill: c.accent,
        radius: 3.0 * MM,
    });
    let mut py = panel.y + pad;
    items.extend(qr_item(
        Rect::new(frame.x + (frame.w - side) / 2.0, py, side, side),
        matrix,
        c.ink,
        url,
    ));
    py += side + gap;
    py += cta.place(&mut items, panel.x + pad, py, inner, Align::Center) + gap * 0.6;
    py += link.place(&mut items, panel.x + pad, py, inner, Align::Center) + gap * 1.5;
    footer.place(&mut items, panel.x + pad, py, inner, Align::Center);

    // Middle: the title and slogan, centred in the space left.
    masthead::title(
        &mut items,
        Rect::new(frame.x, issuer_bottom, frame.w, panel.y - issuer_bottom),
        campaign,
        t,
        labels,
        &COVER,
        &crate::t!("where-cover"),
    )?;
    Ok(items)
}

/// The back cover: the issuer's name and contacts in a tinted box.
pub fn back(
    campaign: Option<&Campaign>,
    t: &Template,
    labels: &Labels,
) -> Result<Vec<Item>, Diagnostics> {
    let c = &t.colors;
    let s = &t.sizes;
    let m = t.margin * MM;
    let frame = Rect::new(m, m, t.page_width() - 2.0 * m, t.page_height() - 2.0 * m);
    let pad = 7.0 * MM;
    let inner_x = frame.x + pad;
    let inner_w = frame.w - 2.0 * pad;

    let issuer = campaign.map(|c| &c.issuer);
    let name = issuer
        .and_then(|i| i.name.as_ref())
        .map_or(labels.default_issuer.as_str(), |n| n.value.as_str());
    let field =
        |label: &str, v: Option<&Located<String>>| v.map(|v| format!("{label}: {}", v.value));
    let lines: Vec<String> = match issuer {
        Some(i) => [
            i.locality.as_ref().map(|l| l.value.clone()),
            field(&labels.address, i.address.as_ref()),
            field(&labels.hotline, i.hotline.as_ref()),
            field(&labels.office_hours, i.office_hours.as_ref()),
            field(&labels.email, i.email.as_ref()),
            field(&labels.website, i.website.as_ref()),
        ]
        .into_iter()
        .flatten()
        .collect(),
        None => Vec::new(),
    };
    let portal = campaign.map_or(NATIONAL_PORTAL, |c| c.url.as_str());

    // Laid out at y = 0 first, then moved to sit in the lower half.
    let mut items = Vec::new();
    let mut y = pad;
    y += column::paragraph(
        &mut items,
        &labels.contact.to_uppercase(),
        Style::new(Bold, s.heading, 1.2, c.accent),
        inner_x,
        y,
        inner_w,
        Align::Center,
    ) + 3.0 * MM;
    y += column::paragraph(
        &mut items,
        &name.to_uppercase(),
        Style::new(Bold, s.issuer, 1.25, c.ink),
        inner_x,
        y,
        inner_w,
        Align::Center,
    ) + 2.0 * MM;
    let body = Style::new(Regular, s.body, 1.35, c.ink);
    for line in &lines {
        y += column::paragraph(&mut items, line, body, inner_x, y, inner_w, Align::Center)
            + 1.2 * MM;
    }
    y += 2.0 * MM;
    y += column::paragraph(
        &mut items,
        portal,
        Style::new(Bold, s.body, 1.3, c.accent),
        inner_x,
        y,
        inner_w,
        Align::Center,
    );
    let box_h = y + pad;
    if box_h > frame.h {
        let d = Diagnostic::error(crate::t!("cover-contacts-long"))
            .with_hint(crate::t!("issuer-shorten-hint"));
        return Err(match campaign {
            Some(c) => d.in_file(c.path()),
            None => d,
        }
        .into());
    }
    let top = (frame.bottom() - box_h).min(frame.y + (frame.h - box_h) * 0.62);
    let mut out = vec![Item::Rect {
        rect: Rect::new(frame.x, top, frame.w, box_h),
        fill: c.tint,
        radius: 3.0 * MM,
    }];
    for mut item in items {
        item.translate(0.0, top);
        out.push(item);
    }
    if let Some(logo) = issuer.and_then(|i| i.logo.as_ref()) {
        let lh = 16.0 * MM;
        let (iw, ih) = logo.image.dimensions();
        let lw = (lh * iw as f32 / ih.max(1) as f32).min(frame.w);
        if top - 8.0 * MM - lh > frame.y {
            out.push(Item::Image {
                rect: Rect::new(frame.x + (frame.w - lw) / 2.0, top - 8.0 * MM - lh, lw, lh),
                image: logo.image.clone(),
                matte: Color::WHITE,
                id: ImageId::of_file(&logo.path),
            });
        }
    }
    Ok(out)
}
