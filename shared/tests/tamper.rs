//! What someone with a copy of the files but not the key can learn or change (issue 13's red-team
//! findings), each now closed: stored lengths say nothing about what an entry holds; deleted,
//! replayed, rolled-back and added rows, a planted trigger, a truncated log, a flipped byte and an
//! older copy of the whole file are each reported, never silent; a write under a key another
//! process has changed is refused; rekey and delete leave nothing readable in the log; damaged key
//! material is not a "wrong key", and recovery rebuilds from the pages when page 1 is damaged.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::Connection;
use steady_core::domain::{DoseDraft, Entry, EntryBody, EntryDraft, EntryId, SleepDraft};
use steady_core::internals::{self as store, Store, DB_FILE};
use steady_core::{
    CoreError, DataKey, DiaryDir, FixedClock, Generations, StoreError, SummaryRequest, Unlock,
};
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

fn body(draft: EntryDraft) -> Entry {
    Entry { id: EntryId::new(), body: draft.validate(common::now(), |_| false).unwrap() }
}

fn dose(non_prescribed: bool) -> EntryDraft {
    EntryDraft::Dose(DoseDraft {
        drug: "alprazolam".into(),
        mg: Some(0.5),
        non_prescribed,
        note: Some("after the call".into()),
        ..DoseDraft::default()
    })
}

fn sleep(quality: i64) -> EntryDraft {
    EntryDraft::Sleep(SleepDraft {
        night: Some(common::now().date_naive().pred_opt().unwrap()),
        hours: Some(6.5),
        quality: Some(quality),
        latency_min: Some(20),
        awakenings: Some(2),
        waso_min: Some(30),
        in_bed: chrono::NaiveTime::from_hms_opt(22, 45, 0),
        out_of_bed: chrono::NaiveTime::from_hms_opt(7, 0, 0),
        // 22:45 → 06:05 less 50 min awake: the 6.5 h reported.
        final_awakening: chrono::NaiveTime::from_hms_opt(6, 5, 0),
        note: Some("woke at three".into()),
        ..SleepDraft::default()
    })
}

/// The diary's stored blob lengths, sorted, and the file's size after a checkpoint.
fn lengths_and_size(drafts: Vec<EntryDraft>) -> (Vec<usize>, u64) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::create(dir.path(), &key(1)).unwrap();
    let entries: Vec<Entry> = drafts.into_iter().map(body).collect();
    s.write(&entries, &[]).unwrap();
    s.checkpoint().unwrap();
    let mut lengths: Vec<usize> = raw(dir.path())
        .prepare("SELECT length(sealed) FROM entries")
        .unwrap()
        .query_map([], |r| r.get::<_, i64>(0))
        .unwrap()
        .map(|l| l.unwrap() as usize)
        .collect();
    lengths.sort_unstable();
    drop(s);
    (lengths, std::fs::metadata(dir.path().join(DB_FILE)).unwrap().len())
}

#[test]
fn stored_lengths_and_file_sizes_say_nothing_about_what_was_logged() {
    let anxiety = |score| EntryDraft::Anxiety { at: None, score, note: Some("a long day".into()) };
    let pairs = [
        ((0..9).map(|_| dose(false)).collect::<Vec<_>>(), (0..9).map(|_| dose(true)).collect::<Vec<_>>()),
        ((0..9).map(|_| anxiety(4)).collect(), (0..9).map(|_| anxiety(10)).collect()),
        ((0..9).map(|_| sleep(2)).collect(), (0..9).map(|_| sleep(5)).collect()),
    ];
    for (a, b) in pairs {
        assert_eq!(lengths_and_size(a), lengths_and_size(b));
    }
    // A dose, a rating and a night all seal to the same length.
    let mixed = lengths_and_size(vec![dose(true), anxiety(10), sleep(1)]).0;
    assert_eq!(mixed.iter().collect::<BTreeSet<_>>().len(), 1, "{mixed:?}");
}

/// A diary with `n` entries, closed; returns its entries.
fn diary_with(dir: &Path, n: usize) -> Vec<Entry> {
    let mut s = Store::create(dir, &key(2)).unwrap();
    let entries: Vec<Entry> =
        (0..n).map(|i| body(EntryDraft::Anxiety { at: None, score: (i % 11) as i64, note: None })).collect();
    s.write(&entries, &[]).unwrap();
    entries
}

fn integrity(dir: &Path) -> steady_core::domain::Integrity {
    Store::open(dir, &key(2)).unwrap().load_all().unwrap().integrity
}

fn sealed_of(dir: &Path, id: EntryId) -> Vec<u8> {
    raw(dir)
        .query_row("SELECT sealed FROM entries WHERE id = ?1", [id.as_bytes().as_slice()], |r| r.get(0))
        .unwrap()
}

#[test]
fn deleted_added_replayed_and_rolled_back_rows_are_named_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let entries = diary_with(dir.path(), 12);
    assert!(integrity(dir.path()).is_ok());

    // Deleted behind the app's back (e.g. the non-prescribed doses, picked by size).
    raw(dir.path())
        .execute("DELETE FROM entries WHERE id = ?1", [entries[3].id.as_bytes().as_slice()])
        .unwrap();
    let found = integrity(dir.path());
    assert_eq!(found.missing, vec![entries[3].id]);

    // Per-row rollback: an older version of an entry written back over the newer one.
    let victim = entries[5].clone();
    let old = sealed_of(dir.path(), victim.id);
    {
        let mut s = Store::open(dir.path(), &key(2)).unwrap();
        let mut newer = victim.clone();
        if let EntryBody::Anxiety(a) = &mut newer.body {
            a.score = 9;
        }
        // The diary stays usable after a finding (availability); the finding stays reported.
        s.put(&newer).unwrap();
    }
    raw(dir.path())
        .execute(
            "UPDATE entries SET sealed = ?1 WHERE id = ?2",
            rusqlite::params![old, victim.id.as_bytes().as_slice()],
        )
        .unwrap();
    let found = integrity(dir.path());
    assert_eq!(found.unexpected, vec![victim.id], "the rolled-back row is named");

    // Replay: a row deleted through the app, put back from an older copy.
    let gone = entries[7].clone();
    let gone_sealed = sealed_of(dir.path(), gone.id);
    Store::open(dir.path(), &key(2)).unwrap().delete(gone.id).unwrap();
    raw(dir.path())
        .execute(
            "INSERT INTO entries (id, v, sealed) VALUES (?1, 1, ?2)",
            rusqlite::params![gone.id.as_bytes().as_slice(), gone_sealed],
        )
        .unwrap();
    let found = integrity(dir.path());
    assert!(found.unexpected.contains(&gone.id), "the replayed row is named: {found:?}");
    assert!(!found.is_ok());
}

#[test]
fn a_flipped_byte_is_reported_everywhere_never_silently_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let entries = diary_with(dir.path(), 6);
    let mut bad = sealed_of(dir.path(), entries[1].id);
    bad[40] ^= 0x04;
    raw(dir.path())
        .execute(
            "UPDATE entries SET sealed = ?1 WHERE id = ?2",
            rusqlite::params![bad, entries[1].id.as_bytes().as_slice()],
        )
        .unwrap();
    let core = DiaryDir::new(dir.path()).open(&key(2), Arc::new(FixedClock(common::now()))).unwrap();
    let view = core.view().unwrap();
    assert_eq!(view.integrity.unreadable, vec![entries[1].id]);
    assert!(!view.integrity.is_ok());
    let json = core.summary(&SummaryRequest::default()).unwrap();
    assert_eq!((json.integrity.ok, json.integrity.unreadable_entries), (false, 1));
    for format in [steady_core::ExportFormat::Text, steady_core::ExportFormat::Fhir] {
        let file = core.export(&SummaryRequest { format, ..SummaryRequest::default() }).unwrap();
        let text = String::from_utf8(file.bytes).unwrap();
        assert!(text.contains("Diary check"), "{format:?} says so");
    }
    let json = core
        .export(&SummaryRequest { format: steady_core::ExportFormat::Json, ..SummaryRequest::default() })
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.bytes).unwrap();
    assert_eq!(v["integrity"]["ok"], false);
    assert_eq!(v["integrity"]["unreadable_entries"], 1);
}

#[test]
fn a_planted_trigger_or_view_is_refused_before_anything_is_written() {
    for plant in [
        "CREATE TRIGGER eat AFTER INSERT ON entries BEGIN DELETE FROM entries WHERE id = new.id; END",
        "CREATE VIEW peek AS SELECT length(sealed) FROM entries",
        "CREATE TABLE extra (x)",
    ] {
        let dir = tempfile::tempdir().unwrap();
        diary_with(dir.path(), 2);
        raw(dir.path()).execute_batch(plant).unwrap();
        let before = std::fs::read(dir.path().join(DB_FILE)).unwrap();
        match Store::open(dir.path(), &key(2)) {
            Err(StoreError::UnexpectedSchema(what)) => assert!(what.starts_with("unexpected"), "{what}"),
            other => panic!("{plant}: {:?}", other.err()),
        }
        assert_eq!(std::fs::read(dir.path().join(DB_FILE)).unwrap(), before, "nothing written");
    }
}

/// A generation kept "in the keystore" for these tests.
#[derive(Default)]
struct Keystore(Mutex<Option<u64>>);

impl Generations for Keystore {
    fn latest(&self) -> Option<u64> {
        *self.0.lock().unwrap()
    }
    fn record(&self, generation: u64) {
        let mut g = self.0.lock().unwrap();
        *g = Some(g.map_or(generation, |old| old.max(generation)));
    }
}

#[test]
fn an_older_copy_of_the_whole_file_or_a_truncated_log_is_refused_where_the_keystore_keeps_the_generation() {
    let dir = tempfile::tempdir().unwrap();
    let keystore = Arc::new(Keystore::default());
    let clock = || Arc::new(FixedClock(common::now()));
    let open =
        |ks: &Arc<Keystore>| DiaryDir::new(dir.path()).open_or_create_guarded(&key(3), clock(), ks.clone());
    let core = open(&keystore).unwrap();
    core.log(EntryDraft::Anxiety { at: None, score: 3, note: None }).unwrap();
    drop(core);
    let older = std::fs::read(dir.path().join(DB_FILE)).unwrap();
    let core = open(&keystore).unwrap();
    core.log(EntryDraft::Anxiety { at: None, score: 4, note: None }).unwrap();
    drop(core);
    // The whole file replaced by the older copy.
    std::fs::write(dir.path().join(DB_FILE), &older).unwrap();
    match open(&keystore) {
        Err(CoreError::Store(StoreError::RolledBack { found, expected })) => assert!(found < expected),
        other => panic!("an older file was accepted: {:?}", other.err()),
    }
    assert_eq!(std::fs::read(dir.path().join(DB_FILE)).unwrap(), older, "left as found");

    // A log cut mid-frame loses its last commits: the same finding.
    let dir = tempfile::tempdir().unwrap();
    let keystore = Arc::new(Keystore::default());
    let core = DiaryDir::new(dir.path()).open_or_create_guarded(&key(3), clock(), keystore.clone()).unwrap();
    let reader = raw(dir.path()); // keeps the log from being folded into the file on close
    reader.query_row("SELECT count(*) FROM entries", [], |r| r.get::<_, i64>(0)).unwrap();
    for score in 0..3 {
        core.log(EntryDraft::Anxiety { at: None, score, note: None }).unwrap();
    }
    let wal = dir.path().join(format!("{DB_FILE}-wal"));
    let log = std::fs::read(&wal).unwrap();
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(dir.path().join(DB_FILE), copy.path().join(DB_FILE)).unwrap();
    std::fs::write(copy.path().join(format!("{DB_FILE}-wal")), &log[..log.len() - 1000]).unwrap();
    match DiaryDir::new(copy.path()).open_or_create_guarded(&key(3), clock(), keystore.clone()) {
        Err(CoreError::Store(StoreError::RolledBack { .. })) => {}
        other => panic!("a truncated log was accepted: {:?}", other.err()),
    }
    drop(core);
}

#[test]
fn a_write_after_another_process_changed_the_key_is_refused_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Store::create(dir.path(), &pass("first passphrase, long enough")).unwrap();
    let mine = body(EntryDraft::Anxiety {
        at: None,
        score: 5,
        note: Some("written while the other rekeyed".into()),
    });
    // Another process (another window, a notification action) rekeys meanwhile.
    {
        let mut other = Store::open(dir.path(), &pass("first passphrase, long enough")).unwrap();
        other.rekey(&pass("second passphrase, long too")).unwrap();
    }
    assert_eq!(first.write(std::slice::from_ref(&mine), &[]), Err(StoreError::KeyChanged));
    drop(first);
    // Nothing was sealed under the discarded key: the diary opens with the new passphrase only,
    // intact, and the write succeeds once reopened.
    let mut reopened = Store::open(dir.path(), &pass("second passphrase, long too")).unwrap();
    let loaded = reopened.load_all().unwrap();
    assert!(loaded.damaged.is_empty() && loaded.integrity.is_ok(), "{:?}", loaded.integrity);
    reopened.write(std::slice::from_ref(&mine), &[]).unwrap();
    assert_eq!(reopened.load_all().unwrap().entries, vec![mine]);
}

#[test]
fn after_rekey_or_delete_the_main_file_alone_holds_nothing_old() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::create(dir.path(), &pass("old passphrase for this test")).unwrap();
    let reader = raw(dir.path()); // a connection held open, as on phones
    reader.query_row("SELECT count(*) FROM entries", [], |r| r.get::<_, i64>(0)).unwrap();
    let entries: Vec<Entry> =
        (0..3).map(|i| body(EntryDraft::Anxiety { at: None, score: i, note: None })).collect();
    s.write(&entries, &[]).unwrap();
    let deleted = sealed_of(dir.path(), entries[0].id);
    s.delete(entries[0].id).unwrap();
    s.rekey(&pass("new passphrase for this test")).unwrap();
    // The main file alone (no log beside it): only the new passphrase opens it, and the deleted
    // entry's sealed bytes are in neither file.
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(dir.path().join(DB_FILE), copy.path().join(DB_FILE)).unwrap();
    assert_eq!(
        Store::open(copy.path(), &pass("old passphrase for this test")).unwrap_err(),
        StoreError::WrongKey
    );
    let fresh = Store::open(copy.path(), &pass("new passphrase for this test")).unwrap();
    assert_eq!(fresh.load_all().unwrap().entries.len(), 2);
    for f in [DB_FILE.to_owned(), format!("{DB_FILE}-wal")] {
        let bytes = std::fs::read(dir.path().join(&f)).unwrap_or_default();
        assert!(!common::contains(&bytes, &deleted[..32]), "the deleted entry is still in {f}");
    }
    drop(reader);
}

fn meta(dir: &Path, name: &str) -> Vec<u8> {
    raw(dir).query_row("SELECT value FROM meta WHERE name = ?1", [name], |r| r.get(0)).unwrap()
}

fn set_meta(dir: &Path, name: &str, value: &[u8]) {
    raw(dir).execute("UPDATE meta SET value = ?1 WHERE name = ?2", rusqlite::params![value, name]).unwrap();
}

#[test]
fn damaged_key_material_is_not_a_wrong_key_and_one_good_copy_is_enough() {
    let dir = tempfile::tempdir().unwrap();
    let entries = diary_with(dir.path(), 3);
    let good = meta(dir.path(), "keys");
    let mut flipped = good.clone();
    flipped[20] ^= 0x01;
    set_meta(dir.path(), "keys", &flipped);
    let s = Store::open(dir.path(), &key(2)).unwrap();
    assert_eq!(s.load_all().unwrap().entries.len(), entries.len(), "the copy opened it");
    assert_eq!(
        Store::open(dir.path(), &key(9)).unwrap_err(),
        StoreError::WrongKey,
        "a wrong key is still wrong"
    );
    drop(s);
    set_meta(dir.path(), "keys.copy", &flipped);
    assert_eq!(Store::open(dir.path(), &key(2)).unwrap_err(), StoreError::KeyDamaged);
}

#[test]
fn recovery_rebuilds_from_the_entry_pages_when_page_one_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let entries = diary_with(dir.path(), 40);
    let db = dir.path().join(DB_FILE);
    let mut bytes = std::fs::read(&db).unwrap();
    for b in &mut bytes[..4096] {
        *b ^= 0x5A; // page 1: the header and the schema
    }
    std::fs::write(&db, &bytes).unwrap();
    assert!(Store::open(dir.path(), &key(2)).is_err());
    let report = store::recover::recover(dir.path(), &key(2)).unwrap();
    assert_eq!(report.recovered, entries.len(), "{report:?}");
    let s = Store::open(dir.path(), &key(2)).unwrap();
    let mut got: Vec<EntryId> = s.load_all().unwrap().entries.iter().map(|e| e.id).collect();
    let mut want: Vec<EntryId> = entries.iter().map(|e| e.id).collect();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);
}

#[cfg(unix)]
#[test]
fn erase_never_follows_a_symbolic_link_and_create_keeps_an_existing_folder_s_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    diary_with(dir.path(), 1);
    let mode = std::fs::metadata(dir.path()).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o755, "an existing folder is not chmodded");
    // A link where the log would be, pointing at a file outside the diary.
    let outside = tempfile::tempdir().unwrap();
    let precious = outside.path().join("precious.txt");
    std::fs::write(&precious, b"not the diary's").unwrap();
    let wal = dir.path().join(format!("{DB_FILE}-wal"));
    let _ = std::fs::remove_file(&wal);
    std::os::unix::fs::symlink(&precious, &wal).unwrap();
    store::recover::erase(dir.path()).unwrap();
    assert_eq!(std::fs::read(&precious).unwrap(), b"not the diary's", "the link's target is untouched");
    assert!(wal.symlink_metadata().is_err() && !dir.path().join(DB_FILE).exists());
    // A folder the diary creates is its owner's only.
    let fresh = outside.path().join("new-diary");
    Store::create(&fresh, &key(4)).unwrap();
    assert_eq!(std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777, 0o700);
}

#[test]
fn a_pbkdf2_diary_still_opens_and_moves_to_argon2id_at_the_next_rekey() {
    use steady_core::internals::crypto::{associated_data, Sealer};
    let dir = tempfile::tempdir().unwrap();
    let entries = diary_with(dir.path(), 3);
    // Rewrite the key material as the first builds stored it: PBKDF2-SHA256 (600,000 iterations)
    // wrapping a data key, in three separate rows.
    let s = Store::open(dir.path(), &key(2)).unwrap();
    let data_key = s.data_key_for_test();
    drop(s);
    let salt = [6u8; 16];
    let kek =
        DataKey::from_passphrase("an old passphrase", &salt, std::num::NonZeroU32::new(600_000).unwrap());
    let aad = |name: &str| associated_data(1, "meta", name.as_bytes());
    let wrapped = Sealer::new(&kek).seal(&aad("wrapped_key"), data_key.expose()).unwrap();
    let check = Sealer::new(&data_key).seal(&aad("key_check"), b"steady key check v1").unwrap();
    let mut kdf = 600_000u32.to_be_bytes().to_vec();
    kdf.extend_from_slice(&salt);
    let c = raw(dir.path());
    c.execute("DELETE FROM meta WHERE name IN ('keys', 'keys.copy')", []).unwrap();
    for (name, value) in [("kdf", kdf), ("wrapped_key", wrapped), ("key_check", check)] {
        c.execute("INSERT INTO meta (name, value) VALUES (?1, ?2)", rusqlite::params![name, value]).unwrap();
    }
    drop(c);
    let mut old = Store::open(dir.path(), &pass("an old passphrase")).unwrap();
    assert_eq!(old.load_all().unwrap().entries.len(), entries.len(), "a PBKDF2 diary opens");
    old.rekey(&pass("a new passphrase, Argon2id now")).unwrap();
    drop(old);
    let keys = raw(dir.path())
        .query_row("SELECT value FROM meta WHERE name = 'keys'", [], |r| r.get::<_, Vec<u8>>(0))
        .unwrap();
    assert_eq!(keys[2], 2, "the record names Argon2id");
    let again = Store::open(dir.path(), &pass("a new passphrase, Argon2id now")).unwrap();
    assert_eq!(again.load_all().unwrap().entries.len(), entries.len());
}
