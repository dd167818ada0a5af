//! The storage and key guarantees of README's "Security and reliability": a full disk, a damaged
//! file and its recovery, every byte of a ciphertext, key rotation and rekey, lock, backup and
//! import, and erase. Each test names the promise it proves.

mod common;

use std::path::Path;
use std::sync::Arc;

use rusqlite::Connection;
use steady_core::domain::{AnxietyRating, DoseDraft, Entry, EntryBody, EntryDraft, EntryId};
use steady_core::internals::backup;
use steady_core::internals::{self as store, Store, DB_FILE, MAX_SEALS_PER_KEY};
use steady_core::BackupError;
use steady_core::{CoreError, DiaryDir, FixedClock, SteadyCore};
use steady_core::{DataKey, StoreError, Unlock};
use zeroize::Zeroizing;

fn key(b: u8) -> Unlock {
    Unlock::Key(DataKey::from_bytes([b; 32]))
}

fn pass(p: &str) -> Unlock {
    Unlock::Passphrase(Zeroizing::new(p.to_owned()))
}

fn raw(dir: &Path) -> Connection {
    Connection::open(dir.join(DB_FILE)).unwrap()
}

fn sorted(mut v: Vec<Entry>) -> Vec<Entry> {
    v.sort_by_key(|e| e.id);
    v
}

/// `n` anxiety entries, each with a note of `note_len` characters (to fill pages quickly).
fn ratings(n: usize, note_len: usize) -> Vec<Entry> {
    let now = common::now();
    (0..n)
        .map(|i| {
            let note = format!("{i:06}{}", "n".repeat(note_len.saturating_sub(6)));
            let body = AnxietyRating::new(now, (i % 11) as i64, Some(&note), now).unwrap();
            Entry { id: EntryId::new(), body: EntryBody::Anxiety(body) }
        })
        .collect()
}

fn meta(dir: &Path, name: &str) -> Vec<u8> {
    raw(dir).query_row("SELECT value FROM meta WHERE name = ?1", [name], |r| r.get(0)).unwrap()
}

#[test]
fn every_single_byte_flip_of_a_stored_ciphertext_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::create(dir.path(), &key(1)).unwrap();
    let entries = common::one_of_each("flip");
    store.write(&entries, &[]).unwrap();
    let conn = raw(dir.path());
    for victim in &entries {
        let id = victim.id.as_bytes().to_vec();
        let original: Vec<u8> =
            conn.query_row("SELECT sealed FROM entries WHERE id = ?1", [&id], |r| r.get(0)).unwrap();
        for i in 0..original.len() {
            let mut bad = original.clone();
            bad[i] ^= 0x01 << (i % 8);
            conn.execute("UPDATE entries SET sealed = ?1 WHERE id = ?2", rusqlite::params![bad, id]).unwrap();
            assert_eq!(
                store.get(victim.id),
                Err(StoreError::Tampered { id: victim.id.to_string() }),
                "flip at byte {i} of {} accepted",
                original.len()
            );
        }
        conn.execute("UPDATE entries SET sealed = ?1 WHERE id = ?2", rusqlite::params![original, id])
            .unwrap();
        assert_eq!(store.get(victim.id).unwrap().as_ref(), Some(victim));
    }
}

#[test]
fn a_full_disk_gives_disk_full_keeps_earlier_entries_and_writes_again_when_room_returns() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::create(dir.path(), &key(2)).unwrap();
    let before = ratings(20, 200);
    store.write(&before, &[]).unwrap();
    let pages = store.page_count().unwrap();
    assert_eq!(store.limit_pages(pages + 2).unwrap(), pages + 2);
    let mut saved = before.clone();
    let mut full = None;
    for batch in 0..100 {
        let more = ratings(10, 1000);
        match store.write(&more, &[]) {
            Ok(_) => saved.extend(more),
            Err(e) => {
                full = Some((batch, e));
                break;
            }
        }
    }
    let (_, error) = full.expect("the page limit was never reached");
    assert_eq!(error, StoreError::DiskFull);
    // The failed write left nothing behind; everything acknowledged is intact.
    assert_eq!(sorted(store.load_all().unwrap().entries), sorted(saved.clone()));
    store.integrity_check().unwrap();
    // Room returns: the same write now succeeds.
    store.limit_pages(1_000_000).unwrap();
    let more = ratings(10, 1000);
    store.write(&more, &[]).unwrap();
    saved.extend(more);
    drop(store);
    let store = Store::open(dir.path(), &key(2)).unwrap();
    assert_eq!(sorted(store.load_all().unwrap().entries), sorted(saved));
}

#[test]
fn a_full_disk_through_the_app_is_a_typed_error_and_the_model_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let core =
        DiaryDir::new(dir.path()).open_or_create(&key(3), Arc::new(FixedClock(common::now()))).unwrap();
    let log = |note: &str| {
        EntryDraft::Dose(DoseDraft {
            drug: "diazepam".into(),
            mg: Some(5.0),
            note: Some(note.into()),
            ..DoseDraft::default()
        })
    };
    core.log(log("first")).unwrap();
    core.with_store_mut(|s| s.limit_pages(s.page_count().unwrap()).unwrap()).unwrap();
    let long = "x".repeat(1000);
    let mut result = Ok(());
    for _ in 0..50 {
        result = core.log(log(&long)).map(|_| ());
        if result.is_err() {
            break;
        }
    }
    assert_eq!(result, Err(CoreError::Store(StoreError::DiskFull)));
    let count = core.view().unwrap().entry_count;
    core.with_store_mut(|s| s.limit_pages(1_000_000).unwrap()).unwrap();
    core.log(log("after")).unwrap();
    assert_eq!(core.view().unwrap().entry_count, count + 1);
}

/// Overwrites page `page` (1-based) of the database file with `byte`.
fn smash_page(db: &Path, page: u64, byte: u8) {
    use std::io::{Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new().write(true).open(db).unwrap();
    f.seek(SeekFrom::Start((page - 1) * 4096)).unwrap();
    f.write_all(&[byte; 4096]).unwrap();
    f.sync_all().unwrap();
}

#[test]
fn a_damaged_file_is_corrupt_never_an_empty_diary_and_recovery_keeps_it_and_copies_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let entries = ratings(600, 100);
    {
        let mut store = Store::create(dir.path(), &pass("correct horse")).unwrap();
        store.write(&entries, &[]).unwrap();
        store.checkpoint().unwrap();
    }
    let db = dir.path().join(DB_FILE);
    let pages = std::fs::metadata(&db).unwrap().len() / 4096;
    assert!(pages > 20, "{pages} pages");
    smash_page(&db, pages / 2, 0xA5);
    let damaged_bytes = std::fs::read(&db).unwrap();

    // Opening reports the damage as `Corrupt`; it neither shows an empty diary nor changes the file.
    let opened =
        DiaryDir::new(dir.path()).open_or_create(&pass("correct horse"), Arc::new(FixedClock(common::now())));
    assert!(matches!(opened, Err(CoreError::Store(StoreError::Corrupt(_)))), "{opened:?}");
    assert_eq!(std::fs::read(&db).unwrap(), damaged_bytes);

    // A wrong passphrase does not start a recovery, and puts everything back.
    assert_eq!(store::recover::recover(dir.path(), &pass("wrong")).unwrap_err(), StoreError::WrongKey);
    assert_eq!(std::fs::read(&db).unwrap(), damaged_bytes);

    let report = store::recover::recover(dir.path(), &pass("correct horse")).unwrap();
    assert!(report.pages_lost);
    let lost = entries.len() - report.recovered;
    assert!(report.recovered >= 570, "recovered only {} of 600", report.recovered);
    assert!(lost > 0, "a smashed leaf page must cost its entries");
    // The damaged file is kept byte for byte.
    assert_eq!(std::fs::read(report.kept_at.join(DB_FILE)).unwrap(), damaged_bytes);
    // The new diary is sound and holds exactly the readable entries, unchanged.
    let store = Store::open(dir.path(), &pass("correct horse")).unwrap();
    store.integrity_check().unwrap();
    let loaded = store.load_all().unwrap();
    assert!(loaded.damaged.is_empty());
    assert_eq!(loaded.entries.len(), report.recovered);
    let by_id: std::collections::HashMap<_, _> = entries.iter().map(|e| (e.id, e)).collect();
    assert!(loaded.entries.iter().all(|e| by_id.get(&e.id) == Some(&e)));
}

/// One page of the `entries` B-tree, as SQLite's `dbstat` table describes it.
struct TreePage {
    number: u64,
    interior: bool,
    cells: usize,
}

fn entries_tree(dir: &Path) -> Vec<TreePage> {
    let conn = raw(dir);
    let mut stmt = conn
        .prepare(
            "SELECT pageno, pagetype, ncell FROM dbstat WHERE name = 'entries' AND pagetype != 'overflow'",
        )
        .unwrap();
    let pages = stmt
        .query_map([], |r| {
            Ok(TreePage {
                number: r.get::<_, i64>(0)? as u64,
                interior: r.get::<_, String>(1)? == "internal",
                cells: r.get::<_, i64>(2)? as usize,
            })
        })
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    pages
}

#[test]
fn recovery_loses_exactly_the_entries_on_the_damaged_page_whichever_page_it_is() {
    // `entries` is WITHOUT ROWID: its interior pages hold whole rows, so a diary of a few hundred
    // entries has a three-level tree, and SQLite's own walk loses every leaf under a smashed
    // interior page. Some notes are long enough to spill into overflow pages.
    let mut entries = ratings(560, 100);
    entries.extend(ratings(40, 1000));
    let template = tempfile::tempdir().unwrap();
    {
        let mut store = Store::create(template.path(), &key(9)).unwrap();
        store.write(&entries, &[]).unwrap();
        store.checkpoint().unwrap();
    }
    let tree = entries_tree(template.path());
    let interior = tree.iter().filter(|p| p.interior).count();
    assert!(interior >= 3, "the test needs a three-level tree: {interior} interior pages");
    assert_eq!(tree.iter().map(|p| p.cells).sum::<usize>(), entries.len());
    let original = std::fs::read(template.path().join(DB_FILE)).unwrap();
    let by_id: std::collections::HashMap<_, _> = entries.iter().map(|e| (e.id, e)).collect();

    // Read directly, the sound file gives every row once, long ones whole from their overflow pages.
    let overflow: i64 = raw(template.path())
        .query_row("SELECT count(*) FROM dbstat WHERE name = 'entries' AND pagetype = 'overflow'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(overflow >= 40, "{overflow} overflow pages");
    let direct = store::pages::entry_rows(&original);
    assert_eq!(direct.len(), entries.len());
    let direct_ids: std::collections::HashSet<_> = direct.iter().map(|r| EntryId::from_bytes(r.id)).collect();
    assert_eq!(direct_ids, by_id.keys().copied().collect());
    assert!(direct.iter().all(|r| r.v == store::schema::SCHEMA_VERSION && r.sealed.len() > 100));

    // Two kinds of damage per page: the whole page overwritten, and a torn page whose header and
    // cell pointers survive but whose cells are noise (the reader must step over them and go on).
    for (page, torn) in tree.iter().flat_map(|p| [(p, false), (p, true)]) {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(DB_FILE);
        let mut damaged = original.clone();
        let at = (page.number as usize - 1) * 4096;
        if torn {
            let pointers_end = at + if page.interior { 12 } else { 8 } + 2 * page.cells;
            let mut x = 0x9E37_79B9_7F4A_7C15u64 ^ page.number;
            for byte in &mut damaged[pointers_end..at + 4096] {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                *byte = x as u8;
            }
        } else {
            damaged[at..at + 4096].fill(0xA5);
        }
        std::fs::write(&db, &damaged).unwrap();

        let report = store::recover::recover(dir.path(), &key(9)).unwrap();
        let what =
            format!("page {} ({} cells, interior: {}, torn: {torn})", page.number, page.cells, page.interior);
        assert_eq!(report.recovered, entries.len() - page.cells, "{what}");
        assert!(report.pages_lost, "{what}");
        assert_eq!(report.lost.len(), page.cells, "{what}: the manifest names every entry lost");
        assert!(report.damaged.is_empty(), "{what}");
        if page.interior {
            assert!(report.read_from_pages > 0, "{what}: the leaves below came from the pages");
        }
        let store = Store::open(dir.path(), &key(9)).unwrap();
        store.integrity_check().unwrap();
        let loaded = store.load_all().unwrap();
        assert_eq!(loaded.entries.len(), report.recovered, "{what}");
        assert!(loaded.entries.iter().all(|e| by_id.get(&e.id) == Some(&e)), "{what}");
    }
}

#[test]
fn garbage_and_empty_files_are_corrupt_and_left_untouched() {
    for content in [vec![], vec![0x5Au8; 10_000], b"SQLite format 3\0 but nothing else".to_vec()] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(DB_FILE);
        std::fs::write(&db, &content).unwrap();
        let opened = DiaryDir::new(dir.path()).open_or_create(&key(4), Arc::new(FixedClock(common::now())));
        assert!(matches!(opened, Err(CoreError::Store(StoreError::Corrupt(_)))), "{opened:?}");
        assert!(std::fs::read(&db).unwrap() == content, "a {}-byte file was changed", content.len());
    }
}

#[test]
fn rekey_changes_the_passphrase_in_one_step_and_the_old_one_opens_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let entries = common::one_of_each("rekey");
    let old_check;
    {
        let mut store = Store::create(dir.path(), &pass("old passphrase")).unwrap();
        store.write(&entries, &[]).unwrap();
        old_check = meta(dir.path(), "keys");
        store.rekey(&pass("new passphrase")).unwrap();
        assert_eq!(sorted(store.load_all().unwrap().entries), sorted(entries.clone()));
    }
    assert_ne!(meta(dir.path(), "keys"), old_check, "the data key was rotated");
    assert_eq!(Store::open(dir.path(), &pass("old passphrase")).unwrap_err(), StoreError::WrongKey);
    let store = Store::open(dir.path(), &pass("new passphrase")).unwrap();
    assert_eq!(sorted(store.load_all().unwrap().entries), sorted(entries));
}

#[test]
fn rekey_between_keystore_keys_and_from_a_passphrase_to_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let entries = common::one_of_each("keys");
    let mut store = Store::create(dir.path(), &key(5)).unwrap();
    store.write(&entries, &[]).unwrap();
    store.rekey(&key(6)).unwrap();
    drop(store);
    assert_eq!(Store::open(dir.path(), &key(5)).unwrap_err(), StoreError::WrongKey);
    let mut store = Store::open(dir.path(), &key(6)).unwrap();
    store.rekey(&pass("now a passphrase")).unwrap();
    drop(store);
    assert_eq!(Store::open(dir.path(), &key(6)).unwrap_err(), StoreError::WrongKey);
    let store = Store::open(dir.path(), &pass("now a passphrase")).unwrap();
    assert_eq!(sorted(store.load_all().unwrap().entries), sorted(entries));
}

#[test]
fn rekey_refuses_while_a_record_is_damaged_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::create(dir.path(), &key(7)).unwrap();
    let entries = common::one_of_each("damaged");
    store.write(&entries, &[]).unwrap();
    raw(dir.path())
        .execute(
            "UPDATE entries SET sealed = zeroblob(60) WHERE id = ?1",
            [entries[2].id.as_bytes().as_slice()],
        )
        .unwrap();
    let check = meta(dir.path(), "keys");
    assert_eq!(store.rekey(&key(8)), Err(StoreError::Tampered { id: entries[2].id.to_string() }));
    assert_eq!(meta(dir.path(), "keys"), check);
    drop(store);
    assert!(Store::open(dir.path(), &key(7)).is_ok());
}

#[test]
fn the_seal_counter_forces_a_rotation_before_two_to_the_thirty() {
    let dir = tempfile::tempdir().unwrap();
    let entries = common::one_of_each("counter");
    {
        let mut store = Store::create(dir.path(), &key(9)).unwrap();
        assert_eq!(store.seal_count(), 2, "the key check and the manifest's state");
        store.write(&entries, &[]).unwrap();
        let buckets: std::collections::BTreeSet<u8> = entries.iter().map(|e| e.id.as_bytes()[0]).collect();
        assert_eq!(
            store.seal_count(),
            2 + entries.len() as u64 + buckets.len() as u64 + 1,
            "one per entry, one per manifest bucket written, one for the state"
        );
        // The counter is sealed: no plaintext row says how often entries were written.
        assert!(
            raw(dir.path())
                .query_row("SELECT count(*) FROM meta WHERE name = 'seals'", [], |r| r.get::<_, i64>(0))
                .unwrap()
                == 0
        );
        // Pretend the key has sealed all but a few of its allowance.
        store.set_seal_count(MAX_SEALS_PER_KEY - 3).unwrap();
    }
    let keys = meta(dir.path(), "keys");
    let mut store = Store::open(dir.path(), &key(9)).unwrap();
    assert_eq!(store.seal_count(), MAX_SEALS_PER_KEY - 3);
    let extra = ratings(1, 10);
    store.write(&extra, &[]).unwrap();
    assert!(store.seal_count() < 300, "counter after rotation: {}", store.seal_count());
    assert_ne!(meta(dir.path(), "keys"), keys, "new data key, newly wrapped");
    drop(store);
    let store = Store::open(dir.path(), &key(9)).unwrap();
    let mut all = entries;
    all.extend(extra);
    assert_eq!(sorted(store.load_all().unwrap().entries), sorted(all));
}

#[test]
fn a_first_build_diary_whose_keystore_key_is_the_data_key_rotates_into_a_wrapped_key() {
    // The committed v1 fixture has no wrapped key: its keystore key seals the entries directly.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../tests/fixtures/v1/{DB_FILE}"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(src, dir.path().join(DB_FILE)).unwrap();
    let fixture_key = Unlock::Key(DataKey::from_bytes(*b"steady-fixture-key-not-a-secret!"));
    let mut store = Store::open(dir.path(), &fixture_key).unwrap();
    let before = sorted(store.load_all().unwrap().entries);
    store.rotate_data_key().unwrap();
    drop(store);
    assert!(!meta(dir.path(), "keys").is_empty(), "the key material is now one checked, wrapped record");
    let legacy: i64 = raw(dir.path())
        .query_row(
            "SELECT count(*) FROM meta WHERE name IN ('kdf', 'wrapped_key', 'key_check', 'seals')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(legacy, 0);
    let store = Store::open(dir.path(), &fixture_key).unwrap();
    assert_eq!(sorted(store.load_all().unwrap().entries), before);
}

fn core(dir: &Path, unlock: &Unlock) -> SteadyCore {
    DiaryDir::new(dir).open_or_create(unlock, Arc::new(FixedClock(common::now()))).unwrap()
}

fn log_note(note: &str) -> EntryDraft {
    EntryDraft::Anxiety { at: None, score: 3, note: Some(note.into()) }
}

#[test]
fn lock_wipes_the_keys_and_every_call_is_locked_until_unlocked() {
    let dir = tempfile::tempdir().unwrap();
    let core = core(dir.path(), &key(10));
    core.log(log_note("before lock")).unwrap();
    core.lock().unwrap();
    assert!(core.is_locked());
    assert_eq!(core.log(log_note("while locked")), Err(CoreError::Locked));
    assert_eq!(core.view(), Err(CoreError::Locked));
    assert_eq!(core.with_store_mut(|_| ()), Err(CoreError::Locked));
    assert!(matches!(core.backup("x"), Err(CoreError::Locked)));
    assert_eq!(core.rekey(&key(11)), Err(CoreError::Locked));
    assert_eq!(core.today().unwrap_err(), CoreError::Locked);
    // A wrong key leaves it locked.
    assert_eq!(core.unlock(&key(12)), Err(CoreError::Store(StoreError::WrongKey)));
    assert!(core.is_locked());
    let view = core.unlock(&key(10)).unwrap();
    assert_eq!(view.entry_count, 1, "the entry from before the lock, and nothing logged while locked");
    core.log(log_note("after unlock")).unwrap();
    assert_eq!(core.view().unwrap().entry_count, 2);
}

/// Byte offsets of the frames after the header: the check record, then each entry record.
fn frames(file: &[u8]) -> Vec<(usize, usize)> {
    let mut at = backup::Header::parse(file).unwrap().len;
    let mut out = Vec::new();
    while at < file.len() {
        let len = u32::from_be_bytes(file[at..at + 4].try_into().unwrap()) as usize;
        out.push((at + 4, len));
        at += 4 + len;
    }
    out
}

#[test]
fn a_backup_moves_the_diary_to_a_new_phone_and_a_second_import_adds_nothing() {
    let canary = common::random_canary();
    let old = tempfile::tempdir().unwrap();
    let phone = core(old.path(), &key(13));
    for i in 0..5 {
        phone.log(log_note(&format!("{canary} {i}"))).unwrap();
    }
    let file = phone.backup("backup passphrase").unwrap();
    assert_eq!((file.entries, file.skipped.len()), (5, 0));
    assert!(!common::contains(&file.file.bytes, canary.as_bytes()), "the backup is sealed");
    assert_eq!(backup::Header::parse(&file.file.bytes).unwrap().kdf, store::kdf::Kdf::DEFAULT);

    let new = tempfile::tempdir().unwrap();
    let next = core(new.path(), &key(14));
    next.log(log_note("already on the new phone")).unwrap();
    assert_eq!(
        next.restore(&file.file.bytes, "wrong").unwrap_err(),
        CoreError::Backup(BackupError::WrongPassphrase)
    );
    let first = next.restore(&file.file.bytes, "backup passphrase").unwrap();
    assert_eq!((first.added, first.updated, first.unchanged), (5, 0, 0));
    assert_eq!(next.view().unwrap().entry_count, 6);
    let second = next.restore(&file.file.bytes, "backup passphrase").unwrap();
    assert_eq!((second.added, second.updated, second.unchanged), (0, 0, 5));
    assert_eq!(next.view().unwrap().entry_count, 6);
    let moved = next.with_store_mut(|s| s.load_all().unwrap().entries).unwrap();
    let original = phone.with_store_mut(|s| s.load_all().unwrap().entries).unwrap();
    for e in original {
        assert!(moved.contains(&e), "entry lost in the move");
    }
}

#[test]
fn restoring_an_older_backup_keeps_every_newer_edit_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let c = core(dir.path(), &key(16));
    let id = c.log(log_note("first version")).unwrap();
    let old = c.backup("a long backup passphrase").unwrap();
    c.edit(id, log_note("edited after the backup")).unwrap();
    let report = c.restore(&old.file.bytes, "a long backup passphrase").unwrap();
    assert_eq!((report.added, report.updated, report.unchanged, report.kept), (0, 0, 0, 1));
    let note = c.entries(None, None).unwrap()[0].body.note().map(str::to_owned);
    assert_eq!(note.as_deref(), Some("edited after the backup"), "the newer edit was not reverted");
}

#[test]
fn an_import_with_one_bad_record_changes_nothing_and_names_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let c = core(dir.path(), &key(15));
    c.log(log_note("mine")).unwrap();
    let entries = ratings(8, 20);
    let file = backup::write(&entries, "pw").unwrap();
    let before = std::fs::read(dir.path().join(DB_FILE)).unwrap();
    let count = |c: &SteadyCore| c.with_store_mut(|s| s.load_all().unwrap().entries.len()).unwrap();

    // Record 5 damaged: refused, named, nothing imported (not even records 0–4).
    let (start, _) = frames(&file)[1 + 5];
    let mut bad = file.clone();
    bad[start + 20] ^= 0x40;
    assert_eq!(
        c.restore(&bad, "pw").unwrap_err(),
        CoreError::Backup(BackupError::DamagedRecord { index: 5 })
    );
    // Cut short after record 3.
    let (start, _) = frames(&file)[1 + 4];
    assert_eq!(
        c.restore(&file[..start - 4], "pw").unwrap_err(),
        CoreError::Backup(BackupError::Truncated { index: 4, count: 8 })
    );
    assert_eq!(count(&c), 1);
    assert_eq!(c.view().unwrap().entry_count, 1);
    assert_eq!(std::fs::read(dir.path().join(DB_FILE)).unwrap(), before, "the diary file was not touched");

    // A full disk in the middle of an import: all or nothing.
    let big = backup::write(&ratings(200, 1000), "pw").unwrap();
    c.with_store_mut(|s| s.limit_pages(s.page_count().unwrap() + 20).unwrap()).unwrap();
    assert_eq!(c.restore(&big, "pw").unwrap_err(), CoreError::Store(StoreError::DiskFull));
    assert_eq!(count(&c), 1);
}

#[test]
fn erase_leaves_no_diary_file_and_no_canary_and_needs_no_key() {
    let canary = common::random_canary();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("steady");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("unrelated.txt"), "not ours").unwrap();
    {
        let c = core(&data, &pass("erase me"));
        for i in 0..20 {
            c.log(log_note(&format!("{canary} {i}"))).unwrap();
        }
    }
    // A recovery leaves a kept copy in a damaged-… folder: erase takes it too.
    store::recover::recover(&data, &pass("erase me")).unwrap();
    let before = common::files_under(&data).len();
    assert!(before >= 3, "{before} files");
    let erased = store::recover::erase(&data).unwrap();
    assert!(erased >= 2, "erased {erased}");
    let left = common::files_under(&data);
    assert_eq!(left, vec![data.join("unrelated.txt")], "only the file that is not Steady's remains");
    for f in &left {
        assert!(!common::contains(&std::fs::read(f).unwrap(), canary.as_bytes()));
    }
    assert!(matches!(Store::open(&data, &pass("erase me")), Err(StoreError::NotFound(_))));
}

#[test]
fn erase_through_an_open_core_locks_it_for_good() {
    let dir = tempfile::tempdir().unwrap();
    let c = core(dir.path(), &key(16));
    c.log(log_note("gone")).unwrap();
    assert!(c.erase().unwrap() >= 1);
    assert_eq!(c.view(), Err(CoreError::Locked));
    assert!(common::files_under(dir.path()).is_empty());
    assert!(matches!(c.unlock(&key(16)), Err(CoreError::Store(StoreError::NotFound(_)))));
}

#[test]
fn canaries_never_reach_the_disk_after_edits_deletes_rekey_backup_and_recovery() {
    let canary = common::random_canary();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("d");
    {
        let mut s = Store::create(&data, &pass("p1")).unwrap();
        let mut entries = common::one_of_each(&canary);
        s.write(&entries, &[]).unwrap();
        // Edit: new text, also a canary; delete two.
        let edited = common::one_of_each(&format!("{canary}-edited"));
        for (e, new) in entries.iter_mut().zip(edited) {
            e.body = new.body;
        }
        s.write(&entries, &[entries[0].id, entries[1].id]).unwrap();
        s.rekey(&pass("p2")).unwrap();
        s.checkpoint().unwrap();
    }
    store::recover::recover(&data, &pass("p2")).unwrap();
    let c = core(&data, &pass("p2"));
    let file = c.backup("bp").unwrap();
    std::fs::write(data.join("backup.steadybackup"), &file.file.bytes).unwrap();
    c.log(log_note(&canary)).unwrap();
    common::assert_no_canary(&data, &canary, "after edit, delete, rekey, recovery and backup");
    // Debug of the core, store and errors never prints health data either.
    let dumps =
        format!("{c:?} {:?} {:?}", CoreError::Backup(BackupError::DamagedRecord { index: 1 }), file.skipped);
    assert!(!dumps.contains(&canary));
}
