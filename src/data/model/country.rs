use serde::{Deserialize, Serialize};

/// A country or international organisation the sources reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2 for a country, a lowercase slug for an organisation.
    pub id: String,
    pub kind: CountryKind,
    pub name_zh: String,
    pub name_en: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The capital, or an organisation's seat.
    pub capital_zh: Option<String>,
    pub capital_en: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub sco_status: ScoStatus,
    pub status_note: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountryKind {
    Country,
    Organisation,
}

/// Only what the sources say; `Unknown` where they do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoStatus {
    Member,
    Partner,
    DialoguePartner,
    Observer,
    Guest,
    Organisation,
    Unknown,
}

impl ScoStatus {
    pub fn label_zh(self) -> &'static str {
        match self {
            ScoStatus::Member => "成员国",
            ScoStatus::Partner => "伙伴",
            ScoStatus::DialoguePartner => "对话伙伴",
            ScoStatus::Observer => "观察员国",
            ScoStatus::Guest => "主席国客人",
            ScoStatus::Organisation => "国际组织",
            ScoStatus::Unknown => "未说明",
        }
    }
}
