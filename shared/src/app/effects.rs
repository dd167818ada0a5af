//! The effects the app asks for. All are resolved in Rust by the runtime (storage, the device clock
//! and its zone's rules), so `update` itself stays pure and testable without I/O.

use crux_core::capability::Operation;

use chrono::NaiveDateTime;

use crate::domain::{Entry, EntryBody, EntryId, Integrity, LocalInstant, WallClock};
use crate::summary::fhir::IdKey;

/// One logical change to the diary, written in one transaction: all of it or none of it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WriteSet {
    /// New entries; the store mints their random ids.
    pub insert: Vec<EntryBody>,
    /// Edited entries, replacing the content under the same id.
    pub replace: Vec<Entry>,
    /// Entries to delete.
    pub delete: Vec<EntryId>,
}

/// A request to the encrypted store.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreOp {
    /// Read and decrypt the whole diary.
    LoadAll,
    /// Apply one logical change.
    Write(WriteSet),
}

/// What the store did.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreReply {
    /// Everything readable, plus ids of damaged records and what the diary check found.
    Loaded { entries: Vec<Entry>, damaged: Vec<EntryId>, integrity: Integrity, id_key: Option<IdKey> },
    /// The change is durable: inserted and replaced entries as saved (inserts first), deleted ids.
    Written { saved: Vec<Entry>, deleted: Vec<EntryId> },
}

/// The store could not do it. The app only needs to know that nothing changed; what went wrong
/// (wrong key, full disk, damaged file…) is the runtime's to report, with its causes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the diary could not be read or written")]
pub struct StoreFailed;

impl Operation for StoreOp {
    type Output = Result<StoreReply, StoreFailed>;
}

/// A request for the device clock: the current instant with the local UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockOp;

impl Operation for ClockOp {
    type Output = LocalInstant;
}

/// A request for the zone's rules: where each local date-time falls (reminders are wall-clock
/// times; only the device knows its zone, and the answer changes with travel and DST).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneOp(pub Vec<NaiveDateTime>);

impl Operation for ZoneOp {
    /// One answer per date-time, in order; `None` only at the ends of time.
    type Output = Vec<Option<WallClock>>;
}
