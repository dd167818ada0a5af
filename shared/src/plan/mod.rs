//! The taper engine: turns a [`TaperPlan`](crate::domain::TaperPlan) into dated steps rounded to the
//! patient's tablets ([`schedule`]), compares each step's pace with the ASAM 2025 guideline
//! ([`pace`]), compares the plan with the diary ([`actual`]) and exports a neutral calendar
//! ([`ics`]). Pure: the same plan and day give the same steps. Steady records, computes and shows;
//! it never tells anyone to change a dose.

pub mod actual;
#[cfg(test)]
mod cliffs;
pub mod ics;
pub mod pace;
pub mod schedule;

pub use actual::{plan_vs_actual, DayVsPlan, PlanVsActual, StepAdherence};
pub use ics::{plan_ics_at, revision, IcsOptions};
pub use pace::{cut_percent, pace_flag, per_14_days_percent, PaceFlag};
pub use schedule::{FinalDose, Schedule, Step, StepForm, StepStatus, MAX_STEPS};
