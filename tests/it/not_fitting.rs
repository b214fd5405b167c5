//! What does not fit says so: a chart taller than its frame gives the rows it shows, the
//! map counts the names it has no room for, the axis the events it has no lane for, the
//! picker and the help where they stand — in every language, at the sizes a room uses.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::support::screens::app;

use sco_dash::app::{App, Tab};
use sco_dash::data::Lang;
use sco_dash::text::glyphs::Glyph;
use sco_dash::ui::Theme;
use sco_dash::ui::snapshot::{draw, row_cells, to_text};

const SIZES: [(u16, u16); 3] = [(60, 15), (80, 24), (120, 40)];

/// A row of the screen, between two columns.
fn text_at(buf: &Buffer, y: u16, from: u16, to: u16) -> String {
    row_cells(buf, y)
        .iter()
        .filter(|(x, _, _)| (from..to).contains(x))
        .map(|(_, s, _)| *s)
        .collect()
}

fn top_and_bottom(app: &App, area: Rect) -> (String, String) {
    let buf = draw(app, &Theme::default());
    (
        text_at(&buf, area.y, area.x, area.right()),
        text_at(&buf, area.bottom() - 1, area.x, area.right()),
    )
}

/// "12/45" or "3–20/45" at the end of a frame's border: the last number is the whole.
fn says_of(border: &str) -> Option<usize> {
    let (_, after) = border.rsplit_once('/')?;
    after
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
}

#[test]
fn a_chart_taller_than_its_frame_says_which_rows_it_shows() {
    for lang in Lang::ALL {
        for (width, height) in SIZES {
            for tab in [Tab::Initiatives, Tab::Meetings] {
                let app = app(lang, tab, width, height, "b");
                let area = app.areas().unwrap().map.expect("the charts are on");
                let inside = usize::from(area.height - 2);
                let groups = sco_dash::app::chart::for_tab(app.catalog(), tab);
                let rows = sco_dash::app::chart::lay_out(&groups, usize::from(area.width - 2))
                    .rows
                    .len();
                let (_, bottom) = top_and_bottom(&app, area);
                if rows > inside {
                    assert_eq!(
                        says_of(&bottom),
                        Some(rows),
                        "{lang} {width}x{height} {tab:?}: {bottom}"
                    );
                } else {
                    assert_eq!(
                        says_of(&bottom),
                        None,
                        "{lang} {width}x{height} {tab:?}: {bottom}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_map_counts_the_names_it_has_no_room_for() {
    let mut counted = 0;
    for lang in Lang::ALL {
        for (width, height) in SIZES {
            let app = app(lang, Tab::Meetings, width, height, "m");
            let area = app.areas().unwrap().map.expect("the map is on");
            let (top, _) = top_and_bottom(&app, area);
            let w = lang.words();
            let said = (1..200).find(|&n| top.contains((w.map_more)(n).as_str()));
            counted += usize::from(said.is_some());
            // The count is of names, in the language's words.
            if let Some(n) = said {
                assert!(n > 0, "{lang} {width}x{height}: {top}");
            }
        }
    }
    assert!(counted > 0, "at some size the map has more names than room");
}

#[test]
fn the_axis_counts_the_events_it_has_no_lane_for() {
    let mut counted = 0;
    for lang in Lang::ALL {
        for (width, height) in SIZES {
            let app = app(lang, Tab::Timeline, width, height, "z");
            let area = app
                .areas()
                .unwrap()
                .list
                .expect("the axis is where the list is");
            let (_, bottom) = top_and_bottom(&app, area);
            let w = lang.words();
            if let Some(n) = (1..200).find(|&n| bottom.contains((w.axis_more)(n).as_str())) {
                counted += 1;
                let shown = to_text(&draw(&app, &Theme::default()));
                assert!(shown.contains('+'), "a + marks where: {shown}");
                assert!(n < app.list().items.len());
            }
        }
    }
    assert!(
        counted > 0,
        "at some size the axis has more events than lanes"
    );
}

#[test]
fn a_picker_longer_than_the_screen_says_where_it_stands() {
    for lang in Lang::ALL {
        let app = app(lang, Tab::Timeline, 60, 15, "Y");
        let choices = app.picker_choices().len();
        let shown = to_text(&draw(&app, &Theme::default()));
        let footer = shown
            .lines()
            .find(|l| l.contains(Glyph::KeyUp.as_str()))
            .expect("the picker's footer");
        assert!(
            footer.contains(&format!("/{choices} {}", Glyph::Separator)),
            "{lang}: {shown}"
        );
    }
}
