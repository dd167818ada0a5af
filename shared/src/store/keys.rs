//! Key material in the `meta` table. Entries are sealed by a random *data key*; the data key is
//! itself sealed ("wrapped") by a *key-encryption key* (KEK): the platform keystore's key, or a key
//! derived from the patient's passphrase. Changing the passphrase or rotating the data key rewrites
//! these rows in the same transaction as the re-sealed entries.
//!
//! Rows: `kdf` (passphrase diaries: PBKDF2 iterations ‖ salt), `wrapped_key` (the data key sealed
//! under the KEK), `key_check` (known plaintext sealed under the data key, to tell a wrong key from a
//! damaged record) and `seals` (how many values the data key has sealed, for rotation). Diaries made
//! before wrapping existed for keystore keys (schema 1, first builds) have no `wrapped_key`: their
//! keystore key *is* the data key, until their first rotation wraps a fresh one.

use std::num::NonZeroU32;

use rusqlite::{params, Connection, OptionalExtension};

use super::crypto::{associated_data, random_bytes, DataKey, Sealer, PBKDF2_ITERATIONS, SALT_LEN};
use super::error::StoreError;
use super::Unlock;

/// Version of the key-material format in `meta` (bound into its associated data).
const KEY_FORMAT: u32 = 1;
/// Known plaintext sealed under the data key.
const KEY_CHECK: &[u8] = b"steady key check v1";

/// How the data key is protected.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum Wrapping {
    /// Wrapped by a key derived from a passphrase with these PBKDF2 parameters.
    Passphrase { iterations: u32, salt: [u8; SALT_LEN] },
    /// Wrapped by the platform keystore's key.
    Keystore,
    /// No wrapping: the keystore key is the data key (diaries from the first builds).
    Unwrapped,
}

/// The unlocked keys of a diary: what seals entries, and what protects that key.
pub(crate) struct Keys {
    pub data: DataKey,
    pub kek: DataKey,
    pub wrapping: Wrapping,
}

impl Keys {
    /// Fresh keys for a new diary or a rekey: a random data key protected by `unlock`.
    pub fn generate(unlock: &Unlock) -> Result<Self, StoreError> {
        let data = DataKey::generate()?;
        Ok(match unlock {
            Unlock::Key(k) => Self { data, kek: k.clone(), wrapping: Wrapping::Keystore },
            Unlock::Passphrase(pass) => {
                let salt: [u8; SALT_LEN] = random_bytes()?;
                let kek = DataKey::from_passphrase(pass, &salt, iterations(PBKDF2_ITERATIONS)?);
                Self { data, kek, wrapping: Wrapping::Passphrase { iterations: PBKDF2_ITERATIONS, salt } }
            }
        })
    }

    /// A new random data key under the same protection (rotation; no passphrase needed).
    pub fn rotated(&self) -> Result<Self, StoreError> {
        let wrapping = match &self.wrapping {
            Wrapping::Unwrapped => Wrapping::Keystore,
            other => other.clone(),
        };
        Ok(Self { data: DataKey::generate()?, kek: self.kek.clone(), wrapping })
    }

    /// Recovers the keys from `meta`. A key or passphrase that does not fit gives
    /// [`StoreError::WrongKey`]; nothing is written.
    pub fn unlock(conn: &Connection, unlock: &Unlock) -> Result<Self, StoreError> {
        let kdf = get_meta(conn, "kdf")?;
        let wrapped = get_meta(conn, "wrapped_key")?;
        let keys = match (unlock, kdf, wrapped) {
            (Unlock::Passphrase(pass), Some(kdf), Some(wrapped)) => {
                let (iterations, salt) = parse_kdf(&kdf)?;
                let kek = DataKey::from_passphrase(pass, &salt, self::iterations(iterations)?);
                let data = unwrap(&kek, &wrapped)?;
                Self { data, kek, wrapping: Wrapping::Passphrase { iterations, salt } }
            }
            (Unlock::Key(k), None, Some(wrapped)) => {
                Self { data: unwrap(k, &wrapped)?, kek: k.clone(), wrapping: Wrapping::Keystore }
            }
            (Unlock::Key(k), None, None) => {
                Self { data: k.clone(), kek: k.clone(), wrapping: Wrapping::Unwrapped }
            }
            (Unlock::Passphrase(_), _, None) => return Err(StoreError::Corrupt("no wrapped key".into())),
            // A keystore key offered to a passphrase diary, or the reverse: not this diary's key.
            _ => return Err(StoreError::WrongKey),
        };
        let check = get_meta(conn, "key_check")?.ok_or_else(|| StoreError::Corrupt("no key check".into()))?;
        let opened = Sealer::new(&keys.data).open(&meta_aad("key_check"), &check);
        if opened.as_deref().map(Vec::as_slice) != Some(KEY_CHECK) {
            return Err(StoreError::WrongKey);
        }
        Ok(keys)
    }

    /// Writes these keys' rows into `meta` (inside the caller's transaction), replacing any
    /// previous key material, with the seal counter at `seals`.
    pub fn store(&self, conn: &Connection, seals: u64) -> Result<(), StoreError> {
        conn.execute("DELETE FROM meta WHERE name IN ('kdf', 'wrapped_key', 'key_check')", [])?;
        if let Wrapping::Passphrase { iterations, salt } = &self.wrapping {
            let mut kdf = iterations.to_be_bytes().to_vec();
            kdf.extend_from_slice(salt);
            put_meta(conn, "kdf", &kdf)?;
        }
        if self.wrapping != Wrapping::Unwrapped {
            let wrapped = Sealer::new(&self.kek).seal(&meta_aad("wrapped_key"), self.data.expose())?;
            put_meta(conn, "wrapped_key", &wrapped)?;
        }
        let check = Sealer::new(&self.data).seal(&meta_aad("key_check"), KEY_CHECK)?;
        put_meta(conn, "key_check", &check)?;
        store_seal_count(conn, seals + 1)
    }
}

/// How many values the current data key has sealed (0 in files older than the counter).
pub(crate) fn seal_count(conn: &Connection) -> Result<u64, StoreError> {
    match get_meta(conn, "seals")? {
        None => Ok(0),
        Some(v) => Ok(u64::from_be_bytes(
            v.as_slice().try_into().map_err(|_| StoreError::Corrupt("bad seal counter".into()))?,
        )),
    }
}

/// Records the seal counter (inside the caller's transaction).
pub(crate) fn store_seal_count(conn: &Connection, seals: u64) -> Result<(), StoreError> {
    put_meta(conn, "seals", &seals.to_be_bytes())
}

fn parse_kdf(kdf: &[u8]) -> Result<(u32, [u8; SALT_LEN]), StoreError> {
    if kdf.len() != 4 + SALT_LEN {
        return Err(StoreError::Corrupt("bad KDF parameters".into()));
    }
    let n = u32::from_be_bytes([kdf[0], kdf[1], kdf[2], kdf[3]]);
    if n < PBKDF2_ITERATIONS {
        return Err(StoreError::WeakKeyParameters);
    }
    let salt: [u8; SALT_LEN] = kdf[4..].try_into().map_err(|_| StoreError::Corrupt("bad salt".into()))?;
    Ok((n, salt))
}

fn unwrap(kek: &DataKey, wrapped: &[u8]) -> Result<DataKey, StoreError> {
    let raw = Sealer::new(kek).open(&meta_aad("wrapped_key"), wrapped).ok_or(StoreError::WrongKey)?;
    DataKey::from_slice(&raw)
}

/// PBKDF2 iteration count as ring wants it.
pub(crate) fn iterations(n: u32) -> Result<NonZeroU32, StoreError> {
    NonZeroU32::new(n).ok_or(StoreError::WeakKeyParameters)
}

fn meta_aad(name: &str) -> Vec<u8> {
    associated_data(KEY_FORMAT, "meta", name.as_bytes())
}

fn put_meta(conn: &Connection, name: &str, value: &[u8]) -> Result<(), StoreError> {
    conn.execute("INSERT OR REPLACE INTO meta (name, value) VALUES (?1, ?2)", params![name, value])?;
    Ok(())
}

fn get_meta(conn: &Connection, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(conn.query_row("SELECT value FROM meta WHERE name = ?1", [name], |r| r.get(0)).optional()?)
}
