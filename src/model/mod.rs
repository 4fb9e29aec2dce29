//! The procedure and campaign data: parsed from TOML, validated, NFC.
//! No fonts and no pages here.

pub mod address;
mod campaign;
pub mod collect;
pub mod input;
mod kind;
pub mod link;
pub mod list;
pub mod logo;
pub mod portal;
pub(crate) mod procedure;
pub mod root;
pub(crate) mod source;
pub mod toml_read;

pub use campaign::{
    is_campaign, is_template, Campaign, Grouping, Issuer, Logo, Output, NATIONAL_PORTAL,
};
pub use kind::{Lang, OutputKind, Size};
pub use procedure::lost_letter as procedure_lost_letter;
pub use procedure::{duplicate_codes, field_name, shared_portal_ids, Link, Online, Procedure};

/// A procedure file's keys, in the order the contract lists them.
pub fn procedure_keys() -> &'static [&'static str] {
    procedure::KEYS
}
pub use source::{CellSpan, SourceFile};
pub use toml_read::Located;
