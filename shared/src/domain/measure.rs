//! Measures that every reader of the diary shares — the today screen, goal progress, summaries:
//! diazepam-equivalent totals that keep unknowns counted apart (never added as zero), prescribed
//! and non-prescribed kept apart, means and a least-squares slope.

use serde::Serialize;

use super::catalogue::{EquivalenceTable, MgRange};
use super::dose::{Dose, Substance, Use};

/// Diazepam-equivalent total of some doses: a range, plus how many doses had no known equivalent
/// (unknown strength, substance or table value) — counted, never added as zero.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeTotal {
    /// Lower end of the summed range, mg diazepam.
    pub low_mg: f64,
    /// Upper end, mg diazepam.
    pub high_mg: f64,
    /// Number of doses.
    pub doses: u32,
    /// Doses whose equivalent is unknown (unknown strength or substance, or no table value).
    pub unknown_doses: u32,
    /// Of `unknown_doses`, those of a known molecule and strength that the chosen table gives no
    /// value for: "no value in <table>", never "unknown strength", never 0 mg.
    pub no_value_doses: u32,
}

impl DeTotal {
    /// Adds one dose.
    pub fn add(&mut self, dose: &Dose, table: EquivalenceTable) {
        self.doses += 1;
        match dose.diazepam_equivalent(table) {
            Some(MgRange { low, high }) => {
                self.low_mg += low;
                self.high_mg += high;
            }
            None => {
                self.unknown_doses += 1;
                self.no_value_doses += u32::from(no_table_value(dose, table));
            }
        }
    }

    /// Doses of unknown strength or unknown substance (not those only missing a table value).
    pub fn unknown_strength_doses(&self) -> u32 {
        self.unknown_doses - self.no_value_doses
    }

    /// True when at least one dose has a diazepam equivalent: only then is a DE figure shown.
    pub fn has_de(&self) -> bool {
        self.doses > self.unknown_doses
    }

    /// The known part as a range.
    pub fn range(&self) -> MgRange {
        MgRange::new(self.low_mg, self.high_mg)
    }
}

/// True when the dose's molecule and mg are known but `table` gives that molecule no value.
pub fn no_table_value(dose: &Dose, table: EquivalenceTable) -> bool {
    match dose.substance {
        Substance::Known(m) => dose.amount.mg().is_some() && table.equivalent_to_10mg_diazepam(m).is_none(),
        Substance::Unknown => false,
    }
}

/// Prescribed and non-prescribed totals, always kept apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SplitTotal {
    /// As prescribed.
    pub prescribed: DeTotal,
    /// Outside the prescription.
    pub non_prescribed: DeTotal,
}

impl SplitTotal {
    /// Adds a dose to the side it belongs to.
    pub fn add(&mut self, dose: &Dose, table: EquivalenceTable) {
        match dose.use_ {
            Use::Prescribed => self.prescribed.add(dose, table),
            Use::NonPrescribed => self.non_prescribed.add(dose, table),
        }
    }
}

/// Mean of a non-empty sample.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Least-squares slope of `ys` over day indices 0, 1, 2 … , per week.
pub fn slope_per_week(ys: &[f64]) -> Option<f64> {
    let n = ys.len();
    if n < 2 {
        return None;
    }
    let xm = (n as f64 - 1.0) / 2.0;
    let ym = mean(ys)?;
    let (mut num, mut den) = (0.0, 0.0);
    for (i, y) in ys.iter().enumerate() {
        let dx = i as f64 - xm;
        num += dx * (y - ym);
        den += dx * dx;
    }
    Some(num / den * 7.0)
}
