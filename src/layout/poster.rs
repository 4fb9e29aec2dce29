//! The one-page poster for the one-stop desk.
//!
//! Fixed parts (issuer header, QR panel, footer) are placed first; the
//! procedure's own text flows between them at one type scale: short text
//! grows up to the template's largest body size, long text shrinks step by
//! step down to its minimum; past that the poster is refused with the field
//! where the overflow starts.

use crate::diag::{Diagnostic, Diagnostics};
use crate::job::{Code, Coded, Job};
use crate::layout::column::{self, Align, Lines, Marker, Style};
use crate::layout::facts::{facts_box, Extent};
use crate::layout::{accent_qr_panel, check_drawn_glyphs, check_glyphs, small_modules, Spacing};
use crate::model::{Campaign, Located, OutputKind, Procedure};
use crate::scene::{Color, ImageId, Item, Page, Rect, MM};
use crate::style::template::{Labels, Template};
use crate::text::FontKind::{Bold, Regular};

/// A laid-out poster and how much its text had to shrink.
#[derive(Debug)]
pub struct Poster {
    pub page: Page,
    /// The body size used, in points.
    pub body_size: f32,
    /// True when the body is smaller than the template's normal size.
    pub shrunk: bool,
    /// The URL the QR code encodes.
    pub qr_url: String,
    /// What printed but deserves a look: shrunk text, small QR modules.
    pub warnings: Diagnostics,
}

/// Steps of the type scale, as fractions of the normal body size.
const SHRINK_STEP: f32 = 0.03;
const GROW_STEP: f32 = 0.05;
/// The largest code a short procedure's poster grows to, in mm on A4
/// (scaled with the page's width): about the size that scans from across
/// a one-stop desk's waiting room.
const QR_MAX_A4: f32 = 110.0;
/// How far past the template's largest body size a sparse poster's text
/// grows (a list row gives a title, a time and an agency: they are read
/// from a distance, and the page must not be half blank).
const SPARSE_SCALE: f32 = 1.9;
/// The most each gap between the parts widens to fill a page, in mm.
const MAX_STRETCH: f32 = 12.0;

/// How the documents and the steps share the page.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Lists {
    /// A column each, side by side: the usual short lists.
    SideBySide,
    /// One under the other across the whole width, a list of five items or
    /// more in two columns: long lists that would make one column too tall.
    Stacked,
}

/// What one try at laying out the text uses.
#[derive(Debug, Clone, Copy)]
struct Fit {
    /// Of the template's type sizes.
    scale: f32,
    lists: Lists,
    /// Added to each gap between the parts.
    stretch: f32,
    /// The code's side in mm when it sits in the top corner rather than on
    /// the band at the foot: a dense procedure gets the band's room.
    corner: Option<f32>,
}

/// The header, the footer and the code's band, and the room they leave.
type Parts = (Vec<Item>, Rect);

/// One try: the text's items, where each field ends, and the scale used.
struct Laid {
    items: Vec<Item>,
    blocks: Vec<Extent>,
    bottom: f32,
    fit: Fit,
}

/// The poster of one of `job`'s procedures.
pub fn poster(job: &Job, entry: &Coded) -> Result<Poster, Diagnostics> {
    // Each try at one size breaks the same texts: broken once.
    crate::text::memo::remembering(|| lay_out(job, entry, Search::Pruned))
}

/// How many arrangements the poster tries in full.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Search {
    /// An arrangement after the first is tried only where it could give
    /// larger type than the first did.
    Pruned,
    /// Every arrangement at every size: what the tests hold the pruned
    /// search to.
    #[cfg(test)]
    Every,
}

fn lay_out(job: &Job, entry: &Coded, search: Search) -> Result<Poster, Diagnostics> {
    let (p, campaign, t, labels) = (
        &entry.procedure,
        job.campaign.as_ref(),
        &job.template,
        &job.labels,
    );
    check_glyphs(p)?;
    let qr_url = entry.code.href.clone();
    let matrix = &entry.code.matrix;
    matrix
        .side(OutputKind::Poster.qr_policy(), t.qr.size)
        .map_err(|e| {
            p.error_at(p.url.offset, e.to_string())
                .with_hint(crate::t!("poster-url-hint"))
        })?;

    let (w, h) = (t.page_width(), t.page_height());
    let m = t.margin * MM;
    let frame = Rect::new(m, m, w - 2.0 * m, h - 2.0 * m);
    let mut head = Vec::new();
    let content_top = header(&mut head, p, campaign, t, labels, frame)?;
    // The fixed parts for a code of `side` mm on the band at the foot
    // (`None`: the code sits in the top corner, the footer alone at the
    // foot), and the room they leave for the procedure's text.
    let parts = |band: Option<f32>| -> Result<Parts, Diagnostic> {
        let mut fixed = head.clone();
        let bottom = qr_panel(&mut fixed, &entry.code, band, campaign, t, labels, frame)?;
        Ok((
            fixed,
            Rect::new(frame.x, content_top, frame.w, bottom - content_top),
        ))
    };
    let attempt = |room: Rect, fit: Fit| {
        let mut items = Vec::new();
        let blocks = content(&mut items, p, &entry.code, t, labels, room, fit);
        let bottom = blocks.last().map_or(room.y, |b| b.bottom);
        Laid {
            items,
            blocks,
            bottom,
            fit,
        }
    };

    // Each arrangement at the largest type that fits: short content grows
    // up to the template's largest body size, long content shrinks.
    let min_scale = (t.sizes.min_body / t.sizes.body).min(1.0);
    let max_scale = (t.sizes.max_body / t.sizes.body).max(1.0);
    // `laid`'s type one step larger at a time, up to `top` × the
    // template's sizes, while it still fits `room`.
    let grow = |mut laid: Laid, room: Rect, top: f32| -> Laid {
        while laid.fit.scale + GROW_STEP <= top + 1e-4 {
            let bigger = attempt(
                room,
                Fit {
                    scale: laid.fit.scale + GROW_STEP,
                    ..laid.fit
                },
            );
            if bigger.bottom > room.bottom() {
                break;
            }
            laid = bigger;
        }
        laid
    };
    let best_scale = |room: Rect, fit: Fit| -> Result<Laid, Laid> {
        let mut laid = attempt(room, fit);
        if laid.bottom <= room.bottom() {
            return Ok(grow(laid, room, max_scale));
        }
        while laid.bottom > room.bottom() {
            if laid.fit.scale <= min_scale {
                return Err(laid);
            }
            let smaller = (laid.fit.scale - SHRINK_STEP).max(min_scale);
            laid = attempt(
                room,
                Fit {
                    scale: smaller,
                    ..fit
                },
            );
        }
        Ok(laid)
    };
    let fit = |lists: Lists, corner: Option<f32>| Fit {
        scale: 1.0,
        lists,
        stretch: 0.0,
        corner,
    };
    // The larger type wins; on a tie the earlier arrangement: lists side
    // by side, then stacked, then (only for text that would shrink) the
    // code moved to the top corner to give the text the band's room.
    let (mut fixed, mut room) = parts(Some(t.qr.size))?;
    let side_by_side = best_scale(room, fit(Lists::SideBySide, None));
    // Stacked wins only with larger type. When side by side holds the
    // template's size or more, stacked is tried from one step larger and
    // left out if that does not fit (a layout tried fewer times: larger
    // type never takes less room).
    let stacked = match &side_by_side {
        Ok(l) if search == Search::Pruned && l.fit.scale >= 1.0 => {
            let start = l.fit.scale + GROW_STEP;
            let laid = (start <= max_scale + 1e-4).then(|| {
                attempt(
                    room,
                    Fit {
                        scale: start,
                        ..fit(Lists::Stacked, None)
                    },
                )
            });
            laid.filter(|l| l.bottom <= room.bottom())
                .map(|l| Ok(grow(l, room, max_scale)))
        }
        _ => Some(best_scale(room, fit(Lists::Stacked, None))),
    };
    let mut tries = vec![(side_by_side, None)];
    tries.extend(stacked.map(|l| (l, None)));
    let shrinks = tries
        .iter()
        .all(|(l, _)| l.as_ref().map_or(true, |l| l.fit.scale < 1.0));
    if shrinks {
        let cornered = parts(None)?;
        for lists in [Lists::SideBySide, Lists::Stacked] {
            let laid = best_scale(cornered.1, fit(lists, Some(t.qr.size)));
            tries.push((laid, Some(cornered.clone())));
        }
    }
    let mut best: Option<(Laid, Option<Parts>)> = None;
    let mut closest: Option<(Laid, Rect)> = None;
    for (laid, parts) in tries {
        let r = parts.as_ref().map_or(room, |p| p.1);
        match laid {
            Ok(l)
                if best
                    .as_ref()
                    .is_none_or(|b| l.fit.scale > b.0.fit.scale + 1e-4) =>
            {
                best = Some((l, parts))
            }
            Ok(_) => {}
            Err(l) => {
                if closest
                    .as_ref()
                    .is_none_or(|(c, cr)| l.bottom - r.bottom() < c.bottom - cr.bottom())
                {
                    closest = Some((l, r));
                }
            }
        }
    }
    let Some((mut laid, cornered)) = best else {
        let (l, r) = closest.expect("an arrangement was tried");
        // A margin the user's template widened is what to fix first.
        if let Some(d) = t.margin_overflow(p.path()) {
            return Err(d.into());
        }
        return Err(overflow(p, t, &l.blocks, r, l.bottom - r.bottom()).into());
    };
    if let Some((f, r)) = cornered {
        (fixed, room) = (f, r);
    }
    // Room left over at the largest type goes to a larger code (scanned
    // from further away), then to larger text, then to the space between
    // the parts, so that a short procedure's poster is not left half blank.
    if laid.fit.corner.is_none() {
        let qr_max = QR_MAX_A4 * w / (210.0 * MM);
        let spare = room.bottom() - laid.bottom;
        let side = (t.qr.size + spare / MM).min(qr_max.max(t.qr.size));
        if side > t.qr.size + 1.0 {
            let (f, r) = parts(Some(side))?;
            let bigger = attempt(r, laid.fit);
            if bigger.bottom <= r.bottom() {
                (fixed, room, laid) = (f, r, bigger);
            }
        }
        // Text past the template's largest size: only when a quarter of
        // the room is still empty, so a full poster's type stays even.
        if room.bottom() - laid.bottom > room.h * 0.25 {
            laid = grow(laid, room, max_scale.max(SPARSE_SCALE));
        }
        let spare = room.bottom() - laid.bottom;
        // How far one millimetre more at every gap moves the bottom.
        let per_mm = attempt(
            room,
            Fit {
                stretch: MM,
                ..laid.fit
            },
        )
        .bottom
            - laid.bottom;
        if spare > 2.0 * MM && per_mm > 0.0 {
            let stretch = (spare / per_mm * MM).min(MAX_STRETCH * MM);
            let spread = attempt(
                room,
                Fit {
                    stretch,
                    ..laid.fit
                },
            );
            if spread.bottom <= room.bottom() {
                laid = spread;
            }
        }
    }
    let (items, scale) = (laid.items, laid.fit.scale);
    fixed.extend(items);
    check_drawn_glyphs(&fixed)?;
    let mut warnings = Diagnostics::new();
    if scale < 1.0 {
        warnings.push(
            Diagnostic::warning(crate::t!(
                "poster-shrunk",
                from = t.sizes.body,
                to = crate::i18n::decimal((t.sizes.body * scale) as f64, 1),
                paper = t.paper().to_string()
            ))
            .in_file(p.path())
            .with_hint(if is_a4_portrait(t) {
                crate::t!("poster-shrunk-a4-hint")
            } else {
                crate::t!("poster-shrunk-hint")
            }),
        );
    }
    if let Some(w) = small_modules(p, matrix, t.qr.size, || {
        crate::t!("where-poster", paper = t.paper().to_string())
    }) {
        warnings.push(w);
    }
    Ok(Poster {
        page: Page::new(w, h, fixed),
        body_size: t.sizes.body * scale,
        shrunk: scale < 1.0,
        qr_url,
        warnings,
    })
}

fn overflow(p: &Procedure, t: &Template, blocks: &[Extent], room: Rect, excess: f32) -> Diagnostic {
    let first = blocks
        .iter()
        .find(|b| b.bottom > room.bottom())
        .or(blocks.last());
    let (field, offset) = first.map_or(("title", p.title.offset), |b| (b.field, b.offset));
    p.error_at(
        offset,
        crate::t!(
            "poster-overflow",
            paper = t.paper().to_string(),
            mm = format!("{:.0}", (excess / MM).ceil()),
            pt = t.sizes.min_body,
            field = field
        ),
    )
    .with_hint(if is_a4_portrait(t) {
        crate::t!("poster-overflow-a4-hint", field = field)
    } else {
        crate::t!("poster-overflow-hint", field = field)
    })
}

/// An A4 poster, for which the hints add "--size a3".
fn is_a4_portrait(t: &Template) -> bool {
    t.paper().iso() == Some(("A4", false))
}

fn header(
    items: &mut Vec<Item>,
    p: &Procedure,
    campaign: Option<&Campaign>,
    t: &Template,
    labels: &Labels,
    frame: Rect,
) -> Result<f32, Diagnostic> {
    let c = &t.colors;
    let s = &t.sizes;
    let issuer = campaign.map(|c| &c.issuer);
    let locality = match issuer {
        Some(i) => i.locality.as_ref().map(|l| l.value.as_str()),
        // Without a campaign the procedure's agency says who serves the citizen.
        None => p.agency.as_ref().map(|a| a.value.as_str()),
    };

    let mut x = frame.x;
    let mut bottom = frame.y;
    let logo_h = s.issuer * 4.2;
    if let Some(logo) = issuer.and_then(|i| i.logo.as_ref()) {
        let (iw, ih) = logo.image.dimensions();
        let lw = (logo_h * iw as f32 / ih.max(1) as f32).min(logo_h * 2.0);
        items.push(Item::Image {
            rect: Rect::new(x, frame.y, lw, logo_h),
            image: logo.image.clone(),
            matte: Color::WHITE,
            id: ImageId::of_file(&logo.path),
        });
        x += lw + 4.0 * MM;
        bottom = frame.y + logo_h;
    }

    // Right: the procedure's code and field, small; left: the issuer.
    let meta_w = frame.w * 0.34;
    let meta_style = Style::new(Regular, s.meta, 1.35, c.muted);
    let mut meta = Vec::new();
    if let Some(code) = &p.code {
        meta.push(format!("{}: {}", labels.code, code.value));
    }
    if let Some(field) = &p.field {
        meta.push(format!("{}: {}", labels.field, field.value));
    }
    let mut my = frame.y;
    for line in &meta {
        my += column::paragraph(
            items,
            line,
            meta_style,
            frame.right() - meta_w,
            my,
            meta_w,
            Align::Right,
        ) + s.meta * 0.35;
    }

    let text_w = frame.right() - meta_w - 4.0 * MM - x;
    let name_text = issuer
        .and_then(|i| i.name.as_ref())
        .map_or(labels.default_issuer.as_str(), |n| n.value.as_str());
    let name = Lines::wrap(
        &name_text.to_uppercase(),
        Style::new(Bold, s.issuer, 1.2, c.accent),
        text_w,
    );
    let locality =
        locality.map(|l| Lines::wrap(l, Style::new(Regular, s.meta * 1.05, 1.3, c.ink), text_w));
    if let Some(campaign) = campaign {
        let i = &campaign.issuer;
        too_many_lines(
            campaign,
            "issuer.name",
            i.name.as_ref(),
            name.lines.len(),
            3,
        )?;
        let locality_lines = locality.as_ref().map_or(0, |l| l.lines.len());
        too_many_lines(
            campaign,
            "issuer.locality",
            i.locality.as_ref(),
            locality_lines,
            2,
        )?;
    }
    let spacing = s.meta * 0.4;
    let text_h = name.height() + locality.as_ref().map_or(0.0, |l| spacing + l.height());
    // Beside a logo, the issuer's name is centred on it.
    let mut y = frame.y + ((bottom - frame.y) - text_h).max(0.0) / 2.0;
    y += name.place(items, x, y, text_w, Align::Left);
    if let Some(loc) = locality {
        y += spacing + loc.place(items, x, y + spacing, text_w, Align::Left);
    }
    let rule_y = bottom.max(y).max(my) + 3.0 * MM;
    let rule_h = 0.6 * MM;
    items.push(Item::Rect {
        rect: Rect::new(frame.x, rule_y, frame.w, rule_h),
        fill: c.accent,
        radius: 0.0,
    });
    Ok(rule_y + rule_h + t.gap * MM)
}

/// Header and footer lines are few by design; a campaign text that needs
/// more is refused at its line rather than squeezing the procedure out.
fn too_many_lines(
    campaign: &Campaign,
    key: &str,
    value: Option<&Located<String>>,
    lines: usize,
    max: usize,
) -> Result<(), Diagnostic> {
    match value {
        Some(v) if lines > max => Err(campaign
            .src
            .error_at(
                v.offset,
                crate::t!("poster-key-lines", key = key, lines = lines, max = max),
            )
            .with_hint(crate::t!("poster-key-lines-hint"))),
        _ => Ok(()),
    }
}

/// The QR panel and the footer under it; returns the top of the panel's gap.
fn qr_panel(
    items: &mut Vec<Item>,
    code: &Code,
    band: Option<f32>,
    campaign: Option<&Campaign>,
    t: &Template,
    labels: &Labels,
    frame: Rect,
) -> Result<f32, Diagnostic> {
    let c = &t.colors;
    let s = &t.sizes;
    let mut bottom = frame.bottom();

    if let Some(campaign) = campaign {
        let i = &campaign.issuer;
        let fields = [
            ("issuer.hotline", &labels.hotline, i.hotline.as_ref()),
            ("issuer.address", &labels.address, i.address.as_ref()),
            (
                "issuer.office_hours",
                &labels.office_hours,
                i.office_hours.as_ref(),
            ),
        ];
        let present: Vec<_> = fields
            .iter()
            .filter_map(|(k, l, v)| v.map(|v| (*k, *l, v)))
            .collect();
        let parts: Vec<String> = present
            .iter()
            .map(|(_, label, v)| format!("{label}: {}", v.value))
            .collect();
        if !parts.is_empty() {
            let style = Style::new(Regular, s.footer(), 1.3, c.ink);
            let lines = Lines {
                lines: join_parts(&parts, style, frame.w),
                style,
            };
            if let Some((key, _, longest)) = present.iter().max_by_key(|(_, _, v)| v.value.len()) {
                too_many_lines(campaign, key, Some(longest), lines.lines.len(), 3)?;
            }
            let fh = lines.height();
            lines.place(items, frame.x, bottom - fh, frame.w, Align::Center);
            bottom -= fh + 3.0 * MM;
        }
    }

    let Some(side_mm) = band else {
        return Ok(bottom - t.gap * MM);
    };
    let pad = 5.0 * MM;
    let side = side_mm * MM;
    let panel = Rect::new(
        frame.x,
        bottom - side - 2.0 * pad,
        frame.w,
        side + 2.0 * pad,
    );
    accent_qr_panel(
        items,
        panel,
        code,
        t,
        labels,
        Spacing {
            pad,
            radius: 3.0 * MM,
            inset: 2.0 * MM,
            gap: 3.0 * MM,
        },
    );

    Ok(panel.y - t.gap * MM)
}

/// Joins short parts with a middle dot, starting a new line between parts
/// rather than inside one where it can ("Giờ làm việc: ..." stays whole).
fn join_parts(parts: &[String], style: Style, width: f32) -> Vec<String> {
    let font = style.font.font();
    let mut lines: Vec<String> = Vec::new();
    for part in parts {
        if let Some(last) = lines.last_mut() {
            let joined = format!("{last}  ·  {part}");
            if font.width(&joined, style.size) <= width {
                *last = joined;
                continue;
            }
        }
        lines.extend(Lines::wrap(part, style, width).lines);
    }
    lines
}

/// The procedure's own text, at `scale` × the template's sizes.
fn content(
    items: &mut Vec<Item>,
    p: &Procedure,
    code: &Code,
    t: &Template,
    labels: &Labels,
    room: Rect,
    fit: Fit,
) -> Vec<Extent> {
    let c = &t.colors;
    let s = &t.sizes;
    let scale = fit.scale;
    let sized = |normal: f32| (normal * scale).max(s.min_body.min(normal));
    let gap = t.gap * MM * scale.max(0.6) + fit.stretch;
    let mut blocks = Vec::new();
    let mut y = room.y;
    // With the code in the top corner, the title, summary and key facts
    // take the width beside it.
    let panel_w = fit.corner.map_or(0.0, |side| side * MM + 2.0 * CORNER_PAD);
    let upper = match fit.corner {
        Some(_) => Rect {
            w: room.w - panel_w - 6.0 * MM,
            ..room
        },
        None => room,
    };

    let mut kicker = labels.kicker.to_uppercase();
    if let Some(field) = &p.field {
        kicker = format!("{kicker}  ·  {}", field.value.to_uppercase());
    }
    y += column::paragraph(
        items,
        &kicker,
        Style::new(Bold, s.kicker, 1.2, c.accent),
        upper.x,
        y,
        upper.w,
        Align::Left,
    );
    y += 2.0 * MM;
    // A long title steps down in size until it takes two lines, or reaches the minimum.
    // Past the template's largest body size (a sparse poster) the title
    // grows with the text, up to half as large again.
    let past = scale / (s.max_body / s.body).max(1.0);
    let title_scale = if past > 1.0 {
        (1.1 * past).min(1.5)
    } else {
        scale.min(1.1)
    };
    let mut title_size = (s.title * title_scale).max(s.min_title);
    let mut title = Lines::balanced(
        &p.title.value,
        Style::new(Bold, title_size, 1.12, c.ink),
        upper.w,
    );
    while title.lines.len() > 2 && title_size > s.min_title {
        title_size = (title_size - 2.0).max(s.min_title);
        title = Lines::balanced(
            &p.title.value,
            Style::new(Bold, title_size, 1.12, c.ink),
            upper.w,
        );
    }
    y += title.place(items, upper.x, y, upper.w, Align::Left);
    blocks.push(Extent {
        field: "title",
        offset: p.title.offset,
        bottom: y,
    });

    if let Some(summary) = &p.summary {
        // The summary stays close under its title however the page stretches.
        y += (gap - fit.stretch) * 0.6;
        y += column::paragraph(
            items,
            &summary.value,
            Style::new(Regular, sized(s.summary), 1.35, c.muted),
            upper.x,
            y,
            upper.w,
            Align::Left,
        );
        blocks.push(Extent {
            field: "summary",
            offset: summary.offset,
            bottom: y,
        });
    }

    y = facts_box(
        items,
        p,
        t,
        labels,
        Rect {
            y: y + gap,
            ..upper
        },
        &sized,
        &mut blocks,
    );

    // The foot of the corner panel: the lists go under it.
    let corner_bottom = fit.corner.map_or(y, |side| {
        let x = room.right() - panel_w;
        corner_panel(items, code, side * MM, x, room.y, t, labels)
    });

    let body = Style::new(Regular, sized(s.body), 1.3, c.ink);
    let heading = Style::new(Bold, sized(s.heading), 1.2, c.accent);
    let docs: Vec<&str> = p.documents.iter().map(|d| d.value.as_str()).collect();
    let steps: Vec<&str> = p.steps.iter().map(|d| d.value.as_str()).collect();
    let sections = [
        (
            labels.documents.as_str(),
            docs,
            Marker::Bullet(c.accent),
            "documents",
            p.documents.first(),
        ),
        (
            labels.steps.as_str(),
            steps,
            Marker::Number {
                fill: c.accent,
                text: c.on_accent,
            },
            "steps",
            p.steps.first(),
        ),
    ];
    let present: Vec<_> = sections.into_iter().filter(|s| !s.1.is_empty()).collect();
    match fit.lists {
        Lists::SideBySide if !present.is_empty() => {
            y = y.max(corner_bottom) + gap;
            let col_gap = 8.0 * MM;
            let col_w = (room.w - col_gap * (present.len() - 1) as f32) / present.len() as f32;
            let mut col_bottoms = Vec::new();
            for (i, (label, entries, marker, field, first)) in present.into_iter().enumerate() {
                let x = room.x + i as f32 * (col_w + col_gap);
                let mut cy = y;
                cy += column::ruled_heading(items, label, heading, x, cy, col_w, 12.0 * MM)
                    + 2.5 * MM;
                cy += column::list(items, &entries, body, marker, x, cy, col_w);
                col_bottoms.push((field, first.map_or(0, |l| l.offset), cy));
            }
            // The taller column is the one that overflows first.
            col_bottoms.sort_by(|a, b| a.2.total_cmp(&b.2));
            for (field, offset, bottom) in col_bottoms {
                blocks.push(Extent {
                    field,
                    offset,
                    bottom,
                });
            }
            y = blocks.last().map_or(y, |b| b.bottom);
        }
        // Neither list (a row of a list): the page says where they are
        // rather than leave their room blank; not on a crowded poster.
        _ if present.is_empty() && fit.scale >= 1.0 => {
            y = y.max(corner_bottom) + gap;
            y += column::ruled_heading(
                items,
                &labels.lists_elsewhere,
                heading,
                room.x,
                y,
                room.w,
                12.0 * MM,
            ) + 2.5 * MM;
            y += column::paragraph(
                items,
                &labels.lists_elsewhere_text,
                body,
                room.x,
                y,
                room.w,
                Align::Left,
            );
            blocks.push(Extent {
                field: "title",
                offset: p.title.offset,
                bottom: y,
            });
        }
        Lists::SideBySide => {}
        Lists::Stacked => {
            for (label, entries, marker, field, first) in present {
                // The first heading goes beside the corner panel when the
                // room under the key facts holds it.
                let mut scratch = Vec::new();
                let heading_h = column::ruled_heading(
                    &mut scratch,
                    label,
                    heading,
                    0.0,
                    0.0,
                    upper.w,
                    12.0 * MM,
                ) + 2.5 * MM;
                if y + gap + heading_h <= corner_bottom {
                    y += gap;
                    column::ruled_heading(items, label, heading, upper.x, y, upper.w, 12.0 * MM);
                    y = corner_bottom + 1.5 * MM;
                } else {
                    y = y.max(corner_bottom) + gap;
                    y += column::ruled_heading(items, label, heading, room.x, y, room.w, 12.0 * MM)
                        + 2.5 * MM;
                }
                y += two_columns(items, &entries, body, marker, Rect { y, ..room });
                blocks.push(Extent {
                    field,
                    offset: first.map_or(0, |l| l.offset),
                    bottom: y,
                });
            }
        }
    }

    if !p.legal_basis.is_empty() {
        y += gap;
        let text: Vec<&str> = p.legal_basis.iter().map(|l| l.value.as_str()).collect();
        let label_style = Style::new(Bold, sized(s.legal), 1.3, c.muted);
        let line = format!("{}: {}", labels.legal_basis, text.join("; "));
        y += column::paragraph(
            items,
            &line,
            Style {
                font: Regular,
                ..label_style
            },
            room.x,
            y,
            room.w,
            Align::Left,
        );
        blocks.push(Extent {
            field: "legal_basis",
            offset: p.legal_basis[0].offset,
            bottom: y,
        });
    }
    blocks
}

/// A list across `at`'s width: in two columns, split where they come out
/// most even, when it has five items or more; returns its height.
fn two_columns(
    items: &mut Vec<Item>,
    entries: &[&str],
    style: Style,
    marker: Marker,
    at: Rect,
) -> f32 {
    if entries.len() < 5 {
        return column::list(items, entries, style, marker, at.x, at.y, at.w);
    }
    let col_gap = 8.0 * MM;
    let col_w = (at.w - col_gap) / 2.0;
    // Each item's height once; a column's is their sum and the spacing.
    let heights: Vec<f32> = entries
        .iter()
        .map(|e| column::list(&mut Vec::new(), &[e], style, marker, 0.0, 0.0, col_w))
        .collect();
    let spacing = column::item_spacing(style);
    let column_h = |part: &[f32]| part.iter().sum::<f32>() + spacing * (part.len() - 1) as f32;
    let split = (1..entries.len())
        .min_by(|&a, &b| {
            let tallest = |k: usize| column_h(&heights[..k]).max(column_h(&heights[k..]));
            tallest(a).total_cmp(&tallest(b))
        })
        .unwrap_or(1);
    let left = column::list_from(
        items,
        &entries[..split],
        0,
        style,
        marker,
        Rect { w: col_w, ..at },
    );
    let right = column::list_from(
        items,
        &entries[split..],
        split,
        style,
        marker,
        Rect {
            x: at.x + col_w + col_gap,
            w: col_w,
            ..at
        },
    );
    left.max(right)
}

/// The padding of the code's corner panel.
const CORNER_PAD: f32 = 3.5 * MM;

/// The code in the top right corner on an accent panel, the call to action
/// and the printed address under it; returns the panel's foot.
fn corner_panel(
    items: &mut Vec<Item>,
    code: &Code,
    side: f32,
    x: f32,
    top: f32,
    t: &Template,
    labels: &Labels,
) -> f32 {
    let (c, s) = (&t.colors, &t.sizes);
    let pad = CORNER_PAD;
    let cta = Lines::balanced(
        &labels.cta,
        Style::new(Bold, s.cta * 0.55, 1.15, c.on_accent),
        side,
    );
    let link = column::url_lines(
        &code.shown,
        Style::new(Regular, s.url, 1.3, c.on_accent),
        side,
        s.url * 3.0,
    );
    let h = pad + side + 2.0 * MM + cta.height() + 1.5 * MM + link.height() + pad;
    items.push(Item::Rect {
        rect: Rect::new(x, top, side + 2.0 * pad, h),
        fill: c.accent,
        radius: 3.0 * MM,
    });
    items.extend(crate::layout::qr_item(
        Rect::new(x + pad, top + pad, side, side),
        &code.matrix,
        c.ink,
        &code.href,
    ));
    let mut y = top + pad + side + 2.0 * MM;
    y += cta.place(items, x + pad, y, side, Align::Center) + 1.5 * MM;
    link.place(items, x + pad, y, side, Align::Center);
    top + h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::testing::{job, shipped};
    use crate::model::Located;
    use crate::style::{Labels, Template};

    /// Lists of every length from short to long, on A4 and A3: the pruned
    /// search lays out exactly the poster the full one does (the same
    /// items, the same size), and says the same when nothing fits.
    #[test]
    fn the_pruned_search_makes_the_poster_the_full_search_makes() {
        let all = shipped();
        let docs: Vec<Located<String>> = all.iter().flat_map(|p| p.documents.clone()).collect();
        let steps: Vec<Located<String>> = all.iter().flat_map(|p| p.steps.clone()).collect();
        let labels = Labels::vietnamese();
        let mut grown = 0;
        for preset in ["poster-a4", "poster-a3"] {
            let t = Template::builtin(preset).unwrap();
            let cases = [
                (1, 1),
                (1, 6),
                (2, 3),
                (3, 6),
                (6, 2),
                (5, 9),
                (9, 5),
                (12, 12),
                (30, 30),
            ];
            for (n_docs, n_steps) in cases {
                let mut p = all[1].clone();
                p.documents = docs.iter().cycle().take(n_docs).cloned().collect();
                p.steps = steps.iter().cycle().take(n_steps).cloned().collect();
                let j = job(OutputKind::Poster, &[p], None, &t, &labels);
                let pruned = lay_out(&j, &j.entries[0], Search::Pruned);
                let every = lay_out(&j, &j.entries[0], Search::Every);
                let what = format!("{preset}, {n_docs} documents, {n_steps} steps");
                match (pruned, every) {
                    (Ok(a), Ok(b)) => {
                        assert_eq!(a.body_size, b.body_size, "{what}");
                        assert_eq!(format!("{:?}", a.page), format!("{:?}", b.page), "{what}");
                        grown += usize::from(a.body_size > t.sizes.body + 0.01);
                    }
                    (Err(a), Err(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}"), "{what}"),
                    (a, b) => panic!("{what}: {:?} against {:?}", a.is_ok(), b.is_ok()),
                }
            }
        }
        // The cases include posters whose type grew past the template's,
        // one of them (A3, one document and six steps) stacked.
        assert!(grown > 0);
    }
}
