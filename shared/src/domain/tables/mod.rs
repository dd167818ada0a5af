//! The published diazepam-equivalence tables, one file per source, each with its full citation
//! beside its numbers, so a clinician can check every value against the publication. Values are
//! mg of a molecule ≈ 10 mg oral diazepam; a molecule a source gives no value for is absent
//! (never guessed), and the summary then says "no value in <table>".

use super::catalogue::{MgRange, Molecule};

pub(crate) mod ashton;
pub(crate) mod dutch;
pub(crate) mod norwegian;
pub(crate) mod va_dod;

/// One table: its short name, full citation and values.
pub(crate) struct Table {
    /// Short name shown next to figures.
    pub name: &'static str,
    /// Full citation: document, edition/year, table number, URL.
    pub source: &'static str,
    /// (molecule, mg ≈ 10 mg diazepam).
    pub values: &'static [(Molecule, MgRange)],
}

pub(crate) const fn r(low: f64, high: f64) -> MgRange {
    MgRange::new(low, high)
}

pub(crate) const fn x(mg: f64) -> MgRange {
    MgRange::exact(mg)
}

/// A range published per 5 mg diazepam, doubled to the 10 mg reference every table here uses.
pub(crate) const fn per_5mg(low: f64, high: f64) -> MgRange {
    MgRange::new(low * 2.0, high * 2.0)
}
