//! A layer's records: for each Chinese record, only its reader-facing text, under the same
//! field names. Every field is optional so that a record can be translated in part (the
//! Chinese shows where the translation is missing); whether a field may be there at all is
//! decided against the Chinese record, not here. Every language's layer has these records.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::data::Lang;

/// `en/timeline.toml`: `[event."<id>"]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventText {
    pub(crate) title: Option<String>,
    pub(crate) summary: Option<String>,
    pub(crate) place: Option<String>,
    pub(crate) date_note: Option<String>,
}

/// `en/voices.toml`: `[voice."<id>"]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct VoiceText {
    pub(crate) speaker: Option<String>,
    pub(crate) role: Option<String>,
    pub(crate) date_note: Option<String>,
    pub(crate) place: Option<String>,
    pub(crate) said: Option<String>,
    pub(crate) quotes: Option<Vec<String>>,
}

/// `en/results.toml`: `[section."<id>"]`, its items' titles and notes keyed by item number.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SectionText {
    pub(crate) group: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) items: BTreeMap<String, String>,
    #[serde(default)]
    pub(crate) item_notes: BTreeMap<String, String>,
}

/// `en/initiatives.toml`: `[initiative.<n>]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct InitiativeText {
    pub(crate) text: Option<String>,
    pub(crate) short: Option<String>,
    pub(crate) commitments: Option<Vec<CommitmentText>>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CommitmentText {
    pub(crate) unit: Option<String>,
    pub(crate) what: Option<String>,
    pub(crate) as_printed: Option<String>,
    /// The Chinese `period.text`.
    pub(crate) period: Option<String>,
}

/// `en/meetings.toml`: `[meeting."<id>"]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MeetingText {
    pub(crate) kind: Option<String>,
    pub(crate) date_note: Option<String>,
    pub(crate) city: Option<String>,
    pub(crate) venue: Option<String>,
    pub(crate) occasion: Option<String>,
    pub(crate) counterpart: Option<CounterpartText>,
    pub(crate) chinese_side: Option<Vec<String>>,
    pub(crate) counterpart_side: Option<Vec<String>>,
    pub(crate) quotes: Option<Vec<QuoteText>>,
    pub(crate) documents: Option<Vec<String>>,
    pub(crate) documents_note: Option<String>,
    pub(crate) attendees: Option<Vec<String>>,
    pub(crate) note: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CounterpartText {
    pub(crate) name: Option<String>,
    pub(crate) title: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuoteText {
    pub(crate) speaker: Option<String>,
    pub(crate) text: Option<String>,
}

/// `en/outcomes.toml`: `[outcome.<n>]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OutcomeText {
    pub(crate) title: Option<String>,
    pub(crate) summary: Option<String>,
    pub(crate) facts: Option<Vec<String>>,
    pub(crate) note: Option<String>,
}

/// `en/sources.toml`: `[source."<id>"]`. The headline is our translation of a Chinese
/// headline, and the translated data set marks it so (`Source::headline_translated`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceText {
    pub(crate) headline: Option<String>,
    pub(crate) subtitle: Option<String>,
    pub(crate) agency: Option<String>,
    pub(crate) dateline: Option<String>,
    pub(crate) reporters: Option<Vec<String>>,
    pub(crate) note: Option<String>,
}

/// `en/countries.toml`, `ru/countries.toml`: `[country.<id>]`. English names and capitals
/// are countries.toml's own (`name_en`, `capital_en`), so the English layer translates only
/// the note; another language gives its `name` and `capital` here, and Russian the name's
/// `genitive`, which an office needs («Президент России»).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CountryText {
    pub(crate) name: Option<String>,
    pub(crate) capital: Option<String>,
    pub(crate) genitive: Option<String>,
    pub(crate) status_note: Option<String>,
}

/// `en/summit.toml`: `[summit]`. Lists without ids (meetings, participants, figures, the
/// initiative's concepts and reactions) are lists of the same length and order as the
/// Chinese; documents and leaders are keyed by their ids.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SummitText {
    pub(crate) name: Option<String>,
    pub(crate) short_name: Option<String>,
    pub(crate) city: Option<String>,
    pub(crate) venue: Option<String>,
    pub(crate) summary: Option<String>,
    pub(crate) meetings: Option<Vec<SummitMeetingText>>,
    pub(crate) participants: Option<Vec<FigureText>>,
    pub(crate) chairmanship: Option<ChairmanshipText>,
    pub(crate) next: Option<NextSummitText>,
    pub(crate) figures: Option<Vec<FigureText>>,
    #[serde(default)]
    pub(crate) documents: BTreeMap<String, DocumentText>,
    #[serde(default)]
    pub(crate) leaders: BTreeMap<String, LeaderText>,
    pub(crate) ggi: Option<GgiText>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SummitMeetingText {
    pub(crate) name: Option<String>,
    pub(crate) chaired_by: Option<String>,
    pub(crate) summary: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FigureText {
    pub(crate) unit: Option<String>,
    pub(crate) what: Option<String>,
    pub(crate) as_printed: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ChairmanshipText {
    pub(crate) slogan: Option<String>,
    pub(crate) summary: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NextSummitText {
    pub(crate) host_name: Option<String>,
    pub(crate) slogan: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocumentText {
    pub(crate) title: Option<String>,
    pub(crate) summary: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LeaderText {
    pub(crate) name: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) remark: Option<String>,
    pub(crate) quotes: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GgiText {
    pub(crate) concepts: Option<Vec<GgiConceptText>>,
    pub(crate) reactions: Option<Vec<GgiReactionText>>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GgiConceptText {
    pub(crate) name: Option<String>,
    pub(crate) role: Option<String>,
    pub(crate) wang_yi: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GgiReactionText {
    pub(crate) name: Option<String>,
    pub(crate) affiliation: Option<String>,
    pub(crate) remark: Option<String>,
    pub(crate) quotes: Option<Vec<String>>,
}

/// Records keyed by the id (or number, as text) of the Chinese record they translate.
pub(crate) type Keyed<T> = BTreeMap<String, T>;

/// One language's whole layer as read. A file that is absent is `None`: it translates
/// nothing, which is not an error (the coverage report says so).
#[derive(Debug, Clone, PartialEq)]
pub struct Translations {
    /// The language it translates into.
    pub(crate) lang: Lang,
    pub(crate) summit: Option<SummitText>,
    pub(crate) outcomes: Option<Keyed<OutcomeText>>,
    pub(crate) initiatives: Option<Keyed<InitiativeText>>,
    pub(crate) meetings: Option<Keyed<MeetingText>>,
    pub(crate) timeline: Option<Keyed<EventText>>,
    pub(crate) results: Option<Keyed<SectionText>>,
    pub(crate) voices: Option<Keyed<VoiceText>>,
    pub(crate) countries: Option<Keyed<CountryText>>,
    pub(crate) sources: Option<Keyed<SourceText>>,
}

impl Translations {
    /// A layer of `lang` that translates nothing.
    pub fn empty(lang: Lang) -> Self {
        Translations {
            lang,
            summit: None,
            outcomes: None,
            initiatives: None,
            meetings: None,
            timeline: None,
            results: None,
            voices: None,
            countries: None,
            sources: None,
        }
    }

    /// The language it translates into.
    pub fn lang(&self) -> Lang {
        self.lang
    }
}

/// Every language's layer: a field per language read through a layer, so that a language
/// added to `Lang` without one is a compile error here.
#[derive(Debug, Clone, PartialEq)]
pub struct Layers {
    pub en: Translations,
    pub ru: Translations,
}

impl Default for Layers {
    fn default() -> Self {
        Layers {
            en: Translations::empty(Lang::En),
            ru: Translations::empty(Lang::Ru),
        }
    }
}

impl Layers {
    /// `lang`'s layer; none for the curated Chinese.
    pub fn get(&self, lang: Lang) -> Option<&Translations> {
        match lang {
            Lang::Zh => None,
            Lang::En => Some(&self.en),
            Lang::Ru => Some(&self.ru),
        }
    }

    /// Puts a layer in its language's place.
    pub fn set(&mut self, layer: Translations) {
        match layer.lang {
            Lang::Zh => {}
            Lang::En => self.en = layer,
            Lang::Ru => self.ru = layer,
        }
    }
}
