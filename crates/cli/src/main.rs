//! `otklik`: validate survey definitions, compute the client-centricity indicators,
//! write the yearly report and the printed questionnaire, merge response files and
//! make demo data.
//!
//! Exit codes: 0 success; 1 the input has problems (listed on stderr); 2 wrong
//! usage; 3 merge conflicts; 4 a file could not be read or written.
#![forbid(unsafe_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};
use otklik_analytics::{analyze, Analysis, Group, Key, Params};
use otklik_survey::{export, import, Lang, Message, Responses, Survey, SurveyError};

mod table;

#[derive(Parser)]
#[command(
    name = "otklik",
    version,
    about = "Client-centricity surveys: indicators, merging and demo data, offline."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Table,
}

#[derive(Subcommand)]
enum Command {
    /// Check a survey definition; list every problem.
    Validate {
        /// The survey definition (JSON).
        survey: PathBuf,
    },
    /// Convert a SurveyJS survey (JSON) into an Otklik definition; list what was left out.
    ImportSurveyjs {
        /// The SurveyJS JSON file.
        input: PathBuf,
        /// Who the survey asks (SurveyJS does not say).
        #[arg(long, value_parser = ["internal", "external"], default_value = "external")]
        audience: String,
        /// The Otklik definition to write.
        #[arg(short, long)]
        out: PathBuf,
    },
    /// Compute the indicators of response files, grouped.
    Indicators {
        /// The survey definition (JSON).
        survey: PathBuf,
        /// Response files (CSV or JSON); merged by response id.
        #[arg(required = true)]
        responses: Vec<PathBuf>,
        /// Group by these keys: `period`, `channel` and/or grouping question ids,
        /// comma-separated.
        #[arg(long, value_delimiter = ',')]
        by: Vec<String>,
        /// Smallest group shown (at least 3; default: the survey's).
        #[arg(long)]
        min_group: Option<u32>,
        /// Include free-text answers of groups large enough.
        #[arg(long)]
        texts: bool,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Merge response files by response id into one file, in random order.
    Merge {
        /// The survey definition (JSON).
        survey: PathBuf,
        /// Response files (CSV or JSON).
        #[arg(required = true)]
        responses: Vec<PathBuf>,
        /// Output file; `.json` writes JSON, anything else CSV.
        #[arg(short, long)]
        out: PathBuf,
    },
    /// Write the yearly client-centricity report for the General Meeting: HTML, DOCX,
    /// XLSX or CSV, by the output file's extension.
    Report(ReportArgs),
    /// Write a printable A4 questionnaire of a survey: one HTML file, to print or save
    /// as PDF from a browser.
    Paper {
        /// The survey definition (JSON).
        survey: PathBuf,
        /// The language of the survey's texts (the form's own words are Russian for
        /// `ru` and English otherwise).
        #[arg(long, default_value = "ru")]
        lang: String,
        /// The period the form is for (e.g. 2026-Q1); without it, a line to fill in.
        #[arg(long)]
        period: Option<String>,
        /// Larger text (125 %).
        #[arg(long)]
        large: bool,
        /// The HTML file to write.
        #[arg(short, long)]
        out: PathBuf,
    },
    /// Write the two templates and a deterministic synthetic data set for each.
    Demo {
        /// Output folder.
        #[arg(long)]
        out: PathBuf,
        /// Seed of the generator.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Responses per survey (default: about 2,600 internal and 6,000 external).
        #[arg(long)]
        responses: Option<usize>,
    },
}

/// An error already reported on stderr, with its exit code.
#[derive(Debug)]
struct Reported(u8);

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "exit {}", self.0)
    }
}
impl std::error::Error for Reported {}

/// The language of messages: `OTKLIK_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`, the first set): Russian for `ru…`, English otherwise.
fn messages_lang() -> Lang {
    ["OTKLIK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .map_or(Lang::En, |s| {
            if s.starts_with("ru") {
                Lang::Ru
            } else {
                Lang::En
            }
        })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli, messages_lang()) {
        Ok(code) => code,
        Err(e) => match e.downcast_ref::<Reported>() {
            Some(Reported(code)) => ExitCode::from(*code),
            None => {
                eprintln!("otklik: {e:#}");
                ExitCode::from(4)
            }
        },
    }
}

/// Why a file operation failed, in `lang` (the system's own text is English only).
fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let key = match e.kind() {
        K::NotFound => "cli-io-not-found",
        K::PermissionDenied => "cli-io-denied",
        K::AlreadyExists => "cli-io-exists",
        K::IsADirectory => "cli-io-is-dir",
        K::NotADirectory => "cli-io-not-dir",
        K::StorageFull => "cli-io-no-space",
        K::ReadOnlyFilesystem => "cli-io-read-only",
        _ => {
            let m = Message::new("cli-io-other").with("detail", e.to_string());
            return m.render(lang);
        }
    };
    Message::new(key).render(lang)
}

/// The complaint `key` (`cli-cannot-…`) about `path`, with the reason, in `lang`.
fn io_failed(key: &'static str, path: &Path, e: &std::io::Error, lang: Lang) -> anyhow::Error {
    let m = Message::new(key)
        .with("path", path.display().to_string())
        .with("reason", io_reason(e, lang));
    anyhow::anyhow!(m.render(lang))
}

fn read(path: &Path, lang: Lang) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| io_failed("cli-cannot-read", path, &e, lang))
}

fn write(path: &Path, bytes: impl AsRef<[u8]>, lang: Lang) -> Result<()> {
    fs::write(path, bytes).map_err(|e| io_failed("cli-cannot-write", path, &e, lang))
}

/// The text of a file that must be UTF-8, or the complaint (exit 1).
fn read_text(path: &Path, lang: Lang) -> Result<String> {
    String::from_utf8(read(path, lang)?).map_err(|_| {
        let m = Message::new("cli-not-utf8").render(lang);
        eprintln!("{}: {m}", path.display());
        Reported(1).into()
    })
}

fn load_survey(path: &Path, lang: Lang) -> Result<Survey> {
    let text = read_text(path, lang)?;
    let name = path.display().to_string();
    Survey::from_json(&text).map_err(|e| {
        match e {
            SurveyError::Syntax {
                line,
                column,
                message,
            } => {
                let m = Message::new("cli-json-syntax").with("detail", message);
                eprintln!("{name}:{line}:{column}: {}", m.render(lang));
            }
            SurveyError::Invalid(problems) => {
                for p in problems {
                    eprintln!("{name}: {}", p.render(lang));
                }
            }
        }
        Reported(1).into()
    })
}

fn load_responses(survey: &Survey, paths: &[PathBuf], lang: Lang) -> Result<Responses> {
    let files = paths
        .iter()
        .map(|p| Ok((p.display().to_string(), read(p, lang)?)))
        .collect::<Result<Vec<_>>>()?;
    let named = files.iter().map(|(n, b)| (n.as_str(), b.as_slice()));
    import::read_set(survey, named, &import::Limits::default()).map_err(|e| {
        for line in e.render(lang) {
            eprintln!("{line}");
        }
        if e.only_conflicts() {
            let m = Message::new("cli-conflicts").with("count", e.conflicts());
            eprintln!("otklik: {}", m.render(lang));
            Reported(3).into()
        } else {
            Reported(1).into()
        }
    })
}

fn random_seed() -> u64 {
    let mut b = [0u8; 8];
    getrandom::getrandom(&mut b).expect("the operating system provides randomness");
    u64::from_le_bytes(b)
}

fn run(cli: Cli, lang: Lang) -> Result<ExitCode> {
    match cli.command {
        Command::Validate { survey } => {
            let s = load_survey(&survey, lang)?;
            let m = Message::new("cli-valid")
                .with("id", format!("{:?}", s.id))
                .with("version", s.version)
                .with("questions", s.questions.len())
                .with("dimensions", s.dimensions.len());
            println!("{}: {}", survey.display(), m.render(lang));
        }
        Command::ImportSurveyjs {
            input,
            audience,
            out,
        } => {
            let name = input.display().to_string();
            let text = read_text(&input, lang)?;
            let audience = if audience == "internal" {
                otklik_survey::Audience::Internal
            } else {
                otklik_survey::Audience::External
            };
            let imported = otklik_survey::surveyjs::import(&text, audience).map_err(|e| {
                match &e {
                    otklik_survey::surveyjs::SurveyJsError::Empty(skipped) => {
                        for s in skipped {
                            eprintln!("{name}: {}", s.render(lang));
                        }
                        eprintln!("{name}: {}", e.render(lang));
                    }
                    _ => eprintln!("{name}: {}", e.render(lang)),
                }
                Reported(1)
            })?;
            for s in &imported.skipped {
                let m = Message::new("cli-not-imported").with("what", s.render(lang));
                eprintln!("{name}: {}", m.render(lang));
            }
            write(&out, format!("{}\n", imported.json), lang)?;
            let m = Message::new("cli-surveyjs-written")
                .with("id", format!("{:?}", imported.survey.id))
                .with("questions", imported.survey.questions.len())
                .with("skipped", imported.skipped.len());
            println!("{}: {}", out.display(), m.render(lang));
        }
        Command::Indicators {
            survey,
            responses,
            by,
            min_group,
            texts,
            format,
        } => {
            let s = load_survey(&survey, lang)?;
            let data = load_responses(&s, &responses, lang)?;
            let params = Params {
                by: by.iter().flat_map(|k| Key::parse_list(k)).collect(),
                min_group,
                texts,
            };
            let analysis = analyze(&s, &data, &params).map_err(|e| {
                eprintln!("otklik: {}", e.message().render(lang));
                Reported(1)
            })?;
            match format {
                Format::Json => println!("{}", serde_json::to_string_pretty(&analysis)?),
                Format::Table => print!("{}", table::render(&s, &analysis, lang)),
            }
        }
        Command::Merge {
            survey,
            responses,
            out,
        } => {
            let s = load_survey(&survey, lang)?;
            let data = load_responses(&s, &responses, lang)?;
            let order = export::shuffled_order(data.len(), random_seed());
            let bytes = if out.extension().is_some_and(|e| e == "json") {
                export::to_json(&s, &data, &order).into_bytes()
            } else {
                export::to_csv(&s, &data, &order)
            };
            write(&out, bytes, lang)?;
            let m = Message::new("cli-responses").with("count", data.len());
            eprintln!("{}: {}", out.display(), m.render(lang));
        }
        Command::Report(args) => report(args, lang)?,
        Command::Paper {
            survey,
            lang: text_lang,
            period,
            large,
            out,
        } => {
            if let Some(p) = &period {
                if let Err(e) = p.parse::<otklik_survey::Period>() {
                    return Err(usage(e.message().render(lang)));
                }
            }
            let s = load_survey(&survey, lang)?;
            let options = otklik_report::paper::Options {
                lang: text_lang,
                period,
                large,
            };
            write(&out, otklik_report::paper::render(&s, &options), lang)?;
        }
        Command::Demo {
            out,
            seed,
            responses,
        } => {
            fs::create_dir_all(out.join("surveys"))
                .map_err(|e| io_failed("cli-cannot-create", &out, &e, lang))?;
            let spec = otklik_demo::Spec {
                responses,
                ..otklik_demo::Spec::default()
            };
            for (i, (survey, text)) in otklik_demo::templates()
                .iter()
                .zip([
                    otklik_demo::INTERNAL_TEMPLATE,
                    otklik_demo::EXTERNAL_TEMPLATE,
                ])
                .enumerate()
            {
                let def = out.join("surveys").join(format!("{}.json", survey.id));
                write(&def, text, lang)?;
                let csv = otklik_demo::generate_csv(survey, &spec, seed.wrapping_add(i as u64));
                let path = out.join(format!("{}.csv", survey.id));
                write(&path, &csv, lang)?;
                let n = csv.iter().filter(|&&b| b == b'\n').count() - 1;
                let m = Message::new("cli-responses-for")
                    .with("count", n)
                    .with("survey", def.display().to_string());
                eprintln!("{}: {}", path.display(), m.render(lang));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The arguments of `otklik report`.
#[derive(Args)]
struct ReportArgs {
    /// The survey definition (JSON).
    survey: PathBuf,
    /// Response files (CSV or JSON); merged by response id. Periods of any
    /// granularity: each is counted in its year.
    #[arg(required = true)]
    responses: Vec<PathBuf>,
    /// The year reported on.
    #[arg(long)]
    year: u16,
    /// A year to compare with (repeatable; default: every earlier year in the data).
    #[arg(long = "compare", value_name = "YEAR")]
    compare: Vec<u16>,
    /// A second survey (say, external clients after internal ones): its definition,
    /// then its response files.
    #[arg(long, num_args = 2.., value_name = "FILE")]
    also: Vec<PathBuf>,
    /// The organisation's name for the title page.
    #[arg(long, default_value = "Организация")]
    org: String,
    /// The report's language.
    #[arg(long, value_parser = ["ru", "en"], default_value = "ru")]
    lang: String,
    /// The date of preparation, YYYY-MM-DD (default: today).
    #[arg(long)]
    date: Option<String>,
    /// A text file whose lines replace the generated recommendations.
    #[arg(long, value_name = "FILE")]
    recommendations: Option<PathBuf>,
    /// Smallest group shown (at least 3; default: the survey's).
    #[arg(long)]
    min_group: Option<u32>,
    /// Output file: .html, .docx, .xlsx or .csv.
    #[arg(short, long)]
    out: PathBuf,
}

fn usage(message: String) -> anyhow::Error {
    eprintln!("otklik: {message}");
    Reported(2).into()
}

/// Today's date (UTC) from the system clock: the shell may read it, the core may not.
fn today() -> otklik_report::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days to civil date (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    otklik_report::Date::new(year, month, day).expect("a calendar date")
}

fn report(a: ReportArgs, lang: Lang) -> Result<()> {
    use otklik_report::{FileHash, Format, Input, Params};
    let format = Format::from_extension(&a.out.to_string_lossy()).ok_or_else(|| {
        let m = Message::new("cli-bad-extension").render(lang);
        usage(format!("{}: {m}", a.out.display()))
    })?;
    let prepared = match &a.date {
        Some(d) => d
            .parse()
            .map_err(|e: otklik_report::Error| usage(e.message().render(lang)))?,
        None => today(),
    };
    let recommendations = match &a.recommendations {
        Some(p) => Some(read_text(p, lang)?),
        None => None,
    };
    let mut sets = vec![(a.survey.clone(), a.responses.clone())];
    if let Some((first, rest)) = a.also.split_first() {
        sets.push((first.clone(), rest.to_vec()));
    }
    let mut loaded = Vec::new();
    for (def, files) in &sets {
        let survey = load_survey(def, lang)?;
        let data = load_responses(&survey, files, lang)?;
        let definition = FileHash::of(def.display().to_string(), &read(def, lang)?);
        let hashes = files
            .iter()
            .map(|f| Ok(FileHash::of(f.display().to_string(), &read(f, lang)?)))
            .collect::<Result<Vec<_>>>()?;
        loaded.push((survey, data, definition, hashes));
    }
    let inputs: Vec<Input<'_>> = loaded
        .iter()
        .map(|(survey, data, definition, files)| Input {
            survey,
            responses: data,
            definition: definition.clone(),
            files: files.clone(),
        })
        .collect();
    let params = Params {
        year: a.year,
        compare: a.compare,
        organisation: a.org,
        lang: a
            .lang
            .parse()
            .map_err(|e: otklik_survey::UnknownLang| usage(e.to_string()))?,
        prepared,
        recommendations,
        min_group: a.min_group,
        app_version: concat!("otklik ", env!("CARGO_PKG_VERSION")).to_owned(),
    };
    let report = otklik_report::build(&inputs, &params).map_err(|e| {
        eprintln!("otklik: {}", e.message().render(lang));
        Reported(1)
    })?;
    let bytes = otklik_report::render(&report, format)?;
    write(&a.out, &bytes, lang)?;
    let m = Message::new("cli-size").with("kb", bytes.len().div_ceil(1024));
    eprintln!("{}: {}", a.out.display(), m.render(lang));
    Ok(())
}

/// Counts of shown and suppressed groups, for the table's footer.
fn group_counts(a: &Analysis) -> (usize, usize) {
    let hidden = a
        .groups
        .iter()
        .filter(|g| matches!(g, Group::Suppressed { .. }))
        .count();
    (a.groups.len() - hidden, hidden)
}
