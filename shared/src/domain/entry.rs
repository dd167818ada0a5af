//! The diary's unit: one entry of one kind, with a random id that reveals nothing about its content.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::dose::{Dose, DoseDraft};
use super::error::{Field, Problem, Rule, Valid, ValidationError};
use super::goal::{Goal, GoalDraft, GoalReview, Question, ReviewDecision};
use super::id::EntryId;
use super::keyed::Keyed;
use super::medicine::{Medicine, MedicineDraft, Skip};
use super::scores::{AnxietyRating, Gad7};
use super::settings::Settings;
use super::sleep::{SleepDraft, SleepNight};
use super::taper::{PlanDraft, TaperPlan};
use super::time::LocalInstant;

/// The kinds of entry, as named in exports and `list --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum EntryKind {
    Dose,
    Sleep,
    Anxiety,
    Gad7,
    Goal,
    Review,
    Plan,
    Question,
    Medicine,
    Skip,
    Settings,
}

impl Keyed for EntryKind {
    const ALL: &'static [Self] = &[
        EntryKind::Dose,
        EntryKind::Sleep,
        EntryKind::Anxiety,
        EntryKind::Gad7,
        EntryKind::Goal,
        EntryKind::Review,
        EntryKind::Plan,
        EntryKind::Question,
        EntryKind::Medicine,
        EntryKind::Skip,
        EntryKind::Settings,
    ];

    /// Stable lowercase name.
    fn key(self) -> &'static str {
        match self {
            EntryKind::Dose => "dose",
            EntryKind::Sleep => "sleep",
            EntryKind::Anxiety => "anxiety",
            EntryKind::Gad7 => "gad7",
            EntryKind::Goal => "goal",
            EntryKind::Review => "review",
            EntryKind::Plan => "plan",
            EntryKind::Question => "question",
            EntryKind::Medicine => "medicine",
            EntryKind::Skip => "skip",
            EntryKind::Settings => "settings",
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
    Medicine(Box<Medicine>),
    Skip(Skip),
    Settings(Box<Settings>),
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
            EntryBody::Medicine(_) => EntryKind::Medicine,
            EntryBody::Skip(_) => EntryKind::Skip,
            EntryBody::Settings(_) => EntryKind::Settings,
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
            EntryBody::Medicine(m) => (m.started, NaiveTime::MIN),
            EntryBody::Skip(s) => of(&s.at),
            EntryBody::Settings(_) => (super::time::EARLIEST, NaiveTime::MIN),
        }
    }

    /// The patient's free text on this entry, if it has any (notes; the patient may hide them).
    pub fn note(&self) -> Option<&str> {
        match self {
            EntryBody::Dose(d) => d.note.as_deref(),
            EntryBody::Sleep(s) => s.note.as_deref(),
            EntryBody::Anxiety(a) => a.note.as_deref(),
            EntryBody::Review(r) => r.note.as_deref(),
            EntryBody::Skip(s) => s.note.as_deref(),
            EntryBody::Gad7(_)
            | EntryBody::Goal(_)
            | EntryBody::Plan(_)
            | EntryBody::Question(_)
            | EntryBody::Medicine(_)
            | EntryBody::Settings(_) => None,
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

/// An entry as typed in a shell, before validation. Times left out mean "now".
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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
    Medicine(MedicineDraft),
    Skip {
        medicine: EntryId,
        at: Option<LocalInstant>,
        note: Option<String>,
    },
}

impl EntryDraft {
    /// The kind of entry this draft makes.
    pub fn kind(&self) -> EntryKind {
        match self {
            EntryDraft::Dose(_) => EntryKind::Dose,
            EntryDraft::Sleep(_) => EntryKind::Sleep,
            EntryDraft::Anxiety { .. } => EntryKind::Anxiety,
            EntryDraft::Gad7 { .. } => EntryKind::Gad7,
            EntryDraft::Goal(_) => EntryKind::Goal,
            EntryDraft::Review { .. } => EntryKind::Review,
            EntryDraft::Plan(_) => EntryKind::Plan,
            EntryDraft::Question { .. } => EntryKind::Question,
            EntryDraft::Medicine(_) => EntryKind::Medicine,
            EntryDraft::Skip { .. } => EntryKind::Skip,
        }
    }

    /// Validates against the device clock and, for references, against the diary's goals.
    pub fn validate(&self, now: LocalInstant, is_goal: impl Fn(EntryId) -> bool) -> Valid<EntryBody> {
        self.validate_on(now, now.date_naive(), is_goal)
    }

    /// Validates on the patient's diary day `today` (which, between midnight and the day start,
    /// is the calendar day before): dates left open default to it, and "from today" is allowed.
    pub fn validate_on(
        &self,
        now: LocalInstant,
        today: NaiveDate,
        is_goal: impl Fn(EntryId) -> bool,
    ) -> Valid<EntryBody> {
        Ok(match self {
            EntryDraft::Dose(d) => EntryBody::Dose(d.validate(now)?),
            EntryDraft::Sleep(s) => EntryBody::Sleep(s.validate(now)?),
            EntryDraft::Anxiety { at, score, note } => {
                EntryBody::Anxiety(AnxietyRating::new(at.unwrap_or(now), *score, note.as_deref(), now)?)
            }
            EntryDraft::Gad7 { at, items } => EntryBody::Gad7(Gad7::new(at.unwrap_or(now), items, now)?),
            EntryDraft::Goal(g) => EntryBody::Goal(g.validate_on(now, today)?),
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
                    let review_day =
                        if at.is_none() { today.min(review.at.date_naive()) } else { review.at.date_naive() };
                    if *next < review_day {
                        return Err(ValidationError::new(
                            Field::NextReview,
                            Problem::inconsistent(Rule::BeforeTheReview),
                        ));
                    }
                    review.next_review = Some(super::time::date_not_too_old(Field::NextReview, *next)?);
                }
                EntryBody::Review(review)
            }
            EntryDraft::Plan(p) => {
                let start = p.start.or(Some(today));
                EntryBody::Plan(Box::new(super::taper::PlanDraft { start, ..p.clone() }.validate(now)?))
            }
            EntryDraft::Question { at, text, discussed } => {
                EntryBody::Question(Question::new(at.unwrap_or(now), text, *discussed, now)?)
            }
            EntryDraft::Medicine(m) => {
                let from = m.from.or(Some(today));
                EntryBody::Medicine(Box::new(
                    super::medicine::MedicineDraft { from, ..m.clone() }.validate(now)?,
                ))
            }
            EntryDraft::Skip { medicine, at, note } => {
                EntryBody::Skip(Skip::new(*medicine, at.unwrap_or(now), note.as_deref(), now)?)
            }
        })
    }
}

crate::domain::redacted_debug!(EntryBody, EntryDraft);
