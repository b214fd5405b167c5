//! Drawing: reads the app's state and never changes it.

mod axis;
mod bars;
mod chart;
pub mod colours;
mod frame;
mod help;
mod lines;
mod map;
mod palette;
mod picker;
mod popup;
pub mod put;
pub mod snapshot;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::app::App;
use crate::app::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::app::words::Words;
use crate::text::glyphs::Glyph;
use crate::text::{truncate, width};
use crate::ui::put::put_line;
pub use bars::hints;
pub use help::help_lines;
pub use theme::Theme;

/// The whole screen for one frame.
pub struct View<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for View<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render(self.app, self.theme, area, buf);
    }
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(areas) = app.areas() else {
        too_small(app.catalog().words(), area, buf);
        return;
    };
    bars::draw_tabs(app, areas.tabs, buf, theme);
    if let Some(list) = areas.list {
        if app.tab() == crate::app::tab::Tab::Timeline && app.shown_pane().axis {
            axis::draw_axis(app, list, buf, theme);
        } else {
            frame::draw_list(app, list, buf, theme);
        }
    }
    if let Some(detail) = areas.detail {
        frame::draw_detail(app, detail, buf, theme);
    }
    if let Some(area) = areas.map {
        if app.pane().chart {
            chart::draw_chart(app, area, buf, theme);
        } else {
            map::draw_map(app, area, buf, theme);
        }
    }
    bars::draw_status(app, areas.status, buf, theme);
    if matches!(app.mode(), crate::app::state::Mode::Palette { .. }) {
        palette::draw_palette(app, area, buf, theme);
    }
    if matches!(app.mode(), crate::app::state::Mode::Picker { .. }) {
        picker::draw_picker(app, area, buf, theme);
    }
    if let crate::app::state::Mode::Help { .. } = app.mode() {
        help::draw_help(
            app,
            Rect {
                y: area.y + 1,
                height: area.height.saturating_sub(2),
                ..area
            },
            buf,
            theme,
        );
    }
}

/// One frame on a terminal: the screen, and the cursor at the caret of a search line so an
/// input method's candidate window opens there (elsewhere ratatui keeps it hidden).
pub fn draw_frame(frame: &mut ratatui::Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(View { app, theme }, area);
    if let Some(position) = cursor(app, area) {
        frame.set_cursor_position(position);
    }
}

/// Where the terminal's cursor belongs: at the caret of a search line (so an input method's
/// candidate window opens there), or nowhere (hidden).
pub fn cursor(app: &App, area: Rect) -> Option<ratatui::layout::Position> {
    let areas = app.areas()?;
    match app.mode() {
        crate::app::state::Mode::Search(input) => {
            let x =
                areas.status.x + width(bars::SEARCH_PROMPT) as u16 + input.cursor_column() as u16;
            (x < areas.status.right()).then_some(ratatui::layout::Position::new(x, areas.status.y))
        }
        crate::app::state::Mode::Palette { .. } => palette::cursor(app, area),
        crate::app::state::Mode::Normal
        | crate::app::state::Mode::Help { .. }
        | crate::app::state::Mode::Picker { .. } => None,
    }
}

/// Below the minimum size: say, centred, what size is needed — first, since a tiny window
/// has room for one line, and in the fewest columns when even that line does not fit.
fn too_small(w: &Words, area: Rect, buf: &mut Buffer) {
    let times = Glyph::Times;
    let [need, now, small] = w.too_small;
    let need = format!("{need} {MIN_WIDTH}{times}{MIN_HEIGHT}");
    let need = if width(&need) <= usize::from(area.width) {
        need
    } else {
        format!("{MIN_WIDTH}{times}{MIN_HEIGHT}")
    };
    let lines = [
        need,
        format!("{now} {}{times}{}", area.width, area.height),
        small.to_string(),
    ];
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, text) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let text = truncate(text, usize::from(area.width));
        let x = area.x + (area.width.saturating_sub(width(&text) as u16)) / 2;
        put_line(buf, x, y, &Line::from(text.into_owned()), area.right() - x);
    }
}
