//! `steady plan …`, `steady question …` and `steady goal status`: the patient-paced taper plan,
//! the questions for the next appointment, and a goal's lifecycle. Each turns arguments into one
//! core event; the core validates, computes the schedule and stores.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use steady_core::domain::{
    mg_text as num, parse, EntryBody, EntryDraft, EquivalenceTable, Field, GoalStatus, Keyed, Pace,
    PlanDraft, Split, SwitchDraft, Tail,
};
use steady_core::{PlanAction, PlanView};

use crate::commands::{date, find, number, Ctx};
use crate::error::CliError;
use crate::keyed;
use crate::outfile::{write_private, Existing};
use crate::stdin;

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
        /// Why, in your words (kept as you wrote it); `-` reads it from standard input.
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
        /// Why, in your words; `-` reads it from standard input.
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
    /// Write the upcoming steps as an iCalendar file with neutral titles (no drug names).
    Ics {
        /// Where to write the .ics file.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Add a reminder this many minutes before each step's day begins.
        #[arg(long, value_name = "MIN", value_parser = clap::value_parser!(u32).range(0..=10080))]
        alarm_min: Option<u32>,
    },
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
    /// Pace to check the steps against: standard (flags steps faster than 25 % per 2 weeks) or
    /// gentle (faster than 10 %).
    #[arg(long, value_parser = keyed::<Pace>(), default_value = "standard")]
    pub pace: Pace,
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
    #[arg(long, value_parser = keyed::<EquivalenceTable>(), default_value = "ashton")]
    pub table: EquivalenceTable,
    /// After the tablets, continue with an oral liquid of this strength, mg per ml.
    #[arg(long, value_name = "X", requires = "min_ml", conflicts_with = "compounded_step_mg")]
    pub liquid_mg_per_ml: Option<String>,
    /// The smallest volume of that liquid you can measure, ml (e.g. 0.1 with an oral syringe).
    #[arg(long, value_name = "Y", requires = "liquid_mg_per_ml")]
    pub min_ml: Option<String>,
    /// After the tablets, continue with pharmacy-compounded doses (or tapering strips) in steps of
    /// this many mg.
    #[arg(long, value_name = "Z")]
    pub compounded_step_mg: Option<String>,
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
        /// The question, in your words; `-` reads it from standard input.
        text: String,
    },
    /// Mark a question as talked about (it leaves the next summary).
    Done {
        /// Question id, or at least 4 of its first hex digits.
        id: String,
    },
}

fn strengths(s: &str) -> Result<Vec<f64>, CliError> {
    s.split(',').map(|p| parse::number(Field::Strengths, p).map_err(CliError::from)).collect()
}

/// The tail formulation from `--liquid-mg-per-ml X --min-ml Y` or `--compounded-step-mg Z`
/// (clap refuses both at once); the core checks the ranges.
fn tail(a: &PlanCreateArgs) -> Result<Option<Tail>, CliError> {
    Ok(match (&a.liquid_mg_per_ml, &a.min_ml, &a.compounded_step_mg) {
        (Some(mg_per_ml), Some(min_ml), _) => Some(Tail::Liquid {
            mg_per_ml: parse::number(Field::TailMgPerMl, mg_per_ml)?,
            min_ml: parse::number(Field::TailMinMl, min_ml)?,
        }),
        (_, _, Some(step)) => Some(Tail::Compounded { step_mg: parse::number(Field::TailStepMg, step)? }),
        _ => None,
    })
}

fn to_action(action: PlanCommand) -> Result<PlanAction, CliError> {
    Ok(match action {
        PlanCommand::Hold { reason } => PlanAction::Hold { reason: stdin::required_text(&reason, "reason")? },
        PlanCommand::Resume => PlanAction::Resume,
        PlanCommand::Adjust { percent, every_days } => PlanAction::ChangePace {
            percent: parse::number(Field::Percent, &percent)?,
            interval_days: every_days,
        },
        PlanCommand::End { reason } => PlanAction::End { reason: stdin::text(reason.as_deref(), "reason")? },
        PlanCommand::Create(_) | PlanCommand::Show { .. } | PlanCommand::Ics { .. } => {
            return Err(CliError::Internal("not a plan action".into()))
        }
    })
}

/// `steady plan …`.
pub fn plan(ctx: &Ctx, what: PlanCommand) -> Result<String, CliError> {
    match what {
        PlanCommand::Create(a) => {
            let switch = match (&a.switch_from, &a.switch_from_mg, &a.agreed_with) {
                (Some(from), Some(mg), Some(who)) => Some(SwitchDraft {
                    from_drug: from.clone(),
                    from_mg: parse::number(Field::SwitchFromMg, mg)?,
                    table: Some(a.table),
                    agreed_with: who.clone(),
                }),
                _ => None,
            };
            let draft = PlanDraft {
                drug: a.drug.clone(),
                start_mg: parse::number(Field::StartMg, &a.start_mg)?,
                start: date(Field::Start, a.start.as_deref())?,
                percent: number(Field::Percent, a.percent.as_deref())?,
                interval_days: a.every_days,
                strengths_mg: strengths(&a.strengths)?,
                split: Split::from_parts(a.split)?,
                floor_mg: number(Field::FloorMg, a.floor_mg.as_deref())?,
                pace: Some(a.pace),
                switch,
                tail: tail(&a)?,
            };
            let id = ctx.open()?.log(EntryDraft::Plan(draft))?;
            Ok(format!("Created plan {}. See it with `steady plan show`.\n", id.short()))
        }
        PlanCommand::Show { json } => match ctx.open()?.plan()? {
            Some(view) if json => Ok(format!("{}\n", serde_json::to_string_pretty(&view)?)),
            Some(view) => Ok(plan_text(&view)),
            None => Ok("No taper plan yet. Create one with `steady plan create`.\n".into()),
        },
        PlanCommand::Ics { out, alarm_min } => {
            let file = ctx.open()?.plan_calendar(alarm_min)?;
            write_private(&out, &file.bytes, Existing::Replace)?;
            Ok(format!("Wrote the plan's upcoming steps to {} (titles name no drug).\n", out.display()))
        }
        action => {
            let action = to_action(action)?;
            ctx.open()?.plan_action(action)?;
            Ok("Plan updated. See it with `steady plan show`.\n".into())
        }
    }
}

fn plan_text(v: &PlanView) -> String {
    let mut out = format!(
        "Taper plan {}: {} from {} mg, {} % of the current dose every {} days ({} pace)\n",
        v.id.short(),
        v.molecule,
        num(v.start_mg),
        num(v.percent),
        v.interval_days,
        v.pace.key()
    );
    if let Some(s) = &v.switch {
        out.push_str(&format!("Switched from {}\n", s.line));
        out.push_str(&format!("  {}\n", s.check_line));
    }
    if let Some(tail) = &v.tail_line {
        out.push_str(&format!("{tail}\n"));
    }
    out.push_str("\n  Step  Date        Dose      Tablets            Cut      Days  Status\n");
    for s in &v.steps {
        out.push_str(&format!(
            "  {:>4}  {}  {:>6} mg  {:<17}  {:>6}  {:>4}{}  {}{}\n",
            s.index,
            s.date,
            num(s.dose_mg),
            s.tablets,
            if s.index == 0 { "–".to_owned() } else { format!("{:.1} %", s.cut_percent) },
            s.interval_days,
            if s.extended { "*" } else { " " },
            s.status.key(),
            s.pace_flag.as_ref().map(|f| format!("  ⚑ {f}")).unwrap_or_default()
        ));
    }
    out.push_str("  (* interval lengthened: the tablets allow no smaller cut)\n");
    for h in &v.holds {
        let until = h.until.map_or("still holding".to_owned(), |d| format!("until {d}"));
        let reason = if h.reason.is_empty() { String::new() } else { format!(": {}", h.reason) };
        out.push_str(&format!("  Hold from {} {until}{reason}\n", h.from));
    }
    match (v.ended_on, v.end_date) {
        (Some(end), _) => out.push_str(&format!("  Ended on {end}\n")),
        (None, Some(end)) => out.push_str(&format!(
            "  Expected last step {end} (moves with each hold), {}\n",
            v.length_line.as_deref().unwrap_or_default()
        )),
        (None, None) => {}
    }
    if let Some(fin) = &v.final_line {
        out.push_str(&format!("  {fin}\n"));
    }
    out
}

/// `steady goal status ID STATUS`.
pub fn goal_status(ctx: &Ctx, a: &GoalStatusArgs) -> Result<String, CliError> {
    parse::id_prefix(Field::Id, &a.id)?;
    let status = GoalStatus::parse(&a.status)?;
    let core = ctx.open()?;
    let (goal, _) = find(&core, &a.id, "goal", |e| matches!(e.body, EntryBody::Goal(_)))?;
    core.set_goal_status(goal, status)?;
    Ok(format!("Goal {} is now {}.\n", goal.short(), status.key().replace('_', " ")))
}

/// `steady question …`.
pub fn question(ctx: &Ctx, what: QuestionCommand) -> Result<String, CliError> {
    match what {
        QuestionCommand::Add { text } => {
            let text = stdin::required_text(&text, "question")?;
            let id = ctx.open()?.log(EntryDraft::Question { at: None, text, discussed: false })?;
            Ok(format!("Noted question {} for your next appointment.\n", id.short()))
        }
        QuestionCommand::Done { id } => {
            parse::id_prefix(Field::Id, &id)?;
            let core = ctx.open()?;
            let (qid, entries) = find(&core, &id, "question", |e| matches!(e.body, EntryBody::Question(_)))?;
            let Some(EntryBody::Question(q)) = entries.iter().find(|e| e.id == qid).map(|e| &e.body) else {
                return Err(CliError::Internal("question vanished".into()));
            };
            let draft = EntryDraft::Question { at: Some(q.asked_at), text: q.text.clone(), discussed: true };
            core.edit(qid, draft)?;
            Ok(format!("Question {} marked as talked about.\n", qid.short()))
        }
    }
}
