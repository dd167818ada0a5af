//! No patient-facing word is written in the phones' adapter: every sentence a screen shows comes
//! from the core's Fluent files in the patient's language, so `shared/src/ffi` (outside its error
//! mapping, whose `Display` texts are technical and never shown — shells show `detail` or
//! `error_message`) holds no string literal with words in it. Format strings and wire formats
//! (`%Y-%m-%d`) are allowed; prose is not.

use std::path::Path;

/// String literals in `src`, skipping comments and `#[cfg(test)]` modules.
fn literals(src: &str) -> Vec<String> {
    let code = src.split("#[cfg(test)]").next().unwrap_or(src);
    let mut out = vec![];
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        // Between the 1st and 2nd quote, the 3rd and 4th, … (escaped quotes do not occur here).
        out.extend(line.split('"').skip(1).step_by(2).map(str::to_owned));
    }
    out
}

/// Two or more letters-only words in a row: a sentence, not a format or a key.
fn is_prose(literal: &str) -> bool {
    literal.split_whitespace().filter(|w| w.chars().all(char::is_alphabetic) && w.len() > 1).count() >= 2
}

#[test]
fn the_ffi_view_code_writes_no_words_of_its_own() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ffi");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "error.rs") {
            continue;
        }
        let src = std::fs::read_to_string(&path).unwrap();
        for literal in literals(&src) {
            checked += 1;
            assert!(!is_prose(&literal), "{}: a patient-facing literal {literal:?}", path.display());
        }
    }
    assert!(checked > 0, "the check saw the adapter's literals");
    // The check itself: prose is caught, formats are not.
    assert!(is_prose("next review due") && !is_prose("%Y-%m-%d") && !is_prose("SteadyDiary"));
}
