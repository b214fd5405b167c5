//! The timeline's axis in the app's state: `z` toggles it on the timeline only, `+`/`-` zoom
//! within its ends, and the list's keys keep moving the one selection.

use super::*;
use crate::app::axis::Zoom;
use crate::app::input::Key;

fn app() -> App {
    App::new(
        Arc::new(Catalog::embedded().expect("the embedded data loads")),
        120,
        40,
    )
}

fn keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        app.handle(Input::Key(Key::char(c)));
    }
}

#[test]
fn z_toggles_the_axis_on_the_timeline_only() {
    let mut app = app();
    keys(&mut app, "z+");
    assert!(!app.pane().axis, "not on the overview");
    app.update(Action::GoTo(Tab::Meetings));
    keys(&mut app, "z");
    assert!(!app.pane().axis, "not on the meetings");
    app.update(Action::GoTo(Tab::Timeline));
    assert!(!app.pane().axis, "off by default");
    keys(&mut app, "+");
    assert_eq!(app.pane().zoom, Zoom::Years, "no zoom without the axis");
    keys(&mut app, "z");
    assert!(app.pane().axis);
    keys(&mut app, "z");
    assert!(!app.pane().axis);
}

#[test]
fn plus_and_minus_zoom_between_decades_and_hours() {
    let mut app = app();
    app.update(Action::GoTo(Tab::Timeline));
    keys(&mut app, "z");
    // (keys, the zoom afterwards)
    let table = [
        ("+", Zoom::Months),
        ("+", Zoom::Hours),
        ("+", Zoom::Hours),
        ("-", Zoom::Months),
        ("--", Zoom::Decades),
        ("-", Zoom::Decades),
        ("=", Zoom::Years),
    ];
    for (typed, zoom) in table {
        keys(&mut app, typed);
        assert_eq!(app.pane().zoom, zoom, "{typed}");
    }
}

#[test]
fn the_list_keys_move_the_selection_the_axis_shows() {
    let mut app = app();
    app.update(Action::GoTo(Tab::Timeline));
    keys(&mut app, "jj");
    let before = app.pane().selected;
    keys(&mut app, "zj");
    assert_ne!(app.pane().selected, before);
    keys(&mut app, "k");
    assert_eq!(app.pane().selected, before);
    keys(&mut app, "z");
    assert_eq!(app.pane().selected, before, "the list keeps the selection");
}
