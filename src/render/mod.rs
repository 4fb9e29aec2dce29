//! Renderers: a laid-out scene (or a QR matrix) into file bytes.

pub mod pdf;
pub mod png;
pub mod qr_image;
