//! What `Debug` prints for types that hold health data.

/// Implements `Debug` as `Type(<redacted>)` for types that hold health data, so a stray `{:?}` in a
/// log, panic message or crash report never prints a dose, a note or a score.
macro_rules! redacted_debug {
    ($($t:ident),* $(,)?) => {
        $(impl ::std::fmt::Debug for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(concat!(stringify!($t), "(<redacted>)"))
            }
        })*
    };
}

pub(crate) use redacted_debug;
