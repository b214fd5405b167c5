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
    for dir in fixture_dirs() {
        let output = sco_dash(&["validate", "--data", dir.to_str().unwrap()]);
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(output.status.code(), Some(1), "{name}: exit code");
        assert!(output.stdout.is_empty(), "{name}: nothing on stdout");
        let expected: Vec<String> = std::fs::read_to_string(dir.join("expected.txt"))
            .unwrap_or_else(|_| panic!("{name}/expected.txt"))
            .lines()
            .map(str::to_string)
            .collect();
        let actual = problem_lines(&dir, &stderr(&output));
        assert_eq!(actual, expected, "{name}");
        for line in &actual {
            let mut parts = line.splitn(5, ':');
            let file = parts.next().unwrap_or_default();
            let numbers: Vec<&str> = parts.by_ref().take(2).collect();
            let field = parts.next().unwrap_or_default().trim();
            assert!(file.ends_with(".toml"), "{name}: names the file: {line}");
            assert!(
                numbers.len() == 2 && numbers.iter().all(|n| n.parse::<usize>().is_ok()),
                "{name}: names line and column: {line}"
            );
            assert!(
                !field.is_empty() && !field.starts_with('('),
                "{name}: names the field: {line}"
            );
        }
    }
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
