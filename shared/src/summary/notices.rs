//! What a reader must see before any figure, worded once for every renderer: when a diary day
//! starts, and what the diary check found when it found something (entries that could not be read,
//! were deleted or were added outside Steady) — never silent.

use chrono::NaiveTime;

use super::content::IntegritySummary;
use crate::i18n::{Arg, Texts};

/// "A diary day starts at 04:00: a dose before 04:00 counts for the day before." (or that days are
/// calendar days).
pub fn day_boundary(day_start: NaiveTime, t: &Texts) -> String {
    if day_start == NaiveTime::MIN {
        return t.t("day-boundary-midnight");
    }
    t.t_args("day-boundary", &[("time", Arg::Str(day_start.format("%H:%M").to_string()))])
}

/// One plain sentence about the diary check, or `None` when everything was in order.
pub fn integrity(i: &IntegritySummary, t: &Texts) -> Option<String> {
    if i.ok {
        return None;
    }
    let mut parts = vec![];
    let n = |v: u32| Arg::Int(i64::from(v));
    if i.unreadable_entries > 0 {
        parts.push(t.t_args("integrity-unreadable", &[("n", n(i.unreadable_entries))]));
    }
    if i.missing_entries > 0 {
        parts.push(t.t_args("integrity-missing", &[("n", n(i.missing_entries))]));
    }
    if i.unexpected_entries > 0 {
        parts.push(t.t_args("integrity-unexpected", &[("n", n(i.unexpected_entries))]));
    }
    if i.unchecked {
        parts.push(t.t("integrity-unchecked"));
    }
    Some(t.t_args("integrity-warning", &[("found", Arg::Str(parts.join("; ")))]))
}
