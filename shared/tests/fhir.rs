//! FHIR R4 export: structure checks on bundles built from fixed diaries. The independent validation
//! (Python `fhir.resources` R4B models and `fhircraft` R4 models with FHIRPath invariants) runs in
//! tests/fhir/run.sh on the samples written by the ignored `write_fhir_samples` test below.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, NaiveTime};
use common::{at, now};
use serde_json::Value;
use steady_core::domain::Diary;
use steady_core::domain::*;
use steady_core::domain::{PlanDraft, SwitchDraft};
use steady_core::internals::fhir::{self, FhirOptions, IdKey};
use steady_core::summary::{self, Summary, SummaryOptions};

/// Random per run, so a leak cannot pass by matching a fixed string by accident elsewhere.
fn canary() -> String {
    format!("CANARY-{}", uuid_like())
}

fn uuid_like() -> String {
    EntryId::new().to_string().replace('-', "")
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn entry(body: EntryBody) -> Entry {
    Entry { id: EntryId::new(), body }
}

fn dose(draft: DoseDraft) -> Entry {
    entry(EntryBody::Dose(draft.validate(now()).unwrap()))
}

const FROM: (i32, u32, u32) = (2026, 2, 9);
const TO: (i32, u32, u32) = (2026, 3, 8);

fn period() -> (NaiveDate, NaiveDate) {
    (d(FROM.0, FROM.1, FROM.2), d(TO.0, TO.1, TO.2))
}

/// Sam-like diary (scenario 4 with a hold, as in scenario 3): alprazolam switched to diazepam with a
/// taper plan that held for two weeks, prescribed doses in mg and in tablets, two non-prescribed
/// "Xanax" of unknown strength and one unknown pill, sleep, anxiety, two GAD-7s, four goals (one
/// reviewed), a question. Every free-text note carries `note`.
struct Rich {
    diary: Diary,
    doses: usize,
    nonprescribed: usize,
    nights: usize,
    ratings: usize,
    gad7: usize,
    reviews: usize,
    goals: usize,
    keep_goal: EntryId,
}

fn rich(note: &str) -> Rich {
    let mut entries = Vec::new();
    let plan = PlanDraft {
        drug: "diazepam".into(),
        start_mg: 30.0,
        start: Some(d(2026, 1, 12)),
        strengths_mg: vec![2.0, 5.0, 10.0],
        split: Split::Half,
        switch: Some(SwitchDraft {
            from_drug: "Xanax".into(),
            from_mg: 1.5,
            table: Some(EquivalenceTable::Ashton),
            agreed_with: "Dr. Claes, psychiatrist".into(),
        }),
        ..PlanDraft::default()
    }
    .validate(at("2026-01-12T09:00:00+01:00"))
    .unwrap()
    .hold(d(2026, 2, 16), &format!("sleep got bad {note}"))
    .unwrap()
    .resume(d(2026, 3, 2))
    .unwrap();
    entries.push(entry(EntryBody::Plan(Box::new(plan))));

    // Prescribed diazepam every other evening of the period, in mg; some as tablets of known strength.
    let mut doses = 0;
    let mut day = d(FROM.0, FROM.1, FROM.2);
    while day <= d(TO.0, TO.1, TO.2) {
        let when = at(&format!("{day}T21:00:00+01:00"));
        let draft = if doses % 3 == 0 {
            DoseDraft {
                taken_at: Some(when),
                drug: "Valium".into(),
                tablets: Some(2.5),
                strength_mg: Some(10.0),
                note: Some(format!("took it late {note}")),
                ..DoseDraft::default()
            }
        } else {
            DoseDraft {
                taken_at: Some(when),
                drug: "diazepam".into(),
                mg: Some(27.0),
                ..DoseDraft::default()
            }
        };
        entries.push(dose(draft));
        doses += 1;
        day = day.succ_opt().unwrap().succ_opt().unwrap();
    }
    // Non-prescribed: street "Xanax" of unknown strength (twice) and an unknown pill.
    for when in ["2026-02-20T23:30:00+01:00", "2026-03-03T01:15:00+01:00"] {
        entries.push(dose(DoseDraft {
            taken_at: Some(at(when)),
            drug: "Xanax".into(),
            tablets: Some(1.0),
            non_prescribed: true,
            note: Some(format!("bought at the station {note}")),
            ..DoseDraft::default()
        }));
    }
    entries.push(dose(DoseDraft {
        taken_at: Some(at("2026-02-27T22:00:00+01:00")),
        drug: "unknown".into(),
        tablets: Some(0.5),
        non_prescribed: true,
        ..DoseDraft::default()
    }));
    // Outside the period: must not appear.
    entries.push(dose(DoseDraft {
        taken_at: Some(at("2026-02-08T21:00:00+01:00")),
        drug: "diazepam".into(),
        mg: Some(30.0),
        ..DoseDraft::default()
    }));
    let nonprescribed = 3;

    let mut nights = 0;
    for (i, day) in [9, 12, 15, 18, 21, 24, 27].into_iter().enumerate() {
        let with_times = i % 2 == 0;
        let draft = SleepDraft {
            night: Some(d(2026, 2, day)),
            hours: (!with_times).then_some(5.5 + i as f64 * 0.25),
            quality: Some(1 + (i as i64 % 5)),
            latency_min: Some(20),
            awakenings: Some((i % 3) as i64),
            waso_min: Some(15),
            in_bed: with_times.then(|| NaiveTime::from_hms_opt(22, 45, 0).unwrap()),
            out_of_bed: with_times.then(|| NaiveTime::from_hms_opt(6, 45, 0).unwrap()),
            final_awakening: with_times.then(|| NaiveTime::from_hms_opt(6, 15, 0).unwrap()),
            note: Some(format!("woke at 3 {note}")),
            ..SleepDraft::default()
        };
        entries.push(entry(EntryBody::Sleep(draft.validate(now()).unwrap())));
        nights += 1;
    }
    let mut ratings = 0;
    for (i, day) in [10, 14, 19, 23, 28].into_iter().enumerate() {
        let when = at(&format!("2026-02-{day}T12:00:00+01:00"));
        let rating = AnxietyRating::new(when, 3 + i as i64, Some(&format!("busy day <b>&{note}")), now());
        entries.push(entry(EntryBody::Anxiety(rating.unwrap())));
        ratings += 1;
    }
    for (when, items) in [
        ("2026-02-10T09:00:00+01:00", [2, 2, 2, 2, 2, 1, 1]),
        ("2026-03-05T09:00:00+01:00", [1, 1, 1, 0, 1, 0, 0]),
    ] {
        entries.push(entry(EntryBody::Gad7(Gad7::new(at(when), &items, now()).unwrap())));
    }

    let goal = |kind: &str, drug: Option<&str>, target: Option<f64>, words: &str, by: Proposer| {
        GoalDraft {
            set_at: Some(at("2026-01-12T10:00:00+01:00")),
            kind: GoalType::parse(kind).unwrap(),
            what_matters: words.into(),
            drug: drug.map(Into::into),
            target_mg: target,
            due: Some(d(2026, 9, 1)),
            review_on: Some(d(2026, 4, 1)),
            proposed_by: by,
            agreed_with: Some("Dr. Peeters".into()),
        }
        .validate(now())
        .unwrap()
    };
    let reduce = entry(EntryBody::Goal(goal(
        "reduce",
        Some("diazepam"),
        Some(10.0),
        "Drive my grandchildren to school",
        Proposer::Together,
    )));
    let stable = entry(EntryBody::Goal(goal(
        "stable",
        Some("diazepam"),
        None,
        "Stop buying pills",
        Proposer::Clinician,
    )));
    let keep = entry(EntryBody::Goal(goal("keep", None, None, "Not fall at night", Proposer::Patient)));
    let review = GoalReview::new(
        reduce.id,
        at("2026-03-04T10:00:00+01:00"),
        1,
        Some(&format!("going better than I hoped {note}")),
        ReviewDecision::Adjust,
        now(),
        true,
    )
    .unwrap();
    let keep_review =
        GoalReview::new(keep.id, at("2026-02-25T10:00:00+01:00"), 0, None, ReviewDecision::Keep, now(), true)
            .unwrap();
    let keep_goal = keep.id;
    entries.extend([reduce, stable, keep]);
    entries.push(entry(EntryBody::Review(review)));
    entries.push(entry(EntryBody::Review(keep_review)));
    entries.push(entry(EntryBody::Question(
        Question::new(at("2026-03-06T20:00:00+01:00"), "Can we slow down after the summer?", false, now())
            .unwrap(),
    )));

    Rich {
        diary: Diary::from_entries(entries),
        doses: doses + nonprescribed,
        nonprescribed,
        nights,
        ratings,
        gad7: 2,
        reviews: 2,
        goals: 3,
        keep_goal,
    }
}

fn summary_of(diary: &Diary, opts: &SummaryOptions) -> Summary {
    let (from, to) = period();
    let opts = SummaryOptions { today: Some(to), ..opts.clone() };
    summary::build_with(diary, from, to, EquivalenceTable::Ashton, &opts)
}

/// Options with the same resource-id key every time, as one diary's exports have.
fn options(id: &str) -> FhirOptions {
    FhirOptions { id_key: IdKey([1; 32]), ..FhirOptions::new(id, at("2026-03-09T08:30:00+01:00")) }
}

fn export(diary: &Diary, sopts: &SummaryOptions, fopts: &FhirOptions) -> Value {
    fhir::bundle(diary, &summary_of(diary, sopts), fopts)
}

fn resources(b: &Value) -> Vec<&Value> {
    b["entry"].as_array().unwrap().iter().map(|e| &e["resource"]).collect()
}

fn of_type<'a>(b: &'a Value, t: &str) -> Vec<&'a Value> {
    resources(b).into_iter().filter(|r| r["resourceType"] == t).collect()
}

fn counts(b: &Value) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for r in resources(b) {
        *m.entry(r["resourceType"].as_str().unwrap().to_owned()).or_default() += 1;
    }
    m
}

/// Every `reference` string anywhere in `v`.
fn references(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("reference", Value::String(s)) => out.push(s.clone()),
                    _ => references(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| references(x, out)),
        _ => {}
    }
}

fn check_structure(b: &Value) {
    assert_eq!(b["resourceType"], "Bundle");
    assert_eq!(b["type"], "document");
    assert_eq!(b["identifier"]["system"], "urn:ietf:rfc:3986");
    assert!(b["timestamp"].as_str().unwrap().ends_with("+01:00"));
    let entries = b["entry"].as_array().unwrap();
    assert_eq!(entries[0]["resource"]["resourceType"], "Composition", "Composition first");
    let urls: Vec<&str> = entries.iter().map(|e| e["fullUrl"].as_str().unwrap()).collect();
    let unique: BTreeSet<&str> = urls.iter().copied().collect();
    assert_eq!(unique.len(), urls.len(), "fullUrls unique");
    for e in entries {
        let url = e["fullUrl"].as_str().unwrap();
        assert!(url.starts_with("urn:uuid:"));
        assert_eq!(&url[9..], e["resource"]["id"].as_str().unwrap(), "id matches fullUrl");
    }
    let mut refs = Vec::new();
    references(b, &mut refs);
    assert!(!refs.is_empty());
    for r in refs {
        assert!(unique.contains(r.as_str()), "unresolved reference {r}");
    }
    for s in entries[0]["resource"]["section"].as_array().unwrap() {
        assert_eq!(s["text"]["status"], "generated");
        assert!(s["text"]["div"]
            .as_str()
            .unwrap()
            .starts_with("<div xmlns=\"http://www.w3.org/1999/xhtml\">"));
    }
    fn has_null(v: &Value) -> bool {
        match v {
            Value::Null => true,
            Value::Object(m) => m.values().any(has_null),
            Value::Array(a) => a.iter().any(has_null),
            _ => false,
        }
    }
    assert!(!has_null(b), "no nulls");
}

fn section<'a>(b: &'a Value, title: &str) -> &'a Value {
    resources(b)[0]["section"].as_array().unwrap().iter().find(|s| s["title"] == title).unwrap()
}

fn codes(v: &Value) -> Vec<String> {
    v["coding"]
        .as_array()
        .map(|c| c.iter().map(|x| x["code"].as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

#[test]
fn rich_bundle_has_every_resource_with_composition_first_and_references_resolving() {
    let note = canary();
    let r = rich(&note);
    let b = export(&r.diary, &SummaryOptions::default(), &options("rich"));
    check_structure(&b);
    let c = counts(&b);
    assert_eq!(c["Composition"], 1);
    assert_eq!(c["Patient"], 1);
    assert_eq!(c["MedicationAdministration"], r.doses - r.nonprescribed, "prescribed doses taken");
    assert_eq!(c["MedicationStatement"], r.nonprescribed, "non-prescribed use is a MedicationStatement");
    assert_eq!(c["Observation"], r.nights + r.ratings + 2 * r.gad7 + r.reviews);
    assert_eq!(c["Goal"], r.goals);
    assert_eq!(c["CarePlan"], 1);
    let text = b.to_string();
    assert!(text.contains(&note), "notes included by default");
    for loinc in ["69737-5", "70274-6", "93832-4", "51855-5"] {
        assert!(text.contains(&format!("\"{loinc}\"")), "{loinc}");
    }
    // The title names the period; the Composition references the Patient as subject and author.
    let comp = resources(&b)[0];
    assert_eq!(comp["title"], "Steady summary 9 Feb – 8 Mar 2026");
    assert_eq!((b["language"].as_str(), comp["language"].as_str()), (Some("en"), Some("en")));
    assert_eq!(comp["subject"]["reference"], b["entry"][1]["fullUrl"]);
    assert_eq!(comp["author"][0]["reference"], b["entry"][1]["fullUrl"]);
    assert_eq!(section(&b, "Doses")["entry"].as_array().unwrap().len(), r.doses);
    let doses_div = section(&b, "Doses")["text"]["div"].as_str().unwrap();
    assert!(doses_div.contains("Ashton Manual") && doses_div.contains("benzo.org.uk"), "{doses_div}");
    assert!(section(&b, "Left out")["text"]["div"].as_str().unwrap().contains("nothing"));
    // Notes with markup are escaped in the narrative.
    assert!(text.contains("busy day &lt;b&gt;&amp;"));
}

#[test]
fn doses_carry_atc_units_offsets_and_mark_non_prescribed_use_as_patient_specified() {
    let r = rich("n");
    let b = export(&r.diary, &SummaryOptions::default(), &options("doses"));
    let mas = of_type(&b, "MedicationAdministration");
    for ma in &mas {
        assert_eq!(ma["status"], "completed");
        assert!(ma.get("request").is_none(), "no request: Steady holds no prescriptions");
        assert!(ma["effectiveDateTime"].as_str().unwrap().ends_with("+01:00"));
        assert!(ma["dosage"]["dose"].is_object(), "mad-1: a dosage has a dose");
    }
    let diazepam: Vec<_> =
        mas.iter().filter(|m| codes(&m["medicationCodeableConcept"]) == ["N05BA01"]).collect();
    assert!(!diazepam.is_empty());
    let coding = &diazepam[0]["medicationCodeableConcept"]["coding"][0];
    assert_eq!(
        (coding["system"].as_str(), coding["display"].as_str()),
        (Some("http://www.whocc.no/atc"), Some("diazepam"))
    );
    let valium = diazepam.iter().find(|m| m["dosage"]["text"].as_str().unwrap().contains("tablets")).unwrap();
    let q = &valium["dosage"]["dose"];
    assert_eq!(
        (q["value"].as_f64(), q["code"].as_str(), q["system"].as_str()),
        (Some(25.0), Some("mg"), Some("http://unitsofmeasure.org"))
    );

    // Prescribed doses are administrations at home; non-prescribed use is a MedicationStatement with
    // the category of that resource's own code system, never an administration.
    assert_eq!(mas.len(), r.doses - r.nonprescribed);
    assert!(mas.iter().all(|m| codes(&m["category"]) == ["community"]
        && m["category"]["coding"][0]["system"]
            == "http://terminology.hl7.org/CodeSystem/medication-admin-category"));
    let np = of_type(&b, "MedicationStatement");
    assert_eq!(np.len(), r.nonprescribed);
    for m in &np {
        assert_eq!(codes(&m["category"]), ["patientspecified"]);
        assert_eq!(
            m["category"]["coding"][0]["system"],
            "http://terminology.hl7.org/CodeSystem/medication-statement-category"
        );
        assert_eq!(m["status"], "completed");
        assert!(m["informationSource"]["reference"].is_string() && m["subject"]["reference"].is_string());
    }
    let xanax = np.iter().find(|m| codes(&m["medicationCodeableConcept"]) == ["N05BA12"]).unwrap();
    assert_eq!(xanax["medicationCodeableConcept"]["text"], "Xanax", "the name the patient typed is kept");
    assert_eq!(xanax["medicationCodeableConcept"]["coding"][0]["display"], "alprazolam");
    assert_eq!(xanax["dosage"][0]["text"], "1 tablet, strength unknown");
    assert_eq!(
        xanax["dosage"][0]["doseAndRate"][0]["doseQuantity"]["code"], "{tablet}",
        "unknown strength is never mg"
    );
    assert!(xanax["text"]["div"].as_str().unwrap().contains("Xanax (alprazolam)"));
    let unknown = np.iter().find(|m| m["medicationCodeableConcept"]["text"] == "unknown substance").unwrap();
    assert!(unknown["medicationCodeableConcept"].get("coding").is_none(), "no guessed code");
    for ma in &mas {
        assert_ne!(
            codes(&ma["category"]),
            ["patientspecified"],
            "no MedicationStatement code on an administration"
        );
    }
}

#[test]
fn excluded_non_prescribed_use_and_notes_leave_no_trace() {
    let note = canary();
    let r = rich(&note);
    let fopts = FhirOptions { include_nonprescribed: false, include_notes: false, ..options("excluded") };
    let b = export(&r.diary, &SummaryOptions::default(), &fopts);
    check_structure(&b);
    let mas = of_type(&b, "MedicationAdministration");
    assert_eq!(mas.len(), r.doses - r.nonprescribed);
    assert!(mas.iter().all(|m| codes(&m["category"]) == ["community"]));
    let text = b.to_string();
    assert!(!text.contains(&note), "no note text when include_notes is false");
    assert!(
        !text.contains("patientspecified")
            && !text.contains("N05BA12")
            && !text.contains("unknown substance")
    );
    for r in of_type(&b, "MedicationAdministration").into_iter().chain(of_type(&b, "Observation")) {
        assert!(r.get("note").is_none(), "no patient note elements");
    }
    let left_out = section(&b, "Left out")["text"]["div"].as_str().unwrap();
    assert!(left_out.contains("non-prescribed use") && left_out.contains("notes"), "{left_out}");
    assert!(of_type(&b, "MedicationStatement").is_empty());
    let doses = section(&b, "Doses")["text"]["div"].as_str().unwrap();
    assert!(doses.contains("left out of this summary by the patient"));
    assert!(!doses.contains("Non-prescribed</th>"));
    // The hold is still shown, without its reason.
    let plan = &of_type(&b, "CarePlan")[0];
    assert!(plan["note"].as_array().unwrap().iter().any(|n| n["text"]
        .as_str()
        .unwrap()
        .starts_with("Hold: 16 Feb – 1 Mar 2026 (14 days). The schedule")));
}

#[test]
fn parts_the_summary_hides_are_withheld_sections_without_resources() {
    let note = canary();
    let r = rich(&note);
    let hide: BTreeSet<Hideable> =
        [Hideable::Sleep, Hideable::Plan, Hideable::NonPrescribed, Hideable::Notes].into();
    let b = export(&r.diary, &SummaryOptions { hide, ..SummaryOptions::default() }, &options("hidden"));
    check_structure(&b);
    let c = counts(&b);
    assert!(!c.contains_key("CarePlan"));
    assert_eq!(c["MedicationAdministration"], r.doses - r.nonprescribed);
    assert!(of_type(&b, "Observation").iter().all(|o| !o.to_string().contains("93832-4")));
    for title in ["Sleep", "Taper plan"] {
        let s = section(&b, title);
        assert_eq!(s["emptyReason"]["coding"][0]["code"], "withheld", "{title}");
        assert!(s.get("entry").is_none());
    }
    assert!(!b.to_string().contains(&note));
    let left_out = section(&b, "Left out")["text"]["div"].as_str().unwrap();
    assert!(
        left_out.contains("sleep") && left_out.contains("taper plan") && left_out.contains("4 parts"),
        "{left_out}"
    );
}

#[test]
fn a_goal_the_patient_hid_is_absent_with_its_reviews_and_counted_as_left_out() {
    let r = rich("n");
    let sopts = SummaryOptions { hidden_goals: [r.keep_goal].into(), ..SummaryOptions::default() };
    let b = export(&r.diary, &sopts, &options("hidden-goal"));
    check_structure(&b);
    let goals = of_type(&b, "Goal");
    assert_eq!(goals.len(), r.goals - 1);
    let text = b.to_string();
    assert!(!text.contains("Not fall at night"));
    let reviews = of_type(&b, "Observation")
        .into_iter()
        .filter(|o| o["code"]["text"].as_str().is_some_and(|t| t.contains("GAS")))
        .count();
    assert_eq!(reviews, r.reviews - 1, "the hidden goal's review is left out too");
    let left_out = section(&b, "Left out")["text"]["div"].as_str().unwrap();
    assert!(left_out.contains("a goal"), "{left_out}");
}

#[test]
fn gad7_sleep_and_anxiety_observations_use_the_documented_codes() {
    let r = rich("n");
    let b = export(&r.diary, &SummaryOptions::default(), &options("obs"));
    let obs = of_type(&b, "Observation");
    let by_code =
        |code: &str| obs.iter().filter(|o| codes(&o["code"]).contains(&code.to_owned())).collect::<Vec<_>>();
    let panels = by_code("69737-5");
    let totals = by_code("70274-6");
    assert_eq!((panels.len(), totals.len()), (2, 2));
    let total_urls: Vec<String> = b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| codes(&e["resource"]["code"]).contains(&"70274-6".to_owned()))
        .map(|e| e["fullUrl"].as_str().unwrap().to_owned())
        .collect();
    for p in &panels {
        assert_eq!(p["component"].as_array().unwrap().len(), 7);
        assert!(total_urls.contains(&p["hasMember"][0]["reference"].as_str().unwrap().to_owned()));
        assert_eq!(p["category"][0]["coding"][0]["code"], "survey");
    }
    let first =
        totals.iter().find(|t| t["effectiveDateTime"].as_str().unwrap().starts_with("2026-02-10")).unwrap();
    assert_eq!(first["valueInteger"], 12);
    assert!(first["interpretation"][0]["text"].as_str().unwrap().starts_with("moderate"));
    let nights = by_code("93832-4");
    assert_eq!(nights.len(), r.nights);
    let q = &nights[0]["valueQuantity"];
    assert_eq!((q["code"].as_str(), q["system"].as_str()), (Some("h"), Some("http://unitsofmeasure.org")));
    assert_eq!(nights[0]["effectivePeriod"]["start"], "2026-02-09");
    assert_eq!(nights[0]["effectivePeriod"]["end"], "2026-02-10");
    let ratings: Vec<_> = obs.iter().filter(|o| o["code"]["text"] == "Anxiety rating 0–10").collect();
    assert_eq!(ratings.len(), r.ratings);
    assert!(ratings.iter().all(|o| o["valueInteger"].is_u64()));
    for o in &ratings {
        let c = &o["code"]["coding"][0];
        assert_eq!(
            (c["system"].as_str(), c["code"].as_str()),
            (Some(fhir::STEADY_CODES), Some("anxiety-rating"))
        );
    }
    // Every sleep detail is a coded component.
    let with_times = nights.iter().find(|n| n["component"].as_array().unwrap().len() == 6).unwrap();
    let comp_codes: Vec<String> =
        with_times["component"].as_array().unwrap().iter().flat_map(|c| codes(&c["code"])).collect();
    assert_eq!(
        comp_codes,
        [
            "sleep-quality",
            "sleep-awakenings",
            "sleep-latency",
            "sleep-waso",
            "sleep-time-in-bed",
            "sleep-efficiency"
        ]
    );
    assert!(with_times["component"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["code"]["coding"][0]["system"] == fhir::STEADY_CODES));
}

#[test]
fn goals_map_status_achievement_proposer_and_target() {
    let r = rich("n");
    let b = export(&r.diary, &SummaryOptions::default(), &options("goals"));
    let patient = b["entry"][1]["fullUrl"].as_str().unwrap().to_owned();
    let goals = of_type(&b, "Goal");
    let by_words = |w: &str| *goals.iter().find(|g| g["description"]["text"] == w).unwrap();
    let reduce = by_words("Drive my grandchildren to school");
    assert_eq!(reduce["lifecycleStatus"], "active");
    assert_eq!(codes(&reduce["achievementStatus"]), ["improving"], "latest GAS +1");
    assert_eq!(reduce["achievementStatus"]["text"], "improving");
    assert_eq!(reduce["expressedBy"]["reference"], patient.as_str(), "proposed together");
    let t = &reduce["target"][0];
    assert_eq!(t["measure"]["text"], "daily dose of diazepam");
    assert_eq!(
        (t["detailQuantity"]["value"].as_f64(), t["detailQuantity"]["code"].as_str()),
        (Some(10.0), Some("mg"))
    );
    assert_eq!(t["dueDate"], "2026-09-01");
    assert_eq!(reduce["outcomeReference"].as_array().unwrap().len(), 1);
    let keep = by_words("Not fall at night");
    assert_eq!(codes(&keep["achievementStatus"]), ["sustaining"], "keep goal at GAS 0");
    assert!(keep["target"][0].get("detailQuantity").is_none());
    let stable = by_words("Stop buying pills");
    assert_eq!(stable["expressedBy"]["display"], "clinician");
    assert!(stable.get("achievementStatus").is_none(), "not reviewed yet");
    assert_eq!(stable["target"][0]["detailInteger"], 0);
    // The review is an Observation focused on its goal, with the GAS as an integer.
    let reviews: Vec<_> = of_type(&b, "Observation")
        .into_iter()
        .filter(|o| o["code"]["text"].as_str().is_some_and(|t| t.contains("GAS")))
        .collect();
    assert_eq!(reviews.len(), r.reviews);
    assert!(reviews.iter().any(|o| o["valueInteger"] == 1
        && codes(&o["code"]) == ["gas-rating"]
        && codes(&o["component"][0]["code"]) == ["review-decision"]
        && codes(&o["component"][0]["valueCodeableConcept"]) == ["decision-adjust"]));
}

#[test]
fn care_plan_lists_every_step_the_hold_and_the_switch_with_its_source() {
    let r = rich("n");
    let b = export(&r.diary, &SummaryOptions::default(), &options("plan"));
    let plans = of_type(&b, "CarePlan");
    let plan = plans[0];
    assert_eq!((plan["status"].as_str(), plan["intent"].as_str()), (Some("active"), Some("plan")));
    assert_eq!(plan["period"]["start"], "2026-01-12");
    let activities = plan["activity"].as_array().unwrap();
    assert!(activities.len() > 10);
    let first = &activities[0]["detail"];
    assert_eq!(first["description"], "30 mg diazepam daily (start dose). Tablets: 3 × 10 mg.");
    assert_eq!(first["status"], "completed");
    assert_eq!(first["dailyAmount"]["value"], 30.0);
    assert_eq!(codes(&first["productCodeableConcept"]), ["N05BA01"]);
    let statuses: BTreeSet<&str> =
        activities.iter().map(|a| a["detail"]["status"].as_str().unwrap()).collect();
    assert!(statuses.contains("in-progress") && statuses.contains("not-started"), "{statuses:?}");
    let notes: Vec<&str> =
        plan["note"].as_array().unwrap().iter().map(|n| n["text"].as_str().unwrap()).collect();
    assert!(
        notes.iter().any(|n| n.contains("Switched to diazepam before the taper: alprazolam 1.5 mg ≈")
            && n.contains("Ashton")
            && n.contains("30 mg diazepam")),
        "{notes:?}"
    );
    assert!(
        notes.iter().any(|n| n.starts_with("Hold: 16 Feb – 1 Mar 2026 (14 days): sleep got bad")),
        "{notes:?}"
    );
    // The plan serves the reduce-diazepam goal.
    let reduce_url = b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["resource"]["description"]["text"] == "Drive my grandchildren to school")
        .unwrap()["fullUrl"]
        .clone();
    assert_eq!(plan["goal"][0]["reference"], reduce_url);
}

#[test]
fn empty_diary_gives_a_valid_minimal_document() {
    let b = export(&Diary::default(), &SummaryOptions::default(), &options("empty"));
    check_structure(&b);
    assert_eq!(counts(&b), BTreeMap::from([("Composition".to_owned(), 1), ("Patient".to_owned(), 1)]));
    let sections = resources(&b)[0]["section"].as_array().unwrap();
    assert!(sections.len() >= 6);
}

#[test]
fn ids_are_stable_per_entry_and_the_patient_carries_no_identity() {
    let r = rich("n");
    let one = export(&r.diary, &SummaryOptions::default(), &options("a"));
    let two = export(&r.diary, &SummaryOptions::default(), &options("b"));
    let urls = |b: &Value, t: &str| -> Vec<String> {
        b["entry"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["resource"]["resourceType"] == t)
            .map(|e| e["fullUrl"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(urls(&one, "MedicationAdministration"), urls(&two, "MedicationAdministration"));
    // Another diary key (or none: a random one per export) gives other ids: they cannot be linked
    // to the diary file's row ids without the key.
    let other =
        export(&r.diary, &SummaryOptions::default(), &FhirOptions { id_key: IdKey([2; 32]), ..options("a") });
    assert_ne!(urls(&one, "MedicationAdministration"), urls(&other, "MedicationAdministration"));
    assert_ne!(urls(&one, "Patient"), urls(&two, "Patient"));
    assert_ne!(one["identifier"], two["identifier"]);
    let patient = &of_type(&one, "Patient")[0];
    assert!(patient.get("name").is_none() && patient.get("identifier").is_none());
    let named = FhirOptions {
        patient_display: Some("Sam".into()),
        patient_birth_date: Some(d(1961, 4, 2)),
        ..options("c")
    };
    let b = export(&r.diary, &SummaryOptions::default(), &named);
    let plain = &of_type(&b, "Patient")[0];
    assert!(
        plain.get("name").is_none() && plain.get("birthDate").is_none(),
        "no identity in the plain export"
    );
    assert!(!b.to_string().contains("Sam") && !b.to_string().contains("1961"));
    let uuid = "0b7d6d54-0d55-4d0e-9d1e-6a4c1f0e2a11";
    assert_eq!(export(&Diary::default(), &SummaryOptions::default(), &options(uuid))["id"], uuid);
    assert_eq!(format!("{named:?}"), "FhirOptions(<redacted>)");
}

/// Every narrative `div` of a bundle.
fn divs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("div", Value::String(s)) => out.push(s.clone()),
                    _ => divs(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| divs(x, out)),
        _ => {}
    }
}

#[test]
fn narratives_follow_the_language_and_the_bundle_says_which() {
    let r = rich("n");
    let en = export(&r.diary, &SummaryOptions::default(), &options("lang"));
    let mut en_divs = Vec::new();
    divs(&en, &mut en_divs);
    for (lang, key, title, words) in [
        (Lang::Fr, "fr", "Résumé Steady", "Doses notées par le patient"),
        (Lang::Nl, "nl", "Steady-overzicht", "Door de patiënt genoteerde doses"),
        (Lang::Nb, "nb", "Steady-sammendrag", "Doser pasienten registrerte"),
    ] {
        let b = export(&r.diary, &SummaryOptions::default(), &FhirOptions { lang, ..options("lang") });
        check_structure(&b);
        let comp = resources(&b)[0];
        assert_eq!((b["language"].as_str(), comp["language"].as_str()), (Some(key), Some(key)));
        assert!(comp["title"].as_str().unwrap().starts_with(title), "{key}: {}", comp["title"]);
        let mut all = Vec::new();
        divs(&b, &mut all);
        assert!(all.iter().any(|d| d.contains(words)), "{key}");
        // Every narrative the document generates is in that language: none is the English one,
        // except those made only of numbers, names and codes.
        let same: Vec<&String> =
            all.iter().filter(|d| en_divs.contains(d) && d.chars().any(char::is_alphabetic)).collect();
        assert!(same.iter().all(|d| !d.contains(" the ")), "{key}: English narratives left: {same:?}");
        // Coded concepts keep their code system's display; their text is in the document's language.
        assert!(!b.to_string().contains(r#""text":"GAD-7 total score""#), "{key}");
        let achievements: Vec<&str> =
            of_type(&b, "Goal").iter().filter_map(|g| g["achievementStatus"]["text"].as_str()).collect();
        assert!(!achievements.is_empty(), "{key}");
        assert!(
            achievements.iter().all(|a| !["Improving", "Sustaining"].contains(a)),
            "{key}: {achievements:?}"
        );
    }
}

#[test]
fn doses_logged_ahead_of_the_document_are_intended_never_completed() {
    let mut entries = vec![];
    for (when, np) in [
        ("2026-03-08T08:00:00+01:00", false),
        ("2026-03-08T22:00:00+01:00", false),
        ("2026-03-08T23:00:00+01:00", true),
    ] {
        entries.push(dose(DoseDraft {
            taken_at: Some(at(when)),
            drug: "diazepam".into(),
            mg: Some(5.0),
            non_prescribed: np,
            ..DoseDraft::default()
        }));
    }
    let diary = Diary::from_entries(entries);
    // The document is made at noon: the two evening doses were logged ahead.
    let fopts =
        FhirOptions { id_key: IdKey([1; 32]), ..FhirOptions::new("ahead", at("2026-03-08T12:00:00+01:00")) };
    let b = export(&diary, &SummaryOptions::default(), &fopts);
    check_structure(&b);
    let mas = of_type(&b, "MedicationAdministration");
    assert_eq!(mas.len(), 1, "only the morning dose was taken when the document was made");
    assert!(mas[0]["effectiveDateTime"].as_str().unwrap().starts_with("2026-03-08T08:00"));
    let statements = of_type(&b, "MedicationStatement");
    assert_eq!(statements.len(), 2);
    assert!(statements.iter().all(|s| s["status"] == "intended"), "R4: may be taken in the future");
    let doses_div = section(&b, "Doses")["text"]["div"].as_str().unwrap();
    assert!(doses_div.contains("2 doses were logged for a time after this document was made"), "{doses_div}");
    for r in resources(&b) {
        if r["resourceType"] == "MedicationAdministration" || r["resourceType"] == "MedicationStatement" {
            let t = r.get("effectiveDateTime").and_then(Value::as_str).unwrap_or("");
            if t > "2026-03-08T12:00" {
                assert_ne!(r["status"], "completed", "{r}");
            }
        }
    }
}

#[test]
fn one_medication_statement_per_medicine_with_its_period_doses_and_dosage_in_words() {
    let mut entries = vec![];
    let medicine = MedicineDraft {
        drug: "Loramet".into(),
        tablets: Some(1.0),
        strength_mg: Some(1.0),
        times: vec![NaiveTime::from_hms_opt(22, 0, 0).unwrap()],
        from: Some(d(2026, 1, 5)),
        ..MedicineDraft::default()
    }
    .validate(now())
    .unwrap();
    let med = entry(EntryBody::Medicine(Box::new(medicine)));
    let med_id = med.id;
    entries.push(med);
    for day in [10, 11, 12] {
        entries.push(dose(DoseDraft {
            taken_at: Some(at(&format!("2026-02-{day}T22:00:00+01:00"))),
            drug: "Loramet".into(),
            tablets: Some(1.0),
            strength_mg: Some(1.0),
            medicine: Some(med_id),
            ..DoseDraft::default()
        }));
    }
    let diary = Diary::from_entries(entries);
    for (lang, words) in [(Lang::En, "1 tablet of 1 mg, at 22:00"), (Lang::Fr, "1 comprimé de 1 mg, à 22:00")]
    {
        let b = export(&diary, &SummaryOptions::default(), &FhirOptions { lang, ..options("medicine") });
        check_structure(&b);
        let statements = of_type(&b, "MedicationStatement");
        assert_eq!(statements.len(), 1, "one per medicine");
        let ms = statements[0];
        assert_eq!(ms["status"], "active");
        assert_eq!(
            (ms["effectivePeriod"]["start"].as_str(), ms["effectivePeriod"]["end"].as_str()),
            (Some("2026-02-09"), Some("2026-03-08"))
        );
        assert_eq!(ms["medicationCodeableConcept"]["text"], "Loramet");
        assert_eq!(codes(&ms["medicationCodeableConcept"]), ["N05CD06"]);
        assert_eq!(ms["derivedFrom"].as_array().unwrap().len(), 3, "the doses logged for it");
        assert!(ms["dosage"][0]["text"].as_str().unwrap().contains(words), "{}", ms["dosage"][0]["text"]);
        assert_eq!(
            section(
                &b,
                &if lang == Lang::En {
                    "Doses".to_owned()
                } else {
                    resources(&b)[0]["section"][0]["title"].as_str().unwrap().to_owned()
                }
            )["entry"][0]["reference"],
            b["entry"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["resource"]["resourceType"] == "MedicationStatement")
                .unwrap()["fullUrl"]
        );
    }
}

#[test]
fn a_molecule_the_table_has_no_value_for_is_named_never_zero_mg() {
    // Any molecule one of the tables gives no value for (the tables are cited publications).
    let (table, molecule) = EquivalenceTable::ALL
        .iter()
        .flat_map(|t| Molecule::ALL.into_iter().map(move |m| (*t, m)))
        .find(|(t, m)| t.equivalent_to_10mg_diazepam(*m).is_none())
        .expect("some table lacks some molecule");
    let diary = Diary::from_entries(vec![dose(DoseDraft {
        taken_at: Some(at("2026-02-20T22:00:00+01:00")),
        drug: molecule.name().into(),
        mg: Some(1.0),
        ..DoseDraft::default()
    })]);
    let (from, to) = period();
    let sopts = SummaryOptions { today: Some(to), ..SummaryOptions::default() };
    let summary = summary::build_with(&diary, from, to, table, &sopts);
    let b = fhir::bundle(&diary, &summary, &options("no-value"));
    let div = section(&b, "Doses")["text"]["div"].as_str().unwrap();
    let name = table.name();
    assert!(div.contains(&format!("no value in {name}")), "{div}");
    assert!(div.contains(&format!("1 dose with no value in {name}: {}", molecule.name())), "{div}");
    let prescribed = div.split("<b>Prescribed:</b>").nth(1).unwrap().split("</p>").next().unwrap();
    assert!(!prescribed.contains("0 mg"), "never 0 mg DE: {prescribed}");
    assert!(prescribed.contains(&format!("no DE figure: no dose with a value in {name}")), "{prescribed}");
    assert!(div.contains("<td>1 dose without a DE figure</td>"), "the week of the dose: {div}");
    assert!(!div.contains("Trend per week:</b> prescribed"), "no trend from doses without a figure: {div}");
    assert!(!div.contains("unknown strength or substance"), "not 'unknown strength': {div}");
}

#[test]
fn every_local_code_is_defined_in_the_documented_code_system() {
    let cs: Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/../docs/fhir/CodeSystem-steady.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap();
    assert_eq!(cs["url"], fhir::STEADY_CODES);
    let defined: BTreeSet<&str> =
        cs["concept"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap()).collect();
    let r = rich("n");
    let b = export(&r.diary, &SummaryOptions::default(), &FhirOptions { ips: true, ..options("codes") });
    fn walk<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
        match v {
            Value::Object(m) => {
                if m.get("system").and_then(Value::as_str) == Some(fhir::STEADY_CODES) {
                    out.push(m["code"].as_str().unwrap());
                }
                m.values().for_each(|x| walk(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut used = Vec::new();
    walk(&b, &mut used);
    assert!(used.len() > 20);
    for code in used {
        assert!(defined.contains(code), "{code} is not defined in docs/fhir/CodeSystem-steady.json");
    }
}

const IPS: &str = "http://hl7.org/fhir/uv/ips/StructureDefinition/";

fn profiles(r: &Value) -> Vec<String> {
    r["meta"]["profile"]
        .as_array()
        .map(|a| a.iter().map(|p| p.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

#[test]
fn the_ips_variant_has_its_type_profiles_required_sections_and_no_invented_identity() {
    let r = rich("n");
    let b = export(&r.diary, &SummaryOptions::default(), &FhirOptions { ips: true, ..options("ips") });
    check_structure(&b);
    assert_eq!(profiles(&b), [format!("{IPS}Bundle-uv-ips")]);
    let comp = resources(&b)[0];
    assert_eq!(codes(&comp["type"]), ["60591-5"]);
    assert_eq!(profiles(comp), [format!("{IPS}Composition-uv-ips")]);
    let section_codes: Vec<String> =
        comp["section"].as_array().unwrap().iter().flat_map(|s| codes(&s["code"])).collect();
    assert_eq!(section_codes.len(), comp["section"].as_array().unwrap().len(), "every section coded");
    for required in ["10160-0", "48765-2", "11450-4"] {
        assert!(section_codes.contains(&required.to_owned()), "{required}");
    }
    let allergy = of_type(&b, "AllergyIntolerance");
    assert_eq!(codes(&allergy[0]["code"]), ["no-allergy-info"]);
    assert_eq!(allergy[0]["code"]["coding"][0]["system"], fhir::IPS_ABSENT_UNKNOWN);
    assert_eq!(codes(&of_type(&b, "Condition")[0]["code"]), ["no-problem-info"]);
    for t in ["Patient", "MedicationStatement", "AllergyIntolerance", "Condition"] {
        for r in of_type(&b, t) {
            assert_eq!(profiles(r), [format!("{IPS}{t}-uv-ips")], "{t}");
        }
    }
    // No identity entered: nothing made up, the gap said with data-absent-reason.
    let patient = &of_type(&b, "Patient")[0];
    assert!(patient.get("birthDate").is_none() && patient["name"][0].get("text").is_none());
    assert_eq!(patient["_birthDate"]["extension"][0]["valueCode"], "masked");
    assert_eq!(patient["name"][0]["extension"][0]["valueCode"], "masked");
    // With the identity the patient entered.
    let named = FhirOptions {
        ips: true,
        patient_display: Some("Sam Peeters".into()),
        patient_birth_date: Some(d(1961, 4, 2)),
        ..options("ips-named")
    };
    let b = export(&r.diary, &SummaryOptions::default(), &named);
    let patient = &of_type(&b, "Patient")[0];
    assert_eq!(
        (patient["name"][0]["text"].as_str(), patient["birthDate"].as_str()),
        (Some("Sam Peeters"), Some("1961-04-02"))
    );
    assert!(patient.get("_birthDate").is_none());
    // The plain export has none of it.
    let plain = export(&r.diary, &SummaryOptions::default(), &options("plain"));
    assert_eq!(codes(&resources(&plain)[0]["type"]), ["51855-5"]);
    assert!(!plain.to_string().contains("uv-ips") && of_type(&plain, "AllergyIntolerance").is_empty());
    // An empty diary says it has no information about medications either.
    let empty = export(
        &Diary::default(),
        &SummaryOptions::default(),
        &FhirOptions { ips: true, ..options("ips-empty") },
    );
    check_structure(&empty);
    assert_eq!(
        codes(&of_type(&empty, "MedicationStatement")[0]["medicationCodeableConcept"]),
        ["no-medication-info"]
    );
}

/// Writes the sample bundles tests/fhir/run.sh validates with the independent validators.
#[test]
#[ignore = "writes files; run by tests/fhir/run.sh"]
fn write_fhir_samples() {
    let dir = std::env::var("FHIR_SAMPLES_DIR")
        .unwrap_or_else(|_| format!("{}/../target/fhir-samples", env!("CARGO_MANIFEST_DIR")));
    std::fs::create_dir_all(&dir).unwrap();
    let r = rich("a note with <markup> & \"quotes\"");
    let hide: BTreeSet<Hideable> = [Hideable::Sleep, Hideable::Plan, Hideable::Questions].into();
    let samples = [
        ("rich", export(&r.diary, &SummaryOptions::default(), &options("rich"))),
        (
            "nonprescribed-excluded",
            export(
                &r.diary,
                &SummaryOptions::default(),
                &FhirOptions { include_nonprescribed: false, include_notes: false, ..options("excluded") },
            ),
        ),
        (
            "summary-hides-sections",
            export(&r.diary, &SummaryOptions { hide, ..SummaryOptions::default() }, &options("hidden")),
        ),
        ("empty", export(&Diary::default(), &SummaryOptions::default(), &options("empty"))),
        (
            "rich-fr",
            export(&r.diary, &SummaryOptions::default(), &FhirOptions { lang: Lang::Fr, ..options("fr") }),
        ),
        (
            "rich-nb",
            export(&r.diary, &SummaryOptions::default(), &FhirOptions { lang: Lang::Nb, ..options("nb") }),
        ),
        (
            "ips-rich",
            export(
                &r.diary,
                &SummaryOptions::default(),
                &FhirOptions {
                    ips: true,
                    lang: Lang::Nl,
                    patient_display: Some("Sam Peeters".into()),
                    patient_birth_date: Some(d(1961, 4, 2)),
                    ..options("ips-rich")
                },
            ),
        ),
        (
            "ips-anonymous",
            export(
                &r.diary,
                &SummaryOptions::default(),
                &FhirOptions { ips: true, ..options("ips-anonymous") },
            ),
        ),
        (
            "ips-empty",
            export(
                &Diary::default(),
                &SummaryOptions::default(),
                &FhirOptions {
                    ips: true,
                    lang: Lang::Fr,
                    patient_display: Some("Marie Dubois".into()),
                    patient_birth_date: Some(d(1958, 11, 30)),
                    ..options("ips-empty")
                },
            ),
        ),
    ];
    for (name, b) in samples {
        check_structure(&b);
        let path = format!("{dir}/{name}.json");
        std::fs::write(&path, serde_json::to_string_pretty(&b).unwrap()).unwrap();
        println!("wrote {path}");
    }
}

/// A diary for the free-text checks: a goal with a review date and who agreed, and a plan with a
/// switch, a hold, a pace change, an end, steps faster than the pace and an oral-liquid tail.
fn free_text_diary() -> Diary {
    let plan = PlanDraft {
        drug: "diazepam".into(),
        start_mg: 10.0,
        start: Some(d(2026, 1, 5)),
        percent: Some(25.0),
        interval_days: Some(7),
        strengths_mg: vec![2.0, 5.0],
        split: Split::Half,
        floor_mg: Some(0.0),
        tail: Some(Tail::Liquid { mg_per_ml: 0.4, min_ml: 0.5 }),
        switch: Some(SwitchDraft {
            from_drug: "alprazolam".into(),
            from_mg: 0.5,
            table: Some(EquivalenceTable::Ashton),
            agreed_with: "Dr. Claes".into(),
        }),
        ..PlanDraft::default()
    }
    .validate(at("2026-01-05T09:00:00+01:00"))
    .unwrap()
    .hold(d(2026, 1, 19), "a hard week")
    .unwrap()
    .resume(d(2026, 1, 26))
    .unwrap()
    .change_pace(d(2026, 2, 2), 10.0, 14)
    .unwrap()
    .end(d(2026, 3, 1), Some("changed my goal"))
    .unwrap();
    let goal = GoalDraft {
        set_at: Some(at("2026-01-05T10:00:00+01:00")),
        kind: GoalType::parse("reduce").unwrap(),
        what_matters: "Sleep without fear".into(),
        drug: Some("diazepam".into()),
        target_mg: Some(5.0),
        due: Some(d(2026, 9, 1)),
        review_on: Some(d(2026, 4, 1)),
        proposed_by: Proposer::Clinician,
        agreed_with: Some("Dr. Peeters".into()),
    }
    .validate(now())
    .unwrap();
    Diary::from_entries(vec![entry(EntryBody::Plan(Box::new(plan))), entry(EntryBody::Goal(goal))])
}

/// The free text of the Goal and the CarePlan: Goal notes and target measure, CarePlan description,
/// activity descriptions and notes.
fn free_texts(b: &Value) -> (Vec<String>, String, Vec<String>, Vec<String>) {
    let strings = |v: &Value, key: &str| -> Vec<String> {
        v.as_array().unwrap().iter().map(|x| x[key].as_str().unwrap().to_owned()).collect()
    };
    let goal = of_type(b, "Goal")[0];
    let mut goal_text = strings(&goal["note"], "text");
    goal_text.push(goal["target"][0]["measure"]["text"].as_str().unwrap().to_owned());
    let plan = of_type(b, "CarePlan")[0];
    let activities = plan["activity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["detail"]["description"].as_str().unwrap().to_owned())
        .collect();
    (goal_text, plan["description"].as_str().unwrap().to_owned(), activities, strings(&plan["note"], "text"))
}

const ENGLISH_SENTENCES: [&str; 15] = [
    "Treatment goal",
    "Proposed by",
    "agreed with",
    "Next review",
    "daily dose of",
    "Taper of",
    "Hold",
    "Pace changed",
    "Plan ended",
    "faster than the chosen",
    "daily",
    "tablets:",
    "Tablets:",
    "of liquid",
    "does not prescribe",
];

#[test]
fn goal_and_care_plan_free_text_is_in_the_document_language() {
    let diary = free_text_diary();
    for (lang, words) in [
        (
            Lang::Fr,
            [
                "Objectif thérapeutique — diazépam : réduire à 5 mg/jour.",
                "Proposé par le soignant ; convenu avec Dr. Peeters.",
                "Prochaine évaluation",
                "dose quotidienne de diazépam",
                "Diminution de diazépam à partir de 10 mg par jour",
                "Palier 1 : 7,5 mg de diazépam par jour, 25",
                "Comprimés : 1 × 5 mg + 0,5 × 2 mg.",
                "ml de solution",
                "Ce palier correspond à",
                "Pause : 19 – 25 janv. 2026 (7 jours) : a hard week. Le calendrier est décalé",
                "Rythme modifié à partir du 2 févr. 2026 : 10",
                "Plan arrêté le 1er mars 2026 : changed my goal.",
                "paliers plus rapides que le rythme choisi",
                "Passage au diazépam avant la diminution : alprazolam 0,5 mg ≈ 10 mg de diazépam",
            ],
        ),
        (
            Lang::Nb,
            [
                "Behandlingsmål: Trappe ned diazepam til 5 mg/dag.",
                "Foreslått av behandleren; avtalt med Dr. Peeters.",
                "Neste evaluering",
                "døgndose av diazepam",
                "Nedtrapping av diazepam fra 10 mg per dag",
                "Trinn 1: 7,5 mg diazepam per dag, 25",
                "Tabletter: 1 × 5 mg + 0,5 × 2 mg.",
                "ml mikstur",
                "Dette trinnet tilsvarer",
                "Pause: 19. – 25. jan. 2026 (7 dager): a hard week. Planen flyttes",
                "Tempoet ble endret fra 2. feb. 2026: 10",
                "Planen ble avsluttet 1. mars 2026: changed my goal.",
                "trinn raskere enn det valgte tempoet",
                "Byttet til diazepam før nedtrappingen: alprazolam 0,5 mg ≈ 10 mg diazepam",
            ],
        ),
    ] {
        let b = export(&diary, &SummaryOptions::default(), &FhirOptions { lang, ..options("free") });
        check_structure(&b);
        let (goal, description, activities, notes) = free_texts(&b);
        let all: Vec<&String> = goal.iter().chain([&description]).chain(&activities).chain(&notes).collect();
        // French puts a (narrow) no-break space before a colon; compare with plain spaces.
        let joined = all
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
            .replace(['\u{a0}', '\u{202f}'], " ");
        for w in words {
            assert!(joined.contains(w), "{lang:?}: no {w:?} in\n{joined}");
        }
        for english in ENGLISH_SENTENCES {
            // "Hold" is the patient's word nowhere here; the reasons are their own (English) words.
            let found: Vec<&&String> = all.iter().filter(|s| s.contains(english)).collect();
            assert!(found.is_empty(), "{lang:?}: English {english:?} in {found:?}");
        }
        // Tail steps are the liquid, never tablets; numbers use the decimal comma.
        let tail: Vec<&String> = activities.iter().filter(|a| a.contains(" ml ")).collect();
        assert!(!tail.is_empty(), "{lang:?}: no liquid step in {activities:?}");
        assert!(tail.iter().all(|a| !a.contains(" × ")), "{lang:?}: {tail:?}");
        assert!(!joined.contains("7.5 mg"), "{lang:?}: decimal point in\n{joined}");
    }
}

#[test]
fn goal_and_care_plan_free_text_reads_well_in_english() {
    let b = export(&free_text_diary(), &SummaryOptions::default(), &options("free"));
    let (goal, description, activities, notes) = free_texts(&b);
    assert_eq!(
        goal,
        [
            "Treatment goal: Reduce diazepam to 5 mg/day.",
            "Proposed by the clinician; agreed with Dr. Peeters.",
            "Next review: 1 Apr 2026",
            "daily dose of diazepam",
        ]
    );
    assert!(description.starts_with("Taper of diazepam from 10 mg per day: 25"), "{description}");
    assert!(description.ends_with("Patient-paced; Steady records and computes, it does not prescribe."));
    assert!(description.contains("oral liquid 0.4 mg per ml"), "{description}");
    assert_eq!(activities[0], "10 mg diazepam daily (start dose). Tablets: 2 × 5 mg.");
    assert!(activities[1].starts_with("Step 1: 7.5 mg diazepam daily, 25"), "{}", activities[1]);
    assert!(
        activities.iter().any(|a| a.contains("ml of liquid") && !a.contains("Tablets")),
        "{activities:?}"
    );
    assert!(activities.iter().any(|a| a.contains("faster than the usual limit of the ASAM 2025")));
    let note = |start: &str| notes.iter().any(|n| n.starts_with(start));
    assert!(note("Switched to diazepam before the taper: alprazolam 0.5 mg ≈ 10 mg diazepam"), "{notes:?}");
    assert!(note("Hold: 19 – 25 Jan 2026 (7 days): a hard week. The schedule moves later"), "{notes:?}");
    assert!(note("Pace changed from 2 Feb 2026: 10"), "{notes:?}");
    assert!(note("Plan ended on 1 Mar 2026: changed my goal."), "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("faster than the chosen pace (pace: standard")), "{notes:?}");
}
