//! `steady patient`: the patient's name and birth date, only for the International Patient Summary
//! (`summary --format fhir --ips`). Never required, never in the plain export; kept sealed in the
//! diary's settings like every clinical field. The name is read from standard input (`--name -`),
//! so it never appears on the command line other local users can read.

use clap::Subcommand;
use serde_json::json;
use steady_core::domain::{Field, PatientIdentity, SettingChange, Settings};

use crate::commands::Ctx;
use crate::error::CliError;
use crate::stdin;

/// `steady patient …`.
#[derive(Debug, Subcommand)]
pub enum PatientCommand {
    /// Enter your name and/or birth date for the International Patient Summary. The name is read
    /// from standard input (`--name -`); a name typed as an argument is refused (it would be
    /// readable by other local users while the command runs and stay in the shell's history).
    Set {
        /// `-`: read your name from standard input.
        #[arg(long, value_name = "-")]
        name: Option<String>,
        /// Your birth date (YYYY-MM-DD).
        #[arg(long, value_name = "D")]
        birth_date: Option<String>,
    },
    /// Show what is stored (nothing, unless you entered it).
    Show {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Remove your name and birth date.
    Clear,
}

/// Runs a `patient` command.
pub fn patient(ctx: &Ctx, what: PatientCommand) -> Result<String, CliError> {
    match what {
        PatientCommand::Set { name, birth_date } => {
            let name =
                match name.as_deref() {
                    Some("-") => stdin::text(Some("-"), "name")?,
                    Some(_) => return Err(CliError::Usage(
                        "give the name on standard input: `--name -` (an argument is visible to other users)"
                            .into(),
                    )),
                    None => None,
                };
            let birth_date = crate::commands::date(Field::BirthDate, birth_date.as_deref())?;
            if name.is_none() && birth_date.is_none() {
                return Err(CliError::Usage(
                    "give --name - (read from standard input) and/or --birth-date D".into(),
                ));
            }
            let core = ctx.open()?;
            let current = core.settings()?.patient.unwrap_or_default();
            let identity = PatientIdentity {
                name: name.or(current.name),
                birth_date: birth_date.or(current.birth_date),
            };
            let settings = core.change_setting(SettingChange::Patient { identity: Some(identity) })?;
            Ok(text(&settings))
        }
        PatientCommand::Show { json } => {
            let settings = ctx.open()?.settings()?;
            if json {
                let p = settings.patient.unwrap_or_default();
                let value = json!({
                    "name": p.name,
                    "birth_date": p.birth_date.map(|d| d.to_string()),
                });
                return Ok(format!("{}\n", serde_json::to_string_pretty(&value)?));
            }
            Ok(text(&settings))
        }
        PatientCommand::Clear => {
            let settings = ctx.open()?.change_setting(SettingChange::Patient { identity: None })?;
            Ok(text(&settings))
        }
    }
}

fn text(s: &Settings) -> String {
    let p = s.patient.clone().unwrap_or_default();
    format!(
        "name        {}\nbirth-date  {}\nUsed only by `summary --format fhir --ips`.\n",
        p.name.as_deref().unwrap_or("(none)"),
        p.birth_date.map_or_else(|| "(none)".to_owned(), |d| d.to_string())
    )
}
