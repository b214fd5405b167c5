//! Who may start logging in: the policy for connections that have not authenticated yet,
//! kept apart from the viewers' places so that sockets which never log in cannot keep
//! anyone out for long. Modelled on sshd's `MaxStartups` (a pool of pending logins with
//! random early drop), `PerSourcePenalties` (sources that run out the login time, fail the
//! handshake or fail to log in are refused for a while) and a connection-rate bucket per
//! source. A source is an IPv4 address, or an IPv6 /64 (what one client usually holds).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::ssh::kill::KillSwitch;
use crate::ssh::limits::TokenBucket;

/// Pending logins: refuse none below `start`, then a `rate` % share rising linearly to all
/// at `full` (sshd's `MaxStartups start:rate:full`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Startups {
    pub start: usize,
    pub rate: u8,
    pub full: usize,
}

impl Default for Startups {
    fn default() -> Self {
        Startups {
            start: 10,
            rate: 30,
            full: 60,
        }
    }
}

impl Startups {
    /// The pool for `max_sessions` viewers: a room that arrives at once fits in it. None
    /// refused below the number of viewer places, rising to all at twice that (never less
    /// than sshd's 10:30:60).
    pub fn for_sessions(max_sessions: usize) -> Startups {
        Startups {
            start: max_sessions.max(10),
            rate: 30,
            full: (2 * max_sessions).max(60),
        }
    }
}

impl std::str::FromStr for Startups {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("expected START:RATE:FULL (like 10:30:60), got {text:?}");
        let parts: Vec<&str> = text.split(':').collect();
        let [start, rate, full] = parts[..] else {
            return Err(bad());
        };
        let startups = Startups {
            start: start.parse().map_err(|_| bad())?,
            rate: rate.parse().map_err(|_| bad())?,
            full: full.parse().map_err(|_| bad())?,
        };
        if startups.start == 0 || startups.start > startups.full || startups.rate > 100 {
            return Err(format!(
                "need 0 < START <= FULL and RATE <= 100, got {text:?}"
            ));
        }
        Ok(startups)
    }
}

/// Why a source is penalised, and for how long (sshd's defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offence {
    /// Still not logged in when the login time ran out.
    LoginGrace,
    /// The handshake failed: not SSH, or no algorithm in common.
    Handshake,
    /// Offered keys, none of them listed.
    AuthFailed,
    /// Kept asking for what a demo refuses (forwards, X11, second sessions).
    Refused,
}

#[derive(Debug, Clone)]
pub struct Policy {
    pub startups: Startups,
    /// Pending logins from one source.
    pub pending_per_source: usize,
    /// New connections a second from one source, on average...
    pub connect_rate: f64,
    /// ... and at once (a room arriving together behind one NAT address).
    pub connect_burst: usize,
    pub penalty_login_grace: Duration,
    pub penalty_handshake: Duration,
    pub penalty_auth_failed: Duration,
    pub penalty_refused: Duration,
    /// A source is refused only once its penalty reaches this...
    pub penalty_min: Duration,
    /// ... and never for longer than this.
    pub penalty_max: Duration,
    /// Sources never penalised or rate-limited (a venue's NAT, a load balancer).
    pub exempt: Vec<Net>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            startups: Startups::default(),
            pending_per_source: 8,
            connect_rate: 2.0,
            connect_burst: 30,
            penalty_login_grace: Duration::from_secs(10),
            penalty_handshake: Duration::from_secs(5),
            penalty_auth_failed: Duration::from_secs(5),
            penalty_refused: Duration::from_secs(30),
            penalty_min: Duration::from_secs(15),
            penalty_max: Duration::from_secs(600),
            exempt: Vec::new(),
        }
    }
}

/// An address block: `ADDR` or `ADDR/BITS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Net {
    addr: IpAddr,
    bits: u8,
}

impl Net {
    /// Every address (`0.0.0.0/0`, `::/0`).
    pub fn is_everything(&self) -> bool {
        self.bits == 0
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let (net, ip, width) = match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                (u128::from(u32::from(net)), u128::from(u32::from(ip)), 32)
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => (u128::from(net), u128::from(ip), 128),
            _ => return false,
        };
        let host_bits = width - u32::from(self.bits);
        host_bits >= width || (net >> host_bits) == (ip >> host_bits)
    }
}

impl std::str::FromStr for Net {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("expected ADDR or ADDR/BITS, got {text:?}");
        let (addr, bits) = match text.split_once('/') {
            Some((addr, bits)) => (addr, Some(bits.parse::<u8>().map_err(|_| bad())?)),
            None => (text, None),
        };
        let addr: IpAddr = addr.parse().map_err(|_| bad())?;
        let width = if addr.is_ipv4() { 32 } else { 128 };
        let bits = bits.unwrap_or(width);
        if bits > width {
            return Err(bad());
        }
        Ok(Net { addr, bits })
    }
}

/// Why a connection was not let in. The words are for the log (a fail2ban filter can match
/// them) and the sentences for the person connecting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Every viewer's place is taken.
    Full,
    /// Too many logins under way (in all, or from this source).
    Busy,
    /// This source connects too often.
    Rate,
    /// This source is penalised for earlier failed logins.
    Penalty,
}

impl Refusal {
    pub fn log_word(self) -> &'static str {
        match self {
            Refusal::Full => "refused-full",
            Refusal::Busy => "refused-busy",
            Refusal::Rate => "refused-rate",
            Refusal::Penalty => "refused-penalty",
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Refusal::Full => "sco-dash: the demo is full, try again later",
            Refusal::Busy => {
                "sco-dash: too many people are logging in right now, try again in a moment"
            }
            Refusal::Rate => {
                "sco-dash: too many connections from your address, wait a little and try again"
            }
            Refusal::Penalty => {
                "sco-dash: too many failed logins from your address, try again later"
            }
        }
    }
}

/// Who a limit counts together: an IPv4 address, or an IPv6 /64.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    V4(u32),
    /// The /64 prefix.
    V6(u64),
}

impl Source {
    pub fn of(ip: IpAddr) -> Source {
        match ip {
            IpAddr::V4(ip) => Source::V4(u32::from(ip)),
            IpAddr::V6(ip) => match ip.to_ipv4_mapped() {
                Some(v4) => Source::V4(u32::from(v4)),
                None => Source::V6((u128::from(ip) >> 64) as u64),
            },
        }
    }
}

#[derive(Debug)]
struct SourceState {
    pending: usize,
    connects: TokenBucket,
    penalty_until: Instant,
}

/// Sources remembered at most; past it, those with nothing pending and no penalty are
/// forgotten (their buckets would be full again anyway after a while), then, when an attack
/// from many addresses keeps that many penalised, those whose penalty ends soonest, down to
/// three quarters: memory stays bounded, and the scan runs once per quarter of it.
const MAX_SOURCES: usize = 16_384;

#[derive(Debug)]
pub struct Admission {
    policy: Policy,
    state: Mutex<State>,
    /// Woken whenever a place in the pool comes free.
    freed: tokio::sync::Notify,
}

/// A login in the pending pool that has not sent its version string after this long may be
/// closed to let a newcomer in when the pool is full.
const STALE: Duration = Duration::from_secs(1);

#[derive(Debug)]
struct Waiting {
    source: Source,
    since: Instant,
    kill: KillSwitch,
}

#[derive(Debug, Default)]
struct State {
    pending: usize,
    /// The logins under way, by id.
    waiting: HashMap<u64, Waiting>,
    next_id: u64,
    sources: HashMap<Source, SourceState>,
    /// A cheap pseudo-random sequence for the early drop (xorshift).
    dice: u64,
}

/// A login under way; dropping it frees its place in the pending pool.
#[derive(Debug)]
pub struct Pending {
    admission: Arc<Admission>,
    id: u64,
}

impl Admission {
    pub fn new(policy: Policy) -> Arc<Self> {
        Arc::new(Admission {
            policy,
            freed: tokio::sync::Notify::new(),
            state: Mutex::new(State {
                dice: 0x9e37_79b9_7f4a_7c15,
                ..State::default()
            }),
        })
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn exempt(&self, ip: IpAddr) -> bool {
        self.policy.exempt.iter().any(|net| net.contains(ip))
    }

    /// Lets a new connection from `ip` start logging in, or says why not. When the pool is
    /// full, the login under way that has made the least progress (no version string after
    /// a second, the oldest first) is closed to make room; `kill` closes this one, should
    /// it come to that.
    pub fn admit(
        self: &Arc<Self>,
        ip: IpAddr,
        kill: KillSwitch,
        now: Instant,
    ) -> Result<Pending, Refusal> {
        self.admit_as(ip, kill, now, false)
    }

    /// `admit` again for a connection waiting its turn after [`Refusal::Busy`]: its
    /// connection was counted against the rate already.
    pub fn admit_waiting(
        self: &Arc<Self>,
        ip: IpAddr,
        kill: KillSwitch,
        now: Instant,
    ) -> Result<Pending, Refusal> {
        self.admit_as(ip, kill, now, true)
    }

    /// Resolves when a place in the pool may have come free (from its making on: make it
    /// before trying, and no place freed in between is missed).
    pub fn freed(&self) -> tokio::sync::futures::Notified<'_> {
        self.freed.notified()
    }

    fn admit_as(
        self: &Arc<Self>,
        ip: IpAddr,
        kill: KillSwitch,
        now: Instant,
        waiting: bool,
    ) -> Result<Pending, Refusal> {
        let policy = &self.policy;
        let exempt = self.exempt(ip);
        let source = Source::of(ip);
        let mut state = self.state();
        if state.sources.len() >= MAX_SOURCES {
            state.forget_sources(now);
        }
        let pending = state.pending;
        let drop_one = pending >= policy.startups.start && {
            let span = (policy.startups.full - policy.startups.start).max(1);
            let over = (pending - policy.startups.start) as f64 / span as f64;
            let chance = f64::from(policy.startups.rate) / 100.0;
            let chance = chance + (1.0 - chance) * over;
            state.roll() < chance
        };
        let entry = state.sources.entry(source).or_insert_with(|| SourceState {
            pending: 0,
            connects: TokenBucket::new_fractional(policy.connect_rate, policy.connect_burst),
            penalty_until: now,
        });
        if !exempt && entry.penalty_until.saturating_duration_since(now) >= policy.penalty_min {
            return Err(Refusal::Penalty);
        }
        if !exempt && !waiting && entry.connects.take(1, now) == 0 {
            return Err(Refusal::Rate);
        }
        if !exempt && entry.pending >= policy.pending_per_source {
            return Err(Refusal::Busy);
        }
        if (pending >= policy.startups.full || drop_one) && !state.close_stalest(now) {
            return Err(Refusal::Busy);
        }
        if let Some(entry) = state.sources.get_mut(&source) {
            entry.pending += 1;
        }
        state.pending += 1;
        let id = state.next_id;
        state.next_id += 1;
        state.waiting.insert(
            id,
            Waiting {
                source,
                since: now,
                kill,
            },
        );
        Ok(Pending {
            admission: Arc::clone(self),
            id,
        })
    }

    /// Adds to a source's penalty for a failed login.
    pub fn penalise(&self, ip: IpAddr, offence: Offence, now: Instant) {
        if self.exempt(ip) {
            return;
        }
        let policy = &self.policy;
        let add = match offence {
            Offence::LoginGrace => policy.penalty_login_grace,
            Offence::Handshake => policy.penalty_handshake,
            Offence::AuthFailed => policy.penalty_auth_failed,
            Offence::Refused => policy.penalty_refused,
        };
        let mut state = self.state();
        if let Some(source) = state.sources.get_mut(&Source::of(ip)) {
            let from = source.penalty_until.max(now);
            source.penalty_until = (from + add).min(now + policy.penalty_max);
        }
    }

    /// Logins under way now.
    pub fn pending(&self) -> usize {
        self.state().pending
    }
}

impl State {
    /// Closes the oldest login under way that has not sent its version string within
    /// [`STALE`], and frees its place; false if there is none.
    fn close_stalest(&mut self, now: Instant) -> bool {
        let stalest = self
            .waiting
            .iter()
            .filter(|(_, w)| {
                !w.kill.said_hello() && now.saturating_duration_since(w.since) >= STALE
            })
            .min_by_key(|(id, w)| (w.since, **id))
            .map(|(id, _)| *id);
        match stalest {
            Some(id) => {
                self.release(id);
                true
            }
            None => false,
        }
    }

    /// Frees a login's place (and cuts its connection, if it is still open).
    fn release(&mut self, id: u64) {
        if let Some(waiting) = self.waiting.remove(&id) {
            waiting.kill.cut();
            self.pending = self.pending.saturating_sub(1);
            if let Some(source) = self.sources.get_mut(&waiting.source) {
                source.pending = source.pending.saturating_sub(1);
            }
        }
    }

    fn forget_sources(&mut self, now: Instant) {
        self.sources
            .retain(|_, s| s.pending > 0 || s.penalty_until > now);
        let keep = MAX_SOURCES * 3 / 4;
        if self.sources.len() <= keep {
            return;
        }
        // Sources with logins under way stay (there are at most the pending pool of them).
        let mut idle: Vec<(Instant, Source)> = self
            .sources
            .iter()
            .filter(|(_, s)| s.pending == 0)
            .map(|(source, s)| (s.penalty_until, *source))
            .collect();
        let excess = (self.sources.len() - keep).min(idle.len());
        if excess == 0 {
            return;
        }
        idle.select_nth_unstable_by_key(excess - 1, |(until, _)| *until);
        for (_, source) in &idle[..excess] {
            self.sources.remove(source);
        }
    }

    /// A number in [0, 1).
    fn roll(&mut self) -> f64 {
        let mut x = self.dice;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.dice = x;
        (x >> 11) as f64 / (1u64 << 53) as f64
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        // Logged in (or gone): the place is free, and the connection is not cut.
        let mut state = self.admission.state();
        if let Some(waiting) = state.waiting.remove(&self.id) {
            state.pending = state.pending.saturating_sub(1);
            if let Some(source) = state.sources.get_mut(&waiting.source) {
                source.pending = source.pending.saturating_sub(1);
            }
        }
        drop(state);
        self.admission.freed.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Admission {
        /// `admit` for a connection nobody will cut.
        fn admit_(self: &Arc<Self>, ip: IpAddr, now: Instant) -> Result<Pending, Refusal> {
            let kill = KillSwitch::default();
            kill.hello();
            self.admit(ip, kill, now)
        }
    }

    #[test]
    fn a_full_pool_closes_the_oldest_login_without_a_version_to_let_a_newcomer_in() {
        let admission = Admission::new(Policy {
            startups: Startups {
                start: 8,
                rate: 0,
                full: 8,
            },
            ..policy()
        });
        let start = Instant::now();
        // The pool (full at 8) taken by sockets from 8 addresses: 4 that said nothing, 4 that
        // sent their version.
        let mut silent = Vec::new();
        let mut held = Vec::new();
        for n in 1..=8u8 {
            let kill = KillSwitch::default();
            if n > 4 {
                kill.hello();
            }
            let now = start + Duration::from_millis(u64::from(n));
            held.push(admission.admit(ip(n), kill.clone(), now).expect("room"));
            silent.push(kill);
        }
        assert_eq!(admission.pending(), 8);
        // Within a second of connecting, nobody is closed for a newcomer.
        let soon = start + Duration::from_millis(500);
        assert_eq!(admission.admit_(ip(20), soon).err(), Some(Refusal::Busy));
        assert!(silent.iter().all(|k| !k.is_cut()));
        // Later, each newcomer closes the oldest silent one, until none is left.
        let later = start + Duration::from_secs(2);
        for n in 0..4 {
            held.push(admission.admit_(ip(30 + n), later).expect("room made"));
            assert!(silent[usize::from(n)].is_cut(), "the oldest silent one");
            assert!(!silent[usize::from(n) + 1].is_cut());
        }
        assert_eq!(
            admission.admit_(ip(40), later).err(),
            Some(Refusal::Busy),
            "only those who sent a version are left"
        );
        assert!(silent[4..].iter().all(|k| !k.is_cut()));
        // A closed one's own drop later does not free a second place.
        drop(held.remove(0));
        assert_eq!(admission.pending(), 8);
    }

    fn ip(last: u8) -> IpAddr {
        [10, 0, 0, last].into()
    }

    #[test]
    fn an_attack_from_many_addresses_keeps_the_memory_of_sources_bounded() {
        let admission = Admission::new(Policy::default());
        let start = Instant::now();
        let addr = |n: u32| -> IpAddr { std::net::Ipv4Addr::from(0x0a00_0000 + n).into() };
        let rounds = MAX_SOURCES as u32 * 2;
        for n in 0..rounds {
            let now = start + std::time::Duration::from_micros(n.into());
            drop(admission.admit_(addr(n), now));
            admission.penalise(addr(n), Offence::AuthFailed, now);
            assert!(admission.state().sources.len() <= MAX_SOURCES, "after {n}");
        }
        // Those whose penalty ends last, the latest offenders, are the ones still remembered.
        let state = admission.state();
        assert!(state.sources.contains_key(&Source::of(addr(rounds - 1))));
        assert!(!state.sources.contains_key(&Source::of(addr(0))));
    }

    fn policy() -> Policy {
        Policy {
            startups: Startups {
                start: 4,
                rate: 50,
                full: 8,
            },
            pending_per_source: 3,
            connect_rate: 1.0,
            connect_burst: 100,
            ..Policy::default()
        }
    }

    #[test]
    fn pending_logins_are_capped_per_source_and_in_all_with_early_drop() {
        let admission = Admission::new(policy());
        let now = Instant::now();
        let mut held: Vec<Pending> = (0..3)
            .map(|_| admission.admit_(ip(1), now).unwrap())
            .collect();
        assert_eq!(admission.admit_(ip(1), now).err(), Some(Refusal::Busy));
        // From start (4) on, some are dropped; at full (8) all are.
        let mut refused = 0;
        for n in 2..=200 {
            match admission.admit_(ip(n), now) {
                Ok(pending) => held.push(pending),
                Err(_) => refused += 1,
            }
        }
        assert_eq!(admission.pending(), 8);
        assert!(refused > 150);
        held.clear();
        assert_eq!(admission.pending(), 0, "dropping frees the places");
        assert!(admission.admit_(ip(1), now).is_ok());
    }

    #[test]
    fn a_source_that_connects_too_often_is_slowed() {
        let admission = Admission::new(Policy {
            connect_burst: 5,
            ..policy()
        });
        let now = Instant::now();
        for _ in 0..5 {
            drop(admission.admit_(ip(1), now).unwrap());
        }
        assert_eq!(admission.admit_(ip(1), now).err(), Some(Refusal::Rate));
        assert!(
            admission.admit_(ip(2), now).is_ok(),
            "other sources are not"
        );
        let later = now + Duration::from_secs(1);
        assert!(admission.admit_(ip(1), later).is_ok(), "one more a second");
    }

    #[test]
    fn penalties_add_up_refuse_past_the_minimum_and_expire() {
        let admission = Admission::new(policy());
        let now = Instant::now();
        drop(admission.admit_(ip(1), now).unwrap());
        admission.penalise(ip(1), Offence::LoginGrace, now);
        assert!(
            admission.admit_(ip(1), now).is_ok(),
            "10 s is under the 15 s minimum"
        );
        admission.penalise(ip(1), Offence::LoginGrace, now);
        assert_eq!(admission.admit_(ip(1), now).err(), Some(Refusal::Penalty));
        assert!(admission.admit_(ip(2), now).is_ok());
        let later = now + Duration::from_secs(6);
        assert!(
            admission.admit_(ip(1), later).is_ok(),
            "14 s left: under the minimum"
        );
    }

    #[test]
    fn ipv6_sources_are_slash_64s_and_exempt_nets_are_never_refused() {
        let mut policy = policy();
        policy.exempt = vec!["192.0.2.0/24".parse().unwrap()];
        policy.pending_per_source = 1;
        let admission = Admission::new(policy);
        let now = Instant::now();
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2::ffff".parse().unwrap();
        let _held = admission.admit_(a, now).unwrap();
        assert_eq!(
            admission.admit_(b, now).err(),
            Some(Refusal::Busy),
            "same /64"
        );
        let venue: IpAddr = "192.0.2.7".parse().unwrap();
        let _one = admission.admit_(venue, now).unwrap();
        admission.penalise(venue, Offence::LoginGrace, now);
        admission.penalise(venue, Offence::LoginGrace, now);
        assert!(admission.admit_(venue, now).is_ok());
    }

    #[test]
    fn nets_and_startups_parse() {
        let net: Net = "10.1.0.0/16".parse().unwrap();
        assert!(!net.contains(ip(1)) && net.contains([10, 1, 200, 3].into()));
        assert!("10.0.0.1/33".parse::<Net>().is_err());
        assert_eq!("10:30:60".parse::<Startups>(), Ok(Startups::default()));
        assert_eq!(
            Startups::for_sessions(64),
            Startups {
                start: 64,
                rate: 30,
                full: 128
            }
        );
        assert_eq!(Startups::for_sessions(500).full, 1000);
        assert_eq!(Startups::for_sessions(1), Startups::default());
        assert!("60:30:10".parse::<Startups>().is_err());
    }
}
