//! The Russian screen's words: Russian only. A country is named in the nominative as the
//! Russian layer gives it, so offices read "Президент (Россия)" rather than needing a case
//! the data does not hold.

use super::actions::describe_line_ru;
use crate::data::Lang;

use super::plural::{EVENT, HIT, ITEM, LINE, Noun, PLACE, POINT};
use super::{Words, ru_date, ru_month_genitive, ru_month_short, ru_partial};

/// "скопирована 1 строка", "скопированы 2 строки", "скопировано 5 строк": the participle
/// agrees with the count, so it takes the count's forms too.
const COPIED: Noun = Noun {
    zh: "",
    en: ["", ""],
    ru: ["скопирована", "скопированы", "скопировано"],
};

/// "заявлен 1 пункт", "заявлено 5 пунктов".
const DECLARED: Noun = Noun {
    zh: "",
    en: ["", ""],
    ru: ["заявлен", "заявлено", "заявлено"],
};

pub static RU: Words = Words {
    lang: Lang::Ru,
    lang_name: "Русский",
    tabs: [
        "Обзор",
        "Итоги",
        "Инициативы",
        "Хронология",
        "Встречи",
        "Перечень",
    ],
    date: ru_date,
    partial: ru_partial,
    span: |a, b| format!("с {a} по {b}"),
    month: ru_month_short,
    day: |m, d| format!("{d} {}", ru_month_genitive(m)),
    until: |end| format!(" (по {end})"),
    derived: " (дата выведена)",
    approx: " (прибл.)",
    derived_label: "Как выведена дата: ",
    note_label: "Примечание: ",
    unknown: "неизвестно",
    date_unknown: "дата неизвестна",
    unnamed: "(имя не указано)",
    unnamed_leader: |country| format!("Лидер ({country}; имя не указано)"),
    unnamed_with_title: |country, title| format!("{title} ({country}; имя не указано)"),
    office: |country, title| format!("{title} ({country})"),
    titled: |office, name| format!("{name}, {office}"),
    initiative_columns: (8, 16),
    meeting_columns: (10, 14),
    outcome: |n| format!("Итог {n}"),
    initiative: |n| format!("№\u{a0}{n}"),
    only_year: "Источники указывают только год",
    only_month: "Источники указывают только месяц",
    derived_year: "Выводится только с точностью до года",
    derived_month: "Выводится только с точностью до месяца",
    list_separator: ", ",
    // What is counted before its number: after «более 20» the words would need the genitive,
    // which the data does not hold.
    amount: |printed, what| format!("{what}: {printed}"),
    figure: |printed, what| format!("{printed}: {what}"),
    colon: Lang::Ru.colon(),
    aside: |text| Lang::Ru.aside(text),
    quote_open: "«",
    quote_close: "»",
    f_date: "Дата",
    f_time: "Время",
    f_place: "Место",
    f_occasion: "Повод",
    f_host: "Принимает",
    f_term: "Срок",
    f_theme: "Тема",
    f_when_where: "Когда и где",
    f_slogan: "Девиз",
    f_fields: "Сферы",
    f_attending: "Участники",
    f_numbers: "Номера",
    f_items: "Пункты",
    h_facts: "Факты",
    h_initiatives: "Выполняемые инициативы",
    h_documents: "Документы",
    h_events: "События",
    h_note: "Примечание",
    h_commitments: "Обязательства",
    h_outcomes: "Итоги",
    h_outcome_of: "Входит в итоги",
    h_meetings: "Встречи",
    h_concepts: "Ключевые концепции",
    h_reactions: "Отклики",
    h_sources: "Источники",
    h_timeline: "Хронология",
    h_quotes: "Цитаты",
    h_at_summit: "На Тяньцзиньском саммите",
    h_china_side: "Китайская сторона заявила",
    h_counterpart_side: "Другая сторона заявила",
    h_coop_documents: "Документы о сотрудничестве",
    h_two_meetings: "Два заседания",
    h_participants: "Участники",
    h_chairmanship: "Председательство",
    h_next_summit: "Следующий саммит",
    h_figures: "Цифры",
    h_eight_outcomes: "Восемь итогов",
    h_summit_documents: "Документы саммита",
    h_earlier_documents: "Документы прежних саммитов",
    h_leaders: "Лидеры на саммите",
    h_results: |declared, present| {
        let declared = POINT.count(Lang::Ru, declared as usize);
        format!("Перечень результатов: {declared}, в источниках {present}")
    },
    chaired_by: |who| format!(" (председатель\u{a0}— {who})"),
    next_year: |year| format!("{year}\u{a0}г."),
    wang_put_it: |words| format!(" (в формулировке Ван И: {words})"),
    no_summit: "В этом наборе данных нет обзора саммита (summit.toml).",
    counts: |declared, present| {
        let declared = declared as usize;
        format!(
            "{} {}, в источниках {present}",
            DECLARED.form(Lang::Ru, declared as u64),
            POINT.count(Lang::Ru, declared)
        )
    },
    in_sources: "в источниках",
    not_in_sources: "нет в источниках",
    not_in_sources_label: "нет в источниках",
    c_date: "Дата",
    c_part: "Время дня",
    c_city: "Город",
    c_counterpart: "Собеседник",
    c_country: "Страна/орг.",
    c_group: "Группа",
    c_category: "Категория",
    c_initiative: "Инициатива",
    c_commitment: "Обязательство",
    c_kind: "Тип",
    c_year: "Год",
    group_summit: "Саммит",
    group_other: "Другие",
    pane_title: |tab| RU.tabs[tab.index()].to_string(),
    detail_title: " Подробности ",
    map_title: " Карта ",
    axis_title: " Временная ось ",
    axis_chairmanship: "Председательство Китая",
    axis_summit: "Тяньцзиньский саммит",
    axis_zooms: ["десятилетия", "годы", "месяцы", "часы"],
    axis_earlier: |n| format!("{} раньше", EVENT.count(Lang::Ru, n)),
    axis_later: |n| format!("{} позже", EVENT.count(Lang::Ru, n)),
    chart_title: " Диаграммы ",
    chart_meetings_per_day: "Встречи по дням вокруг саммита",
    chart_unit: "Единица: ",
    chart_documents: "Подписанные документы по сторонам",
    overview_title: " Тяньцзиньский саммит ШОС: обзор ",
    of_total: |place, view, total| format!("{place}/{view} (из {total})"),
    nothing_matches: "совпадений нет",
    clear: "сбросить",
    searched: "поиск ",
    filtered: "фильтр",
    sorted: "сортировка",
    search_tail: |n, dot, keep, cancel| {
        let n = ITEM.count(Lang::Ru, n);
        format!("  {n} {dot} {keep} оставить {dot} {cancel} сбросить")
    },
    page_search_tail: |n, dot, keep, cancel| {
        let n = PLACE.count(Lang::Ru, n);
        format!("  {n} {dot} {keep} оставить {dot} {cancel} сбросить")
    },
    palette_title: |dot| format!(" Поиск везде {dot} русский, английский, китайский, пиньинь "),
    palette_prompt: "Искать везде ▸ ",
    palette_footer: |n, dot, keys, keep, cancel| {
        let n = HIT.count(Lang::Ru, n);
        format!(" {n} {dot} {keys} выбор {dot} {keep} перейти {dot} {cancel} назад ")
    },
    help_title: |dot| format!(" Справка {dot} ? / Esc закрыть "),
    help_scroll: |first, range, last, total, dot| {
        format!(" j/k прокрутка {dot} / поиск {dot} {first}{range}{last}/{total} ")
    },
    go_to_tab: |tab| format!("перейти на вкладку «{tab}»"),
    go_to_tabs: |first, ellipsis, last| format!("перейти на вкладку ({first} {ellipsis} {last})"),
    mouse: "мышь",
    mouse_help: "щелчок: вкладка или строка; колесо листает",
    derived_help: "дата выведена; в подробностях сказано как",
    in_search_line: "в строке поиска (/, Ctrl-f)",
    help_here: |tab| format!("На этой панели ({tab})"),
    help_everywhere: "На всех панелях",
    help_found: |find, lines, dot| format!(" /{find} {dot} {} ", LINE.count(Lang::Ru, lines)),
    too_small: ["нужно", "сейчас", "Терминал слишком мал"],
    presenting: "вы ведёте показ",
    no_presenter: "ведущего нет",
    tour: "Показ",
    tour_resume: "продолжить",
    tour_any_key: "любая клавиша приостановит показ",
    following: |name, dot| format!("следуете за {name} {dot} f смотреть самому"),
    browsing: |name, dot| format!("смотрите сами {dot} f следовать за {name}"),
    copied: |lines| {
        let copied = COPIED.form(Lang::Ru, lines as u64);
        format!("{copied} {}", LINE.count(Lang::Ru, lines))
    },
    nothing_to_copy: "нечего копировать",
    language: "Русский",
    describe_line: describe_line_ru,
};
