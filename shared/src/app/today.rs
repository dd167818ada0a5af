//! The "today" screen: what the patient sees on opening the app at night — their medicines with
//! one-step "taken", today's doses and totals, last night, the week's anxiety, open goals and the
//! plan's step. Pure, built from the diary and the diary day; every word comes ready in the
//! patient's language.

use chrono::{Days, NaiveDate, NaiveTime};
use serde::Serialize;

use super::medicines::{cards, MedicineCard};
use super::words::Words;
use crate::domain::progress::{measure, GoalProgress};
use crate::domain::{
    mean, tablets_text, Diary, EntryBody, EntryId, EquivalenceTable, Goal, GoalStatus, LocalInstant,
    LongLived, MgRange, SplitTotal, Substance, TableRef, Use,
};
use crate::i18n::{Arg, Texts};

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
    /// The dose in words, e.g. "lormetazepam ¾ × 2 mg (1.5 mg), prescribed, DE 7.5–15 mg".
    pub text: String,
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
    /// Diary day.
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
    /// The step in one line, in the patient's language.
    pub text: String,
}

/// An open goal, its next review and what the diary measures against it since the last review.
#[derive(Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GoalLine {
    /// Entry id (for reviews).
    pub id: EntryId,
    /// The patient's words.
    pub what_matters: String,
    /// The treatment goal as a stable English description (for exports and scripts).
    pub description: String,
    /// The treatment goal in the patient's language.
    pub goal: String,
    /// Next review date.
    pub next_review: Option<NaiveDate>,
    /// True when the review date is today or past.
    pub review_due: bool,
    /// Lifecycle status.
    pub status: GoalStatus,
    /// The status in the patient's language.
    pub status_text: String,
    /// Measured since the last review (or since the goal was set).
    pub progress: GoalProgress,
    /// What was measured, in words: facts, no verdict.
    pub progress_text: String,
    /// The next review in words ("next review 1 June 2026: REVIEW DUE").
    pub review_text: String,
}

/// The headings and button labels of the today screen, in the patient's language.
#[derive(Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TodayLabels {
    pub title: String,
    pub doses: String,
    pub no_dose: String,
    pub goals: String,
    pub no_goal: String,
    pub medicines: String,
    pub no_medicine: String,
    pub taken: String,
    pub skipped: String,
    pub something_else: String,
    pub anxiety_week: String,
}

/// Everything on the today screen.
#[derive(Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TodayView {
    /// The patient's diary day (before their day start, it is still the day before).
    pub date: NaiveDate,
    /// The day in words, e.g. "2 December 2026".
    pub date_text: String,
    /// Equivalence table used.
    pub table: TableRef,
    /// What DE means and by which table, e.g. "(DE = diazepam-equivalent mg, per the Ashton Manual)".
    pub table_note: String,
    /// The patient's medicines, each with its one-step "taken".
    pub medicines: Vec<MedicineCard>,
    /// Today's doses in time order.
    pub doses: Vec<DoseLine>,
    /// Today's DE totals, prescribed and non-prescribed apart.
    pub totals: SplitTotal,
    /// The totals in words, with why some doses have no equivalent.
    pub totals_text: String,
    /// Last night's sleep.
    pub last_night: Option<NightLine>,
    /// Last night in words (or that none was logged).
    pub last_night_text: String,
    /// Anxiety for the last 7 days, oldest first, ending today.
    pub anxiety_7d: Vec<AnxietyDay>,
    /// Mean of all ratings in those 7 days.
    pub anxiety_7d_mean: Option<f64>,
    /// The week's mean in words.
    pub anxiety_text: String,
    /// Open goals (proposed, active, on hold).
    pub goals: Vec<GoalLine>,
    /// Today's plan step, when a plan is active.
    pub plan: Option<PlanToday>,
    /// Headings and buttons.
    pub labels: TodayLabels,
}

/// Builds the today view for the diary day `today`, `now` being the device clock.
pub fn build(diary: &Diary, today: NaiveDate, now: Option<LocalInstant>, t: &Texts) -> TodayView {
    let table = diary.settings().table;
    let w = Words::new(t);
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
                text: format!("{}{}", w.dose(d, table), w.note(d.note.as_deref())),
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
            quality_label: t.sleep_quality(s.quality),
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
    let anxiety_7d_mean = mean(&all);

    // Goals, their reviews, plans and medicines can lie anywhere in ten years of entries: one walk
    // over the diary gathers them all (each used to walk every entry — about a fifth of a cold open
    // of a 10-year diary; steady-bench).
    let long_lived = LongLived::gather(diary);
    let goals = long_lived
        .goals
        .iter()
        .filter(|(_, g)| g.status.is_open())
        .map(|&(id, g)| {
            let progress = measure(diary, g, review_period_start(diary, &long_lived, id, g), today, table);
            let review_due = g.review_on.is_some_and(|d| d <= today);
            GoalLine {
                id,
                what_matters: g.what_matters.clone(),
                description: g.kind.describe(),
                goal: t.goal_kind(&g.kind),
                next_review: g.review_on,
                review_due,
                status: g.status,
                status_text: t.goal_status(g.status),
                progress_text: progress_text(&w, &progress),
                review_text: match g.review_on {
                    Some(d) if review_due => w.wa("today-review-due", &[("date", Arg::Str(t.date(d)))]),
                    Some(d) => w.wa("today-next-review", &[("date", Arg::Str(t.date(d)))]),
                    None => w.w("today-no-review"),
                },
                progress,
            }
        })
        .collect();

    let active_plan = long_lived.plans.iter().rfind(|(_, p)| p.ended.is_none());
    let plan = active_plan.map(|(_, p)| {
        let schedule = p.schedule(today);
        let current = schedule.step_on(today);
        let next = schedule.next_step();
        let mut text = w.wa("plan-today", &[("molecule", Arg::Str(t.molecule(p.molecule)))]);
        let mut parts = vec![];
        if let Some(step) = current {
            let mut dose = t.mg(step.dose_mg);
            if !step.tablets.is_empty() {
                dose = format!("{dose} ({})", tablets_text(&step.tablets));
            }
            parts.push(w.wa("plan-today-dose", &[("dose", Arg::Str(dose))]));
        }
        if schedule.holding {
            parts.push(w.w("plan-today-holding"));
        }
        if let Some(step) = next {
            parts.push(w.wa(
                "plan-today-next",
                &[("date", Arg::Str(t.date(step.date))), ("dose", Arg::Str(t.mg(step.dose_mg)))],
            ));
        }
        if let Some(end) = schedule.end_date {
            parts.push(w.wa("plan-today-end", &[("date", Arg::Str(t.date(end)))]));
        }
        if !parts.is_empty() {
            text =
                w.wa("plan-today-line", &[("plan", Arg::Str(text)), ("details", Arg::Str(parts.join("; ")))]);
        }
        PlanToday {
            molecule: p.molecule.name().to_owned(),
            planned_mg: current.map(|s| s.dose_mg),
            planned_tablets: current.filter(|s| !s.tablets.is_empty()).map(|s| tablets_text(&s.tablets)),
            next_step_date: next.map(|s| s.date),
            next_step_mg: next.map(|s| s.dose_mg),
            holding: schedule.holding,
            end_date: schedule.end_date,
            text,
        }
    });

    let last_night_text = match &last_night {
        Some(n) => {
            let mut parts = vec![];
            if let Some(h) = n.total_sleep_h {
                parts.push(w.wa("today-asleep", &[("hours", Arg::Str(t.hours(h)))]));
            }
            if let Some(e) = n.efficiency_percent {
                parts.push(w.wa("today-efficiency", &[("percent", Arg::Str(t.percent(e.round())))]));
            }
            parts.push(w.wa(
                "today-quality",
                &[("score", Arg::Int(i64::from(n.quality))), ("label", Arg::Str(n.quality_label.clone()))],
            ));
            format!(
                "{} {}",
                w.wa("today-last-night", &[("date", Arg::Str(t.date(n.night)))]),
                parts.join(", ")
            )
        }
        None => w.w("today-last-night-none"),
    };
    let side = |use_: Use| doses.iter().filter(|d| d.use_ == use_).collect::<Vec<_>>();
    let totals_text = w.wa(
        "today-de-totals",
        &[
            ("prescribed", Arg::Str(side_total(&w, &totals.prescribed, &side(Use::Prescribed), table))),
            (
                "nonprescribed",
                Arg::Str(side_total(&w, &totals.non_prescribed, &side(Use::NonPrescribed), table)),
            ),
        ],
    );
    let anxiety_text = anxiety_7d_mean
        .map(|m| {
            w.wa(
                "today-anxiety-mean",
                &[("value", Arg::Str(w.wa("out-of-10", &[("value", Arg::Str(t.number(m, 1)))])))],
            )
        })
        .unwrap_or_default();

    TodayView {
        date: today,
        date_text: t.date_long(today),
        table_note: w.wa("today-de-basis", &[("table", Arg::Str(t.table_name(table)))]),
        table: table.into(),
        medicines: cards(diary, &long_lived, today, now, &w, false),
        doses,
        totals,
        totals_text,
        last_night,
        last_night_text,
        anxiety_7d,
        anxiety_7d_mean,
        anxiety_text,
        goals,
        plan,
        labels: TodayLabels {
            title: w.wa("today-title", &[("date", Arg::Str(t.date_long(today)))]),
            doses: w.w("today-doses"),
            no_dose: w.w("today-no-dose"),
            goals: w.w("today-goals"),
            no_goal: w.w("today-no-goal"),
            medicines: w.w("today-medicines"),
            no_medicine: w.w("today-no-medicine"),
            taken: w.w("action-taken"),
            skipped: w.w("action-skipped"),
            something_else: w.w("action-something-else"),
            anxiety_week: w.w("today-anxiety-week"),
        },
    }
}

/// "10–20 mg" plus, when some doses have no known equivalent, why — never counted as zero.
fn side_total(
    w: &Words<'_>,
    total: &crate::domain::DeTotal,
    lines: &[&DoseLine],
    table: EquivalenceTable,
) -> String {
    // Doses that all lack an equivalent have no DE figure: never "0 mg", only the reasons.
    let no_figure = total.doses > 0 && !total.has_de();
    let mut text = if no_figure { String::new() } else { w.t.mg_range(total.low_mg, total.high_mg) };
    let unknown = |d: &&&DoseLine| d.de.is_none() && d.mg.is_some();
    let unknown_strength = lines.iter().filter(|d| d.de.is_none() && d.mg.is_none()).count();
    let unknown_substance =
        lines.iter().filter(unknown).filter(|d| d.substance == Substance::Unknown.name()).count();
    let no_value = lines.iter().filter(unknown).filter(|d| d.substance != Substance::Unknown.name()).count();
    let mut why = vec![];
    let n = |k: usize| Arg::Int(k as i64);
    if unknown_strength > 0 {
        why.push(w.wa("today-unknown-strength", &[("n", n(unknown_strength))]));
    }
    if unknown_substance > 0 {
        why.push(w.wa("today-unknown-substance", &[("n", n(unknown_substance))]));
    }
    if no_value > 0 {
        why.push(
            w.wa("today-no-table-value", &[("n", n(no_value)), ("table", Arg::Str(w.t.table_name(table)))]),
        );
    }
    if no_figure {
        text = why.join(", ");
    } else if !why.is_empty() {
        text = format!("{text} ({})", why.join(", "));
    }
    text
}

/// What the diary measured for a goal since its last review: facts only, no verdict.
fn progress_text(w: &Words<'_>, p: &GoalProgress) -> String {
    let t = w.t;
    let mut first = w.wa(
        "today-progress-days-with-dose",
        &[("n", Arg::Int(i64::from(p.days_with_dose))), ("total", Arg::Int(i64::from(p.days)))],
    );
    if let Some(mg) = p.mean_daily_mg {
        first = format!("{first} {}", w.wa("progress-mean-mg", &[("dose", Arg::Str(t.mg(mg)))]));
    }
    let mut parts = vec![first];
    if let Some(under) = p.days_at_or_under_target {
        parts.push(w.wa("progress-at-or-under", &[("n", Arg::Int(i64::from(under)))]));
    }
    if let Some(n) = p.days_with_nonprescribed.filter(|n| *n > 0) {
        parts.push(w.wa("progress-nonprescribed", &[("n", Arg::Int(i64::from(n)))]));
    }
    if let Some(h) = p.mean_sleep_h {
        parts.push(w.wa("progress-sleep", &[("hours", Arg::Str(t.hours(h)))]));
    }
    if let Some(a) = p.mean_anxiety {
        let value = w.wa("out-of-10", &[("value", Arg::Str(t.number(a, 1)))]);
        parts.push(w.wa("progress-anxiety", &[("value", Arg::Str(value))]));
    }
    w.wa("progress-since", &[("date", Arg::Str(t.date(p.from))), ("facts", Arg::Str(parts.join(", ")))])
}

/// Start of a goal's current review period: the day after its last review, or the day it was set
/// (as `Diary::review_period_start`, from the reviews already gathered).
fn review_period_start(
    diary: &Diary,
    long_lived: &LongLived<'_>,
    goal_id: EntryId,
    goal: &Goal,
) -> NaiveDate {
    long_lived
        .reviews_of(goal_id)
        .last()
        .and_then(|(_, r)| diary.day(&r.at).succ_opt())
        .unwrap_or(diary.day(&goal.set_at))
}

crate::domain::redacted_debug!(TodayView, GoalLine, TodayLabels);
