//! The "today" screen: what the patient sees on opening the app at night. Pure, built from the
//! diary and the device's date.

use chrono::{Days, NaiveDate, NaiveTime};
use serde::Serialize;

use crate::domain::progress::{measure, GoalProgress};
use crate::domain::{
    mean, tablets_text, Diary, EntryBody, EntryId, EquivalenceTable, Goal, GoalStatus, LongLived, MgRange,
    SplitTotal, TableRef, Use,
};

/// One dose taken today.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DoseLine {
    /// Entry id (for edit / delete).
    pub id: EntryId,
    /// Local clock time.
    pub time: NaiveTime,
    /// Molecule INN or "unknown substance".
    pub substance: String,
    /// Milligrams, when the strength is known.
    pub mg: Option<f64>,
    /// Tablets, when counted in tablets.
    pub tablets: Option<f64>,
    /// Prescribed or not.
    #[serde(rename = "use")]
    pub use_: Use,
    /// Diazepam-equivalent range; `None` = unknown.
    pub de: Option<MgRange>,
}

/// Last night's sleep, as the patient logged it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NightLine {
    /// Evening date of the night.
    pub night: NaiveDate,
    /// Total sleep, hours.
    pub total_sleep_h: Option<f64>,
    /// Efficiency, percent.
    pub efficiency_percent: Option<f64>,
    /// Quality 1–5.
    pub quality: u8,
    /// Quality in words.
    pub quality_label: String,
}

/// Mean anxiety of one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnxietyDay {
    /// Local date.
    pub date: NaiveDate,
    /// Mean of that day's ratings, if any.
    pub mean: Option<f64>,
}

/// Today's step of the taper plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlanToday {
    /// Molecule being tapered.
    pub molecule: String,
    /// Planned daily dose today, mg.
    pub planned_mg: Option<f64>,
    /// The same as tablets, e.g. "1¾ × 1 mg".
    pub planned_tablets: Option<String>,
    /// Date of the next step.
    pub next_step_date: Option<NaiveDate>,
    /// Dose from the next step on, mg.
    pub next_step_mg: Option<f64>,
    /// True while holding at the current step.
    pub holding: bool,
    /// Expected last day of the taper (moves with each hold).
    pub end_date: Option<NaiveDate>,
}

/// An open goal, its next review and what the diary measures against it since the last review.
#[derive(Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GoalLine {
    /// Entry id (for reviews).
    pub id: EntryId,
    /// The patient's words.
    pub what_matters: String,
    /// The treatment goal in words.
    pub description: String,
    /// Next review date.
    pub next_review: Option<NaiveDate>,
    /// True when the review date is today or past.
    pub review_due: bool,
    /// Lifecycle status.
    pub status: GoalStatus,
    /// Measured since the last review (or since the goal was set).
    pub progress: GoalProgress,
}

/// Everything on the today screen.
#[derive(Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TodayView {
    /// The patient's local date.
    pub date: NaiveDate,
    /// Equivalence table used.
    pub table: TableRef,
    /// Today's doses in time order.
    pub doses: Vec<DoseLine>,
    /// Today's DE totals, prescribed and non-prescribed apart.
    pub totals: SplitTotal,
    /// Last night's sleep.
    pub last_night: Option<NightLine>,
    /// Anxiety for the last 7 days, oldest first, ending today.
    pub anxiety_7d: Vec<AnxietyDay>,
    /// Mean of all ratings in those 7 days.
    pub anxiety_7d_mean: Option<f64>,
    /// Open goals (proposed, active, on hold).
    pub goals: Vec<GoalLine>,
    /// Today's plan step, when a plan is active.
    pub plan: Option<PlanToday>,
}

/// Builds the today view for `today`.
pub fn build(diary: &Diary, today: NaiveDate, table: EquivalenceTable) -> TodayView {
    let mut totals = SplitTotal::default();
    let mut doses = vec![];
    for e in diary.between(today, today) {
        if let EntryBody::Dose(d) = &e.body {
            totals.add(d, table);
            doses.push(DoseLine {
                id: e.id,
                time: d.taken_at.time(),
                substance: d.substance.name().to_owned(),
                mg: d.amount.mg(),
                tablets: d.amount.tablets(),
                use_: d.use_,
                de: d.diazepam_equivalent(table),
            });
        }
    }

    let yesterday = today.checked_sub_days(Days::new(1)).unwrap_or(today);
    let last_night = diary.between(yesterday, yesterday).find_map(|e| match &e.body {
        EntryBody::Sleep(s) => Some(NightLine {
            night: s.night,
            total_sleep_h: s.total_sleep_min().map(|m| m as f64 / 60.0),
            efficiency_percent: s.efficiency_percent(),
            quality: s.quality.score(),
            quality_label: s.quality.label().to_owned(),
        }),
        _ => None,
    });

    let week_start = today.checked_sub_days(Days::new(6)).unwrap_or(today);
    let mut all = vec![];
    let anxiety_7d = week_start
        .iter_days()
        .take(7)
        .map(|date| {
            let scores: Vec<f64> = diary
                .between(date, date)
                .filter_map(|e| match &e.body {
                    EntryBody::Anxiety(a) => Some(f64::from(a.score)),
                    _ => None,
                })
                .collect();
            all.extend_from_slice(&scores);
            AnxietyDay { date, mean: mean(&scores) }
        })
        .collect();

    // Goals, their reviews and plans can lie anywhere in ten years of entries: one walk over the
    // diary gathers them all (`Diary::goals`, `review_period_start` per goal and `active_plan`
    // each walked every entry — about a fifth of a cold open of a 10-year diary; steady-bench).
    let long_lived = LongLived::gather(diary);
    let goals = long_lived
        .goals
        .iter()
        .filter(|(_, g)| g.status.is_open())
        .map(|&(id, g)| GoalLine {
            id,
            what_matters: g.what_matters.clone(),
            description: g.kind.describe(),
            next_review: g.review_on,
            review_due: g.review_on.is_some_and(|d| d <= today),
            status: g.status,
            progress: measure(diary, g, review_period_start(&long_lived, id, g), today, table),
        })
        .collect();

    let active_plan = long_lived.plans.iter().rfind(|(_, p)| p.ended.is_none());
    let plan = active_plan.map(|(_, p)| {
        let schedule = p.schedule(today);
        let current = schedule.step_on(today);
        let next = schedule.next_step();
        PlanToday {
            molecule: p.molecule.name().to_owned(),
            planned_mg: current.map(|s| s.dose_mg),
            planned_tablets: current.filter(|s| !s.tablets.is_empty()).map(|s| tablets_text(&s.tablets)),
            next_step_date: next.map(|s| s.date),
            next_step_mg: next.map(|s| s.dose_mg),
            holding: schedule.holding,
            end_date: schedule.end_date,
        }
    });

    TodayView {
        date: today,
        table: table.into(),
        doses,
        totals,
        last_night,
        anxiety_7d,
        anxiety_7d_mean: mean(&all),
        goals,
        plan,
    }
}

/// Start of a goal's current review period: the day after its last review, or the day it was set
/// (as `Diary::review_period_start`, from the reviews already gathered).
fn review_period_start(long_lived: &LongLived<'_>, goal_id: EntryId, goal: &Goal) -> NaiveDate {
    long_lived
        .reviews_of(goal_id)
        .last()
        .and_then(|(_, r)| r.at.date_naive().succ_opt())
        .unwrap_or(goal.set_at.date_naive())
}

crate::domain::redacted_debug!(TodayView, GoalLine);
