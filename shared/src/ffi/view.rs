//! What phones render: the app's view model as typed records (dates as ISO strings, amounts in mg).

use crate::app::plan_view::PlanView;
use crate::app::today::TodayView;
use crate::app::{Outcome, PageView, ViewModel};
use crate::domain::{Entry, EntryBody, EntryKind, Substance, Use};
use crate::plan::{tablets_text, StepStatus};
use crate::summary::{text::round1, DeTotal, Summary};

use super::input::DeTable;
use super::SteadyError;

/// A diazepam-equivalent total: a range of known doses plus a count of unknown ones.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct DeTotalView {
    pub low_mg: f64,
    pub high_mg: f64,
    pub doses: u32,
    pub unknown_doses: u32,
}

impl From<DeTotal> for DeTotalView {
    fn from(t: DeTotal) -> Self {
        Self { low_mg: t.low_mg, high_mg: t.high_mg, doses: t.doses, unknown_doses: t.unknown_doses }
    }
}

/// One dose on the today screen.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct DoseLineView {
    pub id: String,
    pub time: String,
    pub substance: String,
    pub mg: Option<f64>,
    pub tablets: Option<f64>,
    pub non_prescribed: bool,
    pub de_low_mg: Option<f64>,
    pub de_high_mg: Option<f64>,
}

/// Last night.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct NightView {
    pub night: String,
    pub total_sleep_h: Option<f64>,
    pub efficiency_percent: Option<f64>,
    pub quality: u8,
}

/// One day of the anxiety week.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct AnxietyDayView {
    pub date: String,
    pub mean: Option<f64>,
}

/// What the diary measures against a goal since its last review.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct GoalProgressView {
    pub from: String,
    pub to: String,
    pub days: u32,
    pub days_with_dose: u32,
    pub mean_daily_mg: Option<f64>,
    pub days_at_or_under_target: Option<u32>,
    pub days_with_nonprescribed: Option<u32>,
    pub mean_sleep_h: Option<f64>,
    pub mean_anxiety: Option<f64>,
}

/// An open goal.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct GoalLineView {
    pub id: String,
    pub what_matters: String,
    pub description: String,
    pub next_review: Option<String>,
    pub review_due: bool,
    /// "proposed", "active" or "on_hold".
    pub status: String,
    pub progress: GoalProgressView,
}

/// Today's taper step.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct PlanTodayView {
    pub molecule: String,
    pub planned_mg: Option<f64>,
    pub planned_tablets: Option<String>,
    pub next_step_date: Option<String>,
    pub next_step_mg: Option<f64>,
    pub holding: bool,
    pub end_date: Option<String>,
}

/// Where a plan step stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum StepStatusView {
    Done,
    Current,
    Upcoming,
    Cancelled,
}

/// One step of the plan.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct StepView {
    pub index: u32,
    pub date: String,
    pub dose_mg: f64,
    pub tablets: String,
    pub cut_mg: f64,
    pub cut_percent: f64,
    pub interval_days: u32,
    /// The interval was lengthened because the tablets allow no smaller cut.
    pub extended: bool,
    /// Why the step is faster than the chosen pace, if it is (informative, never a block).
    pub pace_flag: Option<String>,
    pub status: StepStatusView,
}

/// A hold, with the patient's reason.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct HoldView {
    pub from: String,
    pub until: Option<String>,
    pub reason: String,
}

/// How the logged doses followed one step.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct StepAdherenceView {
    pub index: u32,
    pub days: u32,
    pub days_logged: u32,
    pub days_at_or_under: u32,
}

/// The plan screen.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct PlanScreen {
    pub id: String,
    pub molecule: String,
    pub start_mg: f64,
    pub percent: f64,
    pub interval_days: u32,
    pub gentle: bool,
    /// e.g. "alprazolam 1.5 mg ≈ 30 mg diazepam (Ashton Manual), agreed with Dr. X".
    pub switch_line: Option<String>,
    pub steps: Vec<StepView>,
    pub holds: Vec<HoldView>,
    pub holding: bool,
    pub end_date: Option<String>,
    pub ended_on: Option<String>,
    pub adherence: Vec<StepAdherenceView>,
}

/// The today screen.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct TodayScreen {
    pub date: String,
    pub table_name: String,
    pub doses: Vec<DoseLineView>,
    pub prescribed: DeTotalView,
    pub non_prescribed: DeTotalView,
    pub last_night: Option<NightView>,
    pub anxiety_7d: Vec<AnxietyDayView>,
    pub anxiety_7d_mean: Option<f64>,
    pub goals: Vec<GoalLineView>,
    pub plan: Option<PlanTodayView>,
}

/// Kinds of entry, for icons and filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum EntryKindView {
    Dose,
    Sleep,
    Anxiety,
    Gad7,
    Goal,
    Review,
    Plan,
    Question,
}

/// One row of the history list.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct EntryRow {
    pub id: String,
    pub kind: EntryKindView,
    pub date: String,
    pub time: String,
    /// A one-line description, e.g. "lormetazepam 1.5 mg (¾ × 2 mg)".
    pub line: String,
    pub non_prescribed: bool,
    pub note: Option<String>,
}

/// One day of a summary.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct DayRow {
    pub date: String,
    pub de_low_mg: f64,
    pub de_high_mg: f64,
    /// `None` when the patient hid non-prescribed use.
    pub nonprescribed_de_low_mg: Option<f64>,
    pub nonprescribed_de_high_mg: Option<f64>,
    pub unknown_doses: u32,
    pub planned_de_low_mg: Option<f64>,
    pub planned_de_high_mg: Option<f64>,
}

/// The summary screen.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct SummaryScreen {
    pub from: String,
    pub to: String,
    pub table_name: String,
    pub table_source: String,
    pub days: Vec<DayRow>,
    pub prescribed: DeTotalView,
    /// `None` when the patient hid non-prescribed use.
    pub non_prescribed: Option<DeTotalView>,
    pub days_without_dose: u32,
    pub sleep_nights: u32,
    pub mean_sleep_h: Option<f64>,
    pub anxiety_ratings: u32,
    pub mean_anxiety: Option<f64>,
}

/// The current page.
#[derive(Clone, PartialEq, uniffi::Enum)]
pub enum Screen {
    Loading,
    Today {
        today: TodayScreen,
    },
    History {
        entries: Vec<EntryRow>,
    },
    Summary {
        summary: SummaryScreen,
    },
    /// `plan` is `None` when no plan was ever made.
    Plan {
        plan: Option<PlanScreen>,
    },
}

/// How the last event ended.
#[derive(Clone, PartialEq, uniffi::Enum)]
pub enum Notice {
    Saved { id: String },
    Deleted { ids: Vec<String> },
    Rejected { error: SteadyError },
    Failed { error: SteadyError },
}

/// Everything a shell renders.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct AppView {
    pub screen: Screen,
    pub notice: Option<Notice>,
    pub damaged_ids: Vec<String>,
    pub entry_count: u64,
    pub table: DeTable,
}

fn today_screen(t: TodayView) -> TodayScreen {
    TodayScreen {
        date: t.date.to_string(),
        table_name: t.table.name.into(),
        doses: t
            .doses
            .into_iter()
            .map(|d| DoseLineView {
                id: d.id.to_string(),
                time: d.time.format("%H:%M").to_string(),
                substance: d.substance.into(),
                mg: d.mg,
                tablets: d.tablets,
                non_prescribed: d.use_ == Use::NonPrescribed,
                de_low_mg: d.de.map(|r| r.low),
                de_high_mg: d.de.map(|r| r.high),
            })
            .collect(),
        prescribed: t.totals.prescribed.into(),
        non_prescribed: t.totals.non_prescribed.into(),
        last_night: t.last_night.map(|n| NightView {
            night: n.night.to_string(),
            total_sleep_h: n.total_sleep_h,
            efficiency_percent: n.efficiency_percent,
            quality: n.quality,
        }),
        anxiety_7d: t
            .anxiety_7d
            .into_iter()
            .map(|a| AnxietyDayView { date: a.date.to_string(), mean: a.mean })
            .collect(),
        anxiety_7d_mean: t.anxiety_7d_mean,
        goals: t
            .goals
            .into_iter()
            .map(|g| GoalLineView {
                id: g.id.to_string(),
                what_matters: g.what_matters,
                description: g.description,
                next_review: g.next_review.map(|d| d.to_string()),
                review_due: g.review_due,
                status: g.status.key().into(),
                progress: GoalProgressView {
                    from: g.progress.from.to_string(),
                    to: g.progress.to.to_string(),
                    days: g.progress.days,
                    days_with_dose: g.progress.days_with_dose,
                    mean_daily_mg: g.progress.mean_daily_mg,
                    days_at_or_under_target: g.progress.days_at_or_under_target,
                    days_with_nonprescribed: g.progress.days_with_nonprescribed,
                    mean_sleep_h: g.progress.mean_sleep_h,
                    mean_anxiety: g.progress.mean_anxiety,
                },
            })
            .collect(),
        plan: t.plan.map(|p| PlanTodayView {
            molecule: p.molecule.into(),
            planned_mg: p.planned_mg,
            planned_tablets: p.planned_tablets,
            next_step_date: p.next_step_date.map(|d| d.to_string()),
            next_step_mg: p.next_step_mg,
            holding: p.holding,
            end_date: p.end_date.map(|d| d.to_string()),
        }),
    }
}

fn plan_screen(v: PlanView) -> PlanScreen {
    let schedule = v.schedule;
    PlanScreen {
        id: v.id.to_string(),
        molecule: v.plan.molecule.name().into(),
        start_mg: v.plan.start_mg,
        percent: v.plan.percent,
        interval_days: v.plan.interval_days,
        gentle: v.plan.pace == crate::plan::Pace::Gentle,
        switch_line: v.plan.switch.as_ref().map(crate::plan::Switch::describe),
        steps: schedule
            .steps
            .iter()
            .map(|s| StepView {
                index: s.index,
                date: s.date.to_string(),
                dose_mg: s.dose_mg,
                tablets: tablets_text(&s.tablets),
                cut_mg: s.cut_mg,
                cut_percent: s.cut_percent,
                interval_days: s.interval_days,
                extended: s.extended,
                pace_flag: s.pace_flag.as_ref().map(|f| f.reason.clone()),
                status: match s.status {
                    StepStatus::Done => StepStatusView::Done,
                    StepStatus::Current => StepStatusView::Current,
                    StepStatus::Upcoming => StepStatusView::Upcoming,
                    StepStatus::Cancelled => StepStatusView::Cancelled,
                },
            })
            .collect(),
        holds: v
            .plan
            .holds
            .iter()
            .map(|h| HoldView {
                from: h.from.to_string(),
                until: h.until.map(|d| d.to_string()),
                reason: h.reason.clone(),
            })
            .collect(),
        holding: schedule.holding,
        end_date: schedule.end_date.map(|d| d.to_string()),
        ended_on: schedule.ended_on.map(|d| d.to_string()),
        adherence: v
            .vs_actual
            .steps
            .iter()
            .map(|a| StepAdherenceView {
                index: a.index,
                days: a.days,
                days_logged: a.days_logged,
                days_at_or_under: a.days_at_or_under,
            })
            .collect(),
    }
}

/// One line describing an entry, as a history list shows it.
pub fn entry_line(entry: &Entry) -> String {
    match &entry.body {
        EntryBody::Dose(d) => {
            let amount = match (d.amount.mg(), d.amount.tablets()) {
                (Some(mg), _) => format!("{} mg", round1(mg)),
                (None, Some(t)) => format!("{} tablet(s) of unknown strength", round1(t)),
                (None, None) => "unknown amount".into(),
            };
            let name = match d.substance {
                Substance::Molecule(m) => m.name(),
                Substance::Unknown => "unknown substance",
            };
            format!("{name} {amount}")
        }
        EntryBody::Sleep(s) => format!(
            "night of {}: {} h, quality {}/5",
            s.night,
            s.total_sleep_min().map_or("?".into(), |m| round1(m as f64 / 60.0)),
            s.quality.score()
        ),
        EntryBody::Anxiety(a) => format!("anxiety {}/10", a.score),
        EntryBody::Gad7(g) => format!("GAD-7 {} ({})", g.total(), g.band().label()),
        EntryBody::Goal(g) => format!("goal: {} — \"{}\"", g.kind.describe(), g.what_matters),
        EntryBody::Review(r) => format!("review: GAS {:+}, {}", r.gas, r.decision.key()),
        EntryBody::Question(q) => format!("question: {}", q.text),
        EntryBody::Plan(p) => format!(
            "taper plan: {} from {} mg, {} % every {} days",
            p.molecule.name(),
            round1(p.start_mg),
            round1(p.percent),
            p.interval_days
        ),
    }
}

fn entry_row(e: &Entry) -> EntryRow {
    let (date, time) = e.body.local_moment();
    let non_prescribed = matches!(&e.body, EntryBody::Dose(d) if d.use_ == Use::NonPrescribed);
    let note = e.body.note().map(str::to_owned);
    EntryRow {
        id: e.id.to_string(),
        kind: match e.body.kind() {
            EntryKind::Dose => EntryKindView::Dose,
            EntryKind::Sleep => EntryKindView::Sleep,
            EntryKind::Anxiety => EntryKindView::Anxiety,
            EntryKind::Gad7 => EntryKindView::Gad7,
            EntryKind::Goal => EntryKindView::Goal,
            EntryKind::Review => EntryKindView::Review,
            EntryKind::Plan => EntryKindView::Plan,
            EntryKind::Question => EntryKindView::Question,
        },
        date: date.to_string(),
        time: time.format("%H:%M").to_string(),
        line: entry_line(e),
        non_prescribed,
        note,
    }
}

fn summary_screen(s: &Summary) -> SummaryScreen {
    SummaryScreen {
        from: s.from.to_string(),
        to: s.to.to_string(),
        table_name: s.table.name.into(),
        table_source: s.table.source.into(),
        days: s
            .days
            .iter()
            .map(|d| DayRow {
                date: d.date.to_string(),
                de_low_mg: d.de_low_mg,
                de_high_mg: d.de_high_mg,
                nonprescribed_de_low_mg: d.nonprescribed_de_low_mg,
                nonprescribed_de_high_mg: d.nonprescribed_de_high_mg,
                unknown_doses: d.unknown_doses,
                planned_de_low_mg: d.planned_de_low_mg,
                planned_de_high_mg: d.planned_de_high_mg,
            })
            .collect(),
        prescribed: s.totals.prescribed.into(),
        non_prescribed: s.totals.non_prescribed.map(Into::into),
        days_without_dose: s.days_without_dose,
        sleep_nights: s.sleep.as_ref().map_or(0, |x| x.nights),
        mean_sleep_h: s.sleep.as_ref().and_then(|x| x.mean_total_sleep_h),
        anxiety_ratings: s.anxiety.as_ref().map_or(0, |x| x.ratings),
        mean_anxiety: s.anxiety.as_ref().and_then(|x| x.mean),
    }
}

impl From<ViewModel> for AppView {
    fn from(v: ViewModel) -> Self {
        AppView {
            screen: match v.page {
                PageView::Loading => Screen::Loading,
                PageView::Today(t) => Screen::Today { today: today_screen(*t) },
                PageView::History(entries) => {
                    Screen::History { entries: entries.iter().map(entry_row).collect() }
                }
                PageView::Summary(s) => Screen::Summary { summary: summary_screen(&s) },
                PageView::Plan(p) => Screen::Plan { plan: p.map(|p| plan_screen(*p)) },
            },
            notice: v.outcome.map(|o| match o {
                Outcome::Saved(id) => Notice::Saved { id: id.to_string() },
                Outcome::Deleted(ids) => {
                    Notice::Deleted { ids: ids.iter().map(ToString::to_string).collect() }
                }
                Outcome::Rejected(e) => Notice::Rejected { error: e.into() },
                Outcome::Failed(e) => Notice::Failed { error: e.into() },
                Outcome::ExportFailed(e) => {
                    Notice::Failed { error: SteadyError::Internal { detail: e.to_string() } }
                }
            }),
            damaged_ids: v.damaged.iter().map(ToString::to_string).collect(),
            entry_count: v.entry_count as u64,
            table: v.table.into(),
        }
    }
}

crate::redacted_debug!(
    DeTotalView,
    DoseLineView,
    NightView,
    AnxietyDayView,
    GoalLineView,
    GoalProgressView,
    PlanTodayView,
    StepView,
    HoldView,
    StepAdherenceView,
    PlanScreen,
    TodayScreen,
    EntryRow,
    DayRow,
    SummaryScreen,
    Screen,
    Notice,
    AppView
);
