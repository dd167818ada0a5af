//! An entry back as the form that would make it, so "edit" opens the form with every structured
//! value in place (a history row alone cannot prefill a form), and "log another" starts from the
//! last entry of that kind.

use super::dose::Substance;
use super::entry::{EntryBody, EntryDraft};
use super::goal::{GoalDraft, GoalKind, GoalType};
use super::sleep::SleepDraft;
use super::taper::{PlanDraft, SwitchDraft};

impl EntryBody {
    /// The draft that validates back to this entry (as of its own time); `None` for the settings,
    /// which are changed one setting at a time.
    pub fn draft(&self) -> Option<EntryDraft> {
        Some(match self {
            EntryBody::Dose(d) => {
                let (mg, tablets, strength_mg) = d.amount.parts();
                EntryDraft::Dose(super::dose::DoseDraft {
                    taken_at: Some(d.taken_at),
                    // The name the patient typed ("Xanax") comes back, so editing keeps it.
                    drug: match (&d.typed_name, d.substance) {
                        (Some(typed), _) => typed.clone(),
                        (None, Substance::Known(m)) => m.name().to_owned(),
                        (None, Substance::Unknown) => "unknown".to_owned(),
                    },
                    mg,
                    tablets,
                    strength_mg,
                    non_prescribed: d.use_ == super::dose::Use::NonPrescribed,
                    note: d.note.clone(),
                    medicine: d.medicine,
                })
            }
            EntryBody::Sleep(s) => EntryDraft::Sleep(SleepDraft {
                night: Some(s.night),
                hours: s.reported_sleep_min.map(|m| f64::from(m) / 60.0),
                quality: Some(i64::from(s.quality.score())),
                latency_min: s.latency_min.map(i64::from),
                awakenings: s.awakenings.map(i64::from),
                waso_min: s.waso_min.map(i64::from),
                in_bed: s.in_bed,
                tried_to_sleep: s.tried_to_sleep,
                final_awakening: s.final_awakening,
                out_of_bed: s.out_of_bed,
                note: s.note.clone(),
            }),
            EntryBody::Anxiety(a) => {
                EntryDraft::Anxiety { at: Some(a.at), score: i64::from(a.score), note: a.note.clone() }
            }
            EntryBody::Gad7(g) => {
                EntryDraft::Gad7 { at: Some(g.at), items: g.items.iter().map(|&i| i64::from(i)).collect() }
            }
            EntryBody::Goal(g) => {
                let (kind, molecule, target_mg) = match g.kind {
                    GoalKind::Stop { molecule } => (GoalType::Stop, molecule, None),
                    GoalKind::Reduce { molecule, target_mg } => {
                        (GoalType::Reduce, Some(molecule), Some(target_mg))
                    }
                    GoalKind::Stable { molecule } => (GoalType::Stable, molecule, None),
                    GoalKind::Keep => (GoalType::Keep, None, None),
                };
                EntryDraft::Goal(GoalDraft {
                    set_at: Some(g.set_at),
                    kind,
                    what_matters: g.what_matters.clone(),
                    drug: molecule.map(|m| m.name().to_owned()),
                    target_mg,
                    due: g.due,
                    review_on: g.review_on,
                    proposed_by: g.proposed_by,
                    agreed_with: g.agreed_with.clone(),
                })
            }
            EntryBody::Review(r) => EntryDraft::Review {
                goal: r.goal,
                at: Some(r.at),
                gas: i64::from(r.gas),
                note: r.note.clone(),
                decision: r.decision,
                next_review: r.next_review,
            },
            EntryBody::Plan(p) => EntryDraft::Plan(PlanDraft {
                drug: p.molecule.name().to_owned(),
                start_mg: p.start_mg,
                start: Some(p.start),
                percent: Some(p.percent),
                interval_days: Some(i64::from(p.interval_days)),
                strengths_mg: p.strengths_mg.clone(),
                split: p.split,
                floor_mg: Some(p.floor_mg),
                pace: Some(p.pace),
                switch: p.switch.as_ref().map(|s| SwitchDraft {
                    from_drug: s.from.name().to_owned(),
                    from_mg: s.from_mg,
                    table: Some(s.table),
                    agreed_with: s.agreed_with.clone(),
                }),
                tail: p.tail,
            }),
            EntryBody::Question(q) => {
                EntryDraft::Question { at: Some(q.asked_at), text: q.text.clone(), discussed: q.discussed }
            }
            EntryBody::Medicine(m) => {
                let mut draft = m.draft();
                draft.from = Some(m.current().from);
                EntryDraft::Medicine(draft)
            }
            EntryBody::Skip(s) => {
                EntryDraft::Skip { medicine: s.medicine, at: Some(s.at), note: s.note.clone() }
            }
            EntryBody::Settings(_) => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::dose::DoseDraft;
    use super::super::goal::{Proposer, ReviewDecision};
    use super::super::id::EntryId;
    use super::super::medicine::MedicineDraft;
    use super::*;
    use chrono::{DateTime, NaiveTime};

    #[test]
    fn every_entry_comes_back_as_the_draft_that_makes_it() {
        let now = DateTime::parse_from_rfc3339("2026-03-10T21:00:00+01:00").unwrap();
        let goal = EntryId::new();
        let drafts = [
            EntryDraft::Dose(DoseDraft {
                drug: "Loramet".into(),
                tablets: Some(1.5),
                strength_mg: Some(1.0),
                note: Some("late".into()),
                medicine: Some(EntryId::new()),
                ..DoseDraft::default()
            }),
            EntryDraft::Dose(DoseDraft {
                drug: "unknown".into(),
                tablets: Some(1.0),
                non_prescribed: true,
                ..DoseDraft::default()
            }),
            EntryDraft::Dose(DoseDraft { drug: "diazepam".into(), mg: Some(2.5), ..DoseDraft::default() }),
            EntryDraft::Sleep(SleepDraft {
                night: Some(now.date_naive().pred_opt().unwrap()),
                hours: Some(8.0),
                quality: Some(3),
                latency_min: Some(20),
                in_bed: NaiveTime::from_hms_opt(23, 0, 0),
                out_of_bed: NaiveTime::from_hms_opt(7, 30, 0),
                ..SleepDraft::default()
            }),
            EntryDraft::Anxiety { at: None, score: 4, note: Some("work".into()) },
            EntryDraft::Gad7 { at: None, items: vec![1, 2, 0, 3, 1, 0, 2] },
            EntryDraft::Goal(GoalDraft {
                kind: GoalType::Reduce,
                what_matters: "sleep without pills".into(),
                drug: Some("zolpidem".into()),
                target_mg: Some(5.0),
                proposed_by: Proposer::Together,
                set_at: None,
                due: None,
                review_on: None,
                agreed_with: Some("Dr. Janssens".into()),
            }),
            EntryDraft::Review {
                goal,
                at: None,
                gas: 1,
                note: None,
                decision: ReviewDecision::Keep,
                next_review: None,
            },
            EntryDraft::Plan(PlanDraft {
                drug: "lormetazepam".into(),
                start_mg: 2.0,
                strengths_mg: vec![1.0],
                ..PlanDraft::default()
            }),
            EntryDraft::Question { at: None, text: "Can I hold in May?".into(), discussed: false },
            EntryDraft::Medicine(MedicineDraft {
                drug: "Stilnoct".into(),
                tablets: Some(0.5),
                strength_mg: Some(10.0),
                times: vec![NaiveTime::from_hms_opt(22, 30, 0).unwrap()],
                ..MedicineDraft::default()
            }),
            EntryDraft::Skip { medicine: goal, at: None, note: Some("slept early".into()) },
        ];
        for draft in drafts {
            let body = draft.validate(now, |id| id == goal).unwrap();
            let again = body.draft().expect("a draft").validate(now, |id| id == goal).unwrap();
            assert!(again == body, "{:?} did not come back", body.kind());
        }
    }
}
