//! Summaries: the content of a period computed once from the diary ([`content`]) and the renderers
//! a clinician reads (text, PDF, FHIR, CSV, JSON), with one entry point for files ([`export`]).
//! Numbers are facts from the patient's entries; nothing here recommends a dose. Renderers know
//! nothing of the app: they read the content and the diary index.

pub mod content;
pub mod csv;
pub mod export;
pub mod fhir;
pub mod notices;
pub mod pdf;
pub mod phrases;
#[cfg(test)]
mod plan_tests;
pub mod regimen;
pub mod text;
mod xml;

pub use content::*;
