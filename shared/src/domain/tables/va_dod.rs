//! VA/DoD equivalence values as published in ASAM's 2025 guideline.
//!
//! Source: American Society of Addiction Medicine. The ASAM Joint Clinical Practice Guideline on
//! Benzodiazepine Tapering (2025), Table 7 "Benzodiazepine Approximate Dose Equivalents to 10 mg
//! Oral Diazepam", column "US Department of Veterans Affairs (VA)/US Department of Defense (DoD)
//! SUD CPG (2021)"; https://www.asam.org/quality-care/clinical-guidelines/benzodiazepine-tapering
//! (pocket guide: https://eguideline.guidelinecentral.com/i/1532950/18). That column has twelve
//! rows; quazepam (10 mg) is not catalogued by Steady, so eleven are here. It gives no value for
//! bromazepam, clobazam, flunitrazepam, loprazolam, lormetazepam, nitrazepam, prazepam or any
//! Z-drug. The VA/DoD SUD CPG 2021 itself could not be read offline; the values are ASAM's copy.

use super::super::catalogue::Molecule::*;
use super::{x, Table};

pub(crate) const TABLE: Table = Table {
    name: "VA/DoD",
    source: "ASAM Joint Clinical Practice Guideline on Benzodiazepine Tapering (American Society \
             of Addiction Medicine, 2025), Table 7 \"Benzodiazepine Approximate Dose Equivalents \
             to 10 mg Oral Diazepam\", column US Department of Veterans Affairs / Department of \
             Defense SUD CPG (2021), \
             https://www.asam.org/quality-care/clinical-guidelines/benzodiazepine-tapering",
    values: &[
        (Alprazolam, x(1.0)),
        (Chlordiazepoxide, x(25.0)),
        (Clonazepam, x(1.0)),
        (Clorazepate, x(15.0)),
        (Diazepam, x(10.0)),
        (Estazolam, x(1.0)),
        (Flurazepam, x(15.0)),
        (Lorazepam, x(2.0)),
        (Oxazepam, x(30.0)),
        (Temazepam, x(15.0)),
        (Triazolam, x(0.25)),
    ],
};
