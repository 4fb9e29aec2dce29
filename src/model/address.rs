//! The QR target: a web address parsed and normalised once, at load, by the
//! `url` crate (the WHATWG URL standard that browsers follow). A phone reads
//! a QR code's bytes as they are, so the code must carry the ASCII form:
//! Vietnamese letters in a path or query percent-encoded, a Vietnamese host
//! name in its punycode form. People read the other form, so printed lines
//! may show [`readable`].

use url::Url;

/// Why `text` cannot be a QR target, with a hint; otherwise its ASCII form.
pub fn normalise(text: &str) -> Result<Url, (String, String)> {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    if !lower.starts_with("https://") && !lower.starts_with("http://") {
        return Err((crate::t!("url-scheme"), crate::t!("url-scheme-hint")));
    }
    // The URL standard quietly drops tabs and line breaks and encodes
    // spaces; in a file they are a mistake (a line pasted in two pieces).
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err((crate::t!("url-space"), crate::t!("url-space-hint")));
    }
    let url = Url::parse(text).map_err(|e| {
        (
            crate::t!("url-invalid", reason = e.to_string()),
            crate::t!("url-invalid-hint"),
        )
    })?;
    match url.host_str() {
        Some(h) if h.contains('.') || h == "localhost" => Ok(url),
        _ => Err((crate::t!("url-no-host"), crate::t!("url-no-host-hint"))),
    }
}

/// Appends `key=value` pairs to the query of `href`, before any `#fragment`.
pub fn with_tracking(href: &str, params: &[(String, String)]) -> String {
    if params.is_empty() {
        return href.to_owned();
    }
    let Ok(mut url) = Url::parse(href) else {
        return href.to_owned();
    };
    url.query_pairs_mut().extend_pairs(params);
    url.into()
}

/// The address as a person reads it: the host in its own letters, the path
/// and query decoded where they decode to text. For printing only.
pub fn readable(href: &str) -> String {
    let Ok(url) = Url::parse(href) else {
        return href.to_owned();
    };
    let host = url.host_str().unwrap_or("");
    let (unicode_host, errors) = idna::domain_to_unicode(host);
    let mut out = href.to_owned();
    if errors.is_ok() && unicode_host != host {
        out = out.replacen(host, &unicode_host, 1);
    }
    decoded(&out).unwrap_or(out)
}

/// `text` with its percent-encoded letters decoded: every byte outside
/// ASCII (Vietnamese letters) and the ASCII marks that mean the same
/// written plainly (`,` `;` `:` `@` `!` `(` `)` …). Those that mean
/// something else once decoded stay encoded: `%26` is an '&' inside a
/// value, `%20` a space, `%2F` a slash inside a name. None when the bytes
/// do not decode to text.
fn decoded(text: &str) -> Option<String> {
    let plain = |b: u8| b.is_ascii_alphanumeric() || b",;:@!$'()*~-._".contains(&b);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(v)) if v >= 0x80 || plain(v) => {
                out.push(v);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// What a printed address says of a page, in the print's words: the word
/// before a code ("mã") and before a search ("tìm").
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    pub code: &'a str,
    pub search: &'a str,
}

/// An address as a person reads and types it, printed under a code: the
/// code carries the exact address; the print only needs to let someone
/// find the page by hand. A page of the national portal is its host and
/// the procedure's code ("dichvucong.gov.vn · mã 1.001193": the portal's
/// search finds it), or the words its search looks for
/// ("dichvucong.gov.vn · tìm: Đăng ký nhận cha, mẹ, con"); any other
/// address is readable (Vietnamese letters, no scheme, no trailing slash).
/// Never the tracking parameters: callers pass the address before
/// tracking is added.
pub fn for_people(href: &str, code: Option<&str>, words: Words) -> String {
    let on_portal = host(href) == super::portal::HOST;
    if let (true, Some(code)) = (on_portal, code) {
        // A no-break space: the word and its code never part at a line's end.
        return format!("{} · {}\u{a0}{code}", super::portal::HOST, words.code);
    }
    if let Some(keyword) = on_portal
        .then(|| super::portal::search_keyword(href))
        .flatten()
    {
        return format!("{} · {}: {keyword}", super::portal::HOST, words.search);
    }
    let shown = readable(href);
    let shown = shown
        .strip_prefix("https://")
        .or_else(|| shown.strip_prefix("http://"))
        .unwrap_or(&shown);
    shown.strip_suffix('/').unwrap_or(shown).to_owned()
}

/// The host of `href`, lower case; empty if it has none.
pub fn host(href: &str) -> String {
    Url::parse(href)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_portal_urls_and_refuses_others() {
        assert!(normalise(
            "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7"
        )
        .is_ok());
        assert!(normalise("HTTP://example.vn").is_ok());
        assert!(normalise("dichvucong.gov.vn/p").is_err());
        assert!(normalise("ftp://example.vn").is_err());
        assert!(normalise("https://dichvucong.gov.vn/a b").is_err());
        assert!(normalise("https://").is_err());
        assert!(normalise("https://a..b:99999/").is_err());
    }

    #[test]
    fn vietnamese_letters_become_ascii() {
        let u = normalise("https://dichvucong.vinhlong.gov.vn/thủ-tục/đăng-ký-khai-tử?q=hộ tịch")
            .map_err(|e| e.0);
        assert!(u.is_err(), "a space is refused");
        let u = normalise("https://xãanbình.vn/thủ-tục/đăng-ký?q=hộ-tịch").unwrap();
        assert_eq!(
            u.as_str(),
            "https://xn--xanbnh-3ta9e.vn/th%E1%BB%A7-t%E1%BB%A5c/%C4%91%C4%83ng-k%C3%BD?q=h%E1%BB%99-t%E1%BB%8Bch"
        );
        assert!(u.as_str().is_ascii());
        assert_eq!(
            readable(u.as_str()),
            "https://xãanbình.vn/thủ-tục/đăng-ký?q=hộ-tịch"
        );
        // Already ASCII: unchanged, and the host is lower case.
        assert_eq!(
            normalise("https://DichVuCong.gov.vn/x?a=1")
                .unwrap()
                .as_str(),
            "https://dichvucong.gov.vn/x?a=1"
        );
    }

    #[test]
    fn addresses_print_for_people() {
        let id =
            "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7";
        assert_eq!(
            for_people(id, Some("1.001193"), WORDS),
            "dichvucong.gov.vn · mã\u{a0}1.001193"
        );
        assert_eq!(
            for_people(
                "https://xn--xanbnh-3ta9e.vn/th%E1%BB%A7-t%E1%BB%A5c/",
                None,
                WORDS
            ),
            "xãanbình.vn/thủ-tục"
        );
        // The portal's search for a title with a comma: the words searched
        // for, as people read them, never `%2C` or `+`.
        let search = crate::model::portal::search_page("Đăng ký nhận cha, mẹ, con");
        assert!(search.contains("%2C") && search.contains('+'), "{search}");
        assert_eq!(
            for_people(&search, None, WORDS),
            "dichvucong.gov.vn · tìm: Đăng ký nhận cha, mẹ, con"
        );
        // Another site's comma decodes; its '&' inside a value does not.
        assert_eq!(
            for_people("https://a.vn/t%E1%BB%A7c?q=a%2Cb%26c", None, WORDS),
            "a.vn/tủc?q=a,b%26c"
        );
    }

    const WORDS: Words = Words {
        code: "mã",
        search: "tìm",
    };

    #[test]
    fn readable_keeps_what_decoding_would_change() {
        // %26 is a literal '&' inside a value; %20 a space.
        assert_eq!(readable("https://a.vn/x?q=a%26b"), "https://a.vn/x?q=a%26b");
        assert_eq!(readable("https://a.vn/a%20b"), "https://a.vn/a%20b");
    }

    #[test]
    fn tracking_goes_into_the_query_before_the_fragment() {
        let p = vec![
            ("utm_source".to_owned(), "toroi".to_owned()),
            ("utm_campaign".to_owned(), "phường 1".to_owned()),
        ];
        assert_eq!(
            with_tracking("https://a.vn/x?id=1#top", &p),
            "https://a.vn/x?id=1&utm_source=toroi&utm_campaign=ph%C6%B0%E1%BB%9Dng+1#top"
        );
        assert_eq!(
            with_tracking("https://a.vn/x", &p[..1]),
            "https://a.vn/x?utm_source=toroi"
        );
        assert_eq!(with_tracking("https://a.vn/x", &[]), "https://a.vn/x");
        assert_eq!(
            with_tracking("https://a.vn/", &p[..1]),
            "https://a.vn/?utm_source=toroi"
        );
    }
}
