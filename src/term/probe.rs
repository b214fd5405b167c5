//! The start-up questions (see [`questions`]) on the local terminal: sent at once, answered on
//! their own thread while the first frame is made. Until the answers are in, that thread
//! alone reads the terminal, so no answer reaches the dashboard as keys; then it becomes the
//! event reader.

use std::io::{self, Read, Write};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crate::app::input::bytes::InputParser;
use crate::app::input::{Input, Key, KeyCode};
use crate::term::questions::{self, QUESTIONS};

/// What the terminal said, and the keys typed before it had.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Answers {
    pub said: questions::Answers,
    /// Printable keys typed before the answers came, in order (others are dropped: crossterm
    /// cannot be handed bytes to parse).
    pub typed: String,
}

/// A terminal that never answers DA1 (there should be none) is read for this long at most.
const PATIENCE: Duration = Duration::from_secs(1);

/// Keys kept from before the answers: more would be a paste, which has its own way in.
const MAX_TYPED: usize = 32;

/// Longer than all the answers together; what is read beyond it is not waited on.
const MAX_PENDING: usize = 4096;

/// Sends the questions (when `ask`) and returns at once; the answers arrive on the receiver,
/// after which `then` runs on the same thread.
pub fn ask(ask: bool, then: impl FnOnce() + Send + 'static) -> io::Result<Receiver<Answers>> {
    let (sender, answers) = mpsc::channel();
    if !ask || !answers_da1() {
        let _ = sender.send(Answers::default());
        std::thread::spawn(then);
        return Ok(answers);
    }
    let mut out = io::stdout().lock();
    out.write_all(QUESTIONS)?;
    out.flush()?;
    std::thread::spawn(move || {
        let _ = sender.send(read_answers(Instant::now() + PATIENCE));
        then();
    });
    Ok(answers)
}

/// Terminals known not to answer DA1 (or, like GNU screen, to answer it before passing the
/// colour question on, as `terminal-colorsaurus` notes): asked nothing.
fn answers_da1() -> bool {
    let term = std::env::var("TERM").unwrap_or_default();
    !(term.is_empty() || term == "Eterm" || term == "screen" || term.starts_with("screen."))
}

/// Reads the terminal until DA1's answer or the deadline.
fn read_answers(deadline: Instant) -> Answers {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};

    let stdin = io::stdin();
    let mut said = questions::Answers::default();
    let mut pending = Vec::new();
    // At least std's buffer size, so the read goes straight to the terminal and leaves
    // nothing buffered in this process that the event reader would not see.
    let mut buf = vec![0u8; 16 * 1024];
    while !said.done && pending.len() < MAX_PENDING {
        let left = deadline.saturating_duration_since(Instant::now());
        let Ok(timeout) = Timespec::try_from(left) else {
            break;
        };
        if left.is_zero() {
            break;
        }
        let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
        match poll(&mut fds, Some(&timeout)) {
            Ok(0) => break,
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => break,
        }
        match stdin.lock().read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => pending.extend_from_slice(&buf[..n]),
        }
        said.take_from(&mut pending);
    }
    Answers {
        said,
        typed: printable_keys(&pending),
    }
}

/// The printable keys among what was typed, read by the parser SSH viewers' bytes go
/// through; arrows, Enter, Alt and a key and the rest are left out.
fn printable_keys(bytes: &[u8]) -> String {
    InputParser::new()
        .feed(bytes)
        .into_iter()
        .filter_map(|input| match input {
            Input::Key(Key {
                code: KeyCode::Char(c),
                ctrl: false,
                alt: false,
            }) if c == ' ' || c.is_ascii_graphic() => Some(c),
            _ => None,
        })
        .take(MAX_TYPED)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_keys_typed_meanwhile_are_kept_and_sequences_dropped() {
        // Letters, an arrow key, Alt-x, F1 (SS3), Shift-F3, a digit.
        assert_eq!(printable_keys(b"jk\x1b[A\x1bx\x1bOP\x1b[1;2R5"), "jk5");
        assert_eq!(printable_keys(b"a\x1b[1;2"), "a", "a sequence cut short");
        assert_eq!(printable_keys(&[b'a'; 100]).len(), MAX_TYPED);
    }
}
