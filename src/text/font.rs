//! The shipped fonts and their metrics.
//!
//! A style ([`FontKind`]) is Noto Sans in its weight, then, glyph by glyph
//! for what Noto Sans lacks (≥ ≤ − → ≈ ≠, ▪ ► ✓, ①), the fallback faces
//! Noto Sans Math, Noto Sans Symbols 2 and Noto Sans Symbols: a bold run
//! takes the regular fallback glyph, which is how word processors do it.
//! Both renderers draw one glyph per character with the face's own advances
//! and no kerning, so summing ttf-parser advances measures exactly what is
//! drawn; [`Font::segments`] tells them which face draws which characters.

use std::ops::Range;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

/// A font file toroi ships, compiled in (OFL: see assets/fonts/OFL.txt).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    Math,
    Symbols2,
    Symbols,
}

impl Face {
    pub const ALL: [Face; 5] = [
        Face::Regular,
        Face::Bold,
        Face::Math,
        Face::Symbols2,
        Face::Symbols,
    ];

    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
            Face::Bold => include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
            Face::Math => include_bytes!("../../assets/fonts/NotoSansMath-Regular.ttf"),
            Face::Symbols2 => include_bytes!("../../assets/fonts/NotoSansSymbols2-Regular.ttf"),
            Face::Symbols => include_bytes!("../../assets/fonts/NotoSansSymbols-Regular.ttf"),
        }
    }

    /// Its place in [`Face::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The glyph that draws `c`, if the face has one.
    pub fn glyph(self, c: char) -> Option<u16> {
        self.parsed().glyph_index(c).map(|g| g.0)
    }

    /// A glyph's advance in font units (`hmtx`), 0 for a glyph not there.
    pub fn advance(self, glyph: u16) -> u16 {
        self.parsed()
            .glyph_hor_advance(ttf_parser::GlyphId(glyph))
            .unwrap_or(0)
    }

    fn parsed(self) -> &'static ttf_parser::Face<'static> {
        static FACES: OnceLock<Vec<ttf_parser::Face<'static>>> = OnceLock::new();
        let faces = FACES.get_or_init(|| {
            Face::ALL
                .iter()
                .map(|f| ttf_parser::Face::parse(f.bytes(), 0).expect("shipped font parses"))
                .collect()
        });
        &faces[self as usize]
    }
}

/// A text style that layout asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FontKind {
    Regular,
    Bold,
}

impl FontKind {
    pub const ALL: [FontKind; 2] = [FontKind::Regular, FontKind::Bold];

    pub fn font(self) -> &'static Font {
        static FONTS: OnceLock<[Font; 2]> = OnceLock::new();
        let fonts = FONTS.get_or_init(|| {
            let fallbacks = [Face::Math, Face::Symbols2, Face::Symbols];
            [
                Font::new([Face::Regular], fallbacks),
                Font::new([Face::Bold], fallbacks),
            ]
        });
        &fonts[self as usize]
    }
}

/// Makes what the first layout would make on its own path: every face
/// parsed, both styles' fonts, and the advances of the letters every
/// Vietnamese text uses. Run on another core while a command reads its
/// files.
pub fn warm_up() {
    for kind in FontKind::ALL {
        let font = kind.font();
        for c in (' '..='~')
            .chain("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ".chars())
        {
            font.entry(c);
            font.entry(c.to_uppercase().next().unwrap_or(c));
        }
    }
}

/// Characters below this are cached; it covers Latin, Vietnamese,
/// punctuation and the symbol blocks the fallback faces bring.
const CACHED: usize = 0x2C00;
const UNKNOWN: u32 = 0;
const MISSING: u32 = u32::MAX;
/// A cached entry is 1 + (index of the face in the chain << 24) + advance.
const FACE_SHIFT: u32 = 24;

/// A style's chain of faces, with one cache of who draws each character.
pub struct Font {
    chain: Vec<Face>,
    /// Every face of the chain shares these (checked in a test), so that
    /// advances and outlines add up without rescaling.
    units_per_em: f32,
    advances: Box<[AtomicU32]>,
}

impl Font {
    fn new<const N: usize>(primary: [Face; 1], fallbacks: [Face; N]) -> Font {
        let chain: Vec<Face> = primary.into_iter().chain(fallbacks).collect();
        Font {
            units_per_em: chain[0].parsed().units_per_em() as f32,
            chain,
            advances: (0..CACHED).map(|_| AtomicU32::new(UNKNOWN)).collect(),
        }
    }

    fn lookup(&self, c: char) -> u32 {
        for (i, face) in self.chain.iter().enumerate() {
            let f = face.parsed();
            if let Some(g) = f.glyph_index(c) {
                let advance = f.glyph_hor_advance(g).unwrap_or(0) as u32;
                return 1 + ((i as u32) << FACE_SHIFT) + advance;
            }
        }
        MISSING
    }

    /// The face index in the chain and the advance of `c` in font units,
    /// or None when no face has a glyph for it.
    fn entry(&self, c: char) -> Option<(usize, u32)> {
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
        (raw != MISSING).then(|| {
            let v = raw - 1;
            ((v >> FACE_SHIFT) as usize, v & ((1 << FACE_SHIFT) - 1))
        })
    }

    /// Width of `text` at `size` points, as the renderers will draw it.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| self.entry(c).map_or(0, |(_, a)| a))
            .sum();
        units as f32 * size / self.units_per_em
    }

    /// Font units per em: outlines and advances are in these.
    pub fn units_per_em(&self) -> f32 {
        self.units_per_em
    }

    /// Feeds the outline of `c` (font units, y up) from the face that draws
    /// it to `builder` and returns its advance in font units: the raster
    /// renderer draws with the same glyphs and advances as the PDF, so both
    /// place every letter alike.
    pub fn outline(&self, c: char, builder: &mut dyn ttf_parser::OutlineBuilder) -> f32 {
        let Some((i, advance)) = self.entry(c) else {
            return 0.0;
        };
        let f = self.chain[i].parsed();
        if let Some(g) = f.glyph_index(c) {
            f.outline_glyph(g, builder);
        }
        advance as f32
    }

    /// `text` cut into runs drawn by one face each: the face, the byte
    /// range, and the advance before it in font units. A character no face
    /// has goes with the text face (layout refuses such text before).
    pub fn segments(&self, text: &str) -> Vec<(Face, Range<usize>, f32)> {
        let mut out: Vec<(Face, Range<usize>, f32)> = Vec::with_capacity(1);
        let mut before = 0u32;
        for (at, c) in text.char_indices() {
            let (i, advance) = self.entry(c).unwrap_or((0, 0));
            let face = self.chain[i];
            let end = at + c.len_utf8();
            match out.last_mut() {
                Some((f, range, _)) if *f == face => range.end = end,
                _ => out.push((face, at..end, before as f32)),
            }
            before += advance;
        }
        out
    }

    /// Every distinct character of `text` that no shipped face can draw,
    /// in the order they first appear.
    pub fn missing_chars(&self, text: &str) -> Vec<char> {
        let mut out = Vec::new();
        for c in text.chars() {
            if self.entry(c).is_none() && !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }

    fn primary(&self) -> &'static ttf_parser::Face<'static> {
        self.chain[0].parsed()
    }

    /// Height above the baseline of capital letters, as a fraction of the size.
    pub fn cap_height(&self) -> f32 {
        self.primary().capital_height().unwrap_or(714) as f32 / self.units_per_em
    }

    pub fn ascender(&self) -> f32 {
        self.primary().ascender() as f32 / self.units_per_em
    }

    pub fn descender(&self) -> f32 {
        -(self.primary().descender() as f32) / self.units_per_em
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
            let f = kind.font();
            assert_eq!(f.missing_chars(letters), Vec::<char>::new());
            assert_eq!(f.missing_chars(&upper), Vec::<char>::new());
            assert_eq!(f.missing_chars("–—“”‘’…•№"), Vec::<char>::new());
            // Every letter is Noto Sans's own: one segment.
            assert_eq!(f.segments(letters).len(), 1);
        }
    }

    /// The signs fees and conditions use, by Unicode block: Latin-1,
    /// General Punctuation, superscripts, currency, letterlike symbols,
    /// arrows, mathematical operators, geometric shapes, dingbats.
    #[test]
    fn every_sign_an_administrative_text_uses_prints() {
        let signs = "§©®°±²³µ·¹¼½¾×÷‰′″‹›※⁄⁰⁴⁵₀₁₂₃€₫₤℃℉№™Ω℮←↑→↓↔⇐⇒⇔∆∑−∓∕∙√∞∧∨∩∪≈≠≡≤≥⊂⊃■□▪▫▲△►▶▼◆◇○●★☆☎☐☑☒✓✔✕✖✗✘❶①②③⑩";
        for kind in FontKind::ALL {
            assert_eq!(
                kind.font().missing_chars(signs),
                Vec::<char>::new(),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn fallback_faces_draw_what_noto_sans_lacks() {
        let f = FontKind::Bold.font();
        let s = f.segments("Từ 18 tuổi → ≥ 1 bản ✓");
        let faces: Vec<Face> = s.iter().map(|(face, _, _)| *face).collect();
        assert_eq!(
            faces,
            [
                Face::Bold,
                Face::Math,
                Face::Bold,
                Face::Math,
                Face::Bold,
                Face::Symbols2
            ]
        );
        // Offsets add up to the measured width.
        let (_, last, before) = &s[s.len() - 1];
        let tail = f.width(&"Từ 18 tuổi → ≥ 1 bản ✓"[last.clone()], 1000.0);
        let total = f.width("Từ 18 tuổi → ≥ 1 bản ✓", 1000.0);
        assert!(
            (before + tail - total).abs() < 0.01,
            "{before} + {tail} vs {total}"
        );
        // The arrow has a real width, not 0.
        assert!(f.width("→", 10.0) > 3.0);
    }

    #[test]
    fn all_faces_share_units_per_em() {
        for face in Face::ALL {
            assert_eq!(face.parsed().units_per_em(), 1000, "{face:?}");
        }
    }

    #[test]
    fn emoji_and_cjk_are_missing_every_one_named() {
        let f = FontKind::Regular.font();
        assert_eq!(f.missing_chars("ok 😀 và 🎉, 😀"), ['😀', '🎉']);
        assert_eq!(f.missing_chars("行政"), ['行', '政']);
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
