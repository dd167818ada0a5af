//! The patient's settings, kept in the diary itself (sealed like every entry, and carried by a
//! backup to a new phone): when their day starts, the language they read Steady in, the daily
//! check-in reminder, and the diazepam-equivalence table every figure uses.

use chrono::NaiveTime;
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
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            day_start: DEFAULT_DAY_START,
            language: Lang::default(),
            check_in: None,
            table: EquivalenceTable::default(),
            changed_at: None,
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
}
