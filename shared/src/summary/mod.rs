//! Summaries: the content of a period computed once from the diary ([`content`]), measured goal
//! progress ([`progress`]) and the renderers a clinician reads. Numbers are facts from the
//! patient's entries; nothing here recommends a dose.

pub mod content;
pub mod csv;
pub mod export;
pub mod fhir;
pub mod pdf;
pub mod text;

pub use content::*;
