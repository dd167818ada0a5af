//! Plan versus actual: for every day, the planned dose next to the prescribed dose the patient
//! logged, and per step how many days were logged and at or under the plan. It states facts for the
//! review conversation; it never judges. Non-prescribed use is not part of adherence (it is reported
//! apart, where the patient decides whether it appears). A day with nothing logged is unknown, never
//! counted as zero.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::schedule::{Schedule, StepStatus};
use crate::domain::dose::{Dose, Substance, Use};
use crate::domain::TaperPlan;

/// Tolerance for comparing a logged total with the planned dose, in mg.
const TOLERANCE_MG: f64 = 1e-9;

/// One day: what the plan said and what was logged.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct DayVsPlan {
    /// The patient's local date.
    pub date: NaiveDate,
    /// Planned daily dose; `None` before the start or after the plan ended.
    pub planned_mg: Option<f64>,
    /// Sum of prescribed doses of the plan's molecule with a known mg that day; `None` if none.
    pub actual_mg: Option<f64>,
    /// Whether the logged dose was at or under the plan; `None` when either is unknown.
    pub at_or_under_plan: Option<bool>,
}

/// Per step: days in the period, days logged and days at or under the plan.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StepAdherence {
    /// The step's index in the schedule.
    pub index: u32,
    /// Days of the period on which this step was planned.
    pub days: u32,
    /// Of those, days with a prescribed dose logged.
    pub days_logged: u32,
    /// Of those, days at or under the planned dose.
    pub days_at_or_under: u32,
}

/// Plan versus actual over a period.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanVsActual {
    /// Every day from `from` to `to`, inclusive.
    pub days: Vec<DayVsPlan>,
    /// Every step planned on at least one day of the period, in order.
    pub steps: Vec<StepAdherence>,
}

/// Compares `schedule` (computed from `plan`) with the diary's doses from `from` to `to` inclusive,
/// diary day by diary day (each dose comes with the day it counts for), so a review starts from
/// facts.
pub fn plan_vs_actual<'a>(
    plan: &TaperPlan,
    schedule: &Schedule,
    doses: impl Iterator<Item = (NaiveDate, &'a Dose)>,
    from: NaiveDate,
    to: NaiveDate,
) -> PlanVsActual {
    let mut logged: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    for (date, dose) in doses {
        if dose.use_ != Use::Prescribed || dose.substance != Substance::Known(plan.molecule) {
            continue;
        }
        if let (true, Some(mg)) = (from <= date && date <= to, dose.amount.mg()) {
            *logged.entry(date).or_insert(0.0) += mg;
        }
    }

    let mut days = Vec::new();
    let mut steps: Vec<StepAdherence> = Vec::new();
    let mut day = from;
    while day <= to {
        let step = schedule.step_on(day).filter(|s| s.status != StepStatus::Cancelled);
        let planned_mg = schedule.planned_mg(day);
        let actual_mg = logged.get(&day).copied();
        let at_or_under_plan = planned_mg.zip(actual_mg).map(|(p, a)| a <= p + TOLERANCE_MG);
        if let (Some(step), Some(_)) = (step, planned_mg) {
            if steps.last().is_none_or(|s| s.index != step.index) {
                steps.push(StepAdherence { index: step.index, days: 0, days_logged: 0, days_at_or_under: 0 });
            }
            if let Some(s) = steps.last_mut() {
                s.days += 1;
                s.days_logged += u32::from(actual_mg.is_some());
                s.days_at_or_under += u32::from(at_or_under_plan == Some(true));
            }
        }
        days.push(DayVsPlan { date: day, planned_mg, actual_mg, at_or_under_plan });
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    PlanVsActual { days, steps }
}

crate::domain::redacted_debug!(DayVsPlan, StepAdherence, PlanVsActual);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dose::DoseDraft;
    use crate::domain::taper::fixtures::{date as d, scenario3};
    use chrono::DateTime;

    fn dose(at: &str, drug: &str, mg: f64, non_prescribed: bool) -> Dose {
        let taken_at = DateTime::parse_from_rfc3339(at).unwrap();
        DoseDraft {
            taken_at: Some(taken_at),
            drug: drug.into(),
            mg: Some(mg),
            non_prescribed,
            ..Default::default()
        }
        .validate(taken_at)
        .unwrap()
    }

    #[test]
    fn days_around_the_first_step_by_hand() {
        // Step 0 (2 mg) until 2026-02-01, step 1 (1.75 mg) from 2026-02-02.
        let plan = scenario3();
        let schedule = plan.schedule(d("2026-02-03"));
        let doses = [
            dose("2026-01-31T22:00:00+01:00", "Loramet", 2.0, false), // at plan
            // 2026-02-01: nothing logged
            dose("2026-02-02T22:00:00+01:00", "lormetazepam", 2.0, false), // over 1.75
            dose("2026-02-03T21:00:00+01:00", "lormetazepam", 1.0, false),
            dose("2026-02-03T23:30:00+01:00", "lormetazepam", 0.75, false), // 1.75 in total: at plan
            dose("2026-02-03T23:45:00+01:00", "lormetazepam", 1.0, true),   // non-prescribed: apart
            dose("2026-02-03T23:50:00+01:00", "diazepam", 5.0, false),      // other molecule
            dose("2026-02-04T00:30:00+01:00", "lormetazepam", 0.5, false),  // next local day
            dose("2026-01-29T22:00:00+01:00", "lormetazepam", 3.0, false),  // before the period
        ];
        // Days as calendar dates here (a day starting at midnight); the diary day is the diary's.
        let days = doses.iter().map(|dose| (dose.taken_at.date_naive(), dose));
        let pva = plan_vs_actual(&plan, &schedule, days, d("2026-01-30"), d("2026-02-04"));
        type Row = (NaiveDate, Option<f64>, Option<f64>, Option<bool>);
        let got: Vec<Row> =
            pva.days.iter().map(|x| (x.date, x.planned_mg, x.actual_mg, x.at_or_under_plan)).collect();
        assert_eq!(
            got,
            vec![
                (d("2026-01-30"), Some(2.0), None, None),
                (d("2026-01-31"), Some(2.0), Some(2.0), Some(true)),
                (d("2026-02-01"), Some(2.0), None, None),
                (d("2026-02-02"), Some(1.75), Some(2.0), Some(false)),
                (d("2026-02-03"), Some(1.75), Some(1.75), Some(true)),
                (d("2026-02-04"), Some(1.75), Some(0.5), Some(true)),
            ]
        );
        let steps: Vec<(u32, u32, u32, u32)> =
            pva.steps.iter().map(|s| (s.index, s.days, s.days_logged, s.days_at_or_under)).collect();
        assert_eq!(steps, vec![(0, 3, 1, 1), (1, 3, 3, 2)]);
    }

    #[test]
    fn nothing_is_planned_before_the_start_or_after_an_end() {
        let plan = scenario3().end(d("2026-01-10"), None).unwrap();
        let schedule = plan.schedule(d("2026-01-12"));
        let pva = plan_vs_actual(&plan, &schedule, std::iter::empty(), d("2026-01-04"), d("2026-01-11"));
        let planned: Vec<Option<f64>> = pva.days.iter().map(|x| x.planned_mg).collect();
        assert_eq!(
            planned,
            vec![None, Some(2.0), Some(2.0), Some(2.0), Some(2.0), Some(2.0), Some(2.0), None]
        );
        assert_eq!(pva.steps.len(), 1);
        assert_eq!((pva.steps[0].days, pva.steps[0].days_logged), (6, 0));
        let empty = plan_vs_actual(&plan, &schedule, std::iter::empty(), d("2026-01-11"), d("2026-01-10"));
        assert!(empty.days.is_empty() && empty.steps.is_empty());
    }
}
