//! Records whose shape differs from the core's own types, so they are mirrored here: the summary
//! screen (a subset of a summary's content), the diary's status, and a recovery report (its folder
//! as a path string). Every other view is the core's type itself.

use chrono::NaiveDate;

use crate::domain::Keyed;
use crate::domain::{DeTotal, EntryId, EquivalenceTable, Integrity};
use crate::{Recovery, Summary, Texts, ViewModel};

/// One day of a summary.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct DayRow {
    pub date: NaiveDate,
    pub de_low_mg: f64,
    pub de_high_mg: f64,
    /// `None` when the patient hid non-prescribed use.
    pub nonprescribed_de_low_mg: Option<f64>,
    pub nonprescribed_de_high_mg: Option<f64>,
    pub unknown_doses: u32,
    pub planned_de_low_mg: Option<f64>,
    pub planned_de_high_mg: Option<f64>,
}

/// The summary screen: the figures a patient checks before sharing the file.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct SummaryScreen {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub table_name: String,
    pub table_source: String,
    pub days: Vec<DayRow>,
    pub prescribed: DeTotal,
    /// `None` when the patient hid non-prescribed use.
    pub non_prescribed: Option<DeTotal>,
    pub days_without_dose: u32,
    pub sleep_nights: u32,
    pub mean_sleep_h: Option<f64>,
    pub anxiety_ratings: u32,
    pub mean_anxiety: Option<f64>,
}

impl SummaryScreen {
    /// The screen for `s`, the table named in `t`'s language.
    pub fn new(s: &Summary, t: &Texts) -> Self {
        let table_name = EquivalenceTable::from_key(&s.table.key)
            .map_or_else(|| s.table.name.clone(), |k| t.table_name(k));
        SummaryScreen {
            from: s.from,
            to: s.to,
            table_name,
            table_source: s.table.source.clone(),
            days: s
                .days
                .iter()
                .map(|d| DayRow {
                    date: d.date,
                    de_low_mg: d.de_low_mg,
                    de_high_mg: d.de_high_mg,
                    nonprescribed_de_low_mg: d.nonprescribed_de_low_mg,
                    nonprescribed_de_high_mg: d.nonprescribed_de_high_mg,
                    unknown_doses: d.unknown_doses,
                    planned_de_low_mg: d.planned_de_low_mg,
                    planned_de_high_mg: d.planned_de_high_mg,
                })
                .collect(),
            prescribed: s.totals.prescribed,
            non_prescribed: s.totals.non_prescribed,
            days_without_dose: s.days_without_dose,
            sleep_nights: s.sleep.as_ref().map_or(0, |x| x.nights),
            mean_sleep_h: s.sleep.as_ref().and_then(|x| x.mean_total_sleep_h),
            anxiety_ratings: s.anxiety.as_ref().map_or(0, |x| x.ratings),
            mean_anxiety: s.anxiety.as_ref().and_then(|x| x.mean),
        }
    }
}

/// The diary as a whole: how many entries, which could not be read, the table in use.
#[derive(Clone, PartialEq, uniffi::Record)]
pub struct DiaryStatus {
    pub entry_count: u64,
    /// Records that failed authentication (shown as a warning; never deleted).
    pub damaged_ids: Vec<EntryId>,
    pub table: EquivalenceTable,
    /// What opening the diary found wrong with its entries (unreadable, missing, unexpected); the
    /// app must say so whenever it is not ok.
    pub integrity: Integrity,
}

impl From<ViewModel> for DiaryStatus {
    fn from(v: ViewModel) -> Self {
        Self {
            entry_count: v.entry_count as u64,
            damaged_ids: v.damaged,
            table: v.table,
            integrity: v.integrity,
        }
    }
}

/// What a recovery did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RecoveryReport {
    /// Entries copied into the new diary.
    pub recovered: u64,
    /// Ids of rows that could be read but failed authentication.
    pub damaged: Vec<EntryId>,
    /// Whether damaged pages were skipped (entries on them are lost).
    pub pages_lost: bool,
    /// The entries the diary's manifest lists that could not be recovered.
    pub lost: Vec<EntryId>,
    /// Of the recovered, entries read directly from pages the database could no longer reach.
    pub read_from_pages: u64,
    /// Folder where the damaged files are kept.
    pub kept_at: String,
}

impl From<Recovery> for RecoveryReport {
    fn from(r: Recovery) -> Self {
        Self {
            recovered: r.recovered as u64,
            damaged: r.damaged,
            pages_lost: r.pages_lost,
            lost: r.lost,
            read_from_pages: r.read_from_pages as u64,
            kept_at: r.kept_at.display().to_string(),
        }
    }
}

crate::domain::redacted_debug!(DayRow, SummaryScreen, DiaryStatus);
