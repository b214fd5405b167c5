//! Every folder in tests/fixtures/ holds a broken data set and `expected.txt`, the exact
//! problem lines `validate` must print (paths relative to the folder). Each was checked by eye.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::common;

use common::{fixtures, sco_dash, stderr};

fn fixture_dirs() -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir(fixtures())
        .expect("tests/fixtures is readable")
        .map(|entry| entry.expect("a fixture entry").path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// `FILE:LINE:COLUMN: FIELD: message`, with the folder prefix removed.
fn problem_lines(dir: &std::path::Path, stderr: &str) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    stderr
        .lines()
        .filter_map(|line| line.strip_prefix(&prefix))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_corpus_covers_at_least_fifteen_kinds_of_mistake() {
    assert!(fixture_dirs().len() >= 15, "{:?}", fixture_dirs());
}

#[test]
fn every_broken_folder_fails_with_exactly_the_expected_located_problems() {
    // Every fixture is checked, and what is wrong with each is reported together.
    let failures: Vec<String> = fixture_dirs()
        .iter()
        .flat_map(|dir| fixture_failures(dir))
        .collect();
    assert!(
        failures.is_empty(),
        "{} problems in the fixtures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// What `validate` got wrong for one broken folder; empty if nothing.
fn fixture_failures(dir: &std::path::Path) -> Vec<String> {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let mut failures = Vec::new();
    let output = sco_dash(&["validate", "--data", dir.to_str().unwrap()]);
    if output.status.code() != Some(1) {
        failures.push(format!(
            "{name}: exit code {:?}, not 1",
            output.status.code()
        ));
    }
    if !output.stdout.is_empty() {
        failures.push(format!(
            "{name}: on stdout: {}",
            String::from_utf8_lossy(&output.stdout)
        ));
    }
    let Ok(expected) = std::fs::read_to_string(dir.join("expected.txt")) else {
        failures.push(format!("{name}/expected.txt cannot be read"));
        return failures;
    };
    let expected: Vec<&str> = expected.lines().collect();
    let actual = problem_lines(dir, &stderr(&output));
    if actual != expected {
        failures.push(format!(
            "{name}: expected\n    {}\n  got\n    {}",
            expected.join("\n    "),
            actual.join("\n    ")
        ));
    }
    for line in &actual {
        failures.extend(
            malformed(line)
                .into_iter()
                .map(|what| format!("{name}: {what}: {line}")),
        );
    }
    failures
}

/// What a problem line lacks of `FILE:LINE:COLUMN: FIELD: message`.
fn malformed(line: &str) -> Vec<&'static str> {
    let mut parts = line.splitn(5, ':');
    let file = parts.next().unwrap_or_default();
    let numbers: Vec<&str> = parts.by_ref().take(2).collect();
    let field = parts.next().unwrap_or_default().trim();
    let mut lacks = Vec::new();
    if !file.ends_with(".toml") {
        lacks.push("does not name the file");
    }
    if !(numbers.len() == 2 && numbers.iter().all(|n| n.parse::<usize>().is_ok())) {
        lacks.push("does not name line and column");
    }
    if field.is_empty() || field.starts_with('(') {
        lacks.push("does not name the field");
    }
    lacks
}

#[test]
fn ten_mistakes_in_four_files_are_all_reported_in_one_run() {
    let dir = fixtures().join("ten-mistakes");
    let output = sco_dash(&["validate", "--data", dir.to_str().unwrap()]);
    let err = stderr(&output);
    assert_eq!(problem_lines(&dir, &err).len(), 10, "{err}");
    assert!(err.contains("10 problems in the data"), "{err}");
}

#[test]
fn a_file_missing_from_the_folder_is_said_and_skipped() {
    let dir = fixtures().join("dangling-link");
    let err = stderr(&sco_dash(&["validate", "--data", dir.to_str().unwrap()]));
    assert!(
        err.contains("meetings.toml: not found; no meeting records are loaded from it"),
        "{err}"
    );
}

#[test]
fn a_data_folder_that_does_not_exist_is_one_clear_error() {
    let output = sco_dash(&["validate", "--data", "no/such/folder"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no/such/folder: (folder): not a folder"),
        "{}",
        stderr(&output)
    );
}
