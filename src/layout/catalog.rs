//! The catalogue (danh mục thủ tục hành chính) for the notice board: every
//! procedure of a commune's list as one row with its QR code, grouped by
//! field, so that a citizen finds their case and scans it.
//!
//! Page one opens with the issuer, the list's title and an index of the
//! fields with the page each starts on; rows follow on the same page.
//! Each field opens with a band naming it and its count; a field that runs
//! onto a new page repeats its band with "(tiếp)"; a band never ends a
//! page; a row is never split. Every page ends with the issuer, the
//! list's date and "Trang X/Y".

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics};
use crate::job::{Coded, Job};
use crate::layout::column::{Align, Lines, Style};
use crate::layout::{check_drawn_glyphs, check_glyphs, qr_item};
use crate::model::{Link, Online, OutputKind};
use crate::scene::{Color, Item, Page, Rect, Target, MM};
use crate::style::template::{Labels, Template};
use crate::text::FontKind::{Bold, Regular};

/// A laid-out catalogue.
#[derive(Debug)]
pub struct Catalog {
    pub pages: Vec<Page>,
    /// Each field (as its band shows it) and the page (from 0) it starts on.
    pub fields: Vec<(String, usize)>,
    pub warnings: Diagnostics,
}

/// A field of the list and its procedures, in the list's order.
struct Group<'a> {
    /// As the band prints it.
    name: String,
    entries: Vec<(usize, &'a Coded)>,
}

/// Procedures grouped by field, the fields in the order the list first
/// names them ("HỘ TỊCH" and "Hộ tịch" are one field).
fn groups<'a>(job: &'a Job, labels: &Labels) -> Vec<Group<'a>> {
    let mut out: Vec<(String, Group<'a>)> = Vec::new();
    for (i, e) in job.entries.iter().enumerate() {
        let name = e
            .procedure
            .field
            .as_ref()
            .map_or(labels.other_field.as_str(), |f| f.value.as_str())
            .trim();
        let key = name.to_lowercase();
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, g)) => g.entries.push((i, e)),
            None => out.push((
                key,
                Group {
                    name: crate::text::sentence_case(name),
                    entries: vec![(i, e)],
                },
            )),
        }
    }
    out.into_iter().map(|(_, g)| g).collect()
}

/// A block placed whole: a band or a row, laid out at y = 0.
struct Block {
    items: Vec<Item>,
    height: f32,
}

/// The frame inside the margins, less the footer.
fn body_bottom(t: &Template) -> f32 {
    t.page_height() - t.margin * MM - footer_height(t)
}

fn footer_height(t: &Template) -> f32 {
    t.sizes.footer() * 1.3 + 3.0 * MM
}

pub fn catalog(job: &Job) -> Result<Catalog, Diagnostics> {
    let (t, labels) = (&job.template, &job.labels);
    let mut diags = Diagnostics::new();
    let checked: Vec<Result<(), Diagnostics>> = job
        .entries
        .par_iter()
        .map(crate::i18n::carried(|e: &Coded| check_glyphs(&e.procedure)))
        .collect();
    for d in checked.into_iter().filter_map(Result::err) {
        diags.extend(d);
    }
    let m = t.margin * MM;
    let frame = Rect::new(m, m, t.page_width() - 2.0 * m, t.page_height() - 2.0 * m);
    let groups = groups(job, labels);
    // Every row, laid out once (in parallel: a row depends only on its
    // procedure and number); a field's rows are numbered on through the list.
    let numbered: Vec<(usize, &Coded)> = groups
        .iter()
        .flat_map(|g| g.entries.iter().map(|(_, e)| *e))
        .enumerate()
        .map(|(i, e)| (i + 1, e))
        .collect();
    let mut laid = numbered
        .par_iter()
        .map(|(number, e)| row(e, *number, frame.w, t, labels))
        .collect::<Vec<_>>()
        .into_iter();
    let mut rows: Vec<Vec<Block>> = Vec::new();
    for g in &groups {
        let mut blocks = Vec::new();
        for r in laid.by_ref().take(g.entries.len()) {
            match r {
                Ok(b) => blocks.push(b),
                Err(d) => diags.push(d),
            }
        }
        rows.push(blocks);
    }
    if diags.has_errors() {
        return Err(diags);
    }

    // Page one: the header, then the index of fields (its height does not
    // depend on the page numbers it will show), then the rows.
    let mut first = Vec::new();
    let mut y = header(&mut first, job, frame);
    let index_top = y;
    let index_h = index_height(groups.len(), t);
    y += index_h + 4.0 * MM;
    let bottom = body_bottom(t);
    if y + 30.0 * MM > bottom {
        // An index too long to leave room for rows: rows start on page two.
        y = bottom;
    }
    let mut pages: Vec<Vec<Item>> = vec![first];
    let mut fields = Vec::new();
    let mut zebra = false;
    for (g, laid) in groups.iter().zip(rows) {
        let band = |continued: bool| band(&g.name, g.entries.len(), continued, frame.w, t, labels);
        let mut head = band(false);
        let mut started = false;
        for (r, e) in laid.into_iter().zip(&g.entries) {
            // A band goes with the first row after it.
            let need = r.height + if started { 0.0 } else { head.height };
            if y + need > bottom {
                if r.height + head.height > bottom - frame.y {
                    // At the text that makes it so: the field's band or the title.
                    let p = &e.1.procedure;
                    let at = match &p.field {
                        Some(f) if head.height > r.height => f.offset,
                        _ => p.title.offset,
                    };
                    return Err(p
                        .error_at(at, crate::t!("catalog-row-tall"))
                        .with_hint(crate::t!("catalog-row-tall-hint"))
                        .into());
                }
                pages.push(Vec::new());
                y = frame.y;
                if started {
                    head = band(true);
                    started = false;
                }
            }
            if !started {
                if !fields.iter().any(|(n, _): &(String, usize)| *n == g.name) {
                    fields.push((g.name.clone(), pages.len() - 1));
                }
                let placed = std::mem::replace(
                    &mut head,
                    Block {
                        items: Vec::new(),
                        height: 0.0,
                    },
                );
                place(pages.last_mut().expect("a page"), placed, frame.x, &mut y);
                y += 1.0 * MM;
                started = true;
                zebra = false;
            }
            let mut r = r;
            if zebra {
                r.items.insert(
                    0,
                    Item::Rect {
                        rect: Rect::new(0.0, 0.0, frame.w, r.height),
                        fill: t.colors.tint,
                        radius: 0.0,
                    },
                );
            }
            zebra = !zebra;
            place(pages.last_mut().expect("a page"), r, frame.x, &mut y);
        }
        y += t.gap * MM;
    }

    // The index, now that the pages are known; then every page's footer.
    let total = pages.len();
    index(&mut pages[0], &fields, index_top, frame, t, labels);
    let date = list_date(job);
    let (w, h) = (t.page_width(), t.page_height());
    let mut out = Vec::with_capacity(total);
    let foot = Foot {
        issuer: &job.issuer,
        date: &date,
        total,
    };
    for (i, mut items) in pages.into_iter().enumerate() {
        footer(&mut items, &foot, i + 1, frame, t, labels);
        check_drawn_glyphs(&items)?;
        out.push(Page::new(w, h, items));
    }
    // Rows whose code opens the portal's search, not the procedure's page:
    // said once, with how many, so that the office can add their codes.
    let mut warnings = Diagnostics::new();
    let searches = job
        .entries
        .iter()
        .filter(|e| e.procedure.link == Link::Search)
        .count();
    if searches > 0 {
        warnings.push(
            Diagnostic::warning(crate::t!(
                "catalog-searches",
                n = searches,
                of = job.entries.len()
            ))
            .with_hint(crate::t!("catalog-searches-hint")),
        );
    }
    Ok(Catalog {
        pages: out,
        fields,
        warnings,
    })
}

fn place(page: &mut Vec<Item>, block: Block, x: f32, y: &mut f32) {
    for mut item in block.items {
        item.translate(x, *y);
        page.push(item);
    }
    *y += block.height;
}

/// The issuer and the list's title, with the line on how to use it;
/// returns where the content starts.
fn header(items: &mut Vec<Item>, job: &Job, frame: Rect) -> f32 {
    let (t, labels) = (&job.template, &job.labels);
    let (c, s) = (&t.colors, &t.sizes);
    let mut y = frame.y;
    let mut x = frame.x;
    let issuer = job.campaign.as_ref().map(|c| &c.issuer);
    let logo_h = 16.0 * MM;
    if let Some(logo) = issuer.and_then(|i| i.logo.as_ref()) {
        let (iw, ih) = logo.image.dimensions();
        let lw = (logo_h * iw as f32 / ih.max(1) as f32).min(logo_h * 2.0);
        items.push(Item::Image {
            rect: Rect::new(x, y, lw, logo_h),
            image: logo.image.clone(),
            matte: Color::WHITE,
            id: crate::scene::ImageId::of_file(&logo.path),
        });
        x += lw + 4.0 * MM;
    }
    let w = frame.right() - x;
    let mut ty = y;
    ty += Lines::wrap(
        &job.issuer.to_uppercase(),
        Style::new(Bold, s.issuer, 1.2, c.accent),
        w,
    )
    .place(items, x, ty, w, Align::Left);
    if let Some(l) = issuer.and_then(|i| i.locality.as_ref()) {
        ty += 0.8 * MM;
        ty += Lines::wrap(&l.value, Style::new(Regular, s.meta, 1.3, c.muted), w).place(
            items,
            x,
            ty,
            w,
            Align::Left,
        );
    }
    y = ty.max(if x > frame.x { y + logo_h } else { ty }) + 5.0 * MM;
    y += Lines::wrap(
        &labels.catalog_title.to_uppercase(),
        Style::new(Bold, s.title, 1.15, c.ink),
        frame.w,
    )
    .place(items, frame.x, y, frame.w, Align::Left);
    // What the list says it is (its title rows, "Kèm theo Quyết định…").
    for line in &job.headings {
        y += 0.8 * MM;
        y += Lines::wrap(line, Style::new(Regular, s.summary, 1.3, c.ink), frame.w).place(
            items,
            frame.x,
            y,
            frame.w,
            Align::Left,
        );
    }
    y += 2.0 * MM;
    y += Lines::wrap(
        &format!(
            "{} {} · {}",
            job.entries.len(),
            labels.procedures_count,
            labels.catalog_guide
        ),
        Style::new(Regular, s.summary, 1.3, c.muted),
        frame.w,
    )
    .place(items, frame.x, y, frame.w, Align::Left);
    y += 3.0 * MM;
    items.push(Item::Rect {
        rect: Rect::new(frame.x, y, frame.w, 0.8),
        fill: c.accent,
        radius: 0.0,
    });
    y + 4.0 * MM
}

/// Fields per column of the index.
fn index_rows(fields: usize) -> usize {
    if fields <= 6 {
        fields
    } else {
        fields.div_ceil(2)
    }
}

fn index_style(t: &Template) -> Style {
    Style::new(Regular, t.sizes.meta * 1.1, 1.45, t.colors.ink)
}

fn index_height(fields: usize, t: &Template) -> f32 {
    let heading = Style::new(Bold, t.sizes.heading, 1.2, t.colors.accent);
    heading.block_height(1)
        + 2.0 * MM
        + index_rows(fields) as f32 * index_style(t).size * index_style(t).leading
}

/// The fields with the page each starts on, in two columns when many,
/// each entry a link to its page.
fn index(
    items: &mut Vec<Item>,
    fields: &[(String, usize)],
    top: f32,
    frame: Rect,
    t: &Template,
    labels: &Labels,
) {
    let heading = Style::new(Bold, t.sizes.heading, 1.2, t.colors.accent);
    let mut y = top;
    y += Lines {
        lines: vec![labels.fields_index.to_uppercase()],
        style: heading,
    }
    .place(items, frame.x, y, frame.w, Align::Left)
        + 2.0 * MM;
    let style = index_style(t);
    let per_column = index_rows(fields.len()).max(1);
    let columns = fields.len().div_ceil(per_column).max(1);
    let gap = 8.0 * MM;
    let col_w = (frame.w - gap * (columns - 1) as f32) / columns as f32;
    let font = style.font.font();
    let line_h = style.size * style.leading;
    for (k, (name, page)) in fields.iter().enumerate() {
        let (col, row) = (k / per_column, k % per_column);
        let x = frame.x + col as f32 * (col_w + gap);
        let ly = y + row as f32 * line_h;
        let number = format!("{}", page + 1);
        let nw = font.width(&number, style.size);
        // The name, shortened to leave room for the leader and the number.
        let mut shown = format!("{}. {name}", k + 1);
        let room = col_w - nw - 4.0 * MM;
        while font.width(&shown, style.size) > room && shown.chars().count() > 4 {
            shown.pop();
            while shown.ends_with(' ') {
                shown.pop();
            }
            if !shown.ends_with('…') {
                shown.pop();
                shown.push('…');
            }
        }
        let sw = font.width(&shown, style.size);
        let dots_w = col_w - sw - nw - 2.0 * MM;
        let dot = font.width(".", style.size);
        let dots = ".".repeat(((dots_w / dot).floor().max(0.0)) as usize);
        for (text, tx) in [
            (shown, x),
            (dots.clone(), x + sw + 1.0 * MM),
            (number, x + col_w - nw),
        ] {
            let w = font.width(&text, style.size);
            items.push(Item::Text(crate::scene::TextRun {
                x: tx,
                y: ly + style.ascent(),
                text,
                font: style.font,
                size: style.size,
                color: style.color,
                width: w,
            }));
        }
        items.push(Item::Link {
            rect: Rect::new(x, ly, col_w, line_h),
            target: Target::Page(*page),
        });
    }
}

/// A field's band: its name in capitals and how many procedures it has,
/// or "(tiếp)" on a page it continues onto.
fn band(
    name: &str,
    count: usize,
    continued: bool,
    width: f32,
    t: &Template,
    labels: &Labels,
) -> Block {
    let (c, s) = (&t.colors, &t.sizes);
    let style = Style::new(Bold, s.heading, 1.2, c.on_accent);
    let pad = 2.0 * MM;
    let right = if continued {
        format!("({})", labels.continued)
    } else {
        format!("{count} {}", labels.procedures_count)
    };
    let rw = style.font.font().width(&right, s.meta * 1.1);
    let title = Lines::wrap(
        &name.to_uppercase(),
        style,
        width - 2.0 * pad - rw - 4.0 * MM,
    );
    let height = title.height() + 2.0 * pad;
    let mut items = vec![Item::Rect {
        rect: Rect::new(0.0, 0.0, width, height),
        fill: c.accent,
        radius: 1.2 * MM,
    }];
    title.place(&mut items, pad, pad, width, Align::Left);
    Lines {
        lines: vec![right],
        style: Style::new(Regular, s.meta * 1.1, 1.2, c.on_accent),
    }
    .place(
        &mut items,
        pad,
        pad + (style.size - s.meta * 1.1) * 0.8,
        width - 2.0 * pad,
        Align::Right,
    );
    Block { items, height }
}

/// One procedure's row: its number, title, a badge for its online level,
/// its code, time and fee, and its QR code at the right.
fn row(
    e: &Coded,
    number: usize,
    width: f32,
    t: &Template,
    labels: &Labels,
) -> Result<Block, Diagnostic> {
    let p = &e.procedure;
    let (c, s) = (&t.colors, &t.sizes);
    let side_mm = e
        .code
        .matrix
        .side(OutputKind::Catalog.qr_policy(), t.qr.size)
        .map_err(|err| {
            p.error_at(p.url.offset, err.to_string())
                .with_hint(crate::t!("catalog-url-hint"))
        })?;
    let side = side_mm * MM;
    let pad = 1.8 * MM;
    let num_w = 9.0 * MM;
    let text_x = num_w;
    let text_w = width - num_w - side - 3.0 * MM;
    let mut items = Vec::new();
    let title_style = Style::new(Bold, s.body, 1.22, c.ink);
    let mut y = pad;
    Lines {
        lines: vec![format!("{number}.")],
        style: Style::new(Bold, s.body, 1.22, c.muted),
    }
    .place(&mut items, 1.5 * MM, y, num_w, Align::Left);
    y += Lines::wrap(&p.title.value, title_style, text_w).place(
        &mut items,
        text_x,
        y,
        text_w,
        Align::Left,
    );
    y += 1.0 * MM;
    // The badge, then the facts beside it.
    let meta = Style::new(Regular, s.meta, 1.3, c.muted);
    let mut x = text_x;
    let badge = p.online.as_ref().and_then(|o| match o.value {
        Online::Full => Some(&labels.online_full),
        Online::Partial => Some(&labels.online_partial),
        Online::None => None,
    });
    if let Some(b) = badge {
        let text = b.split(':').next().unwrap_or(b).trim().to_owned();
        let bs = Style::new(Bold, s.label, 1.0, c.on_accent);
        let bw = bs.font.font().width(&text, bs.size) + 2.4 * MM;
        let bh = meta.block_height(1);
        items.push(Item::Rect {
            rect: Rect::new(x, y, bw, bh),
            fill: c.accent,
            radius: bh / 2.0,
        });
        Lines {
            lines: vec![text],
            style: bs,
        }
        .place(
            &mut items,
            x,
            y + (bh - bs.block_height(1)) / 2.0,
            bw,
            Align::Center,
        );
        x += bw + 2.0 * MM;
    }
    let mut facts = Vec::new();
    if let Some(code) = &p.code {
        facts.push(format!("{}: {}", labels.code, code.value));
    }
    if let Some(time) = &p.processing_time {
        facts.push(format!("{}: {}", labels.processing_time, time.value));
    }
    if let Some(fee) = &p.fee {
        facts.push(format!("{}: {}", labels.fee, fee.value));
    }
    if !facts.is_empty() {
        let text = facts.join("  ·  ");
        let first = Lines::wrap(&text, meta, text_x + text_w - x);
        if first.lines.len() == 1 || x == text_x {
            y += first.place(&mut items, x, y, text_x + text_w - x, Align::Left);
        } else {
            // Too long beside the badge: under it, the whole width.
            y += meta.block_height(1) + 0.8 * MM;
            y += Lines::wrap(&text, meta, text_w).place(&mut items, text_x, y, text_w, Align::Left);
        }
    } else if badge.is_some() {
        y += meta.block_height(1);
    }
    let height = (y + pad).max(side + 2.0 * 0.6 * MM);
    let qr = Rect::new(width - side, (height - side) / 2.0, side, side);
    items.extend(qr_item(qr, &e.code.matrix, c.ink, &e.code.href));
    Ok(Block { items, height })
}

/// The date the list prints: the campaign's `date` as written, else
/// today's (dd/mm/yyyy, as Vietnamese offices write dates).
fn list_date(job: &Job) -> String {
    if let Some(d) = job.campaign.as_ref().and_then(|c| c.date.as_ref()) {
        return d.value.clone();
    }
    let (y, m, d) = crate::clock::date_of(job.date);
    format!("{d:02}/{m:02}/{y}")
}

/// What every page's footer says besides its number.
struct Foot<'a> {
    issuer: &'a str,
    date: &'a str,
    total: usize,
}

fn footer(
    items: &mut Vec<Item>,
    foot: &Foot,
    page: usize,
    frame: Rect,
    t: &Template,
    labels: &Labels,
) {
    let (issuer, date, total) = (foot.issuer, foot.date, foot.total);
    let (c, s) = (&t.colors, &t.sizes);
    let style = Style::new(Regular, s.footer(), 1.2, c.muted);
    let top = frame.bottom() - style.block_height(1);
    items.push(Item::Rect {
        rect: Rect::new(frame.x, top - 2.0 * MM, frame.w, 0.5),
        fill: c.muted,
        radius: 0.0,
    });
    let third = frame.w / 3.0;
    let cut = |text: String, w: f32| {
        let font = style.font.font();
        let mut text = text;
        while font.width(&text, style.size) > w && text.chars().count() > 2 {
            text.pop();
            text.pop();
            text.push('…');
        }
        text
    };
    for (text, x, align) in [
        (cut(issuer.to_owned(), third * 1.4), frame.x, Align::Left),
        (
            format!("{}: {date}", labels.updated),
            frame.x + third,
            Align::Center,
        ),
        (
            format!("{} {page}/{total}", labels.page),
            frame.x + 2.0 * third,
            Align::Right,
        ),
    ] {
        Lines {
            lines: vec![text],
            style,
        }
        .place(items, x, top, third, align);
    }
}
