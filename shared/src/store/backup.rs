//! The encrypted backup file, for moving a diary to a new phone. It is sealed with a key from a
//! *backup passphrase* (never the keystore key, which cannot leave the old phone), and read here
//! into entries that [`super::Store::import`] adds in one transaction.
//!
//! Layout of format 2, written since Argon2id (all integers big-endian):
//!
//! ```text
//! header  "STEADYBK" · format u16 (=2) · kdf u8 · kdf parameters · salt [16]
//!         kdf 2 = Argon2id: memory KiB u32 · passes u32 · lanes u32;  kdf 1 = PBKDF2: iterations u32
//! check   len u32 · seal("steady backup check v2" ‖ record count u32,  aad = header ‖ "check")
//! record  len u32 · seal(JSON entry padded to its bucket,  aad = header ‖ "record" ‖ index u32)  × count
//! ```
//!
//! Nothing about the entries is readable without the passphrase: the record count is sealed, and
//! each record is padded like a diary row ([`super::crypto::padded_len`]), so a frame's length
//! tells only its bucket. Format 1 (PBKDF2, the count in the header, unpadded) is still read.
//!
//! Every seal is AES-256-GCM with a random nonce, and every associated data holds the whole header,
//! so a changed header, a dropped, reordered or swapped record, or a truncated file fails to open.
//! The check record tells a wrong passphrase from a damaged file. Key-derivation parameters outside
//! [`Kdf::check`]'s bounds, and files over [`MAX_BACKUP_BYTES`], are refused before any key is
//! derived.

use std::collections::HashSet;

use super::crypto::{pad, random_bytes, unpad, DataKey, Sealer, SALT_LEN};
use super::kdf::{Kdf, ARGON2ID_LEN};
use crate::domain::Entry;

/// First bytes of every backup file.
pub const MAGIC: &[u8; 8] = b"STEADYBK";
/// The format this build writes.
pub const FORMAT: u16 = 2;
/// The first format, still read.
const FORMAT_1: u16 = 1;
/// Key derivation ids.
const KDF_PBKDF2_SHA256: u8 = 1;
const KDF_ARGON2ID: u8 = 2;
/// Header length of format 1 (PBKDF2 parameters and the record count in the clear).
pub const HEADER_1_LEN: usize = 8 + 2 + 1 + 4 + SALT_LEN + 4;
/// Largest backup accepted: ten years of a heavy diary is about 25 MB.
pub const MAX_BACKUP_BYTES: usize = 64 * 1024 * 1024;
/// Largest single sealed record accepted.
pub const MAX_RECORD_BYTES: usize = 1024 * 1024;
const CHECK_1: &[u8] = b"steady backup check v1";
const CHECK_2: &[u8] = b"steady backup check v2";

/// Why a backup file was refused. Nothing was imported in any of these cases.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    /// The file does not start like a Steady backup.
    #[error("this is not a Steady backup file")]
    NotABackup,
    /// Written by a newer Steady.
    #[error("this backup uses format {0}, newer than this app understands")]
    UnsupportedFormat(u16),
    /// A key derivation this build does not know.
    #[error("this backup uses an unknown key derivation ({0})")]
    UnsupportedKdf(u8),
    /// Weaker (or absurdly costly) key-derivation parameters than allowed.
    #[error("this backup's key parameters are outside the allowed range")]
    BadKeyParameters,
    /// Over the size cap.
    #[error("the backup file is larger than {limit} bytes")]
    TooLarge { limit: usize },
    /// The passphrase does not open it.
    #[error("wrong backup passphrase (or the file's header is damaged)")]
    WrongPassphrase,
    /// The file ends before its last record.
    #[error("the backup file is cut short: record {index} of {count} is missing")]
    Truncated { index: u32, count: u32 },
    /// Bytes follow the last record.
    #[error("the backup file has unexpected bytes after its last record")]
    TrailingData,
    /// A record failed authentication.
    #[error("record {index} of the backup is damaged or was changed")]
    DamagedRecord { index: u32 },
    /// A record opened but is not a valid entry (e.g. from a newer app, or a duplicate id).
    #[error("record {index} of the backup is not a valid entry: {problem}")]
    BadRecord { index: u32, problem: String },
    /// The system random generator failed while writing.
    #[error("the system random generator failed")]
    Random,
}

/// The parsed, not yet authenticated header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The file's format (1 or 2).
    pub format: u16,
    /// How the key is derived from the passphrase (checked against the bounds).
    pub kdf: Kdf,
    /// The salt.
    pub salt: [u8; SALT_LEN],
    /// Format 1 only: the record count, in the clear.
    pub count: Option<u32>,
    /// Header length in bytes.
    pub len: usize,
}

impl Header {
    /// A format-2 header for a new file.
    pub fn new(kdf: Kdf, salt: [u8; SALT_LEN]) -> Self {
        let len =
            8 + 2 + 1 + if matches!(kdf, Kdf::Argon2id { .. }) { ARGON2ID_LEN - 1 } else { 4 } + SALT_LEN;
        Self { format: FORMAT, kdf, salt, count: None, len }
    }

    /// Reads and checks the header, refusing unknown formats and out-of-range parameters.
    pub fn parse(bytes: &[u8]) -> Result<Self, BackupError> {
        if bytes.len() < 11 || &bytes[..8] != MAGIC {
            return Err(BackupError::NotABackup);
        }
        let format = u16::from_be_bytes([bytes[8], bytes[9]]);
        if format != FORMAT && format != FORMAT_1 {
            return Err(BackupError::UnsupportedFormat(format));
        }
        let word = |at: usize| -> Result<u32, BackupError> {
            Ok(u32::from_be_bytes(
                bytes.get(at..at + 4).ok_or(BackupError::NotABackup)?.try_into().unwrap_or_default(),
            ))
        };
        let (kdf, params_len) = match (format, bytes[10]) {
            (_, KDF_PBKDF2_SHA256) => (Kdf::Pbkdf2 { iterations: word(11)? }, 4),
            (FORMAT, KDF_ARGON2ID) => (
                Kdf::Argon2id { memory_kib: word(11)?, passes: word(15)?, lanes: word(19)? },
                ARGON2ID_LEN - 1,
            ),
            (_, other) => return Err(BackupError::UnsupportedKdf(other)),
        };
        let kdf = kdf.check().map_err(|_| BackupError::BadKeyParameters)?;
        let salt_at = 11 + params_len;
        let salt: [u8; SALT_LEN] = bytes
            .get(salt_at..salt_at + SALT_LEN)
            .ok_or(BackupError::NotABackup)?
            .try_into()
            .map_err(|_| BackupError::NotABackup)?;
        let (count, len) = if format == FORMAT_1 {
            (Some(word(salt_at + SALT_LEN)?), HEADER_1_LEN)
        } else {
            (None, salt_at + SALT_LEN)
        };
        Ok(Self { format, kdf, salt, count, len })
    }

    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_be_bytes());
        match self.kdf {
            Kdf::Pbkdf2 { iterations } => {
                out.push(KDF_PBKDF2_SHA256);
                out.extend_from_slice(&iterations.to_be_bytes());
            }
            Kdf::Argon2id { memory_kib, passes, lanes } => {
                out.push(KDF_ARGON2ID);
                for w in [memory_kib, passes, lanes] {
                    out.extend_from_slice(&w.to_be_bytes());
                }
            }
        }
        out.extend_from_slice(&self.salt);
        out
    }

    /// The key this header's parameters derive from `passphrase` (the slow step).
    pub fn derive_key(&self, passphrase: &str) -> Result<DataKey, BackupError> {
        self.kdf.derive(passphrase, &self.salt).map_err(|_| BackupError::BadKeyParameters)
    }
}

/// Writes a backup of `entries` sealed with a key from `passphrase` (fresh salt, Argon2id).
pub fn write(entries: &[Entry], passphrase: &str) -> Result<Vec<u8>, BackupError> {
    let salt: [u8; SALT_LEN] = random_bytes().map_err(|_| BackupError::Random)?;
    let header = Header::new(Kdf::DEFAULT, salt);
    let key = header.derive_key(passphrase)?;
    seal_with_key(entries, &header, &key)
}

/// Reads a backup with `passphrase`: every record must open and decode, or nothing is returned.
pub fn read(bytes: &[u8], passphrase: &str) -> Result<Vec<Entry>, BackupError> {
    check_size(bytes.len())?;
    let header = Header::parse(bytes)?;
    let key = header.derive_key(passphrase)?;
    open_with_key(bytes, &key)
}

/// Seals `entries` under an already derived `key`, in format 2 with `header`'s parameters. Used by
/// [`write`], and by tests and fuzzing, which cannot afford a key derivation per input.
pub fn seal_with_key(entries: &[Entry], header: &Header, key: &DataKey) -> Result<Vec<u8>, BackupError> {
    let header = Header::new(header.kdf, header.salt);
    let head = header.encode();
    let sealer = Sealer::new(key);
    let mut out = head.clone();
    let mut check = CHECK_2.to_vec();
    check.extend_from_slice(&count_of(entries)?.to_be_bytes());
    push_frame(&mut out, &sealer.seal(&check_aad(&head), &check).map_err(|_| BackupError::Random)?);
    for (index, entry) in (0u32..).zip(entries) {
        let plain = zeroize::Zeroizing::new(serde_json::to_vec(entry).expect("entries always encode"));
        let sealed = sealer.seal(&record_aad(&head, index), &pad(&plain)).map_err(|_| BackupError::Random)?;
        push_frame(&mut out, &sealed);
    }
    check_size(out.len())?;
    Ok(out)
}

/// Opens a backup with an already derived `key`: all records or an error naming the first bad one.
pub fn open_with_key(bytes: &[u8], key: &DataKey) -> Result<Vec<Entry>, BackupError> {
    check_size(bytes.len())?;
    let header = Header::parse(bytes)?;
    let head = &bytes[..header.len];
    let sealer = Sealer::new(key);
    let mut rest = &bytes[header.len..];
    let check = next_frame(&mut rest).ok_or(BackupError::WrongPassphrase)?;
    let opened = sealer.open(&check_aad(head), check).ok_or(BackupError::WrongPassphrase)?;
    let count = match header.count {
        Some(count) if opened.as_slice() == CHECK_1 => count,
        None if opened.len() == CHECK_2.len() + 4 && opened.starts_with(CHECK_2) => {
            u32::from_be_bytes(opened[CHECK_2.len()..].try_into().map_err(|_| BackupError::WrongPassphrase)?)
        }
        _ => return Err(BackupError::WrongPassphrase),
    };
    let mut entries = Vec::new();
    let mut ids = HashSet::new();
    for index in 0..count {
        let frame = next_frame(&mut rest).ok_or(BackupError::Truncated { index, count })?;
        let plain =
            sealer.open(&record_aad(head, index), frame).ok_or(BackupError::DamagedRecord { index })?;
        let entry: Entry = serde_json::from_slice(unpad(&plain)).map_err(|e| BackupError::BadRecord {
            index,
            // serde's message may quote the record's text; only its kind and position are kept.
            problem: format!("{:?} error at line {} column {}", e.classify(), e.line(), e.column()),
        })?;
        if !ids.insert(entry.id) {
            return Err(BackupError::BadRecord { index, problem: "duplicate entry id".into() });
        }
        entries.push(entry);
    }
    if !rest.is_empty() {
        return Err(BackupError::TrailingData);
    }
    Ok(entries)
}

fn count_of(entries: &[Entry]) -> Result<u32, BackupError> {
    u32::try_from(entries.len()).map_err(|_| BackupError::TooLarge { limit: MAX_BACKUP_BYTES })
}

fn check_size(len: usize) -> Result<(), BackupError> {
    if len > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge { limit: MAX_BACKUP_BYTES });
    }
    Ok(())
}

fn push_frame(out: &mut Vec<u8>, sealed: &[u8]) {
    out.extend_from_slice(&(sealed.len() as u32).to_be_bytes());
    out.extend_from_slice(sealed);
}

/// The next length-prefixed frame, or `None` when the bytes end early or a length is over the cap.
fn next_frame<'a>(rest: &mut &'a [u8]) -> Option<&'a [u8]> {
    let len = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    if len > MAX_RECORD_BYTES {
        return None;
    }
    let frame = rest.get(4..4 + len)?;
    *rest = &rest[4 + len..];
    Some(frame)
}

fn check_aad(head: &[u8]) -> Vec<u8> {
    [head, b"check"].concat()
}

fn record_aad(head: &[u8], index: u32) -> Vec<u8> {
    [head, b"record", &index.to_be_bytes()].concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AnxietyRating, EntryBody, EntryId};

    fn entries(n: usize) -> Vec<Entry> {
        let at = chrono::DateTime::parse_from_rfc3339("2026-03-02T21:00:00+01:00").unwrap();
        (0..n)
            .map(|i| Entry {
                id: EntryId::new(),
                body: EntryBody::Anxiety(AnxietyRating::new(at, (i % 11) as i64, Some("calm"), at).unwrap()),
            })
            .collect()
    }

    fn header() -> Header {
        Header::new(Kdf::DEFAULT, [9; SALT_LEN])
    }

    fn key() -> DataKey {
        DataKey::from_bytes([3; 32])
    }

    #[test]
    fn round_trip_with_a_key() {
        let e = entries(5);
        let file = seal_with_key(&e, &header(), &key()).unwrap();
        assert_eq!(Header::parse(&file).unwrap().count, None, "the count is sealed");
        assert_eq!(open_with_key(&file, &key()).unwrap(), e);
    }

    #[test]
    fn a_wrong_key_is_a_wrong_passphrase_not_damage() {
        let file = seal_with_key(&entries(2), &header(), &key()).unwrap();
        assert_eq!(open_with_key(&file, &DataKey::from_bytes([4; 32])), Err(BackupError::WrongPassphrase));
    }

    #[test]
    fn every_byte_flip_is_refused() {
        let file = seal_with_key(&entries(2), &header(), &key()).unwrap();
        for i in 0..file.len() {
            let mut bad = file.clone();
            bad[i] ^= 0x20;
            assert!(open_with_key(&bad, &key()).is_err(), "flip at byte {i} accepted");
        }
    }

    #[test]
    fn truncation_trailing_bytes_and_swapped_records_are_refused() {
        let file = seal_with_key(&entries(3), &header(), &key()).unwrap();
        let last = file.len() - 10;
        assert!(matches!(open_with_key(&file[..last], &key()), Err(BackupError::Truncated { index: 2, .. })));
        let mut longer = file.clone();
        longer.push(0);
        assert_eq!(open_with_key(&longer, &key()), Err(BackupError::TrailingData));
        // Swap records 0 and 1 (same length frames: same note, one-digit scores).
        let frames_start = header().len;
        let mut rest = &file[frames_start..];
        let check = next_frame(&mut rest).unwrap().len() + 4;
        let r0 = frames_start + check;
        let len = u32::from_be_bytes(file[r0..r0 + 4].try_into().unwrap()) as usize + 4;
        let mut swapped = file.clone();
        swapped[r0..r0 + len].copy_from_slice(&file[r0 + len..r0 + 2 * len]);
        swapped[r0 + len..r0 + 2 * len].copy_from_slice(&file[r0..r0 + len]);
        assert_eq!(open_with_key(&swapped, &key()), Err(BackupError::DamagedRecord { index: 0 }));
    }

    #[test]
    fn weak_or_absurd_parameters_and_other_formats_are_refused_before_any_derivation() {
        let file = seal_with_key(&entries(1), &header(), &key()).unwrap();
        let with = |at: usize, bytes: &[u8]| {
            let mut f = file.clone();
            f[at..at + bytes.len()].copy_from_slice(bytes);
            Header::parse(&f)
        };
        // Argon2id memory (KiB) at byte 11, passes at 15, lanes at 19.
        assert_eq!(with(11, &1024u32.to_be_bytes()), Err(BackupError::BadKeyParameters));
        assert_eq!(with(11, &u32::MAX.to_be_bytes()), Err(BackupError::BadKeyParameters));
        assert_eq!(with(15, &1u32.to_be_bytes()), Err(BackupError::BadKeyParameters));
        assert_eq!(with(15, &u32::MAX.to_be_bytes()), Err(BackupError::BadKeyParameters));
        assert_eq!(with(19, &100u32.to_be_bytes()), Err(BackupError::BadKeyParameters));
        assert_eq!(with(8, &3u16.to_be_bytes()), Err(BackupError::UnsupportedFormat(3)));
        assert_eq!(with(10, &[7]), Err(BackupError::UnsupportedKdf(7)));
        assert_eq!(with(0, b"SQLite f"), Err(BackupError::NotABackup));
        assert_eq!(Header::parse(&file[..header().len - 1]), Err(BackupError::NotABackup));
        // A format-1 (PBKDF2) header with too few or too many iterations.
        let mut v1 = MAGIC.to_vec();
        v1.extend_from_slice(&1u16.to_be_bytes());
        v1.push(KDF_PBKDF2_SHA256);
        v1.extend_from_slice(&1000u32.to_be_bytes());
        v1.extend_from_slice(&[0; SALT_LEN + 4]);
        assert_eq!(Header::parse(&v1), Err(BackupError::BadKeyParameters));
        v1[11..15].copy_from_slice(&u32::MAX.to_be_bytes());
        assert_eq!(Header::parse(&v1), Err(BackupError::BadKeyParameters));
    }

    #[test]
    fn frames_are_padded_so_their_lengths_say_nothing_about_the_entries() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-03-02T21:00:00+01:00").unwrap();
        let one = |score| Entry {
            id: EntryId::new(),
            body: EntryBody::Anxiety(AnxietyRating::new(at, score, None, at).unwrap()),
        };
        let a = seal_with_key(&[one(4), one(4)], &header(), &key()).unwrap();
        let b = seal_with_key(&[one(10), one(10)], &header(), &key()).unwrap();
        assert_eq!(a.len(), b.len());
        // One more entry changes the length by a whole padded frame, not by its content.
        let c = seal_with_key(&[one(4), one(4), one(4)], &header(), &key()).unwrap();
        assert_eq!(c.len() - a.len(), 4 + crate::store::crypto::padded_len(0) + 12 + 16);
    }

    #[test]
    fn a_format_1_backup_still_opens() {
        // Format 1, as the first builds wrote it: PBKDF2 header with the count in the clear, a
        // "v1" check, unpadded records.
        let e = entries(2);
        let mut head = MAGIC.to_vec();
        head.extend_from_slice(&FORMAT_1.to_be_bytes());
        head.push(KDF_PBKDF2_SHA256);
        head.extend_from_slice(&crate::store::kdf::PBKDF2_ITERATIONS.to_be_bytes());
        head.extend_from_slice(&[5; SALT_LEN]);
        head.extend_from_slice(&2u32.to_be_bytes());
        let sealer = Sealer::new(&key());
        let mut file = head.clone();
        push_frame(&mut file, &sealer.seal(&check_aad(&head), CHECK_1).unwrap());
        for (i, entry) in (0u32..).zip(&e) {
            push_frame(
                &mut file,
                &sealer.seal(&record_aad(&head, i), &serde_json::to_vec(entry).unwrap()).unwrap(),
            );
        }
        assert_eq!(Header::parse(&file).unwrap().count, Some(2));
        assert_eq!(open_with_key(&file, &key()).unwrap(), e);
    }

    #[test]
    fn a_bad_or_duplicate_record_is_named() {
        let e = entries(3);
        let dup = vec![e[0].clone(), e[1].clone(), e[0].clone()];
        let file = seal_with_key(&dup, &header(), &key()).unwrap();
        assert_eq!(
            open_with_key(&file, &key()),
            Err(BackupError::BadRecord { index: 2, problem: "duplicate entry id".into() })
        );
    }

    #[test]
    fn files_over_the_cap_are_refused_before_reading() {
        let big = vec![0u8; MAX_BACKUP_BYTES + 1];
        assert_eq!(read(&big, "x"), Err(BackupError::TooLarge { limit: MAX_BACKUP_BYTES }));
    }

    #[test]
    fn the_real_passphrase_path_round_trips_and_refuses_another_passphrase() {
        let e = entries(2);
        let file = write(&e, "correct horse battery staple").unwrap();
        assert_eq!(Header::parse(&file).unwrap().kdf, Kdf::DEFAULT);
        assert_eq!(read(&file, "correct horse battery staple").unwrap(), e);
        assert_eq!(read(&file, "wrong"), Err(BackupError::WrongPassphrase));
    }
}
