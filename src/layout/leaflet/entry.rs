//! One procedure on a leaflet panel: its number and title, the key facts
//! beside its QR code, and what to bring. Laid out at the origin; the
//! leaflet places it in a panel.

use crate::layout::column::{self, Align, Lines, Marker, Style};
use crate::layout::{facts, qr_item};
use crate::model::Procedure;
use crate::qr::QrMatrix;
use crate::scene::{Item, Rect, MM};
use crate::style::template::{Labels, Template};
use crate::text::FontKind::{Bold, Regular};

/// How much of a procedure a block shows: the title, key facts, code and
/// documents always; the summary and steps when the panels have room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detail {
    pub summary: bool,
    pub steps: bool,
}

impl Detail {
    /// From the fullest to the most compact.
    pub const LEVELS: [Detail; 3] = [
        Detail {
            summary: true,
            steps: true,
        },
        Detail {
            summary: false,
            steps: true,
        },
        Detail {
            summary: false,
            steps: false,
        },
    ];
}

/// One procedure on the inside of a leaflet, laid out at the origin: not
/// to be confused with [`crate::layout::paginate::Block`], a piece of a
/// handbook page.
pub struct Entry {
    pub items: Vec<Item>,
    pub height: f32,
}

/// A procedure's code as the leaflet prints it.
pub struct Code<'a> {
    pub url: &'a str,
    pub matrix: &'a QrMatrix,
    /// Quiet zone included.
    pub side_mm: f32,
}

/// How an entry is fitted: its column's width, the type scale, what it shows.
#[derive(Clone, Copy)]
pub struct Fit {
    pub width: f32,
    pub scale: f32,
    pub detail: Detail,
}

impl Entry {
    pub fn new(
        p: &Procedure,
        index: usize,
        code: Code,
        fit: Fit,
        t: &Template,
        labels: &Labels,
    ) -> Entry {
        let Code {
            url,
            matrix,
            side_mm,
        } = code;
        let Fit {
            width,
            scale,
            detail,
        } = fit;
        let c = &t.colors;
        let s = &t.sizes;
        let mut items = Vec::new();

        // The number matches the list on the front panel.
        let title_style = Style::new(Bold, s.title * scale, 1.15, c.accent);
        let marker = Marker::Number {
            fill: c.accent,
            text: c.on_accent,
        };
        marker.place(&mut items, index, title_style, 0.0, 0.0);
        let indent = marker.indent(title_style);
        let mut y = Lines::wrap(&p.title.value, title_style, width - indent).place(
            &mut items,
            indent,
            0.0,
            width - indent,
            Align::Left,
        ) + 2.0 * MM;
        if let (true, Some(summary)) = (detail.summary, &p.summary) {
            y += column::paragraph(
                &mut items,
                &summary.value,
                Style::new(Regular, s.body * scale, 1.3, c.muted),
                0.0,
                y,
                width,
                Align::Left,
            ) + 2.5 * MM;
        } else {
            y += 0.5 * MM;
        }

        // Key facts on the left, the code on the right.
        let side = side_mm * MM;
        let qr = Rect::new(width - side, y, side, side);
        items.extend(qr_item(qr, matrix, c.ink, url));
        let col = qr.x - 3.0 * MM;
        let label = Style::new(Bold, s.label * scale, 1.2, c.muted);
        let value = Style::new(Regular, s.body * scale, 1.28, c.ink);
        let online = facts::online(p, labels);
        let facts = [
            (&labels.processing_time, p.processing_time.as_ref()),
            (&labels.fee, p.fee.as_ref()),
            (&labels.online, online.as_ref()),
        ];
        let mut fy = y;
        for (name, v) in facts {
            let Some(v) = v else { continue };
            fy += column::paragraph(
                &mut items,
                &name.to_uppercase(),
                label,
                0.0,
                fy,
                col,
                Align::Left,
            ) + 0.8 * MM;
            fy += column::paragraph(&mut items, &v.value, value, 0.0, fy, col, Align::Left)
                + 1.8 * MM;
        }
        // What the code is for, under it.
        let caption = column::paragraph(
            &mut items,
            &labels.cta,
            Style::new(Regular, s.label * scale, 1.2, c.muted),
            qr.x,
            qr.bottom() + 1.0 * MM,
            qr.w,
            Align::Center,
        );
        y = fy.max(qr.bottom() + 1.0 * MM + caption + 1.8 * MM);

        // What to bring, then (with room) what happens.
        let heading = Style::new(Bold, s.label * scale, 1.2, c.accent);
        let lists = [
            (
                &labels.documents,
                &p.documents,
                Marker::Bullet(c.accent),
                true,
            ),
            (
                &labels.steps,
                &p.steps,
                Marker::Number {
                    fill: c.tint,
                    text: c.accent,
                },
                detail.steps,
            ),
        ];
        for (name, list, marker, shown) in lists {
            if !shown || list.is_empty() {
                continue;
            }
            y += 0.7 * MM;
            y += column::paragraph(
                &mut items,
                &name.to_uppercase(),
                heading,
                0.0,
                y,
                width,
                Align::Left,
            ) + 1.2 * MM;
            let entries: Vec<&str> = list.iter().map(|d| d.value.as_str()).collect();
            y += column::list(&mut items, &entries, value, marker, 0.0, y, width) + 1.8 * MM;
        }
        Entry {
            items,
            height: y - 1.8 * MM,
        }
    }
}
