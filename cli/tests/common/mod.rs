//! Helpers shared by the end-to-end tests of the `steady` binary: a throw-away diary opened with a
//! key file (or a passphrase), and assertions on how a run ended.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

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

    /// `steady` with this diary and a clean environment (no inherited Steady settings).
    pub fn bare(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_steady"));
        cmd.env_remove("STEADY_PASSPHRASE")
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
