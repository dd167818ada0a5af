#!/usr/bin/env bash
# Runs every test of the project: the README's test command, and what CI runs.
# Each suite's output is shown as it runs; the last line adds them all up as
# `all suites: N passed, M failed`. Stops at the first failing suite (non-zero exit).
# Usage: tests/all.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo not found: install Rust with rustup (https://rustup.rs) and retry" >&2
  exit 1
fi

LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
passed=0
failed=0

# suite TITLE COMMAND...: runs one suite, shows its output, and adds its counts: the script's
# closing "N passed, M failed" line, or else the sum of cargo's "test result: … N passed; M failed".
suite() {
  local title="$1"
  shift
  echo "== $title"
  "$@" 2>&1 | tee "$LOG"
  local counts
  counts=$(tail -n 1 "$LOG" | grep -Eo '^[0-9]+ passed, [0-9]+ failed$' | awk '{print $1, $3}' || true)
  if [ -z "$counts" ]; then
    counts=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed; [0-9]+ failed' "$LOG" \
      | awk '{p += $4; f += $6} END {print p + 0, f + 0}' || true)
  fi
  if [ -n "$counts" ]; then
    passed=$((passed + ${counts% *}))
    failed=$((failed + ${counts#* }))
  fi
}

echo "== Rust: formatting"
cargo fmt --all -- --check

echo "== Rust: lints"
cargo clippy --workspace --all-targets --locked -- -D warnings

suite "Rust: unit, integration and CLI end-to-end tests" cargo test --workspace --locked
suite "Kotlin on the JVM: the phone bindings driven through JNA, as the Android app does" bash tests/jvm/run.sh
suite "Swift: SteadyKit compiled by Swift 6 and its XCTest suite against the real library; the iOS app's checks" bash tests/swift/run.sh
suite "Android: Kotlin syntax (tree-sitter), manifest and Gradle promises, 16 KB ELF alignment" bash tests/android/check.sh
suite "FHIR R4: sample bundles validated by independent validators (fhir.resources, fhircraft)" bash tests/fhir/run.sh
suite "PDF: qpdf --check, pdftotext finds the figures in each language, tagged PDF/UA-1 (pdfua, pikepdf), page 1 renders to PNG" bash tests/pdf/check.sh
suite "iCalendar: the plan's .ics parsed by Python's icalendar" bash tests/ics/check.sh
suite "CSV: exports re-read by Python's csv module, formula cells defused" bash tests/csv/check.sh
suite "Dependencies: cargo deny — no crate that opens network connections, app-store licences" bash tests/deny.sh
suite "Fuzzing: every cargo-fuzz target for ${FUZZ_SECONDS:-60} s, zero crashes (long run: tests/long.sh)" bash tests/fuzz/run.sh
suite "Benchmarks, quick variant (the full table: cargo run --release -p steady-bench)" bash bench/quick.sh

echo "all suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
