//! The data set arranged for browsing: each pane's order, and the links that run backwards
//! (which outcomes name an initiative, which events are a meeting). Built once at start.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use crate::app::search::SearchIndex;
use crate::app::words::Words;
use crate::data::{DataSet, Lang};
use crate::data::model::Event;
use crate::data::results_view::{ResultsView, results_view};
use crate::data::values::TimeOfDay;

pub struct Catalog {
    /// The language its records and the chrome's words are in.
    pub lang: Lang,
    pub data: Arc<DataSet>,
    pub results: ResultsView,
    /// Timeline events in date order (indices into `data.timeline`).
    pub timeline: Vec<usize>,
    pub outcomes_of_initiative: HashMap<u32, Vec<u32>>,
    pub outcomes_of_document: HashMap<String, Vec<u32>>,
    pub outcomes_of_event: HashMap<String, Vec<u32>>,
    pub events_of_meeting: HashMap<String, Vec<String>>,
    /// Each event's index in `data.timeline`, by id, and its place in `timeline`, by index:
    /// following a link is a look-up, whatever the size of the data.
    pub event_index: HashMap<String, usize>,
    pub event_place: Vec<usize>,
    /// Each meeting's index in `data.meetings`, by id.
    pub meeting_index: HashMap<String, usize>,
    /// Built on first use (or warmed after the first frame): the first frame does not wait
    /// for it.
    search: OnceLock<SearchIndex>,
}

impl Catalog {
    /// The data set as it is, in Chinese.
    pub fn new(data: Arc<DataSet>) -> Self {
        Catalog::in_language(data, Lang::Zh)
    }

    /// A data set already in `lang` (the English layer applied for English).
    pub fn in_language(data: Arc<DataSet>, lang: Lang) -> Self {
        let mut timeline: Vec<usize> = (0..data.timeline.len()).collect();
        // Stable: events of the same day keep their curated order unless a time says otherwise.
        timeline.sort_by_key(|&i| {
            let event = &data.timeline[i];
            (event.date.first_day(), event.day_end, moment_in_day(event))
        });
        let mut outcomes_of_initiative: HashMap<u32, Vec<u32>> = HashMap::new();
        let mut outcomes_of_document: HashMap<String, Vec<u32>> = HashMap::new();
        let mut outcomes_of_event: HashMap<String, Vec<u32>> = HashMap::new();
        for outcome in &data.outcomes {
            for n in &outcome.initiatives {
                outcomes_of_initiative
                    .entry(*n)
                    .or_default()
                    .push(outcome.n);
            }
            for id in &outcome.documents {
                outcomes_of_document
                    .entry(id.clone())
                    .or_default()
                    .push(outcome.n);
            }
            for id in &outcome.events {
                outcomes_of_event
                    .entry(id.clone())
                    .or_default()
                    .push(outcome.n);
            }
        }
        let mut events_of_meeting: HashMap<String, Vec<String>> = HashMap::new();
        for &i in &timeline {
            let event = &data.timeline[i];
            for meeting in &event.meetings {
                events_of_meeting
                    .entry(meeting.clone())
                    .or_default()
                    .push(event.id.clone());
            }
        }
        let results = results_view(&data);
        let event_index = data
            .timeline
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let mut event_place = vec![0; data.timeline.len()];
        for (place, &i) in timeline.iter().enumerate() {
            event_place[i] = place;
        }
        let meeting_index = data
            .meetings
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i))
            .collect();
        Catalog {
            lang,
            results,
            event_index,
            event_place,
            meeting_index,
            search: OnceLock::new(),
            data,
            timeline,
            outcomes_of_initiative,
            outcomes_of_document,
            outcomes_of_event,
            events_of_meeting,
        }
    }
}

impl Catalog {
    /// The chrome's words in the catalog's language.
    pub fn words(&self) -> &'static Words {
        self.lang.words()
    }

    /// The search index of every record's texts, built the first time it is asked for.
    pub fn search(&self) -> &SearchIndex {
        self.search
            .get_or_init(|| SearchIndex::build(self.lang, &self.data, &self.timeline, &self.results))
    }
}

/// Where an event falls within its day, in minutes after midnight, for timeline.toml's rule:
/// events without a time come first (`None`), then by clock time or part of day, a part of day
/// counted from its earliest hour (上午 from 6:00, 中午 11:00, 下午 12:00, 傍晚 17:00, 晚 18:00);
/// an event marked `day_end` follows them all.
fn moment_in_day(event: &Event) -> Option<u32> {
    use chrono::Timelike;
    if let Some(time) = event.time {
        return Some(time.0.hour() * 60 + time.0.minute());
    }
    let hour = match event.time_of_day? {
        TimeOfDay::Morning => 6,
        TimeOfDay::Noon => 11,
        TimeOfDay::Afternoon => 12,
        TimeOfDay::Dusk => 17,
        TimeOfDay::Evening => 18,
    };
    Some(hour * 60)
}
