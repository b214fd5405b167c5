use crate::app::pane::Facet;
use crate::app::tab::Tab;

/// Everything the user can ask for. The keymap maps keys to these; `App::update` is the only
/// place they change state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    NextTab,
    PreviousTab,
    GoTo(Tab),
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Open,
    Back,
    ToggleHelp,
    Search,
    Palette,
    NextMatch,
    PreviousMatch,
    SortNext,
    SortReverse,
    Filter(Facet),
    ClearAll,
    /// In a presented demo: stop following the presenter, or follow again.
    Follow,
    /// Copy the selected record as plain text to the terminal's clipboard (OSC 52).
    Copy,
    /// Read the dashboard in the other language (English or Chinese).
    ToggleLanguage,
    /// The meetings: show the map beside the list, or the detail again.
    ToggleMap,
    /// The timeline: show the events on a time axis, or the list again.
    ToggleAxis,
    /// The timeline's axis: show less time (decades, years, months, hours), or more.
    ZoomIn,
    ZoomOut,
    /// The initiatives and the meetings: show the charts beside the list, or the detail again.
    ToggleChart,
    /// The tour (kiosk mode): start it, or resume it after a key paused it.
    ToggleTour,
}

impl Action {
    /// Every action, in the keymap's order.
    pub const ALL: [Action; 39] = [
        Action::Down,
        Action::Up,
        Action::Top,
        Action::Bottom,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Open,
        Action::Back,
        Action::NextTab,
        Action::PreviousTab,
        Action::GoTo(Tab::Overview),
        Action::GoTo(Tab::Outcomes),
        Action::GoTo(Tab::Initiatives),
        Action::GoTo(Tab::Timeline),
        Action::GoTo(Tab::Meetings),
        Action::GoTo(Tab::Results),
        Action::Search,
        Action::Palette,
        Action::NextMatch,
        Action::PreviousMatch,
        Action::SortNext,
        Action::SortReverse,
        Action::Filter(Facet::Type),
        Action::Filter(Facet::Category),
        Action::Filter(Facet::Year),
        Action::ClearAll,
        Action::ToggleMap,
        Action::ToggleAxis,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ToggleChart,
        Action::ToggleTour,
        Action::Copy,
        Action::Follow,
        Action::ToggleLanguage,
        Action::ToggleHelp,
        Action::Quit,
    ];

    /// The action's name in the config file's `[keys]` table.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::NextTab => "next_tab",
            Action::PreviousTab => "previous_tab",
            Action::GoTo(Tab::Overview) => "tab_overview",
            Action::GoTo(Tab::Outcomes) => "tab_outcomes",
            Action::GoTo(Tab::Initiatives) => "tab_initiatives",
            Action::GoTo(Tab::Timeline) => "tab_timeline",
            Action::GoTo(Tab::Meetings) => "tab_meetings",
            Action::GoTo(Tab::Results) => "tab_results",
            Action::Up => "up",
            Action::Down => "down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::HalfPageUp => "half_page_up",
            Action::HalfPageDown => "half_page_down",
            Action::Open => "open",
            Action::Back => "back",
            Action::ToggleHelp => "help",
            Action::Search => "search",
            Action::Palette => "search_all",
            Action::NextMatch => "next_match",
            Action::PreviousMatch => "previous_match",
            Action::SortNext => "sort_next",
            Action::SortReverse => "sort_reverse",
            Action::Filter(Facet::Type) => "filter_type",
            Action::Filter(Facet::Category) => "filter_category",
            Action::Filter(Facet::Year) => "filter_year",
            Action::ClearAll => "clear_all",
            Action::Follow => "follow",
            Action::Copy => "copy",
            Action::ToggleLanguage => "language",
            Action::ToggleMap => "map",
            Action::ToggleAxis => "axis",
            Action::ZoomIn => "zoom_in",
            Action::ZoomOut => "zoom_out",
            Action::ToggleChart => "chart",
            Action::ToggleTour => "tour",
        }
    }

    /// The action a config file names.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}
