//! The key-facts box shared by posters and handbooks: processing time, fee,
//! agency, online level, how to apply and the result, as a tinted grid.

use crate::layout::column::{self, Align, Style};
use crate::model::{Located, Online, Procedure};
use crate::scene::{Item, Rect, MM};
use crate::style::template::{Labels, Template};
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
}

impl<'a> Cell<'a> {
    fn of(
        label: &'a str,
        value: Option<&'a Located<String>>,
        field: &'static str,
    ) -> Option<Cell<'a>> {
        value.map(|v| Cell {
            label,
            value: &v.value,
            field,
            offset: v.offset,
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

/// One row of the key-facts grid: one full-width cell or two half cells,
/// laid out from y = 0; `height` is its tallest cell.
pub struct FactRow {
    pub items: Vec<Item>,
    pub height: f32,
    pub field: &'static str,
    pub offset: usize,
}

/// The key facts as rows of a two-column grid of label and value, `w`
/// wide from `x`. A handbook places the rows one by one (a page may turn
/// between them); a poster stacks them in one box.
pub fn fact_rows(
    p: &Procedure,
    t: &Template,
    labels: &Labels,
    x: f32,
    w: f32,
    sized: &dyn Fn(f32) -> f32,
    label_gap: f32,
) -> Vec<FactRow> {
    let c = &t.colors;
    let s = &t.sizes;
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
        ),
        Cell::of(&labels.fee, p.fee.as_ref(), "fee"),
        Cell::of(&labels.agency, p.agency.as_ref(), "agency"),
        Cell::of(&labels.online, online.as_ref(), "online"),
        Cell::of(&labels.channels, channels.as_ref(), "channels"),
        Cell::of(&labels.result, p.result.as_ref(), "result"),
    ]
    .into_iter()
    .flatten()
    .collect();

    let col_gap = 7.0 * MM;
    let half = (w - col_gap) / 2.0;
    let label = Style::new(Bold, sized(s.label), 1.2, c.accent);
    let value = Style::new(Regular, sized(s.body), 1.3, c.ink);
    // A cell takes half the width when its value is three lines or fewer
    // there, otherwise the whole width; halves pair up in order, and a
    // half left alone before a whole-width cell widens to the whole width.
    let font = value.font.font();
    let full: Vec<bool> = cells
        .iter()
        .map(|cell| crate::text::wrap(cell.value, font, value.size, half).len() > 3)
        .collect();
    let mut spans: Vec<Vec<usize>> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        if !full[i] && i + 1 < cells.len() && !full[i + 1] {
            spans.push(vec![i, i + 1]);
            i += 2;
        } else {
            spans.push(vec![i]);
            i += 1;
        }
    }
    let mut rows: Vec<FactRow> = Vec::new();
    for span in spans {
        let first = &cells[span[0]];
        let mut row = FactRow {
            items: Vec::new(),
            height: 0.0,
            field: first.field,
            offset: first.offset,
        };
        for (column, &k) in span.iter().enumerate() {
            let cell = &cells[k];
            let (cx, cw) = if span.len() == 1 {
                (x, w)
            } else {
                (x + column as f32 * (half + col_gap), half)
            };
            let items = &mut row.items;
            let mut h = column::paragraph(
                items,
                &cell.label.to_uppercase(),
                label,
                cx,
                0.0,
                cw,
                Align::Left,
            ) + label_gap;
            h += column::paragraph(items, cell.value, value, cx, h, cw, Align::Left);
            if h > row.height {
                row.height = h;
                row.field = cell.field;
                row.offset = cell.offset;
            }
        }
        rows.push(row);
    }
    rows
}

/// The tinted key-facts box: the rows of [`fact_rows`] stacked across
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
    let top = room.y;
    let pad = 5.0 * MM;
    let row_gap = 3.5 * MM;
    let rows = fact_rows(
        p,
        t,
        labels,
        room.x + pad,
        room.w - 2.0 * pad,
        sized,
        1.2 * MM,
    );
    if rows.is_empty() {
        return top - t.gap * MM;
    }
    let background = items.len();
    let mut y = top + pad;
    for (i, row) in rows.into_iter().enumerate() {
        if i > 0 {
            y += row_gap;
        }
        for mut item in row.items {
            item.translate(0.0, y);
            items.push(item);
        }
        y += row.height;
        blocks.push(Extent {
            field: row.field,
            offset: row.offset,
            bottom: y,
        });
    }
    let bottom = y + pad;
    items.insert(
        background,
        Item::Rect {
            rect: Rect::new(room.x, top, room.w, bottom - top),
            fill: t.colors.tint,
            radius: 2.5 * MM,
        },
    );
    if let Some(b) = blocks.last_mut() {
        b.bottom = bottom;
    }
    bottom
}
