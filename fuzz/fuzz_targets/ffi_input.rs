//! What the phones send across the FFI, call by call: `log` / `edit` with the core's own drafts
//! (`EntryDraft`, `DoseDraft`, `SleepDraft`, `GoalDraft`, `PlanDraft`, `MedicineDraft`…), `delete`,
//! `set_goal_status`, `plan_action`, `summary` requests, and text typed into a field sent to the
//! exported grammar (`parse_tablets`, `parse_number`, `parse_date`, `parse_clock_time`) or to
//! `read_instant`. Every date, clock time, instant and id travels as a fuzzed string and is lifted as
//! the FFI's custom types lift it; drafts are then validated as the app validates them
//! (`EntryDraft::validate`), plans scheduled (`TaperPlan::schedule`) and re-planned as
//! `plan_action` does, summary requests resolved. Invariants:
//! - no panic, and no `Internal` error (which would be a panic caught at the boundary);
//! - every refusal is `InvalidInput` naming a field, with a `detail` (the refusal in words) that is
//!   a non-empty line without control characters, and at most 40 characters of input echoed; a
//!   string the wire refuses names the wire field (`date`, `time`, `instant`, `id`);
//! - what the grammar accepts is finite, and dates and clock times lower and lift back to
//!   themselves; what validation accepts is no more than a day ahead of the device clock and not
//!   before 1970, its instants cross the FFI and back unchanged (offset included), a medicine's
//!   usual times are in order and within the limit, and it survives the store's JSON encoding
//!   unchanged;
//! - a schedule has at most `MAX_STEPS` steps, starting at the plan's start dose and date, each
//!   step later and lower than the one before and made of the plan's tablets or, past them, of its
//!   tail alone (a whole number of the tail's smallest dose), and at most one current step.
#![no_main]

use chrono::NaiveDate;
use chrono_tz::Tz;
use libfuzzer_sys::fuzz_target;
use steady_core::domain::medicine::MAX_TIMES;
use steady_core::domain::time::{EARLIEST, MAX_AHEAD};
use steady_core::domain::{
    parse, Entry, EntryBody, EntryId, Field, FixedZone, LocalInstant, Tail, TaperPlan, Zone,
};
use steady_core::ffi::{parse_clock_time, parse_date, parse_number, parse_tablets, SteadyError};
use steady_core::plan::{Step, StepForm, StepStatus, MAX_STEPS};
use steady_core::PlanAction;
use steady_fuzz::ffi::{call, check_steady_error, Call, Typed};
use steady_fuzz::{base_now, check_refusal, Reader};

/// A value the wire refused: named as the wire field.
fn lift_refused(e: &SteadyError) {
    let v = check_steady_error(e);
    assert!(
        matches!(v.field, Field::Date | Field::Time | Field::Instant | Field::Id),
        "lift names {}",
        v.field
    );
}

/// An instant as the FFI lowers it (RFC 3339) lifts back to itself, offset included.
fn crosses(at: &LocalInstant) {
    let back = parse::rfc3339(&at.to_rfc3339()).expect("a lowered instant lifts");
    assert_eq!((back, back.offset()), (*at, at.offset()));
}

fn dated(at: &LocalInstant, now: LocalInstant) {
    crosses(at);
    assert!(*at <= now + MAX_AHEAD, "accepted more than a day ahead");
    assert!(at.date_naive() >= EARLIEST, "accepted before 1970");
}

/// What validation accepted: in the diary's time range, across the FFI and through the store's
/// encoding unchanged.
fn check_body(body: &EntryBody, now: LocalInstant) {
    match body {
        EntryBody::Dose(d) => dated(&d.taken_at, now),
        EntryBody::Anxiety(a) => dated(&a.at, now),
        EntryBody::Gad7(g) => dated(&g.at, now),
        EntryBody::Goal(g) => dated(&g.set_at, now),
        EntryBody::Review(r) => dated(&r.at, now),
        EntryBody::Question(q) => dated(&q.asked_at, now),
        EntryBody::Sleep(s) => {
            assert!(s.night >= EARLIEST && s.night <= (now + MAX_AHEAD).date_naive(), "night {}", s.night)
        }
        EntryBody::Plan(p) => assert!(p.start >= EARLIEST),
        EntryBody::Medicine(m) => {
            assert!(
                m.started >= EARLIEST && m.started <= (now + MAX_AHEAD).date_naive(),
                "started {}",
                m.started
            );
            assert!(m.stopped.is_none() && m.regimen.len() == 1 && m.regimen[0].from == m.started);
            let times = &m.regimen[0].times;
            assert!(times.windows(2).all(|w| w[0] < w[1]) && times.len() <= MAX_TIMES, "times in order");
        }
        EntryBody::Skip(s) => dated(&s.at, now),
        EntryBody::Settings(_) => panic!("settings are not a draft"),
    }
    let entry = Entry { id: EntryId::new(), body: body.clone() };
    let json = serde_json::to_string(&entry).expect("a valid entry encodes");
    let back: Entry = serde_json::from_str(&json).expect("a valid entry decodes");
    assert!(back == entry, "a valid entry survives the store's encoding");
}

/// A tablet step is made of the plan's tablets; a tail step of the plan's tail alone: no tablets,
/// a whole number of the tail's smallest doses, and for a liquid the volume that gives the dose.
fn made_as_its_form_says(plan: &TaperPlan, step: &Step) {
    let dose = step.dose_mg;
    match (step.form, plan.tail) {
        (StepForm::Tablets, _) => {
            let made: f64 = step.tablets.iter().map(|(mg, q)| mg * f64::from(*q) / 4.0).sum();
            assert!((made - dose).abs() < 1e-6, "{made} mg of tablets for a {dose} mg tablet step");
            assert!(step.tablets.iter().all(|(mg, _)| plan.strengths_mg.contains(mg)), "the plan's tablets");
            assert!(step.liquid_ml.is_none(), "a tablet step measures no liquid");
        }
        (form, Some(tail)) => {
            assert!(step.tablets.is_empty() && dose > 0.0, "a {} mg {form:?} step lists tablets", dose);
            let (r, n) = (tail.resolution_mg(), dose / tail.resolution_mg());
            assert!((n - n.round()).abs() < 1e-6, "{dose} mg is not a whole number of the tail's {r} mg");
            match (form, tail) {
                (StepForm::Liquid, Tail::Liquid { mg_per_ml, .. }) => {
                    let ml = step.liquid_ml.expect("a liquid step names its volume");
                    assert!((ml * mg_per_ml - dose).abs() < 1e-6, "{ml} ml of {mg_per_ml} mg/ml for {dose} mg");
                }
                (StepForm::Compounded, Tail::Compounded { .. }) => assert!(step.liquid_ml.is_none()),
                (form, tail) => panic!("a {form:?} step in a plan whose tail is {}", tail.key()),
            }
        }
        (form, None) => panic!("a {form:?} step in a plan without a tail"),
    }
}

/// The plan's steps as of `day`, checked.
fn check_schedule(plan: &TaperPlan, day: NaiveDate) {
    let s = plan.schedule(day);
    assert!(!s.steps.is_empty() && s.steps.len() <= MAX_STEPS, "{} steps", s.steps.len());
    assert_eq!((s.steps[0].date, s.steps[0].dose_mg), (plan.start, plan.start_mg), "starts at the start");
    for (i, step) in s.steps.iter().enumerate() {
        assert_eq!(step.index as usize, i);
        assert!(step.dose_mg.is_finite() && step.dose_mg >= 0.0, "dose {}", step.dose_mg);
        assert!((0.0..=100.0).contains(&step.cut_percent), "cut {} %", step.cut_percent);
        made_as_its_form_says(plan, step);
    }
    for w in s.steps.windows(2) {
        assert!(w[1].dose_mg < w[0].dose_mg, "a step never raises the dose");
        assert!(w[1].date > w[0].date, "each step comes later");
    }
    assert!(s.steps.iter().filter(|st| st.status == StepStatus::Current).count() <= 1);
    if let Some(end) = s.end_date {
        assert!(end >= plan.start);
    }
}

fn check_plan(plan: &TaperPlan, today: NaiveDate) {
    check_schedule(plan, today);
    check_schedule(plan, plan.start);
}

fn typed(t: Typed, today: NaiveDate, now: LocalInstant) {
    match t {
        Typed::Tablets(text) => match parse_tablets(text) {
            Ok(v) => assert!(v.is_finite()),
            Err(e) => assert_eq!(check_steady_error(&e).field, Field::Tablets),
        },
        Typed::Number(text) => match parse_number(text) {
            Ok(v) => assert!(v.is_finite()),
            Err(e) => assert_eq!(check_steady_error(&e).field, Field::Mg),
        },
        Typed::Date(text, on) => match on {
            Err(e) => lift_refused(&e),
            Ok(on) => match parse_date(text, on) {
                Ok(d) => assert_eq!(parse::iso_date(&d.format("%Y-%m-%d").to_string()), Some(d), "lowers"),
                Err(e) => assert_eq!(check_steady_error(&e).field, Field::Date),
            },
        },
        Typed::ClockTime(text) => match parse_clock_time(text) {
            Ok(t) => assert_eq!(parse::hh_mm(&t.format("%H:%M").to_string()), Some(t), "lowers"),
            Err(e) => assert_eq!(check_steady_error(&e).field, Field::Time),
        },
        Typed::Instant(text, zone) => {
            // `read_instant` in the phone's zone: its device zone, or a zone with DST.
            let fixed = FixedZone(*now.offset());
            let zones: [&dyn Zone; 3] = [&fixed, &Tz::Europe__Brussels, &Tz::Australia__Lord_Howe];
            match parse::instant(Field::At, &text, zones[usize::from(zone) % 3], today) {
                Ok(at) => crosses(&at),
                Err(e) => {
                    assert_eq!(e.field, Field::At);
                    check_steady_error(&SteadyError::from(e));
                }
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut r = Reader::new(data);
    let now = base_now();
    let today = now.date_naive();
    // The plan logged last: what `plan_action` acts on.
    let mut plan: Option<TaperPlan> = None;
    while !r.is_empty() {
        let draft = match call(&mut r) {
            Call::Log(draft) => draft,
            Call::Edit(edit) => edit.map(|(_, draft)| draft),
            Call::Delete(id) => {
                id.err().inspect(lift_refused);
                continue;
            }
            Call::SetGoalStatus(set) => {
                set.err().inspect(lift_refused);
                continue;
            }
            Call::Plan(action) => {
                let Some(current) = &plan else { continue };
                // As the app applies it: from today.
                let changed = match &action {
                    PlanAction::Hold { reason } => current.hold(today, reason),
                    PlanAction::Resume => current.resume(today),
                    PlanAction::ChangePace { percent, interval_days } => {
                        current.change_pace(today, *percent, *interval_days)
                    }
                    PlanAction::End { reason } => current.end(today, reason.as_deref()),
                };
                match changed {
                    Ok(p) => {
                        check_plan(&p, today);
                        plan = Some(p);
                    }
                    Err(e) => {
                        check_steady_error(&SteadyError::from(e));
                    }
                }
                continue;
            }
            Call::Summary(req) => {
                match req {
                    Err(e) => lift_refused(&e),
                    Ok(req) => match req.resolve(today) {
                        Ok(resolved) => {
                            let (from, to) = (resolved.period.from(), resolved.period.to());
                            assert!(
                                from <= to
                                    && req.to.is_none_or(|t| t == to)
                                    && req.from.is_none_or(|f| f == from)
                            );
                        }
                        Err(e) => {
                            assert_eq!(e.field, Field::From);
                            check_refusal(&e);
                        }
                    },
                }
                continue;
            }
            Call::Typed(t) => {
                typed(t, today, now);
                continue;
            }
        };
        match draft {
            Err(e) => lift_refused(&e),
            Ok(draft) => match draft.validate(now, |_| true) {
                Ok(body) => {
                    check_body(&body, now);
                    if let EntryBody::Plan(p) = body {
                        check_plan(&p, today);
                        plan = Some(*p);
                    }
                }
                Err(e) => {
                    check_steady_error(&SteadyError::from(e));
                }
            },
        }
    }
});
