//! The backup/import reader, structure-aware: the input gives the records' plaintext (fuzzed JSON)
//! and how the file is damaged; the target seals each record properly (AES-256-GCM, the reader's own
//! associated data: header + "record" + index) under a pre-derived key, so the reader gets past
//! authentication and decodes the records. Then:
//! - `open_with_key` returns every record or an error naming one (never a partial list);
//! - what it accepts is a diary the summary can render in every format (imported entries are not
//!   re-validated, so this is the one place unvalidated entries reach the renderers);
//! - a sealed file round-trips through `seal_with_key`;
//! - a refusal names a record within the file, and its message is one printable line that never
//!   quotes a record's content.
#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;
use steady_core::domain::{Diary, Entry, EntryBody, EntryId, Question};
use steady_core::internals::backup::{open_with_key, seal_with_key, Header, HEADER_1_LEN as HEADER_LEN};
use steady_core::internals::crypto::Sealer;
use steady_core::{BackupError, DataKey};
use steady_fuzz::backup::seal_file;
use steady_fuzz::{render_all, request, Reader};

/// Once per process: a file sealed here with a real entry opens, so this target's copy of the
/// format still matches the reader (if the format changes, this fails loudly instead of every
/// input silently stopping at the check frame).
fn format_still_matches(sealer: &Sealer, key: &DataKey) {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let at = chrono::DateTime::parse_from_rfc3339("2026-03-02T21:00:00+01:00").unwrap();
        let entry = Entry {
            id: EntryId::new(),
            body: EntryBody::Question(Question::new(at, "q", false, at).unwrap()),
        };
        let file = seal_file(sealer, 1, &[serde_json::to_string(&entry).unwrap()]);
        assert_eq!(
            open_with_key(&file, key),
            Ok(vec![entry]),
            "fuzz/fuzz_targets/backup_records.rs no longer matches the backup format in store/backup.rs"
        );
    });
}

fuzz_target!(|data: &[u8]| {
    let mut r = Reader::new(data);
    let key = DataKey::from_bytes([7; 32]);
    let sealer = Sealer::new(&key);
    format_still_matches(&sealer, &key);
    // Summary request for what is imported, then the file's shape, then the records.
    let req = request(&mut r);
    let damage = r.byte();
    let n = usize::from(r.byte() % 16);
    let records: Vec<String> = (0..n).map(|_| r.string()).collect();
    let claimed = match damage % 8 {
        1 => (n as u32).wrapping_add(1),
        2 => (n as u32).saturating_sub(1),
        _ => n as u32,
    };

    let mut file = seal_file(&sealer, claimed, &records);
    let intact = file.len();
    match damage % 8 {
        3 => file.push(r.byte()),
        4 => {
            let cut = usize::from(u16::from_le_bytes(r.bytes()));
            file.truncate(file.len().saturating_sub(cut));
        }
        5 => {
            let at = HEADER_LEN + usize::from(u16::from_le_bytes(r.bytes())) % (file.len() - HEADER_LEN);
            file[at] ^= r.byte() | 1;
        }
        _ => {}
    }
    // Any change after the header (a flipped bit, bytes cut or added, a wrong record count) is caught.
    let damaged = file.len() != intact || damage % 8 == 5 || claimed as usize != n;

    let result = open_with_key(&file, &key);
    match &result {
        Ok(entries) => {
            assert!(!damaged, "damage {} went unnoticed", damage % 8);
            assert_eq!(entries.len(), n);
            assert_eq!(claimed as usize, n);
            // Re-sealing what was read gives a file that opens to the same entries.
            let header = Header::parse(&file).unwrap();
            let again = seal_with_key(entries, &header, &key).unwrap();
            assert_eq!(open_with_key(&again, &key).as_ref(), Ok(entries));
            let mut req = req;
            let diary = Diary::from_entries(entries.iter().cloned());
            steady_fuzz::hide_goals(&mut req, &diary);
            render_all(&diary, &req);
        }
        Err(e) => {
            match e {
                BackupError::BadRecord { index, .. }
                | BackupError::DamagedRecord { index }
                | BackupError::Truncated { index, .. } => assert!((*index as usize) <= n),
                _ => {}
            }
            let shown = e.to_string();
            steady_fuzz::check_shown(&shown);
            if let BackupError::BadRecord { problem, .. } = e {
                // serde's message may quote the record; only its kind and position are kept.
                assert!(
                    problem == "duplicate entry id" || problem.contains(" error at line "),
                    "{problem:?}"
                );
            }
        }
    }
});
