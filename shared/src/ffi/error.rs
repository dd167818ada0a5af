//! The one error type phones see. `CoreError` is mapped here, once, into variants a Kotlin or Swift
//! screen can act on: show the message next to a field (typed, so it can be phrased in the patient's
//! language), ask for the passphrase again, offer recovery or erase.

use crate::domain::{Field, Problem, ValidationError};
use crate::{BackupError, CoreError, Lang, StoreError, Texts};

/// Errors thrown to Kotlin (`SteadyException`) and Swift (`SteadyError`). Text fields are named
/// `detail`, not `message`: UniFFI's Kotlin exceptions would clash with `Throwable.message`.
#[derive(Debug, Clone, PartialEq, thiserror::Error, uniffi::Error)]
pub enum SteadyError {
    /// Input refused: which field and what was wrong with it, with the numbers needed to say so
    /// (`detail` is the same in English). Nothing was written.
    #[error("{detail}")]
    InvalidInput { field: Field, problem: Problem, detail: String },
    /// The key from the keystore does not open this diary. Nothing was written or wiped.
    #[error("wrong key: this diary was not changed")]
    WrongKey,
    /// One record failed authentication.
    #[error("record {id} is damaged or was tampered with")]
    Tampered { id: String },
    /// The diary file is damaged.
    #[error("the diary file is damaged: {detail}")]
    Corrupt { detail: String },
    /// The diary is locked: call `unlock` first. Nothing was read or written.
    #[error("the diary is locked")]
    Locked,
    /// The backup passphrase does not open the backup file. Nothing was imported.
    #[error("wrong backup passphrase")]
    WrongPassphrase,
    /// The backup file was refused (damaged, cut short, too large, from a newer app…); `detail`
    /// names the record when one is at fault. Nothing was imported.
    #[error("the backup was refused: {detail}")]
    BadBackup { detail: String },
    /// The key material is damaged in both of its copies (not a wrong key): offer recovery or a
    /// backup, never "wrong key".
    #[error("the diary's key material is damaged")]
    KeyDamaged,
    /// Another process changed the key since this diary was opened; nothing was written. Open it
    /// again.
    #[error("the diary's key was changed elsewhere: open it again")]
    KeyChanged,
    /// An older copy of the whole diary file was put back (generation `found`, the keystore has
    /// seen `expected`): refused, nothing written.
    #[error("this diary file is older than the last one opened here")]
    RolledBack { found: u64, expected: u64 },
    /// The device is full; earlier entries are intact.
    #[error("the device is full: the entry was not saved")]
    DiskFull,
    /// Any other storage failure.
    #[error("storage error: {detail}")]
    Storage { detail: String },
    /// The platform keystore failed or returned a key of the wrong size.
    #[error("key provider failed: {detail}")]
    KeyProvider { detail: String },
    /// A bug in the core; reported instead of crashing the app.
    #[error("internal error: {detail}")]
    Internal { detail: String },
}

impl From<ValidationError> for SteadyError {
    /// With the reason in English (no diary, so no patient language yet).
    fn from(e: ValidationError) -> Self {
        SteadyError::refused(e, Texts::shared(Lang::En))
    }
}

impl SteadyError {
    /// A refused value, its `detail` in `t`'s language.
    fn refused(e: ValidationError, t: &Texts) -> Self {
        let detail = CoreError::Invalid(e.clone()).in_words(t);
        SteadyError::InvalidInput { field: e.field, problem: e.problem, detail }
    }

    /// The core's error mapped once, a refused value explained in `lang`.
    pub fn from_core(e: CoreError, lang: Lang) -> Self {
        match e {
            CoreError::Invalid(v) => SteadyError::refused(v, Texts::shared(lang)),
            other => other.into(),
        }
    }

    /// What to tell the patient, in `lang`: plain words, no technical detail.
    pub fn in_words(&self, lang: Lang) -> String {
        let t = Texts::shared(lang);
        let core = match self {
            SteadyError::InvalidInput { field, problem, .. } => {
                CoreError::Invalid(ValidationError::new(*field, problem.clone()))
            }
            SteadyError::WrongKey => CoreError::Store(StoreError::WrongKey),
            SteadyError::Tampered { id } => CoreError::Store(StoreError::Tampered { id: id.clone() }),
            SteadyError::Corrupt { detail } => CoreError::Store(StoreError::Corrupt(detail.clone())),
            SteadyError::Locked => CoreError::Locked,
            SteadyError::WrongPassphrase => CoreError::Backup(BackupError::WrongPassphrase),
            SteadyError::BadBackup { .. } => return t.t("error-bad-backup"),
            SteadyError::DiskFull => CoreError::Store(StoreError::DiskFull),
            SteadyError::KeyDamaged => CoreError::Store(StoreError::KeyDamaged),
            SteadyError::KeyChanged => CoreError::Store(StoreError::KeyChanged),
            SteadyError::RolledBack { found, expected } => {
                CoreError::Store(StoreError::RolledBack { found: *found, expected: *expected })
            }
            SteadyError::Storage { .. } => return t.t("error-storage"),
            SteadyError::KeyProvider { .. } => return t.t("error-key-provider"),
            SteadyError::Internal { detail } => CoreError::Internal(detail.clone()),
        };
        core.in_words(t)
    }
}

impl From<CoreError> for SteadyError {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::Invalid(v) => v.into(),
            CoreError::Store(StoreError::WrongKey) => SteadyError::WrongKey,
            CoreError::Store(StoreError::Tampered { id }) => SteadyError::Tampered { id },
            CoreError::Store(StoreError::Corrupt(detail)) => SteadyError::Corrupt { detail },
            CoreError::Store(StoreError::DiskFull) => SteadyError::DiskFull,
            CoreError::Store(StoreError::KeyDamaged) => SteadyError::KeyDamaged,
            CoreError::Store(StoreError::KeyChanged) => SteadyError::KeyChanged,
            CoreError::Store(StoreError::RolledBack { found, expected }) => {
                SteadyError::RolledBack { found, expected }
            }
            CoreError::Store(e @ (StoreError::UnexpectedSchema(_) | StoreError::StateUnreadable)) => {
                SteadyError::Corrupt { detail: e.to_string() }
            }
            CoreError::Store(StoreError::BadKeyLength(n)) => {
                SteadyError::KeyProvider { detail: format!("a data key must be 32 bytes, got {n}") }
            }
            CoreError::Store(other) => SteadyError::Storage { detail: other.to_string() },
            CoreError::Backup(BackupError::WrongPassphrase) => SteadyError::WrongPassphrase,
            CoreError::Backup(b) => SteadyError::BadBackup { detail: b.to_string() },
            CoreError::Export(e) => SteadyError::Internal { detail: e.to_string() },
            CoreError::Locked => SteadyError::Locked,
            CoreError::Internal(detail) => SteadyError::Internal { detail },
        }
    }
}

impl From<uniffi::UnexpectedUniFFICallbackError> for SteadyError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        SteadyError::KeyProvider { detail: e.reason }
    }
}

/// Runs `f`, mapping its core error once and turning a panic into [`SteadyError::Internal`], so no
/// panic ever unwinds into the app.
pub fn guard<T>(f: impl FnOnce() -> Result<T, CoreError>) -> Result<T, SteadyError> {
    guard_in(|| Lang::En, f)
}

/// [`guard`], a refused value explained in the language `lang` gives (asked only on error).
pub fn guard_in<T>(
    lang: impl FnOnce() -> Lang,
    f: impl FnOnce() -> Result<T, CoreError>,
) -> Result<T, SteadyError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .unwrap_or_else(|_| Err(CoreError::Internal("the core hit a bug; nothing was written".into())))
        .map_err(|e| SteadyError::from_core(e, lang()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Problem;

    #[test]
    fn a_panic_becomes_an_internal_error() {
        let r: Result<(), _> = guard(|| panic!("boom"));
        assert!(matches!(r, Err(SteadyError::Internal { .. })));
    }

    #[test]
    fn validation_errors_keep_the_field_and_the_problem_typed() {
        let e: SteadyError = CoreError::Invalid(ValidationError::new(Field::Mg, Problem::NotPositive)).into();
        assert_eq!(
            e,
            SteadyError::InvalidInput {
                field: Field::Mg,
                problem: Problem::NotPositive,
                detail: "Amount (mg) must be greater than zero.".into()
            }
        );
        assert_eq!(SteadyError::from(CoreError::Store(StoreError::WrongKey)), SteadyError::WrongKey);
    }
}
