//! iCalendar (RFC 5545) export of the upcoming steps, via the `icalendar` crate, so a patient can
//! see step days in any calendar app. Events are deliberately neutral: no drug name, no dose, no
//! health words, because calendars are often shared or synced to other people's devices. Changes
//! (holds, resumes, pace changes, the end) raise SEQUENCE and cancel the steps that went away.

use chrono::{DateTime, Days, NaiveDate, Utc};
use icalendar::{Alarm, Calendar, Component, EventLike, EventStatus, Property, Trigger};

use super::schedule::{Schedule, Step, StepStatus};
use crate::domain::TaperPlan;
use crate::i18n::{Arg, Texts};

/// Product identifier written in every exported calendar.
const PRODID: &str = "-//Steady//Taper plan//EN";

/// What the patient chose for the calendar beyond the steps themselves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IcsOptions {
    /// Minutes before the start of a step's day to remind (a VALARM); `None`: no reminder.
    pub alarm_min: Option<u32>,
}

/// How many times the plan changed since it was made: each hold, each resume, each pace change and
/// the end. Written as every event's SEQUENCE (RFC 5545 §3.8.7.4) so a calendar app replaces an
/// event it imported before instead of keeping the old date; the same plan state always gives the
/// same number.
pub fn revision(plan: &TaperPlan) -> u32 {
    let holds = plan.holds.len() + plan.holds.iter().filter(|h| h.until.is_some()).count();
    let n = holds + plan.changes.len() + usize::from(plan.ended.is_some());
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Steps an earlier state of the plan had and this one no longer has (a faster pace change leaves
/// fewer steps): the earlier states are the plan with its first k pace changes, as computed on
/// `today`. They are exported as cancelled so a calendar drops them.
fn removed_steps(plan: &TaperPlan, schedule: &Schedule, today: NaiveDate) -> Vec<Step> {
    let mut removed: Vec<Step> = vec![];
    for k in 0..plan.changes.len() {
        let mut earlier = plan.clone();
        earlier.changes.truncate(k);
        earlier.ended = None;
        for step in earlier.schedule(today).steps.into_iter().skip(schedule.steps.len()) {
            if !removed.iter().any(|s| s.index == step.index) {
                removed.push(step);
            }
        }
    }
    removed.sort_by_key(|s| s.date);
    removed
}

/// The plan's calendar as of `today`: one all-day event per upcoming step, and a cancelled event
/// (same UID) for every step the plan no longer has — after `plan end`, or removed by a pace change
/// — so an app that imported them drops them. When nothing is upcoming or cancelled, the step in
/// effect (or the last one) is written, so the file is never an empty VCALENDAR (RFC 5545 §3.6
/// needs at least one component). Titles and descriptions come from the patient's language and
/// name no drug and no dose. UIDs are `{uid_seed}-{index}@steady.local` (seed reduced to letters,
/// digits, `-`, `_` and `.`), stable across exports so re-importing updates events.
pub fn plan_ics_at(
    plan: &TaperPlan,
    today: NaiveDate,
    uid_seed: &str,
    stamp: DateTime<Utc>,
    opts: IcsOptions,
    t: &Texts,
) -> String {
    let schedule = plan.schedule(today);
    let mut events: Vec<(&Step, bool)> = vec![];
    let removed = removed_steps(plan, &schedule, today);
    for step in &schedule.steps {
        match step.status {
            StepStatus::Upcoming => events.push((step, false)),
            StepStatus::Cancelled => events.push((step, true)),
            StepStatus::Done | StepStatus::Current => {}
        }
    }
    events.extend(removed.iter().map(|s| (s, true)));
    events.sort_by_key(|(s, _)| (s.date, s.index));
    if events.is_empty() {
        let shown = schedule.current_step().or(schedule.steps.last());
        events.extend(shown.map(|s| (s, false)));
    }
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"));
    // Only characters that need no escaping, so a seed can never break the file or leak text.
    let seed: String =
        uid_seed.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')).collect();
    let sequence = revision(plan);
    let description = t.t("ics-step-description");
    for (step, cancelled) in events {
        let n = [("n", Arg::Int(i64::from(step.index)))];
        let mut event = icalendar::Event::new();
        event
            .uid(&format!("{seed}-{}@steady.local", step.index))
            .timestamp(stamp)
            .sequence(sequence)
            .summary(&t.t_args(if cancelled { "ics-step-cancelled" } else { "ics-step-title" }, &n))
            .description(&description)
            .status(if cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed })
            .starts(step.date);
        // All-day events end on the next day (DTEND is exclusive, RFC 5545 §3.6.1).
        if let Some(next) = step.date.checked_add_days(Days::new(1)) {
            event.ends(next);
        }
        if let (Some(min), false) = (opts.alarm_min, cancelled) {
            let before = chrono::Duration::minutes(i64::from(min));
            let mut alarm = Alarm::display(&t.t_args("ics-alarm", &n), Trigger::before_start(before));
            // The crate gives each alarm a random UID and, when it writes one, the clock's DTSTAMP;
            // fixed ones keep the same state the same file (a DTSTAMP read from the clock made two
            // exports a second apart differ).
            alarm.uid(&format!("{seed}-{}-alarm@steady.local", step.index)).timestamp(stamp);
            event.alarm(alarm);
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::taper::fixtures::{date as d, scenario3, scenario4};
    use crate::domain::Lang;
    use chrono::TimeZone;

    fn stamp() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 1, 8, 0, 0).unwrap()
    }

    fn ics(plan: &TaperPlan, today: &str, opts: IcsOptions, lang: Lang) -> String {
        plan_ics_at(plan, d(today), "plan-1", stamp(), opts, Texts::shared(lang))
    }

    fn en(plan: &TaperPlan, today: &str) -> String {
        ics(plan, today, IcsOptions::default(), Lang::En)
    }

    #[test]
    fn one_neutral_all_day_event_per_upcoming_step() {
        let plan = scenario3();
        let schedule = plan.schedule(d("2026-06-01"));
        let upcoming = schedule.steps.iter().filter(|s| s.status == StepStatus::Upcoming).count();
        assert_eq!(upcoming, 5);
        let ics = en(&plan, "2026-06-01");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.trim_end().ends_with("END:VCALENDAR"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), upcoming);
        assert_eq!(ics.matches("END:VEVENT").count(), upcoming);
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count(), "CRLF line endings only");
        assert!(ics.contains("VERSION:2.0\r\n") && ics.contains("PRODID:-//Steady//Taper plan//EN\r\n"));
        assert!(ics.contains("UID:plan-1-4@steady.local\r\n"));
        assert!(ics.contains("UID:plan-1-8@steady.local\r\n"));
        assert!(!ics.contains("plan-1-3@"), "done and current steps are not exported");
        assert!(ics.contains("SUMMARY:Steady: plan step 4\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20260615\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20260616\r\n"));
        assert_eq!(ics.matches("DTSTAMP:20260601T080000Z\r\n").count(), upcoming);
        assert_eq!(ics.matches("STATUS:CONFIRMED\r\n").count(), upcoming);
        assert!(!ics.contains("BEGIN:VALARM"), "no reminder unless asked");
        let lower = ics.to_lowercase();
        assert!(!lower.contains("lormetazepam") && !lower.contains("loramet"));
        assert!(!lower.contains("mg"), "no doses in a calendar");
        assert_eq!(ics, en(&plan, "2026-06-01"), "stable output");
        let odd = plan_ics_at(
            &plan,
            d("2026-06-01"),
            "a b\r\nSUMMARY:x;y",
            stamp(),
            IcsOptions::default(),
            Texts::shared(Lang::En),
        );
        assert!(odd.contains("UID:abSUMMARYxy-4@steady.local\r\n"));
    }

    #[test]
    fn every_change_raises_the_sequence_and_the_same_state_gives_the_same_one() {
        let plan = scenario3();
        let base = revision(&plan);
        let held = plan.hold(d("2026-06-02"), "bad week").unwrap();
        let resumed = held.resume(d("2026-06-09")).unwrap();
        let slower = resumed.change_pace(d("2026-06-10"), 5.0, 28).unwrap();
        let ended = slower.end(d("2026-06-20"), None).unwrap();
        let seqs: Vec<u32> = [&plan, &held, &resumed, &slower, &ended].iter().map(|p| revision(p)).collect();
        assert_eq!(seqs, [base, base + 1, base + 2, base + 3, base + 4]);
        let a = en(&resumed, "2026-06-12");
        assert!(a.contains(&format!("SEQUENCE:{}\r\n", base + 2)), "{a}");
        assert!(!a.contains(&format!("SEQUENCE:{base}\r\n")));
        assert_eq!(a, en(&resumed.clone(), "2026-06-12"));
    }

    #[test]
    fn after_the_end_the_steps_are_cancelled_and_the_file_is_never_empty() {
        let ended = scenario3().end(d("2026-06-05"), Some("goal changed")).unwrap();
        let ics = en(&ended, "2026-06-06");
        let events = ics.matches("BEGIN:VEVENT").count();
        assert_eq!(events, 5, "{ics}");
        assert_eq!(ics.matches("STATUS:CANCELLED\r\n").count(), events);
        assert!(ics.contains("UID:plan-1-4@steady.local\r\n"), "same UID as the event it cancels");
        assert!(ics.contains("SUMMARY:Cancelled: Steady plan step 4\r\n"), "{ics}");
        // Long after the last step: nothing upcoming, nothing cancelled, still one event.
        let done = en(&scenario3(), "2030-01-01");
        assert_eq!(done.matches("BEGIN:VEVENT").count(), 1, "{done}");
    }

    #[test]
    fn a_faster_pace_cancels_the_steps_it_removed() {
        let plan = scenario4();
        let before = plan.schedule(d("2026-06-01")).steps.len();
        let faster = plan.change_pace(d("2026-06-01"), 25.0, 14).unwrap();
        let after = faster.schedule(d("2026-06-01")).steps.len();
        assert!(after < before, "{after} < {before}");
        let ics = en(&faster, "2026-06-01");
        for index in after..before {
            assert!(ics.contains(&format!("UID:plan-1-{index}@steady.local\r\n")), "{index}: {ics}");
        }
        assert_eq!(ics.matches("STATUS:CANCELLED\r\n").count(), before - after);
    }

    #[test]
    fn an_alarm_when_asked_and_titles_in_the_patients_language() {
        let plan = scenario3();
        let ics = ics(&plan, "2026-06-01", IcsOptions { alarm_min: Some(60) }, Lang::Fr);
        assert_eq!(ics.matches("BEGIN:VALARM").count(), 5);
        assert_eq!(ics.matches("ACTION:DISPLAY\r\n").count(), 5);
        assert_eq!(ics.matches("TRIGGER;RELATED=START:-PT3600S\r\n").count(), 5, "{ics}");
        assert!(ics.contains("UID:plan-1-4-alarm@steady.local\r\n"));
        // Nothing read from the clock: every DTSTAMP, the alarms' too, is the export's stamp.
        assert_eq!(
            ics.matches("DTSTAMP:").count(),
            ics.matches("DTSTAMP:20260601T080000Z\r\n").count(),
            "{ics}"
        );
        assert_eq!(ics, super::tests::ics(&plan, "2026-06-01", IcsOptions { alarm_min: Some(60) }, Lang::Fr));
        assert!(ics.contains("SUMMARY:Steady : étape 4 du plan\r\n"), "{ics}");
        assert!(!ics.contains("plan step"));
        for lang in [Lang::Nl, Lang::Nb] {
            let other = super::tests::ics(&plan, "2026-06-01", IcsOptions::default(), lang);
            assert!(!other.contains("plan step") && other.contains("4"), "{lang:?}");
            assert!(!other.to_lowercase().contains("mg"));
        }
    }
}
