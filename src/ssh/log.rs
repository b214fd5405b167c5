//! One line per connection on stderr, written when the connection's last user lets go of its
//! record: who, how they logged in, their terminal, how long, how many bytes, and why it ended.

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use crate::text::sanitize;

#[derive(Debug)]
pub struct Record {
    peer: SocketAddr,
    started: Instant,
    pub bytes_in: AtomicU64,
    pub bytes_out: AtomicU64,
    fields: Mutex<Fields>,
}

#[derive(Debug, Default)]
struct Fields {
    user: Option<String>,
    auth: Option<String>,
    term: Option<String>,
    size: Option<(u16, u16)>,
    end: Option<String>,
}

impl Record {
    pub fn new(peer: SocketAddr) -> Self {
        Record {
            peer,
            started: Instant::now(),
            bytes_in: AtomicU64::new(0),
            bytes_out: AtomicU64::new(0),
            fields: Mutex::new(Fields::default()),
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

    pub fn term(&self, term: &str) {
        self.with(|f| f.term = Some(term.to_string()));
    }

    pub fn size(&self, width: u16, height: u16) {
        self.with(|f| f.size = Some((width, height)));
    }

    /// Why the connection ended; the first reason given is kept.
    pub fn end(&self, reason: &str) {
        self.with(|f| {
            f.end.get_or_insert_with(|| reason.to_string());
        });
    }

    pub fn line(&self) -> String {
        let fields = self.fields.lock().unwrap_or_else(PoisonError::into_inner);
        // User names and TERM come from the client: quoted and cleaned, never raw.
        let quote = |v: &Option<String>| {
            v.as_deref()
                .map_or_else(|| "-".to_string(), |v| format!("{:?}", sanitize(v)))
        };
        let mut line = format!(
            "sco-dash serve: {} user={} auth={} term={}",
            self.peer,
            quote(&fields.user),
            fields.auth.as_deref().unwrap_or("-"),
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
            " duration={:.1}s in={}B out={}B end={}",
            self.started.elapsed().as_secs_f64(),
            self.bytes_in.load(Ordering::Relaxed),
            self.bytes_out.load(Ordering::Relaxed),
            fields.end.as_deref().unwrap_or("disconnected"),
        );
        line
    }
}

impl Drop for Record {
    fn drop(&mut self) {
        crate::term::report(self.line());
    }
}
