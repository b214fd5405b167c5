//! The timeline's axis (`z`): the events on a horizontal time axis where the list is drawn.
//! The model (window, ticks, lanes) is `app/axis.rs`; this draws it.
//!
//! Every glyph is ASCII, one cell wide in every terminal, and the meaning survives without
//! colour: an event dated to the day or hour is `*`, one dated to a year or month only (or to
//! the day at the hours zoom) is a hollow `o`; the selected event is reversed with a `:` guide
//! down to the spans; the chairmanship is `[===]`, the summit days `[###]`; a span or the
//! events running off the window end in `<` or `>`. A legend line under the ticks says so.
//! Events are named beside their marks where the lane leaves room.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use crate::app::App;
use crate::app::Focus;
use crate::app::axis::{Plan, Scale, plan, span_columns, ticks};
use crate::app::detail::Role;
use crate::app::layout::inner;
use crate::text::glyphs::Glyph;
use crate::text::{sanitize, truncate};
use crate::ui::put::{border_set, draw_box, put_line};
use crate::ui::theme::Theme;

/// Rows under the lanes: the chairmanship, the summit, the axis line, the tick labels.
const BELOW: u16 = 4;
/// The legend's row, under the tick labels, on an axis at least this tall.
const LEGEND_FROM: u16 = BELOW + 5;
/// The fewest cells worth naming an event in beside its mark.
const NAME_MIN: u16 = 6;

/// Text at (x, y) inside `area`, cut at its right edge, measured as the terminal draws it
/// (titles hold curly quotes, which some terminals draw two cells wide).
fn put(buf: &mut Buffer, area: Rect, x: u16, y: u16, text: &str, style: Style) {
    if x < area.width && y < area.height {
        let room = area.width - x;
        let text = truncate(&sanitize(text), usize::from(room)).into_owned();
        put_line(
            buf,
            area.x + x,
            area.y + y,
            &Line::styled(text, style),
            room,
        );
    }
}

pub fn draw_axis(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let whole = inner(area);
    let legend = whole.height >= LEGEND_FROM;
    let inside = Rect {
        height: whole.height - u16::from(legend),
        ..whole
    };
    let lanes = usize::from(inside.height.saturating_sub(BELOW + 2));
    let plan = plan(app, inside.width, lanes);
    draw_frame(app, &plan, area, buf, theme);
    if inside.height < BELOW + 2 || inside.width < 8 {
        return;
    }
    let words = app.catalog().words();
    // The selected event, spelled out on top.
    if let Some(event) = plan.selected_event {
        let mut date = (words.partial)(event.date);
        if let Some(time) = event.time {
            date = format!("{date} {time}");
        }
        put(
            buf,
            inside,
            0,
            0,
            &format!("{date}  {}", event.title),
            theme.role(Role::Title),
        );
    }
    draw_lanes(&plan, inside, buf, theme);
    draw_spans(app, &plan, inside, buf, theme);
    draw_ticks(app, &plan, inside, buf, theme);
    draw_names(app, &plan, inside, buf, theme);
    if legend {
        let hours = app.shown_pane().zoom == crate::app::axis::Zoom::Hours;
        let text = words.axis_legend[usize::from(hours)];
        put(
            buf,
            whole,
            0,
            whole.height - 1,
            text,
            theme.role(Role::Muted),
        );
    }
}

/// Each event's title beside its mark, where the lane is blank from the mark on for at least
/// `NAME_MIN` cells (one blank cell kept before whatever follows): after the marks, spans,
/// guides and ticks are drawn, so a name never covers them. The selected event is spelled out
/// on top instead.
fn draw_names(app: &App, plan: &Plan, inside: Rect, buf: &mut Buffer, theme: &Theme) {
    let catalog = app.catalog();
    let h = inside.height;
    let mut marks: Vec<_> = plan
        .layout
        .marks
        .iter()
        .filter(|m| Some(m.item) != plan.selected)
        .collect();
    marks.sort_by_key(|m| (m.lane, m.x));
    for mark in marks {
        let Some(event) = catalog
            .timeline
            .get(mark.item)
            .and_then(|&i| catalog.data.timeline.get(i))
        else {
            continue;
        };
        let y = h - BELOW - 1 - mark.lane as u16;
        let from = mark.end_x + 2;
        let blank = (from..inside.width)
            .take_while(|&x| buf[(inside.x + x, inside.y + y)].symbol() == " ")
            .count() as u16;
        // Blank up to the map's edge, or up to one cell before the next thing in the lane.
        let room = if from + blank >= inside.width {
            blank
        } else {
            blank.saturating_sub(1)
        };
        if room >= NAME_MIN && from > 0 && buf[(inside.x + from - 1, inside.y + y)].symbol() == " "
        {
            let text = truncate(&sanitize(&event.title), usize::from(room)).into_owned();
            put(buf, inside, from, y, &text, theme.role(Role::Muted));
        }
    }
}

/// The box, its title and its footer: where the list is, the zoom, the events off each side.
fn draw_frame(app: &App, plan: &Plan, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let words = app.catalog().words();
    let pane = app.shown_pane();
    let position = crate::ui::frame::position(app);
    let mut footer = vec![position, words.axis_zooms[pane.zoom.index()].to_string()];
    if plan.layout.before > 0 {
        footer.push((words.axis_earlier)(plan.layout.before));
    }
    if plan.layout.after > 0 {
        footer.push((words.axis_later)(plan.layout.after));
    }
    if plan.layout.unmarked > 0 {
        footer.push((words.axis_more)(plan.layout.unmarked));
    }
    let footer = format!(" {} ", footer.join(&format!(" {} ", Glyph::Separator)));
    // The axis's own name (the tab bar already says it is the timeline's), with what narrows
    // the list.
    let title = crate::ui::frame::narrowed_title(words.axis_title.trim(), app, area.width);
    let focused = pane.focus == Focus::List;
    draw_box(
        buf,
        area,
        &title,
        Some(&footer),
        border_set(focused, false),
        theme.border(focused),
    );
}

/// The lanes, lane 0 just above the spans; where marks did not fit, a `+` above them.
fn draw_lanes(plan: &Plan, inside: Rect, buf: &mut Buffer, theme: &Theme) {
    let h = inside.height;
    let lane_row = |lane: usize| h - BELOW - 1 - lane as u16;
    for x in &plan.layout.overflow {
        put(buf, inside, *x, 1, "+", theme.role(Role::Muted));
    }
    for mark in &plan.layout.marks {
        let y = lane_row(mark.lane);
        let is_selected = Some(mark.item) == plan.selected;
        if mark.end_x > mark.x {
            let line = "-".repeat(usize::from(mark.end_x - mark.x));
            put(buf, inside, mark.x + 1, y, &line, theme.role(Role::Muted));
        }
        let glyph = if mark.hollow { "o" } else { "*" };
        let style = if is_selected {
            theme
                .role(Role::Title)
                .patch(theme.selected_row())
                .add_modifier(Modifier::BOLD)
        } else if mark.hollow {
            theme.role(Role::Muted)
        } else {
            theme.role(Role::Accent)
        };
        put(buf, inside, mark.x, y, glyph, style);
        if is_selected {
            for below in y + 1..h - BELOW {
                let cell = &buf[(inside.x + mark.x, inside.y + below)];
                if cell.symbol() == " " {
                    put(buf, inside, mark.x, below, ":", theme.role(Role::Muted));
                }
            }
        }
    }
}

/// The chairmanship and the summit days as spans, named where the name fits.
fn draw_spans(app: &App, plan: &Plan, inside: Rect, buf: &mut Buffer, theme: &Theme) {
    let catalog = app.catalog();
    let words = catalog.words();
    let Some(s) = catalog.data.summit.as_ref() else {
        return;
    };
    let spans = [
        (
            s.chairmanship.start.0,
            s.chairmanship.end.0,
            '=',
            words.axis_chairmanship,
            Role::Accent,
        ),
        (s.start.0, s.end.0, '#', words.axis_summit, Role::Summit),
    ];
    for (row, (first, last, fill, name, role)) in spans.into_iter().enumerate() {
        let y = inside.height - BELOW + row as u16;
        draw_span(
            buf,
            inside,
            &plan.scale,
            y,
            (first, last),
            fill,
            name,
            theme.role(role),
        );
    }
}

/// The axis line with its ticks, and their labels under it.
fn draw_ticks(app: &App, plan: &Plan, inside: Rect, buf: &mut Buffer, theme: &Theme) {
    let (w, h) = (inside.width, inside.height);
    let mut line: Vec<char> = vec!['-'; usize::from(w)];
    let ticks = ticks(&plan.scale, app.catalog().words());
    for tick in &ticks {
        line[usize::from(tick.x)] = '+';
    }
    if plan.layout.before > 0 {
        line[0] = '<';
    }
    if plan.layout.after > 0 {
        line[usize::from(w) - 1] = '>';
    }
    let line: String = line.into_iter().collect();
    put(buf, inside, 0, h - 2, &line, theme.role(Role::Muted));
    for tick in &ticks {
        put(
            buf,
            inside,
            tick.x,
            h - 1,
            &tick.label,
            theme.role(Role::Label),
        );
    }
}

/// A span of days on its row: `[====]` (`<`/`>` where the window cuts it, `|` when it is one
/// column), with its name after it, or before it where it does not fit after.
#[allow(clippy::too_many_arguments)]
fn draw_span(
    buf: &mut Buffer,
    area: Rect,
    scale: &Scale,
    y: u16,
    (first, last): (chrono::NaiveDate, chrono::NaiveDate),
    fill: char,
    name: &str,
    style: Style,
) {
    let Some((from, to, cut_left, cut_right)) = span_columns(scale, first, last) else {
        return;
    };
    let mut cells: Vec<char> = vec![fill; usize::from(to - from) + 1];
    if cells.len() == 1 {
        cells[0] = if cut_left {
            '<'
        } else if cut_right {
            '>'
        } else {
            '|'
        };
    } else {
        cells[0] = if cut_left { '<' } else { '[' };
        let last = cells.len() - 1;
        cells[last] = if cut_right { '>' } else { ']' };
    }
    let text: String = cells.into_iter().collect();
    put(buf, area, from, y, &text, style);
    let name_width = crate::text::width(name) as u16;
    if to + 2 + name_width <= area.width {
        put(buf, area, to + 2, y, name, style);
    } else if from > name_width {
        put(buf, area, from - name_width - 1, y, name, style);
    } else if to - from > name_width + 2 {
        put(buf, area, from + 2, y, name, style);
    }
}
