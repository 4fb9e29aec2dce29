//! Scene → PDF bytes, with printpdf. A thin translator: every position and
//! line break was decided by layout.

use std::collections::HashMap;
use std::sync::OnceLock;

use rayon::prelude::*;

use printpdf::{
    Actions, BorderArray, Cmyk, Color as PdfColor, CurTransMat, Destination, DictItem,
    ExternalStream, ExternalXObject, FontId, LinePoint, LinkAnnotation, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Px,
    RawImage, RawImageData, RawImageFormat, Rgb, TextItem, WindingOrder, XObjectId,
    XObjectTransform,
};

use crate::scene::{Color, Document, Item, Page, Rect, Target};
use crate::scene::{ImageId, SymbolId};
use crate::text::Face;

/// How to write a document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Every colour as CMYK, for offset printing; black becomes pure K.
    pub cmyk: bool,
}

/// Renders a document; fonts are embedded as subsets of the glyphs used.
pub fn render(doc: &Document) -> Vec<u8> {
    render_with(doc, Options::default())
}

pub fn render_with(doc: &Document, options: Options) -> Vec<u8> {
    let mut pdf = PdfDocument::new(&doc.title);
    pdf.metadata.info.author = doc.author.clone();
    pdf.metadata.info.creator = "toroi".to_owned();
    pdf.metadata.info.producer = format!("toroi {}", env!("CARGO_PKG_VERSION"));
    if let Ok(date) = printpdf::OffsetDateTime::from_unix_timestamp(doc.date) {
        pdf.metadata.info.creation_date = date;
        pdf.metadata.info.modification_date = date;
        pdf.metadata.info.metadata_date = date;
    }

    // Fonts and images first (they need the document), then every page's
    // operations in parallel.
    let res = Resources::add(&mut pdf, doc, options.cmyk);
    let pages: Vec<PdfPage> = doc
        .pages
        .par_iter()
        .map(|page| {
            PdfPage::new(
                printpdf::Mm::from(Pt(page.width)),
                printpdf::Mm::from(Pt(page.height)),
                page_ops(&res, page),
            )
        })
        .collect();
    pdf.with_pages(pages);
    for (title, page) in &doc.outline {
        pdf.add_bookmark(title, page + 1);
    }
    // Images stay raw here and are deflated with the other streams below.
    // `secure: false` lets through the Op::Unknown `re` and `f` that
    // page_ops writes for rectangles; nothing else here makes unknown ops.
    let opts = PdfSaveOptions {
        optimize: false,
        secure: false,
        image_optimization: None,
        ..Default::default()
    };
    let mut lo = pdf.to_lopdf_document(&opts, &mut Vec::new());
    drop(pdf);
    set_boxes(&mut lo, doc);
    order_outline(&mut lo, doc);
    compress_streams(&mut lo);
    let mut bytes = Vec::new();
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .compression_level(2)
        .build();
    lo.save_with_options(&mut bytes, options)
        .expect("writing to memory cannot fail");
    bytes
}

/// The bookmarks in the document's order. printpdf writes them sorted by
/// page and then by title, so two sections that start on the same page
/// would be listed alphabetically ("Chứng thực…" before "Cấp bản sao…")
/// rather than as the handbook reads.
fn order_outline(lo: &mut lopdf::Document, doc: &Document) {
    use lopdf::Object::Reference;
    let Some(outlines) = lo
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Outlines").ok())
        .and_then(|o| o.as_reference().ok())
    else {
        return;
    };
    // The items as written: the chain First → Next → ….
    let mut written = Vec::new();
    let mut at = lo
        .get_dictionary(outlines)
        .ok()
        .and_then(|d| d.get(b"First").ok())
        .and_then(|o| o.as_reference().ok());
    while let Some(id) = at {
        written.push(id);
        at = lo
            .get_dictionary(id)
            .ok()
            .and_then(|d| d.get(b"Next").ok())
            .and_then(|o| o.as_reference().ok());
    }
    // Which of the document's entries each one is: printpdf's order.
    let mut sorted: Vec<usize> = (0..doc.outline.len()).collect();
    sorted.sort_by(|&a, &b| {
        let (ta, pa) = &doc.outline[a];
        let (tb, pb) = &doc.outline[b];
        (pa, ta).cmp(&(pb, tb))
    });
    if written.len() != sorted.len() {
        return;
    }
    let mut ordered: Vec<(usize, lopdf::ObjectId)> = sorted.into_iter().zip(written).collect();
    ordered.sort_by_key(|(index, _)| *index);
    let ids: Vec<lopdf::ObjectId> = ordered.into_iter().map(|(_, id)| id).collect();
    for (i, id) in ids.iter().enumerate() {
        if let Ok(item) = lo.get_dictionary_mut(*id) {
            item.remove(b"Prev");
            item.remove(b"Next");
            if i > 0 {
                item.set("Prev", Reference(ids[i - 1]));
            }
            if let Some(next) = ids.get(i + 1) {
                item.set("Next", Reference(*next));
            }
        }
    }
    if let (Ok(list), Some(first), Some(last)) =
        (lo.get_dictionary_mut(outlines), ids.first(), ids.last())
    {
        list.set("First", Reference(*first));
        list.set("Last", Reference(*last));
    }
}

/// TrimBox (the finished size) and BleedBox (the whole sheet) of pages
/// printed with bleed, set on the written pages: printpdf writes its trim
/// box as [x y width height] where PDF wants corners.
fn set_boxes(lo: &mut lopdf::Document, doc: &Document) {
    let ids: Vec<lopdf::ObjectId> = lo.get_pages().into_values().collect();
    for (page, id) in doc.pages.iter().zip(ids) {
        let Some(t) = page.trim else { continue };
        let (y0, y1) = (page.height - t.bottom(), page.height - t.y);
        if let Ok(dict) = lo.get_dictionary_mut(id) {
            let corners = |v: [f32; 4]| v.map(|n| lopdf::Object::Real(r2(n))).to_vec();
            dict.set("TrimBox", corners([t.x, y0, t.right(), y1]));
            dict.set("CropBox", corners([0.0, 0.0, page.width, page.height]));
            dict.set("BleedBox", corners([0.0, 0.0, page.width, page.height]));
        }
    }
}

/// Deflates every unfiltered stream, in parallel. printpdf's own `optimize`
/// uses level 9, which took a third of a poster's time; level 2 writes a
/// poster 4 % larger.
fn compress_streams(doc: &mut lopdf::Document) {
    let streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|o| match o {
            lopdf::Object::Stream(s) if s.dict.get(b"Filter").is_err() && s.content.len() >= 64 => {
                Some(s)
            }
            _ => None,
        })
        .collect();
    streams.into_par_iter().for_each(|stream| {
        let len = stream.content.len();
        let packed = with_compressor(|compress| {
            let mut packed = Vec::with_capacity(len / 3 + 64);
            loop {
                let done = compress.total_in() as usize;
                let status = compress
                    .compress_vec(
                        &stream.content[done..],
                        &mut packed,
                        flate2::FlushCompress::Finish,
                    )
                    .ok()?;
                match status {
                    flate2::Status::StreamEnd => return Some(packed),
                    _ => packed.reserve(packed.capacity().max(1024)),
                }
            }
        });
        if let Some(packed) = packed.filter(|p| p.len() < len) {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    });
}

/// Runs `f` with this thread's deflater, reset: one made per thread, not
/// one per stream. Each new one allocated and cleared a few hundred
/// kilobytes that the kernel mapped afresh (a tenth of a handbook's work,
/// which a window sized to each stream had only halved); a poster has a
/// dozen streams, a handbook hundreds.
fn with_compressor<T>(f: impl FnOnce(&mut flate2::Compress) -> T) -> T {
    use std::cell::RefCell;
    thread_local! {
        static DEFLATER: RefCell<Option<flate2::Compress>> = const { RefCell::new(None) };
    }
    DEFLATER.with(|made| {
        let mut made = made.borrow_mut();
        let compress = match made.as_mut() {
            Some(c) => {
                c.reset();
                c
            }
            None => made.insert(flate2::Compress::new(flate2::Compression::new(2), true)),
        };
        f(compress)
    })
}

/// printpdf's reading of a shipped face, made once a run: it copies and
/// parses the whole font (a millisecond for the two text faces).
fn parsed_font(face: Face) -> &'static ParsedFont {
    static PARSED: [OnceLock<ParsedFont>; Face::ALL.len()] =
        [const { OnceLock::new() }; Face::ALL.len()];
    let i = Face::ALL
        .iter()
        .position(|f| *f == face)
        .expect("every face is listed");
    PARSED[i].get_or_init(|| {
        ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new()).expect("shipped font parses")
    })
}

/// Starts reading the text faces on another thread, for a command that
/// will write PDF: their parse then overlaps the reading of the files and
/// the layout, instead of following them.
pub fn warm_up() {
    let _ = std::thread::Builder::new().name("fonts".into()).spawn(|| {
        for face in [Face::Regular, Face::Bold] {
            parsed_font(face);
        }
    });
}

/// Fonts, images and QR symbols, added to the document once however many
/// pages use them.
struct Resources {
    cmyk: bool,
    fonts: HashMap<Face, FontId>,
    /// QR symbols by their identity.
    symbols: HashMap<SymbolId, XObjectId>,
    /// By the image's identity and matte: a logo on the cover and on the
    /// back is one image in the file.
    images: HashMap<(ImageId, [u8; 3]), XObjectId>,
}

fn image_key(id: ImageId, matte: Color) -> (ImageId, [u8; 3]) {
    (id, [matte.r, matte.g, matte.b])
}

impl Resources {
    fn add(pdf: &mut PdfDocument, doc: &Document, cmyk: bool) -> Resources {
        let mut res = Resources {
            cmyk,
            fonts: HashMap::new(),
            symbols: HashMap::new(),
            images: HashMap::new(),
        };
        let modules: Vec<&Item> = doc
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter(|i| matches!(i, Item::Modules { .. }))
            .collect();
        // Each distinct symbol once, however many times it is drawn.
        let mut seen = std::collections::HashSet::new();
        let modules: Vec<&Item> = modules
            .into_iter()
            .filter(|i| matches!(i, Item::Modules { id, .. } if seen.insert(*id)))
            .collect();
        let forms: Vec<(SymbolId, ExternalXObject)> =
            modules.par_iter().filter_map(|i| symbol(i, cmyk)).collect();
        for (key, form) in forms {
            res.symbols.insert(key, pdf.add_xobject(&form));
        }
        for item in doc.pages.iter().flat_map(|p| &p.items) {
            match item {
                Item::Text(run) => {
                    for (face, _, _) in run.font.font().segments(&run.text) {
                        res.fonts
                            .entry(face)
                            .or_insert_with(|| pdf.add_font(parsed_font(face)));
                    }
                }
                Item::Image {
                    id, image, matte, ..
                } => {
                    res.images.entry(image_key(*id, *matte)).or_insert_with(|| {
                        if cmyk {
                            return pdf.add_xobject(&cmyk_image(image, *matte));
                        }
                        pdf.add_image(&RawImage {
                            pixels: RawImageData::U8(flatten(image, *matte)),
                            width: image.width() as usize,
                            height: image.height() as usize,
                            data_format: RawImageFormat::RGB8,
                            tag: Vec::new(),
                        })
                    });
                }
                _ => {}
            }
        }
        res
    }
}

/// A QR symbol as a form XObject whose content we write ourselves: one
/// path of `re` rectangles in module units (integers, quick to write),
/// filled once so that no renderer leaves hairline seams between modules.
/// Hundreds of rectangles per code as printpdf operations took most of a
/// handbook's time; as bytes they cost nothing.
fn symbol(item: &Item, cmyk: bool) -> Option<(SymbolId, ExternalXObject)> {
    use std::fmt::Write;
    let Item::Modules {
        id,
        width,
        runs,
        color,
        ..
    } = item
    else {
        return None;
    };
    let mut content = String::with_capacity(runs.len() * 12 + 32);
    let _ = match color_of(*color, cmyk) {
        PdfColor::Cmyk(c) => writeln!(content, "{} {} {} {} k", c.c, c.m, c.y, c.k),
        PdfColor::Rgb(c) => writeln!(content, "{} {} {} rg", c.r, c.g, c.b),
        _ => Ok(()),
    };
    // A code is hundreds of rectangles: their numbers written by itoa,
    // not through fmt (a tenth of a 255-row catalogue's time).
    let mut n = itoa::Buffer::new();
    for (col, row, len, height) in stacked(runs) {
        for v in [col, row, len, height] {
            content.push_str(n.format(v));
            content.push(' ');
        }
        content.push_str("re\n");
    }
    content.push_str("f\n");
    let w = *width as i64;
    let dict = [
        ("Type", DictItem::Name(b"XObject".to_vec())),
        ("Subtype", DictItem::Name(b"Form".to_vec())),
        (
            "BBox",
            DictItem::Array(vec![
                DictItem::Int(0),
                DictItem::Int(0),
                DictItem::Int(w),
                DictItem::Int(w),
            ]),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let form = ExternalXObject {
        stream: ExternalStream {
            dict,
            content: content.into_bytes(),
            compress: false,
        },
        width: None,
        height: None,
        dpi: None,
    };
    Some((*id, form))
}

/// Runs at the same columns in consecutive rows, as one taller rectangle:
/// (column, row, length, height). A third fewer rectangles to write.
fn stacked(runs: &[crate::qr::Run]) -> Vec<(usize, usize, usize, usize)> {
    let mut rects: Vec<(usize, usize, usize, usize)> = Vec::with_capacity(runs.len());
    let mut open: rustc_hash::FxHashMap<(usize, usize), usize> = Default::default();
    for r in runs {
        match open.get(&(r.col, r.len)) {
            Some(&i) if rects[i].1 + rects[i].3 == r.row => rects[i].3 += 1,
            _ => {
                open.insert((r.col, r.len), rects.len());
                rects.push((r.col, r.row, r.len, 1));
            }
        }
    }
    rects
}

/// Page coordinates to 1/100 pt: invisible, and a third shorter to write.
fn r2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn page_ops(res: &Resources, page: &Page) -> Vec<Op> {
    let flip = |y: f32| page.height - y;
    let mut ops = Vec::with_capacity(page.items.len() * 3);
    let mut fill: Option<Color> = None;
    let set_fill = |ops: &mut Vec<Op>, c: Color, fill: &mut Option<Color>| {
        if *fill != Some(c) {
            ops.push(Op::SetFillColor {
                col: color_of(c, res.cmyk),
            });
            *fill = Some(c);
        }
    };
    let mut items = page.items.iter().peekable();
    while let Some(item) = items.next() {
        match item {
            Item::Text(first) => {
                // Consecutive runs share one text object; the font, size and
                // colour are set only when they change, and each line moves
                // from the previous one (Td is relative inside BT ... ET).
                ops.push(Op::StartTextSection);
                let mut font: Option<(Face, f32)> = None;
                let mut at = (0.0f32, 0.0f32);
                let mut run = first;
                loop {
                    set_fill(&mut ops, run.color, &mut fill);
                    // A run is drawn face by face: a sign that Noto Sans
                    // lacks comes from a fallback face, at the advance
                    // that layout measured for the text before it.
                    let style = run.font.font();
                    let em = run.size / style.units_per_em();
                    for (face, range, before) in style.segments(&run.text) {
                        if font != Some((face, run.size)) {
                            ops.push(Op::SetFont {
                                font: PdfFontHandle::External(res.fonts[&face].clone()),
                                size: Pt(run.size),
                            });
                            font = Some((face, run.size));
                        }
                        let x = run.x + before * em;
                        let delta = (r2(x - at.0), r2(flip(run.y) - at.1));
                        ops.push(Op::SetTextCursor {
                            pos: point(delta.0, delta.1),
                        });
                        at = (at.0 + delta.0, at.1 + delta.1);
                        ops.push(Op::ShowText {
                            items: vec![TextItem::Text(run.text[range].to_owned())],
                        });
                    }
                    match items.peek() {
                        Some(Item::Text(next)) => {
                            run = next;
                            items.next();
                        }
                        _ => break,
                    }
                }
                ops.push(Op::EndTextSection);
            }
            Item::Rect {
                rect,
                fill: c,
                radius,
            } => {
                set_fill(&mut ops, *c, &mut fill);
                if *radius > 0.0 {
                    ops.push(Op::DrawPolygon {
                        polygon: fill_polygon(vec![ring(*rect, *radius, page.height)]),
                    });
                } else {
                    // `x y w h re f`: a third of the polygon's operators.
                    let value = [rect.x, flip(rect.bottom()), rect.w, rect.h]
                        .map(|v| DictItem::Real(r2(v)))
                        .to_vec();
                    ops.push(Op::Unknown {
                        key: "re".to_owned(),
                        value,
                    });
                    ops.push(Op::Unknown {
                        key: "f".to_owned(),
                        value: Vec::new(),
                    });
                }
            }
            Item::Modules {
                origin, id, module, ..
            } => {
                // The symbol is a form drawn in module units; this places it.
                let m = *module;
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::SetTransformationMatrix {
                    matrix: CurTransMat::Raw([m, 0.0, 0.0, -m, origin.0, flip(origin.1)]),
                });
                ops.push(Op::UseXobject {
                    id: res.symbols[id].clone(),
                    transform: XObjectTransform {
                        no_auto_scale: true,
                        ..Default::default()
                    },
                });
                ops.push(Op::RestoreGraphicsState);
            }
            Item::Image {
                id,
                rect,
                image,
                matte,
            } => {
                ops.push(Op::UseXobject {
                    id: res.images[&image_key(*id, *matte)].clone(),
                    transform: XObjectTransform {
                        translate_x: Some(Pt(rect.x)),
                        translate_y: Some(Pt(flip(rect.bottom()))),
                        scale_x: Some(rect.w / image.width() as f32),
                        scale_y: Some(rect.h / image.height() as f32),
                        dpi: Some(72.0),
                        ..Default::default()
                    },
                });
            }
            Item::Link { rect, target } => {
                let area = printpdf::Rect::from_xywh(
                    Pt(rect.x),
                    Pt(flip(rect.bottom())),
                    Pt(rect.w),
                    Pt(rect.h),
                );
                ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        area,
                        match target {
                            Target::Url(url) => Actions::uri(url.clone()),
                            Target::Page(n) => Actions::Goto(Destination::Xyz {
                                page: n + 1,
                                left: None,
                                top: None,
                                zoom: None,
                            }),
                        },
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        None,
                        None,
                    ),
                });
            }
        }
    }
    ops
}

/// RGB pixels of `image` composited over `matte`.
fn flatten(image: &::image::RgbaImage, matte: Color) -> Vec<u8> {
    let mut out = Vec::with_capacity(image.width() as usize * image.height() as usize * 3);
    for p in image.pixels() {
        let [r, g, b, a] = p.0;
        let mix =
            |c: u8, m: u8| ((c as u32 * a as u32 + m as u32 * (255 - a as u32) + 127) / 255) as u8;
        out.extend_from_slice(&[mix(r, matte.r), mix(g, matte.g), mix(b, matte.b)]);
    }
    out
}

/// `image` composited over `matte` as a DeviceCMYK image, by the same
/// formula as every other colour of a CMYK file (printpdf's raw images are
/// RGB only, so the image dictionary is written here).
fn cmyk_image(image: &::image::RgbaImage, matte: Color) -> ExternalXObject {
    let rgb = flatten(image, matte);
    let mut content = Vec::with_capacity(rgb.len() / 3 * 4);
    for px in rgb.chunks_exact(3) {
        let c = Color {
            r: px[0],
            g: px[1],
            b: px[2],
        };
        let PdfColor::Cmyk(k) = color_of(c, true) else {
            unreachable!("color_of gives CMYK when asked")
        };
        content.extend([k.c, k.m, k.y, k.k].map(|v| (v * 255.0).round() as u8));
    }
    let (w, h) = (image.width() as usize, image.height() as usize);
    let dict = [
        ("Type", DictItem::Name(b"XObject".to_vec())),
        ("Subtype", DictItem::Name(b"Image".to_vec())),
        ("Width", DictItem::Int(w as i64)),
        ("Height", DictItem::Int(h as i64)),
        ("ColorSpace", DictItem::Name(b"DeviceCMYK".to_vec())),
        ("BitsPerComponent", DictItem::Int(8)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    ExternalXObject {
        stream: ExternalStream {
            dict,
            content,
            compress: false,
        },
        width: Some(Px(w)),
        height: Some(Px(h)),
        dpi: None,
    }
}

/// Colour components to 1/1000, finer than 8 bits per channel. CMYK by the
/// plain formula (no ICC profile): the print shop's RIP applies its own.
fn color_of(c: Color, cmyk: bool) -> PdfColor {
    let round = |v: f32| (v * 1000.0).round() / 1000.0;
    let [r, g, b] = [c.r, c.g, c.b].map(|v| v as f32 / 255.0);
    if !cmyk {
        return PdfColor::Rgb(Rgb {
            r: round(r),
            g: round(g),
            b: round(b),
            icc_profile: None,
        });
    }
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    let k = 1.0 - max;
    // Near-black greys (text, QR codes) in black ink alone: four inks on
    // fine type and modules blur when the plates are a hair out of register.
    let grey = k > 0.8 && max - min < 0.1;
    let ink = |v: f32| {
        if k >= 1.0 || grey {
            0.0
        } else {
            round((1.0 - v - k) / (1.0 - k))
        }
    };
    PdfColor::Cmyk(Cmyk {
        c: ink(r),
        m: ink(g),
        y: ink(b),
        k: round(k),
        icc_profile: None,
    })
}

fn point(x: f32, y: f32) -> Point {
    Point { x: Pt(x), y: Pt(y) }
}

fn fill_polygon(rings: Vec<PolygonRing>) -> Polygon {
    Polygon {
        rings,
        mode: PaintMode::Fill,
        winding_order: WindingOrder::NonZero,
    }
}

/// A rectangle, with corners rounded by cubic Béziers when `radius` > 0.
fn ring(r: Rect, radius: f32, page_h: f32) -> PolygonRing {
    let (x0, x1) = (r.x, r.right());
    let (y0, y1) = (page_h - r.bottom(), page_h - r.y);
    let rad = radius.min(r.w / 2.0).min(r.h / 2.0);
    let on = |x, y| LinePoint {
        p: point(x, y),
        bezier: false,
    };
    if rad <= 0.0 {
        return PolygonRing {
            points: vec![on(x0, y0), on(x1, y0), on(x1, y1), on(x0, y1)],
        };
    }
    // Control points at 0.5523 × radius approximate a quarter circle.
    let k = rad * (1.0 - 0.552_284_8);
    let ctl = |x, y| LinePoint {
        p: point(x, y),
        bezier: true,
    };
    PolygonRing {
        points: vec![
            on(x0 + rad, y0),
            on(x1 - rad, y0),
            ctl(x1 - k, y0),
            ctl(x1, y0 + k),
            on(x1, y0 + rad),
            on(x1, y1 - rad),
            ctl(x1, y1 - k),
            ctl(x1 - k, y1),
            on(x1 - rad, y1),
            on(x0 + rad, y1),
            ctl(x0 + k, y1),
            ctl(x0, y1 - k),
            on(x0, y1 - rad),
            on(x0, y0 + rad),
            ctl(x0, y0 + k),
            ctl(x0 + k, y0),
            on(x0 + rad, y0),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qr::QrMatrix;

    #[test]
    fn stacked_rectangles_cover_exactly_the_dark_modules() {
        let m = QrMatrix::encode(
            "https://dichvucong.gov.vn/p/home/x.html?ma_thu_tuc=1.001193",
            qrcode::EcLevel::M,
        )
        .unwrap();
        let rects = stacked(&m.runs());
        assert!(rects.len() < m.runs().len());
        let mut covered = vec![0u8; m.width * m.width];
        for (col, row, len, height) in rects {
            for y in row..row + height {
                for x in col..col + len {
                    covered[y * m.width + x] += 1;
                }
            }
        }
        for y in 0..m.width {
            for x in 0..m.width {
                assert_eq!(
                    covered[y * m.width + x],
                    m.is_dark(x, y) as u8,
                    "({x}, {y})"
                );
            }
        }
    }
}
