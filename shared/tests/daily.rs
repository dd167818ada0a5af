//! The daily loop through the core's API: my medicines, one-step "taken" (the plan's dose of the day
//! while a plan covers the molecule, after a hold too), reminders that keep the patient's
//! wall-clock times across the Brussels, Oslo and New York DST changes and after a flight, texts
//! that name no medicine, and the diary day (a dose at 00:10 belongs to the evening before) in
//! today, the summary and plan versus actual.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use steady_core::domain::{
    DoseDraft, EntryDraft, EntryId, GoalDraft, GoalType, Keyed, Lang, LocalInstant, MedicineDraft, Molecule,
    PlanDraft, Proposer, SettingChange, Split, Zone,
};
use steady_core::{
    Clock, DataKey, DiaryDir, PlanAction, Reminder, SteadyCore, SummaryRequest, Texts, Unlock,
};

/// A phone in a real time zone (IANA rules), whose clock and zone the test moves.
#[derive(Clone)]
struct Phone(Arc<Mutex<(Tz, DateTime<Utc>)>>);

impl Zone for Phone {
    fn offset_at(&self, utc: NaiveDateTime) -> FixedOffset {
        let tz = self.0.lock().unwrap().0;
        tz.offset_at(utc)
    }
}

impl Clock for Phone {
    fn now(&self) -> DateTime<FixedOffset> {
        let (tz, now) = *self.0.lock().unwrap();
        now.with_timezone(&tz).fixed_offset()
    }
}

impl Phone {
    /// Local wall-clock time `local` in `tz`.
    fn at(tz: Tz, local: &str) -> Self {
        Self(Arc::new(Mutex::new((tz, utc(tz, local)))))
    }

    fn set(&self, tz: Tz, local: &str) {
        *self.0.lock().unwrap() = (tz, utc(tz, local));
    }
}

fn utc(tz: Tz, local: &str) -> DateTime<Utc> {
    let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap();
    tz.from_local_datetime(&naive).earliest().unwrap().with_timezone(&Utc)
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn hm(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

fn open(phone: &Phone) -> (SteadyCore, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let core = DiaryDir::new(dir.path())
        .create(&Unlock::Key(DataKey::from_bytes([9; 32])), Arc::new(phone.clone()))
        .unwrap();
    (core, dir)
}

fn medicine(core: &SteadyCore, drug: &str, times: &[&str], from: &str) -> EntryId {
    core.add_medicine(MedicineDraft {
        drug: drug.into(),
        tablets: Some(1.0),
        strength_mg: Some(1.0),
        times: times.iter().map(|t| hm(t)).collect(),
        from: Some(d(from)),
        ..MedicineDraft::default()
    })
    .unwrap()
}

/// (local date, local time in the zone, the wall-clock time it stands for, body).
fn placed(list: &[Reminder], tz: Tz) -> Vec<(String, String, String, String)> {
    list.iter()
        .map(|r| {
            let local = r.at.with_timezone(&tz);
            (
                local.format("%Y-%m-%d").to_string(),
                local.format("%H:%M").to_string(),
                r.local_time.format("%H:%M").to_string(),
                r.body.clone(),
            )
        })
        .collect()
}

#[test]
fn reminders_keep_the_patient_s_wall_clock_times_across_dst_changes() {
    // (zone, the night clocks go forward, the night they go back): the EU changes at 01:00 UTC on
    // the last Sundays of March and October, New York at 02:00 local on the second Sunday of March
    // and the first of November.
    let zones = [
        (chrono_tz::Europe::Brussels, "2027-03-28", "2027-10-31"),
        (chrono_tz::Europe::Oslo, "2027-03-28", "2027-10-31"),
        (chrono_tz::America::New_York, "2027-03-14", "2027-11-07"),
    ];
    for (tz, spring, autumn) in zones {
        let phone = Phone::at(tz, "2027-01-10 12:00");
        let (core, _dir) = open(&phone);
        medicine(&core, "Loramet", &["08:00", "22:30"], "2027-01-10");
        let night = medicine(&core, "zolpidem", &["02:30"], "2027-01-10");
        core.change_setting(SettingChange::CheckIn { at: Some(hm("21:00")) }).unwrap();

        for change in [spring, autumn] {
            let day_before = d(change).pred_opt().unwrap();
            phone.set(tz, &format!("{} 12:00", day_before.pred_opt().unwrap()));
            let list = core.reminders(Some(day_before), 3).unwrap();
            let got = placed(&list, tz);
            // Every reminder comes at the wall-clock time it stands for, except 02:30 on the
            // night the clocks skip it: then at 03:00, and the text says so.
            for (date, time, wanted, body) in &got {
                let skipped = *date == change && wanted == "02:30" && change == spring;
                if skipped {
                    assert_eq!(time, "03:00", "{tz}: {got:?}");
                    assert!(body.contains("02:30") && body.contains("03:00"), "{tz}: {body}");
                } else {
                    assert_eq!(time, wanted, "{tz} {date}: {got:?}");
                }
            }
            // Three days of 08:00, 22:30, 21:00 and 02:30 — the 02:30 of the last evening falls on
            // the fourth morning and is listed too; the repeated 02:30 in autumn comes once.
            let at_0230: Vec<&String> = got.iter().filter(|g| g.2 == "02:30").map(|g| &g.0).collect();
            assert_eq!(at_0230.len(), 3, "{tz}: {got:?}");
            assert!(at_0230.windows(2).all(|w| w[0] < w[1]), "one a night: {at_0230:?}");
            assert_eq!(got.iter().filter(|g| g.2 == "08:00").count(), 3, "{tz}");
            assert!(list
                .iter()
                .filter(|r| r.local_time == hm("02:30"))
                .all(|r| r.medicine_id == Some(night)));
            assert!(
                list.iter().any(|r| r.medicine_id.is_none() && r.local_time == hm("21:00")),
                "the check-in"
            );
            // The offsets differ on each side of the change: exact instants, not a fixed offset.
            let offsets: std::collections::BTreeSet<i32> =
                list.iter().map(|r| r.at.offset().local_minus_utc()).collect();
            assert_eq!(offsets.len(), 2, "{tz} {change}: {offsets:?}");
            assert!(list.windows(2).all(|w| w[0].at <= w[1].at), "soonest first");
        }
    }
}

#[test]
fn after_a_flight_the_reminders_come_at_the_same_wall_clock_time_in_the_new_zone() {
    let phone = Phone::at(chrono_tz::Europe::Brussels, "2026-05-04 09:00");
    let (core, _dir) = open(&phone);
    medicine(&core, "Stilnoct", &["22:30"], "2026-05-01");
    let home = core.reminders(None, 1).unwrap();
    assert_eq!(home[0].at.to_rfc3339(), "2026-05-04T22:30:00+02:00");
    phone.set(chrono_tz::America::New_York, "2026-05-04 09:00");
    let away = core.reminders(None, 1).unwrap();
    assert_eq!(away[0].at.to_rfc3339(), "2026-05-04T22:30:00-04:00");
    phone.set(chrono_tz::Asia::Tokyo, "2026-05-05 09:00");
    assert_eq!(core.reminders(None, 1).unwrap()[0].at.to_rfc3339(), "2026-05-05T22:30:00+09:00");
    // Nothing past is listed; asking for no day or too many is refused, naming the field.
    phone.set(chrono_tz::Asia::Tokyo, "2026-05-05 23:00");
    assert!(core.reminders(Some(d("2026-05-05")), 1).unwrap().is_empty());
    for days in [0, 32] {
        let e = core.reminders(None, days).unwrap_err().to_string();
        assert!(e.contains("days"), "{e}");
    }
}

#[test]
fn no_reminder_names_a_medicine_or_a_dose_in_any_language() {
    let phone = Phone::at(chrono_tz::Europe::Brussels, "2026-06-01 06:00");
    let (core, _dir) = open(&phone);
    // One medicine of every molecule, each at its own minute, by its first brand name if it has one.
    for (i, m) in Molecule::ALL.into_iter().enumerate() {
        let name = m.brands().first().map_or(m.name(), |b| b.name);
        let time = format!("{:02}:{:02}", 7 + i / 4, (i % 4) * 15);
        medicine(&core, name, &[&time], "2026-06-01");
    }
    core.change_setting(SettingChange::CheckIn { at: Some(hm("21:00")) }).unwrap();
    let mut forbidden: Vec<String> = vec![];
    for m in Molecule::ALL {
        forbidden.push(m.name().to_lowercase());
        forbidden.extend(m.brands().iter().map(|b| b.name.to_lowercase()));
        for &lang in Lang::ALL {
            forbidden.push(Texts::new(lang).molecule(m).to_lowercase());
        }
    }
    forbidden.extend(["mg", "tablet", "comprimé", "tablett", "dose", "prise", "inname"].map(String::from));
    for &lang in Lang::ALL {
        core.change_setting(SettingChange::Language { language: lang }).unwrap();
        let list = core.reminders(None, 2).unwrap();
        assert!(list.len() > Molecule::ALL.len(), "{lang}: {}", list.len());
        for r in &list {
            let text = format!("{} {}", r.title, r.body).to_lowercase();
            for word in &forbidden {
                assert!(!text.contains(word.as_str()), "{lang}: '{word}' in {text}");
            }
            assert!(!r.id.to_lowercase().contains("zolpidem"));
        }
    }
}

#[test]
fn taken_logs_the_plan_s_dose_of_the_day_and_says_so_after_a_hold_too() {
    let tz = chrono_tz::Europe::Brussels;
    let phone = Phone::at(tz, "2026-03-01 09:00");
    let (core, _dir) = open(&phone);
    let loramet = medicine(&core, "Loramet", &["22:00"], "2026-03-01");
    // Before any plan: the usual amount.
    phone.set(tz, "2026-03-01 22:05");
    let usual = core.taken(None, None).unwrap();
    assert_eq!(usual.text, "Logged lormetazepam 1 × 1 mg (1 mg) at 22:05.");
    // A plan from 2 March: 2 mg, 25 % every 14 days, 1 mg tablets in quarters.
    phone.set(tz, "2026-03-02 10:00");
    core.log(EntryDraft::Plan(PlanDraft {
        drug: "lormetazepam".into(),
        start_mg: 2.0,
        start: Some(d("2026-03-02")),
        percent: Some(25.0),
        interval_days: Some(14),
        strengths_mg: vec![1.0],
        split: Split::Quarter,
        ..PlanDraft::default()
    }))
    .unwrap();
    let planned = |when: &str| {
        phone.set(tz, when);
        core.taken(Some(loramet), None).unwrap().text
    };
    assert_eq!(
        planned("2026-03-02 22:00"),
        "Logged lormetazepam 2 × 1 mg (2 mg) at 22:00 (today's planned dose)."
    );
    assert_eq!(
        planned("2026-03-16 22:00"),
        "Logged lormetazepam 1½ × 1 mg (1.5 mg) at 22:00 (today's planned dose)."
    );
    // Holding from 20 March: on the 31st (when the next step would have come) still 1.5 mg.
    phone.set(tz, "2026-03-20 09:00");
    core.plan_action(PlanAction::Hold { reason: "bad week".into() }).unwrap();
    assert!(planned("2026-03-31 22:00").contains("1½ × 1 mg (1.5 mg)"));
    // The card says what "Taken" will log.
    let card = core.medicines().unwrap().into_iter().find(|c| c.id == loramet).unwrap();
    assert_eq!(card.planned_text.as_deref(), Some("today's planned dose: 1½ × 1 mg (1.5 mg)"));
    assert_eq!((card.taken_today, card.today_text.as_str()), (1, "taken once today"));
    // Every planned dose is marked in history; a skip is logged plainly.
    let skip = core.skipped(Some(loramet), None, Some("felt fine".into())).unwrap();
    assert_eq!(skip.text, "Noted: the 22:00 dose was skipped.");
    let rows = core.history(Some(d("2026-03-31")), Some(d("2026-03-31"))).unwrap();
    assert!(
        rows.iter().any(|r| r.line.contains("(today's planned dose)")),
        "{:?}",
        rows.iter().map(|r| &r.line).collect::<Vec<_>>()
    );
    assert!(
        rows.iter().any(|r| r.line.starts_with("skipped a usual dose of Loramet")),
        "{:?}",
        rows.iter().map(|r| &r.line).collect::<Vec<_>>()
    );
    // In French, the confirmation too.
    core.change_setting(SettingChange::Language { language: Lang::Fr }).unwrap();
    let fr = planned("2026-04-01 22:00");
    assert!(fr.contains("1,5") && fr.contains("lormétazépam"), "{fr}");
}

#[test]
fn taken_needs_to_know_which_medicine_and_refuses_a_stopped_one() {
    let tz = chrono_tz::Europe::Oslo;
    let phone = Phone::at(tz, "2026-03-01 21:00");
    let (core, _dir) = open(&phone);
    let e = core.taken(None, None).unwrap_err().to_string();
    assert!(e.contains("medicine"), "no medicine yet: {e}");
    let a = medicine(&core, "Sobril", &["08:00"], "2026-03-01");
    medicine(&core, "Imovane", &["22:00"], "2026-03-01");
    let e = core.taken(None, None).unwrap_err().to_string();
    assert!(e.contains("several medicines"), "{e}");
    core.stop_medicine(a, None).unwrap();
    phone.set(tz, "2026-03-02 21:00");
    assert!(core.taken(None, None).unwrap().text.contains("zopiclone"), "the only one left");
    let e = core.taken(Some(a), None).unwrap_err().to_string();
    assert!(e.contains("stopped"), "{e}");
    assert_eq!(core.entries(None, None).unwrap().iter().filter(|e| e.body.kind().key() == "dose").count(), 1);
}

#[test]
fn a_dose_at_ten_past_midnight_counts_for_the_evening_before_everywhere() {
    let tz = chrono_tz::Europe::Brussels;
    let phone = Phone::at(tz, "2026-03-08 12:00");
    let (core, _dir) = open(&phone);
    core.log(EntryDraft::Plan(PlanDraft {
        drug: "zolpidem".into(),
        start_mg: 7.5,
        start: Some(d("2026-03-08")),
        strengths_mg: vec![10.0],
        split: Split::Quarter,
        ..PlanDraft::default()
    }))
    .unwrap();
    let dose = |local: &str| {
        let at: LocalInstant = utc(tz, local).with_timezone(&tz).fixed_offset();
        core.log(EntryDraft::Dose(DoseDraft {
            taken_at: Some(at),
            drug: "zolpidem".into(),
            tablets: Some(0.5),
            strength_mg: Some(10.0),
            ..DoseDraft::default()
        }))
        .unwrap()
    };
    phone.set(tz, "2026-03-11 00:20");
    dose("2026-03-08 22:00");
    let late = dose("2026-03-09 00:10"); // the same evening as 22:00 on the 8th
    dose("2026-03-11 00:10"); // the evening of the 10th
                              // Today (00:20 on the 11th) is still the 10th, with its dose.
    let today = core.today().unwrap();
    assert_eq!((today.date, today.doses.len()), (d("2026-03-10"), 1));
    // The summary's days: two doses on the 8th, none on the 9th, one on the 10th.
    let s = core
        .summary(&SummaryRequest {
            from: Some(d("2026-03-08")),
            to: Some(d("2026-03-10")),
            ..SummaryRequest::default()
        })
        .unwrap();
    let per_day: Vec<(NaiveDate, u32)> = s.days.iter().map(|x| (x.date, x.prescribed_doses)).collect();
    assert_eq!(per_day, [(d("2026-03-08"), 2), (d("2026-03-09"), 0), (d("2026-03-10"), 1)]);
    assert_eq!((s.days_without_dose, s.day_start), (1, hm("04:00")));
    // Plan versus actual: 10 mg on the 8th is over the planned 7.5; 5 mg on the 10th is under.
    let plan = core.plan().unwrap().unwrap();
    assert_eq!((plan.adherence[0].days_logged, plan.adherence[0].days_at_or_under), (2, 1));
    // The history shows the 00:10 dose on the 8th.
    let rows = core.history(None, None).unwrap();
    assert_eq!(rows.iter().find(|r| r.id == late).unwrap().date, d("2026-03-08"));
    // With the day starting at midnight, the same doses fall on calendar days.
    core.change_setting(SettingChange::DayStart { at: NaiveTime::MIN }).unwrap();
    let s = core
        .summary(&SummaryRequest {
            from: Some(d("2026-03-08")),
            to: Some(d("2026-03-11")),
            ..SummaryRequest::default()
        })
        .unwrap();
    let per_day: Vec<u32> = s.days.iter().map(|x| x.prescribed_doses).collect();
    assert_eq!(per_day, [1, 1, 0, 1]);
    assert_eq!(core.today().unwrap().date, d("2026-03-11"));
}

#[test]
fn a_regimen_change_mid_period_shows_both_regimens_with_their_dates() {
    let tz = chrono_tz::Europe::Brussels;
    let phone = Phone::at(tz, "2026-03-01 09:00");
    let (core, _dir) = open(&phone);
    let id = medicine(&core, "Loramet", &["22:30"], "2026-03-01");
    phone.set(tz, "2026-03-20 09:00");
    core.change_medicine(
        id,
        MedicineDraft {
            drug: "Loramet".into(),
            tablets: Some(0.5),
            strength_mg: Some(1.0),
            times: vec![hm("22:00")],
            from: Some(d("2026-03-15")),
            ..MedicineDraft::default()
        },
    )
    .unwrap();
    let request = SummaryRequest {
        from: Some(d("2026-03-01")),
        to: Some(d("2026-03-20")),
        ..SummaryRequest::default()
    };
    let s = core.summary(&request).unwrap();
    let regimen: Vec<(NaiveDate, Option<f64>, Vec<NaiveTime>)> =
        s.medicines[0].regimen.iter().map(|r| (r.from, r.tablets, r.times.clone())).collect();
    assert_eq!(
        regimen,
        [(d("2026-03-01"), Some(1.0), vec![hm("22:30")]), (d("2026-03-15"), Some(0.5), vec![hm("22:00")])]
    );
    let text = String::from_utf8(core.export(&request).unwrap().bytes).unwrap();
    assert!(text.contains("Loramet (lormetazepam), prescribed"), "{text}");
    assert!(text.contains("from 1 Mar 2026: 1 × 1 mg at 22:30"), "{text}");
    assert!(text.contains("from 15 Mar 2026: ½ × 1 mg at 22:00"), "{text}");
    assert!(text.contains("A diary day starts at 04:00"), "{text}");
    // An older period reads the regimen of that time only.
    let early = SummaryRequest {
        from: Some(d("2026-03-01")),
        to: Some(d("2026-03-10")),
        ..SummaryRequest::default()
    };
    assert_eq!(core.summary(&early).unwrap().medicines[0].regimen.len(), 1);
    // The change is refused before the current regimen's start, naming the field; nothing changes.
    let e = core
        .change_medicine(
            id,
            MedicineDraft {
                drug: "Loramet".into(),
                mg: Some(1.0),
                times: vec![hm("22:00")],
                from: Some(d("2026-03-10")),
                ..MedicineDraft::default()
            },
        )
        .unwrap_err()
        .to_string();
    assert!(e.contains("from"), "{e}");
    assert_eq!(core.summary(&request).unwrap().medicines[0].regimen.len(), 2);
}

#[test]
fn forms_start_from_the_last_dose_and_edits_get_their_values_back() {
    let tz = chrono_tz::Europe::Brussels;
    let phone = Phone::at(tz, "2026-03-01 22:00");
    let (core, _dir) = open(&phone);
    let id = core
        .log(EntryDraft::Dose(DoseDraft {
            drug: "Xanax".into(),
            tablets: Some(0.5),
            strength_mg: Some(0.5),
            note: Some("after the call".into()),
            ..DoseDraft::default()
        }))
        .unwrap();
    let form =
        core.form(steady_core::FormRequest::New { kind: steady_core::domain::EntryKind::Dose }).unwrap();
    let Some(EntryDraft::Dose(prefill)) = form.prefill else { panic!("a dose prefill") };
    assert_eq!(
        (prefill.drug.as_str(), prefill.tablets, prefill.note),
        ("Xanax", Some(0.5), None),
        "the name typed"
    );
    let Ok(EntryDraft::Dose(edit)) = core.entry_draft(id) else { panic!("the dose's draft") };
    assert_eq!(edit.note.as_deref(), Some("after the call"));
    // Editing a dose with its own draft changes nothing.
    let before = core.entries(None, None).unwrap();
    core.edit(id, EntryDraft::Dose(edit)).unwrap();
    assert_eq!(core.entries(None, None).unwrap(), before);
    let e = core.entry_draft(EntryId::new()).unwrap_err().to_string();
    assert!(e.contains("no such entry") || e.contains("id"), "{e}");
}

/// Between midnight and the day start it is still the evening before: a medicine added at 01:45
/// starts that diary day (so "taken" is not "before it was started"), a goal set at 01:00 may be
/// reviewed "today", and the default summary ends with the last complete diary day.
#[test]
fn after_midnight_new_dates_default_to_the_diary_day() {
    let tz = chrono_tz::Europe::Brussels;
    let phone = Phone::at(tz, "2026-03-11 01:45");
    let (core, _dir) = open(&phone);
    let med = core
        .add_medicine(MedicineDraft {
            drug: "diazepam".into(),
            mg: Some(5.0),
            times: vec![hm("22:00")],
            ..MedicineDraft::default()
        })
        .unwrap();
    let taken = core.taken(Some(med), None);
    assert!(taken.is_ok(), "taken at 01:45 refused: {:?}", taken.err().map(|e| core.describe(&e)));
    let goal = core.log(EntryDraft::Goal(GoalDraft {
        set_at: None,
        kind: GoalType::Keep,
        what_matters: "Sleep through the night".into(),
        drug: None,
        target_mg: None,
        due: None,
        review_on: Some(d("2026-03-10")),
        proposed_by: Proposer::Patient,
        agreed_with: None,
    }));
    assert!(goal.is_ok(), "a review today (the 10th) refused: {:?}", goal.err().map(|e| core.describe(&e)));
    let s = core.summary(&SummaryRequest::default()).unwrap();
    assert_eq!((s.to, s.days.len()), (d("2026-03-09"), 56));
    // Yesterday's review date is still refused.
    let early = core.log(EntryDraft::Goal(GoalDraft {
        set_at: None,
        kind: GoalType::Keep,
        what_matters: "x".into(),
        drug: None,
        target_mg: None,
        due: None,
        review_on: Some(d("2026-03-09")),
        proposed_by: Proposer::Patient,
        agreed_with: None,
    }));
    assert!(early.is_err());
}
