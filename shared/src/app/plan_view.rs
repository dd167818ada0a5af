//! The plan screen: every step with its date, dose, cut and pace flag, the holds with their
//! reasons, and planned versus logged doses — computed from the plan and the diary, never stored.

use chrono::NaiveDate;

use super::diary::Diary;
use crate::domain::{EntryBody, EntryId};
use crate::plan::{plan_vs_actual, PlanVsActual, Schedule, TaperPlan};

/// A plan with its computed schedule and adherence up to today.
#[derive(Clone, PartialEq)]
pub struct PlanView {
    /// The plan's entry id.
    pub id: EntryId,
    /// The plan as recorded (holds, pace changes, switch).
    pub plan: TaperPlan,
    /// Steps computed for today.
    pub schedule: Schedule,
    /// Planned versus logged prescribed doses from the start to today.
    pub vs_actual: PlanVsActual,
}

crate::redacted_debug!(PlanView);

/// Builds the view of the latest plan, if there is one.
pub fn build(diary: &Diary, today: NaiveDate) -> Option<PlanView> {
    let (id, plan) = diary.latest_plan()?;
    let schedule = plan.schedule(today);
    let to = schedule.ended_on.map_or(today, |end| end.min(today));
    let doses = diary.between(plan.start, to).filter_map(|e| match &e.body {
        EntryBody::Dose(d) => Some(d),
        _ => None,
    });
    let vs_actual = plan_vs_actual(plan, &schedule, doses, plan.start, to);
    Some(PlanView { id, plan: plan.clone(), schedule, vs_actual })
}
