//! Helpers shared by the integration tests: one sample entry of every kind.

#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, NaiveTime};
use steady_core::domain::*;

pub fn at(s: &str) -> LocalInstant {
    DateTime::parse_from_rfc3339(s).unwrap()
}

pub fn now() -> LocalInstant {
    at("2026-03-10T21:00:00+01:00")
}

/// One entry of each kind, with notes where the kind has them.
pub fn one_of_each(note: &str) -> Vec<Entry> {
    let goal_id = EntryId::new();
    let bodies = vec![
        EntryBody::Dose(
            DoseDraft {
                taken_at: Some(at("2026-03-09T22:30:00+01:00")),
                drug: "Loramet".into(),
                tablets: Some(0.75),
                strength_mg: Some(2.0),
                note: Some(note.into()),
                ..DoseDraft::default()
            }
            .validate(now())
            .unwrap(),
        ),
        EntryBody::Sleep(
            SleepDraft {
                night: NaiveDate::from_ymd_opt(2026, 3, 9),
                hours: Some(6.5),
                quality: Some(4),
                latency_min: Some(20),
                awakenings: Some(1),
                waso_min: Some(15),
                in_bed: NaiveTime::from_hms_opt(22, 45, 0),
                out_of_bed: NaiveTime::from_hms_opt(6, 45, 0),
                // 22:45 → 05:50 less 35 min awake: the 6.5 h reported.
                final_awakening: NaiveTime::from_hms_opt(5, 50, 0),
                note: Some(note.into()),
                ..SleepDraft::default()
            }
            .validate(now())
            .unwrap(),
        ),
        EntryBody::Anxiety(
            AnxietyRating::new(at("2026-03-10T12:00:00+01:00"), 4, Some(note), now()).unwrap(),
        ),
        EntryBody::Gad7(Gad7::new(at("2026-03-10T12:05:00+01:00"), &[1, 2, 1, 0, 3, 1, 2], now()).unwrap()),
        EntryBody::Goal(
            GoalDraft {
                set_at: Some(at("2026-03-01T10:00:00+01:00")),
                kind: GoalType::Reduce,
                what_matters: note.into(),
                drug: Some("lormetazepam".into()),
                target_mg: Some(0.5),
                due: NaiveDate::from_ymd_opt(2026, 9, 1),
                review_on: NaiveDate::from_ymd_opt(2026, 4, 1),
                proposed_by: Proposer::Together,
                agreed_with: Some("Dr. Peeters".into()),
            }
            .validate(now())
            .unwrap(),
        ),
        EntryBody::Review(
            GoalReview::new(
                goal_id,
                at("2026-03-10T10:00:00+01:00"),
                1,
                Some(note),
                ReviewDecision::Adjust,
                now(),
                true,
            )
            .unwrap(),
        ),
    ];
    bodies
        .into_iter()
        .enumerate()
        .map(|(i, body)| Entry { id: if i == 4 { goal_id } else { EntryId::new() }, body })
        .collect()
}

/// True if `needle` occurs anywhere in `hay`.
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Every file under `dir`, recursively.
pub fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Fails if `canary` appears in any file under `dir` (the db, WAL, SHM, kept copies, anything).
pub fn assert_no_canary(dir: &std::path::Path, canary: &str, when: &str) {
    let mut scanned = 0;
    for path in files_under(dir) {
        let bytes = std::fs::read(&path).unwrap();
        scanned += bytes.len();
        assert!(!contains(&bytes, canary.as_bytes()), "{when}: canary found in {}", path.display());
    }
    assert!(scanned > 4096, "{when}: nothing was scanned");
}

/// A random marker that cannot occur by chance.
pub fn random_canary() -> String {
    let bytes = steady_core::DataKey::generate().unwrap();
    let hex: String = bytes.expose()[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("CANARY{hex}")
}
