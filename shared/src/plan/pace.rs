//! Pace check: how fast a step is, compared with published guidance — both the single cut itself
//! and its equivalent per 14 days. ASAM 2025's "no more than 25 % in 2 weeks" is about each
//! reduction, so a 50 % cut is flagged even after 98 days: a long interval never averages a cut
//! away (issue 14, item 3). A flag informs the patient and clinician; nothing is forbidden and no
//! step is changed.

use serde::{Deserialize, Serialize};

use crate::domain::taper::{Pace, PACE_WINDOW_DAYS};

/// Why a step is faster than the chosen pace, with the numbers, so the patient and clinician can
/// talk about it. Informative only.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct PaceFlag {
    /// The step's cut expressed as percent per 14 days.
    pub per_14_days_percent: f64,
    /// The single cut, percent of the previous dose.
    #[serde(default)]
    pub cut_percent: f64,
    /// The limit it exceeds (25 standard, 10 gentle).
    pub limit_percent: f64,
    /// Plain-language reason, naming the guideline.
    pub reason: String,
}

/// The cut from `old_mg` to `new_mg` over `interval_days`, as the equivalent percent per 14 days:
/// 1 − (new/old)^(14/interval). Compounding keeps a 10 %-per-7-days rule at 19 % per 14 days.
pub fn per_14_days_percent(old_mg: f64, new_mg: f64, interval_days: u32) -> f64 {
    if old_mg <= 0.0 || new_mg >= old_mg {
        return 0.0;
    }
    let ratio = (new_mg / old_mg).max(0.0);
    let days = f64::from(interval_days.max(1));
    (1.0 - ratio.powf(PACE_WINDOW_DAYS / days)) * 100.0
}

/// The cut from `old_mg` to `new_mg` as percent of `old_mg` (0 when the dose does not fall).
pub fn cut_percent(old_mg: f64, new_mg: f64) -> f64 {
    if old_mg <= 0.0 || new_mg >= old_mg {
        return 0.0;
    }
    (old_mg - new_mg.max(0.0)) / old_mg * 100.0
}

/// A flag when the step is faster than `pace` allows (25 % in 2 weeks, or 10 % when gentle):
/// when the single cut exceeds the limit, whatever the interval, or when its compounded rate per
/// 14 days does (a short interval).
pub fn pace_flag(old_mg: f64, new_mg: f64, interval_days: u32, pace: Pace) -> Option<PaceFlag> {
    let per_14 = per_14_days_percent(old_mg, new_mg, interval_days);
    let cut = cut_percent(old_mg, new_mg);
    let limit = pace.limit_percent();
    if per_14 <= limit + 1e-9 && cut <= limit + 1e-9 {
        return None;
    }
    let rule = match pace {
        Pace::Standard => "the ASAM 2025 guideline's usual limit of 25 % in 2 weeks".to_owned(),
        Pace::Gentle => format!("the gentle pace chosen for this plan ({limit:.0} % per 2 weeks)"),
    };
    let reason = if new_mg <= 0.0 {
        format!(
            "The last step to zero is a 100 % cut in {interval_days} days ({per_14:.0} % per 14 days), \
             faster than {rule}."
        )
    } else if per_14 <= limit + 1e-9 {
        format!("This step cuts {cut:.1} % at once, more than {rule}.")
    } else {
        format!("This step is {per_14:.1} % per 14 days, faster than {rule}.")
    };
    Some(PaceFlag { per_14_days_percent: per_14, cut_percent: cut, limit_percent: limit, reason })
}

crate::domain::redacted_debug!(PaceFlag);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_five_percent_in_fourteen_days_is_at_the_limit_more_is_flagged() {
        assert!(pace_flag(4.0, 3.0, 14, Pace::Standard).is_none());
        let flag = pace_flag(4.0, 2.9, 14, Pace::Standard).unwrap();
        assert_eq!(flag.limit_percent, 25.0);
        assert!((flag.per_14_days_percent - 27.5).abs() < 1e-9);
        assert!(flag.reason.contains("ASAM 2025"));
        // 25 % in 7 days is 43.75 % per 14 days: flagged under both paces.
        assert!(pace_flag(4.0, 3.0, 7, Pace::Standard).is_some());
        assert_eq!(pace_flag(4.0, 3.0, 7, Pace::Gentle).unwrap().limit_percent, 10.0);
        assert!(pace_flag(4.0, 3.0, 14, Pace::Gentle).is_some());
    }

    #[test]
    fn ten_percent_per_fortnight_is_gentle_per_week_is_not() {
        assert!(pace_flag(10.0, 9.0, 14, Pace::Gentle).is_none());
        assert!(pace_flag(2.0, 1.8, 14, Pace::Gentle).is_none());
        let weekly = pace_flag(10.0, 9.0, 7, Pace::Gentle).unwrap();
        assert!((weekly.per_14_days_percent - 19.0).abs() < 1e-9);
        assert!(weekly.reason.contains("gentle"));
        assert!(pace_flag(10.0, 9.0, 7, Pace::Standard).is_none());
    }

    #[test]
    fn a_long_interval_never_averages_a_single_cut_away_and_zero_is_always_flagged() {
        // 50 % over 98 days is about 9.4 % per 14 days, but the cut itself is 50 %: flagged.
        assert!((per_14_days_percent(0.5, 0.25, 98) - 9.43).abs() < 0.01);
        let half = pace_flag(0.5, 0.25, 98, Pace::Standard).unwrap();
        assert_eq!((half.cut_percent, half.limit_percent), (50.0, 25.0));
        assert!(half.reason.contains("50.0 % at once"), "{}", half.reason);
        assert!(pace_flag(0.5, 0.25, 98, Pace::Gentle).is_some());
        // 12.5 % over 28 days stays within both the standard limit and, per cut, the gentle one's
        // per-14-days rate; it is still above 10 % as a single cut.
        assert!(pace_flag(2.0, 1.75, 28, Pace::Standard).is_none());
        assert!(pace_flag(2.0, 1.75, 28, Pace::Gentle).is_some());
        assert!(pace_flag(1.0, 0.75, 42, Pace::Standard).is_none(), "25 % is at the limit");
        assert!(pace_flag(0.75, 0.5, 56, Pace::Standard).is_some(), "33 % at once is above it");
        let last = pace_flag(0.25, 0.0, 14, Pace::Standard).unwrap();
        assert_eq!(last.per_14_days_percent, 100.0);
        assert!(last.reason.contains("last step to zero"));
        assert_eq!(per_14_days_percent(1.0, 1.0, 14), 0.0);
    }
}
