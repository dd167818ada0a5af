//! `steady`: the desktop command line of Steady, a private, offline diary for people taking
//! benzodiazepines or Z-drugs. A thin shell over `steady-core`: it parses arguments, unlocks the
//! diary, sends one event to the core and prints what the user asked for — nothing else, so no
//! health data ends up anywhere the user did not ask for it.

mod commands;
mod daily;
mod demo;
mod error;
mod outfile;
mod output;
mod patient;
mod plan_cmd;
mod safekeeping;
mod stdin;
mod unlock;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use steady_core::domain::{EquivalenceTable, GoalType, Keyed, Proposer, ReviewDecision};
use steady_core::ExportFormat;

use crate::commands::Ctx;
use crate::error::CliError;

/// A value parser for one of the core's choices (tables, goal kinds, formats…): its keys are the
/// possible values (with `-` for `_` accepted too), and the core reads the chosen one back, so the
/// command line never keeps its own copy of a list.
pub fn keyed<T: Keyed + Clone + Send + Sync>() -> impl TypedValueParser<Value = T> {
    let values = T::ALL.iter().map(|v| {
        let key = v.key();
        let value = PossibleValue::new(key);
        if key.contains('_') {
            value.alias(key.replace('_', "-"))
        } else {
            value
        }
    });
    PossibleValuesParser::new(values).map(|key| T::from_key(&key).expect("a possible value is a key"))
}

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "steady",
    version,
    about = "Steady: a private, offline diary of doses, sleep, anxiety and goals",
    long_about = "Steady: a private, offline diary of doses, sleep, anxiety and goals.\n\n\
                  The diary is encrypted on this computer. It is unlocked with the passphrase in \
                  STEADY_PASSPHRASE, a passphrase typed at the prompt, or --key-file."
)]
struct Cli {
    /// Directory of the diary [default: $XDG_DATA_HOME/steady or ~/.local/share/steady].
    #[arg(long, global = true, env = "STEADY_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// File holding the diary's 32-byte key as 64 hex digits, instead of a passphrase
    /// (`init` writes a new random one if the file does not exist).
    #[arg(long, global = true, env = "STEADY_KEY_FILE", value_name = "FILE")]
    key_file: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Create a new, empty diary (never overwrites one). A passphrase being chosen (here, for
    /// `rekey` and for `backup`) needs at least 12 characters and must not be easy to guess:
    /// several unrelated words are best.
    Init,
    /// Log a dose, a night's sleep, an anxiety rating or a GAD-7 — or, with `--json -`, any
    /// entries read from standard input, so nothing clinical appears on the command line.
    Log(LogArgs),
    /// Set, review and list treatment goals.
    Goal {
        #[command(subcommand)]
        what: GoalCommand,
    },
    /// List entries, oldest first.
    List(ListArgs),
    /// Delete one entry (a goal takes its reviews with it).
    Delete {
        /// Entry id, or at least 4 of its first hex digits (as shown by `steady list`).
        id: String,
    },
    /// Today's doses, last night's sleep, the week's anxiety and open goals.
    Today {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// A summary for a clinician: doses in diazepam equivalents, sleep, anxiety, goals.
    Summary(SummaryArgs),
    /// A taper plan at your own pace: create, show, hold, resume, adjust, end, export to a calendar.
    Plan {
        #[command(subcommand)]
        what: plan_cmd::PlanCommand,
    },
    /// My medicines: what you take, how much and when, so logging the usual dose is one step.
    Med {
        #[command(subcommand)]
        what: daily::MedCommand,
    },
    /// Log a medicine's usual dose now (or --at): while a taper plan covers it, that day's planned
    /// dose. With one medicine on the list, its id may be left out.
    Taken(daily::UsualArgs),
    /// Note a usual dose as skipped.
    Skipped(daily::SkippedArgs),
    /// The reminders of the next days: when (with the local offset of that moment) and the neutral
    /// text a lock screen shows.
    Reminders(daily::RemindersArgs),
    /// Your settings: when your day starts, your language, the daily check-in, the table.
    Settings {
        #[command(subcommand)]
        what: daily::SettingsCommand,
    },
    /// Your name and birth date, only for the International Patient Summary
    /// (`summary --format fhir --ips`); never required.
    Patient {
        #[command(subcommand)]
        what: patient::PatientCommand,
    },
    /// Questions for your next appointment ("What I want to talk about").
    Question {
        #[command(subcommand)]
        what: plan_cmd::QuestionCommand,
    },
    /// Write an encrypted backup (for a new computer or phone), sealed with a backup passphrase
    /// from STEADY_BACKUP_PASSPHRASE or a prompt.
    Backup {
        /// The backup file to create (never overwritten).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Import a backup in one transaction; entries already in the diary are not duplicated.
    Restore {
        /// The backup file.
        file: PathBuf,
    },
    /// Change the passphrase (new one from STEADY_NEW_PASSPHRASE or a prompt) or, with
    /// --key-file, the key file; re-seals every entry under a fresh data key.
    Rekey {
        /// With --key-file: write the new key to this (new) file.
        #[arg(long, value_name = "FILE")]
        new_key_file: Option<PathBuf>,
    },
    /// Rescue a damaged diary: keep the damaged files aside and copy every readable entry into a
    /// new diary.
    Recover,
    /// Erase the diary: overwrite and delete its files. Needs no passphrase.
    Erase {
        /// Confirm.
        #[arg(long)]
        yes: bool,
    },
    /// Show a made-up diary (Anke, tapering lormetazepam) in a temporary directory.
    Demo {
        /// Days of made-up diary, ending today.
        #[arg(long, default_value_t = demo::DEFAULT_DAYS, value_name = "N")]
        days: u32,
        /// Where to write the PDF summary.
        #[arg(long, value_name = "FILE", default_value = "summary.pdf")]
        pdf: PathBuf,
    },
}

/// `log`: a kind with its flags, or `--json -`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, arg_required_else_help = true)]
struct LogArgs {
    /// Read the entries from standard input (`-`): one JSON object or an array, in the shape
    /// `steady list --json` prints, without ids and derived values. All or nothing: an array with
    /// one refused element writes nothing. The command line (visible to every local user in `ps`,
    /// kept in shell history) then names no medicine, dose or note.
    #[arg(long, value_name = "-")]
    json: Option<String>,
    #[command(subcommand)]
    what: Option<LogCommand>,
}

/// What `log` can record.
#[derive(Debug, Subcommand)]
enum LogCommand {
    /// A dose: in mg, or as tablets of a strength.
    Dose(DoseArgs),
    /// Last night's sleep (Consensus Sleep Diary items).
    Sleep(SleepArgs),
    /// An anxiety rating, 0 (none) to 10 (worst imaginable).
    Anxiety(AnxietyArgs),
    /// A GAD-7 questionnaire: seven item scores, each 0–3.
    Gad7(Gad7Args),
}

/// `log dose`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("amount").required(true).multiple(false).args(["mg", "tablets"]))]
pub struct DoseArgs {
    /// Molecule or brand name (case-insensitive), or "unknown" with --non-prescribed.
    #[arg(long, value_name = "NAME")]
    pub drug: String,
    /// Amount in mg.
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub mg: Option<String>,
    /// Number of tablets: 1, 0.5, 0.25, 1/2, 3/4, "1 1/2".
    #[arg(long, value_name = "F", allow_negative_numbers = true)]
    pub tablets: Option<String>,
    /// Tablet strength in mg (may be left out for non-prescribed tablets of unknown strength).
    #[arg(long, value_name = "MG", requires = "tablets", allow_negative_numbers = true)]
    pub strength: Option<String>,
    /// When taken: "YYYY-MM-DD HH:MM" (local), "HH:MM" (today) or RFC 3339 [default: now].
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Not part of the prescription (extra, bought, borrowed).
    #[arg(long)]
    pub non_prescribed: bool,
    /// A note; `-` reads it from standard input (kept off the command line).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

/// `log sleep`.
#[derive(Debug, Args)]
pub struct SleepArgs {
    /// Evening date the night began: YYYY-MM-DD, "yesterday" or "today".
    #[arg(long, value_name = "DATE")]
    pub night: String,
    /// Hours slept, your estimate; optional when --in-bed/--out-of-bed give the night (then it
    /// must agree with them within half an hour).
    #[arg(long, value_name = "H", allow_negative_numbers = true)]
    pub hours: Option<String>,
    /// Sleep quality: 1 very poor, 2 poor, 3 fair, 4 good, 5 very good.
    #[arg(long, value_name = "1-5", allow_negative_numbers = true)]
    pub quality: i64,
    /// Minutes it took to fall asleep.
    #[arg(long, value_name = "M", allow_negative_numbers = true)]
    pub latency_min: Option<i64>,
    /// Times you woke up, not counting the final awakening.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub awakenings: Option<i64>,
    /// Minutes awake after first falling asleep.
    #[arg(long, value_name = "M", allow_negative_numbers = true)]
    pub waso_min: Option<i64>,
    /// Time you got into bed (HH:MM).
    #[arg(long, value_name = "HH:MM", requires = "out_of_bed")]
    pub in_bed: Option<String>,
    /// Time you got out of bed (HH:MM).
    #[arg(long, value_name = "HH:MM", requires = "in_bed")]
    pub out_of_bed: Option<String>,
    /// Time you tried to go to sleep (HH:MM), if later than getting into bed.
    #[arg(long, value_name = "HH:MM")]
    pub tried_to_sleep: Option<String>,
    /// Time of your final awakening (HH:MM), if earlier than getting out of bed.
    #[arg(long, value_name = "HH:MM")]
    pub final_awakening: Option<String>,
}

/// `log anxiety`.
#[derive(Debug, Args)]
pub struct AnxietyArgs {
    /// 0 (none) to 10 (worst imaginable).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub score: i64,
    /// When: "YYYY-MM-DD HH:MM" (local), "HH:MM" (today) or RFC 3339 [default: now].
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// A note; `-` reads it from standard input (kept off the command line).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

/// `log gad7`.
#[derive(Debug, Args)]
pub struct Gad7Args {
    /// The seven item scores in questionnaire order, each 0–3, e.g. 1,2,0,3,1,1,0.
    #[arg(long, value_name = "a,b,c,d,e,f,g", allow_hyphen_values = true)]
    pub items: String,
    /// When: "YYYY-MM-DD HH:MM" (local), "HH:MM" (today) or RFC 3339 [default: now].
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
}

/// What `goal` can do.
#[derive(Debug, Subcommand)]
enum GoalCommand {
    /// Set a treatment goal, in your own words.
    Set(GoalSetArgs),
    /// Review a goal: Goal Attainment Scaling −2 … +2 and what was decided.
    Review(GoalReviewArgs),
    /// List goals with their reviews.
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Move a goal through its lifecycle (e.g. achieved, on-hold, abandoned).
    Status(plan_cmd::GoalStatusArgs),
}

/// `goal set`.
#[derive(Debug, Args)]
pub struct GoalSetArgs {
    /// The treatment goal: stop (taper to zero), reduce (to --target-mg of --drug), stable (at
    /// the prescribed dose, no extra use) or keep (things as they are).
    #[arg(long, value_parser = keyed::<GoalType>())]
    pub kind: GoalType,
    /// What matters to you, in your own words; `-` reads it from standard input.
    #[arg(long, value_name = "TEXT")]
    pub why: String,
    /// Target daily dose in mg (reduce goals).
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub target_mg: Option<String>,
    /// Molecule or brand the goal is about.
    #[arg(long, value_name = "NAME")]
    pub drug: Option<String>,
    /// Date to reach the goal by (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub by: Option<String>,
    /// Date to review the goal together (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub review: Option<String>,
    /// Who proposed the goal: patient, clinician or together.
    #[arg(long, value_parser = keyed::<Proposer>(), default_value = "patient")]
    pub proposed_by: Proposer,
    /// Who agreed to it, e.g. "Dr. Peeters".
    #[arg(long, value_name = "TEXT")]
    pub agreed_with: Option<String>,
}

/// `goal review`.
#[derive(Debug, Args)]
pub struct GoalReviewArgs {
    /// Goal id, or at least 4 of its first hex digits.
    pub id: String,
    /// Goal Attainment Scaling: -2 much less … 0 as expected … +2 much more than expected.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub gas: i64,
    /// A note; `-` reads it from standard input (kept off the command line).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// What was decided: keep the goal, adjust the way there (e.g. the pace), or change the goal.
    #[arg(long, value_parser = keyed::<ReviewDecision>(), default_value = "keep")]
    pub decision: ReviewDecision,
    /// The next review date agreed at this review (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub next_review: Option<String>,
}

/// `list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// First date (YYYY-MM-DD), inclusive [default: the first entry].
    #[arg(long, value_name = "D")]
    pub from: Option<String>,
    /// Last date (YYYY-MM-DD), inclusive [default: the last entry].
    #[arg(long, value_name = "D")]
    pub to: Option<String>,
    /// Print a JSON array instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `summary`.
#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// First date (YYYY-MM-DD) [default: 8 weeks before --to].
    #[arg(long, value_name = "D")]
    pub from: Option<String>,
    /// Last date (YYYY-MM-DD) [default: today].
    #[arg(long, value_name = "D")]
    pub to: Option<String>,
    /// Output format: text (80 columns), json (fields in README), csv (the raw entries), pdf (needs
    /// --out) or fhir (an R4 document Bundle).
    #[arg(long, value_parser = keyed::<ExportFormat>(), default_value = "text")]
    pub format: ExportFormat,
    /// Diazepam-equivalence table.
    #[arg(long, value_parser = keyed::<EquivalenceTable>(), default_value = "ashton")]
    pub table: EquivalenceTable,
    /// Write to this file instead of printing (a new file is readable only by you).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The clinician's language: en, fr, nl or nb.
    #[arg(long, value_name = "LANG", default_value = "en")]
    pub lang: String,
    /// Leave out parts, comma-separated: non-prescribed, notes, sleep, anxiety, goals, plan, questions.
    /// The summary says what was left out.
    #[arg(long, value_name = "PARTS")]
    pub exclude: Vec<String>,
    /// With `--format fhir`: the International Patient Summary (IPS 2.0) variant, with the name and
    /// birth date from `steady patient set` if you entered them.
    #[arg(long)]
    pub ips: bool,
}

/// Runs one command and returns what to print on stdout.
fn run(cli: Cli) -> Result<String, CliError> {
    let ctx = Ctx { data_dir: cli.data_dir, key_file: cli.key_file };
    match cli.command {
        Command::Init => commands::init(&ctx),
        Command::Log(LogArgs { json: Some(source), .. }) => stdin::log_json(&ctx, &source),
        Command::Log(LogArgs { what: Some(LogCommand::Dose(a)), .. }) => commands::log_dose(&ctx, &a),
        Command::Log(LogArgs { what: Some(LogCommand::Sleep(a)), .. }) => commands::log_sleep(&ctx, &a),
        Command::Log(LogArgs { what: Some(LogCommand::Anxiety(a)), .. }) => commands::log_anxiety(&ctx, &a),
        Command::Log(LogArgs { what: Some(LogCommand::Gad7(a)), .. }) => commands::log_gad7(&ctx, &a),
        Command::Log(LogArgs { what: None, json: None }) => {
            Err(CliError::Usage("say what to log (dose, sleep, anxiety, gad7) or give --json -".into()))
        }
        Command::Goal { what: GoalCommand::Set(a) } => commands::goal_set(&ctx, &a),
        Command::Goal { what: GoalCommand::Review(a) } => commands::goal_review(&ctx, &a),
        Command::Goal { what: GoalCommand::List { json } } => commands::goal_list(&ctx, json),
        Command::Goal { what: GoalCommand::Status(a) } => plan_cmd::goal_status(&ctx, &a),
        Command::Plan { what } => plan_cmd::plan(&ctx, what),
        Command::Question { what } => plan_cmd::question(&ctx, what),
        Command::Patient { what } => patient::patient(&ctx, what),
        Command::Med { what } => daily::med(&ctx, what),
        Command::Taken(a) => daily::taken(&ctx, &a),
        Command::Skipped(a) => daily::skipped(&ctx, &a),
        Command::Reminders(a) => daily::reminders(&ctx, &a),
        Command::Settings { what } => daily::settings(&ctx, what),
        Command::List(a) => commands::list(&ctx, &a),
        Command::Delete { id } => commands::delete(&ctx, &id),
        Command::Today { json } => commands::today(&ctx, json),
        Command::Summary(a) => commands::summary(&ctx, &a),
        Command::Backup { out } => safekeeping::backup(&ctx, &out),
        Command::Restore { file } => safekeeping::restore(&ctx, &file),
        Command::Rekey { new_key_file } => safekeeping::rekey(&ctx, new_key_file.as_deref()),
        Command::Recover => safekeeping::recover(&ctx),
        Command::Erase { yes } => safekeeping::erase(&ctx, yes),
        Command::Demo { days, pdf } => demo::run(days, &pdf),
    }
}

/// Writes to stdout; a closed pipe (`steady list | head`) is not an error worth reporting.
fn emit(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CliError::io("could not write the output", e))
        }
        _ => Ok(()),
    }
}

/// A bug must still end as one `error:` line, without a backtrace or the user's data.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str));
        let _ = writeln!(
            std::io::stderr(),
            "error: internal error (a bug in steady): {}",
            message.unwrap_or("unknown")
        );
    }));
}

fn main() -> ExitCode {
    quiet_panics();
    let cli = Cli::parse();
    match run(cli).and_then(|text| emit(&text)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn negative_numbers_reach_the_core_instead_of_clap() {
        let cli = Cli::try_parse_from(["steady", "log", "dose", "--drug", "diazepam", "--mg", "-1"]).unwrap();
        match cli.command {
            Command::Log(LogArgs { what: Some(LogCommand::Dose(a)), .. }) => {
                assert_eq!(a.mg.as_deref(), Some("-1"))
            }
            other => panic!("parsed as {other:?}"),
        }
        assert!(Cli::try_parse_from(["steady", "log", "dose", "--drug", "x", "--mg", "1", "--tablets", "1"])
            .is_err());
        assert!(Cli::try_parse_from(["steady", "log", "dose", "--drug", "x"]).is_err());
        assert!(Cli::try_parse_from(["steady", "summary", "--table", "va_dod"]).is_ok());
    }
}
