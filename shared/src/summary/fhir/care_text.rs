//! The free text of the Goal and CarePlan resources — notes, the CarePlan's and each activity's
//! `description`, a goal target's `measure.text` — in the document's language, so a French GP
//! reads French. Code displays stay in their code system's (English) words; this is only what a
//! person reads. Wherever the text and PDF summaries already say the same fact (`plan-*`, `goal-*`,
//! `review-*` in summary.ftl, [`Texts::pace_reason`], [`Texts::plan_step_form`]) the same message
//! is used, so the three formats never word one fact differently. Dates, amounts and percentages
//! go through [`Texts::date`], [`Texts::mg`] and [`Texts::percent`], as the narratives do.

use crate::domain::{Goal, GoalKind, GoalStatus, Molecule, TaperPlan};
use crate::i18n::{Arg, Texts};
use crate::plan::{Schedule, Step, StepForm};

/// The generated notes of a Goal: the treatment goal, who proposed it (and who agreed), the next
/// review, and that a changed goal was replaced. Never the patient's own note.
pub(super) fn goal_notes(t: &Texts, g: &Goal) -> Vec<String> {
    let mut notes = vec![t.t_args("fhir-goal-treatment", &[("goal", Arg::Str(t.goal_kind(&g.kind)))])];
    let proposed = Arg::Str(t.proposer(g.proposed_by));
    notes.push(match g.agreed_with.as_deref().filter(|a| !a.trim().is_empty()) {
        Some(who) => {
            t.t_args("fhir-goal-proposed-agreed", &[("proposed", proposed), ("who", Arg::from(who))])
        }
        None => t.t_args("fhir-goal-proposed", &[("proposed", proposed)]),
    });
    if let Some(d) = g.review_on {
        notes.push(t.t_args("review-next", &[("date", Arg::Str(t.date(d)))]));
    }
    if g.status == GoalStatus::Changed {
        notes.push(t.t("fhir-goal-changed"));
    }
    notes
}

/// What a goal's target measures ("daily dose of diazepam"); `None` for a "keep" goal, which has
/// only a due date.
pub(super) fn goal_measure(t: &Texts, kind: &GoalKind) -> Option<String> {
    let of = |id: &str, m: Molecule| t.t_args(id, &[("molecule", Arg::Str(t.molecule(m)))]);
    Some(match kind {
        GoalKind::Reduce { molecule, .. } | GoalKind::Stop { molecule: Some(molecule) } => {
            of("fhir-goal-measure-dose", *molecule)
        }
        GoalKind::Stop { molecule: None } => t.t("fhir-goal-measure-dose-all"),
        GoalKind::Stable { molecule: Some(m) } => of("fhir-goal-measure-outside", *m),
        GoalKind::Stable { molecule: None } => t.t("fhir-goal-measure-outside-all"),
        GoalKind::Keep => return None,
    })
}

/// A step's tablets in the document's number style: "3 × 10 mg", "1,5 × 2 mg + 1 × 0,5 mg".
fn tablets_list(t: &Texts, tablets: &[(f64, u32)]) -> String {
    let parts: Vec<String> = tablets
        .iter()
        .filter(|(_, q)| *q > 0)
        .map(|&(strength, q)| format!("{} × {}", t.number(f64::from(q) / 4.0, 2), t.mg(strength)))
        .collect();
    parts.join(" + ")
}

/// One activity's `detail.description`: the daily dose and the step's cut, the lengthened interval,
/// the tablets (or the tail's liquid or compounded form: never tablets for those), and why the step
/// is faster than the chosen pace, in the same sentence as the text summary and the plan screen.
pub(super) fn step_description(t: &Texts, plan: &TaperPlan, step: &Step) -> String {
    let molecule = Arg::Str(t.molecule(plan.molecule));
    let dose = Arg::Str(t.mg(step.dose_mg));
    let mut sentences = vec![if step.index == 0 {
        t.t_args("fhir-step-start", &[("dose", dose), ("molecule", molecule)])
    } else if step.dose_mg > 0.0 {
        let cut = Arg::Str(t.percent(step.cut_percent));
        t.t_args(
            "fhir-step-dose",
            &[("step", Arg::from(step.index)), ("dose", dose), ("molecule", molecule), ("cut", cut)],
        )
    } else {
        t.t_args("fhir-step-stop", &[("step", Arg::from(step.index)), ("molecule", molecule)])
    }];
    // The summaries' wording names the tablets; a tail step's limit is the smallest measurable amount.
    match (step.extended, step.form) {
        (false, _) => {}
        (true, StepForm::Tablets) => sentences.push(format!("{}.", t.t("plan-extended-interval"))),
        (true, _) => sentences.push(t.t("fhir-step-extended-tail")),
    }
    match t.plan_step_form(step.form, step.liquid_ml) {
        Some(form) => sentences.push(t.t_args("fhir-step-form", &[("form", Arg::Str(form))])),
        None if !step.tablets.is_empty() => sentences
            .push(t.t_args("fhir-step-tablets", &[("tablets", Arg::Str(tablets_list(t, &step.tablets)))])),
        None => {}
    }
    if let Some(flag) = &step.pace_flag {
        let to_zero = (step.dose_mg <= 0.0).then_some(step.interval_days);
        sentences.push(t.pace_reason(
            flag.per_14_days_percent,
            flag.cut_percent,
            flag.limit_percent,
            plan.pace,
            to_zero,
        ));
    }
    sentences.join(" ")
}

/// The CarePlan's `description`: the rule, how doses are rounded to the tablets, where the taper
/// ends, the tail formulation if any, and that Steady computes but does not prescribe.
pub(super) fn plan_description(t: &Texts, plan: &TaperPlan) -> String {
    let strengths: Vec<String> = plan.strengths_mg.iter().map(|s| t.mg(*s)).collect();
    let rounding = match plan.split.parts() {
        1 => "fhir-plan-rounding-whole",
        2 => "fhir-plan-rounding-halves",
        _ => "fhir-plan-rounding-quarters",
    };
    let mut sentences = vec![t.t_args(
        "fhir-plan-description",
        &[
            ("molecule", Arg::Str(t.molecule(plan.molecule))),
            ("dose", Arg::Str(t.mg(plan.start_mg))),
            ("schedule", Arg::Str(schedule_rule(t, plan.percent, plan.interval_days))),
            ("rounding", Arg::Str(t.t_args(rounding, &[("strengths", Arg::Str(strengths.join(", ")))]))),
            ("floor", Arg::Str(t.mg(plan.floor_mg))),
        ],
    )];
    if let Some(tail) = plan.tail {
        sentences.push(format!("{}.", t.plan_tail(tail)));
    }
    sentences.push(t.t("fhir-plan-not-prescribed"));
    sentences.join(" ")
}

/// "25 % of the current dose every 14 days" (the summaries' `plan-schedule`).
fn schedule_rule(t: &Texts, percent: f64, interval_days: u32) -> String {
    t.t_args(
        "plan-schedule",
        &[("percent", Arg::Str(t.percent(percent))), ("days", Arg::from(interval_days))],
    )
}

/// The CarePlan's notes: the switch with its equivalence and source, each hold, each pace change,
/// the end, and how many steps are faster than the chosen pace. Hold and end reasons are the
/// patient's words and follow the notes choice.
pub(super) fn plan_notes(t: &Texts, plan: &TaperPlan, schedule: &Schedule, show_notes: bool) -> Vec<String> {
    // "Plan ended on 1 Mar 2026: <the patient's reason>." with the language's colon, or just the fact.
    let with_reason = |what: String, r: Option<&str>| match r.filter(|r| show_notes && !r.trim().is_empty()) {
        Some(r) => t.t_args("fhir-with-reason", &[("what", Arg::Str(what)), ("reason", Arg::from(r))]),
        None => format!("{what}."),
    };
    let mut notes = Vec::new();
    if let Some(s) = &plan.switch {
        let switch = t.plan_switch(s.from, s.from_mg, s.diazepam_mg, &t.table_name(s.table), &s.agreed_with);
        notes.push(t.t_args(
            "fhir-plan-switch-note",
            &[("switch", Arg::Str(switch)), ("source", Arg::from(s.source()))],
        ));
    }
    for h in &plan.holds {
        let span = match h.last_day() {
            Some(last) => t.t_args(
                "fhir-plan-hold-days",
                &[
                    (
                        "span",
                        Arg::Str(
                            t.t_args("plan-hold-range", &[("range", Arg::Str(t.date_range(h.from, last)))]),
                        ),
                    ),
                    ("days", Arg::from(h.days(last))),
                ],
            ),
            None => t.t_args("plan-hold-open", &[("date", Arg::Str(t.date(h.from)))]),
        };
        notes.push(format!("{} {}", with_reason(span, Some(&h.reason)), t.t("fhir-plan-hold-moves")));
    }
    for c in &plan.changes {
        notes.push(t.t_args(
            "fhir-plan-pace-change",
            &[
                ("date", Arg::Str(t.date(c.from))),
                ("schedule", Arg::Str(schedule_rule(t, c.percent, c.interval_days))),
            ],
        ));
    }
    if let Some(e) = &plan.ended {
        let ended = t.t_args("plan-ended-on", &[("date", Arg::Str(t.date(e.on)))]);
        notes.push(with_reason(ended, e.reason.as_deref()));
    }
    let flagged = schedule.steps.iter().filter(|s| s.pace_flag.is_some()).count();
    if flagged > 0 {
        notes.push(t.t_args(
            "fhir-plan-flagged-note",
            &[
                ("flagged", Arg::Str(t.t_args("plan-flagged-steps", &[("n", Arg::from(flagged))]))),
                ("pace", Arg::Str(t.pace(plan.pace))),
                ("informative", Arg::Str(t.t("plan-pace-informative"))),
            ],
        ));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Keyed, Lang};

    /// Every message the Goal and CarePlan free text uses (this module and resources.rs), new in
    /// fhir.ftl or shared with summary.ftl.
    const IDS: [&str; 39] = [
        "fhir-goal-treatment",
        "fhir-goal-proposed",
        "fhir-goal-proposed-agreed",
        "fhir-goal-changed",
        "fhir-goal-measure-dose",
        "fhir-goal-measure-dose-all",
        "fhir-goal-measure-outside",
        "fhir-goal-measure-outside-all",
        "fhir-goal-clinician",
        "fhir-plan-description",
        "fhir-plan-rounding-whole",
        "fhir-plan-rounding-halves",
        "fhir-plan-rounding-quarters",
        "fhir-plan-not-prescribed",
        "fhir-step-start",
        "fhir-step-dose",
        "fhir-step-stop",
        "fhir-step-tablets",
        "fhir-step-form",
        "fhir-plan-switch-note",
        "fhir-plan-hold-days",
        "fhir-plan-hold-moves",
        "fhir-plan-pace-change",
        "fhir-plan-flagged-note",
        "fhir-with-reason",
        "fhir-step-extended-tail",
        "fhir-code-gad7-total",
        "fhir-achievement-achieved",
        "fhir-achievement-improving",
        "fhir-achievement-in-progress",
        "fhir-achievement-no-progress",
        "fhir-achievement-sustaining",
        "review-next",
        "plan-hold-range",
        "plan-hold-open",
        "plan-ended-on",
        "plan-flagged-steps",
        "plan-pace-informative",
        "plan-extended-interval",
    ];

    #[test]
    fn every_free_text_message_exists_in_every_language_and_is_translated() {
        let en = Texts::shared(Lang::En);
        for &lang in Lang::ALL {
            let t = Texts::shared(lang);
            for id in IDS {
                assert!(t.has(id), "{lang}: {id} missing");
            }
        }
        for lang in [Lang::Fr, Lang::Nl, Lang::Nb] {
            let t = Texts::shared(lang);
            // Messages made only of arguments and punctuation read the same in en, nl and nb.
            let words = |id: &&&str| !["fhir-goal-proposed", "fhir-with-reason"].contains(*id);
            for id in IDS.iter().filter(|id| id.starts_with("fhir-")).filter(words) {
                assert_ne!(t.t(id), en.t(id), "{lang}: {id} is the English text");
            }
        }
    }

    #[test]
    fn tablets_follow_the_number_style_of_the_language() {
        let tablets = [(2.0, 6), (0.5, 4), (10.0, 0)];
        assert_eq!(tablets_list(Texts::shared(Lang::En), &tablets), "1.5 × 2 mg + 1 × 0.5 mg");
        assert_eq!(tablets_list(Texts::shared(Lang::Fr), &tablets), "1,5 × 2 mg + 1 × 0,5 mg");
    }
}
