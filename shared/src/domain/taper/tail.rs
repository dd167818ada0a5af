//! The taper tail: a formulation beyond split tablets that lets a plan keep cutting a percentage of
//! the current dose once the tablets can no longer make such a cut (issue 14, "Every taper ends in a
//! cliff"). Quarter tablets of 0.25 mg cannot go from 0.25 mg to anything but 0; an oral liquid
//! measured with a syringe, or doses a pharmacy compounds (tapering strips, as Dutch pharmacies
//! supply), can.
//!
//! A tail only offers finer doses; the patient and clinician choose whether to use one. Steady
//! never recommends a formulation.

use serde::{Deserialize, Serialize};

use super::super::error::{positive, Field, Problem, Rule, Valid, ValidationError};
use super::super::tablets::{to_mg, to_units};

/// Strongest oral liquid accepted, mg per ml (clonazepam drops are 2.5 mg/ml; more is a typo).
pub const MAX_MG_PER_ML: f64 = 100.0;
/// Largest "smallest volume" accepted, ml (an oral syringe measures 0.1 ml or less).
pub const MAX_MIN_ML: f64 = 10.0;
/// Coarsest compounded resolution accepted, mg.
pub const MAX_STEP_MG: f64 = 10.0;
/// Finest resolution a tail may give, mg (one microgram, like tablet strengths).
pub const MIN_RESOLUTION_MG: f64 = 0.001;

/// A formulation the plan continues with when the tablets allow no cut of about the plan's
/// percentage.
#[derive(Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Tail {
    /// An oral solution: any dose that is a whole number of `min_ml` volumes.
    Liquid {
        /// Strength of the solution, mg per ml.
        mg_per_ml: f64,
        /// Smallest volume the patient can measure (the syringe's graduation), ml.
        min_ml: f64,
    },
    /// Pharmacy-made doses or tapering strips: any dose that is a multiple of `step_mg`.
    Compounded {
        /// Resolution the pharmacy supplies, mg.
        step_mg: f64,
    },
}

impl Tail {
    /// Stable key for exports and shells.
    pub fn key(self) -> &'static str {
        match self {
            Tail::Liquid { .. } => "liquid",
            Tail::Compounded { .. } => "compounded",
        }
    }

    /// The smallest dose difference the tail can make, mg.
    pub fn resolution_mg(self) -> f64 {
        match self {
            Tail::Liquid { mg_per_ml, min_ml } => mg_per_ml * min_ml,
            Tail::Compounded { step_mg } => step_mg,
        }
    }

    /// The resolution in the engine's units (quarter micrograms), at least one.
    pub(crate) fn resolution_units(self) -> u64 {
        to_units(self.resolution_mg()).max(1)
    }

    /// The volume of liquid for `dose_mg`, ml (`None` for compounded doses).
    pub fn ml_for(self, dose_mg: f64) -> Option<f64> {
        match self {
            Tail::Liquid { mg_per_ml, .. } if mg_per_ml > 0.0 => Some(dose_mg / mg_per_ml),
            _ => None,
        }
    }

    /// Checks each number against its range, naming the field at fault; the resolution must be at
    /// least a microgram.
    pub fn validate(self) -> Valid<Tail> {
        let tail = match self {
            Tail::Liquid { mg_per_ml, min_ml } => Tail::Liquid {
                mg_per_ml: positive(Field::TailMgPerMl, mg_per_ml, MAX_MG_PER_ML)?,
                min_ml: positive(Field::TailMinMl, min_ml, MAX_MIN_ML)?,
            },
            Tail::Compounded { step_mg } => {
                Tail::Compounded { step_mg: positive(Field::TailStepMg, step_mg, MAX_STEP_MG)? }
            }
        };
        let field = match tail {
            Tail::Liquid { .. } => Field::TailMinMl,
            Tail::Compounded { .. } => Field::TailStepMg,
        };
        let resolution = tail.resolution_mg();
        if to_mg(to_units(resolution)) < MIN_RESOLUTION_MG - 1e-12 {
            return Err(ValidationError::new(field, Problem::TooSmall { min: MIN_RESOLUTION_MG }));
        }
        // Like a tablet strength: every planned dose is a whole number of these, exactly, so the
        // volume shown for a liquid step is a whole number of the syringe's graduations.
        let micrograms = resolution * 1000.0;
        if (micrograms - micrograms.round()).abs() > 1e-6 {
            return Err(ValidationError::new(field, Problem::inconsistent(Rule::TailDoseInWholeMicrograms)));
        }
        Ok(tail)
    }
}

crate::domain::redacted_debug!(Tail);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bad_number_names_its_field() {
        let liquid = |mg_per_ml, min_ml| Tail::Liquid { mg_per_ml, min_ml }.validate();
        assert_eq!(liquid(0.4, 0.1).map(Tail::resolution_mg).map(|r| (r * 1e6).round()), Ok(40_000.0));
        assert_eq!(liquid(0.0, 0.1).unwrap_err().field, "tail_mg_per_ml");
        assert_eq!(liquid(101.0, 0.1).unwrap_err().problem, Problem::TooLarge { max: 100.0 });
        assert_eq!(liquid(1.0, f64::NAN).unwrap_err().problem, Problem::NotANumber);
        assert_eq!(liquid(1.0, 11.0).unwrap_err().field, "tail_min_ml");
        assert_eq!(liquid(0.001, 0.1).unwrap_err().problem, Problem::TooSmall { min: 0.001 });
        let compounded = |step_mg| Tail::Compounded { step_mg }.validate();
        assert_eq!(compounded(0.05), Ok(Tail::Compounded { step_mg: 0.05 }));
        assert_eq!(compounded(-0.05).unwrap_err().field, "tail_step_mg");
        assert_eq!(compounded(0.0001).unwrap_err().problem, Problem::TooSmall { min: 0.001 });
        assert_eq!(compounded(10.5).unwrap_err().problem, Problem::TooLarge { max: 10.0 });
        // A smallest dose finer than a microgram cannot be planned exactly (1.234 mg/ml × 0.3 ml).
        let odd = Problem::inconsistent(Rule::TailDoseInWholeMicrograms);
        assert_eq!(liquid(1.234, 0.3).unwrap_err(), ValidationError::new(Field::TailMinMl, odd.clone()));
        assert_eq!(compounded(0.0125).unwrap_err(), ValidationError::new(Field::TailStepMg, odd));
        assert!(liquid(2.5, 0.05).is_ok() && liquid(0.4, 0.1).is_ok() && compounded(0.125).is_ok());
        assert_eq!(Tail::Liquid { mg_per_ml: 0.4, min_ml: 0.1 }.ml_for(0.2), Some(0.5));
        assert_eq!(Tail::Compounded { step_mg: 0.05 }.ml_for(0.2), None);
    }
}
