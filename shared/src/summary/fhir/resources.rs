//! One builder per FHIR R4 resource the export contains, each from one diary entry (or the plan),
//! plus the documented mappings from Steady's terms to FHIR value sets. Every builder writes the
//! resource's members, in sorted key order, into the bundle's JSON (see json.rs); empty elements are
//! left out by the writer, so optional facts need no checks here.

use super::json::{Arr, Obj};
use super::{
    fmt1, fmt_num, narrative, qty_mg, quantity, reference, Ctx, Ref, ATC, LOINC, SLEEP_DURATION_LOINC,
};
use crate::domain::goal::gas_label;
use crate::domain::scores::{GAD7_PANEL_LOINC, GAD7_TOTAL_LOINC};
use crate::domain::Keyed;
use crate::domain::{tablets_text, TaperPlan};
use crate::domain::{
    Amount, AnxietyRating, Dose, Gad7, Goal, GoalKind, GoalReview, GoalStatus, LocalInstant, Molecule,
    Proposer, SleepNight, Substance, Use,
};
use crate::plan::{Schedule, StepStatus};
use chrono::{Days, NaiveDate, SecondsFormat};

const OBSERVATION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
const MED_ADMIN_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/medication-admin-category";
const MED_STATEMENT_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/medication-statement-category";
const GOAL_ACHIEVEMENT: &str = "http://terminology.hl7.org/CodeSystem/goal-achievement";
const GOAL_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/goal-category";

/// GAD-7 item codes in questionnaire order (LOINC, as used by the HL7 Personal Health Record
/// Format IG's GAD-7 example): nervous, can't stop worrying, worrying too much, trouble relaxing,
/// restless, irritable, afraid.
const GAD7_ITEMS: [(&str, &str); 7] = [
    ("69725-0", "Feeling nervous, anxious or on edge"),
    ("68509-9", "Not being able to stop or control worrying"),
    ("69733-4", "Worrying too much about different things"),
    ("69734-2", "Trouble relaxing"),
    ("69735-9", "Being so restless that it is hard to sit still"),
    ("69689-8", "Becoming easily annoyed or irritable"),
    ("69736-7", "Feeling afraid as if something awful might happen"),
];

/// LOINC answer list for the GAD-7 items (scores 0…3).
const GAD7_ANSWERS: [(&str, &str); 4] = [
    ("LA6568-5", "Not at all"),
    ("LA6569-3", "Several days"),
    ("LA6570-1", "More than half the days"),
    ("LA6571-9", "Nearly every day"),
];

/// An RFC 3339 timestamp with the patient's own offset (FHIR `dateTime`).
pub fn date_time(t: &LocalInstant) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// The same moment for a person: "2026-02-10 09:00 (UTC+01:00)".
fn when(t: &LocalInstant) -> String {
    t.format("%Y-%m-%d %H:%M (UTC%:z)").to_string()
}

/// A Coding's members (`code`, `display`, `system`: the sorted order).
fn coding(o: &mut Obj, system: &str, code: &str, display: &str) {
    o.str("code", code).str("display", display).str("system", system);
}

/// A CodeableConcept's members: one coding, and `text` when given.
fn concept(o: &mut Obj, system: &str, code: &str, display: &str, text: Option<&str>) {
    o.arr("coding", |a| {
        a.obj(|o| coding(o, system, code, display));
    })
    .opt_str("text", text);
}

/// A CodeableConcept with text only.
fn text_concept(o: &mut Obj, text: &str) {
    o.str("text", text);
}

/// `category`: survey.
fn survey_category(o: &mut Obj) {
    o.arr("category", |a| {
        a.obj(|o| concept(o, OBSERVATION_CATEGORY, "survey", "Survey", None));
    });
}

/// `note`: the patient's note, only when notes are included (and left out when blank).
fn notes(o: &mut Obj, ctx: &Ctx, note: Option<&str>) {
    o.arr("note", |a| {
        if let Some(text) = note.filter(|_| ctx.show_notes) {
            a.obj(|o| {
                o.str("text", text);
            });
        }
    });
}

/// `performer` of an Observation: the patient.
fn performer(o: &mut Obj, ctx: &Ctx) {
    o.arr("performer", |a| {
        a.obj(|o| reference(o, &ctx.patient));
    });
}

/// The members every Observation has from `performer` on (the sorted order puts them last).
fn observation_tail(o: &mut Obj, ctx: &Ctx, line: &str) {
    performer(o, ctx);
    o.str("resourceType", "Observation").str("status", "final");
    o.obj("subject", |o| reference(o, &ctx.patient));
    narrative(o, line);
}

/// The medication as a CodeableConcept: ATC coding with the molecule as display, or text only for
/// an unknown substance (never a guessed code).
pub fn medication_concept(o: &mut Obj, substance: Substance) {
    match substance {
        Substance::Known(m) => molecule_concept(o, m),
        Substance::Unknown => text_concept(o, Substance::Unknown.name()),
    }
}

fn molecule_concept(o: &mut Obj, m: Molecule) {
    concept(o, ATC, m.atc(), m.name(), Some(m.name()));
}

/// "1 tablet", "0.75 tablet", "2 tablets".
fn tablets_word(quarters: u32) -> String {
    let n = f64::from(quarters) / 4.0;
    let word = if quarters > 4 { "tablets" } else { "tablet" };
    format!("{} {word}", fmt_num(n))
}

/// MedicationAdministration for one logged dose.
///
/// - `status` completed, `effectiveDateTime` with the patient's offset, `subject` and `performer`
///   the patient (self-administered, self-reported).
/// - `category`: prescribed use is `medication-admin-category#community` (taken at home);
///   non-prescribed use is `medication-statement-category#patientspecified`. The R4
///   `medication-admin-category` code system only has inpatient | outpatient | community, so
///   `patientspecified` is taken from the system that defines it (the binding is *preferred*, so
///   another system is allowed; a code that does not exist in its system would not be). There is
///   never a `request`: Steady holds no prescriptions, and non-prescribed use has none by definition.
/// - `dosage.dose` in mg (UCUM) when the strength is known. Unknown strength stays unknown: no mg
///   quantity; the dose is the tablet count (UCUM `{tablet}`) with `dosage.text` "… strength
///   unknown", because R4 invariant mad-1 requires a dosage to carry a dose or a rate.
pub fn medication_administration(o: &mut Obj, r: &Ref, dose: &Dose, ctx: &Ctx) {
    let (dosage_text, (value, unit, code)) = match dose.amount {
        Amount::Mg(mg) => (format!("{} mg", fmt_num(mg)), (mg, "mg", "mg")),
        Amount::Tablets { quarters, strength_mg: Some(s) } => (
            format!("{} of {} mg", tablets_word(quarters), fmt_num(s)),
            (s * f64::from(quarters) / 4.0, "mg", "mg"),
        ),
        Amount::Tablets { quarters, strength_mg: None } => (
            format!("{}, strength unknown", tablets_word(quarters)),
            (f64::from(quarters) / 4.0, "tablet", "{tablet}"),
        ),
    };
    let summary_line = format!(
        "{}: {}, {dosage_text} ({}, patient-reported).",
        when(&dose.taken_at),
        dose.substance.name(),
        match dose.use_ {
            Use::Prescribed => "prescribed",
            Use::NonPrescribed => "non-prescribed",
        }
    );
    o.obj("category", |o| match dose.use_ {
        Use::Prescribed => concept(
            o,
            MED_ADMIN_CATEGORY,
            "community",
            "Community",
            Some("Prescribed; taken at home (patient-reported)"),
        ),
        Use::NonPrescribed => concept(
            o,
            MED_STATEMENT_CATEGORY,
            "patientspecified",
            "Patient Specified",
            Some("Non-prescribed use (patient-reported)"),
        ),
    })
    .obj("dosage", |o| {
        o.obj("dose", |o| quantity(o, value, unit, code)).str("text", &dosage_text);
    })
    .str("effectiveDateTime", &date_time(&dose.taken_at))
    .str("id", &r.id)
    .obj("medicationCodeableConcept", |o| medication_concept(o, dose.substance));
    notes(o, ctx, dose.note.as_deref());
    o.arr("performer", |a| {
        a.obj(|o| {
            o.obj("actor", |o| reference(o, &ctx.patient));
        });
    })
    .str("resourceType", "MedicationAdministration")
    .str("status", "completed")
    .obj("subject", |o| reference(o, &ctx.patient));
    narrative(o, &summary_line);
}

/// Observation of one night (LOINC 93832-4 sleep duration, hours in UCUM `h`). The night is an
/// `effectivePeriod` of dates (the evening it began → the next morning): the diary keeps the night
/// as a local date without an offset, and a FHIR time needs one, so no clock time is invented. The
/// other Consensus Sleep Diary items go in components with text-only codes (no LOINC is asserted
/// for them).
pub fn sleep(o: &mut Obj, r: &Ref, night: &SleepNight, ctx: &Ctx) {
    let total = night.total_sleep_min();
    let hours = total.map_or_else(|| "not recorded".to_owned(), |m| format!("{} h", fmt1(m as f64 / 60.0)));
    let line = format!("Night of {}: sleep {hours}, quality {}.", night.night, night.quality.label());
    let end = night.night.checked_add_days(Days::new(1)).unwrap_or(night.night);
    survey_category(o);
    o.obj("code", |o| concept(o, LOINC, SLEEP_DURATION_LOINC, "Sleep duration", Some("Sleep duration")))
        .arr("component", |a| sleep_components(a, night));
    if total.is_none() {
        o.obj("dataAbsentReason", |o| text_concept(o, "not recorded"));
    }
    o.obj("effectivePeriod", |o| {
        o.str("end", &end.to_string()).str("start", &night.night.to_string());
    })
    .str("id", &r.id);
    notes(o, ctx, night.note.as_deref());
    observation_tail(o, ctx, &line);
    if let Some(min) = total {
        o.obj("valueQuantity", |o| quantity(o, min as f64 / 60.0, "h", "h"));
    }
}

/// The Consensus Sleep Diary items of a night other than its duration, as components.
fn sleep_components(a: &mut Arr, night: &SleepNight) {
    let integer = |a: &mut Arr, code: &str, v: i64| {
        a.obj(|o| {
            o.obj("code", |o| text_concept(o, code)).int("valueInteger", v);
        });
    };
    let measured = |a: &mut Arr, code: &str, v: f64, unit: &str| {
        a.obj(|o| {
            o.obj("code", |o| text_concept(o, code)).obj("valueQuantity", |o| quantity(o, v, unit, unit));
        });
    };
    integer(
        a,
        "Sleep quality (Consensus Sleep Diary), 1 very poor to 5 very good",
        night.quality.score().into(),
    );
    if let Some(n) = night.awakenings {
        integer(a, "Number of awakenings", n.into());
    }
    if let Some(m) = night.latency_min {
        measured(a, "Time to fall asleep", f64::from(m), "min");
    }
    if let Some(m) = night.waso_min {
        measured(a, "Time awake after sleep onset", f64::from(m), "min");
    }
    if let Some(t) = night.time_in_bed_min() {
        measured(a, "Time in bed", t as f64, "min");
    }
    if let Some(e) = night.efficiency_percent() {
        measured(a, "Sleep efficiency", e, "%");
    }
}

/// Observation of one daily 0–10 anxiety rating. No standard LOINC code is asserted: LOINC has no
/// code for this generic numeric rating, so the code is text only and the value an integer.
pub fn anxiety(o: &mut Obj, r: &Ref, rating: &AnxietyRating, ctx: &Ctx) {
    let line = format!("{}: anxiety {} on a 0–10 scale.", when(&rating.at), rating.score);
    survey_category(o);
    o.obj("code", |o| text_concept(o, "Anxiety rating 0–10"))
        .str("effectiveDateTime", &date_time(&rating.at))
        .str("id", &r.id);
    notes(o, ctx, rating.note.as_deref());
    observation_tail(o, ctx, &line);
    o.int("valueInteger", rating.score);
}

/// A GAD-7 as two Observations: the panel (LOINC 69737-5) with the seven items as components
/// (LOINC item codes, LOINC answer codes) and `hasMember` pointing to the total score (LOINC
/// 70274-6, `valueInteger`, band in `interpretation.text`). This writes the panel; [`gad7_total`]
/// the total.
pub fn gad7_panel(o: &mut Obj, panel: &Ref, total: &Ref, g: &Gad7, ctx: &Ctx) {
    let scores: Vec<String> = g.items.iter().map(u8::to_string).collect();
    let line = format!("GAD-7 on {}: item scores {}.", when(&g.at), scores.join(", "));
    survey_category(o);
    o.obj("code", |o| {
        concept(o, LOINC, GAD7_PANEL_LOINC, "Generalized anxiety disorder 7 item (GAD-7)", Some("GAD-7"))
    })
    .arr("component", |a| {
        for ((code, text), score) in GAD7_ITEMS.iter().zip(g.items) {
            let (a_code, a_text) = GAD7_ANSWERS[usize::from(score.min(3))];
            a.obj(|o| {
                o.obj("code", |o| concept(o, LOINC, code, text, Some(text)))
                    .obj("valueCodeableConcept", |o| concept(o, LOINC, a_code, a_text, Some(a_text)));
            });
        }
    })
    .str("effectiveDateTime", &date_time(&g.at))
    .arr("hasMember", |a| {
        a.obj(|o| reference(o, &total.url));
    })
    .str("id", &panel.id);
    observation_tail(o, ctx, &line);
}

/// The total score Observation of a GAD-7 (see [`gad7_panel`]).
pub fn gad7_total(o: &mut Obj, panel: &Ref, total: &Ref, g: &Gad7, ctx: &Ctx) {
    let band = g.band();
    let line = format!("GAD-7 total {} ({}) on {}.", g.total(), band.label(), when(&g.at));
    let cut = match band {
        crate::domain::Gad7Band::Minimal => "0–4",
        crate::domain::Gad7Band::Mild => "5–9",
        crate::domain::Gad7Band::Moderate => "10–14",
        crate::domain::Gad7Band::Severe => "15–21",
    };
    survey_category(o);
    o.obj("code", |o| {
        concept(
            o,
            LOINC,
            GAD7_TOTAL_LOINC,
            "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]",
            Some("GAD-7 total score"),
        )
    })
    .arr("derivedFrom", |a| {
        a.obj(|o| reference(o, &panel.url));
    })
    .str("effectiveDateTime", &date_time(&g.at))
    .str("id", &total.id)
    .arr("interpretation", |a| {
        a.obj(|o| {
            o.str("text", &format!("{} anxiety (GAD-7 {cut}; Spitzer 2006)", band.label()));
        });
    });
    observation_tail(o, ctx, &line);
    o.int("valueInteger", g.total());
}

/// Goal.lifecycleStatus (R4 value set goal-status: proposed | planned | accepted | active |
/// on-hold | completed | cancelled | entered-in-error | rejected):
/// proposed → proposed, active → active, on hold → on-hold, achieved → completed, changed →
/// completed (R4: "no longer being sought"; it was replaced at a review, not abandoned; a note says
/// so), abandoned → cancelled (R4: "the goal has been abandoned").
pub fn lifecycle_status(status: GoalStatus) -> &'static str {
    match status {
        GoalStatus::Proposed => "proposed",
        GoalStatus::Active => "active",
        GoalStatus::OnHold => "on-hold",
        GoalStatus::Achieved | GoalStatus::Changed => "completed",
        GoalStatus::Abandoned => "cancelled",
    }
}

/// Goal.achievementStatus (R4 code system goal-achievement) from the goal's status and the GAS
/// score of its latest review up to the end of the period:
/// - achieved → `achieved`.
/// - changed or abandoned → none: closing a goal is not a verdict; the reviews carry the scores.
/// - open goals without a review → none: nothing has been evaluated yet.
/// - open "keep" / "stable" goals (maintenance): GAS ≥ 0 → `sustaining`, −1 → `in-progress`,
///   −2 → `no-progress`.
/// - open "stop" / "reduce" goals: GAS +1/+2 → `improving`, 0 / −1 → `in-progress`, −2 →
///   `no-progress`.
///
/// `worsening` is never used: GAS rates attainment against the expected level, not a change over
/// time, so it cannot say the situation regressed.
pub fn achievement_status(
    status: GoalStatus,
    kind: &GoalKind,
    latest_gas: Option<i8>,
) -> Option<(&'static str, &'static str)> {
    if status == GoalStatus::Achieved {
        return Some(("achieved", "Achieved"));
    }
    if !status.is_open() {
        return None;
    }
    let gas = latest_gas?;
    let maintenance = matches!(kind, GoalKind::Keep | GoalKind::Stable { .. });
    Some(match (maintenance, gas) {
        (_, g) if g <= -2 => ("no-progress", "No Progress"),
        (true, g) if g >= 0 => ("sustaining", "Sustaining"),
        (false, g) if g >= 1 => ("improving", "Improving"),
        _ => ("in-progress", "In Progress"),
    })
}

fn proposer(p: Proposer) -> &'static str {
    match p {
        Proposer::Patient => "the patient",
        Proposer::Clinician => "the clinician",
        Proposer::Together => "the patient and the clinician together",
    }
}

/// Goal.target from the treatment goal: reduce → the molecule's daily dose in mg; stop → 0 mg;
/// stable → 0 non-prescribed doses; keep → only the due date, if any.
fn goal_target(o: &mut Obj, kind: &GoalKind, due: Option<NaiveDate>) {
    let due = due.map(|d| d.to_string());
    let measure = |o: &mut Obj, text: &str| {
        o.obj("measure", |o| text_concept(o, text));
    };
    match kind {
        GoalKind::Reduce { molecule, target_mg } => {
            o.obj("detailQuantity", |o| qty_mg(o, *target_mg)).opt_str("dueDate", due.as_deref());
            measure(o, &format!("daily dose of {}", molecule.name()));
        }
        GoalKind::Stop { molecule } => {
            o.obj("detailQuantity", |o| qty_mg(o, 0.0)).opt_str("dueDate", due.as_deref());
            measure(
                o,
                &format!("daily dose of {}", molecule.map_or("benzodiazepines and Z-drugs", Molecule::name)),
            );
        }
        GoalKind::Stable { molecule } => {
            o.int("detailInteger", 0).opt_str("dueDate", due.as_deref());
            measure(
                o,
                &match molecule {
                    Some(m) => format!("doses of {} outside the prescription", m.name()),
                    None => "doses outside the prescription".to_owned(),
                },
            );
        }
        GoalKind::Keep => {
            o.opt_str("dueDate", due.as_deref());
        }
    }
}

/// Goal for one of the patient's goals. `description.text` is the patient's own words; the
/// treatment goal, who proposed it and who agreed go in `note` (generated text, not a patient
/// note). Reviews are separate Observations (see [`review`]) listed in `outcomeReference`.
pub fn goal(o: &mut Obj, r: &Ref, g: &Goal, latest_gas: Option<i8>, outcomes: &[String], ctx: &Ctx) {
    let mut generated = vec![format!("Treatment goal: {}.", g.kind.describe())];
    let mut who = format!("Proposed by {}", proposer(g.proposed_by));
    if let Some(a) = &g.agreed_with {
        who.push_str(&format!("; agreed with {a}"));
    }
    generated.push(format!("{who}."));
    if let Some(d) = g.review_on {
        generated.push(format!("Next review on {d}."));
    }
    if g.status == GoalStatus::Changed {
        generated.push("Changed at a review: replaced by another goal.".to_owned());
    }
    let line = format!(
        "Goal: \u{201c}{}\u{201d}. Treatment goal: {}. Status: {}.",
        g.what_matters,
        g.kind.describe(),
        g.status.key().replace('_', " ")
    );
    if let Some((code, display)) = achievement_status(g.status, &g.kind, latest_gas) {
        o.obj("achievementStatus", |o| concept(o, GOAL_ACHIEVEMENT, code, display, Some(display)));
    }
    o.arr("category", |a| {
        a.obj(|o| concept(o, GOAL_CATEGORY, "behavioral", "Behavioral", None));
    })
    .obj("description", |o| text_concept(o, &g.what_matters))
    .obj("expressedBy", |o| match g.proposed_by {
        Proposer::Patient | Proposer::Together => reference(o, &ctx.patient),
        Proposer::Clinician => {
            o.str("display", "clinician");
        }
    })
    .str("id", &r.id)
    .str("lifecycleStatus", lifecycle_status(g.status))
    .arr("note", |a| {
        for t in &generated {
            a.obj(|o| {
                o.str("text", t);
            });
        }
    })
    .arr("outcomeReference", |a| {
        for u in outcomes {
            a.obj(|o| reference(o, u));
        }
    })
    .str("resourceType", "Goal")
    .str("startDate", &g.set_at.date_naive().to_string())
    .obj("subject", |o| reference(o, &ctx.patient))
    .arr("target", |a| {
        a.obj(|o| goal_target(o, &g.kind, g.due));
    });
    narrative(o, &line);
}

/// A goal review as an Observation rather than a Goal note, so the GAS score stays a number a
/// record can chart: text-only code (no LOINC for GAS is asserted), `valueInteger` −2…+2, its
/// label in `interpretation.text`, `focus` → the Goal, the decision and next review date as
/// components, and the patient's note only when notes are included.
pub fn review(o: &mut Obj, r: &Ref, rv: &GoalReview, goal_url: &str, ctx: &Ctx) {
    let line = format!(
        "Goal review on {}: GAS {:+} ({}), decision: {}.",
        when(&rv.at),
        rv.gas,
        gas_label(rv.gas),
        rv.decision.key()
    );
    o.obj("code", |o| text_concept(o, "Goal Attainment Scaling (GAS) rating, -2 to +2"))
        .arr("component", |a| {
            a.obj(|o| {
                o.obj("code", |o| text_concept(o, "Decision at review"))
                    .obj("valueCodeableConcept", |o| text_concept(o, rv.decision.key()));
            });
            if let Some(next) = rv.next_review {
                a.obj(|o| {
                    o.obj("code", |o| text_concept(o, "Next review")).str("valueDateTime", &next.to_string());
                });
            }
        })
        .str("effectiveDateTime", &date_time(&rv.at))
        .arr("focus", |a| {
            a.obj(|o| reference(o, goal_url));
        })
        .str("id", &r.id)
        .arr("interpretation", |a| {
            a.obj(|o| text_concept(o, gas_label(rv.gas)));
        });
    notes(o, ctx, rv.note.as_deref());
    observation_tail(o, ctx, &line);
    o.int("valueInteger", rv.gas);
}

/// CarePlan.status: ended with later steps cancelled → revoked (stopped before completion); ended
/// with nothing cancelled → completed; holding → on-hold (a hold is a normal pause, the plan
/// resumes); otherwise active.
pub fn care_plan_status(plan: &TaperPlan, schedule: &Schedule) -> &'static str {
    if plan.ended.is_some() {
        if schedule.steps.iter().any(|s| s.status == StepStatus::Cancelled) {
            "revoked"
        } else {
            "completed"
        }
    } else if schedule.holding {
        "on-hold"
    } else {
        "active"
    }
}

/// CarePlan activity status per step: done → completed, current → in-progress (on-hold while the
/// plan is holding), upcoming → not-started, cancelled → cancelled.
pub fn step_status(status: StepStatus, holding: bool) -> &'static str {
    match status {
        StepStatus::Done => "completed",
        StepStatus::Current if holding => "on-hold",
        StepStatus::Current => "in-progress",
        StepStatus::Upcoming => "not-started",
        StepStatus::Cancelled => "cancelled",
    }
}

/// CarePlan for a taper plan: one `activity.detail` per computed step (scheduled period, daily
/// amount in mg, ATC product, description such as "1.75 mg lormetazepam daily"), holds, pace
/// changes, the switch (with the equivalence table and its source) and the end as notes. Hold and
/// end reasons are the patient's words and follow the notes choice.
pub fn care_plan(o: &mut Obj, r: &Ref, plan: &TaperPlan, schedule: &Schedule, goals: &[String], ctx: &Ctx) {
    let name = plan.molecule.name();
    let steps = &schedule.steps;
    let activities: Vec<(Option<NaiveDate>, String)> = steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let end = match steps.get(i + 1) {
                Some(n) if n.status == StepStatus::Cancelled && step.status != StepStatus::Cancelled => {
                    schedule.ended_on
                }
                Some(n) => n.date.pred_opt(),
                None => schedule.ended_on,
            };
            let mut description = if step.dose_mg > 0.0 {
                format!("{} mg {name} daily", fmt_num(step.dose_mg))
            } else {
                format!("0 mg {name}: stopped")
            };
            if step.index > 0 {
                description.push_str(&format!(" (step {}, -{} %", step.index, fmt1(step.cut_percent)));
                if step.extended {
                    description.push_str(", interval lengthened because the tablets allow no smaller cut");
                }
                description.push(')');
            }
            if !step.tablets.is_empty() {
                description.push_str(&format!("; tablets: {}", tablets_text(&step.tablets)));
            }
            if let Some(flag) = &step.pace_flag {
                description.push_str(&format!("; {}", flag.reason));
            }
            (end, description)
        })
        .collect();

    let mut notes_out: Vec<String> = Vec::new();
    if let Some(s) = &plan.switch {
        notes_out.push(format!(
            "Switched from {} {} mg/day to diazepam before tapering, agreed with {}. Equivalence used: \
             {} mg {} ≈ {} mg diazepam per {} (source: {}).",
            s.from.name(),
            fmt_num(s.from_mg),
            s.agreed_with,
            fmt_num(s.from_mg),
            s.from.name(),
            super::range(s.diazepam_mg.low, s.diazepam_mg.high),
            s.table.name(),
            s.source(),
        ));
    }
    for h in &plan.holds {
        let span = match h.until.and_then(|u| u.pred_opt()) {
            Some(last) => format!("Hold from {} to {} ({} days)", h.from, last, h.days(last)),
            None => format!("Hold since {} (ongoing)", h.from),
        };
        let reason = if ctx.show_notes && !h.reason.trim().is_empty() {
            format!(": {}", h.reason)
        } else {
            String::new()
        };
        notes_out.push(format!("{span}{reason}. The schedule moves later by the days held."));
    }
    for c in &plan.changes {
        notes_out.push(format!(
            "Pace changed from {}: {} % of the current dose every {} days.",
            c.from,
            fmt_num(c.percent),
            c.interval_days
        ));
    }
    if let Some(e) = &plan.ended {
        let reason = match (&e.reason, ctx.show_notes) {
            (Some(r), true) => format!(": {r}"),
            _ => String::new(),
        };
        notes_out.push(format!("Plan ended on {}{reason}.", e.on));
    }
    let flagged = schedule.steps.iter().filter(|s| s.pace_flag.is_some()).count();
    if flagged > 0 {
        notes_out.push(format!(
            "{flagged} step(s) faster than the chosen {} pace (ASAM 2025 guideline); informative only.",
            plan.pace.key()
        ));
    }
    let strengths: Vec<String> = plan.strengths_mg.iter().map(|s| format!("{} mg", fmt_num(*s))).collect();
    let description = format!(
        "Taper of {name} from {} mg/day: {} % of the current dose every {} days, rounded to what {} \
         tablets split in {} allow; stop at {} mg. Patient-paced; Steady records and computes, it does \
         not prescribe.",
        fmt_num(plan.start_mg),
        fmt_num(plan.percent),
        plan.interval_days,
        strengths.join(" and "),
        match plan.split.parts() {
            1 => "whole tablets",
            2 => "halves",
            _ => "quarters",
        },
        fmt_num(plan.floor_mg),
    );
    let end = schedule.ended_on.or(schedule.end_date);
    o.arr("activity", |a| {
        for (step, (end, description)) in steps.iter().zip(&activities) {
            a.obj(|o| {
                o.obj("detail", |o| {
                    o.obj("dailyAmount", |o| qty_mg(o, step.dose_mg))
                        .str("description", description)
                        .obj("productCodeableConcept", |o| molecule_concept(o, plan.molecule))
                        .obj("scheduledPeriod", |o| {
                            o.opt_str("end", end.map(|d| d.to_string()).as_deref())
                                .str("start", &step.date.to_string());
                        })
                        .str("status", step_status(step.status, schedule.holding));
                });
            });
        }
    })
    .obj("author", |o| reference(o, &ctx.patient))
    .str("description", &description)
    .arr("goal", |a| {
        for u in goals {
            a.obj(|o| reference(o, u));
        }
    })
    .str("id", &r.id)
    .str("intent", "plan")
    .arr("note", |a| {
        for t in &notes_out {
            a.obj(|o| {
                o.str("text", t);
            });
        }
    })
    .obj("period", |o| {
        o.opt_str("end", end.map(|d| d.to_string()).as_deref()).str("start", &plan.start.to_string());
    })
    .str("resourceType", "CarePlan")
    .str("status", care_plan_status(plan, schedule))
    .obj("subject", |o| reference(o, &ctx.patient));
    narrative(o, &description);
    o.str("title", &format!("Taper plan: {name}"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goal_status_mapping_stays_in_the_r4_value_sets() {
        let r4 =
            ["proposed", "planned", "accepted", "active", "on-hold", "completed", "cancelled", "rejected"];
        for &s in GoalStatus::ALL {
            assert!(r4.contains(&lifecycle_status(s)), "{s:?}");
        }
        let reduce = GoalKind::Reduce { molecule: Molecule::Lormetazepam, target_mg: 0.5 };
        let a = |s, k: &GoalKind, g| achievement_status(s, k, g).map(|x| x.0);
        assert_eq!(a(GoalStatus::Achieved, &reduce, None), Some("achieved"));
        assert_eq!(a(GoalStatus::Active, &reduce, None), None);
        assert_eq!(a(GoalStatus::Active, &reduce, Some(2)), Some("improving"));
        assert_eq!(a(GoalStatus::Active, &reduce, Some(0)), Some("in-progress"));
        assert_eq!(a(GoalStatus::Active, &reduce, Some(-1)), Some("in-progress"));
        assert_eq!(a(GoalStatus::Active, &reduce, Some(-2)), Some("no-progress"));
        assert_eq!(a(GoalStatus::Active, &GoalKind::Keep, Some(0)), Some("sustaining"));
        assert_eq!(a(GoalStatus::OnHold, &GoalKind::Keep, Some(-1)), Some("in-progress"));
        assert_eq!(a(GoalStatus::Changed, &reduce, Some(2)), None);
        for g in -2..=2 {
            for k in [&reduce, &GoalKind::Keep] {
                assert_ne!(a(GoalStatus::Active, k, Some(g)), Some("worsening"));
            }
        }
    }

    #[test]
    fn step_statuses_map_to_care_plan_activity_statuses() {
        assert_eq!(step_status(StepStatus::Done, false), "completed");
        assert_eq!(step_status(StepStatus::Current, false), "in-progress");
        assert_eq!(step_status(StepStatus::Current, true), "on-hold");
        assert_eq!(step_status(StepStatus::Upcoming, true), "not-started");
        assert_eq!(step_status(StepStatus::Cancelled, false), "cancelled");
        assert_eq!(tablets_word(4), "1 tablet");
        assert_eq!(tablets_word(3), "0.75 tablet");
        assert_eq!(tablets_word(8), "2 tablets");
    }
}
