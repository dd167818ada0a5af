//! "My medicines": what the patient takes — the molecule (or the brand they know it by), the usual
//! amount per intake, the usual times of day or "as needed", prescribed or not — so that logging the
//! usual dose is one step. A change of amount or times starts a new period of the regimen from a
//! date and keeps the old one, so a summary of an older period reads the regimen of that time.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::catalogue::Molecule;
use super::dose::{parse_substance, Amount, Substance, Use, MAX_NOTE_CHARS};
use super::error::{optional_text, text, Field, Problem, Rule, Valid, ValidationError};
use super::id::EntryId;
use super::time::{date_not_in_future, date_not_too_old, not_in_future, LocalInstant};

/// Most usual times a day one medicine can have (more is a typo).
pub const MAX_TIMES: usize = 8;
/// Longest name a medicine can carry, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// The usual amount and times of a medicine from a date on.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Regimen {
    /// First day this regimen applies.
    pub from: NaiveDate,
    /// The usual amount per intake.
    pub amount: Amount,
    /// Usual times of day, ascending; empty = as needed.
    pub times: Vec<NaiveTime>,
}

/// One medicine on the patient's list.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Medicine {
    /// The molecule, so doses add up per molecule whatever the pack says.
    pub molecule: Molecule,
    /// The name the patient knows it by (a brand or the INN), as shown in their list.
    pub name: String,
    /// Prescribed, or taken outside a prescription.
    #[serde(rename = "use")]
    pub use_: Use,
    /// First day taken.
    pub started: NaiveDate,
    /// Last day taken; `None` while it is still taken.
    pub stopped: Option<NaiveDate>,
    /// The regimen's periods, oldest first; never empty.
    pub regimen: Vec<Regimen>,
}

/// A medicine as a form sends it (to add one, or to change its amount and times from a date).
#[derive(Clone, Default, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MedicineDraft {
    /// Molecule or brand name, as on the pack.
    pub drug: String,
    /// Usual amount in mg (exclusive with `tablets`).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub mg: Option<f64>,
    /// Usual number of tablets per intake, in quarters.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub tablets: Option<f64>,
    /// Tablet strength in mg.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub strength_mg: Option<f64>,
    /// Usual times of day (empty with `as_needed`).
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub times: Vec<NaiveTime>,
    /// Taken when needed, at no fixed time.
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub as_needed: bool,
    /// Taken outside a prescription.
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub non_prescribed: bool,
    /// First day of this medicine (or of this change); `None` = today.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub from: Option<NaiveDate>,
}

impl MedicineDraft {
    /// A new medicine from this draft, checked against the device's date.
    pub fn validate(&self, now: LocalInstant) -> Valid<Medicine> {
        let molecule = match parse_substance(&self.drug)? {
            Substance::Known(m) => m,
            Substance::Unknown => {
                return Err(ValidationError::new(
                    Field::Drug,
                    Problem::not_allowed(Rule::MedicineNeedsAMolecule),
                ))
            }
        };
        let use_ = if self.non_prescribed { Use::NonPrescribed } else { Use::Prescribed };
        let regimen = self.regimen(use_, now)?;
        Ok(Medicine {
            molecule,
            name: text(Field::Drug, &self.drug, MAX_NAME_CHARS)?,
            use_,
            started: regimen.from,
            stopped: None,
            regimen: vec![regimen],
        })
    }

    /// The regimen this draft describes, from its date on.
    fn regimen(&self, use_: Use, now: LocalInstant) -> Valid<Regimen> {
        let amount = Amount::from_parts(self.mg, self.tablets, self.strength_mg, use_)?;
        let mut times = self.times.clone();
        times.sort();
        times.dedup();
        match (times.is_empty(), self.as_needed) {
            (true, false) => return Err(ValidationError::new(Field::Times, Problem::Required)),
            (false, true) => {
                return Err(ValidationError::new(
                    Field::AsNeeded,
                    Problem::not_allowed(Rule::TimesOrAsNeeded),
                ))
            }
            _ => {}
        }
        if times.len() > MAX_TIMES {
            return Err(ValidationError::new(
                Field::Times,
                Problem::OutOfRange { min: 1, max: MAX_TIMES as i64 },
            ));
        }
        let from = self.from.unwrap_or(now.date_naive());
        Ok(Regimen {
            from: date_not_in_future(Field::From, date_not_too_old(Field::From, from)?, now)?,
            amount,
            times,
        })
    }
}

impl Medicine {
    /// The regimen in force on `date`: the latest period started on or before it.
    pub fn regimen_on(&self, date: NaiveDate) -> Option<&Regimen> {
        self.regimen.iter().rev().find(|r| r.from <= date)
    }

    /// The regimen in force now (the latest period).
    pub fn current(&self) -> &Regimen {
        // Never empty: every medicine is created with one period and only gains more.
        &self.regimen[self.regimen.len() - 1]
    }

    /// True when it is taken on `date`: started, not yet stopped.
    pub fn is_taken_on(&self, date: NaiveDate) -> bool {
        self.started <= date && self.stopped.is_none_or(|last| date <= last)
    }

    /// This medicine with `draft`'s amount and times from `draft.from` (today by default); the
    /// periods before stay as they were. The molecule is the medicine's; a draft naming another
    /// molecule is refused (that is a new medicine).
    pub fn changed(&self, draft: &MedicineDraft, now: LocalInstant) -> Valid<Medicine> {
        if self.stopped.is_some() {
            return Err(ValidationError::new(Field::Medicine, Problem::not_allowed(Rule::MedicineStopped)));
        }
        if parse_substance(&draft.drug)? != Substance::Known(self.molecule) {
            return Err(ValidationError::new(Field::Drug, Problem::not_allowed(Rule::SameMolecule)));
        }
        let regimen = draft.regimen(self.use_, now)?;
        if regimen.from < self.current().from {
            return Err(ValidationError::new(Field::From, Problem::inconsistent(Rule::BeforeTheLastChange)));
        }
        let mut next = self.clone();
        if next.current().from == regimen.from {
            next.regimen.pop();
        }
        next.regimen.push(regimen);
        Ok(next)
    }

    /// This medicine stopped after `on` (its last day).
    pub fn stop(&self, on: NaiveDate) -> Valid<Medicine> {
        if self.stopped.is_some() {
            return Err(ValidationError::new(Field::Medicine, Problem::not_allowed(Rule::MedicineStopped)));
        }
        if on < self.started {
            return Err(ValidationError::new(Field::On, Problem::inconsistent(Rule::BeforeItStarted)));
        }
        Ok(Medicine { stopped: Some(on), ..self.clone() })
    }

    /// A form's fields for this medicine as it is now (to prefill a change).
    pub fn draft(&self) -> MedicineDraft {
        let current = self.current();
        let (mg, tablets, strength_mg) = current.amount.parts();
        MedicineDraft {
            drug: self.name.clone(),
            mg,
            tablets,
            strength_mg,
            times: current.times.clone(),
            as_needed: current.times.is_empty(),
            non_prescribed: self.use_ == Use::NonPrescribed,
            from: None,
        }
    }
}

/// A usual dose the patient did not take (logged plainly: a skipped dose is information, not a
/// failure).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Skip {
    /// The medicine skipped.
    pub medicine: EntryId,
    /// When it would have been taken (or when the patient noted it).
    #[serde(deserialize_with = "super::time::deserialize_instant")]
    pub at: LocalInstant,
    /// The patient's note.
    pub note: Option<String>,
}

impl Skip {
    /// A skip checked against the device clock.
    pub fn new(medicine: EntryId, at: LocalInstant, note: Option<&str>, now: LocalInstant) -> Valid<Self> {
        Ok(Self {
            medicine,
            at: not_in_future(Field::At, at, now)?,
            note: optional_text(Field::Note, note, MAX_NOTE_CHARS)?,
        })
    }
}

crate::domain::redacted_debug!(Medicine, MedicineDraft, Regimen, Skip);

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn now() -> LocalInstant {
        DateTime::parse_from_rfc3339("2026-03-10T21:00:00+01:00").unwrap()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn half_stilnoct() -> MedicineDraft {
        MedicineDraft {
            drug: "Stilnoct".into(),
            tablets: Some(0.5),
            strength_mg: Some(10.0),
            times: vec![t(22, 30)],
            from: Some(d("2026-01-01")),
            ..MedicineDraft::default()
        }
    }

    #[test]
    fn a_medicine_keeps_the_name_it_was_given_and_reads_as_its_molecule() {
        let m = half_stilnoct().validate(now()).unwrap();
        assert_eq!((m.molecule, m.name.as_str(), m.use_), (Molecule::Zolpidem, "Stilnoct", Use::Prescribed));
        assert_eq!(m.current().amount.mg(), Some(5.0));
        assert_eq!(m.current().times, vec![t(22, 30)]);
        assert!(m.is_taken_on(d("2026-03-10")) && !m.is_taken_on(d("2025-12-31")));
    }

    #[test]
    fn bad_medicines_name_their_field() {
        let field = |draft: MedicineDraft| draft.validate(now()).unwrap_err().field;
        assert_eq!(field(MedicineDraft { drug: "aspirin".into(), ..half_stilnoct() }), "drug");
        assert_eq!(field(MedicineDraft { drug: "unknown".into(), ..half_stilnoct() }), "drug");
        assert_eq!(field(MedicineDraft { times: vec![], ..half_stilnoct() }), "times");
        assert_eq!(field(MedicineDraft { as_needed: true, ..half_stilnoct() }), "as_needed");
        assert_eq!(field(MedicineDraft { tablets: Some(0.3), ..half_stilnoct() }), "tablets");
        assert_eq!(
            field(MedicineDraft { times: (0..9).map(|h| t(h, 0)).collect(), ..half_stilnoct() }),
            "times"
        );
        assert_eq!(field(MedicineDraft { from: Some(d("2026-03-20")), ..half_stilnoct() }), "from");
        let as_needed = MedicineDraft { times: vec![], as_needed: true, ..half_stilnoct() };
        assert!(as_needed.validate(now()).unwrap().current().times.is_empty());
    }

    #[test]
    fn a_change_starts_a_new_period_and_keeps_the_old_one() {
        let m = half_stilnoct().validate(now()).unwrap();
        let quarter = MedicineDraft { tablets: Some(0.25), from: Some(d("2026-03-01")), ..half_stilnoct() };
        let changed = m.changed(&quarter, now()).unwrap();
        assert_eq!(changed.regimen.len(), 2);
        assert_eq!(changed.regimen_on(d("2026-02-28")).unwrap().amount.mg(), Some(5.0));
        assert_eq!(changed.regimen_on(d("2026-03-01")).unwrap().amount.mg(), Some(2.5));
        assert_eq!(changed.regimen_on(d("2025-12-31")), None);
        let earlier = MedicineDraft { from: Some(d("2026-02-01")), ..quarter.clone() };
        assert_eq!(changed.changed(&earlier, now()).unwrap_err().field, "from");
        let other = MedicineDraft {
            drug: "diazepam".into(),
            mg: Some(2.0),
            tablets: None,
            strength_mg: None,
            ..quarter
        };
        assert_eq!(changed.changed(&other, now()).unwrap_err().field, "drug");
        let stopped = changed.stop(d("2026-03-05")).unwrap();
        assert!(stopped.is_taken_on(d("2026-03-05")) && !stopped.is_taken_on(d("2026-03-06")));
        assert_eq!(stopped.stop(d("2026-03-06")).unwrap_err().field, "medicine");
        assert_eq!(m.stop(d("2025-01-01")).unwrap_err().field, "on");
        assert_eq!(m.draft().tablets, Some(0.5));
    }
}
