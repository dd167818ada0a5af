//! What phones send: typed records mirroring the shell's forms, converted to the core's drafts with
//! every string parsed and every failure naming its field.

use crate::app::{Event, Page, PlanAction};
use crate::domain::{
    parse, DoseDraft, EntryDraft, EntryId, EquivalenceTable, GoalDraft, GoalStatus, Proposer, ReviewDecision,
    SleepDraft, Valid,
};
use crate::plan::{PlanDraft, SwitchDraft};

/// A dose form. Times are RFC 3339 with the device's offset; `None` means now.
#[derive(Clone, uniffi::Record)]
pub struct DoseInput {
    pub taken_at: Option<String>,
    pub drug: String,
    pub mg: Option<f64>,
    pub tablets: Option<f64>,
    pub strength_mg: Option<f64>,
    pub non_prescribed: bool,
    pub note: Option<String>,
}

/// A sleep-diary form for one night (`night` = evening date, `YYYY-MM-DD`; times `HH:MM`).
#[derive(Clone, uniffi::Record)]
pub struct SleepInput {
    pub night: String,
    pub hours: Option<f64>,
    pub quality: i64,
    pub latency_min: Option<i64>,
    pub awakenings: Option<i64>,
    pub waso_min: Option<i64>,
    pub in_bed: Option<String>,
    pub tried_to_sleep: Option<String>,
    pub final_awakening: Option<String>,
    pub out_of_bed: Option<String>,
    pub note: Option<String>,
}

/// The four treatment goals, all equally valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum GoalKindInput {
    Stop,
    Reduce,
    Stable,
    Keep,
}

/// Who proposed a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ProposedBy {
    Patient,
    Clinician,
    Together,
}

/// A goal form.
#[derive(Clone, uniffi::Record)]
pub struct GoalInput {
    pub kind: GoalKindInput,
    pub what_matters: String,
    pub drug: Option<String>,
    pub target_mg: Option<f64>,
    pub due: Option<String>,
    pub review_on: Option<String>,
    pub proposed_by: ProposedBy,
    pub agreed_with: Option<String>,
}

/// Decision at a goal review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Decision {
    Keep,
    Adjust,
    Change,
}

/// How fast a taper may go before steps are flagged (ASAM 2025: 25 % per 2 weeks; gentle: 10 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PacePreference {
    Standard,
    Gentle,
}

/// A switch to diazepam agreed with a clinician before tapering.
#[derive(Clone, uniffi::Record)]
pub struct SwitchInput {
    pub from_drug: String,
    pub from_mg: f64,
    pub table: Option<DeTable>,
    pub agreed_with: String,
}

/// A taper-plan form. `split` is 1 (whole), 2 (halves) or 4 (quarters).
#[derive(Clone, uniffi::Record)]
pub struct PlanInput {
    pub drug: String,
    pub start_mg: f64,
    pub start: Option<String>,
    pub percent: Option<f64>,
    pub interval_days: Option<i64>,
    pub strengths_mg: Vec<f64>,
    pub split: i64,
    pub floor_mg: Option<f64>,
    pub pace: Option<PacePreference>,
    pub switch: Option<SwitchInput>,
}

/// Something the patient does to the active plan.
#[derive(Clone, uniffi::Enum)]
pub enum PlanActionInput {
    Hold { reason: String },
    Resume,
    ChangePace { percent: f64, interval_days: u32 },
    End { reason: Option<String> },
}

/// Lifecycle of a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum GoalStatusInput {
    Proposed,
    Active,
    OnHold,
    Achieved,
    Changed,
    Abandoned,
}

/// One entry of any kind, as a shell's form sends it.
#[derive(Clone, uniffi::Enum)]
pub enum EntryInput {
    Dose {
        dose: DoseInput,
    },
    Sleep {
        sleep: SleepInput,
    },
    Anxiety {
        at: Option<String>,
        score: i64,
        note: Option<String>,
    },
    Gad7 {
        at: Option<String>,
        items: Vec<i64>,
    },
    Goal {
        goal: GoalInput,
    },
    Review {
        goal_id: String,
        at: Option<String>,
        gas: i64,
        note: Option<String>,
        decision: Decision,
        next_review: Option<String>,
    },
    Plan {
        plan: PlanInput,
    },
    /// Something to talk about at the next appointment.
    Question {
        at: Option<String>,
        text: String,
        discussed: bool,
    },
}

/// Diazepam-equivalence tables a patient or clinician can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum DeTable {
    Ashton,
    VaDod,
    Dutch,
    Norwegian,
}

impl From<DeTable> for EquivalenceTable {
    fn from(t: DeTable) -> Self {
        match t {
            DeTable::Ashton => EquivalenceTable::Ashton,
            DeTable::VaDod => EquivalenceTable::VaDod,
            DeTable::Dutch => EquivalenceTable::Dutch,
            DeTable::Norwegian => EquivalenceTable::Norwegian,
        }
    }
}

impl From<EquivalenceTable> for DeTable {
    fn from(t: EquivalenceTable) -> Self {
        match t {
            EquivalenceTable::Ashton => DeTable::Ashton,
            EquivalenceTable::VaDod => DeTable::VaDod,
            EquivalenceTable::Dutch => DeTable::Dutch,
            EquivalenceTable::Norwegian => DeTable::Norwegian,
        }
    }
}

/// Screens a shell can show.
#[derive(Clone, uniffi::Enum)]
pub enum PageRequest {
    Today,
    History { from: Option<String>, to: Option<String> },
    Summary { from: String, to: String },
    Plan,
}

/// Everything a shell can ask the core to do.
#[derive(Clone, uniffi::Enum)]
pub enum UserEvent {
    /// Re-read the clock (app back in the foreground, midnight passed).
    Refresh,
    /// Save a new entry.
    Log { entry: EntryInput },
    /// Replace an entry's content, keeping its id and kind.
    Edit { id: String, entry: EntryInput },
    /// Delete an entry (a goal takes its reviews).
    Delete { id: String },
    /// Navigate.
    Show { page: PageRequest },
    /// Choose the equivalence table.
    UseTable { table: DeTable },
    /// Move a goal through its lifecycle.
    SetGoalStatus { id: String, status: GoalStatusInput },
    /// Hold, resume, re-pace or end the active taper plan.
    Plan { action: PlanActionInput },
}

fn opt<T>(
    field: &'static str,
    s: &Option<String>,
    f: fn(&'static str, &str) -> Valid<T>,
) -> Valid<Option<T>> {
    s.as_deref().map(|s| f(field, s)).transpose()
}

impl EntryInput {
    /// Parses every string field into the core's draft.
    pub fn into_draft(self) -> Valid<EntryDraft> {
        Ok(match self {
            EntryInput::Dose { dose: d } => EntryDraft::Dose(DoseDraft {
                taken_at: opt("taken_at", &d.taken_at, parse::instant)?,
                drug: d.drug,
                mg: d.mg,
                tablets: d.tablets,
                strength_mg: d.strength_mg,
                non_prescribed: d.non_prescribed,
                note: d.note,
            }),
            EntryInput::Sleep { sleep: s } => EntryDraft::Sleep(SleepDraft {
                night: Some(parse::date("night", &s.night)?),
                hours: s.hours,
                quality: Some(s.quality),
                latency_min: s.latency_min,
                awakenings: s.awakenings,
                waso_min: s.waso_min,
                in_bed: opt("in_bed", &s.in_bed, parse::clock_time)?,
                tried_to_sleep: opt("tried_to_sleep", &s.tried_to_sleep, parse::clock_time)?,
                final_awakening: opt("final_awakening", &s.final_awakening, parse::clock_time)?,
                out_of_bed: opt("out_of_bed", &s.out_of_bed, parse::clock_time)?,
                note: s.note,
            }),
            EntryInput::Anxiety { at, score, note } => {
                EntryDraft::Anxiety { at: opt("at", &at, parse::instant)?, score, note }
            }
            EntryInput::Gad7 { at, items } => EntryDraft::Gad7 { at: opt("at", &at, parse::instant)?, items },
            EntryInput::Goal { goal: g } => EntryDraft::Goal(GoalDraft {
                set_at: None,
                kind: match g.kind {
                    GoalKindInput::Stop => "stop",
                    GoalKindInput::Reduce => "reduce",
                    GoalKindInput::Stable => "stable",
                    GoalKindInput::Keep => "keep",
                }
                .into(),
                what_matters: g.what_matters,
                drug: g.drug,
                target_mg: g.target_mg,
                due: opt("due", &g.due, parse::date)?,
                review_on: opt("review_on", &g.review_on, parse::date)?,
                proposed_by: match g.proposed_by {
                    ProposedBy::Patient => Proposer::Patient,
                    ProposedBy::Clinician => Proposer::Clinician,
                    ProposedBy::Together => Proposer::Together,
                },
                agreed_with: g.agreed_with,
            }),
            EntryInput::Plan { plan: p } => EntryDraft::Plan(PlanDraft {
                drug: p.drug,
                start_mg: p.start_mg,
                start: opt("start", &p.start, parse::date)?,
                percent: p.percent,
                interval_days: p.interval_days,
                strengths_mg: p.strengths_mg,
                split: p.split,
                floor_mg: p.floor_mg,
                pace: p.pace.map(|pace| {
                    match pace {
                        PacePreference::Standard => "standard",
                        PacePreference::Gentle => "gentle",
                    }
                    .to_owned()
                }),
                switch: p.switch.map(|s| SwitchDraft {
                    from_drug: s.from_drug,
                    from_mg: s.from_mg,
                    table: s.table.map(|t| EquivalenceTable::from(t).key().to_owned()),
                    agreed_with: s.agreed_with,
                }),
            }),
            EntryInput::Question { at, text, discussed } => {
                EntryDraft::Question { at: opt("at", &at, parse::instant)?, text, discussed }
            }
            EntryInput::Review { goal_id, at, gas, note, decision, next_review } => EntryDraft::Review {
                goal: goal_id.parse::<EntryId>().map_err(|mut e| {
                    e.field = "goal_id";
                    e
                })?,
                at: opt("at", &at, parse::instant)?,
                gas,
                note,
                decision: match decision {
                    Decision::Keep => ReviewDecision::Keep,
                    Decision::Adjust => ReviewDecision::Adjust,
                    Decision::Change => ReviewDecision::Change,
                },
                next_review: opt("next_review", &next_review, parse::date)?,
            },
        })
    }
}

impl UserEvent {
    /// Converts to the app's event, parsing ids and dates.
    pub fn into_event(self) -> Valid<Event> {
        Ok(match self {
            UserEvent::Refresh => Event::Refresh,
            UserEvent::Log { entry } => Event::Log(entry.into_draft()?),
            UserEvent::Edit { id, entry } => Event::Edit(id.parse()?, entry.into_draft()?),
            UserEvent::Delete { id } => Event::Delete(id.parse()?),
            UserEvent::UseTable { table } => Event::UseTable(table.into()),
            UserEvent::SetGoalStatus { id, status } => Event::SetGoalStatus(
                id.parse()?,
                match status {
                    GoalStatusInput::Proposed => GoalStatus::Proposed,
                    GoalStatusInput::Active => GoalStatus::Active,
                    GoalStatusInput::OnHold => GoalStatus::OnHold,
                    GoalStatusInput::Achieved => GoalStatus::Achieved,
                    GoalStatusInput::Changed => GoalStatus::Changed,
                    GoalStatusInput::Abandoned => GoalStatus::Abandoned,
                },
            ),
            UserEvent::Plan { action } => Event::Plan(match action {
                PlanActionInput::Hold { reason } => PlanAction::Hold { reason },
                PlanActionInput::Resume => PlanAction::Resume,
                PlanActionInput::ChangePace { percent, interval_days } => {
                    PlanAction::ChangePace { percent, interval_days }
                }
                PlanActionInput::End { reason } => PlanAction::End { reason },
            }),
            UserEvent::Show { page } => Event::Show(match page {
                PageRequest::Today => Page::Today,
                PageRequest::History { from, to } => {
                    Page::History { from: opt("from", &from, parse::date)?, to: opt("to", &to, parse::date)? }
                }
                PageRequest::Summary { from, to } => {
                    Page::Summary { from: parse::date("from", &from)?, to: parse::date("to", &to)? }
                }
                PageRequest::Plan => Page::Plan,
            }),
        })
    }
}

crate::redacted_debug!(
    DoseInput,
    SleepInput,
    GoalInput,
    EntryInput,
    PageRequest,
    UserEvent,
    SwitchInput,
    PlanInput,
    PlanActionInput
);
