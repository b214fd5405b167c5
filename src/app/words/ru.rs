//! The Russian screen's words: Russian only. A country is named in the nominative as the
//! Russian layer gives it, so offices read "Президент (Россия)" rather than needing a case
//! the data does not hold.

use super::actions::describe_line_ru;
use crate::data::Lang;

use super::plural::{EVENT, HIT, ITEM, LINE, NAME, Noun, PLACE, POINT};
use super::{Words, ru_date, ru_month_genitive, ru_partial, ru_short_month, ru_short_partial};

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
        "Высказывания",
    ],
    date: ru_date,
    partial: ru_partial,
    short_partial: ru_short_partial,
    span: |a, b| format!("с {a} по {b}"),
    month: |m| ru_short_month(m).to_string(),
    day: |m, d| format!("{d} {}", ru_month_genitive(m)),
    short_day: |m, d| format!("{d} {}", ru_short_month(m)),
    short_month: |y, m| format!("{} {y}", ru_short_month(m)),
    until: |end| format!(" (по {end})"),
    derived: " (дата выведена)",
    approx: " (прибл.)",
    derived_label: "Как выведена дата: ",
    note_label: "Примечание: ",
    unknown: "неизвестно",
    date_unknown: "дата неизвестна",
    unnamed: "(имя не указано)",
    unnamed_leader: |country, genitive| match genitive {
        Some(genitive) => format!("Лидер {genitive} (имя не указано)"),
        None => format!("Лидер ({country}; имя не указано)"),
    },
    // As the Russian press writes an office: «Президент России», the country in the genitive;
    // a country whose genitive the data lacks is named in brackets, in the nominative.
    unnamed_with_title: |country, genitive, title| match genitive {
        Some(genitive) => format!("{title} {genitive} (имя не указано)"),
        None => format!("{title} ({country}; имя не указано)"),
    },
    office: |country, genitive, title| match genitive {
        Some(genitive) => format!("{title} {genitive}"),
        None => format!("{title} ({country})"),
    },
    titled: |office, name| format!("{name}, {office}"),
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
    h_said: "Что сказано",
    h_voices: "Высказывания",
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
    declared_named: |declared, present, dot| {
        format!("заявлено {declared} {dot} в источниках {present}")
    },
    declared_legend: |dot| format!("полоса: заявлено пунктов {dot} в источниках: сколько их там"),
    in_sources: "в источниках",
    not_in_sources: "нет в источниках",
    not_in_sources_label: "нет в источниках",
    c_date: "Дата",
    c_part: "Время",
    c_city: "Город",
    c_counterpart: "Собеседник",
    c_country: "Страна/орг.",
    c_group: "Группа",
    c_category: "Категория",
    c_initiative: "Инициатива",
    c_commitment: "Обязательство",
    c_kind: "Тип",
    c_year: "Год",
    c_speaker: "Кто",
    c_role: "Должность",
    c_section: "Раздел",
    c_item: "Пункт",
    c_in_sources: "Источники",
    f_section_numbers: "Номера раздела",
    pane_title: |tab| RU.tabs[tab.index()].to_string(),
    detail_title: " Подробности ",
    map_title: " Карта ",
    axis_title: " Временная ось ",
    axis_chairmanship: "Председательство Китая",
    axis_summit: "Тяньцзиньский саммит",
    axis_zooms: ["десятилетия", "годы", "месяцы", "часы"],
    axis_earlier: |n| format!("{} раньше", EVENT.count(Lang::Ru, n)),
    axis_later: |n| format!("{} позже", EVENT.count(Lang::Ru, n)),
    axis_more: |n| format!("ещё {}", EVENT.count(Lang::Ru, n)),
    axis_legend: [
        "* день  o лишь год/месяц  [###] саммит  [===] председательство",
        "* время  o лишь день  [###] саммит  [===] председательство",
    ],
    chart_title: " Диаграммы ",
    chart_meetings_per_day: "Встречи по дням вокруг саммита",
    // The unit alone, as a heading: "Млрд юаней".
    chart_unit: |unit| {
        let mut chars = unit.chars();
        chars.next().map_or(String::new(), |first| {
            first.to_uppercase().chain(chars).collect::<String>()
        })
    },
    chart_documents: "Сферы подписанных документов, по сторонам",
    chart_day_not_given: "день не указан",
    chart_none_dated: "нет датированных",
    chart_alone: "Единственные в своём роде (сравнить не с чем: только значения)",
    map_legend: "o страна собеседника  # место встречи  * @ выбранная встреча",
    map_more: |n| format!("ещё {}", NAME.count(Lang::Ru, n)),
    map_met_in: |place| format!("место встречи: {place}"),
    map_place_unknown: "место не указано",
    map_with: |country| format!("собеседник: {country}"),
    overview_title: " Тяньцзиньский саммит ШОС: обзор ",
    of_total: |place, view, total| format!("{place}/{view} (из {total})"),
    nothing_matches: "совпадений нет",
    clear: "сбросить",
    searched: "поиск ",
    filtered: "фильтр",
    sorted_by: |column| format!("сортировка: {column}"),
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
    no_exact_match: "точных совпадений нет",
    loose_matches: "~ нестрогие совпадения",
    help_title: |dot| format!(" Справка {dot} ? / Esc закрыть "),
    help_scroll: |first, range, last, total| {
        format!(" j/k прокрутка  / поиск  {first}{range}{last}/{total} ")
    },
    go_to_tab: |tab| format!("перейти на вкладку «{tab}»"),
    go_to_tabs: |first, ellipsis, last| format!("перейти на вкладку ({first} {ellipsis} {last})"),
    mouse: "мышь",
    mouse_help: "щелчок: вкладка или строка; колесо листает",
    derived_help: "дата выведена; в подробностях сказано как",
    in_search_line: "в строке поиска (/, Ctrl-f)",
    help_here: |tab| format!("На этой панели ({tab})"),
    // "фильтр: город": a noun after a colon keeps the nominative the column title has.
    filter_by: |what| format!("фильтр: {}", what.to_lowercase()),
    help_everywhere: "На всех панелях",
    picker_all: "Все",
    picker_keys: "выбор  Enter фильтр  Esc отмена  ввод сужает",
    help_found: |find, lines| format!(" /{find}  {} ", LINE.count(Lang::Ru, lines)),
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
