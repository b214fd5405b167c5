//! A filter's picker popup: the values with their counts, the chosen one marked, what is
//! typed narrowing them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::detail::Role;
use crate::app::state::Mode;
use crate::text::glyphs::Glyph;
use crate::text::width::pad_to;
use crate::text::{sanitize, width};
use crate::ui::popup;
use crate::ui::put::{border_set, draw_box, put_line};
use crate::ui::theme::Theme;

pub fn draw_picker(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let Mode::Picker {
        facet,
        find,
        selected,
    } = app.mode()
    else {
        return;
    };
    let w = app.catalog().words();
    let lang = app.catalog().lang;
    let Some(spec) = app.tab().pane().facet(*facet) else {
        return;
    };
    let choices = app.picker_choices();
    let lines: Vec<(String, String)> = choices
        .iter()
        .map(|(value, count)| {
            let label = value.as_ref().map_or(w.picker_all.to_string(), |v| {
                sanitize(&v.label(lang)).into_owned()
            });
            (label, count.to_string())
        })
        .collect();
    let label_width = lines.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    let count_width = lines.iter().map(|(_, c)| width(c)).max().unwrap_or(0);
    let title = format!(
        " {} {} /{} ",
        (spec.name)(w),
        Glyph::Separator,
        sanitize(find.text())
    );
    let popup_height = (lines.len().max(1) as u16 + 2).min(area.height.saturating_sub(2));
    let rows = usize::from(popup_height.saturating_sub(2));
    // Values past the popup's foot say so, as a list's position does.
    let position = if lines.len() > rows {
        format!("{}/{} {} ", selected + 1, lines.len(), Glyph::Separator)
    } else {
        String::new()
    };
    let footer = format!(
        " {position}{}{} {} ",
        Glyph::KeyUp,
        Glyph::KeyDown,
        w.picker_keys
    );
    let content = (label_width + count_width + 4)
        .max(width(&title) + 2)
        .max(width(&footer) + 2);
    let popup_width = (content as u16 + 2).min(area.width.saturating_sub(2));
    let popup = popup::centered(area, popup_width, popup_height);
    popup::open(buf, popup);
    draw_box(
        buf,
        popup,
        &title,
        Some(&footer),
        border_set(true, true),
        theme.border(true),
    );
    let first = selected.saturating_sub(rows.saturating_sub(1));
    let inner_width = popup.width.saturating_sub(4);
    for (y, (i, (label, count))) in lines.iter().enumerate().skip(first).take(rows).enumerate() {
        let style = if i == *selected {
            theme.selected_row()
        } else {
            theme.role(Role::Text)
        };
        let padded = pad_to(
            label,
            usize::from(inner_width).saturating_sub(count_width + 1),
        );
        let line = Line::from(vec![
            Span::styled(padded, style),
            Span::styled(format!(" {count:>count_width$}"), theme.role(Role::Muted)),
        ]);
        put_line(buf, popup.x + 2, popup.y + 1 + y as u16, &line, inner_width);
    }
}
