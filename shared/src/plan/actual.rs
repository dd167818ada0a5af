//! Plan versus actual: for every day, the planned dose next to the prescribed dose the patient
//! logged, and per step how many days were logged and at or under the plan. It states facts for the
//! review conversation; it never judges. A day with nothing of the plan's molecule logged is unknown,
//! never counted as zero.
//!
//! "At or under the plan" compares the whole day, not one molecule: the diazepam equivalents of
//! every dose passed in (the plan's molecule and any other, prescribed or not — the caller leaves
//! out what the patient hid) against the planned dose's, both ends of the range. A day at plan
//! with an extra alprazolam is over; a dose whose equivalent is unknown (unknown strength, or no
//! value in the table) leaves the day undecided, never "at or under". The denominator is the days
//! logged, in every format.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::schedule::{Schedule, StepStatus};
use crate::domain::dose::{Dose, Substance, Use};
use crate::domain::{EquivalenceTable, MgRange, TaperPlan};

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
    /// Whether the day's diazepam equivalents (all molecules) were at or under the planned dose's;
    /// `None` when either is unknown.
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
    /// Of the days logged, days at or under the planned dose (all molecules, in DE).
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
/// facts. `unfinished` is the diary day not over yet (today): it counts in a step's days only once
/// a dose is logged for it, so tonight's dose not yet taken is never a day without the plan's dose.
pub fn plan_vs_actual<'a>(
    plan: &TaperPlan,
    schedule: &Schedule,
    doses: impl Iterator<Item = (NaiveDate, &'a Dose)>,
    (from, to): (NaiveDate, NaiveDate),
    unfinished: Option<NaiveDate>,
    table: EquivalenceTable,
) -> PlanVsActual {
    let mut logged: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    // Per day: the DE of every dose, `None` once a dose has no known equivalent.
    let mut day_de: BTreeMap<NaiveDate, Option<MgRange>> = BTreeMap::new();
    // Days with a dose that is not a prescribed dose of known strength of the plan's molecule.
    let mut others: BTreeSet<NaiveDate> = BTreeSet::new();
    for (date, dose) in doses {
        if !(from <= date && date <= to) {
            continue;
        }
        let de = day_de.entry(date).or_insert(Some(MgRange::ZERO));
        *de = de.zip(dose.diazepam_equivalent(table)).map(|(a, b)| a.add(b));
        let of_plan = dose.use_ == Use::Prescribed && dose.substance == Substance::Known(plan.molecule);
        match (of_plan, dose.amount.mg()) {
            (true, Some(mg)) => *logged.entry(date).or_insert(0.0) += mg,
            _ => {
                others.insert(date);
            }
        }
    }

    let mut days = Vec::new();
    let mut steps: Vec<StepAdherence> = Vec::new();
    let mut day = from;
    while day <= to {
        let step = schedule.step_on(day).filter(|s| s.status != StepStatus::Cancelled);
        let planned_mg = schedule.planned_mg(day);
        let actual_mg = logged.get(&day).copied();
        let at_or_under_plan = planned_mg.zip(actual_mg).map(|(p, a)| {
            let planned_de =
                if p == 0.0 { Some(MgRange::ZERO) } else { table.diazepam_equivalent(plan.molecule, p) };
            match (planned_de, day_de.get(&day).copied().flatten()) {
                (Some(pl), Some(de)) => de.low <= pl.low + TOLERANCE_MG && de.high <= pl.high + TOLERANCE_MG,
                // No value for the plan's molecule in the table: its mg, and nothing else that day.
                (None, _) => a <= p + TOLERANCE_MG && !others.contains(&day),
                // A dose whose equivalent is unknown: not shown to be at or under.
                (Some(_), None) => false,
            }
        });
        let counted = actual_mg.is_some() || unfinished != Some(day);
        if let (Some(step), Some(_), true) = (step, planned_mg, counted) {
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
            dose("2026-02-03T23:45:00+01:00", "lormetazepam", 1.0, true),   // non-prescribed: counts in DE
            dose("2026-02-03T23:50:00+01:00", "diazepam", 5.0, false),      // other molecule: counts in DE
            dose("2026-02-04T00:30:00+01:00", "lormetazepam", 0.5, false),  // next local day
            dose("2026-01-29T22:00:00+01:00", "lormetazepam", 3.0, false),  // before the period
        ];
        // Days as calendar dates here (a day starting at midnight); the diary day is the diary's.
        let days = doses.iter().map(|dose| (dose.taken_at.date_naive(), dose));
        let pva = plan_vs_actual(
            &plan,
            &schedule,
            days,
            (d("2026-01-30"), d("2026-02-04")),
            None,
            EquivalenceTable::Ashton,
        );
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
                // The plan's molecule at plan, but 1 mg more lormetazepam and 5 mg diazepam: over.
                (d("2026-02-03"), Some(1.75), Some(1.75), Some(false)),
                (d("2026-02-04"), Some(1.75), Some(0.5), Some(true)),
            ]
        );
        let steps: Vec<(u32, u32, u32, u32)> =
            pva.steps.iter().map(|s| (s.index, s.days, s.days_logged, s.days_at_or_under)).collect();
        assert_eq!(steps, vec![(0, 3, 1, 1), (1, 3, 3, 1)]);
    }

    #[test]
    fn other_molecules_count_in_diazepam_equivalents() {
        // Step 0: 2 mg lormetazepam ≈ 10–20 mg diazepam (Ashton: 1–2 mg ≈ 10 mg).
        let plan = scenario3();
        let schedule = plan.schedule(d("2026-01-20"));
        let doses = [
            // 12 Jan: at plan, and an extra alprazolam 0.5 mg (≈ 10 mg): over.
            dose("2026-01-12T22:00:00+01:00", "lormetazepam", 2.0, false),
            dose("2026-01-12T23:00:00+01:00", "alprazolam", 0.5, false),
            // 13 Jan: 1 mg lormetazepam (5–10 mg) and 2 mg diazepam: 7–12 mg ≤ 10–20 mg: under.
            dose("2026-01-13T22:00:00+01:00", "lormetazepam", 1.0, false),
            dose("2026-01-13T23:00:00+01:00", "diazepam", 2.0, false),
            // 14 Jan: at plan and a pill of unknown strength: not shown to be at or under.
            dose("2026-01-14T22:00:00+01:00", "lormetazepam", 2.0, false),
            // 15 Jan: at plan, nothing else.
            dose("2026-01-15T22:00:00+01:00", "lormetazepam", 2.0, false),
        ];
        let mut unknown = dose("2026-01-14T23:00:00+01:00", "alprazolam", 0.5, true);
        unknown.substance = Substance::Unknown;
        let all: Vec<&Dose> = doses.iter().chain(std::iter::once(&unknown)).collect();
        let days = all.into_iter().map(|dose| (dose.taken_at.date_naive(), dose));
        let pva = plan_vs_actual(
            &plan,
            &schedule,
            days,
            (d("2026-01-12"), d("2026-01-15")),
            None,
            EquivalenceTable::Ashton,
        );
        let got: Vec<Option<bool>> = pva.days.iter().map(|x| x.at_or_under_plan).collect();
        assert_eq!(got, vec![Some(false), Some(true), Some(false), Some(true)]);
        let s = &pva.steps[0];
        assert_eq!((s.days, s.days_logged, s.days_at_or_under), (4, 4, 2));
    }

    #[test]
    fn an_unfinished_today_counts_only_once_its_dose_is_logged() {
        let plan = scenario3();
        let schedule = plan.schedule(d("2026-01-08"));
        let doses: Vec<Dose> = ["2026-01-05", "2026-01-06", "2026-01-07"]
            .iter()
            .map(|day| dose(&format!("{day}T22:00:00+01:00"), "lormetazepam", 2.0, false))
            .collect();
        let days = |n: usize| doses[..n].iter().map(|dose| (dose.taken_at.date_naive(), dose));
        let counts = |pva: &PlanVsActual| {
            let s = &pva.steps[0];
            (s.days, s.days_logged, s.days_at_or_under)
        };
        let span = (d("2026-01-05"), d("2026-01-07"));
        // The morning of the 7th, before the evening dose: two days, both logged.
        let morning =
            plan_vs_actual(&plan, &schedule, days(2), span, Some(d("2026-01-07")), EquivalenceTable::Ashton);
        assert_eq!(counts(&morning), (2, 2, 2));
        assert_eq!(morning.days.len(), 3, "today is still listed, with nothing logged yet");
        // Once the dose is logged, today counts.
        let evening =
            plan_vs_actual(&plan, &schedule, days(3), span, Some(d("2026-01-07")), EquivalenceTable::Ashton);
        assert_eq!(counts(&evening), (3, 3, 3));
        // A past day without a dose is a day not logged.
        let next_day =
            plan_vs_actual(&plan, &schedule, days(2), span, Some(d("2026-01-08")), EquivalenceTable::Ashton);
        assert_eq!(counts(&next_day), (3, 2, 2));
    }

    #[test]
    fn nothing_is_planned_before_the_start_or_after_an_end() {
        let plan = scenario3().end(d("2026-01-10"), None).unwrap();
        let schedule = plan.schedule(d("2026-01-12"));
        let pva = plan_vs_actual(
            &plan,
            &schedule,
            std::iter::empty(),
            (d("2026-01-04"), d("2026-01-11")),
            None,
            EquivalenceTable::Ashton,
        );
        let planned: Vec<Option<f64>> = pva.days.iter().map(|x| x.planned_mg).collect();
        assert_eq!(
            planned,
            vec![None, Some(2.0), Some(2.0), Some(2.0), Some(2.0), Some(2.0), Some(2.0), None]
        );
        assert_eq!(pva.steps.len(), 1);
        assert_eq!((pva.steps[0].days, pva.steps[0].days_logged), (6, 0));
        let empty = plan_vs_actual(
            &plan,
            &schedule,
            std::iter::empty(),
            (d("2026-01-11"), d("2026-01-10")),
            None,
            EquivalenceTable::Ashton,
        );
        assert!(empty.days.is_empty() && empty.steps.is_empty());
    }
}
