//! The PDF file itself, written from the document's objects: the header,
//! every stream as an object of its own, the other objects gathered into
//! deflated object streams, and a cross-reference stream.
//!
//! The bytes are those `lopdf::Document::save_with_options` writes with
//! object and cross-reference streams (the test below compares them), but
//! made here because lopdf's save was a tenth of a poster's PDF time: it
//! clones every object and writes each one three times to build its object
//! streams, and deflates each object stream with a zlib state made afresh
//! (a few hundred kilobytes the kernel maps and clears). Here each object
//! is written once, and the object streams are deflated on rayon's threads
//! with the pooled deflaters the other streams use ([`super::Packed`]), at
//! their level (2) rather than lopdf's "fast" (1), which never made one
//! larger.

use std::io::Write;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use rayon::prelude::*;

use super::Packed;

/// An object with its number and generation.
type Numbered = (ObjectId, Object);

/// At most this many objects in one object stream, as lopdf's default.
const PER_OBJECT_STREAM: usize = 100;

/// The whole file of `doc`, each object stream's bytes given to `pack`
/// (which deflates them, or leaves them plain when that is not smaller).
pub(super) fn write(doc: lopdf::Document, pack: impl Fn(Vec<u8>) -> Packed + Sync) -> Vec<u8> {
    let lopdf::Document {
        mut version,
        binary_mark,
        mut trailer,
        objects,
        max_id,
        ..
    } = doc;
    // Object streams need PDF 1.5.
    if version.as_str() < "1.5" {
        version = "1.5".to_owned();
    }
    let (streams, others): (Vec<Numbered>, Vec<Numbered>) = objects
        .into_iter()
        .partition(|(id, o)| matches!(o, Object::Stream(_)) || id.1 != 0);
    // Each object stream: its objects' ids, its dictionary and its bytes.
    let packed: Vec<(Vec<u32>, Dictionary, Packed)> = others
        .par_chunks(PER_OBJECT_STREAM)
        .map(|chunk| {
            let mut offsets = Vec::with_capacity(chunk.len() * 10);
            let mut body = Vec::with_capacity(chunk.len() * 64);
            for ((id, _), object) in chunk {
                put_uint(&mut offsets, *id as u64);
                offsets.push(b' ');
                put_uint(&mut offsets, body.len() as u64);
                offsets.push(b' ');
                put(&mut body, object);
                body.push(b' ');
            }
            let first = offsets.len();
            offsets.extend_from_slice(&body);
            let mut dict = Dictionary::new();
            dict.set("Type", "ObjStm");
            dict.set("N", chunk.len() as i64);
            dict.set("First", first as i64);
            let ids = chunk.iter().map(|((id, _), _)| *id).collect();
            (ids, dict, pack(offsets))
        })
        .collect();

    let mut out = Vec::with_capacity(
        streams
            .iter()
            .map(|(_, o)| match o {
                Object::Stream(s) => s.content.len() + 256,
                _ => 0,
            })
            .sum::<usize>()
            + packed.iter().map(|(_, _, p)| p.len() + 64).sum::<usize>()
            + 1024,
    );
    let mut xref = Xref::default();
    out.extend_from_slice(b"%PDF-");
    out.extend_from_slice(version.as_bytes());
    out.push(b'\n');
    // A binary mark of four bytes over 127 (as lopdf checks).
    if binary_mark.iter().all(|&b| b >= 128) {
        out.push(b'%');
        out.extend_from_slice(&binary_mark);
        out.push(b'\n');
    }
    for ((id, generation), object) in &streams {
        xref.normal(*id, out.len(), *generation);
        indirect(&mut out, *id, *generation, object);
    }
    for (k, (ids, mut dict, bytes)) in packed.into_iter().enumerate() {
        let at = max_id + 1 + k as u32;
        for (index, id) in ids.into_iter().enumerate() {
            xref.set(id, Entry::Compressed(at, index as u16));
        }
        xref.normal(at, out.len(), 0);
        let (content, deflated) = match bytes {
            Packed::Plain(b) => (b, false),
            Packed::Deflated(b) => (b, true),
        };
        dict.set("Length", content.len() as i64);
        if deflated {
            dict.set("Filter", "FlateDecode");
        }
        out.extend_from_slice(format!("{at} 0 obj\n").as_bytes());
        put_stream(&mut out, &dict, &content);
        out.extend_from_slice(b" \nendobj\n");
    }

    // The cross-reference stream, whose dictionary is the trailer.
    let xref_at = out.len();
    let own = xref.next_id(max_id);
    xref.normal(own, xref_at, 0);
    let (table, index) = xref.stream();
    trailer.set("Type", Object::Name(b"XRef".to_vec()));
    trailer.set("Size", i64::from(own + 1));
    trailer.set(
        "W",
        Object::Array(vec![
            Object::Integer(1),
            Object::Integer(4),
            Object::Integer(2),
        ]),
    );
    trailer.set("Index", Object::Array(index));
    trailer.remove(b"Filter");
    trailer.set("Length", table.len() as i64);
    out.extend_from_slice(format!("{own} 0 obj\n").as_bytes());
    put_stream(&mut out, &trailer, &table);
    out.extend_from_slice(b" \nendobj\n");
    out.extend_from_slice(format!("\nstartxref\n{xref_at}\n%%EOF").as_bytes());
    out
}

/// Where each object is: at an offset in the file, or in an object stream.
#[derive(Default)]
struct Xref {
    /// By object number; object 0 is never listed (as lopdf writes it).
    entries: Vec<Option<Entry>>,
}

#[derive(Clone, Copy)]
enum Entry {
    /// At this offset, of this generation.
    Normal(u32, u16),
    /// The `.1`-th object of object stream `.0`.
    Compressed(u32, u16),
}

impl Xref {
    fn set(&mut self, id: u32, entry: Entry) {
        let i = id as usize;
        if self.entries.len() <= i {
            self.entries.resize(i + 1, None);
        }
        self.entries[i] = Some(entry);
    }

    fn normal(&mut self, id: u32, offset: usize, generation: u16) {
        self.set(id, Entry::Normal(offset as u32, generation));
    }

    /// The number after every object so far and after `max_id`.
    fn next_id(&self, max_id: u32) -> u32 {
        (self.entries.len() as u32).max(max_id + 1)
    }

    /// The stream's bytes (`/W [1 4 2]`) and its `/Index`: a run of
    /// consecutive numbers per section, numbers with no object left out.
    fn stream(&self) -> (Vec<u8>, Vec<Object>) {
        let mut bytes = Vec::with_capacity(self.entries.len() * 7);
        let mut index = Vec::new();
        let mut run: Option<(usize, i64)> = None;
        for (id, entry) in self.entries.iter().enumerate().skip(1) {
            let Some(entry) = entry else {
                if let Some((start, n)) = run.take() {
                    index.push(Object::Integer(start as i64));
                    index.push(Object::Integer(n));
                }
                continue;
            };
            run = Some(match run {
                Some((start, n)) => (start, n + 1),
                None => (id, 1),
            });
            let (kind, a, b) = match *entry {
                Entry::Normal(offset, generation) => (1, offset, generation),
                Entry::Compressed(container, i) => (2, container, i),
            };
            bytes.push(kind);
            bytes.extend_from_slice(&a.to_be_bytes());
            bytes.extend_from_slice(&b.to_be_bytes());
        }
        if let Some((start, n)) = run {
            index.push(Object::Integer(start as i64));
            index.push(Object::Integer(n));
        }
        (bytes, index)
    }
}

/// `id generation obj … endobj`, spaced as lopdf spaces it.
fn indirect(out: &mut Vec<u8>, id: u32, generation: u16, object: &Object) {
    put_uint(out, id as u64);
    out.push(b' ');
    put_uint(out, generation as u64);
    out.extend_from_slice(b" obj\n");
    if needs_space_before(object) {
        out.push(b' ');
    }
    put(out, object);
    if needs_space_after(object) {
        out.push(b' ');
    }
    out.extend_from_slice(b"\nendobj\n");
}

fn needs_space_before(o: &Object) -> bool {
    matches!(
        o,
        Object::Null
            | Object::Boolean(_)
            | Object::Integer(_)
            | Object::Real(_)
            | Object::Reference(_)
    )
}

fn needs_space_after(o: &Object) -> bool {
    needs_space_before(o) || matches!(o, Object::Name(_) | Object::Stream(_))
}

fn put_uint(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

fn put_stream(out: &mut Vec<u8>, dict: &Dictionary, content: &[u8]) {
    put_dictionary(out, dict);
    out.extend_from_slice(b"stream\n");
    out.extend_from_slice(content);
    out.extend_from_slice(b"\nendstream");
}

fn put(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(n) => out.extend_from_slice(itoa::Buffer::new().format(*n).as_bytes()),
        // As lopdf writes it (Rust's shortest form that reads back the same).
        Object::Real(r) => {
            let _ = write!(out, "{r}");
        }
        Object::Name(name) => put_name(out, name),
        Object::String(text, StringFormat::Literal) => put_literal(out, text),
        Object::String(text, StringFormat::Hexadecimal) => {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push(b'<');
            for &b in text {
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 15) as usize]);
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 && needs_space_before(item) {
                    out.push(b' ');
                }
                put(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => put_dictionary(out, dict),
        Object::Stream(stream) => put_stream(out, &stream.dict, &stream.content),
        Object::Reference((id, generation)) => {
            put_uint(out, *id as u64);
            out.push(b' ');
            put_uint(out, *generation as u64);
            out.extend_from_slice(b" R");
        }
    }
}

fn put_dictionary(out: &mut Vec<u8>, dict: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict {
        put_name(out, key);
        if needs_space_before(value) {
            out.push(b' ');
        }
        put(out, value);
    }
    out.extend_from_slice(b">>");
}

/// `/name`, white space, delimiters and bytes outside `!`..`~` as `#XX`.
fn put_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&b) || !(33..=126).contains(&b) {
            let _ = write!(out, "#{b:02X}");
        } else {
            out.push(b);
        }
    }
}

/// `(text)`: backslashes, carriage returns and unbalanced parentheses
/// escaped, the rest as it is.
fn put_literal(out: &mut Vec<u8>, text: &[u8]) {
    // The positions to escape: every `\` and `\r`, each `)` with no `(`
    // open before it, and each `(` never closed.
    let mut escape = Vec::new();
    let mut open = Vec::new();
    for (i, &b) in text.iter().enumerate() {
        match b {
            b'(' => open.push(i),
            b')' if open.pop().is_none() => escape.push(i),
            b'\\' | b'\r' => escape.push(i),
            _ => {}
        }
    }
    escape.extend(open);
    escape.sort_unstable();
    out.push(b'(');
    let mut next = escape.iter().peekable();
    for (i, &b) in text.iter().enumerate() {
        if next.peek() == Some(&&i) {
            next.next();
            out.push(b'\\');
            out.push(if b == b'\r' { b'r' } else { b });
        } else {
            out.push(b);
        }
    }
    out.push(b')');
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Stream};

    /// lopdf's own save of `doc`, its object streams left plain.
    fn lopdfs(doc: &lopdf::Document) -> Vec<u8> {
        let mut bytes = Vec::new();
        let options = lopdf::SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            .compression_level(0)
            .build();
        doc.clone().save_with_options(&mut bytes, options).unwrap();
        bytes
    }

    fn plain(doc: &lopdf::Document) -> Vec<u8> {
        write(doc.clone(), Packed::Plain)
    }

    /// Every kind of object, strings that need escaping, names that need
    /// `#`, a gap in the numbers and more objects than one object stream
    /// holds: the bytes are lopdf's, byte for byte.
    #[test]
    fn the_file_is_the_one_lopdf_writes() {
        let mut doc = lopdf::Document::with_version("1.3");
        let pages = doc.new_object_id();
        let content = doc.add_object(Stream::new(dictionary! {}, b"BT ET".to_vec()));
        doc.objects.insert(
            pages,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Count" => 1,
                "Kids" => vec![Object::Reference(content)],
                "Odd name #1" => Object::Name(b"a/b c\xE1".to_vec()),
                "Nums" => vec![Object::Real(0.5), Object::Real(-12.0), Object::Integer(-3), Object::Null, Object::Boolean(true), Object::Boolean(false)],
                "Lit" => Object::String(b"(a) ) \\ \r ( x".to_vec(), StringFormat::Literal),
                "Hex" => Object::String(vec![0, 0xAB, 0x7F], StringFormat::Hexadecimal),
                "Deep" => dictionary! { "A" => vec![Object::Array(vec![]), Object::Dictionary(dictionary! {})] },
            }),
        );
        for i in 0..250 {
            doc.add_object(Object::Integer(i));
        }
        doc.max_id += 3; // numbers with no object
        doc.add_object(Object::String(b"last".to_vec(), StringFormat::Literal));
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        assert_eq!(
            String::from_utf8_lossy(&plain(&doc)),
            String::from_utf8_lossy(&lopdfs(&doc))
        );
    }

    /// Real documents (a handbook, posters, cards), as the renderer
    /// hands them over: lopdf's bytes too; deflated, smaller, and read
    /// back (by lopdf and by qpdf) as the same objects.
    #[test]
    fn real_documents_are_written_as_lopdf_writes_them() {
        use super::super::{objects, tests::documents, Contents, Options};
        for doc in documents().iter().take(3) {
            let lo = objects(doc, Options::default(), Contents::Own);
            assert_eq!(plain(&lo), lopdfs(&lo), "{}", doc.title);
            let packed = write(lo.clone(), Packed::of);
            assert!(packed.len() < plain(&lo).len(), "{}", doc.title);
            let back = lopdf::Document::load_mem(&packed).unwrap();
            for (id, o) in &lo.objects {
                if !matches!(o, Object::Stream(_)) {
                    // (as written: a real 0 reads back as an integer)
                    let read = format!("{:?}", back.get_object(*id).unwrap());
                    assert_eq!(read, format!("{o:?}"), "{}", doc.title);
                }
            }
        }
    }
}
