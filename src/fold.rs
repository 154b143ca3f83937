//! Folding: the form text is matched in.
//!
//! Folding lowers case, removes diacritics, expands ligatures and unifies the
//! apostrophe, hyphen and space variants that French typography uses, so that
//! `Zelenskyy`, `ZELENSKYY` and `Zélenskyy` meet on one key. It works per
//! character, so it is independent of NFC/NFD: a combining mark is dropped
//! whether it comes precomposed or not. Findings never point into folded text;
//! tokens keep byte ranges into the original.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends the folded form of `c` to `out`.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // The letters of French and Western European text, without a table lookup.
    let base = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => 'u',
        'ÿ' | 'ý' | 'Ÿ' | 'Ý' => 'y',
        _ => '\0',
    };
    if base != '\0' {
        out.push(base);
        return;
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '\u{2032}' => out.push('\''),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' | 'ẞ' => out.push_str("ss"),
        'ł' | 'Ł' => out.push('l'),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        'þ' | 'Þ' => out.push_str("th"),
        'ı' => out.push('i'),
        'ħ' | 'Ħ' => out.push('h'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' => out.push(' '),
        _ if is_combining_mark(c) => {}
        _ => {
            for lower in c.to_lowercase() {
                decompose_canonical(lower, |d| {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                });
            }
        }
    }
}

/// The folded form of a whole string.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Lower case only, diacritics kept (NFC is not applied: callers compare
/// strings that come from the same decoding).
pub fn lower(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// True for the apostrophes French text uses.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// True for the hyphens that join compound words.
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// The diacritics of French spelling (é, è, ê, ë, à, â, ç, î, ï, ô, ù, û, ü, ÿ and
/// the ligatures). A name stripped of one of them is wrong in French copy; a name
/// stripped of a háček or an ogonek is the usual practice of the French press.
pub fn is_french_diacritic_letter(c: char) -> bool {
    matches!(
        c.to_lowercase().next().unwrap_or(c),
        'à' | 'â'
            | 'ä'
            | 'ç'
            | 'é'
            | 'è'
            | 'ê'
            | 'ë'
            | 'î'
            | 'ï'
            | 'ô'
            | 'ö'
            | 'ù'
            | 'û'
            | 'ü'
            | 'ÿ'
            | 'œ'
            | 'æ'
    )
}

/// Removes diacritics but keeps case: the first letter of a capitalised word is
/// compared this way, since AFP writes `Edouard` and `Etat` without the accent.
pub fn strip_diacritics_keep_case(c: char) -> char {
    let mut base = None;
    decompose_canonical(c, |d| {
        if base.is_none() && !is_combining_mark(d) {
            base = Some(d);
        }
    });
    base.unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_ligatures() {
        assert_eq!(fold("Zélenskyy"), "zelenskyy");
        assert_eq!(fold("ERDOĞAN"), "erdogan");
        assert_eq!(fold("Čaputová"), "caputova");
        assert_eq!(fold("cœur"), "coeur");
        assert_eq!(fold("Radosław"), "radoslaw");
        assert_eq!(fold("l’OTAN"), "l'otan");
        assert_eq!(fold("a\u{00A0}b"), "a b");
        assert_eq!(fold("Jean\u{2011}Noël"), "jean-noel");
    }

    #[test]
    fn folding_ignores_normalisation_form() {
        // "é" precomposed and as e + combining acute.
        assert_eq!(fold("\u{e9}t\u{e9}"), fold("e\u{301}te\u{301}"));
    }

    #[test]
    fn french_diacritics_are_told_from_others() {
        assert!(is_french_diacritic_letter('ë'));
        assert!(is_french_diacritic_letter('Ç'));
        assert!(!is_french_diacritic_letter('č'));
        assert!(!is_french_diacritic_letter('á'));
        assert_eq!(strip_diacritics_keep_case('É'), 'E');
    }
}
