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
    /// A loose (fuzzy) match: shown marked, ranked after every other.
    pub loose: bool,
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

/// The rows search-everything lists for `hits` (in their ranked order): each hit by its
/// index, and `None` for the line before the first loose hit (which says that those after it
/// are loose, and, when every hit is loose, that nothing matched exactly). The popup draws
/// them and a click reads them.
pub fn palette_rows(hits: &[Hit]) -> Vec<Option<usize>> {
    let mut rows = Vec::with_capacity(hits.len() + 1);
    for (i, hit) in hits.iter().enumerate() {
        if hit.loose && (i == 0 || !hits[i - 1].loose) {
            rows.push(None);
        }
        rows.push(Some(i));
    }
    rows
}

/// How good a match is, compared as a whole (greater is better): its tier; a match of the
/// whole field before one of part of it; one in the record's title before one in its body;
/// a whole word (“鲁班工坊” set apart by quotes) before a run inside a longer one; the
/// earlier match; and, all that equal, a record of its own pane before the overview's
/// summary of it (the overview's line for Putin links to his meetings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    tier: Tier,
    whole: bool,
    in_title: bool,
    word: bool,
    score: u32,
    own_pane: bool,
}

impl Rank {
    fn of(m: &Match, shown_field: usize, tab: Tab) -> Rank {
        Rank {
            tier: m.tier,
            whole: m.whole,
            in_title: shown_field == 0,
            word: m.word,
            score: m.score,
            own_pane: tab != Tab::Overview,
        }
    }
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

    /// The best match among an entry's fields: its rank, and the field it is shown by.
    fn best(&self, index: usize, entry: &Entry, query: &Query) -> Option<(Rank, usize)> {
        let mut best: Option<(Rank, usize)> = None;
        for (field, text) in entry.fields.iter().enumerate() {
            if let Some(m) = query.matches(text) {
                let shown = self.shown_field(index, field);
                let rank = Rank::of(&m, shown, entry.tab);
                if best.is_none_or(|(b, _)| rank > b) {
                    best = Some((rank, shown));
                }
            }
        }
        best
    }

    /// Every matching record as (entry, shown field, rank), best first; only `tab`'s when
    /// given. The one ranking of search: the palette, `sco-dash search` and a pane's search
    /// all read it. Nothing is copied: this runs on every key typed in a search.
    fn ranked(&self, query: &Query, tab: Option<Tab>) -> Vec<(usize, usize, Rank)> {
        let rank = |offset: usize, entries: &[Entry]| -> Vec<(usize, usize, Rank)> {
            entries
                .iter()
                .enumerate()
                .filter(|(_, e)| tab.is_none_or(|t| t == e.tab))
                .filter_map(|(index, entry)| {
                    let index = offset + index;
                    let (rank, field) = self.best(index, entry, query)?;
                    Some((index, field, rank))
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
        // Best first; equals keep the index's order (panes in tab order, records in theirs).
        found.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
        found
    }

    /// The best `limit` matching records, best first; only `tab`'s when given.
    pub fn search_top(&self, query: &Query, tab: Option<Tab>, limit: usize) -> Vec<Hit> {
        let ranked = self.ranked(query, tab);
        ranked
            .into_iter()
            .take(limit)
            .map(|(index, field, rank)| {
                let entry = &self.entries[index];
                Hit {
                    pane: entry.tab.title_en(),
                    tab: entry.tab,
                    item: entry.item,
                    id: entry.id.clone(),
                    title: entry.title.clone(),
                    separator: entry.separator,
                    context: (field > 0).then(|| entry.fields[field].text.clone()),
                    tier: rank.tier,
                    loose: rank.tier.is_loose(),
                    score: rank.score,
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
    use crate::app::testing::catalog;
    use crate::text::width::with_ambiguous;

    fn first_hits(query: &str, n: usize) -> Vec<(Tab, String, Tier)> {
        let query = Query::new(query).unwrap();
        catalog()
            .search()
            .search_top(&query, None, n)
            .into_iter()
            .map(|h| (h.tab, h.id, h.tier))
            .collect()
    }

    #[test]
    fn the_intended_record_comes_first() {
        // A name as a whole field: the meetings with Putin, before the overview's line on
        // him and the events that mention him.
        let putin = first_hits("普京", 3);
        assert_eq!(
            putin.iter().map(|h| (h.0, h.2)).collect::<Vec<_>>(),
            [
                (Tab::Meetings, Tier::Exact),
                (Tab::Meetings, Tier::Exact),
                (Tab::Overview, Tier::Exact)
            ],
            "{putin:?}"
        );
        // Named only among the overview's leaders.
        assert_eq!(
            first_hits("莫迪", 1),
            [(Tab::Overview, "leader/modi".to_string(), Tier::Exact)]
        );
        // Initials: the initiative that names the workshops as a term of its own, before
        // texts that run them into a sentence.
        assert_eq!(
            first_hits("lbgf", 1),
            [(Tab::Initiatives, "11".to_string(), Tier::Initials)]
        );
        assert_eq!(
            first_hits("tjfh", 1),
            [(
                Tab::Timeline,
                "2025-08-31-tianjin-summit".to_string(),
                Tier::Initials
            )]
        );
    }

    #[test]
    fn hits_are_ranked_by_tier_whatever_their_pane() {
        let query = Query::new("天津").unwrap();
        let hits = catalog().search().search(&query, None);
        assert!(
            hits.windows(2).all(|w| w[0].tier >= w[1].tier),
            "{:?}",
            hits.iter().map(|h| h.tier).collect::<Vec<_>>()
        );
        let panes: std::collections::HashSet<_> = hits.iter().map(|h| h.tab).collect();
        assert!(panes.len() >= 4, "every pane is searched: {panes:?}");
    }

    #[test]
    fn every_part_of_the_overview_is_found_and_anchored_on_the_page() {
        let catalog = catalog();
        let entries = Tab::Overview.pane().search_entries(&IndexSource {
            lang: catalog.lang,
            data: &catalog.data,
            timeline: &catalog.timeline,
            results: &catalog.results,
        });
        assert!(entries.len() > 20, "{}", entries.len());
        for width in [58, 118, 198] {
            let doc = catalog.detail(Tab::Overview, 0, width);
            for entry in &entries {
                let lines = doc.anchored(&entry.id);
                assert!(
                    lines.is_some_and(|l| !l.is_empty()),
                    "{width}: {} has no lines on the page",
                    entry.id
                );
            }
        }
    }

    #[test]
    fn loose_hits_come_after_a_line_that_says_so() {
        let hit = |loose| Hit {
            pane: "Meetings",
            tab: Tab::Meetings,
            item: 0,
            id: String::new(),
            title: String::new(),
            separator: None,
            context: None,
            tier: if loose { Tier::Fuzzy } else { Tier::Exact },
            loose,
            score: 0,
        };
        assert_eq!(
            palette_rows(&[hit(false), hit(true), hit(true)]),
            [Some(0), None, Some(1), Some(2)]
        );
        assert_eq!(palette_rows(&[hit(true)]), [None, Some(0)]);
        assert_eq!(palette_rows(&[hit(false)]), [Some(0)]);
    }

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
            loose: false,
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
