//! A viewer on the other end of `sco-dash serve`, made with russh's client: connects, asks
//! for a pty and a shell, and keeps a vt100 screen of what the server draws.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use russh::client::{self, AuthResult, Handle};
use russh::keys::{PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use russh::{Channel, ChannelMsg};
use sco_dash::app::Catalog;
use sco_dash::ssh::admission::Startups;
use sco_dash::ssh::log::Log;
use sco_dash::ssh::server::{Options, Server};
use tokio::time::{Instant, timeout};

/// How long a test waits for what it expects before it fails: a guard against hanging, not a
/// measure of speed (a loaded machine may take seconds where a quiet one takes milliseconds).
pub const WAIT: Duration = Duration::from_secs(30);

pub struct Client;

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

pub fn catalog() -> Arc<Catalog> {
    Arc::new(Catalog::embedded().expect("embedded data loads"))
}

pub fn random_key() -> PrivateKey {
    PrivateKey::random(&mut rand::rng(), russh::keys::Algorithm::Ed25519).expect("a key")
}

pub async fn start(options: Options) -> Server {
    Server::start("127.0.0.1:0".parse().unwrap(), catalog(), options)
        .await
        .expect("the server starts")
}

/// Options for tests: quiet, and the test client's own address (127.0.0.1) exempt from the
/// pre-login rate and penalties, since tests connect far faster than people do. Tests of
/// that policy connect from other loopback addresses.
pub fn options() -> Options {
    let mut options = Options::new(random_key());
    options.log = Arc::new(Log::Discard);
    options.admission.exempt = vec!["127.0.0.1".parse().unwrap()];
    options.admission.startups = Startups {
        start: 200,
        rate: 30,
        full: 400,
    };
    options
}

/// Where a captured log writes: lines in memory, for a test to read.
#[derive(Clone, Default)]
pub struct Captured(pub Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }

    /// Waits until the log holds `text`; false if it does not in time.
    pub async fn wait_for(&self, text: &str) -> bool {
        let deadline = Instant::now() + WAIT;
        while !self.text().contains(text) {
            if Instant::now() >= deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        true
    }
}

/// A log that keeps its lines for the test.
pub fn captured_log() -> (Arc<Log>, Captured) {
    let captured = Captured::default();
    (Arc::new(Log::to(captured.clone(), false)), captured)
}

/// A TCP connection from a chosen loopback address.
pub async fn connect_from(addr: SocketAddr, from: [u8; 4]) -> tokio::net::TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind((from, 0).into()).unwrap();
    socket.connect(addr).await.unwrap()
}

/// Everything a server sends to a connection that does not speak, as text.
pub async fn read_all(mut stream: tokio::net::TcpStream) -> String {
    use tokio::io::AsyncReadExt;
    let mut bytes = Vec::new();
    let _ = timeout(WAIT, stream.read_to_end(&mut bytes)).await;
    String::from_utf8_lossy(&bytes).into_owned()
}

pub async fn connect(addr: SocketAddr) -> Handle<Client> {
    let config = Arc::new(client::Config::default());
    timeout(WAIT, client::connect(config, addr, Client))
        .await
        .expect("connects in time")
        .expect("connects")
}

pub async fn login(
    addr: SocketAddr,
    user: &str,
    key: Option<&PrivateKey>,
) -> (Handle<Client>, AuthResult) {
    let mut handle = connect(addr).await;
    let result = match key {
        None => handle.authenticate_none(user).await.expect("auth answered"),
        Some(key) => handle
            .authenticate_publickey(
                user,
                PrivateKeyWithHashAlg::new(Arc::new(key.clone()), None),
            )
            .await
            .expect("auth answered"),
    };
    (handle, result)
}

pub struct Viewer {
    pub handle: Handle<Client>,
    pub channel: Channel<client::Msg>,
    pub screen: vt100::Parser,
    pub exit_status: Option<u32>,
    pub closed: bool,
    /// Everything received, for checks on the raw bytes.
    pub received: Vec<u8>,
}

impl Viewer {
    /// A viewer that may be refused (`None`): the load bench counts who gets in.
    pub async fn try_open(addr: SocketAddr, width: u16, height: u16) -> Option<Viewer> {
        let config = Arc::new(client::Config::default());
        let mut handle = timeout(WAIT, client::connect(config, addr, Client))
            .await
            .ok()?
            .ok()?;
        if !handle.authenticate_none("viewer").await.ok()?.success() {
            return None;
        }
        let channel = handle.channel_open_session().await.ok()?;
        let (w, h) = (u32::from(width), u32::from(height));
        channel
            .request_pty(true, "xterm-256color", w, h, 0, 0, &[])
            .await
            .ok()?;
        channel.request_shell(true).await.ok()?;
        Some(Viewer {
            handle,
            channel,
            screen: vt100::Parser::new(height, width, 0),
            exit_status: None,
            closed: false,
            received: Vec::new(),
        })
    }

    pub async fn open(addr: SocketAddr, width: u16, height: u16) -> Viewer {
        Viewer::open_as(addr, "viewer", None, width, height).await
    }

    pub async fn open_as(
        addr: SocketAddr,
        user: &str,
        key: Option<&PrivateKey>,
        width: u16,
        height: u16,
    ) -> Viewer {
        Viewer::open_with_env(addr, user, key, &[], width, height).await
    }

    /// Opens a session after sending environment variables (`SendEnv`, e.g. `LANG`).
    pub async fn open_with_env(
        addr: SocketAddr,
        user: &str,
        key: Option<&PrivateKey>,
        env: &[(&str, &str)],
        width: u16,
        height: u16,
    ) -> Viewer {
        let (handle, auth) = login(addr, user, key).await;
        assert!(auth.success(), "login as {user} refused: {auth:?}");
        let channel = handle
            .channel_open_session()
            .await
            .expect("a session channel");
        for (name, value) in env {
            channel
                .set_env(false, *name, *value)
                .await
                .expect("env sent");
        }
        channel
            .request_pty(
                true,
                "xterm-256color",
                u32::from(width),
                u32::from(height),
                0,
                0,
                &[],
            )
            .await
            .expect("pty requested");
        channel.request_shell(true).await.expect("shell requested");
        Viewer {
            handle,
            channel,
            // A hostile size is for the server to cut; our screen stays a sane size.
            screen: vt100::Parser::new(height.clamp(1, 250), width.clamp(1, 600), 0),
            exit_status: None,
            closed: false,
            received: Vec::new(),
        }
    }

    pub async fn send(&self, bytes: &[u8]) {
        self.channel.data_bytes(bytes.to_vec()).await.expect("sent");
    }

    pub async fn resize(&mut self, width: u16, height: u16) {
        self.channel
            .window_change(u32::from(width), u32::from(height), 0, 0)
            .await
            .expect("window change sent");
        self.screen.screen_mut().set_size(height, width);
    }

    pub fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Reads until the screen shows `text`; false if it does not in time or the channel ends.
    pub async fn wait_for(&mut self, text: &str) -> bool {
        self.wait_until(|v| v.text().contains(text)).await
    }

    pub async fn wait_until(&mut self, done: impl Fn(&Viewer) -> bool) -> bool {
        let deadline = Instant::now() + WAIT;
        while !done(self) {
            let Ok(Some(message)) = timeout(deadline - Instant::now(), self.channel.wait()).await
            else {
                return done(self);
            };
            self.take(message);
            if self.closed {
                return done(self);
            }
        }
        true
    }

    /// Reads (and applies to the screen) whatever arrives for `time`, however much that is.
    /// For measurements (the benches): a test waits for a visible effect instead, since how
    /// much arrives in a given time depends on the machine.
    pub async fn drain(&mut self, time: Duration) {
        let deadline = Instant::now() + time;
        while let Ok(Some(message)) = tokio::time::timeout_at(deadline, self.channel.wait()).await {
            self.take(message);
        }
    }

    /// Presses `key` until the screen shows its effect, for keys a rate limit may drop while
    /// its bucket refills: each press waits up to `every` for the effect before the next.
    /// False if the effect never shows (within `WAIT` in all) or the channel ends.
    pub async fn press_until(
        &mut self,
        key: &[u8],
        every: Duration,
        done: impl Fn(&Viewer) -> bool,
    ) -> bool {
        let deadline = Instant::now() + WAIT;
        while !done(self) && Instant::now() < deadline {
            self.send(key).await;
            let next = (Instant::now() + every).min(deadline);
            while !done(self) {
                match tokio::time::timeout_at(next, self.channel.wait()).await {
                    Ok(Some(message)) => self.take(message),
                    Ok(None) => return done(self),
                    Err(_) => break,
                }
                if self.closed {
                    return done(self);
                }
            }
        }
        done(self)
    }

    /// Reads until the server closes the channel; false if it does not in time.
    pub async fn wait_for_close(&mut self) -> bool {
        self.wait_until(|v| v.closed).await
    }

    fn take(&mut self, message: ChannelMsg) {
        match message {
            ChannelMsg::Data { data } | ChannelMsg::ExtendedData { data, .. } => {
                self.received.extend_from_slice(&data);
                self.screen.process(&data);
            }
            ChannelMsg::ExitStatus { exit_status } => self.exit_status = Some(exit_status),
            ChannelMsg::Close => self.closed = true,
            _ => {}
        }
    }

    /// The screen's text after the server restored the terminal (main screen, no mouse).
    pub fn restored(&self) -> bool {
        let screen = self.screen.screen();
        !screen.alternate_screen()
            && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
            && !screen.hide_cursor()
            && !screen.bracketed_paste()
    }
}

impl Viewer {
    /// A viewer connecting from 127.0.0.2, to tell per-address caps from the total.
    pub async fn open_from_second_address(addr: SocketAddr) -> Viewer {
        Viewer::open_from(addr, [127, 0, 0, 2]).await
    }

    /// An 80×24 viewer connecting from a chosen loopback address.
    pub async fn open_from(addr: SocketAddr, from: [u8; 4]) -> Viewer {
        let stream = connect_from(addr, from).await;
        let config = Arc::new(client::Config::default());
        let mut handle = client::connect_stream(config, stream, Client)
            .await
            .expect("connects");
        assert!(handle.authenticate_none("viewer").await.unwrap().success());
        let channel = handle.channel_open_session().await.unwrap();
        channel
            .request_pty(true, "xterm", 80, 24, 0, 0, &[])
            .await
            .unwrap();
        channel.request_shell(true).await.unwrap();
        Viewer {
            handle,
            channel,
            screen: vt100::Parser::new(24, 80, 0),
            exit_status: None,
            closed: false,
            received: Vec::new(),
        }
    }
}
