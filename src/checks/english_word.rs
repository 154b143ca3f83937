//! `untranslated.english-word`: English words left in French copy, found by
//! the lexicons rather than by a list (`stated`, `[with]`, `according to`).

use super::{Check, Context, RuleMeta, Sink};
use crate::document::{TokenKind, flag};
use crate::finding::{Category, Severity};
use crate::wordset::WordSet;

pub struct EnglishWord;

pub static ENGLISH_WORD: RuleMeta = RuleMeta {
    id: "untranslated.english-word",
    category: Category::Untranslated,
    severity: Severity::Major,
    summary: "An English word or run of words left untranslated, found by the lexicons",
    docs: "A run of lower-case words that the English lexicon knows and the French one does \
           not (Debian's hunspell dictionaries, embedded). English words French has borrowed \
           are accepted (week-end, leader, start-up, timing, manager, email, fake news… and \
           everything the French lexicon holds); quotations in « » or \"\" that are English \
           throughout are quotations, and runs in brackets ([on], [to the], which MT leaves) \
           count: a run or a function word in brackets gains 0.20. Lines that look like code (brackets, `=`, `/`, `_`, `--` options…) and \
           hyphen-joined identifiers are left alone. Confidence: a run of two words or more \
           with an English function word 0.85, without 0.55; a single English function word, \
           reporting verb or discourse adverb (the, with, which, said, stated, according, \
           nevertheless, moreover…) 0.80; `of` and `the` inside an English name (Court of \
           Appeals) belong to the name; a single word \
           with an English ending (-ed, -ly, -ing, -ness, -ful, -less) 0.45 and any other \
           single word 0.30, both below the default floor.",
};

/// English words French copy uses as they are (folded).
fn is_borrowed(w: &str) -> bool {
    matches!(
        w,
        "email"
            | "emails"
            | "fake"
            | "news"
            | "hashtag"
            | "hashtags"
            | "startup"
            | "startups"
            | "smartphone"
            | "smartphones"
            | "online"
            | "offline"
            | "streaming"
            | "podcast"
            | "podcasts"
            | "influencer"
            | "influenceur"
            | "bitcoin"
            | "blockchain"
            | "cloud"
            | "hacker"
            | "hackers"
            | "spin"
            | "doctor"
            | "soft"
            | "power"
            | "hard"
            | "think"
            | "tank"
            | "tanks"
            | "swing"
            | "states"
            | "state"
            | "shutdown"
            | "impeachment"
            | "lockdown"
            | "cluster"
            | "clusters"
            | "booster"
            | "deepfake"
            | "deepfakes"
            | "chatbot"
            | "chatbots"
            | "woke"
            | "cancel"
            | "culture"
            | "remake"
            | "prequel"
            | "spin-off"
            | "playoffs"
            | "playoff"
            | "tweets"
            | "tweeter"
            | "retweet"
            | "post"
            | "posts"
            | "like"
            | "likes"
            | "selfie"
            | "selfies"
            | "brexit"
            | "okay"
            | "ok"
            | "versus"
            | "vs"
            | "made"
            | "in"
            | "by"
            | "pro"
    )
}

/// English words that are almost only function words or reporting verbs.
static FUNCTION_WORDS: WordSet = WordSet::new(&[
    "the",
    "of",
    "and",
    "with",
    "which",
    "from",
    "that",
    "this",
    "these",
    "those",
    "said",
    "says",
    "stated",
    "according",
    "however",
    "meanwhile",
    "nevertheless",
    "nonetheless",
    "moreover",
    "furthermore",
    "therefore",
    "although",
    "whereas",
    "thus",
    "hence",
    "besides",
    "otherwise",
    "instead",
    "despite",
    "though",
    "whether",
    "also",
    "would",
    "could",
    "should",
    "will",
    "been",
    "being",
    "were",
    "was",
    "has",
    "have",
    "had",
    "their",
    "there",
    "they",
    "into",
    "about",
    "after",
    "before",
    "because",
    "while",
    "where",
    "when",
    "who",
    "whom",
    "whose",
    "what",
    "than",
    "then",
    "its",
    "our",
    "your",
    "his",
    "her",
    "him",
    "them",
    "we",
    "you",
    "not",
    "but",
    "or",
    "if",
    "on",
    "at",
    "to",
    "for",
    "an",
    "a",
    "is",
    "are",
    "be",
    "it",
]);

fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(w)
}

fn has_english_ending(w: &str) -> bool {
    w.len() > 5
        && ["ed", "ly", "ing", "ness", "ful", "less", "ship"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// A few frequent English words and what French writes instead.
fn translation(w: &str) -> &'static str {
    match w {
        "with" => "avec",
        "according to" | "according" => "selon",
        "said" | "says" | "stated" => "a déclaré",
        "meanwhile" => "pendant ce temps",
        "however" => "cependant",
        "nevertheless" | "nonetheless" => "néanmoins",
        "moreover" | "furthermore" => "de plus",
        "therefore" | "thus" | "hence" => "donc",
        "although" | "though" => "bien que",
        "whereas" => "alors que",
        "instead" => "au lieu de cela",
        "despite" => "malgré",
        "the" => "le, la, les",
        "to the" => "à la, au",
        "of the" => "de la, du",
        "on the other hand" => "en revanche",
        "and" => "et",
        "which" => "qui",
        "also" => "aussi",
        "of" => "de",
        "from" => "de",
        "but" => "mais",
        _ => "",
    }
}

/// For each token, whether it is inside a quotation and inside brackets.
fn quoted_and_bracketed(doc: &crate::document::Document) -> (Vec<bool>, Vec<bool>) {
    let toks = doc.tokens();
    let mut quote_depth = 0i32;
    let mut bracket_depth = 0i32;
    let mut quoted = vec![false; toks.len()];
    let mut bracketed = vec![false; toks.len()];
    let mut straight_open = false;
    for (i, t) in toks.iter().enumerate() {
        if t.kind == TokenKind::Punct {
            match doc.token_text(t) {
                "«" | "\u{201C}" => quote_depth += 1,
                "»" | "\u{201D}" => quote_depth = (quote_depth - 1).max(0),
                "\"" => straight_open = !straight_open,
                "[" => bracket_depth += 1,
                "]" => bracket_depth = (bracket_depth - 1).max(0),
                _ => {}
            }
            if t.has(flag::PARA_START) {
                quote_depth = 0;
                straight_open = false;
            }
        }
        quoted[i] = quote_depth > 0 || straight_open;
        bracketed[i] = bracket_depth > 0;
    }
    (quoted, bracketed)
}

impl Check for EnglishWord {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 1] = [&ENGLISH_WORD];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let doc = cx.doc;
        let toks = doc.tokens();
        // Which tokens are quoted and bracketed: needed only once a run is
        // found, which most documents never have.
        let marks = std::cell::OnceCell::new();
        let marks = || marks.get_or_init(|| quoted_and_bracketed(doc));
        let is_english = |i: usize| {
            let t = &toks[i];
            // Hyphen-joined words are identifiers (`sm-notify`) or compounds.
            let joined = t.has(flag::HYPHEN_BEFORE) || toks.get(i + 1).is_some_and(|n| n.has(flag::HYPHEN_BEFORE));
            t.kind == TokenKind::Word
                && !t.is_cap()
                && !joined
                // English words are ASCII (`café` is French) and no common French word.
                && doc.token_text(t).is_ascii()
                && !crate::lexicon::is_common_french(doc.folded(t))
                && !cx.is_technical(i)
                && cx.in_english(i)
                && cx.class(i).is_some_and(|c| c.english)
                && !is_borrowed(doc.folded(t))
                // `of`, `the` and `and` are in names the KB knows (`Bank of
                // America`); lower-case, they are English all the same.
                && (is_function_word(doc.folded(t)) || !cx.kb.names().is_known_token(doc.folded(t)))
        };
        // The first token after the last run: runs start at uncommon words.
        let mut next = 0;
        for &candidate in cx.uncommon_words() {
            let candidate = candidate as usize;
            if candidate < next || !is_english(candidate) {
                continue;
            }
            let mut i = candidate;
            let mut start = i;
            // An English particle French also has opens the run (`[to the]`).
            if start > 0
                && matches!(doc.folded(&toks[start - 1]), "to" | "on" | "at" | "for" | "in" | "by")
                && !toks[start - 1].is_cap()
                && !toks[start].has(flag::LINE_START)
                && is_function_word(doc.folded(&toks[start]))
            {
                start -= 1;
            }
            // A run goes on through English function words French also has
            // (`according to`: `to` is a French word too).
            let continues = |k: usize| {
                is_english(k)
                    || (cx.class(k).is_some_and(|c| c.french)
                        && !toks[k].is_cap()
                        && is_function_word(doc.folded(&toks[k]))
                        && k + 1 < toks.len()
                        && (is_english(k + 1) || k > start))
            };
            while i + 1 < toks.len() && continues(i + 1) && !toks[i + 1].has(flag::PARA_START) {
                i += 1;
            }
            // Not ending on a word French also has, unless it is an English
            // particle (`according to`, `in charge of`).
            while i > start
                && !is_english(i)
                && !matches!(
                    doc.folded(&toks[i]),
                    "to" | "of" | "on" | "for" | "at" | "by" | "in" | "up" | "out" | "off"
                )
            {
                i -= 1;
            }
            let end = i;
            next = end + 1;
            // A quotation in English throughout is a quotation.
            let (quoted, bracketed) = marks();
            if quoted[start] && !bracketed[start] {
                let french_inside = (start.saturating_sub(8)..(end + 8).min(toks.len()))
                    .any(|k| quoted[k] && cx.class(k).is_some_and(|c| c.french));
                if !french_inside {
                    continue;
                }
            }
            // `of` and `the` inside an English name (`Court of Appeals`,
            // `Bank of the West`) belong to the name.
            let cap_at = |k: usize| toks.get(k).is_some_and(|n| n.kind == TokenKind::Word && n.is_cap());
            if start > 0
                && cap_at(start - 1)
                && cap_at(end + 1)
                && (start..=end).all(|k| is_function_word(doc.folded(&toks[k])))
            {
                continue;
            }
            let first = doc.folded(&toks[start]);
            let with_function_word = (start..=end).any(|k| is_function_word(doc.folded(&toks[k])));
            let mut confidence: f64 = if end > start && with_function_word {
                0.85
            } else if end > start {
                0.55
            } else if is_function_word(first) {
                0.8
            } else if has_english_ending(first) {
                0.45
            } else {
                0.3
            };
            // MT leaves words of its own in brackets (`[with]`, `[to the]`);
            // a single content word in brackets is more often a literal.
            if bracketed[start] && (end > start || is_function_word(first)) {
                confidence += 0.2;
            }
            let range = toks[start].start as usize..toks[end].end as usize;
            let found = &doc.text[range.clone()];
            let folded_run = crate::fold::fold(found);
            let suggestion = translation(&folded_run);
            out.report(
                &ENGLISH_WORD,
                range,
                confidence.min(1.0),
                suggestion,
                format!("« {found} » est de l'anglais laissé tel quel par la traduction."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_english_left_in() {
        let f = run(
            &EnglishWord,
            "Le ministre a stated que l'accord [with] Kiev tient, according to la presse.",
        );
        let got: Vec<(&str, f64)> = f.iter().map(|x| (x.0.as_str(), x.3)).collect();
        assert_eq!(got, [("stated", 0.8), ("with", 1.0), ("according to", 0.85)]);
        let f = run(
            &EnglishWord,
            "Le sort [of] ses bases, nevertheless, reste [to the] discrétion du roi.",
        );
        let got: Vec<(&str, f64)> = f.iter().map(|x| (x.0.as_str(), x.3)).collect();
        assert_eq!(got, [("of", 1.0), ("nevertheless", 0.8), ("to the", 1.0)]);
    }

    #[test]
    fn dont_flag_borrowings_quotes_or_french() {
        for ok in [
            "Le leader du parti a passé le week-end avec son manager, un timing parfait.",
            "Il a lancé « We shall overcome » devant la foule.",
            "Le thé et le café, un email et des fake news.",
            "The Guardian et le New York Times ont publié l'enquête.",
            "La Bank of America et la Court of Appeals.",
        ] {
            assert!(
                run(&EnglishWord, ok).iter().all(|f| f.3 < 0.5),
                "{ok}: {:?}",
                run(&EnglishWord, ok)
            );
        }
    }
}
