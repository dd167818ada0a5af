//! A dose as the patient took it: which substance, how much (in mg or as tablet fractions), prescribed
//! or not. Unknown strength stays unknown; it is never counted as zero.

use serde::{Deserialize, Serialize};

use super::catalogue::{lookup, EquivalenceTable, MgRange, Molecule};
use super::error::{optional_text, positive, Field, Problem, Rule, Valid, ValidationError};
use super::id::EntryId;
use super::time::{not_in_future, LocalInstant};

/// Largest single dose the diary accepts (anything above is a typo, e.g. 2000 for 2.000).
pub const MAX_DOSE_MG: f64 = 1000.0;
/// Smallest amount in mg the diary accepts: one microgram. The smallest real steps (a liquid
/// micro-taper's 0.01 mg, triazolam's 0.125 mg tablet quartered) are far above it; below it is
/// a slip or a corrupted number, which would make totals and chart scales meaningless.
pub const MIN_DOSE_MG: f64 = 0.001;
/// Largest number of tablets in one entry.
pub const MAX_TABLETS: f64 = 100.0;
/// Longest note on any entry, in characters.
pub const MAX_NOTE_CHARS: usize = 1000;

/// What was taken. `Unknown` is for street pills or anything the patient cannot name.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Substance {
    /// A molecule from the catalogue (brand names resolve to it). Named `Known`, not `Molecule`,
    /// so Kotlin's nested class does not hide the `Molecule` enum; stored as `molecule`.
    #[serde(rename = "molecule")]
    Known(Molecule),
    /// The patient does not know what it was.
    Unknown,
}

impl Substance {
    /// Display name: the molecule's INN or "unknown substance".
    pub fn name(self) -> &'static str {
        match self {
            Substance::Known(m) => m.name(),
            Substance::Unknown => "unknown substance",
        }
    }
}

/// How much was taken, as the patient counts it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Amount {
    /// Milligrams, e.g. from a liquid or a known total.
    Mg(f64),
    /// Tablets in quarters (½ = 2, ¼ = 1) of a strength, which may be unknown (street pills).
    Tablets { quarters: u32, strength_mg: Option<f64> },
}

impl Amount {
    /// Milligrams, or `None` when the strength is unknown.
    pub fn mg(self) -> Option<f64> {
        match self {
            Amount::Mg(mg) => Some(mg),
            Amount::Tablets { quarters, strength_mg } => strength_mg.map(|s| s * f64::from(quarters) / 4.0),
        }
    }

    /// Number of tablets (e.g. 0.75), if counted in tablets.
    pub fn tablets(self) -> Option<f64> {
        match self {
            Amount::Tablets { quarters, .. } => Some(f64::from(quarters) / 4.0),
            Amount::Mg(_) => None,
        }
    }
}

/// Whether the dose was part of the prescription; logged plainly, never judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Use {
    /// Taken as prescribed.
    Prescribed,
    /// Extra, bought, borrowed or otherwise outside the prescription.
    NonPrescribed,
}

/// A validated dose.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Dose {
    /// When it was taken, with the device's offset at that moment.
    #[serde(deserialize_with = "super::time::deserialize_instant")]
    pub taken_at: LocalInstant,
    /// What was taken.
    pub substance: Substance,
    /// How much.
    pub amount: Amount,
    /// Prescribed or not.
    #[serde(rename = "use")]
    pub use_: Use,
    /// The patient's note.
    pub note: Option<String>,
    /// The medicine (from the patient's list) this dose was logged for, if any.
    #[serde(default)]
    pub medicine: Option<EntryId>,
    /// True when "taken as usual" logged the taper plan's dose for that day (the entry says so).
    #[serde(default)]
    pub planned: bool,
    /// The name the patient typed when it differs from the molecule's INN (a brand, or what a
    /// street pill was sold as: "Xanax"), so an export can show what the patient called it
    /// (FHIR `Medication.code.text`). `None` when the INN or "unknown" was typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed_name: Option<String>,
}

impl Dose {
    /// Diazepam-equivalent range under `table`; `None` when strength, substance or the table's value
    /// is unknown.
    pub fn diazepam_equivalent(&self, table: EquivalenceTable) -> Option<MgRange> {
        match self.substance {
            Substance::Known(m) => table.diazepam_equivalent(m, self.amount.mg()?),
            Substance::Unknown => None,
        }
    }
}

/// A dose as typed in a shell, before validation.
#[derive(Clone, Default, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DoseDraft {
    /// When taken; `None` means now.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub taken_at: Option<LocalInstant>,
    /// Molecule or brand name, case-insensitive, or "unknown".
    pub drug: String,
    /// Amount in mg (exclusive with `tablets`).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub mg: Option<f64>,
    /// Number of tablets, in quarters (exclusive with `mg`).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub tablets: Option<f64>,
    /// Tablet strength; `None` = unknown (non-prescribed only).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub strength_mg: Option<f64>,
    /// True for non-prescribed use.
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub non_prescribed: bool,
    /// Free text.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub note: Option<String>,
    /// The medicine (from the patient's list) this dose is for, if any.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub medicine: Option<EntryId>,
}

impl DoseDraft {
    /// Validates every field against `now` (the device clock).
    pub fn validate(&self, now: LocalInstant) -> Valid<Dose> {
        let use_ = if self.non_prescribed { Use::NonPrescribed } else { Use::Prescribed };
        let substance = parse_substance(&self.drug)?;
        if substance == Substance::Unknown && use_ == Use::Prescribed {
            return Err(ValidationError::new(
                Field::Drug,
                Problem::not_allowed(Rule::UnknownOnlyNonPrescribed),
            ));
        }
        let amount = Amount::from_parts(self.mg, self.tablets, self.strength_mg, use_)?;
        Ok(Dose {
            taken_at: not_in_future(Field::TakenAt, self.taken_at.unwrap_or(now), now)?,
            substance,
            amount,
            use_,
            note: optional_text(Field::Note, self.note.as_deref(), MAX_NOTE_CHARS)?,
            medicine: self.medicine,
            planned: false,
            typed_name: typed_name(&self.drug, substance),
        })
    }
}

impl Amount {
    /// An amount as a form gives it: mg, or a number of tablets (whole quarters) of a strength.
    /// The strength may be unknown only outside the prescription (a street pill); never both mg and
    /// tablets. Shared by doses and the patient's medicines.
    pub fn from_parts(
        mg: Option<f64>,
        tablets: Option<f64>,
        strength_mg: Option<f64>,
        use_: Use,
    ) -> Valid<Amount> {
        match (mg, tablets) {
            (Some(mg), None) => {
                if strength_mg.is_some() {
                    return Err(ValidationError::new(
                        Field::StrengthMg,
                        Problem::not_allowed(Rule::StrengthGoesWithTablets),
                    ));
                }
                Ok(Amount::Mg(dose_mg(Field::Mg, mg)?))
            }
            (None, Some(tablets)) => {
                let quarters = quarters(positive(Field::Tablets, tablets, MAX_TABLETS)?)?;
                let strength_mg = match strength_mg {
                    Some(s) => Some(dose_mg(Field::StrengthMg, s)?),
                    None if use_ == Use::Prescribed => {
                        return Err(ValidationError::new(Field::StrengthMg, Problem::Required))
                    }
                    None => None,
                };
                let amount = Amount::Tablets { quarters, strength_mg };
                if amount.mg().is_some_and(|mg| mg > MAX_DOSE_MG) {
                    return Err(ValidationError::new(Field::Tablets, Problem::TooLarge { max: MAX_DOSE_MG }));
                }
                Ok(amount)
            }
            (Some(_), Some(_)) => {
                Err(ValidationError::new(Field::Mg, Problem::not_allowed(Rule::MgOrTabletsNotBoth)))
            }
            (None, None) => Err(ValidationError::new(Field::Mg, Problem::Required)),
        }
    }

    /// The amount as a form's three fields (mg, tablets, strength), to prefill one.
    pub fn parts(self) -> (Option<f64>, Option<f64>, Option<f64>) {
        match self {
            Amount::Mg(mg) => (Some(mg), None, None),
            Amount::Tablets { quarters, strength_mg } => (None, Some(f64::from(quarters) / 4.0), strength_mg),
        }
    }
}

/// An amount in mg (a dose, a tablet strength, a plan's start): positive, at least
/// [`MIN_DOSE_MG`] and at most [`MAX_DOSE_MG`].
pub fn dose_mg(field: Field, mg: f64) -> Valid<f64> {
    let mg = positive(field, mg, MAX_DOSE_MG)?;
    if mg < MIN_DOSE_MG {
        return Err(ValidationError::new(field, Problem::TooSmall { min: MIN_DOSE_MG }));
    }
    Ok(mg)
}

/// Resolves a molecule or brand name, or the word "unknown".
pub fn parse_substance(name: &str) -> Valid<Substance> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(ValidationError::new(Field::Drug, Problem::Required));
    }
    if trimmed.eq_ignore_ascii_case("unknown") {
        return Ok(Substance::Unknown);
    }
    lookup(trimmed).map(Substance::Known).ok_or_else(|| {
        ValidationError::new(Field::Drug, Problem::UnknownDrug { name: super::error::echo(trimmed) })
    })
}

/// The typed drug name worth keeping next to the substance: trimmed, and only when it is not just
/// the INN or the word "unknown" (case-insensitive), nor longer than a name can be.
fn typed_name(typed: &str, substance: Substance) -> Option<String> {
    let t = typed.trim();
    let same = match substance {
        Substance::Known(m) => t.eq_ignore_ascii_case(m.name()),
        Substance::Unknown => t.eq_ignore_ascii_case("unknown"),
    };
    (!same && !t.is_empty() && t.chars().count() <= MAX_TYPED_NAME_CHARS).then(|| t.to_owned())
}

/// Longest typed drug name kept (a brand or street name; longer text is not a name).
const MAX_TYPED_NAME_CHARS: usize = 80;

/// Converts a tablet count to quarters, rejecting anything finer than a quarter — including a tiny
/// positive count that would round to zero quarters (a dose of nothing).
fn quarters(tablets: f64) -> Valid<u32> {
    let q = tablets * 4.0;
    if (q - q.round()).abs() > 1e-9 || q.round() < 1.0 {
        return Err(ValidationError::new(Field::Tablets, Problem::NotAQuarter));
    }
    // Bounded by MAX_TABLETS, so the cast cannot truncate.
    Ok(q.round() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_back_bit_for_bit_from_the_store_s_json() {
        // serde_json's default float parser can be 1 ulp off (~10 % of values in this range); the
        // workspace enables float_roundtrip (found by fuzzing).
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..10_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mg = 0.001 + (x >> 11) as f64 / (1u64 << 53) as f64 * 999.0;
            let json = serde_json::to_string(&Amount::Mg(mg)).unwrap();
            assert_eq!(serde_json::from_str::<Amount>(&json).unwrap(), Amount::Mg(mg), "{json}");
        }
    }
    use chrono::DateTime;

    fn now() -> LocalInstant {
        DateTime::parse_from_rfc3339("2026-03-01T22:00:00+01:00").unwrap()
    }

    fn draft(drug: &str) -> DoseDraft {
        DoseDraft { drug: drug.into(), ..DoseDraft::default() }
    }

    fn problem(d: DoseDraft) -> (&'static str, Problem) {
        let e = d.validate(now()).unwrap_err();
        (e.field.key(), e.problem)
    }

    #[test]
    fn the_name_the_patient_typed_is_kept_unless_it_is_the_inn() {
        let np = |drug: &str| DoseDraft { tablets: Some(1.0), non_prescribed: true, ..draft(drug) };
        let xanax = np(" Xanax ").validate(now()).unwrap();
        assert_eq!(xanax.substance, Substance::Known(Molecule::Alprazolam));
        assert_eq!(xanax.typed_name.as_deref(), Some("Xanax"));
        assert_eq!(np("ALPRAZOLAM").validate(now()).unwrap().typed_name, None);
        assert_eq!(np("unknown").validate(now()).unwrap().typed_name, None);
        // Stored only when present, so older entries read back unchanged.
        assert!(!serde_json::to_string(&np("alprazolam").validate(now()).unwrap())
            .unwrap()
            .contains("typed"));
    }

    #[test]
    fn half_a_ten_mg_zolpidem_is_five_mg_and_two_and_a_half_de() {
        let dose = DoseDraft { tablets: Some(0.5), strength_mg: Some(10.0), ..draft("Stilnoct") }
            .validate(now())
            .unwrap();
        assert_eq!(dose.substance, Substance::Known(Molecule::Zolpidem));
        assert_eq!(dose.amount.mg(), Some(5.0));
        assert_eq!(dose.taken_at, now());
        let de = dose.diazepam_equivalent(EquivalenceTable::Ashton).unwrap();
        assert_eq!((de.low, de.high), (2.5, 2.5));
    }

    #[test]
    fn each_bad_amount_names_its_field() {
        assert_eq!(problem(DoseDraft { mg: Some(-1.0), ..draft("diazepam") }), ("mg", Problem::NotPositive));
        assert_eq!(
            problem(DoseDraft { mg: Some(f64::NAN), ..draft("diazepam") }),
            ("mg", Problem::NotANumber)
        );
        assert_eq!(
            problem(DoseDraft { mg: Some(1500.0), ..draft("diazepam") }),
            ("mg", Problem::TooLarge { max: 1000.0 })
        );
        assert_eq!(problem(draft("diazepam")), ("mg", Problem::Required));
        // Below a microgram is a slip, not a dose; a micro-taper's 0.01 mg is fine.
        assert_eq!(
            problem(DoseDraft { mg: Some(1e-300), ..draft("diazepam") }),
            ("mg", Problem::TooSmall { min: MIN_DOSE_MG })
        );
        assert_eq!(
            problem(DoseDraft { tablets: Some(1.0), strength_mg: Some(0.0005), ..draft("diazepam") }),
            ("strength_mg", Problem::TooSmall { min: MIN_DOSE_MG })
        );
        assert_eq!(
            DoseDraft { mg: Some(0.01), ..draft("diazepam") }.validate(now()).unwrap().amount.mg(),
            Some(0.01)
        );
        assert_eq!(
            problem(DoseDraft { tablets: Some(0.3), strength_mg: Some(2.0), ..draft("diazepam") }),
            ("tablets", Problem::NotAQuarter)
        );
        assert_eq!(
            problem(DoseDraft { tablets: Some(1.0), ..draft("diazepam") }),
            ("strength_mg", Problem::Required)
        );
        assert_eq!(
            problem(DoseDraft { tablets: Some(60.0), strength_mg: Some(20.0), ..draft("diazepam") }),
            ("tablets", Problem::TooLarge { max: 1000.0 })
        );
        assert_eq!(
            problem(DoseDraft { mg: Some(2.0), ..draft("aspirin") }),
            ("drug", Problem::UnknownDrug { name: "aspirin".into() })
        );
        assert_eq!(
            problem(DoseDraft { mg: Some(2.0), note: Some("x".repeat(1001)), ..draft("diazepam") }),
            ("note", Problem::TooLong { max: 1000 })
        );
        let tomorrow_night = DateTime::parse_from_rfc3339("2026-03-02T22:30:00+01:00").unwrap();
        assert_eq!(
            problem(DoseDraft { mg: Some(2.0), taken_at: Some(tomorrow_night), ..draft("diazepam") }),
            ("taken_at", Problem::InFuture)
        );
    }

    /// Found by the `parse_core` fuzz target: "0,00000000011" tablets passed the quarter check
    /// (within its rounding tolerance of 0) and became a stored dose of zero quarters, 0 mg.
    #[test]
    fn a_tablet_count_that_rounds_to_zero_quarters_is_refused() {
        for tiny in [1.1e-11, 1e-10, 5e-324] {
            assert_eq!(
                problem(DoseDraft { tablets: Some(tiny), strength_mg: Some(1.0), ..draft("diazepam") }),
                ("tablets", Problem::NotAQuarter),
                "{tiny}"
            );
        }
        let quarter = DoseDraft { tablets: Some(0.25), strength_mg: Some(1.0), ..draft("diazepam") };
        assert_eq!(quarter.validate(now()).unwrap().amount.tablets(), Some(0.25));
    }

    #[test]
    fn unknown_street_pill_is_logged_with_unknown_strength_and_no_de() {
        let pill =
            DoseDraft { tablets: Some(1.0), non_prescribed: true, ..draft("Xanax") }.validate(now()).unwrap();
        assert_eq!(pill.use_, Use::NonPrescribed);
        assert_eq!(pill.amount.mg(), None);
        assert_eq!(pill.diazepam_equivalent(EquivalenceTable::Ashton), None);

        let unknown = DoseDraft { tablets: Some(2.0), non_prescribed: true, ..draft("UNKNOWN") };
        assert_eq!(unknown.validate(now()).unwrap().substance, Substance::Unknown);
        let prescribed_unknown = DoseDraft { mg: Some(1.0), ..draft("unknown") };
        assert_eq!(problem(prescribed_unknown).0, "drug");
    }
}

crate::domain::redacted_debug!(Dose, DoseDraft);
