//! The languages Steady speaks: the patient's own (a setting) and the clinician's (chosen per
//! summary). Their words live in the Fluent files; this is only the choice.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::keyed::Keyed;

/// A language the app and its summaries can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
    /// Dutch (neutral between Flanders and the Netherlands).
    Nl,
    /// Norwegian Bokmål.
    Nb,
}

impl Keyed for Lang {
    /// Every supported language, in a stable order.
    const ALL: &'static [Self] = &[Lang::En, Lang::Fr, Lang::Nl, Lang::Nb];

    /// Stable key, as used by `--lang` and exports: "en", "fr", "nl" or "nb".
    fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Nl => "nl",
            Lang::Nb => "nb",
        }
    }

    /// Reads a language key or tag, case-insensitive: "en", "fr-BE", "nl_BE", "nb-NO", or "no"
    /// (generic Norwegian, written in Bokmål here). `None` for anything else.
    fn from_key(s: &str) -> Option<Lang> {
        let tag = s.trim().to_ascii_lowercase().replace('_', "-");
        match tag.split('-').next().unwrap_or_default() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            "nl" => Some(Lang::Nl),
            "nb" | "no" => Some(Lang::Nb),
            _ => None,
        }
    }
}

impl Lang {
    /// Reads a language key or tag (see [`Keyed::from_key`]).
    pub fn parse(s: &str) -> Option<Lang> {
        Self::from_key(s)
    }

    /// The language's name in itself, for a language picker.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Nl => "Nederlands",
            Lang::Nb => "Norsk bokmål",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::parse(s).ok_or_else(|| {
            let known: Vec<&str> = Lang::ALL.iter().map(|l| l.key()).collect();
            format!(
                "unknown language {:?} (expected one of {})",
                s.chars().take(20).collect::<String>(),
                known.join(", ")
            )
        })
    }
}
