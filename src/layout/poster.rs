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
use crate::layout::template::{Labels, Template};
use crate::layout::{accent_qr_panel, check_drawn_glyphs, check_glyphs, small_modules, Spacing};
use crate::model::{Campaign, Located, OutputKind, Procedure};
use crate::scene::{Color, ImageId, Item, Page, Rect, MM};
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

/// The poster of one of `job`'s procedures.
pub fn poster(job: &Job, entry: &Coded) -> Result<Poster, Diagnostics> {
    let (p, campaign, t, labels) = (
        &entry.procedure,
        job.campaign.as_ref(),
        &job.template,
        &job.labels,
    );
    check_glyphs(p)?;
    let qr_url = entry.code.href.clone();
    let matrix = &entry.code.matrix;
    matrix.side(OutputKind::Poster.qr_policy(), t.qr.size).map_err(|e| {
        p.error_at(p.url.offset, e.to_string()).with_hint(
            "use a shorter URL (the portal's page for the procedure code is short) or fewer tracking parameters; A3 posters have a larger code (--size a3)",
        )
    })?;

    let (w, h) = (t.page_width(), t.page_height());
    let m = t.margin * MM;
    let frame = Rect::new(m, m, w - 2.0 * m, h - 2.0 * m);
    let mut fixed = Vec::new();
    let content_top = header(&mut fixed, p, campaign, t, labels, frame)?;
    let content_bottom = qr_panel(&mut fixed, &entry.code, campaign, t, labels, frame)?;
    let room = Rect::new(frame.x, content_top, frame.w, content_bottom - content_top);

    let attempt = |scale: f32| {
        let mut items = Vec::new();
        let blocks = content(&mut items, p, t, labels, room, scale);
        let bottom = blocks.last().map_or(room.y, |b| b.bottom);
        (items, blocks, bottom)
    };
    let fits = |bottom: f32| bottom <= room.bottom();

    // Short content grows (up to the template's largest body size) so that
    // the poster reads from further away; long content shrinks.
    let min_scale = (t.sizes.min_body / t.sizes.body).min(1.0);
    let max_scale = (t.sizes.max_body / t.sizes.body).max(1.0);
    let mut scale = 1.0f32;
    let (mut items, mut blocks, mut bottom) = attempt(scale);
    if fits(bottom) {
        while scale + GROW_STEP <= max_scale + 1e-4 {
            let bigger = attempt(scale + GROW_STEP);
            if !fits(bigger.2) {
                break;
            }
            scale += GROW_STEP;
            (items, blocks, bottom) = bigger;
        }
    }
    while !fits(bottom) {
        if scale <= min_scale {
            return Err(overflow(p, t, &blocks, room, bottom - room.bottom()).into());
        }
        scale = (scale - SHRINK_STEP).max(min_scale);
        (items, blocks, bottom) = attempt(scale);
    }
    fixed.extend(items);
    check_drawn_glyphs(&fixed)?;
    let mut warnings = Diagnostics::new();
    if scale < 1.0 {
        warnings.push(
            Diagnostic::warning(format!(
                "the text was shrunk from {} pt to {:.1} pt to fit on one {} page",
                t.sizes.body,
                t.sizes.body * scale,
                t.paper()
            ))
            .in_file(p.path())
            .with_hint(if t.paper().iso() == Some(("A4", false)) {
                "shorter texts, or --size a3, print larger"
            } else {
                "shorter texts print larger"
            }),
        );
    }
    if let Some(w) = small_modules(p, matrix, t.qr.size, &format!("{} poster", t.paper())) {
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
        format!(
            "the text does not fit on one {} poster: it is {:.0} mm too long even at the smallest body size ({} pt); the overflow starts in `{field}`",
            t.paper(),
            excess / MM,
            t.sizes.min_body
        ),
    )
    .with_hint(format!(
        "shorten `{field}` (or the longest lists); the full text stays on the page the QR code opens{}",
        if t.paper().iso() == Some(("A4", false)) { ". A larger page also helps: --size a3" } else { "" }
    ))
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
            .error_at(v.offset, format!("`{key}` takes {lines} lines on the poster, more than the {max} it has room for"))
            .with_hint("shorten it; the full details can go on the page the QR code opens")),
        _ => Ok(()),
    }
}

/// The QR panel and the footer under it; returns the top of the panel's gap.
fn qr_panel(
    items: &mut Vec<Item>,
    code: &Code,
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

    let pad = 5.0 * MM;
    let side = t.qr.size * MM;
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
    t: &Template,
    labels: &Labels,
    room: Rect,
    scale: f32,
) -> Vec<Extent> {
    let c = &t.colors;
    let s = &t.sizes;
    let sized = |normal: f32| (normal * scale).max(s.min_body.min(normal));
    let gap = t.gap * MM * scale.max(0.6);
    let mut blocks = Vec::new();
    let mut y = room.y;

    let mut kicker = labels.kicker.to_uppercase();
    if let Some(field) = &p.field {
        kicker = format!("{kicker}  ·  {}", field.value.to_uppercase());
    }
    y += column::paragraph(
        items,
        &kicker,
        Style::new(Bold, s.kicker, 1.2, c.accent),
        room.x,
        y,
        room.w,
        Align::Left,
    );
    y += 2.0 * MM;
    // A long title steps down in size until it takes two lines, or reaches the minimum.
    let mut title_size = (s.title * scale.min(1.1)).max(s.min_title);
    let mut title = Lines::balanced(
        &p.title.value,
        Style::new(Bold, title_size, 1.12, c.ink),
        room.w,
    );
    while title.lines.len() > 2 && title_size > s.min_title {
        title_size = (title_size - 2.0).max(s.min_title);
        title = Lines::balanced(
            &p.title.value,
            Style::new(Bold, title_size, 1.12, c.ink),
            room.w,
        );
    }
    y += title.place(items, room.x, y, room.w, Align::Left);
    blocks.push(Extent {
        field: "title",
        offset: p.title.offset,
        bottom: y,
    });

    if let Some(summary) = &p.summary {
        y += gap * 0.6;
        y += column::paragraph(
            items,
            &summary.value,
            Style::new(Regular, sized(s.summary), 1.35, c.muted),
            room.x,
            y,
            room.w,
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
        Rect { y: y + gap, ..room },
        &sized,
        &mut blocks,
    );

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
    if !present.is_empty() {
        y += gap;
        let col_gap = 8.0 * MM;
        let col_w = (room.w - col_gap * (present.len() - 1) as f32) / present.len() as f32;
        let mut col_bottoms = Vec::new();
        for (i, (label, entries, marker, field, first)) in present.into_iter().enumerate() {
            let x = room.x + i as f32 * (col_w + col_gap);
            let mut cy = y;
            cy += column::ruled_heading(items, label, heading, x, cy, col_w, 12.0 * MM) + 2.5 * MM;
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
