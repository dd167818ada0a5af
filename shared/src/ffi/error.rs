//! The one error type phones see. `CoreError` is mapped here, once, into variants a Kotlin or Swift
//! screen can act on: show the message next to a field (typed, so it can be phrased in the patient's
//! language), ask for the passphrase again, offer recovery or erase.

use crate::domain::{Field, Problem, ValidationError};
use crate::{BackupError, CoreError, StoreError};

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
    fn from(e: ValidationError) -> Self {
        let detail = e.to_string();
        SteadyError::InvalidInput { field: e.field, problem: e.problem, detail }
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
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .unwrap_or_else(|_| Err(CoreError::Internal("the core hit a bug; nothing was written".into())))
        .map_err(SteadyError::from)
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
                detail: "mg must be greater than zero".into()
            }
        );
        assert_eq!(SteadyError::from(CoreError::Store(StoreError::WrongKey)), SteadyError::WrongKey);
    }
}
