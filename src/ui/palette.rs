//! Search everything: a popup with the search line on top and the hits below, grouped by
//! pane in tab order.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::detail::{Line as DocLine, Role, Segment};
use crate::app::keymap::{LineAction, line_key};
use crate::app::layout::{first_shown, palette_area, palette_list};
use crate::app::search::{Hit, palette_rows};
use crate::app::state::Mode;
use crate::app::words::Words;
use crate::text::glyphs::Glyph;
use crate::text::search::Query;
use crate::text::{sanitize, truncate};
use crate::ui::lines::{Highlight, draw_line};
use crate::ui::popup;
use crate::ui::put::{border_set, draw_box, put_line};
use crate::ui::theme::Theme;

/// Where the terminal's cursor goes: at the caret of the search line.
pub fn cursor(app: &App, area: Rect) -> Option<Position> {
    let Mode::Palette { input, .. } = app.mode() else {
        return None;
    };
    let popup = palette_area(area);
    let prompt = app.catalog().words().palette_prompt;
    let x = popup.x + 1 + crate::text::width(prompt) as u16 + input.cursor_column() as u16;
    (x < popup.right().saturating_sub(1)).then_some(Position::new(x, popup.y + 1))
}

/// The rows the popup lists (`palette_rows`): a heading per pane, then its hits.
fn rows(w: &Words, hits: &[Hit]) -> Vec<(Option<usize>, DocLine)> {
    let mut rows = Vec::new();
    let order = palette_rows(hits);
    for (place, row) in order.iter().enumerate() {
        let Some(index) = *row else {
            let Some(tab) = order[place + 1..]
                .iter()
                .flatten()
                .next()
                .map(|&i| hits[i].tab)
            else {
                continue;
            };
            let count = hits.iter().filter(|h| h.tab == tab).count();
            let heading = format!("{} ({count})", (w.pane_title)(tab));
            rows.push((
                None,
                DocLine {
                    segments: vec![Segment {
                        text: heading,
                        role: Role::Heading,
                    }],
                    link: None,
                },
            ));
            continue;
        };
        {
            let hit = &hits[index];
            let mut segments = vec![
                Segment {
                    text: "  ".into(),
                    role: Role::Muted,
                },
                Segment {
                    text: sanitize(&hit.shown_title()).into_owned(),
                    role: Role::Text,
                },
            ];
            if let Some(context) = &hit.context {
                segments.push(Segment {
                    text: format!(" {} ", Glyph::Dash),
                    role: Role::Muted,
                });
                segments.push(Segment {
                    text: sanitize(context).into_owned(),
                    role: Role::Accent,
                });
            }
            rows.push((
                Some(index),
                DocLine {
                    segments,
                    link: None,
                },
            ));
        }
    }
    rows
}

pub fn draw_palette(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let Mode::Palette { input, selected } = app.mode() else {
        return;
    };
    let popup = palette_area(area);
    popup::open(buf, popup);
    let hits = app.palette_hits();
    let w = app.catalog().words();
    let dot = Glyph::Separator.as_str();
    let footer = (w.palette_footer)(
        hits.len(),
        dot,
        Glyph::KeysUpDown.as_str(),
        &line_key(LineAction::Keep),
        &line_key(LineAction::Cancel),
    );
    draw_box(
        buf,
        popup,
        &(w.palette_title)(dot),
        Some(&footer),
        border_set(true, true),
        theme.border(true),
    );
    let inner = Rect {
        x: popup.x + 1,
        y: popup.y + 1,
        width: popup.width.saturating_sub(2),
        height: popup.height.saturating_sub(2),
    };
    let prompt = Line::from(vec![
        Span::styled(w.palette_prompt, theme.role(Role::Label)),
        Span::raw(sanitize(input.text()).into_owned()),
    ]);
    put_line(buf, inner.x, inner.y, &prompt, inner.width);
    let list = palette_list(area);
    let rows = rows(w, &hits);
    let at = rows
        .iter()
        .position(|(index, _)| *index == Some(*selected))
        .unwrap_or(0);
    let height = usize::from(list.height);
    let first = first_shown(at, height);
    let query = Query::new(input.text());
    let width = usize::from(list.width);
    for (y, (index, line)) in rows.iter().skip(first).take(height).enumerate() {
        let mut line = line.clone();
        // Cut each row to the popup, keeping the title's start.
        let mut left = width;
        for segment in &mut line.segments {
            segment.text = truncate(&segment.text, left).into_owned();
            left -= crate::text::width(&segment.text);
        }
        let highlight = if *index == Some(*selected) {
            Highlight::Row(theme.selected_row())
        } else {
            Highlight::None
        };
        draw_line(buf, list, y as u16, &line, theme, highlight, query.as_ref());
    }
}
