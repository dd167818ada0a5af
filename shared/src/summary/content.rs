//! What a summary contains for one period: the facts a clinician reads in ten minutes, computed
//! once from the diary (pure, no I/O) and rendered as text, PDF, FHIR, CSV or JSON. The patient
//! chooses what goes in; whatever is left out is listed in `hidden`, never dropped silently.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use crate::domain::progress::{measure, GoalProgress};
use crate::domain::{
    goal::gas_label, Dose, EntryBody, EntryId, EntryKind, EquivalenceTable, Gad7Band, GoalKind, GoalStatus,
    MgRange, Substance, Use,
};
use crate::domain::{
    mean, slope_per_week, DeTotal, Diary, Hideable, Integrity, Keyed, LongLived, Pace, SplitTotal, TableRef,
    TaperPlan,
};
use crate::domain::{SwitchCheck, Tail};
use crate::plan::{plan_vs_actual, FinalDose, Schedule, StepForm, StepStatus};

/// What the patient chose for one summary.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SummaryOptions {
    /// Parts left out.
    pub hide: BTreeSet<Hideable>,
    /// Individual goals left out.
    pub hidden_goals: BTreeSet<EntryId>,
    /// The day the summary is made (for "generated on" and the plan's status).
    pub today: Option<NaiveDate>,
    /// What opening the diary found wrong with its entries (set by the app, never by a shell).
    pub integrity: Integrity,
    /// The diary's key for FHIR resource ids (set by the app; `None`: a random one per export).
    pub id_key: Option<super::fhir::IdKey>,
}

/// The diary check in a summary: counts only, so a reader knows the figures may be incomplete.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IntegritySummary {
    /// True when every entry was readable and where the diary's manifest says.
    pub ok: bool,
    /// Entries that could not be read (damaged or changed); left out of every figure.
    pub unreadable_entries: u32,
    /// Entries deleted from the file behind the app's back.
    pub missing_entries: u32,
    /// Entries added, replayed or rolled back outside the app (counted in the figures as found).
    pub unexpected_entries: u32,
    /// The diary's list of entries could not be checked at all.
    pub unchecked: bool,
}

impl From<&Integrity> for IntegritySummary {
    fn from(i: &Integrity) -> Self {
        let n = |v: &Vec<EntryId>| u32::try_from(v.len()).unwrap_or(u32::MAX);
        Self {
            ok: i.is_ok(),
            unreadable_entries: n(&i.unreadable),
            missing_entries: n(&i.missing),
            unexpected_entries: n(&i.unexpected),
            unchecked: i.manifest_damaged,
        }
    }
}

/// One local day of the period (the JSON contract documented in README).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DaySummary {
    /// Local date.
    pub date: NaiveDate,
    /// Prescribed diazepam equivalents, low end (mg).
    pub de_low_mg: f64,
    /// Prescribed diazepam equivalents, high end (mg).
    pub de_high_mg: f64,
    /// Non-prescribed diazepam equivalents, low end (mg); `null` when the patient hid non-prescribed use.
    pub nonprescribed_de_low_mg: Option<f64>,
    /// Non-prescribed diazepam equivalents, high end (mg); `null` when hidden.
    pub nonprescribed_de_high_mg: Option<f64>,
    /// Doses that day with no known equivalent (of the doses shown).
    pub unknown_doses: u32,
    /// Of `unknown_doses`, those of known strength the chosen table gives no value for.
    pub no_value_doses: u32,
    /// Number of prescribed doses.
    pub prescribed_doses: u32,
    /// Number of non-prescribed doses; `null` when hidden.
    pub nonprescribed_doses: Option<u32>,
    /// Planned daily dose of the taper plan that day, as diazepam equivalents (for the chart line).
    pub planned_de_low_mg: Option<f64>,
    /// Upper end of the planned dose's diazepam equivalent.
    pub planned_de_high_mg: Option<f64>,
    /// False for the diary day in progress (and any later day): its doses may not all be taken
    /// yet, so it is shown as it stands but never counts as a day without a dose, nor in a mean
    /// or the trend.
    pub complete: bool,
}

/// Means over one week of the period (weeks start on the period's first day).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekSummary {
    /// First day of the week.
    pub week_start: NaiveDate,
    /// Days of the period in this week (the last week may be shorter).
    pub days: u32,
    /// Complete days of the week (an unfinished today is shown but not counted).
    pub complete_days: u32,
    /// Mean daily prescribed DE over the complete days, low end; `None` when the week is only an
    /// unfinished today (a day not over yet is not a day at 0 mg).
    pub de_low_mg: Option<f64>,
    /// Mean daily prescribed DE over the complete days, high end; `None` as `de_low_mg`.
    pub de_high_mg: Option<f64>,
    /// Mean total sleep, hours; `None` when no night was logged or sleep is hidden.
    pub sleep_h: Option<f64>,
    /// Mean anxiety rating; `None` when none was logged or anxiety is hidden.
    pub anxiety: Option<f64>,
}

impl WeekSummary {
    /// The week's mean prescribed DE per day, when it has a complete day.
    pub fn de(&self) -> Option<MgRange> {
        Some(MgRange::new(self.de_low_mg?, self.de_high_mg?))
    }
}

/// How the prescribed dose moved over the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DoseTrend {
    /// Mean daily prescribed DE over the first half of the period.
    pub first_half: MgRange,
    /// Mean daily prescribed DE over the second half.
    pub second_half: MgRange,
    /// Least-squares slope of the daily DE (low end), mg per week; `None` under two days.
    pub slope_low_mg_per_week: Option<f64>,
    /// Least-squares slope of the daily DE (high end), mg per week.
    pub slope_high_mg_per_week: Option<f64>,
}

/// Totals per molecule over the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MoleculeTotal {
    /// INN, or "unknown substance".
    pub name: &'static str,
    /// WHO ATC code, when known.
    pub atc: Option<&'static str>,
    /// Sum of known mg.
    pub total_mg: f64,
    /// Doses counted.
    pub doses: u32,
    /// Doses of unknown strength.
    pub unknown_strength_doses: u32,
    /// Doses of known strength that the chosen table gives no value for (own mg in `total_mg`).
    pub no_value_doses: u32,
    /// Of which non-prescribed.
    pub nonprescribed_doses: u32,
    /// Of `total_mg`, the mg taken outside the prescription (so prescribed = total − this).
    pub nonprescribed_mg: f64,
    /// Of `unknown_strength_doses`, those taken outside the prescription.
    pub nonprescribed_unknown_strength_doses: u32,
}

/// One use of a molecule, prescribed or not: what a per-molecule line shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MoleculeUse {
    /// Doses.
    pub doses: u32,
    /// Sum of known mg.
    pub mg: f64,
    /// Doses of unknown strength.
    pub unknown_strength_doses: u32,
}

impl MoleculeTotal {
    /// The prescribed doses of this molecule (`None` when there were none).
    pub fn prescribed(&self) -> Option<MoleculeUse> {
        let doses = self.doses - self.nonprescribed_doses;
        (doses > 0).then(|| MoleculeUse {
            doses,
            mg: self.total_mg - self.nonprescribed_mg,
            unknown_strength_doses: self.unknown_strength_doses - self.nonprescribed_unknown_strength_doses,
        })
    }

    /// The non-prescribed doses of this molecule (`None` when there were none).
    pub fn non_prescribed(&self) -> Option<MoleculeUse> {
        (self.nonprescribed_doses > 0).then_some(MoleculeUse {
            doses: self.nonprescribed_doses,
            mg: self.nonprescribed_mg,
            unknown_strength_doses: self.nonprescribed_unknown_strength_doses,
        })
    }
}

/// The prescribed medicine as taken lately, in its own mg: what page 1 and the text summary's first
/// block show next to the diazepam equivalents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurrentDose {
    /// The molecule (INN).
    pub molecule: &'static str,
    /// Mean daily mg of its prescribed doses of known strength over the last days of the period.
    pub mg_per_day: f64,
    /// Over how many days (the period's last 7, or fewer for a shorter period).
    pub days: u32,
}

/// Period totals; the non-prescribed side is `None` when the patient hid it. Both sides are also
/// given in one unit, the mean per day over the whole period, which is what every renderer shows
/// side by side.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Totals {
    /// As prescribed.
    pub prescribed: DeTotal,
    /// Outside the prescription.
    pub non_prescribed: Option<DeTotal>,
    /// Prescribed DE, mean per day of the period (mg).
    pub prescribed_de_per_day: MgRange,
    /// Non-prescribed DE, mean per day of the period (mg); `None` when hidden.
    pub non_prescribed_de_per_day: Option<MgRange>,
}

impl Totals {
    /// The period totals with their means per day over the complete days of `days` (an unfinished
    /// today would pull the mean down).
    pub fn new(prescribed: DeTotal, non_prescribed: Option<DeTotal>, days: &[DaySummary]) -> Self {
        Self {
            prescribed,
            non_prescribed,
            prescribed_de_per_day: mean_de(days, DaySummary::prescribed_de),
            non_prescribed_de_per_day: non_prescribed.map(|_| mean_de(days, DaySummary::non_prescribed_de)),
        }
    }
}

impl DaySummary {
    /// The day's prescribed DE as (low, high).
    fn prescribed_de(&self) -> Option<(f64, f64)> {
        Some((self.de_low_mg, self.de_high_mg))
    }

    /// The day's non-prescribed DE as (low, high); `None` when hidden.
    fn non_prescribed_de(&self) -> Option<(f64, f64)> {
        self.nonprescribed_de_low_mg.zip(self.nonprescribed_de_high_mg)
    }
}

/// Mean DE per day over the complete days of `days` (an unfinished today would pull it down);
/// 0 when there is none.
fn mean_de(days: &[DaySummary], de: fn(&DaySummary) -> Option<(f64, f64)>) -> MgRange {
    let (lows, highs): (Vec<f64>, Vec<f64>) = days.iter().filter(|d| d.complete).filter_map(de).unzip();
    MgRange::new(mean(&lows).unwrap_or(0.0), mean(&highs).unwrap_or(0.0))
}

/// Sleep over the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SleepSummary {
    /// Nights logged.
    pub nights: u32,
    /// Mean total sleep time, hours.
    pub mean_total_sleep_h: Option<f64>,
    /// Mean sleep efficiency, percent.
    pub mean_efficiency_percent: Option<f64>,
    /// Mean quality, 1 (very poor) … 5 (very good).
    pub mean_quality: Option<f64>,
    /// Mean number of awakenings.
    pub mean_awakenings: Option<f64>,
    /// Mean total sleep in the first half of the period.
    pub first_half_h: Option<f64>,
    /// Mean total sleep in the second half.
    pub second_half_h: Option<f64>,
}

/// Anxiety over the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AnxietySummary {
    /// Ratings logged.
    pub ratings: u32,
    /// Mean 0–10 rating.
    pub mean: Option<f64>,
    /// Mean in the first half of the period.
    pub first_half: Option<f64>,
    /// Mean in the second half.
    pub second_half: Option<f64>,
}

/// One GAD-7 result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gad7Point {
    /// Local date completed.
    pub date: NaiveDate,
    /// Total 0–21.
    pub total: u8,
    /// Severity band.
    pub band: Gad7Band,
}

/// One review of a goal.
#[derive(Clone, PartialEq, Serialize)]
pub struct ReviewLine {
    /// Local date.
    pub date: NaiveDate,
    /// GAS −2 … +2.
    pub gas: i8,
    /// GAS in words (English; renderers localise from `gas`).
    pub gas_label: &'static str,
    /// "keep", "adjust" or "change".
    pub decision: &'static str,
    /// Patient's note; `None` when notes are hidden.
    pub note: Option<String>,
}

/// A goal, its reviews in the period and what the diary measures against it.
#[derive(Clone, PartialEq, Serialize)]
pub struct GoalSummary {
    /// What matters, in the patient's words.
    pub what_matters: String,
    /// The treatment goal, structured.
    pub kind: GoalKind,
    /// The treatment goal in words (English; renderers localise from `kind`).
    pub description: String,
    /// Lifecycle status.
    pub status: GoalStatus,
    /// Due date.
    pub due: Option<NaiveDate>,
    /// Next review date.
    pub review_on: Option<NaiveDate>,
    /// Reviews within the period.
    pub reviews: Vec<ReviewLine>,
    /// Measured over the period (or since the goal was set, if later).
    pub progress: GoalProgress,
}

/// A recorded switch to diazepam, with the equivalence used and its source (scenario 4).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SwitchSummary {
    /// Molecule switched from.
    pub from: &'static str,
    /// Its daily dose, mg.
    pub from_mg: f64,
    /// Diazepam equivalent per the table, mg.
    pub diazepam_mg: MgRange,
    /// Table used, with its source.
    pub table: TableRef,
    /// Who it was agreed with.
    pub agreed_with: String,
    /// The plan's start compared with the diazepam dose the table expects (informs only).
    pub check: SwitchCheck,
}

/// One plan step as the summary shows it: planned versus logged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanStepSummary {
    /// Step number (0 = start dose).
    pub index: u32,
    /// First day of the step.
    pub date: NaiveDate,
    /// Planned daily dose, mg.
    pub dose_mg: f64,
    /// Cut from the previous step, percent.
    pub cut_percent: f64,
    /// Interval lengthened because the tablets allow no smaller cut.
    pub extended: bool,
    /// Why the step is faster than the chosen pace, if it is (English; renderers localise from
    /// the two numbers below).
    pub pace_flag: Option<String>,
    /// The step's cut per 14 days, when flagged.
    pub pace_per_14_days_percent: Option<f64>,
    /// Tablets, or the plan's tail formulation.
    pub form: StepForm,
    /// Volume of the plan's oral liquid, ml (liquid steps only).
    pub liquid_ml: Option<f64>,
    /// The limit it exceeds, when flagged (25 standard, 10 gentle).
    pub pace_limit_percent: Option<f64>,
    /// Days since the previous step (active days only).
    pub interval_days: u32,
    /// Done, current, upcoming or cancelled.
    pub status: StepStatus,
    /// Days of this step inside the period.
    pub days_in_period: u32,
    /// Of those, days with a prescribed dose of the plan's molecule logged: the denominator of
    /// `days_at_or_under` in every format.
    pub days_logged: u32,
    /// Of the days logged, days whose diazepam equivalents of all molecules shown (the plan's and
    /// any other, prescribed or not) were at or under the planned dose's.
    pub days_at_or_under: u32,
}

/// A hold with the patient's reason; a normal part of tapering.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HoldSummary {
    /// First day.
    pub from: NaiveDate,
    /// First day after; `None` while holding.
    pub until: Option<NaiveDate>,
    /// Last day of the hold, inclusive (what every format prints); `None` while holding.
    pub last_day: Option<NaiveDate>,
    /// Reason, in the patient's words; `None` when notes are hidden.
    pub reason: Option<String>,
}

/// The taper plan during the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanSection {
    /// Molecule tapered.
    pub molecule: &'static str,
    /// First day of the plan.
    pub start: NaiveDate,
    /// Dose at the start, mg.
    pub start_mg: f64,
    /// Cut per step, percent of the current dose.
    pub percent: f64,
    /// Days between steps.
    pub interval_days: u32,
    /// The pace the steps are checked against ("standard" or "gentle").
    pub pace: Pace,
    /// The switch to diazepam this plan follows, if any.
    pub switch: Option<SwitchSummary>,
    /// Steps from the one in effect at the period's start to the plan's last step (the stop), so
    /// the clinician sees the whole tail; a long run after the period is shortened, see
    /// `steps_omitted`.
    pub steps: Vec<PlanStepSummary>,
    /// Steps left out of `steps` to keep the table short: (index of the step they follow, count).
    pub steps_omitted: Option<(u32, u32)>,
    /// The formulation the plan continues with after the tablets, if any.
    pub tail: Option<Tail>,
    /// The dose the plan stops from and its share of the start dose.
    pub final_dose: Option<FinalDose>,
    /// Holds, with reasons.
    pub holds: Vec<HoldSummary>,
    /// Number of steps with a pace flag.
    pub flagged_steps: u32,
    /// Expected last day of the taper.
    pub end_date: Option<NaiveDate>,
    /// The day the plan was ended, if it was.
    pub ended_on: Option<NaiveDate>,
}

/// One period of a medicine's usual regimen, as it was.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegimenLine {
    /// First day of this regimen within the summary's period.
    pub from: NaiveDate,
    /// Usual amount per intake in mg, when known.
    pub mg: Option<f64>,
    /// Usual number of tablets per intake, when counted in tablets.
    pub tablets: Option<f64>,
    /// Tablet strength, mg.
    pub strength_mg: Option<f64>,
    /// Usual times of day; empty when taken as needed.
    pub times: Vec<NaiveTime>,
}

/// A medicine on the patient's list during the period, with its regimen as it was then.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MedicineSummary {
    /// The name the patient knows it by.
    pub name: String,
    /// The molecule (INN).
    pub molecule: &'static str,
    /// WHO ATC code.
    pub atc: &'static str,
    /// Prescribed or not.
    #[serde(rename = "use")]
    pub use_: Use,
    /// First day taken.
    pub started: NaiveDate,
    /// Last day taken, if stopped.
    pub stopped: Option<NaiveDate>,
    /// The regimen's periods that overlap the summary's period, oldest first.
    pub regimen: Vec<RegimenLine>,
    /// Usual doses the patient logged as skipped in the period.
    pub skipped: u32,
}

/// A question the patient wants to talk about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionLine {
    /// When written.
    pub date: NaiveDate,
    /// The question.
    pub text: String,
}

/// A note the patient wrote on an entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteLine {
    /// Local date of the entry.
    pub date: NaiveDate,
    /// Which kind of entry it is on.
    pub kind: EntryKind,
    /// The note.
    pub text: String,
}

/// Everything a summary shows for one period.
#[derive(Clone, PartialEq, Serialize)]
pub struct Summary {
    /// First local date, inclusive.
    pub from: NaiveDate,
    /// Last local date, inclusive.
    pub to: NaiveDate,
    /// The day it was made.
    pub generated_on: Option<NaiveDate>,
    /// The equivalence table used for every DE figure.
    pub table: TableRef,
    /// Every day of the period, including days with no entry.
    pub days: Vec<DaySummary>,
    /// Weekly means.
    pub weeks: Vec<WeekSummary>,
    /// Totals per molecule.
    pub molecules: Vec<MoleculeTotal>,
    /// The patient's medicines during the period, with the regimen of that time.
    pub medicines: Vec<MedicineSummary>,
    /// When the patient's day starts: doses before it count for the day before.
    pub day_start: NaiveTime,
    /// Period totals, prescribed and non-prescribed apart.
    pub totals: Totals,
    /// The prescribed molecules as taken over the period's last days, in their own mg.
    pub current_doses: Vec<CurrentDose>,
    /// First half versus second half, and the slope.
    pub dose_trend: DoseTrend,
    /// Days with no dose of any kind shown.
    pub days_without_dose: u32,
    /// The taper plan, if one ran during the period and is not hidden.
    pub plan: Option<PlanSection>,
    /// Sleep; `None` when hidden.
    pub sleep: Option<SleepSummary>,
    /// Anxiety ratings; `None` when hidden.
    pub anxiety: Option<AnxietySummary>,
    /// GAD-7 results in the period (empty when anxiety is hidden).
    pub gad7: Vec<Gad7Point>,
    /// Goals set on or before the end of the period (open, or closed during it).
    pub goals: Vec<GoalSummary>,
    /// Questions not yet discussed.
    pub questions: Vec<QuestionLine>,
    /// Notes written in the period (empty when notes are hidden).
    pub notes: Vec<NoteLine>,
    /// What the patient left out, so the reader knows something is missing.
    pub hidden: Vec<Hideable>,
    /// Individual goals left out.
    pub hidden_goals: u32,
    /// What the diary check found (never silent: every format says it when not ok).
    pub integrity: IntegritySummary,
}

impl Summary {
    /// Days the day-based figures count (the period less an unfinished today): the "of N" of
    /// "days without a dose".
    pub fn counted_days(&self) -> u32 {
        self.days.iter().filter(|d| d.complete).count() as u32
    }
}

crate::domain::redacted_debug!(Summary, GoalSummary, ReviewLine);

/// Builds the summary for `from..=to` (inclusive local dates) under `table`, showing everything.
pub fn build(diary: &Diary, from: NaiveDate, to: NaiveDate, table: EquivalenceTable) -> Summary {
    build_with(diary, from, to, table, &SummaryOptions::default())
}

/// Per-day accumulators.
#[derive(Default)]
struct Day {
    doses: SplitTotal,
    sleep_h: Vec<f64>,
    anxiety: Vec<f64>,
}

/// Builds the summary with the patient's choices of what to show.
pub fn build_with(
    diary: &Diary,
    from: NaiveDate,
    to: NaiveDate,
    table: EquivalenceTable,
    opts: &SummaryOptions,
) -> Summary {
    let hides = |h| opts.hide.contains(&h);
    let show_np = !hides(Hideable::NonPrescribed);
    let show_notes = !hides(Hideable::Notes);
    let mut per_day: BTreeMap<NaiveDate, Day> = BTreeMap::new();
    let mut molecules: BTreeMap<&'static str, MoleculeTotal> = BTreeMap::new();
    let mut totals = SplitTotal::default();
    let (mut eff, mut quality, mut wakes, mut nights) = (vec![], vec![], vec![], 0);
    let mut anxiety_n = 0;
    let mut gad7 = vec![];
    let mut skips: HashMap<EntryId, u32> = HashMap::new();
    let mut notes = vec![];

    for (day, entry) in diary.days_between(from, to) {
        if let (true, Some(text)) = (show_notes, entry.body.note()) {
            if !is_hidden(&entry.body, opts) {
                notes.push(NoteLine { date: day, kind: entry.body.kind(), text: text.to_owned() });
            }
        }
        match &entry.body {
            EntryBody::Dose(d) => {
                if d.use_ == Use::NonPrescribed && !show_np {
                    continue;
                }
                per_day.entry(day).or_default().doses.add(d, table);
                totals.add(d, table);
                add_molecule(&mut molecules, d, table);
            }
            EntryBody::Sleep(s) => {
                nights += 1;
                if let Some(m) = s.total_sleep_min() {
                    per_day.entry(s.night).or_default().sleep_h.push(m as f64 / 60.0);
                }
                eff.extend(s.efficiency_percent());
                quality.push(f64::from(s.quality.score()));
                wakes.extend(s.awakenings.map(f64::from));
            }
            EntryBody::Anxiety(a) => {
                anxiety_n += 1;
                per_day.entry(day).or_default().anxiety.push(f64::from(a.score));
            }
            EntryBody::Gad7(g) => gad7.push(Gad7Point { date: day, total: g.total(), band: g.band() }),
            EntryBody::Skip(skip) => *skips.entry(skip.medicine).or_default() += 1,
            EntryBody::Goal(_)
            | EntryBody::Review(_)
            | EntryBody::Plan(_)
            | EntryBody::Question(_)
            | EntryBody::Medicine(_)
            | EntryBody::Settings(_) => {}
        }
    }

    let long_lived = LongLived::gather(diary);
    let period_plan = long_lived.plan_for_period(from, to);
    let plan = if hides(Hideable::Plan) {
        None
    } else {
        plan_section(diary, period_plan, from, to, opts, show_notes, table)
    };
    let planned = plan_in_period(period_plan, to, opts);
    let empty = Day::default();
    let days: Vec<DaySummary> = from
        .iter_days()
        .take_while(|d| *d <= to)
        .map(|date| {
            let t = per_day.get(&date).unwrap_or(&empty).doses;
            let planned_de = planned.as_ref().and_then(|(plan, sched)| {
                let mg = sched.planned_mg(date)?;
                if mg == 0.0 {
                    return Some(MgRange::ZERO);
                }
                table.diazepam_equivalent(plan.molecule, mg)
            });
            DaySummary {
                date,
                de_low_mg: t.prescribed.low_mg,
                de_high_mg: t.prescribed.high_mg,
                nonprescribed_de_low_mg: show_np.then_some(t.non_prescribed.low_mg),
                nonprescribed_de_high_mg: show_np.then_some(t.non_prescribed.high_mg),
                unknown_doses: t.prescribed.unknown_doses + t.non_prescribed.unknown_doses,
                no_value_doses: t.prescribed.no_value_doses + t.non_prescribed.no_value_doses,
                prescribed_doses: t.prescribed.doses,
                nonprescribed_doses: show_np.then_some(t.non_prescribed.doses),
                planned_de_low_mg: planned_de.map(|r| r.low),
                planned_de_high_mg: planned_de.map(|r| r.high),
                complete: opts.today.is_none_or(|today| date < today),
            }
        })
        .collect();
    // Figures over days read only the complete ones: an unfinished today is not a day at 0 mg.
    let complete: Vec<DaySummary> = days.iter().filter(|d| d.complete).cloned().collect();
    let days_without_dose =
        complete.iter().filter(|d| d.prescribed_doses + d.nonprescribed_doses.unwrap_or(0) == 0).count()
            as u32;

    let half = complete.len().div_ceil(2);
    let (first, second) = complete.split_at(half.min(complete.len()));
    let mean_range = |ds: &[DaySummary]| mean_de(ds, DaySummary::prescribed_de);
    let lows: Vec<f64> = complete.iter().map(|d| d.de_low_mg).collect();
    let highs: Vec<f64> = complete.iter().map(|d| d.de_high_mg).collect();
    let dose_trend = DoseTrend {
        first_half: mean_range(first),
        second_half: mean_range(second),
        slope_low_mg_per_week: slope_per_week(&lows),
        slope_high_mg_per_week: slope_per_week(&highs),
    };

    // Sleep and anxiety logged on an unfinished day are complete readings: halves over all days.
    let (days_first, days_second) = days.split_at(days.len().div_ceil(2).min(days.len()));
    let sleep_of = |ds: &[DaySummary]| -> Vec<f64> {
        ds.iter().flat_map(|d| per_day.get(&d.date).map(|x| x.sleep_h.clone()).unwrap_or_default()).collect()
    };
    let anxiety_of = |ds: &[DaySummary]| -> Vec<f64> {
        ds.iter().flat_map(|d| per_day.get(&d.date).map(|x| x.anxiety.clone()).unwrap_or_default()).collect()
    };
    let weeks = days
        .chunks(7)
        .map(|w| {
            let complete_days = w.iter().filter(|d| d.complete).count() as u32;
            let range = (complete_days > 0).then(|| mean_range(w));
            WeekSummary {
                week_start: w[0].date,
                days: w.len() as u32,
                complete_days,
                de_low_mg: range.map(|r| r.low),
                de_high_mg: range.map(|r| r.high),
                sleep_h: if hides(Hideable::Sleep) { None } else { mean(&sleep_of(w)) },
                anxiety: if hides(Hideable::Anxiety) { None } else { mean(&anxiety_of(w)) },
            }
        })
        .collect();

    let sleep = (!hides(Hideable::Sleep)).then(|| SleepSummary {
        nights,
        mean_total_sleep_h: mean(&sleep_of(&days)),
        mean_efficiency_percent: mean(&eff),
        mean_quality: mean(&quality),
        mean_awakenings: mean(&wakes),
        first_half_h: mean(&sleep_of(days_first)),
        second_half_h: mean(&sleep_of(days_second)),
    });
    let anxiety = (!hides(Hideable::Anxiety)).then(|| AnxietySummary {
        ratings: anxiety_n,
        mean: mean(&anxiety_of(&days)),
        first_half: mean(&anxiety_of(days_first)),
        second_half: mean(&anxiety_of(days_second)),
    });

    let (goals, hidden_goals) = if hides(Hideable::Goals) {
        (vec![], 0)
    } else {
        goals(diary, &long_lived, from, to, table, opts, show_notes)
    };
    let questions =
        if hides(Hideable::Questions) { vec![] } else { questions(diary, &long_lived, open_until(opts, to)) };

    let totals = Totals::new(totals.prescribed, show_np.then_some(totals.non_prescribed), &days);
    Summary {
        from,
        to,
        generated_on: opts.today,
        table: table.into(),
        days,
        weeks,
        molecules: molecules.into_values().collect(),
        medicines: medicines(&long_lived, from, to, &skips, opts),
        day_start: diary.day_start(),
        totals,
        current_doses: current_doses(diary, from, last_counted_day(opts, from, to)),
        dose_trend,
        days_without_dose,
        plan,
        sleep,
        anxiety,
        gad7: if hides(Hideable::Anxiety) { vec![] } else { gad7 },
        goals,
        questions,
        notes,
        hidden: opts.hide.iter().copied().collect(),
        hidden_goals,
        integrity: IntegritySummary::from(&opts.integrity),
    }
}

/// The summary part an entry belongs to, so what the patient hid stays hidden everywhere
/// (notes, CSV rows).
pub fn part_of(body: &EntryBody) -> Option<Hideable> {
    match body {
        EntryBody::Dose(d) if d.use_ == Use::NonPrescribed => Some(Hideable::NonPrescribed),
        EntryBody::Dose(_) => None,
        EntryBody::Sleep(_) => Some(Hideable::Sleep),
        EntryBody::Anxiety(_) | EntryBody::Gad7(_) => Some(Hideable::Anxiety),
        EntryBody::Goal(_) | EntryBody::Review(_) => Some(Hideable::Goals),
        EntryBody::Plan(_) => Some(Hideable::Plan),
        EntryBody::Question(_) => Some(Hideable::Questions),
        EntryBody::Medicine(m) if m.use_ == Use::NonPrescribed => Some(Hideable::NonPrescribed),
        EntryBody::Medicine(_) | EntryBody::Skip(_) | EntryBody::Settings(_) => None,
    }
}

/// True when the patient left this entry out: its part is hidden, or it is (a review of) a hidden
/// goal.
pub fn is_hidden(body: &EntryBody, opts: &SummaryOptions) -> bool {
    if part_of(body).is_some_and(|h| opts.hide.contains(&h)) {
        return true;
    }
    match body {
        EntryBody::Review(r) => opts.hidden_goals.contains(&r.goal),
        _ => false,
    }
}

fn add_molecule(molecules: &mut BTreeMap<&'static str, MoleculeTotal>, d: &Dose, table: EquivalenceTable) {
    let m = molecules.entry(d.substance.name()).or_insert_with(|| MoleculeTotal {
        name: d.substance.name(),
        atc: match d.substance {
            Substance::Known(m) => Some(m.atc()),
            Substance::Unknown => None,
        },
        total_mg: 0.0,
        doses: 0,
        unknown_strength_doses: 0,
        no_value_doses: 0,
        nonprescribed_doses: 0,
        nonprescribed_mg: 0.0,
        nonprescribed_unknown_strength_doses: 0,
    });
    m.no_value_doses += u32::from(crate::domain::measure::no_table_value(d, table));
    m.doses += 1;
    let np = d.use_ == Use::NonPrescribed;
    match d.amount.mg() {
        Some(mg) => {
            m.total_mg += mg;
            if np {
                m.nonprescribed_mg += mg;
            }
        }
        None => {
            m.unknown_strength_doses += 1;
            m.nonprescribed_unknown_strength_doses += u32::from(np);
        }
    }
    m.nonprescribed_doses += u32::from(np);
}

/// Days over which the current dose is measured: the period's last week.
const CURRENT_DAYS: u32 = 7;

/// Each prescribed molecule's mean daily mg (doses of known strength) over the period's last
/// [`CURRENT_DAYS`] days, for molecules taken in them.
fn current_doses(diary: &Diary, from: NaiveDate, to: NaiveDate) -> Vec<CurrentDose> {
    let start = to.checked_sub_days(chrono::Days::new(u64::from(CURRENT_DAYS - 1))).unwrap_or(from).max(from);
    let days = u32::try_from((to - start).num_days() + 1).unwrap_or(1).max(1);
    let mut mg: BTreeMap<&'static str, f64> = BTreeMap::new();
    for (_, entry) in diary.days_between(start, to) {
        if let EntryBody::Dose(d) = &entry.body {
            if let (Use::Prescribed, Substance::Known(m), Some(v)) = (d.use_, d.substance, d.amount.mg()) {
                *mg.entry(m.name()).or_default() += v;
            }
        }
    }
    mg.into_iter()
        .map(|(molecule, total)| CurrentDose { molecule, mg_per_day: total / f64::from(days), days })
        .collect()
}

/// The medicines taken on some day of the period, their regimen periods clipped to it.
fn medicines(
    long_lived: &LongLived<'_>,
    from: NaiveDate,
    to: NaiveDate,
    skips: &HashMap<EntryId, u32>,
    opts: &SummaryOptions,
) -> Vec<MedicineSummary> {
    let show_np = !opts.hide.contains(&Hideable::NonPrescribed);
    long_lived
        .medicines
        .iter()
        .filter(|(_, m)| m.started <= to && m.stopped.is_none_or(|last| last >= from))
        .filter(|(_, m)| show_np || m.use_ == Use::Prescribed)
        .map(|&(id, m)| {
            let regimen = m
                .regimen
                .iter()
                .enumerate()
                .filter(|(i, r)| r.from <= to && m.regimen.get(i + 1).is_none_or(|next| next.from > from))
                .map(|(_, r)| {
                    let (mg, tablets, strength_mg) = r.amount.parts();
                    let mg = mg.or(r.amount.mg());
                    RegimenLine { from: r.from.max(from), mg, tablets, strength_mg, times: r.times.clone() }
                })
                .collect();
            MedicineSummary {
                name: m.name.clone(),
                molecule: m.molecule.name(),
                atc: m.molecule.atc(),
                use_: m.use_,
                started: m.started,
                stopped: m.stopped,
                regimen,
                skipped: skips.get(&id).copied().unwrap_or(0),
            }
        })
        .collect()
}

/// The last day the day-based figures read: `to`, or yesterday when the period runs into the
/// unfinished today (and today itself when the period is only today).
fn last_counted_day(opts: &SummaryOptions, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    opts.today.and_then(|t| t.pred_opt()).filter(|last| *last >= from).map_or(to, |last| last.min(to))
}

/// The last day for what is still open when the summary is made (goals, questions): the day it is
/// made when that is after the period (the default period ends yesterday; a question typed this
/// morning for this afternoon's appointment belongs in it).
fn open_until(opts: &SummaryOptions, to: NaiveDate) -> NaiveDate {
    opts.today.map_or(to, |today| today.max(to))
}

fn schedule_day(opts: &SummaryOptions, to: NaiveDate) -> NaiveDate {
    opts.today.unwrap_or(to)
}

fn plan_in_period<'a>(
    period_plan: Option<(EntryId, &'a TaperPlan)>,
    to: NaiveDate,
    opts: &SummaryOptions,
) -> Option<(&'a TaperPlan, Schedule)> {
    if opts.hide.contains(&Hideable::Plan) {
        return None;
    }
    let (_, plan) = period_plan?;
    Some((plan, plan.schedule(schedule_day(opts, to))))
}

fn plan_section(
    diary: &Diary,
    period_plan: Option<(EntryId, &TaperPlan)>,
    from: NaiveDate,
    to: NaiveDate,
    opts: &SummaryOptions,
    show_notes: bool,
    table: EquivalenceTable,
) -> Option<PlanSection> {
    let (_, plan) = period_plan?;
    let schedule = plan.schedule(schedule_day(opts, to));
    // Every dose shown counts against the plan (other molecules too); hidden ones stay hidden.
    let doses = diary.days_between(from, to).filter_map(|(day, e)| match &e.body {
        EntryBody::Dose(d) if !is_hidden(&e.body, opts) => Some((day, d)),
        _ => None,
    });
    let vs = plan_vs_actual(plan, &schedule, doses, (from, to), opts.today, table);
    let first_in_effect = schedule.steps.iter().rposition(|s| s.date <= from).unwrap_or(0);
    let last_shown =
        schedule.steps.iter().position(|s| s.date > to).unwrap_or(schedule.steps.len().saturating_sub(1));
    let (shown, steps_omitted) = shown_steps(schedule.steps.len(), first_in_effect, last_shown);
    let steps = shown
        .into_iter()
        .filter_map(|i| schedule.steps.get(i))
        .map(|s| {
            let adherence = vs.steps.iter().find(|a| a.index == s.index);
            PlanStepSummary {
                index: s.index,
                date: s.date,
                dose_mg: s.dose_mg,
                cut_percent: s.cut_percent,
                extended: s.extended,
                pace_flag: s.pace_flag.as_ref().map(|f| f.reason.clone()),
                pace_per_14_days_percent: s.pace_flag.as_ref().map(|f| f.per_14_days_percent),
                form: s.form,
                liquid_ml: s.liquid_ml,
                pace_limit_percent: s.pace_flag.as_ref().map(|f| f.limit_percent),
                interval_days: s.interval_days,
                status: s.status,
                days_in_period: adherence.map_or(0, |a| a.days),
                days_logged: adherence.map_or(0, |a| a.days_logged),
                days_at_or_under: adherence.map_or(0, |a| a.days_at_or_under),
            }
        })
        .collect();
    Some(PlanSection {
        molecule: plan.molecule.name(),
        start: plan.start,
        start_mg: plan.start_mg,
        percent: plan.percent,
        interval_days: plan.interval_days,
        pace: plan.pace,
        switch: plan.switch.as_ref().map(|s| SwitchSummary {
            from: s.from.name(),
            from_mg: s.from_mg,
            diazepam_mg: s.diazepam_mg,
            table: s.table.into(),
            agreed_with: s.agreed_with.clone(),
            check: s.check(plan.start_mg),
        }),
        steps,
        steps_omitted: steps_omitted.and_then(|(after, n)| {
            Some((schedule.steps.get(after)?.index, u32::try_from(n).unwrap_or(u32::MAX)))
        }),
        tail: plan.tail,
        final_dose: schedule.final_dose(),
        holds: plan
            .holds
            .iter()
            .map(|h| HoldSummary {
                from: h.from,
                until: h.until,
                last_day: h.last_day(),
                reason: show_notes.then(|| h.reason.clone()),
            })
            .collect(),
        flagged_steps: schedule.steps.iter().filter(|s| s.pace_flag.is_some()).count() as u32,
        end_date: schedule.end_date,
        ended_on: schedule.ended_on,
    })
}

/// Most steps after the period the table shows in full; beyond it, the first few and the last
/// few (with the stop) are shown and the rest counted.
const AFTER_PERIOD_SHOWN: usize = 8;
/// Of those, how many of the last steps are always shown.
const LAST_SHOWN: usize = 5;

/// Which steps the summary's plan table shows: those of the period (`first..=last_in_period`) and
/// every later one up to the stop, shortening a long run after the period in its middle. Returns
/// the indexes shown and, when shortened, (index of the step the gap follows, steps left out).
fn shown_steps(len: usize, first: usize, last_in_period: usize) -> (Vec<usize>, Option<(usize, usize)>) {
    let after = len.saturating_sub(last_in_period + 1);
    if after <= AFTER_PERIOD_SHOWN {
        return ((first..len).collect(), None);
    }
    let head_end = last_in_period + (AFTER_PERIOD_SHOWN - LAST_SHOWN);
    let tail_start = len - LAST_SHOWN;
    let shown = (first..=head_end).chain(tail_start..len).collect();
    (shown, Some((head_end, tail_start - head_end - 1)))
}

fn goals(
    diary: &Diary,
    long_lived: &LongLived<'_>,
    from: NaiveDate,
    to: NaiveDate,
    table: EquivalenceTable,
    opts: &SummaryOptions,
    show_notes: bool,
) -> (Vec<GoalSummary>, u32) {
    let mut hidden = 0;
    let mut shown = vec![];
    // A goal set since the period ended (today, before the appointment) is still the patient's goal.
    let open_until = open_until(opts, to);
    for &(id, g) in long_lived.goals.iter().filter(|(_, g)| g.set_at.date_naive() <= open_until) {
        if opts.hidden_goals.contains(&id) {
            hidden += 1;
            continue;
        }
        let reviews: Vec<ReviewLine> = long_lived
            .reviews_of(id)
            .iter()
            .filter(|(_, r)| (from..=to).contains(&r.at.date_naive()))
            .map(|(_, r)| ReviewLine {
                date: r.at.date_naive(),
                gas: r.gas,
                gas_label: gas_label(r.gas),
                decision: r.decision.key(),
                note: r.note.clone().filter(|_| show_notes),
            })
            .collect();
        // Closed goals with nothing in the period belong to an earlier conversation.
        if !g.status.is_open() && reviews.is_empty() && g.set_at.date_naive() < from {
            continue;
        }
        let start = g.set_at.date_naive().max(from);
        let mut progress = measure(diary, g, start, to, table);
        // What the patient hid stays hidden in the measured progress too.
        let hides = |h| opts.hide.contains(&h);
        if hides(Hideable::NonPrescribed) {
            progress.days_with_nonprescribed = None;
        }
        if hides(Hideable::Sleep) {
            progress.mean_sleep_h = None;
        }
        if hides(Hideable::Anxiety) {
            progress.mean_anxiety = None;
        }
        shown.push(GoalSummary {
            what_matters: g.what_matters.clone(),
            kind: g.kind.clone(),
            description: g.kind.describe(),
            status: g.status,
            due: g.due,
            review_on: g.review_on,
            reviews,
            progress,
        });
    }
    (shown, hidden)
}

/// Open questions asked up to diary day `to` (a question typed at 01:00 belongs to the evening
/// before, as a dose does).
fn questions(diary: &Diary, long_lived: &LongLived<'_>, to: NaiveDate) -> Vec<QuestionLine> {
    long_lived
        .questions
        .iter()
        .map(|q| (diary.day(&q.asked_at), q))
        .take_while(|(day, _)| *day <= to)
        .filter(|(_, q)| !q.discussed)
        .map(|(date, q)| QuestionLine { date, text: q.text.clone() })
        .collect()
}
