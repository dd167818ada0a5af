//! Deterministic, realistic diaries for the benchmark: a patient who logs every day for ten years
//! (or one year, or 90 days). Every entry is made by the core's own validation (drafts and
//! constructors), so the bytes stored and decoded are exactly what the app would store.
//!
//! Per day: 3–4 doses across two molecules (lormetazepam at night, on a taper plan in the last
//! years; alprazolam in the day, 2–3 times), one sleep diary night, one anxiety rating. Per week:
//! one GAD-7. Goals every couple of years, each reviewed about monthly; two taper plans (an early
//! one that was ended, and the current one with two holds); a few questions for the doctor. A fixed
//! seed makes every run produce the same entries (ids included).

use anyhow::{anyhow, Context, Result};
use chrono::{Days, NaiveDate, NaiveTime, TimeZone};
use steady_core::domain::{
    AnxietyRating, DoseDraft, Entry, EntryBody, EntryId, Gad7, GoalDraft, GoalReview, GoalStatus,
    LocalInstant, Proposer, Question, ReviewDecision, SleepDraft,
};
use steady_core::domain::{GoalType, PlanDraft, Split, TaperPlan};

/// The generator's seed: constant, so every run measures the same diary.
const SEED: u64 = 0x5EED_BE4C_2026_0007;

/// The last day of every generated diary (the benchmark's "today"): fixed, so runs compare.
pub fn end_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid date")
}

/// The patient's UTC offset (+01:00, no daylight saving, so every local time exists).
fn offset() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(3600).expect("valid offset")
}

/// A local instant on `date` at `h:m`.
pub fn at(date: NaiveDate, h: u32, m: u32) -> LocalInstant {
    let time = NaiveTime::from_hms_opt(h % 24, m % 60, 0).unwrap_or(NaiveTime::MIN);
    offset().from_local_datetime(&date.and_time(time)).single().expect("fixed offsets have every time")
}

/// "Now" for the benchmark: the evening of [`end_date`], after the day's entries.
pub fn now() -> LocalInstant {
    at(end_date(), 23, 30)
}

/// xorshift64*: tiny and deterministic; made-up diary noise, not secrets.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced by 1).
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

    /// Uniform integer in lo..=hi.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        let span = (hi - lo + 1).max(1) as u64;
        lo + (self.next_u64() % span) as i64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A random (version 4) entry id drawn from this generator, so ids are reproducible too.
    pub fn id(&mut self) -> EntryId {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        b[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        EntryId::from_bytes(b)
    }
}

/// A generated diary and what it spans.
pub struct Generated {
    /// Every entry, in creation order.
    pub entries: Vec<Entry>,
    /// First day.
    pub first: NaiveDate,
    /// Last day (= [`end_date`]).
    pub last: NaiveDate,
}

/// Notes the patient sometimes writes (short, like real ones).
const NOTES: [&str; 6] = [
    "Woke at 3 and could not get back to sleep",
    "Busy day at work, felt tense in the afternoon",
    "Took it later than usual",
    "Calm evening, walked the dog",
    "Headache in the morning",
    "Visited my sister",
];

/// The diary of the last `days` days up to [`end_date`].
pub fn diary(days: u32) -> Result<Generated> {
    diary_with(days, 0)
}

/// Extra anxiety check-ins a day in the heavy diary: with them ten years come to about 70,000
/// entries, the size the issue names (the daily composition above alone gives about 20,600).
pub const HEAVY_CHECKINS: u32 = 13;

/// The same diary with `checkins` extra anxiety ratings a day (hourly from 8:00), for a diary of the
/// issue's ~70,000 entries.
pub fn diary_with(days: u32, checkins: u32) -> Result<Generated> {
    let last = end_date();
    let first = last - Days::new(u64::from(days.max(1)) - 1);
    let now = now();
    let mut rng = Rng::new(SEED ^ u64::from(days));
    let mut out: Vec<Entry> = Vec::with_capacity(days as usize * 6);

    // Plans: the current one starts 600 days before the end (or 30 days in, for short diaries) with
    // two holds; in diaries longer than five years an earlier attempt was ended after six months.
    let total = i64::from(days);
    let plan_start = first + Days::new(if total > 700 { (total - 600) as u64 } else { (total / 3) as u64 });
    let plan = taper(plan_start, last, now)?;
    let schedule = plan.schedule(last);
    let early = if total > 1900 { Some(ended_taper(first + Days::new(800), now)?) } else { None };
    let early_schedule = early.as_ref().map(|p| p.schedule(last));
    if let Some(p) = early {
        add(&mut out, EntryBody::Plan(Box::new(p)), &mut rng);
    }
    add(&mut out, EntryBody::Plan(Box::new(plan)), &mut rng);

    // Goals: one every ~2.5 years (the first on day 3); earlier ones end achieved or changed.
    let goal_every = 900u64;
    let mut goal_starts = vec![];
    let mut d = first + Days::new(2);
    while d <= last {
        goal_starts.push(d);
        d = d + Days::new(goal_every);
    }
    let mut goals: Vec<(EntryId, NaiveDate, NaiveDate)> = vec![];
    for (i, start) in goal_starts.iter().enumerate() {
        let end = goal_starts.get(i + 1).copied().unwrap_or(last + Days::new(1));
        let mut goal = GoalDraft {
            set_at: Some(at(*start, 10, 0)),
            kind: if i % 2 == 0 { GoalType::Reduce } else { GoalType::Stop },
            what_matters: "Sleep through the night and feel clear-headed at work".into(),
            drug: Some("lormetazepam".into()),
            target_mg: if i % 2 == 0 { Some(1.0) } else { None },
            due: Some(*start + Days::new(365)),
            review_on: Some(*start + Days::new(30)),
            proposed_by: Proposer::Together,
            agreed_with: Some("Dr. Peeters".into()),
        }
        .validate(now)
        .map_err(|e| anyhow!("goal: {e}"))?;
        if end <= last {
            goal.status = if i % 2 == 0 { GoalStatus::Achieved } else { GoalStatus::Changed };
        }
        let id = rng.id();
        out.push(Entry { id, body: EntryBody::Goal(goal) });
        goals.push((id, *start, end));
    }

    for day in 0..total {
        let date = first + Days::new(day as u64);
        // Night dose: the plan's step when a plan runs, else 2 mg.
        let nightly = schedule
            .planned_mg(date)
            .or_else(|| early_schedule.as_ref().and_then(|s| s.planned_mg(date)))
            .unwrap_or(2.0);
        if nightly > 0.0 {
            add(&mut out, dose(&mut rng, date, 22, "lormetazepam", nightly, now)?, &mut rng);
        }
        // Day doses: alprazolam 0.25 mg, 2 or 3 times.
        let day_doses = if rng.chance(0.5) { 3 } else { 2 };
        for k in 0..day_doses {
            let h = [8, 13, 18][k];
            add(&mut out, dose(&mut rng, date, h, "alprazolam", 0.25, now)?, &mut rng);
        }
        add(&mut out, sleep(&mut rng, date, now)?, &mut rng);
        let score = rng.int(2, 7);
        let note = rng.chance(0.1).then(|| NOTES[rng.int(0, 5) as usize]);
        let rating = AnxietyRating::new(at(date, 12, rng.int(0, 59) as u32), score, note, now)
            .map_err(|e| anyhow!("anxiety: {e}"))?;
        add(&mut out, EntryBody::Anxiety(rating), &mut rng);
        for hour in (8..).take(checkins as usize) {
            let note = rng.chance(0.05).then(|| NOTES[rng.int(0, 5) as usize]);
            let check = AnxietyRating::new(at(date, hour, 30), rng.int(1, 8), note, now)
                .map_err(|e| anyhow!("check-in: {e}"))?;
            add(&mut out, EntryBody::Anxiety(check), &mut rng);
        }
        if day % 7 == 6 {
            let items: Vec<i64> = (0..7).map(|_| rng.int(0, 2)).collect();
            let g = Gad7::new(at(date, 19, 0), &items, now).map_err(|e| anyhow!("gad7: {e}"))?;
            add(&mut out, EntryBody::Gad7(g), &mut rng);
        }
        // Monthly review of the goal in force.
        if let Some((goal, start, _)) = goals.iter().find(|(_, s, e)| *s <= date && date < *e) {
            let since = (date - *start).num_days();
            if since > 0 && since % 30 == 0 {
                let mut review = GoalReview::new(
                    *goal,
                    at(date, 11, 0),
                    rng.int(-1, 2),
                    rng.chance(0.5).then_some("Better nights this month"),
                    ReviewDecision::Keep,
                    now,
                    true,
                )
                .map_err(|e| anyhow!("review: {e}"))?;
                review.next_review = Some(date + Days::new(30));
                add(&mut out, EntryBody::Review(review), &mut rng);
            }
        }
        if day % 60 == 59 {
            let q = Question::new(
                at(date, 20, 0),
                "Is it normal to feel restless after a step?",
                day + 90 < total,
                now,
            )
            .map_err(|e| anyhow!("question: {e}"))?;
            add(&mut out, EntryBody::Question(q), &mut rng);
        }
    }
    Ok(Generated { entries: out, first, last })
}

/// Appends `body` under a fresh id (arguments in this order so `body` may use `rng` first).
fn add(out: &mut Vec<Entry>, body: EntryBody, rng: &mut Rng) {
    out.push(Entry { id: rng.id(), body });
}

fn dose(rng: &mut Rng, date: NaiveDate, h: u32, drug: &str, mg: f64, now: LocalInstant) -> Result<EntryBody> {
    let draft = DoseDraft {
        taken_at: Some(at(date, h, rng.int(0, 59) as u32)),
        drug: drug.into(),
        mg: Some(mg),
        non_prescribed: false,
        note: rng.chance(0.03).then(|| NOTES[rng.int(0, 5) as usize].to_owned()),
        ..DoseDraft::default()
    };
    Ok(EntryBody::Dose(draft.validate(now).map_err(|e| anyhow!("dose: {e}"))?))
}

fn sleep(rng: &mut Rng, date: NaiveDate, now: LocalInstant) -> Result<EntryBody> {
    let hours = 5.0 + rng.int(0, 8) as f64 * 0.25;
    let (latency, waso) = (rng.int(5, 45), rng.int(0, 40));
    let in_bed = NaiveTime::from_hms_opt(22, 30, 0);
    let draft = SleepDraft {
        night: Some(date),
        hours: Some(hours),
        quality: Some(rng.int(2, 5)),
        latency_min: Some(latency),
        awakenings: Some(rng.int(0, 3)),
        waso_min: Some(waso),
        in_bed,
        out_of_bed: NaiveTime::from_hms_opt(7, 0, 0),
        // The final awakening that makes the items agree with the hours reported.
        final_awakening: in_bed
            .map(|t| t + chrono::Duration::minutes((hours * 60.0) as i64 + latency + waso)),
        note: rng.chance(0.05).then(|| NOTES[rng.int(0, 5) as usize].to_owned()),
        ..SleepDraft::default()
    };
    Ok(EntryBody::Sleep(draft.validate(now).map_err(|e| anyhow!("sleep: {e}"))?))
}

/// The current plan: lormetazepam 2 mg, 10 % every two weeks in quarter tablets, held twice.
fn taper(start: NaiveDate, last: NaiveDate, now: LocalInstant) -> Result<TaperPlan> {
    let mut plan = plan_draft(start).validate(now).map_err(|e| anyhow!("plan: {e}"))?;
    for (from, len) in [(60u64, 14u64), (200, 21)] {
        let on = start + Days::new(from);
        if on + Days::new(len) >= last {
            break;
        }
        plan = plan.hold(on, "Sleep got bad after the last step").map_err(|e| anyhow!("hold: {e}"))?;
        plan = plan.resume(on + Days::new(len)).map_err(|e| anyhow!("resume: {e}"))?;
    }
    Ok(plan)
}

/// An earlier attempt, ended after six months.
fn ended_taper(start: NaiveDate, now: LocalInstant) -> Result<TaperPlan> {
    let plan = plan_draft(start).validate(now).map_err(|e| anyhow!("early plan: {e}"))?;
    plan.end(start + Days::new(180), Some("Moving house; will try again later"))
        .map_err(|e| anyhow!("end plan: {e}"))
        .context("ending the early plan")
}

fn plan_draft(start: NaiveDate) -> PlanDraft {
    PlanDraft {
        drug: "lormetazepam".into(),
        start_mg: 2.0,
        start: Some(start),
        strengths_mg: vec![1.0, 2.0],
        split: Split::Quarter,
        ..PlanDraft::default()
    }
}

/// One extra dose entry for the durable-log benchmark (a fresh id each time).
pub fn one_dose(rng: &mut Rng) -> Result<Entry> {
    let body = dose(rng, end_date(), 21, "lormetazepam", 0.5, now())?;
    Ok(Entry { id: rng.id(), body })
}
