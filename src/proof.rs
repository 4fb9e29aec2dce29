//! Reading every code back before it is printed: each QR code's region of
//! each page, as laid out (with its neighbours, whatever overlaps it), is
//! drawn by the PNG renderer at the resolution a phone's camera sees a
//! code at (a few pixels a module; never finer than 150 dpi) and decoded
//! with rqrr, a decoder toroi did not write. A code that does not read
//! back to its address is an error. `build` and `check` run it on every
//! output; drawn at pixels a module rather than at a fixed dpi, a poster's
//! 11 cm code costs what a card's 2 cm one does.

use rayon::prelude::*;

use crate::render::png;
use crate::scene::{Item, Page, Rect, Target, MM};

/// The finest resolution codes are proofed at: a cheap office printer's worst.
const DPI: f32 = 150.0;
/// Pixels a module: what a phone's camera gets of a code it reads at
/// arm's length; enough for rqrr with the renderer's anti-aliasing.
const PX_PER_MODULE: f32 = 4.0;
/// Around each code, its neighbours are drawn too.
const AROUND: f32 = 4.0 * MM;

/// A code that did not read back: its page (from 0), the address it
/// should carry, and what was read (None: nothing).
#[derive(Debug, Clone, PartialEq)]
pub struct Misread {
    pub page: usize,
    pub href: String,
    pub read: Option<String>,
}

/// Every code of `pages` that does not read back to the address of the
/// link laid over it.
/// Codes read back in this run, for `build --proof`'s last line.
static READ_BACK: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How many codes this run has read back.
pub fn read_back() -> usize {
    READ_BACK.load(std::sync::atomic::Ordering::Relaxed)
}

pub fn misread(pages: &[Page]) -> Vec<Misread> {
    let codes: Vec<(usize, Code)> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, page)| codes_of(page).into_iter().map(move |c| (i, c)))
        .collect();
    READ_BACK.fetch_add(codes.len(), std::sync::atomic::Ordering::Relaxed);
    codes
        .par_iter()
        .filter_map(|(i, code)| {
            let read = read(&pages[*i], code);
            (read.as_deref() != Some(code.href.as_str())).then(|| Misread {
                page: *i,
                href: code.href.clone(),
                read,
            })
        })
        .collect()
}

/// A code of a page: its area (quiet zone included), its module's size in
/// points, and the address of the link laid over it.
struct Code {
    area: Rect,
    module: f32,
    /// The first module's corner, and modules a side (quiet zone excluded).
    origin: (f32, f32),
    width: usize,
    href: String,
}

/// Each code of `page`: layout lays a link exactly over every code it draws.
fn codes_of(page: &Page) -> Vec<Code> {
    let mut out = Vec::new();
    for (k, item) in page.items.iter().enumerate() {
        let Item::Modules {
            module,
            origin,
            width,
            ..
        } = item
        else {
            continue;
        };
        let modules = item.bounds();
        let link = page.items[k..].iter().find_map(|i| match i {
            Item::Link {
                rect,
                target: Target::Url(u),
            } if rect.contains(&modules) => Some((*rect, u.clone())),
            _ => None,
        });
        if let Some((area, href)) = link {
            out.push(Code {
                area,
                module: *module,
                origin: *origin,
                width: *width,
                href,
            });
        }
    }
    out
}

/// What the code's area of `page` reads as, drawn with its neighbours.
///
/// First as a phone's camera gets it: the region drawn at a few pixels a
/// module, each module read at its centre, the finder patterns and the
/// quiet zone checked to be as a scanner needs them, and the modules
/// decoded by rqrr's decoder (error correction and all). Only when that
/// fails is the whole image searched for a code by rqrr's detector, to say
/// what, if anything, it reads as: the detector's fitting costs a few
/// milliseconds a code, the first way a tenth of one.
fn read(page: &Page, code: &Code) -> Option<String> {
    let (cut, region) = cut_out(page, code);
    // Whole pixels a module (a hair over, which the renderer rounds down),
    // so that the symbol is drawn at its laid-out size and place, and its
    // quiet zone where the print has it.
    let scale = (PX_PER_MODULE + 0.01) / code.module;
    let pixmap = png::raster(&cut, ((region.w * scale).ceil() as u32).max(21));
    if let Some(text) = sampled(&pixmap, code, region, pixmap.width() as f32 / region.w) {
        return Some(text);
    }
    let dpi = (PX_PER_MODULE / code.module * 72.0).min(DPI);
    let pixmap = png::raster(&cut, ((region.w / 72.0 * dpi).round() as u32).max(21));
    let mut prepared = rqrr::PreparedImage::prepare(luma_of(&pixmap));
    prepared
        .detect_grids()
        .into_iter()
        .find_map(|g| g.decode().ok().map(|(_, text)| text))
}

/// The code's region of `page` with everything drawn in it, as a page of
/// its own, and where it lies on `page`.
fn cut_out(page: &Page, code: &Code) -> (Page, Rect) {
    let region = Rect::new(
        (code.area.x - AROUND).max(0.0),
        (code.area.y - AROUND).max(0.0),
        code.area.w + 2.0 * AROUND,
        code.area.h + 2.0 * AROUND,
    );
    let items = page
        .items
        .iter()
        .filter(|i| overlaps(&i.bounds(), &region))
        .map(|i| {
            let mut i = i.clone();
            i.translate(-region.x, -region.y);
            i
        })
        .collect();
    (Page::new(region.w, region.h, items), region)
}

fn luma_of(pixmap: &tiny_skia::Pixmap) -> image::GrayImage {
    let (w, h) = (pixmap.width(), pixmap.height());
    image::GrayImage::from_fn(w, h, |x, y| {
        image::Luma([luma_at(pixmap, x, y).unwrap_or(255)])
    })
}

/// The brightness of one pixel, as a camera's grey image has it.
fn luma_at(pixmap: &tiny_skia::Pixmap, x: u32, y: u32) -> Option<u8> {
    let p = pixmap.pixel(x, y)?;
    let v =
        (u32::from(p.red()) * 299 + u32::from(p.green()) * 587 + u32::from(p.blue()) * 114) / 1000;
    Some(v as u8)
}

/// Grids already decoded in this run, by their modules: a code printed on
/// several outputs (the catalogue in A4 and A3, the cards) is drawn and
/// sampled each time, and decoded once.
static DECODED: std::sync::LazyLock<
    std::sync::Mutex<rustc_hash::FxHashMap<Vec<bool>, Option<String>>>,
> = std::sync::LazyLock::new(Default::default);

/// What rqrr's decoder reads in `bits` (`width` modules a side, row by row).
fn decoded(bits: Vec<bool>, width: usize) -> Option<String> {
    if let Some(known) = DECODED.lock().ok().and_then(|d| d.get(&bits).cloned()) {
        return known;
    }
    let grid = rqrr::SimpleGrid::from_func(width, |x, y| bits[y * width + x]);
    let text = rqrr::Grid::new(grid).decode().ok().map(|(_, text)| text);
    if let Ok(mut d) = DECODED.lock() {
        d.insert(bits, text.clone());
    }
    text
}

/// The code read module by module from `luma` (the region drawn at
/// `px_per_pt`), or None when a module of a finder pattern or of the quiet
/// zone is not as a scanner needs it, or the modules do not decode.
fn sampled(
    pixmap: &tiny_skia::Pixmap,
    code: &Code,
    region: Rect,
    px_per_pt: f32,
) -> Option<String> {
    let n = code.width as i64;
    // Dark at module (x, y), counted from the symbol's first module; the
    // quiet zone lies at -4..0 and n..n+4.
    // The renderer draws whole pixels a module, centred where layout put
    // the code: the modules' centres are found the same way.
    let m = (code.module * px_per_pt).floor().max(1.0);
    let half = code.module * code.width as f32 / 2.0;
    let start_x = (code.origin.0 - region.x + half) * px_per_pt - m * code.width as f32 / 2.0;
    let start_y = (code.origin.1 - region.y + half) * px_per_pt - m * code.width as f32 / 2.0;
    let dark = |x: i64, y: i64| -> Option<bool> {
        let px = start_x + (x as f32 + 0.5) * m;
        let py = start_y + (y as f32 + 0.5) * m;
        if px < 0.0 || py < 0.0 {
            return None;
        }
        Some(luma_at(pixmap, px as u32, py as u32)? < 128)
    };
    let quiet = crate::qr::QUIET_ZONE as i64;
    for y in -quiet..n + quiet {
        for x in -quiet..n + quiet {
            let inside = (0..n).contains(&x) && (0..n).contains(&y);
            if !inside && dark(x, y).is_none_or(|d| d) {
                return None;
            }
        }
    }
    // The three finder patterns: a dark ring, a light ring, a dark 3 × 3.
    for (fx, fy) in [(0, 0), (n - 7, 0), (0, n - 7)] {
        for y in 0..7 {
            for x in 0..7 {
                let ring = x.min(y).min(6 - x).min(6 - y);
                if dark(fx + x, fy + y) != Some(ring != 1) {
                    return None;
                }
            }
        }
    }
    let mut bits = vec![false; (n * n) as usize];
    for y in 0..n {
        for x in 0..n {
            bits[(y * n + x) as usize] = dark(x, y)?;
        }
    }
    decoded(bits, code.width)
}

/// Covers the middle third of every code of `pages` with a black box, as
/// a misplaced item would: for the tests that prove a spoilt code is caught.
pub fn spoil(pages: &mut [Page]) {
    for page in pages {
        for Code { area, .. } in codes_of(page) {
            page.items.push(Item::Rect {
                rect: Rect::new(
                    area.x + area.w / 3.0,
                    area.y + area.h / 3.0,
                    area.w / 3.0,
                    area.h / 3.0,
                ),
                fill: crate::scene::Color::BLACK,
                radius: 0.0,
            });
        }
    }
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && a.right() > b.x && a.y < b.bottom() && a.bottom() > b.y
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::testing::{poster, shipped};
    use crate::scene::Color;
    use crate::style::{Labels, PosterSize, Template};

    #[test]
    fn every_shipped_poster_code_reads_back_and_a_spoilt_one_does_not() {
        let t = Template::poster(PosterSize::A4);
        for p in shipped() {
            let page = poster(&p, None, &t, &Labels::vietnamese()).unwrap().page;
            assert_eq!(
                misread(std::slice::from_ref(&page)),
                Vec::new(),
                "{}",
                p.title.value
            );
            // A box laid over the code's corner: it no longer reads.
            let mut spoilt = page.clone();
            let code = &codes_of(&page)[0];
            let (area, href) = (code.area, code.href.clone());
            spoilt.items.push(Item::Rect {
                rect: Rect::new(area.x, area.y, area.w * 0.45, area.h * 0.45),
                fill: Color::rgb(0x20, 0x20, 0x20),
                radius: 0.0,
            });
            let bad = misread(&[spoilt]);
            assert_eq!(bad.len(), 1);
            assert_eq!(bad[0].href, href);
        }
    }

    /// The quick way (modules read at their centres) reads every shipped
    /// poster's code, so that a proof costs a fraction of a millisecond a
    /// code; and a box over the quiet zone sends it to the detector.
    #[test]
    fn codes_are_read_module_by_module_and_a_crowded_quiet_zone_is_seen() {
        let t = Template::poster(PosterSize::A4);
        for p in shipped() {
            let page = poster(&p, None, &t, &Labels::vietnamese()).unwrap().page;
            let code = &codes_of(&page)[0];
            let (pixmap, px_per_pt, region) = drawn(&page, code);
            assert_eq!(
                sampled(&pixmap, code, region, px_per_pt).as_deref(),
                Some(code.href.as_str()),
                "{}",
                p.title.value
            );
            let mut crowded = page.clone();
            crowded.items.push(Item::Rect {
                // One module's box, two modules left of the symbol.
                rect: Rect::new(
                    code.origin.0 - 2.0 * code.module,
                    code.origin.1 + 10.0 * code.module,
                    code.module,
                    code.module,
                ),
                fill: Color::BLACK,
                radius: 0.0,
            });
            let (pixmap, px_per_pt, region) = drawn(&crowded, code);
            assert_eq!(sampled(&pixmap, code, region, px_per_pt), None);
        }
    }

    fn drawn(page: &Page, code: &Code) -> (tiny_skia::Pixmap, f32, Rect) {
        let (cut, region) = cut_out(page, code);
        let scale = (PX_PER_MODULE + 0.01) / code.module;
        let pixmap = png::raster(&cut, (region.w * scale).ceil() as u32);
        let px_per_pt = pixmap.width() as f32 / region.w;
        (pixmap, px_per_pt, region)
    }
}
