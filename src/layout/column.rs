//! Paragraph placement: measured, wrapped text and lists placed into a
//! column (page flow, breaking blocks across pages, is paginate.rs).

use crate::scene::{Color, Item, Rect, TextRun};
use crate::text::{self, FontKind};

#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub font: FontKind,
    pub size: f32,
    /// Baseline-to-baseline distance as a multiple of the size.
    pub leading: f32,
    pub color: Color,
}

impl Style {
    pub fn new(font: FontKind, size: f32, leading: f32, color: Color) -> Style {
        Style {
            font,
            size,
            leading,
            color,
        }
    }

    pub fn ascent(&self) -> f32 {
        self.font.font().ascender() * self.size
    }

    /// Height of `lines` lines, from the first ascender to the last descender.
    pub fn block_height(&self, lines: usize) -> f32 {
        if lines == 0 {
            return 0.0;
        }
        let f = self.font.font();
        (lines - 1) as f32 * self.size * self.leading + (f.ascender() + f.descender()) * self.size
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Lines already broken, ready to be placed.
#[derive(Clone)]
pub struct Lines {
    pub lines: Vec<String>,
    pub style: Style,
}

impl Lines {
    pub fn wrap(text: &str, style: Style, width: f32) -> Lines {
        let font = style.font.font();
        Lines {
            lines: text::memo::lines(text, font, style.size, width, false, || {
                text::wrap(text, font, style.size, width)
            }),
            style,
        }
    }

    /// Like [`Lines::wrap`], but with lines of even length: the narrowest
    /// width that needs no more lines, so a title never ends on a lone word.
    pub fn balanced(text: &str, style: Style, width: f32) -> Lines {
        let font = style.font.font();
        Lines {
            lines: text::memo::lines(text, font, style.size, width, true, || {
                Lines::balanced_lines(text, style, width)
            }),
            style,
        }
    }

    fn balanced_lines(text: &str, style: Style, width: f32) -> Vec<String> {
        let font = style.font.font();
        // Measured once; each width tried below only counts lines.
        let measured = text::Measured::new(text, font, style.size, width);
        let first = measured.lines_at(width);
        let n = first.len();
        if n < 2 {
            return first;
        }
        // Never narrower than the widest word: a narrower measure would
        // keep the line count by breaking that word in two.
        let widest = text
            .split_whitespace()
            .map(|w| font.width(w, style.size))
            .fold(0.0f32, f32::max);
        if widest >= width {
            return first;
        }
        let (mut lo, mut hi) = ((width / n as f32).max(widest), width);
        for _ in 0..10 {
            let mid = (lo + hi) / 2.0;
            if measured.count_at(mid) > n {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        measured.lines_at(hi)
    }

    pub fn url(url: &str, style: Style, width: f32) -> Lines {
        Lines {
            lines: text::wrap_url(url, style.font.font(), style.size, width),
            style,
        }
    }

    pub fn height(&self) -> f32 {
        self.style.block_height(self.lines.len())
    }

    /// At most `max` lines, the last ending in "…" (within `width`) when
    /// text was left out: shortened visibly, never clipped.
    pub fn shortened(mut self, max: usize, width: f32) -> Lines {
        if self.lines.len() <= max {
            return self;
        }
        self.lines.truncate(max);
        let (font, size) = (self.style.font.font(), self.style.size);
        if let Some(last) = self.lines.last_mut() {
            last.push_str(" …");
            while font.width(last, size) > width {
                match last.trim_end_matches(" …").rsplit_once(' ') {
                    Some((keep, _)) => *last = format!("{keep} …"),
                    None => break,
                }
            }
        }
        self
    }

    /// Places the lines with their top at `top`, within `[x, x + width]`.
    pub fn place(self, items: &mut Vec<Item>, x: f32, top: f32, width: f32, align: Align) -> f32 {
        let height = self.height();
        let s = self.style;
        let font = s.font.font();
        for (i, line) in self.lines.into_iter().enumerate() {
            let w = font.width(&line, s.size);
            let lx = match align {
                Align::Left => x,
                Align::Center => x + (width - w) / 2.0,
                Align::Right => x + width - w,
            };
            items.push(Item::Text(TextRun {
                x: lx,
                y: top + s.ascent() + i as f32 * s.size * s.leading,
                text: line,
                font: s.font,
                size: s.size,
                color: s.color,
                width: w,
            }));
        }
        height
    }
}

/// Wraps and places a paragraph; returns its height.
pub fn paragraph(
    items: &mut Vec<Item>,
    text: &str,
    style: Style,
    x: f32,
    top: f32,
    width: f32,
    align: Align,
) -> f32 {
    Lines::wrap(text, style, width).place(items, x, top, width, align)
}

/// A list's heading in capitals with a short rule under it, in the
/// heading's colour; returns its height down to the rule's foot.
pub fn ruled_heading(
    items: &mut Vec<Item>,
    label: &str,
    style: Style,
    x: f32,
    top: f32,
    width: f32,
    rule: f32,
) -> f32 {
    let mm = crate::scene::MM;
    let y =
        top + paragraph(
            items,
            &label.to_uppercase(),
            style,
            x,
            top,
            width,
            Align::Left,
        ) + 1.2 * mm;
    items.push(Item::Rect {
        rect: Rect::new(x, y, rule, 0.5 * mm),
        fill: style.color,
        radius: 0.0,
    });
    y + 0.5 * mm - top
}

/// How each item of a list is marked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Marker {
    /// A small filled dot.
    Bullet(Color),
    /// A filled circle with the item's number in it.
    Number { fill: Color, text: Color },
}

impl Marker {
    /// How far the item's text is indented from the marker's left edge.
    pub fn indent(self, style: Style) -> f32 {
        match self {
            Marker::Bullet(_) => style.size * 1.1,
            Marker::Number { .. } => style.size * 1.9,
        }
    }

    /// Draws the marker of item `index` (from 0) beside a first line whose
    /// top is at `top`, centred on its capital letters.
    pub fn place(self, items: &mut Vec<Item>, index: usize, style: Style, x: f32, top: f32) {
        let f = style.font.font();
        let mid = top + f.ascender() * style.size - f.cap_height() * style.size / 2.0;
        match self {
            Marker::Bullet(color) => {
                let d = style.size * 0.36;
                items.push(Item::Rect {
                    rect: Rect::new(x + style.size * 0.15, mid - d / 2.0, d, d),
                    fill: color,
                    radius: d / 2.0,
                });
            }
            Marker::Number { fill, text } => {
                let d = style.size * 1.28;
                items.push(Item::Rect {
                    rect: Rect::new(x, mid - d / 2.0, d, d),
                    fill,
                    radius: d / 2.0,
                });
                let num = Style::new(FontKind::Bold, style.size * 0.78, 1.0, text);
                let label = (index + 1).to_string();
                let w = num.font.font().width(&label, num.size);
                let ncap = num.font.font().cap_height() * num.size;
                items.push(Item::Text(TextRun {
                    x: x + (d - w) / 2.0,
                    y: mid + ncap / 2.0,
                    text: label,
                    font: num.font,
                    size: num.size,
                    color: text,
                    width: w,
                }));
            }
        }
    }
}

/// Space between the items of a list.
pub fn item_spacing(style: Style) -> f32 {
    style.size * 0.45
}

/// A bulleted or numbered list; returns its height.
pub fn list(
    items: &mut Vec<Item>,
    entries: &[&str],
    style: Style,
    marker: Marker,
    x: f32,
    top: f32,
    width: f32,
) -> f32 {
    list_from(
        items,
        entries,
        0,
        style,
        marker,
        Rect::new(x, top, width, 0.0),
    )
}

/// A list whose first item is number `first` (from 0): the second column
/// of a list set in two. `at` gives its left, top and width.
pub fn list_from(
    items: &mut Vec<Item>,
    entries: &[&str],
    first: usize,
    style: Style,
    marker: Marker,
    at: Rect,
) -> f32 {
    let (x, top, width) = (at.x, at.y, at.w);
    let indent = marker.indent(style);
    let mut y = top;
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            y += item_spacing(style);
        }
        marker.place(items, first + i, style, x, y);
        y += paragraph(
            items,
            entry,
            style,
            x + indent,
            y,
            width - indent,
            Align::Left,
        );
    }
    y - top
}

/// The URL in small type under the call to action. The QR code carries the
/// address; the printed copy is for typing by hand, so a URL too long for the
/// panel gets smaller type and then is visibly shortened in the middle ("…").
pub fn url_lines(url: &str, style: Style, width: f32, height: f32) -> Lines {
    // People read and type the address with its own letters; the code and
    // the link carry the ASCII form. A form the font cannot draw stays ASCII.
    let readable = crate::model::address::readable(url);
    let url = if style.font.font().missing_chars(&readable).is_empty() {
        readable.as_str()
    } else {
        url
    };
    // A portal address in words ("dichvucong.gov.vn · tìm: Đăng ký …")
    // wraps between words, like text; an address breaks where URLs may.
    let in_words = url.contains(' ');
    let lay = |text: &str, style: Style| match in_words {
        true => Lines::wrap(text, style, width),
        false => Lines::url(text, style, width),
    };
    let smallest = 6.0f32.min(style.size);
    let mut size = style.size;
    loop {
        let lines = lay(url, Style { size, ..style });
        if lines.height() <= height || size <= smallest {
            if lines.height() <= height {
                return lines;
            }
            break;
        }
        size = (size - 0.5).max(smallest);
    }
    let style = Style {
        size: smallest,
        ..style
    };
    let chars: Vec<char> = url.chars().collect();
    let mut keep = chars.len();
    while keep > 8 {
        keep = keep * 3 / 4;
        let short: String = chars[..keep / 2]
            .iter()
            .chain(['…'].iter())
            .chain(chars[chars.len() - keep / 2..].iter())
            .collect();
        let lines = lay(&short, style);
        if lines.height() <= height {
            return lines;
        }
    }
    Lines {
        lines: Vec::new(),
        style,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balanced_lines_never_break_a_word_that_fits() {
        let style = Style::new(FontKind::Bold, 20.0, 1.1, Color::BLACK);
        let text = "Handbook of administrative procedures";
        let width = 244.0;
        let lines = Lines::balanced(text, style, width);
        let words: Vec<&str> = lines.lines.iter().flat_map(|l| l.split(' ')).collect();
        assert_eq!(
            words,
            text.split(' ').collect::<Vec<_>>(),
            "{:?}",
            lines.lines
        );
        assert!(lines.lines.len() <= Lines::wrap(text, style, width).lines.len());
    }

    #[test]
    fn placed_lines_stay_inside_their_column() {
        let mut items = Vec::new();
        let style = Style::new(FontKind::Regular, 12.0, 1.3, Color::BLACK);
        let text = "Giấy tờ tùy thân của người đi đăng ký (thẻ căn cước, hộ chiếu hoặc giấy tờ có ảnh khác) do cơ quan có thẩm quyền cấp";
        let h = paragraph(&mut items, text, style, 50.0, 100.0, 150.0, Align::Left);
        let column = Rect::new(50.0, 100.0, 150.0, h);
        assert!(items.len() > 2);
        for item in &items {
            assert!(
                column.contains(&item.bounds()),
                "{:?} outside {column:?}",
                item.bounds()
            );
        }
    }

    #[test]
    fn balanced_lines_keep_the_count_and_avoid_a_lone_last_word() {
        let style = Style::new(FontKind::Bold, 22.0, 1.1, Color::BLACK);
        let title = "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp";
        let greedy = Lines::wrap(title, style, 515.0);
        let balanced = Lines::balanced(title, style, 515.0);
        assert_eq!(greedy.lines.len(), balanced.lines.len());
        assert_eq!(balanced.lines.join(" "), title);
        let f = FontKind::Bold.font();
        let widths: Vec<f32> = balanced.lines.iter().map(|l| f.width(l, 22.0)).collect();
        assert!(widths.iter().all(|w| *w <= 515.0));
        let shortest = widths.iter().cloned().fold(f32::MAX, f32::min);
        let longest = widths.iter().cloned().fold(0.0, f32::max);
        assert!(shortest > longest * 0.6, "{:?}", balanced.lines);
    }

    #[test]
    fn numbered_list_markers_and_text_stay_inside() {
        let mut items = Vec::new();
        let style = Style::new(FontKind::Regular, 11.0, 1.3, Color::BLACK);
        let marker = Marker::Number {
            fill: Color::BLACK,
            text: Color::WHITE,
        };
        let h = list(
            &mut items,
            &[
                "Nộp hồ sơ.",
                "Nhận kết quả tại Bộ phận Một cửa của Ủy ban nhân dân cấp xã.",
            ],
            style,
            marker,
            20.0,
            30.0,
            120.0,
        );
        let column = Rect::new(20.0, 30.0, 120.0, h);
        for item in &items {
            assert!(
                column.contains(&item.bounds()),
                "{:?} outside {column:?}",
                item.bounds()
            );
        }
    }
}
