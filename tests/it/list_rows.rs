//! List rows that go on onto a second line (or a third) where the list has the rows for
//! it: every title reads whole, and the selection and clicks treat the lines as one row.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::support::screens::app;

use sco_dash::app::input::{Input, Mouse, MouseKind};
use sco_dash::app::layout::inner;
use sco_dash::app::{App, Tab};
use sco_dash::data::Lang;
use sco_dash::ui::Theme;
use sco_dash::ui::snapshot::{draw, row_cells};

/// The list's inside, one string a row.
fn list_rows(app: &App, buf: &Buffer) -> (Rect, Vec<String>) {
    let list = inner(app.areas().unwrap().list.expect("the list is on screen"));
    let rows = (list.y..list.bottom())
        .map(|y| {
            row_cells(buf, y)
                .iter()
                .filter(|(x, _, _)| (list.x..list.right()).contains(x))
                .map(|(_, s, _)| *s)
                .collect()
        })
        .collect();
    (list, rows)
}

fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_outcome_title_reads_whole_in_the_list() {
    for lang in Lang::ALL {
        for (width, height) in [(80, 24), (100, 30)] {
            let app = app(lang, Tab::Outcomes, width, height, "");
            let buf = draw(&app, &Theme::default());
            let (_, rows) = list_rows(&app, &buf);
            let shown = squeezed(&rows.concat());
            for outcome in &app.catalog().data.outcomes {
                assert!(
                    shown.contains(&squeezed(&outcome.title)),
                    "{lang} {width}x{height}: {} is not whole in\n{}",
                    outcome.title,
                    rows.join("\n")
                );
            }
        }
    }
}

#[test]
fn a_click_on_a_rows_second_line_selects_that_row_and_both_lines_show_it_selected() {
    let mut app = app(Lang::En, Tab::Outcomes, 80, 24, "");
    let buf = draw(&app, &Theme::default());
    let (list, rows) = list_rows(&app, &buf);
    // Outcome 2's title is longer than the list is wide.
    let first = rows
        .iter()
        .position(|r| r.starts_with("2 Spoke up"))
        .expect("outcome 2 is listed");
    let second = list.y + first as u16 + 1;
    assert!(
        rows[first + 1].starts_with("  "),
        "its title goes on under itself: {:?}",
        rows[first + 1]
    );
    app.handle(Input::Mouse(Mouse {
        kind: MouseKind::Click,
        column: list.x + 10,
        row: second,
    }));
    let selected = app.pane().selected;
    assert_eq!(app.catalog().data.outcomes[selected].n, 2);
    let buf = draw(&app, &Theme::default());
    let style = |y: u16| buf[(list.x + 40, y)].style();
    assert_eq!(style(second - 1), style(second), "both lines are the row");
    assert_ne!(
        style(second),
        style(second + 1),
        "the next row is not selected"
    );
}

#[test]
fn no_two_rows_of_the_voices_read_the_same() {
    // Many rows share a date, a speaker and an office: what was said tells them apart.
    for lang in Lang::ALL {
        for (width, height) in [(80, 24), (120, 40)] {
            let app = app(lang, Tab::Voices, width, height, "");
            let buf = draw(&app, &Theme::default());
            let (_, rows) = list_rows(&app, &buf);
            let rows: Vec<&String> = rows.iter().filter(|r| !r.trim().is_empty()).collect();
            for (i, row) in rows.iter().enumerate() {
                assert!(
                    !rows[i + 1..].contains(row),
                    "{lang} {width}x{height}: twice {row:?}"
                );
            }
        }
    }
}

#[test]
fn where_not_every_title_can_go_on_the_spare_rows_hold_those_from_the_top() {
    let app = app(Lang::En, Tab::Outcomes, 60, 15, "");
    let buf = draw(&app, &Theme::default());
    let (_, rows) = list_rows(&app, &buf);
    let outcomes = &app.catalog().data.outcomes;
    let shown = squeezed(&rows.concat());
    for outcome in &outcomes[..3] {
        assert!(
            shown.contains(&squeezed(&outcome.title)),
            "{}",
            rows.join("\n")
        );
    }
    assert!(
        rows.iter().all(|r| !r.trim().is_empty()),
        "no row left blank while a title is cut:\n{}",
        rows.join("\n")
    );
    // Every outcome is still on screen, the rest on a line each.
    for outcome in outcomes {
        assert!(
            rows.iter()
                .any(|r| r.starts_with(&format!("{} ", outcome.n)))
        );
    }
}

#[test]
fn initiative_titles_begin_with_their_start_and_no_two_rows_read_the_same() {
    // Issue 19 §3: the texts begin alike (中方将成立中国—上海合作组织…), so a row must show
    // what tells it apart without dropping its beginning behind a leading "…".
    for lang in Lang::ALL {
        let heading = match lang {
            Lang::Zh => "倡议",
            Lang::En => "Initiative",
            Lang::Ru => "Инициатива",
        };
        for (width, height) in [(80, 24), (120, 40)] {
            let app = app(lang, Tab::Initiatives, width, height, "");
            let buf = draw(&app, &Theme::default());
            let list = inner(app.areas().unwrap().list.expect("the list is on screen"));
            let cells = |y: u16| -> Vec<(u16, &str)> {
                row_cells(&buf, y)
                    .into_iter()
                    .filter(|(x, _, _)| (list.x..list.right()).contains(x))
                    .map(|(x, s, _)| (x, s))
                    .collect()
            };
            let header = cells(list.y);
            let at = (0..header.len())
                .find(|&i| {
                    header[i..]
                        .iter()
                        .map(|(_, s)| *s)
                        .collect::<String>()
                        .starts_with(heading)
                })
                .unwrap_or_else(|| panic!("{lang} {width}x{height}: no {heading} column"));
            let column = header[at].0;
            let mut titles: Vec<String> = Vec::new();
            for y in list.y + 1..list.bottom() {
                let row = cells(y);
                let numbered = row
                    .first()
                    .is_some_and(|(_, s)| s.starts_with(|c: char| c.is_ascii_digit()));
                if !numbered {
                    continue;
                }
                let title: String = row
                    .iter()
                    .filter(|(x, _)| *x >= column)
                    .map(|(_, s)| *s)
                    .collect();
                let whole: String = row.iter().map(|(_, s)| *s).collect();
                assert!(
                    !title.starts_with('…') && !title.starts_with(' '),
                    "{lang} {width}x{height}: {whole:?}"
                );
                let title = title.trim_end().to_string();
                assert!(
                    !titles.contains(&title),
                    "{lang} {width}x{height}: twice {title:?}"
                );
                titles.push(title);
            }
            assert!(titles.len() >= 10, "{lang} {width}x{height}: {titles:?}");
        }
    }
}
