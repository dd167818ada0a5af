//! One night of the Consensus Sleep Diary (Carney et al., "The Consensus Sleep Diary: standardizing
//! prospective sleep self-monitoring", Sleep 2012;35(2):287-302): the core items a patient fills in
//! each morning, and the two figures a clinician reads from them (total sleep time, sleep efficiency).

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use super::error::{in_range, optional_text, positive, Field, Problem, Rule, Valid, ValidationError};
use super::time::{date_not_in_future, LocalInstant};

/// Minutes in a day: the bound for every duration within one night.
const DAY_MIN: i64 = 24 * 60;
/// How far the patient's own estimate of sleep may differ from what the diary items give before
/// the night is refused: half an hour, the granularity people estimate sleep with.
pub const ESTIMATE_TOLERANCE_MIN: i64 = 30;

/// One night's diary. `night` is the evening date the night began on.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct SleepNight {
    /// Evening date of the night (the night of 1 → 2 March is 1 March).
    pub night: NaiveDate,
    /// CSD item 1: what time did you get into bed?
    pub in_bed: Option<NaiveTime>,
    /// CSD item 2: what time did you try to go to sleep?
    pub tried_to_sleep: Option<NaiveTime>,
    /// CSD item 3: how long did it take you to fall asleep (minutes)?
    pub latency_min: Option<u16>,
    /// CSD item 4: how many times did you wake up, not counting your final awakening?
    pub awakenings: Option<u8>,
    /// CSD item 5: in total, how long did these awakenings last (minutes)?
    pub waso_min: Option<u16>,
    /// CSD item 6: what time was your final awakening?
    pub final_awakening: Option<NaiveTime>,
    /// CSD item 7: what time did you get out of bed for the day?
    pub out_of_bed: Option<NaiveTime>,
    /// CSD item 8: how would you rate the quality of your sleep?
    pub quality: SleepQuality,
    /// The patient's own estimate of sleep (minutes), when they give one.
    pub reported_sleep_min: Option<u16>,
    /// Free text.
    pub note: Option<String>,
}

/// CSD item 8, a five-point scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SleepQuality {
    VeryPoor,
    Poor,
    Fair,
    Good,
    VeryGood,
}

impl SleepQuality {
    /// 1 (very poor) … 5 (very good), the order used on paper diaries.
    pub fn score(self) -> u8 {
        self as u8 + 1
    }

    /// From 1…5.
    pub fn from_score(score: i64) -> Valid<Self> {
        const ALL: [SleepQuality; 5] = [
            SleepQuality::VeryPoor,
            SleepQuality::Poor,
            SleepQuality::Fair,
            SleepQuality::Good,
            SleepQuality::VeryGood,
        ];
        let i = in_range(Field::Quality, score, 1, 5)?;
        Ok(ALL[(i - 1) as usize])
    }

    /// English label, as printed on the CSD.
    pub fn label(self) -> &'static str {
        match self {
            SleepQuality::VeryPoor => "very poor",
            SleepQuality::Poor => "poor",
            SleepQuality::Fair => "fair",
            SleepQuality::Good => "good",
            SleepQuality::VeryGood => "very good",
        }
    }
}

/// Minutes from `from` to `to`, crossing midnight when `to` is not after `from`.
fn minutes_between(from: NaiveTime, to: NaiveTime) -> i64 {
    let (a, b) = (i64::from(from.num_seconds_from_midnight()), i64::from(to.num_seconds_from_midnight()));
    let d = (b - a) / 60;
    if d <= 0 {
        d + DAY_MIN
    } else {
        d
    }
}

impl SleepNight {
    /// Time in bed (minutes): into bed → out of bed.
    pub fn time_in_bed_min(&self) -> Option<i64> {
        Some(minutes_between(self.in_bed?, self.out_of_bed?))
    }

    /// Total sleep time (minutes) from the diary items, per the CSD: (tried to sleep, else into
    /// bed → final awakening, else out of bed) − latency − wake after sleep onset. `None` unless
    /// the items bound the night and give both the minutes to fall asleep and the minutes awake
    /// (a missing answer is not "0 minutes": the night would read as all asleep).
    pub fn derived_sleep_min(&self) -> Option<i64> {
        let asleep = self.sleep_window_min()? - i64::from(self.latency_min?) - i64::from(self.waso_min?);
        Some(asleep.max(0))
    }

    /// Minutes from trying to sleep (else into bed) to the final awakening (else out of bed): the
    /// window the CSD subtracts the time awake from.
    fn sleep_window_min(&self) -> Option<i64> {
        let start = self.tried_to_sleep.or(self.in_bed)?;
        let end = self.final_awakening.or(self.out_of_bed)?;
        Some(minutes_between(start, end))
    }

    /// Total sleep time (minutes): derived from the diary items when they bound the night (the
    /// CSD's figure, the one sleep efficiency is defined with), else the patient's own estimate.
    /// A validated night never has the two disagree by more than [`ESTIMATE_TOLERANCE_MIN`].
    pub fn total_sleep_min(&self) -> Option<i64> {
        self.derived_sleep_min().or(self.reported_sleep_min.map(i64::from))
    }

    /// Why a reported estimate does not fit the items, with the numbers the patient can check.
    fn disagreement(&self, reported_min: u16, items_min: i64) -> Problem {
        let window = self.sleep_window_min().unwrap_or(0);
        let awake = i64::from(self.latency_min.unwrap_or(0)) + i64::from(self.waso_min.unwrap_or(0));
        let clamp = |m: i64| u16::try_from(m.clamp(0, DAY_MIN)).unwrap_or(0);
        Problem::SleepDisagrees {
            reported_min,
            items_min: clamp(items_min),
            window_min: clamp(window),
            awake_min: clamp(awake),
        }
    }

    /// Sleep efficiency (%): total sleep time / time in bed × 100.
    pub fn efficiency_percent(&self) -> Option<f64> {
        let tib = self.time_in_bed_min()?;
        let tst = self.total_sleep_min()?;
        (tib > 0).then(|| (tst as f64 / tib as f64 * 100.0).min(100.0))
    }
}

/// A night as typed in a shell, before validation.
#[derive(Clone, Default, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SleepDraft {
    /// Evening date of the night.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub night: Option<NaiveDate>,
    /// Hours slept, the patient's estimate.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub hours: Option<f64>,
    /// 1…5.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub quality: Option<i64>,
    /// Minutes to fall asleep.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub latency_min: Option<i64>,
    /// Number of awakenings.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub awakenings: Option<i64>,
    /// Minutes awake after first falling asleep.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub waso_min: Option<i64>,
    /// Clock time into bed.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub in_bed: Option<NaiveTime>,
    /// Clock time the patient tried to sleep.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub tried_to_sleep: Option<NaiveTime>,
    /// Clock time of the final awakening.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub final_awakening: Option<NaiveTime>,
    /// Clock time out of bed.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub out_of_bed: Option<NaiveTime>,
    /// Free text.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub note: Option<String>,
}

fn minutes(field: Field, value: Option<i64>) -> Valid<Option<u16>> {
    value.map(|v| in_range(field, v, 0, DAY_MIN).map(|m| m as u16)).transpose()
}

impl SleepDraft {
    /// Validates the night against the device clock; durations must fit in the time in bed.
    pub fn validate(&self, now: LocalInstant) -> Valid<SleepNight> {
        let night = self.night.ok_or(ValidationError::new(Field::Night, Problem::Required))?;
        let quality = SleepQuality::from_score(
            self.quality.ok_or(ValidationError::new(Field::Quality, Problem::Required))?,
        )?;
        let reported_sleep_min = match self.hours {
            Some(0.0) => Some(0),
            Some(h) => Some((positive(Field::Hours, h, 24.0)? * 60.0).round() as u16),
            None => None,
        };
        if self.in_bed.is_some() != self.out_of_bed.is_some() {
            let field = if self.in_bed.is_none() { Field::InBed } else { Field::OutOfBed };
            return Err(ValidationError::new(field, Problem::Required));
        }
        // Equal clock times would read as a night of 24 hours (or of none): never a real night.
        if self.in_bed.is_some() && self.in_bed == self.out_of_bed {
            return Err(ValidationError::new(
                Field::OutOfBed,
                Problem::inconsistent(Rule::OutOfBedAtInBedTime),
            ));
        }
        let asleep_from = self.tried_to_sleep.or(self.in_bed);
        if asleep_from.is_some() && asleep_from == self.final_awakening {
            return Err(ValidationError::new(
                Field::FinalAwakening,
                Problem::inconsistent(Rule::AwakeningAtSleepTime),
            ));
        }
        let parsed = SleepNight {
            night: date_not_in_future(Field::Night, night, now)?,
            in_bed: self.in_bed,
            tried_to_sleep: self.tried_to_sleep,
            latency_min: minutes(Field::LatencyMin, self.latency_min)?,
            awakenings: self
                .awakenings
                .map(|a| in_range(Field::Awakenings, a, 0, 99).map(|a| a as u8))
                .transpose()?,
            waso_min: minutes(Field::WasoMin, self.waso_min)?,
            final_awakening: self.final_awakening,
            out_of_bed: self.out_of_bed,
            quality,
            reported_sleep_min,
            note: optional_text(Field::Note, self.note.as_deref(), super::dose::MAX_NOTE_CHARS)?,
        };
        if parsed.total_sleep_min().is_none() {
            return Err(ValidationError::new(Field::Hours, Problem::Required));
        }
        if let Some(tib) = parsed.time_in_bed_min() {
            let awake = i64::from(parsed.latency_min.unwrap_or(0)) + i64::from(parsed.waso_min.unwrap_or(0));
            if parsed.reported_sleep_min.is_some_and(|s| i64::from(s) > tib) {
                return Err(ValidationError::new(
                    Field::Hours,
                    Problem::inconsistent(Rule::MoreSleepThanTimeInBed),
                ));
            }
            if awake > tib {
                return Err(ValidationError::new(
                    Field::WasoMin,
                    Problem::inconsistent(Rule::MoreAwakeThanTimeInBed),
                ));
            }
        }
        if let (Some(reported), Some(items)) = (parsed.reported_sleep_min, parsed.derived_sleep_min()) {
            if (i64::from(reported) - items).abs() > ESTIMATE_TOLERANCE_MIN {
                return Err(ValidationError::new(Field::Hours, parsed.disagreement(reported, items)));
            }
        }
        Ok(parsed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn now() -> LocalInstant {
        DateTime::parse_from_rfc3339("2026-03-02T08:00:00+01:00").unwrap()
    }
    fn t(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }
    fn base() -> SleepDraft {
        SleepDraft { night: NaiveDate::from_ymd_opt(2026, 3, 1), quality: Some(3), ..SleepDraft::default() }
    }

    #[test]
    fn derived_sleep_and_efficiency_cross_midnight() {
        // In bed 23:00, out 07:00 = 480 min; asleep 23:00→06:30 minus 30 latency and 40 WASO = 380.
        let night = SleepDraft {
            in_bed: t(23, 0),
            out_of_bed: t(7, 0),
            final_awakening: t(6, 30),
            latency_min: Some(30),
            waso_min: Some(40),
            awakenings: Some(2),
            ..base()
        }
        .validate(now())
        .unwrap();
        assert_eq!(night.time_in_bed_min(), Some(480));
        assert_eq!(night.total_sleep_min(), Some(380));
        let eff = night.efficiency_percent().unwrap();
        assert!((eff - 79.1666).abs() < 0.01, "{eff}");
    }

    /// The clinical audit's night: 8 h in bed, 60 min to fall asleep, 120 min awake. The items give
    /// 5 h (62.5 % efficiency); "7 h" was taken as is and gave 87.5 %.
    fn audited_night() -> SleepDraft {
        SleepDraft {
            in_bed: t(23, 0),
            out_of_bed: t(7, 0),
            latency_min: Some(60),
            waso_min: Some(120),
            ..base()
        }
    }

    #[test]
    fn time_asleep_comes_from_the_items_when_they_are_given() {
        let night = audited_night().validate(now()).unwrap();
        assert_eq!(night.total_sleep_min(), Some(300));
        assert_eq!(night.efficiency_percent(), Some(62.5));
        // An estimate within half an hour of the items is kept beside them; the items still count.
        let night = SleepDraft { hours: Some(5.5), ..audited_night() }.validate(now()).unwrap();
        assert_eq!((night.reported_sleep_min, night.total_sleep_min()), (Some(330), Some(300)));
        assert_eq!(night.efficiency_percent(), Some(62.5));
        // Tried to sleep and final awakening bound the night when given.
        let night = SleepDraft {
            tried_to_sleep: t(23, 30),
            final_awakening: t(6, 0),
            latency_min: Some(30),
            waso_min: Some(0),
            ..audited_night()
        }
        .validate(now())
        .unwrap();
        assert_eq!(night.total_sleep_min(), Some(360));
        assert_eq!(night.efficiency_percent(), Some(75.0));
    }

    #[test]
    fn an_estimate_that_does_not_fit_the_items_is_refused_with_the_numbers() {
        let e = SleepDraft { hours: Some(7.0), ..audited_night() }.validate(now()).unwrap_err();
        assert_eq!(e.field, Field::Hours);
        assert_eq!(
            e.problem,
            Problem::SleepDisagrees { reported_min: 420, items_min: 300, window_min: 480, awake_min: 180 }
        );
        let words = e.to_string();
        assert!(words.contains("420") && words.contains("300") && words.contains("180"), "{words}");
        // 31 minutes off is refused, 30 is not.
        assert!(SleepDraft { hours: Some(5.5), ..audited_night() }.validate(now()).is_ok());
        let off = SleepDraft { hours: Some(331.0 / 60.0), ..audited_night() }.validate(now());
        assert_eq!(off.unwrap_err().field, Field::Hours);
    }

    #[test]
    fn unanswered_items_are_not_zero_minutes_the_estimate_counts() {
        // Bed times only: nothing says how long it took to fall asleep or how long they lay awake.
        let bed_only = SleepDraft { in_bed: t(23, 0), out_of_bed: t(7, 0), ..base() };
        let night = SleepDraft { hours: Some(6.0), ..bed_only.clone() }.validate(now()).unwrap();
        assert_eq!((night.derived_sleep_min(), night.total_sleep_min()), (None, Some(360)));
        assert_eq!(night.efficiency_percent(), Some(75.0));
        // Without an estimate either, the hours are needed (never 8 h asleep at 100 %).
        assert_eq!(
            bed_only.validate(now()).unwrap_err(),
            ValidationError::new(Field::Hours, Problem::Required)
        );
    }

    #[test]
    fn a_night_that_ends_when_it_starts_is_refused() {
        let e = SleepDraft { in_bed: t(23, 0), out_of_bed: t(23, 0), ..base() }.validate(now()).unwrap_err();
        assert_eq!((e.field, e.problem), (Field::OutOfBed, Problem::inconsistent(Rule::OutOfBedAtInBedTime)));
        let e = SleepDraft {
            tried_to_sleep: t(0, 10),
            final_awakening: t(0, 10),
            in_bed: t(23, 0),
            out_of_bed: t(7, 0),
            ..base()
        }
        .validate(now())
        .unwrap_err();
        assert_eq!(
            (e.field, e.problem),
            (Field::FinalAwakening, Problem::inconsistent(Rule::AwakeningAtSleepTime))
        );
    }

    #[test]
    fn reported_hours_count_without_times_and_efficiency_needs_bed_times() {
        let night = SleepDraft { hours: Some(6.5), ..base() }.validate(now()).unwrap();
        assert_eq!(night.total_sleep_min(), Some(390));
        assert_eq!(night.efficiency_percent(), None);
        assert_eq!(night.quality, SleepQuality::Fair);
    }

    #[test]
    fn bad_nights_name_their_field() {
        let err = |d: SleepDraft| {
            let e = d.validate(now()).unwrap_err();
            (e.field.key(), e.problem)
        };
        assert_eq!(err(SleepDraft { hours: Some(7.0), quality: Some(6), ..base() }).0, "quality");
        assert_eq!(
            err(SleepDraft { hours: Some(25.0), ..base() }),
            ("hours", Problem::TooLarge { max: 24.0 })
        );
        assert_eq!(err(SleepDraft { hours: Some(-1.0), ..base() }), ("hours", Problem::NotPositive));
        assert_eq!(err(base()), ("hours", Problem::Required));
        assert_eq!(err(SleepDraft { hours: Some(7.0), latency_min: Some(-5), ..base() }).0, "latency_min");
        assert_eq!(err(SleepDraft { hours: Some(7.0), awakenings: Some(500), ..base() }).0, "awakenings");
        assert_eq!(err(SleepDraft { hours: Some(7.0), in_bed: t(23, 0), ..base() }).0, "out_of_bed");
        assert_eq!(
            err(SleepDraft { hours: Some(9.0), in_bed: t(23, 0), out_of_bed: t(6, 0), ..base() }).0,
            "hours"
        );
        let future = SleepDraft { hours: Some(7.0), night: NaiveDate::from_ymd_opt(2026, 3, 9), ..base() };
        assert_eq!(err(future), ("night", Problem::InFuture));
    }
}

crate::domain::redacted_debug!(SleepNight, SleepDraft);
