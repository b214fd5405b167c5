//! The app's state and the one place it changes. Fed with our own `Input`, drawn by `ui`,
//! owned by nothing that knows about terminals.

use std::sync::Arc;

use crate::app::action::Action;
use crate::app::catalog::Catalog;
use crate::app::detail::Doc;
use crate::app::input::{Input, Mouse, MouseKind};
use crate::app::keymap;
use crate::app::layout::{self, inner};
use crate::app::panes;
use crate::app::tab::Tab;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

/// Where one pane stands: its selection, its scroll, the link under the cursor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaneState {
    pub selected: usize,
    /// The first list row shown.
    pub list_offset: usize,
    pub focus: Focus,
    /// The first detail line shown.
    pub scroll: usize,
    /// The selected link in the detail.
    pub link: usize,
}

pub struct App {
    pub catalog: Arc<Catalog>,
    pub tab: Tab,
    pub panes: [PaneState; 6],
    /// Where Esc returns to after following links.
    history: Vec<(Tab, PaneState)>,
    pub help: bool,
    /// The first help line shown, when the help is taller than the screen.
    pub help_scroll: usize,
    pub quit: bool,
    pub width: u16,
    pub height: u16,
}

const WHEEL_LINES: usize = 3;

impl App {
    pub fn new(catalog: Arc<Catalog>, width: u16, height: u16) -> Self {
        let mut panes = [PaneState::default(); 6];
        panes[Tab::Overview.index()].focus = Focus::Detail;
        App {
            catalog,
            tab: Tab::Overview,
            panes,
            history: Vec::new(),
            help: false,
            help_scroll: 0,
            quit: false,
            width,
            height,
        }
    }

    pub fn pane(&self) -> &PaneState {
        &self.panes[self.tab.index()]
    }

    fn pane_mut(&mut self) -> &mut PaneState {
        &mut self.panes[self.tab.index()]
    }

    pub fn count(&self) -> usize {
        panes::count(&self.catalog, self.tab)
    }

    pub fn areas(&self) -> Option<layout::Areas> {
        layout::areas(self.width, self.height, self.tab, self.pane().focus)
    }

    /// The width the detail is laid out at: its frame's inside, or the whole screen's when
    /// the detail is not on screen (so that links keep their order).
    fn detail_width(&self) -> usize {
        let width = match self.areas().and_then(|a| a.detail) {
            Some(area) => inner(area).width,
            None => {
                let areas = layout::areas(
                    self.width.max(layout::MIN_WIDTH),
                    self.height.max(layout::MIN_HEIGHT),
                    self.tab,
                    Focus::Detail,
                );
                areas.and_then(|a| a.detail).map_or(1, |a| inner(a).width)
            }
        };
        usize::from(width).max(1)
    }

    fn detail_height(&self) -> usize {
        let area = self.areas().and_then(|a| a.detail);
        area.map_or(1, |a| usize::from(inner(a).height).max(1))
    }

    fn list_height(&self) -> usize {
        let area = self.areas().and_then(|a| a.list);
        let header = usize::from(panes::header(self.tab, 1).is_some());
        area.map_or(1, |a| {
            usize::from(inner(a).height).saturating_sub(header).max(1)
        })
    }

    /// The current detail, laid out for the screen.
    pub fn detail(&self) -> Doc {
        panes::detail(
            &self.catalog,
            self.tab,
            self.pane().selected,
            self.detail_width(),
        )
    }

    /// The list row of each item (rows include separators).
    fn row_of(&self, item: usize) -> usize {
        panes::rows(&self.catalog, self.tab, 1)
            .iter()
            .position(|row| row.item == Some(item))
            .unwrap_or(item)
    }

    pub fn handle(&mut self, input: Input) {
        match input {
            Input::Key(key) => {
                let action = if self.help {
                    keymap::help_action_for(key)
                } else {
                    keymap::action_for(key)
                };
                if let Some(action) = action {
                    self.update(action);
                }
            }
            Input::Mouse(mouse) => self.mouse(mouse),
            Input::Paste(_) => {}
            Input::Resize { width, height } => {
                self.width = width;
                self.height = height;
                self.settle();
            }
        }
    }

    pub fn update(&mut self, action: Action) {
        if self.help {
            match action {
                Action::Up | Action::Top => {
                    self.help_scroll = if action == Action::Top {
                        0
                    } else {
                        self.help_scroll.saturating_sub(1)
                    };
                    return;
                }
                Action::Down | Action::Bottom => {
                    // Drawing clamps it to the help's length.
                    self.help_scroll = if action == Action::Bottom {
                        usize::MAX / 2
                    } else {
                        self.help_scroll.saturating_add(1)
                    };
                    return;
                }
                _ => {}
            }
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => {
                self.help = !self.help;
                self.help_scroll = 0;
            }
            Action::NextTab => self.switch(self.tab.next()),
            Action::PreviousTab => self.switch(self.tab.previous()),
            Action::GoTo(tab) => self.switch(tab),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.page(-1, 1),
            Action::PageDown => self.page(1, 1),
            Action::HalfPageUp => self.page(-1, 2),
            Action::HalfPageDown => self.page(1, 2),
            Action::Top => self.jump(false),
            Action::Bottom => self.jump(true),
            Action::Open => self.open(),
            Action::Back => self.back(),
        }
        self.settle();
    }

    fn switch(&mut self, tab: Tab) {
        self.tab = tab;
        self.help = false;
    }

    fn in_detail(&self) -> bool {
        self.pane().focus == Focus::Detail || !self.tab.has_list()
    }

    fn step(&mut self, delta: isize) {
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
            self.select(self.pane().selected.saturating_add_signed(delta));
        }
    }

    fn page(&mut self, direction: isize, fraction: usize) {
        if self.in_detail() {
            let lines = (self.detail_height() / fraction).max(1);
            self.scroll_by(direction * lines as isize);
            // Keep the link cursor on screen: take the first link the new view shows.
            let doc = self.detail();
            let (top, height) = (self.pane().scroll, self.detail_height());
            let visible = |link: usize| {
                doc.link_line(link)
                    .is_some_and(|l| (top..top + height).contains(&l))
            };
            if !doc.links.is_empty()
                && !visible(self.pane().link)
                && let Some(link) = (0..doc.links.len()).find(|l| visible(*l))
            {
                self.pane_mut().link = link;
            }
        } else {
            let rows = (self.list_height() / fraction).max(1) as isize;
            self.select(self.pane().selected.saturating_add_signed(direction * rows));
        }
    }

    fn jump(&mut self, end: bool) {
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
            self.select(if end { usize::MAX } else { 0 });
        }
    }

    fn select(&mut self, item: usize) {
        let last = self.count().saturating_sub(1);
        let pane = self.pane_mut();
        let item = item.min(last);
        if pane.selected != item {
            pane.selected = item;
            pane.scroll = 0;
            pane.link = 0;
        }
    }

    fn scroll_by(&mut self, delta: isize) {
        let pane = self.pane_mut();
        pane.scroll = pane.scroll.saturating_add_signed(delta);
    }

    fn reveal_link(&mut self, doc: &Doc) {
        let Some(line) = doc.link_line(self.pane().link) else {
            return;
        };
        let height = self.detail_height();
        let pane = self.pane_mut();
        if line < pane.scroll {
            pane.scroll = line;
        } else if line >= pane.scroll + height {
            pane.scroll = line + 1 - height;
        }
    }

    fn open(&mut self) {
        if !self.in_detail() {
            if self.count() > 0 {
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
        let Some((tab, item)) = panes::locate(&self.catalog, target) else {
            return;
        };
        self.history.push((self.tab, *self.pane()));
        self.tab = tab;
        let pane = self.pane_mut();
        pane.focus = Focus::Detail;
        if tab.has_list() {
            pane.selected = item;
            pane.link = 0;
            pane.scroll = 0;
        } else {
            pane.link = item;
            let doc = self.detail();
            self.reveal_link(&doc);
        }
    }

    fn back(&mut self) {
        if let Some((tab, state)) = self.history.pop() {
            self.tab = tab;
            self.panes[tab.index()] = state;
        } else if self.tab.has_list() && self.pane().focus == Focus::Detail {
            self.pane_mut().focus = Focus::List;
        }
    }

    fn mouse(&mut self, mouse: Mouse) {
        if self.help {
            if mouse.kind == MouseKind::Click {
                self.help = false;
            }
            return;
        }
        let Some(areas) = self.areas() else { return };
        let at = ratatui::layout::Position::new(mouse.column, mouse.row);
        match mouse.kind {
            MouseKind::Click if areas.tabs.contains(at) => {
                if let Some(tab) = layout::tab_at(mouse.column) {
                    self.switch(tab);
                }
            }
            MouseKind::Click => {
                if let Some(list) = areas.list.map(inner).filter(|a| a.contains(at)) {
                    let header = usize::from(panes::header(self.tab, 1).is_some());
                    let row = usize::from(mouse.row - list.y);
                    if let Some(row) = row.checked_sub(header) {
                        let rows = panes::rows(&self.catalog, self.tab, 1);
                        if let Some(item) =
                            rows.get(self.pane().list_offset + row).and_then(|r| r.item)
                        {
                            self.pane_mut().focus = Focus::List;
                            self.select(item);
                        }
                    }
                } else if let Some(detail) = areas.detail.map(inner).filter(|a| a.contains(at)) {
                    let line = self.pane().scroll + usize::from(mouse.row - detail.y);
                    if let Some(link) = self.detail().lines.get(line).and_then(|l| l.link) {
                        let pane = self.pane_mut();
                        pane.focus = Focus::Detail;
                        pane.link = link;
                    }
                }
            }
            MouseKind::ScrollUp | MouseKind::ScrollDown => {
                let down = mouse.kind == MouseKind::ScrollDown;
                if areas.list.is_some_and(|a| a.contains(at)) {
                    let selected = self.pane().selected;
                    self.select(if down {
                        selected + 1
                    } else {
                        selected.saturating_sub(1)
                    });
                } else if areas.detail.is_some_and(|a| a.contains(at)) {
                    let lines = WHEEL_LINES as isize;
                    self.scroll_by(if down { lines } else { -lines });
                }
            }
        }
        self.settle();
    }

    /// Brings every index back in range after any change: selection within the list, the
    /// list scrolled to show it, the detail scroll within the detail.
    fn settle(&mut self) {
        let count = self.count();
        let list_height = self.list_height();
        let row = self.row_of(self.pane().selected);
        let rows = panes::rows(&self.catalog, self.tab, 1).len();
        let doc = self.detail();
        let detail_height = self.detail_height();
        let pane = self.pane_mut();
        pane.selected = pane.selected.min(count.saturating_sub(1));
        if row < pane.list_offset {
            pane.list_offset = row;
        } else if row >= pane.list_offset + list_height {
            pane.list_offset = row + 1 - list_height;
        }
        pane.list_offset = pane.list_offset.min(rows.saturating_sub(list_height));
        pane.link = pane.link.min(doc.links.len().saturating_sub(1));
        pane.scroll = pane
            .scroll
            .min(doc.lines.len().saturating_sub(detail_height));
    }
}
