//! The interface's words: every message toroi says to its user comes from
//! one Fluent file per language (assets/i18n/vi.ftl, en.ftl), plural rules
//! included, so that no message is put together by hand in two languages.
//!
//! The language is chosen once, when the command starts
//! ([`Ui::from_env`]): Vietnamese unless `--lang en`, `TOROI_LANG=en`
//! or a `LANG` starting with `en` says English (in that order). The
//! library alone (its unit tests, the fuzzer) speaks English.

use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    Vi,
    En,
}

impl Ui {
    /// The language asked for: the command's `--lang` (what the user just
    /// typed wins), then `TOROI_LANG`, then `LANG`; Vietnamese when none
    /// says English.
    pub fn from_env(flag: Option<&str>) -> Ui {
        let pick = |v: &str| {
            let v = v.trim().to_ascii_lowercase();
            if v.starts_with("en") {
                Some(Ui::En)
            } else if v.starts_with("vi") {
                Some(Ui::Vi)
            } else {
                None
            }
        };
        flag.and_then(pick)
            .or_else(|| std::env::var("TOROI_LANG").ok().and_then(|v| pick(&v)))
            .or_else(|| std::env::var("LANG").ok().and_then(|v| pick(&v)))
            .unwrap_or(Ui::Vi)
    }

    fn source(self) -> &'static str {
        match self {
            Ui::Vi => include_str!("../assets/i18n/vi.ftl"),
            Ui::En => include_str!("../assets/i18n/en.ftl"),
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Ui::Vi => "vi",
            Ui::En => "en",
        }
    }
}

static CURRENT: OnceLock<Ui> = OnceLock::new();

/// Sets the interface's language, once, before anything is said.
pub fn set(ui: Ui) {
    let _ = CURRENT.set(ui);
}

thread_local! {
    /// The language of the work on this thread, when it is not the
    /// interface's: a studio page switched to the other language.
    static ON_THIS_THREAD: std::cell::Cell<Option<Ui>> = const { std::cell::Cell::new(None) };
}

/// Runs `work` with every message said in `ui` on this thread.
pub fn speaking<T>(ui: Ui, work: impl FnOnce() -> T) -> T {
    struct Restore(Option<Ui>);
    impl Drop for Restore {
        fn drop(&mut self) {
            ON_THIS_THREAD.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(ON_THIS_THREAD.with(|c| c.replace(Some(ui))));
    work()
}

/// `work` made to speak, on whichever of rayon's threads runs it, the
/// language of the thread that made it: a studio page's own language
/// reaches the messages of work done in parallel.
pub fn carried<A, T>(work: impl Fn(A) -> T + Sync + Send) -> impl Fn(A) -> T + Sync + Send {
    let ui = current();
    move |a| speaking(ui, || work(a))
}

/// The interface's language: English until a command sets it.
pub fn current() -> Ui {
    ON_THIS_THREAD
        .with(|c| c.get())
        .or_else(|| CURRENT.get().copied())
        .unwrap_or(Ui::En)
}

// VI_ENTRIES and EN_ENTRIES: where each message is in its file (build.rs).
include!(concat!(env!("OUT_DIR"), "/messages_index.rs"));

/// A language's messages, each parsed the first time it is said: a command
/// says a handful of the file's seven hundred, and parsing them all took a
/// poster a tenth of its work. Where each one is in the file was worked
/// out when toroi was compiled.
struct Messages {
    ui: Ui,
    /// The messages parsed so far.
    bundle: Mutex<FluentBundle<FluentResource>>,
}

impl Messages {
    /// The lines of message `id` in the file.
    fn source(&self, id: &str) -> Option<&'static str> {
        let text = self.ui.source();
        let entries: &[(u32, u32, u32)] = match self.ui {
            Ui::Vi => &VI_ENTRIES,
            Ui::En => &EN_ENTRIES,
        };
        let at = |n: u32| n as usize;
        entries
            .binary_search_by(|&(id_end, start, _)| text[at(start)..at(id_end)].cmp(id))
            .ok()
            .map(|i| &text[at(entries[i].1)..at(entries[i].2)])
    }
}

fn messages(ui: Ui) -> &'static Messages {
    static VI: OnceLock<Messages> = OnceLock::new();
    static EN: OnceLock<Messages> = OnceLock::new();
    let cell = match ui {
        Ui::Vi => &VI,
        Ui::En => &EN,
    };
    cell.get_or_init(|| {
        let lang = ui.tag().parse().expect("a language tag");
        let mut bundle = FluentBundle::new_concurrent(vec![lang]);
        // No Unicode isolation marks around values: a terminal shows them
        // as boxes, and a path in a message must be copied as it is.
        bundle.set_use_isolating(false);
        Messages {
            ui,
            bundle: Mutex::new(bundle),
        }
    })
}

/// The message `id` in the interface's language, with its arguments.
pub fn message(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    message_in(current(), id, args)
}

/// The message `id` in the interface's language, if the files have it.
pub fn lookup(id: &str) -> Option<String> {
    let ui = current();
    messages(ui)
        .source(id)
        .is_some()
        .then(|| message_in(ui, id, &[]))
}

/// The message `id` in `ui`.
pub fn message_in(ui: Ui, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let messages = messages(ui);
    let mut bundle = messages.bundle.lock().unwrap_or_else(|e| e.into_inner());
    if !bundle.has_message(id) {
        if let Some(source) = messages.source(id) {
            let resource =
                FluentResource::try_new(source.to_owned()).expect("the message files parse");
            bundle
                .add_resource(resource)
                .expect("message ids are unique");
        }
    }
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        // A missing id is a bug the tests catch; say it rather than panic.
        return format!("[{id}]");
    };
    let mut fluent_args = FluentArgs::new();
    for (k, v) in args {
        fluent_args.set(*k, v.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// `x` with `places` decimals, as the interface's language writes it:
/// "0,35" in Vietnamese, "0.35" in English.
pub fn decimal(x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    match current() {
        Ui::Vi => s.replace('.', ","),
        Ui::En => s,
    }
}

/// An operating system's error in the interface's language: the common
/// kinds said plainly, anything else as the system says it.
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let id = match e.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::AlreadyExists => "io-exists",
        K::StorageFull => "io-disk-full",
        K::ReadOnlyFilesystem => "io-read-only",
        K::IsADirectory => "io-is-folder",
        K::NotADirectory => "io-not-folder",
        _ => return e.to_string(),
    };
    message(id, &[])
}

/// Every message id of `ui`'s file, for the test that both files have the
/// same ones.
pub fn ids(ui: Ui) -> Vec<String> {
    let resource = FluentResource::try_new(ui.source().to_owned()).expect("parses");
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// `t!("id")`, `t!("id", name = value, …)`: the message in the interface's
/// language. Values are numbers (for plurals) or anything that displays.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::message($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value).0)),+],
        )
    };
}

/// An argument of a message: a number stays a number (plural rules pick
/// by it), anything else is its text.
pub struct Arg(pub FluentValue<'static>);

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg(FluentValue::from(n))
            }
        }
    )*};
}
number_args!(usize, u32, u64, i32, i64);

/// A measure (millimetres, points): at most two decimals, as the
/// interface's language writes them. Not a Fluent number: an f32 would
/// print all its binary digits ("25.399999618530273"), and no plural
/// depends on a measure.
impl From<f32> for Arg {
    fn from(n: f32) -> Arg {
        Arg(FluentValue::from(number(n as f64)))
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Arg {
        Arg(FluentValue::from(number(n)))
    }
}

/// `x` with up to two decimals, trailing zeros dropped ("9,5", "40").
pub fn number(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let s = if s == "-0" { "0" } else { s };
    match current() {
        Ui::Vi => s.replace('.', ","),
        Ui::En => s.to_owned(),
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg(FluentValue::from(s))
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg(FluentValue::from(s.clone()))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg(FluentValue::from(s.to_owned()))
    }
}

impl From<std::path::Display<'_>> for Arg {
    fn from(s: std::path::Display<'_>) -> Arg {
        Arg(FluentValue::from(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each message parsed alone says what the whole file parsed at once
    /// says, with and without its arguments (a plural, a path).
    #[test]
    fn every_message_parsed_alone_reads_as_in_the_whole_file() {
        for ui in [Ui::Vi, Ui::En] {
            let whole = FluentResource::try_new(ui.source().to_owned()).unwrap();
            let mut bundle = FluentBundle::new_concurrent(vec![ui.tag().parse().unwrap()]);
            bundle.set_use_isolating(false);
            bundle.add_resource(whole).unwrap();
            let ids = ids(ui);
            assert!(ids.len() > 500);
            let indexed = match ui {
                Ui::Vi => VI_ENTRIES.len(),
                Ui::En => EN_ENTRIES.len(),
            };
            assert_eq!(indexed, ids.len(), "{ui:?}");
            let mut args = FluentArgs::new();
            for name in ["n", "count", "path", "kind", "what", "more", "page"] {
                args.set(name, FluentValue::from(2));
            }
            for id in &ids {
                let pattern = bundle.get_message(id).unwrap().value().unwrap();
                let mut errors = Vec::new();
                let expected = bundle.format_pattern(pattern, Some(&args), &mut errors);
                let said: Vec<(&str, FluentValue)> =
                    args.iter().map(|(k, v)| (k, v.clone())).collect();
                assert_eq!(message_in(ui, id, &said), expected, "{ui:?} {id}");
            }
        }
    }

    #[test]
    fn both_files_have_the_same_messages_and_every_id_used_exists() {
        let mut vi = ids(Ui::Vi);
        let mut en = ids(Ui::En);
        vi.sort();
        en.sort();
        let only_vi: Vec<_> = vi.iter().filter(|i| !en.contains(i)).collect();
        let only_en: Vec<_> = en.iter().filter(|i| !vi.contains(i)).collect();
        assert!(
            only_vi.is_empty() && only_en.is_empty(),
            "vi only: {only_vi:?}, en only: {only_en:?}"
        );
        // Every t!("id") in the sources names a message of the files.
        let mut used = Vec::new();
        for (p, text) in sources()
            .into_iter()
            .filter(|(p, _)| !p.ends_with("i18n.rs"))
        {
            // `t!("` not ending another macro's name (format!).
            for (at, _) in text.match_indices("t!(\"") {
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[at + 4..];
                if let Some(id) = rest.split('"').next() {
                    used.push((p.display().to_string(), id.to_owned()));
                }
            }
        }
        let missing: Vec<_> = used.iter().filter(|(_, id)| !en.contains(id)).collect();
        assert!(missing.is_empty(), "{missing:?}");
        assert!(used.len() > 20, "{} uses", used.len());
    }

    /// Every source file of the crate, with its text.
    fn sources() -> Vec<(std::path::PathBuf, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut out = Vec::new();
        let mut dirs = vec![root];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&p).unwrap();
                    out.push((p, text));
                }
            }
        }
        out
    }

    /// The sources without their test modules: what a user can be shown.
    fn shipped_sources() -> Vec<(std::path::PathBuf, String)> {
        sources()
            .into_iter()
            .map(|(p, mut text)| {
                if let Some(at) = text.find("\n#[cfg(test)]") {
                    text.truncate(at);
                }
                (p, text)
            })
            .collect()
    }

    /// The text of the call's arguments from `start` (just after its
    /// opening parenthesis) to the matching closing one.
    fn arguments(text: &str, start: usize) -> &str {
        let (mut depth, mut in_str, mut escaped) = (1, false, false);
        for (i, c) in text[start..].char_indices() {
            match (in_str, c) {
                (true, _) if escaped => escaped = false,
                (true, '\\') => escaped = true,
                (true, '"') => in_str = false,
                (true, _) => {}
                (false, '"') => in_str = true,
                (false, '(' | '[' | '{') => depth += 1,
                (false, ')' | ']' | '}') => {
                    depth -= 1;
                    if depth == 0 {
                        return &text[start..start + i];
                    }
                }
                _ => {}
            }
        }
        &text[start..]
    }

    /// Every message and hint a user can be shown goes through the message
    /// files: a text written into a diagnostic in the code would be English
    /// under the Vietnamese interface. A literal with no letters outside
    /// its `{}` placeholders (a format joining translated parts) is fine.
    #[test]
    fn no_message_is_written_in_the_code() {
        let calls = [
            "Diagnostic::error(",
            "Diagnostic::warning(",
            ".with_hint(",
            ".error_at(",
            "println!(",
            "Err(format!(",
        ];
        let mut found = Vec::new();
        for (path, text) in shipped_sources() {
            for call in calls {
                for (at, _) in text.match_indices(call) {
                    let args = arguments(&text, at + call.len());
                    // Drop the t!(…) calls, then look at what literals are left.
                    let mut rest = String::new();
                    let mut i = 0;
                    while i < args.len() {
                        if args[i..].starts_with("t!(") {
                            i += 3 + arguments(&args[i + 3..], 0).len() + 1;
                            continue;
                        }
                        let c = args[i..].chars().next().unwrap();
                        rest.push(c);
                        i += c.len_utf8();
                    }
                    for literal in rest.split('"').skip(1).step_by(2) {
                        let mut words = String::new();
                        let mut depth = 0;
                        let mut chars = literal.chars();
                        while let Some(c) = chars.next() {
                            match c {
                                // An escape (\n, \") is not a word.
                                '\\' => {
                                    chars.next();
                                }
                                '{' => depth += 1,
                                '}' => depth -= 1,
                                c if depth == 0 => words.push(c),
                                _ => {}
                            }
                        }
                        if words.chars().any(|c| c.is_alphabetic()) {
                            let line = text[..at].lines().count();
                            found.push(format!("{}:{line}: \"{literal}\"", path.display()));
                        }
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "messages outside the message files:\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn measures_print_as_people_write_them() {
        // The library speaks English: a point, at most two decimals.
        assert_eq!(number(25.4f32 as f64), "25.4");
        assert_eq!(number(12.000_001), "12");
        assert_eq!(number(9.5), "9.5");
        assert_eq!(number(-5.0), "-5");
        let Arg(v) = Arg::from(25.4f32);
        assert!(format!("{v:?}").contains("25.4"), "{v:?}");
        assert_eq!(decimal(0.347, 2), "0.35");
    }

    #[test]
    fn plurals_follow_each_language() {
        let n = |ui, k: usize| message_in(ui, "summary-outputs", &[("n", FluentValue::from(k))]);
        assert_eq!(n(Ui::En, 1), "1 output");
        assert_eq!(n(Ui::En, 3), "3 outputs");
        assert_eq!(n(Ui::Vi, 1), "1 đầu ra");
        assert_eq!(n(Ui::Vi, 3), "3 đầu ra");
    }
}
