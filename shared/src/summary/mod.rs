//! The content of a summary for a period, computed once from the diary (pure, no I/O) and rendered
//! many ways. Numbers are facts from the patient's entries; nothing here recommends a dose.

pub mod progress;
pub mod text;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::app::diary::Diary;
use crate::domain::{
    goal::gas_label, Dose, EntryBody, EquivalenceTable, Gad7Band, GoalKind, GoalStatus, MgRange, Substance,
    Use,
};

/// Which diazepam-equivalence table a figure used, with its source, so a reader can check it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRef {
    /// Stable key, e.g. "ashton".
    pub key: &'static str,
    /// Short name.
    pub name: &'static str,
    /// Full citation.
    pub source: &'static str,
}

impl From<EquivalenceTable> for TableRef {
    fn from(t: EquivalenceTable) -> Self {
        Self { key: t.key(), name: t.name(), source: t.source() }
    }
}

/// Diazepam-equivalent total of some doses: a range, plus how many doses had no known equivalent
/// (unknown strength, substance or table value) — counted, never added as zero.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct DeTotal {
    /// Lower end of the summed range, mg diazepam.
    pub low_mg: f64,
    /// Upper end, mg diazepam.
    pub high_mg: f64,
    /// Number of doses.
    pub doses: u32,
    /// Doses whose equivalent is unknown.
    pub unknown_doses: u32,
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
            None => self.unknown_doses += 1,
        }
    }
}

/// Prescribed and non-prescribed totals, always kept apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
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

/// One local day of the period (the JSON contract documented in README).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DaySummary {
    /// Local date.
    pub date: NaiveDate,
    /// Prescribed diazepam equivalents, low end (mg).
    pub de_low_mg: f64,
    /// Prescribed diazepam equivalents, high end (mg).
    pub de_high_mg: f64,
    /// Non-prescribed diazepam equivalents, low end (mg).
    pub nonprescribed_de_low_mg: f64,
    /// Non-prescribed diazepam equivalents, high end (mg).
    pub nonprescribed_de_high_mg: f64,
    /// Doses that day with no known equivalent (prescribed or not).
    pub unknown_doses: u32,
    /// Number of prescribed doses.
    pub prescribed_doses: u32,
    /// Number of non-prescribed doses.
    pub nonprescribed_doses: u32,
}

/// Totals per molecule over the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MoleculeTotal {
    /// INN, or "unknown substance".
    pub name: &'static str,
    /// WHO ATC code, when known.
    pub atc: Option<&'static str>,
    /// Sum of known mg.
    pub total_mg: f64,
    /// Doses counted.
    pub doses: u32,
    /// Doses of unknown strength.
    pub unknown_strength_doses: u32,
    /// Of which non-prescribed.
    pub nonprescribed_doses: u32,
}

/// Sleep over the period (means over nights with a value).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SleepSummary {
    /// Nights logged.
    pub nights: u32,
    /// Mean total sleep time, hours.
    pub mean_total_sleep_h: Option<f64>,
    /// Mean sleep efficiency, percent.
    pub mean_efficiency_percent: Option<f64>,
    /// Mean quality, 1 (very poor) … 5 (very good).
    pub mean_quality: Option<f64>,
    /// Mean number of awakenings.
    pub mean_awakenings: Option<f64>,
}

/// Anxiety over the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AnxietySummary {
    /// Ratings logged.
    pub ratings: u32,
    /// Mean 0–10 rating.
    pub mean: Option<f64>,
}

/// One GAD-7 result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gad7Point {
    /// Local date completed.
    pub date: NaiveDate,
    /// Total 0–21.
    pub total: u8,
    /// Severity band.
    pub band: Gad7Band,
}

/// One review of a goal.
#[derive(Clone, PartialEq, Serialize)]
pub struct ReviewLine {
    /// Local date.
    pub date: NaiveDate,
    /// GAS −2 … +2.
    pub gas: i8,
    /// GAS in words.
    pub gas_label: &'static str,
    /// "keep", "adjust" or "change".
    pub decision: &'static str,
    /// Patient's note.
    pub note: Option<String>,
}

/// A goal and its reviews.
#[derive(Clone, PartialEq, Serialize)]
pub struct GoalSummary {
    /// What matters, in the patient's words.
    pub what_matters: String,
    /// The treatment goal, structured.
    pub kind: GoalKind,
    /// The treatment goal in words.
    pub description: String,
    /// Lifecycle status.
    pub status: GoalStatus,
    /// Next review date.
    pub review_on: Option<NaiveDate>,
    /// Reviews within the period.
    pub reviews: Vec<ReviewLine>,
}

/// Everything a summary shows for one period.
#[derive(Clone, PartialEq, Serialize)]
pub struct Summary {
    /// First local date, inclusive.
    pub from: NaiveDate,
    /// Last local date, inclusive.
    pub to: NaiveDate,
    /// The equivalence table used for every DE figure.
    pub table: TableRef,
    /// Every day of the period, including days with no entry.
    pub days: Vec<DaySummary>,
    /// Totals per molecule.
    pub molecules: Vec<MoleculeTotal>,
    /// Period totals, prescribed and non-prescribed apart.
    pub totals: SplitTotal,
    /// Days with no dose of any kind.
    pub days_without_dose: u32,
    /// Sleep.
    pub sleep: SleepSummary,
    /// Anxiety ratings.
    pub anxiety: AnxietySummary,
    /// GAD-7 results in the period.
    pub gad7: Vec<Gad7Point>,
    /// Goals set on or before the end of the period.
    pub goals: Vec<GoalSummary>,
}

/// Mean of a non-empty sample.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Builds the summary for `from..=to` (inclusive local dates) under `table`.
pub fn build(diary: &Diary, from: NaiveDate, to: NaiveDate, table: EquivalenceTable) -> Summary {
    let mut per_day: BTreeMap<NaiveDate, SplitTotal> = BTreeMap::new();
    let mut molecules: BTreeMap<&'static str, MoleculeTotal> = BTreeMap::new();
    let mut totals = SplitTotal::default();
    let (mut tst, mut eff, mut quality, mut wakes, mut nights) = (vec![], vec![], vec![], vec![], 0);
    let mut anxiety = vec![];
    let mut gad7 = vec![];

    for entry in diary.between(from, to) {
        match &entry.body {
            EntryBody::Dose(d) => {
                per_day.entry(d.taken_at.date_naive()).or_default().add(d, table);
                totals.add(d, table);
                let m = molecules.entry(d.substance.name()).or_insert_with(|| MoleculeTotal {
                    name: d.substance.name(),
                    atc: match d.substance {
                        Substance::Molecule(m) => Some(m.atc()),
                        Substance::Unknown => None,
                    },
                    total_mg: 0.0,
                    doses: 0,
                    unknown_strength_doses: 0,
                    nonprescribed_doses: 0,
                });
                m.doses += 1;
                match d.amount.mg() {
                    Some(mg) => m.total_mg += mg,
                    None => m.unknown_strength_doses += 1,
                }
                m.nonprescribed_doses += u32::from(d.use_ == Use::NonPrescribed);
            }
            EntryBody::Sleep(s) => {
                nights += 1;
                tst.extend(s.total_sleep_min().map(|m| m as f64 / 60.0));
                eff.extend(s.efficiency_percent());
                quality.push(f64::from(s.quality.score()));
                wakes.extend(s.awakenings.map(f64::from));
            }
            EntryBody::Anxiety(a) => anxiety.push(f64::from(a.score)),
            EntryBody::Gad7(g) => {
                gad7.push(Gad7Point { date: g.at.date_naive(), total: g.total(), band: g.band() })
            }
            EntryBody::Goal(_) | EntryBody::Review(_) | EntryBody::Plan(_) => {}
        }
    }

    let days: Vec<DaySummary> = from
        .iter_days()
        .take_while(|d| *d <= to)
        .map(|date| {
            let t = per_day.get(&date).copied().unwrap_or_default();
            DaySummary {
                date,
                de_low_mg: t.prescribed.low_mg,
                de_high_mg: t.prescribed.high_mg,
                nonprescribed_de_low_mg: t.non_prescribed.low_mg,
                nonprescribed_de_high_mg: t.non_prescribed.high_mg,
                unknown_doses: t.prescribed.unknown_doses + t.non_prescribed.unknown_doses,
                prescribed_doses: t.prescribed.doses,
                nonprescribed_doses: t.non_prescribed.doses,
            }
        })
        .collect();
    let days_without_dose =
        days.iter().filter(|d| d.prescribed_doses + d.nonprescribed_doses == 0).count() as u32;

    Summary {
        from,
        to,
        table: table.into(),
        days,
        molecules: molecules.into_values().collect(),
        totals,
        days_without_dose,
        sleep: SleepSummary {
            nights,
            mean_total_sleep_h: mean(&tst),
            mean_efficiency_percent: mean(&eff),
            mean_quality: mean(&quality),
            mean_awakenings: mean(&wakes),
        },
        anxiety: AnxietySummary { ratings: anxiety.len() as u32, mean: mean(&anxiety) },
        gad7,
        goals: goals(diary, from, to),
    }
}

fn goals(diary: &Diary, from: NaiveDate, to: NaiveDate) -> Vec<GoalSummary> {
    diary
        .goals()
        .filter(|(_, g)| g.set_at.date_naive() <= to)
        .map(|(id, g)| GoalSummary {
            what_matters: g.what_matters.clone(),
            kind: g.kind.clone(),
            description: g.kind.describe(),
            status: g.status,
            review_on: g.review_on,
            reviews: diary
                .reviews_of(id)
                .filter(|(_, r)| (from..=to).contains(&r.at.date_naive()))
                .map(|(_, r)| ReviewLine {
                    date: r.at.date_naive(),
                    gas: r.gas,
                    gas_label: gas_label(r.gas),
                    decision: r.decision.key(),
                    note: r.note.clone(),
                })
                .collect(),
        })
        .collect()
}

crate::redacted_debug!(Summary, GoalSummary, ReviewLine);
