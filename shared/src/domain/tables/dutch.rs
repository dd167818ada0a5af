//! Dutch conversion table ("omrekentabel naar diazepam").
//!
//! Source: Novadic-Kentron (Dutch addiction care), Kennisbank verwijzers, Benzodiazepines,
//! "Ontwenningsschema en omrekentabel", section 2 "Omrekentabel naar Diazepam" (example dose,
//! equivalent diazepam dose, conversion factor);
//! https://www.novadic-kentron.nl/verwijzers-en-professionals/kennisbank-verwijzers/benzodiazepines/ontwenningsschema-en-omrekentabel/
//! Each row gives an example dose and its diazepam equivalent; the value here is the example dose
//! scaled to 10 mg diazepam (e.g. chlordiazepoxide 30 mg ≙ 15 mg diazepam → 20 mg; clorazepate
//! 20 mg ≙ 15 mg → 13.3 mg; lorazepam 2.5 mg ≙ 12.5 mg → 2 mg). Only the rows from alprazolam to
//! lormetazepam could be read offline; the table's later rows (nitrazepam, oxazepam, temazepam,
//! zolpidem, zopiclone…) could not be verified and are left out (no value) rather than guessed.
//! Ketazolam (60 mg ≙ 10 mg) is not catalogued by Steady. The national tables (NHG-Standaard
//! Slaapproblemen en slaapmiddelen 2014, KNMP, Farmacotherapeutisch Kompas) could not be read
//! offline and are not used.

use super::super::catalogue::Molecule::*;
use super::{x, Table};

pub(crate) const TABLE: Table = Table {
    name: "Dutch table",
    source: "Novadic-Kentron, Ontwenningsschema en omrekentabel, 2. Omrekentabel naar Diazepam \
             (example doses scaled to 10 mg diazepam), \
             https://www.novadic-kentron.nl/verwijzers-en-professionals/kennisbank-verwijzers/\
             benzodiazepines/ontwenningsschema-en-omrekentabel/",
    values: &[
        (Alprazolam, x(1.0)),
        (Bromazepam, x(10.0)),
        (Brotizolam, x(0.25)),
        (Chlordiazepoxide, x(20.0)),
        (Clobazam, x(20.0)),
        (Clonazepam, x(0.5)),
        (Clorazepate, x(20.0 * 10.0 / 15.0)),
        (Diazepam, x(10.0)),
        (Flunitrazepam, x(1.0)),
        (Flurazepam, x(30.0)),
        (Loprazolam, x(1.0)),
        (Lorazepam, x(2.5 * 10.0 / 12.5)),
        (Lormetazepam, x(1.0)),
    ],
};
