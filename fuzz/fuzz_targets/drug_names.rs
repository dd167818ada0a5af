//! Brand and molecule names as typed on the CLI or a phone (`steady_core::domain::lookup`, and
//! `parse_substance` used by doses, goals and plans). Invariants: a name that resolves keeps
//! resolving to the same molecule whatever its ASCII case and surrounding spaces, a molecule's own
//! INN and each of its brands resolve to it, `parse_substance` agrees with `lookup` (and only the
//! word "unknown" is the unknown substance), and a refusal names the `drug` field, echoes at most
//! 40 characters of the name and shows no control characters (`steady_fuzz::check_refusal`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use steady_core::domain::dose::parse_substance;
use steady_core::domain::{lookup, Field, Problem, Substance};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let found = lookup(s);
    if let Some(m) = found {
        assert_eq!(lookup(m.name()), Some(m), "the INN resolves to itself");
        assert_eq!(
            lookup(&format!("  {}  ", s.to_ascii_uppercase())),
            Some(m),
            "ASCII case and surrounding spaces do not matter"
        );
        assert_eq!(lookup(&s.to_ascii_lowercase()), Some(m));
        for b in m.brands() {
            assert_eq!(lookup(b.name), Some(m), "brand {} resolves to its molecule", b.name);
        }
    }
    match parse_substance(s) {
        Ok(Substance::Known(m)) => assert_eq!(Some(m), found),
        Ok(Substance::Unknown) => assert!(s.trim().eq_ignore_ascii_case("unknown")),
        Err(e) => {
            assert_eq!(e.field, Field::Drug);
            match &e.problem {
                Problem::Required => assert!(s.trim().is_empty()),
                Problem::UnknownDrug { name } => {
                    assert!(found.is_none());
                    let echoed = steady_core::domain::error::echo(s.trim());
                    assert_eq!(*name, echoed, "echoes the start of the name typed, control characters escaped");
                }
                other => panic!("a name refused as {other:?}"),
            }
            steady_fuzz::check_refusal(&e);
        }
    }
});
