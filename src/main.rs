//! The calque command line: parse arguments, call the library, map outcomes
//! to the exit codes of DESIGN.md.

mod cli;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::Parser;

use calque::checks::near_miss;
use calque::config::{List, Setting, Settings};
use calque::document::{Document, Meta};
use calque::input::Globs;
use calque::input::{self, Walk};
use calque::kb::{self, FormStatus, Kb, KbSource, Owner, VariantKind};
use calque::known::{Baseline, Known};
use calque::report::{
    CsvReport, GithubReport, JsonReport, JsonlReport, PrettyReport, Reporter, SarifReport, SummaryReport,
};
use calque::{Checker, Config, run};
use cli::{BaselineArgs, CheckArgs, Cli, Command, Format, KbArgs, KbCommand, RunArgs, SettingArgs};

const OK: u8 = 0;
const GATE_FAILED: u8 = 1;
const CANNOT_RUN: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Baseline(args) => baseline(args),
        Command::Config { settings } => config(&settings),
        Command::Rules { category, kb } => rules(category, &kb),
        Command::Explain { rule, kb } => explain(&rule, &kb),
        Command::Kb(KbCommand::Lookup { name, kb }) => lookup(&name, &kb),
        Command::Kb(KbCommand::Check { dir }) => kb_check(dir),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(OK),
        Err(e) => {
            eprintln!("calque: error: {e:#}");
            ExitCode::from(CANNOT_RUN)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn kb_sources(args: &KbArgs) -> Vec<KbSource> {
    let mut v = Vec::new();
    if !args.no_default_kb {
        v.push(KbSource::Embedded);
    }
    v.extend(args.dirs.iter().cloned().map(KbSource::Dir));
    v
}

/// Loads the KB, printing each problem on stderr; `None` if it is invalid.
fn load_kb(args: &KbArgs) -> Option<Kb> {
    load_sources(&kb_sources(args))
}

fn load_sources(sources: &[KbSource]) -> Option<Kb> {
    match Kb::load(sources) {
        Ok(kb) => Some(kb),
        Err(e) => {
            for p in &e.problems {
                eprintln!("calque: error: {p}");
            }
            eprintln!("calque: error: the knowledge base is invalid; nothing was checked");
            None
        }
    }
}

/// The temporary report files of this run, removed if it is interrupted.
static TEMPORARY: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Ctrl-C (SIGINT) ends the run at once with exit code 130 (DESIGN.md): the
/// temporary report files are removed, and the reports keep their old
/// content, or do not exist, never half of one.
fn exit_on_interrupt() {
    let installed = ctrlc::set_handler(|| {
        if let Ok(paths) = TEMPORARY.lock() {
            for p in paths.iter() {
                let _ = std::fs::remove_file(p);
            }
        }
        eprintln!("calque: interrupted");
        std::process::exit(130);
    });
    if let Err(e) = installed {
        eprintln!("calque: warning: cannot handle Ctrl-C: {e}");
    }
}

/// A report file written to a temporary file beside it and renamed at the end,
/// so a failed run never leaves half a report.
struct AtomicFile {
    target: PathBuf,
    temp: tempfile::NamedTempFile,
}

impl AtomicFile {
    fn create(target: &Path) -> Result<(AtomicFile, File)> {
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            bail!(
                "cannot write {}: folder {} does not exist",
                target.display(),
                dir.display()
            );
        }
        let temp = tempfile::Builder::new()
            .prefix(".calque-")
            .tempfile_in(dir)
            .with_context(|| format!("cannot write in {}", dir.display()))?;
        let file = temp.as_file().try_clone()?;
        if let Ok(mut paths) = TEMPORARY.lock() {
            paths.push(temp.path().to_path_buf());
        }
        Ok((
            AtomicFile {
                target: target.to_path_buf(),
                temp,
            },
            file,
        ))
    }

    fn commit(self) -> Result<()> {
        let temp = self.temp.path().to_path_buf();
        let persisted = self.temp.persist(&self.target);
        if let Ok(mut paths) = TEMPORARY.lock() {
            paths.retain(|p| *p != temp);
        }
        persisted.with_context(|| format!("cannot write {}", self.target.display()))?;
        Ok(())
    }
}

/// The settings of a run: defaults, then calque.toml (found upwards from the
/// current folder, or `--config`), then the flags.
fn settings(args: &SettingArgs) -> Result<Settings> {
    let mut s = Settings::default();
    let file = match (&args.config, args.no_config) {
        (_, true) => None,
        (Some(f), false) => Some(f.clone()),
        (None, false) => std::env::current_dir().ok().and_then(|cwd| {
            // Named relative to the current folder when it is in it.
            Settings::discover(&cwd).map(|p| p.strip_prefix(&cwd).map(Path::to_path_buf).unwrap_or(p))
        }),
    };
    if let Some(f) = file {
        s.read_file(&f)?;
    }
    if let Some(v) = args.pass_threshold {
        s.pass_threshold = Setting::flag(v, "--pass-threshold");
    }
    if let Some(v) = args.fail_under {
        s.fail_under = Setting::flag(Some(v), "--fail-under");
    }
    if let Some(v) = args.fail_on {
        s.fail_on = Setting::flag(Some(v), "--fail-on");
    }
    if let Some(v) = args.min_confidence {
        s.min_confidence = Setting::flag(v, "--min-confidence");
    }
    if let Some(v) = args.toponyms {
        s.toponyms = Setting::flag(v, "--toponyms");
    }
    if args.kb.no_default_kb {
        s.default_kb = Setting::flag(false, "--no-default-kb");
    }
    let lists = [
        (&args.select, &mut s.select, "--select"),
        (&args.ignore, &mut s.ignore, "--ignore"),
        (&args.include, &mut s.include, "--include"),
        (&args.exclude, &mut s.exclude, "--exclude"),
    ];
    for (given, slot, flag) in lists {
        if !given.is_empty() {
            *slot = List::from_flag(given.clone(), flag);
        }
    }
    if let Some(ext) = &args.ext {
        s.ext = List::from_flag(ext.clone(), "--ext");
    }
    let paths = [
        (&args.kb.dirs, &mut s.kb, "--kb"),
        (&args.dictionary, &mut s.dictionary, "--dictionary"),
        (&args.accept, &mut s.accept, "--accept"),
    ];
    for (given, slot, flag) in paths {
        if !given.is_empty() {
            *slot = List::from_flag(given.clone(), flag);
        }
    }
    if let Some(b) = &args.baseline {
        s.baseline = Setting::flag(Some(b.clone()), "--baseline");
    }
    for glob in s.include.value.iter().chain(&s.exclude.value) {
        if let Err(e) = Globs::new(&[&glob.value]) {
            bail!("{}: {e}", glob.origin);
        }
    }
    Ok(s)
}

/// What a run needs before it reads a document: the checker, what is
/// already known, the folder walk. `None` when the problems were printed.
struct Prepared {
    checker: Checker,
    known: Known,
    walk: Walk,
}

fn prepare(s: &Settings, use_baseline: bool) -> Result<Option<Prepared>> {
    let mut sources = Vec::new();
    if s.default_kb.value {
        sources.push(KbSource::Embedded);
    }
    sources.extend(s.kb.values().cloned().map(KbSource::Dir));
    let Some(kb) = load_sources(&sources) else {
        return Ok(None);
    };
    let mut checker = Checker::new(kb, s.checker_config());
    for path in s.dictionary.values() {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("cannot read the dictionary {}", path.display()))?;
        checker.add_dictionary(&text);
    }
    let mut problems = s.unknown_selectors(checker.rules());
    let mut known = Known::default();
    for path in s.accept.values() {
        known.accept.read(path)?;
    }
    problems.extend(known.check_rules(checker.rules()).iter().map(ToString::to_string));
    if let (true, Some(path)) = (use_baseline, &s.baseline.value) {
        known.baseline = Some(Baseline::read(path)?);
    }
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("calque: error: {p}");
        }
        eprintln!("calque: error: the configuration is invalid; nothing was checked");
        return Ok(None);
    }
    let globs = |l: &List<String>| -> Result<Option<Globs>> {
        let v: Vec<&String> = l.values().collect();
        Ok(if v.is_empty() {
            None
        } else {
            Some(Globs::new(&v).map_err(anyhow::Error::msg)?)
        })
    };
    let walk = Walk {
        extensions: s
            .ext
            .values()
            .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
            .filter(|e| !e.is_empty())
            .collect(),
        include: globs(&s.include)?,
        exclude: globs(&s.exclude)?,
    };
    Ok(Some(Prepared { checker, known, walk }))
}

/// The documents named by `paths` (the current folder when none).
fn discover(paths: &[String], walk: &Walk, run: &RunArgs) -> Result<Vec<input::Input>> {
    let paths = if paths.is_empty() {
        vec![".".to_string()]
    } else {
        paths.to_vec()
    };
    let (inputs, warnings) = input::discover(&paths, walk, run.input_format);
    for w in &warnings {
        eprintln!("calque: warning: {w}");
    }
    if inputs.is_empty() {
        let what = if walk.include.is_some() {
            "files matching --include / include".to_string()
        } else {
            format!(".{} files; see --ext", walk.extensions.join(", ."))
        };
        bail!("no input found in {} (a folder walk takes {what})", paths.join(", "));
    }
    Ok(inputs)
}

fn thread_pool(jobs: Option<u16>) -> Result<rayon::ThreadPool> {
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(j) = jobs {
        pool = pool.num_threads(usize::from(j));
    }
    pool.build().context("cannot start worker threads")
}

fn check(args: CheckArgs) -> Result<u8> {
    exit_on_interrupt();
    let settings = settings(&args.settings)?;
    // Output folders are checked before any work is done.
    let mut commits = Vec::new();
    // Colour for people at a terminal only (https://no-color.org).
    let colour = args.output.is_none()
        && std::io::IsTerminal::is_terminal(&io::stdout())
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let report_out: Box<dyn Write> = match &args.output {
        Some(p) => {
            let (a, f) = AtomicFile::create(p)?;
            commits.push(a);
            Box::new(BufWriter::new(f))
        }
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let summary_out = match &args.summary {
        Some(p) => {
            let (a, f) = AtomicFile::create(p)?;
            commits.push(a);
            Some(BufWriter::new(f))
        }
        None => None,
    };

    let Some(Prepared { checker, known, walk }) = prepare(&settings, true)? else {
        return Ok(CANNOT_RUN);
    };
    let inputs = discover(&args.paths, &walk, &args.run)?;

    let mut report: Box<dyn Reporter> = match args.format {
        Format::Csv => Box::new(CsvReport::new(report_out)?),
        Format::Jsonl => Box::new(JsonlReport::new(report_out)),
        Format::Json => Box::new(JsonReport::new(
            report_out,
            env!("CARGO_PKG_VERSION"),
            &checker.kb().fingerprint(),
        )),
        Format::Sarif => Box::new(
            SarifReport::new(report_out, checker.rules(), env!("CARGO_PKG_VERSION"))
                .with_baseline(known.baseline.is_some()),
        ),
        Format::Github => Box::new(GithubReport::new(report_out)),
        Format::Pretty => Box::new(PrettyReport::new(report_out, colour)),
    };
    let mut summary = summary_out.map(SummaryReport::new).transpose()?;
    let mut reporters: Vec<&mut dyn Reporter> = vec![report.as_mut()];
    if let Some(s) = summary.as_mut() {
        reporters.push(s);
    }
    let pool = thread_pool(args.jobs)?;
    let mut console = Console::new(&inputs, args.run.quiet, "");
    let opts = run::Options {
        pass_threshold: settings.pass_threshold.value,
        known: &known,
        show_baselined: args.show_baselined,
        shard: args.run.shard,
        lossy: args.run.lossy,
    };
    let stats = run::run(&pool, &checker, &inputs, &opts, &mut reporters, &mut console);
    console.finish();
    let stats = stats?;
    drop(reporters);
    drop(report);
    drop(summary);
    for c in commits {
        c.commit()?;
    }
    // The compiled KB is freed by the operating system at exit; dropping it
    // piece by piece would only cost time.
    std::mem::forget(checker);

    if stats.totals.errors > 0 && !args.keep_going {
        eprintln!(
            "calque: error: {} of {} documents could not be checked (--keep-going to exit 0 anyway)",
            stats.totals.errors, stats.totals.documents
        );
        return Ok(CANNOT_RUN);
    }
    let under = settings
        .fail_under
        .value
        .is_some_and(|t| stats.min_score.is_some_and(|s| s < t));
    let severe = settings
        .fail_on
        .value
        .is_some_and(|s| stats.max_severity.is_some_and(|m| m >= s));
    Ok(if under || severe { GATE_FAILED } else { OK })
}

/// `calque baseline`: the CSV report of every finding (accept lists still
/// apply, a configured baseline does not), written atomically; exit 0.
fn baseline(args: BaselineArgs) -> Result<u8> {
    exit_on_interrupt();
    let settings = settings(&args.settings)?;
    let (commit, file) = AtomicFile::create(&args.output)?;
    let Some(Prepared { checker, known, walk }) = prepare(&settings, false)? else {
        return Ok(CANNOT_RUN);
    };
    let inputs = discover(&args.paths, &walk, &args.run)?;
    let mut report = CsvReport::new(BufWriter::new(file))?;
    let pool = thread_pool(args.jobs)?;
    let mut console = Console::new(&inputs, args.run.quiet, " (not in the baseline)");
    let opts = run::Options {
        pass_threshold: settings.pass_threshold.value,
        known: &known,
        show_baselined: false,
        shard: args.run.shard,
        lossy: args.run.lossy,
    };
    let stats = run::run(&pool, &checker, &inputs, &opts, &mut [&mut report], &mut console);
    console.finish();
    let stats = stats?;
    drop(report);
    commit.commit()?;
    std::mem::forget(checker);
    let t = stats.totals;
    eprintln!(
        "calque: baseline of {} finding{} in {} document{} written to {}",
        t.findings,
        if t.findings == 1 { "" } else { "s" },
        t.documents,
        if t.documents == 1 { "" } else { "s" },
        args.output.display()
    );
    Ok(OK)
}

/// What the user sees on stderr during a run: errors and warnings as they
/// come, and a progress bar when stderr is a terminal and the run lasts.
struct Console {
    bar: Option<indicatif::ProgressBar>,
    started: std::time::Instant,
    shown: bool,
    /// Added to each document error (`calque baseline` says they are left out).
    error_note: &'static str,
}

impl Console {
    fn new(inputs: &[input::Input], quiet: bool, error_note: &'static str) -> Console {
        let terminal = std::io::IsTerminal::is_terminal(&io::stderr());
        let bar = (terminal && !quiet).then(|| {
            // The total is known when every input is a plain file.
            let total: Option<u64> = inputs
                .iter()
                .map(|i| match (&i.source, i.gzip) {
                    (input::Source::File(p), false) => std::fs::metadata(p).ok().map(|m| m.len()),
                    _ => None,
                })
                .sum();
            let template = if total.is_some() {
                "{spinner} [{elapsed}] {wide_bar} {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} ETA {eta} {msg}"
            } else {
                "{spinner} [{elapsed}] {decimal_bytes} {decimal_bytes_per_sec} {msg}"
            };
            let bar = indicatif::ProgressBar::with_draw_target(total, indicatif::ProgressDrawTarget::hidden());
            if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar
        });
        Console {
            bar,
            started: std::time::Instant::now(),
            shown: false,
            error_note,
        }
    }

    /// One line on stderr. Document names and messages can hold article text
    /// (a feed's ids): control characters never reach the terminal raw.
    fn say(&self, line: &str) {
        let line = calque::report::sanitise(line);
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl run::Observer for Console {
    fn error(&mut self, name: &str, why: &str) {
        self.say(&format!("calque: error: {name}: {why}{}", self.error_note));
    }

    fn warning(&mut self, message: &str) {
        self.say(&format!("calque: warning: {message}"));
    }

    fn progress(&mut self, totals: &calque::report::Totals, bytes: u64) {
        let Some(bar) = &self.bar else { return };
        // Only runs that last get a bar.
        if !self.shown && self.started.elapsed() >= std::time::Duration::from_secs(1) {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            self.shown = true;
        }
        bar.set_position(bytes);
        bar.set_message(format!("{} documents, {} findings", totals.documents, totals.findings));
    }
}

/// `calque config`: the effective configuration with where each value came from.
fn config(args: &SettingArgs) -> Result<u8> {
    let settings = settings(args)?;
    let mut out = BufWriter::new(io::stdout().lock());
    out.write_all(settings.describe().as_bytes())?;
    out.flush()?;
    Ok(OK)
}

fn rules(category: Option<calque::finding::Category>, args: &KbArgs) -> Result<u8> {
    let Some(kb) = load_kb(args) else { return Ok(CANNOT_RUN) };
    let set = calque::rules::RuleSet::new(&kb);
    let mut out = BufWriter::new(io::stdout().lock());
    for r in set.iter().filter(|r| category.is_none_or(|c| r.category == c)) {
        let summary = r.summary.replace(['\t', '\n'], " ");
        writeln!(out, "{}\t{}\t{}\t{summary}", r.id, r.category, r.severity)?;
    }
    out.flush()?;
    Ok(OK)
}

fn explain(id: &str, args: &KbArgs) -> Result<u8> {
    let Some(kb) = load_kb(args) else { return Ok(CANNOT_RUN) };
    let set = calque::rules::RuleSet::new(&kb);
    let Some(rule) = set.find(id) else {
        bail!("no rule `{id}` (calque rules lists them)");
    };
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}  ({}, {})", rule.id, rule.category, rule.severity)?;
    match kb.phrases().rules().iter().find(|p| p.id == id) {
        Some(p) => {
            writeln!(out, "message:     {}", p.message)?;
            writeln!(out, "pattern:     {}", p.source)?;
            writeln!(
                out,
                "suggestion:  {}",
                if p.suggestion.is_empty() {
                    "(none)"
                } else {
                    &p.suggestion
                }
            )?;
            writeln!(out, "reported:    « {} »", p.example_bad)?;
            writeln!(out, "not:         « {} »", p.example_good)?;
            writeln!(out, "defined at:  {}", p.origin)?;
        }
        None => {
            writeln!(out, "{}", rule.summary)?;
            writeln!(out)?;
            writeln!(out, "{}", rule.docs)?;
        }
    }
    out.flush()?;
    Ok(OK)
}

fn lookup(name: &str, args: &KbArgs) -> Result<u8> {
    let Some(kb) = load_kb(args) else { return Ok(CANNOT_RUN) };
    let mut out = BufWriter::new(io::stdout().lock());
    let doc = Document::new("<name>", name.to_string(), Meta::default());
    let mentions = kb.names().scan(&doc);
    let whole = mentions
        .iter()
        .find(|m| m.first == 0 && m.last + 1 == doc.tokens().len());
    match whole {
        Some(m) => {
            writeln!(out, "« {name} » is known:")?;
            for &id in &m.forms {
                let f = kb.names().form(id);
                let status = match f.status {
                    FormStatus::Accepted => "an accepted form",
                    FormStatus::Variant(VariantKind::Listed) => "a wrong form listed in the KB",
                    FormStatus::Variant(VariantKind::ListedEnglish) => {
                        "a wrong form listed in the KB (English romanisation)"
                    }
                    FormStatus::Variant(VariantKind::GeneratedEnglish) => {
                        "an English romanisation derived from an accepted form"
                    }
                    FormStatus::Variant(VariantKind::PlaceEnglish) => "the English name",
                };
                writeln!(out, "  {status} of {}", describe(&kb, f.owner))?;
            }
        }
        None => writeln!(out, "« {name} » is no form the KB knows.")?,
    }
    let words: Vec<&str> = doc
        .tokens()
        .iter()
        .filter(|t| t.is_word())
        .map(|t| doc.folded(t))
        .collect();
    let mut cands = near_miss::candidates(&kb, &words, true);
    cands.sort_by(|a, b| b.confidence.total_cmp(&a.confidence).then(a.form.cmp(&b.form)));
    cands.dedup_by_key(|c| c.entity);
    if cands.is_empty() {
        if whole.is_none() {
            writeln!(
                out,
                "It is close to no known person's name (name.near-miss would stay silent)."
            )?;
        }
    } else {
        writeln!(out, "Close to (name.near-miss candidates, best first):")?;
        for c in cands.iter().take(10) {
            let f = kb.names().form(c.form);
            writeln!(
                out,
                "  {:.2}  {}  [{}]  least word similarity {:.3}{}",
                c.confidence.min(0.95),
                f.text,
                kb.entity(c.entity).id,
                c.min_sim,
                if c.typo {
                    ", every differing word one edit away"
                } else {
                    ""
                }
            )?;
        }
    }
    out.flush()?;
    Ok(OK)
}

fn describe(kb: &Kb, owner: Owner) -> String {
    let id = kb.owner_id(owner);
    match owner {
        Owner::Entity(i) => {
            let e = kb.entity(i);
            let mut s = format!("{} [{id}], {}", e.canonical, e.kind.as_str());
            if let Some(c) = &e.country {
                s.push_str(&format!(", {c}"));
            }
            let accepted: Vec<&str> = std::iter::once(e.canonical.as_str())
                .chain(e.aliases.iter().map(String::as_str))
                .collect();
            s.push_str(&format!("\n    accepted: {}", accepted.join(" | ")));
            if !e.titles.is_empty() {
                let titles: Vec<String> = e
                    .titles
                    .iter()
                    .map(|t| match (t.from, t.to) {
                        (None, None) => t.role.clone(),
                        (f, t2) => format!(
                            "{} ({}-{})",
                            t.role,
                            f.map_or(String::new(), |y| y.to_string()),
                            t2.map_or(String::new(), |y| y.to_string())
                        ),
                    })
                    .collect();
                s.push_str(&format!("\n    titles: {}", titles.join(" | ")));
            }
            if !e.note.is_empty() {
                s.push_str(&format!("\n    note: {}", e.note));
            }
            s
        }
        Owner::Place(i) => {
            let p = kb.place(i);
            format!("the place {} [{id}], {}", p.french.join(" | "), p.country)
        }
        Owner::Country(i) => format!("the country {} [{id}]", kb.country(i).french.join(" | ")),
    }
}

fn kb_check(dir: Option<PathBuf>) -> Result<u8> {
    let sources = match dir {
        Some(d) => vec![KbSource::Dir(d)],
        None => vec![KbSource::Embedded],
    };
    match Kb::load(&sources) {
        Ok(kb) => {
            let checker = Checker::new(kb, Config::default());
            let problems = checker.check_examples();
            if !problems.is_empty() {
                let mut out = io::stdout().lock();
                for p in &problems {
                    writeln!(out, "{p}")?;
                }
                return Ok(CANNOT_RUN);
            }
            let kb = checker.kb();
            let people = kb
                .entities()
                .iter()
                .filter(|e| e.kind == kb::EntityKind::Person)
                .count();
            let orgs = kb.entities().len() - people;
            let mut out = io::stdout().lock();
            writeln!(
                out,
                "ok: {people} people, {orgs} organisations and other entities, {} places, {} countries, {} name forms, {} phrase rules",
                kb.places().len(),
                kb.countries().len(),
                kb.names().forms().len(),
                kb.phrases().len()
            )?;
            Ok(OK)
        }
        Err(e) => {
            let mut out = io::stdout().lock();
            for p in &e.problems {
                writeln!(out, "{p}")?;
            }
            Ok(CANNOT_RUN)
        }
    }
}
