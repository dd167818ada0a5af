//! The backup/import reader on raw bytes: `Header::parse` and `open_with_key` with a pre-derived
//! key (no key derivation per input). Raw bytes cannot forge the authenticated frames, so this target covers
//! the header checks, the size cap and framing up to the check frame; `backup_records` reaches the
//! record decoding. Invariants: no panic; a header that parses has allowed KDF parameters; what
//! opens (only a seed sealed with this key can) has as many entries as its header claims, with no
//! duplicate ids; a bad header is reported as such; every refusal's message is one printable line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use steady_core::internals::backup::{open_with_key, Header};
use steady_core::DataKey;

fuzz_target!(|data: &[u8]| {
    let header = Header::parse(data);
    if let Ok(h) = &header {
        assert!(h.kdf.check().is_ok(), "a header that parses has bounded KDF parameters");
        assert!(h.len <= data.len());
    }
    let key = DataKey::from_bytes([7; 32]);
    match open_with_key(data, &key) {
        Ok(entries) => {
            let h = header.expect("opened, so the header parsed");
            if let Some(count) = h.count {
                assert_eq!(entries.len() as u32, count, "a format-1 file holds what its header claims");
            }
            let ids: std::collections::HashSet<_> = entries.iter().map(|e| e.id).collect();
            assert_eq!(ids.len(), entries.len(), "no duplicate ids");
        }
        Err(e) => {
            if let Err(h) = header {
                assert_eq!(e, h, "a bad header is reported as such");
            }
            steady_fuzz::check_shown(&e.to_string());
        }
    }
});
