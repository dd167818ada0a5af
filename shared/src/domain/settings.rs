//! The patient's settings, kept in the diary itself (sealed like every entry, and carried by a
//! backup to a new phone): when their day starts, the language they read Steady in, the daily
//! check-in reminder, and the diazepam-equivalence table every figure uses.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::catalogue::EquivalenceTable;
use super::error::{Field, Problem, Rule, Valid, ValidationError};
use super::lang::Lang;
use super::time::LocalInstant;

/// When a diary day starts unless the patient says otherwise: bedtime hypnotics are taken around
/// midnight, and a dose at 00:10 belongs with the evening before (shared/domain.md, "Taper pace").
pub const DEFAULT_DAY_START: NaiveTime = match NaiveTime::from_hms_opt(4, 0, 0) {
    Some(t) => t,
    None => panic!("a valid time"),
};

/// Latest day start accepted: a later one would put a whole morning on the day before.
pub const LATEST_DAY_START: NaiveTime = match NaiveTime::from_hms_opt(12, 0, 0) {
    Some(t) => t,
    None => panic!("a valid time"),
};

/// The settings in force.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Settings {
    /// When the patient's day starts (00:00–12:00): earlier times count for the day before.
    pub day_start: NaiveTime,
    /// The language of every word the app shows the patient.
    pub language: Lang,
    /// The daily check-in reminder (sleep, anxiety), or `None` for none.
    pub check_in: Option<NaiveTime>,
    /// The diazepam-equivalence table every figure uses.
    pub table: EquivalenceTable,
    /// When they were last changed (the latest wins when a backup brings another copy).
    #[serde(deserialize_with = "super::time::deserialize_optional_instant", default)]
    pub changed_at: Option<LocalInstant>,
    /// The patient's name and birth date, only if they entered them: used by the International
    /// Patient Summary export and nothing else (never the plain FHIR export, never a log). Sealed
    /// with the rest of the settings entry, like every clinical field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub patient: Option<PatientIdentity>,
}

/// Longest name accepted for the patient identity, in characters.
pub const MAX_PATIENT_NAME_CHARS: usize = 200;

/// Earliest birth date accepted.
const EARLIEST_BIRTH_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// Who the patient is, as they chose to enter it; either part may be missing.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PatientIdentity {
    /// The name as the patient writes it (one text, no parsing into given and family names).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub name: Option<String>,
    /// Birth date.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub birth_date: Option<NaiveDate>,
}

crate::domain::redacted_debug!(PatientIdentity);

impl PatientIdentity {
    /// Checks and tidies an identity: a blank name is no name, a name has no control characters
    /// and at most [`MAX_PATIENT_NAME_CHARS`]; a birth date lies between 1900 and today. `None`
    /// when nothing is left.
    pub fn validate(&self, now: LocalInstant) -> Valid<Option<PatientIdentity>> {
        let name =
            super::error::optional_text(Field::PatientName, self.name.as_deref(), MAX_PATIENT_NAME_CHARS)?;
        if let Some(d) = self.birth_date {
            if d > now.date_naive() {
                return Err(ValidationError::new(Field::BirthDate, Problem::InFuture));
            }
            if d < EARLIEST_BIRTH_DATE {
                return Err(ValidationError::new(Field::BirthDate, Problem::TooOld));
            }
        }
        let any = name.is_some() || self.birth_date.is_some();
        Ok(any.then_some(PatientIdentity { name, birth_date: self.birth_date }))
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            day_start: DEFAULT_DAY_START,
            language: Lang::default(),
            check_in: None,
            table: EquivalenceTable::default(),
            changed_at: None,
            patient: None,
        }
    }
}

/// One change the patient makes to their settings.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SettingChange {
    /// When the day starts, 00:00–12:00.
    DayStart { at: NaiveTime },
    /// The app's language.
    Language { language: Lang },
    /// The daily check-in reminder; `None` turns it off.
    CheckIn { at: Option<NaiveTime> },
    /// The diazepam-equivalence table.
    Table { table: EquivalenceTable },
    /// The patient's name and birth date for the International Patient Summary; `None` (or an
    /// empty identity) removes them.
    Patient { identity: Option<PatientIdentity> },
}

impl Settings {
    /// These settings with `change` applied, checked, stamped `now`.
    pub fn with(&self, change: &SettingChange, now: LocalInstant) -> Valid<Settings> {
        let mut next = self.clone();
        match change {
            SettingChange::DayStart { at } => {
                if *at > LATEST_DAY_START {
                    return Err(ValidationError::new(
                        Field::DayStart,
                        Problem::not_allowed(Rule::DayStartsByNoon),
                    ));
                }
                next.day_start = *at;
            }
            SettingChange::Language { language } => next.language = *language,
            SettingChange::CheckIn { at } => next.check_in = *at,
            SettingChange::Table { table } => next.table = *table,
            SettingChange::Patient { identity } => {
                next.patient = match identity {
                    Some(i) => i.validate(now)?,
                    None => None,
                };
            }
        }
        next.changed_at = Some(now);
        Ok(next)
    }
}

crate::domain::redacted_debug!(Settings);

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn a_day_starts_between_midnight_and_noon() {
        let now = DateTime::parse_from_rfc3339("2026-03-01T22:00:00+01:00").unwrap();
        let s = Settings::default();
        assert_eq!(s.day_start, t(4, 0));
        assert_eq!(s.with(&SettingChange::DayStart { at: t(0, 0) }, now).unwrap().day_start, t(0, 0));
        assert_eq!(s.with(&SettingChange::DayStart { at: t(12, 0) }, now).unwrap().day_start, t(12, 0));
        let late = s.with(&SettingChange::DayStart { at: t(12, 1) }, now).unwrap_err();
        assert_eq!(
            (late.field, late.problem),
            (Field::DayStart, Problem::not_allowed(Rule::DayStartsByNoon))
        );
        let fr = s.with(&SettingChange::Language { language: Lang::Fr }, now).unwrap();
        assert_eq!((fr.language, fr.changed_at), (Lang::Fr, Some(now)));
        let off = fr.with(&SettingChange::CheckIn { at: None }, now).unwrap();
        assert_eq!(off.check_in, None);
    }

    #[test]
    fn the_patient_identity_is_optional_checked_and_removable() {
        let now = DateTime::parse_from_rfc3339("2026-03-01T22:00:00+01:00").unwrap();
        let s = Settings::default();
        assert_eq!(s.patient, None, "never required");
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let set = |name: Option<&str>, birth: Option<NaiveDate>| {
            s.with(
                &SettingChange::Patient {
                    identity: Some(PatientIdentity { name: name.map(Into::into), birth_date: birth }),
                },
                now,
            )
        };
        let both = set(Some("  Sam Peeters "), Some(d(1961, 4, 2))).unwrap();
        let p = both.patient.clone().unwrap();
        assert_eq!((p.name.as_deref(), p.birth_date), (Some("Sam Peeters"), Some(d(1961, 4, 2))));
        assert_eq!(format!("{p:?}"), "PatientIdentity(<redacted>)", "no name in Debug");
        assert_eq!(set(Some("Sam"), None).unwrap().patient.unwrap().birth_date, None);
        assert_eq!(set(Some("  "), None).unwrap().patient, None, "blank is nothing");
        let future = set(None, Some(d(2026, 3, 2))).unwrap_err();
        assert_eq!((future.field, future.problem), (Field::BirthDate, Problem::InFuture));
        assert_eq!(set(None, Some(d(1899, 12, 31))).unwrap_err().problem, Problem::TooOld);
        let long = "n".repeat(MAX_PATIENT_NAME_CHARS + 1);
        assert_eq!(set(Some(&long), None).unwrap_err().field, Field::PatientName);
        let removed = both.with(&SettingChange::Patient { identity: None }, now).unwrap();
        assert_eq!(removed.patient, None);
        // Older settings entries (without the field) read back with no identity.
        let old = serde_json::to_string(&Settings::default()).unwrap();
        assert!(!old.contains("patient"), "{old}");
        assert_eq!(serde_json::from_str::<Settings>(&old).unwrap().patient, None);
        let stored = serde_json::to_string(&both).unwrap();
        assert_eq!(serde_json::from_str::<Settings>(&stored).unwrap(), both);
    }
}
