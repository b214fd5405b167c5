//! `/` on a page without a list (the overview): nothing is filtered out, so the search marks
//! what matches, the page moves to the first match as the query is typed, and `n`/`N` go
//! from one matching line to the next. While the line is open every key is text: `/ j q`
//! searches for "jq" and never quits.

use super::*;
use crate::app::detail::Doc;

/// The lines a query matches, in the page's order: those whose searchable text the search
/// highlights.
pub fn matching_lines(doc: &Doc, query: &Query) -> Vec<usize> {
    doc.lines
        .iter()
        .enumerate()
        .filter(|(_, line)| {
            line.segments
                .iter()
                .any(|s| s.role.searchable() && query.find(&s.text).is_some())
        })
        .map(|(i, _)| i)
        .collect()
}

impl App {
    /// How many records (a list) or lines (a page) the search matches.
    pub fn search_count(&self) -> usize {
        if self.tab.has_list() {
            self.view().len()
        } else {
            self.page_matches().len()
        }
    }

    /// The lines of the current page the search matches.
    pub fn page_matches(&self) -> Vec<usize> {
        match self.query() {
            Some(query) => matching_lines(&self.detail(), &query),
            None => Vec::new(),
        }
    }

    /// `pane` on the first match in view, else the first below the view, else the first of
    /// all (as the query is typed, and when it is kept).
    pub(super) fn at_first_match(&self, mut pane: PaneState) -> PaneState {
        let doc = self.detail();
        let matches = self.page_matches();
        let height = self.detail_height();
        let row = |line: usize| doc.place(line).row;
        let in_view = |line: &&usize| (pane.scroll..pane.scroll + height).contains(&row(**line));
        let first = matches
            .iter()
            .find(in_view)
            .or_else(|| matches.iter().find(|l| row(**l) >= pane.scroll))
            .or(matches.first());
        match first {
            Some(&line) => self.land(&mut pane, &doc, line),
            None => pane.found = None,
        }
        pane
    }

    /// `n` / `N` on a page: the next or previous matching line, round the end.
    pub(super) fn cycle_page_match(&mut self, delta: isize) {
        let doc = self.detail();
        let matches = self.page_matches();
        let pane = self.pane().clone();
        // Where the reader is: the match last landed on, unless they have since moved the
        // link cursor off it.
        let cursor = pane.found.filter(|&line| {
            doc.lines
                .get(line)
                .is_some_and(|l| l.link.is_none_or(|link| link == pane.link))
        });
        let next = match cursor {
            None => return *self.pane_mut() = self.at_first_match(pane),
            Some(at) if delta > 0 => matches.iter().find(|&&l| l > at).or(matches.first()),
            Some(at) => matches.iter().rev().find(|&&l| l < at).or(matches.last()),
        };
        if let Some(&line) = next {
            let mut pane = pane;
            self.land(&mut pane, &doc, line);
            *self.pane_mut() = pane;
        }
    }

    /// Makes `line` the current match: its link selected if it is one, its row in view. A
    /// row out of view is brought a third of the way down, so what follows it shows too.
    pub(super) fn land(&self, pane: &mut PaneState, doc: &Doc, line: usize) {
        pane.found = Some(line);
        if let Some(link) = doc.lines.get(line).and_then(|l| l.link) {
            pane.link = link;
        }
        let row = doc.place(line).row;
        let height = self.detail_height();
        if !(pane.scroll..pane.scroll + height).contains(&row) {
            pane.scroll = row
                .saturating_sub(height / 3)
                .min(doc.rows().saturating_sub(height));
        }
    }
}
