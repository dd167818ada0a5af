//! The raw entries of a period as CSV (RFC 4180, via the `csv` crate), for a clinician's
//! spreadsheet or a research form. Headers are in the clinician's language and the file opens as
//! that language's spreadsheets expect: a UTF-8 byte-order mark (so LibreOffice and Excel read
//! accents right), `,` between cells and `.` decimals in English, `;` and `,` decimals in French,
//! Dutch and Norwegian (their spreadsheets use `,` as the decimal sign). Dates stay ISO. Every cell
//! that a spreadsheet could run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is
//! prefixed with `'` (OWASP, "CSV Injection"). What the patient hid is left out here too, and the
//! first line says so, so a reader never takes a missing row for a missing event.

use chrono::NaiveDate;

use super::{is_hidden, SummaryOptions};
use crate::domain::Diary;
use crate::domain::Hideable;
use crate::domain::{EntryBody, EquivalenceTable, Lang, Substance, Use};
use crate::i18n::Texts;

/// Number of columns in every line (the first line, the header and every row).
const WIDTH: usize = 29;

/// Column message ids, in order.
const COLUMNS: [&str; WIDTH] = [
    "csv-date",
    "csv-time",
    "csv-kind",
    "csv-substance",
    "csv-atc",
    "csv-amount-mg",
    "csv-tablets",
    "csv-strength-mg",
    "csv-prescribed",
    "csv-de-low-mg",
    "csv-de-high-mg",
    "csv-value",
    "csv-sleep-in-bed",
    "csv-sleep-tried",
    "csv-sleep-latency-min",
    "csv-sleep-awakenings",
    "csv-sleep-waso-min",
    "csv-sleep-final-awakening",
    "csv-sleep-out-of-bed",
    "csv-sleep-efficiency",
    "csv-sleep-quality",
    "csv-gad7-item-1",
    "csv-gad7-item-2",
    "csv-gad7-item-3",
    "csv-gad7-item-4",
    "csv-gad7-item-5",
    "csv-gad7-item-6",
    "csv-gad7-item-7",
    "csv-note",
];

/// First column of the sleep items, then of the GAD-7 items, and the note column.
const SLEEP: usize = 12;
const GAD7: usize = 21;
const NOTE: usize = 28;

/// UTF-8 byte-order mark: spreadsheets guess a legacy code page without it.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Cell separator and decimal sign a spreadsheet in `lang` expects: `,` and `.` in English; `;` and
/// `,` in French, Dutch and Norwegian, where `,` is the decimal sign.
pub fn separators(lang: Lang) -> (u8, char) {
    match lang {
        Lang::En => (b',', '.'),
        Lang::Fr | Lang::Nl | Lang::Nb => (b';', ','),
    }
}

/// Neutralises a cell a spreadsheet would otherwise evaluate.
pub fn defuse(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// A number rounded to 3 decimals with the language's decimal sign (empty when absent).
fn num(v: Option<f64>, decimal: char) -> String {
    v.map(|v| format!("{}", (v * 1000.0).round() / 1000.0).replace('.', &decimal.to_string()))
        .unwrap_or_default()
}

/// Renders `from..=to` as CSV bytes (UTF-8 with a byte-order mark, CRLF line ends): a first line
/// that says what the patient left out (or that nothing was), the header, one row per entry.
pub fn render(
    diary: &Diary,
    from: NaiveDate,
    to: NaiveDate,
    table: EquivalenceTable,
    opts: &SummaryOptions,
    t: &Texts,
) -> Result<Vec<u8>, csv::Error> {
    let (delimiter, decimal) = separators(t.lang());
    let num = |v: Option<f64>| num(v, decimal);
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    let hidden: Vec<Hideable> = opts.hide.iter().copied().collect();
    let goals = u32::try_from(opts.hidden_goals.len()).unwrap_or(u32::MAX);
    let mut first: [String; WIDTH] = Default::default();
    first[0] = t.left_out(&hidden, goals).unwrap_or_else(|| t.t("csv-left-out-none"));
    w.write_record(first.iter().map(|c| defuse(c)))?;
    w.write_record(COLUMNS.iter().map(|id| defuse(&t.t(id))))?;
    let show_notes = !opts.hide.contains(&Hideable::Notes);
    for e in diary.between(from, to) {
        let hidden_goal = matches!(&e.body, EntryBody::Goal(_) if opts.hidden_goals.contains(&e.id));
        if is_hidden(&e.body, opts) || hidden_goal {
            continue;
        }
        let kind = e.body.kind();
        let (date, time) = e.body.local_moment();
        let mut row: [String; WIDTH] = Default::default();
        row[0] = date.to_string();
        row[1] = time.format("%H:%M").to_string();
        row[2] = t.entry_kind(kind);
        match &e.body {
            EntryBody::Dose(d) => {
                row[3] = match d.substance {
                    Substance::Known(m) => t.molecule(m),
                    Substance::Unknown => t.t("unknown-substance"),
                };
                row[4] = match d.substance {
                    Substance::Known(m) => m.atc().to_owned(),
                    Substance::Unknown => String::new(),
                };
                row[5] = num(d.amount.mg());
                row[6] = num(d.amount.tablets());
                if let crate::domain::Amount::Tablets { strength_mg, .. } = d.amount {
                    row[7] = num(strength_mg);
                }
                row[8] = t.yes_no(d.use_ == Use::Prescribed);
                let de = d.diazepam_equivalent(table);
                row[9] = num(de.map(|r| r.low));
                row[10] = num(de.map(|r| r.high));
                // Empty DE cells are never zero: the value column says why they are empty.
                if crate::domain::measure::no_table_value(d, table) {
                    row[11] = t.t_args("de-no-value", &[("table", t.table_name(table).into())]);
                } else if d.amount.mg().is_none() {
                    row[11] = t.t("unknown-strength");
                }
            }
            EntryBody::Sleep(s) => {
                row[11] = num(s.total_sleep_min().map(|m| m as f64 / 60.0));
                let clock = |v: Option<chrono::NaiveTime>| v.map(|v| v.format("%H:%M").to_string());
                let whole = |v: Option<u16>| v.map(|v| v.to_string());
                let items = [
                    clock(s.in_bed),
                    clock(s.tried_to_sleep),
                    whole(s.latency_min),
                    s.awakenings.map(|v| v.to_string()),
                    whole(s.waso_min),
                    clock(s.final_awakening),
                    clock(s.out_of_bed),
                    s.efficiency_percent().map(|v| num(Some((v * 10.0).round() / 10.0))),
                    Some(s.quality.score().to_string()),
                ];
                for (i, item) in items.into_iter().enumerate() {
                    row[SLEEP + i] = item.unwrap_or_default();
                }
            }
            EntryBody::Anxiety(a) => row[11] = a.score.to_string(),
            EntryBody::Gad7(g) => {
                row[11] = g.total().to_string();
                for (i, item) in g.items.iter().enumerate() {
                    row[GAD7 + i] = item.to_string();
                }
            }
            EntryBody::Goal(g) => row[11] = format!("{} — {}", t.goal_kind(&g.kind), g.what_matters),
            EntryBody::Review(r) => row[11] = r.gas.to_string(),
            EntryBody::Plan(p) => {
                row[3] = t.molecule(p.molecule);
                row[4] = p.molecule.atc().to_owned();
                row[5] = num(Some(p.start_mg));
            }
            EntryBody::Question(q) => row[11] = q.text.clone(),
            EntryBody::Medicine(m) => {
                let regimen = m.regimen_on(date).unwrap_or(m.current());
                row[3] = t.molecule(m.molecule);
                row[4] = m.molecule.atc().to_owned();
                row[5] = num(regimen.amount.mg());
                row[6] = num(regimen.amount.tablets());
                if let crate::domain::Amount::Tablets { strength_mg, .. } = regimen.amount {
                    row[7] = num(strength_mg);
                }
                row[8] = t.yes_no(m.use_ == Use::Prescribed);
                let times: Vec<String> =
                    regimen.times.iter().map(|t| t.format("%H:%M").to_string()).collect();
                row[11] = format!("{} — {}", m.name, times.join(" "));
            }
            EntryBody::Skip(skip) => {
                if let Some(EntryBody::Medicine(m)) = diary.get(skip.medicine).map(|e| &e.body) {
                    row[3] = t.molecule(m.molecule);
                    row[4] = m.molecule.atc().to_owned();
                }
            }
            EntryBody::Settings(_) => continue,
        }
        if show_notes {
            row[NOTE] = e.body.note().unwrap_or_default().to_owned();
        }
        w.write_record(row.iter().map(|c| defuse(c)))?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused_and_plain_ones_kept() {
        for bad in ["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(defuse(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(defuse("lormetazepam"), "lormetazepam");
        assert_eq!(defuse("2.5"), "2.5");
        assert_eq!(defuse(""), "");
    }
}
