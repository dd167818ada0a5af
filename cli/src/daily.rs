//! The daily loop on the command line: my medicines, one-step `taken` / `skipped`, the reminders
//! the core computes, and the settings (day start, language, check-in, table). Each command reads
//! its arguments with the core's grammar, calls one method of the core, and prints what it returns
//! — in the patient's language where the core words it.

use std::fmt::Write;

use clap::{Args, Subcommand};
use serde_json::{json, Value};
use steady_core::domain::{
    parse, search_drugs, Country, Entry, EntryBody, EntryId, EquivalenceTable, Field, Keyed, Lang,
    MedicineDraft, SettingChange, Settings,
};
use steady_core::{MedicineCard, SteadyCore};

use crate::commands::{at, date, find, number, Ctx};
use crate::error::CliError;
use crate::keyed;
use crate::stdin;

/// What `med` can do.
#[derive(Debug, Subcommand)]
pub enum MedCommand {
    /// Add a medicine you take: its name, usual amount and times (or --as-needed).
    Add(MedArgs),
    /// Change a medicine's usual amount or times from a date (the earlier ones are kept).
    Change {
        /// The medicine's id, or at least 4 of its first hex digits.
        id: String,
        #[command(flatten)]
        args: MedArgs,
    },
    /// Stop a medicine (its last day: --on, default today).
    Stop {
        /// The medicine's id, or at least 4 of its first hex digits.
        id: String,
        /// The last day it was taken (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// List your medicines (stopped ones last).
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Search the catalogue: molecules and brand names starting with (or containing) TEXT.
    Search {
        /// The start of a name, e.g. "stil".
        text: String,
        /// Only the brands sold in this country.
        #[arg(long, value_parser = keyed::<Country>(), ignore_case = true)]
        country: Option<Country>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// `med add` and `med change`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("amount").required(true).multiple(false).args(["mg", "tablets"]))]
#[command(group = clap::ArgGroup::new("when").required(true).multiple(false).args(["times", "as_needed"]))]
pub struct MedArgs {
    /// Molecule or brand name (as on the pack).
    #[arg(long, value_name = "NAME")]
    pub drug: String,
    /// Usual amount in mg.
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub mg: Option<String>,
    /// Usual number of tablets: 1, 0.5, 1/2, "1 1/2".
    #[arg(long, value_name = "F", allow_negative_numbers = true)]
    pub tablets: Option<String>,
    /// Tablet strength in mg.
    #[arg(long, value_name = "MG", requires = "tablets", allow_negative_numbers = true)]
    pub strength: Option<String>,
    /// Usual times of day, comma-separated: 08:00,22:30.
    #[arg(long, value_name = "HH:MM[,HH:MM…]")]
    pub times: Option<String>,
    /// Taken when needed, at no fixed time.
    #[arg(long)]
    pub as_needed: bool,
    /// Not part of a prescription.
    #[arg(long)]
    pub non_prescribed: bool,
    /// From this day (YYYY-MM-DD) [default: today].
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
}

/// `taken`.
#[derive(Debug, Args)]
pub struct UsualArgs {
    /// The medicine's id (or at least 4 of its first hex digits); may be left out with one
    /// medicine on the list.
    pub med_id: Option<String>,
    /// When: "YYYY-MM-DD HH:MM" (local), "HH:MM" (today) or RFC 3339 [default: now].
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
}

/// `skipped`.
#[derive(Debug, Args)]
pub struct SkippedArgs {
    #[command(flatten)]
    pub usual: UsualArgs,
    /// A note (why, if you like); `-` reads it from standard input.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

/// `reminders`.
#[derive(Debug, Args)]
pub struct RemindersArgs {
    /// First day (YYYY-MM-DD) [default: today].
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Number of days, 1–31.
    #[arg(long, value_name = "N", default_value_t = 7, allow_negative_numbers = true)]
    pub days: i64,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// What `settings` can do.
#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Change one setting: day-start HH:MM, language en|fr|nl|nb, check-in HH:MM|off, table NAME.
    Set {
        /// day-start, language, check-in or table.
        setting: String,
        /// The new value.
        value: String,
    },
    /// Show the settings.
    Show {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// The settings `settings set` can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Setting {
    DayStart,
    Language,
    CheckIn,
    Table,
}

impl Keyed for Setting {
    const ALL: &'static [Self] = &[Setting::DayStart, Setting::Language, Setting::CheckIn, Setting::Table];

    fn key(self) -> &'static str {
        match self {
            Setting::DayStart => "day_start",
            Setting::Language => "language",
            Setting::CheckIn => "check_in",
            Setting::Table => "table",
        }
    }
}

/// `--times 08:00,22:30`.
fn times(value: Option<&str>) -> Result<Vec<chrono::NaiveTime>, CliError> {
    let Some(value) = value else { return Ok(vec![]) };
    Ok(value
        .split(',')
        .filter(|t| !t.trim().is_empty())
        .map(|t| parse::clock_time(Field::Times, t))
        .collect::<Result<_, _>>()?)
}

impl MedArgs {
    fn draft(&self) -> Result<MedicineDraft, CliError> {
        Ok(MedicineDraft {
            drug: self.drug.clone(),
            mg: number(Field::Mg, self.mg.as_deref())?,
            tablets: self.tablets.as_deref().map(|t| parse::tablets(Field::Tablets, t)).transpose()?,
            strength_mg: number(Field::StrengthMg, self.strength.as_deref())?,
            times: times(self.times.as_deref())?,
            as_needed: self.as_needed,
            non_prescribed: self.non_prescribed,
            from: date(Field::From, self.from.as_deref())?,
        })
    }
}

fn is_medicine(e: &Entry) -> bool {
    matches!(e.body, EntryBody::Medicine(_))
}

/// The medicine whose id starts with `typed`.
fn medicine(core: &SteadyCore, typed: &str) -> Result<EntryId, CliError> {
    Ok(find(core, typed, "medicine", is_medicine)?.0)
}

/// `steady med …`.
pub fn med(ctx: &Ctx, what: MedCommand) -> Result<String, CliError> {
    match what {
        MedCommand::Add(a) => {
            let draft = a.draft()?;
            let id = ctx.open()?.add_medicine(draft)?;
            Ok(format!("{id}\n"))
        }
        MedCommand::Change { id, args } => {
            parse::id_prefix(Field::Id, &id)?;
            let draft = args.draft()?;
            let core = ctx.open()?;
            let id = medicine(&core, &id)?;
            core.change_medicine(id, draft)?;
            Ok(format!("Changed medicine {}.\n", id.short()))
        }
        MedCommand::Stop { id, on } => {
            parse::id_prefix(Field::Id, &id)?;
            let on = date(Field::On, on.as_deref())?;
            let core = ctx.open()?;
            let id = medicine(&core, &id)?;
            core.stop_medicine(id, on)?;
            Ok(format!("Stopped medicine {}.\n", id.short()))
        }
        MedCommand::List { json } => {
            let cards = ctx.open()?.medicines()?;
            if json {
                let list: Vec<Value> = cards.iter().map(card_json).collect();
                return Ok(format!("{}\n", serde_json::to_string_pretty(&list)?));
            }
            Ok(cards_text(&cards))
        }
        MedCommand::Search { text, country, json } => {
            let found = search_drugs(&text, country);
            if json {
                return Ok(format!("{}\n", serde_json::to_string_pretty(&found)?));
            }
            let mut out = String::new();
            for m in &found {
                let strengths: Vec<String> =
                    m.strengths_mg.iter().map(|s| steady_core::domain::mg_text(*s)).collect();
                let what =
                    if m.brand { format!("{} ({})", m.name, m.molecule.name()) } else { m.name.clone() };
                let _ = writeln!(out, "{what:<34}  {} mg", strengths.join(", "));
            }
            if found.is_empty() {
                out.push_str("Nothing in the catalogue matches.\n");
            }
            Ok(out)
        }
    }
}

/// `med list --json`: one object per medicine.
fn card_json(c: &MedicineCard) -> Value {
    let times: Vec<String> = c.times.iter().map(|t| t.format("%H:%M").to_string()).collect();
    json!({
        "id": c.id.to_string(),
        "short_id": c.id.short(),
        "drug": c.name,
        "molecule": c.molecule.name(),
        "mg": c.draft.mg,
        "tablets": c.draft.tablets,
        "strength_mg": c.draft.strength_mg,
        "times": times,
        "as_needed": c.as_needed,
        "use": c.use_,
        "active": c.active,
        "taken_today": c.taken_today,
        "skipped_today": c.skipped_today,
    })
}

/// `med list` as text, in the patient's language.
fn cards_text(cards: &[MedicineCard]) -> String {
    let mut out = String::new();
    for c in cards {
        let _ = writeln!(out, "[{}] {}", c.id.short(), c.text);
        for line in
            [Some(&c.today_text).filter(|t| !t.is_empty()), c.planned_text.as_ref(), c.next_text.as_ref()]
                .into_iter()
                .flatten()
        {
            let _ = writeln!(out, "    {line}");
        }
    }
    if cards.is_empty() {
        out.push_str("No medicine on your list: add one with `steady med add`.\n");
    }
    out
}

/// The medicine named on the command line, resolved once the diary is open.
fn usual_target(core: &SteadyCore, a: &UsualArgs) -> Result<Option<EntryId>, CliError> {
    a.med_id.as_deref().map(|typed| medicine(core, typed)).transpose()
}

/// `steady taken`.
pub fn taken(ctx: &Ctx, a: &UsualArgs) -> Result<String, CliError> {
    let when = at(a.at.as_deref())?;
    if let Some(typed) = &a.med_id {
        parse::id_prefix(Field::Medicine, typed)?;
    }
    let core = ctx.open()?;
    let logged = core.taken(usual_target(&core, a)?, when)?;
    Ok(format!("{}\n", logged.text))
}

/// `steady skipped`.
pub fn skipped(ctx: &Ctx, a: &SkippedArgs) -> Result<String, CliError> {
    let when = at(a.usual.at.as_deref())?;
    let note = stdin::text(a.note.as_deref(), "note")?;
    if let Some(typed) = &a.usual.med_id {
        parse::id_prefix(Field::Medicine, typed)?;
    }
    let core = ctx.open()?;
    let logged = core.skipped(usual_target(&core, &a.usual)?, when, note)?;
    Ok(format!("{}\n", logged.text))
}

/// `steady reminders`.
pub fn reminders(ctx: &Ctx, a: &RemindersArgs) -> Result<String, CliError> {
    let from = date(Field::From, a.from.as_deref())?;
    let days = steady_core::check_reminder_days(a.days)?;
    let list = ctx.open()?.reminders(from, days)?;
    if a.json {
        let values: Vec<Value> = list
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "at": r.at.to_rfc3339(),
                    "local_time": r.local_time.format("%H:%M").to_string(),
                    "medicine_id": r.medicine_id.map(|id| id.to_string()),
                    "title": r.title,
                    "body": r.body,
                })
            })
            .collect();
        return Ok(format!("{}\n", serde_json::to_string_pretty(&values)?));
    }
    let mut out = String::new();
    for r in &list {
        let _ = writeln!(out, "{}  {}", r.at.format("%Y-%m-%d %H:%M %:z"), r.body);
    }
    if list.is_empty() {
        out.push_str("No reminders: add a medicine with usual times, or set a daily check-in.\n");
    }
    Ok(out)
}

/// `steady settings …`.
pub fn settings(ctx: &Ctx, what: SettingsCommand) -> Result<String, CliError> {
    match what {
        SettingsCommand::Set { setting, value } => {
            let change = match parse::choice::<Setting>(Field::Setting, &setting)? {
                Setting::DayStart => {
                    SettingChange::DayStart { at: parse::clock_time(Field::DayStart, &value)? }
                }
                Setting::Language => {
                    SettingChange::Language { language: parse::choice::<Lang>(Field::Language, &value)? }
                }
                Setting::CheckIn if value.trim().eq_ignore_ascii_case("off") => {
                    SettingChange::CheckIn { at: None }
                }
                Setting::CheckIn => {
                    SettingChange::CheckIn { at: Some(parse::clock_time(Field::CheckIn, &value)?) }
                }
                Setting::Table => {
                    SettingChange::Table { table: parse::choice::<EquivalenceTable>(Field::Table, &value)? }
                }
            };
            let settings = ctx.open()?.change_setting(change)?;
            Ok(settings_text(&settings))
        }
        SettingsCommand::Show { json } => {
            let settings = ctx.open()?.settings()?;
            if json {
                let value = json!({
                    "day_start": settings.day_start.format("%H:%M").to_string(),
                    "language": settings.language.key(),
                    "check_in": settings.check_in.map(|t| t.format("%H:%M").to_string()),
                    "table": settings.table.key(),
                });
                return Ok(format!("{}\n", serde_json::to_string_pretty(&value)?));
            }
            Ok(settings_text(&settings))
        }
    }
}

fn settings_text(s: &Settings) -> String {
    let check_in = s.check_in.map_or_else(|| "off".to_owned(), |t| t.format("%H:%M").to_string());
    format!(
        "day-start  {}\nlanguage   {}\ncheck-in   {check_in}\ntable      {}\n",
        s.day_start.format("%H:%M"),
        s.language.key(),
        s.table.key()
    )
}

/// The keys `settings set` accepts, for error messages.
pub fn setting_keys() -> Vec<&'static str> {
    Setting::keys()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_one_by_one_and_name_the_flag() {
        let read = times(Some("08:00, 22:30")).unwrap();
        assert_eq!(
            read.iter().map(|t| t.format("%H:%M").to_string()).collect::<Vec<_>>(),
            ["08:00", "22:30"]
        );
        assert_eq!(
            times(Some("08:00,25:00")).unwrap_err().to_string(),
            "could not read --times \"25:00\": expected a time as HH:MM (00:00 to 23:59)"
        );
        assert_eq!(Setting::from_key("day-start"), Some(Setting::DayStart));
    }
}
