//! The core's text parsers (`steady_core::domain::parse`), used by the phones for every string field
//! and by the FFI conversion: dates, clock times, RFC 3339 instants, tablet amounts and integer lists
//! (GAD-7 items). Beyond "no panic": what parses re-formats and re-parses to the same value, tablet
//! amounts are finite, and what the core then accepts as a dose or a GAD-7 is in range.
#![no_main]

use chrono::{Timelike, Utc};
use libfuzzer_sys::fuzz_target;
use steady_core::domain::dose::{MAX_DOSE_MG, MAX_TABLETS};
use steady_core::domain::{parse, Amount, DoseDraft, Gad7, Problem};
use steady_fuzz::base_now;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let now = base_now();

    if let Ok(d) = parse::date("night", s) {
        let again = parse::date("night", &d.format("%Y-%m-%d").to_string());
        assert_eq!(again, Ok(d), "a parsed date re-parses to itself");
    }
    if let Ok(t) = parse::clock_time("in_bed", s) {
        assert_eq!((t.second(), t.nanosecond()), (0, 0));
        assert_eq!(parse::clock_time("in_bed", &t.format("%H:%M").to_string()), Ok(t));
    }
    match parse::instant("at", s) {
        Ok(i) => {
            let again = parse::instant("at", &i.to_rfc3339()).expect("an instant's RFC 3339 re-parses");
            assert_eq!(again, i);
            assert_eq!(again.offset(), i.offset(), "the offset survives");
            let _ = i.with_timezone(&Utc);
        }
        Err(e) => assert_eq!(e.field, "at", "errors name the field"),
    }
    match parse::tablets("tablets", s) {
        Ok(v) => {
            assert!(v.is_finite(), "tablets are finite");
            // What the core then does with it: a dose is either refused or in range.
            let draft = DoseDraft {
                taken_at: Some(now),
                drug: "lormetazepam".into(),
                tablets: Some(v),
                strength_mg: Some(1.0),
                ..DoseDraft::default()
            };
            if let Ok(dose) = draft.validate(now) {
                let Amount::Tablets { quarters, .. } = dose.amount else { panic!("tablets stay tablets") };
                let n = f64::from(quarters) / 4.0;
                assert!(n > 0.0 && n <= MAX_TABLETS && (n - v).abs() < 1e-6, "{n} tablets from {v}");
                let mg = dose.amount.mg().expect("strength known");
                assert!(mg.is_finite() && mg > 0.0 && mg <= MAX_DOSE_MG);
            }
        }
        Err(e) => {
            assert!(matches!(e.problem, Problem::Required | Problem::TooLong { .. } | Problem::Unreadable(_)))
        }
    }
    if let Ok(items) = parse::int_list("items", s) {
        assert!(!items.is_empty());
        if let Ok(g) = Gad7::new(now, &items, now) {
            assert!(items.len() == 7 && g.items.iter().all(|&i| i <= 3) && g.total() <= 21);
        }
    }
});
