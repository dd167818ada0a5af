//! The passphrase policy on the command line: a passphrase being chosen (`init`, the new one of
//! `rekey`, the backup one of `backup`) is refused when weak, with the rule named, before any key
//! derivation and with nothing written; a passphrase that opens something (`open`, `restore`) is
//! never checked, so a diary or backup made before the policy still opens.

mod common;

use std::process::Output;
use std::sync::Arc;

use common::*;
use steady_core::{DiaryDir, SystemClock, Unlock};
use zeroize::Zeroizing;

const STRONG: &str = "violet tugboat minus orchard";

/// Weak passphrases and the words of the rule each breaks.
const WEAK: &[(&str, &str)] = &[
    ("a", "at least 12 characters"),
    ("Tr0ub4dor&3", "at least 12 characters"),
    ("password1234", "too easy to guess"),
    ("P@ssw0rd2024!", "too easy to guess"),
    ("Barcelona2019", "too easy to guess"),
    ("aaaaaaaaaaaaaaaa", "repeated or sequential"),
    ("123456789012", "repeated or sequential"),
];

/// `steady ARGS` with exactly these passphrase variables set.
fn with(d: &Diary, vars: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = d.bare();
    cmd.env_remove("STEADY_BACKUP_PASSPHRASE").env_remove("STEADY_NEW_PASSPHRASE");
    for (k, v) in vars {
        cmd.env(k, v);
    }
    run(cmd.args(args))
}

fn refused(o: &Output, pass: &str, rule: &str) {
    let err = fails(o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("is not accepted") && err.contains(rule), "{pass:?}: {err}");
    if pass.len() > 3 {
        assert!(!err.contains(pass), "the passphrase is never echoed: {err}");
    }
}

#[test]
fn init_refuses_weak_passphrases_and_creates_nothing() {
    for (pass, rule) in WEAK {
        let d = Diary::new();
        refused(&with(&d, &[("STEADY_PASSPHRASE", pass)], &["init"]), pass, rule);
        assert!(!d.data().exists(), "{pass:?}: no diary directory");
    }
    let d = Diary::new();
    ok(&with(&d, &[("STEADY_PASSPHRASE", STRONG)], &["init"]));
    ok(&with(&d, &[("STEADY_PASSPHRASE", STRONG)], &["today"]));
}

#[test]
fn rekey_refuses_a_weak_new_passphrase_and_changes_nothing() {
    let d = Diary::new();
    ok(&with(&d, &[("STEADY_PASSPHRASE", STRONG)], &["init"]));
    ok(&with(&d, &[("STEADY_PASSPHRASE", STRONG)], &["log", "anxiety", "--score", "4"]));
    for (pass, rule) in WEAK {
        let o = with(&d, &[("STEADY_PASSPHRASE", STRONG), ("STEADY_NEW_PASSPHRASE", pass)], &["rekey"]);
        refused(&o, pass, rule);
    }
    assert!(ok(&with(&d, &[("STEADY_PASSPHRASE", STRONG)], &["list"])).contains("anxiety"));
    let err = fails(&with(&d, &[("STEADY_PASSPHRASE", "password1234")], &["list"]));
    assert!(err.contains("wrong key or passphrase"), "{err}");
    // The policy is checked before the diary is unlocked: a wrong current passphrase is not even
    // tried (no key derivation) when the new one is refused.
    let o =
        with(&d, &[("STEADY_PASSPHRASE", "not the passphrase"), ("STEADY_NEW_PASSPHRASE", "a")], &["rekey"]);
    refused(&o, "a", "at least 12 characters");
    let renewed = "second quiet otter fixes";
    ok(&with(&d, &[("STEADY_PASSPHRASE", STRONG), ("STEADY_NEW_PASSPHRASE", renewed)], &["rekey"]));
    assert!(ok(&with(&d, &[("STEADY_PASSPHRASE", renewed)], &["list"])).contains("anxiety"));
}

#[test]
fn backup_refuses_a_weak_backup_passphrase_before_unlocking_and_writes_no_file() {
    let d = Diary::new();
    ok(&with(&d, &[("STEADY_PASSPHRASE", STRONG)], &["init"]));
    let file = d.dir.path().join("move.steadybackup");
    let out = file.to_str().unwrap();
    for (pass, rule) in WEAK {
        let o = with(
            &d,
            &[("STEADY_PASSPHRASE", STRONG), ("STEADY_BACKUP_PASSPHRASE", pass)],
            &["backup", "--out", out],
        );
        refused(&o, pass, rule);
        assert!(!file.exists(), "{pass:?}: no backup file");
    }
    // Refused before the diary's key is derived: the wrong diary passphrase is never reached.
    let o = with(
        &d,
        &[("STEADY_PASSPHRASE", "not the passphrase"), ("STEADY_BACKUP_PASSPHRASE", "password1234")],
        &["backup", "--out", out],
    );
    refused(&o, "password1234", "too easy to guess");
    let backup = "backup mossy kettle drums";
    ok(&with(
        &d,
        &[("STEADY_PASSPHRASE", STRONG), ("STEADY_BACKUP_PASSPHRASE", backup)],
        &["backup", "--out", out],
    ));
    assert!(file.exists());
}

#[test]
fn passphrases_chosen_before_the_policy_still_open_and_restore() {
    // A diary and a backup made with weak passphrases (as before the policy), through the core.
    let d = Diary::new();
    let weak = Unlock::Passphrase(Zeroizing::new("a".to_owned()));
    let core = DiaryDir::new(d.data()).create(&weak, Arc::new(SystemClock)).unwrap();
    let backup = core.backup("guess").unwrap();
    let file = d.dir.path().join("old.steadybackup");
    std::fs::write(&file, &backup.file.bytes).unwrap();
    drop(core);

    ok(&with(&d, &[("STEADY_PASSPHRASE", "a")], &["log", "anxiety", "--score", "3"]));
    let out = ok(&with(
        &d,
        &[("STEADY_PASSPHRASE", "a"), ("STEADY_BACKUP_PASSPHRASE", "guess")],
        &["restore", file.to_str().unwrap()],
    ));
    assert!(out.contains("Restored"), "{out}");
    // Moving it to a strong passphrase is what rekey is for.
    ok(&with(&d, &[("STEADY_PASSPHRASE", "a"), ("STEADY_NEW_PASSPHRASE", STRONG)], &["rekey"]));
    assert!(ok(&with(&d, &[("STEADY_PASSPHRASE", STRONG)], &["list"])).contains("anxiety"));
}
