//! The Crux app: events in, a new model and effect requests out, a view model for the shells.
//! `update` is pure: storage and the clock are effects the runtime resolves, so every rule here is
//! tested by calling `update` and inspecting the returned command.

pub mod diary;
pub mod effects;
pub mod today;

use chrono::NaiveDate;
use crux_core::macros::effect;
use crux_core::render::{render, RenderOperation};
use crux_core::{App, Command};

use crate::domain::{
    EntryBody, EntryDraft, EntryId, EquivalenceTable, LocalInstant, Problem, ValidationError,
};
use crate::store::StoreError;
use crate::summary::{self, Summary};
use diary::Diary;
pub use effects::{ClockOp, StoreOp, StoreReply};
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
    /// Today's doses, last night, the week's anxiety, active goals.
    #[default]
    Today,
    /// Entries between two local dates (inclusive); `None` = from the first / to the last.
    History { from: Option<NaiveDate>, to: Option<NaiveDate> },
    /// A summary for a period.
    Summary { from: NaiveDate, to: NaiveDate },
}

/// Events: the first group comes from shells, the second from resolved effects.
#[derive(Debug)]
pub enum Event {
    /// Load the diary and read the clock.
    Open,
    /// Re-read the clock (e.g. when the app returns to the foreground).
    Refresh,
    /// Validate and save a new entry.
    Log(EntryDraft),
    /// Validate and replace an existing entry's content.
    Edit(EntryId, EntryDraft),
    /// Delete an entry (a goal takes its reviews with it).
    Delete(EntryId),
    /// Navigate.
    Show(Page),
    /// Choose the diazepam-equivalence table.
    UseTable(EquivalenceTable),

    /// The clock answered.
    Clock(LocalInstant),
    /// The clock answered for a pending draft.
    Validate { now: LocalInstant, draft: EntryDraft, replaces: Option<EntryId> },
    /// The store answered.
    Stored(Result<StoreReply, StoreError>),
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
    /// The store failed; nothing was written.
    Failed(StoreError),
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
}

/// What the current page shows.
#[derive(Debug, Clone, PartialEq)]
pub enum PageView {
    /// Not loaded yet.
    Loading,
    /// The today screen.
    Today(TodayView),
    /// Entries in local time order.
    History(Vec<crate::domain::Entry>),
    /// A summary.
    Summary(Box<Summary>),
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
}

/// The Steady app.
#[derive(Default)]
pub struct SteadyApp;

fn reject(model: &mut Model, field: &'static str, problem: Problem) -> Command<Effect, Event> {
    model.outcome = Some(Outcome::Rejected(ValidationError::new(field, problem)));
    render()
}

impl SteadyApp {
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
        let op = match replaces {
            None => StoreOp::Insert(body),
            Some(id) => {
                let old_kind = model.diary.get(id).map(|e| e.body.kind());
                if old_kind != Some(body.kind()) {
                    return reject(model, "kind", Problem::NotAllowed("an edit keeps the entry's kind"));
                }
                StoreOp::Replace(crate::domain::Entry { id, body })
            }
        };
        Command::request_from_shell(op).then_send(Event::Stored)
    }

    fn stored(model: &mut Model, reply: Result<StoreReply, StoreError>) {
        match reply {
            Ok(StoreReply::Loaded { entries, damaged }) => {
                model.diary = Diary::from_entries(entries);
                model.damaged = damaged;
                model.loaded = true;
            }
            Ok(StoreReply::Saved(entry)) => {
                model.outcome = Some(Outcome::Saved(entry.id));
                model.diary.insert(entry);
            }
            Ok(StoreReply::Deleted(ids)) => {
                for id in &ids {
                    model.diary.remove(*id);
                }
                model.outcome = Some(Outcome::Deleted(ids));
            }
            Err(e) => model.outcome = Some(Outcome::Failed(e)),
        }
    }
}

impl App for SteadyApp {
    type Event = Event;
    type Model = Model;
    type ViewModel = ViewModel;
    type Effect = Effect;

    fn update(&self, event: Event, model: &mut Model) -> Command<Effect, Event> {
        match event {
            Event::Open => {
                model.outcome = None;
                let load = Command::request_from_shell(StoreOp::LoadAll).then_send(Event::Stored);
                let clock = Command::request_from_shell(ClockOp).then_send(Event::Clock);
                clock.then(load)
            }
            Event::Refresh => {
                model.outcome = None;
                Command::request_from_shell(ClockOp).then_send(Event::Clock)
            }
            Event::Log(draft) => {
                model.outcome = None;
                Command::request_from_shell(ClockOp).then_send(move |now| Event::Validate {
                    now,
                    draft,
                    replaces: None,
                })
            }
            Event::Edit(id, draft) => {
                model.outcome = None;
                if model.diary.get(id).is_none() {
                    return reject(model, "id", Problem::NoSuchEntry);
                }
                Command::request_from_shell(ClockOp).then_send(move |now| Event::Validate {
                    now,
                    draft,
                    replaces: Some(id),
                })
            }
            Event::Delete(id) => {
                model.outcome = None;
                let Some(entry) = model.diary.get(id) else {
                    return reject(model, "id", Problem::NoSuchEntry);
                };
                let mut ids = vec![id];
                if matches!(entry.body, EntryBody::Goal(_)) {
                    ids.extend(model.diary.reviews_of(id).map(|(rid, _)| rid));
                }
                Command::request_from_shell(StoreOp::Delete(ids)).then_send(Event::Stored)
            }
            Event::Show(page) => {
                model.outcome = None;
                if let Page::Summary { from, to } = page {
                    if from > to {
                        return reject(
                            model,
                            "from",
                            Problem::Inconsistent("the period starts after it ends"),
                        );
                    }
                }
                model.page = page;
                render()
            }
            Event::UseTable(table) => {
                model.table = table;
                render()
            }
            Event::Clock(now) => {
                model.now = Some(now);
                render()
            }
            Event::Validate { now, draft, replaces } => Self::validate(model, now, draft, replaces),
            Event::Stored(reply) => {
                Self::stored(model, reply);
                render()
            }
        }
    }

    fn view(&self, model: &Model) -> ViewModel {
        let page = match (&model.page, model.now) {
            _ if !model.loaded => PageView::Loading,
            (Page::Today, Some(now)) => {
                PageView::Today(today::build(&model.diary, now.date_naive(), model.table))
            }
            (Page::Today, None) => PageView::Loading,
            (Page::History { from, to }, _) => {
                let (first, last) = model.diary.span().unwrap_or((NaiveDate::MIN, NaiveDate::MIN));
                let (from, to) = (from.unwrap_or(first), to.unwrap_or(last));
                PageView::History(model.diary.between(from, to).cloned().collect())
            }
            (Page::Summary { from, to }, _) => {
                PageView::Summary(Box::new(summary::build(&model.diary, *from, *to, model.table)))
            }
        };
        ViewModel {
            page,
            outcome: model.outcome.clone(),
            damaged: model.damaged.clone(),
            entry_count: model.diary.len(),
            table: model.table,
        }
    }
}

#[cfg(test)]
mod tests;
