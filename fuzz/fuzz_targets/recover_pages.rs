//! Recovery's direct page reader (`store::pages`) on raw bytes: a damaged diary file is arbitrary
//! bytes. Invariants: no panic, no unbounded work; the rows it returns never add up to more bytes
//! than the file holds (a sound file stores each byte once); every row has a 16-byte id by type.
//! The seed corpus holds small real diary files, so mutations start from valid B-tree pages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use steady_core::store::pages::entry_rows;

fuzz_target!(|data: &[u8]| {
    let rows = entry_rows(data);
    let total: usize = rows.iter().map(|r| r.sealed.len()).sum();
    assert!(total <= data.len(), "{total} bytes of rows from a {}-byte file", data.len());
});
