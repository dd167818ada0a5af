//! `cargo run -p uniffi-bindgen -- generate --library target/debug/libsteady_core.so --language kotlin --out-dir …`
//! Library mode reads the interface from the compiled library's metadata, so it needs an
//! unstripped build (debug, or release before stripping).

fn main() {
    uniffi::uniffi_bindgen_main()
}
