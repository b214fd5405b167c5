//! The framed panes: a list on the left, the detail on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::layout::inner;
use crate::app::panes;
use crate::app::view::sort_arrow;
use crate::app::{App, Focus};
use crate::text::glyphs::Glyph;
use crate::text::{sanitize, truncate};
use crate::ui::lines::{Highlight, draw_line};
use crate::ui::put::{border_set, draw_box};
use crate::ui::theme::Theme;

/// A pane's frame: thick when focused, its title on top and its footer bottom right.
fn frame(
    buf: &mut Buffer,
    area: Rect,
    title: &str,
    footer: Option<&str>,
    focused: bool,
    theme: &Theme,
) {
    draw_box(
        buf,
        area,
        title,
        footer,
        border_set(focused, false),
        theme.border(focused),
    );
}

/// "3/12", with the record count when a search or filter hides some: "3/5（共36）".
pub fn position(app: &App) -> String {
    let view = app.list().items.len();
    let place = app.position().map_or(0, |p| p + 1);
    if view < app.total() {
        (app.catalog().words().of_total)(place, view, app.total())
    } else {
        format!("{place}/{view}")
    }
}

/// What the current pane's list is narrowed or ordered by, as its title says it: the
/// search (the one being typed, or the one kept) with its text cut to `query_cells`, the
/// filters, the sort column. Nothing is in force that is not said here, and `x` clears it
/// all.
pub fn narrowing(app: &App, query_cells: usize) -> Vec<String> {
    let pane = app.shown_pane();
    let w = app.catalog().words();
    let mut parts = Vec::new();
    let query = app.query_text().trim();
    if !query.is_empty() {
        parts.push(format!(
            "{}{}{}{}",
            w.searched,
            Glyph::OpenQuote,
            truncate(&sanitize(query), query_cells),
            Glyph::CloseQuote
        ));
    }
    let facets = pane.facets.describe(app.catalog().lang, app.tab());
    if !facets.is_empty() {
        parts.push(format!("{} {}", w.filtered, facets.join(" ")));
    }
    if pane.sort.is_active()
        && let Some(column) = app.tab().pane().sorts().get(pane.sort.column)
    {
        let arrow = sort_arrow(pane.sort.reverse != column.descending());
        parts.push(format!("{}{arrow}", (w.sorted_by)((column.title)(w))));
    }
    parts
}

/// The title of a frame `frame_width` cells wide, " 元首会见 · 搜索“普京” · 按国家/组织▼ ": its
/// name, then what narrows the pane. Where that does not fit, what narrows the pane matters
/// more than the name (the tab bar names the pane too), and the search's text is cut before
/// the filters and the sort are.
pub fn narrowed_title(name: &str, app: &App, frame_width: u16) -> String {
    let room = usize::from(frame_width.saturating_sub(4));
    let title = |name: Option<&str>, parts: Vec<String>| {
        let all: Vec<String> = name.map(String::from).into_iter().chain(parts).collect();
        format!(" {} ", all.join(&format!(" {} ", Glyph::Separator)))
    };
    let whole = narrowing(app, usize::MAX);
    let full = title(Some(name.trim()), whole.clone());
    if whole.is_empty() || crate::text::width(&full) <= room {
        return full;
    }
    let bare = title(None, whole);
    let over = crate::text::width(&bare).saturating_sub(room);
    if over == 0 {
        return bare;
    }
    let query = crate::text::width(&sanitize(app.query_text().trim()));
    let ellipsis = crate::text::width(Glyph::Ellipsis.as_str());
    title(
        None,
        narrowing(app, query.saturating_sub(over + ellipsis).max(1)),
    )
}

pub fn draw_list(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let pane = app.shown_pane();
    let focused = pane.focus == Focus::List;
    let title = narrowed_title(
        &(app.catalog().words().pane_title)(app.tab()),
        app,
        area.width,
    );
    let footer = format!(" {} ", position(app));
    frame(buf, area, &title, Some(&footer), focused, theme);
    let area = inner(area);
    let width = usize::from(area.width);
    let query = app.query();
    let mut y = 0;
    if let Some(header) = panes::header(app.catalog(), app.tab(), width, pane.sort) {
        draw_line(buf, area, y, &header, theme, Highlight::None, None);
        y += 1;
    }
    let list = app.list();
    if list.items.is_empty() {
        let message = crate::app::detail::Line {
            segments: vec![crate::app::detail::Segment {
                text: truncate(
                    &format!(
                        "{} {} x {}",
                        app.catalog().words().nothing_matches,
                        Glyph::Separator,
                        app.catalog().words().clear
                    ),
                    width,
                )
                .into_owned(),
                role: crate::app::detail::Role::Muted,
            }],
            link: None,
        };
        draw_line(buf, area, y, &message, theme, Highlight::None, None);
        return;
    }
    for row in list.rows.iter().skip(pane.list_offset) {
        if y >= area.height {
            break;
        }
        let highlight = match (row.item == Some(pane.selected), focused) {
            (true, true) => Highlight::Row(theme.selected_row()),
            (true, false) => Highlight::Row(theme.selected_row_idle()),
            _ => Highlight::None,
        };
        draw_line(buf, area, y, &row.line, theme, highlight, query.as_ref());
        y += 1;
    }
}

pub fn draw_detail(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let pane = app.shown_pane();
    let focused = pane.focus == Focus::Detail || !app.tab().has_list();
    let doc = app.detail();
    let height = usize::from(inner(area).height);
    let footer = (doc.rows() > height).then(|| {
        let last = (pane.scroll + height).min(doc.rows());
        format!(
            " {}{}{}/{} ",
            pane.scroll + 1,
            Glyph::Range,
            last,
            doc.rows()
        )
    });
    let words = app.catalog().words();
    // The pane's frame says what narrows it: the list's, or, where the detail is shown in
    // the list's place (a narrow screen) or there is no list (the overview), the detail's.
    let list_shown = app.areas().is_some_and(|a| a.list.is_some());
    let title = if !app.tab().has_list() {
        narrowed_title(words.overview_title, app, area.width)
    } else if list_shown {
        words.detail_title.to_string()
    } else {
        narrowed_title(words.detail_title, app, area.width)
    };
    frame(buf, area, &title, footer.as_deref(), focused, theme);
    let area = inner(area);
    let query = app.query();
    // Each line where the doc places it: one column, or the overview's blocks side by side.
    for (i, place) in doc.visible(pane.scroll, height) {
        let line = &doc.lines[i];
        let x = area.x.saturating_add(place.x as u16);
        if x >= area.right() {
            continue;
        }
        let column_area = Rect {
            x,
            width: (place.width as u16).min(area.right() - x),
            ..area
        };
        let selected = focused && line.link.is_some() && line.link == Some(pane.link);
        // The search match `n`/`N` last moved to, when it is not a link (a link shows as
        // selected).
        let found = pane.found == Some(i) && line.link.is_none() && query.is_some();
        let highlight = if selected {
            Highlight::Link(theme.selected_link())
        } else if found {
            Highlight::Row(theme.selected_row_idle())
        } else {
            Highlight::None
        };
        draw_line(
            buf,
            column_area,
            (place.row - pane.scroll) as u16,
            line,
            theme,
            highlight,
            query.as_ref(),
        );
    }
    for (x, rows) in doc.rules() {
        let x = area.x.saturating_add(*x as u16);
        if x >= area.right() {
            continue;
        }
        for row in rows.clone() {
            if (pane.scroll..pane.scroll + height).contains(&row) {
                buf[(x, area.y + (row - pane.scroll) as u16)]
                    .set_symbol(Glyph::Divider.as_str())
                    .set_style(theme.border(false));
            }
        }
    }
}
