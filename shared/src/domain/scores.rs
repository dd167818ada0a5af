//! Self-report scores: the daily 0–10 anxiety rating and the GAD-7.
//!
//! GAD-7: Spitzer RL, Kroenke K, Williams JBW, Löwe B. "A brief measure for assessing generalized
//! anxiety disorder: the GAD-7." Arch Intern Med 2006;166(10):1092-1097. Seven items scored 0–3,
//! total 0–21; cut-points 5, 10 and 15 for mild, moderate and severe. Free to reproduce (Pfizer /
//! phqscreeners.com). LOINC: panel 69737-5, total score 70274-6.

use serde::{Deserialize, Serialize};

use super::error::{in_range, optional_text, Field, Problem, Valid, ValidationError};
use super::time::{not_in_future, LocalInstant};

/// A 0–10 numeric rating of anxiety at a moment of the day.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct AnxietyRating {
    /// When rated.
    #[serde(deserialize_with = "super::time::deserialize_instant")]
    pub at: LocalInstant,
    /// 0 (none) … 10 (worst imaginable).
    pub score: u8,
    /// Free text.
    pub note: Option<String>,
}

impl AnxietyRating {
    /// Validates a rating typed in a shell.
    pub fn new(at: LocalInstant, score: i64, note: Option<&str>, now: LocalInstant) -> Valid<Self> {
        Ok(Self {
            at: not_in_future(Field::At, at, now)?,
            score: in_range(Field::Score, score, 0, 10)? as u8,
            note: optional_text(Field::Note, note, super::dose::MAX_NOTE_CHARS)?,
        })
    }
}

/// LOINC code of the GAD-7 panel.
pub const GAD7_PANEL_LOINC: &str = "69737-5";
/// LOINC code of the GAD-7 total score.
pub const GAD7_TOTAL_LOINC: &str = "70274-6";

/// A completed GAD-7 questionnaire.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Gad7 {
    /// When completed.
    #[serde(deserialize_with = "super::time::deserialize_instant")]
    pub at: LocalInstant,
    /// The seven item scores, 0 (not at all) … 3 (nearly every day), in questionnaire order.
    pub items: [u8; 7],
}

/// Severity band of a GAD-7 total (Spitzer 2006).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Gad7Band {
    /// 0–4.
    Minimal,
    /// 5–9.
    Mild,
    /// 10–14.
    Moderate,
    /// 15–21.
    Severe,
}

impl Gad7Band {
    /// English label.
    pub fn label(self) -> &'static str {
        match self {
            Gad7Band::Minimal => "minimal",
            Gad7Band::Mild => "mild",
            Gad7Band::Moderate => "moderate",
            Gad7Band::Severe => "severe",
        }
    }
}

impl Gad7 {
    /// Validates seven item scores.
    pub fn new(at: LocalInstant, items: &[i64], now: LocalInstant) -> Valid<Self> {
        if items.len() != 7 {
            return Err(ValidationError::new(Field::Items, Problem::OutOfRange { min: 7, max: 7 }));
        }
        let mut scored = [0u8; 7];
        for (i, (&v, number)) in items.iter().zip(1u8..).enumerate() {
            scored[i] = in_range(Field::Item { number }, v, 0, 3)? as u8;
        }
        Ok(Self { at: not_in_future(Field::At, at, now)?, items: scored })
    }

    /// Sum of the seven items, 0–21.
    pub fn total(&self) -> u8 {
        self.items.iter().sum()
    }

    /// Severity band of the total.
    pub fn band(&self) -> Gad7Band {
        band_of(self.total())
    }
}

/// Band for a total score, per Spitzer 2006 cut-points 5 / 10 / 15.
pub fn band_of(total: u8) -> Gad7Band {
    match total {
        0..=4 => Gad7Band::Minimal,
        5..=9 => Gad7Band::Mild,
        10..=14 => Gad7Band::Moderate,
        _ => Gad7Band::Severe,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn now() -> LocalInstant {
        DateTime::parse_from_rfc3339("2026-03-02T08:00:00+01:00").unwrap()
    }

    #[test]
    fn gad7_bands_follow_spitzer_cut_points() {
        let expected = [
            (0, Gad7Band::Minimal),
            (4, Gad7Band::Minimal),
            (5, Gad7Band::Mild),
            (9, Gad7Band::Mild),
            (10, Gad7Band::Moderate),
            (14, Gad7Band::Moderate),
            (15, Gad7Band::Severe),
            (21, Gad7Band::Severe),
        ];
        for (total, band) in expected {
            assert_eq!(band_of(total), band, "total {total}");
        }
        let g = Gad7::new(now(), &[3, 3, 2, 2, 1, 1, 0], now()).unwrap();
        assert_eq!((g.total(), g.band()), (12, Gad7Band::Moderate));
    }

    #[test]
    fn gad7_rejects_wrong_count_and_out_of_range_items_by_name() {
        assert_eq!(Gad7::new(now(), &[1, 1, 1], now()).unwrap_err().field, "items");
        let e = Gad7::new(now(), &[0, 0, 0, 4, 0, 0, 0], now()).unwrap_err();
        assert_eq!((e.field, e.problem), (Field::Item { number: 4 }, Problem::OutOfRange { min: 0, max: 3 }));
        assert_eq!(Gad7::new(now(), &[0, -1, 0, 0, 0, 0, 0], now()).unwrap_err().field, "item2");
    }

    #[test]
    fn anxiety_is_zero_to_ten() {
        assert!(AnxietyRating::new(now(), 0, None, now()).is_ok());
        assert!(AnxietyRating::new(now(), 10, None, now()).is_ok());
        let e = AnxietyRating::new(now(), 11, None, now()).unwrap_err();
        assert_eq!((e.field, e.problem), (Field::Score, Problem::OutOfRange { min: 0, max: 10 }));
        assert_eq!(AnxietyRating::new(now(), -1, None, now()).unwrap_err().field, "score");
    }
}

crate::domain::redacted_debug!(AnxietyRating, Gad7);
