//! Clicks on tabs, rows and links, and the wheel.

use super::*;

impl App {
    pub(super) fn mouse(&mut self, mouse: Mouse) {
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
                    let header = usize::from(
                        panes::header(self.catalog().words(), self.tab, 1, Sort::default())
                            .is_some(),
                    );
                    if let Some(row) = usize::from(mouse.row - list.y).checked_sub(header) {
                        let list = self.list();
                        if let Some(item) = list
                            .rows
                            .get(self.pane().list_offset + row)
                            .and_then(|r| r.item)
                        {
                            self.pane_mut().focus = Focus::List;
                            self.select_item(item);
                        }
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
                if areas.list.is_some_and(|a| a.contains(at)) {
                    self.step(if down { 1 } else { -1 });
                } else if areas.detail.is_some_and(|a| a.contains(at)) {
                    let lines = WHEEL_LINES as isize;
                    self.scroll_by(if down { lines } else { -lines });
                }
            }
        }
    }
}
