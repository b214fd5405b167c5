//! What the screen shows, computed from the state once per change and kept: the list with
//! its rows, the detail, the hits of search-everything, and the geometry they are laid out in.
//! Drawing and mouse hit-testing read only this.

use std::borrow::Cow;

use super::*;

/// A pane's list as it is drawn: its items in order, its rows at the list's width (with
/// the separators some panes put between items), and where each item stands. Made once
/// for each change of what the list shows; moving the selection only looks things up, so
/// a key costs the same on a data set of any size.
pub struct List {
    pub items: Arc<Vec<usize>>,
    pub rows: Vec<Row>,
    /// The most rows an item takes: more than one where titles that do not fit go on (the
    /// list has the height).
    pub tallest: usize,
    /// Item → its first row.
    row_of: HashMap<usize, usize>,
    /// Item → its place among the items.
    place_of: HashMap<usize, usize>,
}

impl List {
    pub(super) fn new(items: Arc<Vec<usize>>, rows: Vec<Row>) -> List {
        let mut row_of = HashMap::new();
        let mut taken: HashMap<usize, usize> = HashMap::new();
        for (row, r) in rows.iter().enumerate() {
            if let Some(item) = r.item {
                row_of.entry(item).or_insert(row);
                *taken.entry(item).or_default() += 1;
            }
        }
        let tallest = taken.values().copied().max().unwrap_or(1);
        let place_of = items.iter().enumerate().map(|(p, &i)| (i, p)).collect();
        List {
            items,
            rows,
            tallest,
            row_of,
            place_of,
        }
    }

    /// The first row an item takes.
    pub fn row_of(&self, item: usize) -> Option<usize> {
        self.row_of.get(&item).copied()
    }

    /// The rows an item takes: one, or two when its title goes on.
    pub fn rows_of(&self, item: usize) -> Option<std::ops::Range<usize>> {
        let first = self.row_of(item)?;
        let after = self.rows[first..]
            .iter()
            .position(|r| r.item != Some(item))
            .map_or(self.rows.len(), |n| first + n);
        Some(first..after)
    }

    pub fn place_of(&self, item: usize) -> Option<usize> {
        self.place_of.get(&item).copied()
    }
}

/// The most lines a list row's title goes on onto, where the list has the height.
const WRAPPED_LINES: usize = 3;

/// Rows, each item's as in `one` (a line each) or, from the top while `spare` rows allow,
/// as in `wrapped` (the same items, a title that does not fit going on).
fn wrap_while_room(one: Vec<Row>, wrapped: Vec<Row>, mut spare: usize) -> Vec<Row> {
    // Runs of rows of one item (or of separators), which the two lists have in one order.
    fn runs(rows: Vec<Row>) -> Vec<Vec<Row>> {
        let mut runs: Vec<Vec<Row>> = Vec::new();
        for row in rows {
            match runs.last_mut() {
                Some(run) if run[0].item == row.item => run.push(row),
                _ => runs.push(vec![row]),
            }
        }
        runs
    }
    let (one, wrapped) = (runs(one), runs(wrapped));
    if one.len() != wrapped.len() {
        return one.into_iter().flatten().collect();
    }
    let mut rows = Vec::new();
    for (one, wrapped) in one.into_iter().zip(wrapped) {
        let more = wrapped.len().saturating_sub(one.len());
        if more > 0 && more <= spare {
            spare -= more;
            rows.extend(wrapped);
        } else {
            rows.extend(one);
        }
    }
    rows
}

/// What a pane's list depends on.
#[derive(PartialEq)]
pub(super) struct ListQuestion {
    /// Sorting by name follows the language's names.
    lang: Lang,
    tab: Tab,
    query: String,
    facets: Facets,
    sort: Sort,
}

impl App {
    /// The search that applies to the current pane: the one being typed, or the one kept.
    pub fn query(&self) -> Option<Query> {
        Query::new(self.query_text())
    }

    /// The text of the search that applies to the current pane (empty for none).
    pub fn query_text(&self) -> &str {
        match &self.mode {
            Mode::Search(input) => input.text(),
            _ => &self.pane().query,
        }
    }

    /// What the current list depends on.
    pub(super) fn list_question(&self) -> ListQuestion {
        let pane = self.pane();
        ListQuestion {
            lang: self.lang,
            tab: self.tab,
            query: self.query_text().to_string(),
            facets: pane.facets.clone(),
            sort: pane.sort,
        }
    }

    /// The items the current list shows, in order.
    pub fn view(&self) -> Arc<Vec<usize>> {
        let pane = self.pane();
        self.lists.get(self.list_question(), || {
            Arc::new(view::items(
                self.catalog(),
                self.tab,
                &pane.facets,
                self.query().as_ref(),
                pane.sort,
            ))
        })
    }

    /// How many records the pane has, before filtering.
    pub fn total(&self) -> usize {
        panes::count(self.catalog(), self.tab)
    }

    /// The selected item's place in the list, 0-based.
    pub fn position(&self) -> Option<usize> {
        self.list().place_of(self.shown_selection())
    }

    /// The item the screen shows selected: while a search is typed, the first match when
    /// the selected record is filtered out (nothing is stored until the search is kept).
    fn shown_selection(&self) -> usize {
        let selected = self.pane().selected;
        if !matches!(self.mode, Mode::Search(_)) || !self.tab.has_list() {
            return selected;
        }
        let list = self.list();
        match (list.place_of(selected), list.items.first()) {
            (None, Some(&first)) => first,
            _ => selected,
        }
    }

    /// The pane as the screen shows it. While a search is typed the list filters live, but
    /// the stored pane changes only when Enter keeps the search (or Esc drops it): what is
    /// shown then depends on the query as it stands, not on how fast it was typed, and an
    /// SSH packet holding several keys draws what the keys one by one would.
    pub fn shown_pane(&self) -> Cow<'_, PaneState> {
        if matches!(self.mode, Mode::Search(_)) {
            let pane = self.in_range(self.pane().clone());
            if self.tab.has_list() {
                Cow::Owned(pane)
            } else {
                Cow::Owned(self.at_first_match(pane))
            }
        } else {
            Cow::Borrowed(self.pane())
        }
    }

    /// `pane` brought in range of what its list shows: a selection the list shows, the list
    /// scrolled to show it, the detail's scroll and link within the detail.
    pub(super) fn in_range(&self, mut pane: PaneState) -> PaneState {
        let list = self.list();
        if self.tab.has_list()
            && list.place_of(pane.selected).is_none()
            && let Some(&first) = list.items.first()
        {
            pane.selected = first;
            pane.scroll = 0;
            pane.link = 0;
        }
        let rows = list.rows_of(pane.selected).unwrap_or(0..1);
        let list_height = self.list_height();
        let doc = self.detail_of(pane.selected);
        let detail_height = self.detail_height();
        // All of the selected item's rows in view, its first when they cannot all be.
        if rows.end > pane.list_offset + list_height {
            pane.list_offset = rows.end.saturating_sub(list_height);
        }
        if rows.start < pane.list_offset {
            pane.list_offset = rows.start;
        }
        pane.list_offset = pane
            .list_offset
            .min(list.rows.len().saturating_sub(list_height));
        pane.link = pane.link.min(doc.links.len().saturating_sub(1));
        pane.found = pane.found.filter(|&line| line < doc.lines.len());
        pane.scroll = pane.scroll.min(doc.rows().saturating_sub(detail_height));
        pane
    }

    /// The current list with its rows, laid out at the width the list has on this screen
    /// (or would have, when the detail has the screen to itself).
    /// Titles that do not fit go on onto a second row, or a third, where the list then
    /// still shows every row at once; otherwise each row is one line.
    pub fn list(&self) -> Arc<List> {
        let (width, height) = self.list_size();
        self.drawn
            .get((self.list_question(), width, height, ambiguous()), || {
                let items = self.view();
                let catalog = self.catalog();
                for lines in (2..=WRAPPED_LINES).rev() {
                    let wrapped = self.tab.pane().wrapped_rows(catalog, width, &items, lines);
                    if let Some(rows) = wrapped.filter(|rows| rows.len() <= height) {
                        return Arc::new(List::new(items, rows));
                    }
                }
                let rows = panes::rows(catalog, self.tab, width, &items);
                // Not every title can go on: those from the top that the spare rows hold do.
                let spare = height.saturating_sub(rows.len());
                let rows = match self.tab.pane().wrapped_rows(catalog, width, &items, 2) {
                    Some(wrapped) if spare > 0 => wrap_while_room(rows, wrapped, spare),
                    _ => rows,
                };
                Arc::new(List::new(items, rows))
            })
    }

    /// The cells across and the rows (below a table's header) the list has on this screen,
    /// or would have, when the detail has the screen to itself: its rows do not change as
    /// the list and the detail take turns.
    fn list_size(&self) -> (usize, usize) {
        let (w, h) = (
            self.width.max(layout::MIN_WIDTH),
            self.height.max(layout::MIN_HEIGHT),
        );
        let list = self.areas().and_then(|a| a.list).or_else(|| {
            layout::areas(w, h, self.tab, Focus::List, self.pane().picture()).and_then(|a| a.list)
        });
        let header = usize::from(panes::has_header(self.tab));
        list.map_or((1, 1), |a| {
            let a = inner(a);
            (
                usize::from(a.width).max(1),
                usize::from(a.height).saturating_sub(header).max(1),
            )
        })
    }

    pub fn areas(&self) -> Option<layout::Areas> {
        let pane = self.pane();
        if pane.chart {
            // The charts' rows at a frame's width, so that above the detail they take what
            // they need.
            let wanted = |width: u16| {
                let groups = crate::app::chart::for_tab(self.catalog(), self.tab);
                let inside = usize::from(width.saturating_sub(2));
                let rows = crate::app::chart::lay_out(&groups, inside).rows.len();
                u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2)
            };
            let picture = layout::Picture::Chart(&wanted);
            return layout::areas_with(self.width, self.height, self.tab, pane.focus, picture);
        }
        layout::areas(self.width, self.height, self.tab, pane.focus, pane.map)
    }

    /// The width the detail is laid out at: its frame's inside, or the whole screen's when
    /// the detail is not on screen (so that links keep their order).
    pub(super) fn detail_width(&self) -> usize {
        let width = match self.areas().and_then(|a| a.detail) {
            Some(area) => inner(area).width,
            None => {
                let (w, h) = (
                    self.width.max(layout::MIN_WIDTH),
                    self.height.max(layout::MIN_HEIGHT),
                );
                let areas = layout::areas(w, h, self.tab, Focus::Detail, self.pane().picture());
                areas.and_then(|a| a.detail).map_or(1, |a| inner(a).width)
            }
        };
        usize::from(width).max(1)
    }

    /// Rows the detail shows at once (a page set in columns scrolls all of them together).
    pub(super) fn detail_height(&self) -> usize {
        let area = self.areas().and_then(|a| a.detail).map(inner);
        area.map_or(1, |a| usize::from(a.height).max(1))
    }

    pub(super) fn list_height(&self) -> usize {
        let area = self.areas().and_then(|a| a.list);
        let header = usize::from(panes::has_header(self.tab));
        area.map_or(1, |a| {
            usize::from(inner(a).height).saturating_sub(header).max(1)
        })
    }

    /// The current detail, laid out for the screen (empty when the list shows nothing).
    pub fn detail(&self) -> Arc<Doc> {
        self.detail_of(self.shown_selection())
    }

    /// The detail of `selected`, laid out for the screen (empty when the list does not
    /// show it).
    fn detail_of(&self, selected: usize) -> Arc<Doc> {
        let width = self.detail_width();
        if self.tab.has_list() && self.list().place_of(selected).is_none() {
            return Arc::new(Doc::new(width));
        }
        self.details
            .get((self.lang, self.tab, selected, width, ambiguous()), || {
                self.catalog().detail(self.tab, selected, width)
            })
    }

    /// The hits of search-everything for what is typed.
    pub fn palette_hits(&self) -> Arc<Vec<Hit>> {
        let Mode::Palette { input, .. } = &self.mode else {
            return Arc::default();
        };
        self.hits.get((self.lang, input.text().to_string()), || {
            let Some(query) = Query::new(input.text()) else {
                return Arc::default();
            };
            // One ranked list, best first, as `sco-dash search` prints it; the pane is a label
            // on each hit.
            Arc::new(
                self.catalog()
                    .search()
                    .search_top(&query, None, PALETTE_LIMIT),
            )
        })
    }
}
