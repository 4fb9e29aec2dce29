//! Choosing the mask pattern, the slow part of QR encoding.
//!
//! qrcode's `apply_best_mask` scores the eight masks with boxed closures and
//! an allocation per window: 1.3 ms a code, most of a 200-section handbook's
//! time. This scores them on plain booleans by the same rules (ISO/IEC 18004
//! §7.8.3 as qrcode implements them), so the chosen mask, and the symbol, are
//! identical; a test compares both on hundreds of inputs.

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::types::Color;

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
pub fn best(canvas: &Canvas, width: usize) -> Vec<bool> {
    let mut best: Option<(u32, Vec<bool>)> = None;
    for pattern in PATTERNS {
        let mut c = canvas.clone();
        c.apply_mask(pattern);
        let dark: Vec<bool> = c
            .into_colors()
            .into_iter()
            .map(|m| m == Color::Dark)
            .collect();
        let score = penalty(&dark, width);
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, dark));
        }
    }
    best.expect("eight patterns").1
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
