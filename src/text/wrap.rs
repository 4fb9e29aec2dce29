//! Line breaking: text into lines that fit a width, measured with the real font.
//!
//! Vietnamese separates syllables with spaces, so breaking at spaces is right;
//! a word wider than the line (a long code or URL) is split between characters.

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;

use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;
use std::sync::{OnceLock, RwLock};

use super::font::Font;

#[derive(Debug)]
struct Piece<'a> {
    text: &'a str,
    width: f64,
    /// Width of the space that follows, 0 when the next piece continues the word.
    space: f64,
}

impl Fragment for Piece<'_> {
    fn width(&self) -> f64 {
        self.width
    }
    fn whitespace_width(&self) -> f64 {
        self.space
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Words of two to four syllables a line must not split: the shipped list
/// (assets/words/) and what templates add, lower case, NFC.
#[derive(Default)]
struct Compounds {
    words: HashSet<Cow<'static, str>>,
    /// Their first syllables: most syllables start no listed word, and are
    /// passed over with one lookup.
    firsts: HashSet<Cow<'static, str>>,
}

impl Compounds {
    fn insert(&mut self, words: &str) {
        let words = normal(words);
        if let Some(first) = words.split(' ').next() {
            self.firsts.insert(Cow::Owned(first.to_owned()));
        }
        self.words.insert(Cow::Owned(words));
    }

    /// A shipped word, already lower case, NFC and single-spaced (a test
    /// holds the file to it): borrowed as it is, without being normalised
    /// again by every run (most of a poster's first line break).
    fn insert_normal(&mut self, words: &'static str) {
        if let Some(first) = words.split(' ').next() {
            self.firsts.insert(Cow::Borrowed(first));
        }
        self.words.insert(Cow::Borrowed(words));
    }
}

/// The shipped list's words, one a line, `#` starting a comment line.
fn shipped() -> impl Iterator<Item = &'static str> {
    include_str!("../../assets/words/vi-compounds.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn compounds() -> &'static RwLock<Compounds> {
    static SET: OnceLock<RwLock<Compounds>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = Compounds::default();
        for line in shipped() {
            set.insert_normal(line);
        }
        RwLock::new(set)
    })
}

/// The longest word of the list has this many syllables.
const LONGEST: usize = 4;

fn normal(words: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    words
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .nfc()
        .collect()
}

/// Adds a template's words to those a line must not split. The list only
/// grows, and for the whole run: a word one template keeps whole is a word
/// in every output, and an extra word can only keep a line break out of
/// it, never change what prints.
pub fn keep_together(words: &[String]) {
    if words.is_empty() {
        return;
    }
    let mut set = compounds().write().unwrap_or_else(|e| e.into_inner());
    for w in words {
        let n = w.split_whitespace().count();
        if (2..=LONGEST).contains(&n) {
            set.insert(w);
        }
    }
}

/// Lines of `text` no wider than `max_width` at `size` points. Syllables
/// are broken between, except inside a listed word of two to four
/// syllables ("thủ tục", "hành chính"), which moves to the next line whole.
pub fn wrap(text: &str, font: &Font, size: f32, max_width: f32) -> Vec<String> {
    Measured::new(text, font, size, max_width).lines_at(max_width)
}

/// A text cut into the pieces lines are made of and measured, once, for
/// lines at most `max_width` wide: what a layout trying several widths of
/// one text (a balanced title, a column) measures once, not at every try.
pub struct Measured<'a> {
    text: &'a str,
    font: &'a Font,
    size: f32,
    max_width: f32,
    pieces: Vec<Piece<'a>>,
    /// The widest listed word kept whole, and whether a word had to be
    /// split: at a narrower width the pieces themselves could change.
    widest_joined: f32,
    split: bool,
}

impl<'a> Measured<'a> {
    pub fn new(text: &'a str, font: &'a Font, size: f32, max_width: f32) -> Measured<'a> {
        let space = font.width(" ", size) as f64;
        let mut pieces = Vec::new();
        let (mut widest_joined, mut split) = (0.0f32, false);
        // Words with their byte ranges, so that a compound is one slice,
        // and whether each is its own lower case (looked at once a word,
        // not once for every candidate compound it is part of).
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut lower: Vec<bool> = Vec::new();
        let mut at = 0;
        for w in text.split(' ') {
            if !w.is_empty() {
                words.push((at, at + w.len()));
                lower.push(is_lower(w));
            }
            at += w.len() + 1;
        }
        let set = compounds().read().unwrap_or_else(|e| e.into_inner());
        let mut i = 0;
        while i < words.len() {
            let (start, end) = words[i];
            // The longest listed word starting here, its syllables one
            // space apart.
            let first = &text[start..end];
            let starts_one = if lower[i] {
                set.firsts.contains(first)
            } else {
                set.firsts.contains(first.to_lowercase().as_str())
            };
            let whole = (2..=LONGEST.min(words.len() - i)).rev().find(|&n| {
                if !starts_one {
                    return false;
                }
                let last = words[i + n - 1].1;
                let single_spaced = (i..i + n - 1).all(|k| words[k + 1].0 == words[k].1 + 1);
                let joined = &text[start..last];
                // Most text is lower case already: looked up as it is,
                // without a lowered copy for every candidate.
                let listed = || {
                    if lower[i..i + n].iter().all(|l| *l) {
                        set.words.contains(joined)
                    } else {
                        set.words.contains(joined.to_lowercase().as_str())
                    }
                };
                single_spaced && listed() && font.width(joined, size) <= max_width
            });
            let word = match whole {
                Some(n) => {
                    let joined = &text[start..words[i + n - 1].1];
                    widest_joined = widest_joined.max(font.width(joined, size));
                    i += n;
                    joined
                }
                None => {
                    i += 1;
                    &text[start..end]
                }
            };
            split |= push_word(&mut pieces, word, font, size, max_width, space);
        }
        drop(set);
        Measured {
            text,
            font,
            size,
            max_width,
            pieces,
            widest_joined,
            split,
        }
    }

    /// How many lines `width` (at most the measured width) takes.
    pub fn count_at(&self, width: f32) -> usize {
        if self.same_pieces_at(width) {
            wrap_first_fit(&self.pieces, &[width as f64]).len()
        } else {
            wrap(self.text, self.font, self.size, width).len()
        }
    }

    /// The lines at `width` (at most the measured width).
    pub fn lines_at(&self, width: f32) -> Vec<String> {
        if self.same_pieces_at(width) {
            lines(&self.pieces, width)
        } else {
            wrap(self.text, self.font, self.size, width)
        }
    }

    /// Whether breaking at `width` starts from the same pieces: nothing was
    /// split, and every listed word kept whole still fits (so each is
    /// still kept whole, and no word needs splitting).
    fn same_pieces_at(&self, width: f32) -> bool {
        width == self.max_width
            || (width < self.max_width
                && !self.split
                && self.widest_joined <= width
                && self.pieces.iter().all(|p| p.width <= width as f64))
    }
}

/// Whether `s` is its own lower case: no capital letter in it.
fn is_lower(s: &str) -> bool {
    !s.chars().any(char::is_uppercase)
}

/// Lines of a URL, broken after `/ ? & = . -` where possible, else anywhere.
pub fn wrap_url(url: &str, font: &Font, size: f32, max_width: f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, c) in url.char_indices() {
        if matches!(c, '/' | '?' | '&' | '=' | '.' | '-' | '_') {
            let end = i + c.len_utf8();
            push_word(&mut pieces, &url[start..end], font, size, max_width, 0.0);
            start = end;
        }
    }
    if start < url.len() {
        push_word(&mut pieces, &url[start..], font, size, max_width, 0.0);
    }
    lines(&pieces, max_width)
}

fn push_word<'a>(
    pieces: &mut Vec<Piece<'a>>,
    word: &'a str,
    font: &Font,
    size: f32,
    max: f32,
    space: f64,
) -> bool {
    let width = font.width(word, size);
    if width <= max {
        pieces.push(Piece {
            text: word,
            width: width as f64,
            space,
        });
        return false;
    }
    // Too wide for any line: split it greedily between characters.
    let mut start = 0;
    let mut acc = 0.0;
    for (i, c) in word.char_indices() {
        let w = font.width(c.encode_utf8(&mut [0; 4]), size);
        if acc + w > max && i > start {
            pieces.push(Piece {
                text: &word[start..i],
                width: acc as f64,
                space: 0.0,
            });
            start = i;
            acc = 0.0;
        }
        acc += w;
    }
    pieces.push(Piece {
        text: &word[start..],
        width: acc as f64,
        space,
    });
    true
}

fn lines(pieces: &[Piece<'_>], max_width: f32) -> Vec<String> {
    wrap_first_fit(pieces, &[max_width as f64])
        .into_iter()
        .map(|line| {
            let mut s = String::new();
            for (i, p) in line.iter().enumerate() {
                s.push_str(p.text);
                if p.space > 0.0 && i + 1 < line.len() {
                    s.push(' ');
                }
            }
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped list is read as it is (`insert_normal`): each word must
    /// be what `normal` makes of it, and of two to four syllables.
    #[test]
    fn the_shipped_words_are_already_normal() {
        let mut n = 0;
        for word in shipped() {
            assert_eq!(normal(word), word, "vi-compounds.txt: {word:?}");
            let syllables = word.split(' ').count();
            assert!((2..=LONGEST).contains(&syllables), "{word:?}");
            n += 1;
        }
        assert!(n > 50, "{n} words");
    }

    #[test]
    fn common_two_syllable_words_are_not_split() {
        let font = crate::text::FontKind::Bold.font();
        let text = "Cẩm nang thủ tục hành chính";
        // Every measure from one word to the whole: never "thủ / tục".
        for w in (30..200).map(|w| w as f32 * 2.0) {
            for (compound, first) in [
                ("Cẩm nang", "Cẩm"),
                ("thủ tục", "thủ"),
                ("hành chính", "hành"),
            ] {
                if font.width(compound, 20.0) > w {
                    continue;
                }
                for line in wrap(text, font, 20.0, w) {
                    assert!(!line.ends_with(first), "{line:?} at {w}");
                }
            }
        }
    }
    use crate::text::FontKind;

    const TEXT: &str = "Công chức tư pháp – hộ tịch kiểm tra hồ sơ; nếu đầy đủ, hợp lệ thì ghi vào Sổ hộ tịch và cấp Giấy khai sinh cho người đi đăng ký.";

    #[test]
    fn lines_fit_and_keep_every_word_in_order() {
        let f = FontKind::Regular.font();
        for width in [60.0, 120.0, 200.0, 400.0] {
            let lines = wrap(TEXT, f, 11.0, width);
            for l in &lines {
                assert!(f.width(l, 11.0) <= width + 1e-3, "{l:?} wider than {width}");
            }
            assert_eq!(lines.join(" "), TEXT);
        }
    }

    #[test]
    fn a_word_wider_than_the_line_is_split_not_overflowing() {
        let f = FontKind::Bold.font();
        let word = "Nghịđịnhsố123/2015/NĐ-CPvàThôngtư04/2020/TT-BTP";
        let lines = wrap(word, f, 12.0, 80.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| f.width(l, 12.0) <= 80.0 + 1e-3));
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn urls_break_after_separators() {
        let f = FontKind::Regular.font();
        let url = "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193";
        let lines = wrap_url(url, f, 7.0, 120.0);
        assert!(lines.len() >= 2);
        assert_eq!(lines.concat(), url);
        assert!(lines.iter().all(|l| f.width(l, 7.0) <= 120.0 + 1e-3));
    }
}
