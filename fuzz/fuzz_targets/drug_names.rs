//! Brand and molecule names as typed on the CLI or a phone (`steady_core::domain::lookup`, and
//! `parse_substance` used by doses, goals and plans). Invariants: a name that resolves keeps
//! resolving to the same molecule whatever its case and surrounding spaces, a molecule's own INN
//! and each of its brands resolve to it, and the error never echoes more than 40 characters.
#![no_main]

use libfuzzer_sys::fuzz_target;
use steady_core::domain::dose::parse_substance;
use steady_core::domain::{lookup, Problem, Substance};

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
        Ok(Substance::Molecule(m)) => assert_eq!(Some(m), found),
        Ok(Substance::Unknown) => assert!(s.trim().eq_ignore_ascii_case("unknown")),
        Err(e) => {
            assert_eq!(e.field, "drug");
            if let Problem::UnknownDrug(echo) = &e.problem {
                assert!(echo.chars().count() <= 40);
            }
        }
    }
});
