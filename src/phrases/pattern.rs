//! The phrase pattern language, over folded words.
//!
//! ```text
//! prendre des mesures reculant~       literal words; `~`: every gender/number form
//! faire|fait|font du sens             `a|b`: alternatives (join the words of one with `-`)
//! explorer <poss> arme~               `<det>`, `<poss>`: word classes
//! au bout de ?la journée              `?`: an optional element
//! adresser * problème~                `*`: exactly one word
//! prendre place !à|au                 `!`: a word that must not come right after
//! +de éventuellement                  `+`: a word that must come right before
//! ```
//!
//! Words are matched folded (case and accents ignored), except words written
//! in capitals (`NATO`, `UN`), which must be in capitals in the text. A
//! leading `!x` or `+x` constrains the word before the match, a trailing one
//! the word after; `+` and `!` may not stand anywhere else.

use crate::document::{Document, TokenKind, flag};

/// One word position of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Word {
    /// A folded word; `upper`: the text must be in capitals.
    Lit { folded: String, upper: bool },
    /// `*`: any one word.
    Any,
    /// `<det>`, `<poss>`.
    Class(Class),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Det,
    Poss,
}

impl Class {
    fn parse(s: &str) -> Option<Class> {
        match s {
            "<det>" => Some(Class::Det),
            "<poss>" => Some(Class::Poss),
            _ => None,
        }
    }

    pub fn contains(self, folded: &str) -> bool {
        match self {
            Class::Det => matches!(
                folded,
                "le" | "la"
                    | "les"
                    | "l'"
                    | "un"
                    | "une"
                    | "des"
                    | "du"
                    | "de"
                    | "d'"
                    | "au"
                    | "aux"
                    | "ce"
                    | "cet"
                    | "cette"
                    | "ces"
            ),
            Class::Poss => matches!(
                folded,
                "mon"
                    | "ma"
                    | "mes"
                    | "ton"
                    | "ta"
                    | "tes"
                    | "son"
                    | "sa"
                    | "ses"
                    | "notre"
                    | "nos"
                    | "votre"
                    | "vos"
                    | "leur"
                    | "leurs"
            ),
        }
    }
}

/// One element: alternatives, each a sequence of words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    pub alts: Vec<Vec<Word>>,
    pub optional: bool,
}

/// A compiled pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    pub elements: Vec<Element>,
    /// Words that must not (`!`) or must (`+`) come right before or after.
    pub not_before: Vec<String>,
    pub need_before: Vec<String>,
    pub not_after: Vec<String>,
    pub need_after: Vec<String>,
    /// The element the matcher's automaton looks for: a required element of
    /// literal words only.
    pub anchor: usize,
    /// Every number of tokens the elements before the anchor may take.
    prefix_lengths: Vec<usize>,
    /// Every element required and one word long: matched by position alone.
    simple: bool,
}

/// A pattern problem, with the 1-based column (in chars) where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    pub column: usize,
    pub message: String,
}

/// All the gender and number forms of a French adjective, noun or participle
/// given in the masculine singular (folded).
pub fn inflections(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    let mut add = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    let stem = |n: usize| word[..word.len() - n].to_string();
    if word.ends_with("eux") {
        add(format!("{}se", stem(1)));
        add(format!("{}ses", stem(1)));
    } else if word.ends_with("if") {
        add(format!("{}ve", stem(1)));
        add(format!("{}ves", stem(1)));
        add(format!("{word}s"));
    } else if word.ends_with("al") {
        add(format!("{}aux", stem(2)));
        add(format!("{word}e"));
        add(format!("{word}es"));
    } else if word.ends_with("el") || word.ends_with("en") || word.ends_with("on") {
        add(format!("{word}{}e", &word[word.len() - 1..]));
        add(format!("{word}{}es", &word[word.len() - 1..]));
        add(format!("{word}s"));
    } else if word.ends_with("er") {
        add(format!("{}ere", stem(2)));
        add(format!("{}eres", stem(2)));
        add(format!("{word}s"));
    } else if word.ends_with('e') && !word.ends_with('é') {
        add(format!("{word}s"));
    } else if word.ends_with('s') || word.ends_with('x') {
        add(format!("{word}e"));
        add(format!("{word}es"));
    } else {
        add(format!("{word}e"));
        add(format!("{word}s"));
        add(format!("{word}es"));
    }
    out
}

/// The folded words of a piece of pattern text, with their capitals flag.
fn words_of(text: &str) -> Vec<Word> {
    // The common case, a plain word of letters, without the tokeniser.
    if !text.is_empty() && text.chars().all(char::is_alphabetic) {
        let letters = text.chars().count();
        return vec![Word::Lit {
            folded: crate::fold::fold(text),
            upper: letters >= 2 && !text.chars().any(char::is_lowercase),
        }];
    }
    let d = Document::fragment(text);
    let mut out: Vec<Word> = Vec::new();
    for t in d.tokens() {
        let folded = d.folded(t);
        // An elided word written alone (`l'`, `d'`) is one token in text.
        if folded == "'" && !t.has(flag::SPACE_BEFORE) {
            if let Some(Word::Lit { folded: prev, .. }) = out.last_mut() {
                prev.push('\'');
                continue;
            }
        }
        out.push(Word::Lit {
            folded: folded.to_string(),
            upper: t.has(flag::UPPER),
        });
    }
    out
}

fn literal_alternatives(raw: &str, column: usize) -> Result<Vec<String>, PatternError> {
    let err = |message: String| PatternError { column, message };
    let mut out = Vec::new();
    for alt in raw.split('|') {
        if alt.is_empty() {
            return Err(err(format!("empty alternative in `{raw}`")));
        }
        if alt.contains(['*', '<', '>', '?', '~', '!', '+']) {
            return Err(err(format!("`{alt}`: a context word is a plain word")));
        }
        let folded: Vec<String> = words_of(alt)
            .into_iter()
            .filter_map(|w| match w {
                Word::Lit { folded, .. } => Some(folded),
                _ => None,
            })
            .collect();
        if folded.len() != 1 {
            return Err(err(format!("`{alt}`: a context word is one word")));
        }
        out.extend(folded);
    }
    Ok(out)
}

/// Parses a pattern.
pub fn parse(src: &str) -> Result<Pattern, PatternError> {
    let mut elements = Vec::new();
    let (mut not_before, mut need_before, mut not_after, mut need_after) = (vec![], vec![], vec![], vec![]);
    let raws: Vec<(usize, &str)> = {
        let mut v = Vec::new();
        let mut col = 1;
        for (i, part) in src.split(' ').enumerate() {
            if i > 0 {
                col += 1;
            }
            if !part.is_empty() {
                v.push((col, part));
            }
            col += part.chars().count();
        }
        v
    };
    if raws.is_empty() {
        return Err(PatternError {
            column: 1,
            message: "empty pattern".into(),
        });
    }
    let last = raws.len() - 1;
    for (k, &(column, raw)) in raws.iter().enumerate() {
        let err = |message: String| PatternError { column, message };
        if let Some(rest) = raw.strip_prefix('!').or_else(|| raw.strip_prefix('+')) {
            let words = literal_alternatives(rest, column + 1)?;
            let need = raw.starts_with('+');
            match (k, need) {
                (0, false) => not_before.extend(words),
                (0, true) => need_before.extend(words),
                (k, false) if k == last => not_after.extend(words),
                (k, true) if k == last => need_after.extend(words),
                _ => return Err(err(format!("`{raw}`: `!` and `+` stand only first or last"))),
            }
            continue;
        }
        let (optional, body) = match raw.strip_prefix('?') {
            Some(b) => (true, b),
            None => (false, raw),
        };
        if body.is_empty() {
            return Err(err("`?` needs an element after it".into()));
        }
        let alts = if body == "*" {
            vec![vec![Word::Any]]
        } else if body.starts_with('<') {
            let class =
                Class::parse(body).ok_or_else(|| err(format!("unknown word class `{body}` (<det>, <poss>)")))?;
            vec![vec![Word::Class(class)]]
        } else {
            let mut alts = Vec::new();
            for alt in body.split('|') {
                if alt.is_empty() {
                    return Err(err(format!("empty alternative in `{body}`")));
                }
                if alt.contains(['*', '<', '>', '?', '!', '+']) {
                    return Err(err(format!("`{alt}`: `*`, `<class>`, `?`, `!` and `+` stand alone")));
                }
                if let Some(stem) = alt.strip_suffix('~') {
                    let words = words_of(stem);
                    match words.as_slice() {
                        [Word::Lit { upper: false, .. }] if !stem.contains('~') => {
                            // Inflect the written word: `blessé` takes -e, `juste` does not.
                            let lower = crate::fold::lower(stem);
                            alts.extend(inflections(&lower).into_iter().map(|f| {
                                vec![Word::Lit {
                                    folded: crate::fold::fold(&f),
                                    upper: false,
                                }]
                            }));
                        }
                        _ => return Err(err(format!("`{alt}`: `~` inflects one lower-case word"))),
                    }
                } else {
                    if alt.contains('~') {
                        return Err(err(format!("`{alt}`: `~` ends a word")));
                    }
                    let words = words_of(alt);
                    if words.is_empty() {
                        return Err(err(format!("`{alt}` has no word")));
                    }
                    alts.push(words);
                }
            }
            alts
        };
        elements.push(Element { alts, optional });
    }
    if elements.is_empty() {
        return Err(PatternError {
            column: 1,
            message: "the pattern has only context words".into(),
        });
    }
    let anchor = choose_anchor(&elements).ok_or_else(|| PatternError {
        column: 1,
        message: "the pattern needs a required element of literal words (not only `*`, classes and `?`)".into(),
    })?;
    let simple = elements
        .iter()
        .all(|e| !e.optional && e.alts.iter().all(|a| a.len() == 1));
    let prefix_lengths = prefix_lengths(&elements[..anchor]);
    Ok(Pattern {
        elements,
        not_before,
        need_before,
        not_after,
        need_after,
        anchor,
        prefix_lengths,
        simple,
    })
}

/// Every number of tokens `elements` may take.
fn prefix_lengths(elements: &[Element]) -> Vec<usize> {
    let mut lens = vec![0usize];
    for e in elements {
        let mut next = Vec::new();
        for &l in &lens {
            if e.optional {
                next.push(l);
            }
            for a in &e.alts {
                next.push(l + a.len());
            }
        }
        next.sort_unstable();
        next.dedup();
        lens = next;
    }
    lens
}

/// The most frequent words of French news (folded): poor anchors, since
/// they would wake their rule at every other sentence.
fn is_common(w: &str) -> bool {
    const COMMON: &[&str] = &[
        "a", "ai", "as", "au", "aux", "avait", "avaient", "avec", "avoir", "ayant", "c'", "ce", "ces", "cet", "cette",
        "comme", "d'", "dans", "de", "des", "deux", "doit", "du", "elle", "elles", "en", "entre", "est", "et",
        "etaient", "etait", "etant", "ete", "etre", "eu", "fait", "faire", "il", "ils", "j'", "je", "l'", "la", "le",
        "les", "leur", "leurs", "lui", "m'", "mais", "me", "meme", "n'", "ne", "nous", "on", "ont", "ou", "par", "pas",
        "peut", "plus", "pour", "qu'", "que", "qui", "s'", "sa", "sans", "se", "sera", "seront", "ses", "si", "son",
        "sont", "sur", "tout", "tous", "un", "une", "va", "vont", "y", "apres", "avant", "depuis", "lors", "selon",
        "contre", "sous", "vers", "aussi", "encore", "deja", "tres", "bien", "ainsi", "alors", "donc", "ni", "or",
        "car", "dont", "quand", "chez", "autre", "autres", "nos", "notre", "vos", "votre", "mon", "ma", "mes", "ont",
        "avons", "avez", "suis", "etes", "sommes", "soit", "soient", "serait", "seraient", "fut", "furent", "reste",
        "dit", "a-t-il", "cela", "ceci",
    ];
    COMMON.contains(&w)
}

/// The required element whose literal words wake least often: every
/// alternative's first word uncommon, then the shortest such word longest.
fn choose_anchor(elements: &[Element]) -> Option<usize> {
    elements
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.optional && e.alts.iter().all(|a| matches!(a[0], Word::Lit { .. })))
        .max_by_key(|(i, e)| {
            let firsts = e.alts.iter().filter_map(|a| match &a[0] {
                Word::Lit { folded, .. } => Some(folded.as_str()),
                _ => None,
            });
            let common = firsts.clone().filter(|w| is_common(w)).count();
            let shortest = firsts.map(|w| w.chars().count().min(12)).min().unwrap_or(0);
            (usize::MAX - common, shortest, usize::MAX - i)
        })
        .map(|(i, _)| i)
}

/// One literal reading of a pattern: its words joined by spaces, the number
/// of words of each element, and which words must be in capitals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expansion {
    pub key: String,
    pub lens: Vec<usize>,
    pub upper: Vec<usize>,
}

impl Pattern {
    /// Every literal reading of a pattern made only of required literal
    /// elements, if there are at most `limit`; `None` otherwise. The
    /// automaton can then look for whole phrases instead of an anchor word.
    pub fn expansions(&self, limit: usize) -> Option<Vec<Expansion>> {
        let literal = |a: &Vec<Word>| a.iter().all(|w| matches!(w, Word::Lit { .. }));
        if self.elements.iter().any(|e| e.optional || !e.alts.iter().all(literal)) {
            return None;
        }
        let mut out = vec![Expansion {
            key: String::new(),
            lens: Vec::new(),
            upper: Vec::new(),
        }];
        for e in &self.elements {
            if out.len() * e.alts.len() > limit {
                return None;
            }
            let mut next = Vec::with_capacity(out.len() * e.alts.len());
            for x in &out {
                for alt in &e.alts {
                    let mut y = x.clone();
                    let base: usize = y.lens.iter().sum();
                    for (i, w) in alt.iter().enumerate() {
                        if let Word::Lit { folded, upper } = w {
                            if !y.key.is_empty() {
                                y.key.push(' ');
                            }
                            y.key.push_str(folded);
                            if *upper {
                                y.upper.push(base + i);
                            }
                        }
                    }
                    y.lens.push(alt.len());
                    next.push(y);
                }
            }
            out = next;
        }
        Some(out)
    }

    /// Checks a literal reading found at tokens `start..end`: capitals,
    /// paragraph breaks and context words. The element spans are filled in
    /// only if `spans` asks for them.
    pub fn verify_expansion(
        &self,
        doc: &Document,
        e: &Expansion,
        start: usize,
        end: usize,
        spans: bool,
    ) -> Option<Match> {
        let toks = doc.tokens();
        if end - start != e.lens.iter().sum::<usize>()
            || toks[start + 1..end].iter().any(|t| t.has(flag::PARA_START))
            || e.upper.iter().any(|&i| !toks[start + i].has(flag::UPPER))
            || !self.context_ok(doc, start, end)
        {
            return None;
        }
        let mut pos = start;
        let spans = if spans {
            e.lens
                .iter()
                .map(|&l| {
                    pos += l;
                    (pos - l, pos)
                })
                .collect()
        } else {
            Vec::new()
        };
        Some(Match { start, end, spans })
    }

    /// The keys the automaton must find for this pattern: every alternative
    /// of the anchor element, whole (its words joined by spaces).
    pub fn anchor_words(&self) -> Vec<String> {
        let mut v: Vec<String> = self.elements[self.anchor]
            .alts
            .iter()
            .map(|a| {
                a.iter()
                    .map_while(|w| match w {
                        Word::Lit { folded, .. } => Some(folded.as_str()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|k| !k.is_empty())
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// The longest match in which the anchor element starts at token `at`:
    /// `(first token, last token, token range of each element)`.
    pub fn match_at(&self, doc: &Document, at: usize) -> Option<Match> {
        if self.simple {
            return self.match_simple(doc, at);
        }
        let mut best: Option<Match> = None;
        for &before in &self.prefix_lengths {
            let Some(start) = at.checked_sub(before) else { continue };
            let mut spans = Vec::with_capacity(self.elements.len());
            let run = Run { doc, start, at };
            self.forward(&run, 0, start, &mut spans, &mut |spans, end| {
                if end == start {
                    return;
                }
                let m = Match {
                    start,
                    end,
                    spans: spans.to_vec(),
                };
                let better = match &best {
                    None => true,
                    Some(b) => (m.end - m.start, usize::MAX - m.start) > (b.end - b.start, usize::MAX - b.start),
                };
                if better && self.context_ok(doc, start, end) {
                    best = Some(m);
                }
            });
        }
        best
    }

    /// [`Pattern::match_at`] for a pattern of required one-word elements: each
    /// element sits at a fixed offset from the anchor.
    fn match_simple(&self, doc: &Document, at: usize) -> Option<Match> {
        let start = at.checked_sub(self.anchor)?;
        let end = start + self.elements.len();
        for (k, e) in self.elements.iter().enumerate() {
            if !e.alts.iter().any(|a| match_words(doc, a, start, start + k).is_some()) {
                return None;
            }
        }
        if !self.context_ok(doc, start, end) {
            return None;
        }
        Some(Match {
            start,
            end,
            spans: (start..end).map(|i| (i, i + 1)).collect(),
        })
    }

    fn context_ok(&self, doc: &Document, start: usize, end: usize) -> bool {
        let toks = doc.tokens();
        let word = |i: Option<usize>| {
            i.and_then(|i| toks.get(i))
                .filter(|t| t.kind != TokenKind::Punct)
                .map(|t| doc.folded(t))
        };
        let before = word(start.checked_sub(1));
        let after = word(Some(end));
        let check = |w: Option<&str>, not: &[String], need: &[String]| {
            !w.is_some_and(|w| not.iter().any(|n| n == w))
                && (need.is_empty() || w.is_some_and(|w| need.iter().any(|n| n == w)))
        };
        check(before, &self.not_before, &self.need_before) && check(after, &self.not_after, &self.need_after)
    }

    /// Matches elements `k..` from token `pos`; the anchor element must start
    /// at token `at`. Calls `done` with the element spans and the end token
    /// (exclusive) of every complete match.
    fn forward(&self, run: &Run<'_>, k: usize, pos: usize, spans: &mut Vec<Span>, done: &mut OnMatch<'_>) {
        if k == self.elements.len() {
            done(spans, pos);
            return;
        }
        if k == self.anchor && pos != run.at {
            return;
        }
        let e = &self.elements[k];
        if e.optional {
            spans.push((pos, pos));
            self.forward(run, k + 1, pos, spans, done);
            spans.pop();
        }
        for alt in &e.alts {
            if let Some(end) = match_words(run.doc, alt, run.start, pos) {
                spans.push((pos, end));
                self.forward(run, k + 1, end, spans, done);
                spans.pop();
            }
        }
    }
}

/// A token range `(first, end)`.
type Span = (usize, usize);

/// What to do with each complete match: its element spans and end token.
type OnMatch<'a> = dyn FnMut(&[Span], usize) + 'a;

/// One attempt to match: where the match starts and where the anchor must.
struct Run<'a> {
    doc: &'a Document,
    start: usize,
    at: usize,
}

/// A pattern match: tokens `start..end`, and each element's token range
/// (empty for a skipped optional element).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub spans: Vec<(usize, usize)>,
}

/// Matches a word sequence at token `pos` of a match that starts at token
/// `start`; returns the end token (exclusive).
fn match_words(doc: &Document, words: &[Word], start: usize, pos: usize) -> Option<usize> {
    let toks = doc.tokens();
    for (i, w) in words.iter().enumerate() {
        let t = toks.get(pos + i)?;
        // A match never runs across a paragraph break.
        if pos + i > start && t.has(flag::PARA_START) {
            return None;
        }
        let ok = match w {
            Word::Lit { folded, upper } => doc.folded(t) == folded && (!upper || t.has(flag::UPPER)),
            Word::Any => t.kind != TokenKind::Punct,
            Word::Class(c) => t.kind == TokenKind::Word && c.contains(doc.folded(t)),
        };
        if !ok {
            return None;
        }
    }
    Some(pos + words.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Meta;

    fn doc(s: &str) -> Document {
        Document::new("t", s.to_string(), Meta::default())
    }

    /// The matched text, trying every token as the anchor's start.
    fn find(pattern: &str, text: &str) -> Vec<String> {
        let p = parse(pattern).unwrap();
        let d = doc(text);
        let anchors = p.anchor_words();
        let mut out = Vec::new();
        for (i, t) in d.tokens().iter().enumerate() {
            if anchors.iter().any(|a| a == d.folded(t)) {
                if let Some(m) = p.match_at(&d, i) {
                    out.push(d.span_text(m.start, m.end - 1).to_string());
                }
            }
        }
        out
    }

    #[test]
    fn literals_alternatives_and_inflections() {
        assert_eq!(
            find("mesures reculant~", "des Mesures Reculantes et"),
            ["Mesures Reculantes"]
        );
        assert_eq!(find("faire|fait|font du sens", "cela fait du sens"), ["fait du sens"]);
        assert!(find("faire du sens", "faire des sens").is_empty());
    }

    #[test]
    fn classes_wildcards_and_optionals() {
        assert_eq!(
            find("explorer <poss> arme~", "explorer leurs armes"),
            ["explorer leurs armes"]
        );
        assert_eq!(
            find("adresser * problème~", "adresser ce problème"),
            ["adresser ce problème"]
        );
        assert_eq!(
            find("au bout de ?la journée", "au bout de la journée"),
            ["au bout de la journée"]
        );
        assert_eq!(
            find("au bout de ?la journée", "au bout de journée"),
            ["au bout de journée"]
        );
        // The optional element is taken when it can be: the longest match wins.
        assert_eq!(find("?très grand", "un très grand"), ["très grand"]);
    }

    #[test]
    fn elisions_and_multiword_alternatives() {
        assert_eq!(find("d'une|de la part de", "de la part de l'ONU"), ["de la part de"]);
        assert_eq!(find("l'|le apostrophe", "l'apostrophe"), ["l'apostrophe"]);
    }

    #[test]
    fn capitals_are_case_sensitive() {
        assert_eq!(find("UN", "l'UN et un homme"), ["UN"]);
        assert_eq!(find("NATO", "la NATO ou la nato"), ["NATO"]);
    }

    #[test]
    fn context_words() {
        assert_eq!(find("prendre place !à|au", "prendre place hier"), ["prendre place"]);
        assert!(find("prendre place !à|au", "prendre place à table").is_empty());
        assert_eq!(find("+de éventuellement", "de éventuellement"), ["éventuellement"]);
        assert!(find("+de éventuellement", "et éventuellement").is_empty());
    }

    #[test]
    fn no_match_across_paragraphs() {
        assert!(find("prendre place", "prendre\n\nplace").is_empty());
        assert_eq!(find("prendre place", "prendre\nplace"), ["prendre\nplace"]);
    }

    #[test]
    fn inflection_forms() {
        assert_eq!(
            inflections("reculant"),
            ["reculant", "reculante", "reculants", "reculantes"]
        );
        assert_eq!(inflections("serieux"), ["serieux", "serieuse", "serieuses"]);
        assert_eq!(inflections("actif"), ["actif", "active", "actives", "actifs"]);
        assert_eq!(
            inflections("national"),
            ["national", "nationaux", "nationale", "nationales"]
        );
        assert_eq!(inflections("premier"), ["premier", "premiere", "premieres", "premiers"]);
        assert_eq!(inflections("blessé"), ["blessé", "blessée", "blessés", "blessées"]);
        assert_eq!(inflections("juste"), ["juste", "justes"]);
        let p = parse("blessé~").unwrap();
        assert_eq!(p.anchor_words(), ["blesse", "blessee", "blessees", "blesses"]);
    }

    #[test]
    fn errors_name_the_column() {
        let e = parse("prendre !place des").unwrap_err();
        assert_eq!(e.column, 9);
        assert!(parse("").is_err());
        assert!(parse("* ?x").is_err());
        assert!(parse("x <adj>").unwrap_err().message.contains("unknown word class"));
        assert!(parse("a||b").is_err());
        assert!(parse("deux~mots").is_err());
        assert!(parse("?").is_err());
        assert!(parse("!seul").is_err());
    }

    #[test]
    fn anchors_avoid_common_words() {
        let p = parse("de la part de").unwrap();
        assert_eq!(p.anchor_words(), ["part"]);
        let p = parse("prendre des mesures reculant~").unwrap();
        assert_eq!(p.anchor_words(), ["reculant", "reculante", "reculantes", "reculants"]);
    }
}
