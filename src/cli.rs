//! Command-line definitions (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use calque::finding::{Category, Severity};

#[derive(Parser, Debug)]
#[command(
    name = "calque",
    version,
    about = "Audit machine-translated French news: garbled names, calques, wrong datelines and titles",
    after_help = "Exit codes: 0 ran and no gate failed; 1 a gate failed (--fail-under, --fail-on); \
                  2 could not run as asked (bad usage, bad KB, no input, a document in error \
                  unless --keep-going)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check articles and write the report (CSV by default).
    Check(CheckArgs),
    /// List every rule: id, category, default severity, description (tab-separated).
    Rules {
        /// Only the rules of this category.
        #[arg(long, value_parser = parse_category)]
        category: Option<Category>,
        #[command(flatten)]
        kb: KbArgs,
    },
    /// Explain a rule: what it finds, its pattern, suggestion and examples.
    Explain {
        /// The rule id, e.g. `idiom.prendre-place`.
        rule: String,
        #[command(flatten)]
        kb: KbArgs,
    },
    /// Inspect and validate the knowledge base.
    #[command(subcommand)]
    Kb(KbCommand),
}

#[derive(Subcommand, Debug)]
pub enum KbCommand {
    /// What the KB knows of a name, and which known names it is close to.
    Lookup {
        /// The name, e.g. "Dmytro Kuleba".
        name: String,
        #[command(flatten)]
        kb: KbArgs,
    },
    /// Validate KB files, and run every phrase rule on its examples; print
    /// `file:line: problem` for each bad row (exit 2 on any).
    Check {
        /// A folder of KB files (default: the embedded KB).
        dir: Option<PathBuf>,
    },
}

#[derive(Args, Debug, Clone)]
pub struct KbArgs {
    /// A folder of KB files that adds to or overrides the default KB (repeatable; later wins).
    #[arg(long = "kb", value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Do not load the embedded default KB.
    #[arg(long)]
    pub no_default_kb: bool,
}

/// The report formats of `calque check`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
    Json,
    Sarif,
    Github,
    Pretty,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or folders to check (`-` for standard input). Default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report format: `csv` (the contracted report), `jsonl` (one JSON object
    /// per finding), `json` (one document with scores and totals), `sarif`
    /// (SARIF 2.1.0, for code scanning), `github` (workflow annotations),
    /// `pretty` (for a terminal).
    #[arg(long, value_enum, default_value_t = Format::Csv, value_name = "FORMAT")]
    pub format: Format,
    /// Also write the per-document summary CSV to FILE.
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    #[command(flatten)]
    pub kb: KbArgs,
    /// A word list (one word per line, `#` comments) accepted as French by the
    /// lexical rules: house words, jargon, names (repeatable).
    #[arg(long, value_name = "FILE")]
    pub dictionary: Vec<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Exit 1 if some document scores below SCORE (0-100).
    #[arg(long, value_name = "SCORE", value_parser = parse_score)]
    pub fail_under: Option<f64>,
    /// Exit 1 if some finding is at least this severe (minor, major, critical).
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    pub fail_on: Option<Severity>,
    /// Report findings at or above this confidence (0-1).
    #[arg(long, value_name = "X", default_value = "0.50", value_parser = parse_unit)]
    pub min_confidence: f64,
    /// Do not exit 2 because some documents could not be read (they are still reported).
    #[arg(long)]
    pub keep_going: bool,
    /// A document passes at or above this score (0-100).
    #[arg(long, value_name = "SCORE", default_value = "90", value_parser = parse_score)]
    pub pass_threshold: f64,
    /// House style for Ukrainian toponyms: `afp` (Kiev, Odessa accepted; Kharkov reported),
    /// `ukrainian` (Kiev and Odessa reported too), `traditional` (nothing reported).
    #[arg(long, value_name = "STYLE", default_value = "afp")]
    pub toponyms: ToponymStyle,
    /// File extensions a folder walk takes, comma-separated.
    #[arg(long, value_name = "LIST", default_value = "txt,md", value_delimiter = ',')]
    pub ext: Vec<String>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum ToponymStyle {
    Afp,
    Ukrainian,
    Traditional,
}

impl From<ToponymStyle> for calque::checker::Toponyms {
    fn from(s: ToponymStyle) -> Self {
        match s {
            ToponymStyle::Afp => Self::Afp,
            ToponymStyle::Ukrainian => Self::Ukrainian,
            ToponymStyle::Traditional => Self::Traditional,
        }
    }
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
}

fn parse_category(s: &str) -> Result<Category, String> {
    s.parse()
}

fn parse_score(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=100.0).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a score between 0 and 100")),
    }
}

fn parse_unit(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a number between 0 and 1")),
    }
}
