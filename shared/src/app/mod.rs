//! The Crux app: events in, a new model and effect requests out, a view model for the shells.
//! `update` is pure: storage and the clock are effects the runtime resolves, so every rule here is
//! tested by calling `update` and inspecting the returned command.

pub mod effects;
pub mod forms;
pub mod labels;
pub mod lines;
pub mod medicines;
pub mod plan_view;
pub mod reminders;
pub mod today;
pub(crate) mod words;

use chrono::NaiveDate;
use crux_core::macros::effect;
use crux_core::render::{render, RenderOperation};
use crux_core::{App, Command};

use crate::domain::{
    Diary, DoseDraft, Entry, EntryBody, EntryDraft, EntryId, EntryKind, EquivalenceTable, Field, GoalStatus,
    LocalInstant, Medicine, MedicineDraft, Period, Problem, ReviewDecision, Rule, SettingChange, Settings,
    Skip, Substance, Use, ValidationError, WallClock,
};
use crate::i18n::{Arg, Texts};
use crate::plan::{plan_ics_at, IcsOptions};
use crate::summary::export::{export, ExportError, ExportFile, ExportRequest};
use crate::summary::{self, Summary, SummaryOptions};
pub use effects::{ClockOp, StoreFailed, StoreOp, StoreReply, WriteSet, ZoneOp};
use forms::FormView;
use lines::EntryRow;
use medicines::MedicineCard;
use plan_view::PlanView;
use reminders::{Reminder, Wanted};
use today::TodayView;
use words::{clock, Words};

/// Effects requested by the app.
#[effect]
#[derive(Debug)]
pub enum Effect {
    Render(RenderOperation),
    Store(StoreOp),
    Clock(ClockOp),
    Zone(ZoneOp),
}

/// Which screen the shell is showing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Page {
    /// Today's doses, plan step, last night, the week's anxiety, goals.
    #[default]
    Today,
    /// History rows between two diary days (inclusive); `None` = from the first / to the last.
    History { from: Option<NaiveDate>, to: Option<NaiveDate> },
    /// The entries themselves between two diary days (for scripts and exports).
    Entries { from: Option<NaiveDate>, to: Option<NaiveDate> },
    /// The taper plan: steps, holds, plan vs actual.
    Plan,
    /// Every medicine on the patient's list, stopped ones last.
    Medicines,
    /// A form: blank (started from the last entry of that kind) or to edit an entry.
    Form(FormRequest),
}

/// Which form to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum FormRequest {
    /// A new entry of this kind.
    New { kind: EntryKind },
    /// An existing entry, to edit.
    Edit { id: EntryId },
}

/// A change to a medicine on the list.
#[derive(Debug, Clone, PartialEq)]
pub enum MedicineChange {
    /// New amount or times from a date (the earlier regimen is kept).
    Regimen(MedicineDraft),
    /// Stopped after this day (`None` = today).
    Stop(Option<NaiveDate>),
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
    /// Change one setting (day start, language, check-in, table).
    ChangeSetting(SettingChange),
    /// Change a medicine's amount or times, or stop it.
    ChangeMedicine(EntryId, MedicineChange),
    /// Log a medicine's usual dose (the plan's dose while a plan covers it) in one step; `None`
    /// = the only medicine taken today; `at` `None` = now.
    Taken { medicine: Option<EntryId>, at: Option<LocalInstant> },
    /// Note a usual dose as skipped.
    Skipped { medicine: Option<EntryId>, at: Option<LocalInstant>, note: Option<String> },
    /// The reminders of `days` diary days from `from` (`None` = today).
    Reminders { from: Option<NaiveDate>, days: u32 },
    /// Compute a summary's content without leaving the current page.
    Export { period: Period, table: Option<EquivalenceTable>, options: SummaryOptions },
    /// The latest plan's upcoming steps as a calendar file (neutral titles).
    ExportPlan(IcsOptions),
    /// Render a summary file (text, JSON, CSV, PDF or FHIR) without leaving the current page.
    ExportFile(ExportRequest),

    /// The clock answered.
    Clock(LocalInstant),
    /// The clock answered for a pending draft.
    Validate { now: LocalInstant, draft: EntryDraft, replaces: Option<EntryId> },
    /// The clock answered for a pending plan action.
    PlanAt { now: LocalInstant, action: PlanAction },
    /// The clock answered for a pending setting.
    SettingAt { now: LocalInstant, change: SettingChange },
    /// The clock answered for a pending medicine change.
    MedicineAt { now: LocalInstant, id: EntryId, change: MedicineChange },
    /// The clock answered for a pending "taken" or "skipped".
    UsualAt {
        now: LocalInstant,
        medicine: Option<EntryId>,
        at: Option<LocalInstant>,
        skipped: Option<Option<String>>,
    },
    /// The clock answered for pending reminders (the zone may have changed too).
    RemindersAt { now: LocalInstant, from: Option<NaiveDate>, days: u32 },
    /// The zone placed the wanted reminders.
    Placed { wanted: Vec<Wanted>, placed: Vec<Option<WallClock>> },
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
    /// Reminders to register with the OS.
    Reminders(Vec<Reminder>),
}

/// The app's state: the unlocked diary in memory and what the shell shows.
#[derive(Debug, Default)]
pub struct Model {
    diary: Diary,
    damaged: Vec<EntryId>,
    integrity: crate::domain::Integrity,
    id_key: Option<crate::summary::fhir::IdKey>,
    now: Option<LocalInstant>,
    loaded: bool,
    page: Page,
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
    /// History rows in diary order.
    History(Vec<EntryRow>),
    /// Entries in diary order.
    Entries(Vec<Entry>),
    /// The taper plan; `None` when there has never been one.
    Plan(Option<Box<PlanView>>),
    /// The patient's medicines.
    Medicines(Vec<MedicineCard>),
    /// A form to fill in.
    Form(Box<FormView>),
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
    /// What opening the diary found wrong with its entries; every shell says so when not ok.
    pub integrity: crate::domain::Integrity,
    /// Entries in the diary.
    pub entry_count: usize,
    /// Table in use (the settings' table).
    pub table: EquivalenceTable,
    /// The settings in force.
    pub settings: Settings,
    /// The patient's diary day now (before their day start, still the day before).
    pub today: Option<NaiveDate>,
    /// How the last event ended, in the patient's words ("Logged zolpidem ½ × 10 mg at 22:31.",
    /// or why a value was refused); `None` when there is nothing to say.
    pub notice: Option<String>,
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
        let today = model.diary.day(&now);
        let body = match draft.validate_on(now, today, |id| model.diary.is_goal(id)) {
            Ok(body) => body,
            Err(e) => return rejected(model, e),
        };
        // A dose or a skip names a medicine from the list, or none.
        let medicine = match &body {
            EntryBody::Dose(d) => d.medicine,
            EntryBody::Skip(s) => Some(s.medicine),
            _ => None,
        };
        if let Some(id) = medicine {
            if let Err(e) = medicine_of(&model.diary, id) {
                return rejected(model, e);
            }
        }
        if let Some(id) = replaces {
            let Some(old) = model.diary.get(id) else {
                return reject(model, Field::Id, Problem::NoSuchEntry);
            };
            if old.body.kind() != body.kind() {
                return reject(model, Field::Kind, Problem::not_allowed(Rule::EditKeepsTheKind));
            }
            let body = kept_on_edit(&old.body, body);
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
        let today = model.diary.day(&now);
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
            Err(e) => rejected(model, e),
        }
    }

    fn setting(model: &mut Model, now: LocalInstant, change: &SettingChange) -> Command<Effect, Event> {
        model.now = Some(now);
        match model.diary.settings().with(change, now) {
            Ok(settings) => {
                let body = EntryBody::Settings(Box::new(settings));
                write(match model.diary.settings_id() {
                    Some(id) => WriteSet { replace: vec![Entry { id, body }], ..WriteSet::default() },
                    None => WriteSet { insert: vec![body], ..WriteSet::default() },
                })
            }
            Err(e) => rejected(model, e),
        }
    }

    fn medicine(
        model: &mut Model,
        now: LocalInstant,
        id: EntryId,
        change: &MedicineChange,
    ) -> Command<Effect, Event> {
        model.now = Some(now);
        let changed = medicine_of(&model.diary, id).and_then(|m| match change {
            MedicineChange::Regimen(draft) => m.changed(
                &MedicineDraft { from: draft.from.or(Some(model.diary.day(&now))), ..draft.clone() },
                now,
            ),
            MedicineChange::Stop(on) => m.stop(on.unwrap_or(model.diary.day(&now))),
        });
        match changed {
            Ok(m) => write(WriteSet {
                replace: vec![Entry { id, body: EntryBody::Medicine(Box::new(m)) }],
                ..WriteSet::default()
            }),
            Err(e) => rejected(model, e),
        }
    }

    /// "Taken" (`skipped` `None`) or "Skipped" (with its note) for a medicine, at `at` or now.
    fn usual(
        model: &mut Model,
        now: LocalInstant,
        medicine: Option<EntryId>,
        at: Option<LocalInstant>,
        skipped: Option<Option<String>>,
    ) -> Command<Effect, Event> {
        model.now = Some(now);
        let at = at.unwrap_or(now);
        let day = model.diary.day(&at);
        let body = which_medicine(&model.diary, medicine, day).and_then(|(id, m)| match &skipped {
            Some(note) => Skip::new(id, at, note.as_deref(), now).map(EntryBody::Skip),
            None => {
                let plan = model.diary.active_plan().map(|(_, p)| p);
                let usual = medicines::usual_dose(plan, m, day)?;
                let (mg, tablets, strength_mg) = usual.amount.parts();
                let draft = DoseDraft {
                    taken_at: Some(at),
                    drug: m.molecule.name().to_owned(),
                    mg,
                    tablets,
                    strength_mg,
                    non_prescribed: m.use_ == Use::NonPrescribed,
                    note: None,
                    medicine: Some(id),
                };
                let mut dose = draft.validate(now)?;
                dose.planned = usual.planned;
                Ok(EntryBody::Dose(dose))
            }
        });
        match body {
            Ok(body) => write(WriteSet { insert: vec![body], ..WriteSet::default() }),
            Err(e) => rejected(model, e),
        }
    }

    fn reminders(
        model: &mut Model,
        now: LocalInstant,
        from: Option<NaiveDate>,
        days: u32,
    ) -> Command<Effect, Event> {
        model.now = Some(now);
        let days = match reminders::check_days(i64::from(days)) {
            Ok(days) => days,
            Err(e) => return rejected(model, e),
        };
        let from = from.unwrap_or(model.diary.day(&now));
        let wanted = reminders::wanted(&model.diary, from, days);
        let local = wanted.iter().map(|w| w.local).collect();
        Command::request_from_shell(ZoneOp(local)).then_send(move |placed| Event::Placed { wanted, placed })
    }

    fn stored(model: &mut Model, reply: Result<StoreReply, StoreFailed>) {
        match reply {
            Ok(StoreReply::Loaded { entries, damaged, integrity, id_key }) => {
                model.diary = Diary::from_entries(entries);
                model.damaged = damaged;
                model.integrity = integrity;
                model.id_key = id_key;
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

fn rejected(model: &mut Model, e: ValidationError) -> Command<Effect, Event> {
    model.outcome = Some(Outcome::Rejected(e));
    render()
}

/// The medicine with this id, or why it cannot be used.
fn medicine_of(diary: &Diary, id: EntryId) -> Result<&Medicine, ValidationError> {
    match diary.get(id).map(|e| &e.body) {
        Some(EntryBody::Medicine(m)) => Ok(m),
        Some(_) => Err(ValidationError::new(Field::Medicine, Problem::not_allowed(Rule::NotAMedicine))),
        None => Err(ValidationError::new(Field::Medicine, Problem::NoSuchEntry)),
    }
}

/// The medicine "taken" or "skipped" is for: the one named, or the only one taken on `day`.
fn which_medicine(
    diary: &Diary,
    id: Option<EntryId>,
    day: NaiveDate,
) -> Result<(EntryId, &Medicine), ValidationError> {
    if let Some(id) = id {
        return medicine_of(diary, id).map(|m| (id, m));
    }
    let mut taken = diary.medicines().filter(|(_, m)| m.is_taken_on(day));
    match (taken.next(), taken.next()) {
        (Some(only), None) => Ok(only),
        (None, _) => Err(ValidationError::new(Field::Medicine, Problem::Required)),
        (Some(_), Some(_)) => {
            Err(ValidationError::new(Field::Medicine, Problem::not_allowed(Rule::WhichMedicine)))
        }
    }
}

/// What an edit keeps of the entry it replaces: a goal its status, a medicine its earlier regimen
/// and its stop (the form edits the regimen in force).
fn kept_on_edit(old: &EntryBody, new: EntryBody) -> EntryBody {
    match (old, new) {
        (EntryBody::Goal(old), EntryBody::Goal(mut goal)) => {
            goal.status = old.status;
            EntryBody::Goal(goal)
        }
        (EntryBody::Medicine(old), EntryBody::Medicine(mut m)) => {
            let from = m.current().from;
            let mut regimen: Vec<_> = old.regimen.iter().filter(|r| r.from < from).cloned().collect();
            m.started = regimen.first().map_or(m.started, |r| r.from);
            regimen.append(&mut m.regimen);
            m.regimen = regimen;
            m.stopped = old.stopped;
            EntryBody::Medicine(m)
        }
        (_, new) => new,
    }
}

/// The last event's outcome in the patient's words.
fn notice(model: &Model, w: &Words<'_>) -> Option<String> {
    match model.outcome.as_ref()? {
        Outcome::Rejected(e) => Some(w.refusal(e)),
        Outcome::Saved(id) => match &model.diary.get(*id)?.body {
            EntryBody::Dose(d) if d.medicine.is_some() => {
                let drug = match d.substance {
                    Substance::Known(m) => w.t.molecule(m),
                    Substance::Unknown => w.w("unknown-substance"),
                };
                let id = if d.planned { "taken-logged-planned" } else { "taken-logged" };
                Some(w.wa(
                    id,
                    &[
                        ("drug", Arg::Str(drug)),
                        ("amount", Arg::Str(w.amount_of(d.amount))),
                        ("time", Arg::Str(clock(d.taken_at.time()))),
                    ],
                ))
            }
            EntryBody::Skip(s) => Some(w.wa("skipped-logged", &[("time", Arg::Str(clock(s.at.time())))])),
            _ => None,
        },
        _ => None,
    }
}

impl App for SteadyApp {
    type Event = Event;
    type Model = Model;
    type ViewModel = ViewModel;
    type Effect = Effect;

    fn update(&self, event: Event, model: &mut Model) -> Command<Effect, Event> {
        model.export = None;
        if event.is_from_shell() {
            model.outcome = None;
        }
        match event {
            Event::Open => {
                let load = Command::request_from_shell(StoreOp::LoadAll).then_send(Event::Stored);
                now_then(Event::Clock).then(load)
            }
            Event::Refresh => now_then(Event::Clock),
            Event::Log(draft) => now_then(move |now| Event::Validate { now, draft, replaces: None }),
            Event::Edit(id, draft) => {
                if model.diary.get(id).is_none() {
                    return reject(model, Field::Id, Problem::NoSuchEntry);
                }
                now_then(move |now| Event::Validate { now, draft, replaces: Some(id) })
            }
            Event::Delete(id) => {
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
                if model.diary.active_plan().is_none() {
                    return reject(model, Field::Plan, Problem::NoSuchEntry);
                }
                now_then(move |now| Event::PlanAt { now, action })
            }
            Event::Show(page) => {
                match page {
                    Page::Form(FormRequest::Edit { id })
                        if model.diary.get(id).is_none_or(|e| e.body.draft().is_none()) =>
                    {
                        return reject(model, Field::Id, Problem::NoSuchEntry)
                    }
                    Page::Form(FormRequest::New { kind: EntryKind::Settings }) => {
                        return reject(model, Field::Kind, Problem::not_allowed(Rule::NotAForm))
                    }
                    _ => {}
                }
                model.page = page;
                // A page shows "now": midnight may have passed, or the zone changed.
                now_then(Event::Clock)
            }
            Event::ChangeSetting(change) => now_then(move |now| Event::SettingAt { now, change }),
            Event::ChangeMedicine(id, change) => {
                if let Err(e) = medicine_of(&model.diary, id) {
                    return rejected(model, e);
                }
                now_then(move |now| Event::MedicineAt { now, id, change })
            }
            Event::Taken { medicine, at } => {
                now_then(move |now| Event::UsualAt { now, medicine, at, skipped: None })
            }
            Event::Skipped { medicine, at, note } => {
                now_then(move |now| Event::UsualAt { now, medicine, at, skipped: Some(note) })
            }
            Event::Reminders { from, days } => now_then(move |now| Event::RemindersAt { now, from, days }),
            Event::Export { period, table, mut options } => {
                let table = table.unwrap_or(model.diary.settings().table);
                options.today = options.today.or(model.now.map(|n| model.diary.day(&n)));
                options.integrity = model.integrity.clone();
                let content = summary::build_with(&model.diary, period.from(), period.to(), table, &options);
                model.export = Some(Export::Summary(Box::new(content)));
                render()
            }
            Event::ExportFile(mut request) => {
                let Some(now) = model.now else {
                    return reject(model, Field::Now, Problem::Required);
                };
                request.options.integrity = model.integrity.clone();
                request.options.id_key = model.id_key.clone();
                let table = request.table.unwrap_or(model.diary.settings().table);
                match export(&model.diary, &request, table, now) {
                    Ok(file) => model.export = Some(Export::File(file)),
                    Err(e) => model.outcome = Some(Outcome::ExportFailed(e)),
                }
                render()
            }
            Event::ExportPlan(opts) => {
                let Some(now) = model.now else {
                    return reject(model, Field::Now, Problem::Required);
                };
                match plan_view::latest(&model.diary, model.diary.day(&now)) {
                    Some(latest) => {
                        let today = model.diary.day(&now);
                        let t = Texts::shared(model.diary.settings().language);
                        let ics = plan_ics_at(&latest.plan, today, &latest.id.short(), now.to_utc(), opts, t);
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
            Event::SettingAt { now, change } => Self::setting(model, now, &change),
            Event::MedicineAt { now, id, change } => Self::medicine(model, now, id, &change),
            Event::UsualAt { now, medicine, at, skipped } => Self::usual(model, now, medicine, at, skipped),
            Event::RemindersAt { now, from, days } => Self::reminders(model, now, from, days),
            Event::Placed { wanted, placed } => {
                if let Some(now) = model.now {
                    let t = Texts::shared(model.diary.settings().language);
                    let list = reminders::build(&wanted, &placed, now, &Words::new(t));
                    model.export = Some(Export::Reminders(list));
                }
                render()
            }
            Event::Stored(reply) => {
                Self::stored(model, reply);
                render()
            }
        }
    }

    fn view(&self, model: &Model) -> ViewModel {
        let settings = model.diary.settings();
        let t = Texts::shared(settings.language);
        let w = Words::new(t);
        let today = model.now.map(|n| model.diary.day(&n));
        let span = || {
            let (first, last) = model.diary.span().unwrap_or((NaiveDate::MIN, NaiveDate::MIN));
            move |from: &Option<NaiveDate>, to: &Option<NaiveDate>| {
                (from.unwrap_or(first), to.unwrap_or(last))
            }
        };
        let page = match (&model.page, today) {
            _ if !model.loaded => PageView::Loading,
            (Page::Today, Some(today)) => {
                PageView::Today(Box::new(today::build(&model.diary, today, model.now, t)))
            }
            (Page::Today | Page::Plan | Page::Medicines | Page::Form(_), None) => PageView::Loading,
            (Page::Plan, Some(today)) => {
                PageView::Plan(plan_view::build(&model.diary, today, t).map(Box::new))
            }
            (Page::Medicines, Some(today)) => {
                let long_lived = crate::domain::LongLived::gather(&model.diary);
                PageView::Medicines(medicines::cards(&model.diary, &long_lived, today, model.now, &w, true))
            }
            (Page::Form(request), Some(today)) => {
                let form = match request {
                    FormRequest::New { kind } => forms::new_entry(*kind, &model.diary, today, &w),
                    FormRequest::Edit { id } => model.diary.get(*id).and_then(|e| forms::edit(&e.body, &w)),
                };
                match form {
                    Some(form) => PageView::Form(Box::new(form)),
                    None => PageView::Loading,
                }
            }
            (Page::History { from, to }, _) => {
                let (from, to) = span()(from, to);
                PageView::History(
                    model
                        .diary
                        .between(from, to)
                        .map(|e| EntryRow::of(e, &model.diary, &w, settings.table))
                        .collect(),
                )
            }
            (Page::Entries { from, to }, _) => {
                let (from, to) = span()(from, to);
                PageView::Entries(model.diary.between(from, to).cloned().collect())
            }
        };
        ViewModel {
            page,
            outcome: model.outcome.clone(),
            damaged: model.damaged.clone(),
            integrity: model.integrity.clone(),
            entry_count: model.diary.len(),
            table: settings.table,
            notice: notice(model, &w),
            settings,
            today,
            export: model.export.clone(),
        }
    }
}

impl Event {
    /// True for events a shell sends (which start a new outcome), false for resolved effects.
    fn is_from_shell(&self) -> bool {
        !matches!(
            self,
            Event::Clock(_)
                | Event::Validate { .. }
                | Event::PlanAt { .. }
                | Event::SettingAt { .. }
                | Event::MedicineAt { .. }
                | Event::UsualAt { .. }
                | Event::RemindersAt { .. }
                | Event::Placed { .. }
                | Event::Stored(_)
        )
    }
}

#[cfg(test)]
mod tests;
