//! The CLI's parsers (`cli/src/parse.rs`, included as a module: the CLI is a binary crate): dates
//! with `today`/`yesterday`, `HH:MM`, `--at` in real time zones with DST gaps and overlaps
//! (Europe/Brussels, Europe/Oslo, half-hour Australia/Adelaide, Asia/Kolkata, UTC, a fixed
//! offset), numbers, tablets, GAD-7 item lists and id prefixes. Invariants: dates and times
//! re-format and re-parse to themselves; a local `--at` is never silently moved (its local time in
//! the zone is the one typed); numbers are finite and bounded; errors never carry control
//! characters to the terminal.
#![no_main]

#[allow(dead_code)]
#[path = "../../cli/src/parse.rs"]
mod parse;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Timelike};
use chrono_tz::Tz;
use libfuzzer_sys::fuzz_target;

fn check_error(e: &parse::ParseError) {
    let shown = e.to_string();
    assert!(!shown.chars().any(char::is_control), "control characters reach the terminal: {shown:?}");
    assert!(e.input.chars().count() <= 40);
}

fn check_at<Z: TimeZone>(s: &str, tz: &Z, today: NaiveDate) {
    match parse::at("--at", s, tz, today) {
        Ok(t) => {
            if DateTime::parse_from_rfc3339(s.trim()).is_err() {
                // A local time: the instant shows, in this zone, exactly the wall-clock time typed.
                let typed = parse::local_datetime(s)
                    .unwrap_or_else(|| today.and_time(parse::hhmm("--at", s).expect("bare HH:MM")));
                assert_eq!(t.with_timezone(tz).naive_local(), typed, "local time moved");
                assert_eq!(t.naive_local(), typed, "offset is the zone's at that time");
            }
        }
        Err(e) => check_error(&e),
    }
}

fuzz_target!(|data: &[u8]| {
    // First two bytes: "today" as days from 2026-03-10 (so relative words and bare times are fuzzed
    // across the whole calendar, including DST days); the rest is the text typed.
    if data.len() < 2 {
        return;
    }
    let base = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    let shift = i16::from_le_bytes([data[0], data[1]]);
    let today = base.checked_add_signed(chrono::Duration::days(i64::from(shift) * 4)).unwrap_or(base);
    let Ok(s) = std::str::from_utf8(&data[2..]) else { return };

    match parse::date("--night", s, today) {
        Ok(d) => {
            let again = parse::date("--night", &d.format("%Y-%m-%d").to_string(), today);
            assert_eq!(again, Ok(d), "a parsed date re-parses to itself");
        }
        Err(e) => check_error(&e),
    }
    match parse::hhmm("--in-bed", s) {
        Ok(t) => {
            assert_eq!(t.second(), 0);
            assert_eq!(parse::hhmm("--in-bed", &t.format("%H:%M").to_string()), Ok(t));
        }
        Err(e) => check_error(&e),
    }
    if let Some(dt) = parse::local_datetime(s) {
        let shown = dt.format("%Y-%m-%d %H:%M").to_string();
        assert_eq!(parse::local_datetime(&shown), Some(dt));
    }
    for tz in [Tz::Europe__Brussels, Tz::Europe__Oslo, Tz::Australia__Adelaide, Tz::Asia__Kolkata, Tz::UTC] {
        check_at(s, &tz, today);
    }
    check_at(s, &FixedOffset::east_opt(-(3 * 3600 + 1800)).unwrap(), today);

    match parse::number("--mg", s) {
        Ok(v) => assert!(v.is_finite() && v.abs() < 1e10, "{v}"),
        Err(e) => check_error(&e),
    }
    match parse::tablets("--tablets", s) {
        Ok(v) => assert!(v.is_finite() && v.abs() < 1e10, "{v}"),
        Err(e) => check_error(&e),
    }
    match parse::gad7_items("--items", s) {
        Ok(items) => assert!(items.len() == 7 && items.iter().all(|i| i.abs() <= 999)),
        Err(e) => check_error(&e),
    }
    match parse::id_prefix("ID", s) {
        Ok(hex) => {
            assert!((parse::MIN_ID_PREFIX..=32).contains(&hex.len()));
            assert!(hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        }
        Err(e) => check_error(&e),
    }
});
