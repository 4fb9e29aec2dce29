//! Model + template → scene pages. Pure functions: nothing here knows PDF.

pub mod booklet;
pub mod cards;
pub mod catalog;
mod column;
mod facts;
pub mod handbook;
pub mod leaflet;
pub mod marks;
mod masthead;
mod paginate;
pub mod phone;
pub mod poster;

pub use handbook::{handbook, Handbook};
pub use poster::{poster, Poster};

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics};
use crate::job::{Format, Job};
use crate::model::{OutputKind, Procedure};
use crate::qr::{QrMatrix, QUIET_ZONE};
use crate::scene::{Color, Document, Item, Page, Rect, SymbolId, Target};
use crate::style::{Labels, Template};
use crate::text::FontKind;

/// One laid-out document of a job: a poster (one per procedure), or the
/// handbook, leaflet or card sheets.
#[derive(Debug)]
pub struct Laid {
    pub document: Document,
    /// Posters: the index of the procedure in the job it is for.
    pub entry: Option<usize>,
    /// What printed but deserves a look.
    pub warnings: Diagnostics,
}

/// Lays out `job`: what is ready, and the errors of what is not. Posters
/// are laid out each on its own, so one that does not fit does not stop
/// the others; the other kinds are one document, whole or not at all.
/// Pure: imposing, bleed and rendering come after.
pub fn lay_out(job: &Job) -> (Vec<Laid>, Diagnostics) {
    let document = |title: String, pages: Vec<Page>, outline| Document {
        title,
        author: job.issuer.clone(),
        pages,
        outline,
        date: job.date,
    };
    let whole = |r: Result<Laid, Diagnostics>| match r {
        Ok(laid) => (vec![laid], Diagnostics::new()),
        Err(d) => (Vec::new(), d),
    };
    match job.kind {
        OutputKind::Poster | OutputKind::Png => {
            let results: Vec<_> = job
                .entries
                .par_iter()
                .enumerate()
                .map(crate::i18n::carried(
                    |(i, e): (usize, &crate::job::Coded)| {
                        if job.kind == OutputKind::Png {
                            return phone::phone(job, e).map(|page| Laid {
                                document: document(
                                    e.procedure.title.value.clone(),
                                    vec![page],
                                    Vec::new(),
                                ),
                                entry: Some(i),
                                warnings: Diagnostics::new(),
                            });
                        }
                        poster(job, e).map(|p| Laid {
                            document: document(
                                e.procedure.title.value.clone(),
                                vec![p.page],
                                Vec::new(),
                            ),
                            entry: Some(i),
                            warnings: p.warnings,
                        })
                    },
                ))
                .collect();
            let mut laid = Vec::new();
            let mut errors = Diagnostics::new();
            for r in results {
                match r {
                    Ok(l) => laid.push(l),
                    Err(d) => errors.extend(d),
                }
            }
            (laid, errors)
        }
        OutputKind::Handbook => whole(handbook(job).map(|b| Laid {
            document: document(job.title.clone(), b.pages, b.outline),
            entry: None,
            warnings: b.warnings,
        })),
        OutputKind::Leaflet => whole(leaflet::leaflet(job).map(|l| Laid {
            document: document(job.title.clone(), l.sides.to_vec(), Vec::new()),
            entry: None,
            warnings: l.warnings,
        })),
        OutputKind::Catalog => whole(catalog::catalog(job).map(|c| Laid {
            document: document(job.labels.catalog_title.clone(), c.pages, c.fields.clone()),
            entry: None,
            warnings: c.warnings,
        })),
        // Printed cards come on sheets; as images, each card is its own.
        OutputKind::Cards => whole(
            match job.format {
                Format::Pdf => cards::cards(job),
                Format::Png { .. } => cards::card_pages(job),
            }
            .map(|(pages, warnings)| Laid {
                document: document(job.title.clone(), pages, Vec::new()),
                entry: None,
                warnings,
            }),
        ),
    }
}

/// Refuses text that the shipped fonts cannot draw, naming each character
/// of the field, so that one round of fixes is enough.
pub fn check_glyphs(p: &Procedure) -> Result<(), Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut check = |field: &str, text: &str, offset: usize| {
        // Both styles share the fallback faces: what one lacks, both lack.
        let missing = FontKind::Regular.font().missing_chars(text);
        if !missing.is_empty() {
            diags.push(
                p.error_at(
                    offset,
                    crate::t!("glyph-field", field = field, what = unprintable(&missing)),
                )
                .with_hint(crate::t!("glyph-hint")),
            );
        }
    };
    for (name, v) in p.printed_texts() {
        check(name, &v.value, v.offset);
    }
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(())
    }
}

/// The last net under [`check_glyphs`]: text from elsewhere (the campaign's
/// issuer block) must not print as empty boxes either.
pub fn check_drawn_glyphs(items: &[Item]) -> Result<(), Diagnostic> {
    for item in items {
        if let Item::Text(run) = item {
            let missing = run.font.font().missing_chars(&run.text);
            if !missing.is_empty() {
                return Err(Diagnostic::error(crate::t!(
                    "glyph-text",
                    text = &run.text,
                    what = unprintable(&missing)
                ))
                .with_hint(crate::t!("glyph-text-hint")));
            }
        }
    }
    Ok(())
}

/// "the character '😀' (U+1F600), which the printed font cannot draw", or
/// the same for several.
fn unprintable(chars: &[char]) -> String {
    let named: Vec<String> = chars
        .iter()
        .map(|c| format!("'{c}' (U+{:04X})", *c as u32))
        .collect();
    match named.as_slice() {
        [one] => crate::t!("glyph-one", char = one),
        many => crate::t!("glyph-many", n = many.len(), chars = many.join(", ")),
    }
}

/// A warning when the procedure's QR code at `side_mm` has modules so small
/// that it scans only from close up.
pub fn small_modules(
    p: &Procedure,
    matrix: &QrMatrix,
    side_mm: f32,
    // Said only for a warning: a message formatted for nothing costs each
    // procedure of a handbook its parse.
    what: impl FnOnce() -> String,
) -> Option<Diagnostic> {
    let module = side_mm / matrix.total() as f32;
    (module < crate::qr::COMFORTABLE_MODULE_MM).then(|| {
        Diagnostic {
            severity: crate::diag::Severity::Warning,
            ..p.error_at(
                p.url.offset,
                crate::t!(
                    "qr-small-modules",
                    what = what(),
                    module = crate::i18n::decimal(module as f64, 2)
                ),
            )
        }
        .with_hint(crate::t!("qr-small-modules-hint"))
    })
}

/// Room around the QR code on an accent panel.
pub struct Spacing {
    /// Between the panel's edge and the code (and the text).
    pub pad: f32,
    pub radius: f32,
    /// Extra indent of the text from the panel's left edge.
    pub inset: f32,
    /// Between the call to action and the URL.
    pub gap: f32,
}

/// An accent panel with the QR code at its right (as tall as the panel
/// less its padding) and, centred beside it, the call to action and the
/// URL for typing by hand. Posters and handbook sections share it.
pub fn accent_qr_panel(
    items: &mut Vec<Item>,
    panel: Rect,
    code: &crate::job::Code,
    t: &Template,
    labels: &Labels,
    sp: Spacing,
) {
    let c = &t.colors;
    let s = &t.sizes;
    items.push(Item::Rect {
        rect: panel,
        fill: c.accent,
        radius: sp.radius,
    });
    let side = panel.h - 2.0 * sp.pad;
    let qr_box = Rect::new(panel.right() - sp.pad - side, panel.y + sp.pad, side, side);
    items.extend(qr_item(qr_box, &code.matrix, c.ink, &code.href));
    let text_x = panel.x + sp.pad + sp.inset;
    let text_w = qr_box.x - sp.pad - text_x;
    let cta = column::Lines::wrap(
        &labels.cta,
        column::Style::new(FontKind::Bold, s.cta, 1.18, c.on_accent),
        text_w,
    );
    let room = panel.h - 2.0 * sp.pad - cta.height() - sp.gap;
    let link = column::url_lines(
        &code.shown,
        column::Style::new(FontKind::Regular, s.url, 1.3, c.on_accent),
        text_w,
        room,
    );
    let total = cta.height() + sp.gap + link.height();
    let mut y = panel.y + (panel.h - total) / 2.0;
    y += cta.place(items, text_x, y, text_w, column::Align::Left) + sp.gap;
    link.place(items, text_x, y, text_w, column::Align::Left);
}

/// A QR symbol filling `area` (quiet zone included): a white ground, the
/// modules as one path, and a link over it.
pub fn qr_item(area: Rect, matrix: &QrMatrix, color: Color, url: &str) -> Vec<Item> {
    let module = area.w / matrix.total() as f32;
    let inset = QUIET_ZONE as f32 * module;
    vec![
        Item::Rect {
            rect: area,
            fill: Color::WHITE,
            radius: 0.0,
        },
        Item::Modules {
            id: SymbolId::of(matrix.digest(), color),
            origin: (area.x + inset, area.y + inset),
            module,
            width: matrix.width,
            runs: matrix.shared_runs(),
            color,
        },
        Item::Link {
            rect: area,
            target: Target::Url(url.to_owned()),
        },
    ]
}

/// Shared by the layout stage's unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::job::Job;
    use crate::model::{Campaign, OutputKind, Procedure};
    use crate::style::{Labels, Template};
    use std::path::PathBuf;

    /// A job of `kind` for `procedures` on template `t`.
    pub fn job(
        kind: OutputKind,
        procedures: &[Procedure],
        campaign: Option<&Campaign>,
        t: &Template,
        labels: &Labels,
    ) -> Job {
        Job::with_template(
            kind,
            t.clone(),
            labels.clone(),
            campaign.cloned(),
            procedures.to_vec(),
        )
        .expect("every address fits a QR code")
    }

    /// `p`'s poster on template `t`.
    pub fn poster(
        p: &Procedure,
        campaign: Option<&Campaign>,
        t: &Template,
        labels: &Labels,
    ) -> Result<super::Poster, crate::diag::Diagnostics> {
        let job = job(
            OutputKind::Poster,
            std::slice::from_ref(p),
            campaign,
            t,
            labels,
        );
        super::poster(&job, &job.entries[0])
    }

    /// The procedures in procedures/, in file-name order.
    pub fn shipped() -> Vec<Procedure> {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("procedures");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        files.iter().map(|f| Procedure::load(f).unwrap()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceFile;
    use crate::scene::{Page, MM};
    use crate::style::PosterSize;
    use std::path::PathBuf;

    fn procedure(text: &str) -> Procedure {
        Procedure::parse(SourceFile::new(PathBuf::from("p.toml"), text.to_owned())).unwrap()
    }

    use testing::{poster, shipped};

    /// Everything inside the margins, and no text run wider than measured.
    fn assert_within_margins(page: &Page, t: &Template) {
        let m = t.margin * MM;
        let frame = Rect::new(m, m, page.width - 2.0 * m, page.height - 2.0 * m);
        for item in &page.items {
            assert!(
                frame.contains(&item.bounds()),
                "{item:?} is outside the margins {frame:?}"
            );
            if let Item::Text(run) = item {
                let measured = run.font.font().width(&run.text, run.size);
                assert!((measured - run.width).abs() < 0.01);
            }
        }
    }

    #[test]
    fn every_shipped_procedure_fits_a4_and_a3_inside_the_margins() {
        let labels = Labels::vietnamese();
        for size in [PosterSize::A4, PosterSize::A3] {
            let t = Template::poster(size);
            for p in shipped() {
                let poster = poster(&p, None, &t, &labels)
                    .unwrap_or_else(|e| panic!("{:?}", e.iter().next()));
                assert_within_margins(&poster.page, &t);
                let texts: Vec<&str> = poster
                    .page
                    .items
                    .iter()
                    .filter_map(|i| {
                        if let Item::Text(r) = i {
                            Some(r.text.as_str())
                        } else {
                            None
                        }
                    })
                    .collect();
                assert!(
                    texts.iter().any(|t| p.title.value.starts_with(t)),
                    "title missing"
                );
            }
        }
    }

    #[test]
    fn the_qr_has_readable_modules_a_white_quiet_zone_and_a_link_over_it() {
        for size in [PosterSize::A4, PosterSize::A3] {
            let t = Template::poster(size);
            for p in shipped() {
                let page = poster(&p, None, &t, &Labels::vietnamese()).unwrap().page;
                let (modules, module) = page
                    .items
                    .iter()
                    .find_map(|i| match i {
                        Item::Modules { module, .. } => Some((i.bounds(), *module)),
                        _ => None,
                    })
                    .unwrap();
                assert!(
                    module >= crate::qr::MIN_MODULE_MM * MM,
                    "{module} pt modules"
                );
                let quiet = QUIET_ZONE as f32 * module;
                let zone = Rect::new(
                    modules.x - quiet,
                    modules.y - quiet,
                    modules.w + 2.0 * quiet,
                    modules.h + 2.0 * quiet,
                );
                let white = page.items.iter().any(|i| matches!(i, Item::Rect { rect, fill, .. } if *fill == Color::WHITE && rect.contains(&zone)));
                assert!(white, "a white ground covers the quiet zone");
                let link = page.items.iter().any(|i| matches!(i, Item::Link { rect, target: Target::Url(url) } if rect.contains(&zone) && *url == p.url.value));
                assert!(link, "the QR area opens the procedure's URL");
            }
        }
    }

    #[test]
    fn text_stays_out_of_the_qr_code_and_its_quiet_zone() {
        let t = Template::poster(PosterSize::A4);
        for p in shipped() {
            let page = poster(&p, None, &t, &Labels::vietnamese()).unwrap().page;
            let zone = page
                .items
                .iter()
                .find_map(|i| match i {
                    Item::Modules { module, .. } => {
                        let b = i.bounds();
                        let q = QUIET_ZONE as f32 * module;
                        Some(Rect::new(b.x - q, b.y - q, b.w + 2.0 * q, b.h + 2.0 * q))
                    }
                    _ => None,
                })
                .unwrap();
            for item in &page.items {
                if let Item::Text(run) = item {
                    let b = run.bounds();
                    let overlaps = b.x < zone.right()
                        && b.right() > zone.x
                        && b.y < zone.bottom()
                        && b.bottom() > zone.y;
                    assert!(
                        !overlaps,
                        "{:?} overlaps the QR code or its quiet zone",
                        run.text
                    );
                }
            }
        }
    }

    fn long_procedure(items: usize) -> String {
        longer_procedure(items, 0)
    }

    /// `items` documents and steps, the first document `words` words longer.
    fn longer_procedure(items: usize, words: usize) -> String {
        let doc = "Giấy tờ chứng minh nơi cư trú hợp pháp của người yêu cầu đăng ký, bản chính hoặc bản sao có chứng thực";
        let docs: Vec<String> = (0..items).map(|i| format!("\"{doc} số {i}\"")).collect();
        let mut first = docs.clone();
        first[0] = format!("\"{doc}{} số 0\"", " kèm theo".repeat(words));
        format!("title = \"Đăng ký khai sinh\"\nurl = \"https://dichvucong.gov.vn/x\"\ndocuments = [{}]\nsteps = [{}]\n", first.join(", "), docs.join(", "))
    }

    #[test]
    fn long_content_shrinks_but_stays_legible() {
        let t = Template::poster(PosterSize::A4);
        // The first length that no longer fits at the normal size must
        // shrink, not fail; the type shrinks by a twentieth at most, so the
        // lists grow a few words at a time.
        let shrunk = (1..40)
            .flat_map(|n| (0..40).step_by(2).map(move |w| (n, w)))
            .map(|(n, words)| {
                poster(
                    &procedure(&longer_procedure(n, words)),
                    None,
                    &t,
                    &Labels::vietnamese(),
                )
            })
            .find(|r| r.as_ref().map_or(true, |p| p.shrunk))
            .expect("some length needs shrinking")
            .expect("the first length that needs shrinking still fits");
        assert!(shrunk.body_size < t.sizes.body && shrunk.body_size >= t.sizes.min_body);
        assert_within_margins(&shrunk.page, &t);
    }

    #[test]
    fn impossible_content_names_the_field_that_overflows() {
        let t = Template::poster(PosterSize::A4);
        let p = procedure(&long_procedure(40));
        let err = poster(&p, None, &t, &Labels::vietnamese()).unwrap_err();
        let msg = err.iter().next().unwrap().to_string();
        assert!(msg.starts_with("p.toml:3:"), "{msg}");
        assert!(msg.contains("overflow starts in `documents`"), "{msg}");
    }

    #[test]
    fn a_very_long_url_is_printed_smaller_or_visibly_shortened_inside_the_panel() {
        let t = Template::poster(PosterSize::A3);
        let url = format!(
            "https://dichvucong.gov.vn/p/home/x.html?{}",
            "ma_thu_tuc=1.001193&".repeat(40)
        );
        let p = procedure(&format!("title = \"A\"\nurl = \"{url}\"\n"));
        let page = poster(&p, None, &t, &Labels::vietnamese()).unwrap().page;
        assert_within_margins(&page, &t);
        let panel = page.items.iter().find_map(|i| match i {
            Item::Rect { rect, radius, .. } if *radius > 0.0 && rect.h > 150.0 => Some(*rect),
            _ => None,
        });
        let panel = panel.expect("the QR panel");
        let url_runs: Vec<_> = page
            .items
            .iter()
            .filter_map(|i| if let Item::Text(r) = i { Some(r) } else { None })
            .filter(|r| {
                r.text.starts_with("https://")
                    || r.text.contains("ma_thu_tuc")
                    || r.text.contains('…')
            })
            .collect();
        assert!(!url_runs.is_empty());
        for run in url_runs {
            assert!(
                panel.contains(&run.bounds()),
                "{:?} leaves the panel",
                run.text
            );
        }
    }

    #[test]
    fn emoji_is_refused_with_its_code_point_and_field() {
        let t = Template::poster(PosterSize::A4);
        let p = procedure("title = \"A\"\nurl = \"https://a.vn\"\nfee = \"Miễn phí 🎉\"\n");
        let msg = poster(&p, None, &t, &Labels::vietnamese())
            .unwrap_err()
            .iter()
            .next()
            .unwrap()
            .to_string();
        assert!(
            msg.contains("`fee`") && msg.contains("U+1F389") && msg.starts_with("p.toml:3:7"),
            "{msg}"
        );
    }
}
