//! The help overlay: every binding, straight from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::detail::Role;
use crate::app::keymap::{Keymap, line_help};
use crate::app::tab::{EnumCount, Tab};
use crate::app::words::Words;
use crate::text::glyphs::Glyph;
use crate::text::width;
use crate::text::width::pad_to;
use crate::ui::popup;
use crate::ui::put::{border_set, draw_box, put_line};
use crate::ui::theme::Theme;

pub fn help_lines(w: &Words, keymap: &Keymap) -> Vec<(String, String)> {
    let mut lines: Vec<(String, String)> = Vec::new();
    let bound = keymap.bindings();
    let tabs: Vec<String> = bound
        .iter()
        .filter(|b| matches!(b.action, crate::app::Action::GoTo(_)))
        .map(|b| b.label())
        .collect();
    // The tab keys share one line ("1–6  转到标签 …") while they are the digits.
    let digits = tabs
        .iter()
        .enumerate()
        .all(|(i, l)| *l == (i + 1).to_string());
    for binding in bound {
        match binding.action {
            crate::app::Action::GoTo(tab) if !digits => {
                lines.push((binding.label(), (w.go_to_tab)(w.tab(tab))))
            }
            crate::app::Action::GoTo(crate::app::Tab::Overview) => {
                let (first, last) = (Tab::ALL[0], Tab::ALL[Tab::COUNT - 1]);
                let keys = format!("{}{}{}", tabs[0], Glyph::Range, tabs[tabs.len() - 1]);
                lines.push((
                    keys,
                    (w.go_to_tabs)(
                        &format!("{} {}", tabs[0], w.tab(first)),
                        Glyph::Ellipsis.as_str(),
                        &format!("{} {}", tabs[tabs.len() - 1], w.tab(last)),
                    ),
                ));
            }
            crate::app::Action::GoTo(_) => {}
            action => lines.push((binding.label(), w.describe(action).to_string())),
        }
    }
    lines.push((w.mouse.to_string(), w.mouse_help.to_string()));
    lines.push(("*".to_string(), w.derived_help.to_string()));
    lines.push((String::new(), w.in_search_line.to_string()));
    for (keys, description) in line_help(w) {
        lines.push((keys, description.to_string()));
    }
    lines
}

pub fn draw_help(
    w: &Words,
    keymap: &Keymap,
    area: Rect,
    scroll: usize,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let lines = help_lines(w, keymap);
    let key_width = lines.iter().map(|(k, _)| width(k)).max().unwrap_or(0) + 2;
    let content_width = lines.iter().map(|(_, d)| width(d)).max().unwrap_or(0) + key_width;
    let popup_width = (content_width as u16 + 4).min(area.width.saturating_sub(2));
    let popup_height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let popup = popup::centered(area, popup_width, popup_height);
    popup::open(buf, popup);

    let rows = usize::from(popup_height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(rows));
    let footer = (lines.len() > rows).then(|| {
        (w.help_scroll)(
            scroll + 1,
            Glyph::Range.as_str(),
            scroll + rows,
            lines.len(),
        )
    });
    draw_box(
        buf,
        popup,
        &(w.help_title)(Glyph::Separator.as_str()),
        footer.as_deref(),
        border_set(true, true),
        theme.border(true),
    );

    let inner = Rect {
        x: popup.x + 2,
        y: popup.y + 1,
        width: popup.width.saturating_sub(4),
        height: popup.height.saturating_sub(2),
    };
    let key_style = theme.status_key().patch(theme.role(Role::Label));
    for (y, (key, description)) in lines.iter().skip(scroll).take(rows).enumerate() {
        let line = Line::from(vec![
            Span::styled(pad_to(key, key_width), key_style),
            Span::raw(description.as_str()),
        ]);
        put_line(buf, inner.x, inner.y + y as u16, &line, inner.width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::commands;
    use crate::app::keymap::{LINE_BINDINGS, key_label};

    #[test]
    fn every_key_the_app_handles_is_in_the_help() {
        let help: Vec<String> = help_lines(crate::data::Lang::Zh.words(), &Keymap::default())
            .into_iter()
            .map(|(keys, _)| keys)
            .collect();
        // The tab digits share one line, `1–6`.
        let in_range = |label: &str| {
            help.iter().any(|keys| {
                let range = keys.split(Glyph::Range.as_str()).collect::<Vec<_>>();
                matches!(range[..], [low, high] if low <= label && label <= high)
            })
        };
        let listed = |label: String| {
            help.iter()
                .any(|keys| keys.split('/').any(|k| k == label) || keys.contains(&label))
                || in_range(&label)
        };
        for command in commands() {
            for key in command.keys {
                assert!(listed(key_label(*key)), "{:?} is missing from help", key);
            }
        }
        for (keys, _) in LINE_BINDINGS {
            for key in *keys {
                assert!(listed(key_label(*key)), "{:?} is missing from help", key);
            }
        }
    }
}
