//! What keeps a public demo server within bounds: connection caps checked at accept, and a
//! token bucket for input bytes.

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
                "sco-dash: too many connections from your address, close one and try again"
            }
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
        TokenBucket {
            rate: rate as f64,
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
