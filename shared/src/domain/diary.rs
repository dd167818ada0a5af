//! The unlocked diary in memory: entries by id and in the patient's local time order, so day
//! ranges (today, last 7 days, a summary period) are read without scanning ten years of entries.
//!
//! # What "order" means
//!
//! Entries are ordered by the local date and wall-clock time the patient saw when the entry was
//! made (each entry keeps the UTC offset its device had), never by the UTC instant and never by
//! when it was logged:
//!
//! - after travel, an entry stays on the date and at the time it had where it was made (23:00 in
//!   New York is on that evening's date, though it is already the next day in UTC and in Brussels);
//! - when the device clock moves backwards (a wrong clock corrected, a manual change), entries
//!   already made keep their date and time, and a new entry goes where its own time puts it — an
//!   entry logged "now" at 20:30 after one logged at 21:00 is listed before it. The diary records
//!   when things were taken, not the order of typing (the store keeps no logging sequence);
//! - where two entries show the same local date and time (the hour repeated when clocks go back,
//!   or a clock set back onto a minute already used), the one that happened first by the instant
//!   comes first; only entries identical in both fall back to the id, which is arbitrary but stable.
//!
//! # The diary day
//!
//! Days are the patient's *diary days*: a day starts at the time in their settings (04:00 unless
//! they choose otherwise), so a bedtime dose at 00:10 counts with the evening before it. Every
//! reader that counts days (today, per-day totals, plan versus actual, days without a dose,
//! summaries) reads them from here.
//!
//! Nights, plans and medicines have a date but no instant; they sort before a timed entry with the
//! same wall-clock time. The settings are an entry too (sealed and backed up like any other), but
//! have no place in time: they are kept apart, and the latest wins.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Timelike, Utc};

use super::entry::{Entry, EntryBody};
use super::goal::{Goal, GoalReview, Question};
use super::id::EntryId;
use super::medicine::Medicine;
use super::settings::Settings;
use super::taper::TaperPlan;
use super::time::LocalInstant;

/// Entry ids to their place in the order. Ids are random v4 UUIDs, so hashing them needs speed (tens
/// of thousands at every cold open) more than SipHash's strength; foldhash is seeded per process.
type IdIndex = HashMap<EntryId, OrderKey, foldhash::fast::RandomState>;

/// Diary day, seconds into that day (from its start), then the instant (where the entry has one),
/// then the id.
type OrderKey = (NaiveDate, u32, Option<DateTime<Utc>>, EntryId);

const DAY_SECONDS: u32 = 24 * 3600;

/// The diary day and the seconds into it of a local date and wall-clock time, for a day that
/// starts at `day_start`.
pub fn diary_day(date: NaiveDate, time: NaiveTime, day_start: NaiveTime) -> (NaiveDate, u32) {
    let (t, start) = (time.num_seconds_from_midnight(), day_start.num_seconds_from_midnight());
    if t >= start {
        (date, t - start)
    } else {
        (date.checked_sub_days(Days::new(1)).unwrap_or(date), t + DAY_SECONDS - start)
    }
}

/// Entries in diary-day order, and where each id sits in that order. The entries live in the
/// ordered map itself, so walking a period (every summary and view) is a plain B-tree walk with no
/// lookup per entry.
#[derive(Debug, Clone)]
pub struct Diary {
    order: BTreeMap<OrderKey, Entry>,
    keys: IdIndex,
    /// The settings entry in force (the latest), if the patient ever changed a setting.
    settings: Option<Entry>,
    /// Older settings entries (from a restored backup), kept so nothing is lost or counted twice.
    older_settings: Vec<EntryId>,
    day_start: NaiveTime,
}

impl Default for Diary {
    fn default() -> Self {
        Self::from_entries(Vec::new())
    }
}

/// Where `entry` sorts, for a day starting at `day_start`.
fn key_of(entry: &Entry, day_start: NaiveTime) -> OrderKey {
    let (date, time) = entry.body.local_moment();
    let (day, into) = match &entry.body {
        // A night belongs to its evening, whatever time the patient went to bed.
        EntryBody::Sleep(s) => (s.night, diary_day(s.night, time, day_start).1),
        EntryBody::Plan(_) | EntryBody::Medicine(_) => (date, 0),
        _ => diary_day(date, time, day_start),
    };
    (day, into, instant_of(&entry.body), entry.id)
}

/// The instant an entry was made, for entries that carry one (a night, a plan, a medicine are
/// dates).
fn instant_of(body: &EntryBody) -> Option<DateTime<Utc>> {
    let at = match body {
        EntryBody::Dose(d) => d.taken_at,
        EntryBody::Anxiety(a) => a.at,
        EntryBody::Gad7(g) => g.at,
        EntryBody::Goal(g) => g.set_at,
        EntryBody::Review(r) => r.at,
        EntryBody::Question(q) => q.asked_at,
        EntryBody::Skip(s) => s.at,
        EntryBody::Sleep(_) | EntryBody::Plan(_) | EntryBody::Medicine(_) | EntryBody::Settings(_) => {
            return None
        }
    };
    Some(at.to_utc())
}

/// When the settings in `entry` were changed (older copies first), for picking the one in force.
fn changed_at(entry: &Entry) -> Option<DateTime<Utc>> {
    match &entry.body {
        EntryBody::Settings(s) => s.changed_at.map(|t| t.to_utc()),
        _ => None,
    }
}

impl Diary {
    /// Builds the index from entries read from the store (tens of thousands at a cold open): keys
    /// sorted once and the ordered map built in bulk from them, rather than one B-tree insert per
    /// entry. Where an id comes twice the later entry wins, as with [`Self::insert`].
    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Self {
        let (settings, entries): (Vec<Entry>, Vec<Entry>) =
            entries.into_iter().partition(|e| matches!(e.body, EntryBody::Settings(_)));
        let mut diary = Self {
            order: BTreeMap::new(),
            keys: IdIndex::default(),
            settings: None,
            older_settings: Vec::new(),
            day_start: Settings::default().day_start,
        };
        for s in settings {
            diary.take_settings(s);
        }
        diary.index(entries);
        diary
    }

    /// Builds the ordered map from `entries` under the current day start.
    fn index(&mut self, entries: Vec<Entry>) {
        let mut keys = IdIndex::with_capacity_and_hasher(entries.len(), Default::default());
        let mut sorted = Vec::with_capacity(entries.len());
        for (at, entry) in entries.iter().enumerate().rev() {
            if let std::collections::hash_map::Entry::Vacant(slot) = keys.entry(entry.id) {
                let key = key_of(entry, self.day_start);
                slot.insert(key);
                sorted.push((key, at));
            }
        }
        sorted.sort_unstable_by_key(|&(key, _)| key);
        let mut slots: Vec<Option<Entry>> = entries.into_iter().map(Some).collect();
        self.order = sorted.into_iter().filter_map(|(key, at)| Some((key, slots[at].take()?))).collect();
        self.keys = keys;
    }

    /// Keeps a settings entry: the one in force is the latest changed (the same id replaces itself).
    fn take_settings(&mut self, entry: Entry) {
        match &self.settings {
            Some(current) if current.id != entry.id && changed_at(current) > changed_at(&entry) => {
                self.older_settings.push(entry.id);
            }
            Some(current) if current.id != entry.id => {
                self.older_settings.push(current.id);
                self.settings = Some(entry);
            }
            _ => self.settings = Some(entry),
        }
        self.older_settings.retain(|id| Some(*id) != self.settings.as_ref().map(|s| s.id));
        self.day_start = self.settings().day_start;
    }

    /// Re-sorts every entry when the day start changed.
    fn reindex_if(&mut self, old_day_start: NaiveTime) {
        if self.day_start != old_day_start {
            let entries: Vec<Entry> = std::mem::take(&mut self.order).into_values().collect();
            self.index(entries);
        }
    }

    /// Adds or replaces an entry.
    pub fn insert(&mut self, entry: Entry) {
        if matches!(entry.body, EntryBody::Settings(_)) {
            let old = self.day_start;
            self.take_settings(entry);
            self.reindex_if(old);
            return;
        }
        if let Some(old) = self.keys.remove(&entry.id) {
            self.order.remove(&old);
        }
        let key = key_of(&entry, self.day_start);
        self.keys.insert(entry.id, key);
        self.order.insert(key, entry);
    }

    /// Removes an entry.
    pub fn remove(&mut self, id: EntryId) -> Option<Entry> {
        if self.settings.as_ref().is_some_and(|s| s.id == id) {
            let old = self.day_start;
            let removed = self.settings.take();
            self.day_start = self.settings().day_start;
            self.reindex_if(old);
            return removed;
        }
        self.older_settings.retain(|other| *other != id);
        self.order.remove(&self.keys.remove(&id)?)
    }

    /// One entry by id.
    pub fn get(&self, id: EntryId) -> Option<&Entry> {
        match &self.settings {
            Some(s) if s.id == id => Some(s),
            _ => self.order.get(self.keys.get(&id)?),
        }
    }

    /// Number of entries (the settings count as one, as stored).
    pub fn len(&self) -> usize {
        self.order.len() + usize::from(self.settings.is_some()) + self.older_settings.len()
    }

    /// True when the diary has no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The settings in force (the defaults until the patient changes one).
    pub fn settings(&self) -> Settings {
        match self.settings.as_ref().map(|e| &e.body) {
            Some(EntryBody::Settings(s)) => (**s).clone(),
            _ => Settings::default(),
        }
    }

    /// The id of the stored settings entry, if there is one.
    pub fn settings_id(&self) -> Option<EntryId> {
        self.settings.as_ref().map(|e| e.id)
    }

    /// When the patient's day starts.
    pub fn day_start(&self) -> NaiveTime {
        self.day_start
    }

    /// The diary day of a local instant (before the day start, it is the day before).
    pub fn day(&self, at: &LocalInstant) -> NaiveDate {
        diary_day(at.date_naive(), at.time(), self.day_start).0
    }

    /// The diary day an entry counts for.
    pub fn day_of(&self, entry: &Entry) -> NaiveDate {
        self.keys.get(&entry.id).map_or_else(|| key_of(entry, self.day_start).0, |key| key.0)
    }

    /// Entries whose diary day is within `from..=to`, in order.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = &Entry> + '_ {
        let lo = (from, 0, None, EntryId::from_bytes([0; 16]));
        let range = (from <= to).then(|| self.order.range(lo..).take_while(move |(k, _)| k.0 <= to));
        range.into_iter().flatten().map(|(_, e)| e)
    }

    /// Entries of the diary days `from..=to` with the day each counts for, in order.
    pub fn days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> impl Iterator<Item = (NaiveDate, &Entry)> + '_ {
        let lo = (from, 0, None, EntryId::from_bytes([0; 16]));
        let range = (from <= to).then(|| self.order.range(lo..).take_while(move |(k, _)| k.0 <= to));
        range.into_iter().flatten().map(|(k, e)| (k.0, e))
    }

    /// Every entry in order (the settings apart).
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Entry> + '_ {
        self.order.values()
    }

    /// First and last diary days in the diary.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.order.first_key_value()?.0 .0, self.order.last_key_value()?.0 .0))
    }

    /// Every goal, oldest first.
    pub fn goals(&self) -> impl Iterator<Item = (EntryId, &Goal)> + '_ {
        self.iter().filter_map(|e| match &e.body {
            EntryBody::Goal(g) => Some((e.id, g)),
            _ => None,
        })
    }

    /// Reviews of one goal, oldest first.
    pub fn reviews_of(&self, goal: EntryId) -> impl Iterator<Item = (EntryId, &GoalReview)> + '_ {
        self.iter().filter_map(move |e| match &e.body {
            EntryBody::Review(r) if r.goal == goal => Some((e.id, r)),
            _ => None,
        })
    }

    /// True when `id` is a goal in this diary.
    pub fn is_goal(&self, id: EntryId) -> bool {
        matches!(self.get(id).map(|e| &e.body), Some(EntryBody::Goal(_)))
    }

    /// The plan that has not been ended, if any (at most one at a time).
    pub fn active_plan(&self) -> Option<(EntryId, &TaperPlan)> {
        self.iter()
            .filter_map(|e| match &e.body {
                EntryBody::Plan(p) if p.ended.is_none() => Some((e.id, &**p)),
                _ => None,
            })
            .next_back()
    }

    /// The most recent plan, ended or not (for the plan screen after a plan ends).
    pub fn latest_plan(&self) -> Option<(EntryId, &TaperPlan)> {
        self.iter()
            .filter_map(|e| match &e.body {
                EntryBody::Plan(p) => Some((e.id, &**p)),
                _ => None,
            })
            .next_back()
    }

    /// Start of a goal's current review period: the day after its last review, or the day it was set.
    pub fn review_period_start(&self, goal_id: EntryId, goal: &Goal) -> chrono::NaiveDate {
        self.reviews_of(goal_id)
            .map(|(_, r)| self.day(&r.at))
            .last()
            .and_then(|d| d.succ_opt())
            .unwrap_or(self.day(&goal.set_at))
    }

    /// Every medicine on the patient's list (stopped ones too), oldest first.
    pub fn medicines(&self) -> impl Iterator<Item = (EntryId, &Medicine)> + '_ {
        self.iter().filter_map(|e| match &e.body {
            EntryBody::Medicine(m) => Some((e.id, &**m)),
            _ => None,
        })
    }
}

/// The few long-lived entries a summary reads from the whole diary — plans, goals, their reviews,
/// questions — gathered in one pass, in the diary's order. `Diary::goals`, `Diary::reviews_of` and
/// `Diary::iter` each walk every entry (ten years: ~20,000), and a summary used to walk them about
/// eight times: most of the 1-year summary's time on a 10-year diary (steady-bench).
pub struct LongLived<'a> {
    /// Every plan, oldest first.
    pub plans: Vec<(EntryId, &'a TaperPlan)>,
    /// Every goal, oldest first.
    pub goals: Vec<(EntryId, &'a Goal)>,
    /// Reviews by goal id, oldest first.
    pub reviews: HashMap<EntryId, Vec<(EntryId, &'a GoalReview)>>,
    /// Every question, oldest first.
    pub questions: Vec<&'a Question>,
    /// Every medicine, oldest first.
    pub medicines: Vec<(EntryId, &'a Medicine)>,
}

impl<'a> LongLived<'a> {
    /// One walk over `diary`.
    pub fn gather(diary: &'a Diary) -> Self {
        let mut out = Self {
            plans: vec![],
            goals: vec![],
            reviews: HashMap::new(),
            questions: vec![],
            medicines: vec![],
        };
        for e in diary.iter() {
            match &e.body {
                EntryBody::Plan(p) => out.plans.push((e.id, p)),
                EntryBody::Goal(g) => out.goals.push((e.id, g)),
                EntryBody::Review(r) => out.reviews.entry(r.goal).or_default().push((e.id, r)),
                EntryBody::Question(q) => out.questions.push(q),
                EntryBody::Medicine(m) => out.medicines.push((e.id, m)),
                _ => {}
            }
        }
        out
    }

    /// Reviews of one goal, oldest first.
    pub fn reviews_of(&self, goal: EntryId) -> &[(EntryId, &'a GoalReview)] {
        self.reviews.get(&goal).map(Vec::as_slice).unwrap_or_default()
    }

    /// The plan that ran during the period: the latest one started by its end and not ended
    /// before its start.
    pub fn plan_for_period(&self, from: NaiveDate, to: NaiveDate) -> Option<(EntryId, &'a TaperPlan)> {
        self.plans
            .iter()
            .rfind(|(_, p)| p.start <= to && p.ended.as_ref().is_none_or(|end| end.on >= from))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AnxietyRating;

    fn rating(id: EntryId, at: &str, score: i64) -> Entry {
        let at = DateTime::parse_from_rfc3339(at).unwrap();
        Entry { id, body: EntryBody::Anxiety(AnxietyRating::new(at, score, None, at).unwrap()) }
    }

    fn ids(diary: &Diary) -> Vec<(EntryId, i64)> {
        let score = |e: &Entry| match &e.body {
            EntryBody::Anxiety(a) => i64::from(a.score),
            _ => -1,
        };
        diary.iter().map(|e| (e.id, score(e))).collect()
    }

    #[test]
    fn a_bulk_build_orders_and_finds_entries_as_inserting_them_one_by_one_does() {
        let ids_in = [EntryId::new(), EntryId::new(), EntryId::new(), EntryId::new(), EntryId::new()];
        let entries = vec![
            rating(ids_in[0], "2026-03-02T21:00:00+01:00", 1),
            // Same wall-clock minute in another zone (earlier instant) and the same instant twice.
            rating(ids_in[1], "2026-03-02T21:00:00-05:00", 2),
            rating(ids_in[2], "2026-03-01T08:00:00+01:00", 3),
            rating(ids_in[3], "2026-03-02T21:00:00+01:00", 4),
            rating(ids_in[4], "2026-02-28T23:30:00+01:00", 5),
        ];
        let bulk = Diary::from_entries(entries.clone());
        let mut one_by_one = Diary::default();
        for e in entries.iter().rev() {
            one_by_one.insert(e.clone());
        }
        assert_eq!(ids(&bulk), ids(&one_by_one));
        assert_eq!(ids(&bulk)[0].1, 5);
        assert_eq!(ids(&bulk)[4].1, 2, "21:00 at -05:00 is the later instant");
        assert_eq!(bulk.len(), 5);
        assert!(entries.iter().all(|e| bulk.get(e.id) == Some(e)));
        let march_2: Vec<_> = bulk.between(date(2026, 3, 2), date(2026, 3, 2)).collect();
        assert_eq!(march_2.len(), 3);
        assert_eq!(bulk.span(), Some((date(2026, 2, 28), date(2026, 3, 2))));
    }

    #[test]
    fn the_later_of_two_entries_with_one_id_wins_and_moves_in_the_order() {
        let id = EntryId::new();
        let other = rating(EntryId::new(), "2026-03-02T12:00:00+01:00", 7);
        let early = rating(id, "2026-03-01T08:00:00+01:00", 1);
        let late = rating(id, "2026-03-03T08:00:00+01:00", 2);
        let mut diary = Diary::from_entries([early.clone(), other.clone(), late.clone()]);
        assert_eq!(ids(&diary), vec![(other.id, 7), (id, 2)]);
        diary.insert(early.clone());
        assert_eq!(ids(&diary), vec![(id, 1), (other.id, 7)]);
        assert_eq!(diary.remove(id), Some(early));
        assert_eq!(diary.get(id), None);
        assert_eq!(ids(&diary), vec![(other.id, 7)]);
        assert_eq!(diary.remove(id), None);
    }

    #[test]
    fn a_bulk_build_of_thousands_matches_inserting_one_by_one_repeated_ids_included() {
        // Thousands of entries whose times collide often; the last 300 reuse earlier ids.
        let base = DateTime::parse_from_rfc3339("2026-01-01T08:00:00+01:00").unwrap();
        let mut entries: Vec<Entry> = (0..9000i64)
            .map(|i| {
                let at = base + chrono::Duration::minutes((i * 7919) % 50_000);
                Entry {
                    id: EntryId::new(),
                    body: EntryBody::Anxiety(AnxietyRating::new(at, i % 11, None, at).unwrap()),
                }
            })
            .collect();
        for i in 0..300 {
            let mut again = entries[i * 7].clone();
            again.body = entries[8000 + i].body.clone();
            entries.push(again);
        }
        let bulk = Diary::from_entries(entries.clone());
        let mut one_by_one = Diary::default();
        for e in &entries {
            one_by_one.insert(e.clone());
        }
        assert_eq!(bulk.len(), 9000);
        assert_eq!(ids(&bulk), ids(&one_by_one));
        assert!(entries[9000..].iter().all(|e| bulk.get(e.id) == Some(e)), "the later entry wins");
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }
}
