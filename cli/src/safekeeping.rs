//! Commands that keep the diary safe rather than add to it: `backup`, `restore`, `rekey`, `recover`
//! and `erase`. Each is one core call; the secrets come from their environment variables or a
//! hidden prompt (see [`crate::unlock`]), and files written are readable only by the owner.

use std::path::Path;

use steady_core::{DataKey, Unlock};

use crate::commands::Ctx;
use crate::error::CliError;
use crate::outfile::{self, Existing};
use crate::unlock::{self, Purpose};

/// `steady backup --out FILE`: every readable entry, sealed with a backup passphrase. The file name
/// and the backup passphrase (against the policy) are checked before the diary is unlocked, so a
/// refusal costs no key derivation; the file is created new, never through a symbolic link.
pub fn backup(ctx: &Ctx, out: &Path) -> Result<String, CliError> {
    if outfile::occupied(out) {
        return Err(CliError::Usage(format!("{} exists already; choose a new file name", out.display())));
    }
    let passphrase = unlock::passphrase(unlock::BACKUP, Purpose::Create)?;
    let core = ctx.open()?;
    let file = core.backup(&passphrase)?;
    outfile::write_private(out, &file.file.bytes, Existing::Refuse)?;
    let mut text = format!(
        "Backed up {} entries to {}. It opens only with the backup passphrase: keep that safe.\n",
        file.entries,
        out.display()
    );
    if !file.skipped.is_empty() {
        text.push_str(&format!(
            "Left out {} damaged entries that could not be decrypted (run `steady recover`).\n",
            file.skipped.len()
        ));
    }
    Ok(text)
}

/// `steady restore FILE`: imports a backup in one transaction; entries already here are not
/// duplicated.
pub fn restore(ctx: &Ctx, file: &Path) -> Result<String, CliError> {
    let core = ctx.open()?;
    let passphrase = unlock::passphrase(unlock::BACKUP, Purpose::Open)?;
    let r = core.restore_file(file, &passphrase)?;
    let kept = if r.kept > 0 {
        format!(" {} kept as they are here (the diary's version is the newer one).", r.kept)
    } else {
        String::new()
    };
    Ok(format!(
        "Restored {}: {} new entries, {} replaced, {} already here.{kept}\n",
        file.display(),
        r.added,
        r.updated,
        r.unchanged
    ))
}

/// `steady rekey`: a new passphrase (or, with `--key-file`, a new key file) and a fresh data key,
/// in one transaction. The old passphrase or key opens nothing afterwards.
pub fn rekey(ctx: &Ctx, new_key_file: Option<&Path>) -> Result<String, CliError> {
    let (new, done) = match (&ctx.key_file, new_key_file) {
        (Some(_), Some(path)) => {
            if path.exists() {
                return Err(CliError::Usage(format!(
                    "{} exists already; name a new key file",
                    path.display()
                )));
            }
            let key = DataKey::generate()?;
            (Unlock::Key(key), format!("The diary now opens with the new key file {}.", path.display()))
        }
        (None, None) => (
            Unlock::Passphrase(unlock::passphrase(unlock::NEW, Purpose::Create)?),
            "The diary now opens with the new passphrase only.".to_string(),
        ),
        (Some(_), None) => {
            return Err(CliError::Usage("a diary opened with --key-file needs --new-key-file FILE".into()))
        }
        (None, Some(_)) => {
            return Err(CliError::Usage(
                "--new-key-file goes with --key-file (this diary has a passphrase)".into(),
            ))
        }
    };
    let core = ctx.open()?;
    if let (Unlock::Key(key), Some(path)) = (&new, new_key_file) {
        // The key file is written first: if that fails, nothing changed; if the rekey then fails,
        // the old key still opens the diary and the unused new file can be deleted.
        unlock::write_key_file(path, key)?;
    }
    core.rekey(&new)?;
    Ok(format!("Changed the key and re-sealed every entry. {done}\n"))
}

/// `steady recover`: keeps the damaged files in a `damaged-…` folder and copies every readable
/// entry into a new diary.
pub fn recover(ctx: &Ctx) -> Result<String, CliError> {
    let dir = ctx.dir()?;
    if !dir.exists() {
        return Err(CliError::NoDiary(dir.path().to_owned()));
    }
    let got = unlock::obtain(ctx.key_file.as_deref(), Purpose::Open)?;
    let r = dir.recover(&got.unlock)?;
    let mut text = format!(
        "Recovered {} entries into a new diary. The damaged files are kept in {}.\n",
        r.recovered,
        r.kept_at.display()
    );
    if !r.damaged.is_empty() {
        text.push_str(&format!("{} entries failed authentication and were not copied.\n", r.damaged.len()));
    }
    if r.read_from_pages > 0 {
        text.push_str(&format!(
            "{} of them were read directly from pages the database could no longer reach: \
             check the most recent ones, an edit or deletion made just before the damage may be missing.\n",
            r.read_from_pages
        ));
    }
    if !r.lost.is_empty() {
        text.push_str(&format!(
            "{} entries the diary listed were on unreadable parts of the file and could not be recovered.\n",
            r.lost.len()
        ));
    } else if r.pages_lost {
        text.push_str("Parts of the file were unreadable: entries stored there could not be recovered.\n");
    }
    Ok(text)
}

/// `steady erase --yes`: overwrites and deletes the diary's files; needs no passphrase.
pub fn erase(ctx: &Ctx, yes: bool) -> Result<String, CliError> {
    let dir = ctx.dir()?;
    if !yes {
        return Err(CliError::Usage(format!(
            "this erases the diary in {} for good; run `steady erase --yes` to confirm",
            dir.path().display()
        )));
    }
    let n = dir.erase()?;
    let mut text =
        format!("Erased the diary in {} ({n} files overwritten and deleted).\n", dir.path().display());
    if let Some(key) = &ctx.key_file {
        text.push_str(&format!("Delete the key file {} too if you no longer need it.\n", key.display()));
    }
    Ok(text)
}
