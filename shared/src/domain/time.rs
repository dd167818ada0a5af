//! Time rules shared by every entry: the instant plus the patient's own UTC offset, so an entry keeps
//! the local date it was logged on even after travel, a DST change or a clock that moved backwards.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};

use super::error::{Problem, Valid, ValidationError};

/// An instant with the offset the patient's device had at that moment.
pub type LocalInstant = DateTime<FixedOffset>;

/// How far ahead of the device clock an entry may be (a dose logged "for tonight" is fine; a typo
/// in the year is not).
pub const MAX_AHEAD: Duration = Duration::days(1);

/// The earliest date a diary accepts (older dates are typos).
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => panic!("valid constant date"),
};

/// Rejects instants more than a day in the future or before [`EARLIEST`].
pub fn not_in_future(field: &'static str, at: LocalInstant, now: LocalInstant) -> Valid<LocalInstant> {
    if at > now + MAX_AHEAD {
        return Err(ValidationError::new(field, Problem::InFuture));
    }
    date_not_too_old(field, at.date_naive())?;
    Ok(at)
}

/// Same rule for a calendar date, compared with the patient's local today.
pub fn date_not_in_future(field: &'static str, date: NaiveDate, now: LocalInstant) -> Valid<NaiveDate> {
    if date > (now + MAX_AHEAD).date_naive() {
        return Err(ValidationError::new(field, Problem::InFuture));
    }
    date_not_too_old(field, date)
}

/// Rejects dates before [`EARLIEST`].
pub fn date_not_too_old(field: &'static str, date: NaiveDate) -> Valid<NaiveDate> {
    if date < EARLIEST {
        return Err(ValidationError::new(field, Problem::TooOld));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> LocalInstant {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn a_day_ahead_is_allowed_more_is_not() {
        let now = at("2026-03-01T10:00:00+01:00");
        assert!(not_in_future("at", at("2026-03-02T10:00:00+01:00"), now).is_ok());
        let err = not_in_future("at", at("2026-03-02T10:01:00+01:00"), now).unwrap_err();
        assert_eq!((err.field, err.problem), ("at", Problem::InFuture));
        let err = not_in_future("at", at("1969-12-31T10:00:00+01:00"), now).unwrap_err();
        assert_eq!(err.problem, Problem::TooOld);
    }

    #[test]
    fn local_date_follows_the_offset_not_utc() {
        // 00:30 in Brussels is still the previous day in UTC; the diary keeps the patient's date.
        let t = at("2026-03-29T00:30:00+01:00");
        assert_eq!(t.date_naive(), NaiveDate::from_ymd_opt(2026, 3, 29).unwrap());
    }
}
