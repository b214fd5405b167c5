//! Popups over wide text. A wide glyph just left of a popup would cover the popup's left
//! border (the terminal draws its second half there), and a glyph cut by the right border
//! would leave half a character behind it (ratatui #2526). Clearing them keeps both borders.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

use crate::text::width::grapheme_width;

pub use crate::app::layout::centered;

/// Makes room for a popup: its cells blank, and no wide glyph straddling its edges.
pub fn open(buf: &mut Buffer, popup: Rect) {
    clear_straddling_glyphs(buf, popup);
    Clear.render(popup, buf);
}

pub fn clear_straddling_glyphs(buf: &mut Buffer, popup: Rect) {
    let area = buf.area;
    for y in popup.top()..popup.bottom() {
        if popup.x > area.x {
            let cell = &mut buf[(popup.x - 1, y)];
            if grapheme_width(cell.symbol()) > 1 {
                // A blank one cell wide, whatever width this cell was given.
                cell.set_symbol(" ").set_diff_option(CellDiffOption::None);
            }
        }
        // The popup's last column may hold the first half of a wide glyph whose second half
        // lies outside; the popup border replaces the first half, so blank the second.
        let right = popup.right();
        if right < area.right() && right > popup.x {
            let last = &buf[(right - 1, y)];
            if grapheme_width(last.symbol()) > 1 {
                buf[(right, y)].set_symbol(" ");
            }
        }
    }
}
