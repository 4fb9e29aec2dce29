//! The faces a document shows, embedded as subsets: each face's font
//! program, widths and ToUnicode map, made on its own core.
//!
//! printpdf embedded them one after the other, and for each it parsed the
//! whole face (copying it and decoding outlines), subset it, then parsed
//! the subset again to decode every outline for its widths: most of a
//! poster's PDF time. Here the subset comes from the same subsetter with
//! the same glyph list (allsorts, which printpdf calls), the widths from
//! the face's `hmtx`, the names and metrics from its tables, and every
//! object is written as printpdf writes it: the test beside the renderer
//! compares the two files object by object.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use lopdf::{Dictionary, Object, Stream, StringFormat};

use super::content::FaceGlyphs;
use super::Packed;
use crate::text::Face;

/// What printpdf reads of a face for its font dictionaries.
struct Facts {
    /// The PostScript name (`name` table, id 6).
    name: Option<String>,
    units_per_em: u16,
    /// `head`'s bounding box: x min, y min, x max, y max.
    bbox: [i16; 4],
    /// `hhea`'s.
    ascender: i16,
    descender: i16,
    caret_slope_rise: i16,
    caret_slope_run: i16,
    /// OS/2's, 0 without one.
    weight_class: u16,
}

impl Facts {
    /// Read once a run per face, from the tables printpdf reads them from.
    fn of(face: Face) -> &'static Facts {
        static FACTS: [OnceLock<Facts>; Face::ALL.len()] =
            [const { OnceLock::new() }; Face::ALL.len()];
        FACTS[face.index()].get_or_init(|| Facts::read(face.bytes()).expect("a shipped face reads"))
    }

    fn read(bytes: &[u8]) -> Option<Facts> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::tables::os2::Os2;
        use allsorts::tables::{FontTableProvider, HeadTable, HheaTable, NameTable};
        use allsorts::tag;

        let font = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
        let provider = font.table_provider(0).ok()?;
        let head_data = provider.read_table_data(tag::HEAD).ok()?;
        let head = ReadScope::new(&head_data).read::<HeadTable>().ok()?;
        let hhea_data = provider.read_table_data(tag::HHEA).ok()?;
        let hhea = ReadScope::new(&hhea_data).read::<HheaTable>().ok()?;
        // OS/2 and the names may be missing: a weight of 0, no name.
        let os2_data = provider.read_table_data(tag::OS_2).ok();
        let os2 = os2_data
            .as_ref()
            .and_then(|d| ReadScope::new(d).read_dep::<Os2>(d.len()).ok());
        let name_data = provider.read_table_data(tag::NAME).ok();
        let names = name_data
            .as_ref()
            .and_then(|d| ReadScope::new(d).read::<NameTable<'_>>().ok());
        let weight_class = os2.map_or(0, |os2| os2.us_weight_class);
        let name = names.and_then(|n| n.string_for_id(NameTable::POSTSCRIPT_NAME));
        Some(Facts {
            name,
            units_per_em: head.units_per_em,
            bbox: [head.x_min, head.y_min, head.x_max, head.y_max],
            ascender: hhea.ascender,
            descender: hhea.descender,
            caret_slope_rise: hhea.caret_slope_rise,
            caret_slope_run: hhea.caret_slope_run,
            weight_class,
        })
    }
}

/// A face ready to be added to the document: its objects, in the order
/// printpdf adds them, with the streams already packed.
pub(super) struct Embedded {
    /// The resource name pages use for it.
    pub name: String,
    font_file: Stream,
    to_unicode: Stream,
    /// Without its `FontFile2`, which is a reference known once added.
    descriptor: Dictionary,
    /// The descendant font, without its `FontDescriptor` (the same).
    descendant: Dictionary,
    /// The Type0 font, without its `ToUnicode` and `DescendantFonts`.
    type0: Dictionary,
}

/// printpdf's width for a glyph's advance: thousandths of an em, cut
/// (not rounded) in f32, as `get_normalized_widths_codes` computes it.
fn width(advance: u16, units_per_em: u16) -> i64 {
    let scale = 1000.0 / (units_per_em as f32);
    (advance as f32 * scale) as i64
}

/// The `/W` array of consecutive codes' widths: `c [w1 w2 …]` per run.
fn widths(entries: &[(u16, i64)]) -> Vec<Object> {
    let mut list = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let (mut low, mut high) = (0u16, 0u16);
    for &(code, w) in entries {
        if !run.is_empty() && code == high + 1 {
            high = code;
            run.push(Object::Integer(w));
            continue;
        }
        if !run.is_empty() {
            list.push(Object::Integer(low as i64));
            list.push(Object::Array(std::mem::take(&mut run)));
        }
        (low, high) = (code, code);
        run.push(Object::Integer(w));
    }
    if !run.is_empty() {
        list.push(Object::Integer(low as i64));
        list.push(Object::Array(run));
    }
    list
}

/// One face's subset and dictionaries, named `name` (six capitals: the
/// subset tag is its first six letters, as printpdf takes them).
pub(super) fn embed(glyphs: &FaceGlyphs, name: &str) -> Embedded {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{subset, CmapTarget, SubsetProfile};

    let face = glyphs.face;
    let facts = Facts::of(face);
    // Each glyph with the character that last named it, as printpdf reads
    // the characters of its text (a later one replaces an earlier one).
    let mut usage: BTreeMap<u16, char> = BTreeMap::new();
    for &(c, gid) in &glyphs.chars {
        if let Some(g) = gid {
            usage.insert(g, c);
        }
    }
    // .notdef first, then the glyphs in ascending order: a glyph's code is
    // its place in this list.
    let ids: Vec<u16> = std::iter::once(0)
        .chain(glyphs.used.iter().copied())
        .collect();
    let program = ReadScope::new(face.bytes())
        .read::<FontData<'_>>()
        .ok()
        .and_then(|font| font.table_provider(0).ok())
        .and_then(|provider| subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode).ok())
        .expect("a shipped face subsets");
    let coded: Vec<(u16, u16, char)> = ids
        .iter()
        .enumerate()
        .filter_map(|(code, gid)| usage.get(gid).map(|&c| (code as u16, *gid, c)))
        .collect();

    let to_unicode = printpdf::cmap::ToUnicodeCMap {
        mappings: coded
            .iter()
            .map(|&(code, _, c)| (code as u32, vec![c as u32]))
            .collect(),
    }
    .to_cmap_string(name);
    let advances: Vec<(u16, i64)> = coded
        .iter()
        .map(|&(code, gid, _)| (code, width(face.advance(gid), facts.units_per_em)))
        .collect();

    let base_font = format!(
        "{}+{}",
        name.get(0..6).unwrap_or(name),
        facts.name.as_deref().unwrap_or(name)
    );
    let scale = if facts.units_per_em == 0 {
        1.0
    } else {
        1000.0 / facts.units_per_em as f32
    };
    let scaled = |v: i64| (v as f32 * scale).round() as i64;
    let ascent = scaled(facts.ascender as i64);
    let italic_angle = if facts.caret_slope_rise == 0 {
        0
    } else {
        (-(facts.caret_slope_run as f32)
            .atan2(facts.caret_slope_rise as f32)
            .to_degrees())
        .round() as i64
    };
    const NONSYMBOLIC: i64 = 1 << 5;
    const ITALIC: i64 = 1 << 6;
    let flags = NONSYMBOLIC | if italic_angle != 0 { ITALIC } else { 0 };
    let stem_v = if facts.weight_class == 0 {
        80
    } else {
        50 + ((facts.weight_class as f32 / 65.0).powi(2)).round() as i64
    };

    let name_obj = || Object::Name(base_font.clone().into_bytes());
    let mut font_file = Stream::new(
        Dictionary::from_iter(vec![("Length1", Object::Integer(program.len() as i64))]),
        Vec::new(),
    );
    Packed::of(program).into(&mut font_file);
    let mut to_unicode_stream = Stream::new(Dictionary::new(), Vec::new());
    Packed::of(to_unicode.into_bytes()).into(&mut to_unicode_stream);
    let descriptor = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"FontDescriptor".to_vec())),
        ("FontName", name_obj()),
        ("Ascent", Object::Integer(ascent)),
        ("Descent", Object::Integer(scaled(facts.descender as i64))),
        // printpdf's face never carries a cap height: the ascent stands in.
        ("CapHeight", Object::Integer(ascent)),
        ("ItalicAngle", Object::Integer(italic_angle)),
        ("Flags", Object::Integer(flags)),
        ("StemV", Object::Integer(stem_v)),
        (
            "FontBBox",
            Object::Array(
                facts
                    .bbox
                    .iter()
                    .map(|&v| Object::Integer(scaled(v as i64)))
                    .collect(),
            ),
        ),
    ]);
    let descendant = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Font".to_vec())),
        ("BaseFont", name_obj()),
        ("Subtype", Object::Name(b"CIDFontType2".to_vec())),
        (
            "CIDSystemInfo",
            Object::Dictionary(Dictionary::from_iter(vec![
                (
                    "Registry",
                    Object::String(b"Adobe".to_vec(), StringFormat::Literal),
                ),
                (
                    "Ordering",
                    Object::String(b"Identity".to_vec(), StringFormat::Literal),
                ),
                ("Supplement", Object::Integer(0)),
            ])),
        ),
        ("W", Object::Array(widths(&advances))),
        ("DW", Object::Integer(1000)),
    ]);
    let type0 = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type0".to_vec())),
        ("BaseFont", name_obj()),
        ("Encoding", Object::Name(b"Identity-H".to_vec())),
    ]);
    Embedded {
        name: name.to_owned(),
        font_file,
        to_unicode: to_unicode_stream,
        descriptor,
        descendant,
        type0,
    }
}

impl Embedded {
    /// Adds the face's objects to `lo` as printpdf adds them (font program,
    /// ToUnicode, descriptor, then the font); the font's reference.
    pub(super) fn add_to(self, lo: &mut lopdf::Document) -> lopdf::ObjectId {
        let Embedded {
            font_file,
            to_unicode,
            mut descriptor,
            mut descendant,
            mut type0,
            ..
        } = self;
        let font_file = lo.add_object(font_file);
        let to_unicode = lo.add_object(to_unicode);
        descriptor.set("FontFile2", Object::Reference(font_file));
        let descriptor = lo.add_object(descriptor);
        descendant.set("FontDescriptor", Object::Reference(descriptor));
        descendant.set("CIDToGIDMap", Object::Name(b"Identity".to_vec()));
        type0.set("ToUnicode", Object::Reference(to_unicode));
        type0.set(
            "DescendantFonts",
            Object::Array(vec![Object::Dictionary(descendant)]),
        );
        lo.add_object(type0)
    }
}

/// The resource name of each face a document shows: six capitals, from
/// the face and the glyphs it shows (the same document, the same names:
/// its PDF is the same file every time), the last one the face's own, so
/// that two faces never share a name.
pub(super) fn name(face: Face, used: &[u16]) -> String {
    // FNV-1a over the face and its glyphs.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(face.index() as u8);
    for g in used {
        g.to_le_bytes().into_iter().for_each(&mut eat);
    }
    let mut name = String::with_capacity(6);
    for _ in 0..5 {
        name.push((b'A' + (h % 26) as u8) as char);
        h /= 26;
    }
    name.push((b'A' + face.index() as u8) as char);
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_run_over_consecutive_codes() {
        let w = widths(&[(1, 500), (2, 600), (3, 700), (7, 250), (9, 1), (10, 2)]);
        let int = Object::Integer;
        assert_eq!(
            w,
            vec![
                int(1),
                Object::Array(vec![int(500), int(600), int(700)]),
                int(7),
                Object::Array(vec![int(250)]),
                int(9),
                Object::Array(vec![int(1), int(2)]),
            ]
        );
    }

    #[test]
    fn names_are_six_capitals_the_same_each_time_and_never_shared() {
        let used = [3u16, 17, 250];
        let a = name(Face::Regular, &used);
        assert_eq!(a, name(Face::Regular, &used));
        assert!(
            a.len() == 6 && a.bytes().all(|b| b.is_ascii_uppercase()),
            "{a}"
        );
        let faces: std::collections::HashSet<String> =
            Face::ALL.iter().map(|f| name(*f, &used)).collect();
        assert_eq!(faces.len(), Face::ALL.len());
        assert_ne!(a, name(Face::Regular, &used[..2]));
    }

    #[test]
    fn a_width_is_cut_to_thousandths_of_an_em() {
        // 1000 units an em: as is; 2048 units: 1229 × 1000 / 2048 = 600.09.
        assert_eq!(width(572, 1000), 572);
        assert_eq!(width(1229, 2048), 600);
        assert_eq!(width(1, 2048), 0);
    }
}
