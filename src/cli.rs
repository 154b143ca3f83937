//! Command-line definitions (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use calque::checker::Toponyms;
use calque::finding::{Category, Severity};
use calque::input::InputFormat;
use calque::input::jobs::Shard;

#[derive(Parser, Debug)]
#[command(
    name = "calque",
    version,
    about = "Audit machine-translated French news: garbled names, calques, wrong datelines and titles",
    after_help = "Exit codes: 0 ran and no gate failed; 1 a gate failed (--fail-under, --fail-on); \
                  2 could not run as asked (bad usage, bad KB or configuration, no input, a document \
                  in error unless --keep-going); 130 interrupted (Ctrl-C)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check articles and write the report (CSV by default).
    Check(CheckArgs),
    /// Write a baseline: the CSV report of every finding now, for
    /// `check --baseline` to leave out later. Exits 0 whatever it finds.
    Baseline(BaselineArgs),
    /// Print the effective configuration (calque.toml and flags), each value
    /// with where it came from.
    Config {
        #[command(flatten)]
        settings: SettingArgs,
    },
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
    /// Also report the findings the baseline holds (marked in json, jsonl,
    /// sarif and pretty; they still do not count).
    #[arg(long)]
    pub show_baselined: bool,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Do not exit 2 because some documents could not be read (they are still reported).
    #[arg(long)]
    pub keep_going: bool,
    #[command(flatten)]
    pub run: RunArgs,
    #[command(flatten)]
    pub settings: SettingArgs,
}

/// How documents are read and shared out.
#[derive(Args, Debug)]
pub struct RunArgs {
    /// Read every input as FORMAT instead of going by its extension: `text`,
    /// `markdown`, `jsonl`, `feed` (RSS or Atom), `html` (standard input is
    /// `text` unless this says otherwise).
    #[arg(long, value_name = "FORMAT", value_parser = parse_input_format)]
    pub input_format: Option<InputFormat>,
    /// Check only the I-th of N partitions of the documents (by a stable hash
    /// of each document's id), e.g. `--shard 2/8`: N jobs can split one feed.
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<Shard>,
    /// Decode invalid UTF-8 (or UTF-16) with replacement characters (U+FFFD)
    /// and a warning, instead of reporting the document in error.
    #[arg(long)]
    pub lossy: bool,
    /// No progress bar (it is only ever drawn on a terminal's stderr).
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Args, Debug)]
pub struct BaselineArgs {
    /// Files or folders to check (`-` for standard input). Default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// The baseline file to write.
    #[arg(short, long, value_name = "FILE", default_value = "calque-baseline.csv")]
    pub output: PathBuf,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    #[command(flatten)]
    pub run: RunArgs,
    #[command(flatten)]
    pub settings: SettingArgs,
}

/// Everything `calque.toml` can set; a flag given here wins over the file.
#[derive(Args, Debug)]
pub struct SettingArgs {
    /// Read settings from FILE instead of the calque.toml found in the current
    /// folder or the nearest one above.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Read no configuration file.
    #[arg(long)]
    pub no_config: bool,
    #[command(flatten)]
    pub kb: KbArgs,
    /// A word list (one word per line, `#` comments) accepted as French by the
    /// lexical rules: house words, jargon, names (repeatable).
    #[arg(long, value_name = "FILE")]
    pub dictionary: Vec<PathBuf>,
    /// Exit 1 if some document scores below SCORE (0-100).
    #[arg(long, value_name = "SCORE", value_parser = parse_score)]
    pub fail_under: Option<f64>,
    /// Exit 1 if some finding is at least this severe (minor, major, critical).
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    pub fail_on: Option<Severity>,
    /// Report findings at or above this confidence (0-1) [default: 0.50].
    #[arg(long, value_name = "X", value_parser = parse_unit)]
    pub min_confidence: Option<f64>,
    /// A document passes at or above this score (0-100) [default: 90].
    #[arg(long, value_name = "SCORE", value_parser = parse_score)]
    pub pass_threshold: Option<f64>,
    /// House style for Ukrainian toponyms: `afp` (Kiev, Odessa accepted; Kharkov
    /// reported), `ukrainian` (Kiev and Odessa reported too), `traditional`
    /// (nothing reported) [default: afp].
    #[arg(long, value_name = "STYLE", value_parser = parse_toponyms)]
    pub toponyms: Option<Toponyms>,
    /// Report only these rules: rule ids, categories or id prefixes, comma-separated.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Do not report these rules: rule ids, categories or id prefixes, comma-separated.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// A CSV report of an earlier run: the findings it holds do not count and
    /// are not reported (see `calque baseline`).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// An accept list (columns rule, found, document, reason): findings
    /// accepted for good (repeatable).
    #[arg(long, value_name = "FILE")]
    pub accept: Vec<PathBuf>,
    /// File extensions a folder walk takes, comma-separated [default: txt,md].
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub ext: Option<Vec<String>>,
    /// Folder walks take only files matching GLOB, instead of the extensions (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Folder walks skip files matching GLOB (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
}

fn parse_input_format(s: &str) -> Result<InputFormat, String> {
    s.parse()
}

fn parse_shard(s: &str) -> Result<Shard, String> {
    Shard::parse(s)
}

fn parse_toponyms(s: &str) -> Result<Toponyms, String> {
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
