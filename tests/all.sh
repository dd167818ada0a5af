#!/usr/bin/env bash
# Runs every test of the project: the README's test command, and what CI runs.
# Usage: tests/all.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo not found: install Rust with rustup (https://rustup.rs) and retry" >&2
  exit 1
fi

echo "== Rust: formatting"
cargo fmt --all -- --check

echo "== Rust: lints"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== Rust: unit, integration and CLI end-to-end tests"
cargo test --workspace --locked

echo "== Kotlin on the JVM: the phone bindings driven through JNA, as the Android app does"
bash tests/jvm/run.sh

echo "== Swift: generated bindings, C header, and every Swift file of the iOS shell"
bash tests/swift/check.sh

echo "== FHIR R4: sample bundles validated by independent validators (fhir.resources, fhircraft)"
bash tests/fhir/run.sh

echo "== PDF: qpdf --check, pdftotext finds the figures in each language, page 1 renders to PNG"
bash tests/pdf/check.sh

echo "== iCalendar: the plan's .ics parsed by Python's icalendar"
bash tests/ics/check.sh

echo "== CSV: exports re-read by Python's csv module, formula cells defused"
bash tests/csv/check.sh
