//! Patient-paced taper plans: the plan a patient agreed (start dose, step rule, tablets they have,
//! an optional floor), the holds and pace changes they made along the way, and the pure engine that
//! turns it into dated steps. Steady records, computes and shows; it never tells anyone to change a
//! dose. A hold is a normal step, never a failure, and a maintenance floor is a valid end point
//! (see shared/domain.md, "Taper pace" and "Principles").
//!
//! This file holds the plan's types and their validation, so every layer can read a plan; the
//! engine that turns a plan into dated steps, checks their pace and compares them with the diary is
//! `crate::plan`. Which doses the tablets allow is [`super::tablets`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalogue::{EquivalenceTable, MgRange, Molecule};
use super::dose::{dose_mg, parse_substance, Substance, MAX_NOTE_CHARS};
use super::error::{in_range, positive, text, Field, Problem, Rule, Valid, ValidationError};
use super::keyed::Keyed;
use super::tablets::{self, Split};
use super::time::{date_not_too_old, LocalInstant};

#[cfg(test)]
pub(crate) mod fixtures;
pub mod tail;

pub use tail::Tail;

/// Default cut per step, in percent of the *current* dose (Ashton: about 10 %; ASAM 2025: 5–10 %).
pub const DEFAULT_PERCENT: f64 = 10.0;
/// Default days between steps (ASAM 2025: every 2–4 weeks; Ashton: every 1–2 weeks).
pub const DEFAULT_INTERVAL_DAYS: u32 = 14;
/// Smallest cut per step, percent: below it a step would take years to change a dose by a
/// milligram (fuzzing found 1e-33 % accepted).
pub const MIN_PERCENT: f64 = 0.1;
/// Largest cut per step a plan accepts; anything above is almost certainly a typo.
pub const MAX_PERCENT: f64 = 50.0;
/// Longest interval between steps a plan accepts (one year).
pub const MAX_INTERVAL_DAYS: u32 = 365;
/// Most tablet strengths one plan can combine (more is a typo, and keeps rounding fast).
pub const MAX_STRENGTHS: usize = 8;
/// Longest name of the clinician a switch was agreed with.
pub const MAX_AGREED_WITH_CHARS: usize = 200;

/// The pace the patient asked for; it only changes which steps are flagged, never the steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Pace {
    /// Flag anything faster than 10 % per 2 weeks.
    Gentle,
    /// Flag anything faster than 25 % per 2 weeks (ASAM 2025's usual upper limit).
    #[default]
    Standard,
}

impl Keyed for Pace {
    const ALL: &'static [Self] = &[Pace::Standard, Pace::Gentle];

    /// Stable key for shells and exports.
    fn key(self) -> &'static str {
        match self {
            Pace::Gentle => "gentle",
            Pace::Standard => "standard",
        }
    }
}

// ASAM 2025 Joint Clinical Practice Guideline on Benzodiazepine Tapering: start with "reductions of
// 5–10 % of the current dose every 2–4 weeks; typically no more than 25 % in 2 weeks". The Ashton
// Manual (Ashton CH, Benzodiazepines: How They Work and How to Withdraw, 2002) suggests about 10 %
// every 1–2 weeks. Steady flags steps faster than 25 % per 14 days (standard) or, when the patient
// asked for a gentle pace, faster than 10 % per 14 days.

/// Window the guideline's limits are expressed in.
pub const PACE_WINDOW_DAYS: f64 = 14.0;
/// ASAM 2025: "typically no more than 25 % in 2 weeks".
pub const STANDARD_LIMIT_PERCENT: f64 = 25.0;
/// Gentle pace: the top of ASAM 2025's 5–10 % starting range, per 2 weeks.
pub const GENTLE_LIMIT_PERCENT: f64 = 10.0;

impl Pace {
    /// The per-14-days limit this pace is checked against.
    pub fn limit_percent(self) -> f64 {
        match self {
            Pace::Gentle => GENTLE_LIMIT_PERCENT,
            Pace::Standard => STANDARD_LIMIT_PERCENT,
        }
    }
}

/// A switch to diazepam before tapering, recorded as agreed with a clinician, so the summary can
/// show the equivalence used and its source (scenario 4).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Switch {
    /// The molecule the patient switched from.
    pub from: Molecule,
    /// Daily dose of that molecule before the switch, in mg.
    pub from_mg: f64,
    /// The equivalence table used.
    pub table: EquivalenceTable,
    /// Diazepam-equivalent range of `from_mg` under `table`; the plan's start dose is the dose the
    /// clinician and patient chose within or near it.
    pub diazepam_mg: MgRange,
    /// Who the switch was agreed with, in the patient's words (e.g. "Dr. Janssens, psychiatrist").
    pub agreed_with: String,
}

impl Switch {
    /// Full citation of the table used, for the summary.
    pub fn source(&self) -> &'static str {
        self.table.source()
    }

    /// One English line for the plan screens: "alprazolam 1.5 mg ≈ 30 mg diazepam (Ashton
    /// Manual), agreed with Dr. Janssens" (a range only when its ends differ). Amounts keep up to
    /// three decimals (0.25 mg stays 0.25).
    pub fn describe(&self) -> String {
        format!(
            "{} {} mg ≈ {} mg diazepam ({}), agreed with {}",
            self.from.name(),
            MgRange::exact(self.from_mg).plain(),
            self.diazepam_mg.plain(),
            self.table.name(),
            self.agreed_with
        )
    }
}

/// How a plan's agreed start dose compares with the dose the switch's table expects (issue 14,
/// item 6). It informs the patient and clinician; it never blocks a plan.
#[derive(Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SwitchCheck {
    /// The start lies within the expected range.
    Within,
    /// The start is above the range: `times` × its upper end.
    Above {
        /// Start dose divided by the range's upper end.
        times: f64,
    },
    /// The start is below the range: `times` × its lower end.
    Below {
        /// Start dose divided by the range's lower end.
        times: f64,
    },
}

impl Switch {
    /// The expected starting dose of diazepam (the table's diazepam-equivalent range of the old
    /// dose), compared with the start the patient and clinician agreed.
    pub fn check(&self, start_mg: f64) -> SwitchCheck {
        let MgRange { low, high } = self.diazepam_mg;
        if high > 0.0 && start_mg > high * (1.0 + 1e-9) {
            SwitchCheck::Above { times: start_mg / high }
        } else if low > 0.0 && start_mg < low * (1.0 - 1e-9) {
            SwitchCheck::Below { times: start_mg / low }
        } else {
            SwitchCheck::Within
        }
    }
}

/// A pause at the current step, with the patient's reason kept verbatim. A hold is a normal part of
/// tapering; nothing in Steady counts it as a failure.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Hold {
    /// First day of the hold.
    pub from: NaiveDate,
    /// First day after the hold; `None` while still holding.
    pub until: Option<NaiveDate>,
    /// The patient's reason, as they wrote it (may be empty).
    pub reason: String,
}

impl Hold {
    /// Last day held, inclusive (the day before `until`, never before `from`); `None` while
    /// holding. What every format prints, so text, PDF and FHIR give the same dates.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.until.and_then(|u| u.pred_opt()).map(|last| last.max(self.from))
    }

    /// Days held, counting an open hold up to and including `today`.
    pub fn days(&self, today: NaiveDate) -> i64 {
        let until = self.until.or_else(|| today.succ_opt()).unwrap_or(today);
        (until - self.from).num_days().max(0)
    }
}

/// A new step rule from a date on (slow down, or speed up again), because the patient sets the pace.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct PaceChange {
    /// Applies to steps whose previous step is on or after this date.
    pub from: NaiveDate,
    /// New cut per step, percent of the current dose.
    pub percent: f64,
    /// New interval between steps, in days.
    pub interval_days: u32,
}

/// The plan was ended (goal reached, changed goal, or any other reason); later steps are cancelled.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Ended {
    /// Last day of the plan.
    pub on: NaiveDate,
    /// The patient's reason, if they gave one.
    pub reason: Option<String>,
}

/// A validated taper plan for one molecule. The steps are not stored: they are computed from this
/// by [`TaperPlan::schedule`], so a hold or a pace change moves every later step consistently.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct TaperPlan {
    /// The molecule being tapered (diazepam after a switch).
    pub molecule: Molecule,
    /// Daily dose at the start, in mg; achievable with `strengths_mg` and `split`.
    pub start_mg: f64,
    /// Date of the first step (the start dose).
    pub start: NaiveDate,
    /// Cut per step, percent of the *current* dose.
    pub percent: f64,
    /// Days between steps.
    pub interval_days: u32,
    /// Tablet strengths the patient has, ascending, in mg.
    pub strengths_mg: Vec<f64>,
    /// Smallest fraction the patient can split a tablet into.
    pub split: Split,
    /// Dose to stop at (0 = stop; a maintenance dose is a valid end point).
    pub floor_mg: f64,
    /// Which pace the steps are checked against.
    pub pace: Pace,
    /// The switch to diazepam this plan follows, if any.
    pub switch: Option<Switch>,
    /// The formulation the plan continues with when the tablets allow no cut of about its
    /// percentage; `None` = tablets only. Absent in plans stored before issue 14, hence the default.
    #[serde(default)]
    pub tail: Option<Tail>,
    /// Holds, in date order; only the last may be open.
    pub holds: Vec<Hold>,
    /// Pace changes, in date order.
    pub changes: Vec<PaceChange>,
    /// Set when the plan was ended.
    pub ended: Option<Ended>,
}

/// A switch to diazepam as a shell sends it.
#[derive(Clone, Default, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SwitchDraft {
    /// Molecule or brand switched from.
    pub from_drug: String,
    /// Daily dose of it, in mg.
    pub from_mg: f64,
    /// Equivalence table; `None` = Ashton.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub table: Option<EquivalenceTable>,
    /// Who the switch was agreed with (required).
    pub agreed_with: String,
}

/// A taper plan as a shell sends it, before validation.
#[derive(Clone, Default, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlanDraft {
    /// Molecule or brand name (diazepam when `switch` is given).
    pub drug: String,
    /// Daily dose at the start, in mg.
    pub start_mg: f64,
    /// First day; `None` = today.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub start: Option<NaiveDate>,
    /// Cut per step in percent; `None` = 10.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub percent: Option<f64>,
    /// Days between steps; `None` = 14.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub interval_days: Option<i64>,
    /// Tablet strengths the patient has, in mg.
    pub strengths_mg: Vec<f64>,
    /// The smallest piece the patient cuts a tablet into.
    pub split: Split,
    /// Dose to stop at; `None` = 0 (stop).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub floor_mg: Option<f64>,
    /// Which pace steps are checked against; `None` = standard.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub pace: Option<Pace>,
    /// A switch to diazepam recorded with this plan.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub switch: Option<SwitchDraft>,
    /// An oral liquid or compounded doses to continue with after the tablets; `None` = tablets only.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub tail: Option<Tail>,
}

impl PlanDraft {
    /// Validates every field, naming the one at fault, against `now` (the device clock).
    pub fn validate(&self, now: LocalInstant) -> Valid<TaperPlan> {
        let molecule = match parse_substance(&self.drug)? {
            Substance::Known(m) => m,
            Substance::Unknown => {
                return Err(ValidationError::new(
                    Field::Drug,
                    Problem::not_allowed(Rule::PlanNeedsAKnownMolecule),
                ))
            }
        };
        let start_mg = dose_mg(Field::StartMg, self.start_mg)?;
        let start = date_not_too_old(Field::Start, self.start.unwrap_or(now.date_naive()))?;
        let percent = valid_percent(self.percent.unwrap_or(DEFAULT_PERCENT))?;
        let interval_days = valid_interval(self.interval_days.unwrap_or(i64::from(DEFAULT_INTERVAL_DAYS)))?;
        let strengths_mg = valid_strengths(&self.strengths_mg)?;
        let split = self.split;
        let floor_mg = valid_floor(self.floor_mg.unwrap_or(0.0), start_mg)?;
        if !tablets::is_achievable(start_mg, &strengths_mg, split) {
            return Err(ValidationError::new(
                Field::StartMg,
                Problem::inconsistent(Rule::NotPossibleWithTheseTablets),
            ));
        }
        let pace = self.pace.unwrap_or_default();
        let switch = self.switch.as_ref().map(|s| s.validate(molecule)).transpose()?;
        let tail = self.tail.map(Tail::validate).transpose()?;
        Ok(TaperPlan {
            molecule,
            start_mg,
            start,
            percent,
            interval_days,
            strengths_mg,
            split,
            floor_mg,
            pace,
            switch,
            tail,
            holds: Vec::new(),
            changes: Vec::new(),
            ended: None,
        })
    }
}

impl SwitchDraft {
    fn validate(&self, to: Molecule) -> Valid<Switch> {
        if to != Molecule::Diazepam {
            return Err(ValidationError::new(Field::Drug, Problem::not_allowed(Rule::SwitchIsToDiazepam)));
        }
        let from = match parse_substance(&self.from_drug).map_err(|e| e.renamed(Field::SwitchFrom))? {
            Substance::Known(m) if m != Molecule::Diazepam => m,
            _ => {
                return Err(ValidationError::new(
                    Field::SwitchFrom,
                    Problem::not_allowed(Rule::SwitchFromAnotherMolecule),
                ))
            }
        };
        let from_mg = dose_mg(Field::SwitchFromMg, self.from_mg)?;
        let table = self.table.unwrap_or_default();
        let diazepam_mg = table
            .diazepam_equivalent(from, from_mg)
            .ok_or(ValidationError::new(Field::SwitchTable, Problem::not_allowed(Rule::TableHasNoValue)))?;
        let agreed_with = text(Field::SwitchAgreedWith, &self.agreed_with, MAX_AGREED_WITH_CHARS)?;
        Ok(Switch { from, from_mg, table, diazepam_mg, agreed_with })
    }
}

fn valid_percent(percent: f64) -> Valid<f64> {
    let percent = positive(Field::Percent, percent, MAX_PERCENT)?;
    if percent < MIN_PERCENT {
        return Err(ValidationError::new(Field::Percent, Problem::TooSmall { min: MIN_PERCENT }));
    }
    Ok(percent)
}

fn valid_interval(days: i64) -> Valid<u32> {
    let days = in_range(Field::IntervalDays, days, 1, i64::from(MAX_INTERVAL_DAYS))?;
    u32::try_from(days).map_err(|_| ValidationError::new(Field::IntervalDays, Problem::NotPositive))
}

/// Strengths: present, each positive, plausible and a whole number of micrograms (so rounding is
/// exact); returned ascending without duplicates.
fn valid_strengths(strengths: &[f64]) -> Valid<Vec<f64>> {
    if strengths.is_empty() {
        return Err(ValidationError::new(Field::Strengths, Problem::Required));
    }
    if strengths.len() > MAX_STRENGTHS {
        return Err(ValidationError::new(
            Field::Strengths,
            Problem::OutOfRange { min: 1, max: MAX_STRENGTHS as i64 },
        ));
    }
    let mut out = Vec::with_capacity(strengths.len());
    for &s in strengths {
        let s = dose_mg(Field::Strengths, s)?;
        let micrograms = s * 1000.0;
        if (micrograms - micrograms.round()).abs() > 1e-6 {
            return Err(ValidationError::new(
                Field::Strengths,
                Problem::inconsistent(Rule::StrengthInWholeMicrograms),
            ));
        }
        out.push(s);
    }
    out.sort_by(f64::total_cmp);
    out.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
    Ok(out)
}

fn valid_floor(floor: f64, start_mg: f64) -> Valid<f64> {
    if !floor.is_finite() {
        return Err(ValidationError::new(Field::FloorMg, Problem::NotANumber));
    }
    if floor < 0.0 {
        return Err(ValidationError::new(Field::FloorMg, Problem::Negative));
    }
    if floor >= start_mg {
        return Err(ValidationError::new(Field::FloorMg, Problem::inconsistent(Rule::BelowTheStartDose)));
    }
    Ok(floor)
}

impl TaperPlan {
    /// True while the last hold is still open (and the plan has not ended).
    pub fn is_holding(&self) -> bool {
        self.ended.is_none() && self.holds.last().is_some_and(|h| h.until.is_none())
    }

    /// The step rule (percent, interval days) for a step whose previous step is on `date`: the
    /// latest pace change on or before it, else the plan's own rule.
    pub fn pace_on(&self, date: NaiveDate) -> (f64, u32) {
        self.changes
            .iter()
            .rev()
            .find(|c| c.from <= date)
            .map_or((self.percent, self.interval_days), |c| (c.percent, c.interval_days))
    }

    /// Holds at the current step from `on`, keeping the patient's reason verbatim. Returns the new
    /// plan; the rest of the schedule moves later for as long as the hold lasts.
    pub fn hold(&self, on: NaiveDate, reason: &str) -> Valid<TaperPlan> {
        self.not_ended(Field::On)?;
        if self.is_holding() {
            return Err(ValidationError::new(Field::On, Problem::not_allowed(Rule::PlanAlreadyOnHold)));
        }
        self.on_or_after_start(on)?;
        if self.holds.last().and_then(|h| h.until).is_some_and(|until| on < until) {
            return Err(ValidationError::new(Field::On, Problem::inconsistent(Rule::OverlapsAnEarlierHold)));
        }
        if reason.trim().chars().count() > MAX_NOTE_CHARS {
            return Err(ValidationError::new(Field::Reason, Problem::TooLong { max: MAX_NOTE_CHARS as u32 }));
        }
        let mut plan = self.clone();
        plan.holds.push(Hold { from: on, until: None, reason: reason.trim().to_owned() });
        Ok(plan)
    }

    /// Ends the open hold: `on` is the first day the schedule runs again.
    pub fn resume(&self, on: NaiveDate) -> Valid<TaperPlan> {
        self.not_ended(Field::On)?;
        let mut plan = self.clone();
        let Some(hold) = plan.holds.last_mut().filter(|h| h.until.is_none()) else {
            return Err(ValidationError::new(Field::On, Problem::not_allowed(Rule::PlanNotOnHold)));
        };
        if on < hold.from {
            return Err(ValidationError::new(Field::On, Problem::inconsistent(Rule::BeforeTheHoldStarted)));
        }
        hold.until = Some(on);
        Ok(plan)
    }

    /// Changes the step rule for steps whose previous step is on or after `on` (slow down with a
    /// smaller percent or a longer interval, or change back).
    pub fn change_pace(&self, on: NaiveDate, percent: f64, interval_days: u32) -> Valid<TaperPlan> {
        self.not_ended(Field::On)?;
        self.on_or_after_start(on)?;
        let percent = valid_percent(percent)?;
        let interval_days = valid_interval(i64::from(interval_days))?;
        let mut plan = self.clone();
        match plan.changes.last() {
            Some(last) if on < last.from => {
                return Err(ValidationError::new(
                    Field::On,
                    Problem::inconsistent(Rule::BeforeTheLastPaceChange),
                ))
            }
            Some(last) if on == last.from => {
                plan.changes.pop();
            }
            _ => {}
        }
        plan.changes.push(PaceChange { from: on, percent, interval_days });
        Ok(plan)
    }

    /// Ends the plan on `on` (the last day); steps after it are cancelled and an open hold closes.
    pub fn end(&self, on: NaiveDate, reason: Option<&str>) -> Valid<TaperPlan> {
        self.not_ended(Field::On)?;
        self.on_or_after_start(on)?;
        let reason = match reason.map(str::trim) {
            Some(r) if !r.is_empty() => Some(text(Field::Reason, r, MAX_NOTE_CHARS)?),
            _ => None,
        };
        let mut plan = self.clone();
        if let Some(hold) = plan.holds.last_mut().filter(|h| h.until.is_none()) {
            if on < hold.from {
                return Err(ValidationError::new(
                    Field::On,
                    Problem::inconsistent(Rule::BeforeTheOpenHoldStarted),
                ));
            }
            hold.until = on.succ_opt().or(Some(on));
        }
        plan.ended = Some(Ended { on, reason });
        Ok(plan)
    }

    fn not_ended(&self, field: Field) -> Valid<()> {
        match self.ended {
            Some(_) => Err(ValidationError::new(field, Problem::not_allowed(Rule::PlanHasEnded))),
            None => Ok(()),
        }
    }

    fn on_or_after_start(&self, on: NaiveDate) -> Valid<()> {
        if on < self.start {
            return Err(ValidationError::new(Field::On, Problem::inconsistent(Rule::BeforeThePlanStarts)));
        }
        Ok(())
    }
}

crate::domain::redacted_debug!(
    TaperPlan,
    PlanDraft,
    SwitchDraft,
    Switch,
    SwitchCheck,
    Hold,
    PaceChange,
    Ended
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::parse::choice;
    use chrono::DateTime;

    fn now() -> LocalInstant {
        DateTime::parse_from_rfc3339("2026-01-05T21:00:00+01:00").unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn draft() -> PlanDraft {
        PlanDraft {
            drug: "Loramet".into(),
            start_mg: 2.0,
            strengths_mg: vec![2.0, 1.0],
            split: Split::Quarter,
            ..PlanDraft::default()
        }
    }

    fn problem(p: PlanDraft) -> (&'static str, Problem) {
        let e = p.validate(now()).unwrap_err();
        (e.field.key(), e.problem)
    }

    #[test]
    fn a_holds_last_day_is_the_day_before_it_ended_never_before_it_began() {
        let hold =
            |until: Option<&str>| Hold { from: d("2026-02-16"), until: until.map(d), reason: String::new() };
        assert_eq!(hold(Some("2026-02-23")).last_day(), Some(d("2026-02-22")));
        assert_eq!(hold(Some("2026-02-16")).last_day(), Some(d("2026-02-16")), "resumed the day it began");
        assert_eq!(hold(None).last_day(), None, "still holding");
    }

    #[test]
    fn a_draft_with_defaults_becomes_a_plan() {
        let plan = draft().validate(now()).unwrap();
        assert_eq!(plan.molecule, Molecule::Lormetazepam);
        assert_eq!(plan.start, d("2026-01-05"));
        assert_eq!((plan.percent, plan.interval_days), (10.0, 14));
        assert_eq!(plan.strengths_mg, vec![1.0, 2.0]);
        assert_eq!((plan.split, plan.floor_mg, plan.pace), (Split::Quarter, 0.0, Pace::Standard));
        assert!(plan.switch.is_none() && plan.holds.is_empty() && plan.ended.is_none());
        assert_eq!(format!("{plan:?}"), "TaperPlan(<redacted>)");
        let json = serde_json::to_string(&plan).unwrap();
        assert_eq!(serde_json::from_str::<TaperPlan>(&json).unwrap(), plan);
    }

    #[test]
    fn each_bad_field_is_named() {
        assert_eq!(problem(PlanDraft { drug: "unknown".into(), ..draft() }).0, "drug");
        assert_eq!(problem(PlanDraft { drug: "aspirin".into(), ..draft() }).0, "drug");
        assert_eq!(problem(PlanDraft { start_mg: 0.0, ..draft() }), ("start_mg", Problem::NotPositive));
        assert_eq!(
            problem(PlanDraft { start_mg: 1001.0, ..draft() }),
            ("start_mg", Problem::TooLarge { max: 1000.0 })
        );
        assert_eq!(problem(PlanDraft { percent: Some(0.0), ..draft() }), ("percent", Problem::NotPositive));
        assert_eq!(
            problem(PlanDraft { percent: Some(1.06e-33), ..draft() }),
            ("percent", Problem::TooSmall { min: 0.1 })
        );
        assert_eq!(
            problem(PlanDraft { percent: Some(60.0), ..draft() }),
            ("percent", Problem::TooLarge { max: 50.0 })
        );
        assert_eq!(
            problem(PlanDraft { interval_days: Some(0), ..draft() }),
            ("interval_days", Problem::OutOfRange { min: 1, max: 365 })
        );
        assert_eq!(problem(PlanDraft { strengths_mg: vec![], ..draft() }), ("strengths", Problem::Required));
        assert_eq!(
            problem(PlanDraft { strengths_mg: vec![1.0, -2.0], ..draft() }),
            ("strengths", Problem::NotPositive)
        );
        assert_eq!(problem(PlanDraft { strengths_mg: vec![0.0001], ..draft() }).0, "strengths");
        assert_eq!(Split::from_parts(3).unwrap_err().field, "split");
        assert_eq!(problem(PlanDraft { floor_mg: Some(-1.0), ..draft() }), ("floor_mg", Problem::Negative));
        assert_eq!(problem(PlanDraft { floor_mg: Some(2.0), ..draft() }).0, "floor_mg");
        assert_eq!(
            problem(PlanDraft { start_mg: 2.1, ..draft() }),
            ("start_mg", Problem::inconsistent(Rule::NotPossibleWithTheseTablets))
        );
        assert_eq!(
            problem(PlanDraft { start_mg: 1.5, split: Split::from_parts(1).unwrap(), ..draft() }),
            ("start_mg", Problem::inconsistent(Rule::NotPossibleWithTheseTablets))
        );
        assert_eq!(choice::<Pace>(Field::Pace, "fast").unwrap_err().field, "pace");
        let gentle =
            PlanDraft { pace: Some(choice(Field::Pace, "Gentle").unwrap()), floor_mg: Some(0.5), ..draft() };
        let plan = gentle.validate(now()).unwrap();
        assert_eq!((plan.pace, plan.floor_mg), (Pace::Gentle, 0.5));
    }

    #[test]
    fn a_switch_needs_diazepam_a_table_value_and_who_agreed() {
        let switch = SwitchDraft {
            from_drug: "Xanax".into(),
            from_mg: 1.5,
            table: None,
            agreed_with: "Dr. Maes".into(),
        };
        let dz = PlanDraft {
            drug: "diazepam".into(),
            start_mg: 30.0,
            strengths_mg: vec![2.0, 5.0, 10.0],
            split: Split::Half,
            switch: Some(switch.clone()),
            ..PlanDraft::default()
        };
        let plan = dz.validate(now()).unwrap();
        let s = plan.switch.as_ref().unwrap();
        assert_eq!(
            (s.from, s.table, s.diazepam_mg),
            (Molecule::Alprazolam, EquivalenceTable::Ashton, MgRange::exact(30.0))
        );
        assert!(s.source().contains("Ashton"));
        let no_agreement = SwitchDraft { agreed_with: " ".into(), ..switch.clone() };
        assert_eq!(
            problem(PlanDraft { switch: Some(no_agreement), ..dz.clone() }),
            ("switch_agreed_with", Problem::Required)
        );
        let to_lormetazepam = PlanDraft { switch: Some(switch.clone()), ..draft() };
        assert_eq!(problem(to_lormetazepam).0, "drug");
        // The Dutch table gives zolpidem no value (it does give alprazolam one since issue 14).
        let table = Some(choice(Field::SwitchTable, "dutch").unwrap());
        let dutch = SwitchDraft { from_drug: "Stilnoct".into(), table, ..switch.clone() };
        assert_eq!(problem(PlanDraft { switch: Some(dutch), ..dz.clone() }).0, "switch_table");
        let from_nothing = SwitchDraft { from_drug: "unknown".into(), ..switch };
        assert_eq!(problem(PlanDraft { switch: Some(from_nothing), ..dz }).0, "switch_from");
    }

    #[test]
    fn hold_resume_change_and_end_keep_the_record() {
        let plan = draft().validate(now()).unwrap();
        let held = plan.hold(d("2026-02-16"), "  sleep got bad ").unwrap();
        assert!(held.is_holding());
        assert_eq!(held.holds[0].reason, "sleep got bad");
        assert_eq!(held.hold(d("2026-02-17"), "again").unwrap_err().field, "on");
        assert_eq!(plan.resume(d("2026-02-17")).unwrap_err().field, "on");
        assert_eq!(held.resume(d("2026-02-15")).unwrap_err().field, "on");
        let resumed = held.resume(d("2026-03-02")).unwrap();
        assert!(!resumed.is_holding());
        assert_eq!(resumed.holds[0].days(d("2030-01-01")), 14);
        assert_eq!(resumed.hold(d("2026-03-01"), "").unwrap_err().field, "on");
        assert_eq!(plan.hold(d("2026-01-04"), "").unwrap_err().field, "on");

        let slower = resumed.change_pace(d("2026-04-01"), 5.0, 28).unwrap();
        assert_eq!(slower.pace_on(d("2026-03-31")), (10.0, 14));
        assert_eq!(slower.pace_on(d("2026-04-01")), (5.0, 28));
        assert_eq!(slower.change_pace(d("2026-03-01"), 5.0, 28).unwrap_err().field, "on");
        assert_eq!(slower.change_pace(d("2026-04-02"), 0.0, 28).unwrap_err().field, "percent");
        assert_eq!(slower.change_pace(d("2026-04-02"), 5.0, 400).unwrap_err().field, "interval_days");
        assert_eq!(slower.change_pace(d("2026-04-01"), 7.5, 21).unwrap().changes.len(), 1);

        let open = slower.hold(d("2026-05-04"), "family stress").unwrap();
        let ended = open.end(d("2026-06-01"), Some("I reached what I wanted")).unwrap();
        assert!(!ended.is_holding());
        assert_eq!(ended.holds[1].until, Some(d("2026-06-02")));
        assert_eq!(ended.holds[1].reason, "family stress");
        assert_eq!(
            ended.end(d("2026-06-02"), None).unwrap_err().problem,
            Problem::not_allowed(Rule::PlanHasEnded)
        );
        assert_eq!(ended.hold(d("2026-06-02"), "").unwrap_err().field, "on");
    }

    #[test]
    fn a_switch_reads_as_one_line_and_keeps_quarter_milligrams() {
        let sw = Switch {
            from: Molecule::Alprazolam,
            from_mg: 0.25,
            table: EquivalenceTable::Ashton,
            diazepam_mg: MgRange::new(5.0, 5.0),
            agreed_with: "Dr. Janssens".into(),
        };
        assert_eq!(
            sw.describe(),
            "alprazolam 0.25 mg ≈ 5 mg diazepam (Ashton Manual), agreed with Dr. Janssens"
        );
        let range =
            Switch { from: Molecule::Lormetazepam, from_mg: 1.0, diazepam_mg: MgRange::new(5.0, 10.0), ..sw };
        assert!(range.describe().contains("lormetazepam 1 mg ≈ 5–10 mg diazepam"), "{}", range.describe());
    }
}
