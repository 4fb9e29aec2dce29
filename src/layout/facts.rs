//! The key-facts box shared by posters and handbooks: processing time, fee,
//! agency, online level, how to apply and the result, as a tinted grid.

use crate::layout::column::{self, Align, Style};
use crate::layout::template::{Labels, Template};
use crate::model::{Located, Online, Procedure};
use crate::scene::{Item, Rect, MM};
use crate::text::FontKind::{Bold, Regular};

/// Where a field's text ends on the page, to name the field that overflows.
#[derive(Debug, Clone, Copy)]
pub struct Extent {
    pub field: &'static str,
    pub offset: usize,
    pub bottom: f32,
}

/// One label and value of the key-facts box.
struct Cell<'a> {
    label: &'a str,
    value: &'a str,
    field: &'static str,
    offset: usize,
    /// Takes the whole width of the box (long values such as the channels).
    full: bool,
}

impl<'a> Cell<'a> {
    fn of(
        label: &'a str,
        value: Option<&'a Located<String>>,
        field: &'static str,
        full: bool,
    ) -> Option<Cell<'a>> {
        value.map(|v| Cell {
            label,
            value: &v.value,
            field,
            offset: v.offset,
            full,
        })
    }
}

/// The procedure's online level in words, where its `online` key is.
pub fn online(p: &Procedure, labels: &Labels) -> Option<Located<String>> {
    p.online.as_ref().map(|o| Located {
        value: match o.value {
            Online::Full => labels.online_full.clone(),
            Online::Partial => labels.online_partial.clone(),
            Online::None => labels.online_none.clone(),
        },
        offset: o.offset,
    })
}

/// The tinted key-facts box: a two-column grid of label and value, across
/// `room`'s width from its top (its height is what the box takes).
pub fn facts_box(
    items: &mut Vec<Item>,
    p: &Procedure,
    t: &Template,
    labels: &Labels,
    room: Rect,
    sized: &dyn Fn(f32) -> f32,
    blocks: &mut Vec<Extent>,
) -> f32 {
    let c = &t.colors;
    let s = &t.sizes;
    let top = room.y;
    let online = online(p, labels);
    let channels = p.channels.first().map(|first| Located {
        value: p
            .channels
            .iter()
            .map(|c| c.value.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        offset: first.offset,
    });
    let cells: Vec<Cell> = [
        Cell::of(
            &labels.processing_time,
            p.processing_time.as_ref(),
            "processing_time",
            false,
        ),
        Cell::of(&labels.fee, p.fee.as_ref(), "fee", false),
        Cell::of(&labels.agency, p.agency.as_ref(), "agency", false),
        Cell::of(&labels.online, online.as_ref(), "online", false),
        Cell::of(&labels.channels, channels.as_ref(), "channels", true),
        Cell::of(&labels.result, p.result.as_ref(), "result", true),
    ]
    .into_iter()
    .flatten()
    .collect();
    if cells.is_empty() {
        return top - t.gap * MM;
    }

    let pad = 5.0 * MM;
    let col_gap = 7.0 * MM;
    let inner = Rect::new(room.x + pad, top + pad, room.w - 2.0 * pad, 0.0);
    let half = (inner.w - col_gap) / 2.0;
    let label = Style::new(Bold, sized(s.label), 1.2, c.accent);
    let value = Style::new(Regular, sized(s.body), 1.3, c.ink);
    let background = items.len();

    let mut y = inner.y;
    let mut row: Vec<(f32, &'static str, usize)> = Vec::new();
    let mut column = 0;
    let finish_row =
        |row: &mut Vec<(f32, &'static str, usize)>, y: &mut f32, blocks: &mut Vec<Extent>| {
            if let Some(&(h, field, offset)) = row.iter().max_by(|a, b| a.0.total_cmp(&b.0)) {
                *y += h + 3.5 * MM;
                blocks.push(Extent {
                    field,
                    offset,
                    bottom: *y,
                });
            }
            row.clear();
        };
    for cell in &cells {
        if cell.full || column == 2 {
            finish_row(&mut row, &mut y, blocks);
            column = 0;
        }
        let (x, w) = if cell.full {
            (inner.x, inner.w)
        } else {
            (inner.x + column as f32 * (half + col_gap), half)
        };
        let mut h = column::paragraph(
            items,
            &cell.label.to_uppercase(),
            label,
            x,
            y,
            w,
            Align::Left,
        ) + 1.2 * MM;
        h += column::paragraph(items, cell.value, value, x, y + h, w, Align::Left);
        row.push((h, cell.field, cell.offset));
        column = if cell.full { 2 } else { column + 1 };
    }
    finish_row(&mut row, &mut y, blocks);
    let bottom = y - 3.5 * MM + pad;
    items.insert(
        background,
        Item::Rect {
            rect: Rect::new(room.x, top, room.w, bottom - top),
            fill: c.tint,
            radius: 2.5 * MM,
        },
    );
    if let Some(b) = blocks.last_mut() {
        b.bottom = bottom;
    }
    bottom
}
