//! One error type for the whole CLI, so `main` has a single place that turns any failure into
//! `error: <message>` on stderr and a non-zero exit, never a panic or a backtrace. The core names
//! the field of a refused value; this shell says it with the flag the user typed.

use std::fmt;
use std::path::PathBuf;

use steady_core::domain::{
    Country, EquivalenceTable, Expected, Field, GoalStatus, GoalType, Hideable, Keyed, Pace, Problem,
    ReviewDecision, ValidationError,
};
use steady_core::{CoreError, ExportFormat, Lang};

/// Everything a command can fail with.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The core refused the input or the store failed; its message names the field.
    #[error("{}", core_message(.0))]
    Core(#[from] CoreError),
    /// No diary where one was expected (checked before asking for a passphrase).
    #[error("no diary at {}: create one with `steady init`", .0.display())]
    NoDiary(PathBuf),
    /// `init` where a diary already exists: never overwrite one.
    #[error("a diary already exists at {}", .0.display())]
    DiaryExists(PathBuf),
    /// The passphrase could not be obtained or was refused before reaching the core.
    #[error("{0}")]
    Passphrase(String),
    /// The key file is missing, unreadable or malformed (its content is never echoed).
    #[error("key file {}: {reason}", path.display())]
    KeyFile { path: PathBuf, reason: String },
    /// An id prefix matched no entry, or more than one.
    #[error("{0}")]
    Id(String),
    /// An entry read from standard input was refused; the message names the element and field.
    #[error("{0}")]
    Input(String),
    /// Arguments that parse but do not make sense together.
    #[error("{0}")]
    Usage(String),
    /// A file or directory operation failed.
    #[error("{what}: {source}")]
    Io { what: String, source: std::io::Error },
    /// Serialising output failed (should not happen; reported rather than panicking).
    #[error("could not write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The core answered with something this shell did not expect (a bug).
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<ValidationError> for CliError {
    fn from(e: ValidationError) -> Self {
        CliError::Core(CoreError::Invalid(e))
    }
}

impl From<steady_core::StoreError> for CliError {
    fn from(e: steady_core::StoreError) -> Self {
        CliError::Core(CoreError::Store(e))
    }
}

impl CliError {
    /// Wraps an I/O error with what was being attempted, e.g. "could not write /tmp/x".
    pub fn io(what: impl Into<String>, source: std::io::Error) -> Self {
        CliError::Io { what: what.into(), source }
    }
}

/// The flag (or argument) a field is typed into on this command line.
pub fn flag(field: Field) -> String {
    match field {
        Field::Id | Field::GoalId => "ID".into(),
        Field::StrengthMg => "--strength".into(),
        Field::Due => "--by".into(),
        Field::ReviewOn => "--review".into(),
        Field::IntervalDays => "--every-days".into(),
        Field::Language => "--lang".into(),
        Field::TakenAt => "--at".into(),
        Field::Item { number } => format!("item {number} of --items"),
        Field::Medicine => "MED_ID".into(),
        Field::DayStart => "day-start".into(),
        Field::CheckIn => "check-in".into(),
        Field::Setting => "SETTING".into(),
        Field::TailMgPerMl => "--liquid-mg-per-ml".into(),
        Field::TailStepMg => "--compounded-step-mg".into(),
        Field::TailMinMl => "--min-ml".into(),
        other => format!("--{}", other.key().replace('_', "-")),
    }
}

/// The keys a choice field accepts.
fn choices(field: Field) -> Option<String> {
    let keys = match field {
        Field::Language => Lang::keys(),
        Field::Exclude => Hideable::keys(),
        Field::Status => GoalStatus::keys(),
        Field::Kind => GoalType::keys(),
        Field::Decision => ReviewDecision::keys(),
        Field::Table | Field::SwitchTable => EquivalenceTable::keys(),
        Field::Pace => Pace::keys(),
        Field::Format => ExportFormat::keys(),
        Field::Country => Country::keys(),
        Field::Setting => crate::daily::setting_keys(),
        _ => return None,
    };
    // Settings are typed with hyphens (`day-start`), as the command's help shows them.
    let hyphens = field == Field::Setting;
    Some(
        keys.iter()
            .map(|k| if hyphens { k.replace('_', "-") } else { (*k).to_owned() })
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// A refused value as this shell says it: text that could not be read names the flag and echoes
/// the input (escaped, so odd input cannot garble the terminal); other problems name the field.
struct Refusal<'a>(&'a ValidationError);

impl fmt::Display for Refusal<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ValidationError { field, problem } = self.0;
        match problem {
            Problem::Unreadable { text, expected } => {
                write!(f, "could not read {} {text:?}: {}", flag(*field), expected.text())?;
                if let (Expected::OneOf, Some(keys)) = (expected, choices(*field)) {
                    write!(f, " (one of {keys})")?;
                }
                Ok(())
            }
            Problem::SkippedByClocks { text } => write!(
                f,
                "could not read {} {text:?}: that local time does not exist here (the clocks skipped it); \
                 give another time or an RFC 3339 time",
                flag(*field)
            ),
            _ => write!(f, "invalid input: {} {}", flag(*field), problem),
        }
    }
}

fn core_message(e: &CoreError) -> String {
    match e {
        CoreError::Invalid(v) => Refusal(v).to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_values_name_the_flag_and_escape_the_input() {
        let e = CliError::from(ValidationError::unreadable(Field::Mg, "1\u{1b}[31m", Expected::Number));
        let shown = e.to_string();
        assert!(shown.starts_with("could not read --mg "), "{shown}");
        assert!(!shown.contains('\u{1b}'), "control characters are escaped: {shown}");
        let long = CliError::from(ValidationError::unreadable(Field::Mg, &"9".repeat(500), Expected::Number));
        assert!(long.to_string().len() < 200);
        let lang = CliError::from(ValidationError::unreadable(Field::Language, "xx", Expected::OneOf));
        assert!(lang.to_string().ends_with("(one of en, fr, nl, nb)"), "{lang}");
        let range = CliError::from(ValidationError::new(Field::Mg, Problem::NotPositive));
        assert_eq!(range.to_string(), "invalid input: --mg must be greater than zero");
        assert_eq!(flag(Field::StrengthMg), "--strength");
        assert_eq!(flag(Field::FloorMg), "--floor-mg");
    }
}
