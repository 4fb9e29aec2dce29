//! The display list between layout and renderers.
//!
//! Layout decides everything (positions, line breaks, sizes); a renderer
//! only translates these items, so PDF and PNG output cannot disagree.
//! Units are points (1/72 inch), origin at the page's top-left, y down.

use std::sync::Arc;

use crate::qr::Run;
use crate::text::FontKind;

pub const MM: f32 = 72.0 / 25.4;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }

    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// True when `other` lies within this rectangle (with a hair of tolerance).
    pub fn contains(&self, other: &Rect) -> bool {
        const EPS: f32 = 0.01;
        other.x >= self.x - EPS
            && other.y >= self.y - EPS
            && other.right() <= self.right() + EPS
            && other.bottom() <= self.bottom() + EPS
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Color {
    pub const WHITE: Color = Color::rgb(255, 255, 255);
    pub const BLACK: Color = Color::rgb(0, 0, 0);

    pub const fn rgb(r: u8, g: u8, b: u8) -> Color {
        Color { r, g, b }
    }

    /// Parses `#RRGGBB`.
    pub fn from_hex(s: &str) -> Option<Color> {
        let h = s.strip_prefix('#')?;
        if h.len() != 6 || !h.is_ascii() {
            return None;
        }
        let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
        Some(Color::rgb(c(0)?, c(2)?, c(4)?))
    }
}

/// One line of text in one font; `y` is the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub x: f32,
    pub y: f32,
    pub text: String,
    pub font: FontKind,
    pub size: f32,
    pub color: Color,
    /// The measured advance width, so that checks need not re-measure.
    pub width: f32,
}

impl TextRun {
    /// The run's box from ascender to descender.
    pub fn bounds(&self) -> Rect {
        let f = self.font.font();
        let top = self.y - f.ascender() * self.size;
        Rect::new(
            self.x,
            top,
            self.width,
            (f.ascender() + f.descender()) * self.size,
        )
    }
}

#[derive(Debug, Clone)]
pub enum Item {
    Text(TextRun),
    /// A filled rectangle, with rounded corners when `radius` > 0.
    Rect {
        rect: Rect,
        fill: Color,
        radius: f32,
    },
    /// A QR symbol: dark runs filled as one path, so renderers cannot leave
    /// hairline seams between modules. `origin` is the first module's corner
    /// (inside the quiet zone, which layout keeps clear).
    Modules {
        /// The symbol's identity: equal for equal modules and colour,
        /// however the item was copied, so that a PDF holds each distinct
        /// code once (a sheet of ten copies of a card: one form).
        id: SymbolId,
        origin: (f32, f32),
        module: f32,
        /// Modules per side, quiet zone excluded.
        width: usize,
        runs: std::sync::Arc<[Run]>,
        color: Color,
    },
    /// A raster image; transparent parts show `matte`, the colour layout
    /// placed it on (PDF soft masks cost more to write than they are worth here).
    Image {
        /// The image's identity: one image in a PDF however often drawn.
        id: ImageId,
        rect: Rect,
        image: Arc<::image::RgbaImage>,
        matte: Color,
    },
    /// A clickable area.
    Link {
        rect: Rect,
        target: Target,
    },
}

/// Where a link goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Url(String),
    /// A page of the same document, counted from 0.
    Page(usize),
}

impl Item {
    /// The area the item paints (a link paints nothing but is still bounded).
    pub fn bounds(&self) -> Rect {
        match self {
            Item::Text(t) => t.bounds(),
            Item::Rect { rect, .. } | Item::Image { rect, .. } | Item::Link { rect, .. } => *rect,
            Item::Modules {
                origin,
                module,
                width,
                ..
            } => {
                let side = *width as f32 * module;
                Rect::new(origin.0, origin.1, side, side)
            }
        }
    }
}

impl Item {
    /// Moves the item by `(dx, dy)`: blocks are laid out at the origin and
    /// placed on a page afterwards.
    pub fn translate(&mut self, dx: f32, dy: f32) {
        let shift = |r: &mut Rect| {
            r.x += dx;
            r.y += dy;
        };
        match self {
            Item::Text(t) => {
                t.x += dx;
                t.y += dy;
            }
            Item::Rect { rect, .. } | Item::Image { rect, .. } | Item::Link { rect, .. } => {
                shift(rect)
            }
            Item::Modules { origin, .. } => {
                origin.0 += dx;
                origin.1 += dy;
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
    /// The finished size inside a page printed with bleed (PDF TrimBox).
    pub trim: Option<Rect>,
}

impl Page {
    pub fn new(width: f32, height: f32, items: Vec<Item>) -> Page {
        Page {
            width,
            height,
            items,
            trim: None,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Document {
    pub title: String,
    pub author: String,
    pub pages: Vec<Page>,
    /// Bookmarks, in page order: a title and the page it opens (from 0).
    pub outline: Vec<(String, usize)>,
    /// When it was made, in seconds since 1970 (the PDF's dates): read
    /// from the clock once, when the output is resolved.
    pub date: i64,
}

/// Which image an [`Item::Image`] shows: the same for the same file (a
/// logo on the cover and on the back is one image in the PDF).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ImageId(u64);

impl ImageId {
    pub fn of_file(path: &std::path::Path) -> ImageId {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        path.hash(&mut h);
        ImageId(h.finish())
    }
}

/// What makes two QR symbols the same drawing: their modules and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SymbolId(u64);

impl SymbolId {
    /// The symbol whose modules hash to `digest` ([`crate::qr::QrMatrix::digest`]), in `color`.
    pub fn of(digest: u64, color: Color) -> SymbolId {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        digest.hash(&mut h);
        [color.r, color.g, color.b].hash(&mut h);
        SymbolId(h.finish())
    }
}
