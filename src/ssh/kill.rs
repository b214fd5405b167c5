//! A TCP stream the server can cut. russh owns a connection's stream once it runs, and a
//! client that stops reading can leave its session blocked in a write for ever; cutting the
//! stream makes every read and write fail, so the session ends and its place is freed.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio_util::sync::{CancellationToken, WaitForCancellationFutureOwned};

/// Cuts its stream; cheap to clone. Also tells whether the client has sent a whole line yet
/// (its SSH version string): the pre-login pool closes those that have not first.
#[derive(Debug, Clone, Default)]
pub struct KillSwitch(CancellationToken, Arc<AtomicBool>);

impl KillSwitch {
    pub fn cut(&self) {
        self.0.cancel();
    }

    pub fn is_cut(&self) -> bool {
        self.0.is_cancelled()
    }

    /// Whether the client has sent its version string (a line) yet.
    pub fn said_hello(&self) -> bool {
        self.1.load(Ordering::Relaxed)
    }

    /// Marks the version string as sent (a stream not read through [`Killable`]).
    pub fn hello(&self) {
        self.1.store(true, Ordering::Relaxed);
    }
}

pub struct Killable<S> {
    inner: S,
    switch: KillSwitch,
    /// One wait for each direction: reads and writes may be polled by different tasks, and
    /// each must be woken when the stream is cut.
    cut_reading: Pin<Box<WaitForCancellationFutureOwned>>,
    cut_writing: Pin<Box<WaitForCancellationFutureOwned>>,
}

impl<S> Killable<S> {
    pub fn new(inner: S) -> (Self, KillSwitch) {
        let switch = KillSwitch::default();
        let killable = Killable {
            inner,
            switch: switch.clone(),
            cut_reading: Box::pin(switch.0.clone().cancelled_owned()),
            cut_writing: Box::pin(switch.0.clone().cancelled_owned()),
        };
        (killable, switch)
    }
}

impl<S> Killable<S> {
    /// The stream itself.
    pub fn get_ref(&self) -> &S {
        &self.inner
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
        Pin::new(&mut this.inner).poll_write(cx, bytes)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        check(&mut this.cut_writing, cx)?;
        Pin::new(&mut this.inner).poll_flush(cx)
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
        let (mut stream, switch) = Killable::new(far);
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
}
