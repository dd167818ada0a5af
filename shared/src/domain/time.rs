//! Time rules shared by every entry: the instant plus the patient's own UTC offset, so an entry keeps
//! the local date it was logged on even after travel, a DST change or a clock that moved backwards.

use chrono::{DateTime, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone};

use super::error::{Field, Problem, Valid, ValidationError};

/// An instant with the offset the patient's device had at that moment.
pub type LocalInstant = DateTime<FixedOffset>;

/// The rules of a time zone, as far as Steady needs them: the UTC offset in force at an instant.
/// Local times (a typed `22:30`, a reminder at `22:00` every day) are turned into instants from
/// this alone, exactly at DST changes (see [`readings`]). Shells supply it: the system zone on a
/// desktop, the phone's zone rules, a fixed offset in tests.
pub trait Zone {
    /// The offset in force at the UTC date-time `utc`.
    fn offset_at(&self, utc: NaiveDateTime) -> FixedOffset;
}

impl<T: TimeZone> Zone for T {
    fn offset_at(&self, utc: NaiveDateTime) -> FixedOffset {
        self.offset_from_utc_datetime(&utc).fix()
    }
}

/// A zone that is always at one offset (a test, or a device that reports no rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedZone(pub FixedOffset);

impl Zone for FixedZone {
    fn offset_at(&self, _utc: NaiveDateTime) -> FixedOffset {
        self.0
    }
}

/// Every instant at which `zone`'s clocks show `naive`: none (skipped when clocks went forward),
/// one, or two (repeated when clocks went back), earliest first.
///
/// Worked out from the zone's UTC-to-local rule alone, checking that each candidate shows exactly
/// `naive`: chrono 0.4's local-to-UTC lookup for the system zone is wrong at the transition minute
/// itself (02:00 on a spring-forward day came back as an existing 02:00 +01:00, and 03:00 on a
/// fall-back day as 03:00 +02:00, an hour early).
pub fn readings(zone: &dyn Zone, naive: &NaiveDateTime) -> LocalResult<LocalInstant> {
    // The offsets in force within 15 hours either side: every instant that could show `naive`
    // (offsets are at most ±14 h) has one of them.
    let mut offsets: Vec<FixedOffset> = (-15..=15)
        .filter_map(|h| naive.checked_add_signed(Duration::hours(h)))
        .map(|probe| zone.offset_at(probe))
        .collect();
    offsets.sort_by_key(|o| o.local_minus_utc());
    offsets.dedup();
    let mut found: Vec<LocalInstant> = offsets
        .into_iter()
        .filter_map(|offset| {
            let utc = naive.checked_sub_signed(Duration::seconds(offset.local_minus_utc().into()))?;
            let actual = zone.offset_at(utc);
            let local = DateTime::from_naive_utc_and_offset(utc, actual);
            (local.naive_local() == *naive).then(|| whole_minutes(local))
        })
        .collect();
    found.sort_by_key(DateTime::naive_utc);
    found.dedup_by_key(|t| t.naive_utc());
    match found.len() {
        0 => LocalResult::None,
        1 => LocalResult::Single(found.remove(0)),
        n => LocalResult::Ambiguous(found.remove(0), found.remove(n - 2)),
    }
}

/// The same wall-clock time with its offset rounded to whole minutes. Offsets with seconds (local
/// mean time before a zone was standardised, e.g. Monrovia −00:44:30 until 1972) cannot be written
/// in RFC 3339 — the FFI and the store would move the instant by up to 30 s — so the typed local time
/// is kept and the offset rounded (found by fuzzing).
fn whole_minutes(at: LocalInstant) -> LocalInstant {
    let secs = at.offset().local_minus_utc();
    if secs % 60 == 0 {
        return at;
    }
    let rounded = ((f64::from(secs) / 60.0).round() as i32) * 60;
    match FixedOffset::east_opt(rounded) {
        Some(offset) => {
            DateTime::from_naive_utc_and_offset(at.naive_local() - Duration::seconds(rounded.into()), offset)
        }
        None => at,
    }
}

/// Where a wall-clock time falls on one day in a zone: once, twice (the hour repeated when clocks
/// go back) or not at all (skipped when they go forward), with the first minute that exists after
/// a skipped time, so a reminder set for 02:30 on a spring-forward night still comes, at 03:00.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WallClock {
    /// The time exists once.
    Once(LocalInstant),
    /// The time comes twice; both instants, earliest first.
    Twice(LocalInstant, LocalInstant),
    /// The clocks skip the time; `next` is the first whole minute after it that exists.
    Skipped { next: LocalInstant },
}

impl WallClock {
    /// The first instant showing the time (or the next valid minute when skipped).
    pub fn first(self) -> LocalInstant {
        match self {
            WallClock::Once(at) | WallClock::Twice(at, _) | WallClock::Skipped { next: at } => at,
        }
    }
}

/// Where `naive` falls in `zone` (see [`WallClock`]); `None` only at the ends of time.
pub fn wall_clock(zone: &dyn Zone, naive: NaiveDateTime) -> Option<WallClock> {
    match readings(zone, &naive) {
        LocalResult::Single(at) => Some(WallClock::Once(at)),
        LocalResult::Ambiguous(a, b) => Some(WallClock::Twice(a, b)),
        LocalResult::None => {
            // Gaps are at most a few hours (a zone changing sides of the date line skips a day):
            // walk forward minute by minute, at most a day and a half.
            let mut probe = naive;
            for _ in 0..(36 * 60) {
                probe = probe.checked_add_signed(Duration::minutes(1))?;
                if let Some(at) = readings(zone, &probe).earliest() {
                    return Some(WallClock::Skipped { next: at });
                }
            }
            None
        }
    }
}

/// How far ahead of the device clock an entry may be (a dose logged "for tonight" is fine; a typo
/// in the year is not).
pub const MAX_AHEAD: Duration = Duration::days(1);

/// The earliest date a diary accepts (older dates are typos).
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => panic!("valid constant date"),
};

/// Rejects instants more than a day in the future or before [`EARLIEST`].
pub fn not_in_future(field: Field, at: LocalInstant, now: LocalInstant) -> Valid<LocalInstant> {
    if at > now + MAX_AHEAD {
        return Err(ValidationError::new(field, Problem::InFuture));
    }
    date_not_too_old(field, at.date_naive())?;
    Ok(at)
}

/// Same rule for a calendar date, compared with the patient's local today.
pub fn date_not_in_future(field: Field, date: NaiveDate, now: LocalInstant) -> Valid<NaiveDate> {
    if date > (now + MAX_AHEAD).date_naive() {
        return Err(ValidationError::new(field, Problem::InFuture));
    }
    date_not_too_old(field, date)
}

/// Rejects dates before [`EARLIEST`].
pub fn date_not_too_old(field: Field, date: NaiveDate) -> Valid<NaiveDate> {
    if date < EARLIEST {
        return Err(ValidationError::new(field, Problem::TooOld));
    }
    Ok(date)
}

/// Reads a stored instant (`#[serde(deserialize_with = "...")]` on every [`LocalInstant`] field).
///
/// chrono's own `Deserialize` runs its general, relaxed RFC 3339 parser (≈ 3,600 instructions an
/// instant: 40 % of decoding a diary at a cold open). Every instant Steady stores was written by
/// chrono's `Serialize` in one shape, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, which this reads
/// directly; anything else (older or hand-made files) goes to chrono's parser, so what is accepted
/// and what it means are exactly chrono's (property-tested against it).
pub fn deserialize_instant<'de, D: serde::Deserializer<'de>>(d: D) -> Result<LocalInstant, D::Error> {
    struct Instant;
    impl serde::de::Visitor<'_> for Instant {
        type Value = LocalInstant;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an RFC 3339 date and time")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<LocalInstant, E> {
            match stored_instant(s) {
                Some(at) => Ok(at),
                None => s.parse().map_err(E::custom),
            }
        }
    }
    d.deserialize_str(Instant)
}

/// [`deserialize_instant`] for an optional instant (`null` or absent stays `None`).
pub fn deserialize_optional_instant<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<LocalInstant>, D::Error> {
    #[derive(serde::Deserialize)]
    struct Wrapped(#[serde(deserialize_with = "deserialize_instant")] LocalInstant);
    let v: Option<Wrapped> = serde::Deserialize::deserialize(d)?;
    Ok(v.map(|Wrapped(at)| at))
}

/// The one shape chrono writes, or `None` for anything else (which chrono then parses or refuses).
fn stored_instant(s: &str) -> Option<LocalInstant> {
    let b = s.as_bytes();
    let digits = |at: usize, n: usize| -> Option<u32> {
        b.get(at..at + n)?
            .iter()
            .try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
    };
    let punct = |at: usize, c: u8| b.get(at) == Some(&c);
    if !(punct(4, b'-') && punct(7, b'-') && punct(10, b'T') && punct(13, b':') && punct(16, b':')) {
        return None;
    }
    let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    let mut at = 19;
    let mut nanos = 0;
    if punct(at, b'.') {
        let len = b[at + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=9).contains(&len) {
            return None;
        }
        nanos = digits(at + 1, len)? * 10u32.pow(9 - len as u32);
        at += 1 + len;
    }
    let offset = match b.get(at..)? {
        b"Z" => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            // chrono refuses offset minutes over 59 (and FixedOffset refuses a whole day).
            let (hours, minutes) = (digits(at + 1, 2)?, digits(at + 4, 2)?);
            let seconds = i32::try_from(hours * 3600 + (minutes < 60).then_some(minutes)? * 60).ok()?;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    // A leap second (:60) is left to chrono, which has its own rules for it.
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    let time = chrono::NaiveTime::from_hms_nano_opt(hour, minute, (second < 60).then_some(second)?, nanos)?;
    let offset = FixedOffset::east_opt(offset)?;
    Some(DateTime::from_naive_utc_and_offset(date.and_time(time) - offset, offset))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn decode(json: &str) -> Result<LocalInstant, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(json);
        deserialize_instant(&mut de)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// Whatever chrono writes reads back to the same instant and offset.
        #[test]
        fn every_instant_chrono_writes_reads_back_exactly(
            secs in -2_000_000_000i64..8_000_000_000,
            nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000, (0u32..1000).prop_map(|m| m * 1_000_000)],
            offset_minutes in -(23 * 60 + 59)..=(23 * 60 + 59i32),
        ) {
            let offset = FixedOffset::east_opt(offset_minutes * 60).unwrap();
            let at = DateTime::from_timestamp(secs, nanos).unwrap().with_timezone(&offset);
            let json = serde_json::to_string(&at).unwrap();
            prop_assert!(stored_instant(json.trim_matches('"')).is_some(), "{json} took the slow path");
            let back = decode(&json).unwrap();
            prop_assert_eq!(back, at);
            prop_assert_eq!(back.offset(), at.offset());
        }

        /// On any text the fast path agrees with chrono: same instant and offset, or it steps aside.
        #[test]
        fn the_fast_path_never_disagrees_with_chrono(
            // Mostly valid fields, with some just out of range (month 13, day 32, hour 25, :60).
            s in "[0-9]{4}-(0[0-9]|1[0-3])-([0-2][0-9]|3[0-2])[T ]([01][0-9]|2[0-5]):[0-6][0-9]:[0-6][0-9]\
                  (\\.[0-9]{0,11})?(Z|z|[+-]([01][0-9]|2[0-5]):?[0-6][0-9])?x?",
        ) {
            let chrono: Result<LocalInstant, _> = s.parse();
            if let Some(fast) = stored_instant(&s) {
                let chrono = chrono.unwrap();
                prop_assert_eq!(fast, chrono);
                prop_assert_eq!(fast.offset(), chrono.offset());
            }
            prop_assert_eq!(decode(&format!("\"{s}\"")).ok(), chrono.ok());
        }
    }

    #[test]
    fn shapes_chrono_writes_and_shapes_left_to_it() {
        let fast = |s: &str| stored_instant(s).map(|t| t.to_rfc3339());
        assert_eq!(fast("2026-03-29T00:30:00+01:00").as_deref(), Some("2026-03-29T00:30:00+01:00"));
        assert_eq!(fast("2026-03-29T00:30:00.25Z").as_deref(), Some("2026-03-29T00:30:00.250+00:00"));
        assert_eq!(fast("2026-03-29T00:30:00-05:30").as_deref(), Some("2026-03-29T00:30:00-05:30"));
        // Not chrono's shape: left to chrono (which accepts some, e.g. a space, and refuses others).
        assert_eq!(fast("2026-03-29 00:30:00+01:00"), None);
        assert_eq!(fast("2016-12-31T23:59:60Z"), None);
        assert_eq!(fast("2026-02-30T00:30:00Z"), None);
        assert_eq!(fast("2026-03-29T00:30:00+01:60"), None);
        assert_eq!(fast("2026-03-29T00:30:00+24:00"), None);
        assert!(decode("\"2026-03-29T00:30:00+01:60\"").is_err());
        assert!(decode("\"2026-03-29 00:30:00+01:00\"").is_ok());
        assert!(decode("\"2026-02-30T00:30:00Z\"").is_err());
        assert!(decode("17").is_err());
    }

    fn at(s: &str) -> LocalInstant {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn a_day_ahead_is_allowed_more_is_not() {
        let now = at("2026-03-01T10:00:00+01:00");
        assert!(not_in_future(Field::At, at("2026-03-02T10:00:00+01:00"), now).is_ok());
        let err = not_in_future(Field::At, at("2026-03-02T10:01:00+01:00"), now).unwrap_err();
        assert_eq!((err.field, err.problem), (Field::At, Problem::InFuture));
        let err = not_in_future(Field::At, at("1969-12-31T10:00:00+01:00"), now).unwrap_err();
        assert_eq!(err.problem, Problem::TooOld);
    }

    #[test]
    fn local_date_follows_the_offset_not_utc() {
        // 00:30 in Brussels is still the previous day in UTC; the diary keeps the patient's date.
        let t = at("2026-03-29T00:30:00+01:00");
        assert_eq!(t.date_naive(), NaiveDate::from_ymd_opt(2026, 3, 29).unwrap());
    }

    /// Europe/Brussels in 2026 (+01:00, +02:00 from 29 March 01:00 UTC to 25 October 01:00 UTC).
    /// Its local-to-UTC lookup always answers +01:00, wrongly, so a test passes only if
    /// [`readings`] does not rely on it.
    #[derive(Debug, Clone, Copy)]
    struct Brussels2026;

    impl TimeZone for Brussels2026 {
        type Offset = FixedOffset;
        fn from_offset(_: &FixedOffset) -> Self {
            Self
        }
        fn offset_from_local_date(&self, _: &NaiveDate) -> LocalResult<FixedOffset> {
            LocalResult::Single(FixedOffset::east_opt(3600).unwrap())
        }
        fn offset_from_local_datetime(&self, _: &NaiveDateTime) -> LocalResult<FixedOffset> {
            LocalResult::Single(FixedOffset::east_opt(3600).unwrap())
        }
        fn offset_from_utc_date(&self, d: &NaiveDate) -> FixedOffset {
            self.offset_from_utc_datetime(&d.and_time(chrono::NaiveTime::MIN))
        }
        fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> FixedOffset {
            let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap().and_hms_opt(1, 0, 0).unwrap();
            let summer = day(3, 29)..day(10, 25);
            FixedOffset::east_opt(if summer.contains(utc) { 7200 } else { 3600 }).unwrap()
        }
    }

    #[test]
    fn dst_boundaries_are_exact_to_the_minute() {
        use crate::domain::parse::instant;
        let tz = Brussels2026;
        let today = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let read = |s: &str| instant(Field::At, s, &tz, today).map(|t| t.to_rfc3339());
        // Spring: 02:00 to 02:59 were skipped; 01:59 and 03:00 exist.
        assert_eq!(read("2026-03-29 01:59"), Ok("2026-03-29T01:59:00+01:00".into()));
        for skipped in ["2026-03-29 02:00", "2026-03-29 02:30", "2026-03-29 02:59"] {
            let problem = read(skipped).unwrap_err().problem;
            assert_eq!(problem, Problem::SkippedByClocks { text: skipped.into() }, "{skipped}");
        }
        assert_eq!(read("2026-03-29 03:00"), Ok("2026-03-29T03:00:00+02:00".into()));
        // Autumn: 02:00 to 02:59 happened twice (the summer-time reading is taken); 03:00 once.
        assert_eq!(read("2026-10-25 01:59"), Ok("2026-10-25T01:59:00+02:00".into()));
        assert_eq!(read("2026-10-25 02:00"), Ok("2026-10-25T02:00:00+02:00".into()));
        assert_eq!(read("2026-10-25 02:59"), Ok("2026-10-25T02:59:00+02:00".into()));
        assert_eq!(read("2026-10-25 03:00"), Ok("2026-10-25T03:00:00+01:00".into()));
        // Both readings of the repeated hour, and none on ordinary days.
        let naive = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap().and_hms_opt(2, 30, 0).unwrap();
        let LocalResult::Ambiguous(a, b) = readings(&tz, &naive(10, 25)) else { panic!("two readings") };
        assert_eq!((a.offset().local_minus_utc(), b.offset().local_minus_utc()), (7200, 3600));
        assert!(matches!(readings(&tz, &naive(7, 1)), LocalResult::Single(_)));
        // A fixed offset has exactly one reading.
        let kolkata = FixedZone(FixedOffset::east_opt(5 * 3600 + 1800).unwrap());
        assert_eq!(
            instant(Field::At, "2026-03-10 00:15", &kolkata, today).unwrap().to_rfc3339(),
            "2026-03-10T00:15:00+05:30"
        );
    }

    #[test]
    fn an_offset_with_seconds_is_rounded_keeping_the_typed_time() {
        // Monrovia kept local mean time, −00:44:30, until 1972.
        let monrovia = FixedZone(FixedOffset::west_opt(44 * 60 + 30).unwrap());
        let naive = NaiveDate::from_ymd_opt(1971, 3, 9).unwrap().and_hms_opt(22, 30, 0).unwrap();
        let at = readings(&monrovia, &naive).single().unwrap();
        assert_eq!(at.to_rfc3339(), "1971-03-09T22:30:00-00:45");
        assert_eq!(super::super::parse::rfc3339(&at.to_rfc3339()), Some(at), "crosses the FFI unchanged");
    }
}
