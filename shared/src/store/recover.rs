//! Recovery of a damaged diary. The damaged files are moved, untouched, into a `damaged-<time>`
//! folder beside the new diary; everything that can still be read and authenticated is copied into
//! a new diary in one transaction. Nothing is deleted, and if recovery itself fails the files are
//! put back as they were.
//!
//! Reading around damage: SQLite stops a scan at the first damaged page, so the table is read in
//! 256 slices of the (uniformly random) id space, each forwards until it fails and then backwards
//! from its end. That reaches every row whose path from the root is intact; a damaged *interior*
//! page still cuts off every leaf below it, so the file's pages are then also read directly
//! ([`super::pages`]) and any authenticated row SQLite could not reach is added. Only the entries on
//! damaged pages themselves are lost.
//!
//! Rows read from pages come from the main file after a checkpoint of the scratch copy. If the
//! write-ahead log itself is damaged and cannot be checkpointed, an entry edited or deleted since
//! the last checkpoint *and* cut off by the damage may come back in its earlier form; the report
//! counts these rows (`read_from_pages`) so the patient can check them.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::crypto::Sealer;
use super::erase::{diary_files, DAMAGED_PREFIX, SCRATCH_DIR};
use super::error::StoreError;
use super::keys::Keys;
use super::{manifest, open_rows, pages, row_id, schema, Loaded, SealedRow, Store, Unlock, DB_FILE};
use crate::domain::EntryId;

pub use super::erase::erase;

/// What [`recover`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// Entries copied into the new diary.
    pub recovered: usize,
    /// Rows that could be read but failed authentication (tampered or damaged), by id.
    pub damaged: Vec<EntryId>,
    /// Whether damaged pages were found (entries on them are lost).
    pub pages_lost: bool,
    /// Entries the diary's manifest lists that could not be recovered at all (on damaged pages);
    /// empty when the manifest itself was unreadable (then `pages_lost` says whether any were).
    pub lost: Vec<EntryId>,
    /// Of `recovered`, the entries SQLite could no longer reach, read directly from their pages.
    pub read_from_pages: usize,
    /// Where the damaged files were kept.
    pub kept_at: PathBuf,
}

/// Recovers the diary in `dir` (which must not be open) with its key: keeps the damaged files in a
/// new `damaged-…` folder and writes what is readable into a fresh diary in `dir`.
pub fn recover(dir: &Path, unlock: &Unlock) -> Result<Recovery, StoreError> {
    if !dir.join(DB_FILE).is_file() {
        return Err(StoreError::NotFound(dir.display().to_string()));
    }
    let kept_at = keep_damaged(dir)?;
    match copy_readable(&kept_at, dir, unlock) {
        Ok(Salvage { loaded, pages_lost, read_from_pages, lost }) => Ok(Recovery {
            recovered: loaded.entries.len(),
            damaged: loaded.damaged,
            pages_lost: pages_lost || !lost.is_empty(),
            lost,
            read_from_pages,
            kept_at,
        }),
        Err(e) => {
            // Put everything back as it was: the new diary (if any) goes, the damaged one returns.
            for f in diary_files(dir) {
                std::fs::remove_file(f)?;
            }
            for f in diary_files(&kept_at) {
                std::fs::rename(&f, dir.join(f.file_name().unwrap_or_default()))?;
            }
            std::fs::remove_dir(&kept_at)?;
            Err(e)
        }
    }
}

/// Moves the diary's files into a fresh `damaged-<UTC time>` folder.
fn keep_damaged(dir: &Path) -> Result<PathBuf, StoreError> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let mut kept = dir.join(format!("{DAMAGED_PREFIX}{stamp}"));
    let mut n = 1;
    while kept.exists() {
        n += 1;
        kept = dir.join(format!("{DAMAGED_PREFIX}{stamp}-{n}"));
    }
    std::fs::create_dir(&kept)?;
    for f in diary_files(dir) {
        std::fs::rename(&f, kept.join(f.file_name().unwrap_or_default()))?;
    }
    Ok(kept)
}

/// What [`copy_readable`] wrote into the new diary.
struct Salvage {
    loaded: Loaded,
    pages_lost: bool,
    read_from_pages: usize,
    lost: Vec<EntryId>,
}

/// Reads a scratch copy of the kept files (so the kept ones stay byte for byte as found) and
/// writes the readable entries into a new diary in `dir`.
fn copy_readable(kept: &Path, dir: &Path, unlock: &Unlock) -> Result<Salvage, StoreError> {
    let scratch = tempfile_dir(dir)?;
    let result = (|| {
        for f in diary_files(kept) {
            std::fs::copy(&f, scratch.join(f.file_name().unwrap_or_default()))?;
        }
        let (sealer, rows, pages_lost, expected) = match through_sqlite(&scratch, unlock) {
            Ok(found) => found,
            // The first page (SQLite's way into the file) or the key material is damaged: the key
            // material is looked for on the pages themselves, and every entry is read from there.
            Err(StoreError::Corrupt(_) | StoreError::KeyDamaged | StoreError::Sqlite(_)) => {
                let file = std::fs::read(scratch.join(DB_FILE))?;
                let names = ["keys", "keys.copy", "kdf", "wrapped_key", "key_check"];
                let keys = Keys::unlock_rows(&pages::meta_rows(&file, &names), unlock)?;
                (Sealer::new(&keys.data), Vec::new(), true, None)
            }
            Err(e) => return Err(e),
        };
        let mut loaded = open_rows(&sealer, &rows);
        let reached: HashSet<EntryId> = rows.iter().map(|(id, _, _)| *id).collect();
        let from_pages = unreached_rows(&std::fs::read(scratch.join(DB_FILE))?, &reached, &sealer);
        let read_from_pages = from_pages.entries.len();
        loaded.entries.extend(from_pages.entries);
        loaded.damaged.extend(from_pages.damaged);
        // What the manifest expected and nothing recovered: lost with the damaged pages.
        let found: HashSet<EntryId> =
            loaded.entries.iter().map(|e| e.id).chain(loaded.damaged.iter().copied()).collect();
        let mut lost: Vec<EntryId> = expected
            .unwrap_or_default()
            .into_iter()
            .map(EntryId::from_bytes)
            .filter(|id| !found.contains(id))
            .collect();
        lost.sort_unstable();
        let mut store = Store::create(dir, unlock)?;
        store.write(&loaded.entries, &[])?;
        Ok(Salvage { loaded, pages_lost: pages_lost || read_from_pages > 0, read_from_pages, lost })
    })();
    std::fs::remove_dir_all(&scratch)?;
    result
}

/// The key and every row SQLite can still reach in the scratch copy, and whether it hit damaged
/// pages; the scratch file is then brought up to date with its log (best effort).
type Found = (Sealer, Vec<SealedRow>, bool, Option<Vec<[u8; 16]>>);

fn through_sqlite(scratch: &Path, unlock: &Unlock) -> Result<Found, StoreError> {
    let conn = Connection::open_with_flags(scratch.join(DB_FILE), schema::OPEN_FLAGS)?;
    schema::check_not_newer(schema::version(&conn)?)?;
    let keys = Keys::unlock(&conn, unlock)?;
    let sealer = Sealer::new(&keys.data);
    let (rows, pages_lost) = scan(&conn)?;
    // The manifest, if it can still be read, says which entries to expect (best effort).
    let expected =
        manifest::expected(&conn, &sealer, &mut false).ok().flatten().map(|m| m.into_keys().collect());
    // Bring the scratch file up to date with its log (best effort: the log may be damaged too).
    let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    Ok((sealer, rows, pages_lost, expected))
}

/// The rows on the pages of `file` that SQLite did not reach: each id once, the first copy that
/// authenticates; ids with no copy that does are listed as damaged.
fn unreached_rows(file: &[u8], reached: &HashSet<EntryId>, sealer: &Sealer) -> Loaded {
    let candidates: Vec<SealedRow> = pages::entry_rows(file)
        .into_iter()
        .map(|row| (EntryId::from_bytes(row.id), row.v, row.sealed))
        .filter(|(id, _, _)| !reached.contains(id))
        .collect();
    let opened = open_rows(sealer, &candidates);
    let mut seen = HashSet::new();
    let entries: Vec<_> = opened.entries.into_iter().filter(|e| seen.insert(e.id)).collect();
    let mut damaged: Vec<_> = opened.damaged.into_iter().filter(|id| !seen.contains(id)).collect();
    damaged.sort_unstable();
    damaged.dedup();
    Loaded { entries, damaged, integrity: super::Integrity::default() }
}

fn tempfile_dir(dir: &Path) -> Result<PathBuf, StoreError> {
    let scratch = dir.join(SCRATCH_DIR);
    if scratch.exists() {
        std::fs::remove_dir_all(&scratch)?;
    }
    std::fs::create_dir(&scratch)?;
    Ok(scratch)
}

/// Every row SQLite can still reach, and whether it hit damaged pages on the way.
fn scan(conn: &Connection) -> Result<(Vec<SealedRow>, bool), StoreError> {
    let mut rows = std::collections::BTreeMap::new();
    let mut pages_lost = false;
    for slice in Slice::all() {
        let forward = read_slice(conn, &slice, "id >= ?1 AND id < ?2 ORDER BY id", &mut rows);
        if forward.is_err() {
            pages_lost = true;
            let _ = read_slice(conn, &slice, "id >= ?1 AND id < ?2 ORDER BY id DESC", &mut rows);
        }
    }
    Ok((rows.into_iter().map(|(id, (v, sealed))| (id, v, sealed)).collect(), pages_lost))
}

fn read_slice(
    conn: &Connection,
    slice: &Slice,
    clause: &str,
    into: &mut std::collections::BTreeMap<EntryId, (u32, Vec<u8>)>,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT id, v, sealed FROM entries WHERE {clause}"))?;
    let mut cursor = stmt.query(rusqlite::params![slice.start.as_slice(), slice.end.as_slice()])?;
    while let Some(row) = cursor.next()? {
        let id = row_id(row)?;
        into.insert(id, (row.get(1)?, row.get(2)?));
    }
    Ok(())
}

/// One 1/256th of the id space, by first byte: `[b, 0…0]` up to (not including) `[b + 1, 0…0]`;
/// the last slice ends past every 16-byte id.
struct Slice {
    start: Vec<u8>,
    end: Vec<u8>,
}

impl Slice {
    fn all() -> impl Iterator<Item = Slice> {
        (0u8..=255).map(|b| {
            let mut start = vec![0u8; 16];
            start[0] = b;
            let end = match b.checked_add(1) {
                Some(next) => {
                    let mut e = vec![0u8; 16];
                    e[0] = next;
                    e
                }
                None => vec![0xFF; 17],
            };
            Slice { start, end }
        })
    }
}
