//! The UniFFI adapter for the phones: the core's API, unchanged, for Kotlin and Swift. One object,
//! [`SteadyDiary`], wraps a [`SteadyCore`] method for method; free functions cover what works
//! without opening the diary; a foreign [`KeyProvider`] is implemented by the shell's Keychain /
//! Keystore code. Records and enums are the core's own (derived, not mirrored); [`SteadyError`] is
//! the core's error mapped once. Every call runs under [`error::guard`]: no panic crosses this
//! boundary.

pub mod error;
mod types;
pub mod view;

use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};
use zeroize::Zeroizing;

use crate::domain::{
    parse, search_drugs, Country, DrugMatch, EntryDraft, EntryId, EquivalenceTable, Field, GoalStatus,
    Integrity, Lang, LocalInstant, MedicineDraft, Period, SettingChange, Settings,
};
use crate::summary::export::SummaryRequest;
use crate::{
    AppLabels, BackupFile, DataKey, DiaryDir, EntryRow, ExportFile, FormRequest, FormView, Generations,
    ImportReport, Logged, MedicineCard, PlanAction, PlanView, Reminder, SteadyCore, SystemClock, Texts,
    TodayView, Unlock,
};
pub use error::{guard, guard_in, SteadyError};
pub use view::{DayRow, DiaryStatus, RecoveryReport, SummaryScreen};

/// Supplied by the shell: returns the diary's 32-byte data key from the platform keystore,
/// creating and storing a random one on first use.
#[uniffi::export(with_foreign)]
pub trait KeyProvider: Send + Sync {
    /// The 32-byte data key.
    fn get_or_create_key(&self) -> Result<Vec<u8>, SteadyError>;
}

/// Supplied by the shell: keeps the diary's generation where the file cannot reach it (a small
/// Keychain / Keystore-protected value), so an older copy of the whole diary put back is refused
/// with `RolledBack`. Optional: `SteadyDiary::open` works without it.
#[uniffi::export(with_foreign)]
pub trait GenerationStore: Send + Sync {
    /// The latest generation recorded, if any.
    fn latest_generation(&self) -> Option<u64>;
    /// Records a newer generation (after every write).
    fn record_generation(&self, generation: u64);
}

/// A foreign [`GenerationStore`] as the core's [`Generations`].
struct ForeignGenerations(Arc<dyn GenerationStore>);

impl Generations for ForeignGenerations {
    fn latest(&self) -> Option<u64> {
        self.0.latest_generation()
    }
    fn record(&self, generation: u64) {
        self.0.record_generation(generation);
    }
}

/// An open, unlocked diary: the one object a phone holds.
#[derive(uniffi::Object)]
pub struct SteadyDiary {
    core: SteadyCore,
}

impl std::fmt::Debug for SteadyDiary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SteadyDiary")
    }
}

#[uniffi::export]
impl SteadyDiary {
    /// Opens the diary in `data_dir`, creating it on first use, with the key from `keys`.
    /// A key that does not open an existing diary throws `WrongKey`; nothing is changed.
    #[uniffi::constructor]
    pub fn open(data_dir: String, keys: Arc<dyn KeyProvider>) -> Result<Arc<Self>, SteadyError> {
        let unlock = keystore_unlock(&*keys)?;
        guard(|| {
            let core = DiaryDir::new(data_dir).open_or_create(&unlock, Arc::new(SystemClock))?;
            Ok(Arc::new(Self { core }))
        })
    }

    /// [`Self::open`], keeping the diary's generation in `generations`: an older copy of the whole
    /// file is refused with `RolledBack` (nothing written).
    #[uniffi::constructor]
    pub fn open_guarded(
        data_dir: String,
        keys: Arc<dyn KeyProvider>,
        generations: Arc<dyn GenerationStore>,
    ) -> Result<Arc<Self>, SteadyError> {
        let unlock = keystore_unlock(&*keys)?;
        guard(|| {
            let generations = Arc::new(ForeignGenerations(generations));
            let core = DiaryDir::new(data_dir).open_or_create_guarded(
                &unlock,
                Arc::new(SystemClock),
                generations,
            )?;
            Ok(Arc::new(Self { core }))
        })
    }

    /// Saves a new entry and returns its id. Invalid input throws `InvalidInput` naming the field
    /// and the problem; nothing is written then.
    pub fn log(&self, entry: EntryDraft) -> Result<EntryId, SteadyError> {
        self.guard(|| self.core.log(entry))
    }

    /// Replaces an entry's content, keeping its id and kind.
    pub fn edit(&self, id: EntryId, entry: EntryDraft) -> Result<EntryId, SteadyError> {
        self.guard(|| self.core.edit(id, entry))
    }

    /// Deletes an entry (a goal takes its reviews with it); returns every id deleted.
    pub fn delete(&self, id: EntryId) -> Result<Vec<EntryId>, SteadyError> {
        self.guard(|| self.core.delete(id))
    }

    /// Moves a goal through its lifecycle.
    pub fn set_goal_status(&self, id: EntryId, status: GoalStatus) -> Result<(), SteadyError> {
        self.guard(|| self.core.set_goal_status(id, status))
    }

    /// Holds, resumes, re-paces or ends the active taper plan.
    pub fn plan_action(&self, action: PlanAction) -> Result<(), SteadyError> {
        self.guard(|| self.core.plan_action(action))
    }

    /// Chooses the diazepam-equivalence table.
    pub fn use_table(&self, table: EquivalenceTable) -> Result<(), SteadyError> {
        self.guard(|| self.core.use_table(table))
    }

    /// Changes one setting (day start, language, check-in, table); returns the settings in force.
    pub fn change_setting(&self, change: SettingChange) -> Result<Settings, SteadyError> {
        self.guard(|| self.core.change_setting(change))
    }

    /// The settings in force.
    pub fn settings(&self) -> Result<Settings, SteadyError> {
        self.guard(|| self.core.settings())
    }

    /// Screen titles and button labels in the patient's language (ask again after a language
    /// change).
    pub fn labels(&self) -> Result<AppLabels, SteadyError> {
        self.guard(|| self.core.labels())
    }

    /// Adds a medicine to the patient's list; returns its id.
    pub fn add_medicine(&self, medicine: MedicineDraft) -> Result<EntryId, SteadyError> {
        self.guard(|| self.core.add_medicine(medicine))
    }

    /// Changes a medicine's amount or times from `medicine.from` (today by default), keeping the
    /// earlier regimen.
    pub fn change_medicine(&self, id: EntryId, medicine: MedicineDraft) -> Result<(), SteadyError> {
        self.guard(|| self.core.change_medicine(id, medicine))
    }

    /// Stops a medicine after `on` (its last day; `None` = today).
    pub fn stop_medicine(&self, id: EntryId, on: Option<NaiveDate>) -> Result<(), SteadyError> {
        self.guard(|| self.core.stop_medicine(id, on))
    }

    /// The patient's medicines (stopped ones last), with today's counts.
    pub fn medicines(&self) -> Result<Vec<MedicineCard>, SteadyError> {
        self.guard(|| self.core.medicines())
    }

    /// One-step "Taken": the usual dose (the plan's dose of the day while a plan covers it), now or
    /// at `at`. `medicine` may be left out when only one is taken. Also a notification's action.
    pub fn taken(&self, medicine: Option<EntryId>, at: Option<LocalInstant>) -> Result<Logged, SteadyError> {
        self.guard(|| self.core.taken(medicine, at))
    }

    /// Notes a usual dose as skipped.
    pub fn skipped(
        &self,
        medicine: Option<EntryId>,
        at: Option<LocalInstant>,
        note: Option<String>,
    ) -> Result<Logged, SteadyError> {
        self.guard(|| self.core.skipped(medicine, at, note))
    }

    /// The reminders of `days` diary days (1–31) from `from` (`None` = today), soonest first, at most
    /// 64 (iOS's pending limit): register them all, replacing the previous set, at start and after
    /// any time or zone change.
    pub fn reminders(&self, from: Option<NaiveDate>, days: u32) -> Result<Vec<Reminder>, SteadyError> {
        self.guard(|| self.core.reminders(from, days))
    }

    /// A form described by the core: blank (started from the last entry of that kind) or filled
    /// with an entry to edit.
    pub fn form(&self, request: FormRequest) -> Result<FormView, SteadyError> {
        self.guard(|| self.core.form(request))
    }

    /// An entry's structured values, to prefill its edit form.
    pub fn entry_draft(&self, id: EntryId) -> Result<EntryDraft, SteadyError> {
        self.guard(|| self.core.entry_draft(id))
    }

    /// Re-reads the clock (app back in the foreground, midnight passed) and returns the status.
    pub fn refresh(&self) -> Result<DiaryStatus, SteadyError> {
        self.guard(|| Ok(self.core.refresh()?.into()))
    }

    /// Entries, damaged records and the table in use. Throws `Locked` while locked.
    pub fn status(&self) -> Result<DiaryStatus, SteadyError> {
        self.guard(|| Ok(self.core.view()?.into()))
    }

    /// The today screen.
    pub fn today(&self) -> Result<TodayView, SteadyError> {
        self.guard(|| self.core.today())
    }

    /// History rows between two local dates (inclusive); `None` = from the first / to the last.
    pub fn history(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<EntryRow>, SteadyError> {
        self.guard(|| self.core.history(from, to))
    }

    /// The plan screen; `None` when no plan was ever made.
    pub fn plan(&self) -> Result<Option<PlanView>, SteadyError> {
        self.guard(|| self.core.plan())
    }

    /// The summary screen for a period (defaults: the last 8 weeks, the diary's table).
    pub fn summary_screen(&self, request: SummaryRequest) -> Result<SummaryScreen, SteadyError> {
        self.guard(|| {
            Ok(SummaryScreen::new(&self.core.summary(&request)?, Texts::shared(self.core.language())))
        })
    }

    /// A summary file for the share sheet: text, JSON, CSV, PDF or FHIR, in the clinician's
    /// language, leaving out what the patient chose (and saying so).
    pub fn summary(&self, request: SummaryRequest) -> Result<ExportFile, SteadyError> {
        self.guard(|| self.core.export(&request))
    }

    /// The taper plan's upcoming steps as an iCalendar file with neutral titles in the patient's
    /// language (no drug names, no doses), for the phone's calendar; `alarm_min` adds a reminder
    /// that many minutes before each step's day (`None`: no reminder).
    #[uniffi::method(default(alarm_min = None))]
    pub fn plan_calendar(&self, alarm_min: Option<u32>) -> Result<ExportFile, SteadyError> {
        self.guard(|| self.core.plan_calendar(alarm_min))
    }

    /// Reads a time typed by the patient — `YYYY-MM-DD HH:MM`, `HH:MM` (today) or RFC 3339 — in the
    /// device's zone, exactly at DST changes; the same grammar as the desktop.
    pub fn read_instant(&self, text: String) -> Result<LocalInstant, SteadyError> {
        self.guard(|| self.core.read_instant(Field::At, &text))
    }

    /// Locks the diary when the app goes to the background: keys are wiped from memory and the
    /// decrypted entries dropped. Every call then throws `Locked` until `unlock`.
    pub fn lock(&self) -> Result<(), SteadyError> {
        self.guard(|| self.core.lock())
    }

    /// Whether the diary is locked.
    pub fn is_locked(&self) -> bool {
        self.core.is_locked()
    }

    /// Unlocks with the keystore key again (after biometrics, say) and returns the status.
    pub fn unlock(&self, keys: Arc<dyn KeyProvider>) -> Result<DiaryStatus, SteadyError> {
        let unlock = keystore_unlock(&*keys)?;
        self.guard(|| Ok(self.core.unlock(&unlock)?.into()))
    }

    /// Re-seals every entry under a fresh data key (the keystore key stays), in one transaction.
    pub fn rotate_key(&self) -> Result<(), SteadyError> {
        self.guard(|| self.core.rotate_key())
    }

    /// A backup for moving to a new phone, sealed with a passphrase the patient chooses.
    pub fn backup(&self, passphrase: String) -> Result<BackupFile, SteadyError> {
        let passphrase = Zeroizing::new(passphrase);
        self.guard(|| self.core.backup(&passphrase))
    }

    /// Restores a backup in one transaction: a bad record changes nothing and is named in the
    /// error; entries already here are not duplicated.
    pub fn restore(&self, file: Vec<u8>, passphrase: String) -> Result<ImportReport, SteadyError> {
        let passphrase = Zeroizing::new(passphrase);
        self.guard(|| self.core.restore(&file, &passphrase))
    }

    /// Erases the diary's data and key material; the object stays locked afterwards. The shell
    /// then deletes its keystore key.
    pub fn erase(&self) -> Result<u64, SteadyError> {
        self.guard(|| Ok(self.core.erase()? as u64))
    }
}

impl SteadyDiary {
    /// [`guard`], a refused value explained in the patient's language.
    fn guard<T>(&self, f: impl FnOnce() -> Result<T, crate::CoreError>) -> Result<T, SteadyError> {
        guard_in(|| self.core.language(), f)
    }
}

/// Whether a diary exists in `data_dir` (before asking the keystore for anything).
#[uniffi::export]
pub fn diary_exists(data_dir: String) -> bool {
    DiaryDir::new(data_dir).exists()
}

/// Erases the diary in `data_dir` without opening it (a forgotten or invalidated key). The shell
/// then deletes its keystore key.
#[uniffi::export]
pub fn erase_diary(data_dir: String) -> Result<u64, SteadyError> {
    guard(|| Ok(DiaryDir::new(data_dir).erase()? as u64))
}

/// Recovers a damaged diary: keeps the damaged files in a `damaged-…` folder and copies every
/// readable entry into a new diary. Open the diary again afterwards.
#[uniffi::export]
pub fn recover_diary(data_dir: String, keys: Arc<dyn KeyProvider>) -> Result<RecoveryReport, SteadyError> {
    let unlock = keystore_unlock(&*keys)?;
    guard(|| Ok(DiaryDir::new(data_dir).recover(&unlock)?.into()))
}

/// A number of tablets as a person types it: `1`, `0.5`, `1/2`, `1 1/2`, `1½` (the desktop's
/// grammar). Whether it is a whole number of quarters is checked when the dose is logged.
#[uniffi::export]
pub fn parse_tablets(text: String) -> Result<f64, SteadyError> {
    guard(|| Ok(parse::tablets(Field::Tablets, &text)?))
}

/// A decimal number as a person types it: `2`, `0.5`, `2,5`.
#[uniffi::export]
pub fn parse_number(text: String) -> Result<f64, SteadyError> {
    guard(|| Ok(parse::number(Field::Mg, &text)?))
}

/// A date as a person types it: `YYYY-MM-DD`, `today` or `yesterday` (relative to `today`).
#[uniffi::export]
pub fn parse_date(text: String, today: NaiveDate) -> Result<NaiveDate, SteadyError> {
    guard(|| Ok(parse::date(Field::Date, &text, today)?))
}

/// A clock time as a person types it: `HH:MM`, 24-hour.
#[uniffi::export]
pub fn parse_clock_time(text: String) -> Result<NaiveTime, SteadyError> {
    guard(|| Ok(parse::clock_time(Field::Time, &text)?))
}

/// The default summary period on the diary day `today` (the 8 weeks ending with the last complete
/// diary day), so a phone's period picker uses the same rules as every other shell.
#[uniffi::export]
pub fn default_period(today: NaiveDate) -> Result<Vec<NaiveDate>, SteadyError> {
    summary_period(None, None, today)
}

/// The period a summary request with these ends covers on the diary day `today` (what the core
/// will use; the open ends take their defaults), or the reason it is refused (backwards, longer
/// than twenty years).
#[uniffi::export]
pub fn summary_period(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Vec<NaiveDate>, SteadyError> {
    guard(|| {
        let p = Period::resolve(from, to, today)?;
        Ok(vec![p.from(), p.to()])
    })
}

/// The medicine picker's search: molecules and brands starting with (then containing) `text`, the
/// brands of `country` only when one is given, with their usual strengths.
#[uniffi::export]
pub fn search_catalogue(text: String, country: Option<Country>) -> Vec<DrugMatch> {
    search_drugs(&text, country)
}

/// The diary check in the patient's words ("Diary check: 2 entries could not be read. …"), or
/// `None` when it found nothing wrong: what a phone shows whenever `DiaryStatus.integrity` is not
/// ok, worded as the summaries word it.
#[uniffi::export]
pub fn integrity_notice(integrity: Integrity, lang: Lang) -> Option<String> {
    crate::summary::notices::integrity(&(&integrity).into(), Texts::shared(lang))
}

/// What to tell the patient about `error`, in `lang` (for errors thrown before a diary is open,
/// such as a wrong key; errors from an open diary already carry their words in `detail`).
#[uniffi::export]
pub fn error_message(error: SteadyError, lang: Lang) -> String {
    error.in_words(lang)
}

/// The keystore's key as an [`Unlock`].
fn keystore_unlock(keys: &dyn KeyProvider) -> Result<Unlock, SteadyError> {
    let raw = Zeroizing::new(keys.get_or_create_key()?);
    DataKey::from_slice(&raw).map(Unlock::Key).map_err(|e| crate::CoreError::from(e).into())
}
