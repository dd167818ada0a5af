//! Timing samples and their percentiles. Medians rather than means: this machine is shared and
//! noisy, and a median ignores the odd descheduled iteration that a mean would smear over all.

use std::time::{Duration, Instant};

/// Durations of repeated runs of one measure.
#[derive(Debug, Clone, Default)]
pub struct Samples(Vec<Duration>);

impl Samples {
    /// From a list of durations (may be empty).
    pub fn from_vec(v: Vec<Duration>) -> Self {
        Self(v)
    }

    /// Adds one duration.
    pub fn push(&mut self, d: Duration) {
        self.0.push(d);
    }

    /// The samples in the order they were taken.
    pub fn iter(&self) -> impl Iterator<Item = Duration> + '_ {
        self.0.iter().copied()
    }

    /// Number of samples.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The `q`-quantile (0…1) by nearest rank; zero when empty.
    pub fn quantile(&self, q: f64) -> Duration {
        if self.0.is_empty() {
            return Duration::ZERO;
        }
        let mut v = self.0.clone();
        v.sort_unstable();
        let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
        v[rank - 1]
    }

    /// Median.
    pub fn p50(&self) -> Duration {
        self.quantile(0.5)
    }

    /// 99th percentile (with fewer than 100 samples, the largest or close to it).
    pub fn p99(&self) -> Duration {
        self.quantile(0.99)
    }
}

/// Runs `f` once untimed (warm-up), then `n` timed times; returns the samples.
pub fn repeat<T>(n: usize, mut f: impl FnMut() -> anyhow::Result<T>) -> anyhow::Result<Samples> {
    std::hint::black_box(f()?);
    let mut s = Samples::default();
    for _ in 0..n {
        let t = Instant::now();
        let out = f()?;
        s.push(t.elapsed());
        drop(std::hint::black_box(out));
    }
    Ok(s)
}

/// Human-readable duration: µs below 1 ms, ms otherwise.
pub fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.0} µs")
    } else if us < 100_000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{:.0} ms", us / 1000.0)
    }
}

/// `a / b` as a ratio string like `1.23×`.
pub fn ratio(a: Duration, b: Duration) -> f64 {
    if b.is_zero() {
        f64::INFINITY
    } else {
        a.as_secs_f64() / b.as_secs_f64()
    }
}
