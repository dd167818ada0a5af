//! FHIR R4 export of a summary: a *document* Bundle a clinician's record can import, holding the
//! same facts as the one-page summary (see shared/domain.md, "Export to a clinician's record").
//!
//! Shape: `Bundle` (type `document`, `identifier`, `timestamp`) whose first entry is the
//! `Composition` (one section per part of the summary, each with generated XHTML narrative and
//! references to the resources behind it), then the `Patient`, one `MedicationAdministration` per
//! dose, `Observation`s for sleep, anxiety ratings, GAD-7 and goal reviews, one `Goal` per goal and a
//! `CarePlan` for the taper plan. Every entry's `fullUrl` is `urn:uuid:<id>` and every reference
//! points inside the bundle.
//!
//! What is left out stays out everywhere: the patient's choices ([`FhirOptions`] and the summary's
//! own `hidden` list) remove the resources *and* their figures from the narrative, and the
//! Composition's last section says what was left out, never silently.
//!
//! Ids: resources made from a diary entry get a name-based (RFC 4122 version 5) UUID derived from
//! the entry's random id and the resource type, so the same dose exported twice keeps the same id
//! and a record can de-duplicate it. The Patient, the Composition and the Bundle are scoped to the
//! `bundle_id` the caller passes, so no identifier of the person persists across exports. The
//! Patient carries no identifier and no name unless the patient chose a display name.

mod care_text;
mod ips;
mod json;
mod resources;
mod sections;
mod xhtml;

pub use resources::{achievement_status, care_plan_status, lifecycle_status, step_status};

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use ring::digest;
use serde_json::Value;
use uuid::{Builder, Uuid};

use super::{GoalSummary, MedicineSummary, Summary};
use crate::domain::Diary;
use crate::domain::Hideable;
use crate::domain::Keyed;
use crate::domain::LongLived;
use crate::domain::TaperPlan;
use crate::domain::{Dose, EntryBody, EntryId, EntryKind, Goal, GoalKind, Molecule, Use};
use crate::domain::{EquivalenceTable, Substance};
use crate::i18n::{Arg, Lang, Texts};
use json::{Json, Obj, Tail};
use sections::{DoseFacts, MoleculeRow, NoteRow};
use xhtml::Xhtml;

/// LOINC code system.
pub const LOINC: &str = "http://loinc.org";
/// WHO ATC code system, as FHIR names it.
pub const ATC: &str = "http://www.whocc.no/atc";
/// UCUM units.
pub const UCUM: &str = "http://unitsofmeasure.org";
/// Composition.type of the plain export: LOINC 51855-5 "Patient Note". The document is written by
/// the patient from their own diary, and LOINC's document ontology gives this code the patient as
/// author. The International Patient Summary variant (`--ips`) uses 60591-5 instead.
pub const DOCUMENT_TYPE_LOINC: &str = "51855-5";
/// Composition.type of the IPS variant: LOINC 60591-5 "Patient summary Document", fixed by the
/// IPS 2.0.0 Composition profile.
pub const IPS_DOCUMENT_TYPE_LOINC: &str = "60591-5";
/// Canonical base of the IPS 2.0.0 profiles (npm package `hl7.fhir.uv.ips` 2.0.0,
/// <https://hl7.org/fhir/uv/ips/STU2/>).
pub const IPS_PROFILE_BASE: &str = "http://hl7.org/fhir/uv/ips/StructureDefinition/";
/// IPS code system for "no information" and "none known" entries (absent-unknown-uv-ips).
pub const IPS_ABSENT_UNKNOWN: &str = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";
/// The FHIR core extension saying why a required element has no value.
const DATA_ABSENT_REASON: &str = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
/// Steady's own code system, for what neither LOINC nor an HL7 code system has a code for that we
/// could verify: the 0–10 anxiety rating, GAS goal reviews, the sleep diary items other than its
/// duration, and the sections without a LOINC section code. A fixed `urn:uuid` (no web domain
/// needed, never reused); every code is defined in docs/fhir/CodeSystem-steady.json and README
/// ("FHIR export"), and tests/fhir checks every code used exists there.
pub const STEADY_CODES: &str = "urn:uuid:93dbae2b-c7d0-4f60-931d-1783dea8e405";
/// LOINC sleep duration.
pub const SLEEP_DURATION_LOINC: &str = "93832-4";
/// A section code: system, code, display.
type Code = (&'static str, &'static str, &'static str);
/// LOINC section codes where one fits, Steady's own code otherwise.
const SECTION_MEDICATIONS: Code = (LOINC, "10160-0", "History of Medication use Narrative");
const SECTION_ALLERGIES: Code = (LOINC, "48765-2", "Allergies and adverse reactions Document");
const SECTION_PROBLEMS: Code = (LOINC, "11450-4", "Problem list - Reported");
const SECTION_PLAN: Code = (LOINC, "18776-5", "Plan of care note");
const SECTION_GOALS: Code = (LOINC, "61146-7", "Goals");
const SECTION_ANXIETY: Code = (LOINC, "10190-7", "Mental status Narrative");
const SECTION_SLEEP: Code = (STEADY_CODES, "section-sleep", "Sleep diary");
const SECTION_QUESTIONS: Code = (STEADY_CODES, "section-questions", "Questions for the appointment");
const SECTION_NOTES: Code = (STEADY_CODES, "section-notes", "The patient's notes");
const SECTION_LEFT_OUT: Code = (STEADY_CODES, "section-left-out", "Left out by the patient");
const LIST_EMPTY_REASON: &str = "http://terminology.hl7.org/CodeSystem/list-empty-reason";

/// Namespace of Steady's name-based resource ids (a fixed random UUID).
const ID_NAMESPACE: Uuid = Uuid::from_u128(0x6f23_2221_b312_403f_9220_2ffc_1341_a969);

/// What the patient chose for this export, and the caller-supplied identity of the document.
#[derive(Clone, PartialEq)]
pub struct FhirOptions {
    /// Include doses taken outside the prescription (also off when the summary hides them).
    pub include_nonprescribed: bool,
    /// Include the patient's free-text notes, hold and end reasons (also off when the summary hides
    /// notes).
    pub include_notes: bool,
    /// The patient's name for `Patient.name.text`, only if they entered one, and only in the IPS
    /// variant (never in the plain export).
    pub patient_display: Option<String>,
    /// The patient's birth date, only if they entered one, and only in the IPS variant.
    pub patient_birth_date: Option<NaiveDate>,
    /// The International Patient Summary 2.0 variant: Composition type 60591-5, IPS `meta.profile`,
    /// the required Medication, Allergies and Problems sections ("no information" entries where the
    /// diary has none), and the patient's identity when entered.
    pub ips: bool,
    /// The language of every narrative and of `Bundle.language` / `Composition.language`.
    pub lang: Lang,
    /// The document's id: a UUID is used as is, anything else is turned into one (name-based).
    pub bundle_id: String,
    /// When the document is made (`Bundle.timestamp`, `Composition.date`).
    pub timestamp: DateTime<FixedOffset>,
    /// The secret resource ids are derived with (from the diary's key): ids stay the same from one
    /// export to the next, so a record system can match them, but cannot be linked to the diary
    /// file's row ids by anyone without the key.
    pub id_key: IdKey,
}

/// A key for deriving resource ids; never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct IdKey(pub [u8; 32]);

impl std::fmt::Debug for IdKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IdKey(<redacted>)")
    }
}

impl Drop for IdKey {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

impl IdKey {
    /// A fresh random key (ids then differ between exports).
    pub fn random() -> Self {
        let mut bytes = [0u8; 32];
        let _ = ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes);
        Self(bytes)
    }
}

impl FhirOptions {
    /// Everything included, no name.
    pub fn new(bundle_id: impl Into<String>, timestamp: DateTime<FixedOffset>) -> Self {
        Self {
            include_nonprescribed: true,
            include_notes: true,
            patient_display: None,
            patient_birth_date: None,
            ips: false,
            lang: Lang::En,
            bundle_id: bundle_id.into(),
            timestamp,
            id_key: IdKey::random(),
        }
    }
}

crate::domain::redacted_debug!(FhirOptions);

/// What the resource builders need to know.
pub(crate) struct Ctx {
    /// fullUrl of the Patient.
    pub patient: String,
    /// Include the patient's notes.
    pub show_notes: bool,
    /// The document's language.
    pub t: &'static Texts,
    /// When the document is made: doses logged for a later time are not "completed".
    pub timestamp: DateTime<FixedOffset>,
    /// The IPS variant (adds `meta.profile`).
    pub ips: bool,
}

/// A resource's id and fullUrl.
pub(crate) struct Ref {
    pub id: String,
    pub url: String,
}

impl Ref {
    fn new(uuid: Uuid) -> Self {
        // Encoded once into a stack buffer (the formatting machinery cost more than the SHA-1).
        let mut buf = Uuid::encode_buffer();
        let id = uuid.hyphenated().encode_lower(&mut buf);
        Self { id: id.to_owned(), url: ["urn:uuid:", id].concat() }
    }
}

/// RFC 4122 version 5 UUID of `name` in Steady's namespace. SHA-1 is what version 5 is defined
/// with; it only spreads names over ids here, it protects nothing.
fn v5(name: &str) -> Uuid {
    let mut ctx = digest::Context::new(&digest::SHA1_FOR_LEGACY_USE_ONLY);
    ctx.update(ID_NAMESPACE.as_bytes());
    ctx.update(name.as_bytes());
    let digest = ctx.finish();
    let mut bytes = [0u8; 16];
    for (b, d) in bytes.iter_mut().zip(digest.as_ref()) {
        *b = *d;
    }
    Builder::from_sha1_bytes(bytes).into_uuid()
}

/// An entry's resource id: HMAC-SHA256 under the export's id key of its type and row id, as a
/// custom (version 8) UUID — unlinkable to the row id without the key.
fn entry_ref(key: &IdKey, resource_type: &str, id: EntryId) -> Ref {
    let mac = ring::hmac::sign(
        &ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &key.0),
        format!("{resource_type}/{id}").as_bytes(),
    );
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&mac.as_ref()[..16]);
    Ref::new(Builder::from_custom_bytes(bytes).into_uuid())
}

fn document_ref(bundle: Uuid, what: &str) -> Ref {
    Ref::new(v5(&format!("{bundle}/{what}")))
}

/// A UCUM Quantity's members (the value rounded to 4 places, see [`json::round4`]).
pub(crate) fn quantity(o: &mut Obj, value: f64, unit: &str, code: &str) {
    o.str("code", code).str("system", UCUM).str("unit", unit).num("value", value);
}

/// A Quantity in mg.
pub(crate) fn qty_mg(o: &mut Obj, mg: f64) {
    quantity(o, mg, "mg", "mg");
}

/// A resource's own narrative, its `text` member: one generated paragraph (dom-6), never
/// containing the patient's notes.
pub(crate) fn narrative(o: &mut Obj, text: &str) {
    o.obj("text", |o| {
        o.str("div", &xhtml::paragraph_div(text)).str("status", "generated");
    });
}

/// A `text` member (Narrative) with `x` as its generated `div`.
fn generated_text(o: &mut Obj, x: &Xhtml) {
    o.obj("text", |o| {
        o.str("div", &x.finish()).str("status", "generated");
    });
}

/// A literal reference's members.
pub(crate) fn reference(o: &mut Obj, url: &str) {
    o.str("reference", url);
}

/// The goals the summary shows, matched back to their diary entries (the summary leaves out goals
/// the patient hid, and closed goals from earlier conversations).
fn shown_goals<'a>(long_lived: &LongLived<'a>, summary: &Summary) -> Vec<(EntryId, &'a Goal)> {
    let same = |s: &GoalSummary, g: &Goal| {
        s.what_matters == g.what_matters
            && s.kind == g.kind
            && s.status == g.status
            && s.review_on == g.review_on
    };
    let mut wanted: Vec<&GoalSummary> = summary.goals.iter().collect();
    long_lived
        .goals
        .iter()
        .copied()
        .filter(|(_, g)| g.set_at.date_naive() <= summary.to)
        .filter(|(_, g)| match wanted.iter().position(|s| same(s, g)) {
            Some(i) => {
                wanted.remove(i);
                true
            }
            None => false,
        })
        .collect()
}

/// The plan the summary shows, matched back to its diary entry.
fn shown_plan<'a>(long_lived: &LongLived<'a>, summary: &Summary) -> Option<(EntryId, &'a TaperPlan)> {
    let sp = summary.plan.as_ref()?;
    long_lived
        .plans
        .iter()
        .rfind(|(_, p)| p.start == sp.start && p.molecule.name() == sp.molecule && p.start_mg == sp.start_mg)
        .copied()
}

/// Goals a taper plan serves: stop or reduce goals naming the plan's molecule (or the one switched
/// from), or stop goals naming none.
fn plan_serves(plan: &TaperPlan, goal: &Goal) -> bool {
    let matches = |m: Molecule| m == plan.molecule || plan.switch.as_ref().is_some_and(|s| s.from == m);
    match goal.kind {
        GoalKind::Stop { molecule: None } => true,
        GoalKind::Stop { molecule: Some(m) } | GoalKind::Reduce { molecule: m, .. } => matches(m),
        GoalKind::Stable { .. } | GoalKind::Keep => false,
    }
}

/// The FHIR R4 document Bundle for `summary` (computed from `diary`) as a `serde_json::Value`, for
/// callers that look inside it (tests, tools): [`render`]'s bytes, parsed.
pub fn bundle(diary: &Diary, summary: &Summary, opts: &FhirOptions) -> Value {
    // `render` writes valid JSON by construction; `Null` is never returned in practice.
    serde_json::from_slice(&render(diary, summary, opts)).unwrap_or_default()
}

/// The medicines the summary shows, matched back to their diary entries (for stable ids and the
/// doses logged for each).
fn shown_medicines<'a>(
    long_lived: &LongLived<'a>,
    summary: &'a Summary,
) -> Vec<(EntryId, &'a MedicineSummary, Molecule)> {
    summary
        .medicines
        .iter()
        .filter_map(|ms| {
            long_lived
                .medicines
                .iter()
                .find(|(_, m)| {
                    m.name == ms.name && m.started == ms.started && m.molecule.name() == ms.molecule
                })
                .map(|(id, m)| (*id, ms, m.molecule))
        })
        .collect()
}

/// Writes the FHIR R4 document Bundle for `summary` (computed from `diary`) as pretty JSON,
/// honouring the patient's choices in `opts` and in the summary itself. The bytes are those
/// `serde_json::to_vec_pretty` makes of [`bundle`]'s value, written directly (see json.rs).
pub fn render(diary: &Diary, summary: &Summary, opts: &FhirOptions) -> Vec<u8> {
    let bundle_uuid =
        Uuid::parse_str(opts.bundle_id.trim()).unwrap_or_else(|_| v5(&format!("bundle/{}", opts.bundle_id)));
    let patient = document_ref(bundle_uuid, "Patient");
    let composition = document_ref(bundle_uuid, "Composition");
    let hides = |h: Hideable| summary.hidden.contains(&h);
    let show_np = opts.include_nonprescribed
        && !hides(Hideable::NonPrescribed)
        && summary.totals.non_prescribed.is_some();
    let show_notes = opts.include_notes && !hides(Hideable::Notes);
    let t = Texts::shared(opts.lang);
    let ctx = Ctx { patient: patient.url.clone(), show_notes, t, timestamp: opts.timestamp, ips: opts.ips };
    let table = EquivalenceTable::from_key(&summary.table.key).unwrap_or_default();

    // Every resource after the Composition and the Patient, written as it is made: the
    // Composition comes first but needs all of them (its sections list them).
    let mut resources = Tail::new(2);
    let mut notes: Vec<NoteRow> = Vec::new();
    let (mut dose_urls, mut sleep_urls, mut anxiety_urls) = (vec![], vec![], vec![]);
    let mut doses_of: BTreeMap<EntryId, Vec<String>> = BTreeMap::new();
    let mut molecules: BTreeMap<&'static str, MoleculeRow> = BTreeMap::new();
    let mut logged_ahead = 0u32;
    let mut note = |date, on, text: Option<&str>, url: &str| {
        if let Some(t) = text.filter(|t| show_notes && !t.trim().is_empty()) {
            notes.push(NoteRow { date, on, text: t.to_owned(), url: url.to_owned() });
        }
    };

    for e in diary.between(summary.from, summary.to) {
        match &e.body {
            EntryBody::Dose(d) if d.use_ == Use::Prescribed || show_np => {
                let ahead = resources::logged_ahead(d, &ctx);
                let r = if d.use_ == Use::Prescribed && !ahead {
                    let r = entry_ref(&opts.id_key, "MedicationAdministration", e.id);
                    resources
                        .obj(|o| entry(o, &r.url, |o| resources::medication_administration(o, &r, d, &ctx)));
                    r
                } else {
                    let r = entry_ref(&opts.id_key, "MedicationStatement/dose", e.id);
                    resources.obj(|o| entry(o, &r.url, |o| resources::dose_statement(o, &r, d, &ctx)));
                    r
                };
                logged_ahead += u32::from(ahead);
                tally(&mut molecules, d, table);
                note(diary.day(&d.taken_at), EntryKind::Dose, d.note.as_deref(), &r.url);
                if let Some(m) = d.medicine {
                    doses_of.entry(m).or_default().push(r.url.clone());
                }
                dose_urls.push(r.url);
            }
            EntryBody::Sleep(s) if summary.sleep.is_some() => {
                let r = entry_ref(&opts.id_key, "Observation/sleep", e.id);
                resources.obj(|o| entry(o, &r.url, |o| resources::sleep(o, &r, s, &ctx)));
                note(s.night, EntryKind::Sleep, s.note.as_deref(), &r.url);
                sleep_urls.push(r.url);
            }
            EntryBody::Anxiety(a) if summary.anxiety.is_some() => {
                let r = entry_ref(&opts.id_key, "Observation/anxiety", e.id);
                resources.obj(|o| entry(o, &r.url, |o| resources::anxiety(o, &r, a, &ctx)));
                note(diary.day(&a.at), EntryKind::Anxiety, a.note.as_deref(), &r.url);
                anxiety_urls.push(r.url);
            }
            EntryBody::Gad7(g) if summary.anxiety.is_some() => {
                let (p, t) = (
                    entry_ref(&opts.id_key, "Observation/gad7-panel", e.id),
                    entry_ref(&opts.id_key, "Observation/gad7-total", e.id),
                );
                resources.obj(|o| entry(o, &p.url, |o| resources::gad7_panel(o, &p, &t, g, &ctx)));
                resources.obj(|o| entry(o, &t.url, |o| resources::gad7_total(o, &p, &t, g, &ctx)));
                anxiety_urls.push(p.url);
                anxiety_urls.push(t.url);
            }
            _ => {}
        }
    }

    // One MedicationStatement per medicine on the patient's list during the period.
    let long_lived = LongLived::gather(diary);
    let mut medicine_urls = Vec::new();
    for (id, m, molecule) in shown_medicines(&long_lived, summary) {
        if m.use_ == Use::NonPrescribed && !show_np {
            continue;
        }
        let r = entry_ref(&opts.id_key, "MedicationStatement/medicine", id);
        let doses = doses_of.get(&id).map(Vec::as_slice).unwrap_or_default();
        resources.obj(|o| {
            entry(o, &r.url, |o| {
                resources::medicine_statement(o, &r, m, molecule, (summary.from, summary.to), doses, &ctx)
            })
        });
        medicine_urls.push(r.url);
    }

    // Goals, reviews and plans in one walk over the diary (see `LongLived`).
    let goals = shown_goals(&long_lived, summary);
    let mut goal_urls: Vec<(EntryId, String)> = Vec::new();
    let mut goal_entries: Vec<String> = Vec::new();
    for (id, g) in &goals {
        let r = entry_ref(&opts.id_key, "Goal", *id);
        let mut outcomes = Vec::new();
        let of_goal = long_lived.reviews_of(*id);
        for &(rid, rv) in of_goal {
            if (summary.from..=summary.to).contains(&rv.at.date_naive()) {
                let rr = entry_ref(&opts.id_key, "Observation/review", rid);
                resources.obj(|o| entry(o, &rr.url, |o| resources::review(o, &rr, rv, &r.url, &ctx)));
                note(rv.at.date_naive(), EntryKind::Review, rv.note.as_deref(), &rr.url);
                outcomes.push(rr.url);
            }
        }
        let latest_gas = of_goal
            .iter()
            .filter(|(_, rv)| rv.at.date_naive() <= summary.to)
            .map(|(_, rv)| rv.gas)
            .next_back();
        resources.obj(|o| entry(o, &r.url, |o| resources::goal(o, &r, g, latest_gas, &outcomes, &ctx)));
        goal_entries.push(r.url.clone());
        goal_entries.extend(outcomes);
        goal_urls.push((*id, r.url));
    }

    let schedule_day = summary.generated_on.unwrap_or(summary.to);
    let mut plan_urls = Vec::new();
    if let Some((id, plan)) = shown_plan(&long_lived, summary) {
        let r = entry_ref(&opts.id_key, "CarePlan", id);
        let schedule = plan.schedule(schedule_day);
        let served: Vec<String> = goals
            .iter()
            .zip(&goal_urls)
            .filter(|((_, g), _)| plan_serves(plan, g))
            .map(|(_, (_, url))| url.clone())
            .collect();
        resources.obj(|o| entry(o, &r.url, |o| resources::care_plan(o, &r, plan, &schedule, &served, &ctx)));
        plan_urls.push(r.url);
    }

    // The medication section lists the medicines first, then every dose.
    let mut medication_entries = medicine_urls;
    medication_entries.extend(dose_urls);
    if opts.ips && medication_entries.is_empty() {
        let r = document_ref(bundle_uuid, "MedicationStatement/no-information");
        resources.obj(|o| entry(o, &r.url, |o| ips::no_medication_info(o, &r, &ctx)));
        medication_entries.push(r.url);
    }
    let facts = DoseFacts { molecules: &molecules, logged_ahead, show_np };
    let mut sections = vec![sections::doses_section(t, summary, &facts, medication_entries)];
    if opts.ips {
        let allergy = document_ref(bundle_uuid, "AllergyIntolerance/no-information");
        resources.obj(|o| entry(o, &allergy.url, |o| ips::no_allergy_info(o, &allergy, &ctx)));
        let problem = document_ref(bundle_uuid, "Condition/no-information");
        resources.obj(|o| entry(o, &problem.url, |o| ips::no_problem_info(o, &problem, &ctx)));
        sections.push(ips::allergies_section(&ctx, allergy.url));
        sections.push(ips::problems_section(&ctx, problem.url));
    }
    sections.extend([
        sections::plan_section(t, summary, show_notes, plan_urls),
        sections::sleep_section(t, summary, sleep_urls),
        sections::anxiety_section(t, summary, anxiety_urls),
        sections::goals_section(t, summary, show_notes, goal_entries),
    ]);
    sections.extend(sections::questions_section(t, summary));
    sections.extend(sections::notes_section(t, notes));
    sections.push(sections::left_out_section(t, summary, show_np, show_notes));

    let mut overview = Xhtml::new();
    overview.p(&t.t_args("fhir-overview", &[("range", Arg::Str(t.date_range(summary.from, summary.to)))]));
    overview.p(&t.t_args(
        "fhir-overview-table",
        &[("table", Arg::from(&summary.table.name)), ("source", Arg::from(&summary.table.source))],
    ));
    let timestamp = opts.timestamp.to_rfc3339_opts(SecondsFormat::Secs, false);
    let language = opts.lang.key();
    let (doc_code, doc_display) = if opts.ips {
        (IPS_DOCUMENT_TYPE_LOINC, "Patient summary Document")
    } else {
        (DOCUMENT_TYPE_LOINC, "Patient Note")
    };
    let profile = |o: &mut Obj, name: &str| {
        if opts.ips {
            o.obj("meta", |o| {
                o.arr("profile", |a| {
                    a.str(&format!("{IPS_PROFILE_BASE}{name}"));
                });
            });
        }
    };
    let composition_members = |o: &mut Obj| {
        o.arr("author", |a| {
            a.obj(|o| reference(o, &patient.url));
        })
        .str("confidentiality", "R")
        .str("date", &timestamp)
        .arr("event", |a| {
            a.obj(|o| {
                o.obj("period", |o| {
                    o.str("end", &summary.to.to_string()).str("start", &summary.from.to_string());
                });
            });
        })
        .str("id", &composition.id)
        .str("language", language);
        profile(o, "Composition-uv-ips");
        o.str("resourceType", "Composition")
            .arr("section", |a| {
                for section in &sections {
                    a.obj(|o| section.write(o));
                }
            })
            .str("status", "final")
            .obj("subject", |o| reference(o, &patient.url));
        generated_text(o, &overview);
        o.str(
            "title",
            &t.t_args("fhir-title", &[("range", Arg::Str(t.date_range(summary.from, summary.to)))]),
        )
        .obj("type", |o| {
            o.arr("coding", |a| {
                a.obj(|o| {
                    o.str("code", doc_code).str("display", doc_display).str("system", LOINC);
                });
            })
            .str("text", &t.t("fhir-document-type"));
        });
    };
    let patient_members = |o: &mut Obj| {
        ips::patient(o, &patient, opts.patient_display.as_deref(), opts.patient_birth_date, &ctx);
    };

    Json::with_capacity(resources.len() + (1 << 16)).root(|o| {
        o.arr("entry", |a| {
            a.obj(|o| entry(o, &composition.url, composition_members));
            a.obj(|o| entry(o, &patient.url, patient_members));
            a.tail(resources);
        })
        .str("id", &bundle_uuid.to_string())
        .obj("identifier", |o| {
            o.str("system", "urn:ietf:rfc:3986").str("value", &format!("urn:uuid:{bundle_uuid}"));
        })
        .str("language", language);
        profile(o, "Bundle-uv-ips");
        o.str("resourceType", "Bundle").str("timestamp", &timestamp).str("type", "document");
    })
}

/// A Bundle entry's members: the resource's `fullUrl`, then the resource written by `resource`.
fn entry(o: &mut Obj, url: &str, resource: impl FnOnce(&mut Obj)) {
    o.str("fullUrl", url).obj("resource", resource);
}

fn tally(molecules: &mut BTreeMap<&'static str, MoleculeRow>, d: &Dose, table: EquivalenceTable) {
    let row = molecules.entry(d.substance.name()).or_default();
    row.atc = match d.substance {
        Substance::Known(m) => Some(m.atc()),
        Substance::Unknown => None,
    };
    row.doses += 1;
    match d.amount.mg() {
        Some(mg) => row.known_mg += mg,
        None => row.unknown_strength += 1,
    }
    row.no_value += u32::from(crate::domain::measure::no_table_value(d, table));
    row.non_prescribed += u32::from(d.use_ == Use::NonPrescribed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_keyed_stable_and_distinct_per_resource_type() {
        let id = EntryId::new();
        let key = IdKey([7; 32]);
        let a = entry_ref(&key, "MedicationAdministration", id);
        assert_eq!(a.url, entry_ref(&key, "MedicationAdministration", id).url, "stable under one key");
        assert_ne!(a.url, entry_ref(&key, "Observation/sleep", id).url);
        assert_ne!(a.url, entry_ref(&IdKey([8; 32]), "MedicationAdministration", id).url, "keyed");
        let u = Uuid::parse_str(&a.id).unwrap();
        assert_eq!(u.get_version_num(), 8, "a custom (RFC 9562 version 8) UUID");
        assert_eq!(a.url, format!("urn:uuid:{}", a.id));
        assert!(!a.id.contains(&id.to_string()));
        // Without the key, the row id's plain name-based UUID does not give the resource id.
        assert_ne!(a.id, v5(&format!("MedicationAdministration/{id}")).hyphenated().to_string());
    }

    #[test]
    fn numbers() {
        assert_eq!(json::round4(0.1 + 0.2), Some(0.3));
        assert_eq!(json::round4(-0.00001).map(f64::to_bits), Some(0.0f64.to_bits()));
        assert_eq!(json::round4(f64::NAN), None);
    }
}
