//! Where everything goes on the screen, as a pure function of the terminal size. Drawing and
//! mouse hit-testing both use it, so a click lands on what is drawn there.
//!
//! ```text
//! ┌ tabs ─────────────────────────────────────────────────┐  1 row
//! │┌ list ──────────────┐┌ detail ───────────────────────┐│
//! ││ rows               ││ the selected item              ││  body
//! │└────────────────────┘└───────────────────────────────┘│
//! └ status: tab · position · key hints ───────────────────┘  1 row
//! ```
//! Below `WIDE` columns the list and the detail take turns: Enter shows the detail, Esc the
//! list.
//!
//! The charts (`b`, on the initiatives and the meetings) take the same place as the map, in
//! the same way: `Areas::map` is where the pane's picture goes, whichever it is.
//!
//! With the meetings map on (`m`), the map takes the detail's place beside the list, and the
//! two take turns there (Enter shows the detail, Esc the map again); below `WIDE` columns it
//! sits under the list. From `THREE_PANES` columns the map sits above the detail:
//! ```text
//! ┌ list ──────────┐┌ map ───────────────────┐
//! │                ││ as tall as the map      │
//! │                │└ wants, up to about half ┘
//! │                │┌ detail ────────────────┐
//! └────────────────┘└────────────────────────┘
//! ```

use ratatui::layout::Rect;

use crate::app::map;
use crate::app::state::Focus;
use crate::app::tab::Tab;
use crate::app::words::Words;
use crate::text::width;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
pub const WIDE: u16 = 100;
/// From here the list, the map and the detail are all on screen.
pub const THREE_PANES: u16 = 160;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub tabs: Rect,
    pub status: Rect,
    /// Framed areas: the list (absent on the overview, and when the detail has the screen).
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
    /// The meetings map or a pane's charts, when on and having their turn.
    pub map: Option<Rect>,
}

pub fn fits(width: u16, height: u16) -> bool {
    width >= MIN_WIDTH && height >= MIN_HEIGHT
}

/// What goes in the picture's place, and how tall it wants to be.
#[derive(Clone, Copy)]
pub enum Picture<'a> {
    Off,
    Map,
    /// The charts, with the rows they want (frame included) at a width.
    Chart(&'a dyn Fn(u16) -> u16),
}

/// The screen's areas; `map` is whether the pane's map is on (see the module's notes).
pub fn areas(width: u16, height: u16, tab: Tab, focus: Focus, map: bool) -> Option<Areas> {
    let picture = if map { Picture::Map } else { Picture::Off };
    areas_with(width, height, tab, focus, picture)
}

/// The screen's areas with the pane's picture, the map or the charts. Beside the list and
/// under it they have the same place; above the detail (from `THREE_PANES` columns) the map
/// takes up to a little over half the height, the charts, which scroll less well than a map
/// shrinks, up to two thirds.
pub fn areas_with(
    width: u16,
    height: u16,
    tab: Tab,
    focus: Focus,
    picture: Picture,
) -> Option<Areas> {
    let map = match picture {
        Picture::Off => false,
        Picture::Map => tab.has_map(),
        Picture::Chart(_) => tab.has_chart(),
    };
    if !fits(width, height) {
        return None;
    }
    let tabs = Rect::new(0, 0, width, 1);
    let status = Rect::new(0, height - 1, width, 1);
    let body = Rect::new(0, 1, width, height - 2);
    let (list, detail, map) = if !tab.has_list() {
        (None, Some(body), None)
    } else if width >= WIDE {
        // From 120 columns the list takes more than half, so its tables keep their columns
        // (time and city, commitments) as the window grows; the detail has room to spare.
        let list_width = if width >= 120 {
            (width * 11 / 20).min(100)
        } else {
            (width * 9 / 20).clamp(44, 72)
        };
        let list = Rect {
            width: list_width,
            ..body
        };
        let right = Rect {
            x: list_width,
            width: width - list_width,
            ..body
        };
        if !map {
            (Some(list), Some(right), None)
        } else if width >= THREE_PANES {
            let (map, detail) = match picture {
                Picture::Chart(wanted) => above(right, wanted(right.width), body.height * 2 / 3),
                _ => map_above(right, body.height * 11 / 20),
            };
            (Some(list), Some(detail), Some(map))
        } else if focus == Focus::List {
            (Some(list), None, Some(right))
        } else {
            (Some(list), Some(right), None)
        }
    } else if focus == Focus::List && map {
        let (map, list) = map_above(body, body.height / 2);
        let list = Rect { y: body.y, ..list };
        let map = Rect {
            y: list.bottom(),
            ..map
        };
        (Some(list), None, Some(map))
    } else if focus == Focus::List {
        (Some(body), None, None)
    } else {
        (None, Some(body), None)
    };
    Some(Areas {
        tabs,
        status,
        list,
        detail,
        map,
    })
}

/// `area` split into a map on top, as tall as a map of its width wants but at most `most`
/// rows, and the rest below.
fn map_above(area: Rect, most: u16) -> (Rect, Rect) {
    above(
        area,
        map::wanted_rows(area.width.saturating_sub(2)) + 2,
        most,
    )
}

/// `area` split into `wanted` rows on top, at most `most`, and the rest below.
fn above(area: Rect, wanted: u16, most: u16) -> (Rect, Rect) {
    let height = wanted.min(most).min(area.height);
    let map = Rect { height, ..area };
    let rest = Rect {
        y: area.y + height,
        height: area.height - height,
        ..area
    };
    (map, rest)
}

/// Inside a frame's border.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// The tab bar's labels for a bar `bar_width` columns wide. When every title does not fit
/// (below 76 columns in Chinese, 90 in English), the other tabs give up their titles, the
/// longest first, until the bar fits: every tab stays visible and clickable by its number,
/// and the active one keeps its title.
pub fn tab_labels(words: &Words, bar_width: u16, active: Tab) -> Vec<(Tab, String)> {
    let mut labels: Vec<(Tab, String)> = Tab::ALL
        .iter()
        .map(|tab| (*tab, format!(" {} {} ", tab.index() + 1, words.tab(*tab))))
        .collect();
    let mut others: Vec<Tab> = Tab::ALL.into_iter().filter(|t| *t != active).collect();
    // Stable: of two titles as wide, the earlier tab's goes first.
    others.sort_by_key(|tab| std::cmp::Reverse(width(words.tab(*tab))));
    for tab in others {
        if bar_width_of(&labels) <= usize::from(bar_width) {
            break;
        }
        labels[tab.index()].1 = format!(" {} ", tab.index() + 1);
    }
    labels
}

/// Columns the labels take with one separator between each two.
pub fn bar_width_of(labels: &[(Tab, String)]) -> usize {
    labels.iter().map(|(_, label)| width(label)).sum::<usize>() + labels.len().saturating_sub(1)
}

/// Which tab label covers a column of the tab bar, as `tab_labels` lays them out.
pub fn tab_at(words: &Words, column: u16, bar_width: u16, active: Tab) -> Option<Tab> {
    let mut x = 0u16;
    for (tab, label) in tab_labels(words, bar_width, active) {
        let w = width(&label) as u16;
        if (x..x + w).contains(&column) {
            return Some(tab);
        }
        x += w + 1; // one column of separator
    }
    None
}

/// A popup of `width` × `height` (cut to `area`) in the middle of `area`, an odd cell going
/// right and down. (`Rect::centered` places the odd cell otherwise, which would move every
/// popup drawn so far by one cell.)
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Where search-everything's popup goes on a screen of `area`.
pub fn palette_area(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(100);
    let height = area.height.saturating_sub(4).max(3);
    centered(area, width, height)
}

/// The popup's list of hits: inside its frame, below the search line.
pub fn palette_list(area: Rect) -> Rect {
    let popup = palette_area(area);
    Rect {
        x: popup.x + 1,
        y: popup.y + 2,
        width: popup.width.saturating_sub(2),
        height: popup.height.saturating_sub(3),
    }
}

/// The first row shown of a list of `rows` with the selection at `at`, `height` rows high:
/// the top, until the selection would fall below the foot.
pub fn first_shown(at: usize, height: usize) -> usize {
    at.saturating_sub(height.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Lang;

    #[test]
    fn narrow_tab_bars_keep_every_tab_and_the_active_title() {
        for words in Lang::ALL.map(Lang::words) {
            for bar_width in MIN_WIDTH..=120 {
                for active in Tab::ALL {
                    let labels = tab_labels(words, bar_width, active);
                    assert!(
                        bar_width_of(&labels) <= usize::from(bar_width),
                        "{bar_width}"
                    );
                    let text: String = labels.iter().map(|(_, l)| l.as_str()).collect();
                    assert!(text.contains(words.tab(active)), "{bar_width} {active:?}");
                    for tab in Tab::ALL {
                        assert!(text.contains(&format!(" {} ", tab.index() + 1)));
                    }
                }
            }
        }
    }

    #[test]
    fn a_click_lands_on_the_label_drawn_there() {
        for words in Lang::ALL.map(Lang::words) {
            for bar_width in [60, 65, 69, 70, 71, 120] {
                for active in Tab::ALL {
                    let mut x = 0u16;
                    for (tab, label) in tab_labels(words, bar_width, active) {
                        let w = width(&label) as u16;
                        assert_eq!(tab_at(words, x, bar_width, active), Some(tab));
                        assert_eq!(tab_at(words, x + w - 1, bar_width, active), Some(tab));
                        assert_eq!(tab_at(words, x + w, bar_width, active), None, "separator");
                        x += w + 1;
                    }
                }
            }
        }
    }

    #[test]
    fn the_map_and_the_detail_share_the_right_side_without_overlapping() {
        let inside = |outer: Rect, inner: Rect| {
            inner.x >= outer.x
                && inner.y >= outer.y
                && inner.right() <= outer.right()
                && inner.bottom() <= outer.bottom()
        };
        for width in MIN_WIDTH..=220 {
            for height in [MIN_HEIGHT, 24, 40, 60] {
                for focus in [Focus::List, Focus::Detail] {
                    let plain = areas(width, height, Tab::Meetings, focus, false).unwrap();
                    let map = areas(width, height, Tab::Meetings, focus, true).unwrap();
                    assert_eq!(plain.map, None);
                    // The list keeps its width: its rows are laid out once.
                    let list_width = |a: &Areas| a.list.map(|l| l.width);
                    if focus == Focus::List {
                        assert_eq!(list_width(&plain), list_width(&map), "{width}x{height}");
                    }
                    let screen = Rect::new(0, 0, width, height);
                    let shown: Vec<Rect> = [map.list, map.map, map.detail]
                        .into_iter()
                        .flatten()
                        .collect();
                    for (i, a) in shown.iter().enumerate() {
                        assert!(inside(screen, *a), "{width}x{height} {a:?}");
                        for b in &shown[i + 1..] {
                            assert!(!a.intersects(*b), "{width}x{height} {a:?} {b:?}");
                        }
                    }
                    let expected = match (width >= THREE_PANES, width >= WIDE, focus) {
                        (true, _, _) => (true, true, true),
                        (false, _, Focus::List) => (true, true, false),
                        (false, true, Focus::Detail) => (true, false, true),
                        (false, false, Focus::Detail) => (false, false, true),
                    };
                    let got = (map.list.is_some(), map.map.is_some(), map.detail.is_some());
                    assert_eq!(got, expected, "{width}x{height} {focus:?}");
                    // Other panes have no map.
                    let other = areas(width, height, Tab::Timeline, focus, true).unwrap();
                    assert_eq!(
                        other,
                        areas(width, height, Tab::Timeline, focus, false).unwrap()
                    );
                }
            }
        }
    }

    #[test]
    fn from_160_columns_the_map_sits_above_the_detail_as_tall_as_it_wants() {
        let a = areas(160, 45, Tab::Meetings, Focus::List, true).unwrap();
        let (map, detail) = (a.map.unwrap(), a.detail.unwrap());
        assert_eq!((map.x, map.width), (detail.x, detail.width));
        assert_eq!(map.bottom(), detail.y);
        let wanted = |map: Rect| map::wanted_rows(map.width - 2) + 2;
        assert_eq!(
            map.height,
            wanted(map).min(43 * 11 / 20),
            "as tall as it wants, capped at a little over half"
        );
        let a = areas(200, 60, Tab::Meetings, Focus::List, true).unwrap();
        let map = a.map.unwrap();
        assert_eq!(map.height, wanted(map).min(58 * 11 / 20));
        // At 80x24 the map sits under the list.
        let a = areas(80, 24, Tab::Meetings, Focus::List, true).unwrap();
        let (list, map) = (a.list.unwrap(), a.map.unwrap());
        assert_eq!((list.y, list.bottom(), map.bottom()), (1, map.y, 23));
    }

    #[test]
    fn charts_take_the_maps_place_and_above_the_detail_the_rows_they_want() {
        let wanted = |_: u16| 20;
        let chart = Picture::Chart(&wanted);
        for (width, height) in [(80, 24), (120, 40)] {
            for tab in [Tab::Initiatives, Tab::Meetings] {
                let with = areas_with(width, height, tab, Focus::List, chart).unwrap();
                let map = areas(width, height, Tab::Meetings, Focus::List, true).unwrap();
                assert_eq!(with.map, map.map, "{width}x{height} {tab:?}");
            }
        }
        let a = areas_with(200, 60, Tab::Initiatives, Focus::List, chart).unwrap();
        assert_eq!(a.map.unwrap().height, 20);
        assert_eq!(a.map.unwrap().bottom(), a.detail.unwrap().y);
        let tall = |_: u16| 100;
        let a = areas_with(
            200,
            60,
            Tab::Initiatives,
            Focus::List,
            Picture::Chart(&tall),
        );
        assert_eq!(
            a.unwrap().map.unwrap().height,
            58 * 2 / 3,
            "two thirds at most"
        );
        // Other panes have no charts.
        let other = areas_with(120, 40, Tab::Timeline, Focus::List, chart).unwrap();
        assert_eq!(
            other,
            areas(120, 40, Tab::Timeline, Focus::List, false).unwrap()
        );
    }
}
