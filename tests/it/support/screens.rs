//! The dashboard drawn in-process on the embedded data (both languages), as the render,
//! typesetting and property tests read it: one catalog per test binary.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, OnceLock};

use sco_dash::app::input::{Input, parse_keys};
use sco_dash::app::{Action, App, Catalog, Tab};
use sco_dash::data::Lang;
use sco_dash::ui::Theme;
use sco_dash::ui::snapshot::{draw, to_text};

/// The embedded data set, loaded once.
pub fn catalog() -> Arc<Catalog> {
    static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
    CATALOG
        .get_or_init(|| Arc::new(Catalog::embedded().expect("embedded data loads")))
        .clone()
}

/// The curated (Chinese) data alone, without its English layer: a search matches Chinese
/// words only, as in the first render snapshots.
pub fn chinese_catalog() -> Arc<Catalog> {
    static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
    CATALOG
        .get_or_init(|| {
            Arc::new(Catalog::new(Arc::new(
                sco_dash::data::embedded().expect("embedded data loads"),
            )))
        })
        .clone()
}

/// An app in `lang` on `tab` after `keys` (key notation: `jj<Enter>`).
pub fn app(lang: Lang, tab: Tab, width: u16, height: u16, keys: &str) -> App {
    app_on(catalog(), lang, tab, width, height, keys)
}

/// As [`app`], on `catalog`.
pub fn app_on(
    catalog: Arc<Catalog>,
    lang: Lang,
    tab: Tab,
    width: u16,
    height: u16,
    keys: &str,
) -> App {
    let mut app = App::new(catalog, width, height);
    app.set_lang(lang);
    app.update(Action::GoTo(tab));
    for key in parse_keys(keys).unwrap() {
        app.handle(Input::Key(key));
    }
    app
}

/// What that app shows, as text, in the default theme.
pub fn screen(lang: Lang, tab: Tab, width: u16, height: u16, keys: &str) -> String {
    to_text(&draw(
        &app(lang, tab, width, height, keys),
        &Theme::default(),
    ))
}

/// Chinese on a screen: a CJK ideograph or full-width punctuation.
pub fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// Every record of every pane in `lang`, its detail scrolled through page by page to its
/// end, then the help and the searches `keys` ask for: what `unwanted` finds on any of those
/// screens.
pub fn every_screen_in(lang: Lang, searches: &[&str], unwanted: impl Fn(&str) -> Vec<String>) {
    for (place, shown) in record_screens(lang).iter() {
        let found = unwanted(shown);
        assert!(found.is_empty(), "{lang:?} {place}: {found:#?}");
    }
    let theme = Theme::default();
    for keys in searches {
        let shown = to_text(&draw(&app(lang, Tab::Initiatives, 120, 40, keys), &theme));
        assert!(unwanted(&shown).is_empty(), "{keys}: {shown}");
    }
}

/// Each record's screens in `lang` (its place, and the list with the detail page by page),
/// drawn once per test binary: several tests read the same screens, each for what it must
/// not find.
fn record_screens(lang: Lang) -> Arc<Screens> {
    static SCREENS: [OnceLock<Arc<Screens>>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    let slot = Lang::ALL.iter().position(|l| *l == lang).unwrap();
    SCREENS[slot]
        .get_or_init(|| Arc::new(draw_every_record(lang)))
        .clone()
}

/// Each record's place ("Meetings item Some(3)") and what its screens show.
type Screens = Vec<(String, String)>;

fn draw_every_record(lang: Lang) -> Screens {
    let theme = Theme::default();
    let mut screens = Vec::new();
    for tab in Tab::ALL {
        let count = sco_dash::app::panes::count(catalog().in_lang(lang), tab).max(1);
        let mut app = app(lang, tab, 120, 40, "");
        for _ in 0..count {
            let mut shown = to_text(&draw(&app, &theme));
            let mut reader = app_at(&app, lang, tab);
            let mut page = to_text(&draw(&reader, &theme));
            shown.push_str(&page);
            for _ in 0..60 {
                reader.handle(Input::Key(sco_dash::app::Key::plain(
                    sco_dash::app::KeyCode::PageDown,
                )));
                let next = to_text(&draw(&reader, &theme));
                if next == page {
                    break;
                }
                shown.push_str(&next);
                page = next;
            }
            screens.push((format!("{tab:?} item {:?}", app.pane().selected), shown));
            app.update(Action::Down);
        }
    }
    screens
}

/// The same place, with the focus in the detail (so paging scrolls the detail).
pub fn app_at(app: &App, lang: Lang, tab: Tab) -> App {
    let mut reader = App::new(catalog(), 120, 40);
    reader.set_lang(lang);
    reader.update(Action::GoTo(tab));
    for _ in 0..app.position().unwrap_or(0) {
        reader.update(Action::Down);
    }
    if tab.has_list() {
        reader.update(Action::Open);
    }
    reader
}
