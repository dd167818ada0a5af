//! iCalendar (RFC 5545) export of the upcoming steps, via the `icalendar` crate, so a patient can
//! see step days in any calendar app. Events are deliberately neutral: no drug name, no dose, no
//! health words, because calendars are often shared or synced to other people's devices.

use chrono::{DateTime, Days, Utc};
use icalendar::{Calendar, Component, EventLike, Property};

use super::schedule::{Schedule, StepStatus};

/// Product identifier written in every exported calendar.
const PRODID: &str = "-//Steady//Taper plan//EN";
/// Neutral text shown in the event body.
const DESCRIPTION: &str = "Open Steady to see this step.";

/// The upcoming steps as an `.ics` file, stamped with the current time. Event titles and
/// descriptions are neutral ("Steady: plan step 3"); UIDs are `{uid_seed}-{index}@steady.local`
/// (seed reduced to letters, digits, `-`, `_` and `.`), stable across exports so re-importing
/// updates events instead of duplicating them.
pub fn schedule_ics(schedule: &Schedule, uid_seed: &str) -> String {
    schedule_ics_at(schedule, uid_seed, Utc::now())
}

/// Same as [`schedule_ics`] with an explicit DTSTAMP, so the core stays testable and a shell can
/// pass its own clock.
pub fn schedule_ics_at(schedule: &Schedule, uid_seed: &str, stamp: DateTime<Utc>) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"));
    // Only characters that need no escaping, so a seed can never break the file or leak text.
    let seed: String =
        uid_seed.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')).collect();
    for step in schedule.steps.iter().filter(|s| s.status == StepStatus::Upcoming) {
        let mut event = icalendar::Event::new();
        event
            .uid(&format!("{seed}-{}@steady.local", step.index))
            .timestamp(stamp)
            .summary(&format!("Steady: plan step {}", step.index))
            .description(DESCRIPTION)
            .starts(step.date);
        // All-day events end on the next day (DTEND is exclusive, RFC 5545 §3.6.1).
        if let Some(next) = step.date.checked_add_days(Days::new(1)) {
            event.ends(next);
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::taper::fixtures::{date as d, scenario3};
    use chrono::TimeZone;

    fn stamp() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 1, 8, 0, 0).unwrap()
    }

    #[test]
    fn one_neutral_all_day_event_per_upcoming_step() {
        let schedule = scenario3().schedule(d("2026-06-01"));
        let upcoming = schedule.steps.iter().filter(|s| s.status == StepStatus::Upcoming).count();
        assert_eq!(upcoming, 5);
        let ics = schedule_ics_at(&schedule, "plan-1", stamp());
        println!("{ics}");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.trim_end().ends_with("END:VCALENDAR"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), upcoming);
        assert_eq!(ics.matches("END:VEVENT").count(), upcoming);
        assert!(ics.lines().all(|l| !l.contains('\n')));
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count(), "CRLF line endings only");
        assert!(ics.contains("VERSION:2.0\r\n") && ics.contains("PRODID:-//Steady//Taper plan//EN\r\n"));
        assert!(ics.contains("UID:plan-1-4@steady.local\r\n"));
        assert!(ics.contains("UID:plan-1-8@steady.local\r\n"));
        assert!(!ics.contains("plan-1-3@"), "done and current steps are not exported");
        assert!(ics.contains("SUMMARY:Steady: plan step 4\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20260615\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20260616\r\n"));
        assert_eq!(ics.matches("DTSTAMP:20260601T080000Z\r\n").count(), upcoming);
        let lower = ics.to_lowercase();
        assert!(!lower.contains("lormetazepam") && !lower.contains("loramet"));
        assert!(!lower.contains("mg"), "no doses in a calendar");
        assert_eq!(ics, schedule_ics_at(&schedule, "plan-1", stamp()), "stable output");
        assert!(schedule_ics(&schedule, "plan-1").contains("DTSTAMP:"));
        let odd = schedule_ics_at(&schedule, "a b\r\nSUMMARY:x;y", stamp());
        assert!(odd.contains("UID:abSUMMARYxy-4@steady.local\r\n"));
    }
}
