//! The core's grammar (`steady_core::domain::parse`) on any text, from the wire's side: the strict
//! formats the FFI's custom types lift (`iso_date`, `hh_mm`, `rfc3339`), the typed forms a person
//! enters (dates, clock times, instants, numbers, tablet counts, GAD-7 item lists), every closed
//! choice (`choice::<T: Keyed>`), and what the validators then make of the numbers. Invariants:
//! - a lifted value lowers (as the FFI lowers it) and lifts back to itself, an instant with its
//!   offset; and the typed grammar reads whatever the wire format reads as the same value, an RFC
//!   3339 instant as itself in any zone;
//! - numbers and tablet counts are finite; a dose or GAD-7 the validators then accept is in range,
//!   and a refused GAD-7 item is the one out of range;
//! - a choice reads its own key back in any ASCII case;
//! - every refusal names the field it was given, says what was expected, and keeps the promises
//!   of `steady_fuzz::check_refusal` (no control characters, at most 40 characters echoed).
//!
//! `parse_cli` fuzzes the same grammar with "today" and real time zones varied.
#![no_main]

use std::fmt::Debug;

use chrono::{FixedOffset, Timelike};
use chrono_tz::Tz;
use libfuzzer_sys::fuzz_target;
use steady_core::domain::dose::{MAX_DOSE_MG, MAX_TABLETS, MIN_DOSE_MG};
use steady_core::domain::{
    parse, Amount, DoseDraft, EntryKind, EquivalenceTable, Expected, Field, FixedZone, Gad7, GoalStatus,
    GoalType, Hideable, Keyed, Pace, Problem, Proposer, ReviewDecision, ValidationError,
};
use steady_core::{ExportFormat, Lang};
use steady_fuzz::{base_now, check_refusal};

/// A refusal of unreadable text: names `field`, expected what the parser reads, kept promises.
fn unreadable(e: &ValidationError, field: Field, expected: fn(&Expected) -> bool) {
    assert_eq!(e.field, field, "errors name the field given");
    match &e.problem {
        Problem::Required => {}
        Problem::Unreadable { expected: x, .. } => assert!(expected(x), "expected {x:?}"),
        other => panic!("{field} refused as {other:?}"),
    }
    check_refusal(e);
}

/// A closed choice: what is read reads back from its key, in any case; a refusal names the field.
fn choice<T: Keyed + PartialEq + Debug>(s: &str) {
    match parse::choice::<T>(Field::Kind, s) {
        Ok(v) => {
            assert_eq!(T::from_key(v.key()), Some(v));
            assert_eq!(T::from_key(&s.to_ascii_uppercase()), Some(v), "any ASCII case");
        }
        Err(e) => unreadable(&e, Field::Kind, |x| *x == Expected::OneOf),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let now = base_now();
    let today = now.date_naive();

    // Dates: the wire's `YYYY-MM-DD`, then the typed form (which also reads today / yesterday).
    if let Some(d) = parse::iso_date(s) {
        let lowered = d.format("%Y-%m-%d").to_string();
        assert_eq!(parse::iso_date(&lowered), Some(d), "a lifted date lowers and lifts back");
        assert_eq!(parse::date(Field::Night, s, today), Ok(d), "the typed grammar reads the wire's dates");
    }
    match parse::date(Field::Night, s, today) {
        Ok(d) => assert_eq!(parse::date(Field::Night, &d.format("%Y-%m-%d").to_string(), today), Ok(d)),
        Err(e) => unreadable(&e, Field::Night, |x| *x == Expected::Date),
    }

    // Clock times: `HH:MM` on the wire and typed.
    if let Some(t) = parse::hh_mm(s) {
        assert_eq!((t.second(), t.nanosecond()), (0, 0));
        assert_eq!(parse::hh_mm(&t.format("%H:%M").to_string()), Some(t), "lowers and lifts back");
        assert_eq!(parse::clock_time(Field::InBed, s), Ok(t));
    }
    if let Err(e) = parse::clock_time(Field::InBed, s) {
        unreadable(&e, Field::InBed, |x| *x == Expected::ClockTime);
    }

    // Instants: RFC 3339 on the wire; typed, an explicit offset wins over the zone.
    if let Some(i) = parse::rfc3339(s) {
        let again = parse::rfc3339(&i.to_rfc3339()).expect("an instant's RFC 3339 lifts back");
        assert_eq!(again, i);
        assert_eq!(again.offset(), i.offset(), "the offset survives");
        // The typed grammar looks at 64 characters at most (RFC 3339 allows any number of digits
        // of a second, which nobody types).
        if s.trim().chars().count() <= 64 {
            let winter = FixedZone(FixedOffset::east_opt(3600).unwrap());
            for read in [
                parse::instant(Field::At, s, &winter, today),
                parse::instant(Field::At, s, &Tz::Europe__Brussels, today),
            ] {
                let read = read.expect("the typed grammar reads the wire's instants");
                assert_eq!((read, read.offset()), (i, i.offset()), "as themselves, offset included");
            }
        }
    }

    // Tablet counts, and what a dose of that many tablets becomes.
    match parse::tablets(Field::Tablets, s) {
        Ok(v) => {
            assert!(v.is_finite(), "tablets are finite");
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
        Err(e) => unreadable(&e, Field::Tablets, |x| *x == Expected::Tablets),
    }

    // Decimal numbers, and what a dose of that many mg becomes.
    match parse::number(Field::Mg, s) {
        Ok(v) => {
            assert!(v.is_finite() && v.abs() < 1e10, "{v}");
            let draft =
                DoseDraft { taken_at: Some(now), drug: "Valium".into(), mg: Some(v), ..DoseDraft::default() };
            if let Ok(dose) = draft.validate(now) {
                assert_eq!(dose.amount, Amount::Mg(v));
                assert!((MIN_DOSE_MG..=MAX_DOSE_MG).contains(&v), "{v} mg accepted");
            }
        }
        Err(e) => unreadable(&e, Field::Mg, |x| *x == Expected::Number),
    }

    // GAD-7 item lists, and the questionnaire they make.
    match parse::gad7_items(Field::Items, s) {
        Ok(items) => {
            assert!(items.len() == 7 && items.iter().all(|i| i.abs() <= 999), "{items:?}");
            match Gad7::new(now, &items, now) {
                Ok(g) => {
                    assert!(g.items.iter().zip(&items).all(|(&a, &b)| i64::from(a) == b && a <= 3));
                    assert!(g.total() <= 21);
                }
                Err(e) => {
                    let Field::Item { number } = e.field else { panic!("a GAD-7 refused on {}", e.field) };
                    let at = usize::from(number) - 1;
                    assert!(!(0..=3).contains(&items[at]), "item {number} is the one out of range");
                    assert!(items[..at].iter().all(|i| (0..=3).contains(i)), "the first one out of range");
                    assert_eq!(e.problem, Problem::OutOfRange { min: 0, max: 3 });
                    check_refusal(&e);
                }
            }
        }
        Err(e) => unreadable(&e, Field::Items, |x| matches!(x, Expected::Gad7Items { .. })),
    }

    // Every closed choice a shell reads by key.
    choice::<EquivalenceTable>(s);
    choice::<GoalStatus>(s);
    choice::<GoalType>(s);
    choice::<ReviewDecision>(s);
    choice::<Proposer>(s);
    choice::<Pace>(s);
    choice::<Hideable>(s);
    choice::<Lang>(s);
    choice::<ExportFormat>(s);
    choice::<EntryKind>(s);
});
