//! What keeps a public demo server within bounds: viewers' places (in all and per address),
//! token buckets for input, and a budget of screen cells shared by every viewer.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

/// Counts open connections, in all and per client address.
#[derive(Debug)]
pub struct ConnectionCaps {
    max_total: usize,
    max_per_ip: usize,
    open: Mutex<Open>,
}

#[derive(Debug, Default)]
struct Open {
    total: usize,
    per_ip: HashMap<IpAddr, usize>,
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
    ip: IpAddr,
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
        let from_ip = open.per_ip.entry(ip).or_insert(0);
        if *from_ip >= self.max_per_ip {
            return Err(Refusal::TooManyFromAddress);
        }
        *from_ip += 1;
        open.total += 1;
        Ok(Permit {
            caps: Arc::clone(self),
            ip,
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
        if let Some(n) = open.per_ip.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                open.per_ip.remove(&self.ip);
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

    /// How many of `n` bytes arriving at `now` may pass.
    pub fn take(&mut self, n: usize, now: Instant) -> usize {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + elapsed * self.rate).min(self.burst);
        let allowed = (n as f64).min(self.tokens.floor()).max(0.0);
        self.tokens -= allowed;
        allowed as usize
    }
}

/// Screen cells held by all viewers together. Each viewer keeps two buffers of its screen
/// (about 100 bytes a cell), so the sizes clients ask for, not their number, decide the
/// server's memory: past the budget a screen is made smaller, or refused.
#[derive(Debug)]
pub struct CellBudget {
    max: usize,
    used: Mutex<usize>,
}

/// The smallest screen worth drawing; a viewer who cannot have this much is refused.
const MIN_SCREEN: (u16, u16) = (80, 24);

/// Cells held for one viewer; dropping it gives them back.
#[derive(Debug)]
pub struct Cells {
    budget: Arc<CellBudget>,
    held: usize,
    size: (u16, u16),
}

impl CellBudget {
    pub fn new(max: usize) -> Arc<Self> {
        Arc::new(CellBudget {
            max,
            used: Mutex::new(0),
        })
    }

    pub fn used(&self) -> usize {
        *self.used.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Cells for a screen of `size`, or of a smaller one (same shape, at least 80×24) when
    /// the budget is short; `None` when not even that fits.
    pub fn grant(self: &Arc<Self>, size: (u16, u16)) -> Option<Cells> {
        let mut cells = Cells {
            budget: Arc::clone(self),
            held: 0,
            size: (0, 0),
        };
        cells.resize(size).then_some(cells)
    }
}

impl Cells {
    /// The screen size granted.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Changes the screen to `size`, or the largest of its shape the budget allows; false
    /// (and nothing changed) when not even the smallest screen fits.
    pub fn resize(&mut self, (width, height): (u16, u16)) -> bool {
        let mut used = self
            .budget
            .used
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let free = self.budget.max.saturating_sub(*used) + self.held;
        let wanted = usize::from(width) * usize::from(height);
        let size = if wanted <= free {
            (width, height)
        } else {
            let scale = (free as f64 / wanted as f64).sqrt();
            let shrink = |n: u16, min: u16| ((f64::from(n) * scale) as u16).max(min.min(n));
            (shrink(width, MIN_SCREEN.0), shrink(height, MIN_SCREEN.1))
        };
        let cells = usize::from(size.0) * usize::from(size.1);
        if cells > free {
            return false;
        }
        *used = *used - self.held + cells;
        self.held = cells;
        self.size = size;
        true
    }
}

impl Drop for Cells {
    fn drop(&mut self) {
        let mut used = self
            .budget
            .used
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *used = used.saturating_sub(self.held);
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
    fn screens_share_a_cell_budget_shrinking_then_refusing() {
        let budget = CellBudget::new(20_000);
        let big = budget.grant((200, 60)).expect("fits");
        assert_eq!(big.size(), (200, 60));
        let mut second = budget.grant((200, 60)).expect("shrunk to fit");
        let (w, h) = second.size();
        assert!(w < 200 && h < 60 && usize::from(w) * usize::from(h) <= 8_000);
        assert!(
            (f64::from(w) / f64::from(h) - 200.0 / 60.0).abs() < 0.2,
            "same shape"
        );
        assert!(budget.grant((80, 24)).is_none(), "nothing left for another");
        assert_eq!(budget.used(), 12_000 + usize::from(w) * usize::from(h));
        drop(big);
        assert!(second.resize((120, 40)));
        assert_eq!(second.size(), (120, 40));
        assert_eq!(budget.used(), 4_800);
        drop(second);
        assert_eq!(budget.used(), 0);
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
