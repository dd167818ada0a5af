//! Drives the SQLCipher baseline (`bench/sqlcipher`, its own build graph) as a child process: builds
//! it with cargo when needed, hands it synthetic rows through a temporary file, and parses the
//! timings it prints.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{bail, Context, Result};

use crate::plain::Row;
use crate::stats::Samples;

/// The built baseline binary and the key file it reads.
pub struct SqlCipher {
    bin: PathBuf,
}

impl SqlCipher {
    /// Builds `bench/sqlcipher` (a no-op when up to date) into `target/bench-sqlcipher`.
    pub fn build(root: &Path, target: &Path) -> Result<Self> {
        let dir = target.join("bench-sqlcipher");
        let status = Command::new(crate::cargo())
            .args(["build", "--release", "--locked", "--quiet", "--manifest-path"])
            .arg(root.join("bench/sqlcipher/Cargo.toml"))
            .arg("--target-dir")
            .arg(&dir)
            .status()
            .context("running cargo for bench/sqlcipher")?;
        if !status.success() {
            bail!("building bench/sqlcipher failed (needs OpenSSL's libcrypto: Debian libssl-dev)");
        }
        Ok(Self { bin: dir.join("release/steady-bench-sqlcipher") })
    }

    fn run(&self, args: &[&Path], extra: Option<&str>) -> Result<String> {
        let mut cmd = Command::new(&self.bin);
        cmd.args(args);
        if let Some(e) = extra {
            cmd.arg(e);
        }
        let out = cmd.output().with_context(|| format!("running {}", self.bin.display()))?;
        if !out.status.success() {
            bail!("sqlcipher baseline failed: {}", String::from_utf8_lossy(&out.stderr).trim());
        }
        Ok(String::from_utf8(out.stdout)?)
    }

    /// Creates `db` from `rows`.
    pub fn load(&self, rows: &[Row], db: &Path, key: &Path, scratch: &Path) -> Result<()> {
        let file = write_rows(rows, scratch)?;
        self.run(&[Path::new("load"), &file, db, key], None)?;
        fs::remove_file(file)?;
        Ok(())
    }

    /// `n` cold opens (read key, open, key, pragmas, read every row); also returns the row count.
    pub fn open(&self, db: &Path, key: &Path, n: usize) -> Result<(Samples, usize)> {
        let out = self.run(&[Path::new("open"), db, key], Some(&n.to_string()))?;
        let mut s = Samples::default();
        let mut rows = 0;
        for line in out.lines() {
            let f: Vec<&str> = line.split_whitespace().collect();
            if let ["open_ns", ns, r, _bytes] = f.as_slice() {
                s.push(Duration::from_nanos(ns.parse()?));
                rows = r.parse()?;
            }
        }
        if s.len() != n {
            bail!("sqlcipher baseline printed {} of {n} open timings", s.len());
        }
        Ok((s, rows))
    }

    /// One durable transaction per row; the per-write durations.
    pub fn log(&self, rows: &[Row], db: &Path, key: &Path, scratch: &Path) -> Result<Samples> {
        let file = write_rows(rows, scratch)?;
        let out = self.run(&[Path::new("log"), &file, db, key], None)?;
        fs::remove_file(file)?;
        let mut s = Samples::default();
        for line in out.lines() {
            if let Some(ns) = line.strip_prefix("log_ns ") {
                s.push(Duration::from_nanos(ns.trim().parse()?));
            }
        }
        if s.len() != rows.len() {
            bail!("sqlcipher baseline printed {} of {} log timings", s.len(), rows.len());
        }
        Ok(s)
    }
}

/// Writes rows as `[id][u32 LE version][u32 LE length][body]` into a file under `scratch`.
fn write_rows(rows: &[Row], scratch: &Path) -> Result<PathBuf> {
    let mut buf = Vec::with_capacity(rows.iter().map(|r| r.2.len() + 24).sum());
    for (id, v, body) in rows {
        buf.extend_from_slice(id);
        buf.extend_from_slice(&v.to_le_bytes());
        buf.extend_from_slice(&u32::try_from(body.len())?.to_le_bytes());
        buf.extend_from_slice(body);
    }
    let path = scratch.join("sqlcipher-rows.bin");
    fs::write(&path, buf)?;
    Ok(path)
}
