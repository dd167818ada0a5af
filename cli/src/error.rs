//! One error type for the whole CLI, so `main` has a single place that turns any failure into
//! `error: <message>` on stderr and a non-zero exit, never a panic or a backtrace.

use std::path::PathBuf;

use steady_core::CoreError;

use crate::parse::ParseError;

/// Everything a command can fail with.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The core refused the input or the store failed; its message already names the field.
    #[error(transparent)]
    Core(#[from] CoreError),
    /// A value on the command line could not be read.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// No diary where one was expected (checked before asking for a passphrase).
    #[error("no diary at {}: create one with `steady init`", .0.display())]
    NoDiary(PathBuf),
    /// `init` where a diary already exists: never overwrite one.
    #[error("a diary already exists at {}", .0.display())]
    DiaryExists(PathBuf),
    /// The passphrase could not be obtained or was refused before reaching the core.
    #[error("{0}")]
    Passphrase(String),
    /// The key file is missing, unreadable or malformed (its content is never echoed).
    #[error("key file {}: {reason}", path.display())]
    KeyFile { path: PathBuf, reason: String },
    /// An id prefix matched no entry, or more than one.
    #[error("{0}")]
    Id(String),
    /// Arguments that parse but do not make sense together.
    #[error("{0}")]
    Usage(String),
    /// A file or directory operation failed.
    #[error("{what}: {source}")]
    Io { what: String, source: std::io::Error },
    /// Serialising output failed (should not happen; reported rather than panicking).
    #[error("could not write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The core answered with something this shell did not expect (a bug).
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<steady_core::domain::ValidationError> for CliError {
    fn from(e: steady_core::domain::ValidationError) -> Self {
        CliError::Core(CoreError::Invalid(e))
    }
}

impl CliError {
    /// Wraps an I/O error with what was being attempted, e.g. "could not write /tmp/x".
    pub fn io(what: impl Into<String>, source: std::io::Error) -> Self {
        CliError::Io { what: what.into(), source }
    }
}

impl From<steady_core::store::StoreError> for CliError {
    fn from(e: steady_core::store::StoreError) -> Self {
        CliError::Core(CoreError::Store(e))
    }
}

impl From<steady_core::store::backup::BackupError> for CliError {
    fn from(e: steady_core::store::backup::BackupError) -> Self {
        CliError::Core(CoreError::Backup(e))
    }
}
