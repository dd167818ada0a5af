//! Test fixtures shared by the plan tests and later tests elsewhere in the crate: the domain
//! scenarios built through the same validation and methods a shell uses.

use chrono::{DateTime, NaiveDate};

use super::{PlanDraft, Split, SwitchDraft, TaperPlan};
use crate::domain::catalogue::EquivalenceTable;
use crate::domain::time::LocalInstant;

/// A date from "YYYY-MM-DD".
pub(crate) fn date(s: &str) -> NaiveDate {
    s.parse().expect("a YYYY-MM-DD date")
}

/// The evening Anke creates her plan.
pub(crate) fn created() -> LocalInstant {
    DateTime::parse_from_rfc3339("2026-01-05T21:00:00+01:00").expect("a valid instant")
}

/// A plain plan starting 2026-01-05 (molecule irrelevant to the maths).
pub(crate) fn plan(start_mg: f64, strengths: &[f64], split: Split, percent: f64, interval: u32) -> TaperPlan {
    let draft = PlanDraft {
        drug: "diazepam".into(),
        start_mg,
        start: Some(date("2026-01-05")),
        percent: Some(percent),
        interval_days: Some(i64::from(interval)),
        strengths_mg: strengths.to_vec(),
        split,
        ..PlanDraft::default()
    };
    draft.validate(created()).expect("a valid plan")
}

/// Scenario 3 (shared/domain.md): Anke, 56, lormetazepam 2 mg nightly, wants to stop; 10 % of the
/// current dose every 14 days, 1 mg and 2 mg tablets split in quarters, from 2026-01-05, with two
/// holds when sleep got bad (2026-02-16 until 2026-03-02, 2026-05-04 until 2026-05-25).
pub(crate) fn scenario3() -> TaperPlan {
    let draft = PlanDraft {
        drug: "Loramet".into(),
        start_mg: 2.0,
        start: Some(date("2026-01-05")),
        percent: Some(10.0),
        interval_days: Some(14),
        strengths_mg: vec![1.0, 2.0],
        split: Split::Quarter,
        ..PlanDraft::default()
    };
    let plan = draft.validate(created()).expect("scenario 3 plan");
    let plan = plan.hold(date("2026-02-16"), "sleep got bad").expect("first hold");
    let plan = plan.resume(date("2026-03-02")).expect("first resume");
    let plan = plan.hold(date("2026-05-04"), "family stress").expect("second hold");
    plan.resume(date("2026-05-25")).expect("second resume")
}

/// Scenario 4 (shared/domain.md): Sam, 45, alprazolam 1.5 mg/day, switched to diazepam as agreed
/// with the psychiatrist (Ashton: 0.5 mg alprazolam ≈ 10 mg diazepam, so 30 mg), then tapers
/// diazepam 30 mg with 2, 5 and 10 mg tablets split in halves, from 2026-03-02.
pub(crate) fn scenario4() -> TaperPlan {
    let draft = PlanDraft {
        drug: "diazepam".into(),
        start_mg: 30.0,
        start: Some(date("2026-03-02")),
        strengths_mg: vec![2.0, 5.0, 10.0],
        split: Split::Half,
        switch: Some(SwitchDraft {
            from_drug: "alprazolam".into(),
            from_mg: 1.5,
            table: Some(EquivalenceTable::Ashton),
            agreed_with: "Dr. Claes, psychiatrist".into(),
        }),
        ..PlanDraft::default()
    };
    draft.validate(created()).expect("scenario 4 plan")
}
