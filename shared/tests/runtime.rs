//! The runtime facade on a real encrypted file: events go through the Crux core, effects are
//! resolved from the buffer lanes, and what was acknowledged is there after reopening.

mod common;

use std::sync::Arc;

use steady_core::domain::{DoseDraft, EntryDraft, Problem};
use steady_core::{CoreError, DataKey, DiaryDir, FixedClock, SteadyCore, StoreError, Unlock};

fn open(dir: &std::path::Path, key: u8, create: bool) -> Result<SteadyCore, CoreError> {
    let (dir, unlock, clock) = (
        DiaryDir::new(dir),
        Unlock::Key(DataKey::from_bytes([key; 32])),
        Arc::new(FixedClock(common::now())),
    );
    if create {
        dir.open_or_create(&unlock, clock)
    } else {
        dir.open(&unlock, clock)
    }
}

fn dose(mg: f64) -> EntryDraft {
    EntryDraft::Dose(DoseDraft { drug: "diazepam".into(), mg: Some(mg), ..DoseDraft::default() })
}

#[test]
fn logged_entries_survive_a_reopen_and_show_today() {
    let dir = tempfile::tempdir().unwrap();
    let core = open(dir.path(), 1, true).unwrap();
    core.log(dose(10.0)).unwrap();
    let saved = core.log(dose(5.0)).expect("an id");
    drop(core);

    let core = open(dir.path(), 1, false).unwrap();
    let view = core.view().unwrap();
    assert_eq!(view.entry_count, 2);
    let today = core.today().expect("today");
    assert_eq!(today.totals.prescribed.low_mg, 15.0);
    assert!(today.doses.iter().any(|d| d.id == saved));
}

#[test]
fn errors_come_back_typed_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let core = open(dir.path(), 1, true).unwrap();
    match core.log(dose(-1.0)) {
        Err(CoreError::Invalid(e)) => assert_eq!((e.field.key(), e.problem), ("mg", Problem::NotPositive)),
        other => panic!("expected invalid input, got {other:?}"),
    }
    assert_eq!(core.view().unwrap().entry_count, 0);
    drop(core);
    assert_eq!(open(dir.path(), 2, false).unwrap_err(), CoreError::Store(StoreError::WrongKey));
    assert!(matches!(
        open(&dir.path().join("nowhere"), 1, false),
        Err(CoreError::Store(StoreError::NotFound(_)))
    ));
}

#[test]
fn history_lists_entries_in_local_time_order() {
    let dir = tempfile::tempdir().unwrap();
    let core = open(dir.path(), 1, true).unwrap();
    let at = |s| Some(common::at(s));
    for t in ["2026-03-09T22:00:00+01:00", "2026-03-08T08:00:00+01:00", "2026-03-09T07:00:00+01:00"] {
        core.log(EntryDraft::Anxiety { at: at(t), score: 3, note: None }).unwrap();
    }
    let entries = core.entries(None, None).unwrap();
    let dates: Vec<_> = entries.iter().map(|e| e.body.local_moment()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert_eq!(dates.len(), 3);
}

#[test]
fn two_threads_can_log_at_once_without_losing_an_entry() {
    let dir = tempfile::tempdir().unwrap();
    let core = std::sync::Arc::new(open(dir.path(), 1, true).unwrap());
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let core = core.clone();
            std::thread::spawn(move || {
                for i in 1..=25 {
                    core.log(dose(f64::from(i))).unwrap();
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    assert_eq!(core.view().unwrap().entry_count, 50);
    drop(core);
    assert_eq!(open(dir.path(), 1, false).unwrap().view().unwrap().entry_count, 50);
}
