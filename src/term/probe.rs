//! Questions to the terminal before the dashboard starts, while nothing else reads it: its
//! background colour, and how wide it draws East Asian Ambiguous characters.

use std::io;
use std::sync::mpsc;
use std::time::Duration;

use crossterm::{cursor, execute, terminal};

use crate::text::width::Ambiguous;
use crate::ui::theme::Scheme;

/// Asks the terminal for its background colour (OSC 11, sent with a DA1 request so that a
/// terminal that does not know OSC 11 is recognised by its DA1 answer at once, without
/// waiting for the timeout). Before the dashboard starts, while nothing else reads the
/// terminal.
pub fn ask_background() -> Option<Scheme> {
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = Duration::from_millis(500);
    let background = terminal_colorsaurus::background_color(options).ok()?;
    // Perceived lightness (CIELAB L*, 0–1): above the middle is a light background.
    Some(if background.perceived_lightness() > 0.5 {
        Scheme::Light
    } else {
        Scheme::Dark
    })
}

/// Asks the terminal how wide it draws East Asian Ambiguous characters: on the second row
/// (a cursor report from the first row reads like Shift-F3), draw one and ask where the
/// cursor went (`ESC[6n`). No answer within 500 ms means narrow. Keys typed meanwhile stay
/// queued for the dashboard (crossterm keeps the events its cursor query is not after).
/// The probe is erased before the first frame.
pub fn probe_ambiguous() -> io::Result<Ambiguous> {
    let mut out = io::stdout();
    execute!(
        out,
        cursor::MoveTo(0, 1),
        crossterm::style::Print("\u{00b7}")
    )?;
    let (sender, answer) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(cursor::position());
    });
    let mode = match answer.recv_timeout(Duration::from_millis(500)) {
        Ok(Ok((column, _))) if column >= 2 => Ambiguous::Wide,
        _ => Ambiguous::Narrow,
    };
    execute!(
        out,
        cursor::MoveTo(0, 1),
        terminal::Clear(terminal::ClearType::CurrentLine)
    )?;
    Ok(mode)
}
