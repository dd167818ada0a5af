//! What a patient can leave out of a summary they share: their choice, and whatever is left out is
//! listed in the summary, never dropped silently.

use serde::Serialize;

use super::keyed::Keyed;

/// Parts of a summary the patient can leave out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Hideable {
    /// Doses outside the prescription.
    NonPrescribed,
    /// Free-text notes on entries.
    Notes,
    /// The sleep section.
    Sleep,
    /// Anxiety ratings and GAD-7.
    Anxiety,
    /// All goals.
    Goals,
    /// The taper plan.
    Plan,
    /// "What I want to talk about".
    Questions,
}

impl Keyed for Hideable {
    /// Every hideable part.
    const ALL: &'static [Self] = &[
        Hideable::NonPrescribed,
        Hideable::Notes,
        Hideable::Sleep,
        Hideable::Anxiety,
        Hideable::Goals,
        Hideable::Plan,
        Hideable::Questions,
    ];

    /// Stable key, as used by `--exclude`.
    fn key(self) -> &'static str {
        match self {
            Hideable::NonPrescribed => "non-prescribed",
            Hideable::Notes => "notes",
            Hideable::Sleep => "sleep",
            Hideable::Anxiety => "anxiety",
            Hideable::Goals => "goals",
            Hideable::Plan => "plan",
            Hideable::Questions => "questions",
        }
    }

    /// Reads a key, also "nonprescribed" and "non_prescribed".
    fn from_key(s: &str) -> Option<Hideable> {
        let k = s.trim().to_ascii_lowercase().replace('_', "-");
        let k = if k == "nonprescribed" { "non-prescribed".to_owned() } else { k };
        Hideable::ALL.iter().copied().find(|h| h.key() == k)
    }
}

impl Hideable {
    /// Parses a key (also "nonprescribed" / "non_prescribed").
    pub fn parse(s: &str) -> Option<Hideable> {
        Self::from_key(s)
    }
}
