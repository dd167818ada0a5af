//! The encrypted diary on disk: rusqlite (bundled SQLite) with every clinical field sealed.
//!
//! One row per entry; the whole entry (times, molecule, amounts, notes) is one AES-256-GCM
//! ciphertext bound to its row id and schema version. A random data key encrypts the rows; it comes
//! from the platform keystore ([`Unlock::Key`]) or is wrapped by a passphrase key
//! ([`Unlock::Passphrase`], PBKDF2-HMAC-SHA256). A wrong key is detected before anything is written.

pub mod backup;
pub mod crypto;
mod erase;
pub mod error;
mod keys;
#[doc(hidden)]
pub mod pages;
pub mod recover;
pub mod schema;

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use zeroize::Zeroizing;

use crate::domain::{Entry, EntryBody, EntryId};
#[cfg(feature = "internals")]
pub use crypto::PBKDF2_ITERATIONS;
use crypto::{associated_data, Sealer};
pub use crypto::{DataKey, KEY_LEN, MAX_SEALS_PER_KEY};
pub use error::StoreError;
use keys::Keys;
pub use recover::{erase, recover, Recovery};
use schema::SCHEMA_VERSION;

/// File name of the diary inside its data directory.
pub const DB_FILE: &str = "diary.sqlite";

/// Name under which [`Store::create`] builds a new diary before linking it into place.
const CREATING_FILE: &str = "diary.sqlite.creating";

/// How to unlock a diary.
pub enum Unlock {
    /// The 32-byte data key itself, from the platform keystore or a key file.
    Key(DataKey),
    /// A passphrase that unwraps the data key.
    Passphrase(Zeroizing<String>),
}

impl fmt::Debug for Unlock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unlock::Key(_) => f.write_str("Unlock::Key(<redacted>)"),
            Unlock::Passphrase(_) => f.write_str("Unlock::Passphrase(<redacted>)"),
        }
    }
}

/// What [`Store::load_all`] found: readable entries, and the ids of any that failed authentication.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Every entry that opened, in no particular order.
    pub entries: Vec<Entry>,
    /// Rows that were damaged or tampered with; reported, never deleted.
    pub damaged: Vec<EntryId>,
}

/// An open, unlocked diary.
pub struct Store {
    conn: Connection,
    sealer: Sealer,
    keys: Keys,
    /// Values sealed under the current data key (persisted in `meta`, see [`MAX_SEALS_PER_KEY`]).
    seals: u64,
    dir: PathBuf,
    path: PathBuf,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish_non_exhaustive()
    }
}

/// What [`Store::import`] did: entries are matched by id, so importing the same file twice
/// changes nothing the second time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ImportReport {
    /// Entries this diary did not have.
    pub added: u64,
    /// Entries it had in another version (the imported version replaced them).
    pub updated: u64,
    /// Entries it already had exactly.
    pub unchanged: u64,
}

impl Store {
    /// Creates a new diary in `dir` (made if missing), with a fresh random data key protected by
    /// `unlock`. The file is built under a temporary name and linked into place only once its
    /// schema and keys are committed, so a crash at any point leaves either no diary or a whole one.
    pub fn create(dir: &Path, unlock: &Unlock) -> Result<Self, StoreError> {
        let path = dir.join(DB_FILE);
        if path.exists() {
            return Err(StoreError::AlreadyExists(path.display().to_string()));
        }
        std::fs::create_dir_all(dir)?;
        let keys = Keys::generate(unlock)?;
        let draft = dir.join(CREATING_FILE);
        erase::remove_with_side_files(&draft)?;
        {
            let mut conn = Connection::open(&draft)?;
            restrict_to_owner(dir, &draft)?;
            schema::configure(&conn)?;
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            schema::migrate(&tx)?;
            keys.store(&tx, 0)?;
            tx.commit()?;
            // Closing checkpoints the WAL into the file and removes it: the draft is one file.
            conn.close().map_err(|(_, e)| StoreError::from(e))?;
        }
        std::fs::File::open(&draft)?.sync_all()?;
        // A hard link never replaces an existing file (unlike rename), so a diary that appeared
        // meanwhile is not overwritten.
        std::fs::hard_link(&draft, &path).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => StoreError::AlreadyExists(path.display().to_string()),
            _ => StoreError::from(e),
        })?;
        std::fs::remove_file(&draft)?;
        sync_dir(dir)?;
        let conn = Connection::open_with_flags(&path, schema::OPEN_FLAGS)?;
        schema::configure(&conn)?;
        Ok(Self::assemble(conn, keys, 1, dir))
    }

    /// Opens an existing diary. A wrong key returns [`StoreError::WrongKey`] before any write; a
    /// file that is not a diary returns [`StoreError::Corrupt`] and is left as it is.
    pub fn open(dir: &Path, unlock: &Unlock) -> Result<Self, StoreError> {
        let path = dir.join(DB_FILE);
        if !path.exists() {
            return Err(StoreError::NotFound(dir.display().to_string()));
        }
        let mut conn = Connection::open_with_flags(&path, schema::OPEN_FLAGS)?;
        // Read the version before any setting that writes (journal_mode=WAL rewrites the header),
        // so a file that is not a Steady diary — even an empty one — is left exactly as found.
        let found = schema::version(&conn)?;
        schema::check_not_newer(found)?;
        if found == 0 {
            return Err(StoreError::Corrupt("not a Steady diary".into()));
        }
        schema::configure(&conn)?;
        let keys = Keys::unlock(&conn, unlock)?;
        let seals = keys::seal_count(&conn)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        schema::migrate(&tx)?;
        tx.commit()?;
        Ok(Self::assemble(conn, keys, seals, dir))
    }

    /// Opens the diary in `dir`, creating it if there is none. A damaged file is never replaced by
    /// a new empty diary: its error is returned.
    pub fn open_or_create(dir: &Path, unlock: &Unlock) -> Result<Self, StoreError> {
        if dir.join(DB_FILE).exists() {
            Self::open(dir, unlock)
        } else {
            Self::create(dir, unlock)
        }
    }

    fn assemble(conn: Connection, keys: Keys, seals: u64, dir: &Path) -> Self {
        Self {
            conn,
            sealer: Sealer::new(&keys.data),
            keys,
            seals,
            dir: dir.to_owned(),
            path: dir.join(DB_FILE),
        }
    }

    #[cfg(any(test, feature = "internals"))]
    /// Path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    #[cfg(any(test, feature = "internals"))]
    /// How many values the current data key has sealed; rotation happens before
    /// [`MAX_SEALS_PER_KEY`].
    pub fn seal_count(&self) -> u64 {
        self.seals
    }

    #[cfg(any(test, feature = "internals"))]
    /// Inserts or replaces (edits) one entry, durably.
    pub fn put(&mut self, entry: &Entry) -> Result<(), StoreError> {
        self.write(std::slice::from_ref(entry), &[]).map(|_| ())
    }

    #[cfg(any(test, feature = "internals"))]
    /// Deletes one entry; with `secure_delete` its old bytes are overwritten. Returns whether it existed.
    pub fn delete(&mut self, id: EntryId) -> Result<bool, StoreError> {
        self.write(&[], &[id]).map(|n| n > 0)
    }

    /// Applies one logical change — puts (insert or replace) and deletes — in one transaction, so a
    /// crash or a full disk leaves all of it or none of it. Returns how many rows were deleted.
    /// Rotates the data key first when this write would take it to [`MAX_SEALS_PER_KEY`].
    pub fn write(&mut self, puts: &[Entry], deletes: &[EntryId]) -> Result<usize, StoreError> {
        let new_seals = puts.len() as u64;
        if self.seals.saturating_add(new_seals) >= MAX_SEALS_PER_KEY {
            self.rotate_data_key()?;
        }
        let sealed: Vec<Vec<u8>> =
            puts.iter().map(|e| seal_entry(&self.sealer, e)).collect::<Result<_, _>>()?;
        let seals = self.seals + new_seals;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        {
            let mut upsert = tx.prepare_cached(
                "INSERT INTO entries (id, v, sealed) VALUES (?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET v = excluded.v, sealed = excluded.sealed",
            )?;
            for (entry, sealed) in puts.iter().zip(&sealed) {
                upsert.execute(params![entry.id.as_bytes().as_slice(), SCHEMA_VERSION, sealed])?;
            }
        }
        let mut deleted = 0;
        for id in deletes {
            deleted += tx.execute("DELETE FROM entries WHERE id = ?1", [id.as_bytes().as_slice()])?;
        }
        if new_seals > 0 {
            keys::store_seal_count(&tx, seals)?;
        }
        tx.commit()?;
        self.seals = seals;
        Ok(deleted)
    }

    /// Adds entries from a backup in one transaction, matching them by id: an entry already here
    /// unchanged is skipped, so importing the same file twice does not duplicate anything.
    pub fn import(&mut self, entries: &[Entry]) -> Result<ImportReport, StoreError> {
        let mut report = ImportReport::default();
        let mut puts = Vec::new();
        for entry in entries {
            match self.get(entry.id) {
                Ok(Some(existing)) if existing == *entry => report.unchanged += 1,
                Ok(Some(_)) | Err(StoreError::Tampered { .. }) => {
                    report.updated += 1;
                    puts.push(entry.clone());
                }
                Ok(None) => {
                    report.added += 1;
                    puts.push(entry.clone());
                }
                Err(e) => return Err(e),
            }
        }
        self.write(&puts, &[])?;
        Ok(report)
    }

    /// Changes how the diary is unlocked (a new passphrase, or a new keystore key) and rotates the
    /// data key with it: every entry is re-sealed under a fresh data key and the key material is
    /// replaced, all in one transaction. Afterwards the old key or passphrase opens nothing; a
    /// crash before the commit leaves the diary as it was, under the old key only.
    pub fn rekey(&mut self, new: &Unlock) -> Result<(), StoreError> {
        let keys = Keys::generate(new)?;
        self.reseal_all(keys)
    }

    /// Re-seals every entry under a fresh data key protected as before (no passphrase needed), in
    /// one transaction. Done automatically before the key reaches [`MAX_SEALS_PER_KEY`].
    pub fn rotate_data_key(&mut self) -> Result<(), StoreError> {
        let keys = self.keys.rotated()?;
        self.reseal_all(keys)
    }

    /// Refuses when a record is damaged: re-sealing would either drop it or keep it under a key
    /// that no longer exists. Recover first ([`recover`]).
    fn reseal_all(&mut self, keys: Keys) -> Result<(), StoreError> {
        let loaded = self.load_all()?;
        if let Some(id) = loaded.damaged.first() {
            return Err(StoreError::Tampered { id: id.to_string() });
        }
        let sealer = Sealer::new(&keys.data);
        let sealed: Vec<Vec<u8>> =
            loaded.entries.iter().map(|e| seal_entry(&sealer, e)).collect::<Result<_, _>>()?;
        let seals = sealed.len() as u64;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        {
            let mut update = tx.prepare_cached("UPDATE entries SET v = ?1, sealed = ?2 WHERE id = ?3")?;
            for (entry, sealed) in loaded.entries.iter().zip(&sealed) {
                update.execute(params![SCHEMA_VERSION, sealed, entry.id.as_bytes().as_slice()])?;
            }
        }
        keys.store(&tx, seals)?;
        tx.commit()?;
        self.sealer = sealer;
        self.keys = keys;
        self.seals = seals + 1;
        Ok(())
    }

    /// Reads one entry; a damaged record is an error naming it.
    pub fn get(&self, id: EntryId) -> Result<Option<Entry>, StoreError> {
        let row: Option<(u32, Vec<u8>)> = self
            .conn
            .query_row("SELECT v, sealed FROM entries WHERE id = ?1", [id.as_bytes().as_slice()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        row.map(|(v, sealed)| {
            open_entry(&self.sealer, id, v, &sealed).ok_or(StoreError::Tampered { id: id.to_string() })
        })
        .transpose()
    }

    /// Reads and decrypts every entry; damaged rows are listed, never dropped or deleted. Rows are
    /// read in one pass, then opened and decoded on the device's cores.
    pub fn load_all(&self) -> Result<Loaded, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT id, v, sealed FROM entries")?;
        let mut rows = stmt.query([])?;
        let mut sealed: Vec<SealedRow> = Vec::new();
        while let Some(row) = rows.next()? {
            sealed.push((row_id(row)?, row.get(1)?, row.get(2)?));
        }
        Ok(open_rows(&self.sealer, &sealed))
    }

    #[cfg(any(test, feature = "internals"))]
    /// Moves the WAL into the main file and truncates it (used after deletes and by tests).
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    #[cfg(any(test, feature = "internals"))]
    /// `PRAGMA integrity_check`: `Ok` when SQLite finds the file sound, else `Corrupt` with its
    /// first complaint.
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        let result: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if result == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt(result))
        }
    }

    #[cfg(any(test, feature = "internals"))]
    /// Caps the database at `pages` pages (SQLite's `max_page_count`, this connection only) and
    /// returns the cap in force. Lets tests make SQLite answer SQLITE_FULL as a full device would.
    #[doc(hidden)]
    pub fn limit_pages(&self, pages: u32) -> Result<u32, StoreError> {
        Ok(self.conn.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| r.get(0))?)
    }

    #[cfg(any(test, feature = "internals"))]
    /// The database's current size in pages.
    #[doc(hidden)]
    pub fn page_count(&self) -> Result<u32, StoreError> {
        Ok(self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?)
    }

    /// Erases this diary: closes it, overwrites and deletes its files (see [`erase`]).
    pub fn erase(self) -> Result<usize, StoreError> {
        let dir = self.dir.clone();
        self.conn.close().map_err(|(_, e)| StoreError::from(e))?;
        erase(&dir)
    }
}

/// The 16-byte id of an `entries` row.
fn row_id(row: &rusqlite::Row<'_>) -> Result<EntryId, StoreError> {
    let bytes: [u8; 16] = row
        .get_ref(0)?
        .as_blob()?
        .try_into()
        .map_err(|_| StoreError::Corrupt("entry id is not 16 bytes".into()))?;
    Ok(EntryId::from_bytes(bytes))
}

fn seal_entry(sealer: &Sealer, entry: &Entry) -> Result<Vec<u8>, StoreError> {
    let plain = Zeroizing::new(serde_json::to_vec(&entry.body).map_err(StoreError::Encoding)?);
    sealer.seal(&entry_aad(SCHEMA_VERSION, entry.id), &plain)
}

/// A row as stored: id, the schema version it was sealed under, the sealed entry.
type SealedRow = (EntryId, u32, Vec<u8>);

/// Opens sealed rows on the device's cores: the entries that authenticate and decode, and the ids
/// of the rows that do not (listed, never dropped). Used by [`Store::load_all`] and by recovery.
fn open_rows(sealer: &Sealer, rows: &[SealedRow]) -> Loaded {
    let opened = crate::parallel::map_chunks(rows, |chunk| {
        let mut reader = EntryReader::default();
        chunk.iter().map(|(id, v, bytes)| (*id, reader.open(sealer, *id, *v, bytes))).collect()
    });
    let mut loaded = Loaded { entries: Vec::with_capacity(opened.len()), damaged: Vec::new() };
    for (id, entry) in opened {
        match entry {
            Some(entry) => loaded.entries.push(entry),
            None => loaded.damaged.push(id),
        }
    }
    loaded
}

fn open_entry(sealer: &Sealer, id: EntryId, v: u32, sealed: &[u8]) -> Option<Entry> {
    EntryReader::default().open(sealer, id, v, sealed)
}

/// Opens many rows with one associated-data buffer and one zeroizing plaintext buffer.
#[derive(Default)]
struct EntryReader {
    aad: Vec<u8>,
    plain: Zeroizing<Vec<u8>>,
}

impl EntryReader {
    fn open(&mut self, sealer: &Sealer, id: EntryId, v: u32, sealed: &[u8]) -> Option<Entry> {
        crypto::write_associated_data(&mut self.aad, v, "entries", id.as_bytes());
        let plain = sealer.open_into(&self.aad, sealed, &mut self.plain)?;
        let body: EntryBody = serde_json::from_slice(plain).ok()?;
        Some(Entry { id, body })
    }
}

fn entry_aad(version: u32, id: EntryId) -> Vec<u8> {
    associated_data(version, "entries", id.as_bytes())
}

/// On desktops, keeps other accounts out of the data directory and the diary file (SQLite gives the
/// WAL and SHM files the same mode as the database). Phones sandbox app data already.
#[cfg(unix)]
fn restrict_to_owner(dir: &Path, db: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    std::fs::set_permissions(db, std::fs::Permissions::from_mode(0o600))?;
    Ok(())
}

/// Makes a new directory entry (the linked diary) durable.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    std::fs::File::open(dir)?.sync_all()?;
    Ok(())
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> Result<(), StoreError> {
    Ok(())
}

#[cfg(not(unix))]
fn restrict_to_owner(_dir: &Path, _db: &Path) -> Result<(), StoreError> {
    Ok(())
}
