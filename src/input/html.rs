//! HTML article files reduced to their text.
//!
//! Pages and fragments are parsed with a real HTML parser (`scraper`, built
//! on html5ever, which decodes entities and repairs broken markup the way
//! browsers do), then walked without recursion, so any nesting depth is safe.
//!
//! The text keeps one paragraph per line and separates paragraphs with one
//! blank line: block-level elements end a paragraph, `<br>` breaks a line
//! inside one (two `<br>` in a row therefore start a new paragraph), runs of
//! HTML whitespace collapse to one space, and no-break spaces (U+00A0, which
//! French typography puts before `:` `;` `!` `?` and inside `« »`) are kept.
//! Scripts, styles, navigation, footers, asides, forms and other page chrome
//! are dropped with everything inside them.
//!
//! html5ever spends time proportional to the depth of the tree on every
//! block tag (it scans its stack of open elements), so 100,000 nested
//! `<div>`s would take most of a minute. Before parsing, a linear scan
//! estimates the depth and drops the start tags (not their content) that
//! would nest more than 512 elements deep, as browsers do; real
//! pages stay far below. Crafted misnested formatting markup (`<b>`, `<i>`
//! reopened by the parser's adoption agency) can still make the parser slow:
//! that would take simulating the whole tree builder.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use scraper::{ElementRef, Html, Node};

/// How deep elements may nest before further start tags are dropped
/// (browsers cap the depth of the tree their parser builds at 512 too).
const MAX_NESTING: usize = 512;

/// The namespace html5ever gives HTML elements (SVG and MathML have theirs).
const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// Which element the article text was taken from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Article,
    Main,
    Body,
}

impl Origin {
    /// The element's name: `article`, `main` or `body`.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Article => "article",
            Origin::Main => "main",
            Origin::Body => "body",
        }
    }
}

/// The text of an HTML page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extracted {
    /// The document's `<title>` (whitespace collapsed), if any and non-empty.
    pub title: Option<String>,
    /// The article text: one paragraph per line, paragraphs separated by one blank line.
    pub text: String,
    /// Where `text` comes from.
    pub origin: Origin,
}

/// A whole HTML page: the text of the first `<article>`, else the first
/// `<main>`, else `<body>`.
///
/// Elements inside dropped ones (an `<article>` teaser inside an `<aside>`,
/// say) are not candidates, and a candidate with no text at all gives way to
/// the next kind (an empty first `<article>` falls back to `<main>`, then to
/// `<body>`). A frameset page, which has no body, gives the text of the
/// whole document with origin [`Origin::Body`].
pub fn extract(html: &str) -> Extracted {
    let doc = Html::parse_document(&limit_nesting(html));
    let Some(root) = doc.tree.root().children().find_map(ElementRef::wrap) else {
        return Extracted {
            title: None,
            text: String::new(),
            origin: Origin::Body,
        };
    };
    let mut found = Candidates::default();
    walk(root, &mut found);
    let title = found
        .title
        .map(|t| collapse_spaces(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    let text_of = |element: Option<ElementRef<'_>>| element.map(element_text).filter(|t| !t.is_empty());
    if let Some(text) = text_of(found.article) {
        return Extracted {
            title,
            text,
            origin: Origin::Article,
        };
    }
    if let Some(text) = text_of(found.main) {
        return Extracted {
            title,
            text,
            origin: Origin::Main,
        };
    }
    Extracted {
        title,
        text: element_text(found.body.unwrap_or(root)),
        origin: Origin::Body,
    }
}

/// An HTML fragment (an RSS item's description or `content:encoded`)
/// reduced to text with the same rules as [`extract`]: same dropped
/// elements, same paragraphs; there is no article, main or body choice.
pub fn fragment_text(html: &str) -> String {
    let doc = Html::parse_fragment(&limit_nesting(html));
    match doc.tree.root().children().find_map(ElementRef::wrap) {
        Some(root) => element_text(root),
        None => String::new(),
    }
}

/// Decodes one HTML named character reference (`eacute` gives `é`,
/// `nbsp` a no-break space), for XML feeds that use HTML entities XML does
/// not define. `None` when html5ever does not know the name.
pub(crate) fn named_entity(name: &str) -> Option<String> {
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let escaped = format!("&{name};");
    let doc = Html::parse_fragment(&escaped);
    let text: String = doc
        .tree
        .root()
        .descendants()
        .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
        .collect();
    (!text.is_empty() && text != escaped).then_some(text)
}

/// Elements dropped with all their content: scripts and styles, page chrome
/// (navigation, footers, asides, forms and their controls), embedded
/// objects and media, and the document head.
fn is_dropped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "footer"
            | "aside"
            | "form"
            | "button"
            | "svg"
            | "iframe"
            | "head"
            | "title"
            | "select"
            | "textarea"
            | "object"
            | "video"
            | "audio"
            | "canvas"
            | "frameset"
    )
}

/// Elements that end the current paragraph when they open and when they close.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "blockquote"
            | "pre"
            | "figcaption"
            | "tr"
            | "dt"
            | "dd"
            | "section"
            | "article"
            | "header"
            | "table"
            | "ul"
            | "ol"
            | "hr"
            | "address"
            | "details"
            | "summary"
            // Not in the usual inline flow either.
            | "html"
            | "body"
            | "main"
            | "nav"
            | "footer"
            | "aside"
            | "form"
            | "figure"
            | "dl"
            | "caption"
            | "fieldset"
            | "legend"
            | "hgroup"
            | "menu"
            | "center"
            | "dialog"
            | "search"
            | "iframe"
            | "frameset"
    )
}

/// Callbacks of [`walk`].
trait Visit<'a> {
    /// An element opens; returns whether to walk its children.
    fn open(&mut self, element: ElementRef<'a>) -> bool;
    /// An element closes (also called for elements whose children were skipped).
    fn close(&mut self, element: ElementRef<'a>);
    /// A text node.
    fn text(&mut self, text: &str);
}

/// Walks the subtree of `root` in document order without recursion.
fn walk<'a>(root: ElementRef<'a>, visit: &mut impl Visit<'a>) {
    let top = *root;
    let mut node = top;
    'down: loop {
        let descend = match ElementRef::wrap(node) {
            Some(element) => visit.open(element),
            None => {
                if let Node::Text(t) = node.value() {
                    visit.text(t);
                }
                false
            }
        };
        if let Some(child) = node.first_child().filter(|_| descend) {
            node = child;
            continue;
        }
        // Close `node` and the ancestors it was the last child of.
        loop {
            if let Some(element) = ElementRef::wrap(node) {
                visit.close(element);
            }
            if node.id() == top.id() {
                return;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                continue 'down;
            }
            match node.parent() {
                Some(parent) => node = parent,
                None => return,
            }
        }
    }
}

/// Whether `element` is an HTML element named `name` (not, say, an SVG `<title>`).
fn is_html(element: ElementRef<'_>, name: &str) -> bool {
    let n = &element.value().name;
    &*n.local == name && &*n.ns == HTML_NS
}

/// The first title, article, main and body elements of a page, outside dropped elements.
#[derive(Default)]
struct Candidates<'a> {
    title: Option<ElementRef<'a>>,
    article: Option<ElementRef<'a>>,
    main: Option<ElementRef<'a>>,
    body: Option<ElementRef<'a>>,
}

impl<'a> Visit<'a> for Candidates<'a> {
    fn open(&mut self, element: ElementRef<'a>) -> bool {
        let name = element.value().name();
        let slot = match name {
            "title" => &mut self.title,
            "article" => &mut self.article,
            "main" => &mut self.main,
            "body" => &mut self.body,
            // The head holds the title; other dropped elements hold no candidate.
            "head" => return true,
            _ => return !is_dropped(name),
        };
        if slot.is_none() && is_html(element, name) {
            *slot = Some(element);
        }
        name != "title"
    }

    fn close(&mut self, _: ElementRef<'a>) {}

    fn text(&mut self, _: &str) {}
}

/// The text of `root` and its descendants.
fn element_text(root: ElementRef<'_>) -> String {
    let mut builder = TextBuilder::default();
    walk(root, &mut builder);
    builder.finish()
}

/// Accumulates paragraphs while the tree is walked.
#[derive(Default)]
struct TextBuilder {
    /// Paragraphs done, trimmed and non-empty.
    done: Vec<String>,
    /// The paragraph being built; its lines are separated by `\n` (from
    /// `<br>`). Never ends with a collapsed space.
    current: String,
    /// Whitespace was met since the last character of `current`.
    space: bool,
    /// How many `<pre>` elements are open.
    pre: usize,
    /// `current` is the verbatim content of a `<pre>`.
    current_is_pre: bool,
}

impl TextBuilder {
    /// Ends the current paragraph (outside `<pre>`, where block elements do not break).
    fn end_paragraph(&mut self) {
        self.space = false;
        if self.current.is_empty() {
            self.current_is_pre = false;
            return;
        }
        let current = std::mem::take(&mut self.current);
        if std::mem::take(&mut self.current_is_pre) {
            // Verbatim, but without blank lines at either end.
            let mut pre = current.trim_end();
            while let Some(eol) = pre.find('\n').filter(|&eol| pre[..eol].trim().is_empty()) {
                pre = &pre[eol + 1..];
            }
            if !pre.trim().is_empty() {
                self.done.push(pre.to_string());
            }
            return;
        }
        // Lines are trimmed; an empty line (two `<br>` in a row) splits the paragraph.
        let mut paragraph = String::new();
        for line in current.split('\n').map(str::trim) {
            if line.is_empty() {
                if !paragraph.is_empty() {
                    self.done.push(std::mem::take(&mut paragraph));
                }
            } else {
                if !paragraph.is_empty() {
                    paragraph.push('\n');
                }
                paragraph.push_str(line);
            }
        }
        if !paragraph.is_empty() {
            self.done.push(paragraph);
        }
    }

    fn finish(mut self) -> String {
        self.end_paragraph();
        self.done.join("\n\n")
    }
}

impl Visit<'_> for TextBuilder {
    fn open(&mut self, element: ElementRef<'_>) -> bool {
        let name = element.value().name();
        if self.pre == 0 && is_block(name) {
            self.end_paragraph();
        }
        if is_dropped(name) {
            return false;
        }
        match name {
            "br" => {
                self.current.push('\n');
                self.space = false;
            }
            "pre" => {
                self.pre += 1;
                self.current_is_pre = true;
            }
            // Table cells of a row are separated by a space.
            "td" | "th" if self.pre == 0 => self.space = true,
            _ => {}
        }
        true
    }

    fn close(&mut self, element: ElementRef<'_>) {
        let name = element.value().name();
        if name == "pre" {
            self.pre = self.pre.saturating_sub(1);
        }
        if self.pre == 0 && is_block(name) {
            self.end_paragraph();
        } else if self.pre == 0 && matches!(name, "td" | "th") {
            self.space = true;
        }
    }

    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            self.current.push_str(text);
            return;
        }
        for c in text.chars() {
            if is_html_space(c) {
                self.space = true;
            } else {
                if self.space && !self.current.is_empty() && !self.current.ends_with('\n') {
                    self.current.push(' ');
                }
                self.space = false;
                self.current.push(c);
            }
        }
    }
}

/// HTML's whitespace (tab, line feed, form feed, carriage return, space);
/// other Unicode spaces, the no-break ones included, are text.
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C')
}

/// `text` with runs of HTML whitespace collapsed to one space, trimmed.
pub(crate) fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_html_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim().to_string()
}

/// `html` with the start tags that would nest more than [`MAX_NESTING`]
/// elements deep replaced by a space (their content is kept).
///
/// The depth is estimated by a linear scan of the tags that keeps a stack of
/// open elements, following the parser's main rules: comments, doctypes and
/// the content of raw-text elements (`<script>`, `<style>`, …) are skipped;
/// void elements, self-closing tags inside SVG or MathML, and elements that
/// cannot nest without another element in between (`td`, `option`, `a`, …)
/// are not stacked; `p`, `li`, `dd`, `dt` and headings close their open
/// namesakes as the parser does; an end tag closes its latest namesake and
/// everything opened after it, unless a table (or another scope boundary)
/// comes first, or, for phrasing elements like `span`, any block. Unclosed
/// phrasing elements inside closed blocks or paragraphs therefore do not
/// accumulate, and the estimate stays close to the depth html5ever builds.
fn limit_nesting(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut open = OpenElements::default();
    let mut name = Vec::new();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    while let Some(lt) = find_byte(bytes, at, b'<') {
        let after = lt + 1;
        match bytes.get(after) {
            Some(b'!') if bytes[after..].starts_with(b"!--") => {
                // `<!-->` and `<!--->` are complete comments too.
                at = find_seq(bytes, lt + 2, b"-->").map_or(bytes.len(), |p| p + 3);
            }
            Some(b'!' | b'?') => at = find_byte(bytes, after, b'>').map_or(bytes.len(), |p| p + 1),
            Some(b'/') if bytes.get(after + 1).is_some_and(u8::is_ascii_alphabetic) => {
                let name_end = read_name(bytes, after + 1, &mut name);
                let Some((end, _)) = tag_end(bytes, name_end) else {
                    break;
                };
                at = end;
                open.end_tag(&name);
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = read_name(bytes, after, &mut name);
                let Some((end, self_closing)) = tag_end(bytes, name_end) else {
                    break;
                };
                at = end;
                let foreign = open.in_foreign_content();
                if !foreign && is_raw_text(&name) {
                    at = find_end_tag(bytes, end, &name).unwrap_or(bytes.len());
                    continue;
                }
                if !foreign && name == b"plaintext" {
                    break;
                }
                if is_void(&name) || (self_closing && foreign) || is_unstacked(&name) {
                    continue;
                }
                open.close_for_start_tag(&name);
                if open.depth() >= MAX_NESTING {
                    let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
                    out.push_str(&html[copied..lt]);
                    out.push(' ');
                    copied = end;
                    continue;
                }
                open.push(&name);
            }
            _ => at = after,
        }
    }
    match out {
        Some(mut out) => {
            out.push_str(&html[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(html),
    }
}

/// How an element takes part in closing others, for [`limit_nesting`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Phrasing content (`span`, `b`, unknown elements): its end tag does
    /// not close through a block.
    Phrasing,
    /// A block (HTML's "special" elements): its end tag closes everything
    /// opened after it.
    Block,
    /// An element that end tags do not close through (table, template, …).
    Boundary,
}

fn role(name: &[u8]) -> Role {
    match name {
        b"applet" | b"marquee" | b"object" | b"table" | b"template" | b"mi" | b"mo" | b"mn" | b"ms" | b"mtext"
        | b"annotation-xml" | b"foreignobject" | b"desc" | b"title" => Role::Boundary,
        b"address" | b"article" | b"aside" | b"blockquote" | b"center" | b"details" | b"dialog" | b"dir" | b"div"
        | b"dl" | b"fieldset" | b"figcaption" | b"figure" | b"footer" | b"frameset" | b"header" | b"hgroup"
        | b"iframe" | b"listing" | b"main" | b"menu" | b"nav" | b"ol" | b"pre" | b"search" | b"section" | b"select"
        | b"summary" | b"ul" | b"p" | b"li" | b"dd" | b"dt" => Role::Block,
        _ if is_heading(name) => Role::Block,
        _ => Role::Phrasing,
    }
}

fn is_heading(name: &[u8]) -> bool {
    matches!(name, b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6")
}

/// Start tags that close an open `p` (in button scope) first.
fn closes_paragraph(name: &[u8]) -> bool {
    matches!(name, b"hr" | b"table" | b"xmp" | b"form" | b"plaintext")
        || (role(name) == Role::Block && !matches!(name, b"iframe" | b"select" | b"frameset"))
}

/// The stack of open elements estimated by [`limit_nesting`].
#[derive(Default)]
struct OpenElements {
    /// Open elements, as name ids, innermost last.
    stack: Vec<(u32, Role)>,
    /// Name ids.
    ids: FxHashMap<Vec<u8>, u32>,
    /// The names of the ids.
    names: Vec<Vec<u8>>,
    /// How many elements of each name id are open.
    counts: Vec<usize>,
}

impl OpenElements {
    fn depth(&self) -> usize {
        self.stack.len()
    }

    fn count(&self, name: &[u8]) -> usize {
        self.ids
            .get(name)
            .and_then(|&id| self.counts.get(id as usize))
            .map_or(0, |&count| count)
    }

    /// Inside `<svg>` or `<math>`, where `/>` closes an element.
    fn in_foreign_content(&self) -> bool {
        self.count(b"svg") > 0 || self.count(b"math") > 0
    }

    fn push(&mut self, name: &[u8]) {
        let id = match self.ids.get(name) {
            Some(&id) => id,
            None => {
                let id = u32::try_from(self.counts.len()).unwrap_or(u32::MAX);
                self.ids.insert(name.to_vec(), id);
                self.names.push(name.to_vec());
                self.counts.push(0);
                id
            }
        };
        if let Some(count) = self.counts.get_mut(id as usize) {
            *count += 1;
            self.stack.push((id, role(name)));
        }
    }

    /// Closes the element at `index` in the stack and all those above it.
    fn pop_through(&mut self, index: usize) {
        for (closed, _) in self.stack.drain(index..) {
            self.counts[closed as usize] -= 1;
        }
    }

    /// Closes the latest open element `wanted` accepts, searching from the
    /// innermost one and giving up at the first one `stop` accepts.
    fn close_latest(&mut self, wanted: impl Fn(&[u8]) -> bool, stop: impl Fn(&[u8], Role) -> bool) {
        for i in (0..self.stack.len()).rev() {
            let (id, role) = self.stack[i];
            let name = self.names[id as usize].as_slice();
            if wanted(name) {
                self.pop_through(i);
                return;
            }
            if stop(name, role) {
                return;
            }
        }
    }

    /// What a start tag closes before it opens.
    fn close_for_start_tag(&mut self, name: &[u8]) {
        match name {
            b"li" => self.close_latest(|n| n == b"li", |n, role| role != Role::Phrasing && !is_div_like(n)),
            b"dd" | b"dt" => self.close_latest(
                |n| matches!(n, b"dd" | b"dt"),
                |n, role| role != Role::Phrasing && !is_div_like(n),
            ),
            _ => {}
        }
        if closes_paragraph(name) && self.count(b"p") > 0 {
            self.close_latest(|n| n == b"p", |_, role| role == Role::Boundary);
        }
        if is_heading(name) {
            if let Some(&(id, _)) = self.stack.last() {
                if is_heading(&self.names[id as usize]) {
                    self.pop_through(self.stack.len() - 1);
                }
            }
        }
    }

    /// An end tag: closes the latest open namesake (any heading for a
    /// heading) and what was opened after it, unless a boundary (or, for
    /// phrasing elements, a block) is in the way.
    fn end_tag(&mut self, name: &[u8]) {
        let phrasing = role(name) == Role::Phrasing;
        if is_heading(name) {
            self.close_latest(is_heading, |_, role| role == Role::Boundary);
        } else if self.count(name) > 0 {
            let list_item = name == b"li";
            self.close_latest(
                |n| n == name,
                |n, role| {
                    role == Role::Boundary
                        || (phrasing && role == Role::Block)
                        || (list_item && matches!(n, b"ol" | b"ul"))
                },
            );
        }
    }
}

/// Blocks an `li`, `dd` or `dt` start tag looks through for an open namesake.
fn is_div_like(name: &[u8]) -> bool {
    matches!(name, b"address" | b"div" | b"p")
}

/// The first `byte` at or after `from`.
fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    bytes.get(from..)?.iter().position(|&b| b == byte).map(|p| from + p)
}

/// The first occurrence of `needle` at or after `from`.
fn find_seq(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Reads a tag name starting at `from` into `name`, lower-cased; returns where it ends.
fn read_name(bytes: &[u8], from: usize, name: &mut Vec<u8>) -> usize {
    name.clear();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_whitespace() || b == b'/' || b == b'>' {
            break;
        }
        name.push(b.to_ascii_lowercase());
        i += 1;
    }
    i
}

/// The end of a tag whose attributes start at `from`: the index after its
/// `>` and whether the tag ends with `/>`. Quoted attribute values may hold
/// `>`. `None` when the input ends first.
fn tag_end(bytes: &[u8], from: usize) -> Option<(usize, bool)> {
    let mut i = from;
    let mut after_equals = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'>' => return Some((i + 1, i > from && bytes[i - 1] == b'/')),
            b'"' | b'\'' if after_equals => {
                i = find_byte(bytes, i + 1, b)?;
                after_equals = false;
            }
            b'=' => after_equals = true,
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    None
}

/// Where the end tag `</name` starts, at or after `from` (ASCII case-insensitive).
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(lt) = find_byte(bytes, at, b'<') {
        let rest = &bytes[lt + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name)
            && rest
                .get(name.len() + 1)
                .is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        {
            return Some(lt);
        }
        at = lt + 1;
    }
    None
}

/// Elements whose content the tokenizer reads as text up to their end tag.
fn is_raw_text(name: &[u8]) -> bool {
    matches!(
        name,
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"iframe" | b"noembed" | b"noframes" | b"noscript"
    )
}

/// Elements that never have content.
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"basefont"
            | b"bgsound"
            | b"br"
            | b"col"
            | b"embed"
            | b"frame"
            | b"hr"
            | b"image"
            | b"img"
            | b"input"
            | b"keygen"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
    )
}

/// Elements [`limit_nesting`] does not stack: they cannot nest without
/// another (stacked) element in between, since the parser closes an open
/// namesake or ignores them (`td`, `option`, `a`, `button`, `form`, …), or
/// they exist once per document.
fn is_unstacked(name: &[u8]) -> bool {
    matches!(
        name,
        b"option"
            | b"optgroup"
            | b"tr"
            | b"td"
            | b"th"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"colgroup"
            | b"caption"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"rtc"
            | b"html"
            | b"head"
            | b"body"
            | b"a"
            | b"nobr"
            | b"button"
            | b"form"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const NBSP: char = '\u{a0}';

    #[test]
    fn article_is_preferred_over_main_and_body() {
        let page = "<html><head><title>  Le   journal\n du soir </title></head><body>\
            <p>Menu du site</p><main><p>Principal</p><article><h1>Grève à Lyon</h1>\
            <p>Les bus sont restés au dépôt.</p></article></main></body></html>";
        let got = extract(page);
        assert_eq!(got.title.as_deref(), Some("Le journal du soir"));
        assert_eq!(got.origin, Origin::Article);
        assert_eq!(got.origin.as_str(), "article");
        assert_eq!(got.text, "Grève à Lyon\n\nLes bus sont restés au dépôt.");
    }

    #[test]
    fn main_is_preferred_over_body() {
        let got = extract("<body><div>Bandeau</div><main><p>Le marché ouvre à 8 h.</p></main></body>");
        assert_eq!(got.origin, Origin::Main);
        assert_eq!(got.text, "Le marché ouvre à 8 h.");
        assert_eq!(got.title, None);
    }

    #[test]
    fn body_is_the_last_resort_even_without_markup() {
        let got = extract("Un texte sans balises.");
        assert_eq!(got.origin, Origin::Body);
        assert_eq!(got.origin.as_str(), "body");
        assert_eq!(got.text, "Un texte sans balises.");
        assert_eq!(Origin::Main.as_str(), "main");
    }

    #[test]
    fn first_article_wins_and_an_empty_one_falls_back() {
        let two = extract("<article><p>Premier</p></article><article><p>Second</p></article>");
        assert_eq!(two.text, "Premier");
        let empty = extract("<article><img alt='photo'></article><main><p>Contenu</p></main>");
        assert_eq!((empty.origin, empty.text.as_str()), (Origin::Main, "Contenu"));
        // A teaser inside an aside is not the article.
        let aside = extract("<aside><article>À lire aussi</article></aside><p>Corps</p>");
        assert_eq!((aside.origin, aside.text.as_str()), (Origin::Body, "Corps"));
    }

    #[test]
    fn page_chrome_is_dropped() {
        let page = "<body><nav><a href='/'>Accueil</a></nav><script>var x = '<p>non</p>';</script>\
            <style>p { color: red }</style><noscript>Activez JavaScript</noscript>\
            <p>Le conseil <button>Partager</button>a voté.</p><aside>Publicité</aside>\
            <form><label>Courriel</label><input></form><iframe src='x'></iframe>\
            <svg><title>icône</title><text>SVG</text></svg><template><p>modèle</p></template>\
            <footer>© Journal</footer></body>";
        let got = extract(page);
        assert_eq!(got.text, "Le conseil a voté.");
        assert_eq!(got.title, None, "an SVG title is not the page title");
    }

    #[test]
    fn header_inside_article_is_kept() {
        let got = extract("<article><header><h1>Titre</h1><p>Par la rédaction</p></header><p>Texte.</p></article>");
        assert_eq!(got.text, "Titre\n\nPar la rédaction\n\nTexte.");
    }

    #[test]
    fn paragraphs_and_line_breaks() {
        let html = "\n  <p>Première   ligne<br>deuxième\tligne <br/> </p>\
            <div>Bloc <div>imbriqué</div> suite</div>\
            <ul><li>un</li><li>deux</li></ul><p>   </p><hr>\
            <p>a<br><br>b</p><table><tr><td>case 1</td><td>case 2</td></tr></table>";
        assert_eq!(
            fragment_text(html),
            "Première ligne\ndeuxième ligne\n\nBloc\n\nimbriqué\n\nsuite\n\nun\n\ndeux\n\na\n\nb\n\ncase 1 case 2"
        );
    }

    #[test]
    fn entities_are_decoded_and_no_break_spaces_kept() {
        let got = fragment_text("<p>Il a dit&nbsp;: «&#160;Oui&nbsp;!&#xA0;» &amp; c&rsquo;est tout&nbsp;?</p>");
        assert_eq!(
            got,
            format!("Il a dit{NBSP}: «{NBSP}Oui{NBSP}!{NBSP}» & c\u{2019}est tout{NBSP}?")
        );
        // Other Unicode spaces are text too, and are not collapsed.
        assert_eq!(
            fragment_text("<p>10\u{202f}000 \u{2009} euros</p>"),
            "10\u{202f}000 \u{2009} euros"
        );
    }

    #[test]
    fn inline_elements_do_not_break_paragraphs() {
        let html = "<p>Le <a href='#'><em>maire</em> de <strong>Nantes</strong></a> a <q>salué</q> \
            l'<abbr title='x'>ONU</abbr><sup>1</sup> le <time>3 mai</time>, <span><i><b>très</b> \
            </i></span><mark>vite</mark><small>.</small></p>";
        assert_eq!(
            fragment_text(html),
            "Le maire de Nantes a salué l'ONU1 le 3 mai, très vite."
        );
    }

    #[test]
    fn images_give_no_text() {
        assert_eq!(
            fragment_text("<p>Avant <img alt='Une photo' src='a.jpg'> après</p>"),
            "Avant après"
        );
    }

    #[test]
    fn pre_is_verbatim() {
        let html = "<p>Code :</p><pre>\n  let  a = 1;\n\n  <b>fin</b>  </pre><p>Après</p>";
        assert_eq!(fragment_text(html), "Code :\n\n  let  a = 1;\n\n  fin\n\nAprès");
    }

    #[test]
    fn no_leading_or_trailing_newline() {
        assert_eq!(fragment_text("<div><p>\n</p><p> Seul </p><br><br></div>"), "Seul");
        assert_eq!(fragment_text(""), "");
        assert_eq!(fragment_text("<script>x</script>"), "");
    }

    #[test]
    fn fragment_drops_the_same_elements() {
        assert_eq!(
            fragment_text("<nav>Menu</nav><p>Texte</p><footer>Bas</footer>"),
            "Texte"
        );
    }

    #[test]
    fn garbage_does_not_panic() {
        let inputs = [
            "<<<>>><//><p<p>>&&&;&#xFFFFFFFF;&#0;",
            "<table><td><p><b><i></table></b>texte</i><tr>",
            "<a><table><a><tr><a><td><a>x</a></td></tr></table></a>",
            "<html><frameset><frame></frameset></html>",
            "<template><article>rien</article></template><select><option>a<p>b",
            "<svg><p>sort du svg</p><foreignObject><div>dans</div></foreignObject></svg>",
            "<!-- commentaire non fermé <p>",
            "<pre><pre><p>x</pre></p></pre><br></br></p>",
            "\u{0}\u{feff}<p>\u{fffd}</p>",
            "<font><p><center><font><p>vieux <b>html</font></center>",
        ];
        for input in inputs {
            let _ = extract(input);
            let _ = fragment_text(input);
        }
        // Pseudo-random tag soup.
        let pieces = [
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<b>",
            "</b>",
            "<table>",
            "<td>",
            "<tr>",
            "</table>",
            "<a>",
            "</a>",
            "<br>",
            "<pre>",
            "</pre>",
            "<li>",
            "<svg>",
            "</svg>",
            "<template>",
            "mot ",
            "&nbsp;",
            "<!--",
            "-->",
            "<script>",
            "</script>",
            "<article>",
            "</article>",
            "<select>",
            "\n",
        ];
        let mut state = 0x2545_f491_u32;
        for _ in 0..50 {
            let mut soup = String::new();
            for _ in 0..200 {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                soup.push_str(pieces[state as usize % pieces.len()]);
            }
            let _ = extract(&soup);
            let _ = fragment_text(&soup);
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow_or_crawl() {
        let depth = 100_000;
        let html = format!("{}Au fond{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let got = extract(&html);
        assert_eq!((got.origin, got.text.as_str()), (Origin::Body, "Au fond"));
        assert_eq!(fragment_text(&html), "Au fond");
        let unclosed = format!("<article>{}<p>Toujours là</p>", "<span><div>".repeat(depth));
        assert_eq!(extract(&unclosed).text, "Toujours là");
        // The walk itself handles a tree 100,000 elements deep (spans nest
        // without the parser's slow scope checks, so no limit is needed to build it).
        let doc = Html::parse_document(&format!("<p>{}Tout au fond", "<span>".repeat(depth)));
        let root = doc
            .tree
            .root()
            .children()
            .find_map(ElementRef::wrap)
            .expect("an html element");
        assert!(root.descendants().count() > depth);
        assert_eq!(element_text(root), "Tout au fond");
    }

    #[test]
    fn nesting_limit_keeps_ordinary_pages_intact() {
        let html = "<div><!-- <div> --><script>if (a<b) { x = '<div>'; }</script>\
            <svg><path/><path/></svg><p>a<p>b</div>";
        assert!(matches!(limit_nesting(html), Cow::Borrowed(_)));
        let deep = "<div>".repeat(MAX_NESTING + 2);
        let limited = limit_nesting(&deep);
        assert_eq!(limited.matches("<div>").count(), MAX_NESTING);
        // Closed elements free their depth, with the phrasing elements left open inside them.
        let flat = "<div>x</div><section><span><b>y</section>".repeat(MAX_NESTING * 2);
        assert!(matches!(limit_nesting(&flat), Cow::Borrowed(_)));
        let paragraphs =
            "<p><span>z<p><b>y<ul><li><span>a<li><i>b</ul><h2>t<h3>u<dl><dt>c<dd><em>d</dl>".repeat(MAX_NESTING * 2);
        assert!(matches!(limit_nesting(&paragraphs), Cow::Borrowed(_)));
        // An inline end tag does not close through a block, nor a block through a table.
        let stray = "<span><div></span></div><div><table></div>".repeat(MAX_NESTING);
        assert!(matches!(limit_nesting(&stray), Cow::Owned(_)));
    }

    #[test]
    fn named_entities() {
        assert_eq!(named_entity("eacute").as_deref(), Some("é"));
        assert_eq!(named_entity("nbsp").as_deref(), Some("\u{a0}"));
        assert_eq!(named_entity("inconnu"), None);
        assert_eq!(named_entity("lt;x"), None);
    }

    #[test]
    fn collapse() {
        assert_eq!(collapse_spaces("  a \n\t b\u{a0}c  "), "a b\u{a0}c");
    }
}
