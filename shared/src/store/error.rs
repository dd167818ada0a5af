//! Storage errors. Typed so a shell can tell "wrong passphrase" from "damaged file" from "disk full",
//! and so nothing is ever wiped in answer to any of them. SQLite and file-system failures keep their
//! cause as the error's source.

/// Everything that can go wrong below the app.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The key or passphrase does not open this diary. Nothing was written.
    #[error("wrong key or passphrase: this diary was not changed")]
    WrongKey,
    /// One record failed authentication: tampered or damaged. The rest stay readable.
    #[error("record {id} is damaged or was tampered with")]
    Tampered { id: String },
    /// The file is not a readable SQLite database, or not a Steady diary.
    #[error("the diary file is damaged: {0}")]
    Corrupt(String),
    /// The device has no room; earlier entries are intact.
    #[error("the device is full: the entry was not saved")]
    DiskFull,
    /// No diary exists at this place yet.
    #[error("no diary at {0}: create one first")]
    NotFound(String),
    /// A diary already exists where one was to be created.
    #[error("a diary already exists at {0}")]
    AlreadyExists(String),
    /// The file was written by a newer version of Steady.
    #[error("this diary was written by a newer version of Steady (schema {found}, this app knows {known})")]
    TooNew { found: u32, known: u32 },
    /// The key material in the file asks for weaker parameters than this version accepts.
    #[error("the diary's key parameters are weaker than allowed")]
    WeakKeyParameters,
    /// The key material in the file is damaged in both of its copies (not a wrong key): the
    /// diary's entries may still be readable with a backup of the key; recovery can tell.
    #[error("the diary's key material is damaged: this is not a wrong passphrase")]
    KeyDamaged,
    /// Another process (another window, a notification action) changed the key since this diary
    /// was opened: nothing was written under the old key. Open the diary again.
    #[error(
        "the diary's key was changed elsewhere since it was opened: open it again (nothing was written)"
    )]
    KeyChanged,
    /// The record that binds the entry set (the manifest's state) cannot be read with this key or
    /// was altered: writing is refused until the diary is recovered.
    #[error("the diary's list of entries is damaged or was changed outside Steady: recover the diary")]
    StateUnreadable,
    /// The file's tables differ from what this version creates (an extra trigger, view, table or
    /// column): nothing is read or written through it.
    #[error("the diary file's structure was changed outside Steady: {0}")]
    UnexpectedSchema(String),
    /// The file is older than the last one this device saw (a whole-file rollback).
    #[error("this diary file is older than the last one opened here (generation {found}, expected at least {expected})")]
    RolledBack { found: u64, expected: u64 },
    /// A key of the wrong size was supplied.
    #[error("a data key must be 32 bytes, got {0}")]
    BadKeyLength(usize),
    /// The operating system's random generator failed.
    #[error("the system random generator failed")]
    Random,
    /// An entry could not be encoded for sealing (a bug).
    #[error("an entry could not be encoded: {0}")]
    Encoding(#[source] serde_json::Error),
    /// Any other SQLite failure; its message carries no row content (values are bound, and sealed).
    #[error("storage error: {0}")]
    Sqlite(#[source] rusqlite::Error),
    /// A file-system failure (the data directory, a kept copy).
    #[error("file error: {0}")]
    Io(#[source] std::io::Error),
}

/// Two errors are equal when they are the same failure: same variant and values, and for SQLite
/// and file errors the same message (their causes are not comparable values).
impl PartialEq for StoreError {
    fn eq(&self, other: &Self) -> bool {
        use StoreError::*;
        match (self, other) {
            (Tampered { id: a }, Tampered { id: b }) => a == b,
            (Corrupt(a), Corrupt(b)) | (NotFound(a), NotFound(b)) | (AlreadyExists(a), AlreadyExists(b)) => {
                a == b
            }
            (TooNew { found: a, known: b }, TooNew { found: c, known: d }) => (a, b) == (c, d),
            (BadKeyLength(a), BadKeyLength(b)) => a == b,
            (UnexpectedSchema(a), UnexpectedSchema(b)) => a == b,
            (RolledBack { found: a, expected: b }, RolledBack { found: c, expected: d }) => (a, b) == (c, d),
            (Encoding(_), Encoding(_)) | (Sqlite(_), Sqlite(_)) | (Io(_), Io(_)) => {
                self.to_string() == other.to_string()
            }
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
                StoreError::Corrupt(e.to_string())
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

impl From<rusqlite::types::FromSqlError> for StoreError {
    fn from(e: rusqlite::types::FromSqlError) -> Self {
        StoreError::Corrupt(format!("unexpected column type: {e}"))
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Io(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error;

    #[test]
    fn file_and_sqlite_failures_keep_their_cause() {
        let io = StoreError::from(std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied"));
        assert!(io.source().is_some_and(|s| s.to_string() == "denied"));
        let sql = StoreError::from(rusqlite::Error::InvalidQuery);
        assert!(matches!(sql, StoreError::Sqlite(_)));
        assert!(sql.source().is_some());
        assert_eq!(sql, StoreError::from(rusqlite::Error::InvalidQuery));
        assert_ne!(StoreError::WrongKey, StoreError::DiskFull);
    }
}
