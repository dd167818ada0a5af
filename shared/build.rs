//! Compresses the embedded assets — the two PDF fonts and each language's Fluent messages — with
//! zlib into `OUT_DIR`, so the phones' library carries them at about half their size (steady-bench's
//! library size line has a 4 MB budget); the core inflates each once, on first use.

use std::path::{Path, PathBuf};

fn compress(from: &[PathBuf], to: &Path) {
    let mut raw = Vec::new();
    for (i, path) in from.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", path.display());
        if i > 0 {
            raw.push(b'\n');
        }
        raw.extend(std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())));
    }
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&raw, 10);
    std::fs::write(to, packed).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
}

fn main() {
    let here = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for face in ["NotoSans-Regular", "NotoSans-Bold"] {
        compress(&[here.join(format!("assets/fonts/{face}.ttf"))], &out.join(format!("{face}.ttf.z")));
    }
    // One resource per language: the summary's words, the FHIR export's, then the app's.
    for lang in ["en", "fr", "nl", "nb"] {
        let dir = here.join("locales").join(lang);
        compress(
            &[dir.join("summary.ftl"), dir.join("fhir.ftl"), dir.join("app.ftl")],
            &out.join(format!("{lang}.ftl.z")),
        );
    }
    println!("cargo:rerun-if-changed=build.rs");
}
