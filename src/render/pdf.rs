//! Scene → PDF bytes, with printpdf. A thin translator: every position and
//! line break was decided by layout.

use std::collections::HashMap;

use printpdf::{
    Actions, BorderArray, Color as PdfColor, CurTransMat, Destination, DictItem, FontId, LinePoint,
    LinkAnnotation, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Polygon, PolygonRing, Pt, RawImage, RawImageData, RawImageFormat, Rgb, TextItem,
    WindingOrder, XObjectId, XObjectTransform,
};

use crate::scene::{Color, Document, Item, Page, Rect, Target};
use crate::text::FontKind;

/// Renders a document; fonts are embedded as subsets of the glyphs used.
pub fn render(doc: &Document) -> Vec<u8> {
    let mut pdf = PdfDocument::new(&doc.title);
    pdf.metadata.info.author = doc.author.clone();
    pdf.metadata.info.creator = "toroi".to_owned();
    pdf.metadata.info.producer = format!("toroi {}", env!("CARGO_PKG_VERSION"));

    let mut res = Resources::default();
    let mut pages = Vec::with_capacity(doc.pages.len());
    for page in &doc.pages {
        let ops = page_ops(&mut pdf, &mut res, page);
        pages.push(PdfPage::new(
            printpdf::Mm::from(Pt(page.width)),
            printpdf::Mm::from(Pt(page.height)),
            ops,
        ));
    }
    pdf.with_pages(pages);
    for (title, page) in &doc.outline {
        pdf.add_bookmark(title, page + 1);
    }
    // Images stay raw here and are deflated with the other streams below.
    // `secure: false` lets through the Op::Unknown path operators that
    // page_ops writes for QR codes; nothing else here makes unknown ops.
    let opts = PdfSaveOptions {
        optimize: false,
        secure: false,
        image_optimization: None,
        ..Default::default()
    };
    let mut lo = pdf.to_lopdf_document(&opts, &mut Vec::new());
    compress_streams(&mut lo);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .expect("writing to memory cannot fail");
    bytes
}

/// Deflates every unfiltered stream. printpdf's own `optimize` uses level 9,
/// which took a third of a poster's time; level 2 writes a poster 4 % larger.
fn compress_streams(doc: &mut lopdf::Document) {
    use std::io::Write;
    for object in doc.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object {
            if stream.dict.get(b"Filter").is_ok() || stream.content.len() < 64 {
                continue;
            }
            let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(2));
            if enc.write_all(&stream.content).is_err() {
                continue;
            }
            if let Ok(packed) = enc.finish() {
                if packed.len() < stream.content.len() {
                    stream.dict.set("Filter", "FlateDecode");
                    stream.set_content(packed);
                }
            }
        }
    }
}

/// Fonts and images added to the document once, however many pages use them.
#[derive(Default)]
struct Resources {
    fonts: HashMap<FontKind, FontId>,
    /// By the image's address and matte: a logo on the cover and on the
    /// back is one image in the file.
    images: HashMap<(usize, [u8; 3]), XObjectId>,
}

fn page_ops(pdf: &mut PdfDocument, res: &mut Resources, page: &Page) -> Vec<Op> {
    let flip = |y: f32| page.height - y;
    let mut ops = Vec::new();
    for item in &page.items {
        match item {
            Item::Text(run) => {
                let id = res
                    .fonts
                    .entry(run.font)
                    .or_insert_with(|| {
                        let parsed = ParsedFont::from_bytes(run.font.bytes(), 0, &mut Vec::new())
                            .expect("shipped font parses");
                        pdf.add_font(&parsed)
                    })
                    .clone();
                ops.push(Op::SetFillColor {
                    col: color(run.color),
                });
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(id),
                    size: Pt(run.size),
                });
                ops.push(Op::SetTextCursor {
                    pos: point(run.x, flip(run.y)),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(run.text.clone())],
                });
                ops.push(Op::EndTextSection);
            }
            Item::Rect { rect, fill, radius } => {
                ops.push(Op::SetFillColor { col: color(*fill) });
                ops.push(Op::DrawPolygon {
                    polygon: fill_polygon(vec![ring(*rect, *radius, page.height)]),
                });
            }
            Item::Modules {
                origin,
                module,
                runs,
                color: c,
                ..
            } => {
                // One path of `re` rectangles in module units under a scaling
                // matrix, filled once: integers are quick to write, and a
                // single fill leaves no seams between modules. printpdf has
                // no Op for `re` without its own fill, hence Op::Unknown.
                let m = *module;
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::SetTransformationMatrix {
                    matrix: CurTransMat::Raw([m, 0.0, 0.0, -m, origin.0, flip(origin.1)]),
                });
                ops.push(Op::SetFillColor { col: color(*c) });
                for r in runs {
                    let value = [r.col, r.row, r.len, 1]
                        .map(|v| DictItem::Int(v as i64))
                        .to_vec();
                    ops.push(Op::Unknown {
                        key: "re".to_owned(),
                        value,
                    });
                }
                ops.push(Op::Unknown {
                    key: "f".to_owned(),
                    value: Vec::new(),
                });
                ops.push(Op::RestoreGraphicsState);
            }
            Item::Image { rect, image, matte } => {
                let key = (
                    std::sync::Arc::as_ptr(image) as usize,
                    [matte.r, matte.g, matte.b],
                );
                let id = res
                    .images
                    .entry(key)
                    .or_insert_with(|| {
                        pdf.add_image(&RawImage {
                            pixels: RawImageData::U8(flatten(image, *matte)),
                            width: image.width() as usize,
                            height: image.height() as usize,
                            data_format: RawImageFormat::RGB8,
                            tag: Vec::new(),
                        })
                    })
                    .clone();
                ops.push(Op::UseXobject {
                    id,
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

fn color(c: Color) -> PdfColor {
    PdfColor::Rgb(Rgb {
        r: c.r as f32 / 255.0,
        g: c.g as f32 / 255.0,
        b: c.b as f32 / 255.0,
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
