//! Moving through a list or a detail: by line, page and end, through matches, and the
//! help's own scrolling.

use super::*;

impl App {
    /// Moving keys scroll the help while it is open; true when the key was used so.
    pub(super) fn scroll_help(&mut self, action: Action) -> bool {
        let page = usize::from(self.height.saturating_sub(6)).max(1);
        let Mode::Help { scroll, typing, .. } = &mut self.mode else {
            return false;
        };
        *scroll = match action {
            Action::Top => 0,
            Action::Up => scroll.saturating_sub(1),
            // Drawing clamps these to the help's length.
            Action::Down => scroll.saturating_add(1),
            Action::PageUp => scroll.saturating_sub(page),
            Action::PageDown => scroll.saturating_add(page),
            Action::HalfPageUp => scroll.saturating_sub(page / 2),
            Action::HalfPageDown => scroll.saturating_add(page / 2),
            Action::Bottom => usize::MAX / 2,
            // `/` over the help searches it.
            Action::Search => {
                *typing = true;
                *scroll
            }
            _ => return false,
        };
        true
    }

    pub(super) fn in_detail(&self) -> bool {
        self.pane().focus == Focus::Detail || !self.tab.has_list()
    }

    /// Selects the item at a place in the list (clamped to the list).
    pub(super) fn select_at(&mut self, position: usize) {
        let view = self.view();
        let Some(&item) = view.get(position.min(view.len().saturating_sub(1))) else {
            return;
        };
        self.select_item(item);
    }

    /// Selects an item; a new selection starts its detail at the top.
    pub(super) fn select_item(&mut self, item: usize) {
        let pane = self.pane_mut();
        if pane.selected != item {
            pane.selected = item;
            pane.scroll = 0;
            pane.link = 0;
        }
        pane.chosen = true;
    }

    pub(super) fn cycle_match(&mut self, delta: isize) {
        if !self.tab.has_list() {
            return self.cycle_page_match(delta);
        }
        let len = self.view().len();
        if len == 0 {
            return;
        }
        let position = self.position().unwrap_or(0) as isize;
        self.select_at((position + delta).rem_euclid(len as isize) as usize);
    }

    pub(super) fn step(&mut self, delta: isize) {
        if self.in_detail() {
            let doc = self.detail();
            if doc.links.is_empty() {
                self.scroll_by(delta);
            } else {
                let link = self
                    .pane()
                    .link
                    .saturating_add_signed(delta)
                    .min(doc.links.len() - 1);
                self.pane_mut().link = link;
                self.reveal_link(&doc);
            }
        } else {
            let position = self.position().unwrap_or(0);
            self.select_at(position.saturating_add_signed(delta));
        }
    }

    pub(super) fn page(&mut self, direction: isize, fraction: usize) {
        if self.in_detail() {
            let lines = (self.detail_height() / fraction).max(1);
            self.scroll_by(direction * lines as isize);
            // Keep the link cursor on screen: take the first link the new view shows.
            let doc = self.detail();
            let (top, height) = (self.pane().scroll, self.detail_height());
            // A wrapped link counts as shown when any of its lines is.
            let visible = |link: usize| {
                doc.link_rows(link)
                    .is_some_and(|lines| lines.start < top + height && lines.end > top)
            };
            if !doc.links.is_empty()
                && !visible(self.pane().link)
                && let Some(link) = (0..doc.links.len()).find(|l| visible(*l))
            {
                self.pane_mut().link = link;
            }
        } else {
            // A page of items: fewer where an item may take more than one row.
            let tallest = self.list().tallest.max(1);
            let rows = (self.list_height() / tallest / fraction).max(1) as isize;
            let position = self.position().unwrap_or(0);
            self.select_at(position.saturating_add_signed(direction * rows));
        }
    }

    pub(super) fn jump(&mut self, end: bool) {
        if self.in_detail() {
            let doc = self.detail();
            let pane = self.pane_mut();
            pane.link = if end {
                doc.links.len().saturating_sub(1)
            } else {
                0
            };
            pane.scroll = if end { usize::MAX } else { 0 };
        } else {
            self.select_at(if end { usize::MAX } else { 0 });
        }
    }

    pub(super) fn scroll_by(&mut self, delta: isize) {
        let pane = self.pane_mut();
        pane.scroll = pane.scroll.saturating_add_signed(delta);
    }
}
