//! Print-shop output: the page grown by a bleed on every side, colour areas
//! that reach the trim edge extended into it (so that a cut a little off
//! leaves no white sliver), and crop marks at the trim corners, in the bleed,
//! clear of the finished page.

use crate::scene::{Color, Document, Item, Page, Rect, MM};

/// The gap between a crop mark and the trim corner it points at.
const MARK_GAP: f32 = 0.75 * MM;
/// Hairline, as print shops expect.
const MARK_WIDTH: f32 = 0.25;

/// Every page of `doc` with `bleed_mm` millimetres of bleed and crop
/// marks; the document unchanged for 0. A transform of the laid-out
/// document, applied last, after any imposition.
pub fn bleed(doc: Document, bleed_mm: f32) -> Document {
    if bleed_mm <= 0.0 {
        return doc;
    }
    let pages = doc
        .pages
        .into_iter()
        .map(|p| with_bleed(p, bleed_mm * MM))
        .collect();
    Document { pages, ..doc }
}

/// `page` with `bleed` points on every side; its `trim` is the finished size.
pub fn with_bleed(page: Page, bleed: f32) -> Page {
    let (w, h) = (page.width, page.height);
    let near = |a: f32, b: f32| (a - b).abs() < 0.01;
    let mut items: Vec<Item> = page
        .items
        .into_iter()
        .map(|mut item| {
            if let Item::Rect { rect, .. } = &mut item {
                let (right, bottom) = (rect.right(), rect.bottom());
                if near(rect.x, 0.0) {
                    rect.x -= bleed;
                    rect.w += bleed;
                }
                if near(right, w) {
                    rect.w += bleed;
                }
                if near(rect.y, 0.0) {
                    rect.y -= bleed;
                    rect.h += bleed;
                }
                if near(bottom, h) {
                    rect.h += bleed;
                }
            }
            item.translate(bleed, bleed);
            item
        })
        .collect();
    let trim = Rect::new(bleed, bleed, w, h);
    for (x, y, out_x, out_y) in [
        (trim.x, trim.y, -1.0, -1.0),
        (trim.right(), trim.y, 1.0, -1.0),
        (trim.x, trim.bottom(), -1.0, 1.0),
        (trim.right(), trim.bottom(), 1.0, 1.0),
    ] {
        let len = bleed - MARK_GAP;
        if len <= 0.0 {
            continue;
        }
        // A horizontal mark on the line of the top or bottom edge, and a
        // vertical one on the line of the left or right edge, both outside.
        let hx = if out_x < 0.0 { x - bleed } else { x + MARK_GAP };
        let vy = if out_y < 0.0 { y - bleed } else { y + MARK_GAP };
        for rect in [
            Rect::new(hx, y - MARK_WIDTH / 2.0, len, MARK_WIDTH),
            Rect::new(x - MARK_WIDTH / 2.0, vy, MARK_WIDTH, len),
        ] {
            items.push(Item::Rect {
                rect,
                fill: Color::BLACK,
                radius: 0.0,
            });
        }
    }
    Page {
        width: w + 2.0 * bleed,
        height: h + 2.0 * bleed,
        items,
        trim: Some(trim),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f32, y: f32, w: f32, h: f32) -> Item {
        Item::Rect {
            rect: Rect::new(x, y, w, h),
            fill: Color::rgb(0, 80, 140),
            radius: 0.0,
        }
    }

    #[test]
    fn content_moves_in_edge_areas_grow_and_marks_stay_outside_the_trim() {
        let b = 3.0 * MM;
        let page = Page::new(
            100.0,
            200.0,
            vec![rect(0.0, 0.0, 100.0, 20.0), rect(10.0, 50.0, 20.0, 20.0)],
        );
        let out = with_bleed(page, b);
        assert_eq!((out.width, out.height), (100.0 + 2.0 * b, 200.0 + 2.0 * b));
        let trim = out.trim.unwrap();
        assert_eq!(trim, Rect::new(b, b, 100.0, 200.0));
        // The band at the top edge reaches the media's top, left and right.
        assert_eq!(
            out.items[0].bounds(),
            Rect::new(0.0, 0.0, 100.0 + 2.0 * b, 20.0 + b)
        );
        // An inner box only moves.
        assert_eq!(
            out.items[1].bounds(),
            Rect::new(10.0 + b, 50.0 + b, 20.0, 20.0)
        );
        let marks = &out.items[2..];
        assert_eq!(marks.len(), 8);
        let media = Rect::new(0.0, 0.0, out.width, out.height);
        for m in marks {
            let r = m.bounds();
            assert!(media.contains(&r), "{r:?}");
            let inside = r.x < trim.right()
                && r.right() > trim.x
                && r.y < trim.bottom()
                && r.bottom() > trim.y;
            assert!(!inside, "a crop mark on the finished page: {r:?}");
        }
    }
}
