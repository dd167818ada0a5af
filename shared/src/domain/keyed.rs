//! Closed sets of choices (tables, statuses, formats, languages…) with stable keys, so settings,
//! exports and every shell's arguments name them the same way and read them back the same way.

/// A choice among a fixed set, with a stable lowercase key.
pub trait Keyed: Copy + Sized + 'static {
    /// Every value, in the order pickers show them.
    const ALL: &'static [Self];

    /// Stable key, as written in settings, exports and `--flags`.
    fn key(self) -> &'static str;

    /// Reads a key back: case-insensitive, `-`, `_` and spaces alike (`on-hold` = `on_hold`).
    fn from_key(s: &str) -> Option<Self> {
        let wanted = normalise(s);
        Self::ALL.iter().copied().find(|v| normalise(v.key()) == wanted)
    }

    /// The keys, for a help text or an error message.
    fn keys() -> Vec<&'static str> {
        Self::ALL.iter().map(|v| v.key()).collect()
    }
}

fn normalise(s: &str) -> String {
    s.trim().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c.to_ascii_lowercase() }).collect()
}
