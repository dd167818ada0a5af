//! Validation errors: every rejected value names the field it came from, so a shell can put the
//! message next to the right input and a patient never loses what they typed elsewhere.

use std::fmt;

/// What was wrong with a value. Kept small and typed so shells can localise the message.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    /// A number that must be positive was zero or below.
    #[error("must be greater than zero")]
    NotPositive,
    /// A number was negative where zero is allowed.
    #[error("must not be negative")]
    Negative,
    /// NaN or infinity: never a real measurement.
    #[error("is not a number")]
    NotANumber,
    /// Larger than anything plausible (a typo such as 2000 mg).
    #[error("is implausibly large (over {max})")]
    TooLarge { max: f64 },
    /// Positive but smaller than anything that can be measured out (e.g. 1e-300 mg).
    #[error("is implausibly small (under {min})")]
    TooSmall { min: f64 },
    /// Outside the scale's defined range.
    #[error("must be between {min} and {max}")]
    OutOfRange { min: i64, max: i64 },
    /// More than a day ahead of the device clock.
    #[error("is more than a day in the future")]
    InFuture,
    /// Earlier than any date a diary can hold.
    #[error("is too far in the past")]
    TooOld,
    /// Text longer than the field allows.
    #[error("is too long (over {max} characters)")]
    TooLong { max: usize },
    /// A required value was empty or missing.
    #[error("is required")]
    Required,
    /// Tablets can only be split into halves or quarters.
    #[error("must be a whole number of quarter tablets")]
    NotAQuarter,
    /// A name the catalogue does not know.
    #[error("is not a known molecule or brand: {0}")]
    UnknownDrug(String),
    /// A reference to an entry that does not exist (e.g. reviewing a deleted goal).
    #[error("refers to no existing entry")]
    NoSuchEntry,
    /// Two values that must be in order are not (e.g. out of bed before in bed).
    #[error("is inconsistent: {0}")]
    Inconsistent(&'static str),
    /// The value is only allowed together with another choice (e.g. unknown substance only as
    /// non-prescribed use).
    #[error("is not allowed here: {0}")]
    NotAllowed(&'static str),
    /// The text could not be read as the expected format.
    #[error("could not be read: {0}")]
    Unreadable(String),
}

/// A value rejected at the core boundary, naming its field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct ValidationError {
    /// Stable, machine-readable field name (matches the CLI flag / FFI record field).
    pub field: &'static str,
    /// What was wrong with it.
    pub problem: Problem,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.field, self.problem)
    }
}

impl ValidationError {
    /// Shorthand used by every validator.
    pub fn new(field: &'static str, problem: Problem) -> Self {
        Self { field, problem }
    }
}

/// Result alias for validators.
pub type Valid<T> = Result<T, ValidationError>;

/// Checks a measured quantity: finite, strictly positive, at most `max`.
pub fn positive(field: &'static str, value: f64, max: f64) -> Valid<f64> {
    if !value.is_finite() {
        return Err(ValidationError::new(field, Problem::NotANumber));
    }
    if value <= 0.0 {
        return Err(ValidationError::new(field, Problem::NotPositive));
    }
    if value > max {
        return Err(ValidationError::new(field, Problem::TooLarge { max }));
    }
    Ok(value)
}

/// Checks an integer score against its scale.
pub fn in_range(field: &'static str, value: i64, min: i64, max: i64) -> Valid<i64> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(ValidationError::new(field, Problem::OutOfRange { min, max }))
    }
}

/// Free text from the patient: trimmed, bounded, never empty when present.
pub fn text(field: &'static str, value: &str, max_chars: usize) -> Valid<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(ValidationError::new(field, Problem::Required));
    }
    if trimmed.chars().count() > max_chars {
        return Err(ValidationError::new(field, Problem::TooLong { max: max_chars }));
    }
    Ok(trimmed.to_owned())
}

/// Optional free text: `None` or blank stays `None`.
pub fn optional_text(field: &'static str, value: Option<&str>, max_chars: usize) -> Valid<Option<String>> {
    match value {
        Some(v) if !v.trim().is_empty() => text(field, v, max_chars).map(Some),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positive_rejects_each_bad_number_with_its_problem() {
        assert_eq!(positive("mg", -1.0, 1000.0).unwrap_err().problem, Problem::NotPositive);
        assert_eq!(positive("mg", 0.0, 1000.0).unwrap_err().problem, Problem::NotPositive);
        assert_eq!(positive("mg", f64::NAN, 1000.0).unwrap_err().problem, Problem::NotANumber);
        assert_eq!(positive("mg", f64::INFINITY, 1000.0).unwrap_err().problem, Problem::NotANumber);
        assert_eq!(positive("mg", 1000.5, 1000.0).unwrap_err().problem, Problem::TooLarge { max: 1000.0 });
        assert_eq!(positive("mg", 1000.0, 1000.0), Ok(1000.0));
    }

    #[test]
    fn text_is_trimmed_bounded_and_named() {
        assert_eq!(text("note", "  hi ", 10), Ok("hi".into()));
        let err = text("note", &"x".repeat(11), 10).unwrap_err();
        assert_eq!(err.field, "note");
        assert_eq!(err.problem, Problem::TooLong { max: 10 });
        assert_eq!(optional_text("note", Some("   "), 10), Ok(None));
        assert_eq!(err.to_string(), "note is too long (over 10 characters)");
    }
}
