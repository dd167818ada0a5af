//! Parsers for values typed on the command line: dates, clock times, `--at` instants, tablet
//! fractions, GAD-7 item lists and id prefixes. Pure functions (the time zone and "today" are
//! parameters) so they can be unit-tested and fuzzed without a diary, a clock or a terminal.
//! Range checks that the core already does (scores, positivity) are left to the core, so its
//! error names the exact field; these only turn text into numbers and times.

use std::fmt;

use chrono::{
    DateTime, Days, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone,
};

/// Longest piece of the user's input echoed back in an error (keeps messages readable).
const ECHO_CHARS: usize = 40;

/// A value that could not be read, naming the flag it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The flag or argument, e.g. "--at".
    pub what: &'static str,
    /// The text as typed (shortened).
    pub input: String,
    /// What was expected.
    pub reason: String,
}

impl ParseError {
    fn new(what: &'static str, input: &str, reason: impl Into<String>) -> Self {
        Self { what, input: input.chars().take(ECHO_CHARS).collect(), reason: reason.into() }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Debug-quoting escapes control characters, so odd input cannot garble the terminal.
        write!(f, "could not read {} {:?}: {}", self.what, self.input, self.reason)
    }
}

impl std::error::Error for ParseError {}

/// Result alias for parsers.
pub type Parsed<T> = Result<T, ParseError>;

/// True when `s` is non-empty, at most `max` characters, and all ASCII digits.
fn digits(s: &str, max: usize) -> bool {
    !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
}

/// A calendar date: `YYYY-MM-DD`, or the words `today` / `yesterday` relative to `today`.
pub fn date(what: &'static str, s: &str, today: NaiveDate) -> Parsed<NaiveDate> {
    const EXPECTED: &str = "expected a date as YYYY-MM-DD, \"today\" or \"yesterday\"";
    let t = s.trim();
    if t.eq_ignore_ascii_case("today") {
        return Ok(today);
    }
    if t.eq_ignore_ascii_case("yesterday") {
        return today.checked_sub_days(Days::new(1)).ok_or_else(|| ParseError::new(what, s, EXPECTED));
    }
    iso_date(t).ok_or_else(|| ParseError::new(what, s, EXPECTED))
}

/// Strict `YYYY-MM-DD` (four-digit year, one- or two-digit month and day).
fn iso_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A wall-clock time `HH:MM` (24-hour; one-digit hours allowed).
pub fn hhmm(what: &'static str, s: &str) -> Parsed<NaiveTime> {
    clock_time(s.trim()).ok_or_else(|| ParseError::new(what, s, "expected a time as HH:MM (00:00 to 23:59)"))
}

fn clock_time(s: &str) -> Option<NaiveTime> {
    let (h, m) = s.split_once(':')?;
    if !digits(h, 2) || m.len() != 2 || !digits(m, 2) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// A local date and time `YYYY-MM-DD HH:MM` (a `T` may stand for the space).
pub fn local_datetime(s: &str) -> Option<NaiveDateTime> {
    let t = s.trim();
    let (d, time) = t.split_once([' ', 'T', 't'])?;
    Some(iso_date(d.trim())?.and_time(clock_time(time.trim())?))
}

/// When something happened: RFC 3339 (with its own offset), local `YYYY-MM-DD HH:MM`, or a bare
/// `HH:MM` meaning today. Local times are read in `tz`; across a DST change an ambiguous time takes
/// the earlier reading and a time the clocks skipped is refused, never silently moved.
pub fn at<Tz: TimeZone>(
    what: &'static str,
    s: &str,
    tz: &Tz,
    today: NaiveDate,
) -> Parsed<DateTime<FixedOffset>> {
    let t = s.trim();
    if let Ok(instant) = DateTime::parse_from_rfc3339(t) {
        return Ok(instant);
    }
    let naive = match (local_datetime(t), clock_time(t)) {
        (Some(dt), _) => dt,
        (None, Some(time)) => today.and_time(time),
        (None, None) => {
            return Err(ParseError::new(
                what,
                s,
                "expected YYYY-MM-DD HH:MM (local time), HH:MM (today) or an RFC 3339 time",
            ))
        }
    };
    resolve_local(what, s, readings(tz, &naive))
}

/// Every instant at which `tz`'s clocks show `naive`: none (skipped when clocks went forward), one,
/// or two (repeated when clocks went back), earliest first.
///
/// Worked out from the zone's UTC-to-local rule alone, checking that each candidate shows exactly
/// `naive`: chrono 0.4's local-to-UTC lookup for the system zone is wrong at the transition minute
/// itself (02:00 on a spring-forward day came back as an existing 02:00 +01:00, and 03:00 on a
/// fall-back day as 03:00 +02:00, an hour early).
pub fn readings<Tz: TimeZone>(tz: &Tz, naive: &NaiveDateTime) -> LocalResult<DateTime<Tz>> {
    // The offsets in force within 15 hours either side: every instant that could show `naive`
    // (offsets are at most ±14 h) has one of them.
    let mut offsets: Vec<FixedOffset> = (-15..=15)
        .filter_map(|h| naive.checked_add_signed(Duration::hours(h)))
        .map(|probe| tz.offset_from_utc_datetime(&probe).fix())
        .collect();
    offsets.sort_by_key(|o| o.local_minus_utc());
    offsets.dedup();
    let mut found: Vec<DateTime<Tz>> = offsets
        .into_iter()
        .filter_map(|offset| naive.checked_sub_signed(Duration::seconds(offset.local_minus_utc().into())))
        .map(|utc| tz.from_utc_datetime(&utc))
        .filter(|t| t.naive_local() == *naive)
        .collect();
    found.sort_by_key(DateTime::naive_utc);
    found.dedup_by_key(|t| t.naive_utc());
    match found.len() {
        0 => LocalResult::None,
        1 => LocalResult::Single(found.remove(0)),
        n => LocalResult::Ambiguous(found.remove(0), found.remove(n - 2)),
    }
}

/// Picks one instant for a local time: the only one, the earlier of two (clocks went back), or an
/// error when the clocks skipped that time (clocks went forward).
pub fn resolve_local<Tz: TimeZone>(
    what: &'static str,
    input: &str,
    found: LocalResult<DateTime<Tz>>,
) -> Parsed<DateTime<FixedOffset>> {
    match found {
        LocalResult::Single(t) => Ok(t.fixed_offset()),
        LocalResult::Ambiguous(a, b) => Ok(if a <= b { a } else { b }.fixed_offset()),
        LocalResult::None => Err(ParseError::new(
            what,
            input,
            "that local time does not exist here (the clocks skipped it); give another time or an RFC 3339 time",
        )),
    }
}

/// A decimal number such as `2`, `0.5`, `-1` or `2,5` (comma as decimal point). No exponents,
/// `inf` or `NaN`: only what a person types for a dose or a duration.
pub fn number(what: &'static str, s: &str) -> Parsed<f64> {
    decimal(s.trim()).ok_or_else(|| ParseError::new(what, s, "expected a number such as 2 or 0.5"))
}

fn decimal(s: &str) -> Option<f64> {
    let (sign, body) = match s.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, s.strip_prefix('+').unwrap_or(s)),
    };
    let body = body.replacen(',', ".", 1);
    let (whole, frac) = body.split_once('.').unwrap_or((&body, ""));
    let ok_whole = whole.is_empty() || digits(whole, 9);
    let ok_frac = frac.is_empty() || digits(frac, 9);
    if !ok_whole || !ok_frac || (whole.is_empty() && frac.is_empty()) {
        return None;
    }
    body.parse::<f64>().ok().map(|v| sign * v)
}

/// A number of tablets: a decimal (`0.5`, `0.25`), a fraction (`1/2`, `3/4`), a mixed number
/// (`1 1/2`) or with a vulgar fraction sign (`½`, `1½`, `1 ¾`). Whether it is a whole number of
/// quarters is the core's rule, checked there.
pub fn tablets(what: &'static str, s: &str) -> Parsed<f64> {
    tablet_count(s.trim())
        .ok_or_else(|| ParseError::new(what, s, "expected a number of tablets such as 1, 0.5, 1/2 or 1 1/2"))
}

fn tablet_count(s: &str) -> Option<f64> {
    let (sign, body) = match s.strip_prefix('-') {
        Some(rest) => (-1.0, rest.trim_start()),
        None => (1.0, s),
    };
    let vulgar = [('½', 0.5), ('¼', 0.25), ('¾', 0.75)];
    if let Some((glyph, value)) = vulgar.iter().find(|(g, _)| body.ends_with(*g)) {
        let whole = body[..body.len() - glyph.len_utf8()].trim();
        let whole = if whole.is_empty() { 0.0 } else { whole_number(whole)? };
        return Some(sign * (whole + value));
    }
    if !body.contains('/') {
        return decimal(s);
    }
    let mut words = body.split_whitespace();
    let (first, second) = (words.next()?, words.next());
    if words.next().is_some() {
        return None;
    }
    let value = match second {
        None => fraction(first)?,
        Some(frac) => {
            let part = fraction(frac)?;
            // A mixed number's fraction is proper: "1 1/2", not "1 3/2".
            if part >= 1.0 {
                return None;
            }
            whole_number(first)? + part
        }
    };
    Some(sign * value)
}

fn whole_number(s: &str) -> Option<f64> {
    digits(s, 6).then(|| s.parse::<u32>().ok().map(f64::from)).flatten()
}

fn fraction(s: &str) -> Option<f64> {
    let (n, d) = s.split_once('/')?;
    let (n, d) = (whole_number(n)?, whole_number(d)?);
    (d > 0.0).then(|| n / d)
}

/// The seven GAD-7 item scores, separated by commas, semicolons or spaces, e.g. `1,2,0,3,1,1,0`.
/// The count is checked here; each item's 0–3 range is checked by the core, which names the item.
pub fn gad7_items(what: &'static str, s: &str) -> Parsed<Vec<i64>> {
    let tokens: Vec<&str> =
        s.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|t| !t.is_empty()).collect();
    let mut items = Vec::with_capacity(7);
    for (i, token) in tokens.iter().enumerate() {
        let unsigned = token.strip_prefix('-').unwrap_or(token);
        if !digits(unsigned, 3) {
            return Err(ParseError::new(what, s, format!("item {} is not a whole number", i + 1)));
        }
        let value: i64 = unsigned.parse().map_err(|_| ParseError::new(what, s, "not a whole number"))?;
        items.push(if unsigned.len() < token.len() { -value } else { value });
    }
    if items.len() != 7 {
        return Err(ParseError::new(
            what,
            s,
            format!("expected 7 item scores (each 0–3) separated by commas, got {}", items.len()),
        ));
    }
    Ok(items)
}

/// Shortest id prefix accepted, so a typo does not pick an entry by accident.
pub const MIN_ID_PREFIX: usize = 4;

/// Normalises an entry id or id prefix to lowercase hex without dashes (`3F2A-9c1e` → `3f2a9c1e`).
pub fn id_prefix(what: &'static str, s: &str) -> Parsed<String> {
    let hex: String = s.trim().chars().filter(|c| *c != '-').map(|c| c.to_ascii_lowercase()).collect();
    if hex.len() < MIN_ID_PREFIX || hex.len() > 32 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ParseError::new(
            what,
            s,
            format!("expected an entry id or at least {MIN_ID_PREFIX} of its hex digits (as shown by `steady list`)"),
        ));
    }
    Ok(hex)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Offset, Timelike, Utc};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn brussels_winter() -> FixedOffset {
        FixedOffset::east_opt(3600).unwrap()
    }

    #[test]
    fn dates_are_iso_or_relative_words() {
        let today = d(2026, 3, 2);
        assert_eq!(date("--night", "2026-03-01", today), Ok(d(2026, 3, 1)));
        assert_eq!(date("--night", " 2026-3-1 ", today), Ok(d(2026, 3, 1)));
        assert_eq!(date("--night", "Today", today), Ok(today));
        assert_eq!(date("--night", "yesterday", today), Ok(d(2026, 3, 1)));
        for bad in
            ["", "2026-02-30", "2026-13-01", "26-03-01", "2026/03/01", "2026-03-01-01", "+2026-03-01", "x"]
        {
            let e = date("--night", bad, today).unwrap_err();
            assert_eq!(e.what, "--night", "{bad}");
        }
    }

    #[test]
    fn clock_times_are_hh_mm() {
        assert_eq!(hhmm("--in-bed", "23:05"), Ok(NaiveTime::from_hms_opt(23, 5, 0).unwrap()));
        assert_eq!(hhmm("--in-bed", "7:30"), Ok(NaiveTime::from_hms_opt(7, 30, 0).unwrap()));
        for bad in ["24:00", "12:60", "12:5", "1230", "12:30:00", "", ":30", "ab:cd", "-1:30"] {
            assert!(hhmm("--in-bed", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn at_reads_local_and_rfc3339_and_bare_times() {
        let tz = brussels_winter();
        let today = d(2026, 3, 2);
        let local = at("--at", "2026-03-01 22:30", &tz, today).unwrap();
        assert_eq!(local.to_rfc3339(), "2026-03-01T22:30:00+01:00");
        assert_eq!(at("--at", "2026-03-01T22:30", &tz, today).unwrap(), local);
        let rfc = at("--at", "2026-03-01T21:30:00Z", &tz, today).unwrap();
        assert_eq!(rfc, local, "same instant");
        assert_eq!(rfc.offset().fix(), Utc.fix(), "an explicit offset is kept");
        let bare = at("--at", "07:15", &tz, today).unwrap();
        assert_eq!((bare.date_naive(), bare.hour(), bare.minute()), (today, 7, 15));
        for bad in ["", "now-ish", "2026-03-01", "2026-03-01 25:00", "2026-03-01  22:30 x", "1e9"] {
            assert_eq!(at("--at", bad, &tz, today).unwrap_err().what, "--at", "{bad}");
        }
    }

    #[test]
    fn dst_gaps_are_refused_and_overlaps_take_the_earlier_time() {
        // 02:30 on 25 October 2026 happens twice in Brussels: first in summer time, then in winter time.
        let summer = FixedOffset::east_opt(7200).unwrap().with_ymd_and_hms(2026, 10, 25, 2, 30, 0).unwrap();
        let winter = brussels_winter().with_ymd_and_hms(2026, 10, 25, 2, 30, 0).unwrap();
        assert!(summer < winter);
        assert_eq!(resolve_local("--at", "x", LocalResult::Ambiguous(summer, winter)), Ok(summer));
        assert_eq!(resolve_local("--at", "x", LocalResult::Ambiguous(winter, summer)), Ok(summer));
        let e = resolve_local::<FixedOffset>("--at", "2026-03-29 02:30", LocalResult::None).unwrap_err();
        assert!(e.reason.contains("does not exist"), "{e}");
    }

    /// Europe/Brussels in 2026 (+01:00, +02:00 from 29 March 01:00 UTC to 25 October 01:00 UTC).
    /// Its local-to-UTC lookup always answers +01:00, wrongly, so a test passes only if `at` does
    /// not rely on it.
    #[derive(Debug, Clone, Copy)]
    struct Brussels2026;

    impl TimeZone for Brussels2026 {
        type Offset = FixedOffset;
        fn from_offset(_: &FixedOffset) -> Self {
            Self
        }
        fn offset_from_local_date(&self, _: &NaiveDate) -> LocalResult<FixedOffset> {
            LocalResult::Single(brussels_winter())
        }
        fn offset_from_local_datetime(&self, _: &NaiveDateTime) -> LocalResult<FixedOffset> {
            LocalResult::Single(brussels_winter())
        }
        fn offset_from_utc_date(&self, d: &NaiveDate) -> FixedOffset {
            self.offset_from_utc_datetime(&d.and_time(NaiveTime::MIN))
        }
        fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> FixedOffset {
            let summer =
                d(2026, 3, 29).and_hms_opt(1, 0, 0).unwrap()..d(2026, 10, 25).and_hms_opt(1, 0, 0).unwrap();
            FixedOffset::east_opt(if summer.contains(utc) { 7200 } else { 3600 }).unwrap()
        }
    }

    #[test]
    fn dst_boundaries_are_exact_to_the_minute() {
        let tz = Brussels2026;
        let today = d(2026, 11, 1);
        let read = |s: &str| at("--at", s, &tz, today).map(|t| t.to_rfc3339());
        // Spring: 02:00 to 02:59 were skipped; 01:59 and 03:00 exist.
        assert_eq!(read("2026-03-29 01:59"), Ok("2026-03-29T01:59:00+01:00".into()));
        for skipped in ["2026-03-29 02:00", "2026-03-29 02:30", "2026-03-29 02:59"] {
            assert!(read(skipped).unwrap_err().reason.contains("does not exist"), "{skipped}");
        }
        assert_eq!(read("2026-03-29 03:00"), Ok("2026-03-29T03:00:00+02:00".into()));
        // Autumn: 02:00 to 02:59 happened twice (the summer-time reading is taken); 03:00 once.
        assert_eq!(read("2026-10-25 01:59"), Ok("2026-10-25T01:59:00+02:00".into()));
        assert_eq!(read("2026-10-25 02:00"), Ok("2026-10-25T02:00:00+02:00".into()));
        assert_eq!(read("2026-10-25 02:59"), Ok("2026-10-25T02:59:00+02:00".into()));
        assert_eq!(read("2026-10-25 03:00"), Ok("2026-10-25T03:00:00+01:00".into()));
        // Both readings of the repeated hour, and none on ordinary days.
        let twice = readings(&tz, &d(2026, 10, 25).and_hms_opt(2, 30, 0).unwrap());
        let LocalResult::Ambiguous(a, b) = twice else { panic!("two readings") };
        assert_eq!(
            (a.offset().fix(), b.offset().fix()),
            (FixedOffset::east_opt(7200).unwrap(), brussels_winter())
        );
        assert!(matches!(
            readings(&tz, &d(2026, 7, 1).and_hms_opt(2, 30, 0).unwrap()),
            LocalResult::Single(_)
        ));
        // A fixed offset has exactly one reading.
        let kolkata = FixedOffset::east_opt(5 * 3600 + 1800).unwrap();
        assert_eq!(
            at("--at", "2026-03-10 00:15", &kolkata, today).unwrap().to_rfc3339(),
            "2026-03-10T00:15:00+05:30"
        );
    }

    #[test]
    fn numbers_accept_points_and_commas_but_not_exotica() {
        assert_eq!(number("--mg", "2"), Ok(2.0));
        assert_eq!(number("--mg", "0.5"), Ok(0.5));
        assert_eq!(number("--mg", ".5"), Ok(0.5));
        assert_eq!(number("--mg", "2,5"), Ok(2.5));
        assert_eq!(number("--mg", "-1"), Ok(-1.0), "sign kept so the core can say why");
        for bad in ["", "nan", "inf", "1e3", "1.2.3", "1,2,3", "--1", "0x10", "½", "."] {
            assert!(number("--mg", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tablets_accept_decimals_fractions_and_mixed_numbers() {
        let ok = [
            ("1", 1.0),
            ("0.25", 0.25),
            ("0.5", 0.5),
            ("1/2", 0.5),
            ("3/4", 0.75),
            ("1 1/2", 1.5),
            ("2  3/4", 2.75),
            ("½", 0.5),
            ("1½", 1.5),
            ("1 ¾", 1.75),
            ("3/2", 1.5),
            ("-1/2", -0.5),
        ];
        for (text, value) in ok {
            assert_eq!(tablets("--tablets", text), Ok(value), "{text}");
        }
        for bad in [
            "",
            "1/0",
            "1//2",
            "1/2/3",
            "a/b",
            "1 3/2",
            "1 1/2 1",
            "half",
            "1 0.5",
            "x½",
            "1/-2",
            "9999999/1",
        ] {
            assert_eq!(tablets("--tablets", bad).unwrap_err().what, "--tablets", "{bad}");
        }
    }

    #[test]
    fn gad7_lists_need_seven_whole_numbers() {
        assert_eq!(gad7_items("--items", "1,2,0,3,1,1,0"), Ok(vec![1, 2, 0, 3, 1, 1, 0]));
        assert_eq!(gad7_items("--items", "1, 2 ,0;3 1 1 0"), Ok(vec![1, 2, 0, 3, 1, 1, 0]));
        assert_eq!(
            gad7_items("--items", "0,0,0,4,0,0,-1"),
            Ok(vec![0, 0, 0, 4, 0, 0, -1]),
            "range is the core's"
        );
        let wrong_count = gad7_items("--items", "1,2,3").unwrap_err();
        assert!(wrong_count.reason.contains("got 3"), "{wrong_count}");
        assert!(gad7_items("--items", "1,2,3,1,2,3,1,2").is_err());
        assert!(gad7_items("--items", "").is_err());
        assert!(gad7_items("--items", "1,2,x,1,2,3,1").unwrap_err().reason.contains("item 3"));
        assert!(gad7_items("--items", "1,2,1.5,1,2,3,1").is_err());
        assert!(gad7_items("--items", "99999999999999999999,0,0,0,0,0,0").is_err());
    }

    #[test]
    fn id_prefixes_are_normalised_hex() {
        assert_eq!(id_prefix("ID", "3F2A9c1e"), Ok("3f2a9c1e".into()));
        assert_eq!(
            id_prefix("ID", "3f2a9c1e-0000-4000-8000-000000000000"),
            Ok("3f2a9c1e000040008000000000000000".into())
        );
        for bad in ["", "abc", "xyz1", "3f2a9c1e0000400080000000000000001", "3f 2a"] {
            assert!(id_prefix("ID", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn errors_name_the_flag_and_escape_the_input() {
        let e = number("--mg", "1\u{1b}[31m").unwrap_err();
        let shown = e.to_string();
        assert!(shown.starts_with("could not read --mg "), "{shown}");
        assert!(!shown.contains('\u{1b}'), "control characters are escaped: {shown}");
        let long = "9".repeat(500);
        assert!(number("--mg", &long).unwrap_err().to_string().len() < 200);
    }
}
