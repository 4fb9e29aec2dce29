//! A template, once a user's file is merged over the preset, must still
//! make a printable page for its kind of output. What it gets wrong is an
//! error at the user's line ("margin 80 mm leaves 0 mm of page"), not a
//! puzzling layout error later ("`title` is too long").

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::toml_read;
use crate::model::{Lang, OutputKind, Size, SourceFile};
use crate::scene::Color;
use crate::style::template::{with_overrides, Labels, Template};
use crate::style::{CARD_H, CARD_W};

/// The smallest text area, in millimetres, that any layout can use.
const MIN_AREA_MM: f32 = 40.0;
/// WCAG's contrast for large text: the least a colour pair must keep.
const MIN_CONTRAST: f32 = 3.0;

/// The preset of `kind` and `size` with the user's `file` over it,
/// checked as a whole.
pub fn template_for(
    kind: OutputKind,
    size: Size,
    lang: Lang,
    file: Option<&Path>,
) -> Result<(Template, Labels), Diagnostics> {
    let (template, labels) = with_overrides(kind.preset(size), lang, file)?;
    let problems = problems(&template, kind);
    if problems.is_empty() {
        crate::text::keep_together(&template.keep_together);
        return Ok((template, labels));
    }
    // Each problem at the first of its keys that the user's file sets.
    let src = file.and_then(|f| SourceFile::load(f).ok());
    let doc = src.as_ref().and_then(|s| toml_read::parse(s).ok());
    let mut diags = Diagnostics::new();
    for (keys, message, hint) in problems {
        let at = doc
            .as_ref()
            .and_then(|d| keys.iter().find_map(|k| locate(d.get_ref(), k)));
        let d = match (&src, at) {
            (Some(src), Some(offset)) => src.error_at(offset, message),
            (Some(src), None) => Diagnostic::error(message).in_file(&src.path),
            (None, _) => Diagnostic::error(crate::t!(
                "tpl-builtin",
                name = kind.preset(size),
                message = message
            )),
        };
        diags.push(d.with_hint(hint));
    }
    Err(diags)
}

/// Where `dotted` ("type.min_body") is set in a template file.
fn locate(table: &toml_read::Table<'_>, dotted: &str) -> Option<usize> {
    let mut table = table;
    let mut parts = dotted.split('.').peekable();
    while let Some(part) = parts.next() {
        let (key, value) = table.get_key_value(part)?;
        if parts.peek().is_none() {
            return Some(key.span().start);
        }
        match value.get_ref() {
            toml::de::DeValue::Table(t) => table = t,
            _ => return Some(key.span().start),
        }
    }
    None
}

type Problem = (Vec<&'static str>, String, String);

fn problems(t: &Template, kind: OutputKind) -> Vec<Problem> {
    let mut out: Vec<Problem> = Vec::new();
    let mut add = |keys: &[&'static str], message: String, hint: &str| {
        out.push((keys.to_vec(), message, hint.to_owned()))
    };
    let tr = |id: &str| crate::i18n::message(id, &[]);
    if t.page.width <= 0.0 || t.page.height <= 0.0 {
        add(
            &["page"],
            crate::t!("tpl-page-bad", w = t.page.width, h = t.page.height),
            &tr("tpl-page-bad-hint"),
        );
    }
    if t.margin < 0.0 {
        add(
            &["margin"],
            crate::t!("tpl-margin-negative", mm = t.margin),
            &tr("tpl-margin-negative-hint"),
        );
    }
    if t.gap < 0.0 {
        add(
            &["gap"],
            crate::t!("tpl-gap-negative", mm = t.gap),
            &tr("tpl-gap-negative-hint"),
        );
    }
    // The room the margins leave: on the page, or on each card.
    let (room_w, room_h, what) = match kind {
        OutputKind::Cards => (CARD_W, CARD_H, "tpl-of-card"),
        _ => (t.page.width, t.page.height, "tpl-of-page"),
    };
    let left = (room_w.min(room_h) - 2.0 * t.margin).max(0.0);
    if t.margin >= 0.0 && left < MIN_AREA_MM.min(room_h / 2.0) {
        let what = tr(what);
        add(
            &["margin", "page"],
            crate::t!("tpl-margin-leaves", mm = t.margin, left = left, what = what),
            &tr("tpl-margin-leaves-hint"),
        );
    }
    if kind == OutputKind::Cards
        && (t.page.width < 2.0 * CARD_W + 10.0 || t.page.height < 5.0 * CARD_H + 10.0)
    {
        add(
            &["page"],
            crate::t!("tpl-cards-page", paper = t.paper().to_string()),
            &tr("tpl-cards-page-hint"),
        );
    }
    let s = &t.sizes;
    let all = [
        ("type.issuer", s.issuer),
        ("type.meta", s.meta),
        ("type.kicker", s.kicker),
        ("type.title", s.title),
        ("type.min_title", s.min_title),
        ("type.summary", s.summary),
        ("type.label", s.label),
        ("type.body", s.body),
        ("type.min_body", s.min_body),
        ("type.max_body", s.max_body),
        ("type.heading", s.heading),
        ("type.legal", s.legal),
        ("type.cta", s.cta),
        ("type.url", s.url),
    ];
    let kind_only = [
        ("type.footer", s.footer),
        ("type.running", s.running),
        ("type.cover", s.cover),
    ];
    let all = all
        .into_iter()
        .chain(kind_only.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
    for (key, size) in all {
        if !(4.0..=200.0).contains(&size) {
            add(
                &[key],
                crate::t!("tpl-size-range", key = key, pt = size),
                &tr("tpl-size-range-hint"),
            );
        }
    }
    if s.min_body > s.body || s.body > s.max_body {
        add(
            &["type.min_body", "type.body", "type.max_body"],
            crate::t!(
                "tpl-body-rise",
                min = s.min_body,
                body = s.body,
                max = s.max_body
            ),
            &tr("tpl-body-rise-hint"),
        );
    }
    if s.min_title > s.title {
        add(
            &["type.min_title", "type.title"],
            crate::t!("tpl-min-title", min = s.min_title, title = s.title),
            &tr("tpl-min-title-hint"),
        );
    }
    for words in &t.keep_together {
        let n = words.split_whitespace().count();
        if !(2..=4).contains(&n) {
            add(
                &["keep_together"],
                crate::t!("tpl-keep-together", words = words, n = n),
                &tr("tpl-keep-together-hint"),
            );
        }
    }
    let min_qr = kind.min_qr_mm();
    if t.qr.size < min_qr {
        add(
            &["qr.size"],
            crate::t!(
                "tpl-qr-small",
                kind = kind.described(),
                min = min_qr,
                mm = t.qr.size
            ),
            &tr("tpl-qr-small-hint"),
        );
    }
    let c = &t.colors;
    // What each pair is called is said only for a pair that fails: a
    // message formatted for nothing costs every run its parse.
    type Said = fn() -> String;
    for (keys, fg, bg, what) in [
        (
            ["colors.ink", "colors.ink"],
            c.ink,
            Color::WHITE,
            (|| crate::t!("tpl-on-white", color = "colors.ink")) as Said,
        ),
        (
            ["colors.muted", "colors.muted"],
            c.muted,
            Color::WHITE,
            || crate::t!("tpl-on-white", color = "colors.muted"),
        ),
        (
            ["colors.accent", "colors.accent"],
            c.accent,
            Color::WHITE,
            || crate::t!("tpl-on-white", color = "colors.accent"),
        ),
        (
            ["colors.on_accent", "colors.accent"],
            c.on_accent,
            c.accent,
            || {
                crate::t!(
                    "tpl-on",
                    color = "colors.on_accent",
                    ground = "colors.accent"
                )
            },
        ),
        (["colors.ink", "colors.tint"], c.ink, c.tint, || {
            crate::t!("tpl-on", color = "colors.ink", ground = "colors.tint")
        }),
    ] {
        let ratio = contrast(fg, bg);
        if ratio < MIN_CONTRAST {
            add(
                &keys,
                crate::t!(
                    "tpl-contrast",
                    what = what(),
                    ratio = crate::i18n::decimal(ratio as f64, 1)
                ),
                &tr("tpl-contrast-hint"),
            );
        }
    }
    out
}

/// WCAG 2 contrast ratio of two colours, 1 to 21.
fn contrast(a: Color, b: Color) -> f32 {
    fn luminance(c: Color) -> f32 {
        let lin = |v: u8| {
            let v = v as f32 / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_preset_passes() {
        for kind in OutputKind::ALL {
            for size in kind.sizes() {
                template_for(kind, *size, Lang::Vi, None)
                    .unwrap_or_else(|d| panic!("{kind} {size:?}: {d:?}"));
            }
        }
    }

    fn errors(kind: OutputKind, text: &str) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("t.toml");
        std::fs::write(&f, text).unwrap();
        template_for(kind, kind.sizes()[0], Lang::Vi, Some(&f))
            .map(|_| Vec::new())
            .unwrap_or_else(|d| {
                d.iter()
                    .map(|d| d.to_string().replace(&dir.path().display().to_string(), ""))
                    .collect()
            })
    }

    #[test]
    fn each_mistake_is_an_error_at_its_line() {
        let m = errors(OutputKind::Poster, "gap = 4\nmargin = -3\n");
        assert!(
            m[0].starts_with("/t.toml:2:1: error: the margin is -3 mm"),
            "{m:?}"
        );
        let m = errors(OutputKind::Handbook, "margin = 80\n");
        assert!(
            m[0].starts_with("/t.toml:1:1: error: margin 80 mm leaves 0 mm of page"),
            "{m:?}"
        );
        let m = errors(OutputKind::Poster, "[type]\nmin_body = 12\n");
        assert!(
            m[0].starts_with("/t.toml:2:1: error: the body sizes must rise"),
            "{m:?}"
        );
        let m = errors(OutputKind::Poster, "[qr]\nsize = 20\n");
        assert!(
            m[0].starts_with("/t.toml:2:1: error: a poster's QR code must be at least 40 mm"),
            "{m:?}"
        );
        let m = errors(OutputKind::Leaflet, "[colors]\nink = \"#FFFFFF\"\n");
        assert!(
            m[0].starts_with(
                "/t.toml:2:1: error: `colors.ink` on the white page has a contrast of 1.0:1"
            ),
            "{m:?}"
        );
        let m = errors(OutputKind::Cards, "page = { width = 148, height = 210 }\n");
        assert!(m[0].starts_with("/t.toml:1:1: error: ten 85 × 55 mm cards need an A4 page; this template's page is A5"), "{m:?}");
        assert!(errors(OutputKind::Poster, "margin = 12\n[type]\nbody = 10\n").is_empty());
        let m = errors(
            OutputKind::Poster,
            "keep_together = [\"Vĩnh Bảo\", \"một hai ba bốn năm\"]\n",
        );
        assert!(
            m.len() == 1 && m[0].starts_with("/t.toml:1:1: error: `keep_together` holds \"một hai ba bốn năm\", of 5 syllables"),
            "{m:?}"
        );
        let m = errors(OutputKind::Poster, "keep_together = \"Vĩnh Bảo\"\n");
        assert!(m[0].contains("must be a list in brackets"), "{m:?}");
    }

    #[test]
    fn a_template_s_words_are_kept_whole_in_every_line() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("t.toml");
        // A place name of three syllables, written decomposed (NFD) as
        // some editors save it.
        std::fs::write(
            &f,
            "keep_together = [\"Phu\u{31b}o\u{31b}\u{300}ng Vi\u{303}nh Tuy\"]\n",
        )
        .unwrap();
        let text = "Ủy ban nhân dân phường Vĩnh Tuy thành phố Hà Nội";
        let font = crate::text::FontKind::Bold.font();
        let split = |w: f32| {
            crate::text::wrap(text, font, 20.0, w)
                .iter()
                .any(|l| l.ends_with("Phường") || l.ends_with("phường") || l.ends_with("Vĩnh"))
        };
        // Some measure splits the name before the template says otherwise…
        let widths: Vec<f32> = (40..200).map(|w| w as f32 * 2.0).collect();
        let whole = font.width("phường Vĩnh Tuy", 20.0);
        let splitting: Vec<f32> = widths
            .iter()
            .copied()
            .filter(|&w| w >= whole && split(w))
            .collect();
        assert!(!splitting.is_empty());
        template_for(
            OutputKind::Poster,
            OutputKind::Poster.sizes()[0],
            Lang::Vi,
            Some(&f),
        )
        .unwrap();
        // …and none does after.
        for w in splitting {
            assert!(
                !split(w),
                "split at {w}: {:?}",
                crate::text::wrap(text, font, 20.0, w)
            );
        }
    }
}
