//! The authenticated manifest of the entry set: which entries the diary holds, in which version,
//! so a row deleted, added, replayed from an older copy or rolled back by someone with the file but
//! not the key is noticed and named on open.
//!
//! Each stored entry is identified by its id and the AES-GCM tag of its sealed value (the tag binds
//! the ciphertext, its id and version, and a fresh nonce: every version of every entry has its
//! own). The manifest keeps (id, tag) pairs in 256 buckets by the id's first byte, each bucket
//! sealed under the data key in `meta` (`manifest/xx`). One sealed *state* record (`meta`, `state`)
//! binds them all: a generation counter (one more per write), the seal counter (for key rotation,
//! so how often entries were edited is not readable either) and the tag of every bucket. A write
//! updates only the buckets of the entries it changes, plus the state, in its own transaction.
//!
//! Reading the state with this process's data key is also how a write notices that another process
//! changed the key meanwhile ([`StoreError::KeyChanged`]): nothing is then sealed under a stale key.

use std::collections::HashMap;

use rusqlite::Connection;

use super::crypto::{Sealer, TAG_LEN};
use super::error::StoreError;
use super::keys::{get_meta, meta_aad, put_meta};
use crate::domain::{EntryId, Integrity};

/// Buckets of the manifest (by the first byte of the id).
const BUCKETS: usize = 256;
/// Version byte of the state record.
const STATE_FORMAT: u8 = 1;
/// State record length: format, generation, seals, one tag per bucket.
const STATE_LEN: usize = 1 + 8 + 8 + BUCKETS * TAG_LEN;

/// The state record, opened.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct State {
    /// Writes so far; only ever grows.
    pub generation: u64,
    /// Values sealed under the current data key.
    pub seals: u64,
    /// The tag of each sealed bucket (all zero for a bucket never written).
    pub bucket_tags: Vec<[u8; TAG_LEN]>,
}

/// The tag of a sealed value (its last bytes).
pub(crate) fn tag_of(sealed: &[u8]) -> [u8; TAG_LEN] {
    let mut tag = [0u8; TAG_LEN];
    if let Some(t) = sealed.len().checked_sub(TAG_LEN).map(|start| &sealed[start..]) {
        tag.copy_from_slice(t);
    }
    tag
}

fn bucket_name(b: usize) -> String {
    format!("manifest/{b:02x}")
}

impl State {
    /// The state of a diary whose state record could not be read: writes re-read it and refuse.
    pub fn unknown() -> Self {
        Self::empty()
    }

    fn empty() -> Self {
        Self { generation: 0, seals: 0, bucket_tags: vec![[0; TAG_LEN]; BUCKETS] }
    }

    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(STATE_LEN);
        out.push(STATE_FORMAT);
        out.extend_from_slice(&self.generation.to_be_bytes());
        out.extend_from_slice(&self.seals.to_be_bytes());
        for t in &self.bucket_tags {
            out.extend_from_slice(t);
        }
        out
    }

    fn decode(bytes: &[u8]) -> Option<Self> {
        if bytes.len() != STATE_LEN || bytes[0] != STATE_FORMAT {
            return None;
        }
        let word = |at: usize| u64::from_be_bytes(bytes[at..at + 8].try_into().unwrap_or_default());
        let bucket_tags =
            bytes[17..].chunks_exact(TAG_LEN).map(|c| c.try_into().unwrap_or_default()).collect();
        Some(Self { generation: word(1), seals: word(9), bucket_tags })
    }

    /// The stored state opened with `sealer`. `Ok(None)`: a diary from before the manifest.
    pub fn read(conn: &Connection, sealer: &Sealer) -> Result<Option<Self>, StoreError> {
        let Some(sealed) = get_meta(conn, "state")? else { return Ok(None) };
        let plain = sealer.open(&meta_aad("state"), &sealed).ok_or(StoreError::StateUnreadable)?;
        Self::decode(&plain).map(Some).ok_or(StoreError::StateUnreadable)
    }

    fn store(&self, conn: &Connection, sealer: &Sealer) -> Result<(), StoreError> {
        put_meta(conn, "state", &sealer.seal(&meta_aad("state"), &self.encode())?)
    }
}

/// A bucket's (id, tag) pairs, sorted by id.
type Bucket = Vec<([u8; 16], [u8; TAG_LEN])>;

fn read_bucket(conn: &Connection, sealer: &Sealer, state: &State, b: usize) -> Result<Bucket, StoreError> {
    let name = bucket_name(b);
    let Some(sealed) = get_meta(conn, &name)? else {
        return if state.bucket_tags[b] == [0; TAG_LEN] {
            Ok(Vec::new())
        } else {
            Err(StoreError::StateUnreadable)
        };
    };
    if tag_of(&sealed) != state.bucket_tags[b] {
        return Err(StoreError::StateUnreadable);
    }
    let plain = sealer.open(&meta_aad(&name), &sealed).ok_or(StoreError::StateUnreadable)?;
    Ok(plain
        .chunks_exact(16 + TAG_LEN)
        .map(|c| (c[..16].try_into().unwrap_or_default(), c[16..].try_into().unwrap_or_default()))
        .collect())
}

fn write_bucket(
    conn: &Connection,
    sealer: &Sealer,
    b: usize,
    bucket: &Bucket,
) -> Result<[u8; TAG_LEN], StoreError> {
    let name = bucket_name(b);
    let mut plain = zeroize::Zeroizing::new(Vec::with_capacity(bucket.len() * (16 + TAG_LEN)));
    for (id, tag) in bucket {
        plain.extend_from_slice(id);
        plain.extend_from_slice(tag);
    }
    let sealed = sealer.seal(&meta_aad(&name), &plain)?;
    put_meta(conn, &name, &sealed)?;
    Ok(tag_of(&sealed))
}

/// The changes one write makes to the entry set: new tags by id (`None` = deleted).
pub(crate) type Changes = Vec<Change>;

/// One entry's new tag (`None` = deleted).
pub(crate) type Change = (EntryId, Option<[u8; TAG_LEN]>);

/// Entry id bytes → the GCM tag the manifest expects for it.
pub(crate) type Expected = HashMap<[u8; 16], [u8; TAG_LEN]>;

/// Applies `changes` to the manifest inside the caller's transaction and seals the next state;
/// `seals` values were sealed for the entries. Returns the new state.
pub(crate) fn record(
    conn: &Connection,
    sealer: &Sealer,
    changes: &Changes,
    seals: u64,
) -> Result<State, StoreError> {
    let mut state = State::read(conn, sealer)?.ok_or(StoreError::StateUnreadable)?;
    let mut by_bucket: HashMap<usize, Vec<Change>> = HashMap::new();
    for (id, tag) in changes {
        by_bucket.entry(usize::from(id.as_bytes()[0])).or_default().push((*id, *tag));
    }
    let mut sealed = seals;
    for (b, changes) in by_bucket {
        let mut bucket = read_bucket(conn, sealer, &state, b)?;
        for (id, tag) in changes {
            let key = *id.as_bytes();
            match (bucket.binary_search_by(|(k, _)| k.cmp(&key)), tag) {
                (Ok(at), Some(tag)) => bucket[at].1 = tag,
                (Ok(at), None) => {
                    bucket.remove(at);
                }
                (Err(at), Some(tag)) => bucket.insert(at, (key, tag)),
                (Err(_), None) => {}
            }
        }
        state.bucket_tags[b] = write_bucket(conn, sealer, b, &bucket)?;
        sealed += 1;
    }
    state.generation += 1;
    state.seals += sealed + 1;
    state.store(conn, sealer)?;
    Ok(state)
}

/// Sets the seal counter in the state (tests of key rotation).
#[cfg(any(test, feature = "internals"))]
pub(crate) fn set_seals(conn: &Connection, sealer: &Sealer, seals: u64) -> Result<(), StoreError> {
    let mut state = State::read(conn, sealer)?.ok_or(StoreError::StateUnreadable)?;
    state.seals = seals;
    state.store(conn, sealer)
}

/// Builds the manifest of the rows as they are now (a new diary, a diary from before the manifest,
/// a rekey that re-sealed every entry), inside the caller's transaction. `seals` is the seal count
/// of the data key before this; the generation continues from `generation`.
pub(crate) fn rebuild(
    conn: &Connection,
    sealer: &Sealer,
    rows: &[(EntryId, [u8; TAG_LEN])],
    generation: u64,
    seals: u64,
) -> Result<State, StoreError> {
    let mut buckets: Vec<Bucket> = vec![Vec::new(); BUCKETS];
    for (id, tag) in rows {
        buckets[usize::from(id.as_bytes()[0])].push((*id.as_bytes(), *tag));
    }
    conn.execute("DELETE FROM meta WHERE name LIKE 'manifest/%'", [])?;
    let mut state = State { generation, seals, ..State::empty() };
    for (b, bucket) in buckets.iter_mut().enumerate() {
        if bucket.is_empty() {
            continue;
        }
        bucket.sort_unstable();
        state.bucket_tags[b] = write_bucket(conn, sealer, b, bucket)?;
        state.seals += 1;
    }
    state.generation += 1;
    state.seals += 1;
    state.store(conn, sealer)?;
    Ok(state)
}

/// The entries the manifest lists, with their tags; `None` when the state cannot be read, and
/// `damaged` set when a bucket cannot.
pub(crate) fn expected(
    conn: &Connection,
    sealer: &Sealer,
    damaged: &mut bool,
) -> Result<Option<Expected>, StoreError> {
    let state = match State::read(conn, sealer) {
        Ok(Some(state)) => state,
        Ok(None) | Err(StoreError::StateUnreadable) => {
            *damaged = true;
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let mut expected = HashMap::new();
    for b in 0..BUCKETS {
        match read_bucket(conn, sealer, &state, b) {
            Ok(bucket) => expected.extend(bucket),
            Err(StoreError::StateUnreadable) => *damaged = true,
            Err(e) => return Err(e),
        }
    }
    Ok(Some(expected))
}

/// Checks the rows read from the file (id and tag) against the manifest.
pub(crate) fn check(
    conn: &Connection,
    sealer: &Sealer,
    rows: &[(EntryId, [u8; TAG_LEN])],
) -> Result<Integrity, StoreError> {
    let mut integrity = Integrity::default();
    let Some(mut expected) = expected(conn, sealer, &mut integrity.manifest_damaged)? else {
        return Ok(integrity);
    };
    for (id, tag) in rows {
        match expected.remove(id.as_bytes()) {
            Some(t) if t == *tag => {}
            Some(_) => integrity.unexpected.push(*id),
            // A row in a bucket the manifest could not read is not "unexpected": the check could
            // not be made for it, and `manifest_damaged` says so.
            None if !integrity.manifest_damaged => integrity.unexpected.push(*id),
            None => {}
        }
    }
    integrity.missing = expected.into_keys().map(EntryId::from_bytes).collect();
    integrity.missing.sort_unstable();
    integrity.unexpected.sort_unstable();
    Ok(integrity)
}
