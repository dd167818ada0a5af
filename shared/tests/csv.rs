//! CSV export: the file opens right in each language's spreadsheets (byte-order mark, separator,
//! decimal sign), says what the patient left out, and carries every sleep and GAD-7 item. The
//! independent re-read (Python's csv module) runs in tests/csv/check.sh.

mod common;

use chrono::NaiveDate;
use common::one_of_each;
use steady_core::domain::{Diary, EquivalenceTable, Hideable};
use steady_core::internals::csv;
use steady_core::summary::SummaryOptions;
use steady_core::{Lang, Texts};

fn export(lang: Lang, opts: &SummaryOptions) -> String {
    let diary = Diary::from_entries(one_of_each("a note, with a comma"));
    let (from, to) =
        (NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), NaiveDate::from_ymd_opt(2026, 3, 10).unwrap());
    let bytes = csv::render(&diary, from, to, EquivalenceTable::Ashton, opts, &Texts::new(lang)).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{lang:?}: no UTF-8 byte-order mark");
    String::from_utf8(bytes[3..].to_vec()).unwrap()
}

/// Splits a line made by the writer on `sep` (the test data puts no `sep` inside a quoted cell).
fn cells(line: &str, sep: char) -> Vec<String> {
    line.split(sep).map(|c| c.trim_matches('"').to_owned()).collect()
}

fn row(text: &str, kind: &str, sep: char) -> Vec<String> {
    let line =
        text.lines().find(|l| l.split(sep).nth(2) == Some(kind)).unwrap_or_else(|| panic!("{kind}: {text}"));
    cells(line, sep)
}

#[test]
fn english_keeps_commas_and_points_other_languages_use_semicolons_and_decimal_commas() {
    let en = export(Lang::En, &SummaryOptions::default());
    let header = cells(en.lines().nth(1).unwrap(), ',');
    assert_eq!(header.len(), 29, "{header:?}");
    let dose = row(&en, "dose", ',');
    assert_eq!(dose[6], "0.75", "{dose:?}");
    assert_eq!(dose[5], "1.5");
    for lang in [Lang::Fr, Lang::Nl, Lang::Nb] {
        let text = export(lang, &SummaryOptions::default());
        let header = cells(text.lines().nth(1).unwrap(), ';');
        assert_eq!(header.len(), 29, "{lang:?}: {header:?}");
        let kind = Texts::new(lang).t("entry-kind-dose");
        let dose = row(&text, &kind, ';');
        assert_eq!(dose[6], "0,75", "{lang:?}: {dose:?}");
        assert_eq!(dose[5], "1,5", "{lang:?}");
        assert!(text.lines().all(|l| l.matches(';').count() >= 28), "{lang:?}: every line has 29 cells");
    }
}

#[test]
fn the_first_line_says_what_was_left_out() {
    let all = export(Lang::En, &SummaryOptions::default());
    assert!(all.lines().next().unwrap().starts_with("Nothing left out by the patient"), "{all}");
    let opts =
        SummaryOptions { hide: [Hideable::Notes, Hideable::Sleep].into(), ..SummaryOptions::default() };
    let some = export(Lang::En, &opts);
    let first = some.lines().next().unwrap();
    assert!(
        first.starts_with("\"Left out by the patient:") && first.contains("notes") && first.contains("sleep"),
        "{first}"
    );
    assert!(!some.lines().any(|l| l.split(',').nth(2) == Some("sleep")), "{some}");
    assert_eq!(row(&some, "dose", ',')[28], "", "notes left out");
    let fr = export(Lang::Fr, &opts);
    assert!(fr.lines().next().unwrap().contains("notes"), "{fr}");
}

#[test]
fn every_sleep_and_gad7_item_has_its_column() {
    let en = export(Lang::En, &SummaryOptions::default());
    let sleep = row(&en, "sleep", ',');
    // value, into bed, tried, latency, awakenings, WASO, final awakening, out of bed, efficiency, quality
    assert_eq!(
        &sleep[11..21],
        ["6.5", "22:45", "", "20", "1", "15", "05:50", "06:45", "81.3", "4"],
        "{sleep:?}"
    );
    let gad = row(&en, "GAD-7", ',');
    assert_eq!(gad[11], "10");
    assert_eq!(&gad[21..28], ["1", "2", "1", "0", "3", "1", "2"], "{gad:?}");
    let fr = export(Lang::Fr, &SummaryOptions::default());
    let kind = Texts::new(Lang::Fr).t("entry-kind-sleep");
    assert_eq!(row(&fr, &kind, ';')[19], "81,3");
}
