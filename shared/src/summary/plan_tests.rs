//! Issue 14 (items 3 and 6) in the summary: the plan table shows the whole remaining tail up to
//! the flagged stop (not just the next step), names the final dose and the plan's length, and a
//! switch shows the expected starting dose under the chosen table next to the agreed one.

use chrono::NaiveDate;

use crate::domain::taper::fixtures::created;
use crate::domain::Keyed;
use crate::domain::{
    Diary, Entry, EntryBody, EntryId, EquivalenceTable, Lang, PlanDraft, Split, SwitchDraft, Tail,
};
use crate::i18n::Texts;
use crate::plan::StepForm;

/// The text with every run of whitespace (line wraps, no-break spaces) as one space.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn render(s: &super::Summary, lang: Lang) -> String {
    flat(&super::text::render(s, Texts::shared(lang)))
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn diary_with(draft: PlanDraft) -> Diary {
    let plan = draft.validate(created()).expect("a valid plan");
    Diary::from_entries([Entry { id: EntryId::new(), body: EntryBody::Plan(Box::new(plan)) }])
}

fn lormetazepam(tail: Option<Tail>) -> PlanDraft {
    PlanDraft {
        drug: "lormetazepam".into(),
        start_mg: 2.0,
        start: Some(d("2026-01-05")),
        strengths_mg: vec![1.0, 2.0],
        split: Split::Quarter,
        tail,
        ..PlanDraft::default()
    }
}

/// The first eight weeks of the plan: the period holds steps 0 and 1 only.
fn summary(diary: &Diary) -> super::Summary {
    super::build(diary, d("2026-01-05"), d("2026-03-01"), EquivalenceTable::Ashton)
}

#[test]
fn the_plan_table_shows_the_tail_to_the_flagged_stop_and_names_the_final_dose() {
    let s = summary(&diary_with(lormetazepam(None)));
    let plan = s.plan.as_ref().unwrap();
    let shown: Vec<u32> = plan.steps.iter().map(|st| st.index).collect();
    assert_eq!(shown, (0..=8).collect::<Vec<u32>>(), "every step up to the stop");
    assert_eq!(plan.steps_omitted, None);
    let stop = plan.steps.last().unwrap();
    assert_eq!((stop.dose_mg, stop.pace_limit_percent), (0.0, Some(25.0)));
    let fin = plan.final_dose.unwrap();
    assert_eq!((fin.dose_mg, fin.percent_of_start), (0.25, 12.5));
    let text = render(&s, Lang::En);
    assert!(
        text.contains("Final dose before stopping: 0.25 mg from 23 Nov 2026, 12.5 % of the start dose"),
        "{text}"
    );
    assert!(
        text.contains("0.25 mg 50 %* upcoming ⚑ This step cuts 50 % at once"),
        "the 50 % cut after 98 days is flagged on its step:\n{text}"
    );
    assert!(text.contains("The last step to zero"), "{text}");
    assert!(text.contains("weeks from the start"), "{text}");
    for &lang in crate::domain::Lang::ALL {
        let t = Texts::shared(lang);
        let text = render(&s, lang);
        assert!(text.contains(&flat(&t.plan_final_dose(&fin))), "{lang}");
        let pdf = super::pdf::render(&s, t).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{lang}");
    }
}

#[test]
fn a_long_tail_is_shortened_in_its_middle_but_keeps_the_last_steps_and_the_stop() {
    let s = summary(&diary_with(lormetazepam(Some(Tail::Compounded { step_mg: 0.05 }))));
    let plan = s.plan.as_ref().unwrap();
    let all = plan.steps_omitted.map_or(0, |(_, n)| n) as usize + plan.steps.len();
    let schedule_len = {
        let diary = diary_with(lormetazepam(Some(Tail::Compounded { step_mg: 0.05 })));
        diary.latest_plan().unwrap().1.schedule(d("2026-03-01")).steps.len()
    };
    assert_eq!(all, schedule_len, "shown + omitted = every step");
    let (after, n) = plan.steps_omitted.expect("a long tail is shortened");
    assert!(n > 0);
    let last = plan.steps.last().unwrap();
    assert_eq!((last.index as usize, last.dose_mg), (schedule_len - 1, 0.0), "the stop is shown");
    assert!(last.pace_limit_percent.is_some(), "and flagged");
    assert_eq!(plan.steps[plan.steps.len() - 2].form, StepForm::Compounded);
    assert_eq!(plan.tail, Some(Tail::Compounded { step_mg: 0.05 }));
    assert!(plan.final_dose.unwrap().percent_of_start <= 10.0);
    let text = render(&s, Lang::En);
    assert!(text.contains(&format!("… {n} more steps …")), "{text}");
    assert!(text.contains("After the tablets: compounded doses in steps of 0.05 mg"), "{text}");
    assert!(text.contains("compounded dose"), "{text}");
    assert!(plan.steps.iter().any(|st| st.index == after));
    // The shortened table keeps the summary to its two pages in every language.
    for &lang in Lang::ALL {
        let pdf = super::pdf::render(&s, Texts::shared(lang)).unwrap();
        let text = String::from_utf8_lossy(&pdf).replace("/Type /", "/Type/");
        let pages = text.matches("/Type/Page").count() - text.matches("/Type/Pages").count();
        assert!((1..=2).contains(&pages), "{lang}: {pages} pages");
    }
}

#[test]
fn a_plan_that_runs_for_years_says_so() {
    let slow = PlanDraft {
        drug: "alprazolam".into(),
        start_mg: 3.0,
        start: Some(d("2026-01-05")),
        percent: Some(5.0),
        interval_days: Some(28),
        strengths_mg: vec![0.25, 0.5, 1.0],
        split: Split::Half,
        ..PlanDraft::default()
    };
    let s = summary(&diary_with(slow));
    let text = render(&s, Lang::En);
    assert!(text.contains("years from the start"), "{text}");
    let end = s.plan.as_ref().unwrap().end_date.unwrap();
    assert!(text.contains(&Texts::shared(Lang::En).date(end)), "{text}");
}

#[test]
fn a_switch_shows_the_expected_start_under_its_table() {
    // Issue 14, item 6: lormetazepam 1 mg (≈ 5–10 mg diazepam under Ashton) → 60 mg diazepam.
    let draft = PlanDraft {
        drug: "diazepam".into(),
        start_mg: 60.0,
        start: Some(d("2026-01-05")),
        strengths_mg: vec![2.0, 5.0, 10.0],
        split: Split::Half,
        switch: Some(SwitchDraft {
            from_drug: "lormetazepam".into(),
            from_mg: 1.0,
            table: Some(EquivalenceTable::Ashton),
            agreed_with: "Dr. Maes".into(),
        }),
        ..PlanDraft::default()
    };
    let s = summary(&diary_with(draft));
    let sw = s.plan.as_ref().unwrap().switch.as_ref().unwrap();
    assert_eq!(sw.check, crate::domain::SwitchCheck::Above { times: 6.0 });
    let text = render(&s, Lang::En);
    assert!(
        text.contains("60 mg diazepam is 6× the expected 5–10 mg from lormetazepam 1 mg under Ashton"),
        "{text}"
    );
    for &lang in crate::domain::Lang::ALL {
        let text = render(&s, lang);
        assert!(text.contains("60") && text.contains("6"), "{lang}");
        assert!(!text.contains("plan-switch-check"), "{lang}: a missing message\n{text}");
    }
}
