//! Validation errors: every rejected value names the field it came from and what was wrong with it,
//! both as typed values, so a shell can put the message next to the right input, in the patient's
//! language, without parsing English — and a patient never loses what they typed elsewhere.

use std::fmt;

/// Which input a refused value came from. The key (`mg`, `item4`, `switch_from`…) is stable: it
/// matches the FFI record field and is what the CLI maps to its flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Field {
    Id,
    GoalId,
    Kind,
    Now,
    From,
    To,
    On,
    Reason,
    Plan,
    Goal,
    Status,
    Decision,
    Drug,
    Mg,
    Tablets,
    StrengthMg,
    TakenAt,
    At,
    Note,
    Night,
    Hours,
    Quality,
    LatencyMin,
    Awakenings,
    WasoMin,
    InBed,
    TriedToSleep,
    FinalAwakening,
    OutOfBed,
    Score,
    Items,
    /// One GAD-7 item, 1 to 7 in questionnaire order.
    Item {
        number: u8,
    },
    SetAt,
    WhatMatters,
    TargetMg,
    Due,
    ReviewOn,
    AgreedWith,
    ProposedBy,
    Gas,
    NextReview,
    Text,
    Discussed,
    NonPrescribed,
    StartMg,
    Start,
    Percent,
    IntervalDays,
    Strengths,
    Split,
    FloorMg,
    Pace,
    SwitchFrom,
    SwitchFromMg,
    SwitchTable,
    SwitchAgreedWith,
    TailMgPerMl,
    TailMinMl,
    TailStepMg,
    Table,
    Format,
    Language,
    Exclude,
    Medicine,
    Times,
    AsNeeded,
    DayStart,
    CheckIn,
    Days,
    Country,
    Setting,
    /// A date sent by a shell that is not an ISO date (a programming slip, not the patient's).
    Date,
    /// A clock time sent by a shell that is not `HH:MM`.
    Time,
    /// An instant sent by a shell that is not RFC 3339.
    Instant,
    /// A passphrase being chosen (new diary, rekey, backup), refused by `domain::passphrase`.
    Passphrase,
    /// The patient's name, for the International Patient Summary only.
    PatientName,
    /// The patient's birth date, for the International Patient Summary only.
    BirthDate,
}

/// A field is written as its key (`"taken_at"`), as errors and exports name it.
impl serde::Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

const ITEM_KEYS: [&str; 7] = ["item1", "item2", "item3", "item4", "item5", "item6", "item7"];

impl Field {
    /// Stable, machine-readable name.
    pub fn key(self) -> &'static str {
        use Field::*;
        match self {
            Id => "id",
            GoalId => "goal_id",
            Kind => "kind",
            Now => "now",
            From => "from",
            To => "to",
            On => "on",
            Reason => "reason",
            Plan => "plan",
            Goal => "goal",
            Status => "status",
            Decision => "decision",
            Drug => "drug",
            Mg => "mg",
            Tablets => "tablets",
            StrengthMg => "strength_mg",
            TakenAt => "taken_at",
            At => "at",
            Note => "note",
            Night => "night",
            Hours => "hours",
            Quality => "quality",
            LatencyMin => "latency_min",
            Awakenings => "awakenings",
            WasoMin => "waso_min",
            InBed => "in_bed",
            TriedToSleep => "tried_to_sleep",
            FinalAwakening => "final_awakening",
            OutOfBed => "out_of_bed",
            Score => "score",
            Items => "items",
            Item { number } => ITEM_KEYS[usize::from(number.clamp(1, 7) - 1)],
            SetAt => "set_at",
            WhatMatters => "what_matters",
            TargetMg => "target_mg",
            Due => "due",
            ReviewOn => "review_on",
            AgreedWith => "agreed_with",
            ProposedBy => "proposed_by",
            Gas => "gas",
            NextReview => "next_review",
            Text => "text",
            Discussed => "discussed",
            NonPrescribed => "non_prescribed",
            StartMg => "start_mg",
            Start => "start",
            Percent => "percent",
            IntervalDays => "interval_days",
            Strengths => "strengths",
            Split => "split",
            FloorMg => "floor_mg",
            Pace => "pace",
            SwitchFrom => "switch_from",
            SwitchFromMg => "switch_from_mg",
            SwitchTable => "switch_table",
            SwitchAgreedWith => "switch_agreed_with",
            TailMgPerMl => "tail_mg_per_ml",
            TailMinMl => "tail_min_ml",
            TailStepMg => "tail_step_mg",
            Table => "table",
            Format => "format",
            Language => "language",
            Exclude => "exclude",
            Medicine => "medicine",
            Times => "times",
            AsNeeded => "as_needed",
            DayStart => "day_start",
            CheckIn => "check_in",
            Days => "days",
            Country => "country",
            Setting => "setting",
            Date => "date",
            Time => "time",
            Instant => "instant",
            Passphrase => "passphrase",
            PatientName => "patient_name",
            BirthDate => "birth_date",
        }
    }
}

/// A field compares equal to its key, so a test or a shell can write `err.field == "mg"`.
impl PartialEq<&str> for Field {
    fn eq(&self, other: &&str) -> bool {
        self.key() == *other
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A rule that ties a value to another value or to the diary, for [`Problem::Inconsistent`] and
/// [`Problem::NotAllowed`]. Typed, so each has its own sentence in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Rule {
    PeriodStartsAfterEnd,
    BeforeTheReview,
    BeforeTheGoalWasSet,
    MoreSleepThanTimeInBed,
    MoreAwakeThanTimeInBed,
    OutOfBedAtInBedTime,
    AwakeningAtSleepTime,
    StrengthInWholeMicrograms,
    BeforeTheHoldStarted,
    BeforeTheLastPaceChange,
    BeforeTheOpenHoldStarted,
    BeforeThePlanStarts,
    BelowTheStartDose,
    NotPossibleWithTheseTablets,
    OverlapsAnEarlierHold,
    EditKeepsTheKind,
    EndThePlanFirst,
    StrengthGoesWithTablets,
    UnknownOnlyNonPrescribed,
    MgOrTabletsNotBoth,
    GoalNamesAKnownMolecule,
    TargetGoesWithReduce,
    PlanNeedsAKnownMolecule,
    SwitchIsToDiazepam,
    SplitIsOneTwoOrFour,
    SwitchFromAnotherMolecule,
    PlanHasEnded,
    PlanAlreadyOnHold,
    PlanNotOnHold,
    TableHasNoValue,
    PeriodTooLong,
    MedicineNeedsAMolecule,
    TimesOrAsNeeded,
    MedicineStopped,
    SameMolecule,
    BeforeTheLastChange,
    BeforeItStarted,
    WhichMedicine,
    NotAMedicine,
    NotTakenThatDay,
    NoDosePlannedToday,
    NotAForm,
    DayStartsByNoon,
    PassphraseTooShort,
    RepeatedOrSequential,
    EasyToGuess,
    TailDoseInWholeMicrograms,
}

/// Every rule, for tests that check each has its words.
pub const ALL_RULES: &[Rule] = &[
    Rule::PeriodStartsAfterEnd,
    Rule::BeforeTheReview,
    Rule::BeforeTheGoalWasSet,
    Rule::MoreSleepThanTimeInBed,
    Rule::MoreAwakeThanTimeInBed,
    Rule::OutOfBedAtInBedTime,
    Rule::AwakeningAtSleepTime,
    Rule::StrengthInWholeMicrograms,
    Rule::BeforeTheHoldStarted,
    Rule::BeforeTheLastPaceChange,
    Rule::BeforeTheOpenHoldStarted,
    Rule::BeforeThePlanStarts,
    Rule::BelowTheStartDose,
    Rule::NotPossibleWithTheseTablets,
    Rule::OverlapsAnEarlierHold,
    Rule::EditKeepsTheKind,
    Rule::EndThePlanFirst,
    Rule::StrengthGoesWithTablets,
    Rule::UnknownOnlyNonPrescribed,
    Rule::MgOrTabletsNotBoth,
    Rule::GoalNamesAKnownMolecule,
    Rule::TargetGoesWithReduce,
    Rule::PlanNeedsAKnownMolecule,
    Rule::SwitchIsToDiazepam,
    Rule::SplitIsOneTwoOrFour,
    Rule::SwitchFromAnotherMolecule,
    Rule::PlanHasEnded,
    Rule::PlanAlreadyOnHold,
    Rule::PlanNotOnHold,
    Rule::TableHasNoValue,
    Rule::PeriodTooLong,
    Rule::MedicineNeedsAMolecule,
    Rule::TimesOrAsNeeded,
    Rule::MedicineStopped,
    Rule::SameMolecule,
    Rule::BeforeTheLastChange,
    Rule::BeforeItStarted,
    Rule::WhichMedicine,
    Rule::NotAMedicine,
    Rule::NotTakenThatDay,
    Rule::NoDosePlannedToday,
    Rule::NotAForm,
    Rule::DayStartsByNoon,
    Rule::PassphraseTooShort,
    Rule::RepeatedOrSequential,
    Rule::EasyToGuess,
    Rule::TailDoseInWholeMicrograms,
];

impl Rule {
    /// The English sentence, as shown after the field name.
    pub fn text(self) -> &'static str {
        use Rule::*;
        match self {
            PeriodStartsAfterEnd => "the period starts after it ends",
            BeforeTheReview => "before the review itself",
            BeforeTheGoalWasSet => "before the day the goal is set",
            MoreSleepThanTimeInBed => "more sleep than time in bed",
            MoreAwakeThanTimeInBed => "more time awake than time in bed",
            OutOfBedAtInBedTime => "the same time as into bed: a night cannot last 0 or 24 hours",
            AwakeningAtSleepTime => "the same time as falling asleep: a night cannot last 0 or 24 hours",
            StrengthInWholeMicrograms => "a strength must be a whole number of micrograms",
            BeforeTheHoldStarted => "before the hold started",
            BeforeTheLastPaceChange => "before the last pace change",
            BeforeTheOpenHoldStarted => "before the open hold started",
            BeforeThePlanStarts => "before the plan starts",
            BelowTheStartDose => "must be below the start dose",
            NotPossibleWithTheseTablets => "not possible with these tablets",
            OverlapsAnEarlierHold => "overlaps an earlier hold",
            EditKeepsTheKind => "an edit keeps the entry's kind",
            EndThePlanFirst => "end the current plan before starting another",
            StrengthGoesWithTablets => "a strength goes with a number of tablets, not with mg",
            UnknownOnlyNonPrescribed => "an unknown substance can only be logged as non-prescribed",
            MgOrTabletsNotBoth => "give either mg or a number of tablets, not both",
            GoalNamesAKnownMolecule => "a goal names a known molecule",
            TargetGoesWithReduce => "a target dose goes with a reduce goal",
            PlanNeedsAKnownMolecule => "a plan needs a known molecule",
            SwitchIsToDiazepam => "a switch is to diazepam",
            SplitIsOneTwoOrFour => "split must be 1, 2 or 4",
            SwitchFromAnotherMolecule => "switch from a known molecule other than diazepam",
            PlanHasEnded => "the plan has ended",
            PlanAlreadyOnHold => "the plan is already on hold",
            PlanNotOnHold => "the plan is not on hold",
            TableHasNoValue => "this table gives no value for that molecule",
            PeriodTooLong => "a period covers at most twenty years",
            MedicineNeedsAMolecule => "a medicine on the list is a known molecule or brand",
            TimesOrAsNeeded => "give usual times or \"as needed\", not both",
            MedicineStopped => "this medicine was stopped",
            SameMolecule => "a change keeps the molecule (another molecule is another medicine)",
            BeforeTheLastChange => "before the last change of this medicine",
            BeforeItStarted => "before it was started",
            WhichMedicine => "there are several medicines: say which one",
            NotAMedicine => "this entry is not a medicine on the list",
            NotTakenThatDay => "this medicine is not taken on that day",
            NoDosePlannedToday => "the plan has no dose for today",
            NotAForm => "the settings are changed one at a time, not with a form",
            DayStartsByNoon => "a day starts between 00:00 and 12:00",
            PassphraseTooShort => "a passphrase needs at least 12 characters",
            RepeatedOrSequential => {
                "repeated or sequential characters (aaaa, 1234, abcabc) are easy to guess"
            }
            EasyToGuess => {
                "too easy to guess (a common password, word or pattern); several unrelated words are better"
            }
            TailDoseInWholeMicrograms => {
                "the smallest dose it gives (mg per ml × smallest volume, or the step) must be a whole number of micrograms"
            }
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

/// What a piece of text should have looked like, for [`Problem::Unreadable`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Expected {
    /// `YYYY-MM-DD`, `today` or `yesterday`.
    Date,
    /// `HH:MM`, 24-hour.
    ClockTime,
    /// `YYYY-MM-DD HH:MM` (local), `HH:MM` (today) or RFC 3339.
    Instant,
    /// A decimal number such as `2` or `0,5`.
    Number,
    /// A tablet count such as `1`, `0.5`, `1/2`, `1 1/2` or `1½`.
    Tablets,
    /// Seven GAD-7 item scores; `got` is how many were given.
    Gad7Items { got: u32 },
    /// A whole number.
    WholeNumber,
    /// An entry id (a UUID).
    EntryId,
    /// An entry id or at least four of its first hex digits.
    IdPrefix,
    /// One of a fixed set of words (a table, format, language, status…).
    OneOf,
}

impl Expected {
    /// What was expected, in English.
    pub fn text(self) -> String {
        match self {
            Expected::Date => "expected a date as YYYY-MM-DD, \"today\" or \"yesterday\"".into(),
            Expected::ClockTime => "expected a time as HH:MM (00:00 to 23:59)".into(),
            Expected::Instant => {
                "expected YYYY-MM-DD HH:MM (local time), HH:MM (today) or an RFC 3339 time".into()
            }
            Expected::Number => "expected a number such as 2 or 0.5".into(),
            Expected::Tablets => "expected a number of tablets such as 1, 0.5, 1/2 or 1 1/2".into(),
            Expected::Gad7Items { got } => {
                format!("expected 7 item scores (each 0–3) separated by commas, got {got}")
            }
            Expected::WholeNumber => "expected a whole number".into(),
            Expected::EntryId => "expected an entry id".into(),
            Expected::IdPrefix => {
                "expected an entry id or at least 4 of its hex digits (as shown by `steady list`)".into()
            }
            Expected::OneOf => "not one of the values allowed here".into(),
        }
    }
}

/// What was wrong with a value. Typed, with the numbers a message needs, so shells localise it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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
    TooLong { max: u32 },
    /// A required value was empty or missing.
    #[error("is required")]
    Required,
    /// Tablets can only be split into halves or quarters.
    #[error("must be a whole number of quarter tablets")]
    NotAQuarter,
    /// A name the catalogue does not know.
    #[error("is not a known molecule or brand: {name}")]
    UnknownDrug { name: String },
    /// A reference to an entry that does not exist (e.g. reviewing a deleted goal).
    #[error("refers to no existing entry")]
    NoSuchEntry,
    /// Two values that must be in order are not (e.g. out of bed before in bed).
    #[error("is inconsistent: {rule}")]
    Inconsistent { rule: Rule },
    /// The value is only allowed together with another choice.
    #[error("is not allowed here: {rule}")]
    NotAllowed { rule: Rule },
    /// The text could not be read as the expected format.
    #[error("could not be read: {text}")]
    Unreadable { text: String, expected: Expected },
    /// The patient's estimate of sleep does not fit the night's times: `window_min` from trying to
    /// sleep to the final awakening, less `awake_min` (falling asleep and awake in the night),
    /// gives `items_min`, more than half an hour from `reported_min`.
    #[error(
        "does not fit the night's times: {reported_min} min reported, but {window_min} min from \
         trying to sleep to waking, less {awake_min} min awake, gives {items_min} min"
    )]
    SleepDisagrees { reported_min: u16, items_min: u16, window_min: u16, awake_min: u16 },
    /// A local time the clocks skipped (the hour lost when clocks go forward).
    #[error("{text:?} does not exist here (the clocks skipped it); give another time or an RFC 3339 time")]
    SkippedByClocks { text: String },
}

impl Problem {
    /// Shorthand for [`Problem::Inconsistent`].
    pub fn inconsistent(rule: Rule) -> Self {
        Problem::Inconsistent { rule }
    }

    /// Shorthand for [`Problem::NotAllowed`].
    pub fn not_allowed(rule: Rule) -> Self {
        Problem::NotAllowed { rule }
    }
}

/// A value rejected at the core boundary, naming its field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct ValidationError {
    /// Which input it came from.
    pub field: Field,
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
    pub fn new(field: Field, problem: Problem) -> Self {
        Self { field, problem }
    }

    /// Text that could not be read as `expected`; echoes at most 40 characters of it.
    pub fn unreadable(field: Field, text: &str, expected: Expected) -> Self {
        Self::new(field, Problem::Unreadable { text: echo(text), expected })
    }

    /// The same problem under another field (a value validated as part of a larger form).
    pub fn renamed(self, field: Field) -> Self {
        Self { field, ..self }
    }
}

/// What an error may quote of something a person typed: its start, at most 40 characters, with
/// control characters written as escapes (`\u{1b}`), so a message can never garble a terminal, a
/// log or a phone's text field (found by fuzzing: `\0` and escape sequences were echoed verbatim).
pub fn echo(text: &str) -> String {
    let mut out = String::new();
    let mut shown = 0;
    for c in text.chars() {
        let piece: String = if c.is_control() { c.escape_unicode().collect() } else { c.to_string() };
        let width = piece.chars().count();
        if shown + width > 40 {
            break;
        }
        shown += width;
        out.push_str(&piece);
    }
    out
}

/// Result alias for validators.
pub type Valid<T> = Result<T, ValidationError>;

/// Checks a measured quantity: finite, strictly positive, at most `max`.
pub fn positive(field: Field, value: f64, max: f64) -> Valid<f64> {
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
pub fn in_range(field: Field, value: i64, min: i64, max: i64) -> Valid<i64> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(ValidationError::new(field, Problem::OutOfRange { min, max }))
    }
}

/// Free text from the patient: trimmed, bounded, never empty when present.
pub fn text(field: Field, value: &str, max_chars: usize) -> Valid<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(ValidationError::new(field, Problem::Required));
    }
    if trimmed.chars().count() > max_chars {
        let max = u32::try_from(max_chars).unwrap_or(u32::MAX);
        return Err(ValidationError::new(field, Problem::TooLong { max }));
    }
    Ok(trimmed.to_owned())
}

/// Optional free text: `None` or blank stays `None`.
pub fn optional_text(field: Field, value: Option<&str>, max_chars: usize) -> Valid<Option<String>> {
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
        let mg = Field::Mg;
        assert_eq!(positive(mg, -1.0, 1000.0).unwrap_err().problem, Problem::NotPositive);
        assert_eq!(positive(mg, 0.0, 1000.0).unwrap_err().problem, Problem::NotPositive);
        assert_eq!(positive(mg, f64::NAN, 1000.0).unwrap_err().problem, Problem::NotANumber);
        assert_eq!(positive(mg, f64::INFINITY, 1000.0).unwrap_err().problem, Problem::NotANumber);
        assert_eq!(positive(mg, 1000.5, 1000.0).unwrap_err().problem, Problem::TooLarge { max: 1000.0 });
        assert_eq!(positive(mg, 1000.0, 1000.0), Ok(1000.0));
    }

    #[test]
    fn typed_text_is_echoed_without_control_characters() {
        let e = ValidationError::unreadable(Field::Night, "\0\u{1b}[31mred", Expected::Date);
        let shown = e.to_string();
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        assert!(shown.contains("\\u{0}") && shown.contains("\\u{1b}[31mred"), "{shown}");
        assert_eq!(echo(&"é".repeat(50)).chars().count(), 40);
        assert_eq!(echo(&"\0".repeat(10)), "\\u{0}".repeat(8), "whole escapes only, 40 characters at most");
        let drug = crate::domain::dose::parse_substance("\u{1d}").unwrap_err();
        assert!(!drug.to_string().chars().any(char::is_control), "{drug}");
    }

    #[test]
    fn text_is_trimmed_bounded_and_named() {
        assert_eq!(text(Field::Note, "  hi ", 10), Ok("hi".into()));
        let err = text(Field::Note, &"x".repeat(11), 10).unwrap_err();
        assert_eq!(err.field, Field::Note);
        assert_eq!(err.problem, Problem::TooLong { max: 10 });
        assert_eq!(optional_text(Field::Note, Some("   "), 10), Ok(None));
        assert_eq!(err.to_string(), "note is too long (over 10 characters)");
    }

    #[test]
    fn fields_have_stable_keys_and_rules_their_sentences() {
        assert_eq!(Field::Item { number: 4 }.key(), "item4");
        assert_eq!(Field::SwitchFromMg.key(), "switch_from_mg");
        let e = ValidationError::new(Field::From, Problem::inconsistent(Rule::PeriodStartsAfterEnd));
        assert_eq!(e.to_string(), "from is inconsistent: the period starts after it ends");
        let u = ValidationError::unreadable(Field::Mg, &"9".repeat(100), Expected::Number);
        assert!(matches!(u.problem, Problem::Unreadable { ref text, .. } if text.len() == 40));
    }
}
