//! A period of local days (a summary's, a list's): its rules live here once, so the CLI and the
//! phones get the same default and the same limits.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::error::{Field, Problem, Rule, Valid, ValidationError};

/// Days in the default summary period: the last 8 weeks, the usual time between two appointments.
pub const DEFAULT_DAYS: u32 = 8 * 7;
/// Longest period: longer ones would only build a page nobody reads in one go.
pub const MAX_DAYS: u32 = 20 * 366;

/// First and last local day, inclusive; never empty, never longer than [`MAX_DAYS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
}

impl Period {
    /// The period `from..=to`, refused when it runs backwards or exceeds [`MAX_DAYS`].
    pub fn new(from: NaiveDate, to: NaiveDate) -> Valid<Self> {
        if from > to {
            return Err(ValidationError::new(Field::From, Problem::inconsistent(Rule::PeriodStartsAfterEnd)));
        }
        if (to - from).num_days() >= i64::from(MAX_DAYS) {
            return Err(ValidationError::new(Field::From, Problem::inconsistent(Rule::PeriodTooLong)));
        }
        Ok(Self { from, to })
    }

    /// A period from what a shell left open, on the patient's diary day `today`: `to` defaults to
    /// the last complete diary day (yesterday; today's doses may not all be taken yet, so an
    /// unfinished day never reads as a day without a dose), or to `from` when the patient starts
    /// the period today; `from` defaults to [`DEFAULT_DAYS`] days ending on `to`.
    pub fn resolve(from: Option<NaiveDate>, to: Option<NaiveDate>, today: NaiveDate) -> Valid<Self> {
        let last_complete = today.pred_opt().unwrap_or(today);
        let to = to.unwrap_or_else(|| from.map_or(last_complete, |f| f.clamp(last_complete, today)));
        let from =
            from.unwrap_or_else(|| to.checked_sub_days(Days::new(u64::from(DEFAULT_DAYS - 1))).unwrap_or(to));
        Self::new(from, to)
    }

    /// First day.
    pub fn from(&self) -> NaiveDate {
        self.from
    }

    /// Last day, inclusive.
    pub fn to(&self) -> NaiveDate {
        self.to
    }

    /// Number of days, at least 1.
    pub fn days(&self) -> u32 {
        u32::try_from((self.to - self.from).num_days() + 1).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_default_is_eight_weeks_ending_with_the_last_complete_diary_day() {
        let today = d("2026-04-01");
        let p = Period::resolve(None, None, today).unwrap();
        assert_eq!((p.from(), p.to(), p.days()), (d("2026-02-04"), d("2026-03-31"), 56));
        let p = Period::resolve(None, Some(d("2026-01-31")), today).unwrap();
        assert_eq!((p.to(), p.days()), (d("2026-01-31"), 56));
        let p = Period::resolve(Some(d("2026-03-01")), None, today).unwrap();
        assert_eq!((p.from(), p.to(), p.days()), (d("2026-03-01"), d("2026-03-31"), 31));
        // Asked for explicitly, today is in the period; a period started today is today.
        assert_eq!(Period::resolve(None, Some(today), today).unwrap().to(), today);
        let p = Period::resolve(Some(today), None, today).unwrap();
        assert_eq!((p.from(), p.to()), (today, today));
    }

    #[test]
    fn backwards_and_overlong_periods_are_refused() {
        let e = Period::new(d("2026-03-02"), d("2026-03-01")).unwrap_err();
        assert_eq!(e.problem, Problem::inconsistent(Rule::PeriodStartsAfterEnd));
        assert!(e.to_string().contains("after"));
        let e = Period::new(d("2000-01-01"), d("2026-03-01")).unwrap_err();
        assert_eq!(e.problem, Problem::inconsistent(Rule::PeriodTooLong));
        assert!(Period::new(d("2026-03-01"), d("2026-03-01")).is_ok());
    }
}
