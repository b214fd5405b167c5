//! Everything the user can ask for, and the one table that says, for each, its name in the
//! config file, its default keys, its words in each language and where it shows. The keymap,
//! the status bar's hints, the help and the config file's `[keys]` all read this table, so
//! adding a key is a row here and its handling in `App::update`.

use std::sync::LazyLock;

use crate::app::input::{Key, KeyCode};
use crate::app::pane::Facet;
use crate::app::tab::{EnumCount, Tab};
use crate::data::lang::Lang;

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
    /// Read the dashboard in the next language (Chinese, English, Russian, round again).
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

/// One row of the table.
#[derive(Debug, Clone)]
pub struct Command {
    pub action: Action,
    /// The name in the config file's `[keys]` table.
    pub name: &'static str,
    /// The built-in keys, first the one hints show.
    pub keys: &'static [Key],
    pub said: Said,
    pub shows: Shows,
}

/// A command's words in each language: a language missing from a row is a compile error.
#[derive(Debug, Clone)]
pub struct Said {
    pub zh: Phrase,
    pub en: Phrase,
    pub ru: Phrase,
}

impl Said {
    pub fn get(&self, lang: Lang) -> &Phrase {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
        }
    }
}

/// What the help says a command does, and the status bar's shorter word for it.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub help: &'static str,
    pub hint: &'static str,
}

impl Phrase {
    const fn new(help: &'static str, hint: &'static str) -> Phrase {
        Phrase { help, hint }
    }
}

/// Where a command's key is shown besides the help, which lists every command.
#[derive(Debug, Clone, Copy)]
pub enum Shows {
    /// The help only.
    Help,
    /// The status bar too, on every pane.
    Bar,
    /// The status bar too, on the panes it serves (a pane's other views).
    Pane(fn(Tab) -> bool),
}

impl Shows {
    /// Whether the command's key is in the status bar on this pane.
    pub fn in_bar(self, tab: Tab) -> bool {
        match self {
            Shows::Help => false,
            Shows::Bar => true,
            Shows::Pane(serves) => serves(tab),
        }
    }
}

/// The rows before the tabs', in the keymap's order (the help's and the status bar's).
static BEFORE_TABS: &[Command] = &[
    Command {
        action: Action::Down,
        name: "down",
        keys: &[Key::char('j'), Key::plain(KeyCode::Down)],
        said: Said {
            zh: Phrase::new("下移", "移动"),
            en: Phrase::new("down", "move"),
            ru: Phrase::new("вниз", "перемещение"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::Up,
        name: "up",
        keys: &[Key::char('k'), Key::plain(KeyCode::Up)],
        said: Said {
            zh: Phrase::new("上移", "移动"),
            en: Phrase::new("up", "move"),
            ru: Phrase::new("вверх", "перемещение"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::Top,
        name: "top",
        keys: &[Key::char('g'), Key::plain(KeyCode::Home)],
        said: Said {
            zh: Phrase::new("到顶", "首尾"),
            en: Phrase::new("top", "ends"),
            ru: Phrase::new("в начало", "края"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::Bottom,
        name: "bottom",
        keys: &[Key::char('G'), Key::plain(KeyCode::End)],
        said: Said {
            zh: Phrase::new("到底", "首尾"),
            en: Phrase::new("bottom", "ends"),
            ru: Phrase::new("в конец", "края"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::PageDown,
        name: "page_down",
        keys: &[Key::plain(KeyCode::PageDown)],
        said: Said {
            zh: Phrase::new("下一页", "翻页"),
            en: Phrase::new("page down", "page"),
            ru: Phrase::new("страница вниз", "страницы"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::PageUp,
        name: "page_up",
        keys: &[Key::plain(KeyCode::PageUp)],
        said: Said {
            zh: Phrase::new("上一页", "翻页"),
            en: Phrase::new("page up", "page"),
            ru: Phrase::new("страница вверх", "страницы"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::HalfPageDown,
        name: "half_page_down",
        keys: &[Key::ctrl('d')],
        said: Said {
            zh: Phrase::new("下半页", "翻页"),
            en: Phrase::new("half page down", "page"),
            ru: Phrase::new("полстраницы вниз", "страницы"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::HalfPageUp,
        name: "half_page_up",
        keys: &[Key::ctrl('u')],
        said: Said {
            zh: Phrase::new("上半页", "翻页"),
            en: Phrase::new("half page up", "page"),
            ru: Phrase::new("полстраницы вверх", "страницы"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::Open,
        name: "open",
        keys: &[Key::plain(KeyCode::Enter)],
        said: Said {
            zh: Phrase::new("打开详情 / 跟随链接", "打开"),
            en: Phrase::new("open the detail, follow a link", "open"),
            ru: Phrase::new("открыть подробности, перейти по ссылке", "открыть"),
        },
        shows: Shows::Bar,
    },
    Command {
        action: Action::Back,
        name: "back",
        keys: &[Key::plain(KeyCode::Esc), Key::plain(KeyCode::Backspace)],
        said: Said {
            zh: Phrase::new("返回", "返回"),
            en: Phrase::new("back", "back"),
            ru: Phrase::new("назад", "назад"),
        },
        shows: Shows::Bar,
    },
    Command {
        action: Action::NextTab,
        name: "next_tab",
        keys: &[
            Key::plain(KeyCode::Tab),
            Key::char('l'),
            Key::plain(KeyCode::Right),
        ],
        said: Said {
            zh: Phrase::new("下一个标签", "标签"),
            en: Phrase::new("next tab", "tabs"),
            ru: Phrase::new("следующая вкладка", "вкладки"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::PreviousTab,
        name: "previous_tab",
        keys: &[
            Key::plain(KeyCode::BackTab),
            Key::char('h'),
            Key::plain(KeyCode::Left),
        ],
        said: Said {
            zh: Phrase::new("上一个标签", "标签"),
            en: Phrase::new("previous tab", "tabs"),
            ru: Phrase::new("предыдущая вкладка", "вкладки"),
        },
        shows: Shows::Help,
    },
];

/// The rows after the tabs'.
static AFTER_TABS: &[Command] = &[
    Command {
        action: Action::Search,
        name: "search",
        keys: &[Key::char('/')],
        said: Said {
            zh: Phrase::new("在本页搜索（拼音、首字母）", "搜索"),
            en: Phrase::new("search this pane (English, Chinese, pinyin)", "search"),
            ru: Phrase::new("поиск по панели (и по-китайски, пиньинем)", "поиск"),
        },
        shows: Shows::Bar,
    },
    Command {
        action: Action::Palette,
        name: "search_all",
        keys: &[Key::ctrl('f'), Key::char(':')],
        said: Said {
            zh: Phrase::new("搜索全部", "全部"),
            en: Phrase::new("search everything", "all"),
            ru: Phrase::new("искать везде", "везде"),
        },
        shows: Shows::Bar,
    },
    Command {
        action: Action::NextMatch,
        name: "next_match",
        keys: &[Key::char('n')],
        said: Said {
            zh: Phrase::new("下一个匹配", "匹配"),
            en: Phrase::new("next match", "match"),
            ru: Phrase::new("следующее совпадение", "совпадения"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::PreviousMatch,
        name: "previous_match",
        keys: &[Key::char('N')],
        said: Said {
            zh: Phrase::new("上一个匹配", "匹配"),
            en: Phrase::new("previous match", "match"),
            ru: Phrase::new("предыдущее совпадение", "совпадения"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::SortNext,
        name: "sort_next",
        keys: &[Key::char('s')],
        said: Said {
            zh: Phrase::new("换排序列", "排序"),
            en: Phrase::new("sort by the next column", "sort"),
            ru: Phrase::new("сортировать по следующему столбцу", "сортировка"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::SortReverse,
        name: "sort_reverse",
        keys: &[Key::char('S')],
        said: Said {
            zh: Phrase::new("反向排序", "排序"),
            en: Phrase::new("reverse the sort", "sort"),
            ru: Phrase::new("обратный порядок", "сортировка"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::Filter(Facet::Type),
        name: "filter_type",
        keys: &[Key::char('t')],
        said: Said {
            zh: Phrase::new("筛选组别/类型", "筛选"),
            en: Phrase::new("filter by group or kind", "filter"),
            ru: Phrase::new("фильтр по группе или типу", "фильтр"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::Filter(Facet::Category),
        name: "filter_category",
        keys: &[Key::char('c')],
        said: Said {
            zh: Phrase::new("筛选类别/城市", "筛选"),
            en: Phrase::new("filter by category or city", "filter"),
            ru: Phrase::new("фильтр по категории или городу", "фильтр"),
        },
        shows: Shows::Help,
    },
    // `y` copies, as it yanks in vim and most terminal tools; the year filter is `Y`.
    Command {
        action: Action::Filter(Facet::Year),
        name: "filter_year",
        keys: &[Key::char('Y')],
        said: Said {
            zh: Phrase::new("筛选年份", "筛选"),
            en: Phrase::new("filter by year", "filter"),
            ru: Phrase::new("фильтр по году", "фильтр"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::ClearAll,
        name: "clear_all",
        keys: &[Key::char('x')],
        said: Said {
            zh: Phrase::new("清除搜索、筛选和排序", "清除"),
            en: Phrase::new("clear search, filters and sort", "clear"),
            ru: Phrase::new("сбросить поиск, фильтры и сортировку", "сбросить"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::ToggleMap,
        name: "map",
        keys: &[Key::char('m')],
        said: Said {
            zh: Phrase::new("地图 / 详情", "地图"),
            en: Phrase::new("show the map or the detail", "map"),
            ru: Phrase::new("карта или подробности", "карта"),
        },
        shows: Shows::Pane(Tab::has_map),
    },
    Command {
        action: Action::ToggleAxis,
        name: "axis",
        keys: &[Key::char('z')],
        said: Said {
            zh: Phrase::new("列表 / 时间轴", "时间轴"),
            en: Phrase::new("show the list or the time axis", "axis"),
            ru: Phrase::new("список или временная ось", "ось"),
        },
        shows: Shows::Pane(Tab::has_axis),
    },
    Command {
        action: Action::ZoomIn,
        name: "zoom_in",
        keys: &[Key::char('+'), Key::char('=')],
        said: Said {
            zh: Phrase::new("时间轴放大（年代、年、月、小时）", "放大"),
            en: Phrase::new("axis: zoom in (decades to hours)", "zoom in"),
            ru: Phrase::new("ось: крупнее (от десятилетий до часов)", "крупнее"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::ZoomOut,
        name: "zoom_out",
        keys: &[Key::char('-')],
        said: Said {
            zh: Phrase::new("时间轴缩小", "缩小"),
            en: Phrase::new("axis: zoom out", "zoom out"),
            ru: Phrase::new("ось: мельче", "мельче"),
        },
        shows: Shows::Help,
    },
    // `b` for bars (`g` is the top, as in vim and less).
    Command {
        action: Action::ToggleChart,
        name: "chart",
        keys: &[Key::char('b')],
        said: Said {
            zh: Phrase::new("图表 / 详情", "图表"),
            en: Phrase::new("show the charts or the detail", "charts"),
            ru: Phrase::new("диаграммы или подробности", "диаграммы"),
        },
        shows: Shows::Pane(Tab::has_chart),
    },
    Command {
        action: Action::ToggleTour,
        name: "tour",
        keys: &[Key::char('T')],
        said: Said {
            zh: Phrase::new("导览：任意键仅暂停", "导览"),
            en: Phrase::new("tour: any key only pauses it", "tour"),
            ru: Phrase::new("показ: любая клавиша его лишь приостановит", "показ"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::Copy,
        name: "copy",
        keys: &[Key::char('y')],
        said: Said {
            zh: Phrase::new("复制所选记录", "复制"),
            en: Phrase::new("copy the record", "copy"),
            ru: Phrase::new("скопировать запись", "копировать"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::Follow,
        name: "follow",
        keys: &[Key::char('f')],
        said: Said {
            zh: Phrase::new("跟随演示者/自己浏览", "跟随"),
            en: Phrase::new("follow the presenter or browse alone", "follow"),
            ru: Phrase::new("следовать за ведущим или смотреть самому", "следовать"),
        },
        shows: Shows::Help,
    },
    Command {
        action: Action::ToggleHelp,
        name: "help",
        keys: &[Key::char('?')],
        said: Said {
            zh: Phrase::new("帮助", "帮助"),
            en: Phrase::new("help", "help"),
            ru: Phrase::new("справка", "справка"),
        },
        shows: Shows::Bar,
    },
    Command {
        action: Action::Quit,
        name: "quit",
        keys: &[Key::char('q'), Key::ctrl('c')],
        said: Said {
            zh: Phrase::new("退出", "退出"),
            en: Phrase::new("quit", "quit"),
            ru: Phrase::new("выйти", "выход"),
        },
        shows: Shows::Bar,
    },
    // Last: on a narrow bar its hint gives way before quit's.
    Command {
        action: Action::ToggleLanguage,
        name: "language",
        keys: &[Key::char('L')],
        said: Said {
            zh: Phrase::new("切换语言 English / Русский / 中文", "English"),
            en: Phrase::new("switch language: Русский / 中文 / English", "Русский"),
            ru: Phrase::new("сменить язык: 中文 / English / Русский", "中文"),
        },
        shows: Shows::Bar,
    },
];

/// The digit that goes to each tab: `1` to the first.
static TAB_KEYS: [Key; 9] = [
    Key::char('1'),
    Key::char('2'),
    Key::char('3'),
    Key::char('4'),
    Key::char('5'),
    Key::char('6'),
    Key::char('7'),
    Key::char('8'),
    Key::char('9'),
];

/// A tab's row, made from the tab list: its digit, `tab_<name>` and the tab's own title.
fn tab_command(tab: Tab) -> Command {
    const { assert!(Tab::COUNT <= TAB_KEYS.len(), "more tabs than digit keys") };
    Command {
        action: Action::GoTo(tab),
        name: tab.config_name(),
        keys: std::slice::from_ref(&TAB_KEYS[tab.index()]),
        said: Said {
            zh: Phrase::new("转到标签", "标签"),
            en: Phrase::new("go to tab", "tabs"),
            ru: Phrase::new("перейти на вкладку", "вкладки"),
        },
        shows: Shows::Help,
    }
}

static COMMANDS: LazyLock<Vec<Command>> = LazyLock::new(|| {
    BEFORE_TABS
        .iter()
        .cloned()
        .chain(Tab::ALL.into_iter().map(tab_command))
        .chain(AFTER_TABS.iter().cloned())
        .collect()
});

/// Every command, in the keymap's order.
pub fn commands() -> &'static [Command] {
    &COMMANDS
}

impl Action {
    /// The action's row in the table.
    pub fn command(self) -> &'static Command {
        // Every action has a row: `every_action_has_a_row` checks the enum against the table.
        commands()
            .iter()
            .find(|command| command.action == self)
            .unwrap_or(&commands()[0])
    }

    /// The action's name in the config file's `[keys]` table.
    pub fn name(self) -> &'static str {
        self.command().name
    }

    /// The action a config file names.
    pub fn from_name(name: &str) -> Option<Action> {
        commands()
            .iter()
            .find(|command| command.name == name)
            .map(|command| command.action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every action. A new variant makes the match fail to compile, pointing here: list it
    /// below, and give it a row in the table.
    fn every_action() -> Vec<Action> {
        use Action::*;
        let _exhaustive = |action: Action| match action {
            Quit | NextTab | PreviousTab | GoTo(_) | Up | Down | Top | Bottom | PageUp
            | PageDown | HalfPageUp | HalfPageDown | Open | Back | ToggleHelp | Search
            | Palette | NextMatch | PreviousMatch | SortNext | SortReverse | Filter(_)
            | ClearAll | Follow | Copy | ToggleLanguage | ToggleMap | ToggleAxis | ZoomIn
            | ZoomOut | ToggleChart | ToggleTour => (),
        };
        let mut all = vec![
            Quit,
            NextTab,
            PreviousTab,
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
            ClearAll,
            Follow,
            Copy,
            ToggleLanguage,
            ToggleMap,
            ToggleAxis,
            ZoomIn,
            ZoomOut,
            ToggleChart,
            ToggleTour,
        ];
        all.extend(Tab::ALL.map(GoTo));
        all.extend([Facet::Type, Facet::Category, Facet::Year].map(Filter));
        all
    }

    #[test]
    fn every_action_has_one_row() {
        let all = every_action();
        for action in &all {
            let rows = commands().iter().filter(|c| c.action == *action).count();
            assert_eq!(rows, 1, "{action:?} has {rows} rows");
        }
        assert_eq!(commands().len(), all.len());
    }

    #[test]
    fn every_action_has_a_unique_name() {
        for command in commands() {
            assert_eq!(Action::from_name(command.name), Some(command.action));
        }
    }
}
