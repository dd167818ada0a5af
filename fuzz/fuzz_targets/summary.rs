//! Summary rendering of arbitrary diaries: a header (device clock and offset, the request a shell
//! sends — period, possibly backwards, longer than allowed or far from the entries; equivalence
//! table or the diary's; language or the default; hidden parts and goals — and "today") and then any
//! number of entries of every kind, each validated by the core as the app does (plans also held,
//! resumed, re-paced and ended). The request is resolved as every shell's is
//! (`SummaryRequest::resolve`: a bad period is refused with its exact rule) and the summary is
//! rendered as text, JSON, CSV, PDF and FHIR through the one export entry point the CLI and phones
//! use, each checked for what its format promises (see `steady_fuzz::render_all`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use steady_core::domain::Diary;
use steady_fuzz::{entries, hide_goals, render_all, request, Reader};

fuzz_target!(|data: &[u8]| {
    let mut r = Reader::new(data);
    let mut req = request(&mut r);
    let decoded = entries(&mut r, req.now);
    let diary = Diary::from_entries(decoded.entries);
    hide_goals(&mut req, &diary);
    render_all(&diary, &req);
});
