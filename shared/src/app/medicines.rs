//! "My medicines" on screen, and what one-step "Taken" logs. A card shows each medicine with its
//! usual amount and times, how often it was taken or skipped today and when it is next due; "Taken"
//! logs the usual amount — or, while a taper plan covers the molecule, that day's planned dose, and
//! the entry says so. Pure: built from the diary and the diary day.

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use super::words::{clock, Words};
use crate::domain::diary::diary_day;
use crate::domain::{
    tablets_for, Amount, Diary, EntryBody, EntryId, Field, LocalInstant, LongLived, Medicine, MedicineDraft,
    Molecule, Problem, Rule, TaperPlan, Use, Valid, ValidationError,
};
use crate::i18n::Arg;

/// One medicine on the patient's list, ready to show.
#[derive(Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MedicineCard {
    /// The medicine's entry id (for "Taken", "Skipped", change and stop).
    pub id: EntryId,
    /// The name the patient gave it (a brand or the molecule).
    pub name: String,
    /// The molecule it is.
    pub molecule: Molecule,
    /// The whole line: "Stilnoct (zolpidem) ½ × 10 mg (5 mg), 22:30, prescribed".
    pub text: String,
    /// The usual amount and times: "½ × 10 mg (5 mg), 22:30".
    pub usual: String,
    /// Usual times of day; empty when taken as needed.
    pub times: Vec<NaiveTime>,
    /// Taken when needed, at no fixed time.
    pub as_needed: bool,
    /// Prescribed or not.
    #[serde(rename = "use")]
    pub use_: Use,
    /// Still taken (not stopped).
    pub active: bool,
    /// Doses of this medicine logged today.
    pub taken_today: u32,
    /// Doses of this medicine noted as skipped today.
    pub skipped_today: u32,
    /// Today in words ("taken once today, skipped once today"); empty when nothing was logged.
    pub today_text: String,
    /// What "Taken" logs while a taper plan covers it: "today's planned dose: ¾ × 1 mg (0.75 mg)".
    pub planned_text: Option<String>,
    /// The next usual time still ahead today.
    pub next_time: Option<NaiveTime>,
    /// "next at 22:30".
    pub next_text: Option<String>,
    /// Since when, every change of amount or times, and the stop: "from 1 Mar 2026: ¼ × 10 mg…".
    pub history: Vec<String>,
    /// The medicine as it is now, as a form's fields (to prefill "change amount or times").
    #[serde(skip)]
    pub draft: MedicineDraft,
}

crate::domain::redacted_debug!(MedicineCard);

/// What "Taken" logs for a medicine on a diary day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct UsualDose {
    /// The amount.
    pub amount: Amount,
    /// True when it is the taper plan's planned dose of that day.
    pub planned: bool,
}

/// The amount "Taken" logs for `medicine` on diary day `day`: the usual amount of the regimen in
/// force that day, or — while a taper plan covers its molecule — the plan's daily dose that day,
/// shared equally between the usual times, in tablets when the plan's single strength makes it.
pub(crate) fn usual_dose(plan: Option<&TaperPlan>, medicine: &Medicine, day: NaiveDate) -> Valid<UsualDose> {
    if day < medicine.started {
        return Err(ValidationError::new(Field::At, Problem::inconsistent(Rule::BeforeItStarted)));
    }
    if !medicine.is_taken_on(day) {
        return Err(ValidationError::new(Field::Medicine, Problem::not_allowed(Rule::MedicineStopped)));
    }
    let regimen = medicine.regimen_on(day).unwrap_or_else(|| medicine.current());
    let plan = plan.filter(|p| p.molecule == medicine.molecule && medicine.use_ == Use::Prescribed);
    let Some(daily_mg) = plan.and_then(|p| p.schedule(day).planned_mg(day).map(|mg| (p, mg))) else {
        return Ok(UsualDose { amount: regimen.amount, planned: false });
    };
    let (plan, daily_mg) = daily_mg;
    if daily_mg <= 0.0 {
        return Err(ValidationError::new(Field::Medicine, Problem::not_allowed(Rule::NoDosePlannedToday)));
    }
    let intakes = regimen.times.len().max(1) as f64;
    // Whole micrograms, as every stored amount.
    let per_intake = (daily_mg / intakes * 1000.0).round() / 1000.0;
    let amount = match tablets_for(per_intake, &plan.strengths_mg, plan.split).as_slice() {
        [(strength, quarters)] => Amount::Tablets { quarters: *quarters, strength_mg: Some(*strength) },
        _ => Amount::Mg(per_intake),
    };
    Ok(UsualDose { amount, planned: true })
}

/// The plan that decides "Taken" for this molecule, if one is active.
pub(crate) fn covering_plan<'a>(long_lived: &LongLived<'a>, molecule: Molecule) -> Option<&'a TaperPlan> {
    long_lived.plans.iter().rev().find(|(_, p)| p.ended.is_none() && p.molecule == molecule).map(|(_, p)| *p)
}

/// Cards for the medicines taken on `today` (the today screen), or for every medicine ever on the
/// list (`all`, the "my medicines" screen: stopped ones last).
pub(crate) fn cards(
    diary: &Diary,
    long_lived: &LongLived<'_>,
    today: NaiveDate,
    now: Option<LocalInstant>,
    w: &Words<'_>,
    all: bool,
) -> Vec<MedicineCard> {
    let mut counts: std::collections::HashMap<EntryId, (u32, u32)> = Default::default();
    for e in diary.between(today, today) {
        match &e.body {
            EntryBody::Dose(d) => {
                if let Some(id) = d.medicine {
                    counts.entry(id).or_default().0 += 1;
                }
            }
            EntryBody::Skip(s) => counts.entry(s.medicine).or_default().1 += 1,
            _ => {}
        }
    }
    // Where "now" is in the diary day, to say which usual time comes next.
    let into_today = now.and_then(|n| {
        let (day, secs) = diary_day(n.date_naive(), n.time(), diary.day_start());
        (day == today).then_some(secs)
    });
    let mut out: Vec<MedicineCard> = long_lived
        .medicines
        .iter()
        .filter(|(_, m)| all || m.is_taken_on(today))
        .map(|&(id, m)| {
            let (taken, skipped) = counts.get(&id).copied().unwrap_or_default();
            card(id, m, (taken, skipped), covering_plan(long_lived, m.molecule), today, into_today, diary, w)
        })
        .collect();
    out.sort_by_key(|c| !c.active);
    out
}

#[allow(clippy::too_many_arguments)]
fn card(
    id: EntryId,
    m: &Medicine,
    (taken, skipped): (u32, u32),
    plan: Option<&TaperPlan>,
    today: NaiveDate,
    into_today: Option<u32>,
    diary: &Diary,
    w: &Words<'_>,
) -> MedicineCard {
    let t = w.t;
    let regimen = m.regimen_on(today).unwrap_or_else(|| m.current());
    let mut today_parts = vec![];
    if taken > 0 {
        today_parts.push(w.wa("today-taken-count", &[("n", Arg::Int(i64::from(taken)))]));
    }
    if skipped > 0 {
        today_parts.push(w.wa("today-skipped-count", &[("n", Arg::Int(i64::from(skipped)))]));
    }
    let planned_text = match usual_dose(plan, m, today) {
        Ok(UsualDose { amount, planned: true }) => {
            Some(w.wa("today-planned", &[("dose", Arg::Str(w.amount_of(amount)))]))
        }
        _ => None,
    };
    let day_start = diary.day_start();
    let next_time = into_today.and_then(|now| {
        let mut times = regimen.times.clone();
        times.sort_by_key(|&time| diary_day(today, time, day_start).1);
        times.into_iter().find(|&time| diary_day(today, time, day_start).1 > now)
    });
    let mut history = vec![w.wa("medicine-started", &[("date", Arg::Str(t.date(m.started)))])];
    history.extend(m.regimen.iter().map(|r| {
        w.wa(
            "medicine-changed-from",
            &[("date", Arg::Str(t.date(r.from))), ("regimen", Arg::Str(w.regimen(r)))],
        )
    }));
    if let Some(stopped) = m.stopped {
        history.push(w.wa("medicine-stopped", &[("date", Arg::Str(t.date(stopped)))]));
    }
    MedicineCard {
        id,
        name: m.name.clone(),
        molecule: m.molecule,
        text: w.medicine(m),
        usual: w.regimen(regimen),
        times: regimen.times.clone(),
        as_needed: regimen.times.is_empty(),
        use_: m.use_,
        active: m.stopped.is_none_or(|last| today <= last),
        taken_today: taken,
        skipped_today: skipped,
        today_text: today_parts.join(", "),
        planned_text,
        next_time,
        next_text: next_time.map(|time| w.wa("today-next-time", &[("time", Arg::Str(clock(time)))])),
        history,
        draft: m.draft(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Entry, EntryDraft, Lang, PlanDraft, Split};
    use crate::i18n::Texts;
    use chrono::{DateTime, NaiveDate};

    fn now() -> LocalInstant {
        DateTime::parse_from_rfc3339("2026-03-10T21:00:00+01:00").unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn loramet_twice() -> Medicine {
        MedicineDraft {
            drug: "Loramet".into(),
            tablets: Some(1.0),
            strength_mg: Some(1.0),
            times: vec![
                NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
                NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
            ],
            from: Some(d("2026-01-01")),
            ..MedicineDraft::default()
        }
        .validate(now())
        .unwrap()
    }

    fn plan(start_mg: f64, strengths: Vec<f64>) -> TaperPlan {
        PlanDraft {
            drug: "lormetazepam".into(),
            start_mg,
            start: Some(d("2026-03-01")),
            percent: Some(25.0),
            interval_days: Some(14),
            strengths_mg: strengths,
            split: Split::Quarter,
            ..PlanDraft::default()
        }
        .validate(now())
        .unwrap()
    }

    #[test]
    fn without_a_plan_taken_is_the_usual_amount() {
        let m = loramet_twice();
        let dose = usual_dose(None, &m, d("2026-03-10")).unwrap();
        assert_eq!(dose, UsualDose { amount: m.current().amount, planned: false });
        assert_eq!(usual_dose(None, &m, d("2025-12-31")).unwrap_err().field, Field::At);
        let stopped = m.stop(d("2026-03-01")).unwrap();
        assert_eq!(usual_dose(None, &stopped, d("2026-03-10")).unwrap_err().field, Field::Medicine);
    }

    #[test]
    fn under_a_plan_taken_is_the_day_s_planned_dose_shared_between_the_usual_times() {
        let m = loramet_twice();
        // 2 mg a day from 1 March, one 1 mg tablet per intake.
        let p = plan(2.0, vec![1.0]);
        let dose = usual_dose(Some(&p), &m, d("2026-03-10")).unwrap();
        assert_eq!(
            dose,
            UsualDose { amount: Amount::Tablets { quarters: 4, strength_mg: Some(1.0) }, planned: true }
        );
        // The next step (1.5 mg from 15 March) is ¾ tablet an intake.
        let later = usual_dose(Some(&p), &m, d("2026-03-15")).unwrap();
        assert_eq!(later.amount, Amount::Tablets { quarters: 3, strength_mg: Some(1.0) });
        // A per-intake dose that takes two strengths is given in mg (5 mg a day: 2 mg + ½ × 1 mg).
        let mixed = usual_dose(Some(&plan(5.0, vec![1.0, 2.0])), &m, d("2026-03-10")).unwrap();
        assert_eq!(mixed, UsualDose { amount: Amount::Mg(2.5), planned: true });
        // A plan for another molecule changes nothing.
        let zol = PlanDraft {
            drug: "zolpidem".into(),
            start_mg: 10.0,
            strengths_mg: vec![10.0],
            ..PlanDraft::default()
        };
        let zol = zol.validate(now()).unwrap();
        assert!(!usual_dose(Some(&zol), &m, d("2026-03-10")).unwrap().planned);
    }

    #[test]
    fn a_card_says_what_today_holds() {
        let m = loramet_twice();
        let id = EntryId::new();
        let dose = EntryDraft::Dose(crate::domain::DoseDraft {
            drug: "Loramet".into(),
            mg: Some(1.0),
            medicine: Some(id),
            taken_at: Some(DateTime::parse_from_rfc3339("2026-03-10T08:05:00+01:00").unwrap()),
            ..Default::default()
        });
        let diary = Diary::from_entries([
            Entry { id, body: EntryBody::Medicine(Box::new(m)) },
            Entry { id: EntryId::new(), body: dose.validate(now(), |_| false).unwrap() },
        ]);
        let t = Texts::new(Lang::En);
        let cards =
            cards(&diary, &LongLived::gather(&diary), d("2026-03-10"), Some(now()), &Words::new(&t), false);
        assert_eq!(cards.len(), 1);
        let c = &cards[0];
        assert_eq!((c.taken_today, c.skipped_today, c.today_text.as_str()), (1, 0, "taken once today"));
        assert_eq!(c.next_text.as_deref(), Some("next at 22:00"));
        assert_eq!(c.text, "Loramet (lormetazepam) 1 × 1 mg (1 mg), 08:00, 22:00, prescribed");
        assert_eq!(c.planned_text, None);
    }
}
