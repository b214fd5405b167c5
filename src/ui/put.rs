//! Writing text into the buffer as the terminal will show it. ratatui's own `set_line`
//! measures with the narrow model; in a terminal that draws ambiguous characters two cells
//! wide, each such character needs the cell after it left to the terminal, or everything after
//! it on the row shifts by one. Every line of text the UI draws goes through here.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::Line;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::text::width::{Ambiguous, ambiguous, grapheme_width};
use crate::text::{truncate, width};

/// Writes `line` from (x, y), at most `max_width` cells; returns where it ended.
pub fn put_line(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, max_width: u16) -> (u16, u16) {
    let right = buf.area.right().min(x.saturating_add(max_width));
    let mut x = x;
    for span in line {
        let style = line.style.patch(span.style);
        for grapheme in span.content.graphemes(true) {
            if grapheme.contains(char::is_control) {
                continue;
            }
            let cells = grapheme_width(grapheme) as u16;
            if cells == 0 {
                continue;
            }
            if x + cells > right {
                return (x, y);
            }
            put_grapheme(buf, x, y, grapheme, cells, style);
            x += cells;
        }
    }
    (x, y)
}

/// One grapheme taking `cells` cells. The cells behind it are reset, as `set_line` does;
/// when only this terminal draws it wide (an ambiguous glyph in wide mode), the cell carries
/// its real width, so ratatui's diff never draws over the glyph's second half.
fn put_grapheme(buf: &mut Buffer, x: u16, y: u16, grapheme: &str, cells: u16, style: Style) {
    let cell = &mut buf[(x, y)];
    cell.set_symbol(grapheme).set_style(style);
    // Set every time: the cell may hold what an earlier layer of this frame drew.
    let option = match NonZeroU16::new(cells) {
        Some(width) if usize::from(cells) > grapheme.width() => CellDiffOption::ForcedWidth(width),
        _ => CellDiffOption::None,
    };
    cell.set_diff_option(option);
    for i in 1..cells {
        buf[(x + i, y)].reset();
    }
}

/// The frame glyphs for panes (plain, or thick when focused) and popups (rounded): box
/// drawing in narrow mode, ASCII in wide mode, where box drawing is two cells a glyph.
pub fn border_set(focused: bool, popup: bool) -> border::Set<'static> {
    match (ambiguous(), focused, popup) {
        (Ambiguous::Narrow, _, true) => border::ROUNDED,
        (Ambiguous::Narrow, true, false) => border::THICK,
        (Ambiguous::Narrow, false, false) => border::PLAIN,
        (Ambiguous::Wide, true, false) => WIDE_FOCUSED,
        (Ambiguous::Wide, _, _) => WIDE_PLAIN,
    }
}

const WIDE_PLAIN: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

const WIDE_FOCUSED: border::Set<'static> = border::Set {
    top_left: "#",
    top_right: "#",
    bottom_left: "#",
    bottom_right: "#",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "=",
    horizontal_bottom: "=",
};

/// A bordered box with a title on its top border and an optional footer against the bottom
/// right corner, each cut to fit between the corners (so no wide glyph lands on a border).
pub fn draw_box(
    buf: &mut Buffer,
    area: Rect,
    title: &str,
    footer: Option<&str>,
    set: border::Set<'static>,
    style: Style,
) {
    use ratatui::widgets::{Block, Widget};
    Block::bordered()
        .border_set(set)
        .border_style(style)
        .render(area, buf);
    if area.width <= 4 || area.height < 2 {
        return;
    }
    let room = area.width - 4;
    let title = truncate(title, usize::from(room));
    put_line(buf, area.x + 1, area.y, &Line::from(title.as_ref()), room);
    if let Some(footer) = footer {
        let footer = truncate(footer, usize::from(room));
        let cells = width(&footer) as u16;
        let x = area.right().saturating_sub(1 + cells);
        put_line(
            buf,
            x,
            area.bottom() - 1,
            &Line::from(footer.as_ref()),
            cells,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_glyphs_in_wide_mode_are_one_cell_in_both_models() {
        for set in [WIDE_PLAIN, WIDE_FOCUSED] {
            for glyph in [
                set.top_left,
                set.top_right,
                set.bottom_left,
                set.bottom_right,
                set.vertical_left,
                set.vertical_right,
                set.horizontal_top,
                set.horizontal_bottom,
            ] {
                assert_eq!(glyph.width(), 1, "{glyph}");
                assert_eq!(glyph.width_cjk(), 1, "{glyph}");
            }
        }
        // The other chrome glyphs: `text::glyphs`' own tests.
    }
}
