//! The documents of a run as a stream. Inputs are expanded lazily (a JSONL
//! feed line by line), so memory does not grow with the size of the input;
//! the costly work (reading files, decoding, JSON and HTML parsing) is left to
//! [`load`], which the workers run in parallel.

use std::io::{BufRead, BufReader, Read};

use serde_json::{Map, Value, json};

use super::{Input, InputFormat, Source, feed, html, jsonl};
use crate::date::Date;
use crate::document::Meta;

/// One unit of work read from the inputs, in input order.
#[derive(Debug)]
pub struct Job {
    /// Index of the input it comes from.
    pub input: usize,
    pub payload: Payload,
    /// Input bytes it stands for (for progress).
    pub bytes: u64,
}

#[derive(Debug)]
pub enum Payload {
    /// A whole file (text, Markdown, HTML), read and decoded by a worker.
    File,
    /// One non-blank line of a JSONL input (1-based line number).
    /// The line's bytes without its break, decoded by the worker.
    Line { line: usize, bytes: Vec<u8> },
    /// A feed item, already parsed.
    Item(Box<Loaded>),
    /// The input failed as a whole (unreadable, not a feed) or midway.
    Error { name: String, message: String },
}

/// A document ready to check, or one that cannot be (it still gets a row).
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The document column of reports: `PATH`, or `PATH#ID` for a feed record.
    pub name: String,
    /// What `--shard` hashes: the record's id, else the document name.
    pub key: String,
    pub text: Result<String, String>,
    pub meta: Meta,
    /// Metadata for the `json` report: a record's fields but its text, an
    /// HTML page's title and the element its text was taken from.
    pub record: Option<Map<String, Value>>,
    /// What the user should hear (`--lossy` replaced invalid bytes).
    pub warning: Option<String>,
}

/// `--shard I/N`: the documents whose key hashes to `index` modulo `count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// 0-based.
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// Parses `I/N` with 1 ≤ I ≤ N.
    pub fn parse(s: &str) -> Result<Shard, String> {
        let bad = || format!("`{s}` is not a shard I/N with 1 <= I <= N (e.g. 2/8)");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let (i, n): (u64, u64) = (
            i.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if i == 0 || i > n {
            return Err(bad());
        }
        Ok(Shard { index: i - 1, count: n })
    }

    /// Whether the document with this key is in the shard. The hash (FNV-1a)
    /// is the same on every machine and run.
    pub fn takes(&self, key: &str) -> bool {
        crate::fnv::fnv1a(crate::fnv::OFFSET, key.as_bytes()) % self.count == self.index
    }
}

enum Current {
    Idle,
    Lines {
        input: usize,
        reader: Box<dyn BufRead + Send>,
        line: usize,
    },
    Items(std::vec::IntoIter<Job>),
}

/// The jobs of `inputs`, in order.
pub struct Jobs<'a> {
    inputs: &'a [Input],
    next: usize,
    current: Current,
    buf: Vec<u8>,
}

impl<'a> Jobs<'a> {
    pub fn new(inputs: &'a [Input]) -> Self {
        Jobs {
            inputs,
            next: 0,
            current: Current::Idle,
            buf: Vec::new(),
        }
    }

    fn error(input: usize, name: &str, message: String) -> Job {
        Job {
            input,
            payload: Payload::Error {
                name: name.to_string(),
                message,
            },
            bytes: 0,
        }
    }

    /// The first job of input `k`, setting up what follows it.
    fn start(&mut self, k: usize) -> Option<Job> {
        let input = &self.inputs[k];
        if let Some(e) = &input.error {
            return Some(Self::error(k, &input.name, e.clone()));
        }
        match input.format {
            InputFormat::Jsonl => match super::open(input) {
                Ok(r) => {
                    self.current = Current::Lines {
                        input: k,
                        reader: Box::new(BufReader::with_capacity(1 << 16, r)),
                        line: 0,
                    };
                    None
                }
                Err(e) => Some(Self::error(k, &input.name, super::io_message(&e))),
            },
            InputFormat::Feed => {
                let mut bytes = Vec::new();
                if let Err(e) = super::open(input).and_then(|mut r| r.read_to_end(&mut bytes)) {
                    return Some(Self::error(k, &input.name, super::io_message(&e)));
                }
                match feed::parse(&bytes) {
                    Ok(items) => {
                        let jobs: Vec<Job> = items.into_iter().map(|item| feed_job(k, input, item)).collect();
                        self.current = Current::Items(jobs.into_iter());
                        None
                    }
                    Err(e) => Some(Self::error(k, &input.name, format!("line {}: {}", e.line, e.message))),
                }
            }
            InputFormat::Text | InputFormat::Markdown | InputFormat::Html => {
                let bytes = match &input.source {
                    Source::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
                    Source::Stdin => 0,
                };
                Some(Job {
                    input: k,
                    payload: Payload::File,
                    bytes,
                })
            }
        }
    }
}

impl Iterator for Jobs<'_> {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            match &mut self.current {
                Current::Idle => {
                    let k = self.next;
                    if k >= self.inputs.len() {
                        return None;
                    }
                    self.next += 1;
                    if let Some(job) = self.start(k) {
                        return Some(job);
                    }
                }
                Current::Items(items) => match items.next() {
                    Some(job) => return Some(job),
                    None => self.current = Current::Idle,
                },
                Current::Lines { input, reader, line } => {
                    let k = *input;
                    self.buf.clear();
                    match reader.read_until(b'\n', &mut self.buf) {
                        Ok(0) => self.current = Current::Idle,
                        Ok(n) => {
                            *line += 1;
                            if self.buf.iter().all(u8::is_ascii_whitespace) {
                                continue;
                            }
                            let mut bytes = self.buf.clone();
                            while bytes.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                                bytes.pop();
                            }
                            return Some(Job {
                                input: k,
                                payload: Payload::Line { line: *line, bytes },
                                bytes: n as u64,
                            });
                        }
                        Err(e) => {
                            let at = *line;
                            let name = format!("{}#{}", self.inputs[k].name, at + 1);
                            self.current = Current::Idle;
                            let message = format!("read error after line {at}: {}", super::io_message(&e));
                            return Some(Self::error(k, &name, message));
                        }
                    }
                }
            }
        }
    }
}

/// A feed item as a job: named `PATH#ID` (guid or id, else link, else the
/// item's line), its text the title, a blank line and the content.
fn feed_job(k: usize, input: &Input, item: feed::Item) -> Job {
    let id = item.id.clone().or_else(|| item.link.clone());
    let name = format!("{}#{}", input.name, id.clone().unwrap_or_else(|| item.line.to_string()));
    let title = item.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let text = match title {
        Some(t) => format!("{t}\n\n{}", item.text),
        None => item.text.clone(),
    };
    let bytes = text.len() as u64;
    let mut record = Map::new();
    for (key, value) in [
        ("id", &item.id),
        ("url", &item.link),
        ("title", &item.title),
        ("date", &item.date),
    ] {
        if let Some(v) = value {
            record.insert(key.into(), json!(v));
        }
    }
    record.insert("line".into(), json!(item.line));
    let date = item.date.as_deref().and_then(parse_feed_date);
    Job {
        input: k,
        payload: Payload::Item(Box::new(Loaded {
            key: id.unwrap_or_else(|| name.clone()),
            name,
            text: Ok(text),
            meta: Meta {
                format: crate::document::TextFormat::Plain,
                date,
            },
            record: Some(record),
            warning: None,
        })),
        bytes,
    }
}

/// A feed's date: ISO 8601 (Atom) or RFC 822 (RSS: `Tue, 11 Jul 2023 08:00:00 GMT`).
fn parse_feed_date(s: &str) -> Option<Date> {
    if let Some(d) = Date::parse_iso(s.trim()) {
        return Some(d);
    }
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mut words = s.split([' ', ',']).filter(|w| !w.is_empty());
    let mut day = words.next()?;
    if day.parse::<u8>().is_err() {
        day = words.next()?;
    }
    let day: u8 = day.parse().ok()?;
    let month = words.next()?.get(..3)?.to_ascii_lowercase();
    let month = MONTHS.iter().position(|m| *m == month)? as u8 + 1;
    let year: i32 = words.next()?.parse().ok()?;
    Date::new(Some(year), month, day)
}

/// Reads, decodes and parses a job: what a worker does before checking.
/// `None` when `shard` leaves the document out.
pub fn load(job: Job, inputs: &[Input], shard: Option<Shard>, lossy: bool) -> Option<Loaded> {
    let input = &inputs[job.input];
    let loaded = match job.payload {
        Payload::File => {
            if shard.is_some_and(|s| !s.takes(&input.name)) {
                return None;
            }
            let mut meta = Meta {
                format: input.format.text_format(),
                ..Meta::default()
            };
            let mut record = None;
            let mut warning = None;
            let text = super::read_with(input, lossy).map(|decoded| {
                warning = decoded.warning;
                let text = decoded.text;
                if input.format != InputFormat::Html {
                    return text;
                }
                let page = html::extract(&text);
                let mut r = Map::new();
                if let Some(t) = &page.title {
                    r.insert("title".into(), json!(t));
                }
                r.insert("extracted_from".into(), json!(page.origin.as_str()));
                record = Some(r);
                meta.format = crate::document::TextFormat::Plain;
                page.text
            });
            Loaded {
                name: input.name.clone(),
                key: input.name.clone(),
                text,
                meta,
                record,
                warning,
            }
        }
        Payload::Line { line, bytes } => {
            let mut warning = None;
            let text = String::from_utf8(bytes).or_else(|e| {
                let why = format!("invalid UTF-8 at byte {} of the line", e.utf8_error().valid_up_to());
                if !lossy {
                    return Err(why);
                }
                warning = Some(format!(
                    "line {line}: {why}: invalid bytes replaced by U+FFFD (--lossy)"
                ));
                Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
            });
            let parsed = text.and_then(|t| jsonl::parse_record(&t));
            match parsed {
                Ok(r) => {
                    let name = format!("{}#{}", input.name, r.id.clone().unwrap_or_else(|| line.to_string()));
                    Loaded {
                        key: r.id.unwrap_or_else(|| name.clone()),
                        name,
                        text: Ok(r.text),
                        meta: Meta {
                            format: crate::document::TextFormat::Plain,
                            date: r.date,
                        },
                        record: Some(r.fields),
                        warning,
                    }
                }
                Err(e) => {
                    let name = format!("{}#{line}", input.name);
                    Loaded {
                        key: name.clone(),
                        name,
                        text: Err(format!("line {line}: {e}")),
                        meta: Meta::default(),
                        record: None,
                        warning,
                    }
                }
            }
        }
        Payload::Item(loaded) => *loaded,
        Payload::Error { name, message } => Loaded {
            key: name.clone(),
            name,
            text: Err(message),
            meta: Meta::default(),
            record: None,
            warning: None,
        },
    };
    if shard.is_some_and(|s| !s.takes(&loaded.key)) {
        return None;
    }
    Some(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jsonl_input(name: &str, text: &str) -> (tempfile::TempDir, Input) {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join(name);
        std::fs::write(&p, text).unwrap();
        let (format, gzip) = InputFormat::of_path(&p);
        let input = Input {
            name: name.to_string(),
            source: Source::File(p),
            format,
            gzip,
            error: None,
        };
        (d, input)
    }

    fn loaded(inputs: &[Input], shard: Option<Shard>) -> Vec<Loaded> {
        Jobs::new(inputs)
            .filter_map(|j| load(j, inputs, shard, false))
            .collect()
    }

    #[test]
    fn jsonl_lines_become_documents_and_bad_lines_errors() {
        let feed = "{\"id\":\"a\",\"title\":\"T\",\"text\":\"Un.\"}\n\n  \n{\"text\":\"Deux.\"}\r\n{\"id\":7,\"text\":5}\nnot json\n{\"id\":\"z\",\"text\":\"fin\"}";
        let (_d, input) = jsonl_input("f.jsonl", feed);
        let docs = loaded(std::slice::from_ref(&input), None);
        let names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["f.jsonl#a", "f.jsonl#4", "f.jsonl#5", "f.jsonl#6", "f.jsonl#z"]);
        assert_eq!(docs[0].text.as_deref(), Ok("T\n\nUn."));
        assert_eq!(docs[1].text.as_deref(), Ok("Deux."));
        assert_eq!(
            docs[2].text.as_ref().unwrap_err(),
            "line 5: `text` is a number, not a string"
        );
        assert!(docs[3].text.as_ref().unwrap_err().starts_with("line 6: invalid JSON"));
        assert_eq!(
            docs[4].text.as_deref(),
            Ok("fin"),
            "a last line without newline is read"
        );
        assert_eq!(docs[0].record.as_ref().unwrap()["title"], "T");
    }

    #[test]
    fn gzip_inputs_are_read_transparently() {
        use std::io::Write;
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f.jsonl.gz");
        let mut gz = flate2::write::GzEncoder::new(std::fs::File::create(&p).unwrap(), flate2::Compression::fast());
        gz.write_all(b"{\"id\":\"a\",\"text\":\"Un.\"}\n{\"id\":\"b\",\"text\":\"Deux.\"}\n")
            .unwrap();
        gz.finish().unwrap();
        let (inputs, _) = super::super::discover(&[p.display().to_string()], &super::super::Walk::default(), None);
        assert_eq!((inputs[0].format, inputs[0].gzip), (InputFormat::Jsonl, true));
        let docs = loaded(&inputs, None);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].text.as_deref(), Ok("Deux."));
    }

    #[test]
    fn shards_partition_the_documents() {
        let feed: String = (0..200)
            .map(|i| format!("{{\"id\":\"n{i}\",\"text\":\"x\"}}\n"))
            .collect();
        let (_d, input) = jsonl_input("f.jsonl", &feed);
        let inputs = [input];
        let all: Vec<String> = loaded(&inputs, None).into_iter().map(|d| d.name).collect();
        let mut union = Vec::new();
        for i in 0..3 {
            let part = loaded(&inputs, Some(Shard { index: i, count: 3 }));
            assert!(part.len() > 40, "shards are balanced enough: {}", part.len());
            union.extend(part.into_iter().map(|d| d.name));
        }
        union.sort();
        let mut sorted = all.clone();
        sorted.sort();
        assert_eq!(union, sorted);
        assert_eq!(Shard::parse("2/8"), Ok(Shard { index: 1, count: 8 }));
        assert!(Shard::parse("0/8").is_err() && Shard::parse("9/8").is_err() && Shard::parse("1").is_err());
    }

    #[test]
    fn feed_dates_in_both_formats() {
        assert_eq!(
            parse_feed_date("Tue, 11 Jul 2023 08:00:00 GMT"),
            Date::new(Some(2023), 7, 11)
        );
        assert_eq!(
            parse_feed_date("2023-07-11T08:00:00+02:00"),
            Date::new(Some(2023), 7, 11)
        );
        assert_eq!(parse_feed_date("11 July 2023"), Date::new(Some(2023), 7, 11));
        assert_eq!(parse_feed_date("hier"), None);
    }
}
