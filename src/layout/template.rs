//! Layout presets (page, margins, colours, type sizes) and printed labels.
//!
//! The presets are the TOML files in templates/, compiled in so that the
//! binary needs no files at run time.

use serde::Deserialize;

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
    pub footer: f32,
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
}

fn hex<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Color, D::Error> {
    let s = String::deserialize(d)?;
    Color::from_hex(&s)
        .ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a #RRGGBB colour")))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PosterSize {
    A4,
    A3,
}

impl Template {
    pub fn poster(size: PosterSize) -> Template {
        let text = match size {
            PosterSize::A4 => include_str!("../../templates/poster-a4.toml"),
            PosterSize::A3 => include_str!("../../templates/poster-a3.toml"),
        };
        toml::from_str(text).expect("built-in template is valid")
    }

    /// The paper size for messages: "A4" for `poster-a4`.
    pub fn paper(&self) -> String {
        self.name
            .rsplit('-')
            .next()
            .unwrap_or(&self.name)
            .to_uppercase()
    }

    pub fn page_width(&self) -> f32 {
        self.page.width * MM
    }

    pub fn page_height(&self) -> f32 {
        self.page.height * MM
    }
}

impl Labels {
    pub fn vietnamese() -> Labels {
        toml::from_str(include_str!("../../templates/labels-vi.toml"))
            .expect("built-in labels are valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_presets_load_and_a3_is_larger() {
        let a4 = Template::poster(PosterSize::A4);
        let a3 = Template::poster(PosterSize::A3);
        assert_eq!((a4.page.width, a4.page.height), (210.0, 297.0));
        assert!(a3.sizes.body > a4.sizes.body && a3.qr.size > a4.qr.size);
        assert!(a4.sizes.min_body <= a4.sizes.body && a4.sizes.min_title <= a4.sizes.title);
        assert_eq!(Labels::vietnamese().documents, "Thành phần hồ sơ");
    }
}
