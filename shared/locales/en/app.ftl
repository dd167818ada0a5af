# Steady app — English. Every word the phones and the command line show the patient.
#
# Same conventions as summary.ftl (which is loaded into the same bundle, so its ids are used
# here too): counts are numbers (plural variants), dates/amounts/percentages arrive formatted.
# Every id here exists in fr, nl and nb too (a test checks it). No message names a medicine or a
# dose where a lock screen or a calendar could show it (reminder-*, calendar-*).

## Screens

screen-today = Today
screen-log = Log
screen-medicines = My medicines
screen-plan = Taper plan
screen-goals = Goals
screen-questions = Questions
screen-history = History
screen-summary = Summary
screen-settings = Settings
screen-unlock = Unlock

## Actions

action-save = Save
action-cancel = Cancel
action-edit = Edit
action-delete = Delete
action-delete-confirm = Delete this entry? This cannot be undone.
action-taken = Taken
action-skipped = Skipped
action-something-else = Took something else
action-add-medicine = Add a medicine
action-change-medicine = Change amount or times
action-stop-medicine = Stop this medicine
action-log-dose = Log a dose
action-log-sleep = Log last night
action-log-anxiety = Rate anxiety
action-log-gad7 = Fill in the GAD-7
action-add-question = Add a question
action-question-done = Talked about
action-set-goal = Set a goal
action-review-goal = Review this goal
action-create-plan = Create a taper plan
action-hold = Hold here
action-resume = Resume
action-adjust = Change the pace
action-end-plan = End the plan
action-calendar = Add the steps to my calendar
action-share = Share
action-make-summary = Make the summary
action-backup = Make a backup
action-restore = Restore a backup
action-erase = Erase the diary
action-erase-confirm = Erase everything in this diary, for good? Type ERASE to confirm.
action-unlock = Unlock
action-recover = Rescue the readable entries

## Today

today-title = Today: { $date }
today-de-basis = (DE = diazepam-equivalent mg, per the { $table })
today-doses = Doses
today-no-dose = none logged today
today-de-totals = DE prescribed: { $prescribed }; non-prescribed: { $nonprescribed }
today-unknown-strength = { $n ->
    [one] { $n } dose of unknown strength
   *[other] { $n } doses of unknown strength
}
today-unknown-substance = { $n ->
    [one] { $n } dose of an unknown substance
   *[other] { $n } doses of an unknown substance
}
today-no-table-value = { $n ->
    [one] { $n } dose with no value in the { $table }
   *[other] { $n } doses with no value in the { $table }
}
today-last-night = Last night ({ $date }):
today-last-night-none = Last night: no sleep logged
today-asleep = { $hours } asleep
today-efficiency = efficiency { $percent }
today-quality = quality { $score }/5 ({ $label })
today-anxiety-week = Anxiety, last 7 days:
today-anxiety-mean = mean { $value }
today-goals = Goals
today-no-goal = no open goal
today-review-due = next review { $date }: REVIEW DUE
today-next-review = next review { $date }
today-no-review = no review date set
today-medicines = My medicines
today-no-medicine = No medicine on your list yet.
today-taken-count = { $n ->
    [one] taken once today
   *[other] taken { $n } times today
}
today-skipped-count = { $n ->
    [one] skipped once today
   *[other] skipped { $n } times today
}
today-planned = today's planned dose: { $dose }
today-next-time = next at { $time }

## Progress since the last review (facts only, no verdict)

progress-since = since { $date }: { $facts }
today-progress-days-with-dose = a dose on { $n } of { $total } days
progress-mean-mg = (mean { $dose })
progress-at-or-under = { $n } at or under the target
progress-nonprescribed = { $n ->
    [one] non-prescribed use on { $n } day
   *[other] non-prescribed use on { $n } days
}
progress-sleep = sleep { $hours }
progress-anxiety = anxiety { $value }

## Equivalence tables (short names)

table-ashton = Ashton Manual
table-va-dod = VA/DoD
table-dutch = Dutch table
table-norwegian = Norwegian Directorate of Health

## Taper plan, today

plan-today = Taper plan ({ $molecule })
plan-today-dose = today { $dose }
plan-today-holding = holding
plan-today-next = next step { $date }: { $dose }
plan-today-end = expected end { $date }
plan-today-line = { $plan }: { $details }

## Entry lines (history and lists)

line-dose = { $drug } { $amount }, { $use }, { $de }
line-planned = (today's planned dose)
line-note = — “{ $note }”
line-use-prescribed = prescribed
line-use-non-prescribed = non-prescribed
line-de = DE { $range }
line-de-unknown = DE unknown
line-amount-tablets = { $count } × { $strength } ({ $dose })
line-amount-unknown-strength = { $n ->
    [one] { $count } tablet, strength unknown
   *[other] { $count } tablets, strength unknown
}
line-amount-unknown = amount unknown
line-sleep = { $hours } asleep, quality { $score }/5 ({ $label })
line-sleep-in-bed = in bed { $from }–{ $to }
line-sleep-latency = { $minutes } min to fall asleep
line-sleep-awakenings = { $n ->
    [one] { $n } awakening
   *[other] { $n } awakenings
}
line-sleep-waso = ({ $minutes } min awake)
line-sleep-efficiency = efficiency { $percent }
line-anxiety = { $score }/10
line-gad7 = total { $total } ({ $band }); items { $items }
line-goal = { $goal } — “{ $words }”
line-review = of goal { $goal }: GAS { $gas } ({ $label }), decision { $decision }
line-question = “{ $text }”
line-question-discussed = (discussed)
line-plan = taper { $molecule } from { $dose }, −{ $percent } every { $days ->
    [one] day
   *[other] { $days } days
}
line-plan-ended = (ended { $date })
line-plan-holding = (holding)
line-medicine = { $name } ({ $molecule }) { $amount }, { $times }, { $use }
line-medicine-stopped = (stopped { $date })
line-skip = skipped a usual dose of { $name }
line-skip-unknown = skipped a usual dose
line-settings = settings: day starts at { $time }
times-as-needed = as needed
decision-keep = keep
decision-adjust = adjust
decision-change = change

## My medicines

medicine-usual = { $amount }, { $times }
medicine-started = since { $date }
medicine-stopped = stopped { $date }
medicine-planned-note = A taper plan covers this medicine: “Taken” logs that day's planned dose.
medicine-changed-from = from { $date }: { $regimen }
catalogue-brand-of = { $brand } ({ $molecule })
catalogue-strengths = strengths: { $strengths }

## Taken, skipped

taken-logged = Logged { $drug } { $amount } at { $time }.
taken-logged-planned = Logged { $drug } { $amount } at { $time } (today's planned dose).
skipped-logged = Noted: the { $time } dose was skipped.

## Reminders (lock screens are public: no medicine, no dose)

reminder-title = Steady
reminder-medicine = Your { $time } reminder.
reminder-check-in = How was your day? A moment for your diary.
reminder-moved = The clocks went forward: this { $time } reminder comes at { $moved } today.

## Forms: the core describes every field

form-dose = Dose
form-sleep = Last night's sleep
form-anxiety = Anxiety
form-gad7 = GAD-7
form-goal = A goal of my own
form-review = Goal review
form-plan = Taper plan
form-question = A question for my next appointment
form-medicine = A medicine I take
form-skip = A skipped dose
form-required = required
form-optional = optional
field-drug = Medicine (name on the pack)
field-drug-help = The molecule or the brand, e.g. Stilnoct, Loramet, diazepam. “unknown” if you do not know what it was.
field-mg = Amount (mg)
field-tablets = Number of tablets
field-tablets-help = Whole, half or quarter tablets: 1, ½, 1¼…
field-strength-mg = Tablet strength (mg)
field-strength-mg-help = Leave it empty if you do not know the strength (only for doses outside a prescription).
field-taken-at = Time taken
field-non-prescribed = Not part of my prescription
field-non-prescribed-help = Extra, bought or borrowed. Logged plainly; you decide whether it appears in a summary.
field-note = Note
field-night = Night of
field-hours = Hours asleep (your estimate)
field-quality = Sleep quality
field-score = Anxiety
field-items = Answers
field-what-matters = What matters to me
field-what-matters-help = In your own words, e.g. “sleep through the night”, “drive my grandchildren”.
field-kind = My goal
field-target-mg = Target daily dose (mg)
field-due = Reach it by
field-review-on = Review it on
field-proposed-by = Who proposed it
field-agreed-with = Agreed with
field-gas = How it went
field-decision = What we decided
field-next-review = Next review
field-discussed = Talked about at an appointment
field-text = Question
field-start-mg = Start dose per day (mg)
field-start = First day
field-percent = Cut per step (% of the current dose)
field-interval-days = Days between steps
field-strengths = Tablet strengths I have (mg)
field-split = I can split tablets into
field-floor-mg = Stop at (mg per day; 0 = stop)
field-pace = Pace
field-switch-from = Switch from
field-switch-from-mg = Daily dose of it (mg)
field-switch-table = Equivalence table
field-switch-agreed-with = Switch agreed with
field-tail-mg-per-ml = Oral liquid strength (mg per ml)
field-tail-min-ml = Smallest volume you can measure (ml)
field-tail-step-mg = Compounded doses: smallest step (mg)
field-times = Usual times
field-as-needed = As needed
field-from = From
field-to = To
field-on = On
field-reason = Reason (in your words)
field-medicine = Medicine
field-day-start = My day starts at
field-day-start-help = A dose taken before this time counts for the day before (a bedtime dose at 00:10 belongs to the evening).
field-language = Language
field-check-in = Daily check-in reminder
field-table = Diazepam-equivalence table
field-format = Format
field-exclude = Leave out of this summary
field-at = Time
field-goal-id = Goal
field-goal = Goal
field-status = Status
field-set-at = Set on
field-latency-min = Minutes to fall asleep
field-awakenings = Awakenings
field-waso-min = Minutes awake after first falling asleep
field-in-bed = Into bed at
field-tried-to-sleep = Tried to sleep at
field-final-awakening = Final awakening at
field-out-of-bed = Out of bed at
field-id = Entry
field-plan = Taper plan
field-now = Now
field-date = Date
field-time = Time
field-instant = Date and time
field-item = Question { $number }
field-days = Days
field-country = Country
field-setting = Setting
goal-type-stop = Stop
goal-type-reduce = Reduce to a target dose
goal-type-stable = Stay stable at the prescribed dose, no extra use
goal-type-keep = Keep things as they are
split-whole = whole tablets only
split-half = halves
split-quarter = quarters
proposer-patient = me
proposer-clinician = my clinician
proposer-together = together
form-unit-mg = mg
form-unit-mg-per-ml = mg/ml
form-unit-ml = ml
form-unit-tablets = tablets
form-unit-minutes = min
form-unit-hours = h
form-unit-percent = %
form-unit-days = days
choice-none = none

## Daily anxiety: one question, one meaning, no answer chosen in advance

anxiety-question = Overall, how anxious have you felt today?
anxiety-help = 0 means no anxiety at all, 10 the worst anxiety you can imagine. Think of the whole day.
anxiety-min = No anxiety
anxiety-max = Worst anxiety imaginable

## GAD-7 (Spitzer et al. 2006; free to reproduce)

gad7-stem = Over the last 2 weeks, how often have you been bothered by the following problems?
gad7-item-1 = Feeling nervous, anxious or on edge
gad7-item-2 = Not being able to stop or control worrying
gad7-item-3 = Worrying too much about different things
gad7-item-4 = Trouble relaxing
gad7-item-5 = Being so restless that it is hard to sit still
gad7-item-6 = Becoming easily annoyed or irritable
gad7-item-7 = Feeling afraid as if something awful might happen
gad7-answer-0 = Not at all
gad7-answer-1 = Several days
gad7-answer-2 = More than half the days
gad7-answer-3 = Nearly every day

## Consensus Sleep Diary (Carney et al. 2012), core items

csd-in-bed = What time did you get into bed?
csd-tried-to-sleep = What time did you try to go to sleep?
csd-latency = How long did it take you to fall asleep (minutes)?
csd-awakenings = How many times did you wake up, not counting your final awakening?
csd-waso = In total, how long did these awakenings last (minutes)?
csd-final-awakening = What time was your final awakening?
csd-out-of-bed = What time did you get out of bed for the day?
csd-quality = How would you rate the quality of your sleep?
csd-hours = How many hours did you sleep, as you estimate it?

## Settings

settings-day-start = My day starts at { $time }
settings-language = Language: { $language }
settings-check-in = Daily check-in: { $time }
settings-check-in-off = Daily check-in: off
settings-table = Diazepam equivalents: { $table }
settings-app-lock = Lock the diary with Face ID, fingerprint or the device code
settings-lock-after = Lock after { $minutes } min in the background

## Problems with what was typed (shown next to the field)

problem-not-positive = { $field } must be greater than zero.
problem-negative = { $field } must not be negative.
problem-not-a-number = { $field } is not a number.
problem-too-large = { $field } is larger than anything plausible (over { $max }).
problem-too-small = { $field } is smaller than anything that can be measured (under { $min }).
problem-out-of-range = { $field } must be between { $min } and { $max }.
problem-in-future = { $field } is more than a day in the future.
problem-too-old = { $field } is too far in the past.
problem-too-long = { $field } is too long (at most { $max } characters).
problem-required = { $field } is needed.
problem-not-a-quarter = Tablets can be whole, halves or quarters.
problem-unknown-drug = “{ $name }” is not a medicine Steady knows. Try the name on the pack or the molecule.
problem-no-such-entry = This entry no longer exists.
problem-unreadable = “{ $text }” could not be read as { $expected }.
problem-skipped-by-clocks = { $text } did not exist here: the clocks skipped that hour. Choose another time.
problem-sleep-disagrees = Hours slept: you gave { $reported } h, but your times give { $items } h ({ $window } h from trying to sleep to waking, less { $awake } min to fall asleep and awake in the night). Change the hours or the times, or leave the hours empty.
problem-inconsistent = { $field }: { $rule }
problem-not-allowed = { $field }: { $rule }
expected-date = a date (YYYY-MM-DD, today or yesterday)
expected-clock-time = a time (HH:MM)
expected-instant = a date and time
expected-number = a number such as 2 or 0.5
expected-tablets = a number of tablets such as 1, ½ or 1 ¼
expected-gad7-items = seven answers from 0 to 3
expected-whole-number = a whole number
expected-entry-id = an entry
expected-id-prefix = an entry id
expected-one-of = one of the choices offered
rule-period-starts-after-end = the period starts after it ends
rule-before-the-review = before the review itself
rule-before-the-goal-was-set = before the day the goal was set
rule-more-sleep-than-time-in-bed = more sleep than time in bed
rule-more-awake-than-time-in-bed = more time awake than time in bed
rule-out-of-bed-at-in-bed-time = the same time as into bed: a night cannot last 0 or 24 hours
rule-awakening-at-sleep-time = the same time as falling asleep: a night cannot last 0 or 24 hours
rule-strength-in-whole-micrograms = a strength is a whole number of micrograms
rule-before-the-hold-started = before the hold started
rule-before-the-last-pace-change = before the last change of pace
rule-before-the-open-hold-started = before the hold started
rule-before-the-plan-starts = before the plan starts
rule-below-the-start-dose = it must be below the start dose
rule-not-possible-with-these-tablets = not possible with these tablets
rule-overlaps-an-earlier-hold = overlaps an earlier hold
rule-edit-keeps-the-kind = an edit keeps the kind of entry
rule-end-the-plan-first = end the current plan before starting another
rule-strength-goes-with-tablets = a strength goes with a number of tablets, not with mg
rule-unknown-only-non-prescribed = an unknown substance can only be logged as not prescribed
rule-mg-or-tablets-not-both = give either mg or a number of tablets, not both
rule-goal-names-a-known-molecule = a goal names a medicine Steady knows
rule-target-goes-with-reduce = a target dose goes with a goal to reduce
rule-plan-needs-a-known-molecule = a plan needs a medicine Steady knows
rule-switch-is-to-diazepam = a switch is to diazepam
rule-split-is-one-two-or-four = tablets split into wholes, halves or quarters
rule-switch-from-another-molecule = switch from a medicine other than diazepam
rule-plan-has-ended = the plan has ended
rule-plan-already-on-hold = the plan is already on hold
rule-plan-not-on-hold = the plan is not on hold
rule-table-has-no-value = this table gives no value for that medicine
rule-period-too-long = a period covers at most twenty years
rule-medicine-needs-a-molecule = a medicine on the list is one Steady knows
rule-times-or-as-needed = give usual times or “as needed”, not both
rule-medicine-stopped = this medicine was stopped
rule-same-molecule = a change keeps the same medicine (another molecule is another medicine)
rule-before-the-last-change = before the last change of this medicine
rule-before-it-started = before it was started
rule-which-medicine = you have several medicines: choose one
rule-not-a-medicine = this is not a medicine on your list
rule-not-taken-that-day = this medicine is not taken on that day
rule-not-a-form = the settings are changed one at a time, not with a form
rule-day-starts-by-noon = a day starts between 00:00 and 12:00
rule-no-dose-planned-today = the plan has no dose for today

## Errors that are not about a field

error-wrong-key = This key does not open the diary. Nothing was changed.
error-tampered = One entry could not be read: it is damaged or was changed. The others are safe.
error-corrupt = The diary file is damaged. Steady can rescue the entries it can still read.
error-locked = The diary is locked. Unlock it to continue.
error-wrong-passphrase = This passphrase does not open the backup. Nothing was imported.
error-bad-backup = This backup could not be used: it is damaged, cut short or from a newer version of Steady. Nothing was imported.
error-disk-full = The device is full: the entry was not saved. Earlier entries are safe.
error-storage = The diary could not be read or written. Nothing was lost.
error-key-provider = The device's secure key storage did not answer.
error-internal = Something went wrong inside Steady. Nothing was written.
error-key-damaged = The diary's key is damaged (this is not a wrong passphrase). Rescue the diary, or restore a backup.
error-key-changed = The diary's key was changed in another window or app. Open the diary again; nothing was saved under the old key.
error-rolled-back = This diary file is older than the one last opened on this device. It was not opened, and nothing was changed.

## The shells' own chrome (lock, key lost, summary options, reminders, backup)

shell-loading = Opening your diary…
shell-locked = Your diary is locked.
shell-unlock-reason = Unlock your Steady diary
shell-unlock-failed = Not unlocked. Try again.
shell-key-lost-title = This diary can no longer be opened on this device
shell-key-lost-body = The key that protected it is gone (for example after the screen lock was removed). Restore a backup, or erase the diary and start again.
shell-damaged-title = Some of your diary could not be read
shell-error-title = Something went wrong
shell-nothing-yet = Nothing logged yet.
shell-no-plan = No taper plan yet.
shell-no-question = No question yet.
shell-summary-period = Period
shell-summary-format = Format
shell-summary-language = Language of the summary
shell-summary-leave-out = Leave out
shell-format-text = Text
shell-format-pdf = PDF
shell-format-csv = Spreadsheet (CSV)
shell-format-fhir = FHIR (for health records)
shell-format-json = JSON
shell-language-en = English
shell-language-fr = Français
shell-language-nl = Nederlands
shell-language-nb = Norsk bokmål
shell-reminders = Reminders
shell-reminders-allow = Allow notifications so Steady can remind you.
shell-backup-passphrase = Backup passphrase
shell-backup-passphrase-again = The same passphrase again
shell-backup-passphrase-help = You need this passphrase to restore the backup. Nobody can recover it.
shell-backup-mismatch = The two passphrases differ.
shell-backup-done = Backup saved.
shell-restore-done = Backup restored.
shell-erase-done = The diary was erased.
shell-undo = Undo
shell-close = Close
shell-now = Now
shell-time-taken = Time taken
shell-more = More
field-passphrase = Passphrase
rule-passphrase-too-short = a passphrase needs at least 12 characters
rule-repeated-or-sequential = repeated or sequential characters (aaaa, 1234, abcabc) are easy to guess
rule-easy-to-guess = too easy to guess (a common password, word or pattern); several unrelated words are better
rule-tail-dose-in-whole-micrograms = the smallest dose it gives (mg per ml × smallest volume, or the step) is a whole number of micrograms
