//! `sco-dash serve`: accepts SSH connections, enforces the caps before a connection costs
//! anything, and gives each viewer their own dashboard. Runs on tokio; the local app never
//! does.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use russh::keys::PrivateKey;
use russh::{MethodKind, MethodSet, SshId};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio::time::timeout;

use crate::app::Catalog;
use crate::app::presence::Presented;
use crate::ssh::connection::Connection;
use crate::ssh::keys::KeyList;
use crate::ssh::kill::{KillSwitch, Killable};
use crate::ssh::limits::ConnectionCaps;
use crate::ssh::log::Record;
use crate::ssh::stage::Hub;

/// The largest screen a viewer gets; bigger pty sizes are cut to it.
pub const MAX_WIDTH: u16 = 500;
pub const MAX_HEIGHT: u16 = 200;

/// Time limits and rates, all with defaults fit for a public demo.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_sessions: usize,
    pub max_per_ip: usize,
    /// From TCP accept to the dashboard running: banner, key exchange, login, pty and shell.
    pub login_grace: Duration,
    /// Counted from the last key: output does not keep a session alive.
    pub idle_timeout: Duration,
    pub max_session: Duration,
    /// How long a frame may wait for a client that does not read.
    pub stall_timeout: Duration,
    /// Input bytes a second a viewer may send, on average...
    pub input_rate: usize,
    /// ... and at once (a paste).
    pub input_burst: usize,
    /// Window changes closer together than this are drawn once, at the last size.
    pub resize_debounce: Duration,
    /// How long a lone Esc waits for the rest of a key sequence.
    pub escape_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_sessions: 64,
            max_per_ip: 8,
            login_grace: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(15 * 60),
            max_session: Duration::from_secs(2 * 60 * 60),
            stall_timeout: Duration::from_secs(20),
            input_rate: 4 * 1024,
            input_burst: 64 * 1024,
            resize_debounce: Duration::from_millis(40),
            escape_timeout: Duration::from_millis(30),
        }
    }
}

pub struct Options {
    pub host_key: PrivateKey,
    /// When set, only these keys may log in (publickey only).
    pub authorized_keys: Option<KeyList>,
    /// Keys that may present (`--presenter --presenter-keys FILE`).
    pub presenter_keys: Option<KeyList>,
    /// Presenter mode: viewers follow whoever presents.
    pub presenting: bool,
    pub mouse: bool,
    pub limits: Limits,
    /// A key that makes a session panic, so tests can show one panic stays in its session.
    #[doc(hidden)]
    pub panic_key: Option<char>,
}

impl Options {
    pub fn new(host_key: PrivateKey) -> Self {
        Options {
            host_key,
            authorized_keys: None,
            presenter_keys: None,
            presenting: false,
            mouse: true,
            limits: Limits::default(),
            panic_key: None,
        }
    }
}

/// What every connection shares.
pub struct Shared {
    pub catalog: Arc<Catalog>,
    pub options: Options,
    pub hub: Arc<Hub>,
    pub shutdown: watch::Receiver<bool>,
    pub port: u16,
}

/// A running server.
pub struct Server {
    pub addr: SocketAddr,
    shared: Arc<Shared>,
    caps: Arc<ConnectionCaps>,
    shutdown: watch::Sender<bool>,
    accepting: JoinHandle<()>,
}

/// The presenter seat held by the terminal that started `serve --present`.
pub const LOCAL_PRESENTER: u64 = 0;

impl Server {
    /// Binds the address and starts accepting.
    pub async fn start(
        addr: SocketAddr,
        catalog: Arc<Catalog>,
        options: Options,
    ) -> std::io::Result<Server> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let (shutdown, shutdown_rx) = watch::channel(false);
        let caps = ConnectionCaps::new(options.limits.max_sessions, options.limits.max_per_ip);
        let config = Arc::new(ssh_config(&options));
        let shared = Arc::new(Shared {
            catalog,
            options,
            hub: Arc::new(Hub::default()),
            shutdown: shutdown_rx,
            port: addr.port(),
        });
        let accepting = tokio::spawn(accept(
            listener,
            Arc::clone(&shared),
            Arc::clone(&caps),
            config,
        ));
        Ok(Server {
            addr,
            shared,
            caps,
            shutdown,
            accepting,
        })
    }

    /// Connections open now, authenticated or not.
    pub fn connections(&self) -> usize {
        self.caps.open()
    }

    /// Makes the local terminal the presenter (`serve --present`).
    pub fn present_locally(&self, name: &str) -> bool {
        self.shared.hub.claim(LOCAL_PRESENTER, name)
    }

    /// What the local presenter shows now.
    pub fn publish(&self, shows: Presented) {
        self.shared.hub.publish(LOCAL_PRESENTER, shows);
    }

    /// Stops accepting, tells every viewer the server is going, and waits (up to `grace`) for
    /// their sessions to close.
    pub async fn shutdown(self, grace: Duration) {
        self.accepting.abort();
        let _ = self.shutdown.send(true);
        let deadline = tokio::time::Instant::now() + grace;
        while self.caps.open() > 0 && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

fn ssh_config(options: &Options) -> russh::server::Config {
    russh::server::Config {
        server_id: SshId::Standard(
            format!("SSH-2.0-sco-dash_{}", env!("CARGO_PKG_VERSION")).into(),
        ),
        // Never passwords or keyboard-interactive: nothing here needs a secret typed in.
        methods: MethodSet::from(&[MethodKind::None, MethodKind::PublicKey][..]),
        // A wrong key is answered without delay: there is no password to guess at.
        auth_rejection_time: Duration::from_millis(0),
        auth_rejection_time_initial: Some(Duration::from_millis(0)),
        keys: vec![options.host_key.clone()],
        // Our own idle timeout counts keys; this one only drops dead links.
        inactivity_timeout: None,
        keepalive_interval: Some(Duration::from_secs(30)),
        keepalive_max: 3,
        max_auth_attempts: 6,
        nodelay: true,
        ..Default::default()
    }
}

async fn accept(
    listener: TcpListener,
    shared: Arc<Shared>,
    caps: Arc<ConnectionCaps>,
    config: Arc<russh::server::Config>,
) {
    let next_id = AtomicU64::new(LOCAL_PRESENTER + 1);
    loop {
        let Ok((stream, peer)) = listener.accept().await else {
            // Out of file descriptors and the like: wait a moment rather than spin.
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let permit = match caps.try_acquire(peer.ip()) {
            Ok(permit) => permit,
            Err(refusal) => {
                tokio::spawn(refuse(stream, peer, refusal.message()));
                continue;
            }
        };
        let id = next_id.fetch_add(1, Ordering::Relaxed);
        let record = Arc::new(Record::new(peer));
        let _ = stream.set_nodelay(true);
        let (stream, kill) = Killable::new(stream);
        let handler = Connection::new(
            Arc::clone(&shared),
            id,
            Arc::clone(&record),
            permit,
            kill.clone(),
        );
        let viewing = Arc::clone(&handler.viewing);
        let logged_in = Arc::clone(&viewing);
        let grace = shared.options.limits.login_grace;
        let config = Arc::clone(&config);
        let mut shutdown = shared.shutdown.clone();
        tokio::spawn(async move {
            let running =
                match timeout(grace, russh::server::run_stream(config, stream, handler)).await {
                    Ok(Ok(running)) => running,
                    Ok(Err(_)) => return record.end("handshake-failed"),
                    Err(_) => {
                        kill.cut();
                        return record.end("login-grace");
                    }
                };
            let handle = running.handle();
            let login_grace = watch_login(logged_in, grace);
            tokio::pin!(running, login_grace);
            loop {
                tokio::select! {
                    _ = &mut running => return,
                    _ = &mut login_grace => {
                        record.end("login-grace");
                        return hang_up(&handle, "login took too long", &kill).await;
                    }
                    // A connection still logging in has no viewer to say goodbye.
                    _ = shutdown.changed(), if !*shutdown.borrow() => {
                        if !viewing.load(Ordering::SeqCst) {
                            return hang_up(&handle, "server shutting down", &kill).await;
                        }
                    }
                }
            }
        });
    }
}

/// Says why in a disconnect message if the client still reads, and cuts the link either way.
async fn hang_up(handle: &russh::server::Handle, why: &str, kill: &KillSwitch) {
    let bye = handle.disconnect(
        russh::Disconnect::ByApplication,
        why.to_string(),
        String::new(),
    );
    let _ = timeout(Duration::from_secs(1), bye).await;
    kill.cut();
}

/// Resolves if the dashboard has not started when the grace time is up.
async fn watch_login(viewing: Arc<AtomicBool>, grace: Duration) {
    tokio::time::sleep(grace).await;
    if viewing.load(Ordering::SeqCst) {
        std::future::pending::<()>().await;
    }
}

/// Says why, in the lines a server may send before its SSH version (RFC 4253 §4.2), then
/// closes: the client learns the reason without us doing any cryptography.
async fn refuse(mut stream: TcpStream, peer: SocketAddr, message: &str) {
    let _ = timeout(
        Duration::from_secs(2),
        stream.write_all(format!("{message}\r\n").as_bytes()),
    )
    .await;
    let _ = stream.shutdown().await;
    crate::term::report(format!("sco-dash serve: {peer} refused: {message}"));
}
