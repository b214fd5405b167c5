//! No escape sequence reaches the terminal, whatever the data folder holds: every command is
//! run on hostile values, keys and folder names, and every byte it writes to stdout and stderr
//! is checked.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::fixtures;

/// A folder name that sets the window title, reverses text and clears the screen.
const HOSTILE_NAME: &str = "data\u{1b}]0;DIR-TITLE\u{7}\u{202e}\u{1b}[2J";
/// What the loaded data set may hold that still reaches the output: the loader refuses
/// control characters in strings, so bidi controls are what a valid folder can carry.
const BIDI: &str = "\u{202e}\u{2066}\u{200f}\u{61c}";

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sco-dash"))
        .args(args)
        .arg("--data")
        .arg(data)
        .output()
        .expect("the sco-dash binary runs")
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// No C0 byte but line feed (not even carriage return: no output here needs one, the CSV
/// writer ends records with a bare line feed), no DEL or C1 code point, no bidi control.
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for (line_no, line) in text.split('\n').enumerate() {
        let bad = line.chars().find(|&c| {
            (c as u32) < 0x20 || (0x7f..=0x9f).contains(&(c as u32)) || is_bidi_control(c)
        });
        assert!(
            bad.is_none(),
            "{what}: U+{:04X} on line {}: {line:?}",
            bad.map_or(0, |c| c as u32),
            line_no + 1
        );
    }
}

fn assert_output_clean(what: &str, output: &Output) {
    assert_clean(&format!("{what} (stdout)"), &output.stdout);
    assert_clean(&format!("{what} (stderr)"), &output.stderr);
}

/// Every command that loads `--data`, with the pieces that print data.
fn commands() -> Vec<Vec<&'static str>> {
    let mut commands = vec![
        vec!["validate"],
        vec!["export", "--format", "json"],
        vec!["export", "--format", "markdown"],
        vec!["export", "--format", "csv", "--section", "outcomes"],
        vec!["export", "--format", "csv", "--section", "summit"],
        vec!["search", "未来10年"],
        vec!["search", "未来10年", "--json"],
        vec!["search", "\u{1b}]0;QUERY\u{7}\u{202e}"],
    ];
    for tab in [
        "overview",
        "outcomes",
        "initiatives",
        "timeline",
        "meetings",
        "results",
        "voices",
    ] {
        for format in ["txt", "svg"] {
            commands.push(vec![
                "snapshot", "--tab", tab, "--size", "120x40", "--format", format,
            ]);
        }
    }
    // The dashboard's detail and search, where data is shown at length.
    commands.push(vec![
        "snapshot", "--tab", "outcomes", "--size", "80x24", "--keys", "<Enter>",
    ]);
    commands.push(vec![
        "snapshot", "--tab", "outcomes", "--size", "120x40", "--keys", "/未来",
    ]);
    // The meetings map, its names and its footer, with Putin selected.
    commands.push(vec![
        "snapshot", "--tab", "meetings", "--size", "120x40", "--keys", "jjjm",
    ]);
    // The tour, every step in both languages, as one animated SVG.
    commands.push(vec![
        "snapshot",
        "--tour",
        "2",
        "--bilingual",
        "--size",
        "120x40",
    ]);
    commands
}

/// A folder with a hostile name beside the fixture, in a fresh temporary place.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sco-dash-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A data folder with its subfolders (the English layer is in `en/`).
fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_folder(&path, &target);
        } else {
            std::fs::copy(&path, target).unwrap();
        }
    }
}

#[test]
fn broken_data_with_escape_sequences_in_values_and_keys_prints_them_inert() {
    let dir = fixtures().join("hostile-strings");
    for args in commands() {
        let output = run(&dir, &args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_output_clean(&format!("{args:?}"), &output);
        let err = String::from_utf8_lossy(&output.stderr);
        // The reader still sees what was there.
        assert!(err.contains("␛]0;KEYTITLE␇␛[2J"), "{args:?}: {err}");
        assert!(err.contains("<U+202E>32"), "{args:?}: {err}");
        assert!(err.contains("-press<U+009B>1m"), "{args:?}: {err}");
    }
}

#[test]
fn a_hostile_folder_name_is_shown_inert_whether_the_data_loads_or_not() {
    let base = temp_dir("hostile-name");
    let dir = base.join(HOSTILE_NAME);
    if std::fs::create_dir_all(&dir).is_err() {
        eprintln!("skipped: this filesystem refuses control characters in names");
        return;
    }
    copy_folder(&fixtures().join("hostile-strings"), &dir);
    let output = run(&dir, &["validate"]);
    assert_eq!(output.status.code(), Some(1));
    assert_output_clean("validate, broken", &output);
    assert!(String::from_utf8_lossy(&output.stderr).contains("data␛]0;DIR-TITLE␇<U+202E>␛[2J"));

    let missing = base.join(format!("{HOSTILE_NAME}-missing"));
    let output = run(&missing, &["export", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    assert_output_clean("export, no such folder", &output);
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn data_that_loads_with_bidi_controls_and_a_hostile_folder_name_prints_clean_output() {
    let base = temp_dir("hostile-loaded");
    let dir = match std::fs::create_dir_all(base.join(HOSTILE_NAME)) {
        Ok(()) => base.join(HOSTILE_NAME),
        Err(_) => base.join("data"),
    };
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/data");
    copy_folder(&assets, &dir);
    for (file, anchor) in [
        ("outcomes.toml", "title = \"制定了上合组织"),
        ("summit.toml", "name = \"2025年"),
        ("countries.toml", "name_zh = \"俄罗斯"),
    ] {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(anchor), "{file} holds {anchor}");
        let hostile = text.replacen(anchor, &format!("{anchor}{BIDI}"), 1);
        std::fs::write(&path, hostile).unwrap();
    }
    for args in commands() {
        let output = run(&dir, &args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_output_clean(&format!("{args:?}"), &output);
    }
    // JSON keeps the characters, escaped, so scripts still get the data exactly.
    let output = run(
        &dir,
        &["export", "--format", "json", "--section", "outcomes"],
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let title = json["outcomes"][0]["title"].as_str().unwrap();
    assert!(title.contains(BIDI), "{title:?}");
    // People see that something was there.
    let output = run(&dir, &["snapshot", "--tab", "outcomes", "--size", "120x40"]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("<U+202E>"));
    // On the meetings map too, where Russia is named.
    let output = run(
        &dir,
        &[
            "snapshot", "--tab", "meetings", "--size", "120x40", "--keys", "jjjm",
        ],
    );
    let map = String::from_utf8_lossy(&output.stdout);
    assert!(map.contains("俄罗斯<U+202E>"), "{map}");
    std::fs::remove_dir_all(&base).unwrap();
}
