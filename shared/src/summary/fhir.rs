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

mod json;
mod resources;
mod xhtml;

pub use resources::{achievement_status, care_plan_status, lifecycle_status, step_status};

use std::collections::BTreeMap;
use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use ring::digest;
use serde_json::Value;
use uuid::{Builder, Uuid};

use super::{GoalSummary, Summary};
use crate::domain::Diary;
use crate::domain::Hideable;
use crate::domain::Keyed;
use crate::domain::LongLived;
use crate::domain::TaperPlan;
use crate::domain::{Dose, EntryBody, EntryId, Goal, GoalKind, Molecule, Use};
use crate::plan::StepStatus;
use json::{Arr, Json, Obj, Tail};
use xhtml::Xhtml;

/// LOINC code system.
pub const LOINC: &str = "http://loinc.org";
/// WHO ATC code system, as FHIR names it.
pub const ATC: &str = "http://www.whocc.no/atc";
/// UCUM units.
pub const UCUM: &str = "http://unitsofmeasure.org";
/// Composition.type: LOINC 51855-5 "Patient Note". The document is written by the patient from
/// their own diary, and LOINC's document ontology gives this code the patient as author. The
/// alternative 60591-5 "Patient summary Document" is the International Patient Summary's code, and
/// a receiving system may expect that profile's required sections (allergies, problems, …), which
/// a diary summary does not have.
pub const DOCUMENT_TYPE_LOINC: &str = "51855-5";
/// LOINC sleep duration.
pub const SLEEP_DURATION_LOINC: &str = "93832-4";
/// LOINC section codes used where one fits: medication use, plan of care, goals.
const SECTION_MEDICATIONS: (&str, &str) = ("10160-0", "History of Medication use Narrative");
const SECTION_PLAN: (&str, &str) = ("18776-5", "Plan of care note");
const SECTION_GOALS: (&str, &str) = ("61146-7", "Goals");
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
    /// A name for `Patient.name.text`, only if the patient wants one; otherwise no name at all.
    pub patient_display: Option<String>,
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

/// Up to three decimals, without trailing zeros: "2", "1.75", "0.125".
pub(crate) fn fmt_num(v: f64) -> String {
    trim_decimals(format!("{v:.3}"))
}

/// One decimal, without a trailing ".0".
pub(crate) fn fmt1(v: f64) -> String {
    trim_decimals(format!("{v:.1}"))
}

fn trim_decimals(s: String) -> String {
    let t = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.') } else { s.as_str() };
    if t == "-0" {
        "0".to_owned()
    } else {
        t.to_owned()
    }
}

/// A range of mg with one decimal, collapsed when both ends agree: "10", "7.5–15".
pub(crate) fn range(low: f64, high: f64) -> String {
    if (high - low).abs() < 0.05 {
        fmt1(low)
    } else {
        format!("{}–{}", fmt1(low), fmt1(high))
    }
}

fn opt1(v: Option<f64>, unit: &str) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{}{unit}", fmt1(v)))
}

/// One Composition section.
struct Section {
    title: &'static str,
    code: Option<(&'static str, &'static str)>,
    text: Xhtml,
    entries: Vec<String>,
    withheld: bool,
}

impl Section {
    fn new(title: &'static str, code: Option<(&'static str, &'static str)>) -> Self {
        Self { title, code, text: Xhtml::new(), entries: Vec::new(), withheld: false }
    }

    /// A section the patient left out: no entries, narrative says so, emptyReason `withheld`.
    fn withheld(title: &'static str, code: Option<(&'static str, &'static str)>) -> Self {
        let mut s = Self::new(title, code);
        s.text.p("Left out of this summary by the patient.");
        s.withheld = true;
        s
    }

    /// The section's members.
    fn write(&self, o: &mut Obj) {
        if let Some((code, display)) = self.code {
            o.obj("code", |o| {
                o.arr("coding", |a| {
                    a.obj(|o| {
                        o.str("code", code).str("display", display).str("system", LOINC);
                    });
                });
            });
        }
        if self.withheld && self.entries.is_empty() {
            o.obj("emptyReason", |o| {
                o.arr("coding", |a| {
                    a.obj(|o| {
                        o.str("code", "withheld")
                            .str("display", "Information Withheld")
                            .str("system", LIST_EMPTY_REASON);
                    });
                });
            });
        }
        o.arr("entry", |a| references(a, &self.entries));
        generated_text(o, &self.text);
        o.str("title", self.title);
    }
}

/// One reference item per url.
fn references(a: &mut Arr, urls: &[String]) {
    for u in urls {
        a.obj(|o| reference(o, u));
    }
}

/// A note the patient wrote, kept for the notes section.
struct NoteRow {
    date: NaiveDate,
    on: &'static str,
    text: String,
    url: String,
}

/// Per-molecule tally of the doses actually exported (so figures never include left-out doses).
#[derive(Default)]
struct MoleculeRow {
    atc: Option<&'static str>,
    doses: u32,
    known_mg: f64,
    unknown_strength: u32,
    non_prescribed: u32,
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

/// English label of a part the patient can leave out (by its stable key, so new parts still show).
fn hidden_label(key: &str) -> String {
    match key {
        "non-prescribed" => "Non-prescribed use (doses taken outside the prescription)".to_owned(),
        "notes" => "The patient's notes on entries (including reasons for holds)".to_owned(),
        "sleep" => "Sleep".to_owned(),
        "anxiety" => "Anxiety ratings and GAD-7".to_owned(),
        "goals" => "Goals".to_owned(),
        "plan" => "Taper plan".to_owned(),
        "questions" => "Questions for the appointment".to_owned(),
        other => other.to_owned(),
    }
}

fn step_label(s: StepStatus) -> &'static str {
    match s {
        StepStatus::Done => "done",
        StepStatus::Current => "current",
        StepStatus::Upcoming => "upcoming",
        StepStatus::Cancelled => "cancelled",
    }
}

/// The FHIR R4 document Bundle for `summary` (computed from `diary`) as a `serde_json::Value`, for
/// callers that look inside it (tests, tools): [`render`]'s bytes, parsed.
pub fn bundle(diary: &Diary, summary: &Summary, opts: &FhirOptions) -> Value {
    // `render` writes valid JSON by construction; `Null` is never returned in practice.
    serde_json::from_slice(&render(diary, summary, opts)).unwrap_or_default()
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
    let ctx = Ctx { patient: patient.url.clone(), show_notes };

    // Every resource after the Composition and the Patient, written as it is made: the
    // Composition comes first but needs all of them (its sections list them).
    let mut resources = Tail::new(2);
    let mut notes: Vec<NoteRow> = Vec::new();
    let (mut dose_urls, mut sleep_urls, mut anxiety_urls) = (vec![], vec![], vec![]);
    let mut molecules: BTreeMap<&'static str, MoleculeRow> = BTreeMap::new();
    let mut dose_days: BTreeSet<NaiveDate> = BTreeSet::new();
    let mut note = |date, on, text: Option<&str>, url: &str| {
        if let Some(t) = text.filter(|t| show_notes && !t.trim().is_empty()) {
            notes.push(NoteRow { date, on, text: t.to_owned(), url: url.to_owned() });
        }
    };

    for e in diary.between(summary.from, summary.to) {
        match &e.body {
            EntryBody::Dose(d) if d.use_ == Use::Prescribed || show_np => {
                let r = entry_ref(&opts.id_key, "MedicationAdministration", e.id);
                resources.obj(|o| entry(o, &r.url, |o| resources::medication_administration(o, &r, d, &ctx)));
                tally(&mut molecules, d);
                dose_days.insert(diary.day(&d.taken_at));
                note(diary.day(&d.taken_at), "dose", d.note.as_deref(), &r.url);
                dose_urls.push(r.url);
            }
            EntryBody::Sleep(s) if summary.sleep.is_some() => {
                let r = entry_ref(&opts.id_key, "Observation/sleep", e.id);
                resources.obj(|o| entry(o, &r.url, |o| resources::sleep(o, &r, s, &ctx)));
                note(s.night, "sleep", s.note.as_deref(), &r.url);
                sleep_urls.push(r.url);
            }
            EntryBody::Anxiety(a) if summary.anxiety.is_some() => {
                let r = entry_ref(&opts.id_key, "Observation/anxiety", e.id);
                resources.obj(|o| entry(o, &r.url, |o| resources::anxiety(o, &r, a, &ctx)));
                note(diary.day(&a.at), "anxiety rating", a.note.as_deref(), &r.url);
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

    // Goals, reviews and plans in one walk over the diary (see `LongLived`).
    let long_lived = LongLived::gather(diary);
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
                note(rv.at.date_naive(), "goal review", rv.note.as_deref(), &rr.url);
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

    let mut sections = vec![
        doses_section(summary, show_np, &molecules, dose_days.len(), dose_urls),
        plan_section(summary, show_notes, plan_urls),
        sleep_section(summary, sleep_urls),
        anxiety_section(summary, anxiety_urls),
        goals_section(summary, show_notes, goal_entries),
    ];
    if hides(Hideable::Questions) {
        sections.push(Section::withheld("What I want to talk about", None));
    } else if !summary.questions.is_empty() {
        let mut s = Section::new("What I want to talk about", None);
        s.text.p("Questions the patient wrote for this appointment, in their own words:");
        let items: Vec<String> =
            summary.questions.iter().map(|q| format!("{}: {}", q.date, q.text)).collect();
        s.text.ul(&items);
        sections.push(s);
    }
    if !notes.is_empty() {
        let mut s = Section::new("The patient's notes", None);
        notes.sort_by_key(|n| n.date);
        let rows: Vec<Vec<String>> =
            notes.iter().map(|n| vec![n.date.to_string(), n.on.to_owned(), n.text.clone()]).collect();
        s.text.table(&["Date", "On", "Note"], &rows);
        s.entries = notes.iter().map(|n| n.url.clone()).collect();
        s.entries.dedup();
        sections.push(s);
    }
    sections.push(left_out_section(summary, show_np, show_notes));

    let mut overview = Xhtml::new();
    overview.p(&format!(
        "Patient-reported summary from the Steady diary for {} – {}, written by the patient from their own \
         entries. Steady records and computes; it does not prescribe.",
        summary.from, summary.to
    ));
    overview.p(&format!("Diazepam equivalents per {}: {}.", summary.table.name, summary.table.source));
    let timestamp = opts.timestamp.to_rfc3339_opts(SecondsFormat::Secs, false);
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
        .str("resourceType", "Composition")
        .arr("section", |a| {
            for section in &sections {
                a.obj(|o| section.write(o));
            }
        })
        .str("status", "final")
        .obj("subject", |o| reference(o, &patient.url));
        generated_text(o, &overview);
        o.str("title", &format!("Steady summary {} – {}", summary.from, summary.to)).obj("type", |o| {
            o.arr("coding", |a| {
                a.obj(|o| {
                    o.str("code", DOCUMENT_TYPE_LOINC).str("display", "Patient Note").str("system", LOINC);
                });
            })
            .str("text", "Patient-reported summary");
        });
    };
    let patient_members = |o: &mut Obj| {
        o.str("id", &patient.id)
            .arr("name", |a| {
                if let Some(n) = &opts.patient_display {
                    a.obj(|o| {
                        o.str("text", n.trim());
                    });
                }
            })
            .str("resourceType", "Patient");
        narrative(
            o,
            "The person who kept this diary and wrote this summary; no identifying details included.",
        );
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
        .str("resourceType", "Bundle")
        .str("timestamp", &timestamp)
        .str("type", "document");
    })
}

/// A Bundle entry's members: the resource's `fullUrl`, then the resource written by `resource`.
fn entry(o: &mut Obj, url: &str, resource: impl FnOnce(&mut Obj)) {
    o.str("fullUrl", url).obj("resource", resource);
}

fn tally(molecules: &mut BTreeMap<&'static str, MoleculeRow>, d: &Dose) {
    let row = molecules.entry(d.substance.name()).or_default();
    row.atc = match d.substance {
        crate::domain::Substance::Known(m) => Some(m.atc()),
        crate::domain::Substance::Unknown => None,
    };
    row.doses += 1;
    match d.amount.mg() {
        Some(mg) => row.known_mg += mg,
        None => row.unknown_strength += 1,
    }
    row.non_prescribed += u32::from(d.use_ == Use::NonPrescribed);
}

fn doses_section(
    summary: &Summary,
    show_np: bool,
    molecules: &BTreeMap<&'static str, MoleculeRow>,
    days_with_dose: usize,
    entries: Vec<String>,
) -> Section {
    let mut s = Section::new("Doses", Some(SECTION_MEDICATIONS));
    let days = summary.days.len().max(1);
    let t = &summary.table;
    s.text.p(&format!(
        "Doses the patient logged, {} – {} ({} days). Diazepam equivalents (DE) per {} (source: {}). \
         Ranges show where the table gives a range; doses with no known equivalent are counted, never \
         added as zero.",
        summary.from,
        summary.to,
        summary.days.len(),
        t.name,
        t.source
    ));
    let p = &summary.totals.prescribed;
    s.text.labelled(
        "Prescribed:",
        &format!(
            "{} doses; {} mg DE in total, {} mg DE per day on average; {} without a known equivalent.",
            p.doses,
            range(p.low_mg, p.high_mg),
            range(p.low_mg / days as f64, p.high_mg / days as f64),
            p.unknown_doses
        ),
    );
    match summary.totals.non_prescribed.filter(|_| show_np) {
        Some(np) => s.text.labelled(
            "Non-prescribed:",
            &format!(
                "{} doses, kept apart from prescribed use; {} mg DE in total; {} of unknown strength, \
                 substance or equivalent.",
                np.doses,
                range(np.low_mg, np.high_mg),
                np.unknown_doses
            ),
        ),
        None => s.text.labelled("Non-prescribed use:", "left out of this summary by the patient."),
    };
    let trend = &summary.dose_trend;
    let slope = match (trend.slope_low_mg_per_week, trend.slope_high_mg_per_week) {
        (Some(lo), Some(hi)) => format!("; slope {} mg per week", range(lo.min(hi), lo.max(hi))),
        _ => String::new(),
    };
    s.text.labelled(
        "Trend of prescribed DE per day:",
        &format!(
            "first half {} mg, second half {} mg{slope}.",
            range(trend.first_half.low, trend.first_half.high),
            range(trend.second_half.low, trend.second_half.high)
        ),
    );
    s.text.labelled(
        "Days without any dose shown:",
        &format!("{} of {}.", summary.days.len().saturating_sub(days_with_dose), summary.days.len()),
    );
    let rows: Vec<Vec<String>> = molecules
        .iter()
        .map(|(name, m)| {
            let mut row = vec![
                (*name).to_owned(),
                m.atc.unwrap_or("–").to_owned(),
                m.doses.to_string(),
                fmt_num(m.known_mg),
                m.unknown_strength.to_string(),
            ];
            if show_np {
                row.push(m.non_prescribed.to_string());
            }
            row
        })
        .collect();
    let headers: &[&str] = if show_np {
        &["Molecule", "ATC", "Doses", "Known mg", "Unknown strength", "Non-prescribed"]
    } else {
        &["Molecule", "ATC", "Doses", "Known mg", "Unknown strength"]
    };
    s.text.table(headers, &rows);
    let weeks: Vec<Vec<String>> = summary
        .weeks
        .iter()
        .map(|w| vec![w.week_start.to_string(), w.days.to_string(), range(w.de_low_mg, w.de_high_mg)])
        .collect();
    s.text.table(&["Week from", "Days", "Prescribed DE per day (mg)"], &weeks);
    s.entries = entries;
    s
}

fn plan_section(summary: &Summary, show_notes: bool, entries: Vec<String>) -> Section {
    let Some(plan) = &summary.plan else {
        if summary.hidden.contains(&Hideable::Plan) {
            return Section::withheld("Taper plan", Some(SECTION_PLAN));
        }
        let mut s = Section::new("Taper plan", Some(SECTION_PLAN));
        s.text.p("No taper plan during this period.");
        return s;
    };
    let mut s = Section::new("Taper plan", Some(SECTION_PLAN));
    let mut molecule = plan.molecule.to_owned();
    if let Some(first) = molecule.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    s.text.p(&format!(
        "{molecule} from {} mg/day, started {}: {} % of the current dose every {} days ({} pace). A hold \
         is a normal step; the patient sets the pace.",
        fmt_num(plan.start_mg),
        plan.start,
        fmt_num(plan.percent),
        plan.interval_days,
        plan.pace.key()
    ));
    if let Some(sw) = &plan.switch {
        s.text.labelled(
            "Switch:",
            &format!(
                "from {} {} mg/day to diazepam, agreed with {}. Equivalence used: {} mg {} ≈ {} mg diazepam \
                 per {} (source: {}).",
                sw.from,
                fmt_num(sw.from_mg),
                sw.agreed_with,
                fmt_num(sw.from_mg),
                sw.from,
                range(sw.diazepam_mg.low, sw.diazepam_mg.high),
                sw.table.name,
                sw.table.source
            ),
        );
    }
    let rows: Vec<Vec<String>> = plan
        .steps
        .iter()
        .map(|st| {
            vec![
                st.index.to_string(),
                st.date.to_string(),
                fmt_num(st.dose_mg),
                if st.index == 0 { "–".to_owned() } else { format!("{} %", fmt1(st.cut_percent)) },
                step_label(st.status).to_owned(),
                format!("{} of {}", st.days_logged, st.days_in_period),
                st.days_at_or_under.to_string(),
                st.pace_flag.clone().unwrap_or_default(),
            ]
        })
        .collect();
    s.text.table(
        &[
            "Step",
            "From",
            "Planned mg/day",
            "Cut",
            "Status",
            "Days logged in period",
            "Days at or under plan",
            "Pace note",
        ],
        &rows,
    );
    let holds: Vec<String> = plan
        .holds
        .iter()
        .map(|h| {
            let span = match h.until.and_then(|u| u.pred_opt()) {
                Some(last) => format!("Hold {} – {}", h.from, last),
                None => format!("Hold since {} (ongoing)", h.from),
            };
            match h.reason.as_deref().filter(|r| show_notes && !r.trim().is_empty()) {
                Some(r) => format!("{span}: {r}"),
                None => span,
            }
        })
        .collect();
    s.text.ul(&holds);
    match (plan.ended_on, plan.end_date) {
        (Some(on), _) => s.text.labelled("Ended on:", &on.to_string()),
        (None, Some(end)) => s.text.labelled("Expected last step:", &end.to_string()),
        (None, None) => s.text.labelled("Expected last step:", "not computed"),
    };
    s.entries = entries;
    s
}

fn sleep_section(summary: &Summary, entries: Vec<String>) -> Section {
    let Some(sl) = &summary.sleep else {
        return Section::withheld("Sleep", None);
    };
    let mut s = Section::new("Sleep", None);
    s.text.p(&format!(
        "{} nights logged (Consensus Sleep Diary). Mean total sleep {}, efficiency {}, quality {} (1 very \
         poor – 5 very good), awakenings {} per night. First half {}, second half {}.",
        sl.nights,
        opt1(sl.mean_total_sleep_h, " h"),
        opt1(sl.mean_efficiency_percent, " %"),
        opt1(sl.mean_quality, ""),
        opt1(sl.mean_awakenings, ""),
        opt1(sl.first_half_h, " h"),
        opt1(sl.second_half_h, " h"),
    ));
    let weeks: Vec<Vec<String>> =
        summary.weeks.iter().map(|w| vec![w.week_start.to_string(), opt1(w.sleep_h, "")]).collect();
    if sl.nights > 0 {
        s.text.table(&["Week from", "Mean total sleep (h)"], &weeks);
    }
    s.entries = entries;
    s
}

fn anxiety_section(summary: &Summary, entries: Vec<String>) -> Section {
    let Some(a) = &summary.anxiety else {
        return Section::withheld("Anxiety", None);
    };
    let mut s = Section::new("Anxiety", None);
    s.text.p(&format!(
        "{} daily ratings (0 none – 10 worst), mean {}; first half {}, second half {}.",
        a.ratings,
        opt1(a.mean, ""),
        opt1(a.first_half, ""),
        opt1(a.second_half, "")
    ));
    let rows: Vec<Vec<String>> = summary
        .gad7
        .iter()
        .map(|g| vec![g.date.to_string(), g.total.to_string(), g.band.label().to_owned()])
        .collect();
    if rows.is_empty() {
        s.text.p("No GAD-7 in this period.");
    } else {
        s.text.p("GAD-7 (0–21; minimal 0–4, mild 5–9, moderate 10–14, severe 15–21):");
        s.text.table(&["Date", "GAD-7 total", "Band"], &rows);
    }
    s.entries = entries;
    s
}

fn goals_section(summary: &Summary, show_notes: bool, entries: Vec<String>) -> Section {
    if summary.hidden.contains(&Hideable::Goals) {
        return Section::withheld("Goals", Some(SECTION_GOALS));
    }
    let mut s = Section::new("Goals", Some(SECTION_GOALS));
    if summary.goals.is_empty() {
        s.text.p("No goals in this period.");
    }
    let rows: Vec<Vec<String>> = summary
        .goals
        .iter()
        .map(|g| {
            let reviews: Vec<String> = g
                .reviews
                .iter()
                .map(|r| {
                    let mut line = format!("{}: GAS {:+} ({}), {}", r.date, r.gas, r.gas_label, r.decision);
                    if let Some(n) = r.note.as_deref().filter(|_| show_notes) {
                        line.push_str(&format!(" – {n}"));
                    }
                    line
                })
                .collect();
            vec![
                g.what_matters.clone(),
                g.description.clone(),
                g.status.key().replace('_', " "),
                g.review_on.map(|d| d.to_string()).unwrap_or_default(),
                if reviews.is_empty() { "none in this period".to_owned() } else { reviews.join("; ") },
            ]
        })
        .collect();
    s.text.table(
        &["What matters (patient's words)", "Treatment goal", "Status", "Next review", "Reviews"],
        &rows,
    );
    if summary.hidden_goals > 0 {
        s.text.p(&format!("{} goal(s) left out by the patient.", summary.hidden_goals));
    }
    s.entries = entries;
    s
}

fn left_out_section(summary: &Summary, show_np: bool, show_notes: bool) -> Section {
    let mut s = Section::new("Left out by the patient", None);
    let mut keys: Vec<&'static str> = Vec::new();
    if !show_np {
        keys.push("non-prescribed");
    }
    if !show_notes {
        keys.push("notes");
    }
    for h in &summary.hidden {
        if !keys.contains(&h.key()) {
            keys.push(h.key());
        }
    }
    let mut items: Vec<String> = keys.into_iter().map(hidden_label).collect();
    if summary.hidden_goals > 0 {
        items.push(format!("{} goal(s)", summary.hidden_goals));
    }
    let check = &summary.integrity;
    if !check.ok {
        // Never silent: the diary check's finding, before anything else in this section.
        s.text.p(&format!(
            "Diary check: {} entries could not be read, {} were removed and {} were added or changed \
             outside Steady{}; the figures in this document may be incomplete.",
            check.unreadable_entries,
            check.missing_entries,
            check.unexpected_entries,
            if check.unchecked { ", and the list of entries could not be checked" } else { "" }
        ));
    }
    if items.is_empty() {
        s.text.p("The patient left nothing out of this summary.");
    } else {
        s.text.p(&format!(
            "The patient chose to leave {} part(s) out of this summary; they are absent from every section \
             and resource of this document:",
            items.len()
        ));
        s.text.ul(&items);
    }
    s
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
        assert_eq!((fmt_num(2.0), fmt_num(1.75), fmt_num(-0.0001)), ("2".into(), "1.75".into(), "0".into()));
        assert_eq!(range(10.0, 20.0), "10–20");
    }
}
