//! Helpers shared by the end-to-end tests of the `steady` binary: a throw-away diary opened with a
//! key file (or a passphrase), and assertions on how a run ended.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

/// A fixed-offset zone (`Etc/GMT±N`) where the local time is now between 11:00 and 13:00, with its
/// offset. Tests that log "now" and read "today" back must not depend on the hour CI runs at:
/// between midnight and the diary's day start (04:00) "now" still belongs to the evening before,
/// which the diary-day tests check on purpose with fixed times.
pub fn midday_zone() -> (String, chrono::FixedOffset) {
    use chrono::Timelike;
    let hour = i32::try_from(chrono::Utc::now().hour()).expect("an hour");
    let east = 12 - hour; // -11 ..= 12 hours, all of which Etc/GMT covers
                          // POSIX signs are inverted: Etc/GMT-3 is three hours east of UTC.
    let name = if east == 0 { "Etc/GMT".to_string() } else { format!("Etc/GMT{:+}", -east) };
    (name, chrono::FixedOffset::east_opt(east * 3600).expect("a valid offset"))
}

/// Today's date in [`midday_zone`].
pub fn midday_today() -> chrono::NaiveDate {
    let (_, offset) = midday_zone();
    chrono::Utc::now().with_timezone(&offset).date_naive()
}

/// A throw-away diary directory and where its key file goes.
pub struct Diary {
    pub dir: tempfile::TempDir,
}

impl Diary {
    pub fn new() -> Self {
        Self { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("diary")
    }

    pub fn key(&self) -> PathBuf {
        self.dir.path().join("steady.key")
    }

    /// `steady` with this diary and a clean environment (no inherited Steady settings), in a zone
    /// where it is now around midday (see [`midday_zone`]).
    pub fn bare(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_steady"));
        cmd.env("TZ", midday_zone().0)
            .env_remove("STEADY_PASSPHRASE")
            .env_remove("STEADY_DATA_DIR")
            .env_remove("STEADY_KEY_FILE")
            .env_remove("RUST_BACKTRACE")
            .arg("--data-dir")
            .arg(self.data());
        cmd
    }

    /// `steady --key-file … ARGS`.
    pub fn keyed(&self, args: &[&str]) -> Output {
        run(self.bare().arg("--key-file").arg(self.key()).args(args))
    }

    /// `TZ=<tz> steady --key-file … ARGS` (chrono reads the zone from `TZ` on Linux).
    pub fn keyed_tz(&self, tz: &str, args: &[&str]) -> Output {
        run(self.bare().env("TZ", tz).arg("--key-file").arg(self.key()).args(args))
    }

    /// `steady ARGS` with `STEADY_PASSPHRASE` set.
    pub fn with_pass(&self, pass: &str, args: &[&str]) -> Output {
        run(self.bare().env("STEADY_PASSPHRASE", pass).args(args))
    }

    /// `steady --key-file … ARGS` with `input` on its standard input.
    pub fn keyed_stdin(&self, args: &[&str], input: &str) -> Output {
        with_stdin(self.bare().arg("--key-file").arg(self.key()).args(args), input)
    }

    /// Runs a keyed command with `input` on standard input that must succeed; returns its stdout.
    pub fn ok_stdin(&self, args: &[&str], input: &str) -> String {
        ok(&self.keyed_stdin(args, input))
    }

    /// A diary created with a key file.
    pub fn keyed_init() -> Self {
        let d = Self::new();
        ok(&d.keyed(&["init"]));
        d
    }

    /// Runs a keyed command that must succeed and returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        ok(&self.keyed(args))
    }

    pub fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("valid JSON")
    }
}

pub fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the steady binary runs")
}

/// Runs `cmd` with `input` written to its standard input (then closed).
pub fn with_stdin(cmd: &mut Command, input: &str) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the steady binary runs");
    let mut stdin = child.stdin.take().expect("a stdin pipe");
    // The child may refuse early and close its end: a broken pipe is its answer, not ours.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().expect("the steady binary ends")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts success and returns stdout.
pub fn ok(o: &Output) -> String {
    assert!(o.status.success(), "failed with {:?}\nstdout: {}\nstderr: {}", o.status, stdout(o), stderr(o));
    stdout(o)
}

/// Asserts a clean failure (non-zero, one `error:` line, no panic) and returns stderr.
pub fn fails(o: &Output) -> String {
    let err = stderr(o);
    assert!(!o.status.success(), "unexpectedly succeeded: {}", stdout(o));
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "{err}");
    assert!(err.starts_with("error:"), "{err}");
    err
}

/// The short id in a success message such as "Logged dose 3f2a9c1e."
pub fn short_id(message: &str) -> String {
    let word = message.split_whitespace().find(|w| {
        let w = w.trim_end_matches('.');
        w.len() == 8 && w.bytes().all(|b| b.is_ascii_hexdigit())
    });
    word.expect("a short id in the message").trim_end_matches('.').to_owned()
}
