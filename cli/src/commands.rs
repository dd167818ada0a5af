//! One function per command: turn arguments into a core event, send it, and return the text to
//! print. Arguments are parsed *before* the diary is unlocked, so a typo costs neither a
//! passphrase prompt nor a key derivation.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Days, Local, NaiveDate};
use steady_core::app::today::TodayView;
use steady_core::app::{Event, Export, Outcome, Page, PageView};
use steady_core::domain::scores::band_of;
use steady_core::domain::{
    DoseDraft, Entry, EntryBody, EntryDraft, EntryId, EntryKind, EquivalenceTable, GoalDraft, LocalInstant,
    SleepDraft,
};
use steady_core::store::DB_FILE;
use steady_core::summary::export::{ExportFormat, ExportRequest};
use steady_core::summary::i18n::Lang;
use steady_core::summary::{Hideable, SummaryOptions};
use steady_core::{SteadyCore, SystemClock};

use crate::error::CliError;
use crate::unlock::{self, Purpose};
use crate::{output, parse};
use crate::{AnxietyArgs, DoseArgs, Gad7Args, GoalReviewArgs, GoalSetArgs, ListArgs, SleepArgs, SummaryArgs};

/// Length of the default summary period: the last 8 weeks, ending on the last day.
const DEFAULT_SUMMARY_DAYS: u64 = 8 * 7;
/// Longest summary period: longer ones would only build a huge page nobody reads in one go.
const MAX_SUMMARY_DAYS: i64 = 20 * 366;

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
    pub(crate) fn dir(&self) -> Result<PathBuf, CliError> {
        if let Some(dir) = &self.data_dir {
            return Ok(dir.clone());
        }
        directories::ProjectDirs::from("", "", "steady").map(|p| p.data_dir().to_path_buf()).ok_or_else(
            || CliError::Usage("cannot find a home directory for the diary; pass --data-dir".into()),
        )
    }

    /// Unlocks the existing diary (checking it exists before asking for a passphrase).
    pub(crate) fn open(&self) -> Result<SteadyCore, CliError> {
        let dir = self.dir()?;
        if !dir.join(DB_FILE).exists() {
            return Err(CliError::NoDiary(dir));
        }
        let got = unlock::obtain(self.key_file.as_deref(), Purpose::Open)?;
        Ok(SteadyCore::open(&dir, &got.unlock, false, Box::new(SystemClock))?)
    }
}

/// The local date today.
pub(crate) fn local_today() -> NaiveDate {
    Local::now().date_naive()
}

/// `--at`, read in the local time zone; `None` lets the core use its clock.
pub(crate) fn at(value: Option<&str>) -> Result<Option<LocalInstant>, CliError> {
    Ok(value.map(|s| parse::at("--at", s, &Local, local_today())).transpose()?)
}

pub(crate) fn number(what: &'static str, value: Option<&str>) -> Result<Option<f64>, CliError> {
    Ok(value.map(|s| parse::number(what, s)).transpose()?)
}

pub(crate) fn date(what: &'static str, value: Option<&str>) -> Result<Option<NaiveDate>, CliError> {
    Ok(value.map(|s| parse::date(what, s, local_today())).transpose()?)
}

/// Logs one draft and returns the new entry's id.
pub(crate) fn save(core: &SteadyCore, draft: EntryDraft) -> Result<EntryId, CliError> {
    core.dispatch(Event::Log(draft))?;
    core.last_saved().ok_or_else(|| CliError::Internal("the core did not confirm the save".into()))
}

/// Every entry in local time order.
pub(crate) fn all_entries(core: &SteadyCore) -> Result<Vec<Entry>, CliError> {
    entries_between(core, None, None)
}

fn entries_between(
    core: &SteadyCore,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<Entry>, CliError> {
    match core.dispatch(Event::Show(Page::History { from, to }))?.page {
        PageView::History(list) => Ok(list),
        _ => Err(CliError::Internal("the core did not return the entry list".into())),
    }
}

/// Finds the one entry whose id starts with `typed` among those `wanted` accepts.
pub(crate) fn resolve_id(
    entries: &[Entry],
    typed: &str,
    noun: &str,
    wanted: impl Fn(&Entry) -> bool,
) -> Result<EntryId, CliError> {
    let prefix = parse::id_prefix("id", typed)?;
    let hex = |e: &Entry| e.id.to_string().replace('-', "");
    let matching: Vec<&Entry> = entries.iter().filter(|e| hex(e).starts_with(&prefix)).collect();
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

/// `steady init`.
pub fn init(ctx: &Ctx) -> Result<String, CliError> {
    let dir = ctx.dir()?;
    if dir.join(DB_FILE).exists() {
        return Err(CliError::DiaryExists(dir));
    }
    let got = unlock::obtain(ctx.key_file.as_deref(), Purpose::Create)?;
    if let Err(e) = SteadyCore::open(&dir, &got.unlock, true, Box::new(SystemClock)) {
        // A key file written for a diary that was never created would only confuse later.
        if let (Some(_), Some(path)) = (&got.notice, &ctx.key_file) {
            let _ = std::fs::remove_file(path);
        }
        return Err(e.into());
    }
    let mut out = format!("Created a new diary in {}.\n", dir.display());
    match (&got.notice, &ctx.key_file) {
        (Some(notice), _) => out.push_str(&format!("{notice}\n")),
        (None, Some(path)) => out.push_str(&format!("It is locked with the key in {}.\n", path.display())),
        (None, None) => {
            out.push_str("Remember your passphrase: it cannot be recovered, and nobody can reset it.\n")
        }
    }
    Ok(out)
}

/// `steady log dose`.
pub fn log_dose(ctx: &Ctx, a: &DoseArgs) -> Result<String, CliError> {
    let draft = DoseDraft {
        taken_at: at(a.at.as_deref())?,
        drug: a.drug.clone(),
        mg: number("--mg", a.mg.as_deref())?,
        tablets: a.tablets.as_deref().map(|t| parse::tablets("--tablets", t)).transpose()?,
        strength_mg: number("--strength", a.strength.as_deref())?,
        non_prescribed: a.non_prescribed,
        note: a.note.clone(),
    };
    let id = save(&ctx.open()?, EntryDraft::Dose(draft))?;
    Ok(format!("{}\n", output::saved("Logged", EntryKind::Dose, id)))
}

/// `steady log sleep`.
pub fn log_sleep(ctx: &Ctx, a: &SleepArgs) -> Result<String, CliError> {
    let draft = SleepDraft {
        night: Some(parse::date("--night", &a.night, local_today())?),
        hours: Some(parse::number("--hours", &a.hours)?),
        quality: Some(a.quality),
        latency_min: a.latency_min,
        awakenings: a.awakenings,
        waso_min: a.waso_min,
        in_bed: a.in_bed.as_deref().map(|t| parse::hhmm("--in-bed", t)).transpose()?,
        out_of_bed: a.out_of_bed.as_deref().map(|t| parse::hhmm("--out-of-bed", t)).transpose()?,
        ..SleepDraft::default()
    };
    let id = save(&ctx.open()?, EntryDraft::Sleep(draft))?;
    Ok(format!("{}\n", output::saved("Logged", EntryKind::Sleep, id)))
}

/// `steady log anxiety`.
pub fn log_anxiety(ctx: &Ctx, a: &AnxietyArgs) -> Result<String, CliError> {
    let draft = EntryDraft::Anxiety { at: at(a.at.as_deref())?, score: a.score, note: a.note.clone() };
    let id = save(&ctx.open()?, draft)?;
    Ok(format!("{}\n", output::saved("Logged", EntryKind::Anxiety, id)))
}

/// `steady log gad7`.
pub fn log_gad7(ctx: &Ctx, a: &Gad7Args) -> Result<String, CliError> {
    let items = parse::gad7_items("--items", &a.items)?;
    let draft = EntryDraft::Gad7 { at: at(a.at.as_deref())?, items: items.clone() };
    let id = save(&ctx.open()?, draft)?;
    // The core accepted the items, so each is 0–3 and the sum fits.
    let total: i64 = items.iter().sum();
    let band = band_of(u8::try_from(total).unwrap_or(u8::MAX));
    Ok(format!("{} Total {total} ({}).\n", output::saved("Logged", EntryKind::Gad7, id), band.label()))
}

/// `steady goal set`.
pub fn goal_set(ctx: &Ctx, a: &GoalSetArgs) -> Result<String, CliError> {
    let draft = GoalDraft {
        set_at: None,
        kind: a.kind.key().into(),
        what_matters: a.why.clone(),
        drug: a.drug.clone(),
        target_mg: number("--target-mg", a.target_mg.as_deref())?,
        due: date("--by", a.by.as_deref())?,
        review_on: date("--review", a.review.as_deref())?,
        proposed_by: a.proposed_by.into(),
        agreed_with: a.agreed_with.clone(),
    };
    let id = save(&ctx.open()?, EntryDraft::Goal(draft))?;
    Ok(format!("{}\n", output::saved("Set", EntryKind::Goal, id)))
}

/// `steady goal review`.
pub fn goal_review(ctx: &Ctx, a: &GoalReviewArgs) -> Result<String, CliError> {
    parse::id_prefix("id", &a.id)?;
    let core = ctx.open()?;
    let entries = all_entries(&core)?;
    let goal = resolve_id(&entries, &a.id, "goal", |e| matches!(e.body, EntryBody::Goal(_)))?;
    let draft = EntryDraft::Review {
        goal,
        at: None,
        gas: a.gas,
        note: a.note.clone(),
        decision: a.decision.into(),
        next_review: date("--next-review", a.next_review.as_deref())?,
    };
    let id = save(&core, draft)?;
    Ok(format!("Logged review {} of goal {}.\n", id.short(), goal.short()))
}

/// `steady goal list`.
pub fn goal_list(ctx: &Ctx, json: bool) -> Result<String, CliError> {
    let core = ctx.open()?;
    let entries = all_entries(&core)?;
    let goals = output::collect_goals(&entries);
    if json {
        let value = output::goals_json(&goals, local_today(), core.view()?.table)?;
        return Ok(format!("{}\n", serde_json::to_string_pretty(&value)?));
    }
    Ok(output::goals_text(&goals, local_today()))
}

/// `steady list`.
pub fn list(ctx: &Ctx, a: &ListArgs) -> Result<String, CliError> {
    let (from, to) = (date("--from", a.from.as_deref())?, date("--to", a.to.as_deref())?);
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(CliError::Usage(format!("--from {f} is after --to {t}")));
        }
    }
    let core = ctx.open()?;
    let entries = entries_between(&core, from, to)?;
    let table: EquivalenceTable = core.view()?.table;
    if a.json {
        let values = entries.iter().map(|e| output::entry_json(e, table)).collect::<Result<Vec<_>, _>>()?;
        return Ok(format!("{}\n", serde_json::to_string_pretty(&values)?));
    }
    Ok(output::entries(&entries, table))
}

/// `steady delete`.
pub fn delete(ctx: &Ctx, typed: &str) -> Result<String, CliError> {
    parse::id_prefix("id", typed)?;
    let core = ctx.open()?;
    let entries = all_entries(&core)?;
    let id = resolve_id(&entries, typed, "entry", |_| true)?;
    let kind = entries.iter().find(|e| e.id == id).map(|e| e.body.kind());
    let deleted = match core.dispatch(Event::Delete(id))?.outcome {
        Some(Outcome::Deleted(ids)) => ids.len(),
        _ => return Err(CliError::Internal("the core did not confirm the delete".into())),
    };
    let label = kind.map_or("entry", output::kind_label);
    Ok(match deleted.saturating_sub(1) {
        0 => format!("Deleted {label} {}.\n", id.short()),
        1 => format!("Deleted {label} {} and its review.\n", id.short()),
        n => format!("Deleted {label} {} and its {n} reviews.\n", id.short()),
    })
}

/// The today view from the core.
pub fn today_view(core: &SteadyCore) -> Result<TodayView, CliError> {
    match core.dispatch(Event::Show(Page::Today))?.page {
        PageView::Today(view) => Ok(*view),
        _ => Err(CliError::Internal("the core did not return the today view".into())),
    }
}

/// `steady today [--json]`.
pub fn today(ctx: &Ctx, json: bool) -> Result<String, CliError> {
    let view = today_view(&ctx.open()?)?;
    if json {
        return Ok(format!("{}\n", serde_json::to_string_pretty(&view)?));
    }
    Ok(output::today(&view))
}

/// The summary period: both ends given, or 8 weeks ending on `--to` (default today).
fn period(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<(NaiveDate, NaiveDate), CliError> {
    let to = to.unwrap_or_else(local_today);
    let from = match from {
        Some(f) => f,
        None => to.checked_sub_days(Days::new(DEFAULT_SUMMARY_DAYS - 1)).unwrap_or(to),
    };
    if from > to {
        return Err(CliError::Usage(format!("--from {from} is after --to {to}")));
    }
    if (to - from).num_days() >= MAX_SUMMARY_DAYS {
        return Err(CliError::Usage(format!("a summary covers at most {MAX_SUMMARY_DAYS} days")));
    }
    Ok((from, to))
}

/// `steady summary`: any format, in the clinician's language, leaving out what the patient chose.
pub fn summary(ctx: &Ctx, a: &SummaryArgs) -> Result<String, CliError> {
    let (from, to) = period(date("--from", a.from.as_deref())?, date("--to", a.to.as_deref())?)?;
    let lang = Lang::parse(&a.lang)
        .ok_or_else(|| CliError::Usage(format!("--lang: unknown language {:?} (en, fr, nl, nb)", a.lang)))?;
    let mut options = SummaryOptions::default();
    for part in a.exclude.iter().flat_map(|e| e.split(',')).filter(|p| !p.trim().is_empty()) {
        let hide = Hideable::parse(part).ok_or_else(|| {
            let known: Vec<&str> = Hideable::ALL.iter().map(|h| h.key()).collect();
            CliError::Usage(format!("--exclude: unknown part {part:?} (one of {})", known.join(", ")))
        })?;
        options.hide.insert(hide);
    }
    let format = a.format.into();
    if format == ExportFormat::Pdf && a.out.is_none() {
        return Err(CliError::Usage("a PDF needs --out FILE".into()));
    }
    let core = ctx.open()?;
    let request = ExportRequest { from, to, table: Some(a.table.into()), options, format, lang };
    let Some(Export::File(file)) = core.dispatch(Event::ExportFile(request))?.export else {
        return Err(CliError::Internal("the core did not return a summary".into()));
    };
    match &a.out {
        None => Ok(String::from_utf8_lossy(&file.bytes).into_owned()),
        Some(path) => {
            write_private(path, &file.bytes)?;
            Ok(format!("Wrote the summary for {from} to {to} to {}.\n", path.display()))
        }
    }
}

/// Writes health data to a file only the owner can read (new files; existing ones keep their mode).
pub(crate) fn write_private(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let fail = |e| CliError::io(format!("could not write {}", path.display()), e);
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(fail)?;
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(fail)
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
        let (from, end) = period(None, Some(to)).unwrap();
        assert_eq!(end, to);
        assert_eq!((to - from).num_days(), 55);
        assert!(period(Some(to), Some(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap())).is_err());
        assert!(period(NaiveDate::from_ymd_opt(1970, 1, 1), Some(to)).is_err());
    }
}
