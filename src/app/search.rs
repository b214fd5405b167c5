//! The search index: every record's searchable texts, prepared once at load, and ranked
//! search over all panes or one.

use nucleo_matcher::{Config, Matcher};
use serde::Serialize;

use crate::app::tab::Tab;
use crate::data::DataSet;
use crate::data::results_view::ResultsView;
use crate::text::search::{Match, Prepared, Query, Tier};

/// One record as search sees it: where it lives, how it is named, what can be searched.
#[derive(Debug, Clone)]
pub struct Entry {
    pub tab: Tab,
    pub item: usize,
    /// A stable id for scripts: outcome and initiative numbers, meeting, event and section ids.
    pub id: String,
    pub title: String,
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
    /// The text that matched, when it is not the title.
    pub context: Option<String>,
    pub tier: Tier,
    pub score: u32,
}

#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

fn texts(fields: impl IntoIterator<Item = String>) -> Vec<Prepared> {
    fields
        .into_iter()
        .filter(|f| !f.trim().is_empty())
        .map(|f| Prepared::new(&f))
        .collect()
}

impl SearchIndex {
    /// `timeline` is the timeline's display order (item → event index).
    pub fn build(data: &DataSet, timeline: &[usize], results: &ResultsView) -> SearchIndex {
        let mut entries = Vec::new();
        for (item, o) in data.outcomes.iter().enumerate() {
            let title = format!("成果{} {}", o.n, o.title);
            let mut fields = vec![title.clone(), o.summary.clone()];
            fields.extend(o.facts.iter().cloned());
            entries.push(Entry {
                tab: Tab::Outcomes,
                item,
                id: o.n.to_string(),
                title,
                fields: texts(fields),
            });
        }
        for (item, i) in data.initiatives.iter().enumerate() {
            let title = format!("{}. {}", i.n, i.text);
            let mut fields = vec![
                i.text.clone(),
                i.category.label_zh().to_string(),
                i.group.label_zh().to_string(),
            ];
            fields.extend(
                i.commitments
                    .iter()
                    .map(|c| format!("{} {}", c.as_printed, c.what)),
            );
            entries.push(Entry {
                tab: Tab::Initiatives,
                item,
                id: i.n.to_string(),
                title,
                fields: texts(fields),
            });
        }
        for (item, &index) in timeline.iter().enumerate() {
            let e = &data.timeline[index];
            let title = format!("{} {}", e.date, e.title);
            let fields = [
                Some(e.title.clone()),
                e.summary.clone(),
                e.place.clone(),
                Some(e.date.to_string()),
                Some(e.kind.label_zh().to_string()),
            ];
            entries.push(Entry {
                tab: Tab::Timeline,
                item,
                id: e.id.clone(),
                title,
                fields: texts(fields.into_iter().flatten()),
            });
        }
        for (item, m) in data.meetings.iter().enumerate() {
            let country = data.country(&m.counterpart.country);
            let name = m.counterpart.name.clone().unwrap_or_default();
            let country_zh = country.map_or(m.counterpart.country.clone(), |c| c.name_zh.clone());
            let date = m.date.map_or(String::new(), |d| d.to_string());
            let title = format!(
                "{date} {} · {country_zh}",
                if name.is_empty() {
                    "（未具名）"
                } else {
                    &name
                }
            )
            .trim()
            .to_string();
            let mut fields = vec![
                name,
                country_zh,
                m.counterpart.title.clone().unwrap_or_default(),
                m.kind.clone(),
            ];
            if let Some(country) = country {
                fields.push(country.name_en.clone());
                fields.extend(country.aliases.iter().cloned());
            }
            fields.extend(
                [
                    m.city.clone(),
                    m.venue.clone(),
                    m.occasion.clone(),
                    Some(date),
                ]
                .into_iter()
                .flatten(),
            );
            fields.extend(
                m.chinese_side
                    .iter()
                    .chain(&m.counterpart_side)
                    .chain(&m.documents)
                    .cloned(),
            );
            entries.push(Entry {
                tab: Tab::Meetings,
                item,
                id: m.id.clone(),
                title,
                fields: texts(fields),
            });
        }
        for (item, s) in results.sections.iter().enumerate() {
            let mut fields = vec![s.title.clone()];
            fields.extend(s.items.iter().map(|i| format!("{}. {}", i.n, i.title)));
            entries.push(Entry {
                tab: Tab::Results,
                item,
                id: s.id.clone(),
                title: s.title.clone(),
                fields: texts(fields),
            });
        }
        SearchIndex { entries }
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
        SearchIndex { entries }
    }

    /// The best match among an entry's fields, with the field it was found in.
    fn best(entry: &Entry, query: &Query, matcher: &mut Matcher) -> Option<(Match, usize)> {
        let mut best: Option<(Match, usize)> = None;
        for (field, text) in entry.fields.iter().enumerate() {
            if let Some(m) = query.matches(text, matcher) {
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

    /// Every matching record, best first; only `tab`'s when given.
    pub fn search(&self, query: &Query, tab: Option<Tab>) -> Vec<Hit> {
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut hits: Vec<(Hit, usize)> = self
            .entries
            .iter()
            .filter(|e| tab.is_none_or(|t| t == e.tab))
            .filter_map(|entry| {
                let (m, field) = Self::best(entry, query, &mut matcher)?;
                let context = (field > 0).then(|| entry.fields[field].text.clone());
                let hit = Hit {
                    pane: entry.tab.title_en(),
                    tab: entry.tab,
                    item: entry.item,
                    id: entry.id.clone(),
                    title: entry.title.clone(),
                    context,
                    tier: m.tier,
                    score: m.score,
                };
                Some((hit, field))
            })
            .collect();
        // Better tier first; within a tier a match in the title before one in the body, then
        // the earlier match.
        hits.sort_by(|(a, fa), (b, fb)| {
            b.tier
                .cmp(&a.tier)
                .then(fa.min(&1).cmp(fb.min(&1)))
                .then(b.score.cmp(&a.score))
        });
        hits.into_iter().map(|(hit, _)| hit).collect()
    }

    /// The items of `tab` that match, as a set for filtering a list.
    pub fn matching_items(&self, query: &Query, tab: Tab) -> Vec<usize> {
        let mut items: Vec<usize> = self
            .search(query, Some(tab))
            .into_iter()
            .map(|h| h.item)
            .collect();
        items.sort_unstable();
        items
    }
}
