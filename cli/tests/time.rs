//! Time zones end to end through the `steady` binary, with the zone taken from `TZ` (chrono reads
//! it on Linux): `--at` in a DST gap is refused with a clear error, an overlap takes the earlier
//! reading (summer time), half-hour zones keep the local date, and entries logged while travelling
//! keep their dates and order whichever zone lists them. The core side (today, summaries, a clock
//! that moves backwards) is in `shared/tests/time.rs`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A throw-away diary opened with a key file, in a given time zone per command.
struct Diary {
    dir: tempfile::TempDir,
}

impl Diary {
    fn new() -> Self {
        let d = Self { dir: tempfile::tempdir().expect("temp dir") };
        ok(&d.run("UTC", &["init"]));
        // These diaries count calendar days (the patient's day starts at midnight); the default
        // 04:00 day start is tested in cli/tests/daily.rs.
        ok(&d.run("UTC", &["settings", "set", "day-start", "00:00"]));
        d
    }

    fn key(&self) -> PathBuf {
        self.dir.path().join("steady.key")
    }

    /// `TZ=<tz> steady --data-dir … --key-file … ARGS`.
    fn run(&self, tz: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_steady"))
            .env_remove("STEADY_PASSPHRASE")
            .env_remove("STEADY_DATA_DIR")
            .env_remove("STEADY_KEY_FILE")
            .env_remove("RUST_BACKTRACE")
            .env("TZ", tz)
            .arg("--data-dir")
            .arg(self.dir.path().join("diary"))
            .arg("--key-file")
            .arg(self.key())
            .args(args)
            .output()
            .expect("the steady binary runs")
    }

    fn ok(&self, tz: &str, args: &[&str]) -> String {
        ok(&self.run(tz, args))
    }

    fn json(&self, tz: &str, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(tz, args)).expect("valid JSON")
    }

    /// `list --json` as (date, time field) pairs, in the listed order.
    fn listed(&self, tz: &str) -> Vec<(String, String)> {
        let list = self.json(tz, &["list", "--json"]);
        list.as_array()
            .expect("an array")
            .iter()
            .map(|e| {
                let at = e["at"].as_str().or(e["taken_at"].as_str()).unwrap_or("?");
                (e["date"].as_str().unwrap_or("?").to_owned(), at.to_owned())
            })
            .collect()
    }

    /// (date, prescribed doses) per day of `summary --format json`.
    fn dose_days(&self, tz: &str, from: &str, to: &str) -> Vec<(String, u64)> {
        let s = self.json(tz, &["summary", "--from", from, "--to", to, "--format", "json"]);
        s["days"]
            .as_array()
            .expect("days")
            .iter()
            .map(|d| {
                (d["date"].as_str().unwrap_or("?").to_owned(), d["prescribed_doses"].as_u64().unwrap_or(99))
            })
            .collect()
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn ok(o: &Output) -> String {
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "failed with {:?}\nstdout: {}\nstderr: {err}", o.status, stdout(o));
    stdout(o)
}

/// Asserts a clean failure (non-zero, one `error:` line, no panic) and returns stderr.
fn fails(o: &Output) -> String {
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(!o.status.success(), "unexpectedly succeeded: {}", stdout(o));
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.starts_with("error:") && err.trim_end().lines().count() == 1, "{err}");
    err
}

/// True when the zone database has every zone these tests use (else they say so and pass).
fn zones() -> bool {
    let all = [
        "Europe/Brussels",
        "Europe/Oslo",
        "Asia/Kolkata",
        "Asia/Kathmandu",
        "America/New_York",
        "Asia/Tokyo",
    ];
    let missing: Vec<_> = all.iter().filter(|z| !Path::new("/usr/share/zoneinfo").join(z).exists()).collect();
    if !missing.is_empty() {
        eprintln!("skipped: no time zone database for {missing:?}");
    }
    missing.is_empty()
}

fn anxiety(at: &str) -> Vec<&str> {
    vec!["log", "anxiety", "--score", "3", "--at", at]
}

fn dose(at: &str) -> Vec<&str> {
    vec!["log", "dose", "--drug", "diazepam", "--mg", "2", "--at", at]
}

#[test]
fn at_in_a_spring_gap_is_refused_in_brussels_and_oslo() {
    if !zones() {
        return;
    }
    let d = Diary::new();
    // 29 March 2026: both zones go from 02:00 +01:00 to 03:00 +02:00.
    for tz in ["Europe/Brussels", "Europe/Oslo"] {
        for skipped in ["2026-03-29 02:00", "2026-03-29 02:30", "2026-03-29 02:59"] {
            let err = fails(&d.run(tz, &anxiety(skipped)));
            assert!(err.contains("--at") && err.contains(skipped), "names the flag and the input: {err}");
            assert!(err.contains("does not exist") && err.contains("clocks skipped"), "says why: {err}");
            assert!(err.contains("RFC 3339"), "says what works instead: {err}");
        }
    }
    assert_eq!(d.listed("UTC"), [], "nothing was written");
    ok(&d.run("Europe/Brussels", &anxiety("2026-03-29 01:59")));
    ok(&d.run("Europe/Oslo", &anxiety("2026-03-29 03:00")));
    // The exact instant is still reachable with its offset.
    ok(&d.run("Europe/Oslo", &anxiety("2026-03-29T02:30:00+01:00")));
    assert_eq!(
        d.listed("Europe/Oslo"),
        [
            ("2026-03-29".into(), "2026-03-29T01:59:00+01:00".into()),
            ("2026-03-29".into(), "2026-03-29T02:30:00+01:00".into()),
            ("2026-03-29".into(), "2026-03-29T03:00:00+02:00".into()),
        ]
    );
}

#[test]
fn at_in_an_autumn_overlap_takes_the_earlier_summer_time_reading() {
    if !zones() {
        return;
    }
    let d = Diary::new();
    // 25 October 2026: 03:00 +02:00 becomes 02:00 +01:00; 02:30 happens twice. A bare local time
    // means the first (summer time, +02:00), as documented; the second needs its offset.
    ok(&d.run("Europe/Oslo", &dose("2026-10-25T02:30:00+01:00")));
    ok(&d.run("Europe/Oslo", &dose("2026-10-25 02:30")));
    ok(&d.run("Europe/Brussels", &dose("2026-10-25 02:10")));
    ok(&d.run("Europe/Brussels", &dose("2026-10-25 03:00")));
    assert_eq!(
        d.listed("Europe/Brussels"),
        [
            ("2026-10-25".into(), "2026-10-25T02:10:00+02:00".into()),
            ("2026-10-25".into(), "2026-10-25T02:30:00+02:00".into()),
            ("2026-10-25".into(), "2026-10-25T02:30:00+01:00".into()),
            ("2026-10-25".into(), "2026-10-25T03:00:00+01:00".into()),
        ],
        "one day, in wall-clock order, the two 02:30s in the order they happened"
    );
    assert_eq!(d.dose_days("Europe/Oslo", "2026-10-25", "2026-10-25"), [("2026-10-25".into(), 4)]);
    let text = d.ok("Europe/Oslo", &["list"]);
    assert_eq!(text.matches("2026-10-25 02:30").count(), 2, "{text}");
}

#[test]
fn half_hour_zones_keep_the_local_date() {
    if !zones() {
        return;
    }
    let d = Diary::new();
    // Asia/Kolkata +05:30: 00:15 on the 10th is the 9th in UTC. Asia/Kathmandu +05:45.
    ok(&d.run("Asia/Kolkata", &dose("2026-03-10 00:15")));
    ok(&d.run("Asia/Kolkata", &dose("2026-03-10 23:50")));
    ok(&d.run("Asia/Kathmandu", &dose("2026-03-11 00:10")));
    let listed = d.listed("UTC");
    assert_eq!(
        listed,
        [
            ("2026-03-10".into(), "2026-03-10T00:15:00+05:30".into()),
            ("2026-03-10".into(), "2026-03-10T23:50:00+05:30".into()),
            ("2026-03-11".into(), "2026-03-11T00:10:00+05:45".into()),
        ]
    );
    for tz in ["UTC", "Asia/Kolkata", "America/New_York"] {
        assert_eq!(
            d.dose_days(tz, "2026-03-09", "2026-03-11"),
            [("2026-03-09".into(), 0), ("2026-03-10".into(), 2), ("2026-03-11".into(), 1)],
            "summary days listed in {tz}"
        );
    }
    let day = d.json("UTC", &["list", "--json", "--from", "2026-03-10", "--to", "2026-03-10"]);
    assert_eq!(day.as_array().map(Vec::len), Some(2));
}

#[test]
fn entries_logged_while_travelling_keep_their_dates_whichever_zone_lists_them() {
    if !zones() {
        return;
    }
    let d = Diary::new();
    ok(&d.run("Europe/Brussels", &dose("2026-03-10 08:00")));
    ok(&d.run("Europe/Brussels", &anxiety("2026-03-10 22:30")));
    // New York, -04:00 after 8 March: 23:00 on the 10th is 03:00 UTC on the 11th.
    ok(&d.run("America/New_York", &dose("2026-03-10 23:00")));
    ok(&d.run("America/New_York", &dose("2026-03-11 07:00")));
    // Tokyo +09:00: 00:30 on the 13th is 15:30 UTC on the 12th.
    ok(&d.run("Asia/Tokyo", &dose("2026-03-12 21:00")));
    ok(&d.run("Asia/Tokyo", &dose("2026-03-13 00:30")));
    let expected: Vec<(String, String)> = [
        ("2026-03-10", "2026-03-10T08:00:00+01:00"),
        ("2026-03-10", "2026-03-10T22:30:00+01:00"),
        ("2026-03-10", "2026-03-10T23:00:00-04:00"),
        ("2026-03-11", "2026-03-11T07:00:00-04:00"),
        ("2026-03-12", "2026-03-12T21:00:00+09:00"),
        ("2026-03-13", "2026-03-13T00:30:00+09:00"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    for tz in ["Europe/Brussels", "America/New_York", "Asia/Tokyo", "Asia/Kolkata"] {
        assert_eq!(d.listed(tz), expected, "listed in {tz}");
        assert_eq!(
            d.dose_days(tz, "2026-03-10", "2026-03-13"),
            [
                ("2026-03-10".into(), 2),
                ("2026-03-11".into(), 1),
                ("2026-03-12".into(), 1),
                ("2026-03-13".into(), 1)
            ],
            "summary in {tz}"
        );
    }
    // The human list shows each entry's own local time, not the viewer's.
    let text = d.ok("Asia/Tokyo", &["list"]);
    for shown in ["2026-03-10 08:00", "2026-03-10 23:00", "2026-03-13 00:30"] {
        assert!(text.contains(shown), "{shown} in {text}");
    }
    let ranged = d.json("Asia/Tokyo", &["list", "--json", "--from", "2026-03-10", "--to", "2026-03-10"]);
    assert_eq!(ranged.as_array().map(Vec::len), Some(3), "the New York evening dose is on the 10th");
}

#[test]
fn now_is_read_in_the_zone_tz_names() {
    if !zones() {
        return;
    }
    let d = Diary::new();
    ok(&d.run("Asia/Kolkata", &["log", "anxiety", "--score", "2"]));
    ok(&d.run("Asia/Kolkata", &anxiety("07:15")));
    let listed = d.listed("UTC");
    assert_eq!(listed.len(), 2);
    for (date, at) in &listed {
        assert!(at.ends_with("+05:30"), "logged in Kolkata time: {at}");
        assert!(at.starts_with(date.as_str()), "the date is Kolkata's: {date} {at}");
    }
    assert!(listed.iter().any(|(_, at)| at.contains("T07:15:00+05:30")), "a bare HH:MM is today there");
    // "today" is the zone's date: the entry logged now is on it.
    let today = d.json("Asia/Kolkata", &["today", "--json"]);
    let now_entry = listed.iter().find(|(_, at)| !at.contains("T07:15:00")).expect("the entry logged now");
    assert_eq!(today["date"].as_str(), Some(now_entry.0.as_str()));
}
