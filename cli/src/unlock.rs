//! How the CLI gets the diary's key: a key file (`--key-file`, 64 hex digits), the
//! `STEADY_PASSPHRASE` environment variable, or a hidden prompt on the terminal. Secrets live only
//! in zeroizing buffers and are never printed, not even in error messages.

use std::fs::{self, OpenOptions};
use std::io::{Read, Write};
use std::path::Path;

use steady_core::domain::{passphrase, Problem};
use steady_core::{DataKey, Unlock, KEY_LEN};
use zeroize::Zeroizing;

use crate::error::CliError;

/// Environment variable holding the passphrase (for scripts and tests; a prompt is safer).
pub const PASSPHRASE_ENV: &str = "STEADY_PASSPHRASE";
/// Environment variable holding the backup passphrase for `backup` and `restore`.
pub const BACKUP_PASSPHRASE_ENV: &str = "STEADY_BACKUP_PASSPHRASE";
/// Environment variable holding the new passphrase for `rekey`.
pub const NEW_PASSPHRASE_ENV: &str = "STEADY_NEW_PASSPHRASE";

/// Which secret is asked for: its environment variable and the words of its prompts.
#[derive(Debug, Clone, Copy)]
pub struct Secret {
    env: &'static str,
    /// E.g. "passphrase", "backup passphrase".
    name: &'static str,
}

/// The diary's passphrase.
pub const DIARY: Secret = Secret { env: PASSPHRASE_ENV, name: "passphrase" };
/// The passphrase sealing a backup file.
pub const BACKUP: Secret = Secret { env: BACKUP_PASSPHRASE_ENV, name: "backup passphrase" };
/// The diary's new passphrase (`rekey`).
pub const NEW: Secret = Secret { env: NEW_PASSPHRASE_ENV, name: "new passphrase" };

/// A key file is 64 hex digits plus whitespace; anything much larger is not a key file.
const MAX_KEY_FILE_BYTES: u64 = 4096;

/// Whether the diary is being created (ask twice, may write a new key file) or opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// `steady init`.
    Create,
    /// Every other command.
    Open,
}

/// The unlock material plus, when a new key file was written, a sentence saying so.
pub struct Obtained {
    /// What the core needs.
    pub unlock: Unlock,
    /// E.g. "Wrote a new key to …"; `None` when nothing was written.
    pub notice: Option<String>,
}

/// Gets the key from `key_file` when given, else the passphrase from the environment or a prompt.
pub fn obtain(key_file: Option<&Path>, purpose: Purpose) -> Result<Obtained, CliError> {
    match (key_file, purpose) {
        (Some(path), Purpose::Create) if !path.exists() => {
            let key = DataKey::generate()?;
            write_key_file(path, &key)?;
            let notice = format!(
                "Wrote a new random key to {} (readable only by you). Keep a copy somewhere safe: \
                 without it this diary cannot be opened.",
                path.display()
            );
            Ok(Obtained { unlock: Unlock::Key(key), notice: Some(notice) })
        }
        (Some(path), _) => Ok(Obtained { unlock: Unlock::Key(read_key_file(path)?), notice: None }),
        (None, purpose) => {
            Ok(Obtained { unlock: Unlock::Passphrase(passphrase(DIARY, purpose)?), notice: None })
        }
    }
}

/// A passphrase from its environment variable, else from the terminal (twice when choosing one).
pub fn passphrase(secret: Secret, purpose: Purpose) -> Result<Zeroizing<String>, CliError> {
    let Secret { env, name } = secret;
    if let Some(value) = std::env::var_os(env) {
        let pass = Zeroizing::new(
            value.into_string().map_err(|_| CliError::Passphrase(format!("{env} is not valid UTF-8")))?,
        );
        let pass = non_empty(pass, name)?;
        if purpose == Purpose::Create {
            strong_enough(&pass, name)?;
        }
        return Ok(pass);
    }
    let ask = |prompt: String| -> Result<Zeroizing<String>, CliError> {
        rpassword::prompt_password(prompt).map(Zeroizing::new).map_err(|e| {
            CliError::Passphrase(format!("could not read the {name} from the terminal ({e}); set {env}"))
        })
    };
    match purpose {
        Purpose::Open => non_empty(ask(format!("{}: ", capitalised(name)))?, name),
        Purpose::Create => {
            let first = non_empty(ask(format!("Choose a {name}: "))?, name)?;
            strong_enough(&first, name)?;
            let second = ask(format!("Repeat the {name}: "))?;
            if *first != *second {
                return Err(CliError::Passphrase(format!("the two {name}s differ; nothing was changed")));
            }
            Ok(first)
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A passphrase being chosen must pass the core's policy (length, patterns, common words, and
/// zxcvbn's estimate in this build); the refusal names the rule and never echoes the passphrase.
/// Opening is never checked, so a passphrase chosen before the policy still opens its diary.
fn strong_enough(pass: &str, name: &str) -> Result<(), CliError> {
    passphrase::check(pass).map_err(|e| {
        let why = match e.problem {
            Problem::NotAllowed { rule } | Problem::Inconsistent { rule } => rule.text().to_owned(),
            other => other.to_string(),
        };
        CliError::Passphrase(format!("the {name} is not accepted: {why}. Nothing was changed."))
    })
}

fn non_empty(pass: Zeroizing<String>, name: &str) -> Result<Zeroizing<String>, CliError> {
    if pass.is_empty() {
        return Err(CliError::Passphrase(format!("the {name} is empty")));
    }
    Ok(pass)
}

/// Reads a 32-byte key stored as 64 hex digits (surrounding whitespace ignored).
pub fn read_key_file(path: &Path) -> Result<DataKey, CliError> {
    let fail = |reason: String| CliError::KeyFile { path: path.to_path_buf(), reason };
    let mut file = fs::File::open(path).map_err(|e| fail(format!("cannot open it ({e})")))?;
    // Room for the whole file up front, so no reallocation leaves an unwiped copy behind.
    let mut raw = Zeroizing::new(Vec::with_capacity(MAX_KEY_FILE_BYTES as usize + 1));
    Read::by_ref(&mut file)
        .take(MAX_KEY_FILE_BYTES + 1)
        .read_to_end(&mut raw)
        .map_err(|e| fail(format!("cannot read it ({e})")))?;
    if raw.len() as u64 > MAX_KEY_FILE_BYTES {
        return Err(fail("too large to be a key file".into()));
    }
    let text = std::str::from_utf8(&raw).map_err(|_| fail(expected_hex()))?;
    let bytes = decode_hex_key(text.trim()).ok_or_else(|| fail(expected_hex()))?;
    Ok(DataKey::from_bytes(*bytes))
}

fn expected_hex() -> String {
    format!("does not hold a key (expected {} hex digits)", KEY_LEN * 2)
}

/// Writes `key` as hex to a new file that only the owner can read; never overwrites a file.
pub fn write_key_file(path: &Path, key: &DataKey) -> Result<(), CliError> {
    let fail = |e: std::io::Error| CliError::KeyFile {
        path: path.to_path_buf(),
        reason: format!("cannot create it ({e})"),
    };
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(fail)?;
    let mut text = encode_hex(key.expose());
    text.push('\n');
    file.write_all(text.as_bytes()).and_then(|()| file.sync_all()).map_err(fail)
}

/// Lowercase hex of `bytes`, in a buffer wiped on drop.
pub fn encode_hex(bytes: &[u8]) -> Zeroizing<String> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = Zeroizing::new(String::with_capacity(bytes.len() * 2));
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// Exactly `KEY_LEN * 2` hex digits (either case) to key bytes; anything else is `None`.
pub fn decode_hex_key(text: &str) -> Option<Zeroizing<[u8; KEY_LEN]>> {
    let digits = text.as_bytes();
    if digits.len() != KEY_LEN * 2 {
        return None;
    }
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    for (slot, pair) in out.iter_mut().zip(digits.chunks_exact(2)) {
        *slot = (nibble(pair[0])? << 4) | nibble(pair[1])?;
    }
    Some(out)
}

fn nibble(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_rejects_malformed_keys() {
        let bytes: [u8; KEY_LEN] = std::array::from_fn(|i| (i as u8).wrapping_mul(37));
        let hex = encode_hex(&bytes);
        assert_eq!(hex.len(), 64);
        assert_eq!(*decode_hex_key(&hex).unwrap(), bytes);
        assert_eq!(*decode_hex_key(&hex.to_uppercase()).unwrap(), bytes);
        assert!(decode_hex_key(&hex[..62]).is_none());
        assert!(decode_hex_key(&format!("{}zz", &hex[..62])).is_none());
        assert!(decode_hex_key(&format!("{}00", &*hex)).is_none());
        assert!(decode_hex_key("").is_none());
        // Multi-byte characters must not be split or accepted.
        assert!(decode_hex_key(&"é".repeat(32)).is_none());
    }

    #[test]
    fn key_files_are_written_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("steady.key");
        let got = obtain(Some(&path), Purpose::Create).unwrap();
        assert!(got.notice.is_some());
        let Unlock::Key(key) = got.unlock else { panic!("a key file gives a key") };
        assert_eq!(read_key_file(&path).unwrap().expose(), key.expose());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        // An existing key file is used, not replaced.
        let again = obtain(Some(&path), Purpose::Create).unwrap();
        assert!(again.notice.is_none());
        fs::write(&path, "not a key").unwrap();
        let err = read_key_file(&path).err().unwrap().to_string();
        assert!(err.contains("hex digits") && !err.contains("not a key"), "{err}");
        assert!(read_key_file(&dir.path().join("missing")).is_err());
    }
}
