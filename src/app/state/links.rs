//! Following links between panes and coming back.

use super::*;

impl App {
    /// Scrolls the selected link into view: all its lines when they fit, else its first.
    pub(super) fn reveal_link(&mut self, doc: &Doc) {
        let Some(rows) = doc.link_rows(self.pane().link) else {
            return;
        };
        self.reveal_rows(rows);
    }

    /// Scrolls the least that brings rows into view, or their first when they do not fit.
    fn reveal_rows(&mut self, lines: std::ops::Range<usize>) {
        let height = self.detail_height();
        let pane = self.pane_mut();
        if lines.start < pane.scroll {
            pane.scroll = lines.start;
        } else if lines.end > pane.scroll + height {
            pane.scroll = (lines.end - height).min(lines.start);
        }
    }

    pub(super) fn open(&mut self) {
        if !self.in_detail() {
            if self.position().is_some() {
                let pane = self.pane_mut();
                pane.focus = Focus::Detail;
                pane.scroll = 0;
                pane.link = 0;
            }
            return;
        }
        let doc = self.detail();
        let Some(target) = doc.links.get(self.pane().link) else {
            return;
        };
        let Some((tab, item)) = panes::locate(self.catalog(), target) else {
            return;
        };
        self.history.push((self.tab, self.pane().clone()));
        self.tab = tab;
        let pane = self.pane_mut();
        pane.focus = Focus::Detail;
        if tab.has_list() {
            // A followed link always lands on its record, whatever the list was filtered by.
            pane.query.clear();
            pane.facets = Facets::default();
            pane.selected = item;
            pane.chosen = true;
            pane.link = 0;
            pane.scroll = 0;
        } else {
            pane.link = item;
            let doc = self.detail();
            self.reveal_link(&doc);
        }
    }

    pub(super) fn back(&mut self) {
        if let Some((tab, state)) = self.history.pop() {
            self.tab = tab;
            self.panes[tab.index()] = state;
        } else if self.tab.has_list() && self.pane().focus == Focus::Detail {
            self.pane_mut().focus = Focus::List;
        }
    }
}
