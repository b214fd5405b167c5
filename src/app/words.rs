//! Every word of the chrome, in each language: one table per language, so a word missing
//! from one is a compile error, and another language is one more table. The Chinese screen
//! keeps its English section labels beside the Chinese ones; the English screen is English
//! only (a test checks it holds no CJK).

mod actions;

use chrono::Datelike;

use actions::*;

use crate::app::action::Action;
use crate::app::keymap::LineAction;
use crate::app::tab::Tab;
use crate::data::lang::Lang;
use crate::data::values::{Date, PartialDate};

/// The words of one language. Words that take values are functions, since word order and
/// number formats differ between languages.
pub struct Words {
    pub lang_name: &'static str,
    pub tabs: [&'static str; 6],
    pub date: fn(Date) -> String,
    pub partial: fn(PartialDate) -> String,
    /// "2025年8月31日至9月1日" — a span between two dates as a field shows it.
    pub span: fn(&str, &str) -> String,
    /// A month-precise event's time column: "7月".
    pub month: fn(u32) -> String,
    /// The timeline's day separator: "8月31日".
    pub day: fn(u32, u32) -> String,
    /// "（至2025年9月1日）" after a list title.
    pub until: fn(&str) -> String,
    /// Marks a derived date: "（推定）".
    pub derived: &'static str,
    /// Marks an approximate time: "许" in "10:00许".
    pub approx: &'static str,
    pub derived_label: &'static str,
    pub note_label: &'static str,
    pub unknown: &'static str,
    pub date_unknown: &'static str,
    pub unnamed: &'static str,
    /// "乌兹别克斯坦领导人（未具名）"
    pub unnamed_leader: fn(&str) -> String,
    /// "阿塞拜疆总统（未具名）"
    pub unnamed_with_title: fn(&str, &str) -> String,
    /// "俄罗斯总统" / "President of Russia"
    pub office: fn(&str, &str) -> String,
    /// "俄罗斯总统 普京" / "Putin, President of Russia"
    pub titled: fn(&str, &str) -> String,
    /// The initiatives table's group and category columns.
    pub initiative_columns: (usize, usize),
    /// "成果3"
    pub outcome: fn(u32) -> String,
    /// "第3项"
    pub initiative: fn(u32) -> String,
    pub only_year: &'static str,
    pub only_month: &'static str,
    pub derived_year: &'static str,
    pub derived_month: &'static str,
    pub list_separator: &'static str,
    /// A participant line: "20余位外国领导人" / "more than 20 foreign leaders".
    pub amount: fn(&str, &str) -> String,
    /// A figure line: "27个  上合组织国家" / "27 countries: SCO countries".
    pub figure: fn(&str, &str) -> String,
    /// "：" between a name and what follows.
    pub colon: &'static str,
    /// "（…）" after a text.
    pub aside: fn(&str) -> String,
    /// Around a quotation: 「…」.
    pub quote_open: &'static str,
    pub quote_close: &'static str,
    // Detail fields.
    pub f_date: &'static str,
    pub f_time: &'static str,
    pub f_place: &'static str,
    pub f_occasion: &'static str,
    pub f_host: &'static str,
    pub f_term: &'static str,
    pub f_theme: &'static str,
    pub f_when_where: &'static str,
    pub f_slogan: &'static str,
    pub f_fields: &'static str,
    pub f_attending: &'static str,
    pub f_numbers: &'static str,
    pub f_items: &'static str,
    // Detail headings.
    pub h_facts: &'static str,
    pub h_initiatives: &'static str,
    pub h_documents: &'static str,
    pub h_events: &'static str,
    pub h_note: &'static str,
    pub h_commitments: &'static str,
    pub h_outcomes: &'static str,
    pub h_outcome_of: &'static str,
    pub h_meetings: &'static str,
    pub h_concepts: &'static str,
    pub h_reactions: &'static str,
    pub h_sources: &'static str,
    pub h_timeline: &'static str,
    pub h_quotes: &'static str,
    pub h_at_summit: &'static str,
    pub h_china_side: &'static str,
    pub h_counterpart_side: &'static str,
    pub h_coop_documents: &'static str,
    pub h_two_meetings: &'static str,
    pub h_participants: &'static str,
    pub h_chairmanship: &'static str,
    pub h_next_summit: &'static str,
    pub h_figures: &'static str,
    pub h_summit_documents: &'static str,
    pub h_earlier_documents: &'static str,
    pub h_leaders: &'static str,
    /// "成果清单 Results list：声明313项，来源中有223项"
    pub h_results: fn(u32, usize) -> String,
    /// "（习近平主持）"
    pub chaired_by: fn(&str) -> String,
    /// "2026年 · 吉尔吉斯斯坦"
    pub next_year: fn(i32) -> String,
    /// "（王毅表述为“…”）"
    pub wang_put_it: fn(&str) -> String,
    pub no_summit: &'static str,
    /// "声明110项，来源中有87项"
    pub counts: fn(u32, usize) -> String,
    pub in_sources: &'static str,
    pub not_in_sources: &'static str,
    pub not_in_sources_label: &'static str,
    // List columns and facets.
    pub c_date: &'static str,
    pub c_part: &'static str,
    pub c_city: &'static str,
    pub c_counterpart: &'static str,
    pub c_country: &'static str,
    pub c_group: &'static str,
    pub c_category: &'static str,
    pub c_initiative: &'static str,
    pub c_commitment: &'static str,
    pub c_kind: &'static str,
    pub c_year: &'static str,
    pub group_summit: &'static str,
    pub group_other: &'static str,
    // The chrome around the panes.
    /// A pane's frame title: "八大成果 Outcomes".
    pub pane_title: fn(Tab) -> String,
    pub detail_title: &'static str,
    pub overview_title: &'static str,
    /// "3/5（共36）"
    pub of_total: fn(usize, usize, usize) -> String,
    pub nothing_matches: &'static str,
    pub clear: &'static str,
    pub searched: &'static str,
    pub filtered: &'static str,
    pub sorted: &'static str,
    /// The search line's tail: "  12项 · Enter 保留 · Esc 清除".
    pub search_tail: fn(usize, &str) -> String,
    pub palette_title: fn(&str) -> String,
    pub palette_prompt: &'static str,
    pub palette_footer: fn(usize, &str, &str) -> String,
    pub help_title: fn(&str) -> String,
    pub help_scroll: fn(usize, &str, usize, usize) -> String,
    pub go_to_tab: fn(&str) -> String,
    pub go_to_tabs: fn(&str) -> String,
    pub mouse: &'static str,
    pub mouse_help: &'static str,
    pub derived_help: &'static str,
    pub in_search_line: &'static str,
    pub too_small: [&'static str; 3],
    pub presenting: &'static str,
    pub no_presenter: &'static str,
    /// "跟随 alice · f 自己浏览"
    pub following: fn(&str, &str) -> String,
    pub browsing: fn(&str, &str) -> String,
    pub copied: fn(usize) -> String,
    pub nothing_to_copy: &'static str,
    /// The status bar's language mark: what `L` switches to.
    pub language: &'static str,
    pub describe: fn(Action) -> &'static str,
    pub hint: fn(Action) -> &'static str,
    pub describe_line: fn(LineAction) -> &'static str,
}

impl Words {
    /// A tab's title.
    pub fn tab(&self, tab: Tab) -> &'static str {
        self.tabs[tab.index()]
    }
}

impl Lang {
    /// The chrome's words in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

fn zh_date(date: Date) -> String {
    let d = date.0;
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

fn zh_partial(date: PartialDate) -> String {
    match date {
        PartialDate::Year(y) => format!("{y}年"),
        PartialDate::Month(y, m) => format!("{y}年{m}月"),
        PartialDate::Day(d) => zh_date(Date(d)),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(month: u32) -> &'static str {
    MONTHS[(month as usize).clamp(1, 12) - 1]
}

fn en_date(date: Date) -> String {
    let d = date.0;
    format!("{} {} {}", d.day(), month_name(d.month()), d.year())
}

fn en_partial(date: PartialDate) -> String {
    match date {
        PartialDate::Year(y) => y.to_string(),
        PartialDate::Month(y, m) => format!("{} {y}", month_name(m)),
        PartialDate::Day(d) => en_date(Date(d)),
    }
}

pub static ZH: Words = Words {
    lang_name: "中文",
    tabs: [
        "概览",
        "八大成果",
        "合作倡议",
        "时间线",
        "元首会见",
        "成果清单",
    ],
    date: zh_date,
    partial: zh_partial,
    span: |a, b| format!("{a}至{b}"),
    month: |m| format!("{m}月"),
    day: |m, d| format!("{m}月{d}日"),
    until: |end| format!("（至{end}）"),
    derived: "（推定）",
    approx: "许",
    derived_label: "推定：",
    note_label: "说明：",
    unknown: "不详",
    date_unknown: "日期不详",
    unnamed: "（未具名）",
    unnamed_leader: |country| format!("{country}领导人（未具名）"),
    unnamed_with_title: |country, title| format!("{country}{title}（未具名）"),
    office: |country, title| format!("{country}{title}"),
    titled: |office, name| format!("{office} {name}"),
    initiative_columns: (6, 10),
    outcome: |n| format!("成果{n}"),
    initiative: |n| format!("第{n}项"),
    only_year: "来源只给出年份",
    only_month: "来源只给出月份",
    derived_year: "只能推定到年份",
    derived_month: "只能推定到月份",
    list_separator: "、",
    amount: |printed, what| format!("{printed}{what}"),
    figure: |printed, what| format!("{printed}  {what}"),
    colon: "：",
    aside: |text| format!("（{text}）"),
    quote_open: "「",
    quote_close: "」",
    f_date: "日期",
    f_time: "时间",
    f_place: "地点",
    f_occasion: "事由",
    f_host: "主办",
    f_term: "任期",
    f_theme: "主题",
    f_when_where: "时间地点",
    f_slogan: "口号",
    f_fields: "领域",
    f_attending: "参加",
    f_numbers: "编号",
    f_items: "项数",
    h_facts: "要点 Facts",
    h_initiatives: "落实的倡议 Initiatives",
    h_documents: "文件 Documents",
    h_events: "事件 Events",
    h_note: "说明 Note",
    h_commitments: "承诺 Commitments",
    h_outcomes: "成果 Outcomes",
    h_outcome_of: "所属成果 Outcomes",
    h_meetings: "会见 Meetings",
    h_concepts: "核心理念 Core concepts",
    h_reactions: "各方反应 Reactions",
    h_sources: "来源 Sources",
    h_timeline: "时间线 Timeline",
    h_quotes: "引语 Quotes",
    h_at_summit: "在天津峰会上 At the summit",
    h_china_side: "中方表示 China",
    h_counterpart_side: "对方表示 Counterpart",
    h_coop_documents: "合作文件 Documents",
    h_two_meetings: "两场会议 The two meetings",
    h_participants: "出席 Participants",
    h_chairmanship: "轮值主席国 Chairmanship",
    h_next_summit: "下一次峰会 Next summit",
    h_figures: "数字 Figures",
    h_summit_documents: "峰会文件 Documents",
    h_earlier_documents: "此前峰会的文件 Earlier documents",
    h_leaders: "与会领导人 Leaders",
    h_results: |declared, present| {
        format!("成果清单 Results list：声明{declared}项，来源中有{present}项")
    },
    chaired_by: |who| format!("（{who}主持）"),
    next_year: |year| format!("{year}年"),
    wang_put_it: |words| format!("（王毅表述为{words}）"),
    no_summit: "这个数据集没有峰会概况（summit.toml）。",
    counts: |declared, present| format!("声明{declared}项，来源中有{present}项"),
    in_sources: "来源中有",
    not_in_sources: "来源中没有",
    not_in_sources_label: "来源中没有 not in the sources",
    c_date: "日期",
    c_part: "时段",
    c_city: "城市",
    c_counterpart: "会见对象",
    c_country: "国家/组织",
    c_group: "组别",
    c_category: "类别",
    c_initiative: "倡议",
    c_commitment: "承诺",
    c_kind: "类型",
    c_year: "年份",
    group_summit: "峰会",
    group_other: "其他",
    pane_title: |tab| format!("{} {}", ZH.tabs[tab.index()], EN.tabs[tab.index()]),
    detail_title: " 详情 Detail ",
    overview_title: " 上海合作组织天津峰会 At a glance ",
    of_total: |place, view, total| format!("{place}/{view}（共{total}）"),
    nothing_matches: "没有匹配项 nothing matches",
    clear: "清除",
    searched: "搜索",
    filtered: "筛选",
    sorted: "排序",
    search_tail: |n, dot| format!("  {n}项 {dot} Enter 保留 {dot} Esc 清除"),
    palette_title: |dot| format!(" 搜索全部 Search everything {dot} 拼音/首字母/English "),
    palette_prompt: "搜索全部 ▸ ",
    palette_footer: |n, dot, keys| {
        format!(" {n}项 {dot} {keys} 选择 {dot} Enter 跳转 {dot} Esc 返回 ")
    },
    help_title: |dot| format!(" 帮助 Help {dot} ? / Esc 关闭 "),
    help_scroll: |first, range, last, total| format!(" j/k 滚动 {first}{range}{last}/{total} "),
    go_to_tab: |tab| format!("转到标签 go to tab {tab}"),
    go_to_tabs: |ellipsis| format!("转到标签 go to tab (1 概览 {ellipsis} 6 成果清单)"),
    mouse: "鼠标",
    mouse_help: "点击标签或行，滚轮滚动 click, wheel",
    derived_help: "日期为推定，详情写明依据 derived date",
    in_search_line: "搜索行中 in the search line (/, Ctrl-f)",
    too_small: ["至少 need", "当前 now", "终端太小 Terminal too small"],
    presenting: "你在演示 presenting",
    no_presenter: "无人演示 no presenter",
    following: |name, dot| format!("跟随 {name} {dot} f 自己浏览"),
    browsing: |name, dot| format!("自己浏览 {dot} f 跟随 {name}"),
    copied: |lines| format!("已复制 copied {lines} 行"),
    nothing_to_copy: "没有可复制的记录 nothing to copy",
    language: "中文",
    describe: describe_zh,
    hint: hint_zh,
    describe_line: describe_line_zh,
};

pub static EN: Words = Words {
    lang_name: "English",
    tabs: [
        "Overview",
        "Outcomes",
        "Initiatives",
        "Timeline",
        "Meetings",
        "Results",
    ],
    date: en_date,
    partial: en_partial,
    span: |a, b| format!("{a} to {b}"),
    month: |m| month_name(m)[..3].to_string(),
    day: |m, d| format!("{d} {}", month_name(m)),
    until: |end| format!(" (to {end})"),
    derived: " (derived)",
    approx: " approx.",
    derived_label: "Derived: ",
    note_label: "Note: ",
    unknown: "unknown",
    date_unknown: "date unknown",
    unnamed: "(not named)",
    unnamed_leader: |country| format!("Leader of {country} (not named)"),
    unnamed_with_title: |country, title| format!("{title} of {country} (not named)"),
    office: |country, title| format!("{title} of {country}"),
    titled: |office, name| format!("{name}, {office}"),
    initiative_columns: (7, 14),
    outcome: |n| format!("Outcome {n}"),
    initiative: |n| format!("No. {n}"),
    only_year: "The sources give only the year",
    only_month: "The sources give only the month",
    derived_year: "Derivable only to the year",
    derived_month: "Derivable only to the month",
    list_separator: ", ",
    amount: |printed, what| format!("{printed} {what}"),
    figure: |printed, what| format!("{printed}: {what}"),
    colon: ": ",
    aside: |text| format!(" ({text})"),
    quote_open: "\"",
    quote_close: "\"",
    f_date: "Date",
    f_time: "Time",
    f_place: "Place",
    f_occasion: "Occasion",
    f_host: "Host",
    f_term: "Term",
    f_theme: "Theme",
    f_when_where: "When, where",
    f_slogan: "Slogan",
    f_fields: "Fields",
    f_attending: "Attending",
    f_numbers: "Numbers",
    f_items: "Items",
    h_facts: "Facts",
    h_initiatives: "Initiatives carried out",
    h_documents: "Documents",
    h_events: "Events",
    h_note: "Note",
    h_commitments: "Commitments",
    h_outcomes: "Outcomes",
    h_outcome_of: "Part of outcomes",
    h_meetings: "Meetings",
    h_concepts: "Core concepts",
    h_reactions: "Reactions",
    h_sources: "Sources",
    h_timeline: "Timeline",
    h_quotes: "Quotes",
    h_at_summit: "At the Tianjin Summit",
    h_china_side: "China said",
    h_counterpart_side: "The counterpart said",
    h_coop_documents: "Cooperation documents",
    h_two_meetings: "The two meetings",
    h_participants: "Participants",
    h_chairmanship: "Chairmanship",
    h_next_summit: "Next summit",
    h_figures: "Figures",
    h_summit_documents: "Summit documents",
    h_earlier_documents: "Documents of earlier summits",
    h_leaders: "Leaders at the summit",
    h_results: |declared, present| {
        format!("Results list: {declared} items declared, {present} in the sources")
    },
    chaired_by: |who| format!(" (chaired by {who})"),
    next_year: |year| year.to_string(),
    wang_put_it: |words| format!(" (Wang Yi's words: {words})"),
    no_summit: "This data set has no summit overview (summit.toml).",
    counts: |declared, present| format!("{declared} declared, {present} in the sources"),
    in_sources: "in the sources",
    not_in_sources: "not in the sources",
    not_in_sources_label: "not in the sources",
    c_date: "Date",
    c_part: "Part",
    c_city: "City",
    c_counterpart: "Counterpart",
    c_country: "Country/org.",
    c_group: "Group",
    c_category: "Category",
    c_initiative: "Initiative",
    c_commitment: "Commitment",
    c_kind: "Kind",
    c_year: "Year",
    group_summit: "Summit",
    group_other: "Other",
    pane_title: |tab| EN.tabs[tab.index()].to_string(),
    detail_title: " Detail ",
    overview_title: " SCO Tianjin Summit at a glance ",
    of_total: |place, view, total| format!("{place}/{view} (of {total})"),
    nothing_matches: "nothing matches",
    clear: "clear",
    searched: "search ",
    filtered: "filter",
    sorted: "sort",
    search_tail: |n, dot| format!("  {n} items {dot} Enter keep {dot} Esc clear"),
    palette_title: |dot| format!(" Search everything {dot} English, Chinese, pinyin "),
    palette_prompt: "Search all ▸ ",
    palette_footer: |n, dot, keys| {
        format!(" {n} hits {dot} {keys} choose {dot} Enter go {dot} Esc back ")
    },
    help_title: |dot| format!(" Help {dot} ? / Esc close "),
    help_scroll: |first, range, last, total| format!(" j/k scroll {first}{range}{last}/{total} "),
    go_to_tab: |tab| format!("go to tab {tab}"),
    go_to_tabs: |ellipsis| format!("go to tab (1 Overview {ellipsis} 6 Results)"),
    mouse: "mouse",
    mouse_help: "click a tab or a row, wheel to scroll",
    derived_help: "a derived date; the detail says how",
    in_search_line: "in the search line (/, Ctrl-f)",
    too_small: ["need", "now", "Terminal too small"],
    presenting: "presenting",
    no_presenter: "no presenter",
    following: |name, dot| format!("following {name} {dot} f browse alone"),
    browsing: |name, dot| format!("browsing alone {dot} f follow {name}"),
    copied: |lines| format!("copied {lines} lines"),
    nothing_to_copy: "nothing to copy",
    language: "English",
    describe: describe_en,
    hint: hint_en,
    describe_line: describe_line_en,
};
