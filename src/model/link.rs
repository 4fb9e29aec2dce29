//! What the catalogues do to a loaded procedure: its code checked, its
//! portal id checked against the code, a direct link from the code (or
//! from a title that names one procedure clearly), and its status. Run on
//! every procedure a command loads, before its warnings, so `check` and
//! the printing commands say the same.

use crate::diag::Diagnostics;
use crate::model::toml_read::Located;
use crate::model::{portal, Link, Procedure};

use crate::catalogue::code::{code_form, CodeForm};
use crate::catalogue::status::Status;
use crate::catalogue::title::{self, Found};
use crate::catalogue::{Catalogue, Entry};

/// Applies the catalogues to `p`: errors (a damaged or unknown code) and
/// warnings (a title matched, candidates to choose from, an id of another
/// code, a repealed procedure).
pub fn link(p: &mut Procedure, catalogue: &Catalogue) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let today = crate::clock::date_of(crate::clock::now());
    // The code as the catalogue can use it, if any.
    let mut code: Option<String> = None;
    let mut old_code: Option<Located<String>> = None;
    if let Some(c) = p.code.clone() {
        let written = c.value.trim().to_owned();
        // The catalogue has a few codes of its own form ("1.0133611").
        let form = match catalogue.code(&written) {
            Some(_) => CodeForm::National,
            None => code_form(&written),
        };
        match form {
            CodeForm::National => code = Some(written),
            CodeForm::Province(national) => {
                diags.push(
                    p.error_at(
                        c.offset,
                        crate::t!("code-province", code = &written, national = &national),
                    )
                    .as_warning()
                    .with_hint(crate::t!("code-province-hint", national = &national)),
                );
                if let Some(pc) = p.code.as_mut() {
                    pc.value = national.clone();
                }
                code = Some(national);
            }
            CodeForm::Damaged(guess) => {
                let hint = match catalogue.code(&guess) {
                    Some(e) => crate::t!(
                        "code-damaged-known",
                        code = &guess,
                        title = e.title.as_ref()
                    ),
                    None => crate::t!("code-damaged-hint"),
                };
                diags.push(
                    p.error_at(c.offset, crate::t!("code-damaged", code = &written))
                        .with_hint(hint),
                );
                return diags;
            }
            CodeForm::Old => {
                p.old_code = Some(written.clone());
                old_code = Some(c.clone());
            }
            CodeForm::Unknown => diags.push(
                p.error_at(c.offset, crate::t!("code-bad", code = &written))
                    .as_warning()
                    .with_hint(crate::t!("code-bad-hint")),
            ),
        }
    }
    let entry = code.as_deref().and_then(|c| catalogue.code(c));

    // A portal id that the catalogue gives another code.
    if let (Some(id), Some(c)) = (&p.formality_id, &code) {
        if let Some(owner) = catalogue.id(&id.value).filter(|o| o.code != c.as_str()) {
            let hint = match entry.as_ref().and_then(|e| e.formality_id.clone()) {
                Some(right) => crate::t!(
                    "portal-id-other-right",
                    code = c.as_str(),
                    id = right.as_ref()
                ),
                None => crate::t!("portal-id-other-none", code = c.as_str()),
            };
            diags.push(
                p.error_at(
                    id.offset,
                    crate::t!(
                        "portal-id-other",
                        id = &id.value,
                        code = owner.code.as_ref(),
                        title = owner.title.as_ref()
                    ),
                )
                .as_warning()
                .with_hint(hint),
            );
        }
    }

    if p.link == Link::Search {
        if code.is_some() {
            if let Some(page) = entry.as_ref().and_then(page) {
                p.url = Located {
                    value: page,
                    offset: p.url.offset,
                };
                p.link = Link::Catalogue;
            }
        } else {
            match title::find(&p.title.value, catalogue.extra()) {
                Found::One(e) => {
                    p.url = Located {
                        value: page(&e).unwrap_or_else(|| portal::search_page(&e.code)),
                        offset: p.title.offset,
                    };
                    p.link = Link::Title;
                    p.code = Some(Located {
                        value: e.code.to_string(),
                        offset: p.title.offset,
                    });
                    let (message, hint) = match &old_code {
                        Some(old) => (
                            crate::t!(
                                "code-old-matched",
                                old = &old.value,
                                code = e.code.as_ref(),
                                title = e.title.as_ref()
                            ),
                            crate::t!("code-old-matched-hint", code = e.code.as_ref()),
                        ),
                        None => (
                            crate::t!(
                                "title-matched",
                                code = e.code.as_ref(),
                                title = e.title.as_ref()
                            ),
                            crate::t!("title-matched-hint", code = e.code.as_ref()),
                        ),
                    };
                    let at = old_code.as_ref().map_or(p.title.offset, |o| o.offset);
                    diags.push(p.error_at(at, message).as_warning().with_hint(hint));
                }
                Found::Several(candidates) => {
                    p.candidates = candidates.iter().map(|e| e.described()).collect();
                    let list: Vec<String> = p
                        .candidates
                        .iter()
                        .enumerate()
                        .map(|(i, e)| format!("{}. {e}", i + 1))
                        .collect();
                    let message = match &old_code {
                        Some(old) => crate::t!("code-old-candidates", old = &old.value),
                        None => crate::t!("title-candidates"),
                    };
                    let at = old_code.as_ref().map_or(p.title.offset, |o| o.offset);
                    diags.push(
                        p.error_at(at, format!("{message}\n  {}", list.join("\n  ")))
                            .as_warning()
                            .with_hint(crate::t!("title-candidates-hint")),
                    );
                }
                Found::None => {
                    if let Some(old) = &old_code {
                        diags.push(
                            p.error_at(old.offset, crate::t!("code-old", old = &old.value))
                                .as_warning()
                                .with_hint(crate::t!("code-old-hint")),
                        );
                    }
                }
            }
        }
    }

    // Status: the procedure's own, else the campaign's lists'.
    let own = p.status.as_ref().map(|s| (s.value.clone(), s.offset, None));
    let listed = || {
        let c = p.code.as_ref()?;
        let e = catalogue.code(&c.value)?;
        Some((e.status?.to_string(), c.offset, e.from))
    };
    if let Some((text, at, from)) = own.or_else(listed) {
        let from = from.map_or(String::new(), |f| crate::t!("status-from", place = f));
        match Status::parse(&text, today) {
            Status::Repealed { decision } => {
                let decision = decision.unwrap_or_else(|| text.clone());
                diags.push(
                    p.error_at(
                        at,
                        crate::t!("status-repealed", decision = decision, from = from),
                    )
                    .as_warning()
                    .with_hint(crate::t!("status-repealed-hint")),
                );
            }
            Status::NotYet { from: date } => diags.push(
                p.error_at(
                    at,
                    crate::t!("status-not-yet", date = date, text = &text, from = from),
                )
                .as_warning()
                .with_hint(crate::t!("status-not-yet-hint")),
            ),
            Status::InForce => {}
        }
    }
    diags
}

/// The portal page of an entry, when its id is known.
pub fn page(entry: &Entry) -> Option<String> {
    let id = portal::formality_id(entry.formality_id.as_deref()?)?;
    Some(portal::detail_page(&id))
}
