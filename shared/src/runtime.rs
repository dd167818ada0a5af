//! The one object a shell drives: it owns the Crux core behind an [`EffectRouter`] and the open
//! [`Store`], and resolves the app's Rust-side effects (storage, clock) by draining buffer lanes
//! after each event — never synchronously inside the router. The CLI uses it now; the UniFFI
//! object wraps it for the phones.

use std::path::Path;
use std::sync::{Arc, Mutex, Weak};

use chrono::{DateTime, FixedOffset, Local};
use crux_core::effects::routes::Buffer;
use crux_core::effects::{EffectRouter, Routes};
use crux_core::Core;

use crate::app::{ClockOp, Effect, Event, Outcome, SteadyApp, StoreOp, StoreReply, ViewModel};
use crate::domain::{Entry, EntryId, ValidationError};
use crate::store::{Store, StoreError, Unlock};

/// Errors a shell sees: one enum for the whole core, mapped once more at the FFI edge.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CoreError {
    /// Input refused; names the field. Nothing was written.
    #[error("invalid input: {0}")]
    Invalid(#[from] ValidationError),
    /// Storage failed (wrong key, damaged file, disk full…). Nothing was wiped.
    #[error(transparent)]
    Store(#[from] StoreError),
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

/// An open diary with its app core.
pub struct SteadyCore {
    router: Arc<EffectRouter<SteadyApp, Lanes>>,
    store: Mutex<Store>,
    clock: Box<dyn Clock>,
    /// Serialises events: one event and all its follow-up effects complete before the next starts.
    turn: Mutex<()>,
}

impl std::fmt::Debug for SteadyCore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SteadyCore").finish_non_exhaustive()
    }
}

impl SteadyCore {
    /// Opens the diary in `dir` (creating it when `create` is set) and loads it.
    pub fn open(dir: &Path, unlock: &Unlock, create: bool, clock: Box<dyn Clock>) -> Result<Self, CoreError> {
        let store = if create { Store::open_or_create(dir, unlock)? } else { Store::open(dir, unlock)? };
        Self::with_store(store, clock)
    }

    /// Wraps an already-open store and loads it.
    pub fn with_store(store: Store, clock: Box<dyn Clock>) -> Result<Self, CoreError> {
        let router = EffectRouter::new(Core::<SteadyApp>::new(), |lanes: Lanes| {
            move |effect| match effect {
                Effect::Store(request) => lanes.store.push(request),
                Effect::Clock(request) => lanes.clock.push(request),
                // Rendering is the shell's business: it reads `view()` after each dispatch.
                Effect::Render(_) => {}
            }
        });
        let core = Self { router, store: Mutex::new(store), clock, turn: Mutex::new(()) };
        core.dispatch(Event::Open)?;
        Ok(core)
    }

    /// Sends one event, resolves every effect it causes, and returns the new view model.
    /// A rejected draft or a failed write comes back as `Err`, with nothing written.
    pub fn dispatch(&self, event: Event) -> Result<ViewModel, CoreError> {
        let _turn = self.turn.lock().map_err(|_| CoreError::Internal("event lock poisoned".into()))?;
        self.router.update(event);
        self.drain()?;
        let view = self.router.view();
        match &view.outcome {
            Some(Outcome::Rejected(e)) => Err(e.clone().into()),
            Some(Outcome::Failed(e)) => Err(e.clone().into()),
            Some(Outcome::ExportFailed(e)) => Err(CoreError::Internal(e.to_string())),
            _ => Ok(view),
        }
    }

    /// The current view model.
    pub fn view(&self) -> ViewModel {
        self.router.view()
    }

    /// The id of the entry the last event saved, if it saved one.
    pub fn last_saved(&self) -> Option<EntryId> {
        match self.router.view().outcome {
            Some(Outcome::Saved(id)) => Some(id),
            _ => None,
        }
    }

    /// Runs `f` with the store (for maintenance such as checkpoints).
    pub fn with_store_mut<T>(&self, f: impl FnOnce(&mut Store) -> T) -> Result<T, CoreError> {
        let mut store = self.store.lock().map_err(|_| CoreError::Internal("store lock poisoned".into()))?;
        Ok(f(&mut store))
    }

    /// Resolves buffered requests until no lane has work; follow-ups land back in the lanes.
    fn drain(&self) -> Result<(), CoreError> {
        let lanes = &self.router.routes;
        loop {
            let clock = lanes.clock.drain();
            let store = lanes.store.drain();
            if clock.is_empty() && store.is_empty() {
                return Ok(());
            }
            for request in clock {
                let (_, mut handle) = request.split();
                self.router.resolve(&mut handle, self.clock.now()).map_err(internal)?;
            }
            for request in store {
                let (op, mut handle) = request.split();
                let reply = self.with_store_mut(|s| run(s, op))?;
                self.router.resolve(&mut handle, reply).map_err(internal)?;
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
