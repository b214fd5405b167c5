use serde::Serialize;

use crate::data::model::{
    Country, Event, Initiative, InitiativeGroup, Meeting, Outcome, Section, Source, Summit, Voice,
};

/// The whole curated data set, as loaded and validated.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DataSet {
    pub summit: Option<Summit>,
    pub outcomes: Vec<Outcome>,
    pub initiatives: Vec<Initiative>,
    pub meetings: Vec<Meeting>,
    pub timeline: Vec<Event>,
    pub(crate) results: Vec<Section>,
    pub voices: Vec<Voice>,
    pub(crate) countries: Vec<Country>,
    pub sources: Vec<Source>,
}

impl DataSet {
    pub(crate) fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn country(&self, id: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.id == id)
    }

    pub(crate) fn initiative(&self, n: u32) -> Option<&Initiative> {
        self.initiatives.iter().find(|i| i.n == n)
    }

    pub fn initiatives_in(&self, group: InitiativeGroup) -> impl Iterator<Item = &Initiative> {
        self.initiatives.iter().filter(move |i| i.group == group)
    }
}
