//! Acceptance scenarios from the domain brief, driven through the runtime facade on a real
//! encrypted diary (scenarios 3 and 4 are also covered in depth by the plan engine's tests).

mod common;

use std::sync::Arc;

use chrono::{DateTime, Days, NaiveDate};
use steady_core::domain::{DoseDraft, EntryDraft, GoalDraft, GoalStatus, GoalType, Proposer, ReviewDecision};
use steady_core::{DataKey, DiaryDir, FixedClock, SteadyCore, SummaryRequest, Unlock};

fn core_at(dir: &std::path::Path, now: &str) -> SteadyCore {
    let now = DateTime::parse_from_rfc3339(now).unwrap();
    DiaryDir::new(dir)
        .open_or_create(&Unlock::Key(DataKey::from_bytes([9; 32])), Arc::new(FixedClock(now)))
        .unwrap()
}

/// Scenario 1: Marie, 81, half a 10 mg zolpidem every night for ten years, wants to keep it and not
/// fall. Her goal is "keep as is"; her GP reviews it every three months; the app never nudges her
/// to taper: no plan appears, the goal stays active through reviews, and the summary shows a
/// stable dose and her reviews without any reduction target.
#[test]
fn scenario_1_marie_keeps_her_dose_and_is_never_nudged() {
    let dir = tempfile::tempdir().unwrap();
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let core = core_at(dir.path(), "2026-09-30T21:00:00+02:00");
    let goal = GoalDraft {
        set_at: Some(DateTime::parse_from_rfc3339("2026-01-05T10:00:00+01:00").unwrap()),
        kind: GoalType::Keep,
        what_matters: "Keep sleeping as I do and not fall at night".into(),
        drug: None,
        target_mg: None,
        due: None,
        review_on: NaiveDate::from_ymd_opt(2026, 4, 5),
        proposed_by: Proposer::Patient,
        agreed_with: Some("her GP".into()),
    };
    let goal_id = core.log(EntryDraft::Goal(goal)).unwrap();
    for day in 0..272u64 {
        let date = start + Days::new(day);
        let at = DateTime::parse_from_rfc3339(&format!("{date}T22:00:00+01:00")).unwrap();
        let dose = DoseDraft {
            taken_at: Some(at),
            drug: "Stilnoct".into(),
            tablets: Some(0.5),
            strength_mg: Some(10.0),
            ..DoseDraft::default()
        };
        core.log(EntryDraft::Dose(dose)).unwrap();
    }
    // Quarterly reviews: as expected, keep, next review three months on.
    for (review, next) in [("2026-04-05", "2026-07-05"), ("2026-07-05", "2026-10-05")] {
        let at = DateTime::parse_from_rfc3339(&format!("{review}T10:00:00+02:00")).unwrap();
        let draft = EntryDraft::Review {
            goal: goal_id,
            at: Some(at),
            gas: 0,
            note: Some("No falls. Sleeping as before.".into()),
            decision: ReviewDecision::Keep,
            next_review: NaiveDate::parse_from_str(next, "%Y-%m-%d").ok(),
        };
        core.log(draft).unwrap();
    }

    let today = core.today().expect("today");
    assert!(today.plan.is_none(), "no taper plan appears unless she makes one");
    assert_eq!(today.goals.len(), 1);
    let g = &today.goals[0];
    assert_eq!(g.status, GoalStatus::Active);
    assert_eq!(g.description, "keep things as they are");
    assert_eq!(g.next_review, NaiveDate::from_ymd_opt(2026, 10, 5));
    assert!(!g.review_due, "the next review is in October");
    // Measured since the last review: a dose every day, 5 mg, no extra use; no target to miss.
    assert_eq!(g.progress.days_at_or_under_target, None);
    assert_eq!(g.progress.days_with_nonprescribed, Some(0));
    assert_eq!(g.progress.days_with_dose, g.progress.days - 1, "tonight's dose is not taken yet");

    let from = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2026, 9, 29).unwrap();
    let request = SummaryRequest { from: Some(from), to: Some(to), ..SummaryRequest::default() };
    let s = core.summary(&request).expect("summary");
    assert!(s.plan.is_none());
    // Zolpidem 20 mg ≈ 10 mg diazepam (Ashton): 5 mg a night = 2.5 mg DE, every day, flat trend.
    assert!(s.days.iter().all(|d| d.de_low_mg == 2.5 && d.de_high_mg == 2.5));
    assert_eq!(s.dose_trend.slope_low_mg_per_week, Some(0.0));
    assert_eq!(s.goals[0].reviews.len(), 1, "the July review is in the period");
    assert_eq!(s.goals[0].reviews[0].decision, "keep");
}
