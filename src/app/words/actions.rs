//! What each action and search-line key does, as the help and the key hints say it.

use crate::app::action::Action;
use crate::app::keymap::LineAction;
use crate::app::pane::Facet;

pub(super) fn describe_zh(action: Action) -> &'static str {
    match action {
        Action::Quit => "退出",
        Action::NextTab => "下一个标签",
        Action::PreviousTab => "上一个标签",
        Action::GoTo(_) => "转到标签",
        Action::Up => "上移",
        Action::Down => "下移",
        Action::Top => "到顶",
        Action::Bottom => "到底",
        Action::PageUp => "上一页",
        Action::PageDown => "下一页",
        Action::HalfPageUp => "上半页",
        Action::HalfPageDown => "下半页",
        Action::Open => "打开详情 / 跟随链接",
        Action::Back => "返回",
        Action::ToggleHelp => "帮助",
        Action::Search => "在本页搜索（拼音、首字母）",
        Action::Palette => "搜索全部",
        Action::NextMatch => "下一个匹配",
        Action::PreviousMatch => "上一个匹配",
        Action::SortNext => "换排序列",
        Action::SortReverse => "反向排序",
        Action::Filter(Facet::Type) => "筛选组别/类型",
        Action::Filter(Facet::Category) => "筛选类别/城市",
        Action::Filter(Facet::Year) => "筛选年份",
        Action::ClearAll => "清除搜索和筛选",
        Action::Follow => "跟随演示者/自己浏览",
        Action::Copy => "复制所选记录",
        Action::ToggleLanguage => "切换语言 English / 中文",
        Action::ToggleMap => "元首会见：地图 / 详情",
        Action::ToggleAxis => "时间线：列表 / 时间轴",
        Action::ZoomIn => "时间轴放大（年代、年、月、小时）",
        Action::ZoomOut => "时间轴缩小",
        Action::ToggleChart => "合作倡议、元首会见：图表 / 详情",
        Action::ToggleTour => "导览：任意键仅暂停",
    }
}

pub(super) fn hint_zh(action: Action) -> &'static str {
    match action {
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
        Action::ToggleLanguage => "English",
        Action::ToggleMap => "地图",
        Action::ToggleAxis => "时间轴",
        Action::ZoomIn => "放大",
        Action::ZoomOut => "缩小",
        Action::ToggleChart => "图表",
        Action::ToggleTour => "导览",
    }
}

pub(super) fn describe_line_zh(action: LineAction) -> &'static str {
    match action {
        LineAction::Keep => "保留筛选 / 跳到结果",
        LineAction::Cancel => "清除并关闭",
        LineAction::Left => "光标左移一字",
        LineAction::Right => "光标右移一字",
        LineAction::Home => "到行首",
        LineAction::End => "到行尾",
        LineAction::DeleteBack => "删除前一个字",
        LineAction::DeleteForward => "删除后一个字",
        LineAction::Clear => "清空",
        LineAction::PreviousHit => "上一个结果（搜索全部）",
        LineAction::NextHit => "下一个结果（搜索全部）",
        LineAction::Quit => "退出",
    }
}

pub(super) fn describe_en(action: Action) -> &'static str {
    match action {
        Action::Quit => "quit",
        Action::NextTab => "next tab",
        Action::PreviousTab => "previous tab",
        Action::GoTo(_) => "go to tab",
        Action::Up => "up",
        Action::Down => "down",
        Action::Top => "top",
        Action::Bottom => "bottom",
        Action::PageUp => "page up",
        Action::PageDown => "page down",
        Action::HalfPageUp => "half page up",
        Action::HalfPageDown => "half page down",
        Action::Open => "open the detail, follow a link",
        Action::Back => "back",
        Action::ToggleHelp => "help",
        Action::Search => "search this pane (English, Chinese, pinyin)",
        Action::Palette => "search everything",
        Action::NextMatch => "next match",
        Action::PreviousMatch => "previous match",
        Action::SortNext => "sort by the next column",
        Action::SortReverse => "reverse the sort",
        Action::Filter(Facet::Type) => "filter by group or kind",
        Action::Filter(Facet::Category) => "filter by category or city",
        Action::Filter(Facet::Year) => "filter by year",
        Action::ClearAll => "clear search and filters",
        Action::Follow => "follow the presenter or browse alone",
        Action::Copy => "copy the record",
        Action::ToggleLanguage => "switch language: 中文 / English",
        Action::ToggleMap => "meetings: show the map or the detail",
        Action::ToggleAxis => "timeline: show the list or the time axis",
        Action::ZoomIn => "axis: zoom in (decades to hours)",
        Action::ZoomOut => "axis: zoom out",
        Action::ToggleChart => "initiatives, meetings: charts or detail",
        Action::ToggleTour => "tour: any key only pauses it",
    }
}

pub(super) fn hint_en(action: Action) -> &'static str {
    match action {
        Action::Quit => "quit",
        Action::NextTab | Action::PreviousTab | Action::GoTo(_) => "tabs",
        Action::Up | Action::Down => "move",
        Action::Top | Action::Bottom => "ends",
        Action::PageUp | Action::PageDown | Action::HalfPageUp | Action::HalfPageDown => "page",
        Action::Open => "open",
        Action::Back => "back",
        Action::ToggleHelp => "help",
        Action::Search => "search",
        Action::Palette => "all",
        Action::NextMatch | Action::PreviousMatch => "match",
        Action::SortNext | Action::SortReverse => "sort",
        Action::Filter(_) => "filter",
        Action::ClearAll => "clear",
        Action::Follow => "follow",
        Action::Copy => "copy",
        Action::ToggleLanguage => "中文",
        Action::ToggleMap => "map",
        Action::ToggleAxis => "axis",
        Action::ZoomIn => "zoom in",
        Action::ZoomOut => "zoom out",
        Action::ToggleChart => "charts",
        Action::ToggleTour => "tour",
    }
}

pub(super) fn describe_line_en(action: LineAction) -> &'static str {
    match action {
        LineAction::Keep => "keep the filter, jump to the hit",
        LineAction::Cancel => "clear and close",
        LineAction::Left => "caret left",
        LineAction::Right => "caret right",
        LineAction::Home => "start of the line",
        LineAction::End => "end of the line",
        LineAction::DeleteBack => "delete before the caret",
        LineAction::DeleteForward => "delete after the caret",
        LineAction::Clear => "clear the line",
        LineAction::PreviousHit => "previous hit (search everything)",
        LineAction::NextHit => "next hit (search everything)",
        LineAction::Quit => "quit",
    }
}
