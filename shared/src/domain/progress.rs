//! What can be measured against a goal from the diary over a review period, so a review starts
//! from facts rather than memory. Facts only: no verdict, no nudge.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::catalogue::{EquivalenceTable, MgRange, Molecule};
use super::diary::Diary;
use super::dose::{Substance, Use};
use super::entry::EntryBody;
use super::goal::{Goal, GoalKind};
use super::measure::mean;

/// Measured facts for one goal over `from..=to`.
#[derive(Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GoalProgress {
    /// First day measured (the goal's start or its last review).
    pub from: NaiveDate,
    /// Last day measured.
    pub to: NaiveDate,
    /// Days in the period.
    pub days: u32,
    /// Days with at least one prescribed dose logged (of the goal's molecule, if it names one).
    pub days_with_dose: u32,
    /// Mean daily mg on those days, for goals that name a molecule.
    pub mean_daily_mg: Option<f64>,
    /// Mean daily prescribed diazepam equivalents on days with a dose.
    pub mean_daily_de: Option<MgRange>,
    /// For "reduce to a target": days with a dose logged at or under the target.
    pub days_at_or_under_target: Option<u32>,
    /// Days with any non-prescribed use logged; `None` in a summary where the patient hid
    /// non-prescribed use.
    pub days_with_nonprescribed: Option<u32>,
    /// Mean total sleep, hours (`None` also when the summary hides sleep).
    pub mean_sleep_h: Option<f64>,
    /// Mean anxiety rating 0–10 (`None` also when the summary hides anxiety).
    pub mean_anxiety: Option<f64>,
}

crate::domain::redacted_debug!(GoalProgress);

fn goal_molecule(kind: &GoalKind) -> Option<Molecule> {
    match kind {
        GoalKind::Stop { molecule } | GoalKind::Stable { molecule } => *molecule,
        GoalKind::Reduce { molecule, .. } => Some(*molecule),
        GoalKind::Keep => None,
    }
}

/// Measures `goal` from the diary over `from..=to` (empty when `from > to`).
pub fn measure(
    diary: &Diary,
    goal: &Goal,
    from: NaiveDate,
    to: NaiveDate,
    table: EquivalenceTable,
) -> GoalProgress {
    let molecule = goal_molecule(&goal.kind);
    let mut mg_by_day: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    let mut de_by_day: BTreeMap<NaiveDate, MgRange> = BTreeMap::new();
    let mut nonprescribed_days = std::collections::BTreeSet::new();
    let (mut sleep, mut anxiety) = (vec![], vec![]);
    for (day, e) in diary.days_between(from, to) {
        match &e.body {
            EntryBody::Dose(d) => {
                if d.use_ == Use::NonPrescribed {
                    nonprescribed_days.insert(day);
                    continue;
                }
                let counts = molecule.is_none_or(|m| d.substance == Substance::Known(m));
                if counts {
                    *mg_by_day.entry(day).or_default() += d.amount.mg().unwrap_or(0.0);
                    if let Some(de) = d.diazepam_equivalent(table) {
                        let slot = de_by_day.entry(day).or_insert(MgRange::ZERO);
                        *slot = slot.add(de);
                    }
                }
            }
            EntryBody::Sleep(s) => sleep.extend(s.total_sleep_min().map(|m| m as f64 / 60.0)),
            EntryBody::Anxiety(a) => anxiety.push(f64::from(a.score)),
            _ => {}
        }
    }
    let daily: Vec<f64> = mg_by_day.values().copied().collect();
    let de_low: Vec<f64> = de_by_day.values().map(|r| r.low).collect();
    let de_high: Vec<f64> = de_by_day.values().map(|r| r.high).collect();
    let days = if from <= to { (to - from).num_days() as u32 + 1 } else { 0 };
    GoalProgress {
        from,
        to,
        days,
        days_with_dose: mg_by_day.len() as u32,
        mean_daily_mg: molecule.and_then(|_| mean(&daily)),
        mean_daily_de: mean(&de_low).zip(mean(&de_high)).map(|(l, h)| MgRange::new(l, h)),
        days_at_or_under_target: match goal.kind {
            GoalKind::Reduce { target_mg, .. } => {
                Some(daily.iter().filter(|mg| **mg <= target_mg + 1e-9).count() as u32)
            }
            _ => None,
        },
        days_with_nonprescribed: Some(nonprescribed_days.len() as u32),
        mean_sleep_h: mean(&sleep),
        mean_anxiety: mean(&anxiety),
    }
}
