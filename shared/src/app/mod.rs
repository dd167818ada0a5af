//! The Crux app: events in, a new model and effect requests out, a view model for the shells.
//! `update` is pure: storage and the clock are effects the runtime resolves, so every rule here is
//! tested by calling `update` and inspecting the returned command.

pub mod effects;
pub mod lines;
pub mod plan_view;
pub mod today;

use chrono::NaiveDate;
use crux_core::macros::effect;
use crux_core::render::{render, RenderOperation};
use crux_core::{App, Command};

use crate::domain::{
    Diary, Entry, EntryBody, EntryDraft, EntryId, EquivalenceTable, Field, GoalStatus, LocalInstant, Period,
    Problem, ReviewDecision, Rule, ValidationError,
};
use crate::plan::schedule_ics_at;
use crate::summary::export::{export, ExportError, ExportFile, ExportRequest};
use crate::summary::{self, Summary, SummaryOptions};
pub use effects::{ClockOp, StoreFailed, StoreOp, StoreReply, WriteSet};
use plan_view::PlanView;
use today::TodayView;

/// Effects requested by the app.
#[effect]
#[derive(Debug)]
pub enum Effect {
    Render(RenderOperation),
    Store(StoreOp),
    Clock(ClockOp),
}

/// Which screen the shell is showing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Page {
    /// Today's doses, plan step, last night, the week's anxiety, goals.
    #[default]
    Today,
    /// Entries between two local dates (inclusive); `None` = from the first / to the last.
    History { from: Option<NaiveDate>, to: Option<NaiveDate> },
    /// The taper plan: steps, holds, plan vs actual.
    Plan,
}

/// Something the patient does to their taper plan. The patient sets the pace.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PlanAction {
    /// Stay at the current step from today, for a reason in the patient's words.
    Hold { reason: String },
    /// Continue after a hold.
    Resume,
    /// Change the step rule from today on (slow down or speed up).
    ChangePace { percent: f64, interval_days: u32 },
    /// End the plan today.
    End { reason: Option<String> },
}

/// Events: the first group comes from shells, the second from resolved effects.
#[derive(Debug)]
pub enum Event {
    /// Load the diary and read the clock.
    Open,
    /// Re-read the clock (e.g. when the app returns to the foreground).
    Refresh,
    /// Validate and save a new entry (a goal review also updates its goal).
    Log(EntryDraft),
    /// Validate and replace an existing entry's content.
    Edit(EntryId, EntryDraft),
    /// Delete an entry (a goal takes its reviews with it).
    Delete(EntryId),
    /// Move a goal through its lifecycle.
    SetGoalStatus(EntryId, GoalStatus),
    /// Change the active taper plan.
    Plan(PlanAction),
    /// Navigate.
    Show(Page),
    /// Choose the diazepam-equivalence table.
    UseTable(EquivalenceTable),
    /// Compute a summary's content without leaving the current page.
    Export { period: Period, table: Option<EquivalenceTable>, options: SummaryOptions },
    /// The latest plan's upcoming steps as a calendar file (neutral titles).
    ExportPlan,
    /// Render a summary file (text, JSON, CSV, PDF or FHIR) without leaving the current page.
    ExportFile(ExportRequest),

    /// The clock answered.
    Clock(LocalInstant),
    /// The clock answered for a pending draft.
    Validate { now: LocalInstant, draft: EntryDraft, replaces: Option<EntryId> },
    /// The clock answered for a pending plan action.
    PlanAt { now: LocalInstant, action: PlanAction },
    /// The store answered.
    Stored(Result<StoreReply, StoreFailed>),
}

/// How the last shell event ended, so a shell can confirm or show the error beside its field.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Saved (new or edited) entry.
    Saved(EntryId),
    /// Deleted entries.
    Deleted(Vec<EntryId>),
    /// Input refused; nothing was written.
    Rejected(ValidationError),
    /// The store failed; nothing was written (the runtime holds the cause).
    Failed,
    /// A file could not be rendered (nothing was written either).
    ExportFailed(ExportError),
}

/// A one-off result for the shell; cleared by the next event.
#[derive(Debug, Clone, PartialEq)]
pub enum Export {
    /// Summary content for a period.
    Summary(Box<Summary>),
    /// A file to share: a rendered summary, or the plan's calendar.
    File(ExportFile),
}

/// The app's state: the unlocked diary in memory and what the shell shows.
#[derive(Debug, Default)]
pub struct Model {
    diary: Diary,
    damaged: Vec<EntryId>,
    now: Option<LocalInstant>,
    loaded: bool,
    page: Page,
    table: EquivalenceTable,
    outcome: Option<Outcome>,
    export: Option<Export>,
}

/// What the current page shows.
#[derive(Debug, Clone, PartialEq)]
pub enum PageView {
    /// Not loaded yet.
    Loading,
    /// The today screen.
    Today(Box<TodayView>),
    /// Entries in local time order.
    History(Vec<Entry>),
    /// The taper plan; `None` when there has never been one.
    Plan(Option<Box<PlanView>>),
}

/// Everything a shell renders.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewModel {
    /// The current page.
    pub page: PageView,
    /// How the last shell event ended.
    pub outcome: Option<Outcome>,
    /// Records that failed authentication (shown as a warning; never deleted).
    pub damaged: Vec<EntryId>,
    /// Entries in the diary.
    pub entry_count: usize,
    /// Table in use.
    pub table: EquivalenceTable,
    /// The result of the last `Export` / `ExportPlan` event.
    pub export: Option<Export>,
}

/// The Steady app.
#[derive(Default)]
pub struct SteadyApp;

fn reject(model: &mut Model, field: Field, problem: Problem) -> Command<Effect, Event> {
    model.outcome = Some(Outcome::Rejected(ValidationError::new(field, problem)));
    render()
}

fn write(set: WriteSet) -> Command<Effect, Event> {
    Command::request_from_shell(StoreOp::Write(set)).then_send(Event::Stored)
}

fn now_then(next: impl FnOnce(LocalInstant) -> Event + Send + 'static) -> Command<Effect, Event> {
    Command::request_from_shell(ClockOp).then_send(next)
}

impl SteadyApp {
    /// Turns a validated draft into one logical write, with the rules that need the whole diary.
    fn validate(
        model: &mut Model,
        now: LocalInstant,
        draft: EntryDraft,
        replaces: Option<EntryId>,
    ) -> Command<Effect, Event> {
        model.now = Some(now);
        let body = match draft.validate(now, |id| model.diary.is_goal(id)) {
            Ok(body) => body,
            Err(e) => {
                model.outcome = Some(Outcome::Rejected(e));
                return render();
            }
        };
        if let Some(id) = replaces {
            if model.diary.get(id).map(|e| e.body.kind()) != Some(body.kind()) {
                return reject(model, Field::Kind, Problem::not_allowed(Rule::EditKeepsTheKind));
            }
            return write(WriteSet { replace: vec![Entry { id, body }], ..WriteSet::default() });
        }
        let mut set = WriteSet::default();
        match &body {
            EntryBody::Plan(_) if model.diary.active_plan().is_some() => {
                return reject(model, Field::Plan, Problem::not_allowed(Rule::EndThePlanFirst));
            }
            EntryBody::Review(review) => {
                // The review and what it decided for the goal are one change.
                if let Some(goal) = model.diary.get(review.goal).cloned() {
                    if let EntryBody::Goal(mut g) = goal.body {
                        if let Some(next) = review.next_review {
                            g.review_on = Some(next);
                        }
                        if review.decision == ReviewDecision::Change {
                            g.status = GoalStatus::Changed;
                        }
                        set.replace.push(Entry { id: goal.id, body: EntryBody::Goal(g) });
                    }
                }
            }
            _ => {}
        }
        set.insert.push(body);
        write(set)
    }

    fn plan_action(model: &mut Model, now: LocalInstant, action: PlanAction) -> Command<Effect, Event> {
        model.now = Some(now);
        let Some((id, plan)) = model.diary.active_plan() else {
            return reject(model, Field::Plan, Problem::NoSuchEntry);
        };
        let today = now.date_naive();
        let changed = match &action {
            PlanAction::Hold { reason } => plan.hold(today, reason),
            PlanAction::Resume => plan.resume(today),
            PlanAction::ChangePace { percent, interval_days } => {
                plan.change_pace(today, *percent, *interval_days)
            }
            PlanAction::End { reason } => plan.end(today, reason.as_deref()),
        };
        match changed {
            Ok(plan) => write(WriteSet {
                replace: vec![Entry { id, body: EntryBody::Plan(Box::new(plan)) }],
                ..WriteSet::default()
            }),
            Err(e) => {
                model.outcome = Some(Outcome::Rejected(e));
                render()
            }
        }
    }

    fn stored(model: &mut Model, reply: Result<StoreReply, StoreFailed>) {
        match reply {
            Ok(StoreReply::Loaded { entries, damaged }) => {
                model.diary = Diary::from_entries(entries);
                model.damaged = damaged;
                model.loaded = true;
            }
            Ok(StoreReply::Written { saved, deleted }) => {
                for id in &deleted {
                    model.diary.remove(*id);
                }
                model.outcome = Some(match saved.first() {
                    Some(first) => Outcome::Saved(first.id),
                    None => Outcome::Deleted(deleted),
                });
                for entry in saved {
                    model.diary.insert(entry);
                }
            }
            Err(StoreFailed) => model.outcome = Some(Outcome::Failed),
        }
    }
}

impl App for SteadyApp {
    type Event = Event;
    type Model = Model;
    type ViewModel = ViewModel;
    type Effect = Effect;

    fn update(&self, event: Event, model: &mut Model) -> Command<Effect, Event> {
        model.export = None;
        match event {
            Event::Open => {
                model.outcome = None;
                let load = Command::request_from_shell(StoreOp::LoadAll).then_send(Event::Stored);
                now_then(Event::Clock).then(load)
            }
            Event::Refresh => {
                model.outcome = None;
                now_then(Event::Clock)
            }
            Event::Log(draft) => {
                model.outcome = None;
                now_then(move |now| Event::Validate { now, draft, replaces: None })
            }
            Event::Edit(id, draft) => {
                model.outcome = None;
                if model.diary.get(id).is_none() {
                    return reject(model, Field::Id, Problem::NoSuchEntry);
                }
                now_then(move |now| Event::Validate { now, draft, replaces: Some(id) })
            }
            Event::Delete(id) => {
                model.outcome = None;
                let Some(entry) = model.diary.get(id) else {
                    return reject(model, Field::Id, Problem::NoSuchEntry);
                };
                let mut delete = vec![id];
                if matches!(entry.body, EntryBody::Goal(_)) {
                    delete.extend(model.diary.reviews_of(id).map(|(rid, _)| rid));
                }
                write(WriteSet { delete, ..WriteSet::default() })
            }
            Event::SetGoalStatus(id, status) => {
                model.outcome = None;
                let Some(Entry { body: EntryBody::Goal(goal), .. }) = model.diary.get(id) else {
                    return reject(model, Field::Goal, Problem::NoSuchEntry);
                };
                let mut goal = goal.clone();
                goal.status = status;
                write(WriteSet {
                    replace: vec![Entry { id, body: EntryBody::Goal(goal) }],
                    ..WriteSet::default()
                })
            }
            Event::Plan(action) => {
                model.outcome = None;
                if model.diary.active_plan().is_none() {
                    return reject(model, Field::Plan, Problem::NoSuchEntry);
                }
                now_then(move |now| Event::PlanAt { now, action })
            }
            Event::Show(page) => {
                model.outcome = None;
                model.page = page;
                render()
            }
            Event::UseTable(table) => {
                model.table = table;
                render()
            }
            Event::Export { period, table, mut options } => {
                model.outcome = None;
                let table = table.unwrap_or(model.table);
                options.today = options.today.or(model.now.map(|n| n.date_naive()));
                let content = summary::build_with(&model.diary, period.from(), period.to(), table, &options);
                model.export = Some(Export::Summary(Box::new(content)));
                render()
            }
            Event::ExportFile(request) => {
                model.outcome = None;
                let Some(now) = model.now else {
                    return reject(model, Field::Now, Problem::Required);
                };
                let table = request.table.unwrap_or(model.table);
                match export(&model.diary, &request, table, now) {
                    Ok(file) => model.export = Some(Export::File(file)),
                    Err(e) => model.outcome = Some(Outcome::ExportFailed(e)),
                }
                render()
            }
            Event::ExportPlan => {
                model.outcome = None;
                let Some(now) = model.now else {
                    return reject(model, Field::Now, Problem::Required);
                };
                match plan_view::latest(&model.diary, now.date_naive()) {
                    Some(latest) => {
                        let ics = schedule_ics_at(&latest.schedule, &latest.id.short(), now.to_utc());
                        let file = ExportFile::new(
                            ics.into_bytes(),
                            "text/calendar; charset=utf-8",
                            "steady-plan.ics",
                        );
                        model.export = Some(Export::File(file));
                        render()
                    }
                    None => reject(model, Field::Plan, Problem::NoSuchEntry),
                }
            }
            Event::Clock(now) => {
                model.now = Some(now);
                render()
            }
            Event::Validate { now, draft, replaces } => Self::validate(model, now, draft, replaces),
            Event::PlanAt { now, action } => Self::plan_action(model, now, action),
            Event::Stored(reply) => {
                Self::stored(model, reply);
                render()
            }
        }
    }

    fn view(&self, model: &Model) -> ViewModel {
        let today = model.now.map(|n| n.date_naive());
        let page = match (&model.page, today) {
            _ if !model.loaded => PageView::Loading,
            (Page::Today, Some(today)) => {
                PageView::Today(Box::new(today::build(&model.diary, today, model.table)))
            }
            (Page::Today | Page::Plan, None) => PageView::Loading,
            (Page::Plan, Some(today)) => PageView::Plan(plan_view::build(&model.diary, today).map(Box::new)),
            (Page::History { from, to }, _) => {
                let (first, last) = model.diary.span().unwrap_or((NaiveDate::MIN, NaiveDate::MIN));
                let (from, to) = (from.unwrap_or(first), to.unwrap_or(last));
                PageView::History(model.diary.between(from, to).cloned().collect())
            }
        };
        ViewModel {
            page,
            outcome: model.outcome.clone(),
            damaged: model.damaged.clone(),
            entry_count: model.diary.len(),
            table: model.table,
            export: model.export.clone(),
        }
    }
}

#[cfg(test)]
mod tests;
