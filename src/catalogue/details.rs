//! The portal's detail records (July 2026) for the procedures it has
//! them for (502, 160 of them a commune's): documents, steps, time, fee,
//! results and legal basis as the portal writes them, shipped compressed
//! (`assets/catalogue/details-2026-07.json.gz`) and read only by `toroi
//! new`. The portal's text has defects of its own (a sentence cut
//! mid-word, a time unit "OTHER", a fee of 0 where the province sets it):
//! what is tidied here is the form (markers, numbering, broken lines),
//! never the facts, and a person reads it before it prints.

use std::io::Read;
use std::sync::OnceLock;

use serde::Deserialize;

const DATA: &[u8] = include_bytes!("../../assets/catalogue/details-2026-07.json.gz");

#[derive(Debug, Clone, Deserialize)]
pub struct Detail {
    pub code: String,
    pub id: String,
    pub title: String,
    pub field: String,
    pub agency: String,
    pub results: Vec<String>,
    pub legal_basis: Vec<Basis>,
    pub steps: Vec<Step>,
    pub documents: Vec<Group>,
    pub cases: Vec<Time>,
    pub channels: Vec<Channel>,
    /// The portal page the record was read from.
    pub url: String,
    /// The day it was read (YYYY-MM-DD).
    pub crawled: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Basis {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Step {
    pub name: String,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Group {
    pub group: String,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Time {
    pub qty: Option<f64>,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Channel {
    pub method: Option<String>,
    pub qty: Option<f64>,
    pub unit: Option<String>,
    pub fees: Vec<Fee>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Fee {
    pub vnd: Option<f64>,
    pub text: String,
}

fn all() -> &'static [Detail] {
    static ALL: OnceLock<Vec<Detail>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut json = Vec::new();
        // The data ships with the binary and is tested; a failure here is
        // a broken build, and leaves `new` without details, not broken.
        if flate2::read::GzDecoder::new(DATA)
            .read_to_end(&mut json)
            .is_err()
        {
            return Vec::new();
        }
        match serde_json::from_slice(&json) {
            Ok(v) => v,
            Err(e) => {
                debug_assert!(false, "the shipped details do not read: {e}");
                Vec::new()
            }
        }
    })
}

/// The portal's record for a code, if it has one.
pub fn of(code: &str) -> Option<&'static Detail> {
    let all = all();
    let i = all.partition_point(|d| d.code.as_str() < code);
    all.get(i).filter(|d| d.code == code)
}

/// Text tidied for print: lines that a PDF copy broke mid-sentence joined
/// again, list markers and numbering taken off, one item per line.
pub fn items(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let stripped = crate::text::strip_marker(line);
        let had_marker = stripped.len() != line.len();
        let continues = !had_marker
            && stripped.chars().next().is_some_and(char::is_lowercase)
            && !out.is_empty();
        if continues {
            let last = out.last_mut().expect("not empty");
            last.push(' ');
            last.push_str(stripped);
        } else if !stripped.is_empty() {
            out.push(stripped.to_owned());
        }
    }
    out.into_iter()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

impl Detail {
    /// The documents, group by group: (the group's heading, its items).
    pub fn documents(&self) -> Vec<(String, Vec<String>)> {
        self.documents
            .iter()
            .map(|g| {
                let items: Vec<String> = g.items.iter().flat_map(|i| items(i)).collect();
                let heading = g
                    .group
                    .trim()
                    .trim_start_matches(['*', '-', '+'])
                    .trim()
                    .trim_end_matches(':')
                    .to_owned();
                (heading, items)
            })
            .filter(|(_, items)| !items.is_empty())
            .collect()
    }

    /// The steps, one per item.
    pub fn steps(&self) -> Vec<String> {
        self.steps
            .iter()
            .flat_map(|s| {
                let mut v = items(&s.text);
                let name = s.name.trim();
                if !name.is_empty() {
                    v.insert(0, crate::text::strip_marker(name).to_owned());
                }
                v
            })
            .collect()
    }

    /// The time limit in words, when the portal gives it in a unit people
    /// read ("OTHER" is not one): "07 ngày làm việc", or a range.
    pub fn processing_time(&self) -> Option<String> {
        let times: Vec<(f64, &str)> = self
            .cases
            .iter()
            .filter_map(|c| Some((c.qty?, c.unit.as_deref()?)))
            .chain(
                self.channels
                    .iter()
                    .filter_map(|c| Some((c.qty?, c.unit.as_deref()?))),
            )
            .filter(|(q, u)| *q > 0.0 && unit(u).is_some())
            .collect();
        let first_unit = times.first()?.1;
        let same: Vec<f64> = times
            .iter()
            .filter(|(_, u)| *u == first_unit)
            .map(|(q, _)| *q)
            .collect();
        let min = same.iter().copied().fold(f64::MAX, f64::min);
        let max = same.iter().copied().fold(0.0, f64::max);
        let word = unit(first_unit)?;
        // Printed text is Vietnamese whatever the interface speaks.
        let n = |x: f64| format!("{x:.1}").trim_end_matches(".0").replace('.', ",");
        Some(if min == max {
            format!("{} {word}", n(min))
        } else {
            format!("Từ {} đến {} {word}", n(min), n(max))
        })
    }

    /// The fee as the portal words it, when it does: its texts, once each.
    /// None when it gives only 0 (the province often sets the real fee).
    pub fn fee(&self) -> Option<String> {
        let mut texts: Vec<String> = Vec::new();
        for f in self.channels.iter().flat_map(|c| &c.fees) {
            let t = f.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let t = match t.strip_prefix("Đồng (").and_then(|r| r.strip_suffix(')')) {
                Some(inner) => inner.to_owned(),
                None => t,
            };
            let t = if t.is_empty() {
                match f.vnd {
                    Some(v) if v > 0.0 => format!("{} đồng", crate::text::thousands(v as u64)),
                    _ => continue,
                }
            } else {
                t
            };
            if !texts.contains(&t) {
                texts.push(t);
            }
        }
        (!texts.is_empty()).then(|| texts.join("; "))
    }

    /// How it can be filed, in the words a poster uses.
    pub fn channels(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (method, words) in [
            ("DIRECT", "Trực tiếp tại Bộ phận Một cửa"),
            ("ONLINE", "Trực tuyến trên Cổng Dịch vụ công quốc gia"),
            ("POSTAL", "Qua dịch vụ bưu chính công ích"),
        ] {
            if self
                .channels
                .iter()
                .any(|c| c.method.as_deref() == Some(method))
            {
                out.push(words.to_owned());
            }
        }
        out
    }

    /// The legal basis, each with its number ("Luật Hộ tịch (60/2014/QH13)").
    pub fn legal_basis(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for b in &self.legal_basis {
            let name = b.name.trim();
            let code = b.code.trim();
            let line = if name.is_empty() {
                code.to_owned()
            } else if code.is_empty() || name.contains(code) {
                name.to_owned()
            } else {
                format!("{name} ({code})")
            };
            if !line.is_empty() && !out.contains(&line) {
                out.push(line);
            }
        }
        out
    }
}

fn unit(u: &str) -> Option<&'static str> {
    match u {
        "WORKING_DAY" => Some("ngày làm việc"),
        "DAY" => Some("ngày"),
        "HOUR" => Some("giờ"),
        "MONTH" => Some("tháng"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_portal_records_ship_and_read() {
        let d = of("1.001193").expect("đăng ký khai sinh has a record");
        assert_eq!(d.id, "019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7");
        assert_eq!(d.processing_time().as_deref(), Some("1 ngày làm việc"));
        assert!(d.fee().is_none(), "the portal gives 0: {:?}", d.fee());
        let docs = d.documents();
        assert!(
            docs[0].1.iter().any(|i| i.starts_with("Giấy chứng sinh")),
            "{docs:?}"
        );
        assert!(docs.iter().flat_map(|g| &g.1).all(|i| !i.starts_with('-')));
        let steps = d.steps();
        assert!(steps.len() >= 3, "{steps:?}");
        assert!(steps
            .iter()
            .all(|s| !s.starts_with("- ") && !s.contains('\n')));
        assert!(d.legal_basis().iter().any(|b| b.contains("60/2014/QH13")));
        assert!(of("9.999999").is_none());
    }

    #[test]
    fn amounts_are_written_the_vietnamese_way() {
        assert_eq!(crate::text::thousands(20000), "20.000");
        assert_eq!(crate::text::thousands(1500000), "1.500.000");
        assert_eq!(crate::text::thousands(500), "500");
    }

    #[test]
    fn broken_lines_join_and_markers_go() {
        assert_eq!(
            items("- Nộp hồ sơ tại Trung \nnộp hồ sơ.\n+ Nhận kết quả\n\n(i) Trường hợp"),
            [
                "Nộp hồ sơ tại Trung nộp hồ sơ.",
                "Nhận kết quả",
                "(i) Trường hợp"
            ]
        );
    }
}
