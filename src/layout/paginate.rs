//! Breaking a flow of blocks into pages, the way a book is set: a heading
//! stays with what follows it, a list item is not split from its marker,
//! a paragraph leaves at least two lines at a page's foot and top, and a
//! page after the first opens with a repeated heading.

use crate::layout::column::{Lines, Marker, Style};
use crate::scene::{Item, TextRun};

/// Something placed whole: laid out with its top at y = 0.
#[derive(Debug, Clone, Default)]
pub struct Block {
    pub items: Vec<Item>,
    pub height: f32,
    /// Space above the block, dropped at the top of a page.
    pub space_before: f32,
    /// Move to the next page together with the following block.
    pub keep_with_next: bool,
    /// The field the block shows and where it is in the file, to name it
    /// when it cannot fit on any page.
    pub source: Option<(&'static str, usize)>,
}

/// A block taller than a whole page.
#[derive(Debug, Clone, Copy)]
pub struct TooTall {
    pub source: Option<(&'static str, usize)>,
    pub height: f32,
    pub room: f32,
}

impl Block {
    pub fn new(items: Vec<Item>, height: f32) -> Block {
        Block {
            items,
            height,
            ..Block::default()
        }
    }

    pub fn space_before(mut self, space: f32) -> Block {
        self.space_before = space;
        self
    }

    pub fn keep_with_next(mut self) -> Block {
        self.keep_with_next = true;
        self
    }

    pub fn source(mut self, field: &'static str, offset: usize) -> Block {
        self.source = Some((field, offset));
        self
    }
}

/// One block per line of `lines`, placed at `x`. The first two and the last
/// two lines are kept together (no orphan or widow line); `whole` keeps
/// every line together, for a list item.
pub fn line_blocks(lines: Lines, x: f32, whole: bool) -> Vec<Block> {
    let s = lines.style;
    let font = s.font.font();
    let step = s.size * s.leading;
    let n = lines.lines.len();
    lines
        .lines
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let width = font.width(&text, s.size);
            let run = TextRun {
                x,
                y: s.ascent(),
                text,
                font: s.font,
                size: s.size,
                color: s.color,
                width,
            };
            let last = i + 1 == n;
            let height = if last { s.block_height(1) } else { step };
            let mut b = Block::new(vec![Item::Text(run)], height);
            b.keep_with_next = !last && (whole || i == 0 || i + 2 == n);
            b
        })
        .collect()
}

/// A list this short is kept on one page.
const SHORT_LIST: usize = 4;

/// A list as blocks: each item whole, its marker on its first line, and
/// the first item kept with the second.
pub fn list_blocks(
    entries: &[(&str, usize)],
    field: &'static str,
    style: Style,
    marker: Marker,
    x: f32,
    width: f32,
    spacing: f32,
) -> Vec<Block> {
    let indent = marker.indent(style);
    let mut out = Vec::new();
    for (i, (text, offset)) in entries.iter().enumerate() {
        let lines = Lines::wrap(text, style, width - indent);
        let mut blocks = line_blocks(lines, x + indent, true);
        if let Some(first) = blocks.first_mut() {
            marker.place(&mut first.items, i, style, x, 0.0);
            if i > 0 {
                first.space_before = spacing;
            }
        }
        for b in &mut blocks {
            b.source = Some((field, *offset));
        }
        // No lone item at a page's foot: the first goes with the second;
        // a list of four items or fewer is never split at all; and the last
        // item never stands alone at the top of a page.
        let short = entries.len() <= SHORT_LIST;
        let ends = i + 2 == entries.len();
        if (i == 0 || short || ends) && i + 1 < entries.len() {
            if let Some(last) = blocks.last_mut() {
                last.keep_with_next = true;
            }
        }
        out.extend(blocks);
    }
    out
}

/// Places `blocks` on pages between `top` and `bottom`; every page after
/// the first starts with `continuation()`. Returns each page's items.
pub fn paginate(
    blocks: Vec<Block>,
    top: f32,
    bottom: f32,
    continuation: &dyn Fn() -> Block,
) -> Result<Vec<Vec<Item>>, TooTall> {
    paginate_from(blocks, top, top, bottom, continuation)
}

/// [`paginate`], the first page starting at `start` (under what another
/// section left there). Blocks that do not fit there go to the next page;
/// when not even the first does, the first page comes back empty.
pub fn paginate_from(
    blocks: Vec<Block>,
    start: f32,
    top: f32,
    bottom: f32,
    continuation: &dyn Fn() -> Block,
) -> Result<Vec<Vec<Item>>, TooTall> {
    let mut pages: Vec<Vec<Item>> = vec![Vec::new()];
    let mut y = start;
    // True until a block of content lands on the page.
    let mut fresh = start <= top;
    let mut blocks: Vec<Option<Block>> = blocks.into_iter().map(Some).collect();
    let mut i = 0;
    while i < blocks.len() {
        // The chain of blocks that must move together.
        let mut end = i;
        while end + 1 < blocks.len() && blocks[end].as_ref().is_some_and(|b| b.keep_with_next) {
            end += 1;
        }
        let chain_height = |fresh: bool| {
            blocks[i..=end]
                .iter()
                .flatten()
                .enumerate()
                .map(|(k, b)| b.height + if k == 0 && fresh { 0.0 } else { b.space_before })
                .sum::<f32>()
        };
        if y + chain_height(fresh) > bottom && !fresh {
            pages.push(Vec::new());
            let head = continuation();
            y = top;
            place(pages.last_mut().expect("a page"), head, &mut y);
            fresh = true;
            continue;
        }
        // On a fresh page a chain too long for it is broken up; a single
        // block too tall for a page cannot be placed at all.
        let last = if y + chain_height(fresh) > bottom {
            i
        } else {
            end
        };
        for block in blocks[i..=last].iter_mut() {
            let b = block.take().expect("each block is placed once");
            let space = if fresh { 0.0 } else { b.space_before };
            if y + space + b.height > bottom {
                return Err(TooTall {
                    source: b.source,
                    height: b.height,
                    room: bottom - top,
                });
            }
            y += space;
            place(pages.last_mut().expect("a page"), b, &mut y);
            fresh = false;
        }
        i = last + 1;
    }
    Ok(pages)
}

fn place(page: &mut Vec<Item>, block: Block, y: &mut f32) {
    for mut item in block.items {
        item.translate(0.0, *y);
        page.push(item);
    }
    *y += block.height;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::{Color, Rect};

    fn bar(h: f32) -> Block {
        Block::new(
            vec![Item::Rect {
                rect: Rect::new(0.0, 0.0, 10.0, h),
                fill: Color::BLACK,
                radius: 0.0,
            }],
            h,
        )
    }

    fn tops(page: &[Item]) -> Vec<f32> {
        page.iter().map(|i| i.bounds().y).collect()
    }

    #[test]
    fn blocks_flow_onto_new_pages_after_a_continuation_head() {
        let blocks = (0..5).map(|_| bar(40.0).space_before(5.0)).collect();
        let pages = paginate(blocks, 10.0, 110.0, &|| bar(15.0)).unwrap();
        // 40 + 5 + 40 = 85 fits under 100; the third would end at 140.
        assert_eq!(pages.len(), 3);
        assert_eq!(tops(&pages[0]), vec![10.0, 55.0]);
        // The head at the top, then the block without its space before.
        assert_eq!(tops(&pages[1]), vec![10.0, 25.0, 70.0]);
        assert_eq!(pages[2].len(), 2);
    }

    #[test]
    fn a_list_of_four_or_fewer_is_never_split_and_a_long_one_keeps_its_last_two() {
        use crate::text::FontKind;
        let style = Style::new(FontKind::Regular, 10.0, 1.3, Color::BLACK);
        // A filler of 50 pt, then the list; pages `room` tall.
        let flow = |entries: &[(&str, usize)], room: f32| {
            let list = list_blocks(
                entries,
                "documents",
                style,
                Marker::Bullet(Color::BLACK),
                0.0,
                200.0,
                3.0,
            );
            let mut blocks = vec![bar(50.0)];
            blocks.extend(list);
            paginate(blocks, 0.0, room, &Block::default).unwrap()
        };
        let item_h = list_blocks(
            &[("một", 0)],
            "documents",
            style,
            Marker::Bullet(Color::BLACK),
            0.0,
            200.0,
            3.0,
        )[0]
        .height;
        // Room for the filler and two items only: the three move together.
        let three = [("một", 0), ("hai", 0), ("ba", 0)];
        let pages = flow(&three, 50.0 + 2.0 * item_h + 2.0 * 3.0 + 1.0);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].len(), 1, "only the filler on the first page");
        // Six items: a split leaves at least two on the next page.
        let six = [("mục", 0); 6];
        let pages = flow(&six, 50.0 + 5.0 * (item_h + 3.0) + 1.0);
        let texts = |p: &Vec<Item>| {
            p.iter()
                .filter(|i| matches!(i, Item::Text(r) if r.text == "mục"))
                .count()
        };
        assert!(
            texts(&pages[1]) >= 2,
            "{} items alone on the last page",
            texts(&pages[1])
        );
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        let blocks = vec![bar(60.0), bar(20.0).keep_with_next(), bar(30.0)];
        let pages = paginate(blocks, 0.0, 100.0, &Block::default).unwrap();
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].len(), 1, "the heading moved with its first item");
        assert_eq!(tops(&pages[1]), vec![0.0, 20.0]);
    }

    #[test]
    fn a_chain_longer_than_a_page_is_broken_rather_than_lost() {
        let blocks = (0..6).map(|_| bar(30.0).keep_with_next()).collect();
        let pages = paginate(blocks, 0.0, 100.0, &Block::default).unwrap();
        let placed: usize = pages.iter().map(Vec::len).sum();
        assert_eq!(placed, 6);
        assert!(pages
            .iter()
            .all(|p| p.iter().all(|i| i.bounds().bottom() <= 100.0)));
    }

    #[test]
    fn a_block_taller_than_a_page_is_reported() {
        let blocks = vec![bar(10.0), bar(120.0).source("facts", 7)];
        let err = paginate(blocks, 0.0, 100.0, &Block::default).unwrap_err();
        assert_eq!(err.source, Some(("facts", 7)));
    }

    #[test]
    fn paragraphs_keep_two_lines_at_each_end() {
        let style = Style::new(crate::text::FontKind::Regular, 10.0, 1.3, Color::BLACK);
        let text = "một hai ba bốn năm sáu bảy tám chín mười ".repeat(6);
        let lines = Lines::wrap(&text, style, 100.0);
        let n = lines.lines.len();
        assert!(n >= 5);
        let keeps: Vec<bool> = line_blocks(lines, 0.0, false)
            .iter()
            .map(|b| b.keep_with_next)
            .collect();
        assert!(keeps[0] && keeps[n - 2] && !keeps[n - 1]);
        assert!(!keeps[1] || n <= 3);
    }
}
