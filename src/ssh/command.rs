//! The `serve` command: reads the options, the host key and the key lists, runs the server
//! until a signal (or, with `--present`, until the local presenter quits), and reports.

use std::io::{self, IsTerminal};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use russh::keys::HashAlg;

use crate::app::Catalog;
use crate::app::presence::Presence;
use crate::data::Lang;
use crate::exit::ExitStatus;
use crate::ssh::PRESENTER_USER;
use crate::ssh::admission::{Net, Policy, Startups};
use crate::ssh::host_key::{self, Origin};
use crate::ssh::keys::{AuthorizedKeys, AuthorizedKeysError};
use crate::ssh::log::Log;
use crate::ssh::server::{Limits, Options, Server};
use crate::term;
use crate::ui::Theme;
use crate::ui::theme::ThemeChoice;

/// How long viewers get to be told goodbye when the server stops.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// The name followers see when the terminal that started the server presents.
const LOCAL_NAME: &str = "本机 local";

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on. Loopback by default; anything else is reachable by others.
    #[arg(long, default_value = "127.0.0.1:2222", value_name = "ADDR:PORT")]
    pub listen: SocketAddr,
    /// The server's ed25519 host key; made (mode 0600) if missing.
    /// [default: $XDG_STATE_HOME/sco-dash/ssh_host_ed25519_key]
    #[arg(long, value_name = "PATH")]
    pub host_key: Option<PathBuf>,
    /// Only these public keys may log in (authorized_keys format). Without it anyone may
    /// watch, with no password: a read-only public demo.
    #[arg(long, value_name = "FILE")]
    pub authorized_keys: Option<PathBuf>,
    /// Viewers (logged in) in all.
    #[arg(long, default_value_t = Limits::default().max_sessions, value_name = "N")]
    pub max_sessions: usize,
    /// Viewers from one address. As many as in all by default: a venue's NAT puts a whole
    /// room behind one address.
    #[arg(long, value_name = "N")]
    pub max_per_ip: Option<usize>,
    /// Screen cells all viewers' screens may hold together (about 100 bytes each); past it a
    /// screen is made smaller, or refused. [default: the larger of 1,000,000 and 8,000 a
    /// session]
    #[arg(long, value_name = "CELLS")]
    pub max_cells: Option<usize>,
    /// Logins under way (not yet authenticated): none refused below START, RATE % refused
    /// from there, rising to all at FULL (like sshd's MaxStartups); one refused this way
    /// waits its turn a few seconds first. [default: MAX-SESSIONS:30:2×MAX-SESSIONS, at least
    /// 10:30:60]
    #[arg(long, value_name = "START:RATE:FULL")]
    pub max_startups: Option<Startups>,
    /// Logins under way from one address (an IPv6 /64 counts as one). [default: a tenth of
    /// --max-sessions, at least 8]
    #[arg(long, value_name = "N")]
    pub max_pending_per_ip: Option<usize>,
    /// Never rate-limit or penalise these sources (e.g. a venue's NAT); repeatable.
    #[arg(long, value_name = "ADDR[/BITS]")]
    pub penalty_exempt: Vec<Net>,
    /// Connections from these addresses (load balancers: HAProxy `send-proxy`/`send-proxy-v2`,
    /// a cloud TCP balancer) must start with a PROXY protocol v1 or v2 header, whose source
    /// address is then the viewer's for limits and logs; repeatable.
    #[arg(long, value_name = "ADDR[/BITS]")]
    pub proxy_protocol: Vec<Net>,
    /// Allow `--proxy-protocol 0.0.0.0/0` (or `::/0`): then anyone who can connect may claim
    /// any address, and so escape every per-address limit and penalty.
    #[arg(long)]
    pub proxy_protocol_any: bool,
    /// Text shown to every client before login (an SSH banner).
    #[arg(long, value_name = "FILE")]
    pub banner: Option<PathBuf>,
    /// Write the log here (appended, mode 0600) instead of stderr. With --present on a
    /// terminal the log goes to $XDG_STATE_HOME/sco-dash/serve.log unless this says where.
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    /// Close a session after this long without a key press (e.g. 90s, 15m).
    #[arg(long, default_value = "15m", value_parser = humantime::parse_duration, value_name = "DUR")]
    pub idle_timeout: Duration,
    /// Time from connecting to the dashboard: key exchange, login, pty and shell.
    #[arg(long, default_value = "30s", value_parser = humantime::parse_duration, value_name = "DUR")]
    pub login_grace: Duration,
    /// Close any session after this long.
    #[arg(long, default_value = "2h", value_parser = humantime::parse_duration, value_name = "DUR")]
    pub max_session: Duration,
    /// Presenter mode: one person drives, every other viewer follows (f to browse alone).
    #[arg(long)]
    pub presenter: bool,
    /// Who may present: keys in authorized_keys format. The presenter connects as
    /// `ssh -p PORT presenter@HOST`; the first such key to log in presents.
    #[arg(long, value_name = "FILE", requires = "presenter")]
    pub presenter_keys: Option<PathBuf>,
    /// Present from this terminal: it runs the dashboard, and viewers follow it.
    #[arg(long, requires = "presenter", conflicts_with = "presenter_keys")]
    pub present: bool,
}

/// Why `serve` could not run: the message it prints, and the status it exits with.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// Options that contradict each other, a limit of zero, `--present` without a terminal.
    #[error("{0}")]
    Usage(&'static str),
    #[error(transparent)]
    HostKey(#[from] host_key::HostKeyError),
    #[error(transparent)]
    Keys(#[from] AuthorizedKeysError),
    /// The banner or the log file; the message names which.
    #[error("{0}")]
    File(String),
    /// The async runtime could not be built.
    #[error("{0}")]
    Runtime(io::Error),
    #[error("cannot listen on {addr}: {source}")]
    Listen { addr: SocketAddr, source: io::Error },
    /// `--present`: the presenter's own terminal failed.
    #[error("terminal error: {0}")]
    Terminal(io::Error),
}

impl ServeError {
    /// The status the process exits with.
    pub fn status(&self) -> ExitStatus {
        match self {
            ServeError::Usage(_) => ExitStatus::Usage,
            ServeError::Terminal(_) => ExitStatus::Output,
            ServeError::HostKey(_)
            | ServeError::Keys(_)
            | ServeError::File(_)
            | ServeError::Runtime(_)
            | ServeError::Listen { .. } => ExitStatus::CannotServe,
        }
    }
}

/// Says why on stderr (sanitised: messages hold file names); the status to exit with.
fn fail(err: &ServeError) -> ExitStatus {
    eprintln!(
        "sco-dash serve: {}",
        crate::text::sanitize(&err.to_string())
    );
    err.status()
}

pub fn run(
    args: ServeArgs,
    catalog: Arc<Catalog>,
    mouse: bool,
    theme: ThemeChoice,
    lang: Lang,
    tour: Option<Duration>,
) -> ExitStatus {
    match serve(args, catalog, mouse, theme, lang, tour) {
        Ok(()) => ExitStatus::Success,
        Err(err) => fail(&err),
    }
}

/// Checks the options, reads what they name, serves until a signal (or until the local
/// presenter quits), and tells viewers goodbye.
fn serve(
    args: ServeArgs,
    catalog: Arc<Catalog>,
    mouse: bool,
    theme: ThemeChoice,
    lang: Lang,
    tour: Option<Duration>,
) -> Result<(), ServeError> {
    let max_per_ip = check_usage(&args, tour)?;
    let banner = args
        .banner
        .as_deref()
        .map(read_banner)
        .transpose()
        .map_err(ServeError::File)?;
    let log = open_log(&args).map_err(ServeError::File)?;
    if args.present && !(io::stdin().is_terminal() && io::stdout().is_terminal()) {
        return Err(ServeError::Usage(
            "--present needs a terminal to present from",
        ));
    }
    let path = (args.host_key.clone())
        .or_else(host_key::default_path)
        .ok_or(host_key::HostKeyError::NoHome)?;
    let (key, origin) = host_key::load_or_create(&path)?;
    let read_list = |path: &Option<PathBuf>| path.as_deref().map(AuthorizedKeys::read).transpose();
    let authorized_keys = read_list(&args.authorized_keys)?;
    let presenter_keys = read_list(&args.presenter_keys)?;
    // Built once for every viewer, in every language, before anyone connects.
    for lang in Lang::ALL {
        catalog.in_lang(lang).search();
    }
    let fingerprint = key.public_key().fingerprint(HashAlg::Sha256);
    let mut options = Options::new(key);
    options.authorized_keys = authorized_keys;
    options.presenter_keys = presenter_keys;
    options.presenting = args.presenter;
    options.mouse = mouse;
    options.limits = limits(&args, max_per_ip);
    options.admission = admission(&args);
    options.banner = banner;
    options.theme = theme;
    options.lang = lang;
    options.proxies = args.proxy_protocol.clone();
    options.log = Arc::clone(&log);
    let runtime = runtime().map_err(ServeError::Runtime)?;
    let server = runtime
        .block_on(Server::start(args.listen, catalog.clone(), options))
        .map_err(|source| ServeError::Listen {
            addr: args.listen,
            source,
        })?;
    announce(&server, &args, &fingerprint, origin, &path, &log);
    let result = if args.present {
        present_locally(&runtime, server, catalog, mouse, theme, lang, tour)
    } else {
        let signal = runtime.block_on(wait_for_signal());
        log.line(&format!("{signal}; telling viewers and closing"));
        runtime.block_on(server.shutdown(SHUTDOWN_GRACE));
        Ok(())
    };
    // Work still running after the goodbyes (a search on a blocking thread) is not waited
    // for: the process exits on time whatever a viewer asked for, and a log nobody reads
    // keeps it no longer than a second.
    runtime.shutdown_timeout(Duration::from_millis(500));
    log.flush(Duration::from_secs(1));
    result
}

/// Options that cannot go together, or limits of zero; viewers from one address allowed.
fn check_usage(args: &ServeArgs, tour: Option<Duration>) -> Result<usize, ServeError> {
    if tour.is_some() && !args.present {
        return Err(ServeError::Usage(
            "--tour tours this terminal's screen: with serve it needs --present (a presenter \
             over SSH starts a tour with T)",
        ));
    }
    if args.presenter && args.presenter_keys.is_none() && !args.present {
        return Err(ServeError::Usage(
            "--presenter needs --presenter-keys FILE (a viewer presents) or --present (this \
             terminal presents)",
        ));
    }
    let everyone = args.proxy_protocol.iter().any(Net::is_everything);
    if everyone && !args.proxy_protocol_any {
        return Err(ServeError::Usage(
            "--proxy-protocol 0.0.0.0/0 lets anyone who connects claim any address (and so \
             escape every per-address limit); name the balancers, or add --proxy-protocol-any",
        ));
    }
    if everyone {
        eprintln!(
            "sco-dash serve: warning: --proxy-protocol-any: every connection must send a PROXY \
             header, and whoever can reach this port may claim any address"
        );
    }
    let max_per_ip = args.max_per_ip.unwrap_or(args.max_sessions);
    if args.max_sessions == 0 || max_per_ip == 0 || args.max_pending_per_ip == Some(0) {
        return Err(ServeError::Usage(
            "--max-sessions, --max-per-ip and --max-pending-per-ip must be at least 1",
        ));
    }
    Ok(max_per_ip)
}

/// The limits the options set; the rest as by default.
fn limits(args: &ServeArgs, max_per_ip: usize) -> Limits {
    Limits {
        max_sessions: args.max_sessions,
        max_per_ip,
        idle_timeout: args.idle_timeout,
        max_session: args.max_session,
        login_grace: args.login_grace,
        max_cells: args
            .max_cells
            .unwrap_or_else(|| (args.max_sessions * 8_000).max(Limits::default().max_cells)),
        ..Limits::default()
    }
}

/// Logins under way from one address: a room behind one NAT address logs in together.
fn pending_per_ip(args: &ServeArgs) -> usize {
    args.max_pending_per_ip
        .unwrap_or_else(|| (args.max_sessions / 10).max(Policy::default().pending_per_source))
}

/// Who may start logging in, as the options say; the rest as by default.
fn admission(args: &ServeArgs) -> Policy {
    Policy {
        startups: args
            .max_startups
            .unwrap_or_else(|| Startups::for_sessions(args.max_sessions)),
        // A room behind one NAT address arrives together: as many at once as there are
        // viewer places, then 2 a second.
        connect_burst: args.max_sessions.max(Policy::default().connect_burst),
        pending_per_source: pending_per_ip(args),
        exempt: args.penalty_exempt.clone(),
        ..Policy::default()
    }
}

fn runtime() -> io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("sco-dash-serve")
        // Viewers' app work (searching, drawing) runs here, off the async workers: a few
        // threads, so that it queues instead of taking the machine.
        .max_blocking_threads(4)
        .build()
}

/// Where the server listens, with which host key, and how to connect.
fn announce(
    server: &Server,
    args: &ServeArgs,
    fingerprint: &impl std::fmt::Display,
    origin: Origin,
    path: &std::path::Path,
    log: &Log,
) {
    let made = match origin {
        Origin::Created => "made",
        Origin::Loaded => "read",
    };
    eprintln!(
        "sco-dash serve: listening on {} (host key {fingerprint}, {made} {})",
        server.addr,
        shown(path)
    );
    if !server.addr.ip().is_loopback() {
        eprintln!(
            "sco-dash serve: note: {} is reachable from other machines",
            server.addr
        );
    }
    eprintln!(
        "sco-dash serve: connect with `ssh -p {} {}`",
        server.addr.port(),
        connect_host(server.addr)
    );
    if args.presenter_keys.is_some() {
        eprintln!(
            "sco-dash serve: the presenter connects as `ssh -p {} {PRESENTER_USER}@HOST`",
            server.addr.port()
        );
    }
    if log.is_file() {
        eprintln!("sco-dash serve: logging to {}", shown(&log_path(args)));
    }
}

/// A path as it may be printed: a file name can hold escape sequences.
fn shown(path: &std::path::Path) -> String {
    crate::text::sanitize(&path.to_string_lossy()).into_owned()
}

/// The banner file: text, at most 4 KiB, sanitised (it is sent to every client's terminal).
fn read_banner(path: &std::path::Path) -> Result<String, String> {
    let shown = shown(path);
    let text = std::fs::read_to_string(path).map_err(|err| format!("--banner {shown}: {err}"))?;
    if text.len() > 4096 {
        return Err(format!("--banner {shown}: longer than 4 KiB"));
    }
    let lines: Vec<String> = text
        .lines()
        .map(|line| crate::text::sanitize(line).into_owned())
        .collect();
    Ok(lines.join("\r\n") + "\r\n")
}

/// Where the log goes when it is a file: `--log`, or with `--present` on a terminal (where
/// stderr is the screen the dashboard draws on) a file in the state folder.
fn log_path(args: &ServeArgs) -> PathBuf {
    args.log.clone().unwrap_or_else(|| {
        host_key::default_path().map_or_else(
            || PathBuf::from("sco-dash-serve.log"),
            |p| p.with_file_name("serve.log"),
        )
    })
}

fn open_log(args: &ServeArgs) -> Result<Arc<Log>, String> {
    let to_file = args.log.is_some() || (args.present && io::stderr().is_terminal());
    if !to_file {
        return Ok(Arc::new(Log::stderr()));
    }
    let path = log_path(args);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    Log::file(&path)
        .map(Arc::new)
        .map_err(|err| format!("cannot write the log to {}: {err}", shown(&path)))
}

fn connect_host(addr: SocketAddr) -> String {
    if addr.ip().is_loopback() || addr.ip().is_unspecified() {
        "localhost".to_string()
    } else {
        addr.ip().to_string()
    }
}

/// `--present`: this terminal runs the dashboard and the viewers follow it; when it quits (or
/// a signal stops it) the demo is over for everyone.
fn present_locally(
    runtime: &tokio::runtime::Runtime,
    server: Server,
    catalog: Arc<Catalog>,
    mouse: bool,
    choice: ThemeChoice,
    lang: Lang,
    tour: Option<Duration>,
) -> Result<(), ServeError> {
    server.present_locally(LOCAL_NAME);
    // The presenter's own terminal is set up as the dashboard's is.
    let (theme, ask_background) = term::theme(Theme::for_this_terminal(), choice);
    let options = term::Options {
        mouse,
        presence: Some(Presence::presenter(LOCAL_NAME)),
    };
    let start = term::Start {
        lang,
        tour,
        ambiguous: None,
        ask_background,
        ..term::Start::default()
    };
    let result = term::run_from(catalog, options, theme, start, |app| {
        server.publish(app.presented());
    });
    runtime.block_on(server.shutdown(SHUTDOWN_GRACE));
    // Quitting and a stopping signal both end the demo as it should end: status 0, as
    // without --present.
    result.map(|_| ()).map_err(ServeError::Terminal)
}

async fn wait_for_signal() -> &'static str {
    use tokio::signal::unix::{SignalKind, signal};
    let (Ok(mut term), Ok(mut int), Ok(mut hup)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
        signal(SignalKind::hangup()),
    ) else {
        // Without signal handlers the default action (exit) still stops the server.
        std::future::pending::<()>().await;
        return "";
    };
    tokio::select! {
        _ = term.recv() => "SIGTERM",
        _ = int.recv() => "SIGINT",
        _ = hup.recv() => "SIGHUP",
    }
}
