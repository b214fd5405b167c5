//! The charts (`b`): the initiatives' commitments by unit and the meetings' counts, in both
//! languages at 80x24 and 120x40 (and three panes at 200x60), drawn through the snapshot
//! renderer; an English chart carries no Chinese.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::screens;

use sco_dash::app::Tab;
use sco_dash::data::Lang;
use sco_dash::ui::Theme;
use sco_dash::ui::snapshot::{draw, to_text};
use screens::{app, is_chinese, screen};

fn no_chinese(screen: &str) -> bool {
    screen
        .lines()
        .all(|line| !line.replace("中文", "").chars().any(is_chinese))
}

#[test]
fn the_initiatives_commitments_by_unit() {
    // Initiative 9 (100亿元 of loans) selected: its bar is the selected row.
    for (lang, code) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let shown = screen(lang, Tab::Initiatives, width, height, "jjjjjjjjb");
            if lang == Lang::En {
                assert!(no_chinese(&shown), "{shown}");
            }
            insta::assert_snapshot!(format!("chart_initiatives_{code}_{width}x{height}"), shown);
        }
    }
}

#[test]
fn the_meetings_per_day_and_documents_per_counterpart() {
    // Mirziyoyev, met in Beijing on 2 September: the day's bar and Uzbekistan's.
    for (lang, code) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        for (width, height) in [(80, 24), (120, 40)] {
            let shown = screen(lang, Tab::Meetings, width, height, "jjjjjjjjjjjjjb");
            if lang == Lang::En {
                assert!(no_chinese(&shown), "{shown}");
            }
            insta::assert_snapshot!(format!("chart_meetings_{code}_{width}x{height}"), shown);
        }
    }
}

#[test]
fn b_again_gives_the_detail_back() {
    let keys = "jjjjjjjjbb";
    assert_eq!(
        screen(Lang::Zh, Tab::Initiatives, 120, 40, keys),
        screen(Lang::Zh, Tab::Initiatives, 120, 40, "jjjjjjjj")
    );
}

#[test]
fn without_colour_the_selected_bar_is_reversed_and_every_value_is_printed() {
    use ratatui::style::Modifier;
    use sco_dash::ui::theme::Depth;
    let app = app(Lang::Zh, Tab::Initiatives, 120, 40, "jjjjjjjjb");
    let area = app.areas().and_then(|a| a.map).expect("the chart");
    for depth in [Depth::Mono, Depth::Ansi16] {
        let buf = draw(&app, &Theme::new(depth));
        let reversed: Vec<u16> = (area.y + 1..area.bottom() - 1)
            .filter(|&y| buf[(area.x + 3, y)].modifier.contains(Modifier::REVERSED))
            .collect();
        let text = to_text(&buf);
        let rows: Vec<&str> = text.lines().collect();
        // Initiative 9's label and bar, and only those rows.
        assert_eq!(reversed.len(), 2, "{depth:?} {reversed:?}");
        assert!(rows[usize::from(reversed[0])].contains("9 对银行联合体"));
        assert!(rows[usize::from(reversed[1])].contains("100亿元人民币 · 未来3年"));
    }
}

/// A bar that reads 0: a bar's cells, a space, then "0" at the end of the value.
fn zero_bars(screen: &str) -> Vec<&str> {
    screen
        .lines()
        .filter(|line| {
            ["█ 0", "░ 0"].iter().any(|bar| {
                line.match_indices(bar).any(|(at, _)| {
                    let rest = &line[at + bar.len()..];
                    rest.chars().next().is_none_or(|c| !c.is_ascii_digit())
                })
            })
        })
        .collect()
}

#[test]
fn meetings_per_day_never_draws_a_zero_for_a_day_it_does_not_know() {
    for lang in [Lang::Zh, Lang::En] {
        let words = lang.words();
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let shown = screen(lang, Tab::Meetings, width, height, "b");
            assert!(
                zero_bars(&shown).is_empty(),
                "{lang:?} {width}x{height}\n{shown}"
            );
            // The three Tianjin meetings of 30–31 August, dated to no day, have their bar.
            let undated = shown
                .lines()
                .find(|line| line.contains(words.chart_day_not_given))
                .unwrap_or_else(|| panic!("{lang:?} {width}x{height}\n{shown}"));
            assert!(
                undated.contains("█ 3") || undated.contains("░ 3"),
                "{undated}"
            );
            // The summit days no meeting is dated to say so.
            assert!(shown.contains(words.chart_none_dated), "{shown}");
        }
    }
}

/// The rows of the charts' frame, as text.
fn chart_rows(lang: Lang, tab: Tab, width: u16, height: u16, keys: &str) -> Vec<String> {
    let app = app(lang, tab, width, height, keys);
    let area = app.areas().and_then(|a| a.map).expect("the charts");
    let buf = draw(&app, &Theme::default());
    (area.y..area.bottom())
        .map(|y| {
            sco_dash::ui::snapshot::row_cells(&buf, y)
                .into_iter()
                .filter(|(x, _, _)| (area.x..area.right()).contains(x))
                .map(|(_, symbol, _)| symbol)
                .collect::<String>()
        })
        .collect()
}

#[test]
fn a_commitment_alone_in_what_it_counts_shows_its_value_without_a_bar() {
    // Chinese: 100个 projects and 1万个 training places are not on one scale; each is alone
    // in what it counts, so neither has a bar.
    let rows = chart_rows(Lang::Zh, Tab::Initiatives, 120, 40, "b");
    for value in ["100个", "1万个 · 未来5年"] {
        let row = rows
            .iter()
            .find(|l| l.contains(value))
            .unwrap_or_else(|| panic!("{value}\n{rows:#?}"));
        assert!(!row.contains('█') && !row.contains('░'), "{row}");
    }
    assert!(rows.iter().all(|r| !r.contains("单位：个")), "{rows:#?}");
    // Two of one kind (the loans and the grant) are compared, each with its bar.
    let loans = rows
        .iter()
        .find(|l| l.contains("100亿元人民币"))
        .expect("loans");
    assert!(loans.contains('█'), "{loans}");
    // English units as an English reader writes them.
    let rows = chart_rows(Lang::En, Tab::Initiatives, 120, 40, "b");
    assert!(
        rows.iter().any(|r| r.contains("RMB 2 billion")),
        "{rows:#?}"
    );
    assert!(rows.iter().all(|r| !r.contains("yuan")), "{rows:#?}");
}
