//! Lines already broken during one layout, kept while it lasts. A poster
//! is laid out several times to find its largest type and then its
//! spacing: the tries at one size break the same texts at the same widths
//! (a larger code, more space between the parts, the other arrangement's
//! title and facts), and the layout asks here before breaking them again.

use std::cell::RefCell;
use std::collections::HashMap;

use super::font::Font;

/// What the lines were made of, and how.
#[derive(Hash, PartialEq, Eq)]
struct Key {
    text: String,
    /// The font, by its address: fonts are made once and live for the run.
    font: usize,
    size: u32,
    width: u32,
    balanced: bool,
}

thread_local! {
    /// `Some` inside [`remembering`], on the thread that called it.
    static LINES: RefCell<Option<HashMap<Key, Vec<String>>>> = const { RefCell::new(None) };
}

/// Runs `f`, the lines it breaks on this thread remembered until it
/// returns (or unwinds); nested calls share the outer one's.
pub fn remembering<T>(f: impl FnOnce() -> T) -> T {
    struct Forget(bool);
    impl Drop for Forget {
        fn drop(&mut self) {
            if self.0 {
                LINES.with(|l| *l.borrow_mut() = None);
            }
        }
    }
    let started = LINES.with(|l| {
        let mut l = l.borrow_mut();
        let start = l.is_none();
        if start {
            *l = Some(HashMap::new());
        }
        start
    });
    let _forget = Forget(started);
    f()
}

/// The lines of `text` in `font` at `size` within `width` (`balanced`:
/// evened out), made by `make` unless this layout made them already.
pub fn lines(
    text: &str,
    font: &Font,
    size: f32,
    width: f32,
    balanced: bool,
    make: impl FnOnce() -> Vec<String>,
) -> Vec<String> {
    let active = LINES.with(|l| l.borrow().is_some());
    if !active {
        return make();
    }
    let key = Key {
        text: text.to_owned(),
        font: font as *const Font as usize,
        size: size.to_bits(),
        width: width.to_bits(),
        balanced,
    };
    if let Some(lines) = LINES.with(|l| l.borrow().as_ref().and_then(|m| m.get(&key).cloned())) {
        return lines;
    }
    let made = make();
    LINES.with(|l| {
        if let Some(m) = l.borrow_mut().as_mut() {
            m.insert(key, made.clone());
        }
    });
    made
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::FontKind;

    #[test]
    fn lines_are_made_once_inside_and_every_time_outside() {
        let font = FontKind::Regular.font();
        let made = std::cell::Cell::new(0);
        let make = || {
            made.set(made.get() + 1);
            vec!["a".to_owned()]
        };
        remembering(|| {
            lines("a", font, 10.0, 100.0, false, make);
            lines("a", font, 10.0, 100.0, false, make);
            assert_eq!(made.get(), 1);
            // Another size, width or way: made again.
            lines("a", font, 11.0, 100.0, false, make);
            lines("a", font, 10.0, 90.0, false, make);
            lines("a", font, 10.0, 100.0, true, make);
            assert_eq!(made.get(), 4);
            remembering(|| lines("a", font, 10.0, 100.0, false, make));
            assert_eq!(made.get(), 4);
        });
        lines("a", font, 10.0, 100.0, false, make);
        assert_eq!(made.get(), 5, "forgotten when the layout is done");
        let _ = std::panic::catch_unwind(|| remembering(|| panic!("a layout's bug")));
        lines("a", font, 10.0, 100.0, false, make);
        assert_eq!(made.get(), 6, "forgotten when it unwinds too");
    }
}
