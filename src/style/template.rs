//! Layout presets (page, margins, colours, type sizes) and printed labels.
//!
//! The presets are the TOML files in templates/, compiled in so that the
//! binary needs no files at run time.

use std::path::Path;

use serde::Deserialize;
use toml::de::DeValue;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::toml_read::{self, nearest};
use crate::model::{Lang, SourceFile};
use crate::scene::{Color, MM};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub name: String,
    pub page: PageSize,
    /// Millimetres.
    pub margin: f32,
    /// Millimetres between blocks.
    pub gap: f32,
    pub colors: Colors,
    #[serde(rename = "type")]
    pub sizes: TypeSizes,
    pub qr: QrStyle,
    /// Words a line must not split, beyond the shipped list.
    #[serde(default)]
    pub keep_together: Vec<String>,
    /// A user's template that widens the preset's margin: where it says so,
    /// so that text that no longer fits blames the margin, not the title.
    #[serde(skip)]
    pub wider_margin: Option<WiderMargin>,
}

/// A template file's `margin`, larger than its preset's.
#[derive(Debug, Clone)]
pub struct WiderMargin {
    pub src: std::sync::Arc<SourceFile>,
    /// Of the `margin` key in the file.
    pub offset: usize,
    /// The preset's margin, in mm.
    pub preset: f32,
}

impl Template {
    /// The error for text that does not fit when the user's template has
    /// widened the margin: at the template's `margin` line, naming the
    /// room it leaves and the file whose text overflowed. None when the
    /// margin is the preset's.
    pub fn margin_overflow(&self, procedure: &std::path::Path) -> Option<crate::diag::Diagnostic> {
        let m = self.wider_margin.as_ref()?;
        let w = self.page.width - 2.0 * self.margin;
        let h = self.page.height - 2.0 * self.margin;
        Some(
            m.src
                .error_at(
                    m.offset,
                    crate::t!(
                        "tpl-margin-overflow",
                        file = procedure.display().to_string(),
                        mm = self.margin,
                        w = format!("{w:.0}"),
                        h = format!("{h:.0}")
                    ),
                )
                .with_hint(crate::t!("tpl-margin-overflow-hint", preset = m.preset)),
        )
    }
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageSize {
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Colors {
    #[serde(deserialize_with = "hex")]
    pub accent: Color,
    #[serde(deserialize_with = "hex")]
    pub ink: Color,
    #[serde(deserialize_with = "hex")]
    pub muted: Color,
    #[serde(deserialize_with = "hex")]
    pub tint: Color,
    #[serde(deserialize_with = "hex")]
    pub on_accent: Color,
}

/// Type sizes in points.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeSizes {
    pub issuer: f32,
    pub meta: f32,
    pub kicker: f32,
    pub title: f32,
    pub min_title: f32,
    pub summary: f32,
    pub label: f32,
    pub body: f32,
    /// The smallest body size that long content may shrink to.
    pub min_body: f32,
    /// The largest body size that short content may grow to.
    pub max_body: f32,
    pub heading: f32,
    pub legal: f32,
    pub cta: f32,
    pub url: f32,
    // Keys of some kinds only: a preset carries just its own, so a poster
    // template cannot set a handbook's running header (an unknown key).
    /// Posters and cards: the footer (the hotline).
    #[serde(default)]
    pub footer: Option<f32>,
    /// Handbooks: the running header and page numbers.
    #[serde(default)]
    pub running: Option<f32>,
    /// Handbooks and leaflets: the cover's title.
    #[serde(default)]
    pub cover: Option<f32>,
}

impl TypeSizes {
    /// The footer size (posters and cards; their presets set it).
    pub fn footer(&self) -> f32 {
        self.footer.unwrap_or(self.meta)
    }

    /// The running header's size (handbooks; their presets set it).
    pub fn running(&self) -> f32 {
        self.running.unwrap_or(self.meta)
    }

    /// The sizes of a sparse page's text: its title, labels, headings and
    /// body `by` times the template's.
    pub fn grown(&self, by: f32) -> TypeSizes {
        TypeSizes {
            title: self.title * by,
            label: self.label * by,
            heading: self.heading * by,
            body: self.body * by,
            min_body: self.min_body * by,
            max_body: self.max_body * by,
            ..self.clone()
        }
    }

    /// The cover title's size (handbooks and leaflets set it).
    pub fn cover(&self) -> f32 {
        self.cover.unwrap_or(self.title)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QrStyle {
    /// Millimetres, quiet zone included.
    pub size: f32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    pub lang: String,
    pub default_issuer: String,
    pub kicker: String,
    pub code: String,
    /// Before a code in a printed address: "dichvucong.gov.vn · mã 1.001193".
    pub code_short: String,
    /// Before the words a printed search address looks for:
    /// "dichvucong.gov.vn · tìm: Đăng ký nhận cha, mẹ, con".
    pub search_short: String,
    /// On a phone image with no document listed: "3 giấy tờ — quét mã để xem".
    pub documents_count: String,
    /// A poster with neither documents nor steps: a heading and where
    /// to find them (the code, the desk).
    pub lists_elsewhere: String,
    /// Under a QR card's code: "Quét mã để xem và nộp hồ sơ".
    pub card_cta: String,
    pub lists_elsewhere_text: String,
    pub field: String,
    pub processing_time: String,
    pub fee: String,
    pub agency: String,
    pub online: String,
    pub online_full: String,
    pub online_partial: String,
    pub online_none: String,
    pub channels: String,
    pub result: String,
    pub documents: String,
    pub steps: String,
    pub legal_basis: String,
    pub cta: String,
    pub hotline: String,
    pub address: String,
    pub office_hours: String,
    pub email: String,
    pub website: String,
    pub default_title: String,
    pub contents: String,
    pub continued: String,
    pub contact: String,
    pub cover_cta: String,
    pub year: String,
    pub procedures_count: String,
    pub guide_title: String,
    pub guide_1: String,
    pub guide_2: String,
    pub guide_3: String,
    pub guide_note: String,
    pub in_this_leaflet: String,
    /// The leaflet's cover, which has no code: points inside.
    pub leaflet_cta: String,
    /// The phone image, after the documents that fit: "and {n} more".
    pub more_documents: String,
    pub catalog_title: String,
    pub catalog_guide: String,
    pub fields_index: String,
    pub page: String,
    pub updated: String,
    pub other_field: String,
    /// The year covers print ("Năm 2026"): not a label of the file, but
    /// resolved with the labels, so that layout never reads the clock.
    #[serde(skip)]
    pub year_now: i64,
}

fn hex<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Color, D::Error> {
    let s = String::deserialize(d)?;
    Color::from_hex(&s)
        .ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a #RRGGBB colour")))
}

/// The built-in presets, by name.
/// The colours every preset shares (templates/theme.toml).
const THEME: &str = include_str!("../../templates/theme.toml");

/// A preset's keys with the shared theme's under them.
fn preset_table(name: &str) -> Option<toml::Table> {
    let text = PRESETS.iter().find(|(n, _)| *n == name)?.1;
    let mut table: toml::Table = toml::from_str(text).expect("built-in template is valid");
    let theme: toml::Table = toml::from_str(THEME).expect("the built-in theme is valid");
    for (key, value) in theme {
        table.entry(key).or_insert(value);
    }
    Some(table)
}

const PRESETS: &[(&str, &str)] = &[
    ("poster-a4", include_str!("../../templates/poster-a4.toml")),
    ("poster-a3", include_str!("../../templates/poster-a3.toml")),
    (
        "handbook-a5",
        include_str!("../../templates/handbook-a5.toml"),
    ),
    (
        "handbook-a4",
        include_str!("../../templates/handbook-a4.toml"),
    ),
    (
        "leaflet-a4",
        include_str!("../../templates/leaflet-a4.toml"),
    ),
    ("cards-a4", include_str!("../../templates/cards-a4.toml")),
    (
        "catalog-a4",
        include_str!("../../templates/catalog-a4.toml"),
    ),
    (
        "catalog-a3",
        include_str!("../../templates/catalog-a3.toml"),
    ),
    ("phone", include_str!("../../templates/phone.toml")),
];

/// The built-in label set of a language.
fn labels_text(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => include_str!("../../templates/labels-vi.toml"),
        Lang::En => include_str!("../../templates/labels-en.toml"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PosterSize {
    A4,
    A3,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandbookSize {
    A5,
    A4,
}

impl Template {
    /// A built-in preset such as `handbook-a5`.
    pub fn builtin(name: &str) -> Option<Template> {
        let table = preset_table(name)?;
        Some(
            toml::Value::Table(table)
                .try_into()
                .expect("built-in template is valid"),
        )
    }

    pub fn poster(size: PosterSize) -> Template {
        Template::builtin(match size {
            PosterSize::A4 => "poster-a4",
            PosterSize::A3 => "poster-a3",
        })
        .expect("poster presets are built in")
    }

    pub fn handbook(size: HandbookSize) -> Template {
        Template::builtin(match size {
            HandbookSize::A5 => "handbook-a5",
            HandbookSize::A4 => "handbook-a4",
        })
        .expect("handbook presets are built in")
    }

    /// The paper, from the page's dimensions (never from a name).
    pub fn paper(&self) -> Paper {
        Paper {
            width: self.page.width,
            height: self.page.height,
        }
    }

    pub fn page_width(&self) -> f32 {
        self.page.width * MM
    }

    pub fn page_height(&self) -> f32 {
        self.page.height * MM
    }
}

/// A page size in millimetres, named from its dimensions: "A4", "A4
/// landscape", or "148 × 200 mm" for a size of its own.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paper {
    pub width: f32,
    pub height: f32,
}

/// The ISO 216 A series, portrait, in millimetres.
const ISO_A: [(&str, f32, f32); 6] = [
    ("A6", 105.0, 148.0),
    ("A5", 148.0, 210.0),
    ("A4", 210.0, 297.0),
    ("A3", 297.0, 420.0),
    ("A2", 420.0, 594.0),
    ("A1", 594.0, 841.0),
];

impl Paper {
    /// The A size within 2 mm, and whether it lies landscape.
    pub fn iso(self) -> Option<(&'static str, bool)> {
        let near = |a: f32, b: f32| (a - b).abs() <= 2.0;
        ISO_A.iter().find_map(|(name, w, h)| {
            if near(self.width, *w) && near(self.height, *h) {
                Some((*name, false))
            } else if near(self.width, *h) && near(self.height, *w) {
                Some((*name, true))
            } else {
                None
            }
        })
    }

    pub fn name(self) -> String {
        match self.iso() {
            Some((name, false)) => name.to_owned(),
            Some((name, true)) => format!("{name} landscape"),
            None => format!("{} × {} mm", self.width, self.height),
        }
    }

    /// The sheet a booklet prints two of these pages on, side by side: the A
    /// size it makes (A5 pages on A4 landscape, whose 297 mm leave each page
    /// against the fold), or exactly twice the width.
    pub fn two_up(self) -> Paper {
        let exact = Paper {
            width: 2.0 * self.width,
            height: self.height,
        };
        match exact.iso() {
            Some((name, true)) => {
                let (_, w, h) = ISO_A.iter().find(|(n, _, _)| *n == name).expect("listed");
                Paper {
                    width: *h,
                    height: *w,
                }
            }
            _ => exact,
        }
    }
}

impl std::fmt::Display for Paper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name())
    }
}

/// A preset with a user's template file over it: any of the preset's keys,
/// and a `[labels]` table with any of the printed labels.
pub fn with_overrides(
    name: &str,
    lang: Lang,
    file: Option<&Path>,
) -> Result<(Template, Labels), Diagnostics> {
    let words = labels_text(lang);
    let Some(mut base) = preset_table(name) else {
        return Err(Diagnostic::error(format!("no built-in template {name}")).into());
    };
    let labels: toml::Table = toml::from_str(words).expect("built-in labels are valid");
    base.insert("labels".into(), toml::Value::Table(labels));
    // Where the user's file widens the preset's margin, if it does.
    let preset_margin = base.get("margin").and_then(toml_mm).unwrap_or(0.0);
    let mut user_margin = None;
    if let Some(path) = file {
        let src = SourceFile::load(path)?;
        let spanned = toml_read::parse(&src)?;
        if let Some((key, _)) = spanned.get_ref().get_key_value("margin") {
            user_margin = Some((std::sync::Arc::new(src.clone()), key.span().start));
        }
        let user: toml::Table = toml::from_str(&src.text).map_err(|e| {
            Diagnostic::error(crate::t!("template-unreadable", reason = e.message())).in_file(path)
        })?;
        let mut diags = Diagnostics::new();
        merge(&mut base, &user, spanned.get_ref(), "", &src, &mut diags);
        if diags.has_errors() {
            return Err(diags);
        }
    }
    let labels = base.remove("labels").expect("inserted above");
    let in_file = |e: toml::de::Error| {
        let d = Diagnostic::error(crate::t!("template-bad-value", reason = e.message().trim()))
            .with_hint(crate::t!("template-bad-value-hint"));
        match file {
            Some(f) => d.in_file(f),
            None => d,
        }
    };
    let mut template: Template = toml::Value::Table(base).try_into().map_err(in_file)?;
    if let Some((src, offset)) = user_margin {
        if template.margin > preset_margin + 0.01 {
            template.wider_margin = Some(WiderMargin {
                src,
                offset,
                preset: preset_margin,
            });
        }
    }
    let mut labels: Labels = labels.try_into().map_err(in_file)?;
    labels.year_now = crate::clock::year();
    Ok((template, labels))
}

/// A length in a TOML table, written as an integer or a float.
fn toml_mm(v: &toml::Value) -> Option<f32> {
    v.as_float()
        .or(v.as_integer().map(|i| i as f64))
        .map(|f| f as f32)
}

/// Lays `user`'s values over `base`, refusing keys and types that `base`
/// does not have, at their position in the user's file.
fn merge(
    base: &mut toml::Table,
    user: &toml::Table,
    spans: &toml_read::Table<'_>,
    prefix: &str,
    src: &SourceFile,
    diags: &mut Diagnostics,
) {
    let known: Vec<String> = base.keys().cloned().collect();
    for (key, value) in user {
        let (span_key, span_value) = match spans.get_key_value(key.as_str()) {
            Some((k, v)) => (k.span().start, Some(v)),
            None => (0, None),
        };
        let Some(current) = base.get_mut(key) else {
            let names: Vec<&str> = known.iter().map(String::as_str).collect();
            let mut d = src.error_at(
                span_key,
                crate::t!("template-key-unknown", key = format!("{prefix}{key}")),
            );
            d = match nearest(key, &names) {
                Some(k) => d.with_hint(crate::t!("template-did-you-mean", key = k)),
                None => d.with_hint(crate::t!("key-known", keys = names.join(", "))),
            };
            diags.push(d);
            continue;
        };
        let same_kind = matches!(
            (&*current, value),
            (toml::Value::Table(_), toml::Value::Table(_))
                | (toml::Value::String(_), toml::Value::String(_))
                | (toml::Value::Array(_), toml::Value::Array(_))
                | (
                    toml::Value::Integer(_) | toml::Value::Float(_),
                    toml::Value::Integer(_) | toml::Value::Float(_)
                )
        );
        if !same_kind {
            let expected = match current {
                toml::Value::Table(_) => crate::t!("type-table"),
                toml::Value::String(_) => crate::t!("type-text"),
                toml::Value::Array(_) => crate::t!("type-list-brackets"),
                _ => crate::t!("type-number"),
            };
            diags.push(
                src.error_at(
                    span_key,
                    crate::t!(
                        "template-key-type",
                        key = format!("{prefix}{key}"),
                        expected = expected
                    ),
                )
                .with_hint(crate::t!("template-key-type-hint")),
            );
            continue;
        }
        match (current, value, span_value.map(|v| v.get_ref())) {
            (toml::Value::Table(b), toml::Value::Table(u), Some(DeValue::Table(t))) => {
                merge(b, u, t, &format!("{prefix}{key}."), src, diags);
            }
            (current, value, _) => *current = value.clone(),
        }
    }
}

impl Labels {
    pub fn vietnamese() -> Labels {
        Labels::builtin(Lang::Vi).expect("Vietnamese labels are built in")
    }

    /// The built-in labels for `lang`.
    pub fn builtin(lang: Lang) -> Option<Labels> {
        let mut labels: Labels =
            toml::from_str(labels_text(lang)).expect("built-in labels are valid");
        labels.year_now = crate::clock::year();
        Some(labels)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_file_overrides_some_keys_and_refuses_unknown_ones() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("mine.toml");
        std::fs::write(&ok, "margin = 20\n[colors]\naccent = \"#AA0000\"\n[labels]\ndocuments = \"Giấy tờ cần mang\"\n").unwrap();
        let (t, l) = with_overrides("handbook-a5", Lang::Vi, Some(&ok)).unwrap();
        assert_eq!(t.margin, 20.0);
        assert_eq!(t.colors.accent, Color::rgb(0xAA, 0, 0));
        assert_eq!(t.sizes.body, 9.5, "keys not named keep the preset's value");
        assert_eq!(l.documents, "Giấy tờ cần mang");
        assert_eq!(l.steps, "Trình tự thực hiện");

        let bad = dir.path().join("bad.toml");
        std::fs::write(
            &bad,
            "[colors]\naccnet = \"#AA0000\"\nmargin = 3\n[type]\nbody = \"big\"\n",
        )
        .unwrap();
        let e = with_overrides("poster-a4", Lang::En, Some(&bad)).unwrap_err();
        let m: Vec<String> = e.iter().map(|d| d.to_string()).collect();
        assert_eq!(m.len(), 3, "{m:#?}");
        assert!(
            m[0].contains("bad.toml:2:1")
                && m[0].contains("`colors.accnet`")
                && m[0].contains("`accent`")
        );
        assert!(m[1].contains("`colors.margin`"));
        assert!(m[2].contains("bad.toml:5:1") && m[2].contains("`type.body` must be a number"));
    }

    #[test]
    fn a_preset_carries_only_its_kind_s_keys() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("t.toml");
        std::fs::write(&f, "[type]\nrunning = 9\n").unwrap();
        let e = with_overrides("poster-a4", Lang::Vi, Some(&f)).unwrap_err();
        let m: Vec<String> = e.iter().map(|d| d.to_string()).collect();
        assert!(
            m[0].contains("unknown template key `type.running`"),
            "{m:?}"
        );
        let (t, _) = with_overrides("handbook-a5", Lang::Vi, Some(&f)).unwrap();
        assert_eq!(t.sizes.running(), 9.0);
        // Every preset has the keys its layouts read.
        let p = Template::builtin("poster-a4").unwrap();
        assert!(p.sizes.footer.is_some() && p.sizes.running.is_none() && p.sizes.cover.is_none());
        let h = Template::builtin("handbook-a5").unwrap();
        assert!(h.sizes.running.is_some() && h.sizes.cover.is_some() && h.sizes.footer.is_none());
        let l = Template::builtin("leaflet-a4").unwrap();
        assert!(l.sizes.cover.is_some());
        let c = Template::builtin("cards-a4").unwrap();
        assert!(c.sizes.footer.is_some());
    }

    #[test]
    fn paper_is_named_from_its_dimensions() {
        let p = |width, height| Paper { width, height };
        assert_eq!(p(210.0, 297.0).name(), "A4");
        assert_eq!(p(297.0, 210.0).name(), "A4 landscape");
        assert_eq!(p(148.0, 210.0).name(), "A5");
        assert_eq!(p(148.0, 200.0).name(), "148 × 200 mm");
        assert_eq!(p(148.0, 210.0).two_up(), p(297.0, 210.0));
        assert_eq!(p(210.0, 297.0).two_up(), p(420.0, 297.0));
        assert_eq!(p(150.0, 150.0).two_up(), p(300.0, 150.0));
        // A preset named otherwise is still what its page says.
        let mut t = Template::handbook(HandbookSize::A5);
        t.name = "mine".to_owned();
        assert_eq!(t.paper().name(), "A5");
    }

    #[test]
    fn built_in_presets_load_and_a3_is_larger() {
        let a4 = Template::poster(PosterSize::A4);
        let a3 = Template::poster(PosterSize::A3);
        assert_eq!((a4.page.width, a4.page.height), (210.0, 297.0));
        assert!(a3.sizes.body > a4.sizes.body && a3.qr.size > a4.qr.size);
        assert!(a4.sizes.min_body <= a4.sizes.body && a4.sizes.min_title <= a4.sizes.title);
        assert_eq!(Labels::vietnamese().documents, "Thành phần hồ sơ");
        assert_eq!(
            Labels::builtin(Lang::En).unwrap().documents,
            "Documents to submit"
        );
        for lang in Lang::ALL {
            assert!(Labels::builtin(lang).is_some(), "{lang:?}");
        }
        for size in [HandbookSize::A5, HandbookSize::A4] {
            let t = Template::handbook(size);
            assert!(
                t.qr.size >= 25.0 / (41.0 / 49.0),
                "the symbol must stay over 25 mm"
            );
        }
    }
}
