//! One entry point that turns a request into a file to share — text, JSON, CSV, PDF or FHIR — so
//! the CLI and the phones export exactly the same bytes under the same name. Pure: the caller
//! supplies the diary and the clock reading.

use chrono::NaiveDate;

use super::fhir::{render, FhirOptions};
use super::{build_with, csv, pdf, text, SummaryOptions};
use crate::domain::{Diary, EntryId, EquivalenceTable, Hideable, Keyed, LocalInstant, Period};
use crate::i18n::{Lang, Texts};

/// File formats of a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ExportFormat {
    /// Plain text, ≤ 80 columns.
    #[default]
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

impl Keyed for ExportFormat {
    const ALL: &'static [Self] = &[Self::Text, Self::Json, Self::Csv, Self::Pdf, Self::Fhir];

    fn key(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Json => "json",
            Self::Csv => "csv",
            Self::Pdf => "pdf",
            Self::Fhir => "fhir",
        }
    }

    /// Also `txt` for text.
    fn from_key(s: &str) -> Option<Self> {
        let k = s.trim().to_ascii_lowercase();
        if k == "txt" {
            return Some(Self::Text);
        }
        Self::ALL.iter().copied().find(|f| f.key() == k)
    }
}

impl ExportFormat {
    /// Parses `text`, `json`, `csv`, `pdf` or `fhir`.
    pub fn parse(s: &str) -> Option<Self> {
        Self::from_key(s)
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

/// A summary as a shell asks for it: anything left out takes the default (the 8 weeks ending with
/// the last complete diary day, the diary's table, English, nothing hidden). Every shell sends this same request.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SummaryRequest {
    /// First local date; `None` = 8 weeks before `to`.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub from: Option<NaiveDate>,
    /// Last local date, inclusive; `None` = the last complete diary day (yesterday).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub to: Option<NaiveDate>,
    /// File format.
    pub format: ExportFormat,
    /// Equivalence table; `None` = the diary's current one.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub table: Option<EquivalenceTable>,
    /// The clinician's language; `None` = English.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub language: Option<Lang>,
    /// What the patient leaves out (the summary says so).
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub exclude: Vec<Hideable>,
    /// Goals the patient leaves out.
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub hidden_goals: Vec<EntryId>,
    /// With the FHIR format: the International Patient Summary (IPS 2.0) variant, carrying the
    /// patient's name and birth date from the settings if they entered them. Ignored otherwise.
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub ips: bool,
}

impl SummaryRequest {
    /// The request with its defaults resolved against the diary day `today`: the period (refused when it runs
    /// backwards or is longer than twenty years) and the patient's choices.
    pub fn resolve(&self, today: NaiveDate) -> crate::domain::Valid<ExportRequest> {
        Ok(ExportRequest {
            period: Period::resolve(self.from, self.to, today)?,
            table: self.table,
            options: SummaryOptions {
                hide: self.exclude.iter().copied().collect(),
                hidden_goals: self.hidden_goals.iter().copied().collect(),
                today: None,
                integrity: crate::domain::Integrity::default(),
                id_key: None,
            },
            format: self.format,
            lang: self.language.unwrap_or_default(),
            ips: self.ips,
        })
    }
}

/// What to export, with every default resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    /// The period.
    pub period: Period,
    /// Equivalence table; `None` = the diary's current one.
    pub table: Option<EquivalenceTable>,
    /// What the patient leaves out.
    pub options: SummaryOptions,
    /// File format.
    pub format: ExportFormat,
    /// The clinician's language.
    pub lang: Lang,
    /// The IPS variant of the FHIR export.
    pub ips: bool,
}

/// A file ready for a share sheet or the disk; its name carries no health data.
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExportFile {
    /// Contents.
    pub bytes: Vec<u8>,
    /// MIME type.
    pub mime_type: String,
    /// Suggested file name (no health data in it).
    pub file_name: String,
}

impl ExportFile {
    /// A file of `bytes` with its type and name.
    pub fn new(bytes: Vec<u8>, mime_type: &str, file_name: impl Into<String>) -> Self {
        Self { bytes, mime_type: mime_type.to_owned(), file_name: file_name.into() }
    }
}

crate::domain::redacted_debug!(ExportFile);

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
    options.today = options.today.or(Some(diary.day(&now)));
    let (from, to) = (req.period.from(), req.period.to());
    let summary = build_with(diary, from, to, table, &options);
    let texts = Texts::new(req.lang);
    let bytes = match req.format {
        ExportFormat::Text => text::render(&summary, &texts).into_bytes(),
        ExportFormat::Json => {
            serde_json::to_vec_pretty(&summary).map_err(|e| failed("JSON")(e.to_string()))?
        }
        ExportFormat::Csv => {
            csv::render(diary, from, to, table, &options, &texts).map_err(|e| failed("CSV")(e.to_string()))?
        }
        ExportFormat::Pdf => pdf::render(&summary, &texts).map_err(|e| failed("PDF")(e.to_string()))?,
        ExportFormat::Fhir => {
            let mut fhir = FhirOptions::new(format!("steady/{from}/{to}/{}", now.to_rfc3339()), now);
            fhir.include_nonprescribed = !options.hide.contains(&Hideable::NonPrescribed);
            fhir.include_notes = !options.hide.contains(&Hideable::Notes);
            fhir.lang = req.lang;
            fhir.ips = req.ips;
            // The identity the patient entered goes into the IPS variant only.
            if req.ips {
                if let Some(p) = diary.settings().patient {
                    fhir.patient_display = p.name;
                    fhir.patient_birth_date = p.birth_date;
                }
            }
            if let Some(key) = &options.id_key {
                fhir.id_key = key.clone();
            }
            render(diary, &summary, &fhir)
        }
    };
    let (mime_type, ext) = req.format.mime_and_extension();
    Ok(ExportFile::new(bytes, mime_type, format!("steady-summary-{from}-{to}.{ext}")))
}
