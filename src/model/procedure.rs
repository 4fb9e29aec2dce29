//! One administrative procedure (thủ tục hành chính), as the brief's contract defines it.

use std::path::Path;
use std::sync::Arc;

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::model::source::SourceFile;
use crate::model::toml_read::{self, Located, Reader};
use crate::model::url;

/// How much of the procedure can be done online.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Online {
    /// Toàn trình: from filing to result, entirely online.
    Full,
    /// Một phần: filed online, some steps in person.
    Partial,
    None,
}

pub const KEYS: &[&str] = &[
    "title",
    "url",
    "code",
    "field",
    "agency",
    "online",
    "summary",
    "processing_time",
    "fee",
    "result",
    "channels",
    "documents",
    "steps",
    "legal_basis",
    "source",
];

#[derive(Debug, Clone)]
pub struct Procedure {
    /// The file it came from, kept so that layout can point at a field.
    pub src: Arc<SourceFile>,
    pub title: Located<String>,
    pub url: Located<String>,
    pub code: Option<Located<String>>,
    pub field: Option<Located<String>>,
    pub agency: Option<Located<String>>,
    pub online: Option<Located<Online>>,
    pub summary: Option<Located<String>>,
    pub processing_time: Option<Located<String>>,
    pub fee: Option<Located<String>>,
    pub result: Option<Located<String>>,
    pub channels: Vec<Located<String>>,
    pub documents: Vec<Located<String>>,
    pub steps: Vec<Located<String>>,
    pub legal_basis: Vec<Located<String>>,
    pub source: Option<Located<String>>,
}

impl Procedure {
    /// Loads and validates one procedure file, reporting every problem in it.
    pub fn load(path: &Path) -> Result<Procedure, Diagnostics> {
        let src = SourceFile::load(path)?;
        Procedure::parse(src)
    }

    pub fn parse(src: SourceFile) -> Result<Procedure, Diagnostics> {
        let src = Arc::new(src);
        let doc = toml_read::parse(&src)?;
        let mut diags = Diagnostics::new();
        let mut r = Reader::new(&src, doc.get_ref(), 0, "", &mut diags);
        r.reject_unknown_keys(KEYS);

        let title = r.required_string("title", "\"Đăng ký khai sinh\"");
        let url = r.required_string("url", "\"https://dichvucong.gov.vn/...\"");
        if let Some(u) = &url {
            if let Some((msg, hint)) = url::problem(&u.value) {
                let d = src
                    .error_at(u.offset, format!("{msg}: `{}`", u.value))
                    .with_hint(hint);
                r.diags.push(d);
            }
        }
        let online = r.string("online").and_then(|o| match o.value.as_str() {
            "full" => Some(Located { value: Online::Full, offset: o.offset }),
            "partial" => Some(Located { value: Online::Partial, offset: o.offset }),
            "none" => Some(Located { value: Online::None, offset: o.offset }),
            other => {
                let d = src
                    .error_at(o.offset, format!("`online` must be \"full\", \"partial\" or \"none\", not \"{other}\""))
                    .with_hint("\"full\" = toàn trình, \"partial\" = một phần, \"none\" = chỉ nộp trực tiếp");
                r.diags.push(d);
                None
            }
        });
        let p = Procedure {
            code: r.string("code"),
            field: r.string("field"),
            agency: r.string("agency"),
            online,
            summary: r.string("summary"),
            processing_time: r.string("processing_time"),
            fee: r.string("fee"),
            result: r.string("result"),
            channels: r.string_list("channels"),
            documents: r.string_list("documents"),
            steps: r.string_list("steps"),
            legal_basis: r.string_list("legal_basis"),
            source: r.string("source"),
            title: title.unwrap_or(Located {
                value: String::new(),
                offset: 0,
            }),
            url: url.unwrap_or(Located {
                value: String::new(),
                offset: 0,
            }),
            src: src.clone(),
        };
        if diags.has_errors() {
            diags.sort();
            return Err(diags);
        }
        Ok(p)
    }

    pub fn path(&self) -> &Path {
        &self.src.path
    }

    /// An error pointing at a field's value in this procedure's file.
    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        self.src.error_at(offset, message)
    }

    /// What prints but deserves a second look: an `http` link, no `source`
    /// for the facts, no documents or no steps.
    pub fn lint(&self) -> Diagnostics {
        let mut warnings = Diagnostics::new();
        let mut warn = |d: Diagnostic| {
            warnings.push(Diagnostic {
                severity: Severity::Warning,
                ..d
            })
        };
        if self
            .url
            .value
            .get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("http://"))
        {
            warn(
                self.error_at(
                    self.url.offset,
                    "the QR code opens an `http` address, which phones flag as not secure",
                )
                .with_hint("use the https:// address of the page if the portal has one"),
            );
        }
        if self.source.is_none() {
            warn(
                Diagnostic::error("no `source`: nothing says where these facts come from")
                    .in_file(self.path())
                    .with_hint("add source = \"https://...\", the public page the fees and time limits were taken from"),
            );
        }
        for (list, key) in [(&self.documents, "documents"), (&self.steps, "steps")] {
            if list.is_empty() {
                warn(
                    self.error_at(
                        self.title.offset,
                        format!(
                            "no `{key}`: the printed procedure has no {}",
                            if key == "documents" {
                                "list of documents to bring"
                            } else {
                                "steps"
                            }
                        ),
                    )
                    .with_hint(format!("add {key} = [\"...\", \"...\"]")),
                );
            }
        }
        warnings
    }
}

/// Two procedures with the same national code: one is a copy of the other,
/// or a code was mistyped. Reported at the later file's `code`.
pub fn duplicate_codes(procedures: &[Procedure]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let mut seen: std::collections::HashMap<&str, &Procedure> = std::collections::HashMap::new();
    for p in procedures {
        let Some(code) = &p.code else { continue };
        if let Some(first) = seen.get(code.value.as_str()) {
            diags.push(
                p.error_at(code.offset, format!("the code {} is also the code of {}", code.value, first.path().display()))
                    .with_hint("each procedure has its own national code; check which file is right, or remove the copy"),
            );
        } else {
            seen.insert(&code.value, p);
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn parse(text: &str) -> Result<Procedure, Diagnostics> {
        Procedure::parse(SourceFile {
            path: PathBuf::from("p.toml"),
            text: text.to_owned(),
        })
    }

    fn messages(text: &str) -> Vec<String> {
        parse(text)
            .unwrap_err()
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn minimal_procedure_parses() {
        let p = parse("title = \"Đăng ký khai sinh\"\nurl = \"https://dichvucong.gov.vn/x\"\n")
            .unwrap();
        assert_eq!(p.title.value, "Đăng ký khai sinh");
        assert!(p.documents.is_empty());
    }

    #[test]
    fn unknown_key_names_the_nearest_known_key() {
        let m = messages("title = \"A\"\nurl = \"https://a.vn\"\ndocumets = [\"x\"]\n");
        assert_eq!(m.len(), 1);
        assert!(
            m[0].starts_with("p.toml:3:1: error: unknown key `documets`"),
            "{}",
            m[0]
        );
        assert!(m[0].contains("did you mean `documents`?"), "{}", m[0]);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let m = messages("title = \"\"\nurl = \"www.a.vn\"\nonline = \"yes\"\nsteps = \"one\"\n");
        assert_eq!(m.len(), 4, "{m:#?}");
        assert!(m[0].contains("`title` is empty"));
        assert!(m[1].contains("must start with https://"));
        assert!(m[2].contains("`online` must be"));
        assert!(m[3].contains("`steps` must be a list of texts, not text"));
    }

    #[test]
    fn missing_url_is_an_error() {
        let m = messages("title = \"A\"\n");
        assert!(m[0].contains("`url` is missing"), "{}", m[0]);
    }

    #[test]
    fn syntax_error_has_a_position() {
        let m = messages("title = \"A\nurl = \"https://a.vn\"\n");
        assert!(m[0].starts_with("p.toml:1:"), "{}", m[0]);
        assert!(m[0].contains("TOML syntax error"), "{}", m[0]);
    }
}
