//! The procedure and campaign data: parsed from TOML, validated, NFC.
//! No fonts and no pages here.

mod campaign;
mod procedure;
mod source;
mod toml_read;
pub mod url;

pub use campaign::{Campaign, Issuer, Logo, Output, NATIONAL_PORTAL, OUTPUT_KINDS};
pub use procedure::{Online, Procedure};
pub use source::SourceFile;
pub use toml_read::Located;
