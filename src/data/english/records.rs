//! The English layer's records: for each Chinese record, only its reader-facing text, under
//! the same field names. Every field is optional so that a record can be translated in part
//! (the Chinese shows where the English is missing); whether a field may be there at all is
//! decided against the Chinese record, not here.

use std::collections::BTreeMap;

use serde::Deserialize;

/// `en/timeline.toml`: `[event."<id>"]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventEn {
    pub(crate) title: Option<String>,
    pub(crate) summary: Option<String>,
    pub(crate) place: Option<String>,
    pub(crate) date_note: Option<String>,
}

/// `en/voices.toml`: `[voice."<id>"]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct VoiceEn {
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
pub(crate) struct SectionEn {
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
pub(crate) struct InitiativeEn {
    pub(crate) text: Option<String>,
    pub(crate) commitments: Option<Vec<CommitmentEn>>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CommitmentEn {
    pub(crate) unit: Option<String>,
    pub(crate) what: Option<String>,
    pub(crate) as_printed: Option<String>,
    /// The Chinese `period.text`.
    pub(crate) period: Option<String>,
}

/// `en/meetings.toml`: `[meeting."<id>"]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MeetingEn {
    pub(crate) kind: Option<String>,
    pub(crate) date_note: Option<String>,
    pub(crate) city: Option<String>,
    pub(crate) venue: Option<String>,
    pub(crate) occasion: Option<String>,
    pub(crate) counterpart: Option<CounterpartEn>,
    pub(crate) chinese_side: Option<Vec<String>>,
    pub(crate) counterpart_side: Option<Vec<String>>,
    pub(crate) quotes: Option<Vec<QuoteEn>>,
    pub(crate) documents: Option<Vec<String>>,
    pub(crate) documents_note: Option<String>,
    pub(crate) attendees: Option<Vec<String>>,
    pub(crate) note: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CounterpartEn {
    pub(crate) name: Option<String>,
    pub(crate) title: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuoteEn {
    pub(crate) speaker: Option<String>,
    pub(crate) text: Option<String>,
}

/// `en/outcomes.toml`: `[outcome.<n>]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OutcomeEn {
    pub(crate) title: Option<String>,
    pub(crate) summary: Option<String>,
    pub(crate) facts: Option<Vec<String>>,
    pub(crate) note: Option<String>,
}

/// `en/sources.toml`: `[source."<id>"]`. The headline is our translation of a Chinese
/// headline, and the translated data set marks it so (`Source::headline_translated`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceEn {
    pub(crate) headline: Option<String>,
    pub(crate) subtitle: Option<String>,
    pub(crate) agency: Option<String>,
    pub(crate) dateline: Option<String>,
    pub(crate) reporters: Option<Vec<String>>,
    pub(crate) note: Option<String>,
}

/// `en/countries.toml`: `[country.<id>]`. Names and capitals already have their English in
/// countries.toml (`name_en`, `capital_en`); only the note needs translating.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CountryEn {
    pub(crate) status_note: Option<String>,
}

/// `en/summit.toml`: `[summit]`. Lists without ids (meetings, participants, figures, the
/// initiative's concepts and reactions) are lists of the same length and order as the
/// Chinese; documents and leaders are keyed by their ids.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SummitEn {
    pub(crate) name: Option<String>,
    pub(crate) short_name: Option<String>,
    pub(crate) city: Option<String>,
    pub(crate) venue: Option<String>,
    pub(crate) summary: Option<String>,
    pub(crate) meetings: Option<Vec<SummitMeetingEn>>,
    pub(crate) participants: Option<Vec<FigureEn>>,
    pub(crate) chairmanship: Option<ChairmanshipEn>,
    pub(crate) next: Option<NextSummitEn>,
    pub(crate) figures: Option<Vec<FigureEn>>,
    #[serde(default)]
    pub(crate) documents: BTreeMap<String, DocumentEn>,
    #[serde(default)]
    pub(crate) leaders: BTreeMap<String, LeaderEn>,
    pub(crate) ggi: Option<GgiEn>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SummitMeetingEn {
    pub(crate) name: Option<String>,
    pub(crate) chaired_by: Option<String>,
    pub(crate) summary: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FigureEn {
    pub(crate) unit: Option<String>,
    pub(crate) what: Option<String>,
    pub(crate) as_printed: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ChairmanshipEn {
    pub(crate) slogan: Option<String>,
    pub(crate) summary: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NextSummitEn {
    pub(crate) host_name: Option<String>,
    pub(crate) slogan: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocumentEn {
    pub(crate) title: Option<String>,
    pub(crate) summary: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LeaderEn {
    pub(crate) name: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) remark: Option<String>,
    pub(crate) quotes: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GgiEn {
    pub(crate) concepts: Option<Vec<GgiConceptEn>>,
    pub(crate) reactions: Option<Vec<GgiReactionEn>>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GgiConceptEn {
    pub(crate) name: Option<String>,
    pub(crate) role: Option<String>,
    pub(crate) wang_yi: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GgiReactionEn {
    pub(crate) name: Option<String>,
    pub(crate) affiliation: Option<String>,
    pub(crate) remark: Option<String>,
    pub(crate) quotes: Option<Vec<String>>,
}

/// Records keyed by the id (or number, as text) of the Chinese record they translate.
pub(crate) type Keyed<T> = BTreeMap<String, T>;

/// The whole English layer as read. A file that is absent is `None`: it translates nothing,
/// which is not an error (the coverage report says so).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Translations {
    pub(crate) summit: Option<SummitEn>,
    pub(crate) outcomes: Option<Keyed<OutcomeEn>>,
    pub(crate) initiatives: Option<Keyed<InitiativeEn>>,
    pub(crate) meetings: Option<Keyed<MeetingEn>>,
    pub(crate) timeline: Option<Keyed<EventEn>>,
    pub(crate) results: Option<Keyed<SectionEn>>,
    pub(crate) voices: Option<Keyed<VoiceEn>>,
    pub(crate) countries: Option<Keyed<CountryEn>>,
    pub(crate) sources: Option<Keyed<SourceEn>>,
}
