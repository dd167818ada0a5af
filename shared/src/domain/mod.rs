//! Pure, validated domain types: what a patient records, the clinical facts used to read it, and
//! the measures every reader of the diary shares. The ground floor: nothing here imports another
//! layer of the crate, and there is no I/O. Every constructor from shell input validates and names
//! the offending field.

pub mod catalogue;
pub mod diary;
pub mod dose;
mod drafts;
pub mod drug_search;
pub mod entry;
pub mod error;
pub mod goal;
pub mod hideable;
pub mod id;
pub mod integrity;
pub mod keyed;
pub mod lang;
pub mod measure;
pub mod medicine;
pub mod parse;
pub mod passphrase;
pub mod period;
pub mod progress;
mod redact;
pub mod scores;
pub mod settings;
pub mod sleep;
mod tables;
pub mod tablets;
pub mod taper;
pub mod time;

pub use catalogue::{lookup, Country, EquivalenceTable, MgRange, Molecule, TableRef};
pub use diary::{Diary, LongLived};
pub use dose::{Amount, Dose, DoseDraft, Substance, Use};
pub use drug_search::{search_drugs, DrugMatch};
pub use entry::{Entry, EntryBody, EntryDraft, EntryKind};
pub use error::{Expected, Field, Problem, Rule, Valid, ValidationError};
pub use goal::{
    Goal, GoalDraft, GoalKind, GoalReview, GoalStatus, GoalType, Proposer, Question, ReviewDecision,
};
pub use hideable::Hideable;
pub use id::EntryId;
pub use integrity::Integrity;
pub use keyed::Keyed;
pub use lang::Lang;
pub use measure::{mean, slope_per_week, DeTotal, SplitTotal};
pub use medicine::{Medicine, MedicineDraft, Regimen, Skip};
pub use period::Period;
pub use progress::GoalProgress;
pub(crate) use redact::redacted_debug;
pub use scores::{AnxietyRating, Gad7, Gad7Band};
pub use settings::{PatientIdentity, SettingChange, Settings, DEFAULT_DAY_START};
pub use sleep::{SleepDraft, SleepNight, SleepQuality};
pub use tablets::{
    achievable_doses, amount_text, count_text, mg_text, round1, tablets_for, tablets_text, Split,
};
pub use taper::{
    Ended, Hold, Pace, PaceChange, PlanDraft, Switch, SwitchCheck, SwitchDraft, Tail, TaperPlan,
};
pub use time::{wall_clock, FixedZone, LocalInstant, WallClock, Zone};
