//! The tri-fold leaflet (tờ gấp): A4 landscape, two sides, three panels each.
//!
//! Folded as a roll fold, the 97 mm panel tucks inside the other two. The
//! outside carries (left to right) the flap, the back and the front cover;
//! the inside, seen after flipping the sheet on its short edge, carries
//! two 100 mm panels and then the flap's inner face:
//!
//! ```text
//! outside:  | flap 97 | back 100 | front 100 |
//! inside:   | in 100  | in 100   | in 97     |
//! ```
//!
//! Procedures are compact blocks (title, key facts, documents, QR) that
//! never split across a fold. They fill the inside panels, then the flap;
//! panels left free get the scanning guide and a list of what is inside.
//! When the blocks do not fit even at the smallest type, the error says how
//! many procedures do.

mod entry;
pub(crate) mod panels;

use crate::diag::{Diagnostic, Diagnostics};
use crate::job::{Coded, Job};
use crate::layout::{check_drawn_glyphs, check_glyphs};
use crate::model::{OutputKind, Procedure};
use crate::scene::{Item, Page, Rect, MM};
use crate::style::template::{Labels, Template};

use entry::{Code, Detail, Entry, Fit};

/// Type grows and shrinks in steps of this fraction of its normal size.
const SCALE_STEP: f32 = 0.04;
const COMPACT: Detail = Detail::LEVELS[2];

/// Panel widths in millimetres, left to right, on each side.
pub const OUTSIDE_MM: [f32; 3] = [97.0, 100.0, 100.0];
pub const INSIDE_MM: [f32; 3] = [100.0, 100.0, 97.0];
pub const MIN_PROCEDURES: usize = 2;
pub const MAX_PROCEDURES: usize = 6;

/// A laid-out leaflet: the outside (cover) side, then the inside.
#[derive(Debug)]
pub struct Leaflet {
    pub sides: [Page; 2],
    /// The URL each procedure's QR code encodes, in order.
    pub qr_urls: Vec<String>,
    pub warnings: Diagnostics,
}

/// One panel's area inside its padding, on a side.
#[derive(Debug, Clone, Copy)]
struct Panel {
    side: usize,
    area: Rect,
}

fn panel(t: &Template, side: usize, index: usize) -> Panel {
    let widths = if side == 0 { OUTSIDE_MM } else { INSIDE_MM };
    let x: f32 = widths[..index].iter().sum();
    let m = t.margin * MM;
    Panel {
        side,
        area: Rect::new(
            x * MM + m,
            m,
            widths[index] * MM - 2.0 * m,
            t.page_height() - 2.0 * m,
        ),
    }
}

/// Where procedures go, in reading order: the three inside panels, then the
/// flap (seen beside the first inside panel when the cover is opened).
fn procedure_panels(t: &Template) -> [Panel; 4] {
    [
        panel(t, 1, 0),
        panel(t, 1, 1),
        panel(t, 1, 2),
        panel(t, 0, 0),
    ]
}

pub fn leaflet(job: &Job) -> Result<Leaflet, Diagnostics> {
    let (campaign, t, labels) = (job.campaign.as_ref(), &job.template, &job.labels);
    let entries = &job.entries;
    let n = entries.len();
    if !(MIN_PROCEDURES..=MAX_PROCEDURES).contains(&n) {
        return Err(count_error(n, MAX_PROCEDURES).into());
    }
    let mut diags = Diagnostics::new();
    for p in job.procedures() {
        if let Err(d) = check_glyphs(p) {
            diags.extend(d);
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let qr_urls: Vec<String> = entries.iter().map(|e| e.code.href.clone()).collect();
    let mut sides_mm = Vec::new();
    for e in entries {
        let p = &e.procedure;
        match e
            .code
            .matrix
            .side(OutputKind::Leaflet.qr_policy(), t.qr.size)
        {
            Ok(side) => sides_mm.push(side),
            Err(e) => diags.push(
                p.error_at(p.url.offset, e.to_string())
                    .with_hint(crate::t!("hint-shorter-url")),
            ),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }

    let slots = procedure_panels(t);
    let (blocks, groups) = plan(entries, &sides_mm, &slots, t, labels)?;
    let mut sides: [Vec<Item>; 2] = [Vec::new(), Vec::new()];
    let mut blocks = blocks.into_iter();
    let gap = t.gap * MM * 2.0;
    for (slot, &count) in slots.iter().zip(&groups) {
        let mut y = slot.area.y;
        for k in 0..count {
            let b = blocks.next().expect("groups add up to the blocks");
            if k > 0 {
                panels::separator(&mut sides[slot.side], slot.area, y - gap / 2.0, t);
            }
            let h = b.height;
            for mut item in b.items {
                item.translate(slot.area.x, y);
                sides[slot.side].push(item);
            }
            y += h + gap;
        }
    }
    let procedures: Vec<&Procedure> = job.procedures().collect();
    fill_free_panels(&mut sides, &slots, &groups, &procedures, t, labels);
    panels::back(
        &mut sides[0],
        panel(t, 0, 1).area,
        campaign,
        job.front
            .as_ref()
            .expect("a leaflet's job has the campaign's code"),
        t,
        labels,
    )?;
    panels::front(&mut sides[0], panel(t, 0, 2).area, campaign, n, t, labels)?;
    panels::fold_marks(&mut sides, t);

    for items in &sides {
        check_drawn_glyphs(items)?;
    }
    // No warning for modules under 0.7 mm: a leaflet is read in the hand,
    // where the 0.6 mm modules it aims for scan easily.
    let warnings = Diagnostics::new();
    let (w, h) = (t.page_width(), t.page_height());
    let [outside, inside] = sides;
    Ok(Leaflet {
        sides: [Page::new(w, h, outside), Page::new(w, h, inside)],
        qr_urls,
        warnings,
    })
}

/// The blocks with the most detail, then the largest type, that fit the
/// panels, and how many go on each; past the normal size only the most
/// compact blocks shrink. The flap keeps the scanning guide unless the
/// procedures need it.
fn plan(
    entries: &[Coded],
    sides_mm: &[f32],
    slots: &[Panel; 4],
    t: &Template,
    labels: &Labels,
) -> Result<(Vec<Entry>, [usize; 4]), Diagnostic> {
    let width = slots.iter().map(|s| s.area.w).fold(f32::MAX, f32::min);
    let height = slots[0].area.h;
    let layout = |detail: Detail, scale: f32, panels: usize| {
        let blocks: Vec<Entry> = entries
            .iter()
            .zip(sides_mm)
            .enumerate()
            .map(|(i, (e, side))| {
                let p = &e.procedure;
                let code = Code {
                    url: &e.code.href,
                    matrix: &e.code.matrix,
                    side_mm: *side,
                };
                let fit = Fit {
                    width,
                    scale,
                    detail,
                };
                Entry::new(p, i, code, fit, t, labels)
            })
            .collect();
        let heights: Vec<f32> = blocks.iter().map(|b| b.height).collect();
        let groups = distribute(&heights, height, t.gap * MM * 2.0, panels);
        (blocks, heights, groups)
    };
    let s = &t.sizes;
    let max_scale = (s.max_body / s.body).max(1.0);
    let min_scale = (s.min_body / s.body).min(1.0);
    let steps = |from: f32, to: f32| {
        let n = ((from - to) / SCALE_STEP).round() as usize;
        (0..=n).map(move |i| from - i as f32 * SCALE_STEP)
    };
    let normal = |panels: usize| {
        Detail::LEVELS
            .iter()
            .flat_map(move |&d| steps(max_scale, 1.0).map(move |s| (d, s, panels)))
    };
    let tries = normal(3)
        .chain(normal(4))
        .chain(steps(1.0, min_scale).skip(1).map(|s| (COMPACT, s, 4)));
    let mut last_heights = Vec::new();
    for (detail, scale, panels) in tries {
        let (blocks, heights, groups) = layout(detail, scale, panels);
        if let Some(groups) = groups {
            return Ok((blocks, groups));
        }
        last_heights = heights;
    }
    Err(too_many(entries, &last_heights, height, t))
}

/// Panels the procedures leave free: the guide first (the flap's inner
/// face when only two procedures leave it empty), then the list of what is
/// inside; with one free panel the list goes under the guide, if it fits.
fn fill_free_panels(
    sides: &mut [Vec<Item>; 2],
    slots: &[Panel; 4],
    groups: &[usize; 4],
    procedures: &[&Procedure],
    t: &Template,
    labels: &Labels,
) {
    let free: Vec<&Panel> = slots[2..]
        .iter()
        .zip(&groups[2..])
        .filter(|(_, &c)| c == 0)
        .map(|(s, _)| s)
        .collect();
    let Some(first) = free.first() else {
        return;
    };
    let bottom = panels::guide(&mut sides[first.side], first.area, t, labels);
    let (side, area) = match free.get(1) {
        Some(second) => (second.side, second.area),
        None => {
            let top = bottom + 10.0 * MM;
            let a = first.area;
            (
                first.side,
                Rect::new(a.x, top, a.w, (a.bottom() - top).max(0.0)),
            )
        }
    };
    panels::contents(&mut sides[side], area, procedures, t, labels);
}

/// How many procedures go on each of the first `max_panels` procedure
/// panels, in order: as few panels as hold them (the inside ones at least,
/// up to one block each), the blocks as evenly spread as the panels'
/// height allows.
fn distribute(heights: &[f32], room: f32, gap: f32, max_panels: usize) -> Option<[usize; 4]> {
    let n = heights.len();
    let group_h = |g: &[f32]| g.iter().sum::<f32>() + gap * g.len().saturating_sub(1) as f32;
    let mut best: Option<([usize; 4], f32)> = None;
    for panels in n.min(3)..=max_panels.min(4) {
        // Every way to cut the blocks, in order, into `panels` non-empty groups.
        let mut counts = vec![1usize; panels];
        let mut search = |counts: &[usize]| {
            let mut at = 0;
            let mut tallest = 0.0f32;
            for &c in counts {
                let h = group_h(&heights[at..at + c]);
                if h > room {
                    return;
                }
                tallest = tallest.max(h);
                at += c;
            }
            // The most even spread; among equals, earlier panels fuller.
            let better = best.is_none_or(|(b, t)| {
                tallest < t - 0.01 || (tallest < t + 0.01 && counts > &b[..counts.len()])
            });
            if better {
                let mut out = [0; 4];
                out[..counts.len()].copy_from_slice(counts);
                best = Some((out, tallest));
            }
        };
        compositions(n, &mut counts, 0, &mut search);
        if best.is_some() {
            break;
        }
    }
    best.map(|(g, _)| g)
}

/// Calls `f` with every way of writing `n` as an ordered sum of
/// `counts.len()` positive parts.
fn compositions(n: usize, counts: &mut [usize], at: usize, f: &mut dyn FnMut(&[usize])) {
    let k = counts.len();
    if at == k - 1 {
        if n >= 1 {
            counts[at] = n;
            f(counts);
        }
        return;
    }
    for c in 1..=n.saturating_sub(k - 1 - at) {
        counts[at] = c;
        compositions(n - c, counts, at + 1, f);
    }
}

fn count_error(n: usize, fits: usize) -> Diagnostic {
    if n < MIN_PROCEDURES {
        Diagnostic::error(crate::t!(
            "leaflet-count",
            min = MIN_PROCEDURES,
            max = MAX_PROCEDURES,
            n = n
        ))
        .with_hint(crate::t!("leaflet-count-hint"))
    } else {
        Diagnostic::error(crate::t!(
            "leaflet-holds",
            fits = fits,
            n = n,
            drop = n - fits
        ))
        .with_hint(crate::t!("leaflet-holds-hint", fits = fits))
    }
}

/// The error for blocks that do not fit at the smallest type: how many of
/// the first procedures do, and the longest block.
fn too_many(procedures: &[Coded], heights: &[f32], room: f32, t: &Template) -> Diagnostic {
    let fits = (1..procedures.len())
        .rev()
        .find(|&m| distribute(&heights[..m], room, t.gap * MM * 2.0, 4).is_some())
        .unwrap_or(0);
    let (tallest, h) = heights
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(i, h)| (&procedures[i].procedure, *h))
        .expect("at least two procedures");
    if h > room {
        let p = tallest;
        let at = p.documents.first().map_or(p.title.offset, |d| d.offset);
        return p
            .error_at(
                at,
                crate::t!(
                    "leaflet-panel-long",
                    needs = format!("{:.0}", h / MM),
                    room = format!("{:.0}", room / MM)
                ),
            )
            .with_hint(crate::t!("leaflet-panel-long-hint"));
    }
    count_error(procedures.len(), fits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::testing::{job, shipped};

    fn text(d: &Diagnostics) -> String {
        d.iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn leaflet_of(ps: &[Procedure]) -> Result<Leaflet, Diagnostics> {
        let (t, labels) =
            crate::style::template::with_overrides("leaflet-a4", crate::model::Lang::Vi, None)
                .unwrap();
        leaflet(&job(OutputKind::Leaflet, ps, None, &t, &labels))
    }

    #[test]
    fn panels_add_up_to_a4_landscape() {
        assert_eq!(OUTSIDE_MM.iter().sum::<f32>(), 297.0);
        assert_eq!(INSIDE_MM.iter().sum::<f32>(), 297.0);
        // The narrow panel is one sheet: outside left is inside right.
        assert_eq!(OUTSIDE_MM[0], INSIDE_MM[2]);
    }

    #[test]
    fn distribution_keeps_order_and_prefers_fewer_panels() {
        assert_eq!(distribute(&[50.0, 50.0], 190.0, 5.0, 4), Some([1, 1, 0, 0]));
        assert_eq!(distribute(&[50.0; 3], 190.0, 5.0, 4), Some([1, 1, 1, 0]));
        assert_eq!(distribute(&[80.0; 6], 190.0, 5.0, 4), Some([2, 2, 2, 0]));
        // Seven tall blocks need the flap too.
        assert_eq!(distribute(&[90.0; 7], 190.0, 5.0, 4), Some([2, 2, 2, 1]));
        assert_eq!(distribute(&[100.0; 5], 190.0, 5.0, 4), None);
        assert_eq!(distribute(&[200.0, 10.0], 190.0, 5.0, 4), None);
        assert_eq!(distribute(&[90.0; 7], 190.0, 5.0, 3), None);
    }

    #[test]
    fn compositions_are_all_found() {
        let mut seen = Vec::new();
        compositions(5, &mut [0; 3], 0, &mut |c| seen.push(c.to_vec()));
        assert_eq!(seen.len(), 6); // C(4, 2)
        assert!(seen.iter().all(|c| c.iter().sum::<usize>() == 5));
    }

    #[test]
    fn every_item_stays_inside_its_panel() {
        let all = shipped();
        for n in [2, 3, 4] {
            let l = leaflet_of(&all[..n]).unwrap_or_else(|e| panic!("{n}: {}", text(&e)));
            let t =
                crate::style::template::with_overrides("leaflet-a4", crate::model::Lang::Vi, None)
                    .unwrap()
                    .0;
            for (side, page) in l.sides.iter().enumerate() {
                let areas: Vec<Rect> = (0..3).map(|i| panel(&t, side, i).area).collect();
                for item in &page.items {
                    let b = item.bounds();
                    // Fold marks sit in the margin, on the fold.
                    if matches!(item, Item::Rect { rect, .. } if rect.w < 1.0) {
                        continue;
                    }
                    assert!(
                        areas.iter().any(|a| a.contains(&b)),
                        "{n} procedures, side {side}: {item:?} crosses a fold or margin"
                    );
                }
            }
            assert_eq!(l.qr_urls.len(), n);
        }
    }

    #[test]
    fn a_title_too_long_for_the_cover_is_an_error_at_campaign_title() {
        let src = crate::model::SourceFile {
            path: "toroi.toml".into(),
            text: format!(
                "[campaign]\ntitle = \"{}\"\n",
                "Cẩm nang thủ tục hành chính ".repeat(30)
            ),
            cells: Vec::new(),
            stem: None,
            legacy: None,
            heading: None,
        };
        let c = crate::model::Campaign::parse(&src).unwrap();
        let (t, labels) =
            crate::style::template::with_overrides("leaflet-a4", crate::model::Lang::Vi, None)
                .unwrap();
        let Err(e) = leaflet(&job(
            OutputKind::Leaflet,
            &shipped()[..2],
            Some(&c),
            &t,
            &labels,
        )) else {
            panic!("the title cannot fit");
        };
        let e = text(&e);
        assert!(
            e.contains("toroi.toml:2:9") && e.contains("front panel"),
            "{e}"
        );
    }

    #[test]
    fn one_or_seven_procedures_are_refused_with_a_count() {
        let all = shipped();
        let one = text(&leaflet_of(&all[..1]).unwrap_err());
        assert!(one.contains("2 to 6"), "{one}");
        let mut seven = all.clone();
        seven.push(all[0].clone());
        let e = text(&leaflet_of(&seven).unwrap_err());
        assert!(
            e.contains("holds 6 of these 7") && e.contains("drop 1"),
            "{e}"
        );
    }
}
