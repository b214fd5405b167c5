//! The languages the dashboard reads in, and how the default one is chosen.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// A language a reader reads the dashboard in. `Zh` is the curated data itself; `En` and `Ru`
/// are the English and Russian layers over it (`assets/data/en/`, `assets/data/ru/`), each
/// falling back to the Chinese where it has no translation.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    clap::ValueEnum,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum Lang {
    #[default]
    Zh,
    En,
    Ru,
}

impl Lang {
    /// Every language, in the order the live switch goes round them.
    pub const ALL: [Lang; 3] = [Lang::Zh, Lang::En, Lang::Ru];

    /// The next language round the live switch: zh → en → ru → zh.
    pub fn next(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Ru,
            Lang::Ru => Lang::Zh,
        }
    }

    /// The language a bilingual tour shows after this one: the data's own Chinese, or, after
    /// Chinese, English.
    pub fn counterpart(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En | Lang::Ru => Lang::Zh,
        }
    }

    /// The language's name in English, as `validate` and the data's problems name a layer.
    pub fn name_en(self) -> &'static str {
        match self {
            Lang::Zh => "Chinese",
            Lang::En => "English",
            Lang::Ru => "Russian",
        }
    }

    /// The languages read through a layer over the Chinese, in the order they are checked.
    pub const LAYERED: [Lang; 2] = [Lang::En, Lang::Ru];

    /// The language of the layer folder (`en/`, `ru/`) a translated language is read from;
    /// none for the curated Chinese.
    pub fn layer(self) -> Option<&'static str> {
        match self {
            Lang::Zh => None,
            Lang::En => Some("en"),
            Lang::Ru => Some("ru"),
        }
    }

    /// The colon between a name and what follows: "：" in Chinese, ": " in English and Russian.
    pub const fn colon(self) -> &'static str {
        match self {
            Lang::Zh => "：",
            Lang::En | Lang::Ru => ": ",
        }
    }

    /// A text in brackets after another: "（…）" or " (…)".
    pub fn aside(self, text: &str) -> String {
        match self {
            Lang::Zh => format!("（{text}）"),
            Lang::En | Lang::Ru => format!(" ({text})"),
        }
    }

    /// Between items of a list in running text: "；" or "; ".
    pub fn semicolon(self) -> &'static str {
        match self {
            Lang::Zh => "；",
            Lang::En | Lang::Ru => "; ",
        }
    }

    /// Between an amount and what it counts: nothing in Chinese ("20余位外国领导人"), a space
    /// in English and Russian.
    pub const fn amount_space(self) -> &'static str {
        match self {
            Lang::Zh => "",
            Lang::En | Lang::Ru => " ",
        }
    }

    /// A day as this language writes it, in prose and lists alike: "2025年8月31日",
    /// "31 August 2025". One style per language on every screen and in the export's prose.
    pub fn date(self, day: NaiveDate) -> String {
        match self {
            Lang::Zh => format!("{}年{}月{}日", day.year(), day.month(), day.day()),
            Lang::En => format!("{} {} {}", day.day(), month_name(day.month()), day.year()),
            // "31 августа 2025 г.": the month in the genitive; "г." (год) joined to the year
            // by a no-break space, so that no line starts with it.
            Lang::Ru => format!(
                "{} {} {}\u{a0}г.",
                day.day(),
                ru_month_genitive(day.month()),
                day.year()
            ),
        }
    }

    /// The same day where room is short (list columns, axis ticks): the same order, English
    /// months cut to three letters ("31 Aug 2025"); Chinese has nothing to cut; Russian
    /// writes it in figures, as Russian does ("31.08.2025").
    pub fn short_date(self, day: NaiveDate) -> String {
        match self {
            Lang::Zh => self.date(day),
            Lang::En => format!("{} {} {}", day.day(), short_month(day.month()), day.year()),
            Lang::Ru => day.format("%d.%m.%Y").to_string(),
        }
    }

    /// From one day to another: "2024年7月4日至2025年9月1日", "4 July 2024 to 1 September 2025",
    /// "с 4 июля 2024 г. по 1 сентября 2025 г.".
    pub fn span(self, from: &str, to: &str) -> String {
        match self {
            Lang::Zh => format!("{from}至{to}"),
            Lang::En => format!("{from} to {to}"),
            Lang::Ru => format!("с {from} по {to}"),
        }
    }

    /// The language a `--lang` flag names, or else the one the locale asks for.
    pub fn choose(flag: Option<Lang>) -> Lang {
        flag.unwrap_or_else(Lang::from_env)
    }

    /// The locale of this process (`LC_ALL`, `LC_MESSAGES`, `LANG`), by [`Lang::from_locale`].
    pub fn from_env() -> Lang {
        let var = |name| std::env::var(name).ok();
        Lang::from_locale(
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            var("LANG").as_deref(),
        )
    }

    /// The POSIX precedence: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and
    /// non-empty decides. A Chinese locale (`zh`, `zh_CN.UTF-8`, `zh_TW`, …) reads Chinese; so
    /// do `C`, `POSIX` and no locale at all, since they say nothing about the reader and the
    /// data is Chinese; a Russian one (`ru`, `ru_RU.UTF-8`, `ru_UA`) reads Russian; any other
    /// language (`en_US.UTF-8`, `de_DE`, `uk_UA`) reads English. Over
    /// SSH a viewer's forwarded `LANG` is the only value: `from_locale(None, None, Some(lang))`.
    pub fn from_locale(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        let Some(value) = [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|value| !value.is_empty())
        else {
            return Lang::Zh;
        };
        // `zh_CN.UTF-8@stroke` → `zh`: the language is what comes before territory, codeset
        // and modifier.
        let language = value
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "zh" | "c" | "posix" | "" => Lang::Zh,
            "ru" => Lang::Ru,
            _ => Lang::En,
        }
    }
}

/// Gives an enum its labels in every language, from one table, so that a variant cannot have
/// a label in one language and lack it in another.
macro_rules! labels {
    ($ty:ty { $($variant:ident => $zh:literal, $en:literal, $ru:literal;)* }) => {
        // Not every enum's labels are shown yet (document kinds, qualifiers).
        #[allow(dead_code)]
        impl $ty {
            /// Every label, Chinese, English and Russian, for the checks that hold of them all.
            #[cfg(test)]
            pub(crate) const LABELS: &'static [(&'static str, &'static str, &'static str)] =
                &[$(($zh, $en, $ru)),*];

            pub fn label_zh(self) -> &'static str {
                match self {
                    $(Self::$variant => $zh,)*
                }
            }

            pub fn label_en(self) -> &'static str {
                match self {
                    $(Self::$variant => $en,)*
                }
            }

            pub fn label_ru(self) -> &'static str {
                match self {
                    $(Self::$variant => $ru,)*
                }
            }

            pub fn label(self, lang: $crate::data::Lang) -> &'static str {
                match lang {
                    $crate::data::Lang::Zh => self.label_zh(),
                    $crate::data::Lang::En => self.label_en(),
                    $crate::data::Lang::Ru => self.label_ru(),
                }
            }
        }
    };
}
pub(crate) use labels;

/// An English month's name: "August".
pub fn month_name(month: u32) -> &'static str {
    let month = month.clamp(1, 12) as u8;
    chrono::Month::try_from(month).map_or("", |m| m.name())
}

/// An English month's name cut to three letters: "Aug".
pub fn short_month(month: u32) -> &'static str {
    month_name(month).get(..3).unwrap_or_default()
}

/// The Russian months in the genitive, as a date names them ("31 августа"): chrono's names
/// are English.
const RU_MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// The Russian months alone, in the nominative ("июль 2024 г.").
const RU_MONTHS: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

/// The Russian months as a column or a tick abbreviates them, by the usual abbreviations.
const RU_MONTHS_SHORT: [&str; 12] = [
    "янв.",
    "февр.",
    "март",
    "апр.",
    "май",
    "июнь",
    "июль",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
];

fn ru_month_index(month: u32) -> usize {
    month.clamp(1, 12) as usize - 1
}

/// A Russian month in the genitive: "августа".
pub fn ru_month_genitive(month: u32) -> &'static str {
    RU_MONTHS_GENITIVE[ru_month_index(month)]
}

/// A Russian month alone: "август".
pub fn ru_month_name(month: u32) -> &'static str {
    RU_MONTHS[ru_month_index(month)]
}

/// A Russian month abbreviated: "авг.".
pub fn ru_short_month(month: u32) -> &'static str {
    RU_MONTHS_SHORT[ru_month_index(month)]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The language of a process whose only locale variable is `LANG`.
    fn by_lang(value: &str) -> Lang {
        Lang::from_locale(None, None, Some(value))
    }

    #[test]
    fn a_chinese_locale_reads_chinese_and_another_language_english() {
        for chinese in ["zh_CN.UTF-8", "zh_TW.Big5", "zh", "ZH_cn", "zh-Hans"] {
            assert_eq!(by_lang(chinese), Lang::Zh, "{chinese}");
        }
        for other in ["en_US.UTF-8", "en_GB", "en", "de_DE@euro", "uk_UA.UTF-8"] {
            assert_eq!(by_lang(other), Lang::En, "{other}");
        }
    }

    #[test]
    fn a_russian_locale_reads_russian() {
        for russian in [
            "ru_RU.UTF-8",
            "ru",
            "RU_ru",
            "ru_UA.KOI8-U",
            "ru-RU",
            "ru_RU@latin",
        ] {
            assert_eq!(by_lang(russian), Lang::Ru, "{russian}");
        }
        assert_eq!(
            Lang::from_locale(Some("ru_RU.UTF-8"), None, Some("en_US")),
            Lang::Ru
        );
        assert_eq!(
            Lang::from_locale(None, Some("en_GB"), Some("ru_RU")),
            Lang::En
        );
    }

    #[test]
    fn c_posix_and_no_locale_read_chinese() {
        assert_eq!(Lang::from_locale(None, None, None), Lang::Zh);
        assert_eq!(Lang::from_locale(Some(""), Some(""), Some("")), Lang::Zh);
        for neutral in ["C", "C.UTF-8", "POSIX"] {
            assert_eq!(by_lang(neutral), Lang::Zh, "{neutral}");
        }
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang_the_first_non_empty_wins() {
        let (en, zh) = (Some("en_US.UTF-8"), Some("zh_CN.UTF-8"));
        assert_eq!(Lang::from_locale(en, zh, zh), Lang::En);
        assert_eq!(Lang::from_locale(zh, en, en), Lang::Zh);
        assert_eq!(Lang::from_locale(None, en, zh), Lang::En);
        assert_eq!(Lang::from_locale(Some(""), en, zh), Lang::En);
        assert_eq!(Lang::from_locale(Some(""), Some(""), en), Lang::En);
        // A set C locale decides: it is not passed over for a later variable.
        assert_eq!(Lang::from_locale(Some("C"), None, en), Lang::Zh);
        assert_eq!(Lang::from_locale(None, Some("POSIX"), en), Lang::Zh);
    }

    #[test]
    fn the_flag_parses_zh_en_and_ru_in_any_case() {
        assert_eq!("zh".parse::<Lang>().ok(), Some(Lang::Zh));
        assert_eq!("EN".parse::<Lang>().ok(), Some(Lang::En));
        assert_eq!("Ru".parse::<Lang>().ok(), Some(Lang::Ru));
        assert!("fr".parse::<Lang>().is_err());
        assert_eq!(Lang::En.to_string(), "en");
        assert_eq!(Lang::Ru.to_string(), "ru");
        assert_eq!(Lang::choose(Some(Lang::Ru)), Lang::Ru);
    }

    #[test]
    fn the_switch_goes_round_every_language_once() {
        assert_eq!(Lang::Zh.next(), Lang::En);
        assert_eq!(Lang::En.next(), Lang::Ru);
        assert_eq!(Lang::Ru.next(), Lang::Zh);
        for lang in Lang::ALL {
            assert_eq!(lang.next().next().next(), lang);
        }
        assert_eq!(
            Lang::ALL.len(),
            <Lang as strum::IntoEnumIterator>::iter().count()
        );
    }
}
