//! The app's state and the one place it changes. Fed with our own `Input`, drawn by `ui`,
//! owned by nothing that knows about terminals.

use std::collections::HashMap;
use std::sync::Arc;

use crate::app::action::Action;
use crate::app::catalog::Catalog;
use crate::app::detail::Doc;
use crate::app::input::{Input, Key, KeyCode, Mouse, MouseKind};
use crate::app::input_line::InputLine;
use crate::app::keymap;
use crate::app::layout::{self, inner};
use crate::app::memo::Memo;
use crate::app::panes::{self, Row};
use crate::app::presence::{Presence, Presented, Role};
use crate::app::search::Hit;
use crate::app::tab::Tab;
use crate::app::view::{self, Facets, Sort};
use crate::text::search::Query;
use crate::text::width::{Ambiguous, ambiguous};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

/// Where one pane stands: what its list shows, the selection, the scroll, the link under the
/// cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaneState {
    /// The selected item (an index into the pane's records, whatever the list shows).
    pub selected: usize,
    /// The first list row shown.
    pub list_offset: usize,
    pub focus: Focus,
    /// The first detail line shown.
    pub scroll: usize,
    /// The selected link in the detail.
    pub link: usize,
    /// The search kept with Enter; empty for none.
    pub query: String,
    pub facets: Facets,
    pub sort: Sort,
}

/// What the keys are doing: moving around, typing a pane search, or searching everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Normal,
    Search(InputLine),
    Palette {
        input: InputLine,
        selected: usize,
    },
}

pub struct App {
    pub catalog: Arc<Catalog>,
    pub tab: Tab,
    pub panes: [PaneState; 6],
    /// Where Esc returns to after following links.
    history: Vec<(Tab, PaneState)>,
    pub mode: Mode,
    pub help: bool,
    /// The first help line shown, when the help is taller than the screen.
    pub help_scroll: usize,
    pub quit: bool,
    pub width: u16,
    pub height: u16,
    /// Set when the dashboard is part of a presented demo over SSH.
    pub presence: Option<Presence>,
    /// Text for the terminal's clipboard (`y`), taken and sent by whoever owns the terminal.
    pub clipboard: Option<String>,
    /// A one-off message for the status bar ("copied"), cleared by the next key.
    pub notice: Option<String>,
    lists: Memo<ListQuestion, Arc<Vec<usize>>>,
    /// Rows and details hold the chrome's glyphs and are cut to the width as measured in
    /// the ambiguous-width mode, so the mode is part of the question.
    drawn: Memo<(ListQuestion, usize, Ambiguous), Arc<List>>,
    details: Memo<(Tab, usize, usize, Ambiguous), Arc<Doc>>,
    hits: Memo<String, Arc<Vec<Hit>>>,
}

/// A pane's list as it is drawn: its items in order, its rows at the list's width (with
/// the separators some panes put between items), and where each item stands. Made once
/// for each change of what the list shows; moving the selection only looks things up, so
/// a key costs the same on a data set of any size.
pub struct List {
    pub items: Arc<Vec<usize>>,
    pub rows: Vec<Row>,
    /// Item → its row.
    row_of: HashMap<usize, usize>,
    /// Item → its place among the items.
    place_of: HashMap<usize, usize>,
}

impl List {
    fn new(items: Arc<Vec<usize>>, rows: Vec<Row>) -> List {
        let row_of = rows
            .iter()
            .enumerate()
            .filter_map(|(row, r)| r.item.map(|item| (item, row)))
            .collect();
        let place_of = items.iter().enumerate().map(|(p, &i)| (i, p)).collect();
        List {
            items,
            rows,
            row_of,
            place_of,
        }
    }

    pub fn row_of(&self, item: usize) -> Option<usize> {
        self.row_of.get(&item).copied()
    }

    pub fn place_of(&self, item: usize) -> Option<usize> {
        self.place_of.get(&item).copied()
    }
}

/// What a pane's list depends on.
#[derive(PartialEq)]
struct ListQuestion {
    tab: Tab,
    query: String,
    facets: Facets,
    sort: Sort,
}

const WHEEL_LINES: usize = 3;
/// Hits listed by search-everything.
pub const PALETTE_LIMIT: usize = 200;

impl App {
    pub fn new(catalog: Arc<Catalog>, width: u16, height: u16) -> Self {
        let mut panes: [PaneState; 6] = Default::default();
        panes[Tab::Overview.index()].focus = Focus::Detail;
        App {
            catalog,
            tab: Tab::Overview,
            panes,
            history: Vec::new(),
            mode: Mode::Normal,
            help: false,
            help_scroll: 0,
            quit: false,
            width,
            height,
            presence: None,
            clipboard: None,
            notice: None,
            lists: Memo::default(),
            drawn: Memo::default(),
            details: Memo::default(),
            hits: Memo::default(),
        }
    }

    /// True while a presenter drives this viewer's screen.
    pub fn is_following(&self) -> bool {
        self.presence.as_ref().is_some_and(Presence::is_following)
    }

    /// What followers copy: the tab, and its pane with the search being typed counted in.
    pub fn presented(&self) -> Presented {
        let mut pane = self.pane().clone();
        if let Mode::Search(line) = &self.mode {
            pane.query = line.text().trim().to_string();
        }
        Presented {
            tab: self.tab,
            pane,
        }
    }

    /// Shows what the presenter shows, laid out at this viewer's own size.
    pub fn follow(&mut self, presented: &Presented) {
        self.tab = presented.tab;
        self.mode = Mode::Normal;
        self.history.clear();
        *self.pane_mut() = presented.pane.clone();
        let doc = self.detail();
        self.settle();
        self.reveal_link(&doc);
    }

    pub fn pane(&self) -> &PaneState {
        &self.panes[self.tab.index()]
    }

    fn pane_mut(&mut self) -> &mut PaneState {
        &mut self.panes[self.tab.index()]
    }

    /// The search that applies to the current pane: the one being typed, or the one kept.
    pub fn query(&self) -> Option<Query> {
        Query::new(self.query_text())
    }

    fn query_text(&self) -> &str {
        match &self.mode {
            Mode::Search(input) => input.text(),
            _ => &self.pane().query,
        }
    }

    /// What the current list depends on.
    fn list_question(&self) -> ListQuestion {
        let pane = self.pane();
        ListQuestion {
            tab: self.tab,
            query: self.query_text().to_string(),
            facets: pane.facets.clone(),
            sort: pane.sort,
        }
    }

    /// The items the current list shows, in order.
    pub fn view(&self) -> Arc<Vec<usize>> {
        let pane = self.pane();
        self.lists.get(self.list_question(), || {
            Arc::new(view::items(
                &self.catalog,
                self.tab,
                &pane.facets,
                self.query().as_ref(),
                pane.sort,
            ))
        })
    }

    /// How many records the pane has, before filtering.
    pub fn total(&self) -> usize {
        panes::count(&self.catalog, self.tab)
    }

    /// The selected item's place in the list, 0-based.
    pub fn position(&self) -> Option<usize> {
        self.list().place_of(self.pane().selected)
    }

    /// The current list with its rows, laid out at the width the list has on this screen
    /// (or would have, when the detail has the screen to itself).
    pub fn list(&self) -> Arc<List> {
        let width = self.list_width();
        self.drawn
            .get((self.list_question(), width, ambiguous()), || {
                let items = self.view();
                let rows = panes::rows(&self.catalog, self.tab, width, &items);
                Arc::new(List::new(items, rows))
            })
    }

    fn list_width(&self) -> usize {
        let (w, h) = (
            self.width.max(layout::MIN_WIDTH),
            self.height.max(layout::MIN_HEIGHT),
        );
        let list = self
            .areas()
            .and_then(|a| a.list)
            .or_else(|| layout::areas(w, h, self.tab, Focus::List).and_then(|a| a.list));
        list.map_or(1, |a| usize::from(inner(a).width).max(1))
    }

    pub fn areas(&self) -> Option<layout::Areas> {
        layout::areas(self.width, self.height, self.tab, self.pane().focus)
    }

    /// The width the detail is laid out at: its frame's inside, or the whole screen's when
    /// the detail is not on screen (so that links keep their order).
    fn detail_width(&self) -> usize {
        let width = match self.areas().and_then(|a| a.detail) {
            Some(area) => layout::column_width(self.tab, inner(area).width),
            None => {
                let (w, h) = (
                    self.width.max(layout::MIN_WIDTH),
                    self.height.max(layout::MIN_HEIGHT),
                );
                let areas = layout::areas(w, h, self.tab, Focus::Detail);
                areas.and_then(|a| a.detail).map_or(1, |a| inner(a).width)
            }
        };
        usize::from(width).max(1)
    }

    /// Lines the detail shows at once: its height, times its columns.
    fn detail_height(&self) -> usize {
        let area = self.areas().and_then(|a| a.detail).map(inner);
        area.map_or(1, |a| {
            let columns = layout::detail_columns(self.tab, a.width);
            (usize::from(a.height) * usize::from(columns)).max(1)
        })
    }

    fn list_height(&self) -> usize {
        let area = self.areas().and_then(|a| a.list);
        let header = usize::from(panes::header(self.tab, 1, Sort::default()).is_some());
        area.map_or(1, |a| {
            usize::from(inner(a).height).saturating_sub(header).max(1)
        })
    }

    /// The current detail, laid out for the screen (empty when the list shows nothing).
    pub fn detail(&self) -> Arc<Doc> {
        let width = self.detail_width();
        if self.tab.has_list() && self.position().is_none() {
            return Arc::new(Doc::new(width));
        }
        let selected = self.pane().selected;
        self.details
            .get((self.tab, selected, width, ambiguous()), || {
                Arc::new(panes::detail(&self.catalog, self.tab, selected, width))
            })
    }

    /// The hits of search-everything for what is typed.
    pub fn palette_hits(&self) -> Arc<Vec<Hit>> {
        let Mode::Palette { input, .. } = &self.mode else {
            return Arc::default();
        };
        self.hits.get(input.text().to_string(), || {
            let Some(query) = Query::new(input.text()) else {
                return Arc::default();
            };
            let mut hits = self
                .catalog
                .search()
                .search_top(&query, None, PALETTE_LIMIT);
            // Shown grouped by pane in tab order, best first within each: the selection moves
            // through them in that order.
            hits.sort_by_key(|hit| hit.tab.index());
            Arc::new(hits)
        })
    }

    pub fn handle(&mut self, input: Input) {
        self.apply(input);
        self.settle();
    }

    /// Handles everything that arrived at once, as `handle` one by one would, but brings the
    /// list up to date once per run of typing rather than once per character: a pasted or
    /// typed-ahead query searches the data set once, not once per letter.
    pub fn handle_all(&mut self, inputs: impl IntoIterator<Item = Input>) {
        let mut unsettled = false;
        for input in inputs {
            if self.only_edits_the_line(&input) {
                self.apply(input);
                unsettled = true;
            } else {
                if unsettled {
                    self.settle();
                }
                self.handle(input);
                unsettled = false;
            }
        }
        if unsettled {
            self.settle();
        }
    }

    /// Whether an input only changes the search line's text or caret: nothing else reads
    /// the settled list until the next other input.
    fn only_edits_the_line(&self, input: &Input) -> bool {
        let typing = matches!(self.mode, Mode::Search(_) | Mode::Palette { .. });
        typing
            && match input {
                Input::Paste(_) => true,
                Input::Key(key) => !matches!(
                    key.code,
                    KeyCode::Enter | KeyCode::Esc | KeyCode::Up | KeyCode::Down
                ),
                _ => false,
            }
    }

    fn apply(&mut self, input: Input) {
        if let Input::Key(_) = input {
            self.notice = None;
        }
        match input {
            Input::Key(key) => match self.mode {
                Mode::Normal => {
                    let action = if self.help {
                        keymap::help_action_for(key)
                    } else {
                        keymap::action_for(key)
                    };
                    // A follower's own moves would be undone by the presenter's next one:
                    // only leaving, help and `f` (browse on your own) work while following.
                    let allowed = |action: Action| {
                        !self.is_following()
                            || self.help
                            || matches!(
                                action,
                                Action::Quit | Action::ToggleHelp | Action::Follow | Action::Copy
                            )
                    };
                    if let Some(action) = action.filter(|&a| allowed(a)) {
                        self.update(action);
                    }
                }
                Mode::Search(_) | Mode::Palette { .. } => self.type_key(key),
            },
            Input::Mouse(_) if self.is_following() => {}
            Input::Mouse(mouse) => self.mouse(mouse),
            Input::Paste(text) => {
                if let Mode::Search(line) | Mode::Palette { input: line, .. } = &mut self.mode {
                    line.insert(&text);
                }
            }
            Input::Resize { width, height } => {
                self.width = width;
                self.height = height;
            }
        }
    }

    /// A key while the search line is open: text editing, Enter, Esc.
    fn type_key(&mut self, key: Key) {
        let palette = matches!(self.mode, Mode::Palette { .. });
        let hits = if palette && matches!(key.code, KeyCode::Up | KeyCode::Down) {
            self.palette_hits().len()
        } else {
            0
        };
        let (Mode::Search(line) | Mode::Palette { input: line, .. }) = &mut self.mode else {
            return;
        };
        match key.code {
            KeyCode::Char('c') if key.ctrl => self.quit = true,
            KeyCode::Char('u') if key.ctrl => line.clear(),
            KeyCode::Char('a') if key.ctrl => line.home(),
            KeyCode::Char('e') if key.ctrl => line.end(),
            KeyCode::Char(c) if !key.ctrl && !key.alt => line.insert(c.encode_utf8(&mut [0; 4])),
            KeyCode::Backspace => line.backspace(),
            KeyCode::Delete => line.delete(),
            KeyCode::Left => line.left(),
            KeyCode::Right => line.right(),
            KeyCode::Home => line.home(),
            KeyCode::End => line.end(),
            KeyCode::Up | KeyCode::Down if palette => {
                if let Mode::Palette { selected, .. } = &mut self.mode {
                    *selected = if key.code == KeyCode::Up {
                        selected.saturating_sub(1)
                    } else {
                        (*selected + 1).min(hits.saturating_sub(1))
                    };
                }
                return;
            }
            KeyCode::Enter if palette => return self.jump_to_hit(),
            KeyCode::Enter => {
                let query = line.text().trim().to_string();
                self.pane_mut().query = query;
                self.mode = Mode::Normal;
                return;
            }
            KeyCode::Esc => {
                if !palette {
                    self.pane_mut().query.clear();
                }
                self.mode = Mode::Normal;
                return;
            }
            _ => return,
        }
        // The text changed: the palette starts again from its best hit.
        if let Mode::Palette { selected, .. } = &mut self.mode {
            *selected = 0;
        }
    }

    fn jump_to_hit(&mut self) {
        let Mode::Palette { input, selected } = &self.mode else {
            return;
        };
        let query = input.text().trim().to_string();
        let Some(hit) = self.palette_hits().get(*selected).cloned() else {
            return;
        };
        self.mode = Mode::Normal;
        self.history.push((self.tab, self.pane().clone()));
        self.tab = hit.tab;
        let pane = self.pane_mut();
        // The hit must be in the list it lands in: its pane shows this search's matches.
        pane.facets = Facets::default();
        pane.query = query;
        pane.selected = hit.item;
        pane.focus = Focus::Detail;
        pane.scroll = 0;
        pane.link = 0;
    }

    pub fn update(&mut self, action: Action) {
        if self.help && self.scroll_help(action) {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Copy => self.copy_selected(),
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
            Action::Search if self.tab.has_list() => {
                let mut line = InputLine::default();
                line.insert(&self.pane().query);
                self.pane_mut().focus = Focus::List;
                self.mode = Mode::Search(line);
            }
            Action::Search => {}
            Action::Palette => {
                self.mode = Mode::Palette {
                    input: InputLine::default(),
                    selected: 0,
                }
            }
            Action::NextMatch => self.cycle_match(1),
            Action::PreviousMatch => self.cycle_match(-1),
            Action::SortNext => {
                let columns = view::sort_columns(self.tab).len();
                if columns > 0 {
                    let sort = &mut self.pane_mut().sort;
                    *sort = Sort {
                        column: (sort.column + 1) % columns,
                        reverse: false,
                    };
                }
            }
            Action::SortReverse => {
                if !view::sort_columns(self.tab).is_empty() {
                    let sort = &mut self.pane_mut().sort;
                    sort.reverse = !sort.reverse;
                }
            }
            Action::Filter(facet) => {
                let catalog = Arc::clone(&self.catalog);
                let tab = self.tab;
                self.pane_mut().facets.cycle(&catalog, tab, facet);
            }
            Action::ClearAll => {
                let pane = self.pane_mut();
                pane.query.clear();
                pane.facets = Facets::default();
                pane.sort = Sort::default();
            }
            Action::Follow => {
                if let Some(Presence {
                    role: Role::Follower { following },
                    ..
                }) = &mut self.presence
                {
                    *following = !*following;
                }
            }
        }
        self.settle();
    }

    /// Moving keys scroll the help while it is open; true when the key was used so.
    fn scroll_help(&mut self, action: Action) -> bool {
        self.help_scroll = match action {
            Action::Top => 0,
            Action::Up => self.help_scroll.saturating_sub(1),
            // Drawing clamps these to the help's length.
            Action::Down => self.help_scroll.saturating_add(1),
            Action::Bottom => usize::MAX / 2,
            _ => return false,
        };
        true
    }

    fn switch(&mut self, tab: Tab) {
        self.tab = tab;
        self.help = false;
    }

    fn in_detail(&self) -> bool {
        self.pane().focus == Focus::Detail || !self.tab.has_list()
    }

    /// Selects the item at a place in the list (clamped to the list).
    fn select_at(&mut self, position: usize) {
        let view = self.view();
        let Some(&item) = view.get(position.min(view.len().saturating_sub(1))) else {
            return;
        };
        self.select_item(item);
    }

    /// Selects an item; a new selection starts its detail at the top.
    fn select_item(&mut self, item: usize) {
        let pane = self.pane_mut();
        if pane.selected != item {
            pane.selected = item;
            pane.scroll = 0;
            pane.link = 0;
        }
    }

    fn cycle_match(&mut self, delta: isize) {
        let len = self.view().len();
        if len == 0 || !self.tab.has_list() {
            return;
        }
        let position = self.position().unwrap_or(0) as isize;
        self.select_at((position + delta).rem_euclid(len as isize) as usize);
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
            let position = self.position().unwrap_or(0);
            self.select_at(position.saturating_add_signed(delta));
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
            let position = self.position().unwrap_or(0);
            self.select_at(position.saturating_add_signed(direction * rows));
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
            self.select_at(if end { usize::MAX } else { 0 });
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
        let Some((tab, item)) = panes::locate(&self.catalog, target) else {
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
        if self.help || self.mode != Mode::Normal {
            if mouse.kind == MouseKind::Click {
                self.help = false;
            }
            return;
        }
        let Some(areas) = self.areas() else { return };
        let at = ratatui::layout::Position::new(mouse.column, mouse.row);
        match mouse.kind {
            MouseKind::Click if areas.tabs.contains(at) => {
                if let Some(tab) = layout::tab_at(mouse.column, areas.tabs.width, self.tab) {
                    self.switch(tab);
                }
            }
            MouseKind::Click => {
                if let Some(list) = areas.list.map(inner).filter(|a| a.contains(at)) {
                    let header = usize::from(panes::header(self.tab, 1, Sort::default()).is_some());
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
                    // In a second column, lines continue from the foot of the first.
                    let column_width =
                        layout::column_width(self.tab, detail.width) + layout::COLUMN_GAP;
                    let column = usize::from((mouse.column - detail.x) / column_width.max(1));
                    let line = self.pane().scroll
                        + column * usize::from(detail.height)
                        + usize::from(mouse.row - detail.y);
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
                    self.step(if down { 1 } else { -1 });
                } else if areas.detail.is_some_and(|a| a.contains(at)) {
                    let lines = WHEEL_LINES as isize;
                    self.scroll_by(if down { lines } else { -lines });
                }
            }
        }
    }

    /// Brings every index back in range after any change: a selection the list shows, the
    /// list scrolled to show it, the detail scroll and link within the detail.
    fn settle(&mut self) {
        let list = self.list();
        let view = &list.items;
        if self.tab.has_list() && !view.is_empty() && list.place_of(self.pane().selected).is_none()
        {
            let first = view[0];
            let pane = self.pane_mut();
            pane.selected = first;
            pane.scroll = 0;
            pane.link = 0;
        }
        let list = self.list();
        let rows = &list.rows;
        let row = list.row_of(self.pane().selected).unwrap_or(0);
        let list_height = self.list_height();
        let doc = self.detail();
        let detail_height = self.detail_height();
        let pane = self.pane_mut();
        if row < pane.list_offset {
            pane.list_offset = row;
        } else if row >= pane.list_offset + list_height {
            pane.list_offset = row + 1 - list_height;
        }
        pane.list_offset = pane.list_offset.min(rows.len().saturating_sub(list_height));
        pane.link = pane.link.min(doc.links.len().saturating_sub(1));
        pane.scroll = pane
            .scroll
            .min(doc.lines.len().saturating_sub(detail_height));
    }
}
