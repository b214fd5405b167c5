//! The languages the dashboard reads in, and how the default one is chosen.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// A language a reader reads the dashboard in. `Zh` is the curated data itself; `En` is the
/// English layer over it (`assets/data/en/`), falling back to the Chinese where it has no
/// translation.
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
}

impl Lang {
    /// The other language: what the live switch goes to.
    pub fn toggled(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The colon between a name and what follows: "：" in Chinese, ": " in English.
    pub const fn colon(self) -> &'static str {
        match self {
            Lang::Zh => "：",
            Lang::En => ": ",
        }
    }

    /// A text in brackets after another: "（…）" or " (…)".
    pub fn aside(self, text: &str) -> String {
        match self {
            Lang::Zh => format!("（{text}）"),
            Lang::En => format!(" ({text})"),
        }
    }

    /// Between items of a list in running text: "；" or "; ".
    pub fn semicolon(self) -> &'static str {
        match self {
            Lang::Zh => "；",
            Lang::En => "; ",
        }
    }

    /// Between an amount and what it counts: nothing in Chinese ("20余位外国领导人"), a space
    /// in English.
    pub const fn amount_space(self) -> &'static str {
        match self {
            Lang::Zh => "",
            Lang::En => " ",
        }
    }

    /// A day as this language writes it, in prose and lists alike: "2025年8月31日",
    /// "31 August 2025". One style per language on every screen and in the export's prose.
    pub fn date(self, day: NaiveDate) -> String {
        match self {
            Lang::Zh => format!("{}年{}月{}日", day.year(), day.month(), day.day()),
            Lang::En => format!("{} {} {}", day.day(), month_name(day.month()), day.year()),
        }
    }

    /// The same day where room is short (list columns, axis ticks): the same order, English
    /// months cut to three letters ("31 Aug 2025"); Chinese has nothing to cut.
    pub fn short_date(self, day: NaiveDate) -> String {
        match self {
            Lang::Zh => self.date(day),
            Lang::En => format!("{} {} {}", day.day(), short_month(day.month()), day.year()),
        }
    }

    /// From one day to another: "2024年7月4日至2025年9月1日", "4 July 2024 to 1 September 2025".
    pub fn span(self, from: &str, to: &str) -> String {
        match self {
            Lang::Zh => format!("{from}至{to}"),
            Lang::En => format!("{from} to {to}"),
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
    /// data is Chinese; any other language (`en_US.UTF-8`, `de_DE`, `ru`) reads English. Over
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
            _ => Lang::En,
        }
    }
}

/// Gives an enum its labels in both languages, from one table, so that a variant cannot have
/// one label and lack the other.
macro_rules! labels {
    ($ty:ty { $($variant:ident => $zh:literal, $en:literal;)* }) => {
        // Not every enum's labels are shown yet (document kinds, qualifiers).
        #[allow(dead_code)]
        impl $ty {
            /// Every label, Chinese and English, for the checks that hold of them all.
            #[cfg(test)]
            pub(crate) const LABELS: &'static [(&'static str, &'static str)] = &[$(($zh, $en)),*];

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

            pub fn label(self, lang: $crate::data::Lang) -> &'static str {
                match lang {
                    $crate::data::Lang::Zh => self.label_zh(),
                    $crate::data::Lang::En => self.label_en(),
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
        for other in ["en_US.UTF-8", "en_GB", "en", "ru_RU.UTF-8", "de_DE@euro"] {
            assert_eq!(by_lang(other), Lang::En, "{other}");
        }
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
    fn the_flag_parses_zh_and_en_in_any_case() {
        assert_eq!("zh".parse::<Lang>().ok(), Some(Lang::Zh));
        assert_eq!("EN".parse::<Lang>().ok(), Some(Lang::En));
        assert!("fr".parse::<Lang>().is_err());
        assert_eq!(Lang::En.to_string(), "en");
        assert_eq!(Lang::Zh.toggled(), Lang::En);
        assert_eq!(Lang::En.toggled().toggled(), Lang::En);
        assert_eq!(Lang::choose(Some(Lang::En)), Lang::En);
    }
}
