//! The tab bar at the top and the status bar (or the search line) at the bottom.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::action::Shows;
use crate::app::input_line::InputLine;
use crate::app::keymap::{Bound, Keymap, LineAction, key_label, line_key};
use crate::app::layout::tab_labels;
use crate::app::state::Mode;
use crate::app::words::Words;
use crate::app::{Action, App, Tab};
use crate::text::glyphs::Glyph;
use crate::text::{sanitize, truncate, width};
use crate::ui::frame::{narrowing, position};
use crate::ui::put::put_line;
use crate::ui::theme::Theme;

pub fn draw_tabs(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let mut spans = Vec::new();
    for (i, (tab, label)) in tab_labels(app.catalog().words(), area.width, app.tab())
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            // One cell in both width models, so `tab_at` maps clicks in either.
            spans.push(Span::styled(Glyph::Divider.as_str(), theme.border(false)));
        }
        spans.push(Span::styled(label, theme.tab(tab == app.tab())));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let name = " sco-dash ";
    if used + width(name) <= usize::from(area.width) {
        let gap = usize::from(area.width) - used - width(name);
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(name, theme.border(false)));
    }
    put_line(buf, area.x, area.y, &Line::from(spans), area.width);
}

/// The status bar's key hints, from the keymap that handles the keys, in the order they are
/// shown: moving, the keys every pane has, then the pane's other views (map, axis, charts).
pub fn hints(words: &Words, keymap: &Keymap, tab: Tab) -> Vec<(String, &'static str, Action)> {
    let mut hints = vec![(keymap.move_label(), words.hint(Action::Down), Action::Down)];
    // The first key of each binding is enough for a hint; the help overlay lists them all.
    let hint = |b: &Bound| {
        let key = key_label(*b.keys.first()?);
        Some((key, words.hint(b.action), b.action))
    };
    let bound = keymap.bindings();
    hints.extend(
        bound
            .iter()
            .filter(|b| matches!(b.shows(), Shows::Bar))
            .filter_map(hint),
    );
    hints.extend(
        bound
            .iter()
            .filter(|b| matches!(b.shows(), Shows::Pane(_)) && b.shows().in_bar(tab))
            .filter_map(hint),
    );
    hints
}

/// Which hints stay when the bar is short, most needed first (help is kept apart, always):
/// the pane's own views and the language, which nothing else on screen names, and how to
/// leave; then searching; last the keys every terminal app has, which a user tries anyway.
fn keep_first(action: Action) -> usize {
    match action {
        Action::ToggleMap | Action::ToggleAxis | Action::ToggleChart => 0,
        Action::ToggleLanguage => 1,
        Action::Quit => 2,
        Action::Search | Action::Palette => 3,
        Action::Open | Action::Back => 4,
        Action::Down => 5,
        _ => 6,
    }
}

/// How to clear what narrows the pane, for the status bar (the pane's title says what it
/// is): "x 清除", or nothing.
fn clearing(app: &App) -> Option<String> {
    let key = app.keymap().first_label(crate::app::Action::ClearAll)?;
    (!narrowing(app, 0).is_empty()).then(|| format!("{key} {}", app.catalog().words().clear))
}

/// The tour's place at the start of the status bar: " ▶ 导览 3/24 │" while it runs,
/// " ‖ 导览 3/24 · T 继续 │" once a key paused it; nothing without a tour.
fn tour_status(app: &App, w: &Words) -> String {
    let Some(tour) = app.tour() else {
        return String::new();
    };
    let (at, of) = tour.position();
    let mut status = if tour.is_paused() {
        format!(" {} {} {at}/{of}", Glyph::Paused, w.tour)
    } else {
        format!(" {} {} {at}/{of}", Glyph::Following, w.tour)
    };
    let key = app.keymap().first_label(Action::ToggleTour);
    if let (true, Some(key)) = (tour.is_paused(), key) {
        status.push_str(&format!(" {} {key} {}", Glyph::Separator, w.tour_resume));
    }
    status.push_str(&format!(" {}", Glyph::Divider));
    status
}

/// Where the search line's text starts.
pub const SEARCH_PROMPT: &str = " / ";

pub fn draw_status(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    buf.set_style(area, theme.status());
    if let Mode::Search(input) = app.mode() {
        draw_search_line(app, input, area, buf, theme);
        return;
    }
    let w = app.catalog().words();
    let hints = bar_hints(app, w);
    let (left, shown) = fit(status_left(app, w), &hints, usize::from(area.width));
    let mut spans = vec![Span::styled(left, theme.status_key())];
    for i in shown {
        let (key, word, _) = &hints[i];
        spans.push(Span::styled(key.clone(), theme.status_key()));
        spans.push(Span::styled(word.clone(), theme.status()));
    }
    put_line(buf, area.x, area.y, &Line::from(spans), area.width);
}

/// The search line in place of the status bar: the prompt, what is typed, and the count.
fn draw_search_line(app: &App, input: &InputLine, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let w = app.catalog().words();
    let tail = if app.tab().has_list() {
        w.search_tail
    } else {
        w.page_search_tail
    };
    let count = tail(
        app.search_count(),
        Glyph::Separator.as_str(),
        &line_key(LineAction::Keep),
        &line_key(LineAction::Cancel),
    );
    let line = Line::from(vec![
        Span::styled(SEARCH_PROMPT, theme.status_key()),
        Span::styled(sanitize(input.text()).into_owned(), theme.status()),
        Span::styled(count, theme.status()),
    ]);
    put_line(buf, area.x, area.y, &line, area.width);
}

/// The status bar's left part: the tour, who else is here, the pane and place in it, how to
/// clear what narrows it, and any notice.
fn status_left(app: &App, w: &Words) -> String {
    let mut left = tour_status(app, w);
    if let Some(presence) = app.presence() {
        left.push_str(&format!(
            " {} {}",
            sanitize(&presence.describe(w)),
            Glyph::Divider
        ));
    }
    left.push_str(&format!(" {} {}", app.tab().index() + 1, w.tab(app.tab())));
    if app.tab().has_list() {
        left.push_str(&format!(" {}", position(app)));
    }
    if let Some(clear) = clearing(app) {
        left.push_str(&format!(" {} {clear}", Glyph::Separator));
    }
    if let Some(notice) = app.notice() {
        left.push_str(&format!(" {} {}", Glyph::Separator, sanitize(notice)));
    }
    left.push(' ');
    left.push_str(Glyph::Divider.as_str());
    left
}

/// A hint as the bar writes it: its key and its word, each after a space.
type Hint = (String, String, Action);

/// The hints the bar offers, before any is dropped for room.
fn bar_hints(app: &App, w: &Words) -> Vec<Hint> {
    // While a tour runs every key only pauses it: the bar says so instead of the usual keys.
    if app.tour_running() {
        return vec![(
            String::new(),
            format!(" {}", w.tour_any_key),
            Action::ToggleTour,
        )];
    }
    hints(w, app.keymap(), app.tab())
        .into_iter()
        .map(|(key, word, action)| (format!(" {key}"), format!(" {word}"), action))
        .collect()
}

/// The left part, truncated if need be, and which hints fit after it in `bar` cells, in the
/// order shown.
fn fit(left: String, hints: &[Hint], bar: usize) -> (String, Vec<usize>) {
    let cells = |(key, word, _): &Hint| width(key) + width(word);
    // `?` is how a newcomer finds every other key, so it never drops off: when the hints do
    // not all fit, room is kept for it at the end and the others go, least needed first.
    let help = hints
        .iter()
        .position(|(_, _, action)| *action == Action::ToggleHelp);
    let everything = width(&left) + hints.iter().map(cells).sum::<usize>();
    let reserve = match help {
        Some(i) if everything > bar => cells(&hints[i]),
        _ => 0,
    };
    let left = if width(&left) + reserve > bar {
        truncate(&left, bar.saturating_sub(reserve)).into_owned()
    } else {
        left
    };
    // Which hints fit, chosen most needed first, each whole or not at all; shown in their
    // own order, with help last when room was kept for it.
    let mut used = width(&left) + reserve;
    let mut by_need: Vec<usize> = (0..hints.len())
        .filter(|&i| reserve == 0 || Some(i) != help)
        .collect();
    by_need.sort_by_key(|&i| keep_first(hints[i].2));
    let mut kept = vec![false; hints.len()];
    for i in by_need {
        if used + cells(&hints[i]) <= bar {
            used += cells(&hints[i]);
            kept[i] = true;
        }
    }
    let help_last = help.filter(|_| reserve > 0 && reserve <= bar);
    let shown = (0..hints.len()).filter(|&i| kept[i]).chain(help_last);
    (left, shown.collect())
}
