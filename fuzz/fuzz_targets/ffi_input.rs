//! What the phones send across the FFI (`steady_core::ffi::UserEvent` / `EntryInput`): every
//! string field (RFC 3339 times, `YYYY-MM-DD` dates, `HH:MM` times, ids) is fuzzed, converted with
//! `into_event`, and any resulting draft is validated as the app would (`EntryDraft::validate`,
//! including taper-plan schedules). Invariants: no panic; a refused field is named.
#![no_main]

use libfuzzer_sys::fuzz_target;
use steady_core::app::Event;
use steady_fuzz::ffi::ffi_event;
use steady_fuzz::{base_now, Reader};

fuzz_target!(|data: &[u8]| {
    let mut r = Reader::new(data);
    let now = base_now();
    while !r.is_empty() {
        match ffi_event(&mut r).into_event() {
            Ok(Event::Log(draft)) | Ok(Event::Edit(_, draft)) => {
                if let Err(e) = draft.validate(now, |_| true) {
                    assert!(!e.field.is_empty());
                }
            }
            Ok(_) => {}
            Err(e) => assert!(!e.field.is_empty(), "a refused value names its field"),
        }
    }
});
