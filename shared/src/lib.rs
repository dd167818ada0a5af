//! Steady's shared core: a private, offline diary for people taking benzodiazepines or Z-drugs.
//!
//! Layers, each in its own module: [`domain`] (validated clinical types and sourced tables),
//! [`store`] (the encrypted SQLite diary), [`app`] (the pure Crux app), [`summary`] (what a
//! clinician reads), and [`runtime`] (the facade that shells drive, resolving effects in Rust).
//! There is no network code anywhere in this crate.

pub mod app;
pub mod domain;
pub mod runtime;
pub mod store;
pub mod summary;

pub use runtime::{Clock, CoreError, FixedClock, SteadyCore, SystemClock};
