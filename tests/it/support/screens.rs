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
