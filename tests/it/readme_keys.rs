//! The README's key table is checked against the keymap: every key it names does something,
//! and every key the dashboard binds is in it.

use sco_dash::app::keymap::{Keymap, key_label};

/// The backticked keys of the first cell of each row of README's `## Keys` table.
fn readme_keys() -> Vec<String> {
    let readme = include_str!("../../README.md");
    let table = readme
        .split("\n## Keys\n")
        .nth(1)
        .expect("README has a `## Keys` section");
    let table = table.split("\n## ").next().unwrap_or(table);
    let mut keys = Vec::new();
    for row in table.lines().filter(|l| l.starts_with("| `")) {
        let first = row.split(" | ").next().unwrap_or_default();
        keys.extend(first.split('`').skip(1).step_by(2).map(|key| {
            // The README spells out what the help's labels abbreviate.
            match key {
                "Backspace" => "⌫".to_string(),
                "Shift-Tab" => "S-Tab".to_string(),
                other => other.to_string(),
            }
        }));
    }
    keys
}

#[test]
fn the_readme_key_table_matches_the_keymap() {
    let listed = readme_keys();
    assert!(listed.len() > 20, "{listed:?}");
    let bound: Vec<String> = Keymap::default()
        .bindings()
        .iter()
        .flat_map(|binding| binding.keys.iter().map(|key| key_label(*key)))
        .collect();
    for key in &listed {
        assert!(
            bound.contains(key),
            "README names `{key}`, which no action has"
        );
    }
    for key in &bound {
        assert!(
            listed.contains(key),
            "`{key}` is bound but not in README's key table"
        );
    }
}
