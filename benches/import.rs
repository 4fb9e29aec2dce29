//! `cargo bench --bench import`: the whole `toroi import` process for a
//! 330-row XLSX list (a large commune's count after the 2025 reform), made
//! from xã Vĩnh Bảo's 255 real rows (examples/xa-vinh-bao/) and 75 of them
//! again with their own titles, each row with a two-line documents cell.
//! Prints the median of the process (read, validate, write 330 TOML files),
//! of `toroi check` on the same list, and of `toroi catalog` (the A4
//! catalogue of all 330). Targets: import under 100 ms, catalogue under 150 ms.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// The 330-row list as XLSX, with a title row above the header.
fn list(root: &Path, out: &Path) -> usize {
    let text =
        std::fs::read_to_string(root.join("examples/xa-vinh-bao/danh-muc-2026.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, "DANH MỤC THỦ TỤC HÀNH CHÍNH").unwrap();
    let header = [
        "Mã TTHC",
        "Tên thủ tục hành chính",
        "Lĩnh vực",
        "formality_id",
        "Thành phần hồ sơ",
        "Nguồn",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write(2, c as u16, *h).unwrap();
    }
    let mut n = 0;
    for (i, r) in rows.iter().chain(rows.iter().take(75)).enumerate() {
        let again = i >= rows.len();
        let row = 3 + i as u32;
        // The repeated rows get codes and titles of their own (codes are unique).
        let code = if again {
            format!("9.{i:06}")
        } else {
            r[0].to_owned()
        };
        sheet.write(row, 0, code).unwrap();
        let title = if again {
            format!("{} (bản {})", &r[1], i)
        } else {
            r[1].to_owned()
        };
        sheet.write(row, 1, title).unwrap();
        sheet.write(row, 2, &r[2]).unwrap();
        sheet.write(row, 3, &r[3]).unwrap();
        sheet
            .write(row, 4, "- Tờ khai theo mẫu\n- Giấy tờ tùy thân")
            .unwrap();
        sheet.write(row, 5, &r[5]).unwrap();
        n += 1;
    }
    book.save(out).unwrap();
    n
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let runs = if quick { 5 } else { 21 };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let exe = env!("CARGO_BIN_EXE_toroi");
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("danh-muc.xlsx");
    let n = list(root, &xlsx);
    let mut import = Vec::new();
    let mut check = Vec::new();
    let mut catalog = Vec::new();
    for i in 0..runs {
        let out = dir.path().join(format!("p{i}"));
        let t = Instant::now();
        let status = Command::new(exe)
            .arg("import")
            .arg(&xlsx)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        import.push(t.elapsed());
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), n);
        let t = Instant::now();
        let status = Command::new(exe).arg("check").arg(&xlsx).output().unwrap();
        check.push(t.elapsed());
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
        let t = Instant::now();
        let status = Command::new(exe)
            .arg("catalog")
            .arg(&xlsx)
            .arg("-o")
            .arg(dir.path().join("danh-muc.pdf"))
            .output()
            .unwrap();
        catalog.push(t.elapsed());
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
    }
    println!(
        "toroi import, {n}-row XLSX → {n} TOML files (median of {runs}): {:>7.1} ms",
        median(import).as_secs_f64() * 1e3
    );
    println!(
        "toroi check,  {n}-row XLSX (with an A5 handbook laid out): {:>7.1} ms",
        median(check).as_secs_f64() * 1e3
    );
    let size = std::fs::metadata(dir.path().join("danh-muc.pdf"))
        .unwrap()
        .len();
    println!(
        "toroi catalog, {n}-row XLSX → A4 PDF ({} KB):            {:>7.1} ms",
        size / 1024,
        median(catalog).as_secs_f64() * 1e3
    );
}
