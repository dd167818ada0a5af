//! Schema and forward migrations, versioned with SQLite's `user_version`. Each migration runs in the
//! transaction that also bumps the version, so a crash leaves either the old or the new schema.
//! Every past version has a fixture file in `tests/fixtures/` that must keep opening.

use rusqlite::{Connection, OpenFlags, Transaction};

use super::error::StoreError;
use crate::domain::error::echo;

/// The schema this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// `MIGRATIONS[n]` takes a database from version `n` to `n + 1`.
///
/// Only opaque ids and non-clinical bookkeeping are plaintext: `entries.id` is a random UUID,
/// `entries.v` the schema version the row was sealed under (bound into its associated data), and
/// `meta` holds key material (salt, KDF parameters, the wrapped key, a sealed key check).
const MIGRATIONS: &[&str] = &["
    CREATE TABLE meta (
        name  TEXT PRIMARY KEY NOT NULL,
        value BLOB NOT NULL
    ) STRICT;
    CREATE TABLE entries (
        id     BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
        v      INTEGER NOT NULL,
        sealed BLOB NOT NULL
    ) STRICT, WITHOUT ROWID;
"];

/// How every diary connection is opened: read-write, never created by SQLite (a missing diary is
/// `NotFound`, not a new empty file), and without SQLite's per-call mutex — a connection is only
/// ever used by the one `Store` that owns it (behind the runtime's own lock), so SQLite's serialized
/// mode would only add a lock and unlock to every column read.
pub const OPEN_FLAGS: OpenFlags = OpenFlags::SQLITE_OPEN_READ_WRITE.union(OpenFlags::SQLITE_OPEN_NO_MUTEX);

/// Connection settings: durable commits (WAL + synchronous=FULL), deleted content overwritten,
/// temporary tables never on disk.
pub fn configure(conn: &Connection) -> Result<(), StoreError> {
    // Functions named in the schema (a planted trigger or view) never run with app privileges.
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// The file's schema version.
pub fn version(conn: &Connection) -> Result<u32, StoreError> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Refuses files from a newer app before anything else touches them.
pub fn check_not_newer(found: u32) -> Result<(), StoreError> {
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew { found, known: SCHEMA_VERSION });
    }
    Ok(())
}

/// Everything in `sqlite_master`, in a fixed order: (type, name, table, SQL text).
type SchemaRows = Vec<(String, String, String, Option<String>)>;

fn schema_rows(conn: &Connection) -> Result<SchemaRows, StoreError> {
    let mut stmt = conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Refuses a file whose schema is not exactly what the migrations up to its version create: a
/// trigger planted with `sqlite3` (deleting each new non-prescribed dose), a view, an extra table
/// or a changed column is a typed error before any key is tried or anything is written. The
/// expected schema is built by running the same migrations on an empty in-memory database, so there
/// is no second copy of the DDL to drift.
pub fn check_exact(conn: &Connection, version: u32) -> Result<(), StoreError> {
    let expected = Connection::open_in_memory()?;
    for sql in MIGRATIONS.iter().take(version as usize) {
        expected.execute_batch(sql)?;
    }
    let (want, found) = (schema_rows(&expected)?, schema_rows(conn)?);
    if want == found {
        return Ok(());
    }
    let extra: Vec<String> = found
        .iter()
        .filter(|r| !want.contains(r))
        .map(|(kind, name, _, _)| format!("{kind} {}", echo(name)))
        .collect();
    let gone: Vec<String> = want
        .iter()
        .filter(|r| !found.contains(r))
        .map(|(kind, name, _, _)| format!("{kind} {}", echo(name)))
        .collect();
    Err(StoreError::UnexpectedSchema(match (extra.is_empty(), gone.is_empty()) {
        (false, true) => format!("unexpected {}", extra.join(", ")),
        (true, false) => format!("missing {}", gone.join(", ")),
        _ => format!("changed {}", extra.join(", ")),
    }))
}

/// Applies every pending migration inside `tx`.
pub fn migrate(tx: &Transaction<'_>) -> Result<(), StoreError> {
    let from = version(tx)?;
    check_not_newer(from)?;
    for (n, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", n as u32 + 1)?;
    }
    Ok(())
}
