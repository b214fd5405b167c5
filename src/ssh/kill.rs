//! A TCP stream the server can cut. russh owns a connection's stream once it runs, and a
//! client that stops reading can leave its session blocked in a write for ever; cutting the
//! stream makes every read and write fail, so the session ends and its place is freed. A
//! write that waits for the client to make room gives up after the stall timeout (see
//! [`Room`]), whatever SSH window the client advertised.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{Instant, Sleep};
use tokio_util::sync::{CancellationToken, WaitForCancellationFutureOwned};

/// Cuts its stream; cheap to clone. Also tells whether the client has sent a whole line yet
/// (its SSH version string): the pre-login pool closes those that have not first; and
/// whether the stream was cut because the client stopped reading.
#[derive(Debug, Clone, Default)]
pub struct KillSwitch {
    cut: CancellationToken,
    hello: Arc<AtomicBool>,
    stalled: Arc<AtomicBool>,
}

impl KillSwitch {
    pub fn cut(&self) {
        self.cut.cancel();
    }

    pub fn is_cut(&self) -> bool {
        self.cut.is_cancelled()
    }

    /// Resolves once the stream is cut.
    pub async fn cancelled(&self) {
        self.cut.cancelled().await;
    }

    /// Whether the client has sent its version string (a line) yet.
    pub fn said_hello(&self) -> bool {
        self.hello.load(Ordering::Relaxed)
    }

    /// Marks the version string as sent (a stream not read through [`Killable`]).
    pub fn hello(&self) {
        self.hello.store(true, Ordering::Relaxed);
    }

    /// Whether the stream was cut because the client took none of what was written to it
    /// for the stall timeout.
    pub fn stalled(&self) -> bool {
        self.stalled.load(Ordering::SeqCst)
    }

    fn cut_stalled(&self) {
        // Set before the cut, so that whoever sees the connection end sees why.
        self.stalled.store(true, Ordering::SeqCst);
        self.cut();
    }
}

/// How long a write may wait for a client that takes none of it. The SSH window says how
/// much a client may be sent before it acknowledges, not that it reads: a client advertising
/// 2 GiB and reading nothing would otherwise hold a session blocked in a write (and its place,
/// and its screen) until the idle timeout. What counts is what is still queued for the
/// socket, and whether the client takes any of it. Read against the `now` its caller passes:
/// the stream passes the runtime's clock, tests a clock of their own.
#[derive(Debug, Clone, Copy)]
pub struct Room {
    stall: Duration,
    /// Since when bytes have been waiting for the client to take them, while they are.
    waiting_since: Option<Instant>,
}

impl Room {
    pub fn new(stall: Duration) -> Room {
        Room {
            stall,
            waiting_since: None,
        }
    }

    /// Bytes are waiting for room at `now`: when the write gives up if the client still
    /// takes none. Counted from the first wait, however often the write is retried.
    pub fn waiting(&mut self, now: Instant) -> Instant {
        *self.waiting_since.get_or_insert(now) + self.stall
    }

    /// The client took some: the next wait starts afresh.
    pub fn taken(&mut self) {
        self.waiting_since = None;
    }

    /// Whether, at `now`, bytes have waited the whole stall timeout.
    pub fn stalled(&self, now: Instant) -> bool {
        self.waiting_since
            .is_some_and(|since| now.saturating_duration_since(since) >= self.stall)
    }
}

pub struct Killable<S> {
    inner: S,
    switch: KillSwitch,
    /// One wait for each direction: reads and writes may be polled by different tasks, and
    /// each must be woken when the stream is cut.
    cut_reading: Pin<Box<WaitForCancellationFutureOwned>>,
    cut_writing: Pin<Box<WaitForCancellationFutureOwned>>,
    room: Room,
    /// Wakes a blocked write when the stall timeout is up; made at the first wait and reset
    /// after.
    stall_timer: Option<Pin<Box<Sleep>>>,
}

impl<S> Killable<S> {
    /// `inner`, whose writes give up after waiting `stall` for a client that takes nothing.
    pub fn new(inner: S, stall: Duration) -> (Self, KillSwitch) {
        let switch = KillSwitch::default();
        let killable = Killable {
            inner,
            switch: switch.clone(),
            cut_reading: Box::pin(switch.cut.clone().cancelled_owned()),
            cut_writing: Box::pin(switch.cut.clone().cancelled_owned()),
            room: Room::new(stall),
            stall_timer: None,
        };
        (killable, switch)
    }

    /// The stream itself.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }

    /// A write found no room: pending until there is, or an error (and the stream cut) once
    /// the client has taken nothing for the stall timeout.
    fn wait_for_room<T>(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<T>> {
        let now = Instant::now();
        let deadline = self.room.waiting(now);
        let timer = match &mut self.stall_timer {
            Some(timer) => {
                if timer.deadline() != deadline {
                    timer.as_mut().reset(deadline);
                }
                timer
            }
            None => self
                .stall_timer
                .insert(Box::pin(tokio::time::sleep_until(deadline))),
        };
        if timer.as_mut().poll(cx).is_pending() && !self.room.stalled(now) {
            return Poll::Pending;
        }
        self.switch.cut_stalled();
        Poll::Ready(Err(io::Error::new(
            io::ErrorKind::TimedOut,
            "the client stopped reading",
        )))
    }
}

/// `Err` once cut; otherwise the task is woken when it is.
fn check(
    cut: &mut Pin<Box<WaitForCancellationFutureOwned>>,
    cx: &mut Context<'_>,
) -> io::Result<()> {
    match cut.as_mut().poll(cx) {
        Poll::Ready(()) => Err(io::Error::new(
            io::ErrorKind::ConnectionAborted,
            "cut by the server",
        )),
        Poll::Pending => Ok(()),
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Killable<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        check(&mut this.cut_reading, cx)?;
        let before = buf.filled().len();
        let read = Pin::new(&mut this.inner).poll_read(cx, buf);
        if !this.switch.said_hello() && buf.filled()[before..].contains(&b'\n') {
            this.switch.hello();
        }
        read
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Killable<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bytes: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        check(&mut this.cut_writing, cx)?;
        match Pin::new(&mut this.inner).poll_write(cx, bytes) {
            Poll::Pending => this.wait_for_room(cx),
            written => {
                this.room.taken();
                written
            }
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        check(&mut this.cut_writing, cx)?;
        match Pin::new(&mut this.inner).poll_flush(cx) {
            Poll::Pending => this.wait_for_room(cx),
            flushed => flushed,
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncReadExt;

    #[tokio::test]
    async fn cutting_wakes_a_blocked_reader_with_an_error() {
        let (_keep, far) = tokio::io::duplex(64);
        let (mut stream, switch) = Killable::new(far, std::time::Duration::from_secs(60));
        let reader = tokio::spawn(async move {
            let mut byte = [0u8; 1];
            stream.read(&mut byte).await
        });
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        switch.cut();
        let read = tokio::time::timeout(std::time::Duration::from_secs(2), reader)
            .await
            .expect("woken")
            .expect("no panic");
        assert_eq!(read.unwrap_err().kind(), io::ErrorKind::ConnectionAborted);
    }

    fn secs(n: u64) -> std::time::Duration {
        std::time::Duration::from_secs(n)
    }

    #[test]
    fn a_write_gives_up_a_stall_timeout_after_the_client_last_took_anything() {
        let start = Instant::now();
        let mut room = Room::new(secs(20));
        // Retried every few seconds, the wait still counts from the first try.
        for n in 0..5 {
            assert_eq!(room.waiting(start + secs(4 * n)), start + secs(20));
        }
        assert!(!room.stalled(start + secs(19)));
        assert!(room.stalled(start + secs(20)));
    }

    #[test]
    fn a_client_that_takes_a_little_now_and_then_is_never_stalled() {
        let start = Instant::now();
        let mut room = Room::new(secs(20));
        // A slow link: room for a few bytes every 15 s, for ten minutes.
        for n in 0..40 {
            let now = start + secs(15 * n);
            assert_eq!(room.waiting(now), now + secs(20));
            assert!(!room.stalled(now + secs(15)), "at {} s", 15 * (n + 1));
            room.taken();
        }
        assert!(!room.stalled(start + secs(3600)), "nothing waiting");
    }

    #[tokio::test]
    async fn a_client_that_reads_nothing_is_cut_whatever_it_may_buffer() {
        use tokio::io::AsyncWriteExt;
        // The far end never reads: the write waits for room that never comes.
        let (_far, near) = tokio::io::duplex(1024);
        let (mut stream, switch) = Killable::new(near, std::time::Duration::from_millis(50));
        let write = tokio::time::timeout(secs(30), stream.write_all(&[b'x'; 4096]))
            .await
            .expect("gives up");
        assert_eq!(write.unwrap_err().kind(), io::ErrorKind::TimedOut);
        assert!(switch.stalled() && switch.is_cut());
    }

    #[tokio::test]
    async fn a_client_that_reads_is_not_cut() {
        use tokio::io::AsyncWriteExt;
        let (mut far, near) = tokio::io::duplex(1024);
        let (mut stream, switch) = Killable::new(near, secs(20));
        let reader = tokio::spawn(async move {
            let mut all = Vec::new();
            far.read_to_end(&mut all).await.map(|_| all.len())
        });
        stream
            .write_all(&[b'x'; 256 * 1024])
            .await
            .expect("written");
        stream.shutdown().await.expect("closed");
        assert_eq!(reader.await.expect("no panic").expect("read"), 256 * 1024);
        assert!(!switch.stalled() && !switch.is_cut());
    }
}
