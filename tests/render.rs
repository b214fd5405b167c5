//! Render snapshots: every tab at two sizes, the help overlay, a followed link, the narrow
//! detail view and the too-small message, drawn through ratatui's TestBackend. Each snapshot
//! was checked by eye when accepted (`cargo insta review`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, OnceLock};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sco_dash::app::input::{Input, parse_keys};
use sco_dash::app::{Action, App, Catalog, Tab};
use sco_dash::data::embedded;
use sco_dash::ui::snapshot::to_text;
use sco_dash::ui::{Theme, View};

fn catalog() -> Arc<Catalog> {
    static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
    CATALOG
        .get_or_init(|| {
            Arc::new(Catalog::new(Arc::new(
                embedded().expect("embedded data loads"),
            )))
        })
        .clone()
}

fn screen(tab: Tab, width: u16, height: u16, keys: &str) -> String {
    let mut app = App::new(catalog(), width, height);
    app.update(Action::GoTo(tab));
    for key in parse_keys(keys).unwrap() {
        app.handle(Input::Key(key));
    }
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            frame.render_widget(
                View {
                    app: &app,
                    theme: &Theme::default(),
                },
                frame.area(),
            )
        })
        .unwrap();
    to_text(terminal.backend().buffer())
}

fn name(tab: Tab) -> String {
    tab.title_en().to_lowercase()
}

#[test]
fn every_tab_at_80x24_and_120x40() {
    for tab in Tab::ALL {
        for (width, height) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(
                format!("{}_{width}x{height}", name(tab)),
                screen(tab, width, height, "")
            );
        }
    }
}

#[test]
fn help_overlay_lists_every_binding_over_the_panes() {
    insta::assert_snapshot!("help_120x40", screen(Tab::Outcomes, 120, 40, "?"));
    insta::assert_snapshot!("help_80x24", screen(Tab::Meetings, 80, 24, "?"));
}

#[test]
fn a_followed_link_lands_on_its_record() {
    // Outcome 6 → its first initiative (the energy platform).
    insta::assert_snapshot!(
        "followed_outcome_to_initiative_120x40",
        screen(Tab::Outcomes, 120, 40, "jjjjj<Enter><Enter>")
    );
    // The last meeting's timeline event, then back.
    let there = screen(Tab::Meetings, 120, 40, "G<Enter>G<Enter>");
    assert!(there.contains("4 时间线"), "{there}");
    // Esc returns to the meeting as it was left: its last link selected and in view.
    let back = screen(Tab::Meetings, 120, 40, "G<Enter>G<Enter><Esc>");
    assert!(back.contains("5 元首会见 21/21"), "{back}");
    assert!(back.contains("→ 习近平会见塔吉克斯坦总统拉赫蒙"), "{back}");
}

#[test]
fn narrow_terminals_show_the_detail_in_place_of_the_list() {
    insta::assert_snapshot!(
        "meeting_detail_80x24",
        screen(Tab::Meetings, 80, 24, "jjjjjjjjjjjjj<Enter>")
    );
    insta::assert_snapshot!(
        "results_gaps_80x24",
        screen(Tab::Results, 80, 24, "jjjj<Enter>")
    );
}

#[test]
fn too_small_says_what_size_is_needed() {
    insta::assert_snapshot!("too_small_50x10", screen(Tab::Overview, 50, 10, ""));
}

#[test]
fn a_filtered_and_sorted_pane_marks_its_matches() {
    // Initiatives: summit group only, searched for 鲁班 by initials, kept with Enter.
    insta::assert_snapshot!(
        "initiatives_filtered_120x40",
        screen(Tab::Initiatives, 120, 40, "t/lbgf<Enter>")
    );
    // Meetings sorted by country, reversed.
    insta::assert_snapshot!(
        "meetings_sorted_by_country_80x24",
        screen(Tab::Meetings, 80, 24, "ssS")
    );
    // Typing a search shows the search line in place of the status bar.
    insta::assert_snapshot!(
        "timeline_search_line_80x24",
        screen(Tab::Timeline, 80, 24, "/tianjin")
    );
}

#[test]
fn search_everything_groups_hits_by_pane() {
    insta::assert_snapshot!(
        "palette_tjfh_120x40",
        screen(Tab::Overview, 120, 40, ":tjfh")
    );
    // Enter jumps to the third hit's record; Esc comes back.
    let there = screen(Tab::Overview, 120, 40, ":鲁班gf<Down><Down><Enter>");
    assert!(there.contains("鲁班"), "{there}");
    assert!(!there.contains("搜索全部 ▸"), "the popup closed: {there}");
}

#[test]
fn search_everything_shows_each_hit_around_its_match() {
    for (width, height) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(
            format!("palette_lbgf_{width}x{height}"),
            screen(Tab::Overview, width, height, ":lbgf")
        );
        // Every hit shows the whole of what it matched, however deep in its text.
        let rows = highlighted_at(Tab::Overview, width, height, ":lbgf");
        assert!(rows.len() >= 5, "{rows:?}");
        assert!(
            rows.iter().all(|r| r.replace("鲁班工坊", "").is_empty()),
            "{width}x{height}: {rows:?}"
        );
    }
}

/// The characters drawn with the search highlight in a frame, row by row.
fn highlighted(tab: Tab, keys: &str) -> Vec<String> {
    highlighted_at(tab, 120, 40, keys)
}

fn highlighted_at(tab: Tab, width: u16, height: u16, keys: &str) -> Vec<String> {
    let mut app = App::new(catalog(), width, height);
    app.update(Action::GoTo(tab));
    for key in parse_keys(keys).unwrap() {
        app.handle(Input::Key(key));
    }
    let buf = sco_dash::ui::snapshot::draw(&app, &Theme::default());
    let mark = Theme::default().search_match();
    (0..buf.area.height)
        .map(|y| {
            sco_dash::ui::snapshot::row_cells(&buf, y)
                .into_iter()
                .filter(|(x, _, _)| buf[(*x, y)].bg == mark.bg.unwrap())
                .map(|(_, symbol, _)| symbol.to_string())
                .collect::<String>()
        })
        .filter(|row| !row.is_empty())
        .collect()
}

#[test]
fn highlights_land_on_the_matched_characters_however_they_matched() {
    // Initials: the four characters of 鲁班工坊, in the detail's title and commitment.
    let rows = highlighted(Tab::Initiatives, "/lbgf");
    assert!(rows.iter().any(|r| r == "鲁班工坊"), "{rows:?}");
    assert!(
        rows.iter()
            .all(|r| r.chars().all(|c| "鲁班工坊".contains(c))),
        "{rows:?}"
    );
    // A mixture of characters and initials marks the same four.
    assert_eq!(highlighted(Tab::Initiatives, "/鲁班gf"), rows);
    // Full pinyin marks the two characters of 天津 in the timeline.
    let tianjin = highlighted(Tab::Timeline, "/tianjin<Enter>");
    assert!(
        !tianjin.is_empty()
            && tianjin
                .iter()
                .all(|r| r.chars().all(|c| "天津".contains(c))),
        "{tianjin:?}"
    );
}

#[test]
fn a_click_on_a_link_in_the_overviews_second_column_follows_it() {
    let mut app = App::new(catalog(), 120, 40);
    let buf = sco_dash::ui::snapshot::draw(&app, &Theme::default());
    // Find "→ 中方其他倡议" in the right half of the screen.
    let (column, row) = (0..buf.area.height)
        .find_map(|y| {
            let cells = sco_dash::ui::snapshot::row_cells(&buf, y);
            let text: String = cells.iter().map(|(_, s, _)| *s).collect();
            let at = text.find("→ 中方其他倡议")?;
            let index = text[..at].chars().count();
            let (x, _, _) = cells[index];
            (x > 60).then_some((x, y))
        })
        .expect("the link is drawn in the second column");
    app.handle(Input::Mouse(sco_dash::app::input::Mouse {
        kind: sco_dash::app::input::MouseKind::Click,
        column,
        row,
    }));
    app.handle(Input::Key(sco_dash::app::Key::plain(
        sco_dash::app::KeyCode::Enter,
    )));
    assert_eq!(app.tab(), Tab::Results);
    let section = &app.catalog().results.sections[app.pane().selected];
    assert_eq!(section.id, "initiatives-other");
}

#[test]
fn searching_for_derived_lists_every_derived_date_and_the_detail_says_how() {
    let text = screen(Tab::Timeline, 120, 40, "/推定<Enter>");
    assert!(text.contains("1/41（共85）"), "{text}");
    // The first derived event (1954) opens with its date marked and its note.
    assert!(text.contains("日期：1954年（推定）"), "{text}");
    assert!(text.contains("推定：据003"), "{text}");
}

#[test]
fn narrow_screens_show_every_tab_number_the_active_title_and_the_help_key() {
    for width in 60..80 {
        for tab in Tab::ALL {
            // A long status line: a search on top of the position (the overview has no list
            // to search; `/` there opens the search of everything).
            let keys = if tab.has_list() { "/天津<Enter>" } else { "" };
            let text = screen(tab, width, 15, keys);
            let lines: Vec<&str> = text.lines().collect();
            let (bar, status) = (lines[0], lines[lines.len() - 1]);
            for n in 1..=6 {
                assert!(
                    bar.contains(&format!(" {n} ")),
                    "{width}: tab {n} in {bar:?}"
                );
            }
            assert!(bar.contains(tab.title_zh()), "{width}: {bar:?}");
            assert!(status.contains("? 帮助"), "{width}: {status:?}");
        }
    }
}

#[test]
fn a_click_on_a_narrow_tab_bar_opens_the_tab_drawn_there() {
    let mut app = App::new(catalog(), 65, 20);
    let bar = screen(Tab::Overview, 65, 20, "");
    let first_line = bar.lines().next().unwrap();
    // The column where "6" is drawn (every character before it is one cell wide, or two
    // for the active title's ideographs).
    let column = first_line
        .split(" 6 ")
        .next()
        .map(sco_dash::text::width)
        .unwrap() as u16
        + 1;
    app.handle(Input::Mouse(sco_dash::app::input::Mouse {
        kind: sco_dash::app::input::MouseKind::Click,
        column,
        row: 0,
    }));
    assert_eq!(app.tab(), Tab::Results, "{first_line:?} column {column}");
}
