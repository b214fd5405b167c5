//! Drawing our pre-wrapped lines into the buffer, cut to their area.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line as TuiLine, Span};

use crate::app::detail::Line;
use crate::ui::theme::Theme;

pub fn to_tui<'a>(line: &'a Line, theme: &Theme) -> TuiLine<'a> {
    TuiLine::from(
        line.segments
            .iter()
            .map(|s| Span::styled(s.text.as_str(), theme.role(s.role)))
            .collect::<Vec<_>>(),
    )
}

/// Draws a line at row `y` of `area`, never past its right edge; `highlight` fills the whole
/// row (a selected list row).
pub fn draw_line(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    line: &Line,
    theme: &Theme,
    highlight: Option<Style>,
) {
    if y >= area.height {
        return;
    }
    let row = Rect {
        y: area.y + y,
        height: 1,
        ..area
    };
    buf.set_line(row.x, row.y, &to_tui(line, theme), row.width);
    if let Some(style) = highlight {
        buf.set_style(row, style);
    }
}
