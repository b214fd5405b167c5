//! Every word of the chrome, in each language: one table per language, so a word missing
//! from one is a compile error, and another language is one more table. The Chinese screen
//! is Chinese only, the English screen English only and the Russian screen Russian only
//! (tests read every screen for the other languages' words).

mod actions;
mod en;
pub mod plural;
mod ru;
mod zh;

pub use en::EN;
pub use ru::RU;
pub use zh::ZH;

use crate::app::action::Action;
use crate::app::keymap::LineAction;
use crate::app::tab::{EnumCount, Tab};
use crate::data::DataSet;
use crate::data::lang::Lang;
use crate::data::values::{Date, PartialDate};

/// The words of one language. Words that take values are functions, since word order and
/// number formats differ between languages.
pub struct Words {
    pub lang: Lang,
    pub lang_name: &'static str,
    pub tabs: [&'static str; Tab::COUNT],
    pub date: fn(Date) -> String,
    pub partial: fn(PartialDate) -> String,
    /// The same where room is short (list columns): "2025年8月31日", "31 Aug 2025".
    pub short_partial: fn(PartialDate) -> String,
    /// "2025年8月31日至9月1日" — a span between two dates as a field shows it.
    pub span: fn(&str, &str) -> String,
    /// A month-precise event's time column: "7月".
    pub month: fn(u32) -> String,
    /// The timeline's day separator: "8月31日".
    pub day: fn(u32, u32) -> String,
    /// A day where room is short (axis ticks, chart labels): "8月31日", "31 Aug".
    pub short_day: fn(u32, u32) -> String,
    /// A month where room is short (axis ticks): "2025年8月", "Aug 2025".
    pub short_month: fn(i32, u32) -> String,
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
    /// "乌兹别克斯坦领导人（未具名）", from the country's name and its genitive where the data
    /// has one.
    pub unnamed_leader: fn(&str, Option<&str>) -> String,
    /// "阿塞拜疆总统（未具名）", from the country's name, its genitive where the data has
    /// one, and the title.
    pub unnamed_with_title: fn(&str, Option<&str>, &str) -> String,
    /// "俄罗斯总统" / "President of Russia" / "Президент России", from the country's name, its
    /// genitive where the data has one, and the title.
    pub office: fn(&str, Option<&str>, &str) -> String,
    /// "俄罗斯总统 普京" / "Putin, President of Russia"
    pub titled: fn(&str, &str) -> String,
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
    /// A voice's words, in our own words.
    pub h_said: &'static str,
    /// The voices an event's or a meeting's detail links to.
    pub h_voices: &'static str,
    pub h_at_summit: &'static str,
    pub h_china_side: &'static str,
    pub h_counterpart_side: &'static str,
    pub h_coop_documents: &'static str,
    pub h_two_meetings: &'static str,
    pub h_participants: &'static str,
    pub h_chairmanship: &'static str,
    pub h_next_summit: &'static str,
    pub h_figures: &'static str,
    /// The overview's list of the eight outcomes.
    pub h_eight_outcomes: &'static str,
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
    /// A section's declared total first, what the sources name after it, labelled: "24项 ·
    /// 来源中0项" (never a bare "0/24", which reads as "none"); the separator is the chrome's
    /// (`Glyph::Separator`).
    pub declared_named: fn(u32, usize, &str) -> String,
    /// Under the overview's results chart: what a bar's length stands for (the separator).
    pub declared_legend: fn(&str) -> String,
    pub in_sources: &'static str,
    pub not_in_sources: &'static str,
    pub not_in_sources_label: &'static str,
    // List columns and facets.
    pub c_date: &'static str,
    pub c_part: &'static str,
    pub c_city: &'static str,
    pub c_counterpart: &'static str,
    pub c_country: &'static str,
    pub c_speaker: &'static str,
    pub c_role: &'static str,
    pub c_group: &'static str,
    pub c_category: &'static str,
    pub c_initiative: &'static str,
    pub c_commitment: &'static str,
    pub c_kind: &'static str,
    pub c_year: &'static str,
    /// The results table's columns and facets.
    pub c_section: &'static str,
    pub c_item: &'static str,
    pub c_in_sources: &'static str,
    /// A results item's detail: the numbers its section holds.
    pub f_section_numbers: &'static str,
    // The chrome around the panes.
    /// A pane's frame title: "八大成果 Outcomes".
    pub pane_title: fn(Tab) -> String,
    pub detail_title: &'static str,
    /// The meetings map's frame title.
    pub map_title: &'static str,
    /// The timeline axis's frame title, and its spans' names.
    pub axis_title: &'static str,
    pub axis_chairmanship: &'static str,
    pub axis_summit: &'static str,
    /// The axis's zooms, in `Zoom::ALL`'s order, for its footer.
    pub axis_zooms: [&'static str; 4],
    /// Events off the window to each side: "3 earlier" / "2 later".
    pub axis_earlier: fn(usize) -> String,
    pub axis_later: fn(usize) -> String,
    /// Events inside the window whose marks found no free lane: "+3 more events".
    pub axis_more: fn(usize) -> String,
    /// The axis's glyphs, one line: at the zooms above hours, and at the hours zoom.
    pub axis_legend: [&'static str; 2],
    /// The charts' frame title, and the meetings charts' two headings.
    pub chart_title: &'static str,
    pub chart_meetings_per_day: &'static str,
    pub chart_documents: &'static str,
    /// The meetings per day's bar for the records dated only to a span of days or a month.
    pub chart_day_not_given: &'static str,
    /// A day no record is dated to: said, never drawn as 0 (records without a day may fall
    /// on it).
    pub chart_none_dated: &'static str,
    /// Heading the initiatives' bars of one unit: "单位：亿元人民币", "RMB".
    pub chart_unit: fn(&str) -> String,
    /// Heading the commitments alone in what they count: their values, no bars.
    pub chart_alone: &'static str,
    /// The map's legend (its glyphs), and its footer: where the selected meeting was and
    /// with whom.
    pub map_legend: &'static str,
    /// Names the map has no room to set beside their marks: "+3 more names".
    pub map_more: fn(usize) -> String,
    pub map_met_in: fn(&str) -> String,
    pub map_place_unknown: &'static str,
    pub map_with: fn(&str) -> String,
    pub overview_title: &'static str,
    /// "3/5（共36）"
    pub of_total: fn(usize, usize, usize) -> String,
    pub nothing_matches: &'static str,
    pub clear: &'static str,
    /// Before the pane's search in its title: "搜索“普京”".
    pub searched: &'static str,
    /// Before the pane's filters in its title: "筛选 城市=北京".
    pub filtered: &'static str,
    /// The sort column in the pane's title, with its mark: "按国家/组织▼".
    pub sorted_by: fn(&str) -> String,
    /// The search line's tail: "  12项 · Enter 保留 · Esc 清除" (count, separator, then the
    /// keep and cancel keys from the keymap).
    pub search_tail: fn(usize, &str, &str, &str) -> String,
    /// The same on a page without a list (the overview): how many lines match.
    pub page_search_tail: fn(usize, &str, &str, &str) -> String,
    pub palette_title: fn(&str) -> String,
    pub palette_prompt: &'static str,
    /// Count, separator, the keys that choose, the keep and cancel keys.
    pub palette_footer: fn(usize, &str, &str, &str, &str) -> String,
    /// Search everything found only loose matches: said on the first line.
    pub no_exact_match: &'static str,
    /// Before the loose hits (letters in order with gaps), each marked `~`.
    pub loose_matches: &'static str,
    pub help_title: fn(&str) -> String,
    pub help_scroll: fn(usize, &str, usize, usize) -> String,
    pub go_to_tab: fn(&str) -> String,
    /// The tab keys' one help line: "go to tab (1 Overview … 6 Results)".
    pub go_to_tabs: fn(&str, &str, &str) -> String,
    pub mouse: &'static str,
    pub mouse_help: &'static str,
    pub derived_help: &'static str,
    pub in_search_line: &'static str,
    /// The help's headings: this pane's keys, then those of every pane.
    pub help_here: fn(&str) -> String,
    /// A filter key in the help, named by what it filters on this pane: "按城市筛选".
    pub filter_by: fn(&str) -> String,
    pub help_everywhere: &'static str,
    /// The help's search line and what it found: " / 地图  3行 ".
    pub help_found: fn(&str, usize) -> String,
    /// A filter's picker: its first choice (no filter), and its footer after the arrows.
    pub picker_all: &'static str,
    pub picker_keys: &'static str,
    pub too_small: [&'static str; 3],
    pub presenting: &'static str,
    pub no_presenter: &'static str,
    /// The status bar while a tour runs or is paused: "导览 3/24".
    pub tour: &'static str,
    /// After a paused tour's position: "T 继续".
    pub tour_resume: &'static str,
    /// The status bar's only hint while a tour runs.
    pub tour_any_key: &'static str,
    /// "跟随 alice · f 自己浏览"
    pub following: fn(&str, &str) -> String,
    pub browsing: fn(&str, &str) -> String,
    pub copied: fn(usize) -> String,
    pub nothing_to_copy: &'static str,
    /// The status bar's language mark: what `L` switches to.
    pub language: &'static str,
    pub describe_line: fn(LineAction) -> &'static str,
}

impl Words {
    /// What the help says an action does.
    pub fn describe(&self, action: Action) -> &'static str {
        action.command().said.get(self.lang).help
    }

    /// The status bar's word for an action.
    pub fn hint(&self, action: Action) -> &'static str {
        action.command().said.get(self.lang).hint
    }

    /// A tab's title.
    pub fn tab(&self, tab: Tab) -> &'static str {
        self.tabs[tab.index()]
    }

    /// `title` held in the country `id` of `data` ("俄罗斯总统", "Президент России"); an
    /// unknown id stands for its country.
    pub fn office_of(&self, data: &DataSet, id: &str, title: &str) -> String {
        let (name, genitive) = country_forms(data, id);
        (self.office)(name, genitive, title)
    }

    /// The same, for a holder the sources do not name.
    pub fn unnamed_office_of(&self, data: &DataSet, id: &str, title: &str) -> String {
        let (name, genitive) = country_forms(data, id);
        (self.unnamed_with_title)(name, genitive, title)
    }

    /// The leader of the country `id`, unnamed and untitled by the sources.
    pub fn unnamed_leader_of(&self, data: &DataSet, id: &str) -> String {
        let (name, genitive) = country_forms(data, id);
        (self.unnamed_leader)(name, genitive)
    }
}

/// A country's name as `data` shows it, and its genitive where the data has one.
fn country_forms<'a>(data: &'a DataSet, id: &'a str) -> (&'a str, Option<&'a str>) {
    match data.country(id) {
        Some(country) => (&country.name_zh, country.name_genitive.as_deref()),
        None => (id, None),
    }
}

impl Lang {
    /// The chrome's words in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
            Lang::Ru => &RU,
        }
    }
}

pub(super) fn zh_date(date: Date) -> String {
    Lang::Zh.date(date.0)
}

pub(super) fn zh_partial(date: PartialDate) -> String {
    match date {
        PartialDate::Year(y) => format!("{y}年"),
        PartialDate::Month(y, m) => format!("{y}年{m}月"),
        PartialDate::Day(d) => zh_date(Date(d)),
    }
}

pub(super) use crate::data::lang::month_name;

pub(super) fn en_date(date: Date) -> String {
    Lang::En.date(date.0)
}

pub(super) fn en_partial(date: PartialDate) -> String {
    match date {
        PartialDate::Year(y) => y.to_string(),
        PartialDate::Month(y, m) => format!("{} {y}", month_name(m)),
        PartialDate::Day(d) => en_date(Date(d)),
    }
}

pub(super) fn en_short_partial(date: PartialDate) -> String {
    match date {
        PartialDate::Year(y) => y.to_string(),
        PartialDate::Month(y, m) => format!("{} {y}", short_month(m)),
        PartialDate::Day(d) => Lang::En.short_date(d),
    }
}

pub(super) use crate::data::lang::short_month;

pub(super) use crate::data::lang::{ru_month_genitive, ru_month_name, ru_short_month};

pub(super) fn ru_date(date: Date) -> String {
    Lang::Ru.date(date.0)
}

pub(super) fn ru_partial(date: PartialDate) -> String {
    match date {
        PartialDate::Year(y) => format!("{y}\u{a0}г."),
        PartialDate::Month(y, m) => format!("{} {y}\u{a0}г.", ru_month_name(m)),
        PartialDate::Day(d) => ru_date(Date(d)),
    }
}

/// Where room is short: "2025", "авг. 2025", "31.08.2025".
pub(super) fn ru_short_partial(date: PartialDate) -> String {
    match date {
        PartialDate::Year(y) => y.to_string(),
        PartialDate::Month(y, m) => format!("{} {y}", ru_short_month(m)),
        PartialDate::Day(d) => Lang::Ru.short_date(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
    }

    #[test]
    fn russian_dates_name_the_month_in_the_genitive() {
        assert_eq!(ru_date(day(2025, 8, 31)), "31 августа 2025\u{a0}г.");
        assert_eq!(ru_date(day(2024, 5, 1)), "1 мая 2024\u{a0}г.");
        assert_eq!(ru_partial(PartialDate::Year(2021)), "2021\u{a0}г.");
        assert_eq!(ru_partial(PartialDate::Month(2024, 7)), "июль 2024\u{a0}г.");
        assert_eq!((RU.day)(9, 1), "1 сентября");
        assert_eq!((RU.month)(9), "сент.");
        assert_eq!((RU.date)(day(2025, 9, 1)), "1 сентября 2025\u{a0}г.");
    }

    #[test]
    fn a_russian_office_names_its_country_in_the_genitive() {
        assert_eq!(
            (RU.office)("Россия", Some("России"), "Президент"),
            "Президент России"
        );
        // Without the genitive, the nominative in brackets rather than a wrong case.
        assert_eq!((RU.office)("Лаос", None, "Президент"), "Президент (Лаос)");
        assert_eq!(
            (RU.unnamed_with_title)("Азербайджан", Some("Азербайджана"), "Президент"),
            "Президент Азербайджана (имя не указано)"
        );
        assert_eq!(
            (RU.unnamed_leader)("Армения", Some("Армении")),
            "Лидер Армении (имя не указано)"
        );
        assert_eq!(
            (RU.unnamed_leader)("Армения", None),
            "Лидер (Армения; имя не указано)"
        );
        // The genitive is Russian's alone.
        assert_eq!(
            (EN.office)("Russia", Some("России"), "President"),
            "President of Russia"
        );
        assert_eq!((ZH.office)("俄罗斯", Some("России"), "总统"), "俄罗斯总统");
    }

    #[test]
    fn the_russian_data_set_gives_each_office_its_genitive() {
        let russian = crate::data::embedded_in(Lang::Ru).unwrap();
        let office = |id, title| RU.office_of(&russian, id, title);
        assert_eq!(office("RU", "Президент"), "Президент России");
        assert_eq!(office("IN", "Премьер-министр"), "Премьер-министр Индии");
        assert_eq!(
            office("un", "Генеральный секретарь"),
            "Генеральный секретарь ООН"
        );
        // Chinese and English read no genitive.
        let chinese = crate::data::embedded().unwrap();
        assert_eq!(ZH.office_of(&chinese, "RU", "总统"), "俄罗斯总统");
        let english = crate::data::embedded_in(Lang::En).unwrap();
        assert_eq!(
            EN.office_of(&english, "RU", "President"),
            "President of Russia"
        );
    }

    #[test]
    fn every_language_has_its_words() {
        for lang in Lang::ALL {
            assert_eq!(lang.words().lang, lang);
        }
    }

    #[test]
    fn english_counts_agree_with_their_number() {
        let w = &EN;
        let dot = "·";
        let one = [
            (w.search_tail)(1, dot, "Enter", "Esc"),
            (w.page_search_tail)(1, dot, "Enter", "Esc"),
            (w.palette_footer)(1, dot, "↑↓", "Enter", "Esc"),
            (w.copied)(1),
            (w.h_results)(1, 1),
        ];
        for said in &one {
            let plural = ["items", "lines", "hits"]
                .iter()
                .any(|noun| said.contains(&format!("1 {noun}")));
            assert!(!plural, "{said}");
        }
        assert!((w.search_tail)(1, dot, "Enter", "Esc").contains("1 item "));
        assert!((w.search_tail)(2, dot, "Enter", "Esc").contains("2 items "));
        assert_eq!((w.copied)(3), "copied 3 lines");
        assert_eq!(plural::HIT.count(Lang::En, 0), "0 hits");
    }

    #[test]
    fn each_language_dates_a_day_one_way() {
        let day = chrono::NaiveDate::from_ymd_opt(2025, 9, 2).expect("a day");
        assert_eq!((ZH.date)(Date(day)), "2025年9月2日");
        assert_eq!((ZH.short_partial)(PartialDate::Day(day)), "2025年9月2日");
        assert_eq!((EN.date)(Date(day)), "2 September 2025");
        assert_eq!((EN.short_partial)(PartialDate::Day(day)), "2 Sep 2025");
        assert_eq!((EN.short_partial)(PartialDate::Month(2025, 8)), "Aug 2025");
        assert_eq!((EN.short_day)(9, 2), "2 Sep");
        assert_eq!((ZH.short_month)(2025, 8), "2025年8月");
    }
}
