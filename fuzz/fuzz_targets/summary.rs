//! Summary rendering of arbitrary diaries: a header (device clock and offset, period — possibly
//! reversed or far from the entries —, equivalence table, language, hidden parts and goals,
//! "today") and then any number of entries of every kind, each validated by the core as the app
//! does (plans also held, resumed, re-paced and ended). The summary is built and rendered as text,
//! JSON, CSV, PDF and FHIR through `steady_core::summary::export`, the path the CLI and phones use.
#![no_main]

use libfuzzer_sys::fuzz_target;
use steady_core::app::diary::Diary;
use steady_fuzz::{entries, hide_goals, render_all, request, Reader};

fuzz_target!(|data: &[u8]| {
    let mut r = Reader::new(data);
    let mut req = request(&mut r);
    let decoded = entries(&mut r, req.now);
    let diary = Diary::from_entries(decoded.entries);
    hide_goals(&mut req, &diary);
    render_all(&diary, &req);
});
