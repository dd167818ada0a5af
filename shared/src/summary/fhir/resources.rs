//! One builder per FHIR R4 resource the export contains, each from one diary entry (or the plan),
//! plus the documented mappings from Steady's terms to FHIR value sets. Every builder writes the
//! resource's members, in sorted key order, into the bundle's JSON (see json.rs); empty elements are
//! left out by the writer, so optional facts need no checks here.

use super::json::{Arr, Obj};
use super::{
    care_text, narrative, qty_mg, quantity, reference, Ctx, Ref, ATC, LOINC, SLEEP_DURATION_LOINC,
    STEADY_CODES,
};
use crate::domain::scores::{GAD7_PANEL_LOINC, GAD7_TOTAL_LOINC};
use crate::domain::Keyed;
use crate::domain::TaperPlan;
use crate::domain::{
    Amount, AnxietyRating, Dose, Gad7, Goal, GoalKind, GoalReview, GoalStatus, LocalInstant, Molecule,
    Proposer, ReviewDecision, SleepNight, Substance, Use,
};
use crate::i18n::Arg;
use crate::plan::{Schedule, StepStatus};
use crate::summary::{MedicineSummary, RegimenLine};
use chrono::{Days, NaiveDate, SecondsFormat};

const OBSERVATION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
const MED_ADMIN_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/medication-admin-category";
const MED_STATEMENT_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/medication-statement-category";
const GOAL_ACHIEVEMENT: &str = "http://terminology.hl7.org/CodeSystem/goal-achievement";
const GOAL_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/goal-category";

/// GAD-7 item codes in questionnaire order (LOINC, as used by the HL7 Personal Health Record
/// Format IG's GAD-7 example): nervous, can't stop worrying, worrying too much, trouble relaxing,
/// restless, irritable, afraid.
const GAD7_ITEMS: [(&str, &str); 7] = [
    ("69725-0", "Feeling nervous, anxious or on edge"),
    ("68509-9", "Not being able to stop or control worrying"),
    ("69733-4", "Worrying too much about different things"),
    ("69734-2", "Trouble relaxing"),
    ("69735-9", "Being so restless that it is hard to sit still"),
    ("69689-8", "Becoming easily annoyed or irritable"),
    ("69736-7", "Feeling afraid as if something awful might happen"),
];

/// LOINC answer list for the GAD-7 items (scores 0…3).
const GAD7_ANSWERS: [(&str, &str); 4] = [
    ("LA6568-5", "Not at all"),
    ("LA6569-3", "Several days"),
    ("LA6570-1", "More than half the days"),
    ("LA6571-9", "Nearly every day"),
];

/// An RFC 3339 timestamp with the patient's own offset (FHIR `dateTime`).
pub fn date_time(t: &LocalInstant) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// The same moment for a person: "2026-02-10 09:00 (UTC+01:00)".
fn when(t: &LocalInstant) -> String {
    t.format("%Y-%m-%d %H:%M (UTC%:z)").to_string()
}

/// A Coding's members (`code`, `display`, `system`: the sorted order).
fn coding(o: &mut Obj, system: &str, code: &str, display: &str) {
    o.str("code", code).str("display", display).str("system", system);
}

/// A CodeableConcept's members: one coding, and `text` when given.
fn concept(o: &mut Obj, system: &str, code: &str, display: &str, text: Option<&str>) {
    o.arr("coding", |a| {
        a.obj(|o| coding(o, system, code, display));
    })
    .opt_str("text", text);
}

/// A CodeableConcept with text only.
fn text_concept(o: &mut Obj, text: &str) {
    o.str("text", text);
}

/// `category`: survey.
fn survey_category(o: &mut Obj) {
    o.arr("category", |a| {
        a.obj(|o| concept(o, OBSERVATION_CATEGORY, "survey", "Survey", None));
    });
}

/// `note`: the patient's note, only when notes are included (and left out when blank).
fn notes(o: &mut Obj, ctx: &Ctx, note: Option<&str>) {
    o.arr("note", |a| {
        if let Some(text) = note.filter(|_| ctx.show_notes) {
            a.obj(|o| {
                o.str("text", text);
            });
        }
    });
}

/// `performer` of an Observation: the patient.
fn performer(o: &mut Obj, ctx: &Ctx) {
    o.arr("performer", |a| {
        a.obj(|o| reference(o, &ctx.patient));
    });
}

/// The members every Observation has from `performer` on (the sorted order puts them last).
fn observation_tail(o: &mut Obj, ctx: &Ctx, line: &str) {
    performer(o, ctx);
    o.str("resourceType", "Observation").str("status", "final");
    o.obj("subject", |o| reference(o, &ctx.patient));
    narrative(o, line);
}

/// The medication as a CodeableConcept: ATC coding with the molecule (INN) as display, or text
/// only for an unknown substance (never a guessed code). `text` is the name the patient typed or
/// knows it by ("Xanax" bought on the street) when there is one, otherwise the molecule's name in
/// the document's language.
pub fn medication_concept(o: &mut Obj, substance: Substance, typed: Option<&str>, ctx: &Ctx) {
    let text = match (typed.filter(|t| !t.trim().is_empty()), substance) {
        (Some(t), _) => t.to_owned(),
        (None, Substance::Known(m)) => ctx.t.molecule(m),
        (None, Substance::Unknown) => ctx.t.t("unknown-substance"),
    };
    match substance {
        Substance::Known(m) => concept(o, ATC, m.atc(), m.name(), Some(&text)),
        Substance::Unknown => text_concept(o, &text),
    }
}

/// A coding of Steady's own code system (see [`STEADY_CODES`] and README, "FHIR export").
fn steady_concept(o: &mut Obj, code: &str, display: &str, text: &str) {
    concept(o, STEADY_CODES, code, display, Some(text));
}

fn molecule_concept(o: &mut Obj, m: Molecule) {
    concept(o, ATC, m.atc(), m.name(), Some(m.name()));
}

/// "1 tablet", "0.75 tablet", "2 tablets" in the document's language.
fn tablets_word(t: &crate::i18n::Texts, tablets: f64) -> String {
    t.t_args("fhir-tablets", &[("n", Arg::Dec(tablets, 2)), ("whole", Arg::from(u8::from(tablets > 1.0)))])
}

/// A dose as the patient logged it, in words ("1 tablet of 2 mg", "27 mg", "1 tablet, strength
/// unknown"), and as a Quantity: mg (UCUM) when the strength is known, otherwise the tablet count
/// (UCUM `{tablet}`), never a guessed mg.
fn dose_amount(t: &crate::i18n::Texts, amount: Amount) -> (String, (f64, &'static str, &'static str)) {
    match amount {
        Amount::Mg(mg) => (t.mg(mg), (mg, "mg", "mg")),
        Amount::Tablets { quarters, strength_mg: Some(s) } => {
            let n = f64::from(quarters) / 4.0;
            (
                t.t_args(
                    "fhir-tablets-of",
                    &[("tablets", Arg::Str(tablets_word(t, n))), ("strength", Arg::Str(t.mg(s)))],
                ),
                (s * n, "mg", "mg"),
            )
        }
        Amount::Tablets { quarters, strength_mg: None } => {
            let n = f64::from(quarters) / 4.0;
            (
                t.t_args("fhir-tablets-unknown-strength", &[("tablets", Arg::Str(tablets_word(t, n)))]),
                (n, "tablet", "{tablet}"),
            )
        }
    }
}

/// The name shown for a dose's substance in a narrative: the typed name with the molecule,
/// "Xanax (alprazolam)", or the molecule alone.
fn dose_name(t: &crate::i18n::Texts, dose: &Dose) -> String {
    let inn = match dose.substance {
        Substance::Known(m) => t.molecule(m),
        Substance::Unknown => t.t("unknown-substance"),
    };
    match dose.typed_name.as_deref() {
        Some(typed) => format!("{typed} ({inn})"),
        None => inn,
    }
}

/// The narrative line of a dose: when, what, how much, prescribed or not.
fn dose_line(ctx: &Ctx, dose: &Dose, amount: &str, id: &str) -> String {
    ctx.t.t_args(
        id,
        &[
            ("when", Arg::Str(when(&dose.taken_at))),
            ("substance", Arg::Str(dose_name(ctx.t, dose))),
            ("amount", Arg::Str(amount.to_owned())),
            (
                "use",
                Arg::Str(ctx.t.t(match dose.use_ {
                    Use::Prescribed => "fhir-use-prescribed",
                    Use::NonPrescribed => "fhir-use-non-prescribed",
                })),
            ),
        ],
    )
}

/// `meta.profile` with one IPS profile, in the IPS variant only.
pub(crate) fn ips_profile(o: &mut Obj, ctx: &Ctx, profile: &str) {
    if ctx.ips {
        o.obj("meta", |o| {
            o.arr("profile", |a| {
                a.str(&format!("{}{profile}", super::IPS_PROFILE_BASE));
            });
        });
    }
}

/// MedicationAdministration for one prescribed dose taken at or before the document's time.
///
/// - `status` completed, `effectiveDateTime` with the patient's offset, `subject` and `performer`
///   the patient (self-administered, self-reported).
/// - `category`: `medication-admin-category#community` (taken at home), the code system this
///   resource's category binds to. Non-prescribed use and doses logged ahead are
///   MedicationStatements instead (see [`dose_statement`]). There is never a `request`: Steady
///   holds no prescriptions.
/// - `dosage.dose` in mg (UCUM) when the strength is known; unknown strength stays unknown (the
///   tablet count in UCUM `{tablet}`, R4 invariant mad-1 requires a dose or a rate).
pub fn medication_administration(o: &mut Obj, r: &Ref, dose: &Dose, ctx: &Ctx) {
    let (dosage_text, (value, unit, code)) = dose_amount(ctx.t, dose.amount);
    let line = dose_line(ctx, dose, &dosage_text, "fhir-dose-line");
    o.obj("category", |o| {
        concept(o, MED_ADMIN_CATEGORY, "community", "Community", Some(&ctx.t.t("fhir-category-community")))
    })
    .obj("dosage", |o| {
        o.obj("dose", |o| quantity(o, value, unit, code)).str("text", &dosage_text);
    })
    .str("effectiveDateTime", &date_time(&dose.taken_at))
    .str("id", &r.id)
    .obj("medicationCodeableConcept", |o| {
        medication_concept(o, dose.substance, dose.typed_name.as_deref(), ctx)
    });
    notes(o, ctx, dose.note.as_deref());
    o.arr("performer", |a| {
        a.obj(|o| {
            o.obj("actor", |o| reference(o, &ctx.patient));
        });
    })
    .str("resourceType", "MedicationAdministration")
    .str("status", "completed")
    .obj("subject", |o| reference(o, &ctx.patient));
    narrative(o, &line);
}

/// Whether a dose was logged for a time after the document was made ("logged ahead").
pub fn logged_ahead(dose: &Dose, ctx: &Ctx) -> bool {
    dose.taken_at > ctx.timestamp
}

/// MedicationStatement for one dose that is not a prescribed dose already taken:
///
/// - non-prescribed use: `category` `medication-statement-category#patientspecified` (the code
///   system this resource's category binds to), `status` completed;
/// - a dose logged for a time after the document's timestamp: `status` **intended** (R4: "the
///   medication may be taken at some time in the future"), never completed, since at the
///   document's time it had not been taken; `category` community or patientspecified as above.
///
/// `medicationCodeableConcept.text` keeps the name the patient typed ("Xanax"), the ATC coding
/// the molecule it resolved to. Dose as in [`medication_administration`], in
/// `dosage.doseAndRate.doseQuantity`; `informationSource` the patient.
pub fn dose_statement(o: &mut Obj, r: &Ref, dose: &Dose, ctx: &Ctx) {
    let ahead = logged_ahead(dose, ctx);
    let (dosage_text, (value, unit, code)) = dose_amount(ctx.t, dose.amount);
    let line =
        dose_line(ctx, dose, &dosage_text, if ahead { "fhir-dose-line-ahead" } else { "fhir-dose-line" });
    o.obj("category", |o| statement_category(o, dose.use_, ctx))
        .arr("dosage", |a| {
            a.obj(|o| {
                o.arr("doseAndRate", |a| {
                    a.obj(|o| {
                        o.obj("doseQuantity", |o| quantity(o, value, unit, code));
                    });
                })
                .str("text", &dosage_text);
            });
        })
        .str("effectiveDateTime", &date_time(&dose.taken_at))
        .str("id", &r.id)
        .obj("informationSource", |o| reference(o, &ctx.patient))
        .obj("medicationCodeableConcept", |o| {
            medication_concept(o, dose.substance, dose.typed_name.as_deref(), ctx)
        });
    ips_profile(o, ctx, "MedicationStatement-uv-ips");
    notes(o, ctx, dose.note.as_deref());
    o.str("resourceType", "MedicationStatement")
        .str("status", if ahead { "intended" } else { "completed" })
        .obj("subject", |o| reference(o, &ctx.patient));
    narrative(o, &line);
}

/// `medication-statement-category`: community for prescribed use (taken at home), patientspecified
/// for use outside the prescription.
fn statement_category(o: &mut Obj, use_: Use, ctx: &Ctx) {
    match use_ {
        Use::Prescribed => concept(
            o,
            MED_STATEMENT_CATEGORY,
            "community",
            "Community",
            Some(&ctx.t.t("fhir-category-community")),
        ),
        Use::NonPrescribed => concept(
            o,
            MED_STATEMENT_CATEGORY,
            "patientspecified",
            "Patient Specified",
            Some(&ctx.t.t("fhir-category-non-prescribed")),
        ),
    }
}

/// One regimen period of a medicine in words: "from 9 Feb 2026: 1 tablet of 1 mg at 08:00, 22:00".
fn regimen_text(t: &crate::i18n::Texts, line: &RegimenLine) -> String {
    let amount = match (line.tablets, line.strength_mg, line.mg) {
        (Some(n), Some(s), _) => t.t_args(
            "fhir-tablets-of",
            &[("tablets", Arg::Str(tablets_word(t, n))), ("strength", Arg::Str(t.mg(s)))],
        ),
        (Some(n), None, _) => {
            t.t_args("fhir-tablets-unknown-strength", &[("tablets", Arg::Str(tablets_word(t, n)))])
        }
        (None, _, Some(mg)) => t.mg(mg),
        (None, _, None) => t.t("unknown"),
    };
    let times: Vec<String> = line.times.iter().map(|x| x.format("%H:%M").to_string()).collect();
    let when = if times.is_empty() {
        t.t("fhir-regimen-as-needed")
    } else {
        t.t_args("fhir-regimen-at", &[("times", Arg::Str(times.join(", ")))])
    };
    t.t_args(
        "fhir-regimen",
        &[("date", Arg::Str(t.date(line.from))), ("amount", Arg::Str(amount)), ("when", Arg::Str(when))],
    )
}

/// MedicationStatement for one medicine on the patient's list over the summary's period: one per
/// medicine, `effectivePeriod` from the later of its start and the period's start to the earlier
/// of its stop and the period's end, `status` completed when stopped within the period, otherwise
/// active; one `dosage` per regimen period with its text in the document's language;
/// `derivedFrom` the dose resources logged for it; `medicationCodeableConcept.text` the name the
/// patient knows it by, the ATC coding its molecule.
pub fn medicine_statement(
    o: &mut Obj,
    r: &Ref,
    m: &MedicineSummary,
    molecule: Molecule,
    period: (NaiveDate, NaiveDate),
    doses: &[String],
    ctx: &Ctx,
) {
    let start = m.started.max(period.0);
    let stopped = m.stopped.filter(|s| *s <= period.1);
    let end = stopped.unwrap_or(period.1);
    let regimen: Vec<String> = m.regimen.iter().map(|l| regimen_text(ctx.t, l)).collect();
    let line = ctx.t.t_args(
        "fhir-medicine-line",
        &[
            ("name", Arg::Str(m.name.clone())),
            ("molecule", Arg::Str(ctx.t.molecule(molecule))),
            (
                "use",
                Arg::Str(ctx.t.t(match m.use_ {
                    Use::Prescribed => "fhir-use-prescribed",
                    Use::NonPrescribed => "fhir-use-non-prescribed",
                })),
            ),
            ("range", Arg::Str(ctx.t.date_range(start, end))),
            ("n", Arg::from(doses.len())),
            ("regimen", Arg::Str(regimen.join("; "))),
        ],
    );
    o.obj("category", |o| statement_category(o, m.use_, ctx))
        .arr("derivedFrom", |a| {
            for u in doses {
                a.obj(|o| reference(o, u));
            }
        })
        .arr("dosage", |a| {
            for text in &regimen {
                a.obj(|o| {
                    o.str("text", text);
                });
            }
        })
        .obj("effectivePeriod", |o| {
            o.str("end", &end.to_string()).str("start", &start.to_string());
        })
        .str("id", &r.id)
        .obj("informationSource", |o| reference(o, &ctx.patient))
        .obj("medicationCodeableConcept", |o| {
            medication_concept(o, Substance::Known(molecule), Some(&m.name), ctx)
        });
    ips_profile(o, ctx, "MedicationStatement-uv-ips");
    o.str("resourceType", "MedicationStatement")
        .str("status", if stopped.is_some() { "completed" } else { "active" })
        .obj("subject", |o| reference(o, &ctx.patient));
    narrative(o, &line);
}

/// Observation of one night (LOINC 93832-4 sleep duration, hours in UCUM `h`). The night is an
/// `effectivePeriod` of dates (the evening it began → the next morning): the diary keeps the night
/// as a local date without an offset, and a FHIR time needs one, so no clock time is invented. The
/// other Consensus Sleep Diary items are components coded in Steady's own code system (LOINC has
/// no code we could verify for these diary items; see README, "FHIR export").
pub fn sleep(o: &mut Obj, r: &Ref, night: &SleepNight, ctx: &Ctx) {
    let total = night.total_sleep_min();
    let hours = total.map_or_else(|| ctx.t.t("not-logged"), |m| ctx.t.hours(m as f64 / 60.0));
    let line = ctx.t.t_args(
        "fhir-sleep-line",
        &[
            ("date", Arg::Str(ctx.t.date(night.night))),
            ("hours", Arg::Str(hours)),
            ("quality", Arg::Str(ctx.t.sleep_quality(night.quality))),
        ],
    );
    let end = night.night.checked_add_days(Days::new(1)).unwrap_or(night.night);
    survey_category(o);
    o.obj("code", |o| {
        concept(o, LOINC, SLEEP_DURATION_LOINC, "Sleep duration", Some(&ctx.t.t("fhir-code-sleep-duration")))
    })
    .arr("component", |a| sleep_components(a, night, ctx));
    if total.is_none() {
        o.obj("dataAbsentReason", |o| text_concept(o, &ctx.t.t("not-logged")));
    }
    o.obj("effectivePeriod", |o| {
        o.str("end", &end.to_string()).str("start", &night.night.to_string());
    })
    .str("id", &r.id);
    notes(o, ctx, night.note.as_deref());
    observation_tail(o, ctx, &line);
    if let Some(min) = total {
        o.obj("valueQuantity", |o| quantity(o, min as f64 / 60.0, "h", "h"));
    }
}

/// The codes of Steady's code system used for the sleep diary items: (code, display, message id
/// of the localised text).
const SLEEP_QUALITY: (&str, &str, &str) = (
    "sleep-quality",
    "Sleep quality (Consensus Sleep Diary), 1 very poor to 5 very good",
    "fhir-code-sleep-quality",
);
const SLEEP_AWAKENINGS: (&str, &str, &str) =
    ("sleep-awakenings", "Number of awakenings", "fhir-code-awakenings");
const SLEEP_LATENCY: (&str, &str, &str) = ("sleep-latency", "Time to fall asleep", "fhir-code-sleep-latency");
const SLEEP_WASO: (&str, &str, &str) = ("sleep-waso", "Time awake after sleep onset", "fhir-code-waso");
const SLEEP_IN_BED: (&str, &str, &str) = ("sleep-time-in-bed", "Time in bed", "fhir-code-time-in-bed");
const SLEEP_EFFICIENCY: (&str, &str, &str) =
    ("sleep-efficiency", "Sleep efficiency (time asleep / time in bed)", "fhir-code-sleep-efficiency");

/// The Consensus Sleep Diary items of a night other than its duration, as coded components.
fn sleep_components(a: &mut Arr, night: &SleepNight, ctx: &Ctx) {
    let code = |o: &mut Obj, (c, d, id): (&str, &str, &str)| {
        o.obj("code", |o| steady_concept(o, c, d, &ctx.t.t(id)));
    };
    let integer = |a: &mut Arr, c: (&str, &str, &str), v: i64| {
        a.obj(|o| {
            code(o, c);
            o.int("valueInteger", v);
        });
    };
    let measured = |a: &mut Arr, c: (&str, &str, &str), v: f64, unit: &str| {
        a.obj(|o| {
            code(o, c);
            o.obj("valueQuantity", |o| quantity(o, v, unit, unit));
        });
    };
    integer(a, SLEEP_QUALITY, night.quality.score().into());
    if let Some(n) = night.awakenings {
        integer(a, SLEEP_AWAKENINGS, n.into());
    }
    if let Some(m) = night.latency_min {
        measured(a, SLEEP_LATENCY, f64::from(m), "min");
    }
    if let Some(m) = night.waso_min {
        measured(a, SLEEP_WASO, f64::from(m), "min");
    }
    if let Some(t) = night.time_in_bed_min() {
        measured(a, SLEEP_IN_BED, t as f64, "min");
    }
    if let Some(e) = night.efficiency_percent() {
        measured(a, SLEEP_EFFICIENCY, e, "%");
    }
}

/// Observation of one daily 0–10 anxiety rating: coded `anxiety-rating` in Steady's code system
/// (LOINC has no code for this generic numeric anxiety rating that we could verify, so none is
/// asserted), the value an integer.
pub fn anxiety(o: &mut Obj, r: &Ref, rating: &AnxietyRating, ctx: &Ctx) {
    let line = ctx.t.t_args(
        "fhir-anxiety-line",
        &[("when", Arg::Str(when(&rating.at))), ("score", Arg::from(rating.score))],
    );
    survey_category(o);
    o.obj("code", |o| {
        steady_concept(
            o,
            "anxiety-rating",
            "Anxiety rating, 0 (none) to 10 (worst), patient-reported",
            &ctx.t.t("fhir-code-anxiety"),
        )
    })
    .str("effectiveDateTime", &date_time(&rating.at))
    .str("id", &r.id);
    notes(o, ctx, rating.note.as_deref());
    observation_tail(o, ctx, &line);
    o.int("valueInteger", rating.score);
}

/// A GAD-7 as two Observations: the panel (LOINC 69737-5) with the seven items as components
/// (LOINC item codes, LOINC answer codes) and `hasMember` pointing to the total score (LOINC
/// 70274-6, `valueInteger`, band in `interpretation.text`). This writes the panel; [`gad7_total`]
/// the total.
pub fn gad7_panel(o: &mut Obj, panel: &Ref, total: &Ref, g: &Gad7, ctx: &Ctx) {
    let scores: Vec<String> = g.items.iter().map(u8::to_string).collect();
    let line = ctx.t.t_args(
        "fhir-gad7-panel-line",
        &[("when", Arg::Str(when(&g.at))), ("scores", Arg::Str(scores.join(", ")))],
    );
    survey_category(o);
    o.obj("code", |o| {
        concept(o, LOINC, GAD7_PANEL_LOINC, "Generalized anxiety disorder 7 item (GAD-7)", Some("GAD-7"))
    })
    .arr("component", |a| {
        for ((code, text), score) in GAD7_ITEMS.iter().zip(g.items) {
            let (a_code, a_text) = GAD7_ANSWERS[usize::from(score.min(3))];
            a.obj(|o| {
                o.obj("code", |o| concept(o, LOINC, code, text, None))
                    .obj("valueCodeableConcept", |o| concept(o, LOINC, a_code, a_text, None));
            });
        }
    })
    .str("effectiveDateTime", &date_time(&g.at))
    .arr("hasMember", |a| {
        a.obj(|o| reference(o, &total.url));
    })
    .str("id", &panel.id);
    observation_tail(o, ctx, &line);
}

/// The total score Observation of a GAD-7 (see [`gad7_panel`]).
pub fn gad7_total(o: &mut Obj, panel: &Ref, total: &Ref, g: &Gad7, ctx: &Ctx) {
    let band = g.band();
    let line = ctx.t.t_args(
        "fhir-gad7-total-line",
        &[
            ("total", Arg::from(g.total())),
            ("band", Arg::Str(ctx.t.gad7_band(band))),
            ("when", Arg::Str(when(&g.at))),
        ],
    );
    let cut = match band {
        crate::domain::Gad7Band::Minimal => "0–4",
        crate::domain::Gad7Band::Mild => "5–9",
        crate::domain::Gad7Band::Moderate => "10–14",
        crate::domain::Gad7Band::Severe => "15–21",
    };
    survey_category(o);
    o.obj("code", |o| {
        concept(
            o,
            LOINC,
            GAD7_TOTAL_LOINC,
            "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]",
            Some(&ctx.t.t("fhir-code-gad7-total")),
        )
    })
    .arr("derivedFrom", |a| {
        a.obj(|o| reference(o, &panel.url));
    })
    .str("effectiveDateTime", &date_time(&g.at))
    .str("id", &total.id)
    .arr("interpretation", |a| {
        a.obj(|o| {
            o.str(
                "text",
                &ctx.t.t_args(
                    "fhir-gad7-band",
                    &[("band", Arg::Str(ctx.t.gad7_band(band))), ("range", Arg::Str(cut.to_owned()))],
                ),
            );
        });
    });
    observation_tail(o, ctx, &line);
    o.int("valueInteger", g.total());
}

/// Goal.lifecycleStatus (R4 value set goal-status: proposed | planned | accepted | active |
/// on-hold | completed | cancelled | entered-in-error | rejected):
/// proposed → proposed, active → active, on hold → on-hold, achieved → completed, changed →
/// completed (R4: "no longer being sought"; it was replaced at a review, not abandoned; a note says
/// so), abandoned → cancelled (R4: "the goal has been abandoned").
pub fn lifecycle_status(status: GoalStatus) -> &'static str {
    match status {
        GoalStatus::Proposed => "proposed",
        GoalStatus::Active => "active",
        GoalStatus::OnHold => "on-hold",
        GoalStatus::Achieved | GoalStatus::Changed => "completed",
        GoalStatus::Abandoned => "cancelled",
    }
}

/// Goal.achievementStatus (R4 code system goal-achievement) from the goal's status and the GAS
/// score of its latest review up to the end of the period:
/// - achieved → `achieved`.
/// - changed or abandoned → none: closing a goal is not a verdict; the reviews carry the scores.
/// - open goals without a review → none: nothing has been evaluated yet.
/// - open "keep" / "stable" goals (maintenance): GAS ≥ 0 → `sustaining`, −1 → `in-progress`,
///   −2 → `no-progress`.
/// - open "stop" / "reduce" goals: GAS +1/+2 → `improving`, 0 / −1 → `in-progress`, −2 →
///   `no-progress`.
///
/// `worsening` is never used: GAS rates attainment against the expected level, not a change over
/// time, so it cannot say the situation regressed.
pub fn achievement_status(
    status: GoalStatus,
    kind: &GoalKind,
    latest_gas: Option<i8>,
) -> Option<(&'static str, &'static str)> {
    if status == GoalStatus::Achieved {
        return Some(("achieved", "Achieved"));
    }
    if !status.is_open() {
        return None;
    }
    let gas = latest_gas?;
    let maintenance = matches!(kind, GoalKind::Keep | GoalKind::Stable { .. });
    Some(match (maintenance, gas) {
        (_, g) if g <= -2 => ("no-progress", "No Progress"),
        (true, g) if g >= 0 => ("sustaining", "Sustaining"),
        (false, g) if g >= 1 => ("improving", "Improving"),
        _ => ("in-progress", "In Progress"),
    })
}

/// Goal.target from the treatment goal: reduce → the molecule's daily dose in mg; stop → 0 mg;
/// stable → 0 non-prescribed doses; keep → only the due date, if any. What is measured is said in
/// the document's language (`measure.text`).
fn goal_target(o: &mut Obj, kind: &GoalKind, due: Option<NaiveDate>, t: &crate::i18n::Texts) {
    let due = due.map(|d| d.to_string());
    match kind {
        GoalKind::Reduce { target_mg, .. } => {
            o.obj("detailQuantity", |o| qty_mg(o, *target_mg));
        }
        GoalKind::Stop { .. } => {
            o.obj("detailQuantity", |o| qty_mg(o, 0.0));
        }
        GoalKind::Stable { .. } => {
            o.int("detailInteger", 0);
        }
        GoalKind::Keep => {}
    }
    o.opt_str("dueDate", due.as_deref());
    if let Some(text) = care_text::goal_measure(t, kind) {
        o.obj("measure", |o| text_concept(o, &text));
    }
}

/// Goal for one of the patient's goals. `description.text` is the patient's own words; the
/// treatment goal, who proposed it and who agreed go in `note` (generated text, not a patient
/// note). Reviews are separate Observations (see [`review`]) listed in `outcomeReference`.
pub fn goal(o: &mut Obj, r: &Ref, g: &Goal, latest_gas: Option<i8>, outcomes: &[String], ctx: &Ctx) {
    let generated = care_text::goal_notes(ctx.t, g);
    let line = ctx.t.t_args(
        "fhir-goal-line",
        &[
            ("words", Arg::Str(g.what_matters.clone())),
            ("goal", Arg::Str(ctx.t.goal_kind(&g.kind))),
            ("status", Arg::Str(ctx.t.goal_status(g.status))),
        ],
    );
    if let Some((code, display)) = achievement_status(g.status, &g.kind, latest_gas) {
        let text = ctx.t.t(&format!("fhir-achievement-{code}"));
        o.obj("achievementStatus", |o| concept(o, GOAL_ACHIEVEMENT, code, display, Some(&text)));
    }
    o.arr("category", |a| {
        a.obj(|o| concept(o, GOAL_CATEGORY, "behavioral", "Behavioral", None));
    })
    .obj("description", |o| text_concept(o, &g.what_matters))
    .obj("expressedBy", |o| match g.proposed_by {
        Proposer::Patient | Proposer::Together => reference(o, &ctx.patient),
        Proposer::Clinician => {
            o.str("display", &ctx.t.t("fhir-goal-clinician"));
        }
    })
    .str("id", &r.id)
    .str("lifecycleStatus", lifecycle_status(g.status))
    .arr("note", |a| {
        for t in &generated {
            a.obj(|o| {
                o.str("text", t);
            });
        }
    })
    .arr("outcomeReference", |a| {
        for u in outcomes {
            a.obj(|o| reference(o, u));
        }
    })
    .str("resourceType", "Goal")
    .str("startDate", &g.set_at.date_naive().to_string())
    .obj("subject", |o| reference(o, &ctx.patient))
    .arr("target", |a| {
        a.obj(|o| goal_target(o, &g.kind, g.due, ctx.t));
    });
    narrative(o, &line);
}

/// A goal review as an Observation rather than a Goal note, so the GAS score stays a number a
/// record can chart: coded `gas-rating` in Steady's code system (no LOINC code for GAS exists that
/// we could verify), `valueInteger` −2…+2, its label in `interpretation.text`, `focus` → the Goal, the decision and next review date as
/// components, and the patient's note only when notes are included.
pub fn review(o: &mut Obj, r: &Ref, rv: &GoalReview, goal_url: &str, ctx: &Ctx) {
    let line = ctx.t.t_args(
        "fhir-review-line",
        &[
            ("when", Arg::Str(when(&rv.at))),
            ("gas", Arg::Str(ctx.t.gas(rv.gas))),
            ("label", Arg::Str(ctx.t.gas_label(rv.gas))),
            ("decision", Arg::Str(ctx.t.review_decision(rv.decision))),
        ],
    );
    o.obj("code", |o| {
        steady_concept(
            o,
            "gas-rating",
            "Goal Attainment Scaling (GAS) rating, -2 to +2",
            &ctx.t.t("fhir-code-gas"),
        )
    })
    .arr("component", |a| {
        a.obj(|o| {
            o.obj("code", |o| {
                steady_concept(o, "review-decision", "Decision at a goal review", &ctx.t.t("review-decision"))
            })
            .obj("valueCodeableConcept", |o| {
                steady_concept(
                    o,
                    &format!("decision-{}", rv.decision.key()),
                    decision_display(rv.decision),
                    &ctx.t.review_decision(rv.decision),
                )
            });
        });
        if let Some(next) = rv.next_review {
            a.obj(|o| {
                o.obj("code", |o| {
                    steady_concept(
                        o,
                        "next-review",
                        "Date of the next goal review",
                        &ctx.t.t("fhir-code-next-review"),
                    )
                })
                .str("valueDateTime", &next.to_string());
            });
        }
    })
    .str("effectiveDateTime", &date_time(&rv.at))
    .arr("focus", |a| {
        a.obj(|o| reference(o, goal_url));
    })
    .str("id", &r.id)
    .arr("interpretation", |a| {
        a.obj(|o| text_concept(o, &ctx.t.gas_label(rv.gas)));
    });
    notes(o, ctx, rv.note.as_deref());
    observation_tail(o, ctx, &line);
    o.int("valueInteger", rv.gas);
}

/// The display of a review decision's code in Steady's code system.
fn decision_display(d: ReviewDecision) -> &'static str {
    match d {
        ReviewDecision::Keep => "Keep the goal",
        ReviewDecision::Adjust => "Adjust the goal",
        ReviewDecision::Change => "Change the goal",
    }
}

/// CarePlan.status: ended with later steps cancelled → revoked (stopped before completion); ended
/// with nothing cancelled → completed; holding → on-hold (a hold is a normal pause, the plan
/// resumes); otherwise active.
pub fn care_plan_status(plan: &TaperPlan, schedule: &Schedule) -> &'static str {
    if plan.ended.is_some() {
        if schedule.steps.iter().any(|s| s.status == StepStatus::Cancelled) {
            "revoked"
        } else {
            "completed"
        }
    } else if schedule.holding {
        "on-hold"
    } else {
        "active"
    }
}

/// CarePlan activity status per step: done → completed, current → in-progress (on-hold while the
/// plan is holding), upcoming → not-started, cancelled → cancelled.
pub fn step_status(status: StepStatus, holding: bool) -> &'static str {
    match status {
        StepStatus::Done => "completed",
        StepStatus::Current if holding => "on-hold",
        StepStatus::Current => "in-progress",
        StepStatus::Upcoming => "not-started",
        StepStatus::Cancelled => "cancelled",
    }
}

/// CarePlan for a taper plan: one `activity.detail` per computed step (scheduled period, daily
/// amount in mg, ATC product, description such as "1.75 mg lormetazepam daily"), holds, pace
/// changes, the switch (with the equivalence table and its source) and the end as notes. Hold and
/// end reasons are the patient's words and follow the notes choice.
pub fn care_plan(o: &mut Obj, r: &Ref, plan: &TaperPlan, schedule: &Schedule, goals: &[String], ctx: &Ctx) {
    let steps = &schedule.steps;
    let activities: Vec<(Option<NaiveDate>, String)> = steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let end = match steps.get(i + 1) {
                Some(n) if n.status == StepStatus::Cancelled && step.status != StepStatus::Cancelled => {
                    schedule.ended_on
                }
                Some(n) => n.date.pred_opt(),
                None => schedule.ended_on,
            };
            (end, care_text::step_description(ctx.t, plan, step))
        })
        .collect();
    let notes_out = care_text::plan_notes(ctx.t, plan, schedule, ctx.show_notes);
    let flagged = steps.iter().filter(|s| s.pace_flag.is_some()).count();
    let description = care_text::plan_description(ctx.t, plan);
    let end = schedule.ended_on.or(schedule.end_date);
    o.arr("activity", |a| {
        for (step, (end, description)) in steps.iter().zip(&activities) {
            a.obj(|o| {
                o.obj("detail", |o| {
                    o.obj("dailyAmount", |o| qty_mg(o, step.dose_mg))
                        .str("description", description)
                        .obj("productCodeableConcept", |o| molecule_concept(o, plan.molecule))
                        .obj("scheduledPeriod", |o| {
                            o.opt_str("end", end.map(|d| d.to_string()).as_deref())
                                .str("start", &step.date.to_string());
                        })
                        .str("status", step_status(step.status, schedule.holding));
                });
            });
        }
    })
    .obj("author", |o| reference(o, &ctx.patient))
    .str("description", &description)
    .arr("goal", |a| {
        for u in goals {
            a.obj(|o| reference(o, u));
        }
    })
    .str("id", &r.id)
    .str("intent", "plan")
    .arr("note", |a| {
        for t in &notes_out {
            a.obj(|o| {
                o.str("text", t);
            });
        }
    })
    .obj("period", |o| {
        o.opt_str("end", end.map(|d| d.to_string()).as_deref()).str("start", &plan.start.to_string());
    })
    .str("resourceType", "CarePlan")
    .str("status", care_plan_status(plan, schedule))
    .obj("subject", |o| reference(o, &ctx.patient));
    let line = ctx.t.t_args(
        "fhir-plan-line",
        &[
            ("molecule", Arg::Str(ctx.t.molecule(plan.molecule))),
            ("dose", Arg::Str(ctx.t.mg(plan.start_mg))),
            ("date", Arg::Str(ctx.t.date(plan.start))),
            (
                "schedule",
                Arg::Str(ctx.t.t_args(
                    "plan-schedule",
                    &[
                        ("percent", Arg::Str(ctx.t.percent(plan.percent))),
                        ("days", Arg::from(plan.interval_days)),
                    ],
                )),
            ),
            ("steps", Arg::from(steps.len())),
            ("flagged", Arg::from(flagged)),
        ],
    );
    narrative(o, &line);
    o.str("title", &format!("{}: {}", ctx.t.t("section-taper-plan"), ctx.t.molecule(plan.molecule)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goal_status_mapping_stays_in_the_r4_value_sets() {
        let r4 =
            ["proposed", "planned", "accepted", "active", "on-hold", "completed", "cancelled", "rejected"];
        for &s in GoalStatus::ALL {
            assert!(r4.contains(&lifecycle_status(s)), "{s:?}");
        }
        let reduce = GoalKind::Reduce { molecule: Molecule::Lormetazepam, target_mg: 0.5 };
        let a = |s, k: &GoalKind, g| achievement_status(s, k, g).map(|x| x.0);
        assert_eq!(a(GoalStatus::Achieved, &reduce, None), Some("achieved"));
        assert_eq!(a(GoalStatus::Active, &reduce, None), None);
        assert_eq!(a(GoalStatus::Active, &reduce, Some(2)), Some("improving"));
        assert_eq!(a(GoalStatus::Active, &reduce, Some(0)), Some("in-progress"));
        assert_eq!(a(GoalStatus::Active, &reduce, Some(-1)), Some("in-progress"));
        assert_eq!(a(GoalStatus::Active, &reduce, Some(-2)), Some("no-progress"));
        assert_eq!(a(GoalStatus::Active, &GoalKind::Keep, Some(0)), Some("sustaining"));
        assert_eq!(a(GoalStatus::OnHold, &GoalKind::Keep, Some(-1)), Some("in-progress"));
        assert_eq!(a(GoalStatus::Changed, &reduce, Some(2)), None);
        for g in -2..=2 {
            for k in [&reduce, &GoalKind::Keep] {
                assert_ne!(a(GoalStatus::Active, k, Some(g)), Some("worsening"));
            }
        }
    }

    #[test]
    fn step_statuses_map_to_care_plan_activity_statuses() {
        assert_eq!(step_status(StepStatus::Done, false), "completed");
        assert_eq!(step_status(StepStatus::Current, false), "in-progress");
        assert_eq!(step_status(StepStatus::Current, true), "on-hold");
        assert_eq!(step_status(StepStatus::Upcoming, true), "not-started");
        assert_eq!(step_status(StepStatus::Cancelled, false), "cancelled");
        let en = crate::i18n::Texts::shared(crate::i18n::Lang::En);
        assert_eq!(tablets_word(en, 1.0), "1 tablet");
        assert_eq!(tablets_word(en, 0.75), "0.75 tablet");
        assert_eq!(tablets_word(en, 2.0), "2 tablets");
        let fr = crate::i18n::Texts::shared(crate::i18n::Lang::Fr);
        assert_eq!(tablets_word(fr, 2.5), "2,5 comprimés");
    }
}
