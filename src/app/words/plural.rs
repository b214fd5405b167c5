//! Counted words by CLDR's plural rules, from `intl_pluralrules`: 1 встреча, 2 встречи,
//! 5 встреч, 21 встреча, 11 встреч; 1 item, 2 items; Chinese has no plural (5项). No rule is
//! written here: each language's category for a number comes from CLDR's data, and a word
//! gives its form for each category the language uses.

use std::sync::LazyLock;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use crate::data::Lang;

/// Each language's cardinal rules, by `Lang` order; `None` where CLDR has none (never, for
/// the languages we read: a test says so).
static RULES: LazyLock<[Option<PluralRules>; Lang::ALL.len()]> = LazyLock::new(|| {
    Lang::ALL.map(|lang| {
        let id: LanguageIdentifier = lang.to_string().parse().ok()?;
        PluralRules::create(id, PluralRuleType::CARDINAL).ok()
    })
});

/// The CLDR plural category of `n` in `lang` (`OTHER` if the rules could not be had).
pub fn category(lang: Lang, n: u64) -> PluralCategory {
    RULES[lang as usize]
        .as_ref()
        .and_then(|rules| rules.select(n).ok())
        .unwrap_or(PluralCategory::OTHER)
}

/// A counted word in each language: the Chinese measure word or noun that follows a number,
/// the English singular and plural, and the Russian forms for CLDR's `one` (1, 21, 101),
/// `few` (2–4, 22–24) and `many` (0, 5–20, 25–30, 11–14).
#[derive(Debug, Clone, Copy)]
pub struct Noun {
    pub zh: &'static str,
    pub en: [&'static str; 2],
    pub ru: [&'static str; 3],
}

impl Noun {
    /// The word's form for `n` in `lang`.
    pub fn form(&self, lang: Lang, n: u64) -> &'static str {
        let category = category(lang, n);
        match lang {
            Lang::Zh => self.zh,
            Lang::En => match category {
                PluralCategory::ONE => self.en[0],
                _ => self.en[1],
            },
            Lang::Ru => match category {
                PluralCategory::ONE => self.ru[0],
                PluralCategory::FEW => self.ru[1],
                PluralCategory::MANY => self.ru[2],
                // `other` is for fractions (1,5 встречи), which take the `few` form.
                _ => self.ru[1],
            },
        }
    }

    /// `n` and the word, as the language writes them: "5项", "5 items", "5 записей".
    pub fn count(&self, lang: Lang, n: usize) -> String {
        let word = self.form(lang, n as u64);
        format!("{n}{}{word}", lang.amount_space())
    }
}

/// A matching record of a list.
pub const ITEM: Noun = Noun {
    zh: "项",
    en: ["item", "items"],
    ru: ["запись", "записи", "записей"],
};

/// A line of a page or of the help.
pub const LINE: Noun = Noun {
    zh: "行",
    en: ["line", "lines"],
    ru: ["строка", "строки", "строк"],
};

/// A place a page's search found.
pub const PLACE: Noun = Noun {
    zh: "处",
    en: ["line", "lines"],
    ru: ["строка", "строки", "строк"],
};

/// A hit of search everything.
pub const HIT: Noun = Noun {
    zh: "项",
    en: ["hit", "hits"],
    ru: ["совпадение", "совпадения", "совпадений"],
};

/// An event of the timeline.
pub const EVENT: Noun = Noun {
    zh: "项",
    en: ["event", "events"],
    ru: ["событие", "события", "событий"],
};

/// A name on the map: a place or a country.
pub const NAME: Noun = Noun {
    zh: "个地名",
    en: ["name", "names"],
    ru: ["название", "названия", "названий"],
};

/// An item of the results list.
pub const POINT: Noun = Noun {
    zh: "项",
    en: ["item", "items"],
    ru: ["пункт", "пункта", "пунктов"],
};

/// A meeting with a foreign leader.
pub const MEETING: Noun = Noun {
    zh: "场会见",
    en: ["meeting", "meetings"],
    ru: ["встреча", "встречи", "встреч"],
};

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERS: [usize; 8] = [0, 1, 2, 5, 11, 21, 22, 25];

    fn counts(lang: Lang, noun: Noun) -> Vec<String> {
        NUMBERS.iter().map(|&n| noun.count(lang, n)).collect()
    }

    #[test]
    fn every_language_has_cldr_rules() {
        for lang in Lang::ALL {
            assert!(RULES[lang as usize].is_some(), "{lang}");
        }
    }

    #[test]
    fn russian_counts_take_one_few_and_many_by_cldr() {
        assert_eq!(
            counts(Lang::Ru, MEETING),
            [
                "0 встреч",
                "1 встреча",
                "2 встречи",
                "5 встреч",
                "11 встреч",
                "21 встреча",
                "22 встречи",
                "25 встреч"
            ]
        );
        assert_eq!(
            counts(Lang::Ru, ITEM),
            [
                "0 записей",
                "1 запись",
                "2 записи",
                "5 записей",
                "11 записей",
                "21 запись",
                "22 записи",
                "25 записей"
            ]
        );
        assert_eq!(ITEM.count(Lang::Ru, 111), "111 записей");
        assert_eq!(ITEM.count(Lang::Ru, 104), "104 записи");
        assert_eq!(POINT.count(Lang::Ru, 313), "313 пунктов");
        assert_eq!(POINT.count(Lang::Ru, 223), "223 пункта");
    }

    #[test]
    fn english_counts_take_one_and_other_by_cldr() {
        assert_eq!(
            counts(Lang::En, ITEM),
            [
                "0 items", "1 item", "2 items", "5 items", "11 items", "21 items", "22 items",
                "25 items"
            ]
        );
        assert_eq!(counts(Lang::En, MEETING)[1], "1 meeting");
        assert_eq!(counts(Lang::En, MEETING)[5], "21 meetings");
    }

    #[test]
    fn chinese_counts_have_no_plural() {
        assert_eq!(
            counts(Lang::Zh, ITEM),
            ["0项", "1项", "2项", "5项", "11项", "21项", "22项", "25项"]
        );
        for n in NUMBERS {
            assert_eq!(category(Lang::Zh, n as u64), PluralCategory::OTHER, "{n}");
        }
    }

    #[test]
    fn the_categories_are_cldrs() {
        use PluralCategory::{FEW, MANY, ONE, OTHER};
        let ru = NUMBERS.map(|n| category(Lang::Ru, n as u64));
        assert_eq!(ru, [MANY, ONE, FEW, MANY, MANY, ONE, FEW, MANY]);
        let en = NUMBERS.map(|n| category(Lang::En, n as u64));
        assert_eq!(en, [OTHER, ONE, OTHER, OTHER, OTHER, OTHER, OTHER, OTHER]);
    }
}
