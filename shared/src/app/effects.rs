//! The effects the app asks for. Both are resolved in Rust by the runtime (storage and the device
//! clock), so `update` itself stays pure and testable without I/O.

use crux_core::capability::Operation;

use crate::domain::{Entry, EntryBody, EntryId, LocalInstant};
use crate::store::StoreError;

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
    /// Everything readable, plus ids of damaged records.
    Loaded { entries: Vec<Entry>, damaged: Vec<EntryId> },
    /// The change is durable: inserted and replaced entries as saved (inserts first), deleted ids.
    Written { saved: Vec<Entry>, deleted: Vec<EntryId> },
}

impl Operation for StoreOp {
    type Output = Result<StoreReply, StoreError>;
}

/// A request for the device clock: the current instant with the local UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockOp;

impl Operation for ClockOp {
    type Output = LocalInstant;
}
