//! Key material in the `meta` table. Entries are sealed by a random *data key*; the data key is
//! itself sealed ("wrapped") by a *key-encryption key* (KEK): the platform keystore's key, or a key
//! derived from the patient's passphrase ([`super::kdf`]). Changing the passphrase or rotating the
//! data key rewrites the key material in the same transaction as the re-sealed entries.
//!
//! The key material is one record — KDF parameters and salt (passphrase diaries), the wrapped data
//! key, and a key check (known plaintext sealed under the data key, to tell a wrong key from a
//! damaged record) — followed by its SHA-256, kept **twice** (`keys`, `keys.copy`). A flipped byte
//! in one copy is caught by its digest and the other copy is used; only when neither is intact is
//! the diary's key material reported damaged ([`StoreError::KeyDamaged`]), never as a wrong key.
//!
//! Older diaries keep three rows (`kdf` = PBKDF2 iterations ‖ salt, `wrapped_key`, `key_check`);
//! they are read as before and replaced by the checked record at the next rekey or rotation.
//! Diaries from the first builds have no wrapped key: their keystore key *is* the data key, until
//! their first rotation wraps a fresh one.

use rusqlite::{params, Connection, OptionalExtension};

use super::crypto::{associated_data, random_bytes, DataKey, Sealer, SALT_LEN};
use super::error::StoreError;
use super::kdf::{Kdf, ARGON2ID_LEN};
use super::Unlock;

/// Version of the key-material format (bound into its associated data).
const KEY_FORMAT: u32 = 1;
/// Version byte of the checked key-material record.
const RECORD_FORMAT: u8 = 2;
/// Known plaintext sealed under the data key.
const KEY_CHECK: &[u8] = b"steady key check v1";
/// The two rows holding the key-material record.
const COPIES: [&str; 2] = ["keys", "keys.copy"];

/// How the data key is protected.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum Wrapping {
    /// Wrapped by a key derived from a passphrase.
    Passphrase { kdf: Kdf, salt: [u8; SALT_LEN] },
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

/// The key material as stored, before any key is tried.
struct Material {
    kdf: Option<(Kdf, [u8; SALT_LEN])>,
    wrapped: Option<Vec<u8>>,
    check: Vec<u8>,
}

impl Keys {
    /// Fresh keys for a new diary or a rekey: a random data key protected by `unlock` (a passphrase
    /// through Argon2id).
    pub fn generate(unlock: &Unlock) -> Result<Self, StoreError> {
        let data = DataKey::generate()?;
        Ok(match unlock {
            Unlock::Key(k) => Self { data, kek: k.clone(), wrapping: Wrapping::Keystore },
            Unlock::Passphrase(pass) => {
                let salt: [u8; SALT_LEN] = random_bytes()?;
                let kek = Kdf::DEFAULT.derive(pass, &salt)?;
                Self { data, kek, wrapping: Wrapping::Passphrase { kdf: Kdf::DEFAULT, salt } }
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
    /// [`StoreError::WrongKey`]; key material that is damaged in both copies gives
    /// [`StoreError::KeyDamaged`]; nothing is written.
    pub fn unlock(conn: &Connection, unlock: &Unlock) -> Result<Self, StoreError> {
        Self::from_material(&read_material(conn)?, unlock)
    }

    /// The keys from key-material rows found on the pages of a damaged file (recovery).
    pub fn unlock_rows(rows: &[(String, Vec<u8>)], unlock: &Unlock) -> Result<Self, StoreError> {
        let get = |name: &str| rows.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
        Self::from_material(&material_from(get)?, unlock)
    }

    fn from_material(m: &Material, unlock: &Unlock) -> Result<Self, StoreError> {
        let keys = match (unlock, &m.kdf, &m.wrapped) {
            (Unlock::Passphrase(pass), Some((kdf, salt)), Some(wrapped)) => {
                let kek = kdf.derive(pass, salt)?;
                Self {
                    data: unwrap(&kek, wrapped)?,
                    kek,
                    wrapping: Wrapping::Passphrase { kdf: *kdf, salt: *salt },
                }
            }
            (Unlock::Key(k), None, Some(wrapped)) => {
                Self { data: unwrap(k, wrapped)?, kek: k.clone(), wrapping: Wrapping::Keystore }
            }
            (Unlock::Key(k), None, None) => {
                Self { data: k.clone(), kek: k.clone(), wrapping: Wrapping::Unwrapped }
            }
            (Unlock::Passphrase(_), _, None) => return Err(StoreError::KeyDamaged),
            // A keystore key offered to a passphrase diary, or the reverse: not this diary's key.
            _ => return Err(StoreError::WrongKey),
        };
        let opened = Sealer::new(&keys.data).open(&meta_aad("key_check"), &m.check);
        if opened.as_deref().map(Vec::as_slice) != Some(KEY_CHECK) {
            return Err(StoreError::WrongKey);
        }
        Ok(keys)
    }

    /// Writes these keys' material into `meta` (inside the caller's transaction), twice, replacing
    /// any previous key material.
    pub fn store(&self, conn: &Connection) -> Result<(), StoreError> {
        conn.execute("DELETE FROM meta WHERE name IN ('kdf', 'wrapped_key', 'key_check', 'seals')", [])?;
        let mut record = vec![RECORD_FORMAT];
        match &self.wrapping {
            Wrapping::Passphrase { kdf, salt } => {
                let params = encode_kdf(*kdf);
                record.push(u8::try_from(params.len()).unwrap_or(u8::MAX));
                record.extend_from_slice(&params);
                record.extend_from_slice(salt);
            }
            _ => record.push(0),
        }
        let wrapped = match self.wrapping {
            Wrapping::Unwrapped => Vec::new(),
            _ => Sealer::new(&self.kek).seal(&meta_aad("wrapped_key"), self.data.expose())?,
        };
        push_part(&mut record, &wrapped);
        push_part(&mut record, &Sealer::new(&self.data).seal(&meta_aad("key_check"), KEY_CHECK)?);
        let digest = ring::digest::digest(&ring::digest::SHA256, &record);
        record.extend_from_slice(digest.as_ref());
        for name in COPIES {
            put_meta(conn, name, &record)?;
        }
        Ok(())
    }
}

/// Whether `keys` still open the key check stored now (false once another process rekeyed).
pub(crate) fn still_current(conn: &Connection, keys: &Keys) -> bool {
    read_material(conn)
        .ok()
        .and_then(|m| Sealer::new(&keys.data).open(&meta_aad("key_check"), &m.check))
        .as_deref()
        .map(Vec::as_slice)
        == Some(KEY_CHECK)
}

/// The seal counter of a diary from before the sealed state (0 in files older than the counter).
pub(crate) fn legacy_seal_count(conn: &Connection) -> Result<u64, StoreError> {
    match get_meta(conn, "seals")? {
        None => Ok(0),
        Some(v) => Ok(u64::from_be_bytes(
            v.as_slice().try_into().map_err(|_| StoreError::Corrupt("bad seal counter".into()))?,
        )),
    }
}

/// The key material in `meta`: the first intact copy of the checked record, else the rows of an
/// older diary; damaged when there is neither.
fn read_material(conn: &Connection) -> Result<Material, StoreError> {
    let names = ["keys", "keys.copy", "kdf", "wrapped_key", "key_check"];
    let mut rows = Vec::new();
    for name in names {
        if let Some(v) = get_meta(conn, name)? {
            rows.push((name.to_owned(), v));
        }
    }
    let get = |name: &str| rows.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
    material_from(get)
}

fn material_from(get: impl Fn(&str) -> Option<Vec<u8>>) -> Result<Material, StoreError> {
    let copies: Vec<Vec<u8>> = COPIES.iter().filter_map(|name| get(name)).collect();
    if !copies.is_empty() {
        return copies.iter().find_map(|c| parse_record(c)).unwrap_or(Err(StoreError::KeyDamaged));
    }
    // An older diary: three separate rows.
    let check = get("key_check").ok_or(StoreError::KeyDamaged)?;
    let kdf = get("kdf").map(|k| parse_kdf(&k)).transpose()?;
    Ok(Material { kdf, wrapped: get("wrapped_key"), check })
}

/// One copy of the checked record: `None` when its digest or shape does not match (damaged);
/// `Some(Err(WeakKeyParameters))` when it is intact but asks for a key derivation outside the
/// bounds (a file edited to make the passphrase cheaper to guess, or to hang the phone).
fn parse_record(bytes: &[u8]) -> Option<Result<Material, StoreError>> {
    let (body, digest) = bytes.split_at(bytes.len().checked_sub(32)?);
    if ring::digest::digest(&ring::digest::SHA256, body).as_ref() != digest
        || body.first() != Some(&RECORD_FORMAT)
    {
        return None;
    }
    let mut rest = &body[1..];
    let kdf_len = usize::from(*rest.first()?);
    rest = &rest[1..];
    let kdf = if kdf_len == 0 {
        None
    } else {
        let params = rest.get(..kdf_len)?;
        let salt: [u8; SALT_LEN] = rest.get(kdf_len..kdf_len + SALT_LEN)?.try_into().ok()?;
        rest = &rest[kdf_len + SALT_LEN..];
        Some((params, salt))
    };
    let wrapped = take_part(&mut rest)?;
    let check = take_part(&mut rest)?;
    if !rest.is_empty() {
        return None;
    }
    let kdf = match kdf.map(|(params, salt)| decode_kdf(params).map(|kdf| (kdf, salt))).transpose() {
        Ok(kdf) => kdf,
        Err(e) => return Some(Err(e)),
    };
    Some(Ok(Material { kdf, wrapped: (!wrapped.is_empty()).then_some(wrapped), check }))
}

fn push_part(out: &mut Vec<u8>, part: &[u8]) {
    out.extend_from_slice(&u16::try_from(part.len()).unwrap_or(u16::MAX).to_be_bytes());
    out.extend_from_slice(part);
}

fn take_part(rest: &mut &[u8]) -> Option<Vec<u8>> {
    let len = usize::from(u16::from_be_bytes(rest.get(..2)?.try_into().ok()?));
    let part = rest.get(2..2 + len)?.to_vec();
    *rest = &rest[2 + len..];
    Some(part)
}

/// KDF parameters as stored in the record: Argon2id's encoding, or PBKDF2's iteration count.
fn encode_kdf(kdf: Kdf) -> Vec<u8> {
    match kdf {
        Kdf::Argon2id { .. } => kdf.encode_argon2id().map(|b| b.to_vec()).unwrap_or_default(),
        Kdf::Pbkdf2 { iterations } => iterations.to_be_bytes().to_vec(),
    }
}

fn decode_kdf(bytes: &[u8]) -> Result<Kdf, StoreError> {
    match bytes.len() {
        4 => Kdf::Pbkdf2 { iterations: u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) }.check(),
        ARGON2ID_LEN => Kdf::decode_argon2id(bytes),
        _ => Err(StoreError::KeyDamaged),
    }
}

/// An older diary's `kdf` row: PBKDF2 iterations ‖ salt, the iterations bounded both ways.
fn parse_kdf(kdf: &[u8]) -> Result<(Kdf, [u8; SALT_LEN]), StoreError> {
    if kdf.len() != 4 + SALT_LEN {
        return Err(StoreError::KeyDamaged);
    }
    let salt: [u8; SALT_LEN] = kdf[4..].try_into().map_err(|_| StoreError::KeyDamaged)?;
    Ok((decode_kdf(&kdf[..4])?, salt))
}

fn unwrap(kek: &DataKey, wrapped: &[u8]) -> Result<DataKey, StoreError> {
    let raw = Sealer::new(kek).open(&meta_aad("wrapped_key"), wrapped).ok_or(StoreError::WrongKey)?;
    DataKey::from_slice(&raw)
}

pub(crate) fn meta_aad(name: &str) -> Vec<u8> {
    associated_data(KEY_FORMAT, "meta", name.as_bytes())
}

pub(crate) fn put_meta(conn: &Connection, name: &str, value: &[u8]) -> Result<(), StoreError> {
    conn.execute("INSERT OR REPLACE INTO meta (name, value) VALUES (?1, ?2)", params![name, value])?;
    Ok(())
}

pub(crate) fn get_meta(conn: &Connection, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(conn.query_row("SELECT value FROM meta WHERE name = ?1", [name], |r| r.get(0)).optional()?)
}
