//! The handbook (cẩm nang): a cover, a table of contents, one section per
//! procedure, and a back cover with the issuer's contacts. Sections are laid
//! out in parallel; the page numbers they start on are known only after, so
//! the contents are set last.

mod contents;
mod cover;
mod section;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics};
use crate::job::Job;
use crate::layout::column::{Align, Lines, Style};
use crate::layout::{check_drawn_glyphs, check_glyphs};
use crate::model::Grouping;
use crate::scene::{Item, Page, Rect, MM};
use crate::style::template::{Labels, Template};
use crate::text::FontKind::{Bold, Regular};

/// A laid-out handbook.
#[derive(Debug)]
pub struct Handbook {
    pub pages: Vec<Page>,
    /// One bookmark per procedure: its title and first page (from 0).
    pub outline: Vec<(String, usize)>,
    /// The URL each procedure's QR code encodes, in order.
    pub qr_urls: Vec<String>,
    /// What printed but deserves a look (small QR modules).
    pub warnings: Diagnostics,
}

/// The area between the running header and the page number.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub x: f32,
    pub w: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Frame {
    fn of(t: &Template) -> Frame {
        let m = t.margin * MM;
        let running = t.sizes.running();
        Frame {
            x: m,
            w: t.page_width() - 2.0 * m,
            top: m + running * 1.3 + 4.0 * MM,
            bottom: t.page_height() - m - running * 1.3 - 3.5 * MM,
        }
    }
}

/// More procedures than a handbook can sensibly hold (about 1,000 pages).
pub const MAX_PROCEDURES: usize = 500;

pub fn handbook(job: &Job) -> Result<Handbook, Diagnostics> {
    let (campaign, t, labels) = (job.campaign.as_ref(), &job.template, &job.labels);
    let procedures = &job.entries;
    if procedures.len() > MAX_PROCEDURES {
        return Err(Diagnostic::error(crate::t!(
            "handbook-too-many",
            n = procedures.len(),
            max = MAX_PROCEDURES
        ))
        .with_hint(crate::t!("handbook-too-many-hint"))
        .into());
    }
    // Every procedure is checked and laid out, so that one run reports
    // every problem in every file.
    let frame = Frame::of(t);
    // Grouped by field: the first section of each field opens with its name.
    let opens: Vec<Option<String>> = match job.group {
        Grouping::AsListed => vec![None; procedures.len()],
        Grouping::Field => {
            let mut last: Option<String> = None;
            job.procedures()
                .map(|p| {
                    let field = p
                        .field
                        .as_ref()
                        .map_or(labels.other_field.clone(), |f| f.value.trim().to_owned());
                    let new = last
                        .as_ref()
                        .is_none_or(|l| l.to_lowercase() != field.to_lowercase());
                    last = Some(field.clone());
                    new.then_some(field)
                })
                .collect()
        }
    };
    let sections: Vec<_> = procedures
        .par_iter()
        .zip(&opens)
        .map(crate::i18n::carried(
            |(e, opens): (&crate::job::Coded, &Option<String>)| {
                check_glyphs(&e.procedure)?;
                // Its two placements break the same body text: broken once.
                crate::text::memo::remembering(|| {
                    section::section(e, opens.as_deref(), frame, t, labels)
                })
            },
        ))
        .collect();
    let mut diags = Diagnostics::new();
    let mut laid = Vec::with_capacity(sections.len());
    for s in sections {
        match s {
            Ok(s) => laid.push(s),
            Err(d) => diags.extend(d),
        }
    }
    let front = job
        .front
        .as_ref()
        .expect("a handbook's job has the campaign's code");
    let cover = cover::front(campaign, front, t, labels, procedures.len());
    let back = cover::back(campaign, t, labels);
    let (cover, back) = match (cover, back) {
        (Ok(c), Ok(b)) if !diags.has_errors() => (c, b),
        (c, b) => {
            diags.extend(c.err().unwrap_or_default());
            diags.extend(b.err().unwrap_or_default());
            return Err(diags);
        }
    };

    let titles: Vec<&str> = job.procedures().map(|p| p.title.value.as_str()).collect();
    let last_page = 1 + laid.iter().map(|s| s.pages.len()).sum::<usize>() + titles.len() + 1;
    // The contents' length does not depend on the numbers in it, so a
    // first pass with placeholders says where the sections start.
    let toc_pages = contents::contents(
        &titles,
        &opens,
        &vec![last_page; titles.len()],
        last_page,
        frame,
        t,
        labels,
    )
    .len();
    // Short sections share pages: each starts on a new page only when it
    // does not fit whole in the room the one before left.
    let (body, first_pages) = flow(&laid, frame, t);
    let starts: Vec<usize> = first_pages.iter().map(|p| 1 + toc_pages + p).collect();
    let mut toc = contents::contents(&titles, &opens, &starts, last_page, frame, t, labels);
    debug_assert_eq!(toc.len(), toc_pages);
    if let Some(last) = toc.last_mut() {
        with_guide(last, frame, t, labels);
    }

    let running = job.title.as_str();
    let (w, h) = (t.page_width(), t.page_height());
    let mut pages = vec![Page::new(w, h, cover)];
    for items in toc.into_iter().chain(body) {
        let mut items = items;
        chrome(&mut items, pages.len(), running, t);
        pages.push(Page::new(w, h, items));
    }
    pages.push(Page::new(w, h, back));
    for page in &pages {
        check_drawn_glyphs(&page.items)?;
    }
    let mut warnings = Diagnostics::new();
    for w in laid.iter_mut().filter_map(|s| s.warning.take()) {
        warnings.push(w);
    }
    Ok(Handbook {
        pages,
        outline: titles.iter().map(|t| t.to_string()).zip(starts).collect(),
        qr_urls: laid.into_iter().map(|s| s.qr_url).collect(),
        warnings,
    })
}

/// The sections' pages in order, each section placed under the one before
/// (after a rule) rather than on a page of its own: paper is money. A
/// section that fits whole in the room left goes there whole; a longer one
/// starts there and runs on to the next page, the way a book is set, when
/// its head fits and that takes no more pages than a page of its own.
/// Returns the pages and the page (from 0) each section starts on.
fn flow(sections: &[section::Section], frame: Frame, t: &Template) -> (Vec<Vec<Item>>, Vec<usize>) {
    let gap = 5.0 * MM;
    let bottom_of = |items: &[Item]| {
        items
            .iter()
            .map(|i| i.bounds().bottom())
            .fold(frame.top, f32::max)
    };
    let mut pages: Vec<Vec<Item>> = Vec::new();
    let mut starts = Vec::with_capacity(sections.len());
    let mut used = frame.top;
    for s in sections {
        let whole = s.pages.len() == 1;
        let height = s.pages.first().map_or(0.0, |p| bottom_of(p) - frame.top);
        let rule = |page: &mut Vec<Item>| {
            page.push(Item::Rect {
                rect: Rect::new(frame.x, used + gap / 2.0, frame.w, 0.3 * MM),
                fill: t.colors.tint,
                radius: 0.0,
            })
        };
        if whole && !pages.is_empty() && used + gap + height <= frame.bottom {
            let dy = used + gap - frame.top;
            let page = pages.last_mut().expect("a page");
            rule(page);
            for item in &s.pages[0] {
                let mut item = item.clone();
                item.translate(0.0, dy);
                page.push(item);
            }
            starts.push(pages.len() - 1);
            used += gap + height;
            continue;
        }
        let below = (!pages.is_empty())
            .then(|| s.from(used + gap, frame))
            .flatten();
        if let Some(run) = below {
            let mut run = run.into_iter();
            let page = pages.last_mut().expect("a page");
            rule(page);
            page.extend(run.next().expect("the first page"));
            starts.push(pages.len() - 1);
            pages.extend(run);
            used = pages.last().map_or(frame.top, |p| bottom_of(p));
            continue;
        }
        starts.push(pages.len());
        pages.extend(s.pages.iter().cloned());
        used = pages.last().map_or(frame.top, |p| bottom_of(p));
    }
    (pages, starts)
}

/// How to scan a code, at the foot of the contents' last page when the
/// room there holds it: a household that has never scanned one learns
/// how on the page it opens first, and the page is not left half empty.
fn with_guide(page: &mut Vec<Item>, frame: Frame, t: &Template, labels: &Labels) {
    let used = page
        .iter()
        .map(|i| i.bounds().bottom())
        .fold(frame.top, f32::max);
    let mut guide = Vec::new();
    let area = Rect::new(frame.x, 0.0, frame.w, frame.bottom - frame.top);
    let h = crate::layout::leaflet::panels::guide(&mut guide, area, t, labels);
    if used + 8.0 * MM + h > frame.bottom {
        return;
    }
    for mut item in guide {
        item.translate(0.0, frame.bottom - h);
        page.push(item);
    }
}

/// The running header (the campaign's title over a hairline) and the page
/// number, centred at the foot so that it is right on both sides of a sheet.
fn chrome(items: &mut Vec<Item>, index: usize, running: &str, t: &Template) {
    let c = &t.colors;
    let m = t.margin * MM;
    let w = t.page_width() - 2.0 * m;
    let style = Style::new(Regular, t.sizes.running(), 1.3, c.muted);
    let header = Lines::wrap(running, style, w);
    let mut line = Lines {
        lines: header.lines.into_iter().take(1).collect(),
        style,
    };
    if line.lines.first().is_some_and(|l| l.len() < running.len()) {
        // Too long for one line: shortened visibly rather than wrapped.
        let first = &mut line.lines[0];
        if let Some((keep, _)) = first.rsplit_once(' ') {
            *first = format!("{keep} …");
        }
    }
    // The header goes first and the number last, so that text extraction
    // (and a screen reader) meets them in reading order.
    let mut header = Vec::new();
    let h = line.place(&mut header, m, m, w, Align::Left);
    header.push(Item::Rect {
        rect: Rect::new(m, m + h + 1.6 * MM, w, 0.25 * MM),
        fill: c.accent,
        radius: 0.0,
    });
    items.splice(0..0, header);
    let number = Lines::wrap(
        &(index + 1).to_string(),
        Style::new(Bold, t.sizes.running(), 1.3, c.accent),
        w,
    );
    let nh = number.height();
    number.place(items, m, t.page_height() - m - nh, w, Align::Center);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::testing::{job, shipped};
    use crate::model::OutputKind;
    use crate::qr::QUIET_ZONE;
    use crate::scene::Target;
    use crate::style::{HandbookSize, Labels};

    fn book(size: HandbookSize) -> (Handbook, Template) {
        let t = Template::handbook(size);
        let h = handbook(&job(
            OutputKind::Handbook,
            &shipped(),
            None,
            &t,
            &Labels::vietnamese(),
        ))
        .unwrap();
        (h, t)
    }

    /// Paper is money: a section that does not fit whole under the one
    /// before starts there and runs on, so no page of sections but the
    /// last is left half empty, in A5 or in A4 (where a section is about
    /// half a page, and each used to take a page of its own).
    #[test]
    fn sections_run_on_so_that_no_page_is_left_half_empty() {
        for size in [HandbookSize::A5, HandbookSize::A4] {
            let (h, t) = book(size);
            let frame = Frame::of(&t);
            // Pages of sections: after the cover and the contents (whose
            // links point at the first section), before the back cover.
            let first = h.outline[0].1;
            let body = &h.pages[first..h.pages.len() - 1];
            let mut fills = Vec::new();
            for page in &body[..body.len() - 1] {
                let lowest = page
                    .items
                    .iter()
                    .map(|i| i.bounds().bottom())
                    .filter(|b| *b <= frame.bottom + 0.5)
                    .fold(frame.top, f32::max);
                fills.push((lowest - frame.top) / (frame.bottom - frame.top));
            }
            assert!(fills.iter().all(|f| *f >= 0.6), "{size:?}: {fills:?}");
        }
    }

    /// A section started at any height of a page never leaves one row
    /// of its facts alone at the foot or at the top of a page, and starts
    /// there only with its facts (the rows are the tinted bands).
    #[test]
    fn a_facts_box_never_leaves_one_row_alone() {
        let t = Template::handbook(HandbookSize::A5);
        let labels = Labels::vietnamese();
        let frame = Frame::of(&t);
        let j = job(OutputKind::Handbook, &shipped(), None, &t, &labels);
        let mut splits = 0;
        for e in &j.entries {
            let s = section::section(e, None, frame, &t, &labels).unwrap();
            let rows = |page: &Vec<Item>| {
                page.iter()
                    .filter(|i| matches!(i, Item::Rect { fill, rect, .. } if *fill == t.colors.tint && (rect.w - frame.w).abs() < 0.5))
                    .count()
            };
            let n = rows(&s.pages[0]);
            assert!(n >= 2, "{}: {n} rows", e.procedure.title.value);
            let mut y = frame.top;
            while y < frame.bottom {
                if let Some(pages) = s.from(y, frame) {
                    let counts: Vec<usize> = pages.iter().map(rows).filter(|c| *c > 0).collect();
                    assert!(
                        counts.iter().all(|c| *c >= 2),
                        "{} from {y:.0} pt: rows per page {counts:?}",
                        e.procedure.title.value
                    );
                    assert!(
                        rows(&pages[0]) >= 2,
                        "{}: a head without its facts",
                        e.procedure.title.value
                    );
                    splits += usize::from(counts.len() > 1);
                }
                y += MM;
            }
        }
        // Some start heights do split a box (in twos), so the rule is tried.
        assert!(splits > 0);
    }

    #[test]
    fn every_item_of_every_page_lies_inside_the_margins() {
        for size in [HandbookSize::A5, HandbookSize::A4] {
            let (h, t) = book(size);
            let m = t.margin * MM;
            let frame = Rect::new(m, m, t.page_width() - 2.0 * m, t.page_height() - 2.0 * m);
            for (n, page) in h.pages.iter().enumerate() {
                for item in &page.items {
                    assert!(frame.contains(&item.bounds()), "page {}: {item:?}", n + 1);
                }
            }
        }
    }

    #[test]
    fn contents_links_and_outline_point_at_the_first_page_of_each_section() {
        let (h, _) = book(HandbookSize::A5);
        let procedures = shipped();
        let links: Vec<usize> = h.pages[1]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Link {
                    target: Target::Page(p),
                    ..
                } => Some(*p),
                _ => None,
            })
            .collect();
        let starts: Vec<usize> = h.outline.iter().map(|(_, p)| *p).collect();
        assert_eq!(links, starts);
        for ((title, start), p) in h.outline.iter().zip(&procedures) {
            assert_eq!(title, &p.title.value);
            // The section's first page carries its QR code; the page before
            // does not (short sections share pages, so other codes may).
            let has_qr = |i: usize| {
                h.pages[i].items.iter().any(|it| {
                    matches!(it, Item::Link { target: Target::Url(u), .. } if *u == p.url.value)
                })
            };
            assert!(has_qr(*start) && !has_qr(start - 1), "{title}");
        }
    }

    #[test]
    fn section_codes_are_at_least_25_mm_and_nothing_overlaps_their_quiet_zone() {
        for size in [HandbookSize::A5, HandbookSize::A4] {
            let (h, _) = book(size);
            for page in &h.pages {
                for item in &page.items {
                    let Item::Modules { module, .. } = item else {
                        continue;
                    };
                    let b = item.bounds();
                    assert!(b.w >= 25.0 * MM, "{} mm", b.w / MM);
                    let q = QUIET_ZONE as f32 * module;
                    let zone = Rect::new(b.x - q, b.y - q, b.w + 2.0 * q, b.h + 2.0 * q);
                    for other in &page.items {
                        if let Item::Text(run) = other {
                            let r = run.bounds();
                            let overlaps = r.x < zone.right()
                                && r.right() > zone.x
                                && r.y < zone.bottom()
                                && r.bottom() > zone.y;
                            assert!(!overlaps, "{:?} overlaps a QR code", run.text);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_title_too_long_for_the_cover_is_an_error_at_its_line() {
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
        let campaign = crate::model::Campaign::parse(&src).unwrap();
        let t = Template::handbook(HandbookSize::A5);
        let e = handbook(&job(
            OutputKind::Handbook,
            &shipped()[..1],
            Some(&campaign),
            &t,
            &Labels::vietnamese(),
        ))
        .unwrap_err();
        let message = e.iter().next().unwrap().to_string();
        assert!(
            message.starts_with("toroi.toml:2:9") && message.contains("campaign.title"),
            "{message}"
        );
    }
}
