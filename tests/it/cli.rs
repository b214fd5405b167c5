//! The command line's contract: exit codes, counts, and the JSON fields scripts rely on.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::common;

use common::{sco_dash, stderr, stdout};
use serde_json::Value;

fn export_json(extra: &[&str]) -> Value {
    let mut args = vec!["export", "--format", "json"];
    args.extend_from_slice(extra);
    let output = sco_dash(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("export prints JSON")
}

#[test]
fn validate_passes_on_the_embedded_data_and_counts_each_kind() {
    let output = sco_dash(&["validate"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    for line in [
        "outcomes    8",
        "initiatives 36 (23 summit, 13 other)",
        "results     7 sections, 313 items declared",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }
}

#[test]
fn validate_reads_the_same_data_from_a_folder() {
    let output = sco_dash(&["validate", "--data", "assets/data"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output).lines().skip(1).collect::<Vec<_>>(),
        stdout(&sco_dash(&["validate"]))
            .lines()
            .skip(1)
            .collect::<Vec<_>>()
    );
}

/// The fields scripts read from each meeting and each voice (a dot reaches into an object).
const MEETING_FIELDS: &[&str] = &[
    "id",
    "date",
    "certainty",
    "date_note",
    "time_of_day",
    "city",
    "venue",
    "counterpart.name",
    "counterpart.title",
    "counterpart.country",
    "documents",
    "sources",
];
const VOICE_FIELDS: &[&str] = &[
    "id",
    "speaker",
    "role",
    "country",
    "date",
    "certainty",
    "date_note",
    "place",
    "said",
    "quotes",
    "event",
    "meeting",
    "sources",
];

/// Panics unless every record of the array `records` has every one of `fields`.
fn each_has(records: &Value, fields: &[&str], what: &str) {
    for value in records.as_array().unwrap() {
        for field in fields {
            let mut v = value;
            for part in field.split('.') {
                v = v
                    .get(part)
                    .unwrap_or_else(|| panic!("{what} lacks `{field}`: {value}"));
            }
        }
    }
}

#[test]
fn json_export_has_the_documented_keys_and_fields() {
    let json = export_json(&[]);
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "summit",
            "outcomes",
            "initiatives",
            "meetings",
            "timeline",
            "results",
            "voices",
            "countries",
            "sources"
        ]
    );

    let outcome = ["n", "title", "summary", "initiatives", "sources"];
    each_has(&json["outcomes"], &outcome, "outcome");
    let initiative = ["n", "group", "text", "category", "commitments"];
    each_has(&json["initiatives"], &initiative, "initiative");
    for initiative in json["initiatives"].as_array().unwrap() {
        let commitment = ["value", "unit", "what", "period"];
        each_has(&initiative["commitments"], &commitment, "commitment");
    }
    each_has(&json["meetings"], MEETING_FIELDS, "meeting");
    let event = ["date", "certainty", "date_note", "time", "title", "place"];
    each_has(&json["timeline"], &event, "event");
    each_has(&json["voices"], VOICE_FIELDS, "voice");
    let section = ["id", "title", "declared_count", "items"];
    each_has(&json["results"]["sections"], &section, "section");
    for section in json["results"]["sections"].as_array().unwrap() {
        each_has(&section["items"], &["n", "title"], "item");
    }
}

#[test]
fn json_keeps_unknowns_null_and_dates_at_their_precision() {
    let json = export_json(&[]);
    let meetings = json["meetings"].as_array().unwrap();
    let armenia = meetings
        .iter()
        .find(|m| m["counterpart"]["country"] == "AM")
        .expect("the Armenia meeting");
    assert!(armenia["counterpart"]["name"].is_null(), "{armenia}");
    assert!(armenia["date"].is_null(), "{armenia}");
    let dates: Vec<&str> = json["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert!(
        dates.contains(&"2021"),
        "a year-only event keeps its year only: {dates:?}"
    );
    assert!(
        dates.contains(&"2024-07"),
        "a month-only event keeps its month only: {dates:?}"
    );
    let commitment = &json["initiatives"][8]["commitments"][0];
    assert_eq!(
        (commitment["value"].as_i64(), commitment["unit"].as_str()),
        (Some(100), Some("亿元人民币"))
    );
}

#[test]
fn every_export_says_which_dates_are_derived_and_how() {
    let json = export_json(&["--section", "timeline"]);
    let russia = json["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "2025-09-02-russia")
        .expect("the Sep 2 talks with Putin");
    assert_eq!(russia["certainty"], "derived", "{russia}");
    assert!(
        russia["date_note"]
            .as_str()
            .is_some_and(|n| n.contains("明天"))
    );
    let stated = json["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "2025-09-01-council")
        .expect("the council meeting");
    assert_eq!(stated["certainty"], "stated", "{stated}");
    assert!(stated["date_note"].is_null(), "{stated}");

    let output = sco_dash(&["export", "--format", "csv", "--section", "timeline"]);
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (certainty, note) = (column("certainty"), column("date_note"));
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == "2025-09-02-russia")
        .unwrap();
    assert_eq!(&row[certainty], "derived");
    assert!(row[note].contains("明天"), "{row:?}");

    let md = stdout(&sco_dash(&[
        "export",
        "--format",
        "markdown",
        "--section",
        "meetings",
    ]));
    assert!(md.contains("| certainty | date_note |"), "{md}");
}

#[test]
fn the_summit_export_holds_its_leaders_and_the_initiatives_concepts() {
    let summit = &export_json(&["--section", "summit"])["summit"];
    assert!(summit["leaders"].as_array().is_some_and(|l| !l.is_empty()));
    assert_eq!(summit["ggi"]["concepts"].as_array().map(Vec::len), Some(5));
    let output = sco_dash(&["export", "--format", "csv", "--section", "summit"]);
    let csv = stdout(&output);
    assert!(
        csv.contains("ggi_reaction") && csv.contains("leader,"),
        "{csv}"
    );
}

#[test]
fn one_section_exports_alone() {
    let json = export_json(&["--section", "meetings"]);
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["meetings"]);
}

#[test]
fn csv_exports_one_section_as_one_table() {
    let output = sco_dash(&["export", "--format", "csv", "--section", "initiatives"]);
    assert_eq!(output.status.code(), Some(0));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 36);
    assert_eq!(&rows[0][0], "1");
    assert_eq!(&rows[7][4], "20亿元人民币无偿援助");
    assert!(rows[7][5].contains("20 亿元人民币"), "{:?}", rows[7]);

    let output = sco_dash(&["export", "--format", "csv"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--section"), "{}", stderr(&output));
}

#[test]
fn markdown_export_has_a_table_per_section() {
    let output = sco_dash(&["export", "--format", "markdown"]);
    assert_eq!(output.status.code(), Some(0));
    let md = stdout(&output);
    assert!(
        md.starts_with("# 2025年上海合作组织峰会"),
        "{}",
        &md[..80.min(md.len())]
    );
    for heading in [
        "## summit",
        "## outcomes (8)",
        "## initiatives (36)",
        "## results",
        "## sources",
    ] {
        assert!(md.contains(heading), "missing {heading}");
    }
}

#[test]
fn help_documents_the_exit_codes() {
    for args in [
        &["--help"][..],
        &["validate", "--help"],
        &["export", "--help"],
    ] {
        let out = stdout(&sco_dash(args));
        assert!(
            out.contains("Exit codes:") && out.contains("1  the data has problems"),
            "{args:?}: {out}"
        );
    }
}

#[test]
fn usage_errors_exit_with_two() {
    assert_eq!(
        sco_dash(&["export", "--format", "yaml"]).status.code(),
        Some(2)
    );
    assert_eq!(sco_dash(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn a_tour_step_lasts_two_seconds_at_least_and_serve_tours_only_its_own_screen() {
    let fast = sco_dash(&["--tour", "1", "validate"]);
    assert_eq!(fast.status.code(), Some(2));
    assert!(
        stderr(&fast).contains("2 to 3600 seconds"),
        "{}",
        stderr(&fast)
    );
    #[cfg(feature = "ssh")]
    {
        let serve = sco_dash(&["serve", "--tour"]);
        assert_eq!(serve.status.code(), Some(2));
        assert!(stderr(&serve).contains("--present"), "{}", stderr(&serve));
    }
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    for format in ["json", "markdown"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sco-dash"))
            .args(["export", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut head = [0u8; 100];
        child.stdout.take().unwrap().read_exact(&mut head).unwrap();
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{format}");
        assert_eq!(stderr(&output), "", "{format}");
    }
}

#[test]
fn search_prints_ranked_hits_for_pinyin_initials_and_numbers() {
    let json = |query: &str| -> Vec<serde_json::Value> {
        let output = sco_dash(&["search", query, "--json"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let luban = json("lbgf");
    assert!(
        luban
            .iter()
            .any(|h| h["pane"] == "Initiatives" && h["id"] == "11"),
        "{luban:?}"
    );
    let cq = json("cq");
    assert!(
        cq.iter()
            .any(|h| h["id"] == "2024-07-03-trans-caspian-express"),
        "重庆 by one reading"
    );
    let zq = json("zq");
    assert!(
        zq.iter()
            .any(|h| h["id"] == "2024-07-03-trans-caspian-express"),
        "重庆 by the other"
    );
    let cataracts = json("5000");
    assert_eq!(
        cataracts[0]["id"], "22",
        "the 5000 cataract operations first"
    );
    let tianjin = json("天津");
    let tiers: Vec<&str> = tianjin
        .iter()
        .map(|h| h["tier"].as_str().unwrap())
        .collect();
    let rank = |t: &str| {
        ["exact", "prefix", "contains", "pinyin", "initials", "fuzzy"]
            .iter()
            .position(|x| *x == t)
    };
    assert!(
        tiers.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "ranked: {tiers:?}"
    );

    let text = stdout(&sco_dash(&["search", "鲁班工坊"]));
    assert!(
        text.lines().count() >= 3 && text.contains("鲁班工坊"),
        "{text}"
    );
    let none = sco_dash(&["search", "zzzzzz"]);
    assert_eq!(none.status.code(), Some(0));
    assert!(stderr(&none).contains("nothing matches"));
}

#[test]
fn search_lists_the_record_meant_first_in_one_ranked_list() {
    for (query, tab, id) in crate::render_search::MEANT {
        let output = sco_dash(&["search", query, "--json"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let hits: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(
            (hits[0]["pane"].as_str(), hits[0]["id"].as_str()),
            (Some(tab.title_en()), Some(id)),
            "{query}: {:?}",
            &hits[..3.min(hits.len())]
        );
        assert_eq!(hits[0]["loose"], false, "{query}");
        // The text output: the same order, the pane a column.
        let text = stdout(&sco_dash(&["search", query]));
        let first = text.lines().next().unwrap();
        let title = hits[0]["title"].as_str().unwrap();
        assert!(
            first.contains(title) && first.contains(tab.title_en()),
            "{first}"
        );
    }
    // Ranked by how they matched, whatever their pane: no exact hit after a looser one.
    let putin: Vec<Value> =
        serde_json::from_slice(&sco_dash(&["search", "putin", "--json"]).stdout).unwrap();
    let loose: Vec<bool> = putin.iter().map(|h| h["loose"] == true).collect();
    assert!(loose.windows(2).all(|w| w[0] <= w[1]), "{loose:?}");
}

#[test]
fn search_marks_loose_hits_and_says_when_nothing_matched_exactly() {
    let output = sco_dash(&["search", "kzkstn"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains("no exact match for “kzkstn”"),
        "{}",
        stderr(&output)
    );
    let text = stdout(&output);
    assert!(
        text.lines().count() >= 3 && text.lines().all(|l| l.starts_with("~loose")),
        "{text}"
    );
    // An exact hit is never marked, and no note is given.
    let output = sco_dash(&["search", "普京"]);
    assert_eq!(stderr(&output), "");
    assert!(stdout(&output).starts_with("exact"));
}

#[test]
fn search_cuts_a_pasted_page_to_the_search_lines_cap() {
    // 60,000 characters (in one argument, which Linux caps at 128 KiB): searched, and
    // named in the message, by their first 256 (42 times "putin " and "puti"), so the work
    // is what those 256 cost.
    let page = "putin ".repeat(10_000);
    let kept: String = page.chars().take(256).collect();
    let output = sco_dash(&["search", &page, "--json"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        output.stdout,
        sco_dash(&["search", &kept, "--json"]).stdout,
        "the same hits"
    );
    let said = stderr(&sco_dash(&["search", &page]));
    assert!(said.contains("no exact match"), "{said}");
    assert_eq!(said.matches("putin").count(), 42, "{said}");
    assert!(said.contains("putin puti”"), "{said}");
}

#[test]
fn a_dumb_terminal_gets_a_clear_message_and_status_2() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_sco-dash"))
        .env("TERM", "dumb")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("TERM=dumb") && err.contains("sco-dash export"),
        "{err}"
    );
    assert!(
        output.stdout.is_empty(),
        "no escape sequences for a dumb terminal"
    );
}

#[test]
fn config_print_default_prints_the_documented_file_and_path_says_where_it_is_read() {
    let output = sco_dash(&["config", "--print-default"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for line in [
        "theme = \"auto\"",
        "start_tab = \"overview\"",
        "# quit = [\"q\", \"<C-c>\"]",
    ] {
        assert!(text.contains(line), "{line} in:\n{text}");
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_sco-dash"))
        .args(["config", "--path"])
        .env("XDG_CONFIG_HOME", "/somewhere")
        .output()
        .unwrap();
    assert_eq!(stdout(&output), "/somewhere/sco-dash/config.toml\n");
}

#[test]
fn kiosk_needs_a_tour_and_tour_resume_takes_seconds() {
    let output = sco_dash(&["--kiosk", "validate"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("--tour"), "{}", stderr(&output));
    let output = sco_dash(&["--tour-resume", "soon", "validate"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("--tour-resume"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn snapshot_tour_writes_one_animated_svg_a_frame_per_step() {
    let output = sco_dash(&[
        "snapshot", "--tour", "3", "--size", "80x24", "--format", "svg",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let svg = stdout(&output);
    assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>\n"));
    assert!(svg.contains(r#"width="720" height="456""#), "80x24 cells");
    assert_eq!(svg.matches(r#"class="f""#).count(), 24, "a frame per step");
    assert!(svg.contains("animation:72s step-end infinite"));
    assert!(svg.contains("(24 screens in a 72 s loop, each shown 3 s)"));
    assert!(svg.contains("导览") && !svg.contains(">Tour"));

    // --bilingual goes round again in the other language; svg is the tour's only format,
    // so --format may be left out; the size is 120x40 unless given.
    let output = sco_dash(&["--lang", "en", "snapshot", "--tour", "2", "--bilingual"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let svg = stdout(&output);
    assert!(svg.contains(r#"width="1080" height="760""#));
    assert_eq!(svg.matches(r#"class="f""#).count(), 48);
    assert!(svg.contains("The sco-dash tour in English, then Chinese (48 screens in a 96 s loop"));
    assert!(svg.contains(">Tour") && svg.contains("导览"));
}

#[test]
fn snapshot_tour_refuses_what_a_tour_has_no_use_for() {
    for args in [
        &["snapshot", "--tour", "3", "--format", "txt"][..],
        &["snapshot", "--tour", "3", "--tab", "overview"],
        &["snapshot", "--tour", "3", "--keys", "jj"],
        &["snapshot", "--tab", "overview", "--bilingual"],
        &["snapshot", "--tour", "1"],
        &["snapshot"],
    ] {
        let output = sco_dash(args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}
