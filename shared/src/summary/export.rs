//! One entry point that turns a request into a file to share — text, JSON, CSV, PDF or FHIR — so
//! the CLI and the phones export exactly the same bytes. Pure: the caller supplies the diary and
//! the clock reading.

use chrono::NaiveDate;

use super::fhir::{render, FhirOptions};
use super::i18n::{Lang, Texts};
use super::{build_with, csv, pdf, text, Hideable, SummaryOptions};
use crate::app::diary::Diary;
use crate::domain::{EquivalenceTable, LocalInstant};

/// File formats of a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Plain text, ≤ 80 columns.
    Text,
    /// The summary content as JSON (documented in README).
    Json,
    /// The raw entries of the period (RFC 4180).
    Csv,
    /// The one-to-two-page A4 summary.
    Pdf,
    /// A FHIR R4 document Bundle.
    Fhir,
}

impl ExportFormat {
    /// Parses `text`, `json`, `csv`, `pdf` or `fhir`.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" => Self::Text,
            "json" => Self::Json,
            "csv" => Self::Csv,
            "pdf" => Self::Pdf,
            "fhir" => Self::Fhir,
            _ => return None,
        })
    }

    fn mime_and_extension(self) -> (&'static str, &'static str) {
        match self {
            Self::Text => ("text/plain; charset=utf-8", "txt"),
            Self::Json => ("application/json", "json"),
            Self::Csv => ("text/csv; charset=utf-8", "csv"),
            Self::Pdf => ("application/pdf", "pdf"),
            Self::Fhir => ("application/fhir+json", "fhir.json"),
        }
    }
}

/// What to export.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    /// First local date, inclusive.
    pub from: NaiveDate,
    /// Last local date, inclusive.
    pub to: NaiveDate,
    /// Equivalence table; `None` = the diary's current one.
    pub table: Option<EquivalenceTable>,
    /// What the patient leaves out.
    pub options: SummaryOptions,
    /// File format.
    pub format: ExportFormat,
    /// The clinician's language.
    pub lang: Lang,
}

/// A file ready for a share sheet or the disk.
#[derive(Clone, PartialEq)]
pub struct ExportFile {
    /// Contents.
    pub bytes: Vec<u8>,
    /// MIME type.
    pub mime_type: &'static str,
    /// Suggested file name (no health data in it).
    pub file_name: String,
}

crate::redacted_debug!(ExportFile);

/// Why a file could not be made (a bug or a resource limit, never the patient's input).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("could not make the {format} file: {message}")]
pub struct ExportError {
    /// Which format failed.
    pub format: &'static str,
    /// What went wrong.
    pub message: String,
}

fn failed(format: &'static str) -> impl Fn(String) -> ExportError {
    move |message| ExportError { format, message }
}

/// Renders the request from `diary`, `now` being the device clock (for "generated on" and the
/// FHIR timestamp).
pub fn export(
    diary: &Diary,
    req: &ExportRequest,
    table: EquivalenceTable,
    now: LocalInstant,
) -> Result<ExportFile, ExportError> {
    let mut options = req.options.clone();
    options.today = options.today.or(Some(now.date_naive()));
    let summary = build_with(diary, req.from, req.to, table, &options);
    let texts = Texts::new(req.lang);
    let bytes = match req.format {
        ExportFormat::Text => text::render(&summary, &texts).into_bytes(),
        ExportFormat::Json => {
            serde_json::to_vec_pretty(&summary).map_err(|e| failed("JSON")(e.to_string()))?
        }
        ExportFormat::Csv => csv::render(diary, req.from, req.to, table, &options, &texts)
            .map_err(|e| failed("CSV")(e.to_string()))?,
        ExportFormat::Pdf => pdf::render(&summary, &texts).map_err(|e| failed("PDF")(e.to_string()))?,
        ExportFormat::Fhir => {
            let mut fhir =
                FhirOptions::new(format!("steady/{}/{}/{}", req.from, req.to, now.to_rfc3339()), now);
            fhir.include_nonprescribed = !options.hide.contains(&Hideable::NonPrescribed);
            fhir.include_notes = !options.hide.contains(&Hideable::Notes);
            render(diary, &summary, &fhir)
        }
    };
    let (mime_type, ext) = req.format.mime_and_extension();
    Ok(ExportFile { bytes, mime_type, file_name: format!("steady-summary-{}-{}.{ext}", req.from, req.to) })
}
