//! The backup/import reader on raw bytes: `Header::parse` and `open_with_key` with a pre-derived
//! key (no PBKDF2 per input). Raw bytes cannot forge the authenticated frames, so this target covers
//! the header checks, the size cap and framing up to the check frame; `backup_records` reaches the
//! record decoding. Invariants: no panic; a header that parses has allowed KDF parameters; the wrong
//! key never opens anything.
#![no_main]

use libfuzzer_sys::fuzz_target;
use steady_core::store::backup::{open_with_key, BackupError, Header, MAX_ITERATIONS};
use steady_core::store::{DataKey, PBKDF2_ITERATIONS};

fuzz_target!(|data: &[u8]| {
    let header = Header::parse(data);
    if let Ok(h) = &header {
        assert!((PBKDF2_ITERATIONS..=MAX_ITERATIONS).contains(&h.iterations));
    }
    let key = DataKey::from_bytes([7; 32]);
    match open_with_key(data, &key) {
        // Only a file sealed with this key opens; fuzzed bytes cannot be (without a seed made so).
        Ok(entries) => assert_eq!(entries.len() as u32, header.expect("opened, so the header parsed").count),
        Err(e) => {
            if let Err(h) = header {
                assert_eq!(e, h, "a bad header is reported as such");
            }
            let _ = matches!(e, BackupError::WrongPassphrase);
        }
    }
});
