//! Render snapshots: every tab at two sizes, the help overlay, a followed link, the narrow
//! detail view and the too-small message, drawn through ratatui's TestBackend. Each snapshot
//! was checked by eye when accepted (`cargo insta review`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::screens;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sco_dash::app::input::{Input, parse_keys};
use sco_dash::app::{Action, App, Tab};
use sco_dash::data::Lang;
use sco_dash::ui::snapshot::to_text;
use sco_dash::ui::{Theme, View};
use screens::chinese_catalog as catalog;

/// The Chinese screen, drawn through ratatui's `TestBackend` as a terminal would be.
fn screen(tab: Tab, width: u16, height: u16, keys: &str) -> String {
    let app = screens::app_on(catalog(), Lang::Zh, tab, width, height, keys);
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
        screen(Tab::Initiatives, 120, 40, "t<Enter>/lbgf<Enter>")
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

/// Clicks where `text` is drawn right of column `after` on the overview at a size, then
/// presses Enter.
fn click_on_the_overview(width: u16, height: u16, keys: &str, text: &str, after: u16) -> App {
    let mut app = App::new(catalog(), width, height);
    for key in parse_keys(keys).unwrap() {
        app.handle(Input::Key(key));
    }
    let buf = sco_dash::ui::snapshot::draw(&app, &Theme::default());
    let (column, row) = (0..buf.area.height)
        .find_map(|y| {
            let cells = sco_dash::ui::snapshot::row_cells(&buf, y);
            let line: String = cells.iter().map(|(_, s, _)| *s).collect();
            let at = line.find(text)?;
            let index = line[..at].chars().count();
            let (x, _, _) = cells[index];
            (x > after).then_some((x + 3, y))
        })
        .unwrap_or_else(|| panic!("{text} is drawn right of column {after}"));
    app.handle(Input::Mouse(sco_dash::app::input::Mouse {
        kind: sco_dash::app::input::MouseKind::Click,
        column,
        row,
    }));
    app.handle(Input::Key(sco_dash::app::Key::plain(
        sco_dash::app::KeyCode::Enter,
    )));
    app
}

#[test]
fn a_click_on_a_link_in_the_overviews_second_column_follows_it() {
    // 200 columns: the chart in the second column, the documents in the third.
    let app = click_on_the_overview(200, 60, "", "→ 中方其他倡议", 60);
    assert_eq!(app.tab(), Tab::Results);
    let row = app.catalog().results.table[app.pane().selected];
    assert_eq!(
        app.catalog().results.sections[row.section()].id,
        "initiatives-other"
    );
    let app = click_on_the_overview(200, 60, "", "→ 《上合组织未来10年", 130);
    assert_eq!(app.tab(), Tab::Outcomes);
    assert_eq!(app.catalog().data.outcomes[app.pane().selected].n, 1);
    // 120 columns, scrolled to the leaders in the second column.
    let app = click_on_the_overview(120, 40, "G", "→ 联合国秘书长", 60);
    assert_eq!(app.tab(), Tab::Meetings);
}

#[test]
fn searching_for_derived_lists_every_derived_date_and_the_detail_says_how() {
    let text = screen(Tab::Timeline, 120, 40, "/推定<Enter>");
    assert!(text.contains("1/51（共97）"), "{text}");
    // The first derived event (1945) opens with its date marked and its note, which names
    // the article it rests on.
    assert!(text.contains("日期：1945年（推定）"), "{text}");
    assert!(text.contains("推定：据新华社天津9月2日电"), "{text}");
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

#[test]
fn a_selected_row_is_one_bar_of_one_style() {
    // Initiatives: number, group, category and text have their own colours until selected.
    let app = {
        let mut app = App::new(catalog(), 120, 40);
        app.update(Action::GoTo(Tab::Initiatives));
        app
    };
    let buf = sco_dash::ui::snapshot::draw(&app, &Theme::default());
    let selected = Theme::default().selected_row();
    let list = app.areas().unwrap().list.unwrap();
    let rows: Vec<u16> = (list.y + 1..list.bottom() - 1)
        .filter(|&y| {
            buf[(list.x + 1, y)]
                .modifier
                .contains(selected.add_modifier)
        })
        .collect();
    assert_eq!(rows.len(), 1, "one selected row");
    let y = rows[0];
    let styles: std::collections::HashSet<_> = (list.x + 1..list.right() - 1)
        .map(|x| (buf[(x, y)].fg, buf[(x, y)].bg, buf[(x, y)].modifier))
        .collect();
    assert_eq!(styles.len(), 1, "{styles:?}");
}

#[test]
fn clicks_pick_a_hit_in_search_everything_and_a_timeline_record_under_its_day() {
    use sco_dash::app::input::{Mouse, MouseKind};
    let click = |app: &mut App, column, row| {
        app.handle(Input::Mouse(Mouse {
            kind: MouseKind::Click,
            column,
            row,
        }))
    };
    // Search everything for 鲁班: a click on a hit's row goes where choosing it with the
    // keys and Enter goes.
    let open = || {
        let mut app = App::new(catalog(), 120, 40);
        for key in parse_keys(":鲁班").unwrap() {
            app.handle(Input::Key(key));
        }
        app
    };
    for downs in [1, 4] {
        let mut keyed = open();
        for _ in 0..downs {
            keyed.handle(Input::Key(sco_dash::app::Key::plain(
                sco_dash::app::KeyCode::Down,
            )));
        }
        let buf = sco_dash::ui::snapshot::draw(&keyed, &Theme::default());
        let selected = Theme::default().selected_row().add_modifier;
        let y = (0..buf.area.height)
            .find(|&y| buf[(20, y)].modifier.contains(selected))
            .expect("the chosen hit is marked");
        keyed.handle(Input::Key(sco_dash::app::Key::plain(
            sco_dash::app::KeyCode::Enter,
        )));
        let mut clicked = open();
        click(&mut clicked, 20, y);
        assert_eq!(
            clicked.mode(),
            &sco_dash::app::state::Mode::Normal,
            "the popup closed"
        );
        assert_eq!((clicked.tab(), clicked.pane()), (keyed.tab(), keyed.pane()));
    }
    // The timeline: a click on a day's date row selects the first event of that day.
    let mut app = App::new(catalog(), 120, 40);
    app.update(Action::GoTo(Tab::Timeline));
    let buf = sco_dash::ui::snapshot::draw(&app, &Theme::default());
    let day_row = (0..buf.area.height)
        .find(|&y| {
            let text: String = sco_dash::ui::snapshot::row_cells(&buf, y)
                .iter()
                .map(|(_, s, _)| *s)
                .collect();
            text.contains("6月15日")
        })
        .expect("a day row");
    let before = app.pane().selected;
    click(&mut app, 5, day_row);
    assert_ne!(
        app.pane().selected,
        before,
        "the click selected the day's event"
    );
    let shown = to_text(&sco_dash::ui::snapshot::draw(&app, &Theme::default()));
    assert!(shown.contains("元首理事会第一次会议"), "{shown}");
}

/// Whether a frame on `screen` carries `title` (focused or not).
fn titled(screen: &str, title: &str) -> bool {
    screen.contains(&format!("┌ {title} ")) || screen.contains(&format!("┏ {title} "))
}

#[test]
fn the_overview_as_a_dashboard_at_200x60() {
    insta::assert_snapshot!("overview_200x60", screen(Tab::Overview, 200, 60, ""));
}

#[test]
fn slash_on_the_overview_searches_it_and_typed_keys_never_run_as_commands() {
    let mut app = App::new(catalog(), 80, 24);
    for key in parse_keys("/jq").unwrap() {
        app.handle(Input::Key(key));
    }
    assert!(!app.has_quit(), "j and q were typed into the search line");
    assert!(matches!(
        app.mode(),
        sco_dash::app::state::Mode::Search(line) if line.text() == "jq"
    ));
    // Typing moves the page to the first match and marks it; the status line counts them.
    let typed = screen(Tab::Overview, 80, 24, "/lbgf");
    insta::assert_snapshot!("overview_search_lbgf_80x24", typed);
    let marked = highlighted(Tab::Overview, "/lbgf");
    assert!(
        !marked.is_empty()
            && marked
                .iter()
                .all(|r| r.chars().all(|c| "鲁班工坊".contains(c))),
        "{marked:?}"
    );
    // Kept with Enter, n moves on to the next match and N back; Esc closes nothing else.
    let kept = screen(Tab::Overview, 80, 24, "/lbgf<Enter>");
    assert_eq!(kept, screen(Tab::Overview, 80, 24, "/lbgf<Enter>nN"));
    assert_ne!(kept, screen(Tab::Overview, 80, 24, "/lbgf<Enter>n"));
    assert!(kept.contains("搜索“lbgf”"), "{kept}");
    let mut app = App::new(catalog(), 80, 24);
    for key in parse_keys("/lbgf<Enter>nnnnq").unwrap() {
        app.handle(Input::Key(key));
    }
    assert!(app.has_quit(), "after Enter, keys are commands again");
}

#[test]
fn a_search_kept_on_the_overview_lands_n_on_links_it_matches() {
    // 开发银行 is in outcome 5's title: n selects that link, Enter follows it.
    let mut app = App::new(catalog(), 120, 40);
    for key in parse_keys("/开发银行<Enter><Enter>").unwrap() {
        app.handle(Input::Key(key));
    }
    assert_eq!(app.tab(), Tab::Outcomes);
    assert_eq!(app.catalog().data.outcomes[app.pane().selected].n, 5);
}

#[test]
fn a_document_link_from_an_outcome_lands_on_its_line_of_the_overview() {
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        let mut app = App::new(catalog(), width, height);
        app.update(Action::GoTo(Tab::Outcomes));
        app.update(Action::Open);
        let links = app.detail().links.clone();
        let at = links
            .iter()
            .position(|t| matches!(t, sco_dash::app::detail::Target::Document(_)))
            .expect("outcome 1 names a document");
        for _ in 0..at {
            app.update(Action::Down);
        }
        app.update(Action::Open);
        assert_eq!(app.tab(), Tab::Overview);
        let text = screen_of(&app);
        let selected = app.detail().link_line(app.pane().link).unwrap();
        let line: String = app.detail().lines[selected]
            .segments
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        assert!(line.contains("发展战略"), "{width}: {line}");
        assert!(text.contains(line.trim()), "{width}: in view: {text}");
    }
}

fn screen_of(app: &App) -> String {
    to_text(&sco_dash::ui::snapshot::draw(app, &Theme::default()))
}

#[test]
fn every_initiative_row_tells_itself_apart() {
    for (width, height) in [(100, 40), (120, 40), (200, 50)] {
        let shown = screen(Tab::Initiatives, width, height, "");
        let rows: Vec<String> = shown
            .lines()
            .filter(|l| l.starts_with('┃') && l[3..].starts_with(|c: char| c.is_ascii_digit()))
            .map(|l| {
                // The row without its number: what a reader tells rows apart by.
                let cells: String = l.chars().skip(5).take_while(|c| *c != '┃').collect();
                cells.trim().to_string()
            })
            .collect();
        assert!(rows.len() >= 30, "{shown}");
        let distinct: std::collections::HashSet<&String> = rows.iter().collect();
        assert_eq!(
            distinct.len(),
            rows.len(),
            "{width}: rows that look the same: {rows:#?}"
        );
    }
}

#[test]
fn a_short_status_bar_keeps_the_panes_own_keys_and_drops_the_generic_ones_first() {
    for (tab, own) in [
        (Tab::Meetings, &["m 地图", "b 图表"][..]),
        (Tab::Timeline, &["z 时间轴"][..]),
        (Tab::Initiatives, &["b 图表"][..]),
    ] {
        for width in [60, 80] {
            let text = screen(tab, width, 24, "");
            let status = text.lines().last().unwrap();
            for hint in own.iter().chain(&["L English", "? 帮助"]) {
                assert!(
                    status.contains(hint),
                    "{tab:?} at {width}: {hint} in {status}"
                );
            }
        }
        // With room for everything, the generic keys are there too.
        let text = screen(tab, 160, 24, "");
        let status = text.lines().last().unwrap();
        assert!(
            status.contains("j/k 移动") && status.contains("q 退出"),
            "{status}"
        );
    }
}

#[test]
fn the_results_list_is_a_table_of_its_items() {
    // Every item the sources hold is a row, and every run they lack a row of its own.
    let app = screens::app_on(catalog(), Lang::Zh, Tab::Results, 120, 40, "");
    let results = &app.catalog().results;
    let runs: usize = results.sections.iter().map(|s| s.gaps.len()).sum();
    assert_eq!(results.table.len(), results.total_present + runs);
    let text = screen(Tab::Results, 120, 40, "");
    // The section is a heading over its rows, not a column that repeats it on every row and
    // leaves the items too little room.
    assert!(
        text.contains("┃主席国主要活动 ") && text.contains("┃1–23  来源中没有 "),
        "{text}"
    );
    assert_eq!(
        text.matches("主席国主要活动").count(),
        2,
        "heading and detail: {text}"
    );
    assert!(
        text.contains("┃24    上海合作组织成员国交通部长第十二次会议 "),
        "{text}"
    );
    assert!(
        text.contains(&format!("1/{}", results.table.len())),
        "{text}"
    );
    // Filtered by whether the sources hold the item (`c`), then by section (`t`).
    let text = screen(Tab::Results, 120, 40, "c<Enter>");
    assert!(text.contains("筛选 来源=来源中有"), "{text}");
    assert!(!text.contains("1–23 "), "{text}");
    let text = screen(Tab::Results, 120, 40, "c<Down><Enter>");
    assert!(
        text.contains("来源中没有") && !text.contains("交通部长"),
        "{text}"
    );
    let text = screen(Tab::Results, 120, 40, "t<Down><Enter>");
    assert!(
        text.contains("┃中方举办的其他活动") && !text.contains("┃主席国主要活动"),
        "{text}"
    );
    // Searched, opened, and copied one item at a time.
    let keys = "/交通部长<Enter><Enter>";
    let mut app = screens::app_on(catalog(), Lang::Zh, Tab::Results, 120, 40, keys);
    let shown = to_text(&sco_dash::ui::snapshot::draw(&app, &Theme::default()));
    assert!(shown.contains("编号：24"), "{shown}");
    app.handle(sco_dash::app::Input::Key(sco_dash::app::Key::char('y')));
    let copied = app.take_clipboard().unwrap();
    assert!(
        copied.contains("上海合作组织成员国交通部长第十二次会议"),
        "{copied}"
    );
    assert!(
        !copied.contains("能源部长"),
        "one item, not the section: {copied}"
    );
}

#[test]
fn table_columns_size_themselves_and_nothing_is_cut_that_has_room() {
    // The list's width at 80, 120 and 200 columns: the whole screen, then beside the detail.
    for lang in [Lang::Zh, Lang::En] {
        let catalog = screens::catalog();
        let catalog = catalog.in_lang(lang);
        let items: Vec<usize> = (0..catalog.data.initiatives.len()).collect();
        for width in [78, 64, 98] {
            let rows = sco_dash::app::panes::rows(catalog, Tab::Initiatives, width, &items);
            for row in rows.iter().filter(|row| row.item.is_some()) {
                let cells: Vec<&str> = row.line.segments.iter().map(|s| s.text.as_str()).collect();
                let text = cells.concat();
                // №, category, title[, commitment]: the category is never cut.
                assert!(!cells[1].contains('…'), "{lang:?} {width}: {text}");
                // A title that opens with "…" fills its column but for at most a word.
                let title = cells[2];
                if title.starts_with('…') && !title.trim_end().ends_with('…') {
                    let slack = title.len() - title.trim_end().len();
                    assert!(slack <= 12, "{lang:?} {width}: room left after {title:?}");
                }
                // With room, the commitment is whole too.
                if width == 98 && cells.len() > 3 {
                    assert!(!cells[3].contains('…'), "{lang:?} {width}: {text}");
                }
            }
        }
    }
}

#[test]
fn a_filters_picker_lists_its_values_with_their_counts() {
    let text = screen(Tab::Meetings, 80, 24, "c");
    assert!(text.contains("城市") && text.contains("全部"), "{text}");
    let beijing = text.lines().find(|l| l.contains("北京")).unwrap();
    assert!(
        beijing.contains("北京")
            && beijing
                .split('│')
                .nth(1)
                .is_some_and(|cell| cell.trim().ends_with(|c: char| c.is_ascii_digit())),
        "{beijing}"
    );
    insta::assert_snapshot!("picker_city_80x24", text);
    let narrowed = screen(Tab::Meetings, 80, 24, "c天津");
    assert!(
        narrowed.contains("│ 天津") && !narrowed.contains("│ 北京"),
        "{narrowed}"
    );
}

#[test]
fn the_meetings_map_marks_where_each_meeting_was_and_with_whom() {
    // Egypt's prime minister, met in Tianjin: Tianjin and Egypt marked, no line between.
    insta::assert_snapshot!(
        "meetings_map_120x40",
        screen(Tab::Meetings, 120, 40, "jjjjjjjjjm")
    );
    // From 160 columns the map sits above the detail: list, map and detail at once.
    insta::assert_snapshot!(
        "meetings_map_160x45",
        screen(Tab::Meetings, 160, 45, "jjjjjjjjjm")
    );
    // Uzbekistan's president, met in Beijing.
    insta::assert_snapshot!(
        "meetings_map_200x60",
        screen(Tab::Meetings, 200, 60, "jjjjjjjjjjjjjm")
    );
    // On a narrow screen the map sits under the list, short and wide, cropped to its marks;
    // the United Nations' seat lies off it, an arrow at the west edge.
    insta::assert_snapshot!(
        "meetings_map_80x24",
        screen(Tab::Meetings, 80, 24, "jjjjjm")
    );
    // Enter gives the detail its turn beside the list, Esc the map; m again, the detail.
    let detail = screen(Tab::Meetings, 120, 40, "jjjjjjjjjm<Enter>");
    assert!(
        titled(&detail, "详情") && !titled(&detail, "地图"),
        "{detail}"
    );
    let map = screen(Tab::Meetings, 120, 40, "jjjjjjjjjm<Enter><Esc>");
    assert!(
        titled(&map, "地图") && map.contains("会见地点：天津 · 会见对象：埃及"),
        "{map}"
    );
    assert_eq!(
        screen(Tab::Meetings, 120, 40, "jjjjjjjjjmm"),
        screen(Tab::Meetings, 120, 40, "jjjjjjjjj")
    );
    // Other panes ignore m.
    assert_eq!(
        screen(Tab::Initiatives, 120, 40, "jm"),
        screen(Tab::Initiatives, 120, 40, "j")
    );
}

#[test]
fn the_map_draws_no_line_and_says_when_the_texts_give_no_place() {
    use sco_dash::ui::theme::Depth;
    let words = Lang::Zh.words();
    for at in 0..catalog().data.meetings.len() {
        let keys = format!("{}m", "j".repeat(at));
        let app = screens::app_on(catalog(), Lang::Zh, Tab::Meetings, 120, 40, &keys);
        let meeting = &app.catalog().data.meetings[app.pane().selected];
        let items = app.list().items.to_vec();
        let view = sco_dash::app::map::map_view(app.catalog(), &items, Some(app.pane().selected));
        let place = view.selected.and_then(|s| s.place);
        let area = sco_dash::app::layout::inner(app.areas().unwrap().map.unwrap());
        // Without colour a line would be bold over the dim coast: nothing is bold but marks
        // and names.
        let buf = sco_dash::ui::snapshot::draw(&app, &Theme::new(Depth::Mono));
        for position in area.positions() {
            let cell = &buf[(position.x, position.y)];
            let braille = cell
                .symbol()
                .chars()
                .all(|c| ('\u{2801}'..='\u{28ff}').contains(&c));
            assert!(
                !(braille && cell.modifier.contains(ratatui::style::Modifier::BOLD)),
                "{}: a line at {position:?}",
                meeting.id
            );
        }
        let shown = to_text(&buf);
        assert_eq!(
            shown.contains(words.map_place_unknown),
            place.is_none(),
            "{}: {shown}",
            meeting.id
        );
    }
}

#[test]
fn the_map_is_cropped_to_its_marks_at_every_size() {
    for (width, height) in [(80, 24), (120, 40), (160, 45), (200, 60)] {
        let app = screens::app_on(catalog(), Lang::Zh, Tab::Meetings, width, height, "m");
        let area = sco_dash::app::layout::inner(app.areas().unwrap().map.unwrap());
        let items = app.list().items.to_vec();
        let view = sco_dash::app::map::map_view(app.catalog(), &items, None);
        let bounds = sco_dash::app::map::projection(&view, area.width, area.height).bounds;
        // Kuala Lumpur (3°N) is the southernmost mark, Kazan and Moscow (56°N) the
        // northernmost; Cairo (31°E) the westernmost on the map, Tianjin (117°E) the
        // easternmost.
        assert!(
            bounds.south > -15.0 && bounds.north < 75.0,
            "{width}x{height}: {bounds:?}"
        );
        assert!(
            bounds.west > -10.0 && bounds.east < 160.0,
            "{width}x{height}: {bounds:?}"
        );
    }
}

/// The rows of a screen where a frame does not close: a row that starts on a frame's edge or
/// corner ends on one.
fn unclosed(screen: &str) -> Vec<&str> {
    screen
        .lines()
        .filter(|line| {
            let (Some(first), Some(last)) = (line.chars().next(), line.chars().last()) else {
                return false;
            };
            "│┃┌┏└┗".contains(first) && !"│┃┐┓┘┛".contains(last)
        })
        .collect()
}

#[test]
fn every_view_at_every_size_in_both_languages_draws_closed_frames() {
    let views = [
        (Tab::Overview, ""),
        (Tab::Outcomes, "j<Enter>"),
        (Tab::Initiatives, "b"),
        (Tab::Initiatives, "jjjjjjjj<Enter>"),
        (Tab::Timeline, "z"),
        (Tab::Timeline, "z++"),
        (Tab::Timeline, "jjjz-"),
        (Tab::Meetings, "m"),
        (Tab::Meetings, "jjjjjjjjjm"),
        (Tab::Meetings, "b"),
        (Tab::Results, "jj<Enter>"),
    ];
    for lang in [Lang::Zh, Lang::En] {
        for (width, height) in [(60, 15), (80, 24), (120, 40), (200, 60)] {
            for (tab, keys) in views {
                let shown = screens::screen(lang, tab, width, height, keys);
                let open = unclosed(&shown);
                assert!(
                    open.is_empty(),
                    "{lang:?} {tab:?} {keys} {width}x{height}: {open:#?}\n{shown}"
                );
            }
        }
    }
}

#[test]
fn the_overview_and_the_results_lead_with_the_declared_totals() {
    // The summit's outcome documents: 24 declared, none in the sources. A bare "0/24" reads
    // as "no documents" while the Tianjin Declaration is listed below it.
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        let shown = screen(Tab::Overview, width, height, "");
        assert!(!shown.contains("0/24"), "{width}x{height}\n{shown}");
        // The overview at 80 columns shows the chart further down.
        assert!(
            shown.contains("24项 · 来源中0项") || width == 80,
            "{width}x{height}\n{shown}"
        );
        // The results table: the section's rows say the same in words.
        let shown = screen(Tab::Results, width, height, "t峰会成果<Enter><Enter>");
        assert!(!shown.contains("0/24"), "{width}x{height}\n{shown}");
        assert!(
            shown.contains("声明24项，来源中有0项"),
            "{width}x{height}\n{shown}"
        );
    }
    let english = screens::screen(Lang::En, Tab::Results, 120, 40, "tSummit outcome<Enter>");
    assert!(
        english.contains("24 declared, 0 in the sources"),
        "{english}"
    );
}
