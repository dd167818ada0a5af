//! The UniFFI surface for the phones: one object, [`SteadyDiary`], that wraps the runtime facade,
//! a foreign [`KeyProvider`] trait implemented by the shell's Keychain / Keystore code, typed
//! records for input and view, and one error enum. No panic crosses this boundary: every method runs
//! under [`error::guard`].

pub mod error;
pub mod input;
pub mod view;

use std::path::PathBuf;
use std::sync::Arc;

use zeroize::Zeroizing;

use crate::app::{Event, Export};
use crate::domain::{parse, EquivalenceTable};
use crate::store::{DataKey, ImportReport, Recovery, Unlock};
use crate::summary::export::{ExportFormat, ExportRequest};
use crate::summary::i18n::Lang;
use crate::summary::{Hideable, SummaryOptions};
use crate::{SteadyCore, SystemClock};
pub use error::{guard, SteadyError};
pub use input::*;
pub use view::*;

/// Supplied by the shell: returns the diary's 32-byte data key from the platform keystore,
/// creating and storing a random one on first use.
#[uniffi::export(with_foreign)]
pub trait KeyProvider: Send + Sync {
    /// The 32-byte data key.
    fn get_or_create_key(&self) -> Result<Vec<u8>, SteadyError>;
}

/// Formats a summary can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SummaryFormat {
    /// Plain text, ≤ 80 columns.
    Text,
    /// The JSON documented in README.
    Json,
    /// The raw entries of the period (RFC 4180, formula cells defused).
    Csv,
    /// The A4 summary with charts.
    Pdf,
    /// A FHIR R4 document Bundle.
    Fhir,
}

/// The clinician's language for a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SummaryLanguage {
    English,
    French,
    Dutch,
    NorwegianBokmal,
}

impl From<SummaryLanguage> for Lang {
    fn from(l: SummaryLanguage) -> Self {
        match l {
            SummaryLanguage::English => Lang::En,
            SummaryLanguage::French => Lang::Fr,
            SummaryLanguage::Dutch => Lang::Nl,
            SummaryLanguage::NorwegianBokmal => Lang::Nb,
        }
    }
}

/// Parts of a summary the patient can leave out (the summary then says what was left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SummarySection {
    NonPrescribed,
    Notes,
    Sleep,
    Anxiety,
    Goals,
    Plan,
    Questions,
}

impl From<SummarySection> for Hideable {
    fn from(s: SummarySection) -> Self {
        match s {
            SummarySection::NonPrescribed => Hideable::NonPrescribed,
            SummarySection::Notes => Hideable::Notes,
            SummarySection::Sleep => Hideable::Sleep,
            SummarySection::Anxiety => Hideable::Anxiety,
            SummarySection::Goals => Hideable::Goals,
            SummarySection::Plan => Hideable::Plan,
            SummarySection::Questions => Hideable::Questions,
        }
    }
}

/// A request for a summary file.
#[derive(Clone, uniffi::Record)]
pub struct SummaryRequest {
    /// First local date, `YYYY-MM-DD`.
    pub from: String,
    /// Last local date, inclusive.
    pub to: String,
    /// Output format.
    pub format: SummaryFormat,
    /// Equivalence table; `None` = the diary's current table.
    pub table: Option<DeTable>,
    /// The clinician's language; `None` = English.
    pub language: Option<SummaryLanguage>,
    /// What the patient leaves out.
    pub exclude: Vec<SummarySection>,
}

/// A file for the share sheet.
#[derive(Clone, uniffi::Record)]
pub struct SummaryFile {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// MIME type, e.g. "text/plain; charset=utf-8".
    pub mime_type: String,
    /// Suggested file name.
    pub file_name: String,
}

crate::redacted_debug!(SummaryFile, SummaryRequest);

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
        guard(|| {
            let core = SteadyCore::open(
                &PathBuf::from(data_dir),
                &keystore_unlock(&*keys)?,
                true,
                Box::new(SystemClock),
            )?;
            Ok(Arc::new(Self { core }))
        })
    }

    /// Sends one user event and returns the new view. Invalid input throws `InvalidInput` naming
    /// the field; nothing is written then.
    pub fn send(&self, event: UserEvent) -> Result<AppView, SteadyError> {
        guard(|| Ok(self.core.dispatch(event.into_event()?)?.into()))
    }

    /// The current view, without changing anything. Throws `Locked` while locked.
    pub fn view(&self) -> Result<AppView, SteadyError> {
        guard(|| Ok(self.core.view()?.into()))
    }

    /// Builds a summary file for the share sheet: text, JSON, CSV, PDF or FHIR, in the clinician's
    /// language, leaving out what the patient chose (and saying so).
    pub fn summary(&self, request: SummaryRequest) -> Result<SummaryFile, SteadyError> {
        guard(|| {
            let request = ExportRequest {
                from: parse::date("from", &request.from)?,
                to: parse::date("to", &request.to)?,
                table: request.table.map(EquivalenceTable::from),
                options: SummaryOptions {
                    hide: request.exclude.iter().map(|s| Hideable::from(*s)).collect(),
                    ..SummaryOptions::default()
                },
                format: match request.format {
                    SummaryFormat::Text => ExportFormat::Text,
                    SummaryFormat::Json => ExportFormat::Json,
                    SummaryFormat::Csv => ExportFormat::Csv,
                    SummaryFormat::Pdf => ExportFormat::Pdf,
                    SummaryFormat::Fhir => ExportFormat::Fhir,
                },
                lang: request.language.map_or(Lang::En, Lang::from),
            };
            match self.core.dispatch(Event::ExportFile(request))?.export {
                Some(Export::File(f)) => {
                    Ok(SummaryFile { bytes: f.bytes, mime_type: f.mime_type.into(), file_name: f.file_name })
                }
                _ => Err(SteadyError::Internal { detail: "no summary file was made".into() }),
            }
        })
    }
}

#[uniffi::export]
impl SteadyDiary {
    /// The taper plan's upcoming steps as an iCalendar file with neutral titles (no drug names, no
    /// doses), for the phone's calendar.
    pub fn plan_ics(&self) -> Result<SummaryFile, SteadyError> {
        guard(|| {
            let view = self.core.dispatch(Event::ExportPlan)?;
            let Some(Export::Plan(p)) = view.export else {
                return Err(SteadyError::Internal { detail: "no plan was exported".into() });
            };
            let ics = crate::plan::schedule_ics(&p.schedule, &p.id.short());
            Ok(SummaryFile {
                bytes: ics.into_bytes(),
                mime_type: "text/calendar; charset=utf-8".into(),
                file_name: "steady-plan.ics".into(),
            })
        })
    }
}

/// A backup file for the share sheet (sealed with the backup passphrase).
#[derive(Clone, uniffi::Record)]
pub struct BackupExport {
    /// The file to save or send; useless without the backup passphrase.
    pub file: SummaryFile,
    /// Entries in the backup.
    pub entries: u64,
    /// Ids of damaged entries that could not be included.
    pub skipped: Vec<String>,
}

/// What a restore did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct RestoreReport {
    /// Entries this diary did not have.
    pub added: u64,
    /// Entries replaced by the backup's version.
    pub updated: u64,
    /// Entries already here exactly (a second restore of one file adds nothing).
    pub unchanged: u64,
}

impl From<ImportReport> for RestoreReport {
    fn from(r: ImportReport) -> Self {
        Self { added: r.added as u64, updated: r.updated as u64, unchanged: r.unchanged as u64 }
    }
}

/// What a recovery did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RecoveryReport {
    /// Entries copied into the new diary.
    pub recovered: u64,
    /// Ids of rows that could be read but failed authentication.
    pub damaged: Vec<String>,
    /// Whether damaged pages were skipped (entries on them are lost).
    pub pages_lost: bool,
    /// Folder where the damaged files are kept.
    pub kept_at: String,
}

impl From<Recovery> for RecoveryReport {
    fn from(r: Recovery) -> Self {
        Self {
            recovered: r.recovered as u64,
            damaged: r.damaged.iter().map(ToString::to_string).collect(),
            pages_lost: r.pages_lost,
            kept_at: r.kept_at.display().to_string(),
        }
    }
}

crate::redacted_debug!(BackupExport);

#[uniffi::export]
impl SteadyDiary {
    /// Locks the diary when the app goes to the background: keys are wiped from memory and the
    /// decrypted entries dropped. Every call then throws `Locked` until `unlock`.
    pub fn lock(&self) -> Result<(), SteadyError> {
        guard(|| Ok(self.core.lock()?))
    }

    /// Whether the diary is locked.
    pub fn is_locked(&self) -> bool {
        self.core.is_locked()
    }

    /// Unlocks with the keystore key again (after biometrics, say) and returns the view.
    pub fn unlock(&self, keys: Arc<dyn KeyProvider>) -> Result<AppView, SteadyError> {
        guard(|| Ok(self.core.unlock(&keystore_unlock(&*keys)?)?.into()))
    }

    /// Re-seals every entry under a fresh data key (the keystore key stays), in one transaction.
    pub fn rotate_key(&self) -> Result<(), SteadyError> {
        guard(|| Ok(self.core.rotate_key()?))
    }

    /// A backup for moving to a new phone, sealed with a passphrase the patient chooses.
    pub fn backup(&self, passphrase: String) -> Result<BackupExport, SteadyError> {
        let passphrase = Zeroizing::new(passphrase);
        guard(|| {
            let b = self.core.backup(&passphrase)?;
            Ok(BackupExport {
                file: SummaryFile {
                    bytes: b.bytes,
                    mime_type: "application/octet-stream".into(),
                    file_name: "steady-backup.steadybackup".into(),
                },
                entries: b.entries as u64,
                skipped: b.skipped.iter().map(ToString::to_string).collect(),
            })
        })
    }

    /// Restores a backup in one transaction: a bad record changes nothing and is named in the
    /// error; entries already here are not duplicated.
    pub fn restore(&self, file: Vec<u8>, passphrase: String) -> Result<RestoreReport, SteadyError> {
        let passphrase = Zeroizing::new(passphrase);
        guard(|| Ok(self.core.restore(&file, &passphrase)?.into()))
    }

    /// Erases the diary's data and key material; the object stays locked afterwards. The shell
    /// then deletes its keystore key.
    pub fn erase(&self) -> Result<u64, SteadyError> {
        guard(|| Ok(self.core.erase()? as u64))
    }
}

/// Erases the diary in `data_dir` without opening it (a forgotten key). The shell then deletes
/// its keystore key.
#[uniffi::export]
pub fn erase_diary(data_dir: String) -> Result<u64, SteadyError> {
    guard(|| Ok(crate::store::erase(&PathBuf::from(data_dir))? as u64))
}

/// Recovers a damaged diary: keeps the damaged files in a `damaged-…` folder and copies every
/// readable entry into a new diary. Open the diary again afterwards.
#[uniffi::export]
pub fn recover_diary(data_dir: String, keys: Arc<dyn KeyProvider>) -> Result<RecoveryReport, SteadyError> {
    guard(|| Ok(crate::store::recover(&PathBuf::from(data_dir), &keystore_unlock(&*keys)?)?.into()))
}

/// The keystore's key as an [`Unlock`].
fn keystore_unlock(keys: &dyn KeyProvider) -> Result<Unlock, SteadyError> {
    let raw = Zeroizing::new(keys.get_or_create_key()?);
    Ok(Unlock::Key(DataKey::from_slice(&raw)?))
}
