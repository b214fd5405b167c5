//! The help overlay: every binding, straight from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::detail::Role;
use crate::app::keymap::line_help;
use crate::app::state::{Mode, Offer};
use crate::app::tab::{EnumCount, Tab};
use crate::app::{Action, App};
use crate::text::glyphs::Glyph;
use crate::text::width;
use crate::text::width::pad_to;
use crate::ui::popup;
use crate::ui::put::{border_set, draw_box, put_line};
use crate::ui::theme::Theme;

/// One line of the help: keys and what they do; a heading has no keys.
pub type HelpLine = (String, String);

/// Every line of the help on the pane shown now: the keys that act on this pane alone first,
/// then those of every pane, then the mouse, the marks and the search line's keys. Keys that
/// do nothing here are left out.
pub fn help_lines(app: &App) -> Vec<HelpLine> {
    let w = app.catalog().words();
    let keymap = app.keymap();
    let bound = keymap.bindings();
    let tabs: Vec<String> = bound
        .iter()
        .filter(|b| matches!(b.action, Action::GoTo(_)))
        .map(|b| b.label())
        .collect();
    // The tab keys share one line ("1–6  转到标签 …") while they are the digits.
    let digits = tabs
        .iter()
        .enumerate()
        .all(|(i, l)| *l == (i + 1).to_string());
    let line = |binding: &crate::app::keymap::Bound| match binding.action {
        Action::GoTo(tab) if !digits => Some((binding.label(), (w.go_to_tab)(w.tab(tab)))),
        Action::GoTo(tab) if tab == Tab::ALL[0] => {
            let last = Tab::ALL[Tab::COUNT - 1];
            let keys = format!("{}{}{}", tabs[0], Glyph::Range, tabs[tabs.len() - 1]);
            let says = (w.go_to_tabs)(
                &format!("{} {}", tabs[0], w.tab(tab)),
                Glyph::Ellipsis.as_str(),
                &format!("{} {}", tabs[tabs.len() - 1], w.tab(last)),
            );
            Some((keys, says))
        }
        Action::GoTo(_) => None,
        // Named by what it filters here: "filter by city" rather than every pane's choices.
        Action::Filter(facet) => Some((
            binding.label(),
            app.tab().pane().facet(facet).map_or_else(
                || w.describe(binding.action).to_string(),
                |spec| (w.filter_by)((spec.name)(w)),
            ),
        )),
        action => Some((binding.label(), w.describe(action).to_string())),
    };
    let offered = |offer: Offer| {
        bound
            .iter()
            .filter(move |b| !b.keys.is_empty() && app.offer(b.action) == offer)
            .filter_map(line)
    };
    let mut lines: Vec<HelpLine> = Vec::new();
    let here: Vec<HelpLine> = offered(Offer::Here).collect();
    if !here.is_empty() {
        lines.push((String::new(), (w.help_here)(w.tab(app.tab()))));
        lines.extend(here);
        lines.push((String::new(), w.help_everywhere.to_string()));
    }
    lines.extend(offered(Offer::Everywhere));
    lines.push((w.mouse.to_string(), w.mouse_help.to_string()));
    lines.push(("*".to_string(), w.derived_help.to_string()));
    lines.push((String::new(), w.in_search_line.to_string()));
    for (keys, description) in line_help(w) {
        lines.push((keys, description.to_string()));
    }
    lines
}

/// The lines holding `find` (in their keys or their words, any case); a heading stays while
/// a line under it does.
fn found(lines: Vec<HelpLine>, find: &str) -> Vec<HelpLine> {
    let find = find.trim().to_lowercase();
    if find.is_empty() {
        return lines;
    }
    let holds = |(keys, says): &HelpLine| {
        keys.to_lowercase().contains(&find) || says.to_lowercase().contains(&find)
    };
    let mut kept: Vec<HelpLine> = Vec::new();
    let mut heading: Option<HelpLine> = None;
    for line in lines {
        if line.0.is_empty() {
            heading = Some(line);
        } else if holds(&line) {
            kept.extend(heading.take());
            kept.push(line);
        }
    }
    kept
}

/// From this width the help stands in two columns.
const TWO_COLUMNS: u16 = 120;

pub fn draw_help(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let w = app.catalog().words();
    let Mode::Help {
        scroll,
        find,
        typing,
    } = app.mode()
    else {
        return;
    };
    let lines = found(help_lines(app), find.text());
    let key_width = lines.iter().map(|(k, _)| width(k)).max().unwrap_or(0) + 2;
    let says_width = lines.iter().map(|(_, d)| width(d)).max().unwrap_or(0);
    let column = key_width + says_width;
    let columns = if area.width >= TWO_COLUMNS && lines.len() > 12 {
        2
    } else {
        1
    };
    let per_column = lines.len().div_ceil(columns);
    let footer_width = width(&(w.help_found)(
        &crate::text::sanitize(find.text()),
        lines.len(),
    )) + 2;
    let title_width = width(&(w.help_title)(Glyph::Separator.as_str())) + 2;
    let content_width = (column * columns + 2 * (columns - 1))
        .max(footer_width)
        .max(title_width);
    let popup_width = (content_width as u16 + 4).min(area.width.saturating_sub(2));
    let popup_height = (per_column.max(1) as u16 + 2).min(area.height.saturating_sub(2));
    let popup = popup::centered(area, popup_width, popup_height);
    popup::open(buf, popup);

    let rows = usize::from(popup_height.saturating_sub(2));
    let scroll = (*scroll).min(per_column.saturating_sub(rows));
    let footer = if *typing || !find.text().is_empty() {
        let cursor = if *typing { "_" } else { "" };
        let found = (w.help_found)(
            &format!("{}{cursor}", crate::text::sanitize(find.text())),
            lines.len(),
        );
        // Found lines past the foot say so, as the whole help's do.
        Some(if per_column > rows {
            let last = scroll + rows;
            format!("{found}{}{}{last}/{per_column} ", scroll + 1, Glyph::Range)
        } else {
            found
        })
    } else {
        (per_column > rows)
            .then(|| (w.help_scroll)(scroll + 1, Glyph::Range.as_str(), scroll + rows, per_column))
    };
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
    let heading_style = theme.role(Role::Heading);
    let column_width = inner.width.saturating_sub(2 * (columns as u16 - 1)) / columns as u16;
    for (c, chunk) in lines.chunks(per_column.max(1)).enumerate() {
        let x = inner.x + c as u16 * (column_width + 2);
        for (y, (key, description)) in chunk.iter().skip(scroll).take(rows).enumerate() {
            let line = if key.is_empty() {
                Line::from(Span::styled(description.as_str(), heading_style))
            } else {
                Line::from(vec![
                    Span::styled(pad_to(key, key_width), key_style),
                    Span::raw(description.as_str()),
                ])
            };
            put_line(buf, x, inner.y + y as u16, &line, column_width);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::commands;
    use crate::app::keymap::{LINE_BINDINGS, key_label};

    #[test]
    fn every_key_the_app_handles_is_in_the_help() {
        // Some keys act on one pane only (the map's, the axis's), `f` only for a follower of
        // a presented demo: every key is in the help of some pane of a follower's dashboard.
        let mut help: Vec<String> = Vec::new();
        for tab in Tab::ALL {
            let mut app = crate::app::testing::app(120, 40);
            app.set_presence(Some(crate::app::presence::Presence::follower(None)));
            app.update(Action::GoTo(tab));
            help.extend(help_lines(&app).into_iter().map(|(keys, _)| keys));
        }
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

#[cfg(test)]
mod per_pane {
    use super::*;
    use crate::app::Key;
    use crate::app::input::Input;
    use crate::app::testing::app;

    fn keys_of(app: &App) -> Vec<String> {
        help_lines(app).into_iter().map(|(keys, _)| keys).collect()
    }

    #[test]
    fn a_filter_key_is_named_by_what_it_filters_on_this_pane() {
        let said = |tab: Tab, lang: crate::data::Lang, key: &str| {
            let mut app = app(120, 40);
            app.set_lang(lang);
            app.update(Action::GoTo(tab));
            help_lines(&app)
                .into_iter()
                .find(|(keys, _)| keys == key)
                .map(|(_, says)| says)
                .unwrap()
        };
        use crate::data::Lang;
        assert_eq!(said(Tab::Meetings, Lang::Zh, "c"), "按城市筛选");
        assert_eq!(said(Tab::Meetings, Lang::En, "c"), "filter by city");
        assert_eq!(said(Tab::Timeline, Lang::En, "Y"), "filter by year");
        assert_eq!(said(Tab::Meetings, Lang::Ru, "c"), "фильтр: город");
        // The view keys say what they show, not which panes have them.
        assert_eq!(
            said(Tab::Meetings, Lang::En, "b"),
            "show the charts or the detail"
        );
    }

    #[test]
    fn a_panes_own_keys_come_first_and_keys_that_do_nothing_here_are_left_out() {
        let mut meetings = app(120, 40);
        meetings.update(Action::GoTo(Tab::Meetings));
        let keys = keys_of(&meetings);
        let at = |key: &str| keys.iter().position(|k| k == key).unwrap();
        assert!(at("m") < at("j/↓"), "the map's key before moving: {keys:?}");
        assert!(at("b") < at("j/↓"));
        assert!(!keys.contains(&"z".to_string()), "no axis on the meetings");
        assert!(
            !keys.contains(&"f".to_string()),
            "f only in a presented demo"
        );
        let overview = app(120, 40);
        let keys = keys_of(&overview);
        for absent in ["m", "b", "z", "s", "t", "f"] {
            assert!(
                !keys.contains(&absent.to_string()),
                "{absent} on the overview"
            );
        }
        assert!(keys.contains(&"?".to_string()));
    }

    #[test]
    fn slash_searches_the_help_and_paging_scrolls_it() {
        let mut app = app(80, 24);
        app.update(Action::GoTo(Tab::Meetings));
        for key in ['?', '/', '地', '图'] {
            app.handle(Input::Key(Key::char(key)));
        }
        let Mode::Help { find, typing, .. } = app.mode() else {
            panic!("the help is open");
        };
        assert!(*typing);
        let lines = found(help_lines(&app), find.text());
        assert!(lines.iter().any(|(k, _)| k == "m"), "{lines:?}");
        assert!(
            lines
                .iter()
                .all(|(k, d)| k.is_empty() || d.contains("地图"))
        );
        // Enter keeps the narrowing and gives the keys back to scrolling; Esc then closes.
        app.handle(Input::Key(Key::plain(crate::app::KeyCode::Enter)));
        assert!(matches!(app.mode(), Mode::Help { typing: false, .. }));
        app.handle(Input::Key(Key::plain(crate::app::KeyCode::Esc)));
        assert!(!app.help_open());
        // PgDn pages through the help.
        app.handle(Input::Key(Key::char('?')));
        app.handle(Input::Key(Key::plain(crate::app::KeyCode::PageDown)));
        assert!(matches!(app.mode(), Mode::Help { scroll, .. } if *scroll > 1));
    }
}
