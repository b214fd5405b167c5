//! The bytes a frame becomes on a terminal, shared by the local terminal and SSH viewers:
//! classic SGR colour codes for the 16 ANSI colours, no cursor move to where the cursor
//! already is, and synchronized output around each frame.

use std::io::{self, Write};

use std::cell::RefCell;

use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::ui::{Theme, cursor, draw_frame, render};

mod cursor;
use cursor::Cursor;

/// The modes the dashboard's screen runs in: the alternate screen, no cursor, bracketed
/// paste, and button and wheel reports (SGR) when the mouse is on. The local terminal and
/// every SSH viewer are opened and closed with these same bytes.
pub fn screen_on(mouse: bool) -> String {
    let mut bytes = format!("{ENTER_ALTERNATE}{HIDE_CURSOR}{PASTE_ON}");
    if mouse {
        bytes.push_str(MOUSE_ON);
    }
    bytes
}

/// What puts a terminal back: mouse (when it was on) and paste off, colours reset, cursor
/// shown, main screen.
pub fn screen_off(mouse: bool) -> String {
    let mouse = if mouse { MOUSE_OFF } else { "" };
    format!("{mouse}{PASTE_OFF}\x1b[0m{SHOW_CURSOR}{LEAVE_ALTERNATE}")
}

/// Button presses and the wheel, reported in SGR form; never all-motion mode (1003), which
/// floods a slow SSH link and is left on by terminals that crash mid-session.
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1000l";
const PASTE_ON: &str = "\x1b[?2004h";
const PASTE_OFF: &str = "\x1b[?2004l";
const ENTER_ALTERNATE: &str = "\x1b[?1049h";
const LEAVE_ALTERNATE: &str = "\x1b[?1049l";
const HIDE_CURSOR: &str = "\x1b[?25l";
const SHOW_CURSOR: &str = "\x1b[?25h";

/// Begin and end synchronized update (DEC mode 2026): the terminal shows the frame whole,
/// never half drawn, however slowly the bytes arrive. Terminals without it ignore both.
pub const BEGIN_SYNC: &[u8] = b"\x1b[?2026h";
pub const END_SYNC: &[u8] = b"\x1b[?2026l";

/// Runs `paint` (a draw, or a clear and a draw) between the begin and end of a synchronized
/// update, and flushes.
pub fn synchronized<W: Write, T>(
    terminal: &mut Terminal<CrosstermBackend<W>>,
    paint: impl FnOnce(&mut Terminal<CrosstermBackend<W>>) -> io::Result<T>,
) -> io::Result<T> {
    terminal.backend_mut().write_all(BEGIN_SYNC)?;
    let painted = paint(terminal);
    // End the update even when painting failed, so the terminal does not stay frozen.
    terminal.backend_mut().write_all(END_SYNC)?;
    io::Write::flush(terminal.backend_mut())?;
    painted
}

/// One frame of the dashboard, drawn as a synchronized update.
pub fn draw_synchronized<W: Write>(
    terminal: &mut Terminal<CrosstermBackend<W>>,
    app: &App,
    theme: &Theme,
) -> io::Result<()> {
    synchronized(terminal, |t| {
        t.draw(|frame| draw_frame(frame, app, theme)).map(drop)
    })
}

/// One frame for a terminal whose screen `shown` holds, as a synchronized update of the cells
/// that changed; `shown` then holds the new frame. For SSH viewers: ratatui's `Terminal`
/// keeps two screen buffers, the frame drawn and the one before (about 225 KiB each at
/// 120×40); here each viewer keeps only the one it was last sent, and the frame is drawn into
/// a buffer of the drawing thread's own.
pub fn draw_changes<W: Write>(
    backend: &mut CrosstermBackend<W>,
    shown: &mut Buffer,
    app: &App,
    theme: &Theme,
) -> io::Result<()> {
    thread_local! {
        static NEXT: RefCell<Buffer> = RefCell::new(Buffer::empty(Rect::ZERO));
    }
    NEXT.with_borrow_mut(|next| {
        let area = shown.area;
        next.resize(area);
        next.reset();
        render(app, theme, area, next);
        backend.write_all(BEGIN_SYNC)?;
        let painted = backend.draw(shown.diff_iter(next)).and_then(|()| {
            // As ratatui's `Terminal::draw` does after each frame.
            match cursor(app, area) {
                Some(position) => {
                    backend.show_cursor()?;
                    backend.set_cursor_position(position)
                }
                None => backend.hide_cursor(),
            }
        });
        backend.write_all(END_SYNC)?;
        Backend::flush(backend)?;
        std::mem::swap(shown, next);
        painted
    })
}

/// OSC 52: asks the terminal to put `text` on the system clipboard. It travels base64-encoded,
/// so nothing in it can act as an escape sequence; terminals that do not allow it ignore it.
/// Works over SSH too, as it is the viewer's own terminal that does it.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// What crossterm writes for a frame, made fit for any terminal and smaller:
/// - colours 0–15 (`38;5;N`, `48;5;N`, which a 16-colour terminal may not understand) become
///   the classic codes `30–37`/`90–97` and `40–47`/`100–107`. They mean the same on every
///   terminal that knows both, so the rewrite is always on;
/// - a cursor move to where the cursor already is (after each Chinese character, see
///   [`cursor`]) is left out.
pub struct FrameWriter<W: Write> {
    inner: W,
    /// An escape sequence not yet complete.
    pending: Vec<u8>,
    cursor: Cursor,
}

/// Longer than any SGR crossterm writes; anything longer is passed on untouched.
const MAX_SEQUENCE: usize = 64;

impl<W: Write> FrameWriter<W> {
    pub fn new(inner: W) -> Self {
        FrameWriter {
            inner,
            pending: Vec::new(),
            cursor: Cursor::default(),
        }
    }

    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    pub fn get_mut(&mut self) -> &mut W {
        &mut self.inner
    }

    /// Takes one byte of an escape sequence; writes the sequence once it is complete.
    fn push_escape_byte(&mut self, byte: u8) -> io::Result<()> {
        self.pending.push(byte);
        let complete = match self.pending.as_slice() {
            [0x1b] => false,
            [0x1b, b'['] => false,
            [0x1b, b'[', .., last] => (0x40..=0x7e).contains(last),
            // Not a CSI: nothing to rewrite.
            _ => true,
        };
        if complete || self.pending.len() > MAX_SEQUENCE {
            let sequence = std::mem::take(&mut self.pending);
            if !self.cursor.keep(&sequence) {
                return Ok(());
            }
            match rewrite_sgr(&sequence) {
                Some(rewritten) => self.inner.write_all(rewritten.as_bytes())?,
                None => self.inner.write_all(&sequence)?,
            }
        }
        Ok(())
    }
}

impl<W: Write> Write for FrameWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while !rest.is_empty() {
            if self.pending.is_empty() {
                let plain = rest.iter().position(|&b| b == 0x1b).unwrap_or(rest.len());
                self.inner.write_all(&rest[..plain])?;
                self.cursor.after_text(&rest[..plain]);
                rest = &rest[plain..];
                if let Some((&escape, tail)) = rest.split_first() {
                    self.push_escape_byte(escape)?;
                    rest = tail;
                }
            } else {
                self.push_escape_byte(rest[0])?;
                rest = &rest[1..];
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        // crossterm never flushes inside a sequence; if something did, send what there is.
        let pending = std::mem::take(&mut self.pending);
        if !pending.is_empty() {
            self.cursor = Cursor::default();
        }
        self.inner.write_all(&pending)?;
        self.inner.flush()
    }
}

/// `ESC [ params m` with every `38;5;N` / `48;5;N` (N < 16) as its classic code; `None` when
/// the sequence is not an SGR or needs no change.
fn rewrite_sgr(sequence: &[u8]) -> Option<String> {
    let params = sequence.strip_prefix(b"\x1b[")?.strip_suffix(b"m")?;
    let params = std::str::from_utf8(params).ok()?;
    if !params.bytes().all(|b| b.is_ascii_digit() || b == b';') {
        return None;
    }
    let parts: Vec<&str> = params.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(parts.len());
    let mut changed = false;
    let mut i = 0;
    while i < parts.len() {
        let base = match parts[i] {
            "38" => Some(30),
            "48" => Some(40),
            _ => None,
        };
        match (base, parts.get(i + 1), parts.get(i + 2)) {
            (Some(base), Some(&"5"), Some(n)) => {
                match n.parse::<u16>() {
                    Ok(n @ 0..=7) => {
                        out.push((base + n).to_string());
                        changed = true;
                    }
                    Ok(n @ 8..=15) => {
                        out.push((base + 60 + n - 8).to_string());
                        changed = true;
                    }
                    _ => out.extend(parts[i..i + 3].iter().map(|p| p.to_string())),
                }
                i += 3;
            }
            // 24-bit colour: its three numbers are not codes of their own.
            (Some(_), Some(&"2"), _) => {
                let end = (i + 5).min(parts.len());
                out.extend(parts[i..end].iter().map(|p| p.to_string()));
                i = end;
            }
            _ => {
                out.push(parts[i].to_string());
                i += 1;
            }
        }
    }
    changed.then(|| format!("\x1b[{}m", out.join(";")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(chunks: &[&[u8]]) -> String {
        let mut writer = FrameWriter::new(Vec::new());
        for chunk in chunks {
            writer.write_all(chunk).unwrap();
        }
        writer.flush().unwrap();
        String::from_utf8(writer.get_ref().clone()).unwrap()
    }

    #[test]
    fn osc52_carries_the_text_base64_encoded() {
        assert_eq!(osc52("天津"), "\x1b]52;c;5aSp5rSl\x07");
        assert!(!osc52("a\x1b]0;x\x07").contains("]0;"));
    }

    #[test]
    fn the_sixteen_colours_become_classic_codes() {
        assert_eq!(through(&[b"\x1b[38;5;4m"]), "\x1b[34m");
        assert_eq!(through(&[b"\x1b[38;5;12m"]), "\x1b[94m");
        assert_eq!(through(&[b"\x1b[48;5;0m"]), "\x1b[40m");
        assert_eq!(through(&[b"\x1b[48;5;15m"]), "\x1b[107m");
        assert_eq!(through(&[b"\x1b[38;5;0;48;5;14m"]), "\x1b[30;106m");
    }

    #[test]
    fn other_sequences_and_text_pass_untouched_even_split_across_writes() {
        assert_eq!(through(&[b"\x1b[38;5;245m"]), "\x1b[38;5;245m");
        assert_eq!(through(&[b"\x1b[38;2;5;5;5m"]), "\x1b[38;2;5;5;5m");
        assert_eq!(through(&[b"\x1b[1m\x1b[10;4H"]), "\x1b[1m\x1b[10;4H");
        assert_eq!(
            through(&[b"a\x1b[3", b"8;5;", b"1mb\x1b[0m"]),
            "a\x1b[31mb\x1b[0m"
        );
        assert_eq!(
            through(&["天津".as_bytes(), b"\x1b[?2026h"]),
            "天津\x1b[?2026h"
        );
    }

    /// A writer the test can read after the terminal has taken it.
    #[derive(Clone, Default)]
    struct Shared(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_frame_at_16_colours_sends_no_256_colour_codes() {
        use std::sync::Arc;

        use crate::app::{Catalog, Tab};
        use crate::data::embedded;
        use crate::ui::theme::{Depth, Scheme};

        let catalog = Arc::new(Catalog::new(Arc::new(embedded().unwrap())));
        for scheme in [Scheme::Dark, Scheme::Light] {
            let theme = Theme::new(Depth::Ansi16).with_scheme(scheme);
            let mut app = App::new(catalog.clone(), 100, 30);
            app.update(crate::app::Action::GoTo(Tab::Initiatives));
            let bytes = Shared::default();
            let backend = CrosstermBackend::new(FrameWriter::new(bytes.clone()));
            let mut terminal = Terminal::with_options(
                backend,
                ratatui::TerminalOptions {
                    viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 100, 30)),
                },
            )
            .unwrap();
            draw_synchronized(&mut terminal, &app, &theme).unwrap();
            let bytes = bytes.0.lock().unwrap().clone();
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("38;5;") && !text.contains("48;5;"),
                "{scheme:?}"
            );
            assert!(
                text.contains("\x1b[44m") || text.contains(";44m"),
                "status bar blue"
            );
            assert!(text.starts_with("\x1b[?2026h") && text.ends_with("\x1b[?2026l"));
        }
    }

    /// Every tab, before and after a key, drawn three ways: straight from crossterm through
    /// ratatui's `Terminal`, through the writer, and as an SSH viewer's changes from one kept
    /// buffer. A terminal shows the same screen each time, from far fewer bytes.
    #[test]
    fn the_screen_is_the_same_without_the_moves_it_leaves_out_and_from_one_buffer() {
        use std::sync::Arc;

        use strum::IntoEnumIterator;

        use crate::app::{Catalog, Tab};
        use crate::data::embedded;
        use crate::ui::theme::Depth;

        fn terminal<W: Write>(writer: W) -> Terminal<CrosstermBackend<W>> {
            Terminal::with_options(
                CrosstermBackend::new(writer),
                ratatui::TerminalOptions {
                    viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, 120, 40)),
                },
            )
            .unwrap()
        }

        let catalog = Arc::new(Catalog::new(Arc::new(embedded().unwrap())));
        let theme = Theme::new(Depth::Ansi256);
        let (compact, plain, changes) = (Shared::default(), Shared::default(), Shared::default());
        let mut through_writer = terminal(FrameWriter::new(compact.clone()));
        let mut straight = terminal(plain.clone());
        let mut backend = CrosstermBackend::new(FrameWriter::new(changes.clone()));
        let mut shown = Buffer::empty(Rect::new(0, 0, 120, 40));
        let mut app = App::new(catalog, 120, 40);
        for tab in Tab::iter() {
            app.update(crate::app::Action::GoTo(tab));
            for step in 0..3 {
                if step > 0 {
                    app.update(crate::app::Action::Down);
                }
                draw_synchronized(&mut through_writer, &app, &theme).unwrap();
                draw_synchronized(&mut straight, &app, &theme).unwrap();
                draw_changes(&mut backend, &mut shown, &app, &theme).unwrap();
                let screen = |bytes: &Shared| {
                    let mut parser = vt100::Parser::new(40, 120, 0);
                    parser.process(&bytes.0.lock().unwrap());
                    parser.screen().clone()
                };
                let expected = screen(&plain);
                for (how, bytes) in [("writer", &compact), ("changes", &changes)] {
                    let got = screen(bytes);
                    for row in 0..40 {
                        for col in 0..120 {
                            let cell = |s: &vt100::Screen| {
                                s.cell(row, col)
                                    .map(|c| (c.contents().to_string(), c.fgcolor(), c.bgcolor()))
                            };
                            assert_eq!(
                                cell(&got),
                                cell(&expected),
                                "{how}: {tab:?} step {step}: row {row} column {col}"
                            );
                        }
                    }
                }
            }
        }
        let size = |bytes: &Shared| bytes.0.lock().unwrap().len();
        let (compact, plain, changes) = (size(&compact), size(&plain), size(&changes));
        assert!(compact * 3 < plain * 2, "{compact} bytes against {plain}");
        assert_eq!(
            changes, compact,
            "the same bytes from one buffer as from two"
        );
    }
}
