#!/usr/bin/env bash
# The CI-sized benchmark: installs what is missing, builds, and runs
#   cargo run --release -p steady-bench -- --quick
# (small diaries, few iterations). A missed performance target does not fail it — CI machines are
# noisy and the diaries small — only a measure that cannot run does. The last line printed is
# always `N passed, M failed`, counting the benchmark's checks that ran without error (one per table
# line), so tests/all.sh can add it to its totals.
#
# Installs when missing (Debian, as tests/jvm/run.sh does): libssl-dev (OpenSSL's libcrypto for the
# SQLCipher baseline), a JDK, libjna-java, and the npm package kotlin-compiler into
# target/kotlin-compiler (bench/ffi/run.sh does the Kotlin part).
#
# Usage: bench/quick.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

summary_printed=0
finish() {
  local status=$?
  if [[ $summary_printed == 0 ]]; then
    echo "bench: stopped before the benchmark ran (exit $status)" >&2
    echo "0 passed, 1 failed"
    status=1
  fi
  exit "$status"
}
trap finish EXIT

if ! command -v cargo >/dev/null 2>&1; then
  echo "bench: cargo not found: install Rust with rustup (https://rustup.rs)" >&2
  exit 1
fi

TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
mkdir -p "$TARGET_DIR"
LOG="$TARGET_DIR/bench-quick.log"
apt_updated=0
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "bench: missing $*, and apt-get is not available to install it" >&2
    return 1
  fi
  if [[ $apt_updated == 0 ]]; then
    apt-get update -qq >"$LOG" 2>&1 || { cat "$LOG" >&2; return 1; }
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >"$LOG" 2>&1 \
    || { cat "$LOG" >&2; return 1; }
}

# SQLCipher (bundled) links OpenSSL's libcrypto; pkg-config finds it. (A vendored OpenSSL build was
# measured at several minutes of extra compile on two cores, the Debian package at seconds.)
if ! pkg-config --exists libcrypto 2>/dev/null; then
  command -v pkg-config >/dev/null 2>&1 || apt_install pkg-config
  pkg-config --exists libcrypto 2>/dev/null || apt_install libssl-dev
fi
command -v cc >/dev/null 2>&1 || apt_install build-essential
command -v readelf >/dev/null 2>&1 || apt_install binutils

set +e
cargo run --release --locked -q -p steady-bench -- --quick 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}
set -e
last="$(tail -n 1 "$LOG")"
if ! grep -Eq '^[0-9]+ passed, [0-9]+ failed$' <<<"$last"; then
  echo "bench: steady-bench did not finish (exit $status)" >&2
  exit 1
fi
summary_printed=1
exit "$status"
