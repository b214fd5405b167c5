//! Drawing our pre-wrapped lines into the buffer, cut to their area.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line as TuiLine, Span};

use crate::app::detail::{Line, Role};
use crate::text::search::Query;
use crate::ui::put::put_line;
use crate::ui::theme::Theme;

/// `uniform`: every segment in the text's style, so that a selected row is one bar of one
/// colour rather than a cell per role.
fn styled<'a>(
    line: &'a Line,
    theme: &Theme,
    link: Option<Style>,
    query: Option<&Query>,
    uniform: bool,
) -> TuiLine<'a> {
    let mut spans = Vec::new();
    for segment in &line.segments {
        let mut style = theme.role(if uniform { Role::Text } else { segment.role });
        if segment.role == Role::Link
            && let Some(highlight) = link
        {
            style = style.patch(highlight);
        }
        let found = query
            .filter(|_| segment.role.searchable())
            .and_then(|q| q.find(&segment.text));
        match found {
            Some(m) => spans.extend(highlighted(
                &segment.text,
                &m.positions(),
                style,
                style.patch(theme.search_match()),
            )),
            None => spans.push(Span::styled(segment.text.as_str(), style)),
        }
    }
    TuiLine::from(spans)
}

/// The text split into spans with the matched characters (by char index) picked out.
fn highlighted<'a>(
    text: &'a str,
    positions: &[usize],
    plain: Style,
    marked: Style,
) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut current = false;
    for (i, (byte, _)) in text.char_indices().enumerate() {
        let hit = positions.binary_search(&i).is_ok();
        if hit != current && byte > start {
            spans.push(Span::styled(
                &text[start..byte],
                if current { marked } else { plain },
            ));
            start = byte;
        }
        current = hit;
    }
    if start < text.len() {
        spans.push(Span::styled(
            &text[start..],
            if current { marked } else { plain },
        ));
    }
    spans
}

/// How a line is picked out: a whole selected list row, or just the link text of the
/// selected link (so a bar beside it keeps its colours).
#[derive(Debug, Clone, Copy)]
pub enum Highlight {
    None,
    Row(Style),
    Link(Style),
}

/// Draws a line at row `y` of `area`, never past its right edge.
pub fn draw_line(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    line: &Line,
    theme: &Theme,
    highlight: Highlight,
    query: Option<&Query>,
) {
    if y >= area.height {
        return;
    }
    let row = Rect {
        y: area.y + y,
        height: 1,
        ..area
    };
    let link = match highlight {
        Highlight::Link(style) => Some(style),
        _ => None,
    };
    let uniform = matches!(highlight, Highlight::Row(_));
    put_line(
        buf,
        row.x,
        row.y,
        &styled(line, theme, link, query, uniform),
        row.width,
    );
    if let Highlight::Row(style) = highlight {
        buf.set_style(row, style);
    }
}
