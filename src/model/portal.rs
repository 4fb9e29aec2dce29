//! What toroi knows of the national public-service portal (dichvucong.gov.vn)
//! since it moved in 2026. The portal answers every address with HTTP 200
//! and a bot check, so a link cannot be verified by fetching it: toroi knows
//! the address forms instead.

use url::Url;

/// The portal's host.
pub const HOST: &str = "dichvucong.gov.vn";

/// The portal's front page, the campaign's link when it names none.
pub const FRONT_PAGE: &str = "https://dichvucong.gov.vn/";

/// A procedure's own page: `https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<id>`.
pub fn detail_page(formality_id: &uuid::Uuid) -> String {
    format!(
        "https://{HOST}/thu-tuc-hanh-chinh/{}",
        formality_id.hyphenated()
    )
}

/// The portal's search for a code or a title; it opens for any code.
pub fn search_page(keyword: &str) -> String {
    let mut url = Url::parse(&format!("https://{HOST}/tim-kiem-thu-tuc-hanh-chinh"))
        .expect("the portal's address parses");
    url.query_pairs_mut().append_pair("keyword", keyword);
    url.into()
}

/// The words a search page of the portal looks for, decoded; None for
/// any other address.
pub fn search_keyword(href: &str) -> Option<String> {
    let url = Url::parse(href).ok()?;
    if url.host_str() != Some(HOST) || url.path() != "/tim-kiem-thu-tuc-hanh-chinh" {
        return None;
    }
    url.query_pairs()
        .find(|(k, _)| k == "keyword")
        .map(|(_, v)| v.into_owned())
        .filter(|v| !v.trim().is_empty())
}

/// A title as a search keyword: its first words, as many as fit in about
/// 120 bytes of the address (a Vietnamese letter takes six to nine once
/// percent-encoded, so about 40 letters). A search needs no more, and a
/// long title (lists copied from PDFs have 900-character ones) would make
/// a code too dense for a catalogue's row or a card.
pub fn title_keywords(title: &str) -> String {
    const ENCODED: usize = 120;
    let encoded = |s: &str| {
        url::form_urlencoded::byte_serialize(s.as_bytes())
            .map(str::len)
            .sum::<usize>()
    };
    let mut out = String::new();
    for word in title.split_whitespace() {
        let cost = encoded(word) + usize::from(!out.is_empty());
        if !out.is_empty() && encoded(&out) + cost > ENCODED {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A portal record id (formality id): a UUID, e.g.
/// `019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7` for 1.001193, đăng ký khai sinh.
pub fn formality_id(text: &str) -> Option<uuid::Uuid> {
    // Only the hyphenated form that the portal's addresses show.
    (text.len() == 36)
        .then(|| uuid::Uuid::try_parse(text).ok())
        .flatten()
}

/// What is wrong with an address as a procedure's target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Concern {
    /// `dichvucong.gov.vn/p/home/…`, reported gone in August 2026; with the
    /// code its `ma_thu_tuc` names, if any.
    Retired { code: Option<String> },
    /// A site's front page: the citizen still has to find the procedure.
    FrontPage { host: String },
}

/// Whether `href` (normalised) is an address a procedure should not use.
pub fn concern(href: &str) -> Option<Concern> {
    let url = Url::parse(href).ok()?;
    let host = url.host_str()?.trim_start_matches("www.");
    if host == HOST && url.path().starts_with("/p/home/") {
        let code = url
            .query_pairs()
            .find(|(k, _)| k == "ma_thu_tuc")
            .map(|(_, v)| v.into_owned())
            .filter(|c| !c.is_empty());
        return Some(Concern::Retired { code });
    }
    if url.path() == "/" && url.query().is_none() && url.fragment().is_none() {
        return Some(Concern::FrontPage {
            host: host.to_owned(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_of_the_2026_portal() {
        let id = formality_id("019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7").unwrap();
        assert_eq!(
            detail_page(&id),
            "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7"
        );
        assert_eq!(
            search_page("1.004222"),
            "https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=1.004222"
        );
        assert_eq!(
            search_page("Đăng ký thường trú"),
            "https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=%C4%90%C4%83ng+k%C3%BD+th%C6%B0%E1%BB%9Dng+tr%C3%BA"
        );
        assert!(formality_id("019d2bfd3fe070acb9d65e9e20d6eef7").is_none());
        assert!(formality_id("019d2bfd-3fe0-70ac-b9d6-5e9e20d6eefz").is_none());
        assert!(formality_id("1.001193").is_none());
    }

    #[test]
    fn retired_routes_and_front_pages_are_concerns() {
        assert_eq!(
            concern("https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193"),
            Some(Concern::Retired { code: Some("1.001193".to_owned()) })
        );
        assert_eq!(
            concern("https://dichvucong.gov.vn/"),
            Some(Concern::FrontPage {
                host: HOST.to_owned()
            })
        );
        assert_eq!(
            concern("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/x"),
            None
        );
        assert_eq!(concern(&search_page("1.004222")), None);
        let long = "Giao đất ở có thu tiền sử dụng đất ".repeat(20);
        let short = title_keywords(&long);
        assert!(
            long.starts_with(&short) && short.split(' ').count() >= 6,
            "{short}"
        );
        assert!(search_page(&short).len() <= 190, "{}", search_page(&short));
    }
}
