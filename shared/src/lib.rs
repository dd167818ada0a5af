//! Steady's shared core: a private, offline diary for people taking benzodiazepines or Z-drugs.
//!
//! Layers, each in its own module: [`domain`] (validated clinical types and sourced tables),
//! [`store`] (the encrypted SQLite diary), [`app`] (the pure Crux app), [`summary`] (what a
//! clinician reads), and [`runtime`] (the facade that shells drive, resolving effects in Rust).
//! There is no network code anywhere in this crate.

/// Implements `Debug` as `Type(<redacted>)` for types that hold health data, so a stray `{:?}` in a
/// log, panic message or crash report never prints a dose, a note or a score.
#[macro_export]
macro_rules! redacted_debug {
    ($($t:ident),* $(,)?) => {
        $(impl ::std::fmt::Debug for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(concat!(stringify!($t), "(<redacted>)"))
            }
        })*
    };
}

pub mod app;
pub mod domain;
pub mod ffi;
pub mod parallel;
pub mod plan;
pub mod runtime;
pub mod store;
pub mod summary;

uniffi::setup_scaffolding!();

pub use runtime::{Clock, CoreError, FixedClock, SteadyCore, SystemClock};
