//! Summary content for a fixed week, checked against figures computed by hand.

mod common;

use chrono::NaiveDate;
use common::{at, now};
use steady_core::app::diary::Diary;
use steady_core::domain::*;
use steady_core::summary::{self, text};

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
}

fn entry(body: EntryBody) -> Entry {
    Entry { id: EntryId::new(), body }
}

fn dose(when: &str, drug: &str, mg: Option<f64>, tablets: Option<f64>, non_prescribed: bool) -> Entry {
    let draft = DoseDraft {
        taken_at: Some(at(when)),
        drug: drug.into(),
        mg,
        tablets,
        non_prescribed,
        ..DoseDraft::default()
    };
    entry(EntryBody::Dose(draft.validate(now()).unwrap()))
}

fn sleep(day: u32, hours: f64, quality: i64) -> Entry {
    let draft = SleepDraft {
        night: Some(d(day)),
        hours: Some(hours),
        quality: Some(quality),
        ..SleepDraft::default()
    };
    entry(EntryBody::Sleep(draft.validate(now()).unwrap()))
}

fn anxiety(when: &str, score: i64) -> Entry {
    entry(EntryBody::Anxiety(AnxietyRating::new(at(when), score, None, now()).unwrap()))
}

/// 2–8 March 2026. Hand-computed under Ashton (lormetazepam 1–2 mg, alprazolam 0.5 mg, diazepam 10 mg
/// ≈ 10 mg diazepam):
/// - 2 Mar: lormetazepam 2 mg → 10–20 mg DE
/// - 3 Mar: lormetazepam 1.5 mg → 7.5–15 mg DE
/// - 5 Mar: diazepam 10 mg → 10 mg; non-prescribed alprazolam 0.5 mg → 10 mg; a street pill of unknown
///   strength → unknown (counted, not zero)
/// - 1 Mar (outside the period) and 9 Mar (outside) doses must not count.
fn week() -> Diary {
    Diary::from_entries(vec![
        dose("2026-03-01T22:30:00+01:00", "lormetazepam", Some(2.0), None, false),
        dose("2026-03-02T22:30:00+01:00", "Loramet", Some(2.0), None, false),
        dose("2026-03-03T22:30:00+01:00", "lormetazepam", Some(1.5), None, false),
        dose("2026-03-05T08:00:00+01:00", "diazepam", Some(10.0), None, false),
        dose("2026-03-05T20:00:00+01:00", "alprazolam", Some(0.5), None, true),
        dose("2026-03-05T23:00:00+01:00", "Xanax", None, Some(1.0), true),
        dose("2026-03-09T08:00:00+01:00", "diazepam", Some(10.0), None, false),
        sleep(2, 6.0, 2),
        sleep(3, 7.0, 3),
        sleep(4, 5.0, 4),
        anxiety("2026-03-02T12:00:00+01:00", 2),
        anxiety("2026-03-04T12:00:00+01:00", 4),
        anxiety("2026-03-04T18:00:00+01:00", 6),
        entry(EntryBody::Gad7(
            Gad7::new(at("2026-03-06T09:00:00+01:00"), &[2, 2, 2, 2, 2, 1, 1], now()).unwrap(),
        )),
    ])
}

#[test]
fn daily_de_ranges_match_hand_computation() {
    let s = summary::build(&week(), d(2), d(8), EquivalenceTable::Ashton);
    assert_eq!(s.days.len(), 7);
    let by_day = |day: u32| s.days.iter().find(|x| x.date == d(day)).unwrap();
    assert_eq!((by_day(2).de_low_mg, by_day(2).de_high_mg), (10.0, 20.0));
    assert_eq!((by_day(3).de_low_mg, by_day(3).de_high_mg), (7.5, 15.0));
    assert_eq!((by_day(4).de_low_mg, by_day(4).de_high_mg), (0.0, 0.0));
    let five = by_day(5);
    assert_eq!((five.de_low_mg, five.de_high_mg), (10.0, 10.0));
    assert_eq!((five.nonprescribed_de_low_mg, five.nonprescribed_de_high_mg), (10.0, 10.0));
    assert_eq!((five.unknown_doses, five.prescribed_doses, five.nonprescribed_doses), (1, 1, 2));
    assert_eq!(s.days_without_dose, 4, "4, 6, 7 and 8 March");
    assert_eq!((s.totals.prescribed.low_mg, s.totals.prescribed.high_mg), (27.5, 45.0));
    assert_eq!((s.totals.non_prescribed.doses, s.totals.non_prescribed.unknown_doses), (2, 1));
}

#[test]
fn per_molecule_totals_sleep_anxiety_and_gad7_match_hand_computation() {
    let s = summary::build(&week(), d(2), d(8), EquivalenceTable::Ashton);
    let lormet = s.molecules.iter().find(|m| m.name == "lormetazepam").unwrap();
    assert_eq!((lormet.total_mg, lormet.doses, lormet.atc), (3.5, 2, Some("N05CD06")));
    let alpra = s.molecules.iter().find(|m| m.name == "alprazolam").unwrap();
    assert_eq!(
        (alpra.total_mg, alpra.doses, alpra.unknown_strength_doses, alpra.nonprescribed_doses),
        (0.5, 2, 1, 2)
    );
    assert_eq!(s.sleep.nights, 3);
    assert_eq!(s.sleep.mean_total_sleep_h, Some(6.0));
    assert_eq!(s.sleep.mean_quality, Some(3.0));
    assert_eq!(s.sleep.mean_efficiency_percent, None, "no bed times logged");
    assert_eq!((s.anxiety.ratings, s.anxiety.mean), (3, Some(4.0)));
    assert_eq!(s.gad7.len(), 1);
    assert_eq!((s.gad7[0].total, s.gad7[0].band), (12, Gad7Band::Moderate));
}

#[test]
fn another_table_changes_the_figures_and_is_named() {
    let s = summary::build(&week(), d(2), d(3), EquivalenceTable::Dutch);
    assert_eq!(s.table.key, "dutch");
    // Dutch table: lormetazepam 1 mg ≈ 10 mg diazepam → 2 mg = 20, 1.5 mg = 15.
    assert_eq!((s.days[0].de_low_mg, s.days[1].de_low_mg), (20.0, 15.0));
}

#[test]
fn the_text_summary_fits_80_columns_and_shows_the_period_and_table() {
    let s = summary::build(&week(), d(2), d(8), EquivalenceTable::Ashton);
    let out = text::render(&s);
    assert!(out.contains("2026-03-02 to 2026-03-08 (7 days)"));
    assert!(out.contains("Ashton"));
    assert!(out.contains("1 of unknown strength"));
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
}

#[test]
fn json_has_the_documented_per_day_fields() {
    let s = summary::build(&week(), d(2), d(8), EquivalenceTable::Ashton);
    let json = serde_json::to_value(&s).unwrap();
    let day = &json["days"][3];
    assert_eq!(day["date"], "2026-03-05");
    for field in
        ["de_low_mg", "de_high_mg", "nonprescribed_de_low_mg", "nonprescribed_de_high_mg", "unknown_doses"]
    {
        assert!(day.get(field).is_some(), "missing {field}");
    }
    assert_eq!(day["unknown_doses"], 1);
    assert_eq!(json["sleep"]["mean_total_sleep_h"], 6.0);
    assert_eq!(json["anxiety"]["mean"], 4.0);
}
