//! Pieces every pane's content uses.

use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Line, Role, Segment, Target};
use crate::text::glyphs::Glyph;
use crate::text::{sanitize, truncate, width, wrap_cached};

/// A list row: what it shows, and which item it is (`None` for headers and separators).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: Line,
    pub item: Option<usize>,
}

/// A table's rows, with a heading row over each run of items whose `group` (a key, and the
/// heading's words) is the same, while the items are in their own order: sorted by another
/// column the groups mix, and a heading would claim rows that are not its own.
pub fn headed_rows<K: PartialEq>(
    width: usize,
    items: &[usize],
    lines: Vec<Line>,
    group: impl Fn(usize) -> (K, Vec<(String, Role)>),
) -> Vec<Row> {
    let in_order = items.windows(2).all(|pair| pair[0] < pair[1]);
    let mut rows = Vec::new();
    let mut shown = None;
    for (&item, line) in items.iter().zip(lines) {
        if in_order {
            let (key, heading) = group(item);
            if shown.as_ref() != Some(&key) {
                rows.push(row(width, heading, None));
                shown = Some(key);
            }
        }
        rows.push(Row {
            line,
            item: Some(item),
        });
    }
    rows
}

/// A one-line list row, cut to the width.
pub fn row(width: usize, segments: Vec<(String, Role)>, item: Option<usize>) -> Row {
    let mut doc = Doc::new(width);
    doc.segments(segments);
    Row {
        line: doc.lines.pop().unwrap_or_default(),
        item,
    }
}

/// A list row whose title, when it does not fit after `lead` (a number, a time), goes on
/// onto up to `lines` lines in all under the title's start, wrapped by the app's own rules; a
/// title that needs more is cut at the end of the last with "…". One line when the title
/// fits, or when the lead leaves the title too little room to wrap to any purpose.
pub fn wrapped_row(
    cells: usize,
    lead: Vec<(String, Role)>,
    title: (&str, Role),
    item: usize,
    lines: usize,
) -> Vec<Row> {
    let indent: usize = lead.iter().map(|(text, _)| width(&sanitize(text))).sum();
    let body = cells.saturating_sub(indent);
    let text = sanitize(title.0);
    // Below a few cells a line would hold a character or two of the title.
    if lines < 2 || body < 8 || width(&text) <= body {
        let mut segments = lead;
        segments.push((title.0.to_string(), title.1));
        return vec![row(cells, segments, Some(item))];
    }
    let wrapped = wrap_cached(&text, body);
    let mut shown: Vec<String> = wrapped.iter().take(lines).cloned().collect();
    if wrapped.len() > lines
        && let Some(last) = shown.last_mut()
    {
        // What does not fit is cut at the end of the last line; the join to the line after
        // is a space in spaced text, nothing between ideographs.
        let next = &wrapped[lines];
        let spaced = last.ends_with(|c: char| c.is_alphanumeric() && c.len_utf8() < 3);
        let more = format!("{last}{}{next}", if spaced { " " } else { "" });
        let cut = truncate(&more, body).into_owned();
        // Marked as cut even where what is kept happens to fit.
        *last = if cut == more {
            truncate(&format!("{more}{}", Glyph::Ellipsis), body).into_owned()
        } else {
            cut
        };
    }
    let mut rows = Vec::with_capacity(shown.len());
    let mut lead = Some(lead);
    for line in shown {
        let mut segments = lead
            .take()
            .unwrap_or_else(|| vec![(" ".repeat(indent), Role::Text)]);
        segments.push((line, title.1));
        rows.push(row(cells, segments, Some(item)));
    }
    rows
}

/// A heading and a link to each timeline event, by title.
pub fn event_links(doc: &mut Doc, catalog: &Catalog, heading: &str, ids: &[String]) {
    if ids.is_empty() {
        return;
    }
    doc.heading(heading);
    for id in ids {
        let event = catalog
            .event_index
            .get(id)
            .map(|&i| &catalog.data.timeline[i]);
        let title = event.map_or(id.clone(), |e| e.title.clone());
        doc.link(&title, Target::Event(id.clone()));
    }
}

/// One table row: each cell cut or padded to its column, so columns line up whatever the mix
/// of wide and narrow characters. The last column takes what is left.
pub fn table_line(cells: &[(String, Role, usize)], total: usize) -> Line {
    let mut segments = Vec::new();
    let mut used = 0;
    for (i, (text, role, cells_wide)) in cells.iter().enumerate() {
        let last = i + 1 == cells.len();
        let room = if last {
            total.saturating_sub(used)
        } else {
            (*cells_wide).min(total.saturating_sub(used))
        };
        if room == 0 {
            break;
        }
        let body = if last { room } else { room.saturating_sub(1) };
        let cut = truncate(&sanitize(text), body).into_owned();
        let padded = if last {
            cut
        } else {
            crate::text::width::pad_to(&cut, room)
        };
        used += width(&padded);
        segments.push(Segment {
            text: padded,
            role: *role,
        });
    }
    Line {
        segments,
        link: None,
    }
}

/// The sources section: each cited article by headline and dateline.
pub fn sources(doc: &mut Doc, catalog: &Catalog, ids: &[String]) {
    doc.heading(catalog.words().h_sources);
    for id in ids {
        match catalog.data.source(id) {
            Some(source) => doc.bullet(&source.citation_in(catalog.lang)),
            None => doc.bullet(id),
        }
    }
}

pub fn outcome_title(catalog: &Catalog, n: u32) -> String {
    match catalog.data.outcomes.iter().find(|o| o.n == n) {
        Some(outcome) => format!("{} {}", (catalog.words().outcome)(n), outcome.title),
        None => (catalog.words().outcome)(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_cells_line_up_across_wide_and_narrow_text() {
        let a = table_line(
            &[
                ("1".into(), Role::Text, 4),
                ("天津峰会成果".into(), Role::Text, 8),
                ("x".into(), Role::Text, 0),
            ],
            20,
        );
        let b = table_line(
            &[
                ("12".into(), Role::Text, 4),
                ("SCO".into(), Role::Text, 8),
                ("y".into(), Role::Text, 0),
            ],
            20,
        );
        let starts = |line: &Line| {
            line.segments
                .iter()
                .scan(0, |x, s| {
                    let at = *x;
                    *x += width(&s.text);
                    Some(at)
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(starts(&a), starts(&b));
        // Cut with an ellipsis, then padded to the column: 7 cells of text and one space.
        assert_eq!(a.segments[1].text, "天津峰… ");
        assert_eq!(width(&a.segments[1].text), 8);
    }

    fn texts(rows: &[Row]) -> Vec<String> {
        rows.iter()
            .map(|r| r.line.segments.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn a_title_too_long_for_its_row_goes_on_under_itself_and_is_cut_only_after_its_lines() {
        let lead = || vec![("12 ".to_string(), Role::Accent)];
        let fits = wrapped_row(20, lead(), ("short title", Role::Text), 7, 2);
        assert_eq!(texts(&fits), ["12 short title"]);
        let two = wrapped_row(20, lead(), ("a title of two lines here", Role::Text), 7, 2);
        assert_eq!(texts(&two), ["12 a title of two", "   lines here"]);
        assert!(
            two.iter().all(|r| r.item == Some(7)),
            "both rows are the item"
        );
        let three = wrapped_row(
            20,
            lead(),
            ("a title far too long for two lines of it", Role::Text),
            7,
            2,
        );
        let shown = texts(&three);
        assert_eq!(shown.len(), 2);
        assert!(shown[1].ends_with(Glyph::Ellipsis.as_str()), "{shown:?}");
        assert!(shown.iter().all(|line| width(line) <= 20), "{shown:?}");
        // Chinese breaks between ideographs, a wide character never cut in half.
        let zh = wrapped_row(
            13,
            lead(),
            ("做出了成立上合组织开发银行的政治决定", Role::Text),
            1,
            2,
        );
        let shown = texts(&zh);
        assert_eq!(shown, ["12 做出了成立", "   上合组织…"]);
    }
}
