//! The help overlay: every binding, straight from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::keymap::BINDINGS;
use crate::text::width::pad_to;
use crate::text::{truncate, width};
use crate::ui::popup::clear_straddling_glyphs;
use crate::ui::theme::Theme;

pub fn help_lines() -> Vec<(String, String)> {
    let mut lines: Vec<(String, String)> = Vec::new();
    for binding in BINDINGS {
        let description = match binding.action {
            crate::app::Action::GoTo(tab) => format!("转到 {} {}", tab.title_zh(), tab.title_en()),
            action => action.description().to_string(),
        };
        lines.push((binding.label.to_string(), description));
    }
    lines.push((
        "鼠标".to_string(),
        "点击标签或行；滚轮滚动 click a tab or row; wheel scrolls".to_string(),
    ));
    lines
}

pub fn draw_help(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lines = help_lines();
    let key_width = lines.iter().map(|(k, _)| width(k)).max().unwrap_or(0) + 2;
    let content_width = lines.iter().map(|(_, d)| width(d)).max().unwrap_or(0) + key_width;
    let popup_width = (content_width as u16 + 4).min(area.width.saturating_sub(2));
    let popup_height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let popup = Rect {
        x: area.x + (area.width - popup_width) / 2,
        y: area.y + (area.height - popup_height) / 2,
        width: popup_width,
        height: popup_height,
    };
    clear_straddling_glyphs(buf, popup);
    Clear.render(popup, buf);
    let title = truncate(
        " 帮助 Help · ? / Esc 关闭 ",
        usize::from(popup_width.saturating_sub(4)),
    )
    .into_owned();
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(true))
        .title(title)
        .render(popup, buf);
    let inner = Rect {
        x: popup.x + 2,
        y: popup.y + 1,
        width: popup.width.saturating_sub(4),
        height: popup.height.saturating_sub(2),
    };
    for (y, (key, description)) in lines.iter().enumerate().take(usize::from(inner.height)) {
        let line = Line::from(vec![
            Span::styled(
                pad_to(key, key_width),
                theme
                    .status_key()
                    .patch(theme.role(crate::app::detail::Role::Label)),
            ),
            Span::raw(description.as_str()),
        ]);
        buf.set_line(inner.x, inner.y + y as u16, &line, inner.width);
    }
}
