//! Scene → PDF bytes, with printpdf. A thin translator: every position and
//! line break was decided by layout.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex};

use rayon::prelude::*;

use printpdf::{
    Actions, BorderArray, Cmyk, Color as PdfColor, Destination, DictItem, ExternalStream,
    ExternalXObject, FontId, LinkAnnotation, Op, PdfDocument, PdfPage, PdfSaveOptions, Pt, Px,
    RawImage, RawImageData, RawImageFormat, Rgb, XObjectId,
};

use crate::scene::{Color, Document, Item, Page, Target};
use crate::scene::{ImageId, SymbolId};
use crate::text::Face;
#[cfg(test)]
use crate::text::FontKind;

mod content;
mod file;
mod fonts;
#[cfg(test)]
mod reference;

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
    write(doc, options, Contents::Own)
}

/// Who writes the pages' content streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Contents {
    /// [`content::write`], pages in parallel.
    Own,
    /// printpdf, from its operations: what the tests compare ours with.
    #[cfg(test)]
    Printpdf,
}

fn write(doc: &Document, options: Options, contents: Contents) -> Vec<u8> {
    file::write(objects(doc, options, contents), Packed::of)
}

/// The document's objects, every stream deflated, for [`file::write`].
fn objects(doc: &Document, options: Options, contents: Contents) -> lopdf::Document {
    let mut pdf = PdfDocument::new(&doc.title);
    pdf.metadata.info.author = doc.author.clone();
    pdf.metadata.info.creator = "toroi".to_owned();
    pdf.metadata.info.producer = format!("toroi {}", env!("CARGO_PKG_VERSION"));
    if let Ok(date) = printpdf::OffsetDateTime::from_unix_timestamp(doc.date) {
        pdf.metadata.info.creation_date = date;
        pdf.metadata.info.modification_date = date;
        pdf.metadata.info.metadata_date = date;
    }

    // Images and forms first (they need the document); printpdf is then
    // given each page's links, and makes the document while, on the
    // other cores, the pages' own content is written and deflated, and
    // each face shown is subset and embedded (see [`fonts`]); both are put
    // in at the end. printpdf holds each image's header alone: its samples
    // (a logo is a poster's largest stream) are packed from the start, on
    // another core, or were packed ahead (see [`warm_up`]), and are put in
    // at the end too.
    let glyphs = content::Glyphs::of(&doc.pages, |face, c| face.glyph(c));
    let names: HashMap<Face, FontId> = glyphs
        .faces
        .iter()
        .map(|f| (f.face, FontId(fonts::name(f.face, &f.used))))
        .collect();
    let mut early: Vec<((ImageId, [u8; 3]), Packed)> = Vec::new();
    let (mut lo, own, res) = rayon::in_place_scope(|scope| {
        if contents == Contents::Own {
            let early = &mut early;
            scope.spawn(move |_| *early = packed_images(doc, options.cmyk));
        }
        let res = Resources::add(&mut pdf, doc, options.cmyk, names, contents);
        let pages: Vec<PdfPage> = match contents {
            Contents::Own => doc
                .pages
                .iter()
                .map(|page| pdf_page(page, links(page)))
                .collect(),
            #[cfg(test)]
            Contents::Printpdf => doc
                .pages
                .par_iter()
                .map(|page| pdf_page(page, reference::page_ops(&res, page)))
                .collect(),
        };
        pdf.with_pages(pages);
        for (title, page) in &doc.outline {
            pdf.add_bookmark(title, page + 1);
        }
        // Images stay raw here and are deflated with the other streams below.
        // `secure: false` lets through the Op::Unknown `re` and `f` that
        // the tests' printpdf pages write for rectangles.
        let opts = PdfSaveOptions {
            optimize: false,
            secure: false,
            image_optimization: None,
            ..Default::default()
        };
        let (lo, own) = rayon::join(
            || pdf.to_lopdf_document(&opts, &mut Vec::new()),
            || {
                (contents == Contents::Own).then(|| {
                    rayon::join(
                        || {
                            doc.pages
                                .par_iter()
                                .map(|page| Packed::of(content::write(&res, &glyphs, page)))
                                .collect::<Vec<_>>()
                        },
                        || {
                            glyphs
                                .faces
                                .par_iter()
                                .map(|f| fonts::embed(f, &res.fonts[&f.face].0))
                                .collect::<Vec<_>>()
                        },
                    )
                })
            },
        );
        drop(pdf);
        (lo, own, res)
    });
    if let Some((contents, faces)) = own {
        replace_contents(&mut lo, contents);
        let images = early
            .into_iter()
            .filter_map(|(key, packed)| res.images.get(&key).map(|id| (id, packed)))
            .collect();
        replace_images(&mut lo, images);
        add_fonts(&mut lo, faces);
    }
    set_boxes(&mut lo, doc);
    order_outline(&mut lo, doc);
    compress_streams(&mut lo);
    lo
}

fn pdf_page(page: &Page, ops: Vec<Op>) -> PdfPage {
    PdfPage::new(
        printpdf::Mm::from(Pt(page.width)),
        printpdf::Mm::from(Pt(page.height)),
        ops,
    )
}

/// The page's links, as printpdf's annotations.
fn links(page: &Page) -> Vec<Op> {
    let flip = |y: f32| page.height - y;
    let mut ops = Vec::new();
    for item in &page.items {
        let Item::Link { rect, target } = item else {
            continue;
        };
        let area =
            printpdf::Rect::from_xywh(Pt(rect.x), Pt(flip(rect.bottom())), Pt(rect.w), Pt(rect.h));
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
    ops
}

/// The faces embedded, added to the document and named in the fonts
/// dictionary that every page's resources point at (printpdf's, which it
/// left empty), in the order printpdf would add them: by name.
fn add_fonts(lo: &mut lopdf::Document, mut faces: Vec<fonts::Embedded>) {
    let Some(dict) = shared_resources(lo, b"Font") else {
        debug_assert!(
            faces.is_empty(),
            "printpdf gives every page a fonts dictionary"
        );
        return;
    };
    faces.sort_by(|a, b| a.name.cmp(&b.name));
    let named: Vec<(String, lopdf::ObjectId)> = faces
        .into_iter()
        .map(|f| (f.name.clone(), f.add_to(lo)))
        .collect();
    if let Ok(lopdf::Object::Dictionary(d)) = lo.get_object_mut(dict) {
        for (name, id) in named {
            d.set(name, lopdf::Object::Reference(id));
        }
    }
}

/// The dictionary of `kind` (`Font`, `XObject`) that printpdf shares among
/// every page's resources: the one the first page's point at.
fn shared_resources(lo: &lopdf::Document, kind: &[u8]) -> Option<lopdf::ObjectId> {
    let page = *lo.get_pages().values().next()?;
    lo.get_dictionary(page)
        .and_then(|p| p.get_deref(b"Resources", lo))
        .and_then(|r| r.as_dict())
        .and_then(|r| r.get(kind))
        .and_then(|d| d.as_reference())
        .ok()
}

/// Each page's content stream (printpdf's, of its links alone)
/// replaced by the one written here.
fn replace_contents(lo: &mut lopdf::Document, contents: Vec<Packed>) {
    let pages: Vec<lopdf::ObjectId> = lo.get_pages().into_values().collect();
    for (page, packed) in pages.into_iter().zip(contents) {
        let Some(stream) = lo
            .get_dictionary(page)
            .and_then(|d| d.get(b"Contents"))
            .and_then(|c| c.as_reference())
            .ok()
        else {
            continue;
        };
        if let Ok(lopdf::Object::Stream(s)) = lo.get_object_mut(stream) {
            packed.into(s);
        }
    }
}

/// Each distinct image of `doc` (by image and matte) with its samples
/// packed, as [`Resources::add`] gives them to printpdf.
fn packed_images(doc: &Document, cmyk: bool) -> Vec<((ImageId, [u8; 3]), Packed)> {
    let mut seen = std::collections::HashSet::new();
    type Key = (ImageId, [u8; 3]);
    let images: Vec<(&::image::RgbaImage, Color, Key)> = doc
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|item| match item {
            Item::Image {
                id, image, matte, ..
            } => Some((&**image, *matte, image_key(*id, *matte))),
            _ => None,
        })
        .filter(|(_, _, key)| seen.insert(*key))
        .collect();
    images
        .into_par_iter()
        .map(|(image, matte, key)| {
            let packed =
                packed_ahead(image, matte, cmyk).unwrap_or_else(|| pack(image, matte, cmyk));
            (key, packed)
        })
        .collect()
}

/// An image's samples on `matte`, packed.
fn pack(image: &::image::RgbaImage, matte: Color, cmyk: bool) -> Packed {
    Packed::of(match cmyk {
        true => cmyk_samples(image, matte),
        false => flatten(image, matte),
    })
}

/// Images packed ahead (see [`warm_up`]): by the very image (the same
/// allocation, so that a logo changed under `watch` is packed again), its
/// matte and colour model. A few at most: the campaign's logo.
static PACKED_AHEAD: Mutex<Vec<Ahead>> = Mutex::new(Vec::new());

struct Ahead {
    image: std::sync::Arc<::image::RgbaImage>,
    matte: Color,
    cmyk: bool,
    packed: Packed,
}

fn packed_ahead(image: &::image::RgbaImage, matte: Color, cmyk: bool) -> Option<Packed> {
    let ahead = PACKED_AHEAD.lock().unwrap_or_else(|e| e.into_inner());
    ahead
        .iter()
        .find(|a| std::ptr::eq(&*a.image, image) && a.matte == matte && a.cmyk == cmyk)
        .map(|a| a.packed.clone())
}

/// Each image's stream (printpdf's holds its header alone) given its
/// samples, packed here while the rest was made.
fn replace_images(lo: &mut lopdf::Document, images: Vec<(&XObjectId, Packed)>) {
    let named: Vec<(lopdf::ObjectId, Packed)> = {
        let Some(xobjects) =
            shared_resources(lo, b"XObject").and_then(|d| lo.get_dictionary(d).ok())
        else {
            return;
        };
        images
            .into_iter()
            .filter_map(|(id, packed)| {
                let at = xobjects.get(id.0.as_bytes()).and_then(|o| o.as_reference());
                at.ok().map(|at| (at, packed))
            })
            .collect()
    };
    for (at, packed) in named {
        if let Ok(lopdf::Object::Stream(s)) = lo.get_object_mut(at) {
            packed.into(s);
        }
    }
}

/// A stream's bytes, deflated when that makes them smaller.
#[derive(Clone)]
enum Packed {
    Plain(Vec<u8>),
    Deflated(Vec<u8>),
}

impl Packed {
    /// Deflated, unless the stream is under 64 bytes (a header and a
    /// checksum would outweigh what deflate saves) or would not shrink.
    fn of(plain: Vec<u8>) -> Packed {
        if plain.len() < 64 {
            return Packed::Plain(plain);
        }
        match deflate(&plain) {
            Some(packed) if packed.len() < plain.len() => Packed::Deflated(packed),
            _ => Packed::Plain(plain),
        }
    }

    fn len(&self) -> usize {
        match self {
            Packed::Plain(b) | Packed::Deflated(b) => b.len(),
        }
    }

    /// Into `stream`, whose dictionary then says how it is packed.
    fn into(self, stream: &mut lopdf::Stream) {
        match self {
            Packed::Plain(bytes) => stream.set_plain_content(bytes),
            Packed::Deflated(bytes) => {
                stream.dict.remove(b"DecodeParms");
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(bytes);
            }
        }
    }
}

/// `plain` deflated by this thread's compressor (level 2).
fn deflate(plain: &[u8]) -> Option<Vec<u8>> {
    DEFLATERS.with(|compress| {
        let mut packed = Vec::with_capacity(plain.len() / 3 + 64);
        loop {
            let done = compress.total_in() as usize;
            let status = compress
                .compress_vec(&plain[done..], &mut packed, flate2::FlushCompress::Finish)
                .ok()?;
            match status {
                flate2::Status::StreamEnd => return Some(packed),
                _ => packed.reserve(packed.capacity().max(1024)),
            }
        }
    })
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
            lopdf::Object::Stream(s) if s.dict.get(b"Filter").is_err() => Some(s),
            _ => None,
        })
        .collect();
    streams.into_par_iter().for_each(|stream| {
        Packed::of(std::mem::take(&mut stream.content)).into(stream);
    });
}

/// The deflaters of every PDF this process writes: one per stream would
/// allocate and clear a few hundred kilobytes that the kernel maps afresh
/// (a tenth of a handbook's work, which a window sized to each stream had
/// only halved); a poster has a dozen streams, a handbook hundreds.
static DEFLATERS: Deflaters = Deflaters::new();

/// Deflaters lent to one stream at a time, as many as the job may have.
struct Deflaters {
    pool: Mutex<Pool>,
    /// Told when a deflater is given back, to a thread waiting for one.
    given_back: Condvar,
}

struct Pool {
    /// Made and not in use.
    free: Vec<Deflater>,
    made: usize,
    /// How many may be made.
    most: usize,
}

impl Deflaters {
    const fn new() -> Deflaters {
        Deflaters {
            pool: Mutex::new(Pool {
                free: Vec::new(),
                made: 0,
                most: usize::MAX,
            }),
            given_back: Condvar::new(),
        }
    }

    fn pool(&self) -> std::sync::MutexGuard<'_, Pool> {
        self.pool.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` with a deflater ready for a new stream: a free one, one
    /// made now if there may be another, or else the first given back.
    fn with<T>(&self, f: impl FnOnce(&mut flate2::Compress) -> T) -> T {
        let free = {
            let mut pool = self.pool();
            loop {
                if let Some(d) = pool.free.pop() {
                    break Some(d);
                }
                if pool.made < pool.most {
                    pool.made += 1;
                    break None;
                }
                pool = self
                    .given_back
                    .wait(pool)
                    .unwrap_or_else(|e| e.into_inner());
            }
        };
        let mut lent = Lent(self, Some(free.unwrap_or_else(Deflater::new)));
        let d = lent.1.as_mut().expect("lent until dropped");
        if d.used {
            d.compress.reset();
        }
        d.used = true;
        f(&mut d.compress)
    }

    /// Makes the first deflater, unless one was made before.
    fn make_first(&self) {
        let first = {
            let mut pool = self.pool();
            let first = pool.made == 0;
            pool.made += usize::from(first);
            first
        };
        if first {
            drop(Lent(self, Some(Deflater::new())));
        }
    }
}

/// A deflater lent to one stream: given back when dropped, even by a
/// panic, so that no thread waiting for it is left waiting.
struct Lent<'a>(&'a Deflaters, Option<Deflater>);

impl Drop for Lent<'_> {
    fn drop(&mut self) {
        if let Some(d) = self.1.take() {
            self.0.pool().free.push(d);
            self.0.given_back.notify_one();
        }
    }
}

struct Deflater {
    compress: flate2::Compress,
    /// Whether it has deflated a stream since it was made or reset.
    used: bool,
}

impl Deflater {
    fn new() -> Deflater {
        Deflater {
            compress: flate2::Compress::new(flate2::Compression::new(2), true),
            used: false,
        }
    }
}

/// How many deflaters the PDFs written from now on may use at once (at
/// least one). A deflater's state is about ninety pages the kernel maps
/// afresh, as long to make as 40 KB takes to deflate: a job with little to
/// deflate waits for the one it has rather than make another.
pub fn deflate_at_once(most: usize) {
    DEFLATERS.pool().most = most.max(1);
}

/// Work a PDF will need, done on another core while this one lays the
/// document out: the first deflater (so that the render's first stream
/// does not wait for it to be made; the job's others are made when needed,
/// see [`deflate_at_once`]), then `images` packed as drawn on white, the
/// ground every layout gives a logo (a poster's largest stream; an image
/// drawn on another ground is packed at render time, as before).
pub fn warm_up(images: Vec<std::sync::Arc<::image::RgbaImage>>, cmyk: bool) {
    rayon::spawn(move || {
        DEFLATERS.make_first();
        for image in images {
            pack_ahead(image, cmyk);
        }
    });
}

/// `image` packed as drawn on white, kept for the render (see [`warm_up`]).
fn pack_ahead(image: std::sync::Arc<::image::RgbaImage>, cmyk: bool) {
    if packed_ahead(&image, Color::WHITE, cmyk).is_some() {
        return;
    }
    let packed = pack(&image, Color::WHITE, cmyk);
    let mut ahead = PACKED_AHEAD.lock().unwrap_or_else(|e| e.into_inner());
    if ahead.len() >= 4 {
        ahead.remove(0);
    }
    ahead.push(Ahead {
        image,
        matte: Color::WHITE,
        cmyk,
        packed,
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
    /// The faces are named `fonts`; printpdf is given them only when it
    /// writes the pages (the tests' reference), as it then embeds them.
    fn add(
        pdf: &mut PdfDocument,
        doc: &Document,
        cmyk: bool,
        fonts: HashMap<Face, FontId>,
        contents: Contents,
    ) -> Resources {
        #[cfg(test)]
        if contents == Contents::Printpdf {
            for (face, id) in &fonts {
                pdf.resources.fonts.map.insert(
                    id.clone(),
                    printpdf::PdfFont::new(reference::parsed_font(*face).clone()),
                );
            }
        }
        let mut res = Resources {
            cmyk,
            fonts,
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
        // printpdf is given each image's header only: its samples are
        // packed on another core meanwhile (see `packed_images`) and put in
        // at the end. The tests' printpdf pages get them whole.
        let samples = contents != Contents::Own;
        for item in doc.pages.iter().flat_map(|p| &p.items) {
            if let Item::Image {
                id, image, matte, ..
            } = item
            {
                res.images.entry(image_key(*id, *matte)).or_insert_with(|| {
                    if cmyk {
                        return pdf.add_xobject(&cmyk_image(image, *matte, samples));
                    }
                    pdf.add_image(&RawImage {
                        pixels: RawImageData::U8(match samples {
                            true => flatten(image, *matte),
                            false => Vec::new(),
                        }),
                        width: image.width() as usize,
                        height: image.height() as usize,
                        data_format: RawImageFormat::RGB8,
                        tag: Vec::new(),
                    })
                });
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

/// Where an image item goes on a page `page_h` high: its pixels at 72 dpi,
/// scaled to its box (the identity for any other item).
fn image_placement(item: &Item, page_h: f32) -> printpdf::XObjectTransform {
    let Item::Image { rect, image, .. } = item else {
        return printpdf::XObjectTransform::default();
    };
    printpdf::XObjectTransform {
        translate_x: Some(Pt(rect.x)),
        translate_y: Some(Pt(page_h - rect.bottom())),
        scale_x: Some(rect.w / image.width() as f32),
        scale_y: Some(rect.h / image.height() as f32),
        dpi: Some(72.0),
        ..Default::default()
    }
}

/// RGB pixels of `image` composited over `matte`.
fn flatten(image: &::image::RgbaImage, matte: Color) -> Vec<u8> {
    let mut out = vec![0u8; image.width() as usize * image.height() as usize * 3];
    let ground = [matte.r, matte.g, matte.b];
    for (o, p) in out.chunks_exact_mut(3).zip(image.as_raw().chunks_exact(4)) {
        // Opaque and clear pixels (most of a logo) need no arithmetic: the
        // mix below gives exactly the pixel, or the matte, for them.
        match p[3] {
            255 => o.copy_from_slice(&p[..3]),
            0 => o.copy_from_slice(&ground),
            a => {
                let a = u32::from(a);
                let mix = |c: u8, m: u8| {
                    ((u32::from(c) * a + u32::from(m) * (255 - a) + 127) / 255) as u8
                };
                for ((o, c), m) in o.iter_mut().zip(&p[..3]).zip(ground) {
                    *o = mix(*c, m);
                }
            }
        }
    }
    out
}

/// The samples of `image` composited over `matte`, in DeviceCMYK.
fn cmyk_samples(image: &::image::RgbaImage, matte: Color) -> Vec<u8> {
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
    content
}

/// `image` composited over `matte` as a DeviceCMYK image, by the same
/// formula as every other colour of a CMYK file (printpdf's raw images are
/// RGB only, so the image dictionary is written here).
fn cmyk_image(image: &::image::RgbaImage, matte: Color, samples: bool) -> ExternalXObject {
    let content = match samples {
        true => cmyk_samples(image, matte),
        false => Vec::new(),
    };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qr::QrMatrix;

    /// `o` with every reference replaced by what it names (but a page's
    /// parent), streams decoded, and subset tags ("ABCDEF+") taken off:
    /// what a PDF says, whatever numbers and resource names it used.
    fn deep(doc: &lopdf::Document, o: &lopdf::Object, names: &[Vec<u8>], depth: usize) -> String {
        use lopdf::Object;
        assert!(depth < 12, "too deep");
        match o {
            // A link's page: its number.
            Object::Reference(r) if doc.get_pages().values().any(|p| p == r) => {
                let n = doc.get_pages().into_iter().find(|(_, p)| p == r).unwrap().0;
                format!("page {n}")
            }
            Object::Reference(r) => deep(doc, doc.get_object(*r).unwrap(), names, depth + 1),
            Object::Dictionary(d) => {
                let mut out = String::from("<<");
                for (k, v) in d.iter().filter(|(k, _)| k.as_slice() != b"Parent") {
                    out += &format!(
                        "/{} {} ",
                        String::from_utf8_lossy(k),
                        deep(doc, v, names, depth + 1)
                    );
                }
                out + ">>"
            }
            Object::Array(a) => {
                let items: Vec<String> = a.iter().map(|v| deep(doc, v, names, depth + 1)).collect();
                format!("[{}]", items.join(" "))
            }
            Object::Stream(s) => {
                let mut dict = s.dict.clone();
                dict.remove(b"Length");
                dict.remove(b"Filter");
                let mut plain = s
                    .decompressed_content()
                    .unwrap_or_else(|_| s.content.clone());
                // A font's ToUnicode map is named after its resource.
                for (at, name) in names.iter().enumerate() {
                    while let Some(i) = plain.windows(name.len()).position(|w| w == name) {
                        plain.splice(i..i + name.len(), format!("R{at}").into_bytes());
                    }
                }
                let dict = deep(doc, &Object::Dictionary(dict), names, depth + 1);
                format!("{dict} {plain:?}")
            }
            Object::Name(n) => match n.iter().position(|&b| b == b'+') {
                Some(6) => String::from_utf8_lossy(&n[7..]).into_owned(),
                _ => String::from_utf8_lossy(n).into_owned(),
            },
            other => format!("{other:?}"),
        }
    }

    /// Each page: its content, with the names of its fonts and forms
    /// replaced by the order in which the document first uses them, then
    /// what those stand for and the page's links, all resolved.
    fn canonical(pdf: &[u8]) -> Vec<(Vec<u8>, String)> {
        use lopdf::Object;
        let doc = lopdf::Document::load_mem(pdf).unwrap();
        let mut order: Vec<Vec<u8>> = Vec::new();
        let mut pages = Vec::new();
        for (_, id) in doc.get_pages() {
            let page = doc.get_dictionary(id).unwrap();
            let mut content = lopdf::content::Content::decode(&doc.get_page_content(id)).unwrap();
            for op in &mut content.operations {
                if op.operator == "Tf" || op.operator == "Do" {
                    if let Some(Object::Name(n)) = op.operands.first_mut() {
                        let at = order.iter().position(|o| o == n).unwrap_or_else(|| {
                            order.push(n.clone());
                            order.len() - 1
                        });
                        *n = format!("R{at}").into_bytes();
                    }
                }
            }
            // What each name stands for, by its place in `order`.
            let mut named = String::new();
            for (at, name) in order.iter().enumerate() {
                for kind in ["Font", "XObject"] {
                    let dict = doc
                        .get_dictionary(id)
                        .and_then(|p| p.get_deref(b"Resources", &doc))
                        .and_then(|r| r.as_dict())
                        .and_then(|r| r.get_deref(kind.as_bytes(), &doc))
                        .and_then(|d| d.as_dict());
                    if let Ok(target) = dict.and_then(|d| d.get(name)) {
                        named += &format!("R{at} = {}\n", deep(&doc, target, &order, 0));
                    }
                }
            }
            let annots = page
                .get(b"Annots")
                .map_or(String::new(), |a| deep(&doc, a, &order, 0));
            pages.push((content.encode().unwrap(), format!("{named}{annots}")));
        }
        pages
    }

    /// Laid-out documents with a logo (a handbook of every shipped
    /// procedure, their posters and cards), the handbook opening with a page
    /// of signs from the fallback faces and no-break spaces.
    pub(super) fn documents() -> Vec<Document> {
        use crate::layout::testing::{job, shipped};
        use crate::model::{Campaign, OutputKind};
        use crate::style::Labels;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let campaign = Campaign::load(&root.join("examples/phuong-1/toroi.toml")).unwrap();
        let procedures = shipped();
        let mut docs = Vec::new();
        for (kind, preset) in [
            (OutputKind::Handbook, "handbook-a5"),
            (OutputKind::Poster, "poster-a4"),
            (OutputKind::Cards, "cards-a4"),
        ] {
            let t = crate::style::Template::builtin(preset).unwrap();
            let j = job(
                kind,
                &procedures,
                Some(&campaign),
                &t,
                &Labels::vietnamese(),
            );
            let (laid, _) = crate::layout::lay_out(&j);
            docs.extend(laid.into_iter().map(|l| l.document));
        }
        let mut page = docs[0].pages[0].clone();
        let mut y = 40.0;
        for (text, font) in [
            (
                "Phí: 2.000\u{a0}đồng ≥ 1 bản; ✓ có ✗ không ☎ 1022",
                FontKind::Bold,
            ),
            (
                "mã\u{a0}1.001193 · a b ─ ∑ ≤ ≠ ½ € ₫ ① ★",
                FontKind::Regular,
            ),
            (
                "ĐĂNG KÝ KHAI SINH — “Tờ khai” (bản sao) ‘x’ … № ©",
                FontKind::Bold,
            ),
        ] {
            page.items.push(Item::Text(crate::scene::TextRun {
                x: 30.0,
                y,
                width: font.font().width(text, 11.0),
                text: text.to_owned(),
                font,
                size: 11.0,
                color: Color::rgb(0x1a, 0x3c, 0x6e),
            }));
            y += 16.0;
        }
        docs[0].pages.insert(0, page);
        docs
    }

    #[test]
    fn our_content_streams_are_printpdfs_byte_for_byte() {
        for doc in documents() {
            for cmyk in [false, true] {
                let options = Options { cmyk };
                let ours = canonical(&write(&doc, options, Contents::Own));
                let theirs = canonical(&write(&doc, options, Contents::Printpdf));
                assert_eq!(ours.len(), theirs.len(), "{}", doc.title);
                for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
                    assert!(
                        a.0 == b.0,
                        "{}, page {i}, cmyk {cmyk}: the content differs:\n{}\n---\n{}",
                        doc.title,
                        String::from_utf8_lossy(&a.0),
                        String::from_utf8_lossy(&b.0)
                    );
                    if a.1 != b.1 {
                        let at =
                            a.1.bytes()
                                .zip(b.1.bytes())
                                .take_while(|(x, y)| x == y)
                                .count();
                        let from = a.1.floor_char_boundary(at.saturating_sub(200));
                        panic!(
                            "{}, page {i}, cmyk {cmyk}: fonts, forms or links differ at {at}:\n{}\n---\n{}",
                            doc.title,
                            &a.1[from..a.1.floor_char_boundary(at + 200)],
                            &b.1[from..b.1.floor_char_boundary(at + 200)],
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn stacked_rectangles_cover_exactly_the_dark_modules() {
        let m = QrMatrix::encode(
            "https://dichvucong.gov.vn/p/home/x.html?ma_thu_tuc=1.001193",
            qrcode::EcLevel::M,
        )
        .unwrap();
        let rects = stacked(m.runs());
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

    /// A logo packed ahead is found only for the very image, on white, in
    /// its colour model, and is what the render would have packed.
    #[test]
    fn an_image_packed_ahead_is_the_one_the_render_packs() {
        let bytes = |p: Packed| match p {
            Packed::Plain(b) => (false, b),
            Packed::Deflated(b) => (true, b),
        };
        let pixels = ::image::RgbaImage::from_fn(120, 80, |x, y| {
            ::image::Rgba([(x * 2) as u8, (y * 3) as u8, 90, ((x + y) % 256) as u8])
        });
        let image = std::sync::Arc::new(pixels.clone());
        for cmyk in [false, true] {
            pack_ahead(image.clone(), cmyk);
            let ahead = packed_ahead(&image, Color::WHITE, cmyk).expect("packed ahead");
            assert_eq!(bytes(ahead), bytes(pack(&image, Color::WHITE, cmyk)));
            // The same pixels elsewhere (a logo read again), another ground,
            // the other colour model: packed at render time.
            assert!(packed_ahead(&pixels, Color::WHITE, cmyk).is_none());
            assert!(packed_ahead(&image, Color::rgb(0xf4, 0xe8, 0xd0), cmyk).is_none());
        }
    }

    #[test]
    fn flattened_pixels_are_mixed_with_the_matte_by_their_alpha() {
        let matte = Color::rgb(0xf4, 0xe8, 0xd0);
        let image = ::image::RgbaImage::from_fn(256, 3, |x, y| {
            ::image::Rgba([(x * 7) as u8, (y * 90) as u8, 255 - x as u8, x as u8])
        });
        let out = flatten(&image, matte);
        for (i, p) in image.pixels().enumerate() {
            let [r, g, b, a] = p.0.map(u32::from);
            let mix = |c: u32, m: u8| ((c * a + u32::from(m) * (255 - a) + 127) / 255) as u8;
            let want = [mix(r, matte.r), mix(g, matte.g), mix(b, matte.b)];
            assert_eq!(out[3 * i..3 * i + 3], want, "pixel {i}, alpha {a}");
        }
    }

    /// Deflates `plain` with a deflater of `pool`, as [`deflate`] does.
    fn deflated_by(pool: &Deflaters, plain: &[u8]) -> Vec<u8> {
        pool.with(|c| {
            let mut out = Vec::with_capacity(plain.len() + 64);
            let s = c.compress_vec(plain, &mut out, flate2::FlushCompress::Finish);
            assert_eq!(s.unwrap(), flate2::Status::StreamEnd);
            out
        })
    }

    #[test]
    fn a_job_allowed_one_deflater_shares_it_and_a_panic_gives_it_back() {
        use std::io::Read;
        let pool = Deflaters::new();
        pool.pool().most = 1;
        let texts: Vec<Vec<u8>> = (0..16)
            .map(|i| {
                format!("BT /F1 12 Tf ({i}) Tj ET\n")
                    .repeat(200 + i)
                    .into_bytes()
            })
            .collect();
        // Four threads at once, sixteen streams: each is whole, one
        // deflater made.
        let packed: Vec<Vec<u8>> = std::thread::scope(|s| {
            let handles: Vec<_> = texts
                .chunks(4)
                .map(|chunk| {
                    s.spawn(|| {
                        chunk
                            .iter()
                            .map(|t| deflated_by(&pool, t))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
        for (plain, packed) in texts.iter().zip(&packed) {
            let mut back = Vec::new();
            flate2::read::ZlibDecoder::new(&packed[..])
                .read_to_end(&mut back)
                .unwrap();
            assert_eq!(&back, plain);
        }
        let (made, free) = {
            let p = pool.pool();
            (p.made, p.free.len())
        };
        assert_eq!((made, free), (1, 1));
        // A panic while it is lent gives it back: the next stream does not
        // wait for ever, and it is reset before it is used again.
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pool.with(|c| {
                let mut out = Vec::with_capacity(64);
                let _ = c.compress_vec(b"half a stream", &mut out, flate2::FlushCompress::None);
                panic!("a bug while deflating")
            })
        }));
        assert!(caught.is_err());
        assert_eq!(deflated_by(&pool, &texts[0]), packed[0]);
        // Allowed more, threads that find none free make their own.
        pool.pool().most = 4;
        let barrier = std::sync::Barrier::new(3);
        std::thread::scope(|s| {
            for _ in 0..3 {
                s.spawn(|| {
                    pool.with(|_| {
                        barrier.wait();
                    })
                });
            }
        });
        assert_eq!(pool.pool().made, 3);
    }
}
