//! Pure, validated domain types: what a patient records and the clinical facts used to read it.
//! No I/O here; every constructor from shell input validates and names the offending field.

pub mod catalogue;
pub mod dose;
pub mod entry;
pub mod error;
pub mod goal;
pub mod parse;
pub mod scores;
pub mod sleep;
pub mod time;

pub use catalogue::{lookup, Country, EquivalenceTable, MgRange, Molecule};
pub use dose::{Amount, Dose, DoseDraft, Substance, Use};
pub use entry::{Entry, EntryBody, EntryDraft, EntryId, EntryKind};
pub use error::{Problem, Valid, ValidationError};
pub use goal::{Goal, GoalDraft, GoalKind, GoalReview, GoalStatus, Proposer, Question, ReviewDecision};
pub use scores::{AnxietyRating, Gad7, Gad7Band};
pub use sleep::{SleepDraft, SleepNight, SleepQuality};
pub use time::LocalInstant;
