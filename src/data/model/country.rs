use serde::{Deserialize, Serialize};

/// A country or international organisation the sources reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2 for a country, a lowercase slug for an organisation.
    pub(crate) id: String,
    pub(crate) kind: CountryKind,
    pub(crate) name_zh: String,
    pub(crate) name_en: String,
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    /// The capital, or an organisation's seat.
    pub(crate) capital_zh: Option<String>,
    pub(crate) capital_en: Option<String>,
    pub(crate) lat: Option<f64>,
    pub(crate) lon: Option<f64>,
    pub sco_status: ScoStatus,
    pub(crate) status_note: Option<String>,
    pub(crate) sources: Vec<String>,
    /// The name in the genitive, where a language's layer gives it (Russian: «России»), for
    /// an office: «Президент России». Never in countries.toml itself.
    #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub(crate) name_genitive: Option<String>,
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
