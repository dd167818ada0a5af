//! One row per entry for every shell's history list: the entry's id, kind and diary day, and one
//! line in the patient's language saying what it is (the CLI adds its own columns around it; the
//! phones show it as a row, and get the entry's draft back to edit it).

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use super::words::Words;
use crate::domain::{Diary, Entry, EntryBody, EntryId, EntryKind, EquivalenceTable, Use};

/// A history row: the entry's id, kind and local moment, and its line.
#[derive(Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EntryRow {
    /// The entry's id (for edit and delete).
    pub id: EntryId,
    /// Which kind of entry.
    pub kind: EntryKind,
    /// The kind in the patient's language ("dose", "prise", "inname").
    pub kind_text: String,
    /// The diary day it counts for (a night's evening; a dose at 00:10 counts for the day before).
    pub date: NaiveDate,
    /// Local clock time (a night's bedtime, or 00:00).
    pub time: NaiveTime,
    /// The line, e.g. "lormetazepam ¾ × 2 mg (1.5 mg), prescribed, DE 7.5–15 mg".
    pub line: String,
    /// True for a non-prescribed dose (shown apart, never judged).
    pub non_prescribed: bool,
    /// The patient's note, if any.
    pub note: Option<String>,
}

crate::domain::redacted_debug!(EntryRow);

impl EntryRow {
    /// The row for `entry`, in `words`' language, with diazepam equivalents under `table`.
    pub(crate) fn of(entry: &Entry, diary: &Diary, words: &Words<'_>, table: EquivalenceTable) -> Self {
        let (_, time) = entry.body.local_moment();
        EntryRow {
            id: entry.id,
            kind: entry.body.kind(),
            kind_text: words.t.entry_kind(entry.body.kind()),
            date: diary.day_of(entry),
            time,
            line: words.entry(&entry.body, diary, table),
            non_prescribed: matches!(&entry.body, EntryBody::Dose(d) if d.use_ == Use::NonPrescribed),
            note: entry.body.note().map(str::to_owned),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DoseDraft, Lang};
    use crate::i18n::Texts;
    use chrono::DateTime;

    #[test]
    fn a_dose_reads_as_split_with_its_use_and_equivalent() {
        let now = DateTime::parse_from_rfc3339("2026-03-01T22:00:00+01:00").unwrap();
        let dose = DoseDraft {
            drug: "Loramet".into(),
            tablets: Some(1.5),
            strength_mg: Some(1.0),
            note: Some("late".into()),
            ..DoseDraft::default()
        }
        .validate(now)
        .unwrap();
        let entry = Entry { id: EntryId::new(), body: EntryBody::Dose(dose) };
        let diary = Diary::from_entries([entry.clone()]);
        let t = Texts::new(Lang::En);
        let row = EntryRow::of(&entry, &diary, &Words::new(&t), EquivalenceTable::Ashton);
        assert_eq!(row.line, "lormetazepam 1½ × 1 mg (1.5 mg), prescribed, DE 7.5–15 mg — “late”");
        assert_eq!((row.kind, row.non_prescribed), (EntryKind::Dose, false));
        assert_eq!(row.note.as_deref(), Some("late"));
        let fr = Texts::new(Lang::Fr);
        let row = EntryRow::of(&entry, &diary, &Words::new(&fr), EquivalenceTable::Ashton);
        assert!(row.line.contains("1,5"), "decimal comma in French: {}", row.line);
    }
}
