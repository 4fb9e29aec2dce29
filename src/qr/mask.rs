//! Choosing the mask pattern, the slow part of QR encoding.
//!
//! qrcode's `apply_best_mask` scores the eight masks with boxed closures and
//! an allocation per window: 1.3 ms a code, most of a 200-section handbook's
//! time. This scores them by the same rules (ISO/IEC 18004 §7.8.3 as qrcode
//! implements them) on rows and columns held as bit sets, and makes each
//! masked symbol as its version's masked template (made once a run) with
//! the data's dark modules flipped, so the chosen mask, and the symbol, are
//! identical; a test compares both on hundreds of inputs. Symbols wider
//! than 128 modules (never printed) take a plain per-module path.

use std::sync::{Arc, Mutex};

use qrcode::canvas::{Canvas, MaskPattern, Module};
use qrcode::types::{Color, Version};
use qrcode::EcLevel;

const PATTERNS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// The dark modules (row-major) of `canvas` under its best mask; on a tie
/// the first pattern wins, as in qrcode.
pub fn best(canvas: &Canvas, version: Version, ec: EcLevel, width: usize) -> Vec<bool> {
    if width > 128 {
        return best_by_canvas(canvas, width);
    }
    // A masked symbol is its version's template for that mask (function
    // patterns, format information, the mask over the data region) with
    // the data's dark modules flipped: eight XORs of bit sets, where
    // masking a copy of the canvas each time was most of a code's time.
    let templates = templates(version, ec, width);
    let data = Lines::of_data(canvas, width);
    let mut best: Option<(u32, Lines)> = None;
    for t in templates.iter() {
        let masked = t.xor(&data);
        let score = masked.penalty();
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, masked));
        }
    }
    let rows = best.expect("eight patterns").1.rows;
    (0..width * width)
        .map(|i| rows[i / width] >> (i % width) & 1 == 1)
        .collect()
}

/// Every symbol of a version and error correction level under each mask,
/// without its data: made once a run for each (version, level).
fn templates(version: Version, ec: EcLevel, width: usize) -> Arc<[Lines; 8]> {
    type Made = Vec<((usize, u8), Arc<[Lines; 8]>)>;
    static MADE: Mutex<Made> = Mutex::new(Vec::new());
    let key = (width, ec as u8);
    if let Some((_, t)) = MADE
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .find(|(k, _)| *k == key)
    {
        return t.clone();
    }
    let mut empty = Canvas::new(version, ec);
    empty.draw_all_functional_patterns();
    let made: Arc<[Lines; 8]> = Arc::new(PATTERNS.map(|pattern| {
        let mut c = empty.clone();
        c.apply_mask(pattern);
        Lines::of(&c, width)
    }));
    let mut all = MADE.lock().unwrap_or_else(|e| e.into_inner());
    all.push((key, made.clone()));
    made
}

/// The best mask by masking copies of the canvas: symbols wider than 128
/// modules, which no output prints.
fn best_by_canvas(canvas: &Canvas, width: usize) -> Vec<bool> {
    let mut best: Option<(u32, Canvas)> = None;
    for pattern in PATTERNS {
        let mut c = canvas.clone();
        c.apply_mask(pattern);
        let score = penalty(&dark(c.clone()), width);
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, c));
        }
    }
    dark(best.expect("eight patterns").1)
}

fn dark(c: Canvas) -> Vec<bool> {
    c.into_colors()
        .into_iter()
        .map(|m| m == Color::Dark)
        .collect()
}

/// The symbol's rows and columns as bit sets (bit x is module x), for
/// symbols up to version 27: a printed code is never larger.
struct Lines {
    w: usize,
    rows: Vec<u128>,
    columns: Vec<u128>,
}

impl Lines {
    /// The dark data modules of `c` (not yet masked).
    fn of_data(c: &Canvas, w: usize) -> Lines {
        Lines::where_(c, w, |m| m == Module::Unmasked(Color::Dark))
    }

    /// These lines with `other`'s dark modules flipped.
    fn xor(&self, other: &Lines) -> Lines {
        let flip = |a: &[u128], b: &[u128]| a.iter().zip(b).map(|(a, b)| a ^ b).collect();
        Lines {
            w: self.w,
            rows: flip(&self.rows, &other.rows),
            columns: flip(&self.columns, &other.columns),
        }
    }

    /// The dark modules of `c`.
    fn of(c: &Canvas, w: usize) -> Lines {
        Lines::where_(c, w, |m| m.is_dark())
    }

    /// The modules of `c` that `is` holds for.
    fn where_(c: &Canvas, w: usize, is: impl Fn(Module) -> bool) -> Lines {
        let mut rows = vec![0u128; w];
        let mut columns = vec![0u128; w];
        for (y, row) in rows.iter_mut().enumerate() {
            for (x, column) in columns.iter_mut().enumerate() {
                if is(c.get(x as i16, y as i16)) {
                    *row |= 1 << x;
                    *column |= 1 << y;
                }
            }
        }
        Lines { w, rows, columns }
    }

    /// The same rules as [`penalty`], a line at a time.
    fn penalty(&self) -> u32 {
        let w = self.w;
        let all = if w == 128 {
            u128::MAX
        } else {
            (1u128 << w) - 1
        };
        let mut score = 0;
        let mut dark = 0;
        for &line in self.rows.iter().chain(&self.columns) {
            score += bit_runs(line, w) + bit_finders(line, w);
        }
        score -= 2 * 360;
        // N2: module x equals x + 1 in both rows, and the rows agree at x.
        let pairs = all >> 1;
        for pair in self.rows.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let same = !(a ^ (a >> 1)) & !(b ^ (b >> 1)) & !(a ^ b) & pairs;
            score += 3 * same.count_ones();
        }
        for row in &self.rows {
            dark += row.count_ones() as usize;
        }
        let ratio = dark * 200 / (w * w);
        score + ratio.abs_diff(100) as u32
    }
}

/// N1 on a bit line, without a loop: a run of `len` ≥ 5 like modules
/// scores `len` − 2. Bit i of `five` says modules i..=i+4 are alike; a run
/// of `len` sets `len` − 4 bits of it in a row, so the score is the bits
/// set plus two for each group of them (a bit set whose lower neighbour is
/// not).
fn bit_runs(line: u128, w: usize) -> u32 {
    let same = !(line ^ (line >> 1)) & ((1u128 << (w - 1)) - 1);
    let five = same & (same >> 1) & (same >> 2) & (same >> 3);
    five.count_ones() + 2 * (five & !(five << 1)).count_ones()
}

/// N3 on a bit line: the pattern is symmetric, so bit order does not matter.
fn bit_finders(line: u128, w: usize) -> u32 {
    if w < 7 {
        return 0;
    }
    let at =
        line & !(line >> 1) & (line >> 2) & (line >> 3) & (line >> 4) & !(line >> 5) & (line >> 6);
    let mut starts = at & ((1u128 << (w - 6)) - 1);
    let mut score = 0;
    while starts != 0 {
        let j = starts.trailing_zeros() as usize;
        starts &= starts - 1;
        // Four light modules (or the edge) before or after.
        let before = if j >= 4 {
            (line >> (j - 4)) & 0xF
        } else {
            line & ((1 << j) - 1)
        };
        let after = (line >> (j + 7)) & 0xF;
        if before == 0 || after == 0 {
            score += 40;
        }
    }
    score
}

fn penalty(dark: &[bool], w: usize) -> u32 {
    let mut columns = vec![false; dark.len()];
    for y in 0..w {
        for x in 0..w {
            columns[x * w + y] = dark[y * w + x];
        }
    }
    let mut score = 0;
    for line in dark.chunks_exact(w).chain(columns.chunks_exact(w)) {
        score += runs(line) + finders(line);
    }
    // qrcode subtracts the 2 × 9 hits of the three finder patterns themselves.
    score -= 2 * 360;
    for pair in dark.chunks_exact(w).collect::<Vec<_>>().windows(2) {
        let (a, b) = (pair[0], pair[1]);
        for x in 0..w - 1 {
            let c = a[x];
            if a[x + 1] == c && b[x] == c && b[x + 1] == c {
                score += 3;
            }
        }
    }
    let ratio = dark.iter().filter(|d| **d).count() * 200 / dark.len();
    score + ratio.abs_diff(100) as u32
}

/// N1: five or more modules of one colour in a line score length − 2.
fn runs(line: &[bool]) -> u32 {
    let mut score = 0;
    let mut len = 1;
    for pair in line.windows(2) {
        if pair[0] == pair[1] {
            len += 1;
        } else {
            if len >= 5 {
                score += len - 2;
            }
            len = 1;
        }
    }
    if len >= 5 {
        score += len - 2;
    }
    score
}

/// N3: 1:1:3:1:1 dark-light-dark-light-dark with four light modules (or the
/// edge) on at least one side scores 40.
fn finders(line: &[bool]) -> u32 {
    const PATTERN: u32 = 0b1011101;
    let light = |from: usize, to: usize| line[from..to.min(line.len())].iter().all(|d| !d);
    let mut window = 0u32;
    let mut score = 0;
    for (end, &d) in line.iter().enumerate() {
        window = ((window << 1) | d as u32) & 0x7F;
        if end >= 6 && window == PATTERN {
            let start = end - 6;
            if light(start.saturating_sub(4), start) || light(end + 1, end + 5) {
                score += 40;
            }
        }
    }
    score
}
