//! The framed panes: a list on the left, the detail on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line as TuiLine;
use ratatui::widgets::{Block, BorderType, Widget};

use crate::app::layout::inner;
use crate::app::panes;
use crate::app::{App, Focus};
use crate::text::truncate;
use crate::ui::lines::{Highlight, draw_line};
use crate::ui::theme::Theme;

fn block<'a>(
    title: String,
    footer: Option<String>,
    focused: bool,
    theme: &Theme,
    width: u16,
) -> Block<'a> {
    // Titles are cut to fit between the corners so no wide glyph lands on the border.
    let room = usize::from(width.saturating_sub(4));
    let mut block = Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(TuiLine::from(truncate(&title, room).into_owned()));
    if let Some(footer) = footer {
        block =
            block.title_bottom(TuiLine::from(truncate(&footer, room).into_owned()).right_aligned());
    }
    block
}

pub fn draw_list(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let pane = app.pane();
    let focused = pane.focus == Focus::List;
    let position = format!(" {}/{} ", (pane.selected + 1).min(app.count()), app.count());
    let title = format!(" {} {} ", app.tab.title_zh(), app.tab.title_en());
    block(title, Some(position), focused, theme, area.width).render(area, buf);
    let area = inner(area);
    let width = usize::from(area.width);
    let mut y = 0;
    if let Some(header) = panes::header(app.tab, width) {
        draw_line(buf, area, y, &header, theme, Highlight::None);
        y += 1;
    }
    let rows = panes::rows(&app.catalog, app.tab, width);
    for row in rows.iter().skip(pane.list_offset) {
        if y >= area.height {
            break;
        }
        let highlight = (row.item == Some(pane.selected)).then(|| {
            if focused {
                theme.selected_row()
            } else {
                theme.selected_row_idle()
            }
        });
        let highlight = highlight.map_or(Highlight::None, Highlight::Row);
        draw_line(buf, area, y, &row.line, theme, highlight);
        y += 1;
    }
}

pub fn draw_detail(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let pane = app.pane();
    let focused = pane.focus == Focus::Detail || !app.tab.has_list();
    let doc = app.detail();
    let height = usize::from(inner(area).height);
    let footer = (doc.lines.len() > height).then(|| {
        let last = (pane.scroll + height).min(doc.lines.len());
        format!(" {}–{}/{} ", pane.scroll + 1, last, doc.lines.len())
    });
    let title = if app.tab.has_list() {
        " 详情 Detail ".to_string()
    } else {
        " 上海合作组织天津峰会 At a glance ".to_string()
    };
    block(title, footer, focused, theme, area.width).render(area, buf);
    let area = inner(area);
    for (y, line) in doc.lines.iter().skip(pane.scroll).take(height).enumerate() {
        let selected = focused && line.link.is_some() && line.link == Some(pane.link);
        draw_line(
            buf,
            area,
            y as u16,
            line,
            theme,
            if selected {
                Highlight::Link(theme.selected_link())
            } else {
                Highlight::None
            },
        );
    }
}
