//! The typesetting rules over every text of the embedded data, in every language, at ten
//! widths: every line fits, no number is split from its unit, no ideograph is left alone on a
//! last line where the line before could give it company, brackets and `+` stay where they
//! belong; and every record's detail keeps its links whole.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::screens;

use std::sync::Arc;

use sco_dash::app::detail::Role;
use sco_dash::app::{Catalog, Tab, panes};
use sco_dash::data::Lang;
use sco_dash::text::width::width;
use sco_dash::text::wrap::{UNITS, is_closing, is_digit, is_opening, wrap};
use unicode_segmentation::UnicodeSegmentation;

const WIDTHS: [usize; 10] = [10, 13, 16, 20, 24, 30, 38, 46, 58, 76];

fn catalogs() -> [Arc<Catalog>; 3] {
    let chinese = screens::catalog();
    let english = Arc::clone(chinese.in_lang(Lang::En));
    let russian = Arc::clone(chinese.in_lang(Lang::Ru));
    [chinese, english, russian]
}

/// Every string of the data set, each hard-broken paragraph on its own.
fn paragraphs(catalog: &Catalog) -> Vec<String> {
    fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.extend(
                s.split('\n')
                    .filter(|p| !p.trim().is_empty())
                    .map(str::to_string),
            ),
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(fields) => fields.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(&*catalog.data).unwrap(), &mut out);
    out.sort();
    out.dedup();
    out
}

fn graphemes(text: &str) -> Vec<&str> {
    text.graphemes(true).collect()
}

fn is_ideograph(grapheme: &str) -> bool {
    width(grapheme) == 2 && grapheme.chars().next().is_some_and(char::is_alphanumeric)
}

fn is_unit(grapheme: &str) -> bool {
    grapheme.chars().count() == 1 && UNITS.contains(grapheme)
}

/// Everything that failed, for one message that lists them all.
#[derive(Default)]
struct Failures(Vec<String>);

impl Failures {
    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if !ok {
            self.0.push(what());
        }
    }

    fn assert_none(self, rule: &str) {
        assert!(
            self.0.is_empty(),
            "{rule}: {} cases\n{}",
            self.0.len(),
            self.0[..self.0.len().min(40)].join("\n")
        );
    }
}

/// Runs `check(paragraph, lines, cells)` over every paragraph at every width in every
/// language.
fn over_every_text(mut check: impl FnMut(&str, &[String], usize, &mut Failures), rule: &str) {
    let mut failures = Failures::default();
    for (text, cells, lines) in wrapped().iter() {
        check(text, lines, *cells, &mut failures);
    }
    failures.assert_none(rule);
}

/// Every paragraph of every language wrapped at every width, once per test binary: each rule
/// reads the same lines.
fn wrapped() -> &'static [(String, usize, Vec<String>)] {
    static WRAPPED: std::sync::OnceLock<Vec<(String, usize, Vec<String>)>> =
        std::sync::OnceLock::new();
    WRAPPED.get_or_init(|| {
        let mut all = Vec::new();
        for catalog in catalogs() {
            for text in paragraphs(&catalog) {
                for cells in WIDTHS {
                    let lines = wrap(&text, cells);
                    all.push((text.clone(), cells, lines));
                }
            }
        }
        all
    })
}

fn show(lines: &[String]) -> String {
    lines.join("⏎")
}

#[test]
fn every_wrapped_line_fits_its_width() {
    over_every_text(
        |_, lines, cells, failures| {
            for line in lines {
                failures.check(width(line) <= cells, || format!("{cells}: {line:?}"));
            }
        },
        "wider than the width",
    );
}

/// Where in the paragraph each line break falls (a byte offset: the text before it is on the
/// lines up to the break), found in one walk: the lines hold the paragraph's visible
/// graphemes in order.
fn breaks(text: &str, lines: &[String]) -> Vec<usize> {
    let solid = |g: &str| !g.trim().is_empty();
    let mut after_line = Vec::new();
    let mut shown = 0;
    for line in lines {
        shown += line.graphemes(true).filter(|g| solid(g)).count();
        after_line.push(shown);
    }
    let mut offsets = Vec::new();
    let mut wanted = after_line.iter().peekable();
    let mut seen = 0;
    for (at, g) in text.grapheme_indices(true) {
        if !solid(g) {
            continue;
        }
        while wanted.next_if(|&&n| n == seen).is_some() {
            offsets.push(at);
        }
        seen += 1;
    }
    offsets.resize(lines.len(), text.len());
    offsets
}

/// The number and its units (and the date they are part of) around a break, as they would
/// stand on one line, with the brackets and punctuation that hold on to them.
fn number_around(before: &str, after: &str) -> String {
    let left: Vec<&str> = graphemes(before)
        .into_iter()
        .rev()
        .take_while(|g| is_digit(g) || matches!(*g, "," | "." | "月") || is_unit(g))
        .collect();
    let openings: Vec<&str> = graphemes(before)
        .into_iter()
        .rev()
        .skip(left.len())
        .take_while(|g| is_opening(g))
        .collect();
    let right: Vec<&str> = graphemes(after)
        .into_iter()
        .take_while(|g| is_unit(g) || is_digit(g) || is_closing(g) || *g == "电")
        .collect();
    openings
        .into_iter()
        .rev()
        .chain(left.into_iter().rev())
        .chain(right)
        .collect()
}

/// A word a number before it may count (`places`), as the English rule has it.
fn counted(word: &str) -> bool {
    const FUNCTION_WORDS: [&str; 16] = [
        "and", "or", "to", "the", "of", "in", "at", "on", "for", "with", "by", "from", "as", "is",
        "was", "were",
    ];
    word.chars().next().is_some_and(char::is_lowercase)
        && !FUNCTION_WORDS.contains(&word.trim_end_matches([',', '.', ';', ':']))
}

fn is_year(number: &str) -> bool {
    number.len() == 4
        && number
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

#[test]
fn no_number_is_split_from_its_unit_where_they_fit_on_a_line() {
    over_every_text(
        |text, lines, cells, failures| {
            let at = breaks(text, lines);
            for i in 0..lines.len().saturating_sub(1) {
                let (before, after) = text.split_at(at[i]);
                let mut start = before.graphemes(true).rev();
                let (Some(last), Some(first)) = (start.next(), after.graphemes(true).next()) else {
                    continue;
                };
                let previous = start.next();
                let chinese = is_digit(last) && is_unit(first);
                let date = (last == "月" && previous.is_some_and(is_digit) && is_digit(first))
                    || (last == "日" && previous.is_some_and(is_digit) && first == "电");
                let pair = || format!("{cells}: {}⏎{}", lines[i], lines[i + 1]);
                if chinese || date {
                    let whole = number_around(before, after);
                    failures.check(width(&whole) > cells, || format!("{} ({whole})", pair()));
                }
                // English: `10,000⏎places`.
                let number = before.rsplit(' ').next().unwrap_or("");
                let word = after.trim_start().split(' ').next().unwrap_or("");
                if is_digit(last) && first.trim().is_empty() && counted(word) && !is_year(number) {
                    let whole = format!("{number} {word}");
                    failures.check(width(&whole) > cells, || format!("{} ({whole})", pair()));
                }
            }
        },
        "a number split from its unit",
    );
}

/// One ideograph with only punctuation around it.
fn is_lone(line: &str) -> bool {
    let mut rest = graphemes(line).into_iter().skip_while(|g| is_opening(g));
    rest.next().is_some_and(is_ideograph) && rest.all(is_closing)
}

#[test]
fn no_ideograph_is_alone_on_a_last_line_where_one_more_would_fit() {
    over_every_text(
        |_, lines, cells, failures| {
            let [.., previous, last] = lines else { return };
            if !is_lone(last) {
                return;
            }
            // What moving the previous line's last character down would take along: its
            // closing marks after it.
            let before = graphemes(previous);
            let Some(at) = before.iter().rposition(|g| !is_closing(g)) else {
                return;
            };
            let moved = before[at..].concat();
            let left = &before[..at];
            // A break is not possible there: after an opening mark, a space (a Latin line),
            // inside a number's unit, or with nothing left on the line.
            let breakable = left.last().is_some_and(|g| {
                !is_opening(g) && !g.trim().is_empty() && !is_digit(g) && !is_unit(g)
            }) && is_ideograph(before[at])
                && !is_unit(before[at]);
            failures.check(!breakable || width(&moved) + width(last) > cells, || {
                format!("{cells}: {}", show(lines))
            });
        },
        "a lone last character",
    );
}

#[test]
fn brackets_and_plus_stay_on_the_right_side_of_a_break() {
    over_every_text(
        |_, lines, cells, failures| {
            for (i, line) in lines.iter().enumerate() {
                let line_graphemes = graphemes(line);
                if i > 0
                    && let Some(first) = line_graphemes.first()
                {
                    failures.check(!is_closing(first), || {
                        format!("{cells}: line {i} starts with {first}: {}", show(lines))
                    });
                    let plus =
                        *first == "+" && line_graphemes.get(1).is_some_and(|g| is_closing(g));
                    failures.check(!plus, || format!("{cells}: {}", show(lines)));
                }
                if i + 1 < lines.len()
                    && let Some(last) = line_graphemes.last()
                {
                    failures.check(!is_opening(last), || {
                        format!("{cells}: line {i} ends with {last}: {}", show(lines))
                    });
                }
            }
        },
        "a bracket on the wrong side of a break",
    );
}

/// Every record's detail at ten widths: lines fit, a link's lines follow one another, and
/// no link's text is cut.
#[test]
fn every_detail_fits_and_keeps_its_links_whole() {
    let mut failures = Failures::default();
    for catalog in catalogs() {
        for tab in Tab::ALL {
            for item in 0..panes::count(&catalog, tab).max(1) {
                for cells in WIDTHS {
                    let doc = panes::detail(&catalog, tab, item, cells);
                    for line in &doc.lines {
                        failures.check(line.width() <= cells, || {
                            format!("{tab:?} {item} at {cells}: {line:?}")
                        });
                    }
                    for link in 0..doc.links.len() {
                        let lines = doc.link_lines(link);
                        let count = doc.lines.iter().filter(|l| l.link == Some(link)).count();
                        failures.check(lines.as_ref().is_some_and(|r| r.len() == count), || {
                            format!("{tab:?} {item} at {cells}: link {link} is not one run")
                        });
                        // The results chart's bars cut their labels to a column on purpose.
                        let Some(lines) = lines else { continue };
                        let chart = doc.lines[lines.clone()]
                            .iter()
                            .flat_map(|l| &l.segments)
                            .any(|s| matches!(s.role, Role::Bar | Role::BarEmpty));
                        let text: String = doc.lines[lines]
                            .iter()
                            .flat_map(|l| &l.segments)
                            .map(|s| s.text.as_str())
                            .collect();
                        failures.check(chart || !text.trim_end().ends_with('…'), || {
                            format!("{tab:?} {item} at {cells}: cut link {text:?}")
                        });
                    }
                }
            }
        }
    }
    failures.assert_none("details");
}

#[test]
fn the_overview_document_links_keep_the_outcome_they_lead_to() {
    for catalog in catalogs() {
        let outcome = (catalog.words().outcome)(1);
        for cells in WIDTHS {
            let doc = panes::detail(&catalog, Tab::Overview, 0, cells);
            // The last link to outcome 1 is a document's (the outcomes themselves come first).
            let led = doc
                .links
                .iter()
                .rposition(|t| *t == sco_dash::app::detail::Target::Outcome(1))
                .expect("a document leads to outcome 1");
            let lines = doc.link_lines(led).unwrap();
            let text: String = doc.lines[lines]
                .iter()
                .flat_map(|l| &l.segments)
                .filter(|s| s.role == Role::Link)
                .flat_map(|s| s.text.chars())
                .filter(|c| *c != ' ')
                .collect();
            let outcome: String = outcome.chars().filter(|c| *c != ' ').collect();
            assert!(text.ends_with(&outcome), "{cells}: {text}");
        }
    }
}
