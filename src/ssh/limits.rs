//! What keeps a public demo server within bounds: viewers' places (in all and per address),
//! token buckets for input, and a budget of screen cells shared by every viewer.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::ssh::admission::Source;

/// Counts open connections, in all and per source (an address, or an IPv6 /64: what one
/// client holds, as the pre-login caps count it).
#[derive(Debug)]
pub struct ConnectionCaps {
    max_total: usize,
    max_per_ip: usize,
    open: Mutex<Open>,
}

#[derive(Debug, Default)]
struct Open {
    total: usize,
    per_ip: HashMap<Source, usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Full,
    TooManyFromAddress,
}

impl Refusal {
    /// Said to the client before the connection is closed.
    pub fn message(self) -> &'static str {
        match self {
            Refusal::Full => "sco-dash: the demo is full, try again later",
            Refusal::TooManyFromAddress => {
                "sco-dash: too many viewers from your address, close one and try again"
            }
        }
    }

    pub fn log_word(self) -> &'static str {
        match self {
            Refusal::Full => "refused-full",
            Refusal::TooManyFromAddress => "refused-address",
        }
    }
}

/// One open connection; dropping it frees the place.
#[derive(Debug)]
pub struct Permit {
    caps: Arc<ConnectionCaps>,
    source: Source,
}

impl ConnectionCaps {
    pub fn new(max_total: usize, max_per_ip: usize) -> Arc<Self> {
        Arc::new(ConnectionCaps {
            max_total,
            max_per_ip,
            open: Mutex::new(Open::default()),
        })
    }

    pub fn try_acquire(self: &Arc<Self>, ip: IpAddr) -> Result<Permit, Refusal> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        if open.total >= self.max_total {
            return Err(Refusal::Full);
        }
        let source = Source::of(ip);
        let from_ip = open.per_ip.entry(source).or_insert(0);
        if *from_ip >= self.max_per_ip {
            return Err(Refusal::TooManyFromAddress);
        }
        *from_ip += 1;
        open.total += 1;
        Ok(Permit {
            caps: Arc::clone(self),
            source,
        })
    }

    /// Whether every place is taken (checked at accept, so a full demo costs no handshake).
    pub fn is_full(&self) -> bool {
        self.open() >= self.max_total
    }

    pub fn open(&self) -> usize {
        self.open
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .total
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        let mut open = self
            .caps
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        open.total = open.total.saturating_sub(1);
        if let Some(n) = open.per_ip.get_mut(&self.source) {
            *n -= 1;
            if *n == 0 {
                open.per_ip.remove(&self.source);
            }
        }
    }
}

/// Allows `rate` bytes a second on average, and bursts of up to `burst` (a paste).
#[derive(Debug)]
pub struct TokenBucket {
    rate: f64,
    burst: f64,
    tokens: f64,
    last: Instant,
}

impl TokenBucket {
    pub fn new(rate: usize, burst: usize) -> Self {
        TokenBucket::new_fractional(rate as f64, burst)
    }

    /// A bucket for rates below one a second (connections from one address).
    pub fn new_fractional(rate: f64, burst: usize) -> Self {
        TokenBucket {
            rate,
            burst: burst as f64,
            tokens: burst as f64,
            last: Instant::now(),
        }
    }

    fn refill(&mut self, now: Instant) {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + elapsed * self.rate).min(self.burst);
    }

    /// How many of `n` bytes arriving at `now` may pass.
    pub fn take(&mut self, n: usize, now: Instant) -> usize {
        self.refill(now);
        let allowed = (n as f64).min(self.tokens.floor()).max(0.0);
        self.tokens -= allowed;
        allowed as usize
    }

    /// Charges `n` bytes arriving at `now` in full, into debt if need be: how long until the
    /// rate has paid for them.
    fn charge(&mut self, n: usize, now: Instant) -> Duration {
        self.refill(now);
        self.tokens -= n as f64;
        let owed = -self.tokens;
        if owed <= 0.0 {
            return Duration::ZERO;
        }
        Duration::try_from_secs_f64(owed / self.rate)
            .unwrap_or(MAX_PACE)
            .min(MAX_PACE)
    }
}

/// The input cap of one connection: what passes to its viewer, and how fast its bytes are
/// read at all. A cap applied only to what passes still reads, and decrypts, whatever a
/// client sends; one client pushed 1.79 GB in 9 s so.
#[derive(Debug)]
pub struct InputCap {
    passing: TokenBucket,
    /// Charged with every byte that arrives, passed or not.
    reading: TokenBucket,
}

impl InputCap {
    pub fn new(rate: usize, burst: usize) -> Self {
        InputCap {
            passing: TokenBucket::new(rate, burst),
            reading: TokenBucket::new(rate, burst),
        }
    }

    /// Of `n` bytes arriving at `now`: how many pass (the rate on average, the burst at once;
    /// the rest are dropped), and how long to read nothing more from this client so that
    /// what it sends is read at the rate, however large its packets. russh re-opens the SSH
    /// window as it reads, so the window opens no faster either.
    pub fn arrive(&mut self, n: usize, now: Instant) -> (usize, Duration) {
        (self.passing.take(n, now), self.reading.charge(n, now))
    }
}

/// The longest one wait of [`InputCap::arrive`], for rates so low that a packet would take
/// longer than a session may last; at the default input cap a packet of the largest size
/// russh reads (256 KiB) takes about a minute.
const MAX_PACE: Duration = Duration::from_secs(120);

/// Screen cells held by all viewers together. Each viewer keeps two buffers of its screen
/// (about 100 bytes a cell), so the sizes clients ask for, not their number, decide the
/// server's memory: past the budget a screen is made smaller, or refused. Each source (an
/// address, or an IPv6 /64) has a fair share, the budget over the sources holding screens:
/// when it runs short, the largest screens of sources over their share are made smaller (their
/// viewers are told, see [`Cells::clamped`]) before a newcomer is made smaller or refused, so
/// one address with many huge screens cannot keep everyone else out.
#[derive(Debug)]
pub struct CellBudget {
    max: usize,
    state: Mutex<Budget>,
}

#[derive(Debug, Default)]
struct Budget {
    used: usize,
    next_id: u64,
    screens: HashMap<u64, Held>,
}

#[derive(Debug)]
struct Held {
    source: Source,
    cells: usize,
    /// The size granted; lowered when the budget takes cells back.
    size: watch::Sender<(u16, u16)>,
}

/// The smallest screen worth drawing; a viewer who cannot have this much is refused.
const MIN_SCREEN: (u16, u16) = (80, 24);

fn area((width, height): (u16, u16)) -> usize {
    usize::from(width) * usize::from(height)
}

/// The smallest screen for a client asking for `size`.
fn smallest((width, height): (u16, u16)) -> (u16, u16) {
    (width.min(MIN_SCREEN.0), height.min(MIN_SCREEN.1))
}

/// `size`, or the largest of its shape within `allowed` cells, or the smallest screen; `None`
/// when not even that fits.
fn fit((width, height): (u16, u16), allowed: usize) -> Option<(u16, u16)> {
    let wanted = area((width, height));
    let size = if wanted <= allowed {
        (width, height)
    } else {
        let scale = (allowed as f64 / wanted as f64).sqrt();
        let shrink = |n: u16, min: u16| ((f64::from(n) * scale) as u16).max(min.min(n));
        (shrink(width, MIN_SCREEN.0), shrink(height, MIN_SCREEN.1))
    };
    let size = if area(size) <= allowed {
        size
    } else {
        smallest((width, height))
    };
    (area(size) <= allowed).then_some(size)
}

impl Budget {
    fn held_by(&self, source: Source) -> usize {
        let held = self.screens.values().filter(|h| h.source == source);
        held.map(|h| h.cells).sum()
    }

    /// The cells each source may hold while `source` and those holding screens share them.
    fn share(&self, max: usize, source: Source) -> usize {
        let mut sources: HashSet<Source> = self.screens.values().map(|h| h.source).collect();
        sources.insert(source);
        max / sources.len()
    }

    /// Makes the largest screens of sources (other than `source`) holding more than their
    /// share smaller, until `need` cells are free or none can give more.
    fn reclaim(&mut self, need: usize, max: usize, source: Source) {
        let share = self.share(max, source);
        let mut stuck = Vec::new();
        while max.saturating_sub(self.used) < need {
            let over = |h: &Held| h.source != source && self.held_by(h.source) > share;
            let largest = self
                .screens
                .iter()
                .filter(|(id, h)| !stuck.contains(*id) && over(h))
                .max_by_key(|(id, h)| (h.cells, std::cmp::Reverse(**id)))
                .map(|(id, h)| (*id, h.source, h.cells, *h.size.borrow()));
            let Some((id, from, cells, size)) = largest else {
                return;
            };
            let short = need - max.saturating_sub(self.used);
            let give = short.min(self.held_by(from) - share);
            let keep = cells.saturating_sub(give).max(area(smallest(size)));
            match fit(size, keep).filter(|smaller| area(*smaller) < cells) {
                Some(smaller) => {
                    let held = self.screens.get_mut(&id).map(|h| {
                        h.cells = area(smaller);
                        h.size.send_replace(smaller);
                    });
                    debug_assert!(held.is_some());
                    self.used = self.used - cells + area(smaller);
                }
                None => stuck.push(id),
            }
        }
    }
}

/// Cells held for one viewer; dropping it gives them back.
#[derive(Debug)]
pub struct Cells {
    budget: Arc<CellBudget>,
    id: u64,
    size: watch::Receiver<(u16, u16)>,
}

impl CellBudget {
    pub fn new(max: usize) -> Arc<Self> {
        Arc::new(CellBudget {
            max,
            state: Mutex::new(Budget::default()),
        })
    }

    fn state(&self) -> std::sync::MutexGuard<'_, Budget> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn used(&self) -> usize {
        self.state().used
    }

    /// Cells for a screen of `size` for a viewer from `ip`, or of a smaller one (same shape,
    /// at least 80×24) when the budget or the source's share is short; `None` when not even
    /// that fits after the largest screens of sources over their share were made smaller.
    pub fn grant(self: &Arc<Self>, ip: IpAddr, size: (u16, u16)) -> Option<Cells> {
        let source = Source::of(ip);
        let mut budget = self.state();
        // A source alone has the whole budget; with others, its share, and cells are taken
        // back from sources over theirs only for what is within it.
        let within_share = (budget.share(self.max, source)).saturating_sub(budget.held_by(source));
        let target = fit(size, within_share.max(area(smallest(size))))?;
        budget.reclaim(area(target).min(within_share), self.max, source);
        let size = fit(target, self.max.saturating_sub(budget.used))?;
        let id = budget.next_id;
        budget.next_id += 1;
        budget.used += area(size);
        let (sender, receiver) = watch::channel(size);
        budget.screens.insert(
            id,
            Held {
                source,
                cells: area(size),
                size: sender,
            },
        );
        Some(Cells {
            budget: Arc::clone(self),
            id,
            size: receiver,
        })
    }
}

impl Cells {
    /// The screen size granted.
    pub fn size(&self) -> (u16, u16) {
        *self.size.borrow()
    }

    /// Resolves when the budget made this screen smaller to make room for another source's
    /// viewer; [`Cells::size`] then says how big it is now.
    pub async fn clamped(&mut self) {
        if self.size.changed().await.is_err() {
            std::future::pending::<()>().await;
        }
    }

    /// Changes the screen to `size`, or the largest of its shape the budget (and the source's
    /// share) allows; false (and nothing changed) when not even the smallest screen fits.
    pub fn resize(&mut self, size: (u16, u16)) -> bool {
        let budget = Arc::clone(&self.budget);
        let mut state = budget.state();
        let Some((source, held)) = state.screens.get(&self.id).map(|h| (h.source, h.cells)) else {
            return false;
        };
        let mine = state.held_by(source) - held;
        let allowed = (state.share(budget.max, source).saturating_sub(mine))
            .max(area(smallest(size)))
            .min(budget.max.saturating_sub(state.used) + held);
        let Some(size) = fit(size, allowed) else {
            return false;
        };
        state.used = state.used - held + area(size);
        if let Some(h) = state.screens.get_mut(&self.id) {
            h.cells = area(size);
            h.size.send_replace(size);
        }
        self.size.borrow_and_update();
        true
    }
}

impl Drop for Cells {
    fn drop(&mut self) {
        let mut state = self.budget.state();
        if let Some(held) = state.screens.remove(&self.id) {
            state.used = state.used.saturating_sub(held.cells);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn caps_count_in_all_and_per_address_and_free_on_drop() {
        let caps = ConnectionCaps::new(3, 2);
        let a: IpAddr = [10, 0, 0, 1].into();
        let b: IpAddr = [10, 0, 0, 2].into();
        let first = caps.try_acquire(a).expect("room");
        let _second = caps.try_acquire(a).expect("room");
        assert_eq!(caps.try_acquire(a).err(), Some(Refusal::TooManyFromAddress));
        let _third = caps.try_acquire(b).expect("room");
        assert_eq!(caps.try_acquire(b).err(), Some(Refusal::Full));
        drop(first);
        assert_eq!(caps.open(), 2);
        assert!(caps.try_acquire(a).is_ok());
    }

    #[test]
    fn viewers_from_one_ipv6_slash_64_count_as_one_source() {
        let caps = ConnectionCaps::new(10, 2);
        let v6 =
            |n: u16| -> IpAddr { std::net::Ipv6Addr::new(0x2001, 0xdb8, 1, 2, 0, 0, 0, n).into() };
        let _a = caps.try_acquire(v6(1)).expect("room");
        let _b = caps.try_acquire(v6(2)).expect("room");
        assert_eq!(
            caps.try_acquire(v6(3)).err(),
            Some(Refusal::TooManyFromAddress),
            "a third address of the same /64"
        );
        let other: IpAddr = "2001:db8:1:3::1"
            .parse()
            .unwrap_or(IpAddr::V4([0; 4].into()));
        assert!(caps.try_acquire(other).is_ok(), "another /64");
    }

    #[test]
    fn screens_share_a_cell_budget_shrinking_then_refusing() {
        let budget = CellBudget::new(20_000);
        let big = budget.grant(A, (200, 60)).expect("fits");
        assert_eq!(big.size(), (200, 60));
        let mut second = budget.grant(A, (200, 60)).expect("shrunk to fit");
        let (w, h) = second.size();
        assert!(w < 200 && h < 60 && usize::from(w) * usize::from(h) <= 8_000);
        assert!(
            (f64::from(w) / f64::from(h) - 200.0 / 60.0).abs() < 0.2,
            "same shape"
        );
        assert!(
            budget.grant(A, (80, 24)).is_none(),
            "nothing left for another"
        );
        assert_eq!(budget.used(), 12_000 + usize::from(w) * usize::from(h));
        drop(big);
        assert!(second.resize((120, 40)));
        assert_eq!(second.size(), (120, 40));
        assert_eq!(budget.used(), 4_800);
        drop(second);
        assert_eq!(budget.used(), 0);
    }

    const A: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 1));

    #[test]
    fn one_source_with_many_huge_screens_gives_way_to_another_source() {
        // 26 screens of 320×120 from one address take the default budget of 1,000,000.
        let budget = CellBudget::new(1_000_000);
        let mut huge: Vec<Cells> = (0..26)
            .map(|_| budget.grant(A, (320, 120)).expect("fits"))
            .collect();
        assert!(huge.iter().all(|c| c.size() == (320, 120)));
        assert!(
            budget.grant(A, (80, 24)).is_none(),
            "that source has no more"
        );
        // Another address still gets its whole 80×24 screen: the largest screens of the
        // source over its share are made smaller, and their viewers are told.
        let elsewhere: IpAddr = [192, 0, 2, 9].into();
        let small = budget.grant(elsewhere, (80, 24)).expect("a fair share");
        assert_eq!(small.size(), (80, 24));
        assert!(budget.used() <= 1_000_000);
        let clamped: Vec<&mut Cells> = huge
            .iter_mut()
            .filter(|c| c.size.has_changed().unwrap_or(false))
            .collect();
        assert_eq!(clamped.len(), 1, "one screen gave the cells");
        let (w, h) = clamped[0].size();
        assert!(w < 320 && h < 120 && w >= 80 && h >= 24, "{w}x{h}");
        // And a big screen from elsewhere gets no more than that source's share.
        let big = budget.grant(elsewhere, (320, 120)).expect("made smaller");
        assert!(budget.used() <= 1_000_000);
        assert_eq!(big.size(), (320, 120), "within its share of 500,000");
        // An IPv6 /64 is one source.
        let v6 =
            |n: u16| -> IpAddr { std::net::Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, n).into() };
        let many: Vec<Cells> = (1..=40)
            .filter_map(|n| budget.grant(v6(n), (320, 120)))
            .collect();
        let held: usize = many.iter().map(|c| area(c.size())).sum();
        assert!(
            held <= 1_000_000 / 3 + 2_000,
            "one /64's share, not one per address: {held}"
        );
    }

    /// A client sending `packet`-byte packets as fast as the server reads them, each arriving
    /// the moment the wait for the one before is over, for `seconds` on a clock of the test's
    /// own: the bytes read, and the bytes passed on.
    fn flood(packet: usize, seconds: u64) -> (usize, usize) {
        let start = Instant::now();
        let end = start + Duration::from_secs(seconds);
        let mut cap = InputCap::new(4096, 64 * 1024);
        let (mut now, mut read, mut passed) = (start, 0, 0);
        while now < end {
            let (allowed, wait) = cap.arrive(packet, now);
            read += packet;
            passed += allowed;
            now += wait;
        }
        (read, passed)
    }

    #[test]
    fn a_flood_is_read_no_faster_than_the_input_cap_whatever_its_packets() {
        // Up to the largest packet russh reads: one of those used to be read every two
        // seconds (32 times the cap).
        for packet in [1, 1024, 32 * 1024, 256 * 1024] {
            let (read, passed) = flood(packet, 60);
            // A minute at the cap, the burst, and the last packet (read before its wait).
            assert!(
                read <= 4096 * 60 + 64 * 1024 + packet,
                "{packet}-byte packets: {read} bytes read in a minute"
            );
            assert!(passed <= 4096 * 60 + 64 * 1024, "{packet}: {passed} passed");
        }
        // Small packets get the whole cap.
        let (_, passed) = flood(1024, 60);
        assert!(passed >= 4096 * 59, "{passed} passed");
    }

    #[test]
    fn a_typist_and_a_paste_within_the_burst_never_wait() {
        let start = Instant::now();
        let mut cap = InputCap::new(4096, 64 * 1024);
        assert_eq!(cap.arrive(60 * 1024, start), (60 * 1024, Duration::ZERO));
        for n in 1..=600 {
            let now = start + Duration::from_millis(100 * n);
            assert_eq!(cap.arrive(3, now), (3, Duration::ZERO), "key {n}");
        }
    }

    #[test]
    fn the_bucket_passes_a_burst_then_the_rate() {
        let start = Instant::now();
        let mut bucket = TokenBucket::new(1000, 4000);
        assert_eq!(bucket.take(3000, start), 3000);
        assert_eq!(bucket.take(3000, start), 1000);
        assert_eq!(bucket.take(3000, start), 0);
        assert_eq!(bucket.take(3000, start + Duration::from_millis(500)), 500);
        assert_eq!(bucket.take(10_000, start + Duration::from_secs(60)), 4000);
    }
}
