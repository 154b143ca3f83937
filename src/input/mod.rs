//! Finding input documents (files, folders, stdin) and reading them: plain
//! text and Markdown files, JSONL feeds (one article a line), RSS and Atom
//! feeds, HTML pages, any of them gzip-compressed.

pub mod feed;
pub mod html;
pub mod jobs;
pub mod jsonl;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::document::{MAX_DOCUMENT_BYTES, TextFormat};

/// What an input holds, from its extension or `--input-format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// One article (`.txt`, and anything unknown).
    Text,
    /// One article in Markdown (`.md`, `.markdown`).
    Markdown,
    /// One article a line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// RSS 2.0 or Atom: one article an item (`.xml`, `.rss`, `.atom`).
    Feed,
    /// One article page (`.html`, `.htm`).
    Html,
}

impl InputFormat {
    pub const NAMES: &'static str = "text, markdown, jsonl, feed, html";

    /// The format an extension says, and whether the file is gzip-compressed
    /// (`feed.jsonl.gz`).
    pub fn of_path(path: &Path) -> (InputFormat, bool) {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let (stem, gzip) = match name.strip_suffix(".gz") {
            Some(stem) => (stem, true),
            None => (name.as_str(), false),
        };
        let format = match stem.rsplit_once('.').map(|(_, ext)| ext) {
            Some("md" | "markdown") => InputFormat::Markdown,
            Some("jsonl" | "ndjson") => InputFormat::Jsonl,
            Some("xml" | "rss" | "atom") => InputFormat::Feed,
            Some("html" | "htm") => InputFormat::Html,
            _ => InputFormat::Text,
        };
        (format, gzip)
    }

    /// How the checker reads the text of a document of this format.
    pub fn text_format(self) -> TextFormat {
        match self {
            InputFormat::Markdown => TextFormat::Markdown,
            _ => TextFormat::Plain,
        }
    }
}

impl std::str::FromStr for InputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "text" | "txt" => InputFormat::Text,
            "markdown" | "md" => InputFormat::Markdown,
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            "feed" | "rss" | "atom" | "xml" => InputFormat::Feed,
            "html" | "htm" => InputFormat::Html,
            _ => return Err(format!("unknown input format `{s}` (expected {})", InputFormat::NAMES)),
        })
    }
}

/// Where a document's bytes come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

/// One document to check, or one that cannot be (it still gets a report row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The document column of reports: the path as given, the folder joined
    /// with the relative path, or `<stdin>`.
    pub name: String,
    pub source: Source,
    pub format: InputFormat,
    /// gzip-compressed (`.gz`): decompressed as it is read.
    pub gzip: bool,
    /// Set when discovery already knows the input cannot be read.
    pub error: Option<String>,
}

/// Which files a folder walk takes: files with one of `extensions`, or
/// matching `include` when it is set, and matching no `exclude` glob. Files
/// named on the command line are always taken.
#[derive(Clone, Debug)]
pub struct Walk {
    /// Extensions without the dot, lower case.
    pub extensions: Vec<String>,
    /// When set, takes the place of the extension filter.
    pub include: Option<Globs>,
    pub exclude: Option<Globs>,
}

impl Default for Walk {
    fn default() -> Self {
        Walk {
            extensions: vec!["txt".into(), "md".into()],
            include: None,
            exclude: None,
        }
    }
}

impl Walk {
    /// Whether the walk takes `path`, met under the folder `root`.
    fn takes(&self, root: &Path, path: &Path) -> bool {
        let included = match &self.include {
            Some(g) => g.matches(root, path),
            None => {
                // `feed.jsonl.gz` has the extension `jsonl`.
                let name = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let name = name.strip_suffix(".gz").unwrap_or(&name);
                name.rsplit_once('.')
                    .is_some_and(|(_, x)| self.extensions.iter().any(|e| e == x))
            }
        };
        included && !self.exclude.as_ref().is_some_and(|g| g.matches(root, path))
    }
}

/// Include or exclude globs, as in `.gitignore`: a glob without `/` matches a
/// file name at any depth (`*.md`); one with `/` matches the path relative
/// to the walked folder (`drafts/**`) or the path as reported
/// (`articles/drafts/**`). `*` stops at `/`, `**` does not.
#[derive(Clone, Debug)]
pub struct Globs {
    names: globset::GlobSet,
    paths: globset::GlobSet,
}

impl Globs {
    /// Compiles `globs`; the error names the first bad glob.
    pub fn new<S: AsRef<str>>(globs: &[S]) -> Result<Globs, String> {
        let mut names = globset::GlobSetBuilder::new();
        let mut paths = globset::GlobSetBuilder::new();
        for g in globs {
            let g = g.as_ref();
            let glob = globset::GlobBuilder::new(g.trim_start_matches("./"))
                .literal_separator(true)
                .build()
                .map_err(|e| format!("bad glob `{g}`: {}", e.kind()))?;
            if g.contains('/') {
                paths.add(glob);
            } else {
                names.add(glob);
            }
        }
        let build = |b: globset::GlobSetBuilder| b.build().map_err(|e| e.to_string());
        Ok(Globs {
            names: build(names)?,
            paths: build(paths)?,
        })
    }

    /// Whether `path`, met under the folder `root`, matches.
    pub fn matches(&self, root: &Path, path: &Path) -> bool {
        path.file_name().is_some_and(|n| self.names.is_match(n))
            || path.strip_prefix(root).is_ok_and(|rel| self.paths.is_match(rel))
            || self.paths.is_match(path)
    }

    /// Whether a document name matches (for accept-list globs).
    pub fn matches_name(&self, name: &str) -> bool {
        let path = Path::new(name);
        path.file_name().is_some_and(|n| self.names.is_match(n)) || self.paths.is_match(path)
    }
}

/// Expands `paths` into inputs, in order: each path as given; a folder's files
/// (recursively, hidden entries skipped, symbolic links followed) sorted by
/// path. Problems met while walking (a symlink loop, an unreadable folder) are
/// returned as warnings; a missing path becomes an input in error. `forced`
/// (`--input-format`) overrides what extensions say; standard input is text
/// unless forced.
pub fn discover(paths: &[String], walk: &Walk, forced: Option<InputFormat>) -> (Vec<Input>, Vec<String>) {
    let mut inputs = Vec::new();
    let mut warnings = Vec::new();
    for p in paths {
        if p == "-" {
            inputs.push(Input {
                name: "<stdin>".into(),
                source: Source::Stdin,
                format: forced.unwrap_or(InputFormat::Text),
                gzip: false,
                error: None,
            });
            continue;
        }
        let path = PathBuf::from(p);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk_dir(&path, walk, &mut inputs, &mut warnings),
            Ok(_) => inputs.push(file_input(p.clone(), path, None)),
            Err(e) => inputs.push(file_input(p.clone(), path, Some(io_message(&e)))),
        }
    }
    if let Some(f) = forced {
        for i in &mut inputs {
            i.format = f;
        }
    }
    (inputs, warnings)
}

fn file_input(name: String, path: PathBuf, error: Option<String>) -> Input {
    let (format, gzip) = InputFormat::of_path(&path);
    Input {
        name,
        source: Source::File(path),
        format,
        gzip,
        error,
    }
}

fn walk_dir(root: &Path, walk: &Walk, inputs: &mut Vec<Input>, warnings: &mut Vec<String>) {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                if walk.takes(root, e.path()) {
                    files.push(e.into_path());
                }
            }
            Ok(_) => {}
            Err(e) => {
                let at = e
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                let why = if e.loop_ancestor().is_some() {
                    "symbolic link loop, not followed".to_string()
                } else {
                    e.io_error().map_or_else(|| e.to_string(), io_message)
                };
                warnings.push(format!("{at}: {why}"));
            }
        }
    }
    files.sort();
    for f in files {
        inputs.push(file_input(f.display().to_string(), f, None));
    }
}

pub(crate) fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads and decodes an input (see [`decode_with`]).
pub fn read(input: &Input) -> Result<String, String> {
    read_with(input, false).map(|d| d.text)
}

/// Reads and decodes an input, with replacement characters for invalid UTF-8
/// when `lossy`.
pub fn read_with(input: &Input, lossy: bool) -> Result<Decoded, String> {
    if let Some(e) = &input.error {
        return Err(e.clone());
    }
    let mut bytes = Vec::new();
    open(input)
        .and_then(|mut r| r.read_to_end(&mut bytes))
        .map_err(|e| io_message(&e))?;
    decode_with(bytes, lossy)
}

/// A decoded document, and what the reader should hear about its decoding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Set when `--lossy` replaced invalid bytes.
    pub warning: Option<String>,
}

/// The bytes of an input, decompressed when it is gzip.
pub fn open(input: &Input) -> std::io::Result<Box<dyn Read + Send>> {
    let raw: Box<dyn Read + Send> = match &input.source {
        Source::Stdin => Box::new(std::io::stdin()),
        Source::File(p) => Box::new(std::fs::File::open(p)?),
    };
    Ok(if input.gzip {
        Box::new(flate2::read::MultiGzDecoder::new(raw))
    } else {
        raw
    })
}

/// Decodes document bytes strictly (see [`decode_with`]).
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    decode_with(bytes, false).map(|d| d.text)
}

/// Decodes document bytes: UTF-8, a leading byte-order mark dropped; UTF-16
/// (little or big endian) when it starts with its byte-order mark. Offsets
/// then count in the decoded UTF-8 text, from after the mark. Binary data (a
/// NUL byte) is an error; so is invalid UTF-8 or UTF-16, with the byte
/// offset and line, unless `lossy` replaces it with U+FFFD (and says so).
pub fn decode_with(mut bytes: Vec<u8>, lossy: bool) -> Result<Decoded, String> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return decode_utf16(&bytes, lossy);
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(format!(
            "document too large ({} bytes; the limit is 4 GiB)",
            bytes.len()
        ));
    }
    if let Some(k) = memchr_nul(&bytes) {
        return Err(format!("binary file (NUL byte at byte {k}), not checked"));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text, warning: None }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let what = format!("invalid UTF-8 at byte {at} (line {line})");
            if !lossy {
                return Err(what);
            }
            Ok(Decoded {
                text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                warning: Some(format!("{what}: invalid bytes replaced by U+FFFD (--lossy)")),
            })
        }
    }
}

/// UTF-16 with its byte-order mark (`FF FE` little endian, `FE FF` big endian).
fn decode_utf16(bytes: &[u8], lossy: bool) -> Result<Decoded, String> {
    let little = bytes[0] == 0xFF;
    let body = &bytes[2..];
    let units = body.chunks(2).map(|c| match (c, little) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        // An odd last byte: not a unit; replaced or reported below.
        _ => 0xFFFD,
    });
    let mut text = String::with_capacity(body.len());
    let mut bad: Option<usize> = (body.len() % 2 == 1).then_some(body.len() + 1);
    for (k, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok('\0') => return Err(format!("binary file (NUL character at UTF-16 unit {k}), not checked")),
            Ok(c) => text.push(c),
            Err(_) => {
                bad.get_or_insert(2 + 2 * k);
                text.push('\u{FFFD}');
            }
        }
    }
    let Some(at) = bad else {
        return Ok(Decoded { text, warning: None });
    };
    let what = format!("invalid UTF-16 at byte {at}");
    if !lossy {
        return Err(what);
    }
    Ok(Decoded {
        text,
        warning: Some(format!("{what}: replaced by U+FFFD (--lossy)")),
    })
}

fn memchr_nul(b: &[u8]) -> Option<usize> {
    b.iter().position(|&x| x == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_and_lossy_decoding() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Kiev é".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Kiev é".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(le).unwrap(), "Kiev é");
        assert_eq!(decode(be.clone()).unwrap(), "Kiev é");
        let mut odd = be.clone();
        odd.push(0x41);
        assert_eq!(decode(odd.clone()).unwrap_err(), "invalid UTF-16 at byte 14");
        assert!(decode_with(odd, true).unwrap().text.ends_with('\u{FFFD}'));
        let lone: Vec<u8> = vec![0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00];
        assert_eq!(decode(lone.clone()).unwrap_err(), "invalid UTF-16 at byte 4");
        assert_eq!(decode_with(lone, true).unwrap().text, "A\u{FFFD}B");
        assert!(
            decode(vec![0xFF, 0xFE, 0x00, 0x00])
                .unwrap_err()
                .starts_with("binary file")
        );
        let d = decode_with(b"caf\xE9 noir".to_vec(), true).unwrap();
        assert_eq!(d.text, "caf\u{FFFD} noir");
        assert_eq!(
            d.warning.as_deref(),
            Some("invalid UTF-8 at byte 3 (line 1): invalid bytes replaced by U+FFFD (--lossy)")
        );
    }

    #[test]
    fn decode_errors_name_the_offset() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc".to_vec()).unwrap(), "abc");
        assert_eq!(
            decode(b"ab\ncd\xFFe".to_vec()).unwrap_err(),
            "invalid UTF-8 at byte 5 (line 2)"
        );
        assert!(
            decode(b"ab\0c".to_vec())
                .unwrap_err()
                .starts_with("binary file (NUL byte at byte 2)")
        );
    }

    #[test]
    fn folders_are_walked_sorted_and_filtered() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        std::fs::create_dir_all(root.join("b")).unwrap();
        std::fs::create_dir_all(root.join(".hidden")).unwrap();
        for f in ["b/z.txt", "a.md", "b.txt", "c.csv", ".hidden/x.txt", "B.TXT"] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let (inputs, warnings) = discover(&[root.display().to_string()], &Walk::default(), None);
        assert!(warnings.is_empty());
        let names: Vec<String> = inputs
            .iter()
            .map(|i| i.name.strip_prefix(&root.display().to_string()).unwrap().to_string())
            .collect();
        assert_eq!(names, ["/B.TXT", "/a.md", "/b/z.txt", "/b.txt"]);
        assert_eq!(inputs[1].format, InputFormat::Markdown);
    }

    #[test]
    fn include_and_exclude_globs_filter_folder_walks() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        for f in ["a.txt", "b.html", "drafts/c.txt", "news/drafts/d.txt", "news/e.txt"] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        let walked = |walk: &Walk| -> Vec<String> {
            let (inputs, _) = discover(&[root.display().to_string()], walk, None);
            inputs
                .iter()
                .map(|i| i.name[root.display().to_string().len() + 1..].to_string())
                .collect()
        };
        let walk = Walk {
            exclude: Some(Globs::new(&["drafts/**"]).unwrap()),
            ..Walk::default()
        };
        assert_eq!(walked(&walk), ["a.txt", "news/drafts/d.txt", "news/e.txt"]);
        let walk = Walk {
            include: Some(Globs::new(&["*.html", "news/*.txt"]).unwrap()),
            exclude: Some(Globs::new(&["e.*"]).unwrap()),
            ..Walk::default()
        };
        assert_eq!(
            walked(&walk),
            ["b.html"],
            "`*` stops at `/`; a name glob matches at any depth"
        );
        let walk = Walk {
            include: Some(Globs::new(&["**/*.txt"]).unwrap()),
            ..Walk::default()
        };
        assert_eq!(walked(&walk).len(), 4);
        assert!(Globs::new(&["a/[b"]).unwrap_err().contains("a/[b"));
        // Files named on the command line are taken whatever the globs say.
        let file = root.join("b.html").display().to_string();
        let (inputs, _) = discover(&[file], &walk, None);
        assert_eq!(inputs.len(), 1);
    }

    #[test]
    fn missing_paths_become_inputs_in_error() {
        let (inputs, _) = discover(&["/no/such/file.txt".into()], &Walk::default(), None);
        assert_eq!(inputs[0].error.as_deref(), Some("no such file or folder"));
        assert_eq!(read(&inputs[0]).unwrap_err(), "no such file or folder");
    }
}
