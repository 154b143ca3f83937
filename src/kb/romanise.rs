//! English romanisations of names the French press romanises its own way.
//!
//! AFP writes Kouleba, Chmyhal, Sergueï, Poutine, Aliev, Bachar; English copy
//! writes Kuleba, Shmyhal, Sergei, Putin, Aliyev, Bashar, and machine
//! translation keeps the English form. From each French form of a person of a
//! country whose names are romanised (Cyrillic, Georgian, Armenian, Arabic,
//! Persian, Hebrew scripts), this module derives the English forms, so that
//! `name.english-spelling` finds them without the KB listing every one.
//!
//! Rewriting is one left-to-right pass over the folded token: at each position
//! the first rule that matches is applied and the scan resumes after it, so no
//! rule ever rewrites what another produced.

/// The romanisation family of a country's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    /// Russian, Ukrainian, Belarusian, Central Asian, Caucasus, Bulgarian (not
    /// Moldova: Romanian is written in Latin script).
    Cyrillic,
    /// Arabic and Persian.
    Arabic,
    /// Hebrew.
    Hebrew,
}

impl Script {
    /// The family of a country, if its names are romanised at all.
    pub fn of_country(code: &str) -> Option<Script> {
        const CYRILLIC: &[&str] = &[
            "RU", "UA", "BY", "KZ", "KG", "TJ", "TM", "UZ", "MN", "BG", "MK", "GE", "AM", "AZ",
        ];
        const ARABIC: &[&str] = &[
            "SA", "AE", "QA", "KW", "BH", "OM", "YE", "IQ", "SY", "LB", "JO", "PS", "EG", "LY", "SD", "IR", "AF",
        ];
        if CYRILLIC.contains(&code) {
            Some(Script::Cyrillic)
        } else if ARABIC.contains(&code) {
            Some(Script::Arabic)
        } else if code == "IL" {
            Some(Script::Hebrew)
        } else {
            None
        }
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The English spellings of one folded (lower-case, accent-free) name token,
/// not including the token itself.
pub fn english_token_forms(token: &str, script: Script) -> Vec<String> {
    if !token.is_ascii() || token.len() < 3 {
        return Vec::new();
    }
    if script == Script::Arabic && token == "ben" {
        return vec!["bin".to_string()];
    }
    let base = rewrite(token, script);
    let mut bases = vec![base.clone()];
    // Russian initial E is Ye in English (Evguéni -> Yevgeny, Elena -> Yelena).
    if script == Script::Cyrillic && base.starts_with('e') {
        bases.push(format!("y{base}"));
    }
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if s != token && s.len() >= 3 && !out.contains(&s) {
            out.push(s);
        }
    };
    for b in &bases {
        for s in endings(b, script) {
            push(s);
        }
    }
    // Arabic and Persian names often keep `ou` in English (Mahmoud, Massoud):
    // the form with only the other rules applied is an English spelling too.
    if script == Script::Arabic && token.contains("ou") {
        let kept = rewrite_keeping_ou(token);
        for s in endings(&kept, script) {
            push(s);
        }
    }
    out
}

fn rewrite(token: &str, script: Script) -> String {
    rewrite_with(token, script, true)
}

fn rewrite_keeping_ou(token: &str) -> String {
    rewrite_with(token, Script::Arabic, false)
}

fn rewrite_with(token: &str, script: Script, ou: bool) -> String {
    let b = token.as_bytes();
    let at = |i: usize, s: &str| b[i..].starts_with(s.as_bytes());
    one_pass(b, |i| {
        let prev_vowel = i > 0 && is_vowel(b[i - 1]);
        let word_start = i == 0;
        let next_vowel = |k: usize| b.get(i + k).is_some_and(|&c| is_vowel(c));
        match script {
            Script::Cyrillic => {
                if at(i, "chtch") {
                    ("shch", 5)
                } else if at(i, "tch") {
                    ("ch", 3)
                } else if at(i, "ch") {
                    ("sh", 2)
                } else if at(i, "iou") && (word_start || prev_vowel) {
                    ("yu", 3)
                } else if at(i, "ia") && (word_start || prev_vowel) {
                    ("ya", 2)
                } else if at(i, "ie") && word_start {
                    ("ye", 2)
                } else if at(i, "io") && word_start {
                    ("yo", 2)
                } else if ou && at(i, "ou") {
                    ("u", 2)
                } else if at(i, "j") {
                    ("zh", 1)
                } else if at(i, "gue") || at(i, "gui") {
                    (if b[i + 2] == b'e' { "ge" } else { "gi" }, 3)
                } else if at(i, "ss") && prev_vowel && next_vowel(2) {
                    ("s", 2)
                } else if at(i, "iev") && i > 0 && !prev_vowel {
                    ("iyev", 3)
                } else if b[i] == b'i' && prev_vowel && next_vowel(1) {
                    ("y", 1)
                } else {
                    ("", 0)
                }
            }
            Script::Arabic => {
                if at(i, "ch") {
                    ("sh", 2)
                } else if at(i, "dj") {
                    ("j", 2)
                } else if ou && at(i, "ou") {
                    ("u", 2)
                } else if at(i, "ss") && prev_vowel && next_vowel(2) {
                    ("s", 2)
                } else {
                    ("", 0)
                }
            }
            Script::Hebrew => {
                if ou && at(i, "ou") {
                    ("u", 2)
                } else {
                    ("", 0)
                }
            }
        }
    })
}

/// One pass from left to right over an ASCII word: at each position `rule`
/// gives a replacement and the number of bytes it consumes (0: keep the byte
/// as it is). Rules read the input only, so a rewrite is never rewritten.
fn one_pass(b: &[u8], rule: impl Fn(usize) -> (&'static str, usize)) -> String {
    let mut out = String::with_capacity(b.len() + 4);
    let mut i = 0;
    while i < b.len() {
        match rule(i) {
            (replacement, used) if used > 0 => {
                out.push_str(replacement);
                i += used;
            }
            _ => {
                out.push(char::from(b[i]));
                i += 1;
            }
        }
    }
    out
}

/// The word-final spellings English uses where French adds or drops a letter.
fn endings(base: &str, script: Script) -> Vec<String> {
    let mut out = vec![base.to_string()];
    let b = base.as_bytes();
    let n = b.len();
    let consonant_before = |k: usize| n > k && !is_vowel(b[n - k - 1]);
    // French adds a mute `e` to keep a final vowel oral: Poutine, Salmane, al-Burhane.
    if n > 4 && base.ends_with("ne") && is_vowel(b[n - 3]) {
        out.push(base[..n - 1].to_string());
    }
    // Oleksandre -> Oleksandr, Alexandre -> Alexander.
    if script == Script::Cyrillic && n > 5 && base.ends_with("dre") {
        out.push(base[..n - 1].to_string());
        out.push(format!("{}der", &base[..n - 3]));
    }
    if script == Script::Cyrillic {
        if base.ends_with("sky") || base.ends_with("ny") || base.ends_with("ry") {
            out.push(format!("{}yy", &base[..n - 1]));
            out.push(format!("{}yi", &base[..n - 1]));
            out.push(format!("{}iy", &base[..n - 1]));
        } else if base.ends_with("ei") {
            out.push(format!("{}ey", &base[..n - 2]));
        } else if base.ends_with('i') && consonant_before(1) {
            out.push(format!("{}y", &base[..n - 1]));
            out.push(format!("{base}y"));
        }
    }
    out
}

/// Every English spelling of a multi-token name: the product of the token
/// forms (each token either kept or rewritten), without the name itself, at
/// most `limit` of them.
pub fn english_name_forms(tokens: &[&str], script: Script, limit: usize) -> Vec<Vec<String>> {
    let options: Vec<Vec<String>> = tokens
        .iter()
        .map(|t| {
            let mut v = vec![(*t).to_string()];
            v.extend(english_token_forms(t, script));
            v
        })
        .collect();
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for opts in &options {
        let mut next = Vec::with_capacity(out.len() * opts.len());
        for prefix in &out {
            for o in opts {
                let mut p = prefix.clone();
                p.push(o.clone());
                next.push(p);
            }
        }
        next.truncate(limit * 4);
        out = next;
    }
    out.retain(|f| f.iter().zip(tokens).any(|(a, b)| a != b));
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(t: &str, s: Script) -> Vec<String> {
        english_token_forms(t, s)
    }

    #[test]
    fn cyrillic_names() {
        assert!(forms("kouleba", Script::Cyrillic).contains(&"kuleba".into()));
        assert!(forms("chmyhal", Script::Cyrillic).contains(&"shmyhal".into()));
        assert!(forms("serguei", Script::Cyrillic).contains(&"sergei".into()));
        assert!(forms("serguei", Script::Cyrillic).contains(&"sergey".into()));
        assert!(forms("poutine", Script::Cyrillic).contains(&"putin".into()));
        assert!(forms("aliev", Script::Cyrillic).contains(&"aliyev".into()));
        assert!(forms("tokaiev", Script::Cyrillic).contains(&"tokayev".into()));
        assert!(forms("zelensky", Script::Cyrillic).contains(&"zelenskyy".into()));
        assert!(forms("syrsky", Script::Cyrillic).contains(&"syrskyi".into()));
        assert!(forms("oleksandre", Script::Cyrillic).contains(&"oleksandr".into()));
        assert!(forms("ouchakov", Script::Cyrillic).contains(&"ushakov".into()));
        assert!(forms("iouri", Script::Cyrillic).contains(&"yury".into()));
        assert!(forms("vitali", Script::Cyrillic).contains(&"vitaliy".into()));
        assert!(forms("prigojine", Script::Cyrillic).contains(&"prigozhin".into()));
        assert!(forms("ivanichvili", Script::Cyrillic).contains(&"ivanishvili".into()));
        assert!(forms("guerassimov", Script::Cyrillic).contains(&"gerasimov".into()));
        assert!(forms("oumerov", Script::Cyrillic).contains(&"umerov".into()));
        assert!(forms("evgueni", Script::Cyrillic).contains(&"yevgeny".into()));
        assert!(forms("alexandre", Script::Cyrillic).contains(&"alexander".into()));
    }

    #[test]
    fn arabic_and_hebrew_names() {
        assert!(forms("bachar", Script::Arabic).contains(&"bashar".into()));
        assert!(forms("salmane", Script::Arabic).contains(&"salman".into()));
        assert!(forms("burhane", Script::Arabic).contains(&"burhan".into()));
        assert!(forms("raissi", Script::Arabic).contains(&"raisi".into()));
        assert!(forms("massoud", Script::Arabic).contains(&"masoud".into()));
        assert!(forms("massoud", Script::Arabic).contains(&"masud".into()));
        assert_eq!(forms("ben", Script::Arabic), ["bin"]);
        assert!(forms("netanyahou", Script::Hebrew).contains(&"netanyahu".into()));
    }

    #[test]
    fn a_rewrite_is_never_rewritten_again() {
        // `tch` becomes `ch`, which must not then become `sh`.
        assert!(forms("tchernov", Script::Cyrillic).contains(&"chernov".into()));
        assert!(!forms("tchernov", Script::Cyrillic).iter().any(|f| f.contains("sh")));
    }

    #[test]
    fn names_without_french_marks_give_nothing() {
        assert!(forms("lavrov", Script::Cyrillic).is_empty());
        assert!(forms("khamenei", Script::Arabic).is_empty());
    }

    #[test]
    fn multi_token_product() {
        let f = english_name_forms(&["dmytro", "kouleba"], Script::Cyrillic, 16);
        assert!(f.contains(&vec!["dmytro".to_string(), "kuleba".to_string()]));
        assert!(!f.contains(&vec!["dmytro".to_string(), "kouleba".to_string()]));
    }
}

/// Signs that a name is written in English romanisation: `sh`, `zh`, initial
/// `Yu`/`Ya`/`Ye`, final `-iy`, `-yy`, `-yi`, `-ey`, `-ei`, `-yev`. Returns how
/// many the folded word has.
pub fn english_signs(w: &str) -> usize {
    if !w.is_ascii() || w.len() < 3 {
        return 0;
    }
    let mut n = 0;
    n += usize::from(w.contains("sh") && !w.contains("sch"));
    n += usize::from(w.contains("zh"));
    n += usize::from(w.starts_with("yu") || w.starts_with("ya") || w.starts_with("ye"));
    n += usize::from(["iy", "yy", "yi", "ey", "yev", "yeva"].iter().any(|e| w.ends_with(e)));
    n += usize::from(w.len() > 4 && w.ends_with("ei"));
    n += usize::from(w.ends_with("khail"));
    n += usize::from(
        w.as_bytes()
            .windows(3)
            .any(|x| !is_vowel(x[0]) && x[1] == b'y' && x[2] == b'o'),
    );
    n
}

/// A Russian surname in `-in` takes an `e` in French (Putin → Poutine, Mamin
/// → Mamine, Sobyanin → Sobianine): the folded surname with it, if it ends so.
pub fn french_in_ending(w: &str) -> Option<String> {
    let b = w.as_bytes();
    let n = b.len();
    (n >= 5 && w.is_ascii() && w.ends_with("in") && !is_vowel(b[n - 3])).then(|| format!("{w}e"))
}

/// The French romanisation of a folded Russian or Ukrainian name written the
/// English way, capitalised like `original`: Yuriy → Iouri, Ushakov →
/// Ouchakov, Sergey → Sergueï, Zhukov → Joukov, Shcherbakov → Chtcherbakov.
/// One pass from left to right; a rewrite is never rewritten. AFP keeps the
/// Ukrainian `y` inside names (Volodymyr, Dmytro), and so does this.
pub fn french_form(w: &str) -> Option<String> {
    if !w.is_ascii() || w.len() < 3 {
        return None;
    }
    let b = w.as_bytes();
    let n = b.len();
    let at = |i: usize, s: &str| b[i..].starts_with(s.as_bytes());
    let out = one_pass(b, |i| {
        let prev_vowel = i > 0 && is_vowel(b[i - 1]) && b[i - 1] != b'y';
        let prev_consonant = i > 0 && !is_vowel(b[i - 1]);
        let word_start = i == 0;
        let next_vowel = |k: usize| b.get(i + k).is_some_and(|&c| is_vowel(c) && c != b'y');
        let rest = n - i;
        if at(i, "shch") {
            ("chtch", 4)
        } else if at(i, "sh") {
            ("ch", 2)
        } else if at(i, "zh") {
            ("j", 2)
        } else if at(i, "kh") {
            ("kh", 2)
        } else if at(i, "ch") {
            ("tch", 2)
        } else if at(i, "yu") && (word_start || prev_vowel || prev_consonant) {
            ("iou", 2)
        } else if at(i, "ya") && (word_start || prev_vowel || prev_consonant) {
            ("ia", 2)
        } else if at(i, "ye") && (word_start || prev_vowel) {
            ("ie", 2)
        } else if at(i, "iyev") {
            ("iev", 4)
        } else if at(i, "yev") && prev_consonant {
            ("iev", 3)
        } else if rest == 2 && (at(i, "iy") || at(i, "yy") || at(i, "yi")) {
            (if b[i] == b'i' { "i" } else { "y" }, 2)
        } else if at(i, "yo") && prev_consonant {
            ("io", 2)
        } else if rest == 3 && at(i, "ail") && prev_consonant {
            ("aïl", 3)
        } else if rest == 2 && (at(i, "ey") || at(i, "ei")) {
            ("eï", 2)
        } else if rest == 1 && b[i] == b'y' && prev_consonant && i >= 3 && !matches!(b[i - 1], b'k' | b'n') {
            ("i", 1)
        } else if at(i, "ge") || at(i, "gi") {
            ("gu", 1)
        } else if b[i] == b'u' && !(i > 0 && matches!(b[i - 1], b'o' | b'a' | b'e' | b'g')) {
            ("ou", 1)
        } else if b[i] == b's' && prev_vowel && next_vowel(1) {
            ("ss", 1)
        } else {
            ("", 0)
        }
    });
    (out != w).then_some(out)
}

#[cfg(test)]
mod french_tests {
    use super::*;

    #[test]
    fn english_to_french() {
        for (en, fr) in [
            ("yuriy", "iouri"),
            ("ushakov", "ouchakov"),
            ("sergey", "sergueï"),
            ("sergei", "sergueï"),
            ("zhukov", "joukov"),
            ("shcherbakov", "chtcherbakov"),
            ("dmitry", "dmitri"),
            ("aliyev", "aliev"),
            ("vyacheslav", "viatcheslav"),
            ("syrskyi", "syrsky"),
            ("zelenskyy", "zelensky"),
            ("kuleba", "kouleba"),
            ("mishustin", "michoustin"),
            ("mikhail", "mikhaïl"),
            ("moskalyov", "moskaliov"),
            ("pyotr", "piotr"),
        ] {
            assert_eq!(french_form(en).as_deref(), Some(fr), "{en}");
        }
        // French forms and the Ukrainian forms AFP keeps stay as they are.
        for ok in ["volodymyr", "dmytro", "lavrov", "zelensky", "iouri"] {
            assert_eq!(french_form(ok), None, "{ok}");
        }
        assert!(english_signs("yuriy") >= 1 && english_signs("zhukov") >= 1);
        assert_eq!(english_signs("lavrov"), 0);
        assert_eq!(english_signs("kouleba"), 0);
        assert!(english_signs("mikhail") == 1 && english_signs("artyom") == 1);
        assert_eq!(french_in_ending("mamin").as_deref(), Some("mamine"));
        assert_eq!(french_in_ending("putin").as_deref(), Some("putine"));
        assert_eq!(french_in_ending("tokaiev"), None);
        assert_eq!(french_in_ending("berlin").as_deref(), Some("berline"));
        assert_eq!(french_in_ending("kyiv"), None);
    }
}
