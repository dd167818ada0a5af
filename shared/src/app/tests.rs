//! `update` tested without I/O: each test plays the runtime's part by resolving the clock and store
//! requests the returned commands make, and inspects the model through `view`.

use chrono::{DateTime, NaiveDate};
use crux_core::{App, Command};

use super::*;
use crate::domain::{DoseDraft, Entry, GoalDraft, Proposer, ReviewDecision};

fn now() -> LocalInstant {
    DateTime::parse_from_rfc3339("2026-03-10T21:00:00+01:00").unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn dose(drug: &str, mg: f64, non_prescribed: bool) -> EntryDraft {
    EntryDraft::Dose(DoseDraft { drug: drug.into(), mg: Some(mg), non_prescribed, ..DoseDraft::default() })
}

/// Runs one command to completion, answering the clock with `now()` and the store like a perfect
/// disk; returns every store request seen.
fn settle(app: &SteadyApp, model: &mut Model, mut cmd: Command<Effect, Event>) -> Vec<StoreOp> {
    let mut seen = vec![];
    loop {
        let mut progressed = false;
        let effects: Vec<Effect> = cmd.effects().collect();
        for effect in effects {
            progressed = true;
            match effect {
                Effect::Clock(mut req) => req.resolve(now()).unwrap(),
                Effect::Store(mut req) => {
                    seen.push(req.operation.clone());
                    let reply = match req.operation.clone() {
                        StoreOp::LoadAll => StoreReply::Loaded {
                            entries: vec![],
                            damaged: vec![],
                            integrity: Default::default(),
                            id_key: None,
                        },
                        StoreOp::Write(set) => {
                            let mut saved: Vec<Entry> = set
                                .insert
                                .into_iter()
                                .map(|body| Entry { id: EntryId::new(), body })
                                .collect();
                            saved.extend(set.replace);
                            StoreReply::Written { saved, deleted: set.delete }
                        }
                    };
                    req.resolve(Ok(reply)).unwrap();
                }
                Effect::Zone(mut req) => {
                    let zone = crate::domain::FixedZone(*now().offset());
                    let placed =
                        req.operation.0.iter().map(|n| crate::domain::wall_clock(&zone, *n)).collect();
                    req.resolve(placed).unwrap();
                }
                Effect::Render(_) => {}
            }
        }
        let events: Vec<Event> = cmd.events().collect();
        for event in events {
            progressed = true;
            let next = app.update(event, model);
            seen.extend(settle(app, model, next));
        }
        if !progressed {
            return seen;
        }
    }
}

fn send(app: &SteadyApp, model: &mut Model, event: Event) -> Vec<StoreOp> {
    let cmd = app.update(event, model);
    settle(app, model, cmd)
}

fn opened() -> (SteadyApp, Model) {
    let app = SteadyApp;
    let mut model = Model::default();
    let ops = send(&app, &mut model, Event::Open);
    assert_eq!(ops, vec![StoreOp::LoadAll]);
    (app, model)
}

#[test]
fn open_reads_the_clock_then_loads_the_diary() {
    let app = SteadyApp;
    let mut model = Model::default();
    assert_eq!(app.view(&model).page, PageView::Loading);
    let mut cmd = app.update(Event::Open, &mut model);
    // The clock comes first, so "today" is known before the diary is shown.
    let mut clock = cmd.effects().next().unwrap().expect_clock();
    clock.resolve(now()).unwrap();
    let ev = cmd.events().next().unwrap();
    assert!(matches!(ev, Event::Clock(_)));
    let mut store = cmd.effects().next().unwrap().expect_store();
    assert_eq!(store.operation, StoreOp::LoadAll);
    store
        .resolve(Ok(StoreReply::Loaded {
            entries: vec![],
            damaged: vec![],
            integrity: Default::default(),
            id_key: None,
        }))
        .unwrap();
    let _ = app.update(ev, &mut model);
    let _ = app.update(cmd.events().next().unwrap(), &mut model);
    match app.view(&model).page {
        PageView::Today(t) => assert_eq!(t.date, day(10)),
        other => panic!("expected today, got {other:?}"),
    }
}

#[test]
fn a_valid_dose_is_stored_and_counted_today() {
    let (app, mut model) = opened();
    let ops = send(&app, &mut model, Event::Log(dose("Loramet", 2.0, false)));
    assert!(
        matches!(ops.as_slice(), [StoreOp::Write(w)] if matches!(w.insert.as_slice(), [EntryBody::Dose(_)]))
    );
    let view = app.view(&model);
    assert!(matches!(view.outcome, Some(Outcome::Saved(_))));
    let PageView::Today(today) = view.page else { panic!("today expected") };
    assert_eq!(today.doses.len(), 1);
    // Ashton: lormetazepam 1–2 mg ≈ 10 mg diazepam, so 2 mg = 10–20 mg.
    assert_eq!((today.totals.prescribed.low_mg, today.totals.prescribed.high_mg), (10.0, 20.0));
}

#[test]
fn an_invalid_draft_is_rejected_with_its_field_and_never_reaches_the_store() {
    let (app, mut model) = opened();
    let ops = send(&app, &mut model, Event::Log(dose("diazepam", -5.0, false)));
    assert_eq!(ops, vec![]);
    match app.view(&model).outcome {
        Some(Outcome::Rejected(e)) => assert_eq!(e.field, "mg"),
        other => panic!("expected rejection, got {other:?}"),
    }
    assert_eq!(app.view(&model).entry_count, 0);
}

#[test]
fn prescribed_and_non_prescribed_are_kept_apart_and_unknown_is_never_zero() {
    let (app, mut model) = opened();
    send(&app, &mut model, Event::Log(dose("diazepam", 30.0, false)));
    send(
        &app,
        &mut model,
        Event::Log(EntryDraft::Dose(DoseDraft {
            drug: "Xanax".into(),
            tablets: Some(1.0),
            non_prescribed: true,
            ..DoseDraft::default()
        })),
    );
    send(&app, &mut model, Event::Log(dose("alprazolam", 1.0, true)));
    let PageView::Today(t) = app.view(&model).page else { panic!() };
    assert_eq!((t.totals.prescribed.low_mg, t.totals.prescribed.doses), (30.0, 1));
    assert_eq!(t.totals.prescribed.unknown_doses, 0);
    assert_eq!((t.totals.non_prescribed.low_mg, t.totals.non_prescribed.high_mg), (20.0, 20.0));
    assert_eq!((t.totals.non_prescribed.doses, t.totals.non_prescribed.unknown_doses), (2, 1));
}

#[test]
fn today_names_a_molecule_the_table_has_no_value_for_never_zero() {
    // Marie: zolpidem 10 mg; the Dutch table gives zolpidem no value.
    let (app, mut model) = opened();
    send(&app, &mut model, Event::ChangeSetting(SettingChange::Table { table: EquivalenceTable::Dutch }));
    send(&app, &mut model, Event::Log(dose("zolpidem", 10.0, false)));
    let PageView::Today(t) = app.view(&model).page else { panic!() };
    assert_eq!((t.totals.prescribed.doses, t.totals.prescribed.no_value_doses), (1, 1));
    let text = t.totals_text.replace(['\u{a0}', '\u{202f}'], " ");
    assert!(text.contains("DE prescribed: 1 dose with no value in the Dutch table"), "{text}");
    assert!(!text.contains("DE prescribed: 0 mg"), "never 0 mg DE: {text}");
    assert!(!text.contains("unknown strength"), "{text}");
    assert!(t.doses[0].text.contains("10 mg"), "its own mg: {}", t.doses[0].text);
}

#[test]
fn a_store_failure_is_reported_and_the_model_is_unchanged() {
    let (app, mut model) = opened();
    let mut cmd = app.update(Event::Log(dose("diazepam", 5.0, false)), &mut model);
    cmd.effects().next().unwrap().expect_clock().resolve(now()).unwrap();
    let ev = cmd.events().next().unwrap();
    let mut cmd = app.update(ev, &mut model);
    cmd.effects().next().unwrap().expect_store().resolve(Err(StoreFailed)).unwrap();
    let ev = cmd.events().next().unwrap();
    let _ = app.update(ev, &mut model);
    let view = app.view(&model);
    assert_eq!(view.outcome, Some(Outcome::Failed));
    assert_eq!(view.entry_count, 0);
}

fn set_goal(app: &SteadyApp, model: &mut Model) -> EntryId {
    let draft = GoalDraft {
        set_at: None,
        kind: crate::domain::GoalType::Keep,
        what_matters: "Not fall at night".into(),
        drug: None,
        target_mg: None,
        due: None,
        review_on: Some(day(10)),
        proposed_by: Proposer::Patient,
        agreed_with: None,
    };
    send(app, model, Event::Log(EntryDraft::Goal(draft)));
    match app.view(model).outcome {
        Some(Outcome::Saved(id)) => id,
        other => panic!("goal not saved: {other:?}"),
    }
}

fn review(goal: EntryId, gas: i64) -> EntryDraft {
    EntryDraft::Review { goal, at: None, gas, note: None, decision: ReviewDecision::Keep, next_review: None }
}

#[test]
fn goals_show_today_with_review_due_and_reviews_need_an_existing_goal() {
    let (app, mut model) = opened();
    let goal = set_goal(&app, &mut model);
    let PageView::Today(t) = app.view(&model).page else { panic!() };
    assert_eq!(t.goals.len(), 1);
    assert!(t.goals[0].review_due, "review date is today");

    assert_eq!(send(&app, &mut model, Event::Log(review(goal, 1))).len(), 1);
    let ops = send(&app, &mut model, Event::Log(review(EntryId::new(), 1)));
    assert!(ops.is_empty());
    assert!(matches!(app.view(&model).outcome, Some(Outcome::Rejected(ref e)) if e.field == "goal"));
}

#[test]
fn deleting_a_goal_deletes_its_reviews_in_one_request() {
    let (app, mut model) = opened();
    let goal = set_goal(&app, &mut model);
    send(&app, &mut model, Event::Log(review(goal, 0)));
    send(&app, &mut model, Event::Log(review(goal, 1)));
    let ops = send(&app, &mut model, Event::Delete(goal));
    match ops.as_slice() {
        [StoreOp::Write(w)] => assert_eq!((w.delete.len(), w.insert.len()), (3, 0)),
        other => panic!("one delete of three ids expected, got {other:?}"),
    }
    assert_eq!(app.view(&model).entry_count, 0);
}

#[test]
fn edits_keep_the_id_and_the_kind_and_unknown_ids_are_rejected() {
    let (app, mut model) = opened();
    send(&app, &mut model, Event::Log(dose("diazepam", 10.0, false)));
    let Some(Outcome::Saved(id)) = app.view(&model).outcome else { panic!() };
    let ops = send(&app, &mut model, Event::Edit(id, dose("diazepam", 7.5, false)));
    assert!(matches!(ops.as_slice(), [StoreOp::Write(w)] if w.replace.len() == 1 && w.replace[0].id == id));
    let PageView::Today(t) = app.view(&model).page else { panic!() };
    assert_eq!(t.doses[0].mg, Some(7.5));

    let anxiety = EntryDraft::Anxiety { at: None, score: 3, note: None };
    assert!(send(&app, &mut model, Event::Edit(id, anxiety)).is_empty());
    assert!(matches!(app.view(&model).outcome, Some(Outcome::Rejected(ref e)) if e.field == "kind"));
    assert!(send(&app, &mut model, Event::Delete(EntryId::new())).is_empty());
    assert!(matches!(app.view(&model).outcome, Some(Outcome::Rejected(ref e)) if e.field == "id"));
}

#[test]
fn summary_page_uses_the_chosen_table_and_rejects_a_reversed_period() {
    let (app, mut model) = opened();
    send(&app, &mut model, Event::Log(dose("lormetazepam", 2.0, false)));
    send(&app, &mut model, Event::ChangeSetting(SettingChange::Table { table: EquivalenceTable::Dutch }));
    let period = Period::new(day(4), day(10)).unwrap();
    send(&app, &mut model, Event::Export { period, table: None, options: SummaryOptions::default() });
    let Some(Export::Summary(s)) = app.view(&model).export else { panic!() };
    assert_eq!(s.table.key, "dutch");
    assert_eq!(s.days.len(), 7);
    // Dutch table: lormetazepam 1 mg ≈ 10 mg diazepam.
    assert_eq!((s.days[6].de_low_mg, s.days[6].de_high_mg), (20.0, 20.0));
    assert_eq!(s.days_without_dose, 6);

    assert_eq!(Period::new(day(10), day(4)).unwrap_err().field, "from");
}

#[test]
fn damaged_records_reported_by_the_store_are_shown_not_hidden() {
    let app = SteadyApp;
    let mut model = Model::default();
    let bad = EntryId::new();
    let _ = app.update(Event::Clock(now()), &mut model);
    let _ = app.update(
        Event::Stored(Ok(StoreReply::Loaded {
            entries: vec![],
            damaged: vec![bad],
            integrity: Default::default(),
            id_key: None,
        })),
        &mut model,
    );
    assert_eq!(app.view(&model).damaged, vec![bad]);
}

#[test]
fn export_builds_a_summary_without_leaving_the_page() {
    let (app, mut model) = opened();
    send(&app, &mut model, Event::Log(dose("lormetazepam", 2.0, false)));
    send(
        &app,
        &mut model,
        Event::Export {
            period: Period::new(day(9), day(10)).unwrap(),
            table: Some(EquivalenceTable::Dutch),
            options: SummaryOptions::default(),
        },
    );
    let view = app.view(&model);
    assert!(matches!(view.page, PageView::Today(_)), "the shell stays where it was");
    let Some(Export::Summary(export)) = view.export else { panic!("summary exported") };
    assert_eq!((export.table.key.as_str(), export.days.len()), ("dutch", 2));
    assert_eq!(view.table, EquivalenceTable::Ashton, "the diary's own table is unchanged");
    // The export is a one-off: the next event clears it.
    send(&app, &mut model, Event::Refresh);
    assert!(app.view(&model).export.is_none());
}

fn goal_body(model: &Model, id: EntryId) -> crate::domain::Goal {
    match &model.diary.get(id).unwrap().body {
        EntryBody::Goal(g) => g.clone(),
        _ => panic!("not a goal"),
    }
}

#[test]
fn a_review_and_what_it_decides_for_the_goal_are_one_write() {
    let (app, mut model) = opened();
    let goal = set_goal(&app, &mut model);
    let review = EntryDraft::Review {
        goal,
        at: None,
        gas: -1,
        note: Some("harder than expected".into()),
        decision: ReviewDecision::Change,
        next_review: Some(day(30)),
    };
    let ops = send(&app, &mut model, Event::Log(review));
    match ops.as_slice() {
        [StoreOp::Write(w)] => assert_eq!((w.insert.len(), w.replace.len()), (1, 1)),
        other => panic!("one write expected, got {other:?}"),
    }
    let g = goal_body(&model, goal);
    assert_eq!((g.status, g.review_on), (GoalStatus::Changed, Some(day(30))));
    // A changed goal no longer shows on the today screen.
    let PageView::Today(t) = app.view(&model).page else { panic!() };
    assert!(t.goals.is_empty());
}

#[test]
fn goal_status_moves_through_its_lifecycle() {
    let (app, mut model) = opened();
    let goal = set_goal(&app, &mut model);
    send(&app, &mut model, Event::SetGoalStatus(goal, GoalStatus::OnHold));
    assert_eq!(goal_body(&model, goal).status, GoalStatus::OnHold);
    let PageView::Today(t) = app.view(&model).page else { panic!() };
    assert_eq!(t.goals.len(), 1, "on hold is still an open goal");
    send(&app, &mut model, Event::SetGoalStatus(goal, GoalStatus::Achieved));
    let PageView::Today(t) = app.view(&model).page else { panic!() };
    assert!(t.goals.is_empty());
    assert!(send(&app, &mut model, Event::SetGoalStatus(EntryId::new(), GoalStatus::Active)).is_empty());
}

#[test]
fn goal_progress_on_today_is_measured_from_the_diary() {
    let (app, mut model) = opened();
    let draft = GoalDraft {
        set_at: Some(DateTime::parse_from_rfc3339("2026-03-01T09:00:00+01:00").unwrap()),
        kind: crate::domain::GoalType::Reduce,
        what_matters: "Clear head at work".into(),
        drug: Some("lormetazepam".into()),
        target_mg: Some(1.0),
        due: None,
        review_on: None,
        proposed_by: Proposer::Together,
        agreed_with: None,
    };
    send(&app, &mut model, Event::Log(EntryDraft::Goal(draft)));
    for (d, mg) in [(8, 1.0), (9, 1.5), (10, 0.75)] {
        let at = DateTime::parse_from_rfc3339(&format!("2026-03-{d:02}T22:00:00+01:00")).unwrap();
        let dose = DoseDraft {
            taken_at: Some(at),
            drug: "lormetazepam".into(),
            mg: Some(mg),
            ..DoseDraft::default()
        };
        send(&app, &mut model, Event::Log(EntryDraft::Dose(dose)));
    }
    send(&app, &mut model, Event::Log(dose("alprazolam", 0.5, true)));
    let PageView::Today(t) = app.view(&model).page else { panic!() };
    let p = &t.goals[0].progress;
    assert_eq!((p.from, p.to, p.days), (day(1), day(10), 10));
    assert_eq!((p.days_with_dose, p.days_at_or_under_target), (3, Some(2)));
    assert_eq!(p.mean_daily_mg, Some((1.0 + 1.5 + 0.75) / 3.0));
    assert_eq!(p.days_with_nonprescribed, Some(1));
}

fn plan_draft() -> EntryDraft {
    EntryDraft::Plan(crate::domain::PlanDraft {
        drug: "lormetazepam".into(),
        start_mg: 2.0,
        start: Some(day(1)),
        strengths_mg: vec![1.0, 2.0],
        split: crate::domain::Split::Quarter,
        ..crate::domain::PlanDraft::default()
    })
}

#[test]
fn a_plan_shows_today_and_can_be_held_resumed_and_ended() {
    let (app, mut model) = opened();
    send(&app, &mut model, Event::Log(plan_draft()));
    let PageView::Today(t) = app.view(&model).page else { panic!() };
    let plan = t.plan.expect("plan on today");
    assert_eq!(plan.planned_mg, Some(2.0));
    let before = plan.end_date.unwrap();
    assert!(!plan.holding);

    // Only one active plan at a time.
    assert!(send(&app, &mut model, Event::Log(plan_draft())).is_empty());
    assert!(matches!(app.view(&model).outcome, Some(Outcome::Rejected(ref e)) if e.field == "plan"));

    let ops = send(&app, &mut model, Event::Plan(PlanAction::Hold { reason: "bad week".into() }));
    assert!(matches!(ops.as_slice(), [StoreOp::Write(w)] if w.replace.len() == 1));
    let PageView::Today(t) = app.view(&model).page else { panic!() };
    let held = t.plan.unwrap();
    assert!(held.holding);
    assert!(held.end_date.unwrap() > before, "the end date moves with a hold");

    send(&app, &mut model, Event::Plan(PlanAction::Resume));
    send(&app, &mut model, Event::Show(Page::Plan));
    let PageView::Plan(Some(view)) = app.view(&model).page else { panic!("plan page") };
    assert_eq!(view.holds.len(), 1);
    assert_eq!(view.holds[0].reason, "bad week");

    send(&app, &mut model, Event::Plan(PlanAction::End { reason: Some("goal changed".into()) }));
    send(&app, &mut model, Event::Show(Page::Today));
    let PageView::Today(t) = app.view(&model).page else { panic!() };
    assert!(t.plan.is_none());
    // Nothing to act on once ended.
    assert!(send(&app, &mut model, Event::Plan(PlanAction::Resume)).is_empty());
}

#[test]
fn export_plan_needs_a_plan_and_keeps_the_page() {
    let (app, mut model) = opened();
    send(&app, &mut model, Event::ExportPlan(crate::plan::IcsOptions::default()));
    assert!(matches!(app.view(&model).outcome, Some(Outcome::Rejected(ref e)) if e.field == "plan"));
    send(&app, &mut model, Event::Log(plan_draft()));
    send(&app, &mut model, Event::ExportPlan(crate::plan::IcsOptions::default()));
    let view = app.view(&model);
    assert!(matches!(view.page, PageView::Today(_)));
    assert!(
        matches!(view.export, Some(Export::File(ref f)) if String::from_utf8_lossy(&f.bytes).contains("BEGIN:VEVENT"))
    );
}
