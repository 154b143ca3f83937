//! Feed inputs from the command line: JSONL (with bad lines, duplicate ids,
//! gzip, standard input), RSS and Atom feeds, HTML pages, and `--shard`
//! (the union of the shards is the unsharded report).

use std::io::Write;

use assert_cmd::Command;
use serde_json::Value;

fn calque() -> Command {
    let mut c = Command::cargo_bin("calque").unwrap();
    c.env("NO_COLOR", "1").arg("check").arg("--no-config");
    c
}

/// (exit code, stdout, stderr) of `calque check --no-config ARGS` in `dir`.
fn run(dir: &std::path::Path, args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut c = calque();
    c.current_dir(dir).args(args);
    if let Some(input) = stdin {
        c.write_stdin(input.to_vec());
    }
    let out = c.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn record(id: &str, title: &str, text: &str) -> String {
    serde_json::json!({ "id": id, "title": title, "text": text, "outlet": "Agence test" }).to_string()
}

/// A feed of `n` short articles, one in three with an English spelling.
fn feed(n: usize) -> String {
    (0..n)
        .map(|i| {
            let text = if i % 3 == 0 {
                format!("Le ministre Dmytro Kuleba a reçu mardi la délégation numéro {i}.")
            } else {
                format!("La délégation numéro {i} a été reçue mardi au ministère.")
            };
            record(&format!("d{i}"), &format!("Dépêche {i}"), &text) + "\n"
        })
        .collect()
}

#[test]
fn jsonl_records_are_documents_named_path_hash_id() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("f.jsonl"), feed(3)).unwrap();
    let (code, out, err) = run(d.path(), &["f.jsonl"], None);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{out}");
    // The title and a blank line come first: the finding is on line 3.
    assert!(rows[0].starts_with("f.jsonl#d0,3,13,"), "{out}");
    let (_, json, _) = run(d.path(), &["f.jsonl", "--format", "json"], None);
    let json: Value = serde_json::from_str(&json).unwrap();
    let doc = &json["documents"][0];
    assert_eq!(doc["document"], "f.jsonl#d0");
    assert_eq!(
        doc["record"]["outlet"], "Agence test",
        "other fields are carried through"
    );
    assert!(doc["record"].get("text").is_none());
}

#[test]
fn bad_jsonl_lines_are_errors_with_their_line_and_the_others_are_checked() {
    let d = tempfile::tempdir().unwrap();
    let text = format!(
        "{}\nnot json\n\n{{\"id\":\"x\"}}\n{}\n{}\n{{\"id\":\"t\",\"text\":\"Tronqu",
        record("a", "A", "Premier article."),
        record("a", "B", "Deuxième article, même id."),
        serde_json::json!({"id": 9, "text": "Un id numérique."})
    );
    std::fs::write(d.path().join("f.jsonl"), text).unwrap();
    let (code, _, err) = run(d.path(), &["f.jsonl", "--summary", "s.csv"], None);
    assert_eq!(code, 2, "documents in error exit 2 without --keep-going");
    assert!(err.contains("f.jsonl#2: line 2: invalid JSON"), "{err}");
    assert!(err.contains("f.jsonl#4: line 4: no `text` field"), "{err}");
    assert!(
        err.contains("f.jsonl#7: line 7: invalid JSON"),
        "a truncated last line: {err}"
    );
    assert!(err.contains("warning: f.jsonl#a: the id is not unique"), "{err}");
    let summary = std::fs::read_to_string(d.path().join("s.csv")).unwrap();
    let docs: Vec<(&str, &str)> = summary
        .lines()
        .skip(1)
        .map(|l| (l.split(',').next().unwrap(), l.rsplit(',').next().unwrap()))
        .collect();
    assert_eq!(
        docs,
        [
            ("f.jsonl#a", "pass"),
            ("f.jsonl#2", "error"),
            ("f.jsonl#4", "error"),
            ("f.jsonl#a", "pass"),
            ("f.jsonl#9", "pass"),
            ("f.jsonl#7", "error")
        ]
    );
    let (code, _, _) = run(d.path(), &["f.jsonl", "--keep-going"], None);
    assert_eq!(code, 0);
}

#[test]
fn gzip_and_standard_input_read_the_same_feed() {
    let d = tempfile::tempdir().unwrap();
    let text = feed(30);
    std::fs::write(d.path().join("f.jsonl"), &text).unwrap();
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(d.path().join("f.jsonl.gz")).unwrap(),
        flate2::Compression::default(),
    );
    gz.write_all(text.as_bytes()).unwrap();
    gz.finish().unwrap();
    let (_, plain, _) = run(d.path(), &["f.jsonl"], None);
    let (_, zipped, _) = run(d.path(), &["f.jsonl.gz"], None);
    let (_, piped, _) = run(d.path(), &["-", "--input-format", "jsonl"], Some(text.as_bytes()));
    assert_eq!(plain.lines().count(), 11);
    assert_eq!(zipped, plain.replace("f.jsonl#", "f.jsonl.gz#"));
    assert_eq!(piped, plain.replace("f.jsonl#", "<stdin>#"));
}

#[test]
fn the_union_of_the_shards_is_the_unsharded_report() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("f.jsonl"), feed(120)).unwrap();
    std::fs::write(d.path().join("g.txt"), "Le ministre Dmytro Kuleba a parlé.\n").unwrap();
    let (_, all, _) = run(d.path(), &["f.jsonl", "g.txt", "--summary", "all.csv"], None);
    let all_summary = std::fs::read_to_string(d.path().join("all.csv")).unwrap();
    let mut rows: Vec<String> = Vec::new();
    let mut summaries: Vec<String> = Vec::new();
    for i in 1..=4 {
        let shard = format!("{i}/4");
        let (code, out, _) = run(
            d.path(),
            &["f.jsonl", "g.txt", "--shard", &shard, "--summary", "s.csv"],
            None,
        );
        assert_eq!(code, 0);
        let part: Vec<String> = out.lines().skip(1).map(String::from).collect();
        let summary = std::fs::read_to_string(d.path().join("s.csv")).unwrap();
        let docs = summary.lines().count() - 1;
        assert!((15..=50).contains(&docs), "shard {shard} has {docs} documents");
        rows.extend(part);
        summaries.extend(summary.lines().skip(1).map(String::from));
    }
    let mut expected: Vec<String> = all.lines().skip(1).map(String::from).collect();
    expected.sort();
    rows.sort();
    assert_eq!(rows, expected);
    let mut expected: Vec<String> = all_summary.lines().skip(1).map(String::from).collect();
    expected.sort();
    summaries.sort();
    assert_eq!(summaries, expected);
    let (code, _, err) = run(d.path(), &["f.jsonl", "--shard", "5/4"], None);
    assert_eq!(code, 2);
    assert!(err.contains("not a shard"), "{err}");
}

#[test]
fn rss_and_atom_items_and_html_pages_are_documents() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("f.rss"),
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n\
         <channel><title>Fil</title>\n<item><guid>g1</guid><title>Visite</title>\n\
         <pubDate>Tue, 11 Jul 2023 08:00:00 GMT</pubDate>\n\
         <content:encoded><![CDATA[<p>Le ministre <b>Dmytro Kuleba</b> est arrivé.</p>]]></content:encoded></item>\n\
         <item><link>https://exemple.fr/b</link><description>&lt;p&gt;Rien &amp;amp; personne.&lt;/p&gt;</description></item>\n\
         </channel></rss>\n",
    )
    .unwrap();
    std::fs::write(
        d.path().join("f.atom"),
        "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Fil</title>\n\
         <entry><id>urn:e1</id><title>Sommet</title><content type=\"html\">&lt;p&gt;Le président Volodymyr Zelenskyy a parlé.&lt;/p&gt;</content></entry>\n\
         </feed>\n",
    )
    .unwrap();
    std::fs::write(
        d.path().join("p.html"),
        "<!doctype html><html><head><title>Page</title><script>var x = 'Dmytro Kuleba';</script></head>\
         <body><nav>Accueil</nav><article><h1>Visite</h1><p>Le ministre Dmytro Kuleba est arrivé.</p></article>\
         <footer>Sergei Lavrov</footer></body></html>",
    )
    .unwrap();
    let (code, out, err) = run(d.path(), &["f.rss", "f.atom", "p.html", "--format", "json"], None);
    assert_eq!(code, 0, "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let docs = json["documents"].as_array().unwrap();
    let names: Vec<&str> = docs.iter().map(|d| d["document"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["f.rss#g1", "f.rss#https://exemple.fr/b", "f.atom#urn:e1", "p.html"]
    );
    let found = |k: usize| -> Vec<&str> {
        docs[k]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["found"].as_str().unwrap())
            .collect()
    };
    assert_eq!(found(0), ["Dmytro Kuleba"]);
    assert_eq!(docs[0]["findings"][0]["line"], 3, "title, blank line, then the text");
    assert_eq!(found(1), Vec::<&str>::new());
    assert_eq!(found(2), ["Volodymyr Zelenskyy"]);
    assert_eq!(
        found(3),
        ["Dmytro Kuleba"],
        "script, nav and footer are not the article"
    );
    assert_eq!(docs[3]["record"]["extracted_from"], "article");
    assert_eq!(docs[0]["record"]["date"], "Tue, 11 Jul 2023 08:00:00 GMT");
    // Not a feed: one document in error, with the line.
    std::fs::write(
        d.path().join("bad.xml"),
        "<?xml version=\"1.0\"?>\n<html><p>x</p></html>\n",
    )
    .unwrap();
    let (code, _, err) = run(d.path(), &["bad.xml"], None);
    assert_eq!(code, 2);
    assert!(err.contains("bad.xml: line 2: not an RSS or Atom feed"), "{err}");
}

#[test]
fn no_progress_bar_reaches_a_redirected_stderr() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("f.jsonl"), feed(600)).unwrap();
    let (code, out, err) = run(d.path(), &["f.jsonl", "-o", "r.csv"], None);
    assert_eq!(code, 0);
    assert!(out.is_empty() && err.is_empty(), "{err}");
}
