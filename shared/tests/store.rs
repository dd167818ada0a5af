//! The encrypted store on a real file: round trips, keys, tampering, deletion, migrations, and a
//! canary scan proving no clinical text reaches the disk in the clear.

mod common;

use std::path::Path;

use rusqlite::Connection;
use steady_core::domain::{Entry, EntryId};
use steady_core::internals::{Store, DB_FILE};
use steady_core::{DataKey, StoreError, Unlock};
use zeroize::Zeroizing;

fn key() -> Unlock {
    Unlock::Key(DataKey::from_bytes([42; 32]))
}

fn sorted(mut v: Vec<Entry>) -> Vec<Entry> {
    v.sort_by_key(|e| e.id);
    v
}

fn raw(dir: &Path) -> Connection {
    Connection::open(dir.join(DB_FILE)).unwrap()
}

/// Rewrites one blob behind the store's back, as an attacker with the file would.
fn tamper(
    conn: &Connection,
    select: &str,
    update: &str,
    key: impl rusqlite::ToSql,
    edit: impl FnOnce(&mut Vec<u8>),
) {
    let mut blob: Vec<u8> = conn.query_row(select, [&key], |r| r.get(0)).unwrap();
    edit(&mut blob);
    assert_eq!(conn.execute(update, rusqlite::params![blob, key]).unwrap(), 1);
}

#[test]
fn every_entry_kind_round_trips_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let entries = common::one_of_each("my words");
    {
        let mut store = Store::create(dir.path(), &key()).unwrap();
        for e in &entries {
            store.put(e).unwrap();
        }
        for e in &entries {
            assert_eq!(store.get(e.id).unwrap().as_ref(), Some(e));
        }
    }
    let store = Store::open(dir.path(), &key()).unwrap();
    let loaded = store.load_all().unwrap();
    assert!(loaded.damaged.is_empty());
    assert_eq!(sorted(loaded.entries), sorted(entries));
}

#[test]
fn store_pragmas_are_durable_and_private() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("diary");
    let dir = dir.as_path();
    let _store = Store::create(dir, &key()).unwrap();
    let conn = raw(dir);
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, steady_core::internals::schema::SCHEMA_VERSION);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        // A folder the diary creates is private; an existing one keeps its mode (tamper.rs).
        assert_eq!(mode(dir), 0o700);
        assert_eq!(mode(&dir.join(DB_FILE)), 0o600);
    }
}

#[test]
fn an_edit_replaces_content_under_the_same_id() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::create(dir.path(), &key()).unwrap();
    let mut entries = common::one_of_each("first");
    store.put(&entries[2]).unwrap();
    let edited = common::one_of_each("second").swap_remove(2);
    entries[2].body = edited.body;
    store.put(&entries[2]).unwrap();
    assert_eq!(store.get(entries[2].id).unwrap(), Some(entries[2].clone()));
    assert_eq!(store.load_all().unwrap().entries.len(), 1);
}

fn file_bytes(dir: &Path) -> Vec<Vec<u8>> {
    let mut names: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    names.iter().filter(|p| p.is_file()).map(|p| std::fs::read(p).unwrap()).collect()
}

#[test]
fn a_wrong_key_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = Store::create(dir.path(), &key()).unwrap();
        for e in common::one_of_each("x") {
            store.put(&e).unwrap();
        }
        store.checkpoint().unwrap();
    }
    let before = file_bytes(dir.path());
    let wrong = Unlock::Key(DataKey::from_bytes([7; 32]));
    assert_eq!(Store::open(dir.path(), &wrong).unwrap_err(), StoreError::WrongKey);
    let passphrase = Unlock::Passphrase(Zeroizing::new("guess".into()));
    assert_eq!(Store::open(dir.path(), &passphrase).unwrap_err(), StoreError::WrongKey);
    assert_eq!(file_bytes(dir.path()), before, "a wrong key must not write or wipe anything");
    assert_eq!(Store::open(dir.path(), &key()).unwrap().load_all().unwrap().entries.len(), 6);
}

#[test]
fn a_passphrase_diary_opens_with_its_passphrase_only() {
    let dir = tempfile::tempdir().unwrap();
    let pass = |s: &str| Unlock::Passphrase(Zeroizing::new(s.into()));
    let entry = common::one_of_each("p").swap_remove(0);
    Store::create(dir.path(), &pass("correct horse")).unwrap().put(&entry).unwrap();
    assert_eq!(Store::open(dir.path(), &pass("Correct horse")).unwrap_err(), StoreError::WrongKey);
    assert_eq!(Store::open(dir.path(), &key()).unwrap_err(), StoreError::WrongKey);
    let store = Store::open(dir.path(), &pass("correct horse")).unwrap();
    assert_eq!(store.get(entry.id).unwrap(), Some(entry));
    // The file records the KDF: Argon2id at 64 MiB or more, inside the checked key record.
    let record = meta_row(dir.path(), "keys");
    let (kdf_len, params) = (usize::from(record[1]), &record[2..]);
    assert_eq!((kdf_len, params[0]), (13, 2), "Argon2id parameters");
    let memory_kib = u32::from_be_bytes(params[1..5].try_into().unwrap());
    assert!(memory_kib >= 64 * 1024, "{memory_kib}");
}

fn meta_row(dir: &Path, name: &str) -> Vec<u8> {
    raw(dir).query_row("SELECT value FROM meta WHERE name = ?1", [name], |r| r.get(0)).unwrap()
}

/// Rewrites both copies of the key record with Argon2id memory `memory_kib` and a recomputed
/// digest, as an attacker who knows the format would.
fn rewrite_kdf_memory(dir: &Path, memory_kib: u32) {
    let mut record = meta_row(dir, "keys");
    record.truncate(record.len() - 32);
    record[3..7].copy_from_slice(&memory_kib.to_be_bytes());
    let digest = ring::digest::digest(&ring::digest::SHA256, &record);
    record.extend_from_slice(digest.as_ref());
    for name in ["keys", "keys.copy"] {
        raw(dir)
            .execute("UPDATE meta SET value = ?1 WHERE name = ?2", rusqlite::params![record, name])
            .unwrap();
    }
}

#[test]
fn weakened_kdf_parameters_in_the_file_are_refused() {
    let pass = || Unlock::Passphrase(Zeroizing::new("pw".into()));
    // Cheaper than the floor (8 KiB), or dearer than the cap (4 GiB): refused before deriving.
    for memory_kib in [8, 4 * 1024 * 1024] {
        let dir = tempfile::tempdir().unwrap();
        drop(Store::create(dir.path(), &pass()).unwrap());
        rewrite_kdf_memory(dir.path(), memory_kib);
        assert_eq!(
            Store::open(dir.path(), &pass()).unwrap_err(),
            StoreError::WeakKeyParameters,
            "{memory_kib}"
        );
    }
    // Downgraded to the older three-row layout with 1000 PBKDF2 iterations: refused too.
    let dir = tempfile::tempdir().unwrap();
    drop(Store::create(dir.path(), &pass()).unwrap());
    let conn = raw(dir.path());
    conn.execute("DELETE FROM meta WHERE name IN ('keys', 'keys.copy')", []).unwrap();
    let mut kdf = 1000u32.to_be_bytes().to_vec();
    kdf.extend_from_slice(&[7; 16]);
    for (name, value) in [("kdf", kdf), ("wrapped_key", vec![0; 60]), ("key_check", vec![0; 40])] {
        conn.execute("INSERT INTO meta (name, value) VALUES (?1, ?2)", rusqlite::params![name, value])
            .unwrap();
    }
    assert_eq!(Store::open(dir.path(), &pass()).unwrap_err(), StoreError::WeakKeyParameters);
}

#[test]
fn a_tampered_byte_names_its_record_and_the_rest_stay_readable() {
    let dir = tempfile::tempdir().unwrap();
    let entries = common::one_of_each("t");
    let mut store = Store::create(dir.path(), &key()).unwrap();
    for e in &entries {
        store.put(e).unwrap();
    }
    let victim = entries[3].id;
    tamper(
        &raw(dir.path()),
        "SELECT sealed FROM entries WHERE id = ?1",
        "UPDATE entries SET sealed = ?1 WHERE id = ?2",
        victim.as_bytes().as_slice(),
        |sealed| sealed[20] ^= 0xFF,
    );
    assert_eq!(store.get(victim).unwrap_err(), StoreError::Tampered { id: victim.to_string() });
    let loaded = store.load_all().unwrap();
    assert_eq!(loaded.damaged, vec![victim]);
    assert_eq!(loaded.entries.len(), 5);
    // Nothing was deleted: the damaged row is still there for recovery.
    let rows: i64 = raw(dir.path()).query_row("SELECT count(*) FROM entries", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 6);
}

#[test]
fn a_ciphertext_moved_to_another_row_or_version_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let entries = common::one_of_each("m");
    let mut store = Store::create(dir.path(), &key()).unwrap();
    for e in &entries {
        store.put(e).unwrap();
    }
    let (a, b, c) = (entries[0].id, entries[1].id, entries[2].id);
    let conn = raw(dir.path());
    conn.execute(
        "UPDATE entries SET sealed = (SELECT sealed FROM entries WHERE id = ?1) WHERE id = ?2",
        [a.as_bytes().as_slice(), b.as_bytes().as_slice()],
    )
    .unwrap();
    conn.execute("UPDATE entries SET v = v + 1 WHERE id = ?1", [c.as_bytes().as_slice()]).unwrap();
    let mut damaged = store.load_all().unwrap().damaged;
    damaged.sort();
    let mut expected = vec![b, c];
    expected.sort();
    assert_eq!(damaged, expected);
    assert_eq!(store.get(a).unwrap(), Some(entries[0].clone()));
}

#[test]
fn delete_removes_the_row_and_deleting_nothing_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let entries = common::one_of_each("d");
    let mut store = Store::create(dir.path(), &key()).unwrap();
    for e in &entries {
        store.put(e).unwrap();
    }
    assert!(store.delete(entries[0].id).unwrap());
    assert!(!store.delete(entries[0].id).unwrap());
    assert_eq!(store.write(&[], &[entries[4].id, entries[5].id, EntryId::new()]).unwrap(), 2);
    assert_eq!(store.get(entries[0].id).unwrap(), None);
    assert_eq!(store.load_all().unwrap().entries.len(), 3);
}

#[test]
fn create_refuses_to_overwrite_and_open_refuses_a_missing_diary() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(Store::open(dir.path(), &key()), Err(StoreError::NotFound(_))));
    drop(Store::create(dir.path(), &key()).unwrap());
    assert!(matches!(Store::create(dir.path(), &key()), Err(StoreError::AlreadyExists(_))));
}

#[test]
fn a_file_that_is_not_a_database_is_corrupt_not_an_empty_diary() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(DB_FILE), vec![0x5A; 8192]).unwrap();
    assert!(matches!(Store::open(dir.path(), &key()), Err(StoreError::Corrupt(_))));
}

#[test]
fn a_canary_in_every_text_field_never_reaches_the_disk_in_the_clear() {
    let canary = common::random_canary();
    let dir = tempfile::tempdir().unwrap();
    let entries = common::one_of_each(&canary);
    let mut store = Store::create(dir.path(), &key()).unwrap();
    for e in &entries {
        store.put(e).unwrap();
    }
    // The WAL and SHM files exist now, holding the recent pages.
    assert!(dir.path().join(format!("{DB_FILE}-wal")).exists());
    common::assert_no_canary(dir.path(), &canary, "after logging");
    // Times, molecule and names are sealed too, not only notes.
    for clear in ["lormetazepam", "Peeters", "2026-03-09", "reduce"] {
        common::assert_no_canary(dir.path(), clear, "after logging");
    }
    for e in &entries {
        store.delete(e.id).unwrap();
    }
    store.checkpoint().unwrap();
    common::assert_no_canary(dir.path(), &canary, "after delete and checkpoint");
}

/// Key of the committed fixtures (test data only).
const FIXTURE_KEY: [u8; 32] = *b"steady-fixture-key-not-a-secret!";

fn fixture_path(version: u32) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../tests/fixtures/v{version}/{DB_FILE}"))
}

/// Deterministic content of the v1 fixture, checked after migration.
fn fixture_expectations(entries: &[Entry]) {
    use steady_core::domain::{EntryBody, Keyed};
    assert_eq!(entries.len(), 6);
    let kinds: std::collections::BTreeSet<_> = entries.iter().map(|e| e.body.kind().key()).collect();
    assert_eq!(kinds.len(), 6, "one entry of every kind");
    let dose = entries.iter().find_map(|e| match &e.body {
        EntryBody::Dose(d) => Some(d),
        _ => None,
    });
    assert_eq!(dose.unwrap().amount.mg(), Some(1.5));
    assert!(entries.iter().all(|e| match &e.body {
        EntryBody::Gad7(g) => g.total() == 10,
        _ => true,
    }));
}

/// A new schema version must come with its fixture (written by `write_fixture`).
#[test]
fn every_schema_version_has_a_committed_fixture() {
    for version in 1..=steady_core::internals::schema::SCHEMA_VERSION {
        assert!(fixture_path(version).exists(), "no fixture for schema version {version}");
    }
}

#[test]
fn the_committed_version_1_fixture_opens_and_migrates_without_loss() {
    let src = fixture_path(1);
    assert!(src.exists(), "fixture missing: {}", src.display());
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(&src, dir.path().join(DB_FILE)).unwrap();
    let store = Store::open(dir.path(), &Unlock::Key(DataKey::from_bytes(FIXTURE_KEY))).unwrap();
    let loaded = store.load_all().unwrap();
    assert!(loaded.damaged.is_empty());
    fixture_expectations(&loaded.entries);
    let version: u32 = raw(dir.path()).pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, steady_core::internals::schema::SCHEMA_VERSION);
}

/// Writes the fixture for the current schema version. Run once per new schema version:
/// `cargo test -p steady-core --test store -- --ignored write_fixture`
#[test]
#[ignore]
fn write_fixture() {
    let version = steady_core::internals::schema::SCHEMA_VERSION;
    let path = fixture_path(version);
    let dir = path.parent().unwrap();
    let _ = std::fs::remove_dir_all(dir);
    let mut store = Store::create(dir, &Unlock::Key(DataKey::from_bytes(FIXTURE_KEY))).unwrap();
    for e in common::one_of_each(&format!("fixture v{version}")) {
        store.put(&e).unwrap();
    }
    store.checkpoint().unwrap();
    drop(store);
    let entries =
        Store::open(dir, &Unlock::Key(DataKey::from_bytes(FIXTURE_KEY))).unwrap().load_all().unwrap();
    fixture_expectations(&entries.entries);
}

#[test]
fn debug_output_never_shows_health_data() {
    use steady_core::domain::Diary;
    use steady_core::domain::EquivalenceTable;
    let canary = common::random_canary();
    let entries = common::one_of_each(&canary);
    let diary = Diary::from_entries(entries.clone());
    let date = common::now().date_naive();
    let summary =
        steady_core::summary::build(&diary, date - chrono::Days::new(30), date, EquivalenceTable::Ashton);
    let today = steady_core::internals::today::build(
        &diary,
        date,
        Some(common::now()),
        &steady_core::Texts::new(steady_core::Lang::En),
    );
    let dumps = [format!("{entries:?}"), format!("{diary:?}"), format!("{summary:?}"), format!("{today:?}")];
    for dump in dumps {
        assert!(!dump.contains(&canary), "canary in Debug output: {dump}");
        assert!(!dump.contains("lormetazepam") && !dump.contains("Lormetazepam"), "molecule in Debug output");
        assert!(dump.contains("<redacted>"), "expected redaction marker in {dump}");
    }
}
