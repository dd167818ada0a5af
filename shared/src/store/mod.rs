//! The encrypted diary on disk: rusqlite (bundled SQLite) with every clinical field sealed.
//!
//! One row per entry; the whole entry (times, molecule, amounts, notes) is one AES-256-GCM
//! ciphertext bound to its row id and schema version. A random data key encrypts the rows; it comes
//! from the platform keystore ([`Unlock::Key`]) or is wrapped by a passphrase key
//! ([`Unlock::Passphrase`], PBKDF2-HMAC-SHA256). A wrong key is detected before anything is written.

pub mod crypto;
pub mod error;
pub mod schema;

use std::fmt;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use zeroize::Zeroizing;

use crate::domain::{Entry, EntryBody, EntryId};
use crypto::{associated_data, random_bytes, Sealer, SALT_LEN};
pub use crypto::{DataKey, KEY_LEN, PBKDF2_ITERATIONS};
pub use error::StoreError;
use schema::SCHEMA_VERSION;

/// File name of the diary inside its data directory.
pub const DB_FILE: &str = "diary.sqlite";

/// Version of the key-material format in `meta` (bound into its associated data).
const KEY_FORMAT: u32 = 1;
/// Known plaintext sealed under the data key, to tell a wrong key from a damaged record.
const KEY_CHECK: &[u8] = b"steady key check v1";

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
    path: PathBuf,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish_non_exhaustive()
    }
}

impl Store {
    /// Creates a new diary in `dir` (made if missing), with a fresh random data key.
    pub fn create(dir: &Path, unlock: &Unlock) -> Result<Self, StoreError> {
        let path = dir.join(DB_FILE);
        if path.exists() {
            return Err(StoreError::AlreadyExists(path.display().to_string()));
        }
        std::fs::create_dir_all(dir)?;
        let mut conn = Connection::open(&path)?;
        restrict_to_owner(dir, &path)?;
        schema::configure(&conn)?;
        let data_key = match unlock {
            Unlock::Key(k) => k.clone(),
            Unlock::Passphrase(_) => DataKey::generate()?,
        };
        let sealer = Sealer::new(&data_key);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        schema::migrate(&tx)?;
        if let Unlock::Passphrase(pass) = unlock {
            let salt: [u8; SALT_LEN] = random_bytes()?;
            let mut kdf = PBKDF2_ITERATIONS.to_be_bytes().to_vec();
            kdf.extend_from_slice(&salt);
            let kek = Sealer::new(&DataKey::from_passphrase(pass, &salt, iterations(PBKDF2_ITERATIONS)?));
            let wrapped = kek.seal(&meta_aad("wrapped_key"), data_key.expose())?;
            put_meta(&tx, "kdf", &kdf)?;
            put_meta(&tx, "wrapped_key", &wrapped)?;
        }
        put_meta(&tx, "key_check", &sealer.seal(&meta_aad("key_check"), KEY_CHECK)?)?;
        tx.commit()?;
        Ok(Self { conn, sealer, path })
    }

    /// Opens an existing diary. A wrong key returns [`StoreError::WrongKey`] before any write.
    pub fn open(dir: &Path, unlock: &Unlock) -> Result<Self, StoreError> {
        let path = dir.join(DB_FILE);
        if !path.exists() {
            return Err(StoreError::NotFound(dir.display().to_string()));
        }
        let mut conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        schema::configure(&conn)?;
        let found = schema::version(&conn)?;
        schema::check_not_newer(found)?;
        if found == 0 {
            return Err(StoreError::Corrupt("not a Steady diary".into()));
        }
        let sealer = Sealer::new(&unlock_key(&conn, unlock)?);
        let check =
            get_meta(&conn, "key_check")?.ok_or_else(|| StoreError::Corrupt("no key check".into()))?;
        if sealer.open(&meta_aad("key_check"), &check).as_deref().map(Vec::as_slice) != Some(KEY_CHECK) {
            return Err(StoreError::WrongKey);
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        schema::migrate(&tx)?;
        tx.commit()?;
        Ok(Self { conn, sealer, path })
    }

    /// Opens the diary in `dir`, creating it if there is none.
    pub fn open_or_create(dir: &Path, unlock: &Unlock) -> Result<Self, StoreError> {
        if dir.join(DB_FILE).exists() {
            Self::open(dir, unlock)
        } else {
            Self::create(dir, unlock)
        }
    }

    /// Path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Inserts or replaces (edits) one entry, durably.
    pub fn put(&mut self, entry: &Entry) -> Result<(), StoreError> {
        self.write(std::slice::from_ref(entry), &[]).map(|_| ())
    }

    /// Deletes one entry; with `secure_delete` its old bytes are overwritten. Returns whether it existed.
    pub fn delete(&mut self, id: EntryId) -> Result<bool, StoreError> {
        self.write(&[], &[id]).map(|n| n > 0)
    }

    /// Applies one logical change — puts (insert or replace) and deletes — in one transaction, so a
    /// crash or a full disk leaves all of it or none of it. Returns how many rows were deleted.
    pub fn write(&mut self, puts: &[Entry], deletes: &[EntryId]) -> Result<usize, StoreError> {
        let sealed: Vec<Vec<u8>> = puts.iter().map(|e| self.seal_entry(e)).collect::<Result<_, _>>()?;
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
        tx.commit()?;
        Ok(deleted)
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
            self.open_entry(id, v, &sealed).ok_or(StoreError::Tampered { id: id.to_string() })
        })
        .transpose()
    }

    /// Reads and decrypts every entry; damaged rows are listed, never dropped or deleted.
    pub fn load_all(&self) -> Result<Loaded, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT id, v, sealed FROM entries")?;
        let mut rows = stmt.query([])?;
        let mut loaded = Loaded::default();
        while let Some(row) = rows.next()? {
            let id_bytes: [u8; 16] = row
                .get_ref(0)?
                .as_blob()?
                .try_into()
                .map_err(|_| StoreError::Corrupt("entry id is not 16 bytes".into()))?;
            let id = EntryId::from_bytes(id_bytes);
            match self.open_entry(id, row.get(1)?, row.get_ref(2)?.as_blob()?) {
                Some(entry) => loaded.entries.push(entry),
                None => loaded.damaged.push(id),
            }
        }
        Ok(loaded)
    }

    /// Moves the WAL into the main file and truncates it (used after deletes and by tests).
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    fn seal_entry(&self, entry: &Entry) -> Result<Vec<u8>, StoreError> {
        let plain = Zeroizing::new(
            serde_json::to_vec(&entry.body)
                .map_err(|e| StoreError::Sqlite(format!("encoding failed: {e}")))?,
        );
        self.sealer.seal(&entry_aad(SCHEMA_VERSION, entry.id), &plain)
    }

    fn open_entry(&self, id: EntryId, v: u32, sealed: &[u8]) -> Option<Entry> {
        let plain = self.sealer.open(&entry_aad(v, id), sealed)?;
        let body: EntryBody = serde_json::from_slice(&plain).ok()?;
        Some(Entry { id, body })
    }
}

fn entry_aad(version: u32, id: EntryId) -> Vec<u8> {
    associated_data(version, "entries", id.as_bytes())
}

fn meta_aad(name: &str) -> Vec<u8> {
    associated_data(KEY_FORMAT, "meta", name.as_bytes())
}

fn iterations(n: u32) -> Result<NonZeroU32, StoreError> {
    NonZeroU32::new(n).ok_or(StoreError::WeakKeyParameters)
}

/// Recovers the data key: directly, or by unwrapping it with the passphrase key.
fn unlock_key(conn: &Connection, unlock: &Unlock) -> Result<DataKey, StoreError> {
    let wrapped = get_meta(conn, "wrapped_key")?;
    match (unlock, wrapped) {
        (Unlock::Key(k), None) => Ok(k.clone()),
        (Unlock::Passphrase(pass), Some(wrapped)) => {
            let kdf =
                get_meta(conn, "kdf")?.ok_or_else(|| StoreError::Corrupt("no KDF parameters".into()))?;
            if kdf.len() != 4 + SALT_LEN {
                return Err(StoreError::Corrupt("bad KDF parameters".into()));
            }
            let n = u32::from_be_bytes([kdf[0], kdf[1], kdf[2], kdf[3]]);
            if n < PBKDF2_ITERATIONS {
                return Err(StoreError::WeakKeyParameters);
            }
            let kek = Sealer::new(&DataKey::from_passphrase(pass, &kdf[4..], iterations(n)?));
            let raw = kek.open(&meta_aad("wrapped_key"), &wrapped).ok_or(StoreError::WrongKey)?;
            DataKey::from_slice(&raw)
        }
        // A keystore key offered to a passphrase diary, or the reverse: not this diary's key.
        _ => Err(StoreError::WrongKey),
    }
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

#[cfg(not(unix))]
fn restrict_to_owner(_dir: &Path, _db: &Path) -> Result<(), StoreError> {
    Ok(())
}

fn put_meta(conn: &Connection, name: &str, value: &[u8]) -> Result<(), StoreError> {
    conn.execute("INSERT OR REPLACE INTO meta (name, value) VALUES (?1, ?2)", params![name, value])?;
    Ok(())
}

fn get_meta(conn: &Connection, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(conn.query_row("SELECT value FROM meta WHERE name = ?1", [name], |r| r.get(0)).optional()?)
}
