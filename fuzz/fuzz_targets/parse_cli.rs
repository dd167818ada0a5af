//! The core's grammar for what a person types (`steady_core::domain::parse`: the CLI's flags and
//! the phones' text fields both go through it), with "today" moved across the calendar and local
//! times read in real time zones: DST gaps and overlaps (Europe/Brussels, Europe/Oslo,
//! America/Sao_Paulo, whose clocks skipped midnight), half-hour zones and a half-hour DST shift
//! (Australia/Adelaide, Asia/Kolkata, Australia/Lord_Howe), a two-hour shift (Antarctica/Troll), a
//! skipped calendar day (Pacific/Apia, 30 December 2011), UTC and a fixed offset. Invariants:
//! - dates and clock times re-format and re-parse to themselves; `today` is today;
//! - a local time is never silently moved: read in a zone, the instant shows exactly the wall-clock
//!   time typed, at the zone's offset for that instant; of two readings (clocks went back) it is the
//!   earlier; a time the clocks skipped is refused as such — all checked against chrono-tz's own
//!   reading of the zone; an RFC 3339 time keeps its own offset;
//! - text is read as an instant exactly when it is RFC 3339, a local date and time, or a bare time;
//! - numbers and tablet counts are finite and bounded; GAD-7 lists have seven small items; an id
//!   prefix is 4 to 32 lowercase hex digits, and a full id's is its hex;
//! - every refusal names the field it was given, echoes at most 40 characters and shows no control
//!   characters (`steady_fuzz::check_refusal`).
#![no_main]

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike};
use chrono_tz::Tz;
use libfuzzer_sys::fuzz_target;
use steady_core::domain::parse::{self, MIN_ID_PREFIX};
use steady_core::domain::{EntryId, Field, LocalInstant, Problem, ValidationError};
use steady_fuzz::check_refusal;

const ZONES: [Tz; 10] = [
    Tz::Europe__Brussels,
    Tz::Europe__Oslo,
    Tz::America__Sao_Paulo,
    Tz::Australia__Adelaide,
    Tz::Asia__Kolkata,
    Tz::Australia__Lord_Howe,
    Tz::Antarctica__Troll,
    Tz::Pacific__Apia,
    Tz::America__St_Johns,
    Tz::UTC,
];

fn refused(e: &ValidationError, field: Field) {
    assert_eq!(e.field, field, "errors name the field given");
    check_refusal(e);
}

/// What a person typed as a local time, read independently of the core: `YYYY-MM-DD HH:MM` (a `T`
/// may stand for the space), or a bare `HH:MM` meaning today.
fn typed_local(s: &str, today: NaiveDate) -> Option<NaiveDateTime> {
    let t = s.trim();
    if let Some(time) = parse::hh_mm(t) {
        return Some(today.and_time(time));
    }
    let (d, time) = t.split_once([' ', 'T', 't'])?;
    Some(parse::iso_date(d.trim())?.and_time(parse::hh_mm(time.trim())?))
}

fn check_at<Z: TimeZone>(s: &str, tz: &Z, today: NaiveDate) {
    let read = parse::instant(Field::At, s, tz, today);
    let trimmed = s.trim();
    let fits = !trimmed.is_empty() && trimmed.chars().count() <= 64;
    if let Some(explicit) = DateTime::parse_from_rfc3339(trimmed).ok().filter(|_| fits) {
        let t = read.expect("an RFC 3339 time is read");
        assert_eq!((t, t.offset()), (explicit, explicit.offset()), "an explicit offset is kept");
        return;
    }
    let typed = typed_local(s, today).filter(|_| fits);
    let Some(typed) = typed else {
        let e = read.expect_err("neither RFC 3339 nor a local time");
        assert!(matches!(e.problem, Problem::Required | Problem::Unreadable { .. }), "{e}");
        return refused(&e, Field::At);
    };
    // chrono-tz's own reading of the wall-clock time, to check the core's against.
    let readings: Vec<LocalInstant> = match tz.from_local_datetime(&typed) {
        LocalResult::Single(t) => vec![t.fixed_offset()],
        LocalResult::Ambiguous(a, b) => vec![a.fixed_offset(), b.fixed_offset()],
        LocalResult::None => vec![],
    };
    match read {
        Ok(t) => {
            assert_eq!(t.naive_local(), typed, "local time moved");
            assert_eq!(t.offset().local_minus_utc() % 60, 0, "offsets are whole minutes (RFC 3339 has no seconds)");
            let earliest = readings.iter().min().expect("chrono-tz finds the time too");
            if earliest.offset().local_minus_utc() % 60 == 0 {
                assert_eq!(t.with_timezone(tz).naive_local(), typed, "the zone shows the time typed");
                let zone_offset = tz.offset_from_utc_datetime(&t.naive_utc()).fix();
                assert_eq!(*t.offset(), zone_offset, "the offset is the zone's at that instant");
                assert_eq!(t, *earliest, "of two readings, the earlier");
            } else {
                // Local mean time before a zone was standardised (an offset with seconds): the
                // typed time is kept and the offset rounded, at most 30 s from the zone's reading.
                assert!((t - *earliest).num_seconds().abs() <= 30, "{t} vs {earliest}");
            }
        }
        Err(e) => {
            assert!(matches!(e.problem, Problem::SkippedByClocks { .. }), "a local time refused: {e}");
            assert!(readings.is_empty(), "refused as skipped, but the zone shows {typed}");
            refused(&e, Field::At);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    // First two bytes: "today" as days from 2026-03-10, times 4 (so relative words and bare times
    // are fuzzed across the calendar, DST days included); the rest is the text typed.
    if data.len() < 2 {
        return;
    }
    let base = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    let shift = i16::from_le_bytes([data[0], data[1]]);
    let today = base.checked_add_signed(chrono::Duration::days(i64::from(shift) * 4)).unwrap_or(base);
    let Ok(s) = std::str::from_utf8(&data[2..]) else { return };

    match parse::date(Field::Night, s, today) {
        Ok(d) => {
            let again = parse::date(Field::Night, &d.format("%Y-%m-%d").to_string(), today);
            assert_eq!(again, Ok(d), "a parsed date re-parses to itself");
            if s.trim().eq_ignore_ascii_case("today") {
                assert_eq!(d, today);
            }
        }
        Err(e) => refused(&e, Field::Night),
    }
    match parse::clock_time(Field::InBed, s) {
        Ok(t) => {
            assert_eq!((t.second(), t.nanosecond()), (0, 0));
            assert_eq!(parse::clock_time(Field::InBed, &t.format("%H:%M").to_string()), Ok(t));
        }
        Err(e) => refused(&e, Field::InBed),
    }
    for tz in &ZONES {
        check_at(s, tz, today);
    }
    check_at(s, &FixedOffset::east_opt(-(3 * 3600 + 1800)).unwrap(), today);

    match parse::number(Field::Mg, s) {
        Ok(v) => assert!(v.is_finite() && v.abs() < 1e10, "{v}"),
        Err(e) => refused(&e, Field::Mg),
    }
    match parse::tablets(Field::Tablets, s) {
        Ok(v) => assert!(v.is_finite() && v.abs() < 1e10, "{v}"),
        Err(e) => refused(&e, Field::Tablets),
    }
    match parse::gad7_items(Field::Items, s) {
        Ok(items) => assert!(items.len() == 7 && items.iter().all(|i| i.abs() <= 999)),
        Err(e) => refused(&e, Field::Items),
    }
    match parse::id_prefix(Field::Id, s) {
        Ok(hex) => {
            assert!((MIN_ID_PREFIX..=32).contains(&hex.len()));
            assert!(hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
            if let Ok(id) = s.parse::<EntryId>() {
                assert_eq!(hex, id.hex(), "a whole id is its own prefix");
            }
        }
        Err(e) => refused(&e, Field::Id),
    }
});
