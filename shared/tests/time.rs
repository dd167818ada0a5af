//! Time: entries keep the local date and time the patient saw — across DST changes (Europe/Brussels,
//! Europe/Oslo), in half-hour zones (Asia/Kolkata, Australia/Adelaide), while travelling
//! Brussels → New York → Tokyo, and when the device clock moves backwards — and day totals, the
//! today screen, summary days and history order follow those local dates.
//!
//! The core never sees a zone name: the device gives it an instant with its UTC offset at that
//! moment (what a phone's clock reports). So these tests drive the app runtime with a device clock
//! the test sets, using the offsets the IANA database gives for those zones on those dates
//! (written out beside each instant); `cli/tests/time.rs` checks the zone rules themselves
//! through the `steady` binary and `TZ`.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use steady_core::domain::{
    AnxietyRating, Diary, DoseDraft, Entry, EntryBody, EntryDraft, EntryId, LocalInstant, SettingChange, Zone,
};
use steady_core::{Clock, DataKey, DiaryDir, SteadyCore, Summary, SummaryRequest, TodayView, Unlock};

fn at(s: &str) -> LocalInstant {
    DateTime::parse_from_rfc3339(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The phone's clock: whatever instant and offset the test sets, like a device that travels, goes
/// through a DST change or is set back.
#[derive(Clone)]
struct DeviceClock(Arc<Mutex<LocalInstant>>);

impl Zone for DeviceClock {
    fn offset_at(&self, _utc: chrono::NaiveDateTime) -> FixedOffset {
        *self.0.lock().unwrap().offset()
    }
}

impl Clock for DeviceClock {
    fn now(&self) -> DateTime<FixedOffset> {
        *self.0.lock().unwrap()
    }
}

/// A diary on a phone whose clock the test moves.
struct Phone {
    core: SteadyCore,
    clock: DeviceClock,
    dir: tempfile::TempDir,
}

fn unlock() -> Unlock {
    Unlock::Key(DataKey::from_bytes([3; 32]))
}

impl Phone {
    fn new(now: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let clock = DeviceClock(Arc::new(Mutex::new(at(now))));
        let core = DiaryDir::new(dir.path()).open_or_create(&unlock(), Arc::new(clock.clone())).unwrap();
        // These phones count calendar days: their patient set the day to start at midnight (the
        // default 04:00, where 00:30 still belongs to the evening before, is tested on its own).
        core.change_setting(SettingChange::DayStart { at: NaiveTime::MIN }).unwrap();
        Self { core, clock, dir }
    }

    /// Sets the device clock (the app reads it again, as on returning to the foreground).
    fn clock(&self, now: &str) {
        *self.clock.0.lock().unwrap() = at(now);
        self.core.refresh().unwrap();
    }

    /// Closes the app and opens it again with the current clock.
    fn reopen(self) -> Self {
        let Phone { core, clock, dir } = self;
        drop(core);
        let core = DiaryDir::new(dir.path()).open(&unlock(), Arc::new(clock.clone())).unwrap();
        Self { core, clock, dir }
    }

    fn log(&self, draft: EntryDraft) -> EntryId {
        self.core.log(draft).expect("saved")
    }

    /// A diazepam dose taken now (by the device clock).
    fn dose_now(&self, mg: f64) -> EntryId {
        self.log(EntryDraft::Dose(DoseDraft {
            drug: "diazepam".into(),
            mg: Some(mg),
            ..DoseDraft::default()
        }))
    }

    /// A diazepam dose at a given instant.
    fn dose_at(&self, when: &str, mg: f64) -> EntryId {
        self.log(EntryDraft::Dose(DoseDraft {
            taken_at: Some(at(when)),
            drug: "diazepam".into(),
            mg: Some(mg),
            ..DoseDraft::default()
        }))
    }

    /// An anxiety rating made now.
    fn anxiety_now(&self, score: i64) -> EntryId {
        self.log(EntryDraft::Anxiety { at: None, score, note: None })
    }

    fn today(&self) -> TodayView {
        self.core.today().expect("the today page")
    }

    fn history(&self) -> Vec<Entry> {
        self.core.entries(None, None).expect("the history page")
    }

    fn history_ids(&self) -> Vec<EntryId> {
        self.history().iter().map(|e| e.id).collect()
    }

    fn summary(&self, from: &str, to: &str) -> Summary {
        let request =
            SummaryRequest { from: Some(date(from)), to: Some(date(to)), ..SummaryRequest::default() };
        self.core.summary(&request).expect("the summary page")
    }
}

/// Prescribed doses and diazepam mg (low end) per summary day, from `from` on.
fn dose_days(s: &Summary) -> Vec<(String, u32, f64)> {
    s.days.iter().map(|d| (d.date.to_string(), d.prescribed_doses, d.de_low_mg)).collect()
}

/// The local date and wall-clock time of each entry, as the history lists them.
fn moments(entries: &[Entry]) -> Vec<String> {
    entries
        .iter()
        .map(|e| {
            let (d, t) = e.body.local_moment();
            format!("{d} {}", t.format("%H:%M"))
        })
        .collect()
}

fn today_mg(t: &TodayView) -> (usize, f64) {
    (t.doses.len(), t.totals.prescribed.low_mg)
}

#[test]
fn diazepam_counts_one_to_one_so_day_totals_name_the_doses() {
    // The other tests read which doses a day counted from its diazepam total (1 mg = 1 mg DE).
    let phone = Phone::new("2026-03-10T21:00:00+01:00");
    phone.dose_now(2.0);
    assert_eq!(today_mg(&phone.today()), (1, 2.0));
}

#[test]
fn doses_across_the_brussels_spring_gap_stay_on_their_local_days() {
    // Europe/Brussels, 29 March 2026: 02:00 +01:00 becomes 03:00 +02:00. Doses logged "now" as the
    // phone's clock goes through the change, and one just after midnight that is still the 29th in UTC.
    let phone = Phone::new("2026-03-28T22:30:00+01:00");
    phone.dose_now(1.0);
    phone.clock("2026-03-29T01:30:00+01:00");
    phone.dose_now(2.0);
    phone.clock("2026-03-29T03:30:00+02:00"); // an hour of real time later, two on the clock
    phone.dose_now(4.0);
    phone.clock("2026-03-29T23:30:00+02:00");
    phone.dose_now(8.0);
    phone.clock("2026-03-30T00:30:00+02:00"); // 22:30 UTC on the 29th
    phone.dose_now(16.0);

    let summary = phone.summary("2026-03-28", "2026-03-30");
    assert_eq!(
        dose_days(&summary),
        [("2026-03-28".into(), 1, 1.0), ("2026-03-29".into(), 3, 14.0), ("2026-03-30".into(), 1, 16.0)]
    );
    assert_eq!((phone.today().date, today_mg(&phone.today())), (date("2026-03-30"), (1, 16.0)));
    phone.clock("2026-03-29T23:59:00+02:00");
    assert_eq!(today_mg(&phone.today()), (3, 14.0), "the 29th holds the doses before and after the gap");
    assert_eq!(
        moments(&phone.history()),
        ["2026-03-28 22:30", "2026-03-29 01:30", "2026-03-29 03:30", "2026-03-29 23:30", "2026-03-30 00:30"]
    );
}

#[test]
fn the_repeated_hour_in_oslo_keeps_one_day_and_same_minute_entries_in_the_order_they_happened() {
    // Europe/Oslo, 25 October 2026: 03:00 +02:00 becomes 02:00 +01:00, so 02:00–02:59 happens twice.
    let phone = Phone::new("2026-10-25T02:30:00+02:00");
    let first = phone.dose_now(1.0);
    phone.clock("2026-10-25T02:30:00+01:00"); // the same wall-clock minute, an hour later
    let second = phone.dose_now(2.0);
    phone.clock("2026-10-25T02:10:00+01:00"); // earlier on the wall clock than the first, yet later
    let third = phone.anxiety_now(3);
    phone.clock("2026-10-25T23:00:00+01:00");

    let today = phone.today();
    assert_eq!((today.date, today_mg(&today)), (date("2026-10-25"), (2, 3.0)), "one day, both doses");
    assert_eq!(today.anxiety_7d.last().and_then(|d| d.mean), Some(3.0));
    assert_eq!(dose_days(&phone.summary("2026-10-25", "2026-10-25")), [("2026-10-25".into(), 2, 3.0)]);
    // Wall-clock order within the day; the two 02:30s in the order they happened.
    assert_eq!(phone.history_ids(), [third, first, second]);
    let phone = phone.reopen();
    assert_eq!(phone.history_ids(), [third, first, second], "the same after reopening (ids are random)");
}

#[test]
fn the_same_wall_clock_minute_twice_is_ordered_by_what_happened_first_whatever_the_ids() {
    // The order of two entries at 02:30 in the repeated hour must not depend on their random ids.
    let body = |s: &str| {
        EntryBody::Anxiety(AnxietyRating::new(at(s), 4, None, at("2026-10-26T12:00:00+01:00")).unwrap())
    };
    let summer = body("2026-10-25T02:30:00+02:00");
    let winter = body("2026-10-25T02:30:00+01:00");
    let (low, high) = (EntryId::from_bytes([1; 16]), EntryId::from_bytes([0xfe; 16]));
    for (summer_id, winter_id) in [(low, high), (high, low)] {
        let diary = Diary::from_entries([
            Entry { id: winter_id, body: winter.clone() },
            Entry { id: summer_id, body: summer.clone() },
        ]);
        let order: Vec<EntryId> = diary.iter().map(|e| e.id).collect();
        assert_eq!(order, [summer_id, winter_id]);
        // With the default day start (04:00), 02:30 belongs to the evening of the 24th.
        let day: Vec<EntryId> = diary.between(date("2026-10-24"), date("2026-10-24")).map(|e| e.id).collect();
        assert_eq!(day, [summer_id, winter_id]);
    }
}

#[test]
fn half_hour_zones_put_entries_on_the_local_day_not_the_utc_day() {
    // Asia/Kolkata is +05:30 all year: 00:15 on the 10th is 18:45 UTC on the 9th; 23:50 on the 10th
    // is 18:20 UTC on the 10th.
    let phone = Phone::new("2026-03-10T00:15:00+05:30");
    phone.dose_now(1.0);
    phone.clock("2026-03-10T23:50:00+05:30");
    phone.dose_now(2.0);
    phone.clock("2026-03-11T00:20:00+05:30"); // 18:50 UTC on the 10th
    phone.dose_now(4.0);
    assert_eq!(
        dose_days(&phone.summary("2026-03-09", "2026-03-11")),
        [("2026-03-09".into(), 0, 0.0), ("2026-03-10".into(), 2, 3.0), ("2026-03-11".into(), 1, 4.0)]
    );
    assert_eq!((phone.today().date, today_mg(&phone.today())), (date("2026-03-11"), (1, 4.0)));

    // Australia/Adelaide, 5 April 2026: 03:00 +10:30 becomes 02:00 +09:30 (a half-hour zone's
    // repeated hour).
    let phone = Phone::new("2026-04-05T02:45:00+10:30");
    let first = phone.dose_now(1.0);
    phone.clock("2026-04-05T02:15:00+09:30");
    let second = phone.dose_now(2.0);
    phone.clock("2026-04-05T02:45:00+09:30");
    let third = phone.dose_now(4.0);
    assert_eq!(today_mg(&phone.today()), (3, 7.0));
    assert_eq!(phone.history_ids(), [second, first, third], "wall-clock order; same minute by instant");
}

#[test]
fn travelling_brussels_new_york_tokyo_keeps_each_entry_on_the_day_it_was_made() {
    // Brussels +01:00 (before 29 March), New York -04:00 (after 8 March), Tokyo +09:00.
    let phone = Phone::new("2026-03-10T08:00:00+01:00");
    phone.dose_now(1.0);
    phone.clock("2026-03-10T22:30:00+01:00");
    phone.anxiety_now(5);
    // Flew to New York: 23:00 on the 10th there is 03:00 UTC on the 11th (04:00 in Brussels).
    phone.clock("2026-03-10T23:00:00-04:00");
    assert_eq!(phone.today().date, date("2026-03-10"), "still the 10th where the patient is");
    phone.dose_now(2.0);
    phone.clock("2026-03-11T07:00:00-04:00");
    phone.dose_now(4.0);
    // Flew to Tokyo: 21:00 on the 12th is 12:00 UTC; 00:30 on the 13th is 15:30 UTC on the 12th.
    phone.clock("2026-03-12T21:00:00+09:00");
    phone.dose_now(8.0);
    phone.clock("2026-03-13T00:30:00+09:00");
    phone.dose_now(16.0);
    phone.clock("2026-03-13T09:00:00+09:00");

    let today = phone.today();
    assert_eq!((today.date, today_mg(&today)), (date("2026-03-13"), (1, 16.0)));
    let days: Vec<_> = today.anxiety_7d.iter().map(|d| (d.date.to_string(), d.mean)).collect();
    assert_eq!(days[3], ("2026-03-10".into(), Some(5.0)), "{days:?}");
    assert_eq!(
        dose_days(&phone.summary("2026-03-10", "2026-03-13")),
        [
            ("2026-03-10".into(), 2, 3.0),
            ("2026-03-11".into(), 1, 4.0),
            ("2026-03-12".into(), 1, 8.0),
            ("2026-03-13".into(), 1, 16.0)
        ]
    );
    let history = phone.history();
    assert_eq!(
        moments(&history),
        [
            "2026-03-10 08:00",
            "2026-03-10 22:30",
            "2026-03-10 23:00",
            "2026-03-11 07:00",
            "2026-03-12 21:00",
            "2026-03-13 00:30"
        ]
    );
    // Each entry keeps the offset it was made with, so it reads the same wherever it is shown.
    let offsets: Vec<i32> = history
        .iter()
        .filter_map(|e| match &e.body {
            EntryBody::Dose(d) => Some(d.taken_at.offset().local_minus_utc() / 60),
            _ => None,
        })
        .collect();
    assert_eq!(offsets, [60, -240, -240, 540, 540]);
    // Back home: nothing moved.
    phone.clock("2026-03-15T10:00:00+01:00");
    let phone = phone.reopen();
    assert_eq!(moments(&phone.history()), moments(&history));
    assert_eq!(dose_days(&phone.summary("2026-03-10", "2026-03-10")), [("2026-03-10".into(), 2, 3.0)]);
}

#[test]
fn a_clock_that_moves_backwards_moves_no_entry() {
    let phone = Phone::new("2026-03-10T21:00:00+01:00");
    let a = phone.dose_now(1.0);
    // NTP steps the clock back 40 minutes: the next dose is at 20:20 by the device, and is listed
    // before the 21:00 one (entry time, not typing order).
    phone.clock("2026-03-10T20:20:00+01:00");
    let b = phone.dose_now(2.0);
    // The clock is set back to the previous evening: a dose logged now lands on the 9th.
    phone.clock("2026-03-09T23:50:00+01:00");
    let c = phone.dose_now(4.0);
    let while_back = phone.today();
    assert_eq!((while_back.date, today_mg(&while_back)), (date("2026-03-09"), (1, 4.0)));
    // Corrected again.
    phone.clock("2026-03-10T21:05:00+01:00");
    let d = phone.dose_now(8.0);

    assert_eq!(phone.history_ids(), [c, b, a, d]);
    assert_eq!(today_mg(&phone.today()), (3, 11.0), "the 10th: 21:00, 20:20 and 21:05");
    assert_eq!(
        dose_days(&phone.summary("2026-03-09", "2026-03-10")),
        [("2026-03-09".into(), 1, 4.0), ("2026-03-10".into(), 3, 11.0)]
    );

    // Opened with a clock set days back: entries "in the future" of the clock are kept as they are,
    // not dropped or moved; the today screen follows the clock.
    phone.clock("2026-03-01T09:00:00+01:00");
    let phone = phone.reopen();
    assert_eq!(phone.history_ids(), [c, b, a, d]);
    assert_eq!((phone.today().date, today_mg(&phone.today())), (date("2026-03-01"), (0, 0.0)));
    assert_eq!(dose_days(&phone.summary("2026-03-10", "2026-03-10")), [("2026-03-10".into(), 3, 11.0)]);
    // A new entry cannot be dated more than a day ahead of that clock; the old ones are untouched.
    let err = phone.core.log(EntryDraft::Dose(DoseDraft {
        taken_at: Some(at("2026-03-10T22:00:00+01:00")),
        drug: "diazepam".into(),
        mg: Some(1.0),
        ..DoseDraft::default()
    }));
    assert!(err.is_err(), "more than a day ahead of the device clock is refused");
    assert_eq!(phone.history().len(), 4);
}

#[test]
fn an_explicit_time_keeps_its_own_offset_and_date() {
    // A dose entered in Tokyo for a time in Brussels (e.g. filled in after the flight) keeps the
    // Brussels offset and date.
    let phone = Phone::new("2026-03-12T21:00:00+09:00");
    let id = phone.dose_at("2026-03-11T23:30:00+01:00", 2.0);
    let entry = phone.history().into_iter().find(|e| e.id == id).unwrap();
    assert_eq!(entry.body.local_moment(), (date("2026-03-11"), NaiveTime::from_hms_opt(23, 30, 0).unwrap()));
    assert_eq!(
        dose_days(&phone.summary("2026-03-11", "2026-03-12")),
        [("2026-03-11".into(), 1, 2.0), ("2026-03-12".into(), 0, 0.0)]
    );
}
