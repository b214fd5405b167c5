//! Clicks on tabs, rows and links, and the wheel.

use super::*;
use crate::app::{chart, map};

impl App {
    pub(super) fn mouse(&mut self, mouse: Mouse) {
        if let Mode::Palette { .. } = self.mode {
            return self.palette_mouse(mouse);
        }
        if self.mode != Mode::Normal {
            if mouse.kind == MouseKind::Click && self.help_open() {
                self.mode = Mode::Normal;
            }
            return;
        }
        let Some(areas) = self.areas() else { return };
        let at = ratatui::layout::Position::new(mouse.column, mouse.row);
        match mouse.kind {
            MouseKind::Click if areas.tabs.contains(at) => {
                if let Some(tab) = layout::tab_at(
                    self.catalog().words(),
                    mouse.column,
                    areas.tabs.width,
                    self.tab,
                ) {
                    self.switch(tab);
                }
            }
            MouseKind::Click => {
                if let Some(list) = areas.list.map(inner).filter(|a| a.contains(at)) {
                    let header = usize::from(panes::has_header(self.tab));
                    // The axis draws no rows: a click there only takes the focus.
                    let on_axis = self.tab == Tab::Timeline && self.pane().axis;
                    if on_axis {
                        self.pane_mut().focus = Focus::List;
                    } else if let Some(row) = usize::from(mouse.row - list.y).checked_sub(header) {
                        let list = self.list();
                        // A separator row (a year, a day) stands for the first record under it.
                        if let Some(item) = list
                            .rows
                            .iter()
                            .skip(self.pane().list_offset + row)
                            .find_map(|r| r.item)
                        {
                            self.pane_mut().focus = Focus::List;
                            self.select_item(item);
                        }
                    }
                } else if let Some(area) = areas.map.map(inner).filter(|a| a.contains(at)) {
                    if self.pane().chart {
                        self.click_chart(area, mouse.row - area.y);
                    } else {
                        self.click_map(area, (mouse.column - area.x, mouse.row - area.y));
                    }
                } else if let Some(detail) = areas.detail.map(inner).filter(|a| a.contains(at)) {
                    // The doc knows which line is drawn where, in whichever column.
                    let doc = self.detail();
                    let row = self.pane().scroll + usize::from(mouse.row - detail.y);
                    let line = doc.line_at(usize::from(mouse.column - detail.x), row);
                    if let Some(link) = line.and_then(|l| doc.lines[l].link) {
                        let pane = self.pane_mut();
                        pane.focus = Focus::Detail;
                        pane.link = link;
                    }
                }
            }
            MouseKind::ScrollUp | MouseKind::ScrollDown => {
                let down = mouse.kind == MouseKind::ScrollDown;
                // Over the charts the wheel moves the selection, which the chart follows.
                let over_chart = self.pane().chart && areas.map.is_some_and(|a| a.contains(at));
                if over_chart || areas.list.is_some_and(|a| a.contains(at)) {
                    self.step(if down { 1 } else { -1 });
                } else if areas.detail.is_some_and(|a| a.contains(at)) {
                    let lines = WHEEL_LINES as isize;
                    self.scroll_by(if down { lines } else { -lines });
                }
            }
        }
    }

    /// Search everything: a click on a hit goes to it, the wheel moves through the hits.
    fn palette_mouse(&mut self, mouse: Mouse) {
        let screen = ratatui::layout::Rect::new(0, 0, self.width, self.height);
        let list = layout::palette_list(screen);
        let hits = self.palette_hits();
        let rows = crate::app::search::palette_rows(&hits);
        let Mode::Palette { selected, .. } = &mut self.mode else {
            return;
        };
        match mouse.kind {
            MouseKind::ScrollUp => *selected = selected.saturating_sub(1),
            MouseKind::ScrollDown => *selected = (*selected + 1).min(hits.len().saturating_sub(1)),
            MouseKind::Click => {
                let at = ratatui::layout::Position::new(mouse.column, mouse.row);
                if !list.contains(at) {
                    return;
                }
                let shown = rows.iter().position(|r| *r == Some(*selected)).unwrap_or(0);
                let first = layout::first_shown(shown, usize::from(list.height));
                if let Some(Some(hit)) = rows.get(first + usize::from(mouse.row - list.y)) {
                    *selected = *hit;
                    self.jump_to_hit();
                }
            }
        }
    }

    /// A click on a bar of the charts selects the first record it stands for that the list
    /// shows; the chart is laid out and scrolled as it is drawn.
    fn click_chart(&mut self, area: ratatui::layout::Rect, row: u16) {
        let catalog = Arc::clone(self.catalog());
        let layout = chart::lay_out(&chart::for_tab(&catalog, self.tab), usize::from(area.width));
        let list = self.list();
        let selected = self.position().map(|_| self.shown_pane().selected);
        let first = chart::first_row(&layout, selected, usize::from(area.height));
        let items = layout.items_at(first + usize::from(row));
        if let Some(&item) = items.iter().find(|i| list.items.contains(i)) {
            self.pane_mut().focus = Focus::List;
            self.select_item(item);
        }
    }

    /// A click on a seat of the map selects the first meeting listed with its counterpart.
    fn click_map(&mut self, area: ratatui::layout::Rect, cell: (u16, u16)) {
        let list = self.list();
        let catalog = Arc::clone(self.catalog());
        let view = map::map_view(&catalog, &list.items, None);
        let projection = map::projection(&view, area.width, area.height);
        let Some(country) = map::seat_at(&view, &projection, cell) else {
            return;
        };
        let first = list.items.iter().copied().find(|&item| {
            catalog
                .data
                .meetings
                .get(item)
                .is_some_and(|m| m.counterpart.country == country)
        });
        if let Some(item) = first {
            self.pane_mut().focus = Focus::List;
            self.select_item(item);
        }
    }
}
