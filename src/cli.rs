//! The command line: arguments → work → files on disk and an exit code.
//!
//! Exit codes: 0 success, 1 bad input (each problem on stderr as
//! `file:line:col: ...`), 2 bad usage (clap's own).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use qrcode::EcLevel;

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::layout::{self, Labels, PosterSize, Template};
use crate::model::{url, Campaign, Procedure};
use crate::qr::QrMatrix;
use crate::render;
use crate::scene::{Color, Document, Page, Rect, MM};

#[derive(Parser, Debug)]
#[command(
    name = "toroi",
    version,
    about = "Print-ready posters and leaflets for administrative procedures, each with a QR code that opens the procedure online",
    long_about = "toroi (tờ rơi) turns procedure files (one TOML file per thủ tục hành chính) into print-ready PDFs for the one-stop desk, \
each carrying a QR code that opens the procedure's page on the public-service portal.",
    after_help = "Examples:\n  toroi poster procedures/dang-ky-khai-sinh.toml -o out/khai-sinh.pdf\n  \
toroi poster procedures/dang-ky-khai-sinh.toml --size a3 --campaign examples/phuong-1/toroi.toml\n  \
toroi qr https://dichvucong.gov.vn -o qr.png\n\n\
Exit status: 0 done, 1 a problem in the input (each shown as file:line:col), 2 wrong usage."
)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// A one-page poster for one procedure: key facts, documents, steps and a large QR code
    Poster {
        /// The procedure file (.toml)
        procedure: PathBuf,
        /// Where to write the PDF [default: the procedure's file name with .pdf, in this folder]
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
        /// Paper size (portrait)
        #[arg(long, value_enum, default_value_t = SizeArg::A4)]
        size: SizeArg,
        /// Campaign file with the issuing office (header, logo, hotline) and QR tracking parameters
        #[arg(long, value_name = "toroi.toml")]
        campaign: Option<PathBuf>,
    },
    /// A QR code on its own, as SVG, PNG or PDF (chosen by the output's extension)
    Qr {
        /// The address the code opens (http or https)
        url: String,
        /// Output file: .svg, .png or .pdf
        #[arg(short, long, value_name = "OUT.svg|OUT.png|OUT.pdf")]
        output: PathBuf,
        /// Width and height of a PNG, in pixels
        #[arg(long, default_value_t = 1200, value_parser = clap::value_parser!(u32).range(21..=20000))]
        px: u32,
        /// Printed width of a PDF, in millimetres, quiet zone included
        #[arg(long, value_name = "MM", default_value_t = 40.0)]
        mm: f32,
    },
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum SizeArg {
    A4,
    A3,
}

pub fn run() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Command::Poster {
            procedure,
            output,
            size,
            campaign,
        } => poster(&procedure, output, size, campaign.as_deref()),
        Command::Qr {
            url,
            output,
            px,
            mm,
        } => qr(&url, &output, px, mm),
    };
    match result {
        Ok(warnings) => {
            report(&warnings);
            ExitCode::SUCCESS
        }
        Err(diags) => {
            report(&diags);
            let n = diags.count(Severity::Error);
            eprintln!(
                "error: nothing was written ({n} {})",
                if n == 1 { "problem" } else { "problems" }
            );
            ExitCode::from(1)
        }
    }
}

fn report(diags: &Diagnostics) {
    let mut diags = diags.clone();
    diags.sort();
    for d in diags.iter() {
        eprintln!("{d}");
    }
}

fn poster(
    path: &Path,
    output: Option<PathBuf>,
    size: SizeArg,
    campaign: Option<&Path>,
) -> Result<Diagnostics, Diagnostics> {
    let mut diags = Diagnostics::new();
    let procedure = Procedure::load(path).map_err(|d| diags.extend(d)).ok();
    let campaign_path = campaign;
    let campaign = campaign.and_then(|c| Campaign::load(c).map_err(|d| diags.extend(d)).ok());
    let Some(procedure) = procedure else {
        return Err(diags);
    };
    if diags.has_errors() {
        return Err(diags);
    }
    let size = match size {
        SizeArg::A4 => PosterSize::A4,
        SizeArg::A3 => PosterSize::A3,
    };
    let template = Template::poster(size);
    let labels = Labels::vietnamese();
    let out = output.unwrap_or_else(|| {
        PathBuf::from(path.file_stem().unwrap_or_default()).with_extension("pdf")
    });
    let logo = campaign
        .as_ref()
        .and_then(|c| c.issuer.logo.as_ref())
        .map(|l| l.path.as_path());
    let inputs: Vec<&Path> = [Some(path), campaign_path, logo]
        .into_iter()
        .flatten()
        .collect();
    check_output(&out, &inputs)?;

    let poster = layout::poster(&procedure, campaign.as_ref(), &template, &labels)?;
    if poster.shrunk {
        diags.push(
            Diagnostic::warning(format!(
                "the text was shrunk from {} pt to {:.1} pt to fit on one page",
                template.sizes.body, poster.body_size
            ))
            .in_file(path)
            .with_hint("shorter texts, or --size a3, print larger"),
        );
    }
    let author = campaign
        .as_ref()
        .and_then(|c| c.issuer.name.as_ref().map(|n| n.value.clone()))
        .unwrap_or_else(|| labels.default_issuer.clone());
    let doc = Document {
        title: procedure.title.value.clone(),
        author,
        pages: vec![poster.page],
    };
    let bytes = render::pdf::render(&doc);
    crate::output::write_atomic(&out, &bytes)?;
    println!(
        "wrote {} ({} poster, 1 page, {})",
        out.display(),
        template.paper(),
        kb(bytes.len())
    );
    Ok(diags)
}

fn qr(target: &str, out: &Path, px: u32, mm: f32) -> Result<Diagnostics, Diagnostics> {
    if let Some((msg, hint)) = url::problem(target) {
        return Err(Diagnostic::error(format!("{msg}: `{target}`"))
            .with_hint(hint)
            .into());
    }
    let ext = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let qr_error = |e: crate::qr::QrError| {
        Diagnostics::from(
            Diagnostic::error(e.to_string()).with_hint("use a shorter URL, or a larger --mm"),
        )
    };
    // The format is checked before the (slower) encoding.
    if !matches!(ext.as_deref(), Some("svg" | "png" | "pdf")) {
        return Err(
            Diagnostic::error(format!("cannot tell the format of {}", out.display()))
                .with_hint("end the output name with .svg, .png or .pdf")
                .into(),
        );
    }
    let m = match ext.as_deref() {
        Some("pdf") => QrMatrix::for_print(target, EcLevel::M, mm),
        _ => QrMatrix::encode(target, EcLevel::M),
    }
    .map_err(qr_error)?;
    let modules = m.total();
    let (bytes, what) = match ext.as_deref() {
        Some("svg") => (
            render::qr_image::svg(&m, target).into_bytes(),
            format!("{modules} modules, vector"),
        ),
        Some("png") => {
            let png = render::qr_image::png(&m, px)
                .map_err(|e| Diagnostic::error(e).with_hint("give a larger --px"))?;
            (
                png,
                format!("{px} × {px} px, {} px per module", px / modules as u32),
            )
        }
        _ => {
            let side = mm * MM;
            let page = Page {
                width: side,
                height: side,
                items: layout::qr_item(Rect::new(0.0, 0.0, side, side), &m, Color::BLACK, target),
            };
            let doc = Document {
                title: target.to_owned(),
                author: "toroi".to_owned(),
                pages: vec![page],
            };
            (
                render::pdf::render(&doc),
                format!("{mm} mm, {:.2} mm per module", mm / modules as f32),
            )
        }
    };
    crate::output::write_atomic(out, &bytes)?;
    println!("wrote {} ({what}, {})", out.display(), kb(bytes.len()));
    Ok(Diagnostics::new())
}

/// Refuses to overwrite an input file with an output.
fn check_output(out: &Path, inputs: &[&Path]) -> Result<(), Diagnostic> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if let Some(input) = inputs.iter().find(|i| same(out, i)) {
        return Err(Diagnostic::error(format!(
            "the output {} is the input file {}",
            out.display(),
            input.display()
        ))
        .with_hint("give another output name with -o"));
    }
    Ok(())
}

fn kb(bytes: usize) -> String {
    format!("{} KB", bytes.div_ceil(1024))
}
