//! One SSH connection: authentication, and an explicit answer to every request. Only a
//! session channel with a pty and a shell gets the dashboard; everything a read-only demo has
//! no use for (commands, subsystems such as sftp, forwarding, X11, agents, a second session)
//! is refused at once rather than left unanswered.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use russh::keys::{HashAlg, PublicKey};
use russh::server::{Auth, ChannelOpenHandle, Handler, Msg, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, ChannelOpenFailure, ChannelWriteHalf, MethodKind, MethodSet};
use tokio::sync::mpsc;

use crate::data::Lang;
use crate::ssh::admission::{Offence, Pending};
use crate::ssh::keys::key_name;
use crate::ssh::kill::KillSwitch;
use crate::ssh::limits::{InputCap, Permit};
use crate::ssh::log::Record;
use crate::ssh::server::{MAX_HEIGHT, MAX_WIDTH, Shared};
use crate::ssh::viewer::{self, End, Event, Part, Setup};
use crate::ui::Theme;

/// The user name that asks to present with a key (see `serve --presenter`).
pub const PRESENTER_USER: &str = "presenter";

/// How long a connection may stay open after its viewer has ended.
const LINGER: Duration = Duration::from_secs(5);

/// Refused requests after which a connection is cut and its source penalised: a client
/// that keeps asking for what is refused is not a person trying `ssh -W` once.
const MAX_REFUSALS: u64 = 10;

/// Longest TERM or environment value kept; longer ones are cut.
const VALUE_LIMIT: usize = 64;

pub struct Connection {
    shared: Arc<Shared>,
    id: u64,
    peer: SocketAddr,
    record: Arc<Record>,
    /// The place in the pre-login pool, until logged in...
    pending: Option<Pending>,
    /// ... then a viewer's place.
    permit: Option<Permit>,
    /// A key was offered and refused, and none accepted since: a failed login if the
    /// connection ends like this.
    key_refused: bool,
    kill: KillSwitch,
    /// Set once the dashboard runs: the login-grace timer stops waiting, and a shutdown
    /// leaves the goodbye to the viewer.
    pub viewing: Arc<AtomicBool>,
    /// Set once logged in: a connection that ends after that did not fail its handshake.
    pub logged_in: Arc<AtomicBool>,
    /// The name to present under, when the client authenticated with a presenter key.
    presenter_name: Option<String>,
    /// False when the key that logged in is listed with `restrict` or `no-pty`.
    pty_allowed: bool,
    session: Option<ChannelId>,
    out: Option<Arc<ChannelWriteHalf<Msg>>>,
    term: Option<String>,
    size: Option<(u16, u16)>,
    env: Env,
    viewer: Option<mpsc::Sender<Event>>,
    input: InputCap,
}

/// The environment variables a viewer may pass (`SendEnv`/`SetEnv`), all about how to draw
/// and in which language.
#[derive(Debug, Default, Clone)]
struct Env {
    colorterm: Option<String>,
    no_color: Option<String>,
    lang: Option<String>,
    lc_all: Option<String>,
    lc_messages: Option<String>,
}

impl Env {
    /// The viewer's language by their locale, or `default` when their client sent none.
    fn lang(&self, default: Lang) -> Lang {
        let sent = [&self.lc_all, &self.lc_messages, &self.lang]
            .into_iter()
            .any(|v| v.as_deref().is_some_and(|v| !v.trim().is_empty()));
        if !sent {
            return default;
        }
        Lang::from_locale(
            self.lc_all.as_deref(),
            self.lc_messages.as_deref(),
            self.lang.as_deref(),
        )
    }
}

impl Connection {
    pub fn new(
        shared: Arc<Shared>,
        id: u64,
        peer: SocketAddr,
        record: Arc<Record>,
        pending: Pending,
        kill: KillSwitch,
    ) -> Self {
        let limits = shared.options.limits;
        Connection {
            shared,
            id,
            peer,
            record,
            pending: Some(pending),
            permit: None,
            key_refused: false,
            kill,
            viewing: Arc::new(AtomicBool::new(false)),
            logged_in: Arc::new(AtomicBool::new(false)),
            presenter_name: None,
            pty_allowed: true,
            session: None,
            out: None,
            term: None,
            size: None,
            env: Env::default(),
            viewer: None,
            input: InputCap::new(limits.input_rate, limits.input_burst),
        }
    }

    fn publickey_only() -> Auth {
        Auth::Reject {
            proceed_with_methods: Some(MethodSet::from(&[MethodKind::PublicKey][..])),
            partial_success: false,
        }
    }

    fn accepted(&self, how: &str) -> Auth {
        self.record.auth(how);
        Auth::Accept
    }

    /// Counts a refused request (logged, see [`Record::refused`]); past [`MAX_REFUSALS`] the
    /// connection is cut and its source penalised.
    fn refused(&self, what: &'static str) {
        if self.record.refused(what) == MAX_REFUSALS {
            self.record.end("refused-requests");
            let ip = self.peer.ip();
            self.shared
                .admission
                .penalise(ip, Offence::Refused, Instant::now());
            self.kill.cut();
        }
    }

    fn is_ours(&self, channel: ChannelId) -> bool {
        self.session == Some(channel)
    }

    /// Answers a command or subsystem with a line on the client's stderr and exit status 1,
    /// then ends the channel. The request is accepted first: OpenSSH exits on a refused
    /// request before it prints what the server said.
    fn refuse_and_close(
        &self,
        channel: ChannelId,
        word: &'static str,
        why: &str,
        session: &mut Session,
    ) {
        let _ = session.channel_success(channel);
        let _ = session.extended_data(channel, 1, format!("sco-dash: {why}\r\n").into_bytes());
        let _ = session.exit_status_request(channel, 1);
        let _ = session.eof(channel);
        let _ = session.close(channel);
        self.record.end(word);
    }

    fn start_viewer(&mut self, session: &mut Session) {
        let Some(out) = self.out.clone() else { return };
        let size = self.size.unwrap_or((80, 24));
        let term = self.term.clone().unwrap_or_default();
        let options = &self.shared.options;
        let part = match (&self.presenter_name, options.presenting) {
            (Some(name), _) if self.shared.hub.claim(self.id, name) => Part::Presenter {
                id: self.id,
                name: name.clone(),
            },
            (_, true) => Part::Follower,
            (_, false) => Part::Alone,
        };
        // `auto` starts dark and follows the viewer's background once their terminal says.
        let theme = Theme::detect(
            Some(&term),
            self.env.colorterm.as_deref(),
            self.env.no_color.as_deref(),
        )
        .choose(options.theme, None, || None);
        let setup = Setup {
            catalog: Arc::clone(&self.shared.catalog),
            theme,
            size,
            part,
            mouse: options.mouse,
            limits: options.limits,
            hub: Arc::clone(&self.shared.hub),
            shutdown: self.shared.shutdown.clone(),
            record: Arc::clone(&self.record),
            #[cfg(feature = "test-hooks")]
            panic_key: options.panic_key,
            cells: Arc::clone(&self.shared.cells),
            ip: self.peer.ip(),
            theme_choice: options.theme,
            lang: self.env.lang(options.lang),
        };
        let (sender, receiver) = mpsc::channel(64);
        self.viewing.store(true, Ordering::SeqCst);
        self.viewer = Some(sender);
        let record = Arc::clone(&self.record);
        let hub = Arc::clone(&self.shared.hub);
        let id = self.id;
        let handle = session.handle();
        let kill = self.kill.clone();
        let stall = options.limits.stall_timeout;
        let mouse = options.mouse;
        let task = self
            .shared
            .tasks
            .spawn(viewer::run(setup, receiver, Arc::clone(&out)));
        // A panic ends this viewer's task only; here it is noticed and its connection closed,
        // with the viewer's terminal put back as well as can be.
        self.shared.tasks.spawn(async move {
            let end = match task.await {
                Ok(end) => end,
                Err(_) => {
                    hub.release(id);
                    let why = "sco-dash: this session hit an internal error, sorry";
                    viewer::say_goodbye(&out, mouse, Some(why), 1, stall).await;
                    record.end("panic");
                    End::Gone
                }
            };
            // A client that stopped reading can end the connection (its writes give up, see
            // `kill::Room`) before this viewer had a frame to wait on.
            let end = if kill.stalled() { End::Stalled } else { end };
            record.end(end.log_word());
            drop(record);
            // A client closes the connection once its session channel closes; one that keeps
            // it open with nothing in it, or has stopped reading, is cut off.
            if end != End::Stalled {
                tokio::time::sleep(LINGER).await;
            }
            let bye = handle.disconnect(
                russh::Disconnect::ByApplication,
                String::new(),
                String::new(),
            );
            let _ = tokio::time::timeout(Duration::from_secs(1), bye).await;
            kill.cut();
        });
    }
}

/// A size from a pty request or a window change, within what a screen can sensibly be: zero
/// is refused and anything over the maximum is cut to it, so no client can make us allocate
/// a huge buffer.
pub fn clamp_size(width: u32, height: u32) -> Option<(u16, u16)> {
    if width == 0 || height == 0 {
        return None;
    }
    Some((
        width.min(u32::from(MAX_WIDTH)) as u16,
        height.min(u32::from(MAX_HEIGHT)) as u16,
    ))
}

/// `ssh-rsa` signatures (RSA with SHA-1), refused as OpenSSH's sshd has since 8.8: the same
/// key signs with `rsa-sha2-256` or `-512` in any client of the last years.
fn is_sha1(algorithm: &russh::keys::Algorithm) -> bool {
    matches!(algorithm, russh::keys::Algorithm::Rsa { hash: None })
}

/// Refuses a channel a demo has no use for (X11, forwarding).
async fn prohibit(reply: ChannelOpenHandle) -> Result<(), russh::Error> {
    reply
        .reject(ChannelOpenFailure::AdministrativelyProhibited)
        .await;
    Ok(())
}

fn short(value: &str) -> String {
    value.chars().take(VALUE_LIMIT).collect()
}

/// What a window change costs of the input cap, in bytes.
const WINDOW_CHANGE_COST: usize = 64;

impl Connection {
    /// Reads nothing more from this client for `wait` (see [`InputCap::arrive`]): what it
    /// sends is read, and decrypted, only as fast as the input cap allows, and a flooding
    /// client holds up only its own connection; not past its end or a shutdown, so that its
    /// goodbye goes out.
    async fn slow_down(&self, wait: Duration) {
        if wait.is_zero() {
            return;
        }
        let mut shutdown = self.shared.shutdown.clone();
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            () = self.kill.cancelled() => {}
            _ = shutdown.wait_for(|down| *down) => {}
        }
    }
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn auth_none(&mut self, user: &str) -> Result<Auth, Self::Error> {
        self.record.user(user);
        let options = &self.shared.options;
        if options.authorized_keys.is_some()
            || (options.presenter_keys.is_some() && user == PRESENTER_USER)
        {
            return Ok(Self::publickey_only());
        }
        Ok(self.accepted("none"))
    }

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        key: russh::server::PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        self.record.user(user);
        self.record
            .key(key.public_key.fingerprint(HashAlg::Sha256).to_string());
        Ok(if !is_sha1(key.algorithm) && self.may_use(key.public_key) {
            Auth::Accept
        } else {
            self.key_refused = true;
            Auth::reject()
        })
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        self.record.user(user);
        self.record
            .key(key.public_key.fingerprint(HashAlg::Sha256).to_string());
        if is_sha1(key.algorithm) || !self.may_use(key.public_key) {
            self.key_refused = true;
            return Ok(Auth::reject());
        }
        self.pty_allowed = self.may_have_pty(key.public_key);
        // A presenter's key presents only when its holder asks to, as `presenter@`.
        let presenter = (user == PRESENTER_USER)
            .then_some(self.shared.options.presenter_keys.as_ref())
            .flatten()
            .and_then(|keys| keys.find_for(key.public_key, self.peer.ip(), chrono::Utc::now()));
        if let Some(listed) = presenter {
            self.presenter_name = Some(key_name(listed));
            return Ok(self.accepted("publickey(presenter)"));
        }
        Ok(self.accepted("publickey"))
    }

    async fn authentication_banner(&mut self) -> Result<Option<String>, Self::Error> {
        Ok(self.shared.options.banner.clone())
    }

    /// Logged in: the connection leaves the pre-login pool for a viewer's place, if there is
    /// one.
    async fn auth_succeeded(&mut self, session: &mut Session) -> Result<(), Self::Error> {
        self.key_refused = false;
        self.pending = None;
        self.logged_in.store(true, Ordering::SeqCst);
        match self.shared.viewers.try_acquire(self.peer.ip()) {
            Ok(permit) => self.permit = Some(permit),
            Err(refusal) => {
                self.record.end(refusal.log_word());
                session.disconnect(russh::Disconnect::TooManyConnections, refusal.message(), "")?;
            }
        }
        Ok(())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.permit.is_none() {
            return prohibit(reply).await;
        }
        if self.session.is_some() {
            self.refused("second-session");
            return prohibit(reply).await;
        }
        let id = channel.id();
        // Requests and data reach us through this handler; the read half would only queue
        // copies of them, so it is dropped and only the flow-controlled writer kept.
        let (_, write) = channel.split();
        self.session = Some(id);
        self.out = Some(Arc::new(write));
        reply.accept().await;
        Ok(())
    }

    async fn channel_open_x11(
        &mut self,
        _channel: Channel<Msg>,
        _originator_address: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused("x11");
        prohibit(reply).await
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        _host_to_connect: &str,
        _port_to_connect: u32,
        _originator_address: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused("forward");
        prohibit(reply).await
    }

    async fn channel_open_forwarded_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        _host_to_connect: &str,
        _port_to_connect: u32,
        _originator_address: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused("forward");
        prohibit(reply).await
    }

    async fn channel_open_direct_streamlocal(
        &mut self,
        _channel: Channel<Msg>,
        _socket_path: &str,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused("forward");
        prohibit(reply).await
    }

    async fn tcpip_forward(
        &mut self,
        _address: &str,
        _port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused("forward");
        Ok(false)
    }

    async fn streamlocal_forward(
        &mut self,
        _socket_path: &str,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused("forward");
        Ok(false)
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused("agent");
        Ok(false)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single_connection: bool,
        _x11_auth_protocol: &str,
        _x11_auth_cookie: &str,
        _x11_screen_number: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused("x11");
        session.channel_failure(channel)
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(russh::Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.is_ours(channel) || self.viewer.is_some() || !self.pty_allowed {
            return session.channel_failure(channel);
        }
        // Some clients cannot tell their size and send zero: they get the classic 80×24.
        let (width, height) = clamp_size(col_width, row_height).unwrap_or((80, 24));
        let term = short(term);
        self.record.term(&term);
        self.record.size(width, height);
        self.term = Some(term);
        self.size = Some((width, height));
        session.channel_success(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        variable_name: &str,
        variable_value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let value = Some(short(variable_value));
        match variable_name {
            "COLORTERM" => self.env.colorterm = value,
            "NO_COLOR" => self.env.no_color = value,
            "LANG" => self.env.lang = value,
            "LC_ALL" => self.env.lc_all = value,
            "LC_MESSAGES" => self.env.lc_messages = value,
            _ => return session.channel_failure(channel),
        }
        session.channel_success(channel)
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.is_ours(channel) || self.viewer.is_some() {
            return session.channel_failure(channel);
        }
        if self.term.is_none() {
            let port = self.shared.port;
            let line = if self.pty_allowed {
                format!(
                    "sco-dash: the dashboard needs a terminal; connect with `ssh -t -p {port} HOST`\r\n"
                )
            } else {
                "sco-dash: the dashboard needs a terminal, and this key's line in the key list \
                 forbids one (restrict or no-pty; `restrict,pty` allows it)\r\n"
                    .to_string()
            };
            session.channel_success(channel)?;
            session.data(channel, line.into_bytes())?;
            session.exit_status_request(channel, 1)?;
            session.eof(channel)?;
            self.record.end("no-pty");
            return session.close(channel);
        }
        session.channel_success(channel)?;
        self.start_viewer(session);
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse_and_close(
            channel,
            "refused-exec",
            "refused exec; commands are not run here, connect without one to see the dashboard",
            session,
        );
        Ok(())
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let why = format!(
            "refused subsystem {:?}; this server only shows the dashboard",
            short(name)
        );
        self.refuse_and_close(channel, "refused-subsystem", &why, session);
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        let (Some(viewer), Some((width, height))) =
            (&self.viewer, clamp_size(col_width, row_height))
        else {
            return Ok(());
        };
        if self.is_ours(channel) {
            // A full queue means the viewer has changes to take already: this one is dropped
            // (the viewer draws the last size of a burst anyway), never waited for.
            let _ = viewer.try_send(Event::Resize(width, height));
        }
        // Each change costs as much of the input cap as a short key sequence.
        let (_, wait) = self.input.arrive(WINDOW_CHANGE_COST, Instant::now());
        self.slow_down(wait).await;
        Ok(())
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.is_ours(channel) {
            return Ok(());
        }
        self.record
            .bytes_in
            .fetch_add(data.len() as u64, Ordering::Relaxed);
        let (allowed, wait) = self.input.arrive(data.len(), Instant::now());
        if let (Some(viewer), true) = (&self.viewer, allowed > 0) {
            let _ = viewer.send(Event::Bytes(data[..allowed].to_vec())).await;
        }
        self.slow_down(wait).await;
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.is_ours(channel) {
            self.viewer = None;
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.is_ours(channel) {
            self.viewer = None;
        }
        Ok(())
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        if self.key_refused && self.permit.is_none() {
            self.record.end("auth-failed");
            let ip = self.peer.ip();
            self.shared
                .admission
                .penalise(ip, Offence::AuthFailed, Instant::now());
        }
    }
}

impl Connection {
    /// Whether the key's line allows a pty (`restrict` and `no-pty` do not, as in sshd); in
    /// the open demo, any key may have one.
    fn may_have_pty(&self, key: &PublicKey) -> bool {
        let options = &self.shared.options;
        let (ip, now) = (self.peer.ip(), chrono::Utc::now());
        let lists = [&options.authorized_keys, &options.presenter_keys];
        let listed: Vec<&crate::ssh::keys::AuthorizedKeys> = lists
            .into_iter()
            .flatten()
            .filter(|l| l.find_for(key, ip, now).is_some())
            .collect();
        listed.is_empty() || listed.iter().any(|l| l.allows_pty(key, ip, now))
    }

    /// Whether a key may log in: any key in the open demo, only listed ones otherwise.
    fn may_use(&self, key: &PublicKey) -> bool {
        let options = &self.shared.options;
        let (ip, now) = (self.peer.ip(), chrono::Utc::now());
        let listed = |list: &Option<crate::ssh::keys::AuthorizedKeys>| {
            list.as_ref()
                .is_some_and(|keys| keys.find_for(key, ip, now).is_some())
        };
        options.authorized_keys.is_none()
            || listed(&options.authorized_keys)
            || listed(&options.presenter_keys)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn rsa_with_sha1_is_refused_and_with_sha2_is_not() {
        use russh::keys::{Algorithm, HashAlg};
        assert!(super::is_sha1(&Algorithm::Rsa { hash: None }));
        assert!(!super::is_sha1(&Algorithm::Rsa {
            hash: Some(HashAlg::Sha256)
        }));
        assert!(!super::is_sha1(&Algorithm::Ed25519));
    }
}
