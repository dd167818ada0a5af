//! The one API every shell drives — the CLI, the phones' UniFFI object, and later notification
//! actions and widgets. A [`DiaryDir`] does what works without opening the diary (exists, create,
//! open, recover, erase); an open [`SteadyCore`] offers every write, read, export and maintenance
//! operation as a typed method. Shells only translate: arguments or foreign types in, these types
//! out.
//!
//! Inside, each operation is an event to the pure Crux app (`crate::app`): the core owns the app
//! behind an [`EffectRouter`] and the open store, and resolves the app's effects (storage, clock)
//! by draining buffer lanes after each event — never synchronously inside the router. Failures come
//! back on one channel: the method's `Err`.
//!
//! A core can be *locked*: the store (with its keys, wiped on drop) and the app model (with every
//! decrypted entry) are dropped, and every call answers [`CoreError::Locked`] until
//! [`SteadyCore::unlock`].

mod files;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime};
use crux_core::effects::routes::Buffer;
use crux_core::effects::{EffectRouter, Routes};
use crux_core::Core;

use crate::app::forms::FormView;
use crate::app::labels::AppLabels;
use crate::app::lines::EntryRow;
use crate::app::medicines::MedicineCard;
use crate::app::plan_view::PlanView;
use crate::app::reminders::Reminder;
use crate::app::today::TodayView;
use crate::app::words::Words;
use crate::app::{
    ClockOp, Effect, Event, Export, FormRequest, MedicineChange, Outcome, Page, PageView, PlanAction,
    SteadyApp, StoreFailed, StoreOp, StoreReply, ViewModel, ZoneOp,
};
use crate::domain::{
    wall_clock, Entry, EntryDraft, EntryId, EquivalenceTable, GoalStatus, LocalInstant, MedicineDraft,
    Period, SettingChange, Settings, ValidationError, Zone,
};
use crate::i18n::Texts;
use crate::store::backup::{self, BackupError};
use crate::store::{ImportReport, Recovery, Store, StoreError, Unlock};
use crate::summary::export::{ExportError, ExportFile, SummaryRequest};
use crate::summary::Summary;

/// Errors a shell sees: one enum for the whole core, keeping each failure's cause as its source;
/// the FFI maps it once more into what a phone can act on.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum CoreError {
    /// Input refused; names the field and the problem. Nothing was written.
    #[error("invalid input: {0}")]
    Invalid(#[from] ValidationError),
    /// Storage failed (wrong key, damaged file, disk full…). Nothing was wiped.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A backup file was refused (wrong passphrase, damaged, too large…). Nothing was imported.
    #[error(transparent)]
    Backup(#[from] BackupError),
    /// A summary file could not be made (a bug or a resource limit). Nothing was written.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// The diary is locked: unlock it first. Nothing was read or written.
    #[error("the diary is locked")]
    Locked,
    /// An internal invariant broke (a bug); reported instead of crashing the shell.
    #[error("internal error: {0}")]
    Internal(String),
}

/// Where "now" comes from, and (as a [`Zone`]) the rules of the patient's time zone, for local
/// times at other moments than now: the device clock, or a fixed instant in tests and demos.
pub trait Clock: Zone + Send + Sync {
    /// The current instant with the device's UTC offset.
    fn now(&self) -> DateTime<FixedOffset>;
}

/// The device clock in its local time zone.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Zone for SystemClock {
    fn offset_at(&self, utc: NaiveDateTime) -> FixedOffset {
        Local.offset_at(utc)
    }
}

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset()
    }
}

/// A clock that always answers the same instant, in a zone that keeps that instant's offset.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<FixedOffset>);

impl Zone for FixedClock {
    fn offset_at(&self, _utc: NaiveDateTime) -> FixedOffset {
        *self.0.offset()
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}

/// A small value kept where the diary file cannot reach it — the Keychain or the Keystore on a
/// phone — so that an older copy of the whole diary put back in place (a restored file-system
/// snapshot, a file copied back by someone with access to it) is noticed: the file's manifest
/// generation only ever grows, and a file older than the latest one seen here is refused
/// ([`StoreError::RolledBack`]). Where no such place exists (a passphrase diary on a laptop), a
/// whole-file rollback cannot be detected; README says so.
pub trait Generations: Send + Sync {
    /// The latest generation recorded for this diary, if any.
    fn latest(&self) -> Option<u64>;
    /// Records a newer generation (called after every write).
    fn record(&self, generation: u64);
}

/// The directory a diary lives in, and what works without opening it: whether there is a diary,
/// creating or opening one, recovering a damaged one, erasing one whose key is lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiaryDir {
    path: PathBuf,
}

impl DiaryDir {
    /// The diary directory at `path` (nothing is touched yet).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when a diary file exists here (checked before asking anyone for a passphrase).
    pub fn exists(&self) -> bool {
        self.path.join(crate::store::DB_FILE).exists()
    }

    /// Creates a new diary here; refused when one exists.
    pub fn create(&self, unlock: &Unlock, clock: Arc<dyn Clock>) -> Result<SteadyCore, CoreError> {
        SteadyCore::start(Store::create(&self.path, unlock)?, clock)
    }

    /// Opens the diary here; a wrong key is refused before anything is written.
    pub fn open(&self, unlock: &Unlock, clock: Arc<dyn Clock>) -> Result<SteadyCore, CoreError> {
        SteadyCore::start(Store::open(&self.path, unlock)?, clock)
    }

    /// [`Self::open_or_create`], keeping the diary's generation in `generations` (a place the file
    /// cannot reach): a file older than the latest generation recorded there is refused with
    /// [`StoreError::RolledBack`] and left untouched.
    pub fn open_or_create_guarded(
        &self,
        unlock: &Unlock,
        clock: Arc<dyn Clock>,
        generations: Arc<dyn Generations>,
    ) -> Result<SteadyCore, CoreError> {
        SteadyCore::start_guarded(Store::open_or_create(&self.path, unlock)?, clock, Some(generations))
    }

    /// Opens the diary here, creating it on first use. A damaged file is never replaced.
    pub fn open_or_create(&self, unlock: &Unlock, clock: Arc<dyn Clock>) -> Result<SteadyCore, CoreError> {
        SteadyCore::start(Store::open_or_create(&self.path, unlock)?, clock)
    }

    /// Rescues a damaged diary (which must not be open): keeps the damaged files in a `damaged-…`
    /// folder and copies every readable entry into a new diary here.
    pub fn recover(&self, unlock: &Unlock) -> Result<Recovery, CoreError> {
        Ok(crate::store::recover(&self.path, unlock)?)
    }

    /// Overwrites and deletes the diary and its kept copies, without needing the key (a lost key,
    /// or the patient's wish). Returns how many files were erased.
    pub fn erase(&self) -> Result<usize, CoreError> {
        Ok(crate::store::erase(&self.path)?)
    }
}

/// The lanes effects are routed to. Everything is resolved in Rust, so all are buffers.
#[derive(Clone)]
struct Lanes {
    store: Arc<Buffer<StoreOp>>,
    clock: Arc<Buffer<ClockOp>>,
    zone: Arc<Buffer<ZoneOp>>,
}

impl Routes<SteadyApp> for Lanes {
    fn new(_router: Weak<EffectRouter<SteadyApp, Self>>) -> Self {
        Self { store: Arc::default(), clock: Arc::default(), zone: Arc::default() }
    }
}

/// A diary with its app core; locked or unlocked.
pub struct SteadyCore {
    dir: DiaryDir,
    clock: Arc<dyn Clock>,
    /// Where the latest generation is kept out of the file's reach, if the platform has a place.
    generations: Option<Arc<dyn Generations>>,
    /// `None` while locked. Held for a whole event, so one event and all its follow-up effects
    /// complete before the next starts.
    session: Mutex<Option<Session>>,
}

/// What exists only while unlocked: the app (whose model holds decrypted entries) and the store
/// (which holds the keys).
struct Session {
    router: Arc<EffectRouter<SteadyApp, Lanes>>,
    store: Store,
    /// The view after the last event. The model changes only inside an event, so this is the
    /// app's view until the next one; answering `view()` from it saves rebuilding the today page
    /// (which walks the whole diary) on every read.
    view: ViewModel,
    /// Why the store refused the last request; the app only learns that it failed.
    store_error: Option<StoreError>,
}

impl std::fmt::Debug for SteadyCore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SteadyCore").finish_non_exhaustive()
    }
}

/// A backup file made by [`SteadyCore::backup`].
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BackupFile {
    /// The sealed file, useless without the backup passphrase.
    pub file: ExportFile,
    /// Entries in the file.
    pub entries: u64,
    /// Entries left out because they are damaged (they could not be decrypted) — listed, never
    /// silently dropped.
    pub skipped: Vec<EntryId>,
}

crate::domain::redacted_debug!(BackupFile);

impl SteadyCore {
    /// A fresh app over `store`, loaded from it.
    fn start(store: Store, clock: Arc<dyn Clock>) -> Result<Self, CoreError> {
        Self::start_guarded(store, clock, None)
    }

    fn start_guarded(
        store: Store,
        clock: Arc<dyn Clock>,
        generations: Option<Arc<dyn Generations>>,
    ) -> Result<Self, CoreError> {
        let core = Self { dir: DiaryDir::new(store.dir()), clock, generations, session: Mutex::new(None) };
        core.begin(store)?;
        Ok(core)
    }

    fn begin(&self, store: Store) -> Result<ViewModel, CoreError> {
        if let Some(generations) = &self.generations {
            let found = store.generation();
            if let Some(expected) = generations.latest().filter(|&latest| latest > found) {
                return Err(StoreError::RolledBack { found, expected }.into());
            }
            generations.record(found);
        }
        let router = EffectRouter::new(Core::<SteadyApp>::new(), |lanes: Lanes| {
            move |effect| match effect {
                Effect::Store(request) => lanes.store.push(request),
                Effect::Clock(request) => lanes.clock.push(request),
                Effect::Zone(request) => lanes.zone.push(request),
                // Rendering is the shell's business: it reads the view after each operation.
                Effect::Render(_) => {}
            }
        });
        let mut guard = self.session()?;
        let view = router.view();
        *guard = Some(Session { router, store, view, store_error: None });
        let result =
            Self::run_event(&mut guard, self.clock.as_ref(), self.generations.as_deref(), Event::Open);
        if result.is_err() {
            // A diary that cannot load stays closed rather than showing an empty app.
            *guard = None;
        }
        result
    }

    /// Sends one event, resolves every effect it causes, and returns the new view model. A
    /// refused draft or a failed write comes back as `Err`, with nothing written.
    fn dispatch(&self, event: Event) -> Result<ViewModel, CoreError> {
        Self::run_event(&mut self.session()?, self.clock.as_ref(), self.generations.as_deref(), event)
    }

    fn run_event(
        guard: &mut MutexGuard<'_, Option<Session>>,
        clock: &dyn Clock,
        generations: Option<&dyn Generations>,
        event: Event,
    ) -> Result<ViewModel, CoreError> {
        let session = guard.as_mut().ok_or(CoreError::Locked)?;
        session.store_error = None;
        session.router.update(event);
        session.drain(clock)?;
        if let Some(generations) = generations {
            generations.record(session.store.generation());
        }
        let view = session.router.view();
        session.view = view.clone();
        match &view.outcome {
            Some(Outcome::Rejected(e)) => Err(e.clone().into()),
            Some(Outcome::Failed) => Err(session
                .store_error
                .take()
                .map_or_else(|| CoreError::Internal("the store failed without a cause".into()), Into::into)),
            Some(Outcome::ExportFailed(e)) => Err(e.clone().into()),
            _ => Ok(view),
        }
    }

    // --- writes -------------------------------------------------------------------------------

    /// Validates and saves a new entry (a goal review also updates its goal); returns its id.
    pub fn log(&self, draft: EntryDraft) -> Result<EntryId, CoreError> {
        saved(self.dispatch(Event::Log(draft))?)
    }

    /// Replaces an entry's content, keeping its id and kind.
    pub fn edit(&self, id: EntryId, draft: EntryDraft) -> Result<EntryId, CoreError> {
        saved(self.dispatch(Event::Edit(id, draft))?)
    }

    /// Deletes an entry (a goal takes its reviews with it); returns every id deleted.
    pub fn delete(&self, id: EntryId) -> Result<Vec<EntryId>, CoreError> {
        match self.dispatch(Event::Delete(id))?.outcome {
            Some(Outcome::Deleted(ids)) => Ok(ids),
            _ => Err(CoreError::Internal("the delete was not confirmed".into())),
        }
    }

    /// Moves a goal through its lifecycle.
    pub fn set_goal_status(&self, goal: EntryId, status: GoalStatus) -> Result<(), CoreError> {
        self.dispatch(Event::SetGoalStatus(goal, status)).map(drop)
    }

    /// Holds, resumes, re-paces or ends the active taper plan.
    pub fn plan_action(&self, action: PlanAction) -> Result<(), CoreError> {
        self.dispatch(Event::Plan(action)).map(drop)
    }

    /// Chooses the diazepam-equivalence table for every figure shown (a setting, kept in the
    /// diary).
    pub fn use_table(&self, table: EquivalenceTable) -> Result<(), CoreError> {
        self.change_setting(SettingChange::Table { table }).map(drop)
    }

    /// Changes one setting (day start, language, check-in, table) and returns the settings now in
    /// force.
    pub fn change_setting(&self, change: SettingChange) -> Result<Settings, CoreError> {
        Ok(self.dispatch(Event::ChangeSetting(change))?.settings)
    }

    /// Adds a medicine to the patient's list; returns its id.
    pub fn add_medicine(&self, draft: MedicineDraft) -> Result<EntryId, CoreError> {
        self.log(EntryDraft::Medicine(draft))
    }

    /// Changes a medicine's amount or times from `draft.from` (today by default); the regimen before
    /// that day is kept for older summaries.
    pub fn change_medicine(&self, id: EntryId, draft: MedicineDraft) -> Result<(), CoreError> {
        self.dispatch(Event::ChangeMedicine(id, MedicineChange::Regimen(draft))).map(drop)
    }

    /// Stops a medicine after `on` (its last day; `None` = today).
    pub fn stop_medicine(&self, id: EntryId, on: Option<NaiveDate>) -> Result<(), CoreError> {
        self.dispatch(Event::ChangeMedicine(id, MedicineChange::Stop(on))).map(drop)
    }

    /// Logs a medicine's usual dose in one step — the taper plan's dose of that day while a plan
    /// covers it — at `at` (`None` = now). `medicine` may be left out when only one is taken.
    pub fn taken(&self, medicine: Option<EntryId>, at: Option<LocalInstant>) -> Result<Logged, CoreError> {
        logged(self.dispatch(Event::Taken { medicine, at })?)
    }

    /// Notes a usual dose as skipped.
    pub fn skipped(
        &self,
        medicine: Option<EntryId>,
        at: Option<LocalInstant>,
        note: Option<String>,
    ) -> Result<Logged, CoreError> {
        logged(self.dispatch(Event::Skipped { medicine, at, note })?)
    }

    /// Re-reads the clock (the app came back to the foreground, midnight passed).
    pub fn refresh(&self) -> Result<ViewModel, CoreError> {
        self.dispatch(Event::Refresh)
    }

    // --- reads --------------------------------------------------------------------------------

    /// The current view model (the page last shown, the diary's status), without changing
    /// anything.
    pub fn view(&self) -> Result<ViewModel, CoreError> {
        Ok(self.session()?.as_ref().ok_or(CoreError::Locked)?.view.clone())
    }

    /// The settings in force.
    pub fn settings(&self) -> Result<Settings, CoreError> {
        Ok(self.view()?.settings)
    }

    /// The patient's language (English while locked, when no setting can be read).
    pub fn language(&self) -> crate::domain::Lang {
        self.session().ok().and_then(|s| s.as_ref().map(|s| s.view.settings.language)).unwrap_or_default()
    }

    /// Screen titles and button labels in the patient's language.
    pub fn labels(&self) -> Result<AppLabels, CoreError> {
        Ok(AppLabels::new(Texts::shared(self.settings()?.language)))
    }

    /// Every medicine on the list (stopped ones last), with today's counts.
    pub fn medicines(&self) -> Result<Vec<MedicineCard>, CoreError> {
        match self.dispatch(Event::Show(Page::Medicines))?.page {
            PageView::Medicines(cards) => Ok(cards),
            _ => Err(CoreError::Internal("the core did not build the medicine list".into())),
        }
    }

    /// The reminders of `days` diary days (1–31) from `from` (`None` = today), soonest first,
    /// at most 64: the local instants, exact across DST changes, with neutral texts.
    pub fn reminders(&self, from: Option<NaiveDate>, days: u32) -> Result<Vec<Reminder>, CoreError> {
        match self.dispatch(Event::Reminders { from, days })?.export {
            Some(Export::Reminders(list)) => Ok(list),
            _ => Err(CoreError::Internal("the core did not compute the reminders".into())),
        }
    }

    /// A form: blank (started from the last entry of that kind) or filled with an entry to edit.
    pub fn form(&self, request: FormRequest) -> Result<FormView, CoreError> {
        match self.dispatch(Event::Show(Page::Form(request)))?.page {
            PageView::Form(form) => Ok(*form),
            _ => Err(CoreError::Internal("the core did not build the form".into())),
        }
    }

    /// An entry's structured values, to prefill an edit form.
    pub fn entry_draft(&self, id: EntryId) -> Result<EntryDraft, CoreError> {
        self.form(FormRequest::Edit { id })?
            .prefill
            .ok_or_else(|| CoreError::Internal("an entry without a form".into()))
    }

    /// An error in the patient's words and language (a refused value names its field).
    pub fn describe(&self, error: &CoreError) -> String {
        error.in_words(Texts::shared(self.language()))
    }

    /// Today: doses and totals, last night, the week's anxiety, open goals, the plan's step.
    pub fn today(&self) -> Result<TodayView, CoreError> {
        match self.dispatch(Event::Show(Page::Today))?.page {
            PageView::Today(view) => Ok(*view),
            _ => Err(CoreError::Internal("the core did not build the today view".into())),
        }
    }

    /// Entries whose local date is within the period, in local time order; `None` = from the
    /// first entry / to the last.
    pub fn entries(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<Entry>, CoreError> {
        if let (Some(from), Some(to)) = (from, to) {
            Period::new(from, to)?;
        }
        match self.dispatch(Event::Show(Page::Entries { from, to }))?.page {
            PageView::Entries(list) => Ok(list),
            _ => Err(CoreError::Internal("the core did not build the entry list".into())),
        }
    }

    /// History rows (the entry, its moment and one line) for the period, in local time order, with
    /// diazepam equivalents under the diary's table.
    pub fn history(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<EntryRow>, CoreError> {
        if let (Some(from), Some(to)) = (from, to) {
            Period::new(from, to)?;
        }
        match self.dispatch(Event::Show(Page::History { from, to }))?.page {
            PageView::History(rows) => Ok(rows),
            _ => Err(CoreError::Internal("the core did not build the history".into())),
        }
    }

    /// The latest taper plan with its schedule and plan-versus-logged, or `None` if there never
    /// was one.
    pub fn plan(&self) -> Result<Option<PlanView>, CoreError> {
        match self.dispatch(Event::Show(Page::Plan))?.page {
            PageView::Plan(view) => Ok(view.map(|v| *v)),
            _ => Err(CoreError::Internal("the core did not build the plan view".into())),
        }
    }

    /// What a summary shows for a period (for a screen, or a shell's own rendering).
    pub fn summary(&self, request: &SummaryRequest) -> Result<Summary, CoreError> {
        let resolved = request.resolve(self.today_date())?;
        let event =
            Event::Export { period: resolved.period, table: resolved.table, options: resolved.options };
        match self.dispatch(event)?.export {
            Some(Export::Summary(summary)) => Ok(*summary),
            _ => Err(CoreError::Internal("the core did not build the summary".into())),
        }
    }

    /// The patient's diary day now (per this core's clock and the patient's day start).
    pub fn today_date(&self) -> NaiveDate {
        let now = self.clock.now();
        let day_start = self.view().map(|v| v.settings.day_start).unwrap_or(crate::domain::DEFAULT_DAY_START);
        crate::domain::diary::diary_day(now.date_naive(), now.time(), day_start).0
    }

    /// Reads a local time typed by a person — `YYYY-MM-DD HH:MM`, `HH:MM` (today) or RFC 3339 —
    /// in the patient's zone, exactly at DST changes (the grammar of [`crate::domain::parse`]).
    pub fn read_instant(&self, field: crate::domain::Field, text: &str) -> Result<LocalInstant, CoreError> {
        Ok(crate::domain::parse::instant(field, text, self.clock.as_ref(), self.today_date())?)
    }

    // --- exports ------------------------------------------------------------------------------

    /// A summary file to share: text, JSON, CSV, PDF or FHIR, in the clinician's language,
    /// leaving out what the patient chose (and saying so). Its name and type are decided here.
    pub fn export(&self, request: &SummaryRequest) -> Result<ExportFile, CoreError> {
        let resolved = request.resolve(self.today_date())?;
        match self.dispatch(Event::ExportFile(resolved))?.export {
            Some(Export::File(file)) => Ok(file),
            _ => Err(CoreError::Internal("the core did not make the summary file".into())),
        }
    }

    /// The taper plan's upcoming steps as an iCalendar file with neutral titles in the patient's
    /// language (no drug names, no doses), cancelled events for steps that went away, and a
    /// reminder `alarm_min` minutes before each step's day when asked, for the patient's calendar.
    pub fn plan_calendar(&self, alarm_min: Option<u32>) -> Result<ExportFile, CoreError> {
        match self.dispatch(Event::ExportPlan(crate::plan::IcsOptions { alarm_min }))?.export {
            Some(Export::File(file)) => Ok(file),
            _ => Err(CoreError::Internal("the core did not export the plan".into())),
        }
    }

    /// A backup of every readable entry, sealed with `passphrase`. Damaged entries cannot be
    /// decrypted and are listed in `skipped`, never silently dropped.
    pub fn backup(&self, passphrase: &str) -> Result<BackupFile, CoreError> {
        let loaded = self.with_store(|s| s.load_all())??;
        let bytes = backup::write(&loaded.entries, passphrase)?;
        Ok(BackupFile {
            file: ExportFile::new(bytes, "application/octet-stream", "steady-backup.steadybackup"),
            entries: loaded.entries.len() as u64,
            skipped: loaded.damaged,
        })
    }

    /// Imports a backup in one transaction (all records or none), matching entries by id so a
    /// second import of the same file adds nothing, and reloads the app.
    pub fn restore(&self, bytes: &[u8], passphrase: &str) -> Result<ImportReport, CoreError> {
        let entries = backup::read(bytes, passphrase)?;
        let report = self.with_store(|s| s.import(&entries))??;
        self.dispatch(Event::Open)?;
        Ok(report)
    }

    /// [`Self::restore`] from a file: only a regular file, read up to the backup size cap (a
    /// device or a pipe is refused before anything is read).
    pub fn restore_file(&self, path: &Path, passphrase: &str) -> Result<ImportReport, CoreError> {
        let bytes = files::read_bounded(path, backup::MAX_BACKUP_BYTES)?;
        self.restore(&bytes, passphrase)
    }

    // --- keys and safety ----------------------------------------------------------------------

    /// Locks the diary: drops the store, whose keys are wiped from memory, and the app model with
    /// every decrypted entry. Every call then returns [`CoreError::Locked`] until [`Self::unlock`].
    pub fn lock(&self) -> Result<(), CoreError> {
        let mut guard = self.session()?;
        if let Some(session) = guard.take() {
            // Nothing of the diary is left in the write-ahead log once locked (best effort: a
            // reader in another process may hold part of it until it closes).
            let _ = session.store.checkpoint();
        }
        Ok(())
    }

    /// Whether the diary is locked.
    pub fn is_locked(&self) -> bool {
        self.session().map(|s| s.is_none()).unwrap_or(true)
    }

    /// Opens the diary again with `unlock` (a wrong key leaves it locked and unchanged).
    pub fn unlock(&self, unlock: &Unlock) -> Result<ViewModel, CoreError> {
        self.lock()?;
        self.begin(Store::open(self.dir.path(), unlock)?)
    }

    /// Changes the passphrase or keystore key and rotates the data key, in one transaction.
    pub fn rekey(&self, new: &Unlock) -> Result<(), CoreError> {
        Ok(self.with_store(|s| s.rekey(new))??)
    }

    /// Re-seals every entry under a fresh data key, protected as before (keystore diaries, where
    /// the keystore key itself stays).
    pub fn rotate_key(&self) -> Result<(), CoreError> {
        Ok(self.with_store(|s| s.rotate_data_key())??)
    }

    /// Erases the diary (data and key material) and leaves this core locked for good. Works while
    /// locked too. Returns how many files were erased.
    pub fn erase(&self) -> Result<usize, CoreError> {
        let mut guard = self.session()?;
        match guard.take() {
            Some(session) => Ok(session.store.erase()?),
            None => self.dir.erase(),
        }
    }

    /// Runs `f` with the open store.
    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> T) -> Result<T, CoreError> {
        let mut guard = self.session()?;
        let store = &mut guard.as_mut().ok_or(CoreError::Locked)?.store;
        let out = f(store);
        if let Some(generations) = &self.generations {
            generations.record(store.generation());
        }
        Ok(out)
    }

    /// A core over an already open store, for benchmarks that time the store and the app apart.
    #[cfg(feature = "internals")]
    pub fn over_store(store: Store, clock: Arc<dyn Clock>) -> Result<Self, CoreError> {
        Self::start(store, clock)
    }

    /// Runs `f` with the open store, for tests and benchmarks that must reach below the API
    /// (page limits, raw loads).
    #[cfg(feature = "internals")]
    pub fn with_store_mut<T>(&self, f: impl FnOnce(&mut Store) -> T) -> Result<T, CoreError> {
        self.with_store(f)
    }

    fn session(&self) -> Result<MutexGuard<'_, Option<Session>>, CoreError> {
        self.session.lock().map_err(|_| CoreError::Internal("diary lock poisoned".into()))
    }
}

/// What one-step "taken" or "skipped" logged: the entry and a sentence saying so.
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Logged {
    /// The new entry's id (to undo it).
    pub id: EntryId,
    /// "Logged zolpidem ½ × 10 mg (5 mg) at 22:31 (today's planned dose)." in the patient's language.
    pub text: String,
}

crate::domain::redacted_debug!(Logged);

fn logged(view: ViewModel) -> Result<Logged, CoreError> {
    let text = view.notice.clone().unwrap_or_default();
    Ok(Logged { id: saved(view)?, text })
}

impl CoreError {
    /// This error in plain words, in `t`'s language.
    pub fn in_words(&self, t: &Texts) -> String {
        let w = Words::new(t);
        let id = match self {
            CoreError::Invalid(e) => return w.refusal(e),
            CoreError::Store(StoreError::WrongKey) => "error-wrong-key",
            CoreError::Store(StoreError::Tampered { .. }) => "error-tampered",
            CoreError::Store(StoreError::Corrupt(_)) => "error-corrupt",
            CoreError::Store(StoreError::DiskFull) => "error-disk-full",
            CoreError::Store(StoreError::KeyDamaged) => "error-key-damaged",
            CoreError::Store(StoreError::KeyChanged) => "error-key-changed",
            CoreError::Store(StoreError::RolledBack { .. }) => "error-rolled-back",
            CoreError::Store(StoreError::UnexpectedSchema(_) | StoreError::StateUnreadable) => {
                "error-corrupt"
            }
            CoreError::Store(StoreError::BadKeyLength(_)) => "error-key-provider",
            CoreError::Store(_) => "error-storage",
            CoreError::Backup(BackupError::WrongPassphrase) => "error-wrong-passphrase",
            CoreError::Backup(_) => "error-bad-backup",
            CoreError::Locked => "error-locked",
            CoreError::Export(_) | CoreError::Internal(_) => "error-internal",
        };
        w.w(id)
    }
}

/// The id of the entry an event saved.
fn saved(view: ViewModel) -> Result<EntryId, CoreError> {
    match view.outcome {
        Some(Outcome::Saved(id)) => Ok(id),
        _ => Err(CoreError::Internal("the save was not confirmed".into())),
    }
}

impl Session {
    /// Resolves buffered requests until no lane has work; follow-ups land back in the lanes.
    fn drain(&mut self, clock: &dyn Clock) -> Result<(), CoreError> {
        let router = Arc::clone(&self.router);
        let lanes = &router.routes;
        loop {
            let clock_requests = lanes.clock.drain();
            let zone_requests = lanes.zone.drain();
            let store_requests = lanes.store.drain();
            if clock_requests.is_empty() && zone_requests.is_empty() && store_requests.is_empty() {
                return Ok(());
            }
            for request in clock_requests {
                let (_, mut handle) = request.split();
                router.resolve(&mut handle, clock.now()).map_err(internal)?;
            }
            for request in zone_requests {
                let (ZoneOp(local), mut handle) = request.split();
                let placed = local.into_iter().map(|naive| wall_clock(clock, naive)).collect();
                router.resolve(&mut handle, placed).map_err(internal)?;
            }
            for request in store_requests {
                let (op, mut handle) = request.split();
                let reply = run(&mut self.store, op).map_err(|e| {
                    self.store_error = Some(e);
                    StoreFailed
                });
                router.resolve(&mut handle, reply).map_err(internal)?;
            }
        }
    }
}

fn internal(e: impl std::fmt::Display) -> CoreError {
    CoreError::Internal(e.to_string())
}

/// Carries out one store request.
fn run(store: &mut Store, op: StoreOp) -> Result<StoreReply, StoreError> {
    match op {
        StoreOp::LoadAll => {
            let loaded = store.load_all()?;
            Ok(StoreReply::Loaded {
                entries: loaded.entries,
                damaged: loaded.damaged,
                integrity: loaded.integrity,
                id_key: Some(crate::summary::fhir::IdKey(*store.export_key())),
            })
        }
        StoreOp::Write(set) => {
            let mut saved: Vec<Entry> =
                set.insert.into_iter().map(|body| Entry { id: EntryId::new(), body }).collect();
            saved.extend(set.replace);
            store.write(&saved, &set.delete)?;
            Ok(StoreReply::Written { saved, deleted: set.delete })
        }
    }
}
