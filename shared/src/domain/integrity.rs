//! What opening a diary found wrong with its entry set, so that no surface is ever silent about it:
//! entries that could not be read (damaged or tampered), entries the diary's manifest lists but the
//! file lacks (deleted behind the app's back), and entries the file holds that the manifest does not
//! expect (added from another copy, replayed or rolled back). A diary in this state still opens —
//! every readable entry stays available — and every view, summary and command says so.

use serde::Serialize;

use super::id::EntryId;

/// The entry set as checked on open.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Integrity {
    /// Rows that failed authentication (damaged or changed); kept, never deleted.
    pub unreadable: Vec<EntryId>,
    /// Entries the manifest lists but the file does not hold.
    pub missing: Vec<EntryId>,
    /// Entries the file holds that the manifest does not list, or in another version.
    pub unexpected: Vec<EntryId>,
    /// The manifest itself could not be read (the check could not be made for every entry).
    pub manifest_damaged: bool,
}

impl Integrity {
    /// True when every entry is readable and where the manifest says.
    pub fn is_ok(&self) -> bool {
        self.unreadable.is_empty()
            && self.missing.is_empty()
            && self.unexpected.is_empty()
            && !self.manifest_damaged
    }
}
