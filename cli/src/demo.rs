//! `steady demo`: a realistic, made-up diary in a throw-away directory, so anyone can see the today
//! screen and a clinician's summary without typing months of entries or touching a real diary.
//!
//! The person is Anke (domain brief, scenario 3): lormetazepam 2 mg nightly, wanting to stop, with
//! Dr. Peeters. Her taper cuts about 10 % of the current dose every two weeks, rounded to quarter
//! tablets of her 1 mg and 2 mg strengths; two steps are followed by a rough patch and the next
//! step becomes a hold. Every entry goes through the core's validation like a typed one. A fixed
//! seed makes the output the same on every run apart from the dates.

use std::fs;
use std::path::PathBuf;

use std::sync::{Arc, Mutex};

use chrono::{Days, Duration, Local, NaiveDate, NaiveTime};
use steady_core::domain::time::readings;
use steady_core::domain::{
    mg_text, tablets_for, DoseDraft, EntryDraft, EntryId, GoalDraft, GoalType, LocalInstant, MedicineDraft,
    PlanDraft, Proposer, ReviewDecision, SleepDraft, Split, Zone,
};
use steady_core::plan::{Schedule, Step};
use steady_core::{Clock, DataKey, DiaryDir, ExportFormat, PlanAction, SteadyCore, SummaryRequest, Unlock};

use crate::error::CliError;
use crate::output;

/// Days of diary when `--days` is not given.
pub const DEFAULT_DAYS: u32 = 120;
/// Longest demo (ten years would work but says nothing more).
pub const MAX_DAYS: u32 = 3650;
/// Seed of the generator: constant, so every run tells the same story.
const SEED: u64 = 0x5EED_A4CE_2026_0001;
/// Days from the start of the diary to the start of the plan (a baseline fortnight).
const FIRST_STEP_DAY: usize = 14;
/// How long a step is felt in sleep and anxiety, in days.
const STRAIN_DAYS: usize = 10;
/// Day the goal is set with Dr. Peeters.
const GOAL_DAY: usize = 7;
/// Weeks between reviews cycle through these (4–6 weeks).
const REVIEW_GAPS: [u64; 3] = [35, 28, 42];
/// What matters to Anke, in her words.
const WHAT_MATTERS: &str = "Sleep through the night without pills and feel clear-headed at work";

/// xorshift64*: tiny, deterministic, good enough for made-up diary noise (not for secrets).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a non-zero seed.
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [lo, hi).
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform integer in lo..=hi.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        let span = (hi - lo + 1).max(1) as u64;
        lo + (self.next_u64() % span) as i64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// Steps (1-based) followed by a rough patch; four days later Anke holds for two weeks.
const HARD_STEPS: [u32; 2] = [2, 4];
/// Days into a rough patch when the hold starts, and how long it lasts.
const HOLD_AFTER_DAYS: u64 = 4;
const HOLD_DAYS: u64 = 14;
/// Why Anke held, in her words (kept verbatim by the plan; a hold is not a failure).
const HOLD_REASON: &str = "Sleep got bad after the last step; staying here for two weeks";
/// Her tablets and how she splits them.
const STRENGTHS: [f64; 2] = [1.0, 2.0];
const SPLIT: Split = Split::Quarter;
const START_MG: f64 = 2.0;

/// Anke's taper as it is lived: the core's own plan engine (10 % of the current dose every two
/// weeks, rounded to quarter tablets), with a two-week hold after each hard step. The demo replays
/// the same plan actions through the core on their dates, so the diary's plan matches this one.
#[derive(Clone)]
pub struct Lived {
    /// First day of the plan.
    pub start: NaiveDate,
    /// Holds as (first day, first day after), in order; the last may still be running today.
    pub holds: Vec<(NaiveDate, NaiveDate)>,
    /// Schedule as of today.
    pub schedule: Schedule,
}

/// The plan draft Anke and Dr. Peeters agree on, starting `start`.
pub fn plan_draft(start: NaiveDate) -> PlanDraft {
    PlanDraft {
        drug: "lormetazepam".into(),
        start_mg: START_MG,
        start: Some(start),
        strengths_mg: STRENGTHS.to_vec(),
        split: SPLIT,
        ..PlanDraft::default()
    }
}

/// Works out the lived plan: after each hard step, a hold starting a few days later.
pub fn lived(start: NaiveDate, today: NaiveDate, now: LocalInstant) -> Result<Lived, CliError> {
    let mut plan = plan_draft(start).validate(now)?;
    let mut holds = vec![];
    for hard in HARD_STEPS {
        let schedule = plan.schedule(today);
        let Some(step) = schedule.steps.iter().find(|s| s.index == hard) else { break };
        let from = step.date + Days::new(HOLD_AFTER_DAYS);
        let until = from + Days::new(HOLD_DAYS);
        if from > today {
            break;
        }
        plan = plan.hold(from, HOLD_REASON)?;
        if until <= today {
            plan = plan.resume(until)?;
        }
        holds.push((from, until));
    }
    let schedule = plan.schedule(today);
    Ok(Lived { start, holds, schedule })
}

impl Lived {
    /// The nightly prescribed dose: 2 mg before the plan, then the plan's step of that day.
    pub fn nightly_mg(&self, date: NaiveDate) -> f64 {
        if date < self.start {
            return START_MG;
        }
        self.schedule.planned_mg(date).unwrap_or(0.0)
    }

    /// How much recent steps are felt on `date`: fading over [`STRAIN_DAYS`], stronger after a
    /// hard step.
    pub fn strain(&self, date: NaiveDate) -> f64 {
        self.schedule
            .steps
            .iter()
            .filter(|s| s.index > 0 && s.date <= date && (date - s.date).num_days() < STRAIN_DAYS as i64)
            .map(|s| {
                let fade = 1.0 - (date - s.date).num_days() as f64 / STRAIN_DAYS as f64;
                if HARD_STEPS.contains(&s.index) {
                    1.8 * fade
                } else {
                    0.8 * fade
                }
            })
            .sum()
    }

    /// Share of the starting dose already tapered, 0 … 1.
    fn progress(&self, date: NaiveDate) -> f64 {
        (START_MG - self.nightly_mg(date)) / START_MG
    }

    /// The step starting on `date`, if one does.
    fn step_on(&self, date: NaiveDate) -> Option<&Step> {
        self.schedule.steps.iter().find(|s| s.index > 0 && s.date == date)
    }

    /// True when a hard step started in the fortnight before `date`.
    fn hard_recently(&self, date: NaiveDate) -> bool {
        self.recent_steps(date).any(|s| HARD_STEPS.contains(&s.index))
    }

    fn recent_steps(&self, date: NaiveDate) -> impl Iterator<Item = &Step> {
        self.schedule
            .steps
            .iter()
            .filter(move |s| s.index > 0 && s.date < date && (date - s.date).num_days() <= 14)
    }
}

/// How Anke logs a dose: whole and split tablets of one strength when that is possible, else mg.
fn dose_amount(mg: f64) -> (Option<f64>, Option<f64>, Option<f64>) {
    match tablets_for(mg, &STRENGTHS, Split::Quarter).as_slice() {
        [(strength, quarters)] => (None, Some(f64::from(*quarters) / 4.0), Some(*strength)),
        _ => (Some(mg), None, None),
    }
}

/// A clock the demo moves forward as it replays the diary, so every entry and plan action is
/// made "on its day" and validated against that day.
#[derive(Clone)]
struct ReplayClock(Arc<Mutex<LocalInstant>>);

impl ReplayClock {
    fn set(&self, t: LocalInstant) {
        if let Ok(mut now) = self.0.lock() {
            *now = t;
        }
    }
}

impl Zone for ReplayClock {
    fn offset_at(&self, utc: chrono::NaiveDateTime) -> chrono::FixedOffset {
        Local.offset_at(utc)
    }
}

impl Clock for ReplayClock {
    fn now(&self) -> LocalInstant {
        self.0.lock().map(|t| *t).unwrap_or_else(|p| *p.into_inner())
    }
}

/// The local instant of `time` on `date`, moved an hour on if the clocks skipped it.
fn local_at(date: NaiveDate, time: NaiveTime) -> Option<LocalInstant> {
    let naive = date.and_time(time);
    readings(&Local, &naive).earliest().or_else(|| readings(&Local, &(naive + Duration::hours(1))).earliest())
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

/// `time` plus `minutes` (may cross midnight; the date is the caller's concern).
fn plus(time: NaiveTime, minutes: i64) -> NaiveTime {
    time.overflowing_add_signed(Duration::minutes(minutes)).0
}

/// Feeds events to the core on their own date and time, skipping any that would lie after "now".
struct Feeder<'a> {
    core: &'a SteadyCore,
    clock: ReplayClock,
    now: LocalInstant,
    saved: usize,
}

impl Feeder<'_> {
    fn log(&mut self, when: Option<LocalInstant>, draft: EntryDraft) -> Result<Option<EntryId>, CliError> {
        if !self.at(when) {
            return Ok(None);
        }
        let id = self.core.log(draft)?;
        self.saved += 1;
        Ok(Some(id))
    }

    /// One-step "taken" of her medicine, as she logs it most nights.
    fn taken(&mut self, when: Option<LocalInstant>, medicine: Option<EntryId>) -> Result<(), CliError> {
        if self.at(when) {
            self.core.taken(medicine, when)?;
            self.saved += 1;
        }
        Ok(())
    }

    fn plan(&mut self, when: Option<LocalInstant>, action: PlanAction) -> Result<(), CliError> {
        if self.at(when) {
            self.core.plan_action(action)?;
        }
        Ok(())
    }

    /// Moves the clock to `when`; false if that is still in the future.
    fn at(&self, when: Option<LocalInstant>) -> bool {
        match when {
            Some(t) if t <= self.now => {
                self.clock.set(t);
                true
            }
            _ => false,
        }
    }
}

/// The review due on `date`: GAS and decision follow how the last fortnight went.
fn review_for(lived: &Lived, date: NaiveDate) -> (i64, ReviewDecision, &'static str) {
    if lived.hard_recently(date) {
        (
            -1,
            ReviewDecision::Adjust,
            "Two rough weeks after the last step. We agreed to hold the dose before the next one.",
        )
    } else if lived.recent_steps(date).next().is_some() {
        (1, ReviewDecision::Keep, "The last step went better than I feared; clearer in the mornings.")
    } else {
        (0, ReviewDecision::Keep, "On track. Keeping the plan as it is.")
    }
}

/// Fills the diary with `days` days ending today (by `now`). Returns how many entries were saved.
fn fill(core: &SteadyCore, clock: ReplayClock, days: usize, now: LocalInstant) -> Result<usize, CliError> {
    let today = now.date_naive();
    let start = today.checked_sub_days(Days::new(days.saturating_sub(1) as u64)).unwrap_or(today);
    let date_of = |i: usize| start.checked_add_days(Days::new(i as u64)).unwrap_or(today);
    let plan_start = date_of(FIRST_STEP_DAY.min(days.saturating_sub(1)));
    let lived = lived(plan_start, today, now)?;
    let mut rng = Rng::new(SEED);
    let mut feed = Feeder { core, clock, now, saved: 0 };
    // The core rebuilds the current page after every event; an empty history page keeps that
    // cheap while thousands of entries go in (the today page scans every goal each time).
    let empty = Some(NaiveDate::MIN);
    core.entries(empty, empty)?;

    // The one non-prescribed dose: the third night after the last step (hard ones first), or the
    // middle of a diary too short for a step.
    let after_step = |hard: bool| {
        lived
            .schedule
            .steps
            .iter()
            .filter(|s| {
                s.index > 0 && (!hard || HARD_STEPS.contains(&s.index)) && s.date + Days::new(3) < today
            })
            .map(|s| s.date + Days::new(3))
            .next_back()
    };
    let borrowed = after_step(true).or_else(|| after_step(false)).or(Some(date_of(days / 2)));
    // Her medicine, on her list from the first day: one 2 mg Loramet at 22:30.
    let medicine = feed.log(
        local_at(start, hm(9, 0)),
        EntryDraft::Medicine(MedicineDraft {
            drug: "Loramet".into(),
            tablets: Some(1.0),
            strength_mg: Some(2.0),
            times: vec![hm(22, 30)],
            from: Some(start),
            ..MedicineDraft::default()
        }),
    )?;
    let mut goal: Option<EntryId> = None;
    let mut next_review = GOAL_DAY + REVIEW_GAPS[0] as usize;
    let mut reviews_done = 0;

    for i in 0..days {
        let date = date_of(i);
        let (strain, progress) = (lived.strain(date), lived.progress(date));
        // Draw every value every day, in a fixed order, so the story does not depend on the time
        // of day the demo runs.
        let dose_jitter = rng.int(-20, 40);
        let (sleep_skip, h_noise, q_noise) = (rng.chance(0.12), rng.range(-0.5, 0.5), rng.range(-0.7, 0.7));
        let (lat_noise, wake_noise, waso_per) =
            (rng.range(0.0, 20.0), rng.range(0.0, 1.5), rng.range(8.0, 15.0));
        let (bed_jitter, up_jitter, detailed) = (rng.int(0, 30), rng.int(0, 45), rng.chance(0.6));
        let (anx_skip, anx_noise, anx_minute) = (rng.chance(0.05), rng.range(-1.5, 1.5), rng.int(-90, 60));
        let gad_noise: Vec<f64> = (0..7).map(|_| rng.range(-0.6, 0.6)).collect();
        let visit = local_at(date, hm(10, 30));

        // The plan is agreed with Dr. Peeters on its first day; holds and resumes on their days.
        if date == plan_start {
            feed.log(visit, EntryDraft::Plan(plan_draft(plan_start)))?;
        }
        for (from, until) in &lived.holds {
            if *from == date {
                feed.plan(local_at(date, hm(9, 0)), PlanAction::Hold { reason: HOLD_REASON.into() })?;
            }
            if *until == date {
                feed.plan(local_at(date, hm(9, 0)), PlanAction::Resume)?;
            }
        }

        // The nightly prescribed dose: one tap on "Taken" (the plan's dose of the day while the
        // plan runs), or the dose form with a note on step nights.
        let mg = lived.nightly_mg(date);
        let at = local_at(date, plus(hm(22, 30), dose_jitter));
        match lived.step_on(date) {
            Some(step) if mg > 0.0 => {
                let (mg_, tablets, strength_mg) = dose_amount(mg);
                let note = format!(
                    "Taper step {}: now {} mg (−{:.1} %)",
                    step.index,
                    mg_text(step.dose_mg),
                    step.cut_percent
                );
                let draft = DoseDraft {
                    taken_at: at,
                    drug: "lormetazepam".into(),
                    mg: mg_,
                    tablets,
                    strength_mg,
                    note: Some(note),
                    medicine,
                    ..DoseDraft::default()
                };
                feed.log(at, EntryDraft::Dose(draft))?;
            }
            _ if mg > 0.0 => feed.taken(at, medicine)?,
            _ => {}
        }

        if borrowed == Some(date) {
            let at = local_at(date, hm(1, 40));
            let draft = DoseDraft {
                taken_at: at,
                drug: "Stilnoct".into(),
                tablets: Some(1.0),
                strength_mg: Some(10.0),
                non_prescribed: true,
                note: Some("Borrowed one from a friend after three bad nights".into()),
                ..DoseDraft::default()
            };
            feed.log(at, EntryDraft::Dose(draft))?;
        }

        // The night that began this evening, logged the next morning (last night always is).
        let morning = date.succ_opt().and_then(|d| local_at(d, hm(7, 30)));
        if !sleep_skip || i + 2 == days {
            let hours = ((6.2 + 0.5 * progress + h_noise - 0.7 * strain).clamp(5.0, 7.0) * 4.0).round() / 4.0;
            let quality = (3.1 + 0.6 * progress + q_noise - 0.9 * strain).round().clamp(2.0, 4.0) as i64;
            let hard_night = lived
                .schedule
                .steps
                .iter()
                .any(|s| HARD_STEPS.contains(&s.index) && s.date.succ_opt() == Some(date));
            let mut draft = SleepDraft {
                night: Some(date),
                hours: Some(hours),
                quality: Some(quality),
                note: hard_night.then(|| "Woke around 3 and could not get back to sleep".to_owned()),
                ..SleepDraft::default()
            };
            if detailed {
                // A night logged with its times: the core derives the hours from them (an
                // estimate that disagreed with the times would be refused).
                draft.hours = None;
                let awakenings = (1.0 + 1.5 * strain + wake_noise).round().clamp(0.0, 6.0);
                draft.in_bed = Some(plus(hm(22, 45), bed_jitter));
                draft.out_of_bed = Some(plus(hm(6, 50), up_jitter));
                draft.latency_min = Some((15.0 + 25.0 * strain + lat_noise).round() as i64);
                draft.awakenings = Some(awakenings as i64);
                draft.waso_min = Some((awakenings * waso_per).round() as i64);
            }
            feed.log(morning, EntryDraft::Sleep(draft))?;
        }

        let level = 3.6 - 1.2 * progress + 2.6 * strain;
        if !anx_skip {
            let score = (level + anx_noise).round().clamp(0.0, 10.0) as i64;
            let at = local_at(date, plus(hm(20, 0), anx_minute));
            let note = (score >= 7).then(|| "Restless and on edge most of the afternoon".to_owned());
            feed.log(at, EntryDraft::Anxiety { at, score, note })?;
        }
        if i % 28 == 3 {
            let per_item = level * 1.6 / 7.0;
            let items = gad_noise.iter().map(|n| (per_item + n).round().clamp(0.0, 3.0) as i64).collect();
            let at = local_at(date, hm(20, 30));
            feed.log(at, EntryDraft::Gad7 { at, items })?;
        }

        // The goal, set together with Dr. Peeters, and its reviews every 4–6 weeks.
        if i == GOAL_DAY.min(days.saturating_sub(1)) {
            let draft = GoalDraft {
                set_at: visit,
                kind: GoalType::Stop,
                what_matters: WHAT_MATTERS.into(),
                drug: Some("lormetazepam".into()),
                target_mg: None,
                due: date.checked_add_days(Days::new(26 * 7)),
                review_on: Some(date_of(next_review)),
                proposed_by: Proposer::Together,
                agreed_with: Some("Dr. Peeters".into()),
            };
            goal = feed.log(visit, EntryDraft::Goal(draft))?;
        }
        if let (true, Some(id)) = (i == next_review, goal) {
            let (gas, decision, note) = review_for(&lived, date);
            // The next review date is agreed at the review (every 4–6 weeks).
            let following = i + REVIEW_GAPS[(reviews_done + 1) % REVIEW_GAPS.len()] as usize;
            let review = EntryDraft::Review {
                goal: id,
                at: visit,
                gas,
                note: Some(note.into()),
                decision,
                next_review: Some(date_of(following)),
            };
            if feed.log(visit, review)?.is_some() {
                reviews_done += 1;
                next_review = following;
            }
        }
        // Two questions for the next appointment, written in the last fortnight.
        if i + 10 == days {
            let q = "Is it normal that sleep gets worse for a week after each step?";
            feed.log(
                local_at(date, hm(21, 0)),
                EntryDraft::Question { at: None, text: q.into(), discussed: false },
            )?;
        }
        if i + 3 == days {
            let q = "Could we go slower for the last steps, below 0.5 mg?";
            feed.log(
                local_at(date, hm(21, 5)),
                EntryDraft::Question { at: None, text: q.into(), discussed: false },
            )?;
        }
    }
    // Back to the real time, and let the core read it.
    feed.clock.set(now);
    core.refresh()?;
    Ok(feed.saved)
}

/// Removes the demo directory however the demo ends.
struct ThrowAway(PathBuf);

impl Drop for ThrowAway {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Builds the demo diary and returns what to print: a header, the today view and the text
/// summary of the last 8 weeks.
pub fn run(days: u32, pdf_out: &std::path::Path) -> Result<String, CliError> {
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(CliError::Usage(format!("--days must be between 1 and {MAX_DAYS}")));
    }
    let now = Local::now().fixed_offset();
    let suffix = DataKey::generate()?;
    let dir = std::env::temp_dir()
        .join(format!("steady-demo-{}", &crate::unlock::encode_hex(suffix.expose())[..16]));
    fs::create_dir(&dir).map_err(|e| CliError::io(format!("could not create {}", dir.display()), e))?;
    let _cleanup = ThrowAway(dir.clone());

    let clock = ReplayClock(Arc::new(Mutex::new(now)));
    let core = DiaryDir::new(&dir).create(&Unlock::Key(DataKey::generate()?), Arc::new(clock.clone()))?;
    let saved = fill(&core, clock, days as usize, now)?;

    let today = core.today()?;
    let summary = |format| core.export(&SummaryRequest { format, ..SummaryRequest::default() });
    let text = summary(ExportFormat::Text)?;
    let pdf = summary(ExportFormat::Pdf)?;
    crate::outfile::write_private(pdf_out, &pdf.bytes, crate::outfile::Existing::Replace)?;
    drop(core);

    Ok(format!(
        "Steady demo: a made-up diary. Anke, 56, takes lormetazepam 2 mg at night and wants to stop,\n\
         tapering with Dr. Peeters. {saved} entries over {days} days, in a temporary diary that is\n\
         deleted when the demo ends.\n\n{}\n{}\nThe same summary as a PDF for the appointment: {} ({} KB).\n",
        output::today(&today),
        String::from_utf8_lossy(&text.bytes),
        pdf_out.display(),
        pdf.bytes.len().div_ceil(1024)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_deterministic() {
        let (mut a, mut b) = (Rng::new(SEED), Rng::new(SEED));
        let xs: Vec<u64> = (0..100).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..100).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        let mut r = Rng::new(1);
        for _ in 0..1000 {
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
            assert!((-3..=3).contains(&r.int(-3, 3)));
        }
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_lived_taper_uses_the_core_plan_with_two_holds_after_hard_steps() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T21:00:00+01:00").unwrap();
        let lived = lived(date("2026-05-01"), now.date_naive(), now).unwrap();
        assert_eq!(lived.holds.len(), 2);
        for (n, (from, until)) in lived.holds.iter().enumerate() {
            let hard = lived.schedule.steps.iter().find(|s| s.index == HARD_STEPS[n]).unwrap();
            assert_eq!(
                *from,
                hard.date + Days::new(HOLD_AFTER_DAYS),
                "hold follows hard step {}",
                hard.index
            );
            assert_eq!((*until - *from).num_days(), HOLD_DAYS as i64);
        }
        let mut d = date("2026-04-20");
        let mut last = f64::MAX;
        while d <= now.date_naive() {
            let mg = lived.nightly_mg(d);
            assert!(mg <= last, "never goes up");
            last = mg;
            d = d.succ_opt().unwrap();
        }
        assert_eq!(lived.nightly_mg(date("2026-04-30")), 2.0, "baseline before the plan");
        assert_eq!(dose_amount(1.5), (None, Some(1.5), Some(1.0)), "1½ × 1 mg: fewer splits than ¾ × 2 mg");
        assert_eq!(dose_amount(2.0), (None, Some(1.0), Some(2.0)));
        assert!(lived.strain(lived.schedule.steps[2].date) > lived.strain(lived.schedule.steps[1].date));
    }

    #[test]
    fn the_diary_plan_in_the_core_matches_the_lived_plan() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("summary.pdf");
        let text = run(200, &pdf).unwrap();
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
        assert!(text.contains("STEADY SUMMARY"));
        // The core's today view shows the same planned dose the demo logged tonight.
        let now = Local::now().fixed_offset();
        let start = now.date_naive() - Days::new(199) + Days::new(FIRST_STEP_DAY as u64);
        // Before 04:00 the diary day is still yesterday's.
        let day = steady_core::domain::diary::diary_day(
            now.date_naive(),
            now.time(),
            steady_core::domain::DEFAULT_DAY_START,
        )
        .0;
        let expected = lived(start, now.date_naive(), now).unwrap().nightly_mg(day);
        let shown = format!("today {} mg", mg_text(expected));
        assert!(text.contains(&shown), "expected '{shown}' in:\n{text}");
    }
}
