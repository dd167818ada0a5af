//! The plan screen: every step with its date, dose, tablets, cut and pace flag, the holds with their
//! reasons, and planned versus logged doses — computed from the plan and the diary, never stored.
//! One shape for every shell: the phones render it, the CLI prints it and writes it as JSON.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::{
    tablets_text, Diary, EntryBody, EntryId, EquivalenceTable, Pace, SwitchCheck, Tail, TaperPlan,
};
use crate::i18n::Texts;
use crate::plan::{plan_vs_actual, Schedule, StepAdherence, StepForm, StepStatus};

/// A switch to diazepam the plan follows, with the equivalence used and its source.
#[derive(Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SwitchView {
    /// The molecule switched from.
    pub from: String,
    /// Its daily dose, mg.
    pub from_mg: f64,
    /// Diazepam equivalent of that dose per the table, low end.
    pub diazepam_low_mg: f64,
    /// High end.
    pub diazepam_high_mg: f64,
    /// The table used.
    pub table: EquivalenceTable,
    /// The table's full citation.
    pub source: String,
    /// Who the switch was agreed with.
    pub agreed_with: String,
    /// The switch in one line, e.g. "alprazolam 1.5 mg ≈ 30–30 mg diazepam (Ashton Manual), agreed
    /// with Dr. Claes".
    pub line: String,
    /// The plan's start compared with the diazepam dose the table expects (informs, never blocks).
    pub check: SwitchCheck,
    /// That comparison in the patient's language, with the table's source: "60 mg diazepam is 6×
    /// the expected 5–10 mg from lormetazepam 1 mg under Ashton Manual. Source: …".
    pub check_line: String,
}

/// One step of the plan.
#[derive(Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StepView {
    /// 0 for the start dose.
    pub index: u32,
    /// First day of this dose.
    pub date: NaiveDate,
    /// Daily dose, mg.
    pub dose_mg: f64,
    /// The dose as tablets, e.g. "1¾ × 1 mg"; for a tail step, what it is made of ("1.5 ml of
    /// liquid", "compounded dose") in the patient's language.
    pub tablets: String,
    /// Tablets, or the plan's tail formulation.
    pub form: StepForm,
    /// Volume of the plan's oral liquid, ml (liquid steps only).
    pub liquid_ml: Option<f64>,
    /// mg less than the previous step.
    pub cut_mg: f64,
    /// Cut as percent of the previous step.
    pub cut_percent: f64,
    /// Days since the previous step, not counting held days.
    pub interval_days: u32,
    /// The interval was lengthened because the tablets allow no smaller cut.
    pub extended: bool,
    /// Why the step is faster than the chosen pace, if it is (informative, never a block).
    pub pace_flag: Option<String>,
    /// Done, current, upcoming or cancelled.
    pub status: StepStatus,
}

/// A hold, with the patient's reason.
#[derive(Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HoldView {
    /// First day.
    pub from: NaiveDate,
    /// First day after; `None` while holding.
    pub until: Option<NaiveDate>,
    /// The patient's words (may be empty).
    pub reason: String,
}

/// The latest plan with its computed schedule and adherence up to today.
#[derive(Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlanView {
    /// The plan's entry id.
    pub id: EntryId,
    /// The molecule tapered.
    pub molecule: String,
    /// First day.
    pub start: NaiveDate,
    /// Daily dose at the start, mg.
    pub start_mg: f64,
    /// Cut per step, percent of the current dose.
    pub percent: f64,
    /// Days between steps.
    pub interval_days: u32,
    /// Tablet strengths the patient has, mg.
    pub strengths_mg: Vec<f64>,
    /// Dose to stop at (0 = stop).
    pub floor_mg: f64,
    /// The pace steps are checked against.
    pub pace: Pace,
    /// The switch to diazepam this plan follows.
    pub switch: Option<SwitchView>,
    /// The formulation the plan continues with after the tablets, if any.
    pub tail: Option<Tail>,
    /// That formulation in words, in the patient's language.
    pub tail_line: Option<String>,
    /// The dose the plan stops from, mg (when it ends in a stop to zero).
    pub final_dose_mg: Option<f64>,
    /// That dose as percent of the start dose.
    pub final_percent_of_start: Option<f64>,
    /// "Final dose before stopping: 0.25 mg from 28 Dec 2026, 12.5 % of the start dose".
    pub final_line: Option<String>,
    /// How long the plan runs, in the patient's language ("48 weeks from the start").
    pub length_line: Option<String>,
    /// Every step, in date order.
    pub steps: Vec<StepView>,
    /// Holds, in date order.
    pub holds: Vec<HoldView>,
    /// True while holding at the current step.
    pub holding: bool,
    /// Expected last day of the taper (moves with each hold).
    pub end_date: Option<NaiveDate>,
    /// The day the plan was ended, if it was.
    pub ended_on: Option<NaiveDate>,
    /// Planned versus logged prescribed doses per step, from the start to today.
    pub adherence: Vec<StepAdherence>,
}

crate::domain::redacted_debug!(PlanView, StepView, HoldView, SwitchView);

/// The latest plan and its schedule as of a day: what the screen and the calendar file are built
/// from.
pub(crate) struct LatestPlan {
    pub id: EntryId,
    pub plan: TaperPlan,
    pub schedule: Schedule,
}

/// The latest plan (ended or not), if there is one, with its schedule as of `today`.
pub(crate) fn latest(diary: &Diary, today: NaiveDate) -> Option<LatestPlan> {
    let (id, plan) = diary.latest_plan()?;
    Some(LatestPlan { id, plan: plan.clone(), schedule: plan.schedule(today) })
}

/// Builds the view of the latest plan, if there is one, with its sentences in `t`'s language.
pub fn build(diary: &Diary, today: NaiveDate, t: &Texts) -> Option<PlanView> {
    let LatestPlan { id, plan, schedule } = latest(diary, today)?;
    let to = schedule.ended_on.map_or(today, |end| end.min(today));
    let doses = diary.days_between(plan.start, to).filter_map(|(day, e)| match &e.body {
        EntryBody::Dose(d) => Some((day, d)),
        _ => None,
    });
    let vs_actual =
        plan_vs_actual(&plan, &schedule, doses, (plan.start, to), Some(today), diary.settings().table);
    Some(PlanView {
        id,
        molecule: plan.molecule.name().into(),
        start: plan.start,
        start_mg: plan.start_mg,
        percent: plan.percent,
        interval_days: plan.interval_days,
        strengths_mg: plan.strengths_mg.clone(),
        floor_mg: plan.floor_mg,
        pace: plan.pace,
        switch: plan.switch.as_ref().map(|s| SwitchView {
            from: s.from.name().into(),
            from_mg: s.from_mg,
            diazepam_low_mg: s.diazepam_mg.low,
            diazepam_high_mg: s.diazepam_mg.high,
            table: s.table,
            source: s.source().into(),
            agreed_with: s.agreed_with.clone(),
            line: s.describe(),
            check: s.check(plan.start_mg),
            check_line: format!(
                "{} {}",
                t.plan_switch_check(
                    s.check(plan.start_mg),
                    plan.start_mg,
                    s.from,
                    s.from_mg,
                    s.diazepam_mg,
                    &t.table_name(s.table)
                ),
                t.plan_switch_source(s.source())
            ),
        }),
        tail: plan.tail,
        tail_line: plan.tail.map(|tail| t.plan_tail(tail)),
        final_dose_mg: schedule.final_dose().map(|f| f.dose_mg),
        final_percent_of_start: schedule.final_dose().map(|f| f.percent_of_start),
        final_line: schedule.final_dose().map(|f| t.plan_final_dose(&f)),
        length_line: schedule.end_date.map(|end| t.plan_length(plan.start, end)),
        steps: schedule
            .steps
            .iter()
            .map(|s| StepView {
                index: s.index,
                date: s.date,
                dose_mg: s.dose_mg,
                tablets: t.plan_step_form(s.form, s.liquid_ml).unwrap_or_else(|| tablets_text(&s.tablets)),
                form: s.form,
                liquid_ml: s.liquid_ml,
                cut_mg: s.cut_mg,
                cut_percent: s.cut_percent,
                interval_days: s.interval_days,
                extended: s.extended,
                // In the patient's language, worded as the summaries word it.
                pace_flag: s.pace_flag.as_ref().map(|f| {
                    let to_zero = (s.dose_mg == 0.0).then_some(s.interval_days);
                    t.pace_reason(f.per_14_days_percent, s.cut_percent, f.limit_percent, plan.pace, to_zero)
                }),
                status: s.status,
            })
            .collect(),
        holds: plan
            .holds
            .iter()
            .map(|h| HoldView { from: h.from, until: h.until, reason: h.reason.clone() })
            .collect(),
        holding: schedule.holding,
        end_date: schedule.end_date,
        ended_on: schedule.ended_on,
        adherence: vs_actual.steps,
    })
}
