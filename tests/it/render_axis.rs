//! The timeline's axis (`z`), in both languages: at three zooms at 120x40 and at 80x24. Each
//! snapshot was checked by eye when accepted.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::screens;

use ratatui::style::{Color, Modifier};
use sco_dash::app::{App, Tab};
use sco_dash::data::Lang;
use sco_dash::ui::Theme;
use sco_dash::ui::snapshot::draw;
use sco_dash::ui::theme::Depth;

/// The timeline in `lang` after `keys`.
fn screen(lang: Lang, width: u16, height: u16, keys: &str) -> String {
    screens::screen(lang, Tab::Timeline, width, height, keys)
}

/// The selection: the Council of Heads of State on 09-01 at 10:20, 23 events from the end.
const OPENING: &str = "Gkkkkkkkkkkkkkkkkkkkkkkk";

#[test]
fn the_axis_at_three_zooms_and_on_a_small_screen_in_both_languages() {
    for (lang, suffix) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let shots = [
            ("decades_120x40", 120, 40, "z-"),
            ("years_120x40", 120, 40, "z"),
            ("months_120x40", 120, 40, "z+"),
            ("hours_120x40", 120, 40, "z++"),
            ("years_80x24", 80, 24, "z"),
        ];
        for (name, width, height, keys) in shots {
            let shown = screen(lang, width, height, &format!("{OPENING}{keys}"));
            if lang == Lang::En {
                // The language key's hint names the other language in it: 中文.
                let chinese: Vec<char> = shown
                    .replace("L 中文", "")
                    .chars()
                    .filter(|c| {
                        ('\u{3000}'..='\u{9fff}').contains(c)
                            || ('\u{ff00}'..='\u{ffef}').contains(c)
                    })
                    .collect();
                assert!(chinese.is_empty(), "{name}: {chinese:?}\n{shown}");
            }
            insta::assert_snapshot!(format!("axis_{name}_{suffix}"), shown);
        }
    }
}

fn app(width: u16, height: u16, keys: &str) -> App {
    screens::app(Lang::Zh, Tab::Timeline, width, height, keys)
}

#[test]
fn without_colour_the_selection_is_reversed_and_the_marks_keep_their_shapes() {
    let app = app(120, 40, &format!("{OPENING}z"));
    let buf = draw(&app, &Theme::new(Depth::Mono));
    let list = app.areas().unwrap().list.unwrap();
    let mut reversed = Vec::new();
    let mut shapes = std::collections::BTreeSet::new();
    // Above the legend's row (whose glyphs are the legend's, not marks).
    for y in list.y + 2..list.bottom() - 2 {
        for x in list.x + 1..list.right() - 1 {
            let cell = &buf[(x, y)];
            if ["*", "o"].contains(&cell.symbol()) {
                shapes.insert(cell.symbol().to_string());
                assert_eq!(cell.fg, Color::Reset, "no colour at ({x}, {y})");
                if cell.modifier.contains(Modifier::REVERSED) {
                    reversed.push(cell.symbol().to_string());
                }
            }
        }
    }
    assert_eq!(reversed, ["*"], "one selected mark, filled: it has a day");
    assert_eq!(shapes.len(), 2, "filled and hollow marks: {shapes:?}");
}

#[test]
fn in_sixteen_colours_the_axis_uses_only_the_sixteen() {
    let app = app(120, 40, &format!("{OPENING}z"));
    let buf = draw(&app, &Theme::new(Depth::Ansi16));
    let list = app.areas().unwrap().list.unwrap();
    for y in list.y..list.bottom() {
        for x in list.x..list.right() {
            let cell = &buf[(x, y)];
            for colour in [cell.fg, cell.bg] {
                assert!(
                    !matches!(colour, Color::Rgb(..) | Color::Indexed(16..)),
                    "({x}, {y}): {colour:?}"
                );
            }
        }
    }
}

#[test]
fn the_axis_opens_on_the_summit_unless_a_record_was_chosen() {
    for lang in [Lang::Zh, Lang::En] {
        let words = lang.words();
        for (width, height) in [(80, 24), (120, 40)] {
            // Straight from the tab: the summit's days are in the window, named, and its
            // first event is the selection spelled out on top.
            let shown = screen(lang, width, height, "z");
            assert!(shown.contains(words.axis_summit), "{lang:?}\n{shown}");
            let app = screens::app(lang, Tab::Timeline, width, height, "z");
            let summit = app.catalog().data.summit.as_ref().unwrap();
            let title = shown.lines().nth(2).unwrap();
            assert!(title.contains(&(words.date)(summit.start)), "{title}");
            // The legend says what the glyphs are.
            assert!(shown.contains(words.axis_legend[0]), "{shown}");
        }
        // A record chosen in the list first: the axis opens on it, far from the summit.
        let shown = screen(lang, 120, 40, "jz");
        assert!(!shown.contains(words.axis_summit), "{lang:?}\n{shown}");
    }
}

#[test]
fn the_hours_zoom_dates_its_first_tick() {
    for lang in Lang::ALL {
        for (width, height) in [(80, 24), (120, 40)] {
            let shown = screen(lang, width, height, "z++");
            let lines: Vec<&str> = shown.lines().collect();
            // The tick labels' row is the one above the legend's.
            let legend = lines
                .iter()
                .position(|l| l.contains(lang.words().axis_legend[1]))
                .unwrap_or_else(|| panic!("{shown}"));
            let first = lines[legend - 1]
                .trim_start_matches(['┃', '│', ' '])
                .to_string();
            let dated = match lang {
                Lang::Zh => first.starts_with("8月31日"),
                Lang::En => first.starts_with("31 Aug"),
                Lang::Ru => first.starts_with("31 авг."),
            };
            assert!(dated, "{lang:?} {width}x{height}: {first}");
        }
    }
}
