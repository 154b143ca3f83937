//! `docs/rules.md` lists every rule of the default KB, generated from the rule
//! table: `CALQUE_BLESS=1 cargo test --test rules_doc` rewrites it.

use calque::rules::RuleSet;
use calque::{Kb, finding::Category};

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn render() -> String {
    let kb = Kb::embedded();
    let rules = RuleSet::new(&kb);
    let mut out = String::from(
        "# calque rules\n\nGenerated from the rule table (`CALQUE_BLESS=1 cargo test --test rules_doc`); \
         `calque rules` and `calque explain RULE` print the same.\n",
    );
    for cat in Category::ALL {
        let of_cat: Vec<_> = rules.iter().filter(|r| r.category == cat).collect();
        if of_cat.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {cat} ({} rules)\n\n", of_cat.len()));
        out.push_str("| id | severity | pattern or description | suggestion |\n|---|---|---|---|\n");
        for r in of_cat {
            match kb.phrases().rules().iter().find(|p| p.id == r.id) {
                Some(p) => out.push_str(&format!(
                    "| `{}` | {} | `{}` | {} |\n",
                    r.id,
                    r.severity,
                    cell(&p.source),
                    cell(&p.suggestion)
                )),
                None => out.push_str(&format!("| `{}` | {} | {} | |\n", r.id, r.severity, cell(&r.summary))),
            }
        }
    }
    out
}

#[test]
fn docs_rules_md_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let want = render();
    if std::env::var_os("CALQUE_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is stale: run CALQUE_BLESS=1 cargo test --test rules_doc"
    );
}
