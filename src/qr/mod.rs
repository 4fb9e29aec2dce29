//! URL → QR module matrix → rectangles to fill as one path.
//!
//! Scanning is the point of every page, so the rules live here: error
//! correction M (H with a logo), a 4-module quiet zone that callers keep
//! white, and a minimum printed module size.

mod mask;

use std::sync::Arc;

use qrcode::canvas::Canvas;
use qrcode::EcLevel;

/// Modules of white around the symbol, as ISO/IEC 18004 requires.
pub const QUIET_ZONE: usize = 4;
/// Below this a phone camera cannot resolve the modules.
pub const MIN_MODULE_MM: f32 = 0.5;
/// Below this a code scans only from close up: worth a warning.
pub const COMFORTABLE_MODULE_MM: f32 = 0.7;

/// How an output sizes its QR codes: the template's size at least, grown
/// for a long address until its modules reach `grow_to_module_mm`, by at
/// most `max_growth` times. One per kind of output
/// ([`crate::model::OutputKind::qr_policy`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QrPolicy {
    pub grow_to_module_mm: f32,
    pub max_growth: f32,
}

impl QrPolicy {
    /// Always the template's size.
    pub const FIXED: QrPolicy = QrPolicy {
        grow_to_module_mm: 0.0,
        max_growth: 1.0,
    };
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    /// Modules per side, without the quiet zone.
    pub width: usize,
    dark: Vec<bool>,
    /// The dark modules as runs, made once with the symbol (in parallel,
    /// when the job is resolved) and shared by every drawing of it.
    runs: Arc<[Run]>,
    /// A hash of the width and runs: what makes two symbols one drawing.
    digest: u64,
}

/// A horizontal run of dark modules: row, first column, length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Run {
    pub row: usize,
    pub col: usize,
    pub len: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum QrError {
    /// More data than the largest symbol holds.
    TooLong { chars: usize },
    /// At this printed size the modules would be too small to scan.
    ModulesTooSmall {
        module_mm: f32,
        side_mm: f32,
        needed_mm: f32,
    },
}

impl std::fmt::Display for QrError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QrError::TooLong { chars } => f.write_str(&crate::t!("qr-too-long", chars = *chars)),
            QrError::ModulesTooSmall {
                module_mm,
                side_mm,
                needed_mm,
            } => f.write_str(&crate::t!(
                "qr-modules-too-small",
                side = format!("{side_mm:.0}"),
                module = crate::i18n::decimal(*module_mm as f64, 2),
                min = MIN_MODULE_MM,
                needed = format!("{needed_mm:.0}"),
            )),
        }
    }
}

impl QrMatrix {
    pub fn encode(data: &str, ec: EcLevel) -> Result<QrMatrix, QrError> {
        let too_long = |_| QrError::TooLong {
            chars: data.chars().count(),
        };
        // QrCode::with_error_correction_level, step by step, with a faster mask choice.
        let bits = qrcode::bits::encode_auto(data.as_bytes(), ec).map_err(too_long)?;
        let version = bits.version();
        let (codewords, ec_codewords) =
            qrcode::ec::construct_codewords(&bits.into_bytes(), version, ec).map_err(too_long)?;
        let mut canvas = Canvas::new(version, ec);
        canvas.draw_all_functional_patterns();
        canvas.draw_data(&codewords, &ec_codewords);
        let width = version.width() as usize;
        let dark = mask::best(&canvas, version, ec, width);
        let runs: Arc<[Run]> = runs_of(&dark, width).into();
        Ok(QrMatrix {
            width,
            digest: digest(width, &runs),
            dark,
            runs,
        })
    }

    /// Encodes `data` for printing at `side_mm` (quiet zone included),
    /// refusing a code whose modules would be smaller than [`MIN_MODULE_MM`].
    pub fn for_print(data: &str, ec: EcLevel, side_mm: f32) -> Result<QrMatrix, QrError> {
        let m = QrMatrix::encode(data, ec)?;
        m.side(QrPolicy::FIXED, side_mm)?;
        Ok(m)
    }

    /// Encodes `data` (error correction M) and sizes it by `policy`,
    /// starting from `base_mm`: the code and its side in millimetres.
    pub fn placed(data: &str, policy: QrPolicy, base_mm: f32) -> Result<(QrMatrix, f32), QrError> {
        let m = QrMatrix::encode(data, EcLevel::M)?;
        let side = m.side(policy, base_mm)?;
        Ok((m, side))
    }

    /// The printed side in millimetres (quiet zone included) that `policy`
    /// gives this code, starting from `base_mm`; refused when its modules
    /// would be smaller than [`MIN_MODULE_MM`]. The one sizing rule.
    pub fn side(&self, policy: QrPolicy, base_mm: f32) -> Result<f32, QrError> {
        let total = self.total() as f32;
        let side = (total * policy.grow_to_module_mm).clamp(base_mm, base_mm * policy.max_growth);
        let module_mm = side / total;
        if module_mm < MIN_MODULE_MM {
            return Err(QrError::ModulesTooSmall {
                module_mm,
                side_mm: side,
                needed_mm: (total * MIN_MODULE_MM).ceil(),
            });
        }
        Ok(side)
    }

    /// Modules per side including the quiet zone on both sides.
    pub fn total(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.width + x]
    }

    /// Dark modules merged into horizontal runs; coordinates exclude the quiet zone.
    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// The runs, shared: a drawing of the symbol holds them without a copy.
    pub fn shared_runs(&self) -> Arc<[Run]> {
        self.runs.clone()
    }

    /// A hash of the symbol's modules: equal for equal symbols.
    pub fn digest(&self) -> u64 {
        self.digest
    }
}

/// The dark modules of a `width`-wide symbol, row by row, as runs.
fn runs_of(dark: &[bool], width: usize) -> Vec<Run> {
    let mut runs = Vec::new();
    for (row, line) in dark.chunks(width).enumerate() {
        let mut col = 0;
        while col < width {
            if line[col] {
                let start = col;
                while col < width && line[col] {
                    col += 1;
                }
                runs.push(Run {
                    row,
                    col: start,
                    len: col - start,
                });
            } else {
                col += 1;
            }
        }
    }
    runs
}

/// The width and runs hashed as one run of bytes (field by field, a
/// thousand runs a code cost more than drawing it).
fn digest(width: usize, runs: &[Run]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    width.hash(&mut h);
    let mut bytes = Vec::with_capacity(runs.len() * 6);
    for r in runs {
        for n in [r.row, r.col, r.len] {
            bytes.extend_from_slice(&(n as u16).to_le_bytes());
        }
    }
    h.write(&bytes);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_sizes_its_codes_by_its_policy() {
        use crate::model::OutputKind;
        let short =
            "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7";
        let long = format!("{short}?{}", "utm_campaign=phuong-1-nam-2026&".repeat(4));
        for kind in OutputKind::ALL {
            let (_, side) = QrMatrix::placed(short, kind.qr_policy(), 36.0).unwrap();
            assert!(side >= 36.0, "{kind}: never below the template's size");
        }
        let fixed = QrMatrix::placed(&long, OutputKind::Poster.qr_policy(), 36.0).unwrap();
        assert_eq!(fixed.1, 36.0);
        let (m, grown) = QrMatrix::placed(&long, OutputKind::Handbook.qr_policy(), 36.0).unwrap();
        assert!(grown > 36.0 && grown <= 36.0 * 1.3, "{grown}");
        assert!(grown / m.total() as f32 >= 0.7 - 1e-3 || grown == 36.0 * 1.3);
        // Too long for any growth: refused, never printed too fine.
        let huge = format!("{short}?{}", "x".repeat(1200));
        assert!(QrMatrix::placed(&huge, OutputKind::Leaflet.qr_policy(), 26.0).is_err());
    }

    const URL: &str =
        "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193";

    #[test]
    fn portal_url_is_version_6_at_m() {
        let m = QrMatrix::encode(URL, EcLevel::M).unwrap();
        assert_eq!(m.width, 41);
        assert_eq!(m.total(), 49);
    }

    #[test]
    fn runs_cover_exactly_the_dark_modules() {
        let m = QrMatrix::encode(URL, EcLevel::M).unwrap();
        let mut covered = vec![false; m.width * m.width];
        for r in m.runs() {
            for x in r.col..r.col + r.len {
                assert!(!covered[r.row * m.width + x]);
                covered[r.row * m.width + x] = true;
            }
        }
        for y in 0..m.width {
            for x in 0..m.width {
                assert_eq!(covered[y * m.width + x], m.is_dark(x, y));
            }
        }
    }

    /// The faster mask choice must pick what qrcode itself picks.
    #[test]
    fn symbols_are_identical_to_qrcode_s_own() {
        let mut seed = 7u64;
        for n in 0..400 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            // Up to version 13, and a few past the bit-set path's version 27.
            let len = if n % 100 == 99 {
                1200 + n
            } else {
                1 + (seed >> 33) as usize % 300
            };
            let data: String = (0..len)
                .map(|i| {
                    let pool = "abcXYZ0123456789-._~:/?#[]@!$&'()*+,;=%ạờữ";
                    pool.chars()
                        .nth((seed as usize >> (i % 40)) % 45 + i % 3)
                        .unwrap_or('x')
                })
                .collect();
            for ec in [EcLevel::M, EcLevel::H, EcLevel::L] {
                let ours = QrMatrix::encode(&data, ec);
                let theirs = qrcode::QrCode::with_error_correction_level(data.as_bytes(), ec);
                let (Ok(ours), Ok(theirs)) = (&ours, theirs) else {
                    assert!(ours.is_err(), "both refuse a symbol too large");
                    continue;
                };
                let dark: Vec<bool> = theirs
                    .to_colors()
                    .into_iter()
                    .map(|c| c == qrcode::Color::Dark)
                    .collect();
                assert_eq!(
                    (ours.width, &ours.dark),
                    (theirs.width(), &dark),
                    "input {n}: {data}"
                );
            }
        }
    }

    #[test]
    fn small_print_size_is_refused_for_long_urls() {
        assert!(QrMatrix::for_print(URL, EcLevel::M, 25.0).is_ok());
        let long = format!("{URL}&x={}", "a".repeat(600));
        match QrMatrix::for_print(&long, EcLevel::M, 40.0) {
            Err(QrError::ModulesTooSmall { module_mm, .. }) => assert!(module_mm < 0.5),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            QrMatrix::encode(&"a".repeat(3000), EcLevel::M),
            Err(QrError::TooLong { .. })
        ));
    }
}
