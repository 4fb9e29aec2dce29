//! How an output looks, resolved before layout: the presets and a campaign's
//! template file (page, margins, theme, type sizes), the labels in the
//! output's language, and the checks that a template leaves the text room.
//! It sits below `job` (which resolves one per output) and `layout` (which
//! only reads it), so neither reaches up into the other.

mod check;
pub mod template;

pub use check::template_for;
pub use template::{with_overrides, HandbookSize, Labels, PosterSize, Template};

/// A QR card's trimmed size in mm (a business card, 85 × 55): the card
/// layout draws it, and a template must leave room for a sheet of them.
pub const CARD_W: f32 = 85.0;
pub const CARD_H: f32 = 55.0;
