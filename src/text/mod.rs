//! Fonts, measuring and line breaking. Used by layout only: renderers draw
//! what layout measured and never measure themselves.

mod case;
mod font;
mod marker;
pub mod memo;
mod wrap;

pub use case::{capitalised, sentence_case, shortened, thousands};
pub use font::{warm_up, Face, Font, FontKind};
pub use marker::strip_marker;
pub use wrap::{keep_together, wrap, wrap_url, Measured};
