//! The unencrypted baseline: the same rows in the same SQLite build (rusqlite, bundled), with the
//! same table shape, the same pragmas (WAL, synchronous=FULL, secure_delete, temp_store=MEMORY)
//! and the same upsert, but each entry's JSON stored as plaintext instead of an AES-256-GCM
//! ciphertext. Reading does the same decode and view work as the app (serde JSON → `Entry`,
//! [`Diary`] index, the today view model), minus decryption, key unwrapping and the Crux runtime.

use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, TransactionBehavior};
use steady_core::domain::Diary;
use steady_core::domain::{Entry, EntryBody, EntryId};
use steady_core::internals::today;
use steady_core::TodayView;

/// Database file name of the baseline.
pub const FILE: &str = "plain.sqlite";

/// One stored row: id, schema version, body bytes (plaintext JSON here).
pub type Row = ([u8; 16], u32, Vec<u8>);

/// The store's own connection settings (`steady_core::internals::schema::configure`), so the baseline
/// cannot drift from what the app runs with.
pub fn configure(conn: &Connection) -> Result<()> {
    Ok(steady_core::internals::schema::configure(conn)?)
}

/// The entries as rows of plaintext JSON (what the app seals, before sealing).
pub fn rows(entries: &[Entry]) -> Result<Vec<Row>> {
    entries.iter().map(|e| Ok((*e.id.as_bytes(), 1, serde_json::to_vec(&e.body)?))).collect()
}

/// Creates the baseline database in `dir` with `rows`, in one transaction.
pub fn create(dir: &Path, rows: &[Row]) -> Result<()> {
    let mut conn = Connection::open(dir.join(FILE))?;
    configure(&conn)?;
    conn.execute_batch(include_str!("../baseline-schema.sql"))?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    {
        let mut ins = tx.prepare("INSERT INTO entries (id, v, body) VALUES (?1, ?2, ?3)")?;
        for (id, v, body) in rows {
            ins.execute(params![id.as_slice(), v, body])?;
        }
    }
    tx.commit()?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// Opens the baseline like the store opens a diary (flags, pragmas, version check, the migration
/// transaction) and reads every row.
pub fn read_all(dir: &Path) -> Result<Vec<Row>> {
    let mut conn = Connection::open_with_flags(dir.join(FILE), steady_core::internals::schema::OPEN_FLAGS)?;
    configure(&conn)?;
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    anyhow::ensure!(version == 1, "unexpected baseline version {version}");
    conn.transaction_with_behavior(TransactionBehavior::Immediate)?.commit()?;
    let mut stmt = conn.prepare("SELECT id, v, body FROM entries")?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let id: [u8; 16] = row.get_ref(0)?.as_blob()?.try_into().context("id is not 16 bytes")?;
        out.push((id, row.get(1)?, row.get_ref(2)?.as_blob()?.to_vec()));
    }
    Ok(out)
}

/// The app's work after reading: decode every entry (on the device's cores, as the store does),
/// index the diary, build today's view model.
pub fn decode_and_view(rows: &[Row], today: NaiveDate) -> Result<(Diary, TodayView)> {
    let decoded = steady_core::internals::map_chunks(rows, |chunk| {
        chunk
            .iter()
            .map(|(id, _, body)| {
                serde_json::from_slice::<EntryBody>(body)
                    .map(|body| Entry { id: EntryId::from_bytes(*id), body })
            })
            .collect()
    });
    let entries = decoded.into_iter().collect::<Result<Vec<_>, _>>()?;
    let diary = Diary::from_entries(entries);
    let view = today::build(&diary, today, None, steady_core::Texts::shared(steady_core::Lang::En));
    Ok((diary, view))
}

/// Cold open of the unencrypted baseline: open, read, decode, today view.
pub fn cold_open(dir: &Path, today: NaiveDate) -> Result<(Diary, TodayView)> {
    decode_and_view(&read_all(dir)?, today)
}

/// A writer holding one connection, as the app holds its store.
pub struct Writer(Connection);

impl Writer {
    /// Opens the baseline for writing.
    pub fn open(dir: &Path) -> Result<Self> {
        let conn = Connection::open_with_flags(dir.join(FILE), steady_core::internals::schema::OPEN_FLAGS)?;
        configure(&conn)?;
        Ok(Self(conn))
    }

    /// Durably writes one entry: serialise, upsert in an IMMEDIATE transaction, commit (fsync).
    pub fn put(&mut self, entry: &Entry) -> Result<()> {
        let body = serde_json::to_vec(&entry.body)?;
        let tx = self.0.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.prepare_cached(
            "INSERT INTO entries (id, v, body) VALUES (?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET v = excluded.v, body = excluded.body",
        )?
        .execute(params![entry.id.as_bytes().as_slice(), 1, body])?;
        tx.commit()?;
        Ok(())
    }
}
