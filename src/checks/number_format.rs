//! `number-format.*`: numbers written the English way in French copy:
//! `350,000` (thousands comma), `2.5 milliards` (decimal point), `12%` (no
//! space before %), `$250 milliards` (currency symbol before the amount).
//! One finding per number, under the rule of its most telling fault, with a
//! suggestion that fixes all of them.

use super::{Check, Context, RuleMeta, Sink};
use crate::document::{Token, TokenKind, flag};
use crate::finding::{Category, Severity};

pub struct NumberFormat;

pub static THOUSANDS: RuleMeta = RuleMeta {
    id: "number-format.thousands-separator",
    category: Category::NumberFormat,
    severity: Severity::Minor,
    summary: "English thousands separator: 350,000 where French writes 350 000",
    docs: "A number whose digits are grouped by threes with commas (`350,000`, `1,300,000`) \
           or, with two groups or more, with full stops (`1.300.000`) is written the English \
           (or German) way: French separates thousands with a (no-break) space. A single \
           comma group is 0.90 sure (`1,500` could be a French decimal), more groups 1.00.",
};

pub static DECIMAL: RuleMeta = RuleMeta {
    id: "number-format.decimal-point",
    category: Category::NumberFormat,
    severity: Severity::Minor,
    summary: "English decimal point: 2.5 milliards where French writes 2,5 milliards",
    docs: "A number with a decimal point (`2.5`, `51.2`) followed by a quantity (`millions`, \
           `milliards`, `%`, a currency, a unit) or preceded by a currency symbol: French \
           uses a decimal comma. Version numbers and other bare decimals are left alone. \
           Confidence 0.95.",
};

pub static PERCENT: RuleMeta = RuleMeta {
    id: "number-format.percent-space",
    category: Category::NumberFormat,
    severity: Severity::Minor,
    summary: "No space before %: 12% where French writes 12 %",
    docs: "French puts a (no-break) space between a number and the per cent sign. \
           Confidence 0.90.",
};

pub static CURRENCY: RuleMeta = RuleMeta {
    id: "number-format.currency-symbol",
    category: Category::NumberFormat,
    severity: Severity::Minor,
    summary: "Currency symbol before the amount: $5 millions where French writes 5 millions de dollars",
    docs: "`$250 milliards`, `US$ 2 millions`, `€3 milliards`, `£40`: French writes the amount \
           first and the currency in words after it (`250 milliards de dollars`, `3 milliards \
           d'euros`). The suggestion also fixes the number's separators. Confidence 0.95.",
};

/// Words that make a number a quantity (folded).
fn is_quantity(w: &str) -> bool {
    matches!(
        w,
        "million"
            | "millions"
            | "milliard"
            | "milliards"
            | "billion"
            | "billions"
            | "mille"
            | "%"
            | "°"
            | "dollar"
            | "dollars"
            | "euro"
            | "euros"
            | "livre"
            | "livres"
            | "yuan"
            | "yuans"
            | "rouble"
            | "roubles"
            | "roupie"
            | "roupies"
            | "hryvnia"
            | "hryvnias"
            | "km"
            | "kilometre"
            | "kilometres"
            | "metre"
            | "metres"
            | "tonne"
            | "tonnes"
            | "baril"
            | "barils"
            | "habitant"
            | "habitants"
            | "personne"
            | "personnes"
            | "point"
            | "points"
            | "degre"
            | "degres"
            | "mw"
            | "gw"
            | "megawatt"
            | "megawatts"
            | "gigawatt"
            | "gigawatts"
            | "hectare"
            | "hectares"
            | "an"
            | "ans"
            | "fois"
    )
}

/// The currency a symbol names, as French writes it after an amount.
fn currency(symbol: &str) -> Option<(&'static str, &'static str)> {
    // (after "millions"/"milliards", after a bare number)
    match symbol {
        "$" => Some(("de dollars", "dollars")),
        "€" => Some(("d'euros", "euros")),
        "£" => Some(("de livres", "livres")),
        "¥" => Some(("de yens", "yens")),
        _ => None,
    }
}

const NBSP: char = '\u{a0}';

/// What is English about a number token's digits, and its French spelling.
struct Digits {
    french: String,
    thousands: bool,
    decimal: bool,
    /// More than one thousands group.
    many_groups: bool,
}

fn parse_digits(s: &str) -> Option<Digits> {
    let groups_ok = |parts: &[&str]| {
        parts.len() >= 2
            && (1..=3).contains(&parts[0].len())
            && parts[1..].iter().all(|g| g.len() == 3)
            && parts.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
    };
    let nb = NBSP.to_string();
    // 1,234,567 or 1,234.56
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) if s.matches('.').count() == 1 && !i.contains('.') => (i, Some(f)),
        _ => (s, None),
    };
    let commas: Vec<&str> = int.split(',').collect();
    // `0,015` is a French decimal, never English thousands.
    if groups_ok(&commas) && commas[0] != "0" {
        let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.len() <= 2 && f.bytes().all(|b| b.is_ascii_digit()));
        if frac_ok {
            let mut french = commas.join(&nb);
            if let Some(f) = frac {
                french.push(',');
                french.push_str(f);
            }
            return Some(Digits {
                french,
                thousands: true,
                decimal: frac.is_some(),
                many_groups: commas.len() > 2,
            });
        }
    }
    // 1.300.000: thousands with full stops (two groups at least).
    let dots: Vec<&str> = s.split('.').collect();
    let ip_address = dots.len() == 4 && dots.iter().all(|g| g.parse::<u16>().is_ok_and(|v| v <= 255));
    if dots.len() >= 3 && groups_ok(&dots) && !ip_address {
        return Some(Digits {
            french: dots.join(&nb),
            thousands: true,
            decimal: false,
            many_groups: true,
        });
    }
    // 2.5, 51.25: a decimal point.
    if let Some((i, f)) = s.split_once('.') {
        if !i.is_empty()
            && !f.is_empty()
            && f.len() <= 2
            && !f.contains('.')
            && !i.contains(',')
            && i.bytes().chain(f.bytes()).all(|b| b.is_ascii_digit())
        {
            return Some(Digits {
                french: format!("{i},{f}"),
                thousands: false,
                decimal: true,
                many_groups: false,
            });
        }
    }
    None
}

fn joined(before: &Token, after: &Token) -> bool {
    !after.has(flag::SPACE_BEFORE) && before.end == after.start
}

impl Check for NumberFormat {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 4] = [&CURRENCY, &THOUSANDS, &DECIMAL, &PERCENT];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let doc = cx.doc;
        let toks = doc.tokens();
        for (i, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Number {
                continue;
            }
            let text = doc.token_text(t);
            let digits = parse_digits(text);
            let next = toks.get(i + 1);
            let percent = next.filter(|n| doc.folded(n) == "%" && joined(t, n));
            // A currency symbol right before: `$250`, `US$ 2`, `€3`.
            let mut first = i;
            let mut symbol = None;
            if i > 0 {
                let p = &toks[i - 1];
                // `$1` alone is a shell variable: a single digit needs a quantity word.
                let amount = text.len() > 1 || next.is_some_and(|n| is_quantity(doc.folded(n)));
                let us = i > 1 && doc.token_text(&toks[i - 2]) == "US" && joined(&toks[i - 2], p);
                let standalone = p.has(flag::SPACE_BEFORE) || us;
                if let (Some(c), true) = (currency(doc.token_text(p)), amount && standalone) {
                    symbol = Some(c);
                    first = i - 1;
                    if i > 1 && doc.token_text(&toks[i - 2]) == "US" && joined(&toks[i - 2], p) {
                        first = i - 2;
                    }
                }
            }
            let unit = next.filter(|n| n.kind == TokenKind::Word && is_quantity(doc.folded(n)));
            let quantity = percent.is_some() || unit.is_some() || symbol.is_some();
            let number = match &digits {
                Some(d) if d.thousands || (d.decimal && quantity) => d.french.clone(),
                _ => text.to_string(),
            };
            let start = toks[first].start as usize;
            // French decimals followed by a further group (`0,000 00`) are French.
            if digits.as_ref().is_some_and(|d| d.thousands && !d.decimal)
                && next.is_some_and(|n| {
                    n.kind == TokenKind::Number && n.has(flag::SPACE_BEFORE) && doc.token_text(n).len() <= 2
                })
            {
                continue;
            }
            if let Some((after_unit, bare)) = symbol {
                let (end, suggestion) = match unit {
                    Some(u) if matches!(doc.folded(u), "million" | "millions" | "milliard" | "milliards") => {
                        (u.end as usize, format!("{number} {} {after_unit}", doc.token_text(u)))
                    }
                    _ => (t.end as usize, format!("{number} {bare}")),
                };
                let found = &doc.text[start..end];
                out.report(
                    &CURRENCY,
                    start..end,
                    0.95,
                    suggestion.clone(),
                    format!("« {found} » : en français, le montant précède la devise, écrite en toutes lettres (« {suggestion} »)."),
                );
                continue;
            }
            let (end, suggestion) = match percent {
                Some(p) => (p.end as usize, format!("{number}{NBSP}%")),
                None => (t.end as usize, number.clone()),
            };
            let found = &doc.text[start..end];
            let (rule, confidence, why) = match &digits {
                Some(d) if d.thousands => (
                    &THOUSANDS,
                    if d.many_groups { 1.0 } else { 0.9 },
                    "les milliers se séparent par une espace, pas par une virgule ni un point",
                ),
                Some(d) if d.decimal && quantity => (&DECIMAL, 0.95, "la décimale se marque par une virgule"),
                _ if percent.is_some() => (&PERCENT, 0.9, "une espace insécable précède le signe %"),
                _ => continue,
            };
            out.report(
                rule,
                start..end,
                confidence,
                suggestion.clone(),
                format!("« {found} » : en français, {why} (« {suggestion} »)."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    fn got(text: &str) -> Vec<(String, &'static str, String)> {
        run(&NumberFormat, text).into_iter().map(|f| (f.0, f.1, f.2)).collect()
    }

    #[test]
    fn english_numbers() {
        let f = got("Il y a 350,000 habitants, 2.5 milliards d'euros, 51.2% des voix et 12% de hausse.");
        assert_eq!(
            f,
            [
                (
                    "350,000".into(),
                    "number-format.thousands-separator",
                    "350\u{a0}000".into()
                ),
                ("2.5".into(), "number-format.decimal-point", "2,5".into()),
                ("51.2%".into(), "number-format.decimal-point", "51,2\u{a0}%".into()),
                ("12%".into(), "number-format.percent-space", "12\u{a0}%".into()),
            ]
        );
        assert_eq!(got("1,300,000 personnes")[0].1, "number-format.thousands-separator");
        assert_eq!(got("1.300.000 personnes")[0].2, "1\u{a0}300\u{a0}000");
    }

    #[test]
    fn currency_before_the_amount() {
        let f = got("Un fonds de $250 milliards, puis €10.6 milliards, US$ 2 millions et $40.");
        let s: Vec<(&str, &str)> = f.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(
            s,
            [
                ("$250 milliards", "250 milliards de dollars"),
                ("€10.6 milliards", "10,6 milliards d'euros"),
                ("US$ 2 millions", "2 millions de dollars"),
                ("$40", "40 dollars"),
            ]
        );
    }

    #[test]
    fn dont_flag_french_numbers() {
        for ok in [
            "Il y a 350 000 habitants, 2,5 milliards d'euros et 51,2 % des voix.",
            "La version 2.5 du logiciel, le 1.2.3, l'article 3.1, à 10:30.",
            "1,5 million de personnes et 250 milliards de dollars.",
            "En 2024, 18h30, COVID-19, G7.",
            "Entre 0,015 % et 0,000 00, l'adresse 203.178.141.194, la variable $1 et $0.",
        ] {
            assert!(got(ok).is_empty(), "{ok}: {:?}", got(ok));
        }
    }
}
