//! A program in a pseudo-terminal, read through a terminal emulator (vt100), as a person at
//! a terminal would see it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// How long a test waits for what it expects before it fails: a guard against hanging, not
/// a measure of speed.
pub const WAIT: Duration = Duration::from_secs(30);

pub struct Session {
    pub screen: Arc<Mutex<vt100::Parser>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    /// Every byte the program wrote, for what the screen does not keep (OSC 52, …).
    pub raw: Arc<Mutex<Vec<u8>>>,
    /// The thread that reads the program's output; it ends at the end of the output.
    reader: Option<std::thread::JoinHandle<()>>,
    /// Kept open while the session lives (the reader reads from a clone), and for resizing.
    master: Box<dyn portable_pty::MasterPty + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    pub fn spawn(command: CommandBuilder, rows: u16, cols: u16) -> Session {
        Session::spawn_answering(command, rows, cols, Vec::new())
    }

    /// As `spawn`, for a terminal that answers queries: when the program's output holds a
    /// query, the reply is typed back at once, in the order the queries came (as a terminal
    /// does, e.g. `ESC [ c` → DA1).
    pub fn spawn_answering(
        command: CommandBuilder,
        rows: u16,
        cols: u16,
        answers: Vec<(&'static str, &'static str)>,
    ) -> Session {
        Session::spawn_answering_after(command, rows, cols, answers, Duration::ZERO)
    }

    /// As `spawn_answering`, for a terminal at the end of a slow link: each answer comes
    /// `delay` after its question. (The delay is the link's, part of what is tested: nothing
    /// waits on it.)
    pub fn spawn_answering_after(
        command: CommandBuilder,
        rows: u16,
        cols: u16,
        answers: Vec<(&'static str, &'static str)>,
        delay: Duration,
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let child = pair
            .slave
            .spawn_command(command)
            .expect("the program starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = Arc::new(Mutex::new(pair.master.take_writer().unwrap()));
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_sink = Arc::clone(&raw);
        let sink = Arc::clone(&screen);
        let answer_to = Arc::clone(&writer);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let chunk = &buf[..n];
                raw_sink.lock().unwrap().extend_from_slice(chunk);
                // In the order the questions came, as a terminal answers them.
                let mut due: Vec<(usize, &str)> = answers
                    .iter()
                    .filter_map(|(query, reply)| {
                        let at = chunk
                            .windows(query.len())
                            .position(|w| w == query.as_bytes());
                        at.map(|at| (at, *reply))
                    })
                    .collect();
                due.sort();
                if !due.is_empty() {
                    std::thread::sleep(delay);
                }
                for (_, reply) in due {
                    let mut w = answer_to.lock().unwrap();
                    let _ = w.write_all(reply.as_bytes());
                    let _ = w.flush();
                }
                sink.lock().unwrap().process(chunk);
            }
        });
        Session {
            screen,
            writer,
            raw,
            reader: Some(reader),
            master: pair.master,
            child,
        }
    }

    pub fn send(&mut self, bytes: &str) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(bytes.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    /// Resizes as a terminal window does: the emulator's grid first (cutting what no longer
    /// fits), then the pty, which sends SIGWINCH.
    pub fn resize(&self, rows: u16, cols: u16) {
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`; fails with the screen as it is. The deadline only
    /// guards against hanging: how soon is for `scripts/measure.py` to say.
    pub fn expect(&self, text: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            let contents = self.contents();
            if contents.contains(text) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {text:?}; the screen shows:\n{contents}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits for the program to exit and for the reader to take in the last bytes it wrote
    /// (the reader ends at the end of the output, once the program's side of the pty is
    /// closed).
    pub fn wait_for_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + WAIT;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "the program did not exit");
            std::thread::sleep(Duration::from_millis(50));
        };
        while self.reader.as_ref().is_some_and(|r| !r.is_finished()) {
            assert!(
                Instant::now() < deadline,
                "the program exited, but its output did not end"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        if let Some(reader) = self.reader.take() {
            reader.join().expect("the reader thread");
        }
        status
    }
}
