//! `steady plan …`, `steady question …` and `steady goal status`: the patient-paced taper plan,
//! the questions for the next appointment, and a goal's lifecycle. Each turns arguments into one
//! core event; the core validates, computes the schedule and stores.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;
use steady_core::app::plan_view::PlanView;
use steady_core::app::{Event, Export, Page, PageView, PlanAction};
use steady_core::domain::{EntryBody, EntryDraft, GoalStatus};
use steady_core::plan::{schedule_ics, tablets_text, PlanDraft, StepStatus, SwitchDraft};

use crate::commands::{all_entries, date, number, resolve_id, save, write_private, Ctx};
use crate::error::CliError;
use crate::output::num;
use crate::{parse, TableArg};

/// What `plan` can do.
#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Create a taper plan (one active plan at a time).
    Create(Box<PlanCreateArgs>),
    /// Show the plan: every step with date, dose and cut, holds, planned versus logged.
    Show {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Stay at the current step from today; the rest of the schedule moves later.
    Hold {
        /// Why, in your words (kept as you wrote it).
        #[arg(long, value_name = "TEXT", default_value = "")]
        reason: String,
    },
    /// Continue after a hold.
    Resume,
    /// Change the step rule from today on (slow down, or speed up again).
    Adjust {
        /// Cut per step, percent of the current dose.
        #[arg(long, value_name = "P")]
        percent: String,
        /// Days between steps.
        #[arg(long, value_name = "N")]
        every_days: u32,
    },
    /// End the plan today (a maintenance dose is a valid end point).
    End {
        /// Why, in your words.
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
    /// Write the upcoming steps as an iCalendar file with neutral titles (no drug names).
    Ics {
        /// Where to write the .ics file.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// Pace the steps are checked against (ASAM 2025).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PaceArg {
    /// Flag steps faster than 25 % per 2 weeks.
    Standard,
    /// Flag steps faster than 10 % per 2 weeks.
    Gentle,
}

/// `plan create`.
#[derive(Debug, Args)]
pub struct PlanCreateArgs {
    /// Molecule or brand (diazepam when switching).
    #[arg(long, value_name = "NAME")]
    pub drug: String,
    /// Daily dose at the start, mg.
    #[arg(long, value_name = "X")]
    pub start_mg: String,
    /// Tablet strengths you have, mg, comma-separated (e.g. 1,2).
    #[arg(long, value_name = "MG,MG")]
    pub strengths: String,
    /// Smallest fraction you can split a tablet into: 1, 2 (halves) or 4 (quarters).
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub split: i64,
    /// Cut per step, percent of the current dose [default: 10].
    #[arg(long, value_name = "P")]
    pub percent: Option<String>,
    /// Days between steps [default: 14].
    #[arg(long, value_name = "N")]
    pub every_days: Option<i64>,
    /// Dose to stop at, mg (a maintenance dose is a valid end point) [default: 0].
    #[arg(long, value_name = "X")]
    pub floor_mg: Option<String>,
    /// First day (YYYY-MM-DD) [default: today].
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// Pace to check the steps against.
    #[arg(long, value_enum, default_value = "standard")]
    pub pace: PaceArg,
    /// Switch to diazepam first: the molecule or brand switched from.
    #[arg(long, value_name = "NAME", requires_all = ["switch_from_mg", "agreed_with"])]
    pub switch_from: Option<String>,
    /// Its daily dose, mg.
    #[arg(long, value_name = "X")]
    pub switch_from_mg: Option<String>,
    /// Who the switch was agreed with (required with --switch-from).
    #[arg(long, value_name = "TEXT")]
    pub agreed_with: Option<String>,
    /// Equivalence table for the switch.
    #[arg(long, value_enum, default_value = "ashton")]
    pub table: TableArg,
}

/// `goal status`.
#[derive(Debug, Args)]
pub struct GoalStatusArgs {
    /// Goal id, or at least 4 of its first hex digits.
    pub id: String,
    /// proposed, active, on-hold, achieved, changed or abandoned.
    pub status: String,
}

/// What `question` can do.
#[derive(Debug, Subcommand)]
pub enum QuestionCommand {
    /// Write down something to talk about at the next appointment.
    Add {
        /// The question, in your words.
        text: String,
    },
    /// Mark a question as talked about (it leaves the next summary).
    Done {
        /// Question id, or at least 4 of its first hex digits.
        id: String,
    },
}

fn strengths(s: &str) -> Result<Vec<f64>, CliError> {
    s.split(',').map(|p| parse::number("--strengths", p).map_err(CliError::from)).collect()
}

fn to_event(action: PlanCommand) -> Result<Event, CliError> {
    Ok(Event::Plan(match action {
        PlanCommand::Hold { reason } => PlanAction::Hold { reason },
        PlanCommand::Resume => PlanAction::Resume,
        PlanCommand::Adjust { percent, every_days } => PlanAction::ChangePace {
            percent: parse::number("--percent", &percent)?,
            interval_days: every_days,
        },
        PlanCommand::End { reason } => PlanAction::End { reason },
        PlanCommand::Create(_) | PlanCommand::Show { .. } | PlanCommand::Ics { .. } => {
            return Err(CliError::Internal("not a plan action".into()))
        }
    }))
}

/// `steady plan …`.
pub fn plan(ctx: &Ctx, what: PlanCommand) -> Result<String, CliError> {
    match what {
        PlanCommand::Create(a) => {
            let switch = match (&a.switch_from, &a.switch_from_mg, &a.agreed_with) {
                (Some(from), Some(mg), Some(who)) => Some(SwitchDraft {
                    from_drug: from.clone(),
                    from_mg: parse::number("--switch-from-mg", mg)?,
                    table: Some(steady_core::domain::EquivalenceTable::from(a.table).key().to_owned()),
                    agreed_with: who.clone(),
                }),
                _ => None,
            };
            let draft = PlanDraft {
                drug: a.drug.clone(),
                start_mg: parse::number("--start-mg", &a.start_mg)?,
                start: date("--start", a.start.as_deref())?,
                percent: number("--percent", a.percent.as_deref())?,
                interval_days: a.every_days,
                strengths_mg: strengths(&a.strengths)?,
                split: a.split,
                floor_mg: number("--floor-mg", a.floor_mg.as_deref())?,
                pace: Some(match a.pace {
                    PaceArg::Standard => "standard".into(),
                    PaceArg::Gentle => "gentle".into(),
                }),
                switch,
            };
            let core = ctx.open()?;
            let id = save(&core, EntryDraft::Plan(draft))?;
            Ok(format!("Created plan {}. See it with `steady plan show`.\n", id.short()))
        }
        PlanCommand::Show { json } => {
            let core = ctx.open()?;
            match core.dispatch(Event::Show(Page::Plan))?.page {
                PageView::Plan(Some(view)) if json => {
                    Ok(format!("{}\n", serde_json::to_string_pretty(&plan_json(&view))?))
                }
                PageView::Plan(Some(view)) => Ok(plan_text(&view)),
                PageView::Plan(None) => {
                    Ok("No taper plan yet. Create one with `steady plan create`.\n".into())
                }
                _ => Err(CliError::Internal("the core did not return the plan".into())),
            }
        }
        PlanCommand::Ics { out } => {
            let core = ctx.open()?;
            let Some(Export::Plan(view)) = core.dispatch(Event::ExportPlan)?.export else {
                return Err(CliError::Internal("the core did not export the plan".into()));
            };
            write_private(&out, schedule_ics(&view.schedule, &view.id.short()).as_bytes())?;
            Ok(format!("Wrote the plan's upcoming steps to {} (titles name no drug).\n", out.display()))
        }
        action => {
            let event = to_event(action)?;
            ctx.open()?.dispatch(event)?;
            Ok("Plan updated. See it with `steady plan show`.\n".into())
        }
    }
}

fn status_key(s: StepStatus) -> &'static str {
    match s {
        StepStatus::Done => "done",
        StepStatus::Current => "current",
        StepStatus::Upcoming => "upcoming",
        StepStatus::Cancelled => "cancelled",
    }
}

/// `plan show --json`: `steps` with `date`, `dose_mg`, `cut_percent`, and the holds.
fn plan_json(v: &PlanView) -> serde_json::Value {
    let p = &v.plan;
    json!({
        "id": v.id.to_string(),
        "molecule": p.molecule.name(),
        "start": p.start,
        "start_mg": p.start_mg,
        "percent": p.percent,
        "interval_days": p.interval_days,
        "strengths_mg": p.strengths_mg,
        "floor_mg": p.floor_mg,
        "pace": p.pace.key(),
        "switch": p.switch.as_ref().map(|s| json!({
            "from": s.from.name(),
            "from_mg": s.from_mg,
            "diazepam_low_mg": s.diazepam_mg.low,
            "diazepam_high_mg": s.diazepam_mg.high,
            "table": s.table.key(),
            "source": s.source(),
            "agreed_with": s.agreed_with,
        })),
        "steps": v.schedule.steps.iter().map(|s| json!({
            "index": s.index,
            "date": s.date,
            "dose_mg": s.dose_mg,
            "tablets": tablets_text(&s.tablets),
            "cut_mg": s.cut_mg,
            "cut_percent": s.cut_percent,
            "interval_days": s.interval_days,
            "extended": s.extended,
            "pace_flag": s.pace_flag.as_ref().map(|f| f.reason.clone()),
            "status": status_key(s.status),
        })).collect::<Vec<_>>(),
        "holds": p.holds.iter().map(|h| json!({"from": h.from, "until": h.until, "reason": h.reason}))
            .collect::<Vec<_>>(),
        "holding": v.schedule.holding,
        "end_date": v.schedule.end_date,
        "ended_on": v.schedule.ended_on,
        "adherence": v.vs_actual.steps.iter().map(|a| json!({
            "index": a.index, "days": a.days, "days_logged": a.days_logged, "days_at_or_under": a.days_at_or_under,
        })).collect::<Vec<_>>(),
    })
}

fn plan_text(v: &PlanView) -> String {
    let p = &v.plan;
    let mut out = format!(
        "Taper plan {}: {} from {} mg, {} % of the current dose every {} days ({} pace)\n",
        v.id.short(),
        p.molecule.name(),
        num(p.start_mg),
        num(p.percent),
        p.interval_days,
        p.pace.key()
    );
    if let Some(s) = &p.switch {
        out.push_str(&format!("Switched from {}\n", s.describe()));
    }
    out.push_str("\n  Step  Date        Dose      Tablets            Cut      Days  Status\n");
    for s in &v.schedule.steps {
        out.push_str(&format!(
            "  {:>4}  {}  {:>6} mg  {:<17}  {:>6}  {:>4}{}  {}{}\n",
            s.index,
            s.date,
            num(s.dose_mg),
            tablets_text(&s.tablets),
            if s.index == 0 { "–".to_owned() } else { format!("{:.1} %", s.cut_percent) },
            s.interval_days,
            if s.extended { "*" } else { " " },
            status_key(s.status),
            s.pace_flag.as_ref().map(|f| format!("  ⚑ {}", f.reason)).unwrap_or_default()
        ));
    }
    out.push_str("  (* interval lengthened: the tablets allow no smaller cut)\n");
    for h in &p.holds {
        let until = h.until.map_or("still holding".to_owned(), |d| format!("until {d}"));
        let reason = if h.reason.is_empty() { String::new() } else { format!(": {}", h.reason) };
        out.push_str(&format!("  Hold from {} {until}{reason}\n", h.from));
    }
    match (v.schedule.ended_on, v.schedule.end_date) {
        (Some(end), _) => out.push_str(&format!("  Ended on {end}\n")),
        (None, Some(end)) => out.push_str(&format!("  Expected last step {end} (moves with each hold)\n")),
        (None, None) => {}
    }
    out
}

/// `steady goal status ID STATUS`.
pub fn goal_status(ctx: &Ctx, a: &GoalStatusArgs) -> Result<String, CliError> {
    parse::id_prefix("id", &a.id)?;
    let status = GoalStatus::parse(&a.status)?;
    let core = ctx.open()?;
    let entries = all_entries(&core)?;
    let goal = resolve_id(&entries, &a.id, "goal", |e| matches!(e.body, EntryBody::Goal(_)))?;
    core.dispatch(Event::SetGoalStatus(goal, status))?;
    Ok(format!("Goal {} is now {}.\n", goal.short(), status.key().replace('_', " ")))
}

/// `steady question …`.
pub fn question(ctx: &Ctx, what: QuestionCommand) -> Result<String, CliError> {
    match what {
        QuestionCommand::Add { text } => {
            let core = ctx.open()?;
            let id = save(&core, EntryDraft::Question { at: None, text, discussed: false })?;
            Ok(format!("Noted question {} for your next appointment.\n", id.short()))
        }
        QuestionCommand::Done { id } => {
            parse::id_prefix("id", &id)?;
            let core = ctx.open()?;
            let entries = all_entries(&core)?;
            let qid = resolve_id(&entries, &id, "question", |e| matches!(e.body, EntryBody::Question(_)))?;
            let Some(EntryBody::Question(q)) = entries.iter().find(|e| e.id == qid).map(|e| &e.body) else {
                return Err(CliError::Internal("question vanished".into()));
            };
            let draft = EntryDraft::Question { at: Some(q.asked_at), text: q.text.clone(), discussed: true };
            core.dispatch(Event::Edit(qid, draft))?;
            Ok(format!("Question {} marked as talked about.\n", qid.short()))
        }
    }
}
