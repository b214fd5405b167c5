//! The server's log, for operators: one line per connection when it ends (who, how they
//! logged in, their key's fingerprint, terminal, size, duration, bytes, and a reason word a
//! fail2ban filter can match), one per refusal, and a periodic stats line. Every line has a
//! UTC timestamp, and every value from a client is quoted and sanitised.

use std::fmt::Write as _;
use std::io::Write as _;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use crate::text::{sanitize, truncate};

/// Where log lines go.
#[derive(Debug)]
pub enum Log {
    Stderr,
    File(Mutex<std::fs::File>),
    /// Tests that do not want the noise.
    Discard,
}

impl Log {
    /// Appends to `path` (made with mode 0600: it names who connected).
    pub fn file(path: &Path) -> std::io::Result<Log> {
        use std::os::unix::fs::OpenOptionsExt;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)?;
        Ok(Log::File(Mutex::new(file)))
    }

    /// Writes one line, stamped with the time.
    pub fn line(&self, text: &str) {
        let stamp = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let line = format!("{stamp} sco-dash serve: {text}\n");
        match self {
            Log::Stderr => {
                let _ = std::io::stderr().write_all(line.as_bytes());
            }
            Log::File(file) => {
                let mut file = file.lock().unwrap_or_else(PoisonError::into_inner);
                let _ = file.write_all(line.as_bytes());
            }
            Log::Discard => {}
        }
    }
}

/// How long a client-chosen value may be in the log.
const VALUE_WIDTH: usize = 32;

/// A value from a client, safe to print: sanitised, cut, quoted.
pub fn quoted(value: &str) -> String {
    format!("{:?}", truncate(&sanitize(value), VALUE_WIDTH))
}

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
    /// logged at once, with the connection's address.
    pub fn refused(&self, what: &'static str) {
        self.stats.count("refused-request");
        self.log
            .line(&format!("{} refused-request what={what}", self.peer));
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
        self.log.line(&self.line());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
