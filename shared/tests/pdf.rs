//! The PDF summary rendered from a realistic 8-week diary (Anke, scenario 3: a lormetazepam taper
//! with a hold and its reason, one street pill of unknown strength, sleep, anxiety, GAD-7, a goal
//! with two reviews, two questions) in every language. `tests/pdf/check.sh` runs the ignored
//! `write_pdf_samples` and reads the files back with qpdf, pdftotext and pdftoppm.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use chrono::{DateTime, Days, NaiveDate, NaiveTime};
use steady_core::domain::Diary;
use steady_core::domain::PlanDraft;
use steady_core::domain::*;
use steady_core::internals::{pdf, text};
use steady_core::summary::{self, Summary, SummaryOptions};
use steady_core::{Lang, Texts};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(date: NaiveDate, time: &str) -> LocalInstant {
    DateTime::parse_from_rfc3339(&format!("{date}T{time}+01:00")).unwrap()
}

fn entry(body: EntryBody) -> Entry {
    Entry { id: EntryId::new(), body }
}

/// Builds diaries through the public API, validating every draft against a clock after the period.
struct Builder {
    now: LocalInstant,
    entries: Vec<Entry>,
}

impl Builder {
    fn new(now: NaiveDate) -> Self {
        Self { now: at(now, "21:00:00"), entries: vec![] }
    }

    fn dose(&mut self, when: LocalInstant, drug: &str, mg: Option<f64>, tablets: Option<f64>, np: bool) {
        self.dose_with_note(when, drug, mg, tablets, np, None);
    }

    fn dose_with_note(
        &mut self,
        when: LocalInstant,
        drug: &str,
        mg: Option<f64>,
        tablets: Option<f64>,
        non_prescribed: bool,
        note: Option<&str>,
    ) {
        let draft = DoseDraft {
            taken_at: Some(when),
            drug: drug.into(),
            mg,
            tablets,
            non_prescribed,
            note: note.map(str::to_owned),
            ..DoseDraft::default()
        };
        self.entries.push(entry(EntryBody::Dose(draft.validate(self.now).unwrap())));
    }

    fn sleep(&mut self, night: NaiveDate, hours: f64, quality: i64, awakenings: i64) {
        let draft = SleepDraft {
            night: Some(night),
            hours: Some(hours),
            quality: Some(quality),
            awakenings: Some(awakenings),
            in_bed: NaiveTime::from_hms_opt(22, 30, 0),
            out_of_bed: NaiveTime::from_hms_opt(7, 0, 0),
            // Asleep at once, awake after the hours reported (the items and the estimate agree).
            final_awakening: NaiveTime::from_hms_opt(22, 30, 0)
                .map(|t| t + chrono::Duration::minutes((hours * 60.0).round() as i64)),
            ..SleepDraft::default()
        };
        self.entries.push(entry(EntryBody::Sleep(draft.validate(self.now).unwrap())));
    }

    fn anxiety(&mut self, day: NaiveDate, score: i64) {
        let rating = AnxietyRating::new(at(day, "18:00:00"), score, None, self.now).unwrap();
        self.entries.push(entry(EntryBody::Anxiety(rating)));
    }

    fn gad7(&mut self, day: NaiveDate, items: &[i64]) {
        let g = Gad7::new(at(day, "09:00:00"), items, self.now).unwrap();
        self.entries.push(entry(EntryBody::Gad7(g)));
    }

    fn question(&mut self, day: NaiveDate, text: &str) {
        let q = Question::new(at(day, "20:00:00"), text, false, self.now).unwrap();
        self.entries.push(entry(EntryBody::Question(q)));
    }

    fn diary(self) -> Diary {
        Diary::from_entries(self.entries)
    }
}

/// Period of the demo diary: 12 January – 8 March 2026, 56 days (8 weeks).
fn period() -> (NaiveDate, NaiveDate) {
    (d(2026, 1, 12), d(2026, 3, 8))
}

/// Planned lormetazepam dose of the demo plan (12.5 % every 14 days in quarter tablets, hold 16–22
/// February): 2 mg from 12 Jan, 1.75 mg from 26 Jan, 1.5 mg from 2 Mar (the 28-day step moved by
/// the 7-day hold).
fn planned_mg(day: NaiveDate) -> f64 {
    if day < d(2026, 1, 26) {
        2.0
    } else if day < d(2026, 3, 2) {
        1.75
    } else {
        1.5
    }
}

/// Anke's eight weeks. Prescribed lormetazepam as planned, except no dose on 5 Feb and 2 mg on
/// 14 Feb: 14 × 2 + 35 × 1.75 − 1.75 + 0.25 + 7 × 1.5 = 98.25 mg. Ashton (lormetazepam 1–2 mg ≈
/// 10 mg diazepam) gives 491.25–982.5 mg DE, a mean of 8.77–17.5 mg DE per day over 56 days.
/// Non-prescribed: one "Xanax" of unknown strength (7 Feb) and alprazolam 0.5 mg (20 Feb, 10 mg DE).
fn demo_diary() -> Diary {
    let (from, to) = period();
    let mut b = Builder::new(d(2026, 3, 9));
    let plan = PlanDraft {
        drug: "Loramet".into(),
        start_mg: 2.0,
        start: Some(from),
        percent: Some(12.5),
        interval_days: Some(14),
        strengths_mg: vec![1.0, 2.0],
        split: Split::Quarter,
        ..PlanDraft::default()
    }
    .validate(b.now)
    .unwrap()
    .hold(d(2026, 2, 16), "Funeral of my aunt — slept badly, I want to wait a week before the next step.")
    .unwrap()
    .resume(d(2026, 2, 23))
    .unwrap();
    b.entries.push(entry(EntryBody::Plan(Box::new(plan))));

    let goal = GoalDraft {
        set_at: Some(at(from, "10:00:00")),
        kind: GoalType::Reduce,
        what_matters: "Sleep through the night without feeling foggy in the morning, and drive my \
                       grandchildren to school again."
            .into(),
        drug: Some("lormetazepam".into()),
        target_mg: Some(1.0),
        due: Some(d(2026, 6, 1)),
        review_on: Some(d(2026, 3, 9)),
        proposed_by: Proposer::Together,
        agreed_with: Some("Dr. Peeters".into()),
    }
    .validate(b.now)
    .unwrap();
    let goal_id = EntryId::new();
    b.entries.push(Entry { id: goal_id, body: EntryBody::Goal(goal) });
    for (day, gas, note, decision) in [
        (
            d(2026, 2, 9),
            0,
            "On track; the first week at 1.75 mg was harder than I thought.",
            ReviewDecision::Keep,
        ),
        (d(2026, 3, 2), -1, "The hold was right. Slower steps are fine for me.", ReviewDecision::Adjust),
    ] {
        let review = GoalReview::new(goal_id, at(day, "11:00:00"), gas, Some(note), decision, b.now, true);
        b.entries.push(entry(EntryBody::Review(review.unwrap())));
    }

    let mut day = from;
    let mut i = 0u32;
    while day <= to {
        let mg = if day == d(2026, 2, 14) { 2.0 } else { planned_mg(day) };
        if day == d(2026, 2, 14) {
            let note = "Réveil à 3 h, j'ai repris ¼ comprimé — søvnen var dårlig.";
            b.dose_with_note(at(day, "22:30:00"), "Loramet", Some(mg), None, false, Some(note));
        } else if day != d(2026, 2, 5) {
            b.dose(at(day, "22:30:00"), "Loramet", Some(mg), None, false);
        }
        let holding = (d(2026, 2, 16)..d(2026, 2, 23)).contains(&day);
        let hours = if holding { 4.5 + f64::from(i % 3) * 0.5 } else { 5.5 + f64::from(i % 5) * 0.4 };
        b.sleep(day, hours, if holding { 2 } else { 2 + i64::from(i % 3) }, 1 + i64::from(i % 3));
        b.anxiety(day, if holding { 7 } else { 3 + i64::from(i % 4) });
        day = day.checked_add_days(Days::new(1)).unwrap();
        i += 1;
    }
    b.dose(at(d(2026, 2, 7), "23:30:00"), "Xanax", None, Some(1.0), true);
    b.dose(at(d(2026, 2, 20), "23:00:00"), "alprazolam", Some(0.5), None, true);
    b.gad7(from, &[2, 2, 2, 1, 2, 2, 1]);
    b.gad7(d(2026, 3, 2), &[1, 1, 2, 1, 1, 1, 1]);
    b.question(d(2026, 3, 1), "Can I take my evening dose earlier, around 21:00, so I am less foggy at 7?");
    b.question(
        d(2026, 3, 5),
        "Is the ringing in my ears during the hold a withdrawal symptom? Should it worry me?",
    );
    b.diary()
}

fn options(hide: &[Hideable]) -> SummaryOptions {
    SummaryOptions {
        hide: hide.iter().copied().collect::<BTreeSet<_>>(),
        today: Some(d(2026, 3, 9)),
        ..SummaryOptions::default()
    }
}

fn demo_summary(hide: &[Hideable]) -> Summary {
    let (from, to) = period();
    summary::build_with(&demo_diary(), from, to, EquivalenceTable::Ashton, &options(hide))
}

/// Pages of a PDF: objects of type /Page (not the page tree, /Pages), however the writer spaces
/// them ("/Type /Page" or "/Type/Page").
fn page_count(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf).replace("/Type /", "/Type/");
    text.matches("/Type/Page").count() - text.matches("/Type/Pages").count()
}

fn assert_valid_summary_pdf(pdf: &[u8], what: &str) {
    assert!(pdf.starts_with(b"%PDF-"), "{what}: not a PDF");
    assert!(pdf.ends_with(b"%%EOF") || pdf.ends_with(b"%%EOF\n"), "{what}: no end marker");
    let pages = page_count(pdf);
    assert!((1..=2).contains(&pages), "{what}: {pages} pages");
    assert!(pdf.len() < 200 * 1024, "{what}: {} bytes", pdf.len());
}

#[test]
fn the_demo_diary_has_the_figures_the_pdf_shows() {
    let s = demo_summary(&[]);
    assert_eq!(s.days.len(), 56);
    assert_eq!(s.totals.prescribed.doses, 55);
    assert!((s.totals.prescribed.low_mg - 491.25).abs() < 1e-9);
    assert!((s.totals.prescribed.high_mg - 982.5).abs() < 1e-9);
    let np = s.totals.non_prescribed.unwrap();
    assert_eq!((np.doses, np.unknown_doses, np.low_mg), (2, 1, 10.0));
    let plan = s.plan.as_ref().unwrap();
    assert_eq!(plan.holds.len(), 1);
    let steps: Vec<_> = plan.steps.iter().map(|s| (s.date, s.dose_mg)).collect();
    // The steps of the period, then the whole remaining tail to the flagged stop (issue 14).
    assert_eq!(
        steps[..4],
        [(d(2026, 1, 12), 2.0), (d(2026, 1, 26), 1.75), (d(2026, 3, 2), 1.5), (d(2026, 3, 30), 1.25)]
    );
    assert_eq!(steps.last(), Some(&(d(2026, 11, 9), 0.0)));
    assert!(plan.steps.last().is_some_and(|s| s.pace_flag.is_some()), "the stop is flagged");
    assert_eq!(plan.final_dose.map(|f| f.dose_mg), Some(0.25));
    assert_eq!(s.goals.len(), 1);
    assert_eq!(s.goals[0].reviews.len(), 2);
    assert_eq!(s.questions.len(), 2);
    assert_eq!(s.gad7.len(), 2);
}

#[test]
fn renders_a_one_or_two_page_a4_pdf_in_every_language() {
    let s = demo_summary(&[]);
    for &lang in Lang::ALL {
        let pdf = pdf::render(&s, &Texts::new(lang)).unwrap();
        assert_valid_summary_pdf(&pdf, lang.key());
        assert!(
            String::from_utf8_lossy(&pdf)
                .replace("/MediaBox ", "/MediaBox")
                .contains("/MediaBox[0 0 595.28 841.89]"),
            "{lang}: not A4"
        );
    }
}

#[test]
fn the_same_summary_gives_the_same_bytes() {
    let s = demo_summary(&[]);
    let texts = Texts::new(Lang::Fr);
    assert_eq!(pdf::render(&s, &texts).unwrap(), pdf::render(&s, &texts).unwrap());
}

#[test]
fn hidden_sections_and_empty_diaries_still_render() {
    let hidden = demo_summary(&[Hideable::NonPrescribed, Hideable::Notes]);
    assert_eq!(hidden.hidden.len(), 2);
    assert_valid_summary_pdf(&pdf::render(&hidden, &Texts::new(Lang::Nl)).unwrap(), "hidden");
    let everything = demo_summary(Hideable::ALL);
    assert_valid_summary_pdf(&pdf::render(&everything, &Texts::new(Lang::Nb)).unwrap(), "all hidden");
    let empty = summary::build(&Diary::default(), d(2026, 3, 1), d(2026, 3, 1), EquivalenceTable::Dutch);
    assert_valid_summary_pdf(&pdf::render(&empty, &Texts::new(Lang::En)).unwrap(), "empty");
}

/// What the PDF says, page by page, as one string per page (runs joined by spaces, no-break spaces
/// read as spaces).
fn pdf_pages(s: &Summary, lang: Lang) -> Vec<String> {
    let runs = pdf::text_runs(s, &Texts::new(lang)).unwrap();
    runs.iter().map(|page| page.join(" ").replace(['\u{a0}', '\u{202f}'], " ")).collect()
}

fn text_of(s: &Summary, lang: Lang) -> String {
    text::render(s, &Texts::new(lang)).replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn hold_dates_are_the_same_in_text_and_pdf_first_to_last_day() {
    // The hold runs from 16 February; the plan resumed on 23 February: its last day is the 22nd.
    let s = demo_summary(&[]);
    let hold = &s.plan.as_ref().unwrap().holds[0];
    assert_eq!((hold.from, hold.last_day), (d(2026, 2, 16), Some(d(2026, 2, 22))));
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["plan"]["holds"][0]["last_day"], "2026-02-22");
    for (lang, words) in [(Lang::En, "16 – 22 Feb 2026"), (Lang::Fr, "16 – 22 févr. 2026")] {
        let out = text_of(&s, lang);
        assert!(out.contains(words), "{lang:?} text: {out}");
        assert!(pdf_pages(&s, lang).concat().contains(words), "{lang:?} PDF");
        assert!(!out.contains("16 – 23"), "{lang:?}: the day after the hold is not part of it");
    }
}

#[test]
fn at_or_under_plan_counts_every_molecule_over_the_same_days_in_every_format() {
    // Step 1.75 mg (26 Jan – 1 Mar): 35 days, 34 logged (none on 5 Feb). Not at or under: 14 Feb
    // (2 mg), 7 Feb (an unknown "Xanax" on top), 20 Feb (alprazolam 0.5 mg ≈ 10 mg DE on top).
    let s = demo_summary(&[]);
    let step = s.plan.as_ref().unwrap().steps.iter().find(|st| st.dose_mg == 1.75).unwrap();
    assert_eq!((step.days_in_period, step.days_logged, step.days_at_or_under), (35, 34, 31));
    let out = text_of(&s, Lang::En);
    assert!(out.contains("31 of 34 days"), "{out}");
    assert!(out.contains("all molecules in DE"), "the text says what it compares: {out}");
    let pdf = pdf_pages(&s, Lang::En).concat();
    assert!(pdf.contains("31 of 34 days"), "{pdf}");
    assert!(pdf.contains("all molecules in DE"), "{pdf}");
    // Non-prescribed use hidden: it no longer counts against the plan (and is not revealed).
    let hidden = demo_summary(&[Hideable::NonPrescribed]);
    let step = hidden.plan.as_ref().unwrap().steps.iter().find(|st| st.dose_mg == 1.75).unwrap();
    assert_eq!((step.days_logged, step.days_at_or_under), (34, 33));
}

#[test]
fn prescribed_and_non_prescribed_are_side_by_side_per_day_and_per_molecule() {
    let s = demo_summary(&[]);
    // Both sides as a mean per day over the 56 days: 491.25–982.5 and 10 mg DE.
    let per_day = s.totals.non_prescribed_de_per_day.unwrap();
    assert!((per_day.low - 10.0 / 56.0).abs() < 1e-9 && (per_day.high - 10.0 / 56.0).abs() < 1e-9);
    assert!((s.totals.prescribed_de_per_day.high - 982.5 / 56.0).abs() < 1e-9);
    let json = serde_json::to_value(&s).unwrap();
    assert!(json["totals"]["non_prescribed_de_per_day"]["low"].is_number(), "{}", json["totals"]);
    let out = text_of(&s, Lang::En);
    assert!(
        out.contains("Non-prescribed: 2 doses, 0.18 mg DE per day (mean per day over the period)"),
        "{out}"
    );
    assert!(out.contains("8.77–17.5 mg DE per day (mean per day over the period)"), "{out}");
    assert!(!out.contains("DE in total"), "{out}");
    // Per molecule: prescribed and bought apart.
    for lines in [out.clone(), pdf_pages(&s, Lang::En).concat()] {
        let lines = lines.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(lines.contains("lormetazepam (prescribed): 55 doses, 98.3 mg in total"), "{lines}");
        // The street "Xanax" is alprazolam of unknown strength: counted, not added as zero.
        assert!(
            lines.contains(
                "alprazolam (non-prescribed): 2 doses, 0.5 mg in total; 1 dose of unknown strength"
            ),
            "{lines}"
        );
        assert!(!lines.contains("alprazolam (prescribed)"), "{lines}");
    }
    let pdf = pdf_pages(&s, Lang::En);
    assert!(pdf[0].contains("0.18 mg DE per day"), "{}", pdf[0]);
    assert!(!pdf.concat().contains("DE in total"));
}

#[test]
fn page_one_and_the_first_block_show_the_current_prescribed_dose_in_its_own_mg() {
    // 2–8 March: 1.5 mg lormetazepam every night.
    let s = demo_summary(&[]);
    assert_eq!(s.current_doses.len(), 1);
    assert_eq!((s.current_doses[0].molecule, s.current_doses[0].mg_per_day), ("lormetazepam", 1.5));
    let pdf = pdf_pages(&s, Lang::En);
    assert!(pdf[0].contains("lormetazepam 1.5 mg a day"), "{}", pdf[0]);
    let out = text_of(&s, Lang::En);
    let first_block: String = out.split("\n\n").take(3).collect::<Vec<_>>().join("\n");
    assert!(first_block.contains("lormetazepam 1.5 mg a day"), "{first_block}");
    assert!(pdf_pages(&s, Lang::Fr)[0].contains("lormétazépam 1,5 mg par jour"));
}

#[test]
fn the_pdf_is_tagged_for_screen_readers() {
    let s = demo_summary(&[]);
    for &lang in Lang::ALL {
        let bytes = pdf::render(&s, &Texts::new(lang)).unwrap();
        let raw = String::from_utf8_lossy(&bytes).replace("/Type /", "/Type/").replace("/S /", "/S/");
        for needle in [
            "/StructTreeRoot",
            "/ParentTree",
            "/StructParents",
            "/Marked true",
            "/DisplayDocTitle true",
            "<pdfuaid:part>1</pdfuaid:part>",
            "/Type/StructElem",
            "/S/Document",
            "/S/H1",
            "/S/H2",
            "/S/Table",
            "/S/TH",
            "/Scope /Column",
            "/S/TD",
            "/S/Figure",
        ] {
            assert!(raw.contains(needle), "{lang:?}: no {needle}");
        }
        assert_eq!(raw.matches("/S/Figure").count(), 2, "{lang:?}: one figure per chart");
        assert_eq!(raw.matches("/Alt ").count(), 2, "{lang:?}: every figure has alt text");
        assert!(raw.contains(&format!("/Lang ({})", lang.key())), "{lang:?}");
    }
}

#[test]
fn the_charts_alt_text_states_their_numbers() {
    let s = demo_summary(&[]);
    let [de, sleep] = pdf::figure_alts(&s, &Texts::new(Lang::En));
    assert!(de.starts_with("Daily dose in diazepam equivalents (mg), 56 days (12 Jan – 8 Mar 2026)"), "{de}");
    // First week 2 mg lormetazepam a night (10–20 mg DE), last week 1.5 mg (7.5–15 mg DE).
    assert!(de.contains("10–20 mg a day in the first week, 7.5–15 mg in the last week"), "{de}");
    assert!(de.contains("Planned dose from 10–20 mg to 7.5–15 mg a day"), "{de}");
    assert!(de.contains("Non-prescribed use on 2 days"), "{de}");
    assert!(sleep.starts_with("Sleep and anxiety by week, 8 weeks: mean sleep from "), "{sleep}");
    let [de_fr, _] = pdf::figure_alts(&s, &Texts::new(Lang::Fr));
    assert!(de_fr.contains("7,5–15"), "{de_fr}");
}

/// A year of nightly doses, sleep, anxiety, monthly GAD-7, notes on many nights and many questions:
/// still at most two pages (long lists end with "… and N more").
fn year_diary() -> (Diary, NaiveDate, NaiveDate) {
    let (from, to) = (d(2025, 3, 10), d(2026, 3, 8));
    let mut b = Builder::new(d(2026, 3, 9));
    let plan = PlanDraft {
        drug: "diazepam".into(),
        start_mg: 20.0,
        start: Some(from),
        percent: Some(10.0),
        interval_days: Some(14),
        strengths_mg: vec![2.0, 5.0, 10.0],
        split: Split::Half,
        ..PlanDraft::default()
    }
    .validate(b.now)
    .unwrap()
    .hold(d(2025, 7, 1), "Summer holiday")
    .unwrap()
    .resume(d(2025, 7, 29))
    .unwrap();
    b.entries.push(entry(EntryBody::Plan(Box::new(plan))));
    let mut day = from;
    let mut i = 0u32;
    while day <= to {
        let note =
            (i % 3 == 0).then_some("Slept badly; a note long enough to wrap onto a second line in the PDF.");
        b.dose_with_note(at(day, "08:00:00"), "diazepam", Some(10.0 - f64::from(i / 60)), None, false, note);
        if i % 30 == 7 {
            b.dose(at(day, "23:00:00"), "Xanax", None, Some(1.0), true);
        }
        b.sleep(day, 5.0 + f64::from(i % 7) * 0.3, 1 + i64::from(i % 5), i64::from(i % 4));
        b.anxiety(day, i64::from(i % 9));
        if i % 30 == 0 {
            b.gad7(day, &[1, 2, 1, 2, 1, 2, 1]);
        }
        if i % 20 == 0 {
            b.question(day, "Another question I want to ask at the appointment, written during the year?");
        }
        day = day.checked_add_days(Days::new(1)).unwrap();
        i += 1;
    }
    (b.diary(), from, to)
}

/// Sam (scenario 4): alprazolam switched to diazepam 30 mg with Dr. Janssens, then a fast plan
/// (25 % every 7 days) whose steps the pace check flags.
fn switch_summary() -> Summary {
    let (from, to) = (d(2026, 3, 2), d(2026, 3, 29));
    let mut b = Builder::new(d(2026, 3, 30));
    let plan = PlanDraft {
        drug: "diazepam".into(),
        start_mg: 30.0,
        start: Some(from),
        percent: Some(25.0),
        interval_days: Some(7),
        strengths_mg: vec![2.0, 5.0, 10.0],
        split: Split::Half,
        switch: Some(steady_core::domain::SwitchDraft {
            from_drug: "Xanax".into(),
            from_mg: 1.5,
            table: None,
            agreed_with: "Dr. Janssens".into(),
        }),
        ..PlanDraft::default()
    }
    .validate(b.now)
    .unwrap();
    b.entries.push(entry(EntryBody::Plan(Box::new(plan))));
    let mut day = from;
    while day <= to {
        b.dose(at(day, "08:00:00"), "diazepam", Some(20.0), None, false);
        day = day.checked_add_days(Days::new(1)).unwrap();
    }
    let opts = SummaryOptions { today: Some(d(2026, 3, 30)), ..options(&[]) };
    summary::build_with(&b.diary(), from, to, EquivalenceTable::Ashton, &opts)
}

#[test]
fn the_lengthened_interval_footnote_only_when_an_interval_was_lengthened() {
    let note = "Interval extended: the tablets allow no smaller cut";
    // Anke's 1.75 → 1.5 mg step waits 28 days (quarter tablets allow no 12.5 % cut): footnoted.
    let demo = demo_summary(&[]);
    assert!(demo.plan.as_ref().unwrap().steps.iter().any(|st| st.extended));
    assert!(text_of(&demo, Lang::En).contains(note));
    assert!(pdf_pages(&demo, Lang::En).concat().contains(note));
    // Sam's plan: the footnote exactly when a step shown (now the whole tail to the stop) was
    // lengthened, and only on the steps that were.
    let sam = switch_summary();
    let steps = &sam.plan.as_ref().unwrap().steps;
    let lengthened = steps.iter().filter(|st| st.extended).count();
    assert!(lengthened < steps.len(), "most of Sam's 25 % steps keep the 7-day interval");
    assert_eq!(text_of(&sam, Lang::En).contains(note), lengthened > 0);
    assert_eq!(pdf_pages(&sam, Lang::En).concat().contains(note), lengthened > 0);
}

#[test]
fn a_switch_to_diazepam_and_flagged_steps_render() {
    let s = switch_summary();
    let plan = s.plan.as_ref().unwrap();
    assert!(plan.switch.is_some());
    assert!(plan.steps.iter().any(|s| s.pace_flag.is_some()), "the fast plan is flagged");
    for &lang in Lang::ALL {
        assert_valid_summary_pdf(&pdf::render(&s, &Texts::new(lang)).unwrap(), lang.key());
    }
}

#[test]
fn a_year_of_data_still_fits_two_pages() {
    let (diary, from, to) = year_diary();
    let s = summary::build_with(&diary, from, to, EquivalenceTable::Ashton, &options(&[]));
    assert_eq!(s.days.len(), 364);
    let pdf = pdf::render(&s, &Texts::new(Lang::En)).unwrap();
    assert_valid_summary_pdf(&pdf, "year");
}

/// Time to render a year (summary already built), in release: `cargo test --release -p steady-core
/// --test pdf -- --ignored --nocapture render_time_for_a_year`.
#[test]
#[ignore]
fn render_time_for_a_year() {
    let (diary, from, to) = year_diary();
    let started = Instant::now();
    let s = summary::build_with(&diary, from, to, EquivalenceTable::Ashton, &options(&[]));
    let built = started.elapsed();
    let texts = Texts::new(Lang::En);
    let runs = 10;
    let started = Instant::now();
    let mut size = 0;
    for _ in 0..runs {
        size = pdf::render(&s, &texts).unwrap().len();
    }
    let each = started.elapsed() / runs;
    println!(
        "year: {} entries, summary built in {built:?}, PDF rendered in {each:?} (mean of {runs}), {size} bytes, {} pages",
        diary.iter().count(),
        page_count(&pdf::render(&s, &texts).unwrap())
    );
}

/// Writes the samples `tests/pdf/check.sh` inspects: `target/pdf-samples/summary-{en,fr,nl,nb}.pdf`
/// `summary-en-hidden.pdf` (non-prescribed use and notes left out), `summary-nl-switch.pdf` (a switch to
/// diazepam and flagged steps) and `summary-en-year.pdf` (a year).
#[test]
#[ignore]
fn write_pdf_samples() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/pdf-samples");
    std::fs::create_dir_all(&dir).unwrap();
    let s = demo_summary(&[]);
    for &lang in Lang::ALL {
        let pdf = pdf::render(&s, &Texts::new(lang)).unwrap();
        std::fs::write(dir.join(format!("summary-{}.pdf", lang.key())), pdf).unwrap();
    }
    let hidden = demo_summary(&[Hideable::NonPrescribed, Hideable::Notes]);
    let pdf = pdf::render(&hidden, &Texts::new(Lang::En)).unwrap();
    std::fs::write(dir.join("summary-en-hidden.pdf"), pdf).unwrap();
    let switch = pdf::render(&switch_summary(), &Texts::new(Lang::Nl)).unwrap();
    std::fs::write(dir.join("summary-nl-switch.pdf"), switch).unwrap();
    let (diary, from, to) = year_diary();
    let year = summary::build_with(&diary, from, to, EquivalenceTable::Ashton, &options(&[]));
    std::fs::write(dir.join("summary-en-year.pdf"), pdf::render(&year, &Texts::new(Lang::En)).unwrap())
        .unwrap();
    println!("wrote {}", dir.display());
}
