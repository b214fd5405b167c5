//! The charts (`b`): the bars laid out by `app/chart.rs`, drawn in its frame. The values are
//! printed beside the bars and the selected record's bar is the selected row, so the chart
//! reads the same in 16 colours and without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::chart::{ChartRow, first_row, for_tab, lay_out};
use crate::app::detail::Role;
use crate::app::layout::inner;
use crate::text::glyphs::Glyph;
use crate::ui::put::{border_set, draw_box, put_line};
use crate::ui::theme::Theme;

pub fn draw_chart(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let catalog = app.catalog();
    let inside = inner(area);
    let layout = lay_out(&for_tab(catalog, app.tab()), usize::from(inside.width));
    let selected = app.position().map(|_| app.shown_pane().selected);
    let height = usize::from(inside.height);
    let first = first_row(&layout, selected, height);
    // Rows below or above the frame say so, as the detail's do: the chart scrolls with the
    // selection, and a reader should know there is more of it.
    let total = layout.rows.len();
    let footer = (total > height).then(|| {
        let last = (first + height).min(total);
        format!(" {}{}{last}/{total} ", first + 1, Glyph::Range)
    });
    draw_box(
        buf,
        area,
        catalog.words().chart_title,
        footer.as_deref(),
        border_set(false, false),
        theme.border(false),
    );
    if inside.is_empty() {
        return;
    }
    for (y, row) in (inside.y..inside.bottom()).zip(layout.rows.iter().skip(first)) {
        let line = match row {
            ChartRow::Heading(text) => {
                Line::from(Span::styled(text.as_str(), theme.role(Role::Heading)))
            }
            ChartRow::Label { items, text } => {
                let line = Line::from(Span::styled(text.as_str(), theme.role(Role::Text)));
                mark(line, selected, items, inside.width, theme)
            }
            ChartRow::Value { items, label, text } => {
                let line = Line::from(vec![
                    Span::styled(format!("{label} "), theme.role(Role::Text)),
                    Span::styled(text.as_str(), theme.role(Role::Text)),
                ]);
                mark(line, selected, items, inside.width, theme)
            }
            ChartRow::Bar {
                items,
                label,
                filled,
                text,
            } => {
                let line = Line::from(vec![
                    Span::styled(format!("{label} "), theme.role(Role::Text)),
                    Span::styled(
                        Glyph::BarFull.as_str().repeat(*filled),
                        theme.role(Role::Bar),
                    ),
                    Span::styled(
                        Glyph::BarEmpty.as_str().repeat(layout.bar_width - filled),
                        theme.role(Role::BarEmpty),
                    ),
                    Span::styled(format!(" {text}"), theme.role(Role::Text)),
                ]);
                mark(line, selected, items, inside.width, theme)
            }
        };
        put_line(buf, inside.x, y, &line, inside.width);
    }
}

/// A row of the selected record's bar as the list marks its selection: the whole row.
fn mark<'a>(
    line: Line<'a>,
    selected: Option<usize>,
    items: &[usize],
    width: u16,
    theme: &Theme,
) -> Line<'a> {
    if !selected.is_some_and(|s| items.contains(&s)) {
        return line;
    }
    let used = line.width();
    let mut line = line.patch_style(theme.selected_row());
    line.push_span(Span::styled(
        " ".repeat(usize::from(width).saturating_sub(used)),
        theme.selected_row(),
    ));
    line
}
