//! The README documents every rule and starts with the two commands.

#[test]
fn readme_documents_every_rule() {
    let readme = include_str!("../README.md");
    for rule in calque::checks::builtin_rules() {
        assert!(
            readme.contains(&format!("`{}`", rule.id)),
            "README does not document {}",
            rule.id
        );
    }
}

#[test]
fn readme_starts_with_the_two_commands() {
    let readme = include_str!("../README.md");
    let first_block = readme.split("```sh\n").nth(1).unwrap().split("```").next().unwrap();
    assert!(first_block.contains("cargo run --release -- check fixtures/"));
    assert!(first_block.contains("cargo test"));
}
