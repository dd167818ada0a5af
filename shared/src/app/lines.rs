//! One line per entry, written once for every shell's history list: what was taken and how much
//! (tablets as split, mg, prescribed or not, diazepam equivalents under the chosen table), the night,
//! the score, the goal in the patient's words. The CLI adds its own columns (id, date, kind) around
//! it; the phones show it as a row.

use std::fmt::Write;

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use crate::domain::goal::gas_label;
use crate::domain::{
    amount_text, mg_text, round1, Dose, Entry, EntryBody, EntryId, EntryKind, EquivalenceTable, Keyed,
    MgRange, Use,
};

/// A history row: the entry's id, kind and local moment, and its line.
#[derive(Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EntryRow {
    /// The entry's id (for edit and delete).
    pub id: EntryId,
    /// Which kind of entry.
    pub kind: EntryKind,
    /// Local date (a night's evening).
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
    /// The row for `entry`, with diazepam equivalents under `table`.
    pub fn of(entry: &Entry, table: EquivalenceTable) -> Self {
        let (date, time) = entry.body.local_moment();
        EntryRow {
            id: entry.id,
            kind: entry.body.kind(),
            date,
            time,
            line: describe(&entry.body, table),
            non_prescribed: matches!(&entry.body, EntryBody::Dose(d) if d.use_ == Use::NonPrescribed),
            note: entry.body.note().map(str::to_owned),
        }
    }
}

/// A range of mg collapsed when both ends round alike: "10", "10–20".
pub fn mg_range_text(range: MgRange) -> String {
    if (range.high - range.low).abs() < 0.05 {
        round1(range.low)
    } else {
        format!("{}–{}", round1(range.low), round1(range.high))
    }
}

/// "DE 10–20 mg", or "DE unknown" when strength, substance or the table's value is unknown.
pub fn de_text(de: Option<MgRange>) -> String {
    de.map_or_else(|| "DE unknown".into(), |range| format!("DE {} mg", mg_range_text(range)))
}

/// "prescribed" or "non-prescribed".
pub fn use_label(use_: Use) -> &'static str {
    match use_ {
        Use::Prescribed => "prescribed",
        Use::NonPrescribed => "non-prescribed",
    }
}

/// "1 dose", "2 doses".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn dose_text(d: &Dose, table: EquivalenceTable) -> String {
    let amount = amount_text(d.amount.mg(), d.amount.tablets());
    let de = de_text(d.diazepam_equivalent(table));
    format!("{} {amount}, {}, {de}", d.substance.name(), use_label(d.use_))
}

fn note_suffix(note: Option<&str>) -> String {
    note.map(|n| format!(" — \"{n}\"")).unwrap_or_default()
}

/// What an entry says, in one line.
pub fn describe(body: &EntryBody, table: EquivalenceTable) -> String {
    match body {
        EntryBody::Dose(d) => format!("{}{}", dose_text(d, table), note_suffix(d.note.as_deref())),
        EntryBody::Sleep(s) => {
            let mut t = String::new();
            if let Some(min) = s.total_sleep_min() {
                let _ = write!(t, "{} h asleep, ", round1(min as f64 / 60.0));
            }
            let _ = write!(t, "quality {}/5 ({})", s.quality.score(), s.quality.label());
            if let (Some(a), Some(b)) = (s.in_bed, s.out_of_bed) {
                let _ = write!(t, ", in bed {}–{}", a.format("%H:%M"), b.format("%H:%M"));
            }
            if let Some(l) = s.latency_min {
                let _ = write!(t, ", {l} min to fall asleep");
            }
            if let Some(a) = s.awakenings {
                let _ = write!(t, ", {}", plural(usize::from(a), "awakening", "awakenings"));
            }
            if let Some(w) = s.waso_min {
                let _ = write!(t, " ({w} min awake)");
            }
            if let Some(e) = s.efficiency_percent() {
                let _ = write!(t, ", efficiency {} %", e.round());
            }
            t + &note_suffix(s.note.as_deref())
        }
        EntryBody::Anxiety(a) => format!("{}/10{}", a.score, note_suffix(a.note.as_deref())),
        EntryBody::Gad7(g) => {
            let items: Vec<String> = g.items.iter().map(u8::to_string).collect();
            format!("total {} ({}); items {}", g.total(), g.band().label(), items.join(","))
        }
        EntryBody::Goal(g) => format!("{} — \"{}\"", g.kind.describe(), g.what_matters),
        EntryBody::Review(r) => format!(
            "of goal {}: GAS {:+} ({}), decision {}{}",
            r.goal.short(),
            r.gas,
            gas_label(r.gas),
            r.decision.key(),
            note_suffix(r.note.as_deref())
        ),
        EntryBody::Question(q) => {
            format!("\"{}\"{}", q.text, if q.discussed { " (discussed)" } else { "" })
        }
        EntryBody::Plan(p) => {
            let state = match (&p.ended, p.is_holding()) {
                (Some(end), _) => format!(" (ended {})", end.on),
                (None, true) => " (holding)".to_owned(),
                (None, false) => String::new(),
            };
            format!(
                "taper {} from {} mg, −{} % every {} days{state}",
                p.molecule.name(),
                mg_text(p.start_mg),
                mg_text(p.percent),
                p.interval_days
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DoseDraft;
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
        let row = EntryRow::of(&entry, EquivalenceTable::Ashton);
        assert_eq!(row.line, "lormetazepam 1½ × 1 mg (1.5 mg), prescribed, DE 7.5–15 mg — \"late\"");
        assert_eq!((row.kind, row.non_prescribed), (EntryKind::Dose, false));
        assert_eq!(row.note.as_deref(), Some("late"));
    }
}
