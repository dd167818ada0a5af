//! Goals in the patient's own words (goal-oriented care: elicit, set, evaluate) and their reviews
//! with Goal Attainment Scaling.
//!
//! Goal Attainment Scaling: Kiresuk TJ, Sherman RE. "Goal attainment scaling: a general method for
//! evaluating comprehensive community mental health programs." Community Ment Health J
//! 1968;4(6):443-453. Five levels, −2 (much less than expected) … 0 (expected) … +2 (much more).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalogue::Molecule;
use super::dose::{parse_substance, Substance, MAX_DOSE_MG, MAX_NOTE_CHARS};
use super::error::{in_range, optional_text, positive, text, Field, Problem, Rule, Valid, ValidationError};
use super::id::EntryId;
use super::keyed::Keyed;
use super::parse::choice;
use super::time::{date_not_too_old, not_in_future, LocalInstant};

/// Longest "what matters to me" text, in characters.
pub const MAX_WHY_CHARS: usize = 500;
/// Longest name of the person a goal was agreed with.
pub const MAX_NAME_CHARS: usize = 100;

/// The treatment goal the patient chose. All equally valid; none is ranked above another.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum GoalKind {
    /// Taper to zero.
    Stop { molecule: Option<Molecule> },
    /// Reduce to a target daily dose.
    Reduce { molecule: Molecule, target_mg: f64 },
    /// Stay stable at the prescribed dose with no extra use.
    Stable { molecule: Option<Molecule> },
    /// Keep things as they are.
    Keep,
}

/// The four treatment goals a patient can choose, as a form offers them (the chosen one becomes a
/// [`GoalKind`] with its molecule and target).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum GoalType {
    /// Taper to zero.
    Stop,
    /// Reduce to a target daily dose.
    Reduce,
    /// Stay stable at the prescribed dose, no extra use.
    Stable,
    /// Keep things as they are.
    Keep,
}

impl Keyed for GoalType {
    const ALL: &'static [Self] = &[GoalType::Stop, GoalType::Reduce, GoalType::Stable, GoalType::Keep];

    fn key(self) -> &'static str {
        match self {
            GoalType::Stop => "stop",
            GoalType::Reduce => "reduce",
            GoalType::Stable => "stable",
            GoalType::Keep => "keep",
        }
    }
}

impl GoalType {
    /// Reads "stop", "reduce", "stable" or "keep" (any case), naming the field `kind`.
    pub fn parse(s: &str) -> Valid<Self> {
        choice(Field::Kind, s)
    }
}

impl GoalKind {
    /// Which of the four goals this is.
    pub fn goal_type(&self) -> GoalType {
        match self {
            GoalKind::Stop { .. } => GoalType::Stop,
            GoalKind::Reduce { .. } => GoalType::Reduce,
            GoalKind::Stable { .. } => GoalType::Stable,
            GoalKind::Keep => GoalType::Keep,
        }
    }

    /// Stable short key, as used by the CLI and exports.
    pub fn key(&self) -> &'static str {
        self.goal_type().key()
    }

    /// One-line English description, e.g. "reduce lormetazepam to 0.5 mg/day".
    pub fn describe(&self) -> String {
        match self {
            GoalKind::Stop { molecule: Some(m) } => format!("stop {}", m.name()),
            GoalKind::Stop { molecule: None } => "stop".into(),
            GoalKind::Reduce { molecule, target_mg } => {
                format!("reduce {} to {target_mg} mg/day", molecule.name())
            }
            GoalKind::Stable { molecule: Some(m) } => {
                format!("stay stable on prescribed {}, no extra use", m.name())
            }
            GoalKind::Stable { molecule: None } => "stay stable at the prescribed dose, no extra use".into(),
            GoalKind::Keep => "keep things as they are".into(),
        }
    }
}

/// Who proposed a goal: research shows it is rarely the patient, so the diary records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Proposer {
    Patient,
    Clinician,
    Together,
}

/// Lifecycle of a goal (FHIR Goal.lifecycleStatus, simplified).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum GoalStatus {
    Proposed,
    #[default]
    Active,
    OnHold,
    Achieved,
    Changed,
    Abandoned,
}

/// A goal as set.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    /// When the goal was set.
    #[serde(deserialize_with = "super::time::deserialize_instant")]
    pub set_at: LocalInstant,
    /// What matters, in the patient's own words.
    pub what_matters: String,
    /// The treatment goal chosen.
    pub kind: GoalKind,
    /// Date the goal should be met by, if any.
    pub due: Option<NaiveDate>,
    /// Next date to review it together.
    pub review_on: Option<NaiveDate>,
    /// Who proposed it.
    pub proposed_by: Proposer,
    /// Who agreed to it, e.g. "Dr. Peeters".
    pub agreed_with: Option<String>,
    /// Where it is in its life.
    pub status: GoalStatus,
}

/// A goal as typed in a shell.
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GoalDraft {
    /// When set; `None` = now.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub set_at: Option<LocalInstant>,
    /// Which of the four goals.
    pub kind: GoalType,
    /// What matters to the patient.
    pub what_matters: String,
    /// Molecule or brand, for stop / reduce / stable.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub drug: Option<String>,
    /// Target daily dose, for reduce.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub target_mg: Option<f64>,
    /// Due date.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub due: Option<NaiveDate>,
    /// Review date.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub review_on: Option<NaiveDate>,
    /// Who proposed it.
    pub proposed_by: Proposer,
    /// Who agreed to it.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub agreed_with: Option<String>,
}

impl GoalDraft {
    /// Validates the goal; dates must not precede the day it is set.
    pub fn validate(&self, now: LocalInstant) -> Valid<Goal> {
        self.validate_on(now, now.date_naive())
    }

    /// Validates the goal on the patient's diary day `today` (after midnight and before the day
    /// starts, still the evening before): a goal set now may be due or reviewed from `today`.
    pub fn validate_on(&self, now: LocalInstant, today: NaiveDate) -> Valid<Goal> {
        let set_at = not_in_future(Field::SetAt, self.set_at.unwrap_or(now), now)?;
        let set_day =
            if self.set_at.is_none() { today.min(set_at.date_naive()) } else { set_at.date_naive() };
        let molecule = match self.drug.as_deref().filter(|d| !d.trim().is_empty()) {
            None => None,
            Some(name) => match parse_substance(name)? {
                Substance::Known(m) => Some(m),
                Substance::Unknown => {
                    return Err(ValidationError::new(
                        Field::Drug,
                        Problem::not_allowed(Rule::GoalNamesAKnownMolecule),
                    ))
                }
            },
        };
        let kind = match self.kind {
            GoalType::Stop => GoalKind::Stop { molecule },
            GoalType::Reduce => GoalKind::Reduce {
                molecule: molecule.ok_or(ValidationError::new(Field::Drug, Problem::Required))?,
                target_mg: positive(
                    Field::TargetMg,
                    self.target_mg.ok_or(ValidationError::new(Field::TargetMg, Problem::Required))?,
                    MAX_DOSE_MG,
                )?,
            },
            GoalType::Stable => GoalKind::Stable { molecule },
            GoalType::Keep => GoalKind::Keep,
        };
        if self.target_mg.is_some() && !matches!(kind, GoalKind::Reduce { .. }) {
            return Err(ValidationError::new(
                Field::TargetMg,
                Problem::not_allowed(Rule::TargetGoesWithReduce),
            ));
        }
        let check_date = |field, d: Option<NaiveDate>| -> Valid<Option<NaiveDate>> {
            match d {
                Some(d) if d < set_day => {
                    Err(ValidationError::new(field, Problem::inconsistent(Rule::BeforeTheGoalWasSet)))
                }
                Some(d) => date_not_too_old(field, d).map(Some),
                None => Ok(None),
            }
        };
        Ok(Goal {
            set_at,
            what_matters: text(Field::WhatMatters, &self.what_matters, MAX_WHY_CHARS)?,
            kind,
            due: check_date(Field::Due, self.due)?,
            review_on: check_date(Field::ReviewOn, self.review_on)?,
            proposed_by: self.proposed_by,
            agreed_with: optional_text(Field::AgreedWith, self.agreed_with.as_deref(), MAX_NAME_CHARS)?,
            status: GoalStatus::Active,
        })
    }
}

/// What the patient and clinician decided at a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ReviewDecision {
    Keep,
    Adjust,
    Change,
}

impl Keyed for GoalStatus {
    /// Every status, in lifecycle order.
    const ALL: &'static [Self] = &[
        GoalStatus::Proposed,
        GoalStatus::Active,
        GoalStatus::OnHold,
        GoalStatus::Achieved,
        GoalStatus::Changed,
        GoalStatus::Abandoned,
    ];

    /// Stable key, as used by the CLI and exports (FHIR Goal.lifecycleStatus-like).
    fn key(self) -> &'static str {
        match self {
            GoalStatus::Proposed => "proposed",
            GoalStatus::Active => "active",
            GoalStatus::OnHold => "on_hold",
            GoalStatus::Achieved => "achieved",
            GoalStatus::Changed => "changed",
            GoalStatus::Abandoned => "abandoned",
        }
    }
}

impl GoalStatus {
    /// Parses a key (`on-hold` and `on_hold` alike), naming the field `status`.
    pub fn parse(s: &str) -> Valid<Self> {
        choice(Field::Status, s)
    }

    /// True while the goal is being worked on (shown on the today screen).
    pub fn is_open(self) -> bool {
        matches!(self, GoalStatus::Proposed | GoalStatus::Active | GoalStatus::OnHold)
    }
}

impl Keyed for ReviewDecision {
    const ALL: &'static [Self] = &[ReviewDecision::Keep, ReviewDecision::Adjust, ReviewDecision::Change];

    fn key(self) -> &'static str {
        match self {
            Self::Keep => "keep",
            Self::Adjust => "adjust",
            Self::Change => "change",
        }
    }
}

impl ReviewDecision {
    /// Parses "keep", "adjust" or "change", naming the field `decision`.
    pub fn parse(s: &str) -> Valid<Self> {
        choice(Field::Decision, s)
    }
}

impl Keyed for Proposer {
    const ALL: &'static [Self] = &[Proposer::Patient, Proposer::Clinician, Proposer::Together];

    fn key(self) -> &'static str {
        match self {
            Proposer::Patient => "patient",
            Proposer::Clinician => "clinician",
            Proposer::Together => "together",
        }
    }
}

/// A review of one goal.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalReview {
    /// The goal reviewed.
    pub goal: EntryId,
    /// When reviewed.
    #[serde(deserialize_with = "super::time::deserialize_instant")]
    pub at: LocalInstant,
    /// Goal Attainment Scaling, −2 … +2.
    pub gas: i8,
    /// The patient's note.
    pub note: Option<String>,
    /// What was decided.
    pub decision: ReviewDecision,
    /// The next review date agreed at this review, if any (absent in version-1 diaries).
    #[serde(default)]
    pub next_review: Option<NaiveDate>,
}

impl GoalReview {
    /// Validates a review; `goal_exists` checks the reference against the diary.
    pub fn new(
        goal: EntryId,
        at: LocalInstant,
        gas: i64,
        note: Option<&str>,
        decision: ReviewDecision,
        now: LocalInstant,
        goal_exists: bool,
    ) -> Valid<Self> {
        if !goal_exists {
            return Err(ValidationError::new(Field::Goal, Problem::NoSuchEntry));
        }
        Ok(Self {
            goal,
            at: not_in_future(Field::At, at, now)?,
            gas: in_range(Field::Gas, gas, -2, 2)? as i8,
            note: optional_text(Field::Note, note, MAX_NOTE_CHARS)?,
            decision,
            next_review: None,
        })
    }
}

/// Longest question, in characters.
pub const MAX_QUESTION_CHARS: usize = 500;

/// Something the patient wants to talk about at the next appointment ("What I want to talk
/// about"), so the summary can open the conversation with the patient's own questions.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// When written.
    #[serde(deserialize_with = "super::time::deserialize_instant")]
    pub asked_at: LocalInstant,
    /// The question, in the patient's words.
    pub text: String,
    /// Set once it was talked about; discussed questions leave the next summary.
    #[serde(default)]
    pub discussed: bool,
}

impl Question {
    /// Validates a question typed in a shell.
    pub fn new(at: LocalInstant, text_: &str, discussed: bool, now: LocalInstant) -> Valid<Self> {
        Ok(Self {
            asked_at: not_in_future(Field::At, at, now)?,
            text: text(Field::Text, text_, MAX_QUESTION_CHARS)?,
            discussed,
        })
    }
}

/// English label of a GAS score.
pub fn gas_label(gas: i8) -> &'static str {
    match gas {
        -2 => "much less than expected",
        -1 => "somewhat less than expected",
        0 => "as expected",
        1 => "somewhat more than expected",
        _ => "much more than expected",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn now() -> LocalInstant {
        DateTime::parse_from_rfc3339("2026-03-02T08:00:00+01:00").unwrap()
    }
    fn draft(kind: &str) -> GoalDraft {
        GoalDraft {
            set_at: None,
            kind: GoalType::parse(kind).unwrap(),
            what_matters: "Drive my grandchildren to school".into(),
            drug: None,
            target_mg: None,
            due: None,
            review_on: NaiveDate::from_ymd_opt(2026, 6, 1),
            proposed_by: Proposer::Patient,
            agreed_with: Some("Dr. Peeters".into()),
        }
    }

    #[test]
    fn every_goal_kind_is_accepted_as_equal() {
        for kind in ["stop", "stable", "keep", "KEEP"] {
            assert_eq!(draft(kind).validate(now()).unwrap().status, GoalStatus::Active);
        }
        let reduce = GoalDraft { drug: Some("Loramet".into()), target_mg: Some(0.5), ..draft("reduce") };
        assert_eq!(
            reduce.validate(now()).unwrap().kind,
            GoalKind::Reduce { molecule: Molecule::Lormetazepam, target_mg: 0.5 }
        );
    }

    #[test]
    fn bad_goals_name_their_field() {
        let field = |d: GoalDraft| d.validate(now()).unwrap_err().field;
        assert_eq!(GoalType::parse("taper-ish").unwrap_err().field, "kind");
        assert_eq!(field(GoalDraft { what_matters: "  ".into(), ..draft("keep") }), "what_matters");
        assert_eq!(field(GoalDraft { what_matters: "x".repeat(501), ..draft("keep") }), "what_matters");
        assert_eq!(field(GoalDraft { drug: Some("diazepam".into()), ..draft("reduce") }), "target_mg");
        assert_eq!(field(GoalDraft { target_mg: Some(1.0), ..draft("reduce") }), "drug");
        assert_eq!(field(GoalDraft { target_mg: Some(1.0), ..draft("keep") }), "target_mg");
        assert_eq!(
            field(GoalDraft { review_on: NaiveDate::from_ymd_opt(2026, 1, 1), ..draft("keep") }),
            "review_on"
        );
    }

    #[test]
    fn review_scores_are_gas_minus_two_to_two_and_need_a_goal() {
        let id = EntryId::new();
        assert!(GoalReview::new(id, now(), -2, None, ReviewDecision::Keep, now(), true).is_ok());
        let e = GoalReview::new(id, now(), 3, None, ReviewDecision::Keep, now(), true).unwrap_err();
        assert_eq!((e.field, e.problem), (Field::Gas, Problem::OutOfRange { min: -2, max: 2 }));
        let e = GoalReview::new(id, now(), 0, None, ReviewDecision::Keep, now(), false).unwrap_err();
        assert_eq!((e.field, e.problem), (Field::Goal, Problem::NoSuchEntry));
        assert_eq!(ReviewDecision::parse("Adjust"), Ok(ReviewDecision::Adjust));
        assert_eq!(ReviewDecision::parse("maybe").unwrap_err().field, "decision");
    }
}

crate::domain::redacted_debug!(Goal, GoalDraft, GoalReview, GoalKind, Question);
