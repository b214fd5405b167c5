//! The server's log, for operators: one line per connection when it ends (who, how they
//! logged in, their key's fingerprint, terminal, size, duration, bytes, and a reason word a
//! fail2ban filter can match), one per refusal, and a periodic stats line. Every line has a
//! UTC timestamp, and every value from a client is quoted and sanitised.

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{RecvTimeoutError, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use crate::text::{sanitize, truncate};

/// Where log lines go. Lines are handed to a writer thread of the log's own through a
/// bounded queue: a sink that is slow or paused (a terminal after Ctrl-S, a pipe nobody
/// reads) never holds up the server. When the queue is full a line is dropped and counted,
/// and the writer says how many (`… 1,234 lines dropped`) once it can write again.
#[derive(Debug)]
pub enum Log {
    Queued(Queue),
    /// Tests that do not want the noise.
    Discard,
}

#[derive(Debug)]
pub struct Queue {
    sender: SyncSender<Message>,
    dropped: Arc<AtomicU64>,
    to_file: bool,
}

#[derive(Debug)]
enum Message {
    Line(String),
    /// Answered once every line before it is written.
    Flush(std::sync::mpsc::Sender<()>),
}

/// Lines waiting for the writer at most.
const QUEUE: usize = 1024;

impl Log {
    /// Lines to stderr (written through a handle of its own: a writer blocked on a paused
    /// terminal holds no lock anyone else needs).
    pub fn stderr() -> Log {
        use std::os::fd::AsFd;
        match std::io::stderr().as_fd().try_clone_to_owned() {
            Ok(fd) => Log::to(std::fs::File::from(fd), false),
            Err(_) => Log::to(std::io::stderr(), false),
        }
    }

    /// Appends to `path` (made with mode 0600: it names who connected).
    pub fn file(path: &Path) -> std::io::Result<Log> {
        use std::os::unix::fs::OpenOptionsExt;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)?;
        Ok(Log::to(file, true))
    }

    /// Lines to `sink`, written by a thread of their own.
    pub fn to(mut sink: impl std::io::Write + Send + 'static, to_file: bool) -> Log {
        let (sender, receiver) = sync_channel::<Message>(QUEUE);
        let dropped = Arc::new(AtomicU64::new(0));
        let counted = Arc::clone(&dropped);
        let spawned = std::thread::Builder::new()
            .name("sco-dash-log".into())
            .spawn(move || {
                let say_dropped = |sink: &mut dyn std::io::Write| {
                    let n = counted.swap(0, Ordering::Relaxed);
                    if n > 0 {
                        let text = format!("… {} lines dropped (the log was slow)", grouped(n));
                        let _ = sink.write_all(stamped(&text).as_bytes());
                    }
                };
                loop {
                    match receiver.recv_timeout(std::time::Duration::from_secs(1)) {
                        Ok(Message::Line(line)) => {
                            say_dropped(&mut sink);
                            let _ = sink.write_all(line.as_bytes());
                        }
                        Ok(Message::Flush(done)) => {
                            say_dropped(&mut sink);
                            let _ = sink.flush();
                            let _ = done.send(());
                        }
                        Err(RecvTimeoutError::Timeout) => say_dropped(&mut sink),
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
            });
        if spawned.is_err() {
            return Log::Discard;
        }
        Log::Queued(Queue {
            sender,
            dropped,
            to_file,
        })
    }

    /// Whether the lines go to a file (`--log`).
    pub fn is_file(&self) -> bool {
        matches!(self, Log::Queued(Queue { to_file: true, .. }))
    }

    /// Queues one line, stamped with the time; drops it (and counts it) if the queue is full.
    pub fn line(&self, text: &str) {
        if let Log::Queued(queue) = self {
            let sent = queue.sender.try_send(Message::Line(stamped(text)));
            if let Err(TrySendError::Full(_)) = sent {
                queue.dropped.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// Lines dropped since the writer last said how many.
    pub fn dropped(&self) -> u64 {
        match self {
            Log::Queued(queue) => queue.dropped.load(Ordering::Relaxed),
            Log::Discard => 0,
        }
    }

    /// Waits until the lines queued so far are written, `within` at most (at exit: the last
    /// lines are not lost, and a stuck sink does not keep the process).
    pub fn flush(&self, within: std::time::Duration) -> bool {
        let Log::Queued(queue) = self else {
            return true;
        };
        let (done, written) = std::sync::mpsc::channel();
        let deadline = std::time::Instant::now() + within;
        let mut message = Message::Flush(done);
        loop {
            match queue.sender.try_send(message) {
                Ok(()) => break,
                Err(TrySendError::Full(back)) if std::time::Instant::now() < deadline => {
                    message = back;
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                Err(_) => return false,
            }
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        written.recv_timeout(left).is_ok()
    }
}

fn stamped(text: &str) -> String {
    let stamp = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    format!("{stamp} sco-dash serve: {text}\n")
}

/// `1234567` as `1,234,567`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut text = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// How long a client-chosen value may be in the log.
const VALUE_WIDTH: usize = 32;

/// How many bytes of a client-chosen value are looked at: cut before anything else, since
/// one cell can hold any number of combining marks, and escaping makes each of them longer.
const VALUE_BYTES: usize = 128;

/// The longest start of `value` within `max` bytes, cut at a character's boundary.
pub fn cut_bytes(value: &str, max: usize) -> &str {
    let mut end = value.len().min(max);
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    &value[..end]
}

/// A value from a client, safe to print: cut by bytes, sanitised, cut by cells, quoted.
pub fn quoted(value: &str) -> String {
    let value = cut_bytes(value, VALUE_BYTES);
    format!("{:?}", truncate(&sanitize(value), VALUE_WIDTH))
}

/// Refused requests (forwards, X11, a second session) one connection gets a log line for
/// each; later ones are counted in one line when it ends.
pub const LOGGED_REFUSALS: u64 = 5;

/// Counts for the periodic stats line.
#[derive(Debug, Default)]
pub struct Stats {
    counts: Mutex<std::collections::BTreeMap<&'static str, u64>>,
}

impl Stats {
    pub fn count(&self, word: &'static str) {
        *self
            .counts
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(word)
            .or_default() += 1;
    }

    /// `word=N` for every reason seen so far, in a stable order.
    pub fn summary(&self) -> String {
        let counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        let mut text = String::new();
        for (word, n) in counts.iter() {
            let _ = write!(text, " {word}={n}");
        }
        text
    }
}

#[derive(Debug)]
pub struct Record {
    peer: SocketAddr,
    started: Instant,
    pub bytes_in: AtomicU64,
    pub bytes_out: AtomicU64,
    refusals: AtomicU64,
    fields: Mutex<Fields>,
    log: Arc<Log>,
    stats: Arc<Stats>,
}

#[derive(Debug, Default)]
struct Fields {
    user: Option<String>,
    auth: Option<String>,
    key: Option<String>,
    term: Option<String>,
    size: Option<(u16, u16)>,
    end: Option<&'static str>,
}

impl Record {
    pub fn new(peer: SocketAddr, log: Arc<Log>, stats: Arc<Stats>) -> Self {
        Record {
            peer,
            started: Instant::now(),
            bytes_in: AtomicU64::new(0),
            bytes_out: AtomicU64::new(0),
            refusals: AtomicU64::new(0),
            fields: Mutex::new(Fields::default()),
            log,
            stats,
        }
    }

    fn with(&self, f: impl FnOnce(&mut Fields)) {
        f(&mut self.fields.lock().unwrap_or_else(PoisonError::into_inner));
    }

    pub fn user(&self, user: &str) {
        self.with(|f| f.user = Some(user.to_string()));
    }

    pub fn auth(&self, auth: &str) {
        self.with(|f| f.auth = Some(auth.to_string()));
    }

    /// The fingerprint of the key offered last (accepted or not).
    pub fn key(&self, fingerprint: String) {
        self.with(|f| f.key = Some(fingerprint));
    }

    pub fn term(&self, term: &str) {
        self.with(|f| f.term = Some(term.to_string()));
    }

    pub fn size(&self, width: u16, height: u16) {
        self.with(|f| f.size = Some((width, height)));
    }

    /// Why the connection ended; the first reason given is kept.
    pub fn end(&self, reason: &'static str) {
        self.with(|f| {
            f.end.get_or_insert(reason);
        });
    }

    pub fn ended(&self) -> Option<&'static str> {
        self.fields
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .end
    }

    /// Something the client asked for and did not get (a forward, X11, a second session):
    /// the first few logged at once, with the connection's address, the rest counted in a
    /// line when the connection ends. How many so far.
    pub fn refused(&self, what: &'static str) -> u64 {
        self.stats.count("refused-request");
        let n = self.refusals.fetch_add(1, Ordering::Relaxed) + 1;
        if n <= LOGGED_REFUSALS {
            self.log
                .line(&format!("{} refused-request what={what}", self.peer));
        }
        n
    }

    pub fn line(&self) -> String {
        let fields = self.fields.lock().unwrap_or_else(PoisonError::into_inner);
        let quote = |v: &Option<String>| v.as_deref().map_or_else(|| "-".to_string(), quoted);
        let mut line = format!(
            "{} end={} user={} auth={} key={} term={}",
            self.peer,
            fields.end.unwrap_or("disconnected"),
            quote(&fields.user),
            fields.auth.as_deref().unwrap_or("-"),
            fields.key.as_deref().unwrap_or("-"),
            quote(&fields.term),
        );
        match fields.size {
            Some((w, h)) => {
                let _ = write!(line, " size={w}x{h}");
            }
            None => line.push_str(" size=-"),
        }
        let _ = write!(
            line,
            " duration={:.1}s in={}B out={}B",
            self.started.elapsed().as_secs_f64(),
            self.bytes_in.load(Ordering::Relaxed),
            self.bytes_out.load(Ordering::Relaxed),
        );
        line
    }
}

impl Drop for Record {
    fn drop(&mut self) {
        self.stats.count(self.ended().unwrap_or("disconnected"));
        let more = self
            .refusals
            .load(Ordering::Relaxed)
            .saturating_sub(LOGGED_REFUSALS);
        if more > 0 {
            self.log.line(&format!(
                "{} refused-request … {} more refused requests",
                self.peer,
                grouped(more)
            ));
        }
        self.log.line(&self.line());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sink that takes nothing until it is let go, like a pipe nobody reads.
    struct Stuck(std::sync::mpsc::Receiver<()>, Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Stuck {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            let _ = self.0.recv();
            self.1
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_stuck_sink_drops_and_counts_lines_and_never_waits() {
        let (go, wait) = std::sync::mpsc::channel();
        let written = Arc::new(Mutex::new(Vec::new()));
        let log = Log::to(Stuck(wait, Arc::clone(&written)), false);
        // Far more lines than the queue holds, with the sink taking none: none of them waits
        // (the test would hang here otherwise), and those past the queue are counted.
        let lines = QUEUE as u64 * 3;
        for n in 0..lines {
            log.line(&format!("line {n}"));
        }
        let dropped = log.dropped();
        assert!(dropped > 0, "some were dropped");
        assert!(
            !log.flush(std::time::Duration::from_millis(50)),
            "still stuck"
        );
        // Let the sink go: what was queued is written, and how many were dropped. Every line
        // is either written or counted.
        drop(go);
        assert!(log.flush(std::time::Duration::from_secs(30)));
        let text = String::from_utf8(
            written
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone(),
        )
        .unwrap_or_default();
        let written_lines = text.lines().filter(|l| l.contains(": line ")).count() as u64;
        let counted: u64 = text
            .lines()
            .filter_map(|l| l.split("… ").nth(1)?.split(" lines dropped").next())
            .filter_map(|n| n.replace(',', "").parse::<u64>().ok())
            .sum();
        assert!(written_lines <= QUEUE as u64 + 1, "{written_lines}");
        assert_eq!(
            written_lines + counted,
            lines,
            "{}",
            &text[text.len().saturating_sub(300)..]
        );
        assert_eq!(grouped(1_234), "1,234");
        assert_eq!(grouped(999), "999");
    }

    #[test]
    fn client_values_are_quoted_cut_and_cleaned() {
        let record = Record::new(
            "127.0.0.1:5000".parse().unwrap(),
            Arc::new(Log::Discard),
            Arc::default(),
        );
        record.user(&format!("evil\u{1b}]0;title\u{7}{}", "x".repeat(100)));
        record.end("auth-failed");
        let line = record.line();
        assert!(line.contains("end=auth-failed"), "{line}");
        assert!(!line.chars().any(|c| c.is_control()), "{line}");
        assert!(line.len() < 200, "{line}");
        // One cell of 120,000 combining marks: cut by bytes before it is escaped.
        record.user(&format!("x{}", "\u{301}".repeat(120_000)));
        let line = record.line();
        assert!(line.len() < 1_000, "{} bytes", line.len());
        assert_eq!(cut_bytes("aé", 2), "a");
    }
}
