//! Pace check: how fast a step is, as the equivalent cut per 14 days, compared with published
//! guidance. A flag informs the patient and clinician; nothing is forbidden and no step is changed.

use serde::{Deserialize, Serialize};

use crate::domain::taper::{Pace, PACE_WINDOW_DAYS};

/// Why a step is faster than the chosen pace, with the numbers, so the patient and clinician can
/// talk about it. Informative only.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct PaceFlag {
    /// The step's cut expressed as percent per 14 days.
    pub per_14_days_percent: f64,
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

/// A flag when the step is faster than `pace` allows (25 % per 14 days, or 10 % when gentle).
pub fn pace_flag(old_mg: f64, new_mg: f64, interval_days: u32, pace: Pace) -> Option<PaceFlag> {
    let per_14 = per_14_days_percent(old_mg, new_mg, interval_days);
    let limit = pace.limit_percent();
    if per_14 <= limit + 1e-9 {
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
    } else {
        format!("This step is {per_14:.1} % per 14 days, faster than {rule}.")
    };
    Some(PaceFlag { per_14_days_percent: per_14, limit_percent: limit, reason })
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
    fn longer_intervals_soften_a_cut_and_zero_is_always_flagged() {
        // 50 % over 98 days is about 9.4 % per 14 days.
        assert!((per_14_days_percent(0.5, 0.25, 98) - 9.43).abs() < 0.01);
        assert!(pace_flag(0.5, 0.25, 98, Pace::Gentle).is_none());
        let last = pace_flag(0.25, 0.0, 14, Pace::Standard).unwrap();
        assert_eq!(last.per_14_days_percent, 100.0);
        assert!(last.reason.contains("last step to zero"));
        assert_eq!(per_14_days_percent(1.0, 1.0, 14), 0.0);
    }
}
