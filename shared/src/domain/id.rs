//! Entry ids: random v4 UUIDs, stored in plaintext, so they carry no information about the entry.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::error::{Expected, Field, ValidationError};

/// Random (v4) id: stored in plaintext, so it must carry no information.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(Uuid);

impl EntryId {
    /// A fresh random id.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        Self(Uuid::new_v4())
    }

    /// The 16 raw bytes, as stored and bound into the record's associated data.
    pub fn as_bytes(&self) -> &[u8; 16] {
        self.0.as_bytes()
    }

    /// From 16 raw bytes read back from the store.
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(Uuid::from_bytes(bytes))
    }

    /// First 8 hex digits: enough for a person to type, as shown by the CLI.
    pub fn short(&self) -> String {
        self.0.simple().to_string()[..8].to_owned()
    }

    /// The 32 lowercase hex digits without dashes, which an id prefix is matched against.
    pub fn hex(&self) -> String {
        self.0.simple().to_string()
    }
}

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Debug for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EntryId({})", self.short())
    }
}

impl FromStr for EntryId {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s.trim())
            .map(Self)
            .map_err(|_| ValidationError::unreadable(Field::Id, s, Expected::EntryId))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_random_and_round_trip() {
        let (a, b) = (EntryId::new(), EntryId::new());
        assert_ne!(a, b);
        assert_eq!(a.to_string().parse::<EntryId>().unwrap(), a);
        assert_eq!(EntryId::from_bytes(*a.as_bytes()), a);
        assert_eq!("nope".parse::<EntryId>().unwrap_err().field, Field::Id);
        assert!(!format!("{a:?}").contains(&a.to_string()), "Debug shows only the short id");
        assert_eq!(a.hex(), a.to_string().replace('-', ""));
    }
}
