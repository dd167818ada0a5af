//! One function per command: arguments → the core's typed values → one call of the core's API →
//! text. Arguments are read (with the core's grammar) *before* the diary is unlocked, so a typo
//! costs neither a passphrase prompt nor a key derivation.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{Local, NaiveDate};
use steady_core::domain::{
    parse, DoseDraft, Entry, EntryBody, EntryDraft, EntryId, EntryKind, Field, GoalDraft, Hideable,
    LocalInstant, SleepDraft,
};
use steady_core::{DiaryDir, ExportFormat, Lang, SteadyCore, SummaryRequest, SystemClock};

use crate::error::CliError;
use crate::outfile::{self, Existing};
use crate::output;
use crate::stdin;
use crate::unlock::{self, Purpose};
use crate::{AnxietyArgs, DoseArgs, Gad7Args, GoalReviewArgs, GoalSetArgs, ListArgs, SleepArgs, SummaryArgs};

/// Global options every command shares.
#[derive(Debug)]
pub struct Ctx {
    /// `--data-dir`.
    pub data_dir: Option<PathBuf>,
    /// `--key-file`.
    pub key_file: Option<PathBuf>,
}

impl Ctx {
    /// The diary directory: `--data-dir`, else the platform data directory (XDG on Linux).
    pub(crate) fn dir(&self) -> Result<DiaryDir, CliError> {
        if let Some(dir) = &self.data_dir {
            return Ok(DiaryDir::new(dir));
        }
        directories::ProjectDirs::from("", "", "steady").map(|p| DiaryDir::new(p.data_dir())).ok_or_else(
            || CliError::Usage("cannot find a home directory for the diary; pass --data-dir".into()),
        )
    }

    /// Unlocks the existing diary (checking it exists before asking for a passphrase).
    pub(crate) fn open(&self) -> Result<SteadyCore, CliError> {
        let dir = self.dir()?;
        if !dir.exists() {
            return Err(CliError::NoDiary(dir.path().to_owned()));
        }
        let got = unlock::obtain(self.key_file.as_deref(), Purpose::Open)?;
        let core = dir.open(&got.unlock, Arc::new(SystemClock))?;
        warn_about(&core.view()?.integrity);
        Ok(core)
    }
}

/// Never silent: what the diary check found, on stderr, for every command that reads the diary.
fn warn_about(check: &steady_core::domain::Integrity) {
    if check.is_ok() {
        return;
    }
    let mut found = vec![];
    for (n, what) in [
        (check.unreadable.len(), "could not be read (damaged or changed)"),
        (check.missing.len(), "were removed outside Steady"),
        (check.unexpected.len(), "were added, replayed or changed outside Steady"),
    ] {
        if n > 0 {
            found.push(format!("{n} {} {what}", if n == 1 { "entry" } else { "entries" }));
        }
    }
    if check.manifest_damaged {
        found.push("the diary's list of entries could not be checked".to_owned());
    }
    eprintln!(
        "warning: diary check: {}; figures may be incomplete (`steady recover` keeps the damaged file and copies what is readable)",
        found.join("; ")
    );
}

/// The local date today.
pub(crate) fn local_today() -> NaiveDate {
    Local::now().date_naive()
}

/// `--at`, read in the local time zone; `None` lets the core use its clock.
pub(crate) fn at(value: Option<&str>) -> Result<Option<LocalInstant>, CliError> {
    Ok(value.map(|s| parse::instant(Field::At, s, &Local, local_today())).transpose()?)
}

pub(crate) fn number(field: Field, value: Option<&str>) -> Result<Option<f64>, CliError> {
    Ok(value.map(|s| parse::number(field, s)).transpose()?)
}

pub(crate) fn date(field: Field, value: Option<&str>) -> Result<Option<NaiveDate>, CliError> {
    Ok(value.map(|s| parse::date(field, s, local_today())).transpose()?)
}

/// Finds the one entry whose id starts with `typed` among those `wanted` accepts.
pub(crate) fn resolve_id(
    entries: &[Entry],
    typed: &str,
    noun: &str,
    wanted: impl Fn(&Entry) -> bool,
) -> Result<EntryId, CliError> {
    let prefix = parse::id_prefix(Field::Id, typed)?;
    let matching: Vec<&Entry> = entries.iter().filter(|e| e.id.hex().starts_with(&prefix)).collect();
    let candidates: Vec<&Entry> = matching.iter().copied().filter(|e| wanted(e)).collect();
    match candidates.as_slice() {
        [one] => Ok(one.id),
        [] if !matching.is_empty() => {
            Err(CliError::Id(format!("the entry with id {typed} is not a {noun} (see `steady list`)")))
        }
        [] => Err(CliError::Id(format!("no {noun} has an id starting with {typed} (see `steady list`)"))),
        many => {
            let ids: Vec<String> = many.iter().take(5).map(|e| e.id.to_string()).collect();
            Err(CliError::Id(format!(
                "{typed} matches {} entries ({}{}); type more of the id",
                many.len(),
                ids.join(", "),
                if many.len() > 5 { ", …" } else { "" }
            )))
        }
    }
}

/// The one entry of the kind `wanted` whose id starts with `typed`.
pub(crate) fn find(
    core: &SteadyCore,
    typed: &str,
    noun: &str,
    wanted: impl Fn(&Entry) -> bool,
) -> Result<(EntryId, Vec<Entry>), CliError> {
    let entries = core.entries(None, None)?;
    let id = resolve_id(&entries, typed, noun, wanted)?;
    Ok((id, entries))
}

/// `steady init`.
pub fn init(ctx: &Ctx) -> Result<String, CliError> {
    let dir = ctx.dir()?;
    if dir.exists() {
        return Err(CliError::DiaryExists(dir.path().to_owned()));
    }
    let got = unlock::obtain(ctx.key_file.as_deref(), Purpose::Create)?;
    if let Err(e) = dir.create(&got.unlock, Arc::new(SystemClock)) {
        // A key file written for a diary that was never created would only confuse later.
        if let (Some(_), Some(path)) = (&got.notice, &ctx.key_file) {
            let _ = std::fs::remove_file(path);
        }
        return Err(e.into());
    }
    let mut out = format!("Created a new diary in {}.\n", dir.path().display());
    match (&got.notice, &ctx.key_file) {
        (Some(notice), _) => out.push_str(&format!("{notice}\n")),
        (None, Some(path)) => out.push_str(&format!("It is locked with the key in {}.\n", path.display())),
        (None, None) => {
            out.push_str("Remember your passphrase: it cannot be recovered, and nobody can reset it.\n")
        }
    }
    Ok(out)
}

/// Logs one draft and says so by kind and short id.
fn log(ctx: &Ctx, draft: EntryDraft) -> Result<(EntryKind, EntryId), CliError> {
    let kind = draft.kind();
    Ok((kind, ctx.open()?.log(draft)?))
}

/// `steady log dose`.
pub fn log_dose(ctx: &Ctx, a: &DoseArgs) -> Result<String, CliError> {
    let draft = DoseDraft {
        taken_at: at(a.at.as_deref())?,
        drug: a.drug.clone(),
        mg: number(Field::Mg, a.mg.as_deref())?,
        tablets: a.tablets.as_deref().map(|t| parse::tablets(Field::Tablets, t)).transpose()?,
        strength_mg: number(Field::StrengthMg, a.strength.as_deref())?,
        non_prescribed: a.non_prescribed,
        note: stdin::text(a.note.as_deref(), "note")?,
        medicine: None,
    };
    let (kind, id) = log(ctx, EntryDraft::Dose(draft))?;
    Ok(format!("{}\n", output::saved("Logged", kind, id)))
}

/// `steady log sleep`.
pub fn log_sleep(ctx: &Ctx, a: &SleepArgs) -> Result<String, CliError> {
    let time = |field, t: &Option<String>| t.as_deref().map(|t| parse::clock_time(field, t)).transpose();
    let draft = SleepDraft {
        night: Some(parse::date(Field::Night, &a.night, local_today())?),
        hours: a.hours.as_deref().map(|h| parse::number(Field::Hours, h)).transpose()?,
        quality: Some(a.quality),
        latency_min: a.latency_min,
        awakenings: a.awakenings,
        waso_min: a.waso_min,
        in_bed: time(Field::InBed, &a.in_bed)?,
        out_of_bed: time(Field::OutOfBed, &a.out_of_bed)?,
        tried_to_sleep: time(Field::TriedToSleep, &a.tried_to_sleep)?,
        final_awakening: time(Field::FinalAwakening, &a.final_awakening)?,
        note: None,
    };
    let (kind, id) = log(ctx, EntryDraft::Sleep(draft))?;
    Ok(format!("{}\n", output::saved("Logged", kind, id)))
}

/// `steady log anxiety`.
pub fn log_anxiety(ctx: &Ctx, a: &AnxietyArgs) -> Result<String, CliError> {
    let note = stdin::text(a.note.as_deref(), "note")?;
    let draft = EntryDraft::Anxiety { at: at(a.at.as_deref())?, score: a.score, note };
    let (kind, id) = log(ctx, draft)?;
    Ok(format!("{}\n", output::saved("Logged", kind, id)))
}

/// `steady log gad7`.
pub fn log_gad7(ctx: &Ctx, a: &Gad7Args) -> Result<String, CliError> {
    let items = parse::gad7_items(Field::Items, &a.items)?;
    let draft = EntryDraft::Gad7 { at: at(a.at.as_deref())?, items };
    let core = ctx.open()?;
    let id = core.log(draft)?;
    let entry = core.entries(None, None)?.into_iter().find(|e| e.id == id);
    let Some(EntryBody::Gad7(g)) = entry.map(|e| e.body) else {
        return Err(CliError::Internal("the saved GAD-7 is not in the diary".into()));
    };
    Ok(format!(
        "{} Total {} ({}).\n",
        output::saved("Logged", EntryKind::Gad7, id),
        g.total(),
        g.band().label()
    ))
}

/// `steady goal set`.
pub fn goal_set(ctx: &Ctx, a: &GoalSetArgs) -> Result<String, CliError> {
    let draft = GoalDraft {
        set_at: None,
        kind: a.kind,
        what_matters: stdin::required_text(&a.why, "goal in your words")?,
        drug: a.drug.clone(),
        target_mg: number(Field::TargetMg, a.target_mg.as_deref())?,
        due: date(Field::Due, a.by.as_deref())?,
        review_on: date(Field::ReviewOn, a.review.as_deref())?,
        proposed_by: a.proposed_by,
        agreed_with: a.agreed_with.clone(),
    };
    let (kind, id) = log(ctx, EntryDraft::Goal(draft))?;
    Ok(format!("{}\n", output::saved("Set", kind, id)))
}

/// `steady goal review`.
pub fn goal_review(ctx: &Ctx, a: &GoalReviewArgs) -> Result<String, CliError> {
    parse::id_prefix(Field::Id, &a.id)?;
    let next_review = date(Field::NextReview, a.next_review.as_deref())?;
    let note = stdin::text(a.note.as_deref(), "note")?;
    let core = ctx.open()?;
    let (goal, _) = find(&core, &a.id, "goal", |e| matches!(e.body, EntryBody::Goal(_)))?;
    let draft = EntryDraft::Review { goal, at: None, gas: a.gas, note, decision: a.decision, next_review };
    let id = core.log(draft)?;
    Ok(format!("Logged review {} of goal {}.\n", id.short(), goal.short()))
}

/// `steady goal list`.
pub fn goal_list(ctx: &Ctx, json: bool) -> Result<String, CliError> {
    let core = ctx.open()?;
    let entries = core.entries(None, None)?;
    let goals = output::collect_goals(&entries);
    if json {
        let value = output::goals_json(&goals, local_today(), core.view()?.table)?;
        return Ok(format!("{}\n", serde_json::to_string_pretty(&value)?));
    }
    Ok(output::goals_text(&goals, local_today()))
}

/// `steady list`.
pub fn list(ctx: &Ctx, a: &ListArgs) -> Result<String, CliError> {
    let (from, to) = (date(Field::From, a.from.as_deref())?, date(Field::To, a.to.as_deref())?);
    if let (Some(f), Some(t)) = (from, to) {
        steady_core::domain::Period::new(f, t)?;
    }
    let core = ctx.open()?;
    if a.json {
        let entries = core.entries(from, to)?;
        let table = core.view()?.table;
        let values = entries.iter().map(|e| output::entry_json(e, table)).collect::<Result<Vec<_>, _>>()?;
        return Ok(format!("{}\n", serde_json::to_string_pretty(&values)?));
    }
    Ok(output::rows(&core.history(from, to)?))
}

/// `steady delete`.
pub fn delete(ctx: &Ctx, typed: &str) -> Result<String, CliError> {
    parse::id_prefix(Field::Id, typed)?;
    let core = ctx.open()?;
    let (id, entries) = find(&core, typed, "entry", |_| true)?;
    let kind = entries.iter().find(|e| e.id == id).map(|e| e.body.kind());
    let deleted = core.delete(id)?.len();
    let label = kind.map_or("entry", output::kind_label);
    Ok(match deleted.saturating_sub(1) {
        0 => format!("Deleted {label} {}.\n", id.short()),
        1 => format!("Deleted {label} {} and its review.\n", id.short()),
        n => format!("Deleted {label} {} and its {n} reviews.\n", id.short()),
    })
}

/// `steady today [--json]`.
pub fn today(ctx: &Ctx, json: bool) -> Result<String, CliError> {
    let view = ctx.open()?.today()?;
    if json {
        return Ok(format!("{}\n", serde_json::to_string_pretty(&view)?));
    }
    Ok(output::today(&view))
}

/// `steady summary`: any format, in the clinician's language, leaving out what the patient chose.
pub fn summary(ctx: &Ctx, a: &SummaryArgs) -> Result<String, CliError> {
    let language = parse::choice::<Lang>(Field::Language, &a.lang)?;
    let mut exclude = vec![];
    for part in a.exclude.iter().flat_map(|e| e.split(',')).filter(|p| !p.trim().is_empty()) {
        exclude.push(parse::choice::<Hideable>(Field::Exclude, part)?);
    }
    let request = SummaryRequest {
        from: date(Field::From, a.from.as_deref())?,
        to: date(Field::To, a.to.as_deref())?,
        format: a.format,
        table: Some(a.table),
        language: Some(language),
        exclude,
        hidden_goals: vec![],
        ips: a.ips,
    };
    if a.ips && a.format != ExportFormat::Fhir {
        return Err(CliError::Usage("--ips goes with --format fhir".into()));
    }
    // The period's rules are checked before the passphrase is asked for.
    request.resolve(local_today())?;
    if a.format == ExportFormat::Pdf && a.out.is_none() {
        return Err(CliError::Usage("a PDF needs --out FILE".into()));
    }
    let core = ctx.open()?;
    // The period as the core resolves it, on the patient's diary day.
    let period = request.resolve(core.today_date())?.period;
    let file = core.export(&request)?;
    match &a.out {
        None => Ok(String::from_utf8_lossy(&file.bytes).into_owned()),
        Some(path) => {
            outfile::write_private(path, &file.bytes, Existing::Replace)?;
            Ok(format!("Wrote the summary for {} to {} to {}.\n", period.from(), period.to(), path.display()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;
    use steady_core::domain::AnxietyRating;

    fn entry(first: [u8; 4]) -> Entry {
        let mut bytes = [0x11; 16];
        bytes[..4].copy_from_slice(&first);
        let at = DateTime::parse_from_rfc3339("2026-03-01T20:00:00+01:00").unwrap();
        let body = EntryBody::Anxiety(AnxietyRating { at, score: 3, note: None });
        Entry { id: EntryId::from_bytes(bytes), body }
    }

    #[test]
    fn ids_resolve_by_unique_prefix_only() {
        let list = [entry([0xab, 0xcd, 0x12, 0x34]), entry([0xab, 0xcd, 0x56, 0x78]), entry([0x12, 0, 0, 0])];
        let any = |_: &Entry| true;
        assert_eq!(resolve_id(&list, "abcd12", "entry", any).unwrap(), list[0].id);
        assert_eq!(resolve_id(&list, &list[1].id.to_string(), "entry", any).unwrap(), list[1].id);
        let ambiguous = resolve_id(&list, "ABCD", "entry", any).unwrap_err().to_string();
        assert!(ambiguous.contains("matches 2 entries"), "{ambiguous}");
        assert!(resolve_id(&list, "ffff", "entry", any).unwrap_err().to_string().contains("no entry"));
        let not_goal = resolve_id(&list, "1200", "goal", |_| false).unwrap_err().to_string();
        assert!(not_goal.contains("not a goal"), "{not_goal}");
        assert!(resolve_id(&list, "abc", "entry", any).is_err(), "too short");
    }

    #[test]
    fn default_period_is_eight_weeks_ending_on_to() {
        let to = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let request = |from, to| SummaryRequest { from, to, ..SummaryRequest::default() };
        let period = request(None, Some(to)).resolve(local_today()).unwrap().period;
        assert_eq!(period.to(), to);
        assert_eq!((to - period.from()).num_days(), 55);
        assert!(request(Some(to), NaiveDate::from_ymd_opt(2026, 2, 1)).resolve(to).is_err());
        assert!(request(NaiveDate::from_ymd_opt(1970, 1, 1), Some(to)).resolve(to).is_err());
    }
}
