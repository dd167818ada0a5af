//! The one grammar for values a person types, used by every shell (the CLI's arguments, the phones'
//! text fields through the FFI) and fuzzed: dates, clock times, instants, decimal numbers, tablet
//! counts, GAD-7 item lists and entry-id prefixes. Pure: "today" and the time zone are parameters.
//! Every failure is a [`ValidationError`] naming the field and what was expected; range checks
//! (scores, positivity) are the validators' job, so their error names the exact rule.

use chrono::{DateTime, Days, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime};

use super::error::{Expected, Field, Problem, Valid, ValidationError};
use super::keyed::Keyed;
use super::time::{readings, LocalInstant, Zone};

/// Longest input any parser looks at; longer text is refused before parsing.
const MAX_INPUT: usize = 64;

/// The text trimmed, refused when empty or longer than any value could be.
fn bounded(field: Field, s: &str, expected: Expected) -> Valid<&str> {
    let t = s.trim();
    if t.is_empty() {
        return Err(ValidationError::new(field, Problem::Required));
    }
    if t.chars().count() > MAX_INPUT {
        return Err(ValidationError::unreadable(field, s, expected));
    }
    Ok(t)
}

/// True when `s` is non-empty, at most `max` characters, and all ASCII digits.
fn digits(s: &str, max: usize) -> bool {
    !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
}

/// A calendar date: `YYYY-MM-DD`, or the words `today` / `yesterday` relative to `today`.
pub fn date(field: Field, s: &str, today: NaiveDate) -> Valid<NaiveDate> {
    let t = bounded(field, s, Expected::Date)?;
    let fail = || ValidationError::unreadable(field, s, Expected::Date);
    if t.eq_ignore_ascii_case("today") {
        return Ok(today);
    }
    if t.eq_ignore_ascii_case("yesterday") {
        return today.checked_sub_days(Days::new(1)).ok_or_else(fail);
    }
    iso_date(t).ok_or_else(fail)
}

/// Strict `YYYY-MM-DD` (four-digit year, one- or two-digit month and day): the wire format of
/// dates between the core and the phones.
pub fn iso_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.trim().split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A wall-clock time `HH:MM` (24-hour; one-digit hours allowed).
pub fn clock_time(field: Field, s: &str) -> Valid<NaiveTime> {
    let t = bounded(field, s, Expected::ClockTime)?;
    hh_mm(t).ok_or_else(|| ValidationError::unreadable(field, s, Expected::ClockTime))
}

/// `HH:MM` without a field, for wire formats.
pub fn hh_mm(s: &str) -> Option<NaiveTime> {
    let (h, m) = s.trim().split_once(':')?;
    if !digits(h, 2) || m.len() != 2 || !digits(m, 2) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// A local date and time `YYYY-MM-DD HH:MM` (a `T` may stand for the space).
fn local_datetime(s: &str) -> Option<NaiveDateTime> {
    let (d, time) = s.trim().split_once([' ', 'T', 't'])?;
    Some(iso_date(d.trim())?.and_time(hh_mm(time.trim())?))
}

/// When something happened: RFC 3339 (with its own offset), local `YYYY-MM-DD HH:MM`, or a bare
/// `HH:MM` meaning today. Local times are read in `zone`, exactly at DST changes: a time shown twice
/// (clocks went back) takes the earlier reading; a time the clocks skipped is refused, never moved.
pub fn instant(field: Field, s: &str, zone: &dyn Zone, today: NaiveDate) -> Valid<LocalInstant> {
    let t = bounded(field, s, Expected::Instant)?;
    if let Ok(instant) = DateTime::parse_from_rfc3339(t) {
        return Ok(instant);
    }
    let naive = match (local_datetime(t), hh_mm(t)) {
        (Some(dt), _) => dt,
        (None, Some(time)) => today.and_time(time),
        (None, None) => return Err(ValidationError::unreadable(field, s, Expected::Instant)),
    };
    earlier_reading(field, readings(zone, &naive)).map_err(|e| match e.problem {
        Problem::SkippedByClocks { .. } => {
            ValidationError::new(field, Problem::SkippedByClocks { text: super::error::echo(t) })
        }
        _ => e,
    })
}

/// Picks one instant for a local time: the only one, the earlier of two (clocks went back), or an
/// error when the clocks skipped that time (clocks went forward).
pub fn earlier_reading(field: Field, found: LocalResult<DateTime<FixedOffset>>) -> Valid<LocalInstant> {
    match found {
        LocalResult::Single(t) => Ok(t),
        LocalResult::Ambiguous(a, b) => Ok(a.min(b)),
        LocalResult::None => {
            Err(ValidationError::new(field, Problem::SkippedByClocks { text: String::new() }))
        }
    }
}

/// RFC 3339 with an explicit offset, e.g. `2026-03-01T22:30:00+01:00`: the wire format of instants.
pub fn rfc3339(s: &str) -> Option<LocalInstant> {
    DateTime::parse_from_rfc3339(s.trim()).ok()
}

/// A decimal number such as `2`, `0.5`, `-1` or `2,5` (comma as decimal point). No exponents,
/// `inf` or `NaN`: only what a person types for a dose or a duration. The sign is kept so the
/// validator can say why a negative amount is refused.
pub fn number(field: Field, s: &str) -> Valid<f64> {
    let t = bounded(field, s, Expected::Number)?;
    decimal(t).ok_or_else(|| ValidationError::unreadable(field, s, Expected::Number))
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
/// (`1 1/2`, whose fraction is proper) or with a vulgar fraction sign (`½`, `1½`, `1 ¾`). Whether it
/// is a whole number of quarters is the dose validator's rule.
pub fn tablets(field: Field, s: &str) -> Valid<f64> {
    let t = bounded(field, s, Expected::Tablets)?;
    tablet_count(t).ok_or_else(|| ValidationError::unreadable(field, s, Expected::Tablets))
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
/// The count is checked here; each item's 0–3 range is checked by the GAD-7 validator, which names
/// the item.
pub fn gad7_items(field: Field, s: &str) -> Valid<Vec<i64>> {
    let tokens: Vec<&str> =
        s.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|t| !t.is_empty()).collect();
    let got = u32::try_from(tokens.len()).unwrap_or(u32::MAX);
    let fail = || ValidationError::unreadable(field, s, Expected::Gad7Items { got });
    let mut items = Vec::with_capacity(7);
    for token in &tokens {
        let unsigned = token.strip_prefix('-').unwrap_or(token);
        if !digits(unsigned, 3) {
            return Err(fail());
        }
        let value: i64 = unsigned.parse().map_err(|_| fail())?;
        items.push(if unsigned.len() < token.len() { -value } else { value });
    }
    if items.len() != 7 {
        return Err(fail());
    }
    Ok(items)
}

/// One of a fixed set of choices by its key (`va_dod`, `on-hold`, `gentle`…), any case.
pub fn choice<T: Keyed>(field: Field, s: &str) -> Valid<T> {
    T::from_key(s).ok_or_else(|| ValidationError::unreadable(field, s, Expected::OneOf))
}

/// Shortest id prefix accepted, so a typo does not pick an entry by accident.
pub const MIN_ID_PREFIX: usize = 4;

/// An entry id or id prefix, normalised to lowercase hex without dashes (`3F2A-9c1e` → `3f2a9c1e`),
/// to match against [`super::EntryId::hex`].
pub fn id_prefix(field: Field, s: &str) -> Valid<String> {
    let hex: String = s.trim().chars().filter(|c| *c != '-').map(|c| c.to_ascii_lowercase()).collect();
    if hex.len() < MIN_ID_PREFIX || hex.len() > 32 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ValidationError::unreadable(field, s, Expected::IdPrefix));
    }
    Ok(hex)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::FixedZone;
    use chrono::{Offset, TimeZone, Timelike, Utc};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn brussels_winter() -> FixedOffset {
        FixedOffset::east_opt(3600).unwrap()
    }

    fn unreadable_field(e: ValidationError) -> Field {
        assert!(matches!(e.problem, Problem::Unreadable { .. } | Problem::Required), "{e}");
        e.field
    }

    #[test]
    fn dates_are_iso_or_relative_words() {
        let today = d(2026, 3, 2);
        assert_eq!(date(Field::Night, "2026-03-01", today), Ok(d(2026, 3, 1)));
        assert_eq!(date(Field::Night, " 2026-3-1 ", today), Ok(d(2026, 3, 1)));
        assert_eq!(date(Field::Night, "Today", today), Ok(today));
        assert_eq!(date(Field::Night, "yesterday", today), Ok(d(2026, 3, 1)));
        for bad in
            ["", "2026-02-30", "2026-13-01", "26-03-01", "2026/03/01", "2026-03-01-01", "+2026-03-01", "x"]
        {
            assert_eq!(unreadable_field(date(Field::Night, bad, today).unwrap_err()), Field::Night, "{bad}");
        }
        assert_eq!(date(Field::Night, "", today).unwrap_err().problem, Problem::Required);
    }

    #[test]
    fn clock_times_are_hh_mm() {
        assert_eq!(clock_time(Field::InBed, "23:05"), Ok(NaiveTime::from_hms_opt(23, 5, 0).unwrap()));
        assert_eq!(clock_time(Field::InBed, "7:30"), Ok(NaiveTime::from_hms_opt(7, 30, 0).unwrap()));
        for bad in ["24:00", "12:60", "12:5", "1230", "12:30:00", "", ":30", "ab:cd", "-1:30", "25:00"] {
            assert!(clock_time(Field::InBed, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn instants_read_local_and_rfc3339_and_bare_times() {
        let tz = FixedZone(brussels_winter());
        let today = d(2026, 3, 2);
        let local = instant(Field::At, "2026-03-01 22:30", &tz, today).unwrap();
        assert_eq!(local.to_rfc3339(), "2026-03-01T22:30:00+01:00");
        assert_eq!(instant(Field::At, "2026-03-01T22:30", &tz, today).unwrap(), local);
        let rfc = instant(Field::At, "2026-03-01T21:30:00Z", &tz, today).unwrap();
        assert_eq!(rfc, local, "same instant");
        assert_eq!(rfc.offset().fix(), Utc.fix(), "an explicit offset is kept");
        let bare = instant(Field::At, "07:15", &tz, today).unwrap();
        assert_eq!((bare.date_naive(), bare.hour(), bare.minute()), (today, 7, 15));
        for bad in ["", "now-ish", "2026-03-01", "2026-03-01 25:00", "2026-03-01  22:30 x", "1e9"] {
            assert_eq!(
                unreadable_field(instant(Field::At, bad, &tz, today).unwrap_err()),
                Field::At,
                "{bad}"
            );
        }
        assert_eq!(instant(Field::At, &"9".repeat(100), &tz, today).unwrap_err().field, Field::At);
    }

    #[test]
    fn dst_gaps_are_refused_and_overlaps_take_the_earlier_time() {
        // 02:30 on 25 October 2026 happens twice in Brussels: first in summer time, then in winter time.
        let summer = FixedOffset::east_opt(7200).unwrap().with_ymd_and_hms(2026, 10, 25, 2, 30, 0).unwrap();
        let winter = brussels_winter().with_ymd_and_hms(2026, 10, 25, 2, 30, 0).unwrap();
        assert!(summer < winter);
        assert_eq!(earlier_reading(Field::At, LocalResult::Ambiguous(summer, winter)), Ok(summer));
        assert_eq!(earlier_reading(Field::At, LocalResult::Ambiguous(winter, summer)), Ok(summer));
        let e = earlier_reading(Field::At, LocalResult::None).unwrap_err();
        assert!(matches!(e.problem, Problem::SkippedByClocks { .. }));
        assert!(e.to_string().contains("does not exist"), "{e}");
    }

    #[test]
    fn numbers_accept_points_and_commas_but_not_exotica() {
        assert_eq!(number(Field::Mg, "2"), Ok(2.0));
        assert_eq!(number(Field::Mg, "0.5"), Ok(0.5));
        assert_eq!(number(Field::Mg, ".5"), Ok(0.5));
        assert_eq!(number(Field::Mg, "2,5"), Ok(2.5));
        assert_eq!(number(Field::Mg, "-1"), Ok(-1.0), "sign kept so the validator can say why");
        for bad in ["", "nan", "inf", "1e3", "1.2.3", "1,2,3", "--1", "0x10", "½", "."] {
            assert!(number(Field::Mg, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tablets_accept_decimals_fractions_and_mixed_numbers() {
        let ok = [
            ("1", 1.0),
            ("0.25", 0.25),
            ("0.5", 0.5),
            ("1,25", 1.25),
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
            assert_eq!(tablets(Field::Tablets, text), Ok(value), "{text}");
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
            "NaN",
            "inf",
            "-",
            "1 1/x",
        ] {
            assert_eq!(tablets(Field::Tablets, bad).unwrap_err().field, Field::Tablets, "{bad}");
        }
    }

    #[test]
    fn gad7_lists_need_seven_whole_numbers() {
        assert_eq!(gad7_items(Field::Items, "1,2,0,3,1,1,0"), Ok(vec![1, 2, 0, 3, 1, 1, 0]));
        assert_eq!(gad7_items(Field::Items, "1, 2 ,0;3 1 1 0"), Ok(vec![1, 2, 0, 3, 1, 1, 0]));
        assert_eq!(
            gad7_items(Field::Items, "0,0,0,4,0,0,-1"),
            Ok(vec![0, 0, 0, 4, 0, 0, -1]),
            "range is the validator's"
        );
        let wrong_count = gad7_items(Field::Items, "1,2,3").unwrap_err();
        assert!(
            matches!(
                wrong_count.problem,
                Problem::Unreadable { expected: Expected::Gad7Items { got: 3 }, .. }
            ),
            "{wrong_count:?}"
        );
        assert!(gad7_items(Field::Items, "1,2,3,1,2,3,1,2").is_err());
        assert!(gad7_items(Field::Items, "").is_err());
        assert!(gad7_items(Field::Items, "1,2,x,1,2,3,1").is_err());
        assert!(gad7_items(Field::Items, "1,2,1.5,1,2,3,1").is_err());
        assert!(gad7_items(Field::Items, "99999999999999999999,0,0,0,0,0,0").is_err());
    }

    #[test]
    fn id_prefixes_are_normalised_hex() {
        assert_eq!(id_prefix(Field::Id, "3F2A9c1e"), Ok("3f2a9c1e".into()));
        assert_eq!(
            id_prefix(Field::Id, "3f2a9c1e-0000-4000-8000-000000000000"),
            Ok("3f2a9c1e000040008000000000000000".into())
        );
        for bad in ["", "abc", "xyz1", "3f2a9c1e0000400080000000000000001", "3f 2a"] {
            assert!(id_prefix(Field::Id, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn wire_formats_are_strict() {
        assert_eq!(iso_date("2026-03-01"), Some(d(2026, 3, 1)));
        assert_eq!(iso_date("today"), None);
        assert_eq!(hh_mm("23:15"), NaiveTime::from_hms_opt(23, 15, 0));
        assert!(rfc3339("2026-03-01T22:30:00+01:00").is_some());
        assert!(rfc3339("2026-03-01 22:30").is_none(), "an offset is required");
    }
}
