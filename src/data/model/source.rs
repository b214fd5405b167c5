use serde::{Deserialize, Serialize};

use crate::data::Lang;
use crate::data::values::Date;
use crate::text::quotes::ru_quoted;

/// A news article the data set is curated from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub headline: Option<String>,
    pub(crate) subtitle: Option<String>,
    pub(crate) agency: Option<String>,
    pub(crate) dateline: Option<String>,
    pub(crate) date: Option<Date>,
    #[serde(default)]
    pub(crate) reporters: Vec<String>,
    #[serde(default)]
    pub(crate) seeds: Vec<String>,
    pub note: Option<String>,
    /// The headline is our translation of the printed Chinese one (the English and Russian
    /// data sets only); never read from a data file, and exported only when true.
    #[serde(
        default,
        skip_deserializing,
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub headline_translated: bool,
}

impl Source {
    /// A citation in a language's own form: `《标题》副题，电头` in Chinese; in English
    /// `“Headline: subtitle” (translated headline), dateline`, the mark saying that the
    /// headline is ours, not the printed one.
    pub fn citation_in(&self, lang: Lang) -> String {
        match lang {
            Lang::En => return self.citation_en(),
            Lang::Ru => return self.citation_ru(),
            Lang::Zh => {}
        }
        let headline = match (&self.headline, &self.subtitle) {
            (Some(h), Some(s)) => format!("《{h}》{s}"),
            (Some(h), None) => format!("《{h}》"),
            (None, _) => "（标题不详）".to_string(),
        };
        match &self.dateline {
            Some(dateline) => format!("{headline}，{dateline}"),
            None => headline,
        }
    }

    /// `«Заголовок. Подзаголовок» (перевод заголовка), Синьхуа, Тяньцзинь, 2 сентября`: the
    /// headline in «», a quotation inside it in „“.
    fn citation_ru(&self) -> String {
        let headline = match (&self.headline, &self.subtitle) {
            (Some(h), Some(s)) => {
                let stop = if h.ends_with(['.', '!', '?', '…']) {
                    " "
                } else {
                    ". "
                };
                let s = s.trim_start_matches(['—', '-', ' ', '\u{a0}']);
                ru_quoted(&format!("{h}{stop}{s}"))
            }
            (Some(h), None) => ru_quoted(h),
            (None, _) => "(заголовок не указан)".to_string(),
        };
        let headline = if self.headline_translated {
            format!("{headline} (перевод заголовка)")
        } else {
            headline
        };
        match &self.dateline {
            Some(dateline) => format!("{headline}, {dateline}"),
            None => headline,
        }
    }

    fn citation_en(&self) -> String {
        let headline = match (&self.headline, &self.subtitle) {
            (Some(h), Some(s)) => format!("“{h}: {}”", s.trim_start_matches(['—', '-', ' '])),
            (Some(h), None) => format!("“{h}”"),
            (None, _) => "(headline not given)".to_string(),
        };
        let headline = if self.headline_translated {
            format!("{headline} (translated headline)")
        } else {
            headline
        };
        match &self.dateline {
            Some(dateline) => format!("{headline}, {dateline}"),
            None => headline,
        }
    }
}
