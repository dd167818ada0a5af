# Steady summary — English.
#
# Every message id here exists in fr, nl and nb too (a test checks it). Arguments:
#   $n, $total, $days  whole numbers (plural selectors use them)
#   $date, $range, $from, $to  dates already formatted by Texts::date / date_range
#   $amount, $dose, $diazepam  amounts already formatted by Texts::mg / mg_range ("10–20 mg")
#   $percent, $limit, $rate  percentages already formatted by Texts::percent ("25 %")
#   $value  a number already formatted by Texts::number
#   anything else: plain text (names, the patient's words)
# Labels and headings start with a capital; values shown after a label (statuses, bands, GAS
# labels, decisions) are lower case.

## Header and footer

summary-title = Steady summary
summary-subtitle = Diary kept by the patient — facts only; Steady never recommends a dose
period = Period
period-value = { $range } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
})
generated-on = Generated on { $date }
de-basis = Diazepam equivalents (DE) according to { $table }
de-abbr = DE
de-source = Source of DE values: { $source }
source-label = Source
source-patient = Reported by the patient in Steady
page-of = Page { $n } of { $total }

## Section titles

section-doses = Doses
section-taper-plan = Taper plan
section-sleep = Sleep
section-anxiety = Anxiety
section-gad7 = GAD-7
section-goals = Goals
section-questions = What I want to talk about
section-notes = Notes
section-left-out = Left out

## Doses

prescribed = Prescribed
non-prescribed = Non-prescribed
unknown-strength = unknown strength
dose-count = { $n ->
    [one] { $n } dose
   *[other] { $n } doses
}
unknown-strength-count = { $n ->
    [one] { $n } dose of unknown strength
   *[other] { $n } doses of unknown strength
}
mean-per-day = Mean per day
total = Total
de-per-day = { $amount } DE per day
de-per-day-label = DE per day (mg)
de-in-total = { $amount } DE in total
days-without-dose = Days without any dose
first-half = First half
second-half = Second half
trend-per-week = Trend per week
trend-value = { $amount } per week
weekly-means = Weekly means
week-of = Week of { $date }
molecule-line = { $molecule }: { $n ->
    [one] { $n } dose
   *[other] { $n } doses
}, { $amount } in total
none-logged = none logged
unknown-substance = unknown substance
substance = Substance
unknown-strength-note = Doses of unknown strength are counted, never added as zero.
de-none = no DE figure: no dose with a value in { $table }
de-no-value = no value in { $table }
no-value-count = { $n ->
    [one] { $n } dose with no value in { $table }
   *[other] { $n } doses with no value in { $table }
}: { $molecules }
no-value-note = Doses of a molecule that { $table } gives no value for are counted and named with their own mg, never added as zero.
de-range-note = A range means the table gives a range for that molecule.
not-logged = not logged
week-day-not-over = today only, not over yet
unknown = unknown
days-count = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
days-n-of-total = { $n } of { $total } { $total ->
    [one] day
   *[other] days
}

## Taper plan

plan-none = No taper plan
plan-step = Step
plan-date = Date
plan-dose = Dose
plan-cut = Cut
plan-planned = Planned
plan-logged = Logged
plan-at-or-under = At or under plan
plan-start-dose = Start dose
plan-start = Start
plan-flagged-steps = { $n ->
    [one] { $n } step faster than the chosen pace
   *[other] { $n } steps faster than the chosen pace
}
plan-end-dose = End dose
plan-schedule = { $percent } of the current dose every { $days ->
    [one] day
   *[other] { $days } days
}
plan-tablets = Tablets
plan-hold = Hold
plan-holds = Holds
plan-hold-range = Hold: { $range }
plan-hold-open = On hold since { $date }
plan-hold-note = A hold is a normal step in a taper, not a failure.
plan-reason = Reason
plan-pace = Pace
plan-pace-standard = standard
plan-pace-gentle = gentle
plan-pace-flag = Faster than { $limit } per 2 weeks
plan-pace-rate = { $rate } per 2 weeks
plan-pace-reason = This step is { $rate } per 14 days, faster than { $rule }.
plan-pace-reason-last = The last step to zero stops the dose in { $days ->
    [one] { $days } day
   *[other] { $days } days
} ({ $rate } per 14 days), faster than { $rule }.
plan-pace-rule-standard = the usual limit of the ASAM 2025 guideline ({ $limit } in 2 weeks)
plan-pace-rule-gentle = the gentle pace chosen for this plan ({ $limit } per 2 weeks)
plan-pace-informative = Pace flags inform; the patient sets the pace.
plan-extended-interval = Interval extended: the tablets allow no smaller cut
plan-switch-title = Switch to diazepam
plan-switch = { $from } { $dose } ≈ { $diazepam } diazepam ({ $table }), agreed with { $who }
plan-pace-reason-cut = This step cuts { $cut } at once, more than { $rule }.
plan-final-dose = Final dose before stopping: { $dose } from { $date }, { $percent } of the start dose
plan-final-none = The plan ends at a maintenance dose of { $dose }
plan-tail-liquid = After the tablets: oral liquid { $strength } per ml, measured in steps of { $ml } ml
plan-tail-compounded = After the tablets: compounded doses in steps of { $step }
plan-step-liquid = { $ml } ml of liquid
plan-step-compounded = compounded dose
plan-steps-omitted = … { $n ->
    [one] { $n } more step
   *[other] { $n } more steps
} …
plan-length-weeks = { $n ->
    [one] { $n } week
   *[other] { $n } weeks
} from the start
plan-length-years = { $years } years from the start
plan-switch-check-within = { $start } diazepam is within the expected { $expected } from { $from } { $dose } under { $table }.
plan-switch-check-above = { $start } diazepam is { $times }× the expected { $expected } from { $from } { $dose } under { $table }.
plan-switch-check-below = { $start } diazepam is below the expected { $expected } from { $from } { $dose } under { $table } ({ $times }× its lower end).
plan-switch-check-source = Source: { $source }. This informs; it does not change the plan.
plan-end-date = End date
plan-end-date-moves = moves with each hold
plan-end-open = not reached within the plan's steps
plan-ended-on = Plan ended on { $date }
step-status-done = done
step-status-current = current
step-status-upcoming = upcoming
step-status-cancelled = cancelled

## Sleep

sleep-nights = { $n ->
    [one] { $n } night
   *[other] { $n } nights
}
nights = Nights
mean-sleep = Mean sleep
sleep-efficiency = Sleep efficiency
sleep-quality = Sleep quality
sleep-quality-value = { $value }/5
awakenings = Awakenings
unit-hours = { $value } h
sleep-quality-very-poor = very poor
sleep-quality-poor = poor
sleep-quality-fair = fair
sleep-quality-good = good
sleep-quality-very-good = very good

## Anxiety and GAD-7

anxiety-ratings = { $n ->
    [one] { $n } rating
   *[other] { $n } ratings
}
ratings = Ratings
mean = Mean
anxiety-daily = Daily anxiety (0–10)
anxiety-mean = Mean anxiety (0–10)
out-of-10 = { $value }/10
gad7-total = Total score
gad7-band = Severity
gad7-band-minimal = minimal
gad7-band-mild = mild
gad7-band-moderate = moderate
gad7-band-severe = severe

## Goals and reviews

goal = Goal
goal-what-matters = What matters to me
goal-kind = Kind of goal
goal-kind-stop = Stop
goal-kind-stop-molecule = Stop { $molecule }
goal-kind-reduce = Reduce { $molecule } to { $dose }/day
goal-kind-stable = Stay stable at the prescribed dose, no extra use
goal-kind-stable-molecule = Stay stable on prescribed { $molecule }, no extra use
goal-kind-keep = Keep things as they are
goal-due = Target date
goal-status = Status
goal-status-proposed = proposed
goal-status-active = active
goal-status-on-hold = on hold
goal-status-achieved = achieved
goal-status-changed = changed
goal-status-abandoned = abandoned
goal-proposed-patient = Proposed by the patient
goal-proposed-clinician = Proposed by the clinician
goal-proposed-together = Proposed together
goal-none = No goals set
review = Review
review-on = Review of { $date }
review-next = Next review: { $date }
gas = Goal attainment (GAS)
gas-score = GAS { $score } ({ $label })
gas-minus-2 = much less than expected
gas-minus-1 = somewhat less than expected
gas-zero = as expected
gas-plus-1 = somewhat more than expected
gas-plus-2 = much more than expected
review-decision = Decision
review-decision-keep = keep the goal
review-decision-adjust = adjust the goal
review-decision-change = change the goal
progress-measured = Measured in the diary
progress-days-with-dose = Days with a dose logged
progress-days-at-or-under-target = Days at or under target
progress-days-non-prescribed = Days with non-prescribed use
progress-mean-daily-dose = Mean daily dose

## Questions and notes

questions-none = No questions for this appointment
notes-none = No notes

## What the patient left out

hidden-sections = { $n ->
    [one] { $n } section hidden by the patient
   *[other] { $n } sections hidden by the patient
}
hidden-list = Left out by the patient: { $list }
hideable-non-prescribed = non-prescribed use
hideable-notes = notes
hideable-sleep = sleep
hideable-anxiety = anxiety
hideable-goals = goals
hideable-taper-plan = taper plan
hideable-questions = questions
hideable-goal = { $n ->
    [1] a goal
   *[other] { $n } goals
}

## Charts

chart-daily-de = Daily dose in diazepam equivalents (mg)
chart-de-range = DE range
chart-planned-dose = Planned dose
chart-non-prescribed = Non-prescribed use
chart-sleep-anxiety = Sleep and anxiety by week
chart-sleep-hours = Sleep (h)
chart-anxiety = Anxiety (0–10)
chart-week = Week
chart-date = Date
chart-mg = mg
chart-no-data = No data
# Text a screen reader reads for the charts (tagged PDF /Alt): the numbers the chart shows.
chart-de-alt = { $title }, { $days } days ({ $range }): mean prescribed dose { $first } a day in the first week, { $last } in the last week.
chart-de-alt-planned = Planned dose from { $first } to { $last } a day.
chart-de-alt-non-prescribed = Non-prescribed use on { $n } days.
chart-alt-from-to = from { $first } in the first week to { $last } in the last week
chart-sleep-anxiety-alt = { $title }, { $weeks } weeks: mean sleep { $sleep }; mean anxiety { $anxiety }.

## CSV column headers and values

csv-date = date
csv-time = time
csv-kind = kind
csv-substance = substance
csv-atc = ATC
csv-amount-mg = amount (mg)
csv-tablets = tablets
csv-strength-mg = strength (mg)
csv-prescribed = prescribed
csv-de-low-mg = DE low (mg)
csv-de-high-mg = DE high (mg)
csv-value = value
csv-note = note
csv-left-out-none = Nothing left out by the patient
csv-sleep-in-bed = into bed
csv-sleep-tried = tried to sleep
csv-sleep-latency-min = minutes to fall asleep
csv-sleep-awakenings = awakenings
csv-sleep-waso-min = minutes awake after sleep onset
csv-sleep-final-awakening = final awakening
csv-sleep-out-of-bed = out of bed
csv-sleep-efficiency = sleep efficiency (%)
csv-sleep-quality = sleep quality (1-5)
csv-gad7-item-1 = GAD-7 item 1
csv-gad7-item-2 = GAD-7 item 2
csv-gad7-item-3 = GAD-7 item 3
csv-gad7-item-4 = GAD-7 item 4
csv-gad7-item-5 = GAD-7 item 5
csv-gad7-item-6 = GAD-7 item 6
csv-gad7-item-7 = GAD-7 item 7
ics-step-title = Steady: plan step { $n }
ics-step-cancelled = Cancelled: Steady plan step { $n }
ics-step-description = Open Steady to see this step.
ics-alarm = Steady: plan step { $n } starts today
yes = yes
no = no
entry-kind-dose = dose
entry-kind-sleep = sleep
entry-kind-anxiety = anxiety
entry-kind-gad7 = GAD-7
entry-kind-goal = goal
entry-kind-review = review
entry-kind-plan = taper plan
entry-kind-question = question
entry-kind-medicine = medicine
entry-kind-skip = skipped dose
entry-kind-settings = settings

## Units, numbers and dates

unit-mg = { $value } mg
percent = { $value }{"\u00A0"}%
date-short = { $day } { $month } { $year }
date-long = { $day } { $month } { $year }
date-day = { $day }
date-day-month = { $day } { $month }
date-range = { $from } – { $to }
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
month-long-1 = January
month-long-2 = February
month-long-3 = March
month-long-4 = April
month-long-5 = May
month-long-6 = June
month-long-7 = July
month-long-8 = August
month-long-9 = September
month-long-10 = October
month-long-11 = November
month-long-12 = December

## Molecules (international non-proprietary names)

molecule-alprazolam = alprazolam
molecule-bromazepam = bromazepam
molecule-brotizolam = brotizolam
molecule-chlordiazepoxide = chlordiazepoxide
molecule-clobazam = clobazam
molecule-clonazepam = clonazepam
molecule-clorazepate = clorazepate
molecule-diazepam = diazepam
molecule-estazolam = estazolam
molecule-flunitrazepam = flunitrazepam
molecule-flurazepam = flurazepam
molecule-loprazolam = loprazolam
molecule-lorazepam = lorazepam
molecule-lormetazepam = lormetazepam
molecule-nitrazepam = nitrazepam
molecule-oxazepam = oxazepam
molecule-prazepam = prazepam
molecule-temazepam = temazepam
molecule-triazolam = triazolam
molecule-zaleplon = zaleplon
molecule-zolpidem = zolpidem
molecule-zopiclone = zopiclone
molecule-eszopiclone = eszopiclone
molecule-ethyl-loflazepate = ethyl loflazepate
molecule-clotiazepam = clotiazepam

## PDF layout

label-value = { $label }: { $value }
quoted = “{ $value }”
more-items = … and { $n } more
value-range = { $from } to { $to }
chart-legend-taken = Taken as prescribed: DE low–high
chart-legend-planned = Planned dose (taper plan): DE low–high
chart-legend-unknown = Dose of unknown strength (counted, not added)

## Usual medicines and the diary day

section-medicines = Usual medicines
day-boundary = A diary day starts at { $time }: a dose before { $time } counts for the day before.
day-boundary-midnight = Diary days are calendar days (from 00:00).
regimen-medicine = { $name } ({ $molecule }), { $use }
regimen-prescribed = prescribed
regimen-non-prescribed = not prescribed
regimen-times = from { $date }: { $amount } at { $times }
regimen-as-needed = from { $date }: { $amount } as needed
regimen-tablets-unknown-strength = { $count } × tablet, strength unknown
regimen-stopped = stopped after { $date }
regimen-skipped = { $n ->
    [one] { $n } usual dose noted as skipped
   *[other] { $n } usual doses noted as skipped
}

## The diary check (never silent)

integrity-warning = Diary check: { $found }. The figures below may be incomplete.
integrity-unreadable = { $n ->
    [one] { $n } entry could not be read
   *[other] { $n } entries could not be read
}
integrity-missing = { $n ->
    [one] { $n } entry was removed outside Steady
   *[other] { $n } entries were removed outside Steady
}
integrity-unexpected = { $n ->
    [one] { $n } entry was added or changed outside Steady
   *[other] { $n } entries were added or changed outside Steady
}
integrity-unchecked = the list of entries could not be checked

## One truth across formats (issue 14)

current-dose = Current prescribed dose (mean of the last { $days } days)
current-dose-value = { $molecule } { $amount } a day
current-dose-none = no prescribed dose of known strength logged
de-per-day-note = Prescribed and non-prescribed: diazepam equivalents, mean per day over the period.
per-day-over-period = mean per day over the period
molecule-use-line = { $molecule } ({ $use }): { $n ->
    [one] { $n } dose
   *[other] { $n } doses
}, { $amount } in total
plan-at-or-under-note = At or under plan: days at or under the plan's dose, all molecules in DE (prescribed and non-prescribed shown), of the days with the plan's medicine logged.
