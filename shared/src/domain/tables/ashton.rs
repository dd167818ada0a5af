//! Ashton Manual equivalence table.
//!
//! Source: Ashton CH. Benzodiazepine Equivalence Table, in "Benzodiazepines: How They Work and
//! How to Withdraw" (the Ashton Manual), table page revised April 2007,
//! https://www.benzo.org.uk/bzequiv.htm — column "Approximately equivalent to diazepam 10 mg
//! (oral)". Eleven of these values (alprazolam, chlordiazepoxide, clonazepam, clorazepate,
//! diazepam, estazolam, flurazepam, lorazepam, oxazepam, temazepam, triazolam) are reproduced in
//! the "Ashton Manual" column of ASAM 2025 Table 7, which cites the same April 2007 page. The page
//! also lists halazepam, ketazolam, medazepam and quazepam, which Steady does not catalogue; it
//! gives no value for brotizolam, clotiazepam or ethyl loflazepate.

use super::super::catalogue::Molecule::*;
use super::{r, x, Table};

pub(crate) const TABLE: Table = Table {
    name: "Ashton Manual",
    source: "Ashton CH. Benzodiazepine Equivalence Table, Benzodiazepines: How They Work and \
             How to Withdraw (the Ashton Manual), revised April 2007, column \"approximately \
             equivalent to diazepam 10 mg\", https://www.benzo.org.uk/bzequiv.htm",
    values: &[
        (Alprazolam, x(0.5)),
        (Bromazepam, r(5.0, 6.0)),
        (Chlordiazepoxide, x(25.0)),
        (Clobazam, x(20.0)),
        (Clonazepam, x(0.5)),
        (Clorazepate, x(15.0)),
        (Diazepam, x(10.0)),
        (Estazolam, r(1.0, 2.0)),
        (Flunitrazepam, x(1.0)),
        (Flurazepam, r(15.0, 30.0)),
        (Loprazolam, r(1.0, 2.0)),
        (Lorazepam, x(1.0)),
        (Lormetazepam, r(1.0, 2.0)),
        (Nitrazepam, x(10.0)),
        (Oxazepam, x(20.0)),
        (Prazepam, r(10.0, 20.0)),
        (Temazepam, x(20.0)),
        (Triazolam, x(0.5)),
        (Zaleplon, x(20.0)),
        (Zolpidem, x(20.0)),
        (Zopiclone, x(15.0)),
        (Eszopiclone, x(3.0)),
    ],
};
