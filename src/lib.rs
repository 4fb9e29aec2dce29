//! toroi: administrative procedures → print-ready PDFs with scannable QR codes.
//!
//! Data flows one way: files → [`model`] → [`layout`] → [`scene`] → [`render`]
//! → bytes on disk ([`output`]). Each stage knows only the one below it.

pub mod atomic;
pub mod catalogue;
pub mod cli;
pub mod clock;
pub mod diag;
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod job;
pub mod layout;
pub mod model;
pub mod proof;
pub mod qr;
pub mod render;
pub mod scene;
pub mod studio;
pub mod style;
pub mod text;
