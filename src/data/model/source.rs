use serde::{Deserialize, Serialize};

use crate::data::values::Date;

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
}

impl Source {
    /// How the article is named in a citation: headline, agency and dateline, each only
    /// where the texts give it.
    pub(crate) fn citation(&self) -> String {
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
}
