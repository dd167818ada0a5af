//! Files the CLI writes health data to (`summary --out`, `plan ics --out`, `backup --out`): created
//! new with mode 0600, never through a symbolic link (dangling or not), never into a FIFO or
//! someone else's file; `summary` and `plan ics` replace a regular file of the user's own (made
//! private first), `backup` never replaces anything.
#![cfg(unix)]

mod common;

use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::Path;

use common::*;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// A diary with something in it and a plan (for `plan ics`); the backup passphrase is set.
fn diary() -> Diary {
    let d = Diary::keyed_init();
    d.ok(&["log", "dose", "--drug", "diazepam", "--mg", "5", "--note", "CANARY5f3a"]);
    d.ok(&["plan", "create", "--drug", "diazepam", "--start-mg", "10", "--strengths", "2,5"]);
    d
}

fn write(d: &Diary, args: &[&str]) -> std::process::Output {
    run(d
        .bare()
        .env("STEADY_BACKUP_PASSPHRASE", "backup mossy kettle drums")
        .arg("--key-file")
        .arg(d.key())
        .args(args))
}

const WRITERS: [&[&str]; 3] =
    [&["summary", "--format", "csv", "--out"], &["plan", "ics", "--out"], &["backup", "--out"]];

#[test]
fn new_output_files_are_private() {
    let d = diary();
    for (i, args) in WRITERS.iter().enumerate() {
        let path = d.dir.path().join(format!("out-{i}"));
        ok(&write(&d, &[args, &[path.to_str().unwrap()][..]].concat()));
        assert_eq!(mode(&path), 0o600, "{args:?}");
        assert!(!std::fs::read(&path).unwrap().is_empty());
    }
}

#[test]
fn output_is_never_written_through_a_symbolic_link() {
    let d = diary();
    for (i, args) in WRITERS.iter().enumerate() {
        // Dangling: nothing may be created at the link's target.
        let target = d.dir.path().join(format!("elsewhere-{i}"));
        let link = d.dir.path().join(format!("link-{i}"));
        symlink(&target, &link).unwrap();
        let err = fails(&write(&d, &[args, &[link.to_str().unwrap()][..]].concat()));
        assert!(err.contains("symbolic link") || err.contains("exists already"), "{args:?}: {err}");
        assert!(!target.exists(), "{args:?}: created {}", target.display());

        // Pointing at an existing file: it is left exactly as it was.
        std::fs::write(&target, "someone's file\n").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = fails(&write(&d, &[args, &[link.to_str().unwrap()][..]].concat()));
        assert!(err.contains("symbolic link") || err.contains("exists already"), "{args:?}: {err}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "someone's file\n", "{args:?}");
        assert_eq!(mode(&target), 0o644, "{args:?}");
    }
}

#[test]
fn summaries_replace_an_own_file_made_private_and_backups_never_replace() {
    let d = diary();
    let path = d.dir.path().join("summary.csv");
    std::fs::write(&path, "an older summary, readable by everyone\n".repeat(100)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    // The canary was logged today, so the period runs to today (the default ends yesterday).
    ok(&write(&d, &["summary", "--format", "csv", "--to", "today", "--out", path.to_str().unwrap()]));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("CANARY5f3a") && !text.contains("older summary"), "{text}");
    assert_eq!(mode(&path), 0o600, "an existing file is made private");

    let kept = d.dir.path().join("kept");
    std::fs::write(&kept, "do not touch").unwrap();
    let err = fails(&write(&d, &["backup", "--out", kept.to_str().unwrap()]));
    assert!(err.contains("exists already"), "{err}");
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "do not touch");
}

#[test]
fn a_fifo_or_a_directory_is_refused_without_hanging() {
    let d = diary();
    let fifo = d.dir.path().join("fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for args in [&["summary", "--out"][..], &["plan", "ics", "--out"]] {
        let err = fails(&write(&d, &[args, &[fifo.to_str().unwrap()][..]].concat()));
        assert!(err.contains("not a regular file"), "{args:?}: {err}");
        let dir = d.dir.path();
        let err = fails(&write(&d, &[args, &[dir.to_str().unwrap()][..]].concat()));
        assert!(err.contains(&dir.display().to_string()), "{args:?}: {err}");
    }
}
