//! Drawing our pre-wrapped lines into the buffer, cut to their area.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line as TuiLine, Span};

use crate::app::detail::{Line, Role};
use crate::ui::theme::Theme;

pub fn to_tui<'a>(line: &'a Line, theme: &Theme, link_highlight: Option<Style>) -> TuiLine<'a> {
    TuiLine::from(
        line.segments
            .iter()
            .map(|s| {
                let mut style = theme.role(s.role);
                if s.role == Role::Link
                    && let Some(highlight) = link_highlight
                {
                    style = style.patch(highlight);
                }
                Span::styled(s.text.as_str(), style)
            })
            .collect::<Vec<_>>(),
    )
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
    buf.set_line(row.x, row.y, &to_tui(line, theme, link), row.width);
    if let Highlight::Row(style) = highlight {
        buf.set_style(row, style);
    }
}
