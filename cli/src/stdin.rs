//! Clinical text through standard input instead of the command line. The command line of a running
//! program is readable by every local user (`ps`, `/proc/PID/cmdline`), for as long as it runs —
//! including while it waits at the passphrase prompt — and shells keep it in their history;
//! standard input is neither. So:
//!
//! - `steady log --json -` reads one entry, or a JSON array of entries, in the shape
//!   `steady list --json` prints, without the ids (`id`, `short_id`), the `date` and the derived
//!   values (DE, totals, labels…). Each entry becomes the core's draft and is validated like a typed
//!   one; an array is all-or-nothing: every element is read and checked (against the diary too)
//!   before the first is written, and a refusal names the element's index and its field.
//! - `--note -` (and the other free-text arguments: `goal set --why -`, `question add -`,
//!   `plan hold|end --reason -`) read that text from standard input.

use std::io::{IsTerminal, Read, Write};

use chrono::{Local, NaiveDate, NaiveTime};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use steady_core::domain::{
    parse, Amount, DoseDraft, Entry, EntryBody, EntryDraft, EntryId, EntryKind, EquivalenceTable, Expected,
    Field, GoalDraft, GoalKind, GoalStatus, GoalType, Keyed, LocalInstant, MedicineDraft, Molecule, Pace,
    PlanDraft, Problem, Proposer, ReviewDecision, Rule, SleepDraft, SleepQuality, Split, Substance,
    SwitchDraft, Tail, Use, ValidationError,
};
use steady_core::{CoreError, SteadyCore};

use crate::commands::{local_today, resolve_id, Ctx};
use crate::error::CliError;
use crate::output;

/// At most this much is read for `log --json -` (a year of a busy diary is well under 1 MB).
const MAX_JSON_BYTES: u64 = 16 << 20;
/// At most this much is read for one text argument (the core keeps notes to 1,000 characters).
const MAX_TEXT_BYTES: u64 = 64 << 10;

/// Reads standard input to the end, refusing more than `limit` bytes or anything not UTF-8.
fn read_stdin(limit: u64, what: &str) -> Result<String, CliError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let mut err = std::io::stderr();
        let _ = writeln!(err, "Type the {what}, then press Ctrl-D on a line of its own:");
    }
    let mut bytes = Vec::new();
    stdin
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::io(format!("could not read the {what} from standard input"), e))?;
    if bytes.len() as u64 > limit {
        return Err(CliError::Usage(format!(
            "the {what} on standard input is larger than {} bytes; nothing was logged",
            limit
        )));
    }
    String::from_utf8(bytes).map_err(|_| {
        CliError::Usage(format!("the {what} on standard input is not UTF-8 text; nothing was logged"))
    })
}

/// A free-text argument: `-` reads it from standard input (one final line break dropped).
pub fn text(value: Option<&str>, what: &str) -> Result<Option<String>, CliError> {
    match value {
        Some("-") => {
            let mut text = read_stdin(MAX_TEXT_BYTES, what)?;
            if text.ends_with('\n') {
                text.pop();
                if text.ends_with('\r') {
                    text.pop();
                }
            }
            Ok(Some(text))
        }
        other => Ok(other.map(str::to_owned)),
    }
}

/// A required free-text argument, `-` read from standard input.
pub fn required_text(value: &str, what: &str) -> Result<String, CliError> {
    Ok(text(Some(value), what)?.unwrap_or_default())
}

/// `steady log --json -`.
pub fn log_json(ctx: &Ctx, source: &str) -> Result<String, CliError> {
    if source != "-" {
        return Err(CliError::Usage(
            "--json reads the entries from standard input: write `--json -` (a file name is not read)".into(),
        ));
    }
    let text = read_stdin(MAX_JSON_BYTES, "entries (JSON)")?;
    let pending = read_entries(&text)?;
    let core = ctx.open()?;
    let entries = core.entries(None, None)?;
    let mut pending = pending;
    for p in &mut pending {
        p.resolve(&entries)?;
    }
    check_all(&pending, &entries)?;
    let written = write_all(&core, pending, &entries)?;
    let mut out = String::new();
    for (kind, id) in written {
        out.push_str(&output::saved("Logged", kind, id));
        out.push('\n');
    }
    Ok(out)
}

/// The entries of `text` (one object or an array), read but not yet checked against the diary.
fn read_entries(text: &str) -> Result<Vec<Pending>, CliError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        CliError::Input(format!("standard input is not valid JSON ({e}); nothing was logged"))
    })?;
    match value {
        Value::Array(items) if items.is_empty() => {
            Err(CliError::Input("the array on standard input is empty: nothing to log".into()))
        }
        Value::Array(items) => items.iter().enumerate().map(|(i, v)| Pending::read(Some(i), v)).collect(),
        other => Ok(vec![Pending::read(None, &other)?]),
    }
}

/// "element 2 (dose)" in an array, "the dose" for a single object.
fn which(index: Option<usize>, kind: Option<EntryKind>) -> String {
    match (index, kind) {
        (Some(i), Some(k)) => format!("element {i} ({})", output::kind_label(k)),
        (Some(i), None) => format!("element {i}"),
        (None, Some(k)) => format!("the {}", output::kind_label(k)),
        (None, None) => "the entry".into(),
    }
}

/// Where a refused value is and why: "element 2 (dose), field \"amount\": …".
fn located(index: Option<usize>, kind: Option<EntryKind>, key: &str, why: impl std::fmt::Display) -> String {
    format!("{}, field \"{key}\": {why}", which(index, kind))
}

/// A refused value, before anything was written.
fn refused(
    index: Option<usize>,
    kind: Option<EntryKind>,
    key: &str,
    why: impl std::fmt::Display,
) -> CliError {
    CliError::Input(format!("{}; nothing was logged", located(index, kind, key, why)))
}

/// The core's reason in words, without its own field name where the JSON key says it better.
fn reason(e: &ValidationError) -> String {
    match &e.problem {
        Problem::Unreadable { text, expected } => format!("could not read {text:?}: {}", expected.text()),
        Problem::SkippedByClocks { text } => format!(
            "{text:?} does not exist here (the clocks skipped it); give another time or an RFC 3339 time"
        ),
        _ => e.to_string(),
    }
}

/// The JSON key a core field is read from, for each kind.
fn key_of(kind: EntryKind, field: Field) -> &'static str {
    use EntryKind as K;
    use Field as F;
    match (kind, field) {
        (K::Question, F::At) => "asked_at",
        (K::Dose, F::Drug) => "substance",
        (K::Dose, F::Mg | F::Tablets | F::StrengthMg) => "amount",
        (_, F::NonPrescribed) => "use",
        (K::Sleep, F::Hours) => "reported_sleep_min",
        (K::Gad7, F::Items | F::Item { .. }) => "items",
        (K::Goal, F::Kind | F::Drug | F::TargetMg) => "goal_kind",
        (K::Review, F::Goal | F::GoalId) => "goal",
        (K::Medicine, F::Drug) => "name",
        (K::Medicine, F::On) => "stopped",
        (K::Medicine, F::Mg | F::Tablets | F::StrengthMg | F::Times | F::AsNeeded | F::From) => "regimen",
        (K::Plan, F::Drug) => "molecule",
        (K::Plan, F::Strengths) => "strengths_mg",
        (K::Plan, F::SwitchFrom | F::SwitchFromMg | F::SwitchTable | F::SwitchAgreedWith) => "switch",
        (K::Plan, F::TailMgPerMl | F::TailMinMl | F::TailStepMg) => "tail",
        (K::Plan, F::Plan) => "kind",
        (_, other) => other.key(),
    }
}

/// A reference to an entry already in the diary: its id or a unique prefix of it.
struct Reference {
    key: &'static str,
    typed: String,
    to: EntryKind,
}

/// One entry read from standard input.
struct Pending {
    index: Option<usize>,
    kind: EntryKind,
    draft: EntryDraft,
    reference: Option<Reference>,
    /// A goal's status when it is not the new goal's (`active`).
    status: Option<GoalStatus>,
    /// A medicine's later regimen periods, oldest first, and its last day.
    changes: Vec<MedicineDraft>,
    stopped: Option<NaiveDate>,
}

/// The fields of one JSON object, read with the core's grammar; errors name the element and key.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    index: Option<usize>,
    kind: Option<EntryKind>,
    /// The key the object sits under (`regimen[1]`, `switch`), for nested objects.
    within: Option<String>,
}

impl<'a> Obj<'a> {
    fn name(&self, key: &str) -> String {
        match &self.within {
            Some(outer) => format!("{outer}.{key}"),
            None => key.to_owned(),
        }
    }

    fn err(&self, key: &str, why: impl std::fmt::Display) -> CliError {
        refused(self.index, self.kind, &self.name(key), why)
    }

    fn core(&self, key: &str, e: &ValidationError) -> CliError {
        self.err(key, reason(e))
    }

    /// Every key is one this kind reads; ids and derived values are named as such.
    fn only(&self, keys: &[&str], derived: &[&str]) -> Result<(), CliError> {
        for key in self.map.keys() {
            if keys.contains(&key.as_str()) {
                continue;
            }
            let why = if ["id", "short_id", "date"].contains(&key.as_str()) || derived.contains(&key.as_str())
            {
                "is an id or a derived value, which steady sets itself: leave it out".to_owned()
            } else {
                format!("is not a field of this kind (its fields: {})", keys.join(", "))
            };
            return Err(self.err(key, why));
        }
        Ok(())
    }

    /// The value at `key`; `null` counts as absent.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn required(&self, key: &str) -> Result<&'a Value, CliError> {
        self.get(key).ok_or_else(|| self.err(key, "is required"))
    }

    fn string(&self, key: &str) -> Result<Option<String>, CliError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(self.err(key, "expected a string")),
        }
    }

    fn int(&self, key: &str) -> Result<Option<i64>, CliError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v.as_i64().map(Some).ok_or_else(|| self.err(key, "expected a whole number")),
        }
    }

    fn number(&self, key: &str) -> Result<Option<f64>, CliError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v.as_f64().map(Some).ok_or_else(|| self.err(key, "expected a number")),
        }
    }

    fn boolean(&self, key: &str) -> Result<Option<bool>, CliError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v.as_bool().map(Some).ok_or_else(|| self.err(key, "expected true or false")),
        }
    }

    /// A value in the shape `list --json` prints it, read by the core's own serde types.
    fn typed<T: DeserializeOwned>(&self, key: &str, shape: &str) -> Result<Option<T>, CliError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => {
                T::deserialize(v).map(Some).map_err(|e| self.err(key, format!("expected {shape} ({e})")))
            }
        }
    }

    /// An instant: RFC 3339 as `list --json` prints it, or local `YYYY-MM-DD HH:MM`.
    fn instant(&self, key: &str, field: Field) -> Result<Option<LocalInstant>, CliError> {
        self.string(key)?
            .map(|s| parse::instant(field, &s, &Local, local_today()).map_err(|e| self.core(key, &e)))
            .transpose()
    }

    fn date(&self, key: &str, field: Field) -> Result<Option<NaiveDate>, CliError> {
        self.string(key)?
            .map(|s| parse::date(field, &s, local_today()).map_err(|e| self.core(key, &e)))
            .transpose()
    }

    fn time(&self, key: &str, field: Field) -> Result<Option<NaiveTime>, CliError> {
        self.string(key)?.map(|s| clock_time(field, &s).map_err(|e| self.core(key, &e))).transpose()
    }

    /// A nested object under `key` (`switch`, an element of `regimen`).
    fn nested(&self, key: String, value: &'a Value) -> Result<Obj<'a>, CliError> {
        let map = value.as_object().ok_or_else(|| self.err(&key, "expected an object"))?;
        Ok(Obj { map, index: self.index, kind: self.kind, within: Some(self.name(&key)) })
    }
}

/// `HH:MM`, or `HH:MM:00` as `list --json` prints times of day.
fn clock_time(field: Field, s: &str) -> Result<NaiveTime, ValidationError> {
    let trimmed = s.trim();
    let short = match trimmed.strip_suffix(":00") {
        Some(hh_mm) if trimmed.len() == 8 => hh_mm,
        _ => trimmed,
    };
    parse::clock_time(field, short).map_err(|_| ValidationError::unreadable(field, s, Expected::ClockTime))
}

/// A substance as `list --json` prints it (`{"molecule": "lormetazepam"}` or `"unknown"`), or a
/// molecule or brand name.
fn drug_name(obj: &Obj<'_>, key: &str) -> Result<String, CliError> {
    match obj.required(key)? {
        Value::String(name) => Ok(name.clone()),
        _ => match obj.typed::<Substance>(key, "a name, \"unknown\" or {\"molecule\": NAME}")? {
            Some(Substance::Known(m)) => Ok(m.name().to_owned()),
            Some(Substance::Unknown) | None => Ok("unknown".to_owned()),
        },
    }
}

const AMOUNT_SHAPE: &str = "{\"mg\": X} or {\"tablets\": {\"quarters\": N, \"strength_mg\": MG}}";

impl Pending {
    fn read(index: Option<usize>, value: &Value) -> Result<Self, CliError> {
        let map = value.as_object().ok_or_else(|| {
            CliError::Input(format!(
                "{} is not a JSON object (expected {{\"kind\": …, …}}); nothing was logged",
                which(index, None)
            ))
        })?;
        let top = Obj { map, index, kind: None, within: None };
        let kind_text = top.string("kind")?.ok_or_else(|| top.err("kind", "is required"))?;
        let kind = parse::choice::<EntryKind>(Field::Kind, &kind_text).map_err(|_| {
            top.err(
                "kind",
                format!("{kind_text:?} is not a kind of entry (one of {})", loggable().join(", ")),
            )
        })?;
        let o = Obj { kind: Some(kind), ..top };
        let mut reference = None;
        let mut status = None;
        let mut changes = vec![];
        let mut stopped = None;
        let draft = match kind {
            EntryKind::Dose => {
                o.only(
                    &["kind", "taken_at", "substance", "typed_name", "amount", "use", "note", "medicine"],
                    &["substance_name", "mg", "tablets", "de_low_mg", "de_high_mg", "de_table", "planned"],
                )?;
                let amount: Amount =
                    o.typed("amount", AMOUNT_SHAPE)?.ok_or_else(|| o.err("amount", "is required"))?;
                let (mg, tablets, strength_mg) = amount.parts();
                reference = o.reference("medicine", EntryKind::Medicine)?;
                EntryDraft::Dose(DoseDraft {
                    taken_at: o.instant("taken_at", Field::TakenAt)?,
                    // The name the patient typed ("Xanax") when `list --json` kept one, only while it
                    // names the same substance (an edited "substance" wins over a stale name).
                    drug: {
                        let substance = drug_name(&o, "substance")?;
                        let same = |typed: &str| {
                            let parsed = |n: &str| steady_core::domain::dose::parse_substance(n).ok();
                            parsed(typed).is_some() && parsed(typed) == parsed(&substance)
                        };
                        match o.string("typed_name")? {
                            Some(typed) if same(&typed) => typed,
                            _ => substance,
                        }
                    },
                    mg,
                    tablets,
                    strength_mg,
                    non_prescribed: o.use_("use")?,
                    note: o.string("note")?,
                    medicine: None,
                })
            }
            EntryKind::Sleep => {
                o.only(
                    &[
                        "kind",
                        "night",
                        "reported_sleep_min",
                        "quality",
                        "latency_min",
                        "awakenings",
                        "waso_min",
                        "in_bed",
                        "tried_to_sleep",
                        "final_awakening",
                        "out_of_bed",
                        "note",
                    ],
                    &[
                        "total_sleep_min",
                        "time_in_bed_min",
                        "efficiency_percent",
                        "quality_score",
                        "quality_label",
                    ],
                )?;
                let quality = match o.get("quality") {
                    Some(Value::Number(n)) => {
                        Some(n.as_i64().ok_or_else(|| o.err("quality", "expected a whole number 1–5"))?)
                    }
                    _ => o
                        .typed::<SleepQuality>("quality", "very_poor, poor, fair, good, very_good or 1–5")?
                        .map(|q| i64::from(q.score())),
                };
                EntryDraft::Sleep(SleepDraft {
                    night: o.date("night", Field::Night)?,
                    hours: o.int("reported_sleep_min")?.map(|m| m as f64 / 60.0),
                    quality,
                    latency_min: o.int("latency_min")?,
                    awakenings: o.int("awakenings")?,
                    waso_min: o.int("waso_min")?,
                    in_bed: o.time("in_bed", Field::InBed)?,
                    tried_to_sleep: o.time("tried_to_sleep", Field::TriedToSleep)?,
                    final_awakening: o.time("final_awakening", Field::FinalAwakening)?,
                    out_of_bed: o.time("out_of_bed", Field::OutOfBed)?,
                    note: o.string("note")?,
                })
            }
            EntryKind::Anxiety => {
                o.only(&["kind", "at", "score", "note"], &[])?;
                let score = o.int("score")?.ok_or_else(|| o.err("score", "is required"))?;
                EntryDraft::Anxiety { at: o.instant("at", Field::At)?, score, note: o.string("note")? }
            }
            EntryKind::Gad7 => {
                o.only(&["kind", "at", "items"], &["total", "band"])?;
                let items = match o.required("items")? {
                    Value::Array(items) => items
                        .iter()
                        .map(|v| v.as_i64().ok_or_else(|| o.err("items", "expected whole numbers 0–3")))
                        .collect::<Result<Vec<i64>, _>>()?,
                    _ => return Err(o.err("items", "expected an array of seven whole numbers 0–3")),
                };
                EntryDraft::Gad7 { at: o.instant("at", Field::At)?, items }
            }
            EntryKind::Goal => {
                o.only(
                    &[
                        "kind",
                        "set_at",
                        "goal_kind",
                        "what_matters",
                        "due",
                        "review_on",
                        "proposed_by",
                        "agreed_with",
                        "status",
                    ],
                    &["description"],
                )?;
                let goal_kind: GoalKind = o
                    .typed("goal_kind", "{\"kind\": \"stop\"|\"reduce\"|\"stable\"|\"keep\", \"molecule\": NAME, \"target_mg\": X}")?
                    .ok_or_else(|| o.err("goal_kind", "is required"))?;
                let (kind, molecule, target_mg) = match goal_kind {
                    GoalKind::Stop { molecule } => (GoalType::Stop, molecule, None),
                    GoalKind::Reduce { molecule, target_mg } => {
                        (GoalType::Reduce, Some(molecule), Some(target_mg))
                    }
                    GoalKind::Stable { molecule } => (GoalType::Stable, molecule, None),
                    GoalKind::Keep => (GoalType::Keep, None, None),
                };
                status = o
                    .typed::<GoalStatus>("status", &format!("one of {}", GoalStatus::keys().join(", ")))?
                    .filter(|s| *s != GoalStatus::Active);
                EntryDraft::Goal(GoalDraft {
                    set_at: o.instant("set_at", Field::SetAt)?,
                    kind,
                    what_matters: o.string("what_matters")?.unwrap_or_default(),
                    drug: molecule.map(|m: Molecule| m.name().to_owned()),
                    target_mg,
                    due: o.date("due", Field::Due)?,
                    review_on: o.date("review_on", Field::ReviewOn)?,
                    proposed_by: o
                        .typed::<Proposer>("proposed_by", "patient, clinician or together")?
                        .unwrap_or(Proposer::Patient),
                    agreed_with: o.string("agreed_with")?,
                })
            }
            EntryKind::Review => {
                o.only(&["kind", "goal", "at", "gas", "note", "decision", "next_review"], &["gas_label"])?;
                reference = o.reference("goal", EntryKind::Goal)?;
                if reference.is_none() {
                    return Err(
                        o.err("goal", "is required (the goal's id, or at least 4 of its first hex digits)")
                    );
                }
                EntryDraft::Review {
                    goal: EntryId::from_bytes([0; 16]),
                    at: o.instant("at", Field::At)?,
                    gas: o.int("gas")?.ok_or_else(|| o.err("gas", "is required"))?,
                    note: o.string("note")?,
                    decision: o
                        .typed::<ReviewDecision>("decision", "keep, adjust or change")?
                        .unwrap_or(ReviewDecision::Keep),
                    next_review: o.date("next_review", Field::NextReview)?,
                }
            }
            EntryKind::Question => {
                o.only(&["kind", "asked_at", "text", "discussed"], &[])?;
                EntryDraft::Question {
                    at: o.instant("asked_at", Field::At)?,
                    text: o.string("text")?.unwrap_or_default(),
                    discussed: o.boolean("discussed")?.unwrap_or(false),
                }
            }
            EntryKind::Medicine => {
                o.only(
                    &["kind", "name", "molecule", "use", "started", "stopped", "regimen"],
                    &["molecule_name", "active"],
                )?;
                let name = o.string("name")?.ok_or_else(|| o.err("name", "is required"))?;
                let non_prescribed = o.use_("use")?;
                let periods = match o.required("regimen")? {
                    Value::Array(periods) if !periods.is_empty() => periods,
                    _ => {
                        return Err(o.err(
                            "regimen",
                            "expected an array of one or more {\"from\", \"amount\", \"times\"}",
                        ))
                    }
                };
                let mut drafts = vec![];
                for (i, period) in periods.iter().enumerate() {
                    let r = o.nested(format!("regimen[{i}]"), period)?;
                    r.only(&["from", "amount", "times"], &[])?;
                    let amount: Amount =
                        r.typed("amount", AMOUNT_SHAPE)?.ok_or_else(|| r.err("amount", "is required"))?;
                    let (mg, tablets, strength_mg) = amount.parts();
                    let times = match r.get("times") {
                        None => vec![],
                        Some(Value::Array(times)) => times
                            .iter()
                            .map(|t| {
                                let s = t
                                    .as_str()
                                    .ok_or_else(|| r.err("times", "expected times as \"HH:MM\""))?;
                                clock_time(Field::Times, s).map_err(|e| r.core("times", &e))
                            })
                            .collect::<Result<Vec<_>, _>>()?,
                        Some(_) => return Err(r.err("times", "expected an array of \"HH:MM\"")),
                    };
                    drafts.push(MedicineDraft {
                        drug: name.clone(),
                        mg,
                        tablets,
                        strength_mg,
                        as_needed: times.is_empty(),
                        times,
                        non_prescribed,
                        from: Some(r.date("from", Field::From)?.ok_or_else(|| r.err("from", "is required"))?),
                    });
                }
                if let Some(molecule) = o.typed::<Molecule>("molecule", "a molecule's name")? {
                    if steady_core::domain::dose::parse_substance(&name).ok()
                        != Some(Substance::Known(molecule))
                    {
                        return Err(o.err("molecule", format!("does not match the name {name:?}")));
                    }
                }
                let first = drafts.remove(0);
                if let Some(started) = o.date("started", Field::From)? {
                    if Some(started) != first.from {
                        return Err(o.err("started", "must be the first regimen period's \"from\""));
                    }
                }
                changes = drafts;
                stopped = o.date("stopped", Field::On)?;
                EntryDraft::Medicine(first)
            }
            EntryKind::Skip => {
                o.only(&["kind", "medicine", "at", "note"], &[])?;
                reference = o.reference("medicine", EntryKind::Medicine)?;
                if reference.is_none() {
                    return Err(o.err(
                        "medicine",
                        "is required (the medicine's id, or at least 4 of its first hex digits)",
                    ));
                }
                EntryDraft::Skip {
                    medicine: EntryId::from_bytes([0; 16]),
                    at: o.instant("at", Field::At)?,
                    note: o.string("note")?,
                }
            }
            EntryKind::Plan => {
                o.only(
                    &[
                        "kind",
                        "molecule",
                        "start_mg",
                        "start",
                        "percent",
                        "interval_days",
                        "strengths_mg",
                        "split",
                        "floor_mg",
                        "pace",
                        "switch",
                        "tail",
                        "holds",
                        "changes",
                        "ended",
                    ],
                    &["molecule_name", "holding"],
                )?;
                for later in ["holds", "changes"] {
                    if o.get(later).is_some_and(|v| v.as_array().is_none_or(|a| !a.is_empty())) {
                        return Err(o.err(
                            later,
                            "a plan's holds and pace changes are made from today with `steady plan hold` and \
                             `steady plan adjust`, not logged (leave it out or [])",
                        ));
                    }
                }
                if o.get("ended").is_some() {
                    return Err(
                        o.err("ended", "a plan is ended with `steady plan end`, not logged (leave it out)")
                    );
                }
                let strengths_mg = match o.required("strengths_mg")? {
                    Value::Array(values) => values
                        .iter()
                        .map(|v| v.as_f64().ok_or_else(|| o.err("strengths_mg", "expected numbers (mg)")))
                        .collect::<Result<Vec<f64>, _>>()?,
                    _ => return Err(o.err("strengths_mg", "expected an array of tablet strengths in mg")),
                };
                let switch = match o.get("switch") {
                    None => None,
                    Some(value) => {
                        let s = o.nested("switch".into(), value)?;
                        s.only(&["from", "from_mg", "table", "agreed_with"], &["diazepam_mg"])?;
                        Some(SwitchDraft {
                            from_drug: drug_name(&s, "from")?,
                            from_mg: s.number("from_mg")?.ok_or_else(|| s.err("from_mg", "is required"))?,
                            table: s.typed::<EquivalenceTable>(
                                "table",
                                &format!("one of {}", EquivalenceTable::keys().join(", ")),
                            )?,
                            agreed_with: s.string("agreed_with")?.unwrap_or_default(),
                        })
                    }
                };
                EntryDraft::Plan(PlanDraft {
                    drug: drug_name(&o, "molecule")?,
                    start_mg: o.number("start_mg")?.ok_or_else(|| o.err("start_mg", "is required"))?,
                    start: o.date("start", Field::Start)?,
                    percent: o.number("percent")?,
                    interval_days: o.int("interval_days")?,
                    strengths_mg,
                    split: o.typed::<Split>("split", "whole, half or quarter")?.unwrap_or_default(),
                    floor_mg: o.number("floor_mg")?,
                    pace: o.typed::<Pace>("pace", "gentle or standard")?,
                    switch,
                    tail: o.typed::<Tail>(
                        "tail",
                        "{\"kind\": \"liquid\", \"mg_per_ml\": X, \"min_ml\": Y} or {\"kind\": \"compounded\", \"step_mg\": Z}",
                    )?,
                })
            }
            EntryKind::Settings => {
                return Err(o.err("kind", "settings are changed one at a time with `steady settings set`"));
            }
        };
        Ok(Pending { index, kind, draft, reference, status, changes, stopped })
    }

    /// Resolves the reference to the entry already in the diary, and puts its id in the draft.
    fn resolve(&mut self, entries: &[Entry]) -> Result<(), CliError> {
        let Some(r) = &self.reference else { return Ok(()) };
        let noun = output::kind_label(r.to);
        let to = r.to;
        let id = resolve_id(entries, &r.typed, noun, |e| e.body.kind() == to).map_err(|e| {
            refused(self.index, Some(self.kind), r.key, format!("{} (it must be in the diary already)", e))
        })?;
        match &mut self.draft {
            EntryDraft::Dose(d) => d.medicine = Some(id),
            EntryDraft::Review { goal, .. } => *goal = id,
            EntryDraft::Skip { medicine, .. } => *medicine = id,
            _ => {}
        }
        Ok(())
    }

    fn core_error(&self, e: &ValidationError) -> CliError {
        refused(self.index, Some(self.kind), key_of(self.kind, e.field), reason(e))
    }
}

impl Obj<'_> {
    /// `"use": "prescribed" | "non_prescribed"` (default prescribed).
    fn use_(&self, key: &str) -> Result<bool, CliError> {
        Ok(self.typed::<Use>(key, "prescribed or non_prescribed")? == Some(Use::NonPrescribed))
    }

    fn reference(&self, key: &'static str, to: EntryKind) -> Result<Option<Reference>, CliError> {
        Ok(self.string(key)?.map(|typed| Reference { key, typed, to }))
    }
}

/// The kinds `log --json -` takes.
fn loggable() -> Vec<&'static str> {
    EntryKind::ALL.iter().filter(|k| **k != EntryKind::Settings).map(|k| k.key()).collect()
}

/// Checks every element against the core's rules and the diary before anything is written: the
/// draft itself, what it refers to, the one-plan-at-a-time rule, and a medicine's later periods.
fn check_all(pending: &[Pending], entries: &[Entry]) -> Result<(), CliError> {
    let now = Local::now().fixed_offset();
    let is_goal = |id: EntryId| entries.iter().any(|e| e.id == id && matches!(e.body, EntryBody::Goal(_)));
    let mut plan_open = entries.iter().any(|e| matches!(&e.body, EntryBody::Plan(p) if p.ended.is_none()));
    for p in pending {
        let body = p.draft.validate(now, is_goal).map_err(|e| p.core_error(&e))?;
        match body {
            EntryBody::Plan(_) if plan_open => {
                return Err(p.core_error(&ValidationError::new(
                    Field::Plan,
                    Problem::not_allowed(Rule::EndThePlanFirst),
                )))
            }
            EntryBody::Plan(_) => plan_open = true,
            EntryBody::Medicine(m) => {
                let mut m = *m;
                for change in &p.changes {
                    m = m.changed(change, now).map_err(|e| p.core_error(&e))?;
                }
                if let Some(on) = p.stopped {
                    m.stop(on).map_err(|e| p.core_error(&e))?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Writes every element in order. The core writes one entry per call, so should one still fail
/// (the disk, or a rule checked only at write time), the entries this run wrote are deleted again
/// and a goal a review changed is put back, so the diary is left as it was.
fn write_all(
    core: &SteadyCore,
    pending: Vec<Pending>,
    before: &[Entry],
) -> Result<Vec<(EntryKind, EntryId)>, CliError> {
    let mut written: Vec<(EntryKind, EntryId)> = vec![];
    for p in pending {
        let (index, kind) = (p.index, p.kind);
        if let Err(e) = write_one(core, p, &mut written) {
            let why = match e {
                CoreError::Invalid(v) => located(index, Some(kind), key_of(kind, v.field), reason(&v)),
                other => format!("{}: {}", which(index, Some(kind)), CliError::from(other)),
            };
            return Err(CliError::Input(match undo(core, &written, before) {
                Ok(()) => format!("{why}; nothing was logged"),
                Err(left) => format!(
                    "{why}; {left} of the changes this run had made could not be undone (see `steady list`)"
                ),
            }));
        }
    }
    Ok(written)
}

fn write_one(
    core: &SteadyCore,
    p: Pending,
    written: &mut Vec<(EntryKind, EntryId)>,
) -> Result<(), CoreError> {
    let id = core.log(p.draft)?;
    written.push((p.kind, id));
    if let Some(status) = p.status {
        core.set_goal_status(id, status)?;
    }
    for change in p.changes {
        core.change_medicine(id, change)?;
    }
    if let Some(on) = p.stopped {
        core.stop_medicine(id, Some(on))?;
    }
    Ok(())
}

/// Deletes what this run wrote (newest first) and restores goals a review changed.
fn undo(core: &SteadyCore, written: &[(EntryKind, EntryId)], before: &[Entry]) -> Result<(), usize> {
    let mut left = 0;
    for (_, id) in written.iter().rev() {
        match core.delete(*id) {
            Ok(_) => {}
            // A review goes with its goal: already gone.
            Err(CoreError::Invalid(ValidationError { problem: Problem::NoSuchEntry, .. })) => {}
            Err(_) => left += 1,
        }
    }
    let now = core.entries(None, None).unwrap_or_default();
    for old in before.iter().filter(|e| matches!(e.body, EntryBody::Goal(_))) {
        let Some(current) = now.iter().find(|e| e.id == old.id) else { continue };
        if current.body == old.body {
            continue;
        }
        let (EntryBody::Goal(goal), Some(draft)) = (&old.body, old.body.draft()) else { continue };
        if core.edit(old.id, draft).and_then(|_| core.set_goal_status(old.id, goal.status)).is_err() {
            left += 1;
        }
    }
    if left == 0 {
        Ok(())
    } else {
        Err(left)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        match read_entries(text) {
            Ok(_) => panic!("{text} was read"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn refusals_name_the_element_and_the_field() {
        let e = error(r#"[{"kind": "anxiety", "score": 3}, {"kind": "dose", "substance": "diazepam"}]"#);
        assert_eq!(e, "element 1 (dose), field \"amount\": is required; nothing was logged");
        let e = error(r#"{"kind": "anxiety", "score": 3, "id": "abcd"}"#);
        assert!(e.starts_with("the anxiety, field \"id\": is an id or a derived value"), "{e}");
        let e = error(r#"{"kind": "dose", "substance": "diazepam", "amount": {"mg": 2}, "mg": 2}"#);
        assert!(e.contains("field \"mg\": is an id or a derived value"), "{e}");
        let e = error(r#"{"kind": "dose", "substance": "x", "amount": {"mg": 2}, "non_prescribed": true}"#);
        assert!(e.contains("\"non_prescribed\": is not a field of this kind") && e.contains("use"), "{e}");
        let e = error(r#"[{"kind": "anxiety", "score": 3}, {"kind": "sleep", "night": "2026-13-01"}]"#);
        assert!(e.starts_with("element 1 (sleep), field \"night\": could not read \"2026-13-01\""), "{e}");
        let e = error(
            r#"{"kind": "medicine", "name": "Stilnoct", "regimen": [{"from": "2025-01-01", "amount": {"mg": 5}, "times": ["25:00"]}]}"#,
        );
        assert!(e.contains("field \"regimen[0].times\": could not read \"25:00\""), "{e}");
        assert!(error(r#"[{"kind": "settings"}]"#).contains("steady settings set"));
        assert!(error(r#"[{"kind": "nap"}]"#).contains("one of dose, sleep"));
        assert!(error("[1]").starts_with("element 0 is not a JSON object"));
        assert!(error("[]").contains("empty"));
        assert!(error("{").contains("not valid JSON"));
    }

    #[test]
    fn the_typed_name_is_kept_only_while_it_names_the_substance() {
        let drug = |json: &str| match &read_entries(json).unwrap()[0].draft {
            EntryDraft::Dose(d) => d.drug.clone(),
            _ => unreachable!("a dose"),
        };
        let dose = |substance: &str| {
            format!(
                r#"[{{"kind": "dose", "taken_at": "2025-06-01 22:30", "substance": {substance},
                     "typed_name": "Xanax", "amount": {{"mg": 0.5}}, "use": "non_prescribed"}}]"#
            )
        };
        assert_eq!(drug(&dose(r#"{"molecule": "alprazolam"}"#)), "Xanax");
        // The patient corrected the substance: the stale name does not override it.
        assert_eq!(drug(&dose(r#"{"molecule": "diazepam"}"#)), "diazepam");
    }

    #[test]
    fn a_write_refused_half_way_is_undone_goal_included() {
        use std::sync::Arc;
        use steady_core::{DataKey, DiaryDir, SystemClock, Unlock};
        let dir = tempfile::tempdir().unwrap();
        let unlock = Unlock::Key(DataKey::generate().unwrap());
        let core = DiaryDir::new(dir.path().join("diary")).create(&unlock, Arc::new(SystemClock)).unwrap();
        let goal = core
            .log(EntryDraft::Goal(GoalDraft {
                set_at: None,
                kind: GoalType::Keep,
                what_matters: "Walk to the market".into(),
                drug: None,
                target_mg: None,
                due: None,
                review_on: None,
                proposed_by: Proposer::Patient,
                agreed_with: None,
            }))
            .unwrap();
        let before = core.entries(None, None).unwrap();
        // The second plan is refused by the core at write time (check_all is skipped here on
        // purpose): the review, its change to the goal and the first plan must all be undone.
        let mut pending = read_entries(&format!(
            r#"[{{"kind": "review", "goal": "{goal}", "gas": 1, "decision": "change", "next_review": "2099-01-01"}},
                {{"kind": "anxiety", "score": 4}},
                {{"kind": "plan", "molecule": "diazepam", "start_mg": 10, "strengths_mg": [5]}},
                {{"kind": "plan", "molecule": "diazepam", "start_mg": 8, "strengths_mg": [2]}}]"#
        ))
        .unwrap();
        for p in &mut pending {
            p.resolve(&before).unwrap();
        }
        let err = write_all(&core, pending, &before).unwrap_err().to_string();
        assert!(
            err.starts_with("element 3 (plan), field \"kind\"") && err.ends_with("nothing was logged"),
            "{err}"
        );
        assert!(core.entries(None, None).unwrap() == before, "the diary is as it was");
    }

    #[test]
    fn the_core_names_the_field_by_its_json_key() {
        let pending = read_entries(
            r#"[{"kind": "dose", "substance": {"molecule": "diazepam"}, "amount": {"mg": -1}},
                {"kind": "sleep", "night": "2025-01-01", "quality": "good", "reported_sleep_min": 600,
                 "in_bed": "23:00:00", "out_of_bed": "06:00"}]"#,
        )
        .unwrap();
        let e = check_all(&pending[..1], &[]).unwrap_err().to_string();
        assert_eq!(e, "element 0 (dose), field \"amount\": mg must be greater than zero; nothing was logged");
        let e = check_all(&pending[1..], &[]).unwrap_err().to_string();
        assert!(
            e.starts_with("element 1 (sleep), field \"reported_sleep_min\": hours is inconsistent"),
            "{e}"
        );
        assert!(clock_time(Field::InBed, "23:00:30").is_err());
        assert_eq!(clock_time(Field::InBed, "07:05:00").unwrap(), NaiveTime::from_hms_opt(7, 5, 0).unwrap());
    }
}
