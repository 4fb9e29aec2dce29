//! The table of contents: each procedure's title, dotted leaders and the
//! page it starts on, right-aligned; each entry links to its page.

use super::Frame;
use crate::layout::column::{self, Align, Lines, Style};
use crate::layout::paginate::{self, Block};
use crate::scene::{Item, Rect, Target, TextRun, MM};
use crate::style::template::{Labels, Template};
use crate::text::FontKind::{Bold, Regular};

/// The contents pages' items. `starts` are pages counted from 0 (printed
/// from 1); `widest` is the largest page number the column must hold, the
/// same in both passes so that the entries wrap the same way.
pub fn contents(
    titles: &[&str],
    fields: &[Option<String>],
    starts: &[usize],
    widest: usize,
    frame: Frame,
    t: &Template,
    labels: &Labels,
) -> Vec<Vec<Item>> {
    let c = &t.colors;
    let s = &t.sizes;
    let (x, w) = (frame.x, frame.w);
    let mut blocks = Vec::with_capacity(titles.len() + 1);

    let mut items = Vec::new();
    let mut y = column::paragraph(
        &mut items,
        &labels.contents.to_uppercase(),
        Style::new(Bold, s.title * 0.8, 1.15, c.accent),
        x,
        0.0,
        w,
        Align::Left,
    );
    y += 2.0 * MM;
    items.push(Item::Rect {
        rect: Rect::new(x, y, 14.0 * MM, 0.6 * MM),
        fill: c.accent,
        radius: 0.0,
    });
    blocks.push(Block::new(items, y + 0.6 * MM + 3.0 * MM));

    let body = Style::new(Regular, s.body, 1.3, c.ink);
    let bold = Style { font: Bold, ..body };
    let leader = Style {
        color: c.muted,
        ..body
    };
    let number_w = bold
        .font
        .font()
        .width(&format!("{}.", titles.len()), s.body)
        + 1.5 * MM;
    let page_w = bold.font.font().width(&widest.to_string(), s.body) + 3.0 * MM;
    let text_w = w - number_w - page_w;
    for (i, (title, start)) in titles.iter().zip(starts).enumerate() {
        // Grouped by field: the field's name above its first entry.
        if let Some(field) = fields.get(i).and_then(|f| f.as_deref()) {
            let mut items = Vec::new();
            let h = column::paragraph(
                &mut items,
                &field.to_uppercase(),
                Style::new(Bold, s.heading, 1.2, c.accent),
                x,
                0.0,
                w,
                Align::Left,
            );
            let mut b = Block::new(items, h + 1.2 * MM).keep_with_next();
            if i > 0 {
                b.space_before = 5.0 * MM;
            }
            blocks.push(b);
        }
        let mut items = Vec::new();
        column::paragraph(
            &mut items,
            &format!("{}.", i + 1),
            bold,
            x,
            0.0,
            number_w,
            Align::Left,
        );
        let lines = Lines::wrap(title, body, text_w);
        let last_w = lines
            .lines
            .last()
            .map_or(0.0, |l| body.font.font().width(l, body.size));
        let n = lines.lines.len();
        let h = lines.place(&mut items, x + number_w, 0.0, text_w, Align::Left);
        let baseline = body.ascent() + (n.max(1) - 1) as f32 * body.size * body.leading;
        // Dots from the end of the title to the number, aligned on the
        // right so that they form a column down the page.
        let dot = ". ";
        let dot_w = leader.font.font().width(dot, leader.size);
        let from = x + number_w + last_w + 1.5 * MM;
        let to = x + w - page_w + 1.0 * MM;
        let count = ((to - from) / dot_w).floor().max(0.0) as usize;
        if count > 0 {
            items.push(Item::Text(TextRun {
                x: to - count as f32 * dot_w,
                y: baseline,
                text: dot.repeat(count).trim_end().to_owned(),
                font: leader.font,
                size: leader.size,
                color: leader.color,
                width: dot_w * count as f32 - leader.font.font().width(" ", leader.size),
            }));
        }
        let number = (start + 1).to_string();
        let nw = bold.font.font().width(&number, bold.size);
        items.push(Item::Text(TextRun {
            x: x + w - nw,
            y: baseline,
            text: number,
            font: bold.font,
            size: bold.size,
            color: c.accent,
            width: nw,
        }));
        items.push(Item::Link {
            rect: Rect::new(x, 0.0, w, h),
            target: Target::Page(*start),
        });
        let mut b = Block::new(items, h);
        if i > 0 {
            b.space_before = 2.4 * MM;
        }
        blocks.push(b);
    }
    // An entry is far shorter than a page, so this cannot fail.
    paginate::paginate(blocks, frame.top, frame.bottom, &Block::default).unwrap_or_default()
}
