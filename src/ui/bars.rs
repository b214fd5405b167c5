//! The tab bar at the top and the status bar at the bottom.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::keymap::{BINDINGS, MOVE_HINT};
use crate::app::layout::tab_labels;
use crate::text::{truncate, width};
use crate::ui::theme::Theme;

pub fn draw_tabs(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let mut spans = Vec::new();
    for (i, (tab, label)) in tab_labels().into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("│", theme.border(false)));
        }
        spans.push(Span::styled(label, theme.tab(tab == app.tab)));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let name = " sco-dash ";
    if used + width(name) <= usize::from(area.width) {
        let gap = usize::from(area.width) - used - width(name);
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(name, theme.border(false)));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// The status bar's key hints, from the keymap that handles the keys.
pub fn hints() -> Vec<(&'static str, &'static str)> {
    let mut hints = vec![MOVE_HINT];
    // The first key of each binding is enough for a hint; the help overlay lists them all.
    hints.extend(BINDINGS.iter().filter(|b| b.hint).map(|b| {
        (
            b.label.split('/').next().unwrap_or(b.label),
            b.action.hint(),
        )
    }));
    hints
}

pub fn draw_status(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    buf.set_style(area, theme.status());
    let pane = app.pane();
    let position = if app.tab.has_list() && app.count() > 0 {
        format!(" {}/{} ", pane.selected + 1, app.count())
    } else {
        String::new()
    };
    let left = format!(" {} {}{position}│", app.tab.index() + 1, app.tab.title_zh());
    let mut spans = vec![Span::styled(left, theme.status_key())];
    for (key, word) in hints() {
        spans.push(Span::styled(format!(" {key}"), theme.status_key()));
        spans.push(Span::styled(format!(" {word}"), theme.status()));
    }
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    if width(&text) > usize::from(area.width) {
        // Too narrow for every hint: keep the position and as many hints as fit.
        let cut = truncate(&text, usize::from(area.width)).into_owned();
        buf.set_line(
            area.x,
            area.y,
            &Line::styled(cut, theme.status()),
            area.width,
        );
    } else {
        buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    }
}
