//! Recovery's direct page reader (`steady_core::internals::pages`) on raw bytes: a damaged diary
//! file is arbitrary bytes. Invariants: no panic, no unbounded work; the rows it returns never add
//! up to more bytes than its read budget, a small multiple of the file's size (damaged cells may
//! overlap, so a byte can be read twice, but never without bound). The seed corpus holds small real
//! diary files, so mutations start from valid B-tree pages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use steady_core::internals::pages::{entry_rows, read_budget};

fuzz_target!(|data: &[u8]| {
    let rows = entry_rows(data);
    let total: usize = rows.iter().map(|r| r.sealed.len()).sum();
    assert!(total <= read_budget(data.len()), "{total} bytes of rows from a {}-byte file", data.len());
});
