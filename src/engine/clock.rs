//! Injected time: the engine never reads the system clock itself.
//!
//! The scheduler keeps its own current time (epoch milliseconds) and asks a [`Clock`] only to
//! *reach* the next event. A [`VirtualClock`] reaches it at once (waits and retry delays take no
//! real time, yet `$$` times, timeouts and history timestamps advance); a [`RealClock`] sleeps for
//! the remaining time divided by a speed factor. The start time is always given by the caller.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// A future returned by [`Clock::sleep_until`].
pub type ClockFuture<'a> = Pin<Box<dyn Future<Output = ()> + Send + 'a>>;

/// Where the execution's time comes from.
pub trait Clock: Send + Sync {
    /// The execution's start time, epoch milliseconds.
    fn start(&self) -> i64;
    /// Whether waits take no real time (the scheduler may then jump straight to the next event).
    fn is_virtual(&self) -> bool;
    /// Resolves when the virtual time `to` is reached, `from` being the scheduler's current time.
    fn sleep_until(&self, from: i64, to: i64) -> ClockFuture<'_>;
    /// The current time for clocks that move on their own (`None` for virtual time, which only
    /// moves when the scheduler reaches its next timer).
    fn now(&self) -> Option<i64> {
        None
    }
}

/// Virtual time: every wait completes immediately.
#[derive(Debug, Clone, Copy)]
pub struct VirtualClock {
    start: i64,
}

impl VirtualClock {
    /// A virtual clock starting at `start_millis` (epoch milliseconds).
    pub fn new(start_millis: i64) -> Self {
        VirtualClock { start: start_millis }
    }
}

impl Clock for VirtualClock {
    fn start(&self) -> i64 {
        self.start
    }
    fn is_virtual(&self) -> bool {
        true
    }
    fn sleep_until(&self, _from: i64, _to: i64) -> ClockFuture<'_> {
        Box::pin(std::future::ready(()))
    }
}

/// Real time scaled by a speed factor (2.0 = waits take half as long). The time measured from
/// its creation (a monotonic clock) is scaled and added to the given start.
#[derive(Debug, Clone, Copy)]
pub struct RealClock {
    start: i64,
    speed: f64,
    origin: std::time::Instant,
}

impl RealClock {
    /// A real clock starting at `start_millis`; `speed` must be positive (others mean 1).
    pub fn new(start_millis: i64, speed: f64) -> Self {
        let speed = if speed.is_finite() && speed > 0.0 { speed } else { 1.0 };
        RealClock { start: start_millis, speed, origin: std::time::Instant::now() }
    }
}

impl Clock for RealClock {
    fn start(&self) -> i64 {
        self.start
    }
    fn is_virtual(&self) -> bool {
        false
    }
    fn sleep_until(&self, from: i64, to: i64) -> ClockFuture<'_> {
        let ms = (to.saturating_sub(from).max(0) as f64 / self.speed).min(1e12);
        Box::pin(tokio::time::sleep(Duration::from_micros((ms * 1000.0) as u64)))
    }
    fn now(&self) -> Option<i64> {
        let scaled = self.origin.elapsed().as_secs_f64() * 1000.0 * self.speed;
        Some(self.start.saturating_add(scaled.min(1e15) as i64))
    }
}
