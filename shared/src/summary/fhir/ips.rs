//! What the International Patient Summary (IPS 2.0.0, npm `hl7.fhir.uv.ips`) variant adds: the
//! Patient with the identity the patient entered (and nothing invented when they did not), and
//! the "no information" entries of the required Allergies and Problems sections (and of the
//! Medication section when the diary has no medicine and no dose), coded with the IPS
//! absent-unknown code system. A diary knows nothing about allergies or problems, so it says so
//! rather than implying "none".

use chrono::NaiveDate;

use super::json::Obj;
use super::resources::ips_profile;
use super::sections::Section;
use super::{
    narrative, reference, Ctx, Ref, DATA_ABSENT_REASON, IPS_ABSENT_UNKNOWN, SECTION_ALLERGIES,
    SECTION_PROBLEMS,
};

/// The data-absent-reason a missing name or birth date carries: `masked` (R4: "the information
/// is not available due to security, privacy or related reasons") — Steady keeps no identity
/// unless the patient enters one.
const MASKED: &str = "masked";

/// An `extension` member with one data-absent-reason.
fn absent(o: &mut Obj) {
    o.arr("extension", |a| {
        a.obj(|o| {
            o.str("url", DATA_ABSENT_REASON).str("valueCode", MASKED);
        });
    });
}

/// The Patient's members. Plain export: no name, no birth date, no identifier. IPS: the name and
/// birth date the patient entered; a missing one is present only as a data-absent-reason
/// (`masked`), never made up.
pub(crate) fn patient(o: &mut Obj, r: &Ref, name: Option<&str>, birth_date: Option<NaiveDate>, ctx: &Ctx) {
    let name = name.map(str::trim).filter(|n| !n.is_empty()).filter(|_| ctx.ips);
    let birth_date = birth_date.filter(|_| ctx.ips);
    if ctx.ips && birth_date.is_none() {
        o.obj("_birthDate", absent);
    }
    o.opt_str("birthDate", birth_date.map(|d| d.to_string()).as_deref()).str("id", &r.id);
    ips_profile(o, ctx, "Patient-uv-ips");
    o.arr("name", |a| match name {
        Some(n) => {
            a.obj(|o| {
                o.str("text", n);
            });
        }
        None if ctx.ips => {
            a.obj(absent);
        }
        None => {}
    })
    .str("resourceType", "Patient");
    narrative(
        o,
        &ctx.t.t(match (name.is_some() || birth_date.is_some(), ctx.ips) {
            (true, _) => "fhir-patient-identified",
            (false, true) => "fhir-patient-ips-anonymous",
            (false, false) => "fhir-patient-anonymous",
        }),
    );
}

/// A CodeableConcept with one IPS absent-unknown coding.
fn absent_unknown(o: &mut Obj, code: &str, display: &str, text: &str) {
    o.arr("coding", |a| {
        a.obj(|o| {
            o.str("code", code).str("display", display).str("system", IPS_ABSENT_UNKNOWN);
        });
    })
    .str("text", text);
}

/// AllergyIntolerance "no information about allergies" (absent-unknown `no-allergy-info`).
/// `clinicalStatus` active, as R4 invariant ait-1 requires it and the IPS examples use it.
pub(crate) fn no_allergy_info(o: &mut Obj, r: &Ref, ctx: &Ctx) {
    let text = ctx.t.t("fhir-no-allergy-info");
    o.obj("clinicalStatus", |o| {
        o.arr("coding", |a| {
            a.obj(|o| {
                o.str("code", "active")
                    .str("system", "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical");
            });
        });
    })
    .obj("code", |o| absent_unknown(o, "no-allergy-info", "No information about allergies", &text))
    .str("id", &r.id);
    ips_profile(o, ctx, "AllergyIntolerance-uv-ips");
    o.obj("patient", |o| reference(o, &ctx.patient)).str("resourceType", "AllergyIntolerance");
    narrative(o, &text);
}

/// Condition "no information about problems" (absent-unknown `no-problem-info`).
pub(crate) fn no_problem_info(o: &mut Obj, r: &Ref, ctx: &Ctx) {
    let text = ctx.t.t("fhir-no-problem-info");
    o.obj("code", |o| absent_unknown(o, "no-problem-info", "No information about problems", &text))
        .str("id", &r.id);
    ips_profile(o, ctx, "Condition-uv-ips");
    o.str("resourceType", "Condition").obj("subject", |o| reference(o, &ctx.patient));
    narrative(o, &text);
}

/// MedicationStatement "no information about medications" (absent-unknown `no-medication-info`),
/// for a diary with no medicine and no dose in the period; `effectiveDateTime` the document's time
/// (required by the IPS profile), `status` unknown.
pub(crate) fn no_medication_info(o: &mut Obj, r: &Ref, ctx: &Ctx) {
    let text = ctx.t.t("fhir-no-medication-info");
    o.str("effectiveDateTime", &ctx.timestamp.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
        .str("id", &r.id)
        .obj("medicationCodeableConcept", |o| {
            absent_unknown(o, "no-medication-info", "No information about medications", &text)
        });
    ips_profile(o, ctx, "MedicationStatement-uv-ips");
    o.str("resourceType", "MedicationStatement")
        .str("status", "unknown")
        .obj("subject", |o| reference(o, &ctx.patient));
    narrative(o, &text);
}

/// The Allergies section (LOINC 48765-2) with its no-information entry.
pub(crate) fn allergies_section(ctx: &Ctx, entry: String) -> Section {
    let mut s = Section::new(ctx.t, "fhir-section-allergies", SECTION_ALLERGIES);
    s.text.p(&ctx.t.t("fhir-no-allergy-info-section"));
    s.entries = vec![entry];
    s
}

/// The Problems section (LOINC 11450-4) with its no-information entry.
pub(crate) fn problems_section(ctx: &Ctx, entry: String) -> Section {
    let mut s = Section::new(ctx.t, "fhir-section-problems", SECTION_PROBLEMS);
    s.text.p(&ctx.t.t("fhir-no-problem-info-section"));
    s.entries = vec![entry];
    s
}
