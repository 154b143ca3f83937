//! RSS 2.0, RSS 1.0 and Atom feeds: one document per item or entry.
//!
//! The feed is read with quick-xml's namespace-aware pull parser, in one
//! pass. Only the direct children of an `<item>` or `<entry>` are read (an
//! Atom `<source>`'s title is not the entry's). Element names are matched by
//! local name and namespace: unprefixed names, and prefixes bound to the
//! Atom, RSS 1.0 or RSS 0.9 namespaces, are the feed's own vocabulary;
//! `content:encoded` and `dc:date` are recognised by their namespace, or by
//! the literal prefixes `content:`, `dc:` and `atom:` when a sloppy feed
//! forgot to declare them. Other extensions (`media:`, `itunes:`, …) are
//! ignored.
//!
//! Text is decoded as XML (CDATA sections, the five predefined entities,
//! character references); named HTML entities that XML does not define
//! (`&eacute;`, `&nbsp;`), common in hand-made feeds, are decoded too. HTML
//! content is reduced to text with [`html::fragment_text`].
//!
//! The input must be UTF-8 (a leading byte-order mark is skipped): text that
//! is not is reported as bad XML.

use std::fmt;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::{QName, ResolveResult};
use quick_xml::{NsReader, XmlVersion};
use rustc_hash::FxHashMap;

use super::html;

const ATOM_NS: &[u8] = b"http://www.w3.org/2005/Atom";
const RSS1_NS: &[u8] = b"http://purl.org/rss/1.0/";
const RSS09_NS: &[u8] = b"http://my.netscape.com/rdf/simple/0.9/";
const CONTENT_NS: &[u8] = b"http://purl.org/rss/1.0/modules/content/";
const DC_NS: &[u8] = b"http://purl.org/dc/elements/1.1/";

/// One item (RSS) or entry (Atom) of a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// guid (RSS 2.0), `rdf:about` (RSS 1.0) or id (Atom), trimmed; None if absent or empty.
    pub id: Option<String>,
    /// link (RSS text content; Atom: href of `<link rel="alternate">` or of a
    /// `<link>` without rel, the first one). In RSS, a text `<link>` is
    /// preferred to an `<atom:link>`'s href.
    pub link: Option<String>,
    /// The title, whitespace collapsed; an Atom title of type `html` or
    /// `xhtml` is reduced with [`html::fragment_text`] first.
    pub title: Option<String>,
    /// pubDate (RSS, RFC 822 as written), else `dc:date` (RSS 1.0), or
    /// published, else updated (Atom), as written, trimmed.
    pub date: Option<String>,
    /// `content:encoded` (RSS) / content (Atom), else (when absent or
    /// without text) description (RSS) / summary (Atom), reduced to text:
    /// RSS fields and Atom ones of type `html` or `xhtml` with
    /// [`html::fragment_text`]; Atom text constructs of type `text` kept as
    /// they are, trimmed. Empty when the item has no text at all.
    pub text: String,
    /// 1-based line in the file where the `<item>`/`<entry>` element starts.
    pub line: usize,
}

/// Why a feed cannot be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedError {
    /// 1-based line of the problem.
    pub line: usize,
    /// What is wrong, without the line.
    pub message: String,
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for FeedError {}

/// Parses a whole RSS 2.0 (`<rss><channel><item>…`), RSS 1.0
/// (`<rdf:RDF><item>…`) or Atom (`<feed><entry>…`) document.
///
/// A document whose root element is none of these is an error "not an RSS
/// or Atom feed (root element <x>)" at the root's line; malformed XML
/// (quick-xml's errors, an element left open at the end, a second root
/// element) is an error "bad XML: …" at the line where reading stopped.
/// Items are returned in document order, including those without text.
pub fn parse(xml: &[u8]) -> Result<Vec<Item>, FeedError> {
    let xml = xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml);
    if xml.starts_with(b"\xFF\xFE") || xml.starts_with(b"\xFE\xFF") {
        return Err(FeedError {
            line: 1,
            message: "UTF-16 feeds are not supported (convert the file to UTF-8)".into(),
        });
    }
    let mut reader = NsReader::from_reader(xml);
    let mut state = State {
        lines: Lines {
            bytes: xml,
            pos: 0,
            line: 1,
        },
        kind: None,
        open: Names::default(),
        items: Vec::new(),
        draft: None,
        capture: None,
        entities: FxHashMap::default(),
    };
    loop {
        let start = offset(reader.buffer_position());
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => return Err(state.error_at(offset(reader.error_position()), format!("bad XML: {e}"))),
        };
        match event {
            Event::Start(e) => {
                let vocab = vocabulary(&reader, e.name());
                state.start(&e, vocab, start, false)?;
            }
            Event::Empty(e) => {
                let vocab = vocabulary(&reader, e.name());
                state.start(&e, vocab, start, true)?;
            }
            Event::End(e) => state.end(e.local_name().as_ref()),
            Event::Text(t) => {
                if let Some(capture) = &mut state.capture {
                    match t.xml10_content() {
                        Ok(text) => capture.buf.push_str(&text),
                        Err(_) => return Err(state.bad_utf8(start, &t)),
                    }
                }
            }
            Event::CData(t) => {
                if let Some(capture) = &mut state.capture {
                    match t.xml10_content() {
                        Ok(text) if capture.mode == Mode::Xhtml => push_escaped(&mut capture.buf, &text),
                        Ok(text) => capture.buf.push_str(&text),
                        Err(_) => return Err(state.bad_utf8(start + b"<![CDATA[".len(), &t)),
                    }
                }
            }
            Event::GeneralRef(r) => state.reference(&r),
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    state.finish()
}

/// A reader position as an index into the input.
fn offset(position: u64) -> usize {
    usize::try_from(position).unwrap_or(usize::MAX)
}

/// Which vocabulary an element name belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Vocabulary {
    /// RSS or Atom.
    Feed,
    /// The RSS content module (`content:encoded`).
    Content,
    /// Dublin Core (`dc:date`).
    Dc,
    Other,
}

fn vocabulary(reader: &NsReader<&[u8]>, name: QName<'_>) -> Vocabulary {
    let Some(prefix) = name.prefix() else {
        return Vocabulary::Feed;
    };
    match reader.resolver().resolve_element(name).0 {
        ResolveResult::Bound(ns) => match ns.as_ref() {
            ATOM_NS | RSS1_NS | RSS09_NS => Vocabulary::Feed,
            CONTENT_NS => Vocabulary::Content,
            DC_NS => Vocabulary::Dc,
            _ => Vocabulary::Other,
        },
        ResolveResult::Unbound | ResolveResult::Unknown(_) => match prefix.as_ref() {
            b"atom" => Vocabulary::Feed,
            b"content" => Vocabulary::Content,
            b"dc" => Vocabulary::Dc,
            _ => Vocabulary::Other,
        },
    }
}

/// RSS (2.0, 0.9x or 1.0) or Atom, from the root element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Rss,
    Atom,
}

/// The item fields read from a direct child of an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Id,
    Link,
    Title,
    /// A date, lower ranks preferred: pubDate/published, dc:date, updated.
    Date(u8),
    Content,
    Summary,
}

fn field(vocabulary: Vocabulary, local: &[u8]) -> Option<Field> {
    Some(match (vocabulary, local) {
        (Vocabulary::Feed, b"guid" | b"id") => Field::Id,
        (Vocabulary::Feed, b"link") => Field::Link,
        (Vocabulary::Feed, b"title") => Field::Title,
        (Vocabulary::Feed, b"pubDate" | b"published") => Field::Date(0),
        (Vocabulary::Dc, b"date") => Field::Date(1),
        (Vocabulary::Feed, b"updated") => Field::Date(2),
        (Vocabulary::Content, b"encoded") | (Vocabulary::Feed, b"content") => Field::Content,
        (Vocabulary::Feed, b"description" | b"summary") => Field::Summary,
        _ => return None,
    })
}

/// How a field's content is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Plain text: child elements' tags are ignored, their text kept.
    Plain,
    /// HTML carried as text (escaped or in CDATA), decoded once, then reduced.
    Html,
    /// Inline XHTML markup (Atom `type="xhtml"`), reduced.
    Xhtml,
    /// Content that is not text (Atom `src` or a binary media type).
    Skip,
}

/// The mode of a title, content or summary element (other fields are plain).
fn mode(field: Field, local: &[u8], e: &BytesStart<'_>) -> Mode {
    if !matches!(field, Field::Title | Field::Content | Field::Summary) {
        return Mode::Plain;
    }
    // RSS: content:encoded and description always hold HTML.
    if matches!(local, b"encoded" | b"description") {
        return Mode::Html;
    }
    if field == Field::Content && attribute(e, b"src").is_some() {
        return Mode::Skip;
    }
    let Some(kind) = attribute(e, b"type") else {
        return Mode::Plain;
    };
    match kind.trim().to_ascii_lowercase().as_str() {
        "" | "text" => Mode::Plain,
        "html" | "text/html" => Mode::Html,
        "xhtml" | "application/xhtml+xml" => Mode::Xhtml,
        t if t.starts_with("text/") => Mode::Plain,
        t if t.ends_with("+xml") || t.ends_with("/xml") => Mode::Xhtml,
        _ => Mode::Skip,
    }
}

/// The value of the attribute with local name `name`, entities decoded
/// (kept raw when they cannot be).
fn attribute(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    let attr = e
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)?;
    Some(match attr.normalized_value(XmlVersion::Implicit1_0) {
        Ok(value) => value.into_owned(),
        Err(_) => String::from_utf8_lossy(&attr.value).into_owned(),
    })
}

/// Elements without content, written without an end tag when XHTML is turned into HTML.
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"source"
            | b"track"
            | b"wbr"
    )
}

/// Appends `text` escaped for HTML.
fn push_escaped(buf: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => buf.push_str("&amp;"),
            '<' => buf.push_str("&lt;"),
            '>' => buf.push_str("&gt;"),
            c => buf.push(c),
        }
    }
}

/// Line numbers of byte offsets, counted incrementally (offsets mostly grow).
struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl Lines<'_> {
    fn at(&mut self, pos: usize) -> usize {
        let pos = pos.min(self.bytes.len());
        let newlines = |s: &[u8]| s.iter().filter(|&&b| b == b'\n').count();
        if pos >= self.pos {
            self.line += newlines(&self.bytes[self.pos..pos]);
        } else {
            self.line -= newlines(&self.bytes[pos..self.pos]);
        }
        self.pos = pos;
        self.line
    }
}

/// The names of the open elements, in one buffer.
#[derive(Default)]
struct Names {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Names {
    fn push(&mut self, name: &[u8]) {
        self.bytes.extend_from_slice(name);
        self.ends.push(self.bytes.len());
    }

    fn pop(&mut self) {
        self.ends.pop();
        self.bytes.truncate(self.ends.last().copied().unwrap_or(0));
    }

    fn depth(&self) -> usize {
        self.ends.len()
    }

    /// The innermost open element's name.
    fn last(&self) -> Option<String> {
        let end = *self.ends.last()?;
        let start = self.ends.len().checked_sub(2).map_or(0, |i| self.ends[i]);
        Some(String::from_utf8_lossy(&self.bytes[start..end]).into_owned())
    }
}

/// An item being read.
#[derive(Default)]
struct Draft {
    line: usize,
    /// The depth of the item element.
    depth: usize,
    /// `rdf:about` of an RSS 1.0 item: its id unless it has a guid.
    about: Option<String>,
    id: Option<String>,
    link_text: Option<String>,
    link_href: Option<String>,
    title: Option<String>,
    date: Option<(u8, String)>,
    content: Option<String>,
    summary: Option<String>,
}

impl Draft {
    fn into_item(self) -> Item {
        Item {
            id: self.id.or(self.about),
            link: self.link_text.or(self.link_href),
            title: self.title,
            date: self.date.map(|(_, date)| date),
            text: self.content.or(self.summary).unwrap_or_default(),
            line: self.line,
        }
    }

    /// Stores the content of a field element.
    fn store(&mut self, field: Field, mode: Mode, buf: &str) {
        let trimmed = || Some(buf.trim().to_string()).filter(|s| !s.is_empty());
        let text = || match mode {
            Mode::Plain => buf.trim().to_string(),
            Mode::Html | Mode::Xhtml => html::fragment_text(buf),
            Mode::Skip => String::new(),
        };
        match field {
            _ if mode == Mode::Skip => {}
            Field::Id => set_once(&mut self.id, trimmed),
            Field::Link => set_once(&mut self.link_text, trimmed),
            Field::Date(rank) => {
                if self.date.as_ref().is_none_or(|(r, _)| rank < *r) {
                    if let Some(date) = trimmed() {
                        self.date = Some((rank, date));
                    }
                }
            }
            Field::Title => set_once(&mut self.title, || {
                let title = match mode {
                    Mode::Plain => html::collapse_spaces(buf),
                    _ => html::collapse_spaces(&text()),
                };
                Some(title).filter(|t| !t.is_empty())
            }),
            Field::Content => set_once(&mut self.content, || Some(text()).filter(|t| !t.is_empty())),
            Field::Summary => set_once(&mut self.summary, || Some(text()).filter(|t| !t.is_empty())),
        }
    }
}

/// Sets `slot` to `value()` unless it is already set.
fn set_once(slot: &mut Option<String>, value: impl FnOnce() -> Option<String>) {
    if slot.is_none() {
        *slot = value();
    }
}

/// A field element being read.
struct Capture {
    field: Field,
    mode: Mode,
    /// The depth of the field element.
    depth: usize,
    /// Its content: text, or HTML markup in the HTML and XHTML modes.
    buf: String,
}

impl Capture {
    /// A child element's start tag, kept as markup in the HTML modes.
    fn tag(&mut self, e: &BytesStart<'_>, empty: bool) {
        if !matches!(self.mode, Mode::Html | Mode::Xhtml) {
            return;
        }
        let local = e.local_name();
        let name = String::from_utf8_lossy(local.as_ref());
        self.buf.push('<');
        self.buf.push_str(&name);
        self.buf.push_str(&String::from_utf8_lossy(e.attributes_raw()));
        self.buf.push('>');
        if empty && !is_void(local.as_ref()) {
            self.end_tag(local.as_ref());
        }
    }

    /// A child element's end tag.
    fn end_tag(&mut self, local: &[u8]) {
        if matches!(self.mode, Mode::Html | Mode::Xhtml) {
            self.buf.push_str("</");
            self.buf.push_str(&String::from_utf8_lossy(local));
            self.buf.push('>');
        }
    }
}

/// The parser's state between events.
struct State<'a> {
    lines: Lines<'a>,
    /// Set by the root element.
    kind: Option<Kind>,
    open: Names,
    items: Vec<Item>,
    draft: Option<Draft>,
    capture: Option<Capture>,
    /// Named entities XML does not define, decoded as HTML ones.
    entities: FxHashMap<String, Option<String>>,
}

impl State<'_> {
    fn error_at(&mut self, pos: usize, message: String) -> FeedError {
        FeedError {
            line: self.lines.at(pos),
            message,
        }
    }

    /// The error for text at byte `pos` that is not UTF-8, at the line of its first bad byte.
    fn bad_utf8(&mut self, pos: usize, raw: &[u8]) -> FeedError {
        let valid = std::str::from_utf8(raw).map_or_else(|e| e.valid_up_to(), |s| s.len());
        self.error_at(pos + valid, "bad XML: invalid UTF-8 (feeds must be UTF-8)".into())
    }

    /// A start tag (`empty` for `<x/>`) at byte `pos`.
    fn start(&mut self, e: &BytesStart<'_>, vocabulary: Vocabulary, pos: usize, empty: bool) -> Result<(), FeedError> {
        let local = e.local_name();
        let local = local.as_ref();
        if self.open.depth() == 0 {
            match self.kind {
                None => self.kind = Some(root_kind(e, pos, &mut self.lines)?),
                Some(_) => {
                    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                    return Err(self.error_at(pos, format!("bad XML: a second root element <{name}>")));
                }
            }
        }
        if !empty {
            self.open.push(e.name().as_ref());
        }
        // The depth the element has (or would have, for an empty one).
        let depth = self.open.depth() + usize::from(empty);
        if let Some(capture) = &mut self.capture {
            capture.tag(e, empty);
            return Ok(());
        }
        let Some(draft) = &mut self.draft else {
            let item_name: &[u8] = match self.kind {
                Some(Kind::Atom) => b"entry",
                _ => b"item",
            };
            if vocabulary == Vocabulary::Feed && local == item_name {
                let draft = Draft {
                    line: self.lines.at(pos),
                    depth,
                    about: attribute(e, b"about")
                        .map(|a| a.trim().to_string())
                        .filter(|a| !a.is_empty()),
                    ..Draft::default()
                };
                if empty {
                    self.items.push(draft.into_item());
                } else {
                    self.draft = Some(draft);
                }
            }
            return Ok(());
        };
        if depth != draft.depth + 1 {
            return Ok(());
        }
        let Some(field) = field(vocabulary, local) else {
            return Ok(());
        };
        if let Some(href) = attribute(e, b"href").filter(|_| field == Field::Link) {
            let rel = attribute(e, b"rel").map(|r| r.trim().to_ascii_lowercase());
            let alternate = rel.as_deref().is_none_or(|r| {
                r.is_empty() || r == "alternate" || r == "http://www.iana.org/assignments/relation/alternate"
            });
            if alternate {
                set_once(&mut draft.link_href, || {
                    Some(href.trim().to_string()).filter(|h| !h.is_empty())
                });
            }
            return Ok(());
        }
        if !empty {
            self.capture = Some(Capture {
                field,
                mode: mode(field, local, e),
                depth,
                buf: String::new(),
            });
        }
        Ok(())
    }

    /// An end tag.
    fn end(&mut self, local: &[u8]) {
        let depth = self.open.depth();
        match &mut self.capture {
            Some(capture) if capture.depth == depth => {
                if let (Some(capture), Some(draft)) = (self.capture.take(), &mut self.draft) {
                    draft.store(capture.field, capture.mode, &capture.buf);
                }
            }
            Some(capture) => capture.end_tag(local),
            None => {
                if let Some(draft) = self.draft.take_if(|d| d.depth == depth) {
                    self.items.push(draft.into_item());
                }
            }
        }
        self.open.pop();
    }

    /// An entity or character reference, inside a field.
    fn reference(&mut self, r: &BytesRef<'_>) {
        let Some(capture) = &mut self.capture else {
            return;
        };
        let raw = String::from_utf8_lossy(r);
        let resolved: Option<String> = match r.resolve_char_ref() {
            Ok(Some(c)) => Some(c.to_string()),
            Ok(None) => quick_xml::escape::resolve_xml_entity(&raw).map(str::to_string),
            Err(_) => None,
        };
        match (resolved, capture.mode) {
            (Some(text), Mode::Xhtml) => push_escaped(&mut capture.buf, &text),
            (Some(text), _) => capture.buf.push_str(&text),
            (None, Mode::Plain) if !r.is_char_ref() => {
                let decoded = self
                    .entities
                    .entry(raw.to_string())
                    .or_insert_with(|| html::named_entity(&raw));
                match decoded {
                    Some(text) => capture.buf.push_str(text),
                    None => push_reference(&mut capture.buf, &raw),
                }
            }
            // Left to the HTML parser (which knows HTML's entities) or kept as written.
            (None, _) => push_reference(&mut capture.buf, &raw),
        }
    }

    /// The end of input.
    fn finish(mut self) -> Result<Vec<Item>, FeedError> {
        let end = self.lines.bytes.len();
        if let Some(name) = self.open.last() {
            return Err(self.error_at(end, format!("bad XML: unexpected end of input, <{name}> is not closed")));
        }
        if self.kind.is_none() {
            return Err(FeedError {
                line: 1,
                message: "not an RSS or Atom feed (no root element)".into(),
            });
        }
        Ok(self.items)
    }
}

/// Appends `&name;`.
fn push_reference(buf: &mut String, name: &str) {
    buf.push('&');
    buf.push_str(name);
    buf.push(';');
}

/// The kind of feed a root element starts.
fn root_kind(e: &BytesStart<'_>, pos: usize, lines: &mut Lines<'_>) -> Result<Kind, FeedError> {
    match e.local_name().as_ref() {
        b"rss" | b"RDF" => Ok(Kind::Rss),
        b"feed" => Ok(Kind::Atom),
        _ => Err(FeedError {
            line: lines.at(pos),
            message: format!(
                "not an RSS or Atom feed (root element <{}>)",
                String::from_utf8_lossy(e.name().as_ref())
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>La Gazette du Lac</title>
    <link>https://gazette.example/</link>
    <description>Le fil de la rédaction</description>
    <item>
      <title>  Les  pêcheurs &amp; la
        sécheresse  </title>
      <link>https://gazette.example/peche</link>
      <guid isPermaLink="false"> gazette-0042 </guid>
      <pubDate>Tue, 04 Mar 2025 08:15:00 +0100</pubDate>
      <description>Résumé court.</description>
      <content:encoded><![CDATA[<p>Le niveau du lac a baissé de 2&nbsp;mètres.</p><p>Les pêcheurs s'inquiètent&nbsp;!</p>]]></content:encoded>
      <media:description>Légende de la photo</media:description>
    </item>
    <item>
      <title>R&#233;colte &lt;record&gt;</title>
      <atom:link rel="self" href="https://gazette.example/self"/>
      <link>https://gazette.example/vendanges</link>
      <guid></guid>
      <description>&lt;p&gt;Les vendanges &lt;b&gt;commencent&lt;/b&gt; tôt.&lt;/p&gt;&lt;p&gt;Deuxième paragraphe.&lt;/p&gt;</description>
    </item>
  </channel>
</rss>
"#;

    #[test]
    fn rss_two_items() {
        let items = parse(RSS.as_bytes()).expect("a feed");
        assert_eq!(items.len(), 2);
        let first = &items[0];
        assert_eq!(first.id.as_deref(), Some("gazette-0042"));
        assert_eq!(first.link.as_deref(), Some("https://gazette.example/peche"));
        assert_eq!(first.title.as_deref(), Some("Les pêcheurs & la sécheresse"));
        assert_eq!(first.date.as_deref(), Some("Tue, 04 Mar 2025 08:15:00 +0100"));
        assert_eq!(
            first.text,
            "Le niveau du lac a baissé de 2\u{a0}mètres.\n\nLes pêcheurs s'inquiètent\u{a0}!"
        );
        assert_eq!(first.line, 8);
        let second = &items[1];
        assert_eq!(second.id, None, "an empty guid is no id");
        assert_eq!(second.link.as_deref(), Some("https://gazette.example/vendanges"));
        assert_eq!(second.title.as_deref(), Some("Récolte <record>"));
        assert_eq!(second.date, None);
        assert_eq!(second.text, "Les vendanges commencent tôt.\n\nDeuxième paragraphe.");
        assert_eq!(second.line, 18);
    }

    #[test]
    fn guid_and_link_fall_back_independently() {
        let xml = "<rss><channel>\
            <item><guid>id-seul</guid></item>\
            <item><atom:link href='https://x.example/a' rel='alternate'/></item>\
            <item><title>Rien</title></item>\
            </channel></rss>";
        let items = parse(xml.as_bytes()).expect("a feed");
        assert_eq!(items.len(), 3);
        assert_eq!(
            (items[0].id.as_deref(), items[0].link.as_deref()),
            (Some("id-seul"), None)
        );
        assert_eq!(
            (items[1].id.as_deref(), items[1].link.as_deref()),
            (None, Some("https://x.example/a")),
            "an undeclared atom: prefix still counts"
        );
        assert_eq!((items[2].id.as_deref(), items[2].link.as_deref()), (None, None));
        assert_eq!(items[2].text, "", "an item without text is still returned");
    }

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Le Courrier des Cimes</title>
  <id>urn:uuid:courrier</id>
  <updated>2025-05-02T10:00:00Z</updated>
  <entry>
    <title type="html">Le &lt;em&gt;refuge&lt;/em&gt; rouvre</title>
    <link rel="self" href="https://cimes.example/api/1"/>
    <link rel="alternate" type="text/html" href="https://cimes.example/refuge"/>
    <id>urn:uuid:refuge</id>
    <updated>2025-05-02T09:00:00Z</updated>
    <published>2025-05-01T18:30:00+02:00</published>
    <summary type="text">Un résumé</summary>
    <content type="html">&lt;p&gt;Le refuge du col rouvre samedi.&lt;/p&gt;&lt;p&gt;Réservation conseillée&amp;nbsp;!&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Avalanche &#xE0; l'aube</title>
    <link href="https://cimes.example/avalanche"/>
    <id>urn:uuid:avalanche</id>
    <updated>2025-05-02T07:00:00Z</updated>
    <summary type="text">  Une coulée a fermé la route.
  Pas de blessé.  </summary>
    <source><title>Autre flux</title><id>urn:other</id></source>
  </entry>
  <entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Le <b>xhtml</b></div></title>
    <id>urn:uuid:xhtml</id>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Un &lt;chevron&gt; et <i>ceci</i>.</p><p>Ligne<br/>suivante</p></div></content>
  </entry>
</feed>
"#;

    #[test]
    fn atom_entries() {
        let items = parse(ATOM.as_bytes()).expect("a feed");
        assert_eq!(items.len(), 3);
        let first = &items[0];
        assert_eq!(first.id.as_deref(), Some("urn:uuid:refuge"));
        assert_eq!(first.link.as_deref(), Some("https://cimes.example/refuge"));
        assert_eq!(first.title.as_deref(), Some("Le refuge rouvre"));
        assert_eq!(
            first.date.as_deref(),
            Some("2025-05-01T18:30:00+02:00"),
            "published beats updated"
        );
        assert_eq!(
            first.text,
            "Le refuge du col rouvre samedi.\n\nRéservation conseillée\u{a0}!"
        );
        assert_eq!(first.line, 6);
        let second = &items[1];
        assert_eq!(second.id.as_deref(), Some("urn:uuid:avalanche"), "not the source's id");
        assert_eq!(second.link.as_deref(), Some("https://cimes.example/avalanche"));
        assert_eq!(second.title.as_deref(), Some("Avalanche à l'aube"));
        assert_eq!(second.date.as_deref(), Some("2025-05-02T07:00:00Z"));
        assert_eq!(second.text, "Une coulée a fermé la route.\n  Pas de blessé.");
        assert_eq!(second.line, 16);
        let third = &items[2];
        assert_eq!(third.title.as_deref(), Some("Le xhtml"));
        assert_eq!(third.text, "Un <chevron> et ceci.\n\nLigne\nsuivante");
        assert_eq!(third.line, 25);
    }

    #[test]
    fn atom_content_kinds() {
        let xml = "<feed xmlns='http://www.w3.org/2005/Atom'>\
            <entry><content src='https://x.example/a.pdf' type='application/pdf'/><summary>Repli</summary></entry>\
            <entry><content type='image/png'>iVBORw0KGgo=</content><summary type='html'>&lt;p&gt;Image&lt;/p&gt;</summary></entry>\
            <entry><content type='text'>  Texte <b>brut</b> &amp; &lt;balises&gt;  </content></entry>\
            <entry><content type='html'><![CDATA[<p>Dans un <em>CDATA</em></p>]]></content></entry>\
            <entry><content type='html'>   </content><summary>Résumé de secours</summary></entry>\
            </feed>";
        let texts: Vec<String> = parse(xml.as_bytes())
            .expect("a feed")
            .into_iter()
            .map(|i| i.text)
            .collect();
        assert_eq!(
            texts,
            [
                "Repli",
                "Image",
                "Texte brut & <balises>",
                "Dans un CDATA",
                "Résumé de secours"
            ]
        );
    }

    #[test]
    fn rss_1_0() {
        let xml = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://bourg.example/">
    <title>Le Bourg</title>
    <items><rdf:Seq><rdf:li rdf:resource="https://bourg.example/foire"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://bourg.example/foire">
    <title>La foire aux bestiaux</title>
    <link>https://bourg.example/foire</link>
    <description>Elle se tient dimanche.</description>
    <dc:date>2025-04-12</dc:date>
  </item>
</rdf:RDF>"#;
        let items = parse(xml.as_bytes()).expect("a feed");
        assert_eq!(
            items,
            [Item {
                id: Some("https://bourg.example/foire".into()),
                link: Some("https://bourg.example/foire".into()),
                title: Some("La foire aux bestiaux".into()),
                date: Some("2025-04-12".into()),
                text: "Elle se tient dimanche.".into(),
                line: 8,
            }]
        );
    }

    #[test]
    fn html_entities_unknown_to_xml() {
        let xml = "<rss><channel><item><title>L&eacute;gumes d&rsquo;&eacute;t&eacute;&nbsp;: &inconnu;</title>\
            <description>&lt;p&gt;Prix&amp;nbsp;: 3&amp;euro;&lt;/p&gt;</description></item></channel></rss>";
        let items = parse(xml.as_bytes()).expect("a feed");
        assert_eq!(items[0].title.as_deref(), Some("Légumes d\u{2019}été\u{a0}: &inconnu;"));
        assert_eq!(items[0].text, "Prix\u{a0}: 3€");
    }

    #[test]
    fn undeclared_content_prefix() {
        let xml = "<rss><channel><item><description>court</description>\
            <content:encoded>&lt;p&gt;long&lt;/p&gt;</content:encoded></item></channel></rss>";
        assert_eq!(parse(xml.as_bytes()).expect("a feed")[0].text, "long");
    }

    #[test]
    fn not_a_feed() {
        let err = parse(b"<?xml version=\"1.0\"?>\n<!-- sitemap -->\n<urlset><url/></urlset>").unwrap_err();
        assert_eq!(err.line, 3);
        assert_eq!(err.message, "not an RSS or Atom feed (root element <urlset>)");
        let html = parse(b"<html><body>x</body></html>").unwrap_err();
        assert_eq!(html.message, "not an RSS or Atom feed (root element <html>)");
        let empty = parse(b"  \n").unwrap_err();
        assert_eq!(
            (empty.line, empty.message.as_str()),
            (1, "not an RSS or Atom feed (no root element)")
        );
    }

    #[test]
    fn malformed_xml() {
        let err = parse(b"<rss>\n<channel>\n<item>\n<title>x</titre>\n</item></channel></rss>").unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.message.starts_with("bad XML: "), "{}", err.message);
        assert!(err.to_string().starts_with("line 4: bad XML: "));
        let amp = parse(b"<rss><channel>\n<item><title>A & B</title></item></channel></rss>").unwrap_err();
        assert_eq!(amp.line, 2, "{}", amp.message);
        let truncated = parse(b"<rss><channel>\n<item>\n<title>coup").unwrap_err();
        assert_eq!(truncated.line, 3);
        assert_eq!(
            truncated.message,
            "bad XML: unexpected end of input, <title> is not closed"
        );
        let two = parse(b"<rss></rss>\n<rss></rss>").unwrap_err();
        assert_eq!(
            (two.line, two.message.as_str()),
            (2, "bad XML: a second root element <rss>")
        );
        let latin1 = parse(b"<rss><channel><item><title>R\xe9sum\xe9</title>\n<description>\n\n\xe9t\xe9</description></item></channel></rss>");
        assert_eq!(
            latin1,
            Err(FeedError {
                line: 1,
                message: "bad XML: invalid UTF-8 (feeds must be UTF-8)".into()
            })
        );
        let cdata = parse(b"<rss><item><description><![CDATA[\n\n\xe9]]></description></item></rss>").unwrap_err();
        assert_eq!(cdata.line, 3);
        let utf16 = parse(b"\xFF\xFE<\0r\0").unwrap_err();
        assert!(utf16.message.contains("UTF-16"));
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        let mut xml = b"\xEF\xBB\xBF".to_vec();
        xml.extend_from_slice(
            "<?xml version=\"1.0\"?>\n<rss><channel>\n<item><title>Été</title></item></channel></rss>".as_bytes(),
        );
        let items = parse(&xml).expect("a feed");
        assert_eq!(items[0].title.as_deref(), Some("Été"));
        assert_eq!(items[0].line, 3);
    }

    #[test]
    fn item_lines_in_a_long_feed() {
        let n = 100_000;
        let mut xml = String::from("<rss>\n<channel>\n");
        for i in 0..n {
            xml.push_str(&format!("<item><guid>{i}</guid>\n<title>Dépêche {i}</title></item>\n"));
        }
        xml.push_str("</channel>\n</rss>\n");
        let items = parse(xml.as_bytes()).expect("a feed");
        assert_eq!(items.len(), n);
        assert_eq!(items[0].line, 3);
        assert_eq!(items[n - 1].line, 3 + 2 * (n - 1));
        assert_eq!(items[n - 1].id.as_deref(), Some("99999"));
        assert_eq!(items[n - 1].title.as_deref(), Some("Dépêche 99999"));
    }

    #[test]
    fn empty_items_and_crlf() {
        let xml = "<rss>\r\n<channel>\r\n<item/>\r\n<item><description><![CDATA[a\r\nb]]></description></item></channel></rss>";
        let items = parse(xml.as_bytes()).expect("a feed");
        assert_eq!(items.len(), 2);
        assert_eq!((items[0].line, items[1].line), (3, 4));
        assert_eq!(items[1].text, "a b");
    }
}
