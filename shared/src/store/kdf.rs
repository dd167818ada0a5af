//! Passphrase key derivation: Argon2id for every new diary, rekey and backup (RFC 9106; OWASP's
//! first choice), PBKDF2-HMAC-SHA256 still read for diaries and backups made before it. The
//! parameters travel with the file, so each is bounded both ways: a file may not ask for less than
//! the floor (a weak key) nor for more than the ceiling (a phone busy for hours, or out of memory).

use std::num::NonZeroU32;

use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

use super::crypto::{DataKey, KEY_LEN};
use super::error::StoreError;

/// PBKDF2-HMAC-SHA256 iterations (OWASP Password Storage Cheat Sheet: 600,000); the floor for
/// files that still use PBKDF2.
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// The most PBKDF2 iterations a file may ask for (~10 s on a phone).
pub const PBKDF2_MAX_ITERATIONS: u32 = 10_000_000;

/// Argon2id memory in KiB for new keys: 64 MiB. OWASP's minimum is 19 MiB with 2 passes; RFC 9106
/// §4 recommends 64 MiB with 3 passes where 2 GiB is too much. Unlocking happens once per session
/// (the diary stays open until locked), so a phone can spend ~0.3 s and 64 MiB on it, and a
/// guessing attacker pays the same per guess: with the 12-character policy that is the margin.
pub const ARGON2_MEMORY_KIB: u32 = 64 * 1024;
/// Argon2id passes for new keys.
pub const ARGON2_PASSES: u32 = 3;
/// Argon2id lanes: one, as a phone unlocks on one core.
pub const ARGON2_LANES: u32 = 1;
/// Bounds a file's Argon2id parameters must stay within: memory 19 MiB (OWASP) to 256 MiB, passes
/// 2 to 10, lanes 1 to 4.
const ARGON2_MEMORY_KIB_RANGE: std::ops::RangeInclusive<u32> = 19 * 1024..=256 * 1024;
const ARGON2_PASSES_RANGE: std::ops::RangeInclusive<u32> = 2..=10;
const ARGON2_LANES_RANGE: std::ops::RangeInclusive<u32> = 1..=4;

/// How a key is derived from a passphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kdf {
    /// PBKDF2-HMAC-SHA256 (diaries and backups written before Argon2id).
    Pbkdf2 { iterations: u32 },
    /// Argon2id, version 0x13.
    Argon2id { memory_kib: u32, passes: u32, lanes: u32 },
}

/// The identifier written before Argon2id parameters (PBKDF2 records have none).
pub const ARGON2ID_TAG: u8 = 2;
/// Encoded length of Argon2id parameters: tag, memory, passes, lanes.
pub const ARGON2ID_LEN: usize = 1 + 4 * 3;

impl Kdf {
    /// What new diaries, rekeys and backups use.
    pub const DEFAULT: Kdf =
        Kdf::Argon2id { memory_kib: ARGON2_MEMORY_KIB, passes: ARGON2_PASSES, lanes: ARGON2_LANES };

    /// Refuses parameters outside the bounds, before any work is done.
    pub fn check(self) -> Result<Self, StoreError> {
        let ok = match self {
            Kdf::Pbkdf2 { iterations } => (PBKDF2_ITERATIONS..=PBKDF2_MAX_ITERATIONS).contains(&iterations),
            Kdf::Argon2id { memory_kib, passes, lanes } => {
                ARGON2_MEMORY_KIB_RANGE.contains(&memory_kib)
                    && ARGON2_PASSES_RANGE.contains(&passes)
                    && ARGON2_LANES_RANGE.contains(&lanes)
            }
        };
        if ok {
            Ok(self)
        } else {
            Err(StoreError::WeakKeyParameters)
        }
    }

    /// Derives a 32-byte key from `passphrase` and `salt` (the slow step).
    pub fn derive(self, passphrase: &str, salt: &[u8]) -> Result<DataKey, StoreError> {
        match self.check()? {
            Kdf::Pbkdf2 { iterations } => {
                let n = NonZeroU32::new(iterations).ok_or(StoreError::WeakKeyParameters)?;
                Ok(DataKey::from_passphrase(passphrase, salt, n))
            }
            Kdf::Argon2id { memory_kib, passes, lanes } => {
                let params = Params::new(memory_kib, passes, lanes, Some(KEY_LEN))
                    .map_err(|_| StoreError::WeakKeyParameters)?;
                let mut out = Zeroizing::new([0u8; KEY_LEN]);
                Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
                    .hash_password_into(passphrase.as_bytes(), salt, out.as_mut())
                    .map_err(|_| StoreError::WeakKeyParameters)?;
                Ok(DataKey::from_bytes(*out))
            }
        }
    }

    /// The Argon2id parameters as stored: tag, memory, passes, lanes (big-endian). PBKDF2 has its
    /// own older layouts, written by nobody any more.
    pub fn encode_argon2id(self) -> Option<[u8; ARGON2ID_LEN]> {
        let Kdf::Argon2id { memory_kib, passes, lanes } = self else { return None };
        let mut out = [0u8; ARGON2ID_LEN];
        out[0] = ARGON2ID_TAG;
        out[1..5].copy_from_slice(&memory_kib.to_be_bytes());
        out[5..9].copy_from_slice(&passes.to_be_bytes());
        out[9..13].copy_from_slice(&lanes.to_be_bytes());
        Some(out)
    }

    /// Reads Argon2id parameters written by [`Self::encode_argon2id`], checked.
    pub fn decode_argon2id(bytes: &[u8]) -> Result<Self, StoreError> {
        if bytes.len() != ARGON2ID_LEN || bytes[0] != ARGON2ID_TAG {
            return Err(StoreError::Corrupt("bad key-derivation parameters".into()));
        }
        let word = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        Kdf::Argon2id { memory_kib: word(1), passes: word(5), lanes: word(9) }.check()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_bounded_both_ways() {
        assert!(Kdf::DEFAULT.check().is_ok());
        for weak in [
            Kdf::Pbkdf2 { iterations: 1 },
            Kdf::Pbkdf2 { iterations: u32::MAX },
            Kdf::Argon2id { memory_kib: 8 * 1024, passes: 3, lanes: 1 },
            Kdf::Argon2id { memory_kib: 4 * 1024 * 1024, passes: 3, lanes: 1 },
            Kdf::Argon2id { memory_kib: 65536, passes: 1, lanes: 1 },
            Kdf::Argon2id { memory_kib: 65536, passes: 1000, lanes: 1 },
            Kdf::Argon2id { memory_kib: 65536, passes: 3, lanes: 64 },
        ] {
            assert_eq!(weak.check(), Err(StoreError::WeakKeyParameters), "{weak:?}");
            assert_eq!(weak.derive("a passphrase", &[1; 16]).unwrap_err(), StoreError::WeakKeyParameters);
        }
    }

    #[test]
    fn argon2id_matches_an_independent_implementation_and_round_trips() {
        // The parameters encode and decode exactly.
        let bytes = Kdf::DEFAULT.encode_argon2id().unwrap();
        assert_eq!(Kdf::decode_argon2id(&bytes), Ok(Kdf::DEFAULT));
        assert!(Kdf::decode_argon2id(&bytes[1..]).is_err());
        // Deterministic, salt- and passphrase-dependent (cheapest allowed parameters for speed).
        let kdf = Kdf::Argon2id { memory_kib: 19 * 1024, passes: 2, lanes: 1 };
        let a = kdf.derive("correct horse battery", &[7; 16]).unwrap();
        // The reference implementation (phc-winner-argon2 through PyPI argon2-cffi 25.1:
        // hash_secret_raw(b"correct horse battery", bytes([7] * 16), time_cost=2,
        // memory_cost=19456, parallelism=1, hash_len=32, type=Type.ID)).
        let reference = "58b44651ad77fc1dcc5f39c5b1edf71487783bef836982faba561430486946a1";
        let hex: String = a.expose().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, reference);
        assert_ne!(a.expose(), kdf.derive("correct horse battery", &[8; 16]).unwrap().expose());
        assert_ne!(a.expose(), kdf.derive("correct horse batterz", &[7; 16]).unwrap().expose());
    }
}
