//! The effects the app asks for. Both are resolved in Rust by the runtime (storage and the device
//! clock), so `update` itself stays pure and testable without I/O.

use crux_core::capability::Operation;

use crate::domain::{Entry, EntryBody, EntryId, LocalInstant};
use crate::store::StoreError;

/// A request to the encrypted store.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreOp {
    /// Read and decrypt the whole diary.
    LoadAll,
    /// Save a new entry; the store mints its random id.
    Insert(EntryBody),
    /// Replace an entry's content (an edit), keeping its id.
    Replace(Entry),
    /// Delete entries in one transaction (a goal with its reviews).
    Delete(Vec<EntryId>),
}

/// What the store did.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreReply {
    /// Everything readable, plus ids of damaged records.
    Loaded { entries: Vec<Entry>, damaged: Vec<EntryId> },
    /// The entry as saved.
    Saved(Entry),
    /// These entries are gone.
    Deleted(Vec<EntryId>),
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
