//! Reminders, computed once for every shell: for the next days, the instants at which to remind of
//! each usual medicine time and of the daily check-in. The patient's wall-clock times are what
//! stays fixed — 22:30 is 22:30 after a DST change or a flight — so the app lists the local times
//! it wants and the runtime's zone says where each falls (once, twice, or skipped by the clocks:
//! then the first minute after, and the text says so). Texts name no medicine and no dose: a lock
//! screen is public.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

use super::words::{clock, Words};
use crate::domain::diary::diary_day;
use crate::domain::{Diary, EntryId, Field, LocalInstant, Problem, ValidationError, WallClock};
use crate::i18n::Arg;

/// Most days a shell may ask for at once.
pub const MAX_DAYS: u32 = 31;
/// Most reminders returned: iOS keeps at most 64 pending local notifications per app, and a shell
/// re-asks long before they run out (at each start, time or zone change).
pub const MAX_REMINDERS: usize = 64;

/// One reminder to register with the OS.
#[derive(Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Reminder {
    /// A stable identifier, so a shell replaces rather than duplicates: the day, the time and the
    /// medicine's id (no health data).
    pub id: String,
    /// When to remind, with the UTC offset in force at that instant.
    pub at: LocalInstant,
    /// The patient's wall-clock time it stands for (even when the clocks moved it).
    pub local_time: NaiveTime,
    /// The medicine it is for; `None` for the daily check-in.
    pub medicine_id: Option<EntryId>,
    /// Neutral title.
    pub title: String,
    /// Neutral body, in the patient's language: no medicine, no dose.
    pub body: String,
}

crate::domain::redacted_debug!(Reminder);

/// A wall-clock moment the app wants a reminder at, before the zone says where it falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wanted {
    /// Local date and time.
    pub local: NaiveDateTime,
    /// The medicine, or `None` for the check-in.
    pub medicine: Option<EntryId>,
}

/// Checks how many days of reminders a shell asked for (1–31), as typed or sent.
pub fn check_days(days: i64) -> Result<u32, ValidationError> {
    u32::try_from(days).ok().filter(|d| (1..=MAX_DAYS).contains(d)).ok_or_else(|| {
        ValidationError::new(Field::Days, Problem::OutOfRange { min: 1, max: i64::from(MAX_DAYS) })
    })
}

/// The wall-clock moments of `days` diary days from `from`: each usual time of each medicine taken
/// that day (in the regimen of that day), and the check-in if set. A time before the day start
/// falls on the next calendar date (00:30 on the evening of 1 March is 2 March, 00:30).
pub(crate) fn wanted(diary: &Diary, from: NaiveDate, days: u32) -> Vec<Wanted> {
    let settings = diary.settings();
    let medicines: Vec<_> = diary.medicines().collect();
    let mut out = vec![];
    for day in from.iter_days().take(days as usize) {
        let mut times: Vec<(NaiveTime, Option<EntryId>)> = vec![];
        for (id, m) in medicines.iter().filter(|(_, m)| m.is_taken_on(day)) {
            if let Some(r) = m.regimen_on(day) {
                times.extend(r.times.iter().map(|t| (*t, Some(*id))));
            }
        }
        times.extend(settings.check_in.map(|t| (t, None)));
        for (time, medicine) in times {
            let date = if diary_day(day, time, settings.day_start).0 < day {
                day.checked_add_days(Days::new(1)).unwrap_or(day)
            } else {
                day
            };
            out.push(Wanted { local: date.and_time(time), medicine });
        }
    }
    out
}

/// The reminders for `wanted` once the zone placed each one, after `now`, soonest first.
pub(crate) fn build(
    wanted: &[Wanted],
    placed: &[Option<WallClock>],
    now: LocalInstant,
    w: &Words<'_>,
) -> Vec<Reminder> {
    let mut out: Vec<Reminder> = wanted
        .iter()
        .zip(placed)
        .filter_map(|(want, placed)| {
            let placed = (*placed)?;
            let at = placed.first();
            let time = want.local.time();
            let body = match (placed, want.medicine) {
                (WallClock::Skipped { next }, _) => w.wa(
                    "reminder-moved",
                    &[("time", Arg::Str(clock(time))), ("moved", Arg::Str(clock(next.time())))],
                ),
                (_, Some(_)) => w.wa("reminder-medicine", &[("time", Arg::Str(clock(time)))]),
                (_, None) => w.w("reminder-check-in"),
            };
            let who = want.medicine.map_or_else(|| "check-in".to_owned(), |id| id.short());
            Some(Reminder {
                id: format!("{}-{}-{who}", want.local.format("%Y%m%d"), want.local.format("%H%M")),
                at,
                local_time: time,
                medicine_id: want.medicine,
                title: w.w("reminder-title"),
                body,
            })
        })
        .filter(|r| r.at > now)
        .collect();
    out.sort_by_key(|r| (r.at, r.medicine_id.is_none()));
    out.truncate(MAX_REMINDERS);
    out
}
