//! The procedure and campaign data: parsed from TOML, validated, NFC.
//! No fonts and no pages here.

mod campaign;
pub mod collect;
mod procedure;
mod source;
pub mod toml_read;
pub mod url;

pub use campaign::{
    is_campaign, preset, sizes_of, Campaign, Issuer, Logo, Output, LANGUAGES, NATIONAL_PORTAL,
    OUTPUT_KINDS,
};
pub use procedure::{duplicate_codes, Online, Procedure};
pub use source::SourceFile;
pub use toml_read::Located;
