//! The app's state and the one place it changes. Fed with our own `Input`, drawn by `ui`,
//! owned by nothing that knows about terminals.

use std::collections::HashMap;
use std::sync::Arc;

use crate::app::action::Action;
use crate::app::catalog::Catalog;
use crate::app::detail::Doc;
use crate::app::input::{Input, KeyCode, Mouse, MouseKind};
use crate::app::input_line::InputLine;
use crate::app::keymap::Keymap;
use crate::app::layout::{self, inner};
use crate::app::memo::Memo;
use crate::app::panes::{self, Row};
use crate::app::presence::{DemoRole, Presence, Presented};
use crate::app::search::Hit;
use crate::app::tab::{EnumCount, Tab};
use crate::app::view::{self, Facets, Sort};
use crate::data::Lang;
use crate::text::search::Query;
use crate::text::width::{Ambiguous, ambiguous};

mod copy;
mod dispatch;
mod help;
mod picker;
pub use dispatch::Change;
pub use help::Offer;
#[cfg(test)]
mod axis_tests;
mod links;
mod mouse;
mod navigation;
mod page_search;
mod search_line;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_chart;
mod tour;
mod view_model;

pub use view_model::List;
use view_model::ListQuestion;

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
    /// Whether a reader (or the tour) chose that item, rather than it being the list's first
    /// by default: the time axis opens on a chosen record, else on the summit.
    pub chosen: bool,
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
    /// The pane's map is on (`m`; the meetings only).
    pub map: bool,
    /// The time axis shows instead of the list (`z`; the timeline only), at its zoom.
    pub axis: bool,
    pub zoom: crate::app::axis::Zoom,
    /// The pane's charts are on (`b`; the initiatives and the meetings). They take the
    /// map's place on screen, so at most one of the two is on.
    pub chart: bool,
    /// On a page without a list, the line of the search match last moved to (`n`/`N`).
    pub found: Option<usize>,
}

impl PaneState {
    /// Whether the pane's picture (its map or its charts) is on, for the layout.
    pub fn picture(&self) -> bool {
        self.map || self.chart
    }
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
    /// A filter's values to choose from (`t`, `c`, `Y`): narrowed by what is typed, the
    /// chosen one applied with Enter.
    Picker {
        facet: crate::app::pane::Facet,
        find: InputLine,
        selected: usize,
    },
    /// The help overlay, scrolled to a line, showing the lines that hold `find` (`/` over
    /// the help; `typing` while its line is open).
    Help {
        scroll: usize,
        find: InputLine,
        typing: bool,
    },
}

impl Mode {
    /// The help as it opens: at the top, every line.
    pub fn help() -> Mode {
        Mode::Help {
            scroll: 0,
            find: InputLine::default(),
            typing: false,
        }
    }
}

/// The dashboard's state. Nothing outside changes it but through `handle` and `update` (and
/// the few set-up calls below); drawing reads it through the accessors.
pub struct App {
    /// The Chinese catalog; `catalog()` is the one in the reader's language.
    catalog: Arc<Catalog>,
    lang: Lang,
    tab: Tab,
    panes: [PaneState; Tab::COUNT],
    /// Where Esc returns to after following links.
    history: Vec<(Tab, PaneState)>,
    mode: Mode,
    quit: bool,
    width: u16,
    height: u16,
    /// Set when the dashboard is part of a presented demo over SSH.
    presence: Option<Presence>,
    /// Text for the terminal's clipboard (`y`), taken and sent by whoever owns the terminal.
    clipboard: Option<String>,
    /// A one-off message for the status bar ("copied"), cleared by the next key.
    notice: Option<String>,
    lists: Memo<ListQuestion, Arc<Vec<usize>>>,
    /// Rows and details hold the chrome's glyphs and are cut to the width as measured in
    /// the ambiguous-width mode, so the mode is part of the question.
    drawn: Memo<(ListQuestion, usize, usize, Ambiguous), Arc<List>>,
    details: Memo<(Lang, Tab, usize, usize, Ambiguous), Arc<Doc>>,
    hits: Memo<(Lang, String), Arc<Vec<Hit>>>,
    /// The panes as they were in each language left in the current run of `L` presses: a
    /// scroll kept within another language's (shorter) detail comes back whole when `L` goes
    /// round to its language again at once.
    before_switch: Vec<(Lang, [PaneState; Tab::COUNT])>,
    /// The tour (kiosk mode), running or paused.
    tour: Option<crate::app::tour::Tour>,
    /// How long each step of a tour stays (`--tour SECONDS`).
    tour_interval: std::time::Duration,
    /// How long a paused tour waits without keys before it runs again (`--tour-resume`).
    tour_resume: Option<std::time::Duration>,
    /// A kiosk (`--kiosk`): `q` does not quit, so a visitor cannot close the demo.
    kiosk: bool,
    /// The keys in force: what a key does, and what the hints and the help say.
    keymap: Keymap,
}

const WHEEL_LINES: usize = 3;
/// Hits listed by search-everything.
pub const PALETTE_LIMIT: usize = 200;

impl App {
    pub fn new(catalog: Arc<Catalog>, width: u16, height: u16) -> Self {
        let mut panes: [PaneState; Tab::COUNT] = Default::default();
        panes[Tab::Overview.index()].focus = Focus::Detail;
        App {
            lang: catalog.lang,
            catalog,
            tab: Tab::Overview,
            panes,
            history: Vec::new(),
            mode: Mode::Normal,
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
            before_switch: Vec::new(),
            tour: None,
            tour_interval: tour::DEFAULT_TOUR_INTERVAL,
            tour_resume: Some(crate::app::tour::DEFAULT_RESUME),
            kiosk: false,
            keymap: Keymap::default(),
        }
    }

    /// The keys in force.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Gives the app the user's keymap (the config file's `[keys]`).
    pub fn set_keymap(&mut self, keymap: Keymap) {
        self.keymap = keymap;
    }

    /// The data and the chrome's words in the language the reader reads.
    pub fn catalog(&self) -> &Arc<Catalog> {
        self.catalog.in_lang(self.lang)
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Sets the language to read in (`--lang`, a viewer's `LANG`).
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        self.settle();
    }

    pub fn tab(&self) -> Tab {
        self.tab
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// Whether the user asked to leave.
    pub fn has_quit(&self) -> bool {
        self.quit
    }

    /// The screen's size: columns, rows.
    pub fn size(&self) -> (u16, u16) {
        (self.width, self.height)
    }

    pub fn presence(&self) -> Option<&Presence> {
        self.presence.as_ref()
    }

    /// Makes the dashboard part of a presented demo (or not), at set-up.
    pub fn set_presence(&mut self, presence: Option<Presence>) {
        self.presence = presence;
    }

    /// Who presents now, as the status bar of a presented demo names them.
    pub fn set_presenter(&mut self, presenter: Option<String>) {
        if let Some(presence) = &mut self.presence {
            presence.presenter = presenter;
        }
    }

    /// What `y` copied, for whoever owns the terminal to send (once).
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }

    /// The status bar's one-off message.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Whether the help overlay is open.
    pub fn help_open(&self) -> bool {
        matches!(self.mode, Mode::Help { .. })
    }

    /// True while a presenter drives this viewer's screen.
    pub fn is_following(&self) -> bool {
        self.presence.as_ref().is_some_and(Presence::is_following)
    }

    /// What followers copy: the tab, and its pane with the search being typed counted in.
    pub fn presented(&self) -> Presented {
        let mut pane = self.shown_pane().into_owned();
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
        // The presenter's screen (and tour, if they run one) replaces any tour of our own.
        self.tour = None;
        self.tab = presented.tab;
        // A follower's own help stays open while the presenter moves.
        if !self.help_open() {
            self.mode = Mode::Normal;
        }
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

    pub fn update(&mut self, action: Action) {
        if self.help_open() && self.scroll_help(action) {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Copy => self.copy_selected(),
            // Item numbers are the same in every language: the pane, selection, scroll and
            // search stay as they are.
            Action::ToggleLanguage => self.switch_language(Vec::new()),
            Action::ToggleHelp => {
                self.mode = if self.help_open() {
                    Mode::Normal
                } else {
                    Mode::help()
                };
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
            Action::Search => self.open_search(),
            Action::ToggleMap
            | Action::ToggleAxis
            | Action::ZoomIn
            | Action::ZoomOut
            | Action::ToggleChart => self.change_view(action),
            Action::ToggleTour => self.toggle_tour(),
            Action::Palette => {
                self.mode = Mode::Palette {
                    input: InputLine::default(),
                    selected: 0,
                }
            }
            Action::NextMatch => self.cycle_match(1),
            Action::PreviousMatch => self.cycle_match(-1),
            Action::SortNext | Action::SortReverse => self.sort(action == Action::SortReverse),
            Action::Filter(facet) => self.open_picker(facet),
            Action::ClearAll => {
                let pane = self.pane_mut();
                pane.query.clear();
                pane.found = None;
                pane.facets = Facets::default();
                pane.sort = Sort::default();
            }
            Action::Follow => {
                if let Some(Presence {
                    role: DemoRole::Follower { following },
                    ..
                }) = &mut self.presence
                {
                    *following = !*following;
                }
            }
        }
        self.settle();
    }

    /// `/`: the search line, holding the pane's search so far.
    fn open_search(&mut self) {
        let mut line = InputLine::default();
        line.insert(&self.pane().query);
        // A list is searched by narrowing it; a page (the overview) by marking and moving to
        // what matches, its focus where it was.
        if self.tab.has_list() {
            self.pane_mut().focus = Focus::List;
        }
        self.mode = Mode::Search(line);
    }

    /// The pane's other views: the map, the charts, the axis and its zoom. A key for a view
    /// the pane does not have does nothing.
    fn change_view(&mut self, action: Action) {
        match action {
            Action::ToggleMap if self.tab.has_map() => {
                let pane = self.pane_mut();
                pane.map = !pane.map;
                pane.chart = false;
                self.show_beside_list(self.pane().map);
            }
            Action::ToggleChart if self.tab.has_chart() => {
                let pane = self.pane_mut();
                pane.chart = !pane.chart;
                pane.map = false;
                self.show_beside_list(self.pane().chart);
            }
            Action::ToggleAxis if self.tab.has_axis() => {
                let pane = self.pane_mut();
                pane.axis = !pane.axis;
                // The axis is drawn where the list is: it takes the focus to show at once.
                if pane.axis {
                    pane.focus = Focus::List;
                }
                // It opens where the story is: on the summit, unless a record was chosen.
                if self.pane().axis
                    && !self.pane().chosen
                    && let Some(item) = self.summit_event()
                {
                    self.select_item(item);
                }
            }
            Action::ZoomIn | Action::ZoomOut if self.tab.has_axis() && self.pane().axis => {
                let pane = self.pane_mut();
                pane.zoom = if action == Action::ZoomIn {
                    pane.zoom.zoom_in()
                } else {
                    pane.zoom.zoom_out()
                };
            }
            _ => {}
        }
    }

    /// The first event the timeline lists on or after the summit's first day (else its last):
    /// where the time axis opens.
    fn summit_event(&self) -> Option<usize> {
        let catalog = self.catalog();
        let start = catalog.data.summit.as_ref()?.start.0;
        let list = self.list();
        let items = &list.items;
        let on_or_after = items.iter().copied().find(|&item| {
            catalog
                .timeline
                .get(item)
                .and_then(|&i| catalog.data.timeline.get(i))
                .is_some_and(|e| e.date.first_day() >= start)
        });
        on_or_after.or_else(|| items.last().copied())
    }

    /// A map or charts just opened show at once: where they take turns with the detail, the
    /// list takes the focus.
    fn show_beside_list(&mut self, opened: bool) {
        if opened && self.areas().is_some_and(|a| a.map.is_none()) {
            self.pane_mut().focus = Focus::List;
        }
    }

    /// `s` sorts by the next column, `S` reverses the sort.
    fn sort(&mut self, reverse: bool) {
        let columns = self.tab.pane().sorts().len();
        if columns == 0 {
            return;
        }
        let sort = &mut self.pane_mut().sort;
        *sort = if reverse {
            Sort {
                reverse: !sort.reverse,
                ..*sort
            }
        } else {
            Sort {
                column: (sort.column + 1) % columns,
                reverse: false,
            }
        };
    }

    fn switch(&mut self, tab: Tab) {
        self.tab = tab;
        if self.help_open() {
            self.mode = Mode::Normal;
        }
    }

    /// Brings every index back in range after any change (see `in_range`). Not while a
    /// search is typed: then the screen shows the pane in range (`shown_pane`) and nothing is
    /// stored until the search is kept or dropped.
    fn settle(&mut self) {
        if matches!(self.mode, Mode::Search(_)) {
            return;
        }
        let pane = self.in_range(self.pane().clone());
        *self.pane_mut() = pane;
    }
}
