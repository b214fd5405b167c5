//! A link too long for its line wraps, and every line of it is the same link: moving to it
//! shows all its lines, each is drawn as selected, and a click on any of them selects it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::screens;

use ratatui::layout::Rect;
use ratatui::style::Modifier;
use sco_dash::app::input::{Input, Key, KeyCode, Mouse, MouseKind};
use sco_dash::app::layout::inner;
use sco_dash::app::{Action, App, Tab};
use sco_dash::data::Lang;
use sco_dash::ui::Theme;
use sco_dash::ui::snapshot::draw;
use screens::catalog;

fn key(app: &mut App, code: KeyCode) {
    app.handle(Input::Key(Key::plain(code)));
}

/// The detail's inside, and where on screen its line `line` is drawn (first cell): the
/// page places each line at a row and column (`Doc::place`).
fn place_of(app: &App, line: usize) -> Option<(u16, u16)> {
    let area: Rect = inner(app.areas()?.detail?);
    let place = app.detail().place(line);
    let row = place.row.checked_sub(app.pane().scroll)?;
    if row >= usize::from(area.height) {
        return None;
    }
    Some((
        area.x + u16::try_from(place.x).ok()?,
        area.y + u16::try_from(row).ok()?,
    ))
}

/// Whether the screen row at `at` shows a selected link (drawn reversed).
fn drawn_selected(app: &App, (x, y): (u16, u16)) -> bool {
    let buf = draw(app, &Theme::default());
    let area = inner(app.areas().unwrap().detail.unwrap());
    (x..area.right()).any(|x| buf[(x, y)].modifier.contains(Modifier::REVERSED))
}

fn click(app: &mut App, (column, row): (u16, u16)) {
    app.handle(Input::Mouse(Mouse {
        kind: MouseKind::Click,
        column,
        row,
    }));
}

/// The first wrapped link of each pane at 80x24, in both languages.
#[test]
fn every_line_of_a_wrapped_link_selects_and_clicks_the_same_link() {
    let mut checked = 0;
    for lang in [Lang::Zh, Lang::En] {
        for tab in Tab::ALL {
            let mut app = App::new(catalog(), 80, 24);
            app.set_lang(lang);
            app.update(Action::GoTo(tab));
            let wrapped = |app: &App| {
                let doc = app.detail();
                (0..doc.links.len())
                    .find(|&l| doc.link_lines(l).is_some_and(|lines| lines.len() > 1))
            };
            // The first record with a wrapped link.
            let records = sco_dash::app::panes::count(app.catalog(), tab);
            if tab.has_list() {
                key(&mut app, KeyCode::Enter);
                for _ in 1..records {
                    if wrapped(&app).is_some() {
                        break;
                    }
                    key(&mut app, KeyCode::Esc);
                    key(&mut app, KeyCode::Char('j'));
                    key(&mut app, KeyCode::Enter);
                }
            }
            let doc = app.detail();
            let Some(link) = wrapped(&app) else {
                continue;
            };
            let lines = doc.link_lines(link).unwrap();
            // Walk the link cursor to it: all its lines come into view, drawn selected.
            for _ in 0..=link {
                if app.pane().link == link {
                    break;
                }
                key(&mut app, KeyCode::Char('j'));
            }
            assert_eq!(app.pane().link, link, "{lang:?} {tab:?}");
            for line in lines.clone() {
                let at = place_of(&app, line).unwrap_or_else(|| {
                    panic!("{lang:?} {tab:?}: line {line} of {lines:?} is off screen")
                });
                assert!(
                    drawn_selected(&app, at),
                    "{lang:?} {tab:?}: line {line} not highlighted"
                );
            }
            // A click on any of its lines selects it, after a click on another link shown.
            let other = (0..doc.lines.len()).find(|&l| {
                doc.lines[l].link.is_some_and(|o| o != link) && place_of(&app, l).is_some()
            });
            let mut clicked = 0;
            for line in lines.clone() {
                if let Some(other) = other {
                    let at = place_of(&app, other).unwrap();
                    click(&mut app, at);
                    assert_ne!(app.pane().link, link);
                }
                let at = place_of(&app, line).unwrap();
                click(&mut app, at);
                assert_eq!(
                    app.pane().link,
                    link,
                    "{lang:?} {tab:?}: click on line {line}"
                );
                clicked += 1;
            }
            assert_eq!(
                clicked,
                lines.len(),
                "{lang:?} {tab:?}: every line was on screen"
            );
            checked += 1;
        }
    }
    assert!(checked >= 4, "wrapped links were found in {checked} panes");
}
