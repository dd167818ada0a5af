//! How the core's value types cross the FFI: dates as `YYYY-MM-DD`, clock times as `HH:MM`,
//! instants as RFC 3339 with their offset, entry ids as UUID strings. Records and enums of the core
//! then derive their UniFFI form directly instead of being mirrored with string fields. A value a
//! shell sends in another shape is refused as invalid input naming what was expected.

use chrono::{NaiveDate, NaiveTime};

use super::SteadyError;
use crate::domain::{parse, EntryId, Expected, Field, LocalInstant, ValidationError};

fn refused(field: Field, text: &str, expected: Expected) -> uniffi::deps::anyhow::Error {
    SteadyError::from(ValidationError::unreadable(field, text, expected)).into()
}

uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |date| date.format("%Y-%m-%d").to_string(),
    try_lift: |text| parse::iso_date(&text).ok_or_else(|| refused(Field::Date, &text, Expected::Date)),
});

uniffi::custom_type!(NaiveTime, String, {
    remote,
    lower: |time| time.format("%H:%M").to_string(),
    try_lift: |text| parse::hh_mm(&text).ok_or_else(|| refused(Field::Time, &text, Expected::ClockTime)),
});

uniffi::custom_type!(LocalInstant, String, {
    remote,
    lower: |at| at.to_rfc3339(),
    try_lift: |text| parse::rfc3339(&text).ok_or_else(|| refused(Field::Instant, &text, Expected::Instant)),
});

uniffi::custom_type!(EntryId, String, {
    lower: |id| id.to_string(),
    try_lift: |text| text.parse::<EntryId>().map_err(|e| SteadyError::from(e).into()),
});
