//! The charts (`b`): toggling, selecting a record marks its bar, clicking a bar selects its
//! record.

use chrono::Datelike;

use super::*;
use crate::app::chart;
use crate::app::input::Key;

use crate::app::testing::app;

fn keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        app.handle(Input::Key(Key::char(c)));
    }
}

fn click(app: &mut App, column: u16, row: u16) {
    app.handle(Input::Mouse(Mouse {
        kind: MouseKind::Click,
        column,
        row,
    }));
}

/// The chart's area inside its frame, and its rows as drawn from the top of that area.
fn chart_rows(app: &App) -> (ratatui::layout::Rect, chart::Layout, usize) {
    let area = inner(app.areas().and_then(|a| a.map).expect("the chart is on"));
    let layout = chart::lay_out(
        &chart::for_tab(app.catalog(), app.tab()),
        usize::from(area.width),
    );
    let selected = app.position().map(|_| app.pane().selected);
    let first = chart::first_row(&layout, selected, usize::from(area.height));
    (area, layout, first)
}

#[test]
fn b_toggles_the_charts_in_the_maps_place_and_the_map_turns_them_off() {
    let mut app = app(120, 40);
    app.update(Action::GoTo(Tab::Initiatives));
    keys(&mut app, "b");
    assert!(app.pane().chart);
    let areas = app.areas().expect("fits");
    assert!(areas.map.is_some() && areas.detail.is_none());
    keys(&mut app, "b");
    assert!(!app.pane().chart);
    assert!(app.areas().expect("fits").map.is_none());
    // On the meetings the map and the charts share the place: one at a time.
    app.update(Action::GoTo(Tab::Meetings));
    keys(&mut app, "mb");
    assert!(app.pane().chart && !app.pane().map);
    keys(&mut app, "m");
    assert!(app.pane().map && !app.pane().chart);
    // Panes without charts ignore the key.
    app.update(Action::GoTo(Tab::Timeline));
    keys(&mut app, "b");
    assert!(!app.pane().chart);
}

#[test]
fn clicking_a_bar_selects_its_initiative_and_selecting_one_scrolls_to_its_bar() {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = app(width, height);
        app.update(Action::GoTo(Tab::Initiatives));
        keys(&mut app, "b");
        let (area, layout, first) = chart_rows(&app);
        // Every bar on screen: a click on it selects its initiative.
        for row in 0..usize::from(area.height) {
            let Some(&item) = layout.items_at(first + row).first() else {
                continue;
            };
            click(&mut app, area.x + 3, area.y + row as u16);
            assert_eq!(app.pane().selected, item, "{width}x{height} row {row}");
        }
        // A click on a heading changes nothing.
        let before = app.pane().selected;
        let (area, layout, first) = chart_rows(&app);
        if let Some(row) =
            (0..usize::from(area.height)).find(|r| layout.items_at(first + r).is_empty())
        {
            click(&mut app, area.x, area.y + row as u16);
            assert_eq!(app.pane().selected, before);
        }
        // The last initiative with a commitment (23): its bar is on screen once selected.
        keys(&mut app, "G");
        let last = app
            .catalog()
            .data
            .initiatives
            .iter()
            .rposition(|i| !i.commitments.is_empty())
            .expect("some commitment");
        while app.pane().selected != last {
            keys(&mut app, "k");
        }
        let (area, layout, first) = chart_rows(&app);
        let row = layout.row_of(last).expect("its bar");
        assert!((first..first + usize::from(area.height)).contains(&row));
    }
}

#[test]
fn clicking_a_days_bar_selects_that_days_first_meeting_in_the_list() {
    let mut app = app(120, 40);
    app.update(Action::GoTo(Tab::Meetings));
    keys(&mut app, "b");
    let (area, layout, first) = chart_rows(&app);
    let row = (0..layout.rows.len())
        .find(|&r| layout.items_at(r).len() > 1)
        .expect("a day with several meetings");
    click(&mut app, area.x, area.y + (row - first) as u16);
    let meeting = &app.catalog().data.meetings[app.pane().selected];
    let chart::ChartRow::Bar { label, .. } = &layout.rows[row] else {
        panic!("a bar")
    };
    let day = meeting.date.expect("dated").0;
    let short_day = app.catalog().words().short_day;
    assert_eq!(short_day(day.month(), day.day()), label.trim());
    assert_eq!(app.pane().selected, layout.items_at(row)[0]);
}

#[test]
fn the_wheel_over_the_charts_moves_the_selection() {
    let mut app = app(120, 40);
    app.update(Action::GoTo(Tab::Initiatives));
    keys(&mut app, "b");
    let area = app.areas().and_then(|a| a.map).expect("the chart");
    app.handle(Input::Mouse(Mouse {
        kind: MouseKind::ScrollDown,
        column: area.x + 2,
        row: area.y + 2,
    }));
    assert_eq!(app.position(), Some(1));
}
