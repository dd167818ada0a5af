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
//! Nights and plans have a local date and time but no instant; they sort before a timed entry with
//! the same wall-clock time.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::domain::{Entry, EntryBody, EntryId, Goal, GoalReview};
use crate::plan::TaperPlan;

/// Local date, local wall-clock time, then the instant (where the entry has one), then the id.
type OrderKey = (NaiveDate, NaiveTime, Option<DateTime<Utc>>, EntryId);

/// Entries indexed by id and by local moment.
#[derive(Debug, Default, Clone)]
pub struct Diary {
    by_id: HashMap<EntryId, Entry>,
    order: BTreeSet<OrderKey>,
}

fn key_of(entry: &Entry) -> OrderKey {
    let (date, time) = entry.body.local_moment();
    (date, time, instant_of(&entry.body), entry.id)
}

/// The instant an entry was made, for entries that carry one (a night and a plan are dates).
fn instant_of(body: &EntryBody) -> Option<DateTime<Utc>> {
    let at = match body {
        EntryBody::Dose(d) => d.taken_at,
        EntryBody::Anxiety(a) => a.at,
        EntryBody::Gad7(g) => g.at,
        EntryBody::Goal(g) => g.set_at,
        EntryBody::Review(r) => r.at,
        EntryBody::Question(q) => q.asked_at,
        EntryBody::Sleep(_) | EntryBody::Plan(_) => return None,
    };
    Some(at.to_utc())
}

impl Diary {
    /// Builds the index from entries read from the store.
    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Self {
        let mut diary = Self::default();
        for e in entries {
            diary.insert(e);
        }
        diary
    }

    /// Adds or replaces an entry.
    pub fn insert(&mut self, entry: Entry) {
        if let Some(old) = self.by_id.get(&entry.id) {
            self.order.remove(&key_of(old));
        }
        self.order.insert(key_of(&entry));
        self.by_id.insert(entry.id, entry);
    }

    /// Removes an entry.
    pub fn remove(&mut self, id: EntryId) -> Option<Entry> {
        let old = self.by_id.remove(&id)?;
        self.order.remove(&key_of(&old));
        Some(old)
    }

    /// One entry by id.
    pub fn get(&self, id: EntryId) -> Option<&Entry> {
        self.by_id.get(&id)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// True when the diary has no entries.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Entries whose local date is within `from..=to`, in local time order.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = &Entry> + '_ {
        let lo = (from, NaiveTime::MIN, None, EntryId::from_bytes([0; 16]));
        let range = (from <= to).then(|| self.order.range(lo..).take_while(move |k| k.0 <= to));
        range.into_iter().flatten().map(|k| &self.by_id[&k.3])
    }

    /// Every entry in local time order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.order.iter().map(|k| &self.by_id[&k.3])
    }

    /// First and last local dates in the diary.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.order.first()?.0, self.order.last()?.0))
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
                EntryBody::Plan(p) if p.ended.is_none() => Some((e.id, p)),
                _ => None,
            })
            .last()
    }

    /// The most recent plan, ended or not (for the plan screen after a plan ends).
    pub fn latest_plan(&self) -> Option<(EntryId, &TaperPlan)> {
        self.iter()
            .filter_map(|e| match &e.body {
                EntryBody::Plan(p) => Some((e.id, p)),
                _ => None,
            })
            .last()
    }

    /// Start of a goal's current review period: the day after its last review, or the day it was set.
    pub fn review_period_start(&self, goal_id: EntryId, goal: &Goal) -> chrono::NaiveDate {
        self.reviews_of(goal_id)
            .map(|(_, r)| r.at.date_naive())
            .last()
            .and_then(|d| d.succ_opt())
            .unwrap_or(goal.set_at.date_naive())
    }
}
