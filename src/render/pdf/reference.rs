//! The pages' operations as printpdf's own [`Op`]s, for printpdf to write:
//! the way toroi wrote PDF before [`super::content`], kept as the measure
//! its bytes are compared with.

use printpdf::{
    CurTransMat, DictItem, LinePoint, Op, PaintMode, ParsedFont, PdfFontHandle, Point, Polygon,
    PolygonRing, Pt, TextItem, WindingOrder, XObjectTransform,
};
use std::sync::OnceLock;

use super::{color_of, image_key, r2, Resources};
use crate::scene::{Color, Item, Page, Rect};
use crate::text::Face;

/// printpdf's reading of a shipped face, made once a run.
pub fn parsed_font(face: Face) -> &'static ParsedFont {
    static PARSED: [OnceLock<ParsedFont>; Face::ALL.len()] =
        [const { OnceLock::new() }; Face::ALL.len()];
    PARSED[face.index()].get_or_init(|| {
        ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new()).expect("shipped font parses")
    })
}

pub fn page_ops(res: &Resources, page: &Page) -> Vec<Op> {
    let flip = |y: f32| page.height - y;
    let mut ops = super::links(page);
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
            Item::Image { id, matte, .. } => {
                ops.push(Op::UseXobject {
                    id: res.images[&image_key(*id, *matte)].clone(),
                    transform: super::image_placement(item, page.height),
                });
            }
            Item::Link { .. } => {}
        }
    }
    ops
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
