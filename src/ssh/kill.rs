//! A TCP stream the server can cut. russh owns a connection's stream once it runs, and a
//! client that stops reading can leave its session blocked in a write for ever; cutting the
//! stream makes every read and write fail, so the session ends and its place is freed.

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Waker};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

#[derive(Debug, Default)]
struct State {
    cut: AtomicBool,
    /// The tasks waiting on the stream, woken when it is cut.
    wakers: Mutex<Vec<Waker>>,
}

/// Cuts its stream; cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct KillSwitch(Arc<State>);

impl KillSwitch {
    pub fn cut(&self) {
        self.0.cut.store(true, Ordering::SeqCst);
        let wakers =
            std::mem::take(&mut *self.0.wakers.lock().unwrap_or_else(PoisonError::into_inner));
        for waker in wakers {
            waker.wake();
        }
    }

    pub fn is_cut(&self) -> bool {
        self.0.cut.load(Ordering::SeqCst)
    }
}

pub struct Killable<S> {
    inner: S,
    switch: KillSwitch,
}

impl<S> Killable<S> {
    pub fn new(inner: S) -> (Self, KillSwitch) {
        let switch = KillSwitch::default();
        (
            Killable {
                inner,
                switch: switch.clone(),
            },
            switch,
        )
    }

    /// `Err` once cut; otherwise remembers who waits, so that cutting wakes them.
    fn check(&self, cx: &Context<'_>) -> io::Result<()> {
        if self.switch.is_cut() {
            return Err(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "cut by the server",
            ));
        }
        let mut wakers = self
            .switch
            .0
            .wakers
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if !wakers.iter().any(|w| w.will_wake(cx.waker())) {
            wakers.push(cx.waker().clone());
        }
        Ok(())
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Killable<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        this.check(cx)?;
        Pin::new(&mut this.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Killable<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bytes: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        this.check(cx)?;
        Pin::new(&mut this.inner).poll_write(cx, bytes)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        this.check(cx)?;
        Pin::new(&mut this.inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}
