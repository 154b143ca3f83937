//! Tests of the KB loader and of the shipped default KB.

use super::*;

fn kb_from(files: &[(&str, &str)]) -> Result<Kb, KbError> {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    Kb::load(&[KbSource::Dir(dir.path().to_path_buf())])
}

const EH: &str = "id,kind,canonical,aliases,variants,titles,country,note\n";
const CH: &str = "code,french,english,adjectives,capital\nUA,Ukraine,,ukrainien|ukrainienne,\nUS,États-Unis|Etats-Unis,United States,américain|américaine,\n";

#[test]
fn the_embedded_kb_is_valid_and_large_enough() {
    let kb = Kb::embedded();
    let persons = kb.entities().iter().filter(|e| e.kind == EntityKind::Person).count();
    let orgs = kb.entities().iter().filter(|e| e.kind == EntityKind::Org).count();
    assert!(persons >= 400, "{persons} people");
    assert!(orgs >= 60, "{orgs} organisations");
    assert!(kb.places().len() >= 300, "{} places", kb.places().len());
    assert!(kb.countries().len() >= 190);
}

#[test]
fn the_embedded_files_are_canonical() {
    // Sorted by id, no duplicates (typos keeps its words.csv the same way).
    for (kind, text) in EMBEDDED {
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let ids: Vec<String> = r.records().map(|rec| rec.unwrap()[0].to_string()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            ids,
            sorted,
            "{} must be sorted by id, without duplicates",
            kind.file_name()
        );
        assert!(text.ends_with('\n') && !text.contains("\r\n") && !text.contains("\n\n"));
    }
}

#[test]
fn every_person_has_a_country_and_a_checked_year_and_most_have_titles() {
    let kb = Kb::embedded();
    let people: Vec<_> = kb.entities().iter().filter(|e| e.kind == EntityKind::Person).collect();
    for e in &people {
        assert!(e.country.is_some(), "{} has no country", e.id);
        assert!(
            e.note.contains("checked 20"),
            "{} note lacks the year checked: {}",
            e.id,
            e.note
        );
    }
    // Opposition figures and laureates hold no office; everyone else has a title.
    let untitled = people.iter().filter(|e| e.titles.is_empty()).count();
    assert!(untitled * 20 < people.len(), "{untitled} people without a title");
}

#[test]
fn house_style_forms() {
    let kb = Kb::embedded();
    let key = |s: &str| names::form_key(s).unwrap();
    let accepted = |s: &str| {
        kb.names()
            .by_key(&key(s))
            .iter()
            .any(|&id| kb.names().form(id).status == FormStatus::Accepted)
    };
    let variant = |s: &str| {
        let ids = kb.names().by_key(&key(s));
        !ids.is_empty() && ids.iter().all(|&id| kb.names().form(id).status != FormStatus::Accepted)
    };
    for ok in [
        "Volodymyr Zelensky",
        "Dmytro Kouleba",
        "Sergueï Lavrov",
        "Recep Tayyip Erdoğan",
        "Erdogan",
        "Gabrielius Landsbergis",
        "Jens Stoltenberg",
        "Antony Blinken",
        "Ursula von der Leyen",
        "Bachar al-Assad",
        "Kiev",
        "Odessa",
        "Kharkiv",
        "OTAN",
    ] {
        assert!(accepted(ok), "{ok} should be accepted");
    }
    for wrong in [
        "Zelenskyy",
        "Dmytro Kuleba",
        "Kuleba",
        "Sergei Lavrov",
        "Bashar al-Assad",
        "Kharkov",
        "NATO",
    ] {
        assert!(variant(wrong), "{wrong} should be a wrong form");
    }
}

#[test]
fn listed_english_romanisations_are_recognised() {
    let kb = Kb::embedded();
    let kind = |s: &str| {
        kb.names()
            .form(kb.names().by_key(&names::form_key(s).unwrap())[0])
            .status
    };
    assert_eq!(kind("Kuleba"), FormStatus::Variant(VariantKind::ListedEnglish));
    assert_eq!(kind("Zelenskyy"), FormStatus::Variant(VariantKind::ListedEnglish));
}

#[test]
fn a_later_layer_overrides_by_id() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("entities.csv"),
        format!("{EH}dmytro-kouleba,person,Dmytro Kuleba,,,ministre des Affaires étrangères,UA,house style\n"),
    )
    .unwrap();
    let kb = Kb::load(&[KbSource::Embedded, KbSource::Dir(dir.path().to_path_buf())]).unwrap();
    let e = kb.entities().iter().find(|e| e.id == "dmytro-kouleba").unwrap();
    assert_eq!(e.canonical, "Dmytro Kuleba");
    assert_eq!(kb.entities().iter().filter(|e| e.id == "dmytro-kouleba").count(), 1);
}

#[test]
fn conflicting_forms_are_reported_with_their_line() {
    let e = kb_from(&[
        ("countries.csv", CH),
        (
            "entities.csv",
            &format!("{EH}a,person,Olaf Scholz,Scholz,Schulz,chancelier,DE,x\nb,person,Martin Schulz,Schulz,,président,ZZ,y\n"),
        ),
    ])
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("entities.csv:2: wrong form `Schulz` is an accepted form of entity `b`"),
        "{e}"
    );
    assert!(e.contains("entities.csv:2: unknown country code `DE`"), "{e}");
    assert!(e.contains("entities.csv:3: unknown country code `ZZ`"), "{e}");
}

#[test]
fn a_folder_without_kb_files_is_an_error() {
    let e = kb_from(&[("notes.txt", "x")]).unwrap_err().to_string();
    assert!(e.contains("no KB file here"), "{e}");
    let e = Kb::load(&[KbSource::Dir("/nonexistent/kb".into())])
        .unwrap_err()
        .to_string();
    assert!(e.contains("/nonexistent/kb:0: not a folder"), "{e}");
}

#[test]
fn generated_english_forms() {
    let kb = kb_from(&[
        ("countries.csv", CH),
        (
            "entities.csv",
            &format!("{EH}a,person,Roustem Oumerov,Oumerov,,ministre de la Défense,UA,x\n"),
        ),
    ])
    .unwrap();
    let ids = kb.names().by_key("rustem umerov");
    assert_eq!(ids.len(), 1);
    assert_eq!(
        kb.names().form(ids[0]).status,
        FormStatus::Variant(VariantKind::GeneratedEnglish)
    );
    assert_eq!(kb.names().form(ids[0]).text, "Rustem Umerov");
    assert!(!kb.names().by_key("umerov").is_empty());
    assert_eq!(kb.country_of_word("ukrainiennes"), kb.country_index("UA"));
    assert_eq!(kb.country_of_word("etats-unis"), kb.country_index("US"));
}

#[test]
fn every_shipped_phrase_rule_passes_its_examples() {
    let checker = crate::Checker::new(Kb::embedded(), crate::Config::default());
    let problems = checker.check_examples();
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(listed.is_empty(), "{}", listed.join("\n"));
}

#[test]
fn phrase_examples_are_checked_both_ways() {
    let kb = kb_from(&[(
        "phrases.csv",
        "id,category,severity,pattern,suggestion,message,example_bad,example_good\n\
         idiom.a,idiom,minor,faire du sens,avoir du sens,m,Cela ne dit rien.,Cela va faire du sens.\n",
    )])
    .unwrap();
    let problems: Vec<String> = crate::Checker::new(kb, crate::Config::default())
        .check_examples()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains(":2: `idiom.a`: example_bad « Cela ne dit rien. » is not reported"));
    assert!(problems[1].contains("example_good « Cela va faire du sens. » is reported"));
}

#[test]
fn bad_phrase_rows_are_reported_with_line_and_column() {
    let e = kb_from(&[(
        "phrases.csv",
        "id,category,severity,pattern,suggestion,message,example_bad,example_good\n\
         idiom.a,idiom,minor,prendre !x place,,m,a,b\n\
         idiom.b,cuisine,minor,x,,m,a,b\n\
         false-friend.c,idiom,minor,x,,m,a,b\n\
         idiom.d,idiom,fatal,x,,m,a,b\n\
         name.near-miss,name,minor,x,,m,a,b\n",
    )])
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("phrases.csv:2: pattern `prendre !x place`, column 9:"),
        "{e}"
    );
    assert!(
        e.contains("phrases.csv:3: `category`: unknown category `cuisine`"),
        "{e}"
    );
    assert!(
        e.contains("phrases.csv:4: rule id `false-friend.c` must start with its category `idiom.`"),
        "{e}"
    );
    assert!(e.contains("phrases.csv:5: `severity`: unknown severity `fatal`"), "{e}");
    assert!(
        e.contains("phrases.csv:6: rule id `name.near-miss` is a built-in rule"),
        "{e}"
    );
}
