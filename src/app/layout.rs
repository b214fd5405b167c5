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

use ratatui::layout::Rect;

use crate::app::state::Focus;
use crate::app::tab::Tab;
use crate::app::words::Words;
use crate::text::width;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
pub const WIDE: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub tabs: Rect,
    pub status: Rect,
    /// Framed areas: the list (absent on the overview, and when the detail has the screen).
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
}

pub fn fits(width: u16, height: u16) -> bool {
    width >= MIN_WIDTH && height >= MIN_HEIGHT
}

pub fn areas(width: u16, height: u16, tab: Tab, focus: Focus) -> Option<Areas> {
    if !fits(width, height) {
        return None;
    }
    let tabs = Rect::new(0, 0, width, 1);
    let status = Rect::new(0, height - 1, width, 1);
    let body = Rect::new(0, 1, width, height - 2);
    let (list, detail) = if !tab.has_list() {
        (None, Some(body))
    } else if width >= WIDE {
        let list_width = (width * 9 / 20).clamp(44, 72);
        let list = Rect {
            width: list_width,
            ..body
        };
        let detail = Rect {
            x: list_width,
            width: width - list_width,
            ..body
        };
        (Some(list), Some(detail))
    } else if focus == Focus::List {
        (Some(body), None)
    } else {
        (None, Some(body))
    };
    Some(Areas {
        tabs,
        status,
        list,
        detail,
    })
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
/// (below 71 columns), the tabs show their numbers and only the active one its title, so all
/// six stay visible and clickable.
pub fn tab_labels(words: &Words, bar_width: u16, active: Tab) -> Vec<(Tab, String)> {
    let full: Vec<(Tab, String)> = Tab::ALL
        .iter()
        .map(|tab| (*tab, format!(" {} {} ", tab.index() + 1, words.tab(*tab))))
        .collect();
    if bar_width_of(&full) <= usize::from(bar_width) {
        return full;
    }
    Tab::ALL
        .iter()
        .map(|tab| {
            let label = if *tab == active {
                format!(" {} {} ", tab.index() + 1, words.tab(*tab))
            } else {
                format!(" {} ", tab.index() + 1)
            };
            (*tab, label)
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Lang;

    #[test]
    fn narrow_tab_bars_keep_every_tab_and_the_active_title() {
        for words in [Lang::Zh.words(), Lang::En.words()] {
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
        for words in [Lang::Zh.words(), Lang::En.words()] {
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
}
