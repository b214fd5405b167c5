#![allow(clippy::unwrap_used)]

use std::sync::OnceLock;

use super::*;
use crate::app::tour::MIN_INTERVAL;

/// The embedded data with its English layer, loaded once for these tests.
fn catalog() -> Arc<Catalog> {
    static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
    CATALOG
        .get_or_init(|| Arc::new(Catalog::embedded().unwrap()))
        .clone()
}

fn tour_of(langs: &[Lang], interval: Duration) -> Vec<Frame> {
    tour(catalog(), langs, 80, 24, interval, &Theme::default())
}

/// The status bar's text, where the tour says which step it shows.
fn status(frame: &Frame) -> String {
    to_text(&frame.screen).lines().last().unwrap().to_string()
}

#[test]
fn the_tour_is_a_frame_per_step_each_held_for_the_interval() {
    let steps = crate::app::tour::steps(&catalog()).len();
    let frames = tour_of(&[Lang::Zh], Duration::from_secs(3));
    assert_eq!(frames.len(), steps);
    assert!(frames.iter().all(|f| f.hold == Duration::from_secs(3)));
    assert!(status(&frames[0]).contains(&format!("导览 1/{steps}")));
    assert!(status(&frames[steps - 1]).contains(&format!("导览 {steps}/{steps}")));
    // No two steps look the same: the status bar alone tells them apart.
    let merged = animation::merge(&frames);
    assert_eq!(merged.len(), steps);
}

#[test]
fn the_tour_keeps_its_shortest_interval() {
    let frames = tour_of(&[Lang::En], Duration::from_millis(500));
    assert!(frames.iter().all(|f| f.hold == MIN_INTERVAL));
}

#[test]
fn a_bilingual_tour_goes_round_once_in_each_language() {
    let steps = crate::app::tour::steps(&catalog()).len();
    let frames = tour_of(&[Lang::Zh, Lang::En], Duration::from_secs(3));
    assert_eq!(frames.len(), 2 * steps);
    assert!(status(&frames[0]).contains(&format!("导览 1/{steps}")));
    assert!(status(&frames[steps]).contains(&format!("Tour 1/{steps}")));
    // The whole screen is in the language of its pass.
    let tab_bar = |f: &Frame| to_text(&f.screen).lines().next().unwrap().to_string();
    assert!(tab_bar(&frames[1]).contains("八大成果"));
    assert!(tab_bar(&frames[steps + 1]).contains("Outcomes"));
}

#[test]
fn the_tour_svg_says_what_it_shows_and_for_how_long() {
    let svg = tour_svg(
        catalog(),
        &[Lang::Zh, Lang::En],
        (80, 24),
        Duration::from_secs(3),
        &Theme::default(),
    );
    let steps = crate::app::tour::steps(&catalog()).len();
    assert!(svg.contains(&format!(
        "<desc>The sco-dash tour in Chinese, then English ({} screens in a {} s loop, each shown 3 s)</desc>",
        2 * steps,
        6 * steps
    )));
    assert_eq!(svg.matches(r#"class="f""#).count(), 2 * steps);
}
