//! Search everything: a popup with the search line on top and the hits below in one ranked
//! list, best first, each labelled with its pane; loose hits marked `~`, after a line that
//! says they are loose (and, when nothing else matched, that nothing matched exactly).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::detail::{Line as DocLine, Role, Segment};
use crate::app::keymap::{LineAction, line_key};
use crate::app::layout::{first_shown, palette_area, palette_list};
use crate::app::search::{Hit, palette_rows};
use crate::app::state::Mode;
use crate::app::tab::Tab;
use crate::app::words::Words;
use crate::text::glyphs::Glyph;
use crate::text::search::Query;
use crate::text::truncate::excerpt;
use crate::text::width::pad_to;
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

/// The characters of `text` the query matches, as a range (for cutting around it).
fn match_span(query: Option<&Query>, text: &str) -> Option<std::ops::Range<usize>> {
    let positions = query?.find(text)?.positions();
    Some(*positions.first()?..positions.last()? + 1)
}

/// `text` cut to `cells` around what the query matches in it, or from its start.
fn around_match(query: Option<&Query>, text: &str, cells: usize) -> String {
    match match_span(query, text) {
        Some(span) => excerpt(text, span, cells).into_owned(),
        None => truncate(text, cells).into_owned(),
    }
}

/// Cells of context shown around a match, on each side that has more.
const AROUND: usize = 10;

/// The cells `context` needs for its match to show with some words around it: from its
/// start when the match is near it, else an excerpt.
fn context_needs(query: Option<&Query>, context: &str) -> usize {
    let Some(span) = match_span(query, context) else {
        return usize::MAX;
    };
    let cells = |range: std::ops::Range<usize>| -> usize {
        let part: String = context
            .chars()
            .skip(range.start)
            .take(range.end - range.start)
            .collect();
        crate::text::width(&part)
    };
    let ellipsis = crate::text::width(Glyph::Ellipsis.as_str());
    let from_start = cells(0..span.end) + ellipsis + AROUND;
    let excerpt = cells(span) + 2 * ellipsis + 2 * AROUND;
    from_start.min(excerpt)
}

/// The mark before a loose hit (ASCII: one cell in every terminal).
const LOOSE_MARK: &str = "~ ";

/// The pane labels' column: as wide as the widest pane name in this language.
fn label_width(w: &Words) -> usize {
    Tab::ALL
        .iter()
        .map(|tab| crate::text::width(&(w.pane_title)(*tab)))
        .max()
        .unwrap_or(0)
}

/// One hit's row, `width` cells wide: the loose mark, its pane, its title, and the text the
/// match was found in cut around the match, so that what was found is in view however deep
/// in the text it is.
fn hit_row(w: &Words, hit: &Hit, query: Option<&Query>, width: usize) -> Vec<Segment> {
    let mark = if hit.loose { LOOSE_MARK } else { "  " };
    let label = format!("{} ", pad_to(&(w.pane_title)(hit.tab), label_width(w)));
    let lead = crate::text::width(mark) + crate::text::width(&label);
    let room = width.saturating_sub(lead);
    let title = sanitize(&hit.shown_title()).into_owned();
    let mut segments = vec![
        Segment {
            text: mark.into(),
            role: Role::Label,
        },
        Segment {
            text: label,
            role: Role::Muted,
        },
    ];
    let Some(context) = &hit.context else {
        segments.push(Segment {
            text: around_match(query, &title, room),
            role: Role::Text,
        });
        return segments;
    };
    let context = sanitize(context).into_owned();
    let dash = format!(" {} ", Glyph::Dash);
    let after_title = room.saturating_sub(crate::text::width(&dash));
    // The title keeps what the context does not need to show its match in some words
    // around it, and at least two fifths of the row.
    let title_width = crate::text::width(&title);
    let title_least = title_width.min(after_title * 2 / 5);
    let needed = context_needs(query, &context).min(crate::text::width(&context));
    let title_room = after_title.saturating_sub(needed).max(title_least);
    let title = truncate(&title, title_room).into_owned();
    let context_room = after_title.saturating_sub(crate::text::width(&title));
    segments.extend([
        Segment {
            text: title,
            role: Role::Text,
        },
        Segment {
            text: dash,
            role: Role::Muted,
        },
        Segment {
            text: around_match(query, &context, context_room),
            role: Role::Accent,
        },
    ]);
    segments
}

/// The rows the popup lists: the hits in their ranked order, and the line before the loose
/// ones.
fn rows(
    w: &Words,
    hits: &[Hit],
    query: Option<&Query>,
    width: usize,
) -> Vec<(Option<usize>, DocLine)> {
    let order = palette_rows(hits);
    order
        .iter()
        .map(|row| {
            let segments = match *row {
                Some(index) => hit_row(w, &hits[index], query, width),
                None => {
                    let text = if hits.iter().all(|h| h.loose) {
                        format!(
                            "{} {} {}",
                            w.no_exact_match,
                            Glyph::Separator,
                            w.loose_matches
                        )
                    } else {
                        w.loose_matches.to_string()
                    };
                    vec![Segment {
                        text,
                        role: Role::Heading,
                    }]
                }
            };
            (
                *row,
                DocLine {
                    segments,
                    link: None,
                },
            )
        })
        .collect()
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
    let query = Query::new(input.text());
    let width = usize::from(list.width);
    let rows = rows(w, &hits, query.as_ref(), width);
    let at = rows
        .iter()
        .position(|(index, _)| *index == Some(*selected))
        .unwrap_or(0);
    let height = usize::from(list.height);
    let first = first_shown(at, height);
    for (y, (index, line)) in rows.iter().skip(first).take(height).enumerate() {
        // Headings are cut to the popup too.
        let mut line = line.clone();
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
