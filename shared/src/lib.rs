//! Steady's shared core: a private, offline diary for people taking benzodiazepines or Z-drugs.
//!
//! Every shell drives one API, re-exported here: a [`DiaryDir`] (exists, create, open, recover,
//! erase) and an open [`SteadyCore`] (typed writes, reads, exports and maintenance), with the
//! vocabulary they speak — the [`domain`] types, the views they return, one [`CoreError`].
//!
//! Layers point down only: [`domain`] (validated clinical types, sourced tables, the diary index
//! and the measures every reader shares) is the ground floor; [`plan`] (the taper engine) and the
//! summary renderers build on it; `app` (the pure Crux app: events, model, view) builds on those;
//! `store` (the encrypted SQLite diary) sits apart and is reached only through the runtime, which
//! resolves the app's effects. The `ffi` module adapts this API for the phones. There is no network
//! code anywhere in this crate.

mod app;
pub mod domain;
#[cfg(feature = "uniffi")]
pub mod ffi;
mod i18n;
mod parallel;
pub mod plan;
mod runtime;
mod store;
pub mod summary;

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

pub use app::forms::{Choice, FormField, FormView, Input};
pub use app::labels::AppLabels;
pub use app::lines::EntryRow;
pub use app::medicines::MedicineCard;
pub use app::plan_view::{HoldView, PlanView, StepView, SwitchView};
pub use app::reminders::{
    check_days as check_reminder_days, Reminder, MAX_DAYS as MAX_REMINDER_DAYS, MAX_REMINDERS,
};
pub use app::today::{AnxietyDay, DoseLine, GoalLine, NightLine, PlanToday, TodayLabels, TodayView};
pub use app::{FormRequest, PlanAction, ViewModel};
pub use i18n::{Lang, Texts};
pub use runtime::{
    BackupFile, Clock, CoreError, DiaryDir, FixedClock, Generations, Logged, SteadyCore, SystemClock,
};
pub use store::backup::{BackupError, MAX_BACKUP_BYTES};
pub use store::{DataKey, ImportReport, Recovery, StoreError, Unlock, KEY_LEN};
pub use summary::export::{ExportFile, ExportFormat, SummaryRequest};
pub use summary::Summary;

/// What lies below the API, for the fuzz targets, the benchmark's baselines and the reliability
/// tests only (feature `internals`): the store, its file formats and the renderers. No shell uses
/// it.
#[cfg(feature = "internals")]
pub mod internals {
    pub use crate::app::{today, Event, Export, Outcome, Page, PageView};
    pub use crate::parallel::map_chunks;
    pub use crate::store::{
        backup, crypto, kdf, manifest, pages, recover, schema, Loaded, Store, DB_FILE, MAX_SEALS_PER_KEY,
        PBKDF2_ITERATIONS,
    };
    pub use crate::summary::{csv, export, fhir, pdf, text};
}
