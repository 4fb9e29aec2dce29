//! Booklet imposition: pages two-up on sheets twice their width, in
//! saddle-stitch order, so that an office printer printing duplex (flip on
//! the short edge) makes a stack that folds and staples into the booklet.

use crate::scene::{Document, Item, Page, Target};

/// The imposed sheet sides and what it took to get there.
#[derive(Debug)]
pub struct Booklet {
    /// Sheet sides in print order: front of sheet 1, back of sheet 1, ...
    pub sides: Vec<Page>,
    pub sheets: usize,
    /// Blank pages added to reach a multiple of 4.
    pub blanks: usize,
    /// For each original page, the sheet side it landed on.
    pub side_of: Vec<usize>,
}

/// What imposing a document took: for the summary and the printing note.
#[derive(Debug, Clone, Copy)]
pub struct Imposition {
    pub sheets: usize,
    /// Blank pages added to reach a multiple of 4.
    pub blanks: usize,
}

/// `doc` as a booklet on sheets `sheet_width` wide (the back cover stays
/// outside), its bookmarks moved to the sheet sides their pages landed on.
/// A transform of the laid-out document: layout never knows about it.
pub fn impose_document(doc: Document, sheet_width: f32) -> (Document, Imposition) {
    let b = impose(doc.pages, true, sheet_width);
    let outline = doc
        .outline
        .into_iter()
        .map(|(title, p)| (title, b.side_of[p]))
        .collect();
    let done = Imposition {
        sheets: b.sheets,
        blanks: b.blanks,
    };
    (
        Document {
            pages: b.sides,
            outline,
            ..doc
        },
        done,
    )
}

/// The pages (from 0) on each sheet side, left then right, for `n` pages
/// (a multiple of 4). For 8: [7, 0], [1, 6], [5, 2], [3, 4].
pub fn order(n: usize) -> Vec<(usize, usize)> {
    assert!(
        n.is_multiple_of(4),
        "a saddle-stitched booklet has a multiple of 4 pages"
    );
    (0..n / 2)
        .map(|k| {
            let i = k / 2;
            if k % 2 == 0 {
                (n - 1 - 2 * i, 2 * i)
            } else {
                (2 * i + 1, n - 2 - 2 * i)
            }
        })
        .collect()
}

/// Imposes `pages` (all the same size) on sheets `sheet_width` wide, each
/// page against the fold in the middle (A5 is 148 mm, half of A4 is 148.5).
/// Blank pages go before the last page when `back_cover` is set, so the
/// back cover stays on the outside.
pub fn impose(pages: Vec<Page>, back_cover: bool, sheet_width: f32) -> Booklet {
    let (w, h) = pages.first().map_or((0.0, 0.0), |p| (p.width, p.height));
    let sheet_width = sheet_width.max(2.0 * w);
    let fold = sheet_width / 2.0;
    let original = pages.len();
    let total = original.div_ceil(4).max(1) * 4;
    let blanks = total - original;
    let blank = || Page::new(w, h, Vec::new());
    // Where each original page sits in the padded sequence.
    let mut position: Vec<usize> = (0..original).collect();
    let mut padded: Vec<Page> = pages;
    let at = if back_cover && original > 1 {
        original - 1
    } else {
        original
    };
    for _ in 0..blanks {
        padded.insert(at, blank());
    }
    if at < original {
        position[original - 1] = total - 1;
    }

    let sides_order = order(total);
    let mut side_of_padded = vec![0; total];
    for (side, (l, r)) in sides_order.iter().enumerate() {
        side_of_padded[*l] = side;
        side_of_padded[*r] = side;
    }
    let side_of: Vec<usize> = position.iter().map(|p| side_of_padded[*p]).collect();
    let mut slots: Vec<Option<Page>> = padded.into_iter().map(Some).collect();
    let sides = sides_order
        .iter()
        .map(|(l, r)| {
            let mut items = Vec::new();
            for (page, dx) in [(*l, fold - w), (*r, fold)] {
                let page = slots[page].take().expect("each page is placed once");
                for mut item in page.items {
                    item.translate(dx, 0.0);
                    // Links inside the booklet open the sheet side that holds the page.
                    if let Item::Link {
                        target: Target::Page(p),
                        ..
                    } = &mut item
                    {
                        *p = side_of.get(*p).copied().unwrap_or(0);
                    }
                    items.push(item);
                }
            }
            Page::new(sheet_width, h, items)
        })
        .collect::<Vec<_>>();
    Booklet {
        sheets: sides.len() / 2,
        sides,
        blanks,
        side_of,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Page numbers (from 1) on each sheet side, by the saddle-stitch rule:
    /// sheet i (from 1) holds n−2i+2 and 2i−1 on the front, 2i and n−2i+1 on the back.
    fn formula(n: usize) -> Vec<(usize, usize)> {
        (1..=n / 4)
            .flat_map(|i| [(n - 2 * i + 2, 2 * i - 1), (2 * i, n - 2 * i + 1)])
            .collect()
    }

    #[test]
    fn order_follows_the_saddle_stitch_formula() {
        for n in [4, 8, 12, 20, 64] {
            let ours: Vec<_> = order(n).iter().map(|(l, r)| (l + 1, r + 1)).collect();
            assert_eq!(ours, formula(n), "{n} pages");
        }
        assert_eq!(order(8)[0], (7, 0), "the first side holds pages 8 and 1");
    }

    #[test]
    fn folding_the_stack_gives_pages_in_reading_order() {
        // Reading a folded stack: the right halves of the fronts from the
        // first sheet in, then the left halves back out, and so on.
        for n in [4, 8, 12, 20] {
            let sides = order(n);
            let mut read = vec![0; n];
            for (k, (l, r)) in sides.iter().enumerate() {
                let sheet = k / 2;
                // Where each half lands in reading order.
                if k % 2 == 0 {
                    read[n - 1 - 2 * sheet] = *l;
                    read[2 * sheet] = *r;
                } else {
                    read[2 * sheet + 1] = *l;
                    read[n - 2 - 2 * sheet] = *r;
                }
            }
            assert_eq!(read, (0..n).collect::<Vec<_>>());
        }
    }

    fn page(tag: f32) -> Page {
        Page::new(
            100.0,
            200.0,
            vec![Item::Rect {
                rect: crate::scene::Rect::new(tag, 0.0, 1.0, 1.0),
                fill: crate::scene::Color::BLACK,
                radius: 0.0,
            }],
        )
    }

    #[test]
    fn blanks_go_before_the_back_cover() {
        let b = impose((0..6).map(|i| page(i as f32)).collect(), true, 201.0);
        assert_eq!((b.sheets, b.blanks, b.sides.len()), (2, 2, 4));
        // The back cover (page 6) is the last page: left half of the first side.
        let first: Vec<f32> = b.sides[0].items.iter().map(|i| i.bounds().x).collect();
        assert_eq!(first, vec![5.5, 100.5]);
        assert_eq!(b.side_of[5], 0);
        assert_eq!(b.sides[0].width, 201.0);
    }
}
