//! What a cover carries whatever it covers (the handbook's front, the
//! leaflet's front panel): the issuing office under its logo, and the
//! campaign's title and slogan centred in the room left.

use crate::diag::Diagnostic;
use crate::layout::column::{self, Align, Lines, Style};
use crate::model::Campaign;
use crate::scene::{Color, ImageId, Item, Rect, MM};
use crate::style::template::{Labels, Template};
use crate::text::FontKind::{Bold, Regular};

/// "Năm 2026  ·  6 thủ tục": the year and how many procedures are inside.
pub fn year_and_count(labels: &Labels, count: usize) -> String {
    format!(
        "{} {}  ·  {count} {}",
        labels.year, labels.year_now, labels.procedures_count
    )
}

/// How big a cover's parts are.
pub struct Scale {
    /// Millimetres.
    pub logo: f32,
    /// Times the template's issuer and meta sizes.
    pub issuer: f32,
    /// Times the template's summary size, for the slogan.
    pub slogan: f32,
    /// The slogan's measure, as a fraction of the area's width.
    pub slogan_width: f32,
    /// Millimetres of accent rule above the title.
    pub rule: f32,
}

/// The logo (when the campaign has one), the issuer's name in capitals and
/// its locality, centred from `top`. Returns where they end.
pub fn issuer(
    items: &mut Vec<Item>,
    area: Rect,
    top: f32,
    campaign: Option<&Campaign>,
    t: &Template,
    labels: &Labels,
    scale: &Scale,
) -> f32 {
    let (c, s) = (&t.colors, &t.sizes);
    let issuer = campaign.map(|c| &c.issuer);
    let mut y = top;
    if let Some(logo) = issuer.and_then(|i| i.logo.as_ref()) {
        let lh = scale.logo * MM;
        let (iw, ih) = logo.image.dimensions();
        let lw = (lh * iw as f32 / ih.max(1) as f32).min(area.w);
        items.push(Item::Image {
            rect: Rect::new(area.x + (area.w - lw) / 2.0, y, lw, lh),
            image: logo.image.clone(),
            matte: Color::WHITE,
            id: ImageId::of_file(&logo.path),
        });
        y += lh + 4.0 * MM;
    }
    let name = issuer
        .and_then(|i| i.name.as_ref())
        .map_or(labels.default_issuer.as_str(), |n| n.value.as_str());
    y += column::paragraph(
        items,
        &name.to_uppercase(),
        Style::new(Bold, s.issuer * scale.issuer, 1.25, c.accent),
        area.x,
        y,
        area.w,
        Align::Center,
    );
    if let Some(locality) = issuer.and_then(|i| i.locality.as_ref()) {
        y += 1.2 * MM;
        y += column::paragraph(
            items,
            &locality.value,
            Style::new(Regular, s.meta * scale.issuer, 1.3, c.ink),
            area.x,
            y,
            area.w,
            Align::Center,
        );
    }
    y
}

/// A short accent rule, the campaign's title and its slogan, centred
/// vertically in `area` (6 mm clear of its top and bottom). Too little
/// room is an error at `campaign.title`, naming `what` (e.g. "the cover").
pub fn title(
    items: &mut Vec<Item>,
    area: Rect,
    campaign: Option<&Campaign>,
    t: &Template,
    labels: &Labels,
    scale: &Scale,
    what: &str,
) -> Result<(), Diagnostic> {
    let (c, s) = (&t.colors, &t.sizes);
    let (top, bottom) = (area.y, area.bottom());
    let located = campaign.and_then(|c| c.title.as_ref());
    let text = located.map_or(labels.default_title.as_str(), |l| l.value.as_str());
    let title = Lines::balanced(text, Style::new(Bold, s.cover(), 1.12, c.ink), area.w);
    let slogan_w = area.w * scale.slogan_width;
    let slogan = campaign.and_then(|c| c.slogan.as_ref()).map(|l| {
        Lines::balanced(
            &l.value,
            Style::new(Regular, s.summary * scale.slogan, 1.35, c.muted),
            slogan_w,
        )
    });
    let rule = 0.8 * MM;
    let block_h =
        rule + 5.0 * MM + title.height() + slogan.as_ref().map_or(0.0, |l| 4.0 * MM + l.height());
    let room_top = top + 6.0 * MM;
    let room = bottom - 6.0 * MM - room_top;
    if block_h > room {
        let message = crate::t!(
            "masthead-long",
            what = what,
            room = format!("{:.0}", room.max(0.0) / MM),
            needs = format!("{:.0}", block_h / MM)
        );
        let d = match (campaign, located) {
            (Some(c), Some(l)) => c.src.error_at(l.offset, message),
            (Some(c), None) => Diagnostic::error(message).in_file(c.path()),
            _ => Diagnostic::error(message),
        };
        return Err(d.with_hint(crate::t!("masthead-long-hint")));
    }
    let mut y = room_top + (room - block_h) / 2.0;
    let rule_w = scale.rule * MM;
    items.push(Item::Rect {
        rect: Rect::new(area.x + (area.w - rule_w) / 2.0, y, rule_w, rule),
        fill: c.accent,
        radius: 0.0,
    });
    y += rule + 5.0 * MM;
    y += title.place(items, area.x, y, area.w, Align::Center);
    if let Some(slogan) = slogan {
        let x = area.x + (area.w - slogan_w) / 2.0;
        slogan.place(items, x, y + 4.0 * MM, slogan_w, Align::Center);
    }
    Ok(())
}
