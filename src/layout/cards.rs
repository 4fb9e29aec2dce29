//! Cut-out QR cards (85 × 55 mm, business-card size) for door-to-door
//! visits: ten to an A4 sheet, with crop marks around the grid. Each card:
//! the issuer, the procedure's title, one line of what it is for, the
//! hotline, and the QR code, its modules on the 1/150-inch grid so that it
//! stays crisp at every common printer and screen resolution.

use crate::diag::{Diagnostic, Diagnostics};
use crate::job::{Coded, Job};
use crate::layout::column::{Align, Lines, Style};
use crate::layout::{check_drawn_glyphs, check_glyphs, qr_item};
use crate::qr::{QrPolicy, MIN_MODULE_MM};
use crate::scene::{Color, Item, Page, Rect, MM};
use crate::text::FontKind::{Bold, Regular};

pub use crate::style::{CARD_H, CARD_W};
const COLUMNS: usize = 2;
const ROWS: usize = 5;
/// Cards on a sheet.
pub const PER_SHEET: usize = COLUMNS * ROWS;
/// One pixel at 150 dpi, in points: modules are whole multiples of it.
const GRID: f32 = 72.0 / 150.0;

/// Sheets of cards: each procedure's card `copies` times, in order.
pub fn cards(job: &Job) -> Result<(Vec<Page>, Diagnostics), Diagnostics> {
    let (t, copies) = (&job.template, job.copies);
    let (faces, warnings) = faces(job)?;
    let (w, h) = (t.page_width(), t.page_height());
    let x0 = snap((w - COLUMNS as f32 * CARD_W * MM) / 2.0);
    let y0 = snap((h - ROWS as f32 * CARD_H * MM) / 2.0);
    let per_sheet = COLUMNS * ROWS;
    let mut all: Vec<&Vec<Item>> = faces
        .iter()
        .flat_map(|f| std::iter::repeat_n(f, copies.max(1)))
        .collect();
    // Paper is money: the last sheet's empty slots take the cards again,
    // in order, unless asked not to.
    if job.fill_sheets && !all.is_empty() {
        let missing = all.len().next_multiple_of(per_sheet) - all.len();
        let again: Vec<&Vec<Item>> = all.iter().cycle().take(missing).copied().collect();
        all.extend(again);
    }
    let mut pages = Vec::new();
    for sheet in all.chunks(per_sheet) {
        let mut items = Vec::new();
        for (i, face) in sheet.iter().enumerate() {
            let (col, row) = (i % COLUMNS, i / COLUMNS);
            // On the grid, so that the code's modules stay on it.
            let dx = snap(x0 + col as f32 * CARD_W * MM);
            let dy = snap(y0 + row as f32 * CARD_H * MM);
            for item in face.iter() {
                let mut item = item.clone();
                item.translate(dx, dy);
                items.push(item);
            }
        }
        crop_marks(&mut items, x0, y0);
        check_drawn_glyphs(&items)?;
        pages.push(Page::new(w, h, items));
    }
    Ok((pages, warnings))
}

/// Each procedure's card on a page of its own, the card's size: for PNGs.
pub fn card_pages(job: &Job) -> Result<(Vec<Page>, Diagnostics), Diagnostics> {
    let (faces, warnings) = faces(job)?;
    let mut pages = Vec::new();
    for items in faces {
        check_drawn_glyphs(&items)?;
        pages.push(Page::new(CARD_W * MM, CARD_H * MM, items));
    }
    Ok((pages, warnings))
}

/// Every procedure's card laid out at the origin, or every problem.
fn faces(job: &Job) -> Result<(Vec<Vec<Item>>, Diagnostics), Diagnostics> {
    let mut diags = Diagnostics::new();
    // Under each code, what to do with it (the same on every card): the
    // campaign's slogan when it fits in two lines, else "Quét mã để xem
    // và nộp hồ sơ".
    let (t, c) = (&job.template, &job.template.colors);
    let style = Style::new(Bold, t.sizes.cta, 1.15, c.accent);
    let cta = job
        .campaign
        .as_ref()
        .and_then(|c| c.slogan.as_ref())
        .map(|s| Lines::wrap(&s.value, style, cta_width(t)))
        .filter(|l| l.lines.len() <= 2)
        .unwrap_or_else(|| Lines::wrap(&job.labels.card_cta, style, cta_width(t)));
    let mut faces = Vec::new();
    for e in &job.entries {
        match check_glyphs(&e.procedure).and_then(|_| card(job, e, &cta).map_err(Diagnostics::from))
        {
            Ok((items, warning)) => {
                faces.push(items);
                diags.extend(warning.into_iter().collect());
            }
            Err(d) => diags.extend(d),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok((faces, diags))
}

/// The width the words under a card's code wrap in.
fn cta_width(t: &crate::style::template::Template) -> f32 {
    (CARD_H * MM - 2.0 * t.margin * MM).min(t.qr.size * MM) * 0.85
}

/// The nearest grid line.
fn snap(v: f32) -> f32 {
    (v / GRID).round() * GRID
}

/// One card laid out at the origin. Its offset on the sheet is a whole
/// number of grid steps, so positions snapped here stay snapped there.
fn card(
    job: &Job,
    entry: &Coded,
    cta: &Lines,
) -> Result<(Vec<Item>, Option<Diagnostic>), Diagnostic> {
    let (p, campaign, t, labels) = (
        &entry.procedure,
        job.campaign.as_ref(),
        &job.template,
        &job.labels,
    );
    let c = &t.colors;
    let (url, matrix) = (&entry.code.href, &entry.code.matrix);
    let pad = t.margin * MM;
    let s = &t.sizes;
    let cta_room = cta_width(t);
    let cta_h = cta.height() + 1.0 * MM;
    // The code as large as the card allows under it, up to the template's size.
    let room = (CARD_H * MM - 2.0 * pad - cta_h).min(t.qr.size * MM);
    matrix.side(QrPolicy::FIXED, room / MM).map_err(|e| {
        p.error_at(p.url.offset, e.to_string())
            .with_hint(crate::t!("cards-url-hint"))
    })?;
    let module = ((room / matrix.total() as f32) / GRID).floor() * GRID;
    if module < MIN_MODULE_MM * MM {
        return Err(p
            .error_at(p.url.offset, crate::t!("cards-url-long"))
            .with_hint(crate::t!("hint-shorter-url")));
    }
    let side = module * matrix.total() as f32;
    let card_w = CARD_W * MM;
    let qr_x = snap(card_w - pad - side);
    let qr_y = snap((CARD_H * MM - side - cta_h) / 2.0);
    let mut items = qr_item(Rect::new(qr_x, qr_y, side, side), matrix, Color::BLACK, url);
    // Centred under the code, outside its quiet zone (words inside it
    // would spoil the scan).
    let cta_w = side.max(cta_room);
    let cta_y = qr_y + side + 0.5 * MM;
    cta.clone().place(
        &mut items,
        (qr_x + side / 2.0 - cta_w / 2.0).min(card_w - pad - cta_w),
        cta_y,
        cta_w,
        Align::Center,
    );

    let x = pad;
    let w = qr_x - 2.5 * MM - x;
    let mut y = pad;
    let issuer = Lines::wrap(
        &job.issuer.to_uppercase(),
        Style::new(Bold, s.issuer, 1.2, c.accent),
        w,
    );
    y += issuer
        .shortened(2, w)
        .place(&mut items, x, y, w, Align::Left)
        + t.gap * MM;
    let mut size = s.title;
    let mut title = Lines::balanced(&p.title.value, Style::new(Bold, size, 1.12, c.ink), w);
    while title.lines.len() > 4 && size > s.min_title {
        size -= 0.5;
        title = Lines::balanced(&p.title.value, Style::new(Bold, size, 1.12, c.ink), w);
    }
    // The hotline under its label, whole: a number cut short is no use.
    let footer = campaign.and_then(|c| c.issuer.hotline.as_ref()).map(|h| {
        let label = Lines::wrap(
            &format!("{}:", labels.hotline),
            Style::new(Regular, s.label, 1.25, c.muted),
            w,
        );
        let number = Lines::wrap(&h.value, Style::new(Bold, s.footer(), 1.2, c.accent), w);
        (label.shortened(1, w), number)
    });
    let footer_h = footer
        .as_ref()
        .map_or(0.0, |(l, n)| l.height() + 0.8 * MM + n.height());
    // A title longer than the card has room for, even at the smallest
    // size, is shortened visibly ("…"): the card only has to say which
    // procedure it is; its code opens the whole page.
    let room = CARD_H * MM - pad - footer_h - y;
    let line_h = title.style.size * title.style.leading;
    let fits = ((room - title.style.block_height(1)) / line_h)
        .floor()
        .max(0.0) as usize
        + 1;
    let mut warning = None;
    if title.height() > room {
        if fits < 2 {
            return Err(p
                .error_at(p.title.offset, crate::t!("cards-no-room"))
                .with_hint(crate::t!("cards-no-room-hint")));
        }
        warning = Some(
            p.error_at(
                p.title.offset,
                crate::t!("cards-title-shortened", lines = fits, pt = title.style.size),
            )
            .as_warning()
            .with_hint(crate::t!("cards-title-shortened-hint")),
        );
        title = title.shortened(fits, w);
    }
    y += title.place(&mut items, x, y, w, Align::Left) + t.gap * MM;
    // What the procedure is for: the summary's first sentence, whole, in
    // the lines the card has left (four at most), or nothing and a word
    // about it (a cut phrase misleads).
    if let Some(summary) = &p.summary {
        let first = summary.value.split(". ").next().unwrap_or(&summary.value);
        let style = Style::new(Regular, s.summary, 1.25, c.muted);
        // A long sentence gives its longest opening that ends at a clause
        // (";" or ",") and fits, of four words at least: a whole phrase.
        let mut lines = Lines::wrap(first, style, w);
        if lines.lines.len() > 4 {
            let ends = first.match_indices([';', ',']).map(|(i, _)| i);
            let clause = ends
                .rev()
                .map(|end| format!("{}.", first[..end].trim_end()))
                .filter(|c| c.split_whitespace().count() >= 4)
                .map(|c| Lines::wrap(&c, style, w))
                .find(|l| l.lines.len() <= 4);
            if let Some(clause) = clause {
                lines = clause;
            }
        }
        let room = CARD_H * MM - pad - footer_h - 1.0 * MM - y;
        if lines.lines.len() <= 4 && lines.height() <= room {
            lines.place(&mut items, x, y, w, Align::Left);
        } else if warning.is_none() {
            // Left out, and said: the office may want it on the card.
            warning = Some(
                p.error_at(summary.offset, crate::t!("cards-summary-left-out"))
                    .as_warning()
                    .with_hint(crate::t!("cards-summary-left-out-hint")),
            );
        }
    }
    if let Some((label, number)) = footer {
        let mut fy = CARD_H * MM - t.margin * MM - footer_h;
        fy += label.place(&mut items, x, fy, w, Align::Left) + 0.8 * MM;
        number.place(&mut items, x, fy, w, Align::Left);
    }
    Ok((items, warning))
}

/// Marks on the lines between cards, outside the grid, to cut along.
fn crop_marks(items: &mut Vec<Item>, x0: f32, y0: f32) {
    let (gw, gh) = (COLUMNS as f32 * CARD_W * MM, ROWS as f32 * CARD_H * MM);
    let (gap, len, thick) = (1.5 * MM, 5.0 * MM, 0.3);
    let mut mark = |rect: Rect| {
        items.push(Item::Rect {
            rect,
            fill: Color::BLACK,
            radius: 0.0,
        })
    };
    for i in 0..=COLUMNS {
        let x = snap(x0 + i as f32 * CARD_W * MM) - thick / 2.0;
        mark(Rect::new(x, y0 - gap - len, thick, len));
        mark(Rect::new(x, y0 + gh + gap, thick, len));
    }
    for j in 0..=ROWS {
        let y = snap(y0 + j as f32 * CARD_H * MM) - thick / 2.0;
        mark(Rect::new(x0 - gap - len, y, len, thick));
        mark(Rect::new(x0 + gw + gap, y, len, thick));
    }
}
