//! Pieces every pane's content uses.

use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Line, Role, Segment, Target};
use crate::text::{sanitize, truncate, width};

/// A list row: what it shows, and which item it is (`None` for headers and separators).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: Line,
    pub item: Option<usize>,
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
}
