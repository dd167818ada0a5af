//! Text parsers for values typed by a person or sent as strings across the FFI: dates, clock times,
//! instants with offset, tablet fractions and item lists. Every failure names the field. The CLI and
//! the phone bindings both use these, and they are fuzz targets.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

use super::error::{Problem, Valid, ValidationError};

/// Longest input any parser looks at; longer text is refused before parsing.
const MAX_INPUT: usize = 64;

fn unreadable(field: &'static str, s: &str) -> ValidationError {
    ValidationError::new(field, Problem::Unreadable(s.chars().take(MAX_INPUT).collect()))
}

fn bounded<'a>(field: &'static str, s: &'a str) -> Valid<&'a str> {
    let t = s.trim();
    if t.is_empty() {
        return Err(ValidationError::new(field, Problem::Required));
    }
    if t.len() > MAX_INPUT {
        return Err(ValidationError::new(field, Problem::TooLong { max: MAX_INPUT }));
    }
    Ok(t)
}

/// `YYYY-MM-DD`.
pub fn date(field: &'static str, s: &str) -> Valid<NaiveDate> {
    let t = bounded(field, s)?;
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| unreadable(field, t))
}

/// `HH:MM` (24-hour clock).
pub fn clock_time(field: &'static str, s: &str) -> Valid<NaiveTime> {
    let t = bounded(field, s)?;
    NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| unreadable(field, t))
}

/// RFC 3339 with an explicit offset, e.g. `2026-03-01T22:30:00+01:00`.
pub fn instant(field: &'static str, s: &str) -> Valid<DateTime<FixedOffset>> {
    let t = bounded(field, s)?;
    DateTime::parse_from_rfc3339(t).map_err(|_| unreadable(field, t))
}

/// A number of tablets: `0.5`, `3/4`, `1 1/2`, `1,5` (decimal comma).
pub fn tablets(field: &'static str, s: &str) -> Valid<f64> {
    let t = bounded(field, s)?;
    let simple = |p: &str| -> Option<f64> {
        match p.split_once('/') {
            Some((n, d)) => {
                let (n, d): (u32, u32) = (n.trim().parse().ok()?, d.trim().parse().ok()?);
                (d != 0).then(|| f64::from(n) / f64::from(d))
            }
            None => p.replace(',', ".").parse::<f64>().ok().filter(|v| v.is_finite()),
        }
    };
    let value = match t.split_once(' ') {
        Some((whole, frac)) if frac.contains('/') => {
            let whole: u32 = whole.parse().map_err(|_| unreadable(field, t))?;
            simple(frac.trim()).map(|f| f64::from(whole) + f)
        }
        _ => simple(t),
    };
    value.ok_or_else(|| unreadable(field, t))
}

/// A comma-separated list of whole numbers, e.g. GAD-7 items `1,2,0,3,1,0,2`.
pub fn int_list(field: &'static str, s: &str) -> Valid<Vec<i64>> {
    let t = bounded(field, s)?;
    t.split(',').map(|p| p.trim().parse::<i64>().map_err(|_| unreadable(field, t))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_times_and_instants() {
        assert_eq!(date("night", " 2026-03-01 "), Ok(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()));
        assert_eq!(date("night", "2026-02-30").unwrap_err().field, "night");
        assert_eq!(date("night", "").unwrap_err().problem, Problem::Required);
        assert_eq!(clock_time("in_bed", "23:15"), Ok(NaiveTime::from_hms_opt(23, 15, 0).unwrap()));
        assert!(clock_time("in_bed", "25:00").is_err());
        let i = instant("at", "2026-03-01T22:30:00+01:00").unwrap();
        assert_eq!(i.offset().local_minus_utc(), 3600);
        assert!(instant("at", "2026-03-01 22:30").is_err(), "an offset is required");
        assert_eq!(instant("at", &"9".repeat(100)).unwrap_err().problem, Problem::TooLong { max: 64 });
    }

    #[test]
    fn tablet_fractions() {
        for (text, value) in [("0.5", 0.5), ("3/4", 0.75), ("1 1/2", 1.5), ("1,25", 1.25), ("2", 2.0)] {
            assert_eq!(tablets("tablets", text), Ok(value), "{text}");
        }
        for bad in ["1/0", "half", "1 1/x", "NaN", "inf", "-"] {
            assert_eq!(tablets("tablets", bad).unwrap_err().field, "tablets", "{bad}");
        }
    }

    #[test]
    fn integer_lists() {
        assert_eq!(int_list("items", "1, 2,3"), Ok(vec![1, 2, 3]));
        assert!(int_list("items", "1,,2").is_err());
        assert!(int_list("items", "a,b").is_err());
    }
}
