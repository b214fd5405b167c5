use serde::{Deserialize, Serialize};

use crate::data::values::{Certainty, ClockTime, PartialDate, TimeOfDay};

/// A dated event on the timeline, dated only as precisely as the sources allow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub date: PartialDate,
    /// Whether the texts print the date or it is derived from what they print.
    #[serde(default)]
    pub certainty: Certainty,
    /// How a derived date was worked out, from which statements (shown to users).
    pub date_note: Option<String>,
    pub(crate) end: Option<PartialDate>,
    pub(crate) time: Option<ClockTime>,
    #[serde(default)]
    pub(crate) time_approx: bool,
    pub time_of_day: Option<TimeOfDay>,
    /// The texts put the event at its day's close without a time (e.g. 峰会结束之际): it is
    /// listed after the day's other events.
    #[serde(default)]
    pub(crate) day_end: bool,
    pub(crate) title: String,
    pub(crate) place: Option<String>,
    pub(crate) kind: EventKind,
    pub(crate) summary: Option<String>,
    /// Meeting ids that are the same thing as this event.
    #[serde(default)]
    pub(crate) meetings: Vec<String>,
    /// Outcome numbers this event carries out.
    #[serde(default)]
    pub(crate) outcomes: Vec<u32>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Summit,
    Meeting,
    Visit,
    Chairmanship,
    Launch,
    Initiative,
    Commemoration,
    Ceremony,
    Press,
    Culture,
    /// A gathering the sources call a 论坛.
    Forum,
    /// The span a document or plan covers (2026–2030), not a happening.
    Period,
}
