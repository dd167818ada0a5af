## FHIR export (narratives of the Bundle's Composition and resources; see summary.ftl for the
## conventions). Coding displays stay in the code system's language; these are the words a person reads.

fhir-title = Steady summary { $range }
fhir-document-type = Patient-reported summary
fhir-overview = Patient-reported summary from the Steady diary for { $range }, written by the patient from their own entries. Steady records and computes; it does not prescribe.
fhir-overview-table = Diazepam equivalents per { $table }: { $source }.
fhir-section-withheld = Left out of this summary by the patient.
fhir-left-out-by-patient = left out of this summary by the patient.
fhir-section-allergies = Allergies and intolerances
fhir-section-problems = Problems
fhir-no-allergy-info = No information about allergies
fhir-no-problem-info = No information about problems
fhir-no-medication-info = No information about medications
fhir-no-allergy-info-section = The Steady diary records no allergies or intolerances: no information, which does not mean none.
fhir-no-problem-info-section = The Steady diary records no diagnoses or problems: no information, which does not mean none.
fhir-patient-anonymous = The person who kept this diary and wrote this summary; no identifying details included.
fhir-patient-ips-anonymous = The person who kept this diary and wrote this summary; they entered no name or birth date, so none is given.
fhir-patient-identified = The person who kept this diary and wrote this summary, with the name and birth date they entered.

## Doses

fhir-doses-intro = Doses the patient logged, { $range } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
}). Diazepam equivalents (DE) per { $table } (source: { $source }). Ranges show where the table gives a range; doses with no known equivalent are counted and named, never added as zero.
fhir-doses-total = { $n ->
    [one] { $n } dose
   *[other] { $n } doses
}; { $total } DE in total, { $per_day } DE per day on average.
fhir-doses-unknown = { $n ->
    [one] { $n } dose of unknown strength or substance.
   *[other] { $n } doses of unknown strength or substance.
}
fhir-doses-ahead = { $n ->
    [one] { $n } dose was logged for a time after this document was made: listed as intended, not as taken.
   *[other] { $n } doses were logged for a time after this document was made: listed as intended, not as taken.
}
fhir-doses-trend = prescribed DE per day, first half { $first }, second half { $second }.
fhir-week-without-de = { $amount } + { $n ->
    [one] { $n } dose
   *[other] { $n } doses
} without a DE figure
fhir-week-only-without-de = { $n ->
    [one] { $n } dose
   *[other] { $n } doses
} without a DE figure
fhir-col-doses = Doses
fhir-col-known-mg = mg (known strength)
fhir-col-unknown-strength = Unknown strength
fhir-col-days = Days
fhir-col-next-review = Next review
fhir-col-on = Entry
fhir-use-prescribed = prescribed
fhir-use-non-prescribed = non-prescribed
fhir-category-community = Prescribed; taken at home (patient-reported)
fhir-category-non-prescribed = Non-prescribed use (patient-reported)
fhir-tablets = { $n } { $whole ->
    [1] tablets
   *[other] tablet
}
fhir-tablets-of = { $tablets } of { $strength }
fhir-tablets-unknown-strength = { $tablets }, strength unknown
fhir-dose-line = { $when }: { $substance }, { $amount } ({ $use }, patient-reported).
fhir-dose-line-ahead = { $when }: { $substance }, { $amount } ({ $use }, patient-reported), logged for a time after this document was made: intended, not yet taken.
fhir-regimen = from { $date }: { $amount }, { $when }
fhir-regimen-at = at { $times }
fhir-regimen-as-needed = as needed
fhir-medicine-line = { $name } ({ $molecule }, { $use }), { $range }: { $n ->
    [one] { $n } dose logged
   *[other] { $n } doses logged
}. Usual dose: { $regimen }.

## Plan

fhir-plan-line = Taper plan for { $molecule } from { $dose } per day, started { $date }: { $schedule } ({ $steps ->
    [one] { $steps } step
   *[other] { $steps } steps
}, { $flagged ->
    [0] none faster than the chosen pace
    [one] { $flagged } faster than the chosen pace
   *[other] { $flagged } faster than the chosen pace
}). A hold is a normal step; the patient sets the pace. Steady records and computes; it does not prescribe.

## Sleep, anxiety, goals

fhir-sleep-summary = { $n ->
    [one] { $n } night
   *[other] { $n } nights
} logged (Consensus Sleep Diary). Mean sleep { $mean }, efficiency { $efficiency }, quality { $quality } (1 very poor – 5 very good), awakenings per night { $awakenings }. First half { $first }, second half { $second }.
fhir-sleep-line = Night of { $date }: sleep { $hours }, quality { $quality }.
fhir-code-sleep-duration = Sleep duration
fhir-code-sleep-quality = Sleep quality (1 very poor – 5 very good)
fhir-code-awakenings = Number of awakenings
fhir-code-sleep-latency = Time to fall asleep
fhir-code-waso = Time awake after falling asleep
fhir-code-time-in-bed = Time in bed
fhir-code-sleep-efficiency = Sleep efficiency
fhir-anxiety-summary = { $n ->
    [one] { $n } daily rating
   *[other] { $n } daily ratings
} (0 none – 10 worst), mean { $mean }; first half { $first }, second half { $second }.
fhir-anxiety-line = { $when }: anxiety { $score } on a 0–10 scale.
fhir-code-anxiety = Anxiety rating 0–10
fhir-gad7-none = No GAD-7 in this period.
fhir-gad7-bands = GAD-7 (0–21; minimal 0–4, mild 5–9, moderate 10–14, severe 15–21):
fhir-gad7-panel-line = GAD-7 on { $when }: item scores { $scores }.
fhir-gad7-total-line = GAD-7 total { $total } ({ $band }) on { $when }.
fhir-gad7-band = { $band } anxiety (GAD-7 { $range }; Spitzer 2006)
fhir-goal-line = Goal: “{ $words }”. Treatment goal: { $goal }. Status: { $status }.
fhir-review-line = Goal review on { $when }: GAS { $gas } ({ $label }), decision: { $decision }.
fhir-code-gas = Goal Attainment Scaling (GAS) rating, −2 to +2
fhir-code-next-review = Next review
fhir-no-review = none in this period
fhir-goals-hidden = { $n ->
    [one] { $n } goal left out by the patient.
   *[other] { $n } goals left out by the patient.
}
fhir-questions-intro = Questions the patient wrote for this appointment, in their own words:

## Goal and CarePlan free text (notes and descriptions). Code displays stay in the code system's
## language; these sentences are what a reader reads. Dates, amounts and percentages come formatted.

fhir-goal-treatment = Treatment goal: { $goal }.
fhir-goal-proposed = { $proposed }.
fhir-goal-proposed-agreed = { $proposed }; agreed with { $who }.
fhir-goal-changed = Changed at a review: replaced by another goal.
fhir-goal-measure-dose = daily dose of { $molecule }
fhir-goal-measure-dose-all = daily dose of benzodiazepines and Z-drugs
fhir-goal-measure-outside = doses of { $molecule } outside the prescription
fhir-goal-measure-outside-all = doses outside the prescription
fhir-goal-clinician = clinician
fhir-plan-description = Taper of { $molecule } from { $dose } per day: { $schedule }, { $rounding }; the taper ends at { $floor }.
fhir-plan-rounding-whole = rounded to whole tablets of { $strengths }
fhir-plan-rounding-halves = rounded to what tablets of { $strengths } split in halves allow
fhir-plan-rounding-quarters = rounded to what tablets of { $strengths } split in quarters allow
fhir-plan-not-prescribed = Patient-paced; Steady records and computes, it does not prescribe.
fhir-step-start = { $dose } { $molecule } daily (start dose).
fhir-step-dose = Step { $step }: { $dose } { $molecule } daily, { $cut } less than the step before.
fhir-step-stop = Step { $step }: { $molecule } stopped (0 mg).
fhir-step-tablets = Tablets: { $tablets }.
fhir-step-form = Given as { $form }.
fhir-plan-switch-note = Switched to diazepam before the taper: { $switch }. Source of the equivalence: { $source }.
fhir-plan-hold-days = { $span } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
})
fhir-plan-hold-moves = The schedule moves later by the days held.
fhir-with-reason = { $what }: { $reason }.
fhir-code-gad7-total = GAD-7 total score
fhir-achievement-achieved = achieved
fhir-achievement-improving = improving
fhir-achievement-in-progress = in progress
fhir-achievement-no-progress = no progress
fhir-achievement-sustaining = sustaining
fhir-step-extended-tail = Interval lengthened: the smallest amount that can be measured allows no smaller cut.
fhir-plan-pace-change = Pace changed from { $date }: { $schedule }.
fhir-plan-flagged-note = { $flagged } (pace: { $pace }; limits after the ASAM 2025 guideline). { $informative }

## Left out, diary check

fhir-left-out-nothing = The patient left nothing out of this summary.
fhir-left-out-intro = The patient chose to leave { $n ->
    [one] { $n } part
   *[other] { $n } parts
} out of this summary; they are absent from every section and resource of this document:
fhir-integrity = Diary check: { $unreadable } entries could not be read, { $missing } were removed and { $unexpected } were added or changed outside Steady{ $unchecked ->
    [1] , and the list of entries could not be checked
   *[other] {""}
}; the figures in this document may be incomplete.

## Patient identity (stored sealed; used only by the IPS export)

field-patient-name = Your name (for the International Patient Summary only)
field-birth-date = Birth date
