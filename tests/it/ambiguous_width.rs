//! Terminals that draw East Asian Ambiguous characters two cells wide (CJK setups of iTerm2,
//! VTE, xterm, PuTTY, mintty, WezTerm). Every screen is drawn, its diff replayed into a model
//! of such a terminal, and each row compared with what the app meant to show.
//! One test sets the process-wide mode; the others measure in a mode of their own thread.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::screens;

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use sco_dash::app::{Catalog, Tab};
use sco_dash::data::files::ALL as DATA_FILES;
use sco_dash::data::{FileText, Lang, load_texts};
use sco_dash::text::width::{Ambiguous, is_ambiguous, with_ambiguous};
use sco_dash::ui::Theme;
use sco_dash::ui::snapshot::draw;
use screens::chinese_catalog;
use unicode_width::UnicodeWidthStr;

/// A terminal grid where ambiguous characters take two cells: each write lands at a column,
/// a glyph that crosses the right edge or is cut by a later write counts as damage.
struct WideTerminal {
    width: u16,
    rows: Vec<Vec<Option<String>>>,
}

impl WideTerminal {
    fn new(width: u16, height: u16) -> Self {
        WideTerminal {
            width,
            rows: vec![vec![Some(" ".to_string()); usize::from(width)]; usize::from(height)],
        }
    }

    /// Writes as a terminal does: the glyph covers its cells; a wide glyph partly covered is
    /// erased; a glyph that does not fit before the edge wraps (here: returns false).
    fn write(&mut self, x: u16, y: u16, symbol: &str) -> bool {
        let cells = symbol.width_cjk().max(1) as u16;
        if x + cells > self.width {
            return false;
        }
        let row = &mut self.rows[usize::from(y)];
        for i in x..x + cells {
            // Erase any glyph whose cells we cover.
            let mut start = usize::from(i);
            while start > 0 && row[start].is_none() {
                start -= 1;
            }
            if start != usize::from(i) || row[start].as_deref().is_some_and(|s| s.width_cjk() > 1) {
                let w = row[start].as_deref().map_or(1, |s| s.width_cjk().max(1));
                for j in start..(start + w).min(row.len()) {
                    row[j] = Some(" ".to_string());
                }
            }
        }
        row[usize::from(x)] = Some(symbol.to_string());
        for i in x + 1..x + cells {
            row[usize::from(i)] = None;
        }
        true
    }
}

/// The screens to check: every tab, its detail, the help, search everything, the meetings
/// map, the timeline axis.
fn screens() -> Vec<(String, Tab, &'static str)> {
    let mut screens = Vec::new();
    for tab in Tab::ALL {
        // The last: the timeline's axis, its first line a title in curly quotes.
        for keys in [
            "",
            "jj<Enter>",
            "?",
            ":天津",
            "jjjjjjjjjm",
            "Gkkkkkkkkkkkkkkkkkkkkkkkkz",
        ] {
            screens.push((format!("{tab:?} {keys:?}"), tab, keys));
        }
    }
    screens
}

fn render(tab: Tab, keys: &str, width: u16, height: u16) -> Buffer {
    let app = screens::app_on(chinese_catalog(), Lang::Zh, tab, width, height, keys);
    draw(&app, &Theme::default())
}

/// Rows whose cells do not show on the wide terminal where the buffer put them.
fn broken_rows(buf: &Buffer) -> Vec<u16> {
    let area = buf.area;
    let mut terminal = WideTerminal::new(area.width, area.height);
    let empty = Buffer::empty(Rect::new(0, 0, area.width, area.height));
    let mut broken = Vec::new();
    for (x, y, cell) in empty.diff(buf) {
        if !terminal.write(x, y, cell.symbol()) && !broken.contains(&y) {
            broken.push(y);
        }
    }
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let symbol = buf[(x, y)].symbol();
            let shown = terminal.rows[usize::from(y)][usize::from(x)].as_deref();
            if shown != Some(symbol) && !broken.contains(&y) {
                broken.push(y);
            }
            x += symbol.width_cjk().max(1) as u16;
        }
    }
    broken
}

#[test]
fn every_screen_is_whole_on_a_wide_ambiguous_terminal_in_wide_mode_and_not_in_narrow() {
    // The mode is this thread's alone (`with_ambiguous`): the other tests in this binary
    // draw beside this one.
    let mut narrow_broken = 0;
    for (width, height) in [(80, 24), (120, 40)] {
        with_ambiguous(Ambiguous::Narrow, || {
            for (_, tab, keys) in screens() {
                narrow_broken += broken_rows(&render(tab, keys, width, height)).len();
            }
        });
        with_ambiguous(Ambiguous::Wide, || {
            for (name, tab, keys) in screens() {
                let buf = render(tab, keys, width, height);
                let broken = broken_rows(&buf);
                assert!(
                    broken.is_empty(),
                    "{name} at {width}x{height}: rows {broken:?} break:\n{}",
                    sco_dash::ui::snapshot::to_text(&buf)
                );
            }
        });
    }
    // Any size, tiny to huge, in wide mode: whole rows and no panic.
    with_ambiguous(Ambiguous::Wide, || {
        for (width, height) in [(1, 1), (12, 3), (59, 14), (60, 15), (67, 20), (99, 30)] {
            for (name, tab, keys) in screens() {
                let buf = render(tab, keys, width, height);
                assert!(broken_rows(&buf).is_empty(), "{name} at {width}x{height}");
            }
        }
    });
    // The model does catch the breakage the narrow layout causes on such a terminal.
    eprintln!("rows broken by the narrow layout: {narrow_broken}");
    assert!(narrow_broken > 100, "{narrow_broken}");
}

/// The embedded data with every ambiguous character replaced by `x`: on its screens, an
/// ambiguous glyph can only be the chrome's own.
fn catalog_without_ambiguous_data() -> Arc<Catalog> {
    let texts: Vec<FileText> = DATA_FILES
        .iter()
        .map(|file| FileText {
            file: *file,
            display: file.name.to_string(),
            text: file
                .embedded
                .chars()
                .map(|c| {
                    if is_ambiguous(c.encode_utf8(&mut [0; 4])) {
                        'x'
                    } else {
                        c
                    }
                })
                .collect::<String>()
                .into(),
        })
        .collect();
    let data = load_texts(&texts)
        .map_err(|e| e.errors.to_string())
        .unwrap()
        .data;
    Arc::new(Catalog::new(Arc::new(data)))
}

/// Every cell of every screen (each tab, its list and detail, the in-pane search, sorting,
/// the help and its scrolled footer, search everything, the too-small message) in `mode`:
/// (screen, ambiguous glyphs found in it).
fn ambiguous_cells(catalog: &Arc<Catalog>, mode: Ambiguous) -> Vec<(String, Vec<String>)> {
    let keys = [
        "",
        "jj<Enter>",
        "G<Enter>",
        "?",
        "?G",
        ":天津",
        ":会见",
        "/天津",
        "sS",
        "ss",
        "t",
        "c",
        "Y",
        "t<Enter>",
        "Y<Enter>",
        "jjjjjjjjjm",
        "Gkkkkkkkkkkkkkkkkkkkkkkkz-",
        "Gkkkkkkkkkkkkkkkkkkkkkkkz++",
    ];
    let mut found = Vec::new();
    with_ambiguous(mode, || {
        for (width, height) in [(80, 24), (120, 40), (40, 10)] {
            for tab in Tab::ALL {
                for keys in keys {
                    let app = screens::app_on(catalog.clone(), Lang::Zh, tab, width, height, keys);
                    let buf = draw(&app, &Theme::default());
                    let glyphs: Vec<String> = buf
                        .content()
                        .iter()
                        .map(|cell| cell.symbol().to_string())
                        .filter(|symbol| is_ambiguous(symbol))
                        .collect();
                    if !glyphs.is_empty() {
                        found.push((format!("{tab:?} {keys:?} at {width}x{height}"), glyphs));
                    }
                }
            }
        }
    });
    found
}

#[test]
fn in_wide_mode_no_chrome_cell_holds_an_ambiguous_glyph() {
    let catalog = catalog_without_ambiguous_data();
    // The check can see the chrome's glyphs: narrow mode draws them (─ │ · → … ▲ – “ × …).
    let narrow = ambiguous_cells(&catalog, Ambiguous::Narrow);
    assert!(narrow.len() > 200, "{}", narrow.len());
    let wide = ambiguous_cells(&catalog, Ambiguous::Wide);
    assert!(wide.is_empty(), "{wide:?}");
}
