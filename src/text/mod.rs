//! Fonts, measuring and line breaking. Used by layout only: renderers draw
//! what layout measured and never measure themselves.

mod font;
mod wrap;

pub use font::{Face, Font, FontKind};
pub use wrap::{wrap, wrap_url};
