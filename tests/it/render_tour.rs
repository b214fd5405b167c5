//! The tour on screen: one step of it with the status bar's indicator, running and paused,
//! in both languages, and the meetings step with its map. Checked by eye when accepted.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::screens;

use std::time::{Duration, Instant};

use sco_dash::app::input::{Input, Key};
use sco_dash::app::{App, Tab};
use sco_dash::data::Lang;
use sco_dash::ui::Theme;
use sco_dash::ui::snapshot::{draw, to_text};
use screens::catalog;

const STEP: Duration = Duration::from_secs(8);

/// A tour ticked on to its step `n` (counted from 1).
fn touring(lang: Lang, width: u16, height: u16, n: usize) -> App {
    let mut app = App::new(catalog(), width, height);
    app.set_lang(lang);
    app.start_tour(STEP);
    let start = Instant::now();
    for i in 0..n {
        assert!(app.tour_tick(start + STEP * i as u32));
    }
    app
}

fn text(app: &App) -> String {
    to_text(&draw(app, &Theme::default()))
}

fn status_line(screen: &str) -> &str {
    screen.lines().last().unwrap()
}

#[test]
fn a_tour_step_with_its_indicator_in_both_languages() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        for (width, height) in [(80, 24), (120, 40)] {
            let app = touring(lang, width, height, 3);
            assert_eq!(app.tab(), Tab::Outcomes);
            let shown = text(&app);
            let indicator = match lang {
                Lang::Zh => "▶ 导览 3/24",
                Lang::En => "▶ Tour 3/24",
                Lang::Ru => "▶ Показ 3/24",
            };
            assert!(status_line(&shown).contains(indicator), "{shown}");
            insta::assert_snapshot!(format!("tour_step_3_{tag}_{width}x{height}"), shown);
        }
    }
}

#[test]
fn a_paused_tour_says_how_to_resume() {
    for (lang, tag, indicator) in [
        (Lang::Zh, "zh", "‖ 导览 3/24 · T 继续"),
        (Lang::En, "en", "‖ Tour 3/24 · T resume"),
    ] {
        let mut app = touring(lang, 80, 24, 3);
        let before = text(&app);
        app.handle(Input::Key(Key::char('j')));
        let shown = text(&app);
        assert!(status_line(&shown).contains(indicator), "{shown}");
        // The key only paused the tour: everything but the status bar is as it was.
        let body = |s: &str| s.lines().take(23).collect::<Vec<_>>().join("\n");
        assert_eq!(body(&shown), body(&before));
        insta::assert_snapshot!(format!("tour_paused_{tag}_80x24"), shown);
    }
}

#[test]
fn the_meetings_step_shows_the_map() {
    let mut app = touring(Lang::Zh, 120, 40, 1);
    let meetings = app
        .tour()
        .unwrap()
        .steps()
        .iter()
        .position(|s| s.tab == Tab::Meetings)
        .unwrap();
    let start = Instant::now();
    for i in 1..=meetings {
        app.tour_tick(start + STEP * (i as u32 + 1));
    }
    assert_eq!(app.tab(), Tab::Meetings);
    assert!(app.pane().map);
    insta::assert_snapshot!("tour_meetings_map_120x40", text(&app));
}

#[test]
fn a_booth_left_alone_goes_back_to_touring_and_a_kiosk_ignores_q() {
    let mut app = App::new(catalog(), 80, 24);
    app.set_kiosk(true);
    app.set_tour_resume(Some(Duration::from_secs(30)));
    app.start_tour(STEP);
    let start = Instant::now();
    assert!(app.tour_tick(start));
    // A visitor's keys pause the tour; `q` does not close the demo.
    app.handle(Input::Key(Key::char('j')));
    app.handle(Input::Key(Key::char('q')));
    assert!(!app.has_quit());
    assert!(app.tour().unwrap().is_paused());
    app.handle(Input::Key(Key::char('2')));
    assert_eq!(app.tab(), Tab::Outcomes);
    let paused = start + Duration::from_secs(1);
    assert!(!app.tour_tick(paused));
    assert!(status_line(&text(&app)).contains("‖ 导览 1/24"));
    // 30 seconds without a key: the tour runs again, from where it paused.
    assert!(!app.tour_tick(paused + Duration::from_secs(29)));
    assert!(app.tour_tick(paused + Duration::from_secs(30)));
    assert_eq!(app.tab(), Tab::Overview);
    assert!(
        status_line(&text(&app)).contains("▶ 导览 1/24"),
        "{}",
        text(&app)
    );
    // Ctrl-c still ends it.
    app.handle(Input::Key(Key::ctrl('c')));
    assert!(app.has_quit());
}

#[test]
fn outside_a_kiosk_q_quits_while_a_tour_is_paused() {
    let mut app = touring(Lang::Zh, 80, 24, 1);
    app.handle(Input::Key(Key::char('j')));
    app.handle(Input::Key(Key::char('q')));
    assert!(app.has_quit());
}
