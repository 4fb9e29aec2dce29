//! One procedure's section: the poster's content in reading order (title,
//! its QR code with the call to action, key facts, documents, steps, legal
//! basis), flowing over as many pages as it needs.

use super::Frame;
use crate::diag::{Diagnostic, Diagnostics};
use crate::job::{Code, Coded};
use crate::layout::column::{self, Align, Lines, Marker, Style};
use crate::layout::facts::fact_rows;
use crate::layout::paginate::{self, line_blocks, list_blocks, Block};
use crate::layout::{accent_qr_panel, small_modules, Spacing};
use crate::model::OutputKind;
use crate::model::{Located, Procedure};
use crate::scene::{Item, Rect, MM};
use crate::style::template::{Labels, Template};
use crate::text::FontKind::{Bold, Regular};

/// The most pages one procedure may take: a section longer than this is a
/// legal text pasted in, not what a household needs.
const MAX_PAGES: usize = 12;

/// A laid-out section: each page's items, without running header or number.
pub struct Section {
    /// The section from the top of a fresh page.
    pub pages: Vec<Vec<Item>>,
    /// What `pages` were made of, to start the section lower on a page
    /// another section began ([`Section::from`]).
    pub blocks: Vec<Block>,
    /// The head a page after the first opens with.
    pub continuation: Block,
    pub qr_url: String,
    pub warning: Option<Diagnostic>,
}

pub fn section(
    entry: &Coded,
    opens_field: Option<&str>,
    frame: Frame,
    t: &Template,
    labels: &Labels,
) -> Result<Section, Diagnostics> {
    let p = &entry.procedure;
    let qr_url = entry.code.href.clone();
    let matrix = &entry.code.matrix;
    // The template's size is the least; a longer URL gets a larger code, up
    // to a third more, so that its modules still read at arm's length.
    let qr_mm = matrix
        .side(OutputKind::Handbook.qr_policy(), t.qr.size)
        .map_err(|e| {
            p.error_at(p.url.offset, e.to_string())
                .with_hint(crate::t!("hint-shorter-url"))
        })?;
    let c = &t.colors;
    let s = &t.sizes;
    let gap = t.gap * MM;
    let (x, w) = (frame.x, frame.w);
    // Two placements, tried: the code on a strip of its own, or beside
    // the title; the one with fewer pages wins, and on a tie the shorter.
    let build = |compact: Option<f32>| -> Vec<Block> {
        let mut blocks = Vec::new();
        if let Some(field) = opens_field {
            let band = field_band(field, t, x, w);
            blocks.push(match &p.field {
                Some(f) => band.source("field", f.offset),
                None => band,
            });
        }
        match compact {
            // The code beside the title and summary: a short section then
            // takes a third of a page and shares it with others.
            Some(side_mm) => {
                blocks.push(beside(p, &entry.code, side_mm, t, labels, x, w).keep_with_next())
            }
            None => {
                blocks.push(head(p, t, labels, x, w));
                if let Some(summary) = &p.summary {
                    let style = Style::new(Regular, s.summary, 1.35, c.muted);
                    blocks.extend(with_source(
                        line_blocks(Lines::wrap(&summary.value, style, w), x, false),
                        "summary",
                        summary,
                        gap * 0.6,
                    ));
                }
                // The head, the summary and the code go with what
                // follows: a section starts on a page only if its first
                // block (the facts, or the first list) starts there too.
                for b in &mut blocks {
                    b.keep_with_next = true;
                }
                blocks.push(
                    qr_strip(&entry.code, qr_mm, t, labels, x, w)
                        .space_before(gap)
                        .keep_with_next(),
                );
            }
        }

        // The key facts, row by row on one tinted band: a page may turn
        // between two rows, never inside one.
        let pad = 3.0 * MM;
        let rows = fact_rows(p, t, labels, x + pad, w - 2.0 * pad, &|s| s, 0.6 * MM);
        let n = rows.len();
        for (i, row) in rows.into_iter().enumerate() {
            // Rows 2.4 mm apart, the band 3 mm beyond the first and last.
            let above = if i == 0 { pad } else { 1.2 * MM };
            let below = if i + 1 == n { pad } else { 1.2 * MM };
            let h = above + row.height + below;
            let mut items = vec![Item::Rect {
                rect: Rect::new(x, 0.0, w, h),
                fill: c.tint,
                radius: 0.0,
            }];
            for mut item in row.items {
                item.translate(0.0, above);
                items.push(item);
            }
            let mut b = Block::new(items, h).source(row.field, row.offset);
            if i == 0 {
                b.space_before = gap;
            }
            // No row alone at a page's foot or top: the first two rows go
            // together, and so do the last two.
            b.keep_with_next = n > 1 && (i == 0 || i + 2 == n);
            blocks.push(b);
        }

        let body = Style::new(Regular, s.body, 1.3, c.ink);
        let lists = [
            (
                &labels.documents,
                &p.documents,
                "documents",
                Marker::Bullet(c.accent),
            ),
            (
                &labels.steps,
                &p.steps,
                "steps",
                Marker::Number {
                    fill: c.accent,
                    text: c.on_accent,
                },
            ),
        ];
        for (label, entries, field, marker) in lists {
            if entries.is_empty() {
                continue;
            }
            blocks.push(heading(label, t, x, w).space_before(gap * 0.9));
            let entries: Vec<(&str, usize)> = entries
                .iter()
                .map(|e| (e.value.as_str(), e.offset))
                .collect();
            let spacing = column::item_spacing(body);
            blocks.extend(list_blocks(&entries, field, body, marker, x, w, spacing));
        }

        // The legal basis in small type as one run-on paragraph, kept with
        // what comes before it: it is for the clerk, not the household,
        // and never a page's only content.
        if !p.legal_basis.is_empty() {
            let style = Style::new(Regular, s.legal, 1.3, c.muted);
            let text = format!(
                "{}: {}",
                labels.legal_basis,
                p.legal_basis
                    .iter()
                    .map(|e| e.value.trim_end_matches(['.', ';']))
                    .collect::<Vec<_>>()
                    .join("; ")
            );
            let lines = Lines::wrap(&text, style, w);
            let short = lines.lines.len() <= 3;
            if short {
                if let Some(last) = blocks.last_mut() {
                    last.keep_with_next = true;
                }
            }
            let first = &p.legal_basis[0];
            let mut legal = line_blocks(lines, x, short);
            for b in &mut legal {
                b.source = Some(("legal_basis", first.offset));
            }
            if let Some(b) = legal.first_mut() {
                b.space_before = gap;
            }
            blocks.extend(legal);
        }
        blocks
    };
    let head = continued(p, t, labels, x, w);
    let continuation = || head.clone();
    let paginate = |blocks: &Vec<Block>| {
        paginate::paginate(blocks.clone(), frame.top, frame.bottom, &continuation)
    };
    let beside_mm = matrix.side(BESIDE_QR, BESIDE_QR_MM).ok();
    let strip_blocks = build(None);
    let strip = paginate(&strip_blocks);
    let beside_blocks = beside_mm.map(|mm| build(Some(mm)));
    let (pages, blocks) = match (beside_blocks.as_ref().map(|b| (paginate(b), b)), &strip) {
        (Some((Ok(b), blocks)), Ok(a)) if fewer(&b, a, frame) => (Ok(b), blocks.clone()),
        _ => (strip, strip_blocks),
    };
    let pages = pages.map_err(|e| {
        if let Some(d) = t.margin_overflow(p.path()) {
            return d;
        }
        let (field, offset) = e.source.unwrap_or(("title", p.title.offset));
        p.error_at(
            offset,
            crate::t!(
                "section-field-long",
                field = field,
                paper = t.paper().to_string(),
                needs = format!("{:.0}", e.height / MM),
                room = format!("{:.0}", e.room / MM)
            ),
        )
        .with_hint(crate::t!("shorten-field-hint", field = field))
    })?;
    if pages.len() > MAX_PAGES {
        let longest = [
            ("documents", &p.documents),
            ("steps", &p.steps),
            ("legal_basis", &p.legal_basis),
        ]
        .into_iter()
        .filter_map(|(k, l)| {
            l.first()
                .map(|f| (k, f.offset, l.iter().map(|e| e.value.len()).sum::<usize>()))
        })
        .max_by_key(|(_, _, len)| *len);
        let (field, offset) = longest.map_or(
            (
                "summary",
                p.summary.as_ref().map_or(p.title.offset, |s| s.offset),
            ),
            |(k, o, _)| (k, o),
        );
        return Err(p
            .error_at(
                offset,
                crate::t!(
                    "section-pages",
                    pages = pages.len(),
                    max = MAX_PAGES,
                    field = field
                ),
            )
            .with_hint(crate::t!("section-pages-hint"))
            .into());
    }
    let warning = small_modules(p, matrix, qr_mm, || {
        crate::t!("where-handbook", paper = t.paper().to_string())
    });
    Ok(Section {
        pages,
        blocks,
        continuation: head,
        qr_url,
        warning,
    })
}

/// The code beside the title is at least 32 mm (quiet zone included, so
/// its modules span 26 mm or more), its modules 0.6 mm.
const BESIDE_QR_MM: f32 = 32.0;
const BESIDE_QR: crate::qr::QrPolicy = crate::qr::QrPolicy {
    grow_to_module_mm: 0.6,
    max_growth: 1.4,
};

impl Section {
    /// The section started at `y` on a page another section began: its
    /// pages, the first to go under that section; None when its first
    /// blocks (the head with the code) do not fit there, or when starting
    /// there takes more new pages than a fresh page would.
    pub fn from(&self, y: f32, frame: Frame) -> Option<Vec<Vec<Item>>> {
        let continuation = || self.continuation.clone();
        let pages = paginate::paginate_from(
            self.blocks.clone(),
            y,
            frame.top,
            frame.bottom,
            &continuation,
        )
        .ok()?;
        let started = pages.first().is_some_and(|p| !p.is_empty());
        (started && pages.len() - 1 <= self.pages.len()).then_some(pages)
    }
}

/// Whether `b` takes fewer pages than `a`, or as many with less on its last.
fn fewer(b: &[Vec<Item>], a: &[Vec<Item>], frame: Frame) -> bool {
    let last = |pages: &[Vec<Item>]| {
        pages.last().map_or(0.0, |p| {
            p.iter()
                .map(|i| i.bounds().bottom())
                .fold(frame.top, f32::max)
        })
    };
    b.len() < a.len() || (b.len() == a.len() && last(b) < last(a) - 1.0)
}

/// The head with the code at its right: kicker, title, code and summary
/// in the column beside it, the printed address under the code.
fn beside(
    p: &Procedure,
    code: &Code,
    side_mm: f32,
    t: &Template,
    labels: &Labels,
    x: f32,
    w: f32,
) -> Block {
    let (c, s) = (&t.colors, &t.sizes);
    let side = side_mm * MM;
    let col_w = w - side - 4.0 * MM;
    let mut items = Vec::new();
    // No kicker: the field goes on the code's line, to keep the block as
    // short as its code.
    let mut y = 0.0;
    let mut size = s.title * 0.85;
    let mut title = Lines::balanced(&p.title.value, Style::new(Bold, size, 1.12, c.ink), col_w);
    while title.lines.len() > 4 && size > s.min_title * 0.85 {
        size = (size - 1.0).max(s.min_title * 0.85);
        title = Lines::balanced(&p.title.value, Style::new(Bold, size, 1.12, c.ink), col_w);
    }
    y += title.place(&mut items, x, y, col_w, Align::Left);
    let mut meta = Vec::new();
    match (&p.code, code.shown.split_once(" · ")) {
        (Some(c), Some((site, _))) => meta.push(format!("{}: {} ({site})", labels.code, c.value)),
        (Some(c), None) => meta.push(format!("{}: {}", labels.code, c.value)),
        (None, _) => {}
    }
    if let Some(field) = &p.field {
        meta.push(format!("{}: {}", labels.field, field.value));
    }
    if !meta.is_empty() {
        y += 1.2 * MM;
        y += column::paragraph(
            &mut items,
            &meta.join("  ·  "),
            Style::new(Regular, s.meta, 1.3, c.muted),
            x,
            y,
            col_w,
            Align::Left,
        );
    }
    if let Some(summary) = &p.summary {
        y += 1.5 * MM;
        y += column::paragraph(
            &mut items,
            &summary.value,
            Style::new(Regular, s.summary * 0.95, 1.3, c.muted),
            x,
            y,
            col_w,
            Align::Left,
        );
    }
    // The call to action, pointing at the code.
    y += 2.0 * MM;
    y += column::paragraph(
        &mut items,
        &format!("{} →", labels.cta),
        Style::new(Bold, s.meta * 1.05, 1.25, c.accent),
        x,
        y,
        col_w,
        Align::Left,
    );
    let qr = Rect::new(x + w - side, 0.0, side, side);
    items.extend(crate::layout::qr_item(qr, &code.matrix, c.ink, &code.href));
    // A portal page needs no address under its code: the site and the
    // code are on the code's line already. Another site's address prints.
    let link_h = if code.shown.contains(" · ") {
        0.0
    } else {
        let link = column::url_lines(
            &code.shown,
            Style::new(Regular, s.url, 1.25, c.muted),
            side + 2.0 * MM,
            s.url * 3.0,
        );
        let h = link.height() + 1.0 * MM;
        link.place(
            &mut items,
            x + w - side - 1.0 * MM,
            side + 1.0 * MM,
            side + 2.0 * MM,
            Align::Center,
        );
        h
    };
    let h = y.max(side + link_h) + 1.5 * MM;
    items.push(Item::Rect {
        rect: Rect::new(x, h, w, 0.4 * MM),
        fill: c.accent,
        radius: 0.0,
    });
    Block::new(items, h + 0.4 * MM)
}

fn with_source(
    mut blocks: Vec<Block>,
    field: &'static str,
    value: &Located<String>,
    space_before: f32,
) -> Vec<Block> {
    for b in &mut blocks {
        b.source = Some((field, value.offset));
    }
    if let Some(first) = blocks.first_mut() {
        first.space_before = space_before;
    }
    blocks
}

/// The kicker, the title and the procedure code: one block that stays
/// with the first lines after it.
fn head(p: &Procedure, t: &Template, labels: &Labels, x: f32, w: f32) -> Block {
    let c = &t.colors;
    let s = &t.sizes;
    let mut items = Vec::new();
    let mut kicker = labels.kicker.to_uppercase();
    if let Some(field) = &p.field {
        kicker = format!("{kicker}  ·  {}", field.value.to_uppercase());
    }
    let mut y = column::paragraph(
        &mut items,
        &kicker,
        Style::new(Bold, s.kicker, 1.2, c.accent),
        x,
        0.0,
        w,
        Align::Left,
    );
    // A head too tall for a page is blamed on the longer of its texts.
    let kicker_height = y;
    y += 1.5 * MM;
    // A long title steps down in size until it takes three lines or fewer.
    let mut size = s.title;
    let mut title = Lines::balanced(&p.title.value, Style::new(Bold, size, 1.12, c.ink), w);
    while title.lines.len() > 3 && size > s.min_title {
        size = (size - 1.5).max(s.min_title);
        title = Lines::balanced(&p.title.value, Style::new(Bold, size, 1.12, c.ink), w);
    }
    let title_height = title.place(&mut items, x, y, w, Align::Left);
    y += title_height;
    let blamed = match &p.field {
        Some(f) if kicker_height > title_height => ("field", f.offset),
        _ => ("title", p.title.offset),
    };
    if let Some(code) = &p.code {
        y += 1.2 * MM;
        y += column::paragraph(
            &mut items,
            &format!("{}: {}", labels.code, code.value),
            Style::new(Regular, s.meta, 1.3, c.muted),
            x,
            y,
            w,
            Align::Left,
        );
    }
    y += 1.8 * MM;
    items.push(Item::Rect {
        rect: Rect::new(x, y, w, 0.4 * MM),
        fill: c.accent,
        radius: 0.0,
    });
    Block::new(items, y + 0.4 * MM)
        .keep_with_next()
        .source(blamed.0, blamed.1)
}

/// The title again, smaller, at the top of each page the section flows onto.
fn continued(p: &Procedure, t: &Template, labels: &Labels, x: f32, w: f32) -> Block {
    let c = &t.colors;
    let mut items = Vec::new();
    let text = format!("{} ({})", p.title.value, labels.continued);
    let mut y = column::paragraph(
        &mut items,
        &text,
        Style::new(Bold, t.sizes.heading, 1.2, c.accent),
        x,
        0.0,
        w,
        Align::Left,
    );
    y += 1.2 * MM;
    items.push(Item::Rect {
        rect: Rect::new(x, y, w, 0.25 * MM),
        fill: c.accent,
        radius: 0.0,
    });
    Block::new(items, y + 0.25 * MM + t.gap * MM)
}

/// A list's heading with a short rule under it.
/// The band that opens a field's first section in a grouped handbook.
fn field_band(field: &str, t: &Template, x: f32, w: f32) -> Block {
    let (c, s) = (&t.colors, &t.sizes);
    let pad = 2.2 * MM;
    let style = Style::new(Bold, s.heading * 1.1, 1.2, c.on_accent);
    let lines = Lines::wrap(&field.to_uppercase(), style, w - 2.0 * pad);
    let h = lines.height() + 2.0 * pad;
    let mut items = vec![Item::Rect {
        rect: Rect::new(x, 0.0, w, h),
        fill: c.accent,
        radius: 1.2 * MM,
    }];
    lines.place(&mut items, x + pad, pad, w - 2.0 * pad, Align::Left);
    let mut b = Block::new(items, h + 4.0 * MM);
    b.keep_with_next = true;
    b
}

fn heading(label: &str, t: &Template, x: f32, w: f32) -> Block {
    let mut items = Vec::new();
    let style = Style::new(Bold, t.sizes.heading, 1.2, t.colors.accent);
    let h = column::ruled_heading(&mut items, label, style, x, 0.0, w, 10.0 * MM);
    Block::new(items, h + 1.5 * MM).keep_with_next()
}

/// The procedure's QR code on an accent strip, with the call to action.
fn qr_strip(code: &Code, side_mm: f32, t: &Template, labels: &Labels, x: f32, w: f32) -> Block {
    let pad = 3.5 * MM;
    let side = side_mm * MM;
    let panel = Rect::new(x, 0.0, w, side + 2.0 * pad);
    let mut items = Vec::new();
    accent_qr_panel(
        &mut items,
        panel,
        code,
        t,
        labels,
        Spacing {
            pad,
            radius: 2.5 * MM,
            inset: 1.0 * MM,
            gap: 2.5 * MM,
        },
    );
    Block::new(items, panel.h)
}
