//! The one object a shell drives: it owns the Crux core behind an [`EffectRouter`] and the open
//! [`Store`], and resolves the app's Rust-side effects (storage, clock) by draining buffer lanes
//! after each event — never synchronously inside the router. The CLI uses it now; the UniFFI
//! object wraps it for the phones.
//!
//! It can be *locked*: the store (with its keys, wiped on drop) and the app model (with every
//! decrypted entry) are dropped, and every call answers [`CoreError::Locked`] until [`SteadyCore::unlock`].

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use chrono::{DateTime, FixedOffset, Local};
use crux_core::effects::routes::Buffer;
use crux_core::effects::{EffectRouter, Routes};
use crux_core::Core;

use crate::app::{ClockOp, Effect, Event, Outcome, SteadyApp, StoreOp, StoreReply, ViewModel};
use crate::domain::{Entry, EntryId, ValidationError};
use crate::store::backup::{self, BackupError};
use crate::store::{ImportReport, Store, StoreError, Unlock};

/// Errors a shell sees: one enum for the whole core, mapped once more at the FFI edge.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CoreError {
    /// Input refused; names the field. Nothing was written.
    #[error("invalid input: {0}")]
    Invalid(#[from] ValidationError),
    /// Storage failed (wrong key, damaged file, disk full…). Nothing was wiped.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A backup file was refused (wrong passphrase, damaged, too large…). Nothing was imported.
    #[error(transparent)]
    Backup(#[from] BackupError),
    /// The diary is locked: unlock it first. Nothing was read or written.
    #[error("the diary is locked")]
    Locked,
    /// An internal invariant broke (a bug); reported instead of crashing the shell.
    #[error("internal error: {0}")]
    Internal(String),
}

/// Where "now" comes from: the device clock, or a fixed instant in tests and demos.
pub trait Clock: Send + Sync {
    /// The current instant with the device's UTC offset.
    fn now(&self) -> DateTime<FixedOffset>;
}

/// The device clock in its local time zone.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset()
    }
}

/// A clock that always answers the same instant.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<FixedOffset>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}

/// The lanes effects are routed to. Everything is resolved in Rust, so all are buffers.
#[derive(Clone)]
struct Lanes {
    store: Arc<Buffer<StoreOp>>,
    clock: Arc<Buffer<ClockOp>>,
}

impl Routes<SteadyApp> for Lanes {
    fn new(_router: Weak<EffectRouter<SteadyApp, Self>>) -> Self {
        Self { store: Arc::default(), clock: Arc::default() }
    }
}

/// A diary with its app core; locked or unlocked.
pub struct SteadyCore {
    dir: PathBuf,
    clock: Arc<dyn Clock>,
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
}

impl std::fmt::Debug for SteadyCore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SteadyCore").finish_non_exhaustive()
    }
}

/// A backup file made by [`SteadyCore::backup`].
pub struct BackupFile {
    /// The sealed file.
    pub bytes: Vec<u8>,
    /// Entries left out because they are damaged (they could not be decrypted).
    pub skipped: Vec<EntryId>,
    /// Entries in the file.
    pub entries: usize,
}

impl SteadyCore {
    /// Opens the diary in `dir` (creating it when `create` is set) and loads it.
    pub fn open(dir: &Path, unlock: &Unlock, create: bool, clock: Box<dyn Clock>) -> Result<Self, CoreError> {
        let store = if create { Store::open_or_create(dir, unlock)? } else { Store::open(dir, unlock)? };
        Self::with_store(store, clock)
    }

    /// Wraps an already-open store and loads it.
    pub fn with_store(store: Store, clock: Box<dyn Clock>) -> Result<Self, CoreError> {
        let core = Self { dir: store.dir().to_owned(), clock: Arc::from(clock), session: Mutex::new(None) };
        core.start(store)?;
        Ok(core)
    }

    /// A fresh app over `store`, loaded from it.
    fn start(&self, store: Store) -> Result<ViewModel, CoreError> {
        let router = EffectRouter::new(Core::<SteadyApp>::new(), |lanes: Lanes| {
            move |effect| match effect {
                Effect::Store(request) => lanes.store.push(request),
                Effect::Clock(request) => lanes.clock.push(request),
                // Rendering is the shell's business: it reads `view()` after each dispatch.
                Effect::Render(_) => {}
            }
        });
        let mut guard = self.session()?;
        let view = router.view();
        *guard = Some(Session { router, store, view });
        let result = Self::run_event(&mut guard, self.clock.as_ref(), Event::Open);
        if result.is_err() {
            // A diary that cannot load stays closed rather than showing an empty app.
            *guard = None;
        }
        result
    }

    /// Sends one event, resolves every effect it causes, and returns the new view model.
    /// A rejected draft or a failed write comes back as `Err`, with nothing written.
    pub fn dispatch(&self, event: Event) -> Result<ViewModel, CoreError> {
        Self::run_event(&mut self.session()?, self.clock.as_ref(), event)
    }

    fn run_event(
        guard: &mut MutexGuard<'_, Option<Session>>,
        clock: &dyn Clock,
        event: Event,
    ) -> Result<ViewModel, CoreError> {
        let session = guard.as_mut().ok_or(CoreError::Locked)?;
        session.router.update(event);
        session.drain(clock)?;
        let view = session.router.view();
        session.view = view.clone();
        match &view.outcome {
            Some(Outcome::Rejected(e)) => Err(e.clone().into()),
            Some(Outcome::Failed(e)) => Err(e.clone().into()),
            Some(Outcome::ExportFailed(e)) => Err(CoreError::Internal(e.to_string())),
            _ => Ok(view),
        }
    }

    /// The current view model.
    pub fn view(&self) -> Result<ViewModel, CoreError> {
        Ok(self.session()?.as_ref().ok_or(CoreError::Locked)?.view.clone())
    }

    /// The id of the entry the last event saved, if it saved one (`None` while locked).
    pub fn last_saved(&self) -> Option<EntryId> {
        match self.view().ok()?.outcome {
            Some(Outcome::Saved(id)) => Some(id),
            _ => None,
        }
    }

    /// Runs `f` with the store (for maintenance such as checkpoints).
    pub fn with_store_mut<T>(&self, f: impl FnOnce(&mut Store) -> T) -> Result<T, CoreError> {
        let mut guard = self.session()?;
        Ok(f(&mut guard.as_mut().ok_or(CoreError::Locked)?.store))
    }

    /// Locks the diary: drops the store, whose keys are wiped from memory, and the app model with
    /// every decrypted entry. Every call then returns [`CoreError::Locked`] until [`Self::unlock`].
    pub fn lock(&self) -> Result<(), CoreError> {
        *self.session()? = None;
        Ok(())
    }

    /// Whether the diary is locked.
    pub fn is_locked(&self) -> bool {
        self.session().map(|s| s.is_none()).unwrap_or(true)
    }

    /// Opens the diary again with `unlock` (a wrong key leaves it locked and unchanged).
    pub fn unlock(&self, unlock: &Unlock) -> Result<ViewModel, CoreError> {
        self.lock()?;
        self.start(Store::open(&self.dir, unlock)?)
    }

    /// Changes the passphrase or keystore key and rotates the data key, in one transaction.
    pub fn rekey(&self, new: &Unlock) -> Result<(), CoreError> {
        Ok(self.with_store_mut(|s| s.rekey(new))??)
    }

    /// Re-seals every entry under a fresh data key, protected as before (keystore diaries, where
    /// the keystore key itself stays).
    pub fn rotate_key(&self) -> Result<(), CoreError> {
        Ok(self.with_store_mut(|s| s.rotate_data_key())??)
    }

    /// A backup of every readable entry, sealed with `passphrase`. Damaged entries cannot be
    /// decrypted and are listed in `skipped`, never silently dropped.
    pub fn backup(&self, passphrase: &str) -> Result<BackupFile, CoreError> {
        let loaded = self.with_store_mut(|s| s.load_all())??;
        let bytes = backup::write(&loaded.entries, passphrase)?;
        Ok(BackupFile { bytes, skipped: loaded.damaged, entries: loaded.entries.len() })
    }

    /// Imports a backup in one transaction (all records or none), matching entries by id so a
    /// second import of the same file adds nothing, and reloads the app.
    pub fn restore(&self, bytes: &[u8], passphrase: &str) -> Result<ImportReport, CoreError> {
        let entries = backup::read(bytes, passphrase)?;
        let report = self.with_store_mut(|s| s.import(&entries))??;
        self.dispatch(Event::Open)?;
        Ok(report)
    }

    /// Erases the diary (data and key material) and leaves this core locked for good. Works while
    /// locked too. Returns how many files were erased.
    pub fn erase(&self) -> Result<usize, CoreError> {
        let mut guard = self.session()?;
        let erased = match guard.take() {
            Some(session) => session.store.erase()?,
            None => crate::store::erase(&self.dir)?,
        };
        Ok(erased)
    }

    fn session(&self) -> Result<MutexGuard<'_, Option<Session>>, CoreError> {
        self.session.lock().map_err(|_| CoreError::Internal("diary lock poisoned".into()))
    }
}

impl Session {
    /// Resolves buffered requests until no lane has work; follow-ups land back in the lanes.
    fn drain(&mut self, clock: &dyn Clock) -> Result<(), CoreError> {
        let router = Arc::clone(&self.router);
        let lanes = &router.routes;
        loop {
            let clock_requests = lanes.clock.drain();
            let store_requests = lanes.store.drain();
            if clock_requests.is_empty() && store_requests.is_empty() {
                return Ok(());
            }
            for request in clock_requests {
                let (_, mut handle) = request.split();
                router.resolve(&mut handle, clock.now()).map_err(internal)?;
            }
            for request in store_requests {
                let (op, mut handle) = request.split();
                let reply = run(&mut self.store, op);
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
            Ok(StoreReply::Loaded { entries: loaded.entries, damaged: loaded.damaged })
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
