//! `sco-dash serve`: accepts SSH connections, enforces the caps before a connection costs
//! anything, and gives each viewer their own dashboard. Runs on tokio; the local app never
//! does.

use std::borrow::Cow;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use russh::keys::PrivateKey;
use russh::{MethodKind, MethodSet, SshId};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinHandle;
use tokio::time::{timeout, timeout_at};
use tokio_util::task::TaskTracker;

use crate::app::Catalog;
use crate::app::presence::Presented;
use crate::data::Lang;
use crate::ssh::admission::{Admission, Net, Offence, Pending, Policy, Refusal};
use crate::ssh::connection::Connection;
use crate::ssh::keys::AuthorizedKeys;
use crate::ssh::kill::{KillSwitch, Killable};
use crate::ssh::limits::{CellBudget, ConnectionCaps};
use crate::ssh::log::{Log, Record, Stats};
use crate::ssh::proxy;
use crate::ssh::refuse::{TOO_MANY_CONNECTIONS, refusal_bytes, refuse};
use crate::ssh::stage::Hub;
use crate::ui::theme::ThemeChoice;

/// The largest screen a viewer gets; bigger pty sizes are cut to it. Wider than any
/// projector shows at a readable font, and small enough that a screen costs under 4 MB.
pub const MAX_WIDTH: u16 = 320;
pub const MAX_HEIGHT: u16 = 120;

/// Time limits and rates, all with defaults fit for a public demo.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Viewers (logged in) in all...
    pub max_sessions: usize,
    /// ... and from one address. As high as the total by default: a venue's NAT puts a
    /// whole room behind one address. Logins under way have their own, lower caps
    /// (`admission::Policy`).
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
    /// How long a bracketed paste may wait for its end marker before it is closed.
    pub paste_timeout: Duration,
    /// Key presses, clicks and pastes a second a viewer may send, on average...
    pub input_event_rate: usize,
    /// ... and at once (typing ahead, a held key).
    pub input_event_burst: usize,
    /// The shortest time between two frames to one viewer: input that arrives meanwhile is
    /// applied together and drawn once.
    pub frame_interval: Duration,
    /// Screen cells all viewers may hold together (see `limits::CellBudget`).
    pub max_cells: usize,
    /// How often the log gets a stats line.
    pub stats_interval: Duration,
    /// How long a viewer's terminal has to answer the probe (ambiguous width, background)
    /// before it counts as narrow and dark; a terminal that answers DA1 ends it sooner.
    pub probe_time: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_sessions: 64,
            max_per_ip: 64,
            login_grace: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(15 * 60),
            max_session: Duration::from_secs(2 * 60 * 60),
            stall_timeout: Duration::from_secs(20),
            input_rate: 4 * 1024,
            input_burst: 64 * 1024,
            resize_debounce: Duration::from_millis(40),
            escape_timeout: Duration::from_millis(30),
            paste_timeout: Duration::from_millis(500),
            input_event_rate: 60,
            input_event_burst: 120,
            frame_interval: Duration::from_millis(33),
            max_cells: 1_000_000,
            stats_interval: Duration::from_secs(60),
            probe_time: Duration::from_millis(500),
        }
    }
}

pub struct Options {
    pub host_key: PrivateKey,
    /// When set, only these keys may log in (publickey only).
    pub authorized_keys: Option<AuthorizedKeys>,
    /// Keys that may present (`--presenter --presenter-keys FILE`).
    pub presenter_keys: Option<AuthorizedKeys>,
    /// Presenter mode: viewers follow whoever presents.
    pub presenting: bool,
    pub mouse: bool,
    pub limits: Limits,
    /// Who may start logging in.
    pub admission: Policy,
    /// Shown before login (`--banner FILE`).
    pub banner: Option<String>,
    /// `--theme`: `auto` follows each viewer's own background.
    pub theme: ThemeChoice,
    /// The language of a viewer whose client sends no locale (`LANG`, `LC_ALL`, …).
    pub lang: Lang,
    /// Load balancers whose connections start with a PROXY protocol header naming the
    /// viewer (`--proxy-protocol`).
    pub proxies: Vec<Net>,
    pub log: Arc<Log>,
    /// A key that makes a session panic, so tests can show one panic stays in its session.
    #[cfg(feature = "test-hooks")]
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
            admission: Policy::default(),
            banner: None,
            theme: ThemeChoice::Auto,
            lang: Lang::Zh,
            proxies: Vec::new(),
            log: Arc::new(Log::stderr()),
            #[cfg(feature = "test-hooks")]
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
    pub cells: Arc<CellBudget>,
    /// Places for viewers (logged in), in all and per address.
    pub viewers: Arc<ConnectionCaps>,
    /// The pre-login policy.
    pub admission: Arc<Admission>,
    pub log: Arc<Log>,
    pub stats: Arc<Stats>,
    /// Connections open now, logged in or not.
    open: AtomicUsize,
    /// Every connection's and viewer's task, so that a shutdown can wait for their goodbyes.
    pub tasks: TaskTracker,
}

/// Counts a connection as open while it lives.
struct Open(Arc<Shared>);

impl Open {
    fn new(shared: &Arc<Shared>) -> Open {
        shared.open.fetch_add(1, Ordering::SeqCst);
        Open(Arc::clone(shared))
    }
}

impl Drop for Open {
    fn drop(&mut self) {
        self.0.open.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A running server.
pub struct Server {
    pub addr: SocketAddr,
    shared: Arc<Shared>,
    shutdown: watch::Sender<bool>,
    accepting: JoinHandle<()>,
    reporting: JoinHandle<()>,
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
        let limits = options.limits;
        let config = Arc::new(ssh_config(&options));
        let shared = Arc::new(Shared {
            catalog,
            hub: Arc::new(Hub::default()),
            shutdown: shutdown_rx,
            port: addr.port(),
            cells: CellBudget::new(limits.max_cells),
            viewers: ConnectionCaps::new(limits.max_sessions, limits.max_per_ip),
            admission: Admission::new(options.admission.clone()),
            log: Arc::clone(&options.log),
            stats: Arc::default(),
            open: AtomicUsize::new(0),
            tasks: TaskTracker::new(),
            options,
        });
        let accepting = tokio::spawn(accept(listener, Arc::clone(&shared), config));
        let reporting = tokio::spawn(report_stats(Arc::clone(&shared)));
        Ok(Server {
            addr,
            shared,
            shutdown,
            accepting,
            reporting,
        })
    }

    /// Connections open now, logged in or not.
    pub fn connections(&self) -> usize {
        self.shared.open.load(Ordering::SeqCst)
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
        self.reporting.abort();
        let _ = self.shutdown.send(true);
        self.shared.tasks.close();
        let _ = timeout(grace, self.shared.tasks.wait()).await;
        self.shared.log.line(&format!(
            "stopped open={}{}",
            self.connections(),
            self.shared.stats.summary()
        ));
    }
}

/// A line every so often with what is open and what was refused, for operators.
async fn report_stats(shared: Arc<Shared>) {
    let every = shared.options.limits.stats_interval;
    loop {
        tokio::time::sleep(every).await;
        shared.log.line(&format!(
            "stats open={} pending={} viewers={}{}",
            shared.open.load(Ordering::SeqCst),
            shared.admission.pending(),
            shared.viewers.open(),
            shared.stats.summary()
        ));
    }
}

/// Key exchanges: X25519 only (and its post-quantum hybrid). The finite-field groups cost
/// hundreds of milliseconds of server CPU each, which a client could ask for on purpose.
const KEX: &[russh::kex::Name] = &[
    russh::kex::MLKEM768X25519_SHA256,
    russh::kex::CURVE25519,
    russh::kex::CURVE25519_PRE_RFC_8731,
    russh::kex::EXTENSION_SUPPORT_AS_SERVER,
    russh::kex::EXTENSION_OPENSSH_STRICT_KEX_AS_SERVER,
];

pub fn server_id() -> String {
    format!("SSH-2.0-sco-dash_{}", env!("CARGO_PKG_VERSION"))
}

/// russh's signature algorithms without `ssh-rsa` (RSA with SHA-1): these are also the
/// `server-sig-algs` a client is told, and sshd has advertised SHA-1 no more than it accepts
/// it since 8.8 (see `connection::is_sha1`).
fn key_algorithms() -> Vec<russh::keys::Algorithm> {
    let sha1 = russh::keys::Algorithm::Rsa { hash: None };
    let defaults = russh::Preferred::DEFAULT.key.iter();
    defaults.filter(|a| **a != sha1).cloned().collect()
}

fn ssh_config(options: &Options) -> russh::server::Config {
    russh::server::Config {
        server_id: SshId::Standard(server_id().into()),
        // Never passwords or keyboard-interactive: nothing here needs a secret typed in.
        methods: MethodSet::from(&[MethodKind::None, MethodKind::PublicKey][..]),
        // A wrong key is answered without delay: there is no password to guess at.
        auth_rejection_time: Duration::from_millis(0),
        auth_rejection_time_initial: Some(Duration::from_millis(0)),
        keys: vec![options.host_key.clone()],
        preferred: russh::Preferred {
            kex: Cow::Borrowed(KEX),
            key: Cow::Owned(key_algorithms()),
            ..russh::Preferred::DEFAULT
        },
        // Our own idle timeout counts keys; this one only drops dead links.
        inactivity_timeout: None,
        keepalive_interval: Some(Duration::from_secs(30)),
        keepalive_max: 3,
        max_auth_attempts: 6,
        nodelay: true,
        ..Default::default()
    }
}

/// Refusals being written at once (waiting for the client to read them) at most; past it a
/// refusal is sent without waiting.
const MAX_REFUSING: usize = 512;

/// Connections waiting for a place in the pending pool at most, and how long each waits.
const MAX_WAITING: usize = 1024;
const WAIT_TURN: Duration = Duration::from_secs(5);

/// How long a trusted balancer has to send its PROXY header.
const PROXY_HEADER_TIME: Duration = Duration::from_secs(5);

/// What the accept loop hands each connection.
struct Acceptor {
    shared: Arc<Shared>,
    config: Arc<russh::server::Config>,
    next_id: AtomicU64,
    refusing: Arc<Semaphore>,
    waiting: Arc<Semaphore>,
    server_id: String,
}

async fn accept(listener: TcpListener, shared: Arc<Shared>, config: Arc<russh::server::Config>) {
    let acceptor = Arc::new(Acceptor {
        shared,
        config,
        next_id: AtomicU64::new(LOCAL_PRESENTER + 1),
        refusing: Arc::new(Semaphore::new(MAX_REFUSING)),
        waiting: Arc::new(Semaphore::new(MAX_WAITING)),
        server_id: server_id(),
    });
    loop {
        let Ok((stream, peer)) = listener.accept().await else {
            // Out of file descriptors and the like: wait a moment rather than spin.
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let accepted = std::time::Instant::now();
        let from_balancer = acceptor
            .shared
            .options
            .proxies
            .iter()
            .any(|net| net.contains(peer.ip()));
        if !from_balancer {
            acceptor.admit(stream, peer, accepted);
            continue;
        }
        let acceptor = Arc::clone(&acceptor);
        tokio::spawn(async move {
            let mut stream = stream;
            match timeout(PROXY_HEADER_TIME, proxy::read_source(&mut stream)).await {
                Ok(Ok(source)) => acceptor.admit(stream, source.unwrap_or(peer), accepted),
                Ok(Err(err)) => acceptor.shared.log.line(&format!(
                    "{peer} proxy-header-invalid {}",
                    crate::text::sanitize(&err.to_string())
                )),
                Err(_) => acceptor
                    .shared
                    .log
                    .line(&format!("{peer} proxy-header-invalid none in time")),
            }
        });
    }
}

impl Acceptor {
    /// Applies the pre-login policy to a connection from `peer` (the viewer's own address,
    /// also behind a balancer) and runs it, or refuses it in words.
    fn admit(self: &Arc<Self>, stream: TcpStream, peer: SocketAddr, accepted: std::time::Instant) {
        let shared = &self.shared;
        let _ = stream.set_nodelay(true);
        let (stream, kill) = Killable::new(stream, shared.options.limits.stall_timeout);
        let admitted = shared.admission.admit(peer.ip(), kill.clone(), accepted);
        match self.check_full(admitted) {
            Ok(pending) => self.run(stream, kill, pending, peer, accepted),
            // The pool is busy: wait a few seconds for a place rather than be refused.
            Err(Refusal::Busy) => match Arc::clone(&self.waiting).try_acquire_owned() {
                Ok(place) => {
                    let acceptor = Arc::clone(self);
                    tokio::spawn(async move {
                        acceptor.wait_turn(stream, kill, peer).await;
                        drop(place);
                    });
                }
                Err(_) => self.refuse(stream, peer, Refusal::Busy),
            },
            Err(refusal) => self.refuse(stream, peer, refusal),
        }
    }

    /// Checked here too, so that a full demo costs a refused client no handshake.
    fn check_full(&self, admitted: Result<Pending, Refusal>) -> Result<Pending, Refusal> {
        admitted.and_then(|pending| {
            if self.shared.viewers.is_full() {
                Err(Refusal::Full)
            } else {
                Ok(pending)
            }
        })
    }

    /// Waits up to [`WAIT_TURN`] for a place in the pending pool, then logs in or is refused.
    async fn wait_turn(
        self: Arc<Self>,
        stream: Killable<TcpStream>,
        kill: KillSwitch,
        peer: SocketAddr,
    ) {
        let admission = &self.shared.admission;
        let deadline = tokio::time::Instant::now() + WAIT_TURN;
        loop {
            // Listening before trying, so that a place freed in between is not missed.
            let freed = admission.freed();
            tokio::pin!(freed);
            let admitted =
                admission.admit_waiting(peer.ip(), kill.clone(), std::time::Instant::now());
            match self.check_full(admitted) {
                // The login time counts from here: the wait is not the client's doing.
                Ok(pending) => {
                    return self.run(stream, kill, pending, peer, std::time::Instant::now());
                }
                Err(Refusal::Busy) => {}
                Err(refusal) => return self.refuse(stream, peer, refusal),
            }
            if timeout_at(deadline, freed).await.is_err() {
                return self.refuse(stream, peer, Refusal::Busy);
            }
        }
    }

    /// Says why in an SSH disconnect message, and logs it. Past [`MAX_REFUSING`] refusals
    /// being written at once, the message is still sent, without waiting for the client.
    fn refuse(&self, stream: Killable<TcpStream>, peer: SocketAddr, refusal: Refusal) {
        let shared = &self.shared;
        shared.stats.count(refusal.log_word());
        shared.log.line(&format!("{peer} {}", refusal.log_word()));
        match Arc::clone(&self.refusing).try_acquire_owned() {
            Ok(place) => {
                let server_id = self.server_id.clone();
                tokio::spawn(async move {
                    refuse(stream, &server_id, refusal.message()).await;
                    drop(place);
                });
            }
            Err(_) => {
                let bytes = refusal_bytes(&self.server_id, TOO_MANY_CONNECTIONS, refusal.message());
                let _ = stream.get_ref().try_write(&bytes);
            }
        }
    }

    /// Runs a connection that has its place in the pending pool.
    fn run(
        &self,
        stream: Killable<TcpStream>,
        kill: KillSwitch,
        pending: Pending,
        peer: SocketAddr,
        accepted: std::time::Instant,
    ) {
        let shared = &self.shared;
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let record = Arc::new(Record::new(
            peer,
            Arc::clone(&shared.log),
            Arc::clone(&shared.stats),
        ));
        let handler = Connection::new(
            Arc::clone(shared),
            id,
            peer,
            Arc::clone(&record),
            pending,
            kill.clone(),
        );
        let viewing = Arc::clone(&handler.viewing);
        let logged_in = Arc::clone(&handler.logged_in);
        let config = Arc::clone(&self.config);
        let open = Open::new(shared);
        let shared = Arc::clone(shared);
        let tasks = shared.tasks.clone();
        tasks.spawn(async move {
            let _open = open;
            let penalise = |offence| {
                shared
                    .admission
                    .penalise(peer.ip(), offence, std::time::Instant::now());
            };
            // One login time, from accept: version, key exchange, login, pty and shell.
            let deadline =
                tokio::time::Instant::from_std(accepted) + shared.options.limits.login_grace;
            let mut shutdown = shared.shutdown.clone();
            let running = match timeout_at(
                deadline,
                russh::server::run_stream(config, stream, handler),
            )
            .await
            {
                Ok(Ok(running)) => running,
                Ok(Err(_)) => {
                    let (offence, end) = failed_login(&kill);
                    penalise(offence);
                    return record.end(end);
                }
                Err(_) => {
                    kill.cut();
                    penalise(Offence::LoginGrace);
                    return record.end("login-grace");
                }
            };
            let handle = running.handle();
            let login_grace = watch_login(Arc::clone(&viewing), deadline);
            tokio::pin!(running, login_grace);
            loop {
                tokio::select! {
                    ended = &mut running => {
                        if kill.stalled() {
                            record.end("stalled");
                        }
                        // A connection that ends in error after login (a refused `ssh -W`)
                        // did not fail its handshake.
                        if ended.is_err() && !logged_in.load(Ordering::SeqCst) {
                            penalise(Offence::Handshake);
                            record.end("handshake-failed");
                        }
                        return;
                    }
                    _ = &mut login_grace => {
                        record.end("login-grace");
                        penalise(Offence::LoginGrace);
                        return hang_up(&handle, "sco-dash: login took too long", &kill).await;
                    }
                    // A connection still logging in has no viewer to say goodbye.
                    _ = shutdown.changed(), if !*shutdown.borrow() => {
                        if !viewing.load(Ordering::SeqCst) {
                            let why = "sco-dash: the server is shutting down";
                            return hang_up(&handle, why, &kill).await;
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

/// What a connection that ended before its login did wrong, and the log's word for it.
fn failed_login(kill: &KillSwitch) -> (Offence, &'static str) {
    if kill.stalled() {
        // Took none of what we sent for the stall timeout: holds a login place as a client
        // that runs out the login time does.
        (Offence::LoginGrace, "stalled")
    } else if kill.is_cut() {
        // Closed by the pending pool to let a newcomer in: no version string after a second
        // is not a person's client, and counts as running out the login time.
        (Offence::LoginGrace, "stale-login")
    } else {
        (Offence::Handshake, "handshake-failed")
    }
}

/// Resolves if the dashboard has not started by the login deadline.
async fn watch_login(viewing: Arc<AtomicBool>, deadline: tokio::time::Instant) {
    tokio::time::sleep_until(deadline).await;
    if viewing.load(Ordering::SeqCst) {
        std::future::pending::<()>().await;
    }
}

#[cfg(test)]
mod tests {
    use russh::keys::{Algorithm, HashAlg};

    use super::*;

    #[test]
    fn clients_are_told_rsa_signs_with_sha2_and_never_sha1() {
        let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).expect("a key");
        let told = ssh_config(&Options::new(key)).preferred.key;
        assert!(!told.contains(&Algorithm::Rsa { hash: None }), "{told:?}");
        for hash in [HashAlg::Sha256, HashAlg::Sha512] {
            let sha2 = Algorithm::Rsa { hash: Some(hash) };
            assert!(told.contains(&sha2), "{told:?}");
        }
        assert!(told.contains(&Algorithm::Ed25519));
    }
}
