//! One grammar for every shell: the same table of typed text goes through the `steady` binary and
//! through the FFI functions the phones call (`parse_tablets`, `parse_date`, `parse_clock_time`,
//! `SteadyDiary::read_instant`), and both must accept and refuse the same cases and read the same
//! values. (Before the core owned the grammar, "1 3/2" tablets was accepted by the CLI and refused
//! by the FFI.)

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::Arc;

use serde_json::Value;
use steady_core::ffi::{parse_clock_time, parse_date, parse_tablets, KeyProvider, SteadyDiary, SteadyError};

/// How a shell read one piece of text: refused as unreadable, or the value it stands for.
#[derive(Debug, PartialEq)]
enum Read {
    Refused,
    Value(String),
}

struct Cli {
    dir: tempfile::TempDir,
}

impl Cli {
    fn new() -> Self {
        let cli = Self { dir: tempfile::tempdir().unwrap() };
        assert!(cli.run(&["init"]).status.success());
        cli
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_steady"))
            .env_remove("STEADY_PASSPHRASE")
            .env("TZ", "Europe/Brussels")
            .arg("--data-dir")
            .arg(self.dir.path().join("diary"))
            .arg("--key-file")
            .arg(self.key())
            .args(args)
            .output()
            .unwrap()
    }

    fn key(&self) -> PathBuf {
        self.dir.path().join("steady.key")
    }

    /// Runs a logging command; a grammar refusal is "could not read <flag>" (or, for empty text,
    /// "<field> is required"); anything else that fails is the validator's business and does not
    /// count here.
    fn read(&self, flag: &str, args: &[&str], value: impl Fn(&Value) -> String) -> Read {
        let out = self.run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        let field = flag.trim_start_matches('-').replace('-', "_");
        if err.contains(&format!("could not read {flag}")) || err.contains(&format!("{field} is required")) {
            return Read::Refused;
        }
        assert!(out.status.success(), "{args:?}: {err}");
        let list: Value = serde_json::from_slice(&self.run(&["list", "--json"]).stdout).unwrap();
        let last = list.as_array().unwrap().iter().max_by_key(|e| e["id"].as_str().map(str::to_owned));
        let entry =
            list.as_array().unwrap().iter().find(|e| e["note"] == "grammar").or(last).unwrap().clone();
        let id = entry["id"].as_str().unwrap().to_owned();
        assert!(self.run(&["delete", &id]).status.success());
        Read::Value(value(&entry))
    }
}

fn ffi<T>(r: Result<T, SteadyError>, show: impl Fn(T) -> String) -> Read {
    match r {
        Ok(v) => Read::Value(show(v)),
        Err(SteadyError::InvalidInput { .. }) => Read::Refused,
        Err(other) => panic!("a grammar refusal is invalid input: {other:?}"),
    }
}

struct Key;

impl KeyProvider for Key {
    fn get_or_create_key(&self) -> Result<Vec<u8>, SteadyError> {
        Ok(vec![7; 32])
    }
}

#[test]
fn the_cli_and_the_ffi_read_tablets_dates_times_and_instants_alike() {
    // The FFI's clock reads the same zone as the CLI (chrono's local zone follows TZ).
    std::env::set_var("TZ", "Europe/Brussels");
    let cli = Cli::new();
    let today = chrono::Local::now().date_naive();

    let tablets = [
        "1", "0.5", "0,5", "1/2", "3/4", "1 1/2", "1½", "1 ¾", "¼", "3/2", "1 3/2", "1/0", "half", "1//2",
        "1e1", "",
    ];
    for text in tablets {
        let args =
            ["log", "dose", "--drug", "diazepam", "--tablets", text, "--strength", "2", "--note", "grammar"];
        let by_cli = cli.read("--tablets", &args, |e| format!("{}", e["tablets"].as_f64().unwrap()));
        let by_ffi = ffi(parse_tablets(text.into()), |v| format!("{v}"));
        assert_eq!(by_cli, by_ffi, "tablets {text:?}");
    }

    let dates = ["2026-03-01", "2026-3-1", "today", "Yesterday", "2026-02-30", "26-03-01", "2026/03/01", "x"];
    for text in dates {
        let args = ["log", "sleep", "--night", text, "--hours", "7", "--quality", "3"];
        let by_cli = cli.read("--night", &args, |e| e["night"].as_str().unwrap().to_owned());
        let by_ffi = ffi(parse_date(text.into(), today), |d| d.to_string());
        assert_eq!(by_cli, by_ffi, "date {text:?}");
    }

    let times = ["23:05", "7:30", "00:00", "24:00", "12:60", "12:5", "1230", "ab:cd"];
    for text in times {
        let args = [
            "log",
            "sleep",
            "--night",
            "yesterday",
            "--hours",
            "1",
            "--quality",
            "3",
            "--in-bed",
            text,
            "--out-of-bed",
            "06:59",
        ];
        let by_cli = cli.read("--in-bed", &args, |e| e["in_bed"].as_str().unwrap()[..5].to_owned());
        let by_ffi = ffi(parse_clock_time(text.into()), |t| t.format("%H:%M").to_string());
        assert_eq!(by_cli, by_ffi, "time {text:?}");
    }

    let dir = tempfile::tempdir().unwrap();
    let phone = SteadyDiary::open(dir.path().display().to_string(), Arc::new(Key)).unwrap();
    let instants = [
        "2026-03-01 22:30",
        "2026-03-01T22:30",
        "2026-03-01T21:30:00Z",
        "2026-03-29 02:30",
        "2026-10-25 02:30",
        "2026-03-01 25:00",
        "2026-03-01",
        "now-ish",
    ];
    for text in instants {
        let args = ["log", "anxiety", "--score", "3", "--at", text, "--note", "grammar"];
        let by_cli = cli.read("--at", &args, |e| {
            chrono::DateTime::parse_from_rfc3339(e["at"].as_str().unwrap()).unwrap().to_rfc3339()
        });
        let by_ffi = ffi(phone.read_instant(text.into()), |at| at.to_rfc3339());
        assert_eq!(by_cli, by_ffi, "instant {text:?}");
    }
}
