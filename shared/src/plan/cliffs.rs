//! Issue 14, item 3 ("Every taper ends in a cliff"): the three plans of its "Done when" — lormetazepam
//! 2 mg (1 and 2 mg tablets in quarters), clonazepam 2 mg (0.5 and 2 mg tablets in quarters) and
//! alprazolam 3 mg (0.25, 0.5 and 1 mg tablets in halves), 10 % every 14 days from 2026-01-05 — with
//! tablets only (the cliff is not hidden: the final dose is named, every cut above 25 % and the stop
//! are flagged on their own step) and with a liquid or compounded tail (no cut above 25 % before a
//! final dose of at most 10 % of the start). Also the 5 % / 28 days alprazolam plan, whose length
//! the summary must show. `cargo test -p steady-core --lib cliffs -- --nocapture` prints the rows
//! of the before/after table.

use chrono::NaiveDate;

use crate::domain::taper::fixtures::{created, date as d};
use crate::domain::{PlanDraft, Split, Tail, TaperPlan};
use crate::plan::{Schedule, StepForm};

fn draft(
    drug: &str,
    start_mg: f64,
    strengths: &[f64],
    split: Split,
    percent: f64,
    interval: i64,
) -> PlanDraft {
    PlanDraft {
        drug: drug.into(),
        start_mg,
        start: Some(d("2026-01-05")),
        percent: Some(percent),
        interval_days: Some(interval),
        strengths_mg: strengths.to_vec(),
        split,
        ..PlanDraft::default()
    }
}

fn lormetazepam() -> PlanDraft {
    draft("lormetazepam", 2.0, &[1.0, 2.0], Split::Quarter, 10.0, 14)
}

fn clonazepam() -> PlanDraft {
    draft("clonazepam", 2.0, &[0.5, 2.0], Split::Quarter, 10.0, 14)
}

fn alprazolam() -> PlanDraft {
    draft("alprazolam", 3.0, &[0.25, 0.5, 1.0], Split::Half, 10.0, 14)
}

/// Compounded doses in steps of 0.05 mg (a Dutch pharmacy's tapering strips).
const COMPOUNDED: Tail = Tail::Compounded { step_mg: 0.05 };
/// Clonazepam oral solution 0.5 mg / 5 ml (0.1 mg/ml), measured with a 0.5 ml syringe graduation.
const CLONAZEPAM_LIQUID: Tail = Tail::Liquid { mg_per_ml: 0.1, min_ml: 0.5 };

fn plan(draft: PlanDraft, tail: Option<Tail>) -> TaperPlan {
    PlanDraft { tail, ..draft }.validate(created()).expect("a valid plan")
}

fn today() -> NaiveDate {
    d("2026-01-05")
}

/// One row of the before/after table: steps, end date, largest single cut, final dose, flagged.
pub(crate) fn row(name: &str, s: &Schedule) -> String {
    let largest = s.steps.iter().filter(|st| st.dose_mg > 0.0).map(|st| st.cut_percent).fold(0.0, f64::max);
    let flagged: Vec<String> = s
        .steps
        .iter()
        .filter(|st| st.pace_flag.is_some())
        .map(|st| format!("{} ({:.0} %)", st.index, st.cut_percent))
        .collect();
    let fin = s.final_dose();
    format!(
        "| {name} | {} | {} | {:.1} % | {} | {} |",
        s.steps.len() - 1,
        s.end_date.map_or("none".into(), |e| e.to_string()),
        largest,
        fin.map_or("–".into(), |f| format!("{} mg ({:.1} % of start)", f.dose_mg, f.percent_of_start)),
        if flagged.is_empty() { "none".into() } else { flagged.join(", ") },
    )
}

fn print(name: &str, s: &Schedule) {
    println!("{}", row(name, s));
    for st in &s.steps {
        println!(
            "    {:>3} {} {:>7} mg {:>5.1} % {:>4} d {:?}{}",
            st.index,
            st.date,
            st.dose_mg,
            st.cut_percent,
            st.interval_days,
            st.form,
            if st.pace_flag.is_some() { " ⚑" } else { "" }
        );
    }
}

/// Tablets only: the cliff stays, but it is not hidden.
fn assert_tablets_only_names_the_cliff(name: &str, s: &Schedule, start_mg: f64) {
    print(name, s);
    let last = s.steps.last().expect("steps");
    assert_eq!(last.dose_mg, 0.0, "{name}: stops");
    assert!(last.pace_flag.is_some(), "{name}: the stop is flagged");
    for st in &s.steps[1..] {
        assert!(
            st.cut_percent <= 25.0 + 1e-9 || st.pace_flag.is_some(),
            "{name}: unflagged cut at {}",
            st.index
        );
        assert_eq!(st.form, StepForm::Tablets);
    }
    let fin = s.final_dose().expect("a named final dose");
    let before = &s.steps[s.steps.len() - 2];
    assert_eq!((fin.dose_mg, fin.from, fin.stop_on), (before.dose_mg, before.date, last.date), "{name}");
    assert!((fin.percent_of_start - before.dose_mg / start_mg * 100.0).abs() < 1e-9);
}

/// With a tail: no cut above 25 % until a final dose of at most 10 % of the start, then the stop.
fn assert_tail_has_no_cliff(name: &str, s: &Schedule, start_mg: f64, form: StepForm) {
    print(name, s);
    let n = s.steps.len();
    for st in &s.steps[1..n - 1] {
        assert!(st.cut_percent <= 25.0 + 1e-9, "{name}: step {} cuts {:.1} %", st.index, st.cut_percent);
        assert!(st.pace_flag.is_none(), "{name}: step {} flagged", st.index);
    }
    let fin = s.final_dose().expect("a named final dose");
    assert!(
        fin.percent_of_start <= 10.0 + 1e-9,
        "{name}: final dose {} % of the start",
        fin.percent_of_start
    );
    assert!((fin.dose_mg - fin.percent_of_start * start_mg / 100.0).abs() < 1e-9);
    assert!(s.steps[n - 1].pace_flag.is_some(), "{name}: the stop stays flagged");
    assert_eq!(s.steps[n - 2].form, form, "{name}: the final dose is made with the tail");
    assert!(s.steps.iter().any(|st| st.form == StepForm::Tablets && st.index > 0), "{name}: tablets first");
}

#[test]
fn lormetazepam_2_mg_tablets_only_names_its_final_dose_and_flags_the_cliff() {
    let s = plan(lormetazepam(), None).schedule(today());
    assert_tablets_only_names_the_cliff("lormetazepam 2 mg, tablets", &s, 2.0);
    let fin = s.final_dose().unwrap();
    assert_eq!((fin.dose_mg, fin.percent_of_start), (0.25, 12.5));
    let flagged: Vec<u32> = s.steps.iter().filter(|st| st.pace_flag.is_some()).map(|st| st.index).collect();
    assert_eq!(flagged, vec![6, 7, 8], "0.75 → 0.5 (33 %), 0.5 → 0.25 (50 % after 98 days), the stop");
}

#[test]
fn clonazepam_2_mg_tablets_only_names_its_final_dose_and_flags_the_cliff() {
    let s = plan(clonazepam(), None).schedule(today());
    assert_tablets_only_names_the_cliff("clonazepam 2 mg, tablets", &s, 2.0);
    assert_eq!(s.final_dose().map(|f| f.dose_mg), Some(0.125));
}

#[test]
fn alprazolam_3_mg_tablets_only_names_its_final_dose_and_flags_the_cliff() {
    let s = plan(alprazolam(), None).schedule(today());
    assert_tablets_only_names_the_cliff("alprazolam 3 mg, tablets", &s, 3.0);
    assert_eq!(s.final_dose().map(|f| f.dose_mg), Some(0.125));
}

#[test]
fn lormetazepam_with_compounded_doses_tapers_to_a_small_final_dose() {
    let s = plan(lormetazepam(), Some(COMPOUNDED)).schedule(today());
    assert_tail_has_no_cliff("lormetazepam 2 mg, compounded 0.05 mg", &s, 2.0, StepForm::Compounded);
}

#[test]
fn clonazepam_with_an_oral_liquid_tapers_to_a_small_final_dose() {
    let s = plan(clonazepam(), Some(CLONAZEPAM_LIQUID)).schedule(today());
    assert_tail_has_no_cliff("clonazepam 2 mg, liquid 0.1 mg/ml by 0.5 ml", &s, 2.0, StepForm::Liquid);
    let last_liquid = &s.steps[s.steps.len() - 2];
    let ml = last_liquid.liquid_ml.unwrap();
    assert!((ml - last_liquid.dose_mg / 0.1).abs() < 1e-9, "the volume is shown");
    assert!(last_liquid.tablets.is_empty());
}

#[test]
fn alprazolam_with_compounded_doses_tapers_to_a_small_final_dose() {
    let s = plan(alprazolam(), Some(COMPOUNDED)).schedule(today());
    assert_tail_has_no_cliff("alprazolam 3 mg, compounded 0.05 mg", &s, 3.0, StepForm::Compounded);
}

#[test]
fn a_gentle_pace_with_a_tail_flags_nothing_but_the_stop() {
    let gentle = PlanDraft { pace: Some(crate::domain::Pace::Gentle), ..lormetazepam() };
    let s = plan(gentle, Some(Tail::Compounded { step_mg: 0.01 })).schedule(today());
    print("lormetazepam 2 mg, gentle, compounded 0.01 mg", &s);
    let flagged: Vec<u32> = s.steps.iter().filter(|st| st.pace_flag.is_some()).map(|st| st.index).collect();
    assert_eq!(flagged, vec![u32::try_from(s.steps.len() - 1).unwrap()]);
    assert!(s.final_dose().unwrap().percent_of_start <= 10.0);
}

#[test]
fn a_coarse_tail_never_makes_a_plan_cut_more_than_tablets_would() {
    // Liquid in 0.5 mg steps cannot cut below the tablets' doses: the plan stops where a cut
    // would be above 25 %, and the stop is flagged.
    let s = plan(lormetazepam(), Some(Tail::Liquid { mg_per_ml: 1.0, min_ml: 0.5 })).schedule(today());
    print("lormetazepam 2 mg, liquid by 0.5 mg", &s);
    let n = s.steps.len();
    assert!(s.steps[1..n - 1].iter().all(|st| st.cut_percent <= 25.0 + 1e-9 && st.pace_flag.is_none()));
    assert_eq!(s.final_dose().map(|f| f.dose_mg), Some(0.75));
}

#[test]
fn alprazolam_5_percent_every_28_days_reports_its_length() {
    let slow = draft("alprazolam", 3.0, &[0.25, 0.5, 1.0], Split::Half, 5.0, 28);
    let s = plan(slow, None).schedule(today());
    print("alprazolam 3 mg, 5 % / 28 days, tablets", &s);
    let end = s.end_date.expect("an end date");
    assert!(end.format("%Y").to_string().as_str() >= "2031", "{end}");
    let t = crate::i18n::Texts::shared(crate::domain::Lang::En);
    assert!(t.plan_length(d("2026-01-05"), end).ends_with("years from the start"));
}

#[test]
fn a_plan_stored_before_tails_existed_still_loads() {
    // A v1 plan as stored before issue 14: no "tail" field.
    let v1 = r#"{"molecule":"lormetazepam","start_mg":2.0,"start":"2026-01-05","percent":10.0,
        "interval_days":14,"strengths_mg":[1.0,2.0],"split":"quarter","floor_mg":0.0,"pace":"standard",
        "switch":null,"holds":[],"changes":[],"ended":null}"#;
    let plan: TaperPlan = serde_json::from_str(v1).expect("an old plan loads");
    assert_eq!(plan.tail, None);
    assert_eq!(plan.schedule(today()).steps.len(), 9);
    let with_tail = TaperPlan { tail: Some(COMPOUNDED), ..plan };
    let json = serde_json::to_string(&with_tail).unwrap();
    assert!(json.contains(r#""tail":{"kind":"compounded","step_mg":0.05}"#), "{json}");
    assert_eq!(serde_json::from_str::<TaperPlan>(&json).unwrap(), with_tail);
}

/// Main's flag rule (before issue 14): only the compounded rate per 14 days, so a long interval
/// averaged a single cut away.
fn flagged_before(s: &Schedule, limit: f64) -> Vec<String> {
    s.steps
        .windows(2)
        .filter(|w| {
            crate::plan::per_14_days_percent(w[0].dose_mg, w[1].dose_mg, w[1].interval_days) > limit + 1e-9
        })
        .map(|w| format!("{} ({:.0} %)", w[1].index, w[1].cut_percent))
        .collect()
}

#[test]
fn before_after_table() {
    println!(
        "| plan | steps | end date | largest single cut (before the stop) | final dose | flagged steps |"
    );
    println!("|---|---|---|---|---|---|");
    let cases = [
        ("lormetazepam 2 mg", lormetazepam(), COMPOUNDED, "compounded 0.05 mg"),
        ("clonazepam 2 mg", clonazepam(), CLONAZEPAM_LIQUID, "liquid 0.1 mg/ml, 0.5 ml"),
        ("alprazolam 3 mg", alprazolam(), COMPOUNDED, "compounded 0.05 mg"),
        (
            "alprazolam 3 mg 5 %/28 d",
            draft("alprazolam", 3.0, &[0.25, 0.5, 1.0], Split::Half, 5.0, 28),
            COMPOUNDED,
            "compounded 0.05 mg",
        ),
    ];
    for (name, draft, tail, tail_name) in cases {
        let tablets = plan(draft.clone(), None).schedule(today());
        // Main's engine makes the same steps with tablets only; it names no final dose and flags
        // by the per-14-days rate only.
        let largest =
            tablets.steps.iter().filter(|st| st.dose_mg > 0.0).map(|st| st.cut_percent).fold(0.0, f64::max);
        println!(
            "| {name}, tablets — before (main) | {} | {} | {largest:.1} % | not named | {} |",
            tablets.steps.len() - 1,
            tablets.end_date.map_or("none".into(), |e| e.to_string()),
            flagged_before(&tablets, 25.0).join(", ")
        );
        println!("{}", row(&format!("{name}, tablets — AFTER"), &tablets));
        let tailed = plan(draft, Some(tail)).schedule(today());
        println!("{}", row(&format!("{name}, {tail_name} — AFTER"), &tailed));
    }
}
