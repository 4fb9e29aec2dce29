//! Reading every code back before it is printed: each QR code's region of
//! each page, as laid out (with its neighbours, whatever overlaps it), is
//! drawn at 150 dpi by the PNG renderer and decoded with rqrr, a decoder
//! toroi did not write. A code that does not read back to its address is
//! an error. `toroi check` runs it on every output; it costs about a
//! millisecond a code.

use rayon::prelude::*;

use crate::render::png;
use crate::scene::{Item, Page, Rect, Target, MM};

/// The resolution codes are proofed at: a cheap office printer's worst.
const DPI: f32 = 150.0;
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
    let codes: Vec<(usize, Rect, String)> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, page)| codes_of(page).into_iter().map(move |(r, h)| (i, r, h)))
        .collect();
    READ_BACK.fetch_add(codes.len(), std::sync::atomic::Ordering::Relaxed);
    codes
        .par_iter()
        .filter_map(|(i, area, href)| {
            let read = read(&pages[*i], *area);
            (read.as_deref() != Some(href.as_str())).then(|| Misread {
                page: *i,
                href: href.clone(),
                read,
            })
        })
        .collect()
}

/// Each code's area (quiet zone included) and the address of its link:
/// layout lays a link exactly over every code it draws.
fn codes_of(page: &Page) -> Vec<(Rect, String)> {
    let mut out = Vec::new();
    for (k, item) in page.items.iter().enumerate() {
        let Item::Modules { .. } = item else { continue };
        let modules = item.bounds();
        let link = page.items[k..].iter().find_map(|i| match i {
            Item::Link {
                rect,
                target: Target::Url(u),
            } if rect.contains(&modules) => Some((*rect, u.clone())),
            _ => None,
        });
        if let Some(found) = link {
            out.push(found);
        }
    }
    out
}

/// What rqrr reads in `area` of `page` and around it, drawn at 150 dpi.
fn read(page: &Page, area: Rect) -> Option<String> {
    let region = Rect::new(
        (area.x - AROUND).max(0.0),
        (area.y - AROUND).max(0.0),
        area.w + 2.0 * AROUND,
        area.h + 2.0 * AROUND,
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
    let cut = Page::new(region.w, region.h, items);
    let px = (region.w / 72.0 * DPI).round() as u32;
    let pixmap = png::raster(&cut, px.max(21));
    let (w, h) = (pixmap.width(), pixmap.height());
    let luma = image::GrayImage::from_fn(w, h, |x, y| {
        let p = pixmap.pixel(x, y).expect("inside");
        let v = (u32::from(p.red()) * 299 + u32::from(p.green()) * 587 + u32::from(p.blue()) * 114)
            / 1000;
        image::Luma([v as u8])
    });
    let mut prepared = rqrr::PreparedImage::prepare(luma);
    prepared
        .detect_grids()
        .into_iter()
        .find_map(|g| g.decode().ok().map(|(_, text)| text))
}

/// Covers the middle third of every code of `pages` with a black box, as
/// a misplaced item would: for the tests that prove a spoilt code is caught.
pub fn spoil(pages: &mut [Page]) {
    for page in pages {
        for (area, _) in codes_of(page) {
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
            let (area, href) = codes_of(&page)[0].clone();
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
}
