//! The data set arranged for browsing: each pane's order, and the links that run backwards
//! (which outcomes name an initiative, which events are a meeting). Built once at start.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, OnceLock};

use crate::app::detail::Doc;
use crate::app::memo::Recent;
use crate::app::search::SearchIndex;
use crate::app::words::Words;
use crate::app::{Tab, panes};
use crate::data::model::Event;
use crate::data::results_view::{ResultsView, results_view};
use crate::data::values::TimeOfDay;
use crate::data::{self, DataSet, Lang, LoadFailed, Loaded, Origin, load, translate};
use crate::text::width::{Ambiguous, ambiguous};

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
    /// Voices in date order (indices into `data.voices`), each voice's index by id and its
    /// place in that order by index, and the voices that name each event and meeting.
    pub voices: Vec<usize>,
    pub voice_index: HashMap<String, usize>,
    pub voice_place: Vec<usize>,
    pub voices_of_event: HashMap<String, Vec<usize>>,
    pub voices_of_meeting: HashMap<String, Vec<usize>>,
    /// Built on first use (or warmed after the first frame): the first frame does not wait
    /// for it.
    search: OnceLock<SearchIndex>,
    /// The same records in every language, shared by the Chinese catalog and its twins:
    /// search finds a record by the words of any of them.
    languages: Arc<Languages>,
    /// The Chinese catalog's twins in the other languages, each made the first time its
    /// language is asked for (by `Lang` order; the Chinese slot stays empty).
    twins: [OnceLock<Arc<Catalog>>; Lang::ALL.len()],
    /// Details laid out lately, shared by every app reading this catalog: 500 SSH viewers
    /// opening on the overview typeset its page once, not 500 times.
    details: Recent<(Tab, usize, usize, Ambiguous), Arc<Doc>>,
}

impl Catalog {
    /// The detail of `tab`'s `item` laid out `width` cells wide (in this thread's ambiguous
    /// mode), from the ones laid out lately when it is among them.
    pub fn detail(&self, tab: Tab, item: usize, width: usize) -> Arc<Doc> {
        self.details.get((tab, item, width, ambiguous()), || {
            Arc::new(panes::detail(self, tab, item, width))
        })
    }

    /// The data set as it is, in Chinese; in English it has the English chrome and, without
    /// translations, the Chinese records.
    pub fn new(data: Arc<DataSet>) -> Self {
        let languages = Arc::new(Languages::new(Arc::clone(&data), None));
        Catalog::in_language(data, Lang::Zh, languages)
    }

    /// The data set as loaded, with its layers (each translated when first read).
    pub fn from_loaded(loaded: Loaded) -> Self {
        let data = Arc::new(loaded.data);
        let layers = Layers {
            read: loaded.layers,
            later: loaded.layers_later,
        };
        let languages = Arc::new(Languages::new(Arc::clone(&data), Some(layers)));
        Catalog::in_language(data, Lang::Zh, languages)
    }

    /// The embedded data set in every language.
    pub fn embedded() -> Result<Self, LoadFailed> {
        load(&Origin::Embedded).map(Catalog::from_loaded)
    }

    /// A data set already in `lang`, and where its records are found in every language.
    fn in_language(data: Arc<DataSet>, lang: Lang, languages: Arc<Languages>) -> Self {
        let timeline = timeline_order(&data);
        let outcomes = || data.outcomes.iter();
        let outcomes_of_initiative = grouped(outcomes().flat_map(|o| {
            o.initiatives
                .iter()
                .map(move |&initiative| (initiative, o.n))
        }));
        let outcomes_of_document =
            grouped(outcomes().flat_map(|o| o.documents.iter().map(move |id| (id.clone(), o.n))));
        let outcomes_of_event =
            grouped(outcomes().flat_map(|o| o.events.iter().map(move |id| (id.clone(), o.n))));
        let events_of_meeting = grouped(timeline.iter().flat_map(|&i| {
            let event = &data.timeline[i];
            event
                .meetings
                .iter()
                .map(move |meeting| (meeting.clone(), event.id.clone()))
        }));
        let voices = voice_order(&data);
        let voiced = || voices.iter().map(|&i| (i, &data.voices[i]));
        let voices_of_event = grouped(voiced().filter_map(|(i, v)| Some((v.event.clone()?, i))));
        let voices_of_meeting =
            grouped(voiced().filter_map(|(i, v)| Some((v.meeting.clone()?, i))));
        Catalog {
            voice_index: index_by_id(data.voices.iter().map(|v| &v.id)),
            voice_place: places(&voices, data.voices.len()),
            voices,
            voices_of_event,
            voices_of_meeting,
            lang,
            results: results_view(&data),
            event_index: index_by_id(data.timeline.iter().map(|e| &e.id)),
            event_place: places(&timeline, data.timeline.len()),
            meeting_index: index_by_id(data.meetings.iter().map(|m| &m.id)),
            search: OnceLock::new(),
            languages,
            twins: Default::default(),
            details: Recent::default(),
            data,
            timeline,
            outcomes_of_initiative,
            outcomes_of_document,
            outcomes_of_event,
            events_of_meeting,
        }
    }
}

/// Values under their keys, each key's values in the order given: a link backwards lists its
/// records in the order of the records that name it.
fn grouped<K: Eq + Hash, V>(pairs: impl Iterator<Item = (K, V)>) -> HashMap<K, Vec<V>> {
    let mut groups: HashMap<K, Vec<V>> = HashMap::new();
    for (key, value) in pairs {
        groups.entry(key).or_default().push(value);
    }
    groups
}

/// Each record's place in `order` (indices into records numbering `len`), by index.
fn places(order: &[usize], len: usize) -> Vec<usize> {
    let mut places = vec![0; len];
    for (place, &i) in order.iter().enumerate() {
        places[i] = place;
    }
    places
}

/// Each record's index, by id.
fn index_by_id<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.clone(), i)).collect()
}

impl Catalog {
    /// The chrome's words in the catalog's language.
    pub fn words(&self) -> &'static Words {
        self.lang.words()
    }

    /// The search index of every record's texts in every language, built the first time it
    /// is asked for.
    pub fn search(&self) -> &SearchIndex {
        self.search.get_or_init(|| {
            let mut index =
                SearchIndex::build(self.lang, &self.data, &self.timeline, &self.results);
            for lang in Lang::ALL.into_iter().filter(|&lang| lang != self.lang) {
                if let Some(other) = self.languages.data(lang) {
                    let timeline = timeline_order(other);
                    let results = results_view(other);
                    index.also(&SearchIndex::build(lang, other, &timeline, &results));
                }
            }
            index
        })
    }

    /// The records in English: this catalog's own, or its English twin's (none without an
    /// English layer).
    pub fn english(&self) -> Option<&DataSet> {
        match self.lang {
            Lang::En => Some(&self.data),
            Lang::Zh | Lang::Ru => self.languages.data(Lang::En).map(|data| data.as_ref()),
        }
    }

    /// This catalog in a language: itself, or (from the Chinese one) its twin in that
    /// language. A twin is its own answer for every language.
    pub fn in_lang(self: &Arc<Self>, lang: Lang) -> &Arc<Catalog> {
        if lang == self.lang || self.lang != Lang::Zh {
            return self;
        }
        self.twins[lang as usize].get_or_init(|| {
            // Without a translation the twin reads the Chinese records in its own chrome.
            let data =
                (self.languages.data(lang).cloned()).unwrap_or_else(|| Arc::clone(&self.data));
            Arc::new(Catalog::in_language(
                data,
                lang,
                Arc::clone(&self.languages),
            ))
        })
    }
}

/// The records of one data set in every language: the Chinese as loaded, each other language
/// translated by its layer the first time it is needed.
struct Languages {
    chinese: Arc<DataSet>,
    /// None for a data set given without its layers.
    layers: Option<Layers>,
    /// By `Lang` order; `None` inside where a language has no layer.
    translated: [OnceLock<Option<Arc<DataSet>>>; Lang::ALL.len()],
}

/// The layers a data set was loaded with.
struct Layers {
    read: data::Layers,
    /// The layers are the embedded ones, each read the first time its language is needed.
    later: bool,
}

impl Languages {
    fn new(chinese: Arc<DataSet>, layers: Option<Layers>) -> Self {
        Languages {
            chinese,
            layers,
            translated: Default::default(),
        }
    }

    /// The records in `lang`, if it is Chinese or has a translation.
    fn data(&self, lang: Lang) -> Option<&Arc<DataSet>> {
        if lang == Lang::Zh {
            return Some(&self.chinese);
        }
        self.translated[lang as usize]
            .get_or_init(|| {
                let layers = self.layers.as_ref()?;
                let layer = if layers.later {
                    Cow::Owned(data::layer::source::embedded(lang))
                } else {
                    Cow::Borrowed(layers.read.get(lang)?)
                };
                Some(Arc::new(translate(&self.chinese, &layer)))
            })
            .as_ref()
    }
}

/// The timeline's events in date order (indices into `data.timeline`).
fn timeline_order(data: &DataSet) -> Vec<usize> {
    let mut timeline: Vec<usize> = (0..data.timeline.len()).collect();
    // Stable: events of the same day keep their curated order unless a time says otherwise.
    timeline.sort_by_key(|&i| {
        let event = &data.timeline[i];
        (event.date.first_day(), event.day_end, moment_in_day(event))
    });
    timeline
}

/// The voices in date order (indices into `data.voices`): a date known only to the month comes
/// first in its month, as on the timeline; voices of the same date keep their curated order.
pub fn voice_order(data: &DataSet) -> Vec<usize> {
    let mut voices: Vec<usize> = (0..data.voices.len()).collect();
    voices.sort_by_key(|&i| data.voices[i].date.first_day());
    voices
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
