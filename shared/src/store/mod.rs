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
pub mod kdf;
mod keys;
pub mod manifest;
#[doc(hidden)]
pub mod pages;
pub mod recover;
pub mod schema;

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use zeroize::Zeroizing;

pub use crate::domain::Integrity;
use crate::domain::{Entry, EntryBody, EntryId};
use crypto::{associated_data, Sealer, TAG_LEN};
pub use crypto::{DataKey, KEY_LEN, MAX_SEALS_PER_KEY};
pub use error::StoreError;
#[cfg(feature = "internals")]
pub use kdf::PBKDF2_ITERATIONS;
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
    /// The rows against the manifest: missing, unexpected or replayed entries.
    pub integrity: Integrity,
}

/// An open, unlocked diary.
pub struct Store {
    conn: Connection,
    sealer: Sealer,
    keys: Keys,
    /// Values sealed under the current data key (kept in the sealed state, see
    /// [`MAX_SEALS_PER_KEY`]).
    seals: u64,
    /// The manifest's generation when this process last read or wrote it.
    generation: u64,
    dir: PathBuf,
    path: PathBuf,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish_non_exhaustive()
    }
}

/// What [`Store::import`] did: entries are matched by id, so importing the same file twice
/// changes nothing the second time, and an older backup never reverts a newer edit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ImportReport {
    /// Entries this diary did not have.
    pub added: u64,
    /// Entries this diary had only damaged (unreadable): the backup's readable copy replaced them.
    pub updated: u64,
    /// Entries it already had exactly.
    pub unchanged: u64,
    /// Entries it had in another version: this diary's version was kept (a backup is older than
    /// the diary it was made from, so the diary's version is the newer one).
    #[cfg_attr(feature = "uniffi", uniffi(default = 0))]
    pub kept: u64,
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
        // Only a directory the diary creates is restricted to its owner: an existing one (a home
        // folder given as --data-dir) keeps the mode its owner chose.
        let created = !dir.exists();
        std::fs::create_dir_all(dir)?;
        let keys = Keys::generate(unlock)?;
        let draft = dir.join(CREATING_FILE);
        erase::remove_with_side_files(&draft)?;
        {
            let mut conn = Connection::open(&draft)?;
            restrict_to_owner(created.then_some(dir), &draft)?;
            schema::configure(&conn)?;
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            schema::migrate(&tx)?;
            keys.store(&tx)?;
            manifest::rebuild(&tx, &Sealer::new(&keys.data), &[], 0, 1)?;
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
        let state =
            manifest::State::read(&conn, &Sealer::new(&keys.data))?.ok_or(StoreError::StateUnreadable)?;
        Ok(Self::assemble(conn, keys, &state, dir))
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
        schema::check_exact(&conn, found)?;
        schema::configure(&conn)?;
        let keys = Keys::unlock(&conn, unlock)?;
        let sealer = Sealer::new(&keys.data);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        schema::migrate(&tx)?;
        let state = match manifest::State::read(&tx, &sealer) {
            Ok(Some(state)) => state,
            // A diary from before the manifest: the entries as they are now are its first
            // manifest (trust on first use), and the seal counter moves into the sealed state.
            Ok(None) => {
                let rows = id_tags(&tx)?;
                manifest::rebuild(&tx, &sealer, &rows, 0, keys::legacy_seal_count(&tx)?)?
            }
            // A damaged or altered state opens (every entry stays readable) but refuses writes;
            // `load_all` reports it.
            Err(StoreError::StateUnreadable) => manifest::State::unknown(),
            Err(e) => return Err(e),
        };
        tx.commit()?;
        Ok(Self::assemble(conn, keys, &state, dir))
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

    fn assemble(conn: Connection, keys: Keys, state: &manifest::State, dir: &Path) -> Self {
        Self {
            conn,
            sealer: Sealer::new(&keys.data),
            keys,
            seals: state.seals,
            generation: state.generation,
            dir: dir.to_owned(),
            path: dir.join(DB_FILE),
        }
    }

    /// A key derived from the data key for naming exported records (FHIR resource ids): stable from
    /// one export to the next, unlinkable to the file's row ids without the key.
    pub fn export_key(&self) -> Zeroizing<[u8; 32]> {
        let mac = ring::hmac::sign(
            &ring::hmac::Key::new(ring::hmac::HMAC_SHA256, self.keys.data.expose()),
            b"steady export ids v1",
        );
        let mut out = Zeroizing::new([0u8; 32]);
        out.copy_from_slice(mac.as_ref());
        out
    }

    /// The manifest's generation: one more after every write. A platform that can keep a small
    /// value out of reach of the file (the keystore) keeps the latest and refuses an older file.
    pub fn generation(&self) -> u64 {
        self.generation
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
    /// The data key (tests that rebuild older key-material layouts around it).
    #[doc(hidden)]
    pub fn data_key_for_test(&self) -> DataKey {
        self.keys.data.clone()
    }

    #[cfg(any(test, feature = "internals"))]
    /// Sets the sealed seal counter (tests of key rotation cannot seal a billion values).
    #[doc(hidden)]
    pub fn set_seal_count(&mut self, seals: u64) -> Result<(), StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        manifest::set_seals(&tx, &self.sealer, seals)?;
        tx.commit()?;
        self.seals = seals;
        Ok(())
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
        if self.seals.saturating_add(new_seals + 2) >= MAX_SEALS_PER_KEY {
            self.rotate_data_key()?;
        }
        let sealed: Vec<Vec<u8>> =
            puts.iter().map(|e| seal_entry(&self.sealer, e)).collect::<Result<_, _>>()?;
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
        let mut changes: manifest::Changes =
            puts.iter().zip(&sealed).map(|(e, s)| (e.id, Some(manifest::tag_of(s)))).collect();
        for id in deletes {
            deleted += tx.execute("DELETE FROM entries WHERE id = ?1", [id.as_bytes().as_slice()])?;
            changes.push((*id, None));
        }
        let state = manifest::record(&tx, &self.sealer, &changes, new_seals)
            .map_err(|e| stale_key(&tx, &self.keys, e))?;
        tx.commit()?;
        self.seals = state.seals;
        self.generation = state.generation;
        if !deletes.is_empty() {
            // A deleted entry's bytes must not stay readable in the write-ahead log.
            self.checkpoint()?;
        }
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
                Ok(Some(_)) => report.kept += 1,
                Err(StoreError::Tampered { .. }) => {
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
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Inside the write lock: the key must still be the one this process holds.
        let before = manifest::State::read(&tx, &self.sealer)
            .map_err(|e| stale_key(&tx, &self.keys, e))?
            .ok_or(StoreError::StateUnreadable)?;
        {
            let mut update = tx.prepare_cached("UPDATE entries SET v = ?1, sealed = ?2 WHERE id = ?3")?;
            for (entry, sealed) in loaded.entries.iter().zip(&sealed) {
                update.execute(params![SCHEMA_VERSION, sealed, entry.id.as_bytes().as_slice()])?;
            }
        }
        keys.store(&tx)?;
        let tags: Vec<(EntryId, [u8; TAG_LEN])> =
            loaded.entries.iter().zip(&sealed).map(|(e, s)| (e.id, manifest::tag_of(s))).collect();
        let state = manifest::rebuild(&tx, &sealer, &tags, before.generation, sealed.len() as u64 + 1)?;
        tx.commit()?;
        self.sealer = sealer;
        self.keys = keys;
        self.seals = state.seals;
        self.generation = state.generation;
        // The main file alone must now open only with the new key: move the log into it.
        self.checkpoint()
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
        let tags: Vec<(EntryId, [u8; TAG_LEN])> =
            sealed.iter().map(|(id, _, bytes)| (*id, manifest::tag_of(bytes))).collect();
        let mut loaded = open_rows(&self.sealer, &sealed);
        loaded.integrity = manifest::check(&self.conn, &self.sealer, &tags)?;
        loaded.integrity.unreadable = loaded.damaged.clone();
        Ok(loaded)
    }

    /// Moves the write-ahead log into the main file and truncates it: after a delete (so deleted
    /// content is not left in the log), a rekey or rotation (so the main file alone opens only with
    /// the new key), and before locking. If another connection is reading, SQLite checkpoints what
    /// it can; the log is truncated at the next chance.
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

/// A state this process cannot open: another process changed the key (nothing may be sealed under
/// ours any more), or the state was damaged.
fn stale_key(conn: &Connection, keys: &Keys, e: StoreError) -> StoreError {
    match e {
        StoreError::StateUnreadable if !keys::still_current(conn, keys) => StoreError::KeyChanged,
        other => other,
    }
}

/// Every row's id and tag, for building a manifest.
fn id_tags(conn: &Connection) -> Result<Vec<(EntryId, [u8; TAG_LEN])>, StoreError> {
    let mut stmt = conn.prepare("SELECT id, sealed FROM entries")?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push((row_id(row)?, manifest::tag_of(row.get_ref(1)?.as_blob()?)));
    }
    Ok(out)
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

/// Seals an entry padded to its length bucket ([`crypto::padded_len`]): the stored length says
/// nothing about what the entry holds.
fn seal_entry(sealer: &Sealer, entry: &Entry) -> Result<Vec<u8>, StoreError> {
    let plain = Zeroizing::new(serde_json::to_vec(&entry.body).map_err(StoreError::Encoding)?);
    sealer.seal(&entry_aad(SCHEMA_VERSION, entry.id), &crypto::pad(&plain))
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
    let mut loaded = Loaded {
        entries: Vec::with_capacity(opened.len()),
        damaged: Vec::new(),
        integrity: Integrity::default(),
    };
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
        let body: EntryBody = serde_json::from_slice(crypto::unpad(plain)).ok()?;
        Some(Entry { id, body })
    }
}

fn entry_aad(version: u32, id: EntryId) -> Vec<u8> {
    associated_data(version, "entries", id.as_bytes())
}

/// On desktops, keeps other accounts out of the data directory and the diary file (SQLite gives the
/// WAL and SHM files the same mode as the database). Phones sandbox app data already.
#[cfg(unix)]
fn restrict_to_owner(dir: Option<&Path>, db: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::PermissionsExt;
    if let Some(dir) = dir {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
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
fn restrict_to_owner(_dir: Option<&Path>, _db: &Path) -> Result<(), StoreError> {
    Ok(())
}
