//! The search index: every record's searchable texts, prepared once at load, and ranked
//! search over all panes or one.

use serde::Serialize;

use strum::IntoEnumIterator;

use crate::app::tab::Tab;
use crate::data::results_view::ResultsView;
use crate::data::{DataSet, Lang};
use crate::text::glyphs::Glyph;
use crate::text::search::{Match, Prepared, Query, Tier};
use crate::text::width::Ambiguous;

/// The index is shared by terminals in either mode: it holds the narrow glyph.
pub(crate) const SEPARATOR: &str = Glyph::Separator.in_mode(Ambiguous::Narrow);

/// One record as search sees it: where it lives, how it is named, what can be searched.
#[derive(Debug, Clone)]
pub struct Entry {
    pub tab: Tab,
    pub item: usize,
    /// A stable id for scripts: outcome and initiative numbers, meeting, event and section ids.
    pub id: String,
    pub title: String,
    /// Where the chrome's separator stands in `title` (meetings: `who · country`), so that
    /// each terminal draws it in its own mode; `title` itself keeps the narrow one.
    pub separator: Option<usize>,
    /// The first field is the title; the others are matched after it.
    pub fields: Vec<Prepared>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub pane: &'static str,
    #[serde(skip)]
    pub tab: Tab,
    #[serde(skip)]
    pub item: usize,
    pub id: String,
    pub title: String,
    #[serde(skip)]
    pub separator: Option<usize>,
    /// The text that matched, when it is not the title.
    pub context: Option<String>,
    pub tier: Tier,
    pub score: u32,
}

impl Hit {
    /// The title as this terminal shows it: the chrome's separator in its mode.
    pub fn shown_title(&self) -> std::borrow::Cow<'_, str> {
        match self.separator {
            Some(at)
                if self
                    .title
                    .get(at..)
                    .is_some_and(|rest| rest.starts_with(SEPARATOR)) =>
            {
                std::borrow::Cow::Owned(format!(
                    "{}{}{}",
                    &self.title[..at],
                    Glyph::Separator,
                    &self.title[at + SEPARATOR.len()..]
                ))
            }
            _ => std::borrow::Cow::Borrowed(&self.title),
        }
    }
}

/// The rows search-everything lists for `hits` (grouped by pane in tab order): `None` for a
/// pane's heading, then its hits by index. The popup draws them and a click reads them.
pub fn palette_rows(hits: &[Hit]) -> Vec<Option<usize>> {
    let mut rows = Vec::new();
    for tab in Tab::ALL {
        let mut in_tab = hits
            .iter()
            .enumerate()
            .filter(|(_, h)| h.tab == tab)
            .peekable();
        if in_tab.peek().is_some() {
            rows.push(None);
            rows.extend(in_tab.map(|(i, _)| Some(i)));
        }
    }
    rows
}

/// From this many records a search runs on every core; below it threads cost more than
/// they save (the embedded data has about 150).
const PARALLEL_FROM: usize = 4096;

#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// Per entry, how many of its fields are in its own language; those after them are its
    /// twins' (see [`SearchIndex::also`]). Empty without a twin.
    own_fields: Vec<usize>,
    /// Per entry, where each twin's fields start, in the order they were added.
    twin_starts: Vec<Vec<usize>>,
}

/// What the panes build their search entries from.
pub struct IndexSource<'a> {
    /// The language `data` is in.
    pub lang: Lang,
    pub data: &'a DataSet,
    /// The timeline's display order (item → event index).
    pub timeline: &'a [usize],
    pub results: &'a ResultsView,
}

/// A record's searchable texts, the empty ones left out.
pub(crate) fn texts(fields: impl IntoIterator<Item = String>) -> Vec<Prepared> {
    fields
        .into_iter()
        .filter(|f| !f.trim().is_empty())
        .map(|f| Prepared::new(&f))
        .collect()
}

impl SearchIndex {
    /// `timeline` is the timeline's display order (item → event index).
    pub fn build(
        lang: Lang,
        data: &DataSet,
        timeline: &[usize],
        results: &ResultsView,
    ) -> SearchIndex {
        let source = IndexSource {
            lang,
            data,
            timeline,
            results,
        };
        let entries = Tab::iter()
            .flat_map(|tab| tab.pane().search_entries(&source))
            .collect();
        SearchIndex {
            entries,
            own_fields: Vec::new(),
            twin_starts: Vec::new(),
        }
    }

    /// Adds what `other` (the same records in another language) can be found by to each
    /// entry, so that a query in any of the languages added finds it.
    pub fn also(&mut self, other: &SearchIndex) {
        if self.own_fields.is_empty() {
            self.own_fields = self.entries.iter().map(|e| e.fields.len()).collect();
            self.twin_starts = vec![Vec::new(); self.entries.len()];
        }
        for ((entry, twin), starts) in self
            .entries
            .iter_mut()
            .zip(&other.entries)
            .zip(&mut self.twin_starts)
        {
            if (entry.tab, entry.item) == (twin.tab, twin.item) {
                starts.push(entry.fields.len());
                entry.fields.extend(twin.fields.iter().cloned());
            }
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The index repeated `times` times, for measuring search at scale.
    pub fn repeated(&self, times: usize) -> SearchIndex {
        let entries = (0..times)
            .flat_map(|_| self.entries.iter().cloned())
            .collect();
        let own_fields = (0..times)
            .flat_map(|_| self.own_fields.iter().copied())
            .collect();
        let twin_starts = (0..times)
            .flat_map(|_| self.twin_starts.iter().cloned())
            .collect();
        SearchIndex {
            entries,
            own_fields,
            twin_starts,
        }
    }

    /// The field a match in `field` of entry `index` is shown by: a match in a twin's
    /// field shows the same field in the reader's language (a Chinese screen shows no English,
    /// and the other way round; every language lists its fields in the same order).
    fn shown_field(&self, index: usize, field: usize) -> usize {
        match self.own_fields.get(index) {
            Some(&own) if field >= own => {
                let start = self.twin_starts[index]
                    .iter()
                    .rev()
                    .find(|&&start| start <= field)
                    .map_or(own, |&start| start);
                // A twin with more fields than the entry: its title stands for the rest.
                Some(field - start).filter(|&f| f < own).unwrap_or(0)
            }
            _ => field,
        }
    }

    /// The best match among an entry's fields, with the field it was found in.
    fn best(entry: &Entry, query: &Query) -> Option<(Match, usize)> {
        let mut best: Option<(Match, usize)> = None;
        for (field, text) in entry.fields.iter().enumerate() {
            if let Some(m) = query.matches(text) {
                let better = best
                    .as_ref()
                    .is_none_or(|(b, _)| (m.tier, m.score) > (b.tier, b.score));
                if better {
                    best = Some((m, field));
                }
            }
        }
        best
    }

    /// Every matching record as (entry, field, tier, score), best first; only `tab`'s when
    /// given. Nothing is copied: this runs on every key typed in a search.
    fn ranked(&self, query: &Query, tab: Option<Tab>) -> Vec<(usize, usize, Tier, u32)> {
        let rank = |offset: usize, entries: &[Entry]| -> Vec<(usize, usize, Tier, u32)> {
            entries
                .iter()
                .enumerate()
                .filter(|(_, e)| tab.is_none_or(|t| t == e.tab))
                .filter_map(|(index, entry)| {
                    let (m, field) = Self::best(entry, query)?;
                    let index = offset + index;
                    Some((index, self.shown_field(index, field), m.tier, m.score))
                })
                .collect()
        };
        // Asked only for a large index: on Linux the answer comes from reading cgroup files.
        let threads = || std::thread::available_parallelism().map_or(1, usize::from);
        let mut found = if self.entries.len() < PARALLEL_FROM || threads() < 2 {
            rank(0, &self.entries)
        } else {
            // A large index is split across the cores; each part keeps its offset.
            let chunk = self.entries.len().div_ceil(threads());
            std::thread::scope(|scope| {
                let parts: Vec<_> = self
                    .entries
                    .chunks(chunk)
                    .enumerate()
                    .map(|(i, part)| scope.spawn(move || rank(i * chunk, part)))
                    .collect();
                parts
                    .into_iter()
                    .flat_map(|part| part.join().unwrap_or_default())
                    .collect()
            })
        };
        // Better tier first; within a tier a match in the title before one in the body, then
        // the earlier match.
        found.sort_by(|a, b| {
            b.2.cmp(&a.2)
                .then(a.1.min(1).cmp(&b.1.min(1)))
                .then(b.3.cmp(&a.3))
        });
        found
    }

    /// The best `limit` matching records, best first; only `tab`'s when given.
    pub fn search_top(&self, query: &Query, tab: Option<Tab>, limit: usize) -> Vec<Hit> {
        let ranked = self.ranked(query, tab);
        ranked
            .into_iter()
            .take(limit)
            .map(|(index, field, tier, score)| {
                let entry = &self.entries[index];
                Hit {
                    pane: entry.tab.title_en(),
                    tab: entry.tab,
                    item: entry.item,
                    id: entry.id.clone(),
                    title: entry.title.clone(),
                    separator: entry.separator,
                    context: (field > 0).then(|| entry.fields[field].text.clone()),
                    tier,
                    score,
                }
            })
            .collect()
    }

    /// Every matching record, best first; only `tab`'s when given.
    pub fn search(&self, query: &Query, tab: Option<Tab>) -> Vec<Hit> {
        self.search_top(query, tab, usize::MAX)
    }

    /// The items of `tab` that match, as a set for filtering a list.
    pub fn matching_items(&self, query: &Query, tab: Tab) -> Vec<usize> {
        let mut items: Vec<usize> = self
            .ranked(query, Some(tab))
            .into_iter()
            .map(|(index, ..)| self.entries[index].item)
            .collect();
        items.sort_unstable();
        items
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::width::with_ambiguous;

    #[test]
    fn a_meeting_title_shows_the_separator_of_the_terminal_and_keeps_the_data_own() {
        let hit = Hit {
            pane: "Meetings",
            tab: Tab::Meetings,
            item: 0,
            id: "m".to_string(),
            title: "2025-09-01 穆罕默德·本·扎耶德 · 阿联酋".to_string(),
            separator: Some("2025-09-01 穆罕默德·本·扎耶德 ".len()),
            context: None,
            tier: Tier::Contains,
            score: 0,
        };
        let shown = |mode| with_ambiguous(mode, || hit.shown_title().into_owned());
        assert_eq!(shown(Ambiguous::Narrow), hit.title);
        assert_eq!(
            shown(Ambiguous::Wide),
            "2025-09-01 穆罕默德·本·扎耶德 | 阿联酋"
        );
    }
}
