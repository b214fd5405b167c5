//! `update` and `handle`, one table per family of actions: each row is where the app
//! starts, what it is given, and what a user then sees of its state.

use super::*;
use crate::app::input::Key;

fn app() -> App {
    crate::app::testing::app(120, 40)
}

fn keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        app.handle(Input::Key(Key::char(c)));
    }
}

fn key(app: &mut App, code: KeyCode) {
    app.handle(Input::Key(Key::plain(code)));
}

#[test]
fn moving_through_a_list() {
    // (tab, actions, the selected item's place afterwards)
    let table: &[(Tab, &[Action], usize)] = &[
        (Tab::Meetings, &[Action::Down], 1),
        (Tab::Meetings, &[Action::Down, Action::Down, Action::Up], 1),
        (Tab::Meetings, &[Action::Up], 0),
        (Tab::Meetings, &[Action::Bottom], 20),
        (Tab::Meetings, &[Action::Bottom, Action::Down], 20),
        (Tab::Meetings, &[Action::Bottom, Action::Top], 0),
        (Tab::Outcomes, &[Action::PageDown], 7),
        (
            Tab::Initiatives,
            &[Action::HalfPageDown, Action::HalfPageUp],
            0,
        ),
    ];
    for (tab, actions, place) in table {
        let mut app = app();
        app.update(Action::GoTo(*tab));
        for action in *actions {
            app.update(*action);
        }
        assert_eq!(app.position(), Some(*place), "{tab:?} {actions:?}");
    }
}

#[test]
fn switching_tabs() {
    let table: &[(&[Action], Tab)] = &[
        (&[Action::NextTab], Tab::Outcomes),
        (&[Action::PreviousTab], Tab::Voices),
        (
            &[Action::GoTo(Tab::Timeline), Action::NextTab],
            Tab::Meetings,
        ),
        (&[Action::GoTo(Tab::Results), Action::NextTab], Tab::Voices),
        (&[Action::GoTo(Tab::Voices), Action::NextTab], Tab::Overview),
    ];
    for (actions, tab) in table {
        let mut app = app();
        for action in *actions {
            app.update(*action);
        }
        assert_eq!(app.tab, *tab, "{actions:?}");
    }
}

#[test]
fn the_search_line() {
    // (typed after `/` on the meetings, then a final key; the kept query, the mode after)
    let table: &[(&str, KeyCode, &str, bool)] = &[
        ("普京", KeyCode::Enter, "普京", false),
        ("普京", KeyCode::Esc, "", false),
        ("puj", KeyCode::Backspace, "", true),
        ("  tj  ", KeyCode::Enter, "tj", false),
    ];
    for (typed, last, kept, still_typing) in table {
        let mut app = app();
        app.update(Action::GoTo(Tab::Meetings));
        app.update(Action::Search);
        keys(&mut app, typed);
        key(&mut app, *last);
        assert_eq!(app.pane().query, *kept, "{typed:?} then {last:?}");
        assert_eq!(
            matches!(app.mode, Mode::Search(_)),
            *still_typing,
            "{typed:?} then {last:?}"
        );
    }
    // Ctrl-u clears, Ctrl-a and Ctrl-e move to the ends.
    let mut app = app();
    app.update(Action::GoTo(Tab::Meetings));
    app.update(Action::Search);
    keys(&mut app, "ab");
    app.handle(Input::Key(Key::ctrl('a')));
    keys(&mut app, "x");
    app.handle(Input::Key(Key::ctrl('e')));
    keys(&mut app, "y");
    let Mode::Search(line) = &app.mode else {
        panic!("still searching")
    };
    assert_eq!(line.text(), "xaby");
    app.handle(Input::Key(Key::ctrl('u')));
    let Mode::Search(line) = &app.mode else {
        panic!("still searching")
    };
    assert_eq!(line.text(), "");
}

#[test]
fn the_help_overlay() {
    // (actions, open afterwards)
    let table: &[(&[Action], bool)] = &[
        (&[Action::ToggleHelp], true),
        (&[Action::ToggleHelp, Action::ToggleHelp], false),
        (&[Action::ToggleHelp, Action::Down, Action::Down], true),
        (&[Action::ToggleHelp, Action::NextTab], false),
    ];
    for (actions, open) in table {
        let mut app = app();
        for action in *actions {
            app.update(*action);
        }
        assert_eq!(app.help_open(), *open, "{actions:?}");
    }
    let mut app = app();
    app.update(Action::ToggleHelp);
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(
        app.mode,
        Mode::Help {
            scroll: 2,
            find: InputLine::default(),
            typing: false
        },
        "moving keys scroll the help"
    );
    app.update(Action::Top);
    assert_eq!(app.mode, Mode::help());
}

#[test]
fn opening_following_links_and_coming_back() {
    let mut app = app();
    app.update(Action::GoTo(Tab::Outcomes));
    app.update(Action::Open);
    assert_eq!(app.pane().focus, Focus::Detail, "Enter opens the detail");
    let before = (app.tab, app.pane().selected);
    app.update(Action::Open);
    assert_ne!(
        (app.tab, app.pane().selected),
        before,
        "Enter follows the link"
    );
    app.update(Action::Back);
    assert_eq!((app.tab, app.pane().selected), before, "Esc comes back");
    app.update(Action::Back);
    assert_eq!(app.pane().focus, Focus::List, "and then to the list");
}

#[test]
fn filters_sorts_and_clearing() {
    let mut app = app();
    app.update(Action::GoTo(Tab::Initiatives));
    let all = app.view().len();
    // `t` opens the group's picker on its first value; Enter sets it.
    app.update(Action::Filter(crate::app::pane::Facet::Type));
    assert!(matches!(app.mode, Mode::Picker { .. }));
    app.change(Change::Edit(crate::app::keymap::LineAction::Keep));
    let filtered = app.view().len();
    assert!(filtered < all, "a group filter keeps fewer");
    app.update(Action::SortNext);
    assert_eq!(app.pane().sort.column, 1);
    app.update(Action::ClearAll);
    assert_eq!((app.view().len(), app.pane().sort.column), (all, 0));
}

#[test]
fn a_filters_picker_reaches_any_value_by_typing_and_steps_back() {
    let mut app = app();
    keys(&mut app, "4Y");
    let choices = app.picker_choices();
    assert_eq!(choices[0].0, None, "every record first");
    assert_eq!(choices[0].1, app.view().len());
    // Typing narrows to 2025; Enter sets it.
    keys(&mut app, "2025");
    assert_eq!(app.picker_choices().len(), 1);
    app.change(Change::Edit(crate::app::keymap::LineAction::Keep));
    let in_2025 = app.view().len();
    assert!(in_2025 > 0 && in_2025 < choices[0].1);
    // Open again: the value in force is chosen; one up steps back to 2024.
    keys(&mut app, "Y");
    let Mode::Picker { selected, .. } = app.mode.clone() else {
        panic!("the picker is open");
    };
    assert_eq!(
        app.picker_choices()[selected]
            .0
            .as_ref()
            .map(|v| v.label(Lang::Zh)),
        Some("2025".to_string())
    );
    app.change(Change::Edit(crate::app::keymap::LineAction::PreviousHit));
    app.change(Change::Edit(crate::app::keymap::LineAction::Keep));
    assert_eq!(
        app.pane().facets.describe(Lang::Zh, Tab::Timeline),
        ["年份=2024"]
    );
    // Esc leaves it as it was.
    keys(&mut app, "Y");
    app.change(Change::Edit(crate::app::keymap::LineAction::Cancel));
    assert_eq!(
        app.pane().facets.describe(Lang::Zh, Tab::Timeline),
        ["年份=2024"]
    );
}

#[test]
#[expect(
    clippy::too_many_lines,
    reason = "one table, a row per mode and input: read whole, it shows what each mode does with the same key"
)]
fn each_mode_gives_a_key_its_own_meaning() {
    use crate::app::input::Mouse;
    use crate::app::keymap::LineAction;
    let char = |c| Input::Key(Key::char(c));
    let plain = |code| Input::Key(Key::plain(code));
    let search = || {
        let mut app = app();
        keys(&mut app, "5/");
        app
    };
    let palette = || {
        let mut app = app();
        keys(&mut app, ":");
        app
    };
    let help = || {
        let mut app = app();
        keys(&mut app, "?");
        app
    };
    let following = || {
        let mut app = app();
        app.set_presence(Some(crate::app::presence::Presence::follower(Some(
            "alice".into(),
        ))));
        app
    };
    let click = Mouse {
        kind: MouseKind::Click,
        column: 3,
        row: 0,
    };
    // (where the app is, what arrives, what it asks for)
    let table: Vec<(&str, App, Input, Option<Change>)> = vec![
        ("normal", app(), char('j'), Some(Change::Do(Action::Down))),
        (
            "normal",
            app(),
            char('L'),
            Some(Change::Do(Action::ToggleLanguage)),
        ),
        ("normal", app(), Input::Paste("x".into()), None),
        (
            "normal",
            app(),
            Input::Mouse(click),
            Some(Change::Point(click)),
        ),
        (
            "normal",
            app(),
            Input::Resize {
                width: 90,
                height: 30,
            },
            Some(Change::Resize {
                width: 90,
                height: 30,
            }),
        ),
        (
            "search",
            search(),
            char('j'),
            Some(Change::Type("j".into())),
        ),
        (
            "search",
            search(),
            char('L'),
            Some(Change::Type("L".into())),
        ),
        (
            "search",
            search(),
            plain(KeyCode::Enter),
            Some(Change::Edit(LineAction::Keep)),
        ),
        (
            "search",
            search(),
            plain(KeyCode::Esc),
            Some(Change::Edit(LineAction::Cancel)),
        ),
        (
            "search",
            search(),
            Input::Key(Key::ctrl('a')),
            Some(Change::Edit(LineAction::Home)),
        ),
        ("search", search(), Input::Key(Key::ctrl('x')), None),
        (
            "search",
            search(),
            Input::Paste("鲁班".into()),
            Some(Change::Type("鲁班".into())),
        ),
        (
            "palette",
            palette(),
            plain(KeyCode::Down),
            Some(Change::Edit(LineAction::NextHit)),
        ),
        ("help", help(), char('j'), Some(Change::Do(Action::Down))),
        (
            "help",
            help(),
            char('q'),
            Some(Change::Do(Action::ToggleHelp)),
        ),
        // `/` over the help searches the help.
        ("help", help(), char('/'), Some(Change::Do(Action::Search))),
        ("help", help(), char('s'), None),
        ("following", following(), char('j'), None),
        (
            "following",
            following(),
            char('L'),
            Some(Change::Do(Action::ToggleLanguage)),
        ),
        (
            "following",
            following(),
            char('f'),
            Some(Change::Do(Action::Follow)),
        ),
        ("following", following(), Input::Mouse(click), None),
    ];
    for (mode, app, input, expected) in table {
        assert_eq!(app.interpret(input.clone()), expected, "{mode}: {input:?}");
    }
}

#[test]
fn the_meetings_map_toggles_and_takes_turns_with_the_detail() {
    let mut app = app();
    app.update(Action::GoTo(Tab::Meetings));
    let shown = |app: &App| {
        let areas = app.areas().expect("fits");
        (
            areas.list.is_some(),
            areas.map.is_some(),
            areas.detail.is_some(),
        )
    };
    assert_eq!(shown(&app), (true, false, true), "off by default");
    keys(&mut app, "m");
    assert!(app.pane().map);
    assert_eq!(
        shown(&app),
        (true, true, false),
        "m shows the map beside the list"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        shown(&app),
        (true, false, true),
        "Enter gives the detail its turn"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(shown(&app), (true, true, false), "Esc the map again");
    // Turned on while reading the detail, the map shows at once.
    keys(&mut app, "m");
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "m");
    assert_eq!(
        (shown(&app), app.pane().focus),
        ((true, true, false), Focus::List)
    );
    // From 160 columns all three are on screen, and the focus stays where it was.
    app.handle(Input::Resize {
        width: 160,
        height: 45,
    });
    key(&mut app, KeyCode::Enter);
    assert_eq!(shown(&app), (true, true, true));
    keys(&mut app, "m");
    assert_eq!(
        (shown(&app), app.pane().focus),
        ((true, false, true), Focus::Detail)
    );
    // `x` clears the search and filters, not the map; other panes have none.
    keys(&mut app, "mx");
    assert!(app.pane().map);
    keys(&mut app, "3m");
    assert!(!app.pane().map);
    assert!(app.areas().expect("fits").map.is_none());
}

#[test]
fn a_click_on_a_seat_of_the_map_selects_its_first_meeting() {
    let mut app = app();
    app.update(Action::GoTo(Tab::Meetings));
    keys(&mut app, "m");
    let area = inner(app.areas().and_then(|a| a.map).expect("the map"));
    let items: Vec<usize> = app.list().items.to_vec();
    let view = crate::app::map::map_view(app.catalog(), &items, None);
    let projection = crate::app::map::projection(&view, area.width, area.height);
    let moscow = crate::app::map::Point::new(37.62, 55.76).expect("a point");
    let (x, y) = projection.cell(moscow).expect("on the map");
    let click = |app: &mut App, column: u16, row: u16| {
        app.handle(Input::Mouse(Mouse {
            kind: MouseKind::Click,
            column,
            row,
        }));
    };
    // Just beside the mark counts too.
    click(&mut app, area.x + x + 1, area.y + y);
    let selected = &app.catalog().data.meetings[app.pane().selected];
    assert_eq!(selected.counterpart.country, "RU");
    assert_eq!(
        app.position(),
        Some(3),
        "the first of the two meetings with Putin"
    );
    // The sea selects nothing.
    click(&mut app, area.x + 1, area.bottom() - 1);
    assert_eq!(app.position(), Some(3));
}

#[test]
fn apps_on_one_catalog_lay_out_a_detail_once() {
    // As SSH viewers do: the second viewer's overview is the page the first one laid out.
    let (first, second) = (app(), app());
    assert!(Arc::ptr_eq(&first.detail(), &second.detail()));
    // In another mode the layout differs, so it is laid out for that mode.
    let wide =
        crate::text::width::with_ambiguous(crate::text::width::Ambiguous::Wide, || app().detail());
    assert!(!Arc::ptr_eq(&first.detail(), &wide));
}
