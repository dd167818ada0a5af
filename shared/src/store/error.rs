//! Storage errors. Typed so a shell can tell "wrong passphrase" from "damaged file" from "disk full",
//! and so nothing is ever wiped in answer to any of them.

/// Everything that can go wrong below the app.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The key or passphrase does not open this diary. Nothing was written.
    #[error("wrong key or passphrase: this diary was not changed")]
    WrongKey,
    /// One record failed authentication: tampered or damaged. The rest stay readable.
    #[error("record {id} is damaged or was tampered with")]
    Tampered { id: String },
    /// The file is not a readable SQLite database.
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
    /// A key of the wrong size was supplied.
    #[error("a data key must be 32 bytes, got {0}")]
    BadKeyLength(usize),
    /// The operating system's random generator failed.
    #[error("the system random generator failed")]
    Random,
    /// Any other SQLite failure.
    #[error("storage error: {0}")]
    Sqlite(String),
    /// A file-system failure (creating the data directory).
    #[error("file error: {0}")]
    Io(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
                StoreError::Corrupt(e.to_string())
            }
            // SQLite messages carry no row content (values are bound parameters, and sealed).
            _ => StoreError::Sqlite(e.to_string()),
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
        StoreError::Io(e.to_string())
    }
}
