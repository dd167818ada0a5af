//! Summary content for a fixed week, checked against figures computed by hand.

mod common;

use chrono::NaiveDate;
use common::{at, now};
use std::collections::BTreeSet;
use steady_core::domain::Diary;
use steady_core::domain::*;
use steady_core::internals::{csv, pdf, text};
use steady_core::summary::{self, SummaryOptions};
use steady_core::{Lang, Texts};

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
    assert_eq!((five.nonprescribed_de_low_mg, five.nonprescribed_de_high_mg), (Some(10.0), Some(10.0)));
    assert_eq!((five.unknown_doses, five.prescribed_doses, five.nonprescribed_doses), (1, 1, Some(2)));
    assert_eq!(s.days_without_dose, 4, "4, 6, 7 and 8 March");
    assert_eq!((s.totals.prescribed.low_mg, s.totals.prescribed.high_mg), (27.5, 45.0));
    let np = s.totals.non_prescribed.unwrap();
    assert_eq!((np.doses, np.unknown_doses), (2, 1));
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
    let sleep = s.sleep.as_ref().unwrap();
    assert_eq!(sleep.nights, 3);
    assert_eq!(sleep.mean_total_sleep_h, Some(6.0));
    assert_eq!(sleep.mean_quality, Some(3.0));
    assert_eq!(sleep.mean_efficiency_percent, None, "no bed times logged");
    let anxiety = s.anxiety.as_ref().unwrap();
    assert_eq!((anxiety.ratings, anxiety.mean), (3, Some(4.0)));
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

/// True when `out` shows "0 mg" (or "+0 mg", "−0 mg") followed by `then`, not as the end of "10 mg".
fn zero_mg(out: &str, then: &str) -> bool {
    let out = out.replace(['\u{a0}', '\u{202f}'], " ");
    let needle = format!("0 mg{}{then}", if then.is_empty() { "" } else { " " });
    out.match_indices(&needle).any(|(i, _)| {
        let before = out[..i].chars().next_back();
        !before.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
    })
}

/// Marie takes zolpidem 10 mg every night; the Dutch table (Novadic-Kentron) gives zolpidem no value.
/// One night she also took a street pill of unknown strength.
fn marie_on_zolpidem() -> Diary {
    let mut entries: Vec<Entry> = (2..=8)
        .map(|day| dose(&format!("2026-03-0{day}T22:30:00+01:00"), "Stilnoct", Some(10.0), None, false))
        .collect();
    entries.push(dose("2026-03-05T23:00:00+01:00", "unknown", None, Some(1.0), true));
    Diary::from_entries(entries)
}

#[test]
fn a_molecule_the_table_has_no_value_for_is_named_never_zero_or_unknown_strength() {
    let s = summary::build(&marie_on_zolpidem(), d(2), d(8), EquivalenceTable::Dutch);
    let pr = s.totals.prescribed;
    assert_eq!((pr.doses, pr.unknown_doses, pr.no_value_doses), (7, 7, 7));
    assert_eq!(pr.unknown_strength_doses(), 0);
    let np = s.totals.non_prescribed.unwrap();
    assert_eq!((np.doses, np.no_value_doses, np.unknown_strength_doses()), (1, 0, 1));
    let zolpidem = s.molecules.iter().find(|m| m.name == "zolpidem").unwrap();
    assert_eq!((zolpidem.doses, zolpidem.no_value_doses, zolpidem.total_mg), (7, 7, 70.0));
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["totals"]["prescribed"]["no_value_doses"], 7);

    let out = text::render(&s, &Texts::new(Lang::En));
    assert!(out.contains("7 doses with no value in Dutch table: zolpidem"), "{out}");
    assert!(out.contains("no DE figure: no dose with a value in Dutch table"), "{out}");
    assert!(out.contains("zolpidem (prescribed): 7 doses, 70 mg in total"), "{out}");
    assert!(!zero_mg(&out, "DE per day"), "{out}");
    assert!(!zero_mg(&out, "per week"), "{out}");
    assert!(!out.contains("7 doses of unknown strength"), "{out}");
    // The street pill: counted as unknown strength, never "0 mg in total".
    assert!(out.contains("1 dose of unknown strength"), "{out}");
    assert!(!zero_mg(&out, "in total"), "{out}");
    assert!(!zero_mg(&out, "DE in total"), "{out}");
    for lang in [Lang::Fr, Lang::Nl, Lang::Nb] {
        let out = text::render(&s, &Texts::new(lang));
        for id in ["no-value-count", "de-none", "de-no-value", "no-value-note"] {
            assert!(!out.contains(id), "{lang:?} lacks {id}: {out}");
        }
        assert!(!zero_mg(&out, ""), "{lang:?}: {out}");
    }
    // The PDF says the same: counted and named, own mg, never 0 mg DE nor "unknown strength".
    for &lang in Lang::ALL {
        let pages = pdf::text_runs(&s, &Texts::new(lang)).unwrap();
        let all = pages.concat().join(" ").replace(['\u{a0}', '\u{202f}'], " ");
        if lang == Lang::En {
            assert!(all.contains("7 doses with no value in Dutch table: zolpidem"), "{all}");
            assert!(all.contains("no DE figure: no dose with a value in Dutch table"), "{all}");
            assert!(all.contains("zolpidem (prescribed): 7 doses, 70 mg in total"), "{all}");
            assert!(all.contains("zolpidem 10 mg a day"), "own mg on page 1: {all}");
            assert!(!all.contains("7 doses of unknown strength"), "{all}");
            assert!(all.contains("1 dose of unknown strength"), "{all}");
        }
        assert!(!zero_mg(&all, ""), "{lang:?}: {all}");
        for id in ["no-value-count", "de-none", "de-no-value"] {
            assert!(!all.contains(id), "{lang:?} lacks {id}");
        }
    }
    // CSV: own mg, empty DE cells with the reason beside them, never 0.
    let bytes = csv::render(
        &marie_on_zolpidem(),
        d(2),
        d(8),
        EquivalenceTable::Dutch,
        &SummaryOptions::default(),
        &Texts::new(Lang::En),
    )
    .unwrap();
    let csv_text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let zolpidem_rows: Vec<&str> = csv_text.lines().filter(|l| l.contains(",zolpidem,")).collect();
    assert_eq!(zolpidem_rows.len(), 7, "{csv_text}");
    for row in &zolpidem_rows {
        assert!(row.contains(",10,,,yes,,,no value in Dutch table,"), "{row}");
    }
    let pill = csv_text.lines().find(|l| l.contains("unknown substance")).unwrap();
    assert!(pill.contains(",unknown strength,"), "{pill}");
    // Under Ashton zolpidem has a value (20 mg ≈ 10 mg diazepam): no "no value" line at all.
    let ashton = summary::build(&marie_on_zolpidem(), d(2), d(8), EquivalenceTable::Ashton);
    assert_eq!(ashton.totals.prescribed.no_value_doses, 0);
    let out = text::render(&ashton, &Texts::new(Lang::En));
    assert!(!out.contains("no value in"), "{out}");
    assert!(out.contains("5 mg DE per day"), "{out}");
}

#[test]
fn the_text_summary_fits_80_columns_and_shows_the_period_and_table() {
    let s = summary::build(&week(), d(2), d(8), EquivalenceTable::Ashton);
    let out = text::render(&s, &Texts::new(Lang::En));
    assert!(out.contains("2 – 8 Mar 2026 (7 days)"), "{out}");
    assert!(out.contains("Ashton"));
    assert!(out.contains("1 dose of unknown strength"), "{out}");
    assert!(out.contains("Source of DE values"));
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

#[test]
fn trend_halves_slope_and_weekly_means_match_hand_computation() {
    // 2–8 March: daily prescribed DE (low) = 10, 7.5, 0, 10, 0, 0, 0. First half = 4 days (2–5 March):
    // (10 + 7.5 + 0 + 10) / 4 = 6.875; second half = 3 days: 0.
    let s = summary::build(&week(), d(2), d(8), EquivalenceTable::Ashton);
    assert_eq!(s.dose_trend.first_half.low, 6.875);
    assert_eq!(s.dose_trend.second_half.low, 0.0);
    // Least squares over x = 0..6, y = [10, 7.5, 0, 10, 0, 0, 0]: x̄ = 3, ȳ = 27.5/7;
    // Σ(x−x̄)(y−ȳ) = Σ(x−x̄)y = −30 − 15 + 0 + 0 + 0 + 0 + 0 = −45; Σ(x−x̄)² = 28 → −45/28 per day.
    let slope = s.dose_trend.slope_low_mg_per_week.unwrap();
    assert!((slope - (-45.0 / 28.0 * 7.0)).abs() < 1e-9, "{slope}");
    assert_eq!(s.weeks.len(), 1);
    assert_eq!(s.weeks[0].de_low_mg, Some(27.5 / 7.0));
    assert_eq!(s.weeks[0].sleep_h, Some(6.0));
    assert_eq!(s.weeks[0].anxiety, Some(4.0));
    let sleep = s.sleep.unwrap();
    // Nights of 2 and 3 March are in the first half (6, 7 h), 4 March too (5 h): second half none.
    assert_eq!((sleep.first_half_h, sleep.second_half_h), (Some(6.0), None));
}

#[test]
fn what_the_patient_hides_is_left_out_and_listed_never_zeroed() {
    let mut diary = week();
    diary.insert(entry(EntryBody::Question(
        Question::new(at("2026-03-07T10:00:00+01:00"), "Can I skip a night before my exam?", false, now())
            .unwrap(),
    )));
    let all = summary::build(&diary, d(2), d(8), EquivalenceTable::Ashton);
    assert_eq!(all.questions.len(), 1);
    assert!(all.hidden.is_empty());

    let hide: BTreeSet<Hideable> = [Hideable::NonPrescribed, Hideable::Sleep, Hideable::Questions].into();
    let opts = SummaryOptions { hide, ..SummaryOptions::default() };
    let s = summary::build_with(&diary, d(2), d(8), EquivalenceTable::Ashton, &opts);
    assert_eq!(s.hidden, vec![Hideable::NonPrescribed, Hideable::Sleep, Hideable::Questions]);
    let five = s.days.iter().find(|x| x.date == d(5)).unwrap();
    assert_eq!((five.nonprescribed_de_low_mg, five.nonprescribed_doses), (None, None), "hidden, not zero");
    assert_eq!(five.unknown_doses, 0, "the hidden street pill is not counted either");
    assert!(s.totals.non_prescribed.is_none());
    assert!(s.molecules.iter().all(|m| m.nonprescribed_doses == 0));
    assert!(s.sleep.is_none() && s.weeks[0].sleep_h.is_none());
    assert!(s.questions.is_empty());
    assert!(s.anxiety.is_some(), "what was not hidden stays");
    let json = serde_json::to_value(&s).unwrap();
    assert!(json["days"][3]["nonprescribed_de_low_mg"].is_null());
}

#[test]
fn hiding_notes_removes_every_free_text_but_keeps_the_facts() {
    let canary = "CANARY-notes-7f3a";
    let mut diary = week();
    let dose = DoseDraft {
        taken_at: Some(at("2026-03-06T22:00:00+01:00")),
        drug: "diazepam".into(),
        mg: Some(5.0),
        note: Some(canary.into()),
        ..DoseDraft::default()
    };
    diary.insert(entry(EntryBody::Dose(dose.validate(now()).unwrap())));
    let shown = summary::build(&diary, d(2), d(8), EquivalenceTable::Ashton);
    assert!(shown.notes.iter().any(|n| n.text == canary));
    let opts = SummaryOptions { hide: [Hideable::Notes].into(), ..SummaryOptions::default() };
    let hidden = summary::build_with(&diary, d(2), d(8), EquivalenceTable::Ashton, &opts);
    assert!(hidden.notes.is_empty());
    assert!(!serde_json::to_string(&hidden).unwrap().contains(canary));
    assert!(!text::render(&hidden, &Texts::new(Lang::En)).contains(canary));
    assert_eq!(hidden.totals.prescribed.doses, shown.totals.prescribed.doses);
}

fn lormet_plan() -> Entry {
    let draft = steady_core::domain::PlanDraft {
        drug: "lormetazepam".into(),
        start_mg: 2.0,
        start: NaiveDate::from_ymd_opt(2026, 1, 5),
        strengths_mg: vec![1.0, 2.0],
        split: Split::Quarter,
        ..Default::default()
    };
    entry(EntryBody::Plan(Box::new(draft.validate(now()).unwrap())))
}

#[test]
fn plan_section_shows_planned_versus_logged_per_step() {
    // Plan: 2 mg from 5 Jan; 10 % rounded to quarter mg forces a 28-day interval, so step 1
    // (1.75 mg) starts 2 Feb. Period 26 Jan – 8 Feb: step 0 for 7 days, step 1 for 7 days.
    let jan = |day: u32| format!("2026-01-{day:02}T22:00:00+01:00");
    let feb = |day: u32| format!("2026-02-{day:02}T22:00:00+01:00");
    let mut entries = vec![lormet_plan()];
    for day in 26..=31 {
        entries.push(dose(&jan(day), "lormetazepam", Some(2.0), None, false));
    }
    entries.push(dose(&feb(1), "lormetazepam", Some(2.0), None, false));
    for day in 2..=5 {
        entries.push(dose(&feb(day), "lormetazepam", Some(1.75), None, false));
    }
    entries.push(dose(&feb(6), "lormetazepam", Some(2.0), None, false));
    let diary = Diary::from_entries(entries);
    let from = NaiveDate::from_ymd_opt(2026, 1, 26).unwrap();
    let to = NaiveDate::from_ymd_opt(2026, 2, 8).unwrap();
    let s = summary::build(&diary, from, to, EquivalenceTable::Ashton);
    let plan = s.plan.expect("plan section");
    let steps: Vec<_> = plan.steps.iter().map(|p| (p.index, p.date.to_string(), p.dose_mg)).collect();
    assert_eq!(steps[0], (0, "2026-01-05".into(), 2.0));
    assert_eq!(steps[1], (1, "2026-02-02".into(), 1.75));
    assert!(steps[2].2 < 1.75, "the next step after the period is shown: {steps:?}");
    // Issue 14: and the whole remaining tail, to the flagged stop, with the final dose named.
    assert_eq!(steps.last(), Some(&(8, "2026-12-07".into(), 0.0)), "{steps:?}");
    assert_eq!(steps.len(), 9);
    assert!(plan.steps[8].pace_flag.is_some());
    assert_eq!(plan.final_dose.map(|f| (f.dose_mg, f.percent_of_start)), Some((0.25, 12.5)));
    let (s0, s1) = (&plan.steps[0], &plan.steps[1]);
    assert_eq!((s0.days_in_period, s0.days_logged, s0.days_at_or_under), (7, 7, 7));
    assert_eq!((s1.days_in_period, s1.days_logged, s1.days_at_or_under), (7, 5, 4));
    // The chart's planned line in DE (Ashton lormetazepam 1–2 mg ≈ 10 mg): 2 mg → 10–20, 1.75 → 8.75–17.5.
    let planned = |date: NaiveDate| {
        let day = s.days.iter().find(|x| x.date == date).unwrap();
        (day.planned_de_low_mg, day.planned_de_high_mg)
    };
    assert_eq!(planned(from), (Some(10.0), Some(20.0)));
    assert_eq!(planned(to), (Some(8.75), Some(17.5)));
}

#[test]
fn a_switch_to_diazepam_shows_the_equivalence_and_its_source() {
    let draft = steady_core::domain::PlanDraft {
        drug: "diazepam".into(),
        start_mg: 30.0,
        start: Some(d(2)),
        strengths_mg: vec![2.0, 5.0, 10.0],
        split: Split::Half,
        switch: Some(steady_core::domain::SwitchDraft {
            from_drug: "Xanax".into(),
            from_mg: 1.5,
            table: None,
            agreed_with: "Dr. Janssens".into(),
        }),
        ..Default::default()
    };
    let diary = Diary::from_entries(vec![entry(EntryBody::Plan(Box::new(draft.validate(now()).unwrap())))]);
    let s = summary::build(&diary, d(2), d(8), EquivalenceTable::Ashton);
    let switch = s.plan.unwrap().switch.unwrap();
    // Ashton: alprazolam 0.5 mg ≈ 10 mg diazepam → 1.5 mg ≈ 30 mg.
    assert_eq!((switch.from, switch.from_mg), ("alprazolam", 1.5));
    assert_eq!((switch.diazepam_mg.low, switch.diazepam_mg.high), (30.0, 30.0));
    assert_eq!(switch.table.key, "ashton");
    assert!(switch.table.source.contains("benzo.org.uk"), "{}", switch.table.source);
    assert_eq!(switch.agreed_with, "Dr. Janssens");
}

#[test]
fn the_text_summary_speaks_the_clinicians_language_within_80_columns() {
    let s = summary::build(&week(), d(2), d(8), EquivalenceTable::Ashton);
    let expect = [
        (Lang::Fr, ["2 – 8 mars 2026", "équivalents diazépam", "Sommeil"]),
        (Lang::Nl, ["2 – 8 mrt. 2026", "diazepamequivalenten", "Slaap"]),
        (Lang::Nb, ["2. – 8. mars 2026", "diazepamekvivalenter", "SØVN"]),
    ];
    for (lang, words) in expect {
        let out = text::render(&s, &Texts::new(lang));
        for w in words {
            assert!(out.to_lowercase().contains(&w.to_lowercase()), "{lang:?}: missing {w:?} in\n{out}");
        }
        assert!(!out.contains("Prescribed"), "{lang:?} still has English");
        for line in out.lines() {
            assert!(line.chars().count() <= 80, "{lang:?} too wide: {line}");
        }
    }
}

#[test]
fn hidden_parts_stay_hidden_in_notes_and_goal_progress() {
    let mut diary = week();
    let goal = entry(EntryBody::Goal(
        GoalDraft {
            set_at: Some(at("2026-03-01T10:00:00+01:00")),
            kind: GoalType::Keep,
            what_matters: "Sleep".into(),
            drug: None,
            target_mg: None,
            due: None,
            review_on: None,
            proposed_by: Proposer::Patient,
            agreed_with: None,
        }
        .validate(now())
        .unwrap(),
    ));
    let goal_id = goal.id;
    diary.insert(goal);
    let review = GoalReview::new(
        goal_id,
        at("2026-03-07T10:00:00+01:00"),
        0,
        Some("REVIEW-NOTE"),
        ReviewDecision::Keep,
        now(),
        true,
    )
    .unwrap();
    diary.insert(entry(EntryBody::Review(review)));
    let sleep_note = SleepDraft {
        night: Some(d(6)),
        hours: Some(5.0),
        quality: Some(2),
        note: Some("SLEEP-NOTE".into()),
        ..SleepDraft::default()
    };
    diary.insert(entry(EntryBody::Sleep(sleep_note.validate(now()).unwrap())));

    let shown = summary::build(&diary, d(2), d(8), EquivalenceTable::Ashton);
    let texts: Vec<&str> = shown.notes.iter().map(|n| n.text.as_str()).collect();
    assert!(texts.contains(&"REVIEW-NOTE") && texts.contains(&"SLEEP-NOTE"));
    let p = &shown.goals[0].progress;
    assert_eq!(p.days_with_nonprescribed, Some(1));
    assert!(p.mean_sleep_h.is_some() && p.mean_anxiety.is_some());

    let hide: BTreeSet<Hideable> = [Hideable::NonPrescribed, Hideable::Sleep, Hideable::Anxiety].into();
    let opts = SummaryOptions { hide, hidden_goals: [goal_id].into(), ..SummaryOptions::default() };
    let s = summary::build_with(&diary, d(2), d(8), EquivalenceTable::Ashton, &opts);
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("SLEEP-NOTE"), "a note on hidden sleep leaked");
    assert!(!json.contains("REVIEW-NOTE"), "a note on a hidden goal leaked");
    assert_eq!((s.goals.len(), s.hidden_goals), (0, 1));

    let opts = SummaryOptions {
        hide: [Hideable::NonPrescribed, Hideable::Sleep].into(),
        ..SummaryOptions::default()
    };
    let s = summary::build_with(&diary, d(2), d(8), EquivalenceTable::Ashton, &opts);
    let p = &s.goals[0].progress;
    assert_eq!((p.days_with_nonprescribed, p.mean_sleep_h), (None, None), "hidden, not counted");
    assert!(p.mean_anxiety.is_some(), "what is shown stays");
}

/// A stable patient: diazepam 10 mg every evening from 2 March to `last` March.
fn evening_diazepam(last: u32) -> Diary {
    Diary::from_entries(
        (2..=last)
            .map(|day| dose(&format!("2026-03-{day:02}T21:00:00+01:00"), "diazepam", Some(10.0), None, false))
            .collect::<Vec<_>>(),
    )
}

/// Issue 14 (4): a stable patient's unfinished today is not a day without a dose. Diazepam 10 mg
/// every evening 2–7 March; the summary is made on the morning of 8 March, before the evening dose.
#[test]
fn an_unfinished_today_never_counts_as_a_day_without_a_dose() {
    let stable = evening_diazepam(7);
    let opts = SummaryOptions { today: Some(d(8)), ..SummaryOptions::default() };
    let s = summary::build_with(&stable, d(2), d(8), EquivalenceTable::Ashton, &opts);
    assert_eq!(s.days.len(), 7, "today is shown as it stands");
    assert!(!s.days.last().unwrap().complete && s.days[..6].iter().all(|x| x.complete));
    assert_eq!(s.days_without_dose, 0);
    assert_eq!((s.dose_trend.first_half.low, s.dose_trend.second_half.low), (10.0, 10.0));
    assert_eq!(s.dose_trend.slope_low_mg_per_week, Some(0.0));
    assert_eq!(s.weeks[0].de_low_mg, Some(10.0));
    assert_eq!(s.totals.prescribed_de_per_day.low, 10.0);
    let current = &s.current_doses[0];
    assert_eq!((current.molecule, current.mg_per_day), ("diazepam", 10.0), "today's dose is not missing");
    // Made the next day, 8 March is a complete day and its missing dose counts.
    let opts = SummaryOptions { today: Some(d(9)), ..SummaryOptions::default() };
    let s = summary::build_with(&stable, d(2), d(8), EquivalenceTable::Ashton, &opts);
    assert!(s.days.iter().all(|x| x.complete));
    assert_eq!(s.days_without_dose, 1);
}

/// A week made only of the unfinished today has no mean dose yet: shown as such, never as 0 mg, in
/// the content, the text, the PDF's table and chart description, and the FHIR narrative.
#[test]
fn a_week_of_only_the_unfinished_today_has_no_mean_dose_yet() {
    let stable = evening_diazepam(8);
    let opts = SummaryOptions { today: Some(d(9)), ..SummaryOptions::default() };
    let s = summary::build_with(&stable, d(2), d(9), EquivalenceTable::Ashton, &opts);
    assert_eq!(s.weeks.len(), 2);
    assert_eq!((s.weeks[0].complete_days, s.weeks[0].de_low_mg), (7, Some(10.0)));
    assert_eq!((s.weeks[1].days, s.weeks[1].complete_days), (1, 0));
    assert_eq!((s.weeks[1].de_low_mg, s.weeks[1].de_high_mg, s.weeks[1].de()), (None, None, None));
    let out = text::render(&s, &Texts::new(Lang::En));
    let last_week = out.lines().rev().find(|l| l.contains("9 Mar")).expect("the last week's line");
    assert!(last_week.contains("today only, not over yet") && !last_week.contains("0 mg"), "{last_week}");
    let fr = text::render(&s, &Texts::new(Lang::Fr));
    assert!(fr.contains("aujourd'hui seulement, journée en cours"), "{fr}");
    let runs = pdf::text_runs(&s, &Texts::new(Lang::En)).unwrap().concat().join(" ");
    assert!(runs.contains("today only, not over yet"), "the PDF's weekly table");
}
