//! The QR target: checking a URL and adding a campaign's tracking parameters.

/// Why a URL cannot be a QR target.
pub fn problem(url: &str) -> Option<(&'static str, &'static str)> {
    let lower = url.to_ascii_lowercase();
    let rest = if let Some(r) = lower.strip_prefix("https://") {
        r
    } else if let Some(r) = lower.strip_prefix("http://") {
        r
    } else {
        return Some((
            "the URL must start with https:// or http://",
            "copy the whole address from the browser's address bar, e.g. https://dichvucong.gov.vn/...",
        ));
    };
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some((
            "the URL contains a space or a line break",
            "remove the spaces; a space inside an address is written %20",
        ));
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || !host.contains('.') && !host.starts_with("localhost") {
        return Some((
            "the URL has no host name after the scheme",
            "write the full address, e.g. https://dichvucong.gov.vn/p/home/...",
        ));
    }
    None
}

/// Appends `key=value` pairs to the query of `url`, before any `#fragment`.
pub fn with_tracking(url: &str, params: &[(String, String)]) -> String {
    if params.is_empty() {
        return url.to_owned();
    }
    let (base, fragment) = match url.find('#') {
        Some(i) => (&url[..i], &url[i..]),
        None => (url, ""),
    };
    let mut out = base.to_owned();
    // "https://host?x" is valid but unusual; "https://host/?x" is what
    // browsers show and what a reader types.
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    if !base[after_scheme..].contains(['/', '?']) {
        out.push('/');
    }
    let mut sep = if base.contains('?') {
        if base.ends_with('?') || base.ends_with('&') {
            ""
        } else {
            "&"
        }
    } else {
        "?"
    };
    for (k, v) in params {
        out.push_str(sep);
        out.push_str(&encode(k));
        out.push('=');
        out.push_str(&encode(v));
        sep = "&";
    }
    out.push_str(fragment);
    out
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_portal_urls_and_refuses_others() {
        assert!(problem("https://dichvucong.gov.vn/p/home/x.html?ma_thu_tuc=1.001193").is_none());
        assert!(problem("HTTP://example.vn").is_none());
        assert!(problem("dichvucong.gov.vn/p").is_some());
        assert!(problem("ftp://example.vn").is_some());
        assert!(problem("https://dichvucong.gov.vn/a b").is_some());
        assert!(problem("https://").is_some());
    }

    #[test]
    fn tracking_goes_into_the_query_before_the_fragment() {
        let p = vec![
            ("utm_source".to_owned(), "toroi".to_owned()),
            ("utm_campaign".to_owned(), "phường 1".to_owned()),
        ];
        assert_eq!(
            with_tracking("https://a.vn/x?id=1#top", &p),
            "https://a.vn/x?id=1&utm_source=toroi&utm_campaign=ph%C6%B0%E1%BB%9Dng%201#top"
        );
        assert_eq!(
            with_tracking("https://a.vn/x", &p[..1]),
            "https://a.vn/x?utm_source=toroi"
        );
        assert_eq!(with_tracking("https://a.vn/x", &[]), "https://a.vn/x");
        assert_eq!(
            with_tracking("https://a.vn", &p[..1]),
            "https://a.vn/?utm_source=toroi"
        );
    }
}
