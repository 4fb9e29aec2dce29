//! The command line: arguments → work → files on disk and an exit code.
//!
//! Exit codes: 0 success, 1 bad input (each problem on stderr as
//! `file:line:col: ...`), 2 bad usage (clap's own).

pub(crate) mod build;
mod check;
mod claims;
pub(crate) mod find;
pub(crate) mod import;
pub(crate) mod init;
pub(crate) mod make;
mod qr;
mod single;
mod watch;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::diag::{Diagnostics, Severity};
use crate::model::{Lang, Size};

#[derive(Parser, Debug)]
#[command(
    name = "toroi",
    version,
    about = "Print-ready posters, handbooks, leaflets and QR cards for administrative procedures, each with a QR code that opens the procedure online",
    long_about = "toroi (tờ rơi) turns procedure files (one TOML file per thủ tục hành chính) into print-ready PDFs for the one-stop desk \
and for households: posters, handbooks (cẩm nang) and booklets, tri-fold leaflets (tờ gấp), QR cards and PNG images for Zalo, each QR code opening the procedure's page on the public-service portal.",
    after_help = "Examples:\n  toroi init xa-moi --ten \"Ủy ban nhân dân xã Mới\"\n  \
toroi build examples/phuong-1/toroi.toml\n  \
toroi poster procedures/dang-ky-khai-sinh.toml -o out/khai-sinh.pdf\n  \
toroi poster procedures/dang-ky-khai-sinh.toml --size a3 --campaign examples/phuong-1/toroi.toml\n  \
toroi handbook procedures/ -o out/cam-nang.pdf\n  \
toroi handbook procedures/ --booklet -o out/cam-nang-in.pdf\n  \
toroi cards procedures/ -o out/the-qr.pdf\n  \
toroi leaflet procedures/dang-ky-khai-sinh.toml procedures/dang-ky-ket-hon.toml -o out/to-gap.pdf\n  \
toroi poster procedures/dang-ky-khai-sinh.toml --png -o out/khai-sinh.png\n  \
toroi poster procedures/dang-ky-khai-sinh.toml --phone -o out/khai-sinh-zalo.png\n  \
toroi handbook procedures/ --bleed 3 --cmyk -o out/cam-nang-nha-in.pdf\n  \
toroi check procedures/ examples/phuong-1/toroi.toml\n  \
toroi import danh-muc.xlsx -o procedures\n  \
toroi handbook danh-muc.xlsx -o out/cam-nang.pdf\n  \
toroi catalog danh-muc.xlsx --size a3 -o out/danh-muc.pdf\n  \
toroi qr https://dichvucong.gov.vn -o qr.png\n\n\
Exit status: 0 done, 1 a problem in the input (each shown as file:line:col), 2 wrong usage."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The folder a campaign may read and write in [default: the campaign's folder, or this folder when it holds the campaign]
    #[arg(long, global = true, value_name = "FOLDER")]
    root: Option<PathBuf>,
    /// Language of the messages and of the printed labels [default: the campaign's `lang`, else vi]
    #[arg(long, global = true, value_enum, ignore_case = true)]
    lang: Option<LangArg>,
}

/// Each subcommand's arguments are defined only when clap needs them
/// (`defer`): a run builds the one it parses, not all fourteen, a twentieth
/// of a poster's time.
#[derive(Subcommand, Debug)]
#[command(defer = true)]
enum Command {
    /// A one-page poster for one procedure: key facts, documents, steps and a large QR code
    Poster {
        /// The procedure file (.toml); or several files, folders and lists for a poster of each
        #[arg(value_name = "PATH", required = true)]
        procedures: Vec<PathBuf>,
        /// Where to write the PDF [default: the procedure's file name with .pdf, in this folder];
        /// for several procedures, a folder [default: posters]
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
        /// Paper size (portrait)
        #[arg(long, value_enum, ignore_case = true, default_value_t = PosterArg::A4)]
        size: PosterArg,
        /// An image laid out for a phone (1080 × 1350 px, for Zalo) instead of the A4 page
        #[arg(long, conflicts_with_all = ["bleed", "cmyk"])]
        phone: bool,
        #[command(flatten)]
        image: ImageArgs,
        #[command(flatten)]
        common: Common,
    },
    /// A tri-fold leaflet (tờ gấp): A4 landscape, both sides, 2 to 6 procedures
    Leaflet {
        /// 2 to 6 procedure files (or folders) [default: the campaign's procedures]
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Where to write the PDF [default: to-gap.pdf]; with --png, OUT-1.png and OUT-2.png
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
        #[command(flatten)]
        image: ImageArgs,
        #[command(flatten)]
        common: Common,
    },
    /// A handbook (cẩm nang): cover, contents, one section per procedure, back cover
    Handbook {
        /// Procedure files and folders (folders are read in file-name order)
        /// [default: the campaign's procedures]
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Where to write the PDF [default: cam-nang.pdf, or cam-nang-in.pdf with --booklet]
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
        /// Page size
        #[arg(long, value_enum, ignore_case = true, default_value_t = HandbookArg::A5)]
        size: HandbookArg,
        /// Impose two pages per sheet side in saddle-stitch order, for an office printer
        #[arg(long)]
        booklet: bool,
        /// Order the sections by field (lĩnh vực), each field opened by a heading
        #[arg(long, value_enum, ignore_case = true)]
        group: Option<GroupArg>,
        #[command(flatten)]
        common: Common,
    },
    /// The catalogue for the notice board: every procedure of a list as a row with its QR code, grouped by field
    Catalog {
        /// Lists (.xlsx, .ods, .csv), procedure files and folders [default: the campaign's procedures]
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Where to write the PDF [default: danh-muc.pdf]
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
        /// Page size (portrait)
        #[arg(long, value_enum, ignore_case = true, default_value_t = PosterArg::A4)]
        size: PosterArg,
        #[command(flatten)]
        common: Common,
    },
    /// Every problem in procedure and campaign files, without writing anything
    Check {
        /// Procedure files, folders of them, lists and campaign files (toroi.toml)
        /// [default: the campaign of this folder]
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Fail (exit 1) on warnings too
        #[arg(long)]
        strict: bool,
        /// The sheet of a list (.xlsx, .ods) to read [default: the first with a header row]
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
    },
    /// A list of procedures (.xlsx, .xls, .ods, .csv) into one procedure file per row, to edit in Notepad
    #[command(
        after_help = "Examples:\n  toroi import danh-muc.xlsx -o procedures\n  toroi import danh-muc.csv --sheet \"Phụ lục\" -o procedures --force\n  toroi import --blank danh-muc.xlsx"
    )]
    Import {
        /// The list: a spreadsheet or CSV file with a row per procedure
        #[arg(value_name = "LIST", required_unless_present = "blank")]
        list: Option<PathBuf>,
        /// The folder to write the procedure files into [default: the list's name]
        #[arg(short, long, value_name = "FOLDER")]
        output: Option<PathBuf>,
        /// The sheet to read [default: the first with a header row toroi recognises]
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Replace procedure files that exist already (edits in them are lost)
        #[arg(long)]
        force: bool,
        /// Write an empty list to fill in (.xlsx) with the headers toroi reads, instead of importing
        #[arg(long, value_name = "OUT.xlsx", conflicts_with_all = ["list", "output", "force", "sheet"])]
        blank: Option<PathBuf>,
    },
    /// QR cards to cut out (85 × 55 mm, ten per A4 sheet with crop marks), one per procedure
    Cards {
        /// Procedure files and folders [default: the campaign's procedures]
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Where to write the PDF [default: the-qr.pdf]; with --png, a folder [default: the-qr]
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
        /// How many cards of each procedure
        #[arg(long, default_value_t = 1, value_parser = |s: &str| whole_number(s, 1, 100), conflicts_with = "png")]
        copies: u32,
        /// Leave the last sheet's empty slots empty (by default they take the cards again, in order)
        #[arg(long, conflicts_with = "png")]
        no_fill: bool,
        #[command(flatten)]
        image: ImageArgs,
        #[command(flatten)]
        common: Common,
    },
    /// A campaign folder ready to build: a commented toroi.toml, two procedures and an empty list
    Init {
        /// The folder to make [default: this folder]
        #[arg(value_name = "FOLDER", default_value = ".")]
        folder: PathBuf,
        /// The office's name, printed on every output (e.g. "Ủy ban nhân dân xã Vĩnh Bảo")
        #[arg(long, value_name = "NAME", visible_alias = "name")]
        ten: Option<String>,
    },
    /// Every output a campaign file lists ([[output]]: posters, handbooks, booklets, leaflets, cards, PNGs)
    Build {
        /// The campaign file
        #[arg(default_value = "toroi.toml", value_name = "toroi.toml")]
        campaign: PathBuf,
        /// Do not read every QR code back from its page before writing (the proof is on by default)
        #[arg(long)]
        no_proof: bool,
        /// The proof is on by default; kept so that older scripts run
        #[arg(long, hide = true, conflicts_with = "no_proof")]
        proof: bool,
    },
    /// Build a campaign, then rebuild what changes each time an input file is saved (Ctrl-C to stop)
    Watch {
        /// The campaign file [default: the campaign of this folder]
        #[arg(default_value = "toroi.toml", value_name = "toroi.toml")]
        campaign: PathBuf,
    },
    /// The campaign in a page of this PC's browser: edit with a live preview, add procedures, print
    Studio {
        /// The campaign's folder [default: this folder]
        #[arg(value_name = "FOLDER", default_value = ".")]
        folder: PathBuf,
        /// Only print the page's address; do not open the browser
        #[arg(long)]
        no_open: bool,
    },
    /// Procedures of the national catalogue that match some words (diacritics optional) or a code
    #[command(
        after_help = "Examples:\n  toroi find ket hon\n  toroi find giay phep xay dung --field \"xây dựng\"\n  toroi find 1.001193\n  toroi find --about"
    )]
    Find {
        /// Words of the title (with or without diacritics), or a code
        #[arg(value_name = "WORDS", required_unless_present = "about")]
        words: Vec<String>,
        /// Only procedures of a field (lĩnh vực) with these words
        #[arg(long, value_name = "WORDS")]
        field: Option<String>,
        /// Show every match [default: the first 20]
        #[arg(long)]
        all: bool,
        /// Where the built-in catalogue comes from, and its date
        #[arg(long, conflicts_with_all = ["field", "all"])]
        about: bool,
    },
    /// A procedure file for each code, started from the national catalogue and the portal's details
    #[command(
        after_help = "Examples:\n  toroi new 1.001193\n  toroi new 1.001193 1.000894 -o thu-tuc\n  toroi new dang ky khai tu"
    )]
    New {
        /// Codes (1.001193), or words that find one procedure
        #[arg(value_name = "CODE", required = true)]
        codes: Vec<String>,
        /// The folder to write into [default: the campaign's procedure folder, else this folder]
        #[arg(short, long, value_name = "FOLDER")]
        output: Option<PathBuf>,
    },
    /// A QR code on its own, as SVG, PNG or PDF (chosen by the output's extension)
    Qr {
        /// The address the code opens (http or https)
        url: String,
        /// Output file: .svg, .png or .pdf
        #[arg(short, long, value_name = "OUT.svg|OUT.png|OUT.pdf")]
        output: PathBuf,
        /// Width and height of a PNG, in pixels
        #[arg(long, default_value_t = 1200, value_parser = |s: &str| whole_number(s, 21, 20_000))]
        px: u32,
        /// Printed width of a PDF, in millimetres, quiet zone included
        #[arg(long, value_name = "MM", default_value_t = 40.0)]
        mm: f32,
    },
}

// Options shared by the commands that print procedures. (A plain comment:
// a doc comment here would be clap's `about` of every command that flattens
// this, put over the command's own when its definition is deferred.)
#[derive(Args, Debug)]
struct Common {
    /// Campaign file with the issuing office (header, logo, contacts) and QR tracking parameters
    /// [default: the toroi.toml of this folder or the nearest folder above it]
    #[arg(long, value_name = "toroi.toml")]
    campaign: Option<PathBuf>,
    /// Print without a campaign, even in a campaign's folder
    #[arg(long, conflicts_with = "campaign")]
    no_campaign: bool,
    /// A template file whose keys override the built-in layout preset (see templates/)
    #[arg(long, value_name = "FILE.toml")]
    template: Option<PathBuf>,
    /// For a print shop: extend the page by this bleed (typically 3) and add crop marks
    #[arg(long, value_name = "MM", value_parser = bleed_mm)]
    bleed: Option<f32>,
    /// For a print shop: write every colour as CMYK
    #[arg(long)]
    cmyk: bool,
    /// The sheet of a list (.xlsx, .ods) to read [default: the first with a header row]
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
}

// Images instead of a PDF. (A plain comment, as for `Common`.)
#[derive(Args, Debug)]
struct ImageArgs {
    /// Write PNG images (to share in Zalo or show on a screen) instead of a PDF;
    /// also chosen by an output file named .png
    #[arg(long, conflicts_with_all = ["bleed", "cmyk"])]
    png: bool,
    /// Width of the PNG images, in pixels [default: 1080; a leaflet's sides 1620, so that
    /// their codes keep 3-pixel modules]
    #[arg(long, value_name = "PX",
          value_parser = |s: &str| whole_number(s, 200, crate::render::png::MAX_PX))]
    px: Option<u32>,
}

/// A whole number from `min` to `max`, refused in the interface's language.
fn whole_number(s: &str, min: u32, max: u32) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(crate::t!("usage-range", min = min, max = max)),
    }
}

fn bleed_mm(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(v) if (0.0..=20.0).contains(&v) => Ok(v),
        _ => Err(crate::t!("bleed-bad")),
    }
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum PosterArg {
    A4,
    A3,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum HandbookArg {
    A5,
    A4,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum GroupArg {
    Field,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum LangArg {
    Vi,
    En,
}

pub fn run() -> ExitCode {
    // glibc maps each block of 128 KB or more afresh and unmaps it when it
    // is freed, until one such block has been freed: from then on blocks up
    // to that size come from the heap and are used again. One megabyte
    // freed first, untouched, spares a poster about 80 fresh pages (a
    // deflater's state, an image's rows), a tenth of a millisecond.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    drop(std::hint::black_box(Vec::<u8>::with_capacity(1 << 20)));
    // Ctrl-C (or a polite kill) deletes the temporary files of unfinished
    // outputs, so that only whole files are ever left behind.
    let _ = ctrlc::set_handler(|| {
        let _held = crate::atomic::remove_pending();
        eprintln!("\n{}", crate::t!("interrupted"));
        std::process::exit(130);
    });
    // The interface's language first: help and every message use it.
    crate::i18n::set(crate::i18n::Ui::from_env(lang_flag().as_deref()));
    // A panic (a library's bug on a stranger's file that no reader caught)
    // is reported as a message below, never as Rust's trace; TOROI_DEBUG
    // shows it for a developer.
    if std::env::var_os("TOROI_DEBUG").is_none() {
        std::panic::set_hook(Box::new(|_| {}));
    }
    if let Some(folder) = double_clicked() {
        return crate::studio::serve(&folder, true);
    }
    match crate::model::input::guarded(|| run_command(parse())) {
        Ok(code) => code,
        Err(reason) => {
            eprintln!(
                "{}: {}",
                crate::t!("diag-error"),
                crate::t!("panic-caught", reason = reason)
            );
            ExitCode::from(1)
        }
    }
}

/// The folder of `toroi.exe` when it was started with no arguments and no
/// terminal to type in: double-clicked in Windows' Explorer (where the
/// console is the program's own) or from a file manager. The studio opens
/// there, for the campaign beside the program or to make one.
fn double_clicked() -> Option<PathBuf> {
    use std::io::IsTerminal;
    if std::env::args_os().len() > 1 {
        return None;
    }
    // In a terminal, `toroi` alone prints the help, as before; on Windows
    // a double-click also opens a console, so no arguments there means the
    // studio.
    if !cfg!(windows) && std::io::stdin().is_terminal() {
        return None;
    }
    if std::env::var_os("TOROI_NO_STUDIO").is_some() {
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    exe.parent().map(Path::to_path_buf)
}

/// Runs one command; its exit code.
fn run_command(args: Cli) -> ExitCode {
    // Before or after any command: the messages' language (read at the
    // start) and the printed labels'.
    let lang = args.lang;
    if let Some(root) = &args.root {
        if !root.is_dir() {
            eprintln!(
                "{}: {}",
                crate::t!("diag-error"),
                crate::t!("root-not-folder", path = root.display())
            );
            return ExitCode::from(2);
        }
        crate::model::root::set_flag(root.clone());
    }
    // A command that runs once works on every core with this thread as one
    // of rayon's: a 2-core PC starts one thread, not two, `join` runs its
    // first half here, and no idle worker spins beside this thread while a
    // logo is decoded. The studio and `watch` wait on other things (the
    // server, the disk), so their pool is rayon's own, every core a worker.
    if !matches!(args.command, Command::Studio { .. } | Command::Watch { .. }) {
        if let Ok(pool) = rayon::ThreadPoolBuilder::new().use_current_thread().build() {
            // Kept for the run: this thread stays one of its workers.
            std::mem::forget(pool);
        }
    }
    let result = match args.command {
        Command::Poster {
            procedures,
            output,
            size,
            phone,
            image,
            common,
        } => {
            let size = match size {
                PosterArg::A4 => Size::A4,
                PosterArg::A3 => Size::A3,
            };
            single::poster(
                &procedures,
                output,
                (size, phone),
                &options(common, image, lang),
            )
        }
        Command::Handbook {
            paths,
            output,
            size,
            booklet,
            group,
            common,
        } => {
            let size = match size {
                HandbookArg::A5 => Size::A5,
                HandbookArg::A4 => Size::A4,
            };
            let group = match group {
                Some(GroupArg::Field) => crate::model::Grouping::Field,
                None => crate::model::Grouping::AsListed,
            };
            let how = (size, booklet, group);
            single::handbook(&paths, output, how, &options(common, NO_IMAGE, lang))
        }
        Command::Cards {
            paths,
            output,
            copies,
            no_fill,
            image,
            common,
        } => {
            let options = single::Options {
                no_fill,
                ..options(common, image, lang)
            };
            single::cards(&paths, output, copies as usize, &options)
        }
        Command::Leaflet {
            paths,
            output,
            image,
            common,
        } => single::leaflet(&paths, output, &options(common, image, lang)),
        Command::Catalog {
            paths,
            output,
            size,
            common,
        } => {
            let size = match size {
                PosterArg::A4 => Size::A4,
                PosterArg::A3 => Size::A3,
            };
            single::catalog(&paths, output, size, &options(common, NO_IMAGE, lang))
        }
        Command::Watch { campaign } => {
            let campaign = match campaign.exists() || campaign != Path::new(CAMPAIGN_FILE) {
                true => campaign,
                false => found_campaign().unwrap_or(campaign),
            };
            return watch::watch(&campaign);
        }
        Command::Studio { folder, no_open } => {
            return crate::studio::serve(&folder, !no_open);
        }
        Command::Init { folder, ten } => init::init(&folder, ten.as_deref()),
        Command::Build {
            campaign,
            no_proof,
            proof: _,
        } => {
            // `toroi build` below a campaign folder builds that campaign.
            let campaign = match campaign.exists() || campaign != Path::new(CAMPAIGN_FILE) {
                true => campaign,
                false => found_campaign().unwrap_or(campaign),
            };
            return build::build(&campaign, !no_proof);
        }
        Command::Import {
            list,
            output,
            sheet,
            force,
            blank,
        } => match (blank, list) {
            (Some(out), _) => import::blank(&out),
            (None, Some(list)) => import::import(&list, output, sheet.as_deref(), force),
            (None, None) => unreachable!("clap requires a list unless --blank"),
        },
        Command::Check {
            paths,
            strict,
            sheet,
        } => {
            // No paths: the campaign of this folder.
            let paths = match (paths.is_empty(), found_campaign_quietly()) {
                (true, Some(c)) => vec![c],
                _ => paths,
            };
            if paths.is_empty() {
                eprintln!(
                    "{}: {}",
                    crate::t!("diag-error"),
                    crate::t!("check-nothing")
                );
                return ExitCode::from(2);
            }
            return check::check(&paths, strict, sheet.as_deref());
        }
        Command::Qr {
            url,
            output,
            px,
            mm,
        } => qr::qr(&url, &output, px, mm),
        Command::Find {
            words,
            field,
            all,
            about,
        } => find::find(&words, field.as_deref(), all, about),
        Command::New { codes, output } => {
            // The campaign's folder takes the files, unless -o says
            // otherwise; its header is on the poster the file must fit.
            let campaign = match output {
                Some(_) => found_campaign_quietly(),
                None => found_campaign(),
            };
            find::new(&codes, output, campaign.as_deref())
        }
    };
    match result {
        Ok(warnings) => {
            report(&warnings);
            ExitCode::SUCCESS
        }
        Err(diags) => {
            report(&diags);
            let n = diags.count(Severity::Error);
            let problems = crate::t!("count-problems", n = n);
            eprintln!(
                "{}: {}",
                crate::t!("diag-error"),
                crate::t!("nothing-written", problems = problems)
            );
            ExitCode::from(1)
        }
    }
}

/// `--lang VALUE` or `--lang=VALUE` among the arguments, before clap reads
/// them: the help it prints is already in that language.
fn lang_flag() -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_owned)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    })
}

/// The arguments, with the help in the interface's language.
fn parse() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    // Most runs are a command that reads: clap's plain command reads it.
    // The localised one below (every help text looked up in the message
    // files, a tenth of a poster's time) is built only to show the help,
    // the version or a mistake, in the interface's language.
    if let Ok(cli) = Cli::command()
        .try_get_matches_from(std::env::args_os())
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        return cli;
    }
    // The version says which national catalogue is inside.
    let version = format!(
        "{} · {}",
        env!("CARGO_PKG_VERSION"),
        crate::t!(
            "version-catalogue",
            date = crate::catalogue::DATE,
            n = crate::catalogue::codes()
        )
    );
    // clap takes a &'static str; the one string lives as long as the run.
    let version: &'static str = Box::leak(version.into_boxed_str());
    let mut cmd = localised(Cli::command()).version(version);
    let vietnamese = crate::i18n::current() == crate::i18n::Ui::Vi;
    if vietnamese {
        cmd = cmd
            .about(crate::t!("help-about"))
            .long_about(None)
            .after_help(crate::t!("help-after"))
            .help_template(crate::t!("help-template"));
    }
    // The subcommands are defined once the command is built (and clap's
    // `help` command added), and only then said in the language.
    cmd.build();
    cmd = localised_subcommands(cmd);
    if vietnamese {
        for (name, id) in [
            ("poster", crate::t!("help-poster")),
            ("leaflet", crate::t!("help-leaflet")),
            ("handbook", crate::t!("help-handbook")),
            ("catalog", crate::t!("help-catalog")),
            ("check", crate::t!("help-check")),
            ("import", crate::t!("help-import")),
            ("cards", crate::t!("help-cards")),
            ("init", crate::t!("help-init")),
            ("build", crate::t!("help-build")),
            ("watch", crate::t!("help-watch")),
            ("qr", crate::t!("help-qr")),
            ("find", crate::t!("help-find")),
            ("new", crate::t!("help-new")),
            ("studio", crate::t!("help-studio")),
        ] {
            // Also in the copies the `help` command lists (`toroi help help`).
            let about = id.clone();
            cmd = cmd
                .mut_subcommand(name, |c| c.about(id))
                .mut_subcommand("help", |h| h.mut_subcommand(name, |c| c.about(about)));
        }
    }
    let mut cmd = cmd.mut_subcommand("help", |h| h.about(crate::t!("help-help")));
    let matches = cmd
        .try_get_matches_from_mut(std::env::args_os())
        .unwrap_or_else(|e| usage_error(e));
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| usage_error(e))
}

/// A mistake in the command line, said in the interface's language, and
/// exit 2. clap's own words are English; the common mistakes are said
/// here, the rare ones left to clap.
fn usage_error(e: clap::Error) -> ! {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    use std::error::Error as _;
    if crate::i18n::current() == crate::i18n::Ui::En && e.kind() != ErrorKind::InvalidSubcommand {
        e.exit()
    }
    let get = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::UnknownArgument => crate::t!("usage-unknown-arg", arg = arg),
        ErrorKind::InvalidSubcommand => crate::t!(
            "usage-unknown-command",
            command = get(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue if value.is_empty() => crate::t!("usage-no-value", arg = arg),
        ErrorKind::InvalidValue => crate::t!("usage-bad-value", arg = arg, value = value),
        ErrorKind::ValueValidation => {
            let reason = e.source().map(|s| s.to_string()).unwrap_or_default();
            crate::t!("usage-bad-value", arg = arg, value = value) + ": " + &reason
        }
        ErrorKind::MissingRequiredArgument => crate::t!("usage-missing", arg = arg),
        ErrorKind::ArgumentConflict => crate::t!(
            "usage-conflict",
            arg = arg,
            other = get(ContextKind::PriorArg).unwrap_or_default()
        ),
        _ => e.exit(),
    };
    eprintln!("{}: {message}", crate::t!("diag-error"));
    if let Some(valid) = get(ContextKind::ValidValue) {
        eprintln!("  {}", crate::t!("usage-valid", values = valid));
    }
    // clap suggests every command within reach ("import, poster" for
    // "postr"); the nearest alone is the one meant.
    let nearest_command = match e.get(ContextKind::SuggestedSubcommand) {
        Some(ContextValue::Strings(v)) => {
            let typed = get(ContextKind::InvalidSubcommand).unwrap_or_default();
            let names: Vec<&str> = v.iter().map(String::as_str).collect();
            crate::model::toml_read::nearest(&typed, &names)
                .map(str::to_owned)
                .or_else(|| v.first().cloned())
        }
        _ => None,
    };
    let suggested = get(ContextKind::SuggestedArg).or(nearest_command);
    if let Some(s) = suggested {
        eprintln!("  {}", crate::t!("usage-did-you-mean", suggestion = s));
    }
    if let Some(usage) = get(ContextKind::Usage) {
        // clap's usage line starts with its own English heading.
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        eprintln!("\n{} {usage}", crate::t!("usage-heading"));
    }
    eprintln!("\n{}", crate::t!("usage-more"));
    std::process::exit(2)
}

/// The top command's own arguments said in the interface's language
/// (global ones: each subcommand gets them as said here when built).
fn localised(cmd: clap::Command) -> clap::Command {
    cmd.mut_arg("root", |a| a.help(crate::t!("arg-root")))
        .mut_arg("lang", |a| a.help(crate::t!("arg-lang")))
}

/// Every argument's help from the message files (`arg-<command>-<name>`,
/// else `arg-<name>`), and clap's help and version flags, whose help clap
/// writes in English, said from there too. Called once the command is
/// built: only then do the subcommands have their arguments (their
/// definitions are deferred, so that a run builds only the one it parses)
/// and the flags exist.
fn localised_subcommands(cmd: clap::Command) -> clap::Command {
    use clap::Arg;
    // clap says "[default: …]" and "[possible values: …]" in English; in
    // Vietnamese toroi says them itself.
    let vietnamese = crate::i18n::current() == crate::i18n::Ui::Vi;
    let defaults = |a: &Arg| {
        if !vietnamese {
            return String::new();
        }
        if !a.get_action().takes_values() {
            return String::new();
        }
        let given: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        let values: Vec<String> = a
            .get_possible_values()
            .iter()
            .map(|v| v.get_name().to_owned())
            .collect();
        let mut s = String::new();
        if !given.is_empty() {
            s += &format!(" [{}]", crate::t!("help-default", value = given.join(", ")));
        }
        if !values.is_empty() {
            s += &format!(
                " [{}]",
                crate::t!("help-values", values = values.join(", "))
            );
        }
        s
    };
    let said = |a: clap::Arg, text: String| a.help(text).long_help(None);
    let mut cmd = cmd
        .mut_arg("help", |a| said(a, crate::t!("arg-help")))
        .mut_arg("version", |a| said(a, crate::t!("arg-version")));
    // clap's `help` subcommand keeps its own words.
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .filter(|n| n != "help")
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |mut sub| {
            let ids: Vec<String> = sub
                .get_arguments()
                .map(|a| a.get_id().to_string())
                .collect();
            for id in ids {
                let text = crate::i18n::lookup(&format!("arg-{name}-{id}"))
                    .or_else(|| crate::i18n::lookup(&format!("arg-{id}")));
                if let Some(text) = text {
                    sub = sub.mut_arg(&id, |a| {
                        // A help that states its own default ("[mặc định:
                        // thư mục này]") says it once.
                        if text.contains('[') && a.get_action().takes_values() {
                            return a.help(text).hide_default_value(true);
                        }
                        let said = defaults(&a);
                        if said.is_empty() {
                            return a.help(text);
                        }
                        a.help(text + &said)
                            .hide_default_value(true)
                            .hide_possible_values(true)
                    });
                }
            }
            sub.mut_arg("help", |a| said(a, crate::t!("arg-help")))
                .help_template(crate::t!("help-sub-template"))
        });
    }
    cmd.mut_subcommand("import", |s| s.after_help(crate::t!("help-import-after")))
}

/// Commands without images.
const NO_IMAGE: ImageArgs = ImageArgs {
    png: false,
    px: None,
};

fn options(c: Common, image: ImageArgs, lang: Option<LangArg>) -> single::Options {
    let campaign = match (c.campaign, c.no_campaign) {
        (Some(given), _) => Some(given),
        (None, true) => None,
        (None, false) => found_campaign(),
    };
    single::Options {
        campaign,
        print: crate::job::Print {
            bleed: c.bleed.unwrap_or(0.0),
            cmyk: c.cmyk,
        },
        lang: lang.map(|l| match l {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }),
        template: c.template,
        sheet: c.sheet,
        no_fill: false,
        png: image.png,
        px: image.px,
    }
}

/// The campaign of the folder a command runs in: its `toroi.toml`, or the
/// nearest one above it (a command run in `thu-tuc/` of a campaign folder
/// belongs to that campaign). Said in one line, as a command that quietly
/// picks up a file would surprise.
fn found_campaign() -> Option<PathBuf> {
    let shown = found_campaign_quietly()?;
    println!("{}", crate::t!("campaign-found", path = shown.display()));
    Some(shown)
}

/// The campaign of this folder or the nearest above, relative to here.
fn found_campaign_quietly() -> Option<PathBuf> {
    let here = std::env::current_dir().ok()?;
    let found = here
        .ancestors()
        .map(|dir| dir.join(CAMPAIGN_FILE))
        .find(|f| f.is_file())?;
    Some(pathdiff(&found, &here))
}

/// The campaign file's name in a campaign folder.
pub const CAMPAIGN_FILE: &str = "toroi.toml";

/// `path` relative to `base` when it lies in or above it ("../toroi.toml").
fn pathdiff(path: &std::path::Path, base: &std::path::Path) -> PathBuf {
    let dir = path.parent().unwrap_or(path);
    let ups = base
        .ancestors()
        .position(|a| a == dir)
        .unwrap_or(usize::MAX);
    if ups == usize::MAX {
        return path.to_path_buf();
    }
    let mut rel = PathBuf::new();
    for _ in 0..ups {
        rel.push("..");
    }
    rel.push(path.file_name().unwrap_or_default());
    rel
}

pub(crate) fn report(diags: &Diagnostics) {
    // What was written so far comes before the problems that follow it.
    let _ = std::io::Write::flush(&mut std::io::stdout());
    let mut diags = diags.clone();
    diags.sort();
    for d in diags.iter() {
        eprintln!("{d}");
    }
}

pub(crate) fn kb(bytes: usize) -> String {
    format!("{} KB", bytes.div_ceil(1024))
}
