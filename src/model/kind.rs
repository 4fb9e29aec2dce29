//! What an output is, as types: its kind and its paper size. Parsed once
//! (from a campaign's `[[output]]` or the command line); everything after
//! matches on them exhaustively, so a kind added here fails to compile
//! wherever it is not yet handled.

use std::fmt;

use crate::qr::QrPolicy;

/// An output kind, as `[[output]] kind = "…"` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutputKind {
    /// One A4 or A3 poster per procedure.
    Poster,
    /// A handbook (cẩm nang), optionally imposed as a booklet.
    Handbook,
    /// A tri-fold leaflet of 2 to 6 procedures.
    Leaflet,
    /// Sheets of cut-out QR cards.
    Cards,
    /// An image per procedure for chat apps, laid out for a phone
    /// (1080 × 1350 px).
    Png,
    /// The whole list for the notice board: a row per procedure with its
    /// QR code, grouped by field.
    Catalog,
}

impl OutputKind {
    pub const ALL: [OutputKind; 6] = [
        OutputKind::Poster,
        OutputKind::Handbook,
        OutputKind::Leaflet,
        OutputKind::Cards,
        OutputKind::Png,
        OutputKind::Catalog,
    ];

    pub fn name(self) -> &'static str {
        match self {
            OutputKind::Poster => "poster",
            OutputKind::Handbook => "handbook",
            OutputKind::Leaflet => "leaflet",
            OutputKind::Cards => "cards",
            OutputKind::Png => "png",
            OutputKind::Catalog => "catalog",
        }
    }

    pub fn parse(name: &str) -> Option<OutputKind> {
        let name = name.trim().to_lowercase();
        OutputKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The paper sizes it comes in; the first is the default.
    pub fn sizes(self) -> &'static [Size] {
        match self {
            OutputKind::Poster | OutputKind::Png | OutputKind::Catalog => &[Size::A4, Size::A3],
            OutputKind::Handbook => &[Size::A5, Size::A4],
            OutputKind::Cards | OutputKind::Leaflet => &[Size::A4],
        }
    }

    /// The built-in layout preset for `size` (templates/*.toml).
    pub fn preset(self, size: Size) -> &'static str {
        match (self, size) {
            (OutputKind::Poster, Size::A3) => "poster-a3",
            (OutputKind::Poster, _) => "poster-a4",
            // Images for chat apps are laid out for a phone, not a page.
            (OutputKind::Png, _) => "phone",
            (OutputKind::Handbook, Size::A4 | Size::A3) => "handbook-a4",
            (OutputKind::Handbook, Size::A5) => "handbook-a5",
            (OutputKind::Leaflet, _) => "leaflet-a4",
            (OutputKind::Cards, _) => "cards-a4",
            (OutputKind::Catalog, Size::A3) => "catalog-a3",
            (OutputKind::Catalog, _) => "catalog-a4",
        }
    }

    /// One file per procedure (into a folder) rather than one file.
    pub fn per_procedure(self) -> bool {
        match self {
            OutputKind::Poster | OutputKind::Png => true,
            OutputKind::Handbook
            | OutputKind::Leaflet
            | OutputKind::Cards
            | OutputKind::Catalog => false,
        }
    }

    /// The smallest QR code, quiet zone included, in millimetres, that a
    /// template may ask for: below it the modules get too small to scan
    /// at the distance the output is read from.
    pub fn min_qr_mm(self) -> f32 {
        match self {
            // Read from a step or two away on a notice board.
            OutputKind::Poster => 40.0,
            // Seen on the screen it is shown on, or scanned from another phone.
            OutputKind::Png => 30.0,
            OutputKind::Handbook => 25.0,
            OutputKind::Leaflet => 25.0,
            OutputKind::Cards => 20.0,
            // A row of a list, read close up at the notice board.
            OutputKind::Catalog => 18.0,
        }
    }

    /// How its QR codes are sized. Posters and images keep the template's
    /// large code; a handbook's grows until its modules reach 0.7 mm (read
    /// at arm's length); a folded leaflet's, 0.6 mm; cards are sized on
    /// the printer's grid by their own layout.
    pub fn qr_policy(self) -> QrPolicy {
        match self {
            OutputKind::Poster | OutputKind::Png | OutputKind::Cards => QrPolicy::FIXED,
            OutputKind::Handbook => QrPolicy {
                grow_to_module_mm: crate::qr::COMFORTABLE_MODULE_MM,
                max_growth: 1.3,
            },
            OutputKind::Leaflet => QrPolicy {
                grow_to_module_mm: 0.6,
                max_growth: 1.3,
            },
            // The code grows as far as its address needs for 0.55 mm
            // modules: a portal page's stays small; a search for a title
            // (no code, no match in the catalogue) grows its row with it.
            OutputKind::Catalog => QrPolicy {
                grow_to_module_mm: 0.55,
                max_growth: 2.2,
            },
        }
    }

    /// Whether it prints the campaign's own code (a handbook's cover, a
    /// leaflet's back panel) besides the procedures': only then is that
    /// code made, and a campaign address too long for one an error.
    pub fn prints_campaign_code(self) -> bool {
        matches!(self, OutputKind::Handbook | OutputKind::Leaflet)
    }

    /// "a4, a3": for messages.
    pub fn size_names(self) -> String {
        self.sizes()
            .iter()
            .map(|s| s.name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl OutputKind {
    /// What the kind is called in the interface's language ("áp phích"),
    /// for messages; [`OutputKind::name`] is the keyword a file uses.
    pub fn described(self) -> String {
        match self {
            OutputKind::Poster => crate::t!("kind-poster"),
            OutputKind::Leaflet => crate::t!("kind-leaflet"),
            OutputKind::Handbook => crate::t!("kind-handbook"),
            OutputKind::Cards => crate::t!("kind-cards"),
            OutputKind::Png => crate::t!("kind-png"),
            OutputKind::Catalog => crate::t!("kind-catalog"),
        }
    }
}

impl fmt::Display for OutputKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A paper size that an output kind comes in, as a user names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Size {
    A5,
    A4,
    A3,
}

impl Size {
    pub fn name(self) -> &'static str {
        match self {
            Size::A5 => "a5",
            Size::A4 => "a4",
            Size::A3 => "a3",
        }
    }

    /// "a4", "A4" and " A4 " alike: users type what the box says.
    pub fn parse(name: &str) -> Option<Size> {
        match name.trim().to_lowercase().as_str() {
            "a5" => Some(Size::A5),
            "a4" => Some(Size::A4),
            "a3" => Some(Size::A3),
            _ => None,
        }
    }
}

/// The language of the printed labels: one list, matched exhaustively
/// wherever labels are chosen (templates/labels-*.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Vietnamese, the default.
    #[default]
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// "vi, en": for messages.
    pub fn codes() -> String {
        Lang::ALL.map(Lang::code).join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_and_has_a_default_size() {
        for k in OutputKind::ALL {
            assert_eq!(OutputKind::parse(k.name()), Some(k));
            assert!(!k.sizes().is_empty());
            for s in k.sizes() {
                assert!(
                    crate::style::Template::builtin(k.preset(*s)).is_some(),
                    "{k} {s:?}"
                );
            }
        }
        assert_eq!(OutputKind::parse("Poster"), Some(OutputKind::Poster));
        assert_eq!(OutputKind::parse("posters"), None);
        assert_eq!(Size::parse(" A4"), Some(Size::A4));
    }
}
