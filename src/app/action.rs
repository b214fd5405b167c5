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
}

impl Action {
    /// What the action does, as the help overlay and the key hints say it.
    pub fn description(self) -> &'static str {
        match self {
            Action::Quit => "退出 quit",
            Action::NextTab => "下一个标签 next tab",
            Action::PreviousTab => "上一个标签 previous tab",
            Action::GoTo(_) => "转到标签 go to tab",
            Action::Up => "上移 up",
            Action::Down => "下移 down",
            Action::Top => "到顶 top",
            Action::Bottom => "到底 bottom",
            Action::PageUp => "上一页 page up",
            Action::PageDown => "下一页 page down",
            Action::HalfPageUp => "上半页 half page up",
            Action::HalfPageDown => "下半页 half page down",
            Action::Open => "打开详情 / 跟随链接 open, follow",
            Action::Back => "返回 back",
            Action::ToggleHelp => "帮助 help",
            Action::Search => "在本页搜索（拼音、首字母） search this pane",
            Action::Palette => "搜索全部 search everything",
            Action::NextMatch => "下一个匹配 next match",
            Action::PreviousMatch => "上一个匹配 previous match",
            Action::SortNext => "换排序列 sort by the next column",
            Action::SortReverse => "反向排序 reverse the sort",
            Action::Filter(Facet::Type) => "筛选组别/类型 filter by group or kind",
            Action::Filter(Facet::Category) => "筛选类别/城市 filter by category or city",
            Action::Filter(Facet::Year) => "筛选年份 filter by year",
            Action::ClearAll => "清除搜索和筛选 clear search and filters",
            Action::Follow => "跟随演示者/自己浏览 follow or browse alone",
            Action::Copy => "复制所选记录 copy the record",
        }
    }

    /// The short word shown in the status bar's key hints.
    pub fn hint(self) -> &'static str {
        match self {
            Action::Quit => "退出",
            Action::NextTab | Action::PreviousTab | Action::GoTo(_) => "标签",
            Action::Up | Action::Down => "移动",
            Action::Top | Action::Bottom => "首尾",
            Action::PageUp | Action::PageDown | Action::HalfPageUp | Action::HalfPageDown => "翻页",
            Action::Open => "打开",
            Action::Back => "返回",
            Action::ToggleHelp => "帮助",
            Action::Search => "搜索",
            Action::Palette => "全部",
            Action::NextMatch | Action::PreviousMatch => "匹配",
            Action::SortNext | Action::SortReverse => "排序",
            Action::Filter(_) => "筛选",
            Action::ClearAll => "清除",
            Action::Follow => "跟随",
            Action::Copy => "复制",
        }
    }

    /// Every action, in the keymap's order.
    pub const ALL: [Action; 32] = [
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
        Action::Copy,
        Action::Follow,
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
        }
    }

    /// The action a config file names.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}
