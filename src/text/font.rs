//! The shipped fonts and their metrics.
//!
//! printpdf draws one glyph per character with the font's own advances and
//! no kerning, so summing ttf-parser advances measures exactly what is drawn.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

/// Noto Sans: OFL, every precomposed Vietnamese letter. See assets/fonts/OFL.txt.
static REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FontKind {
    Regular,
    Bold,
}

impl FontKind {
    pub const ALL: [FontKind; 2] = [FontKind::Regular, FontKind::Bold];

    pub fn font(self) -> &'static Font {
        static FONTS: OnceLock<[Font; 2]> = OnceLock::new();
        let fonts = FONTS.get_or_init(|| [Font::new(REGULAR_TTF), Font::new(BOLD_TTF)]);
        &fonts[self as usize]
    }

    pub fn bytes(self) -> &'static [u8] {
        match self {
            FontKind::Regular => REGULAR_TTF,
            FontKind::Bold => BOLD_TTF,
        }
    }
}

/// Characters below this are cached; it covers Latin, Vietnamese and punctuation.
const CACHED: usize = 0x2070;
const UNKNOWN: u32 = 0;
const MISSING: u32 = u32::MAX;

pub struct Font {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Advance + 1 per character, filled on first use; 0 = not looked up yet.
    advances: Box<[AtomicU32]>,
}

impl Font {
    fn new(data: &'static [u8]) -> Font {
        let face = ttf_parser::Face::parse(data, 0).expect("shipped font parses");
        Font {
            units_per_em: face.units_per_em() as f32,
            face,
            advances: (0..CACHED).map(|_| AtomicU32::new(UNKNOWN)).collect(),
        }
    }

    fn lookup(&self, c: char) -> u32 {
        match self.face.glyph_index(c) {
            Some(g) => self.face.glyph_hor_advance(g).map_or(1, |a| a as u32 + 1),
            None => MISSING,
        }
    }

    /// The advance of `c` in font units, or None when the font has no glyph.
    fn advance(&self, c: char) -> Option<u32> {
        let raw = match self.advances.get(c as usize) {
            Some(slot) => match slot.load(Ordering::Relaxed) {
                UNKNOWN => {
                    let v = self.lookup(c);
                    slot.store(v, Ordering::Relaxed);
                    v
                }
                v => v,
            },
            None => self.lookup(c),
        };
        (raw != MISSING).then(|| raw - 1)
    }

    /// Width of `text` at `size` points, as printpdf will draw it.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| self.advance(c).unwrap_or(0)).sum();
        units as f32 * size / self.units_per_em
    }

    /// Font units per em: outlines and advances are in these.
    pub fn units_per_em(&self) -> f32 {
        self.units_per_em
    }

    /// Feeds the outline of `c` (font units, y up) to `builder` and returns
    /// its advance in font units: the raster renderer draws with the same
    /// glyphs and advances as the PDF, so both place every letter alike.
    pub fn outline(&self, c: char, builder: &mut dyn ttf_parser::OutlineBuilder) -> f32 {
        if let Some(g) = self.face.glyph_index(c) {
            self.face.outline_glyph(g, builder);
        }
        self.advance(c).unwrap_or(0) as f32
    }

    /// The first character that this font cannot draw.
    pub fn missing_char(&self, text: &str) -> Option<char> {
        text.chars().find(|&c| self.advance(c).is_none())
    }

    /// Height above the baseline of capital letters, as a fraction of the size.
    pub fn cap_height(&self) -> f32 {
        self.face.capital_height().unwrap_or(714) as f32 / self.units_per_em
    }

    pub fn ascender(&self) -> f32 {
        self.face.ascender() as f32 / self.units_per_em
    }

    pub fn descender(&self) -> f32 {
        -(self.face.descender() as f32) / self.units_per_em
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vietnamese_letter_has_a_glyph_in_both_weights() {
        let letters = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ";
        let upper: String = letters.chars().flat_map(char::to_uppercase).collect();
        for kind in FontKind::ALL {
            assert_eq!(kind.font().missing_char(letters), None);
            assert_eq!(kind.font().missing_char(&upper), None);
            assert_eq!(kind.font().missing_char("–—“”‘’…•№"), None);
        }
    }

    #[test]
    fn emoji_and_cjk_are_missing() {
        let f = FontKind::Regular.font();
        assert_eq!(f.missing_char("ok 😀"), Some('😀'));
        assert_eq!(f.missing_char("行政"), Some('行'));
    }

    #[test]
    fn width_scales_with_size_and_bold_is_wider() {
        let r = FontKind::Regular.font();
        let w10 = r.width("Đăng ký khai sinh", 10.0);
        assert!((r.width("Đăng ký khai sinh", 20.0) - 2.0 * w10).abs() < 1e-3);
        assert!(FontKind::Bold.font().width("Đăng ký khai sinh", 10.0) > w10);
        assert!(w10 > 50.0 && w10 < 100.0, "{w10}");
    }
}
