//! A page's content stream, written straight into bytes.
//!
//! printpdf turns its operations into lopdf objects (a vector of operands
//! an operator, every number through `fmt`, every glyph code through
//! `write!("{:02X}")`) one page after another: a tenth of a handbook's time
//! and more of a catalogue's. Here each page is written by one pass over
//! its items, pages in parallel, in exactly the syntax printpdf's writer
//! produces (the test beside this module compares the two byte for byte),
//! so that the PDF is the same file, only sooner.
//!
//! Text is shown as Identity-H codes: a glyph's number in the subset font
//! embedded (see [`super::fonts`]), which is the glyph's place among the
//! glyphs the document uses (see [`Glyphs`]).

use printpdf::{Color as PdfColor, CurTransMat};
use rustc_hash::FxHashMap;

use super::{color_of, r2, Resources};
use crate::scene::{Color, Item, Page, Rect};
use crate::text::Face;

/// The characters below this are looked up in tables, the rest in maps:
/// Latin with every Vietnamese letter (to U+1EFF) and the punctuation
/// block.
const TABLED: usize = 0x2070;

/// The characters a document shows in each face, and the code each one
/// has in that face's subset.
pub struct Glyphs {
    /// The faces shown, in [`Face::ALL`]'s order.
    pub faces: Vec<FaceGlyphs>,
}

/// What one face shows.
pub struct FaceGlyphs {
    pub face: Face,
    /// Each distinct character with its glyph (None: the face has none),
    /// ordered by its last appearance in the document: of two characters
    /// drawn by one glyph, the later names the glyph for copying text out
    /// of the PDF, as printpdf, reading the pages, would have had it.
    pub chars: Vec<(char, Option<u16>)>,
    /// The glyphs drawn, ascending, without .notdef: the subset is
    /// .notdef then these, and a glyph's code is its place there.
    pub used: Vec<u16>,
    codes: Codes,
}

/// Whether `c` is looked up in a table ([`Blocks`]), not a map.
fn tabled(c: char) -> bool {
    (c as usize) < TABLED
}

/// A value for each character below [`TABLED`], in blocks of 256 made on
/// first use. A document shows a few blocks (ASCII, the Vietnamese
/// letters' two, punctuation); a table made whole was 8,304 entries a face
/// to fill, scan and fault in, most of them never used.
struct Blocks<T: Copy> {
    /// What a character not set has.
    unset: T,
    blocks: Vec<Option<Box<[T; 256]>>>,
}

impl<T: Copy + PartialEq> Blocks<T> {
    fn new(unset: T) -> Blocks<T> {
        Blocks {
            unset,
            blocks: vec![None; TABLED.div_ceil(256)],
        }
    }

    fn get(&self, c: char) -> T {
        let c = c as usize;
        match &self.blocks[c >> 8] {
            Some(block) => block[c & 0xFF],
            None => self.unset,
        }
    }

    fn set(&mut self, c: char, value: T) {
        let c = c as usize;
        let unset = self.unset;
        self.blocks[c >> 8].get_or_insert_with(|| Box::new([unset; 256]))[c & 0xFF] = value;
    }

    /// Each character set, with its value, in the characters' order.
    fn set_ones(&self) -> impl Iterator<Item = (char, T)> + '_ {
        self.blocks
            .iter()
            .enumerate()
            .filter_map(|(b, block)| block.as_ref().map(|block| (b, block)))
            .flat_map(move |(b, block)| {
                block
                    .iter()
                    .enumerate()
                    .filter(move |(_, v)| **v != self.unset)
                    .filter_map(move |(i, v)| char::from_u32((b << 8 | i) as u32).map(|c| (c, *v)))
            })
    }
}

/// One face's codes: a table for the common characters, a map for the rest.
struct Codes {
    tabled: Blocks<u16>,
    other: FxHashMap<char, u16>,
}

impl Codes {
    fn get(&self, c: char) -> u16 {
        match tabled(c) {
            true => self.tabled.get(c),
            false => self.other.get(&c).copied().unwrap_or(0),
        }
    }
}

/// Where each character of one face last appeared.
struct Seen {
    tabled: Blocks<u32>,
    other: FxHashMap<char, u32>,
}

impl Default for Seen {
    fn default() -> Seen {
        Seen {
            tabled: Blocks::new(u32::MAX),
            other: FxHashMap::default(),
        }
    }
}

impl Seen {
    fn mark(&mut self, c: char, at: u32) {
        if tabled(c) {
            self.tabled.set(c, at);
        } else {
            self.other.insert(c, at);
        }
    }

    /// The characters seen, by their last appearance.
    fn in_order(&self) -> Vec<char> {
        let mut chars: Vec<(u32, char)> = self
            .tabled
            .set_ones()
            .map(|(c, at)| (at, c))
            .chain(self.other.iter().map(|(c, at)| (*at, *c)))
            .collect();
        chars.sort_unstable();
        chars.into_iter().map(|(_, c)| c).collect()
    }
}

impl Glyphs {
    /// Every character of every text run of `pages`, face by face; `glyph`
    /// gives a character's glyph in a face.
    pub fn of(pages: &[Page], glyph: impl Fn(Face, char) -> Option<u16>) -> Glyphs {
        let mut seen: Vec<(Face, Seen)> = Vec::new();
        // A document's characters, counted (a handbook of 200 procedures
        // shows about a million).
        let mut at = 0u32;
        for item in pages.iter().flat_map(|p| &p.items) {
            let Item::Text(run) = item else { continue };
            for (face, range, _) in run.font.font().segments(&run.text) {
                let i = match seen.iter().position(|(f, _)| *f == face) {
                    Some(i) => i,
                    None => {
                        seen.push((face, Seen::default()));
                        seen.len() - 1
                    }
                };
                for c in run.text[range].chars() {
                    seen[i].1.mark(c, at);
                    at = at.saturating_add(1);
                }
            }
        }
        // A stable order for the fonts' first use.
        seen.sort_by_key(|(face, _)| face.index());
        let faces = seen
            .into_iter()
            .map(|(face, seen)| {
                let chars: Vec<(char, Option<u16>)> = seen
                    .in_order()
                    .into_iter()
                    .map(|c| (c, glyph(face, c)))
                    .collect();
                let mut used: Vec<u16> = chars
                    .iter()
                    .filter_map(|&(_, g)| g)
                    .filter(|&g| g != 0)
                    .collect();
                used.sort_unstable();
                used.dedup();
                let code = |g: Option<u16>| match g {
                    Some(g) if g != 0 => used.binary_search(&g).map_or(0, |i| i as u16 + 1),
                    _ => 0,
                };
                let mut codes = Codes {
                    tabled: Blocks::new(0),
                    other: FxHashMap::default(),
                };
                for &(c, g) in &chars {
                    match tabled(c) {
                        true => codes.tabled.set(c, code(g)),
                        false => {
                            codes.other.insert(c, code(g));
                        }
                    }
                }
                FaceGlyphs {
                    face,
                    chars,
                    used,
                    codes,
                }
            })
            .collect();
        Glyphs { faces }
    }

    /// The codes of one face (a character it does not show is .notdef).
    fn of_face(&self, face: Face) -> Option<&Codes> {
        self.faces.iter().find(|f| f.face == face).map(|f| &f.codes)
    }
}

/// A content stream being written: operations separated by newlines, each
/// operand followed by a space, as lopdf's `Content::encode` writes them.
struct Stream {
    bytes: Vec<u8>,
    ints: itoa::Buffer,
}

impl Stream {
    fn op(&mut self, operator: &str) {
        if !self.bytes.is_empty() {
            self.bytes.push(b'\n');
        }
        // Operands were written before; the newline goes before them.
        self.bytes.extend_from_slice(operator.as_bytes());
    }

    /// Starts an operation whose operands follow.
    fn begin(&mut self) {
        if !self.bytes.is_empty() {
            self.bytes.push(b'\n');
        }
    }

    fn end(&mut self, operator: &str) {
        self.bytes.extend_from_slice(operator.as_bytes());
    }

    fn real(&mut self, v: f32) {
        real(&mut self.bytes, &mut self.ints, v);
        self.bytes.push(b' ');
    }

    fn name(&mut self, name: &str) {
        // Resource names here are printpdf's (letters and digits), which
        // need none of the #XX escapes of PDF names.
        self.bytes.push(b'/');
        self.bytes.extend_from_slice(name.as_bytes());
        self.bytes.push(b' ');
    }

    fn reals(&mut self, values: &[f32], operator: &str) {
        self.begin();
        for &v in values {
            self.real(v);
        }
        self.end(operator);
    }

    fn fill(&mut self, c: Color, cmyk: bool) {
        match color_of(c, cmyk) {
            PdfColor::Cmyk(c) => self.reals(&[c.c, c.m, c.y, c.k], "k"),
            PdfColor::Rgb(c) => self.reals(&[c.r, c.g, c.b], "rg"),
            PdfColor::Greyscale(g) => self.reals(&[g.percent], "g"),
            PdfColor::SpotColor(c) => self.reals(&[c.c, c.m, c.y, c.k], "k"),
        }
    }

    /// `<XXXX…> Tj`: the codes as big-endian pairs of hex digits.
    fn show(&mut self, codes: impl Iterator<Item = u16>) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        self.begin();
        self.bytes.push(b'<');
        for code in codes {
            for byte in code.to_be_bytes() {
                self.bytes.push(HEX[usize::from(byte >> 4)]);
                self.bytes.push(HEX[usize::from(byte & 15)]);
            }
        }
        self.bytes.extend_from_slice(b"> Tj");
    }
}

/// `v` as lopdf writes a real (Rust's shortest form of the f32: `12`,
/// `0.5`, `-0`): numbers with at most three decimals (every coordinate,
/// rounded to 1/100 pt, and every colour, to 1/1000) by integer digits,
/// the rest through `fmt`.
fn real(out: &mut Vec<u8>, ints: &mut itoa::Buffer, v: f32) {
    // Below 4096 an f32's spacing is under 1/4000, so the decimal of
    // three places that reads back as `v` is the only one that short, and
    // is what `fmt` prints.
    if v.abs() < 4096.0 {
        if v == 0.0 {
            out.extend_from_slice(if v.is_sign_negative() { b"-0" } else { b"0" });
            return;
        }
        let n = (f64::from(v) * 1000.0).round();
        if (n / 1000.0) as f32 == v {
            let n = n as i64;
            if n < 0 {
                out.push(b'-');
            }
            let (whole, mut frac) = (n.unsigned_abs() / 1000, n.unsigned_abs() % 1000);
            out.extend_from_slice(ints.format(whole).as_bytes());
            if frac != 0 {
                out.push(b'.');
                let mut digits = 3;
                while frac % 10 == 0 {
                    frac /= 10;
                    digits -= 1;
                }
                let s = ints.format(frac);
                out.extend(std::iter::repeat_n(b'0', digits - s.len()));
                out.extend_from_slice(s.as_bytes());
            }
            return;
        }
    }
    use std::io::Write;
    let _ = write!(out, "{v}");
}

/// The content stream of `page`.
pub fn write(res: &Resources, glyphs: &Glyphs, page: &Page) -> Vec<u8> {
    let flip = |y: f32| page.height - y;
    let mut s = Stream {
        bytes: Vec::with_capacity(page.items.len() * 40),
        ints: itoa::Buffer::new(),
    };
    let mut fill: Option<Color> = None;
    let mut set_fill = |s: &mut Stream, c: Color| {
        if fill != Some(c) {
            s.fill(c, res.cmyk);
            fill = Some(c);
        }
    };
    let mut items = page.items.iter().peekable();
    while let Some(item) = items.next() {
        match item {
            Item::Text(first) => {
                // Consecutive runs share one text object; the font, size and
                // colour are set only when they change, and each line moves
                // from the previous one (Td is relative inside BT ... ET).
                s.op("BT");
                let mut font: Option<(Face, f32)> = None;
                let mut at = (0.0f32, 0.0f32);
                let mut run = first;
                loop {
                    set_fill(&mut s, run.color);
                    // A run is drawn face by face: a sign that Noto Sans
                    // lacks comes from a fallback face, at the advance
                    // that layout measured for the text before it.
                    let style = run.font.font();
                    let em = run.size / style.units_per_em();
                    for (face, range, before) in style.segments(&run.text) {
                        if font != Some((face, run.size)) {
                            s.begin();
                            s.name(&res.fonts[&face].0);
                            s.real(run.size);
                            s.end("Tf");
                            font = Some((face, run.size));
                        }
                        let x = run.x + before * em;
                        let delta = (r2(x - at.0), r2(flip(run.y) - at.1));
                        s.reals(&[delta.0, delta.1], "Td");
                        at = (at.0 + delta.0, at.1 + delta.1);
                        let codes = glyphs.of_face(face);
                        s.show(
                            run.text[range]
                                .chars()
                                .map(|c| codes.map_or(0, |codes| codes.get(c))),
                        );
                    }
                    match items.peek() {
                        Some(Item::Text(next)) => {
                            run = next;
                            items.next();
                        }
                        _ => break,
                    }
                }
                s.op("ET");
            }
            Item::Rect {
                rect,
                fill: c,
                radius,
            } => {
                set_fill(&mut s, *c);
                if *radius > 0.0 {
                    rounded(&mut s, *rect, *radius, page.height);
                } else {
                    // `x y w h re f`: a third of the polygon's operators.
                    let r = [rect.x, flip(rect.bottom()), rect.w, rect.h].map(r2);
                    s.reals(&r, "re");
                    s.op("f");
                }
            }
            Item::Modules {
                origin, id, module, ..
            } => {
                // The symbol is a form drawn in module units; this places it.
                let m = *module;
                s.op("q");
                s.reals(&[m, 0.0, 0.0, -m, origin.0, flip(origin.1)], "cm");
                s.op("q");
                s.reals(&CurTransMat::Identity.as_array(), "cm");
                s.begin();
                s.name(&res.symbols[id].0);
                s.end("Do");
                s.op("Q");
                s.op("Q");
            }
            Item::Image {
                id, image, matte, ..
            } => {
                // The image's unit square, scaled to its pixels at 72 dpi
                // and then to its box, by printpdf's own matrices.
                let transform = super::image_placement(item, page.height);
                let size = (
                    printpdf::Px(image.width() as usize),
                    printpdf::Px(image.height() as usize),
                );
                let mut t = CurTransMat::Identity.as_array();
                for q in transform.get_ctms(Some(size)) {
                    t = CurTransMat::combine_matrix(t, q.as_array());
                }
                s.op("q");
                s.reals(&t, "cm");
                s.begin();
                s.name(&res.images[&super::image_key(*id, *matte)].0);
                s.end("Do");
                s.op("Q");
            }
            // Links are annotations of the page, not content.
            Item::Link { .. } => {}
        }
    }
    s.bytes
}

/// A filled rectangle with corners rounded by cubic Béziers (control
/// points at 0.5523 × radius approximate a quarter circle).
fn rounded(s: &mut Stream, r: Rect, radius: f32, page_h: f32) {
    let (x0, x1) = (r.x, r.right());
    let (y0, y1) = (page_h - r.bottom(), page_h - r.y);
    let rad = radius.min(r.w / 2.0).min(r.h / 2.0);
    if rad <= 0.0 {
        s.reals(&[x0, y0], "m");
        s.reals(&[x1, y0], "l");
        s.reals(&[x1, y1], "l");
        s.reals(&[x0, y1], "l");
    } else {
        let k = rad * (1.0 - 0.552_284_8);
        s.reals(&[x0 + rad, y0], "m");
        s.reals(&[x1 - rad, y0], "l");
        s.reals(&[x1 - k, y0, x1, y0 + k, x1, y0 + rad], "c");
        s.reals(&[x1, y1 - rad], "l");
        s.reals(&[x1, y1 - k, x1 - k, y1, x1 - rad, y1], "c");
        s.reals(&[x0 + rad, y1], "l");
        s.reals(&[x0 + k, y1, x0, y1 - k, x0, y1 - rad], "c");
        s.reals(&[x0, y0 + rad], "l");
        s.reals(&[x0, y0 + k, x0 + k, y0, x0 + rad, y0], "c");
    }
    s.op("h");
    s.op("f");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(v: f32) -> String {
        let mut out = Vec::new();
        real(&mut out, &mut itoa::Buffer::new(), v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn reals_are_written_as_fmt_writes_them() {
        // Coordinates (1/100 pt), colours (1/1000), sizes, matrices, and
        // numbers of no particular kind, in every range.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut values = vec![0.0, -0.0, 1.0, -1.0, 0.5, 4095.999, 4096.0, 1e-7, 1e9];
        for _ in 0..200_000 {
            let bits = next();
            let n = (bits % 400_000) as f32 - 100_000.0;
            values.push(((n / 100.0) * 100.0).round() / 100.0);
            values.push((n / 1000.0 * 1000.0).round() / 1000.0);
            values.push(n / 7.0);
            values.push(f32::from_bits((bits >> 32) as u32));
        }
        for v in values.into_iter().filter(|v| v.is_finite()) {
            assert_eq!(written(v), format!("{v}"), "{v:?}");
        }
    }
}
