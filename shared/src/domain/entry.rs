//! The diary's unit: one entry of one kind, with a random id that reveals nothing about its content.

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::dose::{Dose, DoseDraft};
use super::error::{Problem, Valid, ValidationError};
use super::goal::{Goal, GoalDraft, GoalReview, Question, ReviewDecision};
use super::scores::{AnxietyRating, Gad7};
use super::sleep::{SleepDraft, SleepNight};
use super::time::LocalInstant;
use crate::plan::{PlanDraft, TaperPlan};

/// Random (v4) id: stored in plaintext, so it must carry no information.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(Uuid);

impl EntryId {
    /// A fresh random id.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        Self(Uuid::new_v4())
    }

    /// The 16 raw bytes, as stored and bound into the record's associated data.
    pub fn as_bytes(&self) -> &[u8; 16] {
        self.0.as_bytes()
    }

    /// From 16 raw bytes read back from the store.
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(Uuid::from_bytes(bytes))
    }

    /// First 8 hex digits: enough for a person to type, as shown by the CLI.
    pub fn short(&self) -> String {
        self.0.simple().to_string()[..8].to_owned()
    }
}

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Debug for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EntryId({})", self.short())
    }
}

impl FromStr for EntryId {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s.trim())
            .map(Self)
            .map_err(|_| ValidationError::new("id", Problem::Unreadable(s.chars().take(40).collect())))
    }
}

/// The kinds of entry, as named in exports and `list --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Dose,
    Sleep,
    Anxiety,
    Gad7,
    Goal,
    Review,
    Plan,
    Question,
}

impl EntryKind {
    /// Stable lowercase name.
    pub fn key(self) -> &'static str {
        match self {
            EntryKind::Dose => "dose",
            EntryKind::Sleep => "sleep",
            EntryKind::Anxiety => "anxiety",
            EntryKind::Gad7 => "gad7",
            EntryKind::Goal => "goal",
            EntryKind::Review => "review",
            EntryKind::Plan => "plan",
            EntryKind::Question => "question",
        }
    }
}

/// The validated content of an entry.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "data")]
pub enum EntryBody {
    Dose(Dose),
    Sleep(SleepNight),
    Anxiety(AnxietyRating),
    Gad7(Gad7),
    Goal(Goal),
    Review(GoalReview),
    Plan(Box<TaperPlan>),
    Question(Question),
}

impl EntryBody {
    /// Which kind this is.
    pub fn kind(&self) -> EntryKind {
        match self {
            EntryBody::Dose(_) => EntryKind::Dose,
            EntryBody::Sleep(_) => EntryKind::Sleep,
            EntryBody::Anxiety(_) => EntryKind::Anxiety,
            EntryBody::Gad7(_) => EntryKind::Gad7,
            EntryBody::Goal(_) => EntryKind::Goal,
            EntryBody::Review(_) => EntryKind::Review,
            EntryBody::Plan(_) => EntryKind::Plan,
            EntryBody::Question(_) => EntryKind::Question,
        }
    }

    /// The patient's local date and wall-clock time the entry belongs to; a night belongs to the
    /// evening it began. Used for day totals and ordering, independent of later travel.
    pub fn local_moment(&self) -> (NaiveDate, NaiveTime) {
        let of = |t: &LocalInstant| (t.date_naive(), t.time());
        match self {
            EntryBody::Dose(d) => of(&d.taken_at),
            EntryBody::Anxiety(a) => of(&a.at),
            EntryBody::Gad7(g) => of(&g.at),
            EntryBody::Goal(g) => of(&g.set_at),
            EntryBody::Review(r) => of(&r.at),
            EntryBody::Sleep(s) => (s.night, s.in_bed.unwrap_or(NaiveTime::MIN)),
            EntryBody::Plan(p) => (p.start, NaiveTime::MIN),
            EntryBody::Question(q) => of(&q.asked_at),
        }
    }

    /// The patient's free text on this entry, if it has any (notes; the patient may hide them).
    pub fn note(&self) -> Option<&str> {
        match self {
            EntryBody::Dose(d) => d.note.as_deref(),
            EntryBody::Sleep(s) => s.note.as_deref(),
            EntryBody::Anxiety(a) => a.note.as_deref(),
            EntryBody::Review(r) => r.note.as_deref(),
            EntryBody::Gad7(_) | EntryBody::Goal(_) | EntryBody::Plan(_) | EntryBody::Question(_) => None,
        }
    }

    /// The local date alone.
    pub fn local_date(&self) -> NaiveDate {
        self.local_moment().0
    }
}

/// A stored entry: id plus content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Random id.
    pub id: EntryId,
    /// Content.
    pub body: EntryBody,
}

/// An entry as typed in a shell, before validation.
#[derive(Clone, PartialEq)]
pub enum EntryDraft {
    Dose(DoseDraft),
    Sleep(SleepDraft),
    Anxiety {
        at: Option<LocalInstant>,
        score: i64,
        note: Option<String>,
    },
    Gad7 {
        at: Option<LocalInstant>,
        items: Vec<i64>,
    },
    Goal(GoalDraft),
    Review {
        goal: EntryId,
        at: Option<LocalInstant>,
        gas: i64,
        note: Option<String>,
        decision: ReviewDecision,
        next_review: Option<NaiveDate>,
    },
    Plan(PlanDraft),
    Question {
        at: Option<LocalInstant>,
        text: String,
        discussed: bool,
    },
}

impl EntryDraft {
    /// Validates against the device clock and, for references, against the diary's goals.
    pub fn validate(&self, now: LocalInstant, is_goal: impl Fn(EntryId) -> bool) -> Valid<EntryBody> {
        Ok(match self {
            EntryDraft::Dose(d) => EntryBody::Dose(d.validate(now)?),
            EntryDraft::Sleep(s) => EntryBody::Sleep(s.validate(now)?),
            EntryDraft::Anxiety { at, score, note } => {
                EntryBody::Anxiety(AnxietyRating::new(at.unwrap_or(now), *score, note.as_deref(), now)?)
            }
            EntryDraft::Gad7 { at, items } => EntryBody::Gad7(Gad7::new(at.unwrap_or(now), items, now)?),
            EntryDraft::Goal(g) => EntryBody::Goal(g.validate(now)?),
            EntryDraft::Review { goal, at, gas, note, decision, next_review } => {
                let mut review = GoalReview::new(
                    *goal,
                    at.unwrap_or(now),
                    *gas,
                    note.as_deref(),
                    *decision,
                    now,
                    is_goal(*goal),
                )?;
                if let Some(next) = next_review {
                    if *next < review.at.date_naive() {
                        return Err(ValidationError::new(
                            "next_review",
                            Problem::Inconsistent("before the review itself"),
                        ));
                    }
                    review.next_review = Some(super::time::date_not_too_old("next_review", *next)?);
                }
                EntryBody::Review(review)
            }
            EntryDraft::Plan(p) => EntryBody::Plan(Box::new(p.validate(now)?)),
            EntryDraft::Question { at, text, discussed } => {
                EntryBody::Question(Question::new(at.unwrap_or(now), text, *discussed, now)?)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_random_and_round_trip() {
        let (a, b) = (EntryId::new(), EntryId::new());
        assert_ne!(a, b);
        assert_eq!(a.to_string().parse::<EntryId>().unwrap(), a);
        assert_eq!(EntryId::from_bytes(*a.as_bytes()), a);
        assert_eq!("nope".parse::<EntryId>().unwrap_err().field, "id");
        assert!(!format!("{a:?}").contains(&a.to_string()), "Debug shows only the short id");
    }
}

crate::redacted_debug!(EntryBody, EntryDraft);
